//! The Telegram adapter: long-polls the Bot API with teloxide's client,
//! turns updates into the core's inbound events, and sends, deletes, mutes
//! and bans within Telegram's rules.
//!
//! Delivery: an update's offset is confirmed to Telegram only after the core
//! has finished with every event of the batch (Telegram forgets confirmed
//! updates), and the next offset is kept in the database, so a restart
//! neither drops nor repeats a submission. Sends are paced per chat and
//! overall, honour `retry_after` on 429, and retry 5xx answers and network
//! errors with backoff; what still fails goes back to the core's outbox.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use chrono::Utc;
use teloxide::payloads::{
    BanChatMemberSetters, GetUpdatesSetters, RestrictChatMemberSetters, SendMessageSetters,
};
use teloxide::requests::Requester;
use teloxide::types::{
    AllowedUpdate, ChatId, ChatMemberKind, ChatPermissions, InlineKeyboardButton,
    InlineKeyboardMarkup, Message, MessageId, ParseMode, ReplyParameters, ThreadId, Update,
    UpdateKind, User, UserId,
};
use teloxide::{ApiError, Bot, RequestError};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};
use vores_bot::adapter::{Attachment, Author, InboundMessage, PendingBatch};
use vores_bot::model::{ConversationRef, MessageRef, Platform, UserRef};
use vores_bot::{
    Adapter, AdapterError, Capabilities, Cursors, Inbound, LengthUnit, Outgoing, TextFormat,
};

pub mod doctor;

/// The database cursor holding the next update id to ask for.
const OFFSET_CURSOR: &str = "telegram:offset";
/// How long Telegram's admin list of a chat is trusted.
const ADMIN_CACHE: Duration = Duration::from_secs(60);
/// Telegram: about one message a second per chat, 20 a minute per group,
/// 30 a second overall.
const PER_CHAT_GAP: Duration = Duration::from_millis(1000);
const PER_GROUP_PER_MINUTE: usize = 20;
const OVERALL_GAP: Duration = Duration::from_millis(34);
/// Telegram deletes messages only within 48 hours.
const DELETE_WINDOW_HOURS: i64 = 48;

/// How to reach Telegram.
#[derive(Clone)]
pub struct TelegramSettings {
    pub token: String,
    /// The Bot API server (default the public one).
    pub api_url: Option<String>,
    /// Long-poll timeout in seconds.
    pub poll_timeout: u32,
    /// The chats the config names, to check the bot's rights at start.
    pub chats: Vec<i64>,
    /// The language of the command menu for people whose Telegram app
    /// speaks none of the bot's languages (Telegram has no Danish app, so
    /// in a Danish town this is the town's language).
    pub menu_language: vores_bot::Language,
}

/// A command's name in a Telegram menu: its name in `lang` where Telegram
/// allows it (lowercase English letters, digits and underscores, at most
/// 32), else the English one ("/help" for "hjælp").
fn menu_name(command: &vores_bot::menu::MenuCommand, lang: vores_bot::Language) -> &'static str {
    command
        .name_in(lang)
        .filter(|name| {
            (1..=32).contains(&name.len())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .unwrap_or(command.name)
}

impl std::fmt::Debug for TelegramSettings {
    // The token never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TelegramSettings")
            .field("api_url", &self.api_url)
            .field("poll_timeout", &self.poll_timeout)
            .field("chats", &self.chats)
            .finish_non_exhaustive()
    }
}

#[derive(Default)]
struct Pacing {
    last_per_chat: HashMap<i64, Instant>,
    group_sends: HashMap<i64, Vec<Instant>>,
    last_overall: Option<Instant>,
}

pub struct TelegramAdapter {
    /// Whether the platform answers (for `/healthz`).
    link: vores_bot::adapter::LinkState,
    bot: Bot,
    bot_id: u64,
    username: String,
    cursors: Arc<dyn Cursors>,
    poll_timeout: u32,
    admins: Mutex<HashMap<i64, (Instant, Vec<u64>)>>,
    pacing: tokio::sync::Mutex<Pacing>,
    pending: PendingBatch,
}

