//! The only code that touches browser APIs beyond rendering: `storage` (localStorage), `url`
//! (the location fragment), `host` (messages to the page embedding the widget) and `later`
//! (the module loaded after the first screen: Markdown renderer and scheduler).

pub mod files;
pub mod host;
pub mod later;
pub mod storage;
pub mod url;
