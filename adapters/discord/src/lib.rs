//! The Discord adapter: serenity keeps the gateway connection (identify,
//! heartbeats, resume, reconnects) and decodes events; the adapter turns
//! them into the core's inbound events and carries out what the core asks
//! through Discord's REST API ([`rest`]).
//!
//! Delivery: every message event in a configured channel (or one of its
//! threads) is tracked until the core has finished with it, and the id up
//! to which all are finished is saved per channel and thread. When the
//! gateway starts a new session (first start, restart, or a reconnect that
//! could not resume), each configured channel and active thread is read
//! back from that id (`GET /channels/{id}/messages?after=`),
//! so what was posted while the bot was away is handled, and events already
//! handed on are recognised by their ids and not handled twice. Outgoing
//! messages carry a stable `nonce` with `enforce_nonce`, so a retry after a
//! lost answer does not post twice.

mod commands;
pub mod doctor;
mod rest;
mod scheduled;

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use reqwest::Method;
use serde_json::{Value, json};
use serenity::all::{
    ClientBuilder, CommandDataOptionValue, Context, Event, GatewayError, GatewayIntents,
    HttpBuilder, Interaction, Message, RawEventHandler, ReactionType, User,
};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};
use vores_bot::adapter::{Attachment, Author, InboundMessage};
use vores_bot::model::{ConversationRef, MessageRef, Platform, UserRef};
use vores_bot::{
    Adapter, AdapterError, Capabilities, Cursors, Inbound, LengthUnit, Outgoing, TextFormat,
};

pub use rest::{Rest, RestError};
pub use scheduled::EventMirror;

/// Where Discord's API is, unless `discord.api_url` says otherwise.
const DISCORD_API: &str = "https://discord.com";
/// Discord's permission bits that make someone an admin here.
const ADMINISTRATOR: u64 = 1 << 3;
const MANAGE_MESSAGES: u64 = 1 << 13;
/// How long what Discord said about a member's rights is trusted.
const RIGHTS_CACHE: Duration = Duration::from_secs(60);
/// An interaction's token may answer it for 15 minutes; a little less to
/// be safe, after which the answer goes to the channel instead.
const INTERACTION_WINDOW: Duration = Duration::from_secs(14 * 60);
/// How many event ids are remembered to drop redeliveries.
const SEEN_CAPACITY: usize = 20_000;
/// Discord returns at most 100 messages per page; a long absence is read
/// back up to this many pages per channel.
const BACKFILL_PAGES: usize = 50;
/// How often the Scheduled Events mirror looks for changes made elsewhere
/// (on another platform, or by the digest's clock moving on).
const MIRROR_EVERY: Duration = Duration::from_secs(30);
/// Discord's longest timeout is 28 days.
const MAX_TIMEOUT_MINUTES: u32 = 28 * 24 * 60;

/// How to reach Discord.
#[derive(Clone)]
pub struct DiscordSettings {
    pub token: String,
    /// Discord's API (default `https://discord.com`); the test server's in
    /// tests. The gateway address is asked from it.
    pub api_url: Option<String>,
    /// Members with a role of this name are admins too.
    pub admin_role: Option<String>,
    /// The channel ids the config names: read back after an absence.
    pub channels: Vec<String>,
    /// Mirror approved events into the guilds' Scheduled Events.
    pub scheduled_events: Option<EventMirror>,
}

impl std::fmt::Debug for DiscordSettings {
    // The token never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiscordSettings")
            .field("api_url", &self.api_url)
            .field("admin_role", &self.admin_role)
            .field("channels", &self.channels)
            .field("scheduled_events", &self.scheduled_events.is_some())
            .finish_non_exhaustive()
    }
}

/// A guild's owner and roles (name, permission bits).
#[derive(Debug, Clone, Default)]
struct GuildInfo {
    owner: u64,
    roles: HashMap<u64, (String, u64)>,
}

/// An interaction still waiting for (more of) its answer.
#[derive(Debug, Clone)]
struct OpenInteraction {
    token: String,
    at: Instant,
    answered: bool,
    /// The message the first answer became; later parts reply to it.
    original: Option<u64>,
}

/// What the adapter learned from events and REST answers.
#[derive(Debug, Default)]
struct Knowledge {
    /// Channel → its guild (None for private chats).
    guild_of: HashMap<u64, Option<u64>>,
    /// Thread → the channel it belongs to.
    parent_of: HashMap<u64, u64>,
    guilds: HashMap<u64, (Instant, GuildInfo)>,
    /// (guild, user) → role ids.
    member_roles: HashMap<(u64, u64), (Instant, Vec<u64>)>,
    /// (channel, user) → permissions Discord computed for an interaction
    /// there (channel overwrites included).
    interaction_rights: HashMap<(u64, u64), (Instant, u64)>,
    interactions: HashMap<String, OpenInteraction>,
}

/// Recently seen event keys, to drop redeliveries (a resumed session
/// replaying, a backfill overlapping the live stream).
#[derive(Debug, Default)]
struct Seen {
    keys: HashSet<String>,
    order: VecDeque<String>,
}

impl Seen {
    /// True the first time `key` is seen.
    fn first(&mut self, key: String) -> bool {
        if !self.keys.insert(key.clone()) {
            return false;
        }
        self.order.push_back(key);
        if self.order.len() > SEEN_CAPACITY
            && let Some(old) = self.order.pop_front()
        {
            self.keys.remove(&old);
        }
        true
    }
}

/// One configured channel's messages between the gateway and the core.
#[derive(Debug, Default)]
struct ChannelProgress {
    /// Handed to the core, not yet finished.
    open: BTreeSet<u64>,
    /// The highest finished id.
    done: u64,
    /// What is saved: every message up to here is finished.
    saved: u64,
}

fn cursor_name(channel: u64) -> String {
    format!("discord:after:{channel}")
}

pub struct DiscordAdapter {
    /// Whether the platform answers (for `/healthz`).
    link: vores_bot::adapter::LinkState,
    rest: Rest,
    token: String,
    /// Discord's API, or a test server's (for the gateway thread's own
    /// REST client, and for where serenity asks for the gateway).
    api: String,
    bot_id: u64,
    bot_name: String,
    application_id: u64,
    cursors: Arc<dyn Cursors>,
    admin_role: Option<String>,
    channels: Vec<u64>,
    knowledge: Mutex<Knowledge>,
    seen: Mutex<Seen>,
    progress: Mutex<HashMap<u64, ChannelProgress>>,
    mirror: Option<EventMirror>,
    acknowledged: Arc<Acknowledged>,
    /// Wakes the mirror when something was handled here.
    mirror_nudge: tokio::sync::Notify,
    /// When the bot first started on this database, as a Discord snowflake:
    /// a channel without a cursor answers what was posted after it.
    first_started: u64,
}

/// Discord's epoch (2015-01-01) in Unix milliseconds.
const DISCORD_EPOCH_MS: i64 = 1_420_070_400_000;

/// The cursor that remembers when the bot first started here.
const FIRST_START_CURSOR: &str = "discord:first-start";

