//! The live-coding workspace: the editor with the learner's draft, Run (on Pyodide's CPython,
//! in a worker), the results, and the hints one at a time. Shared by the challenge page and the
//! mock interview's coding stage; the reference solution and the grade belong to them.

use crate::bank::Question;
use crate::challenge::{test_label, RunResult, TIME_LIMIT_MS};
use crate::web::adapters::python::{self, RunEvent};
use crate::web::components::editor::{editor_keys, CodeEditor};
use crate::web::components::{use_ctx, Markdown};
use crate::web::context::Code;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WorkspaceProps {
    /// A question with a challenge.
    pub question: Question,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Loading {
        loaded: f64,
        total: f64,
    },
    Running,
    Done(RunResult),
    TimedOut,
    /// The learner pressed Stop.
    Stopped,
    Failed(String),
}

/// Draft saves wait for a pause in typing.
const SAVE_DELAY_MS: u32 = 400;

fn megabytes(bytes: f64) -> String {
    format!("{:.1}", bytes / 1_048_576.0)
}

/// Waits for the challenge's code (`challenges.json`, fetched after the first screen), so the
/// editor starts from the starter and Run has its tests.
#[component]
pub fn Workspace(props: &WorkspaceProps) -> Html {
    let ctx = use_ctx();
    crate::web::context::use_challenge_code(&props.question);
    let has_code = props
        .question
        .challenge
        .as_ref()
        .is_some_and(|c| c.has_code());
    match (&ctx.code, has_code) {
        (_, true) => {
            html! { <Editing key={props.question.id.clone()} question={props.question.clone()} /> }
        }
        (Code::Loading, false) => html! {
            <p class="hint" role="status">{"Loading the challenge's starter code and tests…"}</p>
        },
        (Code::Failed(why), false) => html! {
            <p class="notice no-python" role="alert">
                { format!("The challenge's starter code and tests could not be loaded: {why} Reload the page to try again; the model answer below still works.") }
            </p>
        },
        (Code::Ready, false) => html! {
            <p class="notice no-python" role="status">
                {"This challenge has no tests in this question bank, so there is nothing to run. Write your answer aloud or in the notes, then compare with the reference solution."}
            </p>
        },
    }
}

