//! The bot's decisions: one inbound event, the stored state and the clock in;
//! replies out.
//!
//! The engine reads and writes through the [`Store`] trait and never talks to
//! a platform: it returns [`Action`]s, and the runtime has an adapter carry
//! them out. Every message addressed to the bot gets an answer, including
//! when something fails on our side.

use crate::model::Platform;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use tracing::{debug, info, warn};

use crate::adapter::{Inbound, InboundMessage};
use crate::civil::day_bounds;
use crate::clock::Clock;
use crate::community::{Approval, Community};
use crate::format;
use crate::lang::{Language, tr};
use crate::model::{
    ConversationRef, ConversationState, EventDetails, MessageRef, NewSubmission, Origin, Status,
    StoryDetails, Submission, SubmissionKind, UserRef,
};
use crate::render::{Doc, Span};
use crate::store::{Store, StoreError};
use crate::understand::{
    self, Command, Context, Doubt, EventDraft, Meaning, Missing, StoryDraft, Window, is_cancel,
};
use crate::untrusted;

/// Settings the core needs, resolved from the configuration.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub tz: Tz,
    pub default_language: Language,
    /// How long the moderation log, handled-message markers and sent
    /// messages are kept (`[privacy] retention_days`).
    pub retention_days: u32,
}

/// A year: long enough for appeals and the yearly evaluation, short
/// enough that an old mistake is not kept for ever (deploy/README.md).
pub const DEFAULT_RETENTION_DAYS: u32 = 365;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            tz: chrono_tz::Europe::Copenhagen,
            default_language: Language::Da,
            retention_days: DEFAULT_RETENTION_DAYS,
        }
    }
}

/// The name of the file `/mine data` sends.
const MY_DATA_FILE: &str = "vores-mine-data.json";

/// What the runtime knows about where an event happened.
#[derive(Debug, Clone, Copy)]
pub struct Situation {
    /// The channel's language, used when the message itself gives no clue.
    pub channel_language: Language,
    /// The platform (or the config) makes the sender an admin here.
    pub sender_is_admin: bool,
    /// The group of the conversation the event happened in: an admin here
    /// is an admin of this group only (unless a global admin), so they may
    /// not change another group's items.
    pub group: usize,
    /// The platform can remove a message that breaks a rule (the console
    /// cannot): the private note must not say it was removed when it was not.
    pub can_delete: bool,
}

/// Something the core wants done on a platform.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Answer in the conversation a message came from.
    Reply {
        conversation: ConversationRef,
        reply_to: Option<MessageRef>,
        thread: Option<String>,
        doc: Doc,
    },
    /// Post into any conversation (a decision told to a submitter, an
    /// announcement); `dedupe_key` makes it happen at most once.
    Send {
        conversation: ConversationRef,
        reply_to: Option<MessageRef>,
        doc: Doc,
        dedupe_key: Option<String>,
    },
    /// A private note to one person about something in `conversation`.
    Private {
        user: UserRef,
        conversation: ConversationRef,
        doc: Doc,
    },
    Delete {
        message: MessageRef,
        /// Who wrote it and which rule, for telling admins if we cannot.
        author_name: String,
        rule: String,
    },
    Mute {
        conversation: ConversationRef,
        user: UserRef,
        minutes: u32,
        why: Escalated,
    },
    Ban {
        conversation: ConversationRef,
        user: UserRef,
        why: Escalated,
    },
}

/// What a mute or ban is for. The notice is posted only once the platform
/// has done it; if it cannot, the admins are told instead, so the channel
/// never hears of a mute that did not happen.
#[derive(Debug, Clone, PartialEq)]
pub struct Escalated {
    /// The message that was the last strike.
    pub message: MessageRef,
    pub author_name: String,
    pub rule: String,
    pub notice: Doc,
    pub notice_key: String,
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How many events a "what's on" answer lists before saying "and N more".
const MAX_LISTED: u32 = 30;
/// How many clashing events a confirmation names.
const MAX_CLASHES: usize = 3;

/// Each person's recent (time, normalised text), per conversation: by
/// person first, so their messages in other channels are found without
/// walking everyone's.
pub(crate) type RecentMessages =
    HashMap<UserRef, HashMap<ConversationRef, Vec<(DateTime<Utc>, String)>>>;

tokio::task_local! {
    /// The unit of work the current task is in (see [`Bot::unit_of_work`]).
    static UNIT_OF_WORK: UnitOfWork;
}

struct UnitOfWork {
    store: Arc<dyn crate::store::Transaction>,
    /// A store call inside failed: roll back instead of committing.
    failed: std::sync::atomic::AtomicBool,
}

pub struct Bot {
    /// The database; code reaches it through [`Bot::store`], which inside
    /// a unit of work is that unit's transaction instead.
    database: Arc<dyn Store>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) settings: Settings,
    pub(crate) community: Arc<Community>,
    /// Each person's recent messages per conversation, for flood and repeat
    /// rules. Kept in memory: after a restart the count starts again, which
    /// only ever errs on the lenient side.
    pub(crate) recent: Mutex<RecentMessages>,
    /// Actions decided deep inside a turn (announcements, notices to a
    /// submitter) that are returned with the turn's reply.
    pub(crate) extra: Mutex<Vec<Action>>,
    /// One turn at a time, so `extra` belongs to exactly one turn.
    pub(crate) turn: tokio::sync::Mutex<()>,
    /// One outbox drain per platform at a time: two drainers would both
    /// send an item that is due. Per platform, so a platform that makes us
    /// wait (a long 429) does not hold the others back.
    pub(crate) draining: Mutex<HashMap<Platform, Arc<tokio::sync::Mutex<()>>>>,
    /// Wakes a platform's sender when something was queued for it.
    pub(crate) outbox_wakes: Mutex<HashMap<Platform, Arc<tokio::sync::Notify>>>,
    /// Whether the database is failing, so a full disk or a read-only file
    /// is logged once when it starts and once when it ends, not per attempt.
    pub(crate) storage: crate::runtime::StorageHealth,
    /// What the runtime counts for operators (`/metrics`).
    pub metrics: crate::metrics::Metrics,
    /// Set when other processes serve the same database (PostgreSQL):
    /// platforms are served under leases and outbox items claimed.
    pub(crate) sharing: Option<crate::sharing::Sharing>,
}

impl Bot {
    pub fn new(
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        settings: Settings,
        community: Arc<Community>,
    ) -> Self {
        Bot {
            database: store,
            clock,
            settings,
            community,
            recent: Mutex::new(HashMap::new()),
            extra: Mutex::new(Vec::new()),
            turn: tokio::sync::Mutex::new(()),
            draining: Mutex::new(HashMap::new()),
            outbox_wakes: Mutex::new(HashMap::new()),
            storage: crate::runtime::StorageHealth::default(),
            metrics: crate::metrics::Metrics::default(),
            sharing: None,
        }
    }

    /// The language to write to `user` in: the one they chose (`/sprog`),
    /// else `otherwise` (the message's, the submission's or the channel's).
    /// A database that cannot say is no reason to stay silent.
    pub(crate) async fn reply_language(&self, user: &UserRef, otherwise: Language) -> Language {
        match self.store().person_language(user).await {
            Ok(chosen) => chosen.unwrap_or(otherwise),
            Err(e) => {
                warn!(error = %e, "cannot read the person's language; using the message's");
                otherwise
            }
        }
    }

    /// Shares the database with other `vores run` processes (see
    /// [`crate::sharing`]).
    pub fn sharing_with_others(mut self, sharing: crate::sharing::Sharing) -> Self {
        self.sharing = Some(sharing);
        self
    }

    pub(crate) fn drain_lock(&self, platform: Platform) -> Arc<tokio::sync::Mutex<()>> {
        let mut all = self.draining.lock().unwrap_or_else(|e| e.into_inner());
        all.entry(platform).or_default().clone()
    }

    /// The signal a platform's sender waits on; `notify_one` keeps a
    /// permit, so a wake while the sender is busy is not lost.
    pub(crate) fn outbox_wake(&self, platform: Platform) -> Arc<tokio::sync::Notify> {
        let mut all = self.outbox_wakes.lock().unwrap_or_else(|e| e.into_inner());
        all.entry(platform).or_default().clone()
    }

    pub fn community(&self) -> &Community {
        &self.community
    }

    /// The store to read and write: inside [`Bot::unit_of_work`] that
    /// unit's one transaction, elsewhere (senders, schedules, adapters) the
    /// database, each call committing on its own.
    pub fn store(&self) -> Arc<dyn Store> {
        UNIT_OF_WORK
            .try_with(|unit| unit.store.clone() as Arc<dyn Store>)
            .unwrap_or_else(|_| self.database.clone())
    }

    /// Runs `work` (handling one inbound event and queueing its answers) as
    /// one unit of work: one transaction, committed once. Every store call
    /// made through [`Bot::store`] inside it, in this task, is part of it;
    /// other tasks (the outbox senders) keep using the database.
    ///
    /// `Err` when nothing was written: the database would not begin or
    /// commit, or the work itself met a database failure (reported through
    /// [`Bot::unit_failed`]), in which case everything it wrote is rolled
    /// back rather than half kept. The caller then falls back to answering
    /// without a record.
    pub async fn unit_of_work<T>(
        &self,
        work: impl std::future::Future<Output = T>,
    ) -> Result<T, StoreError> {
        let store = self.database.begin().await?;
        let unit = UnitOfWork {
            store: store.clone(),
            failed: std::sync::atomic::AtomicBool::new(false),
        };
        let (done, failed) = UNIT_OF_WORK
            .scope(unit, async {
                let done = work.await;
                let failed =
                    UNIT_OF_WORK.with(|u| u.failed.load(std::sync::atomic::Ordering::Relaxed));
                (done, failed)
            })
            .await;
        if failed {
            let _ = store.rollback().await;
            return Err(StoreError::Database(
                "the work met a database failure and was rolled back".into(),
            ));
        }
        store.commit().await?;
        Ok(done)
    }

