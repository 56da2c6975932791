//! Persistence rules over any key-value backend: what is read, what is backed up, what the user
//! is told. The browser backend lives in `web::storage`; this module is plain Rust so the rules
//! are tested natively against memory and failing backends.

use crate::challenge::Drafts;
use crate::mock::{MockHistory, MockSession};
use crate::progress::{
    backup_key, decode, decode_session, embed_session_key, encode, is_embed_session_key, Decoded,
    Progress, Settings, Stored, DRAFTS_KEY, EMBED_SESSION_KEY, MOCKS_KEY, MOCK_KEY, PROGRESS_KEY,
    SESSION_KEY, SETTINGS_KEY,
};
use crate::quiz::Session;
use std::cell::RefCell;
use std::collections::HashMap;

/// A storage backend. Errors are strings: they are only ever shown or logged.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str) -> Result<(), String>;
    fn keys(&self) -> Result<Vec<String>, String>;
}

/// Memory backend: the fallback when the browser refuses storage, and the test double.
#[derive(Default)]
pub struct Memory(RefCell<HashMap<String, String>>);

impl KeyValue for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        Ok(self.0.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.0.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        self.0.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, String> {
        Ok(self.0.borrow().keys().cloned().collect())
    }
}

/// A notice for the user about storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Storage is refused or absent: everything lives in memory for this visit.
    NotSaved,
    /// A stored value could not be read; it was kept under `backup` and the app started clean.
    Recovered {
        what: &'static str,
        reason: String,
        backup: String,
    },
}

impl Notice {
    pub fn message(&self) -> String {
        match self {
            Notice::NotSaved => {
                "Progress can't be saved in this browser context (storage is refused or full); it lasts until you close this page, so export it to keep it."
                    .to_owned()
            }
            Notice::Recovered {
                what,
                reason,
                backup,
            } => format!(
                "Your saved {what} could not be read ({reason}). It was kept under “{backup}” and PyPrep started afresh."
            ),
        }
    }
}

/// How many unfinished quizzes embeds keep (one per quiz; the one shown longest ago goes).
pub const EMBED_SESSIONS: usize = 8;

/// When the question on screen in `s` came on screen (0 if never): how recent a quiz is.
fn last_shown(s: &Session) -> f64 {
    s.shown_at.unwrap_or(0.0)
}

type Listener = Box<dyn Fn()>;

/// The app's persistence: one backend, falling back to memory at the first failed write.
pub struct Store {
    backend: RefCell<Box<dyn KeyValue>>,
    /// The browser storage given up on by [`Store::fall_back_to_memory`], kept so that a
    /// reset still erases what it holds.
    abandoned: RefCell<Option<Box<dyn KeyValue>>>,
    /// Embedded widgets keep their unfinished quizzes apart, one per quiz (several embeds on
    /// one page each resume theirs), so an embed on the site's own origin (the Share preview,
    /// embed.html) never replaces the learner's quiz either.
    embedded: bool,
    notices: RefCell<Vec<Notice>>,
    /// The progress last read or written, with its stored text: a read that finds the same
    /// text (nothing else wrote since) skips decoding it (a large history takes milliseconds).
    progress_cache: RefCell<Option<(String, Progress)>>,
    /// Told whenever a notice is added (the screen that shows them).
    on_notice: RefCell<Option<Listener>>,
    now: fn() -> f64,
}

impl Store {
    /// `backend` is `None` when the browser gave no storage at all.
    pub fn new(backend: Option<Box<dyn KeyValue>>, now: fn() -> f64) -> Store {
        let mut notices = Vec::new();
        let backend = backend.unwrap_or_else(|| {
            notices.push(Notice::NotSaved);
            Box::new(Memory::default())
        });
        Store {
            backend: RefCell::new(backend),
            abandoned: RefCell::new(None),
            embedded: false,
            notices: RefCell::new(notices),
            progress_cache: RefCell::new(None),
            on_notice: RefCell::new(None),
            now,
        }
    }

    pub fn notices(&self) -> Vec<Notice> {
        self.notices.borrow().clone()
    }

    /// A store for an embedded widget: its unfinished quizzes are kept apart (progress is
    /// shared).
    pub fn embedded(mut self) -> Store {
        self.embedded = true;
        self
    }

