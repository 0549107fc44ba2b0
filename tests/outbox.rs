//! The durable outbox against a platform that fails: one channel that is
//! down must not hold the others back, is retried with growing waits, and
//! is reported to the admins when it keeps failing; a channel that comes
//! back gets its message exactly once. Real SQLite, a test adapter that
//! records what it was asked to send, and a clock the test moves.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use vores_bot::community::{ChannelInfo, Community};
use vores_bot::model::{ConversationRef, MessageRef, Platform, UserRef};
use vores_bot::render::Doc;
use vores_bot::runtime::{drain, perform};
use vores_bot::{
    Adapter, AdapterError, Bot, Capabilities, Clock, Inbound, Language, LengthUnit, Outgoing,
    Settings, TextFormat,
};
use vores_storage::Database;

struct TestClock(Mutex<DateTime<Utc>>);

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock lock")
    }
}

impl TestClock {
    fn advance(&self, by: Duration) {
        *self.0.lock().expect("clock lock") += by;
    }
}

/// A platform where some conversations are down, that dedupes retried sends
/// by idempotency key as Matrix and Discord do.
#[derive(Default)]
struct FlakyPlatform {
    down: Mutex<HashSet<String>>,
    delivered: Mutex<Vec<(String, String)>>,
    seen_keys: Mutex<HashSet<String>>,
    attempts: Mutex<HashMap<String, u32>>,
    /// Private notes: (user, text of one part).
    private: Mutex<Vec<(String, String)>>,
}

#[async_trait]
impl Adapter for FlakyPlatform {
    fn platform(&self) -> Platform {
        Platform::Console
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            max_message_len: 500,
            length_unit: LengthUnit::Chars,
            format: TextFormat::Plain,
            threads: false,
            reactions: false,
            edits: false,
            deletes: false,
        }
    }

    async fn run(
        &self,
        _: mpsc::Sender<Inbound>,
        _: CancellationToken,
    ) -> Result<(), AdapterError> {
        Ok(())
    }

    async fn send(&self, message: Outgoing) -> Result<MessageRef, AdapterError> {
        let id = message.conversation.id.clone();
        *self
            .attempts
            .lock()
            .expect("lock")
            .entry(id.clone())
            .or_default() += 1;
        if self.down.lock().expect("lock").contains(&id) {
            return Err(AdapterError::Unavailable {
                platform: Platform::Console,
                detail: "down".into(),
            });
        }
        let key = message
            .idempotency_key
            .clone()
            .expect("the outbox always gives a key");
        if self.seen_keys.lock().expect("lock").insert(key) {
            self.delivered
                .lock()
                .expect("lock")
                .push((id.clone(), message.text));
        }
        Ok(MessageRef {
            conversation: message.conversation,
            id: format!("m{id}"),
        })
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
        user: &UserRef,
        _: &ConversationRef,
        text: &str,
        _: &[vores_bot::render::Button],
    ) -> Result<(), AdapterError> {
        self.private
            .lock()
            .expect("lock")
            .push((user.id.clone(), text.to_string()));
        Ok(())
    }

    async fn mute(&self, _: &ConversationRef, _: &UserRef, _: u32) -> Result<(), AdapterError> {
        Ok(())
    }

    async fn ban(&self, _: &ConversationRef, _: &UserRef) -> Result<(), AdapterError> {
        Ok(())
    }

    async fn is_admin(&self, _: &ConversationRef, _: &UserRef) -> Result<bool, AdapterError> {
        Ok(false)
    }
}

fn channel(id: &str) -> ChannelInfo {
    ChannelInfo {
        conversation: ConversationRef {
            platform: Platform::Console,
            id: id.to_string(),
        },
        name: id.to_string(),
        language: Language::Da,
    }
}

async fn town() -> (Arc<Bot>, Arc<TestClock>, Arc<FlakyPlatform>) {
    let db = Database::open("sqlite::memory:").await.expect("database");
    let now = DateTime::parse_from_rfc3339("2026-06-14T18:00:00+02:00")
        .expect("time")
        .with_timezone(&Utc);
    let clock = Arc::new(TestClock(Mutex::new(now)));
    let mut community = Community::simple(Language::Da);
    for id in ["a", "b", "c"] {
        community.add_channel(0, channel(id));
    }
    let bot = Bot::new(
        Arc::new(db),
        clock.clone(),
        Settings::default(),
        Arc::new(community),
    );
    (Arc::new(bot), clock, Arc::new(FlakyPlatform::default()))
}

fn delivered_to(platform: &FlakyPlatform, id: &str) -> Vec<String> {
    platform
        .delivered
        .lock()
        .expect("lock")
        .iter()
        .filter(|(c, _)| c == id)
        .map(|(_, t)| t.clone())
        .collect()
}

