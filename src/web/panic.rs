//! With `panic = "abort"` one panic stops the widget: show a readable box instead of a dead page.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("PyPrep: {message}").into());
        show(&message);
    }));
}

fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(el) = document.create_element("div") else {
        return;
    };
    el.set_id("pyprep-fatal");
    el.set_class_name("fatal");
    let _ = el.set_attribute("role", "alert");
    // Built with text nodes only: the message is never parsed as HTML.
    let parts = [
        ("h2", "PyPrep stopped because of an unexpected error"),
        (
            "p",
            "Your saved progress is untouched. Reload the page to start again.",
        ),
        ("pre", message),
    ];
    for (tag, text) in parts {
        if let Ok(child) = document.create_element(tag) {
            child.set_text_content(Some(text));
            let _ = el.append_child(&child);
        }
    }
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some("Reload"));
        let _ = button.set_attribute("onclick", "location.reload()");
        let _ = el.append_child(&button);
    }
    let target = document
        .get_element_by_id("app")
        .or_else(|| document.body().map(|b| b.unchecked_into()));
    if let Some(target) = target {
        target.set_inner_html("");
        let _ = target.append_child(&el);
    }
}
