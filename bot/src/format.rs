//! Dates, times, windows and submissions written out for residents, in
//! their language, using the translation catalogs.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;

use crate::lang::{Language, tr};
use crate::model::{Platform, Submission};
use crate::recurrence::{Freq, Repeat, WEEKDAYS};
use crate::understand::about::About;
use crate::understand::{EventDraft, Window, WindowLabel};

pub fn date(lang: Language, date: NaiveDate, with_year: bool) -> String {
    let weekday = tr(
        lang,
        &format!("weekday_{}", date.weekday().number_from_monday()),
        &[],
    );
    let month = tr(lang, &format!("month_{}", date.month()), &[]);
    let day = date.day().to_string();
    let year = date.year().to_string();
    tr(
        lang,
        if with_year { "date_long" } else { "date_short" },
        &[
            ("weekday", &weekday),
            ("day", &day),
            ("month", &month),
            ("year", &year),
        ],
    )
}

/// A date with its year only when that is not `today`'s year ("lørdag 12.
/// december", "mandag 14. juni 2027"): lists stay short, and no resident
/// mistakes next year's date for this year's.
pub fn date_near(lang: Language, day: NaiveDate, today: NaiveDate) -> String {
    date(lang, day, day.year() != today.year())
}

/// A weekday's name ("søndag", "Sunday").
pub fn weekday(lang: Language, day: chrono::Weekday) -> String {
    tr(lang, &format!("weekday_{}", day.number_from_monday()), &[])
}

/// A date without its weekday ("13. december", "14 June 2027"), with the
/// year only when that is not `today`'s year.
pub fn day_month(lang: Language, day: NaiveDate, today: NaiveDate) -> String {
    let month = tr(lang, &format!("month_{}", day.month()), &[]);
    let with_year = day.year() != today.year();
    tr(
        lang,
        if with_year {
            "day_month_long"
        } else {
            "day_month_short"
        },
        &[
            ("day", &day.day().to_string()),
            ("month", &month),
            ("year", &day.year().to_string()),
        ],
    )
}

/// A regular activity's rule in words: "hver torsdag", "hver anden
/// tirsdag", "første søndag i måneden", "alle hverdage", "every Thursday",
/// with its end ("indtil 1. marts") when it has one.
pub fn repeat(lang: Language, rule: &Repeat, today: NaiveDate) -> String {
    let days: Vec<String> = rule
        .by_day
        .iter()
        .map(|d| weekday(lang, d.weekday))
        .collect();
    let join = |names: &[String]| match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!(
                "{} {} {last}",
                rest.join(&crate::lang::comma(lang)),
                tr(lang, "digest_and", &[])
            )
        }
        _ => names.join(""),
    };
    let workdays = rule.by_day.len() == 5
        && WEEKDAYS
            .iter()
            .all(|w| rule.by_day.iter().any(|d| d.weekday == *w));
    let mut text = match rule.freq {
        Freq::Daily => tr(lang, "repeat_daily", &[]),
        Freq::Weekly if workdays && rule.interval == 1 => tr(lang, "repeat_workdays", &[]),
        Freq::Weekly => match rule.interval {
            1 => tr(lang, "repeat_weekly", &[("days", &join(&days))]),
            n => tr(
                lang,
                &format!("repeat_weekly_{}", n.min(4)),
                &[("days", &join(&days))],
            ),
        },
        Freq::Monthly => {
            let nth = rule.by_day.first().and_then(|d| d.nth).unwrap_or(1);
            tr(
                lang,
                "repeat_monthly",
                &[
                    ("nth", &tr(lang, &format!("nth_{nth}"), &[])),
                    ("day", &join(&days)),
                ],
            )
        }
    };
    if let Some(until) = rule.until {
        text = format!(
            "{text} {}",
            tr(
                lang,
                "repeat_until",
                &[("date", &day_month(lang, until, today))]
            )
        );
    } else if let Some(count) = rule.count {
        text = format!(
            "{text}, {}",
            tr(lang, "repeat_count", &[("count", &count.to_string())])
        );
    }
    text
}