fn platform_error(e: impl std::fmt::Display) -> AdapterError {
    AdapterError::Other {
        platform: Platform::Telegram,
        detail: e.to_string(),
    }
}

impl TelegramAdapter {
    /// Checks the token and the API (failing fast with what to do), warns
    /// about privacy mode and missing rights, and is then ready to run.
    pub async fn connect(
        settings: TelegramSettings,
        cursors: Arc<dyn Cursors>,
    ) -> Result<Self, AdapterError> {
        let (bot, api) = client(&settings, settings.poll_timeout)?;
        let me = match bot.get_me().await {
            Ok(me) => me,
            Err(RequestError::Api(ApiError::InvalidToken)) => {
                return Err(AdapterError::Refused {
                    platform: Platform::Telegram,
                    detail: "Telegram does not accept the bot token; check VORES_TELEGRAM_TOKEN (or the token file) against @BotFather".into(),
                });
            }
            Err(e) => {
                return Err(AdapterError::Unavailable {
                    platform: Platform::Telegram,
                    detail: format!(
                        "cannot reach the Bot API at {api} ({e}); check the network and `api_url`"
                    ),
                });
            }
        };
        let username = me.user.username.clone().unwrap_or_default();
        if !me.can_read_all_group_messages {
            warn!(
                bot = %username,
                "Telegram privacy mode is on: in groups the bot only sees commands, mentions and replies, \
                 so posting guidelines cannot be enforced there. Turn it off in @BotFather (/setprivacy) \
                 or make the bot an admin of the group"
            );
        }
        let adapter = TelegramAdapter {
            link: vores_bot::adapter::LinkState::default(),
            bot,
            bot_id: me.user.id.0,
            username,
            cursors,
            poll_timeout: settings.poll_timeout,
            admins: Mutex::new(HashMap::new()),
            pacing: tokio::sync::Mutex::new(Pacing::default()),
            pending: PendingBatch::default(),
        };
        for chat in settings.chats {
            adapter.check_rights(chat).await;
        }
        adapter.set_menus(settings.menu_language).await;
        info!(bot = %adapter.username, "connected to Telegram");
        Ok(adapter)
    }

    /// Sets the "/" menu residents see (and the longer one group admins
    /// see) in every language of the bot Telegram can tell (its users'
    /// `language_code`), and in `default` for everyone else. A menu is a
    /// help, not a need: a refusal is logged and the bot runs on.
    async fn set_menus(&self, default: vores_bot::Language) {
        use teloxide::payloads::SetMyCommandsSetters;
        use teloxide::types::{BotCommand, BotCommandScope};
        let mut menus = vec![(None, default)];
        for lang in vores_bot::Language::all() {
            // Telegram takes two-letter ISO 639-1 codes only.
            if lang.code().len() == 2 {
                menus.push((Some(lang.code()), lang));
            }
        }
        for (code, lang) in menus {
            for admins in [false, true] {
                let commands: Vec<BotCommand> = vores_bot::menu::MENU
                    .iter()
                    .filter(|c| admins || !c.admins_only)
                    .map(|c| BotCommand::new(menu_name(c, lang), c.about(lang)))
                    .collect();
                let scope = if admins {
                    BotCommandScope::AllChatAdministrators
                } else {
                    BotCommandScope::Default
                };
                let mut request = self.bot.set_my_commands(commands).scope(scope);
                if let Some(code) = code {
                    request = request.language_code(code);
                }
                if let Err(e) = request.await {
                    warn!(language = code.unwrap_or("default"), error = %e, "could not set the command menu");
                }
            }
        }
    }

