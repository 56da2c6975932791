//! The stored progress schema: versioned records, decoding that never loses data, and merge.
//!
//! Every stored value is a JSON envelope `{"version": N, ...}`. Decoding distinguishes empty,
//! readable, and unreadable (not JSON, unknown version, wrong shape): the caller keeps an
//! unreadable raw value under a backup key and starts clean, telling the user.
//!
//! Versions: progress is at 2 (v1 plus key-point ticks on each review and the cached
//! schedule card; a v1 value reads as v2 with nothing lost, since every new field has a
//! default); the unfinished quiz and the settings are at 1. A version above the current one is
//! unreadable: never guessed at.

use crate::link::DEFAULT_COUNT;
use crate::quiz::{Grade, Session};
use crate::schedule::{Card, DEFAULT_RETENTION};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const PROGRESS_KEY: &str = "pyprep.v1.progress";
pub const SESSION_KEY: &str = "pyprep.v1.session";
/// The unfinished quizzes of embedded widgets (`?embed=1`): one per quiz, under this key
/// followed by `.` and [`embed_session_key`]'s hash of the quiz (this key alone held the one
/// slot all embeds shared before; it is still read).
pub const EMBED_SESSION_KEY: &str = "pyprep.v1.embed-session";

/// Where an embed keeps the unfinished quiz of `route` (a quiz's identity, `quiz::session_key`).
pub fn embed_session_key(route: &str) -> String {
    format!(
        "{EMBED_SESSION_KEY}.{:016x}",
        crate::draw::seed_from_token(route)
    )
}

/// Whether `key` holds an embed's unfinished quiz (either form).
pub fn is_embed_session_key(key: &str) -> bool {
    key.strip_prefix(EMBED_SESSION_KEY)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}
pub const SETTINGS_KEY: &str = "pyprep.v1.settings";
/// The unfinished mock interview.
pub const MOCK_KEY: &str = "pyprep.v1.mock";
/// Finished mock interviews.
pub const MOCKS_KEY: &str = "pyprep.v1.mocks";
/// The learner's code per live-coding challenge.
pub const DRAFTS_KEY: &str = "pyprep.v1.drafts";

/// A stored type: the version it is written at, and the oldest version it still reads.
pub trait Stored: Serialize + DeserializeOwned {
    const VERSION: u32;
    const OLDEST: u32 = Self::VERSION;
}

impl Stored for Progress {
    const VERSION: u32 = 2;
    const OLDEST: u32 = 1;
}

impl Stored for Settings {
    const VERSION: u32 = 1;
}

impl Stored for Session {
    const VERSION: u32 = 1;
}

impl Stored for crate::mock::MockSession {
    const VERSION: u32 = 1;
}

impl Stored for crate::challenge::Drafts {
    const VERSION: u32 = 1;
}

impl Stored for crate::mock::MockHistory {
    const VERSION: u32 = 1;
}

/// Where an unreadable value of `key` is kept, so nothing is silently discarded.
pub fn backup_key(key: &str, at_ms: f64) -> String {
    format!("pyprep.backup.{key}.{}", at_ms.max(0.0) as u64)
}

/// Which key points the learner ticked ("tick what you said") before grading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Ticks {
    /// Bit `i` set: key point `i` was ticked.
    pub said: u32,
    /// How many key points the question had then.
    pub of: u8,
}

impl Ticks {
    /// Most key points a tick mask can hold; later ones can't be ticked.
    pub const MAX: usize = 32;

    /// The ticks `said` (bit i: key point i) against a question of `key_points` key points.
    pub fn new(said: u32, key_points: usize) -> Ticks {
        let of = key_points.min(Ticks::MAX) as u8;
        Ticks {
            said: said & mask(of),
            of,
        }
    }

    pub fn ticked(&self, i: usize) -> bool {
        i < 32 && self.said & (1 << i) != 0
    }

    pub fn count(&self) -> usize {
        (self.said & mask(self.of)).count_ones() as usize
    }
}

