//! The Matrix adapter (matrix-sdk): rooms and direct chats, threads, edits,
//! reactions, redactions, kicks and bans — in encrypted rooms too.
//!
//! Delivery: matrix-sdk keeps its own sync token, but it saves it before any
//! handler has run, so a crash mid-handler would lose the event. This adapter
//! therefore drives `/sync` itself with `sync_once` and keeps its own token in
//! the core's store (`cursors`, "matrix:since"), moved on only after the core
//! acknowledged every event of the batch. A restart re-reads the batch; the
//! core recognises events it already handled by their `event_id`. A `limited`
//! timeline (the server skipped events while the bot was away) is filled in
//! from `/messages` back to what the bot had already seen.
//!
//! Sending: each outbox part's idempotency key is the Matrix transaction id,
//! and the session (device) is kept in `store_path`, so a retry — after a
//! timeout, a Synapse restart or a bot restart — returns the first event
//! instead of posting again. matrix-sdk honours `M_LIMIT_EXCEEDED`'s
//! `retry_after` itself, keeping the transaction id.
//!
//! The first start syncs once without answering anything: the backlog from
//! before the bot existed is not its business.

use std::collections::{BTreeMap, HashSet};
use std::future::IntoFuture;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, TimeZone, Utc};
use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::config::{RequestConfig, SyncSettings};
use matrix_sdk::deserialized_responses::TimelineEvent;
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::events::reaction::ReactionEventContent;
use matrix_sdk::ruma::events::relation::{Annotation, InReplyTo, Reply, Thread};
use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::ruma::events::room::message::{
    MessageType, Relation, ReplacementMetadata, RoomMessageEventContent,
    RoomMessageEventContentWithoutRelation,
};
use matrix_sdk::ruma::events::{
    AnySyncMessageLikeEvent, AnySyncStateEvent, AnySyncTimelineEvent, Mentions,
    SyncMessageLikeEvent, SyncStateEvent,
};
use matrix_sdk::ruma::{
    EventId, OwnedEventId, OwnedRoomId, OwnedTransactionId, OwnedUserId, RoomId, UserId,
};
use matrix_sdk::{Client, Room, SessionMeta, SessionTokens, SqliteStoreConfig};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};
use vores_bot::adapter::{
    Adapter, AdapterError, Attachment, Author, Capabilities, Inbound, InboundMessage, LengthUnit,
    Outgoing, PendingBatch, TextFormat,
};
use vores_bot::model::{ConversationRef, MessageRef, Platform, UserRef};
use vores_bot::store::Cursors;

pub mod doctor;

const CURSOR: &str = "matrix:since";
/// How long one `/sync` waits for news.
const SYNC_TIMEOUT: Duration = Duration::from_secs(25);
/// How far back a limited timeline is filled in, at most.
const BACKFILL_PAGES: usize = 10;
/// How far the homeserver's clock may be ahead of ours.
const CLOCK_MARGIN_MS: i64 = 60_000;
/// The longest one send may take, rate-limit waits included.
/// How long an encrypted message waits for its key before it is given up.
const UNDECRYPTED_PATIENCE: Duration = Duration::from_secs(600);
const SEND_TIMEOUT: Duration = Duration::from_secs(120);

/// The bot's password or an access token, from the environment or a file.
pub enum Credentials {
    Password(String),
    AccessToken(String),
}

pub struct MatrixSettings {
    pub homeserver: String,
    pub user_id: String,
    pub credentials: Credentials,
    pub store_path: PathBuf,
    pub admin_power_level: Option<i64>,
    pub auto_join_servers: Vec<String>,
    /// The rooms the config names (their invites are always accepted).
    pub rooms: Vec<ConversationRef>,
}

pub struct MatrixAdapter {
    /// Whether the platform answers (for `/healthz`).
    link: vores_bot::adapter::LinkState,
    client: Client,
    own: OwnedUserId,
    cursors: Arc<dyn Cursors>,
    admin_power_level: Option<i64>,
    auto_join_servers: Vec<String>,
    rooms: HashSet<String>,
    pending: PendingBatch,
}

fn unavailable(detail: impl Into<String>) -> AdapterError {
    AdapterError::Unavailable {
        platform: Platform::Matrix,
        detail: detail.into(),
    }
}

fn refused(detail: impl Into<String>) -> AdapterError {
    AdapterError::Refused {
        platform: Platform::Matrix,
        detail: detail.into(),
    }
}

/// A failed request, as the core should see it: refusals (no power, not in
/// the room) are told to admins, anything else is retried by the outbox.
fn request_error(what: &str, e: &matrix_sdk::Error) -> AdapterError {
    match e.client_api_error_kind() {
        Some(ErrorKind::Forbidden) => refused(format!(
            "the homeserver refused to {what}: the bot's power level in the room is too low ({e})"
        )),
        Some(ErrorKind::NotFound) => refused(format!("cannot {what}: {e}")),
        _ => unavailable(format!("could not {what}: {e}")),
    }
}

