//! `pyprep-later`: what the app needs only after its first screen, as its own small wasm
//! module: the Markdown renderer (pulldown-cmark and the Python highlighter, needed once an
//! answer is revealed) and the FSRS review scheduler (needed to grade and to refresh the
//! schedule). Keeping them here keeps them off the first load: the app shell imports this
//! module (through `pyprepLater()` in `index.html`) after its first screen is on view. See
//! ARCHITECTURE.md.

use wasm_bindgen::prelude::*;

/// Bank Markdown to safe HTML: [`pyprep::markdown::to_html`].
#[wasm_bindgen]
pub fn render(markdown: &str) -> String {
    pyprep::markdown::to_html(markdown)
}

/// A JSON scheduling request answered in JSON: [`pyprep::schedule::answer`].
#[wasm_bindgen]
pub fn schedule(request: &str) -> String {
    pyprep::schedule::answer(request)
}

fn main() {}
