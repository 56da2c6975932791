//! Mock interviews: the link, the plan (which questions, in which stage, with what suggested
//! time), the clocks, the session reducer and the report.
//!
//! The interview follows the article's shape: openers from `core`, then OOP, data structures
//! and algorithms, libraries, files and exceptions, concurrency, databases, system design
//! (senior level only), testing, and one live-coding challenge last. The length (15, 30 or 45
//! minutes) decides how many questions each stage gets; the seed decides which, like every quiz.
//! Time is always passed in (ms since the epoch), so every rule is tested with a fake clock.

use crate::bank::{Bank, Difficulty, Question};
use crate::draw::{is_valid_seed, seed_from_token, shuffle};
use crate::link::{parse_display, query_pairs, Display, LinkError};
use crate::quiz::{percent, Action, Effect, Grade, Session};
use serde::{Deserialize, Serialize};

/// The interview lengths offered, in minutes.
pub const LENGTHS: [u32; 3] = [15, 30, 45];

/// Interview stages in the article's order: category slugs (public, never renamed).
pub const STAGES: [&str; 10] = [
    "core",
    "oop",
    "dsa",
    "libraries",
    "files",
    "concurrency",
    "databases",
    "design",
    "testing",
    "coding",
];

/// The stage only a senior interview has.
const SENIOR_ONLY: &str = "design";
/// The live-coding stage: one challenge, last.
const CODING: &str = "coding";

/// `#/mock?level=junior|mid|senior&len=15|30|45&seed=…`: every part optional (the setup
/// screen fills what is missing; a complete link without a seed gets one).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MockLink {
    pub level: Option<Difficulty>,
    pub minutes: Option<u32>,
    pub seed: Option<String>,
    pub display: Display,
}

pub fn parse_level(s: &str) -> Option<Difficulty> {
    match s.trim().to_ascii_lowercase().as_str() {
        "junior" => Some(Difficulty::Junior),
        "mid" => Some(Difficulty::Mid),
        "senior" => Some(Difficulty::Senior),
        _ => None,
    }
}

pub fn level_param(level: Difficulty) -> &'static str {
    match level {
        Difficulty::Junior => "junior",
        Difficulty::Mid => "mid",
        Difficulty::Senior => "senior",
    }
}

/// Parses the query of a `#/mock` link.
pub fn parse_mock(query: &str) -> Result<MockLink, LinkError> {
    let mut link = MockLink {
        display: parse_display(query),
        ..MockLink::default()
    };
    for (k, v) in query_pairs(query) {
        match k.as_str() {
            "level" => link.level = Some(parse_level(&v).ok_or(LinkError::BadLevel(v))?),
            "len" => {
                let minutes = v.trim().parse::<u32>().ok().filter(|m| LENGTHS.contains(m));
                link.minutes = Some(minutes.ok_or(LinkError::BadLength(v))?);
            }
            "seed" if is_valid_seed(&v) => link.seed = Some(v),
            "seed" => return Err(LinkError::BadSeed(v)),
            _ => {}
        }
    }
    Ok(link)
}

impl MockLink {
    /// `/mock?level=…&len=…&seed=…` plus display options.
    pub fn route(&self) -> String {
        let mut params = Vec::new();
        if let Some(l) = self.level {
            params.push(format!("level={}", level_param(l)));
        }
        if let Some(m) = self.minutes {
            params.push(format!("len={m}"));
        }
        if let Some(s) = &self.seed {
            params.push(format!("seed={s}"));
        }
        params.extend(crate::link::display_params(&self.display));
        if params.is_empty() {
            "/mock".to_owned()
        } else {
            format!("/mock?{}", params.join("&"))
        }
    }

    /// The interview's identity: its route without display options.
    pub fn key(&self) -> String {
        MockLink {
            display: Display::default(),
            ..self.clone()
        }
        .route()
    }

    /// Level, length and seed, when the link has all three.
    pub fn complete(&self) -> Option<(Difficulty, u32, &str)> {
        Some((self.level?, self.minutes?, self.seed.as_deref()?))
    }
}

