//! What the widget tells a host page when it runs in an iframe: its content height (posted by
//! the small script in `index.html`) and these quiz events (posted from Rust). Nothing personal:
//! categories, question ids, counts, grades, seconds spent and the score (never notes).
//!
//! Messages are `{"type": "pyprep:event", "event": "quiz-started" | "question-graded" |
//! "quiz-finished", ...}`; `embed.js` on the host checks the sender and the shape before
//! re-dispatching them as DOM events on the widget's container.

use crate::link::{Count, Display, QuizLink, Theme};
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

/// The `color-scheme` a host should give the iframe of a transparent widget: a frame whose
/// colour scheme differs from its element's gets an opaque backdrop from the browser (CSS Color
/// Adjustment), so the host's background would not show through.
pub fn frame_color_scheme(d: &Display) -> Option<&'static str> {
    d.transparent.then_some(match d.theme {
        Theme::Auto => "light dark",
        Theme::Light => "light",
        Theme::Dark => "dark",
    })
}

/// A plain iframe snippet for `route` (which should carry `embed=1` and `display`'s options).
pub fn iframe_snippet(folder: &str, route: &str, display: &Display) -> String {
    let scheme = frame_color_scheme(display)
        .map(|s| format!(";color-scheme:{s}"))
        .unwrap_or_default();
    format!(
        "<iframe src=\"{}\" title=\"PyPrep: Python interview practice\" width=\"100%\" height=\"{IFRAME_HEIGHT}\" style=\"border:0;max-width:760px{scheme}\" loading=\"lazy\" allow=\"clipboard-write; microphone\"></iframe>",
        attr_escape(&format!("{folder}#{route}"))
    )
}

/// Escapes free text (a title, an intro) for a double-quoted attribute: `&` too, so the text
/// reads back exactly as written.
fn text_escape(s: &str) -> String {
    attr_escape(&s.replace('&', "&amp;"))
}

/// A script embed snippet for `link`: a placeholder element whose `data-*` attributes say what
/// its route says (categories, count, level, seed or ids, and the display options), and
/// `embed.js`. `embed.js` maps the attributes back to the same route.
pub fn script_snippet(folder: &str, link: &QuizLink) -> String {
    let mut attrs = vec![("categories", attr_escape(&link.categories_segment()))];
    match link.count {
        Count::Default => {}
        Count::All => attrs.push(("count", "all".to_owned())),
        Count::N(n) => attrs.push(("count", n.to_string())),
    }
    if let Some(levels) = &link.levels {
        let names: Vec<_> = levels
            .iter()
            .map(|&l| crate::mock::level_param(l))
            .collect();
        attrs.push(("level", names.join(",")));
    }
    if let Some(seed) = &link.seed {
        attrs.push(("seed", attr_escape(seed)));
    }
    if let Some(ids) = &link.ids {
        attrs.push(("ids", attr_escape(&ids.join(","))));
    }
    let d = &link.display;
    attrs.push(("theme", d.theme.as_str().to_owned()));
    if let Some(accent) = &d.accent {
        attrs.push(("accent", format!("#{}", attr_escape(accent))));
    }
    if d.transparent {
        attrs.push(("transparent", "1".to_owned()));
    }
    if d.lock {
        attrs.push(("lock", "1".to_owned()));
    }
    if let Some(t) = &d.title {
        attrs.push(("title", text_escape(t)));
    }
    if let Some(t) = &d.intro {
        attrs.push(("intro", text_escape(t)));
    }
    let attrs: String = attrs
        .iter()
        .map(|(k, v)| format!(" data-{k}=\"{v}\""))
        .collect();
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
            iframe_snippet("https://x.org/p/", "/quiz/oop?embed=1", &Display::default()),
            "<iframe src=\"https://x.org/p/#/quiz/oop?embed=1\" title=\"PyPrep: Python interview practice\" width=\"100%\" height=\"640\" style=\"border:0;max-width:760px\" loading=\"lazy\" allow=\"clipboard-write; microphone\"></iframe>"
        );
        let see_through = Display {
            transparent: true,
            theme: Theme::Dark,
            ..Display::default()
        };
        assert!(
            iframe_snippet("https://x.org/p/", "/quiz/oop?embed=1", &see_through)
                .contains("style=\"border:0;max-width:760px;color-scheme:dark\"")
        );
        let link = crate::link::parse_quiz("oop,testing", "n=5").unwrap();
        assert_eq!(
            script_snippet("https://x.org/p/", &link),
            "<div data-pyprep data-categories=\"oop,testing\" data-count=\"5\" data-theme=\"auto\"></div>\n<script src=\"https://x.org/p/embed.js\" async></script>"
        );
        assert!(!script_snippet("\"><x", &link).contains("\"><x"));
    }

    #[test]
    fn script_snippets_carry_every_choice() {
        let link = crate::link::parse_quiz(
            "testing",
            "n=4&seed=abc&level=junior,mid&theme=dark&accent=0a7d38&bg=transparent&lock=1&title=Acme%20%26%20%22Co%22&intro=%3Cb%3EHi%3C%2Fb%3E",
        )
        .unwrap();
        assert_eq!(
            script_snippet("https://x.org/p/", &link),
            "<div data-pyprep data-categories=\"testing\" data-count=\"4\" data-level=\"junior,mid\" data-seed=\"abc\" data-theme=\"dark\" data-accent=\"#0a7d38\" data-transparent=\"1\" data-lock=\"1\" data-title=\"Acme &amp; &quot;Co&quot;\" data-intro=\"&lt;b&gt;Hi&lt;/b&gt;\"></div>\n<script src=\"https://x.org/p/embed.js\" async></script>"
        );
        let ids = crate::link::parse_quiz("oop", "n=all&ids=oop-a,oop-b").unwrap();
        assert!(script_snippet("https://x.org/p/", &ids)
            .contains(" data-count=\"all\" data-ids=\"oop-a,oop-b\" "));
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
