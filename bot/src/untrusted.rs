//! Text residents wrote is shown to other residents, admins and operators:
//! cleaned on the way in, isolated on the way out.
//!
//! In: control characters (terminal escape sequences, NUL, C1 controls) and
//! the explicit direction overrides, embeddings and isolates are removed,
//! line breaks kept. A message can then neither drive the terminal of an
//! operator reading `vores digest --preview`, nor reverse the rest of a
//! listing line, nor carry a byte one database accepts and another refuses.
//! (The guidelines read the raw text first: an override that makes "nivs"
//! display as a banned word is judged by what others see.)
//!
//! Out: a title, place or name in a right-to-left script (Arabic, Hebrew,
//! Urdu …) is wrapped in Unicode first-strong isolates (U+2068 … U+2069), so
//! it reads correctly without pulling the times and dates around it out of
//! order. Left-to-right text is shown as it is.

use std::borrow::Cow;

use crate::adapter::{Author, InboundMessage};

/// U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE.
const ISOLATE_START: char = '\u{2068}';
const ISOLATE_END: char = '\u{2069}';

/// Explicit bidirectional formatting: embeddings, overrides and their end
/// (U+202A–U+202E) and isolates (U+2066–U+2069). The implicit marks (LRM,
/// RLM, ALM) stay: right-to-left writers use them and they reorder nothing.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text without control characters: line breaks stay, a tab becomes a
/// space, everything else in Unicode's Cc category (C0, DEL, C1) and the
/// explicit direction controls go.
pub fn clean(text: &str) -> Cow<'_, str> {
    let unwanted = |c: char| (c.is_control() && c != '\n') || is_direction_control(c);
    if !text.chars().any(unwanted) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                c if unwanted(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// A message as the core works with it: text and sender's name cleaned.
pub fn cleaned_message(msg: &InboundMessage) -> InboundMessage {
    InboundMessage {
        text: clean(&msg.text).into_owned(),
        author: cleaned_author(&msg.author),
        ..msg.clone()
    }
}

pub fn cleaned_author(author: &Author) -> Author {
    Author {
        display_name: clean(&author.display_name).into_owned(),
        ..author.clone()
    }
}

/// Whether `c` is a strong right-to-left letter (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and their presentation forms and supplements), or a
/// direction control left in older stored text.
fn is_right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}'
    ) || is_direction_control(c)
}

/// Resident-written text inside a right-to-left line (an Arabic reply):
/// always isolated, so a Danish title keeps its own direction and does not
/// turn the Arabic line around it left to right.
pub fn isolate_in_right_to_left(text: &str) -> String {
    format!("{ISOLATE_START}{text}{ISOLATE_END}")
}

/// Resident-written text inside one of our lines in `lang`: in a
/// right-to-left reply always isolated (a Danish title must not turn an
/// Arabic line left to right), otherwise as [`isolate`].
pub fn isolate_in(lang: crate::Language, text: &str) -> Cow<'_, str> {
    if lang.is_rtl() {
        Cow::Owned(isolate_in_right_to_left(text))
    } else {
        isolate(text)
    }
}

/// Resident-written text ready to sit inside one of our lines: isolated
/// when it has right-to-left letters, unchanged otherwise.
pub fn isolate(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_right_to_left) {
        Cow::Owned(format!("{ISOLATE_START}{text}{ISOLATE_END}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_overrides_are_removed_line_breaks_kept() {
        assert_eq!(
            clean("Byttemarked\u{1b}[2J\u{1b}]0;hacked\u{7}"),
            "Byttemarked[2J]0;hacked"
        );
        assert_eq!(clean("a\u{0}b\u{9b}c\u{7f}"), "abc");
        assert_eq!(clean("titel\nsted\r\n"), "titel\nsted\n");
        assert_eq!(clean("\u{202E}nivs\u{202C}"), "nivs");
        assert_eq!(clean("kaffe\tog kage"), "kaffe og kage");
        assert!(matches!(clean("Fællesspisning 🍲"), Cow::Borrowed(_)));
    }

    #[test]
    fn right_to_left_text_is_isolated_and_left_to_right_is_not() {
        assert_eq!(isolate("Byttemarked"), "Byttemarked");
        assert_eq!(isolate("إفطار جماعي"), "\u{2068}إفطار جماعي\u{2069}");
        assert_eq!(isolate("Iftar إفطار"), "\u{2068}Iftar إفطار\u{2069}");
        // Right-to-left marks are kept on input and isolated on output.
        assert_eq!(clean("שלום\u{200F}"), "שלום\u{200F}");
    }
}
