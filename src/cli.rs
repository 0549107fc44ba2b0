//! The `vores` command line. Outside checks use these exact commands and
//! options, so changing them is changing a contract.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context as _, bail};
use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand};
use tokio_util::sync::CancellationToken;
use tracing::info;
use vores_bot::community::{ChannelInfo, Community};
use vores_bot::model::{ConversationRef, Platform, UserRef};
use vores_bot::published::StoredCalendar;
use vores_bot::runtime;
use vores_bot::sharing::Sharing;
use vores_bot::understand::{self, Context};
use vores_bot::{Adapter, Bot, Clock, FixedClock, Language, Settings, SystemClock};
use vores_config::{Config, DEFAULT_DATABASE_URL};
use vores_console::{ConsoleAdapter, ConsoleIdentity};
use vores_discord::{DiscordAdapter, DiscordSettings, EventMirror};
use vores_matrix::{Credentials as MatrixCredentials, MatrixAdapter, MatrixSettings};
use vores_storage::{Database, DatabaseOptions, SqliteSync, redact_url};
use vores_telegram::{TelegramAdapter, TelegramSettings};

#[derive(Debug, Parser)]
#[command(
    name = "vores",
    version,
    about = "Vores: one community bot for a town's Matrix, Discord and Telegram channels"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOptions,
    #[command(subcommand)]
    pub command: Commands,
}

#[derive(Debug, Args)]
pub struct GlobalOptions {
    /// Configuration file (TOML). Without it, ./vores.toml is used if present, else defaults.
    #[arg(long, global = true, env = "VORES_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Database URL: sqlite://FILE (default sqlite://vores.db) or postgres://USER@HOST/DB.
    #[arg(
        long,
        global = true,
        env = "VORES_DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub database: Option<String>,
    /// Pretend it is this instant (RFC 3339, e.g. 2026-06-10T10:00:00+02:00), for demos and tests.
    #[arg(long, global = true, value_name = "RFC3339", value_parser = parse_now)]
    pub now: Option<DateTime<Utc>>,
}

#[derive(Debug, Subcommand)]
pub enum Commands {
    /// Chat with the bot in the terminal (one message per line; works piped too).
    Console(ConsoleArgs),
    /// Show how the bot understands a message.
    Parse(ParseArgs),
    /// Run every adapter the configuration enables, the digest schedule, and
    /// the web calendar when `[web]` is enabled.
    Run(RunArgs),
    /// Write a copy of the SQLite database to a new file (safe while the bot runs).
    Backup(BackupArgs),
    /// Serve only the web calendar, its feeds, /healthz and /metrics.
    Web(WebArgs),
    /// Export approved stories for the newsletter or the local paper
    /// (`export stories`), or the whole town as JSON (`export --format json`).
    Export(ExportArgs),
    /// Load a whole-town JSON export into a new, empty database (SQLite to
    /// PostgreSQL and back).
    Import(ImportArgs),
    /// Show or post the weekly digest.
    Digest(DigestArgs),
    /// Show which posting guidelines a message would break, and why.
    Check(CheckArgs),
    /// Measure submissions, "what's on" answers and the digest on a large
    /// database, each beside plain SQLite doing the same work on the same disk.
    Bench(crate::bench::BenchArgs),
    /// Check the config, the database and every enabled platform's token
    /// and rights, and say what to fix (`--quick`: config and database only).
    Doctor(crate::doctor::DoctorArgs),
    /// One person's data: everything kept about them as JSON (`export`), or
    /// erase them (`erase`), as `/mine data` and `/glem mig` do in a chat;
    /// `prune` deletes what is kept only for a while.
    Privacy(PrivacyArgs),
}

#[derive(Debug, Args)]
pub struct PrivacyArgs {
    #[command(subcommand)]
    pub action: PrivacyAction,
}

#[derive(Debug, Subcommand)]
pub enum PrivacyAction {
    /// Print every row about the person as JSON, table by table.
    Export {
        /// The person, as "platform:user-id" (e.g. "telegram:123456").
        #[arg(long, value_name = "PLATFORM:ID", value_parser = parse_user)]
        user: UserRef,
    },
    /// Erase the person: unpublished submissions deleted, published ones
    /// kept without their name (or deleted with --remove-published), the
    /// moderation log without who or what.
    Erase {
        #[arg(long, value_name = "PLATFORM:ID", value_parser = parse_user)]
        user: UserRef,
        /// Delete their published stories and events too.
        #[arg(long)]
        remove_published: bool,
    },
    /// Delete the moderation log, handled-message markers and sent
    /// messages older than the retention period (`[privacy] retention_days`).
    Prune,
}

