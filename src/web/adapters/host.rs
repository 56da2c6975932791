//! Posting host events to the parent window when the widget is embedded.

use crate::embed::HostEvent;

/// Whether this document runs inside a frame.
pub fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.parent() {
        Ok(Some(parent)) => parent != window,
        _ => false,
    }
}

/// Posts `event` to the parent frame, if any. The payload is not personal, so any host may
/// read it (`"*"`): the host page is whoever embedded us.
pub fn post(event: &HostEvent) {
    if !is_framed() {
        return;
    }
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    if let Ok(value) = js_sys::JSON::parse(&event.to_message()) {
        let _ = parent.post_message(&value, "*");
    }
}