fn http_error(what: &str, e: matrix_sdk::HttpError) -> AdapterError {
    request_error(what, &matrix_sdk::Error::Http(Box::new(e)))
}

/// Plain text for the `body` of an HTML message: tags out, entities back.
fn html_to_plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut tag = String::new();
    for c in html.chars() {
        match (in_tag, c) {
            (false, '<') => {
                in_tag = true;
                tag.clear();
            }
            (true, '>') => {
                in_tag = false;
                let name = tag
                    .trim_start_matches('/')
                    .split(|c: char| c.is_whitespace() || c == '/')
                    .next()
                    .unwrap_or("");
                if name.eq_ignore_ascii_case("br") {
                    out.push('\n');
                }
            }
            (true, c) => tag.push(c),
            (false, c) => out.push(c),
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text a resident wrote, without the quoted fallback of a reply that
/// older clients put first ("> <@ali:x> …").
fn strip_reply_fallback(body: &str) -> &str {
    if !body.starts_with("> ") {
        return body;
    }
    let mut rest = body;
    while let Some(line_end) = rest.find('\n') {
        if rest.starts_with("> ") {
            rest = &rest[line_end + 1..];
        } else {
            break;
        }
    }
    rest.trim_start_matches('\n')
}

/// The file in `store_path` holding the bot's session (user, device, token).
const SESSION_FILE: &str = "session.json";

/// The session the bot saved in `store_path` for `own`, if any.
fn saved_session(store_path: &std::path::Path, own: &UserId) -> Option<MatrixSession> {
    std::fs::read_to_string(store_path.join(SESSION_FILE))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .filter(|s: &MatrixSession| s.meta.user_id == own)
}

/// A client on the bot's own SQLite stores (state and encryption keys) in
/// `store_path`.
async fn store_client(
    homeserver: &str,
    store_path: &std::path::Path,
) -> Result<Client, matrix_sdk::ClientBuildError> {
    Client::builder()
        .homeserver_url(homeserver)
        // Two connections per store (one writer, one reader: the SDK's
        // own floor) and a small page cache: a bot reads little of its
        // state store, and the default (four connections per CPU, each
        // with its own cache) costs megabytes of memory for nothing.
        .sqlite_store_with_config_and_cache_path(
            SqliteStoreConfig::new(store_path.join("sdk"))
                .pool_max_size(2)
                .cache_size(500_000)
                .journal_size_limit(2_000_000),
            None::<PathBuf>,
        )
        .request_config(RequestConfig::new().timeout(Duration::from_secs(60)))
        .build()
        .await
}

impl MatrixAdapter {
    /// Logs in (or restores the saved session), checks it with the
    /// homeserver and is then ready to run; fails fast with what to do.
    pub async fn connect(
        settings: MatrixSettings,
        cursors: Arc<dyn Cursors>,
    ) -> Result<Self, AdapterError> {
        let own: OwnedUserId = settings.user_id.as_str().try_into().map_err(|_| {
            refused(format!(
                "{:?} is not a Matrix user id like \"@vores:example.org\"; fix matrix.user_id",
                settings.user_id
            ))
        })?;
        // The store holds the device's encryption keys and the session:
        // this user only, whatever the umask.
        let mut private_dir = std::fs::DirBuilder::new();
        private_dir.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut private_dir, 0o700);
        private_dir.create(&settings.store_path).map_err(|e| {
            refused(format!(
                "cannot create the Matrix store at {} ({e}); check matrix.store_path",
                settings.store_path.display()
            ))
        })?;
        let client = store_client(&settings.homeserver, &settings.store_path)
            .await
            .map_err(|e| {
                unavailable(format!(
                    "cannot set up the Matrix client for {} ({e}); check matrix.homeserver and matrix.store_path",
                    settings.homeserver
                ))
            })?;
        let session_file = settings.store_path.join(SESSION_FILE);
        let saved = saved_session(&settings.store_path, &own);
        let homeserver = settings.homeserver.clone();
        let unreachable = |e: &dyn std::fmt::Display| {
            unavailable(format!(
                "cannot reach the homeserver at {homeserver} ({e}); check the network and matrix.homeserver"
            ))
        };
        let mut restored = false;
        if let Some(session) = saved {
            client
                .restore_session(session)
                .await
                .map_err(|e| unreachable(&e))?;
            match client.whoami().await {
                Ok(_) => restored = true,
                Err(e) if e.client_api_error_kind().is_some() => {
                    warn!("the saved Matrix session is no longer valid; logging in again");
                }
                Err(e) => return Err(unreachable(&e)),
            }
        }
        if !restored {
            match &settings.credentials {
                Credentials::Password(password) => {
                    client
                        .matrix_auth()
                        .login_username(own.as_str(), password)
                        .initial_device_display_name("Vores")
                        .send()
                        .await
                        .map_err(|e| match e.client_api_error_kind() {
                            Some(_) => refused(format!(
                                "the homeserver refused the login for {own} ({e}); check VORES_MATRIX_PASSWORD (or matrix.password_file)"
                            )),
                            None => unreachable(&e),
                        })?;
                }
                Credentials::AccessToken(token) => {
                    let probe = Client::builder()
                        .homeserver_url(&settings.homeserver)
                        .build()
                        .await
                        .map_err(|e| unreachable(&e))?;
                    // Who the token belongs to and which device it is.
                    probe
                        .restore_session(MatrixSession {
                            meta: SessionMeta {
                                user_id: own.clone(),
                                device_id: "VORESPROBE".into(),
                            },
                            tokens: SessionTokens {
                                access_token: token.clone(),
                                refresh_token: None,
                            },
                        })
                        .await
                        .map_err(|e| unreachable(&e))?;
                    let me = probe.whoami().await.map_err(|e| match e.client_api_error_kind() {
                        Some(_) => refused(format!(
                            "the homeserver does not accept the access token ({e}); check VORES_MATRIX_TOKEN (or matrix.token_file)"
                        )),
                        None => unreachable(&e),
                    })?;
                    let device_id = me.device_id.ok_or_else(|| {
                        refused("the access token has no device; create it with a login so encryption can work")
                    })?;
                    client
                        .restore_session(MatrixSession {
                            meta: SessionMeta {
                                user_id: own.clone(),
                                device_id,
                            },
                            tokens: SessionTokens {
                                access_token: token.clone(),
                                refresh_token: None,
                            },
                        })
                        .await
                        .map_err(|e| unreachable(&e))?;
                }
            }
            if let Some(session) = client.matrix_auth().session() {
                save_session(&session_file, &session)?;
            }
        }
        info!(user = %own, device = ?client.device_id(), "connected to Matrix");
        Ok(MatrixAdapter {
            link: vores_bot::adapter::LinkState::default(),
            client,
            own,
            cursors,
            admin_power_level: settings.admin_power_level,
            auto_join_servers: settings.auto_join_servers,
            rooms: settings.rooms.into_iter().map(|c| c.id).collect(),
            pending: PendingBatch::default(),
        })
    }

    /// The direct chat with `user`: theirs with the bot if there is one,
    /// else a new one (matrix-sdk makes it encrypted).
    async fn direct_room(&self, user: &UserRef) -> Result<Room, AdapterError> {
        let user_id = Self::user_id(user)?;
        match self.client.get_dm_room(&user_id) {
            Some(room) => Ok(room),
            None => self
                .client
                .create_dm(&user_id)
                .await
                .map_err(|e| request_error("start a private chat", &e)),
        }
    }

    fn room(&self, conversation: &ConversationRef) -> Result<Room, AdapterError> {
        let id = RoomId::parse(&conversation.id)
            .map_err(|_| refused(format!("{:?} is not a Matrix room id", conversation.id)))?;
        self.client
            .get_room(&id)
            .ok_or_else(|| refused(format!("the bot is not in the room {id}; invite it")))
    }

    fn event_id(message: &MessageRef) -> Result<OwnedEventId, AdapterError> {
        EventId::parse(&message.id)
            .map_err(|_| refused(format!("{:?} is not a Matrix event id", message.id)))
    }

    fn user_id(user: &UserRef) -> Result<OwnedUserId, AdapterError> {
        UserId::parse(&user.id)
            .map_err(|_| refused(format!("{:?} is not a Matrix user id", user.id)))
    }

    /// This device's sync position. A sync token belongs to the device
    /// (and its store) that synced: another process taking Matrix over
    /// logs in as its own device and must not continue from it.
    fn device_cursor(&self) -> String {
        let device = self
            .client
            .device_id()
            .map(ToString::to_string)
            .unwrap_or_default();
        format!("{CURSOR}:{device}")
    }

    /// A sync token and the time (ms) its batch was finished, under `name`.
    async fn saved_since(&self, name: &str) -> Option<(String, i64)> {
        let raw = self.cursors.cursor(name).await.ok().flatten()?;
        let (since, at) = raw.split_once(' ')?;
        Some((since.to_string(), at.parse().ok()?))
    }

    /// Saves the position for this device, and as the bot's latest (what a
    /// process taking over reads back to).
    async fn save_since(&self, since: &str) {
        let value = format!("{since} {}", Utc::now().timestamp_millis());
        for name in [self.device_cursor(), CURSOR.to_string()] {
            if let Err(e) = self.cursors.set_cursor(&name, &value, Utc::now()).await {
                warn!(error = %e, "could not save the Matrix sync token; a restart may see this batch again (it is recognised)");
            }
        }
    }

    /// Joins the rooms we are invited to that the config names, or whose
    /// inviter is on an allowed server; retried at every sync until it works.
    async fn accept_invites(&self, invited: impl Iterator<Item = &OwnedRoomId>) {
        for room_id in invited {
            let Some(room) = self.client.get_room(room_id) else {
                continue;
            };
            let configured = self.rooms.contains(room_id.as_str());
            let allowed = if configured {
                true
            } else if self.auto_join_servers.is_empty() {
                false
            } else {
                match room.invite_details().await {
                    Ok(details) => details.inviter.is_some_and(|inviter| {
                        self.auto_join_servers
                            .iter()
                            .any(|s| inviter.user_id().server_name().as_str() == s)
                    }),
                    Err(_) => false,
                }
            };
            if !allowed {
                debug!(room = %room_id, "invite from elsewhere left alone");
                continue;
            }
            match room.join().await {
                Ok(()) => info!(room = %room_id, "joined"),
                Err(e) => {
                    warn!(room = %room_id, error = %e, "could not join yet; trying again at the next sync")
                }
            }
        }
    }

    async fn is_direct(&self, room: &Room) -> bool {
        if room.is_direct().await.unwrap_or(false) {
            return true;
        }
        !self.rooms.contains(room.room_id().as_str()) && room.joined_members_count() <= 2
    }

    /// Whether `event` in `room` was sent by the bot (a reply to the bot is
    /// said to it).
    async fn sent_by_bot(&self, room: &Room, event: &EventId) -> bool {
        match room.load_or_fetch_event(event, None).await {
            Ok(found) => found
                .raw()
                .get_field::<String>("sender")
                .ok()
                .flatten()
                .is_some_and(|s| s == self.own.as_str()),
            Err(_) => false,
        }
    }

    fn author(&self, sender: &UserId) -> Author {
        Author {
            user: UserRef {
                platform: Platform::Matrix,
                id: sender.to_string(),
            },
            display_name: sender.localpart().to_string(),
            is_bot: sender == self.own,
        }
    }

    async fn display_name(&self, room: &Room, sender: &UserId) -> String {
        match room.get_member_no_sync(sender).await {
            Ok(Some(member)) => member
                .display_name()
                .map_or_else(|| sender.localpart().to_string(), str::to_string),
            _ => sender.localpart().to_string(),
        }
    }

    /// Whether the text names the bot: a pill, its id, or its name.
    fn mentions_bot(
        &self,
        body: &str,
        formatted: Option<&str>,
        mentions: Option<&Mentions>,
    ) -> bool {
        if mentions.is_some_and(|m| m.user_ids.contains(&self.own)) {
            return true;
        }
        if formatted.is_some_and(|f| f.contains(&format!("matrix.to/#/{}", self.own))) {
            return true;
        }
        let lower = body.to_lowercase();
        lower.contains(&self.own.as_str().to_lowercase())
            || lower.starts_with(&format!("{}:", self.own.localpart().to_lowercase()))
            || lower.starts_with(&format!("{} ", self.own.localpart().to_lowercase()))
    }

    /// The text without the bot's name in front ("Vores: hvad sker der …").
    fn without_mention(&self, body: &str, display: &str) -> String {
        let trimmed = body.trim();
        let lower = trimmed.to_lowercase();
        for name in [
            self.own.as_str().to_lowercase(),
            display.to_lowercase(),
            self.own.localpart().to_lowercase(),
        ] {
            if !name.is_empty() && lower.starts_with(&name) && trimmed.is_char_boundary(name.len())
            {
                return trimmed[name.len()..]
                    .trim_start_matches([':', ',', ' '])
                    .trim()
                    .to_string();
            }
        }
        trimmed.to_string()
    }

    /// What the core should see of one timeline event.
    async fn inbound(&self, room: &Room, event: &TimelineEvent) -> Vec<Inbound> {
        let parsed = match event.raw().deserialize() {
            Ok(parsed) => parsed,
            Err(e) => {
                debug!(error = %e, "an event that is not for us");
                return Vec::new();
            }
        };
        let conversation = ConversationRef {
            platform: Platform::Matrix,
            id: room.room_id().to_string(),
        };
        let sender = parsed.sender().to_owned();
        if sender == self.own {
            return Vec::new();
        }
        let at = |ms: u64| -> DateTime<Utc> {
            Utc.timestamp_millis_opt(ms as i64)
                .single()
                .unwrap_or_else(Utc::now)
        };
        let sent_at = at(parsed.origin_server_ts().0.into());
        let message = MessageRef {
            conversation: conversation.clone(),
            id: parsed.event_id().to_string(),
        };
        let mut author = self.author(&sender);
        author.display_name = self.display_name(room, &sender).await;
        match parsed {
            AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(
                SyncMessageLikeEvent::Original(m),
            )) => {
                let content = m.content;
                // Replacements carry the new text in `m.new_content`.
                if let Some(Relation::Replacement(replacement)) = &content.relates_to {
                    let new_text = match &replacement.new_content.msgtype {
                        MessageType::Text(t) => t.body.clone(),
                        MessageType::Emote(t) => t.body.clone(),
                        _ => return Vec::new(),
                    };
                    let display = self.own_display_name(room).await;
                    return vec![Inbound::Edited {
                        message: MessageRef {
                            conversation,
                            id: replacement.event_id.to_string(),
                        },
                        author,
                        new_text: self.without_mention(&new_text, &display),
                        edit_id: message.id,
                    }];
                }
                let (body, formatted, attachments) = match &content.msgtype {
                    MessageType::Text(t) => (
                        t.body.clone(),
                        t.formatted.as_ref().map(|f| f.body.clone()),
                        Vec::new(),
                    ),
                    MessageType::Emote(t) => (t.body.clone(), None, Vec::new()),
                    // Bots speak in notices; they are never answered.
                    MessageType::Notice(_) => return Vec::new(),
                    MessageType::Image(i) => (
                        i.caption().unwrap_or_default().to_string(),
                        None,
                        vec![Attachment {
                            reference: match &i.source {
                                matrix_sdk::ruma::events::room::MediaSource::Plain(uri) => {
                                    uri.to_string()
                                }
                                matrix_sdk::ruma::events::room::MediaSource::Encrypted(f) => {
                                    f.url.to_string()
                                }
                            },
                            is_image: true,
                        }],
                    ),
                    _ => return Vec::new(),
                };
                let body = strip_reply_fallback(&body).to_string();
                let (reply_to, thread) = match &content.relates_to {
                    Some(Relation::Reply(reply)) => {
                        (Some(reply.in_reply_to.event_id.clone()), None)
                    }
                    Some(Relation::Thread(t)) => (
                        t.in_reply_to.as_ref().map(|r| r.event_id.clone()),
                        Some(t.event_id.to_string()),
                    ),
                    _ => (None, None),
                };
                let private = self.is_direct(room).await;
                let mentioned =
                    self.mentions_bot(&body, formatted.as_deref(), content.mentions.as_ref());
                let command = body.trim_start().starts_with('/');
                let replied_to_bot = match &reply_to {
                    Some(id) if !private && !command && !mentioned => {
                        self.sent_by_bot(room, id).await
                    }
                    _ => false,
                };
                let text = if mentioned {
                    let display = self.own_display_name(room).await;
                    self.without_mention(&body, &display)
                } else {
                    body.trim().to_string()
                };
                vec![Inbound::Message(InboundMessage {
                    message,
                    author,
                    text,
                    addressed_to_bot: private || command || mentioned || replied_to_bot,
                    private,
                    reply_to: reply_to.map(|id| MessageRef {
                        conversation: conversation.clone(),
                        id: id.to_string(),
                    }),
                    thread,
                    attachments,
                    sent_at,
                })]
            }
            AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::Reaction(
                SyncMessageLikeEvent::Original(r),
            )) => vec![Inbound::Reaction {
                message: MessageRef {
                    conversation,
                    id: r.content.relates_to.event_id.to_string(),
                },
                author,
                emoji: r.content.relates_to.key,
                added: true,
            }],
            AnySyncTimelineEvent::State(AnySyncStateEvent::RoomMember(
                SyncStateEvent::Original(member),
            )) => {
                let joined = member.content.membership == MembershipState::Join
                    && member
                        .unsigned
                        .prev_content
                        .as_ref()
                        .is_none_or(|p| p.membership != MembershipState::Join);
                if !joined {
                    return Vec::new();
                }
                vec![Inbound::MemberJoined {
                    conversation,
                    member: author,
                    at: sent_at,
                }]
            }
            _ => Vec::new(),
        }
    }

    async fn own_display_name(&self, room: &Room) -> String {
        self.display_name(room, &self.own).await
    }

    /// The events a limited timeline skipped, oldest first: paged back from
    /// `prev_batch` until an event the core handled or one older than the
    /// last finished sync.
    async fn backfill(
        &self,
        room: &Room,
        prev_batch: &str,
        since_ms: Option<i64>,
    ) -> Vec<TimelineEvent> {
        let mut found = Vec::new();
        let mut from = Some(prev_batch.to_string());
        'pages: for _ in 0..BACKFILL_PAGES {
            let mut options = MessagesOptions::backward();
            options.from = from.clone();
            options.limit = 50u32.into();
            let page = match room.messages(options).await {
                Ok(page) => page,
                Err(e) => {
                    warn!(room = %room.room_id(), error = %e, "could not fill in missed messages");
                    break;
                }
            };
            if page.chunk.is_empty() {
                break;
            }
            for event in page.chunk {
                let old = match (event.timestamp(), since_ms) {
                    (Some(ts), Some(since)) => i64::from(ts.0) < since - CLOCK_MARGIN_MS,
                    _ => false,
                };
                let seen = match event.event_id() {
                    Some(id) => self
                        .cursors
                        .is_handled(&MessageRef {
                            conversation: ConversationRef {
                                platform: Platform::Matrix,
                                id: room.room_id().to_string(),
                            },
                            id: id.to_string(),
                        })
                        .await
                        .unwrap_or(false),
                    None => false,
                };
                if old || seen {
                    break 'pages;
                }
                found.push(event);
            }
            match page.end {
                Some(end) => from = Some(end),
                None => break,
            }
        }
        found.reverse();
        if !found.is_empty() {
            info!(room = %room.room_id(), count = found.len(), "filled in messages missed while away");
        }
        found
    }
}

