//! `vores doctor`: checks that Vores can run as configured — the config,
//! the database (migrations applied, writable) and, unless `--quick`, every
//! enabled platform through its real API (the adapters' `doctor` modules)
//! — and prints a checklist with what to fix. It exits non-zero when
//! something blocks. `--quick` opens no network connection to a platform,
//! for a container's HEALTHCHECK.

use anyhow::bail;
use chrono::Utc;
use clap::Args;
use vores_bot::Store as _;
use vores_bot::doctor::{Check, Outcome, tally};
use vores_bot::model::Platform;
use vores_config::{Config, DEFAULT_DATABASE_URL};
use vores_matrix::Credentials as MatrixCredentials;
use vores_storage::redact_url;
use vores_telegram::TelegramSettings;

use crate::cli::{
    Cli, GlobalOptions, discord_token, load_config, matrix_credentials, matrix_settings,
    open_database, telegram_token,
};

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Check only the config and the database, with no platform's API: fast,
    /// for a container's HEALTHCHECK.
    #[arg(long)]
    pub quick: bool,
}

/// The cursor a write is tried on (in a transaction that is rolled back).
const WRITE_PROBE: &str = "doctor:write-check";

/// Runs the checks, prints the checklist, and fails when something blocks.
pub async fn run(cli: &Cli, args: &DoctorArgs) -> anyhow::Result<()> {
    quiet_logs();
    let global = &cli.global;
    let mut checks = Vec::new();
    let mut secrets = Vec::new();
    let config = match load_config(global) {
        Ok(config) => config,
        Err(e) => {
            checks.push(Check::problem(
                "Config",
                format!("{e:#}"),
                "correct the config file as the message says (deploy/vores.example.toml explains every key), then run vores doctor again",
            ));
            return report(&checks, &secrets);
        }
    };
    checks.extend(config_checks(global, &config));
    checks.push(database(global, &config).await);
    if !args.quick {
        checks.extend(platforms(&config, &mut secrets).await);
    }
    report(&checks, &secrets)
}

/// Logs go to standard error, warnings and worse unless `VORES_LOG` or
/// `RUST_LOG` choose otherwise. matrix-sdk's own are left out: it reports
/// as errors what is only "no key backup set up" or "room not encrypted",
/// and what matters is in the checklist.
fn quiet_logs() {
    let filter = std::env::var("VORES_LOG")
        .or_else(|_| std::env::var("RUST_LOG"))
        .unwrap_or_else(|_| {
            "warn,matrix_sdk=off,matrix_sdk_base=off,matrix_sdk_crypto=off".to_string()
        });
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(std::io::stderr)
        .try_init();
}

/// Which file was read, what it enables, and channels nobody would read.
fn config_checks(global: &GlobalOptions, config: &Config) -> Vec<Check> {
    let file = match &global.config {
        Some(path) => path.display().to_string(),
        None if std::path::Path::new("vores.toml").exists() => "./vores.toml".to_string(),
        None => "the defaults (no --config, and no ./vores.toml)".to_string(),
    };
    let enabled = enabled_platforms(config);
    let mut checks = Vec::new();
    if enabled.is_empty() {
        checks.push(Check::problem(
            "Config",
            format!("{file}: no platform is enabled, so `vores run` would stop at once"),
            "add a [telegram], [matrix] or [discord] section (see deploy/vores.example.toml), or set `[console] enabled = true`",
        ));
        return checks;
    }
    let names: Vec<&str> = enabled.iter().map(|p| p.as_str()).collect();
    checks.push(Check::ok(
        "Config",
        format!(
            "{file}: {} channel(s); platforms: {}",
            config.channels.len(),
            names.join(", ")
        ),
    ));
    for channel in &config.channels {
        let platform = channel.conversation.platform;
        if !enabled.contains(&platform) {
            checks.push(Check::warning(
                format!("Config: channel {}", channel.name),
                format!("it is on {platform}, which the config does not enable: nobody reads it"),
                format!(
                    "add a [{platform}] section (see deploy/vores.example.toml), or remove the channel"
                ),
            ));
        }
    }
    checks
}

