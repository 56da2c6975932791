//! The thin web shell: Yew components that render core state and turn events into actions.
//! Two entry points: `first` (the first load, without Yew: the first question, then the
//! hand-over) and [`start_app`] (the app module). Laid out like yew's `function_router`
//! example: `app` (the root and its routes), `context`
//! (what every screen shares), `pages/` (one file per screen), `components/` (shared pieces),
//! and `adapters/` (the only code that touches browser APIs: storage, the URL, the host page,
//! the later-loaded module), plus the panic hook.

pub mod adapters;
pub mod app;
pub mod components;
pub mod context;
pub mod first;
pub mod pages;
pub mod panic;

/// Starts the app module: renders [`app::App`] into `root` with the bank's text, the answers'
/// (if the bank needed and the folder has them) and the in-memory storage the first screen
/// hands over. The promise resolves once the app's first frame is rendered; a bank that no
/// longer parses rejects it. Parsing the bank, reading the answers (200 KB of JSON) and
/// rendering are three tasks, so none blocks input long.
pub fn start_app(
    root: web_sys::Element,
    bank: String,
    answers: Option<String>,
    memory: String,
) -> js_sys::Promise {
    use gloo::timers::callback::Timeout;
    panic::install();
    js_sys::Promise::new(&mut |resolve, reject| {
        let loaded = match app::parse_bank(&bank) {
            Ok(loaded) => loaded,
            Err(e) => {
                let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &e.into());
                return;
            }
        };
        let (root, answers, memory) = (root.clone(), answers.clone(), memory.clone());
        Timeout::new(0, move || {
            let loaded = match app::with_answers(loaded, answers.as_deref()) {
                Ok(loaded) => std::rc::Rc::new(loaded),
                Err(e) => {
                    let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &e.into());
                    return;
                }
            };
            let (_, display) = crate::link::parse_hash(&adapters::url::current_hash());
            let store = adapters::storage::open(display.embed);
            store.take_over(&memory);
            let rendered = yew::Callback::from(move |()| {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            });
            let props = app::AppProps {
                bank: loaded,
                store: std::rc::Rc::new(store),
                rendered,
            };
            Timeout::new(0, move || {
                let _ = yew::Renderer::<app::App>::with_root_and_props(root, props).render();
            })
            .forget();
        })
        .forget();
    })
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

/// Moves keyboard focus to `node` once the render now pending has put it on screen.
pub fn focus_after_render(node: yew::NodeRef) {
    gloo::timers::callback::Timeout::new(0, move || focus(&node)).forget();
}

/// A new screen is on view: scrolls to its top and puts the focus on its first heading (made
/// focusable), unless a control of the screen already has it.
pub fn show_new_screen() {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    window.scroll_to_with_x_and_y(0.0, 0.0);
    let Some(document) = window.document() else {
        return;
    };
    let focused = document
        .active_element()
        .is_some_and(|a| a.closest("#app main").ok().flatten().is_some());
    if focused {
        return;
    }
    let heading = document
        .query_selector("#app main h1")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = heading {
        if !h.has_attribute("tabindex") {
            let _ = h.set_attribute("tabindex", "-1");
        }
        let _ = h.focus();
    }
}

/// Moves keyboard focus to the element behind `node`, if it is rendered.
pub fn focus(node: &yew::NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// A new seed for a quiz link that has none.
pub fn fresh_seed() -> String {
    // Not for secrecy: a seed only has to differ between visits.
    let r = js_sys::Math::random() * 9_007_199_254_740_992.0;
    crate::draw::token_from_random(r as u64 ^ (js_sys::Date::now() as u64).rotate_left(29))
}
