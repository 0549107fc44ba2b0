//! Every route of the web calendar against a real database (SQLite here,
//! PostgreSQL when `VORES_TEST_POSTGRES_URL` is set): status, content type,
//! caching headers, only approved content of the right group, no names
//! without consent, HTML escaping; and the iCalendar and Atom feeds read
//! back by independent parsers (Python's icalendar and feedparser, through
//! tests/feeds/read_feed.py, when `VORES_TEST_FEED_READER` is set) with the
//! right local times on both sides of a DST switch.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use http_body_util::BodyExt;
use tower::ServiceExt;
use vores_bot::model::{
    ConversationRef, EventDetails, NewOutboxItem, NewSubmission, Origin, Platform, Status,
    StoryDetails, SubmissionKind, UserRef,
};
use vores_bot::recurrence::Moved;
use vores_bot::render::Doc;
use vores_bot::understand::{Context, event_draft};
use vores_bot::{FixedClock, Language, Store};
use vores_config::Config;
use vores_storage::Database;

const CONFIG: &str = r##"
timezone = "Europe/Copenhagen"

[[groups]]
name = "ishoj"
title = "Vores Ishøj"

[[groups]]
name = "brondby"
title = "Brøndby Strand"

[[channels]]
platform = "telegram"
id = "-100"
name = "Vores Ishøj på Telegram"
group = "ishoj"
join = "https://t.me/+IshojInvite"

[[channels]]
platform = "matrix"
id = "!torv:example.org"
name = "#torvet:example.org"
group = "ishoj"

[[channels]]
platform = "discord"
id = "300"
name = "brondby-strand"
group = "brondby"

[[places]]
name = "Glashuset"
aliases = ["glashuset i bycentret"]
lat = 55.6153
lon = 12.3587

[[places]]
name = "Ishøj Bibliotek"
aliases = ["biblioteket"]
lat = 55.6155
lon = 12.3560

[web]
public_url = "https://kalender.ishoj.example"
"##;

/// Wednesday 25 March 2026, noon in Copenhagen: the DST switch is early on
/// Sunday the 29th.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 25, 11, 0, 0).unwrap()
}

fn telegram() -> ConversationRef {
    ConversationRef {
        platform: Platform::Telegram,
        id: "-100".to_string(),
    }
}

fn discord() -> ConversationRef {
    ConversationRef {
        platform: Platform::Discord,
        id: "300".to_string(),
    }
}

fn origin(conversation: ConversationRef, author: &str, name: &str, message: &str) -> Origin {
    Origin {
        author: UserRef {
            platform: conversation.platform,
            id: author.to_string(),
        },
        conversation,
        message_id: Some(message.to_string()),
        author_name: name.to_string(),
    }
}

/// What the seeded database holds, by number.
struct Seeded {
    before_dst: i64,
    after_dst: i64,
    pending: i64,
    rejected: i64,
    script: i64,
    series: i64,
    other_group: i64,
    named_story: i64,
    anonymous_story: i64,
}

/// Saves events as residents wrote them, read by the bot's own parser.
async fn event(
    db: &Database,
    conversation: ConversationRef,
    text: &str,
    status: Status,
    n: &str,
) -> i64 {
    let tz = chrono_tz::Europe::Copenhagen;
    let ctx = Context {
        now: now(),
        tz,
        fallback: Language::Da,
    };
    let draft = event_draft(text, &ctx);
    assert!(
        draft.is_complete(),
        "the parser must read {text:?}: {draft:?}"
    );
    let saved = db
        .insert_submission(&NewSubmission {
            kind: SubmissionKind::Event,
            status,
            origin: origin(conversation, &format!("u{n}"), "Birgitte Beboer", n),
            language: Language::Da,
            anonymous: false,
            text: text.to_string(),
            event: Some(EventDetails::from_draft(draft, tz)),
            story: None,
            place: None,
            created_at: now() - chrono::Duration::hours(2),
        })
        .await
        .expect("insert");
    saved.id
}

async fn story(db: &Database, name: &str, text: &str, anonymous: bool, n: &str) -> i64 {
    db.insert_submission(&NewSubmission {
        kind: SubmissionKind::Story,
        status: Status::Published,
        origin: origin(telegram(), &format!("u{n}"), name, n),
        language: Language::Da,
        anonymous,
        text: text.to_string(),
        event: None,
        story: Some(StoryDetails {
            link: Some("javascript:alert(1)".to_string()),
            photo: None,
        }),
        place: None,
        created_at: now() - chrono::Duration::days(1),
    })
    .await
    .expect("insert story")
    .id
}