/// When the bot first started on this database (now, the first time; kept
/// at once): "a first start answers nothing said before it" must mean the
/// first start, not whichever start first got as far as saving a channel's
/// cursor — a process killed while starting would otherwise move the line
/// and take messages posted meanwhile for old history.
async fn first_start(cursors: &dyn Cursors) -> u64 {
    match cursors.cursor(FIRST_START_CURSOR).await {
        Ok(Some(saved)) => {
            if let Ok(at) = saved.parse() {
                return at;
            }
        }
        Ok(None) => {}
        Err(e) => warn!(error = %e, "could not read when the bot first started; counting from now"),
    }
    let now = snowflake_at(Utc::now());
    if let Err(e) = cursors
        .set_cursor(FIRST_START_CURSOR, &now.to_string(), Utc::now())
        .await
    {
        warn!(error = %e, "could not note when the bot first started");
    }
    now
}

/// The smallest snowflake of an instant: every message posted at or after
/// it has a greater or equal id.
fn snowflake_at(at: chrono::DateTime<Utc>) -> u64 {
    let ms = (at.timestamp_millis() - DISCORD_EPOCH_MS).max(0);
    (ms as u64) << 22
}

pub(crate) fn id_of(value: &Value) -> Option<u64> {
    match value {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

fn parse_id(text: &str, what: &str) -> Result<u64, AdapterError> {
    text.parse().map_err(|_| AdapterError::Refused {
        platform: Platform::Discord,
        detail: format!("{text:?} is not a Discord {what} id"),
    })
}

/// A stable nonce (Discord allows 25 characters) for an idempotency key:
/// FNV-1a, so it stays the same across restarts and Rust versions.
fn nonce(key: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("v{hash:016x}")
}

/// Buttons as Discord components: rows of up to five, `custom_id` at most
/// 100 characters, labels at most 80.
fn components(buttons: &[vores_bot::render::Button]) -> Value {
    Value::Array(
        buttons
            .chunks(5)
            .map(|row| {
                json!({
                    "type": 1,
                    "components": row.iter().map(|b| {
                        let style = if b.data.starts_with("approve") || b.data.starts_with("confirm") {
                            3 // green
                        } else if b.data.starts_with("reject") || b.data.starts_with("cancel") {
                            4 // red
                        } else {
                            2 // grey
                        };
                        json!({
                            "type": 2,
                            "style": style,
                            "label": b.label.chars().take(80).collect::<String>(),
                            "custom_id": b.data.chars().take(100).collect::<String>(),
                        })
                    }).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

fn author_of(user: &User) -> Author {
    Author {
        user: UserRef {
            platform: Platform::Discord,
            id: user.id.get().to_string(),
        },
        display_name: user
            .global_name
            .clone()
            .unwrap_or_else(|| user.name.clone()),
        is_bot: user.bot,
    }
}

fn timestamp(t: &serenity::all::Timestamp) -> DateTime<Utc> {
    DateTime::from_timestamp(t.unix_timestamp(), 0).unwrap_or_else(Utc::now)
}

/// Forwards serenity's events, in the order serenity hands them over, to
/// the adapter's loop (serenity itself must never wait on the core).
/// Interactions also get their acknowledgement here, on the gateway's
/// thread, the moment they arrive: Discord allows 3 seconds, and the
/// adapter's loop may be busy reading channels back or waiting for the core.
struct Forward {
    events: mpsc::UnboundedSender<Event>,
    /// A client of its own, used only on the gateway's runtime.
    rest: Rest,
    acknowledged: Arc<Acknowledged>,
}

#[async_trait]
impl RawEventHandler for Forward {
    async fn raw_event(&self, _ctx: Context, event: Event) {
        // Kind 5 shows "thinking…" until the answer replaces it; kind 6
        // acknowledges a button press without touching its message (the
        // core's answer follows as a message of its own).
        let defer = match &event {
            Event::InteractionCreate(e) => match &e.interaction {
                Interaction::Command(c) => Some((c.id.get(), c.token.clone(), 5)),
                Interaction::Component(c) => Some((c.id.get(), c.token.clone(), 6)),
                _ => None,
            },
            _ => None,
        };
        // Handed on first, in order (this runs before any await).
        let _ = self.events.send(event);
        let Some((id, token, kind)) = defer else {
            return;
        };
        let callback = format!("/interactions/{id}/{token}/callback");
        match self.rest.post(&callback, &json!({ "type": kind })).await {
            Ok(_) => {}
            // A replayed event (resume) was acknowledged the first time.
            Err(e) if e.code == Some(40060) => debug!("interaction already acknowledged"),
            Err(e) => warn!(error = %e, "could not acknowledge an interaction"),
        }
        self.acknowledged.mark(id);
    }
}

/// Interactions whose acknowledgement is done (or failed), so the answer,
/// which edits the acknowledgement, is not sent before it.
#[derive(Default)]
struct Acknowledged {
    done: Mutex<HashSet<u64>>,
    changed: tokio::sync::Notify,
}

impl Acknowledged {
    fn mark(&self, id: u64) {
        {
            let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
            if done.len() > SEEN_CAPACITY {
                done.clear(); // Old ones were answered long ago.
            }
            done.insert(id);
        }
        self.changed.notify_waiters();
    }

    /// Waits (a few seconds at most) until `id` was acknowledged.
    async fn wait_for(&self, id: u64) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        loop {
            let changed = self.changed.notified();
            if self
                .done
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(&id)
            {
                return;
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                return;
            }
        }
    }
}

impl DiscordAdapter {
    /// The private chat with `user` (Discord opens it, or gives the one
    /// that exists).
    async fn private_channel(&self, user: &UserRef) -> Result<u64, AdapterError> {
        let dm = self
            .rest
            .post("/users/@me/channels", &json!({ "recipient_id": user.id }))
            .await
            .map_err(|e| e.into_adapter_error("opening a private chat"))?;
        id_of(&dm["id"]).ok_or_else(|| AdapterError::Other {
            platform: Platform::Discord,
            detail: "Discord's private chat has no id".into(),
        })
    }

    /// Checks the token (failing with what to do), registers the slash
    /// commands and looks at the configured channels.
    pub async fn connect(
        settings: DiscordSettings,
        cursors: Arc<dyn Cursors>,
    ) -> Result<Self, AdapterError> {
        let cursors_for_start = cursors.clone();
        let api = settings
            .api_url
            .clone()
            .unwrap_or_else(|| DISCORD_API.to_string());
        let rest = Rest::new(&api, &settings.token);
        let me = match rest.get("/users/@me").await {
            Ok(me) => me,
            Err(e) if e.status == Some(reqwest::StatusCode::UNAUTHORIZED) => {
                return Err(AdapterError::Refused {
                    platform: Platform::Discord,
                    detail: "Discord does not accept the bot token; copy it again from the developer portal (your application → Bot → Reset Token) into VORES_DISCORD_TOKEN or the token file".into(),
                });
            }
            Err(e) => {
                return Err(AdapterError::Unavailable {
                    platform: Platform::Discord,
                    detail: format!(
                        "cannot reach Discord at {api} ({e}); check the network and `discord.api_url`"
                    ),
                });
            }
        };
        let bot_id = id_of(&me["id"]).ok_or_else(|| AdapterError::Other {
            platform: Platform::Discord,
            detail: "Discord's /users/@me has no id".into(),
        })?;
        let application_id = match rest.get("/applications/@me").await {
            Ok(app) => id_of(&app["id"]).unwrap_or(bot_id),
            Err(e) => {
                warn!(error = %e, "could not read the application; assuming its id is the bot's");
                bot_id
            }
        };
        let adapter = DiscordAdapter {
            link: vores_bot::adapter::LinkState::default(),
            rest,
            api,
            token: settings.token,
            bot_id,
            bot_name: me["username"].as_str().unwrap_or("vores").to_string(),
            application_id,
            cursors,
            admin_role: settings.admin_role,
            channels: settings
                .channels
                .iter()
                .filter_map(|c| c.parse().ok())
                .collect(),
            knowledge: Mutex::new(Knowledge::default()),
            seen: Mutex::new(Seen::default()),
            progress: Mutex::new(HashMap::new()),
            mirror: settings.scheduled_events,
            acknowledged: Arc::new(Acknowledged::default()),
            first_started: first_start(cursors_for_start.as_ref()).await,
            mirror_nudge: tokio::sync::Notify::new(),
        };
        if let Err(e) = adapter
            .rest
            .call(
                Method::PUT,
                &format!("/applications/{application_id}/commands"),
                Some(&commands::registration()),
                None,
            )
            .await
        {
            warn!(error = %e, "could not register the slash commands; residents can still write /commands as text or mention the bot");
        }
        for &channel in &adapter.channels {
            if let Err(e) = adapter.guild_of(channel).await {
                warn!(channel, error = %e, "the bot cannot see this configured channel; invite it to the server with the View Channel, Send Messages and Read Message History permissions");
            }
        }
        info!(bot = %adapter.bot_name, "connected to Discord");
        Ok(adapter)
    }

    /// Keeps the Scheduled Events mirror up to date: after something was
    /// handled here, and every `MIRROR_EVERY` for changes made elsewhere.
    async fn mirror_loop(&self) {
        let Some(mirror) = &self.mirror else {
            return std::future::pending().await;
        };
        loop {
            tokio::select! {
                () = tokio::time::sleep(MIRROR_EVERY) => {}
                () = self.mirror_nudge.notified() => {
                    // A burst of handled messages settles into one pass.
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
            }
            self.mirror_events(mirror).await;
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Knowledge> {
        self.knowledge.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The guild a channel belongs to (None for a private chat), learned
    /// from events or asked once.
    async fn guild_of(&self, channel: u64) -> Result<Option<u64>, AdapterError> {
        if let Some(guild) = self.lock().guild_of.get(&channel) {
            return Ok(*guild);
        }
        let info = self
            .rest
            .get(&format!("/channels/{channel}"))
            .await
            .map_err(|e| e.into_adapter_error("reading the channel"))?;
        let guild = id_of(&info["guild_id"]);
        let mut knowledge = self.lock();
        knowledge.guild_of.insert(channel, guild);
        // Thread types (public, private, announcement) belong to a parent.
        if matches!(info["type"].as_u64(), Some(10..=12))
            && let Some(parent) = id_of(&info["parent_id"])
        {
            knowledge.parent_of.insert(channel, parent);
        }
        Ok(guild)
    }

    /// The conversation and thread of a message in `channel`: a thread's
    /// messages belong to the channel the thread is in.
    fn place(&self, channel: u64) -> (ConversationRef, Option<String>) {
        let parent = self.lock().parent_of.get(&channel).copied();
        match parent {
            Some(parent) => (
                ConversationRef {
                    platform: Platform::Discord,
                    id: parent.to_string(),
                },
                Some(channel.to_string()),
            ),
            None => (
                ConversationRef {
                    platform: Platform::Discord,
                    id: channel.to_string(),
                },
                None,
            ),
        }
    }

    fn learn_message(&self, message: &Message) {
        let mut knowledge = self.lock();
        knowledge
            .guild_of
            .insert(message.channel_id.get(), message.guild_id.map(|g| g.get()));
        if let (Some(guild), Some(member)) = (message.guild_id, &message.member) {
            knowledge.member_roles.insert(
                (guild.get(), message.author.id.get()),
                (
                    Instant::now(),
                    member.roles.iter().map(|r| r.get()).collect(),
                ),
            );
        }
    }

    /// The bot's mention taken out, and whether there was one.
    fn without_mention(&self, text: &str) -> (String, bool) {
        let mut cleaned = text.to_string();
        let mut mentioned = false;
        for form in [
            format!("<@{}>", self.bot_id),
            format!("<@!{}>", self.bot_id),
        ] {
            if cleaned.contains(&form) {
                mentioned = true;
                cleaned = cleaned.replace(&form, " ");
            }
        }
        let cleaned = cleaned
            .trim()
            .trim_start_matches([':', ','])
            .trim()
            .to_string();
        (cleaned, mentioned)
    }

    /// What the core sees of a message; None for bots (this one included)
    /// and for messages without text.
    fn inbound_message(&self, message: &Message) -> Option<InboundMessage> {
        if message.author.bot || message.author.id.get() == self.bot_id {
            return None;
        }
        // Only ordinary messages and replies: not joins, pins, boosts.
        if !matches!(u8::from(message.kind), 0 | 19) {
            return None;
        }
        self.learn_message(message);
        let (text, mentioned) = self.without_mention(&message.content);
        let attachments: Vec<Attachment> = message
            .attachments
            .iter()
            .map(|a| Attachment {
                reference: a.url.clone(),
                is_image: a
                    .content_type
                    .as_deref()
                    .is_some_and(|t| t.starts_with("image/")),
            })
            .collect();
        if text.is_empty() && attachments.is_empty() {
            return None;
        }
        let private = message.guild_id.is_none();
        let replied_to_bot = message
            .referenced_message
            .as_ref()
            .is_some_and(|r| r.author.id.get() == self.bot_id);
        let command = text.starts_with('/');
        let (conversation, thread) = self.place(message.channel_id.get());
        Some(InboundMessage {
            message: MessageRef {
                conversation: conversation.clone(),
                id: message.id.get().to_string(),
            },
            author: author_of(&message.author),
            text,
            addressed_to_bot: private || mentioned || replied_to_bot || command,
            private,
            reply_to: message
                .referenced_message
                .as_ref()
                .map(|r| MessageRef {
                    conversation: conversation.clone(),
                    id: r.id.get().to_string(),
                })
                .or_else(|| {
                    message
                        .message_reference
                        .as_ref()
                        .and_then(|r| r.message_id)
                        .map(|id| MessageRef {
                            conversation: conversation.clone(),
                            id: id.get().to_string(),
                        })
                }),
            thread,
            attachments,
            sent_at: timestamp(&message.timestamp),
        })
    }

    fn remember_interaction(
        &self,
        id: u64,
        token: &str,
        channel: u64,
        user: u64,
        rights: Option<u64>,
    ) {
        let mut knowledge = self.lock();
        knowledge
            .interactions
            .retain(|_, open| open.at.elapsed() < INTERACTION_WINDOW);
        knowledge.interactions.insert(
            id.to_string(),
            OpenInteraction {
                token: token.to_string(),
                at: Instant::now(),
                answered: false,
                original: None,
            },
        );
        if let Some(rights) = rights {
            // Admin checks ask about the conversation: a thread's parent.
            let conversation = knowledge
                .parent_of
                .get(&channel)
                .copied()
                .unwrap_or(channel);
            knowledge
                .interaction_rights
                .insert((conversation, user), (Instant::now(), rights));
        }
    }

    /// The core's events for one gateway event.
    async fn events(&self, event: Event) -> Vec<Inbound> {
        match event {
            Event::MessageCreate(e) => self
                .inbound_message(&e.message)
                .map(Inbound::Message)
                .into_iter()
                .collect(),
            Event::MessageUpdate(e) => {
                // Discord also sends an update when a link preview appears;
                // only a changed `edited_timestamp` is the member's edit.
                let (Some(author), Some(content), Some(edited)) =
                    (&e.author, &e.content, &e.edited_timestamp)
                else {
                    return Vec::new();
                };
                if author.bot || author.id.get() == self.bot_id {
                    return Vec::new();
                }
                let (conversation, _) = self.place(e.channel_id.get());
                let (text, _) = self.without_mention(content);
                vec![Inbound::Edited {
                    message: MessageRef {
                        conversation,
                        id: e.id.get().to_string(),
                    },
                    author: author_of(author),
                    new_text: text,
                    // Milliseconds: two quick edits are two edits.
                    edit_id: edited.to_string(),
                }]
            }
            Event::MessageDelete(e) => {
                let (conversation, _) = self.place(e.channel_id.get());
                vec![Inbound::Deleted {
                    message: MessageRef {
                        conversation,
                        id: e.message_id.get().to_string(),
                    },
                }]
            }
            Event::ReactionAdd(e) => self.reaction(&e.reaction, true).into_iter().collect(),
            Event::ReactionRemove(e) => self.reaction(&e.reaction, false).into_iter().collect(),
            Event::GuildMemberAdd(e) => {
                if e.member.user.bot {
                    return Vec::new();
                }
                let guild = e.member.guild_id.get();
                // A server has no single conversation: the welcome goes to
                // the first configured channel of that server.
                let Some(channel) = self
                    .channels
                    .iter()
                    .copied()
                    .find(|c| self.lock().guild_of.get(c).copied().flatten() == Some(guild))
                else {
                    return Vec::new();
                };
                vec![Inbound::MemberJoined {
                    conversation: ConversationRef {
                        platform: Platform::Discord,
                        id: channel.to_string(),
                    },
                    member: author_of(&e.member.user),
                    at: e.member.joined_at.as_ref().map_or_else(Utc::now, timestamp),
                }]
            }
            Event::InteractionCreate(e) => self.interaction(e.interaction).await,
            Event::GuildCreate(e) => {
                let guild = e.guild;
                let mut knowledge = self.lock();
                for channel in guild.channels.keys() {
                    knowledge
                        .guild_of
                        .insert(channel.get(), Some(guild.id.get()));
                }
                for thread in &guild.threads {
                    knowledge
                        .guild_of
                        .insert(thread.id.get(), Some(guild.id.get()));
                    if let Some(parent) = thread.parent_id {
                        knowledge.parent_of.insert(thread.id.get(), parent.get());
                    }
                }
                let info = GuildInfo {
                    owner: guild.owner_id.get(),
                    roles: guild
                        .roles
                        .values()
                        .map(|r| (r.id.get(), (r.name.clone(), r.permissions.bits())))
                        .collect(),
                };
                knowledge
                    .guilds
                    .insert(guild.id.get(), (Instant::now(), info));
                Vec::new()
            }
            Event::ThreadCreate(e) => {
                let thread = e.thread;
                let mut knowledge = self.lock();
                knowledge
                    .guild_of
                    .insert(thread.id.get(), Some(thread.guild_id.get()));
                if let Some(parent) = thread.parent_id {
                    knowledge.parent_of.insert(thread.id.get(), parent.get());
                }
                Vec::new()
            }
            Event::GuildRoleCreate(_) | Event::GuildRoleUpdate(_) | Event::GuildRoleDelete(_) => {
                // Asked afresh on the next admin check.
                self.lock().guilds.clear();
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn reaction(&self, reaction: &serenity::all::Reaction, added: bool) -> Option<Inbound> {
        let user = reaction.user_id?;
        if user.get() == self.bot_id {
            return None;
        }
        if reaction.member.as_ref().is_some_and(|m| m.user.bot) {
            return None;
        }
        let ReactionType::Unicode(emoji) = &reaction.emoji else {
            return None; // A server's own emoji means nothing to the core.
        };
        let (conversation, _) = self.place(reaction.channel_id.get());
        Some(Inbound::Reaction {
            message: MessageRef {
                conversation,
                id: reaction.message_id.get().to_string(),
            },
            author: Author {
                user: UserRef {
                    platform: Platform::Discord,
                    id: user.get().to_string(),
                },
                display_name: reaction
                    .member
                    .as_ref()
                    .map(|m| m.display_name().to_string())
                    .unwrap_or_default(),
                is_bot: false,
            },
            emoji: emoji.clone(),
            added,
        })
    }

    async fn interaction(&self, interaction: Interaction) -> Vec<Inbound> {
        match interaction {
            Interaction::Command(command) => {
                let channel = command.channel_id.get();
                let Some(user) = self.admit_interaction(
                    command.id.get(),
                    &command.token,
                    channel,
                    command.guild_id,
                    command.member.as_deref(),
                    &command.user,
                ) else {
                    return Vec::new();
                };
                let text: Vec<String> = command
                    .data
                    .options
                    .iter()
                    .filter_map(|o| match &o.value {
                        CommandDataOptionValue::String(s) => Some(s.clone()),
                        CommandDataOptionValue::Integer(n) => Some(n.to_string()),
                        _ => None,
                    })
                    .collect();
                let (conversation, thread) = self.place(channel);
                vec![Inbound::Message(InboundMessage {
                    message: MessageRef {
                        conversation,
                        id: command.id.get().to_string(),
                    },
                    author: author_of(&user),
                    text: commands::as_text(&command.data.name, &text.join(" "), &command.locale),
                    addressed_to_bot: true,
                    private: command.guild_id.is_none(),
                    reply_to: None,
                    thread,
                    attachments: Vec::new(),
                    sent_at: Utc::now(),
                })]
            }
            Interaction::Component(press) => {
                let channel = press.channel_id.get();
                let Some(user) = self.admit_interaction(
                    press.id.get(),
                    &press.token,
                    channel,
                    press.guild_id,
                    press.member.as_ref(),
                    &press.user,
                ) else {
                    return Vec::new();
                };
                let (conversation, _) = self.place(channel);
                vec![Inbound::Button {
                    message: MessageRef {
                        conversation,
                        id: press.message.id.get().to_string(),
                    },
                    author: author_of(&user),
                    data: press.data.custom_id.clone(),
                    press_id: press.id.get().to_string(),
                }]
            }
            _ => Vec::new(),
        }
    }

    /// Takes note of an interaction (its token for the answer, the rights
    /// Discord computed for the member, the guild of its channel) and says
    /// who used it; None for bots. A replayed one is dropped with the rest
    /// in `deliver`, by its id.
    fn admit_interaction(
        &self,
        id: u64,
        token: &str,
        channel: u64,
        guild: Option<serenity::all::GuildId>,
        member: Option<&serenity::all::Member>,
        user: &User,
    ) -> Option<User> {
        let user = member.map_or(user, |m| &m.user).clone();
        if user.bot {
            return None;
        }
        if let Some(guild) = guild {
            self.lock().guild_of.insert(channel, Some(guild.get()));
        }
        let rights = member.and_then(|m| m.permissions).map(|p| p.bits());
        self.remember_interaction(id, token, channel, user.id.get(), rights);
        Some(user)
    }

    fn seen_first(&self, key: String) -> bool {
        self.seen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .first(key)
    }

    /// Hands events to the core, dropping ones already handed over and
    /// tracking configured channels' messages until they are finished.
    async fn deliver(&self, events: Vec<Inbound>, inbound: &mpsc::Sender<Inbound>) -> bool {
        for event in events {
            if !self.seen_first(event.source_key()) {
                debug!(key = %event.source_key(), "already handed over; dropped");
                continue;
            }
            if let Some(channel) = self.tracked_channel(&event) {
                let mut progress = self.progress.lock().unwrap_or_else(|e| e.into_inner());
                progress
                    .entry(channel.0)
                    .or_default()
                    .open
                    .insert(channel.1);
            }
            if inbound.send(event).await.is_err() {
                return false;
            }
        }
        true
    }

    /// (channel or thread, message) for a message in a configured channel
    /// or one of its threads: what the per-channel cursors follow.
    fn tracked_channel(&self, event: &Inbound) -> Option<(u64, u64)> {
        let Inbound::Message(m) = event else {
            return None;
        };
        if self.lock().interactions.contains_key(&m.message.id) {
            return None;
        }
        let channel: u64 = m.message.conversation.id.parse().ok()?;
        if !self.channels.contains(&channel) {
            return None;
        }
        // A thread has a cursor of its own.
        let followed = match &m.thread {
            Some(thread) => thread.parse().ok()?,
            None => channel,
        };
        Some((followed, m.message.id.parse().ok()?))
    }

    /// After a new gateway session: each configured channel, and each
    /// active thread in one, is read from the last finished message on, so
    /// nothing posted meanwhile is lost.
    async fn backfill(&self, inbound: &mpsc::Sender<Inbound>) -> bool {
        // Where each channel was left: a thread without a cursor of its own
        // is new to us from there on.
        let mut left_at = HashMap::new();
        for &channel in &self.channels {
            let saved = self.saved_cursor(channel).await;
            left_at.insert(channel, saved.flatten());
            if !self.read_back(channel, saved, None, inbound).await {
                return false;
            }
        }
        for (thread, parent) in self.active_threads().await {
            let saved = self.saved_cursor(thread).await;
            // A thread started while we were away holds its first message
            // under its own id (forum posts), so it is read from just
            // before that; a first start reads nothing back.
            let start = left_at
                .get(&parent)
                .copied()
                .flatten()
                .map(|left| left.max(thread.saturating_sub(1)));
            if !self.read_back(thread, saved, start, inbound).await {
                return false;
            }
        }
        true
    }

    /// The saved cursor of a channel or thread: `None` if the store could
    /// not be read, `Some(None)` if there is none yet.
    async fn saved_cursor(&self, channel: u64) -> Option<Option<u64>> {
        match self.cursors.cursor(&cursor_name(channel)).await {
            Ok(saved) => Some(saved.and_then(|s| s.parse::<u64>().ok())),
            Err(e) => {
                warn!(channel, error = %e, "could not read where this channel was left; not reading it back");
                None
            }
        }
    }

    /// The active threads whose channel is configured (learnt on the way),
    /// as (thread, channel).
    async fn active_threads(&self) -> Vec<(u64, u64)> {
        let mut guilds = BTreeSet::new();
        for &channel in &self.channels {
            if let Ok(Some(guild)) = self.guild_of(channel).await {
                guilds.insert(guild);
            }
        }
        let mut threads = Vec::new();
        for guild in guilds {
            let listed = match self
                .rest
                .get(&format!("/guilds/{guild}/threads/active"))
                .await
            {
                Ok(listed) => listed,
                Err(e) => {
                    warn!(guild, error = %e, "could not list the server's threads; messages posted in threads while the bot was away are not read back");
                    continue;
                }
            };
            let mut knowledge = self.lock();
            for thread in listed["threads"].as_array().into_iter().flatten() {
                let (Some(id), Some(parent)) = (id_of(&thread["id"]), id_of(&thread["parent_id"]))
                else {
                    continue;
                };
                knowledge.guild_of.insert(id, Some(guild));
                knowledge.parent_of.insert(id, parent);
                if self.channels.contains(&parent) {
                    threads.push((id, parent));
                }
            }
        }
        threads
    }

    /// Reads a channel (or thread) back from its cursor — or from
    /// `start_if_new` when it has none; with neither, only notes where it
    /// stands now, since a first start answers nothing said before it.
    /// `saved` is `None` when the cursor could not be read: then nothing.
    async fn read_back(
        &self,
        channel: u64,
        saved: Option<Option<u64>>,
        start_if_new: Option<u64>,
        inbound: &mpsc::Sender<Inbound>,
    ) -> bool {
        let Some(saved) = saved else {
            return true;
        };
        let mut after = match saved.or(start_if_new) {
            Some(after) => after,
            // A first start answers nothing said before it, but whatever
            // was posted since the bot first started here is new: a message
            // sent in its first seconds (and a kill before it was handled)
            // must not be taken for old history.
            None => match self
                .rest
                .get(&format!("/channels/{channel}/messages?limit=1"))
                .await
            {
                Ok(latest) => {
                    let newest = latest
                        .as_array()
                        .and_then(|a| a.iter().filter_map(|m| id_of(&m["id"])).max())
                        .unwrap_or(0);
                    if newest >= self.first_started {
                        // Kept at once: a kill before those are handled
                        // must find them again at the next start.
                        let start = self.first_started - 1;
                        self.save_cursor(channel, start).await;
                        start
                    } else {
                        self.save_cursor(channel, newest).await;
                        let mut progress = self.progress.lock().unwrap_or_else(|e| e.into_inner());
                        let p = progress.entry(channel).or_default();
                        p.done = p.done.max(newest);
                        p.saved = p.saved.max(newest);
                        return true;
                    }
                }
                Err(e) => {
                    warn!(channel, error = %e, "could not read the channel's latest message");
                    return true;
                }
            },
        };
        {
            let mut progress = self.progress.lock().unwrap_or_else(|e| e.into_inner());
            let p = progress.entry(channel).or_default();
            p.done = p.done.max(after);
            p.saved = p.saved.max(after);
        }
        let mut read = 0usize;
        for _ in 0..BACKFILL_PAGES {
            let page = match self
                .rest
                .get(&format!(
                    "/channels/{channel}/messages?after={after}&limit=100"
                ))
                .await
            {
                Ok(page) => page,
                Err(e) => {
                    warn!(channel, error = %e, "could not read back the channel; what was posted while the bot was away waits for the next reconnect");
                    break;
                }
            };
            let mut messages: Vec<Message> = page
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|m| serde_json::from_value(m.clone()).ok())
                .collect();
            messages.sort_by_key(|m| m.id.get());
            let full = messages.len() >= 100;
            let Some(last) = messages.last().map(|m| m.id.get()) else {
                break;
            };
            read += messages.len();
            // REST messages do not say their guild; the channel's is known.
            let guild = self.lock().guild_of.get(&channel).copied().flatten();
            let events: Vec<Inbound> = messages
                .iter_mut()
                .filter_map(|message| {
                    message.guild_id = message.guild_id.or(guild.map(Into::into));
                    self.inbound_message(message).map(Inbound::Message)
                })
                .collect();
            // Messages the core will not see (bots, joins) count as
            // finished at once.
            {
                let mut progress = self.progress.lock().unwrap_or_else(|e| e.into_inner());
                let p = progress.entry(channel).or_default();
                p.done = p.done.max(last);
            }
            if !self.deliver(events, inbound).await {
                return false;
            }
            self.advance(channel).await;
            after = last;
            if !full {
                break;
            }
        }
        if read > 0 {
            info!(
                channel,
                read, "read back messages posted while the bot was away"
            );
        }
        true
    }

    async fn save_cursor(&self, channel: u64, id: u64) {
        if let Err(e) = self
            .cursors
            .set_cursor(&cursor_name(channel), &id.to_string(), Utc::now())
            .await
        {
            warn!(channel, error = %e, "could not save where the channel was read to; a restart reads a little again (recognised)");
        }
    }

    /// Saves a channel's cursor when every message up to a later id is finished.
    async fn advance(&self, channel: u64) {
        let to_save = {
            let mut progress = self.progress.lock().unwrap_or_else(|e| e.into_inner());
            let p = progress.entry(channel).or_default();
            let safe = match p.open.first() {
                Some(&oldest_open) => p.done.min(oldest_open.saturating_sub(1)),
                None => p.done,
            };
            (safe > p.saved).then(|| {
                p.saved = safe;
                safe
            })
        };
        if let Some(id) = to_save {
            self.save_cursor(channel, id).await;
        }
    }

    /// The guild's owner and roles, asked at most once a minute.
    async fn guild_info(&self, guild: u64) -> Result<GuildInfo, AdapterError> {
        if let Some((at, info)) = self.lock().guilds.get(&guild)
            && at.elapsed() < RIGHTS_CACHE
        {
            return Ok(info.clone());
        }
        let g = self
            .rest
            .get(&format!("/guilds/{guild}"))
            .await
            .map_err(|e| e.into_adapter_error("reading the server"))?;
        let info = GuildInfo {
            owner: id_of(&g["owner_id"]).unwrap_or(0),
            roles: g["roles"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| {
                    Some((
                        id_of(&r["id"])?,
                        (
                            r["name"].as_str().unwrap_or_default().to_string(),
                            id_of(&r["permissions"]).unwrap_or(0),
                        ),
                    ))
                })
                .collect(),
        };
        self.lock()
            .guilds
            .insert(guild, (Instant::now(), info.clone()));
        Ok(info)
    }

    async fn member_roles(&self, guild: u64, user: u64) -> Result<Vec<u64>, AdapterError> {
        if let Some((at, roles)) = self.lock().member_roles.get(&(guild, user))
            && at.elapsed() < RIGHTS_CACHE
        {
            return Ok(roles.clone());
        }
        let member = match self
            .rest
            .get(&format!("/guilds/{guild}/members/{user}"))
            .await
        {
            Ok(member) => member,
            Err(e) if e.is_not_found() => return Ok(Vec::new()), // Not a member.
            Err(e) => return Err(e.into_adapter_error("reading the member")),
        };
        let roles: Vec<u64> = member["roles"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(id_of)
            .collect();
        self.lock()
            .member_roles
            .insert((guild, user), (Instant::now(), roles.clone()));
        Ok(roles)
    }

    /// The channel a message goes to: the thread if there is one.
    fn target(message: &Outgoing) -> Result<u64, AdapterError> {
        parse_id(
            message
                .thread
                .as_deref()
                .unwrap_or(&message.conversation.id),
            "channel",
        )
    }

    /// An answer to a slash command goes into the command's own response
    /// while its token is valid: (token, whether this is the first part,
    /// the message the first part became).
    fn open_interaction(
        &self,
        reply_to: &Option<MessageRef>,
    ) -> Option<(String, bool, Option<u64>)> {
        let reply_to = reply_to.as_ref()?;
        let mut knowledge = self.lock();
        let open = knowledge.interactions.get_mut(&reply_to.id)?;
        if open.at.elapsed() >= INTERACTION_WINDOW {
            return None;
        }
        let first = !open.answered;
        open.answered = true;
        Some((open.token.clone(), first, open.original))
    }

    async fn send_to_channel(&self, channel: u64, body: Value) -> Result<u64, AdapterError> {
        let sent = self
            .rest
            .post(&format!("/channels/{channel}/messages"), &body)
            .await
            .map_err(|e| e.into_adapter_error("sending a message"))?;
        id_of(&sent["id"]).ok_or_else(|| AdapterError::Other {
            platform: Platform::Discord,
            detail: "Discord's answer to a sent message has no id".into(),
        })
    }
}

#[async_trait]
impl Adapter for DiscordAdapter {
    fn link(&self) -> Option<vores_bot::adapter::Link> {
        Some(self.link.get())
    }

    fn platform(&self) -> Platform {
        Platform::Discord
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            max_message_len: 2000,
            length_unit: LengthUnit::Chars,
            format: TextFormat::Markdown,
            threads: true,
            reactions: true,
            edits: true,
            deletes: true,
        }
    }

    async fn run(
        &self,
        inbound: mpsc::Sender<Inbound>,
        shutdown: CancellationToken,
    ) -> Result<(), AdapterError> {
        // Privileged: message content (the guidelines read every message)
        // and members (welcomes). Discord closes with 4014 when they are
        // not switched on for the application.
        let intents = GatewayIntents::GUILDS
            | GatewayIntents::GUILD_MESSAGES
            | GatewayIntents::GUILD_MESSAGE_REACTIONS
            | GatewayIntents::DIRECT_MESSAGES
            | GatewayIntents::DIRECT_MESSAGE_REACTIONS
            | GatewayIntents::MESSAGE_CONTENT
            | GatewayIntents::GUILD_MEMBERS;
        let http = if self.api == DISCORD_API {
            HttpBuilder::new(&self.token).build()
        } else {
            // serenity's limiter would send to discord.com whatever the
            // proxy; our own requests are paced in `rest`, and serenity
            // only asks this server for the gateway's address.
            HttpBuilder::new(&self.token)
                .proxy(self.api.trim_end_matches('/'))
                .ratelimiter_disabled(true)
                .build()
        };
        let (forward, mut events) = mpsc::unbounded_channel();
        let forward = Forward {
            events: forward,
            rest: Rest::new(&self.api, &self.token),
            acknowledged: self.acknowledged.clone(),
        };
        let (shards, mut gateway) = start_gateway(http, intents, forward).await?;
        let serve = async {
            loop {
                tokio::select! {
                    event = events.recv() => {
                        let Some(event) = event else {
                            return Err(gateway_error((&mut gateway).await));
                        };
                        match event {
                            Event::Ready(ready) => {
                                info!(session = %ready.ready.session_id, "Discord gateway session started");
                                self.link.works();
                                if !self.backfill(&inbound).await {
                                    shards.shutdown_all().await;
                                    return Ok(());
                                }
                                self.mirror_nudge.notify_one();
                            }
                            Event::Resumed(_) => {
                                info!("Discord gateway session resumed");
                                self.link.works();
                            }
                            other => {
                                let out = self.events(other).await;
                                if !self.deliver(out, &inbound).await {
                                    shards.shutdown_all().await;
                                    return Ok(());
                                }
                            }
                        }
                    }
                    ended = &mut gateway => {
                        return Err(gateway_error(ended));
                    }
                    () = shutdown.cancelled() => {
                        shards.shutdown_all().await;
                        return Ok(());
                    }
                }
            }
        };
        // The mirror runs beside the gateway in this task; it never ends.
        tokio::select! {
            result = serve => result,
            () = self.mirror_loop() => Ok(()),
        }
    }

    async fn acknowledge(&self, event: &Inbound) {
        if self.mirror.is_some() && matches!(event, Inbound::Message(_) | Inbound::Button { .. }) {
            // It may have approved, corrected or withdrawn an event.
            self.mirror_nudge.notify_one();
        }
        if let Some((channel, id)) = self.tracked_channel(event) {
            {
                let mut progress = self.progress.lock().unwrap_or_else(|e| e.into_inner());
                let p = progress.entry(channel).or_default();
                p.open.remove(&id);
                p.done = p.done.max(id);
            }
            self.advance(channel).await;
        }
    }

    async fn send(&self, message: Outgoing) -> Result<MessageRef, AdapterError> {
        let mut body = json!({
            "content": message.text,
            // Never ping anyone by accident (a resident's "@everyone").
            "allowed_mentions": { "parse": [] },
        });
        if !message.buttons.is_empty() {
            body["components"] = components(&message.buttons);
        }
        // The first answer to a slash command fills in its response (an
        // edit, so a retry cannot double it); a further answer to it goes to
        // the channel as a reply to that, and later parts of an answer go to
        // the channel too, where the nonce protects them.
        let mut reply_to_answer = None;
        if let Some((token, first, original)) = self.open_interaction(&message.reply_to) {
            let interaction = message.reply_to.as_ref().map(|r| r.id.clone());
            if first {
                if let Some(id) = interaction.as_deref().and_then(|id| id.parse().ok()) {
                    // The answer edits the acknowledgement: that must exist.
                    self.acknowledged.wait_for(id).await;
                }
                let app = self.application_id;
                match self
                    .rest
                    .patch(
                        &format!("/webhooks/{app}/{token}/messages/@original"),
                        &body,
                    )
                    .await
                {
                    Ok(sent) => {
                        if let Some(id) = id_of(&sent["id"]) {
                            if let Some(interaction) = &interaction
                                && let Some(open) = self.lock().interactions.get_mut(interaction)
                            {
                                open.original = Some(id);
                            }
                            return Ok(MessageRef {
                                conversation: message.conversation,
                                id: id.to_string(),
                            });
                        }
                    }
                    // The token ran out or Discord lost the interaction: the
                    // answer goes to the channel instead.
                    Err(e) => {
                        warn!(error = %e, "could not answer the slash command in place; posting in the channel")
                    }
                }
            } else {
                reply_to_answer = original;
            }
        }
        let channel = Self::target(&message)?;
        if let Some(key) = &message.idempotency_key {
            body["nonce"] = json!(nonce(key));
            body["enforce_nonce"] = json!(true);
        }
        let reply_to = reply_to_answer.map(|id| id.to_string()).or_else(|| {
            message
                .reply_to
                .as_ref()
                .filter(|r| r.id.parse::<u64>().is_ok())
                .filter(|r| !self.lock().interactions.contains_key(&r.id))
                .map(|r| r.id.clone())
        });
        if let Some(reply_to) = reply_to {
            body["message_reference"] = json!({
                "message_id": reply_to,
                "fail_if_not_exists": false,
            });
        }
        let id = self.send_to_channel(channel, body).await?;
        Ok(MessageRef {
            conversation: message.conversation,
            id: id.to_string(),
        })
    }

    async fn edit(&self, message: &MessageRef, text: &str) -> Result<(), AdapterError> {
        let channel = parse_id(&message.conversation.id, "channel")?;
        self.rest
            .patch(
                &format!("/channels/{channel}/messages/{}", message.id),
                &json!({ "content": text, "allowed_mentions": { "parse": [] } }),
            )
            .await
            .map(|_| ())
            .map_err(|e| e.into_adapter_error("editing a message"))
    }

    async fn delete(&self, message: &MessageRef) -> Result<(), AdapterError> {
        let channel = parse_id(&message.conversation.id, "channel")?;
        match self
            .rest
            .call(
                Method::DELETE,
                &format!("/channels/{channel}/messages/{}", message.id),
                None,
                Some("Vores: against the group's posting guidelines"),
            )
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if e.is_not_found() => Ok(()), // Already gone.
            Err(e) if e.is_missing_permission() => Err(AdapterError::Refused {
                platform: Platform::Discord,
                detail: "the bot needs the Manage Messages permission in this channel to delete messages".into(),
            }),
            Err(e) => Err(e.into_adapter_error("deleting a message")),
        }
    }

    async fn react(&self, message: &MessageRef, emoji: &str) -> Result<(), AdapterError> {
        let channel = parse_id(&message.conversation.id, "channel")?;
        self.rest
            .call(
                Method::PUT,
                &format!(
                    "/channels/{channel}/messages/{}/reactions/{}/@me",
                    message.id,
                    rest::percent_encode(emoji)
                ),
                None,
                None,
            )
            .await
            .map(|_| ())
            .map_err(|e| e.into_adapter_error("reacting"))
    }

    /// A message with the file attached (multipart upload), in the
    /// person's private chat or the channel.
    async fn send_file(
        &self,
        conversation: &ConversationRef,
        private_to: Option<&UserRef>,
        file: &vores_bot::render::File,
    ) -> Result<(), AdapterError> {
        let channel = match private_to {
            Some(user) => self.private_channel(user).await?.to_string(),
            None => conversation.id.clone(),
        };
        let payload = json!({
            "attachments": [{ "id": 0, "filename": file.name }],
            "allowed_mentions": { "parse": [] },
        });
        let upload = rest::Upload {
            name: file.name.clone(),
            media_type: file.media_type.clone(),
            content: file.content.clone().into_bytes(),
        };
        match self
            .rest
            .post_files(
                &format!("/channels/{channel}/messages"),
                &payload,
                &[upload],
            )
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if e.cannot_dm() => Err(AdapterError::Refused {
                platform: Platform::Discord,
                detail: "the member does not accept private messages from server members".into(),
            }),
            Err(e) => Err(e.into_adapter_error("sending a file")),
        }
    }

    async fn send_private(
        &self,
        user: &UserRef,
        _conversation: &ConversationRef,
        text: &str,
        buttons: &[vores_bot::render::Button],
    ) -> Result<(), AdapterError> {
        let channel = self.private_channel(user).await?;
        match self
            .rest
            .post(&format!("/channels/{channel}/messages"), &{
                let mut body = json!({ "content": text, "allowed_mentions": { "parse": [] } });
                if !buttons.is_empty() {
                    body["components"] = components(buttons);
                }
                body
            })
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if e.cannot_dm() => Err(AdapterError::Refused {
                platform: Platform::Discord,
                detail: "the member does not accept private messages from server members".into(),
            }),
            Err(e) => Err(e.into_adapter_error("sending a private message")),
        }
    }

    async fn mute(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
        minutes: u32,
    ) -> Result<(), AdapterError> {
        let until =
            Utc::now() + chrono::Duration::minutes(i64::from(minutes.min(MAX_TIMEOUT_MINUTES)));
        self.escalate(
            conversation,
            user,
            Escalation {
                what: "mute in a private chat",
                method: Method::PATCH,
                path: "members",
                body: json!({ "communication_disabled_until": until.to_rfc3339() }),
                permission: "Moderate Members",
                doing: "timing out a member",
            },
        )
        .await
    }

    async fn ban(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
    ) -> Result<(), AdapterError> {
        self.escalate(
            conversation,
            user,
            Escalation {
                what: "ban in a private chat",
                method: Method::PUT,
                path: "bans",
                body: json!({ "delete_message_seconds": 0 }),
                permission: "Ban Members",
                doing: "banning a member",
            },
        )
        .await
    }

    async fn is_admin(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
    ) -> Result<bool, AdapterError> {
        let channel = parse_id(&conversation.id, "channel")?;
        let user_id = parse_id(&user.id, "user")?;
        let Some(guild) = self.guild_of(channel).await? else {
            return Ok(false); // A private chat has no admins.
        };
        let info = self.guild_info(guild).await?;
        if info.owner == user_id {
            return Ok(true);
        }
        // What Discord computed for an interaction includes the channel's
        // own overwrites, so it wins while fresh.
        let computed = self
            .lock()
            .interaction_rights
            .get(&(channel, user_id))
            .filter(|(at, _)| at.elapsed() < RIGHTS_CACHE)
            .map(|(_, rights)| *rights);
        let roles = self.member_roles(guild, user_id).await?;
        let rights = computed.unwrap_or_else(|| {
            // @everyone's role has the guild's id.
            std::iter::once(guild)
                .chain(roles.iter().copied())
                .filter_map(|r| info.roles.get(&r).map(|(_, bits)| *bits))
                .fold(0, |all, bits| all | bits)
        });
        if rights & (ADMINISTRATOR | MANAGE_MESSAGES) != 0 {
            return Ok(true);
        }
        Ok(self.admin_role.as_ref().is_some_and(|wanted| {
            roles.iter().any(|r| {
                info.roles
                    .get(r)
                    .is_some_and(|(name, _)| name.eq_ignore_ascii_case(wanted))
            })
        }))
    }
}

/// A timeout or a ban: `{method} /guilds/{guild}/{path}/{user}` with `body`.
struct Escalation {
    /// What cannot be done in a private chat.
    what: &'static str,
    method: Method,
    path: &'static str,
    body: Value,
    /// The permission it needs, for the admins.
    permission: &'static str,
    doing: &'static str,
}

impl DiscordAdapter {
    async fn escalate(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
        escalation: Escalation,
    ) -> Result<(), AdapterError> {
        let channel = parse_id(&conversation.id, "channel")?;
        let user_id = parse_id(&user.id, "user")?;
        let Some(guild) = self.guild_of(channel).await? else {
            return Err(AdapterError::Unsupported {
                platform: Platform::Discord,
                what: escalation.what,
            });
        };
        match self
            .rest
            .call(
                escalation.method,
                &format!("/guilds/{guild}/{}/{user_id}", escalation.path),
                Some(&escalation.body),
                Some("Vores: repeated breaches of the posting guidelines"),
            )
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if e.is_missing_permission() => Err(AdapterError::Refused {
                platform: Platform::Discord,
                detail: format!(
                    "the bot needs the {} permission (and a role above the member's)",
                    escalation.permission
                ),
            }),
            Err(e) => Err(e.into_adapter_error(escalation.doing)),
        }
    }
}

/// How the gateway thread ends: serenity's result, or a dropped sender if
/// the thread died.
type GatewayEnd = Result<Result<(), serenity::Error>, tokio::sync::oneshot::error::RecvError>;

/// Runs serenity's client on a thread of its own with a single-threaded
/// runtime. serenity hands every event to the handler in a task of its own;
/// on a single thread those tasks run first in, first out, so events reach
/// the adapter in the order Discord sent them (on the multi-threaded
/// runtime a burst, such as a RESUME replay, could come out reordered: an
/// edit before the message it edits).
async fn start_gateway(
    http: serenity::http::Http,
    intents: GatewayIntents,
    forward: Forward,
) -> Result<
    (
        Arc<serenity::gateway::ShardManager>,
        tokio::sync::oneshot::Receiver<Result<(), serenity::Error>>,
    ),
    AdapterError,
> {
    let (started_tx, started_rx) = tokio::sync::oneshot::channel();
    let (ended_tx, ended_rx) = tokio::sync::oneshot::channel();
    let failed = |detail: String| AdapterError::Other {
        platform: Platform::Discord,
        detail,
    };
    std::thread::Builder::new()
        .name("discord-gateway".into())
        .spawn(move || {
            let runtime = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(e) => {
                    let _ = started_tx.send(Err(e.to_string()));
                    return;
                }
            };
            runtime.block_on(async move {
                let built = ClientBuilder::new_with_http(http, intents)
                    .raw_event_handler(forward)
                    .await;
                let mut client = match built {
                    Ok(client) => client,
                    Err(e) => {
                        let _ = started_tx.send(Err(e.to_string()));
                        return;
                    }
                };
                let _ = started_tx.send(Ok(client.shard_manager.clone()));
                let _ = ended_tx.send(client.start().await);
            });
        })
        .map_err(|e| failed(format!("cannot start the gateway thread: {e}")))?;
    match started_rx.await {
        Ok(Ok(shards)) => Ok((shards, ended_rx)),
        Ok(Err(detail)) => Err(failed(detail)),
        Err(_) => Err(failed("the gateway thread stopped while starting".into())),
    }
}

/// Why the gateway stopped, for the operator.
fn gateway_error(ended: GatewayEnd) -> AdapterError {
    let detail = match ended {
        Ok(Err(serenity::Error::Gateway(GatewayError::InvalidAuthentication))) => {
            return AdapterError::Refused {
                platform: Platform::Discord,
                detail: "Discord closed the gateway: the bot token is not valid (4004); copy it again from the developer portal (your application → Bot → Reset Token) into VORES_DISCORD_TOKEN or the token file".into(),
            };
        }
        Ok(Err(serenity::Error::Gateway(
            GatewayError::DisallowedGatewayIntents | GatewayError::InvalidGatewayIntents,
        ))) => {
            return AdapterError::Refused {
                platform: Platform::Discord,
                detail: "Discord refused the bot's privileged intents (4014): in the developer portal, open your application → Bot → Privileged Gateway Intents and switch on MESSAGE CONTENT INTENT and SERVER MEMBERS INTENT, then start Vores again".into(),
            };
        }
        Ok(Err(e)) => e.to_string(),
        Ok(Ok(())) => "the gateway connection ended".to_string(),
        Err(_) => "the gateway thread stopped unexpectedly".to_string(),
    };
    AdapterError::Unavailable {
        platform: Platform::Discord,
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_stable_and_fit_discords_limit() {
        let a = nonce("digest:2026-W47:discord:1:0");
        assert_eq!(a, nonce("digest:2026-W47:discord:1:0"));
        assert_ne!(a, nonce("digest:2026-W47:discord:1:1"));
        assert!(a.len() <= 25);
    }

    #[test]
    fn seen_forgets_the_oldest_beyond_its_capacity() {
        let mut seen = Seen::default();
        assert!(seen.first("a".into()));
        assert!(!seen.first("a".into()));
        for i in 0..SEEN_CAPACITY {
            seen.first(i.to_string());
        }
        assert!(seen.first("a".into()));
    }
}
