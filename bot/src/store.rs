//! The storage boundary the core needs. Implemented by `vores-storage` for
//! SQLite and PostgreSQL; it knows nothing about platforms beyond their
//! opaque references.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::Language;
use crate::model::{
    ConversationRef, ConversationState, MessageRef, ModerationEntry, NewOutboxItem, NewSubmission,
    OutboxItem, Platform, Submission, UserRef,
};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(String),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("submission #{0} does not exist")]
    NoSuchSubmission(i64),
}

/// A resident's news by private message (`/abonner`, `/subscribe`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub user: UserRef,
    /// Where they asked: the private messages are about this conversation
    /// (on Telegram and Matrix, the private chat itself).
    pub conversation: ConversationRef,
    pub group: String,
    /// Each morning what happens that day, instead of the weekly digest.
    pub daily: bool,
    /// Only events with one of these tags ("/abonner børn") …
    pub tags: Vec<crate::understand::about::Tag>,
    /// … or about this topic ("/subscribe fællesspisning"); with neither,
    /// everything.
    pub topic: Option<String>,
}

impl Subscription {
    /// The plain weekly digest, everything in it.
    pub fn weekly(user: UserRef, conversation: ConversationRef, group: &str) -> Subscription {
        Subscription {
            user,
            conversation,
            group: group.to_string(),
            daily: false,
            tags: Vec::new(),
            topic: None,
        }
    }

    /// Whether only some events are wanted.
    pub fn is_narrowed(&self) -> bool {
        !self.tags.is_empty() || self.topic.is_some()
    }
}

/// All an adapter may keep in the database: where it has read its platform
/// to (a named cursor: Telegram's offset, a Matrix sync token, a Discord
/// channel's last message), and whether the core has handled a message (to
/// skip history replayed after a restart). Adapters get this, never the
/// domain [`Store`]: what residents sent is the core's business.
#[async_trait]
pub trait Cursors: Send + Sync {
    async fn cursor(&self, name: &str) -> Result<Option<String>, StoreError>;

    async fn set_cursor(
        &self,
        name: &str,
        value: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    async fn is_handled(&self, message: &MessageRef) -> Result<bool, StoreError>;
}

#[async_trait]
impl<T: Store + ?Sized> Cursors for T {
    async fn cursor(&self, name: &str) -> Result<Option<String>, StoreError> {
        Store::cursor(self, name).await
    }

    async fn set_cursor(
        &self,
        name: &str,
        value: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        Store::set_cursor(self, name, value, at).await
    }

    async fn is_handled(&self, message: &MessageRef) -> Result<bool, StoreError> {
        Store::is_handled(self, message).await
    }
}

/// Which channels' items a read keeps: a group's, as the core knows them.
#[derive(Debug, Clone, PartialEq)]
pub enum Channels {
    All,
    Only(Vec<ConversationRef>),
    /// Every channel but these (the default group: every conversation no
    /// other group names).
    Except(Vec<ConversationRef>),
}

/// A new moderation log entry.
#[derive(Debug, Clone, PartialEq)]
pub struct NewModerationEntry {
    pub conversation: ConversationRef,
    pub message_id: Option<String>,
    pub user: UserRef,
    pub user_name: String,
    pub rule: String,
    pub matched: String,
    pub action: String,
    pub strike: bool,
    pub at: DateTime<Utc>,
}

/// Wrong link codes one account may send in an hour before it must wait.
pub const LINK_TRIES_PER_HOUR: u32 = 5;

/// What sending a link code did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkOutcome {
    /// Linked with `with`, who is told in `told_in`.
    Linked {
        with: UserRef,
        told_in: ConversationRef,
    },
    /// The two accounts were linked already.
    AlreadyLinked,
    /// No such code (or it was used).
    Unknown,
    /// The code is older than ten minutes.
    Expired,
    /// The code was made by the same account.
    Own,
    /// Too many wrong codes in the last hour.
    TooManyTries,
}