    /// Says in the log what the bot may not do in a group, so a rule that
    /// cannot be enforced is never a surprise.
    async fn check_rights(&self, chat: i64) {
        if chat > 0 {
            return; // A private chat has no admins.
        }
        match self.bot.get_chat_administrators(ChatId(chat)).await {
            Ok(members) => {
                let mine = members.iter().find(|m| m.user.id.0 == self.bot_id);
                let (delete, restrict) = match mine.map(|m| &m.kind) {
                    Some(ChatMemberKind::Owner(_)) => (true, true),
                    Some(ChatMemberKind::Administrator(a)) => {
                        (a.can_delete_messages, a.can_restrict_members)
                    }
                    _ => (false, false),
                };
                if !delete {
                    warn!(
                        chat,
                        "the bot may not delete messages here (can_delete_messages); guideline breaches will be reported to the admins instead"
                    );
                }
                if !restrict {
                    warn!(
                        chat,
                        "the bot may not mute or ban here (can_restrict_members); escalations will be reported to the admins instead"
                    );
                }
            }
            Err(e) => {
                warn!(chat, error = %e, "could not read the chat's admins; is the bot in the chat?")
            }
        }
    }

    fn conversation(chat: ChatId) -> ConversationRef {
        ConversationRef {
            platform: Platform::Telegram,
            id: chat.0.to_string(),
        }
    }

    fn author(user: &User) -> Author {
        let mut name = user.first_name.clone();
        if let Some(last) = &user.last_name {
            name = format!("{name} {last}");
        }
        Author {
            user: UserRef {
                platform: Platform::Telegram,
                id: user.id.0.to_string(),
            },
            display_name: name,
            is_bot: user.is_bot,
        }
    }

    /// What the bot should see of a message: said to it (private chat, a
    /// command, a mention, a reply to it), with the mention taken out.
    fn inbound_message(&self, msg: &Message) -> Option<InboundMessage> {
        let from = msg.from.as_ref()?;
        if from.id.0 == self.bot_id {
            return None;
        }
        // A photo's words are its caption; a photo alone has none.
        let photo = msg
            .photo()
            .and_then(|sizes| sizes.last())
            .map(|p| Attachment {
                reference: format!("telegram:{}", p.file.id),
                is_image: true,
            });
        let text = msg
            .text()
            .or_else(|| msg.caption())
            .or_else(|| photo.as_ref().map(|_| ""))?;
        let private = msg.chat.is_private();
        let mention = format!("@{}", self.username);
        let mentioned = !self.username.is_empty()
            && text
                .to_ascii_lowercase()
                .contains(&mention.to_ascii_lowercase());
        let replied_to_bot = msg
            .reply_to_message()
            .and_then(|r| r.from.as_ref())
            .is_some_and(|u| u.id.0 == self.bot_id);
        let command = text.trim_start().starts_with('/');
        let cleaned = if mentioned && !command {
            // Found in the original text (ASCII case-insensitively), so the
            // cut is always on a character boundary.
            let at = text
                .char_indices()
                .map(|(i, _)| i)
                .find(|&i| {
                    text.get(i..i + mention.len())
                        .is_some_and(|part| part.eq_ignore_ascii_case(&mention))
                })
                .unwrap_or(0);
            let end = (at + mention.len()).min(text.len());
            let end = if text.is_char_boundary(end) { end } else { at };
            format!("{}{}", &text[..at], &text[end..])
                .trim()
                .trim_start_matches([':', ','])
                .trim()
                .to_string()
        } else {
            text.to_string()
        };
        let conversation = Self::conversation(msg.chat.id);
        Some(InboundMessage {
            message: MessageRef {
                conversation: conversation.clone(),
                id: msg.id.0.to_string(),
            },
            author: Self::author(from),
            text: cleaned,
            addressed_to_bot: private || command || mentioned || replied_to_bot,
            private,
            reply_to: msg.reply_to_message().map(|r| MessageRef {
                conversation: conversation.clone(),
                id: r.id.0.to_string(),
            }),
            thread: msg
                .thread_id
                .filter(|_| msg.is_topic_message)
                .map(|t| t.0.0.to_string()),
            attachments: photo.into_iter().collect(),
            sent_at: msg.date,
        })
    }

