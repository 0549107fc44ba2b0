//! Understanding messages: is this a command, an event, a story, a "what's
//! on" question, or something we did not understand?
//!
//! Everything here is pure: (text, clock, zone) in, [`Understood`] out. The
//! same function backs the bot's replies and `vores parse --json`, so an
//! operator sees exactly what the bot saw.

pub mod about;
pub mod foreign;
pub mod holidays;
pub mod places;
pub mod scan;
mod text;
pub mod window;

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use regex::Regex;

use crate::civil::{local_today, localize, start_of_day};
use crate::lang::{self, Language};
use crate::recurrence::Repeat;
use scan::{Token, TokenKind};
pub use window::{Window, WindowLabel};

/// What the bot made of one message.
#[derive(Debug, Clone, PartialEq)]
pub struct Understood {
    pub language: Language,
    pub meaning: Meaning,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    Command(Command),
    Event(EventDraft),
    Story(StoryDraft),
    Query(Window),
    /// "Nyt sted: Hundeskoven ved Ishøj Strand …": a place to add.
    Place(crate::model::PlaceDetails),
    /// "hvor er hundeskoven?": where a place is.
    WhereIs(String),
    Unknown,
}

/// A command, in either language.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Help,
    /// `/historie` with the story text (possibly empty).
    Story(StoryDraft),
    /// `/begivenhed` with what followed, already understood (None when empty).
    Event(Option<EventDraft>),
    /// `/hvadsker` with an optional window.
    WhatsOn(Window),
    /// `/slet #N`; without a number, the resident's latest submission.
    Delete(Option<i64>),
    /// `/aflys #N 12. december`: one occurrence of a regular activity is
    /// cancelled (without a day: a one-off event is withdrawn).
    CancelOne(Option<i64>, Option<NaiveDate>),
    /// `/flyt #N 10/12 til 11/12 kl 19`: one occurrence on another day or
    /// at another time (the text after the number).
    MoveOne(Option<i64>, String),
    Mine,
    /// `/mine data`, `/my data`: everything the bot keeps about the person,
    /// sent to them privately.
    MyData,
    /// `/glem mig`, `/forget me`: erase everything about the person;
    /// `confirmed` once they wrote "bekræft" / "confirm" after it.
    Forget {
        confirmed: bool,
    },
    /// `/forbind`, `/link`: a code to link another account (`None`), or
    /// the code from another account (`Some`).
    Link(Option<String>),
    /// `/fjernforbindelse`, `/unlink`: this account leaves its links.
    Unlink,
    /// `/abonner`, `/subscribe`: the group's news by private message,
    /// weekly or daily, optionally narrowed ("/abonner dagligt børn").
    Subscribe(NewsWish),
    /// `/afmeld`, `/unsubscribe`: no more news by private message.
    Unsubscribe,
    /// `/ret #N new details`.
    Correct(Option<i64>, String),
    /// `/anonym #N`: show the story without the author's name.
    Anonymous(Option<i64>),
    /// `/fornavn #N`: show the story with the author's first name only.
    FirstName(Option<i64>),
    /// Admins: what waits for approval (`/afventer`).
    Pending,
    /// Admins: `/godkend #N`.
    Approve(Option<i64>),
    /// Admins: `/afvis #N reason`.
    Reject(Option<i64>, String),
    /// Admins: the moderation log.
    Log,
    /// Admins: undo a strike (`/ophæv M7`).
    Unstrike(Option<i64>),
    /// Residents: appeal a rejection (`#12`) or a moderation action (`M7`).
    Appeal(Option<AppealTarget>, String),
    /// The group's rules in plain words.
    Rules,
    /// Admins: revoke or restore a person's trust.
    Distrust(String),
    Trust(String),
    /// The toolbox: the list of guides, or one guide (`/værktøj 2`).
    Toolbox(String),
    /// Admins: a press release draft of a story or event (`/pressemeddelelse #N`).
    PressRelease(Option<i64>),
    /// Admins: a newsletter paragraph (`/nyhedsbrev #N`).
    Newsletter(Option<i64>),
    /// `/sprog tr`, `/language ar`: the language for replies to this
    /// person (the words after the command; none lists the choices).
    Language(String),
    /// An unknown `/word`.
    Unknown(String),
}

/// What `/abonner …` asked for: each morning or each week, and the words
/// that narrow it. The words are sorted out by the core, which knows the
/// groups: a group's name, a tag ("børn", "sport") or else a topic.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewsWish {
    pub daily: bool,
    pub words: Vec<String>,
}

impl NewsWish {
    /// "dagligt børn og sport", "daily for kids", "hver dag", "weekly".
    pub fn read(args: &str) -> NewsWish {
        const DAILY: &[&str] = &["dagligt", "daglig", "daily", "hverdag", "everyday"];
        const WEEKLY: &[&str] = &["ugentligt", "ugentlig", "weekly"];
        // Words that only join the others ("om børn og sport", "for me").
        const FILLER: &[&str] = &[
            "mig", "me", "til", "to", "om", "about", "for", "og", "and", "eller", "or", "med",
            "with", "on", "in", "i", "nyt", "nyheder", "news", "kun", "only", "the", "hver",
            "every", "each", "dag", "day", "uge", "week", "tak", "please", "gerne",
        ];
        let lower = args.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        let pair = |a: &[&str], b: &[&str]| {
            words
                .windows(2)
                .any(|w| a.contains(&w[0]) && b.contains(&w[1]))
        };
        let daily = words.iter().any(|w| DAILY.contains(w))
            || pair(
                &["hver", "every", "each"],
                &["dag", "morgen", "day", "morning"],
            );
        NewsWish {
            daily,
            words: words
                .into_iter()
                .filter(|w| !DAILY.contains(w) && !WEEKLY.contains(w) && !FILLER.contains(w))
                .filter(|w| !["morgen", "morning"].contains(w))
                .map(str::to_string)
                .collect(),
        }
    }
}

/// What an appeal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppealTarget {
    Submission(i64),
    Moderation(i64),
}

