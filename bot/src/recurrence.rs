//! Regular activities ("hver torsdag kl. 18", "the first Sunday of each
//! month") as one rule, the iCalendar RRULE model (FREQ, INTERVAL, BYDAY
//! with ordinals, UNTIL, COUNT, and EXDATE for cancelled occurrences), never
//! as hundreds of rows.
//!
//! Expansion is done by the `rrule` crate in the local time zone, so a
//! weekly 18:00 activity stays at 18:00 across daylight-saving switches.
//! Pure: a rule, a first day and a window in; local days out.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// How often a rule repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Freq {
    Daily,
    Weekly,
    Monthly,
}

/// A weekday in a rule, with an ordinal for monthly rules ("first Sunday"
/// is `Some(1)`, "last Sunday" `Some(-1)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleDay {
    pub weekday: Weekday,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nth: Option<i8>,
}

/// A repeating activity's rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repeat {
    pub freq: Freq,
    #[serde(default = "one")]
    pub interval: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_day: Vec<RuleDay>,
    /// The last day an occurrence may fall on (inclusive, local).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// How many occurrences in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Occurrences cancelled one by one ("/aflys #N 12. december").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<NaiveDate>,
    /// Occurrences moved to another day or time ("/flyt #N 10/12 til 11/12").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<Moved>,
    /// Where the "does it still happen?" question to the organiser stands.
    #[serde(default, skip_serializing_if = "SeriesCheck::is_empty")]
    pub check: SeriesCheck,
}

/// One occurrence of a regular activity held on another day or at another
/// time (an EXDATE plus an RDATE, in iCalendar's terms).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The new hours, when they change too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveTime>,
}

/// The organiser's answers to "does it still happen?" (asked every few
/// weeks, see [`crate::community::StillHappening`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesCheck {
    /// When the organiser last said it still happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_at: Option<DateTime<Utc>>,
    /// When the question went out, while no answer has come.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked_at: Option<DateTime<Utc>>,
    /// When the admins were told that no answer came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_at: Option<DateTime<Utc>>,
}

impl SeriesCheck {
    pub fn is_empty(&self) -> bool {
        self == &SeriesCheck::default()
    }
}

fn one() -> u32 {
    1
}

/// The most occurrences one expansion returns: a window of a year of a
/// daily activity fits.
const MOST_OCCURRENCES: u16 = 400;

fn weekday_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// The five working days, Monday to Friday.
pub const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

impl Repeat {
    pub fn weekly(days: &[Weekday], interval: u32) -> Repeat {
        Repeat {
            freq: Freq::Weekly,
            interval: interval.max(1),
            by_day: days
                .iter()
                .map(|&weekday| RuleDay { weekday, nth: None })
                .collect(),
            until: None,
            count: None,
            except: Vec::new(),
            moved: Vec::new(),
            check: SeriesCheck::default(),
        }
    }

    pub fn monthly(weekday: Weekday, nth: i8) -> Repeat {
        Repeat {
            freq: Freq::Monthly,
            interval: 1,
            by_day: vec![RuleDay {
                weekday,
                nth: Some(nth),
            }],
            until: None,
            count: None,
            except: Vec::new(),
            moved: Vec::new(),
            check: SeriesCheck::default(),
        }
    }

    pub fn daily() -> Repeat {
        Repeat {
            freq: Freq::Daily,
            interval: 1,
            by_day: Vec::new(),
            until: None,
            count: None,
            except: Vec::new(),
            moved: Vec::new(),
            check: SeriesCheck::default(),
        }
    }

