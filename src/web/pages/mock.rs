//! Mock interviews (`#/mock?level=&len=&seed=`): the setup (while the link lacks a level or a
//! length), the interview against the clock, and its report. The rules are `crate::mock`.

use crate::bank::{Difficulty, Loaded};
use crate::link::quiz_of;
use crate::mock::{
    clock_text, level_param, plan, secs_text, spoken_duration, MockAction, MockLink, MockRecord,
    MockSession, LENGTHS,
};
use crate::quiz::{Action, Effect};
use crate::web::adapters::url::navigate;
use crate::web::components::answer::Answer;
use crate::web::components::grading::Grading;
use crate::web::components::question::{
    end_confirm, questions_text, reveal_button, undo_button, use_quiz_keys,
};
use crate::web::components::recorder::Recorder;
use crate::web::components::workspace::Workspace;
use crate::web::components::{use_ctx, ErrorPage};
use crate::web::context::{record_effect, use_intervals};
use crate::web::{fresh_seed, now_ms};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MockPageProps {
    pub link: MockLink,
}

#[component]
pub fn MockPage(props: &MockPageProps) -> Html {
    let ctx = use_ctx();
    let link = props.link.clone();
    // The link (its key) the learner chose to start although another interview is unfinished.
    let confirmed = use_state(|| None::<String>);
    {
        // A complete link without a seed gets one, written into the URL (shareable, reloadable).
        let link = link.clone();
        use_effect_with(link, |link| {
            if link.level.is_some() && link.minutes.is_some() && link.seed.is_none() {
                let seeded = MockLink {
                    seed: Some(fresh_seed()),
                    ..link.clone()
                };
                navigate(&seeded.route(), true);
            }
        });
    }
    if link.complete().is_none() {
        if link.level.is_some() && link.minutes.is_some() {
            return html! { <div class="loading" role="status">{"Drawing questions…"}</div> };
        }
        return html! { <Setup link={link} /> };
    }
    let stored = ctx.store.mock().filter(|s| s.fits(&ctx.loaded.bank));
    let (stored, other) = match stored {
        Some(s) if s.route == link.key() => (Some(s), None),
        Some(s) if !s.ended() && confirmed.as_deref() != Some(link.key().as_str()) => {
            (None, Some(s))
        }
        _ => (None, None),
    };
    if let Some(unfinished) = other {
        // Another link while an interview is unfinished: it is replaced only when asked to
        // (the Setup form's Start says so itself; a link or Back must not lose it).
        let start = {
            let (confirmed, key) = (confirmed.clone(), link.key());
            Callback::from(move |_: MouseEvent| confirmed.set(Some(key.clone())))
        };
        return html! { <Replace {unfinished} link={link} {start} /> };
    }
    let now = now_ms();
    match stored.map_or_else(|| MockSession::new(&link, &ctx.loaded.bank, now), Ok) {
        Ok(session) => {
            let key = session.route.clone();
            html! { <Interview {key} {session} link={link} /> }
        }
        Err(e) => html! {
            <ErrorPage title="This interview can't be built" message={e.to_string()}
                home={crate::link::error_home(&ctx.display)}>
                if !ctx.display.lock {
                    <a class="button" href={format!("#{}", MockLink { display: ctx.display.clone(), ..MockLink::default() }.route())}>
                        {"Set up an interview"}</a>
                }
            </ErrorPage>
        },
    }
}

#[derive(Properties, PartialEq)]
struct SetupProps {
    link: MockLink,
}

const LEVELS: [Difficulty; 3] = [Difficulty::Junior, Difficulty::Mid, Difficulty::Senior];

