//! The code editor's rules as pure functions: what Tab, Shift+Tab, Enter and Backspace do to
//! the text and the selection.
//!
//! Each rule returns a [`Change`]: replace `from..to` with `insert`, then select
//! `select.0..select.1`. The shell applies it as one edit (so the browser's undo takes it back)
//! and knows nothing of Python. Offsets are byte offsets into `text`; [`to_utf16`] and
//! [`from_utf16`] convert from and to the DOM's selection offsets (UTF-16 code units).

/// Spaces per indentation level (PEP 8).
pub const INDENT: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub from: usize,
    pub to: usize,
    pub insert: String,
    pub select: (usize, usize),
}

/// Byte offset of line start at or before `at`.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Byte offset of the end of the line holding `at` (before its `\n`).
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// The leading spaces and tabs of the line starting at `start`.
fn indentation(text: &str, start: usize) -> &str {
    let line = &text[start..line_end(text, start)];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// Clamps `(start, end)` into `text` on character boundaries, in order.
fn clamp(text: &str, start: usize, end: usize) -> (usize, usize) {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (a, b) = (fix(start), fix(end));
    (a.min(b), a.max(b))
}

/// The line starts of every line the selection touches. A selection that ends right at the
/// start of a line doesn't take that line (as in every code editor).
fn touched_lines(text: &str, start: usize, end: usize) -> Vec<usize> {
    let last = if end > start && line_start(text, end) == end {
        end - 1
    } else {
        end
    };
    let mut starts = vec![line_start(text, start)];
    while let Some(next) = text[*starts.last().expect("one")..]
        .find('\n')
        .map(|i| starts.last().expect("one") + i + 1)
        .filter(|&n| n <= last)
    {
        starts.push(next);
    }
    starts
}

/// Rebuilds the lines from `first` to the end of the line holding `last_start`, each through
/// `edit`, and selects them all (a block indent or outdent).
fn edit_lines(text: &str, lines: &[usize], edit: impl Fn(&str) -> String) -> Change {
    let from = lines[0];
    let to = line_end(text, *lines.last().expect("at least one line"));
    let insert = text[from..to]
        .split('\n')
        .map(edit)
        .collect::<Vec<_>>()
        .join("\n");
    let select = (from, from + insert.len());
    Change {
        from,
        to,
        insert,
        select,
    }
}

/// Tab: four spaces at the caret (replacing a selection within one line), or, when the
/// selection spans lines, four more spaces at the start of each line it touches (blank lines
/// stay blank).
pub fn indent(text: &str, start: usize, end: usize) -> Change {
    let (start, end) = clamp(text, start, end);
    let lines = touched_lines(text, start, end);
    if !text[start..end].contains('\n') {
        let caret = start + INDENT;
        return Change {
            from: start,
            to: end,
            insert: " ".repeat(INDENT),
            select: (caret, caret),
        };
    }
    edit_lines(text, &lines, |line| {
        if line.trim().is_empty() {
            line.to_owned()
        } else {
            format!("{}{line}", " ".repeat(INDENT))
        }
    })
}

/// How much of a line's start one outdent removes: up to four spaces, or one tab.
fn outdent_width(line: &str) -> usize {
    if line.starts_with('\t') {
        1
    } else {
        line.bytes().take(INDENT).take_while(|&b| b == b' ').count()
    }
}

/// Shift+Tab: removes one level (up to four spaces, or a tab) from the start of every line the
/// selection touches. With a caret, the caret stays on its character.
pub fn outdent(text: &str, start: usize, end: usize) -> Change {
    let (start, end) = clamp(text, start, end);
    let lines = touched_lines(text, start, end);
    if start == end {
        let line = lines[0];
        let cut = outdent_width(&text[line..]);
        let caret = if start >= line + cut {
            start - cut
        } else {
            line
        };
        return Change {
            from: line,
            to: line + cut,
            insert: String::new(),
            select: (caret, caret),
        };
    }
    edit_lines(text, &lines, |line| line[outdent_width(line)..].to_owned())
}

/// Statements after which the next line goes one level out.
fn ends_block(code: &str) -> bool {
    let first = code.split([' ', '(', ':']).next().unwrap_or("");
    matches!(first, "return" | "pass" | "break" | "continue" | "raise")
}

/// Enter: a new line with the indentation of the caret's line; one level deeper after a line
/// ending in `:` (a block opens), one level shallower after `return`, `pass`, `break`,
/// `continue` or `raise`. The caret's line's trailing spaces before the caret stay.
pub fn newline(text: &str, start: usize, end: usize) -> Change {
    let (start, end) = clamp(text, start, end);
    let line = line_start(text, start);
    let indent = indentation(text, line);
    // Only what precedes the caret decides: Enter in the middle of `if x: y` splits it.
    let before = &text[line..start];
    let code = before.split('#').next().unwrap_or("").trim_end();
    let width = indent.len().min(before.len());
    let mut next = indent[..width].to_owned();
    if code.ends_with(':') {
        next.push_str(&" ".repeat(INDENT));
    } else if ends_block(code.trim_start()) {
        next.truncate(next.len() - outdent_width(&next).min(next.len()));
    }
    let insert = format!("\n{next}");
    let caret = start + insert.len();
    Change {
        from: start,
        to: end,
        insert,
        select: (caret, caret),
    }
}

/// Backspace in the leading spaces of a line goes back to the previous indentation stop;
/// anywhere else it is the browser's (`None`).
pub fn backspace(text: &str, start: usize, end: usize) -> Option<Change> {
    let (start, end) = clamp(text, start, end);
    let line = line_start(text, start);
    let lead = &text[line..start];
    if start != end || lead.is_empty() || !lead.bytes().all(|b| b == b' ') {
        return None;
    }
    let cut = match lead.len() % INDENT {
        0 => INDENT,
        n => n,
    };
    Some(Change {
        from: start - cut,
        to: start,
        insert: String::new(),
        select: (start - cut, start - cut),
    })
}

/// Lines in the editor, for the line-number gutter (an empty text has one line).
pub fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count() + 1
}

