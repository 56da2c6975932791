//! The thin web shell: Yew components that render core state and turn events into actions.
//! Laid out like yew's `function_router` example: `app` (the root and its routes), `context`
//! (what every screen shares), `pages/` (one file per screen), `components/` (shared pieces),
//! and `adapters/` (the only code that touches browser APIs: storage, the URL, the host page,
//! the later-loaded module), plus the panic hook.

pub mod adapters;
pub mod app;
pub mod components;
pub mod context;
pub mod pages;
pub mod panic;

/// Mounts the app into `#app` (or the body), after installing the panic hook.
pub fn start() {
    panic::install();
    let document = web_sys::window().and_then(|w| w.document());
    match document.and_then(|d| d.get_element_by_id("app")) {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A readable reason from a JS error value (an `Error`'s message, a string, or its JSON).
pub fn js_text(e: &wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(e, &"message".into()).ok()?.as_string())
        .or_else(|| js_sys::JSON::stringify(e).ok()?.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Names the screen in the tab title ("Question 3 of 10 · PyPrep"); `None` is the home page.
pub fn set_title(screen: Option<&str>) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&match screen {
            Some(s) => format!("{s} · PyPrep"),
            None => "PyPrep — Python interview practice".to_owned(),
        });
    }
}

/// Moves keyboard focus to the element behind `node`, if it is rendered.
pub fn focus(node: &yew::NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
