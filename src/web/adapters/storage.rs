//! The one adapter that owns `localStorage`. Reached through `Window::local_storage()` (a
//! `Result`), never through an API that panics when the browser refuses storage.

use crate::store::{KeyValue, Store};
use crate::web::js_text;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

pub struct WebStorage {
    storage: web_sys::Storage,
    /// The last long value read or written per key: the JS string and its copy in wasm memory.
    /// Every read of progress re-reads storage (another tab may have written it); a long history
    /// is 0.5 M characters, milliseconds to copy into wasm memory each time, so a read that finds
    /// the same string (compared in JS) returns the copy instead.
    last: RefCell<HashMap<String, (JsValue, String)>>,
}

/// Values shorter than this are copied every time (cheaper than keeping them twice).
const KEEP_FROM: usize = 4096;

impl WebStorage {
    fn call(&self, method: &str, args: &[&JsValue]) -> Result<JsValue, String> {
        let f: js_sys::Function = js_sys::Reflect::get(&self.storage, &method.into())
            .map_err(|e| js_text(&e))?
            .dyn_into()
            .map_err(|_| format!("Storage.{method} is not a function"))?;
        let args: js_sys::Array = args.iter().copied().collect();
        f.apply(&self.storage, &args).map_err(|e| js_text(&e))
    }

    fn remember(&self, key: &str, js: JsValue, text: &str) {
        let mut last = self.last.borrow_mut();
        if text.len() >= KEEP_FROM {
            last.insert(key.to_owned(), (js, text.to_owned()));
        } else {
            last.remove(key);
        }
    }
}

impl KeyValue for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        let value = self.call("getItem", &[&key.into()])?;
        if value.is_null() || value.is_undefined() {
            self.last.borrow_mut().remove(key);
            return Ok(None);
        }
        if let Some((js, text)) = self.last.borrow().get(key) {
            if js_sys::Object::is(js, &value) {
                return Ok(Some(text.clone()));
            }
        }
        let text = value
            .as_string()
            .ok_or_else(|| format!("{key}: storage returned no text"))?;
        self.remember(key, value, &text);
        Ok(Some(text))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        let js = JsValue::from_str(value);
        let stored = self.call("setItem", &[&key.into(), &js]);
        match stored {
            Ok(_) => self.remember(key, js, value),
            Err(_) => drop(self.last.borrow_mut().remove(key)),
        }
        stored.map(drop)
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        self.last.borrow_mut().remove(key);
        self.storage.remove_item(key).map_err(|e| js_text(&e))
    }
    fn keys(&self) -> Result<Vec<String>, String> {
        let n = self.storage.length().map_err(|e| js_text(&e))?;
        Ok((0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .collect())
    }
}

/// The browser's storage if it is there and writable (probed once), else `None`.
pub fn browser_storage() -> Option<WebStorage> {
    let storage = web_sys::window()?.local_storage().ok()??;
    let probe = "pyprep.probe";
    storage.set_item(probe, "1").ok()?;
    storage.remove_item(probe).ok()?;
    Some(WebStorage {
        storage,
        last: RefCell::default(),
    })
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

/// Calls `f` whenever another tab of this site saves one of PyPrep's values (the browser's
/// `storage` event, which a tab never gets for its own writes), until the listener is dropped.
pub fn on_other_tab_save(f: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(
        &window,
        "storage",
        move |e| {
            let ours = e
                .dyn_ref::<web_sys::StorageEvent>()
                .is_some_and(|e| e.key().is_none_or(|k| k.starts_with("pyprep.")));
            if ours {
                f();
            }
        },
    ))
}
