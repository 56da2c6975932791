//! What every screen shares (`Ctx`, provided by `app::App`), and the hooks that reach it.

use crate::bank::Loaded;
use crate::link::Display;
use crate::store::Store;
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

/// Computes the cards that are missing or stale (after an import, an undo, a merge from
/// another tab, a new retention, or v1 progress) and stores them. True if any changed.
pub fn reschedule(store: &Store) -> bool {
    let scheduler = crate::schedule::Scheduler::new(store.settings().retention());
    if !store.progress().has_stale_cards(scheduler.retention()) {
        return false;
    }
    store.update_progress(|p| {
        scheduler.refresh(p);
    });
    true
}
