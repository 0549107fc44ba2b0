//! Languages the bot speaks, guessing which one a resident wrote in, and the
//! translation catalogs.
//!
//! Replies live in `bot/locales/<code>.toml` so translators can change wording
//! without touching Rust code. Every catalog must have the same keys; a unit
//! test checks that.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A language the bot can reply in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Da,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Da, Language::En];

    pub fn code(self) -> &'static str {
        match self {
            Language::Da => "da",
            Language::En => "en",
        }
    }

    fn catalog_source(self) -> &'static str {
        match self {
            Language::Da => include_str!("../locales/da.toml"),
            Language::En => include_str!("../locales/en.toml"),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown language {0:?}: use \"da\" (Danish) or \"en\" (English)")]
pub struct UnknownLanguage(String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "da" | "dansk" | "danish" => Ok(Language::Da),
            "en" | "english" | "engelsk" => Ok(Language::En),
            other => Err(UnknownLanguage(other.to_string())),
        }
    }
}

type Catalog = HashMap<String, String>;

fn catalogs() -> &'static HashMap<Language, Catalog> {
    static CATALOGS: OnceLock<HashMap<Language, Catalog>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        Language::ALL
            .iter()
            .map(|&lang| {
                // The catalogs are compiled in; a syntax error is caught by the
                // `catalogs_parse_and_agree` test before it can ship.
                let catalog: Catalog = toml::from_str(lang.catalog_source())
                    .unwrap_or_else(|e| panic!("locale {lang} does not parse: {e}"));
                (lang, catalog)
            })
            .collect()
    })
}

/// Looks up `key` in `lang`'s catalog and fills `{name}` placeholders.
///
/// A missing key falls back to English, then to the key itself, so a
/// half-finished translation degrades instead of crashing.
/// Arguments of [`tr`] that carry text a resident wrote.
const RESIDENT_WRITTEN: &[&str] = &["title", "name", "place", "topic", "reason"];

pub fn tr(lang: Language, key: &str, args: &[(&str, &str)]) -> String {
    let all = catalogs();
    let template = all
        .get(&lang)
        .and_then(|c| c.get(key))
        .or_else(|| all.get(&Language::En).and_then(|c| c.get(key)))
        .map(String::as_str)
        .unwrap_or(key);
    let mut out = template.to_string();
    for (name, value) in args {
        // What residents wrote keeps its own direction inside our sentence.
        let value = if RESIDENT_WRITTEN.contains(name) {
            crate::untrusted::isolate(value)
        } else {
            std::borrow::Cow::Borrowed(*value)
        };
        out = out.replace(&format!("{{{name}}}"), &value);
    }
    out
}

/// Every text of `lang`'s catalog whose key starts with `prefix` (the web
/// pages' texts, `web_…`), with the English text where `lang` lacks one,
/// keyed by the rest of the key.
pub fn texts(lang: Language, prefix: &str) -> std::collections::BTreeMap<String, String> {
    let all = catalogs();
    let mut out = std::collections::BTreeMap::new();
    for catalog in [all.get(&Language::En), all.get(&lang)]
        .into_iter()
        .flatten()
    {
        for (key, text) in catalog {
            if let Some(rest) = key.strip_prefix(prefix) {
                out.insert(rest.to_string(), text.clone());
            }
        }
    }
    out
}

const DANISH_WORDS: &[&str] = &[
    "og",
    "i",
    "på",
    "er",
    "der",
    "det",
    "en",
    "et",
    "kl",
    "hvad",
    "sker",
    "til",
    "med",
    "fra",
    "har",
    "vi",
    "jeg",
    "den",
    "ikke",
    "for",
    "hej",
    "tak",
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "morgen",
    "aften",
    "dag",
    "weekenden",
    "uge",
    "ugen",
    "næste",
    "denne",
    "januar",
    "februar",
    "marts",
    "maj",
    "juni",
    "juli",
    "oktober",
    "hvor",
    "hvem",
    "hvornår",
    "kom",
    "alle",
    "velkommen",
    "historie",
    "begivenhed",
    "klokken",
    "ved",
    "hos",
    "om",
    "nu",
    "noget",
    "skal",
    "kan",
    "vil",
    "os",
    "jer",
    "hele",
    "dagen",
    "ses",
];

const ENGLISH_WORDS: &[&str] = &[
    "the",
    "and",
    "is",
    "on",
    "at",
    "what's",
    "whats",
    "what",
    "this",
    "from",
    "to",
    "with",
    "we",
    "pm",
    "am",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "october",
    "today",
    "tomorrow",
    "tonight",
    "weekend",
    "week",
    "next",
    "of",
    "in",
    "for",
    "hello",
    "hi",
    "thanks",
    "story",
    "event",
    "where",
    "who",
    "when",
    "come",
    "everyone",
    "welcome",
    "are",
    "you",
    "our",
    "all",
    "day",
    "there",
    "happening",
    "please",
    "it",
    "be",
    "will",
    "a",
    "an",
];

/// Guesses which language `text` is written in; `fallback` decides a tie
/// (usually the channel's language).
pub fn detect(text: &str, fallback: Language) -> Language {
    let lower = text.to_lowercase();
    let mut danish = 0i32;
    let mut english = 0i32;
    if lower.contains(['æ', 'ø', 'å']) {
        danish += 2;
    }
    for word in lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        if word.is_empty() {
            continue;
        }
        if DANISH_WORDS.contains(&word) {
            danish += 1;
        }
        if ENGLISH_WORDS.contains(&word) {
            english += 1;
        }
    }
    match danish.cmp(&english) {
        std::cmp::Ordering::Greater => Language::Da,
        std::cmp::Ordering::Less => Language::En,
        std::cmp::Ordering::Equal => fallback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogs_parse_and_agree() {
        let all = catalogs();
        let da = &all[&Language::Da];
        let en = &all[&Language::En];
        let mut missing: Vec<String> = da
            .keys()
            .filter(|k| !en.contains_key(*k))
            .map(|k| format!("en lacks {k}"))
            .collect();
        missing.extend(
            en.keys()
                .filter(|k| !da.contains_key(*k))
                .map(|k| format!("da lacks {k}")),
        );
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn placeholders_are_filled() {
        let text = tr(Language::En, "saved_event", &[("id", "7")]);
        assert!(text.contains("#7"), "{text}");
    }

    #[test]
    fn detects_danish_and_english() {
        assert_eq!(
            detect("hvad sker der i weekenden?", Language::En),
            Language::Da
        );
        assert_eq!(detect("what's on this weekend", Language::Da), Language::En);
        assert_eq!(
            detect("Byttemarked i Glashuset lørdag kl. 10-14", Language::En),
            Language::Da
        );
        assert_eq!(
            detect(
                "Litter pick at Ishøj Strand on Sunday 14 June at 10am",
                Language::Da
            ),
            Language::En
        );
        assert_eq!(detect("/mine", Language::En), Language::En);
    }
}
