//! Speed and memory of the core paths, measured (not asserted): reading a
//! message, checking it against the guidelines, answering "what's on" from
//! a database of many events, and rendering a digest.
//!
//! Run with `cargo bench --bench core`; figures go in docs/PERFORMANCE.md.

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use vores_bot::community::Community;
use vores_bot::guidelines::{self, History, Rules};
use vores_bot::model::{
    ConversationRef, EventDetails, NewSubmission, Origin, Platform, Status, SubmissionKind, UserRef,
};
use vores_bot::render::render;
use vores_bot::understand::{self, Context, EventDraft};
use vores_bot::{Bot, Capabilities, FixedClock, Language, LengthUnit, Settings, Store, TextFormat};
use vores_storage::Database;

const MESSAGES: &[&str] = &[
    "Byttemarked i Glashuset lørdag kl. 10-14",
    "Litter pick at Ishøj Strand on Sunday 14 June at 10am",
    "hvad sker der i weekenden?",
    "what's on tomorrow",
    "Historie: Café Solstrålen fejrede 1 år i dag med kage til alle",
    "Fællesspisning på Bredekærgård d. 17.6. kl. 18-20",
    "Vi ses i morgen kl. 10",
    "/hjælp",
    "Koncert i Kulturhuset fredag kl. 19.30 – alle er velkomne!",
    "hvad sker der i uge 26?",
];

fn peak_memory_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

fn report(what: &str, count: usize, started: Instant) {
    let elapsed = started.elapsed();
    let per = elapsed / count as u32;
    println!(
        "{what:<44} {count:>8} in {:>8.1} ms  = {:>9.1} µs each, {:>10.0}/s",
        elapsed.as_secs_f64() * 1000.0,
        per.as_secs_f64() * 1e6,
        count as f64 / elapsed.as_secs_f64()
    );
}

#[tokio::main]
async fn main() {
    let now: DateTime<Utc> = "2026-06-10T08:00:00Z".parse().expect("valid");
    let ctx = Context {
        now,
        tz: chrono_tz::Europe::Copenhagen,
        fallback: Language::Da,
    };

    let n = 100_000;
    let started = Instant::now();
    let mut events = 0;
    for i in 0..n {
        if matches!(
            understand::understand(MESSAGES[i % MESSAGES.len()], &ctx).meaning,
            understand::Meaning::Event(_)
        ) {
            events += 1;
        }
    }
    report("understand (mixed Danish/English messages)", n, started);
    assert!(events > 0);

    let rules = Rules::default().with_banned_words(["idiot", "perker"]);
    let history = History::default();
    let started = Instant::now();
    for i in 0..n {
        let _ = guidelines::check(&rules, MESSAGES[i % MESSAGES.len()], &history, now);
    }
    report("guidelines::check (default rules + 2 words)", n, started);

    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let db = Arc::new(Database::open(&url).await.expect("database"));
    let conversation = ConversationRef {
        platform: Platform::Console,
        id: "bench".into(),
    };
    let total_events = 20_000;
    let started = Instant::now();
    for i in 0..total_events {
        let date = (now + Duration::hours(i as i64 * 3)).date_naive();
        let draft = EventDraft {
            title: format!("Aktivitet {i}"),
            date: Some(date),
            start_time: NaiveTime::from_hms_opt(10 + (i % 8) as u32, 0, 0),
            end_time: NaiveTime::from_hms_opt(19, 0, 0),
            all_day: false,
            location: Some("Glashuset".into()),
            invalid_date: false,
            doubts: Vec::new(),
            written_weekday: None,
            repeat: None,
            end_date: None,
        };
        db.insert_submission(&NewSubmission {
            kind: SubmissionKind::Event,
            status: Status::Published,
            origin: Origin {
                conversation: conversation.clone(),
                message_id: None,
                author: UserRef {
                    platform: Platform::Console,
                    id: format!("u{}", i % 300),
                },
                author_name: format!("Beboer {}", i % 300),
            },
            language: Language::Da,
            anonymous: false,
            text: String::new(),
            event: Some(EventDetails::from_draft(
                draft,
                chrono_tz::Europe::Copenhagen,
            )),
            story: None,
            place: None,
            created_at: now,
        })
        .await
        .expect("insert");
    }
    report(
        "insert published event (SQLite file, WAL)",
        total_events,
        started,
    );

    let queries = 2_000;
    let started = Instant::now();
    let mut found = 0;
    for i in 0..queries {
        let from = now + Duration::days((i % 2000) as i64);
        found += db
            .events_between(from, from + Duration::days(2), false, 31)
            .await
            .expect("query")
            .len();
    }
    report("what's on: 2-day window among 20k events", queries, started);
    assert!(found > 0);

    let mut community = Community::simple(Language::Da);
    community.add_channel(
        0,
        vores_bot::community::ChannelInfo {
            conversation: conversation.clone(),
            name: "bench".into(),
            language: Language::Da,
        },
    );
    let bot = Bot::new(
        db.clone(),
        Arc::new(FixedClock(now)),
        Settings::default(),
        Arc::new(community),
    );
    let period = bot.latest_period(0, now);
    let digests = 200;
    let caps = Capabilities {
        max_message_len: 4096,
        length_unit: LengthUnit::Utf16,
        format: TextFormat::Html,
        threads: false,
        reactions: false,
        edits: false,
        deletes: false,
    };
    let started = Instant::now();
    let mut parts = 0;
    for _ in 0..digests {
        let doc = bot
            .digest_doc(0, period, Language::Da)
            .await
            .expect("digest");
        parts += render(&doc, &caps).len();
    }
    report(
        "digest (60 events) composed + rendered HTML",
        digests,
        started,
    );
    println!("digest parts at 4096 UTF-16 units: {}", parts / digests);
    regular_and_topic(dir.path(), now).await;
    println!("peak resident memory: {} MiB", peak_memory_kib() / 1024);
}

