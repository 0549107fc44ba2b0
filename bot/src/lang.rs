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

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;
use std::sync::{Mutex, OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// A language the bot can reply in: one of the catalogs compiled in
/// (Danish, English, Turkish, Arabic, Ukrainian) or one an operator added
/// with a line of config (`catalogs = ["pl.ftl"]`, see [`add_catalog`]).
///
/// A small copyable handle; what the language is (its name, direction,
/// texts and the questions it asks) lives in its catalog.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Language(u16);

#[allow(non_upper_case_globals)]
impl Language {
    /// Danish and English are the languages the bot reads events and
    /// stories in (the reader in `understand/` is written for them).
    pub const Da: Language = Language(0);
    pub const En: Language = Language(1);
    /// Turkish, Arabic and Ukrainian: everyday languages in the town. The
    /// bot answers in them and understands the common questions ("what's
    /// on this weekend?"), read from their catalogs.
    pub const Tr: Language = Language(2);
    pub const Ar: Language = Language(3);
    pub const Uk: Language = Language(4);

    /// Every language the bot has: the built-in ones first, then those
    /// added by the config, in the order they were added.
    pub fn all() -> Vec<Language> {
        let count = registry().len();
        (0..count)
            .map(|i| Language(u16::try_from(i).unwrap_or(u16::MAX)))
            .collect()
    }

    pub fn code(self) -> &'static str {
        catalog(self).code
    }

    /// The language's name in itself, for a list to choose from (the
    /// catalog's `meta_name`).
    pub fn native_name(self) -> &'static str {
        &catalog(self).name
    }

    /// Written right to left (the catalog's `meta_direction = rtl`).
    pub fn is_rtl(self) -> bool {
        catalog(self).rtl
    }

    /// Whether the bot reads submissions (events, stories) written in it;
    /// in the others it answers and understands the common questions.
    pub fn reads_submissions(self) -> bool {
        self == Language::Da || self == Language::En
    }

    /// What the catalog says about reading this language: its "what's on"
    /// questions and the words that tell it apart.
    pub fn understanding(self) -> &'static Understanding {
        &catalog(self).understanding
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Danish: the language every text is written in first, and the one of a
/// Danish town with no config.
impl Default for Language {
    fn default() -> Self {
        Language::Da
    }
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown language {0:?}: use one of {1}")]
pub struct UnknownLanguage(String, String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// A language by its code, its name in itself, or another name its
    /// catalog lists (`meta_aliases`: "tyrkisk", "turkish", "turkce").
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase();
        for lang in Language::all() {
            let catalog = catalog(lang);
            if catalog.code == wanted
                || catalog.name.to_lowercase() == wanted
                || catalog.aliases.contains(&wanted)
            {
                return Ok(lang);
            }
        }
        let known = Language::all()
            .iter()
            .map(|l| format!("\"{}\" ({})", l.code(), l.native_name()))
            .collect::<Vec<_>>()
            .join(", ");
        Err(UnknownLanguage(wanted, known))
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The catalogs compiled in, in the order of the `Language` constants.
const BUILT_IN: [(&str, &str); 5] = [
    ("da", include_str!("../locales/da.ftl")),
    ("en", include_str!("../locales/en.ftl")),
    ("tr", include_str!("../locales/tr.ftl")),
    ("ar", include_str!("../locales/ar.ftl")),
    ("uk", include_str!("../locales/uk.ftl")),
];

/// The times a "what's on" question may name, as the English words the
/// reader in `window.rs` turns into a window.
pub const QUESTION_TIMES: &[&str] = &[
    "this weekend",
    "next weekend",
    "this week",
    "next week",
    "tonight",
    "today",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// How a language's common questions are read (its catalog's optional
/// `understand_…` texts; empty for Danish and English, which the reader
/// reads itself).
#[derive(Debug, Default)]
pub struct Understanding {
    /// (phrase, English time), longest first as the catalog lists them:
    /// `understand_times`, one "phrase = english" per line.
    pub times: Vec<(String, String)>,
    /// Words that ask ("ne var", "ماذا"): `understand_questions`.
    pub questions: Vec<String>,
    /// Phrases that look like a question but are not ("ne var ne yok", a
    /// greeting): `understand_not_questions`.
    pub not_questions: Vec<String>,
    /// Common words that tell a message is in this language:
    /// `understand_words`.
    pub words: Vec<String>,
    /// Letters only this language (of ours) uses: `understand_letters`.
    pub letters: Vec<char>,
    /// Whether a phrase's last word may carry endings (Turkish "hafta
    /// sonunda", "yarınki"): `understand_word_endings = yes`.
    pub word_endings: bool,
}

/// One language's catalog, parsed once.
struct Catalog {
    code: &'static str,
    source: String,
    bundle: Bundle,
    /// Message keys in the catalog's order.
    keys: Vec<String>,
    name: String,
    rtl: bool,
    aliases: Vec<String>,
    understanding: Understanding,
}

/// Every language the process has. Languages are only ever added (at
/// start, from the config), never removed, so a `Language` stays valid.
fn registry() -> std::sync::RwLockReadGuard<'static, Vec<&'static Catalog>> {
    registry_lock().read().unwrap_or_else(|e| e.into_inner())
}

fn registry_lock() -> &'static RwLock<Vec<&'static Catalog>> {
    static REGISTRY: OnceLock<RwLock<Vec<&'static Catalog>>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let catalogs = BUILT_IN
            .iter()
            .map(|(code, source)| {
                // Compiled in; a catalog that does not parse is caught by
                // the `catalogs_parse` test before it can ship.
                let catalog = parse_catalog(code, source.to_string())
                    .unwrap_or_else(|e| panic!("bot/locales/{code}.ftl: {e}"));
                &*Box::leak(Box::new(catalog))
            })
            .collect();
        RwLock::new(catalogs)
    })
}

fn catalog(lang: Language) -> &'static Catalog {
    let all = registry();
    // A `Language` is only made from the registry, which never shrinks.
    all.get(usize::from(lang.0)).copied().unwrap_or(all[0])
}

