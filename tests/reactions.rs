//! Reactions as answers, through the real runtime and a real SQLite store:
//! a platform adapter that the test scripts (residents post and react, the
//! bot's messages get platform ids) — the way Matrix residents and admins
//! use ✅, ❌ and 👍.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use vores_bot::adapter::{Author, InboundMessage};
use vores_bot::community::{ChannelInfo, Community};
use vores_bot::model::{ConversationRef, MessageRef, Platform, Status, UserRef};
use vores_bot::{
    Adapter, AdapterError, Bot, Capabilities, FixedClock, Inbound, Language, LengthUnit, Outgoing,
    Settings, TextFormat,
};
use vores_storage::Database;

const ROOM: &str = "!torvet:localhost";

/// A platform whose residents the test plays.
struct Scripted {
    events: Mutex<Option<mpsc::Receiver<Inbound>>>,
    sent: Mutex<Vec<(String, Outgoing)>>,
    admins: HashSet<String>,
}

#[async_trait]
impl Adapter for Scripted {
    fn platform(&self) -> Platform {
        Platform::Matrix
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            max_message_len: 4000,
            length_unit: LengthUnit::Bytes,
            format: TextFormat::Plain,
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
        let mut events = self.events.lock().expect("lock").take().expect("run once");
        loop {
            tokio::select! {
                event = events.recv() => match event {
                    Some(event) => {
                        if inbound.send(event).await.is_err() {
                            return Ok(());
                        }
                    }
                    None => return Ok(()),
                },
                () = shutdown.cancelled() => return Ok(()),
            }
        }
    }

    async fn send(&self, message: Outgoing) -> Result<MessageRef, AdapterError> {
        let mut sent = self.sent.lock().expect("lock");
        let id = format!("$bot{}", sent.len() + 1);
        let conversation = message.conversation.clone();
        sent.push((id.clone(), message));
        Ok(MessageRef { conversation, id })
    }

    async fn edit(&self, _: &MessageRef, _: &str) -> Result<(), AdapterError> {
        Ok(())
    }

    async fn delete(&self, _: &MessageRef) -> Result<(), AdapterError> {
        Ok(())
    }

    async fn react(&self, _: &MessageRef, _: &str) -> Result<(), AdapterError> {
        Ok(())
    }

    async fn send_private(
        &self,
        _: &UserRef,
        _: &ConversationRef,
        _: &str,
        _: &[vores_bot::render::Button],
    ) -> Result<(), AdapterError> {
        Ok(())
    }

    async fn mute(&self, _: &ConversationRef, _: &UserRef, _: u32) -> Result<(), AdapterError> {
        Ok(())
    }

    async fn ban(&self, _: &ConversationRef, _: &UserRef) -> Result<(), AdapterError> {
        Ok(())
    }

    async fn is_admin(&self, _: &ConversationRef, user: &UserRef) -> Result<bool, AdapterError> {
        Ok(self.admins.contains(&user.id))
    }
}

fn room() -> ConversationRef {
    ConversationRef {
        platform: Platform::Matrix,
        id: ROOM.to_string(),
    }
}

fn person(id: &str, name: &str) -> Author {
    Author {
        user: UserRef {
            platform: Platform::Matrix,
            id: id.to_string(),
        },
        display_name: name.to_string(),
        is_bot: false,
    }
}

fn at(id: &str) -> MessageRef {
    MessageRef {
        conversation: room(),
        id: id.to_string(),
    }
}

struct Town {
    events: mpsc::Sender<Inbound>,
    platform: Arc<Scripted>,
    db: Arc<Database>,
    shutdown: CancellationToken,
    running: tokio::task::JoinHandle<()>,
}

impl Town {
    async fn new() -> Town {
        let db = Arc::new(Database::open("sqlite::memory:").await.expect("database"));
        let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-06-10T10:00:00+02:00")
            .expect("time")
            .with_timezone(&Utc);
        let mut community = Community::simple(Language::Da);
        community.add_channel(
            0,
            ChannelInfo {
                conversation: room(),
                name: "Torvet".to_string(),
                language: Language::Da,
            },
        );
        let bot = Arc::new(Bot::new(
            db.clone(),
            Arc::new(FixedClock(now)),
            Settings::default(),
            Arc::new(community),
        ));
        let (events, rx) = mpsc::channel(16);
        let platform = Arc::new(Scripted {
            events: Mutex::new(Some(rx)),
            sent: Mutex::new(Vec::new()),
            admins: ["@mette:localhost".to_string()].into_iter().collect(),
        });
        let shutdown = CancellationToken::new();
        let running = tokio::spawn({
            let platform: Arc<dyn Adapter> = platform.clone();
            let shutdown = shutdown.clone();
            async move {
                vores_bot::runtime::run(bot, vec![platform], false, shutdown)
                    .await
                    .expect("runs");
            }
        });
        Town {
            events,
            platform,
            db,
            shutdown,
            running,
        }
    }

