//! The domain: platforms, opaque references into them, and submissions
//! (events and stories) as the core and storage see them.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::lang::Language;
use crate::understand::EventDraft;

/// Which platform something came from. Only a label: the platform's own
/// types never cross into the core.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Console,
    Matrix,
    Discord,
    Telegram,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Console => "console",
            Platform::Matrix => "matrix",
            Platform::Discord => "discord",
            Platform::Telegram => "telegram",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown platform {0:?}: use console, matrix, discord or telegram")]
pub struct UnknownPlatform(String);

impl FromStr for Platform {
    type Err = UnknownPlatform;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "console" => Ok(Platform::Console),
            "matrix" => Ok(Platform::Matrix),
            "discord" => Ok(Platform::Discord),
            "telegram" => Ok(Platform::Telegram),
            other => Err(UnknownPlatform(other.to_string())),
        }
    }
}

/// A chat, room, channel or private conversation. `id` is the adapter's own
/// opaque string (a Telegram chat id, a Matrix room id, …).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ConversationRef {
    pub platform: Platform,
    pub id: String,
}

/// A person on one platform.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UserRef {
    pub platform: Platform,
    pub id: String,
}

/// One message, found by its conversation and the adapter's message id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MessageRef {
    pub conversation: ConversationRef,
    pub id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SubmissionKind {
    Event,
    Story,
    /// A place in town a resident added ("Nyt sted: …").
    Place,
}

impl SubmissionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionKind::Event => "event",
            SubmissionKind::Story => "story",
            SubmissionKind::Place => "place",
        }
    }
}

impl FromStr for SubmissionKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "event" => Ok(SubmissionKind::Event),
            "story" => Ok(SubmissionKind::Story),
            "place" => Ok(SubmissionKind::Place),
            other => Err(format!("unknown submission kind {other:?}")),
        }
    }
}

/// Where a submission stands. Only `Published` submissions answer questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Saved, but a date or time is still missing; the bot has asked for it.
    Incomplete,
    /// Complete, waiting for an admin's approval.
    Pending,
    Published,
    /// An admin said no (with a reason the submitter is told).
    Rejected,
    /// Withdrawn by its author (or an admin). Kept, never shown.
    Withdrawn,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Incomplete => "incomplete",
            Status::Pending => "pending",
            Status::Published => "published",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
        }
    }
}

impl FromStr for Status {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "incomplete" => Ok(Status::Incomplete),
            "pending" => Ok(Status::Pending),
            "published" => Ok(Status::Published),
            "rejected" => Ok(Status::Rejected),
            "withdrawn" => Ok(Status::Withdrawn),
            other => Err(format!("unknown status {other:?}")),
        }
    }
}

/// Who sent a submission and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub conversation: ConversationRef,
    /// The message it came from, so an edit of that message can update it.
    pub message_id: Option<String>,
    pub author: UserRef,
    /// The name the author goes by on the platform.
    pub author_name: String,
}

/// When and where an event is, as instants. `draft` keeps what the resident
/// wrote in local terms, so a follow-up answer can complete it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDetails {
    pub draft: EventDraft,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    /// Until when the event counts as "on" for questions: its end, the end
    /// of its day when it is all-day, or two hours after an open start.
    /// Stored so "what's on" is one indexed range query.
    pub visible_until: Option<DateTime<Utc>>,
}

/// The end of a series that has none: far enough to be "always", near
/// enough for every database's integer seconds.
pub fn forever() -> DateTime<Utc> {
    // The last second of 9999, which chrono always represents.
    DateTime::from_timestamp(253_402_300_799, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

impl EventDetails {
    pub fn from_draft(draft: EventDraft, tz: chrono_tz::Tz) -> Self {
        let (starts_at, ends_at) = match draft.instants(tz) {
            Some((start, end)) => (
                Some(start.with_timezone(&Utc)),
                end.map(|e| e.with_timezone(&Utc)),
            ),
            None => (None, None),
        };
        // A series is on until its last day, or for as long as it lasts.
        let series_end = draft.repeat.as_ref().zip(draft.date).map(|(rule, first)| {
            rule.last_day(first, draft.start_time, tz)
                .map_or_else(forever, |last| crate::civil::day_bounds(tz, last).1)
        });
        let visible_until = series_end.or_else(|| {
            starts_at.map(
                |start| match (ends_at, draft.all_day || draft.start_time.is_none()) {
                    (Some(end), _) => end,
                    (None, true) => {
                        let date = start.with_timezone(&tz).date_naive();
                        crate::civil::day_bounds(tz, date).1
                    }
                    (None, false) => start + chrono::Duration::hours(2),
                },
            )
        });
        EventDetails {
            draft,
            starts_at,
            ends_at,
            visible_until,
        }
    }
}

/// A story's parts beyond its text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoryDetails {
    pub link: Option<String>,
    /// A photo sent with the story; marked while its teller has not yet
    /// said it may be shown (see [`StoryDetails::shown_photo`]).
    pub photo: Option<String>,
}

/// Marks a photo whose teller has not said yes yet.
const AWAITING_CONSENT: &str = "awaiting-consent:";

impl StoryDetails {
    /// A photo reference stored until its teller says it may be shown.
    pub fn awaiting_consent(reference: &str) -> String {
        format!("{AWAITING_CONSENT}{reference}")
    }

    pub fn is_awaiting_consent(photo: &str) -> bool {
        photo.starts_with(AWAITING_CONSENT)
    }

    /// The reference without the mark.
    pub fn confirmed(photo: &str) -> &str {
        photo.strip_prefix(AWAITING_CONSENT).unwrap_or(photo)
    }

    /// The photo that may be shown (drafts, the web, exports): never one
    /// still waiting for its teller's yes.
    pub fn shown_photo(&self) -> Option<&str> {
        self.photo
            .as_deref()
            .filter(|p| !StoryDetails::is_awaiting_consent(p))
    }
}

/// A place a resident added: what it is called, what kind of place, and
/// where (from a map link or coordinates, when they gave one).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PlaceDetails {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<crate::understand::places::PlaceKind>,
    /// WGS 84 degrees, both or neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Where, in the resident's words ("ved Ishøj Strand", an address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The map link they gave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl PlaceDetails {
    /// Where it is, when known.
    pub fn point(&self) -> Option<(f64, f64)> {
        self.lat.zip(self.lon)
    }
}

