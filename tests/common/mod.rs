//! Helpers the end-to-end suites share: running the real `vores` binary
//! with lines on its standard input, and checking what it said.

// Each test crate compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `cmd` (a `vores console …` command) with `lines` as input and
/// returns everything it printed; a failing run fails the test with its
/// error output.
#[track_caller]
pub fn run_with_input(mut cmd: Command, lines: &[&str]) -> String {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vores starts");
    {
        let mut stdin = child.stdin.take().expect("piped stdin");
        for line in lines {
            writeln!(stdin, "{line}").expect("write input");
        }
    }
    let out = child.wait_with_output().expect("vores runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    assert!(
        out.status.success(),
        "vores failed: {}\nstdout:\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Runs a `vores` command that must fail, and checks that what it says on
/// standard error has every one of `parts` (what went wrong, what to do).
#[track_caller]
pub fn fails_saying(mut cmd: Command, parts: &[&str]) -> String {
    let out = cmd.stdin(Stdio::null()).output().expect("vores runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "it should fail: {stderr}");
    assert_has(&stderr, parts);
    stderr
}

#[track_caller]
pub fn assert_has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "expected {part:?} in:\n{text}");
    }
}

#[track_caller]
pub fn assert_lacks(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(!text.contains(part), "did not expect {part:?} in:\n{text}");
    }
}

/// One event as Ali would have shared it in `conversation` (in Danish, not
/// anonymous), ready to be saved straight into a database.
pub struct EventRow<'a> {
    pub conversation: &'a vores_bot::model::ConversationRef,
    pub author_id: &'a str,
    pub title: &'a str,
    pub date: chrono::NaiveDate,
    pub start: Option<chrono::NaiveTime>,
    pub end: Option<chrono::NaiveTime>,
    pub place: Option<&'a str>,
    pub status: vores_bot::model::Status,
    pub text: &'a str,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl EventRow<'_> {
    pub fn submission(&self) -> vores_bot::model::NewSubmission {
        use vores_bot::model::{EventDetails, NewSubmission, Origin, SubmissionKind, UserRef};
        let draft = vores_bot::understand::EventDraft {
            title: self.title.to_string(),
            date: Some(self.date),
            start_time: self.start,
            end_time: self.end,
            all_day: false,
            location: self.place.map(str::to_string),
            invalid_date: false,
            doubts: Vec::new(),
            written_weekday: None,
            repeat: None,
            end_date: None,
        };
        NewSubmission {
            kind: SubmissionKind::Event,
            status: self.status,
            origin: Origin {
                author: UserRef {
                    platform: self.conversation.platform,
                    id: self.author_id.to_string(),
                },
                conversation: self.conversation.clone(),
                message_id: None,
                author_name: "Ali".into(),
            },
            language: vores_bot::Language::Da,
            anonymous: false,
            text: self.text.to_string(),
            event: Some(EventDetails::from_draft(
                draft,
                chrono_tz::Europe::Copenhagen,
            )),
            story: None,
            place: None,
            created_at: self.created_at,
        }
    }
}

/// Saves one published event per title straight into the SQLite database at
/// `db_path`, spread over 8–13 June 2026 (Monday to Saturday) at 9–18
/// o'clock in Medborgerhuset, as if Ali had shared them in `conversation`:
/// enough of them make a digest that needs several messages.
pub async fn publish_events(
    db_path: &std::path::Path,
    conversation: vores_bot::model::ConversationRef,
    author_id: &str,
    created_at: chrono::DateTime<chrono::Utc>,
    titles: &[String],
) {
    use vores_bot::Store;
    let db = vores_storage::Database::open(&format!("sqlite://{}", db_path.display()))
        .await
        .expect("db");
    for (i, title) in titles.iter().enumerate() {
        let row = EventRow {
            conversation: &conversation,
            author_id,
            title,
            date: chrono::NaiveDate::from_ymd_opt(2026, 6, 8 + (i % 6) as u32).expect("date"),
            start: chrono::NaiveTime::from_hms_opt(9 + (i % 10) as u32, 0, 0),
            end: None,
            place: Some("Medborgerhuset, Vejlebrovej 45"),
            status: vores_bot::model::Status::Published,
            text: "",
            created_at,
        };
        db.insert_submission(&row.submission())
            .await
            .expect("insert");
    }
    db.close().await;
}

/// A `vores run` process in a town directory of its own: the config is
/// `vores.toml`, the database `vores.db`, and what it logs is appended to
/// `bot.log` across restarts. The platform suites and the conformance
/// drivers share it.
pub struct BotProcess {
    dir: tempfile::TempDir,
    /// Environment for every command (the platform's token, log filter).
    env: Vec<(String, String)>,
    /// The fixed clock `start` runs the bot on.
    now: Option<String>,
    pub child: Option<std::process::Child>,
}

