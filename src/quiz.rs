//! The quiz session: a reducer (actions in, state out) and its summary.

use crate::bank::Bank;
use crate::draw::draw;
use crate::embed::{HostEvent, QuestionResult};
use crate::link::{Display, LinkError, QuizLink};
use crate::progress::{Progress, Ticks};
use crate::schedule::review_order;
use serde::{Deserialize, Serialize};

/// A self-grade. The numbers are stored and are the keys 1–4; the names are the scheduler's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Grade {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    pub fn from_number(n: u8) -> Option<Grade> {
        Grade::ALL.get(usize::from(n).wrapping_sub(1)).copied()
    }

    pub fn number(self) -> u8 {
        self as u8
    }

    /// What the learner sees on the button.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Missed it",
            Grade::Hard => "Partly",
            Grade::Good => "Got it",
            Grade::Easy => "Nailed it",
        }
    }

    /// Points towards the score: 0–3.
    pub fn points(self) -> u32 {
        u32::from(self.number()) - 1
    }

    /// Graded 1–2: offered again by "Practice the missed ones".
    pub fn is_miss(self) -> bool {
        matches!(self, Grade::Again | Grade::Hard)
    }
}

impl TryFrom<u8> for Grade {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        Grade::from_number(n).ok_or_else(|| format!("grade {n} is not 1–4"))
    }
}

impl From<Grade> for u8 {
    fn from(g: Grade) -> u8 {
        g.number()
    }
}

/// One quiz in progress. Serialised as the "unfinished quiz" so a reload resumes exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The quiz route (with its seed) this session was drawn from.
    pub route: String,
    pub ids: Vec<String>,
    pub index: usize,
    pub revealed: bool,
    pub grades: Vec<Option<Grade>>,
    #[serde(default)]
    pub notes: String,
    /// The key points ticked for the current question (bit i: key point i), or `None` while
    /// the learner has ticked none: only ticks given are recorded with the grade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticks: Option<u32>,
    /// The last grade, so that it can be taken back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undo: Option<Undo>,
    /// When the current question came on screen (ms since the epoch): its time counts from
    /// here. `None` in sessions saved before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_at: Option<f64>,
    /// Per question, once graded: the seconds it took and the notes written for it (shorter
    /// in sessions saved before they were kept).
    #[serde(default)]
    pub seconds: Vec<Option<u32>>,
    #[serde(default)]
    pub kept_notes: Vec<String>,
    /// Ended early by the learner: the summary covers what was graded.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ended: bool,
    /// Whether its link had no seed and the app drew one (rather than the link giving it):
    /// only such a quiz resumes a seedless link (`seed_to_resume`). `None` in sessions saved
    /// before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed_drawn: Option<bool>,
}

/// What Undo restores: the grade taken back, when it was given (its review's key), and the
/// revealed question's ticks and notes as they were.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Undo {
    pub grade: Grade,
    pub at: f64,
    #[serde(default)]
    pub ticks: Option<u32>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Reveal,
    /// Ticks or unticks key point i ("I said this").
    Tick(usize),
    Grade(Grade),
    /// Takes back the last grade.
    Undo,
    /// Ends the quiz now: the summary shows what was done.
    End,
}

/// What an action did, for the progress record.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Revealed(String),
    Graded {
        id: String,
        grade: Grade,
        at: f64,
        ticks: Option<u32>,
        /// The notes written for this question (empty if none).
        notes: String,
    },
    /// The review of `id` given at `at` was taken back.
    Ungraded {
        id: String,
        at: f64,
    },
}

/// The grade the ticked key points suggest (the learner still chooses): none ticked → Missed
/// it, under half → Partly, half or more → Got it, all → Nailed it.
pub fn suggested_grade(ticked: usize, of: usize) -> Option<Grade> {
    match (ticked, of) {
        (_, 0) => None,
        (0, _) => Some(Grade::Again),
        (t, n) if t >= n => Some(Grade::Easy),
        (t, n) if 2 * t >= n => Some(Grade::Good),
        _ => Some(Grade::Hard),
    }
}