    /// `f` is called after each new notice (one listener; a new one replaces the old).
    pub fn on_notice(&self, f: impl Fn() + 'static) {
        *self.on_notice.borrow_mut() = Some(Box::new(f));
    }

    pub fn is_persistent(&self) -> bool {
        !self.notices.borrow().contains(&Notice::NotSaved)
    }

    /// What the app module's store must take over from this one (see `web::first`), as JSON:
    /// the values, if this store is in memory (with working storage the app reads them there),
    /// and the notices about recovered values (each value is backed up only once).
    pub fn handover(&self) -> String {
        let memory: Vec<(String, String)> = if self.is_persistent() {
            Vec::new()
        } else {
            let backend = self.backend.borrow();
            let keys = backend.keys().unwrap_or_default();
            keys.into_iter()
                .filter_map(|k| Some((k.clone(), backend.get(&k).ok()??)))
                .collect()
        };
        let recovered: Vec<(&str, String, String)> = self
            .notices
            .borrow()
            .iter()
            .filter_map(|n| match n {
                Notice::Recovered {
                    what,
                    reason,
                    backup,
                } => Some((*what, reason.clone(), backup.clone())),
                Notice::NotSaved => None,
            })
            .collect();
        serde_json::to_string(&(memory, recovered)).unwrap_or_default()
    }

    /// Takes over a [`Store::handover`]: the values if this store is in memory too, and the
    /// notices. Anything unreadable is ignored.
    pub fn take_over(&self, handover: &str) {
        let Ok((memory, recovered)) = serde_json::from_str::<(
            Vec<(String, String)>,
            Vec<(String, String, String)>,
        )>(handover) else {
            return;
        };
        if !self.is_persistent() {
            for (k, v) in memory {
                self.set(&k, &v);
            }
        }
        for (what, reason, backup) in recovered {
            let what = [
                "progress",
                "unfinished quiz",
                "settings",
                "mock interview",
                "mock interviews",
                "code drafts",
            ]
            .into_iter()
            .find(|w| *w == what)
            .unwrap_or("data");
            self.notify(Notice::Recovered {
                what,
                reason,
                backup,
            });
        }
    }

    /// Takes `notice` off the list: its reader closed it (it comes back only if it happens
    /// again).
    pub fn dismiss(&self, notice: &Notice) {
        self.notices.borrow_mut().retain(|n| n != notice);
    }

    fn notify(&self, n: Notice) {
        {
            let mut notices = self.notices.borrow_mut();
            if notices.contains(&n) {
                return;
            }
            notices.push(n);
        }
        if let Some(f) = self.on_notice.borrow().as_ref() {
            f();
        }
    }

    fn get(&self, key: &str) -> Option<String> {
        let got = self.backend.borrow().get(key);
        got.unwrap_or_else(|_| {
            self.fall_back_to_memory();
            None
        })
    }

    fn set(&self, key: &str, value: &str) {
        let failed = self.backend.borrow().set(key, value).is_err();
        if failed {
            self.fall_back_to_memory();
            // Memory never fails.
            let _ = self.backend.borrow().set(key, value);
        }
    }

    fn remove(&self, key: &str) {
        let failed = self.backend.borrow().remove(key).is_err();
        if failed {
            self.fall_back_to_memory();
        }
    }

    /// Storage broke mid-visit (quota, revoked): carry what we can read into memory.
    fn fall_back_to_memory(&self) {
        if !self.is_persistent() {
            return;
        }
        let memory = Memory::default();
        {
            let old = self.backend.borrow();
            for key in old.keys().unwrap_or_default() {
                if let Ok(Some(v)) = old.get(&key) {
                    let _ = memory.set(&key, &v);
                }
            }
        }
        let old = std::mem::replace(&mut *self.backend.borrow_mut(), Box::new(memory));
        *self.abandoned.borrow_mut() = Some(old);
        self.notify(Notice::NotSaved);
    }

    fn load_with<T>(
        &self,
        key: &str,
        what: &'static str,
        decode: impl Fn(Option<&str>) -> Decoded<T>,
    ) -> Option<T> {
        self.decode_raw(key, self.get(key), what, decode)
    }