impl Command {
    /// A stable name for `vores parse --json`.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Help => "help",
            Command::Story(_) => "story",
            Command::Event(_) => "event",
            Command::WhatsOn(_) => "whatson",
            Command::Delete(_) => "delete",
            Command::CancelOne(..) => "cancel_one",
            Command::MoveOne(..) => "move_one",
            Command::Mine => "mine",
            Command::MyData => "my_data",
            Command::Link(_) => "link",
            Command::Unlink => "unlink",
            Command::Subscribe(_) => "subscribe",
            Command::Unsubscribe => "unsubscribe",
            Command::Forget { .. } => "forget",
            Command::Correct(..) => "correct",
            Command::Anonymous(_) => "anonymous",
            Command::FirstName(_) => "first_name",
            Command::Pending => "pending",
            Command::Approve(_) => "approve",
            Command::Reject(..) => "reject",
            Command::Log => "log",
            Command::Unstrike(_) => "unstrike",
            Command::Appeal(..) => "appeal",
            Command::Rules => "rules",
            Command::Distrust(_) => "distrust",
            Command::Trust(_) => "trust",
            Command::Toolbox(_) => "toolbox",
            Command::PressRelease(_) => "press_release",
            Command::Newsletter(_) => "newsletter",
            Command::Language(_) => "language",
            Command::Unknown(_) => "unknown",
        }
    }
}

/// An event as understood from text; pieces may be missing and are then
/// asked for in a follow-up turn.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EventDraft {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub all_day: bool,
    pub location: Option<String>,
    /// The text named a date that does not exist ("31. juni").
    pub invalid_date: bool,
    /// What the bot must ask about before it keeps `date` (never silently
    /// replaced: the date stays as written until the resident answers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doubts: Vec<Doubt>,
    /// The weekday written beside the date, when it is not the date's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_weekday: Option<Weekday>,
    /// A regular activity: the rule, with `date` its first occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<Repeat>,
    /// The last day of an event over several days ("mandag-torsdag kl.
    /// 9-15": the hours are each day's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<NaiveDate>,
}

/// Something about a date the bot asks before saving it as understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Doubt {
    /// "lørdag d 13 dec" when 13 December is a Sunday.
    WeekdayMismatch,
    /// The date passed in the last weeks: an old post or a typo.
    DatePassed,
    /// More than [`FAR_AHEAD_DAYS`] away ("5/6/2031", "31/12/9999"): most
    /// likely a typo in the year.
    DateFar,
}

/// How far ahead a date is taken without asking: two years covers next
/// summer's festival and the one after.
pub const FAR_AHEAD_DAYS: u64 = 2 * 366;

/// The furthest a resident can confirm a far date ("ja"): beyond this it
/// is not a community event but a typo, and the bot asks for the right day.
pub const FURTHEST_AHEAD_DAYS: u64 = 5 * 366;

impl Doubt {
    /// A stable name for `vores parse --json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Doubt::WeekdayMismatch => "weekday_mismatch",
            Doubt::DatePassed => "date_passed",
            Doubt::DateFar => "date_far",
        }
    }
}

/// What is still missing before an event can be shown to others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Date,
    Time,
    /// The date is there but in doubt ([`Doubt`]): the resident confirms or
    /// gives the right one.
    DateCheck,
}

impl Missing {
    pub fn as_str(self) -> &'static str {
        match self {
            Missing::Date => "date",
            Missing::Time => "time",
            Missing::DateCheck => "date_check",
        }
    }

    pub fn parse(s: &str) -> Option<Missing> {
        match s {
            "date" => Some(Missing::Date),
            "time" => Some(Missing::Time),
            "date_check" => Some(Missing::DateCheck),
            _ => None,
        }
    }
}

impl EventDraft {
    pub fn missing(&self) -> Option<Missing> {
        if self.date.is_none() {
            Some(Missing::Date)
        } else if self.start_time.is_none() && !self.all_day {
            Some(Missing::Time)
        } else {
            None
        }
    }

    /// What to ask next, if anything: a missing or impossible date first,
    /// then the time, then a date in doubt.
    pub fn question(&self) -> Option<Missing> {
        if self.invalid_date {
            return Some(Missing::Date);
        }
        self.missing()
            .or((!self.doubts.is_empty()).then_some(Missing::DateCheck))
    }

    /// Whether the event can be shown to others as it is.
    pub fn is_complete(&self) -> bool {
        self.question().is_none()
    }

    /// The resident confirmed the date as written ("ja" to "did you mean
    /// Sunday 13 December?"): the weekday no longer counts against it.
    pub fn confirm_weekday(&mut self) {
        self.doubts.retain(|d| *d != Doubt::WeekdayMismatch);
        self.written_weekday = None;
    }

    /// "hver uge" takes its day from the date once there is one.
    pub fn settle_repeat(&mut self) {
        if let (Some(rule), Some(date)) = (self.repeat.as_mut(), self.date)
            && rule.by_day.is_empty()
            && rule.freq == crate::recurrence::Freq::Weekly
        {
            *rule = Repeat {
                by_day: Repeat::weekly(&[date.weekday()], 1).by_day,
                ..rule.clone()
            };
        }
    }

    /// A date the resident chose in answer to a doubt: what they wrote
    /// about the weekday no longer counts, a day already gone still does.
    pub fn set_checked_date(&mut self, date: NaiveDate, today: NaiveDate) {
        self.date = Some(date);
        self.written_weekday = None;
        self.doubts.clear();
        if date < today {
            self.doubts.push(Doubt::DatePassed);
        }
        if date > today + Days::new(FAR_AHEAD_DAYS) {
            self.doubts.push(Doubt::DateFar);
        }
    }

    /// "ja" to a far date: kept if it is within [`FURTHEST_AHEAD_DAYS`].
    /// Returns whether it was.
    pub fn confirm_far_date(&mut self, today: NaiveDate) -> bool {
        let reachable = self
            .date
            .is_some_and(|d| d <= today + Days::new(FURTHEST_AHEAD_DAYS));
        if reachable {
            self.doubts.retain(|d| *d != Doubt::DateFar);
        }
        reachable
    }

