//! Keyboard shortcuts of the quiz screen, decided without a browser: Space/Enter reveal, 1–4
//! grade, U takes the last grade back.

use crate::quiz::{Action, Grade};

/// What had focus when the key was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A text field: the user is typing, no shortcut applies.
    Typing,
    /// A button, link or other control: Space and Enter belong to it.
    Control,
    /// Anything else inside the widget (the page, the question heading…).
    Page,
}

/// The quiz action for a key, if any. Modifier chords are never ours.
pub fn action_for(key: &str, focus: Focus, modifiers: bool, revealed: bool) -> Option<Action> {
    if modifiers || focus == Focus::Typing {
        return None;
    }
    match key {
        " " | "Spacebar" | "Enter" if !revealed && focus == Focus::Page => Some(Action::Reveal),
        "1" | "2" | "3" | "4" if revealed => {
            Grade::from_number(key.as_bytes()[0] - b'0').map(Action::Grade)
        }
        "u" | "U" => Some(Action::Undo),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts() {
        assert_eq!(
            action_for(" ", Focus::Page, false, false),
            Some(Action::Reveal)
        );
        assert_eq!(
            action_for("Enter", Focus::Page, false, false),
            Some(Action::Reveal)
        );
        assert_eq!(
            action_for("Enter", Focus::Control, false, false),
            None,
            "the button's own"
        );
        assert_eq!(action_for(" ", Focus::Page, false, true), None);
        assert_eq!(
            action_for("3", Focus::Control, false, true),
            Some(Action::Grade(Grade::Good))
        );
        assert_eq!(
            action_for("3", Focus::Page, false, false),
            None,
            "not revealed yet"
        );
        assert_eq!(action_for("5", Focus::Page, false, true), None);
        assert_eq!(action_for("1", Focus::Typing, false, true), None);
        assert_eq!(action_for(" ", Focus::Typing, false, false), None);
        assert_eq!(
            action_for("1", Focus::Page, true, true),
            None,
            "Ctrl+1 is the browser's"
        );
        assert_eq!(
            action_for("u", Focus::Control, false, false),
            Some(Action::Undo)
        );
        assert_eq!(action_for("u", Focus::Typing, false, false), None);
        assert_eq!(action_for("u", Focus::Page, true, false), None);
    }
}
