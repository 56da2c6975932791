//! Grading a revealed answer: the key points as checkboxes ("tick what you said"), the grade
//! they suggest, and the four grade buttons with the interval each would give.

use crate::progress::Ticks;
use crate::quiz::{suggested_grade, Action, Grade, SUGGESTION_RULE};
use crate::schedule::interval_text;
use crate::web::components::text_with_code;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GradingProps {
    pub key_points: Vec<AttrValue>,
    /// Bit i: key point i ticked; `None` until the learner ticks one.
    pub ticks: Option<u32>,
    /// Days until the next review for each grade (`Grade::ALL` order), once the scheduler
    /// has loaded.
    pub intervals: Option<[f64; 4]>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn Grading(props: &GradingProps) -> Html {
    let of = props.key_points.len().min(Ticks::MAX);
    let ticks = props.ticks.map(|said| Ticks::new(said, of));
    let ticked = ticks.map(|t| t.count());
    let suggested = ticked.and_then(|t| suggested_grade(t, of));
    let suggestion = match (ticked, suggested) {
        (Some(t), Some(g)) => format!("{t} of {of} ticked: suggested grade “{}”.", g.label()),
        _ => "Tick what you said; a grade is suggested from your ticks.".to_owned(),
    };
    html! {
        <section class="grading" aria-label="Grading">
            if of > 0 {
                <h2 id="grading-h" class="grading-title">{"Key points: tick what you said"}</h2>
                <ul class="key-points ticks">
                    { for props.key_points.iter().take(Ticks::MAX).enumerate().map(|(i, k)| {
                        let checked = ticks.is_some_and(|t| t.ticked(i));
                        let dispatch = props.dispatch.clone();
                        let onchange = Callback::from(move |_: Event| dispatch.emit(Action::Tick(i)));
                        html! {
                            <li key={i}>
                                <label>
                                    <input type="checkbox" {checked} {onchange} />
                                    <span>{ text_with_code(k) }</span>
                                </label>
                            </li>
                        }
                    }) }
                </ul>
                <p class="suggestion" aria-live="polite">{ suggestion }</p>
                <p class="hint rule">{ SUGGESTION_RULE }{" You choose the grade."}</p>
            }
            <div class="grades" role="group" aria-labelledby="grade-label">
                <p id="grade-label" class="grade-label">{"Grade your answer"}</p>
                <div class="grade-buttons">
                    { for Grade::ALL.iter().zip(0..).map(|(&g, i)| {
                        let dispatch = props.dispatch.clone();
                        let onclick = Callback::from(move |_| dispatch.emit(Action::Grade(g)));
                        let is_suggested = suggested == Some(g);
                        let class = format!(
                            "button grade grade-{}{}",
                            g.number(),
                            if is_suggested { " suggested" } else { "" }
                        );
                        let next = props.intervals.map(|d| format!("next {}", interval_text(d[i])));
                        let more = match (next, is_suggested) {
                            (Some(n), true) => Some(format!("{n} · suggested")),
                            (Some(n), false) => Some(n),
                            (None, true) => Some("suggested".to_owned()),
                            (None, false) => None,
                        };
                        // The button is named by its grade; what it schedules describes it.
                        let described = format!("grade-{}-more", g.number());
                        html! {
                            <div class="grade-option">
                                <button {class} {onclick} aria-keyshortcuts={g.number().to_string()}
                                    aria-describedby={more.is_some().then(|| described.clone())}>
                                    <kbd aria-hidden="true">{ g.number() }</kbd>{ g.label() }
                                </button>
                                if let Some(more) = more {
                                    <span id={described} class="grade-more">{ more }</span>
                                }
                            </div>
                        }
                    }) }
                </div>
            </div>
        </section>
    }
}
