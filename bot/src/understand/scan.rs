//! Finds dates, times, time ranges and "what's on" windows in Danish and
//! English text.
//!
//! The scanner only reports *what* it found and *where* (byte spans into the
//! original text), resolved against "today" in the local time zone. Deciding
//! whether a message is an event, a question or chit-chat happens in
//! [`super::classify`]; turning local dates into UTC instants in [`super::civil`].

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};
use regex::{Captures, Regex};

use super::holidays::Holiday;
use crate::recurrence::{Repeat, WEEKDAYS as WORKDAYS};

/// One thing the scanner recognised, with where it stands in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Range<usize>,
    /// The weekday written as part of this token ("søndag" in "søndag d 13
    /// dec"). For a date it is only a check: the date is what people mean.
    pub weekday: Option<Weekday>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenKind {
    /// A calendar day written as a date or a relative day ("15. juni",
    /// "20/6", "i morgen").
    Date(NaiveDate),
    /// A weekday on its own ("lørdag", "på søn", "next Friday"), resolved to
    /// the day it names. A written date always wins over it.
    Weekday(NaiveDate),
    /// A date that was written but does not exist ("31. juni").
    InvalidDate,
    /// A clock time or range ("kl. 10-14", "2-4pm", "14:00").
    Time {
        start: NaiveTime,
        end: Option<NaiveTime>,
    },
    /// A start at "kl. 24" / "24:00": midnight at the end of the day
    /// written, so the event starts at 00:00 the day after.
    StartsAtMidnight { end: Option<NaiveTime> },
    /// "hele dagen" / "all day".
    AllDay,
    /// A window that only makes sense for questions ("i weekenden", "uge 24").
    Window(WindowKind),
    /// "i aften" / "tonight": today, in the evening.
    Tonight,
    /// A regular activity's rule ("hver torsdag", "første søndag i
    /// måneden", "every other Tuesday").
    Repeat(Repeat),
    /// Where a series ends ("frem til jul", "indtil 1. marts", "until March").
    Until(NaiveDate),
    /// How many times a series happens ("6 gange", "for 8 weeks" as weeks).
    Count(u32),
    /// Several days in a row, first and last ("mandag-torsdag", "1.-3. juli",
    /// "fra fredag til søndag", "hele weekenden").
    DayRange(NaiveDate, NaiveDate),
}

impl TokenKind {
    /// Whether the token is a clock time ("kl. 10-14", "kl 24").
    pub fn is_time(&self) -> bool {
        matches!(
            self,
            TokenKind::Time { .. } | TokenKind::StartsAtMidnight { .. }
        )
    }

