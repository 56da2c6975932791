//! What the progress dashboard shows, computed from the bank and the stored progress: per
//! category coverage, mastery and what is due; reviews per day; the weakest questions; the key
//! points most often left unticked. Time and the time zone are passed in.
//!
//! Mastery is the share of a category's questions whose latest grade is "Got it" or "Nailed
//! it" (a plain measure the learner can check against their own grades).

use crate::bank::Bank;
use crate::progress::{Progress, Ticks};
use crate::quiz::Grade;
use crate::schedule::DAY_MS;

#[derive(Debug, Clone, PartialEq)]
pub struct CategoryStats {
    pub slug: String,
    pub title: String,
    pub total: usize,
    /// Graded at least once.
    pub seen: usize,
    /// Latest grade Got it or Nailed it.
    pub mastered: usize,
    /// Graded and due for review now.
    pub due: usize,
}

impl CategoryStats {
    pub fn mastery_percent(&self) -> u32 {
        crate::quiz::percent(self.mastered as u32, self.total as u32)
    }
}

/// One day of the activity chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    /// Local midnight (ms since the epoch).
    pub start: f64,
    pub reviews: u32,
    /// The mean grade (1–4) of that day's reviews.
    pub average: Option<f32>,
}

/// A question whose latest grade is Missed it or Partly.
#[derive(Debug, Clone, PartialEq)]
pub struct Weak {
    pub id: String,
    /// Mean points (0–3) of its last three grades.
    pub recent_points: f32,
    pub lapses: usize,
    pub last: Grade,
}

/// A key point the learner often doesn't tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Missed {
    pub id: String,
    pub index: usize,
    pub text: String,
    /// Reviews with ticks in which it was left unticked, of `asked` such reviews.
    pub missed: usize,
    pub asked: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dashboard {
    pub categories: Vec<CategoryStats>,
    pub days: Vec<Day>,
    pub reviews_in_range: u32,
    pub weakest: Vec<Weak>,
    pub missed_points: Vec<Missed>,
}

/// Local midnight of the day holding `at`, for a zone `offset_min` minutes behind UTC (as
/// JavaScript's `getTimezoneOffset` gives it).
pub fn local_midnight(at: f64, offset_min: f64) -> f64 {
    let shift = offset_min * 60_000.0;
    ((at - shift) / DAY_MS).floor() * DAY_MS + shift
}

pub const CHART_DAYS: usize = 30;
const WEAKEST: usize = 6;
const MISSED_POINTS: usize = 8;

