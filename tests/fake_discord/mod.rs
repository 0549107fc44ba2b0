//! A fake Discord for the test suite: the REST API (`/api/v10/…`) and the
//! gateway websocket on one 127.0.0.1 port, written from Discord's developer
//! documentation, so the real serenity gateway client and the adapter's own
//! REST client talk to it exactly as they talk to discord.com.
//!
//! Test code plays the members (`say`, `reply`, `slash`, `press`, …) and
//! then inspects what the bot did (`sent`, `deleted`, `timeouts`, …).
//!
//! Gateway (documented behaviour reproduced):
//! - `GET /api/v10/gateway` gives the websocket URL; the client connects with
//!   `?v=10` and gets HELLO (op 10) with a short `heartbeat_interval`; every
//!   heartbeat (op 1) is acknowledged (op 11) and counted.
//! - IDENTIFY (op 2): a wrong token closes with 4004 "Authentication
//!   failed."; privileged intents (GUILD_MEMBERS, GUILD_PRESENCES,
//!   MESSAGE_CONTENT) that are not switched on for the application
//!   (`set_privileged_intents(false)`, or one of them with
//!   `set_message_content_intent(false)`) close with 4014 "Disallowed
//!   intent(s)."; otherwise a new session: READY (guilds unavailable) and a
//!   GUILD_CREATE per guild. With `compress: true` payloads over 1 KiB are
//!   sent as zlib-compressed binary frames.
//! - Dispatches carry an increasing `s`; events reach a session only for the
//!   intents it asked for (MESSAGE_CONTENT missing: `content` is empty except
//!   in DMs and when the bot is mentioned). The bot's own messages are
//!   dispatched to it too, as Discord does.
//! - While a session's connection is down its events are kept; RESUME
//!   (op 6) replays those after the given `seq`, then RESUMED. A session
//!   that was invalidated answers RESUME with INVALID_SESSION (op 9,
//!   `d: false`); events in between reach no session (only REST keeps them).
//! - `drop_connection` (abrupt TCP close, resumable), `send_reconnect`
//!   (op 7), `invalidate_session` (the connection drops and the session
//!   cannot be resumed).
//!
//! REST (only the routes the adapter and serenity use): `Authorization: Bot
//! <token>` (401 otherwise); every answer has `X-RateLimit-Limit`,
//! `-Remaining`, `-Reset`, `-Reset-After` and `-Bucket`; a bucket (route +
//! major parameter) allows `RATE_LIMIT` requests per `RATE_WINDOW`. A
//! request the client makes while its bucket is exhausted, or before a 429's
//! `retry_after` has passed, is answered 429 again and counted by
//! `premature_requests` — a client that honours the headers keeps it at 0.
//! `storm` scripts 429s (bucket or global); `fail_after_processing` answers
//! 502 after a message was created (a lost answer), which a client retries:
//! `nonce` + `enforce_nonce` then return the message already created.
//! Messages: ≤ 2000 characters, not empty, components in rows of ≤ 5
//! buttons with `custom_id` ≤ 100 and `label` ≤ 80 (50035 "Invalid Form
//! Body" otherwise). Deleting others' messages needs Manage Messages, timeouts
//! Moderate Members, bans Ban Members (403, code 50013 "Missing
//! Permissions"). Interactions must be acknowledged within 3 seconds (404,
//! 10062 "Unknown interaction" after) and only once (400, 40060).
//!
//! Applications: `GET /applications/@me` has the application's `flags`,
//! which show the privileged intents switched on in the developer portal as
//! Discord shows them for a bot in fewer than 100 servers
//! (GATEWAY_PRESENCE_LIMITED 1 << 13, GATEWAY_GUILD_MEMBERS_LIMITED 1 << 15,
//! GATEWAY_MESSAGE_CONTENT_LIMITED 1 << 19); `GET
//! /applications/{id}/commands` lists the registered global commands.
//!
//! Permissions: a member's server permissions are @everyone's and their
//! roles' (everything for the owner and administrators); in a channel (a
//! thread: its parent) the channel's permission overwrites
//! (`set_permission_overwrite`) apply in Discord's documented order —
//! @everyone's, then the member's roles' together, then the member's own —
//! and decide sending and deleting there. Timeouts, bans and events use the
//! server permissions.
//!
//! Scheduled events (external only): name 1–100, description ≤ 1000,
//! location 1–100, an end after the start, a start not in the past; Create
//! Events for one's own, Manage Events for others'.
//!
//! Not modelled: sharding, embeds, files,
//! the global 50-requests-per-second limit (only scripted global 429s).

#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::{RawQuery, State as AxumState};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

pub const BOT_ID: u64 = 1_100_000_000_000_000_001;
pub const APPLICATION_ID: u64 = 1_100_000_000_000_000_002;
pub const GUILD: u64 = 1_100_000_000_000_000_100;
pub const OWNER_ID: u64 = 1_100_000_000_000_000_003;
/// Role ids in the guild (the @everyone role has the guild's id).
pub const MODERATOR_ROLE: u64 = 1_100_000_000_000_000_201;
pub const VOLUNTEER_ROLE: u64 = 1_100_000_000_000_000_202;
pub const BOT_ROLE: u64 = 1_100_000_000_000_000_203;

pub const ADMINISTRATOR: u64 = 1 << 3;
pub const BAN_MEMBERS: u64 = 1 << 2;
pub const ADD_REACTIONS: u64 = 1 << 6;
pub const VIEW_CHANNEL: u64 = 1 << 10;
pub const SEND_MESSAGES: u64 = 1 << 11;
pub const MANAGE_MESSAGES: u64 = 1 << 13;
pub const READ_MESSAGE_HISTORY: u64 = 1 << 16;
pub const MANAGE_EVENTS: u64 = 1 << 33;
pub const SEND_MESSAGES_IN_THREADS: u64 = 1 << 38;
pub const MODERATE_MEMBERS: u64 = 1 << 40;
pub const CREATE_EVENTS: u64 = 1 << 44;
pub const EVERYONE_RIGHTS: u64 =
    VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | ADD_REACTIONS;
pub const BOT_RIGHTS: u64 = EVERYONE_RIGHTS
    | MANAGE_MESSAGES
    | MODERATE_MEMBERS
    | BAN_MEMBERS
    | CREATE_EVENTS
    | MANAGE_EVENTS;

const INTENT_GUILD_MEMBERS: u64 = 1 << 1;
const INTENT_GUILD_PRESENCES: u64 = 1 << 8;
const INTENT_GUILD_MESSAGES: u64 = 1 << 9;
const INTENT_DIRECT_MESSAGES: u64 = 1 << 12;
const INTENT_MESSAGE_CONTENT: u64 = 1 << 15;
const PRIVILEGED_INTENTS: u64 =
    INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT;
/// Application flags for privileged intents switched on in the developer
/// portal, for a bot in fewer than 100 servers.
const GATEWAY_PRESENCE_LIMITED: u64 = 1 << 13;
const GATEWAY_GUILD_MEMBERS_LIMITED: u64 = 1 << 15;
const GATEWAY_MESSAGE_CONTENT_LIMITED: u64 = 1 << 19;

/// Requests per bucket and window (Discord's message bucket is 5 per 5 s;
/// shorter here so tests stay quick, same shape).
pub const RATE_LIMIT: u32 = 5;
pub const RATE_WINDOW: Duration = Duration::from_secs(1);
/// HELLO's heartbeat interval (Discord's is about 41 s).
pub const HEARTBEAT_INTERVAL_MS: u64 = 1500;
const INTERACTION_ACK_WINDOW: Duration = Duration::from_secs(3);
const NONCE_WINDOW: Duration = Duration::from_secs(300);
/// Discord's epoch (2015-01-01) in Unix milliseconds.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// A Discord user: a member, another bot, or the bot itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FakeUser {
    pub id: u64,
    pub name: String,
    pub bot: bool,
}

impl FakeUser {
    pub fn new(id: u64, name: &str) -> FakeUser {
        FakeUser {
            id,
            name: name.to_owned(),
            bot: false,
        }
    }

    pub fn bot(id: u64, name: &str) -> FakeUser {
        FakeUser {
            bot: true,
            ..FakeUser::new(id, name)
        }
    }

    fn json(&self) -> Value {
        json!({
            "id": self.id.to_string(),
            "username": self.name.to_lowercase(),
            "discriminator": "0",
            "global_name": self.name,
            "avatar": null,
            "bot": self.bot,
            "system": false,
            "public_flags": 0,
        })
    }
}

/// A message as Discord keeps it.
#[derive(Clone, Debug)]
pub struct SentMessage {
    pub id: u64,
    pub channel: u64,
    pub author: u64,
    pub content: String,
    /// `message_reference.message_id`.
    pub reply_to: Option<u64>,
    /// The interaction this message answers (original or follow-up).
    pub interaction: Option<u64>,
    pub components: Value,
    pub nonce: Option<String>,
    pub deleted: bool,
    pub edits: u32,
    /// A deferred interaction answer not yet filled in ("thinking…").
    pub loading: bool,
    /// Files uploaded with it: (file name, content).
    pub files: Vec<(String, String)>,
}

impl SentMessage {
    /// The `custom_id`s of its buttons.
    pub fn buttons(&self) -> Vec<String> {
        self.components
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
            .filter_map(|b| b["custom_id"].as_str().map(str::to_string))
            .collect()
    }
}

#[derive(Clone, Debug)]
struct Channel {
    id: u64,
    guild: Option<u64>,
    name: String,
    kind: u8,
    parent: Option<u64>,
    /// For DMs: the other member.
    recipient: Option<u64>,
}

#[derive(Clone, Debug)]
struct Interaction {
    id: u64,
    token: String,
    channel: u64,
    created: Instant,
    acknowledged: bool,
    original: Option<u64>,
}

#[derive(Default)]
struct Bucket {
    remaining: u32,
    reset_at: Option<Instant>,
    /// After a 429: nothing before this.
    blocked_until: Option<Instant>,
}

