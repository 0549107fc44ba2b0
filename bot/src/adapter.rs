//! The boundary every platform implements.
//!
//! An adapter connects to its platform, turns platform events into typed
//! [`Inbound`] events carrying only opaque references, and carries out what
//! the core asks: send, reply, edit, delete, react. It declares what its
//! platform can do in [`Capabilities`]; the core renders and splits text to
//! fit. Platform types (Telegram `ChatId`, serenity `ChannelId`, ruma
//! `OwnedRoomId`) stay inside the adapter.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::model::{ConversationRef, MessageRef, Platform, UserRef};
// The renderer owns the formats and length units; adapters declare theirs.
pub use crate::render::{LengthUnit, TextFormat};

/// Who did something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub user: UserRef,
    /// The name to show ("Mette", "@mette:example.org").
    pub display_name: String,
    /// Bots (including this one) are never answered.
    pub is_bot: bool,
}

/// A file or picture that came with a message; `reference` is whatever the
/// adapter needs to find it again (a URL, an `mxc://` URI, a file id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub reference: String,
    pub is_image: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboundMessage {
    pub message: MessageRef,
    pub author: Author,
    /// The text with any mention of the bot already removed.
    pub text: String,
    /// Said to the bot: a command, a mention, a reply to the bot, or a
    /// private chat. Other group talk is only seen by the guidelines.
    pub addressed_to_bot: bool,
    pub private: bool,
    pub reply_to: Option<MessageRef>,
    /// The thread the message is in, to answer in the same thread.
    pub thread: Option<String>,
    pub attachments: Vec<Attachment>,
    pub sent_at: DateTime<Utc>,
}

/// Everything that can happen on a platform that the core cares about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inbound {
    Message(InboundMessage),
    Edited {
        message: MessageRef,
        author: Author,
        new_text: String,
        /// The platform's id of this edit (Matrix: the replacing event's
        /// id; Telegram: the edit date; Discord: the edited timestamp), so a
        /// redelivered edit is recognised and A→B→A counts as three edits.
        edit_id: String,
    },
    Deleted {
        message: MessageRef,
    },
    Reaction {
        message: MessageRef,
        author: Author,
        emoji: String,
        added: bool,
    },
    MemberJoined {
        conversation: ConversationRef,
        member: Author,
        at: DateTime<Utc>,
    },
    /// Someone pressed a button under one of the bot's messages.
    Button {
        /// The bot's message the button is under.
        message: MessageRef,
        author: Author,
        data: String,
        /// The platform's id of this press (it is handled once).
        press_id: String,
    },
}

impl Inbound {
    /// A key naming this one event on its platform, stable across
    /// redeliveries: replies to it are sent at most once under it.
    pub fn source_key(&self) -> String {
        let c = self.conversation();
        let what = match self {
            Inbound::Message(m) => format!("m:{}", m.message.id),
            Inbound::Edited {
                message, edit_id, ..
            } => format!("e:{}:{edit_id}", message.id),
            Inbound::Deleted { message } => format!("d:{}", message.id),
            Inbound::Reaction {
                message,
                author,
                emoji,
                added,
            } => format!("r:{}:{}:{emoji}:{added}", message.id, author.user.id),
            Inbound::MemberJoined { member, at, .. } => {
                format!("j:{}:{}", member.user.id, at.timestamp())
            }
            Inbound::Button { press_id, .. } => format!("b:{press_id}"),
        };
        format!("{}:{}:{what}", c.platform, c.id)
    }

    pub fn platform(&self) -> Platform {
        match self {
            Inbound::Message(m) => m.message.conversation.platform,
            Inbound::Edited { message, .. }
            | Inbound::Deleted { message }
            | Inbound::Reaction { message, .. }
            | Inbound::Button { message, .. } => message.conversation.platform,
            Inbound::MemberJoined { conversation, .. } => conversation.platform,
        }
    }

    pub fn conversation(&self) -> &ConversationRef {
        match self {
            Inbound::Message(m) => &m.message.conversation,
            Inbound::Edited { message, .. }
            | Inbound::Deleted { message }
            | Inbound::Reaction { message, .. }
            | Inbound::Button { message, .. } => &message.conversation,
            Inbound::MemberJoined { conversation, .. } => conversation,
        }
    }
}

