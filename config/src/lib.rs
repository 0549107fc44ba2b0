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
use regex::Regex;
use serde::Deserialize;
use vores_bot::Language;
use vores_bot::community::{
    Approval, ChannelInfo, Community, Credit, DEFAULT_DIGEST_SCHEDULE, Group, Place,
    StillHappening, Unanswered,
};
use vores_bot::guidelines::{Escalation, LinkPolicy, RuleAction, RuleKind, Rules};
use vores_bot::model::{ConversationRef, Platform, UserRef};
use vores_bot::understand::holidays::SchoolHolidays;

/// The file as written. Unknown keys are errors, so a typo is never a
/// silently ignored setting.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    timezone: Option<String>,
    language: Option<String>,
    /// Catalogs of languages beyond the built-in ones (`pl.ftl`).
    #[serde(default)]
    catalogs: Vec<PathBuf>,
    database_url: Option<String>,
    sqlite_synchronous: Option<String>,
    lease_seconds: Option<u64>,
    console: Option<RawConsole>,
    #[serde(default)]
    channels: Vec<RawChannel>,
    #[serde(default)]
    admins: Vec<String>,
    /// The default group's policy, for channels not in a named group.
    approval: Option<String>,
    trusted_after: Option<u32>,
    announce_approved: Option<bool>,
    digest_schedule: Option<String>,
    still_happening_weeks: Option<u32>,
    still_happening_unanswered: Option<String>,
    rules: Option<RawRules>,
    /// The name residents see for the default group.
    title: Option<String>,
    /// How the default group names who shared something.
    credit: Option<String>,
    telegram: Option<RawTelegram>,
    matrix: Option<RawMatrix>,
    discord: Option<RawDiscord>,
    #[serde(default)]
    groups: Vec<RawGroup>,
    school_holidays: Option<RawSchoolHolidays>,
    #[serde(default)]
    places: Vec<RawPlace>,
    web: Option<RawWeb>,
    privacy: Option<RawPrivacy>,
}

/// What is kept about residents, and for how long.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrivacy {
    retention_days: Option<u32>,
}

/// The public web calendar and its feeds.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeb {
    enabled: Option<bool>,
    listen: Option<String>,
    public_url: Option<String>,
    assets_dir: Option<PathBuf>,
    map_script: Option<String>,
    map_style: Option<String>,
    tile_url: Option<String>,
    tile_attribution: Option<String>,
}

/// A place in town: its name, other names residents use, and where it is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    lat: f64,
    lon: f64,
}