/// The rule of [`suggested_grade`], as the quiz shows it.
pub const SUGGESTION_RULE: &str =
    "Suggested from your ticks: none → Missed it, under half → Partly, half or more → Got it, all → Nailed it.";

impl Session {
    pub fn new(route: String, ids: Vec<String>) -> Session {
        let grades = vec![None; ids.len()];
        Session {
            route,
            ids,
            index: 0,
            revealed: false,
            grades,
            notes: String::new(),
            ticks: None,
            undo: None,
            shown_at: None,
            seconds: Vec::new(),
            kept_notes: Vec::new(),
            ended: false,
            seed_drawn: None,
        }
    }

    /// The same session with its first question on screen from `now`.
    pub fn shown_from(self, now: f64) -> Session {
        Session {
            shown_at: Some(now),
            ..self
        }
    }

    /// Seconds spent on question `i`, once graded.
    pub fn seconds_of(&self, i: usize) -> Option<u32> {
        self.seconds.get(i).copied().flatten()
    }

    /// The notes kept for question `i`, once graded.
    pub fn notes_of(&self, i: usize) -> &str {
        self.kept_notes.get(i).map_or("", String::as_str)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether Undo may take the last grade back. Never in a locked quiz (`lock=1`): each
    /// grade reaches the host page as it is given (`question-graded`), and a careers page acts
    /// on it.
    pub fn may_undo(&self, locked: bool) -> bool {
        self.undo.is_some() && !locked
    }

    /// Every question graded, or the quiz ended early.
    pub fn finished(&self) -> bool {
        self.ended || self.index >= self.ids.len()
    }

    /// How many questions were graded.
    pub fn graded(&self) -> usize {
        self.grades.iter().flatten().count()
    }

    pub fn current(&self) -> Option<&str> {
        if self.ended {
            return None;
        }
        self.ids.get(self.index).map(String::as_str)
    }

    /// A stored session is usable only if its shape is consistent.
    pub fn is_consistent(&self) -> bool {
        self.grades.len() == self.ids.len() && self.index <= self.ids.len()
    }

    /// Applies an action at time `now` (ms); actions that make no sense in the current state
    /// are ignored.
    pub fn apply(&mut self, action: Action, now: f64) -> Option<Effect> {
        if action == Action::Undo {
            return self.undo(now);
        }
        if action == Action::End {
            self.ended = true;
            return None;
        }
        let id = self.current()?.to_owned();
        match action {
            Action::Reveal if !self.revealed => {
                self.revealed = true;
                Some(Effect::Revealed(id))
            }
            Action::Tick(i) if self.revealed && i < Ticks::MAX => {
                self.ticks = Some(self.ticks.unwrap_or(0) ^ (1 << i));
                None
            }
            Action::Grade(grade) if self.revealed => {
                let ticks = self.ticks.take();
                let notes = std::mem::take(&mut self.notes);
                let n = self.ids.len();
                self.seconds.resize(n, None);
                self.kept_notes.resize(n, String::new());
                self.seconds[self.index] = self
                    .shown_at
                    .map(|t| ((now - t).max(0.0) / 1000.0).round() as u32);
                self.kept_notes[self.index].clone_from(&notes);
                self.undo = Some(Undo {
                    grade,
                    at: now,
                    ticks,
                    notes: notes.clone(),
                });
                self.grades[self.index] = Some(grade);
                self.index += 1;
                self.revealed = false;
                self.shown_at = Some(now);
                Some(Effect::Graded {
                    id,
                    grade,
                    at: now,
                    ticks,
                    notes,
                })
            }
            _ => None,
        }
    }

    /// Back to the last graded question, revealed, with its ticks and notes.
    fn undo(&mut self, now: f64) -> Option<Effect> {
        if self.index == 0 || self.index > self.ids.len() {
            return None;
        }
        let undo = self.undo.take()?;
        self.ended = false;
        self.index -= 1;
        self.grades[self.index] = None;
        self.revealed = true;
        self.ticks = undo.ticks;
        self.notes = undo.notes;
        // Its clock goes on from where the grade stopped it.
        let spent = self.seconds.get_mut(self.index).and_then(Option::take);
        self.shown_at = spent.map(|s| now - f64::from(s) * 1000.0);
        if let Some(n) = self.kept_notes.get_mut(self.index) {
            n.clear();
        }
        Some(Effect::Ungraded {
            id: self.ids[self.index].clone(),
            at: undo.at,
        })
    }

    /// Whether key point `i` of the current question is ticked.
    pub fn ticked(&self, i: usize) -> bool {
        self.ticks
            .is_some_and(|said| Ticks::new(said, Ticks::MAX).ticked(i))
    }

    /// The categories of the drawn questions, in bank order (whatever the draw order).
    pub fn categories(&self, bank: &Bank) -> Vec<String> {
        bank.categories
            .iter()
            .filter(|c| {
                self.ids
                    .iter()
                    .any(|id| bank.question(id).is_some_and(|q| q.category == c.slug))
            })
            .map(|c| c.slug.clone())
            .collect()
    }

    /// `quiz-started`, for a session nobody has acted on yet.
    pub fn start_event(&self, bank: &Bank) -> Option<HostEvent> {
        let untouched =
            self.index == 0 && !self.revealed && self.grades.iter().all(Option::is_none);
        untouched.then(|| HostEvent::QuizStarted {
            categories: self.categories(bank),
            questions: self.len(),
        })
    }

    /// Question `i`'s result as host events carry it (none until it is graded).
    pub fn result(&self, bank: &Bank, i: usize) -> Option<QuestionResult> {
        let id = self.ids.get(i)?;
        Some(QuestionResult {
            id: id.clone(),
            category: bank
                .question(id)
                .map_or_else(String::new, |q| q.category.clone()),
            grade: self.grades.get(i).copied().flatten()?.number(),
            seconds: self.seconds_of(i),
        })
    }

    /// `question-graded`, and `quiz-finished` when that grade ended the quiz.
    pub fn host_events_after_grade(&self, bank: &Bank, grade: Grade) -> Vec<HostEvent> {
        let categories = self.categories(bank);
        let graded = self.index.saturating_sub(1);
        let result = self.result(bank, graded);
        let mut events = vec![HostEvent::QuestionGraded {
            categories: categories.clone(),
            question: self.index,
            questions: self.len(),
            grade: grade.number(),
            id: result.as_ref().map(|r| r.id.clone()).unwrap_or_default(),
            category: result
                .as_ref()
                .map(|r| r.category.clone())
                .unwrap_or_default(),
            seconds: result.and_then(|r| r.seconds),
        }];
        if self.finished() {
            events.push(self.finished_event(bank));
        }
        events
    }

    /// `quiz-finished`: the score and each question's result (also when the quiz is ended
    /// early: what was graded).
    pub fn finished_event(&self, bank: &Bank) -> HostEvent {
        let s = self.summary(bank);
        HostEvent::QuizFinished {
            categories: self.categories(bank),
            questions: self.len(),
            points: s.points,
            max_points: s.max_points,
            score: s.percent(),
            results: (0..self.len())
                .filter_map(|i| self.result(bank, i))
                .collect(),
        }
    }

    pub fn summary(&self, bank: &Bank) -> Summary {
        let mut categories: Vec<CategoryScore> = Vec::new();
        let mut missed = Vec::new();
        let mut points = 0;
        let mut graded = 0;
        for (id, grade) in self.ids.iter().zip(&self.grades) {
            let Some(g) = grade else { continue };
            graded += 1;
            points += g.points();
            if g.is_miss() {
                missed.push(id.clone());
            }
            let slug = bank.question(id).map_or("", |q| q.category.as_str());
            let entry = match categories.iter().position(|c| c.slug == slug) {
                Some(i) => &mut categories[i],
                None => {
                    categories.push(CategoryScore {
                        slug: slug.to_owned(),
                        ..CategoryScore::default()
                    });
                    categories.last_mut().expect("just pushed")
                }
            };
            entry.answered += 1;
            entry.points += g.points();
        }
        Summary {
            graded,
            points,
            max_points: graded * 3,
            categories,
            missed,
        }
    }
}

/// The identity of a quiz: its route without display options. Requires a seed.
/// The seed that resumes a seedless `link`: that of the first unfinished quiz in `sessions`
/// (most recent first) whose seed the app drew for the same link. An embed's host page writes
/// its iframe without a seed on every load, so this is how a reload finds the reader's quiz;
/// a quiz whose link gave its seed (another embed's `data-seed`) is that link's, not this one's.
pub fn seed_to_resume<'a>(
    link: &QuizLink,
    sessions: impl IntoIterator<Item = &'a Session>,
) -> Option<String> {
    sessions
        .into_iter()
        .filter(|s| !s.finished())
        .find_map(|s| {
            let crate::link::Page::Quiz(Ok(drawn)) =
                crate::link::parse_hash(&format!("#{}", s.route)).0
            else {
                return None;
            };
            let seed = drawn.seed?;
            // Saved before the mark was kept: a seed of the app's own making counts as drawn.
            if !s
                .seed_drawn
                .unwrap_or_else(|| crate::draw::looks_drawn(&seed))
            {
                return None;
            }
            let same = session_key(&QuizLink {
                seed: Some(seed.clone()),
                ..link.clone()
            }) == s.route;
            same.then_some(seed)
        })
}

