//! `pyprep-md`: the Markdown renderer as its own small wasm module.
//!
//! pulldown-cmark and the Python highlighter are about a third of the app's code but are only
//! needed once an answer is revealed, so they are kept off the first load: the app shell
//! imports this module (through `pyprepMarkdown()` in `index.html`) after its first screen is
//! on view, and renders answers with [`render`]. See ARCHITECTURE.md.

use wasm_bindgen::prelude::*;

/// Bank Markdown to safe HTML: [`pyprep::markdown::to_html`].
#[wasm_bindgen]
pub fn render(markdown: &str) -> String {
    pyprep::markdown::to_html(markdown)
}

fn main() {}