fn enabled_platforms(config: &Config) -> Vec<Platform> {
    let mut enabled = Vec::new();
    if config.console.enabled {
        enabled.push(Platform::Console);
    }
    if config.telegram.is_some() {
        enabled.push(Platform::Telegram);
    }
    if config.matrix.is_some() {
        enabled.push(Platform::Matrix);
    }
    if config.discord.is_some() {
        enabled.push(Platform::Discord);
    }
    enabled
}

/// Opens the database as `vores run` does (which applies any migration
/// still missing and checks a write) and writes a row in a transaction
/// that is rolled back, so nothing is left behind.
async fn database(global: &GlobalOptions, config: &Config) -> Check {
    let url = global
        .database
        .clone()
        .or_else(|| config.database_url.clone())
        .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
    let shown = redact_url(&url);
    let name = "Database";
    let db = match open_database(global, config).await {
        Ok(db) => db,
        Err(e) => {
            return Check::problem(
                name,
                format!("{e:#}"),
                "fix what the message says; the database is chosen by --database, VORES_DATABASE_URL or `database_url` in the config",
            );
        }
    };
    let written = async {
        let unit = db.begin().await?;
        let now = Utc::now();
        unit.set_cursor(WRITE_PROBE, &now.to_rfc3339(), now).await?;
        let read = unit.cursor(WRITE_PROBE).await?;
        unit.rollback().await?;
        Ok::<bool, vores_bot::StoreError>(read.is_some())
    }
    .await;
    db.close().await;
    match written {
        Ok(true) => Check::ok(name, format!("{shown}: migrations applied, writable")),
        Ok(false) => Check::problem(
            name,
            format!("{shown}: a row written in a transaction could not be read back"),
            "check the database is not a read-only replica and that the bot's user may write to it",
        ),
        Err(e) => Check::problem(
            name,
            format!("{shown}: cannot write ({e})"),
            "make the database writable for the bot's user (SQLite: the file and its directory; PostgreSQL: the user's grants), and check the disk is not full",
        ),
    }
}

/// Every enabled platform's checks, asked of the platforms at once.
async fn platforms(config: &Config, secrets: &mut Vec<String>) -> Vec<Check> {
    let channels = |platform: Platform| -> Vec<(String, String)> {
        config
            .channels
            .iter()
            .filter(|c| c.conversation.platform == platform)
            .map(|c| (c.conversation.id.clone(), c.name.clone()))
            .collect()
    };
    let mut checks = Vec::new();
    if config.console.enabled {
        checks.push(Check::ok(
            "Console",
            "enabled: it reads standard input (set `[console] enabled = false` under systemd or in a container)",
        ));
    }
    let telegram = match &config.telegram {
        None => None,
        Some(telegram) => match telegram_token(telegram) {
            Err(e) => {
                checks.push(Check::problem(
                    "Telegram: bot token",
                    format!("{e:#}"),
                    "put the token from @BotFather in VORES_TELEGRAM_TOKEN, or in a file named by `telegram.token_file` that the bot's user may read",
                ));
                None
            }
            Ok(token) => {
                secrets.push(token.clone());
                let mut chats = Vec::new();
                for (id, name) in channels(Platform::Telegram) {
                    match id.parse::<i64>() {
                        Ok(id) => chats.push((id, name)),
                        Err(_) => checks.push(Check::problem(
                            format!("Telegram: rights in {name} ({id})"),
                            "not a Telegram chat id",
                            "use the chat's numeric id in [[channels]] (a supergroup's starts with -100)",
                        )),
                    }
                }
                let settings = TelegramSettings {
                    token,
                    api_url: telegram.api_url.clone(),
                    poll_timeout: telegram.poll_timeout,
                    chats: chats.iter().map(|(id, _)| *id).collect(),
                    menu_language: config.language,
                };
                Some((settings, chats))
            }
        },
    };
    let discord = match &config.discord {
        None => None,
        Some(discord) => match discord_token(discord) {
            Err(e) => {
                checks.push(Check::problem(
                    "Discord: bot token",
                    format!("{e:#}"),
                    "put the bot's token from the developer portal in VORES_DISCORD_TOKEN, or in a file named by `discord.token_file` that the bot's user may read",
                ));
                None
            }
            Ok(token) => {
                secrets.push(token.clone());
                Some((token, discord, channels(Platform::Discord)))
            }
        },
    };
    let matrix = match &config.matrix {
        None => None,
        Some(matrix) => {
            let credentials = matrix_credentials(matrix);
            match credentials {
                None => {
                    checks.push(Check::problem(
                        "Matrix: login",
                        "no password or access token for the bot",
                        "set VORES_MATRIX_PASSWORD (or VORES_MATRIX_TOKEN) in the environment, or `matrix.password_file` / `matrix.token_file` in the config to a file holding it",
                    ));
                    None
                }
                Some(credentials) => {
                    secrets.push(match &credentials {
                        MatrixCredentials::AccessToken(s) | MatrixCredentials::Password(s) => {
                            s.clone()
                        }
                    });
                    let rooms = channels(Platform::Matrix);
                    let settings = matrix_settings(matrix, credentials, Vec::new());
                    Some((settings, rooms))
                }
            }
        }
    };
    let (telegram, discord, matrix) = tokio::join!(
        async {
            match &telegram {
                Some((settings, chats)) => vores_telegram::doctor::check(settings, chats).await,
                None => Vec::new(),
            }
        },
        async {
            match &discord {
                Some((token, discord, channels)) => {
                    vores_discord::doctor::check(
                        token,
                        discord.api_url.as_deref(),
                        channels,
                        discord.scheduled_events,
                    )
                    .await
                }
                None => Vec::new(),
            }
        },
        async {
            match &matrix {
                Some((settings, rooms)) => vores_matrix::doctor::check(settings, rooms).await,
                None => Vec::new(),
            }
        },
    );
    checks.extend(telegram);
    checks.extend(discord);
    checks.extend(matrix);
    checks
}