impl BotProcess {
    /// A town whose bot `start`s on the fixed clock `now` (RFC 3339).
    pub fn at(now: &str, config: &str, env: &[(&str, &str)]) -> BotProcess {
        let mut town = BotProcess::new(config, env);
        town.now = Some(now.to_string());
        town
    }

    pub fn new(config: &str, env: &[(&str, &str)]) -> BotProcess {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("vores.toml"), config).expect("config");
        BotProcess {
            dir,
            env: env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            now: None,
            child: None,
        }
    }

    pub fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    pub fn database_url(&self) -> String {
        format!("sqlite://{}", self.path("vores.db").display())
    }

    /// A `vores` command on this town's config and database; on the fixed
    /// clock `now`, or the real one.
    pub fn command(&self, now: Option<&str>) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
        cmd.args(["--config", self.path("vores.toml").to_str().expect("utf-8")])
            .args(["--database", &self.database_url()])
            .env_remove("VORES_DATABASE_URL")
            .env_remove("VORES_CONFIG")
            .current_dir(self.dir.path());
        for (key, value) in &self.env {
            cmd.env(key, value);
        }
        if let Some(now) = now {
            cmd.args(["--now", now]);
        }
        cmd
    }

    /// Starts `cmd run` in the background, logging to `bot.log`.
    pub fn spawn_run(&mut self, mut cmd: Command) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.path("bot.log"))
            .expect("log file");
        let child = cmd
            .arg("run")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("vores run starts");
        self.child = Some(child);
    }

    /// `vores run` on the town's clock (see [`BotProcess::at`]).
    pub fn start(&mut self) {
        self.spawn_run(self.command(self.now.as_deref()));
    }

    /// `vores run` on the real clock: the outbox's retries wait real time.
    pub fn start_on_real_clock(&mut self) {
        self.spawn_run(self.command(None));
    }

    /// `vores run` on the town's clock that dies (as if killed) the first
    /// time it reaches the crash point `point` (`VORES_CRASH_AT`).
    pub fn start_crashing_at(&mut self, point: &str) {
        let mut cmd = self.command(self.now.as_deref());
        cmd.env("VORES_CRASH_AT", point);
        self.spawn_run(cmd);
    }

    /// Waits until the process has died by itself; false if it still runs
    /// after `wait`.
    pub async fn wait_dead(&mut self, wait: std::time::Duration) -> bool {
        let deadline = tokio::time::Instant::now() + wait;
        while let Some(child) = self.child.as_mut() {
            if child.try_wait().expect("status").is_some() {
                self.child = None;
                return true;
            }
            if tokio::time::Instant::now() > deadline {
                return false;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        true
    }

    /// SIGKILL, as a crash or the OOM killer would.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().expect("SIGKILL");
            child.wait().expect("reaped");
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.path("bot.log")).unwrap_or_default()
    }
}

impl Drop for BotProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A platform suite's `Town` (holding its `bot: BotProcess`) is used as
/// that bot process: start, kill, log and paths come from it.
#[allow(unused_macros)]
macro_rules! town_runs_a_bot {
    ($town:ty) => {
        impl std::ops::Deref for $town {
            type Target = common::BotProcess;
            fn deref(&self) -> &common::BotProcess {
                &self.bot
            }
        }

        impl std::ops::DerefMut for $town {
            fn deref_mut(&mut self) -> &mut common::BotProcess {
                &mut self.bot
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use town_runs_a_bot;

/// The test town's config on `platform` (`"console"`, `"telegram"`, …):
/// one group, "Vores Ishøj", whose submissions wait for an admin and whose
/// approved events are announced; `section` configures the platform, `ids`
/// are Torvet's, Stranden's and the English channel's ids there, `rules`
/// are the group's `[groups.rules]` lines.
pub fn town_config(platform: &str, section: &str, ids: [&str; 3], rules: &str) -> String {
    let [torvet, stranden, english] = ids;
    format!(
        r#"
timezone = "Europe/Copenhagen"
language = "da"

{section}

[[groups]]
name = "ishoj"
title = "Vores Ishøj"
approval = "always"
announce_approved = true

[groups.rules]
{rules}

[[channels]]
platform = "{platform}"
id = "{torvet}"
name = "Torvet"
group = "ishoj"

[[channels]]
platform = "{platform}"
id = "{stranden}"
name = "Stranden"
group = "ishoj"

[[channels]]
platform = "{platform}"
id = "{english}"
name = "Ishøj in English"
language = "en"
group = "ishoj"
"#
    )
}
