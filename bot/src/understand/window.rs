//! "What's on" questions: recognising them and turning "i weekenden",
//! "next week" or "uge 24" into a half-open window of instants.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::Context;
use super::about::About;
use super::scan::{Token, TokenKind, WindowKind, next_weekday};
use super::text;
use crate::civil::{localize, start_of_day};

/// The window a question asks about, `[from, to)`, with how to name it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub from: DateTime<Tz>,
    pub to: DateTime<Tz>,
    pub label: WindowLabel,
    /// A topic, place or audience the question also names.
    pub about: About,
}

/// How the answer names the window ("i weekenden", "tomorrow", "uge 24").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowLabel {
    Today,
    Tonight,
    Tomorrow,
    Day(NaiveDate),
    Weekend,
    NextWeekend,
    ThisWeek,
    NextWeek,
    Week(u32),
    ThisMonth,
    NextMonth,
    /// A named month (1–12).
    Month(u32),
    /// The coming months: a question about a topic or place that names no
    /// time ("hvornår er der fællesspisning?").
    Upcoming,
    /// Several days in a row ("1.-3. juli").
    Days(NaiveDate, NaiveDate),
    /// A named holiday ("i julen").
    Holiday(super::holidays::Holiday),
    Coming,
}

impl Window {
    pub fn from_utc(&self) -> DateTime<Utc> {
        self.from.with_timezone(&Utc)
    }

    pub fn to_utc(&self) -> DateTime<Utc> {
        self.to.with_timezone(&Utc)
    }
}

const QUESTION_PHRASES: &[&str] = &[
    "hvad sker",
    "hvad skal der ske",
    "sker der noget",
    "sker der",
    "hvad foregår",
    "foregår der",
    "er der noget",
    "hvad kan man",
    "hvad er der",
    "hvad laver vi",
    "hvad skal vi",
    "arrangementer",
    "begivenheder",
    "aktiviteter",
    "what's on",
    "whats on",
    "what is on",
    "what's happening",
    "whats happening",
    "what is happening",
    "anything on",
    "anything happening",
    "what's going on",
    "whats going on",
    "what is going on",
    "what can i do",
    "what can we do",
    "what to do",
    "events",
    "activities",
    "hvad sker der",
    "program",
];

/// Words that may stand around a window without making it something else
/// ("hvad med i morgen?", "and tomorrow?").
const WINDOW_FILLER: &[&str] = &[
    "hvad",
    "med",
    "så",
    "og",
    "i",
    "på",
    "for",
    "der",
    "sker",
    "noget",
    "hej",
    "bot",
    "vores",
    "what",
    "about",
    "and",
    "on",
    "for",
    "the",
    "this",
    "is",
    "there",
    "anything",
    "hi",
    "hello",
    "please",
    "so",
    "then",
    "how",
    "what's",
    "whats",
    "events",
    "event",
    "happening",
    "arrangementer",
];

/// A question about what's on, if `text` is one.
pub fn as_query(text: &str, tokens: &[Token], ctx: &Context) -> Option<Window> {
    let lower = text.to_lowercase().replace('’', "'");
    let asks = QUESTION_PHRASES.iter().any(|p| lower.contains(p));
    let has_window = tokens.iter().any(|t| t.kind.names_days());
    if asks {
        let announces = tokens.iter().any(|t| t.kind.is_time())
            && text::take_location(&text::mask(text, tokens)).0.is_some()
            && !text::is_question(text);
        if !announces {
            return Some(from_tokens(tokens, ctx));
        }
        return None;
    }
    // "noget gratis i weekenden?", "anything for kids this weekend?", "any
    // concerts next week?": asking for something at a time.
    let loosely = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "noget" | "anything" | "any" | "something"));
    let opens_loosely = ["noget", "anything", "any ", "something"]
        .iter()
        .any(|w| lower.trim_start().starts_with(w));
    if has_window && loosely && (text::is_question(text) || opens_loosely) {
        return Some(from_tokens(tokens, ctx));
    }
    if has_window {
        let masked = text::mask(text, tokens);
        let only_window = masked
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .all(|w| WINDOW_FILLER.contains(&w.to_lowercase().as_str()));
        if only_window {
            return Some(from_tokens(tokens, ctx));
        }
    }
    None
}

/// How far ahead a question about a topic or a place looks when it names
/// no time.
pub const UPCOMING_DAYS: u64 = 90;

