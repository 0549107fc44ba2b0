//! The slash commands Vores registers, from the core's menu
//! (`vores_bot::menu`), with names and descriptions in every language of
//! the bot that Discord has a locale for, and how an invocation becomes the
//! command text the core understands.
//!
//! Discord always sends the command's base (English) name, whatever
//! language the member's client shows; the member's `locale` tells which
//! language they used, so a Danish client's `/begivenhed` reaches the core
//! as `/begivenhed` and is answered in Danish.

use serde_json::{Map, Value, json};
use vores_bot::Language;
use vores_bot::menu::{MENU, MenuCommand, Takes, option_about};

/// The locales Discord's clients have (its API reference, "Locales").
const DISCORD_LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

/// The Discord locales a language of ours is shown in ("es" in both
/// Spanish locales, "nb" as Discord's "no"); none for a language Discord
/// has no locale for (Arabic), whose members see the English menu.
fn locales_of(lang: Language) -> Vec<&'static str> {
    let code = match lang.code() {
        "nb" | "nn" => "no",
        code => code,
    };
    DISCORD_LOCALES
        .iter()
        .copied()
        .filter(|locale| *locale == code || locale.split('-').next() == Some(code))
        .collect()
}

/// The language of a member's Discord `locale`.
fn language_of(locale: &str) -> Language {
    let base = locale.split('-').next().unwrap_or(locale);
    let base = if base == "no" { "nb" } else { base };
    base.parse().unwrap_or(Language::En)
}

/// `{locale: text}` for every language but English (the base).
fn localised(text: impl Fn(Language) -> Option<String>) -> Value {
    let mut out = Map::new();
    for lang in Language::all() {
        if lang == Language::En {
            continue;
        }
        if let Some(text) = text(lang) {
            for locale in locales_of(lang) {
                out.insert(locale.to_string(), Value::String(text.clone()));
            }
        }
    }
    Value::Object(out)
}

fn option(command: &MenuCommand) -> Option<Value> {
    let (name, danish, required) = match command.takes {
        Takes::Nothing => return None,
        Takes::Number => ("number", "nummer", false),
        Takes::Text { required } => ("text", "tekst", required),
    };
    Some(json!({
        "type": 3,
        "name": name,
        "name_localizations": { "da": danish },
        "description": option_about(command.takes, Language::En),
        "description_localizations": localised(|lang| Some(option_about(command.takes, lang))),
        "required": required,
    }))
}

/// The body of `PUT /applications/{id}/commands` (a bulk overwrite, so a
/// restart with changed commands leaves no stale ones behind).
pub fn registration() -> Value {
    Value::Array(
        MENU.iter()
            .map(|c| {
                json!({
                    "name": c.name,
                    "name_localizations": localised(|lang| c.name_in(lang).map(str::to_string)),
                    "description": c.about(Language::En),
                    "description_localizations": localised(|lang| Some(c.about(lang))),
                    "type": 1,
                    "options": option(c).into_iter().collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

/// The text the core reads for an invocation of `name` (the base name)
/// with the option `text`, in the language of the member's `locale`.
pub fn as_text(name: &str, text: &str, locale: &str) -> String {
    let word = match MenuCommand::find(name) {
        Some(command) => command.name_in(language_of(locale)).unwrap_or(command.name),
        None => name,
    };
    let text = text.trim();
    if text.is_empty() {
        format!("/{word}")
    } else {
        format!("/{word} {text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names and descriptions as Discord's API reference allows them
    /// ("Application Command Naming"): 1–32 characters, lowercase, no
    /// spaces; descriptions 1–100 characters; locales only from its list.
    #[test]
    fn commands_follow_discords_naming_rules() {
        let body = registration();
        let commands = body.as_array().unwrap();
        assert!(commands.len() <= 100);
        let name_ok = |name: &str| {
            (1..=32).contains(&name.chars().count())
                && name == name.to_lowercase()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        };
        let mut things = Vec::new();
        for c in commands {
            things.push(c.clone());
            things.extend(c["options"].as_array().unwrap().iter().cloned());
        }
        for thing in things {
            assert!(name_ok(thing["name"].as_str().unwrap()), "{thing}");
            for (locale, name) in thing["name_localizations"].as_object().unwrap() {
                assert!(DISCORD_LOCALES.contains(&locale.as_str()), "{locale}");
                assert!(name_ok(name.as_str().unwrap()), "{locale}: {name}");
            }
            let about = |v: &Value| (1..=100).contains(&v.as_str().unwrap().chars().count());
            assert!(about(&thing["description"]), "{thing}");
            for (locale, text) in thing["description_localizations"].as_object().unwrap() {
                assert!(DISCORD_LOCALES.contains(&locale.as_str()), "{locale}");
                assert!(about(text), "{locale}: {text}");
            }
        }
    }

    /// Danish, Turkish and Ukrainian members see the menu in their language;
    /// Arabic has no Discord locale, so Arabic members see the English one.
    #[test]
    fn each_language_with_a_discord_locale_gets_its_menu() {
        let body = registration();
        let help = &body.as_array().unwrap()[0];
        assert_eq!(help["name"], "help");
        assert_eq!(help["description"], "What Vores can do");
        let about = &help["description_localizations"];
        assert_eq!(about["da"], "Hvad Vores kan");
        assert_eq!(about["tr"], "Vores neler yapabilir");
        assert_eq!(about["uk"], "Що вміє Vores");
        assert!(about.get("ar").is_none());
        let language = body
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "language")
            .unwrap();
        assert_eq!(language["name_localizations"]["da"], "sprog");
        assert_eq!(language["name_localizations"]["tr"], "dil");
        assert_eq!(language["name_localizations"]["uk"], "мова");
    }

    #[test]
    fn invocations_read_in_the_members_language() {
        assert_eq!(
            as_text("event", "Byttemarked lørdag kl. 10", "da"),
            "/begivenhed Byttemarked lørdag kl. 10"
        );
        assert_eq!(
            as_text("event", "Swap market", "en-GB"),
            "/event Swap market"
        );
        assert_eq!(as_text("pending", "", "da"), "/afventer");
        assert_eq!(as_text("approve", "#3", "en-US"), "/approve #3");
        assert_eq!(as_text("language", "tr", "tr"), "/dil tr");
        assert_eq!(as_text("whatson", "", "tr"), "/whatson");
    }
}
