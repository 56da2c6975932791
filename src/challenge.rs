//! Live coding: which questions are challenges, the learner's drafts, and what a run of their
//! code reports (the Python worker's `result` message, see `python-worker.js`).

use crate::bank::{Bank, Question};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The questions that ask the candidate to write code, in bank order.
pub fn challenges(bank: &Bank) -> impl Iterator<Item = &Question> {
    bank.questions.iter().filter(|q| q.challenge.is_some())
}

/// How long the learner's code and its tests may run before the worker is stopped.
pub const TIME_LIMIT_MS: u32 = 10_000;

/// The most a draft may hold (a challenge's answer is a page of code, not a novel).
pub const DRAFT_LIMIT: usize = 100_000;

/// The learner's code per challenge, kept in storage.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Drafts {
    #[serde(default)]
    pub drafts: HashMap<String, Draft>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub code: String,
    /// Saved at (ms since the epoch).
    pub at: f64,
    /// Hints revealed so far.
    #[serde(default)]
    pub hints: usize,
}

impl Drafts {
    /// Keeps `code` for `id` (cut to [`DRAFT_LIMIT`] on a character boundary).
    pub fn keep(&mut self, id: &str, code: &str, at: f64) {
        let mut end = code.len().min(DRAFT_LIMIT);
        while !code.is_char_boundary(end) {
            end -= 1;
        }
        let hints = self.drafts.get(id).map_or(0, |d| d.hints);
        self.drafts.insert(
            id.to_owned(),
            Draft {
                code: code[..end].to_owned(),
                at,
                hints,
            },
        );
    }

    /// Records that `shown` hints are on view for `id` (never fewer than before).
    pub fn show_hints(&mut self, id: &str, shown: usize, starter: &str, at: f64) {
        let draft = self.drafts.entry(id.to_owned()).or_insert_with(|| Draft {
            code: starter.to_owned(),
            at,
            hints: 0,
        });
        draft.hints = draft.hints.max(shown);
    }

    pub fn code<'a>(&'a self, id: &str, starter: &'a str) -> &'a str {
        self.drafts.get(id).map_or(starter, |d| d.code.as_str())
    }

    pub fn hints(&self, id: &str) -> usize {
        self.drafts.get(id).map_or(0, |d| d.hints)
    }
}

/// One test of a run.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TestResult {
    pub name: String,
    #[serde(default)]
    pub label: String,
    pub passed: bool,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub traceback: String,
    /// The line of the learner's code where it failed.
    #[serde(default)]
    pub line: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorKind {
    Syntax,
    Error,
}

/// The learner's code failed before any test ran.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RunError {
    pub kind: ErrorKind,
    pub summary: String,
    #[serde(default)]
    pub traceback: String,
    #[serde(default)]
    pub line: Option<u32>,
}

/// What one Run reports.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RunResult {
    #[serde(default)]
    pub stdout: String,
    #[serde(default)]
    pub stderr: String,
    #[serde(default)]
    pub error: Option<RunError>,
    #[serde(default)]
    pub tests: Vec<TestResult>,
    /// How long the run took inside the worker.
    #[serde(default)]
    pub ms: f64,
}

impl RunResult {
    pub fn passed(&self) -> usize {
        self.tests.iter().filter(|t| t.passed).count()
    }

    pub fn all_passed(&self) -> bool {
        self.error.is_none() && !self.tests.is_empty() && self.passed() == self.tests.len()
    }

    /// The one line that sums the run up (announced to screen readers).
    pub fn headline(&self) -> String {
        match &self.error {
            Some(e) => {
                let at = e.line.map(|l| format!(" on line {l}")).unwrap_or_default();
                let what = match e.kind {
                    ErrorKind::Syntax => "Your code doesn't compile",
                    ErrorKind::Error => "Your code stopped with an error",
                };
                format!("{what}{at}: {}. No test ran.", e.summary)
            }
            None if self.tests.is_empty() => "The code ran, but there were no tests.".to_owned(),
            None if self.all_passed() => match self.tests.len() {
                1 => "The test passed.".to_owned(),
                n => format!("All {n} tests passed."),
            },
            None => format!("{} of {} tests passed.", self.passed(), self.tests.len()),
        }
    }
}

/// A test's name made readable when it has no docstring: `test_empty_input` → "empty input".
pub fn test_label(t: &TestResult) -> String {
    if !t.label.trim().is_empty() {
        return t.label.trim().to_owned();
    }
    t.name
        .strip_prefix("test_")
        .unwrap_or(&t.name)
        .replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_parses_and_sums_up() {
        let r: RunResult = serde_json::from_str(
            r#"{"id":1,"ms":12,"stdout":"hi\n","stderr":"","error":null,"tests":[
            {"name":"test_a","label":"A works.","passed":true,"message":"","traceback":"","line":null},
            {"name":"test_b_case","label":"","passed":false,"message":"AssertionError: no","traceback":"...","line":3}]}"#,
        )
        .unwrap();
        assert_eq!(r.headline(), "1 of 2 tests passed.");
        assert!(!r.all_passed());
        assert_eq!(test_label(&r.tests[0]), "A works.");
        assert_eq!(test_label(&r.tests[1]), "b case");
        let e: RunResult = serde_json::from_str(
            r#"{"error":{"kind":"syntax","summary":"SyntaxError: invalid syntax","line":4}}"#,
        )
        .unwrap();
        assert_eq!(
            e.headline(),
            "Your code doesn't compile on line 4: SyntaxError: invalid syntax. No test ran."
        );
    }

    #[test]
    fn drafts_keep_code_and_hints() {
        let mut d = Drafts::default();
        assert_eq!(d.code("x", "starter"), "starter");
        d.show_hints("x", 1, "starter", 1.0);
        assert_eq!(
            d.code("x", "other"),
            "starter",
            "the starter is kept with the hint"
        );
        d.keep("x", "def f(): ...", 2.0);
        assert_eq!(d.hints("x"), 1, "hints survive an edit");
        d.show_hints("x", 0, "", 3.0);
        assert_eq!(d.hints("x"), 1, "never fewer");
        let long = "é".repeat(DRAFT_LIMIT);
        d.keep("y", &long, 0.0);
        assert!(d.code("y", "").len() <= DRAFT_LIMIT);
    }

    #[test]
    fn the_shipped_bank_has_its_challenges() {
        let bank = crate::bank::parse(include_str!("../questions.json"))
            .unwrap()
            .bank;
        assert!(challenges(&bank).count() >= 5);
    }
}