    /// Marks the current unit of work as failed (a store call in it
    /// failed), so it is rolled back instead of committed half done.
    /// Outside a unit of work there is nothing to mark.
    pub(crate) fn unit_failed(&self) {
        let _ =
            UNIT_OF_WORK.try_with(|u| u.failed.store(true, std::sync::atomic::Ordering::Relaxed));
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Decides what to do about one inbound event. Never fails: a failure on
    /// our side becomes a friendly apology to the resident and an error log.
    pub async fn handle(&self, inbound: &Inbound, situation: &Situation) -> Vec<Action> {
        let _turn = self.turn.lock().await;
        self.take_later();
        let mut actions = self.decide(inbound, situation).await;
        actions.extend(self.take_later());
        actions
    }

    /// Queues an action to go out with this turn's reply.
    pub(crate) fn later(&self, action: Action) {
        self.extra
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(action);
    }

    fn take_later(&self) -> Vec<Action> {
        std::mem::take(&mut *self.extra.lock().unwrap_or_else(|e| e.into_inner()))
    }

    async fn decide(&self, inbound: &Inbound, situation: &Situation) -> Vec<Action> {
        let result = match inbound {
            Inbound::Message(message) => self.on_message(message, situation).await,
            Inbound::Edited {
                message,
                author,
                new_text,
                ..
            } => {
                if author.is_bot {
                    return Vec::new();
                }
                self.on_edit(message, author, new_text, situation).await
            }
            Inbound::Deleted { message } => {
                // The submission stays: deleting a chat message is not a
                // request to withdraw, and nothing a resident sent is lost.
                debug!(message = %message.id, "message deleted on the platform");
                Ok(Vec::new())
            }
            Inbound::MemberJoined {
                conversation,
                member,
                at,
            } => self
                .store()
                .member_joined(conversation, &member.user, *at)
                .await
                .map(|()| Vec::new())
                .map_err(CoreError::from),
            Inbound::Reaction {
                message,
                author,
                emoji,
                added,
            } => {
                self.on_reaction(message, author, emoji, *added, situation)
                    .await
            }
            Inbound::Button {
                message,
                author,
                data,
                press_id,
            } => {
                self.on_button(message, author, data, press_id, situation)
                    .await
            }
        };
        match result {
            Ok(actions) => actions,
            Err(e) => {
                // Only the database fails here: logged once per spell.
                self.storage.fails("handle a message", &e);
                self.unit_failed();
                Bot::apology(inbound, situation)
            }
        }
    }

    /// What a resident is told when their message could not be handled
    /// because the database failed: sorry, try again later. Nothing for
    /// events nobody waits an answer to.
    pub fn apology(inbound: &Inbound, situation: &Situation) -> Vec<Action> {
        match inbound {
            Inbound::Message(m) if m.addressed_to_bot || m.private => {
                let lang = crate::lang::detect(&m.text, situation.channel_language);
                vec![reply_to(m, Doc::new().para(tr(lang, "error", &[])))]
            }
            _ => Vec::new(),
        }
    }

    fn context(&self, fallback: Language) -> Context {
        Context {
            now: self.clock.now(),
            tz: self.settings.tz,
            fallback,
        }
    }

    async fn on_message(
        &self,
        msg: &InboundMessage,
        sit: &Situation,
    ) -> Result<Vec<Action>, CoreError> {
        if msg.author.is_bot {
            return Ok(Vec::new());
        }
        if self.store().is_handled(&msg.message).await? {
            debug!(message = %msg.message.id, "already handled; ignoring the redelivery");
            return Ok(Vec::new());
        }
        // Marked handled only after the work: a crash in between means the
        // platform delivers it again, and saving a submission is idempotent
        // per source message, so nothing is lost and nothing doubled.
        // The guidelines judge the raw text (what other members see);
        // everything after works with it cleaned (see `untrusted`).
        let violations = if msg.private {
            Vec::new()
        } else {
            self.guideline_violations(msg, sit).await?
        };
        let cleaned = untrusted::cleaned_message(msg);
        let msg = &cleaned;
        let actions = if !violations.is_empty() {
            self.enforce(msg, violations, sit).await?
        } else if !msg.addressed_to_bot && !msg.private {
            Vec::new()
        } else {
            self.respond(msg, sit).await?
        };
        self.store()
            .mark_handled(&msg.message, self.clock.now())
            .await?;
        Ok(actions)
    }

    /// A button under one of our messages: the same as typing the command.
    async fn on_button(
        &self,
        message: &MessageRef,
        author: &crate::adapter::Author,
        data: &str,
        press_id: &str,
        sit: &Situation,
    ) -> Result<Vec<Action>, CoreError> {
        let press = MessageRef {
            conversation: message.conversation.clone(),
            id: format!("press:{press_id}"),
        };
        if author.is_bot || self.store().is_handled(&press).await? {
            return Ok(Vec::new());
        }
        let lang = sit.channel_language;
        let (verb, id) = data.split_once(':').unwrap_or((data, ""));
        let danish = lang == Language::Da;
        let text = match verb {
            "cancel" => Some(format!("/{} #{id}", if danish { "slet" } else { "delete" })),
            "approve" => Some(format!(
                "/{} #{id}",
                if danish { "godkend" } else { "approve" }
            )),
            // "Does it still happen?" answered by a button.
            "yes" => Some(if danish { "ja" } else { "yes" }.to_string()),
            "no" => Some(if danish { "nej" } else { "no" }.to_string()),
            _ => None,
        };
        let msg = InboundMessage {
            message: message.clone(),
            author: author.clone(),
            text: text.clone().unwrap_or_default(),
            addressed_to_bot: true,
            private: false,
            reply_to: None,
            thread: None,
            attachments: Vec::new(),
            sent_at: self.clock.now(),
        };
        let actions = match (verb, text) {
            (_, Some(_)) => self.respond(&msg, sit).await?,
            ("fix", None) => vec![reply_to(
                &msg,
                Doc::new().para(tr(lang, "button_fix_hint", &[("id", id)])),
            )],
            ("reject", None) => vec![reply_to(
                &msg,
                Doc::new().para(tr(lang, "reject_needs_reason", &[("id", id)])),
            )],
            _ => Vec::new(),
        };
        self.store().mark_handled(&press, self.clock.now()).await?;
        Ok(actions)
    }

    /// Understands a message said to the bot and answers it.
    pub(crate) async fn respond(
        &self,
        msg: &InboundMessage,
        sit: &Situation,
    ) -> Result<Vec<Action>, CoreError> {
        // The person's own language, when they chose one: over the
        // message's and the channel's, and what a short message that says
        // nothing about its language is read in.
        let chosen = self.store().person_language(&msg.author.user).await?;
        let ctx = self.context(chosen.unwrap_or(sit.channel_language));
        let understood = understand::understand(&msg.text, &ctx);
        let lang = chosen.unwrap_or(understood.language);
        debug!(?understood, "understood");

        let conversation = &msg.message.conversation;
        let user = &msg.author.user;
        let state = self.store().conversation_state(conversation, user).await?;
        // A bare "lørdag" reads as a question on its own, but right after
        // "Hvilken dag er det?" it is the answer: queries may be answers.
        if let Some(state) = state
            && !matches!(understood.meaning, Meaning::Command(_))
            && let Some(doc) = self
                .follow_up(state, msg, &understood.meaning, lang, &ctx, sit)
                .await?
        {
            return Ok(vec![reply_to(msg, doc)]);
        }

        // "fællesspisning er aflyst på torsdag": one day off, said in words.
        if matches!(understood.meaning, Meaning::Unknown)
            && let Some((what, day)) = understand::cancellation_in_words(&msg.text, &ctx)
        {
            let doc = self
                .cancel_in_words(&what, day, user, lang, &ctx, sit)
                .await?;
            return Ok(vec![reply_to(msg, doc)]);
        }
        // "ja" / "nej" to "does it still happen?" (asked privately).
        let (yes, no) = (understand::is_yes(&msg.text), understand::is_no(&msg.text));
        if (yes || no)
            && let Some(doc) = self.still_happening_answer(user, yes).await?
        {
            return Ok(vec![reply_to(msg, doc)]);
        }

        if matches!(
            understood.meaning,
            Meaning::Event(_) | Meaning::Story(_) | Meaning::Place(_)
        ) && let Some(doc) = self.private_submission_refused(msg, lang, sit)
        {
            return Ok(vec![reply_to(msg, doc)]);
        }
        if let Meaning::Command(Command::Toolbox(asked)) = &understood.meaning {
            return Ok(toolbox(msg, asked, lang));
        }
        let doc = match understood.meaning {
            Meaning::Event(draft) => self.submit_event(msg, draft, lang, &ctx, sit).await?,
            Meaning::Story(story) => self.submit_story(msg, story, lang, sit).await?,
            Meaning::Place(place) => self.submit_place(msg, place, lang, sit).await?,
            Meaning::WhereIs(name) => self.where_is(&name, lang).await?,
            Meaning::Query(window) => {
                self.whats_on(&window, lang, Some(&msg.message.conversation), Some(user))
                    .await?
            }
            Meaning::Command(command) => self.command(msg, command, lang, &ctx, sit).await?,
            // A photo on its own: it belongs with a story.
            Meaning::Unknown
                if msg.text.trim().is_empty() && msg.attachments.iter().any(|a| a.is_image) =>
            {
                Doc::new().para(tr(lang, "photo_alone", &[]))
            }
            Meaning::Unknown if is_cancel(&msg.text) => {
                Doc::new().para(tr(lang, "nothing_to_cancel", &[]))
            }
            Meaning::Unknown => match understand::small_talk(&msg.text) {
                Some(understand::SmallTalk::Thanks) => {
                    Doc::new().para(tr(lang, "thanks_reply", &[]))
                }
                Some(understand::SmallTalk::Greeting) => {
                    Doc::new().para(tr(lang, "greeting_reply", &[]))
                }
                None => unknown(lang),
            },
        };
        Ok(vec![reply_to(msg, doc)])
    }

    /// Handles an answer to a question the bot asked. `None` when the message
    /// is not such an answer and should be read on its own.
    async fn follow_up(
        &self,
        state: ConversationState,
        msg: &InboundMessage,
        meaning: &Meaning,
        lang: Language,
        ctx: &Context,
        sit: &Situation,
    ) -> Result<Option<Doc>, CoreError> {
        let conversation = &msg.message.conversation;
        let user = &msg.author.user;
        let now = ctx.now;
        match state {
            ConversationState::Coaching { submission, step } => {
                self.coaching_answer(submission, step, msg, meaning, lang, ctx, sit)
                    .await
            }
            ConversationState::Confirmed { submission } => {
                self.store()
                    .set_conversation_state(conversation, user, None, now)
                    .await?;
                if is_cancel(&msg.text) {
                    return Ok(Some(
                        self.withdraw(submission, user, lang, sit, "cancelled")
                            .await?,
                    ));
                }
                Ok(None)
            }
            ConversationState::Awaiting {
                submission,
                missing,
            } => {
                let Some(mut stored) = self.store().submission(submission).await? else {
                    self.store()
                        .set_conversation_state(conversation, user, None, now)
                        .await?;
                    return Ok(None);
                };
                if stored.status != Status::Incomplete {
                    self.store()
                        .set_conversation_state(conversation, user, None, now)
                        .await?;
                    return Ok(None);
                }
                // Answers are in the language of the submission unless they
                // clearly say otherwise ("14:00" says nothing).
                let lang = match self.store().person_language(user).await? {
                    Some(chosen) => chosen,
                    None => crate::lang::detect(&msg.text, stored.language),
                };
                if missing == Missing::DateCheck {
                    return self
                        .check_date_answer(stored, msg, meaning, lang, ctx, sit)
                        .await;
                }
                if is_cancel(&msg.text) {
                    self.store()
                        .set_conversation_state(conversation, user, None, now)
                        .await?;
                    return Ok(Some(
                        self.withdraw(submission, user, lang, sit, "cancelled")
                            .await?,
                    ));
                }
                let mut fragment = understand::event_draft(&msg.text, ctx);
                if missing == Missing::Time && fragment.start_time.is_none() {
                    fragment.start_time = understand::bare_hour(&msg.text);
                }
                let answers = match missing {
                    Missing::Date => fragment.date.is_some(),
                    Missing::Time => fragment.start_time.is_some() || fragment.all_day,
                    Missing::DateCheck => unreachable!("answered above"),
                };
                // A message with its own title is a new submission, not an
                // answer ("Koncert i Kulturhuset fredag kl 20" while we wait
                // for a time for the swap market).
                let is_new = matches!(meaning, Meaning::Event(d) if !d.title.is_empty())
                    || matches!(meaning, Meaning::Story(_) | Meaning::Place(_));
                if is_new {
                    self.store()
                        .set_conversation_state(conversation, user, None, now)
                        .await?;
                    return Ok(None);
                }
                if !answers {
                    if matches!(meaning, Meaning::Query(_) | Meaning::WhereIs(_)) {
                        // A question in between: answer it and keep waiting
                        // for the missing piece.
                        return Ok(None);
                    }
                    let key = match (missing, fragment.invalid_date) {
                        (Missing::Date | Missing::DateCheck, true) => "invalid_date",
                        (Missing::Date | Missing::DateCheck, false) => "ask_again_date",
                        (Missing::Time, _) => "ask_again_time",
                    };
                    let id = submission.to_string();
                    let title = stored.title().to_string();
                    return Ok(Some(Doc::new().para(tr(
                        lang,
                        key,
                        &[("id", &id), ("title", &title)],
                    ))));
                }
                let Some(details) = stored.event.as_mut() else {
                    return Ok(None);
                };
                details.draft.merge(&fragment, false);
                let draft = details.draft.clone();
                Ok(Some(
                    self.save_event_changes(
                        stored,
                        draft,
                        lang,
                        ctx,
                        conversation,
                        user,
                        "saved_event",
                        sit,
                    )
                    .await?,
                ))
            }
        }
    }

    /// The answer to "13. december er en søndag – mente du søndag 13.
    /// december?" or "that day has passed": "ja" keeps the date as written, a
    /// day name picks that day nearest the written date, a new date replaces
    /// it, "nej" asks for the right one, "annuller" withdraws.
    async fn check_date_answer(
        &self,
        stored: Submission,
        msg: &InboundMessage,
        meaning: &Meaning,
        lang: Language,
        ctx: &Context,
        sit: &Situation,
    ) -> Result<Option<Doc>, CoreError> {
        let conversation = &msg.message.conversation;
        let user = &msg.author.user;
        let id = stored.id;
        let Some(mut draft) = stored.event.as_ref().map(|e| e.draft.clone()) else {
            return Ok(None);
        };
        let title = draft.title.clone();
        let ask_again = |key: &str| {
            let idt = id.to_string();
            Ok(Some(Doc::new().para(tr(
                lang,
                key,
                &[("id", &idt), ("title", &title)],
            ))))
        };
        let fragment = understand::event_draft(&msg.text, ctx);
        if understand::is_yes(&msg.text) {
            if draft.doubts.contains(&Doubt::DateFar) {
                if !draft.confirm_far_date(ctx.today()) {
                    return ask_again("ask_again_far");
                }
            } else if !draft.doubts.contains(&Doubt::WeekdayMismatch) {
                return ask_again("ask_again_passed");
            }
            draft.confirm_weekday();
        } else if understand::is_no(&msg.text) {
            return ask_again("ask_right_date");
        } else if is_cancel(&msg.text) {
            self.store()
                .set_conversation_state(conversation, user, None, ctx.now)
                .await?;
            return Ok(Some(self.withdraw(id, user, lang, sit, "cancelled").await?));
        } else if let Some(weekday) = understand::weekday_only(&msg.text)
            && let Some(date) = draft.date
        {
            draft.set_checked_date(understand::same_or_nearest(date, weekday), ctx.today());
        } else if fragment.date.is_some() {
            draft.merge(&fragment, false);
        } else if matches!(meaning, Meaning::Event(d) if !d.title.is_empty())
            || matches!(
                meaning,
                Meaning::Story(_) | Meaning::Query(_) | Meaning::Place(_) | Meaning::WhereIs(_)
            )
        {
            // A new submission or a question in between: read it on its own
            // and keep waiting.
            if !matches!(meaning, Meaning::Query(_) | Meaning::WhereIs(_)) {
                self.store()
                    .set_conversation_state(conversation, user, None, ctx.now)
                    .await?;
            }
            return Ok(None);
        } else {
            return ask_again("ask_right_date");
        }
        Ok(Some(
            self.save_event_changes(
                stored,
                draft,
                lang,
                ctx,
                conversation,
                user,
                "saved_event",
                sit,
            )
            .await?,
        ))
    }

    async fn submit_event(
        &self,
        msg: &InboundMessage,
        draft: EventDraft,
        lang: Language,
        ctx: &Context,
        sit: &Situation,
    ) -> Result<Doc, CoreError> {
        if draft.title.is_empty() {
            return Ok(Doc::new().para(tr(lang, "event_needs_title", &[])));
        }
        let complete = draft.is_complete();
        let new = NewSubmission {
            kind: SubmissionKind::Event,
            status: if complete {
                self.status_for_new(&msg.message.conversation, &msg.author.user, sit)
                    .await?
            } else {
                Status::Incomplete
            },
            origin: self.origin(msg).await?,
            language: lang,
            anonymous: false,
            text: msg.text.trim().to_string(),
            event: Some(EventDetails::from_draft(draft, self.settings.tz)),
            story: None,
            place: None,
            created_at: ctx.now,
        };
        let saved = self.store().insert_submission(&new).await?;
        info!(id = saved.id, complete, "event submitted");
        self.after_event_saved(
            &saved,
            lang,
            ctx,
            &msg.message.conversation,
            &msg.author.user,
            "saved_event",
        )
        .await
    }

    /// Stores an edited event draft and answers with the new state.
    #[allow(clippy::too_many_arguments)]
    async fn save_event_changes(
        &self,
        mut stored: Submission,
        draft: EventDraft,
        lang: Language,
        ctx: &Context,
        conversation: &ConversationRef,
        user: &UserRef,
        heading: &str,
        sit: &Situation,
    ) -> Result<Doc, CoreError> {
        let complete = draft.is_complete();
        stored.event = Some(EventDetails::from_draft(draft, self.settings.tz));
        stored.status = if complete {
            self.status_after_edit(&stored, sit).await?
        } else {
            Status::Incomplete
        };
        stored.updated_at = ctx.now;
        if stored.status == Status::Published && stored.review.approved_at.is_none() {
            stored.review.approved_at = Some(ctx.now);
        }
        self.store().update_submission(&stored).await?;
        self.after_event_saved(&stored, lang, ctx, conversation, user, heading)
            .await
    }

    /// The confirmation (or the question for what is missing) and clashes.
    async fn after_event_saved(
        &self,
        saved: &Submission,
        lang: Language,
        ctx: &Context,
        conversation: &ConversationRef,
        user: &UserRef,
        heading: &str,
    ) -> Result<Doc, CoreError> {
        let id = saved.id.to_string();
        let Some(event) = &saved.event else {
            return Ok(Doc::new());
        };
        let draft = &event.draft;
        if saved.status == Status::Incomplete {
            let missing = draft.question().unwrap_or(Missing::Date);
            self.store()
                .set_conversation_state(
                    conversation,
                    user,
                    Some(ConversationState::Awaiting {
                        submission: saved.id,
                        missing,
                    }),
                    ctx.now,
                )
                .await?;
            let day = draft
                .date
                .map(|d| format::date(lang, d, false))
                .unwrap_or_default();
            let key = match (missing, draft.invalid_date) {
                (Missing::DateCheck, _) => {
                    return Ok(date_question(lang, saved.id, draft, ctx.today()));
                }
                (Missing::Date, true) => "invalid_date",
                (Missing::Date, false) => "ask_date",
                (Missing::Time, _) => "ask_time",
            };
            return Ok(Doc::new().para(tr(
                lang,
                key,
                &[("id", &id), ("title", &draft.title), ("day", &day)],
            )));
        }
        self.store()
            .set_conversation_state(
                conversation,
                user,
                Some(ConversationState::Confirmed {
                    submission: saved.id,
                }),
                ctx.now,
            )
            .await?;
        let mut doc = Doc::new().para(tr(lang, heading, &[("id", &id)]));
        doc = doc.append(stored_card(lang, saved, self.settings.tz, ctx.today()));
        if let Some(date) = draft.date
            && (date - ctx.today()).num_days() > 300
        {
            doc = doc.para(tr(lang, "event_next_year", &[("id", &id)]));
        }
        if event.starts_at.is_some_and(|s| s < ctx.now) && !draft.all_day {
            doc = doc.para(tr(lang, "event_in_past", &[("id", &id)]));
        }
        if saved.status == Status::Pending {
            doc = doc.para(tr(lang, "awaiting_approval", &[]));
        }
        doc = doc
            .para(tr(lang, "event_fix_hint", &[("id", &id)]))
            .button(tr(lang, "button_ok", &[]), format!("ok:{id}"))
            .button(tr(lang, "button_fix", &[]), format!("fix:{id}"))
            .button(tr(lang, "button_cancel", &[]), format!("cancel:{id}"))
            .about(saved.id);
        doc = doc.append(self.clashes(saved, lang).await?);
        if saved.status == Status::Published {
            self.announce(saved);
        }
        Ok(doc)
    }

    /// Events that clash with `saved` and that its submitter may see: an
    /// overlap in time at the same place, the same kind of activity the same
    /// day, or the same title and time. Others' events count only once
    /// approved (never someone's pending or rejected submission); the
    /// submitter's own events count too, so a resent message is caught.
    pub(crate) async fn clashing(
        &self,
        saved: &Submission,
    ) -> Result<Vec<(Clash, Submission)>, CoreError> {
        let tz = self.settings.tz;
        let Some(event) = &saved.event else {
            return Ok(Vec::new());
        };
        let (Some(start), Some(date)) = (event.starts_at, event.draft.date) else {
            return Ok(Vec::new());
        };
        let (day_start, day_end) = day_bounds(tz, date);
        // One occurrence's hours, not a whole series' span.
        let end = match (
            event.ends_at,
            event.draft.all_day || event.draft.start_time.is_none(),
        ) {
            (Some(end), _) => end,
            (None, true) => day_end,
            (None, false) => start + chrono::Duration::hours(2),
        };
        let kinds = kind_tags(saved);
        let mut found: Vec<(Clash, Submission)> =
            crate::store::events_in(&*self.store(), tz, day_start, day_end, true, 200)
                .await?
                .into_iter()
                .filter(|o| o.id != saved.id)
                .filter(|o| o.status == Status::Published || o.origin.author == saved.origin.author)
                .filter_map(|o| {
                    let oe = o.event.as_ref()?;
                    let o_start = oe.starts_at?;
                    if o_start < day_start || o_start >= day_end {
                        return None;
                    }
                    let o_end = oe.visible_until.unwrap_or(o_start);
                    let overlaps = o_start < end && start < o_end;
                    let same_title =
                        o.title().trim().to_lowercase() == saved.title().trim().to_lowercase();
                    let (same_place, nearby) = match (&event.draft.location, &oe.draft.location) {
                        (Some(a), Some(b)) => (same_place(a, b), self.community.nearby(a, b)),
                        _ => (false, false),
                    };
                    let same_kind = same_title
                        || understand::about::topic_matches(o.title(), saved.title(), "")
                        || understand::about::topic_matches(saved.title(), o.title(), "")
                        || (!kinds.is_empty() && kind_tags(&o).iter().any(|t| kinds.contains(t)))
                        || understand::about::activity_head(o.title()).is_some_and(|h| {
                            understand::about::activity_head(saved.title()) == Some(h)
                        });
                    let clash = if same_title && o_start == start {
                        Clash::Duplicate
                    } else if overlaps && same_place {
                        Clash::SamePlaceAndTime
                    } else if overlaps && nearby {
                        Clash::NearbyAndTime
                    } else if overlaps && same_kind {
                        Clash::SameKindAndTime
                    } else if same_kind {
                        Clash::SameKind
                    } else if overlaps && o.origin.author == saved.origin.author {
                        // Two of your own at once: worth a word.
                        Clash::SameKindAndTime
                    } else {
                        return None;
                    };
                    Some((clash, o))
                })
                .collect();
        found.sort_by_key(|(clash, o)| (*clash, o.event.as_ref().and_then(|e| e.starts_at)));
        Ok(found)
    }

    /// The clash warning under a confirmation.
    async fn clashes(&self, saved: &Submission, lang: Language) -> Result<Doc, CoreError> {
        let tz = self.settings.tz;
        let found = self.clashing(saved).await?;
        let (own, others): (Vec<_>, Vec<_>) = found
            .into_iter()
            .partition(|(_, o)| o.origin.author == saved.origin.author);
        let mut doc = Doc::new();
        for (clash, mine) in &own {
            let id = mine.id.to_string();
            let key = if *clash == Clash::Duplicate {
                "clash_own_duplicate"
            } else {
                "clash_own_overlap"
            };
            doc = doc.para(tr(lang, key, &[("id", &id), ("title", mine.title())]));
        }
        if others.is_empty() {
            return Ok(doc);
        }
        doc = doc.para(tr(lang, "clash_intro", &[]));
        for (clash, other) in others.iter().take(MAX_CLASHES) {
            let mut spans = vec![Span::Bold(
                untrusted::isolate_in(lang, other.title()).into_owned(),
            )];
            let time = format::event_time(lang, other, tz);
            if !time.is_empty() {
                spans.push(Span::Text(format!("{}{time}", crate::lang::comma(lang))));
            }
            if let Some(place) = other.event.as_ref().and_then(|e| e.draft.location.as_ref()) {
                spans.push(Span::Text(format!(
                    "{}{}",
                    crate::lang::comma(lang),
                    untrusted::isolate_in(lang, place)
                )));
            }
            let why = match clash {
                Clash::Duplicate => tr(lang, "clash_duplicate", &[]),
                Clash::SamePlaceAndTime => format!(
                    "{}{}{}",
                    tr(lang, "clash_same_place", &[]),
                    crate::lang::comma(lang),
                    tr(lang, "clash_same_time", &[])
                ),
                Clash::NearbyAndTime => format!(
                    "{}{}{}",
                    tr(lang, "clash_nearby", &[]),
                    crate::lang::comma(lang),
                    tr(lang, "clash_same_time", &[])
                ),
                Clash::SameKindAndTime => format!(
                    "{}{}{}",
                    tr(lang, "clash_same_kind", &[]),
                    crate::lang::comma(lang),
                    tr(lang, "clash_same_time", &[])
                ),
                Clash::SameKind => tr(lang, "clash_same_kind", &[]),
            };
            spans.push(Span::Text(format!(" ({why})")));
            let by = tr(
                lang,
                "by_line",
                &[
                    ("name", &other.origin.author_name),
                    (
                        "platform",
                        &format::platform(lang, other.origin.conversation.platform),
                    ),
                ],
            );
            spans.push(Span::Text(format!(
                " – #{}{}{by}",
                other.id,
                crate::lang::comma(lang)
            )));
            doc = doc.item(spans);
        }
        if others.len() > MAX_CLASHES {
            let more = (others.len() - MAX_CLASHES).to_string();
            doc = doc.para(tr(lang, "clash_more", &[("count", &more)]));
        }
        Ok(doc.para(tr(lang, "clash_outro", &[])))
    }

    async fn submit_story(
        &self,
        msg: &InboundMessage,
        story: StoryDraft,
        lang: Language,
        sit: &Situation,
    ) -> Result<Doc, CoreError> {
        let words = story.text.split_whitespace().count();
        if words < 3 {
            return Ok(Doc::new().para(tr(lang, "story_too_short", &[])));
        }
        // A photo sent with the story is kept once its teller says it may be
        // shown (asked below); a link written in the text is theirs to give.
        let photo = msg
            .attachments
            .iter()
            .find(|a| a.is_image)
            .map(|a| crate::model::StoryDetails::awaiting_consent(&a.reference))
            .or(story.photo);
        let new = NewSubmission {
            kind: SubmissionKind::Story,
            status: self
                .status_for_new(&msg.message.conversation, &msg.author.user, sit)
                .await?,
            origin: self.origin(msg).await?,
            language: lang,
            anonymous: story.anonymous,
            text: story.text,
            event: None,
            story: Some(StoryDetails {
                link: story.link,
                photo,
            }),
            place: None,
            created_at: self.clock.now(),
        };
        let saved = self.store().insert_submission(&new).await?;
        info!(id = saved.id, "story submitted");
        let id = saved.id.to_string();
        // The name as the digest and the web will show it (the group may
        // show first names only, or none).
        let naming = match self.community.groups[sit.group].shown_name(&saved) {
            None => tr(lang, "story_anonymous", &[]),
            // "Only your first name" means nothing for a one-word name.
            Some(name) if !name.trim().contains(' ') => {
                tr(lang, "story_named_short", &[("name", &name), ("id", &id)])
            }
            Some(name) => tr(lang, "story_named", &[("name", &name), ("id", &id)]),
        };
        let mut doc = Doc::new()
            .para(tr(lang, "saved_story", &[("id", &id)]))
            .para(naming)
            .about(saved.id);
        // A short story, or one without a quote or with a photo, gets a
        // question or two, once; it is in the queue meanwhile, so nothing
        // waits on an answer that never comes.
        if let Some(step) = next_coaching(&saved, None) {
            self.store()
                .set_conversation_state(
                    &msg.message.conversation,
                    &msg.author.user,
                    Some(ConversationState::Coaching {
                        submission: saved.id,
                        step,
                    }),
                    self.clock.now(),
                )
                .await?;
            return Ok(doc
                .para(tr(lang, "coach_intro", &[]))
                .para(coaching_question(step, lang)));
        }
        if saved.status == Status::Pending {
            doc = doc.para(tr(lang, "awaiting_approval", &[]));
        }
        Ok(doc)
    }

    /// An answer to a follow-up question about a story: folded into the
    /// story, then the next question or the thanks. A new submission or a
    /// question in between is read on its own (a question keeps the
    /// coaching waiting; a new submission ends it).
    #[allow(clippy::too_many_arguments)]
    async fn coaching_answer(
        &self,
        submission: i64,
        step: crate::model::Coaching,
        msg: &InboundMessage,
        meaning: &Meaning,
        lang: Language,
        ctx: &Context,
        sit: &Situation,
    ) -> Result<Option<Doc>, CoreError> {
        use crate::model::Coaching;
        let conversation = &msg.message.conversation;
        let user = &msg.author.user;
        let stop = || async {
            self.store()
                .set_conversation_state(conversation, user, None, ctx.now)
                .await
        };
        let Some(mut story) = self.store().submission(submission).await? else {
            stop().await?;
            return Ok(None);
        };
        // A question left unanswered for long is over: a message days later
        // is about something else, never part of the old story.
        let stale = ctx.now - story.updated_at > chrono::Duration::minutes(COACHING_MINUTES);
        if matches!(story.status, Status::Withdrawn | Status::Rejected) || stale {
            stop().await?;
            if stale {
                drop_unconfirmed_photo(&mut story);
                self.store().update_submission(&story).await?;
            }
            return Ok(None);
        }
        match meaning {
            Meaning::Query(_) | Meaning::WhereIs(_) => return Ok(None),
            // "ungdomsklubben i Vejleåparken" names a place but no day: the
            // answer. A day or an hour makes it an event of its own.
            Meaning::Event(d)
                if !d.title.is_empty() && (d.date.is_some() || d.start_time.is_some()) =>
            {
                stop().await?;
                return Ok(None);
            }
            Meaning::Story(_) | Meaning::Place(_) => {
                stop().await?;
                if drop_unconfirmed_photo(&mut story) {
                    self.store().update_submission(&story).await?;
                }
                return Ok(None);
            }
            _ => {}
        }
        let answer = msg.text.trim();
        // Only an explicit "annuller" withdraws the story: "nej" and "nej
        // tak" answer the question (no quote, no photo), they do not throw
        // the story away.
        let withdraw = matches!(
            answer.trim_end_matches(['.', '!']).to_lowercase().as_str(),
            "annuller" | "annullér" | "fortryd" | "cancel"
        );
        if withdraw {
            stop().await?;
            return Ok(Some(
                self.withdraw(submission, user, lang, sit, "cancelled")
                    .await?,
            ));
        }
        let skipped = understand::is_skip(answer);
        let photo = msg
            .attachments
            .iter()
            .find(|a| a.is_image)
            .map(|a| a.reference.clone());
        let mut changed = false;
        let photo_came = photo.is_some() && step != Coaching::PhotoConsent;
        if let Some(photo) = photo.filter(|_| photo_came) {
            // A photo right after the story belongs to it; whether it may be
            // shown is asked at once.
            story.story.get_or_insert_with(Default::default).photo =
                Some(crate::model::StoryDetails::awaiting_consent(&photo));
            changed = true;
        }
        // "ja" to "may we use a quote?" is not the quote: ask for it once.
        if step == Coaching::Quote && understand::is_yes(answer) && !photo_came {
            return Ok(Some(Doc::new().para(tr(lang, "coach_quote_please", &[]))));
        }
        match step {
            Coaching::PhotoConsent => {
                if understand::is_yes(answer) {
                    confirm_photo(&mut story);
                } else {
                    // Without a yes the photo is not kept.
                    drop_unconfirmed_photo(&mut story);
                }
                changed = true;
            }
            // A yes, a no or a skip answers nothing worth keeping.
            _ if skipped
                || answer.is_empty()
                || understand::is_yes(answer)
                || understand::is_no(answer) => {}
            Coaching::WhoAndWhere => {
                story.text = format!("{}\n\n{answer}", story.text.trim_end());
                changed = true;
            }
            Coaching::Quote => {
                if !understand::is_no(answer) {
                    let said = answer.trim_matches(|c: char| "»«\"“”'".contains(c)).trim();
                    story.text = format!("{}\n\n»{said}«", story.text.trim_end());
                    changed = true;
                }
            }
        }
        if changed {
            if story.status == Status::Published {
                story.status = self.status_after_edit(&story, sit).await?;
            }
            story.updated_at = ctx.now;
            self.store().update_submission(&story).await?;
        }
        let id = story.id.to_string();
        let next = if photo_came {
            Some(Coaching::PhotoConsent)
        } else {
            next_coaching(&story, Some(step))
        };
        match next {
            Some(next) => {
                self.store()
                    .set_conversation_state(
                        conversation,
                        user,
                        Some(ConversationState::Coaching {
                            submission,
                            step: next,
                        }),
                        ctx.now,
                    )
                    .await?;
                Ok(Some(Doc::new().para(coaching_question(next, lang))))
            }
            None => {
                stop().await?;
                let mut doc = Doc::new().para(tr(lang, "coach_done", &[("id", &id)]));
                if story.status == Status::Pending {
                    doc = doc.para(tr(lang, "awaiting_approval", &[]));
                }
                Ok(Some(doc.about(story.id)))
            }
        }
    }

    /// `/pressemeddelelse #N` / `/nyhedsbrev #N`: a draft of an approved
    /// story or event for the communication team; admins only.
    async fn draft(
        &self,
        msg: &InboundMessage,
        kind: crate::drafts::DraftKind,
        id: Option<i64>,
        lang: Language,
        sit: &Situation,
    ) -> Result<Doc, CoreError> {
        let user = &msg.author.user;
        if !sit.sender_is_admin {
            info!(user = %user.id, "refused: drafts are for admins");
            return Ok(Doc::new().para(tr(lang, "draft_admins_only", &[])));
        }
        let Some(id) = id else {
            return Ok(Doc::new().para(tr(lang, "draft_which", &[])));
        };
        let idt = id.to_string();
        let Some(found) = self.store().submission(id).await? else {
            return Ok(Doc::new().para(tr(lang, "not_found", &[("id", &idt)])));
        };
        let group = self.community.group_index(&found.origin.conversation);
        if !self.community.admins.contains(user) && group != sit.group {
            return Ok(Doc::new().para(tr(lang, "not_in_group", &[("id", &idt)])));
        }
        if found.kind == SubmissionKind::Place {
            return Ok(Doc::new().para(tr(lang, "draft_not_story", &[("id", &idt)])));
        }
        if found.status != Status::Published {
            return Ok(Doc::new().para(tr(lang, "draft_not_published", &[("id", &idt)])));
        }
        let title = &self.community.groups[group].title;
        let draft = crate::drafts::Draft::of(&found, lang, self.settings.tz, title);
        let text = crate::drafts::render(kind, lang, &draft);
        Ok(text
            .split("\n\n")
            .fold(Doc::new(), |doc, block| doc.para(block.to_string())))
    }

    /// "Nyt sted: Hundeskoven ved Ishøj Strand <map link>": a place for the
    /// town's map, approved like any submission. A place the town already
    /// knows is not added twice.
    async fn submit_place(
        &self,
        msg: &InboundMessage,
        place: crate::model::PlaceDetails,
        lang: Language,
        sit: &Situation,
    ) -> Result<Doc, CoreError> {
        if place.name.trim().is_empty() {
            return Ok(Doc::new().para(tr(lang, "place_needs_name", &[])));
        }
        if let Some(known) = self.find_place(&place.name).await? {
            return Ok(Doc::new()
                .para(tr(lang, "place_known", &[("name", &known.name)]))
                .para(self.where_words(&known, lang)));
        }
        let new = NewSubmission {
            kind: SubmissionKind::Place,
            status: self
                .status_for_new(&msg.message.conversation, &msg.author.user, sit)
                .await?,
            origin: self.origin(msg).await?,
            language: lang,
            anonymous: false,
            text: msg.text.trim().to_string(),
            event: None,
            story: None,
            place: Some(place),
            created_at: self.clock.now(),
        };
        let saved = self.store().insert_submission(&new).await?;
        info!(id = saved.id, "place submitted");
        Ok(self.place_saved(&saved, lang, "place_saved"))
    }

    /// What the bot says about a saved place: its number, its kind, how to
    /// put it on the map when it has no coordinates, and whether it waits.
    fn place_saved(&self, saved: &Submission, lang: Language, key: &str) -> Doc {
        let id = saved.id.to_string();
        let details = saved.place.clone().unwrap_or_default();
        let mut doc = Doc::new()
            .para(tr(lang, key, &[("id", &id), ("name", &details.name)]))
            .about(saved.id);
        if let Some(kind) = details.kind {
            doc = doc.para(tr(
                lang,
                "place_kind_line",
                &[(
                    "kind",
                    &tr(lang, &format!("place_kind_{}", kind.as_str()), &[]),
                )],
            ));
        }
        match details.point() {
            Some(_) => doc = doc.para(tr(lang, "place_on_map", &[])),
            None => doc = doc.para(tr(lang, "place_no_map", &[("id", &id)])),
        }
        if saved.status == Status::Pending {
            doc = doc.para(tr(lang, "awaiting_approval", &[]));
        }
        doc
    }

    /// A place the town knows by `name`: one from the config or one a
    /// resident added and an admin approved.
    pub(crate) async fn find_place(&self, name: &str) -> Result<Option<KnownPlace>, CoreError> {
        use understand::places::same_place;
        if let Some(p) =
            self.community.places.iter().find(|p| {
                same_place(name, &p.name) || p.aliases.iter().any(|a| same_place(name, a))
            })
        {
            return Ok(Some(KnownPlace {
                name: p.name.clone(),
                kind: understand::places::PlaceKind::of(&p.name),
                point: Some((p.lat, p.lon)),
                address: None,
                link: None,
            }));
        }
        let added = self.store().published_places(MOST_PLACES).await?;
        Ok(added.into_iter().find_map(|s| {
            let p = s.place?;
            same_place(name, &p.name).then(|| KnownPlace::from(p))
        }))
    }

    /// "hvor er hundeskoven?": where a known place is, with a map link.
    /// "hvor er legepladsen?" / "where is the dog park?" asked by kind
    /// rather than by name: the places of that kind.
    async fn where_is(&self, name: &str, lang: Language) -> Result<Doc, CoreError> {
        if let Some(known) = self.find_place(name).await? {
            return Ok(Doc::new().para(self.where_words(&known, lang)));
        }
        if let Some(kind) = understand::places::PlaceKind::of(name) {
            let of_kind: Vec<KnownPlace> = self
                .store()
                .published_places(MOST_PLACES)
                .await?
                .into_iter()
                .filter_map(|s| s.place)
                .filter(|p| p.kind == Some(kind))
                .take(5)
                .map(KnownPlace::from)
                .collect();
            if !of_kind.is_empty() {
                return Ok(of_kind.iter().fold(Doc::new(), |doc, p| {
                    doc.item(vec![crate::render::Span::Text(self.where_words(p, lang))])
                }));
            }
        }
        Ok(Doc::new().para(tr(lang, "place_not_known", &[("place", name)])))
    }

    fn where_words(&self, known: &KnownPlace, lang: Language) -> String {
        let map = known
            .point
            .map(|(lat, lon)| understand::places::map_link(lat, lon))
            .or_else(|| known.link.clone());
        let kind = known
            .kind
            .map(|k| tr(lang, &format!("place_kind_{}", k.as_str()), &[]));
        let mut text = match (&known.address, &kind) {
            (Some(address), _) => tr(
                lang,
                "place_where_address",
                &[("name", &known.name), ("address", address)],
            ),
            (None, Some(kind)) => tr(
                lang,
                "place_where_kind",
                &[("name", &known.name), ("kind", kind)],
            ),
            (None, None) => tr(lang, "place_where", &[("name", &known.name)]),
        };
        match map {
            Some(link) => {
                text.push(' ');
                text.push_str(&tr(lang, "place_map_link", &[("link", &link)]));
            }
            None => {
                text.push(' ');
                text.push_str(&tr(lang, "place_no_link", &[]));
            }
        }
        text
    }

    /// Approved events in the window, from every platform of the asker's
    /// group, plus the asker's own events that still await approval (marked
    /// so), so nobody wonders whether theirs was lost.
    pub(crate) async fn whats_on(
        &self,
        window: &Window,
        lang: Language,
        asked_in: Option<&ConversationRef>,
        asker: Option<&UserRef>,
    ) -> Result<Doc, CoreError> {
        let group = asked_in.map(|c| self.community.group_index(c));
        if let Some(doc) = self.listing(window, lang, group, asker).await? {
            return Ok(doc);
        }
        let label = format::window(lang, window);
        let about = format::about(lang, &window.about);
        Ok(Doc::new().para(if about.is_empty() {
            tr(lang, "whatson_none", &[("window", &label)])
        } else {
            tr(
                lang,
                "whatson_about_none",
                &[("window", &label), ("about", &about)],
            )
        }))
    }

    /// What happens in `window` (in `group`, or everywhere), as "what's on"
    /// answers it; `None` when nothing does. `asker` also sees their own
    /// events awaiting approval.
    pub(crate) async fn listing(
        &self,
        window: &Window,
        lang: Language,
        group: Option<usize>,
        asker: Option<&UserRef>,
    ) -> Result<Option<Doc>, CoreError> {
        let tz = self.settings.tz;
        let in_group = |s: &Submission| group.is_none_or(|g| self.in_group(g, s));
        let (events, total) = if window.about.is_empty() {
            self.calendar_page(window, group, asker).await?
        } else {
            self.search_page(window, asker, in_group).await?
        };
        if events.is_empty() {
            return Ok(None);
        }
        let label = format::window(lang, window);
        // The answer says what it searched for.
        let about = format::about(lang, &window.about);
        let mut doc = Doc::new().para(if about.is_empty() {
            tr(lang, "whatson_heading", &[("window", &label)])
        } else {
            tr(
                lang,
                "whatson_about_heading",
                &[("window", &label), ("about", &about)],
            )
        });
        let mut current_day = None;
        for event in events.iter().take(MAX_LISTED as usize) {
            let Some(start) = event.event.as_ref().and_then(|e| e.starts_at) else {
                continue;
            };
            let day = start.with_timezone(&tz).date_naive();
            if current_day != Some(day) {
                let mut heading = format::date(lang, day, false);
                if let Some(first) = heading.get(..1) {
                    heading = first.to_uppercase() + &heading[1..];
                }
                doc = doc.heading(heading);
                current_day = Some(day);
            }
            let mut line = event_line(lang, event, tz);
            if event.status == Status::Pending {
                line.push(Span::Italic(format!(
                    " – {}",
                    tr(lang, "pending_marker", &[])
                )));
            }
            doc = doc.item(line);
        }
        if total > MAX_LISTED as usize {
            let more = total - MAX_LISTED as usize;
            doc = doc.para(tr(lang, "whatson_more", &[("count", &more.to_string())]));
        }
        Ok(Some(doc))
    }

    /// "What's on" without a topic: the first events of the window by start
    /// and how many there are. One-off events come a page at a time from the
    /// calendar index (with an exact count), regular activities are expanded
    /// here, and the asker's own events awaiting approval are a small lookup
    /// by author.
    async fn calendar_page(
        &self,
        window: &Window,
        group: Option<usize>,
        asker: Option<&UserRef>,
    ) -> Result<(Vec<Submission>, usize), CoreError> {
        let (tz, from, to) = (self.settings.tz, window.from_utc(), window.to_utc());
        let channels = group.map_or(crate::store::Channels::All, |g| {
            self.community.channels_of(g)
        });
        let store = self.store();
        let (mut rows, one_offs) = store
            .events_page(&channels, from, to, MAX_LISTED + 1)
            .await?;
        let mut extra = store
            .series_between(from, to, false, crate::store::MOST_SERIES)
            .await?;
        if let Some(asker) = asker {
            extra.extend(store.pending_events_by(asker, from, to, 100).await?);
        }
        extra.retain(|s| group.is_none_or(|g| self.in_group(g, s)));
        let extra = crate::store::expanded(&extra, tz, from, to);
        let total = one_offs as usize + extra.len();
        rows.extend(extra);
        rows.sort_by_key(|e| (e.event.as_ref().and_then(|d| d.starts_at), e.id));
        rows.truncate(MAX_LISTED as usize + 1);
        Ok((rows, total))
    }

    /// "What's on" about a topic, a place or for an audience: the search
    /// index finds the candidates, the finer rules (audiences, places by
    /// name) are checked here.
    async fn search_page(
        &self,
        window: &Window,
        asker: Option<&UserRef>,
        in_group: impl Fn(&Submission) -> bool,
    ) -> Result<(Vec<Submission>, usize), CoreError> {
        let tz = self.settings.tz;
        let words = understand::about::search_words(&window.about);
        let mut events = crate::store::fetch_filtered(
            |limit| {
                let store = self.store();
                let (from, to, pending) = (window.from_utc(), window.to_utc(), asker.is_some());
                let words = words.clone();
                async move {
                    if words.is_empty() {
                        crate::store::events_in(&*store, tz, from, to, pending, limit).await
                    } else {
                        crate::store::search_in(&*store, tz, &words, from, to, pending, limit).await
                    }
                }
            },
            |s| {
                in_group(s)
                    && (s.status == Status::Published
                        || asker.is_some_and(|a| &s.origin.author == a))
                    && matches_about(&window.about, s)
            },
            500,
        )
        .await?;
        let total = events.len();
        events.truncate(MAX_LISTED as usize + 1);
        Ok((events, total))
    }

    async fn command(
        &self,
        msg: &InboundMessage,
        command: Command,
        lang: Language,
        ctx: &Context,
        sit: &Situation,
    ) -> Result<Doc, CoreError> {
        let user = &msg.author.user;
        Ok(match command {
            Command::Help => help(lang),
            Command::Story(story) => self.submit_story(msg, story, lang, sit).await?,
            Command::Event(Some(draft)) => self.submit_event(msg, draft, lang, ctx, sit).await?,
            Command::Event(None) => Doc::new().para(tr(lang, "event_needs_title", &[])),
            Command::WhatsOn(window) => {
                self.whats_on(&window, lang, Some(&msg.message.conversation), Some(user))
                    .await?
            }
            Command::Delete(Some(id)) => self.withdraw(id, user, lang, sit, "deleted").await?,
            Command::Delete(None) => Doc::new().para(tr(lang, "which_delete", &[])),
            Command::CancelOne(Some(id), day) => {
                self.cancel_one(id, day, user, lang, ctx, sit).await?
            }
            Command::CancelOne(None, _) => Doc::new().para(tr(lang, "which_delete", &[])),
            Command::MoveOne(Some(id), text) => {
                self.move_one(id, &text, user, lang, ctx, sit).await?
            }
            Command::MoveOne(None, _) => Doc::new().para(tr(lang, "move_how", &[("id", "12")])),
            Command::Mine => self.mine(user, lang).await?,
            Command::MyData => self.my_data(msg, lang).await?,
            Command::Subscribe(wish) => self.subscribe(msg, &wish, lang, sit).await?,
            Command::Unsubscribe => {
                let key = if self.store().unsubscribe(user).await? {
                    "unsubscribed"
                } else {
                    "not_subscribed"
                };
                Doc::new().para(tr(lang, key, &[]))
            }
            Command::Link(None) => self.link_code(msg, lang).await?,
            Command::Link(Some(code)) => self.link_with(msg, &code, lang).await?,
            Command::Unlink => {
                let others = self.store().unlink(user).await?;
                if others.is_empty() {
                    Doc::new().para(tr(lang, "unlink_none", &[]))
                } else {
                    Doc::new().para(tr(lang, "unlink_done", &[]))
                }
            }
            Command::Forget { confirmed: false } => {
                Doc::new().para(tr(lang, "forget_confirm", &[]))
            }
            Command::Forget { confirmed: true } => {
                let erased = self
                    .store()
                    .erase_person(user, crate::store::KeepPublished::Anonymised)
                    .await?;
                tracing::info!(
                    platform = %user.platform,
                    deleted = erased.deleted_submissions,
                    anonymised = erased.anonymised_submissions,
                    log_entries = erased.anonymised_log_entries,
                    other = erased.other_rows,
                    "a person was erased at their request"
                );
                Doc::new().para(tr(
                    lang,
                    "forget_done",
                    &[
                        ("deleted", &erased.deleted_submissions.to_string()),
                        ("kept", &erased.anonymised_submissions.to_string()),
                    ],
                ))
            }
            Command::Correct(Some(id), text) => {
                self.correct(msg, id, &text, lang, ctx, sit).await?
            }
            Command::Correct(None, _) => Doc::new().para(tr(lang, "which_correct", &[])),
            Command::Anonymous(Some(id)) => self.set_naming(id, user, lang, sit, true).await?,
            Command::FirstName(Some(id)) => self.set_naming(id, user, lang, sit, false).await?,
            Command::FirstName(None) => Doc::new().para(tr(lang, "which_anonymous", &[])),
            Command::Anonymous(None) => Doc::new().para(tr(lang, "which_anonymous", &[])),
            // Said in the message's language: the chosen one may be the
            // one just switched off.
            Command::Language(choice) => {
                // "/sprog fra" is confirmed in the language it was written
                // in: the chosen one is the one just switched off.
                let written = crate::lang::detect(&msg.text, sit.channel_language);
                self.choose_language(user, &choice, lang, written).await?
            }
            Command::Unknown(word) => {
                Doc::new().para(tr(lang, "unknown_command", &[("command", &word)]))
            }
            admin @ (Command::Pending
            | Command::Approve(_)
            | Command::Reject(..)
            | Command::Log
            | Command::Unstrike(_)
            | Command::Distrust(_)
            | Command::Trust(_)) => self.admin_command(msg, admin, lang, sit).await?,
            Command::Appeal(target, text) => self.appeal(msg, target, &text, lang).await?,
            Command::Rules => self.rules_doc(&msg.message.conversation, lang),
            // Answered as several messages before we get here.
            Command::Toolbox(_) => Doc::new(),
            Command::PressRelease(id) => {
                self.draft(msg, crate::drafts::DraftKind::PressRelease, id, lang, sit)
                    .await?
            }
            Command::Newsletter(id) => {
                self.draft(msg, crate::drafts::DraftKind::Newsletter, id, lang, sit)
                    .await?
            }
        })
    }

    /// Loads a submission the sender may change, or the reply saying why not.
    async fn owned(
        &self,
        id: i64,
        user: &UserRef,
        lang: Language,
        sit: &Situation,
    ) -> Result<Result<Submission, Doc>, CoreError> {
        self.owned_for(id, user, lang, sit, "not_yours").await
    }

    /// Like [`Bot::owned`], refusing with `refusal_key`.
    async fn owned_for(
        &self,
        id: i64,
        user: &UserRef,
        lang: Language,
        sit: &Situation,
        refusal_key: &str,
    ) -> Result<Result<Submission, Doc>, CoreError> {
        let idt = id.to_string();
        let Some(found) = self.store().submission(id).await? else {
            return Ok(Err(Doc::new().para(tr(lang, "not_found", &[("id", &idt)]))));
        };
        let admin_of_item = sit.sender_is_admin
            && (self.community.admins.contains(user)
                || self.community.group_index(&found.origin.conversation) == sit.group);
        if &found.origin.author != user && !admin_of_item {
            info!(id, user = %user.id, "refused: not the author");
            return Ok(Err(Doc::new().para(tr(lang, refusal_key, &[("id", &idt)]))));
        }
        if found.status == Status::Withdrawn {
            return Ok(Err(Doc::new().para(tr(
                lang,
                "already_withdrawn",
                &[("id", &idt)],
            ))));
        }
        Ok(Ok(found))
    }

    async fn withdraw(
        &self,
        id: i64,
        user: &UserRef,
        lang: Language,
        sit: &Situation,
        done_key: &str,
    ) -> Result<Doc, CoreError> {
        let mut found = match self
            .owned_for(id, user, lang, sit, "not_yours_delete")
            .await?
        {
            Ok(found) => found,
            Err(refusal) => return Ok(refusal),
        };
        found.status = Status::Withdrawn;
        found.updated_at = self.clock.now();
        self.store().update_submission(&found).await?;
        info!(id, "submission withdrawn");
        Ok(Doc::new().para(tr(lang, done_key, &[("id", &id.to_string())])))
    }

    /// "fællesspisning er aflyst på torsdag": the sender's own activity with
    /// that title, cancelled on that day (as `/aflys #N dag`).
    async fn cancel_in_words(
        &self,
        what: &str,
        day: NaiveDate,
        user: &UserRef,
        lang: Language,
        ctx: &Context,
        sit: &Situation,
    ) -> Result<Doc, CoreError> {
        let mine = self.store().submissions_by(user, 50).await?;
        let found = mine.iter().find(|s| {
            s.kind == SubmissionKind::Event
                && matches!(s.status, Status::Published | Status::Pending)
                && understand::about::topic_matches(what, s.title(), "")
        });
        match found {
            Some(s) => self.cancel_one(s.id, Some(day), user, lang, ctx, sit).await,
            None => Ok(Doc::new().para(tr(lang, "cancel_words_unknown", &[("what", what)]))),
        }
    }

    /// `/flyt #N 10/12 til 11/12 kl 19`: one day of a regular activity held
    /// on another day or at other hours; the others stay as they are.
    async fn move_one(
        &self,
        id: i64,
        text: &str,
        user: &UserRef,
        lang: Language,
        ctx: &Context,
        sit: &Situation,
    ) -> Result<Doc, CoreError> {
        let mut found = match self.owned_for(id, user, lang, sit, "not_yours").await? {
            Ok(found) => found,
            Err(refusal) => return Ok(refusal),
        };
        let idt = id.to_string();
        let Some(change) = understand::move_args(text, ctx) else {
            return Ok(Doc::new().para(tr(lang, "move_how", &[("id", &idt)])));
        };
        let tz = self.settings.tz;
        let today = ctx.today();
        let Some(event) = found.event.as_mut() else {
            return Ok(Doc::new().para(tr(lang, "not_a_series", &[("id", &idt)])));
        };
        let (Some(rule), Some(first)) = (event.draft.repeat.as_mut(), event.draft.date) else {
            // A one-off event is corrected with /ret.
            return Ok(Doc::new().para(tr(lang, "not_a_series", &[("id", &idt)])));
        };
        let (from, to) = day_bounds(tz, change.from);
        let from_text = format::date_near(lang, change.from, today);
        if !rule
            .occurrences(first, event.draft.start_time, tz, from, to)
            .contains(&change.from)
        {
            return Ok(Doc::new().para(tr(
                lang,
                "cancel_not_that_day",
                &[("id", &idt), ("day", &from_text)],
            )));
        }
        rule.moved.retain(|m| m.from != change.from);
        rule.moved.push(crate::recurrence::Moved {
            from: change.from,
            to: change.to,
            start: change.start,
            end: change.end,
        });
        let title = event.draft.title.clone();
        let mut when = format::date_near(lang, change.to, today);
        if let Some(start) = change.start {
            let hours = EventDraft {
                start_time: Some(start),
                end_time: change.end,
                all_day: false,
                ..event.draft.clone()
            };
            if let Some(time) = format::time_of(lang, &hours) {
                when = format!("{when} {time}");
            }
        }
        found.updated_at = ctx.now;
        self.store().update_submission(&found).await?;
        info!(id, from = %change.from, to = %change.to, "one occurrence moved");
        Ok(Doc::new().para(tr(
            lang,
            "moved_one",
            &[
                ("id", &idt),
                ("title", &title),
                ("from", &from_text),
                ("to", &when),
            ],
        )))
    }

    /// `/aflys #N 12. december`: that day of a regular activity is cancelled
    /// and the other days stand; a one-off event cancelled on its own day (or
    /// without a day) is withdrawn.
    async fn cancel_one(
        &self,
        id: i64,
        day: Option<NaiveDate>,
        user: &UserRef,
        lang: Language,
        ctx: &Context,
        sit: &Situation,
    ) -> Result<Doc, CoreError> {
        let mut found = match self
            .owned_for(id, user, lang, sit, "not_yours_delete")
            .await?
        {
            Ok(found) => found,
            Err(refusal) => return Ok(refusal),
        };
        let idt = id.to_string();
        let tz = self.settings.tz;
        let Some(event) = found.event.as_mut() else {
            return self.withdraw(id, user, lang, sit, "deleted").await;
        };
        let (Some(rule), Some(first)) = (event.draft.repeat.as_mut(), event.draft.date) else {
            return match day {
                Some(d) if Some(d) != event.draft.date => Ok(Doc::new().para(tr(
                    lang,
                    "cancel_not_that_day",
                    &[
                        ("id", &idt),
                        ("day", &format::date_near(lang, d, ctx.today())),
                    ],
                ))),
                _ => self.withdraw(id, user, lang, sit, "deleted").await,
            };
        };
        let Some(day) = day else {
            return Ok(Doc::new().para(tr(lang, "cancel_which_day", &[("id", &idt)])));
        };
        let (from, to) = day_bounds(tz, day);
        let on_that_day = rule
            .occurrences(first, event.draft.start_time, tz, from, to)
            .contains(&day);
        let day_text = format::date_near(lang, day, ctx.today());
        if !on_that_day {
            return Ok(Doc::new().para(tr(
                lang,
                "cancel_not_that_day",
                &[("id", &idt), ("day", &day_text)],
            )));
        }
        rule.except.push(day);
        rule.except.sort();
        let title = event.draft.title.clone();
        found.updated_at = ctx.now;
        self.store().update_submission(&found).await?;
        info!(id, %day, "one occurrence cancelled");
        Ok(Doc::new().para(tr(
            lang,
            "cancelled_one",
            &[("id", &idt), ("title", &title), ("day", &day_text)],
        )))
    }

    async fn correct(
        &self,
        msg: &InboundMessage,
        id: i64,
        text: &str,
        lang: Language,
        ctx: &Context,
        sit: &Situation,
    ) -> Result<Doc, CoreError> {
        let user = &msg.author.user;
        let mut found = match self.owned(id, user, lang, sit).await? {
            Ok(found) => found,
            Err(refusal) => return Ok(refusal),
        };
        let idt = id.to_string();
        match found.kind {
            SubmissionKind::Event => {
                let lower = text.trim().trim_end_matches(['.', '!']).to_lowercase();
                if matches!(
                    lower.as_str(),
                    "aflyst" | "aflyses" | "cancelled" | "canceled" | "called off"
                ) {
                    return self.withdraw(id, user, lang, sit, "deleted").await;
                }
                // "/ret #N indtil 1. marts": a regular activity gets an end.
                if let Some(until) = understand::series_end(text, ctx)
                    && let Some(mut draft) = found
                        .event
                        .as_ref()
                        .filter(|e| e.draft.repeat.is_some())
                        .map(|e| e.draft.clone())
                {
                    if let Some(rule) = draft.repeat.as_mut() {
                        rule.until = Some(until);
                    }
                    return self
                        .save_event_changes(
                            found,
                            draft,
                            lang,
                            ctx,
                            &msg.message.conversation,
                            user,
                            "updated_event",
                            sit,
                        )
                        .await;
                }
                let fragment = understand::correction(text, ctx);
                let nothing = fragment.date.is_none()
                    && fragment.start_time.is_none()
                    && !fragment.all_day
                    && fragment.location.is_none()
                    && fragment.title.is_empty()
                    && fragment.end_only.is_none()
                    && !fragment.invalid_date;
                if nothing {
                    return Ok(Doc::new().para(tr(lang, "correct_nothing", &[("id", &idt)])));
                }
                let mut draft = found
                    .event
                    .as_ref()
                    .map(|e| e.draft.clone())
                    .unwrap_or_else(|| fragment.draft());
                let old_end = draft.end_time;
                draft.merge(&fragment.draft(), true);
                if fragment.keeps_end
                    && let (Some(start), Some(end)) = (draft.start_time, old_end)
                    && end > start
                {
                    draft.end_time = Some(end);
                }
                if let Some(end) = fragment.end_only {
                    draft.end_time = Some(end);
                }
                self.save_event_changes(
                    found,
                    draft,
                    lang,
                    ctx,
                    &msg.message.conversation,
                    user,
                    "updated_event",
                    sit,
                )
                .await
            }
            SubmissionKind::Story => {
                if text.split_whitespace().count() < 3 {
                    return Ok(Doc::new().para(tr(lang, "story_too_short", &[])));
                }
                found.text = text.trim().to_string();
                found.status = self.status_after_edit(&found, sit).await?;
                if found.status == Status::Published && found.review.approved_at.is_none() {
                    found.review.approved_at = Some(ctx.now);
                }
                let (link, photo) = understand::story_links(text);
                let details = found.story.get_or_insert_with(StoryDetails::default);
                details.link = link.or(details.link.take());
                details.photo = photo.or(details.photo.take());
                found.updated_at = ctx.now;
                self.store().update_submission(&found).await?;
                Ok(Doc::new().para(tr(lang, "story_updated", &[("id", &idt)])))
            }
            SubmissionKind::Place => {
                let fragment = understand::places::place_draft(text);
                if fragment.name.is_empty() && fragment.point().is_none() && fragment.link.is_none()
                {
                    return Ok(Doc::new().para(tr(lang, "correct_nothing", &[("id", &idt)])));
                }
                let details = found.place.get_or_insert_with(Default::default);
                merge_place(details, fragment);
                found.status = self.status_after_edit(&found, sit).await?;
                if found.status == Status::Published && found.review.approved_at.is_none() {
                    found.review.approved_at = Some(ctx.now);
                }
                found.updated_at = ctx.now;
                self.store().update_submission(&found).await?;
                Ok(self.place_saved(&found, lang, "place_updated"))
            }
        }
    }

    /// Where a submission came from and who sent it, under the one name a
    /// linked person is shown by on every platform (their first), else the
    /// platform's display name.
    async fn origin(&self, msg: &InboundMessage) -> Result<Origin, CoreError> {
        let shared = self.store().shared_name(&msg.author.user).await?;
        Ok(Origin {
            conversation: msg.message.conversation.clone(),
            message_id: Some(msg.message.id.clone()),
            author: msg.author.user.clone(),
            author_name: shared.unwrap_or_else(|| msg.author.display_name.clone()),
        })
    }

    /// `/anonym #N` (`anonymous`: no name) and `/fornavn #N` (first name
    /// only): how the author wants their story to name them.
    async fn set_naming(
        &self,
        id: i64,
        user: &UserRef,
        lang: Language,
        sit: &Situation,
        anonymous: bool,
    ) -> Result<Doc, CoreError> {
        let mut found = match self.owned(id, user, lang, sit).await? {
            Ok(found) => found,
            Err(refusal) => return Ok(refusal),
        };
        let idt = id.to_string();
        if found.kind != SubmissionKind::Story {
            return Ok(Doc::new().para(tr(lang, "not_a_story", &[("id", &idt)])));
        }
        found.anonymous = anonymous;
        found.first_name_only = !anonymous;
        found.updated_at = self.clock.now();
        self.store().update_submission(&found).await?;
        let shown = self.community.groups[self.community.group_index(&found.origin.conversation)]
            .shown_name(&found);
        Ok(Doc::new().para(match shown {
            Some(name) => tr(
                lang,
                "story_first_name_done",
                &[("id", &idt), ("name", &name)],
            ),
            None => tr(lang, "story_anonymous_done", &[("id", &idt)]),
        }))
    }

    /// `/sprog tr`: replies to this person in that language from now on;
    /// `/sprog fra` (`off`) goes back to the message's or channel's; no
    /// choice, or one we do not have, lists the languages.
    async fn choose_language(
        &self,
        user: &UserRef,
        choice: &str,
        lang: Language,
        written: Language,
    ) -> Result<Doc, CoreError> {
        let choice = choice.trim().trim_end_matches(['.', '!']);
        let list = Language::all()
            .iter()
            .map(|l| format!("{} ({})", l.code(), l.native_name()))
            .collect::<Vec<_>>()
            .join(", ");
        if matches!(
            choice.to_lowercase().as_str(),
            "fra" | "off" | "auto" | "ingen" | "none" | "nulstil" | "reset"
        ) {
            self.store()
                .set_person_language(user, None, self.clock.now())
                .await?;
            return Ok(Doc::new().para(tr(written, "language_cleared", &[])));
        }
        match choice.parse::<Language>() {
            Ok(chosen) => {
                self.store()
                    .set_person_language(user, Some(chosen), self.clock.now())
                    .await?;
                let mut doc = Doc::new().para(tr(
                    chosen,
                    "language_set",
                    &[("language", chosen.native_name())],
                ));
                if !chosen.reads_submissions() {
                    doc = doc.para(tr(chosen, "language_submissions_in_danish_or_english", &[]));
                }
                Ok(doc)
            }
            Err(_) if choice.is_empty() => {
                Ok(Doc::new().para(tr(lang, "language_choices", &[("list", &list)])))
            }
            Err(_) => Ok(Doc::new().para(tr(
                lang,
                "language_unknown",
                &[("choice", choice), ("list", &list)],
            ))),
        }
    }

    async fn mine(&self, user: &UserRef, lang: Language) -> Result<Doc, CoreError> {
        let tz = self.settings.tz;
        let mine = self.store().submissions_by(user, 20).await?;
        let today = crate::civil::local_today(tz, self.clock.now());
        if mine.is_empty() {
            return Ok(Doc::new().para(tr(lang, "mine_none", &[])));
        }
        let mut doc = Doc::new().para(tr(lang, "mine_heading", &[]));
        for s in &mine {
            let kind = tr(lang, &format!("kind_{}", s.kind.as_str()), &[]);
            let status = tr(lang, &format!("status_{}", s.status.as_str()), &[]);
            let title: String = s.title().chars().take(60).collect();
            let mut detail = kind;
            if let Some(rule) = s.event.as_ref().and_then(|e| e.draft.repeat.as_ref()) {
                detail = format!("{detail}, {}", format::repeat(lang, rule, today));
            } else if let Some(start) = s.event.as_ref().and_then(|e| e.starts_at) {
                detail = format!(
                    "{detail}, {}",
                    format::date_near(lang, start.with_timezone(&tz).date_naive(), today)
                );
            }
            doc = doc.item(vec![
                Span::Text(format!("#{} ", s.id)),
                Span::Bold(title),
                Span::Text(format!(" – {detail} – {status}")),
            ]);
        }
        Ok(doc)
    }

    /// A one-time code for linking another account, sent privately.
    async fn link_code(&self, msg: &InboundMessage, lang: Language) -> Result<Doc, CoreError> {
        let code = new_link_code()?;
        let expires = self.now() + chrono::Duration::minutes(LINK_CODE_MINUTES);
        // Where they asked: the other account's news reaches them
        // privately, about that conversation.
        self.store()
            .create_link_code(&msg.author.user, &msg.message.conversation, &code, expires)
            .await?;
        let doc = Doc::new().para(tr(
            lang,
            "link_code",
            &[("code", &code), ("minutes", &LINK_CODE_MINUTES.to_string())],
        ));
        Ok(self.privately(msg, lang, doc))
    }

    /// The code from another account: link the two, and tell both.
    async fn link_with(
        &self,
        msg: &InboundMessage,
        code: &str,
        lang: Language,
    ) -> Result<Doc, CoreError> {
        use crate::store::LinkOutcome;
        let outcome = self
            .store()
            .redeem_link_code(&msg.author.user, code, self.now())
            .await?;
        let key = match outcome {
            LinkOutcome::Linked { with, told_in } => {
                let their_lang = self.reply_language(&with, lang).await;
                self.later(Action::Private {
                    user: with,
                    conversation: told_in,
                    doc: Doc::new().para(tr(
                        their_lang,
                        "link_done_other",
                        &[(
                            "platform",
                            &format::platform(their_lang, msg.author.user.platform),
                        )],
                    )),
                });
                "link_done"
            }
            LinkOutcome::AlreadyLinked => "link_already",
            LinkOutcome::Unknown => "link_unknown",
            LinkOutcome::Expired => "link_expired",
            LinkOutcome::Own => "link_own",
            LinkOutcome::TooManyTries => "link_too_many",
        };
        Ok(Doc::new().para(tr(lang, key, &[])))
    }

    /// `doc` as the answer in a private chat; in a group it goes to the
    /// person privately and the group hears only that it was sent.
    fn privately(&self, msg: &InboundMessage, lang: Language, doc: Doc) -> Doc {
        if msg.private {
            return doc;
        }
        self.later(Action::Private {
            user: msg.author.user.clone(),
            conversation: msg.message.conversation.clone(),
            doc,
        });
        Doc::new().para(tr(lang, "sent_privately", &[]))
    }

    /// What the bot keeps about the sender, table by table, in words and as
    /// a JSON file where the platform takes files; sent
    /// privately when asked in a group.
    async fn my_data(&self, msg: &InboundMessage, lang: Language) -> Result<Doc, CoreError> {
        let user = &msg.author.user;
        let data = self.store().person_data(user).await?;
        let count = |table: &str| data.get(table).map_or(0, Vec::len);
        let doc = if data.is_empty() {
            Doc::new().para(tr(lang, "my_data_nothing", &[]))
        } else {
            let mut doc = Doc::new().para(tr(lang, "my_data_heading", &[]));
            for (key, table) in [
                ("my_data_submissions", "submissions"),
                ("my_data_log", "moderation_log"),
                ("my_data_channels", "members"),
                ("my_data_interest", "interest"),
                ("my_data_messages", "outbox"),
            ] {
                if count(table) > 0 {
                    let n = count(table).to_string();
                    doc = doc.item(vec![Span::Text(tr(lang, key, &[("count", &n)]))]);
                }
            }
            if let Some(chosen) = self.store().person_language(user).await? {
                doc = doc.item(vec![Span::Text(tr(
                    lang,
                    "my_data_language",
                    &[("language", chosen.native_name())],
                ))]);
            }
            if count("trust") > 0 {
                doc = doc.item(vec![Span::Text(tr(lang, "my_data_trust", &[]))]);
            }
            let others = self.store().linked_accounts(user).await?.len();
            if others > 1 {
                let n = (others - 1).to_string();
                doc = doc.item(vec![Span::Text(tr(
                    lang,
                    "my_data_links",
                    &[("count", &n)],
                ))]);
            }
            if count("subscriptions") > 0 {
                doc = doc.item(vec![Span::Text(tr(lang, "my_data_subscription", &[]))]);
            }
            // Everything, row by row, as a file to keep (GDPR articles 15
            // and 20: in a common machine-readable format).
            let export = serde_json::json!({
                "person": format!("{}:{}", user.platform, user.id),
                "exported_at": self.now().to_rfc3339(),
                "tables": data,
            });
            doc.para(tr(lang, "my_data_file", &[("file", MY_DATA_FILE)]))
                .para(tr(lang, "my_data_forget", &[]))
                .file(crate::render::File {
                    name: MY_DATA_FILE.to_string(),
                    media_type: "application/json".to_string(),
                    content: serde_json::to_string_pretty(&export)
                        .unwrap_or_else(|_| export.to_string()),
                })
        };
        Ok(self.privately(msg, lang, doc))
    }

    /// An edited chat message updates the submission it created.
    async fn on_edit(
        &self,
        message: &MessageRef,
        author: &crate::adapter::Author,
        new_text: &str,
        sit: &Situation,
    ) -> Result<Vec<Action>, CoreError> {
        let found = self.store().submission_from_message(message).await?;
        let ours = found
            .as_ref()
            .filter(|f| f.origin.author == author.user && f.status != Status::Withdrawn);
        // The edited words are held to the guidelines like new ones: a
        // submission is coached and keeps its old text, other talk is
        // removed or noted as the rules say.
        let edited = InboundMessage {
            message: message.clone(),
            author: author.clone(),
            text: new_text.to_string(),
            addressed_to_bot: ours.is_some(),
            private: false,
            reply_to: None,
            thread: None,
            attachments: Vec::new(),
            sent_at: self.clock.now(),
        };
        let violations = self.edit_violations(&edited, sit);
        if !violations.is_empty() {
            return self.enforce(&edited, violations, sit).await;
        }
        let Some(found) = ours.cloned() else {
            return Ok(Vec::new());
        };
        let new_text = &*untrusted::clean(new_text);
        let user = &author.user;
        let ctx = self.context(sit.channel_language);
        let lang = self
            .reply_language(user, crate::lang::detect(new_text, found.language))
            .await;
        let conversation = &message.conversation;
        let doc = match found.kind {
            SubmissionKind::Event => {
                let mut draft = understand::event_draft(new_text, &ctx);
                if draft.title.is_empty() {
                    draft.title = found.title().to_string();
                }
                let mut found = found;
                found.text = new_text.trim().to_string();
                self.save_event_changes(
                    found,
                    draft,
                    lang,
                    &ctx,
                    conversation,
                    user,
                    "updated_event",
                    sit,
                )
                .await?
            }
            SubmissionKind::Story => {
                let mut found = found;
                let body = understand::strip_story_prefix(new_text);
                found.text = body.to_string();
                found.updated_at = ctx.now;
                // Changed words need the admins' eyes again, as for events.
                found.status = self.status_after_edit(&found, sit).await?;
                self.store().update_submission(&found).await?;
                let id = found.id.to_string();
                let mut doc = Doc::new().para(tr(lang, "story_updated", &[("id", &id)]));
                if found.status == Status::Pending {
                    doc = doc.para(tr(lang, "awaiting_approval", &[]));
                }
                doc
            }
            SubmissionKind::Place => {
                let mut found = found;
                let body = match understand::understand(new_text, &ctx).meaning {
                    Meaning::Place(place) => place,
                    _ => understand::places::place_draft(new_text),
                };
                let details = found.place.get_or_insert_with(Default::default);
                merge_place(details, body);
                found.text = new_text.trim().to_string();
                found.updated_at = ctx.now;
                found.status = self.status_after_edit(&found, sit).await?;
                self.store().update_submission(&found).await?;
                self.place_saved(&found, lang, "place_updated")
            }
        };
        Ok(vec![Action::Reply {
            conversation: conversation.clone(),
            reply_to: Some(message.clone()),
            thread: None,
            doc,
        }])
    }
}

impl Bot {
    /// Published at once, or waiting for an admin, per the group's policy.
    pub(crate) async fn status_for_new(
        &self,
        conversation: &ConversationRef,
        author: &UserRef,
        sit: &Situation,
    ) -> Result<Status, CoreError> {
        if sit.sender_is_admin {
            return Ok(Status::Published);
        }
        Ok(match self.community.group_of(conversation).approval {
            Approval::Never => Status::Published,
            Approval::Always => Status::Pending,
            Approval::TrustedAfter(n) => {
                let trusted = !self.store().trust_revoked(author).await?
                    && self.store().approved_count(author).await? >= n;
                if trusted {
                    Status::Published
                } else {
                    Status::Pending
                }
            }
        })
    }

