//! `cargo run --release --example scale`: PyPrep's core at scale, for BENCHMARKS.md (run by
//! `scripts/bench.mjs`). A generated bank of 5,000 questions and a progress history of 100
//! reviews each (kept to the cap, `HISTORY_LIMIT`, as the app keeps it): the stored size, the
//! time to decode and encode it, the dashboard's statistics, and study search per keystroke.
//! Times are medians of repeated runs and are reported beside a baseline measured in the same
//! run (parsing the same JSON into an untyped `serde_json::Value`). Prints one JSON object.

use pyprep::progress::{decode, encode, Decoded, Progress, Ticks, HISTORY_LIMIT};
use pyprep::quiz::Grade;
use pyprep::schedule::{Scheduler, DAY_MS};
use std::time::Instant;

const QUESTIONS: usize = 5_000;
const REVIEWS: usize = 100;

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn bank_json() -> String {
    let categories: Vec<String> = (0..10)
        .map(|c| format!(r#"{{"slug":"c{c}","title":"Category {c}","description":"d"}}"#))
        .collect();
    let words = "python generator iterator decorator closure context manager descriptor metaclass coroutine thread process lock queue dict list tuple set frozenset bytes memoryview";
    let words: Vec<&str> = words.split(' ').collect();
    let questions: Vec<String> = (0..QUESTIONS)
        .map(|i| {
            let answer: Vec<&str> = (0..220).map(|k| words[(i * 7 + k * 13) % words.len()]).collect();
            format!(
                r#"{{"id":"c{}-q{i}","category":"c{}","prompt":"Question {i} about {}?","difficulty":"mid","answer":"{}","key_points":["{} one","{} two","{} three","{} four"],"tags":["{}"]}}"#,
                i % 10,
                i % 10,
                words[i % words.len()],
                answer.join(" "),
                words[(i + 1) % words.len()],
                words[(i + 2) % words.len()],
                words[(i + 3) % words.len()],
                words[(i + 4) % words.len()],
                words[(i + 5) % words.len()],
            )
        })
        .collect();
    format!(
        r#"{{"version":1,"categories":[{}],"questions":[{}]}}"#,
        categories.join(","),
        questions.join(",")
    )
}

fn main() {
    let bank = pyprep::bank::parse(&bank_json())
        .expect("generated bank")
        .bank;
    let now = 400.0 * DAY_MS;
    let mut full = Progress::default();
    for (i, q) in bank.questions.iter().enumerate() {
        for r in 0..REVIEWS {
            let grade = Grade::from_number(1 + ((i + r) % 4) as u8).unwrap();
            let ticks = Some(Ticks {
                said: (r % 16) as u32,
                of: 4,
            });
            full.record_grade(&q.id, grade, (r as f64) * 3.9 * DAY_MS + i as f64, ticks);
        }
    }
    let scheduler = Scheduler::new(0.9);
    let t = Instant::now();
    scheduler.refresh(&mut full);
    let schedule_all_ms = t.elapsed().as_secs_f64() * 1000.0;

    let stored = encode(&full);
    let decode_ms = median_ms(7, || {
        assert!(matches!(decode::<Progress>(Some(&stored)), Decoded::Ok(_)));
    });
    let baseline_ms = median_ms(7, || {
        serde_json::from_str::<serde_json::Value>(&stored).unwrap();
    });
    let encode_ms = median_ms(7, || {
        encode(&full);
    });
    let dashboard_ms = median_ms(7, || {
        pyprep::stats::dashboard(&bank, &full, 0.9, now, 0.0);
    });
    let slugs = bank.slugs();
    let mut index = None;
    let index_ms = median_ms(5, || {
        index = Some(pyprep::search::Index::new(&bank, &slugs))
    });
    let index = index.unwrap();
    let queries = [
        "g",
        "ge",
        "gen",
        "gene",
        "generator",
        "generator cl",
        "generator closure",
    ];
    let search_ms = median_ms(7, || {
        for q in queries {
            index.search(q);
        }
    }) / queries.len() as f64;
    let reviews: usize = full.questions.values().map(|q| q.grades.len()).sum();
    println!(
        "{{\"questions\":{QUESTIONS},\"reviews_recorded\":{},\"reviews_kept\":{reviews},\"cap\":{HISTORY_LIMIT},\"stored_chars\":{},\"decode_ms\":{decode_ms:.2},\"untyped_parse_ms\":{baseline_ms:.2},\"encode_ms\":{encode_ms:.2},\"schedule_all_ms\":{schedule_all_ms:.2},\"dashboard_ms\":{dashboard_ms:.2},\"index_ms\":{index_ms:.2},\"search_ms_per_keystroke\":{search_ms:.3}}}",
        QUESTIONS * REVIEWS,
        stored.len(),
    );
}
