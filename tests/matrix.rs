//! Matrix end to end against a real Synapse (started by tests/with-synapse.sh
//! on 127.0.0.1): the real `vores run` process with matrix-sdk, and residents
//! and admins who are real matrix-sdk clients with end-to-end encryption.
//! Without Synapse the tests are skipped, unless VORES_REQUIRE_SYNAPSE=1 (CI)
//! makes that a failure.

// matrix-sdk's sync future is deep; proving it `Send` needs more room.
#![recursion_limit = "256"]

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
const NOW: &str = "2026-06-10T10:00:00+02:00";
const WAIT: Duration = Duration::from_secs(60);

/// One Synapse serves every test here, and one test stops and starts it:
/// they take turns.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

struct Synapse {
    url: String,
    secret: String,
    ctl: Option<String>,
    http: reqwest::Client,
}

impl Synapse {
    fn from_env() -> Option<Synapse> {
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
    async fn register(&self, name: &str, password: &str, admin: bool) -> String {
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
    async fn lift_rate_limit(&self, admin_token: &str, user: &str) {
        let status = self
            .http
            .post(format!(
                "{}/_synapse/admin/v1/users/{user}/override_ratelimit",
                self.url
            ))
            .bearer_auth(admin_token)
            .json(&json!({"messages_per_second": 0, "burst_count": 0}))
            .send()
            .await
            .expect("override_ratelimit")
            .status();
        assert!(status.is_success(), "override_ratelimit: {status}");
    }

    /// A raw event as the server has it now (to see redactions).
    async fn event(&self, token: &str, room: &RoomId, event: &str) -> Value {
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

    fn ctl(&self, what: &str) {
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
struct Seen {
    room: OwnedRoomId,
    event: OwnedEventId,
    sender: OwnedUserId,
    body: String,
    formatted: Option<String>,
    in_reply_to: Option<OwnedEventId>,
}

/// A resident: a matrix-sdk client with encryption, syncing in the
/// background and remembering every message it could read.
struct Resident {
    client: Client,
    token: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    sync: tokio::task::JoinHandle<()>,
}

impl Resident {
    async fn new(synapse: &Synapse, name: &str) -> Resident {
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

    fn id(&self) -> OwnedUserId {
        self.client.user_id().expect("logged in").to_owned()
    }

    async fn room(&self, id: &RoomId) -> Room {
        for _ in 0..300 {
            if let Some(room) = self.client.get_room(id) {
                return room;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{} never saw room {id}", self.id());
    }

    async fn join(&self, id: &RoomId) -> Room {
        self.client.join_room_by_id(id).await.expect("join")
    }

    async fn say(&self, room: &RoomId, text: &str) -> OwnedEventId {
        let room = self.room(room).await;
        room.send(RoomMessageEventContent::text_plain(text))
            .await
            .expect("send")
            .response
            .event_id
    }

    async fn react(&self, room: &RoomId, event: &OwnedEventId, emoji: &str) {
        let room = self.room(room).await;
        room.send(ReactionEventContent::new(Annotation::new(
            event.clone(),
            emoji.to_string(),
        )))
        .await
        .expect("react");
    }

    /// Waits for a message from `from` in `room` that `check` accepts.
    async fn wait_for(
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

    fn messages_from(&self, room: &RoomId, from: &OwnedUserId) -> Vec<Seen> {
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
struct Bot {
    dir: tempfile::TempDir,
    password: String,
    child: Option<Child>,
    runs: usize,
    /// On the real clock the outbox's retries come due; on the fixed test
    /// clock ("Wednesday 10:00") answers are predictable.
    real_clock: bool,
    /// The crash point (`VORES_CRASH_AT`) the next start dies at.
    crash_at: Option<&'static str>,
    /// The fixed clock, when not on the real one.
    now: &'static str,
}

impl Bot {
    fn new(synapse: &Synapse, name: &str, rooms: &[(&RoomId, &str)]) -> Bot {
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
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn command(&self) -> Command {
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
    async fn wait_dead(&mut self) {
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

    fn start(&mut self) {
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
    fn memory(&self) -> String {
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

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().expect("SIGKILL");
            child.wait().expect("reaped");
        }
    }

    fn log(&self) -> String {
        (1..=self.runs)
            .map(|n| {
                std::fs::read_to_string(self.path(&format!("bot-{n}.log"))).unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join("\n--- restart ---\n")
    }

    fn digest_now(&self) {
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
fn unique(prefix: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    format!(
        "{prefix}{}x{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    )
}

/// A room made by `owner` (power 100), encrypted or not, with `invited`.
async fn room(
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
async fn wait_joined(
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
async fn wait_for_devices(resident: &Resident, user: &OwnedUserId) {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn residents_and_admins_in_an_encrypted_room() {
    let Some(synapse) = Synapse::from_env() else {
        return;
    };
    let _turn = SERIAL.lock().await;
    let admin_token = synapse.register(&unique("root"), "pw-root", true).await;
    let bot_name = unique("vores");
    let _ = synapse
        .register(&bot_name, &format!("pw-{bot_name}"), false)
        .await;
    synapse
        .lift_rate_limit(&admin_token, &format!("@{bot_name}:localhost"))
        .await;
    let mette = Resident::new(&synapse, &unique("mette")).await;
    let ali = Resident::new(&synapse, &unique("ali")).await;
    let ahmed = Resident::new(&synapse, &unique("ahmed")).await;
    for r in [&mette, &ali, &ahmed] {
        synapse.lift_rate_limit(&admin_token, r.id().as_str()).await;
    }
    let bot_id: OwnedUserId = format!("@{bot_name}:localhost").try_into().expect("id");
    let everyone = vec![ali.id(), ahmed.id(), bot_id.clone()];
    let torvet = room(&mette, "Torvet", true, &everyone).await;
    let strand = room(&mette, "Stranden", false, &everyone).await;
    for r in [&ali, &ahmed] {
        r.join(&torvet).await;
        r.join(&strand).await;
    }

    let mut bot = Bot::new(
        &synapse,
        &bot_name,
        &[(&torvet, "Torvet"), (&strand, "Stranden")],
    );
    bot.start();
    let log = || bot.log();
    // The bot accepts the invites of the rooms the config names.
    for r in [&mette, &ali, &ahmed] {
        wait_joined(r, &torvet, &bot_id, &log).await;
        wait_for_devices(r, &bot_id).await;
    }
    wait_joined(&mette, &strand, &bot_id, &log).await;
    // A moderator in Torvet; in Stranden the bot has no power.
    mette
        .room(&torvet)
        .await
        .update_power_levels(vec![(&bot_id, 50.into())])
        .await
        .expect("power levels");

    // A Danish event in the encrypted room, answered there as a reply.
    let submitted = ali
        .say(
            &torvet,
            "/begivenhed Byttemarked i Glashuset lørdag kl. 10-14",
        )
        .await;
    let confirmation = ali
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&submitted)
        })
        .await;
    assert!(
        confirmation.body.contains("#1") && confirmation.body.contains("lørdag 13. juni 2026"),
        "{}",
        confirmation.body
    );
    let html = confirmation.formatted.clone().expect("HTML body");
    assert!(html.contains("<b>"), "{html}");

    // The approval queue: a resident's ✅ is refused, the room admin's approves.
    let asked = mette.say(&torvet, "/afventer").await;
    let queue = mette
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&asked)
        })
        .await;
    assert!(queue.body.contains("#1"), "{}", queue.body);
    ahmed.react(&torvet, &queue.event, "✅").await;
    ahmed
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.body.contains("kun gruppens administratorer")
        })
        .await;
    mette.react(&torvet, &queue.event, "✅").await;
    mette
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.body.contains("#1 er godkendt")
        })
        .await;

    // A question by mentioning the bot by name.
    let question = ahmed
        .say(&torvet, &format!("{bot_name}: hvad sker der i weekenden?"))
        .await;
    let answer = ahmed
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&question)
        })
        .await;
    assert!(answer.body.contains("Byttemarked"), "{}", answer.body);

    // A regular activity: one submission, approved once, every Thursday,
    // one evening off, asked about by topic (the console's flow).
    let series = ali
        .say(
            &torvet,
            "/begivenhed fællesspisning i Medborgerhuset hver torsdag kl 18",
        )
        .await;
    let saved = ali
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&series)
        })
        .await;
    assert!(
        saved.body.contains("#2") && saved.body.contains("hver torsdag"),
        "{}",
        saved.body
    );
    let approve = mette.say(&torvet, "/godkend #2").await;
    mette
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&approve) && s.body.contains("#2 er godkendt")
        })
        .await;
    let off = ali.say(&torvet, "/aflys #2 18. juni").await;
    let off_reply = ali
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&off)
        })
        .await;
    assert!(off_reply.body.contains("Aflyst"), "{}", off_reply.body);
    let topic = ahmed
        .say(
            &torvet,
            &format!("{bot_name}: hvornår er der fællesspisning?"),
        )
        .await;
    let dates = ahmed
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&topic)
        })
        .await;
    assert!(
        dates.body.contains("Torsdag 11. juni")
            && dates.body.contains("Torsdag 25. juni")
            && !dates.body.contains("Torsdag 18. juni"),
        "{}",
        dates.body
    );

    // Ordinary talk is left alone; spam is redacted and logged.
    let before = ali.messages_from(&torvet, &bot_id).len();
    ali.say(&torvet, "Hej alle, vi ses på lørdag 😊").await;
    let spam = ahmed.say(&torvet, "FR33 M0NEY!!! skriv til mig").await;
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let event = synapse.event(&mette.token, &torvet, spam.as_str()).await;
        if event["unsigned"]["redacted_because"].is_object() {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "spam not redacted: {event}\nbot log:\n{}",
            bot.log()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Where the bot lacks the power level, the admins are told.
    ahmed.say(&strand, "FR33 M0NEY!!! skriv til mig").await;
    mette
        .wait_for(&strand, &bot_id, &log, |s| {
            s.body.contains("kan ikke slette beskeder")
        })
        .await;
    let asked = mette.say(&torvet, "/log").await;
    let entries = mette
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&asked)
        })
        .await;
    assert!(entries.body.contains("spam"), "{}", entries.body);
    assert!(
        !ali.messages_from(&torvet, &bot_id)[before..]
            .iter()
            .any(|s| s.in_reply_to.is_some() && s.body.contains("vi ses")),
        "ordinary talk must not be answered"
    );

    // The weekly digest reaches both rooms, the encrypted one too.
    bot.digest_now();
    for r in [&strand, &torvet] {
        ali.wait_for(r, &bot_id, &log, |s| s.body.contains("Ugen i Vores Ishøj"))
            .await;
    }
    // Printed for docs/PERFORMANCE.md (run with --nocapture), never
    // asserted: memory depends on the machine and the allocator.
    eprintln!(
        "memory of `vores run` after this conversation: {}",
        bot.memory()
    );
    bot.kill();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn restarts_outages_and_rate_limits_lose_and_double_nothing() {
    let Some(synapse) = Synapse::from_env() else {
        return;
    };
    let _turn = SERIAL.lock().await;
    let admin_token = synapse.register(&unique("root"), "pw-root", true).await;
    // The bot keeps Synapse's default message rate limit here.
    let bot_name = unique("vores");
    let _ = synapse
        .register(&bot_name, &format!("pw-{bot_name}"), false)
        .await;
    let bot_id: OwnedUserId = format!("@{bot_name}:localhost").try_into().expect("id");
    let mette = Resident::new(&synapse, &unique("mette")).await;
    let ali = Resident::new(&synapse, &unique("ali")).await;
    for r in [&mette, &ali] {
        synapse.lift_rate_limit(&admin_token, r.id().as_str()).await;
    }
    let invited = vec![ali.id(), bot_id.clone()];
    let mut rooms = Vec::new();
    for n in 0..20 {
        rooms.push(room(&mette, &format!("Rum {n}"), false, &invited).await);
    }
    ali.join(&rooms[0]).await;
    let labels: Vec<String> = (0..20).map(|n| format!("Rum {n}")).collect();
    let configured: Vec<(&RoomId, &str)> = rooms
        .iter()
        .zip(&labels)
        .map(|(r, l)| (r.as_ref(), l.as_str()))
        .collect();
    let mut bot = Bot::new(&synapse, &bot_name, &configured);
    bot.real_clock = true;
    bot.start();
    for r in &rooms {
        wait_joined(&mette, r, &bot_id, &|| bot.log()).await;
    }
    wait_joined(&ali, &rooms[0], &bot_id, &|| bot.log()).await;

    // Killed mid-sync while residents keep posting: every message is
    // answered exactly once after the restart.
    let mut asked = Vec::new();
    for n in 0..6 {
        if n == 3 {
            bot.kill();
        }
        asked.push(
            ali.say(
                &rooms[0],
                &format!(
                    "/begivenhed Loppemarked nr. {n} søndag kl. {}-{}",
                    9 + n,
                    10 + n
                ),
            )
            .await,
        );
    }
    bot.start();
    for id in &asked {
        ali.wait_for(&rooms[0], &bot_id, &|| bot.log(), |s| {
            s.in_reply_to.as_ref() == Some(id)
        })
        .await;
    }

    // The digest to 20 rooms at Synapse's default pace, with Synapse
    // stopped and started in the middle: every room gets it exactly once.
    bot.digest_now();
    tokio::time::sleep(Duration::from_secs(3)).await;
    synapse.ctl("stop");
    tokio::time::sleep(Duration::from_secs(3)).await;
    synapse.ctl("start");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(240);
    loop {
        let mut missing = Vec::new();
        for r in &rooms {
            let messages = mette_messages(&synapse, &mette.token, r, &bot_id).await;
            let digests = messages
                .iter()
                .filter(|b| b.contains("Ugen i Vores Ishøj"))
                .count();
            assert!(digests <= 1, "room {r} got the digest {digests} times");
            if digests == 0 {
                missing.push(r.clone());
            }
        }
        if missing.is_empty() {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no digest in {missing:?}\nbot log:\n{}",
            bot.log()
        );
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    // Each of ali's messages was answered once, after all that.
    for id in &asked {
        let answers = ali
            .messages_from(&rooms[0], &bot_id)
            .iter()
            .filter(|s| s.in_reply_to.as_ref() == Some(id))
            .count();
        assert_eq!(answers, 1, "message {id} answered {answers} times");
    }
    bot.kill();
}

/// The bodies of `sender`'s messages in `room`, read through the API as the
/// room's owner (the 19 unencrypted rooms have no resident client).
async fn mette_messages(
    synapse: &Synapse,
    token: &str,
    room: &RoomId,
    sender: &OwnedUserId,
) -> Vec<String> {
    let Ok(response) = synapse
        .http
        .get(format!(
            "{}/_matrix/client/v3/rooms/{room}/messages?dir=b&limit=100",
            synapse.url
        ))
        .bearer_auth(token)
        .send()
        .await
    else {
        return Vec::new();
    };
    let Ok(page) = response.json::<Value>().await else {
        return Vec::new();
    };
    page["chunk"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|e| e["type"] == "m.room.message" && e["sender"] == sender.as_str())
        .filter_map(|e| e["content"]["body"].as_str().map(str::to_string))
        .collect()
}

/// One unencrypted room, Torvet, made by Ali with a fresh bot in it and
/// running: Ali is the room's owner and so its admin.
struct Torvet {
    ali: Resident,
    torvet: OwnedRoomId,
    bot_id: OwnedUserId,
    bot: Bot,
}

impl Torvet {
    async fn open(synapse: &Synapse) -> Torvet {
        let admin_token = synapse.register(&unique("root"), "pw-root", true).await;
        let bot_name = unique("vores");
        let _ = synapse
            .register(&bot_name, &format!("pw-{bot_name}"), false)
            .await;
        let bot_id: OwnedUserId = format!("@{bot_name}:localhost").try_into().expect("id");
        let ali = Resident::new(synapse, &unique("ali")).await;
        synapse
            .lift_rate_limit(&admin_token, ali.id().as_str())
            .await;
        let torvet = room(&ali, "Torvet", false, std::slice::from_ref(&bot_id)).await;
        let mut bot = Bot::new(synapse, &bot_name, &[(torvet.as_ref(), "Torvet")]);
        bot.start();
        wait_joined(&ali, &torvet, &bot_id, &|| bot.log()).await;
        Torvet {
            ali,
            torvet,
            bot_id,
            bot,
        }
    }
}

/// A crash at every point of a sync batch: right after matrix-sdk stored the
/// response (before anything was handled), after the batch was handed to the
/// core, and after the core finished it but before the sync position was
/// saved. After each, the restarted bot answers every message exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_at_every_point_of_a_sync_batch_loses_and_repeats_nothing() {
    let Some(synapse) = Synapse::from_env() else {
        return;
    };
    let _turn = SERIAL.lock().await;
    let Torvet {
        ali,
        torvet,
        bot_id,
        mut bot,
    } = Torvet::open(&synapse).await;
    // A first message answered, so the bot has a saved sync position.
    let first = ali.say(&torvet, "/hjælp").await;
    ali.wait_for(&torvet, &bot_id, &|| bot.log(), |s| {
        s.in_reply_to.as_ref() == Some(&first)
    })
    .await;
    bot.kill();

    let mut asked = vec![first];
    for (n, point) in ["matrix:synced", "matrix:handed-over", "matrix:handled"]
        .into_iter()
        .enumerate()
    {
        bot.crash_at = Some(point);
        bot.start();
        // Let it reach its long poll, then say something: the batch with
        // this message is the one it dies in.
        tokio::time::sleep(Duration::from_secs(3)).await;
        asked.push(
            ali.say(
                &torvet,
                &format!(
                    "/begivenhed Loppemarked nr. {n} søndag kl. {}-{}",
                    9 + n,
                    10 + n
                ),
            )
            .await,
        );
        bot.wait_dead().await;
        bot.crash_at = None;
        bot.start();
        let id = asked.last().expect("asked");
        ali.wait_for(&torvet, &bot_id, &|| bot.log(), |s| {
            s.in_reply_to.as_ref() == Some(id)
        })
        .await;
        bot.kill();
    }
    // Once more without a crash: nothing from before comes back.
    bot.start();
    let last = ali.say(&torvet, "/hjælp").await;
    ali.wait_for(&torvet, &bot_id, &|| bot.log(), |s| {
        s.in_reply_to.as_ref() == Some(&last)
    })
    .await;
    asked.push(last);
    tokio::time::sleep(Duration::from_secs(2)).await;
    for id in &asked {
        let answers = ali
            .messages_from(&torvet, &bot_id)
            .iter()
            .filter(|s| s.in_reply_to.as_ref() == Some(id))
            .count();
        assert_eq!(
            answers,
            1,
            "message {id} answered {answers} times\n{}",
            bot.log()
        );
    }
    bot.kill();
}