    /// After a complete edit: an admin's edit keeps what the admins decided
    /// (a pending item still needs `/godkend`); a resident's edit of shown or
    /// rejected content goes (back) through approval per the policy.
    pub(crate) async fn status_after_edit(
        &self,
        stored: &Submission,
        sit: &Situation,
    ) -> Result<Status, CoreError> {
        if sit.sender_is_admin {
            return Ok(match stored.status {
                Status::Incomplete | Status::Published => Status::Published,
                other => other,
            });
        }
        self.status_for_new(&stored.origin.conversation, &stored.origin.author, sit)
            .await
    }
}

pub(crate) fn reply_to(msg: &InboundMessage, doc: Doc) -> Action {
    Action::Reply {
        conversation: msg.message.conversation.clone(),
        reply_to: Some(msg.message.clone()),
        thread: msg.thread.clone(),
        doc,
    }
}

/// Why two events clash, most telling first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Clash {
    /// The same title at the same time: probably the same event twice.
    Duplicate,
    SamePlaceAndTime,
    /// At the same time a few minutes' walk away (known places).
    NearbyAndTime,
    SameKindAndTime,
    /// The same kind of activity the same day.
    SameKind,
}

/// The kinds of activity an event is (its tags, without "free": two free
/// events are not competing for the same people).
/// How many added places a lookup reads at most (a town has hundreds).
const MOST_PLACES: u32 = 2_000;