pub fn dashboard(
    bank: &Bank,
    progress: &Progress,
    retention: f32,
    now: f64,
    offset_min: f64,
) -> Dashboard {
    let mut d = Dashboard::default();
    let mut by_slug = std::collections::HashMap::new();
    for (i, c) in bank.categories.iter().enumerate() {
        by_slug.insert(c.slug.as_str(), i);
        d.categories.push(CategoryStats {
            slug: c.slug.clone(),
            title: c.title.clone(),
            total: 0,
            seen: 0,
            mastered: 0,
            due: 0,
        });
    }
    let today = local_midnight(now, offset_min);
    let first = today - (CHART_DAYS as f64 - 1.0) * DAY_MS;
    let mut counts = [(0u32, 0u32); CHART_DAYS];
    // Key points missed at least once: thousands in a long history, so ranked by position and
    // counts, and only the few shown get their id and text copied.
    let mut missed_at: Vec<MissedAt> = Vec::new();
    for (question, q) in bank.questions.iter().enumerate() {
        let Some(&ci) = by_slug.get(q.category.as_str()) else {
            continue;
        };
        let c = &mut d.categories[ci];
        c.total += 1;
        let Some(p) = progress.questions.get(&q.id) else {
            continue;
        };
        let Some(last) = p.last_grade() else {
            continue;
        };
        c.seen += 1;
        if matches!(last, Grade::Good | Grade::Easy) {
            c.mastered += 1;
        }
        c.due += usize::from(p.card(retention).is_some_and(|card| card.is_due(now)));
        for r in &p.grades {
            if r.at >= first && r.at < today + DAY_MS {
                // Days are local: a review at 23:30 counts on its own evening.
                let day = ((local_midnight(r.at, offset_min) - first) / DAY_MS).round() as usize;
                if let Some(slot) = counts.get_mut(day) {
                    slot.0 += 1;
                    slot.1 += u32::from(r.grade.number());
                }
            }
        }
        let recent: Vec<Grade> = p.grades.iter().rev().take(3).map(|r| r.grade).collect();
        let recent_points =
            recent.iter().map(|g| g.points() as f32).sum::<f32>() / recent.len() as f32;
        let lapses = p.grades.iter().filter(|r| r.grade == Grade::Again).count();
        if last.is_miss() {
            d.weakest.push(Weak {
                id: q.id.clone(),
                recent_points,
                lapses,
                last,
            });
        }
        let of = q.key_points.len().min(Ticks::MAX);
        for index in 0..of {
            let (mut asked, mut missed) = (0, 0);
            for t in p.grades.iter().filter_map(|r| r.ticks) {
                // Ticks given against another version of the key points don't count.
                if usize::from(t.of) == of {
                    asked += 1;
                    missed += usize::from(!t.ticked(index));
                }
            }
            if missed > 0 {
                missed_at.push(MissedAt {
                    question,
                    index,
                    missed,
                    asked,
                });
            }
        }
    }
    d.days = counts
        .iter()
        .enumerate()
        .map(|(i, &(n, sum))| Day {
            start: first + i as f64 * DAY_MS,
            reviews: n,
            average: (n > 0).then(|| sum as f32 / n as f32),
        })
        .collect();
    d.reviews_in_range = counts.iter().map(|c| c.0).sum();
    d.weakest.sort_by(|a, b| {
        a.recent_points
            .total_cmp(&b.recent_points)
            .then(b.lapses.cmp(&a.lapses))
    });
    d.weakest.truncate(WEAKEST);
    // Most missed first, then the higher share missed; bank order breaks ties.
    let rank = |a: &MissedAt, b: &MissedAt| {
        b.missed
            .cmp(&a.missed)
            .then((a.missed * b.asked).cmp(&(b.missed * a.asked)).reverse())
            .then((a.question, a.index).cmp(&(b.question, b.index)))
    };
    if missed_at.len() > MISSED_POINTS {
        missed_at.select_nth_unstable_by(MISSED_POINTS - 1, rank);
        missed_at.truncate(MISSED_POINTS);
    }
    missed_at.sort_unstable_by(rank);
    d.missed_points = missed_at
        .into_iter()
        .map(|m| {
            let q = &bank.questions[m.question];
            Missed {
                id: q.id.clone(),
                index: m.index,
                text: q.key_points[m.index].clone(),
                missed: m.missed,
                asked: m.asked,
            }
        })
        .collect();
    d
}

/// A missed key point while ranking: question `question` of the bank, its key point `index`.
struct MissedAt {
    question: usize,
    index: usize,
    missed: usize,
    asked: usize,
}

/// What the schedule says about some categories: how many graded questions are due now, how
/// many were never graded, and in how many days the next one falls due (if none is due).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DueSummary {
    pub due: usize,
    pub new: usize,
    pub next_in_days: Option<f64>,
}