/// "Does it still happen?" on Matrix: five weeks after a regular activity
/// was approved, its organiser gets a private room with the question (words:
/// Matrix has no buttons), and "nej" there ends it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_organiser_is_asked_privately_whether_a_regular_activity_still_happens() {
    let Some(synapse) = Synapse::from_env() else {
        return;
    };
    let _turn = SERIAL.lock().await;
    let Torvet {
        ali,
        torvet,
        bot_id,
        mut bot,
    } = Torvet::open(&synapse).await;
    let series = ali
        .say(
            &torvet,
            "/begivenhed fællesspisning i Medborgerhuset hver torsdag kl 18",
        )
        .await;
    ali.wait_for(&torvet, &bot_id, &|| bot.log(), |s| {
        s.in_reply_to.as_ref() == Some(&series) && s.body.contains("#1")
    })
    .await;
    // Ali made the room, so Ali is its admin and approves it.
    let approve = ali.say(&torvet, "/godkend #1").await;
    ali.wait_for(&torvet, &bot_id, &|| bot.log(), |s| {
        s.in_reply_to.as_ref() == Some(&approve) && s.body.contains("godkendt")
    })
    .await;
    bot.kill();

    bot.now = "2026-07-16T10:00:00+02:00";
    bot.start();
    // The bot opens a private room with the organiser; Ali accepts.
    let deadline = tokio::time::Instant::now() + WAIT;
    let private = loop {
        if let Some(invite) = ali.client.invited_rooms().into_iter().next() {
            invite.join().await.expect("join the private room");
            break invite.room_id().to_owned();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no private room from the bot; log:\n{}",
            bot.log()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let question = ali
        .wait_for(&private, &bot_id, &|| bot.log(), |s| {
            s.body.contains("stadig")
        })
        .await;
    assert!(
        question.body.contains("Fællesspisning"),
        "{}",
        question.body
    );
    let no = ali.say(&private, "nej").await;
    let ended = ali
        .wait_for(&private, &bot_id, &|| bot.log(), |s| {
            s.in_reply_to.as_ref() == Some(&no)
        })
        .await;
    assert!(ended.body.contains("er stoppet efter"), "{}", ended.body);
    bot.kill();
}

/// The mappings holding most of a process's resident memory (from
/// /proc/PID/smaps), to see what the resident size is made of.
fn largest_mappings(pid: u32) -> String {
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