pub fn session_key(link: &QuizLink) -> String {
    QuizLink {
        display: Display::default(),
        ..link.clone()
    }
    .route()
}

/// What a review session is drawn from: the learner's progress, the desired retention and
/// the time (ms).
#[derive(Clone, Copy)]
pub struct ReviewBasis<'a> {
    pub progress: &'a Progress,
    pub retention: f32,
    pub now: f64,
}

/// A review session's questions from `pool`: the due ones, most overdue first, then those
/// never graded, shuffled by `seed`. Graded questions whose schedule is not computed yet are
/// left out (the scheduler computes them once it has loaded).
pub fn review_ids(pool: &[String], basis: ReviewBasis, seed: &str) -> Vec<String> {
    let entries = pool.iter().map(|id| {
        let q = basis.progress.questions.get(id);
        let card = q.and_then(|q| q.card(basis.retention));
        let graded = q.is_some_and(|q| !q.grades.is_empty());
        (id.as_str(), card, graded)
    });
    let order = review_order(entries, basis.now);
    let due = order
        .iter()
        .take_while(|id| {
            basis
                .progress
                .questions
                .get(*id)
                .is_some_and(|q| !q.grades.is_empty())
        })
        .count();
    let unseen = draw(&order[due..], order.len() - due, seed);
    order[..due].iter().cloned().chain(unseen).collect()
}

