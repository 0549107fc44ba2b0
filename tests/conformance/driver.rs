//! The driver trait every platform implements for the conformance suite:
//! the few things a person can do in a chat, and what they can see.

use std::time::Duration;

use async_trait::async_trait;

/// Wednesday 10 June 2026, 10:00 in Copenhagen: every driver runs the bot
/// on this fixed clock, so answers are the same on every platform.
pub const NOW: &str = "2026-06-10T10:00:00+02:00";

/// How long a driver waits for the bot before the scenario fails.
pub const WAIT: Duration = Duration::from_secs(45);

/// The town's posting rules beyond the defaults: three strikes in a short
/// time and the admins are told.
pub const TOWN_RULES: &str = "strikes_before_escalation = 3";

/// Sunday 7 June 2026, just after the digest hour: a digest sent then lists
/// the week of [`TestPlatform::save_published_week`] (8–13 June).
pub const WEEK_BEFORE: &str = "2026-06-07T18:05:00+02:00";

/// The people of the test town. Mette is an admin of Torvet on every
/// platform (the platform's own admin where it has one); Ali and Ahmed are
/// residents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Person {
    Ali,
    Ahmed,
    Mette,
}

impl Person {
    pub fn name(self) -> &'static str {
        match self {
            Person::Ali => "ali",
            Person::Ahmed => "ahmed",
            Person::Mette => "mette",
        }
    }
}

/// The town's channels, one group: Torvet and Stranden in Danish, one in
/// English. Approval is required, approved events are announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Room {
    Torvet,
    Stranden,
    English,
}

/// What a platform may lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// Buttons under the bot's messages.
    Buttons,
    /// Reactions as answers (✅ / ❌ / 👍).
    Reactions,
    /// Residents editing what they said.
    Edits,
    /// The bot removing a message that breaks a rule.
    Deletes,
    /// The platform delivers a message again to a bot that died before it
    /// was done with it (the console's line is read once).
    Redelivery,
    /// The platform recognises a post retried with the same idempotency
    /// key (Telegram's Bot API has none).
    IdempotentPosts,
}

/// The core's crash points, in the order one message passes them:
/// received from the adapter, its unit of work committed, an answer posted
/// but not yet recorded as posted.
pub const CRASH_POINTS: [&str; 3] = ["core:received", "core:committed", "core:sent"];

/// Something a person said, so it can be edited or looked up again.
#[derive(Debug, Clone)]
pub struct Said {
    pub room: Room,
    /// The platform's id of the message (empty on the console).
    pub id: String,
}

/// Something the bot posted, as its reader sees it (markup removed).
#[derive(Debug, Clone)]
pub struct Posted {
    pub text: String,
    /// The platform's id of the message (empty on the console).
    pub id: String,
    /// The data of its buttons, if any ("approve:1").
    pub buttons: Vec<String>,
}

/// One platform with the test town on it and a `vores run` (or, on the
/// console, `vores console` sessions) serving it.
#[async_trait(?Send)]
pub trait TestPlatform {
    /// Sets the town up and starts the bot; `None` when the platform's
    /// server cannot run here (Matrix without Synapse, outside CI).
    async fn start() -> Option<Self>
    where
        Self: Sized;

    fn supports(&self, feature: Feature) -> bool;

    /// Says `text` to the bot in `room` (a command as it is, anything else
    /// addressed the way the platform addresses a bot) and returns the
    /// bot's answer to it.
    async fn ask(&mut self, who: Person, room: Room, text: &str) -> Posted;

    /// Ordinary talk in `room`, not said to the bot.
    async fn chat(&mut self, who: Person, room: Room, text: &str) -> Said;

    /// Says `text` to the bot in a private chat and returns its answer.
    async fn ask_privately(&mut self, who: Person, text: &str) -> Posted;

    /// Waits until the bot has posted into `room` a message with every one
    /// of `parts` (an announcement, a confirmation after a press).
    async fn posted_in(&mut self, room: Room, parts: &[&str]) -> Posted;

    /// Waits until `who` has been told, by the bot, something with every
    /// one of `parts`: an answer to their submission or a private note,
    /// wherever the platform shows it to them. Returns all they were told.
    async fn told(&mut self, who: Person, parts: &[&str]) -> String;

    /// `who` edits what they said.
    async fn edit(&mut self, who: Person, said: &Said, text: &str);

    /// `who` presses the button with `data` under the bot's message `on`.
    async fn press(&mut self, who: Person, room: Room, on: &Posted, data: &str);

    /// `who` reacts with `emoji` to the bot's message `on`.
    async fn react(&mut self, who: Person, room: Room, on: &Posted, emoji: &str);

    /// Whether the platform shows `said` as removed.
    async fn was_deleted(&mut self, said: &Said) -> bool;

    /// Saves one published event per title, shared in Torvet, straight into
    /// the database: a busy week (8–13 June). The bot is stopped for it.
    async fn save_published_week(&mut self, titles: &[String]);

    /// Sends the weekly digest by hand (`vores digest --send-now`, on the
    /// Sunday evening before the week) while the platform makes posting
    /// hard — 429s, dropped connections, answers lost after the post was
    /// made, or (on the console) a kill halfway — and lets the bot run on,
    /// on the real clock, so retries come due.
    async fn send_digest_through_trouble(&mut self);

    /// Every post of the bot in `room`, once `done` holds for them (or
    /// the wait is over).
    async fn posts_in(
        &mut self,
        room: Room,
        done: &dyn for<'p> Fn(&'p [String]) -> bool,
    ) -> Vec<String>;

    /// Takes away the bot's right to remove messages in Torvet (or, where
    /// it never had one, leaves things as they are).
    async fn take_away_the_right_to_remove(&mut self);

    /// Starts the bot so that it dies (as if killed) at the crash point
    /// `point`, has `who` say `text` to it in `room`, waits for the death,
    /// starts it again and returns every answer to that message. On the
    /// console the session is the bot: what it printed before dying counts.
    async fn ask_through_a_crash(
        &mut self,
        who: Person,
        room: Room,
        text: &str,
        point: &'static str,
    ) -> Vec<Posted>;

    /// Kills the bot (SIGKILL) right after `who` said `text` to it in
    /// `room`, before it could answer for sure, and starts it again.
    /// Returns every answer the bot gave to that message, once it has
    /// answered.
    async fn ask_through_a_kill(&mut self, who: Person, room: Room, text: &str) -> Vec<Posted>;
}

/// Waits until `check` holds (polling), or `WAIT` has passed.
pub async fn eventually(check: impl FnMut() -> bool) -> bool {
    eventually_within(WAIT, check).await
}

/// Waits until `check` holds (polling), or `wait` has passed.
pub async fn eventually_within(wait: Duration, mut check: impl FnMut() -> bool) -> bool {
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        if check() {
            return true;
        }
        if tokio::time::Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Whether `text` holds every one of `parts`.
pub fn has_all(text: &str, parts: &[&str]) -> bool {
    parts.iter().all(|p| text.contains(p))
}
