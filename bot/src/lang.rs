//! Languages the bot speaks, guessing which one a resident wrote in, and the
//! translation catalogs.
//!
//! Every text a resident, an admin or a web visitor sees lives in
//! `bot/locales/<code>.ftl`, one Project Fluent file per language
//! (TRANSLATING.md says how to change or add one). Fluent gives translators
//! what a lookup table cannot: plurals and other choices in the catalog
//! (`{ $count -> [one] … *[other] … }`), with each language's own plural
//! rules from CLDR. The catalogs are compiled in; tests check that each
//! parses, has every key the code uses, uses only the variables the code
//! passes, and renders every message.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// A language the bot can reply in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Da,
    En,
    /// Turkish, Arabic and Ukrainian: everyday languages in the town. The
    /// bot answers in them and understands the common questions ("what's
    /// on this weekend?"); submissions are read in Danish and English.
    Tr,
    Ar,
    Uk,
}

impl Language {
    pub const ALL: [Language; 5] = [
        Language::Da,
        Language::En,
        Language::Tr,
        Language::Ar,
        Language::Uk,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Language::Da => "da",
            Language::En => "en",
            Language::Tr => "tr",
            Language::Ar => "ar",
            Language::Uk => "uk",
        }
    }

    /// The language's name in itself, for a list to choose from.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::Da => "Dansk",
            Language::En => "English",
            Language::Tr => "Türkçe",
            Language::Ar => "العربية",
            Language::Uk => "Українська",
        }
    }

    /// Written right to left.
    pub fn is_rtl(self) -> bool {
        self == Language::Ar
    }

    /// Whether the bot reads submissions (events, stories) written in it;
    /// in the others it answers and understands the common questions.
    pub fn reads_submissions(self) -> bool {
        matches!(self, Language::Da | Language::En)
    }

    /// The Fluent catalog, compiled in.
    fn catalog_source(self) -> &'static str {
        match self {
            Language::Da => include_str!("../locales/da.ftl"),
            Language::En => include_str!("../locales/en.ftl"),
            Language::Tr => include_str!("../locales/tr.ftl"),
            Language::Ar => include_str!("../locales/ar.ftl"),
            Language::Uk => include_str!("../locales/uk.ftl"),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, thiserror::Error)]
#[error(
    "unknown language {0:?}: use \"da\" (Danish), \"en\" (English), \"tr\" (Turkish), \"ar\" (Arabic) or \"uk\" (Ukrainian)"
)]
pub struct UnknownLanguage(String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "da" | "dansk" | "danish" | "danca" => Ok(Language::Da),
            "en" | "english" | "engelsk" | "ingilizce" => Ok(Language::En),
            "tr" | "türkçe" | "turkce" | "turkish" | "tyrkisk" => Ok(Language::Tr),
            "ar" | "العربية" | "عربي" | "arabic" | "arabisk" => Ok(Language::Ar),
            "uk" | "українська" | "ukrainian" | "ukrainsk" => Ok(Language::Uk),
            other => Err(UnknownLanguage(other.to_string())),
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

/// Parses a catalog into a bundle; `Err` lists what is wrong with it.
fn bundle(lang: Language) -> Result<Bundle, String> {
    let resource =
        FluentResource::try_new(lang.catalog_source().to_string()).map_err(|(_, errors)| {
            errors
                .iter()
                .map(|e| format!("{e:?}"))
                .collect::<Vec<_>>()
                .join("; ")
        })?;
    let locale = lang
        .code()
        .parse()
        .map_err(|e| format!("{} is not a language tag: {e}", lang.code()))?;
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Residents' own words are isolated where they are passed in (see
    // RESIDENT_WRITTEN); isolating every number and date too would put
    // invisible marks around "#12" and "kl. 14" that some clients show.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|errors| format!("{errors:?}"))?;
    Ok(bundle)
}

fn bundles() -> &'static HashMap<Language, Bundle> {
    static BUNDLES: OnceLock<HashMap<Language, Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        Language::ALL
            .iter()
            .map(|&lang| {
                // Compiled in; a catalog that does not parse is caught by
                // the `catalogs_parse` test before it can ship.
                let bundle = bundle(lang)
                    .unwrap_or_else(|e| panic!("the {lang} catalog does not parse: {e}"));
                (lang, bundle)
            })
            .collect()
    })
}