    /// Whether the token names days a question can be about (a date, a day
    /// name, tonight, a window or a run of days).
    pub fn names_days(&self) -> bool {
        matches!(
            self,
            TokenKind::Date(_)
                | TokenKind::Weekday(_)
                | TokenKind::Tonight
                | TokenKind::Window(_)
                | TokenKind::DayRange(..)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowKind {
    Weekend,
    NextWeekend,
    ThisWeek,
    NextWeek,
    /// An ISO week, already resolved to the next one to come.
    IsoWeek {
        year: i32,
        week: u32,
    },
    ThisMonth,
    /// A named month ("i juli"), the next one to come.
    Month {
        year: i32,
        month: u32,
    },
    NextMonth,
    /// A named holiday or school holiday ("i julen", "at Easter").
    Holiday(Holiday),
}

const WEEKDAYS: &str = r"mandag|mandg|tirsdag|tirsdg|tisdag|onsdag|onsdg|torsdag|torsdg|tordag|fredag|fredg|lørdag|lørdg|lødag|loerdag|lordag|lordg|søndag|søndg|sødag|soendag|sondag|sondg|monday|tuesday|wednesday|thursday|thurday|friday|saturday|saterday|sunday";
/// Short day names that are also ordinary words ("man", "søn", "sat",
/// "sun"): read as a day only right before a time or a date ("søn kl 10",
/// "lør d 5/12", "sat 10am").
const WEEKDAY_ABBREVIATIONS: &str = r"man|tirs|tir|ons|tors|tor|fre|lør|lor|søn|son|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun";
/// Weekdays as written before a date, abbreviations included ("lør. 20/6",
/// "Sat 20 June"). Abbreviations never stand alone: "man" and "sun" are words.
const WEEKDAYS_WITH_ABBREVIATIONS: &str = r"(?:mandag|mandg|tirsdag|tirsdg|tisdag|onsdag|onsdg|torsdag|torsdg|tordag|fredag|fredg|lørdag|lørdg|lødag|loerdag|lordag|lordg|søndag|søndg|sødag|soendag|sondag|sondg|monday|tuesday|wednesday|thursday|thurday|friday|saturday|saterday|sunday|man|tirs|tir|ons|tors|tor|fre|lør|lor|søn|son|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)\.?";
const MONTHS: &str = r"januar|january|jan|februar|february|feb|marts|march|mar|april|apr|maj|may|juni|june|jun|juli|july|jul|august|aug|september|sept|sep|oktober|october|okt|oct|november|nov|december|dec";

/// A day name, abbreviation or common misspelling ("lørdg", "søn.", "Thu").
pub fn weekday_from(word: &str) -> Option<Weekday> {
    let w = word.trim().trim_end_matches('.').to_lowercase();
    let w = w.strip_suffix("en").filter(|w| w.len() > 4).unwrap_or(&w);
    Some(match w {
        "mandag" | "mandg" | "man" | "monday" | "mon" => Weekday::Mon,
        "tirsdag" | "tirsdg" | "tisdag" | "tirs" | "tir" | "tuesday" | "tues" | "tue" => {
            Weekday::Tue
        }
        "onsdag" | "onsdg" | "ons" | "wednesday" | "weds" | "wed" => Weekday::Wed,
        "torsdag" | "torsdg" | "tordag" | "tors" | "tor" | "thursday" | "thurday" | "thurs"
        | "thur" | "thu" => Weekday::Thu,
        "fredag" | "fredg" | "fre" | "friday" | "fri" => Weekday::Fri,
        "lørdag" | "lørdg" | "lødag" | "loerdag" | "lordag" | "lordg" | "lør" | "lor"
        | "saturday" | "saterday" | "sat" => Weekday::Sat,
        "søndag" | "søndg" | "sødag" | "soendag" | "sondag" | "sondg" | "søn" | "son"
        | "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// The weekday written in group `wd` of a date rule, if any.
fn written_weekday(c: &Captures<'_>) -> Option<Weekday> {
    c.name("wd").and_then(|m| weekday_from(m.as_str()))
}

fn month_from(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    Some(match w {
        "januar" | "january" | "jan" => 1,
        "februar" | "february" | "feb" => 2,
        "marts" | "march" | "mar" => 3,
        "april" | "apr" => 4,
        "maj" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn re(pattern: &str) -> Regex {
    let full = pattern
        .replace("WDANY", WEEKDAYS_WITH_ABBREVIATIONS)
        .replace("WDABBR", WEEKDAY_ABBREVIATIONS)
        .replace("WEEKDAY", WEEKDAYS)
        .replace("MONTH", MONTHS);
    // The patterns are constants of this file; the unit tests compile all of them.
    Regex::new(&format!("(?i){full}")).unwrap_or_else(|e| panic!("bad pattern {pattern}: {e}"))
}

/// Hour/minute pair with an optional am/pm suffix, as written.
#[derive(Debug, Clone, Copy)]
struct Clock {
    hour: u32,
    minute: u32,
    meridiem: Option<bool>, // Some(true) = pm
}

impl Clock {
    fn parse(
        hour: Option<regex::Match<'_>>,
        minute: Option<regex::Match<'_>>,
        meridiem: Option<regex::Match<'_>>,
    ) -> Option<Clock> {
        let hour: u32 = hour?.as_str().parse().ok()?;
        let minute: u32 = match minute {
            Some(m) => m.as_str().parse().ok()?,
            None => 0,
        };
        let meridiem = meridiem.map(|m| m.as_str().to_lowercase().starts_with('p'));
        if minute > 59 {
            return None;
        }
        match meridiem {
            Some(_) if !(1..=12).contains(&hour) => None,
            None if hour > 24 => None,
            _ => Some(Clock {
                hour,
                minute,
                meridiem,
            }),
        }
    }

    fn with_meridiem(self, pm: bool) -> Clock {
        Clock {
            meridiem: Some(pm),
            ..self
        }
    }

    fn to_time(self) -> Option<NaiveTime> {
        let hour = match self.meridiem {
            Some(true) if self.hour == 12 => 12,
            Some(true) => self.hour + 12,
            Some(false) if self.hour == 12 => 0,
            _ => self.hour % 24,
        };
        NaiveTime::from_hms_opt(hour, self.minute, 0)
    }
}

fn time_range(start: Clock, end: Option<Clock>) -> Option<TokenKind> {
    let (start, end) = match end {
        // "2-4pm": the start borrows the end's am/pm unless that would put it
        // after the end ("11-2pm" is 11 am to 2 pm).
        Some(end) if start.meridiem.is_none() && end.meridiem.is_some() => {
            let pm = end.meridiem == Some(true);
            let borrowed = start.with_meridiem(pm);
            let s = if pm && borrowed.to_time()? > end.to_time()? {
                start.with_meridiem(false)
            } else {
                borrowed
            };
            (s, Some(end))
        }
        other => (start, other),
    };
    if start.hour == 24 && start.meridiem.is_none() {
        return Some(TokenKind::StartsAtMidnight {
            end: match end {
                Some(e) => Some(e.to_time()?),
                None => None,
            },
        });
    }
    Some(TokenKind::Time {
        start: start.to_time()?,
        end: match end {
            Some(e) => Some(e.to_time()?),
            None => None,
        },
    })
}

/// How far back a date written without a year may lie and still be read as
/// the one that passed: "29/11" written on 30 November is an old post or a
/// typo (the bot asks), not an event eleven months away. Further back, a
/// date is the next one to come ("2. januar" written in December).
pub const RECENTLY_PASSED_DAYS: u64 = 60;

/// The `month`/`day` a date without a year means: the next one to come, or
/// one that passed in the last [`RECENTLY_PASSED_DAYS`].
fn next_month_day(today: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let earliest = today - Days::new(RECENTLY_PASSED_DAYS);
    for year in [
        today.year() - 1,
        today.year(),
        today.year() + 1,
        today.year() + 4,
    ] {
        if let Some(d) = NaiveDate::from_ymd_opt(year, month, day)
            && d >= earliest
        {
            return Some(d);
        }
    }
    None
}

/// The next day numbered `day` on or after `today` ("d. 20." in June is 20 June,
/// or 20 July when the 20th has passed).
fn next_day_of_month(today: NaiveDate, day: u32) -> Option<TokenKind> {
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut month_start = today.with_day(1)?;
    for _ in 0..3 {
        if let Some(d) = month_start.with_day(day)
            && d >= today
        {
            return Some(TokenKind::Date(d));
        }
        month_start = month_start.checked_add_months(chrono::Months::new(1))?;
    }
    None
}

fn full_year(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    Some(if y.len() == 2 { 2000 + n } else { n })
}

/// The last year a written date may name.
pub const LAST_YEAR: i32 = 2100;

fn date_or_invalid(year: Option<i32>, month: u32, day: u32, today: NaiveDate) -> TokenKind {
    let date = match year {
        // "31/12/9999" is no day a town will meet on (and its evening
        // would end in a year RFC 3339 cannot write): not a usable date.
        Some(y) if y > LAST_YEAR => None,
        Some(y) => NaiveDate::from_ymd_opt(y, month, day),
        None => next_month_day(today, month, day),
    };
    date.map_or(TokenKind::InvalidDate, TokenKind::Date)
}

/// "næste lørdag" / "next Saturday": that day in next week (Monday to
/// Sunday), the same rule as "næste weekend" and "næste uge". Said on a
/// Monday it is 12 days ahead, not 5; said on a Sunday, 6.
pub fn weekday_next_week(today: NaiveDate, weekday: Weekday) -> NaiveDate {
    let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    monday + Days::new(7 + u64::from(weekday.num_days_from_monday()))
}

/// A day named on its own: "lørdag" is the coming one (today counts), "næste
/// lørdag" the one in next week.
fn weekday_token(c: &Captures<'_>, today: NaiveDate) -> Option<TokenKind> {
    let weekday = weekday_from(&c["wd"])?;
    let next = c.name("pre").is_some_and(|m| {
        let m = m.as_str().to_lowercase();
        m.contains("næste") || m.contains("naeste") || m == "next"
    });
    Some(TokenKind::Weekday(if next {
        weekday_next_week(today, weekday)
    } else {
        next_weekday(today, weekday, false)
    }))
}

/// The next `weekday` counting today (`strictly_after`: not today).
pub fn next_weekday(today: NaiveDate, weekday: Weekday, strictly_after: bool) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() as i64
        - today.weekday().num_days_from_monday() as i64)
        % 7;
    let ahead = if ahead == 0 && strictly_after {
        7
    } else {
        ahead
    };
    today + Days::new(ahead as u64)
}

/// Builds a token from a match, given today's date.
type Build = fn(&Captures<'_>, NaiveDate) -> Option<TokenKind>;
type Rule = (Regex, Build);

/// "anden", "2.", "other": how many weeks apart ("hver anden tirsdag").
fn interval_from(word: Option<regex::Match<'_>>) -> u32 {
    match word.map(|m| m.as_str().to_lowercase()).as_deref() {
        Some("anden" | "andet" | "2." | "other" | "second" | "2nd") => 2,
        Some("tredje" | "3." | "third" | "3rd") => 3,
        Some("fjerde" | "4." | "fourth" | "4th") => 4,
        _ => 1,
    }
}

/// "første", "1st", "last": which one in the month.
fn ordinal_from(word: &str) -> Option<i8> {
    Some(match word.to_lowercase().as_str() {
        "første" | "1." | "first" | "1st" => 1,
        "anden" | "andet" | "2." | "second" | "2nd" => 2,
        "tredje" | "3." | "third" | "3rd" => 3,
        "fjerde" | "4." | "fourth" | "4th" => 4,
        "sidste" | "last" => -1,
        _ => return None,
    })
}

/// The weekdays named in groups `wd` and `wd2` of a weekly rule.
fn weekly_token(c: &Captures<'_>) -> Option<TokenKind> {
    let mut days = vec![weekday_from(&c["wd"])?];
    if let Some(second) = c.name("wd2").and_then(|m| weekday_from(m.as_str()))
        && !days.contains(&second)
    {
        days.push(second);
    }
    Some(TokenKind::Repeat(Repeat::weekly(
        &days,
        interval_from(c.name("every")),
    )))
}

/// The day a series ends on, from what follows "frem til" / "until".
fn until_day(c: &Captures<'_>, today: NaiveDate) -> Option<NaiveDate> {
    if let (Some(day), Some(month)) = (c.name("day"), c.name("month")) {
        let month = month_from(month.as_str())
            .or_else(|| month.as_str().parse().ok().filter(|m| (1..=12).contains(m)))?;
        return next_month_day(today, month, day.as_str().parse().ok()?);
    }
    if let Some(month) = c.name("mon").and_then(|m| month_from(m.as_str())) {
        // "until March": up to the start of March.
        let first = next_month_day(today, month, 1)?;
        return Some(first - Days::new(1));
    }
    let named = c.name("named")?.as_str().to_lowercase();
    if named.starts_with("jul") || named.starts_with("christmas") {
        next_month_day(today, 12, 24)
    } else if named.starts_with("nytår")
        || named.starts_with("new")
        || named.contains("udgang")
        || named.contains("end")
    {
        next_month_day(today, 12, 31)
    } else {
        // "frem til påske", "until the summer holidays": the day before they start.
        let holiday = if named.starts_with("påske") || named.starts_with("easter") {
            Holiday::Easter
        } else {
            Holiday::SummerHoliday
        };
        holiday.next(today).map(|(first, _)| first - Days::new(1))
    }
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let rules: Vec<(&str, Build)> = vec![
        // Regular activities, before any date rule so "hver torsdag" is one
        // rule and "indtil 1. marts" an end, not the event's day.
        (
            r"\b(?:frem\s+til|indtil|til\s+og\s+med|t\.o\.m\.?|until|till|through|thru|up\s+to)\s+(?:(?:d\.|den|the)\s*)?(?:(?P<named>jul(?:en|eaften)?|christmas|nytår(?:saften)?|new\s+year(?:'s)?(?:\s+eve)?|årets\s+udgang|the\s+end\s+of\s+the\s+year|påske(?:n)?|easter|sommerferien|sommer(?:en)?|the\s+summer(?:\s+holidays?)?|summer)\b|(?P<day>\d{1,2})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(?P<month>MONTH)\b\.?|(?P<day2>\d{1,2})/(?P<month2>\d{1,2})\b|(?P<mon>MONTH)\b\.?)",
            |c, today| {
                if let (Some(d), Some(m)) = (c.name("day2"), c.name("month2")) {
                    let month: u32 = m.as_str().parse().ok().filter(|m| (1..=12).contains(m))?;
                    return next_month_day(today, month, d.as_str().parse().ok()?)
                        .map(TokenKind::Until);
                }
                until_day(c, today).map(TokenKind::Until)
            },
        ),
        (
            r"\b(?:hver\s+|den\s+)?(?P<nth>første|anden|andet|tredje|fjerde|sidste|[1-4]\.)\s+(?P<wd>WEEKDAY)(?:en)?\s+(?:i|hver|om|per)\s+(?:hver\s+)?(?:måned(?:en)?|md\.?)",
            |c, _| {
                Some(TokenKind::Repeat(Repeat::monthly(
                    weekday_from(&c["wd"])?,
                    ordinal_from(&c["nth"])?,
                )))
            },
        ),
        (
            r"\b(?:(?:on\s+)?(?:the|every|each)\s+)?(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?P<wd>WEEKDAY)\s+(?:of\s+(?:each|every|the)\s+month|(?:of\s+)?(?:each|every|a)\s+month|monthly|in\s+the\s+month)",
            |c, _| {
                Some(TokenKind::Repeat(Repeat::monthly(
                    weekday_from(&c["wd"])?,
                    ordinal_from(&c["nth"])?,
                )))
            },
        ),
        (
            r"\b(?:alle|hver|på)\s+hverdag(?:e|ene)?\b|\b(?:every\s+weekday|on\s+weekdays|weekdays)\b|\bmandag\s+til\s+fredag\s+hver\s+uge\b",
            |_, _| Some(TokenKind::Repeat(Repeat::weekly(&WORKDAYS, 1))),
        ),
        (
            r"\b(?:hver|alle)\s+weekend(?:er)?\b|\bevery\s+weekend\b",
            |_, _| {
                Some(TokenKind::Repeat(Repeat::weekly(
                    &[Weekday::Sat, Weekday::Sun],
                    1,
                )))
            },
        ),
        (r"\b(?:hver\s+dag|dagligt?|every\s+day|daily)\b", |_, _| {
            Some(TokenKind::Repeat(Repeat::daily()))
        }),
        (
            r"\b(?:hver|hvert|alle)\s+(?:(?P<every>anden|andet|tredje|fjerde|[2-4]\.)\s+)?(?P<wd>WEEKDAY)(?:e|en|ene)?(?:\s*(?:,|og|&)\s*(?P<wd2>WEEKDAY)(?:e|en|ene)?)?\b",
            |c, _| weekly_token(c),
        ),
        (
            r"\b(?:every|each)\s+(?:(?P<every>other|second|third|fourth|2nd|3rd|4th)\s+)?(?P<wd>WEEKDAY)(?:\s*(?:,|and|&)\s*(?P<wd2>WEEKDAY))?\b",
            |c, _| weekly_token(c),
        ),
        (
            r"\bom\s+(?P<wd>WEEKDAY)en\b|\b(?:on\s+)?(?P<wd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s\b|\b(?:om\s+)?(?P<wd5>mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)e\b",
            |c, _| {
                let day = c
                    .name("wd")
                    .or(c.name("wd2"))
                    .or(c.name("wd5"))
                    .and_then(|m| weekday_from(m.as_str()))?;
                Some(TokenKind::Repeat(Repeat::weekly(&[day], 1)))
            },
        ),
        // "hver uge", "hver 14. dag", "every two weeks": the day comes from
        // the date or weekday elsewhere in the message.
        (
            r"\b(?:hver\s+(?P<every>anden\s+)?uge|ugentlig[t]?|hver\s+(?P<fortnight>14\.?\s+dag|fjortende\s+dag)|every\s+(?P<every2>other\s+|two\s+|2\s+)?weeks?|weekly|fortnightly|biweekly)\b",
            |c, _| {
                let every = if c.name("every").is_some()
                    || c.name("fortnight").is_some()
                    || c.name("every2").is_some()
                    || c[0].to_lowercase().contains("fortnight")
                    || c[0].to_lowercase().contains("biweekly")
                {
                    2
                } else {
                    1
                };
                Some(TokenKind::Repeat(Repeat::weekly(&[], every)))
            },
        ),
        (
            r"\b(?:(?P<n>\d{1,2})\s+gange|(?P<n2>\d{1,2})\s+times|i\s+(?P<w>\d{1,2})\s+uger|for\s+(?P<w2>\d{1,2})\s+weeks)\b",
            |c, _| {
                let n = c
                    .name("n")
                    .or(c.name("n2"))
                    .or(c.name("w"))
                    .or(c.name("w2"))?
                    .as_str()
                    .parse()
                    .ok()?;
                (1..=99).contains(&n).then_some(TokenKind::Count(n))
            },
        ),
        // Several days in a row, before single dates and days.
        (
            r"\b(?:fra\s+|from\s+)?(?:(?P<wd>WEEKDAY)(?:en)?\s+(?:til|to|through|until|till)\s+(?P<wd2>WEEKDAY)(?:en)?|(?P<wd3>WDANY)\s*(?:-|–)\s*(?P<wd4>WDANY))\b",
            |c, today| {
                let first = weekday_from(c.name("wd").or(c.name("wd3"))?.as_str())?;
                let last = weekday_from(c.name("wd2").or(c.name("wd4"))?.as_str())?;
                let start = next_weekday(today, first, false);
                let days = (7 + last.num_days_from_monday() - first.num_days_from_monday()) % 7;
                (days > 0).then(|| TokenKind::DayRange(start, start + Days::new(u64::from(days))))
            },
        ),
        (
            r"\b(?:fra\s+|from\s+)?(?:(?:d\.|den|the)\s*)?(?P<d1>\d{1,2})(?:\.|st|nd|rd|th)?(?:\s*(?P<m1>MONTH)\.?)?\s*(?:-|–|til|to|until|through)\s*(?:(?:d\.|den|the)\s*)?(?P<d2>\d{1,2})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(?P<m2>MONTH)\b\.?|\b(?P<m3>MONTH)\.?\s+(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|until|through)\s*(?P<d4>\d{1,2})(?:st|nd|rd|th)?\b|\b(?P<d5>\d{1,2})/(?P<m5>\d{1,2})\s*(?:-|–|til|to)\s*(?P<d6>\d{1,2})/(?P<m6>\d{1,2})\b",
            |c, today| {
                let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
                let month = |name: &str| c.name(name).and_then(|m| month_from(m.as_str()));
                let (d1, m1, d2, m2) = if let Some(d2) = num("d2") {
                    let m2 = month("m2")?;
                    (num("d1")?, month("m1").unwrap_or(m2), d2, m2)
                } else if let Some(m3) = month("m3") {
                    (num("d3")?, m3, num("d4")?, m3)
                } else {
                    (num("d5")?, num("m5")?, num("d6")?, num("m6")?)
                };
                let last = next_month_day(today, m2, d2)?;
                let mut first = NaiveDate::from_ymd_opt(last.year(), m1, d1)?;
                if first > last {
                    first = NaiveDate::from_ymd_opt(last.year() - 1, m1, d1)?;
                }
                ((last - first).num_days() <= 31 && first < last)
                    .then_some(TokenKind::DayRange(first, last))
            },
        ),
        (
            r"\b(?:hele\s+weekenden|weekenden\s+over|all\s+weekend(?:\s+long)?|the\s+whole\s+weekend)\b",
            |_, today| {
                let saturday = if today.weekday() == Weekday::Sun {
                    today - Days::new(1)
                } else {
                    next_weekday(today, Weekday::Sat, false)
                };
                Some(TokenKind::DayRange(saturday, saturday + Days::new(1)))
            },
        ),
        // Holidays: before the month names, so "i julen" is Christmas, not July.
        (
            r"\b(?P<h>julen|juledagene|juleaften(?:sdag)?|christmas\s+eve|nytårsaften|nytåret|new\s+year'?s\s+eve|påsken|pinsen|sommerferien|juleferien|efterårsferien|vinterferien)\b|\b(?:i|til|på|om|over|at|in|during|for|over\s+the|during\s+the)\s+(?P<h2>juleferie|(?:the\s+)?christmas\s+holidays?|jul|christmas|xmas|nytår|new\s+year'?s?|påske|easter|pinse|whitsun|pentecost|sommerferie|(?:the\s+)?summer\s+holidays?|efterårsferie|(?:the\s+)?autumn\s+(?:half-term|holidays?)|vinterferie|(?:the\s+)?winter\s+(?:half-term|holidays?))\b",
            |c, _| {
                let word = c.name("h").or(c.name("h2"))?.as_str();
                let word = word.strip_prefix("the ").unwrap_or(word);
                Holiday::from_word(word).map(|h| TokenKind::Window(WindowKind::Holiday(h)))
            },
        ),
        // ISO date, optionally with a time: 2026-06-14, 2026-06-14T10:00
        (r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", |c, _| {
            let y = c[1].parse().ok()?;
            let m = c[2].parse().ok()?;
            let d = c[3].parse().ok()?;
            Some(NaiveDate::from_ymd_opt(y, m, d).map_or(TokenKind::InvalidDate, TokenKind::Date))
        }),
        // "fra 10 til 12", "fra kl. 10.30 til kl. 12"
        (
            r"\bfra\s+(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?\s+(?:til|-|–)\s+(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?\b",
            |c, _| {
                time_range(
                    Clock::parse(c.get(1), c.get(2), None)?,
                    Some(Clock::parse(c.get(3), c.get(4), None)?),
                )
            },
        ),
        // "kl. 20 til midnat", "from 8pm to midnight"
        (
            r"\b(?:kl\.?|klokken|fra|from)\s*(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*(?:-|–|til|to|until|till)\s*(?:kl\.?\s*)?(?:midnat|midnight|24(?:[.:]00)?)\b",
            |c, _| {
                let start = Clock::parse(c.get(1), c.get(2), c.get(3))?;
                Some(TokenKind::Time {
                    start: start.to_time()?,
                    end: NaiveTime::from_hms_opt(0, 0, 0),
                })
            },
        ),
        // "mellem kl. 10 og 14", "between 10 and 12"
        (
            r"\b(?:mellem|between)\s+(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?\s+(?:og|and)\s+(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?\b",
            |c, _| {
                time_range(
                    Clock::parse(c.get(1), c.get(2), None)?,
                    Some(Clock::parse(c.get(3), c.get(4), None)?),
                )
            },
        ),
        // "kl. 14", "kl 9.30", "klokken 10-14", "kl. 10.00 - 14.00"
        (
            r"\b(?:kl\.?|klokken)\s*(\d{1,2})(?:[.:](\d{2}))?(?:\s*(?:-|–|—|til)\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?)?(?:\s*(am|pm|a\.m\.|p\.m\.)|\s+(?:om\s+aftenen|om\s+eftermiddagen|i\s+aften))?\b",
            |c, _| {
                // "kl 7 pm" and "kl. 8 om aftenen" are evening times.
                let evening = c.get(0).is_some_and(|m| {
                    let m = m.as_str().to_lowercase();
                    m.contains("aften") || m.contains("eftermiddag")
                });
                let meridiem = c.get(5);
                let mut start = Clock::parse(c.get(1), c.get(2), None)?;
                let end = match c.get(3) {
                    Some(_) => Some(Clock::parse(c.get(3), c.get(4), meridiem)?),
                    None => None,
                };
                if end.is_none() && meridiem.is_some() {
                    start = Clock::parse(c.get(1), c.get(2), meridiem)?;
                }
                if evening && start.hour < 12 {
                    start.hour += 12;
                    let end = end.map(|mut e| {
                        if e.hour < 12 {
                            e.hour += 12;
                        }
                        e
                    });
                    return time_range(start, end);
                }
                time_range(start, end)
            },
        ),
        // "10am to 3pm", "2-4pm", "from 7:30 to 9pm", "between 2 and 4 pm"
        (
            r"\b(?:from\s+|between\s+|at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*(?:-|–|—|to|until|till|and)\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)",
            |c, _| {
                time_range(
                    Clock::parse(c.get(1), c.get(2), c.get(3))?,
                    Some(Clock::parse(c.get(4), c.get(5), c.get(6))?),
                )
            },
        ),
        // "2pm", "at 7:30pm", "10 a.m."
        (
            r"\b(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)",
            |c, _| time_range(Clock::parse(c.get(1), c.get(2), c.get(3))?, None),
        ),
        // "at noon", "kl. 12 middag"
        (r"\b(?:at\s+)?(noon|midday)\b", |_, _| {
            Some(TokenKind::Time {
                start: NaiveTime::from_hms_opt(12, 0, 0)?,
                end: None,
            })
        }),
        // Weekday with a day and month name: "Sunday 14 June", "lørdag d. 5. september 2026",
        // "15. juni", "the 27th of June"
        (
            r"\b(?:(?P<wd>WDANY)(?:en)?\s*,?\s*)?(?:(?:d\.|d\s|den|the)\s*)?(\d{1,2})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(MONTH)\b\.?(?:,?\s*(\d{4})\b)?",
            |c, today| {
                let day = c[2].parse().ok()?;
                let month = month_from(&c[3])?;
                let year = match c.get(4) {
                    Some(y) => Some(full_year(y.as_str())?),
                    None => None,
                };
                Some(date_or_invalid(year, month, day, today))
            },
        ),
        // Month name first: "June 27", "Saturday, June 27th 2026"
        (
            r"\b(?:(?P<wd>WDANY),?\s+)?(MONTH)\.?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4})\b)?",
            |c, today| {
                let month = month_from(&c[2])?;
                let day = c[3].parse().ok()?;
                let year = match c.get(4) {
                    Some(y) => Some(full_year(y.as_str())?),
                    None => None,
                };
                Some(date_or_invalid(year, month, day, today))
            },
        ),
        // Numeric with a slash, day first as in Denmark: "20/6", "20/6-2026", "20/06/26"
        (
            r"\b(?:(?P<wd>WDANY)(?:en)?\s*,?\s*)?(?:(?:d\.|d\s|den)\s*)?(\d{1,2})/(\d{1,2})(?:[/-](\d{4}|\d{2}))?\b",
            |c, today| {
                let day = c[2].parse().ok()?;
                let month = c[3].parse().ok()?;
                if !(1..=12).contains(&month) {
                    return None;
                }
                let year = match c.get(4) {
                    Some(y) => Some(full_year(y.as_str())?),
                    None => None,
                };
                Some(date_or_invalid(year, month, day, today))
            },
        ),
        // Numeric with dots, when it clearly is a date: "d. 17.6.", "17.6.", "17.06.2026", "den 3.7"
        (
            r"\b(?:(?P<wd>WDANY)(?:en)?\s*,?\s*)?(d\.\s*|d\s+|den\s+)?(\d{1,2})\.(\d{1,2})(?:(\.)(\d{4}|\d{2})?)?",
            |c, today| {
                let day: u32 = c[3].parse().ok()?;
                let month: u32 = c[4].parse().ok()?;
                let has_prefix = c.get(2).is_some() || c.get(1).is_some();
                let has_trailing_dot = c.get(5).is_some();
                // Without "d." or a trailing dot, "14.30" and "10.00" are clock
                // times; only "17.6" and "17.06" read as dates.
                if !(has_prefix || has_trailing_dot)
                    && c[4].len() == 2
                    && !(c[4].starts_with('0') && month > 0)
                {
                    return None;
                }
                if !(1..=12).contains(&month) {
                    return None;
                }
                let year = match c.get(6) {
                    Some(y) => Some(full_year(y.as_str())?),
                    None => None,
                };
                Some(date_or_invalid(year, month, day, today))
            },
        ),
        // A day of the month without the month: "lørdag d. 20.", "Saturday the 20th".
        (
            r"\b(?:(?P<wd>WDANY)(?:en)?\s*,?\s*)?(?:d\.\s*|d\s+|den\s+)(\d{1,2})\.(?:\s|$)",
            |c, today| next_day_of_month(today, c[2].parse().ok()?),
        ),
        (
            r"\b(?:(?P<wd>WDANY),?\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b",
            |c, today| next_day_of_month(today, c[2].parse().ok()?),
        ),
        // Plain clock times: "14:00", "10:00-14:00", "14.30", "from 10 to 12", "at 10"
        (
            r"\b(?:from\s+|at\s+)?(\d{1,2})[:.](\d{2})(?:\s*(?:-|–|—|to|til|until)\s*(\d{1,2})[:.](\d{2}))?\b",
            |c, _| {
                let end = match c.get(3) {
                    Some(_) => Some(Clock::parse(c.get(3), c.get(4), None)?),
                    None => None,
                };
                time_range(Clock::parse(c.get(1), c.get(2), None)?, end)
            },
        ),
        (
            r"\b(?:from|fra)\s+(\d{1,2})\s+(?:to|until|till|til)\s+(\d{1,2})\b",
            |c, _| {
                time_range(
                    Clock::parse(c.get(1), None, None)?,
                    Some(Clock::parse(c.get(2), None, None)?),
                )
            },
        ),
        // Relative days.
        (
            r"\b(?:i\s+overmorgen|overmorgen|the\s+day\s+after\s+tomorrow)\b",
            |_, today| Some(TokenKind::Date(today + Days::new(2))),
        ),
        (
            r"\b(?:i\s*morgen|imorgn|imorn|tomorrow|tomorow|tommorow|tommorrow|tmrw|tmw)\b",
            |_, today| Some(TokenKind::Date(today + Days::new(1))),
        ),
        (
            r"\b(?:i\s+dag|idag|today|(?:i|this)\s+(?:eftermiddag|afternoon|formiddag|morning))\b",
            |_, today| Some(TokenKind::Date(today)),
        ),
        (
            r"\b(?:i\s+aften|iaften|tonight|this\s+evening|i\s+nat)\b",
            |_, _| Some(TokenKind::Tonight),
        ),
        (r"\b(?:hele\s+dagen|all[\s-]+day)\b", |_, _| {
            Some(TokenKind::AllDay)
        }),
        // Windows for questions.
        (r"\b(?:næste|naeste|next|kommende)\s+weekend\b", |_, _| {
            Some(TokenKind::Window(WindowKind::NextWeekend))
        }),
        (
            r"\b(?:(?:i|denne|this|the|på|in\s+the|over\s+the|at\s+the|for\s+the|til)\s+weekend(?:en)?|weekenden|weekend\s*\?|^\s*weekend\s*$)",
            |_, _| Some(TokenKind::Window(WindowKind::Weekend)),
        ),
        (r"\b(?:næste|naeste|next)\s+(?:uge|week)\b", |_, _| {
            Some(TokenKind::Window(WindowKind::NextWeek))
        }),
        (
            r"\b(?:(?:i\s+)?denne\s+uge|i\s+ugen|resten\s+af\s+ugen|this\s+week|the\s+rest\s+of\s+the\s+week)\b",
            |_, _| Some(TokenKind::Window(WindowKind::ThisWeek)),
        ),
        (r"\b(?:i\s+)?(?:uge|week)\s*(\d{1,2})\b", |c, today| {
            let week: u32 = c[1].parse().ok()?;
            let this_year = today.iso_week().year();
            for year in [this_year, this_year + 1] {
                if let Some(monday) = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
                    && monday + Days::new(6) >= today
                {
                    return Some(TokenKind::Window(WindowKind::IsoWeek { year, week }));
                }
            }
            None
        }),
        (r"\b(?:i|in|during|for|hele)\s+(MONTH)\b", |c, today| {
            let month = month_from(&c[1])?;
            let year = if month >= today.month() {
                today.year()
            } else {
                today.year() + 1
            };
            Some(TokenKind::Window(WindowKind::Month { year, month }))
        }),
        (
            r"\b(?:næste|naeste|next)\s+(?:måned|maaned|month)\b",
            |_, _| Some(TokenKind::Window(WindowKind::NextMonth)),
        ),
        (r"\b(?:(?:i\s+)?denne\s+måned|this\s+month)\b", |_, _| {
            Some(TokenKind::Window(WindowKind::ThisMonth))
        }),
        // A weekday on its own: "lørdag", "på søndag", "next Friday", "lørdagen".
        (
            r"\b(?:(?P<pre>på|on|this|denne|kommende|førstkommende|coming|(?:på\s+)?(?:næste|naeste)|next)\s+)?(?P<wd>WEEKDAY)(?:en)?\b",
            weekday_token,
        ),
        // A short day name, only right before a time or a date ("søn kl 10",
        // "lør 10-14", "sat 10am"); the token is the day name alone.
        (
            r"\b(?P<tok>(?:(?P<pre>på|on|this|(?:på\s+)?(?:næste|naeste)|next)\s+)?(?P<wd>WDABBR)\b\.?)\s*(?:kl\b|klokken\b|fra\s+kl|from\s+\d|at\s+\d|d\.|d\s|den\s|\d)",
            weekday_token,
        ),
    ];
    rules.into_iter().map(|(p, f)| (re(p), f)).collect()
});

/// Scans `text` for dates, times and windows, resolved against `today`.
/// Tokens never overlap; earlier rules win (they are the more specific ones).
pub fn scan(text: &str, today: NaiveDate) -> Vec<Token> {
    let text = &normalise(text);
    let mut tokens: Vec<Token> = Vec::new();
    for (regex, build) in RULES.iter() {
        for caps in regex.captures_iter(text) {
            // Group 0 always exists for a match.
            let whole = caps.get(0).expect("group 0");
            // A rule that looks ahead names the part that is its token.
            let span = caps.name("tok").unwrap_or(whole).range();
            if tokens
                .iter()
                .any(|t| t.span.start < span.end && span.start < t.span.end)
            {
                continue;
            }
            if !boundary_ok(text, &span) {
                continue;
            }
            if let Some(kind) = build(&caps, today) {
                tokens.push(Token {
                    kind,
                    span,
                    weekday: written_weekday(&caps),
                });
            }
        }
    }
    tokens.sort_by_key(|t| t.span.start);
    dotted_date_beside_clock(text, &mut tokens, today);
    bare_range_after_date(text, &mut tokens);
    tokens
}

static DOTTED_PAIR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\.(\d{1,2})$").expect("static pattern"));

/// "julefrokost 11.12 kl 18.30": "11.12" alone reads like a clock time, but
/// beside a time written with "kl" and without any date it is the date.
fn dotted_date_beside_clock(text: &str, tokens: &mut [Token], today: NaiveDate) {
    let has_date = tokens
        .iter()
        .any(|t| matches!(t.kind, TokenKind::Date(_) | TokenKind::Weekday(_)));
    let times = tokens.iter().filter(|t| t.kind.is_time()).count();
    let clock_with_kl = tokens
        .iter()
        .any(|t| t.kind.is_time() && text[t.span.clone()].to_lowercase().starts_with("kl"));
    if has_date || times < 2 || !clock_with_kl {
        return;
    }
    for token in tokens.iter_mut() {
        let Some(c) = DOTTED_PAIR.captures(&text[token.span.clone()]) else {
            continue;
        };
        let (Ok(day), Ok(month)) = (c[1].parse::<u32>(), c[2].parse::<u32>()) else {
            continue;
        };
        if (1..=12).contains(&month) {
            token.kind = date_or_invalid(None, month, day, today);
            return;
        }
    }
}

/// "2026-06-14T14:00" becomes "2026-06-14 14:00" so the time rules see the
/// time. The length stays the same, so spans into the result also point into
/// the original.
pub fn normalise(text: &str) -> String {
    ISO_T.replace_all(text, "$1 $2").into_owned()
}

static ISO_T: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4}-\d{1,2}-\d{1,2})T(\d{1,2}:\d{2})").expect("static pattern")
});

static BARE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*,?\s*(\d{1,2})(?:[.:](\d{2}))?\s*(?:-|–)\s*(\d{1,2})(?:[.:](\d{2}))?\b")
        .expect("static pattern")
});

