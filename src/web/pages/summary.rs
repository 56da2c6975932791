//! The end of a quiz: score with its formula, per-category breakdown, every question with its
//! grade and answer, and the ways on (practise the missed ones, new quiz, copy links).

use crate::link::{Count, QuizLink};
use crate::quiz::Session;
use crate::web::adapters::url::navigate;
use crate::web::components::answer::Answer;
use crate::web::components::{use_ctx, SharePanel};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub session: Session,
    pub link: QuizLink,
    /// Move focus to the heading: only right after the last grade, never on a reload.
    #[prop_or_default]
    pub take_focus: bool,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let ctx = use_ctx();
    let bank = &ctx.loaded.bank;
    let summary = props.session.summary(bank);
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        let take_focus = props.take_focus;
        use_effect_with((), move |_| {
            if let Some(el) = heading
                .cast::<web_sys::HtmlElement>()
                .filter(|_| take_focus)
            {
                let _ = el.focus();
            }
        });
    }
    let go = |route: String| Callback::from(move |_| navigate(&route, false));
    let fresh = props.link.without_seed();
    let practice = (!summary.missed.is_empty()).then(|| QuizLink {
        count: Count::All,
        seed: None,
        ids: Some(summary.missed.clone()),
        review: false,
        ..props.link.clone()
    });
    html! {
        <>
        <section class="card summary" aria-labelledby="summary-h">
            <h1 id="summary-h" tabindex="-1" ref={heading}>{"Quiz complete"}</h1>
            <p class="score">
                <span class="score-big">{ format!("{}%", summary.percent()) }</span>
                <span>{ format!("{} of {} points", summary.points, summary.max_points) }</span>
            </p>
            <p class="formula">
                {"Score = points ÷ (3 × questions). Missed it = 0, Partly = 1, Got it = 2, Nailed it = 3."}
            </p>
            <h2>{"By category"}</h2>
            <table class="breakdown">
                <thead><tr><th scope="col">{"Category"}</th><th scope="col">{"Score"}</th></tr></thead>
                <tbody>
                    { for summary.categories.iter().map(|c| {
                        let title = bank.category(&c.slug).map_or(c.slug.clone(), |k| k.title.clone());
                        html! {
                            <tr>
                                <th scope="row">
                                    { title }{" "}
                                    <span class="count">{ format!("{} {}", c.answered, if c.answered == 1 { "question" } else { "questions" }) }</span>
                                </th>
                                <td>{ format!("{}%", c.percent()) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <h2>{"Your answers"}</h2>
            <ol class="review">
                { for props.session.ids.iter().zip(&props.session.grades).filter_map(|(id, g)| {
                    let q = bank.question(id)?;
                    let grade = g.map_or("Not graded", |g| g.label());
                    let class = g.map_or_else(|| "grade-tag".to_owned(), |g| format!("grade-tag grade-{}", g.number()));
                    Some(html! {
                        <li key={id.clone()}>
                            <details>
                                <summary>
                                    <span class={class}>{ grade }</span>
                                    <span class="review-prompt">{ &q.prompt }</span>
                                </summary>
                                <Answer question={q.clone()} />
                            </details>
                        </li>
                    })
                }) }
            </ol>
            <div class="actions">
                if let Some(p) = practice {
                    <button class="button primary" onclick={go(p.route())}>
                        { format!("Practice the missed ones ({})", summary.missed.len()) }
                    </button>
                }
                <button class="button" onclick={go(fresh.route())}>{"New quiz"}</button>
            </div>
        </section>
        if !ctx.display.embed {
            <SharePanel categories={fresh.clone()} exact={Some(props.link.clone())} />
        }
        </>
    }
}
