//! The shipped question bank, checked with the app's own bank types (issue: the question bank).
//! Its Python examples are executed separately by `tests/python/run_examples.py`.

use pyprep::bank::{self, Bank};
use pyprep::markdown::lint;
use std::collections::HashSet;

/// The 49 questions of the seed article, sections 1–10, in order. Sections 3 and 10 are
/// fragments in the article; these are their question forms (same subject).
const SEED_PROMPTS: [&str; 49] = [
    "What are Python’s key features?",
    "Explain the difference between Python 2 and Python 3.",
    "How is Python an interpreted language?",
    "What are Python’s built-in data types?",
    "How do you manage memory in Python?",
    "What is the difference between mutable and immutable data types?",
    "Explain list comprehension with an example.",
    "What are classes and objects in Python?",
    "Explain the concepts of inheritance, polymorphism, encapsulation, and abstraction.",
    "How do you implement method overloading and method overriding in Python?",
    "What is the difference between @staticmethod, @classmethod, and an instance method?",
    "How do you achieve multiple inheritance in Python?",
    "How do you implement sorting algorithms (Bubble Sort, Quick Sort, Merge Sort, etc.) in Python?",
    "How do searching algorithms (Binary Search, Linear Search) work, and how do you implement them in Python?",
    "How do you choose and use data structures like lists, tuples, sets, and dictionaries?",
    "How do you implement stacks, queues, linked lists, trees, and graphs in Python?",
    "How do you analyse time and space complexity using Big-O notation?",
    "How do you solve coding problems like finding duplicates in a list or reversing a linked list?",
    "What are some common Python libraries used for data analysis?",
    "How does NumPy differ from Pandas?",
    "How do you use Flask or Django for web development?",
    "Explain the purpose of TensorFlow and PyTorch in machine learning.",
    "How does BeautifulSoup or Scrapy work for web scraping?",
    "How do you open, read, and write files in Python?",
    "What is the difference between ‘r’, ‘w’, ‘a’, and ‘r+’ modes?",
    "How do you handle exceptions in Python using try-except blocks?",
    "Explain the use of finally and else clauses in exception handling.",
    "What are custom exceptions, and how do you create them?",
    "What is the difference between threading and multiprocessing?",
    "How does Python’s Global Interpreter Lock (GIL) affect multithreading?",
    "What is the asyncio module used for?",
    "How do you use locks in multithreading?",
    "How do you connect Python to a database?",
    "What is the difference between SQL and NoSQL databases?",
    "How does Django’s ORM work?",
    "What are transactions in databases, and how do you handle them in Python?",
    "How would you design a URL shortener like Bit.ly?",
    "How do you handle a million requests per second in a Python application?",
    "What are microservices, and how do you implement them in Python?",
    "How do you use caching mechanisms in Python?",
    "What are different types of testing in Python?",
    "How do you write unit tests in Python?",
    "What is the difference between unittest and pytest?",
    "How do you debug a Python program effectively?",
    "How do you reverse a string without using built-in functions?",
    "How do you find the longest substring without repeating characters?",
    "How do you implement an LRU (Least Recently Used) cache?",
    "How do you parse a log file and extract useful insights?",
    "How do you solve problems from platforms like LeetCode or HackerRank?",
];

const SLUGS: [(&str, usize); 10] = [
    ("core", 7),
    ("oop", 5),
    ("dsa", 6),
    ("libraries", 5),
    ("files", 5),
    ("concurrency", 4),
    ("databases", 4),
    ("design", 4),
    ("testing", 4),
    ("coding", 5),
];

fn shipped() -> Bank {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/questions.json"))
        .expect("questions.json is readable");
    let loaded = bank::parse(&text).expect("questions.json is a bank");
    assert!(
        loaded.problems.is_empty(),
        "problems: {:#?}",
        loaded.problems
    );
    loaded.bank
}

/// Words of prose: the Markdown without its fenced code blocks.
fn prose_words(markdown: &str) -> usize {
    let mut in_fence = false;
    markdown
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            if t.starts_with("```") || t.starts_with("~~~") {
                in_fence = !in_fence;
                return false;
            }
            !in_fence
        })
        .flat_map(str::split_whitespace)
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[test]
fn categories_and_counts_match_the_seed() {
    let bank = shipped();
    let slugs: Vec<(&str, usize)> = bank
        .categories
        .iter()
        .map(|c| (c.slug.as_str(), bank.count_in(&c.slug)))
        .collect();
    assert_eq!(slugs, SLUGS);
    assert_eq!(bank.questions.len(), 49);
    for c in &bank.categories {
        assert!(
            !c.title.trim().is_empty() && !c.description.trim().is_empty(),
            "{}",
            c.slug
        );
    }
    assert_eq!(bank.prep.len(), 5, "the article's five prep must-dos");
}

#[test]
fn every_seed_prompt_is_present_once() {
    let bank = shipped();
    let prompts: Vec<&str> = bank.questions.iter().map(|q| q.prompt.as_str()).collect();
    assert_eq!(prompts, SEED_PROMPTS);
}

