//! Several `vores run` processes on one PostgreSQL database (the core's
//! `sharing` module): each platform is served by one process at a time
//! under a lease, a standby takes over when that process dies, outbox items
//! are claimed before sending, and each channel's digest is queued once
//! however many processes compose it.
//!
//! Runs under tests/with-postgres.sh (as `tests/run.sh` does); skipped with
//! a loud line otherwise, and failing when VORES_REQUIRE_POSTGRES is set.

mod common;
mod fake_discord;
mod fake_telegram;

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use vores_bot::Store;
use vores_bot::model::{ConversationRef, Platform};

const TELEGRAM_TOKEN: &str = "123456:scale-out-test-token";
const DISCORD_TOKEN: &str = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake.discord-test-token";
/// Wednesday 10 June 2026, 10:00 in Copenhagen: an hour after the weekly
/// digest's time, so every process queues it as it starts.
const NOW: &str = "2026-06-10T10:00:00+02:00";
const TORVET: i64 = -100_201;
const STRAND: i64 = -100_202;
const ENGLISH: i64 = -100_203;
/// The shortest allowed, so the test sees a handover within seconds.
const LEASE_SECONDS: u64 = 10;

fn config(telegram_api: &str, discord_api: &str, discord: [u64; 3]) -> String {
    let mut channels = String::new();
    for (platform, id, name, language) in [
        ("telegram", TORVET.to_string(), "Torvet", "da"),
        ("telegram", STRAND.to_string(), "Stranden", "da"),
        ("telegram", ENGLISH.to_string(), "Ishøj in English", "en"),
        ("discord", discord[0].to_string(), "torvet", "da"),
        ("discord", discord[1].to_string(), "stranden", "da"),
        ("discord", discord[2].to_string(), "ishoj-in-english", "en"),
    ] {
        channels.push_str(&format!(
            "\n[[channels]]\nplatform = \"{platform}\"\nid = \"{id}\"\nname = \"{name}\"\nlanguage = \"{language}\"\ngroup = \"ishoj\"\n"
        ));
    }
    format!(
        r#"
timezone = "Europe/Copenhagen"
language = "da"
lease_seconds = {LEASE_SECONDS}

[console]
enabled = false

[telegram]
api_url = "{telegram_api}"
poll_timeout = 1

[discord]
api_url = "{discord_api}"
admin_role = "Frivillig"

[[groups]]
name = "ishoj"
title = "Vores Ishøj"
approval = "always"
digest_schedule = "0 0 9 * * Wed"
{channels}"#
    )
}

/// One `vores run` process logging to its own file.
struct Process {
    name: &'static str,
    child: Option<Child>,
    log: std::path::PathBuf,
}

impl Process {
    fn start(dir: &std::path::Path, database: &str, name: &'static str, only: &[&str]) -> Process {
        let log = dir.join(format!("{name}.log"));
        let file = std::fs::File::create(&log).expect("log file");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
        cmd.args(["--config", dir.join("vores.toml").to_str().expect("utf-8")])
            .args(["--database", database])
            .args(["--now", NOW])
            .env_remove("VORES_DATABASE_URL")
            .env_remove("VORES_CONFIG")
            .env("VORES_TELEGRAM_TOKEN", TELEGRAM_TOKEN)
            .env("VORES_DISCORD_TOKEN", DISCORD_TOKEN)
            .env("RUST_LOG", "info")
            .current_dir(dir)
            .arg("run");
        if !only.is_empty() {
            cmd.args(["--only", &only.join(",")]);
        }
        let child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(file)
            .spawn()
            .expect("vores run starts");
        Process {
            name,
            child: Some(child),
            log,
        }
    }

    fn log(&self) -> String {
        format!(
            "--- {} ---\n{}",
            self.name,
            std::fs::read_to_string(&self.log).unwrap_or_default()
        )
    }

