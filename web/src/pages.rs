//! The HTML pages: a group's calendar (with filters), one event, the
//! stories, the places, "about and join", the embed, and the error pages.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use minijinja::context;
use serde::Serialize;
use vores_bot::civil::{day_bounds, local_today};
use vores_bot::community::Group;
use vores_bot::format;
use vores_bot::lang::{Language, texts, tr};
use vores_bot::model::{Platform, Submission, SubmissionKind};
use vores_bot::understand::about::{Tag, tags_of};

use crate::{Failure, Site, TownPlace, cached, language};

/// How far ahead the calendar looks when no day is chosen.
pub(crate) const CALENDAR_DAYS: i64 = 28;
/// How many one-off events one page lists at most.
const PAGE_EVENTS: u32 = 400;

pub(crate) fn templates() -> minijinja::Environment<'static> {
    let mut env = minijinja::Environment::new();
    // `.html` names turn on HTML escaping of every value.
    for (name, source) in [
        ("base.html", include_str!("../templates/base.html")),
        (
            "event_item.html",
            include_str!("../templates/event_item.html"),
        ),
        ("calendar.html", include_str!("../templates/calendar.html")),
        ("event.html", include_str!("../templates/event.html")),
        ("stories.html", include_str!("../templates/stories.html")),
        ("places.html", include_str!("../templates/places.html")),
        ("about.html", include_str!("../templates/about.html")),
        ("index.html", include_str!("../templates/index.html")),
        ("error.html", include_str!("../templates/error.html")),
        ("embed.html", include_str!("../templates/embed.html")),
    ] {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("template {name} does not parse: {e}"));
    }
    env
}

type Params = Query<HashMap<String, String>>;

/// What every page shows around its content.
#[derive(Serialize)]
struct Frame {
    lang: &'static str,
    /// `rtl` for Arabic: the page reads right to left.
    dir: &'static str,
    tx: BTreeMap<String, String>,
    site_title: String,
    home_href: String,
    /// This page in each of the other languages, named in itself.
    languages: Vec<LanguageLink>,
    group: Option<GroupLink>,
    nav: Vec<NavItem>,
}

#[derive(Serialize)]
struct LanguageLink {
    code: &'static str,
    name: &'static str,
    href: String,
}

#[derive(Serialize)]
struct GroupLink {
    name: String,
    title: String,
}

#[derive(Serialize)]
struct NavItem {
    href: String,
    label: String,
    current: bool,
}

/// One event (or one occurrence of a regular activity) as a page lists it.
#[derive(Serialize)]
pub(crate) struct EventView {
    pub id: i64,
    pub title: String,
    pub day: String,
    pub time: String,
    pub place: Option<String>,
    pub repeats: Option<String>,
    pub href: String,
    pub url: String,
    pub ics_href: String,
    pub map_href: Option<String>,
    pub text: String,
    pub interested: Option<String>,
}

impl Site {
    fn frame(&self, lang: Language, group: Option<&Group>, current: &str, path: &str) -> Frame {
        let tx = texts(lang, "web_");
        let nav = group.map_or_else(Vec::new, |g| {
            [
                ("", "calendar"),
                ("/stories", "stories"),
                ("/places", "places"),
                ("/about", "about"),
            ]
            .into_iter()
            .map(|(suffix, key)| NavItem {
                href: format!("/g/{}{suffix}?lang={}", g.name, lang.code()),
                label: tx.get(key).cloned().unwrap_or_default(),
                current: key == current,
            })
            .collect()
        });
        Frame {
            lang: lang.code(),
            dir: if lang.is_rtl() { "rtl" } else { "ltr" },
            site_title: group.map_or_else(
                || self.community.groups[0].title.clone(),
                |g| g.title.clone(),
            ),
            home_href: group.map_or_else(
                || format!("/?lang={}", lang.code()),
                |g| format!("/g/{}?lang={}", g.name, lang.code()),
            ),
            languages: Language::all()
                .into_iter()
                .filter(|other| *other != lang)
                .map(|other| LanguageLink {
                    code: other.code(),
                    name: other.native_name(),
                    href: format!("{path}?lang={}", other.code()),
                })
                .collect(),
            group: group.map(|g| GroupLink {
                name: g.name.clone(),
                title: g.title.clone(),
            }),
            nav,
            tx,
        }
    }