/// Everything stored about one person: table name → rows (column → value).
pub type PersonData = std::collections::BTreeMap<String, Vec<serde_json::Value>>;

/// What erasing a person does with their published stories and events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepPublished {
    /// Kept for the town without their name or id.
    Anonymised,
    /// Deleted with the rest.
    Removed,
}

/// What [`Store::erase_person`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Erased {
    pub deleted_submissions: u64,
    pub anonymised_submissions: u64,
    /// Moderation log entries kept without who or what.
    pub anonymised_log_entries: u64,
    /// Rows of trust, membership, language, interest, conversations and the
    /// outbox deleted or emptied.
    pub other_rows: u64,
}

#[async_trait]
pub trait Store: Send + Sync {
    /// Begins one unit of work: every call on the returned store runs in
    /// one database transaction, on one connection, and nothing of it is
    /// visible or durable before [`Transaction::commit`]. Dropping it
    /// without a commit rolls everything back. The core handles each
    /// inbound event in one (see `Bot::unit_of_work`).
    async fn begin(&self) -> Result<Arc<dyn Transaction>, StoreError>;

    /// Records that a message was handled. Returns false when it already
    /// was, so a redelivered message is not handled twice.
    async fn mark_handled(
        &self,
        message: &MessageRef,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;

    /// Whether a message was handled already.
    async fn is_handled(&self, message: &MessageRef) -> Result<bool, StoreError>;

    /// Saves a new submission. When one from the same message exists (the
    /// message was delivered again after a crash), returns that one instead.
    async fn insert_submission(&self, new: &NewSubmission) -> Result<Submission, StoreError>;

    /// A platform cursor (the next Telegram update id, a Matrix sync token).
    async fn cursor(&self, name: &str) -> Result<Option<String>, StoreError>;

    async fn set_cursor(
        &self,
        name: &str,
        value: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Saves what can change about a submission (found by its id): status,
    /// language, anonymity, text, event and story details, review,
    /// `updated_at`. Kind, origin and `created_at` never change.
    async fn update_submission(&self, submission: &Submission) -> Result<(), StoreError>;

    async fn submission(&self, id: i64) -> Result<Option<Submission>, StoreError>;

    /// The submission that came from this message, if any.
    async fn submission_from_message(
        &self,
        message: &MessageRef,
    ) -> Result<Option<Submission>, StoreError>;

    /// A person's submissions, newest first (withdrawn ones left out).
    async fn submissions_by(
        &self,
        author: &UserRef,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError>;

    /// Submissions waiting for an admin, oldest first.
    async fn pending_submissions(&self, limit: u32) -> Result<Vec<Submission>, StoreError>;

    /// How many of a person's submissions were approved (trust).
    async fn approved_count(&self, author: &UserRef) -> Result<u32, StoreError>;

    /// Whether an admin revoked a person's trust.
    async fn trust_revoked(&self, user: &UserRef) -> Result<bool, StoreError>;

    async fn set_trust_revoked(
        &self,
        user: &UserRef,
        revoked: bool,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// One-off events that are on at some point in `[from, to)`, by start:
    /// published ones, plus pending ones when `include_pending` (for clash
    /// warnings). One range read of the calendar index, starting as long
    /// before `from` as the longest stored event lasts.
    async fn events_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        include_pending: bool,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError>;

    /// What "what's on" lists: the published one-off events on in
    /// `[from, to)` posted in `channels`, the
    /// first `limit` by start, and how many there are in all (for "… and N
    /// more"). Read from the calendar index alone.
    async fn events_page(
        &self,
        channels: &Channels,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<(Vec<Submission>, u32), StoreError>;

    /// `author`'s own events awaiting approval that are on in `[from, to)`
    /// (one-off and regular), by start: a small lookup by author.
    async fn pending_events_by(
        &self,
        author: &UserRef,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError>;

    /// Published events (one-off and regular) approved in `[from, to)`,
    /// oldest first: what was shared since the last digest.
    async fn events_approved_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError>;

    /// Regular activities (one row each, with their rule) that may have an
    /// occurrence in `[from, to)`: begun before `to`, not ended before
    /// `from`. Expanding them is the core's job ([`events_in`]).
    async fn series_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        include_pending: bool,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError>;

    /// Events on in `[from, to)` (one-off events and regular activities, as
    /// rows) in which every one of `words` starts a word of the title, the
    /// place or the message: an indexed full-text search (SQLite FTS5,
    /// PostgreSQL `tsvector`), the same on both. Case does not matter; æ, ø
    /// and å are letters of their own.
    async fn search_events(
        &self,
        words: &[String],
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        include_pending: bool,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError>;

    /// Published stories that became visible in `[from, to)`, oldest first.
    async fn stories_approved_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError>;

    /// Published places residents added, by name (a town's register: read
    /// whole, at most `limit`).
    async fn published_places(&self, limit: u32) -> Result<Vec<Submission>, StoreError>;

    /// Published places that became visible in `[from, to)`, oldest first:
    /// the digest's "new places".
    async fn places_approved_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError>;

    async fn conversation_state(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
    ) -> Result<Option<ConversationState>, StoreError>;

    async fn set_conversation_state(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
        state: Option<ConversationState>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Counts a message from a member and returns (first seen, messages
    /// before this one) for the new-member rules.
    async fn touch_member(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
        at: DateTime<Utc>,
    ) -> Result<(DateTime<Utc>, u32), StoreError>;

    /// Records when a member joined (their first-seen time).
    async fn member_joined(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    async fn log_moderation(&self, entry: &NewModerationEntry) -> Result<i64, StoreError>;

    async fn moderation_entry(&self, id: i64) -> Result<Option<ModerationEntry>, StoreError>;

    /// Newest first, for the conversations given.
    async fn moderation_log(
        &self,
        conversations: &[ConversationRef],
        limit: u32,
    ) -> Result<Vec<ModerationEntry>, StoreError>;

    /// Strikes not undone against `user` in `conversations` since `since`.
    async fn strikes_since(
        &self,
        user: &UserRef,
        conversations: &[ConversationRef],
        since: DateTime<Utc>,
    ) -> Result<u32, StoreError>;

    async fn undo_moderation(&self, id: i64) -> Result<(), StoreError>;

    async fn appeal_moderation(&self, id: i64, text: &str) -> Result<(), StoreError>;

    /// Entries with an appeal that were not undone, oldest first.
    async fn open_appeals(
        &self,
        conversations: &[ConversationRef],
        limit: u32,
    ) -> Result<Vec<ModerationEntry>, StoreError>;

    /// Adds to the outbox; `None` when an item with the same dedupe key exists.
    async fn enqueue(
        &self,
        item: &NewOutboxItem,
        at: DateTime<Utc>,
    ) -> Result<Option<i64>, StoreError>;

    /// Items for `platform` that are due, oldest first, after the item
    /// `after` (0 for the first page).
    async fn due_outbox(
        &self,
        platform: Platform,
        now: DateTime<Utc>,
        after: i64,
        limit: u32,
    ) -> Result<Vec<OutboxItem>, StoreError>;

    /// One more part of an item was delivered.
    /// Records that the first `parts_sent` parts are delivered, the last of
    /// them as the platform's message `message_id`.
    /// Posted messages to change on `platform` (an erased person's name
    /// taken out): the item as it reads now, and the platform's id of the
    /// message it was posted as.
    async fn posted_edits(
        &self,
        platform: Platform,
        limit: u32,
    ) -> Result<Vec<(OutboxItem, String)>, StoreError>;

    /// The posted message of item `id` was edited (or cannot be).
    async fn posted_edit_done(&self, id: i64) -> Result<(), StoreError>;

    async fn outbox_part_sent(
        &self,
        id: i64,
        parts_sent: u32,
        message_id: &str,
    ) -> Result<(), StoreError>;

    /// The outbox item whose last delivered part is `message` (a reaction to
    /// one of the bot's messages finds what it was about).
    async fn outbox_item_sent_as(
        &self,
        message: &MessageRef,
    ) -> Result<Option<OutboxItem>, StoreError>;

    /// Records or withdraws `user`'s interest in a submission.
    async fn set_interest(
        &self,
        submission: i64,
        user: &UserRef,
        interested: bool,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    async fn outbox_done(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError>;

    /// Delivery failed; try again at `retry_at`, or give up when `None`.
    async fn outbox_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<(), StoreError>;

    /// Records a digest run for (group, period); false if it was recorded before.
    async fn record_digest_run(
        &self,
        group: &str,
        period: DateTime<Utc>,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;

    /// The latest recorded digest period of a group.
    async fn last_digest_period(&self, group: &str) -> Result<Option<DateTime<Utc>>, StoreError>;

    /// Every row about `user` in every table, by table name: what the bot
    /// keeps about a person, for them to see (`/mine data`, `vores privacy
    /// export`; GDPR article 15).
    async fn person_data(&self, user: &UserRef) -> Result<PersonData, StoreError>;

    /// Erases `user` (`/glem mig`, `vores privacy erase`; GDPR article
    /// 17): what they sent that is not published is deleted; what is
    /// published is kept without their name or id, or deleted too, as
    /// `published` says; the moderation log keeps that a rule was applied
    /// and when, without who or what they wrote; their trust, membership,
    /// language, interest and conversations are deleted; the bot's own
    /// messages about them lose their name, and private ones to them are
    /// emptied. Nothing in any table names them afterwards.
    async fn erase_person(
        &self,
        user: &UserRef,
        published: KeepPublished,
    ) -> Result<Erased, StoreError>;

    /// Deletes what is only kept for a while (retention): the moderation
    /// log, handled-message markers and sent or given-up outbox items older
    /// than `before`. Returns how many rows went.
    async fn prune(&self, before: DateTime<Utc>) -> Result<u64, StoreError>;

    /// `user` and every account linked with it (`/forbind`), `user` first.
    async fn linked_accounts(&self, user: &UserRef) -> Result<Vec<UserRef>, StoreError>;

    /// The one name a linked person is shown by on every platform: the
    /// name they first shared something under, on any of their accounts.
    /// `None` for an account linked with no other, or a person who has
    /// shared nothing yet.
    async fn shared_name(&self, user: &UserRef) -> Result<Option<String>, StoreError>;

    /// Keeps `code` for `user` until `expires` (their earlier codes go):
    /// sent from another account, it links the two; `conversation` is
    /// where `user` is told.
    async fn create_link_code(
        &self,
        user: &UserRef,
        conversation: &ConversationRef,
        code: &str,
        expires: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// `user` sent `code`: links them with the code's account if the code is
    /// known, not expired and not their own, once; a wrong code counts
    /// against guessing ([`LINK_TRIES_PER_HOUR`]).
    async fn redeem_link_code(
        &self,
        user: &UserRef,
        code: &str,
        at: DateTime<Utc>,
    ) -> Result<LinkOutcome, StoreError>;

    /// Takes `user` out of their linked person; returns the accounts it
    /// was linked with.
    async fn unlink(&self, user: &UserRef) -> Result<Vec<UserRef>, StoreError>;

    /// `subscription.user` gets its group's news privately from now on, as
    /// they chose; asking again replaces the choice (one per account).
    async fn subscribe(
        &self,
        subscription: &Subscription,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Ends `user`'s subscription; whether there was one.
    async fn unsubscribe(&self, user: &UserRef) -> Result<bool, StoreError>;

    /// Who gets `group`'s news privately, and how.
    async fn subscribers(&self, group: &str) -> Result<Vec<Subscription>, StoreError>;

    /// The language `user` chose for replies (`/sprog`), if any.
    async fn person_language(&self, user: &UserRef) -> Result<Option<Language>, StoreError>;

    /// Sets (or with `None` forgets) the language `user` chose.
    async fn set_person_language(
        &self,
        user: &UserRef,
        language: Option<Language>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Takes the lease `name` for `holder` until `until`, or renews it when
    /// `holder` has it already; a lease whose time ran out by `now` is
    /// anybody's. `None` when `holder` has it now, else who has it and until
    /// when. Atomic: of two processes asking at once, one gets it.
    async fn take_lease(
        &self,
        name: &str,
        holder: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Option<(String, DateTime<Utc>)>, StoreError>;

    /// Claims outbox item `id` for `holder` until `until` (or extends its
    /// claim); false when another holder's claim still runs at `now` or the
    /// item is no longer waiting. Only the claimant sends it.
    async fn claim_outbox(
        &self,
        id: i64,
        holder: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool, StoreError>;

    /// Gives up every lease and outbox claim of `holder`, so another process
    /// takes over at once (a clean stop, or a restart on SQLite, where the
    /// serving lock proves the old holder gone).
    async fn release_holder(&self, holder: &str) -> Result<(), StoreError>;

    /// What an operator watches (`/healthz`, `/metrics`): the outbox's
    /// backlog per platform, digest runs per group, and guideline actions
    /// by rule and action. Also proves the database answers.
    async fn operations(&self) -> Result<Operations, StoreError>;
}

/// Figures read from the database for operators (see [`Store::operations`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Operations {
    /// Per platform: messages waiting to be sent, and when the oldest was
    /// queued.
    pub outbox: Vec<(Platform, u64, Option<DateTime<Utc>>)>,
    /// Per group: digests composed, ever.
    pub digest_runs: Vec<(String, u64)>,
    /// Per (rule, action): moderation log entries, ever.
    pub moderation: Vec<(String, String, u64)>,
}

/// A store whose calls all run in one open transaction.
#[async_trait]
pub trait Transaction: Store {
    /// Makes everything done through this store durable at once. Calls
    /// after a commit fail.
    async fn commit(&self) -> Result<(), StoreError>;

    /// Undoes everything done through this store.
    async fn rollback(&self) -> Result<(), StoreError>;
}

/// Runs a limited store query with a growing limit until `enough` rows pass
/// `keep` or the store has nothing more: filtering after a SQL `LIMIT`
/// (by group, by author) would otherwise lose rows that exist when other
/// groups have many items in the same window.
pub async fn fetch_filtered<F, Fut>(
    mut fetch: F,
    keep: impl Fn(&Submission) -> bool,
    enough: usize,
) -> Result<Vec<Submission>, StoreError>
where
    F: FnMut(u32) -> Fut,
    Fut: std::future::Future<Output = Result<Vec<Submission>, StoreError>>,
{
    // Beyond this a window is not a town's calendar any more; stop growing.
    const MOST: u32 = 200_000;
    let mut limit = u32::try_from(enough).unwrap_or(MOST).clamp(50, MOST);
    loop {
        let rows = fetch(limit).await?;
        let exhausted = rows.len() < limit as usize;
        let mut kept: Vec<Submission> = rows.into_iter().filter(|s| keep(s)).collect();
        if exhausted || kept.len() >= enough || limit >= MOST {
            kept.truncate(enough);
            return Ok(kept);
        }
        limit = limit.saturating_mul(4).min(MOST);
    }
}

/// How many regular activities one window expands at most.
pub const MOST_SERIES: u32 = 2_000;

/// Every event on in `[from, to)`: one-off events as stored, and each
/// occurrence of a regular activity as its own item (the series' row with
/// that day's start and end), in order of start. What "what's on", the
/// digest and clash warnings read; `limit` caps the one-off events.
pub async fn events_in(
    store: &dyn Store,
    tz: chrono_tz::Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    include_pending: bool,
    limit: u32,
) -> Result<Vec<Submission>, StoreError> {
    let mut rows = store
        .events_between(from, to, include_pending, limit)
        .await?;
    rows.extend(
        store
            .series_between(from, to, include_pending, MOST_SERIES)
            .await?,
    );
    Ok(expanded(&rows, tz, from, to))
}

/// Stored rows as the events on in `[from, to)`: one-off events as they
/// are, each regular activity as its occurrences; in order of start.
pub fn expanded(
    rows: &[Submission],
    tz: chrono_tz::Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Submission> {
    let mut events: Vec<Submission> = rows
        .iter()
        .flat_map(|s| occurrences_between(s, tz, from, to))
        .collect();
    events.sort_by_key(|e| (e.event.as_ref().and_then(|d| d.starts_at), e.id));
    events
}

/// Like [`events_in`], only the events whose words match `words` (see
/// [`Store::search_events`]): a question by topic or place.
pub async fn search_in(
    store: &dyn Store,
    tz: chrono_tz::Tz,
    words: &[String],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    include_pending: bool,
    limit: u32,
) -> Result<Vec<Submission>, StoreError> {
    let found = store
        .search_events(words, from, to, include_pending, limit)
        .await?;
    Ok(expanded(&found, tz, from, to))
}

/// The occurrences of a stored series that start in `[from, to)` (or, for
/// a one-off event, the event itself): each a copy of the submission with
/// that occurrence's day.
pub fn occurrences_between(
    series: &Submission,
    tz: chrono_tz::Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Submission> {
    let Some(event) = &series.event else {
        return Vec::new();
    };
    let (Some(rule), Some(first)) = (&event.draft.repeat, event.draft.date) else {
        return vec![series.clone()];
    };
    // An occurrence already under way at `from` is on too: look back a day.
    let look_from = from - chrono::Duration::days(1);
    let (draft_start, draft_end) = (event.draft.start_time, event.draft.end_time);
    let mut days: Vec<(NaiveDate, Option<NaiveTime>, Option<NaiveTime>)> = rule
        .occurrences(first, draft_start, tz, look_from, to)
        .into_iter()
        .map(|day| (day, draft_start, draft_end))
        .collect();
    // Moved occurrences stand on their new day, at their new hours.
    let (first_day, last_day) = (
        look_from.with_timezone(&tz).date_naive(),
        to.with_timezone(&tz).date_naive(),
    );
    for moved in &rule.moved {
        if moved.to >= first_day && moved.to <= last_day {
            let hours = match moved.start {
                Some(start) => (Some(start), moved.end),
                None => (draft_start, draft_end),
            };
            days.push((moved.to, hours.0, hours.1));
        }
    }
    days.sort();
    days.into_iter()
        .filter_map(|(day, start, end)| {
            let mut draft = event.draft.clone();
            draft.date = Some(day);
            draft.start_time = start;
            draft.end_time = end;
            // One occurrence is on for its own hours, not the whole series'.
            let rule = draft.repeat.take();
            let mut details = crate::model::EventDetails::from_draft(draft, tz);
            details.visible_until = occurrence_end(&details, tz);
            details.draft.repeat = rule;
            // The instants are this occurrence's; the draft keeps the rule's
            // own hours (a moved evening does not change "kl. 18").
            details.draft.start_time = draft_start;
            details.draft.end_time = draft_end;
            let start = details.starts_at?;
            let end = details.visible_until.unwrap_or(start);
            (start < to && end > from).then(|| Submission {
                event: Some(details),
                ..series.clone()
            })
        })
        .collect()
}

fn occurrence_end(
    details: &crate::model::EventDetails,
    tz: chrono_tz::Tz,
) -> Option<DateTime<Utc>> {
    let start = details.starts_at?;
    Some(match details.ends_at {
        Some(end) => end,
        None if details.draft.all_day || details.draft.start_time.is_none() => {
            crate::civil::day_bounds(tz, start.with_timezone(&tz).date_naive()).1
        }
        None => start + chrono::Duration::hours(2),
    })
}