/// Suggested time for a spoken answer, from the question's difficulty: about a minute of
/// answer plus thinking, reveal and grading.
pub fn answer_secs(d: Difficulty) -> u32 {
    match d {
        Difficulty::Junior => 90,
        Difficulty::Mid => 120,
        Difficulty::Senior => 180,
    }
}

/// Suggested time for the live-coding challenge, from its difficulty, at most 40% of the
/// interview.
pub fn challenge_secs(d: Difficulty, minutes: u32) -> u32 {
    let by_difficulty = match d {
        Difficulty::Junior => 8 * 60,
        Difficulty::Mid => 12 * 60,
        Difficulty::Senior => 15 * 60,
    };
    by_difficulty.min(minutes * 60 * 2 / 5)
}

/// How far a question's difficulty is from the interview's level (0 = the level itself); a
/// junior interview reaches up before a senior one reaches down.
fn fit(level: Difficulty, d: Difficulty) -> u8 {
    use Difficulty::*;
    match (level, d) {
        (Junior, Junior) | (Mid, Mid) | (Senior, Senior) => 0,
        (Junior, Mid) | (Mid, Junior) | (Senior, Mid) => 1,
        _ => 2,
    }
}

/// One planned question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    pub id: String,
    /// The stage: a category slug of [`STAGES`].
    pub stage: String,
    pub suggested_secs: u32,
}

/// A stage's candidates: best fit for the level first, shuffled by the seed within a fit.
fn candidates<'a>(bank: &'a Bank, slug: &str, level: Difficulty, seed: &str) -> Vec<&'a Question> {
    let mut qs: Vec<&Question> = bank
        .questions
        .iter()
        .filter(|q| q.category == slug)
        .collect();
    // Each stage shuffles with its own stream, so one stage's size never changes another's draw.
    shuffle(&mut qs, seed_from_token(&format!("{seed}/{slug}")));
    qs.sort_by_key(|q| fit(level, q.difficulty));
    qs
}

/// The interview's questions in stage order, the challenge last. Stages take turns (in order)
/// at one more question each while the time left allows it, so a short interview covers the
/// first stages and a long one all of them, the openers more than once.
pub fn plan(bank: &Bank, level: Difficulty, minutes: u32, seed: &str) -> Vec<PlanItem> {
    let challenge = candidates(bank, CODING, level, seed)
        .into_iter()
        .find(|q| q.challenge.is_some());
    let mut budget = minutes * 60;
    let coding = challenge.map(|q| PlanItem {
        id: q.id.clone(),
        stage: CODING.to_owned(),
        suggested_secs: challenge_secs(q.difficulty, minutes),
    });
    budget -= coding.as_ref().map_or(0, |c| c.suggested_secs);
    let stages: Vec<(&str, Vec<&Question>)> = STAGES
        .iter()
        .filter(|&&s| s != CODING && (s != SENIOR_ONLY || level == Difficulty::Senior))
        .map(|&s| (s, candidates(bank, s, level, seed)))
        .collect();
    let mut taken = vec![0usize; stages.len()];
    loop {
        let mut added = false;
        for (i, (_, qs)) in stages.iter().enumerate() {
            if let Some(q) = qs.get(taken[i]) {
                let secs = answer_secs(q.difficulty);
                if secs <= budget {
                    budget -= secs;
                    taken[i] += 1;
                    added = true;
                }
            }
        }
        if !added {
            break;
        }
    }
    stages
        .iter()
        .zip(taken)
        .flat_map(|((slug, qs), n)| {
            qs[..n].iter().map(move |q| PlanItem {
                id: q.id.clone(),
                stage: (*slug).to_owned(),
                suggested_secs: answer_secs(q.difficulty),
            })
        })
        .chain(coding)
        .collect()
}

/// A clock that can pause: time banked so far, plus the run since `since` while running.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Stopwatch {
    pub banked_ms: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<f64>,
}

impl Stopwatch {
    pub fn started(now: f64) -> Stopwatch {
        Stopwatch {
            banked_ms: 0.0,
            since: Some(now),
        }
    }