    fn render(&self, template: &str, ctx: minijinja::Value) -> Result<String, Failure> {
        self.templates
            .get_template(template)
            .and_then(|t| t.render(ctx))
            .map_err(|e| Failure::Internal(format!("template {template}: {e:#}")))
    }

    /// An event as pages show it, in `lang`.
    pub(crate) fn event_view(&self, group: &Group, s: &Submission, lang: Language) -> EventView {
        let today = local_today(self.tz, self.clock.now());
        let event = s.event.as_ref();
        let start = event.and_then(|e| e.starts_at);
        let day = start.map_or_else(String::new, |t| {
            format::date_near(lang, t.with_timezone(&self.tz).date_naive(), today)
        });
        let place = location(s).map(|p| self.place_name(p));
        let repeats = event
            .and_then(|e| e.draft.repeat.as_ref())
            .map(|rule| format::repeat(lang, rule, today));
        let map_href = place.as_deref().and_then(|p| self.place_named(p)).map(|p| {
            format!(
                "/g/{}/places?lang={}#{}",
                group.name,
                lang.code(),
                anchor(&p.name)
            )
        });
        let href = format!("/g/{}/e/{}?lang={}", group.name, s.id, lang.code());
        EventView {
            id: s.id,
            title: s.title().to_string(),
            day,
            time: format::event_time(lang, s, self.tz),
            place,
            repeats,
            url: self.url(&format!("/g/{}/e/{}", group.name, s.id)),
            ics_href: format!("/g/{}/e/{}.ics", group.name, s.id),
            href,
            map_href,
            text: s.text.clone(),
            interested: (s.interested > 0).then(|| {
                tr(
                    lang,
                    "web_interested",
                    &[("count", &s.interested.to_string())],
                )
            }),
        }
    }

    /// How a place is shown: a known place by its own name ("glashuset"
    /// is Glashuset), anything else as the resident wrote it.
    pub(crate) fn place_name(&self, written: &str) -> String {
        self.place_named(written)
            .map_or_else(|| written.trim().to_string(), |p| p.name.clone())
    }

    /// A known place by one of its names, ignoring case and a leading
    /// "i"/"på" ("i Glashuset" is Glashuset, "hundeskoven" Hundeskoven).
    pub(crate) fn place_named(&self, written: &str) -> Option<TownPlace> {
        let wanted = written.trim().to_lowercase();
        self.places().into_iter().find(|p| {
            std::iter::once(&p.name)
                .chain(p.aliases.iter())
                .any(|name| {
                    let name = name.to_lowercase();
                    wanted == name
                        || contains_words(&wanted, &name)
                        || vores_bot::understand::places::same_place(&wanted, &name)
                })
        })
    }
}

/// Whether `text` holds the words of `name`, in order, as whole words ("i
/// Glashuset" holds "Glashuset"; "Vejleåparken" does not hold "Park").
fn contains_words(text: &str, name: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (text, name) = (words(text), words(name));
    !name.is_empty() && text.windows(name.len()).any(|w| w == name.as_slice())
}

/// An HTML page that may be cached (see [`cached`]).
fn html(headers: &HeaderMap, body: String, changed: Option<DateTime<Utc>>) -> Response {
    cached(headers, "text/html; charset=utf-8", body, changed)
}

/// An id for a place's list entry ("Ishøj Strand" → "sted-ishøj-strand").
pub(crate) fn anchor(name: &str) -> String {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("place-{}", slug.trim_matches('-'))
}

/// The newest change among what a page shows.
fn newest<'a>(items: impl IntoIterator<Item = &'a Submission>) -> Option<DateTime<Utc>> {
    items.into_iter().map(|s| s.updated_at).max()
}