fn save_session(path: &std::path::Path, session: &MatrixSession) -> Result<(), AdapterError> {
    let json = serde_json::to_string(session).map_err(|e| refused(e.to_string()))?;
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, json)
        .and_then(|()| {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))?;
            }
            std::fs::rename(&tmp, path)
        })
        .map_err(|e| {
            refused(format!(
                "cannot save the Matrix session in {} ({e}); check matrix.store_path",
                path.display()
            ))
        })
}

#[async_trait]
impl Adapter for MatrixAdapter {
    fn link(&self) -> Option<vores_bot::adapter::Link> {
        Some(self.link.get())
    }

    fn platform(&self) -> Platform {
        Platform::Matrix
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            // Well under the 64 KiB event limit, with room for the plain
            // `body` beside the HTML and for the encryption envelope.
            max_message_len: 16_000,
            length_unit: LengthUnit::Bytes,
            format: TextFormat::Html,
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
        let saved = self.saved_since(&self.device_cursor()).await;
        let (mut since, mut since_ms, mut catch_up) = match saved {
            // After a restart, the batch that was being handled when the
            // process stopped is not in the next sync: matrix-sdk stored
            // that response and answers the same `since` with nothing. So
            // the first sync after a start is followed by reading every
            // room back from now to the last finished sync; events the
            // core already handled are recognised there (and by the core),
            // so nothing is repeated.
            Some((token, at)) => (token, Some(at), true),
            None => {
                // First start of this device: learn where the rooms are.
                let first = tokio::select! {
                    r = self.client.sync_once(SyncSettings::default().filter(sync_filter()).timeout(Duration::ZERO)) => r,
                    () = shutdown.cancelled() => return Ok(()),
                }
                .map_err(|e| {
                    unavailable(format!(
                        "the first sync failed ({e}); check matrix.homeserver"
                    ))
                })?;
                self.accept_invites(first.rooms.invited.keys()).await;
                // Another process (another device of this bot) served Matrix
                // until it stopped: read back to where it left off.
                let before = self.saved_since(CURSOR).await;
                self.save_since(&first.next_batch).await;
                match before {
                    Some((_, at)) => {
                        info!(
                            "taking Matrix over from an earlier device: reading the rooms back to where it left off"
                        );
                        (first.next_batch, Some(at), true)
                    }
                    None => {
                        info!("first start: earlier messages are left unanswered");
                        (first.next_batch, Some(Utc::now().timestamp_millis()), false)
                    }
                }
            }
        };
        let mut failures: u32 = 0;
        // Encrypted messages whose key had not arrived yet: the key often
        // comes a moment later, so they are tried again for a while rather
        // than dropped.
        let mut undecrypted: Vec<(OwnedRoomId, OwnedEventId, std::time::Instant)> = Vec::new();
        loop {
            let timeout = if undecrypted.is_empty() {
                SYNC_TIMEOUT
            } else {
                Duration::from_secs(1)
            };
            let settings = SyncSettings::default()
                .filter(sync_filter())
                .token(since.clone())
                .timeout(timeout);
            let response = tokio::select! {
                r = self.client.sync_once(settings) => r,
                () = shutdown.cancelled() => return Ok(()),
            };
            let response = match response {
                Ok(r) => {
                    failures = 0;
                    self.link.works();
                    r
                }
                Err(e) => {
                    failures += 1;
                    self.link.fails();
                    let wait = Duration::from_secs(u64::from(failures.min(30)));
                    warn!(error = %e, ?wait, "syncing with the homeserver failed; trying again");
                    tokio::select! {
                        () = tokio::time::sleep(wait) => continue,
                        () = shutdown.cancelled() => return Ok(()),
                    }
                }
            };
            // Every invite still open, not only new ones: a join that
            // failed is tried again at each sync until it works.
            let open_invites: Vec<OwnedRoomId> = self
                .client
                .invited_rooms()
                .iter()
                .map(|r| r.room_id().to_owned())
                .collect();
            self.accept_invites(open_invites.iter()).await;
            let mut events = Vec::new();
            let mut still = Vec::new();
            for (room_id, event_id, first) in undecrypted.drain(..) {
                let Some(room) = self.client.get_room(&room_id) else {
                    continue;
                };
                match room.event(&event_id, None).await {
                    Ok(event) if !event.kind.is_utd() => {
                        info!(room = %room_id, event = %event_id, "decrypted a message whose key came late");
                        events.extend(self.inbound(&room, &event).await);
                    }
                    _ if first.elapsed() < UNDECRYPTED_PATIENCE => {
                        still.push((room_id, event_id, first))
                    }
                    _ => warn!(
                        room = %room_id,
                        event = %event_id,
                        "an encrypted message the bot cannot read (no key shared with its device); ask the sender's client to share keys with unverified devices"
                    ),
                }
            }
            undecrypted = still;
            let joined: BTreeMap<_, _> = response.rooms.joined;
            if joined.values().any(|u| !u.timeline.events.is_empty()) {
                vores_bot::crashpoint::reached("matrix:synced");
            }
            let mut timelines: Vec<(Room, Vec<TimelineEvent>)> = Vec::new();
            if std::mem::take(&mut catch_up) {
                for room in self.client.joined_rooms() {
                    let missed = self.backfill(&room, &response.next_batch, since_ms).await;
                    timelines.push((room, missed));
                }
            } else {
                for (room_id, update) in &joined {
                    let Some(room) = self.client.get_room(room_id) else {
                        continue;
                    };
                    let mut timeline = Vec::new();
                    if update.timeline.limited
                        && let Some(prev) = &update.timeline.prev_batch
                    {
                        timeline.extend(self.backfill(&room, prev, since_ms).await);
                    }
                    timeline.extend(update.timeline.events.iter().cloned());
                    timelines.push((room, timeline));
                }
            }
            for (room, timeline) in &timelines {
                let room_id = room.room_id();
                for event in timeline {
                    // Older than the last finished sync: handled then, or
                    // history from before the bot joined — not to answer.
                    if let (Some(ts), Some(since)) = (event.timestamp(), since_ms)
                        && i64::from(ts.0) < since - CLOCK_MARGIN_MS
                    {
                        continue;
                    }
                    if event.kind.is_utd() {
                        if let Some(id) = event.event_id() {
                            debug!(room = %room_id, event = %id, "waiting for the key of an encrypted message");
                            undecrypted.push((room_id.to_owned(), id, std::time::Instant::now()));
                        }
                        continue;
                    }
                    events.extend(self.inbound(room, event).await);
                }
            }
            debug!(events = events.len(), "sync batch");
            let handed_over = !events.is_empty();
            self.pending.add(&events);
            for event in events {
                if inbound.send(event).await.is_err() {
                    return Ok(());
                }
            }
            if handed_over {
                vores_bot::crashpoint::reached("matrix:handed-over");
            }
            // The token moves on only when the core is done with the batch.
            if !self.pending.finished(&shutdown).await {
                return Ok(());
            }
            if !timelines.iter().all(|(_, t)| t.is_empty()) {
                vores_bot::crashpoint::reached("matrix:handled");
            }
            since = response.next_batch;
            since_ms = Some(Utc::now().timestamp_millis());
            self.save_since(&since).await;
        }
    }