    /// The rule as iCalendar writes it ("FREQ=WEEKLY;BYDAY=TH",
    /// "FREQ=MONTHLY;BYDAY=1SU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"). An end
    /// is given as UNTIL at the end of that local day, in UTC, as RFC 5545
    /// asks when the start has a time zone.
    pub fn rrule(&self, tz: Tz) -> String {
        let mut parts = vec![format!(
            "FREQ={}",
            match self.freq {
                Freq::Daily => "DAILY",
                Freq::Weekly => "WEEKLY",
                Freq::Monthly => "MONTHLY",
            }
        )];
        if self.interval > 1 {
            parts.push(format!("INTERVAL={}", self.interval));
        }
        if !self.by_day.is_empty() {
            let days: Vec<String> = self
                .by_day
                .iter()
                .map(|d| {
                    let nth = d.nth.map(|n| n.to_string()).unwrap_or_default();
                    format!("{nth}{}", weekday_code(d.weekday))
                })
                .collect();
            parts.push(format!("BYDAY={}", days.join(",")));
        }
        if let Some(until) = self.until {
            let end = crate::civil::day_bounds(tz, until).1 - chrono::Duration::seconds(1);
            parts.push(format!("UNTIL={}", end.format("%Y%m%dT%H%M%SZ")));
        }
        if let Some(count) = self.count {
            parts.push(format!("COUNT={count}"));
        }
        parts.join(";")
    }

    /// Whether `day` is one of the rule's days (ignoring where it starts).
    fn matches_day(&self, day: NaiveDate) -> bool {
        if self.by_day.is_empty() {
            return true;
        }
        self.by_day.iter().any(|d| {
            d.weekday == day.weekday()
                && match d.nth {
                    None => true,
                    Some(n) if n > 0 => (day.day() - 1) / 7 + 1 == n as u32,
                    Some(n) => {
                        let last = last_day_of_month(day);
                        (last.day() - day.day()) / 7 + 1 == n.unsigned_abs() as u32
                    }
                }
        })
    }

    /// The first day on or after `from` that the rule names: where a series
    /// said as "hver torsdag" starts.
    pub fn first_on_or_after(&self, from: NaiveDate) -> NaiveDate {
        (0..62)
            .map(|n| from + Days::new(n))
            .find(|d| self.matches_day(*d))
            .unwrap_or(from)
    }