    async fn say(&self, id: &str, who: &Author, text: &str) {
        self.events
            .send(Inbound::Message(InboundMessage {
                message: at(id),
                author: who.clone(),
                text: text.to_string(),
                addressed_to_bot: true,
                private: false,
                reply_to: None,
                thread: None,
                attachments: Vec::new(),
                sent_at: Utc::now(),
            }))
            .await
            .expect("send");
    }

    async fn react(&self, message: &str, who: &Author, emoji: &str, added: bool) {
        self.events
            .send(Inbound::Reaction {
                message: at(message),
                author: who.clone(),
                emoji: emoji.to_string(),
                added,
            })
            .await
            .expect("send");
    }

    /// Waits for the bot's `n`th message and returns its id and text.
    async fn nth(&self, n: usize) -> (String, String) {
        for _ in 0..200 {
            if let Some((id, out)) = self.platform.sent.lock().expect("lock").get(n - 1) {
                return (id.clone(), out.text.clone());
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!(
            "the bot sent only {:?}",
            self.platform.sent.lock().expect("lock")
        );
    }

    fn count(&self) -> usize {
        self.platform.sent.lock().expect("lock").len()
    }

    async fn status(&self, id: i64) -> Status {
        vores_bot::Store::submission(self.db.as_ref(), id)
            .await
            .expect("read")
            .expect("exists")
            .status
    }

    async fn stop(self) {
        drop(self.events);
        self.shutdown.cancel();
        self.running.await.expect("stopped");
    }
}

/// Lets the runtime handle what was sent so far (events are handled in order,
/// so a later message's answer means the earlier ones are done).
async fn settle(town: &Town, marker: &str) {
    let before = town.count();
    town.say(marker, &person("@probe:localhost", "Probe"), "hjælp")
        .await;
    town.nth(before + 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_decide_with_reactions_and_residents_show_interest() {
    let town = Town::new().await;
    let ali = person("@ali:localhost", "Ali");
    let ahmed = person("@ahmed:localhost", "Ahmed");
    let mette = person("@mette:localhost", "Mette");

    town.say("$e1", &ali, "Byttemarked i Glashuset lørdag kl. 10-14")
        .await;
    let (confirmation, text) = town.nth(1).await;
    assert!(text.contains("#1") && text.contains("godkendt"), "{text}");

    // A resident's ✅ on someone else's submission does nothing at all.
    town.react(&confirmation, &ahmed, "✅", true).await;
    settle(&town, "$p1").await;
    assert_eq!(town.status(1).await, Status::Pending);
    assert_eq!(town.count(), 2, "no answer to an ordinary ✅");

    // The admin queue is an approval request: a resident's ✅ there is refused.
    town.say("$q1", &mette, "/afventer").await;
    let (queue, text) = town.nth(3).await;
    assert!(text.contains("#1"), "{text}");
    town.react(&queue, &ahmed, "✅", true).await;
    let (_, refusal) = town.nth(4).await;
    assert!(
        refusal.contains("kun gruppens administratorer"),
        "{refusal}"
    );
    assert_eq!(town.status(1).await, Status::Pending);

    // The admin's ✅ on the resident's confirmation approves it.
    town.react(&confirmation, &mette, "✅️", true).await;
    let (_, approved) = town.nth(5).await;
    assert!(approved.contains("#1 er godkendt"), "{approved}");
    assert_eq!(town.status(1).await, Status::Published);

    // 👍 from others counts once each; the submitter's own does not count.
    town.react("$e1", &ahmed, "👍", true).await;
    town.react(&confirmation, &ahmed, "👍🏽", true).await;
    town.react(&confirmation, &mette, "👍", true).await;
    town.react(&confirmation, &ali, "👍", true).await;
    settle(&town, "$p2").await;
    let answered = town.count();
    town.say("$w1", &ahmed, "hvad sker der i weekenden?").await;
    let (_, whats_on) = town.nth(answered + 1).await;
    assert!(
        whats_on.contains("Byttemarked") && whats_on.contains("👍 2"),
        "{whats_on}"
    );

    // The admin's ❌ on a pending submission rejects it with a reason.
    town.say("$e2", &ahmed, "Fest på Torvet fredag kl. 20-23")
        .await;
    let (second, text) = town.nth(answered + 2).await;
    assert!(text.contains("#2"), "{text}");
    town.react(&second, &mette, "❌", true).await;
    settle(&town, "$p3").await;
    assert_eq!(town.status(2).await, Status::Rejected);
    let texts: Vec<String> = town
        .platform
        .sent
        .lock()
        .expect("lock")
        .iter()
        .map(|(_, o)| o.text.clone())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("ikke passer her")),
        "the submitter hears why: {texts:#?}"
    );

    // The submitter's ❌ on their own confirmation cancels it.
    town.say("$e3", &ali, "Loppemarked søndag kl. 9-13").await;
    settle(&town, "$p4").await;
    let third = town
        .platform
        .sent
        .lock()
        .expect("lock")
        .iter()
        .find(|(_, o)| o.text.contains("#3"))
        .map(|(id, _)| id.clone())
        .expect("confirmation of #3");
    town.react(&third, &ali, "❌", true).await;
    settle(&town, "$p5").await;
    assert_eq!(town.status(3).await, Status::Withdrawn);
    town.stop().await;
}