fn parse_user(s: &str) -> Result<UserRef, String> {
    let (platform, id) = s
        .split_once(':')
        .filter(|(_, id)| !id.is_empty())
        .ok_or_else(|| {
            format!("{s:?} needs the form \"platform:user-id\", e.g. \"telegram:123456\"")
        })?;
    Ok(UserRef {
        platform: parse_platform(platform)?,
        id: id.to_string(),
    })
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Run only these of the enabled platforms (comma-separated: console,
    /// telegram, matrix, discord), e.g. one process per platform.
    #[arg(long, value_name = "PLATFORMS", value_delimiter = ',', value_parser = parse_platform)]
    pub only: Option<Vec<Platform>>,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The new file to write (it must not exist yet).
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// `stories` for the approved stories in a span of days; nothing for
    /// the whole town (every table) as JSON, for `vores import`.
    #[arg(value_parser = ["stories"])]
    pub what: Option<String>,
    /// Stories: the first day (YYYY-MM-DD, local time) of approval.
    #[arg(long, value_name = "DATE")]
    pub from: Option<chrono::NaiveDate>,
    /// Stories: the last day (YYYY-MM-DD), included.
    #[arg(long, value_name = "DATE")]
    pub to: Option<chrono::NaiveDate>,
    /// markdown, html or json for stories (markdown by default); json for the whole town.
    #[arg(long, value_name = "markdown|html|json", value_parser = ["markdown", "html", "json"])]
    pub format: Option<String>,
    /// Only this group's stories (by name); every group's by default.
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
    /// The language of the headings and labels (default: the config's).
    #[arg(long, value_name = "da|en", value_parser = parse_language)]
    pub lang: Option<Language>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A file written by `vores export --format json`.
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct WebArgs {
    /// Address and port to listen on (default: `[web] listen`, or 127.0.0.1:8080).
    #[arg(long, value_name = "ADDRESS:PORT")]
    pub listen: Option<std::net::SocketAddr>,
}

#[derive(Debug, Args)]
pub struct DigestArgs {
    /// Print the digest that would be posted now (the default).
    #[arg(long, conflicts_with = "send_now")]
    pub preview: bool,
    /// Post it now into every channel of the group (once per channel and period).
    #[arg(long)]
    pub send_now: bool,
    /// The channel whose group (and language) to use.
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,
    /// The group, by name (default: the channel's group, or every group with --send-now).
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The channel whose group's rules to use.
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,
    /// Print one compact JSON object (otherwise pretty-printed).
    #[arg(long)]
    pub json: bool,
    /// The message to check.
    pub text: String,
}

#[derive(Debug, Args)]
pub struct ConsoleArgs {
    /// Your name in the chat.
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Act as an admin of the channel (as the user "admin" unless --user is given).
    #[arg(long)]
    pub admin: bool,
    /// The channel you are writing in.
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,
    /// The channel's language when a message gives no clue.
    #[arg(long, value_name = "da|en", value_parser = parse_language)]
    pub lang: Option<Language>,
    /// Act like a group chat: only commands and lines starting with "@vores"
    /// are for the bot; other lines are ordinary talk the guidelines check.
    #[arg(long)]
    pub group_chat: bool,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Print one compact JSON object (otherwise pretty-printed).
    #[arg(long)]
    pub json: bool,
    /// The message to understand.
    pub text: String,
}

fn parse_now(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("{e}; write it like 2026-06-10T10:00:00+02:00"))
}

fn parse_platform(s: &str) -> Result<Platform, String> {
    s.trim()
        .parse()
        .map_err(|e: vores_bot::model::UnknownPlatform| e.to_string())
}

fn parse_language(s: &str) -> Result<Language, String> {
    s.parse()
        .map_err(|e: vores_bot::lang::UnknownLanguage| e.to_string())
}

/// Logs go to standard error (standard output is the conversation). Quiet by
/// default in the console; `VORES_LOG` or `RUST_LOG` choose more. When a
/// person chats with the console in this very terminal, log lines would land
/// between the bot's answers, so they go to `vores.log` instead (standard
/// error redirected elsewhere, as under systemd or in tests, keeps them).
pub fn init_tracing(cli: &Cli, config: &Config) {
    use std::io::IsTerminal;
    let default = match cli.command {
        Commands::Run(_) | Commands::Web(_) => "info",
        _ => "warn",
    };
    let filter = std::env::var("VORES_LOG")
        .or_else(|_| std::env::var("RUST_LOG"))
        .unwrap_or_else(|_| default.to_string());
    let chat_here = match cli.command {
        Commands::Console(_) => true,
        Commands::Run(_) => config.console.enabled,
        _ => false,
    } && std::io::stdin().is_terminal()
        && std::io::stderr().is_terminal();
    let builder =
        tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::new(filter));
    if chat_here {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(CONSOLE_LOG);
        match log {
            Ok(file) => {
                eprintln!(
                    "(Driftsbeskeder skrives i {CONSOLE_LOG}, ikke her. Log lines go to {CONSOLE_LOG}, not here.)"
                );
                let _ = builder
                    .with_writer(std::sync::Mutex::new(file))
                    .with_ansi(false)
                    .try_init();
                return;
            }
            Err(e) => eprintln!(
                "vores: cannot write {CONSOLE_LOG} ({e}); log lines stay in this terminal"
            ),
        }
    }
    let _ = builder
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}