    /// The core's events for one update (none for what we do not handle).
    async fn events(&self, update: &Update) -> Vec<Inbound> {
        match &update.kind {
            UpdateKind::Message(msg) => {
                if let Some(members) = msg.new_chat_members() {
                    return members
                        .iter()
                        .filter(|u| u.id.0 != self.bot_id)
                        .map(|u| Inbound::MemberJoined {
                            conversation: Self::conversation(msg.chat.id),
                            member: Self::author(u),
                            at: msg.date,
                        })
                        .collect();
                }
                self.inbound_message(msg)
                    .into_iter()
                    .map(Inbound::Message)
                    .collect()
            }
            // The same reading as a new message, so a mention of the bot
            // is taken out of the edited text too.
            UpdateKind::EditedMessage(msg) => match self.inbound_message(msg) {
                Some(edited) => vec![Inbound::Edited {
                    message: edited.message,
                    author: edited.author,
                    new_text: edited.text,
                    edit_id: msg.edit_date().map_or_else(
                        || format!("u{}", update.id.0),
                        |d| d.timestamp().to_string(),
                    ),
                }],
                None => Vec::new(),
            },
            UpdateKind::CallbackQuery(query) => {
                // Always answered at once, so the button stops spinning.
                if let Err(e) = self.bot.answer_callback_query(query.id.clone()).await {
                    warn!(error = %e, "could not answer a button press");
                }
                let (Some(message), Some(data)) = (&query.message, &query.data) else {
                    return Vec::new();
                };
                vec![Inbound::Button {
                    message: MessageRef {
                        conversation: Self::conversation(message.chat().id),
                        id: message.id().0.to_string(),
                    },
                    author: Self::author(&query.from),
                    data: data.clone(),
                    press_id: query.id.0.clone(),
                }]
            }
            _ => Vec::new(),
        }
    }

    async fn next_offset(&self) -> i32 {
        match self.cursors.cursor(OFFSET_CURSOR).await {
            Ok(Some(v)) => v.parse().unwrap_or(0),
            Ok(None) => 0,
            Err(e) => {
                warn!(error = %e, "could not read the saved Telegram offset; starting from what Telegram still holds");
                0
            }
        }
    }

    /// Waits for Telegram's limits before a send to `chat`.
    async fn pace(&self, chat: i64) {
        let mut pacing = self.pacing.lock().await;
        let now = Instant::now();
        let mut wait = Duration::ZERO;
        if let Some(last) = pacing.last_per_chat.get(&chat) {
            wait = wait.max(PER_CHAT_GAP.saturating_sub(now - *last));
        }
        if let Some(last) = pacing.last_overall {
            wait = wait.max(OVERALL_GAP.saturating_sub(now - last));
        }
        if chat < 0 {
            let sends = pacing.group_sends.entry(chat).or_default();
            sends.retain(|t| now - *t < Duration::from_secs(60));
            if sends.len() >= PER_GROUP_PER_MINUTE {
                wait = wait.max(Duration::from_secs(60).saturating_sub(now - sends[0]));
            }
        }
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        let sent_at = Instant::now();
        pacing.last_per_chat.insert(chat, sent_at);
        pacing.last_overall = Some(sent_at);
        if chat < 0 {
            pacing.group_sends.entry(chat).or_default().push(sent_at);
        }
    }

    fn chat_of(conversation: &ConversationRef) -> Result<ChatId, AdapterError> {
        conversation
            .id
            .parse()
            .map(ChatId)
            .map_err(|_| AdapterError::Refused {
                platform: Platform::Telegram,
                detail: format!("{:?} is not a Telegram chat id", conversation.id),
            })
    }
}