/// The town's own school holidays: "first..last" local days per holiday.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchoolHolidays {
    #[serde(default)]
    winter: Vec<String>,
    #[serde(default)]
    autumn: Vec<String>,
    #[serde(default)]
    summer: Vec<String>,
    #[serde(default)]
    christmas: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    name: String,
    title: Option<String>,
    approval: Option<String>,
    trusted_after: Option<u32>,
    announce_approved: Option<bool>,
    digest_schedule: Option<String>,
    still_happening_weeks: Option<u32>,
    still_happening_unanswered: Option<String>,
    #[serde(default)]
    admins: Vec<String>,
    /// People who pass the week's news on personally: they get the digest
    /// privately with a version ready to forward.
    #[serde(default)]
    ambassadors: Vec<String>,
    credit: Option<String>,
    rules: Option<RawRules>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    #[serde(default)]
    banned_words: Vec<String>,
    #[serde(default)]
    banned_patterns: Vec<String>,
    spam_filter: Option<bool>,
    links: Option<String>,
    #[serde(default)]
    link_allowlist: Vec<String>,
    max_links: Option<usize>,
    max_caps_ratio: Option<f32>,
    flood_messages: Option<u32>,
    flood_seconds: Option<u32>,
    max_repeats: Option<u32>,
    new_member_hours: Option<u32>,
    new_member_messages: Option<u32>,
    max_length: Option<usize>,
    #[serde(default)]
    actions: std::collections::BTreeMap<String, String>,
    strikes_before_escalation: Option<u32>,
    strike_window_hours: Option<u32>,
    escalation: Option<String>,
    mute_minutes: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTelegram {
    enabled: Option<bool>,
    api_url: Option<String>,
    token_file: Option<PathBuf>,
    poll_timeout: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMatrix {
    enabled: Option<bool>,
    homeserver: Option<String>,
    user_id: Option<String>,
    password_file: Option<PathBuf>,
    token_file: Option<PathBuf>,
    store_path: Option<PathBuf>,
    admin_power_level: Option<i64>,
    #[serde(default)]
    auto_join_servers: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDiscord {
    enabled: Option<bool>,
    api_url: Option<String>,
    token_file: Option<PathBuf>,
    admin_role: Option<String>,
    scheduled_events: Option<bool>,
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
    /// The named group the channel belongs to; the default group otherwise.
    group: Option<String>,
    /// How to join it (an invite link), shown on the group's web page.
    join: Option<String>,
}

/// Resolved settings the program uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub timezone: Tz,
    /// The language of channels that do not set their own.
    pub language: Language,
    /// `[privacy]`: how long the moderation log, handled-message markers
    /// and sent messages are kept.
    pub privacy: PrivacySettings,
    /// Languages added by `catalogs = ["pl.ftl"]`, with their files.
    pub added_languages: Vec<(Language, PathBuf)>,
    /// From the file; `--database` and `VORES_DATABASE_URL` take precedence.
    pub database_url: Option<String>,
    /// `sqlite_synchronous = "full"`: SQLite syncs its log to disk on every
    /// commit (survives a power cut, costs several times more per message).
    /// The default "normal" survives the process being killed at any time.
    pub sqlite_full_sync: bool,
    /// Several `vores run` processes on one PostgreSQL database: how long a
    /// platform's lease lasts without renewal, so the longest a platform
    /// stays unserved after its process died (see deploy/README.md).
    pub lease: std::time::Duration,
    pub console: ConsoleSettings,
    pub channels: Vec<Channel>,
    /// People who are admins everywhere, whatever their platform says.
    pub admins: Vec<UserRef>,
    /// Groups of channels with their policies; the first is the default group.
    pub groups: Vec<GroupSettings>,
    /// Set when Telegram is enabled.
    pub telegram: Option<TelegramConfig>,
    /// Set when Matrix is enabled.
    pub matrix: Option<MatrixConfig>,
    /// Set when Discord is enabled.
    pub discord: Option<DiscordConfig>,
    /// The town's school holidays where they differ from the usual Danish
    /// pattern (empty: the pattern everywhere).
    pub school_holidays: SchoolHolidays,
    /// The town's known places, for clashes "just nearby".
    pub places: Vec<Place>,
    /// The public web calendar, when enabled.
    pub web: Option<WebConfig>,
    /// `[web]` was in the config file (not only the demo's default): then
    /// a port that is taken stops `vores run` instead of running without it.
    pub web_configured: bool,
}

/// The public web calendar, feeds and operations endpoints (`[web]`).
#[derive(Debug, Clone, PartialEq)]
pub struct WebConfig {
    pub listen: std::net::SocketAddr,
    /// Where residents reach it (links in feeds and in the chat), without a
    /// trailing slash.
    pub public_url: String,
    /// A directory served at `/assets/` (a self-hosted map library).
    pub assets_dir: Option<PathBuf>,
    pub map: MapConfig,
}

/// The map on the places page. Without a script the page lists the places
/// only; without tiles the map shows the markers on a plain background.
#[derive(Debug, Clone, PartialEq)]
pub struct MapConfig {
    /// Leaflet's script and style sheet (URLs, or paths under `/assets/`).
    pub script: Option<String>,
    pub style: Option<String>,
    /// A tile URL template (`{z}/{x}/{y}`).
    pub tiles: Option<String>,
    pub attribution: String,
}

/// Where the demo's web calendar listens.
pub const DEFAULT_WEB_LISTEN: &str = "127.0.0.1:8080";

impl Default for WebConfig {
    fn default() -> Self {
        let listen: std::net::SocketAddr =
            DEFAULT_WEB_LISTEN.parse().expect("a valid socket address");
        WebConfig {
            public_url: format!("http://{listen}"),
            listen,
            assets_dir: None,
            map: MapConfig {
                script: Some("https://unpkg.com/leaflet@1.9.4/dist/leaflet.js".to_string()),
                style: Some("https://unpkg.com/leaflet@1.9.4/dist/leaflet.css".to_string()),
                tiles: Some("https://tile.openstreetmap.org/{z}/{x}/{y}.png".to_string()),
                attribution: "© OpenStreetMap contributors".to_string(),
            },
        }
    }
}

fn web_config(raw: Option<RawWeb>) -> Result<Option<WebConfig>, ConfigError> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    if !raw.enabled.unwrap_or(true) {
        return Ok(None);
    }
    let defaults = WebConfig::default();
    let listen = match raw.listen {
        Some(text) => text.trim().parse().map_err(|_| {
            invalid(
                "web.listen",
                format!("{text:?} is not an address and port; write it like \"127.0.0.1:8080\""),
            )
        })?,
        None => defaults.listen,
    };
    if raw.public_url.is_none() && !listen.ip().is_loopback() {
        return Err(invalid(
            "web.public_url",
            format!(
                "is missing: the calendar listens on {listen}, so links in feeds need the address residents use; write it like \"https://kalender.example.dk\""
            ),
        ));
    }
    let public_url = match raw.public_url {
        Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
            url.trim_end_matches('/').to_string()
        }
        Some(url) => {
            return Err(invalid(
                "web.public_url",
                format!(
                    "{url:?} is not an http(s) URL; write it like \"https://kalender.example.dk\""
                ),
            ));
        }
        None => format!("http://{listen}"),
    };
    if let Some(dir) = &raw.assets_dir
        && !dir.is_dir()
    {
        return Err(invalid(
            "web.assets_dir",
            format!(
                "{} is not a directory; create it or remove the key",
                dir.display()
            ),
        ));
    }
    // An empty string turns a part off.
    let choose = |value: Option<String>, default: Option<String>| match value {
        Some(v) if v.trim().is_empty() => None,
        Some(v) => Some(v),
        None => default,
    };
    Ok(Some(WebConfig {
        listen,
        public_url,
        assets_dir: raw.assets_dir,
        map: MapConfig {
            script: choose(raw.map_script, defaults.map.script),
            style: choose(raw.map_style, defaults.map.style),
            tiles: choose(raw.tile_url, defaults.map.tiles),
            attribution: raw.tile_attribution.unwrap_or(defaults.map.attribution),
        },
    }))
}

