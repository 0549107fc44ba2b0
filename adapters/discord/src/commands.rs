//! The slash commands Vores registers, with Danish and English names and
//! descriptions, and how an invocation becomes the command text the core
//! understands.
//!
//! Discord always sends the command's base (English) name, whatever
//! language the member's client shows; the member's `locale` tells which
//! language they used, so a Danish client's `/begivenhed` reaches the core
//! as `/begivenhed` and is answered in Danish.

use serde_json::{Value, json};

/// One command: (English name, Danish name, English description, Danish
/// description, English option name, Danish option name, option needed).
struct SlashCommand {
    en: &'static str,
    da: &'static str,
    en_about: &'static str,
    da_about: &'static str,
    /// The free-text option, if the command takes one.
    text: Option<(&'static str, &'static str, bool)>,
}

const fn command(
    en: &'static str,
    da: &'static str,
    en_about: &'static str,
    da_about: &'static str,
    text: Option<(&'static str, &'static str, bool)>,
) -> SlashCommand {
    SlashCommand {
        en,
        da,
        en_about,
        da_about,
        text,
    }
}

const WHAT: Option<(&str, &str, bool)> = Some(("text", "tekst", true));
const WHAT_OPTIONAL: Option<(&str, &str, bool)> = Some(("text", "tekst", false));
const NUMBER: Option<(&str, &str, bool)> = Some(("number", "nummer", false));

/// Every command the core understands, as Discord shows it.
const COMMANDS: &[SlashCommand] = &[
    command("help", "hjælp", "What Vores can do", "Hvad Vores kan", None),
    command(
        "story",
        "historie",
        "Share a good story from town",
        "Del en god historie fra byen",
        WHAT,
    ),
    command(
        "event",
        "begivenhed",
        "Tell about an event: what, where, when",
        "Fortæl om en begivenhed: hvad, hvor, hvornår",
        WHAT,
    ),
    command(
        "whatson",
        "hvadsker",
        "What's on (e.g. this weekend)",
        "Hvad sker der (fx i weekenden)",
        WHAT_OPTIONAL,
    ),
    command(
        "mine",
        "mine",
        "Your submissions",
        "Dine indsendelser",
        None,
    ),
    command(
        "delete",
        "slet",
        "Withdraw one of your submissions (#number)",
        "Træk en af dine indsendelser tilbage (#nummer)",
        NUMBER,
    ),
    command(
        "cancel",
        "aflys",
        "Cancel one day of a regular activity: #number and the day",
        "Aflys én dag af en fast aktivitet: #nummer og dagen",
        WHAT,
    ),
    command(
        "move",
        "flyt",
        "Move one day of a regular activity: #number, the day, to what",
        "Flyt én dag af en fast aktivitet: #nummer, dagen, til hvad",
        WHAT,
    ),
    command(
        "correct",
        "ret",
        "Correct a submission: #number and the new details",
        "Ret en indsendelse: #nummer og det nye",
        WHAT,
    ),
    command(
        "anonymous",
        "anonym",
        "Show your story without your name (#number)",
        "Vis din historie uden dit navn (#nummer)",
        NUMBER,
    ),
    command(
        "rules",
        "regler",
        "The group's posting guidelines",
        "Gruppens retningslinjer",
        None,
    ),
    command(
        "appeal",
        "klage",
        "Appeal a decision (#number or M number) and say why",
        "Klag over en afgørelse (#nummer eller M-nummer) og sig hvorfor",
        WHAT,
    ),
    command(
        "pending",
        "afventer",
        "Admins: what waits for approval",
        "Admins: hvad venter på godkendelse",
        None,
    ),
    command(
        "approve",
        "godkend",
        "Admins: approve a submission (#number)",
        "Admins: godkend en indsendelse (#nummer)",
        NUMBER,
    ),
    command(
        "reject",
        "afvis",
        "Admins: reject a submission: #number and the reason",
        "Admins: afvis en indsendelse: #nummer og grunden",
        WHAT,
    ),
    command(
        "log",
        "log",
        "Admins: the moderation log",
        "Admins: moderationsloggen",
        None,
    ),
    command(
        "unstrike",
        "ophæv",
        "Admins: undo a moderation step (M number)",
        "Admins: ophæv et moderationsskridt (M-nummer)",
        WHAT,
    ),
    command(
        "distrust",
        "mistro",
        "Admins: always review this person's posts",
        "Admins: gennemse altid denne persons opslag",
        WHAT,
    ),
    command(
        "trust",
        "tillid",
        "Admins: trust this person again",
        "Admins: stol på denne person igen",
        WHAT,
    ),
    command(
        "place",
        "sted",
        "Add a place to the town's map: name, then a map link",
        "Sæt et sted på byens kort: navn og et kortlink",
        WHAT,
    ),
    command(
        "toolbox",
        "værktøj",
        "Short guides: tell a story, announce an event, photos",
        "Korte vejledninger: fortæl en historie, en begivenhed, billeder",
        WHAT_OPTIONAL,
    ),
    command(
        "press",
        "pressemeddelelse",
        "Admins: a press release draft of a story or event",
        "Admins: udkast til pressemeddelelse om en historie eller begivenhed",
        NUMBER,
    ),
    command(
        "newsletter",
        "nyhedsbrev",
        "Admins: a newsletter paragraph of a story or event",
        "Admins: et afsnit til nyhedsbrevet om en historie eller begivenhed",
        NUMBER,
    ),
];

/// The body of `PUT /applications/{id}/commands` (a bulk overwrite, so a
/// restart with changed commands leaves no stale ones behind).
pub fn registration() -> Value {
    Value::Array(
        COMMANDS
            .iter()
            .map(|c| {
                let options: Vec<Value> = c
                    .text
                    .iter()
                    .map(|(en, da, required)| {
                        json!({
                            "type": 3,
                            "name": en,
                            "name_localizations": { "da": da },
                            "description": if *en == "number" { "#number" } else { "Your text" },
                            "description_localizations": {
                                "da": if *en == "number" { "#nummer" } else { "Din tekst" }
                            },
                            "required": required,
                        })
                    })
                    .collect();
                json!({
                    "name": c.en,
                    "name_localizations": { "da": c.da },
                    "description": c.en_about,
                    "description_localizations": { "da": c.da_about },
                    "type": 1,
                    "options": options,
                })
            })
            .collect(),
    )
}

/// The text the core reads for an invocation of `name` (the base name)
/// with the option `text`, in the language of the member's `locale`.
pub fn as_text(name: &str, text: &str, locale: &str) -> String {
    let danish = locale.starts_with("da");
    let word = COMMANDS
        .iter()
        .find(|c| c.en == name || c.da == name)
        .map_or(name, |c| if danish { c.da } else { c.en });
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

    #[test]
    fn commands_follow_discords_naming_rules() {
        let body = registration();
        let commands = body.as_array().unwrap();
        assert!(commands.len() <= 100);
        for c in commands {
            for name in [&c["name"], &c["name_localizations"]["da"]] {
                let name = name.as_str().unwrap();
                assert!((1..=32).contains(&name.chars().count()), "{name}");
                assert_eq!(name, name.to_lowercase(), "{name}");
                assert!(!name.contains(' '), "{name}");
            }
            for about in [&c["description"], &c["description_localizations"]["da"]] {
                assert!((1..=100).contains(&about.as_str().unwrap().chars().count()));
            }
        }
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
    }
}