/// The bits of the first `n` key points.
pub fn mask(n: u8) -> u32 {
    if n >= 32 {
        u32::MAX
    } else {
        (1u32 << n) - 1
    }
}

/// One review: the grade, when, the ticks if the learner ticked any key point, and the notes
/// written for it, if any (cut to [`NOTE_LIMIT`] characters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeRecord {
    pub grade: Grade,
    /// Milliseconds since the Unix epoch.
    pub at: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticks: Option<Ticks>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The most of a review's notes kept in progress (the 50-review history stays small).
pub const NOTE_LIMIT: usize = 2_000;

/// Notes as kept with a review: trimmed, cut to [`NOTE_LIMIT`] characters, none if empty.
pub fn kept_notes(notes: &str) -> Option<String> {
    let t = notes.trim();
    (!t.is_empty()).then(|| t.chars().take(NOTE_LIMIT).collect())
}

impl GradeRecord {
    /// A total order (time, grade, ticks), so a merged history has one order whatever the
    /// order of merging.
    fn order(&self, other: &GradeRecord) -> std::cmp::Ordering {
        self.at
            .total_cmp(&other.at)
            .then(self.grade.number().cmp(&other.grade.number()))
            .then(self.ticks.cmp(&other.ticks))
            .then(self.notes.cmp(&other.notes))
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct QuestionProgress {
    /// How many times the answer was revealed.
    #[serde(default)]
    pub seen: u32,
    /// The review history, oldest first (v1 called each review a grade; the name stays).
    #[serde(default)]
    pub grades: Vec<GradeRecord>,
    /// The schedule computed from `grades` (a cache: see `schedule::Card::fits`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<Card>,
}

impl QuestionProgress {
    pub fn last_grade(&self) -> Option<Grade> {
        self.grades.last().map(|r| r.grade)
    }

    /// The cached card, if it was computed from this history and retention.
    pub fn card(&self, retention: f32) -> Option<&Card> {
        self.card
            .as_ref()
            .filter(|c| c.fits(&self.grades, retention))
    }

    /// One question's share of [`Progress::merge`].
    fn merge_from(&mut self, theirs: &QuestionProgress) {
        self.seen = self.seen.max(theirs.seen);
        self.grades.extend(theirs.grades.iter().cloned());
        self.grades.sort_by(GradeRecord::order);
        self.grades.dedup();
        if self.grades.len() > HISTORY_LIMIT {
            self.grades.drain(..self.grades.len() - HISTORY_LIMIT);
        }
        let grades = &self.grades;
        self.card = [self.card, theirs.card]
            .into_iter()
            .flatten()
            .filter(|c| c.fits(grades, c.retention))
            .max_by(|a, b| {
                a.retention
                    .total_cmp(&b.retention)
                    .then(a.due.total_cmp(&b.due))
                    .then(a.stability.total_cmp(&b.stability))
                    .then(a.difficulty.total_cmp(&b.difficulty))
            });
    }

    /// Graded, but its card is missing or stale: the scheduler has to compute it.
    pub fn needs_card(&self, retention: f32) -> bool {
        !self.grades.is_empty() && self.card(retention).is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default)]
    pub questions: HashMap<String, QuestionProgress>,
}

/// Most grades kept per question: enough for any scheduler, bounded for storage quotas.
pub const HISTORY_LIMIT: usize = 50;

impl Progress {
    pub fn record_seen(&mut self, id: &str) {
        self.questions.entry(id.to_owned()).or_default().seen += 1;
    }

    pub fn record_grade(&mut self, id: &str, grade: Grade, at: f64, ticks: Option<Ticks>) {
        self.record_review(
            id,
            GradeRecord {
                grade,
                at,
                ticks,
                notes: None,
            },
        );
    }