/// A place the town knows, wherever it came from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KnownPlace {
    pub name: String,
    pub kind: Option<understand::places::PlaceKind>,
    pub point: Option<(f64, f64)>,
    pub address: Option<String>,
    pub link: Option<String>,
}

impl From<crate::model::PlaceDetails> for KnownPlace {
    fn from(p: crate::model::PlaceDetails) -> Self {
        KnownPlace {
            point: p.point(),
            name: p.name,
            kind: p.kind,
            address: p.address,
            link: p.link,
        }
    }
}

/// A correction of a place: what it says replaces what it had.
fn merge_place(details: &mut crate::model::PlaceDetails, fragment: crate::model::PlaceDetails) {
    if let Some((lat, lon)) = fragment.point() {
        details.lat = Some(lat);
        details.lon = Some(lon);
    }
    if !fragment.name.is_empty() {
        details.name = fragment.name;
        if fragment.address.is_some() {
            details.address = fragment.address;
        }
    }
    if fragment.kind.is_some() {
        details.kind = fragment.kind;
    }
    if fragment.link.is_some() {
        details.link = fragment.link;
    }
}

fn kind_tags(s: &Submission) -> Vec<understand::about::Tag> {
    let place = s
        .event
        .as_ref()
        .and_then(|e| e.draft.location.as_deref())
        .unwrap_or("");
    understand::about::tags_of(&format!("{} {place}", s.title()))
        .into_iter()
        .filter(|t| *t != understand::about::Tag::Free)
        .collect()
}