/// `text` with its first letter in upper case (a phrase that opens a line).
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn clock(lang: Language, time: NaiveTime) -> String {
    let sep = tr(lang, "time_separator", &[]);
    format!("{:02}{sep}{:02}", time.hour(), time.minute())
}

/// "kl. 10.00–14.00", "2:00 PM"-free 24-hour times, or "hele dagen".
pub fn time_of(lang: Language, draft: &EventDraft) -> Option<String> {
    if draft.all_day {
        return Some(tr(lang, "all_day", &[]));
    }
    let start = clock(lang, draft.start_time?);
    Some(match draft.end_time {
        Some(end) => tr(
            lang,
            "time_range",
            &[("start", &start), ("end", &clock(lang, end))],
        ),
        None => tr(lang, "time_single", &[("start", &start)]),
    })
}

/// Local start time of a stored event, formatted (for lists).
pub fn event_time(lang: Language, submission: &Submission, tz: Tz) -> String {
    let Some(event) = &submission.event else {
        return String::new();
    };
    if event.draft.all_day {
        return tr(lang, "all_day", &[]);
    }
    // Over several days the hours are each day's, as written.
    if event.draft.end_date.is_some() {
        return time_of(lang, &event.draft).unwrap_or_default();
    }
    let local = |t: DateTime<Utc>| t.with_timezone(&tz).time();
    let Some(start) = event.starts_at else {
        return String::new();
    };
    match event.ends_at {
        Some(end) => tr(
            lang,
            "time_range",
            &[
                ("start", &clock(lang, local(start))),
                ("end", &clock(lang, local(end))),
            ],
        ),
        None => tr(
            lang,
            "time_single",
            &[("start", &clock(lang, local(start)))],
        ),
    }
}

pub fn window(lang: Language, window: &Window) -> String {
    match window.label {
        WindowLabel::Today => tr(lang, "window_today", &[]),
        WindowLabel::Tonight => tr(lang, "window_tonight", &[]),
        WindowLabel::Tomorrow => tr(lang, "window_tomorrow", &[]),
        WindowLabel::Day(d) => tr(lang, "window_day", &[("day", &date(lang, d, false))]),
        WindowLabel::Weekend => tr(lang, "window_weekend", &[]),
        WindowLabel::NextWeekend => tr(lang, "window_next_weekend", &[]),
        WindowLabel::ThisWeek => tr(lang, "window_this_week", &[]),
        WindowLabel::NextWeek => tr(lang, "window_next_week", &[]),
        WindowLabel::Week(w) => tr(lang, "window_week", &[("week", &w.to_string())]),
        WindowLabel::ThisMonth => tr(lang, "window_this_month", &[]),
        WindowLabel::NextMonth => tr(lang, "window_next_month", &[]),
        WindowLabel::Month(m) => tr(
            lang,
            "window_month",
            &[("month", &tr(lang, &format!("month_{m}"), &[]))],
        ),
        WindowLabel::Holiday(h) => tr(lang, &format!("window_{}", h.as_str()), &[]),
        WindowLabel::Coming => tr(lang, "window_coming", &[]),
        WindowLabel::Upcoming => tr(lang, "window_upcoming", &[]),
        WindowLabel::Days(first, last) => tr(
            lang,
            "window_days",
            &[
                ("from", &date(lang, first, false)),
                ("to", &date(lang, last, false)),
            ],
        ),
    }
}

/// What a question asked about besides its time, as the answer names it:
/// "med »fællesspisning«", "i Glashuset", "for børn, gratis".
pub fn about(lang: Language, about: &About) -> String {
    let mut parts = Vec::new();
    if let Some(topic) = &about.topic {
        parts.push(tr(lang, "about_topic", &[("topic", topic)]));
    }
    if let Some(place) = &about.place {
        parts.push(tr(lang, "about_place", &[("place", place)]));
    }
    for tag in &about.tags {
        parts.push(tr(lang, &format!("tag_{}", tag.as_str()), &[]));
    }
    parts.join(&crate::lang::comma(lang))
}

pub fn platform(lang: Language, platform: Platform) -> String {
    tr(lang, &format!("platform_{}", platform.as_str()), &[])
}
