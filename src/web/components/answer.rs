//! A question's model answer, as the quiz reveals it and the summary and study pages list it.

use crate::bank::Question;
use crate::markdown::fenced;
use crate::web::components::{text_with_code, use_ctx, Markdown};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    pub question: Question,
    #[prop_or_default]
    pub heading: NodeRef,
    /// Whether to list the key points (the quiz shows them as checkboxes by the grades).
    #[prop_or(true)]
    pub key_points: bool,
}

/// The height of a capped answer in an embed: `.answer-body.capped` in styles.css (24rem).
const CAP_PX: i32 = 384;

/// A question's model answer, key points, challenge material and follow-ups. In an embed, a
/// long answer is shown capped (styles.css) with "Show the whole answer", so the grades stay
/// close to the question in the middle of a host's article.
#[component]
pub fn Answer(props: &AnswerProps) -> Html {
    let q = &props.question;
    let embed = use_ctx().display.embed;
    crate::web::context::use_challenge_code(q);
    let body = use_node_ref();
    // Whether the body is long enough to cap (measured once drawn: an answer in a closed
    // `<details>` measures 0 and stays whole), and whether the reader opened it.
    let overflows = use_state(|| false);
    let whole = use_state(|| false);
    {
        let (body, overflows) = (body.clone(), overflows.clone());
        use_effect_with((q.id.clone(), embed), move |_| {
            if let Some(el) = body.cast::<web_sys::Element>() {
                overflows.set(embed && el.scroll_height() > CAP_PX + 160);
            }
        });
    }
    let capped = embed && !*whole;
    let toggle = {
        let whole = whole.clone();
        Callback::from(move |_: MouseEvent| whole.set(!*whole))
    };
    let md = |source: &str| html! { <Markdown source={AttrValue::from(source.to_owned())} /> };
    html! {
        <section class="answer" aria-labelledby={format!("answer-{}", q.id)}>
            <h2 id={format!("answer-{}", q.id)} tabindex="-1" ref={props.heading.clone()}>{"Model answer"}</h2>
            <div ref={body} id={format!("answer-body-{}", q.id)}
                class={classes!("answer-body", (capped && *overflows).then_some("capped"))}>
            { md(&q.answer) }
            if props.key_points && !q.key_points.is_empty() {
                <h3>{"Key points"}</h3>
                <ul class="key-points">
                    { for q.key_points.iter().map(|k| html! { <li>{ text_with_code(k) }</li> }) }
                </ul>
            }
            if let Some(c) = &q.challenge {
                <div class="challenge">
                    <h3>{"Approach"}</h3>
                    { md(&c.approach) }
                    <h3>{"Reference solution"}</h3>
                    <p class="complexity">
                        {"Time "}<code>{ &c.time_complexity }</code>{" · space "}<code>{ &c.space_complexity }</code>
                    </p>
                    { md(&fenced("python", &c.solution)) }
                    if !c.edge_cases.is_empty() {
                        <h3>{"Edge cases"}</h3>
                        <ul>{ for c.edge_cases.iter().map(|e| html! { <li>{ text_with_code(e) }</li> }) }</ul>
                    }
                    if c.has_code() {
                        <details>
                            <summary>{"Tests for the solution"}</summary>
                            { md(&fenced("python", &c.tests)) }
                        </details>
                    }
                    if let Some(f) = &c.sample_file {
                        <details>
                            <summary>{ format!("Sample input: {}", f.name) }</summary>
                            <pre class="code" tabindex="0"><code>{ &f.content }</code></pre>
                        </details>
                    }
                </div>
            }
            if !q.follow_ups.is_empty() {
                <h3>{"Likely follow-ups"}</h3>
                <ul class="follow-ups">
                    { for q.follow_ups.iter().map(|f| html! { <li>{ text_with_code(f) }</li> }) }
                </ul>
            }
            </div>
            if *overflows {
                <button class="button subtle show-whole" aria-expanded={(*whole).to_string()}
                    aria-controls={format!("answer-body-{}", q.id)} onclick={toggle}>
                    { if *whole { "Show less of the answer" } else { "Show the whole answer" } }
                </button>
            }
        </section>
    }
}
