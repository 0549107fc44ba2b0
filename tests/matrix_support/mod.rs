//! Matrix test support shared by the Matrix suite and the conformance
//! suite: a real Synapse (started by tests/with-synapse.sh), residents who
//! are real matrix-sdk clients with end-to-end encryption, and the bot as a
//! `vores run` process.

// Each test crate compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hmac::{KeyInit, Mac};
use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::api::client::room::create_room::v3::Request as CreateRoom;
use matrix_sdk::ruma::events::reaction::ReactionEventContent;
use matrix_sdk::ruma::events::relation::Annotation;
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation, RoomMessageEventContent,
};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId, RoomId};
use matrix_sdk::{Client, Room};
use serde_json::{Value, json};

/// Wednesday 10 June 2026, 10:00 in Copenhagen.
pub const NOW: &str = "2026-06-10T10:00:00+02:00";
pub const WAIT: Duration = Duration::from_secs(60);

pub struct Synapse {
    pub url: String,
    pub secret: String,
    pub ctl: Option<String>,
    pub http: reqwest::Client,
}

impl Synapse {
    pub fn from_env() -> Option<Synapse> {
        let url = std::env::var("VORES_TEST_SYNAPSE_URL").ok();
        let secret = std::env::var("VORES_TEST_SYNAPSE_SECRET").ok();
        match (url, secret) {
            (Some(url), Some(secret)) => Some(Synapse {
                url,
                secret,
                ctl: std::env::var("VORES_TEST_SYNAPSE_CTL").ok(),
                http: reqwest::Client::new(),
            }),
            _ => {
                assert!(
                    std::env::var("VORES_REQUIRE_SYNAPSE").is_err(),
                    "VORES_REQUIRE_SYNAPSE is set but there is no Synapse; run through tests/with-synapse.sh"
                );
                eprintln!("no Synapse (run through tests/with-synapse.sh); skipping");
                None
            }
        }
    }

    /// Registers `name` through the shared-secret admin API; returns the
    /// access token. Names are made unique per test run by the caller.
    pub async fn register(&self, name: &str, password: &str, admin: bool) -> String {
        let url = format!("{}/_synapse/admin/v1/register", self.url);
        let nonce: Value = self
            .http
            .get(&url)
            .send()
            .await
            .expect("nonce")
            .json()
            .await
            .expect("nonce json");
        let nonce = nonce["nonce"].as_str().expect("nonce string").to_string();
        let mut mac =
            hmac::Hmac::<sha1::Sha1>::new_from_slice(self.secret.as_bytes()).expect("key");
        mac.update(nonce.as_bytes());
        mac.update(b"\0");
        mac.update(name.as_bytes());
        mac.update(b"\0");
        mac.update(password.as_bytes());
        mac.update(b"\0");
        mac.update(if admin {
            b"admin" as &[u8]
        } else {
            b"notadmin"
        });
        let mac = hex::encode(mac.finalize().into_bytes());
        let answer: Value = self
            .http
            .post(&url)
            .json(&json!({
                "nonce": nonce, "username": name, "password": password,
                "admin": admin, "mac": mac,
            }))
            .send()
            .await
            .expect("register")
            .json()
            .await
            .expect("register json");
        answer["access_token"]
            .as_str()
            .unwrap_or_else(|| panic!("registration of {name} failed: {answer}"))
            .to_string()
    }

    /// Lifts `rc_message` for one user (the tests that are not about rate
    /// limits); Synapse's default stays for everyone else.
    pub async fn lift_rate_limit(&self, admin_token: &str, user: &str) {
        self.rate_limit(admin_token, user, 0, 0).await;
    }

    /// Synapse's message rate limit for `user` (0 and 0: none at all).
    pub async fn rate_limit(&self, admin_token: &str, user: &str, per_second: u32, burst: u32) {
        let status = self
            .http
            .post(format!(
                "{}/_synapse/admin/v1/users/{user}/override_ratelimit",
                self.url
            ))
            .bearer_auth(admin_token)
            .json(&json!({"messages_per_second": per_second, "burst_count": burst}))
            .send()
            .await
            .expect("override_ratelimit")
            .status();
        assert!(status.is_success(), "override_ratelimit: {status}");
    }

