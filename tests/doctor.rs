//! `vores doctor` end to end: the real binary checks its config, its
//! database and each platform through the platform's API — the fake
//! Telegram Bot API and the fake Discord (tests/fake_telegram,
//! tests/fake_discord, written from the platforms' documentation) and a
//! real Synapse (skipped without one, unless VORES_REQUIRE_SYNAPSE=1, as in
//! tests/matrix.rs). Each broken setup must be reported with its fix and a
//! non-zero exit code; the healthy one must pass with exit code 0.

// matrix-sdk's futures are deep; proving them `Send` needs more room.
#![recursion_limit = "256"]

mod common;
mod fake_discord;
mod fake_telegram;
mod matrix_support;

use std::process::Command;
use std::time::Duration;

use common::{assert_has, assert_lacks};
use fake_telegram::{FakeChat, FakeTelegram};

/// What one `vores doctor` said and how it ended.
struct Doctor {
    success: bool,
    stdout: String,
    stderr: String,
}

impl Doctor {
    /// The checklist line (and its fix) for the check named `name`.
    fn line(&self, name: &str) -> String {
        let mut lines = self.stdout.lines();
        let mut found = String::new();
        while let Some(line) = lines.next() {
            if line.get(9..).is_some_and(|rest| rest.starts_with(name)) {
                found = line.to_string();
                if let Some(next) = lines.clone().next()
                    && next.trim_start().starts_with("fix:")
                {
                    found.push('\n');
                    found.push_str(next);
                    lines.next();
                }
                break;
            }
        }
        assert!(
            !found.is_empty(),
            "no check named {name:?} in:\n{}",
            self.stdout
        );
        found
    }
}

