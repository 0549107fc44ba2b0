//! Vores configuration: the TOML file as the operator writes it, validated
//! into resolved settings with errors that name the key and the fix.
//!
//! Every value has a default, so the console needs no file at all. Secrets
//! (platform tokens, database passwords) never belong in this file: they come
//! from the environment or from files named here.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono_tz::Tz;
use serde::Deserialize;
use vores_bot::Language;
use vores_bot::model::{ConversationRef, Platform, UserRef};

/// The file as written. Unknown keys are errors, so a typo is never a
/// silently ignored setting.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    timezone: Option<String>,
    language: Option<String>,
    database_url: Option<String>,
    console: Option<RawConsole>,
    #[serde(default)]
    channels: Vec<RawChannel>,
    #[serde(default)]
    admins: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConsole {
    enabled: Option<bool>,
    channel: Option<String>,
    user: Option<String>,
    language: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChannel {
    platform: String,
    id: String,
    name: Option<String>,
    language: Option<String>,
}

/// Resolved settings the program uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub timezone: Tz,
    /// The language of channels that do not set their own.
    pub language: Language,
    /// From the file; `--database` and `VORES_DATABASE_URL` take precedence.
    pub database_url: Option<String>,
    pub console: ConsoleSettings,
    pub channels: Vec<Channel>,
    /// People who are admins everywhere, whatever their platform says.
    pub admins: Vec<UserRef>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleSettings {
    /// Whether `vores run` starts the console adapter.
    pub enabled: bool,
    pub channel: String,
    pub user: String,
    pub language: Language,
}

/// A conversation the bot serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    pub conversation: ConversationRef,
    pub name: String,
    pub language: Language,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://vores.db";

impl Default for Config {
    fn default() -> Self {
        Config {
            timezone: chrono_tz::Europe::Copenhagen,
            language: Language::Da,
            database_url: None,
            console: ConsoleSettings {
                enabled: true,
                channel: "konsol".to_string(),
                user: "beboer".to_string(),
                language: Language::Da,
            },
            channels: Vec::new(),
            admins: Vec::new(),
        }
    }
}

/// A problem with the configuration, said so the operator can fix it.
#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub file: Option<PathBuf>,
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}: ", file.display())?;
        }
        if let Some(key) = &self.key {
            write!(f, "`{key}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

fn invalid(key: impl Into<String>, message: impl Into<String>) -> ConfigError {
    ConfigError {
        file: None,
        key: Some(key.into()),
        message: message.into(),
    }
}

impl Config {
    /// Reads and validates a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: Some(path.to_path_buf()),
            key: None,
            message: format!("cannot read the config file ({e}); check the path given to --config"),
        })?;
        Config::parse(&text).map_err(|mut e| {
            e.file = Some(path.to_path_buf());
            e
        })
    }

    /// Validates config text.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError {
            file: None,
            key: None,
            message: format!(
                "{} (see deploy/vores.example.toml for every key)",
                e.to_string().trim_end()
            ),
        })?;
        let defaults = Config::default();
        let timezone = match raw.timezone {
            Some(name) => Tz::from_str(&name).map_err(|_| {
                invalid(
                    "timezone",
                    format!(
                        "unknown time zone {name:?}; use an IANA name such as \"Europe/Copenhagen\""
                    ),
                )
            })?,
            None => defaults.timezone,
        };
        let language = parse_language("language", raw.language)?.unwrap_or(defaults.language);
        let database_url = match raw.database_url {
            Some(url) if url.trim().is_empty() => {
                return Err(invalid(
                    "database_url",
                    "is empty; remove it to use sqlite://vores.db, or give a URL",
                ));
            }
            Some(url)
                if !(url.starts_with("sqlite:")
                    || url.starts_with("postgres://")
                    || url.starts_with("postgresql://")) =>
            {
                return Err(invalid(
                    "database_url",
                    format!(
                        "{url:?} is not a database URL; use sqlite://FILE or postgres://USER@HOST/DB"
                    ),
                ));
            }
            other => other,
        };
        let raw_console = raw.console.unwrap_or_default();
        let console = ConsoleSettings {
            enabled: raw_console.enabled.unwrap_or(defaults.console.enabled),
            channel: non_empty("console.channel", raw_console.channel)?
                .unwrap_or(defaults.console.channel),
            user: non_empty("console.user", raw_console.user)?.unwrap_or(defaults.console.user),
            language: parse_language("console.language", raw_console.language)?.unwrap_or(language),
        };
        let mut channels = Vec::with_capacity(raw.channels.len());
        for (i, ch) in raw.channels.into_iter().enumerate() {
            let key = |field: &str| format!("channels[{i}].{field}");
            let platform: Platform = ch
                .platform
                .parse()
                .map_err(|e| invalid(key("platform"), format!("{e}")))?;
            if ch.id.trim().is_empty() {
                return Err(invalid(
                    key("id"),
                    "is empty; give the platform's id of the chat, room or channel",
                ));
            }
            let conversation = ConversationRef {
                platform,
                id: ch.id.clone(),
            };
            if channels
                .iter()
                .any(|c: &Channel| c.conversation == conversation)
            {
                return Err(invalid(
                    key("id"),
                    format!("{platform} {:?} is listed twice; keep one entry", ch.id),
                ));
            }
            channels.push(Channel {
                name: ch.name.unwrap_or_else(|| ch.id.clone()),
                language: parse_language(&key("language"), ch.language)?.unwrap_or(language),
                conversation,
            });
        }
        let mut admins = Vec::with_capacity(raw.admins.len());
        for (i, entry) in raw.admins.iter().enumerate() {
            let Some((platform, id)) = entry.split_once(':') else {
                return Err(invalid(
                    format!("admins[{i}]"),
                    format!(
                        "{entry:?} needs the form \"platform:user-id\", e.g. \"telegram:123456\" or \"console:mette\""
                    ),
                ));
            };
            let platform: Platform = platform
                .parse()
                .map_err(|e| invalid(format!("admins[{i}]"), format!("{e}")))?;
            admins.push(UserRef {
                platform,
                id: id.to_string(),
            });
        }
        Ok(Config {
            timezone,
            language,
            database_url,
            console,
            channels,
            admins,
        })
    }
}