    /// A raw event as the server has it now (to see redactions).
    pub async fn event(&self, token: &str, room: &RoomId, event: &str) -> Value {
        self.http
            .get(format!(
                "{}/_matrix/client/v3/rooms/{room}/event/{event}",
                self.url
            ))
            .bearer_auth(token)
            .send()
            .await
            .expect("event")
            .json()
            .await
            .expect("event json")
    }

    pub fn ctl(&self, what: &str) {
        let ctl = self.ctl.as_deref().expect("VORES_TEST_SYNAPSE_CTL");
        let status = Command::new("bash")
            .args([ctl, what])
            .status()
            .expect("ctl runs");
        assert!(status.success(), "synapse {what} failed");
    }
}

/// A message a resident's client saw.
#[derive(Debug, Clone)]
pub struct Seen {
    pub room: OwnedRoomId,
    pub event: OwnedEventId,
    pub sender: OwnedUserId,
    pub body: String,
    pub formatted: Option<String>,
    pub in_reply_to: Option<OwnedEventId>,
}

/// A resident: a matrix-sdk client with encryption, syncing in the
/// background and remembering every message it could read.
pub struct Resident {
    pub client: Client,
    pub token: String,
    pub seen: Arc<Mutex<Vec<Seen>>>,
    pub sync: tokio::task::JoinHandle<()>,
}

impl Resident {
    pub async fn new(synapse: &Synapse, name: &str) -> Resident {
        let password = format!("pw-{name}");
        let token = synapse.register(name, &password, false).await;
        let client = Client::builder()
            .homeserver_url(&synapse.url)
            .build()
            .await
            .expect("client");
        client
            .matrix_auth()
            .login_username(name, &password)
            .send()
            .await
            .expect("login");
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let sink = seen.clone();
        client.add_event_handler(move |ev: OriginalSyncRoomMessageEvent, room: Room| {
            let sink = sink.clone();
            async move {
                let (body, formatted) = match &ev.content.msgtype {
                    MessageType::Text(t) => {
                        (t.body.clone(), t.formatted.as_ref().map(|f| f.body.clone()))
                    }
                    MessageType::Notice(t) => {
                        (t.body.clone(), t.formatted.as_ref().map(|f| f.body.clone()))
                    }
                    // A file: its name.
                    MessageType::File(f) => (f.filename().to_string(), None),
                    _ => return,
                };
                let in_reply_to = match &ev.content.relates_to {
                    Some(Relation::Reply(r)) => Some(r.in_reply_to.event_id.clone()),
                    Some(Relation::Thread(t)) => t.in_reply_to.as_ref().map(|r| r.event_id.clone()),
                    _ => None,
                };
                sink.lock().expect("lock").push(Seen {
                    room: room.room_id().to_owned(),
                    event: ev.event_id.clone(),
                    sender: ev.sender.clone(),
                    body,
                    formatted,
                    in_reply_to,
                });
            }
        });
        client
            .sync_once(SyncSettings::default())
            .await
            .expect("first sync");
        let syncing = client.clone();
        let sync = tokio::spawn(async move {
            let _ = syncing
                .sync(SyncSettings::default().timeout(Duration::from_secs(5)))
                .await;
        });
        Resident {
            client,
            token,
            seen,
            sync,
        }
    }

    pub fn id(&self) -> OwnedUserId {
        self.client.user_id().expect("logged in").to_owned()
    }

