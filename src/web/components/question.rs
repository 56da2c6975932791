//! The quiz's question on screen (`pages::quiz`), before and after the reveal, and the quiz keys
//! (the mock interview's too). The first screen (`first::view`, without Yew) writes the same
//! markup before the reveal, so the hand-over between them changes nothing the learner sees
//! (the load test compares the two).

use crate::bank::{Bank, Question};
use crate::keys::{action_for, Focus};
use crate::quiz::{Action, Session};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub struct QuestionView<'a> {
    pub bank: &'a Bank,
    pub display: &'a crate::link::Display,
    pub question: &'a Question,
    pub session: &'a Session,
    /// Category title and description of the quiz.
    pub scope: (String, String),
    /// Where "Change categories" leads, and what its click does first (if anything).
    pub change_href: String,
    pub on_change: Option<Callback<MouseEvent>>,
    /// Extra controls in the header (Undo).
    pub header_extra: Html,
    pub heading: NodeRef,
    pub on_notes: Callback<InputEvent>,
    /// Under the notes: the recorder and the way to the editor (the app's quiz; the first
    /// screen has none).
    pub tools: Html,
    /// The reveal button, or the answer and grading.
    pub body: Html,
}

pub fn quiz_header(
    scope: (String, String),
    change_href: String,
    on_change: Option<Callback<MouseEvent>>,
    extra: Html,
    display: &crate::link::Display,
) -> Html {
    // A link's `title=` / `intro=` replace the categories' names; a locked quiz (`lock=1`)
    // offers no way to other categories.
    let title = display.title.clone().unwrap_or(scope.0);
    let desc = display.intro.clone().unwrap_or(scope.1);
    html! {
        <header class="quiz-head">
            <div class="scope">
                <p class="scope-title">{ title }</p>
                <p class="scope-desc">{ desc }
                    if !display.lock {
                        {" "}<a href={change_href} onclick={on_change}>{"Change categories"}</a>
                    }
                </p>
            </div>
            { extra }
        </header>
    }
}

/// What the head of a question says: its position ("Question n of total") and its category's
/// title. Shared with the first screen (`first::view::question`).
pub fn question_head<'a>(
    bank: &'a Bank,
    q: &Question,
    session: &Session,
) -> (usize, usize, &'a str) {
    let category = bank
        .category(&q.category)
        .map(|c| c.title.as_str())
        .unwrap_or_default();
    (session.index + 1, session.len(), category)
}

pub fn question_view(v: QuestionView) -> Html {
    let (q, session) = (v.question, v.session);
    let (n, total, category) = question_head(v.bank, q, session);
    let category = category.to_owned();
    html! {
        <main class="quiz">
            { quiz_header(v.scope, v.change_href, v.on_change, v.header_extra, v.display) }
            <div class="progress-line">
                <span class="counter">{ format!("Question {n} of {total}") }</span>
                <div class="bar" role="progressbar" aria-label="Quiz progress"
                    aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={session.index.to_string()}
                    aria-valuetext={format!("Question {n} of {total}")}>
                    <div class="fill" style={format!("width: {}%", session.index * 100 / total.max(1))}></div>
                </div>
            </div>
            <article class="card question" key={q.id.clone()}>
                <p class="meta">
                    <span class="badge">{ category }</span>
                    <span class="badge difficulty">{ q.difficulty.label() }</span>
                </p>
                <h1 class="prompt" tabindex="-1" ref={v.heading}>{ &q.prompt }</h1>
                <label class="notes">
                    <span>{"Your answer (optional): answer in your own words first, out loud or here."}</span>
                    <textarea rows="3" maxlength="10000" value={session.notes.clone()} oninput={v.on_notes}
                        spellcheck="false" autocapitalize="off" class="mono"
                        placeholder="Jot down the points you would make…" />
                </label>
                { v.tools }
                { v.body }
            </article>
        </main>
    }
}

/// The reveal button and its key hint.
pub fn reveal_button(onclick: Callback<MouseEvent>) -> Html {
    html! {
        <div class="actions">
            <button class="button primary reveal" {onclick}>{"Reveal answer"}</button>
            <span class="hint key-hint">{"or press Space"}</span>
        </div>
    }
}

/// Asks before ending a quiz or an interview for good: `question`, then "End the {what}" and
/// "Keep going", which has the focus (`keep_ref`) and, pressed, closes this (`open`) and gives
/// the focus back to the button that asked (`asked_by`).
pub fn end_confirm(
    what: &str,
    question: String,
    end: Callback<MouseEvent>,
    open: &UseStateHandle<bool>,
    keep_ref: &NodeRef,
    asked_by: &NodeRef,
) -> Html {
    let keep = {
        let (open, asked_by) = (open.clone(), asked_by.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            crate::web::focus_after_render(asked_by.clone());
        })
    };
    html! {
        <span class="confirm end" role="group" aria-label={format!("End the {what}?")}>
            <span>{ question }</span>
            <button type="button" class="button danger" onclick={end}>{ format!("End the {what}") }</button>
            <button type="button" class="button subtle" onclick={keep} ref={keep_ref.clone()}>{"Keep going"}</button>
        </span>
    }
}

/// "1 question", "3 questions".
pub fn questions_text(n: usize) -> String {
    format!("{n} {}", if n == 1 { "question" } else { "questions" })
}

/// "Undo last grade" (U), titled with the grade it takes back.
pub fn undo_button(grade: crate::quiz::Grade, dispatch: Callback<crate::quiz::Action>) -> Html {
    html! {
        <button class="button subtle undo" aria-keyshortcuts="u" title={format!("Take back “{}”", grade.label())}
            onclick={Callback::from(move |_| dispatch.emit(crate::quiz::Action::Undo))}>
            {"Undo last grade"}<span class="key-hint" aria-hidden="true">{" (U)"}</span>
        </button>
    }
}

/// What kind of element a key event came from (see `keys::Focus`).
pub fn focus_kind(target: Option<web_sys::EventTarget>) -> Focus {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return Focus::Page;
    };
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => Focus::Typing,
        "INPUT" => match el.get_attribute("type").as_deref() {
            Some("checkbox" | "radio" | "button" | "submit" | "reset") => Focus::Control,
            _ => Focus::Typing,
        },
        "BUTTON" | "A" | "SUMMARY" => Focus::Control,
        _ if el.get_attribute("contenteditable").is_some() => Focus::Typing,
        _ => Focus::Page,
    }
}

/// The quiz's keys (Space/Enter reveal, 1–4 grade, U undo; see `keys`), for whichever screen
/// runs a quiz session: the quiz and the mock interview.
#[hook]
pub fn use_quiz_keys(dispatch: Callback<Action>, revealed: bool, index: usize) {
    // The dispatch reads the session's latest value (yew's state handles deref to the current
    // state), so the listener only changes with what it captures.
    use_effect_with((revealed, index), move |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new_with_options(
                &w,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let modifiers = e.ctrl_key() || e.meta_key() || e.alt_key();
                    if let Some(action) =
                        action_for(&e.key(), focus_kind(e.target()), modifiers, revealed)
                    {
                        e.prevent_default();
                        dispatch.emit(action);
                    }
                },
            )
        });
        move || drop(listener)
    });
}