async fn seed(db: &Database) -> Seeded {
    db.clear_all().await.expect("clear");
    let tg = telegram;
    let before_dst = event(
        db,
        tg(),
        "byttemarked i glashuset lør d 28/3 kl 19-21 😊",
        Status::Published,
        "1",
    )
    .await;
    let after_dst = event(
        db,
        tg(),
        "Koncert på biblioteket søndag d. 29/3 kl 19, gratis",
        Status::Published,
        "2",
    )
    .await;
    let pending = event(
        db,
        tg(),
        "Hemmeligt bestyrelsesmøde fredag 27/3 kl 10",
        Status::Pending,
        "3",
    )
    .await;
    let rejected = event(
        db,
        tg(),
        "Loppemarked der blev afvist torsdag 26/3 kl 12",
        Status::Rejected,
        "4",
    )
    .await;
    let script = event(
        db,
        tg(),
        "<script>alert(1)</script> fest i Glashuset torsdag 26/3 kl 17",
        Status::Published,
        "5",
    )
    .await;
    let series = event(
        db,
        tg(),
        "fællesspisning i Medborgerhuset hver torsdag kl 18, pris 40 kr",
        Status::Published,
        "6",
    )
    .await;
    // One Thursday cancelled, one moved to the Friday at 17.
    let mut s = db.submission(series).await.unwrap().unwrap();
    let rule = s.event.as_mut().unwrap().draft.repeat.as_mut().unwrap();
    rule.except
        .push(NaiveDate::from_ymd_opt(2026, 4, 2).unwrap());
    rule.moved.push(Moved {
        from: NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 4, 10).unwrap(),
        start: chrono::NaiveTime::from_hms_opt(17, 0, 0),
        end: None,
    });
    s.updated_at = now() - chrono::Duration::hours(1);
    db.update_submission(&s).await.unwrap();
    let other_group = event(
        db,
        discord(),
        "Strandrens i Brøndby lørdag 28/3 kl 10",
        Status::Published,
        "7",
    )
    .await;
    for (name, status, n) in [
        ("Hundeskoven", Status::Published, "10"),
        ("Hemmeligt sted", Status::Pending, "11"),
    ] {
        db.insert_submission(&NewSubmission {
            kind: SubmissionKind::Place,
            status,
            origin: origin(tg(), &format!("u{n}"), "Lone Larsen", n),
            language: Language::Da,
            anonymous: false,
            text: format!("nyt sted: {name} ved Ishøj Strand"),
            event: None,
            story: None,
            place: Some(vores_bot::model::PlaceDetails {
                name: name.to_string(),
                kind: Some(vores_bot::understand::places::PlaceKind::DogPark),
                lat: Some(55.608),
                lon: Some(12.37),
                address: Some("ved Ishøj Strand".to_string()),
                link: None,
            }),
            created_at: now() - chrono::Duration::days(2),
        })
        .await
        .expect("insert place");
    }
    event(
        db,
        tg(),
        "hundeluftning i hundeskoven søndag 29/3 kl 10",
        Status::Published,
        "12",
    )
    .await;
    let named_story = story(
        db,
        "Lone Larsen",
        "Café Solstrålen fejrede 1 år med kage til alle. Tak!",
        false,
        "8",
    )
    .await;
    let anonymous_story = story(
        db,
        "Hans Hemmelig",
        "Min nabo hjalp mig med sneen i morges",
        true,
        "9",
    )
    .await;
    db.enqueue(
        &NewOutboxItem {
            conversation: tg(),
            reply_to: None,
            thread: None,
            doc: Doc::new(),
            dedupe_key: None,
            private_to: None,
        },
        now() - chrono::Duration::minutes(5),
    )
    .await
    .unwrap();
    Seeded {
        before_dst,
        after_dst,
        pending,
        rejected,
        script,
        series,
        other_group,
        named_story,
        anonymous_story,
    }
}

struct Web {
    app: axum::Router,
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Web {
    fn new(db: Arc<Database>) -> Web {
        let config = Config::parse(CONFIG).expect("config");
        let community = Arc::new(config.community(&[]));
        let joins = config
            .channels
            .iter()
            .filter_map(|c| Some((c.conversation.clone(), c.join.clone()?)))
            .collect();
        let site = vores_web::Site::new(
            db,
            community,
            Arc::new(FixedClock(now())),
            config.timezone,
            config.web.clone().expect("[web]"),
            joins,
            vores_web::Running::default(),
        );
        Web {
            app: vores_web::router(Arc::new(site)),
        }
    }

    async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut request = Request::builder().uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = self
            .app
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Answer {
            status,
            headers,
            // minijinja escapes "/" in HTML as well (harmless, and what a
            // browser reads as "/"); the checks read it as a browser does.
            body: String::from_utf8(bytes.to_vec())
                .expect("UTF-8")
                .replace("&#x2f;", "/"),
        }
    }