/// The session for a seeded link: the stored one if it is this quiz and still fits the bank,
/// otherwise a fresh draw (for a review link, from `basis`).
/// `seed_drawn`: the app drew `seed` (the link had none); kept with a new session.
pub fn resume_or_draw(
    stored: Option<Session>,
    bank: &Bank,
    link: &QuizLink,
    seed: &str,
    seed_drawn: bool,
    basis: ReviewBasis,
) -> Result<Session, LinkError> {
    let pool = link.pool(bank)?;
    let key = session_key(link);
    if let Some(s) = stored {
        if s.route == key && s.ids.iter().all(|id| bank.question(id).is_some()) {
            return Ok(s);
        }
    }
    let ids = if link.review {
        let mut ids = review_ids(&pool, basis, seed);
        if ids.is_empty() {
            return Err(LinkError::NothingDue);
        }
        ids.truncate(link.count.resolve(ids.len()));
        ids
    } else {
        draw(&pool, link.count.resolve(pool.len()), seed)
    };
    Ok(Session {
        seed_drawn: Some(seed_drawn),
        ..Session::new(key, ids).shown_from(basis.now)
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CategoryScore {
    pub slug: String,
    pub answered: u32,
    pub points: u32,
}

impl CategoryScore {
    pub fn percent(&self) -> u32 {
        percent(self.points, self.answered * 3)
    }
}

/// Score = points / (3 × questions graded), where Missed it = 0, Partly = 1, Got it = 2,
/// Nailed it = 3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub graded: u32,
    pub points: u32,
    pub max_points: u32,
    pub categories: Vec<CategoryScore>,
    pub missed: Vec<String>,
}

impl Summary {
    pub fn percent(&self) -> u32 {
        percent(self.points, self.max_points)
    }
}

/// Rounded percentage; 0 of 0 is 0.
pub fn percent(points: u32, max: u32) -> u32 {
    (points * 100 + max / 2).checked_div(max).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::parse;
    use crate::embed::QuestionResult;

    fn session(n: usize) -> Session {
        Session::new(
            "/quiz/core?seed=x".into(),
            (0..n).map(|i| format!("q{i}")).collect(),
        )
    }

    #[test]
    fn reveal_then_grade_advances() {
        let mut s = session(2);
        assert_eq!(
            s.apply(Action::Grade(Grade::Good), 0.0),
            None,
            "grade before reveal"
        );
        assert_eq!(
            s.apply(Action::Reveal, 0.0),
            Some(Effect::Revealed("q0".into()))
        );
        assert_eq!(
            s.apply(Action::Reveal, 0.0),
            None,
            "second reveal is a no-op"
        );
        s.notes = "my answer".into();
        assert_eq!(
            s.apply(Action::Grade(Grade::Easy), 5.0),
            Some(Effect::Graded {
                id: "q0".into(),
                grade: Grade::Easy,
                at: 5.0,
                ticks: None,
                notes: "my answer".into()
            })
        );
        assert_eq!((s.index, s.revealed, s.notes.as_str()), (1, false, ""));
        s.apply(Action::Reveal, 0.0);
        s.apply(Action::Grade(Grade::Again), 0.0);
        assert!(s.finished());
        assert_eq!(
            s.apply(Action::Reveal, 0.0),
            None,
            "finished quiz ignores actions"
        );
        assert_eq!(s.grades, [Some(Grade::Easy), Some(Grade::Again)]);
    }

    #[test]
    fn a_seedless_link_resumes_the_unfinished_quiz_drawn_from_it() {
        let link = |cats: &str, query: &str| crate::link::parse_quiz(cats, query).unwrap();
        let started = |cats: &str, query: &str| Session {
            seed_drawn: Some(true),
            ..Session::new(session_key(&link(cats, query)), vec!["q".into()])
        };
        let embed = link("core,oop", "n=3&embed=1&theme=dark");
        let mut finished = started("core,oop", "n=3&seed=done");
        finished.ended = true;
        let sessions = [
            started("core", "n=3&seed=other"),
            started("core,oop", "n=4&seed=count"),
            finished,
            started("core,oop", "n=3&seed=mine"),
            started("core,oop", "n=3&seed=older"),
        ];
        assert_eq!(seed_to_resume(&embed, &sessions).as_deref(), Some("mine"));
        assert_eq!(
            seed_to_resume(&embed, &sessions[..3]),
            None,
            "finished or another link"
        );
        assert_eq!(seed_to_resume(&link("dsa", "n=3"), &sessions), None);
        // Another embed's quiz of the same categories, whose link gave its seed: not this one's.
        let given = Session {
            seed_drawn: Some(false),
            ..started("core,oop", "n=3&seed=team1")
        };
        assert_eq!(
            seed_to_resume(&embed, [&given, &sessions[3]]).as_deref(),
            Some("mine")
        );
        // Saved before the mark was kept: only a seed in the app's own format counts as drawn.
        let legacy = |seed: &str| Session {
            seed_drawn: None,
            ..started("core,oop", &format!("n=3&seed={seed}"))
        };
        assert_eq!(
            seed_to_resume(&embed, &[legacy("team1"), legacy("k3x9a0qz")]).as_deref(),
            Some("k3x9a0qz")
        );
    }

    #[test]
    fn a_locked_quiz_never_takes_a_grade_back() {
        let mut s = session(3);
        assert!(!s.may_undo(false), "nothing graded yet");
        s.apply(Action::Reveal, 1.0);
        s.apply(Action::Grade(Grade::Easy), 2.0);
        assert!(s.may_undo(false));
        assert!(!s.may_undo(true), "its grade was reported to the host page");
    }

    #[test]
    fn ticks_are_kept_with_the_grade_and_undo_restores_everything() {
        let mut s = session(2);
        assert_eq!(s.apply(Action::Tick(0), 0.0), None);
        assert_eq!(s.ticks, None, "nothing to tick before the reveal");
        s.apply(Action::Reveal, 0.0);
        s.apply(Action::Tick(0), 0.0);
        s.apply(Action::Tick(2), 0.0);
        s.apply(Action::Tick(0), 0.0);
        assert!(!s.ticked(0) && s.ticked(2));
        s.notes = "said it".into();
        let graded = s.apply(Action::Grade(Grade::Hard), 7.0);
        assert_eq!(
            graded,
            Some(Effect::Graded {
                id: "q0".into(),
                grade: Grade::Hard,
                at: 7.0,
                ticks: Some(0b100),
                notes: "said it".into()
            })
        );
        assert_eq!((s.index, s.ticks, s.notes.as_str()), (1, None, ""));
        assert_eq!(
            s.apply(Action::Undo, 9.0),
            Some(Effect::Ungraded {
                id: "q0".into(),
                at: 7.0
            })
        );
        assert_eq!((s.index, s.revealed), (0, true));
        assert_eq!((s.ticks, s.notes.as_str()), (Some(0b100), "said it"));
        assert_eq!(s.grades, [None, None]);
        assert_eq!(s.apply(Action::Undo, 9.0), None, "one grade back, not two");
        // Undo after the last grade reopens a finished quiz.
        s.apply(Action::Grade(Grade::Good), 10.0);
        s.apply(Action::Reveal, 0.0);
        s.apply(Action::Grade(Grade::Good), 11.0);
        assert!(s.finished());
        s.apply(Action::Undo, 12.0);
        assert!(!s.finished() && s.revealed && s.index == 1);
        assert_eq!(session(1).apply(Action::Undo, 0.0), None, "nothing to undo");
    }

    #[test]
    fn suggested_grade_follows_the_share_ticked() {
        assert_eq!(suggested_grade(0, 0), None);
        assert_eq!(suggested_grade(0, 4), Some(Grade::Again));
        assert_eq!(suggested_grade(1, 4), Some(Grade::Hard));
        assert_eq!(suggested_grade(2, 4), Some(Grade::Good));
        assert_eq!(suggested_grade(2, 5), Some(Grade::Hard));
        assert_eq!(suggested_grade(3, 5), Some(Grade::Good));
        assert_eq!(suggested_grade(5, 5), Some(Grade::Easy));
        assert_eq!(suggested_grade(6, 5), Some(Grade::Easy));
    }

    #[test]
    fn summary_formula_and_missed() {
        let bank = parse(
            r#"{"version":1,"categories":[{"slug":"a","title":"A"},{"slug":"b","title":"B"}],
            "questions":[
             {"id":"q0","category":"a","prompt":"p","difficulty":"junior","answer":"x"},
             {"id":"q1","category":"b","prompt":"p","difficulty":"junior","answer":"x"},
             {"id":"q2","category":"a","prompt":"p","difficulty":"junior","answer":"x"}]}"#,
        )
        .unwrap()
        .bank;
        let mut s = session(3);
        for g in [Grade::Easy, Grade::Hard, Grade::Again] {
            s.apply(Action::Reveal, 0.0);
            s.apply(Action::Grade(g), 0.0);
        }
        let sum = s.summary(&bank);
        assert_eq!((sum.points, sum.max_points, sum.percent()), (4, 9, 44));
        assert_eq!(sum.missed, ["q1", "q2"]);
        assert_eq!(
            sum.categories,
            [
                CategoryScore {
                    slug: "a".into(),
                    answered: 2,
                    points: 3
                },
                CategoryScore {
                    slug: "b".into(),
                    answered: 1,
                    points: 1
                },
            ]
        );
        assert_eq!(sum.categories[0].percent(), 50);
    }

    #[test]
    fn ending_early_keeps_what_was_graded() {
        let mut s = session(4);
        s.apply(Action::Reveal, 0.0);
        s.apply(Action::Grade(Grade::Good), 1.0);
        s.apply(Action::Reveal, 2.0);
        assert_eq!(s.apply(Action::End, 3.0), None);
        assert!(s.finished());
        assert_eq!(s.current(), None);
        assert_eq!(
            s.apply(Action::Grade(Grade::Easy), 4.0),
            None,
            "nothing to grade now"
        );
        assert_eq!(s.graded(), 1);
        let bank = bank_of(4);
        let sum = s.summary(&bank);
        assert_eq!((sum.graded, sum.points), (1, 2));
        // Undo on the summary takes the last grade back into the quiz.
        assert!(s.apply(Action::Undo, 5.0).is_some());
        assert!(!s.finished() && s.revealed && s.index == 0);
    }

    #[test]
    fn host_events() {
        let bank = parse(
            r#"{"version":1,"categories":[{"slug":"a","title":"A"}],"questions":[
             {"id":"q0","category":"a","prompt":"p","difficulty":"junior","answer":"x"},
             {"id":"q1","category":"a","prompt":"p","difficulty":"junior","answer":"x"}]}"#,
        )
        .unwrap()
        .bank;
        let mut s = Session::new("/quiz/a?seed=x".into(), vec!["q1".into(), "q0".into()])
            .shown_from(1_000.0);
        assert_eq!(
            s.start_event(&bank),
            Some(HostEvent::QuizStarted {
                categories: vec!["a".into()],
                questions: 2
            })
        );
        s.apply(Action::Reveal, 2_000.0);
        assert_eq!(
            s.start_event(&bank),
            None,
            "a resumed quiz did not start now"
        );
        s.notes = "private".into();
        s.apply(Action::Grade(Grade::Good), 31_400.0);
        assert_eq!(s.host_events_after_grade(&bank, Grade::Good).len(), 1);
        assert_eq!(s.notes_of(0), "private", "kept for the summary");
        s.apply(Action::Reveal, 40_000.0);
        s.apply(Action::Grade(Grade::Easy), 46_400.0);
        let events = s.host_events_after_grade(&bank, Grade::Easy);
        let results = vec![
            QuestionResult {
                id: "q1".into(),
                category: "a".into(),
                grade: 3,
                seconds: Some(30),
            },
            QuestionResult {
                id: "q0".into(),
                category: "a".into(),
                grade: 4,
                seconds: Some(15),
            },
        ];
        assert_eq!(
            events,
            [
                HostEvent::QuestionGraded {
                    categories: vec!["a".into()],
                    question: 2,
                    questions: 2,
                    grade: 4,
                    id: "q0".into(),
                    category: "a".into(),
                    seconds: Some(15),
                },
                HostEvent::QuizFinished {
                    categories: vec!["a".into()],
                    questions: 2,
                    points: 5,
                    max_points: 6,
                    score: 83,
                    results,
                }
            ]
        );
        assert!(
            !events.iter().any(|e| e.to_message().contains("private")),
            "notes never leave the widget"
        );
        // Undo: the question's clock goes on from its 15 s.
        s.apply(Action::Undo, 50_000.0);
        assert_eq!(s.seconds_of(1), None);
        assert_eq!(s.shown_at, Some(35_000.0));
    }

    /// A bank of `n` questions `q0`… in one category `a`.
    fn bank_of(n: usize) -> Bank {
        let questions: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id":"q{i}","category":"a","prompt":"p","difficulty":"junior","answer":"x"}}"#))
            .collect();
        parse(&format!(
            r#"{{"version":1,"categories":[{{"slug":"a","title":"A"}}],"questions":[{}]}}"#,
            questions.join(",")
        ))
        .unwrap()
        .bank
    }

    fn basis() -> ReviewBasis<'static> {
        static EMPTY: std::sync::LazyLock<Progress> = std::sync::LazyLock::new(Progress::default);
        ReviewBasis {
            progress: &EMPTY,
            retention: 0.9,
            now: 0.0,
        }
    }

    #[test]
    fn a_review_takes_the_due_most_overdue_first_then_the_unseen() {
        use crate::schedule::{Scheduler, DAY_MS};
        let bank = bank_of(5);
        let mut p = Progress::default();
        // q1 graded long ago (most overdue), q3 later, q4 just now (not due); q0, q2 never.
        for (id, day) in [("q3", 10.0), ("q1", 0.0), ("q4", 99.0)] {
            p.record_grade(id, Grade::Good, day * DAY_MS, None);
        }
        let s = Scheduler::new(0.9);
        assert!(s.refresh(&mut p));
        let now = 100.0 * DAY_MS;
        let basis = ReviewBasis {
            progress: &p,
            retention: 0.9,
            now,
        };
        let link = crate::link::parse_hash("#/review/a?seed=r").0;
        let crate::link::Page::Quiz(Ok(link)) = link else {
            panic!()
        };
        let session = resume_or_draw(None, &bank, &link, "r", false, basis).unwrap();
        assert_eq!(&session.ids[..2], ["q1", "q3"]);
        let mut rest = session.ids[2..].to_vec();
        rest.sort();
        assert_eq!(rest, ["q0", "q2"]);
        assert_eq!(session.route, "/review/a?seed=r");
        let short = crate::link::QuizLink {
            count: crate::link::Count::N(1),
            ..link.clone()
        };
        assert_eq!(
            resume_or_draw(None, &bank, &short, "r", false, basis)
                .unwrap()
                .ids,
            ["q1"]
        );
        // Everything graded and nothing due: the link says so.
        for id in ["q0", "q1", "q2", "q3"] {
            p.record_grade(id, Grade::Easy, 100.0 * DAY_MS, None);
        }
        s.refresh(&mut p);
        let basis = ReviewBasis {
            progress: &p,
            retention: 0.9,
            now: 100.0 * DAY_MS,
        };
        assert_eq!(
            resume_or_draw(None, &bank, &link, "r", false, basis),
            Err(LinkError::NothingDue)
        );
    }

    #[test]
    fn resumes_only_the_same_quiz() {
        let bank = bank_of(3);
        let link = crate::link::parse_quiz("a", "n=2&seed=s1&embed=1").unwrap();
        let fresh = resume_or_draw(None, &bank, &link, "s1", false, basis()).unwrap();
        assert_eq!(
            fresh.route, "/quiz/a?n=2&seed=s1",
            "display options are not identity"
        );
        assert_eq!(fresh.len(), 2);
        let mut progressed = fresh.clone();
        progressed.apply(Action::Reveal, 0.0);
        assert_eq!(
            resume_or_draw(Some(progressed.clone()), &bank, &link, "s1", false, basis()).unwrap(),
            progressed
        );
        let other = crate::link::parse_quiz("a", "n=2&seed=s2").unwrap();
        assert!(
            !resume_or_draw(
                Some(progressed.clone()),
                &bank,
                &other,
                "s2",
                false,
                basis()
            )
            .unwrap()
            .revealed
        );
        let mut stale = progressed;
        stale.ids[0] = "gone".into();
        assert_eq!(
            resume_or_draw(Some(stale), &bank, &link, "s1", false, basis()).unwrap(),
            fresh
        );
        let unknown = crate::link::parse_quiz("zzz", "seed=s").unwrap();
        assert!(resume_or_draw(None, &bank, &unknown, "s", false, basis()).is_err());
        let listed = crate::link::parse_quiz("a", "ids=q2,gone&seed=s").unwrap();
        assert_eq!(
            resume_or_draw(None, &bank, &listed, "s", false, basis())
                .unwrap()
                .ids,
            ["q2"]
        );
        assert_eq!(
            listed.unknown_ids(&bank),
            ["gone"],
            "what the set lost is known"
        );
        let none_listed = crate::link::parse_quiz("a", "ids=gone&seed=s").unwrap();
        assert_eq!(
            resume_or_draw(None, &bank, &none_listed, "s", false, basis()),
            Err(crate::link::LinkError::NoListedQuestions)
        );
    }

    #[test]
    fn grades_serialise_as_numbers() {
        assert_eq!(serde_json::to_string(&Grade::Good).unwrap(), "3");
        assert_eq!(serde_json::from_str::<Grade>("4").unwrap(), Grade::Easy);
        assert!(serde_json::from_str::<Grade>("5").is_err());
        assert!(serde_json::from_str::<Grade>("0").is_err());
        assert_eq!(Grade::from_number(0), None);
        assert_eq!(percent(0, 0), 0);
    }
}
