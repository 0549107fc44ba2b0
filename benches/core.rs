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
    println!("peak resident memory: {} MiB", peak_memory_kib() / 1024);
}