    fn decode_raw<T>(
        &self,
        key: &str,
        raw: Option<String>,
        what: &'static str,
        decode: impl Fn(Option<&str>) -> Decoded<T>,
    ) -> Option<T> {
        match decode(raw.as_deref()) {
            Decoded::Empty => None,
            Decoded::Ok(t) => Some(t),
            Decoded::Unreadable { reason } => {
                let backup = backup_key(key, (self.now)());
                self.set(&backup, raw.as_deref().unwrap_or_default());
                self.remove(key);
                self.notify(Notice::Recovered {
                    what,
                    reason,
                    backup,
                });
                None
            }
        }
    }

    pub fn progress(&self) -> Progress {
        let raw = self.get(PROGRESS_KEY);
        if let (Some(raw), Some((text, p))) = (&raw, &*self.progress_cache.borrow()) {
            if raw == text {
                return p.clone();
            }
        }
        let text = raw.clone();
        let p = self.decode_raw(PROGRESS_KEY, raw, "progress", decode);
        *self.progress_cache.borrow_mut() = text.zip(p.clone());
        p.unwrap_or_default()
    }

    pub fn save_progress(&self, p: &Progress) {
        let text = encode(p);
        self.set(PROGRESS_KEY, &text);
        self.cache_progress(text, p);
    }

    fn cache_progress(&self, text: String, p: &Progress) {
        *self.progress_cache.borrow_mut() = Some((text, p.clone()));
    }

    /// Reads, changes and writes progress in one step.
    pub fn update_progress(&self, f: impl FnOnce(&mut Progress)) -> Progress {
        let mut p = self.progress();
        f(&mut p);
        self.save_progress(&p);
        p
    }

    /// Like `update_progress`, but all or nothing: if storage refuses the result (too big for
    /// its quota), nothing changes, storage stays in use, and the error says why. An import
    /// uses it, so a file the browser can't keep is refused instead of being kept in memory
    /// only (and everything graded after it lost at the next visit).
    pub fn try_update_progress(&self, f: impl FnOnce(&mut Progress)) -> Result<Progress, String> {
        let mut p = self.progress();
        f(&mut p);
        let text = encode(&p);
        self.backend.borrow().set(PROGRESS_KEY, &text)?;
        self.cache_progress(text, &p);
        Ok(p)
    }

    /// The unfinished quiz to offer to continue: the site's, or in an embed its latest.
    pub fn session(&self) -> Option<Session> {
        if !self.embedded {
            return self.load_with(SESSION_KEY, "unfinished quiz", decode_session);
        }
        self.embed_sessions()
            .into_iter()
            .map(|(_, s)| s)
            .max_by(|a, b| last_shown(a).total_cmp(&last_shown(b)))
    }

    /// In an embed, the seed that resumes a seedless `link` (see `quiz::seed_to_resume`); on
    /// the site a seedless link is a new draw.
    pub fn seed_to_resume(&self, link: &crate::link::QuizLink) -> Option<String> {
        if !self.embedded {
            return None;
        }
        let mut sessions: Vec<Session> =
            self.embed_sessions().into_iter().map(|(_, s)| s).collect();
        sessions.sort_by(|a, b| last_shown(b).total_cmp(&last_shown(a)));
        crate::quiz::seed_to_resume(link, &sessions)
    }

    /// The unfinished quiz of `route` (a quiz's identity, `quiz::session_key`), if stored.
    pub fn session_of(&self, route: &str) -> Option<Session> {
        let read = |key: &str| self.load_with(key, "unfinished quiz", decode_session);
        let found = if self.embedded {
            read(&embed_session_key(route)).or_else(|| read(EMBED_SESSION_KEY))
        } else {
            read(SESSION_KEY)
        };
        found.filter(|s| s.route == route)
    }

    pub fn save_session(&self, s: &Session) {
        if !self.embedded {
            return self.set(SESSION_KEY, &encode(s));
        }
        let key = embed_session_key(&s.route);
        let new = self.get(&key).is_none();
        self.set(&key, &encode(s));
        if new {
            self.forget_old_embed_sessions(&s.route);
        }
    }

    /// The embeds' unfinished quizzes with their keys (unreadable ones backed up and dropped).
    fn embed_sessions(&self) -> Vec<(String, Session)> {
        let keys = self.backend.borrow().keys().unwrap_or_default();
        keys.into_iter()
            .filter(|k| is_embed_session_key(k))
            .filter_map(|k| {
                Some((
                    k.clone(),
                    self.load_with(&k, "unfinished quiz", decode_session)?,
                ))
            })
            .collect()
    }