    /// Elapsed ms; a clock that went backwards counts nothing rather than negative time.
    pub fn elapsed(&self, now: f64) -> f64 {
        self.banked_ms + self.since.map_or(0.0, |s| (now - s).max(0.0))
    }

    pub fn running(&self) -> bool {
        self.since.is_some()
    }

    pub fn pause(&mut self, now: f64) {
        self.banked_ms = self.elapsed(now);
        self.since = None;
    }

    pub fn resume(&mut self, now: f64) {
        if self.since.is_none() {
            self.since = Some(now);
        }
    }
}

/// `m:ss` (or `h:mm:ss`) for a duration in ms, rounded down to the second.
pub fn clock_text(ms: f64) -> String {
    let s = (ms.max(0.0) / 1000.0) as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// `m:ss` for whole seconds (the report's and the dashboard's times).
pub fn secs_text(secs: u32) -> String {
    clock_text(f64::from(secs) * 1000.0)
}

/// A spoken duration for screen readers: "2 minutes 5 seconds".
pub fn spoken_duration(ms: f64) -> String {
    let s = (ms.max(0.0) / 1000.0) as u64;
    let unit = |n: u64, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    match (s / 60, s % 60) {
        (0, sec) => unit(sec, "second"),
        (min, 0) => unit(min, "minute"),
        (min, sec) => format!("{} {}", unit(min, "minute"), unit(sec, "second")),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MockAction {
    Quiz(Action),
    Pause,
    Resume,
    /// Ends the interview now: the report covers what was graded.
    End,
}

/// An interview in progress, saved on every change so a reload resumes it (clocks included:
/// a running clock keeps its start time, so the reload's seconds count, as they would in a
/// real interview).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MockSession {
    /// The link's key (level, length, seed).
    pub route: String,
    pub level: Difficulty,
    pub minutes: u32,
    pub started_at: f64,
    pub plan: Vec<PlanItem>,
    /// Reveal, ticks, grades, notes and undo: the quiz's reducer over the plan's ids.
    pub quiz: Session,
    /// Time spent on each question (banked when it is graded).
    pub spent_ms: Vec<f64>,
    /// The whole interview.
    pub clock: Stopwatch,
    /// The current question.
    pub question: Stopwatch,
    /// Set when the interview ended (last grade or End).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<f64>,
}

impl MockSession {
    pub fn new(link: &MockLink, bank: &Bank, now: f64) -> Result<MockSession, LinkError> {
        let (level, minutes, seed) = link.complete().ok_or(LinkError::NoQuestions)?;
        let plan = plan(bank, level, minutes, seed);
        if plan.is_empty() {
            return Err(LinkError::NoQuestions);
        }
        let route = link.key();
        let quiz = Session::new(route.clone(), plan.iter().map(|p| p.id.clone()).collect());
        Ok(MockSession {
            spent_ms: vec![0.0; plan.len()],
            route,
            level,
            minutes,
            started_at: now,
            plan,
            quiz,
            clock: Stopwatch::started(now),
            question: Stopwatch::started(now),
            ended_at: None,
        })
    }

    /// A stored interview is usable only if its parts agree and its questions still exist.
    pub fn fits(&self, bank: &Bank) -> bool {
        self.quiz.is_consistent()
            && self.plan.len() == self.quiz.len()
            && self.spent_ms.len() == self.plan.len()
            && self
                .plan
                .iter()
                .zip(&self.quiz.ids)
                .all(|(p, id)| &p.id == id && bank.question(id).is_some())
    }

    pub fn ended(&self) -> bool {
        self.ended_at.is_some()
    }

    pub fn paused(&self) -> bool {
        !self.ended() && !self.clock.running()
    }

    pub fn current(&self) -> Option<&PlanItem> {
        (!self.ended()).then(|| self.plan.get(self.quiz.index))?
    }

    /// Time on the current question.
    pub fn question_ms(&self, now: f64) -> f64 {
        self.question.elapsed(now)
    }

    /// Over the current question's suggested time.
    pub fn question_over(&self, now: f64) -> bool {
        self.current()
            .is_some_and(|p| self.question_ms(now) > f64::from(p.suggested_secs) * 1000.0)
    }

    pub fn total_ms(&self, now: f64) -> f64 {
        self.clock.elapsed(now)
    }

    pub fn total_over(&self, now: f64) -> bool {
        self.total_ms(now) > f64::from(self.minutes) * 60_000.0
    }

    /// Applies an action at `now`; returns what the quiz reducer did, for the progress record.
    /// While paused only Resume and End act (the questions stay hidden).
    pub fn apply(&mut self, action: MockAction, now: f64) -> Option<Effect> {
        if self.ended() {
            // Undo on the report takes the last grade back into the interview.
            if action != MockAction::Quiz(Action::Undo) {
                return None;
            }
        }
        match action {
            MockAction::Pause if !self.paused() => {
                self.clock.pause(now);
                self.question.pause(now);
                None
            }
            MockAction::Resume => {
                self.clock.resume(now);
                self.question.resume(now);
                None
            }
            MockAction::End if !self.ended() => {
                self.finish(now);
                None
            }
            MockAction::Quiz(_) if self.paused() => None,
            MockAction::Quiz(a) => {
                let index = self.quiz.index;
                let effect = self.quiz.apply(a, now);
                match effect {
                    Some(Effect::Graded { .. }) => {
                        self.spent_ms[index] += self.question.elapsed(now);
                        if self.quiz.finished() {
                            self.finish(now);
                        } else {
                            self.enter_question(now);
                        }
                    }
                    Some(Effect::Ungraded { .. }) => {
                        self.enter_question(now);
                        if self.ended_at.take().is_some() {
                            self.clock.resume(now);
                        }
                    }
                    _ => {}
                }
                effect
            }
            _ => None,
        }
    }

    /// The current question's clock starts, going on from the time already spent on it: a
    /// question left by Undo, or the one on screen when the interview was ended and then
    /// reopened by Undo (so its clock and the report agree).
    fn enter_question(&mut self, now: f64) {
        let i = self.quiz.index;
        self.question = Stopwatch {
            banked_ms: std::mem::take(&mut self.spent_ms[i]),
            since: Some(now),
        };
    }

    fn finish(&mut self, now: f64) {
        if self.clock.running() {
            self.clock.pause(now);
        }
        if !self.quiz.finished() {
            // The question on screen when the interview ended (running or paused): its time
            // counts, ungraded.
            self.spent_ms[self.quiz.index] += self.question.elapsed(now);
        }
        self.question = Stopwatch::default();
        self.ended_at = Some(now);
    }

    /// What is kept in progress once the interview has ended.
    pub fn record(&self) -> Option<MockRecord> {
        let ended = self.ended_at?;
        Some(MockRecord {
            at: self.started_at,
            ended,
            level: self.level,
            minutes: self.minutes,
            route: self.route.clone(),
            // Whole seconds as the clocks show them (rounded down).
            total_secs: (self.clock.banked_ms / 1000.0).floor() as u32,
            items: self
                .plan
                .iter()
                .zip(&self.quiz.grades)
                .zip(&self.spent_ms)
                .map(|((p, g), ms)| MockItem {
                    id: p.id.clone(),
                    stage: p.stage.clone(),
                    grade: *g,
                    spent_secs: (ms / 1000.0).floor() as u32,
                    suggested_secs: p.suggested_secs,
                })
                .collect(),
        })
    }
}

/// One finished interview, as kept in progress (and exported with it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MockRecord {
    /// Started at (ms since the epoch): with `route`, the record's identity.
    pub at: f64,
    pub ended: f64,
    pub level: Difficulty,
    pub minutes: u32,
    pub route: String,
    pub total_secs: u32,
    pub items: Vec<MockItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MockItem {
    pub id: String,
    pub stage: String,
    /// `None`: the interview ended before this question was graded.
    #[serde(default)]
    pub grade: Option<Grade>,
    pub spent_secs: u32,
    pub suggested_secs: u32,
}

/// How one stage went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageScore {
    pub stage: String,
    pub graded: u32,
    pub points: u32,
    pub spent_secs: u32,
    pub suggested_secs: u32,
}

impl StageScore {
    pub fn percent(&self) -> u32 {
        percent(self.points, self.graded * 3)
    }
}

/// The report of a finished interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub graded: u32,
    pub points: u32,
    /// Stages with at least one graded question, worst first (lowest score, then most over
    /// time), ties in interview order.
    pub stages: Vec<StageScore>,
    /// Graded Missed it or Partly: the one-click practice quiz.
    pub weak: Vec<String>,
    /// Questions that went over their suggested time.
    pub over_time: usize,
    pub unanswered: usize,
}

