//! Named holidays and school holidays residents ask about ("hvad sker der i
//! julen?", "what's on at Easter?"), as local days.
//!
//! Church holidays follow Easter (the Gregorian computus); Christmas and New
//! Year are fixed. School holidays follow the usual Danish pattern: winter
//! holiday in ISO week 7, autumn holiday in week 42, summer holiday from the
//! last Saturday of June to the second Sunday of August, Christmas holiday
//! 21 December to 3 January. A town whose holidays differ lists its own
//! (`[school_holidays]` in the config, set once at start with
//! [`configure`]); a year it does not list follows the pattern.

use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A town's own school holidays, each as (first, last) local days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SchoolHolidays {
    pub winter: Vec<(NaiveDate, NaiveDate)>,
    pub autumn: Vec<(NaiveDate, NaiveDate)>,
    pub summer: Vec<(NaiveDate, NaiveDate)>,
    pub christmas: Vec<(NaiveDate, NaiveDate)>,
}

impl SchoolHolidays {
    fn listed(&self, holiday: Holiday) -> &[(NaiveDate, NaiveDate)] {
        match holiday {
            Holiday::WinterHoliday => &self.winter,
            Holiday::AutumnHoliday => &self.autumn,
            Holiday::SummerHoliday => &self.summer,
            Holiday::ChristmasHoliday => &self.christmas,
            _ => &[],
        }
    }
}

/// The town's school holidays: configuration read once at start, like the
/// time zone, so every question in the process reads the same calendar.
static CONFIGURED: OnceLock<SchoolHolidays> = OnceLock::new();

/// Sets the town's school holidays; the first call wins.
pub fn configure(holidays: SchoolHolidays) {
    let _ = CONFIGURED.set(holidays);
}

/// A holiday or season a question can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// Juleaften to 2. juledag (24–26 December).
    Christmas,
    ChristmasEve,
    /// Nytårsaften and nytårsdag (31 December – 1 January).
    NewYear,
    NewYearsEve,
    /// Skærtorsdag to 2. påskedag.
    Easter,
    /// Pinsedag and 2. pinsedag.
    Whitsun,
    SummerHoliday,
    /// The schools' Christmas holiday, 21 December to 3 January.
    ChristmasHoliday,
    AutumnHoliday,
    WinterHoliday,
}

