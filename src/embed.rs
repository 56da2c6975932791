//! What the widget tells a host page when it runs in an iframe: its content height (posted by
//! the small script in `index.html`) and these quiz events (posted from Rust). Nothing personal:
//! categories, question ids, counts, grades, seconds spent and the score (never notes).
//!
//! Messages are `{"type": "pyprep:event", "event": "quiz-started" | "question-graded" |
//! "quiz-finished", ...}`; `embed.js` on the host checks the sender and the shape before
//! re-dispatching them as DOM events on the widget's container.

use serde::Serialize;

pub const EVENT_TYPE: &str = "pyprep:event";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum HostEvent {
    QuizStarted {
        categories: Vec<String>,
        questions: usize,
    },
    QuestionGraded {
        categories: Vec<String>,
        /// 1-based position of the graded question.
        question: usize,
        questions: usize,
        grade: u8,
        /// The question's id and category slug.
        id: String,
        category: String,
        /// Seconds from the question coming on screen to its grade (none if unknown).
        seconds: Option<u32>,
    },
    QuizFinished {
        categories: Vec<String>,
        questions: usize,
        points: u32,
        max_points: u32,
        /// Percent, as shown on the summary.
        score: u32,
        /// Each graded question, in quiz order.
        results: Vec<QuestionResult>,
    },
}

/// One graded question, as `quiz-finished` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionResult {
    pub id: String,
    pub category: String,
    /// 1–4: Missed it, Partly, Got it, Nailed it.
    pub grade: u8,
    pub seconds: Option<u32>,
}

#[derive(Serialize)]
struct Message<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    event: &'a HostEvent,
}

impl HostEvent {
    /// The JSON posted to the parent window.
    pub fn to_message(&self) -> String {
        serde_json::to_string(&Message {
            kind: EVENT_TYPE,
            event: self,
        })
        .unwrap_or_default()
    }
}

/// The folder a page is served from (`https://x.org/pyprep/index.html?a#b` →
/// `https://x.org/pyprep/`): where `embed.js` and the widget live.
pub fn folder_of(href: &str) -> String {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    let path = &href[..end];
    match path.rfind('/') {
        Some(i) if i + 1 >= path.len() || !path[..i].ends_with('/') => path[..=i].to_owned(),
        _ => format!("{path}/"),
    }
}

/// Escapes for a double-quoted attribute. `&` stays readable: in an attribute, `&name=` is never
/// taken for a character reference.
fn attr_escape(s: &str) -> String {
    s.replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The default height of a plain iframe embed: enough for a question and a revealed answer's
/// start; the widget scrolls inside it. `embed.js` replaces it with the content height.
pub const IFRAME_HEIGHT: u32 = 640;

/// A plain iframe snippet for `route` (which should carry `embed=1`).
pub fn iframe_snippet(folder: &str, route: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"PyPrep: Python interview practice\" width=\"100%\" height=\"{IFRAME_HEIGHT}\" style=\"border:0;max-width:760px\" loading=\"lazy\" allow=\"clipboard-write; microphone\"></iframe>",
        attr_escape(&format!("{folder}#{route}"))
    )
}

/// A script embed snippet: a placeholder element and `embed.js`.
pub fn script_snippet(folder: &str, categories: &str, count: &str, theme: &str) -> String {
    let mut attrs = String::new();
    if !categories.is_empty() {
        attrs.push_str(&format!(" data-categories=\"{}\"", attr_escape(categories)));
    }
    if !count.is_empty() {
        attrs.push_str(&format!(" data-count=\"{}\"", attr_escape(count)));
    }
    attrs.push_str(&format!(" data-theme=\"{}\"", attr_escape(theme)));
    format!(
        "<div data-pyprep{attrs}></div>\n<script src=\"{}\" async></script>",
        attr_escape(&format!("{folder}embed.js"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_snippets() {
        assert_eq!(folder_of("https://x.org/pyprep/"), "https://x.org/pyprep/");
        assert_eq!(
            folder_of("https://x.org/pyprep/index.html?a=1#/quiz/oop"),
            "https://x.org/pyprep/"
        );
        assert_eq!(
            folder_of("http://127.0.0.1:8080/#/"),
            "http://127.0.0.1:8080/"
        );
        assert_eq!(folder_of("https://x.org"), "https://x.org/");
        assert_eq!(
            iframe_snippet("https://x.org/p/", "/quiz/oop?embed=1"),
            "<iframe src=\"https://x.org/p/#/quiz/oop?embed=1\" title=\"PyPrep: Python interview practice\" width=\"100%\" height=\"640\" style=\"border:0;max-width:760px\" loading=\"lazy\" allow=\"clipboard-write; microphone\"></iframe>"
        );
        assert_eq!(
            script_snippet("https://x.org/p/", "oop,testing", "5", "auto"),
            "<div data-pyprep data-categories=\"oop,testing\" data-count=\"5\" data-theme=\"auto\"></div>\n<script src=\"https://x.org/p/embed.js\" async></script>"
        );
        assert!(!script_snippet("\"><x", "", "", "auto").contains("\"><x"));
    }

    #[test]
    fn messages_have_the_documented_shape() {
        let m = HostEvent::QuizFinished {
            categories: vec!["oop".into()],
            questions: 5,
            points: 10,
            max_points: 15,
            score: 67,
            results: vec![QuestionResult {
                id: "oop-classes".into(),
                category: "oop".into(),
                grade: 3,
                seconds: Some(42),
            }],
        }
        .to_message();
        assert_eq!(
            m,
            r#"{"type":"pyprep:event","event":"quiz-finished","categories":["oop"],"questions":5,"points":10,"max_points":15,"score":67,"results":[{"id":"oop-classes","category":"oop","grade":3,"seconds":42}]}"#
        );
        let s = HostEvent::QuizStarted {
            categories: vec![],
            questions: 3,
        }
        .to_message();
        assert!(s.contains(r#""event":"quiz-started""#), "{s}");
    }
}