#[component]
fn Setup(props: &SetupProps) -> Html {
    let ctx = use_ctx();
    use_effect_with((), |_| crate::web::set_title(Some("Mock interview")));
    let heading = use_node_ref();
    {
        // Opened from the report ("Change level or length"): the form's heading takes the focus.
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if crate::web::adapters::url::followed_a_click() {
                crate::web::focus(&heading);
            }
        });
    }
    let level = use_state(|| props.link.level.unwrap_or(Difficulty::Junior));
    let minutes = use_state(|| props.link.minutes.unwrap_or(30));
    let unfinished = ctx
        .store
        .mock()
        .filter(|s| !s.ended() && s.fits(&ctx.loaded.bank));
    let planned = plan(&ctx.loaded.bank, *level, *minutes, "preview");
    let coding = planned.iter().filter(|p| p.stage == "coding").count();
    let start = {
        let (level, minutes, display) = (*level, *minutes, ctx.display.clone());
        let store = ctx.store.clone();
        let replaces = unfinished.is_some();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if replaces {
                store.save_mock(None);
            }
            let link = MockLink {
                level: Some(level),
                minutes: Some(minutes),
                seed: Some(fresh_seed()),
                display: display.clone(),
            };
            navigate(&link.route(), false);
        })
    };
    let radio =
        |name: &'static str, value: String, label: String, checked: bool, on: Callback<Event>| {
            html! {
                <label class="choice">
                    <input type="radio" {name} value={value} {checked} onchange={on} />
                    <span>{ label }</span>
                </label>
            }
        };
    html! {
        <main class="mock-setup">
            <h1 tabindex="-1" ref={heading}>{"Mock interview"}</h1>
            <p class="lede">{"Questions against the clock, in the order a real interview takes them: openers on core Python, then OOP, data structures and algorithms, libraries, files and exceptions, concurrency, databases and testing (system design at senior level), and one live-coding challenge to finish. Answer aloud (record yourself if you like), in the notes or in the editor, then reveal the model answer and grade yourself."}</p>
            if let Some(s) = &unfinished {
                <p class="notice">
                    { format!("You have an unfinished interview ({}). ", unfinished_text(s)) }
                    <a href={format!("#{}", resume_route(s, &ctx.display))}>{"Resume it"}</a>
                </p>
            }
            <form class="card mock-form" onsubmit={start}>
                <fieldset class="count">
                    <legend>{"Level"}</legend>
                    { for LEVELS.iter().map(|&l| {
                        let level = level.clone();
                        radio("level", level_param(l).to_owned(), l.label().to_owned(), *level == l,
                            Callback::from(move |_| level.set(l)))
                    }) }
                </fieldset>
                <fieldset class="count">
                    <legend>{"Length"}</legend>
                    { for LENGTHS.iter().map(|&m| {
                        let minutes = minutes.clone();
                        radio("len", m.to_string(), format!("{m} minutes"), *minutes == m,
                            Callback::from(move |_| minutes.set(m)))
                    }) }
                </fieldset>
                <p class="hint">
                    { format!("About {} questions{}. A clock runs for each question, with a suggested time from its difficulty; you can pause.",
                        planned.len() - coding,
                        if coding > 0 { " and a live-coding challenge" } else { "" }) }
                </p>
                <button class="button primary" type="submit">{"Start the interview"}</button>
                if unfinished.is_some() {
                    <p class="hint">{"Starting a new interview replaces the unfinished one."}</p>
                }
            </form>
        </main>
    }
}

/// The link that resumes `s`, in the current display.
fn resume_route(s: &MockSession, display: &crate::link::Display) -> String {
    let query = s.route.split_once('?').map_or("", |(_, q)| q);
    MockLink {
        display: display.clone(),
        ..crate::mock::parse_mock(query).unwrap_or_default()
    }
    .route()
}

/// "Level, N minutes, question i of n" of an unfinished interview.
fn unfinished_text(s: &MockSession) -> String {
    format!(
        "{}, {} minutes, question {} of {}",
        s.level.label(),
        s.minutes,
        (s.quiz.index + 1).min(s.quiz.len()),
        s.quiz.len()
    )
}

#[derive(Properties, PartialEq)]
struct ReplaceProps {
    unfinished: MockSession,
    link: MockLink,
    start: Callback<MouseEvent>,
}