/// What a platform can do. Declared by the adapter, never a user setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    pub max_message_len: usize,
    pub length_unit: LengthUnit,
    pub format: TextFormat,
    pub threads: bool,
    pub reactions: bool,
    pub edits: bool,
    pub deletes: bool,
}

impl From<&Capabilities> for crate::render::Medium {
    fn from(caps: &Capabilities) -> Self {
        crate::render::Medium {
            format: caps.format,
            max_message_len: caps.max_message_len,
            length_unit: caps.length_unit,
        }
    }
}

/// One rendered message to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub conversation: ConversationRef,
    /// Already rendered for the adapter's [`TextFormat`] and within its length.
    pub text: String,
    pub reply_to: Option<MessageRef>,
    pub thread: Option<String>,
    /// Stable across retries of the same part; platforms that support it
    /// (Matrix transaction ids, Discord nonces) use it so a retry after a
    /// timeout never posts twice.
    pub idempotency_key: Option<String>,
    /// Buttons, on the last part of a split message.
    pub buttons: Vec<crate::render::Button>,
}

#[derive(Debug, thiserror::Error)]
pub enum AdapterError {
    #[error("{platform} is unreachable: {detail}")]
    Unavailable { platform: Platform, detail: String },
    #[error("{platform} refused: {detail}")]
    Refused { platform: Platform, detail: String },
    #[error("{platform} cannot {what}")]
    Unsupported {
        platform: Platform,
        what: &'static str,
    },
    #[error("{platform} adapter failed: {detail}")]
    Other { platform: Platform, detail: String },
}

/// How an adapter's connection to its platform stands. Says nothing of
/// what went wrong: error texts can hold a token in a URL, and this is
/// shown to anyone who asks `/healthz`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Not yet through to the platform.
    Connecting,
    /// The last poll, sync or gateway session worked, since then.
    Connected {
        since: chrono::DateTime<chrono::Utc>,
    },
    /// The platform has not answered `failures` times in a row, since then;
    /// the adapter keeps trying.
    Failing {
        since: chrono::DateTime<chrono::Utc>,
        failures: u32,
    },
}

/// An adapter's [`Link`], kept up to date by its loop.
#[derive(Debug)]
pub struct LinkState(std::sync::Mutex<Link>);

impl Default for LinkState {
    fn default() -> Self {
        LinkState(std::sync::Mutex::new(Link::Connecting))
    }
}

impl LinkState {
    pub fn get(&self) -> Link {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The platform answered.
    pub fn works(&self) {
        let mut link = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if !matches!(*link, Link::Connected { .. }) {
            *link = Link::Connected {
                since: chrono::Utc::now(),
            };
        }
    }

    /// The platform did not answer.
    pub fn fails(&self) {
        let mut link = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *link = match *link {
            Link::Failing { since, failures } => Link::Failing {
                since,
                failures: failures.saturating_add(1),
            },
            _ => Link::Failing {
                since: chrono::Utc::now(),
                failures: 1,
            },
        };
    }
}

#[async_trait]
pub trait Adapter: Send + Sync {
    fn platform(&self) -> Platform;

    fn capabilities(&self) -> Capabilities;

    /// Receives from the platform until `shutdown` or until the platform
    /// ends the session (the console at end of input), pushing every event
    /// into `inbound`.
    async fn run(
        &self,
        inbound: mpsc::Sender<Inbound>,
        shutdown: CancellationToken,
    ) -> Result<(), AdapterError>;

    /// Sends one message and returns the platform's reference to it.
    async fn send(&self, message: Outgoing) -> Result<MessageRef, AdapterError>;

    async fn edit(&self, message: &MessageRef, text: &str) -> Result<(), AdapterError>;

    async fn delete(&self, message: &MessageRef) -> Result<(), AdapterError>;

    async fn react(&self, message: &MessageRef, emoji: &str) -> Result<(), AdapterError>;

