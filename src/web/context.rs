//! What every screen shares (`Ctx`, provided by `app::App`), and the hooks that reach it.

use crate::bank::Loaded;
use crate::link::Display;
use crate::store::Store;
use crate::web::adapters::later::{self, Status};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone)]
pub struct Ctx {
    pub loaded: Rc<Loaded>,
    pub store: Rc<Store>,
    pub display: Display,
    /// Bumped when stored progress changed behind the screen's back (the schedule was
    /// computed, another tab saved, an import): screens that show progress read it again.
    pub revision: u32,
    /// Bumps `revision`: call it after changing progress that other screens show.
    pub changed: Callback<()>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && Rc::ptr_eq(&self.store, &other.store)
            && self.display == other.display
            && self.revision == other.revision
    }
}

#[hook]
pub fn use_ctx() -> Ctx {
    // Every screen is rendered inside the provider (see `app`).
    use_context::<Ctx>().expect("Ctx is provided by App")
}

/// The later-loaded module's status; the component using it renders again when the module
/// arrives or fails, and asks for it if nobody has yet.
#[hook]
pub fn use_later() -> Status {
    let arrived = use_state(|| 0u32);
    let status = later::status();
    {
        let arrived = arrived.clone();
        use_effect_with(status == Status::Loading, move |&pending| {
            if pending {
                wasm_bindgen_futures::spawn_local(async move {
                    later::load().await;
                    arrived.set(*arrived + 1);
                });
            }
        });
    }
    status
}

/// Computes the cards that are missing or stale (after an import, an undo, a merge from
/// another tab, a new retention, or v1 progress) and stores them. True if any changed.
pub fn reschedule(store: &Store) -> bool {
    let retention = store.settings().retention();
    let stale = store.progress().stale_histories(retention);
    if stale.is_empty() {
        return false;
    }
    let Some(cards) = later::cards(retention, stale) else {
        return false;
    };
    store.update_progress(|p| p.set_cards(cards));
    true
}