    /// The day nearest `date` (at most three days away) that falls on the
    /// weekday the resident wrote: "lørdag d 13 dec" may mean Saturday 12.
    pub fn date_on_written_weekday(&self) -> Option<NaiveDate> {
        let (date, weekday) = (self.date?, self.written_weekday?);
        nearest_weekday(date, weekday)
    }

    /// Start and end as instants. All-day events span the local day(s);
    /// an end before the start means the event runs past midnight.
    pub fn instants(&self, tz: Tz) -> Option<(DateTime<Tz>, Option<DateTime<Tz>>)> {
        let date = self.date?;
        if let Some(last) = self.end_date.filter(|last| *last > date) {
            // Over several days: from the first day's start to the last
            // day's end (its closing hour, or midnight).
            let start = match self.start_time {
                Some(t) => localize(tz, date.and_time(t)),
                None => start_of_day(tz, date),
            };
            let end = match self.end_time {
                Some(t) if self.start_time.is_some_and(|s| t > s) => localize(tz, last.and_time(t)),
                _ => start_of_day(tz, last + Days::new(1)),
            };
            return Some((start, Some(end)));
        }
        match self.start_time {
            Some(start) => {
                let s = localize(tz, date.and_time(start));
                let e = self.end_time.map(|end| {
                    let end_date = if end <= start {
                        date + Days::new(1)
                    } else {
                        date
                    };
                    localize(tz, end_date.and_time(end))
                });
                Some((s, e))
            }
            None => Some((start_of_day(tz, date), None)),
        }
    }

    /// Fills in what `other` knows and this draft does not, or overrides it:
    /// used for follow-up answers and `/ret` corrections.
    pub fn merge(&mut self, other: &EventDraft, other_title_counts: bool) {
        if other.date.is_some() {
            self.date = other.date;
            self.end_date = other.end_date;
            self.invalid_date = false;
            self.doubts.clone_from(&other.doubts);
            self.written_weekday = other.written_weekday;
        } else if other.invalid_date {
            self.invalid_date = true;
        }
        if other.start_time.is_some() {
            self.start_time = other.start_time;
            self.end_time = other.end_time;
            self.all_day = false;
        }
        if other.all_day {
            self.all_day = true;
            self.start_time = None;
            self.end_time = None;
        }
        if other.location.is_some() {
            self.location.clone_from(&other.location);
        }
        if other.repeat.is_some() {
            self.repeat.clone_from(&other.repeat);
        }
        self.settle_repeat();
        if other_title_counts && !other.title.is_empty() {
            self.title.clone_from(&other.title);
        }
    }
}

/// A story as written by a resident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryDraft {
    pub text: String,
    pub link: Option<String>,
    pub photo: Option<String>,
    pub anonymous: bool,
}

/// Inputs that decide how a message is read.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub now: DateTime<Utc>,
    pub tz: Tz,
    /// The channel's language, used when a message gives no clue.
    pub fallback: Language,
}

impl Context {
    pub fn today(&self) -> NaiveDate {
        local_today(self.tz, self.now)
    }
}

static STORY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(historie|fortælling|story)\s*(\((anonym|anonymous)\))?\s*(anonym|anonymous)?\s*[:\-–]\s*")
        .expect("static pattern")
});
static PLACE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(nyt\s+sted\s+på\s+kortet|nyt\s+sted|new\s+place)\s*[:\-–]\s*")
        .expect("static pattern")
});
static EVENT_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(begivenhed|arrangement|event)\s*[:\-–]\s*").expect("static pattern")
});
static SUBMISSION_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^#?(\d{1,12})\b").expect("static pattern"));

/// Reads one message.
pub fn understand(input: &str, ctx: &Context) -> Understood {
    let normalised = scan::normalise(input);
    let trimmed = normalised.trim();
    let language = lang::detect(trimmed, ctx.fallback);
    if let Some(rest) = trimmed.strip_prefix('/') {
        return command(rest, ctx);
    }
    if let Some(m) = STORY_PREFIX.captures(trimmed) {
        let anonymous = m.get(3).is_some() || m.get(4).is_some();
        let prefix_lang = if m[1].eq_ignore_ascii_case("story") {
            Language::En
        } else {
            Language::Da
        };
        let body = &trimmed[m.get(0).map_or(0, |g| g.end())..];
        return Understood {
            language: lang::detect(body, prefix_lang),
            meaning: Meaning::Story(story(body, anonymous)),
        };
    }
    if let Some(m) = PLACE_PREFIX.captures(trimmed) {
        let language = if m[1].to_lowercase().starts_with("new") {
            Language::En
        } else {
            Language::Da
        };
        let body = &trimmed[m.get(0).map_or(0, |g| g.end())..];
        return Understood {
            language,
            meaning: Meaning::Place(places::place_draft(body)),
        };
    }
    if let Some(m) = EVENT_PREFIX.find(trimmed) {
        let body = &trimmed[m.end()..];
        return Understood {
            language,
            meaning: Meaning::Event(event_draft(body, ctx)),
        };
    }
    // Turkish, Arabic, Ukrainian: the common questions, read as the English
    // question they ask and answered in their own language.
    if !language.reads_submissions()
        && let Some(question) = foreign::as_english_question(trimmed, language)
    {
        let tokens = scan::scan(&question, ctx.today());
        return Understood {
            language,
            meaning: Meaning::Query(window::with_about(&question, &tokens, ctx, None)),
        };
    }
    let tokens = scan::scan(trimmed, ctx.today());
    if let Some(topic) = about::when_is_topic(trimmed) {
        // "hvornår er der fællesspisning?": the topic without its time words.
        let topic_tokens = scan::scan(&topic, ctx.today());
        let (_, rest) = text::take_location(&text::mask(&topic, &topic_tokens));
        let topic = text::title(&rest).to_lowercase();
        let topic = (!topic.is_empty()).then_some(topic);
        return Understood {
            language,
            meaning: Meaning::Query(window::with_about(trimmed, &tokens, ctx, topic)),
        };
    }
    if window::as_query(trimmed, &tokens, ctx).is_some() {
        return Understood {
            language,
            meaning: Meaning::Query(window::with_about(trimmed, &tokens, ctx, None)),
        };
    }
    if let Some(place) = places::where_is(trimmed) {
        return Understood {
            language,
            meaning: Meaning::WhereIs(place),
        };
    }
    if text::looks_like_event(trimmed, &tokens) {
        let draft = event_from_tokens(trimmed, &tokens, ctx);
        if !draft.title.is_empty() {
            return Understood {
                language,
                meaning: Meaning::Event(draft),
            };
        }
    }
    Understood {
        language,
        meaning: Meaning::Unknown,
    }
}

