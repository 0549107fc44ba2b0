//! Civil (wall-clock) time in the configured zone and its conversion to UTC
//! instants, correct across daylight-saving switches.

use chrono::{
    DateTime, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;

/// The instant a local wall-clock time names.
///
/// In the autumn hour that happens twice we take the first (summer-time)
/// occurrence, which is what a person reading a poster means; in the spring
/// gap (02:00–03:00 does not exist) we move forward by the gap, as clocks do.
pub fn localize(tz: Tz, local: NaiveDateTime) -> DateTime<Tz> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t,
        LocalResult::Ambiguous(first, _) => first,
        LocalResult::None => {
            // Read the wall-clock time with the offset in force just before
            // the gap: 02:30 at +01:00 is 01:30 UTC, which is 03:30 summer time.
            let before = local - chrono::Duration::hours(6);
            let offset = match tz.from_local_datetime(&before) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.offset().fix(),
                LocalResult::None => return tz.from_utc_datetime(&local),
            };
            tz.from_utc_datetime(&(local - offset))
        }
    }
}

/// Local midnight at the start of `date`.
pub fn start_of_day(tz: Tz, date: NaiveDate) -> DateTime<Tz> {
    localize(tz, date.and_time(NaiveTime::MIN))
}

/// The local half-open day `[00:00, next 00:00)` around `date`, as UTC.
pub fn day_bounds(tz: Tz, date: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    (
        start_of_day(tz, date).with_timezone(&Utc),
        start_of_day(tz, date + Days::new(1)).with_timezone(&Utc),
    )
}

/// Today's date in `tz` at instant `now`.
pub fn local_today(tz: Tz, now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&tz).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn dt(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn spring_gap_moves_forward() {
        let t = localize(chrono_tz::Europe::Copenhagen, dt(2026, 3, 29, 2, 30));
        assert_eq!((t.hour(), t.minute()), (3, 30));
        assert_eq!(t.with_timezone(&Utc).hour(), 1);
    }

    #[test]
    fn autumn_repeat_takes_summer_time() {
        let t = localize(chrono_tz::Europe::Copenhagen, dt(2026, 10, 25, 2, 30));
        assert_eq!(t.with_timezone(&Utc).hour(), 0);
    }

    #[test]
    fn day_of_autumn_switch_has_25_hours() {
        let (a, b) = day_bounds(
            chrono_tz::Europe::Copenhagen,
            NaiveDate::from_ymd_opt(2026, 10, 25).unwrap(),
        );
        assert_eq!((b - a).num_hours(), 25);
    }
}
