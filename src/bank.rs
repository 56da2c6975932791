//! The question bank: serde types, a lenient parser and validation.
//!
//! `questions.json` is data a site owner may replace by hand, so loading never fails for one bad
//! question: every problem is reported with the offending id and field, and every valid question
//! is still usable. Only a file that is not a bank at all (not JSON, unknown schema version, no
//! categories) is a fatal [`BankError`].

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

/// The schema version this build understands.
pub const BANK_VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bank {
    pub version: u64,
    #[serde(default)]
    pub title: String,
    /// The prep must-dos shown on the home screen.
    #[serde(default)]
    pub prep: Vec<Tip>,
    pub categories: Vec<Category>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tip {
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Junior,
    Mid,
    Senior,
}

impl Difficulty {
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Junior => "Junior",
            Difficulty::Mid => "Mid-level",
            Difficulty::Senior => "Senior",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub category: String,
    pub prompt: String,
    pub difficulty: Difficulty,
    /// Markdown; rendered by [`crate::markdown`], never trusted as HTML. In a deployed folder
    /// this, `key_points`, `follow_ups` and `challenge` live in `answers.json` (see
    /// [`attach_answers`]):
    /// empty until attached.
    #[serde(default)]
    pub answer: String,
    #[serde(default)]
    pub key_points: Vec<String>,
    #[serde(default)]
    pub follow_ups: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<Challenge>,
}

/// Extra material carried by a live-coding challenge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Challenge {
    /// Markdown.
    pub approach: String,
    /// Python source of the reference solution.
    pub solution: String,
    pub time_complexity: String,
    pub space_complexity: String,
    #[serde(default)]
    pub edge_cases: Vec<String>,
    /// Python source: `def test_…():` functions (each with a one-line docstring as its label),
    /// run in the namespace of the solution (or the learner's code), in definition order.
    /// In a deployed folder this and the other runnable parts (`ChallengeCode`) live in
    /// `challenges.json` (see [`attach_code`]); inline ones still work.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tests: String,
    /// Python source the learner starts from: imports, signatures and docstrings, bodies that
    /// raise `NotImplementedError`. Empty: the editor starts empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub starter: String,
    /// Markdown hints, revealed one at a time, each giving away a little more.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_file: Option<SampleFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleFile {
    pub name: String,
    pub content: String,
}

/// A question's entry in `answers.json`: what only the answer needs, moved there from
/// `questions.json` by the build (`scripts/split-bank.mjs`, whose `ANSWER_FIELDS` are these), so
/// the first load carries prompts only. A question's own inline fields always win.
#[derive(Deserialize)]
struct AnswerPart {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    key_points: Vec<String>,
    #[serde(default)]
    follow_ups: Vec<String>,
    #[serde(default)]
    challenge: Option<Challenge>,
}

/// `answers.json`, whose entries are `Part`: typed when the whole file reads (the usual case:
/// no JSON tree built), JSON values to read one by one when some entry doesn't.
#[derive(Deserialize)]
struct AnswerFile<Part> {
    version: u64,
    answers: std::collections::HashMap<String, Part>,
}

impl Bank {
    /// Whether some question still waits for its answer (from `answers.json`).
    pub fn needs_answers(&self) -> bool {
        self.questions.iter().any(|q| q.answer.trim().is_empty())
    }
}

