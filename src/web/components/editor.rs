//! The code editor: a plain `<textarea>` (so the browser's undo, selection, IME, screen
//! readers and mobile keyboards all work) with line numbers beside it and Python's indentation
//! keys. The rules are `crate::editor`; this only applies them as one edit each.

use crate::editor::{
    backspace, from_utf16, indent, line_count, newline, outdent, to_utf16, Change,
};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CodeEditorProps {
    pub value: AttrValue,
    /// The text after every edit.
    pub on_change: Callback<String>,
    /// Ctrl/Cmd+Enter.
    pub on_run: Callback<()>,
    /// Where Escape sends the focus (out of the editor: no keyboard trap).
    pub escape_to: NodeRef,
    /// The accessible name.
    pub label: AttrValue,
    #[prop_or_default]
    pub editor_ref: NodeRef,
    /// Lines to highlight (a failing test's line), 1-based.
    #[prop_or_default]
    pub marked_line: Option<u32>,
}

/// Applies `change` as one edit: `insertText` keeps it on the browser's undo stack; where that
/// command is missing, the value is set directly (undo then can't take it back).
fn apply(area: &web_sys::HtmlTextAreaElement, text: &str, c: &Change) {
    let (from, to) = (to_utf16(text, c.from), to_utf16(text, c.to));
    let _ = area.set_selection_range(from, to);
    let doc = area
        .owner_document()
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
    let command = if c.insert.is_empty() {
        "delete"
    } else {
        "insertText"
    };
    let done = from == to && c.insert.is_empty()
        || doc.is_some_and(|d| {
            d.exec_command_with_show_ui_and_value(command, false, &c.insert)
                .unwrap_or(false)
        });
    if !done {
        let mut next = text.to_owned();
        next.replace_range(c.from..c.to, &c.insert);
        area.set_value(&next);
        let _ = area.dispatch_event(&web_sys::Event::new("input").expect("an event"));
    }
    let now = area.value();
    let _ = area.set_selection_range(to_utf16(&now, c.select.0), to_utf16(&now, c.select.1));
}

#[component]
pub fn CodeEditor(props: &CodeEditorProps) -> Html {
    let lines = line_count(&props.value);
    let onkeydown = {
        let on_run = props.on_run.clone();
        let escape_to = props.escape_to.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            if e.is_composing() {
                return;
            }
            let text = area.value();
            let sel = |f: Result<Option<u32>, _>| from_utf16(&text, f.ok().flatten().unwrap_or(0));
            let (start, end) = (sel(area.selection_start()), sel(area.selection_end()));
            let command = e.ctrl_key() || e.meta_key();
            let change = match e.key().as_str() {
                "Enter" if command => {
                    e.prevent_default();
                    on_run.emit(());
                    return;
                }
                "Escape" => {
                    if let Some(el) = escape_to.cast::<web_sys::HtmlElement>() {
                        e.prevent_default();
                        let _ = el.focus();
                    }
                    return;
                }
                _ if command || e.alt_key() => return,
                "Tab" if e.shift_key() => outdent(&text, start, end),
                "Tab" => indent(&text, start, end),
                "Enter" if !e.shift_key() => newline(&text, start, end),
                "Backspace" => match backspace(&text, start, end) {
                    Some(c) => c,
                    None => return,
                },
                _ => return,
            };
            e.prevent_default();
            apply(&area, &text, &change);
        })
    };
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                on_change.emit(area.value());
            }
        })
    };
    let numbers: Html = (1..=lines)
        .map(|n| {
            let class = (props.marked_line == Some(n as u32)).then_some("marked");
            html! { <span {class}>{ n }</span> }
        })
        .collect();
    // Left, the view goes back to the lines' starts: scrolled sideways, Python's indentation
    // would read wrong.
    let onblur = Callback::from(|e: FocusEvent| {
        if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
            t.set_scroll_left(0);
        }
    });
    html! {
        <div class="editor">
            <div class="editor-gutter" aria-hidden="true">{ numbers }</div>
            <textarea class="editor-text" ref={props.editor_ref.clone()} value={props.value.clone()}
                {oninput} {onkeydown} {onblur} aria-label={props.label.clone()}
                aria-describedby="editor-keys" rows={(lines + 1).max(12).to_string()}
                spellcheck="false" autocapitalize="off" autocomplete="off" autocorrect="off"
                wrap="off" translate="no" />
        </div>
    }
}

/// The editor's keys, described once under it (`aria-describedby="editor-keys"`).
pub fn editor_keys() -> Html {
    html! {
        <p id="editor-keys" class="hint editor-keys">
            <kbd>{"Tab"}</kbd>{" indents · "}<kbd>{"Shift+Tab"}</kbd>{" outdents · "}
            <kbd>{"Ctrl+Enter"}</kbd>{" runs · "}<kbd>{"Esc"}</kbd>{" leaves the editor"}
        </p>
    }
}
