//! `pyprep-app`: everything but the first question (the answer and its Markdown, grading with
//! the FSRS schedule, home, summary, dashboard, study, sharing), as its own wasm module. The
//! first screen (`src/main.rs`) imports it once its question is on view and calls [`start`],
//! which renders the app and resolves once its first frame is in the page; the first screen
//! then swaps it in. See ARCHITECTURE.md.

use wasm_bindgen::prelude::*;

/// Renders the app into `root` (hidden until the hand-over) with the bank and answers the
/// first screen downloaded and, if storage is refused, its in-memory values. Resolves when
/// rendered.
#[wasm_bindgen]
pub fn start(
    root: web_sys::Element,
    bank: String,
    answers: Option<String>,
    memory: String,
) -> js_sys::Promise {
    pyprep::web::start_app(root, bank, answers, memory)
}

fn main() {}
