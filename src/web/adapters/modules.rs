//! The app module (`pyprep-app`, see `src/app_main.rs`): everything but the first question.
//! `index.html` defines `pyprepApp()`, which imports it once and resolves to the module (a
//! failed import is retried under a new URL, since browsers remember failed module fetches).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Imports the app module and returns its `start` function.
pub async fn import_app() -> Result<js_sys::Function, String> {
    let window = web_sys::window().ok_or("no window")?;
    let loader = js_sys::Reflect::get(&window, &JsValue::from_str("pyprepApp"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("index.html does not define pyprepApp()")?;
    let promise = loader
        .call0(&window)
        .map_err(|e| crate::web::js_text(&e))?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| "pyprepApp() returned no promise")?;
    let module = JsFuture::from(promise)
        .await
        .map_err(|e| crate::web::js_text(&e))?;
    js_sys::Reflect::get(&module, &JsValue::from_str("start"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| "pyprep-app.js has no start()".to_owned())
}

/// Resolves after the next frame is painted (an animation frame, then a task), so what follows
/// never competes with the first screen; or after 100 ms, as index.html's loader does: a page
/// that paints no frames (a background tab, an embed scrolled out of view, which Chrome doesn't
/// render) still goes on.
pub async fn after_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let w = window.clone();
        let late = resolve.clone();
        let next_task = Closure::once_into_js(move || {
            let _ = w.set_timeout_with_callback(resolve.unchecked_ref());
        });
        let _ = window.request_animation_frame(next_task.unchecked_ref());
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(late.unchecked_ref(), 100);
    });
    let _ = JsFuture::from(frame).await;
}
