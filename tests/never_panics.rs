//! Property tests: no parser (link, bank, stored progress, import files, Markdown,
//! highlighter) panics on arbitrary input; links survive a format/parse
//! round trip; v1 progress migrates losing nothing; merge is commutative, idempotent and
//! lossless, ticks included.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use pyprep::bank::Difficulty;
use pyprep::link::{self, Count, Display, QuizLink, Selection, Theme};
use pyprep::progress::{self, Decoded, GradeRecord, Progress, Settings, Ticks};
use pyprep::quiz::Grade;
use pyprep::{bank, highlight, markdown};

/// Strings that look a little like the real thing, so the parsers go deep.
fn linkish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("#/".to_owned()),
            Just("quiz/".to_owned()),
            Just("all".to_owned()),
            Just("core,oop".to_owned()),
            Just("?".to_owned()),
            Just("&".to_owned()),
            Just("n=".to_owned()),
            Just("seed=".to_owned()),
            Just("ids=".to_owned()),
            Just("embed=1".to_owned()),
            Just("theme=dark".to_owned()),
            Just("accent=%23".to_owned()),
            Just("%".to_owned()),
            "[0-9]{1,4}".prop_map(String::from),
            "\\PC{0,6}".prop_map(String::from),
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

fn jsonish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("{".to_owned()),
            Just("}".to_owned()),
            Just("[".to_owned()),
            Just("]".to_owned()),
            Just(",".to_owned()),
            Just(":".to_owned()),
            Just("\"version\":1".to_owned()),
            Just("\"version\":".to_owned()),
            Just("\"questions\"".to_owned()),
            Just("\"categories\"".to_owned()),
            Just("\"grades\"".to_owned()),
            Just("\"id\":\"a\"".to_owned()),
            Just("\"slug\":\"core\"".to_owned()),
            Just("null".to_owned()),
            "-?[0-9]{1,12}".prop_map(String::from),
            "\"\\PC{0,5}\"".prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn markdownish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("```python\n".to_owned()),
            Just("```\n".to_owned()),
            Just("~~~".to_owned()),
            Just("<b>".to_owned()),
            Just("<script>".to_owned()),
            Just("[a](".to_owned()),
            Just("javascript:".to_owned()),
            Just("![i](x)".to_owned()),
            Just("**".to_owned()),
            Just("`".to_owned()),
            Just("'''".to_owned()),
            Just("\"".to_owned()),
            Just("\\".to_owned()),
            Just("# ".to_owned()),
            Just("\n".to_owned()),
            Just("| a | b |\n|---|---|\n".to_owned()),
            "\\PC{0,8}".prop_map(String::from),
        ],
        0..30,
    )
    .prop_map(|parts| parts.concat())
}

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9-]{0,10}"
}