struct Storm {
    route: String,
    count: u32,
    retry_after: f64,
    global: bool,
}

/// What a gateway connection is told to do.
enum Frame {
    Payload(Value),
    Close(u16, &'static str),
    Drop,
}

struct Session {
    valid: bool,
    intents: u64,
    seq: u64,
    /// Every dispatch, for RESUME.
    log: Vec<Value>,
    /// The connection serving it: (connection number, sender).
    connection: Option<(u64, mpsc::UnboundedSender<Frame>)>,
}

struct State {
    users: HashMap<u64, FakeUser>,
    /// user → role ids in the guild.
    members: HashMap<u64, Vec<u64>>,
    roles: BTreeMap<u64, (String, u64)>,
    channels: BTreeMap<u64, Channel>,
    messages: BTreeMap<u64, SentMessage>,
    nonces: HashMap<(u64, String), (Instant, u64)>,
    interactions: HashMap<u64, Interaction>,
    late_acknowledgements: u32,
    commands: Vec<Value>,
    timeouts: Vec<(u64, String)>,
    bans: Vec<u64>,
    buckets: HashMap<String, Bucket>,
    global_blocked_until: Option<Instant>,
    storms: Vec<Storm>,
    fail_after_processing: u32,
    /// Reading a channel's history takes this long (a slow Discord).
    slow_history: Duration,
    premature: u32,
    requests: Vec<String>,
    /// The privileged intents switched on for the application.
    privileged_intents: u64,
    /// Channel → its permission overwrites (id, type 0 role / 1 member,
    /// allow, deny).
    overwrites: HashMap<u64, Vec<(u64, u8, u64, u64)>>,
    sessions: HashMap<String, Session>,
    current_session: Option<String>,
    identifies: u32,
    resumes: u32,
    heartbeats: u32,
    dms: HashMap<u64, u64>,
    /// The guild's scheduled events by id.
    scheduled: BTreeMap<u64, Value>,
}

pub struct FakeDiscord {
    addr: SocketAddr,
    token: String,
    state: Arc<Mutex<State>>,
    next_id: Arc<AtomicU64>,
    server: tokio::task::JoinHandle<()>,
}

#[derive(Clone)]
struct Shared {
    token: String,
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    next_id: Arc<AtomicU64>,
    connections: Arc<AtomicU64>,
}

impl Shared {
    /// The gateway takes the token with or without the "Bot " prefix
    /// (serenity sends it with).
    fn token_matches(&self, token: &Value) -> bool {
        token
            .as_str()
            .is_some_and(|t| t.strip_prefix("Bot ").unwrap_or(t) == self.token)
    }
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        self.server.abort();
    }
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_millis() as u64
}

fn iso(ms: u64) -> String {
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .expect("valid time")
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
}

fn snowflake_time(id: u64) -> u64 {
    (id >> 22) + DISCORD_EPOCH_MS
}

/// Snowflakes as Discord makes them (time << 22 | increment), always rising.
fn new_id(next: &AtomicU64) -> u64 {
    let from_clock = (now_ms() - DISCORD_EPOCH_MS) << 22;
    let mut current = next.load(Ordering::SeqCst);
    loop {
        let id = current.max(from_clock);
        match next.compare_exchange(current, id + 1, Ordering::SeqCst, Ordering::SeqCst) {
            Ok(_) => return id,
            Err(actual) => current = actual,
        }
    }
}

fn error(status: StatusCode, code: u32, message: &str) -> (StatusCode, Value) {
    (status, json!({ "code": code, "message": message }))
}

fn form_error(field: &str, code: &str, message: &str) -> (StatusCode, Value) {
    (
        StatusCode::BAD_REQUEST,
        json!({
            "code": 50035,
            "message": "Invalid Form Body",
            "errors": { field: { "_errors": [{ "code": code, "message": message }] } },
        }),
    )
}

impl FakeDiscord {
    /// Starts the server on 127.0.0.1 with one guild, its roles and the bot.
    pub async fn start(token: &str) -> FakeDiscord {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let mut roles = BTreeMap::new();
        roles.insert(GUILD, ("@everyone".to_string(), EVERYONE_RIGHTS));
        roles.insert(MODERATOR_ROLE, ("Moderator".to_string(), MANAGE_MESSAGES));
        roles.insert(VOLUNTEER_ROLE, ("Frivillig".to_string(), 0));
        roles.insert(BOT_ROLE, ("Vores".to_string(), BOT_RIGHTS));
        let bot = FakeUser::bot(BOT_ID, "Vores");
        let owner = FakeUser::new(OWNER_ID, "Ejer");
        let state = State {
            users: HashMap::from([(BOT_ID, bot), (OWNER_ID, owner)]),
            members: HashMap::from([(BOT_ID, vec![BOT_ROLE]), (OWNER_ID, Vec::new())]),
            roles,
            channels: BTreeMap::new(),
            messages: BTreeMap::new(),
            nonces: HashMap::new(),
            interactions: HashMap::new(),
            late_acknowledgements: 0,
            commands: Vec::new(),
            timeouts: Vec::new(),
            bans: Vec::new(),
            buckets: HashMap::new(),
            global_blocked_until: None,
            storms: Vec::new(),
            fail_after_processing: 0,
            slow_history: Duration::ZERO,
            premature: 0,
            requests: Vec::new(),
            privileged_intents: PRIVILEGED_INTENTS,
            overwrites: HashMap::new(),
            sessions: HashMap::new(),
            current_session: None,
            identifies: 0,
            resumes: 0,
            heartbeats: 0,
            dms: HashMap::new(),
            scheduled: BTreeMap::new(),
        };
        let shared = Shared {
            token: token.to_string(),
            addr,
            state: Arc::new(Mutex::new(state)),
            next_id: Arc::new(AtomicU64::new(0)),
            connections: Arc::new(AtomicU64::new(0)),
        };
        let app = Router::new()
            .route("/", any(gateway))
            .fallback(rest)
            .with_state(shared.clone());
        let server = tokio::spawn(async move {
            axum::serve(listener, app)
                .await
                .expect("fake Discord serves");
        });
        FakeDiscord {
            addr,
            token: token.to_string(),
            state: shared.state,
            next_id: shared.next_id,
            server,
        }
    }

    /// What goes into `discord.api_url`.
    pub fn api_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn shared(&self) -> Shared {
        Shared {
            token: self.token.clone(),
            addr: self.addr,
            state: self.state.clone(),
            next_id: self.next_id.clone(),
            connections: Arc::new(AtomicU64::new(0)),
        }
    }

    /// A text channel in the guild; returns its id.
    pub fn add_channel(&self, name: &str) -> u64 {
        let id = new_id(&self.next_id);
        let channel = Channel {
            id,
            guild: Some(GUILD),
            name: name.to_string(),
            kind: 0,
            parent: None,
            recipient: None,
        };
        self.lock().channels.insert(id, channel);
        id
    }

    /// A member of the guild with these roles.
    pub fn add_member(&self, user: &FakeUser, roles: &[u64]) {
        let mut state = self.lock();
        state.users.insert(user.id, user.clone());
        state.members.insert(user.id, roles.to_vec());
    }

    /// The bot role's permissions.
    pub fn set_bot_rights(&self, rights: u64) {
        self.lock()
            .roles
            .insert(BOT_ROLE, ("Vores".to_string(), rights));
    }

    /// Whether the application may use privileged intents (developer portal).
    pub fn set_privileged_intents(&self, allowed: bool) {
        self.lock().privileged_intents = if allowed { PRIVILEGED_INTENTS } else { 0 };
    }

    /// Whether MESSAGE CONTENT INTENT alone is switched on (developer portal).
    pub fn set_message_content_intent(&self, allowed: bool) {
        let mut state = self.lock();
        if allowed {
            state.privileged_intents |= INTENT_MESSAGE_CONTENT;
        } else {
            state.privileged_intents &= !INTENT_MESSAGE_CONTENT;
        }
    }

    /// Sets (replaces) `channel`'s permission overwrite for `target`, a role
    /// (`kind` 0; the guild's id is @everyone) or a member (`kind` 1).
    pub fn set_permission_overwrite(
        &self,
        channel: u64,
        target: u64,
        kind: u8,
        allow: u64,
        deny: u64,
    ) {
        let mut state = self.lock();
        let list = state.overwrites.entry(channel).or_default();
        list.retain(|(id, k, _, _)| !(*id == target && *k == kind));
        list.push((target, kind, allow, deny));
    }

    /// A member writes in a channel (or thread); returns the message id.
    pub fn say(&self, channel: u64, from: &FakeUser, text: &str) -> u64 {
        self.post(channel, from, text, None)
    }

    /// A member replies to a message.
    pub fn reply(&self, channel: u64, from: &FakeUser, to: u64, text: &str) -> u64 {
        self.post(channel, from, text, Some(to))
    }

    fn post(&self, channel: u64, from: &FakeUser, text: &str, reply_to: Option<u64>) -> u64 {
        let id = new_id(&self.next_id);
        let message = SentMessage {
            id,
            channel,
            author: from.id,
            content: text.to_string(),
            reply_to,
            interaction: None,
            components: json!([]),
            nonce: None,
            deleted: false,
            edits: 0,
            loading: false,
            files: Vec::new(),
        };
        let mut state = self.lock();
        state.users.entry(from.id).or_insert_with(|| from.clone());
        state.messages.insert(id, message.clone());
        let payload = state.message_json(&message, true);
        dispatch(&mut state, "MESSAGE_CREATE", payload);
        id
    }

    /// A member edits their message (MESSAGE_UPDATE with the whole message).
    pub fn edit(&self, message: u64, text: &str) {
        let mut state = self.lock();
        edit_message(&mut state, message, &json!({ "content": text }));
    }

