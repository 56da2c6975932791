//! The end of a quiz: score with its formula, per-category breakdown (weakest first), every
//! question with its grade, the learner's notes and the answer, and the ways on (practise the
//! missed ones, new quiz, share). A locked quiz (`lock=1`) offers nothing that leaves it; in an
//! embed the screen stays compact and says the score is the reader's own grading.

use crate::link::{Count, QuizLink};
use crate::quiz::{Grade, Session};
use crate::web::adapters::url::navigate;
use crate::web::components::answer::Answer;
use crate::web::components::{use_ctx, SharePanel};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct ReviewAnswerProps {
    question: crate::bank::Question,
    /// The summary line: grade and prompt.
    children: Html,
}

/// One reviewed question, closed: its answer is rendered when first opened, so the last grade
/// shows the summary in one frame whatever the quiz's length.
#[component]
fn ReviewAnswer(props: &ReviewAnswerProps) -> Html {
    let opened = use_state(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                if d.open() && !*opened {
                    opened.set(true);
                }
            }
        })
    };
    html! {
        <details {ontoggle}>
            <summary>{ props.children.clone() }</summary>
            if *opened {
                <Answer question={props.question.clone()} />
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub session: Session,
    pub link: QuizLink,
    /// Move focus to the heading: only right after the last grade, never on a reload.
    #[prop_or_default]
    pub take_focus: bool,
}

/// What "practise again" holds, said as it is: the missed ones, the half-answered ones, or both.
pub fn practice_label(missed: usize, partly: usize) -> String {
    let n = missed + partly;
    let what = match (missed, partly) {
        (_, 0) => "you missed",
        (0, _) => "you half-answered",
        _ => "you missed or half-answered",
    };
    if n == 1 {
        format!("Practise the one {what}")
    } else {
        format!("Practise the {n} {what}")
    }
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let ctx = use_ctx();
    let bank = &ctx.loaded.bank;
    let display = &ctx.display;
    let summary = props.session.summary(bank);
    let heading = use_node_ref();
    // The Share panel (below the review) comes a frame later: the last grade's frame shows the
    // score and the review at once, without the panel's form and snippets (about 7 ms).
    let share_ready = use_state(|| false);
    {
        let share_ready = share_ready.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                crate::web::adapters::modules::after_paint().await;
                share_ready.set(true);
            });
        });
    }
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
    let count = |grade: Grade| {
        props
            .session
            .grades
            .iter()
            .filter(|g| **g == Some(grade))
            .count()
    };
    let (missed, partly) = (count(Grade::Again), count(Grade::Hard));
    let practice = (!summary.missed.is_empty() && !display.lock).then(|| QuizLink {
        count: Count::All,
        seed: None,
        ids: Some(summary.missed.clone()),
        review: false,
        ..props.link.clone()
    });
    // Weakest first; equal scores keep quiz order.
    let mut categories = summary.categories.clone();
    categories.sort_by_key(|c| c.percent());
    let review = html! {
        <ol class="review">
            { for props.session.ids.iter().zip(&props.session.grades).enumerate().filter_map(|(i, (id, g))| {
                let q = bank.question(id)?;
                let grade = g.map_or("Not graded", |g| g.label());
                let class = g.map_or_else(|| "grade-tag".to_owned(), |g| format!("grade-tag grade-{}", g.number()));
                let notes = props.session.notes_of(i).trim();
                Some(html! {
                    <li key={id.clone()}>
                        <ReviewAnswer question={q.clone()}>
                            <span class={class}>{ grade }</span>
                            <span class="review-prompt">{ &q.prompt }</span>
                        </ReviewAnswer>
                        if !notes.is_empty() {
                            <p class="your-notes"><span class="label">{"Your notes: "}</span>{ notes.to_owned() }</p>
                        }
                    </li>
                })
            }) }
        </ol>
    };
    let graded = summary.graded;
    html! {
        <>
        <section class={classes!("card", "summary", display.embed.then_some("compact"))} aria-labelledby="summary-h">
            <h1 id="summary-h" tabindex="-1" ref={heading}>{"Quiz complete"}</h1>
            if (graded as usize) < props.session.len() {
                <p class="ended-early">
                    { format!("You ended the quiz after grading {graded} of {} questions; the score covers those.", props.session.len()) }
                </p>
            }
            <p class="score">
                <span class="score-big">{ format!("{}%", summary.percent()) }</span>
                <span>{ format!("{} of {} points", summary.points, summary.max_points) }</span>
            </p>
            if display.embed {
                <p class="self-assessed">
                    {"You graded your own answers against the model answers: this score is your own assessment, not a test result. Nothing you wrote left this page."}
                </p>
            }
            <p class="formula">
                {"Score = points ÷ (3 × questions). Missed it = 0, Partly = 1, Got it = 2, Nailed it = 3."}
            </p>
            if categories.len() > 1 {
                <h2>{"By category, weakest first"}</h2>
                <table class="breakdown">
                    <thead><tr><th scope="col">{"Category"}</th><th scope="col">{"Score"}</th></tr></thead>
                    <tbody>
                        { for categories.iter().map(|c| {
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
            }
            if display.embed {
                <details class="review-box">
                    <summary><h2>{ if (graded as usize) < props.session.len() {
                        format!("Your answers ({graded} of {} graded)", props.session.len())
                    } else {
                        format!("Your answers ({graded})")
                    } }</h2></summary>
                    { review }
                </details>
            } else {
                <h2>{"Your answers"}</h2>
                { review }
            }
            if !display.lock {
                <div class="actions">
                    if let Some(p) = practice {
                        <button class="button primary" onclick={go(p.route())}>
                            { practice_label(missed, partly) }
                        </button>
                    }
                    <button class="button" onclick={go(fresh.route())}>{"New quiz"}</button>
                </div>
            }
        </section>
        if *share_ready && !display.embed && !display.lock {
            <SharePanel categories={fresh.clone()} exact={Some(props.link.clone())} />
        }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::practice_label;

    #[test]
    fn the_practice_button_says_what_it_holds() {
        assert_eq!(
            practice_label(3, 3),
            "Practise the 6 you missed or half-answered"
        );
        assert_eq!(practice_label(2, 0), "Practise the 2 you missed");
        assert_eq!(practice_label(0, 4), "Practise the 4 you half-answered");
        assert_eq!(practice_label(1, 0), "Practise the one you missed");
    }
}
