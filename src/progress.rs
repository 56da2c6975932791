//! The stored progress schema: versioned records, decoding that never loses data, and merge.
//!
//! Every stored value is a JSON envelope `{"version": N, ...}`. Decoding distinguishes empty,
//! readable, and unreadable (not JSON, unknown version, wrong shape): the caller keeps an
//! unreadable raw value under a backup key and starts clean, telling the user.

use crate::link::DEFAULT_COUNT;
use crate::quiz::{Grade, Session};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const PROGRESS_KEY: &str = "pyprep.v1.progress";
pub const SESSION_KEY: &str = "pyprep.v1.session";
/// The unfinished quiz of an embedded widget (`?embed=1`).
pub const EMBED_SESSION_KEY: &str = "pyprep.v1.embed-session";
pub const SETTINGS_KEY: &str = "pyprep.v1.settings";
pub const SCHEMA_VERSION: u32 = 1;

/// Where an unreadable value of `key` is kept, so nothing is silently discarded.
pub fn backup_key(key: &str, at_ms: f64) -> String {
    format!("pyprep.backup.{key}.{}", at_ms.max(0.0) as u64)
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GradeRecord {
    pub grade: Grade,
    /// Milliseconds since the Unix epoch.
    pub at: f64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct QuestionProgress {
    /// How many times the answer was revealed.
    #[serde(default)]
    pub seen: u32,
    #[serde(default)]
    pub grades: Vec<GradeRecord>,
}

impl QuestionProgress {
    pub fn last_grade(&self) -> Option<Grade> {
        self.grades.last().map(|r| r.grade)
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

    pub fn record_grade(&mut self, id: &str, grade: Grade, at: f64) {
        let q = self.questions.entry(id.to_owned()).or_default();
        q.grades.push(GradeRecord { grade, at });
        if q.grades.len() > HISTORY_LIMIT {
            q.grades.drain(..q.grades.len() - HISTORY_LIMIT);
        }
    }

    /// How many distinct questions have at least one grade.
    pub fn graded_count(&self) -> usize {
        self.questions
            .values()
            .filter(|q| !q.grades.is_empty())
            .count()
    }

    /// Union of two histories (e.g. an imported file): grade records are merged by time and
    /// deduplicated, `seen` takes the larger count. Merging is idempotent and commutative.
    pub fn merge(&mut self, other: &Progress) {
        for (id, theirs) in &other.questions {
            let mine = self.questions.entry(id.clone()).or_default();
            mine.seen = mine.seen.max(theirs.seen);
            mine.grades.extend(theirs.grades.iter().copied());
            mine.grades.sort_by(|a, b| {
                a.at.total_cmp(&b.at)
                    .then(a.grade.number().cmp(&b.grade.number()))
            });
            mine.grades.dedup();
            if mine.grades.len() > HISTORY_LIMIT {
                mine.grades.drain(..mine.grades.len() - HISTORY_LIMIT);
            }
        }
    }
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
}

fn default_count() -> CountChoice {
    CountChoice::Ten
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            categories: Vec::new(),
            count: default_count(),
        }
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    version: u32,
    #[serde(flatten)]
    data: &'a T,
}

/// Serialises `data` inside a versioned envelope.
pub fn encode<T: Serialize>(data: &T) -> String {
    serde_json::to_string(&EnvelopeOut {
        version: SCHEMA_VERSION,
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

/// Decodes a stored envelope. Never panics.
pub fn decode<T: DeserializeOwned>(raw: Option<&str>) -> Decoded<T> {
    let Some(raw) = raw else {
        return Decoded::Empty;
    };
    let value: serde_json::Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(_) => {
            return Decoded::Unreadable {
                reason: "it is not valid JSON".into(),
            }
        }
    };
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
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
    match serde_json::from_value::<T>(value) {
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
        p.record_grade("a", Grade::Good, 1000.0);
        let raw = encode(&p);
        assert!(raw.starts_with(r#"{"version":1,"#), "{raw}");
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
    fn merge_is_a_deduplicated_union() {
        let mut a = Progress::default();
        a.record_grade("x", Grade::Good, 1.0);
        a.record_seen("x");
        let mut b = Progress::default();
        b.record_grade("x", Grade::Easy, 2.0);
        b.record_grade("y", Grade::Again, 3.0);
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
    fn history_is_bounded() {
        let mut p = Progress::default();
        for i in 0..(HISTORY_LIMIT + 10) {
            p.record_grade("x", Grade::Hard, i as f64);
        }
        assert_eq!(p.questions["x"].grades.len(), HISTORY_LIMIT);
        assert_eq!(p.questions["x"].grades[0].at, 10.0);
        assert!(backup_key(PROGRESS_KEY, 12.0).ends_with(".12"));
    }
}