/// Where log lines go while someone chats with the console in the terminal.
const CONSOLE_LOG: &str = "vores.log";

/// Writes a command's answer to standard output. A reader that went away
/// (`vores parse … | head -c0`, a closed pipe) is not an error worth a
/// panic and a backtrace: the answer simply has no one to go to.
pub(crate) fn print_out(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(e).context("writing to standard output"))
        }
        _ => Ok(()),
    }
}

pub(crate) fn load_config(global: &GlobalOptions) -> anyhow::Result<Config> {
    match &global.config {
        Some(path) => Ok(Config::load(path)?),
        None => {
            let default = PathBuf::from("vores.toml");
            if default.exists() {
                Ok(Config::load(&default)?)
            } else {
                Ok(Config::default())
            }
        }
    }
}

fn clock(global: &GlobalOptions) -> Arc<dyn Clock> {
    match global.now {
        Some(now) => Arc::new(FixedClock(now)),
        None => Arc::new(SystemClock),
    }
}

pub(crate) async fn open_database(
    global: &GlobalOptions,
    config: &Config,
) -> anyhow::Result<Arc<Database>> {
    let url = global
        .database
        .clone()
        .or_else(|| config.database_url.clone())
        .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
    let options = DatabaseOptions {
        sqlite_sync: if config.sqlite_full_sync {
            SqliteSync::Full
        } else {
            SqliteSync::Normal
        },
    };
    let db = Database::open_with(&url, options)
        .await
        .with_context(|| format!("opening the database {}", redact_url(&url)))?;
    Ok(Arc::new(db))
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    // The doctor reports a config that does not load as one of its checks.
    if let Commands::Doctor(args) = &cli.command {
        return crate::doctor::run(&cli, args).await;
    }
    let config = load_config(&cli.global)?;
    init_tracing(&cli, &config);
    vores_bot::understand::holidays::configure(config.school_holidays.clone());
    match cli.command {
        Commands::Parse(args) => {
            let ctx = Context {
                now: clock(&cli.global).now(),
                tz: config.timezone,
                fallback: config.language,
            };
            let understood = understand::understand(&args.text, &ctx);
            let value = crate::parse_json::to_json(&understood, config.timezone);
            let text = if args.json {
                serde_json::to_string(&value)?
            } else {
                serde_json::to_string_pretty(&value)?
            };
            print_out(&text)
        }
        Commands::Console(args) => {
            let mut console = config.console.clone();
            match args.user {
                Some(user) => console.user = user,
                // Not the default resident with hidden rights: an admin
                // session is someone else, and says so in its name.
                None if args.admin => console.user = "admin".to_string(),
                None => {}
            }
            if let Some(channel) = args.channel {
                console.channel = channel;
            }
            let conversation = ConversationRef {
                platform: Platform::Console,
                id: console.channel.clone(),
            };
            let configured = config
                .channels
                .iter()
                .find(|c| c.conversation == conversation);
            let language = args
                .lang
                .or(configured.map(|c| c.language))
                .unwrap_or(console.language);
            let name = configured.map_or_else(|| console.channel.clone(), |c| c.name.clone());
            let community = config.community(&[ChannelInfo {
                conversation,
                name,
                language,
            }]);
            let mut identity =
                console_identity(console.channel, console.user, args.admin, language);
            identity.group_chat = args.group_chat;
            serve(
                &cli.global,
                &config,
                community,
                vec![Arc::new(ConsoleAdapter::stdio(identity))],
                false,
            )
            .await
        }
        Commands::Digest(args) => digest(&cli.global, &config, args).await,
        Commands::Check(args) => {
            let community = config.community(&console_channels(&config, None));
            let conversation = pick_channel(&community, &config, args.channel.as_deref())?;
            let group = community.group_of(&conversation);
            let violations = vores_bot::guidelines::check(
                &group.rules,
                &args.text,
                &vores_bot::guidelines::History::default(),
                clock(&cli.global).now(),
            );
            let lang = community.language_of(&conversation);
            let value = serde_json::json!({
                "channel": conversation.id,
                "group": group.name,
                "ok": violations.is_empty(),
                "normalised": vores_bot::guidelines::normalise(&args.text),
                "rules": violations.iter().map(|v| serde_json::json!({
                    "rule": v.rule.as_str(),
                    "matched": vores_bot::guidelines::said(lang, &v.matched),
                    "action": v.action.as_str(),
                    "why": vores_bot::lang::tr(lang, &format!("rule_{}", v.rule.as_str()), &[("matched", &vores_bot::guidelines::said(lang, &v.matched))]),
                })).collect::<Vec<_>>(),
            });
            let text = if args.json {
                serde_json::to_string(&value)?
            } else {
                serde_json::to_string_pretty(&value)?
            };
            print_out(&text)
        }
        Commands::Bench(args) => crate::bench::run(args).await,
        Commands::Doctor(_) => {
            unreachable!("`vores doctor` is dispatched before the config is loaded")
        }
        Commands::Export(args) if args.what.is_none() => {
            if args.format.as_deref().is_some_and(|f| f != "json") {
                bail!(
                    "the whole town is exported as JSON: use --format json (or `vores export stories` for Markdown or HTML)"
                );
            }
            let db = open_database(&cli.global, &config).await?;
            let town = db.export_all().await;
            db.close().await;
            print_out(&serde_json::to_string_pretty(
                &town.context("reading the database")?,
            )?)
        }
        Commands::Export(args) => export(&cli.global, &config, args).await,
        Commands::Privacy(args) => privacy(&cli.global, &config, args.action).await,
        Commands::Import(args) => {
            let text = std::fs::read_to_string(&args.file)
                .with_context(|| format!("reading {}", args.file.display()))?;
            let town: serde_json::Value = serde_json::from_str(&text).with_context(|| {
                format!(
                    "{} is not JSON; give a file written by `vores export --format json`",
                    args.file.display()
                )
            })?;
            let db = open_database(&cli.global, &config).await?;
            let imported = db.import_all(&town).await;
            db.close().await;
            imported?;
            let count = |t: &str| town["tables"][t].as_array().map_or(0, Vec::len);
            print_out(&format!(
                "Imported {} submissions, {} moderation log entries and {} outbox messages.",
                count("submissions"),
                count("moderation_log"),
                count("outbox")
            ))
        }
        Commands::Web(args) => {
            let mut web = config.web.clone().unwrap_or_default();
            if let Some(listen) = args.listen {
                if config
                    .web
                    .as_ref()
                    .is_none_or(|w| w.public_url == format!("http://{}", w.listen))
                {
                    web.public_url = format!("http://{listen}");
                }
                web.listen = listen;
            }
            let db = open_database(&cli.global, &config).await?;
            let community = Arc::new(config.community(&console_channels(&config, None)));
            let site = web_site(
                &config,
                web.clone(),
                db.clone(),
                community,
                clock(&cli.global),
                vores_web::Running::default(),
            );
            let listener = tokio::net::TcpListener::bind(web.listen)
                .await
                .with_context(|| format!("listening on {} (is another program using that port? choose another with --listen or `[web] listen`)", web.listen))?;
            eprintln!("{}", calendar_banner(&web));
            let shutdown = CancellationToken::new();
            tokio::spawn(stop_on_signal(shutdown.clone()));
            let served = vores_web::serve(site, listener, shutdown).await;
            db.close().await;
            served.context("serving the web calendar")
        }
        Commands::Backup(args) => {
            if args.file.exists() {
                bail!(
                    "{} exists already; give a new file name (a backup never overwrites)",
                    args.file.display()
                );
            }
            let db = open_database(&cli.global, &config).await?;
            let written = db.backup_to(&args.file).await;
            db.close().await;
            written?;
            let size = std::fs::metadata(&args.file).map(|m| m.len()).unwrap_or(0);
            print_out(&format!(
                "Backup written to {} ({size} bytes). Restore by stopping vores and copying it over the database file.",
                args.file.display()
            ))
        }
        Commands::Run(args) => {
            let wanted = |platform: Platform| {
                args.only
                    .as_ref()
                    .is_none_or(|only| only.contains(&platform))
            };
            if let Some(only) = &args.only {
                for &platform in only {
                    let enabled = match platform {
                        Platform::Console => config.console.enabled,
                        Platform::Telegram => config.telegram.is_some(),
                        Platform::Matrix => config.matrix.is_some(),
                        Platform::Discord => config.discord.is_some(),
                    };
                    if !enabled {
                        bail!(
                            "--only {platform}: {platform} is not enabled in the config; add its section (see deploy/vores.example.toml) or leave it out of --only"
                        );
                    }
                }
            }
            let mut adapters: Vec<Arc<dyn Adapter>> = Vec::new();
            let community = config.community(&console_channels(&config, None));
            if config.console.enabled && wanted(Platform::Console) {
                let console = &config.console;
                let identity = console_identity(
                    console.channel.clone(),
                    console.user.clone(),
                    false,
                    console.language,
                );
                adapters.push(Arc::new(ConsoleAdapter::stdio(identity)));
            }
            let db = open_database(&cli.global, &config).await?;
            // One bot per SQLite file: a second would answer and post
            // everything twice. Held until this process ends.
            let _serving = db.serve_alone()?;
            if let Some(telegram) = config
                .telegram
                .as_ref()
                .filter(|_| wanted(Platform::Telegram))
            {
                let settings = TelegramSettings {
                    token: telegram_token(telegram)?,
                    api_url: telegram.api_url.clone(),
                    poll_timeout: telegram.poll_timeout,
                    chats: config
                        .channels
                        .iter()
                        .filter(|c| c.conversation.platform == Platform::Telegram)
                        .filter_map(|c| c.conversation.id.parse().ok())
                        .collect(),
                    menu_language: config.language,
                };
                let adapter = TelegramAdapter::connect(settings, db.clone())
                    .await
                    .context("starting Telegram")?;
                adapters.push(Arc::new(adapter));
            }
            if let Some(matrix) = config.matrix.as_ref().filter(|_| wanted(Platform::Matrix)) {
                let rooms = config
                    .channels
                    .iter()
                    .filter(|c| c.conversation.platform == Platform::Matrix)
                    .map(|c| c.conversation.clone())
                    .collect();
                let credentials = matrix_credentials(matrix).ok_or_else(|| {
                    anyhow::anyhow!(
                        "no Matrix login: set VORES_MATRIX_PASSWORD (or VORES_MATRIX_TOKEN) in the environment, or `matrix.password_file` / `matrix.token_file` in the config to a file holding it"
                    )
                })?;
                let settings = matrix_settings(matrix, credentials, rooms);
                let adapter = MatrixAdapter::connect(settings, db.clone())
                    .await
                    .context("starting Matrix")?;
                adapters.push(Arc::new(adapter));
            }
            if let Some(discord) = config
                .discord
                .as_ref()
                .filter(|_| wanted(Platform::Discord))
            {
                let settings = DiscordSettings {
                    token: discord_token(discord)?,
                    api_url: discord.api_url.clone(),
                    admin_role: discord.admin_role.clone(),
                    channels: config
                        .channels
                        .iter()
                        .filter(|c| c.conversation.platform == Platform::Discord)
                        .map(|c| c.conversation.id.clone())
                        .collect(),
                    scheduled_events: discord.scheduled_events.then(|| EventMirror {
                        calendar: Arc::new(StoredCalendar::new(
                            db.clone(),
                            Arc::new(config.community(&console_channels(&config, None))),
                            clock(&cli.global),
                            config.timezone,
                        )),
                    }),
                };
                let adapter = DiscordAdapter::connect(settings, db.clone())
                    .await
                    .context("starting Discord")?;
                adapters.push(Arc::new(adapter));
            }
            if adapters.is_empty() {
                bail!(
                    "no adapter is enabled: set `[console] enabled = true` or add a [telegram], [matrix] or [discord] section to the config file"
                );
            }
            serve_with(&cli.global, &config, db, community, adapters, true).await
        }
    }
}

