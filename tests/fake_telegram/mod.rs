//! A fake Telegram Bot API server for the test suite.
//!
//! It speaks the Bot API wire protocol (`POST {api_url}/bot{token}/{method}`,
//! JSON / form / query parameters, `{"ok":true,"result":…}` or
//! `{"ok":false,"error_code":N,"description":"…","parameters":{…}}` with the
//! matching HTTP status), so the real teloxide client — and therefore the real
//! adapter — talks to it exactly as it talks to `api.telegram.org`.
//!
//! Test code plays the users (`say`, `reply`, `edit`, `click`, `join`, …) and
//! then inspects what the bot did (`sent`, `deleted`, `restricted`, …).
//!
//! Telegram behaviour reproduced on purpose (each is a trap real bots fall into):
//! - `getUpdates`: `update_id`s increase by one; an `offset` confirms (forgets)
//!   every update below it; a negative offset keeps only the last `-offset`;
//!   `timeout` long-polls (capped at 2 s here); `allowed_updates` persists
//!   between calls; a second concurrent `getUpdates` makes the first one fail
//!   with 409 "Conflict: terminated by other getUpdates request; …".
//! - Privacy mode: with `set_privacy_mode(false)` (privacy ON) and the bot not
//!   an administrator, group messages are only delivered when they start with a
//!   command for this bot (`/cmd` or `/cmd@VoresBot`), mention `@VoresBot`,
//!   reply to one of the bot's messages, or are service messages. The default
//!   here is privacy OFF (`can_read_all_group_messages: true`).
//! - Threads: in a forum, a topic message carries `message_thread_id`,
//!   `is_topic_message: true` and — when it is not a reply — a
//!   `reply_to_message` pointing at the topic's `forum_topic_created` service
//!   message. In any supergroup, a *reply* carries `message_thread_id` (the
//!   root of the reply chain) even without topics. A bot reply in a forum
//!   lands in the topic of the message it replies to.
//! - `reply_to_message` is the full replied message, without its own
//!   `reply_to_message` (Telegram nests one level only).
//! - HTML `parse_mode` is checked by a port of TDLib's `parse_html` (same
//!   tags, same error texts: "Unsupported start tag \"x\" at byte offset N",
//!   "Can't find end tag corresponding to start tag b", …). The 4096 limit is
//!   on the parsed text in UTF-16 code units, after Telegram's trimming of
//!   leading/trailing whitespace.
//!   DEVIATION (on by default, `set_strict_html(false)` turns it off): Telegram
//!   keeps an `&` that does not start a known entity as a literal `&`, and
//!   accepts `&amp` without `;`. The fake rejects both ("… can't parse
//!   entities: Bare '&' …") because an unescaped `&` means user text reached
//!   Telegram unescaped (`&lt;` typed by a user would show up as `<`).
//!   Numeric entities (`&#39;`, `&#x27;`) are accepted like Telegram does.
//!   Markdown/MarkdownV2 are accepted but NOT validated.
//! - `editMessageText` without `reply_markup` removes the inline keyboard;
//!   editing to identical content fails with "message is not modified: …".
//! - `deleteMessage` follows the documented rules (own messages anywhere,
//!   incoming ones in private chats, any in a basic group if the bot is an
//!   admin, any in a supergroup with `can_delete_messages`; never older than
//!   48 h; never a topic-creation service message).
//! - `unbanChatMember` without `only_if_banned` removes a current member.
//! - `answerCallbackQuery` twice, or with an unknown id, fails with the real
//!   text "query is too old and response timeout expired or query ID is
//!   invalid" (note: teloxide 0.17 expects "query id" in lower case, so it
//!   surfaces this as `ApiError::Unknown(..)`, not `InvalidQueryId`).
//!
//! Faults (`fail_with_429`, `fail_with_500`, `drop_connections`) apply to the
//! next N calls of a method, before anything is processed. Faulted calls are
//! still counted by `request_count` and logged by `requests`.
//! teloxide sleeps 10 s after any HTTP 5xx before returning, so use
//! `fail_with_500` sparingly. A dropped connection closes the TCP connection
//! after the request was read, without a single response byte; teloxide then
//! returns `RequestError::Network(e)` whose `e.is_request()` is true and whose
//! source chain ends in hyper's "connection closed before message completed".
//!
//! Not modelled: files and multipart uploads, inline mode, channels,
//! webhooks (the webhook methods just answer `true`).

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::connect_info::Connected;
use axum::extract::{ConnectInfo, FromRequest, Path, Query, Request, State as AxumState};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::serve::{IncomingStream, Listener};
use axum::{Form, Json, Router};
use serde_json::{Map, Value, json};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// The bot's own user id.
pub const BOT_ID: i64 = 1000;
/// The bot's username (without `@`).
pub const BOT_USERNAME: &str = "VoresBot";
/// Long polls never wait longer than this by default, whatever `timeout`
/// asks for, so that tests stay quick; [`FakeTelegram::honour_long_polls`]
/// lifts it to Telegram's own limit.
pub const MAX_POLL_WAIT: Duration = Duration::from_secs(2);
/// The longest long poll the Bot API documents ("50 seconds").
pub const TELEGRAM_MAX_POLL_WAIT: Duration = Duration::from_secs(50);
/// The first `update_id` handed out (deliberately not 0 or 1).
pub const FIRST_UPDATE_ID: i64 = 1_000_001;
const DELETE_WINDOW_SECS: i64 = 48 * 3600;
const MAX_TEXT_UTF16: usize = 4096;

/// A Telegram user (a human or the bot itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FakeUser {
    pub id: i64,
    pub is_bot: bool,
    pub first_name: String,
    pub last_name: Option<String>,
    pub username: Option<String>,
    pub language_code: Option<String>,
}

impl FakeUser {
    /// A human user without username.
    pub fn new(id: i64, first_name: &str) -> FakeUser {
        FakeUser {
            id,
            is_bot: false,
            first_name: first_name.to_owned(),
            last_name: None,
            username: None,
            language_code: None,
        }
    }

    /// Another bot (e.g. to test that the adapter ignores bots).
    pub fn bot(id: i64, first_name: &str, username: &str) -> FakeUser {
        FakeUser {
            is_bot: true,
            ..FakeUser::new(id, first_name).with_username(username)
        }
    }

    pub fn with_username(mut self, username: &str) -> FakeUser {
        self.username = Some(username.to_owned());
        self
    }

    pub fn with_last_name(mut self, last_name: &str) -> FakeUser {
        self.last_name = Some(last_name.to_owned());
        self
    }

    pub fn with_language(mut self, code: &str) -> FakeUser {
        self.language_code = Some(code.to_owned());
        self
    }

