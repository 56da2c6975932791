//! The one adapter that owns `localStorage`. Reached through `Window::local_storage()` (a
//! `Result`), never through an API that panics when the browser refuses storage.

use crate::store::{KeyValue, Store};

pub struct WebStorage(web_sys::Storage);

impl KeyValue for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        self.0.get_item(key).map_err(|e| crate::web::js_text(&e))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.0
            .set_item(key, value)
            .map_err(|e| crate::web::js_text(&e))
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        self.0.remove_item(key).map_err(|e| crate::web::js_text(&e))
    }
    fn keys(&self) -> Result<Vec<String>, String> {
        let n = self.0.length().map_err(|e| crate::web::js_text(&e))?;
        Ok((0..n)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect())
    }
}

/// The browser's storage if it is there and writable (probed once), else `None`.
pub fn browser_storage() -> Option<WebStorage> {
    let storage = web_sys::window()?.local_storage().ok()??;
    let probe = "pyprep.probe";
    storage.set_item(probe, "1").ok()?;
    storage.remove_item(probe).ok()?;
    Some(WebStorage(storage))
}

/// The app's store: localStorage when allowed, memory (with a notice) otherwise. Every stored
/// value is read once here, so recovery notices exist before the first screen renders.
pub fn open(embedded: bool) -> Store {
    let backend = browser_storage().map(|s| Box::new(s) as Box<dyn KeyValue>);
    let store = Store::new(backend, crate::web::now_ms);
    let store = if embedded { store.embedded() } else { store };
    store.check_all();
    store
}
