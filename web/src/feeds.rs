//! Feeds other software reads: iCalendar (RFC 5545) per group and per tag,
//! Atom (RFC 4287) of the stories, JSON of the upcoming events, and GeoJSON
//! (RFC 7946) of the places.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventLike, EventStatus, Property};
use vores_bot::civil::local_today;
use vores_bot::community::Group;
use vores_bot::lang::tr;
use vores_bot::model::Submission;
use vores_bot::understand::about::{Tag, tags_of};

use crate::pages::{self, CALENDAR_DAYS, STORIES_SHOWN, STORY_DAYS, answer, has_tag};
use crate::{Failure, Site, cached, language};

type Params = Query<HashMap<String, String>>;

/// How far back and ahead a calendar feed reaches: a month of what has been
/// (so a subscriber sees last week's events stay), a year of what comes.
const FEED_PAST_DAYS: i64 = 31;
const FEED_AHEAD_DAYS: i64 = 366;

/// The host part of the public address: the domain of every UID, so UIDs
/// stay the same whatever process or port served them.
fn uid_domain(site: &Site) -> String {
    let url = &site.config.public_url;
    let rest = url.split("://").nth(1).unwrap_or(url);
    rest.split(['/', ':']).next().unwrap_or(rest).to_string()
}

/// The calendar a group's events make: one VEVENT per one-off event, one
/// per regular activity with its RRULE and the cancelled days as EXDATE,
/// and one per moved day (the rule leaves out the day it was moved from);
/// every time in the town's zone, defined by a VTIMEZONE.
pub(crate) fn calendar_of(site: &Site, group: &Group, rows: &[Submission]) -> String {
    let tzid = site.tz.name();
    let mut calendar = icalendar::Calendar::empty();
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new(
        "PRODID",
        "-//Vores//Vores community calendar//EN",
    ));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.append_property(Property::new("METHOD", "PUBLISH"));
    calendar.name(&group.title);
    calendar.timezone(tzid);
    let local = |t: DateTime<Utc>| t.with_timezone(&site.tz).naive_local();
    let with_zone = |t: NaiveDateTime| -> DatePerhapsTime {
        CalendarDateTime::WithTimezone {
            date_time: t,
            tzid: tzid.to_string(),
        }
        .into()
    };
    let mut years = (i32::MAX, i32::MIN);
    for s in rows {
        let Some(event) = &s.event else { continue };
        let Some(start) = event.starts_at else {
            continue;
        };
        let uid = format!("vores-{}@{}", s.id, uid_domain(site));
        let mut vevent = icalendar::Event::with_uid(&uid);
        vevent
            .summary(s.title())
            .description(&s.text)
            .timestamp(s.updated_at)
            .add_property("SEQUENCE", s.revision.to_string())
            .add_property(
                "LAST-MODIFIED",
                s.updated_at.format("%Y%m%dT%H%M%SZ").to_string(),
            )
            .add_property("CREATED", s.created_at.format("%Y%m%dT%H%M%SZ").to_string())
            .add_property("URL", site.url(&format!("/g/{}/e/{}", group.name, s.id)))
            .status(EventStatus::Confirmed);
        if let Some(place) = pages::location(s) {
            vevent.location(&site.place_name(place));
            if let Some((lat, lon)) = site.place_named(place).and_then(|p| p.point) {
                vevent.add_property("GEO", format!("{lat:.6};{lon:.6}"));
            }
        }
        let tags: Vec<&str> = tags_of(&format!(
            "{} {} {}",
            s.title(),
            event.draft.location.as_deref().unwrap_or(""),
            s.text
        ))
        .into_iter()
        .map(Tag::as_str)
        .collect();
        if !tags.is_empty() {
            vevent.categories(tags);
        }
        let all_day = event.draft.all_day || event.draft.start_time.is_none();
        let first_local = local(start);
        years = (
            years.0.min(first_local.year()),
            years.1.max(first_local.year()),
        );
        if all_day {
            let first = first_local.date();
            let last = event.draft.end_date.unwrap_or(first).max(first);
            vevent.starts(first).ends(last + Duration::days(1));
        } else {
            vevent.starts(with_zone(first_local));
            match (event.ends_at, event.draft.end_date) {
                // Several days with each day's hours: a daily rule over them.
                (_, Some(last)) if event.draft.repeat.is_none() => {
                    let end_time = event.draft.end_time.unwrap_or(first_local.time());
                    let first_end = first_local.date().and_time(end_time);
                    vevent.ends(with_zone(first_end.max(first_local)));
                    let until = site
                        .tz
                        .from_local_datetime(&last.and_time(first_local.time()))
                        .earliest()
                        .map(|t| t.with_timezone(&Utc))
                        .unwrap_or(start);
                    vevent.add_property(
                        "RRULE",
                        format!("FREQ=DAILY;UNTIL={}", until.format("%Y%m%dT%H%M%SZ")),
                    );
                }
                (Some(end), _) => {
                    vevent.ends(with_zone(local(end)));
                }
                // An open start lasts two hours, as the bot counts it.
                (None, _) => {
                    vevent.ends(with_zone(first_local + Duration::hours(2)));
                }
            }
        }
        let mut moved = Vec::new();
        if let Some(rule) = &event.draft.repeat {
            let mut rrule = rule.rrule(site.tz);
            if let (true, Some(until)) = (all_day, rule.until) {
                // A DATE start wants a DATE end (RFC 5545 3.3.10).
                rrule = rrule
                    .split(';')
                    .map(|part| {
                        if part.starts_with("UNTIL=") {
                            format!("UNTIL={}", until.format("%Y%m%d"))
                        } else {
                            part.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(";");
            }
            vevent.add_property("RRULE", rrule);
            let at = |day: NaiveDate| day.and_time(first_local.time());
            // Cancelled days and the days moved away from are left out of
            // the rule; a moved day is an event of its own (its own UID: an
            // override by RECURRENCE-ID of a left-out day is read
            // differently by different calendar apps).
            for day in rule.except.iter().chain(rule.moved.iter().map(|m| &m.from)) {
                vevent.append_multi_property(exdate(*day, all_day.then_some(()), at(*day), tzid));
            }
            for m in &rule.moved {
                let start_time = m.start.unwrap_or(first_local.time());
                let end_time = m.end.or(event.draft.end_time);
                let mut instance = icalendar::Event::with_uid(&format!(
                    "vores-{}-moved-{}@{}",
                    s.id,
                    m.from.format("%Y%m%d"),
                    uid_domain(site)
                ));
                instance
                    .summary(s.title())
                    .description(&s.text)
                    .timestamp(s.updated_at)
                    .add_property("SEQUENCE", s.revision.to_string())
                    .add_property("URL", site.url(&format!("/g/{}/e/{}", group.name, s.id)))
                    .status(EventStatus::Confirmed);
                if let Some(place) = pages::location(s) {
                    instance.location(&site.place_name(place));
                }
                if all_day {
                    instance.starts(m.to).ends(m.to + Duration::days(1));
                } else {
                    let new_start = m.to.and_time(start_time);
                    instance.starts(with_zone(new_start));
                    let new_end = end_time
                        .map(|e| m.to.and_time(e))
                        .filter(|e| *e > new_start)
                        .unwrap_or(new_start + Duration::hours(2));
                    instance.ends(with_zone(new_end));
                }
                moved.push(instance.done());
            }
        }
        calendar.push(vevent.done());
        for instance in moved {
            calendar.push(instance);
        }
    }
    // The zone's switches for every year a calendar app may show from this
    // feed: a month back to a year ahead, and every event's own year.
    let this_year = local_today(site.tz, site.clock.now()).year();
    years = (years.0.min(this_year), years.1.max(this_year + 1));
    let text = calendar.done().to_string();
    with_vtimezone(&text, &vtimezone(site.tz, years.0 - 1, years.1 + 1))
}

/// An EXDATE for one left-out day: a DATE for an all-day activity, else
/// the day at the activity's local start.
fn exdate(day: NaiveDate, all_day: Option<()>, at: NaiveDateTime, tzid: &str) -> Property {
    match all_day {
        Some(()) => {
            let mut p = Property::new("EXDATE", day.format("%Y%m%d").to_string());
            p.add_parameter("VALUE", "DATE");
            p.done()
        }
        None => {
            let mut p = Property::new("EXDATE", at.format("%Y%m%dT%H%M%S").to_string());
            p.add_parameter("TZID", tzid);
            p.done()
        }
    }
}

/// The zone's definition for `first..=last` years: each switch between
/// standard and summer time found in chrono-tz's tables and written out as
/// an observance of its own (no rules to get wrong), so every calendar app
/// reads the same local times as the bot. icalendar has no VTIMEZONE
/// builder, and these lines carry no resident-written text.
fn vtimezone(tz: chrono_tz::Tz, first: i32, last: i32) -> String {
    let offset_at = |t: DateTime<Utc>| tz.offset_from_utc_datetime(&t.naive_utc()).fix();
    let name_at = |t: DateTime<Utc>| {
        use chrono_tz::OffsetName;
        tz.offset_from_utc_datetime(&t.naive_utc())
            .abbreviation()
            .unwrap_or("")
            .to_string()
    };
    let hhmm = |seconds: i32| {
        let sign = if seconds < 0 { '-' } else { '+' };
        let s = seconds.abs();
        format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
    };
    let start = Utc
        .with_ymd_and_hms(first, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_else(Utc::now);
    let end = Utc
        .with_ymd_and_hms(last + 1, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_else(Utc::now);
    // Each switch: found day by day, then by bisection.
    let mut switches = Vec::new();
    let mut t = start;
    while t < end {
        let next = t + Duration::days(1);
        if offset_at(t) != offset_at(next) {
            let (mut lo, mut hi) = (t, next);
            // To the second: switches happen on whole seconds.
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_at(mid) == offset_at(lo) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            switches.push(hi);
        }
        t = next;
    }
    let mut lines = vec!["BEGIN:VTIMEZONE".to_string(), format!("TZID:{}", tz.name())];
    let observance = |lines: &mut Vec<String>,
                      at: DateTime<Utc>,
                      from: i32,
                      to: i32,
                      standard: bool,
                      name: String| {
        let kind = if standard { "STANDARD" } else { "DAYLIGHT" };
        // DTSTART is the local time before the switch, in the old offset.
        let local = at.naive_utc() + Duration::seconds(i64::from(from));
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")));
        lines.push(format!("TZOFFSETFROM:{}", hhmm(from)));
        lines.push(format!("TZOFFSETTO:{}", hhmm(to)));
        if !name.is_empty() {
            lines.push(format!("TZNAME:{name}"));
        }
        lines.push(format!("END:{kind}"));
    };
    // What holds at the start of the range, then every switch.
    let initial = offset_at(start).local_minus_utc();
    let lowest = |t: DateTime<Utc>| {
        let year = t.with_timezone(&tz).year();
        let jan = Utc
            .with_ymd_and_hms(year, 1, 15, 0, 0, 0)
            .single()
            .unwrap_or(t);
        let jul = Utc
            .with_ymd_and_hms(year, 7, 15, 0, 0, 0)
            .single()
            .unwrap_or(t);
        offset_at(jan)
            .local_minus_utc()
            .min(offset_at(jul).local_minus_utc())
    };
    observance(
        &mut lines,
        start,
        initial,
        initial,
        initial <= lowest(start),
        name_at(start),
    );
    for at in switches {
        let from = offset_at(at - Duration::minutes(1)).local_minus_utc();
        let to = offset_at(at).local_minus_utc();
        observance(&mut lines, at, from, to, to <= lowest(at), name_at(at));
    }
    lines.push("END:VTIMEZONE".to_string());
    lines.join("\r\n") + "\r\n"
}

/// Puts the zone's definition before the first event (or at the end of an
/// empty calendar).
fn with_vtimezone(calendar: &str, vtimezone: &str) -> String {
    let at = calendar
        .find("BEGIN:VEVENT\r\n")
        .or_else(|| calendar.rfind("END:VCALENDAR"))
        .unwrap_or(calendar.len());
    format!("{}{vtimezone}{}", &calendar[..at], &calendar[at..])
}

/// `/g/{group}/events.ics` (`?tag=children` for one topic): what a
/// calendar app subscribes to.
pub(crate) async fn events_ics(
    State(site): State<Arc<Site>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    let lang = language(&site, &headers, &query);
    let page = async {
        let (index, group) = site.group(&name).ok_or(Failure::NotFound)?;
        let tag = match query.get("tag").map(|t| t.trim()).filter(|t| !t.is_empty()) {
            Some(text) => Some(
                Tag::ALL
                    .into_iter()
                    .find(|t| t.as_str() == text)
                    .ok_or_else(|| {
                        Failure::BadRequest(tr(lang, "web_bad_tag", &[("value", text)]))
                    })?,
            ),
            None => None,
        };
        site.load_places().await?;
        let now = site.clock.now();
        let (rows, _) = site
            .view(index)
            .rows_between(
                now - Duration::days(FEED_PAST_DAYS),
                now + Duration::days(FEED_AHEAD_DAYS),
                2_000,
            )
            .await?;
        let rows: Vec<Submission> = rows
            .into_iter()
            .filter(|s| tag.is_none_or(|t| has_tag(s, t)))
            .collect();
        let body = calendar_of(&site, group, &rows);
        Ok(cached(
            &headers,
            "text/calendar; charset=utf-8",
            body,
            rows.iter().map(|s| s.updated_at).max(),
        ))
    }
    .await;
    answer(&site, lang, page)
}

/// `/g/{group}/events.json`: the next four weeks' events for other sites.
pub(crate) async fn events_json(
    State(site): State<Arc<Site>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    let lang = language(&site, &headers, &query);
    let page = async {
        let (index, group) = site.group(&name).ok_or(Failure::NotFound)?;
        site.load_places().await?;
        let now = site.clock.now();
        let (events, more) = site
            .view(index)
            .events_in(now, now + Duration::days(CALENDAR_DAYS), 400)
            .await?;
        let items: Vec<serde_json::Value> = events
            .iter()
            .filter_map(|s| {
                let event = s.event.as_ref()?;
                let known = event.draft.location.as_deref().and_then(|p| site.place_named(p));
                Some(serde_json::json!({
                    "id": s.id,
                    "title": s.title(),
                    "text": s.text,
                    "start": event.starts_at?.with_timezone(&site.tz).to_rfc3339(),
                    "end": event.ends_at.map(|e| e.with_timezone(&site.tz).to_rfc3339()),
                    "all_day": event.draft.all_day || event.draft.start_time.is_none(),
                    "place": pages::location(s).map(|p| site.place_name(p)),
                    "geo": known.and_then(|p| p.point).map(|(lat, lon)| [lat, lon]),
                    "tags": tags_of(&format!("{} {} {}", s.title(), event.draft.location.as_deref().unwrap_or(""), s.text)).into_iter().map(Tag::as_str).collect::<Vec<_>>(),
                    "repeats": event.draft.repeat.as_ref().map(|r| r.rrule(site.tz)),
                    "url": site.url(&format!("/g/{}/e/{}", group.name, s.id)),
                    "ics": site.url(&format!("/g/{}/e/{}.ics", group.name, s.id)),
                    "updated": s.updated_at.to_rfc3339(),
                }))
            })
            .collect();
        let body = serde_json::json!({
            "group": group.name,
            "title": group.title,
            "timezone": site.tz.name(),
            "from": now.with_timezone(&site.tz).to_rfc3339(),
            "events": items,
            "incomplete": more,
        })
        .to_string();
        Ok(cached(
            &headers,
            "application/json",
            body,
            events.iter().map(|s| s.updated_at).max(),
        ))
    }
    .await;
    answer(&site, lang, page)
}

/// `/g/{group}/stories.atom`: the approved stories, newest first, named as
/// their tellers chose.
pub(crate) async fn stories_atom(
    State(site): State<Arc<Site>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
    let lang = language(&site, &headers, &query);
    let page = async {
        let (index, group) = site.group(&name).ok_or(Failure::NotFound)?;
        let now = site.clock.now();
        let stories = site
            .view(index)
            .stories(
                now - Duration::days(STORY_DAYS),
                now + Duration::seconds(1),
                STORIES_SHOWN,
            )
            .await?;
        let stamp = |t: DateTime<Utc>| t.fixed_offset();
        let updated = stories.iter().map(|s| s.updated_at).max();
        let page_url = site.url(&format!("/g/{}/stories", group.name));
        let link = |href: String, rel: &str, mime: &str| Link {
            href,
            rel: rel.to_string(),
            mime_type: Some(mime.to_string()),
            ..Link::default()
        };
        let entries: Vec<Entry> = stories
            .iter()
            .map(|s| {
                let mut links = vec![link(
                    format!("{page_url}#s{}", s.id),
                    "alternate",
                    "text/html",
                )];
                if let Some(url) = pages::web_link(s.story.as_ref().and_then(|d| d.link.as_ref())) {
                    links.push(link(url, "related", "text/html"));
                }
                Entry {
                    title: Text::plain(pages::headline(&s.text)),
                    id: format!(
                        "tag:{},{}:story-{}",
                        uid_domain(&site),
                        s.created_at.format("%Y-%m-%d"),
                        s.id
                    ),
                    updated: stamp(s.updated_at),
                    published: Some(stamp(s.review.approved_at.unwrap_or(s.created_at))),
                    // Named as the teller chose; anonymous stories are the
                    // group's.
                    authors: vec![Person {
                        name: group.shown_name(s).unwrap_or_else(|| group.title.clone()),
                        ..Person::default()
                    }],
                    links,
                    content: Some(Content {
                        value: Some(s.text.clone()),
                        content_type: Some("text".to_string()),
                        ..Content::default()
                    }),
                    ..Entry::default()
                }
            })
            .collect();
        let feed = Feed {
            title: Text::plain(format!(
                "{} – {}",
                group.title,
                tr(lang, "web_stories", &[])
            )),
            id: site.url(&format!("/g/{}/stories.atom", group.name)),
            updated: stamp(updated.unwrap_or(now)),
            links: vec![
                link(
                    site.url(&format!("/g/{}/stories.atom", group.name)),
                    "self",
                    "application/atom+xml",
                ),
                link(page_url.clone(), "alternate", "text/html"),
            ],
            lang: Some(lang.code().to_string()),
            entries,
            ..Feed::default()
        };
        Ok(cached(
            &headers,
            "application/atom+xml; charset=utf-8",
            feed.to_string(),
            updated,
        ))
    }
    .await;
    answer(&site, lang, page)
}

/// `/g/{group}/places.geojson`: the town's places as a GeoJSON
/// FeatureCollection (longitude first, as RFC 7946 says).
pub(crate) async fn places_geojson(
    State(site): State<Arc<Site>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    let lang = language(&site, &headers, &query);
    let page = async {
        let (_, group) = site.group(&name).ok_or(Failure::NotFound)?;
        site.load_places().await?;
        let features: Vec<serde_json::Value> = site
            .places()
            .into_iter()
            .filter_map(|p| {
                let (lat, lon) = p.point?;
                Some(serde_json::json!({
                    "type": "Feature",
                    "geometry": { "type": "Point", "coordinates": [lon, lat] },
                    "properties": {
                        "name": p.name,
                        "aliases": p.aliases,
                        "kind": p.kind.map(|k| k.as_str()),
                        "address": p.address,
                        "anchor": pages::anchor(&p.name),
                        "url": site.url(&format!("/g/{}/places#{}", group.name, pages::anchor(&p.name))),
                    },
                }))
            })
            .collect();
        let body = serde_json::json!({ "type": "FeatureCollection", "features": features }).to_string();
        Ok(cached(&headers, "application/geo+json", body, None))
    }
    .await;
    answer(&site, lang, page)
}