/// Parses a catalog; `Err` says what is wrong with it.
fn parse_catalog(code: &str, source: String) -> Result<Catalog, String> {
    use fluent_syntax::ast::Entry;
    let resource = FluentResource::try_new(source.clone()).map_err(|(_, errors)| {
        errors
            .iter()
            .map(|e| format!("{e:?}"))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let keys: Vec<String> = resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect();
    let locale = code
        .parse()
        .map_err(|e| format!("{code} is not a language tag: {e}"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Residents' own words are isolated where they are passed in (see
    // RESIDENT_WRITTEN); isolating every number and date too would put
    // invisible marks around "#12" and "kl. 14" that some clients show.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|errors| format!("{errors:?}"))?;
    let text = |key: &str| -> Option<String> {
        let pattern = bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| text.trim().to_string())
    };
    let list = |key: &str| -> Vec<String> {
        text(key)
            .map(|t| {
                t.split([',', '\n'])
                    .map(|w| w.trim().to_lowercase())
                    .filter(|w| !w.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let name = text("meta_name").filter(|n| !n.is_empty()).ok_or(
        "it has no meta_name (the language's name in itself, e.g. \"meta_name = Polski\")",
    )?;
    let rtl = match text("meta_direction").as_deref() {
        None | Some("ltr") => false,
        Some("rtl") => true,
        Some(other) => {
            return Err(format!(
                "meta_direction is {other:?}; write \"ltr\" (left to right) or \"rtl\""
            ));
        }
    };
    let mut times = Vec::new();
    for line in text("understand_times").unwrap_or_default().lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some((phrase, english)) = line.rsplit_once('=') else {
            return Err(format!(
                "understand_times: {line:?} needs \"phrase = english\", e.g. \"w weekend = this weekend\""
            ));
        };
        let english = english.trim().to_lowercase();
        if !QUESTION_TIMES.contains(&english.as_str()) {
            return Err(format!(
                "understand_times: {english:?} is not one of {QUESTION_TIMES:?}"
            ));
        }
        times.push((phrase.trim().to_lowercase(), english));
    }
    let understanding = Understanding {
        times,
        questions: list("understand_questions"),
        not_questions: list("understand_not_questions"),
        words: list("understand_words"),
        letters: list("understand_letters")
            .iter()
            .flat_map(|l| l.chars())
            .filter(|c| c.is_alphabetic())
            .collect(),
        word_endings: text("understand_word_endings").as_deref() == Some("yes"),
    };
    let aliases = list("meta_aliases");
    Ok(Catalog {
        code: Box::leak(code.to_string().into_boxed_str()),
        source,
        bundle,
        keys,
        name,
        rtl,
        aliases,
        understanding,
    })
}

/// Texts a catalog may leave out: how the bot reads the language. Without
/// them it answers in the language but does not read its questions.
const OPTIONAL_PREFIX: &str = "understand_";

/// Adds the language of catalog `source` (an `.ftl` file an operator
/// names in the config) under `code`, so channels and residents can
/// choose it. The catalog must parse, name its language (`meta_name`) and
/// use only the variables the bot passes; texts it lacks are shown in
/// English (and listed once in the log). Adding the same catalog twice is
/// harmless.
pub fn add_catalog(code: &str, source: String) -> Result<Language, String> {
    let code = code.trim().to_lowercase();
    let tag_like = !code.is_empty()
        && code
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
        && code.split('-').next().is_some_and(|first| {
            (2..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_lowercase())
        });
    if !tag_like {
        return Err(format!(
            "{code:?} is not a language code; name the file after its ISO 639 code, e.g. pl.ftl"
        ));
    }
    if let Some(existing) = Language::all().into_iter().find(|l| l.code() == code) {
        if usize::from(existing.0) < BUILT_IN.len() {
            return Err(format!(
                "{code} is built in (bot/locales/{code}.ftl); change that file instead"
            ));
        }
        if catalog(existing).source == source {
            return Ok(existing);
        }
        return Err(format!("{code} was already added from another file"));
    }
    let catalog = parse_catalog(&code, source)?;
    let english = self::catalog(Language::En);
    let mut wrong = Vec::new();
    for key in &catalog.keys {
        if key.starts_with("meta_") || key.starts_with(OPTIONAL_PREFIX) {
            continue;
        }
        if !english.keys.contains(key) {
            wrong.push(format!("{key} is not a text the bot uses"));
            continue;
        }
        let (theirs, original) = (
            variables_in(&catalog.bundle, key),
            variables_in(&english.bundle, key),
        );
        if let Some(v) = theirs.iter().find(|v| !original.contains(v)) {
            wrong.push(format!(
                "{key} uses ${v}; the bot passes only {}",
                if original.is_empty() {
                    "no variables".to_string()
                } else {
                    original
                        .iter()
                        .map(|v| format!("${v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ));
        }
    }
    if !wrong.is_empty() {
        return Err(wrong.join("; "));
    }
    let lacking = english
        .keys
        .iter()
        .filter(|k| !k.starts_with(OPTIONAL_PREFIX) && !catalog.keys.contains(k))
        .count();
    if lacking > 0 {
        tracing::warn!(
            language = %code,
            lacking,
            "the catalog lacks some texts; those are shown in English"
        );
    }
    let mut all = registry_lock().write().unwrap_or_else(|e| e.into_inner());
    // Another thread may have added it meanwhile.
    if let Some(i) = all.iter().position(|c| c.code == code) {
        return Ok(Language(u16::try_from(i).unwrap_or(u16::MAX)));
    }
    let index = u16::try_from(all.len()).map_err(|_| "too many languages".to_string())?;
    all.push(Box::leak(Box::new(catalog)));
    Ok(Language(index))
}

/// Reads catalog file `path` (its name is the language's code: `pl.ftl`)
/// and adds its language, see [`add_catalog`].
pub fn add_catalog_file(path: &std::path::Path) -> Result<Language, String> {
    let code = path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|_| path.extension().is_some_and(|e| e == "ftl"))
        .ok_or("name the file after its language code, ending in .ftl (e.g. pl.ftl)")?;
    let source = std::fs::read_to_string(path).map_err(|e| format!("cannot read it: {e}"))?;
    add_catalog(code, source)
}

/// Arguments of [`tr`] that carry text a resident (or the operator, for
/// group and channel names) wrote, in whatever script: isolated so it keeps
/// its own direction inside our sentence.
const RESIDENT_WRITTEN: &[&str] = &[
    "title", "name", "place", "topic", "reason", "text", "choice", "matched", "what", "asked",
    "group", "channel", "domains", "link", "address",
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
    for candidate in fallbacks(lang) {
        let bundle = &catalog(candidate).bundle;
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

/// What separates the items of a list in `lang`: ", ", and "، " in
/// Arabic (the catalogs' `list_comma`).
pub fn comma(lang: Language) -> String {
    tr(lang, "list_comma", &[])
}

/// Whether the catalogs have text `key` (Danish, the one every text is
/// written in first).
pub fn exists(key: &str) -> bool {
    catalog(Language::Da).bundle.get_message(key).is_some()
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
    &catalog(lang).keys
}

/// The variables (`$name`) message `key` of `lang` uses, anywhere in it.
pub fn variables(lang: Language, key: &str) -> Vec<String> {
    variables_in(&catalog(lang).bundle, key)
}

fn variables_in(bundle: &Bundle, key: &str) -> Vec<String> {
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
    if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
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

/// How clearly `text` is in `lang`, by the words and letters its catalog
/// lists (`understand_words`, `understand_letters`): (words, letters).
fn signals(lang: Language, words: &[&str], text: &str) -> (i32, i32) {
    let understanding = lang.understanding();
    let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    let word_hits = words
        .iter()
        .filter(|w| understanding.words.iter().any(|known| known == *w))
        .count();
    let letter_hit = text.contains(understanding.letters.as_slice());
    (count(word_hits), i32::from(letter_hit))
}

/// The language other than Danish and English whose catalog's words and
/// letters `text` shows most, if `enough` says its signals are enough.
fn best_other(
    words: &[&str],
    text: &str,
    enough: impl Fn(i32, i32) -> bool,
) -> Option<(Language, i32)> {
    Language::all()
        .into_iter()
        .filter(|l| !l.reads_submissions())
        .filter_map(|lang| {
            let (words, letters) = signals(lang, words, text);
            enough(words, letters).then_some((lang, words + letters))
        })
        .max_by_key(|(_, score)| *score)
}

/// Guesses which language `text` is written in, picking one only when the
/// text says so clearly; otherwise `fallback` (the person's or the
/// channel's language). Danish and English are told by their common words
/// and letters; the other languages by the words and letters their
/// catalogs list. In a script other than Latin one sign is enough (its
/// own letters or a word: Cyrillic alone does not say Ukrainian, Russian
/// is not one of ours unless a catalog adds it); text in Arabic script is
/// Arabic unless it has letters Arabic does not use (Urdu, Persian) or a
/// catalog of such a language claims it.
pub fn detect(text: &str, fallback: Language) -> Language {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let arabic = text.chars().filter(|c| is_arabic_letter(*c)).count();
    let cyrillic = text.chars().filter(|c| is_cyrillic_letter(*c)).count();
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let one_sign = |words: i32, letters: i32| words + letters >= 1;
    if letters > 0 && arabic * 2 > letters {
        let claimed = best_other(&words, &lower, one_sign)
            .map(|(lang, _)| lang)
            .filter(|&lang| lang != Language::Ar);
        return match claimed {
            Some(lang) => lang,
            None if text.contains(NOT_ARABIC_LETTERS) => fallback,
            None => Language::Ar,
        };
    }
    if letters > 0 && cyrillic * 2 > letters {
        return best_other(&words, &lower, one_sign).map_or(fallback, |(lang, _)| lang);
    }
    let mut danish = 0i32;
    let mut english = 0i32;
    if lower.contains(['æ', 'ø', 'å']) {
        danish += 2;
    }
    for word in &words {
        if DANISH_WORDS.contains(word) {
            danish += 1;
        }
        if ENGLISH_WORDS.contains(word) {
            english += 1;
        }
    }
    // Another language only when clearly so: two of its words, or one and
    // its letters (a Turkish name in a Danish or English message, "Ayşe's
    // cooking class", is not Turkish: the letters count once).
    let clearly = |words: i32, letters: i32| words >= 1 && words + letters >= 2;
    if let Some((lang, score)) = best_other(&words, &lower, clearly)
        && score > danish
        && score > english
    {
        return lang;
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
        for (code, source) in BUILT_IN {
            if let Err(e) = parse_catalog(code, source.to_string()) {
                panic!("bot/locales/{code}.ftl: {e}");
            }
        }
        for (i, lang) in Language::all().into_iter().take(BUILT_IN.len()).enumerate() {
            assert_eq!(lang.code(), BUILT_IN[i].0, "the constants follow BUILT_IN");
        }
    }

    #[test]
    fn catalogs_have_the_same_texts() {
        let required = |lang| -> HashSet<String> {
            keys(lang)
                .iter()
                .filter(|k| !k.starts_with(OPTIONAL_PREFIX))
                .cloned()
                .collect()
        };
        let reference = required(Language::Da);
        for lang in Language::all() {
            let theirs = required(lang);
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
        for lang in Language::all() {
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
        for lang in Language::all() {
            for key in keys(lang) {
                let mut found = Vec::new();
                if let Some(p) = catalog(lang)
                    .bundle
                    .get_message(key)
                    .and_then(|m| m.value())
                {
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
        for lang in Language::all() {
            let bundle = &catalog(lang).bundle;
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
                for lang in Language::all() {
                    if catalog(lang).bundle.get_message(key).is_none() {
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
            for lang in Language::all() {
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
        // Events: "… and N more" in an answer and under a clash warning.
        for key in ["whatson_more", "clash_more"] {
            for lang in Language::all() {
                for n in [0, 1, 2, 5] {
                    let text = tr(lang, key, &[("count", &n.to_string())]);
                    assert!(
                        text.contains(&n.to_string())
                            || (lang == Language::Ar && (1..=2).contains(&n)),
                        "{lang} {key} {n}: {text}"
                    );
                }
            }
            assert!(
                forms(Language::Ar, key, &[0, 1, 2, 3, 11, 100]) >= 4,
                "ar {key}"
            );
        }
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