/// "fredag 18-20": right after a date, a bare range of hours is a time. Only
/// there: elsewhere "10-12" is as likely an age or a count.
fn bare_range_after_date(text: &str, tokens: &mut Vec<Token>) {
    if tokens.iter().any(|t| t.kind.is_time()) {
        return;
    }
    let Some(date_end) = tokens
        .iter()
        .find(|t| matches!(t.kind, TokenKind::Date(_) | TokenKind::Weekday(_)))
        .map(|t| t.span.end)
    else {
        return;
    };
    let Some(c) = BARE_RANGE.captures(&text[date_end..]) else {
        return;
    };
    let whole = c.get(0).expect("group 0");
    let span = date_end + whole.start()..date_end + whole.end();
    if tokens
        .iter()
        .any(|t| t.span.start < span.end && span.start < t.span.end)
        || !boundary_ok(text, &span)
    {
        return;
    }
    let (Some(mut start), Some(mut end)) = (
        Clock::parse(c.get(1), c.get(2), None),
        Clock::parse(c.get(3), c.get(4), None),
    ) else {
        return;
    };
    // "lørdag 2-4" is an afternoon, not the middle of the night.
    if start.hour <= 7 && end.hour <= 12 {
        start.hour += 12;
        if end.hour < 12 {
            end.hour += 12;
        }
    }
    if let Some(kind) = time_range(start, Some(end)) {
        tokens.push(Token {
            kind,
            span,
            weekday: None,
        });
        tokens.sort_by_key(|t| t.span.start);
    }
}

