//! The only code that touches browser APIs beyond rendering: `storage` (localStorage), `url`
//! (the location fragment), `host` (messages to the page embedding the widget), `files`
//! (export downloads, import files) and `modules` (the app module the first screen hands over
//! to), `python` (the Python worker for live coding).

pub mod files;
pub mod host;
pub mod modules;
pub mod python;
pub mod storage;
pub mod url;