impl Failure {
    /// The visitor's page for a failure.
    fn page(self, site: &Site, lang: Language) -> Response {
        let (status, heading, message) = match self {
            Failure::NotFound => (
                StatusCode::NOT_FOUND,
                tr(lang, "web_not_found_title", &[]),
                tr(lang, "web_not_found", &[]),
            ),
            Failure::BadRequest(message) => (
                StatusCode::BAD_REQUEST,
                tr(lang, "web_bad_request_title", &[]),
                message,
            ),
            Failure::Internal(e) => {
                tracing::error!(error = %e, "a web page failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    tr(lang, "web_error_title", &[]),
                    tr(lang, "web_error", &[]),
                )
            }
        };
        let frame = site.frame(lang, None, "", "/");
        let body = site
            .render(
                "error.html",
                context! { heading, message, ..minijinja::Value::from_serialize(&frame) },
            )
            .unwrap_or_else(|_| tr(lang, "web_error", &[]));
        (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            body,
        )
            .into_response()
    }
}

/// Runs a page and turns its failure into the visitor's error page.
pub(crate) fn answer(site: &Site, lang: Language, page: Result<Response, Failure>) -> Response {
    page.unwrap_or_else(|failure| failure.page(site, lang))
}

pub(crate) async fn not_found(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    let lang = language(&site, &headers, &query);
    Failure::NotFound.page(&site, lang)
}

/// The front page: one group goes straight to its calendar, several are
/// listed.
pub(crate) async fn index(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    let lang = language(&site, &headers, &query);
    let suffix = query
        .get("lang")
        .map(|_| format!("?lang={}", lang.code()))
        .unwrap_or_default();
    if site.community.groups.len() == 1 {
        let first = &site.community.groups[0].name;
        return Redirect::to(&format!("/g/{first}{suffix}")).into_response();
    }
    let groups: Vec<_> = site
        .community
        .groups
        .iter()
        .map(|g| context! { href => format!("/g/{}?lang={}", g.name, lang.code()), title => g.title.clone() })
        .collect();
    let frame = site.frame(lang, None, "", "/");
    let page = site
        .render(
            "index.html",
            context! { groups, ..minijinja::Value::from_serialize(&frame) },
        )
        .map(|body| html(&headers, body, None));
    answer(&site, lang, page)
}