#[test]
fn ids_are_unique_stable_slugs() {
    let bank = shipped();
    let mut seen = HashSet::new();
    for q in &bank.questions {
        assert!(bank::is_valid_slug(&q.id), "{}", q.id);
        assert!(
            q.id.starts_with(&format!("{}-", q.category)),
            "{} is named after its category",
            q.id
        );
        assert!(seen.insert(&q.id), "duplicate id {}", q.id);
    }
}

#[test]
fn every_answer_is_complete() {
    let bank = shipped();
    for q in &bank.questions {
        let id = &q.id;
        assert!(
            (3..=6).contains(&q.key_points.len()),
            "{id}: {} key points",
            q.key_points.len()
        );
        for text in q.key_points.iter().chain(&q.follow_ups).chain(&q.tags) {
            assert!(!text.trim().is_empty(), "{id}: empty entry");
        }
        assert!(
            q.key_points.iter().all(|k| k.chars().count() <= 120),
            "{id}: long key point"
        );
        assert!(!q.tags.is_empty(), "{id}: no tags");
        let words = prose_words(&q.answer);
        assert!((120..=350).contains(&words), "{id}: {words} words of prose");
    }
}

#[test]
fn markdown_is_clean() {
    let bank = shipped();
    for q in &bank.questions {
        let mut texts = vec![("answer", q.answer.as_str())];
        if let Some(c) = &q.challenge {
            texts.push(("challenge.approach", c.approach.as_str()));
        }
        for (field, text) in texts {
            let problems = lint(text);
            assert!(problems.is_empty(), "{} {field}: {problems:?}", q.id);
        }
    }
}

/// The `dsa` questions that ask for code, and so carry a live-coding challenge like every
/// `coding` question.
const DSA_CHALLENGES: [&str; 4] = [
    "dsa-sorting-algorithms",
    "dsa-searching-algorithms",
    "dsa-implementing-data-structures",
    "dsa-duplicates-reverse-linked-list",
];

fn has_challenge(q: &bank::Question) -> bool {
    q.category == "coding" || DSA_CHALLENGES.contains(&q.id.as_str())
}

#[test]
fn live_coding_challenges_are_complete() {
    let bank = shipped();
    for q in &bank.questions {
        match (&q.challenge, has_challenge(q)) {
            (Some(c), true) => {
                for (name, text) in [
                    ("approach", &c.approach),
                    ("solution", &c.solution),
                    ("time", &c.time_complexity),
                    ("space", &c.space_complexity),
                    ("tests", &c.tests),
                ] {
                    assert!(!text.trim().is_empty(), "{}: empty {name}", q.id);
                }
                assert!(
                    c.time_complexity.starts_with("O(") && c.space_complexity.starts_with("O(")
                );
                assert!(!c.edge_cases.is_empty(), "{}: no edge cases", q.id);
                assert!(c.tests.contains("assert"), "{}: tests assert nothing", q.id);
                assert_eq!(
                    c.sample_file.is_some(),
                    q.id == "coding-parse-log-file",
                    "{}: only the log challenge ships a sample file",
                    q.id
                );
            }
            (None, true) => panic!("{} has no challenge", q.id),
            (Some(_), false) => panic!("{} is not a live-coding question", q.id),
            (None, false) => {}
        }
    }
}

/// The `def test_…():` functions of a challenge's tests, at the top level, each with whether
/// its next line is a one-line docstring (its label in the challenge view).
fn test_functions(tests: &str) -> Vec<(&str, bool)> {
    let lines: Vec<&str> = tests.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            let name = line.strip_prefix("def ")?.split('(').next()?;
            name.starts_with("test_").then(|| {
                let doc = lines.get(i + 1).map_or("", |l| l.trim());
                let one_line = doc.len() > 6
                    && doc.starts_with("\"\"\"")
                    && doc.ends_with("\"\"\"")
                    && doc.chars().any(char::is_alphanumeric);
                (name, one_line)
            })
        })
        .collect()
}

#[test]
fn challenges_have_a_starter_hints_and_test_functions() {
    let bank = shipped();
    let mut seen = 0;
    for q in bank.questions.iter().filter(|q| has_challenge(q)) {
        let id = &q.id;
        let c = q.challenge.as_ref().expect("checked above");
        seen += 1;
        assert!(!c.starter.trim().is_empty(), "{id}: empty starter");
        assert!(
            c.starter.contains("raise NotImplementedError"),
            "{id}: the starter leaves nothing to implement"
        );
        assert!(
            (2..=4).contains(&c.hints.len()),
            "{id}: {} hints, expected 2 to 4",
            c.hints.len()
        );
        for hint in &c.hints {
            assert!(!hint.trim().is_empty(), "{id}: empty hint");
            assert!(
                !hint.contains("```"),
                "{id}: a hint holds a code block: {hint}"
            );
            let problems = lint(hint);
            assert!(problems.is_empty(), "{id} hint: {problems:?}");
        }
        let tests = test_functions(&c.tests);
        assert!(
            (3..=8).contains(&tests.len()),
            "{id}: {} test functions, expected 3 to 8",
            tests.len()
        );
        for (name, documented) in &tests {
            assert!(
                documented,
                "{id}: {name} has no one-line docstring on its next line"
            );
        }
        assert!(
            !c.tests.lines().any(|l| l.starts_with("assert")),
            "{id}: an assert outside a test function"
        );
    }
    assert_eq!(seen, 5 + DSA_CHALLENGES.len());
}