    /// A private message to `user` about something in `conversation` (a
    /// guideline note that should not be said in front of everyone; "does
    /// it still happen?"), with `buttons` under it where the platform has
    /// them in private chats (the text always says the same in words).
    async fn send_private(
        &self,
        user: &UserRef,
        conversation: &ConversationRef,
        text: &str,
        buttons: &[crate::render::Button],
    ) -> Result<(), AdapterError>;

    /// Sends a file after a message: privately to `private_to` (about
    /// `conversation`), or into `conversation`. A platform without files
    /// keeps the default, and the message's text stands alone.
    async fn send_file(
        &self,
        conversation: &ConversationRef,
        private_to: Option<&UserRef>,
        file: &crate::render::File,
    ) -> Result<(), AdapterError> {
        let _ = (conversation, private_to, file);
        Err(AdapterError::Unsupported {
            platform: self.platform(),
            what: "send files",
        })
    }

    /// Stops `user` from writing in `conversation` for `minutes`.
    async fn mute(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
        minutes: u32,
    ) -> Result<(), AdapterError>;

    /// Removes `user` from `conversation` for good.
    async fn ban(&self, conversation: &ConversationRef, user: &UserRef)
    -> Result<(), AdapterError>;

    /// Called when the core has finished with an event the adapter pushed,
    /// so the adapter can move its platform cursor past it (and not before:
    /// a crash in between means the event is delivered again, and the core
    /// recognises it).
    async fn acknowledge(&self, _event: &Inbound) {}

    /// Whether this process can deliver a queued message: answering the
    /// platform message `reply_to`, or private to the user id `private_to`.
    /// A platform connection reaches everyone, so the default is yes; the
    /// console is one person's terminal, and a notice for someone else waits
    /// in the outbox until that person's own session delivers it.
    fn delivers(&self, _reply_to: Option<&str>, _private_to: Option<&str>) -> bool {
        true
    }

    /// How the connection to the platform stands (for `/healthz`); `None`
    /// for an adapter with no connection to lose (the console).
    fn link(&self) -> Option<Link> {
        None
    }

    /// Whether the platform itself makes `user` an admin of `conversation`
    /// (Telegram chat administrators, Discord permissions, Matrix power levels).
    async fn is_admin(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
    ) -> Result<bool, AdapterError>;
}

/// The events an adapter handed to the core from one platform batch and
/// still waits on before it moves its platform cursor (Telegram's offset,
/// Matrix's sync token): a crash before that means the batch is delivered
/// again, and the core recognises what it already handled.
///
/// Counted by [`Inbound::source_key`]: two events of a batch may share a
/// key (a member joining twice) and each must be counted off, or the batch
/// never finishes and the adapter stops reading.
#[derive(Debug, Default)]
pub struct PendingBatch {
    open: std::sync::Mutex<std::collections::HashMap<String, usize>>,
    done: tokio::sync::Notify,
}

impl PendingBatch {
    /// Counts `events` as handed to the core.
    pub fn add(&self, events: &[Inbound]) {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        for event in events {
            *open.entry(event.source_key()).or_default() += 1;
        }
    }

    /// The core finished `event` (call from [`Adapter::acknowledge`]).
    pub fn acknowledge(&self, event: &Inbound) {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let key = event.source_key();
        if let Some(count) = open.get_mut(&key) {
            *count -= 1;
            if *count == 0 {
                open.remove(&key);
            }
        }
        if open.is_empty() {
            self.done.notify_waiters();
        }
    }

    fn is_open(&self) -> bool {
        !self
            .open
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_empty()
    }

    /// Waits until every added event was acknowledged; `false` when
    /// `shutdown` came first (the cursor must then stay where it is).
    pub async fn finished(&self, shutdown: &CancellationToken) -> bool {
        while self.is_open() {
            // The short sleep covers an acknowledgement that lands between
            // the check and the wait.
            tokio::select! {
                () = self.done.notified() => {}
                () = tokio::time::sleep(std::time::Duration::from_millis(200)) => {}
                () = shutdown.cancelled() => return false,
            }
        }
        true
    }
}
