//! The event loop: adapters push inbound events, the engine decides, and the
//! adapter of the event's platform carries out the replies.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use tracing::{Instrument, error, info, info_span, warn};

use crate::adapter::{Adapter, AdapterError, Inbound, Outgoing};
use crate::engine::{Action, Bot, Situation};
use crate::lang::Language;
use crate::model::{ConversationRef, Platform, UserRef};
use crate::render::render;

/// What the configuration says about conversations and people.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// Each configured conversation's language.
    pub languages: HashMap<ConversationRef, Language>,
    /// People the configuration makes admins everywhere.
    pub admins: HashSet<UserRef>,
    pub default_language: Option<Language>,
}

impl Directory {
    pub fn language_of(&self, conversation: &ConversationRef) -> Language {
        self.languages
            .get(conversation)
            .copied()
            .or(self.default_language)
            .unwrap_or(Language::Da)
    }
}

/// Runs every adapter and handles their events until all adapters have
/// stopped or `shutdown` is cancelled. Events are handled one at a time in
/// arrival order, so replies keep the order of the messages they answer.
pub async fn run(
    bot: Arc<Bot>,
    adapters: Vec<Arc<dyn Adapter>>,
    directory: Directory,
    shutdown: CancellationToken,
) -> Result<(), AdapterError> {
    let (tx, mut rx) = mpsc::channel::<Inbound>(256);
    let by_platform: HashMap<Platform, Arc<dyn Adapter>> =
        adapters.iter().map(|a| (a.platform(), a.clone())).collect();
    let mut tasks = JoinSet::new();
    for adapter in adapters {
        let tx = tx.clone();
        let shutdown = shutdown.clone();
        tasks.spawn(async move {
            let platform = adapter.platform();
            let result = adapter.run(tx, shutdown).await;
            (platform, result)
        });
    }
    drop(tx);

    loop {
        tokio::select! {
            event = rx.recv() => match event {
                Some(event) => {
                    let span = info_span!("inbound", platform = %event.platform(), conversation = %event.conversation().id);
                    handle_one(&bot, &by_platform, &directory, event).instrument(span).await;
                }
                // Every adapter has stopped (the console reached end of input).
                None => break,
            },
            () = shutdown.cancelled() => break,
        }
    }
    shutdown.cancel();
    let mut first_error = None;
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok((platform, Ok(()))) => info!(%platform, "adapter stopped"),
            Ok((platform, Err(e))) => {
                error!(%platform, error = %e, "adapter failed");
                first_error.get_or_insert(e);
            }
            Err(e) => error!(error = %e, "adapter task panicked"),
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

async fn handle_one(
    bot: &Bot,
    adapters: &HashMap<Platform, Arc<dyn Adapter>>,
    directory: &Directory,
    event: Inbound,
) {
    let Some(adapter) = adapters.get(&event.platform()) else {
        warn!("event from a platform without an adapter");
        return;
    };
    let conversation = event.conversation().clone();
    let sender = match &event {
        Inbound::Message(m) => Some(&m.author.user),
        Inbound::Edited { author, .. } | Inbound::Reaction { author, .. } => Some(&author.user),
        Inbound::MemberJoined { member, .. } => Some(&member.user),
        Inbound::Deleted { .. } => None,
    };
    let sender_is_admin = match sender {
        Some(user) if directory.admins.contains(user) => true,
        Some(user) => adapter.is_admin(&conversation, user).await.unwrap_or_else(|e| {
            warn!(error = %e, "could not ask the platform about admin rights; treating as resident");
            false
        }),
        None => false,
    };
    let situation = Situation {
        channel_language: directory.language_of(&conversation),
        sender_is_admin,
    };
    for action in bot.handle(&event, &situation).await {
        perform(adapter.as_ref(), action).await;
    }
}

async fn perform(adapter: &dyn Adapter, action: Action) {
    match action {
        Action::Reply {
            conversation,
            reply_to,
            thread,
            doc,
        } => {
            let caps = adapter.capabilities();
            for (i, text) in render(&doc, &caps).into_iter().enumerate() {
                let outgoing = Outgoing {
                    conversation: conversation.clone(),
                    text,
                    // Only the first part answers the message; the rest follow it.
                    reply_to: if i == 0 { reply_to.clone() } else { None },
                    thread: thread.clone(),
                };
                if let Err(e) = adapter.send(outgoing).await {
                    error!(error = %e, "sending a reply failed");
                    break;
                }
            }
        }
    }
}