/// Whether an event is what a question asks about: its title (or message)
/// for a topic, its place for a place, its words for an audience or kind.
fn matches_about(about: &understand::about::About, s: &Submission) -> bool {
    let Some(event) = &s.event else {
        return false;
    };
    let title = &event.draft.title;
    let place = event.draft.location.as_deref().unwrap_or("");
    if let Some(topic) = &about.topic
        && !understand::about::topic_matches(topic, title, &s.text)
    {
        return false;
    }
    if let Some(asked) = &about.place
        && !(same_place(asked, place) || understand::about::topic_matches(asked, place, ""))
    {
        return false;
    }
    if about.tags.is_empty() {
        return true;
    }
    let tags = understand::about::tags_of(&format!("{title} {place} {}", s.text));
    about.tags.iter().all(|t| tags.contains(t))
}

fn same_place(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = s.to_lowercase();
        s.trim_start_matches("the ").trim().to_string()
    };
    let (a, b) = (norm(a), norm(b));
    a == b || a.contains(&b) || b.contains(&a)
}

/// The question about a date in doubt. The date stays as written until the
/// resident answers; nothing is moved silently.
fn date_question(lang: Language, id: i64, draft: &EventDraft, today: NaiveDate) -> Doc {
    let Some(date) = draft.date else {
        return Doc::new();
    };
    let idt = id.to_string();
    let written = format::date_near(lang, date, today);
    // A date the resident is to answer with is written so the bot can read
    // it back: in their language when the bot reads it, else in English.
    let answerable = if lang.reads_submissions() {
        lang
    } else {
        Language::En
    };
    if draft.doubts.contains(&Doubt::WeekdayMismatch)
        && let Some(weekday) = draft.written_weekday
    {
        let other = draft
            .date_on_written_weekday()
            .map(|d| format::date_near(answerable, d, today))
            .unwrap_or_default();
        let passed = if draft.doubts.contains(&Doubt::DatePassed) {
            tr(lang, "check_also_passed", &[])
        } else {
            String::new()
        };
        return Doc::new().para(tr(
            lang,
            "check_weekday",
            &[
                ("id", &idt),
                ("title", &draft.title),
                ("day_month", &format::day_month(lang, date, today)),
                ("actual", &format::weekday(lang, date.weekday())),
                ("said", &format::weekday(lang, weekday)),
                ("date", &written),
                ("other", &other),
                ("passed", &passed),
            ],
        ));
    }
    if draft.doubts.contains(&Doubt::DateFar) {
        let this_year = understand::scan::next_weekday(today, date.weekday(), true);
        return Doc::new().para(tr(
            lang,
            "check_far",
            &[
                ("id", &idt),
                ("title", &draft.title),
                ("date", &written),
                ("example", &format::date_near(answerable, this_year, today)),
            ],
        ));
    }
    // An example that most likely is what they meant: the same weekday in
    // the coming week.
    let example = understand::scan::next_weekday(today, date.weekday(), true);
    Doc::new().para(tr(
        lang,
        "check_passed",
        &[
            ("id", &idt),
            ("title", &draft.title),
            ("date", &written),
            ("example", &format::date_near(answerable, example, today)),
        ],
    ))
}