/// teloxide's client for `settings`' token and Bot API server (and that
/// server's address, to name it in errors); requests wait up to
/// `poll_timeout` seconds plus a margin for an answer.
fn client(settings: &TelegramSettings, poll_timeout: u32) -> Result<(Bot, String), AdapterError> {
    let mut bot = Bot::with_client(settings.token.clone(), http_client(poll_timeout)?);
    let api = settings
        .api_url
        .clone()
        .unwrap_or_else(|| "https://api.telegram.org".to_string());
    if let Some(url) = &settings.api_url {
        let parsed = url.parse().map_err(|e| AdapterError::Refused {
            platform: Platform::Telegram,
            detail: format!(
                "api_url {url:?} is not a URL ({e}); use e.g. https://api.telegram.org"
            ),
        })?;
        bot = bot.set_api_url(parsed);
    }
    Ok((bot, api))
}

/// How much longer than a long poll the HTTP client waits for any answer: a
/// quiet poll ends after `poll_timeout` seconds with an empty list, so the
/// client must not give up first (teloxide's default client gives up after
/// 17 s, which turned every idle 25 s poll into a "network error" and a
/// growing retry delay).
const CLIENT_MARGIN: Duration = Duration::from_secs(15);

/// teloxide's recommended client settings, with a request timeout that
/// outlives the long poll.
fn http_client(poll_timeout: u32) -> Result<reqwest::Client, AdapterError> {
    teloxide::net::default_reqwest_settings()
        .timeout(Duration::from_secs(u64::from(poll_timeout)) + CLIENT_MARGIN)
        .build()
        .map_err(|e| AdapterError::Refused {
            platform: Platform::Telegram,
            detail: format!("cannot build the HTTP client: {e}"),
        })
}

/// An inline keyboard, two buttons a row; `None` without buttons.
fn keyboard(buttons: &[vores_bot::render::Button]) -> Option<InlineKeyboardMarkup> {
    (!buttons.is_empty()).then(|| {
        InlineKeyboardMarkup::new(buttons.chunks(2).map(|row| {
            row.iter()
                .map(|b| {
                    // callback_data is at most 64 bytes.
                    let mut data = b.data.clone();
                    while data.len() > 64 {
                        data.pop();
                    }
                    InlineKeyboardButton::callback(b.label.clone(), data)
                })
                .collect::<Vec<_>>()
        }))
    })
}

/// Whether a failed request is worth trying again soon.
fn retryable(e: &RequestError) -> Option<Duration> {
    match e {
        RequestError::RetryAfter(s) => Some(Duration::from_secs(u64::from(s.seconds()).min(120))),
        RequestError::Network(_) | RequestError::Io(_) => Some(Duration::from_millis(500)),
        RequestError::Api(ApiError::Unknown(text))
            if text.contains("Internal")
                || text.contains("Bad Gateway")
                || text.contains("Gateway")
                || text.contains("Too Many") =>
        {
            Some(Duration::from_millis(500))
        }
        _ => None,
    }
}

fn refused(e: RequestError) -> AdapterError {
    match e {
        RequestError::Network(_) | RequestError::Io(_) => AdapterError::Unavailable {
            platform: Platform::Telegram,
            detail: e.to_string(),
        },
        other => AdapterError::Refused {
            platform: Platform::Telegram,
            detail: other.to_string(),
        },
    }
}

#[async_trait]
impl Adapter for TelegramAdapter {
    fn link(&self) -> Option<vores_bot::adapter::Link> {
        Some(self.link.get())
    }