#[component]
fn Editing(props: &WorkspaceProps) -> Html {
    let ctx = use_ctx();
    let q = &props.question;
    let Some(challenge) = q.challenge.as_ref() else {
        return html! {};
    };
    let id = q.id.clone();
    let starter = challenge.starter.clone();
    let (code, hints_shown) = {
        let store = ctx.store.clone();
        let (id, starter) = (id.clone(), starter.clone());
        let drafts = use_memo((), move |_| store.drafts());
        (
            use_state(|| drafts.code(&id, &starter).to_owned()),
            use_state(|| drafts.hints(&id)),
        )
    };
    let status = use_state(|| Status::Idle);
    let available = use_state(|| None::<python::Runtime>);
    let confirm_reset = use_state(|| false);
    let run_button = use_node_ref();
    let editor = use_node_ref();
    let pending = use_mut_ref(|| None::<Timeout>);
    let asked_hint = use_mut_ref(|| false);
    {
        // Asked once, and again whenever the device comes back online (Python downloads the
        // first time it runs, so offline it may not be had yet).
        let available = available.clone();
        use_effect_with((), move |_| {
            let ask = move || {
                let available = available.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    available.set(Some(python::available().await));
                });
            };
            ask();
            let listener = web_sys::window()
                .map(|w| gloo::events::EventListener::new(&w, "online", move |_| ask()));
            move || drop(listener)
        });
    }
    // The draft: saved after a pause in typing, and at once when the workspace goes away or the
    // page is left (a reload right after typing kept the text from before the pause).
    let unsaved = use_mut_ref(|| None::<String>);
    let save = {
        let store = ctx.store.clone();
        let id = id.clone();
        let unsaved = unsaved.clone();
        move |code: &str| {
            unsaved.borrow_mut().take();
            store.update_drafts(|d| d.keep(&id, code, crate::web::now_ms()));
        }
    };
    let flush = {
        let (unsaved, pending, save) = (unsaved.clone(), pending.clone(), save.clone());
        move || {
            pending.borrow_mut().take();
            let text = unsaved.borrow_mut().take();
            if let Some(text) = text {
                save(&text);
            }
        }
    };
    {
        let flush = flush.clone();
        use_effect_with((), move |_| {
            let on_leave = {
                let flush = flush.clone();
                web_sys::window()
                    .map(|w| gloo::events::EventListener::new(&w, "pagehide", move |_| flush()))
            };
            move || {
                drop(on_leave);
                flush();
            }
        });
    }
    let on_change = {
        let code = code.clone();
        let pending = pending.clone();
        let save = save.clone();
        let unsaved = unsaved.clone();
        Callback::from(move |text: String| {
            code.set(text.clone());
            *unsaved.borrow_mut() = Some(text.clone());
            let save = save.clone();
            *pending.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || save(&text)));
        })
    };
    let on_event = {
        let status = status.clone();
        use_memo((), move |_| {
            Callback::from(move |e: RunEvent| {
                status.set(match e {
                    RunEvent::Loading { loaded, total } => Status::Loading { loaded, total },
                    RunEvent::Ready { .. } | RunEvent::Running => Status::Running,
                    RunEvent::Done(r) => Status::Done(r),
                    RunEvent::TimedOut => Status::TimedOut,
                    RunEvent::Failed(m) => Status::Failed(m),
                })
            })
        })
    };
    {
        let on_event = (*on_event).clone();
        use_effect_with((), move |_| move || python::forget(&on_event));
    }
    let busy = matches!(*status, Status::Loading { .. } | Status::Running);
    let run = {
        let code = code.clone();
        let status = status.clone();
        let on_event = (*on_event).clone();
        let tests = challenge.tests.clone();
        let files: Vec<(String, String)> = challenge
            .sample_file
            .iter()
            .map(|f| (f.name.clone(), f.content.clone()))
            .collect();
        let available = *available;
        Callback::from(move |()| {
            if busy || available.is_some_and(|r| r != python::Runtime::Here) {
                return;
            }
            status.set(if python::loaded_version().is_some() {
                Status::Running
            } else {
                Status::Loading {
                    loaded: 0.0,
                    total: 0.0,
                }
            });
            python::run(&code, &tests, &files, on_event.clone());
        })
    };
    let reset = {
        let code = code.clone();
        let confirm_reset = confirm_reset.clone();
        let starter = starter.clone();
        let save = save.clone();
        let editor = editor.clone();
        Callback::from(move |really: bool| {
            if really {
                code.set(starter.clone());
                save(&starter);
            }
            confirm_reset.set(false);
            // Either answer removes the buttons: the focus goes back to the code.
            crate::web::focus_after_render(editor.clone());
        })
    };
    let last_hint = use_node_ref();
    {
        // A hint the learner asked for takes the focus, so it is read out next (and the button,
        // gone after the last hint, doesn't drop the focus).
        let last_hint = last_hint.clone();
        let asked = asked_hint.clone();
        use_effect_with(*hints_shown, move |_| {
            if *asked.borrow() {
                crate::web::focus(&last_hint);
            }
        });
    }
    let show_hint = {
        let asked = asked_hint.clone();
        let hints_shown = hints_shown.clone();
        let store = ctx.store.clone();
        let (id, starter) = (id.clone(), starter.clone());
        let n = challenge.hints.len();
        Callback::from(move |_: MouseEvent| {
            *asked.borrow_mut() = true;
            let next = (*hints_shown + 1).min(n);
            hints_shown.set(next);
            store.update_drafts(|d| d.show_hints(&id, next, &starter, crate::web::now_ms()));
        })
    };

    let marked_line = match &*status {
        Status::Done(r) => r
            .error
            .as_ref()
            .and_then(|e| e.line)
            .or_else(|| r.tests.iter().find(|t| !t.passed).and_then(|t| t.line)),
        _ => None,
    };
    let run_control = match *available {
        Some(python::Runtime::Missing) => html! {
            <p class="notice no-python" role="status">
                {"Running code needs the Python runtime (Pyodide), which this copy of PyPrep doesn't include. Write your solution here, then compare it with the reference solution below."}
            </p>
        },
        Some(python::Runtime::Unreachable) => html! {
            <p class="notice no-python" role="status">
                {"Running code needs the Python runtime (Pyodide, about 10 MB), downloaded the first time you run code, and this device is offline. Write your solution here; Run comes back once you are online."}
            </p>
        },
        // One button that turns into Stop while code runs, so the focus stays on it.
        _ => {
            let onclick = {
                let run = run.clone();
                let status = status.clone();
                Callback::from(move |_: MouseEvent| {
                    if busy {
                        python::cancel();
                        status.set(Status::Stopped);
                    } else {
                        run.emit(());
                    }
                })
            };
            let class = if busy {
                "button run stop"
            } else {
                "button primary run"
            };
            html! {
                <button {class} ref={run_button.clone()} {onclick} aria-keyshortcuts="Control+Enter">
                    { if busy { "Stop" } else { "Run tests" } }
                </button>
            }
        }
    };
    let reset_control = if *confirm_reset {
        let yes = {
            let reset = reset.clone();
            Callback::from(move |_: MouseEvent| reset.emit(true))
        };
        let no = Callback::from(move |_: MouseEvent| reset.emit(false));
        html! {
            <span class="confirm" role="group" aria-label="Start over?">
                <span>{"Discard your code and start from the starter?"}</span>
                <button class="button danger" onclick={yes}>{"Start over"}</button>
                <button class="button subtle" onclick={no}>{"Keep my code"}</button>
            </span>
        }
    } else {
        let onclick = {
            let confirm_reset = confirm_reset.clone();
            Callback::from(move |_: MouseEvent| confirm_reset.set(true))
        };
        html! {
            <button class="button subtle" {onclick} disabled={*code == starter}>{"Start over"}</button>
        }
    };
    let hints = &challenge.hints;
    html! {
        <section class="workspace" aria-label="Your solution">
            <CodeEditor value={AttrValue::from((*code).clone())} {on_change} on_run={run}
                escape_to={run_button.clone()} editor_ref={editor} label="Your solution (Python)"
                {marked_line} />
            { editor_keys() }
            <div class="actions run-actions">
                { run_control }
                { reset_control }
            </div>
            <div class="run-output" aria-live="polite">
                { status_view(&status) }
            </div>
            if !hints.is_empty() {
                <div class="hints">
                    <h2>{"Hints"}</h2>
                    if *hints_shown > 0 {
                        <ol>
                            { for hints.iter().take(*hints_shown).enumerate().map(|(i, h)| {
                                let r = if i + 1 == *hints_shown { last_hint.clone() } else { NodeRef::default() };
                                html! {
                                    <li tabindex="-1" ref={r}><Markdown source={AttrValue::from(h.clone())} /></li>
                                }
                            }) }
                        </ol>
                    }
                    if *hints_shown < hints.len() {
                        <button class="button subtle" onclick={show_hint}>
                            { if *hints_shown == 0 {
                                format!("Show a hint (1 of {})", hints.len())
                            } else {
                                format!("Show the next hint ({} of {})", *hints_shown + 1, hints.len())
                            } }
                        </button>
                    } else {
                        <p class="hint">{"That was the last hint."}</p>
                    }
                </div>
            }
        </section>
    }
}