/// The console channel from the config (unless configured already) so it
/// belongs to the default group.
fn console_channels(config: &Config, channel: Option<&str>) -> Vec<ChannelInfo> {
    let id = channel.unwrap_or(&config.console.channel).to_string();
    let conversation = ConversationRef {
        platform: Platform::Console,
        id: id.clone(),
    };
    if config
        .channels
        .iter()
        .any(|c| c.conversation == conversation)
    {
        return Vec::new();
    }
    vec![ChannelInfo {
        conversation,
        name: id,
        language: config.console.language,
    }]
}

/// A channel by configured name or id; the console channel when none is given.
fn pick_channel(
    community: &Community,
    config: &Config,
    name: Option<&str>,
) -> anyhow::Result<ConversationRef> {
    match name {
        None => Ok(ConversationRef {
            platform: Platform::Console,
            id: config.console.channel.clone(),
        }),
        Some(name) => match community.channel_named(name) {
            Some(channel) => Ok(channel.conversation.clone()),
            None => {
                let known: Vec<&str> = community
                    .groups
                    .iter()
                    .flat_map(|g| g.channels.iter())
                    .map(|c| c.name.as_str())
                    .collect();
                bail!(
                    "no channel named {name:?}; the channels are: {}",
                    known.join(", ")
                )
            }
        },
    }
}