    async fn acknowledge(&self, event: &Inbound) {
        self.pending.acknowledge(event);
    }

    async fn send(&self, message: Outgoing) -> Result<MessageRef, AdapterError> {
        let room = self.room(&message.conversation)?;
        let mut content = RoomMessageEventContent::notice_html(
            html_to_plain(&message.text),
            message.text.clone(),
        );
        // Never ping anyone by accident: the bot names people, it does not call them.
        content.mentions = Some(Mentions::new());
        let reply_to = message
            .reply_to
            .as_ref()
            .and_then(|r| EventId::parse(&r.id).ok());
        content.relates_to = match (
            message
                .thread
                .as_deref()
                .and_then(|t| EventId::parse(t).ok()),
            reply_to,
        ) {
            (Some(root), Some(reply)) => Some(Relation::Thread(Thread::reply(root, reply))),
            (Some(root), None) => Some(Relation::Thread(Thread::without_fallback(root))),
            (None, Some(reply)) => Some(Relation::Reply(Reply::new(InReplyTo::new(reply)))),
            (None, None) => None,
        };
        let mut request = room.send(content);
        if let Some(key) = &message.idempotency_key {
            request = request.with_transaction_id(OwnedTransactionId::from(key.as_str()));
        }
        // Bounded, so one request that never returns cannot stall the
        // outbox; a retry reuses the transaction id and so never doubles.
        let sent = tokio::time::timeout(SEND_TIMEOUT, request.into_future())
            .await
            .map_err(|_| unavailable("sending a message timed out"))?
            .map_err(|e| request_error("send a message", &e))?;
        debug!(room = %message.conversation.id, event = %sent.response.event_id, "sent");
        Ok(MessageRef {
            conversation: message.conversation,
            id: sent.response.event_id.to_string(),
        })
    }