fn status_view(status: &Status) -> Html {
    match status {
        Status::Idle => html! {},
        Status::Loading { loaded, total } => {
            let text = if *total > 0.0 && loaded >= total {
                // Downloaded: CPython starts up (about 2 s with no news).
                "Starting Python (first Run only)…".to_owned()
            } else if *total > 0.0 {
                format!(
                    "Loading Python: {} of {} MB (first Run only)…",
                    megabytes(*loaded),
                    megabytes(*total)
                )
            } else {
                "Loading Python (first Run only)…".to_owned()
            };
            html! {
                <div class="python-loading">
                    <label for="python-progress">{ &text }</label>
                    if *total > 0.0 && loaded < total {
                        <progress id="python-progress" max={total.to_string()} value={loaded.to_string()}></progress>
                    } else {
                        <progress id="python-progress"></progress>
                    }
                </div>
            }
        }
        Status::Running => html! { <p class="hint" role="status">{"Running your code…"}</p> },
        Status::TimedOut => html! {
            <p class="run-headline fail" role="alert">
                { format!("Stopped after {} seconds: your code was still running (an endless loop?). Python was restarted, so the next Run starts fresh.", TIME_LIMIT_MS / 1000) }
            </p>
        },
        Status::Stopped => html! {
            <p class="run-headline" role="status">{"Stopped. Python restarts on the next Run."}</p>
        },
        Status::Failed(message) => html! {
            <p class="run-headline fail" role="alert">{ message.clone() }{" Try Run again."}</p>
        },
        Status::Done(r) => result_view(r),
    }
}

fn result_view(r: &RunResult) -> Html {
    let class = if r.all_passed() {
        "run-headline pass"
    } else {
        "run-headline fail"
    };
    let output = |title: &str, text: &str| {
        (!text.is_empty()).then(|| {
            html! {
                <div class="run-stream">
                    <h4>{ title.to_owned() }</h4>
                    <pre class="code" tabindex="0"><code>{ text.to_owned() }</code></pre>
                </div>
            }
        })
    };
    html! {
        <div class="run-result">
            <p {class}>{ r.headline() }</p>
            if let Some(e) = &r.error {
                <pre class="code traceback" tabindex="0"><code>{ if e.traceback.is_empty() { e.summary.clone() } else { e.traceback.clone() } }</code></pre>
            }
            if !r.tests.is_empty() {
                <ul class="tests">
                    { for r.tests.iter().map(|t| {
                        let class = if t.passed { "test pass" } else { "test fail" };
                        html! {
                            <li {class}>
                                <span class="mark" aria-hidden="true">{ if t.passed { "✓" } else { "✗" } }</span>
                                <span class="visually-hidden">{ if t.passed { "Passed: " } else { "Failed: " } }</span>
                                <span class="test-label">{ test_label(t) }</span>
                                if !t.passed {
                                    <p class="test-message">
                                        { t.line.map(|l| format!("Line {l}: ")).unwrap_or_default() }
                                        { t.message.clone() }
                                    </p>
                                    if !t.traceback.is_empty() {
                                        <details>
                                            <summary>{"Traceback"}</summary>
                                            <pre class="code traceback" tabindex="0"><code>{ t.traceback.clone() }</code></pre>
                                        </details>
                                    }
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
            { for output("Output", &r.stdout) }
            { for output("Errors and warnings", &r.stderr) }
        </div>
    }
}