fn console_identity(
    channel: String,
    user: String,
    admin: bool,
    language: vores_bot::Language,
) -> ConsoleIdentity {
    ConsoleIdentity {
        channel,
        user,
        admin,
        language,
        transcripts: std::env::var_os("VORES_CONSOLE_TRANSCRIPTS").map(PathBuf::from),
        send_delay: std::env::var("VORES_CONSOLE_SEND_DELAY_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map(std::time::Duration::from_millis),
        group_chat: false,
        interactive: std::io::IsTerminal::is_terminal(&std::io::stdin()),
    }
}

/// `vores export stories`: approved stories in a span of days, as drafts.
async fn privacy(
    global: &GlobalOptions,
    config: &Config,
    action: PrivacyAction,
) -> anyhow::Result<()> {
    use vores_bot::store::{KeepPublished, Store};
    let db = open_database(global, config).await?;
    let done: anyhow::Result<String> = async {
        Ok(match action {
            PrivacyAction::Export { user } => {
                let data = db.person_data(&user).await?;
                serde_json::to_string_pretty(&serde_json::json!({
                    "person": format!("{}:{}", user.platform, user.id),
                    "tables": data,
                }))?
            }
            PrivacyAction::Erase {
                user,
                remove_published,
            } => {
                let keep = if remove_published {
                    KeepPublished::Removed
                } else {
                    KeepPublished::Anonymised
                };
                // All of it or nothing.
                let unit = db.begin().await?;
                let erased = unit.erase_person(&user, keep).await?;
                unit.commit().await?;
                format!(
                    "Erased {}:{}: {} submissions deleted, {} kept without their name, \
                     {} moderation log entries kept without who or what, {} other rows deleted or emptied.",
                    user.platform,
                    user.id,
                    erased.deleted_submissions,
                    erased.anonymised_submissions,
                    erased.anonymised_log_entries,
                    erased.other_rows
                )
            }
            PrivacyAction::Prune => {
                let days = config.privacy.retention_days;
                let before = clock(global).now() - chrono::Duration::days(i64::from(days));
                let gone = db.prune(before).await?;
                format!("Deleted {gone} rows older than {days} days.")
            }
        })
    }
    .await;
    db.close().await;
    print_out(&done?)
}

async fn export(global: &GlobalOptions, config: &Config, args: ExportArgs) -> anyhow::Result<()> {
    use vores_bot::Store as _;
    use vores_bot::drafts::{Draft, ExportFormat, Exported};
    let (Some(first), Some(last)) = (args.from, args.to) else {
        bail!(
            "`vores export stories` needs --from DATE and --to DATE (YYYY-MM-DD), the first and last day"
        );
    };
    if last < first {
        bail!("--to {last} is before --from {first}; give the first day, then the last");
    }
    let community = config.community(&console_channels(config, None));
    let only = match &args.group {
        Some(name) => Some(
            community
                .groups
                .iter()
                .position(|g| &g.name == name)
                .with_context(|| {
                    let known: Vec<&str> =
                        community.groups.iter().map(|g| g.name.as_str()).collect();
                    format!(
                        "no group named {name:?}; the groups are: {}",
                        known.join(", ")
                    )
                })?,
        ),
        None => None,
    };
    let lang = args.lang.unwrap_or(config.language);
    let format = match args.format.as_deref().unwrap_or("markdown") {
        "html" => ExportFormat::Html,
        "json" => ExportFormat::Json,
        _ => ExportFormat::Markdown,
    };
    let tz = config.timezone;
    let from = vores_bot::civil::day_bounds(tz, first).0;
    let to = vores_bot::civil::day_bounds(tz, last).1;
    let db = open_database(global, config).await?;
    let stories = vores_bot::store::fetch_filtered(
        |limit| db.stories_approved_between(from, to, limit),
        |s| only.is_none_or(|g| community.group_index(&s.origin.conversation) == g),
        100_000,
    )
    .await
    .context("reading the stories")?;
    db.close().await;
    let exported: Vec<Exported> = stories
        .iter()
        .map(|s| {
            let group = community.group_of(&s.origin.conversation);
            Exported {
                group: group.title.clone(),
                approved_at: s
                    .review
                    .approved_at
                    .unwrap_or(s.created_at)
                    .with_timezone(&tz)
                    .date_naive()
                    .to_string(),
                text: s.text.clone(),
                draft: Draft::of(s, lang, tz, &group.title),
            }
        })
        .collect();
    print_out(&vores_bot::drafts::export(&exported, format, lang))
}

async fn digest(global: &GlobalOptions, config: &Config, args: DigestArgs) -> anyhow::Result<()> {
    let community = config.community(&console_channels(config, None));
    let conversation = pick_channel(&community, config, args.channel.as_deref())?;
    let groups: Vec<usize> = match &args.group {
        Some(name) => match community.groups.iter().position(|g| &g.name == name) {
            Some(g) => vec![g],
            None => bail!(
                "no group named {name:?}; the groups are: {}",
                group_names(&community)
            ),
        },
        None if args.send_now && args.channel.is_none() => (0..community.groups.len()).collect(),
        None => vec![community.group_index(&conversation)],
    };
    let language = community.language_of(&conversation);
    let db = open_database(global, config).await?;
    let settings = Settings {
        tz: config.timezone,
        default_language: config.language,
        retention_days: config.privacy.retention_days,
    };
    let bot = Bot::new(db.clone(), clock(global), settings, Arc::new(community));
    let now = bot.now();
    let local = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&config.timezone)
            .format("%a %Y-%m-%d %H:%M")
            .to_string()
    };
    // Said on standard error, so the preview itself stays what residents see.
    let say_which = |group: usize, manual: &vores_bot::digest::ManualDigest| {
        eprintln!(
            "vores: digest for group {:?}: events from {} to {}, stories shared since {}; it counts as the digest scheduled {}",
            bot.community().groups[group].name,
            local(manual.span.from),
            local(manual.span.until),
            local(manual.span.since),
            local(manual.period),
        );
    };
    if !args.send_now {
        let group = groups[0];
        let manual = bot.manual_digest(group, now);
        say_which(group, &manual);
        let doc = bot.digest_doc_for(group, manual.span, language).await?;
        print_out(&doc.plain())?;
        db.close().await;
        return Ok(());
    }
    let console: Arc<dyn Adapter> = Arc::new(ConsoleAdapter::new(
        console_identity(
            config.console.channel.clone(),
            config.console.user.clone(),
            false,
            config.console.language,
        ),
        Box::new(tokio::io::BufReader::new(tokio::io::empty())),
        Box::new(tokio::io::stdout()),
    ));
    for group in groups {
        let manual = bot.manual_digest(group, now);
        say_which(group, &manual);
        let queued = bot
            .queue_digest_covering(group, manual.period, manual.span)
            .await?;
        eprintln!(
            "vores: queued for {} channel(s); {} channel(s) already had the digest scheduled {} and get nothing more",
            queued.queued,
            queued.already,
            local(manual.period),
        );
    }
    // Console channels are delivered here; other platforms' channels wait in
    // the outbox for `vores run`.
    let delivered = runtime::drain(&bot, console.as_ref()).await;
    eprintln!("vores: delivered {delivered} digest message(s) to console channels");
    db.close().await;
    Ok(())
}