/// Title, day, time and place, one per line.
/// The card for a stored event: day and time as the stored instants read
/// in local time (so a time in the spring DST gap shows as it will happen).
pub(crate) fn stored_card(lang: Language, saved: &Submission, tz: Tz, today: NaiveDate) -> Doc {
    let Some(event) = &saved.event else {
        return Doc::new();
    };
    let label = |key: &str| Span::Bold(format!("{}: ", tr(lang, key, &[])));
    let mut doc = Doc::new().item(vec![
        label("label_title"),
        Span::Text(untrusted::isolate_in(lang, &event.draft.title).into_owned()),
    ]);
    if let Some(start) = event.starts_at {
        let day = start.with_timezone(&tz).date_naive();
        let mut days = format::date(lang, day, true);
        if let Some(last) = event.draft.end_date.filter(|last| *last > day) {
            days = format!("{days} – {}", format::date(lang, last, true));
        }
        doc = doc.item(vec![label("label_day"), Span::Text(days)]);
        doc = doc.item(vec![
            label("label_time"),
            Span::Text(format::event_time(lang, saved, tz)),
        ]);
        // A regular activity: the rule in words and the next three dates,
        // so a wrong reading shows at once.
        if let Some(rule) = &event.draft.repeat {
            doc = doc.item(vec![
                label("label_repeat"),
                Span::Text(format::repeat(lang, rule, today)),
            ]);
            let next: Vec<String> = crate::store::occurrences_between(
                saved,
                tz,
                start,
                start + chrono::Duration::days(400),
            )
            .iter()
            .take(3)
            .filter_map(|o| o.event.as_ref().and_then(|e| e.starts_at))
            .map(|s| format::date_near(lang, s.with_timezone(&tz).date_naive(), today))
            .collect();
            if !next.is_empty() {
                doc = doc.item(vec![
                    label("label_next"),
                    Span::Text(next.join(&crate::lang::comma(lang))),
                ]);
            }
        }
    }
    let place = event
        .draft
        .location
        .as_deref()
        .map(|place| untrusted::isolate_in(lang, place).into_owned())
        .unwrap_or_else(|| tr(lang, "place_unknown", &[]));
    doc.item(vec![label("label_place"), Span::Text(place)])
}

