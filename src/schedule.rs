//! The review schedule: FSRS-6 (the `fsrs` crate, default parameters) over each question's
//! stored grades.
//!
//! A question's memory state (stability, difficulty) and due time are a pure function of its
//! grade history and the desired retention: [`Scheduler::replay`] folds [`Scheduler::step`]
//! over the history. Progress keeps the result as a [`Card`], a cache stamped with what it was
//! computed from ([`Card::fits`]), so the home screen can count what is due without loading
//! the scheduler; whatever changes the history (a grade, an undo, an import, a merge from
//! another tab) or the retention makes the card stale, and it is computed again.
//!
//! Time is always passed in (milliseconds since the Unix epoch): nothing here reads a clock.
//! Only the app module (`src/app_main.rs`) links it, so FSRS stays off the first load.

use crate::progress::{GradeRecord, Progress};
use crate::quiz::Grade;
use fsrs::{current_retrievability, MemoryState, DEFAULT_PARAMETERS, FSRS};
use serde::{Deserialize, Serialize};

pub const DAY_MS: f64 = 86_400_000.0;
pub const MIN_RETENTION: f32 = 0.80;
pub const MAX_RETENTION: f32 = 0.97;
pub const DEFAULT_RETENTION: f32 = 0.90;

/// A desired retention the scheduler accepts: 0.80–0.97; anything else (NaN too) is the default.
pub fn valid_retention(r: f32) -> f32 {
    if (MIN_RETENTION..=MAX_RETENTION).contains(&r) {
        r
    } else {
        DEFAULT_RETENTION
    }
}

/// A question's memory state after its last review, and when it is due.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// Days for recall probability to fall to 90 %.
    pub stability: f32,
    /// 1 (easy) – 10 (hard).
    pub difficulty: f32,
    /// When it was last reviewed (ms).
    pub last: f64,
    /// When it is due (ms): `last` plus the interval for the desired retention.
    pub due: f64,
    /// What it was computed from: the number of reviews and the retention.
    pub reviews: u32,
    pub retention: f32,
}

impl Card {
    /// Whether this card was computed from exactly this history and retention.
    pub fn fits(&self, history: &[GradeRecord], retention: f32) -> bool {
        self.reviews as usize == history.len()
            && history.last().is_some_and(|r| r.at == self.last)
            && self.retention == retention
    }

    pub fn is_due(&self, now: f64) -> bool {
        self.due <= now
    }

    fn memory(&self) -> MemoryState {
        MemoryState {
            stability: self.stability,
            difficulty: self.difficulty,
        }
    }
}

pub struct Scheduler {
    fsrs: FSRS,
    retention: f32,
}