/// The question's window, and what else it asks about: a topic ("hvornår er
/// der fællesspisning?"), a place ("hvad sker der i Glashuset?") or an
/// audience ("noget for børn"). A topic or place without a time looks at
/// the next [`UPCOMING_DAYS`] days.
pub fn with_about(text: &str, tokens: &[Token], ctx: &Context, topic: Option<String>) -> Window {
    let mut window = from_tokens(tokens, ctx);
    let masked = text::mask(text, tokens);
    let place = text::take_location(&masked)
        .0
        .filter(|p| !is_filler_place(p));
    window.about = About {
        topic,
        place,
        tags: About::asked_tags(text),
    };
    let names_time = tokens.iter().any(|t| t.kind.names_days());
    if !names_time && (window.about.topic.is_some() || window.about.place.is_some()) {
        let now = ctx.now.with_timezone(&ctx.tz);
        window.to = localize(ctx.tz, now.naive_local() + Days::new(UPCOMING_DAYS));
        window.label = WindowLabel::Upcoming;
    }
    window
}

/// "i byen", "in town": not a place to search by.
fn is_filler_place(place: &str) -> bool {
    matches!(
        place.to_lowercase().as_str(),
        "byen"
            | "town"
            | "the town"
            | "the area"
            | "området"
            | "nærheden"
            | "ishøj"
            | "naturen"
            | "det fri"
            | "the outdoors"
            | "the open air"
    )
}

/// The window named by the first date or window token; the coming seven days
/// when none is named.
pub fn from_tokens(tokens: &[Token], ctx: &Context) -> Window {
    let tz = ctx.tz;
    let now = ctx.now.with_timezone(&tz);
    let today = ctx.today();
    let day = |d: NaiveDate| start_of_day(tz, d);
    let clip = |from: DateTime<Tz>| if from < now { now } else { from };
    let named = tokens.iter().find_map(|t| match &t.kind {
        TokenKind::Date(d) | TokenKind::Weekday(d) => Some(TokenKind::Date(*d)),
        TokenKind::Tonight => Some(TokenKind::Tonight),
        TokenKind::Window(w) => Some(TokenKind::Window(*w)),
        TokenKind::DayRange(a, b) => Some(TokenKind::DayRange(*a, *b)),
        _ => None,
    });
    let (from, to, label) = match named {
        Some(TokenKind::DayRange(first, last)) => (
            clip(day(first)),
            day(last + Days::new(1)),
            WindowLabel::Days(first, last),
        ),
        Some(TokenKind::Date(d)) => {
            let label = if d == today {
                WindowLabel::Today
            } else if d == today + Days::new(1) {
                WindowLabel::Tomorrow
            } else {
                WindowLabel::Day(d)
            };
            (clip(day(d)), day(d + Days::new(1)), label)
        }
        Some(TokenKind::Tonight) => {
            let evening = localize(
                tz,
                today.and_time(NaiveTime::from_hms_opt(17, 0, 0).expect("valid")),
            );
            (
                clip(evening),
                day(today + Days::new(1)),
                WindowLabel::Tonight,
            )
        }
        Some(TokenKind::Window(kind)) => {
            let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
            match kind {
                WindowKind::Weekend => {
                    let saturday = if matches!(today.weekday(), Weekday::Sat | Weekday::Sun) {
                        monday + Days::new(5)
                    } else {
                        next_weekday(today, Weekday::Sat, false)
                    };
                    (
                        clip(day(saturday)),
                        day(saturday + Days::new(2)),
                        WindowLabel::Weekend,
                    )
                }
                WindowKind::NextWeekend => {
                    let saturday = monday + Days::new(12);
                    (
                        day(saturday),
                        day(saturday + Days::new(2)),
                        WindowLabel::NextWeekend,
                    )
                }
                WindowKind::ThisWeek => (now, day(monday + Days::new(7)), WindowLabel::ThisWeek),
                WindowKind::NextWeek => (
                    day(monday + Days::new(7)),
                    day(monday + Days::new(14)),
                    WindowLabel::NextWeek,
                ),
                WindowKind::IsoWeek { year, week } => {
                    let start =
                        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).unwrap_or(today);
                    (
                        clip(day(start)),
                        day(start + Days::new(7)),
                        WindowLabel::Week(week),
                    )
                }
                WindowKind::ThisMonth => {
                    let first = today.with_day(1).unwrap_or(today);
                    (now, day(first + Months::new(1)), WindowLabel::ThisMonth)
                }
                WindowKind::Month { year, month } => {
                    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(today);
                    (
                        clip(day(first)),
                        day(first + Months::new(1)),
                        WindowLabel::Month(month),
                    )
                }
                WindowKind::Holiday(holiday) => {
                    let (first, last) = holiday.next(today).unwrap_or((today, today));
                    (
                        clip(day(first)),
                        day(last + Days::new(1)),
                        WindowLabel::Holiday(holiday),
                    )
                }
                WindowKind::NextMonth => {
                    let first = today.with_day(1).unwrap_or(today) + Months::new(1);
                    (
                        day(first),
                        day(first + Months::new(1)),
                        WindowLabel::NextMonth,
                    )
                }
            }
        }
        _ => {
            let week_later = localize(tz, now.naive_local() + Days::new(7));
            (now, week_later, WindowLabel::Coming)
        }
    };
    Window {
        from,
        to,
        label,
        about: About::default(),
    }
}