    /// A new embedded quiz was saved: the one-slot form of its quiz is gone, and beyond
    /// [`EMBED_SESSIONS`] the quizzes shown longest ago are forgotten.
    fn forget_old_embed_sessions(&self, route: &str) {
        let mut kept = self.embed_sessions();
        if let Some(i) = kept
            .iter()
            .position(|(k, s)| k == EMBED_SESSION_KEY && s.route == route)
        {
            self.remove(&kept.swap_remove(i).0);
        }
        if kept.len() > EMBED_SESSIONS {
            kept.sort_by(|a, b| last_shown(&a.1).total_cmp(&last_shown(&b.1)));
            for (key, _) in &kept[..kept.len() - EMBED_SESSIONS] {
                self.remove(key);
            }
        }
    }

    pub fn settings(&self) -> Settings {
        self.load_with(SETTINGS_KEY, "settings", decode)
            .unwrap_or_default()
    }

    pub fn save_settings(&self, s: &Settings) {
        self.set(SETTINGS_KEY, &encode(s));
    }

    /// The unfinished mock interview.
    pub fn mock(&self) -> Option<MockSession> {
        self.load_with(MOCK_KEY, "mock interview", decode)
    }

    pub fn save_mock(&self, s: Option<&MockSession>) {
        match s {
            Some(s) => self.set(MOCK_KEY, &encode(s)),
            None => self.remove(MOCK_KEY),
        }
    }

    /// Finished mock interviews.
    pub fn mocks(&self) -> MockHistory {
        self.load_with(MOCKS_KEY, "mock interviews", decode)
            .unwrap_or_default()
    }

    /// Reads, changes and writes the finished interviews in one step.
    pub fn update_mocks(&self, f: impl FnOnce(&mut MockHistory)) {
        self.update(MOCKS_KEY, self.mocks(), f);
    }

    pub fn drafts(&self) -> Drafts {
        self.load_with(DRAFTS_KEY, "code drafts", decode)
            .unwrap_or_default()
    }

    /// Reads, changes and writes the drafts in one step (another tab's drafts are kept).
    pub fn update_drafts(&self, f: impl FnOnce(&mut Drafts)) {
        self.update(DRAFTS_KEY, self.drafts(), f);
    }

    /// Writes `value` under `key` once `f` has changed it (the read-modify-write of the
    /// `update_*` methods: `value` was just read, so nothing another tab saved is lost).
    fn update<T: Stored>(&self, key: &str, mut value: T, f: impl FnOnce(&mut T)) -> T {
        f(&mut value);
        self.set(key, &encode(&value));
        value
    }

    /// Reads the values every screen needs once, so unreadable ones are backed up and noticed
    /// now (the mock interview and the drafts are checked where they are read: the first
    /// screen carries no code for them).
    pub fn check_all(&self) {
        let _ = (self.progress(), self.session(), self.settings());
    }