impl Report {
    pub fn percent(&self) -> u32 {
        percent(self.points, self.graded * 3)
    }
}

impl MockRecord {
    pub fn report(&self) -> Report {
        let mut stages: Vec<StageScore> = Vec::new();
        let mut weak = Vec::new();
        for item in &self.items {
            let Some(g) = item.grade else { continue };
            if g.is_miss() {
                weak.push(item.id.clone());
            }
            let s = match stages.iter().position(|s| s.stage == item.stage) {
                Some(i) => &mut stages[i],
                None => {
                    stages.push(StageScore {
                        stage: item.stage.clone(),
                        graded: 0,
                        points: 0,
                        spent_secs: 0,
                        suggested_secs: 0,
                    });
                    stages.last_mut().expect("just pushed")
                }
            };
            s.graded += 1;
            s.points += g.points();
            s.spent_secs += item.spent_secs;
            s.suggested_secs += item.suggested_secs;
        }
        // Stable: equal stages keep interview order.
        stages.sort_by(|a, b| {
            (a.points * b.graded.max(1) * 3)
                .cmp(&(b.points * a.graded.max(1) * 3))
                .then(
                    (b.spent_secs.saturating_sub(b.suggested_secs))
                        .cmp(&a.spent_secs.saturating_sub(a.suggested_secs)),
                )
        });
        let graded = self.items.iter().filter(|i| i.grade.is_some()).count() as u32;
        Report {
            graded,
            points: self
                .items
                .iter()
                .filter_map(|i| i.grade)
                .map(Grade::points)
                .sum(),
            stages,
            weak,
            over_time: self
                .items
                .iter()
                .filter(|i| i.spent_secs > i.suggested_secs)
                .count(),
            unanswered: self.items.len() - graded as usize,
        }
    }
}