/// Fills each question that has no answer inline from `answers.json` (`None`: the file could
/// not be had), then reports the questions still without one and drops them, as [`parse`]
/// drops a question whose answer is blank. An entry that does not read is reported with its
/// id; what a question has inline wins (a site owner's hand edit). `Err` only when `text` is
/// not an answers file at all (nothing is changed then).
pub fn attach_answers(loaded: &mut Loaded, text: Option<&str>) -> Result<(), String> {
    type Parts = std::collections::HashMap<String, Result<AnswerPart, String>>;
    let mut parts: Parts = match text {
        Some(text) => {
            let (version, parts) = match serde_json::from_str::<AnswerFile<AnswerPart>>(text) {
                Ok(file) => (
                    file.version,
                    file.answers
                        .into_iter()
                        .map(|(id, p)| (id, Ok(p)))
                        .collect(),
                ),
                Err(_) => {
                    let file: AnswerFile<Value> =
                        serde_json::from_str(text).map_err(|e| e.to_string())?;
                    let parts = file
                        .answers
                        .into_iter()
                        .map(|(id, v)| (id, AnswerPart::deserialize(v).map_err(|e| e.to_string())));
                    (file.version, parts.collect())
                }
            };
            if version != BANK_VERSION {
                return Err(format!("unknown version {version}"));
            }
            parts
        }
        None => Parts::new(),
    };
    let mut kept = Vec::with_capacity(loaded.bank.questions.len());
    for mut q in std::mem::take(&mut loaded.bank.questions) {
        if q.answer.trim().is_empty() {
            match parts.remove(&q.id) {
                Some(Ok(part)) => {
                    q.answer = part.answer;
                    if q.key_points.is_empty() {
                        q.key_points = part.key_points;
                    }
                    if q.follow_ups.is_empty() {
                        q.follow_ups = part.follow_ups;
                    }
                    if q.challenge.is_none() {
                        q.challenge = part.challenge;
                    }
                }
                Some(Err(e)) => {
                    loaded.problems.push(Problem {
                        id: q.id,
                        field: "answers.json".into(),
                        message: e,
                    });
                    continue;
                }
                None => {}
            }
            if q.answer.trim().is_empty() {
                loaded.problems.push(Problem {
                    id: q.id,
                    field: "answer".into(),
                    message: "missing: neither questions.json nor answers.json has it".into(),
                });
                continue;
            }
        }
        kept.push(q);
    }
    loaded.bank.questions = kept;
    Ok(())
}

#[derive(Deserialize)]
struct CodeFile {
    version: u64,
    challenges: std::collections::HashMap<String, ChallengeCode>,
}

/// A challenge's entry in `challenges.json`: the parts only live coding needs, moved there by
/// the build (`scripts/split-bank.mjs`, whose `CODE_FIELDS` are these).
#[derive(Deserialize)]
struct ChallengeCode {
    #[serde(default)]
    starter: String,
    #[serde(default)]
    hints: Vec<String>,
    #[serde(default)]
    tests: String,
    #[serde(default)]
    sample_file: Option<SampleFile>,
}

impl Challenge {
    /// Whether its runnable parts are here (inline, or attached from `challenges.json`).
    pub fn has_code(&self) -> bool {
        !self.tests.trim().is_empty()
    }
}

impl Bank {
    /// Whether some challenge still waits for its code.
    pub fn needs_code(&self) -> bool {
        self.questions
            .iter()
            .any(|q| q.challenge.as_ref().is_some_and(|c| !c.has_code()))
    }
}

/// Fills each challenge's missing runnable parts from `challenges.json`
/// (`{"version": 1, "challenges": {"<question id>": {starter, hints, tests, sample_file}}}`).
/// What a question already has inline wins (a site owner's hand edit); ids the bank lacks are
/// ignored. Returns how many challenges gained code; an unreadable file changes nothing.
pub fn attach_code(bank: &mut Bank, text: &str) -> Result<usize, String> {
    let file: CodeFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if file.version != BANK_VERSION {
        return Err(format!("unknown version {}", file.version));
    }
    let mut attached = 0;
    for q in &mut bank.questions {
        let (Some(c), Some(code)) = (q.challenge.as_mut(), file.challenges.get(&q.id)) else {
            continue;
        };
        let before = c.has_code();
        if c.starter.is_empty() {
            c.starter.clone_from(&code.starter);
        }
        if c.hints.is_empty() {
            c.hints.clone_from(&code.hints);
        }
        if c.tests.trim().is_empty() {
            c.tests.clone_from(&code.tests);
        }
        if c.sample_file.is_none() {
            c.sample_file.clone_from(&code.sample_file);
        }
        attached += usize::from(!before && c.has_code());
    }
    Ok(attached)
}

/// A problem with one entry of the bank: shown on screen, the entry is skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The question id, or a position such as `questions[3]` when the id itself is unusable.
    pub id: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} · {}: {}", self.id, self.field, self.message)
    }
}

/// The bank cannot be used at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankError {
    NotJson(String),
    NotAnObject,
    UnknownVersion(String),
    NoCategories,
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BankError::NotJson(e) => write!(f, "the question bank is not valid JSON ({e})"),
            BankError::NotAnObject => write!(f, "the question bank is not a JSON object"),
            BankError::UnknownVersion(v) => write!(
                f,
                "the question bank has schema version {v}; this PyPrep understands version {BANK_VERSION}"
            ),
            BankError::NoCategories => {
                write!(f, "the question bank has no usable \"categories\" list")
            }
        }
    }
}

/// A parsed bank: only valid entries, plus what was wrong with the others.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub bank: Bank,
    pub problems: Vec<Problem>,
}

