//! What every screen shares (`Ctx`, provided by `app::App`), and the hooks that reach it.

use crate::bank::Loaded;
use crate::link::Display;
use crate::store::Store;
use std::rc::Rc;
use yew::prelude::*;

/// Where the challenges' runnable parts (`challenges.json`, fetched once a screen asks for
/// them: `Ctx::need_code`) stand.
#[derive(Clone, PartialEq)]
pub enum Code {
    Loading,
    Ready,
    Failed(String),
}

#[derive(Clone)]
pub struct Ctx {
    pub loaded: Rc<Loaded>,
    pub code: Code,
    pub store: Rc<Store>,
    pub display: Display,
    /// Bumped when stored progress changed behind the screen's back (the schedule was
    /// computed, another tab saved, an import): screens that show progress read it again.
    pub revision: u32,
    /// Bumps `revision`: call it after changing progress that other screens show.
    pub changed: Callback<()>,
    /// Asks for the challenges' code (`challenges.json`): fetched the first time a screen shows
    /// a challenge (its answer or its editor), not for every visitor.
    pub need_code: Callback<()>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && self.code == other.code
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

/// Records what a quiz action did in progress: a reveal is counted, a grade (with its ticks)
/// is kept and the schedule computed in the same read-modify-write, an undo removes that
/// review. Shared by the quiz, the challenge page and mock interviews.
pub fn record_effect(store: &Store, bank: &crate::bank::Bank, effect: &crate::quiz::Effect) {
    use crate::quiz::Effect;
    let scheduler = || crate::schedule::Scheduler::new(store.settings().retention());
    match effect {
        Effect::Revealed(id) => {
            store.update_progress(|p| p.record_seen(id));
        }
        Effect::Graded {
            id,
            grade,
            at,
            ticks,
            notes,
        } => {
            let key_points = bank.question(id).map_or(0, |q| q.key_points.len());
            let review = crate::progress::GradeRecord {
                grade: *grade,
                at: *at,
                ticks: ticks.map(|said| crate::progress::Ticks::new(said, key_points)),
                notes: crate::progress::kept_notes(notes),
            };
            let scheduler = scheduler();
            store.update_progress(|p| {
                p.record_review(id, review);
                scheduler.refresh(p);
            });
        }
        Effect::Ungraded { id, at } => {
            let scheduler = scheduler();
            store.update_progress(|p| {
                p.remove_grade(id, *at);
                scheduler.refresh(p);
            });
        }
    }
}

/// The interval each grade would give the revealed question `id` now (`Grade::ALL` order), for
/// the grade buttons: read once per question, reveal and minute, not on every keystroke.
#[hook]
pub fn use_intervals(id: Option<String>, revealed: bool) -> Option<[f64; 4]> {
    let ctx = use_ctx();
    // While an answer stays open, a minute's tick renders it again, so what the buttons say
    // is what a grade would do now.
    let rerender = use_force_update();
    use_effect_with(revealed, move |&revealed| {
        let timer = revealed.then(|| {
            gloo::timers::callback::Interval::new(60_000, move || rerender.force_update())
        });
        move || drop(timer)
    });
    let store = ctx.store.clone();
    let now_minute = (crate::web::now_ms() / 60_000.0) as i64;
    *use_memo(
        (id, revealed, ctx.revision, now_minute),
        move |(id, revealed, _, _)| {
            // Cards are kept current where progress changes (grades, undo, app start, other
            // tabs), so the stored one is read as it is.
            let id = id.as_ref().filter(|_| *revealed)?;
            let scheduler = crate::schedule::Scheduler::new(store.settings().retention());
            let progress = store.progress();
            let card = progress
                .questions
                .get(id)
                .and_then(|q| q.card(scheduler.retention()));
            Some(scheduler.preview(card, crate::web::now_ms()))
        },
    )
}

/// Asks for the challenges' code when `question` is a challenge still without it.
#[hook]
pub fn use_challenge_code(question: &crate::bank::Question) {
    let ctx = use_ctx();
    let wants = question.challenge.as_ref().is_some_and(|c| !c.has_code());
    use_effect_with(wants, move |&wants| {
        if wants {
            ctx.need_code.emit(());
        }
    });
}