    /// The local days of the occurrences that start in `[from, to)`, for a
    /// series whose first occurrence is on `first` at `time` (all-day
    /// series: `None`). Cancelled occurrences are left out.
    pub fn occurrences(
        &self,
        first: NaiveDate,
        time: Option<NaiveTime>,
        tz: Tz,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Vec<NaiveDate> {
        let time = time.unwrap_or(NaiveTime::MIN);
        let text = format!(
            "DTSTART;TZID={}:{}\nRRULE:{}",
            tz.name(),
            first.and_time(time).format("%Y%m%dT%H%M%S"),
            self.rrule(tz)
        );
        let set: rrule::RRuleSet = match text.parse() {
            Ok(set) => set,
            // Rules are built by this module; one the crate refuses is a bug
            // in our rule text, and the series then shows its first day only.
            Err(e) => {
                tracing::error!(rule = %text, error = %e, "recurrence rule refused");
                let start = crate::civil::localize(tz, first.and_time(time));
                return if start >= from && start < to {
                    vec![first]
                } else {
                    Vec::new()
                };
            }
        };
        let rtz = rrule::Tz::Tz(tz);
        // `after`/`before` are inclusive; a second off each end keeps the
        // window half-open.
        let result = set
            .after((from - chrono::Duration::seconds(1)).with_timezone(&rtz))
            .before((to - chrono::Duration::seconds(1)).with_timezone(&rtz))
            .all(MOST_OCCURRENCES);
        result
            .dates
            .into_iter()
            .map(|d| d.date_naive())
            .filter(|d| !self.except.contains(d) && !self.moved.iter().any(|m| m.from == *d))
            .collect()
    }

    /// The last local day the series can fall on, if it ends.
    pub fn last_day(&self, first: NaiveDate, time: Option<NaiveTime>, tz: Tz) -> Option<NaiveDate> {
        if let Some(until) = self.until {
            return Some(until);
        }
        let count = self.count?;
        let start = crate::civil::start_of_day(tz, first).with_timezone(&Utc);
        let far = start + chrono::Duration::days(3660);
        let mut days = self.occurrences(first, time, tz, start, far);
        days.truncate(count as usize);
        days.last().copied()
    }
}

fn last_day_of_month(day: NaiveDate) -> NaiveDate {
    let first_next = if day.month() == 12 {
        NaiveDate::from_ymd_opt(day.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(day.year(), day.month() + 1, 1)
    };
    first_next.map_or(day, |d| d - Days::new(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::civil::localize;

    fn tz() -> Tz {
        chrono_tz::Europe::Copenhagen
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(y: i32, m: u32, day: u32) -> DateTime<Utc> {
        localize(tz(), d(y, m, day).and_hms_opt(0, 0, 0).unwrap()).with_timezone(&Utc)
    }

    #[test]
    fn rule_text_is_icalendar() {
        assert_eq!(
            Repeat::weekly(&[Weekday::Thu], 1).rrule(tz()),
            "FREQ=WEEKLY;BYDAY=TH"
        );
        assert_eq!(
            Repeat::weekly(&[Weekday::Tue], 2).rrule(tz()),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
        );
        assert_eq!(
            Repeat::monthly(Weekday::Sun, 1).rrule(tz()),
            "FREQ=MONTHLY;BYDAY=1SU"
        );
        let mut until = Repeat::weekly(&[Weekday::Thu], 1);
        until.until = Some(d(2027, 3, 1));
        assert_eq!(
            until.rrule(tz()),
            "FREQ=WEEKLY;BYDAY=TH;UNTIL=20270301T225959Z"
        );
    }

    #[test]
    fn weekly_at_six_stays_at_six_across_the_autumn_switch() {
        let rule = Repeat::weekly(&[Weekday::Thu], 1);
        let six = NaiveTime::from_hms_opt(18, 0, 0);
        let days = rule.occurrences(d(2026, 10, 15), six, tz(), at(2026, 10, 1), at(2026, 11, 6));
        assert_eq!(
            days,
            vec![
                d(2026, 10, 15),
                d(2026, 10, 22),
                d(2026, 10, 29),
                d(2026, 11, 5)
            ]
        );
        // Each is 18:00 local: the offset changes, the wall clock does not.
        for day in days {
            let start = localize(tz(), day.and_time(six.unwrap()));
            assert_eq!(start.format("%H:%M").to_string(), "18:00");
        }
    }

    #[test]
    fn every_other_first_and_last_and_cancelled() {
        let other = Repeat::weekly(&[Weekday::Tue], 2);
        assert_eq!(
            other.occurrences(d(2026, 12, 1), None, tz(), at(2026, 12, 1), at(2027, 1, 1)),
            vec![d(2026, 12, 1), d(2026, 12, 15), d(2026, 12, 29)]
        );
        let first_sunday = Repeat::monthly(Weekday::Sun, 1);
        assert_eq!(
            first_sunday.first_on_or_after(d(2026, 11, 30)),
            d(2026, 12, 6)
        );
        assert_eq!(
            first_sunday.occurrences(d(2026, 12, 6), None, tz(), at(2026, 12, 1), at(2027, 3, 1)),
            vec![d(2026, 12, 6), d(2027, 1, 3), d(2027, 2, 7)]
        );
        let last_friday = Repeat::monthly(Weekday::Fri, -1);
        assert_eq!(
            last_friday.first_on_or_after(d(2026, 11, 30)),
            d(2026, 12, 25)
        );
        let mut weekly = Repeat::weekly(&[Weekday::Thu], 1);
        weekly.except.push(d(2026, 12, 10));
        weekly.until = Some(d(2026, 12, 24));
        assert_eq!(
            weekly.occurrences(d(2026, 12, 3), None, tz(), at(2026, 12, 1), at(2027, 2, 1)),
            vec![d(2026, 12, 3), d(2026, 12, 17), d(2026, 12, 24)]
        );
        assert_eq!(
            weekly.last_day(d(2026, 12, 3), None, tz()),
            Some(d(2026, 12, 24))
        );
    }

    #[test]
    fn a_year_wraps() {
        let rule = Repeat::weekly(&[Weekday::Thu], 1);
        let days = rule.occurrences(
            d(2026, 12, 3),
            None,
            tz(),
            at(2026, 12, 28),
            at(2027, 1, 12),
        );
        assert_eq!(days, vec![d(2026, 12, 31), d(2027, 1, 7)]);
    }
}