    /// Discord adds a link preview to a message: MESSAGE_UPDATE with the
    /// whole message, an embed, and `edited_timestamp` still null.
    pub fn unfurl(&self, message: u64) {
        let mut state = self.lock();
        let target = state
            .messages
            .get(&message)
            .cloned()
            .expect("message exists");
        let mut payload = state.message_json(&target, true);
        payload["embeds"] =
            json!([{ "type": "link", "url": "https://ishoj.dk", "title": "Ishøj" }]);
        dispatch(&mut state, "MESSAGE_UPDATE", payload);
    }

    /// A member reacts with a unicode emoji (MESSAGE_REACTION_ADD).
    pub fn react(&self, message: u64, from: &FakeUser, emoji: &str) {
        let mut state = self.lock();
        let target = state
            .messages
            .get(&message)
            .cloned()
            .expect("message exists");
        let mut payload = json!({
            "user_id": from.id.to_string(),
            "channel_id": target.channel.to_string(),
            "message_id": message.to_string(),
            "message_author_id": target.author.to_string(),
            "emoji": { "id": null, "name": emoji },
            "burst": false,
            "burst_colors": [],
            "type": 0,
        });
        if let Some(guild) = state.channels.get(&target.channel).and_then(|c| c.guild) {
            payload["guild_id"] = json!(guild.to_string());
            payload["member"] = state.member_json(from, true);
        }
        dispatch(&mut state, "MESSAGE_REACTION_ADD", payload);
    }

    /// A private chat between a member and the bot; returns its id.
    pub fn dm_channel(&self, user: &FakeUser) -> u64 {
        let mut state = self.lock();
        state.users.entry(user.id).or_insert_with(|| user.clone());
        dm_with(&mut state, &self.next_id, user.id)
    }

    /// A public thread in `parent`, started by `from`; returns its id.
    pub fn create_thread(&self, parent: u64, from: &FakeUser, name: &str) -> u64 {
        let id = new_id(&self.next_id);
        let channel = Channel {
            id,
            guild: Some(GUILD),
            name: name.to_string(),
            kind: 11,
            parent: Some(parent),
            recipient: None,
        };
        let mut state = self.lock();
        state.channels.insert(id, channel.clone());
        let mut payload = state.channel_json(&channel);
        payload["newly_created"] = json!(true);
        payload["owner_id"] = json!(from.id.to_string());
        dispatch(&mut state, "THREAD_CREATE", payload);
        id
    }

    /// A new interaction in `channel`: its id and token.
    fn new_interaction(&self, state: &mut State, channel: u64) -> (u64, String) {
        let id = new_id(&self.next_id);
        let token = format!("interaction-token-{id}");
        state.interactions.insert(
            id,
            Interaction {
                id,
                token: token.clone(),
                channel,
                created: Instant::now(),
                acknowledged: false,
                original: None,
            },
        );
        (id, token)
    }

    /// A member uses a slash command; `options` are (name, value) strings.
    /// Returns the interaction's id.
    pub fn slash(
        &self,
        channel: u64,
        from: &FakeUser,
        command: &str,
        options: &[(&str, &str)],
        locale: &str,
    ) -> u64 {
        let mut state = self.lock();
        let (id, token) = self.new_interaction(&mut state, channel);
        let data = json!({
            "id": (APPLICATION_ID + 1000).to_string(),
            "name": command,
            "type": 1,
            "options": options.iter().map(|(name, value)| json!({
                "name": name, "type": 3, "value": value,
            })).collect::<Vec<_>>(),
        });
        let payload = state.interaction_json(id, &token, 2, channel, from, data, None, locale);
        dispatch(&mut state, "INTERACTION_CREATE", payload);
        id
    }

    /// A member presses a button on one of the bot's messages.
    pub fn press(&self, channel: u64, from: &FakeUser, message: u64, custom_id: &str) -> u64 {
        let mut state = self.lock();
        let (id, token) = self.new_interaction(&mut state, channel);
        let pressed = state
            .messages
            .get(&message)
            .cloned()
            .expect("pressed message exists");
        let message_json = state.message_json(&pressed, false);
        let data = json!({ "custom_id": custom_id, "component_type": 2 });
        let payload =
            state.interaction_json(id, &token, 3, channel, from, data, Some(message_json), "da");
        dispatch(&mut state, "INTERACTION_CREATE", payload);
        id
    }

    /// What the bot posted in a channel (answers to interactions included),
    /// oldest first, without deferred answers it never filled in.
    pub fn sent(&self, channel: u64) -> Vec<SentMessage> {
        self.lock()
            .messages
            .values()
            .filter(|m| m.channel == channel && m.author == BOT_ID && !m.loading)
            .cloned()
            .collect()
    }

    /// The bot's answers to an interaction (original first).
    pub fn answers(&self, interaction: u64) -> Vec<SentMessage> {
        self.lock()
            .messages
            .values()
            .filter(|m| m.interaction == Some(interaction) && !m.loading)
            .cloned()
            .collect()
    }

    pub fn deleted(&self, channel: u64) -> Vec<u64> {
        self.lock()
            .messages
            .values()
            .filter(|m| m.channel == channel && m.deleted)
            .map(|m| m.id)
            .collect()
    }

    /// (user, communication_disabled_until) per timeout.
    pub fn timeouts(&self) -> Vec<(u64, String)> {
        self.lock().timeouts.clone()
    }

    pub fn bans(&self) -> Vec<u64> {
        self.lock().bans.clone()
    }

    /// The guild's scheduled events (Discord's event objects).
    pub fn scheduled_events(&self) -> Vec<Value> {
        self.lock().scheduled.values().cloned().collect()
    }

    /// The registered global commands.
    pub fn commands(&self) -> Vec<Value> {
        self.lock().commands.clone()
    }

    /// Interaction acknowledgements that came after Discord's 3 seconds.
    pub fn late_acknowledgements(&self) -> u32 {
        self.lock().late_acknowledgements
    }

    /// Requests made while the bucket (or the whole bot) had to wait.
    pub fn premature_requests(&self) -> u32 {
        self.lock().premature
    }

    /// "METHOD /path" of every REST request, in order.
    pub fn requests(&self) -> Vec<String> {
        self.lock().requests.clone()
    }

    pub fn identifies(&self) -> u32 {
        self.lock().identifies
    }

    pub fn resumes(&self) -> u32 {
        self.lock().resumes
    }

    pub fn heartbeats(&self) -> u32 {
        self.lock().heartbeats
    }

    /// True while a session is connected.
    pub fn connected(&self) -> bool {
        let state = self.lock();
        state
            .current_session
            .as_ref()
            .and_then(|s| state.sessions.get(s))
            .is_some_and(|s| s.valid && s.connection.is_some())
    }

    /// The next `count` requests whose "METHOD /path" starts with `route`
    /// get 429 with `retry_after` seconds (for everything, if `global`).
    pub fn storm(&self, route: &str, count: u32, retry_after: f64, global: bool) {
        self.lock().storms.push(Storm {
            route: route.to_string(),
            count,
            retry_after,
            global,
        });
    }

    /// The next `count` message creations succeed but their answers are
    /// lost (502 from the edge after Discord created the message).
    pub fn fail_after_processing(&self, count: u32) {
        self.lock().fail_after_processing = count;
    }

    /// Every read of a channel's history (`GET …/messages`) takes `delay`.
    pub fn slow_history(&self, delay: Duration) {
        self.lock().slow_history = delay;
    }

    /// Cuts the gateway connection without a close frame; the session can
    /// be resumed.
    pub fn drop_connection(&self) {
        self.to_connection(Frame::Drop);
    }

    /// Sends RECONNECT (op 7): the client should reconnect and resume.
    pub fn send_reconnect(&self) {
        self.to_connection(Frame::Payload(json!({ "op": 7, "d": null })));
    }

    /// The connection drops and the session is gone: RESUME will be refused
    /// with INVALID_SESSION, and events until the next READY reach nobody.
    pub fn invalidate_session(&self) {
        self.to_connection(Frame::Drop);
        let mut state = self.lock();
        if let Some(session) = current(&mut state) {
            session.valid = false;
        }
        state.current_session = None;
    }

    /// Closes the connection with a close code (e.g. 4000, 4004).
    pub fn close_with(&self, code: u16) {
        self.to_connection(Frame::Close(code, "closed by the test"));
    }

    /// Hands the current session's connection its last order; from now on
    /// the session's events wait for a RESUME.
    fn to_connection(&self, last: Frame) {
        let mut state = self.lock();
        let connection = current(&mut state).and_then(|s| s.connection.take());
        if let Some((_, tx)) = connection {
            let _ = tx.send(last);
        }
    }

