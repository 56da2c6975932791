//! The link contract (see GUIDE.md): parse and format quiz links.
//!
//! `#/quiz/<slug>[,<slug>…]` or `#/quiz/all`, then an optional query:
//! `n=<count>|all`, `seed=<token>`, `ids=<id>[,<id>…]` (exactly these questions: "practice the
//! missed ones"), and display options `embed=1`, `theme=light|dark|auto`, `accent=<hex colour>`.
//! Unknown parameters are ignored (newer links keep opening in older builds); a bad count,
//! seed or category list is an error with a message, never a panic.

use crate::bank::{is_valid_slug, Bank, Difficulty};
use crate::draw::is_valid_seed;
use std::fmt;

pub const DEFAULT_COUNT: usize = 10;
pub const MAX_COUNT: usize = 999;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    All,
    /// Deduplicated slugs in the order given.
    Some(Vec<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Count {
    #[default]
    Default,
    All,
    N(usize),
}

impl Count {
    /// How many questions to draw from a pool of `available`.
    pub fn resolve(self, available: usize) -> usize {
        match self {
            Count::Default => DEFAULT_COUNT.min(available),
            Count::All => available,
            Count::N(n) => n.min(available),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn parse(s: &str) -> Option<Theme> {
        match s {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// How the page is shown; carried through every link the app builds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Display {
    pub embed: bool,
    pub theme: Theme,
    /// A validated `#rgb` / `#rrggbb` colour, without the `#`.
    pub accent: Option<String>,
    /// `bg=transparent`: no page background, so an embed takes its host's.
    pub transparent: bool,
    /// `lock=1`: the reader can't leave this quiz (no category change, no new quiz, no site
    /// bar): a careers page's fixed quiz.
    pub lock: bool,
    /// `title=` and `intro=`: the quiz header's own words (plain text, cut to
    /// [`TITLE_MAX`] / [`INTRO_MAX`] characters).
    pub title: Option<String>,
    pub intro: Option<String>,
}

pub const TITLE_MAX: usize = 80;
pub const INTRO_MAX: usize = 240;

/// Free text from a link, made safe to show: control and bidi characters dropped, spaces
/// collapsed, cut to `max` characters; empty is none.
fn link_text(raw: &str, max: usize) -> Option<String> {
    let cleaned: String = shown(raw)
        .chars()
        .map(|c| if c == '\u{fffd}' { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut cut: String = cleaned.chars().take(max).collect();
    if cleaned.chars().count() > max {
        // Cut at the last word that fits, and say so.
        cut = match cut.rfind(' ') {
            Some(i) if i > max / 2 => cut[..i].to_owned(),
            _ => cut.chars().take(max - 1).collect(),
        };
        cut.push('…');
    }
    (!cut.is_empty()).then_some(cut)
}

/// Percent-encodes a query value: everything but unreserved characters (RFC 3986).
pub fn encode_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizLink {
    pub selection: Selection,
    pub count: Count,
    pub seed: Option<String>,
    pub ids: Option<Vec<String>>,
    pub display: Display,
    /// `#/review/<slugs>`: a review session (the due questions, most overdue first, then
    /// questions never graded) instead of a random draw. Same parameters as a quiz.
    pub review: bool,
    /// `level=junior,mid`: only questions of these difficulties (none: all).
    pub levels: Option<Vec<Difficulty>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    NoCategories,
    BadSlug(String),
    UnknownCategories(Vec<String>),
    BadCount(String),
    BadSeed(String),
    BadIds(String),
    NoQuestions,
    /// None of the link's `ids` is a question of its categories.
    NoListedQuestions,
    /// The categories hold questions, but none of the link's levels.
    NoQuestionsAtLevel,
    /// A review link: nothing in these categories is due, and every question has been graded.
    NothingDue,
    /// A mock interview's `level`.
    BadLevel(String),
    /// A mock interview's `len`.
    BadLength(String),
    /// `#/challenge/<id>`: no live-coding challenge has this id.
    NoChallenge(String),
}

/// Text from a link, made safe to quote in a message: control and bidirectional formatting
/// characters (which could reverse the rest of the sentence) become U+FFFD.
pub fn shown(text: &str) -> String {
    text.chars()
        .map(|c| {
            let bidi = matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            if bidi || c.is_control() {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// The most characters of link text an error message quotes.
pub const QUOTED_MAX: usize = 60;

/// Link text as an error message quotes it: [`shown`], and cut to [`QUOTED_MAX`] characters
/// ending in "…" when longer, so an over-long link can't push the way home out of sight.
pub fn quoted(text: &str) -> String {
    if text.chars().nth(QUOTED_MAX).is_none() {
        return shown(text);
    }
    let mut cut = shown(&text.chars().take(QUOTED_MAX - 1).collect::<String>());
    cut.push('…');
    cut
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NoCategories => write!(f, "This link names no category."),
            LinkError::BadSlug(s) => write!(f, "“{}” is not a category name.", quoted(s)),
            LinkError::UnknownCategories(s) => match s.as_slice() {
                [one] => write!(f, "There is no category called “{}”.", quoted(one)),
                many => write!(
                    f,
                    "There are no categories called “{}”.",
                    quoted(&many.join("”, “"))
                ),
            },
            LinkError::BadCount(n) => write!(
                f,
                "“{}” is not a question count: use a whole number from 1 to {MAX_COUNT}, or “all”.",
                quoted(n)
            ),
            LinkError::BadSeed(s) => write!(
                f,
                "“{}” is not a valid seed: use up to 64 letters, digits, “-” or “_”.",
                quoted(s)
            ),
            LinkError::BadIds(s) => {
                write!(f, "“{}” is not a valid list of question ids.", quoted(s))
            }
            LinkError::NoQuestions => write!(f, "These categories hold no questions yet."),
            LinkError::NoQuestionsAtLevel => write!(
                f,
                "These categories have no questions at the levels this link asks for: choose other levels or categories."
            ),
            LinkError::NoListedQuestions => write!(
                f,
                "None of the questions this link lists is in this question bank (or in the categories it names)."
            ),
            LinkError::NothingDue => write!(
                f,
                "Nothing in these categories is due for review yet, and you have graded every question in them."
            ),
            LinkError::BadLevel(l) => write!(
                f,
                "“{}” is not an interview level: use junior, mid or senior.",
                quoted(l)
            ),
            LinkError::BadLength(n) => write!(
                f,
                "“{}” is not an interview length: use 15, 30 or 45 (minutes).",
                quoted(n)
            ),
            LinkError::NoChallenge(id) => write!(
                f,
                "This question bank has no live-coding challenge “{}”.",
                quoted(id)
            ),
        }
    }
}

/// Decodes `%XX` escapes and `+`; invalid escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `a=1&b=2` → pairs, decoded. A leading `?` is allowed.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(p), String::new()),
        })
        .collect()
}

fn slug_list(raw: &str, err: fn(String) -> LinkError) -> Result<Vec<String>, LinkError> {
    let mut out: Vec<String> = Vec::new();
    for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let part = part.to_ascii_lowercase();
        if !is_valid_slug(&part) {
            return Err(err(part));
        }
        if !out.contains(&part) {
            out.push(part);
        }
    }
    Ok(out)
}

/// Display options only: used by every screen, and never an error (bad values fall back).
pub fn parse_display(query: &str) -> Display {
    let mut d = Display::default();
    for (k, v) in query_pairs(query) {
        match k.as_str() {
            "embed" => d.embed = matches!(v.as_str(), "1" | "true" | "yes"),
            "theme" => d.theme = Theme::parse(&v).unwrap_or_default(),
            "accent" => d.accent = valid_accent(&v),
            "bg" => d.transparent = v == "transparent",
            "lock" => d.lock = matches!(v.as_str(), "1" | "true" | "yes"),
            "title" => d.title = link_text(&v, TITLE_MAX),
            "intro" => d.intro = link_text(&v, INTRO_MAX),
            _ => {}
        }
    }
    d
}

/// Relative luminance (WCAG) of a validated accent, `rgb` or `rrggbb`.
fn luminance(hex: &str) -> f64 {
    let full: String = if hex.len() == 3 {
        hex.chars().flat_map(|c| [c, c]).collect()
    } else {
        hex.to_owned()
    };
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(full.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0))
            / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

/// WCAG contrast ratio of two luminances.
fn contrast(a: f64, b: f64) -> f64 {
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The text colour (near-black or white) with the better contrast on a validated accent.
pub fn text_on_accent(hex: &str) -> &'static str {
    let l = luminance(hex);
    // Near-black is #0f1217 (luminance ≈ 0.006).
    if contrast(l, 1.0) >= contrast(l, 0.006) {
        "#ffffff"
    } else {
        "#0f1217"
    }
}

/// Whether a validated accent reads as text (links, the score) on the light theme's pages
/// (`dark == false`, worst case #f6f7f9) or the dark theme's cards (worst case #171b22): at
/// least 4.5:1. If not, that theme keeps its own link colour.
pub fn accent_reads_as_text(hex: &str, dark: bool) -> bool {
    let background = if dark { 0.0108 } else { 0.9295 };
    contrast(luminance(hex), background) >= 4.5
}

fn valid_accent(v: &str) -> Option<String> {
    let hex = v.trim_start_matches('#');
    (matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| hex.to_ascii_lowercase())
}

/// Parses the category segment (`oop,testing` or `all`) and the query string of a quiz link.
pub fn parse_quiz(categories: &str, query: &str) -> Result<QuizLink, LinkError> {
    let selection = parse_selection(categories)?;
    let mut link = QuizLink {
        selection,
        count: Count::Default,
        seed: None,
        ids: None,
        display: parse_display(query),
        review: false,
        levels: None,
    };
    for (k, v) in query_pairs(query) {
        match k.as_str() {
            "n" => {
                link.count = if v.eq_ignore_ascii_case("all") {
                    Count::All
                } else {
                    match v.trim().parse::<usize>() {
                        Ok(n) if (1..=MAX_COUNT).contains(&n) => Count::N(n),
                        _ => return Err(LinkError::BadCount(v)),
                    }
                }
            }
            "seed" if is_valid_seed(&v) => link.seed = Some(v),
            "seed" => return Err(LinkError::BadSeed(v)),
            "level" => {
                let mut levels = Vec::new();
                for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    let l = crate::mock::parse_level(part)
                        .ok_or_else(|| LinkError::BadLevel(part.to_owned()))?;
                    if !levels.contains(&l) {
                        levels.push(l);
                    }
                }
                levels.sort_by_key(|l| *l as u8);
                // Every level is no filter; none is a mistake.
                link.levels = match levels.len() {
                    0 => return Err(LinkError::BadLevel(v)),
                    3 => None,
                    _ => Some(levels),
                };
            }
            "ids" => {
                let ids = slug_list(&v, LinkError::BadIds)?;
                if ids.is_empty() {
                    return Err(LinkError::BadIds(v));
                }
                link.ids = Some(ids);
            }
            _ => {}
        }
    }
    Ok(link)
}

pub fn display_params(d: &Display) -> Vec<String> {
    let mut out = Vec::new();
    if d.embed {
        out.push("embed=1".to_owned());
    }
    if d.theme != Theme::Auto {
        out.push(format!("theme={}", d.theme.as_str()));
    }
    if let Some(a) = &d.accent {
        out.push(format!("accent={a}"));
    }
    if d.transparent {
        out.push("bg=transparent".to_owned());
    }
    if d.lock {
        out.push("lock=1".to_owned());
    }
    if let Some(t) = &d.title {
        out.push(format!("title={}", encode_value(t)));
    }
    if let Some(t) = &d.intro {
        out.push(format!("intro={}", encode_value(t)));
    }
    out
}

fn with_query(path: String, params: Vec<String>) -> String {
    if params.is_empty() {
        path
    } else {
        format!("{path}?{}", params.join("&"))
    }
}

impl QuizLink {
    /// The category path segment: `all` or `a,b`.
    pub fn categories_segment(&self) -> String {
        self.selection.segment()
    }

    /// The route with its query, as it goes after `#`: `/quiz/oop?n=5&seed=x`.
    pub fn route(&self) -> String {
        let mut params = Vec::new();
        match self.count {
            Count::Default => {}
            Count::All => params.push("n=all".to_owned()),
            Count::N(n) => params.push(format!("n={n}")),
        }
        if let Some(s) = &self.seed {
            params.push(format!("seed={s}"));
        }
        if let Some(ids) = &self.ids {
            params.push(format!("ids={}", ids.join(",")));
        }
        if let Some(levels) = &self.levels {
            let names: Vec<_> = levels
                .iter()
                .map(|&l| crate::mock::level_param(l))
                .collect();
            params.push(format!("level={}", names.join(",")));
        }
        params.extend(display_params(&self.display));
        let kind = if self.review { "review" } else { "quiz" };
        with_query(format!("/{kind}/{}", self.categories_segment()), params)
    }

    /// The same quiz with a fresh draw each visit: no seed, no id list. A quiz of listed ids
    /// ("Practice the missed ones", which takes all of them) becomes a quiz of its categories
    /// at the default count, not all of their questions.
    pub fn without_seed(&self) -> QuizLink {
        QuizLink {
            seed: None,
            ids: None,
            count: if self.ids.is_some() {
                Count::Default
            } else {
                self.count
            },
            ..self.clone()
        }
    }

    /// Slugs of the selected categories, validated against the bank.
    pub fn resolve_categories(&self, bank: &Bank) -> Result<Vec<String>, LinkError> {
        self.selection.resolve(bank)
    }

    /// The listed ids (`ids=`) this bank has no question for, in the order given.
    pub fn unknown_ids(&self, bank: &Bank) -> Vec<String> {
        self.ids
            .iter()
            .flatten()
            .filter(|id| bank.question(id).is_none())
            .cloned()
            .collect()
    }

    /// The pool of question ids this link draws from, in bank order.
    pub fn pool(&self, bank: &Bank) -> Result<Vec<String>, LinkError> {
        let slugs = self.resolve_categories(bank)?;
        let pool: Vec<String> = bank
            .questions_in(&slugs)
            .filter(|q| self.ids.as_ref().is_none_or(|ids| ids.contains(&q.id)))
            .filter(|q| {
                self.levels
                    .as_ref()
                    .is_none_or(|l| l.contains(&q.difficulty))
            })
            .map(|q| q.id.clone())
            .collect();
        if pool.is_empty() && self.ids.is_some() {
            Err(LinkError::NoListedQuestions)
        } else if pool.is_empty()
            && self.levels.is_some()
            && bank.questions_in(&slugs).next().is_some()
        {
            Err(LinkError::NoQuestionsAtLevel)
        } else if pool.is_empty() {
            Err(LinkError::NoQuestions)
        } else {
            Ok(pool)
        }
    }
}

/// A screen, decided from the URL fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    /// `#/quiz/<slugs>` and `#/review/<slugs>`.
    Quiz(Result<QuizLink, LinkError>),
    /// `#/progress`: the dashboard.
    Progress,
    /// `#/study/<slugs>`: every question of those categories on one page.
    Study(Result<Selection, LinkError>),
    /// `#/mock?level=&len=&seed=`: a mock interview (or its setup, while the link is partial).
    Mock(Result<crate::mock::MockLink, LinkError>),
    /// `#/challenge` (the list) and `#/challenge/<question id>`: live coding.
    Challenge(Option<String>),
    NotFound(String),
}

/// The category segment of a link: `all` or a list of slugs.
fn parse_selection(categories: &str) -> Result<Selection, LinkError> {
    let categories = percent_decode(categories);
    if categories.trim().eq_ignore_ascii_case("all") {
        return Ok(Selection::All);
    }
    let slugs = slug_list(&categories, LinkError::BadSlug)?;
    if slugs.is_empty() {
        Err(LinkError::NoCategories)
    } else {
        Ok(Selection::Some(slugs))
    }
}

impl Selection {
    /// As it goes in a link: `all` or `a,b`.
    pub fn segment(&self) -> String {
        match self {
            Selection::All => "all".to_owned(),
            Selection::Some(s) => s.join(","),
        }
    }

    /// The selected slugs, validated against the bank.
    pub fn resolve(&self, bank: &Bank) -> Result<Vec<String>, LinkError> {
        match self {
            Selection::All => Ok(bank.slugs()),
            Selection::Some(slugs) => {
                let unknown: Vec<String> = slugs
                    .iter()
                    .filter(|s| bank.category(s).is_none())
                    .cloned()
                    .collect();
                if unknown.is_empty() {
                    Ok(slugs.clone())
                } else {
                    Err(LinkError::UnknownCategories(unknown))
                }
            }
        }
    }
}

/// The study page of these categories, with display options: `/study/oop?theme=dark`.
pub fn study_route(selection: &Selection, display: &Display) -> String {
    with_query(
        format!("/study/{}", selection.segment()),
        display_params(display),
    )
}

/// The dashboard, with display options.
pub fn progress_route(display: &Display) -> String {
    with_query("/progress".to_owned(), display_params(display))
}

/// A quiz of exactly these questions (in this order of preference; drawn as a quiz is).
pub fn quiz_of(bank: &Bank, ids: &[String], display: &Display) -> String {
    let slugs = bank
        .categories
        .iter()
        .filter(|c| {
            ids.iter()
                .any(|id| bank.question(id).is_some_and(|q| q.category == c.slug))
        })
        .map(|c| c.slug.clone())
        .collect();
    QuizLink {
        selection: Selection::Some(slugs),
        count: Count::All,
        seed: None,
        ids: Some(ids.to_vec()),
        display: display.clone(),
        review: false,
        levels: None,
    }
    .route()
}

/// `/challenge/<id>` (or the list, `/challenge`) with display options kept.
pub fn challenge_route(id: Option<&str>, display: &Display) -> String {
    let path = id.map_or("/challenge".to_owned(), |id| format!("/challenge/{id}"));
    with_query(path, display_params(display))
}

/// Parses a whole fragment (`#/quiz/oop?n=5`, with or without `#`). Total: any input gives a
/// page, and display options are read whatever the page.
pub fn parse_hash(hash: &str) -> (Page, Display) {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
    let display = parse_display(query);
    let trimmed = path.trim_end_matches('/');
    let page = if trimmed.is_empty() {
        Page::Home
    } else if let Some(cats) = trimmed.strip_prefix("/quiz/") {
        Page::Quiz(parse_quiz(cats, query))
    } else if let Some(cats) = trimmed.strip_prefix("/review/") {
        Page::Quiz(parse_quiz(cats, query).map(|link| QuizLink {
            review: true,
            ..link
        }))
    } else if trimmed == "/quiz" || trimmed == "/review" {
        Page::Quiz(Err(LinkError::NoCategories))
    } else if trimmed == "/progress" {
        Page::Progress
    } else if let Some(cats) = trimmed.strip_prefix("/study/") {
        Page::Study(parse_selection(cats))
    } else if trimmed == "/study" {
        Page::Study(Ok(Selection::All))
    } else if trimmed == "/mock" {
        Page::Mock(crate::mock::parse_mock(query))
    } else if trimmed == "/challenge" {
        Page::Challenge(None)
    } else if let Some(id) = trimmed.strip_prefix("/challenge/") {
        Page::Challenge(Some(percent_decode(id)))
    } else {
        Page::NotFound(percent_decode(path))
    };
    (page, display)
}

/// The home route with display options kept.
pub fn home_route(display: &Display) -> String {
    with_query("/".to_owned(), display_params(display))
}

/// An error page's way home: none in a locked quiz (`lock=1`: nothing leads away from it, not
/// even a link that doesn't work).
pub fn error_home(display: &Display) -> Option<String> {
    (!display.lock).then(|| home_route(display))
}

/// What an error page says: `reason`, and in a locked quiz, which has no way home, who can mend
/// it.
pub fn error_text(reason: &str, display: &Display) -> String {
    if display.lock {
        format!("{reason} Please tell the owner of this page.")
    } else {
        reason.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(s: &[&str]) -> Selection {
        Selection::Some(s.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn parses_the_contract() {
        let l = parse_quiz("oop,testing", "n=5&seed=abc").unwrap();
        assert_eq!(l.selection, some(&["oop", "testing"]));
        assert_eq!(l.count, Count::N(5));
        assert_eq!(l.seed.as_deref(), Some("abc"));
        assert_eq!(parse_quiz("all", "").unwrap().selection, Selection::All);
        assert_eq!(parse_quiz("ALL", "n=all").unwrap().count, Count::All);
        assert_eq!(
            parse_quiz("oop%2Ccore,oop", "").unwrap().selection,
            some(&["oop", "core"])
        );
        let d = parse_quiz("core", "?embed=1&theme=dark&accent=%23FF8800&utm=x")
            .unwrap()
            .display;
        assert_eq!(
            d,
            Display {
                embed: true,
                theme: Theme::Dark,
                accent: Some("ff8800".into()),
                ..Display::default()
            }
        );
        assert_eq!(parse_display("theme=purple&accent=red"), Display::default());
        let careers = parse_display(
            "lock=1&bg=transparent&title=Acme%20%E2%80%94%20Python%20screen&intro=%20Five%0Aquestions.%E2%80%AE",
        );
        assert!(careers.lock && careers.transparent);
        assert_eq!(careers.title.as_deref(), Some("Acme — Python screen"));
        assert_eq!(
            careers.intro.as_deref(),
            Some("Five questions."),
            "controls and bidi overrides dropped, spaces collapsed"
        );
        let long = parse_display(&format!("title={}", "x".repeat(500)))
            .title
            .unwrap();
        assert_eq!(long.chars().count(), TITLE_MAX, "cut, with an ellipsis");
        assert!(long.ends_with('…'));
        let words = parse_display(&format!("title={}", "word%20".repeat(40)))
            .title
            .unwrap();
        assert!(words.ends_with("word…"), "cut between words: {words}");
        assert_eq!(parse_display("title=%20%20").title, None);
    }

    #[test]
    fn the_level_filter_round_trips_and_filters() {
        let l = parse_quiz("core", "level=Mid,junior,mid").unwrap();
        assert_eq!(l.levels, Some(vec![Difficulty::Junior, Difficulty::Mid]));
        assert_eq!(l.route(), "/quiz/core?level=junior,mid");
        assert_eq!(parse_quiz("core", &l.route()[11..]).unwrap(), l);
        assert_eq!(
            parse_quiz("core", "level=junior,mid,senior")
                .unwrap()
                .levels,
            None,
            "every level is no filter"
        );
        assert_eq!(
            parse_quiz("core", "level=expert"),
            Err(LinkError::BadLevel("expert".into()))
        );
        assert!(matches!(
            parse_quiz("core", "level=,"),
            Err(LinkError::BadLevel(_))
        ));
        let bank = crate::bank::parse(include_str!("../questions.json"))
            .unwrap()
            .bank;
        let senior = parse_quiz("all", "level=senior")
            .unwrap()
            .pool(&bank)
            .unwrap();
        assert!(!senior.is_empty());
        assert!(senior
            .iter()
            .all(|id| bank.question(id).unwrap().difficulty == Difficulty::Senior));
        assert_eq!(
            parse_quiz("core", "level=senior").unwrap().pool(&bank),
            Err(LinkError::NoQuestionsAtLevel),
            "core has no senior question"
        );
    }

    #[test]
    fn rejects_garbage_with_a_reason() {
        assert_eq!(parse_quiz("", ""), Err(LinkError::NoCategories));
        assert_eq!(parse_quiz(",,", ""), Err(LinkError::NoCategories));
        assert!(matches!(parse_quiz("o o", ""), Err(LinkError::BadSlug(_))));
        assert!(matches!(
            parse_quiz("core", "n=0"),
            Err(LinkError::BadCount(_))
        ));
        assert!(matches!(
            parse_quiz("core", "n=-3"),
            Err(LinkError::BadCount(_))
        ));
        assert!(matches!(
            parse_quiz("core", "n=1000"),
            Err(LinkError::BadCount(_))
        ));
        assert!(matches!(
            parse_quiz("core", "n=ten"),
            Err(LinkError::BadCount(_))
        ));
        assert!(matches!(
            parse_quiz("core", "seed=a%20b"),
            Err(LinkError::BadSeed(_))
        ));
        assert!(matches!(
            parse_quiz("core", "seed="),
            Err(LinkError::BadSeed(_))
        ));
        assert!(matches!(
            parse_quiz("core", "ids="),
            Err(LinkError::BadIds(_))
        ));
        for e in [
            LinkError::UnknownCategories(vec!["x".into()]),
            LinkError::UnknownCategories(vec!["x".into(), "y".into()]),
            LinkError::BadCount("0".into()),
        ] {
            assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn format_round_trips() {
        let links = [
            parse_quiz("oop,testing", "n=5&seed=abc").unwrap(),
            parse_quiz("all", "n=all&embed=1&theme=light&accent=0af").unwrap(),
            parse_quiz("core", "ids=core-a,core-b&seed=z").unwrap(),
            parse_quiz("dsa", "").unwrap(),
        ];
        for l in links {
            let route = l.route();
            let (path, query) = route.split_once('?').unwrap_or((&route, ""));
            let cats = path.strip_prefix("/quiz/").unwrap();
            assert_eq!(parse_quiz(cats, query).unwrap(), l, "{route}");
        }
        assert_eq!(
            parse_quiz("oop", "seed=abc&n=5")
                .unwrap()
                .without_seed()
                .route(),
            "/quiz/oop?n=5"
        );
        assert_eq!(
            parse_quiz("core,oop", "n=all&ids=core-a,oop-b&seed=abc")
                .unwrap()
                .without_seed()
                .route(),
            "/quiz/core,oop",
            "practice becomes a normal quiz of its categories"
        );
        assert_eq!(home_route(&parse_display("embed=1")), "/?embed=1");
        assert_eq!(home_route(&Display::default()), "/");
    }

    #[test]
    fn hashes_map_to_pages() {
        assert_eq!(parse_hash("").0, Page::Home);
        assert_eq!(parse_hash("#/").0, Page::Home);
        assert!(parse_hash("#/?embed=1").1.embed);
        assert_eq!(
            parse_hash("#/quiz/oop?n=5").0,
            Page::Quiz(parse_quiz("oop", "n=5"))
        );
        assert_eq!(
            parse_hash("#/quiz/oop/").0,
            Page::Quiz(parse_quiz("oop", ""))
        );
        assert_eq!(
            parse_hash("#/quiz").0,
            Page::Quiz(Err(LinkError::NoCategories))
        );
        assert_eq!(parse_hash("#/nowhere").0, Page::NotFound("/nowhere".into()));
        let review = parse_hash("#/review/oop,core?n=5&seed=x").0;
        let Page::Quiz(Ok(r)) = review else {
            panic!("{review:?}")
        };
        assert!(r.review);
        assert_eq!(r.route(), "/review/oop,core?n=5&seed=x");
        assert_eq!(r.without_seed().route(), "/review/oop,core?n=5");
        assert_eq!(parse_hash("#/progress").0, Page::Progress);
        assert_eq!(parse_hash("#/progress/?theme=dark").0, Page::Progress);
        assert_eq!(
            parse_hash("#/study/oop,dsa").0,
            Page::Study(Ok(some(&["oop", "dsa"])))
        );
        assert_eq!(parse_hash("#/study").0, Page::Study(Ok(Selection::All)));
        assert_eq!(
            parse_hash("#/study/o%20p").0,
            Page::Study(Err(LinkError::BadSlug("o p".into())))
        );
        assert_eq!(
            study_route(&some(&["oop"]), &parse_display("theme=dark")),
            "/study/oop?theme=dark"
        );
        assert_eq!(parse_hash("#anchor").0, Page::NotFound("anchor".into()));
    }

    #[test]
    fn quoted_link_text_cannot_reorder_a_message() {
        let e = parse_quiz("core", "n=\u{202e}12x").unwrap_err();
        assert_eq!(
            e.to_string(),
            "“\u{fffd}12x” is not a question count: use a whole number from 1 to 999, or “all”."
        );
        assert_eq!(shown("a\u{2066}b\nc"), "a\u{fffd}b\u{fffd}c");
    }

    #[test]
    fn a_locked_quiz_has_no_way_home_even_from_an_error() {
        let (_, open) = parse_hash("#/quiz/core?embed=1&theme=dark");
        assert_eq!(error_home(&open), Some(home_route(&open)));
        assert_eq!(error_text("Bad link.", &open), "Bad link.");
        let (_, locked) = parse_hash("#/quiz/core?embed=1&lock=1");
        assert_eq!(error_home(&locked), None);
        assert_eq!(
            error_text("Bad link.", &locked),
            "Bad link. Please tell the owner of this page."
        );
    }

    #[test]
    fn quoted_link_text_is_cut_to_a_line() {
        let exact = "é".repeat(QUOTED_MAX);
        assert_eq!(quoted(&exact), exact);
        let cut = quoted(&"x".repeat(100_000));
        assert_eq!(cut.chars().count(), QUOTED_MAX);
        assert!(cut.ends_with("xx…"));
        let e = parse_quiz("core", &format!("seed={}", "x".repeat(100_000))).unwrap_err();
        assert!(e.to_string().chars().count() < QUOTED_MAX + 80, "{e}");
        // A cut never splits a character, and what it keeps is still made safe.
        assert_eq!(
            quoted(&"😀".repeat(QUOTED_MAX + 1)),
            format!("{}…", "😀".repeat(QUOTED_MAX - 1))
        );
        assert!(quoted(&format!("\u{202e}{}", "x".repeat(100))).starts_with('\u{fffd}'));
    }

    #[test]
    fn accent_text_is_readable() {
        assert_eq!(text_on_accent("0a7d38"), "#ffffff");
        assert_eq!(text_on_accent("2160c4"), "#ffffff");
        assert_eq!(text_on_accent("ffcc00"), "#0f1217");
        assert_eq!(text_on_accent("fff"), "#0f1217");
        assert_eq!(text_on_accent("000"), "#ffffff");
        // Links: black is fine on light pages, unreadable on dark ones; yellow the reverse.
        assert!(accent_reads_as_text("000000", false));
        assert!(!accent_reads_as_text("000000", true));
        assert!(!accent_reads_as_text("ffff00", false));
        assert!(accent_reads_as_text("ffff00", true));
        assert!(
            accent_reads_as_text("2160c4", false),
            "the default light accent"
        );
        assert!(
            accent_reads_as_text("6d9eff", true),
            "the default dark accent"
        );
    }

    #[test]
    fn counts() {
        assert_eq!(Count::Default.resolve(49), 10);
        assert_eq!(Count::Default.resolve(4), 4);
        assert_eq!(Count::All.resolve(49), 49);
        assert_eq!(Count::N(20).resolve(7), 7);
    }

    #[test]
    fn percent_decoding_is_total() {
        assert_eq!(percent_decode("a%2Cb+c"), "a,b c");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%e2%80%9c"), "“");
        assert_eq!(percent_decode("%ff"), "\u{fffd}");
    }
}