    /// SIGTERM, as systemd or a container runtime stops it; waits until it
    /// has exited and says whether it exited cleanly.
    async fn stop(&mut self) -> bool {
        let Some(mut child) = self.child.take() else {
            return true;
        };
        let term = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(term.success());
        let deadline = tokio::time::Instant::now() + Duration::from_secs(40);
        loop {
            if let Some(status) = child.try_wait().expect("status") {
                return status.success();
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "still running 40 s after SIGTERM"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// SIGKILL: no clean stop, no lease handed over.
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().expect("SIGKILL");
            child.wait().expect("reaped");
        }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Waits until `done` holds, failing with both processes' logs after
/// `wait`.
async fn eventually(what: &str, wait: Duration, processes: &[&Process], done: impl Fn() -> bool) {
    let deadline = tokio::time::Instant::now() + wait;
    while !done() {
        if tokio::time::Instant::now() > deadline {
            let logs: Vec<String> = processes.iter().map(|p| p.log()).collect();
            panic!("{what} within {wait:?}\n{}", logs.join("\n"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Whether `process` has said it took `lease` (one log line says both).
fn took(process: &Process, lease: &str) -> bool {
    std::fs::read_to_string(&process.log).is_ok_and(|log| {
        log.lines()
            .any(|line| line.contains("taken: this process serves it now") && line.contains(lease))
    })
}

/// Whether `text` is the first part of a weekly digest (Danish or English).
fn is_digest(text: &str) -> bool {
    text.contains("Ugen i Vores Ishøj") || text.contains("The week in Vores Ishøj")
}

/// Two processes, one database: one serves Telegram, the other Discord
/// and stands by for Telegram. 200 messages arrive; the Telegram process
/// is SIGKILLed in the middle. The other takes Telegram over: every message
/// is answered once, and each of the six channels gets the digest once
/// although both processes composed it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_share_one_postgres_and_survive_a_kill() {
    let Ok(url) = std::env::var("VORES_TEST_POSTGRES_URL") else {
        assert!(
            std::env::var("VORES_REQUIRE_POSTGRES").is_err(),
            "VORES_REQUIRE_POSTGRES is set but VORES_TEST_POSTGRES_URL is not"
        );
        eprintln!("*** the scale-out test was SKIPPED (run it under tests/with-postgres.sh) ***");
        return;
    };
    let telegram = fake_telegram::FakeTelegram::start(TELEGRAM_TOKEN).await;
    for (id, title) in [
        (TORVET, "Torvet"),
        (STRAND, "Stranden"),
        (ENGLISH, "Ishøj in English"),
    ] {
        telegram.add_chat(fake_telegram::FakeChat::supergroup(id, title));
        telegram.set_bot_rights(id, true, true);
    }
    let discord = fake_discord::FakeDiscord::start(DISCORD_TOKEN).await;
    let channels = [
        discord.add_channel("torvet"),
        discord.add_channel("stranden"),
        discord.add_channel("ishoj-in-english"),
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("vores.toml"),
        config(&telegram.api_url(), &discord.api_url(), channels),
    )
    .expect("config");

    // A fresh database with a published event, so the digest has news.
    let db = vores_storage::Database::open(&url)
        .await
        .expect("PostgreSQL");
    db.clear_all().await.expect("clear");
    let torvet = ConversationRef {
        platform: Platform::Telegram,
        id: TORVET.to_string(),
    };
    let row = common::EventRow {
        conversation: &torvet,
        author_id: "42",
        title: "Loppemarked på Torvet",
        date: chrono::NaiveDate::from_ymd_opt(2026, 6, 13).expect("date"),
        start: chrono::NaiveTime::from_hms_opt(10, 0, 0),
        end: chrono::NaiveTime::from_hms_opt(14, 0, 0),
        place: Some("Torvet"),
        status: vores_bot::model::Status::Published,
        text: "Loppemarked på Torvet lørdag kl. 10-14",
        created_at: chrono::DateTime::parse_from_rfc3339("2026-06-08T09:00:00Z")
            .expect("time")
            .to_utc(),
    };
    db.insert_submission(&row.submission())
        .await
        .expect("insert");

    let mut first = Process::start(dir.path(), &url, "first (telegram)", &["telegram"]);
    // The first takes Telegram before the second starts; the second, given
    // both platforms, serves Discord and stands by for Telegram.
    eventually(
        "the first process takes Telegram",
        Duration::from_secs(30),
        &[&first],
        || took(&first, "platform:telegram"),
    )
    .await;
    let second = Process::start(dir.path(), &url, "second (both)", &[]);
    eventually(
        "the second process serves Discord",
        Duration::from_secs(30),
        &[&first, &second],
        || discord.connected() && discord.commands().len() > 10,
    )
    .await;
    let standing_by = || {
        std::fs::read_to_string(&second.log)
            .is_ok_and(|log| log.contains("standing by to take over"))
    };
    eventually(
        "the second process stands by for Telegram",
        Duration::from_secs(10),
        &[&first, &second],
        standing_by,
    )
    .await;

    // 200 messages: submissions in the six channels' platforms and
    // questions in private chats, as residents write them.
    let mut telegram_asked: Vec<(i64, i32)> = Vec::new();
    let mut discord_asked: Vec<(u64, u64)> = Vec::new();
    for i in 0..100u64 {
        let channel = channels[(i % 3) as usize];
        let who = fake_discord::FakeUser::new(2_000 + i, &format!("Nabo{i}"));
        let text = format!(
            "/begivenhed Brætspil {i} i Glashuset lørdag kl. {}",
            10 + i % 8
        );
        discord_asked.push((channel, discord.say(channel, &who, &text)));
    }
    for i in 0..100i64 {
        let who = fake_telegram::FakeUser::new(3_000 + i, &format!("Beboer{i}"));
        if i < 18 {
            // Groups: Telegram lets a bot post 20 messages a minute in each.
            let chat = [TORVET, STRAND, ENGLISH][(i % 3) as usize];
            let text = format!("/begivenhed Kaffemik {i} i Medborgerhuset lørdag kl. 14");
            telegram_asked.push((chat, telegram.say(chat, &who, &text)));
        } else {
            telegram.add_private_chat(&who);
            let text = if i % 2 == 0 {
                "hej 🙂 hvad sker der i weekenden?"
            } else {
                "hvad sker der på lørdag"
            };
            telegram_asked.push((who.id, telegram.say(who.id, &who, text)));
        }
    }
    let answered_on_telegram = || {
        telegram_asked
            .iter()
            .filter(|(chat, id)| telegram.sent(*chat).iter().any(|m| m.reply_to == Some(*id)))
            .count()
    };
    // In the middle of it, the Telegram process dies.
    eventually(
        "a third of the Telegram messages answered",
        Duration::from_secs(60),
        &[&first, &second],
        || answered_on_telegram() >= 30,
    )
    .await;
    first.kill();
    let killed_at = answered_on_telegram();
    eventually(
        "the second process takes Telegram over",
        Duration::from_secs(20),
        &[&first, &second],
        || took(&second, "platform:telegram"),
    )
    .await;
    eventually(
        "every Telegram message answered",
        Duration::from_secs(120),
        &[&first, &second],
        || answered_on_telegram() == telegram_asked.len(),
    )
    .await;
    eventually(
        "every Discord message answered",
        Duration::from_secs(120),
        &[&first, &second],
        || {
            discord_asked.iter().all(|(channel, id)| {
                discord
                    .sent(*channel)
                    .iter()
                    .any(|m| m.reply_to == Some(*id))
            })
        },
    )
    .await;
    // Anything sent twice would have arrived by now.
    tokio::time::sleep(Duration::from_secs(2 * LEASE_SECONDS + 2)).await;
    let logs = format!("{}\n{}", first.log(), second.log());

    // Once each. Telegram's Bot API has no idempotency key: a message the
    // platform took in the instant before the kill, not yet recorded, is
    // sent again by the successor — at most that one.
    let mut twice = Vec::new();
    for (chat, id) in &telegram_asked {
        let replies = telegram
            .sent(*chat)
            .iter()
            .filter(|m| m.reply_to == Some(*id))
            .count();
        if replies != 1 {
            twice.push((*chat, *id, replies));
        }
    }
    assert!(
        twice.len() <= 1 && twice.iter().all(|(_, _, n)| *n == 2),
        "Telegram messages not answered exactly once: {twice:?} (killed after {killed_at} answers)\n{logs}"
    );
    for (channel, id) in &discord_asked {
        let replies = discord
            .sent(*channel)
            .iter()
            .filter(|m| m.reply_to == Some(*id))
            .count();
        assert_eq!(replies, 1, "Discord message {id} in {channel}\n{logs}");
    }

    // The digest: composed by both processes, queued and posted once per
    // channel.
    let mut digests: HashMap<String, usize> = HashMap::new();
    for chat in [TORVET, STRAND, ENGLISH] {
        let n = telegram
            .sent(chat)
            .iter()
            .filter(|m| is_digest(&m.plain_text))
            .count();
        digests.insert(format!("telegram {chat}"), n);
    }
    for channel in channels {
        let n = discord
            .sent(channel)
            .iter()
            .filter(|m| is_digest(&m.content))
            .count();
        digests.insert(format!("discord {channel}"), n);
    }
    assert!(
        digests.values().all(|n| *n == 1),
        "each channel gets the digest once: {digests:?}\n{logs}"
    );
    assert!(
        telegram
            .sent(TORVET)
            .iter()
            .any(|m| is_digest(&m.plain_text) && m.plain_text.contains("Loppemarked på Torvet")),
        "the digest has the week's event\n{logs}"
    );

    // The database agrees: nothing waits, nothing was given up.
    let ops = db.operations().await.expect("operations");
    assert!(
        ops.outbox.iter().all(|(_, waiting, _)| *waiting == 0),
        "outbox drained: {:?}",
        ops.outbox
    );

    // A clean stop hands over at once: the first comes back as a standby
    // for both platforms, the second is stopped with SIGTERM, and the first
    // serves both well before a lease could have run out.
    let first = Process::start(dir.path(), &url, "first again (both)", &[]);
    eventually(
        "the first process stands by",
        Duration::from_secs(30),
        &[&first, &second],
        || {
            std::fs::read_to_string(&first.log)
                .is_ok_and(|log| log.matches("standing by to take over").count() >= 2)
        },
    )
    .await;
    let mut second = second;
    assert!(second.stop().await, "a clean stop\n{}", second.log());
    let stopped = tokio::time::Instant::now();
    eventually(
        "the first takes both platforms over",
        Duration::from_secs(LEASE_SECONDS),
        &[&first, &second],
        || took(&first, "platform:telegram") && took(&first, "platform:discord"),
    )
    .await;
    let handover = stopped.elapsed();
    assert!(
        handover < Duration::from_secs(LEASE_SECONDS / 2),
        "handed over in {handover:?}, not at once\n{}",
        first.log()
    );
    let who = fake_telegram::FakeUser::new(4_000, "Efter");
    telegram.add_private_chat(&who);
    let asked = telegram.say(who.id, &who, "hvad sker der i weekenden?");
    eventually(
        "answered after the handover",
        Duration::from_secs(30),
        &[&first],
        || {
            telegram
                .sent(who.id)
                .iter()
                .filter(|m| m.reply_to == Some(asked))
                .count()
                == 1
        },
    )
    .await;
    db.close().await;
}