    async fn get(&self, path: &str) -> Answer {
        self.get_with(path, &[]).await
    }
}

impl Answer {
    fn ok(self, content_type: &str) -> Answer {
        assert_eq!(self.status, StatusCode::OK, "{}", self.body);
        let got = self.headers[header::CONTENT_TYPE].to_str().unwrap();
        assert!(
            got.starts_with(content_type),
            "content type {got}, wanted {content_type}"
        );
        self
    }

    fn header(&self, name: header::HeaderName) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }
}

/// Titles that must never be on a page of Vores Ishøj.
const NEVER: &[&str] = &[
    "Hemmeligt",
    "afvist",
    "Strandrens",
    "Hans Hemmelig",
    "<script>",
    "javascript:",
];

fn none_of(body: &str, forbidden: &[&str]) {
    for f in forbidden {
        assert!(!body.contains(f), "{f:?} must not be shown:\n{body}");
    }
}

async fn every_route(db: Arc<Database>) {
    let seeded = seed(&db).await;
    let web = Web::new(db);

    // The front page lists both groups.
    let index = web.get("/").await.ok("text/html");
    assert!(index.body.contains("Vores Ishøj") && index.body.contains("Brøndby Strand"));

    // The calendar: by day, approved only, escaped, cacheable.
    let calendar = web.get("/g/ishoj").await.ok("text/html");
    for shown in [
        "Byttemarked",
        "Koncert",
        "Fællesspisning",
        "Lørdag 28. marts",
        "Søndag 29. marts",
        "kl. 19.00–21.00",
        "hver torsdag",
    ] {
        assert!(
            calendar.body.contains(shown),
            "{shown:?} missing:\n{}",
            calendar.body
        );
    }
    assert!(
        calendar.body.contains("&lt;script&gt;alert(1)&lt;"),
        "the title is escaped"
    );
    none_of(&calendar.body, NEVER);
    assert!(calendar.body.contains("<html lang=\"da\" dir=\"ltr\">"));
    // Every other language is offered, named in itself.
    for (code, name) in [
        ("en", "English"),
        ("tr", "Türkçe"),
        ("ar", "العربية"),
        ("uk", "Українська"),
    ] {
        assert!(
            calendar.body.contains(&format!(
                "?lang={code}\" lang=\"{code}\" hreflang=\"{code}\">{name}</a>"
            )),
            "no link to {code}"
        );
    }
    let etag = calendar.header(header::ETAG).expect("ETag").to_string();
    assert!(calendar.header(header::LAST_MODIFIED).is_some());
    assert!(
        calendar
            .header(header::CACHE_CONTROL)
            .unwrap()
            .contains("max-age")
    );
    let again = web.get_with("/g/ishoj", &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    // A date alone never answers 304: a withdrawn event leaves the page
    // without making anything on it newer.
    let since = calendar.header(header::LAST_MODIFIED).unwrap().to_string();
    let again = web
        .get_with("/g/ishoj", &[("if-modified-since", &since)])
        .await;
    assert_eq!(again.status, StatusCode::OK);

    // Languages: the browser's choice, and the switch.
    let english = web
        .get_with(
            "/g/ishoj",
            &[("accept-language", "en-GB,en;q=0.9,da;q=0.5")],
        )
        .await
        .ok("text/html");
    assert!(
        english.body.contains("<html lang=\"en\" dir=\"ltr\">")
            && english.body.contains("Saturday 28 March"),
        "{}",
        english.body
    );
    let danish = web
        .get_with("/g/ishoj?lang=da", &[("accept-language", "en")])
        .await
        .ok("text/html");
    assert!(danish.body.contains("Det sker"));
    // Arabic reads right to left; the residents' Danish titles keep their
    // own direction inside it.
    let arabic = web
        .get_with("/g/ishoj", &[("accept-language", "ar,en;q=0.5")])
        .await
        .ok("text/html");
    assert!(
        arabic.body.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        arabic.body
    );
    none_of(&arabic.body, NEVER);

    // Filters: a day, a place, a topic.
    let sunday = web.get("/g/ishoj?day=2026-03-29").await.ok("text/html");
    assert!(sunday.body.contains("Koncert") && !sunday.body.contains("Byttemarked"));
    let glashuset = web.get("/g/ishoj?place=Glashuset").await.ok("text/html");
    assert!(glashuset.body.contains("Byttemarked") && !glashuset.body.contains("Koncert"));
    let food = web.get("/g/ishoj?tag=food").await.ok("text/html");
    assert!(food.body.contains("Fællesspisning") && !food.body.contains("Byttemarked"));
    let free = web.get("/g/ishoj?tag=free").await.ok("text/html");
    assert!(free.body.contains("Koncert") && !free.body.contains("Fællesspisning"));

    // Bad input: a clear page, never a stack trace.
    let bad_day = web.get("/g/ishoj?day=29-03-2026").await;
    assert_eq!(bad_day.status, StatusCode::BAD_REQUEST);
    assert!(
        bad_day.body.contains("2026-12-05") && bad_day.body.contains("29-03-2026"),
        "{}",
        bad_day.body
    );
    let bad_tag = web.get("/g/ishoj?tag=%3Cb%3E").await;
    assert_eq!(bad_tag.status, StatusCode::BAD_REQUEST);
    assert!(bad_tag.body.contains("&lt;b&gt;") && !bad_tag.body.contains("<b>"));
    let unknown = web.get("/g/nowhere").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("Siden findes ikke"));
    assert_eq!(web.get("/no/such/page").await.status, StatusCode::NOT_FOUND);

    // One event's page, and only a published one of this group.
    let page = web
        .get(&format!("/g/ishoj/e/{}", seeded.before_dst))
        .await
        .ok("text/html");
    assert!(
        page.body.contains("Byttemarked")
            && page.body.contains("Glashuset")
            && page.body.contains(".ics"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("places"),
        "a known place links to the map"
    );
    none_of(&page.body, &["Birgitte"]);
    let series = web
        .get(&format!("/g/ishoj/e/{}", seeded.series))
        .await
        .ok("text/html");
    assert!(series.body.contains("De næste gange"), "{}", series.body);
    assert!(
        !series.body.contains("torsdag 2. april"),
        "the cancelled Thursday is not listed:\n{}",
        series.body
    );
    assert!(
        series.body.contains("fredag 10. april"),
        "the moved day is listed:\n{}",
        series.body
    );
    for hidden in [
        seeded.pending,
        seeded.rejected,
        seeded.other_group,
        seeded.named_story,
    ] {
        let answer = web.get(&format!("/g/ishoj/e/{hidden}")).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "#{hidden}");
        assert_eq!(
            web.get(&format!("/g/ishoj/e/{hidden}.ics")).await.status,
            StatusCode::NOT_FOUND
        );
    }
    assert_eq!(
        web.get("/g/ishoj/e/abc").await.status,
        StatusCode::BAD_REQUEST
    );
    let escaped = web
        .get(&format!("/g/ishoj/e/{}", seeded.script))
        .await
        .ok("text/html");
    assert!(!escaped.body.contains("<script>alert"));
    let one = web
        .get(&format!("/g/ishoj/e/{}.ics", seeded.after_dst))
        .await
        .ok("text/calendar");
    assert!(one.body.contains("SUMMARY:Koncert") && !one.body.contains("Byttemarked"));

    // Stories: names only with consent, links only when they are web links.
    let stories = web.get("/g/ishoj/stories").await.ok("text/html");
    assert!(stories.body.contains("Lone Larsen") && stories.body.contains("Café Solstrålen"));
    assert!(
        stories.body.contains("Min nabo hjalp mig")
            && stories.body.contains("Fortalt af en borger")
    );
    none_of(&stories.body, NEVER);
    let atom = web
        .get("/g/ishoj/stories.atom")
        .await
        .ok("application/atom+xml");
    assert!(atom.body.contains("Lone Larsen"));
    none_of(&atom.body, NEVER);
    assert!(atom.header(header::ETAG).is_some());

    // Feeds.
    let ics = web.get("/g/ishoj/events.ics").await.ok("text/calendar");
    assert!(
        ics.body.contains("BEGIN:VTIMEZONE") && ics.body.contains("RRULE:FREQ=WEEKLY;BYDAY=TH")
    );
    assert!(ics.body.contains(&format!(
        "UID:vores-{}@kalender.ishoj.example",
        seeded.before_dst
    )));
    none_of(&ics.body, &["Hemmeligt", "afvist", "Strandrens"]);
    let food_ics = web
        .get("/g/ishoj/events.ics?tag=food")
        .await
        .ok("text/calendar");
    assert!(food_ics.body.contains("Fællesspisning") && !food_ics.body.contains("Koncert"));
    assert_eq!(
        web.get("/g/ishoj/events.ics?tag=nope").await.status,
        StatusCode::BAD_REQUEST
    );
    let json = web.get("/g/ishoj/events.json").await.ok("application/json");
    let json: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    let titles: Vec<&str> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Byttemarked") && !titles.iter().any(|t| t.contains("Hemmeligt")));
    let byttemarked = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"] == "Byttemarked")
        .unwrap();
    assert_eq!(byttemarked["start"], "2026-03-28T19:00:00+01:00");
    assert_eq!(byttemarked["geo"], serde_json::json!([55.6153, 12.3587]));
    let koncert = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"] == "Koncert")
        .unwrap();
    assert_eq!(koncert["start"], "2026-03-29T19:00:00+02:00");
    let geo = web
        .get("/g/ishoj/places.geojson")
        .await
        .ok("application/geo+json");
    let geo: serde_json::Value = serde_json::from_str(&geo.body).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    assert_eq!(
        geo["features"][0]["geometry"]["coordinates"],
        serde_json::json!([12.3587, 55.6153]),
        "longitude first"
    );

    // Places, about, embed.
    let places = web.get("/g/ishoj/places").await.ok("text/html");
    // A place a resident added, with its kind and the event held there.
    assert!(
        places.body.contains("Hundeskoven")
            && places.body.contains("Hundeskov")
            && places.body.contains("Hundeluftning"),
        "{}",
        places.body
    );
    assert!(
        geo["features"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["properties"]["name"] == "Hundeskoven"
                && f["properties"]["kind"] == "dog_park")
    );
    assert!(
        places.body.contains("Glashuset")
            && places.body.contains("openstreetmap.org")
            && places.body.contains("Byttemarked")
    );
    let about = web.get("/g/ishoj/about").await.ok("text/html");
    assert!(
        about.body.contains("https://t.me/+IshojInvite")
            && about.body.contains("#torvet:example.org")
    );
    assert!(!about.body.contains("brondby-strand"));
    let embed = web.get("/g/ishoj/embed?n=2").await.ok("text/html");
    assert_eq!(
        embed.body.matches("class=\"event\"").count(),
        2,
        "{}",
        embed.body
    );
    assert!(
        embed.header(header::X_FRAME_OPTIONS).is_none(),
        "the embed may be framed"
    );
    assert!(calendar.header(header::X_FRAME_OPTIONS).is_some());
    assert!(
        embed
            .body
            .contains("https://kalender.ishoj.example/g/ishoj")
    );
    assert_eq!(
        web.get("/g/ishoj/embed?n=99").await.status,
        StatusCode::BAD_REQUEST
    );

    // Operations.
    let health = web.get("/healthz").await.ok("application/json");
    assert!(health.body.contains("\"status\":\"ok\""), "{}", health.body);
    let metrics = web.get("/metrics").await.ok("application/openmetrics-text");
    assert!(
        metrics
            .body
            .contains("vores_outbox_depth{platform=\"telegram\"} 1"),
        "{}",
        metrics.body
    );
    assert!(
        metrics
            .body
            .contains("vores_outbox_oldest_age_seconds{platform=\"telegram\"} 300"),
        "{}",
        metrics.body
    );
    assert_eq!(web.get("/static/style.css").await.status, StatusCode::OK);

    // Read back by parsers that are not ours.
    read_back(&web, &seeded).await;
    let _ = seeded.anonymous_story;
}

