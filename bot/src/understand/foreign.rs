//! The common "what's on" questions in the languages the bot answers in but
//! does not read submissions in (Turkish, Arabic, Ukrainian).
//!
//! Each is recognised by its phrases — a time ("bu hafta sonu", "غداً",
//! "на вихідних") and a question ("ne var", "ماذا", "що буде") — and handed
//! on as the English question it asks ("what's on this weekend?"), so one
//! reader (`window.rs`) turns every language's question into the same
//! window. Phrases are matched on whole words (in Turkish the last may carry endings)
//! in the order listed, longer first, so "next weekend" is not read as
//! "this weekend". Adding a language's questions is
//! adding its two lists here.

use crate::lang::Language;

/// A time a question names, and the English words for it.
type Phrases = &'static [(&'static str, &'static str)];

const TURKISH_TIMES: Phrases = &[
    ("gelecek hafta sonu", "next weekend"),
    ("haftaya hafta sonu", "next weekend"),
    ("bu hafta sonu", "this weekend"),
    ("hafta sonu", "this weekend"),
    ("haftasonu", "this weekend"),
    ("gelecek hafta", "next week"),
    ("haftaya", "next week"),
    ("bu hafta", "this week"),
    ("bu akşam", "tonight"),
    ("bu aksam", "tonight"),
    ("yarın", "tomorrow"),
    ("yarin", "tomorrow"),
    ("bugün", "today"),
    ("bugun", "today"),
    ("pazartesi", "monday"),
    ("salı", "tuesday"),
    ("sali", "tuesday"),
    ("çarşamba", "wednesday"),
    ("carsamba", "wednesday"),
    ("perşembe", "thursday"),
    ("persembe", "thursday"),
    // Before "cuma": a Turkish word may carry endings, so "cuma" would
    // also match "cumartesi".
    ("cumartesi", "saturday"),
    ("cuma", "friday"),
    ("pazar", "sunday"),
];
const TURKISH_QUESTIONS: &[&str] = &[
    "ne var",
    "neler var",
    "ne oluyor",
    "neler oluyor",
    "ne yapabilirim",
    "etkinlik",
    "etkinlikler",
    "program",
];

const ARABIC_TIMES: Phrases = &[
    ("نهاية الأسبوع القادم", "next weekend"),
    ("نهاية الأسبوع المقبل", "next weekend"),
    ("عطلة نهاية الأسبوع", "this weekend"),
    ("نهاية الأسبوع", "this weekend"),
    ("الويكند", "this weekend"),
    ("الأسبوع القادم", "next week"),
    ("الأسبوع المقبل", "next week"),
    ("هذا الأسبوع", "this week"),
    ("هذا المساء", "tonight"),
    ("الليلة", "tonight"),
    ("غداً", "tomorrow"),
    ("غدا", "tomorrow"),
    ("بكرة", "tomorrow"),
    ("بكره", "tomorrow"),
    ("اليوم", "today"),
    ("الاثنين", "monday"),
    ("الثلاثاء", "tuesday"),
    ("الأربعاء", "wednesday"),
    ("الخميس", "thursday"),
    ("الجمعة", "friday"),
    ("السبت", "saturday"),
    ("الأحد", "sunday"),
];
const ARABIC_QUESTIONS: &[&str] = &[
    "ماذا",
    "شو",
    "ايش",
    "إيش",
    "ما هي",
    "فعاليات",
    "الفعاليات",
    "أنشطة",
    "الأنشطة",
    "نشاطات",
];

const UKRAINIAN_TIMES: Phrases = &[
    ("на наступних вихідних", "next weekend"),
    ("наступних вихідних", "next weekend"),
    ("на цих вихідних", "this weekend"),
    ("на вихідних", "this weekend"),
    ("цих вихідних", "this weekend"),
    ("вихідних", "this weekend"),
    ("вихідні", "this weekend"),
    ("наступного тижня", "next week"),
    ("цього тижня", "this week"),
    ("сьогодні ввечері", "tonight"),
    // A day before "ввечері" alone: "завтра ввечері" is tomorrow.
    ("завтра", "tomorrow"),
    ("сьогодні", "today"),
    ("понеділок", "monday"),
    ("вівторок", "tuesday"),
    ("середу", "wednesday"),
    ("середа", "wednesday"),
    ("четвер", "thursday"),
    ("пʼятницю", "friday"),
    ("п'ятницю", "friday"),
    ("п’ятницю", "friday"),
    ("суботу", "saturday"),
    ("субота", "saturday"),
    ("неділю", "sunday"),
    ("неділя", "sunday"),
    ("ввечері", "tonight"),
];
const UKRAINIAN_QUESTIONS: &[&str] = &[
    "що відбувається",
    "що буде",
    "що є",
    "що цікавого",
    "які події",
    "які заходи",
    "куди піти",
    "події",
    "заходи",
];

/// The English question `text` (written in `lang`) asks, when it asks
/// what's on: "bu hafta sonu ne var?" is "what's on this weekend?", "ne
/// var?" alone "what's on?". `None` for anything else, and for the
/// languages the reader reads itself.
pub fn as_english_question(text: &str, lang: Language) -> Option<String> {
    let (times, questions) = match lang {
        Language::Tr => (TURKISH_TIMES, TURKISH_QUESTIONS),
        Language::Ar => (ARABIC_TIMES, ARABIC_QUESTIONS),
        Language::Uk => (UKRAINIAN_TIMES, UKRAINIAN_QUESTIONS),
        Language::Da | Language::En => return None,
    };
    let lower = words(text, lang);
    // "ne var ne yok?" is "how are you?", not a question about the calendar.
    if lang == Language::Tr && contains_words(&lower, "ne var ne yok", lang) {
        return None;
    }
    let time = times
        .iter()
        .find(|(phrase, _)| contains_words(&lower, &words(phrase, lang), lang))
        .map(|(_, english)| *english);
    let named_question = questions
        .iter()
        .any(|q| contains_words(&lower, &words(q, lang), lang));
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

/// `text` lowercased (Arabic made plain) with every run of non-letters as
/// one space, padded with spaces, so phrases match whole words.
fn words(text: &str, lang: Language) -> String {
    let mut out = String::from(" ");
    for c in text.to_lowercase().chars() {
        let c = if lang == Language::Ar {
            match plain_arabic(c) {
                Some(c) => c,
                None => continue,
            }
        } else {
            c
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
/// in Turkish its last word may carry endings ("hafta sonunda",
/// "yarınki"), as Turkish adds them to the word.
fn contains_words(padded: &str, phrase: &str, lang: Language) -> bool {
    let phrase = phrase.trim();
    if lang == Language::Tr {
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