/// A slug or id: lowercase ASCII letters, digits and `-`, starting with a letter or digit.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && !s.starts_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn str_field<'a>(v: &'a Value, field: &str) -> Option<&'a str> {
    v.get(field).and_then(Value::as_str)
}

/// Parses and validates a bank. Never panics, whatever the input.
pub fn parse(text: &str) -> Result<Loaded, BankError> {
    let root: Value = serde_json::from_str(text).map_err(|e| BankError::NotJson(e.to_string()))?;
    let obj = root.as_object().ok_or(BankError::NotAnObject)?;
    match obj.get("version") {
        Some(v) if v.as_u64() == Some(BANK_VERSION) => {}
        Some(v) => return Err(BankError::UnknownVersion(v.to_string())),
        None => return Err(BankError::UnknownVersion("(missing)".into())),
    }
    let mut problems = Vec::new();

    let mut categories: Vec<Category> = Vec::new();
    let raw_categories = obj
        .get("categories")
        .and_then(Value::as_array)
        .ok_or(BankError::NoCategories)?;
    for (i, raw) in raw_categories.iter().enumerate() {
        let at = str_field(raw, "slug")
            .map(str::to_owned)
            .unwrap_or_else(|| format!("categories[{i}]"));
        match Category::deserialize(raw) {
            Err(e) => problems.push(Problem {
                id: at,
                field: "category".into(),
                message: e.to_string(),
            }),
            Ok(c) if !is_valid_slug(&c.slug) => problems.push(Problem {
                id: at,
                field: "slug".into(),
                message: "must be lowercase letters, digits and '-'".into(),
            }),
            Ok(c) if categories.iter().any(|k| k.slug == c.slug) => problems.push(Problem {
                id: at,
                field: "slug".into(),
                message: "duplicate category slug; the first one is kept".into(),
            }),
            Ok(c) if c.title.trim().is_empty() => problems.push(Problem {
                id: at,
                field: "title".into(),
                message: "is empty".into(),
            }),
            Ok(c) => categories.push(c),
        }
    }
    if categories.is_empty() {
        return Err(BankError::NoCategories);
    }

    let prep = obj
        .get("prep")
        .and_then(|p| Vec::<Tip>::deserialize(p).ok())
        .unwrap_or_default();
    let title = obj
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();

    let mut questions: Vec<Question> = Vec::new();
    let mut seen_ids = HashSet::new();
    let raw_questions = match obj.get("questions") {
        Some(Value::Array(a)) => a.as_slice(),
        _ => {
            problems.push(Problem {
                id: "questions".into(),
                field: "questions".into(),
                message: "missing or not a list".into(),
            });
            &[]
        }
    };
    for (i, raw) in raw_questions.iter().enumerate() {
        let id = match str_field(raw, "id") {
            Some(id) if is_valid_slug(id) => id.to_owned(),
            Some(_) => {
                problems.push(Problem {
                    id: format!("questions[{i}]"),
                    field: "id".into(),
                    message: "must be lowercase letters, digits and '-'".into(),
                });
                continue;
            }
            None => {
                problems.push(Problem {
                    id: format!("questions[{i}]"),
                    field: "id".into(),
                    message: "missing".into(),
                });
                continue;
            }
        };
        let problem = |field: &str, message: &str| Problem {
            id: id.clone(),
            field: field.into(),
            message: message.into(),
        };
        if !seen_ids.insert(id.clone()) {
            problems.push(problem("id", "duplicate id; the first one is kept"));
            continue;
        }
        // An absent answer comes from answers.json (attach_answers); a blank one is an error.
        let missing = ["category", "prompt", "answer"]
            .into_iter()
            .filter(|&f| f != "answer" || raw.get(f).is_some())
            .find(|f| str_field(raw, f).is_none_or(|s| s.trim().is_empty()));
        if let Some(field) = missing {
            problems.push(problem(field, "missing, empty or not text"));
            continue;
        }
        let q = match Question::deserialize(raw) {
            Ok(q) => q,
            Err(e) => {
                problems.push(problem(field_at_fault(raw), &e.to_string()));
                continue;
            }
        };
        if !categories.iter().any(|c| c.slug == q.category) {
            problems.push(problem(
                "category",
                &format!("unknown category \"{}\"", q.category),
            ));
            continue;
        }
        questions.push(q);
    }
    Ok(Loaded {
        bank: Bank {
            version: BANK_VERSION,
            title,
            prep,
            categories,
            questions,
        },
        problems,
    })
}