    async fn edit(&self, message: &MessageRef, text: &str) -> Result<(), AdapterError> {
        let room = self.room(&message.conversation)?;
        let event_id = Self::event_id(message)?;
        let new = RoomMessageEventContentWithoutRelation::new(MessageType::notice_html(
            html_to_plain(text),
            text.to_string(),
        ));
        let content = new.make_replacement(ReplacementMetadata::new(event_id, None));
        room.send(content)
            .await
            .map_err(|e| request_error("edit a message", &e))?;
        Ok(())
    }

    async fn delete(&self, message: &MessageRef) -> Result<(), AdapterError> {
        let room = self.room(&message.conversation)?;
        let event_id = Self::event_id(message)?;
        room.redact(
            &event_id,
            Some("Vores: against the group's guidelines"),
            None,
        )
        .await
        .map_err(|e| http_error("remove a message (redact)", e))?;
        Ok(())
    }

    async fn react(&self, message: &MessageRef, emoji: &str) -> Result<(), AdapterError> {
        let room = self.room(&message.conversation)?;
        let event_id = Self::event_id(message)?;
        room.send(ReactionEventContent::new(Annotation::new(
            event_id,
            emoji.to_string(),
        )))
        .await
        .map_err(|e| request_error("react", &e))?;
        Ok(())
    }