    /// Keeps one review (with its notes) in the question's history, within the cap.
    pub fn record_review(&mut self, id: &str, review: GradeRecord) {
        let q = self.questions.entry(id.to_owned()).or_default();
        q.grades.push(review);
        if q.grades.len() > HISTORY_LIMIT {
            q.grades.drain(..q.grades.len() - HISTORY_LIMIT);
        }
    }

    /// Takes back the review of `id` made at `at` (Undo). The cached card no longer fits and is
    /// computed again. False if there is no such review (another tab's reset, say).
    pub fn remove_grade(&mut self, id: &str, at: f64) -> bool {
        let Some(q) = self.questions.get_mut(id) else {
            return false;
        };
        let Some(i) = q.grades.iter().rposition(|r| r.at == at) else {
            return false;
        };
        q.grades.remove(i);
        if q.grades.is_empty() {
            q.card = None;
        }
        true
    }

    /// Whether any graded question's card is missing or stale for `retention`.
    pub fn has_stale_cards(&self, retention: f32) -> bool {
        self.questions.values().any(|q| q.needs_card(retention))
    }

    /// How many distinct questions have at least one grade.
    pub fn graded_count(&self) -> usize {
        self.questions
            .values()
            .filter(|q| !q.grades.is_empty())
            .count()
    }

    /// Union of two histories (an imported file, another tab's write): reviews are merged by
    /// time and deduplicated (ticks included), `seen` takes the larger count, and a cached card
    /// survives only if it still fits the merged history. Idempotent and commutative.
    pub fn merge(&mut self, other: &Progress) {
        for (id, theirs) in &other.questions {
            self.questions
                .entry(id.clone())
                .or_default()
                .merge_from(theirs);
        }
    }

    /// Forgets the progress of these questions (a category's reset).
    pub fn forget(&mut self, ids: impl IntoIterator<Item = impl AsRef<str>>) {
        for id in ids {
            self.questions.remove(id.as_ref());
        }
    }
}

/// Marks an exported progress file (see README, "Your data").
pub const EXPORT_FORMAT: &str = "pyprep-progress";
/// The largest file Import reads: far above any real history (the cap keeps one under 10 MB).
pub const IMPORT_LIMIT: usize = 20 * 1024 * 1024;

#[derive(Serialize)]
struct ExportOut<'a> {
    format: &'static str,
    version: u32,
    exported_at: f64,
    questions: HashMap<&'a str, ExportedQuestion<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    mocks: &'a [crate::mock::MockRecord],
}

#[derive(Serialize)]
struct ExportedQuestion<'a> {
    seen: u32,
    grades: &'a [GradeRecord],
}

/// The progress as an export file: versioned, marked, without the cached schedule (the
/// importing app computes it from the reviews), with the finished mock interviews (kept under
/// their own key, `mock::MockHistory`, so the first screen never decodes them).
pub fn export(progress: &Progress, mocks: &[crate::mock::MockRecord], at: f64) -> String {
    let questions = progress
        .questions
        .iter()
        .map(|(id, q)| {
            (
                id.as_str(),
                ExportedQuestion {
                    seen: q.seen,
                    grades: &q.grades,
                },
            )
        })
        .collect();
    serde_json::to_string_pretty(&ExportOut {
        format: EXPORT_FORMAT,
        version: <Progress as Stored>::VERSION,
        exported_at: at,
        questions,
        mocks,
    })
    .unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    /// Nothing in it (or only white space).
    Empty,
    Truncated,
    NotJson,
    Foreign,
    Newer(u64),
    Malformed(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge(n) => write!(
                f,
                "This file is {:.1} MB; a PyPrep export is far smaller, so it was not read.",
                *n as f64 / 1_048_576.0
            ),
            ImportError::Empty => write!(f, "This file is empty: export your progress again."),
            ImportError::Truncated => {
                write!(f, "This file ends too early: it looks cut off. Export it again.")
            }
            ImportError::NotJson => write!(f, "This is not a PyPrep export: it is not JSON."),
            ImportError::Foreign => write!(
                f,
                "This JSON file is not a PyPrep progress export (it has no “questions” of PyPrep's shape)."
            ),
            ImportError::Newer(v) => write!(
                f,
                "This export was written by a newer PyPrep (format version {v}); update this page and try again."
            ),
            ImportError::Malformed(why) => {
                write!(f, "This PyPrep export is damaged and was not imported ({why}).")
            }
        }
    }
}