/// Which field of a question that does not deserialize is to blame, for the problem list: the
/// first that is missing though required, or does not deserialize on its own.
fn field_at_fault(raw: &Value) -> &'static str {
    fn bad<T: serde::de::DeserializeOwned>(v: Option<&Value>) -> bool {
        v.is_some_and(|v| T::deserialize(v).is_err())
    }
    let field = |name| raw.get(name);
    if field("difficulty").is_none() || bad::<Difficulty>(field("difficulty")) {
        return "difficulty";
    }
    let lists = ["key_points", "follow_ups", "tags"];
    if let Some(list) = lists.into_iter().find(|&l| bad::<Vec<String>>(field(l))) {
        return list;
    }
    if bad::<Challenge>(field("challenge")) {
        return "challenge";
    }
    "question"
}

impl Bank {
    pub fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Questions of the given categories, in bank order.
    pub fn questions_in<'a>(&'a self, slugs: &'a [String]) -> impl Iterator<Item = &'a Question> {
        self.questions
            .iter()
            .filter(move |q| slugs.contains(&q.category))
    }

    pub fn count_in(&self, slug: &str) -> usize {
        self.questions.iter().filter(|q| q.category == slug).count()
    }

    /// Every category slug in bank order.
    pub fn slugs(&self) -> Vec<String> {
        self.categories.iter().map(|c| c.slug.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn question(id: &str, cat: &str) -> Value {
        json!({"id": id, "category": cat, "prompt": "Why?", "difficulty": "mid",
               "answer": "Because.", "key_points": ["a", "b", "c"]})
    }

    fn bank(questions: Vec<Value>) -> String {
        json!({"version": 1, "categories": [{"slug": "core", "title": "Core"}],
               "questions": questions})
        .to_string()
    }

    #[test]
    fn valid_bank_loads_without_problems() {
        let loaded = parse(&bank(vec![question("a", "core"), question("b", "core")])).unwrap();
        assert_eq!(loaded.bank.questions.len(), 2);
        assert!(loaded.problems.is_empty());
        assert_eq!(loaded.bank.count_in("core"), 2);
    }

    #[test]
    fn bad_questions_are_reported_and_good_ones_kept() {
        let mut no_answer = question("c", "core");
        no_answer["answer"] = json!("  ");
        let mut bad_difficulty = question("d", "core");
        bad_difficulty["difficulty"] = json!("wizard");
        let mut bad_challenge = question("e", "core");
        bad_challenge["challenge"] = json!({"approach": "A", "time_complexity": "O(n)"});
        let mut prompt_not_text = question("f", "core");
        prompt_not_text["prompt"] = json!(42);
        let loaded = parse(&bank(vec![
            question("a", "core"),
            question("a", "core"),
            question("b", "nope"),
            no_answer,
            bad_difficulty,
            bad_challenge,
            prompt_not_text,
            json!({"prompt": "no id"}),
            json!("not an object"),
            question("Bad Id", "core"),
        ]))
        .unwrap();
        assert_eq!(
            loaded
                .bank
                .questions
                .iter()
                .map(|q| q.id.as_str())
                .collect::<Vec<_>>(),
            ["a"]
        );
        let fields: Vec<(&str, &str)> = loaded
            .problems
            .iter()
            .map(|p| (p.id.as_str(), p.field.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("a", "id"),
                ("b", "category"),
                ("c", "answer"),
                ("d", "difficulty"),
                ("e", "challenge"),
                ("f", "prompt"),
                ("questions[7]", "id"),
                ("questions[8]", "id"),
                ("questions[9]", "id"),
            ]
        );
        assert!(loaded.problems[1].message.contains("nope"));
        assert!(
            loaded.problems[4].message.contains("solution"),
            "{}",
            loaded.problems[4]
        );
    }

    #[test]
    fn fatal_errors() {
        assert!(matches!(parse("nope"), Err(BankError::NotJson(_))));
        assert_eq!(parse("[]"), Err(BankError::NotAnObject));
        assert!(matches!(
            parse(r#"{"version": 2, "categories": []}"#),
            Err(BankError::UnknownVersion(v)) if v == "2"
        ));
        assert_eq!(
            parse(r#"{"version": 1, "categories": []}"#),
            Err(BankError::NoCategories)
        );
    }

    #[test]
    fn slugs() {
        assert!(is_valid_slug("core"));
        assert!(is_valid_slug("core-key-features-2"));
        assert!(!is_valid_slug(""));
        assert!(!is_valid_slug("-x"));
        assert!(!is_valid_slug("Core"));
        assert!(!is_valid_slug("a b"));
    }

    #[test]
    fn answers_are_attached_where_missing_and_unanswered_questions_dropped() {
        let bare = |id: &str| {
            let mut q = question(id, "core");
            q.as_object_mut().unwrap().remove("answer");
            q.as_object_mut().unwrap().remove("key_points");
            q
        };
        let mut own = question("own", "core");
        own["answer"] = json!("Mine.");
        let (a, b, c, d) = (bare("a"), bare("b"), bare("c"), bare("d"));
        let text = bank(vec![a, b, c, d, own]);
        let mut loaded = parse(&text).unwrap();
        assert!(
            loaded.problems.is_empty(),
            "an absent answer is not a problem yet"
        );
        assert!(loaded.bank.needs_answers());
        let answers = r#"{"version":1,"answers":{
            "a":{"answer":"A.","key_points":["k1","k2"],"follow_ups":["f"],
                 "challenge":{"approach":"x","solution":"y","time_complexity":"O(1)","space_complexity":"O(1)"}},
            "b":{"answer":42},
            "c":{"answer":" "},
            "own":{"answer":"Theirs.","key_points":["z"]},
            "gone":{"answer":"x"}}}"#;
        for bad in ["", "{", "[]", r#"{"version":2,"answers":{}}"#] {
            let mut copy = loaded.clone();
            assert!(attach_answers(&mut copy, Some(bad)).is_err(), "{bad}");
            assert_eq!(copy, loaded, "an unreadable file changes nothing");
        }
        attach_answers(&mut loaded, Some(answers)).unwrap();
        let ids: Vec<_> = loaded
            .bank
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "own"]);
        let a = loaded.bank.question("a").unwrap();
        assert_eq!((a.answer.as_str(), a.key_points.len()), ("A.", 2));
        assert_eq!(a.follow_ups, ["f"]);
        assert!(a.challenge.is_some());
        let own = loaded.bank.question("own").unwrap();
        assert_eq!(own.answer, "Mine.", "inline wins");
        assert_eq!(own.key_points, ["a", "b", "c"]);
        let problems: Vec<_> = loaded
            .problems
            .iter()
            .map(|p| (p.id.as_str(), p.field.as_str()))
            .collect();
        assert_eq!(
            problems,
            [("b", "answers.json"), ("c", "answer"), ("d", "answer")]
        );
        assert!(!loaded.bank.needs_answers());

        // No answers file at all (a 404): questions without an inline answer are reported.
        let mut loaded = parse(&text).unwrap();
        attach_answers(&mut loaded, None).unwrap();
        assert_eq!(loaded.bank.questions.len(), 1);
        assert_eq!(loaded.problems.len(), 4);
    }

