//! The commands a platform lists in its command menu (Discord's slash
//! commands, Telegram's "/" list), shared by the adapters so every menu
//! offers the same commands.
//!
//! Names are the ones the reader understands (`understand::command`):
//! English, Danish, and the Turkish and Ukrainian word for "language".
//! What each command does is a catalog text (`command_about_<name>`), so
//! each language's menu is in that language, including languages added
//! by the config.

use crate::Language;
use crate::lang::tr;

/// What a command takes after its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    Nothing,
    /// Free text, needed or not.
    Text {
        required: bool,
    },
    /// A submission's number ("#12").
    Number,
}

/// One command of the menu.
#[derive(Debug)]
pub struct MenuCommand {
    /// The English name: the one platforms send back (Discord) and the
    /// key of its description.
    pub name: &'static str,
    /// The Danish name the reader also understands.
    pub danish: &'static str,
    /// Names in other languages the reader understands, by language code.
    pub other_names: &'static [(&'static str, &'static str)],
    pub takes: Takes,
    /// Shown to admins only where the platform can tell (Telegram's
    /// administrators' menu); the core checks rights either way.
    pub admins_only: bool,
}

const fn resident(name: &'static str, danish: &'static str, takes: Takes) -> MenuCommand {
    MenuCommand {
        name,
        danish,
        other_names: &[],
        takes,
        admins_only: false,
    }
}

const fn admin(name: &'static str, danish: &'static str, takes: Takes) -> MenuCommand {
    MenuCommand {
        admins_only: true,
        ..resident(name, danish, takes)
    }
}

const TEXT: Takes = Takes::Text { required: true };
const MAYBE_TEXT: Takes = Takes::Text { required: false };

/// Every command of the menu, residents' first.
pub const MENU: &[MenuCommand] = &[
    resident("help", "hjælp", Takes::Nothing),
    resident("story", "historie", TEXT),
    resident("event", "begivenhed", TEXT),
    resident("whatson", "hvadsker", MAYBE_TEXT),
    resident("mine", "mine", Takes::Nothing),
    resident("delete", "slet", Takes::Number),
    resident("cancel", "aflys", TEXT),
    resident("move", "flyt", TEXT),
    resident("correct", "ret", TEXT),
    resident("anonymous", "anonym", Takes::Number),
    resident("rules", "regler", Takes::Nothing),
    resident("appeal", "klage", TEXT),
    MenuCommand {
        other_names: &[("tr", "dil"), ("uk", "мова")],
        ..resident("language", "sprog", MAYBE_TEXT)
    },
    resident("place", "sted", TEXT),
    resident("subscribe", "abonner", Takes::Nothing),
    resident("unsubscribe", "afmeld", Takes::Nothing),
    resident("link", "forbind", MAYBE_TEXT),
    resident("unlink", "fjernforbindelse", Takes::Nothing),
    resident("toolbox", "værktøj", MAYBE_TEXT),
    admin("pending", "afventer", Takes::Nothing),
    admin("approve", "godkend", Takes::Number),
    admin("reject", "afvis", TEXT),
    admin("log", "log", Takes::Nothing),
    admin("unstrike", "ophæv", TEXT),
    admin("distrust", "mistro", TEXT),
    admin("trust", "tillid", TEXT),
    admin("press", "pressemeddelelse", Takes::Number),
    admin("newsletter", "nyhedsbrev", Takes::Number),
];

impl MenuCommand {
    /// What the command does, in `lang`.
    pub fn about(&self, lang: Language) -> String {
        tr(lang, &format!("command_about_{}", self.name), &[])
    }

    /// The command's name in `lang` where the reader understands one
    /// (Danish, "dil", "мова"); `None` where the English name is used.
    pub fn name_in(&self, lang: Language) -> Option<&'static str> {
        if lang == Language::Da {
            return Some(self.danish);
        }
        self.other_names
            .iter()
            .find(|(code, _)| *code == lang.code())
            .map(|(_, name)| *name)
    }

    /// The command by any of its names.
    pub fn find(name: &str) -> Option<&'static MenuCommand> {
        MENU.iter().find(|c| {
            c.name == name || c.danish == name || c.other_names.iter().any(|(_, n)| *n == name)
        })
    }
}

/// The description of a command's option, in `lang`.
pub fn option_about(takes: Takes, lang: Language) -> String {
    match takes {
        Takes::Number => tr(lang, "command_option_number", &[]),
        _ => tr(lang, "command_option_text", &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::{Context, Meaning, understand};

    /// Every name the menu shows is one the reader understands as that
    /// command (not as an unknown word).
    #[test]
    fn the_reader_understands_every_name_in_the_menu() {
        let ctx = Context {
            now: chrono::Utc::now(),
            tz: chrono_tz::Europe::Copenhagen,
            fallback: Language::Da,
        };
        for command in MENU {
            let mut names = vec![command.name, command.danish];
            names.extend(command.other_names.iter().map(|(_, n)| *n));
            for name in names {
                let understood = understand(&format!("/{name}"), &ctx);
                let unknown = matches!(
                    understood.meaning,
                    Meaning::Command(crate::understand::Command::Unknown(_))
                );
                assert!(!unknown, "/{name} is not understood");
            }
        }
    }

    #[test]
    fn every_language_describes_every_command_briefly() {
        for lang in Language::all() {
            for command in MENU {
                let about = command.about(lang);
                assert!(
                    (1..=100).contains(&about.chars().count()),
                    "{lang} {}: {about:?}",
                    command.name
                );
            }
        }
    }
}