async fn doctor(mut cmd: Command, args: &[&str]) -> Doctor {
    cmd.arg("doctor")
        .args(args)
        .stdin(std::process::Stdio::null());
    // Off the runtime's threads: the fake servers answer on them meanwhile.
    let out = tokio::task::spawn_blocking(move || cmd.output())
        .await
        .expect("joined")
        .expect("vores doctor runs");
    // Shown with the failure of a test (the harness keeps it otherwise).
    eprintln!(
        "--- vores doctor {args:?}: {}\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Doctor {
        success: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

// ---------------------------------------------------------------------------
// Telegram
// ---------------------------------------------------------------------------

const TELEGRAM_TOKEN: &str = "123456:DOCTOR-secret-token";
const TORVET: i64 = -100_101;
const STRAND: i64 = -100_102;
const ENGLISH: i64 = -100_103;

async fn telegram_town() -> (FakeTelegram, common::BotProcess) {
    let fake = FakeTelegram::start(TELEGRAM_TOKEN).await;
    let config = common::town_config(
        "telegram",
        &format!(
            "[console]\nenabled = false\n\n[telegram]\napi_url = \"{}\"\npoll_timeout = 1",
            fake.api_url()
        ),
        [
            &TORVET.to_string(),
            &STRAND.to_string(),
            &ENGLISH.to_string(),
        ],
        "",
    );
    for (id, title) in [
        (TORVET, "Torvet"),
        (STRAND, "Stranden"),
        (ENGLISH, "Ishøj in English"),
    ] {
        fake.add_chat(FakeChat::supergroup(id, title));
        fake.set_bot_rights(id, true, true);
    }
    let bot = common::BotProcess::new(&config, &[("VORES_TELEGRAM_TOKEN", TELEGRAM_TOKEN)]);
    (fake, bot)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_rights_are_checked_in_every_chat() {
    let (fake, town) = telegram_town().await;

    // Healthy: admin with both rights everywhere, privacy mode off.
    let healthy = doctor(town.command(None), &[]).await;
    assert!(healthy.success, "{}\n{}", healthy.stdout, healthy.stderr);
    assert_has(&healthy.stdout, &["Everything Vores needs is in place."]);
    assert_has(
        &healthy.line("Config"),
        &["ok ", "3 channel(s)", "telegram"],
    );
    assert_has(
        &healthy.line("Database"),
        &["ok ", "migrations applied, writable"],
    );
    assert_has(&healthy.line("Telegram: bot token"), &["ok ", "@VoresBot"]);
    assert_has(&healthy.line("Telegram: privacy mode"), &["ok ", "off"]);
    assert_has(
        &healthy.line("Telegram: rights in Torvet (-100101)"),
        &["ok ", "may delete messages and restrict members"],
    );
    assert!(fake.request_count("getchatmember") >= 3);

    // Torvet: an admin that may not delete; Stranden: not an admin at all;
    // privacy mode on.
    fake.set_bot_rights(TORVET, false, true);
    fake.remove_bot_rights(STRAND);
    fake.set_privacy_mode(false);
    let broken = doctor(town.command(None), &[]).await;
    assert!(!broken.success, "{}", broken.stdout);
    assert_has(
        &broken.line("Telegram: rights in Torvet"),
        &[
            "PROBLEM",
            "may not delete other members' messages",
            "can_delete_messages",
            "fix: in Torvet: Manage group → Administrators → @VoresBot",
            "\"Delete messages\"",
        ],
    );
    assert_lacks(
        &broken.line("Telegram: rights in Torvet"),
        &["can_restrict_members"],
    );
    assert_has(
        &broken.line("Telegram: rights in Stranden"),
        &["PROBLEM", "not an admin", "Add Admin → @VoresBot"],
    );
    assert_has(
        &broken.line("Telegram: rights in Ishøj in English"),
        &["ok "],
    );
    assert_has(
        &broken.line("Telegram: privacy mode"),
        &["warning", "/setprivacy"],
    );
    assert_has(&broken.stdout, &["2 problem(s) and 1 warning(s)"]);
    assert_has(&broken.stderr, &["2 problem(s) found"]);
    for said in [
        &broken.stdout,
        &broken.stderr,
        &healthy.stdout,
        &healthy.stderr,
    ] {
        assert_lacks(said, &[TELEGRAM_TOKEN, "DOCTOR-secret"]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_telegram_token_or_none_is_a_problem() {
    let (_fake, town) = telegram_town().await;
    let mut wrong = town.command(None);
    wrong.env("VORES_TELEGRAM_TOKEN", "999:not-the-token");
    let said = doctor(wrong, &[]).await;
    assert!(!said.success, "{}", said.stdout);
    assert_has(
        &said.line("Telegram: bot token"),
        &[
            "PROBLEM",
            "does not accept the bot token",
            "fix: copy the token from @BotFather",
        ],
    );
    assert_lacks(&said.stdout, &["not-the-token"]);

    let mut none = town.command(None);
    none.env_remove("VORES_TELEGRAM_TOKEN");
    let said = doctor(none, &[]).await;
    assert!(!said.success, "{}", said.stdout);
    assert_has(
        &said.line("Telegram: bot token"),
        &["PROBLEM", "VORES_TELEGRAM_TOKEN"],
    );
}

// ---------------------------------------------------------------------------
// --quick: config and database only
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_checks_only_the_config_and_the_database() {
    // A Telegram section whose server does not exist and no token: the
    // quick check does not go near Telegram.
    let town = common::BotProcess::new(
        "[console]\nenabled = false\n\n[telegram]\napi_url = \"http://127.0.0.1:9\"\n",
        &[],
    );
    let mut cmd = town.command(None);
    cmd.env_remove("VORES_TELEGRAM_TOKEN");
    let started = std::time::Instant::now();
    let quick = doctor(cmd, &["--quick"]).await;
    assert!(quick.success, "{}\n{}", quick.stdout, quick.stderr);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_has(&quick.line("Database"), &["ok ", "writable"]);
    assert_lacks(&quick.stdout, &["Telegram"]);
    // The write was rolled back: nothing of the check stays behind.
    let db = vores_storage::Database::open(&town.database_url())
        .await
        .expect("db");
    assert_eq!(
        vores_bot::Store::cursor(&db, "doctor:write-check")
            .await
            .expect("read"),
        None
    );
    db.close().await;

    // A config that does not load, and a database that cannot be opened.
    let broken = common::BotProcess::new("timezone = \"Europe/Nowhere\"\n", &[]);
    let said = doctor(broken.command(None), &["--quick"]).await;
    assert!(!said.success);
    assert_has(&said.line("Config"), &["PROBLEM", "timezone", "fix:"]);

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
    cmd.args(["--config", town.path("vores.toml").to_str().expect("utf-8")])
        .args(["--database", "sqlite:///nonexistent-dir/sub/vores.db"])
        .env_remove("VORES_DATABASE_URL")
        .env_remove("VORES_CONFIG");
    let said = doctor(cmd, &["--quick"]).await;
    assert!(!said.success, "{}", said.stdout);
    assert_has(&said.line("Database"), &["PROBLEM", "fix:"]);
}

// ---------------------------------------------------------------------------
// Discord
// ---------------------------------------------------------------------------

const DISCORD_TOKEN: &str = "discord-doctor-secret-token";

struct DiscordTown {
    fake: fake_discord::FakeDiscord,
    bot: common::BotProcess,
    torvet: u64,
}

async fn discord_town() -> DiscordTown {
    let fake = fake_discord::FakeDiscord::start(DISCORD_TOKEN).await;
    let torvet = fake.add_channel("torvet");
    let strand = fake.add_channel("stranden");
    let english = fake.add_channel("english");
    fake.set_bot_rights(fake_discord::BOT_RIGHTS | fake_discord::SEND_MESSAGES_IN_THREADS);
    let config = common::town_config(
        "discord",
        &format!(
            "[console]\nenabled = false\n\n[discord]\napi_url = \"{}\"",
            fake.api_url()
        ),
        [
            &torvet.to_string(),
            &strand.to_string(),
            &english.to_string(),
        ],
        "",
    );
    let bot = common::BotProcess::new(&config, &[("VORES_DISCORD_TOKEN", DISCORD_TOKEN)]);
    DiscordTown { fake, bot, torvet }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_without_the_message_content_intent_is_a_problem() {
    let town = discord_town().await;
    town.fake.set_message_content_intent(false);
    let said = doctor(town.bot.command(None), &[]).await;
    assert!(!said.success, "{}", said.stdout);
    assert_has(
        &said.line("Discord: message content intent"),
        &[
            "PROBLEM",
            "MESSAGE CONTENT INTENT is off",
            "4014",
            "fix: in the developer portal",
            "Privileged Gateway Intents, switch on MESSAGE CONTENT INTENT",
        ],
    );
    assert_has(&said.line("Discord: server members intent"), &["ok "]);
    assert_has(&said.line("Discord: bot token"), &["ok "]);
    assert!(
        town.fake
            .requests()
            .iter()
            .any(|r| r == "GET /applications/@me"),
        "{:?}",
        town.fake.requests()
    );
    assert_lacks(&said.stdout, &[DISCORD_TOKEN]);
    assert_lacks(&said.stderr, &[DISCORD_TOKEN]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_permissions_follow_roles_and_channel_overwrites() {
    let mut town = discord_town().await;

    // Before the first start no slash command is registered: a warning only.
    let first = doctor(town.bot.command(None), &[]).await;
    assert!(first.success, "{}\n{}", first.stdout, first.stderr);
    assert_has(
        &first.line("Discord: slash commands"),
        &["warning", "not registered: /help", "fix: start `vores run`"],
    );
    assert_has(
        &first.line(&format!(
            "Discord: permissions in #Torvet ({})",
            town.torvet
        )),
        &["ok ", "may read, answer, remove messages, time out and ban"],
    );

    // `vores run` registers the commands; then everything is in place.
    town.bot.start_on_real_clock();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while town.fake.commands().is_empty() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the commands were never registered; log:\n{}",
            town.bot.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    town.bot.kill();
    let healthy = doctor(town.bot.command(None), &[]).await;
    assert!(healthy.success, "{}\n{}", healthy.stdout, healthy.stderr);
    assert_has(
        &healthy.line("Discord: slash commands"),
        &["ok ", "registered"],
    );
    assert_has(&healthy.stdout, &["Everything Vores needs is in place."]);

    // Torvet's own permissions deny @everyone Manage Messages: the server's
    // roles would allow it, the channel takes it away.
    town.fake.set_permission_overwrite(
        town.torvet,
        fake_discord::GUILD,
        0,
        0,
        fake_discord::MANAGE_MESSAGES,
    );
    let denied = doctor(town.bot.command(None), &[]).await;
    assert!(!denied.success, "{}", denied.stdout);
    assert_has(
        &denied.line(&format!(
            "Discord: permissions in #Torvet ({})",
            town.torvet
        )),
        &[
            "PROBLEM",
            "lacks Manage Messages",
            "Edit Channel → Permissions",
        ],
    );
    assert_has(&denied.line("Discord: permissions in #Stranden"), &["ok "]);

    // An allow for the bot's role in the channel gives it back.
    town.fake.set_permission_overwrite(
        town.torvet,
        fake_discord::BOT_ROLE,
        0,
        fake_discord::MANAGE_MESSAGES,
        0,
    );
    let allowed = doctor(town.bot.command(None), &[]).await;
    assert!(allowed.success, "{}", allowed.stdout);

    // Without Ban Members in the server, every channel lacks it.
    town.fake
        .set_bot_rights(fake_discord::EVERYONE_RIGHTS | fake_discord::MANAGE_MESSAGES);
    let weak = doctor(town.bot.command(None), &[]).await;
    assert!(!weak.success);
    assert_has(
        &weak.line("Discord: permissions in #Stranden"),
        &[
            "PROBLEM",
            "Timeout Members",
            "Ban Members",
            "fix: in Server Settings → Roles",
        ],
    );
}

// ---------------------------------------------------------------------------
// Matrix (real Synapse)
// ---------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn matrix_power_levels_are_checked_in_every_room() {
    use matrix_support::{Bot, Resident, Synapse, room, unique, wait_joined};
    let Some(synapse) = Synapse::from_env() else {
        return;
    };
    let bot_name = unique("vores");
    let _ = synapse
        .register(&bot_name, &format!("pw-{bot_name}"), false)
        .await;
    let mette = Resident::new(&synapse, &unique("mette")).await;
    let bot_id: matrix_sdk::ruma::OwnedUserId =
        format!("@{bot_name}:localhost").try_into().expect("id");
    let torvet = room(&mette, "Torvet", true, std::slice::from_ref(&bot_id)).await;
    let strand = room(&mette, "Stranden", false, std::slice::from_ref(&bot_id)).await;
    let mut bot = Bot::new(
        &synapse,
        &bot_name,
        &[(&torvet, "Torvet"), (&strand, "Stranden")],
    );

    // Before the first start: the password works (checked with a login
    // that is logged out again), but the bot is in no room yet.
    let before = doctor(bot.command(), &[]).await;
    assert!(!before.success, "{}", before.stdout);
    assert_has(
        &before.line("Matrix: login"),
        &["ok ", "accepts the password"],
    );
    assert_has(
        &before.line("Matrix: device"),
        &["warning", "no saved session"],
    );
    assert_has(
        &before.line("Matrix: power in Torvet"),
        &[
            "PROBLEM",
            "not in this room",
            &format!("fix: invite {bot_id}"),
        ],
    );

    // The bot joins both rooms; Mette makes it a moderator in Torvet only.
    bot.start();
    let log = || bot.log();
    wait_joined(&mette, &torvet, &bot_id, &log).await;
    wait_joined(&mette, &strand, &bot_id, &log).await;
    bot.kill();
    mette
        .room(&torvet)
        .await
        .update_power_levels(vec![(&bot_id, 50.into())])
        .await
        .expect("power levels");

    let weak = doctor(bot.command(), &[]).await;
    assert!(!weak.success, "{}\n{}", weak.stdout, weak.stderr);
    assert_has(
        &weak.line("Matrix: power in Stranden"),
        &[
            "PROBLEM",
            "power level is 0",
            "remove messages (redact) needs 50",
            "mute (kick) needs 50",
            &format!("fix: give {bot_id} power level 50 in Stranden"),
        ],
    );
    assert_has(
        &weak.line("Matrix: power in Torvet"),
        &["ok ", "encrypted room", "power level 50"],
    );
    assert_has(&weak.line("Matrix: login"), &["ok ", "saved session"]);
    assert_has(&weak.line("Matrix: encryption store"), &["ok ", "readable"]);
    assert_has(
        &weak.line("Matrix: device"),
        &["ok ", "encryption keys on the homeserver"],
    );
    assert_has(
        &weak.line("Matrix: cross-signing"),
        &["warning", "unverified"],
    );

    mette
        .room(&strand)
        .await
        .update_power_levels(vec![(&bot_id, 50.into())])
        .await
        .expect("power levels");
    let healthy = doctor(bot.command(), &[]).await;
    assert!(healthy.success, "{}\n{}", healthy.stdout, healthy.stderr);
    assert_has(&healthy.line("Matrix: power in Stranden"), &["ok "]);
    for said in [&before, &weak, &healthy] {
        assert_lacks(&said.stdout, &[&bot.password]);
        assert_lacks(&said.stderr, &[&bot.password]);
    }
}