    /// Uploads the file and posts it (`m.file`), in the person's direct
    /// chat or the room; matrix-sdk encrypts it where the room is
    /// encrypted.
    async fn send_file(
        &self,
        conversation: &ConversationRef,
        private_to: Option<&UserRef>,
        file: &vores_bot::render::File,
    ) -> Result<(), AdapterError> {
        let room = match private_to {
            Some(user) => self.direct_room(user).await?,
            None => self.room(conversation)?,
        };
        let media_type: mime::Mime = file
            .media_type
            .parse()
            .unwrap_or(mime::APPLICATION_OCTET_STREAM);
        room.send_attachment(
            file.name.clone(),
            &media_type,
            file.content.clone().into_bytes(),
            matrix_sdk::attachment::AttachmentConfig::new(),
        )
        .await
        .map_err(|e| request_error("send a file", &e))?;
        Ok(())
    }

    async fn send_private(
        &self,
        user: &UserRef,
        _conversation: &ConversationRef,
        text: &str,
        _buttons: &[vores_bot::render::Button],
    ) -> Result<(), AdapterError> {
        let room = self.direct_room(user).await?;
        let mut content =
            RoomMessageEventContent::notice_html(html_to_plain(text), text.to_string());
        content.mentions = Some(Mentions::new());
        room.send(content)
            .await
            .map_err(|e| request_error("send a private message", &e))?;
        Ok(())
    }