/// Arguments of [`tr`] that carry text a resident wrote.
const RESIDENT_WRITTEN: &[&str] = &[
    "title", "name", "place", "topic", "reason", "text", "choice",
];

/// Arguments of [`tr`] that are counts: passed to Fluent as numbers, so a
/// catalog can choose its plural form (`{ $count -> [one] … *[other] … }`).
const COUNTS: &[&str] = &["count", "minutes", "hours", "seconds", "strikes"];

/// Where a text is looked for: the language asked for, then English, then
/// Danish (the catalogs every text is written in first).
fn fallbacks(lang: Language) -> [Language; 3] {
    [lang, Language::En, Language::Da]
}

/// Says once per (language, key) what is wrong with a text, so a missing
/// translation is noticed without filling the log.
fn complain_once(lang: Language, key: &str, what: &str) {
    static TOLD: OnceLock<Mutex<HashSet<(Language, String)>>> = OnceLock::new();
    let told = TOLD.get_or_init(Default::default);
    let first = told
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert((lang, key.to_string()));
    if first {
        tracing::error!(language = %lang, key, "{what}");
    }
}

/// The text `key` in `lang`, with `args` filled in.
///
/// A text missing from `lang`'s catalog comes from English, then Danish,
/// and is logged once; a key no catalog has (a bug the catalog tests
/// catch) gives an empty text, never the key itself.
pub fn tr(lang: Language, key: &str, args: &[(&str, &str)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        if COUNTS.contains(name)
            && let Ok(number) = value.parse::<i64>()
        {
            fluent_args.set(*name, FluentValue::from(number));
        } else if RESIDENT_WRITTEN.contains(name) {
            // What residents wrote keeps its own direction inside our
            // sentence: always in a right-to-left one, else when it holds
            // right-to-left letters.
            fluent_args.set(
                *name,
                crate::untrusted::isolate_in(lang, value).into_owned(),
            );
        } else {
            fluent_args.set(*name, value.to_string());
        }
    }
    let all = bundles();
    for candidate in fallbacks(lang) {
        let bundle = &all[&candidate];
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            continue;
        };
        if candidate != lang {
            complain_once(
                lang,
                key,
                "text missing from this catalog; shown in another language",
            );
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            complain_once(
                candidate,
                key,
                &format!("text does not fill in: {errors:?}"),
            );
        }
        return text.into_owned();
    }
    complain_once(lang, key, "no catalog has this text");
    String::new()
}

/// Whether the catalogs have text `key` (Danish, the one every text is
/// written in first).
pub fn exists(key: &str) -> bool {
    bundles()[&Language::Da].get_message(key).is_some()
}

/// The name of a rule, an action or another stored word in `lang`
/// (`name_of(lang, "log_rule", "flood")` is the text `log_rule_flood`); a
/// word the catalogs do not know (stored by an older version) as it is.
pub fn name_of(lang: Language, prefix: &str, name: &str) -> String {
    let key = format!("{prefix}_{name}");
    if exists(&key) {
        tr(lang, &key, &[])
    } else {
        name.to_string()
    }
}

/// Every text of `lang`'s catalog whose key starts with `prefix` and that
/// needs no arguments (the web pages' fixed texts, `web_…`), with the
/// English text where `lang` lacks one, keyed by the rest of the key.
pub fn texts(lang: Language, prefix: &str) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    for key in keys(Language::En).iter().chain(keys(lang)) {
        if let Some(rest) = key.strip_prefix(prefix)
            && !out.contains_key(rest)
            && variables(Language::En, key).is_empty()
        {
            out.insert(rest.to_string(), tr(lang, key, &[]));
        }
    }
    out
}