/// Review times are milliseconds since 1970: none is negative.
const EARLIEST_REVIEW: f64 = 0.0;

/// Reads an export file (or a stored progress value) at `now`. Never panics; any error changes
/// nothing.
pub fn import(text: &str, now: f64) -> Result<Progress, ImportError> {
    if text.len() > IMPORT_LIMIT {
        return Err(ImportError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            ImportError::Truncated
        } else {
            ImportError::NotJson
        }
    })?;
    let marked = value.get("format").and_then(serde_json::Value::as_str) == Some(EXPORT_FORMAT);
    if !marked
        && !value
            .get("questions")
            .is_some_and(serde_json::Value::is_object)
    {
        return Err(ImportError::Foreign);
    }
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or(ImportError::Foreign)?;
    if version > u64::from(<Progress as Stored>::VERSION) {
        return Err(ImportError::Newer(version));
    }
    if version < u64::from(<Progress as Stored>::OLDEST) {
        return Err(ImportError::Malformed(format!("unknown version {version}")));
    }
    // No review follows the export or now (a day's leeway for clocks), or has a negative time.
    let latest = value
        .get("exported_at")
        .and_then(serde_json::Value::as_f64)
        .filter(|t| t.is_finite())
        .map_or(now, |t| t.min(now))
        + crate::schedule::DAY_MS;
    let mut progress: Progress =
        serde_json::from_value(value).map_err(|e| ImportError::Malformed(e.to_string()))?;
    for (id, q) in &progress.questions {
        for r in &q.grades {
            if !(EARLIEST_REVIEW..=latest).contains(&r.at) {
                return Err(ImportError::Malformed(format!(
                    "a review of “{id}” has an impossible date"
                )));
            }
            if r.ticks.is_some_and(|t| usize::from(t.of) > Ticks::MAX) {
                return Err(ImportError::Malformed(format!(
                    "a review of “{id}” counts more key points than a question can have"
                )));
            }
        }
    }
    for q in progress.questions.values_mut() {
        // Time order, no duplicates, within the cap, no card: as if recorded here.
        let mut clean = QuestionProgress::default();
        clean.merge_from(&QuestionProgress {
            card: None,
            ..std::mem::take(q)
        });
        *q = clean;
    }
    Ok(progress)
}

/// What an import would change, for the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    /// Questions that would gain reviews.
    pub questions: usize,
    /// Reviews not already here.
    pub new_reviews: usize,
    /// Reviews already here (skipped).
    pub known_reviews: usize,
    /// Of `questions`, how many this bank doesn't have (kept, in case the bank returns).
    pub unknown_questions: usize,
    /// Reviews here that would make way for newer ones from the file: a question keeps its
    /// latest `HISTORY_LIMIT`.
    pub dropped_reviews: usize,
    /// Reviews of the file older than the latest `HISTORY_LIMIT` of their question: left out.
    pub too_old: usize,
}