/// Whole days between two reviews, as FSRS counts them.
fn days_between(from: f64, to: f64) -> u32 {
    let days = ((to - from) / DAY_MS).floor();
    if days.is_finite() && days > 0.0 {
        days.min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

impl Scheduler {
    pub fn new(retention: f32) -> Scheduler {
        Scheduler {
            fsrs: FSRS::new(&DEFAULT_PARAMETERS).unwrap_or_default(),
            retention: valid_retention(retention),
        }
    }

    pub fn retention(&self) -> f32 {
        self.retention
    }

    /// The card after grading `card` (none: never reviewed) with `grade` at `at`, or `None`
    /// if FSRS rejects the state (it never does for states it produced itself).
    pub fn step(&self, card: Option<&Card>, grade: Grade, at: f64) -> Option<Card> {
        let elapsed = card.map_or(0, |c| days_between(c.last, at));
        let next = self
            .fsrs
            .next_states(card.map(Card::memory), self.retention, elapsed)
            .ok()?;
        let state = match grade {
            Grade::Again => next.again,
            Grade::Hard => next.hard,
            Grade::Good => next.good,
            Grade::Easy => next.easy,
        };
        Some(Card {
            stability: state.memory.stability,
            difficulty: state.memory.difficulty,
            last: at,
            due: at + f64::from(state.interval) * DAY_MS,
            reviews: card.map_or(0, |c| c.reviews) + 1,
            retention: self.retention,
        })
    }

    /// The card a whole history leads to (`None` for no history). Reviews are taken in time
    /// order; one FSRS rejects is skipped, so a history always gives a card.
    pub fn replay(&self, history: &[GradeRecord]) -> Option<Card> {
        let mut card: Option<Card> = None;
        for r in history {
            if let Some(next) = self.step(card.as_ref(), r.grade, r.at) {
                card = Some(next);
            }
        }
        // Stamp it with the whole history, skipped reviews included, so it fits.
        card.map(|c| Card {
            reviews: history.len() as u32,
            last: history.last().map_or(c.last, |r| r.at),
            ..c
        })
    }

    /// Computes the cards of `progress` that are missing or stale (after a grade, an undo, an
    /// import, a merge from another tab, a new retention, or v1 data). True if any changed.
    pub fn refresh(&self, progress: &mut Progress) -> bool {
        let mut changed = false;
        for q in progress.questions.values_mut() {
            if q.needs_card(self.retention) {
                q.card = self.replay(&q.grades);
                changed = true;
            }
        }
        changed
    }

    /// How long each grade, given now, would put off the next review (in days), in
    /// [`Grade::ALL`] order: what the grade buttons show.
    pub fn preview(&self, card: Option<&Card>, now: f64) -> [f64; 4] {
        Grade::ALL.map(|g| {
            self.step(card, g, now)
                .map_or(0.0, |c| (c.due - c.last) / DAY_MS)
        })
    }

    /// The probability of recalling it now, by the FSRS-6 forgetting curve.
    pub fn retrievability(&self, card: &Card, now: f64) -> f32 {
        let days = ((now - card.last) / DAY_MS).max(0.0) as f32;
        current_retrievability(card.memory(), days, DEFAULT_PARAMETERS[20])
    }
}

/// "in 10 minutes", "in 5 hours", "in 4 days", "in 3 months", "in 1.5 years": an interval
/// under a grade button, rounded the way a person says it.
pub fn interval_text(days: f64) -> String {
    let minutes = days * 24.0 * 60.0;
    let (n, unit) = if minutes < 60.0 {
        (minutes.round().max(1.0), "minute")
    } else if minutes < 24.0 * 60.0 {
        ((minutes / 60.0).round(), "hour")
    } else if days < 31.0 {
        (days.round(), "day")
    } else if days < 365.0 {
        ((days / 30.44).round(), "month")
    } else {
        return format!("in {:.1} years", days / 365.25).replace(".0 ", " ");
    };
    format!("in {n} {unit}{}", if n == 1.0 { "" } else { "s" })
}

/// The order of a review session: the due questions, most overdue first (ties: the order
/// given), then the questions never graded, in the order given (the caller shuffles them).
/// Questions graded and not yet due are left out.
pub fn review_order<'a>(
    pool: impl IntoIterator<Item = (&'a str, Option<&'a Card>, bool)>,
    now: f64,
) -> Vec<String> {
    let mut due: Vec<(f64, &str)> = Vec::new();
    let mut unseen = Vec::new();
    for (id, card, graded) in pool {
        match card {
            Some(c) if c.is_due(now) => due.push((c.due, id)),
            None if !graded => unseen.push(id),
            _ => {}
        }
    }
    due.sort_by(|a, b| a.0.total_cmp(&b.0));
    due.into_iter()
        .map(|(_, id)| id)
        .chain(unseen)
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(grade: Grade, day: f64) -> GradeRecord {
        GradeRecord {
            grade,
            at: day * DAY_MS,
            ticks: None,
            notes: None,
        }
    }

    #[test]
    fn good_and_easy_grow_the_interval_and_again_shrinks_it() {
        let s = Scheduler::new(0.9);
        let mut card = s.step(None, Grade::Good, 0.0).unwrap();
        let mut last_interval = card.due - card.last;
        for day in [3.0, 12.0, 40.0] {
            let at = card.due.max(day * DAY_MS);
            card = s.step(Some(&card), Grade::Good, at).unwrap();
            let interval = card.due - card.last;
            assert!(
                interval > last_interval,
                "Good grows: {interval} > {last_interval}"
            );
            last_interval = interval;
        }
        let [again, hard, good, easy] = s.preview(Some(&card), card.due);
        assert!(
            again < hard && hard < good && good < easy,
            "{again} {hard} {good} {easy}"
        );
        let lapsed = s.step(Some(&card), Grade::Again, card.due).unwrap();
        assert!(lapsed.due - lapsed.last < last_interval, "Again shrinks");
        assert!(lapsed.stability < card.stability);
    }

    #[test]
    fn a_higher_retention_reviews_sooner() {
        let lax = Scheduler::new(0.80).step(None, Grade::Good, 0.0).unwrap();
        let strict = Scheduler::new(0.97).step(None, Grade::Good, 0.0).unwrap();
        assert!(strict.due < lax.due);
        assert_eq!(Scheduler::new(0.5).retention(), DEFAULT_RETENTION);
        assert_eq!(Scheduler::new(f32::NAN).retention(), DEFAULT_RETENTION);
    }

    #[test]
    fn replay_equals_review_by_review() {
        let s = Scheduler::new(0.9);
        let history = [
            rec(Grade::Good, 0.0),
            rec(Grade::Again, 2.5),
            rec(Grade::Hard, 2.6),
            rec(Grade::Easy, 9.0),
            rec(Grade::Good, 40.0),
        ];
        let mut card = None;
        for (n, r) in history.iter().enumerate() {
            card = s.step(card.as_ref(), r.grade, r.at);
            assert_eq!(card, s.replay(&history[..=n]), "after review {n}");
        }
        let card = card.unwrap();
        assert!(card.fits(&history, 0.9));
        assert!(
            !card.fits(&history[..4], 0.9),
            "an undone review makes it stale"
        );
        assert!(!card.fits(&history, 0.85), "a new retention makes it stale");
        assert_eq!(s.replay(&[]), None);
    }

    #[test]
    fn review_order_is_most_overdue_first_then_unseen() {
        let s = Scheduler::new(0.9);
        let card = |day: f64| s.step(None, Grade::Good, day * DAY_MS).unwrap();
        let (old, older, fresh) = (card(0.0), card(-10.0), card(100.0));
        let now = 50.0 * DAY_MS;
        let order = review_order(
            [
                ("new1", None, false),
                ("old", Some(&old), true),
                ("fresh", Some(&fresh), true),
                ("stale", None, true),
                ("older", Some(&older), true),
                ("new2", None, false),
            ],
            now,
        );
        assert_eq!(order, ["older", "old", "new1", "new2"]);
    }

    #[test]
    fn retrievability_falls_with_time() {
        let s = Scheduler::new(0.9);
        let c = s.step(None, Grade::Good, 0.0).unwrap();
        let r0 = s.retrievability(&c, 0.0);
        let r_due = s.retrievability(&c, c.due);
        let r_late = s.retrievability(&c, c.due + 30.0 * DAY_MS);
        assert!((r0 - 1.0).abs() < 1e-3);
        assert!(
            (r_due - 0.9).abs() < 0.02,
            "at the due time it is the retention: {r_due}"
        );
        assert!(r_late < r_due);
    }

    #[test]
    fn intervals_read_as_people_say_them() {
        assert_eq!(interval_text(5.0 / 1440.0), "in 5 minutes");
        assert_eq!(interval_text(0.0), "in 1 minute");
        assert_eq!(interval_text(0.212), "in 5 hours");
        assert_eq!(interval_text(1.0), "in 1 day");
        assert_eq!(interval_text(2.3065), "in 2 days");
        assert_eq!(interval_text(95.0), "in 3 months");
        assert_eq!(interval_text(365.25 * 2.0), "in 2 years");
        assert_eq!(interval_text(365.25 * 1.5), "in 1.5 years");
    }
}