fn group_names(community: &Community) -> String {
    community
        .groups
        .iter()
        .map(|g| g.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Telegram bot token (`VORES_TELEGRAM_TOKEN` or `telegram.token_file`),
/// as `vores run` and `vores doctor` read it.
pub(crate) fn telegram_token(telegram: &vores_config::TelegramConfig) -> anyhow::Result<String> {
    secret(
        "VORES_TELEGRAM_TOKEN",
        telegram.token_file.as_deref(),
        "telegram.token_file",
    )
}

/// The Discord bot token (`VORES_DISCORD_TOKEN` or `discord.token_file`).
pub(crate) fn discord_token(discord: &vores_config::DiscordConfig) -> anyhow::Result<String> {
    secret(
        "VORES_DISCORD_TOKEN",
        discord.token_file.as_deref(),
        "discord.token_file",
    )
}

/// The Matrix login: an access token if one is given, else the password;
/// `None` when neither is.
pub(crate) fn matrix_credentials(matrix: &vores_config::MatrixConfig) -> Option<MatrixCredentials> {
    let token = secret(
        "VORES_MATRIX_TOKEN",
        matrix.token_file.as_deref(),
        "matrix.token_file",
    );
    let password = secret(
        "VORES_MATRIX_PASSWORD",
        matrix.password_file.as_deref(),
        "matrix.password_file",
    );
    match (token, password) {
        (Ok(token), _) => Some(MatrixCredentials::AccessToken(token)),
        (Err(_), Ok(password)) => Some(MatrixCredentials::Password(password)),
        (Err(_), Err(_)) => None,
    }
}

/// How to reach Matrix, from its config section.
pub(crate) fn matrix_settings(
    matrix: &vores_config::MatrixConfig,
    credentials: MatrixCredentials,
    rooms: Vec<ConversationRef>,
) -> MatrixSettings {
    MatrixSettings {
        homeserver: matrix.homeserver.clone(),
        user_id: matrix.user_id.clone(),
        credentials,
        store_path: matrix.store_path.clone(),
        admin_power_level: matrix.admin_power_level,
        auto_join_servers: matrix.auto_join_servers.clone(),
        rooms,
    }
}

/// A secret from the environment, or else from a file; never from the config.
pub(crate) fn secret(
    var: &str,
    file: Option<&std::path::Path>,
    key: &str,
) -> anyhow::Result<String> {
    if let Ok(value) = std::env::var(var)
        && !value.trim().is_empty()
    {
        return Ok(value.trim().to_string());
    }
    match file {
        Some(path) => {
            let value = std::fs::read_to_string(path).with_context(|| {
                format!(
                    "reading `{key}` ({}); check the path and that the bot may read it",
                    path.display()
                )
            })?;
            let value = value.trim().to_string();
            if value.is_empty() {
                bail!("`{key}` ({}) is empty; put the token in it", path.display());
            }
            Ok(value)
        }
        None => bail!(
            "no token: set {var} in the environment, or `{key}` in the config to a file holding it"
        ),
    }
}

async fn serve(
    global: &GlobalOptions,
    config: &Config,
    community: Community,
    adapters: Vec<Arc<dyn Adapter>>,
    schedule_digests: bool,
) -> anyhow::Result<()> {
    let db = open_database(global, config).await?;
    serve_with(global, config, db, community, adapters, schedule_digests).await
}

async fn serve_with(
    global: &GlobalOptions,
    config: &Config,
    db: Arc<Database>,
    community: Community,
    adapters: Vec<Arc<dyn Adapter>>,
    schedule_digests: bool,
) -> anyhow::Result<()> {
    let settings = Settings {
        tz: config.timezone,
        default_language: config.language,
        retention_days: config.privacy.retention_days,
    };
    let community = Arc::new(community);
    let mut bot = Bot::new(db.clone(), clock(global), settings, community.clone());
    // `vores run` on PostgreSQL may have company: each platform is served
    // under a lease, so identical processes stand by for each other.
    // SQLite has one process per file (its serving lock).
    if schedule_digests && db.backend() == vores_storage::Backend::Postgres {
        bot = bot.sharing_with_others(Sharing::for_this_process(
            config.lease,
            Arc::new(SystemClock),
        ));
    }
    let bot = Arc::new(bot);
    let shutdown = CancellationToken::new();
    let mut web_task = None;
    if let Some(web) = &config.web {
        let site = web_site(
            config,
            web.clone(),
            db.clone(),
            community,
            clock(global),
            vores_web::Running {
                metrics: bot.metrics.clone(),
                adapters: adapters.clone(),
            },
        );
        match tokio::net::TcpListener::bind(web.listen).await {
            Ok(listener) => {
                eprintln!("{}", calendar_banner(web));
                web_task = Some(tokio::spawn(vores_web::serve(
                    site,
                    listener,
                    shutdown.clone(),
                )));
            }
            // A service must not run without the calendar, /healthz and
            // /metrics its config file promises; the demo without a config
            // chats on (a `vores` in the next terminal may be serving it).
            Err(e) if schedule_digests && config.web_configured => {
                bail!(
                    "the web calendar cannot listen on {} ({e}): another program has the port; choose another `[web] listen`, or `enabled = false` in one of two processes split with --only",
                    web.listen
                )
            }
            Err(e) => {
                tracing::warn!(address = %web.listen, error = %e, "the web calendar cannot listen there; running without it")
            }
        }
    }
    tokio::spawn(stop_on_signal(shutdown.clone()));
    let result = runtime::run(bot, adapters, schedule_digests, shutdown.clone()).await;
    shutdown.cancel();
    if let Some(task) = web_task {
        // Requests under way finish; a browser holding a connection open
        // does not keep the bot from stopping.
        match tokio::time::timeout(std::time::Duration::from_secs(5), task).await {
            Ok(Ok(Err(e))) => tracing::error!(error = %e, "the web calendar stopped with an error"),
            Ok(Err(e)) => tracing::error!(error = %e, "the web calendar task failed"),
            Ok(Ok(Ok(()))) => {}
            Err(_) => tracing::warn!("the web calendar did not stop within 5 s; leaving it"),
        }
    }
    db.close().await;
    result.context("an adapter stopped with an error")
}

/// The web calendar over the same database and groups as the bot.
fn web_site(
    config: &Config,
    web: vores_config::WebConfig,
    db: Arc<Database>,
    community: Arc<Community>,
    clock: Arc<dyn Clock>,
    running: vores_web::Running,
) -> Arc<vores_web::Site> {
    let joins = config
        .channels
        .iter()
        .filter_map(|c| Some((c.conversation.clone(), c.join.clone()?)))
        .collect();
    Arc::new(vores_web::Site::new(
        db,
        community,
        clock,
        config.timezone,
        web,
        joins,
        running,
    ))
}

/// Where the calendar is, said once at start (on standard error: standard
/// output is the console's conversation).
fn calendar_banner(web: &vores_config::WebConfig) -> String {
    format!(
        "Kalenderen på nettet / the calendar on the web: {}/",
        web.public_url
    )
}

/// Cancels `shutdown` on Ctrl-C or SIGTERM; SIGHUP only says how to apply
/// a changed config.
async fn stop_on_signal(shutdown: CancellationToken) {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    // SIGHUP (a closed terminal, `systemctl reload`) must not kill the
    // bot: the config is read once at start, so say how to apply a
    // change and keep running.
    let hangup = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) {
            Ok(mut signal) => loop {
                signal.recv().await;
                info!(
                    "SIGHUP: the config is read at start only; restart vores to apply changes (systemctl restart vores)"
                );
            },
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGHUP");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
        () = hangup => {}
    }
    info!("asked to stop; shutting down");
    shutdown.cancel();
}