/// Discord, when enabled. The bot token is never in the config: it comes
/// from `VORES_DISCORD_TOKEN` or from `token_file`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscordConfig {
    /// Discord's API (default `https://discord.com`); a test server's URL
    /// in tests. The gateway address is asked from this server.
    pub api_url: Option<String>,
    pub token_file: Option<PathBuf>,
    /// Members with a role of this name are admins, besides everyone with
    /// the Manage Messages permission.
    pub admin_role: Option<String>,
    /// Mirror approved events into the server's own Scheduled Events.
    pub scheduled_events: bool,
}

/// Matrix, when enabled. The password or access token is never in the
/// config: it comes from `VORES_MATRIX_PASSWORD` / `VORES_MATRIX_TOKEN` or
/// from `password_file` / `token_file`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixConfig {
    pub homeserver: String,
    pub user_id: String,
    pub password_file: Option<PathBuf>,
    pub token_file: Option<PathBuf>,
    /// The adapter's own session, state and encryption keys. Losing it
    /// means encrypted rooms cannot be read until residents share keys anew.
    pub store_path: PathBuf,
    /// Who counts as an admin in a room: at least this power level, or the
    /// room's own level for removing messages, whichever is higher.
    pub admin_power_level: Option<i64>,
    /// Invites from these servers are accepted even for rooms the config
    /// does not name (configured rooms are always joined).
    pub auto_join_servers: Vec<String>,
}

/// Telegram, when enabled. The token itself is never in the config: it
/// comes from `VORES_TELEGRAM_TOKEN` or from `token_file`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TelegramConfig {
    pub api_url: Option<String>,
    pub token_file: Option<PathBuf>,
    pub poll_timeout: u32,
}

/// A group as configured, before channels are attached.
#[derive(Debug, Clone)]
pub struct GroupSettings {
    pub name: String,
    pub title: String,
    pub approval: Approval,
    pub announce_approved: bool,
    pub digest_schedule: cron::Schedule,
    pub admins: Vec<UserRef>,
    /// `ambassadors = ["telegram:123"]`: they get the digest privately with
    /// a version ready to forward.
    pub ambassadors: Vec<UserRef>,
    /// `credit = "name" | "first_name" | "none"`: how the digest and the web
    /// name who shared something.
    pub credit: Credit,
    pub rules: Rules,
    pub still_happening: Option<StillHappening>,
}

impl PartialEq for GroupSettings {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.title == other.title
            && self.approval == other.approval
            && self.announce_approved == other.announce_approved
            && self.digest_schedule.to_string() == other.digest_schedule.to_string()
            && self.admins == other.admins
            && self.ambassadors == other.ambassadors
            && self.credit == other.credit
            && self.still_happening == other.still_happening
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleSettings {
    /// Whether `vores run` starts the console adapter.
    pub enabled: bool,
    pub channel: String,
    pub user: String,
    pub language: Language,
}

/// `[privacy]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivacySettings {
    /// Days the moderation log, handled-message markers and sent messages
    /// are kept (default a year).
    pub retention_days: u32,
}

/// A conversation the bot serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    pub conversation: ConversationRef,
    pub name: String,
    pub language: Language,
    /// Index into `Config::groups`.
    pub group: usize,
    /// How to join it (an invite link), for the group's web page.
    pub join: Option<String>,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://vores.db";

