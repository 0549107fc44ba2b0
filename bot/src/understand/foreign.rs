//! The common "what's on" questions in the languages the bot answers in but
//! does not read submissions in (Turkish, Arabic, Ukrainian, and any
//! language an operator adds with its catalog).
//!
//! Each is recognised by its phrases — a time ("bu hafta sonu", "غداً",
//! "на вихідних") and a question ("ne var", "ماذا", "що буде") — and handed
//! on as the English question it asks ("what's on this weekend?"), so one
//! reader (`window.rs`) turns every language's question into the same
//! window. The phrases are data: each catalog's `understand_times` and
//! `understand_questions` (see TRANSLATING.md), so adding a language's
//! questions needs no Rust. Phrases are matched on whole words (where the
//! catalog says `understand_word_endings = yes`, the last may carry
//! endings, as in Turkish) in the order listed, longer first, so "next
//! weekend" is not read as "this weekend".

use crate::lang::Language;

/// The English question `text` (written in `lang`) asks, when it asks
/// what's on: "bu hafta sonu ne var?" is "what's on this weekend?", "ne
/// var?" alone "what's on?". `None` for anything else, and for the
/// languages the reader reads itself.
pub fn as_english_question(text: &str, lang: Language) -> Option<String> {
    if lang.reads_submissions() {
        return None;
    }
    let understanding = lang.understanding();
    let endings = understanding.word_endings;
    let lower = words(text);
    // "ne var ne yok?" is "how are you?", not a question about the calendar.
    if understanding
        .not_questions
        .iter()
        .any(|phrase| contains_words(&lower, &words(phrase), endings))
    {
        return None;
    }
    let time = understanding
        .times
        .iter()
        .find(|(phrase, _)| contains_words(&lower, &words(phrase), endings))
        .map(|(_, english)| english.as_str());
    let named_question = understanding
        .questions
        .iter()
        .any(|q| contains_words(&lower, &words(q), endings));
    let asks = named_question || text.contains(['?', '؟']);
    match (time, asks) {
        (Some(time), true) => Some(format!("what's on {time}?")),
        (None, true) if named_question => Some("what's on?".to_string()),
        _ => None,
    }
}

/// Arabic as phones write it: without the short-vowel marks and with or
/// without the hamza on alef ("الاسبوع", "الأسبوع"), alef maqsura as yeh.
fn plain_arabic(c: char) -> Option<char> {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None,
        'أ' | 'إ' | 'آ' => Some('ا'),
        'ى' => Some('ي'),
        other => Some(other),
    }
}

/// `text` lowercased (Arabic letters made plain) with every run of
/// non-letters as one space, padded with spaces, so phrases match whole
/// words.
fn words(text: &str) -> String {
    let mut out = String::from(" ");
    for c in text.to_lowercase().chars() {
        let Some(c) = plain_arabic(c) else {
            continue;
        };
        if c.is_alphanumeric() || c == '\'' || c == '’' || c == 'ʼ' {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Whether `phrase` (as [`words`] gives it) is in `padded` as whole words;
/// with `endings` its last word may carry endings ("hafta sonunda",
/// "yarınki"), as Turkish adds them to the word.
fn contains_words(padded: &str, phrase: &str, endings: bool) -> bool {
    let phrase = phrase.trim();
    if endings {
        padded.contains(&format!(" {phrase}"))
    } else {
        padded.contains(&format!(" {phrase} "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asks(text: &str, lang: Language) -> Option<String> {
        as_english_question(text, lang)
    }

    #[test]
    fn turkish_questions() {
        assert_eq!(
            asks("bu hafta sonu ne var?", Language::Tr).as_deref(),
            Some("what's on this weekend?")
        );
        assert_eq!(
            asks("merhaba, yarın ne var", Language::Tr).as_deref(),
            Some("what's on tomorrow?")
        );
        assert_eq!(
            asks("gelecek hafta sonu etkinlik var mı?", Language::Tr).as_deref(),
            Some("what's on next weekend?")
        );
        assert_eq!(
            asks("neler var?", Language::Tr).as_deref(),
            Some("what's on?")
        );
        // Talk, not a question about the calendar.
        assert_eq!(asks("yarın görüşürüz", Language::Tr), None);
        assert_eq!(asks("merhaba, ne var ne yok?", Language::Tr), None);
        // Endings on the last word, and weekdays.
        assert_eq!(
            asks("hafta sonunda ne var?", Language::Tr).as_deref(),
            Some("what's on this weekend?")
        );
        assert_eq!(
            asks("yarınki etkinlikler?", Language::Tr).as_deref(),
            Some("what's on tomorrow?")
        );
        assert_eq!(
            asks("cuma ne var?", Language::Tr).as_deref(),
            Some("what's on friday?")
        );
    }

    #[test]
    fn arabic_questions() {
        assert_eq!(
            asks("ماذا يحدث في عطلة نهاية الأسبوع؟", Language::Ar).as_deref(),
            Some("what's on this weekend?")
        );
        assert_eq!(
            asks("شو في بكرة؟", Language::Ar).as_deref(),
            Some("what's on tomorrow?")
        );
        assert_eq!(
            asks("ما هي الفعاليات في نهاية الأسبوع القادم", Language::Ar).as_deref(),
            Some("what's on next weekend?")
        );
        // As phones write it: no hamza, other vowel marks.
        assert_eq!(
            asks("ماذا يحدث نهاية الاسبوع؟", Language::Ar).as_deref(),
            Some("what's on this weekend?")
        );
        assert_eq!(
            asks("شو في غدًا؟", Language::Ar).as_deref(),
            Some("what's on tomorrow?")
        );
        assert_eq!(
            asks("ماذا يحدث يوم الاحد؟", Language::Ar).as_deref(),
            Some("what's on sunday?")
        );
    }

    #[test]
    fn ukrainian_questions() {
        assert_eq!(
            asks("що відбувається на вихідних?", Language::Uk).as_deref(),
            Some("what's on this weekend?")
        );
        assert_eq!(
            asks("привіт! що буде завтра", Language::Uk).as_deref(),
            Some("what's on tomorrow?")
        );
        assert_eq!(
            asks("які події наступного тижня?", Language::Uk).as_deref(),
            Some("what's on next week?")
        );
        assert_eq!(
            asks("що буде завтра ввечері?", Language::Uk).as_deref(),
            Some("what's on tomorrow?")
        );
        assert_eq!(
            asks("що буде в суботу?", Language::Uk).as_deref(),
            Some("what's on saturday?")
        );
    }

    #[test]
    fn danish_and_english_are_read_by_the_reader_itself() {
        assert_eq!(asks("hvad sker der i weekenden?", Language::Da), None);
        assert_eq!(asks("what's on this weekend?", Language::En), None);
    }
}