pub(crate) fn event_line(lang: Language, event: &Submission, tz: Tz) -> Vec<Span> {
    let mut spans = Vec::new();
    let time = format::event_time(lang, event, tz);
    if !time.is_empty() {
        spans.push(Span::Text(format!("{time} ")));
    }
    spans.push(Span::Bold(
        untrusted::isolate_in(lang, event.title()).into_owned(),
    ));
    if let Some(place) = event.event.as_ref().and_then(|e| e.draft.location.as_ref()) {
        spans.push(Span::Text(format!(
            "{}{}",
            crate::lang::comma(lang),
            untrusted::isolate_in(lang, place)
        )));
    }
    if let Some(last) = event.event.as_ref().and_then(|e| e.draft.end_date) {
        let day = format::date(lang, last, false);
        spans.push(Span::Text(format!(
            "{}{}",
            crate::lang::comma(lang),
            tr(lang, "until_day", &[("day", &day)])
        )));
    }
    spans.push(Span::Text(format!(" (#{})", event.id)));
    if event.interested > 0 {
        // Who reacted 👍; the emoji reads the same in every language.
        spans.push(Span::Text(format!(" · 👍 {}", event.interested)));
    }
    spans
}

fn help(lang: Language) -> Doc {
    Doc::new()
        .para(tr(lang, "help_heading", &[]))
        .item(vec![Span::Text(tr(lang, "help_event", &[]))])
        .item(vec![Span::Text(tr(lang, "help_story", &[]))])
        .item(vec![Span::Text(tr(lang, "help_query", &[]))])
        .item(vec![Span::Text(tr(lang, "help_mine", &[]))])
        .item(vec![Span::Text(tr(lang, "help_toolbox", &[]))])
        .item(vec![Span::Text(tr(lang, "help_subscribe", &[]))])
        .item(vec![Span::Text(tr(lang, "help_link", &[]))])
        .item(vec![Span::Text(tr(lang, "help_privacy", &[]))])
        .item(vec![Span::Text(tr(
            lang,
            "help_language",
            &[("languages", &language_names())],
        ))])
}