#[tokio::test]
async fn a_channel_that_is_down_is_retried_and_the_others_are_not_held_back() {
    let (bot, clock, platform) = town().await;
    platform.down.lock().expect("lock").insert("b".into());
    let period = bot.latest_period(0, bot.now());
    let queued = bot.queue_digest(0, period).await.expect("queued");
    assert_eq!(queued.queued, 3);

    drain(&bot, platform.as_ref()).await;
    assert_eq!(delivered_to(&platform, "a").len(), 1);
    assert_eq!(delivered_to(&platform, "c").len(), 1);
    assert!(delivered_to(&platform, "b").is_empty());

    // Not due again until the backoff has passed.
    drain(&bot, platform.as_ref()).await;
    assert_eq!(platform.attempts.lock().expect("lock")["b"], 1);
    clock.advance(Duration::seconds(11));
    drain(&bot, platform.as_ref()).await;
    assert_eq!(platform.attempts.lock().expect("lock")["b"], 2);

    // The platform comes back: exactly one digest, nothing doubled elsewhere.
    platform.down.lock().expect("lock").remove("b");
    clock.advance(Duration::minutes(5));
    drain(&bot, platform.as_ref()).await;
    assert_eq!(delivered_to(&platform, "b").len(), 1);
    for id in ["a", "b", "c"] {
        assert_eq!(delivered_to(&platform, id).len(), 1, "{id}");
    }
    // Queuing the same period again changes nothing.
    assert_eq!(
        bot.queue_digest(0, period).await.expect("queued").already,
        3
    );
    clock.advance(Duration::hours(2));
    drain(&bot, platform.as_ref()).await;
    assert_eq!(platform.delivered.lock().expect("lock").len(), 3);
}

#[tokio::test]
async fn a_channel_that_keeps_failing_is_reported_to_the_admins() {
    let (bot, clock, platform) = town().await;
    platform.down.lock().expect("lock").insert("c".into());
    let period = bot.latest_period(0, bot.now());
    bot.queue_digest(0, period).await.expect("queued");
    for _ in 0..12 {
        drain(&bot, platform.as_ref()).await;
        clock.advance(Duration::hours(1));
    }
    assert_eq!(
        platform.attempts.lock().expect("lock")["c"],
        8,
        "gives up after eight attempts"
    );
    let notices: Vec<String> = delivered_to(&platform, "a")
        .into_iter()
        .chain(delivered_to(&platform, "b"))
        .filter(|t| t.contains("Til administratorerne"))
        .collect();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("c"), "{}", notices[0]);
}

#[tokio::test]
async fn a_private_note_goes_through_the_outbox_in_parts_and_only_once() {
    let (bot, _clock, platform) = town().await;
    let adapters: HashMap<Platform, Arc<dyn Adapter>> =
        HashMap::from([(Platform::Console, platform.clone() as Arc<dyn Adapter>)]);
    // Longer than the platform's 500 characters: it must arrive in parts,
    // each within the limit, not joined back together.
    let mut doc = Doc::new();
    for n in 0..12 {
        doc = doc.para(format!(
            "Afsnit {n}: din besked blev fjernet, fordi den brød gruppens regler om reklame."
        ));
    }
    let note = || {
        vec![vores_bot::Action::Private {
            user: UserRef {
                platform: Platform::Console,
                id: "spammer".into(),
            },
            conversation: ConversationRef {
                platform: Platform::Console,
                id: "a".into(),
            },
            doc: doc.clone(),
        }]
    };
    perform(&bot, &adapters, Some("m:a:41"), note()).await;
    // The same event handled again (a crash before it was marked handled)
    // queues nothing new.
    perform(&bot, &adapters, Some("m:a:41"), note()).await;
    assert!(
        platform.private.lock().expect("lock").is_empty(),
        "queued, not sent directly"
    );
    drain(&bot, platform.as_ref()).await;
    drain(&bot, platform.as_ref()).await;
    let sent = platform.private.lock().expect("lock").clone();
    assert!(sent.len() >= 2, "split into parts: {sent:?}");
    for (user, text) in &sent {
        assert_eq!(user, "spammer");
        assert!(
            text.chars().count() <= 500,
            "{} chars",
            text.chars().count()
        );
    }
    let all: String = sent.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(all.matches("Afsnit 0:").count(), 1, "once: {all}");
    assert!(all.contains("Afsnit 11:"), "every part: {all}");
    assert!(
        delivered_to(&platform, "a").is_empty(),
        "never posted in the channel"
    );
}
