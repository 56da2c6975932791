//! The first screen's markup, as HTML text: the first load runs without Yew (its code and its
//! first render cost more than the whole question), so `first` writes this into `#app` in one
//! `innerHTML`. Each piece mirrors the app's component of the same name (`components::question`,
//! `top_bars`, `Notices`, `ErrorPage`) element for element, so the hand-over changes nothing
//! the learner sees (`tests/e2e/load.test.mjs` compares them). Every text is escaped here.
//!
//! Buttons carry `data-do`: `first` listens once on `#app` and acts on the one clicked.

use crate::bank::{Bank, Question};
use crate::link::Display;
use crate::markdown::escape_html as esc;
use crate::quiz::Session;
use crate::store::Notice;
pub use crate::web::components::{top_bar, Bar};

/// `base` is the page address without its fragment (for the embed's absolute link).
pub fn bar(bar: &Bar, base: &str) -> String {
    match bar {
        Bar::None => String::new(),
        Bar::Embed { full } => format!(
            r#"<div class="embed-bar"><span class="brand">PyPrep</span><a href="{}" target="_blank" rel="noopener">Open full site<span aria-hidden="true"> ↗</span></a></div>"#,
            esc(&format!("{base}#{full}"))
        ),
        Bar::Site { home } => format!(
            r##"<nav class="site-bar" aria-label="Site"><a class="brand" href="#{}">PyPrep</a></nav>"##,
            esc(home)
        ),
    }
}

/// Storage notices; in an embed "not saved" is a small line with a close button.
pub fn notices(notices: &[Notice], embed: bool) -> String {
    if notices.is_empty() {
        return String::new();
    }
    let items: String = notices
        .iter()
        .map(|n| {
            let (class, close) = match n {
                Notice::NotSaved if embed => (
                    " small",
                    r#" <button class="close" aria-label="Dismiss this notice" title="Dismiss" data-do="close-notice">×</button>"#.to_owned(),
                ),
                Notice::NotSaved => ("", String::new()),
                Notice::Recovered { backup, .. } => (
                    " closable",
                    format!(
                        r#"<button class="close" aria-label="Dismiss this notice" title="Dismiss" data-do="dismiss-notice" data-backup="{}">×</button>"#,
                        esc(backup)
                    ),
                ),
            };
            format!(
                r#"<p class="notice{class}"><span>{}</span>{close}</p>"#,
                esc(&n.message())
            )
        })
        .collect();
    format!(r#"<div class="notices" role="status">{items}</div>"#)
}

/// The notice shown when the app module could not be imported, with "Try again".
pub fn app_failed(why: &str) -> String {
    format!(
        r#"<div class="notices" role="alert"><p class="notice">The rest of PyPrep (answers, grading, the other screens) did not load. Check the connection, then <button class="button subtle" data-do="retry-app">Try again</button><small class="reason">{}</small></p></div>"#,
        esc(why)
    )
}

/// A page that can't be shown, with its actions (buttons).
pub fn error_page(title: &str, message: &str, actions: &str) -> String {
    format!(
        r#"<section class="card error-page" role="alert"><h1>{}</h1><p>{}</p><div class="actions">{actions}</div></section>"#,
        esc(title),
        esc(message)
    )
}

pub use crate::web::components::QUIZ_LINK_ERROR as LINK_ERROR_TITLE;
pub const BANK_ERROR_TITLE: &str = "The questions could not be loaded";

/// A link that doesn't work, as the app's `components::link_error` shows it: with the way home
/// unless the quiz is locked.
pub fn link_error(reason: &str, display: &Display) -> String {
    let home = crate::link::error_home(display).map_or(
        "",
        |_| r#"<button class="button primary" data-do="home">Go to the home page</button>"#,
    );
    error_page(
        LINK_ERROR_TITLE,
        &crate::link::error_text(reason, display),
        home,
    )
}

pub fn bank_error(message: &str) -> String {
    error_page(
        BANK_ERROR_TITLE,
        message,
        r#"<button class="button primary" data-do="retry-bank">Try again</button>"#,
    )
}

pub fn loading(text: &str) -> String {
    format!(r#"<div class="loading" role="status">{}</div>"#, esc(text))
}

/// What the question shows under its notes.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Body {
    Reveal,
    /// Revealed: the answer comes with the app module.
    Pending,
    /// Revealed, and the app module could not be loaded.
    Stuck,
}

pub struct QuestionView<'a> {
    pub bank: &'a Bank,
    pub display: &'a Display,
    pub question: &'a Question,
    pub session: &'a Session,
    pub scope: (String, String),
    pub change_href: String,
    pub body: Body,
}

