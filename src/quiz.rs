//! The quiz session: a reducer (actions in, state out) and its summary.

use crate::bank::Bank;
use crate::draw::draw;
use crate::embed::HostEvent;
use crate::link::{Display, LinkError, QuizLink};
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Reveal,
    Grade(Grade),
}

/// What an action did, for the progress record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Revealed(String),
    Graded(String, Grade),
}

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
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn finished(&self) -> bool {
        self.index >= self.ids.len()
    }

    pub fn current(&self) -> Option<&str> {
        self.ids.get(self.index).map(String::as_str)
    }

    /// A stored session is usable only if its shape is consistent.
    pub fn is_consistent(&self) -> bool {
        self.grades.len() == self.ids.len() && self.index <= self.ids.len()
    }

    /// Applies an action; actions that make no sense in the current state are ignored.
    pub fn apply(&mut self, action: Action) -> Option<Effect> {
        let id = self.current()?.to_owned();
        match action {
            Action::Reveal if !self.revealed => {
                self.revealed = true;
                Some(Effect::Revealed(id))
            }
            Action::Grade(g) if self.revealed => {
                self.grades[self.index] = Some(g);
                self.index += 1;
                self.revealed = false;
                self.notes.clear();
                Some(Effect::Graded(id, g))
            }
            _ => None,
        }
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

    /// `question-graded`, and `quiz-finished` when that grade ended the quiz.
    pub fn host_events_after_grade(&self, bank: &Bank, grade: Grade) -> Vec<HostEvent> {
        let categories = self.categories(bank);
        let mut events = vec![HostEvent::QuestionGraded {
            categories: categories.clone(),
            question: self.index,
            questions: self.len(),
            grade: grade.number(),
        }];
        if self.finished() {
            let s = self.summary(bank);
            events.push(HostEvent::QuizFinished {
                categories,
                questions: self.len(),
                points: s.points,
                max_points: s.max_points,
                score: s.percent(),
            });
        }
        events
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
pub fn session_key(link: &QuizLink) -> String {
    QuizLink {
        display: Display::default(),
        ..link.clone()
    }
    .route()
}

/// The session for a seeded link: the stored one if it is this quiz and still fits the bank,
/// otherwise a fresh draw.
pub fn resume_or_draw(
    stored: Option<Session>,
    bank: &Bank,
    link: &QuizLink,
    seed: &str,
) -> Result<Session, LinkError> {
    let pool = link.pool(bank)?;
    let key = session_key(link);
    if let Some(s) = stored {
        if s.route == key && s.ids.iter().all(|id| bank.question(id).is_some()) {
            return Ok(s);
        }
    }
    let ids = draw(&pool, link.count.resolve(pool.len()), seed);
    Ok(Session::new(key, ids))
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
            s.apply(Action::Grade(Grade::Good)),
            None,
            "grade before reveal"
        );
        assert_eq!(s.apply(Action::Reveal), Some(Effect::Revealed("q0".into())));
        assert_eq!(s.apply(Action::Reveal), None, "second reveal is a no-op");
        s.notes = "my answer".into();
        assert_eq!(
            s.apply(Action::Grade(Grade::Easy)),
            Some(Effect::Graded("q0".into(), Grade::Easy))
        );
        assert_eq!((s.index, s.revealed, s.notes.as_str()), (1, false, ""));
        s.apply(Action::Reveal);
        s.apply(Action::Grade(Grade::Again));
        assert!(s.finished());
        assert_eq!(
            s.apply(Action::Reveal),
            None,
            "finished quiz ignores actions"
        );
        assert_eq!(s.grades, [Some(Grade::Easy), Some(Grade::Again)]);
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
            s.apply(Action::Reveal);
            s.apply(Action::Grade(g));
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
    fn host_events() {
        let bank = parse(
            r#"{"version":1,"categories":[{"slug":"a","title":"A"}],"questions":[
             {"id":"q0","category":"a","prompt":"p","difficulty":"junior","answer":"x"},
             {"id":"q1","category":"a","prompt":"p","difficulty":"junior","answer":"x"}]}"#,
        )
        .unwrap()
        .bank;
        let mut s = Session::new("/quiz/a?seed=x".into(), vec!["q1".into(), "q0".into()]);
        assert_eq!(
            s.start_event(&bank),
            Some(HostEvent::QuizStarted {
                categories: vec!["a".into()],
                questions: 2
            })
        );
        s.apply(Action::Reveal);
        assert_eq!(
            s.start_event(&bank),
            None,
            "a resumed quiz did not start now"
        );
        s.apply(Action::Grade(Grade::Good));
        assert_eq!(s.host_events_after_grade(&bank, Grade::Good).len(), 1);
        s.apply(Action::Reveal);
        s.apply(Action::Grade(Grade::Easy));
        let events = s.host_events_after_grade(&bank, Grade::Easy);
        assert_eq!(
            events,
            [
                HostEvent::QuestionGraded {
                    categories: vec!["a".into()],
                    question: 2,
                    questions: 2,
                    grade: 4
                },
                HostEvent::QuizFinished {
                    categories: vec!["a".into()],
                    questions: 2,
                    points: 5,
                    max_points: 6,
                    score: 83
                }
            ]
        );
    }

    #[test]
    fn resumes_only_the_same_quiz() {
        let bank = parse(
            r#"{"version":1,"categories":[{"slug":"a","title":"A"}],"questions":[
             {"id":"q0","category":"a","prompt":"p","difficulty":"junior","answer":"x"},
             {"id":"q1","category":"a","prompt":"p","difficulty":"junior","answer":"x"},
             {"id":"q2","category":"a","prompt":"p","difficulty":"junior","answer":"x"}]}"#,
        )
        .unwrap()
        .bank;
        let link = crate::link::parse_quiz("a", "n=2&seed=s1&embed=1").unwrap();
        let fresh = resume_or_draw(None, &bank, &link, "s1").unwrap();
        assert_eq!(
            fresh.route, "/quiz/a?n=2&seed=s1",
            "display options are not identity"
        );
        assert_eq!(fresh.len(), 2);
        let mut progressed = fresh.clone();
        progressed.apply(Action::Reveal);
        assert_eq!(
            resume_or_draw(Some(progressed.clone()), &bank, &link, "s1").unwrap(),
            progressed
        );
        let other = crate::link::parse_quiz("a", "n=2&seed=s2").unwrap();
        assert!(
            !resume_or_draw(Some(progressed.clone()), &bank, &other, "s2")
                .unwrap()
                .revealed
        );
        let mut stale = progressed;
        stale.ids[0] = "gone".into();
        assert_eq!(
            resume_or_draw(Some(stale), &bank, &link, "s1").unwrap(),
            fresh
        );
        let unknown = crate::link::parse_quiz("zzz", "seed=s").unwrap();
        assert!(resume_or_draw(None, &bank, &unknown, "s").is_err());
        let listed = crate::link::parse_quiz("a", "ids=q2,gone&seed=s").unwrap();
        assert_eq!(
            resume_or_draw(None, &bank, &listed, "s").unwrap().ids,
            ["q2"]
        );
        let none_listed = crate::link::parse_quiz("a", "ids=gone&seed=s").unwrap();
        assert_eq!(
            resume_or_draw(None, &bank, &none_listed, "s"),
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
