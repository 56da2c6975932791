//! The Markdown renderer is a second wasm module (`pyprep-md`, see `src/md_main.rs`), kept off
//! the first load. `index.html` defines `pyprepMarkdown()`, which imports it once and resolves
//! to the module; this adapter starts that import after the first screen is on view and keeps
//! the module's `render` function, so answers revealed later render synchronously.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

enum State {
    Idle,
    Ready(js_sys::Function),
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
        State::Ready(render) => render
            .call1(&JsValue::NULL, &JsValue::from_str(source))
            .ok()
            .and_then(|html| html.as_string())
            .map_or(Rendered::Failed, Rendered::Html),
    })
}

/// Loads the renderer (once; concurrent calls share the page's one import). Resolves when it
/// is ready or has failed; [`render`] tells which.
pub async fn load() {
    if STATE.with_borrow(|s| matches!(s, State::Ready(_))) {
        return;
    }
    let state = match import().await {
        Ok(render) => State::Ready(render),
        Err(reason) => State::Failed(reason),
    };
    STATE.set(state);
}

/// Forgets the renderer or its failure, so the next [`load`] imports again.
pub fn reset() {
    STATE.set(State::Idle);
}

/// Starts loading in the background once the current screen has been painted, so the import
/// never competes with the first screen.
pub fn preload() {
    wasm_bindgen_futures::spawn_local(async {
        after_paint().await;
        load().await;
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

async fn import() -> Result<js_sys::Function, String> {
    let window = web_sys::window().ok_or("no window")?;
    let loader = js_sys::Reflect::get(&window, &JsValue::from_str("pyprepMarkdown"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("index.html does not define pyprepMarkdown()")?;
    let promise = loader
        .call0(&window)
        .map_err(|e| super::js_text(&e))?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| "pyprepMarkdown() returned no promise")?;
    let module = JsFuture::from(promise)
        .await
        .map_err(|e| super::js_text(&e))?;
    js_sys::Reflect::get(&module, &JsValue::from_str("render"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| "pyprep-md.js has no render()".to_owned())
}