    /// Forgets progress, the unfinished quizzes and settings (backups stay), also from browser
    /// storage that stopped taking writes (removing usually still works there).
    pub fn reset(&self) {
        let embeds = self.backend.borrow().keys().unwrap_or_default();
        let embeds = embeds.into_iter().filter(|k| is_embed_session_key(k));
        let fixed = [
            PROGRESS_KEY,
            SESSION_KEY,
            SETTINGS_KEY,
            MOCK_KEY,
            MOCKS_KEY,
            DRAFTS_KEY,
        ];
        for key in fixed.into_iter().map(str::to_owned).chain(embeds) {
            self.remove(&key);
            if let Some(old) = self.abandoned.borrow().as_ref() {
                let _ = old.remove(&key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Grade;
    use std::rc::Rc;

    fn now() -> f64 {
        42.0
    }

    /// A backend whose reads and/or writes throw, like a browser refusing storage.
    struct Failing {
        reads: bool,
        inner: Rc<Memory>,
    }

    impl KeyValue for Failing {
        fn get(&self, k: &str) -> Result<Option<String>, String> {
            if self.reads {
                Err("SecurityError".into())
            } else {
                self.inner.get(k)
            }
        }
        fn set(&self, _: &str, _: &str) -> Result<(), String> {
            Err("QuotaExceededError".into())
        }
        fn remove(&self, _: &str) -> Result<(), String> {
            Err("SecurityError".into())
        }
        fn keys(&self) -> Result<Vec<String>, String> {
            self.inner.keys()
        }
    }

    struct Shared(Rc<Memory>);
    impl KeyValue for Shared {
        fn get(&self, k: &str) -> Result<Option<String>, String> {
            self.0.get(k)
        }
        fn set(&self, k: &str, v: &str) -> Result<(), String> {
            self.0.set(k, v)
        }
        fn remove(&self, k: &str) -> Result<(), String> {
            self.0.remove(k)
        }
        fn keys(&self) -> Result<Vec<String>, String> {
            self.0.keys()
        }
    }

    /// Storage whose quota is full: writes throw, reads and removals work.
    struct Full(Rc<Memory>);
    impl KeyValue for Full {
        fn get(&self, k: &str) -> Result<Option<String>, String> {
            self.0.get(k)
        }
        fn set(&self, _: &str, _: &str) -> Result<(), String> {
            Err("QuotaExceededError".into())
        }
        fn remove(&self, k: &str) -> Result<(), String> {
            self.0.remove(k)
        }
        fn keys(&self) -> Result<Vec<String>, String> {
            self.0.keys()
        }
    }

    #[test]
    fn a_write_storage_refuses_changes_nothing_when_all_or_nothing() {
        let disk = Rc::new(Memory::default());
        Store::new(Some(Box::new(Shared(disk.clone()))), now)
            .update_progress(|p| p.record_grade("a", Grade::Good, 1.0, None));
        let store = Store::new(Some(Box::new(Full(disk.clone()))), now);
        let refused = store.try_update_progress(|p| p.record_grade("b", Grade::Good, 2.0, None));
        assert_eq!(refused, Err("QuotaExceededError".into()));
        assert!(store.is_persistent(), "storage stays in use");
        assert!(store.notices().is_empty());
        assert_eq!(store.progress().graded_count(), 1, "as it was");
        // The ordinary write falls back to memory instead (and says so).
        store.update_progress(|p| p.record_grade("b", Grade::Good, 2.0, None));
        assert!(!store.is_persistent());
        assert_eq!(store.progress().graded_count(), 2);
    }

    #[test]
    fn reset_erases_storage_even_after_it_stopped_taking_writes() {
        let disk = Rc::new(Memory::default());
        Store::new(Some(Box::new(Shared(disk.clone()))), now)
            .update_progress(|p| p.record_grade("a", Grade::Good, 1.0, None));
        let store = Store::new(Some(Box::new(Full(disk.clone()))), now);
        store.update_progress(|p| p.record_grade("b", Grade::Good, 2.0, None));
        assert!(!store.is_persistent());
        store.reset();
        assert_eq!(store.progress().graded_count(), 0);
        assert_eq!(
            disk.keys().unwrap(),
            Vec::<String>::new(),
            "nothing comes back on reload"
        );
    }

    #[test]
    fn an_embedded_widget_keeps_its_own_unfinished_quiz() {
        let disk = Rc::new(Memory::default());
        let site = Store::new(Some(Box::new(Shared(disk.clone()))), now);
        let embed = Store::new(Some(Box::new(Shared(disk.clone()))), now).embedded();
        let mine = Session::new("/quiz/oop?seed=mine".into(), vec!["o".into()]);
        let preview = Session::new("/quiz/all?seed=p".into(), vec!["c".into()]);
        site.save_session(&mine);
        embed.save_session(&preview);
        assert_eq!(site.session(), Some(mine));
        assert_eq!(embed.session(), Some(preview));
        embed.update_progress(|p| p.record_seen("c"));
        assert_eq!(site.progress().questions["c"].seen, 1, "progress is shared");
        site.reset();
        assert_eq!(embed.session(), None, "a reset erases both");
    }

    #[test]
    fn embeds_on_one_page_each_resume_their_own_quiz() {
        let disk = Rc::new(Memory::default());
        let embed = || Store::new(Some(Box::new(Shared(disk.clone()))), now).embedded();
        let quiz = |route: &str, shown: f64| Session {
            shown_at: Some(shown),
            seed_drawn: Some(true),
            ..Session::new(route.into(), vec!["a".into(), "b".into()])
        };
        let (a, b) = (
            quiz("/quiz/core?seed=a", 1.0),
            quiz("/quiz/oop?seed=b", 2.0),
        );
        embed().save_session(&a);
        embed().save_session(&b);
        assert_eq!(embed().session_of(&a.route), Some(a.clone()));
        assert_eq!(embed().session_of(&b.route), Some(b.clone()));
        assert_eq!(embed().session_of("/quiz/dsa?seed=c"), None);
        assert_eq!(
            embed().session(),
            Some(b.clone()),
            "the latest, to continue"
        );
        let site = Store::new(Some(Box::new(Shared(disk.clone()))), now);
        assert_eq!(site.session(), None, "the site's quiz is apart");

        // A host page writes a seedless iframe on every load: it gets the latest unfinished
        // quiz of its link back; the site draws afresh.
        let seedless = |cats: &str| crate::link::parse_quiz(cats, "embed=1").unwrap();
        embed().save_session(&quiz("/quiz/core?seed=a2", 3.0));
        let core = seedless("core");
        assert_eq!(
            embed().seed_to_resume(&core).as_deref(),
            Some("a2"),
            "the latest of two"
        );
        assert_eq!(embed().seed_to_resume(&seedless("dsa")), None);
        assert_eq!(site.seed_to_resume(&core), None);
        disk.remove(&embed_session_key("/quiz/core?seed=a2"))
            .unwrap();

        // The one slot all embeds shared before: read for its quiz, gone once that is saved.
        let old = quiz("/quiz/files?seed=old", 0.5);
        disk.set(EMBED_SESSION_KEY, &encode(&old)).unwrap();
        assert_eq!(embed().session_of(&old.route), Some(old.clone()));
        assert_eq!(embed().session_of(&a.route), Some(a.clone()));
        embed().save_session(&old);
        assert_eq!(disk.get(EMBED_SESSION_KEY).unwrap(), None);
        assert_eq!(embed().session_of(&old.route), Some(old));

        // Beyond EMBED_SESSIONS quizzes, the one shown longest ago goes.
        for i in 0..EMBED_SESSIONS {
            embed().save_session(&quiz(&format!("/quiz/core?seed=n{i}"), 10.0 + i as f64));
        }
        let keys: Vec<_> = disk
            .keys()
            .unwrap()
            .into_iter()
            .filter(|k| is_embed_session_key(k))
            .collect();
        assert_eq!(keys.len(), EMBED_SESSIONS);
        assert_eq!(
            embed().session_of(&b.route),
            None,
            "shown longest ago (with a and old)"
        );
        assert!(embed().session_of("/quiz/core?seed=n0").is_some());
        embed().reset();
        assert!(
            disk.keys()
                .unwrap()
                .into_iter()
                .all(|k| !is_embed_session_key(&k)),
            "reset erases them all"
        );
    }

    #[test]
    fn saves_and_reloads() {
        let mem = Rc::new(Memory::default());
        let store = Store::new(Some(Box::new(Shared(mem.clone()))), now);
        store.update_progress(|p| p.record_grade("a", Grade::Good, 1.0, None));
        let s = Session::new("/quiz/core?seed=x".into(), vec!["a".into()]);
        store.save_session(&s);
        let again = Store::new(Some(Box::new(Shared(mem.clone()))), now);
        assert_eq!(again.progress().questions["a"].grades.len(), 1);
        assert_eq!(again.session(), Some(s));
        assert!(again.notices().is_empty());
        again.reset();
        assert_eq!(again.progress(), Progress::default());
        assert_eq!(again.session(), None);
    }

    #[test]
    fn corrupt_values_are_backed_up_not_lost() {
        let mem = Rc::new(Memory::default());
        mem.set(PROGRESS_KEY, "{garbage").unwrap();
        mem.set(SESSION_KEY, r#"{"version":99}"#).unwrap();
        let store = Store::new(Some(Box::new(Shared(mem.clone()))), now);
        assert_eq!(store.progress(), Progress::default());
        assert_eq!(store.session(), None);
        assert_eq!(
            mem.get("pyprep.backup.pyprep.v1.progress.42")
                .unwrap()
                .as_deref(),
            Some("{garbage")
        );
        assert_eq!(
            mem.get("pyprep.backup.pyprep.v1.session.42")
                .unwrap()
                .as_deref(),
            Some(r#"{"version":99}"#)
        );
        assert_eq!(mem.get(PROGRESS_KEY).unwrap(), None);
        let notices = store.notices();
        assert_eq!(notices.len(), 2);
        assert!(notices[0].message().contains("not valid JSON"));
        assert!(store.is_persistent());
        // Its reader closes one; the other stays, and the backups too.
        store.dismiss(&notices[0]);
        assert_eq!(store.notices(), vec![notices[1].clone()]);
        assert!(mem
            .get("pyprep.backup.pyprep.v1.progress.42")
            .unwrap()
            .is_some());
    }

    #[test]
    fn a_store_hands_over_its_memory_and_notices() {
        let first = Store::new(None, now);
        first.update_progress(|p| p.record_grade("a", Grade::Good, 1.0, None));
        let app = Store::new(None, now);
        app.take_over(&first.handover());
        assert_eq!(app.progress(), first.progress());

        let mem = Rc::new(Memory::default());
        mem.set(PROGRESS_KEY, "{garbage").unwrap();
        let disk = Store::new(Some(Box::new(Shared(mem.clone()))), now);
        disk.check_all();
        let handover = disk.handover();
        assert!(
            !handover.contains("grade"),
            "working storage is read there, not handed over"
        );
        let app = Store::new(Some(Box::new(Shared(mem.clone()))), now);
        app.take_over(&handover);
        assert_eq!(
            app.notices(),
            disk.notices(),
            "the recovery notice is shown once, there"
        );
        app.take_over("garbage");
    }

    #[test]
    fn progress_read_again_is_what_is_stored_now_even_if_another_tab_wrote_it() {
        let mem = Rc::new(Memory::default());
        let store = Store::new(Some(Box::new(Shared(mem.clone()))), now);
        store.update_progress(|p| p.record_seen("a"));
        assert_eq!(
            store.progress().questions["a"].seen,
            1,
            "cached: the same text"
        );
        // Another tab writes: the text differs, so it is decoded afresh.
        let other = Store::new(Some(Box::new(Shared(mem.clone()))), now);
        other.update_progress(|p| p.record_seen("a"));
        assert_eq!(store.progress().questions["a"].seen, 2);
        mem.set(PROGRESS_KEY, "{garbage").unwrap();
        assert_eq!(
            store.progress(),
            Progress::default(),
            "unreadable: recovered, not cached"
        );
        assert!(matches!(
            store.notices().last(),
            Some(Notice::Recovered { .. })
        ));
        store.reset();
        assert_eq!(store.progress(), Progress::default());
    }

    #[test]
    fn absent_storage_works_in_memory_with_a_notice() {
        let store = Store::new(None, now);
        assert_eq!(store.notices(), [Notice::NotSaved]);
        store.update_progress(|p| p.record_seen("a"));
        assert_eq!(store.progress().questions["a"].seen, 1);
    }

    #[test]
    fn throwing_storage_falls_back_and_keeps_what_it_could_read() {
        let inner = Rc::new(Memory::default());
        let mut p = Progress::default();
        p.record_grade("old", Grade::Easy, 5.0, None);
        inner.set(PROGRESS_KEY, &encode(&p)).unwrap();
        let store = Store::new(
            Some(Box::new(Failing {
                reads: false,
                inner: inner.clone(),
            })),
            now,
        );
        let told = Rc::new(std::cell::Cell::new(0));
        let counter = told.clone();
        store.on_notice(move || counter.set(counter.get() + 1));
        let after = store.update_progress(|p| p.record_grade("new", Grade::Good, 6.0, None));
        assert_eq!(
            told.get(),
            1,
            "the screen is told storage stopped working mid-visit"
        );
        store.update_progress(|p| p.record_grade("new", Grade::Good, 7.0, None));
        assert_eq!(told.get(), 1, "once");
        assert_eq!(after.questions.len(), 2);
        assert_eq!(store.progress().questions.len(), 2, "kept in memory");
        assert_eq!(store.notices(), [Notice::NotSaved]);
        assert!(!store.is_persistent());

        let unreadable = Store::new(Some(Box::new(Failing { reads: true, inner })), now);
        assert_eq!(unreadable.settings(), Settings::default());
        assert_eq!(unreadable.notices(), [Notice::NotSaved]);
    }
}