/// Adds `record` to `records` unless it is already there (same start and route: the same
/// interview saved twice, or imported back); newest last.
pub fn add_record(records: &mut Vec<MockRecord>, record: MockRecord) {
    if let Some(old) = records
        .iter_mut()
        .find(|r| r.at == record.at && r.route == record.route)
    {
        // The later ending wins (an undo on the report, then a new last grade), so merging
        // in either order gives the same records.
        if record.ended > old.ended {
            *old = record;
        }
    } else {
        records.push(record);
        records.sort_by(|a, b| a.at.total_cmp(&b.at));
    }
    if records.len() > MOCK_LIMIT {
        records.drain(..records.len() - MOCK_LIMIT);
    }
}

/// Most interviews kept.
pub const MOCK_LIMIT: usize = 100;

/// The finished interviews, oldest first, as stored (`pyprep.v1.mocks`) and exported with
/// progress.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MockHistory {
    #[serde(default)]
    pub records: Vec<MockRecord>,
}

impl MockHistory {
    /// The union with `records` (each interview once, the later ending winning): commutative
    /// and idempotent, like progress's merge.
    pub fn merge(&mut self, records: &[MockRecord]) {
        for r in records {
            add_record(&mut self.records, r.clone());
        }
    }

    /// How many of `records` are not here yet (the import preview).
    pub fn new_in(&self, records: &[MockRecord]) -> usize {
        records
            .iter()
            .filter(|m| {
                !self
                    .records
                    .iter()
                    .any(|c| c.at == m.at && c.route == m.route)
            })
            .count()
    }
}