/// Style sheet and map script, compiled in.
pub(crate) async fn static_file(Path(file): Path<String>) -> Response {
    let (body, content_type) = match file.as_str() {
        "style.css" => (
            include_str!("../static/style.css"),
            "text/css; charset=utf-8",
        ),
        "map.js" => (
            include_str!("../static/map.js"),
            "text/javascript; charset=utf-8",
        ),
        "icon.svg" => (include_str!("../static/icon.svg"), "image/svg+xml"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// The calendar's filters, read from the address.
struct Filters {
    day: Option<NaiveDate>,
    place: Option<String>,
    tag: Option<Tag>,
}

fn filters(query: &HashMap<String, String>, lang: Language) -> Result<Filters, Failure> {
    let given = |key: &str| query.get(key).map(|v| v.trim()).filter(|v| !v.is_empty());
    let day = match given("day") {
        Some(text) => Some(
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map_err(|_| Failure::BadRequest(tr(lang, "web_bad_day", &[("value", text)])))?,
        ),
        None => None,
    };
    let tag = match given("tag") {
        Some(text) => Some(
            Tag::ALL
                .into_iter()
                .find(|t| t.as_str() == text)
                .ok_or_else(|| Failure::BadRequest(tr(lang, "web_bad_tag", &[("value", text)])))?,
        ),
        None => None,
    };
    Ok(Filters {
        day,
        place: given("place").map(str::to_string),
        tag,
    })
}

/// Whether an event has a tag, read from its own words (as questions by
/// topic read them).
pub(crate) fn has_tag(s: &Submission, tag: Tag) -> bool {
    let place = s
        .event
        .as_ref()
        .and_then(|e| e.draft.location.as_deref())
        .unwrap_or("");
    tags_of(&format!("{} {place} {}", s.title(), s.text)).contains(&tag)
}

pub(crate) fn location(s: &Submission) -> Option<&str> {
    s.event
        .as_ref()
        .and_then(|e| e.draft.location.as_deref())
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

pub(crate) async fn calendar(
    State(site): State<Arc<Site>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    let lang = language(&site, &headers, &query);
    let page = async {
        let (index, group) = site.group(&name).ok_or(Failure::NotFound)?;
        let chosen = filters(&query, lang)?;
        site.load_places().await?;
        let now = site.clock.now();
        let today = local_today(site.tz, now);
        let (from, to) = match chosen.day {
            Some(day) => day_bounds(site.tz, day),
            None => (now, day_bounds(site.tz, today + Duration::days(CALENDAR_DAYS)).1),
        };
        let (events, more) = site.view(index).events_in(from, to, PAGE_EVENTS).await?;
        let place_options: BTreeSet<String> = events
            .iter()
            .filter_map(location)
            .map(|p| site.place_name(p))
            .collect();
        let shown: Vec<&Submission> = events
            .iter()
            .filter(|s| {
                chosen.place.as_deref().is_none_or(|wanted| {
                    location(s).is_some_and(|l| {
                        site.place_name(l).to_lowercase() == wanted.to_lowercase()
                    })
                })
            })
            .filter(|s| chosen.tag.is_none_or(|tag| has_tag(s, tag)))
            .collect();
        let mut days: Vec<(NaiveDate, Vec<EventView>)> = Vec::new();
        for s in &shown {
            let Some(start) = s.event.as_ref().and_then(|e| e.starts_at) else {
                continue;
            };
            // An event that began before the window (under way) is listed on
            // the window's first day.
            let day = start.with_timezone(&site.tz).date_naive().max(from.with_timezone(&site.tz).date_naive());
            let view = site.event_view(group, s, lang);
            match days.last_mut() {
                Some((last, list)) if *last == day => list.push(view),
                _ => days.push((day, vec![view])),
            }
        }
        days.sort_by_key(|(day, _)| *day);
        let days: Vec<_> = days
            .into_iter()
            .map(|(day, events)| {
                let label = format::capitalised(&format::date_near(lang, day, today));
                context! { iso => day.to_string(), label, events }
            })
            .collect();
        let tag_options: Vec<_> = Tag::ALL
            .iter()
            .map(|t| {
                context! { value => t.as_str(), label => format::capitalised(&tr(lang, &format!("tag_{}", t.as_str()), &[])) }
            })
            .collect();
        let frame = site.frame(lang, Some(group), "calendar", &format!("/g/{}", group.name));
        let body = site.render(
            "calendar.html",
            context! {
                intro => tr(lang, "web_upcoming_intro", &[("title", &group.title)]),
                days,
                more,
                filtered => chosen.place.is_some() || chosen.tag.is_some(),
                filters => context! {
                    day => chosen.day.map(|d| d.to_string()).unwrap_or_default(),
                    place => chosen.place.clone().unwrap_or_default(),
                    tag => chosen.tag.map(|t| t.as_str()).unwrap_or_default(),
                },
                place_options,
                tag_options,
                ..minijinja::Value::from_serialize(&frame),
            },
        )?;
        Ok(html(&headers, body, newest(shown.iter().copied())))
    }
    .await;
    answer(&site, lang, page)
}

/// `/g/{group}/e/{id}` is the event's page, `/g/{group}/e/{id}.ics` the
/// same event for a calendar app.
pub(crate) async fn event(
    State(site): State<Arc<Site>>,
    Path((name, item)): Path<(String, String)>,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    let lang = language(&site, &headers, &query);
    let page = async {
        let (index, group) = site.group(&name).ok_or(Failure::NotFound)?;
        let (number, ics) = match item.strip_suffix(".ics") {
            Some(number) => (number, true),
            None => (item.as_str(), false),
        };
        let id: i64 = number
            .parse()
            .map_err(|_| Failure::BadRequest(tr(lang, "web_bad_item", &[("value", number)])))?;
        let s = site
            .view(index)
            .item(id)
            .await?
            .filter(|s| s.kind == SubmissionKind::Event)
            .ok_or(Failure::NotFound)?;
        site.load_places().await?;
        if ics {
            let body = crate::feeds::calendar_of(&site, group, std::slice::from_ref(&s));
            return Ok(cached(
                &headers,
                "text/calendar; charset=utf-8",
                body,
                Some(s.updated_at),
            ));
        }
        let now = site.clock.now();
        let today = local_today(site.tz, now);
        // A regular activity: its next few times, cancelled days left out.
        let next_times: Vec<String> = match s.event.as_ref().and_then(|e| e.draft.repeat.as_ref()) {
            Some(_) => {
                vores_bot::store::occurrences_between(&s, site.tz, now, now + Duration::days(120))
                    .iter()
                    .take(6)
                    .filter_map(|o| {
                        let start = o.event.as_ref()?.starts_at?;
                        let day = format::date_near(
                            lang,
                            start.with_timezone(&site.tz).date_naive(),
                            today,
                        );
                        Some(format!("{day}, {}", format::event_time(lang, o, site.tz)))
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        let view = site.event_view(group, &s, lang);
        let frame = site.frame(
            lang,
            Some(group),
            "calendar",
            &format!("/g/{}/e/{id}", group.name),
        );
        let body = site.render(
            "event.html",
            context! { e => view, next_times, ..minijinja::Value::from_serialize(&frame) },
        )?;
        Ok(html(&headers, body, Some(s.updated_at)))
    }
    .await;
    answer(&site, lang, page)
}

/// How far back the stories page and feed reach.
pub(crate) const STORY_DAYS: i64 = 365;
/// How many stories they show.
pub(crate) const STORIES_SHOWN: usize = 50;

/// A link a resident gave, only when it is a web address (never
/// `javascript:` or anything a browser would run).
pub(crate) fn web_link(link: Option<&String>) -> Option<String> {
    link.filter(|l| l.starts_with("https://") || l.starts_with("http://"))
        .cloned()
}

/// A story's headline (the same as the communication team's drafts).
pub(crate) fn headline(text: &str) -> String {
    vores_bot::drafts::headline(text)
}

/// Who told a story, as the teller and the group chose: their name (or
/// first name), or nobody's when they asked to be anonymous.
pub(crate) fn told_by(group: &Group, s: &Submission, lang: Language) -> String {
    match group.shown_name(s) {
        Some(name) => tr(lang, "web_story_by", &[("name", &name)]),
        None => tr(lang, "web_story_anonymous", &[]),
    }
}

pub(crate) async fn stories(
    State(site): State<Arc<Site>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    let lang = language(&site, &headers, &query);
    let page = async {
        let (index, group) = site.group(&name).ok_or(Failure::NotFound)?;
        let now = site.clock.now();
        let today = local_today(site.tz, now);
        let found = site
            .view(index)
            .stories(now - Duration::days(STORY_DAYS), now + Duration::seconds(1), STORIES_SHOWN)
            .await?;
        let stories: Vec<_> = found
            .iter()
            .map(|s| {
                let shown = s.review.approved_at.unwrap_or(s.created_at);
                context! {
                    id => s.id,
                    headline => headline(&s.text),
                    text => s.text.clone(),
                    date => format::date_near(lang, shown.with_timezone(&site.tz).date_naive(), today),
                    by => told_by(group, s, lang),
                    link => web_link(s.story.as_ref().and_then(|d| d.link.as_ref())),
                    photo => web_link(
                        s.story
                            .as_ref()
                            .and_then(|d| d.shown_photo().map(str::to_string))
                            .as_ref()
                    ),
                }
            })
            .collect();
        let frame = site.frame(lang, Some(group), "stories", &format!("/g/{}/stories", group.name));
        let body = site.render(
            "stories.html",
            context! { stories, ..minijinja::Value::from_serialize(&frame) },
        )?;
        Ok(html(&headers, body, newest(&found)))
    }
    .await;
    answer(&site, lang, page)
}

/// An OpenStreetMap link to a point.
pub(crate) fn osm_link(lat: f64, lon: f64) -> String {
    vores_bot::understand::places::map_link(lat, lon)
}

pub(crate) async fn places(
    State(site): State<Arc<Site>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    let lang = language(&site, &headers, &query);
    let page = async {
        let (index, group) = site.group(&name).ok_or(Failure::NotFound)?;
        let now = site.clock.now();
        let (events, _) = site
            .view(index)
            .events_in(now, now + Duration::days(CALENDAR_DAYS), PAGE_EVENTS)
            .await?;
        site.load_places().await?;
        let town = site.places();
        let places: Vec<_> = town
            .iter()
            .map(|place| {
                let here: Vec<EventView> = events
                    .iter()
                    .filter(|s| {
                        location(s)
                            .and_then(|l| site.place_named(l))
                            .is_some_and(|p| p.name == place.name)
                    })
                    .take(10)
                    .map(|s| site.event_view(group, s, lang))
                    .collect();
                let map = place
                    .point
                    .map(|(lat, lon)| osm_link(lat, lon))
                    .or_else(|| web_link(place.link.as_ref()));
                context! {
                    name => place.name.clone(),
                    anchor => anchor(&place.name),
                    aliases => place.aliases.join(", "),
                    kind => place.kind.map(|k| format::capitalised(&tr(lang, &format!("place_kind_{}", k.as_str()), &[]))),
                    address => place.address.clone(),
                    osm => map,
                    events => here,
                }
            })
            .collect();
        let map = site
            .config
            .map
            .script
            .as_ref()
            .zip(site.config.map.style.as_ref())
            .map(|(script, style)| {
                context! {
                    script => script.clone(),
                    style => style.clone(),
                    tiles => site.config.map.tiles.clone().unwrap_or_default(),
                    attribution => site.config.map.attribution.clone(),
                }
            });
        let map = map.filter(|_| town.iter().any(|p| p.point.is_some()));
        let frame = site.frame(
            lang,
            Some(group),
            "places",
            &format!("/g/{}/places", group.name),
        );
        let body = site.render(
            "places.html",
            context! { places, map, ..minijinja::Value::from_serialize(&frame) },
        )?;
        Ok(html(&headers, body, None))
    }
    .await;
    answer(&site, lang, page)
}

pub(crate) async fn about(
    State(site): State<Arc<Site>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    let lang = language(&site, &headers, &query);
    let page = async {
        let (_, group) = site.group(&name).ok_or(Failure::NotFound)?;
        let mut by_platform: BTreeMap<Platform, Vec<minijinja::Value>> = BTreeMap::new();
        for channel in &group.channels {
            // The console is the operator's own terminal, not a place to join.
            if channel.conversation.platform == Platform::Console {
                continue;
            }
            by_platform
                .entry(channel.conversation.platform)
                .or_default()
                .push(context! {
                    name => channel.name.clone(),
                    join => site.joins.get(&channel.conversation).cloned(),
                });
        }
        let platforms: Vec<_> = by_platform
            .into_iter()
            .map(|(platform, channels)| {
                context! {
                    heading => tr(lang, "web_platform_channels", &[("platform", &format::platform(lang, platform))]),
                    channels,
                }
            })
            .collect();
        let frame = site.frame(lang, Some(group), "about", &format!("/g/{}/about", group.name));
        let body = site.render(
            "about.html",
            context! {
                intro => tr(lang, "web_about_intro", &[("title", &group.title)]),
                platforms,
                ..minijinja::Value::from_serialize(&frame),
            },
        )?;
        Ok(html(&headers, body, None))
    }
    .await;
    answer(&site, lang, page)
}

/// The next events for the municipality's own site, in an `<iframe>`:
/// `/g/{group}/embed?n=5`.
pub(crate) async fn embed(
    State(site): State<Arc<Site>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    Query(query): Params,
) -> Response {
    let lang = language(&site, &headers, &query);
    let page = async {
        let (index, group) = site.group(&name).ok_or(Failure::NotFound)?;
        let count = match query.get("n").map(|n| n.trim()) {
            None | Some("") => 5,
            Some(text) => text
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=20).contains(n))
                .ok_or_else(|| {
                    Failure::BadRequest(tr(lang, "web_bad_count", &[("value", text)]))
                })?,
        };
        site.load_places().await?;
        let now = site.clock.now();
        let (events, _) = site
            .view(index)
            .events_in(now, now + Duration::days(90), PAGE_EVENTS)
            .await?;
        let shown: Vec<EventView> = events
            .iter()
            .filter(|s| {
                s.event
                    .as_ref()
                    .and_then(|e| e.starts_at)
                    .is_some_and(|t| t >= now)
            })
            .take(count)
            .map(|s| site.event_view(group, s, lang))
            .collect();
        let frame = site.frame(lang, Some(group), "", &format!("/g/{}/embed", group.name));
        let body = site.render(
            "embed.html",
            context! {
                events => shown,
                calendar_url => site.url(&format!("/g/{}?lang={}", group.name, lang.code())),
                ..minijinja::Value::from_serialize(&frame),
            },
        )?;
        Ok(html(&headers, body, newest(events.iter().take(count))))
    }
    .await;
    answer(&site, lang, page)
}