/// Rejects matches glued to surrounding digits or letters that the regex
/// boundaries let through (e.g. "10.000 kr" must not be a time).
fn boundary_ok(text: &str, span: &Range<usize>) -> bool {
    let after = &text[span.end..];
    let mut rest = after.chars();
    let glued = match (rest.next(), rest.next()) {
        (Some('.' | ','), Some(c)) if c.is_ascii_digit() => true,
        (Some(c), _) if c.is_ascii_digit() => true,
        _ => false,
    };
    // "12.50 kr" and "10-12 år" are a price and an age, not times.
    let next_word = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let unit = matches!(
        next_word.as_str(),
        "kr" | "dkk" | "kroner" | "år" | "årige" | "years" | "personer" | "people" | "stk"
    );
    let before = text[..span.start].trim_end();
    let money_before = before.ends_with("kr.") || before.ends_with("kr") || before.ends_with("DKK");
    !(glued || unit || money_before)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TokenKind> {
        let today = NaiveDate::from_ymd_opt(2026, 6, 10).unwrap(); // a Wednesday
        scan(text, today).into_iter().map(|t| t.kind).collect()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn all_rules_compile() {
        assert!(!RULES.is_empty());
    }

    #[test]
    fn finds_danish_range_and_weekday() {
        assert_eq!(
            kinds("Byttemarked i Glashuset lørdag kl. 10-14"),
            vec![
                TokenKind::Weekday(d(6, 13)),
                TokenKind::Time {
                    start: t(10, 0),
                    end: Some(t(14, 0))
                }
            ]
        );
    }

    #[test]
    fn dotted_time_is_not_a_date() {
        assert_eq!(
            kinds("mødes 14.30"),
            vec![TokenKind::Time {
                start: t(14, 30),
                end: None
            }]
        );
        assert_eq!(kinds("d. 17.6."), vec![TokenKind::Date(d(6, 17))]);
        assert_eq!(kinds("pris 10.000 kr"), vec![]);
    }

    #[test]
    fn english_meridiem_range_borrows_suffix() {
        assert_eq!(
            kinds("2-4pm"),
            vec![TokenKind::Time {
                start: t(14, 0),
                end: Some(t(16, 0))
            }]
        );
        assert_eq!(
            kinds("11-2pm"),
            vec![TokenKind::Time {
                start: t(11, 0),
                end: Some(t(14, 0))
            }]
        );
        assert_eq!(
            kinds("12pm"),
            vec![TokenKind::Time {
                start: t(12, 0),
                end: None
            }]
        );
        assert_eq!(
            kinds("12am"),
            vec![TokenKind::Time {
                start: t(0, 0),
                end: None
            }]
        );
    }

    #[test]
    fn week_numbers_roll_to_next_year() {
        assert_eq!(
            kinds("uge 24"),
            vec![TokenKind::Window(WindowKind::IsoWeek {
                year: 2026,
                week: 24
            })]
        );
        assert_eq!(
            kinds("week 2"),
            vec![TokenKind::Window(WindowKind::IsoWeek {
                year: 2027,
                week: 2
            })]
        );
    }
}