/// The feeds through tests/feeds/read_feed.py (Python's icalendar and
/// feedparser): the right local times across the DST switch, the rule and
/// its exceptions, the moved day.
async fn read_back(web: &Web, seeded: &Seeded) {
    let (Ok(python), Ok(reader)) = (
        std::env::var("VORES_TEST_PYTHON"),
        std::env::var("VORES_TEST_FEED_READER"),
    ) else {
        assert!(
            std::env::var("VORES_REQUIRE_FEED_PARSERS").is_err(),
            "VORES_REQUIRE_FEED_PARSERS is set but the reader is not: run under tests/with-feed-parsers.sh"
        );
        eprintln!(
            "*** vores-web: feeds not read back by an independent parser (run under tests/with-feed-parsers.sh) ***"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let read = |kind: &str, body: &str| -> serde_json::Value {
        let file = dir.path().join(format!("feed.{kind}"));
        std::fs::write(&file, body).unwrap();
        let out = std::process::Command::new(&python)
            .arg(&reader)
            .arg(kind)
            .arg(&file)
            .args(if kind == "ics" {
                &["--tz", "Europe/Copenhagen"][..]
            } else {
                &[]
            })
            .output()
            .expect("run read_feed.py");
        assert!(
            out.status.success(),
            "read_feed.py {kind}: {}\n{body}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let ics = web.get("/g/ishoj/events.ics").await.ok("text/calendar");
    let calendar = read("ics", &ics.body);
    assert_eq!(
        calendar["calendar"]["timezones"],
        serde_json::json!(["Europe/Copenhagen"])
    );
    let events: HashMap<String, &serde_json::Value> = calendar["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["uid"].as_str().unwrap().to_string(), e))
        .collect();
    let uid = |id: i64| format!("vores-{id}@kalender.ishoj.example");
    let before = events[&uid(seeded.before_dst)];
    assert_eq!(before["dtstart_local"], "2026-03-28T19:00");
    assert_eq!(before["dtstart_utc"], "2026-03-28T18:00:00Z");
    assert_eq!(before["dtend_local"], "2026-03-28T21:00");
    assert_eq!(before["location"], "Glashuset");
    assert_eq!(before["geo"], serde_json::json!([55.6153, 12.3587]));
    let after = events[&uid(seeded.after_dst)];
    assert_eq!(after["dtstart_local"], "2026-03-29T19:00");
    assert_eq!(
        after["dtstart_utc"], "2026-03-29T17:00:00Z",
        "summer time: UTC+2"
    );
    let series = events[&uid(seeded.series)];
    assert_eq!(series["rrule"], "FREQ=WEEKLY;BYDAY=TH");
    assert!(
        series["sequence"].as_i64().unwrap() >= 1,
        "edited: SEQUENCE went up"
    );
    let times: Vec<&str> = series["occurrences_local"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(
        times[..3],
        ["2026-03-26T18:00", "2026-04-16T18:00", "2026-04-23T18:00"]
    );
    assert!(
        times.contains(&"2026-03-26T18:00") && times.contains(&"2026-04-16T18:00"),
        "{times:?}"
    );
    assert!(
        !times.contains(&"2026-04-02T18:00"),
        "the cancelled day is an EXDATE: {times:?}"
    );
    assert!(
        !times.contains(&"2026-04-09T18:00"),
        "the moved day is left out of the rule: {times:?}"
    );
    assert!(
        times.iter().all(|t| t.ends_with("T18:00")),
        "18:00 local on both sides of the switch: {times:?}"
    );
    let moved = events[&format!(
        "vores-{}-moved-20260409@kalender.ishoj.example",
        seeded.series
    )];
    assert_eq!(moved["dtstart_local"], "2026-04-10T17:00");
    let atom = web
        .get("/g/ishoj/stories.atom")
        .await
        .ok("application/atom+xml");
    let feed = read("atom", &atom.body);
    let entries = feed["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    let authors: Vec<&str> = entries
        .iter()
        .map(|e| e["author"].as_str().unwrap())
        .collect();
    assert!(
        authors.contains(&"Lone Larsen") && authors.contains(&"Vores Ishøj"),
        "{authors:?}"
    );
    assert!(entries.iter().any(|e| {
        e["id"]
            .as_str()
            .unwrap()
            .ends_with(&format!("story-{}", seeded.named_story))
    }));
}

#[tokio::test]
async fn every_route_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("web.db").display());
    let db = Arc::new(Database::open(&url).await.expect("open SQLite"));
    every_route(db).await;
}

#[tokio::test]
async fn every_route_on_postgres() {
    let Ok(url) = std::env::var("VORES_TEST_POSTGRES_URL") else {
        assert!(
            std::env::var("VORES_REQUIRE_POSTGRES").is_err(),
            "VORES_REQUIRE_POSTGRES is set but VORES_TEST_POSTGRES_URL is not"
        );
        eprintln!(
            "*** vores-web: the PostgreSQL half SKIPPED (run under tests/with-postgres.sh) ***"
        );
        return;
    };
    let db = Arc::new(Database::open(&url).await.expect("open PostgreSQL"));
    every_route(db.clone()).await;
    db.clear_all().await.expect("clear");
    db.close().await;
}