/// The mock interviews of an export file (see `progress::export`); records that don't read
/// are left out, a file without any gives none. Called after `progress::import` accepted it.
pub fn import_records(text: &str) -> Vec<MockRecord> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for raw in value
        .get("mocks")
        .and_then(serde_json::Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Ok(r) = serde_json::from_value::<MockRecord>(raw.clone()) {
            add_record(&mut out, r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::parse;

    fn bank() -> Bank {
        parse(include_str!("../questions.json")).unwrap().bank
    }

    fn total(plan: &[PlanItem]) -> u32 {
        plan.iter().map(|p| p.suggested_secs).sum()
    }

    #[test]
    fn links_round_trip_and_reject_nonsense() {
        let l = parse_mock("level=senior&len=45&seed=abc&theme=dark").unwrap();
        assert_eq!(l.level, Some(Difficulty::Senior));
        assert_eq!(l.minutes, Some(45));
        assert_eq!(l.seed.as_deref(), Some("abc"));
        assert_eq!(parse_mock(&l.route()[6..]).unwrap(), l);
        assert_eq!(l.key(), "/mock?level=senior&len=45&seed=abc");
        assert_eq!(parse_mock("").unwrap(), MockLink::default());
        assert_eq!(MockLink::default().route(), "/mock");
        assert_eq!(
            parse_mock("level=guru"),
            Err(LinkError::BadLevel("guru".into()))
        );
        assert_eq!(parse_mock("len=20"), Err(LinkError::BadLength("20".into())));
        assert_eq!(
            parse_mock("seed=a b"),
            Err(LinkError::BadSeed("a b".into()))
        );
        assert!(parse_mock("utm=x&level=MID").unwrap().level == Some(Difficulty::Mid));
    }

    #[test]
    fn every_preset_and_level_plans_within_its_time() {
        let bank = bank();
        for level in [Difficulty::Junior, Difficulty::Mid, Difficulty::Senior] {
            let mut sizes = Vec::new();
            for minutes in LENGTHS {
                let p = plan(&bank, level, minutes, "seed1");
                assert!(total(&p) <= minutes * 60, "{level:?} {minutes}: over time");
                assert!(
                    total(&p) + 180 > minutes * 60,
                    "{level:?} {minutes}: {} s left unused",
                    minutes * 60 - total(&p)
                );
                let last = p.last().unwrap();
                assert_eq!(last.stage, "coding", "the challenge comes last");
                assert!(bank.question(&last.id).unwrap().challenge.is_some());
                assert_eq!(p.iter().filter(|i| i.stage == "coding").count(), 1);
                assert_eq!(p[0].stage, "core", "openers first");
                // Stages appear in the article's order.
                let order: Vec<usize> = p
                    .iter()
                    .map(|i| STAGES.iter().position(|s| *s == i.stage).unwrap())
                    .collect();
                assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
                let mut ids: Vec<_> = p.iter().map(|i| &i.id).collect();
                ids.sort();
                ids.dedup();
                assert_eq!(ids.len(), p.len(), "no question twice");
                assert_eq!(
                    p.iter().any(|i| i.stage == "design"),
                    level == Difficulty::Senior && minutes >= 30,
                    "{level:?} {minutes}: system design only for seniors"
                );
                sizes.push(p.len());
            }
            assert!(
                sizes.windows(2).all(|w| w[0] < w[1]),
                "{level:?}: {sizes:?}"
            );
        }
    }

    #[test]
    fn the_level_chooses_the_questions() {
        let bank = bank();
        let count = |level, d| {
            plan(&bank, level, 30, "s")
                .iter()
                .filter(|i| bank.question(&i.id).unwrap().difficulty == d)
                .count()
        };
        let junior_plan = plan(&bank, Difficulty::Junior, 30, "s").len();
        assert!(count(Difficulty::Junior, Difficulty::Junior) * 2 >= junior_plan);
        assert_eq!(count(Difficulty::Junior, Difficulty::Senior), 0);
        // The shipped bank has few senior questions: a senior interview takes them first.
        assert!(count(Difficulty::Senior, Difficulty::Senior) >= 2);
        assert!(
            count(Difficulty::Senior, Difficulty::Junior)
                < count(Difficulty::Junior, Difficulty::Junior)
        );
        let junior15 = plan(&bank, Difficulty::Junior, 15, "s");
        assert!(junior15.len() >= 4, "{junior15:?}");
        assert_eq!(
            total(&junior15[..junior15.len() - 1]) + 360,
            total(&junior15)
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_interview() {
        let bank = bank();
        let a = plan(&bank, Difficulty::Mid, 30, "x1");
        assert_eq!(a, plan(&bank, Difficulty::Mid, 30, "x1"));
        let differs = (0..10).any(|i| plan(&bank, Difficulty::Mid, 30, &format!("y{i}")) != a);
        assert!(differs, "seeds change the draw");
    }

    #[test]
    fn stopwatch_pauses_and_never_runs_backwards() {
        let mut w = Stopwatch::started(1_000.0);
        assert_eq!(w.elapsed(4_000.0), 3_000.0);
        w.pause(4_000.0);
        assert_eq!(w.elapsed(60_000.0), 3_000.0, "paused");
        w.resume(10_000.0);
        w.resume(11_000.0);
        assert_eq!(
            w.elapsed(12_000.0),
            5_000.0,
            "a second resume changes nothing"
        );
        assert_eq!(
            w.elapsed(9_000.0),
            3_000.0,
            "a clock set back counts nothing"
        );
        assert_eq!(clock_text(65_999.0), "1:05");
        assert_eq!(clock_text(3_725_000.0), "1:02:05");
        assert_eq!(spoken_duration(125_000.0), "2 minutes 5 seconds");
        assert_eq!(spoken_duration(60_000.0), "1 minute");
        assert_eq!(spoken_duration(1_000.0), "1 second");
    }

    fn session() -> (Bank, MockSession) {
        let bank = bank();
        let link = parse_mock("level=junior&len=15&seed=t").unwrap();
        let s = MockSession::new(&link, &bank, 0.0).unwrap();
        (bank, s)
    }

    fn grade(s: &mut MockSession, g: Grade, now: f64) {
        s.apply(MockAction::Quiz(Action::Reveal), now);
        assert!(matches!(
            s.apply(MockAction::Quiz(Action::Grade(g)), now),
            Some(Effect::Graded { .. })
        ));
    }

    #[test]
    fn timers_follow_questions_pauses_and_undo() {
        let (bank, mut s) = session();
        assert!(s.fits(&bank));
        let first = s.plan[0].suggested_secs as f64 * 1000.0;
        assert!(!s.question_over(first));
        assert!(s.question_over(first + 1.0), "over its suggested time");
        grade(&mut s, Grade::Good, 30_000.0);
        assert_eq!(s.spent_ms[0], 30_000.0);
        assert_eq!(
            s.question_ms(40_000.0),
            10_000.0,
            "the next question's clock"
        );
        s.apply(MockAction::Pause, 40_000.0);
        assert!(s.paused());
        assert_eq!(
            s.apply(MockAction::Quiz(Action::Reveal), 41_000.0),
            None,
            "nothing happens while paused"
        );
        s.apply(MockAction::Resume, 100_000.0);
        assert_eq!(s.total_ms(100_000.0), 40_000.0, "the pause isn't counted");
        assert_eq!(s.question_ms(105_000.0), 15_000.0);
        s.apply(MockAction::Quiz(Action::Undo), 105_000.0);
        assert_eq!(s.quiz.index, 0);
        assert_eq!(s.spent_ms[0], 0.0);
        assert_eq!(
            s.question_ms(106_000.0),
            31_000.0,
            "back on question 1, its clock goes on"
        );
    }

    #[test]
    fn a_whole_interview_reports_worst_stages_and_weak_questions() {
        let (bank, mut s) = session();
        let n = s.plan.len();
        let mut now = 0.0;
        for i in 0..n {
            now += 60_000.0;
            let g = if s.plan[i].stage == "oop" {
                Grade::Again
            } else {
                Grade::Good
            };
            grade(&mut s, g, now);
        }
        assert!(s.ended());
        assert_eq!(s.apply(MockAction::Pause, now + 1.0), None);
        let record = s.record().unwrap();
        assert_eq!(record.total_secs as f64, now / 1000.0);
        let r = record.report();
        assert_eq!(r.graded as usize, n);
        assert_eq!(r.stages[0].stage, "oop", "the worst stage first");
        assert_eq!(
            r.weak.len(),
            s.plan.iter().filter(|p| p.stage == "oop").count()
        );
        assert_eq!(r.unanswered, 0);
        assert!(
            r.over_time <= 1,
            "only the 90 s questions run over at 60 s each? none do"
        );
        assert!(bank.question(&r.weak[0]).is_some());
    }

    #[test]
    fn ending_early_keeps_what_was_done() {
        let (_, mut s) = session();
        grade(&mut s, Grade::Hard, 20_000.0);
        s.apply(MockAction::End, 50_000.0);
        assert!(s.ended());
        assert!(s.current().is_none());
        let record = s.record().unwrap();
        assert_eq!(
            record.items[1].spent_secs, 30,
            "the open question's time counts"
        );
        assert_eq!(record.items[1].grade, None);
        let r = record.report();
        assert_eq!((r.graded, r.unanswered), (1, s.plan.len() - 1));
        assert_eq!(r.weak, vec![s.plan[0].id.clone()]);
        // Undo on the report reopens the interview at the last graded question.
        s.apply(MockAction::Quiz(Action::Undo), 60_000.0);
        assert!(!s.ended());
        assert_eq!(s.quiz.index, 0);
        // Paused, then ended: the paused question's time counts too.
        let (_, mut paused) = session();
        paused.apply(MockAction::Pause, 30_000.0);
        paused.apply(MockAction::End, 90_000.0);
        assert_eq!(paused.record().unwrap().items[0].spent_secs, 30);
        // The question that was open at End goes on from its 30 s, on its clock and in the
        // report alike (not counted twice).
        grade(&mut s, Grade::Good, 61_000.0);
        assert_eq!(
            s.question_ms(61_000.0),
            30_000.0,
            "its clock picks up its time"
        );
        grade(&mut s, Grade::Good, 66_000.0);
        s.apply(MockAction::End, 70_000.0);
        assert_eq!(s.record().unwrap().items[1].spent_secs, 35);
    }

    #[test]
    fn records_are_kept_once_newest_last() {
        let (_, mut s) = session();
        s.apply(MockAction::End, 10.0);
        let r = s.record().unwrap();
        let mut all = Vec::new();
        add_record(&mut all, r.clone());
        add_record(&mut all, r.clone());
        assert_eq!(all.len(), 1);
        let older = MockRecord { at: -5.0, ..r };
        add_record(&mut all, older);
        assert_eq!(all[0].at, -5.0);
    }

    #[test]
    fn records_travel_with_export_and_import() {
        let (_, mut s) = session();
        grade(&mut s, Grade::Good, 5_000.0);
        s.apply(MockAction::End, 9_000.0);
        let mut history = MockHistory::default();
        history.merge(&[s.record().unwrap()]);
        let progress = crate::progress::Progress::default();
        let file = crate::progress::export(&progress, &history.records, 1.0);
        assert!(crate::progress::import(&file, 9_000.0).is_ok());
        let back = import_records(&file);
        assert_eq!(back, history.records);
        assert_eq!(MockHistory::default().new_in(&back), 1);
        assert_eq!(history.new_in(&back), 0);
        let mut merged = history.clone();
        merged.merge(&back);
        assert_eq!(merged, history, "merging is idempotent");
        assert!(import_records("{\"mocks\": [{\"at\": \"x\"}]}").is_empty());
        assert!(import_records("not json").is_empty());
    }
}