/// Reads `text` as an event (the resident said it is one), whatever it holds.
pub fn event_draft(text: &str, ctx: &Context) -> EventDraft {
    let text = scan::normalise(text);
    let tokens = scan::scan(&text, ctx.today());
    event_from_tokens(&text, &tokens, ctx)
}

fn event_from_tokens(text: &str, tokens: &[Token], ctx: &Context) -> EventDraft {
    let mut draft = EventDraft {
        title: String::new(),
        date: None,
        start_time: None,
        end_time: None,
        all_day: false,
        location: None,
        invalid_date: false,
        doubts: Vec::new(),
        written_weekday: None,
        repeat: None,
        end_date: None,
    };
    let (date, written_weekday, bare_weekday) = date_of(tokens);
    draft.date = date;
    // "mandag-torsdag", "1.-3. juli", "hele weekenden": first and last day.
    if let Some((first, last)) = tokens.iter().find_map(|t| match t.kind {
        TokenKind::DayRange(first, last) => Some((first, last)),
        _ => None,
    }) {
        draft.date = Some(first);
        draft.end_date = Some(last);
        if tokens.iter().any(|t| {
            matches!(t.kind, TokenKind::DayRange(..))
                && text[t.span.clone()].to_lowercase().contains("weekend")
        }) {
            draft.all_day = true;
        }
    }
    // "juleaften kl. 18": a holiday of one day is a day.
    if draft.date.is_none()
        && let Some(day) = tokens.iter().find_map(|t| match t.kind {
            TokenKind::Window(scan::WindowKind::Holiday(h)) => h
                .next(ctx.today())
                .filter(|(first, last)| first == last)
                .map(|(first, _)| first),
            _ => None,
        })
    {
        draft.date = Some(day);
    }
    let mut starts_day_after = false;
    for token in tokens {
        match &token.kind {
            TokenKind::Tonight if draft.date.is_none() => draft.date = Some(ctx.today()),
            TokenKind::StartsAtMidnight { end } if draft.start_time.is_none() => {
                draft.start_time = NaiveTime::from_hms_opt(0, 0, 0);
                draft.end_time = *end;
                starts_day_after = true;
            }
            TokenKind::InvalidDate => draft.invalid_date = true,
            TokenKind::Time { start, end } if draft.start_time.is_none() => {
                draft.start_time = Some(*start);
                draft.end_time = *end;
            }
            TokenKind::AllDay => draft.all_day = true,
            _ => {}
        }
    }
    if let (Some(start), Some(end)) = (draft.start_time, draft.end_time)
        && end < start
    {
        // "kl 10-2" means until two in the afternoon; "kl 22-02" runs past
        // midnight; "kl 14-10" is a slip, and a wrong end is worse than none.
        let afternoon = end + chrono::Duration::hours(12);
        draft.end_time = if end.hour() <= 7 && afternoon > start {
            Some(afternoon)
        } else if start.hour() >= 17 {
            Some(end)
        } else {
            None
        };
    }
    if draft.start_time.is_some() {
        draft.all_day = false;
    }
    let mut rules = tokens.iter().filter_map(|t| match &t.kind {
        TokenKind::Repeat(rule) => Some(rule.clone()),
        _ => None,
    });
    if let Some(mut rule) = rules.next() {
        // "hver uge om fredagen", "every other week on Tuesdays": the days
        // from one phrase, how often from the other.
        for other in rules {
            if rule.by_day.is_empty() {
                rule.by_day = other.by_day;
            }
            rule.interval = rule.interval.max(other.interval);
        }
        return series_from(
            draft,
            rule,
            tokens,
            date.filter(|_| !bare_weekday),
            text,
            ctx,
        );
    }
    // "man. kl 9" written on a Monday at ten is next Monday: a day named on
    // its own is the coming one, and today's has passed.
    if bare_weekday
        && let (Some(date), Some(start)) = (draft.date, draft.start_time)
        && date == ctx.today()
        && localize(ctx.tz, date.and_time(start)) < ctx.now.with_timezone(&ctx.tz)
    {
        draft.date = Some(date + Days::new(7));
    }
    if let Some(date) = draft.date {
        draft.invalid_date = false;
        if let Some(weekday) = written_weekday
            && weekday != date.weekday()
        {
            draft.doubts.push(Doubt::WeekdayMismatch);
            draft.written_weekday = Some(weekday);
        }
        if date < ctx.today() {
            draft.doubts.push(Doubt::DatePassed);
        }
        if date > ctx.today() + Days::new(FAR_AHEAD_DAYS) {
            draft.doubts.push(Doubt::DateFar);
        }
        if starts_day_after {
            // Checked against the day written; saved as the day it happens.
            draft.date = Some(date + Days::new(1));
        }
    }
    title_and_place(&mut draft, text, tokens);
    draft
}