/// A link to another interview while one is unfinished: resume that one, or start this one.
#[component]
fn Replace(props: &ReplaceProps) -> Html {
    let ctx = use_ctx();
    use_effect_with((), |_| crate::web::set_title(Some("Mock interview")));
    let s = &props.unfinished;
    let new = props
        .link
        .level
        .zip(props.link.minutes)
        .map(|(l, m)| format!("{}, {m} minutes", l.label()))
        .unwrap_or_default();
    html! {
        <main class="mock-setup">
            <h1 tabindex="-1">{"Mock interview"}</h1>
            <p class="notice" role="status">
                { format!("You have an unfinished interview ({}). This link starts another one ({new}), which would replace it.", unfinished_text(s)) }
            </p>
            <div class="actions">
                // Locked (a careers page): only this link's interview, no way to another one.
                if !ctx.display.lock {
                    <a class="button primary" href={format!("#{}", resume_route(s, &ctx.display))}>
                        {"Resume the unfinished interview"}</a>
                }
                <button class="button" onclick={props.start.clone()}>{"Start the new interview"}</button>
            </div>
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct InterviewProps {
    session: MockSession,
    link: MockLink,
}

fn stage_title(loaded: &Loaded, stage: &str) -> String {
    loaded
        .bank
        .category(stage)
        .map_or_else(|| stage.to_owned(), |c| c.title.clone())
}

#[component]
fn Interview(props: &InterviewProps) -> Html {
    let ctx = use_ctx();
    let session = use_state(|| props.session.clone());
    let heading = use_node_ref();
    let paused_heading = use_node_ref();
    let answer_heading = use_node_ref();
    let tick = use_force_update();
    let confirm_end = use_state(|| false);
    let (end_ref, keep_ref) = (use_node_ref(), use_node_ref());
    {
        // Asked about this question: a grade or a pause meanwhile closes it.
        let confirm_end = confirm_end.clone();
        use_effect_with((session.quiz.index, session.paused()), move |_| {
            confirm_end.set(false)
        });
    }
    {
        // Started by a click (Start, Another interview): the first question takes the focus.
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if crate::web::adapters::url::followed_a_click() {
                crate::web::focus(&heading);
            }
        });
    }
    // The interview as last saved or taken over, and whether the state on screen came from the
    // other tab (then it is not saved back: a stale echo could overwrite that tab's newer save
    // and send it back a question, as with a quiz).
    let shown = use_mut_ref(|| (*session).clone());
    let taken_over = use_mut_ref(|| false);
    {
        // Another tab went on with this interview: show where it is now (one interview, one
        // state; the last to act wins, as with two people at one desk).
        let store = ctx.store.clone();
        let session = session.clone();
        let bank = ctx.loaded.clone();
        let (shown, taken_over) = (shown.clone(), taken_over.clone());
        use_effect_with(ctx.revision, move |_| {
            if let Some(theirs) = store
                .mock()
                .filter(|s| s.route == session.route && s.fits(&bank.bank))
            {
                if theirs != *shown.borrow() {
                    *shown.borrow_mut() = theirs.clone();
                    *taken_over.borrow_mut() = true;
                    session.set(theirs);
                }
            }
        });
    }
    {
        let store = ctx.store.clone();
        use_effect_with((*session).clone(), move |s| {
            *shown.borrow_mut() = s.clone();
            if std::mem::take(&mut *taken_over.borrow_mut()) {
                return;
            }
            store.save_mock(Some(s));
            // A finished interview is kept (once: the same record replaces itself).
            if let Some(record) = s.record() {
                store.update_mocks(|m| m.merge(&[record]));
            }
        });
    }
    {
        let running = !session.paused() && !session.ended();
        use_effect_with(running, move |&running| {
            let timer = running
                .then(|| gloo::timers::callback::Interval::new(1_000, move || tick.force_update()));
            move || drop(timer)
        });
    }
    let dispatch = {
        let session = session.clone();
        let store = ctx.store.clone();
        let bank = ctx.loaded.clone();
        let heading = heading.clone();
        let paused_heading = paused_heading.clone();
        let answer_heading = answer_heading.clone();
        let locked = ctx.display.lock;
        Callback::from(move |action: MockAction| {
            if action == MockAction::Quiz(Action::Undo) && !session.quiz.may_undo(locked) {
                return;
            }
            let mut next = (*session).clone();
            let effect = next.apply(action, now_ms());
            if effect.is_none() && next == *session {
                return;
            }
            if let Some(effect) = &effect {
                record_effect(&store, &bank.bank, effect);
            }
            let target = match (&effect, action) {
                (Some(Effect::Revealed(_)), _) => Some(answer_heading.clone()),
                // Pausing moves to "Paused" (so Space can't resume by accident on the toggle).
                (None, MockAction::Pause) => Some(paused_heading.clone()),
                (Some(Effect::Graded { .. } | Effect::Ungraded { .. }), _)
                | (None, MockAction::Resume) => Some(heading.clone()),
                _ => None,
            };
            session.set(next);
            if let Some(target) = target {
                crate::web::focus_after_render(target);
            }
        })
    };
    let quiz_dispatch = {
        let dispatch = dispatch.clone();
        Callback::from(move |a: Action| dispatch.emit(MockAction::Quiz(a)))
    };
    use_quiz_keys(
        quiz_dispatch.clone(),
        session.quiz.revealed || session.paused(),
        session.quiz.index,
    );
    let current_id = session.current().map(|p| p.id.clone());
    let intervals = use_intervals(current_id.clone(), session.quiz.revealed);
    {
        let (n, total, ended) = (session.quiz.index + 1, session.quiz.len(), session.ended());
        use_effect_with((n, total, ended), |&(n, total, ended)| {
            crate::web::set_title(Some(&if ended {
                "Interview report".to_owned()
            } else {
                format!("Interview question {n} of {total}")
            }))
        });
    }
    let now = now_ms();
    let level_line = format!("{} · {} minutes", session.level.label(), session.minutes);
    if session.ended() {
        let undo = session.quiz.may_undo(ctx.display.lock).then(|| {
            let dispatch = quiz_dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::Undo))
        });
        return match session.record() {
            Some(record) => html! {
                <Report {record} link={props.link.clone()} {undo} />
            },
            None => html! {},
        };
    }
    let Some(item) = session.current().cloned() else {
        return html! {};
    };
    let Some(q) = ctx.loaded.bank.question(&item.id) else {
        return html! {};
    };
    let pause = {
        let dispatch = dispatch.clone();
        let paused = session.paused();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(if paused {
                MockAction::Resume
            } else {
                MockAction::Pause
            })
        })
    };
    // Ending is for good (a reviewer may Undo a grade, not the end), so it asks first; the
    // focus goes to the safe answer and back.
    let end = {
        let (confirm_end, keep_ref) = (confirm_end.clone(), keep_ref.clone());
        Callback::from(move |_: MouseEvent| {
            confirm_end.set(true);
            crate::web::focus_after_render(keep_ref.clone());
        })
    };
    let confirm = (*confirm_end).then(|| {
        let left = questions_text(session.quiz.len() - session.quiz.graded());
        let notes = if session.quiz.notes.trim().is_empty() {
            ""
        } else {
            " Your notes on this question aren't kept."
        };
        let end = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(MockAction::End))
        };
        let question = format!("End the interview now? {left} won't be graded.{notes}");
        end_confirm(
            "interview",
            question,
            end,
            &confirm_end,
            &keep_ref,
            &end_ref,
        )
    });
    // As in a quiz: the last grade can be taken back (also with U), never in a locked one.
    let undo = session
        .quiz
        .undo
        .as_ref()
        .filter(|_| session.quiz.may_undo(ctx.display.lock) && !session.paused())
        .map(|u| undo_button(u.grade, quiz_dispatch.clone()));
    let question_ms = session.question_ms(now);
    let suggested_ms = f64::from(item.suggested_secs) * 1000.0;
    let over = session.question_over(now);
    let total_ms = session.total_ms(now);
    let total_limit = f64::from(session.minutes) * 60_000.0;
    let n = session.quiz.index + 1;
    let of = session.quiz.len();
    let coding = item.stage == "coding" && q.challenge.is_some();
    let on_notes = {
        let session = session.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                let mut next = (*session).clone();
                next.quiz.notes = t.value();
                session.set(next);
            }
        })
    };
    let body = if session.quiz.revealed {
        html! {
            <>
                <Answer question={q.clone()} heading={answer_heading.clone()} key_points={false} />
                <Grading key_points={q.key_points.iter().cloned().map(AttrValue::from).collect::<Vec<_>>()}
                    ticks={session.quiz.ticks} {intervals} dispatch={quiz_dispatch.clone()} />
            </>
        }
    } else {
        let dispatch = quiz_dispatch.clone();
        reveal_button(Callback::from(move |_| dispatch.emit(Action::Reveal)))
    };
    html! {
        <main class="mock">
            <header class="mock-head">
                <div class="scope">
                    <p class="scope-title">{"Mock interview"}</p>
                    <p class="scope-desc">{ level_line }</p>
                </div>
                <div class="clocks">
                    <p class={classes!("clock", (total_ms > total_limit).then_some("over"))}>
                        <span class="clock-label">{"Interview"}</span>
                        <span role="timer" aria-label={format!("Interview time: {} of {} minutes", spoken_duration(total_ms), session.minutes)}>
                            { clock_text(total_ms) }{" / "}{ clock_text(total_limit) }
                        </span>
                    </p>
                    <p class={classes!("clock", over.then_some("over"))}>
                        <span class="clock-label">{"This question"}</span>
                        <span role="timer" aria-label={format!("This question: {}, suggested {}", spoken_duration(question_ms), spoken_duration(suggested_ms))}>
                            { clock_text(question_ms) }{" / "}{ clock_text(suggested_ms) }
                        </span>
                    </p>
                </div>
                <div class="mock-controls">
                    <button class="button subtle" onclick={pause.clone()} aria-pressed={session.paused().to_string()}>
                        { if session.paused() { "Resume" } else { "Pause" } }
                    </button>
                    <button class="button subtle" onclick={end} ref={end_ref.clone()} aria-expanded={confirm.is_some().to_string()}>{"End interview"}</button>
                    if let Some(undo) = undo {
                        { undo }
                    }
                </div>
            </header>
            { for confirm }
            // Said once when the question runs over (the timers themselves stay quiet).
            <p class="visually-hidden" aria-live="polite">
                { if over { "Over the suggested time for this question. Wrap up when you are ready." } else { "" } }
            </p>
            if over {
                <p class="over-cue" aria-hidden="true">{"Over the suggested time: wrap up when you're ready."}</p>
            }
            <div class="progress-line">
                <span class="counter">{ format!("Question {n} of {of} · {}", stage_title(&ctx.loaded, &item.stage)) }</span>
                <div class="bar" role="progressbar" aria-label="Interview progress"
                    aria-valuemin="0" aria-valuemax={of.to_string()} aria-valuenow={session.quiz.index.to_string()}
                    aria-valuetext={format!("Question {n} of {of}")}>
                    <div class="fill" style={format!("width: {}%", session.quiz.index * 100 / of.max(1))}></div>
                </div>
            </div>
            if session.paused() {
                <section class="card paused">
                    <h1 tabindex="-1" ref={paused_heading}>{"Paused"}</h1>
                    <p>{"Both clocks are stopped and the question is hidden until you resume."}</p>
                    <button class="button primary" onclick={pause}>{"Resume"}</button>
                </section>
            }
            // Hidden, not gone, while paused: a code run in progress finishes and shows its
            // results after Resume (it was thrown away, and Python restarted).
                <article class="card question" key={q.id.clone()} hidden={session.paused()}>
                    <p class="meta">
                        <span class="badge">{ stage_title(&ctx.loaded, &item.stage) }</span>
                        <span class="badge difficulty">{ q.difficulty.label() }</span>
                    </p>
                    <h1 class="prompt" tabindex="-1" ref={heading}>{ &q.prompt }</h1>
                    if coding {
                        <p class="hint">{"Live coding: talk through your approach as you write, run the tests, then reveal the reference solution and grade yourself."}</p>
                        <Workspace question={q.clone()} />
                    } else {
                        <label class="notes">
                            <span>{"Answer out loud, or note your points here."}</span>
                            <textarea rows="3" maxlength="10000" value={session.quiz.notes.clone()} oninput={on_notes}
                                spellcheck="false" autocapitalize="off" class="mono" placeholder="The points you would make…" />
                        </label>
                    }
                    <Recorder id={AttrValue::from(q.id.clone())} revealed={session.quiz.revealed} paused={session.paused()} />
                    { body }
                </article>
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct ReportProps {
    record: MockRecord,
    link: MockLink,
    undo: Option<Callback<MouseEvent>>,
}

#[component]
fn Report(props: &ReportProps) -> Html {
    let ctx = use_ctx();
    let r = &props.record;
    let report = r.report();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| crate::web::focus(&heading));
    }
    let weak_link =
        (!report.weak.is_empty()).then(|| quiz_of(&ctx.loaded.bank, &report.weak, &ctx.display));
    let again = MockLink {
        seed: Some(fresh_seed()),
        ..props.link.clone()
    }
    .route();
    let setup = MockLink {
        display: ctx.display.clone(),
        ..MockLink::default()
    }
    .route();
    let prompt = |id: &str| {
        ctx.loaded
            .bank
            .question(id)
            .map_or_else(|| id.to_owned(), |q| q.prompt.clone())
    };
    html! {
        <main class="mock report">
            <h1 tabindex="-1" ref={heading}>{"Interview report"}</h1>
            <p class="lede">
                { format!("{} · {} minutes · took {} · ", r.level.label(), r.minutes, secs_text(r.total_secs)) }
                if report.graded > 0 {
                    { format!("self-assessed score {}% ({} of {} points)", report.percent(), report.points, report.graded * 3) }
                } else {
                    {"nothing graded"}
                }
            </p>
            <p>
                { format!("{} of {} questions went over their suggested time.", report.over_time, r.items.len()) }
                if report.unanswered > 0 {
                    { format!(" {} not graded: the interview ended first.", report.unanswered) }
                }
            </p>
            // Locked (a careers page): no way away from this interview, as with a quiz.
            if !ctx.display.lock {
                <div class="actions">
                    if let Some(route) = weak_link {
                        <a class="button primary" href={format!("#{route}")}>
                            { format!("Practise the {} you missed or half-answered", report.weak.len()) }
                        </a>
                    }
                    <a class="button" href={format!("#{again}")}>{"Another interview like this"}</a>
                    <a class="button subtle" href={format!("#{setup}")}>{"Change level or length"}</a>
                    if let Some(undo) = props.undo.clone() {
                        <button class="button subtle" onclick={undo}>{"Undo last grade"}</button>
                    }
                </div>
            }
            if !report.stages.is_empty() {
                <h2>{"Stages, weakest first"}</h2>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Stages">
                    // Stacked rows on phones, as the dashboard's table (`by-cat`).
                    <table class="stats by-cat">
                        <thead><tr><th scope="col">{"Stage"}</th><th scope="col">{"Graded"}</th><th scope="col">{"Score"}</th><th scope="col">{"Time / suggested"}</th></tr></thead>
                        <tbody>
                            { for report.stages.iter().map(|s| html! {
                                <tr>
                                    <th scope="row">{ stage_title(&ctx.loaded, &s.stage) }</th>
                                    <td data-label="Graded">{ s.graded }</td>
                                    <td data-label="Score">{ format!("{}%", s.percent()) }</td>
                                    <td data-label="Time / suggested">{ format!("{} / {}", secs_text(s.spent_secs), secs_text(s.suggested_secs)) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            <h2>{"Question by question"}</h2>
            <ol class="mock-items">
                { for r.items.iter().map(|i| {
                    let over = i.spent_secs > i.suggested_secs;
                    html! {
                        <li class="card">
                            <p class="item-prompt">{ prompt(&i.id) }</p>
                            <p class="meta">
                                <span class="badge">{ stage_title(&ctx.loaded, &i.stage) }</span>
                                <span class={classes!("badge", over.then_some("over"))}>
                                    { format!("{} of {} suggested", secs_text(i.spent_secs), secs_text(i.suggested_secs)) }
                                    if over { {" · over"} }
                                </span>
                                <span class="badge">{ i.grade.map_or("Not graded", |g| g.label()) }</span>
                            </p>
                        </li>
                    }
                }) }
            </ol>
        </main>
    }
}