impl Holiday {
    /// A stable name for `vores parse --json` and the catalogs.
    pub fn as_str(self) -> &'static str {
        match self {
            Holiday::Christmas => "christmas",
            Holiday::ChristmasEve => "christmas_eve",
            Holiday::NewYear => "new_year",
            Holiday::NewYearsEve => "new_years_eve",
            Holiday::Easter => "easter",
            Holiday::Whitsun => "whitsun",
            Holiday::SummerHoliday => "summer_holiday",
            Holiday::ChristmasHoliday => "christmas_holiday",
            Holiday::AutumnHoliday => "autumn_holiday",
            Holiday::WinterHoliday => "winter_holiday",
        }
    }

    /// From a word in a message ("julen", "påske", "christmas eve").
    pub fn from_word(word: &str) -> Option<Holiday> {
        let w = word.to_lowercase();
        let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
        Some(match w.as_str() {
            "jul" | "julen" | "juledagene" | "christmas" | "xmas" => Holiday::Christmas,
            "juleaften" | "juleaftensdag" | "christmas eve" => Holiday::ChristmasEve,
            "nytår" | "nytåret" | "new year" | "new year's" => Holiday::NewYear,
            "nytårsaften" | "new year's eve" | "new years eve" => Holiday::NewYearsEve,
            "påske" | "påsken" | "easter" => Holiday::Easter,
            "pinse" | "pinsen" | "whitsun" | "pentecost" => Holiday::Whitsun,
            "sommerferien"
            | "sommerferie"
            | "summer holiday"
            | "summer holidays"
            | "the summer holidays" => Holiday::SummerHoliday,
            "efterårsferien" | "efterårsferie" | "autumn holiday" | "autumn holidays"
            | "autumn half-term" => Holiday::AutumnHoliday,
            "juleferien" | "juleferie" | "christmas holidays" | "christmas holiday" => {
                Holiday::ChristmasHoliday
            }
            "vinterferien" | "vinterferie" | "winter holiday" | "winter holidays"
            | "winter half-term" => Holiday::WinterHoliday,
            _ => return None,
        })
    }

    /// The first and last local day of the holiday in `year` (New Year runs
    /// from `year`'s 31 December into the next year).
    pub fn days(self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        self.days_in(year, CONFIGURED.get().unwrap_or(&SchoolHolidays::default()))
    }

    /// As [`Holiday::days`], with `town`'s own school holidays where it
    /// lists one starting in `year`.
    pub fn days_in(self, year: i32, town: &SchoolHolidays) -> Option<(NaiveDate, NaiveDate)> {
        if let Some(listed) = town
            .listed(self)
            .iter()
            .find(|(first, _)| first.year() == year)
        {
            return Some(*listed);
        }
        let ymd = NaiveDate::from_ymd_opt;
        Some(match self {
            Holiday::Christmas => (ymd(year, 12, 24)?, ymd(year, 12, 26)?),
            Holiday::ChristmasEve => (ymd(year, 12, 24)?, ymd(year, 12, 24)?),
            Holiday::NewYear => (ymd(year, 12, 31)?, ymd(year + 1, 1, 1)?),
            Holiday::NewYearsEve => (ymd(year, 12, 31)?, ymd(year, 12, 31)?),
            Holiday::Easter => {
                let easter = easter_sunday(year)?;
                (easter - Days::new(3), easter + Days::new(1))
            }
            Holiday::Whitsun => {
                let whitsun = easter_sunday(year)? + Days::new(49);
                (whitsun, whitsun + Days::new(1))
            }
            Holiday::SummerHoliday => {
                let june_end = ymd(year, 6, 30)?;
                let back = (june_end.weekday().num_days_from_monday() + 7
                    - Weekday::Sat.num_days_from_monday())
                    % 7;
                let start = june_end - Days::new(u64::from(back));
                let august = ymd(year, 8, 1)?;
                let to_sunday = (7 - august.weekday().num_days_from_monday() + 6) % 7;
                let first_sunday = august + Days::new(u64::from(to_sunday));
                (start, first_sunday + Days::new(7))
            }
            Holiday::ChristmasHoliday => (ymd(year, 12, 21)?, ymd(year + 1, 1, 3)?),
            Holiday::AutumnHoliday => school_week(year, 42)?,
            Holiday::WinterHoliday => school_week(year, 7)?,
        })
    }

    /// The holiday as it comes next: the one under way, or the next one.
    pub fn next(self, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        [today.year() - 1, today.year(), today.year() + 1]
            .into_iter()
            .filter_map(|y| self.days(y))
            .find(|(_, last)| *last >= today)
    }
}

/// Saturday before ISO week `week` to the Sunday that ends it: a school
/// holiday week with its weekends.
fn school_week(year: i32, week: u32) -> Option<(NaiveDate, NaiveDate)> {
    let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
    Some((monday - Days::new(2), monday + Days::new(6)))
}

/// Easter Sunday in the Gregorian calendar (the anonymous computus).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter_sunday(2027), Some(d(2027, 3, 28)));
        assert_eq!(easter_sunday(2028), Some(d(2028, 4, 16)));
    }

    #[test]
    fn next_holiday_from_late_november() {
        let today = d(2026, 11, 30);
        assert_eq!(
            Holiday::Christmas.next(today),
            Some((d(2026, 12, 24), d(2026, 12, 26)))
        );
        assert_eq!(
            Holiday::Easter.next(today),
            Some((d(2027, 3, 25), d(2027, 3, 29)))
        );
        assert_eq!(
            Holiday::WinterHoliday.next(today),
            Some((d(2027, 2, 13), d(2027, 2, 21)))
        );
        assert_eq!(
            Holiday::SummerHoliday.next(today),
            Some((d(2027, 6, 26), d(2027, 8, 8)))
        );
        assert_eq!(
            Holiday::NewYear.next(d(2027, 1, 1)),
            Some((d(2026, 12, 31), d(2027, 1, 1)))
        );
    }

    #[test]
    fn a_town_lists_its_own_school_holidays_and_other_years_follow_the_pattern() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let town = SchoolHolidays {
            autumn: vec![(d(2026, 10, 17), d(2026, 10, 25))],
            ..SchoolHolidays::default()
        };
        assert_eq!(
            Holiday::AutumnHoliday.days_in(2026, &town),
            Some((d(2026, 10, 17), d(2026, 10, 25)))
        );
        // Not listed: week 42 with its weekends.
        assert_eq!(
            Holiday::AutumnHoliday.days_in(2027, &town),
            Some((d(2027, 10, 16), d(2027, 10, 24)))
        );
        assert_eq!(
            Holiday::Easter.days_in(2026, &town),
            Holiday::Easter.days_in(2026, &SchoolHolidays::default())
        );
    }
}