/// The title and the place, once the date and time are known.
fn title_and_place(draft: &mut EventDraft, text: &str, tokens: &[Token]) {
    // A poster in capitals ("LOPPEMARKED I HALLEN") reads like any other
    // message once lowered; the spans stay where they were.
    let lowered;
    let shouting = text::is_shouting(text);
    let text = if shouting {
        lowered = text::lower_same_length(text);
        lowered.as_str()
    } else {
        text
    };
    let masked = text::mask(text, tokens);
    let (mut location, mut rest) = text::take_location(&masked);
    // A poster: the place may stand on a line of its own ("Sted: Torvet",
    // "Ishøj Bycenter").
    if masked.contains('\n')
        && let Some((place, without)) = text::place_line(&masked, location.is_some(), shouting)
    {
        location = Some(place);
        rest = without;
    }
    draft.location = if shouting {
        location.map(|l| text::title_case(&l))
    } else {
        location
    };
    draft.title = text::title(&rest);
}

/// A regular activity: the rule with its end, and its first occurrence on
/// or after the start written ("fra 7. januar") or today. A start written
/// on a day the rule does not name is asked about, never moved silently.
fn series_from(
    mut draft: EventDraft,
    mut rule: Repeat,
    tokens: &[Token],
    written_start: Option<NaiveDate>,
    text: &str,
    ctx: &Context,
) -> EventDraft {
    for token in tokens {
        match token.kind {
            TokenKind::Until(day) => rule.until = Some(day),
            TokenKind::Count(n) => rule.count = Some(n),
            _ => {}
        }
    }
    let today = ctx.today();
    let start = written_start.filter(|d| *d >= today);
    if rule.by_day.is_empty() && rule.freq == crate::recurrence::Freq::Weekly {
        // "hver uge": the day comes from a date or a day name, if any.
        draft.repeat = Some(rule);
        draft.settle_repeat();
        if draft.date.is_some_and(|d| d < today) {
            draft.date = None;
        }
    } else {
        let mut first = rule.first_on_or_after(start.unwrap_or(today));
        if let (Some(time), None) = (draft.start_time, start)
            && first == today
            && localize(ctx.tz, today.and_time(time)) < ctx.now.with_timezone(&ctx.tz)
        {
            first = rule.first_on_or_after(today + Days::new(1));
        }
        match start {
            Some(day) if first != day => {
                draft.date = Some(day);
                draft.doubts.push(Doubt::WeekdayMismatch);
                draft.written_weekday = rule.by_day.first().map(|d| d.weekday);
            }
            _ => draft.date = Some(first),
        }
        draft.repeat = Some(rule);
    }
    if draft.start_time.is_some() {
        draft.all_day = false;
    }
    if draft.date.is_some() {
        draft.invalid_date = false;
    }
    title_and_place(&mut draft, text, tokens);
    draft
}

/// The day an event is on, and the weekday written with it. A written date
/// ("13. dec", "15/12", "i morgen") always wins over a weekday on its own
/// ("søndag"): the weekday is then only a check, so "søndag … 13. dec" is 13
/// December, and a doubt when 13 December is not a Sunday.
fn date_of(tokens: &[Token]) -> (Option<NaiveDate>, Option<Weekday>, bool) {
    let written = tokens.iter().find_map(|t| match t.kind {
        TokenKind::Date(d) => Some((d, t.weekday)),
        _ => None,
    });
    let weekday = tokens.iter().find_map(|t| match t.kind {
        TokenKind::Weekday(d) => Some(d),
        _ => None,
    });
    match (written, weekday) {
        (Some((date, Some(w))), _) => (Some(date), Some(w), false),
        (Some((date, None)), Some(day)) => (Some(date), Some(day.weekday()), false),
        (Some((date, None)), None) => (Some(date), None, false),
        (None, Some(day)) => (Some(day), None, true),
        (None, None) => (None, None, false),
    }
}

/// The day nearest `date`, at most three days either way, on `weekday`.
fn nearest_weekday(date: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    (1..=3u64).find_map(|n| {
        [date - Days::new(n), date + Days::new(n)]
            .into_iter()
            .find(|d| d.weekday() == weekday)
    })
}

/// `date` itself when it falls on `weekday`, else the nearest day that does.
pub fn same_or_nearest(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    if date.weekday() == weekday {
        date
    } else {
        nearest_weekday(date, weekday).unwrap_or(date)
    }
}

/// "nej", "no": the answer to a yes/no question (not "cancel it").
pub fn is_no(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', '!', ' ']).to_lowercase();
    matches!(
        t.as_str(),
        "nej" | "nope" | "no" | "nej det er forkert" | "forkert" | "wrong"
    )
}

/// The weekday, when `text` is nothing but a day name ("lørdag", "lør.",
/// "on Saturday"): the answer to "did you mean Sunday 13 December?".
pub fn weekday_only(text: &str) -> Option<Weekday> {
    let t = text
        .trim()
        .trim_end_matches(['.', '!', '?'])
        .replace(',', " ")
        .to_lowercase();
    let t = ["nej ", "no ", "på ", "on ", "det er ", "it's ", "it is "]
        .iter()
        .fold(t.as_str(), |t, p| t.strip_prefix(p).unwrap_or(t).trim());
    scan::weekday_from(t)
}

/// Where `/ret #N indtil 1. marts` ends a regular activity.
pub fn series_end(text: &str, ctx: &Context) -> Option<NaiveDate> {
    scan::scan(text, ctx.today())
        .into_iter()
        .find_map(|t| match t.kind {
            TokenKind::Until(day) => Some(day),
            _ => None,
        })
}

static CANCELLED_IN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?P<what>[\p{L}][\p{L}\s'\-]{1,60}?)\s+(?:er|bliver)\s+(?:desværre\s+)?aflyst\s+(?P<when>.+?)[.!]*\s*$|^\s*(?P<what2>[\p{L}][\p{L}\s'\-]{1,60}?)\s+(?:is|has\s+been)\s+(?:unfortunately\s+)?(?:cancelled|canceled)\s+(?P<when2>.+?)[.!]*\s*$",
    )
    .expect("static pattern")
});

/// "fællesspisning er aflyst på torsdag", "the dinner is cancelled on
/// Thursday": what and which day, said in words.
pub fn cancellation_in_words(text: &str, ctx: &Context) -> Option<(String, NaiveDate)> {
    let c = CANCELLED_IN_WORDS.captures(text.trim())?;
    let what = c
        .name("what")
        .or(c.name("what2"))?
        .as_str()
        .trim()
        .to_string();
    let when = c.name("when").or(c.name("when2"))?.as_str();
    let day = date_of(&scan::scan(when, ctx.today())).0?;
    Some((what, day))
}