    /// Waits until `check` holds or `wait` has passed; returns whether it held.
    pub async fn wait_until(
        &self,
        wait: Duration,
        mut check: impl FnMut(&FakeDiscord) -> bool,
    ) -> bool {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if check(self) {
                return true;
            }
            if tokio::time::Instant::now() > deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

fn current(state: &mut State) -> Option<&mut Session> {
    let id = state.current_session.clone()?;
    state.sessions.get_mut(&id)
}

fn dm_with(state: &mut State, next_id: &AtomicU64, user: u64) -> u64 {
    if let Some(&id) = state.dms.get(&user) {
        return id;
    }
    let id = new_id(next_id);
    state.channels.insert(
        id,
        Channel {
            id,
            guild: None,
            name: String::new(),
            kind: 1,
            parent: None,
            recipient: Some(user),
        },
    );
    state.dms.insert(user, id);
    id
}

/// Sends a dispatch to the current session (kept for RESUME if its
/// connection is down); with no valid session nobody receives it.
fn dispatch(state: &mut State, name: &str, data: Value) {
    let guild_event = data.get("guild_id").is_some();
    let Some(session) = current(state) else {
        return;
    };
    if !session.valid {
        return;
    }
    let mut data = data;
    if name.starts_with("MESSAGE_") {
        let wanted = if guild_event {
            INTENT_GUILD_MESSAGES
        } else {
            INTENT_DIRECT_MESSAGES
        };
        if session.intents & wanted == 0 {
            return;
        }
        let mentioned = data["mentions"]
            .as_array()
            .is_some_and(|m| m.iter().any(|u| u["id"] == json!(BOT_ID.to_string())));
        if guild_event && !mentioned && session.intents & INTENT_MESSAGE_CONTENT == 0 {
            data["content"] = json!("");
        }
    }
    session.seq += 1;
    let payload = json!({ "op": 0, "t": name, "s": session.seq, "d": data });
    session.log.push(payload.clone());
    if let Some((_, tx)) = &session.connection {
        let _ = tx.send(Frame::Payload(payload));
    }
}

impl State {
    /// The application's flags for the privileged intents switched on.
    fn application_flags(&self) -> u64 {
        [
            (INTENT_GUILD_PRESENCES, GATEWAY_PRESENCE_LIMITED),
            (INTENT_GUILD_MEMBERS, GATEWAY_GUILD_MEMBERS_LIMITED),
            (INTENT_MESSAGE_CONTENT, GATEWAY_MESSAGE_CONTENT_LIMITED),
        ]
        .iter()
        .filter(|(intent, _)| self.privileged_intents & intent != 0)
        .fold(0, |flags, (_, flag)| flags | flag)
    }

    /// `user`'s permissions in `channel` (a thread: in its parent), with the
    /// channel's overwrites applied in Discord's order.
    fn channel_rights(&self, user: u64, channel: u64) -> u64 {
        let base = self.rights(user);
        if base == u64::MAX {
            return base;
        }
        let channel = match self.channels.get(&channel) {
            Some(c) if c.kind == 11 => c.parent.unwrap_or(c.id),
            Some(c) => c.id,
            None => channel,
        };
        let Some(overwrites) = self.overwrites.get(&channel) else {
            return base;
        };
        let roles = self.members.get(&user).cloned().unwrap_or_default();
        let mut rights = base;
        if let Some((_, _, allow, deny)) = overwrites
            .iter()
            .find(|(id, kind, _, _)| *kind == 0 && *id == GUILD)
        {
            rights = (rights & !deny) | allow;
        }
        let (allow, deny) = overwrites
            .iter()
            .filter(|(id, kind, _, _)| *kind == 0 && *id != GUILD && roles.contains(id))
            .fold((0, 0), |(a, d), (_, _, allow, deny)| (a | allow, d | deny));
        rights = (rights & !deny) | allow;
        if let Some((_, _, allow, deny)) = overwrites
            .iter()
            .find(|(id, kind, _, _)| *kind == 1 && *id == user)
        {
            rights = (rights & !deny) | allow;
        }
        rights
    }

    fn rights(&self, user: u64) -> u64 {
        if user == OWNER_ID {
            return u64::MAX;
        }
        let roles = self.members.get(&user).cloned().unwrap_or_default();
        let bits = std::iter::once(GUILD)
            .chain(roles)
            .filter_map(|r| self.roles.get(&r).map(|(_, bits)| *bits))
            .fold(0, |all, bits| all | bits);
        if bits & ADMINISTRATOR != 0 {
            u64::MAX
        } else {
            bits
        }
    }

    fn member_json(&self, user: &FakeUser, with_user: bool) -> Value {
        let roles: Vec<String> = self
            .members
            .get(&user.id)
            .into_iter()
            .flatten()
            .map(u64::to_string)
            .collect();
        let mut member = json!({
            "roles": roles,
            "nick": null,
            "avatar": null,
            "joined_at": "2026-01-05T10:00:00.000000+00:00",
            "premium_since": null,
            "deaf": false,
            "mute": false,
            "flags": 0,
            "pending": false,
            "communication_disabled_until": null,
        });
        if with_user {
            member["user"] = user.json();
        }
        member
    }

    /// A message in `channel` that was not deleted.
    fn live_message(&self, channel: u64, id: u64) -> Option<SentMessage> {
        self.messages
            .get(&id)
            .filter(|m| m.channel == channel && !m.deleted)
            .cloned()
    }

    fn user(&self, id: u64) -> FakeUser {
        self.users
            .get(&id)
            .cloned()
            .unwrap_or_else(|| FakeUser::new(id, "ukendt"))
    }

    /// A message object; gateway MESSAGE_CREATE adds `guild_id` and `member`.
    fn message_json(&self, message: &SentMessage, gateway: bool) -> Value {
        let author = self.user(message.author);
        let mentions: Vec<Value> = if message.content.contains(&format!("<@{BOT_ID}>"))
            || message.content.contains(&format!("<@!{BOT_ID}>"))
        {
            vec![self.user(BOT_ID).json()]
        } else {
            Vec::new()
        };
        let mut json = json!({
            "id": message.id.to_string(),
            "channel_id": message.channel.to_string(),
            "author": author.json(),
            "content": message.content,
            "timestamp": iso(snowflake_time(message.id)),
            "edited_timestamp": null,
            "tts": false,
            "mention_everyone": false,
            "mentions": mentions,
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": false,
            "type": if message.reply_to.is_some() { 19 } else { 0 },
            "flags": if message.loading { 128 } else { 0 },
            "components": message.components,
        });
        if let Some(nonce) = &message.nonce {
            json["nonce"] = json!(nonce);
        }
        if let Some(to) = message.reply_to {
            json["message_reference"] = json!({
                "type": 0,
                "message_id": to.to_string(),
                "channel_id": message.channel.to_string(),
            });
            json["referenced_message"] = match self.messages.get(&to) {
                Some(original) if !original.deleted => self.message_json(original, false),
                _ => Value::Null,
            };
        }
        if message.interaction.is_some() {
            json["webhook_id"] = json!(APPLICATION_ID.to_string());
        }
        let guild = self.channels.get(&message.channel).and_then(|c| c.guild);
        if gateway && let Some(guild) = guild {
            json["guild_id"] = json!(guild.to_string());
            if !author.bot || author.id == BOT_ID {
                json["member"] = self.member_json(&author, false);
            }
        }
        json
    }

    fn channel_json(&self, channel: &Channel) -> Value {
        let mut json = json!({
            "id": channel.id.to_string(),
            "type": channel.kind,
            "name": channel.name,
            "last_message_id": null,
            "flags": 0,
        });
        if let Some(guild) = channel.guild {
            json["guild_id"] = json!(guild.to_string());
            json["position"] = json!(0);
            let overwrites: Vec<Value> = self
                .overwrites
                .get(&channel.id)
                .into_iter()
                .flatten()
                .map(|(id, kind, allow, deny)| {
                    json!({
                        "id": id.to_string(),
                        "type": kind,
                        "allow": allow.to_string(),
                        "deny": deny.to_string(),
                    })
                })
                .collect();
            json["permission_overwrites"] = json!(overwrites);
            json["topic"] = Value::Null;
            json["nsfw"] = json!(false);
            json["rate_limit_per_user"] = json!(0);
            json["parent_id"] = channel.parent.map_or(Value::Null, |p| json!(p.to_string()));
        }
        if channel.kind == 11 {
            json["owner_id"] = json!(OWNER_ID.to_string());
            json["message_count"] = json!(0);
            json["member_count"] = json!(1);
            json["thread_metadata"] = json!({
                "archived": false,
                "auto_archive_duration": 1440,
                "archive_timestamp": iso(now_ms()),
                "locked": false,
            });
        }
        if let Some(user) = channel.recipient {
            json["recipients"] = json!([self.user(user).json()]);
        }
        json
    }

    fn role_json(&self, id: u64) -> Value {
        let (name, bits) = &self.roles[&id];
        json!({
            "id": id.to_string(),
            "name": name,
            "color": 0,
            "colors": { "primary_color": 0, "secondary_color": null, "tertiary_color": null },
            "hoist": false,
            "icon": null,
            "unicode_emoji": null,
            "position": if id == GUILD { 0 } else { 1 },
            "permissions": bits.to_string(),
            "managed": id == BOT_ROLE,
            "mentionable": false,
            "flags": 0,
        })
    }

    fn guild_json(&self) -> Value {
        json!({
            "id": GUILD.to_string(),
            "name": "Vores Ishøj",
            "icon": null,
            "splash": null,
            "discovery_splash": null,
            "owner_id": OWNER_ID.to_string(),
            "afk_channel_id": null,
            "afk_timeout": 300,
            "verification_level": 1,
            "default_message_notifications": 1,
            "explicit_content_filter": 2,
            "roles": self.roles.keys().map(|&r| self.role_json(r)).collect::<Vec<_>>(),
            "emojis": [],
            "features": ["COMMUNITY"],
            "mfa_level": 0,
            "application_id": null,
            "system_channel_id": null,
            "system_channel_flags": 0,
            "rules_channel_id": null,
            "max_members": 500000,
            "vanity_url_code": null,
            "description": null,
            "banner": null,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "da",
            "public_updates_channel_id": null,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": false,
            "safety_alerts_channel_id": null,
            "stickers": [],
        })
    }

    /// GUILD_CREATE: the guild with its channels, threads and the bot's member.
    fn guild_create_json(&self) -> Value {
        let mut guild = self.guild_json();
        let (threads, channels): (Vec<&Channel>, Vec<&Channel>) = self
            .channels
            .values()
            .filter(|c| c.guild == Some(GUILD))
            .partition(|c| c.kind == 11);
        guild["joined_at"] = json!("2026-01-05T10:00:00.000000+00:00");
        guild["large"] = json!(false);
        guild["unavailable"] = json!(false);
        guild["member_count"] = json!(self.members.len());
        guild["voice_states"] = json!([]);
        guild["members"] = json!([self.member_json(&self.user(BOT_ID), true)]);
        guild["channels"] = json!(
            channels
                .iter()
                .map(|c| self.channel_json(c))
                .collect::<Vec<_>>()
        );
        guild["threads"] = json!(
            threads
                .iter()
                .map(|c| self.channel_json(c))
                .collect::<Vec<_>>()
        );
        guild["presences"] = json!([]);
        guild["stage_instances"] = json!([]);
        guild["guild_scheduled_events"] = json!([]);
        guild["soundboard_sounds"] = json!([]);
        guild
    }

    #[allow(clippy::too_many_arguments)]
    fn interaction_json(
        &self,
        id: u64,
        token: &str,
        kind: u8,
        channel: u64,
        from: &FakeUser,
        data: Value,
        message: Option<Value>,
        locale: &str,
    ) -> Value {
        let place = self
            .channels
            .get(&channel)
            .cloned()
            .expect("channel exists");
        let mut json = json!({
            "id": id.to_string(),
            "application_id": APPLICATION_ID.to_string(),
            "type": kind,
            "data": data,
            "channel": self.channel_json(&place),
            "channel_id": channel.to_string(),
            "token": token,
            "version": 1,
            "locale": locale,
            "app_permissions": self.channel_rights(BOT_ID, channel).to_string(),
            "entitlements": [],
            "attachment_size_limit": 10_485_760,
            "authorizing_integration_owners": { "0": GUILD.to_string() },
            "context": if place.guild.is_some() { 0 } else { 1 },
        });
        if let Some(guild) = place.guild {
            let mut member = self.member_json(from, true);
            // Discord computes the member's rights in the channel.
            member["permissions"] =
                json!((self.channel_rights(from.id, channel) & ((1u64 << 50) - 1)).to_string());
            json["guild_id"] = json!(guild.to_string());
            json["guild_locale"] = json!("da");
            json["member"] = member;
        } else {
            json["user"] = from.json();
        }
        if let Some(message) = message {
            json["message"] = message;
        }
        json
    }
}

// ---------------------------------------------------------------- gateway

async fn gateway(ws: WebSocketUpgrade, AxumState(shared): AxumState<Shared>) -> Response {
    ws.on_upgrade(move |socket| connection(socket, shared))
}

fn frame(payload: &Value, compress: bool) -> WsMessage {
    let text = payload.to_string();
    if compress && text.len() > 1024 {
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(text.as_bytes()).expect("zlib");
        WsMessage::Binary(Bytes::from(encoder.finish().expect("zlib")))
    } else {
        WsMessage::Text(text.into())
    }
}

async fn connection(mut socket: WebSocket, shared: Shared) {
    let number = shared.connections.fetch_add(1, Ordering::SeqCst) + 1;
    let (tx, mut rx) = mpsc::unbounded_channel::<Frame>();
    let hello = json!({ "op": 10, "d": { "heartbeat_interval": HEARTBEAT_INTERVAL_MS } });
    if socket.send(frame(&hello, false)).await.is_err() {
        return;
    }
    let mut compress = false;
    loop {
        tokio::select! {
            incoming = socket.recv() => {
                let text = match incoming {
                    Some(Ok(WsMessage::Text(text))) => text.to_string(),
                    Some(Ok(WsMessage::Binary(_))) => {
                        let _ = socket.send(close(4002, "Error while decoding payload.")).await;
                        break;
                    }
                    Some(Ok(WsMessage::Close(_))) | None | Some(Err(_)) => break,
                    Some(Ok(_)) => continue,
                };
                let Ok(payload) = serde_json::from_str::<Value>(&text) else {
                    let _ = socket.send(close(4002, "Error while decoding payload.")).await;
                    break;
                };
                match payload["op"].as_u64() {
                    Some(1) => {
                        shared.state.lock().unwrap_or_else(|e| e.into_inner()).heartbeats += 1;
                        if socket.send(frame(&json!({ "op": 11 }), false)).await.is_err() {
                            break;
                        }
                    }
                    Some(2) => {
                        compress = payload["d"]["compress"].as_bool().unwrap_or(false);
                        if let Err((code, reason)) = identify(&shared, &payload["d"], number, &tx) {
                            let _ = socket.send(close(code, reason)).await;
                            break;
                        }
                    }
                    Some(6) => {
                        if let Err((code, reason)) = resume(&shared, &payload["d"], number, &tx) {
                            let _ = socket.send(close(code, reason)).await;
                            break;
                        }
                    }
                    Some(3 | 4 | 8 | 31) => {} // presence, voice, member chunks, soundboard
                    _ => {
                        let _ = socket.send(close(4001, "Unknown opcode.")).await;
                        break;
                    }
                }
            }
            order = rx.recv() => {
                match order {
                    Some(Frame::Payload(payload)) => {
                        if socket.send(frame(&payload, compress)).await.is_err() {
                            break;
                        }
                    }
                    Some(Frame::Close(code, reason)) => {
                        let _ = socket.send(close(code, reason)).await;
                        break;
                    }
                    Some(Frame::Drop) | None => break,
                }
            }
        }
    }
    // The session (if this connection served it) keeps its events for RESUME.
    let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    for session in state.sessions.values_mut() {
        if session
            .connection
            .as_ref()
            .is_some_and(|(n, _)| *n == number)
        {
            session.connection = None;
        }
    }
}

fn close(code: u16, reason: &'static str) -> WsMessage {
    WsMessage::Close(Some(CloseFrame {
        code,
        reason: reason.into(),
    }))
}

fn identify(
    shared: &Shared,
    d: &Value,
    number: u64,
    tx: &mpsc::UnboundedSender<Frame>,
) -> Result<(), (u16, &'static str)> {
    if !shared.token_matches(&d["token"]) {
        return Err((4004, "Authentication failed."));
    }
    let intents = d["intents"].as_u64().ok_or((4013, "Invalid intent(s)."))?;
    let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    let privileged = INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT;
    if intents & privileged & !state.privileged_intents != 0 {
        return Err((4014, "Disallowed intent(s)."));
    }
    state.identifies += 1;
    let session_id = format!("session-{}", new_id(&shared.next_id));
    state.sessions.insert(
        session_id.clone(),
        Session {
            valid: true,
            intents,
            seq: 0,
            log: Vec::new(),
            connection: Some((number, tx.clone())),
        },
    );
    state.current_session = Some(session_id.clone());
    let ready = json!({
        "v": 10,
        "user": {
            "id": BOT_ID.to_string(), "username": "vores", "discriminator": "0",
            "global_name": null, "avatar": null, "bot": true, "verified": true,
            "mfa_enabled": false, "flags": 0, "email": null,
        },
        "guilds": [{ "id": GUILD.to_string(), "unavailable": true }],
        "session_id": session_id,
        "resume_gateway_url": format!("ws://{}", shared.addr),
        "shard": [0, 1],
        "application": { "id": APPLICATION_ID.to_string(), "flags": state.application_flags() },
        "private_channels": [],
        "presences": [],
        "relationships": [],
    });
    dispatch(&mut state, "READY", ready);
    let guild = state.guild_create_json();
    dispatch(&mut state, "GUILD_CREATE", guild);
    Ok(())
}

fn resume(
    shared: &Shared,
    d: &Value,
    number: u64,
    tx: &mpsc::UnboundedSender<Frame>,
) -> Result<(), (u16, &'static str)> {
    if !shared.token_matches(&d["token"]) {
        return Err((4004, "Authentication failed."));
    }
    let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    let id = d["session_id"].as_str().unwrap_or_default().to_string();
    let after = d["seq"].as_u64().unwrap_or(0);
    let resumable = state.sessions.get(&id).is_some_and(|s| s.valid);
    if !resumable {
        let _ = tx.send(Frame::Payload(json!({ "op": 9, "d": false })));
        return Ok(());
    }
    state.resumes += 1;
    state.current_session = Some(id.clone());
    let session = state.sessions.get_mut(&id).expect("checked");
    session.connection = Some((number, tx.clone()));
    for payload in session.log.iter().filter(|p| p["s"].as_u64() > Some(after)) {
        let _ = tx.send(Frame::Payload(payload.clone()));
    }
    dispatch(&mut state, "RESUMED", json!({}));
    Ok(())
}

// ---------------------------------------------------------------- REST

/// The rate-limit bucket of a route: its shape with ids replaced, keeping
/// the major parameter (channel, guild, webhook).
fn bucket_of(method: &Method, path: &str) -> String {
    let mut key = vec![method.as_str().to_string()];
    let mut previous = "";
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        let major = matches!(previous, "channels" | "guilds" | "webhooks");
        if segment.chars().all(|c| c.is_ascii_digit()) && !major {
            key.push("{id}".into());
        } else if previous == "reactions" {
            key.push("{emoji}".into());
        } else {
            key.push(segment.to_string());
        }
        previous = segment;
    }
    key.join("/")
}

fn reply(status: StatusCode, body: Value, headers: Vec<(&'static str, String)>) -> Response {
    let mut response = if status == StatusCode::NO_CONTENT {
        status.into_response()
    } else {
        (status, axum::Json(body)).into_response()
    };
    for (name, value) in headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

fn too_many(retry_after: f64, global: bool, bucket: &str) -> Response {
    let mut headers = vec![
        ("retry-after", format!("{}", retry_after.ceil() as u64)),
        (
            "x-ratelimit-scope",
            if global { "global" } else { "user" }.to_string(),
        ),
    ];
    if global {
        headers.push(("x-ratelimit-global", "true".to_string()));
    } else {
        headers.extend([
            ("x-ratelimit-limit", RATE_LIMIT.to_string()),
            ("x-ratelimit-remaining", "0".to_string()),
            ("x-ratelimit-reset-after", format!("{retry_after:.3}")),
            ("x-ratelimit-bucket", bucket_hash(bucket)),
        ]);
    }
    reply(
        StatusCode::TOO_MANY_REQUESTS,
        json!({ "message": "You are being rate limited.", "retry_after": retry_after, "global": global }),
        headers,
    )
}

fn bucket_hash(bucket: &str) -> String {
    // Discord's bucket ids are opaque; a stable digest of the route shape
    // without the major parameter, as Discord shares buckets across channels.
    let shape: String = bucket
        .split('/')
        .map(|s| {
            if s.chars().all(|c| c.is_ascii_digit()) {
                "{major}"
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join("/");
    let mut hash: u32 = 2_166_136_261;
    for byte in shape.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(16_777_619);
    }
    format!("{hash:08x}")
}

/// A multipart message: the `payload_json` field with the files beside it
/// as "uploads" ({"field", "filename", "content"}); `None` when malformed.
async fn read_upload(content_type: &str, body: Bytes) -> Option<Value> {
    use axum::extract::FromRequest;
    let request = axum::extract::Request::builder()
        .header(axum::http::header::CONTENT_TYPE, content_type)
        .body(axum::body::Body::from(body))
        .ok()?;
    let mut form = axum::extract::Multipart::from_request(request, &())
        .await
        .ok()?;
    let mut payload = json!({});
    let mut uploads = Vec::new();
    while let Some(field) = form.next_field().await.ok()? {
        let name = field.name().unwrap_or_default().to_string();
        let filename = field.file_name().map(str::to_string);
        let bytes = field.bytes().await.ok()?;
        match filename {
            Some(filename) => uploads.push(json!({
                "field": name,
                "filename": filename,
                "content": String::from_utf8_lossy(&bytes),
            })),
            None if name == "payload_json" => payload = serde_json::from_slice(&bytes).ok()?,
            None => {}
        }
    }
    payload["uploads"] = Value::Array(uploads);
    Some(payload)
}

async fn rest(
    AxumState(shared): AxumState<Shared>,
    method: Method,
    uri: Uri,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(path) = uri.path().strip_prefix("/api/v10") else {
        return reply(
            StatusCode::NOT_FOUND,
            json!({ "message": "404: Not Found", "code": 0 }),
            vec![],
        );
    };
    let path = path.to_string();
    let query: HashMap<String, String> = query
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let content_type = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body: Value = if content_type.starts_with("multipart/form-data") {
        // An upload: `payload_json` is the message, `files[n]` the files
        // (kept beside it as "uploads" for the checks and the tests).
        match read_upload(&content_type, body).await {
            Some(body) => body,
            None => {
                return reply(
                    StatusCode::BAD_REQUEST,
                    json!({ "message": "400: Bad Request", "code": 50109 }),
                    vec![],
                );
            }
        }
    } else if body.is_empty() {
        Value::Null
    } else {
        match serde_json::from_slice(&body) {
            Ok(body) => body,
            Err(_) => {
                return reply(
                    StatusCode::BAD_REQUEST,
                    json!({ "message": "400: Bad Request", "code": 50109 }),
                    vec![],
                );
            }
        }
    };
    // Interaction callbacks and webhooks use their token, not the bot's.
    let tokened = path.starts_with("/interactions/") || path.starts_with("/webhooks/");
    let authorised = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == format!("Bot {}", shared.token));
    if !tokened && !authorised {
        return reply(
            StatusCode::UNAUTHORIZED,
            json!({ "message": "401: Unauthorized", "code": 0 }),
            vec![],
        );
    }
    let bucket = bucket_of(&method, &path);
    let route = format!("{} {}", method.as_str(), path);
    let now = Instant::now();
    // Rate limits, before anything is done.
    let limits = {
        let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
        state.requests.push(route.clone());
        if let Some(until) = state.global_blocked_until
            && now < until
        {
            state.premature += 1;
            return too_many((until - now).as_secs_f64(), true, &bucket);
        }
        let entry = state.buckets.entry(bucket.clone()).or_default();
        if let Some(until) = entry.blocked_until
            && now < until
        {
            state.premature += 1;
            return too_many((until - now).as_secs_f64(), false, &bucket);
        }
        if let Some(storm) = state
            .storms
            .iter_mut()
            .find(|s| s.count > 0 && route.starts_with(&s.route))
        {
            storm.count -= 1;
            let (retry_after, global) = (storm.retry_after, storm.global);
            let until = now + Duration::from_secs_f64(retry_after);
            if global {
                state.global_blocked_until = Some(until);
            } else {
                state
                    .buckets
                    .entry(bucket.clone())
                    .or_default()
                    .blocked_until = Some(until);
            }
            return too_many(retry_after, global, &bucket);
        }
        let entry = state.buckets.entry(bucket.clone()).or_default();
        if entry.reset_at.is_none_or(|at| now >= at) {
            entry.remaining = RATE_LIMIT;
            entry.reset_at = Some(now + RATE_WINDOW);
        }
        let reset_at = entry.reset_at.expect("set above");
        if entry.remaining == 0 {
            entry.blocked_until = Some(reset_at);
            state.premature += 1;
            return too_many((reset_at - now).as_secs_f64(), false, &bucket);
        }
        entry.remaining -= 1;
        let reset_after = (reset_at - now).as_secs_f64();
        let reset_epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("clock")
            .as_secs_f64()
            + reset_after;
        vec![
            ("x-ratelimit-limit", RATE_LIMIT.to_string()),
            ("x-ratelimit-remaining", entry.remaining.to_string()),
            ("x-ratelimit-reset", format!("{reset_epoch:.3}")),
            ("x-ratelimit-reset-after", format!("{reset_after:.3}")),
            ("x-ratelimit-bucket", bucket_hash(&bucket)),
        ]
    };
    if method == Method::GET && path.starts_with("/channels/") && path.ends_with("/messages") {
        let delay = shared
            .state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .slow_history;
        tokio::time::sleep(delay).await;
    }
    let (status, answer) = handle(&shared, &method, &path, &query, body, &headers);
    reply(status, answer, limits)
}

fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

fn parse(id: &str) -> u64 {
    id.parse().unwrap_or(0)
}

/// Checks a message body as Discord does.
fn validate(body: &Value) -> Result<(), (StatusCode, Value)> {
    let content = body["content"].as_str().unwrap_or_default();
    if content.chars().count() > 2000 {
        return Err(form_error(
            "content",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 2000 or fewer in length.",
        ));
    }
    let components = body["components"].as_array().cloned().unwrap_or_default();
    // Every attachment the payload names must come as `files[id]`.
    let uploads = body["uploads"].as_array().cloned().unwrap_or_default();
    for attachment in body["attachments"].as_array().cloned().unwrap_or_default() {
        let field = format!("files[{}]", attachment["id"]);
        if !uploads.iter().any(|u| u["field"] == json!(field)) {
            return Err(form_error(
                "attachments",
                "ATTACHMENT_NOT_FOUND",
                "Attachment data not found",
            ));
        }
    }
    if content.trim().is_empty() && components.is_empty() && uploads.is_empty() {
        return Err(error(
            StatusCode::BAD_REQUEST,
            50006,
            "Cannot send an empty message",
        ));
    }
    if components.len() > 5 {
        return Err(form_error(
            "components",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 5 or fewer in length.",
        ));
    }
    for row in &components {
        let buttons = row["components"].as_array().cloned().unwrap_or_default();
        if row["type"] != json!(1) || buttons.is_empty() || buttons.len() > 5 {
            return Err(form_error(
                "components",
                "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                "The specified component exceeds the maximum width",
            ));
        }
        for button in &buttons {
            let id = button["custom_id"].as_str().unwrap_or_default();
            let label = button["label"].as_str().unwrap_or_default();
            if button["type"] != json!(2)
                || id.is_empty()
                || id.chars().count() > 100
                || label.chars().count() > 80
            {
                return Err(form_error(
                    "components",
                    "BASE_TYPE_MAX_LENGTH",
                    "Must be 100 or fewer in length.",
                ));
            }
        }
    }
    Ok(())
}

fn handle(
    shared: &Shared,
    method: &Method,
    path: &str,
    query: &HashMap<String, String>,
    body: Value,
    headers: &HeaderMap,
) -> (StatusCode, Value) {
    let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    let segments = segments(path);
    let unknown_channel = || error(StatusCode::NOT_FOUND, 10003, "Unknown Channel");
    let unknown_message = || error(StatusCode::NOT_FOUND, 10008, "Unknown Message");
    let missing = || error(StatusCode::FORBIDDEN, 50013, "Missing Permissions");
    let _ = headers;
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) => (
            StatusCode::OK,
            json!({ "url": format!("ws://{}", shared.addr) }),
        ),
        ("GET", ["users", "@me"]) => (StatusCode::OK, {
            let mut me = state.user(BOT_ID).json();
            me["verified"] = json!(true);
            me["mfa_enabled"] = json!(false);
            me["flags"] = json!(0);
            me
        }),
        ("GET", ["applications", "@me"]) => (
            StatusCode::OK,
            json!({ "id": APPLICATION_ID.to_string(), "name": "Vores", "flags": state.application_flags(), "bot_public": false,
                    "bot_require_code_grant": false, "description": "", "verify_key": "00", "icon": null }),
        ),
        ("GET", ["applications", app, "commands"]) => {
            if parse(app) != APPLICATION_ID {
                return error(StatusCode::FORBIDDEN, 50001, "Missing Access");
            }
            (StatusCode::OK, Value::Array(state.commands.clone()))
        }
        ("PUT", ["applications", app, "commands"]) => {
            if parse(app) != APPLICATION_ID {
                return error(StatusCode::FORBIDDEN, 50001, "Missing Access");
            }
            let Some(list) = body.as_array() else {
                return form_error("_root", "LIST_TYPE_CONVERT", "Must be a list.");
            };
            let mut registered = Vec::new();
            for command in list {
                let name = command["name"].as_str().unwrap_or_default();
                let valid = |n: &str| {
                    !n.is_empty()
                        && n.chars().count() <= 32
                        && n.chars()
                            .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
                };
                let localized_ok = command["name_localizations"]
                    .as_object()
                    .is_none_or(|m| m.values().all(|v| v.as_str().is_some_and(valid)));
                let description = command["description"].as_str().unwrap_or_default();
                if !valid(name)
                    || !localized_ok
                    || description.is_empty()
                    || description.chars().count() > 100
                {
                    return form_error(
                        "name",
                        "APPLICATION_COMMAND_INVALID_NAME",
                        "Command name is invalid",
                    );
                }
                let mut command = command.clone();
                command["id"] = json!(new_id(&shared.next_id).to_string());
                command["application_id"] = json!(APPLICATION_ID.to_string());
                registered.push(command);
            }
            state.commands = registered.clone();
            (StatusCode::OK, Value::Array(registered))
        }
        ("GET", ["channels", channel]) => match state.channels.get(&parse(channel)) {
            Some(c) => (StatusCode::OK, state.channel_json(c)),
            None => unknown_channel(),
        },
        ("GET", ["channels", channel, "messages"]) => {
            let channel = parse(channel);
            if !state.channels.contains_key(&channel) {
                return unknown_channel();
            }
            let limit: usize = query
                .get("limit")
                .and_then(|l| l.parse().ok())
                .unwrap_or(50)
                .clamp(1, 100);
            let mut list: Vec<&SentMessage> = state
                .messages
                .values()
                .filter(|m| m.channel == channel && !m.deleted && !m.loading)
                .collect();
            if let Some(after) = query.get("after").map(|a| parse(a)) {
                // The oldest `limit` after the id, newest first.
                list.retain(|m| m.id > after);
                list.truncate(limit);
                list.reverse();
            } else {
                if let Some(before) = query.get("before").map(|b| parse(b)) {
                    list.retain(|m| m.id < before);
                }
                list.reverse();
                list.truncate(limit);
            }
            (
                StatusCode::OK,
                Value::Array(list.iter().map(|m| state.message_json(m, false)).collect()),
            )
        }
        ("POST", ["channels", channel, "messages"]) => {
            let channel = parse(channel);
            let Some(place) = state.channels.get(&channel).cloned() else {
                return unknown_channel();
            };
            if place.guild.is_some() && state.channel_rights(BOT_ID, channel) & SEND_MESSAGES == 0 {
                return missing();
            }
            if let Err(e) = validate(&body) {
                return e;
            }
            let nonce = match &body["nonce"] {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            };
            if let Some(nonce) = &nonce {
                if nonce.chars().count() > 25 {
                    return form_error(
                        "nonce",
                        "BASE_TYPE_MAX_LENGTH",
                        "Must be 25 or fewer in length.",
                    );
                }
                if body["enforce_nonce"] == json!(true)
                    && let Some((at, existing)) = state.nonces.get(&(channel, nonce.clone()))
                    && at.elapsed() < NONCE_WINDOW
                {
                    let existing = state.messages[existing].clone();
                    return (StatusCode::OK, state.message_json(&existing, false));
                }
            }
            let reply_to = body["message_reference"]["message_id"].as_str().map(parse);
            if let Some(to) = reply_to
                && state.live_message(channel, to).is_none()
                && body["message_reference"]["fail_if_not_exists"] != json!(false)
            {
                return form_error(
                    "message_reference",
                    "REPLIES_UNKNOWN_MESSAGE",
                    "Unknown message",
                );
            }
            let id = new_id(&shared.next_id);
            let message = SentMessage {
                id,
                channel,
                author: BOT_ID,
                content: body["content"].as_str().unwrap_or_default().to_string(),
                reply_to: reply_to.filter(|to| state.messages.contains_key(to)),
                interaction: None,
                components: body.get("components").cloned().unwrap_or(json!([])),
                nonce: nonce.clone(),
                deleted: false,
                edits: 0,
                loading: false,
                files: body["uploads"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|u| {
                        (
                            u["filename"].as_str().unwrap_or_default().to_string(),
                            u["content"].as_str().unwrap_or_default().to_string(),
                        )
                    })
                    .collect(),
            };
            if let Some(nonce) = nonce {
                state.nonces.insert((channel, nonce), (Instant::now(), id));
            }
            state.messages.insert(id, message.clone());
            let payload = state.message_json(&message, true);
            dispatch(&mut state, "MESSAGE_CREATE", payload);
            if state.fail_after_processing > 0 {
                state.fail_after_processing -= 1;
                return (
                    StatusCode::BAD_GATEWAY,
                    json!({ "message": "502: Bad Gateway", "code": 0 }),
                );
            }
            (StatusCode::OK, state.message_json(&message, false))
        }
        ("PATCH", ["channels", channel, "messages", message]) => {
            let (channel, id) = (parse(channel), parse(message));
            let Some(existing) = state.live_message(channel, id) else {
                return unknown_message();
            };
            if existing.author != BOT_ID {
                return error(
                    StatusCode::FORBIDDEN,
                    50005,
                    "Cannot edit a message authored by another user",
                );
            }
            if let Err(e) = validate(
                &json!({ "content": body["content"], "components": body.get("components").unwrap_or(&existing.components) }),
            ) {
                return e;
            }
            let edited = edit_message(&mut state, id, &body);
            (StatusCode::OK, edited)
        }
        ("DELETE", ["channels", channel, "messages", message]) => {
            let (channel, id) = (parse(channel), parse(message));
            let Some(existing) = state.live_message(channel, id) else {
                return unknown_message();
            };
            let guild = state.channels.get(&channel).and_then(|c| c.guild);
            if existing.author != BOT_ID
                && guild.is_some()
                && state.channel_rights(BOT_ID, channel) & MANAGE_MESSAGES == 0
            {
                return missing();
            }
            if existing.author != BOT_ID && guild.is_none() {
                return error(
                    StatusCode::FORBIDDEN,
                    50003,
                    "Cannot execute action on a DM channel",
                );
            }
            state.messages.get_mut(&id).expect("exists").deleted = true;
            let mut payload = json!({ "id": id.to_string(), "channel_id": channel.to_string() });
            if let Some(guild) = guild {
                payload["guild_id"] = json!(guild.to_string());
            }
            dispatch(&mut state, "MESSAGE_DELETE", payload);
            (StatusCode::NO_CONTENT, Value::Null)
        }
        (
            "PUT",
            [
                "channels",
                channel,
                "messages",
                message,
                "reactions",
                _emoji,
                "@me",
            ],
        ) => {
            let (channel, id) = (parse(channel), parse(message));
            if state.live_message(channel, id).is_none() {
                return unknown_message();
            }
            (StatusCode::NO_CONTENT, Value::Null)
        }
        ("POST", ["users", "@me", "channels"]) => {
            let Some(user) = body["recipient_id"]
                .as_str()
                .map(parse)
                .filter(|u| state.users.contains_key(u))
            else {
                return error(StatusCode::BAD_REQUEST, 50035, "Invalid Form Body");
            };
            let id = dm_with(&mut state, &shared.next_id, user);
            let channel = state.channels[&id].clone();
            (StatusCode::OK, state.channel_json(&channel))
        }
        ("GET", ["guilds", guild]) => {
            if parse(guild) != GUILD {
                return error(StatusCode::NOT_FOUND, 10004, "Unknown Guild");
            }
            (StatusCode::OK, state.guild_json())
        }
        ("GET", ["guilds", guild, "threads", "active"]) => {
            let guild = parse(guild);
            let threads: Vec<Value> = state
                .channels
                .values()
                .filter(|c| c.guild == Some(guild) && c.kind == 11)
                .map(|c| state.channel_json(c))
                .collect();
            (StatusCode::OK, json!({ "threads": threads, "members": [] }))
        }
        ("GET", ["guilds", guild, "members", user]) => {
            let user = parse(user);
            if parse(guild) != GUILD {
                return error(StatusCode::NOT_FOUND, 10004, "Unknown Guild");
            }
            if !state.members.contains_key(&user) {
                return error(StatusCode::NOT_FOUND, 10007, "Unknown Member");
            }
            let member = state.user(user);
            (StatusCode::OK, state.member_json(&member, true))
        }
        ("PATCH", ["guilds", _guild, "members", user]) => {
            let user = parse(user);
            if !state.members.contains_key(&user) {
                return error(StatusCode::NOT_FOUND, 10007, "Unknown Member");
            }
            let Some(until) = body["communication_disabled_until"].as_str() else {
                return (StatusCode::OK, Value::Null);
            };
            // Timing out needs Moderate Members; nobody times out the owner
            // or an administrator.
            if state.rights(BOT_ID) & MODERATE_MEMBERS == 0 || state.rights(user) == u64::MAX {
                return missing();
            }
            let Ok(at) = chrono::DateTime::parse_from_rfc3339(until) else {
                return form_error(
                    "communication_disabled_until",
                    "DATE_TIME_TYPE_PARSE",
                    "Could not parse the date.",
                );
            };
            if at.timestamp_millis() as u64 > now_ms() + 28 * 24 * 3600 * 1000 + 60_000 {
                return form_error(
                    "communication_disabled_until",
                    "BASE_TYPE_BAD_TIME",
                    "Must be at most 28 days in the future.",
                );
            }
            state.timeouts.push((user, until.to_string()));
            let member = state.user(user);
            (StatusCode::OK, state.member_json(&member, true))
        }
        ("PUT", ["guilds", _guild, "bans", user]) => {
            let user = parse(user);
            if state.rights(BOT_ID) & BAN_MEMBERS == 0 || state.rights(user) == u64::MAX {
                return missing();
            }
            state.bans.push(user);
            state.members.remove(&user);
            (StatusCode::NO_CONTENT, Value::Null)
        }
        ("GET", ["guilds", _guild, "scheduled-events"]) => (
            StatusCode::OK,
            Value::Array(state.scheduled.values().cloned().collect()),
        ),
        ("POST", ["guilds", guild, "scheduled-events"]) => {
            if state.rights(BOT_ID) & CREATE_EVENTS == 0 {
                return missing();
            }
            if let Err(e) = validate_scheduled(&body, None) {
                return e;
            }
            let id = new_id(&shared.next_id);
            let mut event = json!({
                "id": id.to_string(),
                "guild_id": guild,
                "channel_id": null,
                "creator_id": BOT_ID.to_string(),
                "creator": state.user(BOT_ID).json(),
                "status": 1,
                "entity_id": null,
                "user_count": 0,
                "image": null,
                "recurrence_rule": null,
            });
            for field in [
                "name",
                "description",
                "scheduled_start_time",
                "scheduled_end_time",
                "privacy_level",
                "entity_type",
                "entity_metadata",
            ] {
                event[field] = body.get(field).cloned().unwrap_or(Value::Null);
            }
            state.scheduled.insert(id, event.clone());
            (StatusCode::OK, event)
        }
        ("PATCH", ["guilds", _guild, "scheduled-events", event]) => {
            let (id, existing) = match changeable_event(&state, event) {
                Ok(found) => found,
                Err(e) => return e,
            };
            if let Err(e) = validate_scheduled(&body, Some(&existing)) {
                return e;
            }
            let event = state.scheduled.get_mut(&id).expect("exists");
            if let Some(fields) = body.as_object() {
                for (field, value) in fields {
                    event[field] = value.clone();
                }
            }
            (StatusCode::OK, event.clone())
        }
        ("DELETE", ["guilds", _guild, "scheduled-events", event]) => {
            let (id, _) = match changeable_event(&state, event) {
                Ok(found) => found,
                Err(e) => return e,
            };
            state.scheduled.remove(&id);
            (StatusCode::NO_CONTENT, Value::Null)
        }
        ("POST", ["interactions", id, token, "callback"]) => {
            let id = parse(id);
            let Some(interaction) = state
                .interactions
                .get(&id)
                .filter(|i| i.token == *token)
                .cloned()
            else {
                return error(StatusCode::NOT_FOUND, 10062, "Unknown interaction");
            };
            if interaction.created.elapsed() > INTERACTION_ACK_WINDOW {
                state.late_acknowledgements += 1;
                return error(StatusCode::NOT_FOUND, 10062, "Unknown interaction");
            }
            if interaction.acknowledged {
                return error(
                    StatusCode::BAD_REQUEST,
                    40060,
                    "Interaction has already been acknowledged.",
                );
            }
            let kind = body["type"].as_u64().unwrap_or(0);
            let original = match kind {
                // A message now (4) or "thinking…" to be filled in (5).
                4 | 5 => {
                    let data = &body["data"];
                    if kind == 4
                        && let Err(e) = validate(data)
                    {
                        return e;
                    }
                    let message_id = new_id(&shared.next_id);
                    let message = SentMessage {
                        id: message_id,
                        channel: interaction.channel,
                        author: BOT_ID,
                        content: data["content"].as_str().unwrap_or_default().to_string(),
                        reply_to: None,
                        interaction: Some(id),
                        components: data.get("components").cloned().unwrap_or(json!([])),
                        nonce: None,
                        deleted: false,
                        edits: 0,
                        loading: kind == 5,
                        files: Vec::new(),
                    };
                    state.messages.insert(message_id, message.clone());
                    let payload = state.message_json(&message, true);
                    dispatch(&mut state, "MESSAGE_CREATE", payload);
                    Some(message_id)
                }
                // Button presses: acknowledged, message unchanged (6).
                6 => None,
                _ => {
                    return form_error(
                        "type",
                        "BASE_TYPE_CHOICES",
                        "Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}.",
                    );
                }
            };
            let entry = state.interactions.get_mut(&id).expect("exists");
            entry.acknowledged = true;
            entry.original = original;
            (StatusCode::NO_CONTENT, Value::Null)
        }
        ("PATCH", ["webhooks", app, token, "messages", "@original"]) => {
            let Some(interaction) = webhook_interaction(&state, app, token) else {
                return error(StatusCode::NOT_FOUND, 10015, "Unknown Webhook");
            };
            let Some(original) = interaction.original else {
                return unknown_message();
            };
            let content = body.get("content").cloned().unwrap_or(Value::Null);
            let components = body
                .get("components")
                .cloned()
                .unwrap_or_else(|| state.messages[&original].components.clone());
            if let Err(e) = validate(&json!({ "content": content, "components": components })) {
                return e;
            }
            let edited = edit_message(&mut state, original, &body);
            (StatusCode::OK, edited)
        }
        ("POST", ["webhooks", app, token]) => {
            let Some(interaction) = webhook_interaction(&state, app, token) else {
                return error(StatusCode::NOT_FOUND, 10015, "Unknown Webhook");
            };
            if !interaction.acknowledged {
                return error(StatusCode::NOT_FOUND, 10015, "Unknown Webhook");
            }
            if let Err(e) = validate(&body) {
                return e;
            }
            let id = new_id(&shared.next_id);
            let message = SentMessage {
                id,
                channel: interaction.channel,
                author: BOT_ID,
                content: body["content"].as_str().unwrap_or_default().to_string(),
                reply_to: None,
                interaction: Some(interaction.id),
                components: body.get("components").cloned().unwrap_or(json!([])),
                nonce: None,
                deleted: false,
                edits: 0,
                loading: false,
                files: Vec::new(),
            };
            state.messages.insert(id, message.clone());
            let payload = state.message_json(&message, true);
            dispatch(&mut state, "MESSAGE_CREATE", payload);
            (StatusCode::OK, state.message_json(&message, false))
        }
        _ => error(StatusCode::NOT_FOUND, 0, "404: Not Found"),
    }
}

/// A scheduled event the bot may change or delete: its own with Create
/// Events, anyone's with Manage Events.
fn changeable_event(state: &State, event: &str) -> Result<(u64, Value), (StatusCode, Value)> {
    let id = parse(event);
    let Some(existing) = state.scheduled.get(&id).cloned() else {
        return Err(error(
            StatusCode::NOT_FOUND,
            10070,
            "Unknown Guild Scheduled Event",
        ));
    };
    let own = existing["creator_id"] == json!(BOT_ID.to_string());
    let needed = if own { CREATE_EVENTS } else { MANAGE_EVENTS };
    if state.rights(BOT_ID) & needed == 0 {
        return Err(error(StatusCode::FORBIDDEN, 50013, "Missing Permissions"));
    }
    Ok((id, existing))
}

/// Checks a scheduled event (a new one, or a change to `existing`) as
/// Discord does for events outside voice channels.
fn validate_scheduled(body: &Value, existing: Option<&Value>) -> Result<(), (StatusCode, Value)> {
    let field = |name: &str| {
        body.get(name)
            .or_else(|| existing.and_then(|e| e.get(name)))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let name = field("name");
    let name = name.as_str().unwrap_or_default();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(form_error(
            "name",
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 100 in length.",
        ));
    }
    if field("description")
        .as_str()
        .is_some_and(|d| d.chars().count() > 1000)
    {
        return Err(form_error(
            "description",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 1000 or fewer in length.",
        ));
    }
    if field("privacy_level") != json!(2) {
        return Err(form_error(
            "privacy_level",
            "BASE_TYPE_CHOICES",
            "Value must be one of {2}.",
        ));
    }
    if field("entity_type") != json!(3) {
        return Err(form_error(
            "entity_type",
            "BASE_TYPE_CHOICES",
            "Only external events are expected here.",
        ));
    }
    let location = field("entity_metadata");
    let location = location["location"].as_str().unwrap_or_default();
    if location.is_empty() || location.chars().count() > 100 {
        return Err(form_error(
            "entity_metadata",
            "BASE_TYPE_BAD_LENGTH",
            "location: Must be between 1 and 100 in length.",
        ));
    }
    let parse_time = |v: Value| {
        v.as_str()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
    };
    let Some(start) = parse_time(field("scheduled_start_time")) else {
        return Err(form_error(
            "scheduled_start_time",
            "DATE_TIME_TYPE_PARSE",
            "Could not parse the date.",
        ));
    };
    let Some(end) = parse_time(field("scheduled_end_time")) else {
        return Err(form_error(
            "scheduled_end_time",
            "GUILD_SCHEDULED_EVENT_END_TIME_REQUIRED",
            "An end time is required for external events.",
        ));
    };
    if body.get("scheduled_start_time").is_some() && (start.timestamp_millis() as u64) < now_ms() {
        return Err(form_error(
            "scheduled_start_time",
            "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST",
            "Cannot schedule event in the past.",
        ));
    }
    if end <= start {
        return Err(form_error(
            "scheduled_end_time",
            "GUILD_SCHEDULED_EVENT_END_BEFORE_START",
            "Cannot schedule event to end before starting.",
        ));
    }
    Ok(())
}

fn webhook_interaction(state: &State, app: &str, token: &str) -> Option<Interaction> {
    if parse(app) != APPLICATION_ID {
        return None;
    }
    state
        .interactions
        .values()
        .find(|i| i.token == token && i.created.elapsed() < Duration::from_secs(15 * 60))
        .cloned()
}

fn edit_message(state: &mut State, id: u64, body: &Value) -> Value {
    let message = state.messages.get_mut(&id).expect("exists");
    if let Some(content) = body["content"].as_str() {
        message.content = content.to_string();
    }
    if let Some(components) = body.get("components") {
        message.components = components.clone();
    }
    message.loading = false;
    message.edits += 1;
    let message = message.clone();
    let mut json = state.message_json(&message, true);
    json["edited_timestamp"] = json!(iso(now_ms()));
    dispatch(state, "MESSAGE_UPDATE", json.clone());
    json
}

/// Payloads the fake sends, for checking against serenity's types.
pub mod samples {
    use super::*;

    pub fn ready_and_guild(fake: &FakeDiscord) -> Vec<Value> {
        let (tx, _rx) = mpsc::unbounded_channel();
        let shared = fake.shared();
        identify(
            &shared,
            &json!({
                "token": fake.token,
                "intents": INTENT_GUILD_MESSAGES | INTENT_DIRECT_MESSAGES | INTENT_MESSAGE_CONTENT,
                "compress": false,
            }),
            0,
            &tx,
        )
        .expect("identified");
        let state = fake.lock();
        let session = state.current_session.clone().expect("session");
        state.sessions[&session].log.clone()
    }

    pub fn log(fake: &FakeDiscord) -> Vec<Value> {
        let state = fake.lock();
        let session = state.current_session.clone().expect("session");
        state.sessions[&session].log.clone()
    }

    pub fn message(fake: &FakeDiscord, id: u64) -> Value {
        let state = fake.lock();
        state.message_json(&state.messages[&id], false)
    }
}
