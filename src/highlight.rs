//! A small Python highlighter: enough tokens for readable answers, a few KB of wasm instead of a
//! grammar engine. Output is escaped HTML with `<span class="tok-…">` around tokens.

use crate::markdown::escape_html;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "case", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
    "import", "in", "is", "lambda", "match", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "type", "while", "with", "yield",
];

const BUILTINS: &[&str] = &[
    "abs",
    "all",
    "any",
    "bool",
    "bytes",
    "callable",
    "classmethod",
    "dict",
    "dir",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "getattr",
    "hasattr",
    "hash",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "min",
    "next",
    "object",
    "open",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "vars",
    "zip",
    "self",
    "cls",
    "Exception",
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "RuntimeError",
    "OSError",
];

fn span(out: &mut String, class: &str, text: &str) {
    out.push_str("<span class=\"tok-");
    out.push_str(class);
    out.push_str("\">");
    out.push_str(&escape_html(text));
    out.push_str("</span>");
}

/// Length in bytes of a string literal starting at `s` (after any prefix), or of the rest.
fn string_len(s: &str) -> usize {
    let quote = &s[..1];
    let triple = s.starts_with(&quote.repeat(3));
    let delim = if triple {
        quote.repeat(3)
    } else {
        quote.to_owned()
    };
    let mut i = delim.len();
    let bytes = s.as_bytes();
    while i < s.len() {
        if bytes[i] == b'\\' {
            i += 1;
            i += s[i..].chars().next().map_or(0, char::len_utf8);
            continue;
        }
        if s[i..].starts_with(&delim) {
            return i + delim.len();
        }
        if !triple && bytes[i] == b'\n' {
            return i;
        }
        i += s[i..].chars().next().map_or(1, char::len_utf8);
    }
    s.len()
}

/// Highlights Python source. Total: any input gives well-formed, escaped output.
pub fn python(src: &str) -> String {
    let mut out = String::with_capacity(src.len() * 2);
    let mut rest = src;
    let mut after_def = false;
    while let Some(c) = rest.chars().next() {
        let taken = if c == '#' {
            let n = rest.find('\n').unwrap_or(rest.len());
            span(&mut out, "com", &rest[..n]);
            n
        } else if c == '"' || c == '\'' {
            let n = string_len(rest);
            span(&mut out, "str", &rest[..n]);
            n
        } else if c.is_ascii_digit() {
            let n = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(rest.len());
            span(&mut out, "num", &rest[..n]);
            n
        } else if c == '@' && rest[1..].starts_with(|c: char| c.is_alphabetic() || c == '_') {
            let n = 1 + rest[1..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(rest.len() - 1);
            span(&mut out, "deco", &rest[..n]);
            n
        } else if c.is_alphabetic() || c == '_' {
            let n = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            let word = &rest[..n];
            let next = &rest[n..];
            let lower = word.to_ascii_lowercase();
            if matches!(
                lower.as_str(),
                "r" | "b" | "f" | "u" | "rb" | "br" | "fr" | "rf"
            ) && next.starts_with(['"', '\''])
            {
                let len = n + string_len(next);
                span(&mut out, "str", &rest[..len]);
                len
            } else {
                if after_def {
                    span(&mut out, "fn", word);
                } else if KEYWORDS.contains(&word) {
                    span(&mut out, "kw", word);
                } else if BUILTINS.contains(&word) {
                    span(&mut out, "bi", word);
                } else {
                    out.push_str(&escape_html(word));
                }
                after_def = matches!(word, "def" | "class");
                n
            }
        } else {
            let n = c.len_utf8();
            out.push_str(&escape_html(&rest[..n]));
            if !c.is_whitespace() {
                after_def = false;
            }
            n
        };
        rest = &rest[taken..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        assert_eq!(
            python("def f(x):  # hi <b>\n    return 'a<'"),
            "<span class=\"tok-kw\">def</span> <span class=\"tok-fn\">f</span>(x):  \
             <span class=\"tok-com\"># hi &lt;b&gt;</span>\n    \
             <span class=\"tok-kw\">return</span> <span class=\"tok-str\">'a&lt;'</span>"
        );
        assert_eq!(
            python("@cache\nx = f\"{y}\" + 3.5"),
            "<span class=\"tok-deco\">@cache</span>\nx = <span class=\"tok-str\">f&quot;{y}&quot;</span> + <span class=\"tok-num\">3.5</span>"
        );
        assert!(
            python("s = '''a\n'b'\n'''").contains("<span class=\"tok-str\">'''a\n'b'\n'''</span>")
        );
        assert!(python("print(len(xs))").starts_with("<span class=\"tok-bi\">print</span>"));
    }

    #[test]
    fn unterminated_and_odd_input_is_total() {
        for s in [
            "'abc",
            "\"\"\"x",
            "'\\",
            "@",
            "1e",
            "é = 'ü'",
            "x = r'\\'",
            "\u{0}",
        ] {
            let _ = python(s);
        }
        assert_eq!(python("'abc\nx"), "<span class=\"tok-str\">'abc</span>\nx");
    }
}