/// One occurrence moved: from which day, to which day, and the new hours
/// if they change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoveOne {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
}

static MOVE_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s+(?:til|to|->|→)\s+").expect("static pattern"));

/// "10. december til 11. december kl. 19", "10/12 to 11/12": what `/flyt`
/// moves where. The new day may be left out when only the time changes
/// ("10/12 til kl. 19").
pub fn move_args(text: &str, ctx: &Context) -> Option<MoveOne> {
    let split = MOVE_TO.find(text)?;
    let (from_text, to_text) = (&text[..split.start()], &text[split.end()..]);
    let from = date_of(&scan::scan(from_text, ctx.today())).0?;
    let target = event_draft(to_text, ctx);
    let to = target.date.unwrap_or(from);
    (to != from || target.start_time.is_some()).then_some(MoveOne {
        from,
        to,
        start: target.start_time,
        end: target.end_time,
    })
}

/// "ja", "yes", "jep", "korrekt": the answer to a yes/no question.
pub fn is_yes(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches(['.', '!', ' ', '👍'])
        .to_lowercase();
    matches!(
        t.as_str(),
        "ja" | "jaa"
            | "ja tak"
            | "jep"
            | "jo"
            | "jeps"
            | "yes"
            | "yep"
            | "yeah"
            | "yes please"
            | "korrekt"
            | "rigtigt"
            | "det er rigtigt"
            | "det passer"
            | "correct"
            | "right"
            | "that's right"
            | "ok"
            | "okay"
            | "👍"
    )
}

fn story(body: &str, anonymous: bool) -> StoryDraft {
    let (link, photo) = text::links(body);
    StoryDraft {
        text: body.trim().to_string(),
        link,
        photo,
        anonymous,
    }
}

fn submission_id(args: &str) -> (Option<i64>, &str) {
    let args = args.trim_start();
    match SUBMISSION_ID.captures(args) {
        Some(c) => (
            c[1].parse().ok(),
            args[c.get(0).map_or(0, |g| g.end())..].trim(),
        ),
        None => (None, args.trim()),
    }
}

static MODERATION_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^#?m?(\d{1,12})\b").expect("static pattern"));

/// "M7" (or "7") from the moderation log.
fn moderation_id(args: &str) -> (Option<i64>, &str) {
    let args = args.trim_start();
    match MODERATION_ID.captures(args) {
        Some(c) => (
            c[1].parse().ok(),
            args[c.get(0).map_or(0, |g| g.end())..].trim(),
        ),
        None => (None, args.trim()),
    }
}

/// "#12 …" appeals a submission, "M7 …" a moderation action.
fn appeal_target(args: &str) -> (Option<AppealTarget>, &str) {
    let trimmed = args.trim_start();
    if trimmed.starts_with(['m', 'M']) {
        let (id, rest) = moderation_id(trimmed);
        return (id.map(AppealTarget::Moderation), rest);
    }
    let (id, rest) = submission_id(trimmed);
    (id.map(AppealTarget::Submission), rest)
}

/// The day written in a command's arguments ("12. december", "på torsdag").
fn day_of(text: &str, ctx: &Context) -> Option<NaiveDate> {
    let tokens = scan::scan(text, ctx.today());
    date_of(&tokens).0
}

