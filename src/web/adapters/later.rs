//! The later-loaded module (`pyprep-later`, see `src/later_main.rs`): the Markdown renderer and
//! the FSRS scheduler, kept off the first load. `index.html` defines `pyprepLater()`, which
//! imports it once and resolves to the module; this adapter starts that import after the first
//! screen is on view and keeps the module's functions, so answers revealed later render
//! synchronously and grades are scheduled at once.

use crate::progress::GradeRecord;
use crate::schedule::{Card, Request};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

struct Module {
    render: js_sys::Function,
    schedule: js_sys::Function,
}

enum State {
    Idle,
    Ready(Module),
    Failed(String),
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State::Idle) };
}

/// Where the renderer is.
#[derive(Clone, PartialEq)]
pub enum Status {
    Loading,
    Ready,
    /// It could not be loaded; the reason, for the reader.
    Failed(String),
}

pub fn status() -> Status {
    STATE.with_borrow(|state| match state {
        State::Idle => Status::Loading,
        State::Ready(_) => Status::Ready,
        State::Failed(reason) => Status::Failed(reason.clone()),
    })
}

/// What a piece of Markdown looks like right now.
#[derive(Clone, PartialEq)]
pub enum Rendered {
    /// Safe HTML from the renderer.
    Html(String),
    /// The renderer is still loading.
    Pending,
    /// The renderer could not be loaded or failed on this text.
    Failed,
}

/// Renders with the loaded module, if it is loaded.
pub fn render(source: &str) -> Rendered {
    STATE.with_borrow(|state| match state {
        State::Idle => Rendered::Pending,
        State::Failed(_) => Rendered::Failed,
        State::Ready(m) => call(&m.render, source).map_or(Rendered::Failed, Rendered::Html),
    })
}

fn call(f: &js_sys::Function, arg: &str) -> Option<String> {
    f.call1(&JsValue::NULL, &JsValue::from_str(arg))
        .ok()
        .and_then(|out| out.as_string())
}

/// Asks the scheduler, if it is loaded; `None` while it is not (or if it answers nonsense).
fn schedule<T: serde::de::DeserializeOwned>(request: &Request) -> Option<T> {
    let request = serde_json::to_string(request).ok()?;
    let reply = STATE.with_borrow(|state| match state {
        State::Ready(m) => call(&m.schedule, &request),
        _ => None,
    })?;
    serde_json::from_str(&reply).ok()
}

/// The cards these histories lead to (see `schedule::Scheduler::replay`).
pub fn cards(
    retention: f32,
    histories: HashMap<String, Vec<GradeRecord>>,
) -> Option<HashMap<String, Card>> {
    if histories.is_empty() {
        return Some(HashMap::new());
    }
    schedule(&Request::Cards {
        retention,
        histories,
    })
}

/// The interval (days) each grade would give, in `Grade::ALL` order.
pub fn preview(retention: f32, card: Option<Card>, now: f64) -> Option<[f64; 4]> {
    schedule(&Request::Preview {
        retention,
        card,
        now,
    })
}

/// Loads the renderer (once; concurrent calls share the page's one import). Resolves when it
/// is ready or has failed; [`render`] tells which.
pub async fn load() {
    if STATE.with_borrow(|s| matches!(s, State::Ready(_))) {
        return;
    }
    let state = match import().await {
        Ok(module) => State::Ready(module),
        Err(reason) => State::Failed(reason),
    };
    STATE.set(state);
}

/// Forgets the renderer or its failure, so the next [`load`] imports again.
pub fn reset() {
    STATE.set(State::Idle);
}

/// Starts loading in the background once the current screen has been painted, so the import
/// never competes with the first screen; `then` runs once it is loaded (or has failed).
pub fn preload(then: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async {
        after_paint().await;
        load().await;
        then();
    });
}

/// Resolves after the next frame is painted (an animation frame, then a task).
async fn after_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let w = window.clone();
        let next_task = Closure::once_into_js(move || {
            let _ = w.set_timeout_with_callback(resolve.unchecked_ref());
        });
        let _ = window.request_animation_frame(next_task.unchecked_ref());
    });
    let _ = JsFuture::from(frame).await;
}

async fn import() -> Result<Module, String> {
    let window = web_sys::window().ok_or("no window")?;
    let loader = js_sys::Reflect::get(&window, &JsValue::from_str("pyprepLater"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("index.html does not define pyprepLater()")?;
    let promise = loader
        .call0(&window)
        .map_err(|e| crate::web::js_text(&e))?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| "pyprepLater() returned no promise")?;
    let module = JsFuture::from(promise)
        .await
        .map_err(|e| crate::web::js_text(&e))?;
    let function = |name: &str| {
        js_sys::Reflect::get(&module, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or_else(|| format!("pyprep-later.js has no {name}()"))
    };
    Ok(Module {
        render: function("render")?,
        schedule: function("schedule")?,
    })
}