    /// Matrix has no mute: the person is removed from the room (a kick);
    /// they can rejoin when they are ready to follow the guidelines.
    async fn mute(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
        minutes: u32,
    ) -> Result<(), AdapterError> {
        let room = self.room(conversation)?;
        let user_id = Self::user_id(user)?;
        let reason =
            format!("Vores: too many guideline warnings; you may come back in {minutes} minutes");
        room.kick_user(&user_id, Some(&reason))
            .await
            .map_err(|e| request_error("remove a member (kick)", &e))
    }

    async fn ban(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
    ) -> Result<(), AdapterError> {
        let room = self.room(conversation)?;
        let user_id = Self::user_id(user)?;
        room.ban_user(&user_id, Some("Vores: the group's guidelines"))
            .await
            .map_err(|e| request_error("ban a member", &e))
    }

    async fn is_admin(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
    ) -> Result<bool, AdapterError> {
        let room = self.room(conversation)?;
        let user_id = Self::user_id(user)?;
        let levels = room
            .power_levels()
            .await
            .map_err(|e| unavailable(format!("could not read the room's power levels: {e}")))?;
        let redact: i64 = levels.redact.into();
        let needed = self.admin_power_level.unwrap_or(redact).max(redact);
        Ok(match levels.for_user(&user_id) {
            matrix_sdk::ruma::events::room::power_levels::UserPowerLevel::Infinite => true,
            matrix_sdk::ruma::events::room::power_levels::UserPowerLevel::Int(level) => {
                i64::from(level) >= needed
            }
            _ => false,
        })
    }
}

