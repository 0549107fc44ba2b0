//! The published calendar an outside calendar (Discord's Scheduled Events)
//! is given: decided in the core, per group, from a real SQLite database.

mod common;

use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use vores_bot::community::ChannelInfo;
use vores_bot::model::{ConversationRef, Platform, Status};
use vores_bot::published::{PublishedCalendar, StoredCalendar};
use vores_bot::{FixedClock, Store};
use vores_storage::Database;

const CONFIG: &str = r#"
[[groups]]
name = "Torvet"
title = "Vores Torv"

[[groups]]
name = "Klubben"
title = "Klubben i Vejleåparken"

[[channels]]
platform = "discord"
id = "100"
name = "torvet"
group = "Torvet"

[[channels]]
platform = "discord"
id = "200"
name = "klubben"
group = "Klubben"
"#;

fn channel(id: &str) -> ConversationRef {
    ConversationRef {
        platform: Platform::Discord,
        id: id.to_string(),
    }
}

async fn save(
    db: &Database,
    conversation: &ConversationRef,
    title: &str,
    day: NaiveDate,
    hour: u32,
    place: Option<&str>,
    status: Status,
) -> i64 {
    let text = format!("{title} – kom og vær med");
    let row = common::EventRow {
        conversation,
        author_id: "7",
        title,
        date: day,
        start: NaiveTime::from_hms_opt(hour, 0, 0),
        end: NaiveTime::from_hms_opt(hour + 2, 0, 0),
        place,
        status,
        text: &text,
        created_at: Utc::now(),
    };
    db.insert_submission(&row.submission())
        .await
        .expect("insert")
        .id
}

#[tokio::test]
async fn each_group_gets_its_own_upcoming_published_events() {
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}", dir.path().join("vores.db").display());
    let db = Arc::new(Database::open(&url).await.expect("db"));
    let config = vores_config::Config::parse(CONFIG).expect("config");
    let community = Arc::new(config.community(&Vec::<ChannelInfo>::new()));
    // Monday 8 June 2026, 12:00 in Copenhagen.
    let now: DateTime<Utc> = chrono_tz::Europe::Copenhagen
        .with_ymd_and_hms(2026, 6, 8, 12, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let day = |n: i64| now.date_naive() + Duration::days(n);
    let (torvet, klubben) = (channel("100"), channel("200"));

    // A busy group: 100 events over the coming weeks, one under way, one
    // waiting for approval.
    for n in 0..100 {
        let place = Some("Torvet");
        save(
            &db,
            &torvet,
            &format!("Marked {n}"),
            day(1 + n / 4),
            9 + (n % 4) as u32,
            place,
            Status::Published,
        )
        .await;
    }
    let under_way = save(
        &db,
        &torvet,
        "Formiddagskaffe",
        day(0),
        11,
        Some("Torvet"),
        Status::Published,
    )
    .await;
    let pending = save(
        &db,
        &torvet,
        "Hemmeligt",
        day(2),
        10,
        Some("Torvet"),
        Status::Pending,
    )
    .await;
    // A quiet group, one event without a place.
    let later = save(
        &db,
        &klubben,
        "Brætspil",
        day(20),
        18,
        None,
        Status::Published,
    )
    .await;
    let sooner = save(
        &db,
        &klubben,
        "Lektiecafé",
        day(3),
        15,
        Some("Biblioteket"),
        Status::Published,
    )
    .await;

    let calendar = StoredCalendar::new(
        db.clone(),
        community,
        Arc::new(FixedClock(now)),
        chrono_tz::Europe::Copenhagen,
    );
    let quiet = calendar
        .upcoming(std::slice::from_ref(&klubben), Duration::days(90), 80)
        .await
        .expect("read");
    let ids: Vec<i64> = quiet.iter().map(|e| e.id).collect();
    assert_eq!(
        ids,
        vec![sooner, later],
        "the quiet group's own, soonest first"
    );
    assert_eq!(
        quiet[1].place, "Klubben i Vejleåparken",
        "no place: the group's title"
    );
    assert_eq!(quiet[0].place, "Biblioteket");
    assert_eq!(quiet[0].title, "Lektiecafé");
    assert!(quiet[0].end.is_some_and(|end| end > quiet[0].start));

    let busy = calendar
        .upcoming(std::slice::from_ref(&torvet), Duration::days(90), 80)
        .await
        .expect("read");
    assert_eq!(busy.len(), 80, "as many as asked for");
    assert!(
        busy.iter().all(|e| e.start > now),
        "only what has not begun"
    );
    assert!(
        busy.windows(2).all(|w| w[0].start <= w[1].start),
        "in order"
    );
    assert!(!busy.iter().any(|e| e.id == under_way || e.id == pending));
    assert!(
        !busy.iter().any(|e| e.id == sooner || e.id == later),
        "not another group's"
    );

    assert!(calendar.is_published(sooner).await.expect("read"));
    assert!(!calendar.is_published(pending).await.expect("read"));
    assert!(!calendar.is_published(9999).await.expect("read"));
}