fn parse_language(key: &str, value: Option<String>) -> Result<Option<Language>, ConfigError> {
    value
        .map(|v| {
            v.parse::<Language>()
                .map_err(|e| invalid(key, e.to_string()))
        })
        .transpose()
}

fn non_empty(key: &str, value: Option<String>) -> Result<Option<String>, ConfigError> {
    match value {
        Some(v) if v.trim().is_empty() => Err(invalid(
            key,
            "is empty; remove it to use the default or give a name",
        )),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_is_all_defaults() {
        assert_eq!(Config::parse("").unwrap(), Config::default());
    }

    #[test]
    fn example_config_loads() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/vores.example.toml");
        let config = Config::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.timezone, chrono_tz::Europe::Copenhagen);
        assert!(!config.channels.is_empty());
    }

    #[test]
    fn errors_name_the_key_and_the_fix() {
        let e = Config::parse("timezone = \"Europe/Copenhage\"").unwrap_err();
        assert_eq!(e.key.as_deref(), Some("timezone"));
        assert!(e.message.contains("Europe/Copenhagen"), "{e}");

        let e = Config::parse("[console]\nlanguage = \"de\"").unwrap_err();
        assert_eq!(e.key.as_deref(), Some("console.language"));
        assert!(e.message.contains("\"da\""), "{e}");

        let e = Config::parse("[[channels]]\nplatform = \"irc\"\nid = \"x\"").unwrap_err();
        assert_eq!(e.key.as_deref(), Some("channels[0].platform"));

        let e = Config::parse("admins = [\"mette\"]").unwrap_err();
        assert!(e.to_string().contains("platform:user-id"), "{e}");
    }

    #[test]
    fn typos_are_errors_not_silent_defaults() {
        let e = Config::parse("timezon = \"Europe/Copenhagen\"").unwrap_err();
        assert!(e.message.contains("timezon"), "{e}");
    }
}