#[test]
fn test_functions_are_found_with_their_docstrings() {
    let tests = "import random\n\ndef helper():\n    pass\n\n\ndef test_a():\n    \"\"\"Label.\"\"\"\n    assert 1\n\n\ndef test_b(): \n    assert 2\n\n    def test_nested():\n        pass\n";
    assert_eq!(test_functions(tests), [("test_a", true), ("test_b", false)]);
}

#[test]
fn prose_word_count_ignores_code() {
    assert_eq!(prose_words("one two\n\n```python\nx = 1\n```\nthree -"), 3);
}

/// Words too common to show that a key point is about something the answer says.
const STOPWORDS: &[&str] = &[
    "about", "after", "all", "also", "and", "any", "are", "but", "can", "does", "each", "for",
    "from", "get", "has", "have", "how", "into", "its", "just", "may", "more", "most", "not",
    "one", "only", "other", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "use", "using", "via", "was", "what", "when", "which", "while", "who", "why",
    "will", "with", "without", "you", "your",
];

/// A word's rough stem, so "mutable" meets "mutability"... only when the endings are plain
/// inflections: "raises" / "raised" / "raising" → "rais".
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.chars().count() >= 3 {
                return stem;
            }
        }
    }
    word
}

/// The stems of a text's significant words: runs of letters, digits and `_`, lower-cased, of
/// three or more characters, not a stop word.
fn significant_stems(text: &str) -> HashSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(&w).to_string())
        .collect()
}

/// The key point's significant words that its answer never uses; all of them when it shares
/// none (a self-grader could not find what it asks for).
fn foreign_key_point(key_point: &str, answer: &str) -> Option<Vec<String>> {
    let said = significant_stems(answer);
    let mut asked: Vec<String> = significant_stems(key_point).into_iter().collect();
    asked.sort();
    (!asked.iter().any(|w| said.contains(w))).then_some(asked)
}

#[test]
fn every_key_point_is_found_in_its_answer() {
    let bank = shipped();
    for q in &bank.questions {
        let mut answer = q.answer.clone();
        if let Some(c) = &q.challenge {
            answer.push('\n');
            answer.push_str(&c.approach);
        }
        for k in &q.key_points {
            if let Some(words) = foreign_key_point(k, &answer) {
                panic!(
                    "{}: the key point {k:?} shares no significant word with its answer \
                     ({words:?})",
                    q.id
                );
            }
        }
    }
}

#[test]
fn key_point_check_needs_a_shared_significant_word() {
    let answer = "Strings and tuples are immutable; a dict is mutable and raises KeyError.";
    assert_eq!(foreign_key_point("Tuples are immutable", answer), None);
    assert_eq!(foreign_key_point("It raised a KeyError", answer), None);
    assert_eq!(
        foreign_key_point("Generators are lazy", answer),
        Some(vec!["generator".to_string(), "lazy".to_string()])
    );
    // Stop words and short words alone never count as shared.
    assert!(foreign_key_point("What is it for, and why?", answer).is_some());
}

/// The build's split (`scripts/split-bank.mjs`, run here on a copy of the source bank) loads
/// back whole: prompts from `questions.json`, answers attached from `answers.json`, code from
/// `challenges.json`, equal to the source parsed as it is. Needs Node, as the build does.
#[test]
fn the_build_split_bank_loads_back_whole() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = std::env::temp_dir().join(format!("pyprep-split-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(format!("{root}/questions.json"), dir.join("questions.json")).unwrap();
    let status = std::process::Command::new("node")
        .arg(format!("{root}/scripts/split-bank.mjs"))
        .arg(&dir)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("node runs scripts/split-bank.mjs (the build needs it too)");
    assert!(status.success());
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let (index, answers, code) = (
        read("questions.json"),
        read("answers.json"),
        read("challenges.json"),
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        index.len() * 10 < answers.len(),
        "the prompts are a small part"
    );
    let mut loaded = bank::parse(&index).unwrap();
    assert!(loaded.problems.is_empty() && loaded.bank.needs_answers());
    bank::attach_answers(&mut loaded, Some(&answers)).unwrap();
    assert!(loaded.bank.needs_code());
    bank::attach_code(&mut loaded.bank, &code).unwrap();
    let whole = bank::parse(include_str!("../questions.json")).unwrap();
    assert_eq!(loaded, whole);
}