    fn platform(&self) -> Platform {
        Platform::Telegram
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            max_message_len: 4096,
            length_unit: LengthUnit::Utf16,
            format: TextFormat::Html,
            threads: true,
            reactions: false,
            edits: true,
            deletes: true,
        }
    }

    async fn run(
        &self,
        inbound: mpsc::Sender<Inbound>,
        shutdown: CancellationToken,
    ) -> Result<(), AdapterError> {
        let mut offset = self.next_offset().await;
        let mut failures: u32 = 0;
        loop {
            let request = self
                .bot
                .get_updates()
                .offset(offset)
                .timeout(self.poll_timeout)
                .allowed_updates(vec![
                    AllowedUpdate::Message,
                    AllowedUpdate::EditedMessage,
                    AllowedUpdate::CallbackQuery,
                ]);
            let updates = tokio::select! {
                result = request => result,
                () = shutdown.cancelled() => return Ok(()),
            };
            let updates = match updates {
                Ok(updates) => {
                    failures = 0;
                    self.link.works();
                    updates
                }
                Err(e) => {
                    failures += 1;
                    self.link.fails();
                    let wait = retryable(&e).unwrap_or(Duration::from_secs(1)) * failures.min(30);
                    warn!(error = %e, ?wait, "polling Telegram failed; trying again");
                    tokio::select! {
                        () = tokio::time::sleep(wait) => continue,
                        () = shutdown.cancelled() => return Ok(()),
                    }
                }
            };
            if updates.is_empty() {
                continue;
            }
            let last = updates.iter().map(|u| u.id.0).max().unwrap_or(0);
            for update in &updates {
                let events = self.events(update).await;
                self.pending.add(&events);
                for event in events {
                    if inbound.send(event).await.is_err() {
                        return Ok(());
                    }
                }
            }
            // Telegram forgets updates once a later offset is asked for, so
            // the next poll waits until the core has finished this batch.
            if !self.pending.finished(&shutdown).await {
                return Ok(());
            }
            offset = last as i32 + 1;
            if let Err(e) = self
                .cursors
                .set_cursor(OFFSET_CURSOR, &offset.to_string(), Utc::now())
                .await
            {
                warn!(error = %e, "could not save the Telegram offset; a restart may see this batch again (it is recognised)");
            }
            debug!(offset, "batch done");
        }
    }

    async fn acknowledge(&self, event: &Inbound) {
        self.pending.acknowledge(event);
    }

    async fn send(&self, message: Outgoing) -> Result<MessageRef, AdapterError> {
        let chat = Self::chat_of(&message.conversation)?;
        let keyboard = keyboard(&message.buttons);
        // 429s are Telegram saying "later", not failures: they get their own,
        // larger allowance.
        let (mut failures, mut waits) = (0u32, 0u32);
        loop {
            self.pace(chat.0).await;
            let mut request = self
                .bot
                .send_message(chat, message.text.clone())
                .parse_mode(ParseMode::Html);
            if let Some(reply) = &message.reply_to
                && let Ok(id) = reply.id.parse()
            {
                request = request.reply_parameters(
                    ReplyParameters::new(MessageId(id)).allow_sending_without_reply(),
                );
            }
            if let Some(thread) = message.thread.as_ref().and_then(|t| t.parse().ok()) {
                request = request.message_thread_id(ThreadId(MessageId(thread)));
            }
            if let Some(keyboard) = &keyboard {
                request = request.reply_markup(keyboard.clone());
            }
            match request.await {
                Ok(sent) => {
                    return Ok(MessageRef {
                        conversation: message.conversation,
                        id: sent.id.0.to_string(),
                    });
                }
                Err(e) => {
                    let rate_limited = matches!(e, RequestError::RetryAfter(_));
                    if rate_limited {
                        waits += 1;
                    } else {
                        failures += 1;
                    }
                    match retryable(&e) {
                        Some(wait) if failures < 5 && waits < 20 => {
                            let wait = if rate_limited {
                                wait
                            } else {
                                (wait * 2u32.pow(failures.saturating_sub(1)))
                                    .min(Duration::from_secs(8))
                            };
                            warn!(error = %e, ?wait, "sending to Telegram failed; retrying");
                            tokio::time::sleep(wait).await;
                        }
                        _ => return Err(refused(e)),
                    }
                }
            }
        }
    }

    async fn edit(&self, message: &MessageRef, text: &str) -> Result<(), AdapterError> {
        let chat = Self::chat_of(&message.conversation)?;
        let id: i32 = message.id.parse().map_err(platform_error)?;
        self.bot
            .edit_message_text(chat, MessageId(id), text.to_string())
            .await
            .map(|_| ())
            .map_err(refused)
    }

    async fn delete(&self, message: &MessageRef) -> Result<(), AdapterError> {
        let chat = Self::chat_of(&message.conversation)?;
        let id: i32 = message.id.parse().map_err(platform_error)?;
        match self.bot.delete_message(chat, MessageId(id)).await {
            Ok(_) => Ok(()),
            Err(RequestError::Api(ApiError::MessageCantBeDeleted)) => Err(AdapterError::Refused {
                platform: Platform::Telegram,
                detail: format!(
                    "Telegram will not delete it: the bot needs the admin right can_delete_messages, and only messages under {DELETE_WINDOW_HOURS} hours old can be deleted"
                ),
            }),
            Err(e) => Err(refused(e)),
        }
    }

    async fn react(&self, _message: &MessageRef, _emoji: &str) -> Result<(), AdapterError> {
        Err(AdapterError::Unsupported {
            platform: Platform::Telegram,
            what: "react",
        })
    }

    async fn send_private(
        &self,
        user: &UserRef,
        _conversation: &ConversationRef,
        text: &str,
        buttons: &[vores_bot::render::Button],
    ) -> Result<(), AdapterError> {
        let id: i64 = user.id.parse().map_err(platform_error)?;
        self.pace(id).await;
        let mut request = self
            .bot
            .send_message(ChatId(id), text.to_string())
            .parse_mode(ParseMode::Html);
        if let Some(keyboard) = keyboard(buttons) {
            request = request.reply_markup(keyboard);
        }
        request.await.map(|_| ()).map_err(refused)
    }

    /// `sendDocument` with the file's bytes (multipart upload).
    async fn send_file(
        &self,
        conversation: &ConversationRef,
        private_to: Option<&UserRef>,
        file: &vores_bot::render::File,
    ) -> Result<(), AdapterError> {
        let chat = match private_to {
            Some(user) => ChatId(user.id.parse().map_err(platform_error)?),
            None => Self::chat_of(conversation)?,
        };
        self.pace(chat.0).await;
        let document = teloxide::types::InputFile::memory(file.content.clone().into_bytes())
            .file_name(file.name.clone());
        self.bot
            .send_document(chat, document)
            .await
            .map(|_| ())
            .map_err(refused)
    }

    async fn mute(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
        minutes: u32,
    ) -> Result<(), AdapterError> {
        let chat = Self::chat_of(conversation)?;
        let id: u64 = user.id.parse().map_err(platform_error)?;
        self.bot
            .restrict_chat_member(chat, UserId(id), ChatPermissions::empty())
            .until_date(Utc::now() + chrono::Duration::minutes(i64::from(minutes)))
            .await
            .map(|_| ())
            .map_err(refused)
    }

    async fn ban(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
    ) -> Result<(), AdapterError> {
        let chat = Self::chat_of(conversation)?;
        let id: u64 = user.id.parse().map_err(platform_error)?;
        self.bot
            .ban_chat_member(chat, UserId(id))
            .revoke_messages(false)
            .await
            .map(|_| ())
            .map_err(refused)
    }

    async fn is_admin(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
    ) -> Result<bool, AdapterError> {
        let chat = Self::chat_of(conversation)?;
        if chat.0 > 0 {
            return Ok(false);
        }
        let user_id: u64 = user.id.parse().map_err(platform_error)?;
        if let Some((at, admins)) = self
            .admins
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&chat.0)
            && at.elapsed() < ADMIN_CACHE
        {
            return Ok(admins.contains(&user_id));
        }
        let members = self
            .bot
            .get_chat_administrators(chat)
            .await
            .map_err(refused)?;
        let admins: Vec<u64> = members.iter().map(|m| m.user.id.0).collect();
        let is_admin = admins.contains(&user_id);
        self.admins
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(chat.0, (Instant::now(), admins));
        Ok(is_admin)
    }
}