    pub async fn room(&self, id: &RoomId) -> Room {
        for _ in 0..300 {
            if let Some(room) = self.client.get_room(id) {
                return room;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{} never saw room {id}", self.id());
    }

    pub async fn join(&self, id: &RoomId) -> Room {
        self.client.join_room_by_id(id).await.expect("join")
    }

    pub async fn say(&self, room: &RoomId, text: &str) -> OwnedEventId {
        let room = self.room(room).await;
        room.send(RoomMessageEventContent::text_plain(text))
            .await
            .expect("send")
            .response
            .event_id
    }

    pub async fn react(&self, room: &RoomId, event: &OwnedEventId, emoji: &str) {
        let room = self.room(room).await;
        room.send(ReactionEventContent::new(Annotation::new(
            event.clone(),
            emoji.to_string(),
        )))
        .await
        .expect("react");
    }

    /// Waits for a message from `from` in `room` that `check` accepts.
    pub async fn wait_for(
        &self,
        room: &RoomId,
        from: &OwnedUserId,
        log: &dyn Fn() -> String,
        check: impl Fn(&Seen) -> bool,
    ) -> Seen {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            if let Some(found) = self
                .seen
                .lock()
                .expect("lock")
                .iter()
                .find(|s| s.room == room && &s.sender == from && check(s))
            {
                return found.clone();
            }
            if tokio::time::Instant::now() > deadline {
                panic!(
                    "{} did not see the expected message in {room}; saw {:#?}\nbot log:\n{}",
                    self.id(),
                    self.seen.lock().expect("lock"),
                    log()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub fn messages_from(&self, room: &RoomId, from: &OwnedUserId) -> Vec<Seen> {
        self.seen
            .lock()
            .expect("lock")
            .iter()
            .filter(|s| s.room == room && &s.sender == from)
            .cloned()
            .collect()
    }
}

impl Drop for Resident {
    fn drop(&mut self) {
        self.sync.abort();
    }
}

/// The bot's side: a config, a store, and the running `vores run`.
pub struct Bot {
    pub dir: tempfile::TempDir,
    pub password: String,
    pub child: Option<Child>,
    pub runs: usize,
    /// On the real clock the outbox's retries come due; on the fixed test
    /// clock ("Wednesday 10:00") answers are predictable.
    pub real_clock: bool,
    /// The crash point (`VORES_CRASH_AT`) the next start dies at.
    pub crash_at: Option<&'static str>,
    /// The fixed clock, when not on the real one.
    pub now: &'static str,
    /// More environment for `vores` (another platform's token).
    pub env: Vec<(String, String)>,
}

impl Bot {
    pub fn new(synapse: &Synapse, name: &str, rooms: &[(&RoomId, &str)]) -> Bot {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = format!(
            r#"
timezone = "Europe/Copenhagen"
language = "da"

[console]
enabled = false

[matrix]
homeserver = "{url}"
user_id = "@{name}:localhost"
store_path = "{store}"

[[groups]]
name = "ishoj"
title = "Vores Ishøj"
approval = "always"

[groups.rules]
strikes_before_escalation = 5
"#,
            url = synapse.url,
            store = dir.path().join("matrix-store").display(),
        );
        for (room, label) in rooms {
            config.push_str(&format!(
                "\n[[channels]]\nplatform = \"matrix\"\nid = \"{room}\"\nname = \"{label}\"\ngroup = \"ishoj\"\n"
            ));
        }
        std::fs::write(dir.path().join("vores.toml"), config).expect("config");
        Bot {
            dir,
            password: format!("pw-{name}"),
            child: None,
            runs: 0,
            real_clock: false,
            crash_at: None,
            now: NOW,
            env: Vec::new(),
        }
    }

    /// Rewrites the config before the next start (another platform, other
    /// rules).
    pub fn edit_config(&self, edit: impl FnOnce(String) -> String) {
        let path = self.path("vores.toml");
        let config = std::fs::read_to_string(&path).expect("config");
        std::fs::write(&path, edit(config)).expect("config");
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn command(&self) -> Command {
        // VORES_TEST_BINARY runs the tests against another build (a release
        // build, to measure its memory for docs/PERFORMANCE.md).
        let binary = std::env::var("VORES_TEST_BINARY")
            .unwrap_or_else(|_| env!("CARGO_BIN_EXE_vores").to_string());
        let mut cmd = Command::new(binary);
        cmd.args(["--config", self.path("vores.toml").to_str().expect("utf-8")])
            .args([
                "--database",
                &format!("sqlite://{}", self.path("vores.db").display()),
            ])
            .env("VORES_MATRIX_PASSWORD", &self.password)
            .env_remove("VORES_MATRIX_TOKEN")
            .env_remove("VORES_DATABASE_URL")
            .env("RUST_LOG", "info,vores_matrix=debug,matrix_sdk=warn,matrix_sdk_crypto=warn,matrix_sdk_base=warn")
            .current_dir(self.dir.path());
        for (key, value) in &self.env {
            cmd.env(key, value);
        }
        if !self.real_clock {
            cmd.args(["--now", self.now]);
        }
        match self.crash_at {
            Some(point) => cmd.env("VORES_CRASH_AT", point),
            None => cmd.env_remove("VORES_CRASH_AT"),
        };
        cmd
    }

    /// Waits until the process has died by itself (at its crash point).
    pub async fn wait_dead(&mut self) {
        let deadline = tokio::time::Instant::now() + WAIT;
        let child = self.child.as_mut().expect("running");
        while child.try_wait().expect("status").is_none() {
            assert!(
                tokio::time::Instant::now() < deadline,
                "never reached {:?}; log:\n{}",
                self.crash_at,
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.child = None;
    }

    pub fn start(&mut self) {
        self.runs += 1;
        let log = std::fs::File::create(self.path(&format!("bot-{}.log", self.runs))).expect("log");
        let child = self
            .command()
            .arg("run")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("vores run starts");
        self.child = Some(child);
    }

    /// The bot process's resident memory now and at its peak (Linux).
    pub fn memory(&self) -> String {
        let Some(child) = &self.child else {
            return "not running".to_string();
        };
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap_or_default();
        status
            .lines()
            .filter(|l| {
                ["VmRSS", "VmHWM", "RssAnon", "RssFile", "Threads"]
                    .iter()
                    .any(|k| l.starts_with(k))
            })
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join(", ")
            + largest_mappings(child.id()).as_str()
    }

    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().expect("SIGKILL");
            child.wait().expect("reaped");
        }
    }

    pub fn log(&self) -> String {
        (1..=self.runs)
            .map(|n| {
                std::fs::read_to_string(self.path(&format!("bot-{n}.log"))).unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join("\n--- restart ---\n")
    }

    pub fn digest_now(&self) {
        let out = self
            .command()
            .args(["digest", "--send-now"])
            .output()
            .expect("vores digest runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A name nobody used in this Synapse yet.
pub fn unique(prefix: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    format!(
        "{prefix}{}x{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    )
}

/// A room made by `owner` (power 100), encrypted or not, with `invited`.
pub async fn room(
    owner: &Resident,
    name: &str,
    encrypted: bool,
    invited: &[OwnedUserId],
) -> OwnedRoomId {
    let mut request = CreateRoom::new();
    request.name = Some(name.to_string());
    request.invite = invited.to_vec();
    let room = owner
        .client
        .create_room(request)
        .await
        .expect("create room");
    if encrypted {
        room.enable_encryption().await.expect("encryption");
    }
    room.room_id().to_owned()
}

/// Waits until `resident`'s client knows `user` as a joined member (so an
/// encrypted message is shared with their devices).
pub async fn wait_joined(
    resident: &Resident,
    room: &RoomId,
    user: &OwnedUserId,
    log: &dyn Fn() -> String,
) {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let room = resident.room(room).await;
        if let Ok(Some(member)) = room.get_member(user).await
            && *member.membership() == matrix_sdk::ruma::events::room::member::MembershipState::Join
        {
            return;
        }
        if tokio::time::Instant::now() > deadline {
            panic!(
                "{user} never joined {}; bot log:\n{}",
                room.room_id(),
                log()
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Waits until `resident`'s client knows a device of `user`, as any client
/// must before it can share an encrypted room's key with them.
pub async fn wait_for_devices(resident: &Resident, user: &OwnedUserId) {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Ok(devices) = resident.client.encryption().get_user_devices(user).await
            && devices.devices().count() > 0
        {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{} never learned {user}'s devices",
            resident.id()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The mappings holding most of a process's resident memory (from
/// /proc/PID/smaps), to see what the resident size is made of.
pub fn largest_mappings(pid: u32) -> String {
    let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps")).unwrap_or_default();
    let mut by_name: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    let mut current = String::new();
    for line in smaps.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields
            .first()
            .is_some_and(|f| f.contains('-') && !f.ends_with(':'))
        {
            current = fields
                .get(5)
                .map_or("[anonymous]".to_string(), |p| p.to_string());
        } else if fields.first() == Some(&"Rss:") {
            *by_name.entry(current.clone()).or_default() += fields
                .get(1)
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0);
        }
    }
    let mut all: Vec<(String, u64)> = by_name.into_iter().collect();
    all.sort_by_key(|(_, kb)| std::cmp::Reverse(*kb));
    all.iter()
        .take(6)
        .map(|(name, kb)| format!("; {name}: {kb} kB"))
        .collect()
}