pub fn preview_import(
    current: &Progress,
    incoming: &Progress,
    in_bank: impl Fn(&str) -> bool,
) -> ImportPreview {
    let mut p = ImportPreview {
        questions: 0,
        new_reviews: 0,
        known_reviews: 0,
        unknown_questions: 0,
        dropped_reviews: 0,
        too_old: 0,
    };
    for (id, theirs) in &incoming.questions {
        let mine = current.questions.get(id);
        let here = |r: &GradeRecord| mine.is_some_and(|m| m.grades.contains(r));
        // What the merge keeps, counted rather than assumed (the history cap drops the oldest).
        let mut merged = mine.cloned().unwrap_or_default();
        merged.merge_from(theirs);
        let mut theirs_once = theirs.grades.clone();
        theirs_once.sort_by(GradeRecord::order);
        theirs_once.dedup();
        let (known, fresh): (Vec<_>, Vec<_>) = theirs_once.iter().partition(|r| here(r));
        let new = fresh.iter().filter(|r| merged.grades.contains(r)).count();
        p.new_reviews += new;
        p.known_reviews += known.len();
        p.too_old += fresh.len() - new;
        p.dropped_reviews += mine.map_or(0, |m| {
            m.grades
                .iter()
                .filter(|r| !merged.grades.contains(r))
                .count()
        });
        if new > 0 {
            p.questions += 1;
            p.unknown_questions += usize::from(!in_bank(id));
        }
    }
    p
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CountChoice {
    Five,
    Ten,
    Twenty,
    All,
}

impl CountChoice {
    pub const ALL: [CountChoice; 4] = [
        CountChoice::Five,
        CountChoice::Ten,
        CountChoice::Twenty,
        CountChoice::All,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CountChoice::Five => "5",
            CountChoice::Ten => "10",
            CountChoice::Twenty => "20",
            CountChoice::All => "All",
        }
    }

    pub fn count(self) -> crate::link::Count {
        use crate::link::Count;
        match self {
            CountChoice::Five => Count::N(5),
            CountChoice::Ten => Count::N(DEFAULT_COUNT),
            CountChoice::Twenty => Count::N(20),
            CountChoice::All => Count::All,
        }
    }
}

/// What the home screen remembers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default = "default_count")]
    pub count: CountChoice,
    /// The review schedule's desired retention, 0.80–0.97 (see `schedule::valid_retention`).
    #[serde(default = "default_retention")]
    pub retention: f32,
    /// The difficulties chosen on the home screen; empty: every level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<crate::bank::Difficulty>,
}

fn default_count() -> CountChoice {
    CountChoice::Ten
}

fn default_retention() -> f32 {
    DEFAULT_RETENTION
}

impl Settings {
    /// The retention to schedule with: the stored one if it is in range.
    pub fn retention(&self) -> f32 {
        crate::schedule::valid_retention(self.retention)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            categories: Vec::new(),
            count: default_count(),
            retention: default_retention(),
            levels: Vec::new(),
        }
    }
}

/// A tap on one choice of a "pick one, several or all" row (categories, levels), where `chosen`
/// holding every option means "all": from all, a tap picks just that one; otherwise it adds or
/// removes it, and removing the last one goes back to all. Never leaves nothing chosen. Order
/// follows `options`.
pub fn tap_choice<T: Clone + PartialEq>(options: &[T], chosen: &[T], tapped: &T) -> Vec<T> {
    let all = options.iter().all(|o| chosen.contains(o));
    let next: Vec<T> = if all {
        vec![tapped.clone()]
    } else if chosen.contains(tapped) {
        chosen.iter().filter(|c| *c != tapped).cloned().collect()
    } else {
        chosen.iter().chain([tapped]).cloned().collect()
    };
    if next.is_empty() {
        options.to_vec()
    } else {
        options
            .iter()
            .filter(|o| next.contains(o))
            .cloned()
            .collect()
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    version: u32,
    #[serde(flatten)]
    data: &'a T,
}

/// Serialises `data` inside a versioned envelope.
pub fn encode<T: Stored>(data: &T) -> String {
    serde_json::to_string(&EnvelopeOut {
        version: T::VERSION,
        data,
    })
    .unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq)]
pub enum Decoded<T> {
    Empty,
    Ok(T),
    /// Not ours to read: keep `raw` under a backup key, tell the user why.
    Unreadable {
        reason: String,
    },
}