impl Default for Config {
    fn default() -> Self {
        Config {
            timezone: chrono_tz::Europe::Copenhagen,
            language: Language::Da,
            added_languages: Vec::new(),
            privacy: PrivacySettings {
                retention_days: vores_bot::engine::DEFAULT_RETENTION_DAYS,
            },
            database_url: None,
            sqlite_full_sync: false,
            lease: std::time::Duration::from_secs(30),
            console: ConsoleSettings {
                enabled: true,
                channel: "konsol".to_string(),
                user: "beboer".to_string(),
                language: Language::Da,
            },
            channels: Vec::new(),
            admins: Vec::new(),
            telegram: None,
            matrix: None,
            discord: None,
            school_holidays: SchoolHolidays::default(),
            places: Vec::new(),
            // The demo shows the calendar on the web too.
            web: Some(WebConfig::default()),
            web_configured: false,
            groups: vec![
                group_settings(
                    "",
                    "default",
                    None,
                    None,
                    None,
                    None,
                    (None, None),
                    &[],
                    None,
                )
                .expect("the default group is valid"),
            ],
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
        // Before any language is read: a channel may choose an added one.
        let mut added_languages = Vec::new();
        for path in &raw.catalogs {
            let lang = vores_bot::lang::add_catalog_file(path).map_err(|e| {
                invalid(
                    "catalogs",
                    format!("{}: {e} (see TRANSLATING.md)", path.display()),
                )
            })?;
            added_languages.push((lang, path.clone()));
        }
        let language = parse_language("language", raw.language)?.unwrap_or(defaults.language);
        let privacy = match raw.privacy.and_then(|p| p.retention_days) {
            None => defaults.privacy.clone(),
            // Strikes count within a day and appeals come within weeks.
            Some(days) if !(30..=3650).contains(&days) => {
                return Err(invalid(
                    "privacy.retention_days",
                    format!(
                        "{days} is outside 30–3650; keep the log at least a month (appeals) and at most ten years"
                    ),
                ));
            }
            Some(retention_days) => PrivacySettings { retention_days },
        };
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
        let sqlite_full_sync = match raw.sqlite_synchronous.as_deref().map(str::trim) {
            None | Some("normal") => false,
            Some("full") => true,
            Some(other) => {
                return Err(invalid(
                    "sqlite_synchronous",
                    format!("{other:?} is not a choice; use \"normal\" (the default) or \"full\""),
                ));
            }
        };
        let lease = match raw.lease_seconds {
            None => defaults.lease,
            // Renewed every third of it: shorter would make a busy database
            // look like a dead process; longer leaves a platform unserved
            // for too long after a crash.
            Some(seconds @ 10..=600) => std::time::Duration::from_secs(seconds),
            Some(other) => {
                return Err(invalid(
                    "lease_seconds",
                    format!("{other} is out of range; use 10 to 600 seconds (30 by default)"),
                ));
            }
        };
        let raw_console = raw.console.unwrap_or_default();
        let console = ConsoleSettings {
            enabled: raw_console.enabled.unwrap_or(defaults.console.enabled),
            channel: non_empty("console.channel", raw_console.channel)?
                .unwrap_or(defaults.console.channel),
            user: non_empty("console.user", raw_console.user)?.unwrap_or(defaults.console.user),
            language: parse_language("console.language", raw_console.language)?.unwrap_or(language),
        };
        let mut groups = vec![group_settings(
            "",
            "default",
            raw.approval,
            raw.trusted_after,
            raw.announce_approved,
            raw.digest_schedule,
            (raw.still_happening_weeks, raw.still_happening_unanswered),
            &[],
            raw.rules,
        )?];
        groups[0].title = raw.title.unwrap_or_else(|| "Vores".to_string());
        groups[0].credit = parse_credit("credit", raw.credit)?;
        for (i, g) in raw.groups.into_iter().enumerate() {
            let prefix = format!("groups[{i}].");
            if g.name.trim().is_empty() || groups.iter().any(|other| other.name == g.name) {
                return Err(invalid(
                    format!("{prefix}name"),
                    format!(
                        "{:?} must be a unique, non-empty name (\"default\" is taken)",
                        g.name
                    ),
                ));
            }
            let mut group = group_settings(
                &prefix,
                &g.name,
                g.approval,
                g.trusted_after,
                g.announce_approved,
                g.digest_schedule,
                (g.still_happening_weeks, g.still_happening_unanswered),
                &g.admins,
                g.rules,
            )?;
            group.title = g.title.unwrap_or_else(|| g.name.clone());
            group.ambassadors = parse_users(&format!("{prefix}ambassadors"), &g.ambassadors)?;
            group.credit = parse_credit(&format!("{prefix}credit"), g.credit)?;
            groups.push(group);
        }
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
            if platform == Platform::Discord && ch.id.parse::<u64>().is_err() {
                return Err(invalid(
                    key("id"),
                    format!(
                        "{:?} is not a Discord channel id; in Discord turn on Developer Mode (User Settings → Advanced), then right-click the channel → Copy Channel ID",
                        ch.id
                    ),
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
            let group = match &ch.group {
                None => 0,
                Some(name) => groups.iter().position(|g| &g.name == name).ok_or_else(|| {
                    invalid(
                        key("group"),
                        format!("no group named {name:?}; add [[groups]] name = {name:?} or fix the name"),
                    )
                })?,
            };
            if let Some(link) = &ch.join
                && !(link.starts_with("https://") || link.starts_with("http://"))
            {
                return Err(invalid(
                    key("join"),
                    format!(
                        "{link:?} is not a link; give the invite link, like \"https://t.me/+AbCd\""
                    ),
                ));
            }
            channels.push(Channel {
                join: ch.join,
                group,
                name: ch.name.unwrap_or_else(|| ch.id.clone()),
                language: parse_language(&key("language"), ch.language)?.unwrap_or(language),
                conversation,
            });
        }
        let admins = parse_users("admins", &raw.admins)?;
        let telegram = match raw.telegram {
            Some(t) if t.enabled.unwrap_or(true) => {
                if let Some(url) = &t.api_url
                    && !(url.starts_with("http://") || url.starts_with("https://"))
                {
                    return Err(invalid(
                        "telegram.api_url",
                        format!(
                            "{url:?} is not an http(s) URL; leave it out for https://api.telegram.org"
                        ),
                    ));
                }
                Some(TelegramConfig {
                    api_url: t.api_url,
                    token_file: t.token_file,
                    poll_timeout: t.poll_timeout.unwrap_or(25).clamp(1, 50),
                })
            }
            _ => None,
        };
        let matrix = match raw.matrix {
            Some(m) if m.enabled.unwrap_or(true) => {
                let homeserver = m.homeserver.ok_or_else(|| {
                    invalid(
                        "matrix.homeserver",
                        "is missing; set it to your homeserver's URL, e.g. \"https://matrix.example.org\"",
                    )
                })?;
                if !(homeserver.starts_with("http://") || homeserver.starts_with("https://")) {
                    return Err(invalid(
                        "matrix.homeserver",
                        format!(
                            "{homeserver:?} is not an http(s) URL, e.g. \"https://matrix.example.org\""
                        ),
                    ));
                }
                let user_id = m.user_id.ok_or_else(|| {
                    invalid(
                        "matrix.user_id",
                        "is missing; set it to the bot's Matrix id, e.g. \"@vores:example.org\"",
                    )
                })?;
                if !user_id.starts_with('@') || !user_id.contains(':') {
                    return Err(invalid(
                        "matrix.user_id",
                        format!("{user_id:?} is not a Matrix user id like \"@vores:example.org\""),
                    ));
                }
                Some(MatrixConfig {
                    homeserver,
                    user_id,
                    password_file: m.password_file,
                    token_file: m.token_file,
                    store_path: m
                        .store_path
                        .unwrap_or_else(|| PathBuf::from("vores-matrix-store")),
                    admin_power_level: m.admin_power_level,
                    auto_join_servers: m.auto_join_servers,
                })
            }
            _ => None,
        };
        let discord = match raw.discord {
            Some(d) if d.enabled.unwrap_or(true) => {
                if let Some(url) = &d.api_url
                    && !(url.starts_with("http://") || url.starts_with("https://"))
                {
                    return Err(invalid(
                        "discord.api_url",
                        format!(
                            "{url:?} is not an http(s) URL; leave it out for https://discord.com"
                        ),
                    ));
                }
                Some(DiscordConfig {
                    api_url: d.api_url,
                    token_file: d.token_file,
                    admin_role: d.admin_role.filter(|r| !r.trim().is_empty()),
                    scheduled_events: d.scheduled_events.unwrap_or(false),
                })
            }
            _ => None,
        };
        let school_holidays = school_holidays(raw.school_holidays.unwrap_or_default())?;
        let mut places = Vec::with_capacity(raw.places.len());
        for (i, p) in raw.places.into_iter().enumerate() {
            let key = format!("places[{i}]");
            if p.name.trim().is_empty() {
                return Err(invalid(key, "needs a name"));
            }
            if !(-90.0..=90.0).contains(&p.lat) || !(-180.0..=180.0).contains(&p.lon) {
                return Err(invalid(
                    key,
                    format!(
                        "{:?} has lat {} / lon {}, which is not on Earth; write decimal degrees, e.g. lat = 55.6155, lon = 12.3560",
                        p.name, p.lat, p.lon
                    ),
                ));
            }
            places.push(Place {
                name: p.name.trim().to_string(),
                aliases: p.aliases,
                lat: p.lat,
                lon: p.lon,
            });
        }
        let web = web_config(raw.web)?;
        Ok(Config {
            web_configured: web.is_some(),
            web,
            school_holidays,
            places,
            discord,
            matrix,
            telegram,
            timezone,
            language,
            added_languages,
            privacy,
            database_url,
            sqlite_full_sync,
            lease,
            console,
            channels,
            admins,
            groups,
        })
    }

    /// The core's view: groups with their channels, plus `extra` channels
    /// (the console channel named on the command line) in the default group
    /// unless configured.
    pub fn community(&self, extra: &[ChannelInfo]) -> Community {
        let mut groups: Vec<Group> = self
            .groups
            .iter()
            .map(|g| Group {
                name: g.name.clone(),
                title: g.title.clone(),
                approval: g.approval,
                announce_approved: g.announce_approved,
                digest_schedule: g.digest_schedule.clone(),
                admins: g.admins.iter().cloned().collect(),
                ambassadors: g.ambassadors.clone(),
                credit: g.credit,
                rules: g.rules.clone(),
                channels: Vec::new(),
                still_happening: g.still_happening,
            })
            .collect();
        for channel in &self.channels {
            groups[channel.group].channels.push(ChannelInfo {
                conversation: channel.conversation.clone(),
                name: channel.name.clone(),
                language: channel.language,
            });
        }
        let mut community =
            Community::new(groups, self.admins.iter().cloned().collect(), self.language);
        community.places = self.places.clone();
        for channel in extra {
            community.add_channel(0, channel.clone());
        }
        community
    }
}

fn parse_users(key: &str, entries: &[String]) -> Result<Vec<UserRef>, ConfigError> {
    let mut users = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let Some((platform, id)) = entry.split_once(':') else {
            return Err(invalid(
                format!("{key}[{i}]"),
                format!(
                    "{entry:?} needs the form \"platform:user-id\", e.g. \"telegram:123456\" or \"console:mette\""
                ),
            ));
        };
        let platform: Platform = platform
            .parse()
            .map_err(|e| invalid(format!("{key}[{i}]"), format!("{e}")))?;
        users.push(UserRef {
            platform,
            id: id.to_string(),
        });
    }
    Ok(users)
}

/// Reads `[school_holidays]`: each entry "2026-10-17..2026-10-25", the
/// first and last day, at most ten weeks long.
fn school_holidays(raw: RawSchoolHolidays) -> Result<SchoolHolidays, ConfigError> {
    let read = |name: &str, entries: Vec<String>| {
        entries
            .iter()
            .enumerate()
            .map(|(i, entry)| {
                let key = format!("school_holidays.{name}[{i}]");
                let fail = |why: &str| {
                    invalid(
                        key.clone(),
                        format!(
                            "{entry:?} {why}; write the first and last day as \"2026-10-17..2026-10-25\""
                        ),
                    )
                };
                let (first, last) = entry
                    .split_once("..")
                    .ok_or_else(|| fail("is not a range of days"))?;
                let day = |s: &str| {
                    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                        .map_err(|_| fail("has a day that is not a date"))
                };
                let (first, last) = (day(first)?, day(last)?);
                if last < first {
                    return Err(fail("ends before it starts"));
                }
                if (last - first).num_days() > 70 {
                    return Err(fail("is longer than ten weeks"));
                }
                Ok((first, last))
            })
            .collect::<Result<Vec<_>, ConfigError>>()
    };
    Ok(SchoolHolidays {
        winter: read("winter", raw.winter)?,
        autumn: read("autumn", raw.autumn)?,
        summer: read("summer", raw.summer)?,
        christmas: read("christmas", raw.christmas)?,
    })
}

#[allow(clippy::too_many_arguments)]
fn group_settings(
    prefix: &str,
    name: &str,
    approval: Option<String>,
    trusted_after: Option<u32>,
    announce_approved: Option<bool>,
    digest_schedule: Option<String>,
    (still_weeks, still_unanswered): (Option<u32>, Option<String>),
    admins: &[String],
    rules: Option<RawRules>,
) -> Result<GroupSettings, ConfigError> {
    let key = |k: &str| format!("{prefix}{k}");
    let unanswered = match still_unanswered.as_deref() {
        None | Some("tell_admins") => Unanswered::TellAdmins,
        Some("hide") => Unanswered::Hide,
        Some(other) => {
            return Err(invalid(
                key("still_happening_unanswered"),
                format!("{other:?} is not a choice; use \"tell_admins\" or \"hide\""),
            ));
        }
    };
    let still_happening = match still_weeks.unwrap_or(StillHappening::DEFAULT.every_weeks) {
        0 => None,
        weeks @ 1..=52 => Some(StillHappening {
            every_weeks: weeks,
            unanswered,
        }),
        weeks => {
            return Err(invalid(
                key("still_happening_weeks"),
                format!("{weeks} weeks is more than a year; use 1 to 52, or 0 to never ask"),
            ));
        }
    };
    let approval = match approval.as_deref() {
        None | Some("always") => Approval::Always,
        Some("never") => Approval::Never,
        Some("trusted") => Approval::TrustedAfter(trusted_after.unwrap_or(3)),
        Some(other) => {
            return Err(invalid(
                key("approval"),
                format!(
                    "{other:?} is not a policy; use \"always\", \"never\" or \"trusted\" (with trusted_after = N)"
                ),
            ));
        }
    };
    let schedule_text = digest_schedule.unwrap_or_else(|| DEFAULT_DIGEST_SCHEDULE.to_string());
    let digest_schedule = cron::Schedule::from_str(&schedule_text).map_err(|e| {
        invalid(
            key("digest_schedule"),
            format!(
                "{schedule_text:?} is not a cron schedule ({e}); use seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 18 * * Sun\" for Sundays at 18:00"
            ),
        )
    })?;
    check_schedule(&digest_schedule).map_err(|why| {
        invalid(
            key("digest_schedule"),
            format!(
                "{schedule_text:?} {why}; a digest goes out at most once an hour and at least once a year, e.g. \"0 0 18 * * Sun\" for Sundays at 18:00"
            ),
        )
    })?;
    Ok(GroupSettings {
        name: name.to_string(),
        title: if name == "default" {
            "Vores".to_string()
        } else {
            name.to_string()
        },
        approval,
        announce_approved: announce_approved.unwrap_or(false),
        digest_schedule,
        admins: parse_users(&key("admins"), admins)?,
        ambassadors: Vec::new(),
        credit: Credit::Name,
        rules: rules_from(&key("rules."), rules.unwrap_or_default())?,
        still_happening,
    })
}

/// A digest schedule must fire, at most once an hour (a digest every few
/// seconds would flood every channel and take a core) and at least once a
/// year (the scheduler looks back a year for the period it last covered; a
/// schedule that fired longer ago than that would post afresh at every
/// start). Checked over the coming two years, which covers any pattern cron
/// can write except a leap day, which is refused for firing too rarely.
fn check_schedule(schedule: &cron::Schedule) -> Result<(), &'static str> {
    let start = chrono::Utc::now();
    let horizon = start + chrono::Duration::days(2 * 366);
    let mut previous = start;
    let mut firings = 0u32;
    for next in schedule.after(&start) {
        if next - previous > chrono::Duration::days(366) {
            return Err("runs less than once a year");
        }
        if firings > 0 && next - previous < chrono::Duration::hours(1) {
            return Err("runs more than once an hour");
        }
        firings += 1;
        previous = next;
        if next > horizon {
            break;
        }
    }
    if firings == 0 {
        return Err("never runs");
    }
    Ok(())
}

fn rules_from(prefix: &str, raw: RawRules) -> Result<Rules, ConfigError> {
    let key = |k: &str| format!("{prefix}{k}");
    let defaults = Rules::default();
    let mut patterns = Vec::new();
    for (i, p) in raw.banned_patterns.iter().enumerate() {
        patterns.push(Regex::new(&format!("(?i){p}")).map_err(|e| {
            invalid(
                format!("{}[{i}]", key("banned_patterns")),
                format!("is not a valid regular expression: {e}"),
            )
        })?);
    }
    let links = match raw.links.as_deref() {
        None | Some("allow") => LinkPolicy::Allow,
        Some("none") => LinkPolicy::None,
        Some("allowlist") => {
            if raw.link_allowlist.is_empty() {
                return Err(invalid(
                    key("link_allowlist"),
                    "is empty; list the allowed domains, e.g. [\"ishoj.dk\"], or set links = \"none\"",
                ));
            }
            LinkPolicy::Allowlist(
                raw.link_allowlist
                    .iter()
                    .map(|d| d.to_lowercase())
                    .collect(),
            )
        }
        Some(other) => {
            return Err(invalid(
                key("links"),
                format!("{other:?} is not a link policy; use \"allow\", \"none\" or \"allowlist\""),
            ));
        }
    };
    if let Some(ratio) = raw.max_caps_ratio
        && !(0.0..=1.0).contains(&ratio)
    {
        return Err(invalid(
            key("max_caps_ratio"),
            "must be between 0 and 1 (0 turns the rule off), e.g. 0.7",
        ));
    }
    let mut actions = std::collections::HashMap::new();
    for (rule, action) in &raw.actions {
        let kind = RuleKind::parse(rule).ok_or_else(|| {
            let all: Vec<&str> = RuleKind::ALL.iter().map(|k| k.as_str()).collect();
            invalid(
                format!("{}{rule}", key("actions.")),
                format!("is not a rule; use one of {}", all.join(", ")),
            )
        })?;
        let action = match action.as_str() {
            "note" => RuleAction::Note,
            "delete" | "hide" => RuleAction::Delete,
            other => {
                return Err(invalid(
                    format!("{}{rule}", key("actions.")),
                    format!("{other:?} is not an action; use \"note\" or \"delete\""),
                ));
            }
        };
        actions.insert(kind, action);
    }
    let escalation = match raw.escalation.as_deref() {
        None | Some("tell_admins") => Escalation::TellAdmins,
        Some("mute") => Escalation::Mute {
            minutes: raw.mute_minutes.unwrap_or(60),
        },
        Some("ban") => Escalation::Ban,
        Some(other) => {
            return Err(invalid(
                key("escalation"),
                format!("{other:?} is not an escalation; use \"mute\", \"ban\" or \"tell_admins\""),
            ));
        }
    };
    // 0 turns a counting rule off.
    let on = |v: Option<u32>, default: Option<u32>| match v {
        Some(0) => None,
        Some(n) => Some(n),
        None => default,
    };
    Ok(Rules {
        banned_patterns: patterns,
        spam_filter: raw.spam_filter.unwrap_or(defaults.spam_filter),
        links,
        max_links: raw.max_links.filter(|n| *n > 0),
        max_caps_ratio: match raw.max_caps_ratio {
            Some(r) if r <= 0.0 => None,
            Some(r) => Some(r),
            None => defaults.max_caps_ratio,
        },
        flood_messages: on(raw.flood_messages, defaults.flood_messages),
        flood_seconds: raw.flood_seconds.unwrap_or(defaults.flood_seconds).max(1),
        max_repeats: on(raw.max_repeats, defaults.max_repeats),
        new_member_hours: on(raw.new_member_hours, defaults.new_member_hours),
        new_member_messages: on(raw.new_member_messages, defaults.new_member_messages),
        max_length: match raw.max_length {
            Some(0) => None,
            Some(n) => Some(n),
            None => defaults.max_length,
        },
        actions,
        strikes_before_escalation: raw
            .strikes_before_escalation
            .unwrap_or(defaults.strikes_before_escalation),
        strike_window_hours: raw
            .strike_window_hours
            .unwrap_or(defaults.strike_window_hours)
            .max(1),
        escalation,
        ..defaults
    }
    .with_banned_words(&raw.banned_words))
}

fn parse_credit(key: &str, value: Option<String>) -> Result<Credit, ConfigError> {
    match value.as_deref().map(str::trim) {
        None | Some("name") => Ok(Credit::Name),
        Some("first_name") => Ok(Credit::FirstName),
        Some("none") => Ok(Credit::Nobody),
        Some(other) => Err(invalid(
            key,
            format!("{other:?} is not a choice: use \"name\", \"first_name\" or \"none\""),
        )),
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
    fn digest_schedules_that_never_or_always_fire_are_refused() {
        let with = |schedule: &str| {
            Config::parse(&format!("digest_schedule = \"{schedule}\"\n"))
                .map(|_| ())
                .map_err(|e| e.to_string())
        };
        assert!(with("0 0 18 * * Sun").is_ok());
        assert!(with("0 0 * * * *").is_ok(), "hourly is the most allowed");
        assert!(with("0 30 7 1 * *").is_ok(), "monthly");
        assert!(with("0 0 12 24 12 *").is_ok(), "yearly");
        for (schedule, why) in [
            ("* * * * * *", "more than once an hour"),
            ("0 */30 * * * *", "more than once an hour"),
            ("0 0 18 * * Sun 2020", "never runs"),
            ("0 0 12 29 2 *", "less than once a year"),
        ] {
            let err = with(schedule).expect_err(schedule);
            assert!(err.contains("digest_schedule"), "{err}");
            assert!(err.contains(why), "{schedule}: {err}");
        }
    }

    #[test]
    fn empty_file_is_all_defaults_but_the_web() {
        // Without a file the demo shows its calendar on the web; a town's
        // own file publishes a web page only when it says `[web]`.
        assert_eq!(
            Config::parse("").unwrap(),
            Config {
                web: None,
                web_configured: false,
                ..Config::default()
            }
        );
        let web = Config::parse(
            "[web]\nlisten = \"127.0.0.1:9090\"\npublic_url = \"https://kalender.example.dk/\"\n",
        )
        .unwrap()
        .web
        .expect("[web] turns it on");
        assert_eq!(web.listen.port(), 9090);
        assert_eq!(web.public_url, "https://kalender.example.dk");
        assert!(
            Config::parse("[web]\nenabled = false\n")
                .unwrap()
                .web
                .is_none()
        );
        let err = Config::parse("[web]\nlisten = \"8080\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("web.listen") && err.contains("127.0.0.1:8080"),
            "{err}"
        );
    }

    #[test]
    fn example_config_loads() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/vores.example.toml");
        let config = Config::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.timezone, chrono_tz::Europe::Copenhagen);
        assert!(!config.channels.is_empty());
    }