/// What the bot syncs: everything but presence and ephemeral events (typing
/// notices, read receipts), which it never uses. Each of those would end the
/// long poll early, and every sync costs matrix-sdk its crypto and state
/// store work, encrypted room or not.
fn sync_filter() -> matrix_sdk::ruma::api::client::sync::sync_events::v3::Filter {
    use matrix_sdk::ruma::api::client::filter::{Filter, FilterDefinition, RoomEventFilter};
    let mut definition = FilterDefinition::default();
    definition.presence = Filter::ignore_all();
    definition.room.ephemeral = RoomEventFilter::ignore_all();
    matrix_sdk::ruma::api::client::sync::sync_events::v3::Filter::FilterDefinition(definition)
}

#[cfg(test)]
mod tests {
    use super::{html_to_plain, strip_reply_fallback};

    #[test]
    fn plain_bodies_lose_tags_and_keep_text() {
        assert_eq!(
            html_to_plain("<b>Lørdag</b> kl. 10 &amp; 11<br/>Glashuset &lt;3"),
            "Lørdag kl. 10 & 11\nGlashuset <3"
        );
    }

    #[test]
    fn reply_fallbacks_are_cut() {
        assert_eq!(
            strip_reply_fallback("> <@ali:x> hej\n> mere\n\nhvad sker der?"),
            "hvad sker der?"
        );
        assert_eq!(strip_reply_fallback("hvad sker der?"), "hvad sker der?");
    }
}