/// Every message key in `lang`'s catalog, in the catalog's order. Read once:
/// the web asks for its texts on every page.
pub fn keys(lang: Language) -> &'static [String] {
    use fluent_syntax::ast::Entry;
    static KEYS: OnceLock<HashMap<Language, Vec<String>>> = OnceLock::new();
    let all = KEYS.get_or_init(|| {
        Language::ALL
            .iter()
            .map(|&lang| {
                let resource = FluentResource::try_new(lang.catalog_source().to_string())
                    .unwrap_or_else(|(resource, _)| resource);
                let keys = resource
                    .entries()
                    .filter_map(|entry| match entry {
                        Entry::Message(message) => Some(message.id.name.to_string()),
                        _ => None,
                    })
                    .collect();
                (lang, keys)
            })
            .collect()
    });
    &all[&lang]
}

/// The variables (`$name`) message `key` of `lang` uses, anywhere in it.
pub fn variables(lang: Language, key: &str) -> Vec<String> {
    use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
    fn in_inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            InlineExpression::Placeable { expression } => in_expression(expression, out),
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    in_inline(a, out);
                }
            }
            _ => {}
        }
    }
    fn in_expression(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Inline(inline) => in_inline(inline, out),
            Expression::Select { selector, variants } => {
                in_inline(selector, out);
                for v in variants {
                    in_pattern(&v.value, out);
                }
            }
        }
    }
    fn in_pattern(p: &Pattern<&str>, out: &mut Vec<String>) {
        for element in &p.elements {
            if let PatternElement::Placeable { expression } = element {
                in_expression(expression, out);
            }
        }
    }
    let mut out = Vec::new();
    if let Some(pattern) = bundles()[&lang].get_message(key).and_then(|m| m.value()) {
        in_pattern(pattern, &mut out);
    }
    out.sort();
    out.dedup();
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

/// Turkish words common in questions and greetings (with and without the
/// Turkish letters, which phones do not always offer).
const TURKISH_WORDS: &[&str] = &[
    "bu",
    "ne",
    "neler",
    "var",
    "mı",
    "mi",
    "mu",
    "mü",
    "hafta",
    "sonu",
    "haftasonu",
    "yarın",
    "yarin",
    "bugün",
    "bugun",
    "akşam",
    "aksam",
    "merhaba",
    "selam",
    "etkinlik",
    "etkinlikler",
    "nerede",
    "zaman",
    "için",
    "icin",
    "ve",
    "bir",
    "oluyor",
    "gün",
    "günü",
    "saat",
    "teşekkürler",
    "lütfen",
    "cumartesi",
    "pazar",
    "pazartesi",
    "salı",
    "çarşamba",
    "perşembe",
    "cuma",
    "hangi",
    "bana",
    "gelecek",
    "haftaya",
    "burada",
    "şehirde",
];

/// Ukrainian words common in questions and greetings, and letters Russian
/// does not have: Cyrillic alone does not say Ukrainian.
const UKRAINIAN_WORDS: &[&str] = &[
    // Only words Russian does not share ("на", "завтра" are both).
    "що",
    "які",
    "є",
    "буде",
    "відбувається",
    "вихідних",
    "вихідні",
    "сьогодні",
    "ввечері",
    "тижня",
    "цього",
    "наступного",
    "привіт",
    "дякую",
    "ласка",
    "де",
    "коли",
    "події",
    "заходи",
];
const UKRAINIAN_LETTERS: &[char] = &['і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ'];

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Letters of Urdu, Persian, Pashto and Kurdish that Arabic does not use:
/// those are written in the same script but are not Arabic.
const NOT_ARABIC_LETTERS: &[char] = &[
    'پ', 'چ', 'ژ', 'ک', 'گ', 'ی', 'ہ', 'ے', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ھ', 'ۆ', 'ێ',
];

fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// Guesses which language `text` is written in, picking one only when the
/// text says so clearly; otherwise `fallback` (the person's or the
/// channel's language). Arabic and Ukrainian are told by their letters
/// (Ukrainian needs its own letters or words: Russian is not one of ours),
/// Danish, English and Turkish by their common words and letters.
pub fn detect(text: &str, fallback: Language) -> Language {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let arabic = text.chars().filter(|c| is_arabic_letter(*c)).count();
    let cyrillic = text.chars().filter(|c| is_cyrillic_letter(*c)).count();
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    if letters > 0 && arabic * 2 > letters {
        // Urdu or Persian: not a language we have; the person's or the
        // channel's answers.
        return if text.contains(NOT_ARABIC_LETTERS) {
            fallback
        } else {
            Language::Ar
        };
    }
    if letters > 0 && cyrillic * 2 > letters {
        let ukrainian =
            text.contains(UKRAINIAN_LETTERS) || words.iter().any(|w| UKRAINIAN_WORDS.contains(w));
        return if ukrainian { Language::Uk } else { fallback };
    }
    let mut danish = 0i32;
    let mut english = 0i32;
    let mut turkish = 0i32;
    if lower.contains(['æ', 'ø', 'å']) {
        danish += 2;
    }
    // A Turkish name in a Danish or English message ("Ayşe's cooking
    // class") is not Turkish: the letters count once, beside its words.
    let turkish_letters = lower.contains(['ğ', 'ı', 'ş']);
    for word in &words {
        if DANISH_WORDS.contains(word) {
            danish += 1;
        }
        if ENGLISH_WORDS.contains(word) {
            english += 1;
        }
        if TURKISH_WORDS.contains(word) {
            turkish += 1;
        }
    }
    // Turkish only when clearly so: two of its words, or one and its
    // letters.
    let turkish_score = turkish + i32::from(turkish_letters);
    if turkish >= 1 && turkish_score >= 2 && turkish_score > danish && turkish_score > english {
        return Language::Tr;
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
    fn catalogs_parse() {
        for lang in Language::ALL {
            if let Err(e) = bundle(lang) {
                panic!("bot/locales/{lang}.ftl: {e}");
            }
        }
    }

    #[test]
    fn catalogs_have_the_same_texts() {
        let reference: HashSet<String> = keys(Language::Da).iter().cloned().collect();
        for lang in Language::ALL {
            let theirs: HashSet<String> = keys(lang).iter().cloned().collect();
            let mut lacks: Vec<_> = reference.difference(&theirs).collect();
            let mut extra: Vec<_> = theirs.difference(&reference).collect();
            lacks.sort();
            extra.sort();
            assert!(
                lacks.is_empty() && extra.is_empty(),
                "{lang}.ftl lacks {lacks:?} and has {extra:?} beyond da.ftl"
            );
        }
    }

    /// A translation uses the variables the code passes for that text (the
    /// Danish text's), and no others.
    #[test]
    fn translations_use_the_variables_of_the_original() {
        let mut wrong = Vec::new();
        for lang in Language::ALL {
            for key in keys(lang) {
                let (theirs, original) = (variables(lang, key), variables(Language::Da, key));
                if theirs.iter().any(|v| !original.contains(v)) {
                    wrong.push(format!(
                        "{lang} {key}: {theirs:?}, the code passes {original:?}"
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// A plural is chosen on a number: every variable a select is made on
    /// must be one the code passes as a number (`COUNTS`); as text, Fluent
    /// would silently take the default form.
    #[test]
    fn plurals_are_chosen_on_numbers() {
        use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
        fn selectors(p: &Pattern<&str>, out: &mut Vec<String>) {
            for element in &p.elements {
                if let PatternElement::Placeable {
                    expression: Expression::Select { selector, variants },
                } = element
                {
                    if let InlineExpression::VariableReference { id } = selector {
                        out.push(id.name.to_string());
                    }
                    for v in variants {
                        selectors(&v.value, out);
                    }
                }
            }
        }
        let mut wrong = Vec::new();
        for lang in Language::ALL {
            for key in keys(lang) {
                let mut found = Vec::new();
                if let Some(p) = bundles()[&lang].get_message(key).and_then(|m| m.value()) {
                    selectors(p, &mut found);
                }
                for name in found {
                    if !COUNTS.contains(&name.as_str()) {
                        wrong.push(format!("{lang} {key}: a plural on ${name}, passed as text"));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// Every text renders with sample arguments, without an error, and
    /// with each plural form where it has them.
    #[test]
    fn every_text_renders() {
        let mut wrong = Vec::new();
        for lang in Language::ALL {
            let bundle = &bundles()[&lang];
            for key in keys(lang) {
                let pattern = bundle.get_message(key).and_then(|m| m.value());
                let Some(pattern) = pattern else {
                    wrong.push(format!("{lang} {key}: no value"));
                    continue;
                };
                for count in [0, 1, 2, 5, 21] {
                    let mut args = FluentArgs::new();
                    for name in variables(lang, key) {
                        if COUNTS.contains(&name.as_str()) {
                            args.set(name, FluentValue::from(count));
                        } else {
                            args.set(name, "Glashuset");
                        }
                    }
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                    if !errors.is_empty() || text.trim().is_empty() || text.contains('{') {
                        wrong.push(format!("{lang} {key}: {text:?} {errors:?}"));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// Every `tr(…, "key", &[("name", …), …])` in the workspace's Rust code
    /// names a text every catalog has, and passes every variable that text
    /// uses. Keys built at run time (`format!`) are covered by
    /// `every_text_renders`.
    #[test]
    fn the_code_asks_only_for_texts_that_exist() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        let mut dirs = vec![root.join("bot/src"), root.join("web/src"), root.join("src")];
        for adapter in ["console", "discord", "matrix", "telegram"] {
            dirs.push(root.join("adapters").join(adapter).join("src"));
        }
        while let Some(dir) = dirs.pop() {
            for entry in
                std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        // Up to the argument list's `&[`; the list itself is read to its
        // matching `]` (arguments may hold calls with lists of their own).
        let call =
            regex::Regex::new(r#"\btr\(\s*[^,()]+,\s*"([a-z0-9_]+)",\s*&\["#).expect("regex");
        let name = regex::Regex::new(r#"\(\s*"([a-z_]+)""#).expect("regex");
        let mut wrong = Vec::new();
        let mut seen = 0;
        // This file's own tests ask for missing texts on purpose.
        files.retain(|f| !f.ends_with("bot/src/lang.rs"));
        for file in files {
            let source = std::fs::read_to_string(&file).expect("source");
            for found in call.captures_iter(&source) {
                seen += 1;
                let key = &found[1];
                let rest = &source[found.get(0).expect("match").end()..];
                let mut depth = 1;
                let end = rest
                    .char_indices()
                    .find(|(_, c)| {
                        match c {
                            '[' => depth += 1,
                            ']' => depth -= 1,
                            _ => {}
                        }
                        depth == 0
                    })
                    .map_or(rest.len(), |(i, _)| i);
                let passed: Vec<&str> = name
                    .captures_iter(&rest[..end])
                    .map(|c| c.get(1).expect("name").as_str())
                    .collect();
                for lang in Language::ALL {
                    if bundles()[&lang].get_message(key).is_none() {
                        wrong.push(format!("{}: {lang}.ftl has no {key}", file.display()));
                        continue;
                    }
                    for variable in variables(lang, key) {
                        if !passed.contains(&variable.as_str()) {
                            wrong.push(format!(
                                "{}: {key} in {lang}.ftl uses ${variable}, which the code does not pass ({passed:?})",
                                file.display()
                            ));
                        }
                    }
                }
            }
        }
        assert!(
            seen > 200,
            "only {seen} calls found: is the pattern still right?"
        );
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn placeholders_are_filled() {
        let text = tr(Language::En, "saved_event", &[("id", "7")]);
        assert!(text.contains("#7"), "{text}");
    }

    #[test]
    fn plurals_follow_each_language() {
        let links = |lang, n: &str| tr(lang, "rules_max_links", &[("count", n)]);
        assert_eq!(links(Language::En, "1"), "At most 1 link per message.");
        assert_eq!(links(Language::En, "3"), "At most 3 links per message.");
        assert_eq!(links(Language::Da, "1"), "Højst 1 link pr. besked.");
        assert_eq!(links(Language::Da, "2"), "Højst 2 links pr. besked.");
    }

    /// 0, 1, 2 and 5 (and Arabic's 11 and 100) of links, warnings and
    /// events take each language's own forms: Ukrainian's one/few/many,
    /// Arabic's six; Turkish keeps the noun singular after a number.
    #[test]
    fn plurals_take_each_languages_forms() {
        let shape = |lang, key: &str, n: i64| {
            // The form around the number, whatever its digits.
            let text = tr(lang, key, &[("count", &n.to_string()), ("seconds", "10")]);
            let mut shape = String::new();
            for c in text.chars() {
                if !c.is_ascii_digit() {
                    shape.push(c);
                } else if !shape.ends_with('N') {
                    shape.push('N');
                }
            }
            shape
        };
        let forms = |lang, key: &str, counts: &[i64]| {
            let mut all: Vec<String> = counts.iter().map(|n| shape(lang, key, *n)).collect();
            all.sort();
            all.dedup();
            all.len()
        };
        for key in ["measure_links", "measure_strikes"] {
            let uk = |n| shape(Language::Uk, key, n);
            assert_ne!(uk(1), uk(5), "uk {key}: 5 is not like 1");
            assert_eq!(uk(21), uk(1), "uk {key}: 21 is like 1");
            assert_eq!(uk(22), uk(2), "uk {key}: 22 is like 2");
            assert_eq!(uk(25), uk(5), "uk {key}: 25 is like 5");
            assert!(
                forms(Language::Ar, key, &[0, 1, 2, 3, 11, 100]) >= 4,
                "ar {key}"
            );
            assert_eq!(forms(Language::Da, key, &[2, 5]), 1, "da {key}");
            assert_eq!(forms(Language::En, key, &[1, 5]), 2, "en {key}");
            for lang in Language::ALL {
                for n in [0, 1, 2, 5] {
                    let text = tr(lang, key, &[("count", &n.to_string())]);
                    assert!(
                        text.contains(&n.to_string()) || (lang == Language::Ar && n <= 2),
                        "{lang} {key} {n}: {text}"
                    );
                }
            }
        }
        assert_eq!(
            shape(Language::Tr, "measure_links", 1),
            shape(Language::Tr, "measure_links", 5)
        );
    }

    #[test]
    fn a_missing_text_is_never_shown_as_its_key() {
        assert_eq!(tr(Language::Da, "no_such_text_anywhere", &[]), "");
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

    #[test]
    fn detects_turkish_arabic_and_ukrainian_only_when_clear() {
        assert_eq!(detect("bu hafta sonu ne var?", Language::Da), Language::Tr);
        assert_eq!(detect("yarin ne var", Language::Da), Language::Tr);
        assert_eq!(
            detect("ماذا يحدث في عطلة نهاية الأسبوع؟", Language::Da),
            Language::Ar
        );
        assert_eq!(
            detect("що відбувається на вихідних?", Language::Da),
            Language::Uk
        );
        // Russian is not Ukrainian, Urdu is not Arabic: the channel's
        // language answers.
        assert_eq!(detect("что будет в субботу", Language::Da), Language::Da);
        assert_eq!(
            detect("что будет завтра на выходных", Language::Da),
            Language::Da
        );
        assert_eq!(detect("اس ہفتے کیا ہو رہا ہے؟", Language::Da), Language::Da);
        // A Turkish name in an English message.
        assert_eq!(
            detect("Ayşe's cooking class on Saturday at 14:00", Language::Da),
            Language::En
        );
        // One word is not enough to change language.
        assert_eq!(detect("merhaba", Language::Da), Language::Da);
        assert_eq!(detect("ok 👍", Language::Tr), Language::Tr);
        // A Danish event with a Turkish name stays Danish.
        assert_eq!(
            detect("Kahvaltı i Glashuset lørdag kl. 10", Language::En),
            Language::Da
        );
    }
}