/// Decodes a stored envelope of any version from `T::OLDEST` to `T::VERSION`. Never panics.
pub fn decode<T: Stored>(raw: Option<&str>) -> Decoded<T> {
    let Some(raw) = raw else {
        return Decoded::Empty;
    };
    // Two passes without building a `Value` tree (half the time for a large history): the
    // version alone (the rest skipped), then the typed value.
    #[derive(Deserialize)]
    struct Version {
        version: Option<u64>,
    }
    let version = match serde_json::from_str::<Version>(raw) {
        Ok(v) => v.version,
        Err(e) if e.is_syntax() || e.is_eof() => {
            return Decoded::Unreadable {
                reason: "it is not valid JSON".into(),
            }
        }
        Err(_) => None,
    };
    match version {
        Some(v) if (u64::from(T::OLDEST)..=u64::from(T::VERSION)).contains(&v) => {}
        Some(v) => {
            return Decoded::Unreadable {
                reason: format!("it was written by a newer or unknown version ({v})"),
            }
        }
        None => {
            return Decoded::Unreadable {
                reason: "it has no version".into(),
            }
        }
    }
    match serde_json::from_str::<T>(raw) {
        Ok(t) => Decoded::Ok(t),
        Err(e) => Decoded::Unreadable {
            reason: format!("its content is malformed ({e})"),
        },
    }
}

