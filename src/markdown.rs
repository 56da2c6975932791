//! Markdown from the bank is data, not HTML: this renders it to HTML that is safe to insert.
//!
//! - raw HTML (block or inline) is shown as escaped text;
//! - links keep only `https:`, `http:`, `mailto:` and in-page `#` targets, open in a new tab
//!   and never send a referrer; other links become plain text;
//! - images are never loaded (no request leaves the widget): their alt text is shown;
//! - fenced `python` blocks are highlighted by [`crate::highlight`].

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether a link target may be followed.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p))
        || (lower.starts_with('#') && !lower.contains(':'))
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Renders bank Markdown to safe HTML. Total: never panics.
pub fn to_html(markdown: &str) -> String {
    let mut events: Vec<Event> = Vec::new();
    // For each open link: whether it was kept (its end tag must match).
    let mut links: Vec<bool> = Vec::new();
    let mut code: Option<(String, String)> = None;
    let mut in_image = 0usize;
    for event in Parser::new_ext(markdown, options()) {
        if let Some((lang, body)) = code.as_mut() {
            match event {
                Event::Text(t) => body.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let html = code_block(lang, body);
                    events.push(Event::Html(CowStr::from(html)));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        if in_image > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => in_image += 1,
                Event::End(TagEnd::Image) => in_image -= 1,
                Event::Text(t) | Event::Code(t) => events.push(Event::Text(t)),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Html(t) | Event::InlineHtml(t) => events.push(Event::Text(t)),
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let safe = is_safe_url(&dest_url);
                links.push(safe);
                if safe {
                    events.push(Event::Html(CowStr::from(format!(
                        "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">",
                        escape_html(dest_url.trim())
                    ))));
                }
            }
            Event::End(TagEnd::Link) => {
                if links.pop().unwrap_or(false) {
                    events.push(Event::Html(CowStr::from("</a>")));
                }
            }
            Event::Start(Tag::Image { .. }) => in_image = 1,
            other => events.push(other),
        }
    }
    if let Some((lang, body)) = code {
        events.push(Event::Html(CowStr::from(code_block(&lang, &body))));
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// A `<pre>` block; Python is highlighted, other languages only escaped.
pub fn code_block(lang: &str, body: &str) -> String {
    let lang_attr = escape_html(lang);
    let inner = if lang == "python" {
        crate::highlight::python(body)
    } else {
        escape_html(body)
    };
    let label = if lang.is_empty() {
        String::new()
    } else {
        format!(" data-lang=\"{lang_attr}\"")
    };
    format!("<pre class=\"code\" tabindex=\"0\"{label}><code class=\"language-{lang_attr}\">{inner}</code></pre>\n")
}

/// `body` as a fenced Markdown code block in `lang`: the fence is longer than any run of
/// backticks inside, so [`to_html`] renders it as exactly [`code_block`] of `body`.
pub fn fenced(lang: &str, body: &str) -> String {
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let newline = if body.is_empty() || body.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    format!("{fence}{lang}\n{body}{newline}{fence}\n")
}

/// Short plain-text fields (key points, follow-ups, edge cases) may mark code with backticks,
/// as in "`in` on a list is O(n)". Splits `text` into `(is_code, piece)` runs; a backtick
/// without a partner, or an empty pair, stays literal text.
pub fn code_spans(text: &str) -> Vec<(bool, &str)> {
    let mut runs = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    while let Some(open) = text[at..].find('`').map(|i| at + i) {
        let Some(close) = text[open + 1..].find('`').map(|i| open + 1 + i) else {
            break;
        };
        if close == open + 1 {
            at = close + 1;
            continue;
        }
        if open > plain_from {
            runs.push((false, &text[plain_from..open]));
        }
        runs.push((true, &text[open + 1..close]));
        plain_from = close + 1;
        at = plain_from;
    }
    if plain_from < text.len() {
        runs.push((false, &text[plain_from..]));
    }
    runs
}

/// Problems that make bank Markdown unfit to ship: raw HTML, broken fences, unsafe links.
pub fn lint(markdown: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Html(t) | Event::InlineHtml(t) => {
                problems.push(format!("raw HTML: {}", t.trim()));
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. })
                if !dest_url.starts_with("https://") =>
            {
                problems.push(format!("link is not https: {dest_url}"));
            }
            _ => {}
        }
    }
    // An unclosed fence runs to the end of the document in CommonMark and the parser still
    // closes it, so the source itself is checked for an odd number of fence lines.
    let fences = markdown
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            l.len() - t.len() <= 3 && (t.starts_with("```") || t.starts_with("~~~"))
        })
        .count();
    if fences % 2 == 1 {
        problems.push("a ``` fence is not closed".to_owned());
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_escaped() {
        let html = to_html("Hi <script>alert(1)</script>\n\n<div onclick=x>block</div>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn links_are_filtered() {
        let html = to_html("[ok](https://docs.python.org) [bad](javascript:alert(1)) [d](data:x)");
        assert!(html.contains(
            "<a href=\"https://docs.python.org\" target=\"_blank\" rel=\"noopener noreferrer\">ok</a>"
        ));
        assert!(!html.contains("javascript"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(html.contains("bad"));
        assert!(is_safe_url("#anchor"));
        assert!(!is_safe_url("#x:javascript:"));
        assert!(!is_safe_url(" JAVASCRIPT:alert(1)"));
    }

    #[test]
    fn images_are_not_loaded() {
        let html = to_html("![a diagram](https://evil.example/t.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("a diagram"));
    }

    #[test]
    fn python_is_highlighted_and_others_escaped() {
        let html = to_html("```python\nx = 1  # <b>\n```\n\n```sql\nSELECT '<x>'\n```");
        assert!(html.contains("<span class=\"tok-num\">1</span>"), "{html}");
        assert!(html.contains("&lt;b&gt;"), "{html}");
        assert!(html.contains("SELECT '&lt;x&gt;'"), "{html}");
        assert!(html.contains("data-lang=\"python\""));
        let info = to_html("```python syntax-only: needs PyTorch\nimport torch\n```");
        assert!(info.contains("language-python"), "{info}");
    }

    #[test]
    fn fenced_code_renders_as_its_code_block() {
        for body in ["x = 1\n", "s = '```'\nprint(s)", "", "a ```` b\n\n\nc"] {
            let expected = format!(
                "{body}{}",
                if body.ends_with('\n') || body.is_empty() {
                    ""
                } else {
                    "\n"
                }
            );
            assert_eq!(
                to_html(&fenced("python", body)),
                code_block("python", &expected),
                "{body:?}"
            );
        }
    }

    #[test]
    fn code_spans_split_backticked_code_from_text() {
        assert_eq!(
            code_spans("Use `with open(p) as f:` so `f` closes"),
            [
                (false, "Use "),
                (true, "with open(p) as f:"),
                (false, " so "),
                (true, "f"),
                (false, " closes")
            ]
        );
        assert_eq!(
            code_spans("`in` is O(n)"),
            [(true, "in"), (false, " is O(n)")]
        );
        assert_eq!(code_spans("no code"), [(false, "no code")]);
        assert_eq!(code_spans("a ` lone"), [(false, "a ` lone")]);
        assert_eq!(code_spans("empty `` pair"), [(false, "empty `` pair")]);
        assert_eq!(code_spans(""), []);
    }

    #[test]
    fn lint_finds_problems() {
        assert!(lint("Fine `code` and [a](https://x.org).\n\n```python\nx=1\n```").is_empty());
        assert_eq!(lint("a <br> b").len(), 1);
        assert_eq!(lint("[a](http://x.org)").len(), 1);
        assert_eq!(lint("```python\nx=1\n").len(), 1);
    }
}
