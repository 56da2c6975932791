//! The one adapter that owns the URL: reads the fragment, follows `hashchange`, navigates.
//!
//! Navigation only ever changes the fragment (`location.hash` / `location.replace`), which works
//! in every context PyPrep runs in, including a sandboxed iframe with an opaque origin where the
//! History API throws. Failures are ignored: the app state follows the fragment it reads back.

use gloo::events::EventListener;
use yew::prelude::*;

pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page address without its fragment.
pub fn base_href() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_owned(),
        None => href,
    }
}

/// An absolute link to `route` (as built by `crate::link`).
pub fn absolute(route: &str) -> String {
    format!("{}#{route}", base_href())
}

thread_local! {
    static FOLLOWED_A_CLICK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the learner has moved between screens in this visit (Start, Continue, New quiz…),
/// as opposed to the page having just opened: only then may a new screen take the focus.
pub fn followed_a_click() -> bool {
    FOLLOWED_A_CLICK.get()
}

/// Clicks on the app's own links (`href="#…"`) are the learner moving between screens too, as
/// with `navigate`: the screen they open may take the focus. Listens while the value lives.
pub fn on_link_clicks() -> Option<EventListener> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    Some(EventListener::new(&document, "click", |e| {
        let link = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href^='#']").ok().flatten());
        if link.is_some() {
            FOLLOWED_A_CLICK.set(true);
        }
    }))
}

/// Goes to `route`; `replace` keeps the current history entry (e.g. writing a drawn seed) and
/// is the app's own doing, anything else is the learner's.
pub fn navigate(route: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !replace {
        FOLLOWED_A_CLICK.set(true);
    }
    let location = window.location();
    let target = format!("#{route}");
    if location.hash().ok().as_deref() == Some(target.as_str()) {
        return;
    }
    if replace {
        let _ = location.replace(&absolute(route));
    } else {
        let _ = location.set_hash(route);
    }
}

/// The current fragment, re-rendering the caller when it changes.
#[hook]
pub fn use_hash() -> String {
    let hash = use_state(current_hash);
    {
        let hash = hash.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "hashchange", move |_| hash.set(current_hash())));
            move || drop(listener)
        });
    }
    (*hash).clone()
}