/// Byte offset → UTF-16 offset (the DOM's selection offsets).
pub fn to_utf16(text: &str, byte: usize) -> u32 {
    let (at, _) = clamp(text, byte, byte);
    text[..at].encode_utf16().count() as u32
}

/// UTF-16 offset → byte offset, clamped to the text; an offset inside a surrogate pair goes to
/// the character's start.
pub fn from_utf16(text: &str, units: u32) -> usize {
    let mut seen = 0u32;
    for (i, c) in text.char_indices() {
        let next = seen + c.len_utf16() as u32;
        if next > units {
            return i;
        }
        seen = next;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies a change; `|` marks the caret, `[` `]` a selection, in input and output.
    fn run(input: &str, rule: impl Fn(&str, usize, usize) -> Change) -> String {
        let (text, start, end) = parse(input);
        let c = rule(&text, start, end);
        let mut out = text.clone();
        out.replace_range(c.from..c.to, &c.insert);
        show(&out, c.select)
    }

    fn parse(input: &str) -> (String, usize, usize) {
        if let Some(caret) = input.find('|') {
            return (input.replacen('|', "", 1), caret, caret);
        }
        let a = input.find('[').expect("a caret or a selection");
        let text = input.replacen('[', "", 1);
        let b = text.find(']').expect("selection end");
        (text.replacen(']', "", 1), a, b)
    }

    fn show(text: &str, (a, b): (usize, usize)) -> String {
        if a == b {
            format!("{}|{}", &text[..a], &text[a..])
        } else {
            format!("{}[{}]{}", &text[..a], &text[a..b], &text[b..])
        }
    }

    #[test]
    fn tab_inserts_four_spaces_at_the_caret() {
        assert_eq!(run("|x", indent), "    |x");
        assert_eq!(run("ab|c", indent), "ab    |c");
        assert_eq!(
            run("a[bc]d", indent),
            "a    |d",
            "a selection in one line is replaced"
        );
    }

    #[test]
    fn tab_on_lines_indents_each_and_keeps_them_selected() {
        assert_eq!(
            run("[a\n\nb]\nc", indent),
            "[    a\n\n    b]\nc",
            "blank lines stay blank"
        );
        assert_eq!(run("x\n a[b\ncd]e\nf", indent), "x\n[     ab\n    cde]\nf");
        assert_eq!(
            run("[a\n]b", indent),
            "[    a]\nb",
            "a selection ending at a line start leaves that line alone"
        );
    }

    #[test]
    fn shift_tab_outdents_one_level() {
        assert_eq!(run("        x|", outdent), "    x|");
        assert_eq!(run("  x|", outdent), "x|", "fewer than four spaces");
        assert_eq!(run("  |  x", outdent), "|x", "caret inside the indentation");
        assert_eq!(run("x|", outdent), "x|", "nothing to remove");
        assert_eq!(run("\tx|", outdent), "x|", "a tab is one level");
        assert_eq!(
            run("[    a\n  b\nc]", outdent),
            "[a\nb\nc]",
            "every selected line"
        );
    }

    #[test]
    fn enter_keeps_the_indentation() {
        assert_eq!(run("    x = 1|", newline), "    x = 1\n    |");
        assert_eq!(run("x|", newline), "x\n|");
        assert_eq!(run("    a[b]c", newline), "    a\n    |c");
    }

    #[test]
    fn enter_opens_and_closes_blocks() {
        assert_eq!(
            run("def f(x):|", newline),
            "def f(x):\n    |",
            "after a colon"
        );
        assert_eq!(
            run("    if x:  # why|", newline),
            "    if x:  # why\n        |",
            "a comment after the colon"
        );
        assert_eq!(run("        return x|", newline), "        return x\n    |");
        assert_eq!(run("    pass|", newline), "    pass\n|");
        assert_eq!(
            run("    raise ValueError(x)|", newline),
            "    raise ValueError(x)\n|"
        );
        assert_eq!(
            run("    returned = 1|", newline),
            "    returned = 1\n    |",
            "a name that starts like a keyword"
        );
        assert_eq!(
            run("  |  x", newline),
            "  \n  |  x",
            "caret inside the indentation"
        );
        assert_eq!(run("x = {1:|", newline), "x = {1:\n    |");
    }

    #[test]
    fn backspace_goes_back_one_stop_in_the_indentation() {
        let apply = |s: &str| {
            let (text, a, b) = parse(s);
            backspace(&text, a, b).map(|c| {
                let mut out = text.clone();
                out.replace_range(c.from..c.to, &c.insert);
                show(&out, c.select)
            })
        };
        assert_eq!(apply("        |x").as_deref(), Some("    |x"));
        assert_eq!(apply("      |x").as_deref(), Some("    |x"));
        assert_eq!(apply("    x|"), None, "after code: the browser's");
        assert_eq!(apply("|x"), None);
        assert_eq!(apply("[    ]x"), None, "a selection: the browser's");
    }

    #[test]
    fn utf16_offsets_round_trip() {
        let text = "a😀é\nb";
        assert_eq!(to_utf16(text, text.len()), 6);
        for (byte, _) in text.char_indices() {
            assert_eq!(from_utf16(text, to_utf16(text, byte)), byte);
        }
        assert_eq!(from_utf16(text, 2), 1, "inside the surrogate pair");
        assert_eq!(from_utf16(text, 99), text.len());
        assert_eq!(to_utf16(text, 2), 1, "inside a character: its start");
    }

    #[test]
    fn rules_never_panic_on_odd_offsets() {
        let text = "é\n  😀\n";
        for a in 0..=text.len() + 2 {
            for b in 0..=text.len() + 2 {
                for rule in [indent, outdent, newline] {
                    let c = rule(text, a, b);
                    assert!(c.from <= c.to && c.to <= text.len());
                }
                let _ = backspace(text, a, b);
            }
        }
        assert_eq!(line_count(""), 1);
        assert_eq!(line_count("a\nb\n"), 3);
    }
}
