//! The only code that talks to the Python worker (`python-worker.js`, which runs Pyodide's
//! CPython in a Web Worker, loaded on the first Run).
//!
//! One worker serves every challenge, so Python loads once per visit. The time limit starts
//! when the worker says the learner's code is running (not while Python downloads); past it, the
//! worker is terminated (the only way to stop `while True: pass`) and the next Run starts a
//! fresh one, which the HTTP cache makes quicker.

use crate::challenge::{RunResult, TIME_LIMIT_MS};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// What a Run reports, in order: `Loading`… `Ready` (first Run only), `Running`, then one of
/// `Done`, `TimedOut`, `Failed`.
#[derive(Debug, Clone, PartialEq)]
pub enum RunEvent {
    Loading { loaded: f64, total: f64 },
    Ready { version: String },
    Running,
    Done(RunResult),
    TimedOut,
    Failed(String),
}

const WORKER_URL: &str = "python-worker.js";
/// A file the build copies with Pyodide: present means Run can work on this deploy.
const PROBE_URL: &str = "pyodide/pyodide.mjs";

struct Live {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

thread_local! {
    static LIVE: RefCell<Option<Live>> = const { RefCell::new(None) };
    /// Who hears the current run's events (the challenge on screen).
    static LISTENER: RefCell<Option<Callback<RunEvent>>> = const { RefCell::new(None) };
    static LIMIT: RefCell<Option<Timeout>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    static PYTHON_VERSION: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether this deploy has Python: asked once per visit.
    static AVAILABLE: Cell<Option<Runtime>> = const { Cell::new(None) };
    /// A run was sent and has not answered yet.
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

fn emit(event: RunEvent) {
    let listener = LISTENER.with(|l| l.borrow().clone());
    if let Some(l) = listener {
        l.emit(event);
    }
}

/// Stops the worker (a runaway run, a failure, Stop): the next Run starts a fresh one.
fn stop() {
    BUSY.with(|b| b.set(false));
    LIMIT.with(|t| t.borrow_mut().take());
    if let Some(live) = LIVE.with(|l| l.borrow_mut().take()) {
        live.worker.terminate();
    }
}

fn on_message(e: web_sys::MessageEvent) {
    let text = js_sys::JSON::stringify(&e.data())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    let Ok(msg) = serde_json::from_str::<serde_json::Value>(&text) else {
        return;
    };
    let num = |k: &str| {
        msg.get(k)
            .and_then(serde_json::Value::as_f64)
            .unwrap_or(0.0)
    };
    // Only the latest run's answers count (an older one may still have been queued).
    let current = NEXT_ID.with(Cell::get).wrapping_sub(1);
    let stale = msg
        .get("id")
        .and_then(serde_json::Value::as_u64)
        .is_some_and(|id| id != u64::from(current));
    let str_of = |k: &str| {
        msg.get(k)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    match msg.get("type").and_then(serde_json::Value::as_str) {
        Some("loading") => emit(RunEvent::Loading {
            loaded: num("loaded"),
            total: num("total"),
        }),
        Some("ready") => {
            let version = str_of("version");
            PYTHON_VERSION.with(|v| *v.borrow_mut() = Some(version.clone()));
            emit(RunEvent::Ready { version });
        }
        Some("running" | "result") if stale => {}
        Some("running") => {
            let limit = Timeout::new(TIME_LIMIT_MS, || {
                stop();
                emit(RunEvent::TimedOut);
            });
            LIMIT.with(|t| *t.borrow_mut() = Some(limit));
            emit(RunEvent::Running);
        }
        Some("result") => {
            BUSY.with(|b| b.set(false));
            LIMIT.with(|t| t.borrow_mut().take());
            match serde_json::from_value::<RunResult>(msg) {
                Ok(r) => emit(RunEvent::Done(r)),
                Err(e) => emit(RunEvent::Failed(format!(
                    "The Python runner sent a result PyPrep can't read ({e})."
                ))),
            }
        }
        Some("failed") => {
            stop();
            emit(RunEvent::Failed(str_of("message")));
        }
        _ => {}
    }
}

fn start_worker() -> Result<(), String> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(WORKER_URL, &options).map_err(|e| {
        format!(
            "This page can't start the Python runner ({}).",
            crate::web::js_text(&e)
        )
    })?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(|e: web_sys::ErrorEvent| {
        e.prevent_default();
        stop();
        let detail = e.message();
        emit(RunEvent::Failed(if detail.is_empty() {
            "The Python runner could not start: its files may be missing from this site, or the connection dropped.".to_owned()
        } else {
            format!("The Python runner stopped: {detail}")
        }));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    LIVE.with(|l| {
        *l.borrow_mut() = Some(Live {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    });
    Ok(())
}

fn post(message: &serde_json::Value) -> Result<(), String> {
    if LIVE.with(|l| l.borrow().is_none()) {
        start_worker()?;
    }
    let data = js_sys::JSON::parse(&message.to_string()).map_err(|e| crate::web::js_text(&e))?;
    LIVE.with(|l| match l.borrow().as_ref() {
        Some(live) => live
            .worker
            .post_message(&data)
            .map_err(|e| crate::web::js_text(&e)),
        None => Err("no worker".to_owned()),
    })
}

/// Runs `code` against `tests` (with `files` in the working directory); `on` hears this run's
/// events (and replaces whoever heard the previous run).
pub fn run(code: &str, tests: &str, files: &[(String, String)], on: Callback<RunEvent>) {
    // A run still going (left behind on another screen) would hold this one up, and its time
    // limit would be blamed on this code: stop it first.
    cancel();
    LISTENER.with(|l| *l.borrow_mut() = Some(on));
    BUSY.with(|b| b.set(true));
    let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
    let files: serde_json::Map<String, serde_json::Value> = files
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
        .collect();
    let message = serde_json::json!({
        "type": "run", "id": id, "code": code, "tests": tests, "files": files,
    });
    if let Err(e) = post(&message) {
        stop();
        emit(RunEvent::Failed(e));
    }
}

/// Stops the run in progress, if any (the learner pressed Stop, or ran again): the worker is
/// terminated, so Python loads again on the next Run.
pub fn cancel() {
    if BUSY.with(Cell::get) {
        stop();
    }
}

/// The challenge left the screen: its run, if one is going, is stopped, and its events go
/// nowhere.
pub fn forget(on: &Callback<RunEvent>) {
    let mine = LISTENER.with(|l| {
        let mut l = l.borrow_mut();
        let mine = l.as_ref() == Some(on);
        if mine {
            *l = None;
        }
        mine
    });
    if mine {
        cancel();
    }
}

/// The Python version, once the worker has loaded this visit.
pub fn loaded_version() -> Option<String> {
    PYTHON_VERSION.with(|v| v.borrow().clone())
}

/// Whether the Python runtime can be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runtime {
    /// Deployed here (or kept by the offline worker once used).
    Here,
    /// This deploy has no Pyodide (a site may leave out its 12 MB).
    Missing,
    /// The probe got no answer: offline, and not downloaded before.
    Unreachable,
}

/// Whether this deploy has the Python runtime: a HEAD request for one of its files, once per
/// visit (every challenge view asks) unless it got no answer (asked again when back online).
pub async fn available() -> Runtime {
    if let Some(known) = AVAILABLE.with(Cell::get) {
        return known;
    }
    let found = probe().await;
    if found != Runtime::Unreachable {
        AVAILABLE.with(|a| a.set(Some(found)));
    }
    found
}

async fn probe() -> Runtime {
    let Some(window) = web_sys::window() else {
        return Runtime::Missing;
    };
    let init = web_sys::RequestInit::new();
    init.set_method("HEAD");
    let Ok(response) =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(PROBE_URL, &init))
            .await
    else {
        return Runtime::Unreachable;
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return Runtime::Missing;
    };
    match response.status() {
        200..=299 => Runtime::Here,
        404 | 410 => Runtime::Missing,
        // Any other answer (a proxy's 503, an offline worker's 504): not known to be absent.
        _ => Runtime::Unreachable,
    }
}