fn command(rest: &str, ctx: &Context) -> Understood {
    let (word, args) = match rest.find(char::is_whitespace) {
        Some(i) => (&rest[..i], rest[i..].trim()),
        None => (rest, ""),
    };
    // Telegram writes "/hjælp@VoresBot" in groups.
    let word = word.split('@').next().unwrap_or(word).to_lowercase();
    // A Danish or English command word says which of the two to answer
    // in, except where the channel (or the person) speaks another language:
    // there the commands are typed in English but answered in that one.
    let answered_in = |said: Language| {
        if ctx.fallback.reads_submissions() {
            said
        } else {
            ctx.fallback
        }
    };
    let da = |meaning| Understood {
        language: answered_in(Language::Da),
        meaning: Meaning::Command(meaning),
    };
    let en = |meaning| Understood {
        language: answered_in(Language::En),
        meaning: Meaning::Command(meaning),
    };
    let by_args = |meaning| Understood {
        language: lang::detect(args, ctx.fallback),
        meaning: Meaning::Command(meaning),
    };
    let event = |args: &str| {
        if args.is_empty() {
            None
        } else {
            Some(event_draft(args, ctx))
        }
    };
    let whats_on = |args: &str| {
        let tokens = scan::scan(args, ctx.today());
        window::from_tokens(&tokens, ctx)
    };
    match word.as_str() {
        "hjælp" | "hjaelp" | "hjalp" => da(Command::Help),
        "værktøj" | "vaerktoej" | "værktøjer" | "vaerktoejer" | "vejledning" => {
            da(Command::Toolbox(args.to_string()))
        }
        "toolbox" | "tools" | "guides" | "guide" => en(Command::Toolbox(args.to_string())),
        "pressemeddelelse" | "presse" => da(Command::PressRelease(submission_id(args).0)),
        "press" | "pressrelease" | "press_release" => {
            en(Command::PressRelease(submission_id(args).0))
        }
        "nyhedsbrev" => da(Command::Newsletter(submission_id(args).0)),
        "newsletter" => en(Command::Newsletter(submission_id(args).0)),
        "help" => en(Command::Help),
        "start" => by_args(Command::Help),
        "sted" | "nytsted" => Understood {
            language: Language::Da,
            meaning: Meaning::Place(places::place_draft(args)),
        },
        "place" | "newplace" => Understood {
            language: Language::En,
            meaning: Meaning::Place(places::place_draft(args)),
        },
        "historie" | "fortælling" => da(Command::Story(story(args, false))),
        "story" => en(Command::Story(story(args, false))),
        "begivenhed" | "arrangement" => da(Command::Event(event(args))),
        "event" => en(Command::Event(event(args))),
        "hvadsker" | "hvad" | "program" => da(Command::WhatsOn(whats_on(args))),
        "whatson" | "whats_on" | "events" => en(Command::WhatsOn(whats_on(args))),
        "slet" | "fortryd" => da(Command::Delete(submission_id(args).0)),
        "delete" | "withdraw" => en(Command::Delete(submission_id(args).0)),
        "aflys" | "aflyse" => {
            let (id, rest) = submission_id(args);
            da(Command::CancelOne(id, day_of(rest, ctx)))
        }
        "flyt" => {
            let (id, rest) = submission_id(args);
            da(Command::MoveOne(id, rest.to_string()))
        }
        "move" => {
            let (id, rest) = submission_id(args);
            en(Command::MoveOne(id, rest.to_string()))
        }
        // "/cancel #4" withdraws as before; "/cancel #4 12 December" cancels
        // that day of a regular activity.
        "cancel" => match submission_id(args) {
            (id, rest) if day_of(rest, ctx).is_some() => {
                en(Command::CancelOne(id, day_of(rest, ctx)))
            }
            (id, _) => en(Command::Delete(id)),
        },
        "mine" if args.eq_ignore_ascii_case("data") => da(Command::MyData),
        "my" | "mydata" if args.eq_ignore_ascii_case("data") || word == "mydata" => {
            en(Command::MyData)
        }
        "mine" => by_args(Command::Mine),
        "forbind" => da(Command::Link(link_code(args))),
        "link" => en(Command::Link(link_code(args))),
        "fjernforbindelse" | "fjern-forbindelse" | "fjern_forbindelse" => da(Command::Unlink),
        "unlink" => en(Command::Unlink),
        "abonner" | "abonnér" => da(Command::Subscribe(NewsWish::read(args))),
        "subscribe" => en(Command::Subscribe(NewsWish::read(args))),
        "afmeld" | "afmeld_abonnement" => da(Command::Unsubscribe),
        "unsubscribe" => en(Command::Unsubscribe),
        // "/glem mig" asks first; "/glem mig bekræft" erases.
        "glem" | "glemmig" if word == "glemmig" || first_word_is(args, &["mig"]) => {
            da(Command::Forget {
                confirmed: confirms(args),
            })
        }
        "forget" | "forgetme" if word == "forgetme" || first_word_is(args, &["me"]) => {
            en(Command::Forget {
                confirmed: confirms(args),
            })
        }
        "ret" => {
            let (id, rest) = submission_id(args);
            da(Command::Correct(id, rest.to_string()))
        }
        "correct" | "edit" => {
            let (id, rest) = submission_id(args);
            en(Command::Correct(id, rest.to_string()))
        }
        "anonym" => da(Command::Anonymous(submission_id(args).0)),
        "anonymous" => en(Command::Anonymous(submission_id(args).0)),
        "fornavn" => da(Command::FirstName(submission_id(args).0)),
        "firstname" | "first_name" => en(Command::FirstName(submission_id(args).0)),
        "afventer" | "kø" => da(Command::Pending),
        "pending" | "queue" => en(Command::Pending),
        "godkend" => da(Command::Approve(submission_id(args).0)),
        "approve" => en(Command::Approve(submission_id(args).0)),
        "afvis" => {
            let (id, reason) = submission_id(args);
            da(Command::Reject(id, reason.to_string()))
        }
        "reject" => {
            let (id, reason) = submission_id(args);
            en(Command::Reject(id, reason.to_string()))
        }
        "log" => by_args(Command::Log),
        "ophæv" | "ophaev" => da(Command::Unstrike(moderation_id(args).0)),
        "unstrike" | "undo" => en(Command::Unstrike(moderation_id(args).0)),
        "klage" => {
            let (target, text) = appeal_target(args);
            da(Command::Appeal(target, text.to_string()))
        }
        "appeal" => {
            let (target, text) = appeal_target(args);
            en(Command::Appeal(target, text.to_string()))
        }
        "regler" => da(Command::Rules),
        "rules" => en(Command::Rules),
        "mistro" => da(Command::Distrust(args.trim().to_string())),
        "distrust" => en(Command::Distrust(args.trim().to_string())),
        "stol" | "tillid" => da(Command::Trust(args.trim().to_string())),
        "trust" => en(Command::Trust(args.trim().to_string())),
        "sprog" => da(Command::Language(args.to_string())),
        "language" | "lang" => en(Command::Language(args.to_string())),
        // Turkish, Ukrainian and Arabic words for it, typed as text.
        "dil" => Understood {
            language: Language::Tr,
            meaning: Meaning::Command(Command::Language(args.to_string())),
        },
        "мова" => Understood {
            language: Language::Uk,
            meaning: Meaning::Command(Command::Language(args.to_string())),
        },
        "لغة" | "اللغة" => Understood {
            language: Language::Ar,
            meaning: Meaning::Command(Command::Language(args.to_string())),
        },
        _ => by_args(Command::Unknown(word)),
    }
}

/// The code after "/forbind", as it was given ("k7q-2mx" is "K7Q2MX").
fn link_code(args: &str) -> Option<String> {
    let code: String = args
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (!code.is_empty()).then_some(code)
}

/// Whether `args` starts with one of `words` ("mig", "me").
fn first_word_is(args: &str, words: &[&str]) -> bool {
    args.split_whitespace()
        .next()
        .is_some_and(|w| words.contains(&w.to_lowercase().trim_end_matches(['.', '!'])))
}

/// "/glem mig bekræft", "/forget me confirm": the erasure is confirmed.
fn confirms(args: &str) -> bool {
    args.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().trim_end_matches(['.', '!']),
            "bekræft" | "bekraeft" | "bekræfter" | "confirm" | "confirmed"
        )
    })
}