    /// The Bot API `User` object.
    pub fn to_json(&self) -> Value {
        let mut v = json!({"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name});
        if let Some(l) = &self.last_name {
            v["last_name"] = json!(l);
        }
        if let Some(u) = &self.username {
            v["username"] = json!(u);
        }
        if let Some(c) = &self.language_code {
            v["language_code"] = json!(c);
        }
        v
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChatKind {
    Private,
    /// A basic group (`"type":"group"`).
    Group,
    Supergroup,
    /// A supergroup with topics (`"type":"supergroup","is_forum":true`).
    Forum,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FakeChat {
    pub id: i64,
    pub kind: ChatKind,
    /// The group's title; for a private chat, the fallback first name.
    pub title: String,
}

impl FakeChat {
    /// The private chat with `user` (its id is the user's id).
    pub fn private(user: &FakeUser) -> FakeChat {
        FakeChat {
            id: user.id,
            kind: ChatKind::Private,
            title: user.first_name.clone(),
        }
    }

    pub fn group(id: i64, title: &str) -> FakeChat {
        FakeChat {
            id,
            kind: ChatKind::Group,
            title: title.to_owned(),
        }
    }

    pub fn supergroup(id: i64, title: &str) -> FakeChat {
        FakeChat {
            id,
            kind: ChatKind::Supergroup,
            title: title.to_owned(),
        }
    }

    pub fn forum(id: i64, title: &str) -> FakeChat {
        FakeChat {
            id,
            kind: ChatKind::Forum,
            title: title.to_owned(),
        }
    }
}

/// A message the bot sent (sendMessage), in send order.
#[derive(Clone, Debug, PartialEq)]
pub struct SentMessage {
    pub message_id: i32,
    /// The `text` parameter exactly as the bot sent it (HTML source included).
    pub text: String,
    /// What users see: the text after entity parsing and trimming.
    pub plain_text: String,
    pub parse_mode: Option<String>,
    /// The message this one replies to (`reply_parameters.message_id` or
    /// `reply_to_message_id`); `None` if there is none or it was dropped
    /// through `allow_sending_without_reply`.
    pub reply_to: Option<i32>,
    /// The `message_thread_id` parameter the bot passed.
    pub thread_id: Option<i32>,
    /// The forum topic the message landed in (explicit or inferred from the
    /// replied message); `None` outside forums and for the General topic.
    pub topic_id: Option<i32>,
    /// The current `reply_markup` (as sent, any keyboard kind); edits update
    /// it, and `editMessageText` without `reply_markup` clears it.
    pub reply_markup: Option<Value>,
    /// The raw `text` of every successful `editMessageText`, in order.
    pub edits: Vec<String>,
    /// Entities of the message as Telegram reports them.
    pub entities: Vec<Value>,
    pub date: i64,
    /// All parameters of the sendMessage call.
    pub request: Value,
}

impl SentMessage {
    /// The raw text after the last edit.
    pub fn current_text(&self) -> &str {
        self.edits.last().unwrap_or(&self.text)
    }

    /// The `callback_data` of its inline keyboard's buttons, in order.
    pub fn buttons(&self) -> Vec<String> {
        self.reply_markup
            .as_ref()
            .and_then(|m| m["inline_keyboard"].as_array().cloned())
            .unwrap_or_default()
            .iter()
            .flat_map(|row| row.as_array().cloned().unwrap_or_default())
            .filter_map(|b| b["callback_data"].as_str().map(str::to_string))
            .collect()
    }
}

#[derive(Clone, Copy, Debug)]
enum Fault {
    RetryAfter(u64),
    ServerError,
    Drop,
}

#[derive(Clone, Copy, Debug)]
struct BotRights {
    can_delete_messages: bool,
    can_restrict_members: bool,
}

#[derive(Clone, Debug)]
struct Msg {
    json: Value,
    date: i64,
    from_id: i64,
    by_bot: bool,
    topic_creation: bool,
}

impl Msg {
    fn id(&self) -> i32 {
        self.json["message_id"].as_i64().unwrap_or_default() as i32
    }

    fn thread(&self) -> Option<i32> {
        self.json
            .get("message_thread_id")
            .and_then(Value::as_i64)
            .map(|t| t as i32)
    }

    fn is_topic(&self) -> bool {
        self.json.get("is_topic_message") == Some(&Value::Bool(true))
    }

    /// The message as embedded in `reply_to_message` (one level only).
    fn embedded(&self) -> Value {
        let mut v = self.json.clone();
        if let Some(o) = v.as_object_mut() {
            o.remove("reply_to_message");
        }
        v
    }
}

struct ChatState {
    chat: FakeChat,
    next_message_id: i32,
    messages: BTreeMap<i32, Msg>,
    admins: Vec<FakeUser>,
    bot_rights: Option<BotRights>,
    members: BTreeSet<i64>,
    topics: BTreeMap<i32, String>,
    blocked: bool,
    sent: Vec<SentMessage>,
    deleted: Vec<i32>,
    restricted: Vec<(i64, Option<i64>)>,
    restrictions: HashMap<i64, (Value, i64)>,
    banned: Vec<i64>,
    banned_now: HashMap<i64, i64>,
    unbanned: Vec<i64>,
}

impl ChatState {
    fn new(chat: FakeChat) -> ChatState {
        ChatState {
            chat,
            next_message_id: 1,
            messages: BTreeMap::new(),
            admins: Vec::new(),
            bot_rights: None,
            members: BTreeSet::new(),
            topics: BTreeMap::new(),
            blocked: false,
            sent: Vec::new(),
            deleted: Vec::new(),
            restricted: Vec::new(),
            restrictions: HashMap::new(),
            banned: Vec::new(),
            banned_now: HashMap::new(),
            unbanned: Vec::new(),
        }
    }

    fn alloc_id(&mut self) -> i32 {
        let id = self.next_message_id;
        self.next_message_id += 1;
        id
    }

    fn is_supergroup(&self) -> bool {
        matches!(self.chat.kind, ChatKind::Supergroup | ChatKind::Forum)
    }

    fn bot_can_delete_any(&self) -> bool {
        match self.chat.kind {
            ChatKind::Private => false,
            ChatKind::Group => self.bot_rights.is_some(),
            ChatKind::Supergroup | ChatKind::Forum => {
                self.bot_rights.is_some_and(|r| r.can_delete_messages)
            }
        }
    }

    fn bot_can_restrict(&self) -> bool {
        match self.chat.kind {
            ChatKind::Private => false,
            ChatKind::Group => self.bot_rights.is_some(),
            ChatKind::Supergroup | ChatKind::Forum => {
                self.bot_rights.is_some_and(|r| r.can_restrict_members)
            }
        }
    }

    fn owner_id(&self) -> Option<i64> {
        self.admins.first().map(|u| u.id)
    }

    fn is_admin(&self, user_id: i64) -> bool {
        self.admins.iter().any(|u| u.id == user_id)
    }
}

struct ApiErr {
    code: u16,
    description: String,
    retry_after: Option<u64>,
}

impl ApiErr {
    fn new(code: u16, description: impl Into<String>) -> ApiErr {
        ApiErr {
            code,
            description: description.into(),
            retry_after: None,
        }
    }
}

fn bad(what: impl std::fmt::Display) -> ApiErr {
    ApiErr::new(400, format!("Bad Request: {what}"))
}

type Params = Map<String, Value>;
type ApiResult = Result<Value, ApiErr>;

struct State {
    bot: FakeUser,
    can_read_all_group_messages: bool,
    strict_html: bool,
    users: HashMap<i64, FakeUser>,
    chats: HashMap<i64, ChatState>,
    updates: VecDeque<(i64, Value)>,
    next_update_id: i64,
    confirmed_offset: i64,
    allowed_updates: Option<Vec<String>>,
    poll_ticket: u64,
    max_poll_wait: Duration,
    callbacks: HashMap<String, bool>,
    next_callback: u64,
    answered: Vec<(String, Option<String>)>,
    counts: HashMap<String, usize>,
    log: Vec<(String, Value)>,
    faults: HashMap<String, VecDeque<Fault>>,
    /// setMyCommands' lists, by (scope, language_code); "" is every
    /// language without a list of its own.
    commands: HashMap<(String, String), Value>,
}

struct Inner {
    token: String,
    addr: SocketAddr,
    state: Mutex<State>,
    notify: Notify,
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A test that panicked while holding the lock must not hide its own
        // failure behind a poison error in the server.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Handle on a running fake server; clones share the same server.
#[derive(Clone)]
pub struct FakeTelegram {
    inner: Arc<Inner>,
}

impl FakeTelegram {
    /// Binds 127.0.0.1 on a free port and serves the Bot API for `token`.
    /// Requests with any other token get 401 "Unauthorized". The server runs
    /// on the calling tokio runtime and stops with it.
    pub async fn start(token: &str) -> FakeTelegram {
        let tcp = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the fake Telegram server");
        let addr = tcp.local_addr().expect("local address");
        let bot = FakeUser::bot(BOT_ID, "Vores", BOT_USERNAME);
        let mut users = HashMap::new();
        users.insert(bot.id, bot.clone());
        let state = State {
            bot,
            can_read_all_group_messages: true,
            strict_html: true,
            users,
            chats: HashMap::new(),
            updates: VecDeque::new(),
            next_update_id: FIRST_UPDATE_ID,
            confirmed_offset: 0,
            allowed_updates: None,
            poll_ticket: 0,
            max_poll_wait: MAX_POLL_WAIT,
            callbacks: HashMap::new(),
            next_callback: 0,
            answered: Vec::new(),
            counts: HashMap::new(),
            log: Vec::new(),
            faults: HashMap::new(),
            commands: HashMap::new(),
        };
        let inner = Arc::new(Inner {
            token: token.to_owned(),
            addr,
            state: Mutex::new(state),
            notify: Notify::new(),
        });
        let app = Router::new()
            .route("/{bot}/{method}", any(handle))
            .fallback(|| async { error_response(ApiErr::new(404, "Not Found")) })
            .with_state(inner.clone());
        tokio::spawn(async move {
            let service = app.into_make_service_with_connect_info::<ConnHandle>();
            let _ = axum::serve(CutListener(tcp), service).await;
        });
        FakeTelegram { inner }
    }

    /// Quiet long polls last the whole `timeout` the client asks for (up to
    /// 50 s), as on the real Bot API: for tests with production timeouts.
    pub fn honour_long_polls(&self) {
        self.inner.lock().max_poll_wait = TELEGRAM_MAX_POLL_WAIT;
    }

    /// `http://127.0.0.1:PORT` (teloxide appends `/bot{token}/{Method}`; a
    /// trailing slash would work too).
    pub fn api_url(&self) -> String {
        format!("http://{}", self.inner.addr)
    }

    /// A teloxide `Bot` pointed at this server.
    pub fn bot(&self) -> teloxide::Bot {
        teloxide::Bot::new(self.inner.token.clone())
            .set_api_url(self.api_url().parse().expect("valid API URL"))
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.inner.lock()
    }

    fn wake_pollers(&self) {
        self.inner.notify.notify_waiters();
    }

    /// The bot itself (id 1000, is_bot, username "VoresBot").
    pub fn bot_user(&self) -> FakeUser {
        self.lock().bot.clone()
    }

    /// `false` turns Telegram's privacy mode ON: see the module docs for what
    /// the bot then receives from groups. Reflected in getMe.
    pub fn set_privacy_mode(&self, can_read_all_group_messages: bool) {
        self.lock().can_read_all_group_messages = can_read_all_group_messages;
    }

    /// Strict HTML (default): reject bare `&` and entities without `;`.
    pub fn set_strict_html(&self, strict: bool) {
        self.lock().strict_html = strict;
    }

    pub fn add_chat(&self, chat: FakeChat) {
        let mut s = self.lock();
        let id = chat.id;
        s.chats.insert(id, ChatState::new(chat));
    }

    /// Registers the user and adds their private chat with the bot.
    pub fn add_private_chat(&self, user: &FakeUser) {
        let mut s = self.lock();
        s.users.insert(user.id, user.clone());
        s.chats
            .insert(user.id, ChatState::new(FakeChat::private(user)));
    }

    /// The chat's administrators. The FIRST user is the owner ("creator"),
    /// the others are administrators with all rights except promoting.
    pub fn set_admins(&self, chat_id: i64, users: &[FakeUser]) {
        let mut s = self.lock();
        for u in users {
            s.users.insert(u.id, u.clone());
        }
        let cs = s.chat_mut(chat_id);
        cs.admins = users.to_vec();
        cs.members.extend(users.iter().map(|u| u.id));
    }

    /// Makes the bot an administrator of the chat with these rights.
    pub fn set_bot_rights(
        &self,
        chat_id: i64,
        can_delete_messages: bool,
        can_restrict_members: bool,
    ) {
        self.lock().chat_mut(chat_id).bot_rights = Some(BotRights {
            can_delete_messages,
            can_restrict_members,
        });
    }

    /// Makes the bot a plain member again.
    pub fn remove_bot_rights(&self, chat_id: i64) {
        self.lock().chat_mut(chat_id).bot_rights = None;
    }

    /// A private chat whose user blocked the bot: sends get 403
    /// "Forbidden: bot was blocked by the user".
    pub fn set_blocked(&self, chat_id: i64, blocked: bool) {
        self.lock().chat_mut(chat_id).blocked = blocked;
    }

    /// Creates a forum topic (a `forum_topic_created` service message by
    /// `from`) and returns its `message_thread_id`.
    pub fn create_topic(&self, chat_id: i64, from: &FakeUser, name: &str) -> i32 {
        let mut s = self.lock();
        let id = s.chat_mut(chat_id).next_message_id;
        s.ensure_topic(chat_id, id, from, name);
        let update = s.chat(chat_id).messages[&id].json.clone();
        s.queue_message_update("message", chat_id, update);
        drop(s);
        self.wake_pollers();
        id
    }

    /// A user posts `text`; returns its message_id. Sets `bot_command` and
    /// `mention` entities like Telegram. Panics if the chat is unknown (a
    /// private chat with `from` is created on the fly).
    pub fn say(&self, chat_id: i64, from: &FakeUser, text: &str) -> i32 {
        self.post(chat_id, from, text, None, None)
    }

    /// A user sends a photo, with a caption or without: Bot API `photo` is
    /// the sizes Telegram made, smallest first, and the text is `caption`.
    pub fn send_photo(
        &self,
        chat_id: i64,
        from: &FakeUser,
        caption: &str,
        reply_to: Option<i32>,
    ) -> i32 {
        self.post_message(chat_id, from, caption, None, reply_to, true)
    }

    /// A user posts in a thread / forum topic (the topic is created first if
    /// this forum does not have it yet).
    pub fn say_in_thread(&self, chat_id: i64, thread_id: i32, from: &FakeUser, text: &str) -> i32 {
        self.post(chat_id, from, text, Some(thread_id), None)
    }

    /// A user replies to a message (theirs, someone else's or the bot's).
    pub fn reply(&self, chat_id: i64, from: &FakeUser, to_message_id: i32, text: &str) -> i32 {
        self.post(chat_id, from, text, None, Some(to_message_id))
    }

    fn post(
        &self,
        chat_id: i64,
        from: &FakeUser,
        text: &str,
        thread: Option<i32>,
        reply_to: Option<i32>,
    ) -> i32 {
        self.post_message(chat_id, from, text, thread, reply_to, false)
    }

    fn post_message(
        &self,
        chat_id: i64,
        from: &FakeUser,
        text: &str,
        thread: Option<i32>,
        reply_to: Option<i32>,
        photo: bool,
    ) -> i32 {
        assert!(
            photo || !text.is_empty(),
            "Telegram messages cannot be empty"
        );
        let mut s = self.lock();
        s.users.insert(from.id, from.clone());
        s.ensure_chat_for(chat_id, from);
        if let Some(r) = reply_to {
            assert!(
                s.chat(chat_id).messages.contains_key(&r),
                "fake Telegram: message {r} does not exist in chat {chat_id}"
            );
        }
        if let (Some(t), ChatKind::Forum) = (thread, s.chat(chat_id).chat.kind) {
            let name = format!("Topic {t}");
            s.ensure_topic(chat_id, t, from, &name);
        }
        let (tid, is_topic, reply_json, _) = s.thread_fields(chat_id, thread, reply_to);
        let chat_json = s.chat_json(chat_id);
        let cs = s.chat_mut(chat_id);
        let id = cs.alloc_id();
        let date = now();
        let mut m = json!({
            "message_id": id,
            "from": from.to_json(),
            "chat": chat_json,
            "date": date,
        });
        if let Some(t) = tid {
            m["message_thread_id"] = json!(t);
        }
        if is_topic {
            m["is_topic_message"] = json!(true);
        }
        if let Some(r) = reply_json {
            m["reply_to_message"] = r;
        }
        let entities = auto_entities(text);
        if photo {
            m["photo"] = json!([
                { "file_id": format!("small-{id}"), "file_unique_id": format!("us-{id}"), "width": 90, "height": 67, "file_size": 1200 },
                { "file_id": format!("large-{id}"), "file_unique_id": format!("ul-{id}"), "width": 1280, "height": 960, "file_size": 98000 },
            ]);
            if !text.is_empty() {
                m["caption"] = json!(text);
                if !entities.is_empty() {
                    m["caption_entities"] = Value::Array(entities);
                }
            }
        } else {
            m["text"] = json!(text);
            if !entities.is_empty() {
                m["entities"] = Value::Array(entities);
            }
        }
        cs.members.insert(from.id);
        cs.messages.insert(
            id,
            Msg {
                json: m.clone(),
                date,
                from_id: from.id,
                by_bot: false,
                topic_creation: false,
            },
        );
        s.queue_message_update("message", chat_id, m);
        drop(s);
        self.wake_pollers();
        id
    }

    /// A user edits their message: an `edited_message` update.
    pub fn edit(&self, chat_id: i64, from: &FakeUser, message_id: i32, new_text: &str) {
        let mut s = self.lock();
        let cs = s.chat_mut(chat_id);
        let msg = cs
            .messages
            .get_mut(&message_id)
            .unwrap_or_else(|| panic!("fake Telegram: no message {message_id} in chat {chat_id}"));
        assert_eq!(
            msg.from_id, from.id,
            "users can only edit their own messages"
        );
        msg.json["text"] = json!(new_text);
        let entities = auto_entities(new_text);
        if let Some(o) = msg.json.as_object_mut() {
            if entities.is_empty() {
                o.remove("entities");
            } else {
                o.insert("entities".into(), Value::Array(entities));
            }
            o.insert("edit_date".into(), json!(now()));
        }
        let m = msg.json.clone();
        s.queue_message_update("edited_message", chat_id, m);
        drop(s);
        self.wake_pollers();
    }

    /// A user presses an inline button with `data` under the bot's message:
    /// a `callback_query` update. Returns the callback query id. Panics if
    /// the message is not the bot's or has no such button.
    pub fn click(&self, chat_id: i64, from: &FakeUser, message_id: i32, data: &str) -> String {
        let mut s = self.lock();
        s.users.insert(from.id, from.clone());
        let msg = s
            .chat(chat_id)
            .messages
            .get(&message_id)
            .unwrap_or_else(|| panic!("fake Telegram: no message {message_id} in chat {chat_id}"));
        assert!(
            msg.by_bot,
            "fake Telegram: message {message_id} is not the bot's"
        );
        let has_button = msg
            .json
            .pointer("/reply_markup/inline_keyboard")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_array)
            .flatten()
            .any(|b| b.get("callback_data").and_then(Value::as_str) == Some(data));
        assert!(
            has_button,
            "fake Telegram: message {message_id} has no inline button with callback_data {data:?}"
        );
        let message = msg.json.clone();
        s.next_callback += 1;
        let id = (4_417_000_000_000_000_000u64 + s.next_callback).to_string();
        s.callbacks.insert(id.clone(), false);
        let chat_instance =
            ((chat_id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) as i64).to_string();
        let cq = json!({
            "id": id,
            "from": from.to_json(),
            "message": message,
            "chat_instance": chat_instance,
            "data": data,
        });
        s.queue_update("callback_query", cq);
        drop(s);
        self.wake_pollers();
        id
    }

    /// A user joins: a service message with `new_chat_members`.
    pub fn join(&self, chat_id: i64, user: &FakeUser) {
        let mut s = self.lock();
        s.users.insert(user.id, user.clone());
        let chat_json = s.chat_json(chat_id);
        let cs = s.chat_mut(chat_id);
        cs.members.insert(user.id);
        cs.banned_now.remove(&user.id);
        let id = cs.alloc_id();
        let date = now();
        let u = user.to_json();
        let m = json!({
            "message_id": id,
            "from": u,
            "chat": chat_json,
            "date": date,
            "new_chat_participant": u,
            "new_chat_member": u,
            "new_chat_members": [u],
        });
        cs.messages.insert(
            id,
            Msg {
                json: m.clone(),
                date,
                from_id: user.id,
                by_bot: false,
                topic_creation: false,
            },
        );
        s.queue_message_update("message", chat_id, m);
        drop(s);
        self.wake_pollers();
    }

    /// Makes a message `hours` older (for the 48 h deletion limit).
    pub fn age_message(&self, chat_id: i64, message_id: i32, hours: i64) {
        let mut s = self.lock();
        let msg = s
            .chat_mut(chat_id)
            .messages
            .get_mut(&message_id)
            .unwrap_or_else(|| panic!("fake Telegram: no message {message_id} in chat {chat_id}"));
        msg.date -= hours * 3600;
        msg.json["date"] = json!(msg.date);
    }

    /// The stored message as Telegram would report it now (None if deleted).
    pub fn message(&self, chat_id: i64, message_id: i32) -> Option<Value> {
        let s = self.lock();
        s.chats
            .get(&chat_id)?
            .messages
            .get(&message_id)
            .map(|m| m.json.clone())
    }

    // ---- what the bot did ----

    pub fn sent(&self, chat_id: i64) -> Vec<SentMessage> {
        self.with_chat(chat_id, |c| c.sent.clone())
    }

    pub fn deleted(&self, chat_id: i64) -> Vec<i32> {
        self.with_chat(chat_id, |c| c.deleted.clone())
    }

    /// Every successful restrictChatMember call: (user_id, until_date).
    pub fn restricted(&self, chat_id: i64) -> Vec<(i64, Option<i64>)> {
        self.with_chat(chat_id, |c| c.restricted.clone())
    }

    /// Every successful banChatMember call, in order.
    pub fn banned(&self, chat_id: i64) -> Vec<i64> {
        self.with_chat(chat_id, |c| c.banned.clone())
    }

    /// Every successful unbanChatMember call, in order.
    pub fn unbanned(&self, chat_id: i64) -> Vec<i64> {
        self.with_chat(chat_id, |c| c.unbanned.clone())
    }

    /// (callback_query_id, text) of every successful answerCallbackQuery.
    pub fn answered_callbacks(&self) -> Vec<(String, Option<String>)> {
        self.lock().answered.clone()
    }

    /// The highest positive `offset` any getUpdates asked for (0 if none).
    pub fn confirmed_offset(&self) -> i64 {
        self.lock().confirmed_offset
    }

    /// Updates queued and not yet confirmed.
    pub fn pending_updates(&self) -> Vec<Value> {
        self.lock().updates.iter().map(|(_, u)| u.clone()).collect()
    }

    /// Calls of `method` (case-insensitive) that reached the server with the
    /// right token, faulted ones included.
    pub fn request_count(&self, method: &str) -> usize {
        let s = self.lock();
        s.counts
            .get(&method.to_ascii_lowercase())
            .copied()
            .unwrap_or(0)
    }

    /// The command list set for `scope` ("default",
    /// "all_chat_administrators", …) and `language` ("" for everyone
    /// without a list of their own), as getMyCommands answers.
    pub fn menu(&self, scope: &str, language: &str) -> Vec<(String, String)> {
        let s = self.lock();
        s.commands
            .get(&(scope.to_string(), language.to_string()))
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|c| {
                        (
                            c["command"].as_str().unwrap_or("").to_string(),
                            c["description"].as_str().unwrap_or("").to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The parameters of every call of `method`, in order.
    pub fn requests(&self, method: &str) -> Vec<Value> {
        let m = method.to_ascii_lowercase();
        let s = self.lock();
        s.log
            .iter()
            .filter(|(name, _)| *name == m)
            .map(|(_, p)| p.clone())
            .collect()
    }

    // ---- faults ----

    /// The next `times` calls of `method` get HTTP 429 "Too Many Requests:
    /// retry after N" with `parameters.retry_after`, and are not processed.
    pub fn fail_with_429(&self, method: &str, times: usize, retry_after: u64) {
        self.push_faults(method, times, Fault::RetryAfter(retry_after));
    }

    /// The next `times` calls get HTTP 500 "Internal Server Error".
    pub fn fail_with_500(&self, method: &str, times: usize) {
        self.push_faults(method, times, Fault::ServerError);
    }

    /// The next `times` calls have their connection closed after the request
    /// was read and before any processing, without any response byte.
    pub fn drop_connections(&self, method: &str, times: usize) {
        self.push_faults(method, times, Fault::Drop);
    }

    fn push_faults(&self, method: &str, times: usize, fault: Fault) {
        let mut s = self.lock();
        let queue = s.faults.entry(method.to_ascii_lowercase()).or_default();
        queue.extend(std::iter::repeat_n(fault, times));
    }

    /// Polls until `count` messages were sent to the chat, or `timeout`
    /// passed; returns what there is.
    pub async fn wait_for_sent(
        &self,
        chat_id: i64,
        count: usize,
        timeout: Duration,
    ) -> Vec<SentMessage> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let sent = self.sent(chat_id);
            if sent.len() >= count || tokio::time::Instant::now() >= deadline {
                return sent;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Polls until `method` was called `count` times, or `timeout` passed;
    /// returns the count.
    pub async fn wait_for_requests(&self, method: &str, count: usize, timeout: Duration) -> usize {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let n = self.request_count(method);
            if n >= count || tokio::time::Instant::now() >= deadline {
                return n;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    fn with_chat<T: Default>(&self, chat_id: i64, f: impl FnOnce(&ChatState) -> T) -> T {
        self.lock().chats.get(&chat_id).map(f).unwrap_or_default()
    }
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

fn utf16_slice(s: &str, offset: usize, length: usize) -> String {
    let units: Vec<u16> = s.encode_utf16().skip(offset).take(length).collect();
    String::from_utf16_lossy(&units)
}

// ---------------------------------------------------------------------------
// State: the user side
// ---------------------------------------------------------------------------

impl State {
    fn chat(&self, chat_id: i64) -> &ChatState {
        self.chats
            .get(&chat_id)
            .unwrap_or_else(|| panic!("fake Telegram: unknown chat {chat_id}; call add_chat first"))
    }

    fn chat_mut(&mut self, chat_id: i64) -> &mut ChatState {
        self.chats
            .get_mut(&chat_id)
            .unwrap_or_else(|| panic!("fake Telegram: unknown chat {chat_id}; call add_chat first"))
    }

    fn ensure_chat_for(&mut self, chat_id: i64, from: &FakeUser) {
        if !self.chats.contains_key(&chat_id) && chat_id == from.id && chat_id > 0 {
            self.chats
                .insert(chat_id, ChatState::new(FakeChat::private(from)));
        }
    }

    /// Makes sure forum topic `thread_id` exists, creating its service message.
    fn ensure_topic(&mut self, chat_id: i64, thread_id: i32, creator: &FakeUser, name: &str) {
        let chat_json = self.chat_json(chat_id);
        let cs = self.chat_mut(chat_id);
        assert_eq!(cs.chat.kind, ChatKind::Forum, "topics exist only in forums");
        if cs.topics.contains_key(&thread_id) {
            return;
        }
        assert!(
            !cs.messages.contains_key(&thread_id),
            "fake Telegram: message {thread_id} exists and is not a topic; use create_topic"
        );
        let date = now();
        let m = json!({
            "message_id": thread_id,
            "from": creator.to_json(),
            "chat": chat_json,
            "date": date,
            "message_thread_id": thread_id,
            "is_topic_message": true,
            "forum_topic_created": {"name": name, "icon_color": 7_322_096},
        });
        cs.messages.insert(
            thread_id,
            Msg {
                json: m,
                date,
                from_id: creator.id,
                by_bot: creator.id == BOT_ID,
                topic_creation: true,
            },
        );
        cs.topics.insert(thread_id, name.to_owned());
        cs.next_message_id = cs.next_message_id.max(thread_id + 1);
    }

    fn chat_json(&self, chat_id: i64) -> Value {
        let c = &self.chat(chat_id).chat;
        match c.kind {
            ChatKind::Private => {
                let mut v = json!({"id": c.id, "type": "private"});
                match self.users.get(&c.id) {
                    Some(u) => {
                        v["first_name"] = json!(u.first_name);
                        if let Some(l) = &u.last_name {
                            v["last_name"] = json!(l);
                        }
                        if let Some(n) = &u.username {
                            v["username"] = json!(n);
                        }
                    }
                    None => v["first_name"] = json!(c.title),
                }
                v
            }
            ChatKind::Group => json!({
                "id": c.id, "title": c.title, "type": "group",
                "all_members_are_administrators": false,
            }),
            ChatKind::Supergroup => json!({"id": c.id, "title": c.title, "type": "supergroup"}),
            ChatKind::Forum => {
                json!({"id": c.id, "title": c.title, "type": "supergroup", "is_forum": true})
            }
        }
    }

    /// Telegram's `message_thread_id` / `is_topic_message` /
    /// `reply_to_message` for a new message; also the forum topic it lands in.
    fn thread_fields(
        &self,
        chat_id: i64,
        thread: Option<i32>,
        reply_to: Option<i32>,
    ) -> (Option<i32>, bool, Option<Value>, Option<i32>) {
        let cs = self.chat(chat_id);
        let replied = reply_to.and_then(|id| cs.messages.get(&id));
        let reply_json = replied.map(Msg::embedded);
        match cs.chat.kind {
            ChatKind::Forum => {
                let topic =
                    thread.or_else(|| replied.filter(|m| m.is_topic()).and_then(Msg::thread));
                match topic {
                    Some(t) => {
                        let reply = reply_json.or_else(|| cs.messages.get(&t).map(Msg::embedded));
                        (Some(t), true, reply, Some(t))
                    }
                    None => {
                        let tid = replied.map(|m| m.thread().unwrap_or(m.id()));
                        (tid, false, reply_json, None)
                    }
                }
            }
            ChatKind::Supergroup => {
                let tid = thread.or_else(|| replied.map(|m| m.thread().unwrap_or(m.id())));
                (tid, false, reply_json, None)
            }
            ChatKind::Private | ChatKind::Group => (thread, false, reply_json, None),
        }
    }

    fn queue_update(&mut self, kind: &str, payload: Value) {
        let id = self.next_update_id;
        self.next_update_id += 1;
        let mut u = Map::new();
        u.insert("update_id".into(), json!(id));
        u.insert(kind.into(), payload);
        self.updates.push_back((id, Value::Object(u)));
    }

    /// Queues a message update unless privacy mode hides it from the bot.
    fn queue_message_update(&mut self, kind: &str, chat_id: i64, m: Value) {
        if self.visible_to_bot(chat_id, &m) {
            self.queue_update(kind, m);
        }
    }

    fn visible_to_bot(&self, chat_id: i64, m: &Value) -> bool {
        let cs = self.chat(chat_id);
        if cs.chat.kind == ChatKind::Private
            || self.can_read_all_group_messages
            || cs.bot_rights.is_some()
        {
            return true;
        }
        let service = [
            "new_chat_members",
            "left_chat_member",
            "forum_topic_created",
            "pinned_message",
        ];
        if service.iter().any(|k| m.get(*k).is_some()) {
            return true;
        }
        if m.pointer("/reply_to_message/from/id")
            .and_then(Value::as_i64)
            == Some(self.bot.id)
        {
            return true;
        }
        let me = self.bot.username.as_deref().unwrap_or(BOT_USERNAME);
        let text = m.get("text").and_then(Value::as_str).unwrap_or("");
        let entities = m.get("entities").and_then(Value::as_array);
        for e in entities.into_iter().flatten() {
            let offset = e["offset"].as_u64().unwrap_or(0) as usize;
            let length = e["length"].as_u64().unwrap_or(0) as usize;
            let s = utf16_slice(text, offset, length);
            match e["type"].as_str() {
                Some("bot_command") if offset == 0 => match s.split_once('@') {
                    None => return true,
                    Some((_, target)) if target.eq_ignore_ascii_case(me) => return true,
                    Some(_) => {}
                },
                Some("mention") if s.get(1..).unwrap_or("").eq_ignore_ascii_case(me) => {
                    return true;
                }
                _ => {}
            }
        }
        false
    }

    fn apply_offset(&mut self, offset: i64) {
        if offset > 0 {
            self.updates.retain(|(id, _)| *id >= offset);
            self.confirmed_offset = self.confirmed_offset.max(offset);
        } else if offset < 0 {
            let keep = offset.unsigned_abs() as usize;
            while self.updates.len() > keep {
                self.updates.pop_front();
            }
        }
    }

    fn deliverable(&mut self, limit: usize) -> Vec<Value> {
        if let Some(allowed) = &self.allowed_updates {
            // Telegram does not even create updates of types the bot did not
            // ask for.
            let allowed = allowed.clone();
            self.updates
                .retain(|(_, u)| allowed.iter().any(|a| u.get(a).is_some()));
        }
        self.updates
            .iter()
            .take(limit)
            .map(|(_, u)| u.clone())
            .collect()
    }

    fn record_request(&mut self, method: &str, params: &Params) {
        *self.counts.entry(method.to_owned()).or_default() += 1;
        self.log
            .push((method.to_owned(), Value::Object(params.clone())));
    }

    fn next_fault(&mut self, method: &str) -> Option<Fault> {
        self.faults.get_mut(method).and_then(VecDeque::pop_front)
    }
}

// ---------------------------------------------------------------------------
// State: the bot side (Bot API methods)
// ---------------------------------------------------------------------------

fn as_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn p_i64(p: &Params, key: &str) -> Option<i64> {
    p.get(key).and_then(as_i64)
}

/// The (scope, language) a command list is kept under. From the Bot API
/// reference: `scope` is a BotCommandScope (default `{"type":"default"}`;
/// the chat scopes carry a `chat_id`), `language_code` "a two-letter ISO
/// 639-1 language code", empty for everyone without a list of their own.
fn commands_key(p: &Params) -> Result<(String, String), ApiErr> {
    let scope = p_json(p, "scope").unwrap_or_else(|| json!({"type": "default"}));
    let kind = scope["type"].as_str().unwrap_or("");
    let scope = match kind {
        "default" | "all_private_chats" | "all_group_chats" | "all_chat_administrators" => {
            kind.to_string()
        }
        "chat" | "chat_administrators" | "chat_member" => format!("{kind}:{}", scope["chat_id"]),
        _ => return Err(bad("can't parse BotCommandScope JSON object")),
    };
    let language = p_str(p, "language_code").unwrap_or_default();
    if !(language.is_empty()
        || (language.len() == 2 && language.chars().all(|c| c.is_ascii_lowercase())))
    {
        return Err(bad("invalid language code specified"));
    }
    Ok((scope, language))
}

/// BotCommand as the reference gives it: `command` 1–32 characters of
/// lowercase English letters, digits and underscores; `description` 1–256
/// characters; at most 100 commands.
fn check_bot_commands(commands: &Value) -> Result<(), ApiErr> {
    let list = commands
        .as_array()
        .ok_or_else(|| bad("can't parse commands JSON object"))?;
    if list.len() > 100 {
        return Err(bad("too many commands specified"));
    }
    for c in list {
        let name = c["command"].as_str().unwrap_or("");
        let ok = (1..=32).contains(&name.len())
            && name
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
        if !ok {
            return Err(bad("BOT_COMMAND_INVALID"));
        }
        let about = c["description"].as_str().unwrap_or("").chars().count();
        if !(1..=256).contains(&about) {
            return Err(bad("BOT_COMMAND_DESCRIPTION_INVALID"));
        }
    }
    Ok(())
}

fn p_str(p: &Params, key: &str) -> Option<String> {
    match p.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn p_bool(p: &Params, key: &str) -> bool {
    match p.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => matches!(s.as_str(), "true" | "True" | "1"),
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        _ => false,
    }
}

/// An object or array parameter (form/query parameters carry them as JSON text).
fn p_json(p: &Params, key: &str) -> Option<Value> {
    match p.get(key)? {
        Value::String(s) => serde_json::from_str(s).ok(),
        Value::Null => None,
        v => Some(v.clone()),
    }
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

const NOT_MODIFIED: &str = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

impl State {
    fn dispatch(&mut self, method: &str, p: &Params) -> ApiResult {
        match method {
            "getme" => Ok(self.me_json()),
            "sendmessage" => self.send_message(p),
            "senddocument" => self.send_document(p),
            "editmessagetext" => self.edit_message_text(p),
            "editmessagereplymarkup" => self.edit_message_reply_markup(p),
            "deletemessage" => self.delete_message(p),
            "deletemessages" => self.delete_messages(p),
            "restrictchatmember" => self.restrict_chat_member(p),
            "banchatmember" | "kickchatmember" => self.ban_chat_member(p),
            "unbanchatmember" => self.unban_chat_member(p),
            "answercallbackquery" => self.answer_callback_query(p),
            "getchatadministrators" => self.get_chat_administrators(p),
            "getchatmember" => self.get_chat_member(p),
            "getchat" => self.get_chat(p),
            "getchatmembercount" | "getchatmemberscount" => {
                let chat_id = self.req_chat(p)?;
                let cs = self.chat(chat_id);
                Ok(json!(cs.members.len() + 1))
            }
            "getwebhookinfo" => Ok(json!({
                "url": "",
                "has_custom_certificate": false,
                "pending_update_count": self.updates.len(),
            })),
            "getmycommands" => {
                let key = commands_key(p)?;
                Ok(self
                    .commands
                    .get(&key)
                    .cloned()
                    .unwrap_or_else(|| json!([])))
            }
            "setmycommands" => {
                let key = commands_key(p)?;
                let commands = p_json(p, "commands")
                    .ok_or_else(|| bad("parameter \"commands\" is required"))?;
                check_bot_commands(&commands)?;
                self.commands.insert(key, commands);
                Ok(json!(true))
            }
            "deletemycommands" => {
                let key = commands_key(p)?;
                self.commands.remove(&key);
                Ok(json!(true))
            }
            "deletewebhook"
            | "setwebhook"
            | "sendchataction"
            | "setmydescription"
            | "setmyshortdescription"
            | "setmyname"
            | "setchatmenubutton"
            | "setmydefaultadministratorrights"
            | "pinchatmessage"
            | "unpinchatmessage"
            | "unpinallchatmessages"
            | "leavechat"
            | "setmessagereaction"
            | "logout"
            | "close" => Ok(json!(true)),
            _ => Err(ApiErr::new(404, "Not Found")),
        }
    }

    fn me_json(&self) -> Value {
        let mut v = self.bot.to_json();
        v["can_join_groups"] = json!(true);
        v["can_read_all_group_messages"] = json!(self.can_read_all_group_messages);
        v["supports_inline_queries"] = json!(false);
        v["can_connect_to_business"] = json!(false);
        v["has_main_web_app"] = json!(false);
        v
    }

    fn req_chat(&self, p: &Params) -> Result<i64, ApiErr> {
        let v = p.get("chat_id").ok_or_else(|| bad("chat_id is empty"))?;
        let id = as_i64(v).ok_or_else(|| bad("chat not found"))?;
        if self.chats.contains_key(&id) {
            Ok(id)
        } else {
            Err(bad("chat not found"))
        }
    }

    fn req_message_id(p: &Params) -> Result<i32, ApiErr> {
        p_i64(p, "message_id")
            .map(|id| id as i32)
            .ok_or_else(|| bad("message identifier is not specified"))
    }

    fn req_user(p: &Params) -> Result<i64, ApiErr> {
        p_i64(p, "user_id").ok_or_else(|| bad("invalid user_id specified"))
    }

    /// Parses text as Telegram does for `parse_mode`; returns what users see
    /// and the message entities.
    fn render(&self, raw: &str, parse_mode: Option<&str>) -> Result<(String, Vec<Value>), ApiErr> {
        let users = &self.users;
        let user_json = |id: i64| {
            users
                .get(&id)
                .map(FakeUser::to_json)
                .unwrap_or_else(|| json!({"id": id, "is_bot": false, "first_name": ""}))
        };
        let (text, mut entities) = match parse_mode.map(str::to_ascii_lowercase).as_deref() {
            None => (raw.to_owned(), Vec::new()),
            Some("html") => parse_html(raw, self.strict_html, &user_json)
                .map_err(|e| bad(format!("can't parse entities: {e}")))?,
            Some("markdown" | "markdownv2") => (raw.to_owned(), Vec::new()),
            Some(_) => return Err(bad("unsupported parse_mode")),
        };
        let (text, parsed) = trim_text(&text, std::mem::take(&mut entities));
        let mut entities = parsed;
        let opaque = ["code", "pre", "text_link", "text_mention", "custom_emoji"];
        for auto in auto_entities(&text) {
            let (a0, a1) = span(&auto);
            let clash = entities.iter().any(|e| {
                let (e0, e1) = span(e);
                opaque.contains(&e["type"].as_str().unwrap_or("")) && a0 < e1 && e0 < a1
            });
            if !clash {
                entities.push(auto);
            }
        }
        sort_entities(&mut entities);
        Ok((text, entities))
    }

    /// sendDocument with an uploaded file (a file_id or URL is refused:
    /// the bot only ever uploads).
    fn send_document(&mut self, p: &Params) -> ApiResult {
        let chat_id = self.req_chat(p)?;
        if self.chat(chat_id).blocked {
            return Err(ApiErr::new(403, "Forbidden: bot was blocked by the user"));
        }
        // The file is the field itself, or (as teloxide sends it) a field
        // named by "attach://<name>", which the Bot API accepts as well.
        let document = match p.get("document") {
            Some(Value::String(s)) if s.starts_with("attach://") => p.get(&s["attach://".len()..]),
            other => other,
        };
        let (file_name, content) = match document {
            Some(Value::Object(upload)) => (
                upload["file_name"].as_str().unwrap_or_default().to_string(),
                upload["content"].as_str().unwrap_or_default().to_string(),
            ),
            Some(_) => return Err(bad("wrong remote file identifier specified")),
            None => return Err(bad("there is no document in the request")),
        };
        if content.is_empty() {
            return Err(bad("file must be non-empty"));
        }
        let chat_json = self.chat_json(chat_id);
        let bot_json = self.bot.to_json();
        let cs = self.chat_mut(chat_id);
        let id = cs.alloc_id();
        Ok(json!({
            "message_id": id,
            "from": bot_json,
            "chat": chat_json,
            "date": now(),
            "document": {
                "file_id": format!("document-{chat_id}-{id}"),
                "file_unique_id": format!("u{chat_id}x{id}"),
                "file_name": file_name,
                "file_size": content.len(),
            },
        }))
    }

    fn send_message(&mut self, p: &Params) -> ApiResult {
        let chat_id = self.req_chat(p)?;
        if self.chat(chat_id).blocked {
            return Err(ApiErr::new(403, "Forbidden: bot was blocked by the user"));
        }
        let raw = p_str(p, "text").unwrap_or_default();
        if raw.is_empty() {
            return Err(bad("message text is empty"));
        }
        let parse_mode = p_str(p, "parse_mode").filter(|m| !m.is_empty());
        let (plain, entities) = self.render(&raw, parse_mode.as_deref())?;
        if plain.is_empty() {
            return Err(bad("message text is empty"));
        }
        if utf16_len(&plain) > MAX_TEXT_UTF16 {
            return Err(bad("message is too long"));
        }
        let reply_parameters = p_json(p, "reply_parameters");
        let requested_reply = reply_parameters
            .as_ref()
            .and_then(|r| r.get("message_id"))
            .and_then(as_i64)
            .or_else(|| p_i64(p, "reply_to_message_id"))
            .map(|id| id as i32);
        let allow_without = p_bool(p, "allow_sending_without_reply")
            || reply_parameters
                .as_ref()
                .and_then(|r| r.get("allow_sending_without_reply"))
                .and_then(Value::as_bool)
                .unwrap_or(false);
        let cs = self.chat(chat_id);
        let reply_to = match requested_reply {
            Some(r) if !cs.messages.contains_key(&r) => {
                if allow_without {
                    None
                } else {
                    return Err(bad("message to be replied not found"));
                }
            }
            other => other,
        };
        let thread = p_i64(p, "message_thread_id").map(|t| t as i32);
        if let (ChatKind::Forum, Some(t)) = (cs.chat.kind, thread)
            && !cs.topics.contains_key(&t)
        {
            return Err(bad("message thread not found"));
        }
        let markup = p_json(p, "reply_markup");
        let inline = inline_keyboard(markup.as_ref())?;
        let (tid, is_topic, reply_json, topic) = self.thread_fields(chat_id, thread, reply_to);
        let chat_json = self.chat_json(chat_id);
        let bot_json = self.bot.to_json();
        let cs = self.chat_mut(chat_id);
        let id = cs.alloc_id();
        let date = now();
        let mut m = json!({"message_id": id, "from": bot_json, "chat": chat_json, "date": date});
        if let Some(t) = tid {
            m["message_thread_id"] = json!(t);
        }
        if is_topic {
            m["is_topic_message"] = json!(true);
        }
        if let Some(r) = reply_json {
            m["reply_to_message"] = r;
        }
        m["text"] = json!(plain);
        if !entities.is_empty() {
            m["entities"] = Value::Array(entities.clone());
        }
        if let Some(k) = &inline {
            m["reply_markup"] = k.clone();
        }
        cs.messages.insert(
            id,
            Msg {
                json: m.clone(),
                date,
                from_id: BOT_ID,
                by_bot: true,
                topic_creation: false,
            },
        );
        cs.sent.push(SentMessage {
            message_id: id,
            text: raw,
            plain_text: plain,
            parse_mode,
            reply_to,
            thread_id: thread,
            topic_id: topic,
            reply_markup: markup,
            edits: Vec::new(),
            entities,
            date,
            request: Value::Object(p.clone()),
        });
        Ok(m)
    }

    fn edit_message_text(&mut self, p: &Params) -> ApiResult {
        if p.contains_key("inline_message_id") {
            return Err(bad("MESSAGE_ID_INVALID"));
        }
        let chat_id = self.req_chat(p)?;
        let id = Self::req_message_id(p)?;
        let raw = p_str(p, "text").unwrap_or_default();
        if raw.is_empty() {
            return Err(bad("message text is empty"));
        }
        let parse_mode = p_str(p, "parse_mode").filter(|m| !m.is_empty());
        let (plain, entities) = self.render(&raw, parse_mode.as_deref())?;
        if plain.is_empty() {
            return Err(bad("message text is empty"));
        }
        if utf16_len(&plain) > MAX_TEXT_UTF16 {
            return Err(bad("MESSAGE_TOO_LONG"));
        }
        let markup = p_json(p, "reply_markup");
        let inline = inline_keyboard(markup.as_ref())?;
        let cs = self.chat_mut(chat_id);
        let msg = cs
            .messages
            .get_mut(&id)
            .ok_or_else(|| bad("message to edit not found"))?;
        if !msg.by_bot || msg.json.get("text").is_none() {
            return Err(bad("message can't be edited"));
        }
        let old_entities = msg
            .json
            .get("entities")
            .cloned()
            .unwrap_or_else(|| json!([]));
        if msg.json["text"] == json!(plain)
            && old_entities == json!(entities)
            && msg.json.get("reply_markup") == inline.as_ref()
        {
            return Err(bad(NOT_MODIFIED));
        }
        let o = msg.json.as_object_mut().expect("messages are objects");
        o.insert("text".into(), json!(plain));
        if entities.is_empty() {
            o.remove("entities");
        } else {
            o.insert("entities".into(), json!(entities));
        }
        match &inline {
            Some(k) => o.insert("reply_markup".into(), k.clone()),
            None => o.remove("reply_markup"),
        };
        o.insert("edit_date".into(), json!(now()));
        let result = msg.json.clone();
        if let Some(sent) = cs.sent.iter_mut().find(|s| s.message_id == id) {
            sent.edits.push(raw);
            sent.plain_text = plain;
            sent.entities = entities;
            sent.reply_markup = markup;
        }
        Ok(result)
    }

    fn edit_message_reply_markup(&mut self, p: &Params) -> ApiResult {
        if p.contains_key("inline_message_id") {
            return Err(bad("MESSAGE_ID_INVALID"));
        }
        let chat_id = self.req_chat(p)?;
        let id = Self::req_message_id(p)?;
        let markup = p_json(p, "reply_markup");
        let inline = inline_keyboard(markup.as_ref())?;
        let cs = self.chat_mut(chat_id);
        let msg = cs
            .messages
            .get_mut(&id)
            .ok_or_else(|| bad("message to edit not found"))?;
        if !msg.by_bot {
            return Err(bad("message can't be edited"));
        }
        if msg.json.get("reply_markup") == inline.as_ref() {
            return Err(bad(NOT_MODIFIED));
        }
        let o = msg.json.as_object_mut().expect("messages are objects");
        match &inline {
            Some(k) => o.insert("reply_markup".into(), k.clone()),
            None => o.remove("reply_markup"),
        };
        o.insert("edit_date".into(), json!(now()));
        let result = msg.json.clone();
        if let Some(sent) = cs.sent.iter_mut().find(|s| s.message_id == id) {
            sent.reply_markup = markup;
        }
        Ok(result)
    }

    fn delete_one(&mut self, chat_id: i64, id: i32) -> Result<(), ApiErr> {
        let cs = self.chat_mut(chat_id);
        let msg = cs
            .messages
            .get(&id)
            .ok_or_else(|| bad("message to delete not found"))?;
        let allowed = msg.by_bot || cs.chat.kind == ChatKind::Private || cs.bot_can_delete_any();
        if !allowed || msg.topic_creation || now() - msg.date >= DELETE_WINDOW_SECS {
            return Err(bad("message can't be deleted"));
        }
        cs.messages.remove(&id);
        cs.deleted.push(id);
        Ok(())
    }

    fn delete_message(&mut self, p: &Params) -> ApiResult {
        let chat_id = self.req_chat(p)?;
        let id = Self::req_message_id(p)?;
        self.delete_one(chat_id, id)?;
        Ok(json!(true))
    }

    fn delete_messages(&mut self, p: &Params) -> ApiResult {
        let chat_id = self.req_chat(p)?;
        let ids = p_json(p, "message_ids")
            .and_then(|v| v.as_array().cloned())
            .ok_or_else(|| bad("message identifiers are not specified"))?;
        for id in ids.iter().filter_map(as_i64) {
            // "If some of the specified messages can't be found, they are skipped."
            let _ = self.delete_one(chat_id, id as i32);
        }
        Ok(json!(true))
    }

    fn restrict_chat_member(&mut self, p: &Params) -> ApiResult {
        let chat_id = self.req_chat(p)?;
        let user = Self::req_user(p)?;
        let permissions = p_json(p, "permissions");
        let until = p_i64(p, "until_date");
        let cs = self.chat_mut(chat_id);
        if !cs.is_supergroup() {
            return Err(bad("method is available only for supergroups"));
        }
        if user == BOT_ID {
            return Err(bad("can't restrict self"));
        }
        if !cs.bot_can_restrict() {
            return Err(bad("not enough rights to restrict/unrestrict chat member"));
        }
        if cs.is_admin(user) {
            return Err(bad("user is an administrator of the chat"));
        }
        let permissions = permissions
            .filter(Value::is_object)
            .ok_or_else(|| bad("can't parse permissions JSON object"))?;
        cs.restricted.push((user, until));
        cs.restrictions
            .insert(user, (permissions, until.unwrap_or(0)));
        Ok(json!(true))
    }

    fn ban_chat_member(&mut self, p: &Params) -> ApiResult {
        let chat_id = self.req_chat(p)?;
        let user = Self::req_user(p)?;
        let until = p_i64(p, "until_date").unwrap_or(0);
        let cs = self.chat_mut(chat_id);
        if cs.chat.kind == ChatKind::Private {
            return Err(bad("chat member status can't be changed in private chats"));
        }
        if user == BOT_ID {
            return Err(bad("can't restrict self"));
        }
        if !cs.bot_can_restrict() {
            return Err(bad("not enough rights to restrict/unrestrict chat member"));
        }
        if cs.owner_id() == Some(user) {
            return Err(bad("can't remove chat owner"));
        }
        if cs.is_admin(user) {
            return Err(bad("user is an administrator of the chat"));
        }
        cs.banned.push(user);
        cs.banned_now.insert(user, until);
        cs.members.remove(&user);
        Ok(json!(true))
    }

    fn unban_chat_member(&mut self, p: &Params) -> ApiResult {
        let chat_id = self.req_chat(p)?;
        let user = Self::req_user(p)?;
        let only_if_banned = p_bool(p, "only_if_banned");
        let cs = self.chat_mut(chat_id);
        if cs.chat.kind == ChatKind::Private {
            return Err(bad("chat member status can't be changed in private chats"));
        }
        if !cs.bot_can_restrict() {
            return Err(bad("not enough rights to restrict/unrestrict chat member"));
        }
        if cs.is_admin(user) {
            return Err(bad("user is an administrator of the chat"));
        }
        if cs.banned_now.remove(&user).is_none() && !only_if_banned {
            // Documented: without only_if_banned a current member is removed.
            cs.members.remove(&user);
        }
        cs.unbanned.push(user);
        Ok(json!(true))
    }

    fn answer_callback_query(&mut self, p: &Params) -> ApiResult {
        let id = p_str(p, "callback_query_id").unwrap_or_default();
        match self.callbacks.get_mut(&id) {
            Some(answered) if !*answered => {
                *answered = true;
                self.answered.push((id, p_str(p, "text")));
                Ok(json!(true))
            }
            _ => Err(bad(
                "query is too old and response timeout expired or query ID is invalid",
            )),
        }
    }

    fn admin_json(
        user: &FakeUser,
        can_delete: bool,
        can_restrict: bool,
        can_promote: bool,
    ) -> Value {
        json!({
            "user": user.to_json(),
            "status": "administrator",
            "can_be_edited": false,
            "is_anonymous": false,
            "can_manage_chat": true,
            "can_delete_messages": can_delete,
            "can_manage_video_chats": true,
            "can_restrict_members": can_restrict,
            "can_promote_members": can_promote,
            "can_change_info": true,
            "can_invite_users": true,
            "can_post_stories": false,
            "can_edit_stories": false,
            "can_delete_stories": false,
            "can_pin_messages": true,
            "can_manage_topics": true,
        })
    }

    fn bot_member_json(&self, cs: &ChatState) -> Value {
        match cs.bot_rights {
            Some(r) => Self::admin_json(
                &self.bot,
                r.can_delete_messages,
                r.can_restrict_members,
                false,
            ),
            None => json!({"user": self.bot.to_json(), "status": "member"}),
        }
    }

    fn get_chat_administrators(&mut self, p: &Params) -> ApiResult {
        let chat_id = self.req_chat(p)?;
        let cs = self.chat(chat_id);
        if cs.chat.kind == ChatKind::Private {
            return Err(bad("there are no administrators in the private chat"));
        }
        let mut list = Vec::new();
        for (i, u) in cs.admins.iter().enumerate() {
            if i == 0 {
                list.push(json!({"user": u.to_json(), "status": "creator", "is_anonymous": false}));
            } else {
                list.push(Self::admin_json(u, true, true, false));
            }
        }
        if cs.bot_rights.is_some() {
            list.push(self.bot_member_json(cs));
        }
        Ok(Value::Array(list))
    }

    fn get_chat_member(&mut self, p: &Params) -> ApiResult {
        let chat_id = self.req_chat(p)?;
        let user_id = Self::req_user(p)?;
        let cs = self.chat(chat_id);
        if user_id == self.bot.id {
            return Ok(self.bot_member_json(cs));
        }
        let user = self
            .users
            .get(&user_id)
            .ok_or_else(|| bad("user not found"))?;
        let u = user.to_json();
        if let Some(pos) = cs.admins.iter().position(|a| a.id == user_id) {
            return Ok(if pos == 0 {
                json!({"user": u, "status": "creator", "is_anonymous": false})
            } else {
                Self::admin_json(user, true, true, false)
            });
        }
        if let Some(until) = cs.banned_now.get(&user_id) {
            return Ok(json!({"user": u, "status": "kicked", "until_date": until}));
        }
        if let Some((perms, until)) = cs.restrictions.get(&user_id) {
            let mut v = json!({"user": u, "status": "restricted", "is_member": cs.members.contains(&user_id), "until_date": until});
            for key in [
                "can_send_messages",
                "can_send_audios",
                "can_send_documents",
                "can_send_photos",
                "can_send_videos",
                "can_send_video_notes",
                "can_send_voice_notes",
                "can_send_polls",
                "can_send_other_messages",
                "can_add_web_page_previews",
                "can_change_info",
                "can_invite_users",
                "can_pin_messages",
                "can_manage_topics",
            ] {
                v[key] = json!(perms.get(key).and_then(Value::as_bool).unwrap_or(false));
            }
            return Ok(v);
        }
        if cs.members.contains(&user_id)
            || (cs.chat.kind == ChatKind::Private && cs.chat.id == user_id)
        {
            return Ok(json!({"user": u, "status": "member"}));
        }
        Ok(json!({"user": u, "status": "left"}))
    }

    fn get_chat(&mut self, p: &Params) -> ApiResult {
        let chat_id = self.req_chat(p)?;
        let mut v = self.chat_json(chat_id);
        v["accent_color_id"] = json!(0);
        v["max_reaction_count"] = json!(11);
        v["accepted_gift_types"] = json!({
            "unlimited_gifts": true, "limited_gifts": true,
            "unique_gifts": true, "premium_subscription": true,
        });
        if self.chat(chat_id).chat.kind != ChatKind::Private {
            if let Some(o) = v.as_object_mut() {
                o.remove("all_members_are_administrators");
            }
            v["permissions"] = json!({
                "can_send_messages": true, "can_send_audios": true, "can_send_documents": true,
                "can_send_photos": true, "can_send_videos": true, "can_send_video_notes": true,
                "can_send_voice_notes": true, "can_send_polls": true, "can_send_other_messages": true,
                "can_add_web_page_previews": true, "can_change_info": false, "can_invite_users": true,
                "can_pin_messages": false, "can_manage_topics": false,
            });
        }
        Ok(v)
    }
}

/// Validates a reply_markup; returns it if it is an inline keyboard (the only
/// kind Telegram echoes back in the Message).
fn inline_keyboard(markup: Option<&Value>) -> Result<Option<Value>, ApiErr> {
    let Some(markup) = markup else {
        return Ok(None);
    };
    let Some(rows) = markup.get("inline_keyboard") else {
        return Ok(None);
    };
    let rows = rows.as_array().ok_or_else(|| {
        bad("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array")
    })?;
    let actions = [
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    ];
    for row in rows {
        let row = row.as_array().ok_or_else(|| {
            bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
        })?;
        for button in row {
            if str_field(button, "text").is_none() {
                return Err(bad(
                    "can't parse inline keyboard button: Field \"text\" must be of type String",
                ));
            }
            if !actions.iter().any(|a| button.get(*a).is_some()) {
                return Err(bad(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
                ));
            }
            if let Some(data) = button.get("callback_data") {
                let len = data.as_str().map_or(0, str::len);
                if !(1..=64).contains(&len) {
                    return Err(bad("BUTTON_DATA_INVALID"));
                }
            }
        }
    }
    Ok(Some(json!({"inline_keyboard": rows})))
}

// ---------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------

fn entity(kind: &str, offset: usize, length: usize) -> Value {
    json!({"offset": offset, "length": length, "type": kind})
}

fn span(e: &Value) -> (u64, u64) {
    let o = e["offset"].as_u64().unwrap_or(0);
    (o, o + e["length"].as_u64().unwrap_or(0))
}

fn sort_entities(entities: &mut [Value]) {
    entities.sort_by_key(|e| {
        let (start, end) = span(e);
        (start, std::cmp::Reverse(end))
    });
}

/// The `mention` and `bot_command` entities Telegram finds in plain text
/// (ports of TDLib's match_mentions / match_bot_commands; mentions need a
/// username of at least 5 characters, like TDLib's find_mentions).
pub fn auto_entities(text: &str) -> Vec<Value> {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = Vec::with_capacity(chars.len() + 1);
    let mut acc = 0;
    for c in &chars {
        pos.push(acc);
        acc += c.len_utf16();
    }
    pos.push(acc);
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let at = |k: usize| chars.get(k).copied();
    let mut out = Vec::new();

    let mut k = 0;
    while k < chars.len() {
        if chars[k] != '@' || (k > 0 && word(chars[k - 1])) {
            k += 1;
            continue;
        }
        let start = k;
        k += 1;
        let name_start = k;
        while at(k).is_some_and(ident) {
            k += 1;
        }
        if !(5..=32).contains(&(k - name_start)) || at(k).is_some_and(word) {
            continue;
        }
        out.push(entity("mention", pos[start], pos[k] - pos[start]));
    }

    let breaks_command = |c: char| word(c) || matches!(c, '/' | '<' | '>');
    k = 0;
    while k < chars.len() {
        if chars[k] != '/' || (k > 0 && breaks_command(chars[k - 1])) {
            k += 1;
            continue;
        }
        let start = k;
        k += 1;
        let command_start = k;
        while at(k).is_some_and(ident) {
            k += 1;
        }
        if !(1..=64).contains(&(k - command_start)) {
            continue;
        }
        if at(k) == Some('@') {
            k += 1;
            let target_start = k;
            while at(k).is_some_and(ident) {
                k += 1;
            }
            if !(3..=32).contains(&(k - target_start)) {
                continue;
            }
        }
        if at(k).is_some_and(breaks_command) {
            continue;
        }
        out.push(entity("bot_command", pos[start], pos[k] - pos[start]));
    }
    sort_entities(&mut out);
    out
}

/// Telegram trims leading and trailing whitespace of message texts.
fn trim_text(text: &str, entities: Vec<Value>) -> (String, Vec<Value>) {
    let start = text.trim_start();
    let lead = utf16_len(&text[..text.len() - start.len()]) as u64;
    let trimmed = start.trim_end().to_owned();
    let total = utf16_len(&trimmed) as u64;
    let entities = entities
        .into_iter()
        .filter_map(|mut e| {
            let (s, end) = span(&e);
            let s = s.saturating_sub(lead);
            let end = end.saturating_sub(lead).min(total);
            (end > s).then(|| {
                e["offset"] = json!(s);
                e["length"] = json!(end - s);
                e
            })
        })
        .collect();
    (trimmed, entities)
}

/// Checks `text` as Telegram's HTML parse mode would (strict about `&`) and
/// returns (what users see, entities) or the error text after
/// "Bad Request: can't parse entities: ".
pub fn parse_telegram_html(text: &str) -> Result<(String, Vec<Value>), String> {
    let user = |id: i64| json!({"id": id, "is_bot": false, "first_name": ""});
    parse_html(text, true, &user)
}

fn is_td_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n' | 0 | 0x0b)
}

/// TDLib's decode_html_entity: Some((code point, end position, had ';')).
fn decode_html_entity(b: &[u8], pos: usize) -> Option<(u32, usize, bool)> {
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut end = pos + 1;
    let code: u64;
    if at(pos + 1) == b'#' {
        end += 1;
        let mut res: u64 = 0;
        if at(pos + 2) == b'x' {
            end += 1;
            while at(end).is_ascii_hexdigit() {
                res = (res * 16 + u64::from((at(end) as char).to_digit(16).unwrap_or(0)))
                    .min(u64::from(u32::MAX));
                end += 1;
            }
        } else {
            while at(end).is_ascii_digit() {
                res = (res * 10 + u64::from(at(end) - b'0')).min(u64::from(u32::MAX));
                end += 1;
            }
        }
        if res == 0 || res >= 0x10ffff || end - pos >= 10 {
            return None;
        }
        code = res;
    } else {
        while at(end).is_ascii_alphabetic() {
            end += 1;
        }
        code = match &b[pos + 1..end] {
            b"lt" => u64::from(b'<'),
            b"gt" => u64::from(b'>'),
            b"amp" => u64::from(b'&'),
            b"quot" => u64::from(b'"'),
            _ => return None,
        };
    }
    let semicolon = at(end) == b';';
    if semicolon {
        end += 1;
    }
    Some((code as u32, end, semicolon))
}

struct OpenTag {
    name: String,
    argument: String,
    expandable: bool,
    offset: usize,
    out_pos: usize,
}

/// A port of TDLib's `parse_html` (td/telegram/MessageEntity.cpp), with the
/// same error texts, plus the optional strict `&` check.
fn parse_html(
    text: &str,
    strict: bool,
    user_json: &dyn Fn(i64) -> Value,
) -> Result<(String, Vec<Value>), String> {
    const TAGS: [&str; 16] = [
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "pre",
        "code",
        "blockquote",
    ];
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let lower = |s: &[u8]| String::from_utf8_lossy(s).to_lowercase();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut utf16 = 0usize;
    let mut stack: Vec<OpenTag> = Vec::new();
    let mut entities: Vec<Value> = Vec::new();
    let mut bad_unicode = false;
    let push_code =
        |out: &mut Vec<u8>, code: u32, bad_unicode: &mut bool| match char::from_u32(code) {
            Some(c) => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            None => *bad_unicode = true,
        };

    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'&' {
            match decode_html_entity(b, i) {
                Some((code, end, semicolon)) => {
                    if strict && !semicolon {
                        return Err(format!(
                            "Bare '&' at byte offset {i}: entity without ';' (strict check of the fake server)"
                        ));
                    }
                    utf16 += if code > 0xffff { 2 } else { 1 };
                    push_code(&mut out, code, &mut bad_unicode);
                    i = end;
                    continue;
                }
                None if strict => {
                    return Err(format!(
                        "Bare '&' at byte offset {i}: write it as &amp; (strict check of the fake server)"
                    ));
                }
                None => {}
            }
        }
        if c != b'<' {
            if c & 0xC0 != 0x80 {
                utf16 += 1 + usize::from(c >= 0xf0);
            }
            out.push(c);
            i += 1;
            continue;
        }

        let begin = i;
        i += 1;
        if at(i) != b'/' {
            while !is_td_space(at(i)) && at(i) != b'>' {
                i += 1;
            }
            if at(i) == 0 {
                return Err(format!("Unclosed start tag at byte offset {begin}"));
            }
            let name = lower(&b[begin + 1..i]);
            if !TAGS.contains(&name.as_str()) {
                return Err(format!(
                    "Unsupported start tag \"{name}\" at byte offset {begin}"
                ));
            }
            let mut argument = String::new();
            let mut expandable = false;
            while at(i) != b'>' {
                while at(i) != 0 && is_td_space(at(i)) {
                    i += 1;
                }
                if at(i) == b'>' {
                    break;
                }
                let attr_begin = i;
                while !is_td_space(at(i)) && at(i) != b'=' {
                    i += 1;
                }
                let attr = &b[attr_begin..i];
                if attr.is_empty() {
                    return Err(format!(
                        "Empty attribute name in the tag \"{name}\" at byte offset {begin}"
                    ));
                }
                if name == "blockquote"
                    && attr.starts_with(b"expandable")
                    && matches!(&attr[10..], b"" | b">")
                {
                    // `<blockquote expandable>`: an attribute without value.
                    expandable = true;
                    i = attr_begin + 10;
                    continue;
                }
                while at(i) != 0 && is_td_space(at(i)) {
                    i += 1;
                }
                if at(i) != b'=' {
                    return Err(format!(
                        "Expected equal sign in declaration of an attribute of the tag \"{name}\" at byte offset {begin}"
                    ));
                }
                i += 1;
                while at(i) != 0 && is_td_space(at(i)) {
                    i += 1;
                }
                if at(i) == 0 {
                    return Err(format!(
                        "Unclosed start tag \"{name}\" at byte offset {begin}"
                    ));
                }
                let value = if at(i) != b'\'' && at(i) != b'"' {
                    let token_begin = i;
                    while at(i).is_ascii_alphanumeric() || at(i) == b'.' || at(i) == b'-' {
                        i += 1;
                    }
                    if !is_td_space(at(i)) && at(i) != b'>' {
                        return Err(format!(
                            "Unexpected end of name token at byte offset {token_begin}"
                        ));
                    }
                    lower(&b[token_begin..i])
                } else {
                    let quote = at(i);
                    i += 1;
                    let mut v = Vec::new();
                    while at(i) != quote && at(i) != 0 {
                        if at(i) == b'&'
                            && let Some((code, end, _)) = decode_html_entity(b, i)
                        {
                            push_code(&mut v, code, &mut bad_unicode);
                            i = end;
                            continue;
                        }
                        v.push(at(i));
                        i += 1;
                    }
                    if at(i) == quote {
                        i += 1;
                    }
                    String::from_utf8_lossy(&v).into_owned()
                };
                if at(i) == 0 {
                    return Err(format!("Unclosed start tag at byte offset {begin}"));
                }
                match (name.as_str(), attr) {
                    ("a", b"href") | ("tg-emoji", b"emoji-id") => argument = value,
                    ("code", b"class") if value.starts_with("language-") => {
                        argument = value[9..].to_owned()
                    }
                    ("span", b"class") if value.starts_with("tg-") => {
                        argument = value[3..].to_owned()
                    }
                    _ => {}
                }
            }
            if name == "span" && argument != "spoiler" {
                return Err(format!(
                    "Tag \"span\" must have class \"tg-spoiler\" at byte offset {begin}"
                ));
            }
            stack.push(OpenTag {
                name,
                argument,
                expandable,
                offset: utf16,
                out_pos: out.len(),
            });
        } else {
            if stack.is_empty() {
                return Err(format!("Unexpected end tag at byte offset {begin}"));
            }
            while !is_td_space(at(i)) && at(i) != b'>' {
                i += 1;
            }
            let end_name = lower(&b[begin + 2..i]);
            while is_td_space(at(i)) && at(i) != 0 {
                i += 1;
            }
            if at(i) != b'>' {
                return Err(format!("Unclosed end tag at byte offset {begin}"));
            }
            let open = stack.pop().expect("checked above");
            if !end_name.is_empty() && end_name != open.name {
                return Err(format!(
                    "Unmatched end tag at byte offset {begin}, expected \"</{}>\", found \"</{end_name}>\"",
                    open.name
                ));
            }
            if utf16 > open.offset {
                let (offset, length) = (open.offset, utf16 - open.offset);
                let simple = match open.name.as_str() {
                    "i" | "em" => Some("italic"),
                    "b" | "strong" => Some("bold"),
                    "s" | "strike" | "del" => Some("strikethrough"),
                    "u" | "ins" => Some("underline"),
                    "tg-spoiler" | "span" => Some("spoiler"),
                    "blockquote" if open.expandable => Some("expandable_blockquote"),
                    "blockquote" => Some("blockquote"),
                    _ => None,
                };
                if let Some(kind) = simple {
                    entities.push(entity(kind, offset, length));
                } else if open.name == "tg-emoji" {
                    match open.argument.parse::<i64>() {
                        Ok(id) if id != 0 => {
                            let mut e = entity("custom_emoji", offset, length);
                            e["custom_emoji_id"] = json!(id.to_string());
                            entities.push(e);
                        }
                        _ => return Err("Invalid custom emoji identifier specified".to_owned()),
                    }
                } else if open.name == "a" {
                    let mut url = open.argument.trim().to_owned();
                    if url.is_empty() {
                        url = String::from_utf8_lossy(&out[open.out_pos..])
                            .trim()
                            .to_owned();
                    }
                    let user_id = url
                        .strip_prefix("tg://user?id=")
                        .and_then(|id| id.parse::<i64>().ok());
                    if let Some(id) = user_id {
                        let mut e = entity("text_mention", offset, length);
                        e["user"] = user_json(id);
                        entities.push(e);
                    } else if !url.is_empty() {
                        let has_scheme = url.contains("://")
                            || url.starts_with("tg:")
                            || url.starts_with("mailto:");
                        let mut e = entity("text_link", offset, length);
                        e["url"] = json!(if has_scheme {
                            url
                        } else {
                            format!("http://{url}")
                        });
                        entities.push(e);
                    }
                } else {
                    // pre / code, combined into pre+language like TDLib.
                    let last_same = entities.last().is_some_and(|e| {
                        e["offset"] == json!(offset) && e["length"] == json!(length)
                    });
                    if open.name == "pre" {
                        let last_is_code_with_language = last_same
                            && entities.last().is_some_and(|e| {
                                e["type"] == "code" && e.get("language").is_some()
                            });
                        if last_is_code_with_language {
                            let last = entities.last_mut().expect("checked");
                            last["type"] = json!("pre");
                        } else {
                            entities.push(entity("pre", offset, length));
                        }
                    } else {
                        let last_is_pre =
                            last_same && entities.last().is_some_and(|e| e["type"] == "pre");
                        if last_is_pre && !open.argument.is_empty() {
                            let last = entities.last_mut().expect("checked");
                            last["language"] = json!(open.argument);
                        } else {
                            let mut e = entity("code", offset, length);
                            if !open.argument.is_empty() {
                                e["language"] = json!(open.argument);
                            }
                            entities.push(e);
                        }
                    }
                }
            }
        }
        i += 1;
    }
    if let Some(open) = stack.last() {
        return Err(format!(
            "Can't find end tag corresponding to start tag {}",
            open.name
        ));
    }
    if bad_unicode {
        return Err(
            "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units"
                .to_owned(),
        );
    }
    for e in &mut entities {
        if e["type"] == "code"
            && let Some(o) = e.as_object_mut()
        {
            o.remove("language");
        }
    }
    sort_entities(&mut entities);
    let text = String::from_utf8(out).map_err(|_| "Strings must be encoded in UTF-8".to_owned())?;
    Ok((text, entities))
}

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

fn ok_response(result: Value) -> Response {
    Json(json!({"ok": true, "result": result})).into_response()
}

fn error_response(e: ApiErr) -> Response {
    let mut body = json!({"ok": false, "error_code": e.code, "description": e.description});
    if let Some(secs) = e.retry_after {
        body["parameters"] = json!({"retry_after": secs});
    }
    let status = StatusCode::from_u16(e.code).unwrap_or(StatusCode::BAD_REQUEST);
    (status, Json(body)).into_response()
}

/// Form and query values are strings; JSON-typed ones (objects, arrays) are
/// JSON text, decoded on use by `p_json`.
fn form_params(params: &mut Params, pairs: Vec<(String, String)>) {
    for (k, v) in pairs {
        params.insert(k, Value::String(v));
    }
}

async fn read_params(req: Request) -> Result<Params, ApiErr> {
    let mut params = Params::new();
    if let Ok(Query(pairs)) = Query::<Vec<(String, String)>>::try_from_uri(req.uri()) {
        form_params(&mut params, pairs);
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("application/json") {
        let body = Bytes::from_request(req, &())
            .await
            .map_err(|_| bad("can't read request body"))?;
        if !body.is_empty() {
            match serde_json::from_slice::<Value>(&body) {
                Ok(Value::Object(o)) => params.extend(o),
                _ => return Err(bad("can't parse JSON encoded request")),
            }
        }
    } else if content_type.starts_with("multipart/form-data") {
        // An upload (sendDocument): plain fields are strings, a file field
        // becomes {"file_name", "content"} so tests can read what was sent.
        let unreadable = |_| bad("can't parse multipart/form-data request");
        let mut form = axum::extract::Multipart::from_request(req, &())
            .await
            .map_err(|_| bad("can't parse multipart/form-data request"))?;
        while let Some(field) = form.next_field().await.map_err(unreadable)? {
            let name = field.name().unwrap_or_default().to_string();
            let file_name = field.file_name().map(str::to_string);
            let bytes = field.bytes().await.map_err(unreadable)?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let value = match file_name {
                Some(file_name) => json!({"file_name": file_name, "content": text}),
                None => Value::String(text),
            };
            params.insert(name, value);
        }
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        let Form(pairs) = Form::<Vec<(String, String)>>::from_request(req, &())
            .await
            .map_err(|_| bad("can't parse form encoded request"))?;
        form_params(&mut params, pairs);
    }
    Ok(params)
}

async fn handle(
    AxumState(inner): AxumState<Arc<Inner>>,
    Path((bot, method)): Path<(String, String)>,
    req: Request,
) -> Response {
    match bot.strip_prefix("bot") {
        None => return error_response(ApiErr::new(404, "Not Found")),
        Some(token) if token != inner.token => {
            return error_response(ApiErr::new(401, "Unauthorized"));
        }
        Some(_) => {}
    }
    let conn = req
        .extensions()
        .get::<ConnectInfo<ConnHandle>>()
        .map(|c| c.0.clone());
    let params = match read_params(req).await {
        Ok(p) => p,
        Err(e) => return error_response(e),
    };
    // Bot API method names are case-insensitive.
    let method = method.to_ascii_lowercase();
    let fault = {
        let mut s = inner.lock();
        s.record_request(&method, &params);
        s.next_fault(&method)
    };
    match fault {
        Some(Fault::RetryAfter(secs)) => {
            return error_response(ApiErr {
                code: 429,
                description: format!("Too Many Requests: retry after {secs}"),
                retry_after: Some(secs),
            });
        }
        Some(Fault::ServerError) => {
            return error_response(ApiErr::new(500, "Internal Server Error"));
        }
        Some(Fault::Drop) => {
            if let Some(conn) = conn {
                conn.cut.store(true, Ordering::SeqCst);
            }
            // Never reaches the client: the connection refuses to write it.
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
        None => {}
    }
    if method == "getupdates" {
        return get_updates(&inner, &params).await;
    }
    let result = inner.lock().dispatch(&method, &params);
    match result {
        Ok(v) => ok_response(v),
        Err(e) => error_response(e),
    }
}

async fn get_updates(inner: &Arc<Inner>, p: &Params) -> Response {
    let offset = p_i64(p, "offset");
    let limit = p_i64(p, "limit").unwrap_or(100).clamp(1, 100) as usize;
    let timeout = p_i64(p, "timeout").unwrap_or(0).max(0) as u64;
    let allowed: Option<Vec<String>> = p_json(p, "allowed_updates").and_then(|v| {
        v.as_array().map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
    });
    let ticket;
    let deadline;
    {
        let mut s = inner.lock();
        deadline = tokio::time::Instant::now() + Duration::from_secs(timeout).min(s.max_poll_wait);
        s.poll_ticket += 1;
        if let Some(o) = offset {
            s.apply_offset(o);
        }
        if let Some(a) = allowed {
            s.allowed_updates = (!a.is_empty()).then_some(a);
        }
        ticket = s.poll_ticket;
    }
    // Wakes an earlier long poll so that it ends with 409 Conflict.
    inner.notify.notify_waiters();
    loop {
        let mut notified = std::pin::pin!(inner.notify.notified());
        notified.as_mut().enable();
        {
            let mut s = inner.lock();
            if s.poll_ticket != ticket {
                return error_response(ApiErr::new(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                ));
            }
            let batch = s.deliverable(limit);
            if !batch.is_empty() || tokio::time::Instant::now() >= deadline {
                return ok_response(Value::Array(batch));
            }
        }
        tokio::select! {
            _ = &mut notified => {}
            _ = tokio::time::sleep_until(deadline) => {}
        }
    }
}

// ---------------------------------------------------------------------------
// Connections that can be cut
// ---------------------------------------------------------------------------

/// Per-connection handle given to handlers (as axum connect info).
#[derive(Clone, Debug)]
struct ConnHandle {
    peer: SocketAddr,
    cut: Arc<AtomicBool>,
}

impl Connected<IncomingStream<'_, CutListener>> for ConnHandle {
    fn connect_info(stream: IncomingStream<'_, CutListener>) -> Self {
        stream.remote_addr().clone()
    }
}

struct CutListener(TcpListener);

impl Listener for CutListener {
    type Io = CutIo;
    type Addr = ConnHandle;

    async fn accept(&mut self) -> (CutIo, ConnHandle) {
        loop {
            match self.0.accept().await {
                Ok((stream, peer)) => {
                    let _ = stream.set_nodelay(true);
                    let cut = Arc::new(AtomicBool::new(false));
                    let handle = ConnHandle {
                        peer,
                        cut: cut.clone(),
                    };
                    return (CutIo { stream, cut }, handle);
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(5)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<ConnHandle> {
        Ok(ConnHandle {
            peer: self.0.local_addr()?,
            cut: Arc::new(AtomicBool::new(false)),
        })
    }
}

/// A TCP stream that, once cut, reads EOF and refuses every write, so hyper
/// drops the connection without sending a byte of the response.
struct CutIo {
    stream: TcpStream,
    cut: Arc<AtomicBool>,
}

impl CutIo {
    fn is_cut(&self) -> bool {
        self.cut.load(Ordering::SeqCst)
    }
}

fn cut_error() -> io::Error {
    io::Error::new(
        io::ErrorKind::ConnectionAborted,
        "fake Telegram cut the connection",
    )
}

impl AsyncRead for CutIo {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.is_cut() {
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut this.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for CutIo {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.is_cut() {
            return Poll::Ready(Err(cut_error()));
        }
        Pin::new(&mut this.stream).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.is_cut() {
            return Poll::Ready(Err(cut_error()));
        }
        Pin::new(&mut this.stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}
