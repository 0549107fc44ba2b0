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
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Da, Language::En];

    pub fn code(self) -> &'static str {
        match self {
            Language::Da => "da",
            Language::En => "en",
        }
    }

    /// The Fluent catalog, compiled in.
    fn catalog_source(self) -> &'static str {
        match self {
            Language::Da => include_str!("../locales/da.ftl"),
            Language::En => include_str!("../locales/en.ftl"),
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
const RESIDENT_WRITTEN: &[&str] = &["title", "name", "place", "topic", "reason"];

/// Arguments of [`tr`] that are counts: passed to Fluent as numbers, so a
/// catalog can choose its plural form (`{ $count -> [one] … *[other] … }`).
const COUNTS: &[&str] = &["count", "minutes", "hours", "seconds"];

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
            // What residents wrote keeps its own direction inside our sentence.
            fluent_args.set(*name, crate::untrusted::isolate(value).into_owned());
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
    for key in keys(Language::En).into_iter().chain(keys(lang)) {
        if let Some(rest) = key.strip_prefix(prefix)
            && !out.contains_key(rest)
            && variables(Language::En, &key).is_empty()
        {
            out.insert(rest.to_string(), tr(lang, &key, &[]));
        }
    }
    out
}

/// Every message key in `lang`'s catalog.
pub fn keys(lang: Language) -> Vec<String> {
    use fluent_syntax::ast::Entry;
    let resource = FluentResource::try_new(lang.catalog_source().to_string())
        .unwrap_or_else(|(resource, _)| resource);
    resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
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
    fn catalogs_parse() {
        for lang in Language::ALL {
            if let Err(e) = bundle(lang) {
                panic!("bot/locales/{lang}.ftl: {e}");
            }
        }
    }

    #[test]
    fn catalogs_have_the_same_texts() {
        let reference: HashSet<String> = keys(Language::Da).into_iter().collect();
        for lang in Language::ALL {
            let theirs: HashSet<String> = keys(lang).into_iter().collect();
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
                let (theirs, original) = (variables(lang, &key), variables(Language::Da, &key));
                if theirs.iter().any(|v| !original.contains(v)) {
                    wrong.push(format!(
                        "{lang} {key}: {theirs:?}, the code passes {original:?}"
                    ));
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
                let pattern = bundle.get_message(&key).and_then(|m| m.value());
                let Some(pattern) = pattern else {
                    wrong.push(format!("{lang} {key}: no value"));
                    continue;
                };
                for count in [0, 1, 2, 5, 21] {
                    let mut args = FluentArgs::new();
                    for name in variables(lang, &key) {
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
}