/// An event, story or place a resident sent, with its number (`#id`).
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub id: i64,
    pub kind: SubmissionKind,
    pub status: Status,
    pub origin: Origin,
    pub language: Language,
    /// Shown without the author's name.
    pub anonymous: bool,
    /// Shown with the author's first name only (`/fornavn #N`), whatever
    /// the group shows by default; a group that names nobody still does not.
    pub first_name_only: bool,
    /// What the resident wrote (the story text, or the event message).
    pub text: String,
    pub event: Option<EventDetails>,
    pub story: Option<StoryDetails>,
    pub place: Option<PlaceDetails>,
    pub review: Review,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// How many people showed interest (a 👍 reaction); read-only, kept by
    /// [`crate::Store::set_interest`].
    pub interested: u32,
    /// How many times it was saved after it was made (read-only, counted
    /// by the store): an outside calendar's copy (an iCalendar SEQUENCE)
    /// knows a higher number replaces what it has.
    pub revision: u32,
}

/// What the admins decided about a submission.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Review {
    /// When it became visible (approved, or published without approval).
    pub approved_at: Option<DateTime<Utc>>,
    /// The admin who decided, as named on their platform.
    pub reviewer: Option<String>,
    /// The reason for a rejection, or the submitter's appeal.
    pub note: Option<String>,
}

impl Submission {
    pub fn title(&self) -> &str {
        match (&self.event, &self.place) {
            (Some(e), _) => &e.draft.title,
            (None, Some(p)) => &p.name,
            (None, None) => &self.text,
        }
    }
}

/// A submission before it has a number.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSubmission {
    pub kind: SubmissionKind,
    pub status: Status,
    pub origin: Origin,
    pub language: Language,
    pub anonymous: bool,
    pub text: String,
    pub event: Option<EventDetails>,
    pub story: Option<StoryDetails>,
    pub place: Option<PlaceDetails>,
    pub created_at: DateTime<Utc>,
}

/// What the bot is waiting for from one person in one conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConversationState {
    /// The bot asked for a missing date or time of this submission.
    Awaiting {
        submission: i64,
        missing: crate::understand::Missing,
    },
    /// The bot just confirmed this submission; "annuller" cancels it.
    Confirmed { submission: i64 },
    /// The bot asked a follow-up question about a story (see
    /// [`Coaching`]); the answer is folded into the same submission.
    Coaching { submission: i64, step: Coaching },
}

/// The follow-up questions a short story gets, once and skippable, in this
/// order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coaching {
    /// "Hvem stod bag, og hvor skete det?"
    WhoAndWhere,
    /// "Må vi bruge et citat fra dig?"
    Quote,
    /// "Må vi vise billedet?" (a photo came with the story).
    PhotoConsent,
}

impl Coaching {
    pub const ALL: [Coaching; 3] = [
        Coaching::WhoAndWhere,
        Coaching::Quote,
        Coaching::PhotoConsent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Coaching::WhoAndWhere => "who_where",
            Coaching::Quote => "quote",
            Coaching::PhotoConsent => "photo_consent",
        }
    }

    pub fn parse(s: &str) -> Option<Coaching> {
        Coaching::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// One entry in a group's moderation log.
#[derive(Debug, Clone, PartialEq)]
pub struct ModerationEntry {
    pub id: i64,
    pub conversation: ConversationRef,
    pub message_id: Option<String>,
    pub user: UserRef,
    pub user_name: String,
    /// The rule (`banned_word`, …), `escalation`, `admin_command` for a
    /// refused attempt, or `decision` for an admin's approval or rejection.
    pub rule: String,
    pub matched: String,
    /// `note`, `delete`, `mute`, `ban`, `tell_admins`, `refused`,
    /// `approved`, `rejected`.
    pub action: String,
    /// Counts towards escalation.
    pub strike: bool,
    pub undone: bool,
    pub appeal: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A message waiting in the outbox for its platform's adapter.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxItem {
    pub id: i64,
    pub conversation: ConversationRef,
    pub reply_to: Option<String>,
    pub thread: Option<String>,
    pub doc: crate::render::Doc,
    /// Parts of the rendered message already delivered (after a crash the
    /// rest follow, not the whole again).
    pub parts_sent: u32,
    pub attempts: u32,
    pub dedupe_key: Option<String>,
    /// A private note: the user (on the same platform) it goes to;
    /// `conversation` is where it is about.
    pub private_to: Option<String>,
}

/// A message for the outbox.
#[derive(Debug, Clone, PartialEq)]
pub struct NewOutboxItem {
    pub conversation: ConversationRef,
    pub reply_to: Option<String>,
    pub thread: Option<String>,
    pub doc: crate::render::Doc,
    /// At most one item per key, ever: a digest per channel and period.
    pub dedupe_key: Option<String>,
    /// A private note: the user (on the same platform) it goes to;
    /// `conversation` is where it is about.
    pub private_to: Option<String>,
}