/// The unfinished quiz, checked for shape after decoding.
pub fn decode_session(raw: Option<&str>) -> Decoded<Session> {
    match decode::<Session>(raw) {
        Decoded::Ok(s) if !s.is_consistent() => Decoded::Unreadable {
            reason: "its quiz state is inconsistent".into(),
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut p = Progress::default();
        p.record_seen("a");
        p.record_grade("a", Grade::Good, 1000.0, None);
        let raw = encode(&p);
        assert!(raw.starts_with(r#"{"version":2,"#), "{raw}");
        assert_eq!(decode::<Progress>(Some(&raw)), Decoded::Ok(p));
        let s = Settings::default();
        assert_eq!(decode::<Settings>(Some(&encode(&s))), Decoded::Ok(s));
    }

    #[test]
    fn unreadable_values_say_why() {
        assert_eq!(decode::<Progress>(None), Decoded::Empty);
        for (raw, why) in [
            ("{not json", "not valid JSON"),
            (r#"{"questions":{}}"#, "no version"),
            (r#"{"version":7,"questions":{}}"#, "unknown version (7)"),
            (
                r#"{"version":1,"questions":{"a":{"grades":[{"grade":9,"at":1}]}}}"#,
                "malformed",
            ),
            (r#"{"version":1,"questions":[]}"#, "malformed"),
        ] {
            match decode::<Progress>(Some(raw)) {
                Decoded::Unreadable { reason } => assert!(reason.contains(why), "{reason}"),
                other => panic!("{raw} gave {other:?}"),
            }
        }
        let mut s = Session::new("/quiz/core".into(), vec!["a".into()]);
        s.index = 5;
        assert!(matches!(
            decode_session(Some(&encode(&s))),
            Decoded::Unreadable { .. }
        ));
    }

    #[test]
    fn one_tap_picks_one_several_or_all() {
        let opts = ["a", "b", "c"];
        assert_eq!(
            tap_choice(&opts, &opts, &"b"),
            ["b"],
            "from all: just this one"
        );
        assert_eq!(
            tap_choice(&opts, &["b"], &"a"),
            ["a", "b"],
            "then several, in order"
        );
        assert_eq!(tap_choice(&opts, &["a", "b"], &"a"), ["b"]);
        assert_eq!(
            tap_choice(&opts, &["b"], &"b"),
            opts,
            "never nothing: back to all"
        );
        assert_eq!(
            tap_choice(&opts, &["a", "b"], &"c"),
            opts,
            "all three is all"
        );
        assert_eq!(tap_choice(&opts, &[], &"c"), ["c"]);
    }

    #[test]
    fn merge_is_a_deduplicated_union() {
        let mut a = Progress::default();
        a.record_grade("x", Grade::Good, 1.0, None);
        a.record_seen("x");
        let mut b = Progress::default();
        b.record_grade("x", Grade::Easy, 2.0, None);
        b.record_grade("y", Grade::Again, 3.0, None);
        b.record_seen("x");
        b.record_seen("x");
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab.questions["x"].seen, 2);
        assert_eq!(ab.questions["x"].grades.len(), 2);
        let again = ab.clone();
        ab.merge(&again);
        assert_eq!(ab, again, "idempotent");
        assert_eq!(ab.graded_count(), 2);
    }

    #[test]
    fn v1_progress_reads_as_v2_with_nothing_lost() {
        let v1 = r#"{"version":1,"questions":{"a":{"seen":3,"grades":[{"grade":2,"at":5.0},{"grade":4,"at":9.0}]},"b":{"seen":1}}}"#;
        let Decoded::Ok(p) = decode::<Progress>(Some(v1)) else {
            panic!("v1 must read")
        };
        assert_eq!(p.questions["a"].seen, 3);
        assert_eq!(
            p.questions["a"].grades,
            [
                GradeRecord {
                    grade: Grade::Hard,
                    at: 5.0,
                    ticks: None,
                    notes: None,
                },
                GradeRecord {
                    grade: Grade::Easy,
                    at: 9.0,
                    ticks: None,
                    notes: None,
                }
            ]
        );
        assert!(p.questions["a"].needs_card(0.9), "v1 has no schedule yet");
        assert!(encode(&p).starts_with(r#"{"version":2,"#));
        assert!(matches!(
            decode::<Progress>(Some(r#"{"version":3,"questions":{}}"#)),
            Decoded::Unreadable { .. }
        ));
        assert!(matches!(
            decode::<Settings>(Some(r#"{"version":2}"#)),
            Decoded::Unreadable { .. }
        ));
    }

    #[test]
    fn undo_removes_exactly_that_review() {
        let mut p = Progress::default();
        let t = Some(Ticks { said: 0b11, of: 3 });
        p.record_grade("a", Grade::Good, 1.0, None);
        p.record_grade("a", Grade::Hard, 2.0, t);
        assert!(p.remove_grade("a", 2.0));
        assert!(!p.remove_grade("a", 2.0), "already gone");
        assert!(!p.remove_grade("zz", 1.0));
        assert_eq!(p.questions["a"].grades.len(), 1);
        assert_eq!(
            Ticks {
                said: 0b1011,
                of: 3
            }
            .count(),
            2,
            "bits past `of` don't count"
        );
    }

    #[test]
    fn export_and_import_round_trip() {
        let mut p = Progress::default();
        p.record_seen("a");
        p.record_grade("a", Grade::Good, 1.0, Some(Ticks { said: 5, of: 3 }));
        p.record_grade("b", Grade::Again, 2.0, None);
        let file = export(&p, &[], 99.0);
        assert!(file.contains(r#""format": "pyprep-progress""#));
        assert_eq!(import(&file, 99.0), Ok(p.clone()));
        // A stored value (copied from the browser) imports too.
        assert_eq!(import(&encode(&p), 99.0), Ok(p.clone()));
        let preview = preview_import(&Progress::default(), &p, |id| id == "a");
        assert_eq!(
            preview,
            ImportPreview {
                questions: 2,
                new_reviews: 2,
                known_reviews: 0,
                unknown_questions: 1,
                dropped_reviews: 0,
                too_old: 0,
            }
        );
        let again = preview_import(&p, &p, |_| true);
        assert_eq!(
            (again.questions, again.new_reviews, again.known_reviews),
            (0, 0, 2)
        );
    }

    #[test]
    fn the_import_preview_counts_what_the_history_cap_keeps() {
        let history = |from: usize, n: usize| {
            let mut p = Progress::default();
            for i in from..from + n {
                p.record_grade("q", Grade::Good, i as f64, None);
            }
            p
        };
        // 10 here, 50 newer in the file: the file's 50 are kept, the 10 make way.
        let p = preview_import(&history(0, 10), &history(100, HISTORY_LIMIT), |_| true);
        assert_eq!((p.new_reviews, p.dropped_reviews, p.too_old), (50, 10, 0));
        // 50 here, 10 older in the file: nothing of it would be kept, and it says so.
        let p = preview_import(&history(100, HISTORY_LIMIT), &history(0, 10), |_| true);
        assert_eq!((p.new_reviews, p.dropped_reviews, p.too_old), (0, 0, 10));
        assert_eq!(p.questions, 0);
        // What the preview counts is what the merge does.
        let mut merged = history(0, 10);
        merged.merge(&history(5, HISTORY_LIMIT));
        let p = preview_import(&history(0, 10), &history(5, HISTORY_LIMIT), |_| true);
        let kept_new = merged.questions["q"]
            .grades
            .iter()
            .filter(|r| r.at >= 10.0)
            .count();
        assert_eq!(p.new_reviews, kept_new);
        assert_eq!(p.known_reviews, 5);
        assert_eq!(
            10 - p.dropped_reviews,
            merged.questions["q"]
                .grades
                .iter()
                .filter(|r| r.at < 10.0)
                .count()
        );
    }

    #[test]
    fn impossible_reviews_are_refused() {
        let file = |at: f64, ticks: &str| {
            format!(
                r#"{{"format":"pyprep-progress","version":2,"exported_at":1.8e12,"questions":{{"q":{{"seen":1,"grades":[{{"grade":3,"at":{at}{ticks}}}]}}}}}}"#
            )
        };
        let now = 1.9e12;
        assert!(import(&file(1.7e12, ""), now).is_ok());
        assert!(import(&file(1.7e12, r#","ticks":{"said":5,"of":3}"#), now).is_ok());
        // A file that claims to come from the future is held to now.
        let ahead = file(4.07e12, "").replace("1.8e12", "4.07e12");
        assert!(matches!(
            import(&ahead, now),
            Err(ImportError::Malformed(_))
        ));
        assert!(import(&ahead, 4.1e12).is_ok());
        for bad in [
            file(4.1e12, ""), // 2099, after the export
            file(1e20, ""),
            file(-1e15, ""),
            file(1.7e12, r#","ticks":{"said":4294967295,"of":200}"#),
        ] {
            assert!(
                matches!(import(&bad, now), Err(ImportError::Malformed(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn bad_imports_say_why() {
        let file = export(&Progress::default(), &[], 1.0);
        for (text, expected) in [
            ("", ImportError::Empty),
            ("\u{feff} \n", ImportError::Empty),
            (&file[..file.len() / 2], ImportError::Truncated),
            ("<html>", ImportError::NotJson),
            (r#"{"name":"package.json"}"#, ImportError::Foreign),
            ("[1,2]", ImportError::Foreign),
            (
                r#"{"format":"pyprep-progress","version":9,"questions":{}}"#,
                ImportError::Newer(9),
            ),
        ] {
            assert_eq!(import(text, 9.0), Err(expected), "{text}");
        }
        assert!(matches!(
            import(
                r#"{"format":"pyprep-progress","version":2,"questions":{"a":{"grades":[{"grade":7,"at":1}]}}}"#,
                9.0
            ),
            Err(ImportError::Malformed(_))
        ));
        assert!(matches!(
            import(&" ".repeat(IMPORT_LIMIT + 1), 0.0),
            Err(ImportError::TooLarge(_))
        ));
        for e in [
            ImportError::Truncated,
            ImportError::Foreign,
            ImportError::Newer(3),
        ] {
            assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn history_is_bounded() {
        let mut p = Progress::default();
        for i in 0..(HISTORY_LIMIT + 10) {
            p.record_grade("x", Grade::Hard, i as f64, None);
        }
        assert_eq!(p.questions["x"].grades.len(), HISTORY_LIMIT);
        assert_eq!(p.questions["x"].grades[0].at, 10.0);
        assert!(backup_key(PROGRESS_KEY, 12.0).ends_with(".12"));
    }
}