/// How long a link code waits for the other account.
const LINK_CODE_MINUTES: i64 = 10;

/// A one-time link code: six letters and digits that cannot be mistaken
/// for each other (no 0/O, 1/I/L), ≈ 900 million of them.
fn new_link_code() -> Result<String, CoreError> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes)
        .map_err(|e| CoreError::Store(crate::store::StoreError::Database(e.to_string())))?;
    Ok(bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect())
}

/// Every language the bot has, by its name in itself ("Dansk, English,
/// Türkçe, …").
fn language_names() -> String {
    Language::all()
        .iter()
        .map(|l| l.native_name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The toolbox: the list of guides, or one guide as a few short messages.
fn toolbox(msg: &InboundMessage, asked: &str, lang: Language) -> Vec<Action> {
    let list = || {
        crate::toolbox::guides(lang).iter().enumerate().fold(
            Doc::new().para(tr(lang, "toolbox_heading", &[])),
            |doc, (i, g)| doc.item(vec![Span::Text(format!("{}. {}", i + 1, g.title))]),
        )
    };
    if asked.trim().is_empty() {
        return vec![reply_to(msg, list().para(tr(lang, "toolbox_hint", &[])))];
    }
    match crate::toolbox::find(lang, asked) {
        Some(guide) => guide
            .parts
            .iter()
            .enumerate()
            .map(|(i, part)| {
                let doc = if i == 0 {
                    Doc::new().heading(guide.title.clone())
                } else {
                    Doc::new()
                };
                reply_to(msg, doc.para(part.clone()))
            })
            .collect(),
        None => vec![reply_to(
            msg,
            Doc::new()
                .para(tr(lang, "toolbox_unknown", &[("asked", asked.trim())]))
                .para(tr(lang, "toolbox_hint", &[])),
        )],
    }
}

/// The next follow-up question a story gets after `after` (from the start
/// when `None`): who and where when it is short, a quote when it has none,
/// consent when it has a photo.
fn next_coaching(
    story: &Submission,
    after: Option<crate::model::Coaching>,
) -> Option<crate::model::Coaching> {
    use crate::model::Coaching;
    let words = story.text.split_whitespace().count();
    let has_photo = story.story.as_ref().is_some_and(|d| {
        d.photo
            .as_deref()
            .is_some_and(crate::model::StoryDetails::is_awaiting_consent)
    });
    Coaching::ALL
        .into_iter()
        .skip_while(|c| after.is_some_and(|a| *c != a))
        .skip(usize::from(after.is_some()))
        .find(|c| match c {
            Coaching::WhoAndWhere => words < COACH_BELOW_WORDS,
            Coaching::Quote => crate::drafts::quotes(&story.text).is_empty(),
            Coaching::PhotoConsent => has_photo,
        })
}

/// A story shorter than this gets "who and where?".
const COACH_BELOW_WORDS: usize = 25;

/// How long a follow-up question waits for its answer.
const COACHING_MINUTES: i64 = 120;

/// The photo may be shown: its teller said yes.
fn confirm_photo(story: &mut Submission) {
    if let Some(details) = story.story.as_mut() {
        details.photo = details
            .photo
            .as_deref()
            .map(|p| crate::model::StoryDetails::confirmed(p).to_string());
    }
}

/// A photo nobody said yes to is not kept. True when one was dropped.
fn drop_unconfirmed_photo(story: &mut Submission) -> bool {
    let Some(details) = story.story.as_mut() else {
        return false;
    };
    let unconfirmed = details
        .photo
        .as_deref()
        .is_some_and(crate::model::StoryDetails::is_awaiting_consent);
    if unconfirmed {
        details.photo = None;
    }
    unconfirmed
}

fn coaching_question(step: crate::model::Coaching, lang: Language) -> String {
    tr(lang, &format!("coach_{}", step.as_str()), &[])
}

fn unknown(lang: Language) -> Doc {
    Doc::new()
        .para(tr(lang, "unknown", &[]))
        .item(vec![Span::Text(tr(lang, "unknown_event", &[]))])
        .item(vec![Span::Text(tr(lang, "unknown_story", &[]))])
        .item(vec![Span::Text(tr(lang, "unknown_query", &[]))])
        .para(tr(lang, "unknown_help", &[]))
}