/// `components::question::question_view` before the reveal (and its pending states).
pub fn question(v: QuestionView) -> String {
    let (q, session, display) = (v.question, v.session, v.display);
    let (n, total, category) = crate::web::components::question::question_head(v.bank, q, session);
    let title = display.title.clone().unwrap_or(v.scope.0);
    let desc = display.intro.clone().unwrap_or(v.scope.1);
    let change = if display.lock {
        String::new()
    } else {
        format!(
            r#" <a href="{}">Change categories</a>"#,
            esc(&v.change_href)
        )
    };
    let body = match v.body {
        Body::Reveal => {
            r#"<div class="actions"><button class="button primary reveal" data-do="reveal">Reveal answer</button><span class="hint key-hint">or press Space</span></div>"#
        }
        Body::Pending => r#"<p class="pending" role="status">Loading the answer…</p>"#,
        Body::Stuck => {
            r#"<p class="pending">The answer shows once the rest of PyPrep has loaded: use “Try again” above.</p>"#
        }
    };
    // A textarea's first newline is dropped by the parser: the one written here, never the notes'.
    format!(
        concat!(
            r#"<main class="quiz"><header class="quiz-head"><div class="scope"><p class="scope-title">{title}</p><p class="scope-desc">{desc}{change}</p></div></header>"#,
            r#"<div class="progress-line"><span class="counter">Question {n} of {total}</span><div class="bar" role="progressbar" aria-label="Quiz progress" aria-valuemin="0" aria-valuemax="{total}" aria-valuenow="{index}" aria-valuetext="Question {n} of {total}"><div class="fill" style="width: {fill}%"></div></div></div>"#,
            r#"<article class="card question"><p class="meta"><span class="badge">{category}</span><span class="badge difficulty">{difficulty}</span></p>"#,
            r#"<h1 class="prompt" tabindex="-1">{prompt}</h1>"#,
            r#"<label class="notes"><span>Your answer (optional): answer in your own words first, out loud or here.</span><textarea rows="3" maxlength="10000" spellcheck="false" autocapitalize="off" class="mono" placeholder="Jot down the points you would make…">"#,
            "\n{notes}</textarea></label>",
            r#"<div class="recorder" aria-hidden="true"></div>{body}</article></main>"#,
        ),
        title = esc(&title),
        desc = esc(&desc),
        change = change,
        n = n,
        total = total,
        index = session.index,
        fill = session.index * 100 / total.max(1),
        category = esc(category),
        difficulty = q.difficulty.label(),
        prompt = esc(&q.prompt),
        notes = esc(&session.notes),
        body = body,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::parse_hash;

    fn bank() -> Bank {
        crate::bank::parse(include_str!("../../../questions.json"))
            .expect("the source bank parses")
            .bank
    }

    #[test]
    fn every_text_is_escaped_and_the_notes_keep_their_first_newline() {
        let bank = bank();
        let mut q = bank.questions[0].clone();
        q.prompt = "<script>alert(1)</script> & \"x\"".into();
        let (_, display) = parse_hash("#/quiz/core?n=2&seed=a&title=%3Cb%3E");
        let session = Session {
            notes: "\nfirst line</textarea><b>".into(),
            ..Session::new(
                "/quiz/core".into(),
                vec![q.id.clone(), bank.questions[1].id.clone()],
            )
        };
        let html = question(QuestionView {
            bank: &bank,
            display: &display,
            question: &q,
            session: &session,
            scope: ("Core".into(), "Desc".into()),
            change_href: "#/?x=\"".into(),
            body: Body::Reveal,
        });
        assert!(
            !html.contains("<script>") && !html.contains("<b>"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
        assert!(
            html.contains("<p class=\"scope-title\">&lt;b&gt;</p>"),
            "the link's title"
        );
        assert!(html.contains(">\n\nfirst line&lt;/textarea&gt;&lt;b&gt;</textarea>"));
        assert!(html.contains("href=\"#/?x=&quot;\""));
        assert!(html.contains("Question 1 of 2") && html.contains("width: 0%"));
        assert!(html.contains("data-do=\"reveal\""));
    }

    #[test]
    fn a_locked_quiz_offers_no_way_out() {
        let bank = bank();
        let (page, display) = parse_hash("#/quiz/core?n=2&seed=a&lock=1");
        assert_eq!(top_bar(&page, &display), Bar::None);
        let session = Session::new("/quiz/core".into(), vec![bank.questions[0].id.clone()]);
        let html = question(QuestionView {
            bank: &bank,
            display: &display,
            question: &bank.questions[0],
            session: &session,
            scope: ("Core".into(), "Desc".into()),
            change_href: "#/".into(),
            body: Body::Pending,
        });
        assert!(!html.contains("Change categories"));
        assert!(html.contains("Loading the answer…") && !html.contains("data-do=\"reveal\""));
    }

    #[test]
    fn bars_follow_the_page_and_the_display() {
        let (page, display) = parse_hash("#/quiz/core?n=2&seed=a&embed=1&theme=dark");
        let Bar::Embed { full } = top_bar(&page, &display) else {
            panic!("an embed has the embed bar");
        };
        assert!(!full.contains("embed") && full.contains("theme=dark") && full.contains("seed=a"));
        assert!(bar(&Bar::Embed { full }, "https://x.test/p/")
            .contains("href=\"https://x.test/p/#/quiz/core?"));
        let (page, display) = parse_hash("#/quiz/core?n=2&seed=a");
        assert_eq!(top_bar(&page, &display), Bar::Site { home: "/".into() });
        let (page, display) = parse_hash("#/");
        assert_eq!(top_bar(&page, &display), Bar::None);
    }

    #[test]
    fn notices_escape_and_close_only_in_an_embed() {
        assert_eq!(notices(&[], true), "");
        let embedded = notices(&[Notice::NotSaved], true);
        assert!(embedded.contains("notice small") && embedded.contains("data-do=\"close-notice\""));
        let site = notices(&[Notice::NotSaved], false);
        assert!(!site.contains("close-notice") && !site.contains("small"));
        // Recovered data: closable everywhere, by its backup's key.
        let recovered = Notice::Recovered {
            what: "progress",
            reason: "not <JSON>".into(),
            backup: "pyprep.backup.pyprep.v1.progress.1\"x".into(),
        };
        for embed in [false, true] {
            let shown = notices(std::slice::from_ref(&recovered), embed);
            assert!(shown.contains(r#"class="notice closable""#), "{shown}");
            assert!(shown.contains(r#"data-do="dismiss-notice" data-backup="pyprep.backup.pyprep.v1.progress.1&quot;x""#), "{shown}");
            assert!(shown.contains("not &lt;JSON&gt;"));
        }
        assert!(app_failed("<x>").contains("&lt;x&gt;"));
        let open = Display::default();
        assert!(link_error("bad <n>", &open).contains("bad &lt;n&gt;"));
        assert!(link_error("Bad.", &open).contains(r#"data-do="home""#));
        let locked = Display {
            lock: true,
            ..Display::default()
        };
        let page = link_error("Bad.", &locked);
        assert!(!page.contains("data-do"), "{page}");
        assert!(page.contains("Bad. Please tell the owner of this page."));
    }
}
