//! The `vores` command line. Outside checks use these exact commands and
//! options, so changing them is changing a contract.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context as _, bail};
use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand};
use tokio_util::sync::CancellationToken;
use tracing::info;
use vores_bot::model::{ConversationRef, Platform};
use vores_bot::runtime::{self, Directory};
use vores_bot::understand::{self, Context};
use vores_bot::{Adapter, Bot, Clock, FixedClock, Language, Settings, SystemClock};
use vores_config::{Config, DEFAULT_DATABASE_URL};
use vores_console::{ConsoleAdapter, ConsoleIdentity};
use vores_storage::{Database, redact_url};

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
    /// Run every adapter the configuration enables.
    Run,
}

#[derive(Debug, Args)]
pub struct ConsoleArgs {
    /// Your name in the chat.
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Act as an admin of the channel.
    #[arg(long)]
    pub admin: bool,
    /// The channel you are writing in.
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,
    /// The channel's language when a message gives no clue.
    #[arg(long, value_name = "da|en", value_parser = parse_language)]
    pub lang: Option<Language>,
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

fn parse_language(s: &str) -> Result<Language, String> {
    s.parse()
        .map_err(|e: vores_bot::lang::UnknownLanguage| e.to_string())
}

/// Logs go to standard error (standard output is the conversation). Quiet by
/// default in the console; `VORES_LOG` or `RUST_LOG` choose more.
pub fn init_tracing(cli: &Cli) {
    let default = match cli.command {
        Commands::Run => "info",
        _ => "warn",
    };
    let filter = std::env::var("VORES_LOG")
        .or_else(|_| std::env::var("RUST_LOG"))
        .unwrap_or_else(|_| default.to_string());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(std::io::stderr)
        .try_init();
}

fn load_config(global: &GlobalOptions) -> anyhow::Result<Config> {
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

async fn open_database(global: &GlobalOptions, config: &Config) -> anyhow::Result<Arc<Database>> {
    let url = global
        .database
        .clone()
        .or_else(|| config.database_url.clone())
        .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
    let db = Database::open(&url)
        .await
        .with_context(|| format!("opening the database {}", redact_url(&url)))?;
    Ok(Arc::new(db))
}

fn directory(config: &Config) -> Directory {
    let mut dir = Directory {
        default_language: Some(config.language),
        ..Directory::default()
    };
    for channel in &config.channels {
        dir.languages
            .insert(channel.conversation.clone(), channel.language);
    }
    dir.admins.extend(config.admins.iter().cloned());
    dir
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = load_config(&cli.global)?;
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
            println!("{text}");
            Ok(())
        }
        Commands::Console(args) => {
            let mut console = config.console.clone();
            if let Some(user) = args.user {
                console.user = user;
            }
            if let Some(channel) = args.channel {
                console.channel = channel;
            }
            let mut dir = directory(&config);
            let conversation = ConversationRef {
                platform: Platform::Console,
                id: console.channel.clone(),
            };
            let language = args
                .lang
                .or_else(|| dir.languages.get(&conversation).copied())
                .unwrap_or(console.language);
            dir.languages.insert(conversation, language);
            let identity = ConsoleIdentity {
                channel: console.channel,
                user: console.user,
                admin: args.admin,
            };
            serve(
                &cli.global,
                &config,
                dir,
                vec![Arc::new(ConsoleAdapter::stdio(identity))],
            )
            .await
        }
        Commands::Run => {
            let mut adapters: Vec<Arc<dyn Adapter>> = Vec::new();
            let mut dir = directory(&config);
            if config.console.enabled {
                let console = &config.console;
                let conversation = ConversationRef {
                    platform: Platform::Console,
                    id: console.channel.clone(),
                };
                dir.languages
                    .entry(conversation)
                    .or_insert(console.language);
                let identity = ConsoleIdentity {
                    channel: console.channel.clone(),
                    user: console.user.clone(),
                    admin: false,
                };
                adapters.push(Arc::new(ConsoleAdapter::stdio(identity)));
            }
            if adapters.is_empty() {
                bail!("no adapter is enabled: set `[console] enabled = true` in the config file");
            }
            serve(&cli.global, &config, dir, adapters).await
        }
    }
}

async fn serve(
    global: &GlobalOptions,
    config: &Config,
    dir: Directory,
    adapters: Vec<Arc<dyn Adapter>>,
) -> anyhow::Result<()> {
    let db = open_database(global, config).await?;
    let settings = Settings {
        tz: config.timezone,
        default_language: config.language,
    };
    let bot = Arc::new(Bot::new(db.clone(), clock(global), settings));
    let shutdown = CancellationToken::new();
    let on_signal = shutdown.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            info!("interrupted; shutting down");
            on_signal.cancel();
        }
    });
    let result = runtime::run(bot, adapters, dir, shutdown).await;
    db.close().await;
    result.context("an adapter stopped with an error")
}