/// `ids`: the questions counted (a quiz link's pool, as its review session draws them).
pub fn due_summary(
    bank: &Bank,
    progress: &Progress,
    ids: &[String],
    retention: f32,
    now: f64,
) -> DueSummary {
    let (mut due, mut new, mut next) = (0, 0, None::<f64>);
    for q in ids.iter().filter_map(|id| bank.question(id)) {
        match progress.questions.get(&q.id) {
            Some(p) if !p.grades.is_empty() => match p.card(retention) {
                Some(card) if card.is_due(now) => due += 1,
                Some(card) if next.is_none_or(|n| card.due < n) => next = Some(card.due),
                _ => {}
            },
            _ => new += 1,
        }
    }
    DueSummary {
        due,
        new,
        next_in_days: next.filter(|_| due == 0).map(|n| (n - now) / DAY_MS),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "3 Nov" for the local day holding `at` (zone `offset_min` behind UTC).
pub fn day_label(at: f64, offset_min: f64) -> String {
    // Days since 1970-01-01 in local time, then the civil date (H. Hinnant's algorithm).
    let days = ((at - offset_min * 60_000.0) / DAY_MS).floor() as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    format!("{day} {}", MONTHS[(month - 1) as usize])
}

/// The ids of a list, once each, in order: the quiz of "exactly those questions".
pub fn distinct_ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !out.iter().any(|o| o == id) {
            out.push(id.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Scheduler;

    fn bank() -> Bank {
        crate::bank::parse(
            r#"{"version":1,"categories":[{"slug":"a","title":"A"},{"slug":"b","title":"B"}],
            "questions":[
             {"id":"a1","category":"a","prompt":"p","difficulty":"junior","answer":"x","key_points":["k0","k1","k2"]},
             {"id":"a2","category":"a","prompt":"p","difficulty":"junior","answer":"x","key_points":["k0","k1"]},
             {"id":"b1","category":"b","prompt":"p","difficulty":"junior","answer":"x"}]}"#,
        )
        .unwrap()
        .bank
    }

    #[test]
    fn categories_count_seen_mastered_and_due() {
        let mut p = Progress::default();
        let t = |said| Some(Ticks { said, of: 3 });
        p.record_grade("a1", Grade::Again, 0.0, t(0b001));
        p.record_grade("a1", Grade::Good, 3.0 * DAY_MS, t(0b011));
        p.record_grade("a2", Grade::Hard, 3.0 * DAY_MS, None);
        let s = Scheduler::new(0.9);
        s.refresh(&mut p);
        let now = 60.0 * DAY_MS;
        let d = dashboard(&bank(), &p, 0.9, now, 0.0);
        let a = &d.categories[0];
        assert_eq!((a.total, a.seen, a.mastered, a.due), (2, 2, 1, 2));
        assert_eq!(a.mastery_percent(), 50);
        assert_eq!(d.categories[1].total, 1);
        assert_eq!(d.reviews_in_range, 0, "all older than 30 days");
        assert_eq!(d.weakest.len(), 1);
        assert_eq!(d.weakest[0].id, "a2");
        // k2 was never ticked (2 of 2), k1 once missed (1 of 2), k0 never missed.
        let missed: Vec<(usize, usize, usize)> = d
            .missed_points
            .iter()
            .map(|m| (m.index, m.missed, m.asked))
            .collect();
        assert_eq!(missed, [(2, 2, 2), (1, 1, 2)]);
    }

    #[test]
    fn the_most_missed_key_points_are_the_first_of_a_full_ranking_ties_in_bank_order() {
        let questions: Vec<String> = (0..30)
            .map(|i| {
                format!(
                    r#"{{"id":"q{i}","category":"a","prompt":"p","difficulty":"junior","answer":"x","key_points":["k0","k1","k2"]}}"#
                )
            })
            .collect();
        let bank = crate::bank::parse(&format!(
            r#"{{"version":1,"categories":[{{"slug":"a","title":"A"}}],"questions":[{}]}}"#,
            questions.join(",")
        ))
        .unwrap()
        .bank;
        let mut p = Progress::default();
        for i in 0..30u32 {
            // Many ties: the same few tick patterns over and over.
            for r in 0..(1 + i % 3) {
                let said = (i * 5 + r) % 8;
                p.record_grade(
                    &format!("q{i}"),
                    Grade::Hard,
                    f64::from(r),
                    Some(Ticks { said, of: 3 }),
                );
            }
        }
        let d = dashboard(&bank, &p, 0.9, 10.0 * DAY_MS, 0.0);
        // The ranking as a stable sort of every missed key point, in bank order.
        let mut all = Vec::new();
        for q in &bank.questions {
            let grades = &p.questions[&q.id].grades;
            for index in 0..3 {
                let asked = grades.len();
                let missed = grades
                    .iter()
                    .filter(|r| !r.ticks.unwrap().ticked(index))
                    .count();
                if missed > 0 {
                    all.push((q.id.clone(), index, missed, asked));
                }
            }
        }
        all.sort_by(|a, b| b.2.cmp(&a.2).then((a.2 * b.3).cmp(&(b.2 * a.3)).reverse()));
        all.truncate(MISSED_POINTS);
        let got: Vec<_> = d
            .missed_points
            .iter()
            .map(|m| (m.id.clone(), m.index, m.missed, m.asked))
            .collect();
        assert_eq!(got, all);
        assert_eq!(
            d.missed_points[0].text,
            format!("k{}", d.missed_points[0].index)
        );
    }

    #[test]
    fn due_summary_counts_due_new_and_the_next() {
        let mut p = Progress::default();
        p.record_grade("a1", Grade::Good, 0.0, None);
        p.record_grade("a2", Grade::Good, 10.0 * DAY_MS, None);
        let s = Scheduler::new(0.9);
        s.refresh(&mut p);
        let ids = ["a1".to_owned(), "a2".to_owned(), "b1".to_owned()];
        let early = due_summary(&bank(), &p, &ids, 0.9, 1.0 * DAY_MS);
        assert_eq!((early.due, early.new), (0, 1));
        let next = early.next_in_days.unwrap();
        assert!(
            (next - 1.3065).abs() < 1e-3,
            "a1: Good → 2.3 days, one day gone: {next}"
        );
        let later = due_summary(&bank(), &p, &ids, 0.9, 5.0 * DAY_MS);
        assert_eq!((later.due, later.new, later.next_in_days), (1, 1, None));
        // Only the questions given count (the home screen gives its link's pool, levels and all).
        let without_a1 = ["a2".to_owned(), "b1".to_owned()];
        let elsewhere = due_summary(&bank(), &p, &without_a1, 0.9, 5.0 * DAY_MS);
        assert_eq!(
            (elsewhere.due, elsewhere.new),
            (0, 1),
            "a1 is not among them"
        );
    }

    #[test]
    fn days_are_local_and_averaged() {
        let mut p = Progress::default();
        let now = 100.0 * DAY_MS + 10.0 * 3_600_000.0; // 10:00 UTC on day 100
                                                       // UTC+2 (offset -120): 23:30 UTC on day 99 is 01:30 on day 100 locally.
        p.record_grade("a1", Grade::Good, 99.0 * DAY_MS + 23.5 * 3_600_000.0, None);
        p.record_grade("a2", Grade::Easy, now - 3_600_000.0, None);
        p.record_grade("b1", Grade::Again, now - 5.0 * DAY_MS, None);
        let d = dashboard(&bank(), &p, 0.9, now, -120.0);
        assert_eq!(d.days.len(), CHART_DAYS);
        let last = d.days.last().unwrap();
        assert_eq!(last.reviews, 2);
        assert_eq!(last.average, Some(3.5));
        assert_eq!(d.days[CHART_DAYS - 6].reviews, 1);
        assert_eq!(d.reviews_in_range, 3);
        assert_eq!(local_midnight(now, -120.0), 100.0 * DAY_MS - 7_200_000.0);
    }

    #[test]
    fn day_labels_are_local_dates() {
        assert_eq!(day_label(0.0, 0.0), "1 Jan");
        // 2026-11-30 00:53 UTC is still 29 Nov in New York (UTC-5, offset 300).
        let at = 1_796_000_000_000.0;
        assert_eq!(day_label(at, 0.0), "30 Nov");
        assert_eq!(day_label(at, 300.0), "29 Nov");
        assert_eq!(
            day_label(951_782_400_000.0, 0.0),
            "29 Feb",
            "2000 was a leap year"
        );
    }

    #[test]
    fn distinct_ids_keep_order() {
        assert_eq!(distinct_ids(["b", "a", "b", "c", "a"]), ["b", "a", "c"]);
    }
}