fn quiz_link() -> impl Strategy<Value = QuizLink> {
    (
        prop_oneof![
            Just(Selection::All),
            prop::collection::btree_set(slug(), 1..4)
                .prop_map(|s| Selection::Some(s.into_iter().filter(|s| s != "all").collect()))
                .prop_filter(
                    "non-empty",
                    |s| !matches!(s, Selection::Some(v) if v.is_empty())
                ),
        ],
        prop_oneof![
            Just(Count::Default),
            Just(Count::All),
            (1usize..=link::MAX_COUNT).prop_map(Count::N)
        ],
        prop::option::of("[A-Za-z0-9_-]{1,64}"),
        prop::option::of(prop::collection::btree_set(slug(), 1..4)),
        any::<bool>(),
        prop_oneof![Just(Theme::Auto), Just(Theme::Light), Just(Theme::Dark)],
        prop::option::of("[0-9a-f]{6}"),
        any::<bool>(),
        (
            prop::option::of(prop::sample::subsequence(
                vec![Difficulty::Junior, Difficulty::Mid, Difficulty::Senior],
                1..3,
            )),
            any::<bool>(),
            any::<bool>(),
            prop::option::of("[A-Za-z0-9 ,.!?'&=#%+é—-]{1,40}"),
        ),
    )
        .prop_map(
            |(
                selection,
                count,
                seed,
                ids,
                embed,
                theme,
                accent,
                review,
                (levels, transparent, lock, title),
            )| QuizLink {
                selection,
                count,
                seed,
                ids: ids.map(|s| s.into_iter().collect()),
                display: Display {
                    embed,
                    theme,
                    accent,
                    transparent,
                    lock,
                    // As a link carries it: trimmed, spaces collapsed.
                    title: title
                        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                        .filter(|t| !t.is_empty()),
                    intro: None,
                },
                review,
                levels,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn link_parsers_never_panic(s in linkish(), raw in "\\PC*") {
        let _ = link::parse_hash(&s);
        let _ = link::parse_hash(&raw);
        let _ = link::parse_quiz(&raw, &s);
        let _ = link::percent_decode(&raw);
        if let (link::Page::Quiz(Err(e)), _) = link::parse_hash(&s) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn links_round_trip(l in quiz_link()) {
        let route = l.route();
        let (page, display) = link::parse_hash(&format!("#{route}"));
        prop_assert_eq!(&display, &l.display);
        prop_assert_eq!(page, link::Page::Quiz(Ok(l)));
    }

    #[test]
    fn bank_parser_never_panics(s in jsonish(), raw in "\\PC*") {
        let _ = bank::parse(&s);
        let _ = bank::parse(&raw);
    }

    #[test]
    fn stored_progress_decoding_never_panics(s in jsonish(), raw in "\\PC*") {
        for input in [s.as_str(), raw.as_str()] {
            let _ = progress::decode::<Progress>(Some(input));
            let _ = progress::decode::<Settings>(Some(input));
            let _ = progress::decode_session(Some(input));
        }
    }

    #[test]
    fn imports_never_panic(s in jsonish(), raw in "\\PC*") {
        for input in [s.as_str(), raw.as_str()] {
            if let Err(e) = progress::import(input, 2e12) {
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }

    /// Any v1 value (grades 1–4 at any time, any `seen`) reads as v2 with every grade, its
    /// time and the reveal count kept.
    #[test]
    fn v1_progress_migrates_losing_nothing(v1 in v1_progress()) {
        let raw = serde_json::json!({ "version": 1, "questions": v1 }).to_string();
        let Decoded::Ok(p) = progress::decode::<Progress>(Some(&raw)) else {
            return Err(TestCaseError::fail(format!("unreadable: {raw}")));
        };
        prop_assert_eq!(p.questions.len(), v1.len());
        for (id, (seen, grades)) in &v1 {
            let q = &p.questions[id];
            prop_assert_eq!(q.seen, *seen);
            let kept: Vec<(u8, f64)> = q.grades.iter().map(|r| (r.grade.number(), r.at)).collect();
            prop_assert_eq!(&kept, grades);
            prop_assert!(q.grades.iter().all(|r| r.ticks.is_none()));
        }
        // And back through the v2 envelope unchanged.
        prop_assert_eq!(progress::decode::<Progress>(Some(&progress::encode(&p))), Decoded::Ok(p));
    }

    #[test]
    fn merge_is_commutative_idempotent_and_lossless(a in progress_strategy(), b in progress_strategy()) {
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        prop_assert_eq!(&ab, &ba);
        let mut twice = ab.clone();
        twice.merge(&b);
        twice.merge(&a);
        prop_assert_eq!(&twice, &ab);
        for side in [&a, &b] {
            for (id, q) in &side.questions {
                let merged = &ab.questions[id];
                prop_assert!(merged.seen >= q.seen);
                for r in &q.grades {
                    prop_assert!(merged.grades.contains(r), "lost {:?}", r);
                }
            }
        }
        // Through an export file (made after its last review) and back, the merge is the same.
        let last = ab.questions.values().flat_map(|q| q.grades.iter().map(|r| r.at)).fold(0.0, f64::max);
        let exported = progress::import(&progress::export(&ab, &[], last), last).unwrap();
        prop_assert_eq!(exported, ab);
    }

    #[test]
    fn markdown_never_panics_and_never_emits_raw_tags(s in markdownish()) {
        let html = markdown::to_html(&s);
        prop_assert!(!html.contains("<script"), "{}", html);
        prop_assert!(!html.contains("<b>"), "{}", html);
        prop_assert!(!html.contains("href=\"javascript"), "{}", html);
        prop_assert!(!html.contains("<img"), "{}", html);
        let _ = markdown::lint(&s);
        let code = highlight::python(&s);
        prop_assert!(!code.contains("<script") && !code.contains("<b>"), "{}", code);
    }

    /// Splitting plain-text fields at backticks loses and invents nothing.
    #[test]
    fn code_spans_are_a_partition_of_the_text(s in "[a-z `]{0,40}") {
        let runs = markdown::code_spans(&s);
        let rebuilt: String = runs
            .iter()
            .map(|&(code, t)| if code { format!("`{t}`") } else { t.to_owned() })
            .collect();
        prop_assert_eq!(rebuilt, s);
    }

    /// Challenge code reaches the renderer as a fenced block: whatever it holds (backticks,
    /// tildes, HTML, Markdown syntax), it must come out as exactly its own code block.
    #[test]
    fn fenced_code_renders_as_exactly_its_code_block(body in "[a-z `~<>*#_\\[\\]()\n-]{0,80}") {
        let expected = if body.is_empty() || body.ends_with('\n') { body.clone() } else { format!("{body}\n") };
        prop_assert_eq!(
            markdown::to_html(&markdown::fenced("python", &body)),
            markdown::code_block("python", &expected)
        );
    }
}

type V1 = std::collections::BTreeMap<String, (u32, Vec<(u8, f64)>)>;

/// v1 progress: per question a reveal count and up to 50 grades in time order.
fn v1_progress() -> impl Strategy<Value = V1> {
    prop::collection::btree_map(
        "[a-z]{1,3}",
        (
            0u32..1000,
            prop::collection::vec((1u8..=4, 0u32..4_000_000), 0..50).prop_map(|mut g| {
                g.sort_by_key(|&(_, at)| at);
                g.into_iter()
                    .map(|(grade, at)| (grade, f64::from(at) * 1000.0))
                    .collect()
            }),
        ),
        0..6,
    )
}

/// v2 progress with ticks: few ids and few times, so the two sides share reviews.
fn progress_strategy() -> impl Strategy<Value = Progress> {
    prop::collection::vec(
        (
            prop_oneof![Just("a"), Just("b"), Just("c")],
            1u8..=4,
            0u32..6,
            prop::option::of((0u32..16, 1u8..5)),
            0u32..3,
        ),
        0..14,
    )
    .prop_map(|reviews| {
        let mut p = Progress::default();
        for (id, grade, at, ticks, seen) in reviews {
            for _ in 0..seen {
                p.record_seen(id);
            }
            let grade = Grade::from_number(grade).unwrap();
            let ticks = ticks.map(|(said, of)| Ticks { said, of });
            // Recorded one by one in any order, as two devices would.
            let q = p.questions.entry(id.to_owned()).or_default();
            q.grades.push(GradeRecord {
                grade,
                at: f64::from(at),
                ticks,
                notes: None,
            });
        }
        let mut tidy = Progress::default();
        tidy.merge(&p);
        tidy
    })
}

/// A real bank with one field broken at a time still loads what it can.
#[test]
fn shipped_bank_with_any_one_question_broken_keeps_the_others() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/questions.json")).unwrap();
    let good = bank::parse(&text).unwrap().bank.questions.len();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let questions = value["questions"].as_array_mut().unwrap();
    questions[3]["answer"] = serde_json::json!("");
    questions[7]["category"] = serde_json::json!("nope");
    questions[9]["difficulty"] = serde_json::json!(42);
    let loaded = bank::parse(&value.to_string()).unwrap();
    assert_eq!(loaded.bank.questions.len(), good - 3);
    assert_eq!(loaded.problems.len(), 3);
}