/// Prints the checklist on standard output, any secret masked, and fails
/// when a check found a problem.
fn report(checks: &[Check], secrets: &[String]) -> anyhow::Result<()> {
    let mask = |text: &str| {
        secrets
            .iter()
            .filter(|s| s.len() >= 4)
            .fold(text.to_string(), |text, s| text.replace(s.as_str(), "***"))
    };
    let mut out = String::new();
    for check in checks {
        let mark = match check.outcome {
            Outcome::Ok => "ok     ",
            Outcome::Warning => "warning",
            Outcome::Problem => "PROBLEM",
        };
        // A detail of several lines (a config error quoting the file)
        // stays under its check.
        let detail = mask(&check.detail).replace('\n', "\n         ");
        out.push_str(&format!("{mark}  {}: {detail}\n", check.name));
        if let Some(fix) = &check.fix {
            out.push_str(&format!("         fix: {}\n", mask(fix)));
        }
    }
    let (problems, warnings) = tally(checks);
    out.push('\n');
    out.push_str(&match (problems, warnings) {
        (0, 0) => "Everything Vores needs is in place.".to_string(),
        (0, w) => format!("Vores can run; {w} warning(s) say what would make it work better."),
        (p, w) => format!(
            "{p} problem(s) and {w} warning(s): Vores cannot do its job as configured until the problems are fixed."
        ),
    });
    crate::cli::print_out(&out)?;
    if problems > 0 {
        bail!(
            "{problems} problem(s) found; fix what the checklist says and run `vores doctor` again"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_fails_and_warnings_do_not() {
        let warned = [Check::warning("a", "meh", "do this")];
        assert!(report(&warned, &[]).is_ok());
        let broken = [Check::problem("b", "broken", "do that")];
        assert!(report(&broken, &[]).is_err());
    }

    #[test]
    fn a_platform_without_a_section_is_not_enabled() {
        let config = Config::parse("[console]\nenabled = false\n").expect("config");
        assert!(enabled_platforms(&config).is_empty());
        let checks = config_checks(
            &GlobalOptions {
                config: None,
                database: None,
                now: None,
            },
            &config,
        );
        assert!(checks[0].is_problem(), "{checks:?}");
    }
}