/// Titles the 100 000 events are made of: one in twenty is "Fællesspisning".
const ACTIVITIES: [&str; 20] = [
    "Fællesspisning",
    "Byttemarked",
    "Strikkecafé",
    "Banko",
    "Lektiecafé",
    "Yoga i parken",
    "Fællessang",
    "Affaldsindsamling",
    "Filmaften",
    "Bogcafé",
    "Repair café",
    "Gåtur",
    "Babysalmesang",
    "Spilaften",
    "Fredagsbar",
    "Koncert",
    "Foredrag",
    "Loppemarked",
    "Fodboldtræning",
    "Kagebord",
];

/// Regular activities and questions by topic, each beside plain SQLite
/// doing the same work on the same disk: a year of a weekly series expanded
/// from its rule versus 52 stored rows read back, and "hvornår er der
/// fællesspisning?" among 100 000 events versus the same FTS5 query on a
/// plain table.
async fn regular_and_topic(dir: &std::path::Path, now: DateTime<Utc>) {
    use sqlx::Row;
    use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
    use std::str::FromStr;
    use vores_bot::recurrence::Repeat;

    let tz = chrono_tz::Europe::Copenhagen;
    let plain = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            SqliteConnectOptions::from_str(&format!("sqlite://{}", dir.join("plain.db").display()))
                .expect("url")
                .create_if_missing(true)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal),
        )
        .await
        .expect("plain SQLite");

    // A year of a weekly series.
    let rule = Repeat::weekly(&[chrono::Weekday::Thu], 1);
    let first = (now + Duration::days(1)).date_naive();
    let six = NaiveTime::from_hms_opt(18, 0, 0);
    let year_end = now + Duration::days(365);
    sqlx::query("CREATE TABLE occurrences (series INTEGER, starts_at INTEGER)")
        .execute(&plain)
        .await
        .expect("create");
    sqlx::query("CREATE INDEX occurrences_by_series ON occurrences (series, starts_at)")
        .execute(&plain)
        .await
        .expect("index");
    let dates = rule.occurrences(first, six, tz, now, year_end);
    for day in &dates {
        let start = vores_bot::civil::localize(tz, day.and_time(six.expect("valid")));
        sqlx::query("INSERT INTO occurrences VALUES (1, ?)")
            .bind(start.timestamp())
            .execute(&plain)
            .await
            .expect("insert");
    }
    let n = 20_000;
    let started = Instant::now();
    let mut total = 0;
    for _ in 0..n {
        total += rule.occurrences(first, six, tz, now, year_end).len();
    }
    report("expand a weekly series over a year (Vores)", n, started);
    assert_eq!(total, n * dates.len());
    let started = Instant::now();
    for _ in 0..n {
        let rows = sqlx::query(
            "SELECT starts_at FROM occurrences WHERE series = 1 AND starts_at >= ? AND starts_at < ? ORDER BY starts_at",
        )
        .bind(now.timestamp())
        .bind(year_end.timestamp())
        .fetch_all(&plain)
        .await
        .expect("select");
        assert_eq!(rows.len(), dates.len());
    }
    report("  plain SQLite: read the same 52 stored rows", n, started);

    // 100 000 events over three years, loaded in one transaction each.
    let url = format!("sqlite://{}", dir.join("topic.db").display());
    let db = Arc::new(Database::open(&url).await.expect("database"));
    let load = SqlitePoolOptions::new()
        .max_connections(1)
        .connect(&url)
        .await
        .expect("second connection");
    sqlx::query(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, title TEXT, location TEXT, starts_at INTEGER)",
    )
    .execute(&plain)
    .await
    .expect("create");
    sqlx::query("CREATE INDEX events_by_start ON events (starts_at)")
        .execute(&plain)
        .await
        .expect("index");
    sqlx::query(
        "CREATE VIRTUAL TABLE events_fts USING fts5(text, content = '', tokenize = \"unicode61 remove_diacritics 0\")",
    )
    .execute(&plain)
    .await
    .expect("fts");
    let count = 100_000usize;
    let mut tx = load.begin().await.expect("begin");
    let mut plain_tx = plain.begin().await.expect("begin");
    for i in 0..count {
        let title = ACTIVITIES[i % ACTIVITIES.len()];
        let start = now + Duration::minutes(i as i64 * 16);
        let local = start.with_timezone(&tz);
        let draft = EventDraft {
            title: title.to_string(),
            date: Some(local.date_naive()),
            start_time: Some(local.time()),
            end_time: None,
            all_day: false,
            location: Some("Medborgerhuset".into()),
            invalid_date: false,
            doubts: Vec::new(),
            written_weekday: None,
            repeat: None,
            end_date: None,
        };
        let details = EventDetails::from_draft(draft.clone(), tz);
        let body = format!("{title} i Medborgerhuset");
        let search = format!("{title} medborgerhuset {body}").to_lowercase();
        sqlx::query(
            "INSERT INTO submissions (kind, status, platform, conversation_id, author_id, author_name, \
             language, anonymous, body, title, location, event_draft, starts_at, ends_at, visible_until, \
             approved_at, created_at, updated_at, repeats, search_text) \
             VALUES ('event', 'published', 'console', 'bench', ?, 'Beboer', 'da', 0, ?, ?, \
             'Medborgerhuset', ?, ?, NULL, ?, ?, ?, ?, 0, ?)",
        )
        .bind(format!("u{}", i % 300))
        .bind(&body)
        .bind(title)
        .bind(serde_json::to_string(&draft).expect("json"))
        .bind(details.starts_at.map(|t| t.timestamp()))
        .bind(details.visible_until.map(|t| t.timestamp()))
        .bind(now.timestamp())
        .bind(now.timestamp())
        .bind(now.timestamp())
        .bind(&search)
        .execute(&mut *tx)
        .await
        .expect("load");
        sqlx::query("INSERT INTO events VALUES (?, ?, 'Medborgerhuset', ?)")
            .bind(i as i64 + 1)
            .bind(title)
            .bind(start.timestamp())
            .execute(&mut *plain_tx)
            .await
            .expect("load plain");
        sqlx::query("INSERT INTO events_fts (rowid, text) VALUES (?, ?)")
            .bind(i as i64 + 1)
            .bind(&search)
            .execute(&mut *plain_tx)
            .await
            .expect("load plain fts");
    }
    tx.commit().await.expect("commit");
    plain_tx.commit().await.expect("commit");

    let words = vec!["fællesspisning".to_string()];
    let horizon = now + Duration::days(90);
    let asks = 200;
    let started = Instant::now();
    let mut found = 0;
    for _ in 0..asks {
        found += vores_bot::store::search_in(db.as_ref(), tz, &words, now, horizon, false, 500)
            .await
            .expect("search")
            .len();
    }
    report(
        "topic among 100k events, 90 days (Vores search)",
        asks,
        started,
    );
    let started = Instant::now();
    let mut plain_found = 0;
    for _ in 0..asks {
        plain_found += sqlx::query(
            "SELECT id, title, location, starts_at FROM events WHERE id IN \
             (SELECT rowid FROM events_fts WHERE events_fts MATCH '\"fællesspisning\"*') \
             AND starts_at >= ? AND starts_at < ? ORDER BY starts_at LIMIT 500",
        )
        .bind(now.timestamp())
        .bind(horizon.timestamp())
        .fetch_all(&plain)
        .await
        .expect("plain search")
        .iter()
        .filter(|r| r.get::<i64, _>("starts_at") > 0)
        .count();
    }
    report("  plain SQLite: the same FTS5 query", asks, started);
    assert_eq!(found, plain_found, "both find the same events");
    println!(
        "  ({} of 100 000 events match in the 90 days)",
        found / asks
    );

    // What a resident feels: the whole answer, from message to reply.
    let mut community = Community::simple(Language::Da);
    let conversation = ConversationRef {
        platform: Platform::Console,
        id: "bench".into(),
    };
    community.add_channel(
        0,
        vores_bot::community::ChannelInfo {
            conversation: conversation.clone(),
            name: "bench".into(),
            language: Language::Da,
        },
    );
    let bot = Bot::new(
        db.clone(),
        Arc::new(FixedClock(now)),
        Settings::default(),
        Arc::new(community),
    );
    let situation = vores_bot::Situation {
        channel_language: Language::Da,
        sender_is_admin: false,
        group: 0,
        can_delete: true,
    };
    let started = Instant::now();
    for i in 0..asks {
        let inbound = vores_bot::Inbound::Message(vores_bot::InboundMessage {
            message: vores_bot::MessageRef {
                conversation: conversation.clone(),
                id: format!("ask{i}"),
            },
            author: vores_bot::adapter::Author {
                user: UserRef {
                    platform: Platform::Console,
                    id: "asker".into(),
                },
                display_name: "Asker".into(),
                is_bot: false,
            },
            text: "hvornår er der fællesspisning?".into(),
            addressed_to_bot: true,
            private: false,
            reply_to: None,
            thread: None,
            attachments: Vec::new(),
            sent_at: now,
        });
        let actions = bot.handle(&inbound, &situation).await;
        if i == 0 {
            // What the resident gets (first lines), to see the work was real.
            if let Some(vores_bot::Action::Reply { doc, .. }) = actions.first() {
                let text = doc.plain();
                let head: Vec<&str> = text.lines().take(3).collect();
                println!("  first answer: {}", head.join(" / "));
            }
        }
        assert!(!actions.is_empty());
    }
    report(
        "  answer \"hvornår er der fællesspisning?\" (handle)",
        asks,
        started,
    ); // The same search once more, now that the database's pages are warm
    // (the first run above reads them from disk).
    let started = Instant::now();
    for _ in 0..asks {
        let found = vores_bot::store::search_in(db.as_ref(), tz, &words, now, horizon, false, 500)
            .await
            .expect("search");
        assert!(!found.is_empty());
    }
    report("topic search again, warm (Vores search)", asks, started);
    let started = Instant::now();
    for _ in 0..asks {
        let found = vores_bot::store::search_in(db.as_ref(), tz, &words, now, horizon, true, 500)
            .await
            .expect("search");
        assert!(!found.is_empty());
    }
    report("topic search with pending (Vores search)", asks, started);
}
