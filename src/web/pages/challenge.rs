//! Live coding (`#/challenge` and `#/challenge/<id>`): every question that asks for code, and
//! one challenge's view: the problem, the editor with the learner's draft, Run on CPython in
//! the browser, hints, then the reference solution and the self-grade.

use crate::challenge::challenges;
use crate::link::{challenge_route, LinkError};
use crate::quiz::{Action, Effect, Session};
use crate::web::components::answer::Answer;
use crate::web::components::grading::Grading;
use crate::web::components::question::use_quiz_keys;
use crate::web::components::recorder::Recorder;
use crate::web::components::workspace::Workspace;
use crate::web::components::{use_ctx, ErrorPage};
use crate::web::context::{record_effect, use_intervals};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChallengePageProps {
    pub id: Option<String>,
}

#[component]
pub fn ChallengePage(props: &ChallengePageProps) -> Html {
    let ctx = use_ctx();
    let bank = &ctx.loaded.bank;
    match &props.id {
        None => html! { <ChallengeList /> },
        Some(id) => match bank.question(id).filter(|q| q.challenge.is_some()) {
            Some(_) => html! { <ChallengeView key={id.clone()} id={id.clone()} /> },
            None => html! {
                <ErrorPage title="This challenge link doesn't work"
                    message={LinkError::NoChallenge(id.clone()).to_string()}
                    home={challenge_route(None, &ctx.display)} />
            },
        },
    }
}

#[component]
fn ChallengeList() -> Html {
    let ctx = use_ctx();
    use_effect_with((), |_| crate::web::set_title(Some("Live coding")));
    let drafts = ctx.store.drafts();
    let progress = ctx.store.progress();
    html! {
        <main class="challenges">
            <h1>{"Live coding"}</h1>
            <p class="lede">{"Write the code, run it against the tests on real CPython in your browser, then compare with the reference solution and grade yourself. Your code is kept on this device as you type."}</p>
            <ul class="challenge-list">
                { for challenges(&ctx.loaded.bank).map(|q| {
                    let href = format!("#{}", challenge_route(Some(&q.id), &ctx.display));
                    let category = ctx.loaded.bank.category(&q.category).map(|c| c.title.clone()).unwrap_or_default();
                    let last = progress.questions.get(&q.id).and_then(|p| p.grades.last()).map(|g| g.grade);
                    let drafted = drafts.drafts.contains_key(&q.id);
                    html! {
                        <li class="card challenge-item">
                            <a href={href}>{ &q.prompt }</a>
                            <p class="meta">
                                <span class="badge">{ category }</span>
                                <span class="badge difficulty">{ q.difficulty.label() }</span>
                                if drafted { <span class="badge">{"Draft saved"}</span> }
                                if let Some(g) = last { <span class="badge">{ format!("Last: {}", g.label()) }</span> }
                            </p>
                        </li>
                    }
                }) }
            </ul>
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct ChallengeViewProps {
    id: String,
}

#[component]
fn ChallengeView(props: &ChallengeViewProps) -> Html {
    let ctx = use_ctx();
    let bank = ctx.loaded.clone();
    // One question's reveal, ticks, grade and undo: the quiz's reducer.
    let session = use_state(|| {
        Session::new(
            challenge_route(Some(&props.id), &Default::default()),
            vec![props.id.clone()],
        )
    });
    let answer_heading = use_node_ref();
    let graded_note = use_node_ref();
    {
        let q = bank.bank.question(&props.id).map(|q| q.prompt.clone());
        use_effect_with(q, |q| crate::web::set_title(q.as_deref()));
    }
    let dispatch = {
        let session = session.clone();
        let store = ctx.store.clone();
        let bank = bank.clone();
        let answer_heading = answer_heading.clone();
        let graded_note = graded_note.clone();
        Callback::from(move |action: Action| {
            let mut next = (*session).clone();
            let effect = next.apply(action, crate::web::now_ms());
            if let Some(effect) = &effect {
                record_effect(&store, &bank.bank, effect);
            }
            // What the action brought on screen takes the focus, after the render that shows it.
            let target = match effect {
                Some(Effect::Revealed(_) | Effect::Ungraded { .. }) => Some(answer_heading.clone()),
                Some(Effect::Graded { .. }) => Some(graded_note.clone()),
                None => None,
            };
            session.set(next);
            if let Some(target) = target {
                crate::web::focus_after_render(target);
            }
        })
    };
    // The quiz's 1–4 and U (never while typing). Not Space: here it scrolls, and the solution
    // is a spoiler (grades before the reveal are ignored by the session).
    use_quiz_keys(dispatch.clone(), true, session.index);
    let intervals = use_intervals(Some(props.id.clone()), session.revealed);
    let Some(q) = bank.bank.question(&props.id) else {
        return html! {};
    };
    let category = bank
        .bank
        .category(&q.category)
        .map(|c| c.title.clone())
        .unwrap_or_default();
    let reveal = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Reveal))
    };
    let undo = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Undo))
    };
    let others: Vec<_> = challenges(&bank.bank).map(|c| c.id.clone()).collect();
    let next = others
        .iter()
        .position(|i| *i == props.id)
        .and_then(|i| others.get((i + 1) % others.len()))
        .filter(|n| **n != props.id)
        .map(|n| format!("#{}", challenge_route(Some(n), &ctx.display)));
    let list = format!("#{}", challenge_route(None, &ctx.display));
    let graded = session.grades.first().copied().flatten();
    html! {
        <main class="challenge-page">
            <p class="crumbs"><a href={list}>{"All challenges"}</a></p>
            <article class="card question">
                <p class="meta">
                    <span class="badge">{ category }</span>
                    <span class="badge difficulty">{ q.difficulty.label() }</span>
                </p>
                <h1 class="prompt">{ &q.prompt }</h1>
                <p class="hint">{"Write your solution in the editor. It starts from the function signatures the tests call; their docstrings say what each must do."}</p>
                <Workspace question={q.clone()} />
                <Recorder id={AttrValue::from(q.id.clone())} revealed={session.revealed || graded.is_some()} />
                if let Some(g) = graded {
                    <div class="graded">
                        <p tabindex="-1" ref={graded_note} role="status">
                            { format!("You graded this “{}”. It is in your review schedule.", g.label()) }
                        </p>
                        <div class="actions">
                            <button class="button subtle" onclick={undo} aria-keyshortcuts="u">{"Undo grade"}</button>
                            if let Some(next) = next {
                                <a class="button primary" href={next}>{"Next challenge"}</a>
                            }
                        </div>
                    </div>
                    // The solution stays to read again.
                    <Answer question={q.clone()} heading={answer_heading} key_points={true} />
                } else if session.revealed {
                    <Answer question={q.clone()} heading={answer_heading} key_points={false} />
                    <Grading key_points={q.key_points.iter().cloned().map(AttrValue::from).collect::<Vec<_>>()}
                        ticks={session.ticks} {intervals} dispatch={dispatch.clone()} />
                } else {
                    <div class="actions">
                        <button class="button reveal" onclick={reveal}>{"Show the reference solution"}</button>
                        <span class="hint">{"Then grade yourself against its key points."}</span>
                    </div>
                }
            </article>
        </main>
    }
}