/// "spring over", "skip": a follow-up question the resident lets pass.
pub fn is_skip(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', '!']).to_lowercase();
    matches!(
        t.as_str(),
        "spring over"
            | "spring den over"
            | "skip"
            | "skip it"
            | "næste"
            | "videre"
            | "-"
            | "nej tak"
            | "no thanks"
            | "pas"
            | "ingen"
            | "none"
            | "ved ikke"
            | "don't know"
    )
}

/// "10", "at 10", "kl 10": a bare hour as the answer to "what time?".
/// Hours 1–7 are read as afternoon (nobody meets at 3 at night).
pub fn bare_hour(text: &str) -> Option<NaiveTime> {
    let t = text.trim().trim_end_matches(['.', '!']).to_lowercase();
    let t = t
        .trim_start_matches("at ")
        .trim_start_matches("kl")
        .trim_start_matches('.')
        .trim();
    let hour: u32 = t.parse().ok()?;
    match hour {
        1..=7 => NaiveTime::from_hms_opt(hour + 12, 0, 0),
        8..=23 => NaiveTime::from_hms_opt(hour, 0, 0),
        _ => None,
    }
}

/// What `/ret #N …` asks to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub all_day: bool,
    pub location: Option<String>,
    pub invalid_date: bool,
    pub doubts: Vec<Doubt>,
    pub written_weekday: Option<Weekday>,
    pub repeat: Option<Repeat>,
    pub end_date: Option<NaiveDate>,
    /// "til kl. 16", "slut kl. 16", "until 4pm": only the end changes.
    pub end_only: Option<NaiveTime>,
    /// "fra kl. 11": a new start, the old end stays.
    pub keeps_end: bool,
}

impl Correction {
    pub fn draft(&self) -> EventDraft {
        EventDraft {
            title: self.title.clone(),
            date: self.date,
            start_time: self.start_time,
            end_time: self.end_time,
            all_day: self.all_day,
            location: self.location.clone(),
            invalid_date: self.invalid_date,
            doubts: self.doubts.clone(),
            written_weekday: self.written_weekday,
            repeat: self.repeat.clone(),
            end_date: self.end_date,
        }
    }
}

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(sted|place|adresse|address|where|hvor|titel|title|navn|name)\s*(?::\s*|\s+)(.+)$")
        .expect("static pattern")
});
static END_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:til|slut|slutter|until|till|ends?(?:\s+at)?)\s+")
        .expect("static pattern")
});
static STREET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\p{L}.\- ]*(vej|gade|allé|alle|stræde|plads|torv|park|road|street|square)\s*\d+\s*\p{L}?$").expect("static pattern")
});

/// Reads the text of `/ret #N …`.
pub fn correction(text: &str, ctx: &Context) -> Correction {
    let from_draft = |d: EventDraft| Correction {
        title: d.title,
        date: d.date,
        start_time: d.start_time,
        end_time: d.end_time,
        all_day: d.all_day,
        location: d.location,
        invalid_date: d.invalid_date,
        doubts: d.doubts,
        written_weekday: d.written_weekday,
        repeat: d.repeat,
        end_date: d.end_date,
        end_only: None,
        keeps_end: false,
    };
    let empty = || from_draft(event_draft("", ctx));
    if let Some(c) = LABELLED.captures(text) {
        let value = c[2].trim().to_string();
        let mut out = empty();
        match c[1].to_lowercase().as_str() {
            "titel" | "title" | "navn" | "name" => out.title = value,
            _ => out.location = Some(value),
        }
        return out;
    }
    if let Some(m) = END_ONLY.find(text) {
        let rest = format!(
            "kl. {}",
            text[m.end()..]
                .trim()
                .trim_start_matches("kl.")
                .trim_start_matches("kl")
                .trim()
        );
        let parsed = event_draft(&rest, ctx);
        let end = parsed
            .start_time
            .or_else(|| bare_hour(text[m.end()..].trim()));
        if let Some(end) = end {
            let mut out = empty();
            out.end_only = Some(end);
            return out;
        }
    }
    let draft = event_draft(text, ctx);
    let keeps_end = draft.end_time.is_none()
        && draft.start_time.is_some()
        && ["fra ", "from "]
            .iter()
            .any(|p| text.trim_start().to_lowercase().starts_with(p));
    let mut out = from_draft(draft);
    out.keeps_end = keeps_end;
    if out.location.is_none() && STREET.is_match(out.title.trim()) {
        out.location = Some(std::mem::take(&mut out.title));
    }
    out
}

/// Greetings and thanks deserve a short, warm answer, not the help text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmallTalk {
    Greeting,
    Thanks,
}

pub fn small_talk(text: &str) -> Option<SmallTalk> {
    let t = text
        .trim()
        .trim_end_matches(|c: char| {
            c.is_ascii_punctuation() || c.is_whitespace() || !c.is_alphanumeric()
        })
        .to_lowercase();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let first = words[0];
    if matches!(
        first,
        "tak" | "tusind" | "mange" | "thanks" | "thank" | "thx" | "cheers"
    ) {
        return Some(SmallTalk::Thanks);
    }
    if matches!(
        first,
        "hej"
            | "hejsa"
            | "hallo"
            | "goddag"
            | "godmorgen"
            | "hi"
            | "hello"
            | "hey"
            | "salam"
            | "merhaba"
    ) {
        return Some(SmallTalk::Greeting);
    }
    None
}

/// Whether a short follow-up answer means "cancel that".
pub fn is_cancel(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', '!']).to_lowercase();
    matches!(
        t.as_str(),
        "annuller"
            | "annullér"
            | "fortryd"
            | "nej"
            | "nej tak"
            | "stop"
            | "glem det"
            | "cancel"
            | "no"
            | "no thanks"
            | "forget it"
            | "never mind"
            | "nevermind"
    )
}

/// The first web link and first picture link in a text.
pub fn story_links(text: &str) -> (Option<String>, Option<String>) {
    text::links(text)
}

/// A story's text without its "Historie:" / "Story:" prefix.
pub fn strip_story_prefix(text: &str) -> &str {
    let trimmed = text.trim();
    match STORY_PREFIX.find(trimmed) {
        Some(m) => &trimmed[m.end()..],
        None => trimmed,
    }
}