    #[test]
    fn challenge_code_is_attached_where_missing() {
        let text = r#"{"version":1,"categories":[{"slug":"coding","title":"C","description":""}],
          "questions":[
            {"id":"a","category":"coding","prompt":"p","difficulty":"mid","answer":"x",
             "challenge":{"approach":"","solution":"","time_complexity":"","space_complexity":""}},
            {"id":"b","category":"coding","prompt":"p","difficulty":"mid","answer":"x",
             "challenge":{"approach":"","solution":"","time_complexity":"","space_complexity":"",
                          "tests":"def test_own(): pass"}}]}"#;
        let mut bank = parse(text).unwrap().bank;
        assert!(bank.needs_code());
        let code = r#"{"version":1,"challenges":{
            "a":{"starter":"def f(): ...","hints":["h1","h2"],"tests":"def test_a(): pass",
                 "sample_file":{"name":"log.txt","content":"x"}},
            "b":{"tests":"def test_other(): pass"},
            "gone":{"tests":"x"}}}"#;
        assert_eq!(attach_code(&mut bank, code), Ok(1));
        let a = bank.question("a").unwrap().challenge.as_ref().unwrap();
        assert_eq!(a.starter, "def f(): ...");
        assert_eq!(a.hints.len(), 2);
        assert_eq!(a.sample_file.as_ref().unwrap().name, "log.txt");
        let b = bank.question("b").unwrap().challenge.as_ref().unwrap();
        assert_eq!(b.tests, "def test_own(): pass", "inline code wins");
        assert!(!bank.needs_code());
        for bad in ["", "{", "[]", r#"{"version":2,"challenges":{}}"#] {
            let mut copy = bank.clone();
            assert!(attach_code(&mut copy, bad).is_err(), "{bad}");
            assert_eq!(copy, bank, "an unreadable file changes nothing");
        }
    }
}