    #[test]
    fn discord_section_and_channels() {
        let config = Config::parse(
            "[discord]\napi_url = \"http://127.0.0.1:9\"\nadmin_role = \"Frivillig\"\nscheduled_events = true\n\n[[channels]]\nplatform = \"discord\"\nid = \"1100000000000000100\"",
        )
        .unwrap();
        let discord = config.discord.expect("enabled by its section");
        assert_eq!(discord.api_url.as_deref(), Some("http://127.0.0.1:9"));
        assert_eq!(discord.admin_role.as_deref(), Some("Frivillig"));
        assert!(discord.scheduled_events);
        assert!(
            Config::parse("[discord]\nenabled = false")
                .unwrap()
                .discord
                .is_none()
        );
        let e = Config::parse("[discord]\napi_url = \"discord.com\"").unwrap_err();
        assert_eq!(e.key.as_deref(), Some("discord.api_url"));
        let e =
            Config::parse("[[channels]]\nplatform = \"discord\"\nid = \"#torvet\"").unwrap_err();
        assert_eq!(e.key.as_deref(), Some("channels[0].id"));
        assert!(e.to_string().contains("Copy Channel ID"), "{e}");
        let e = Config::parse("[discord]\ntoken = \"abc\"").unwrap_err();
        assert!(
            e.to_string().contains("token"),
            "a token is never read from the file: {e}"
        );
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
