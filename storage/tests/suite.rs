//! The shared storage suite: the same scenarios, written only against the
//! `Store` trait, run against SQLite (a file and in memory) and PostgreSQL.
//!
//! The PostgreSQL half needs a throwaway server whose database it may empty:
//! `bash tests/with-postgres.sh cargo test -p vores-storage` provides one.

use std::io::Write;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use vores_bot::Language;
use vores_bot::model::{
    ConversationRef, ConversationState, EventDetails, MessageRef, ModerationEntry, NewOutboxItem,
    NewSubmission, Origin, OutboxItem, Platform, Review, Status, StoryDetails, Submission,
    SubmissionKind, UserRef,
};
use vores_bot::render::{Doc, Span};
use vores_bot::store::{Channels, NewModerationEntry, Store, StoreError, Subscription};
use vores_bot::understand::about::Tag;
use vores_bot::understand::{EventDraft, Missing};
use vores_storage::{Backend, Database};

// ------------------------------------------------------------------ helpers --

fn conversation(platform: Platform, id: &str) -> ConversationRef {
    ConversationRef {
        platform,
        id: id.to_string(),
    }
}

fn user(platform: Platform, id: &str) -> UserRef {
    UserRef {
        platform,
        id: id.to_string(),
    }
}

fn message(platform: Platform, conversation_id: &str, id: &str) -> MessageRef {
    MessageRef {
        conversation: conversation(platform, conversation_id),
        id: id.to_string(),
    }
}

/// Who sent a submission: the author and the conversation share a platform.
fn origin(
    platform: Platform,
    conversation_id: &str,
    message_id: Option<&str>,
    author: &str,
    name: &str,
) -> Origin {
    Origin {
        conversation: conversation(platform, conversation_id),
        message_id: message_id.map(str::to_string),
        author: user(platform, author),
        author_name: name.to_string(),
    }
}

/// Copenhagen in summer is two hours ahead of UTC, and every event in this
/// suite takes place in June 2025, so a fixed offset is exact here.
fn copenhagen() -> FixedOffset {
    FixedOffset::east_opt(2 * 3600).expect("valid offset")
}

/// An instant given as Copenhagen wall-clock time on a day in June 2025.
/// Storage keeps whole seconds, so the suite never uses fractions.
fn june(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    copenhagen()
        .with_ymd_and_hms(2025, 6, day, hour, minute, 0)
        .single()
        .expect("a valid local time")
        .with_timezone(&Utc)
}

/// When a submission was sent, as a plain UTC instant.
fn sent(day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, day, hour, minute, second)
        .single()
        .expect("a valid instant")
}

/// A complete timed event, with its draft in local terms as the understanding
/// code would produce it. Without an end it is visible for two hours.
fn timed_event(
    title: &str,
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    location: Option<&str>,
) -> EventDetails {
    let local_start = start.with_timezone(&copenhagen());
    EventDetails {
        draft: EventDraft {
            title: title.to_string(),
            date: Some(local_start.date_naive()),
            start_time: Some(local_start.time()),
            end_time: end.map(|e| e.with_timezone(&copenhagen()).time()),
            all_day: false,
            location: location.map(str::to_string),
            invalid_date: false,
            doubts: Vec::new(),
            written_weekday: None,
            repeat: None,
            end_date: None,
        },
        starts_at: Some(start),
        ends_at: end,
        visible_until: Some(end.unwrap_or(start + Duration::hours(2))),
    }
}

/// An event whose date is not known yet, so it has no instants at all.
fn undated_event(title: &str) -> EventDetails {
    EventDetails {
        draft: EventDraft {
            title: title.to_string(),
            date: None,
            start_time: None,
            end_time: None,
            all_day: false,
            location: None,
            invalid_date: false,
            doubts: Vec::new(),
            written_weekday: None,
            repeat: None,
            end_date: None,
        },
        starts_at: None,
        ends_at: None,
        visible_until: None,
    }
}

fn new_event(
    origin: Origin,
    details: EventDetails,
    status: Status,
    created_at: DateTime<Utc>,
) -> NewSubmission {
    NewSubmission {
        kind: SubmissionKind::Event,
        status,
        origin,
        language: Language::Da,
        anonymous: false,
        text: details.draft.title.clone(),
        event: Some(details),
        story: None,
        place: None,
        created_at,
    }
}

fn new_story(
    origin: Origin,
    text: &str,
    status: Status,
    created_at: DateTime<Utc>,
) -> NewSubmission {
    NewSubmission {
        kind: SubmissionKind::Story,
        status,
        origin,
        language: Language::Da,
        anonymous: false,
        text: text.to_string(),
        event: None,
        story: Some(StoryDetails::default()),
        place: None,
        created_at,
    }
}

/// What a freshly inserted submission must read back as.
fn expected(new: &NewSubmission, id: i64) -> Submission {
    Submission {
        id,
        kind: new.kind,
        status: new.status,
        origin: new.origin.clone(),
        language: new.language,
        anonymous: new.anonymous,
        first_name_only: false,
        text: new.text.clone(),
        event: new.event.clone(),
        story: new.story.clone(),
        place: new.place.clone(),
        review: Review {
            approved_at: (new.status == Status::Published).then_some(new.created_at),
            reviewer: None,
            note: None,
        },
        created_at: new.created_at,
        updated_at: new.created_at,
        interested: 0,
        revision: 0,
    }
}

async fn insert(db: &Database, new: &NewSubmission) -> Submission {
    db.insert_submission(new).await.expect("insert_submission")
}

async fn fetch(db: &Database, id: i64) -> Submission {
    db.submission(id)
        .await
        .expect("submission")
        .unwrap_or_else(|| panic!("submission #{id} should exist"))
}

fn titles(submissions: &[Submission]) -> Vec<&str> {
    submissions.iter().map(Submission::title).collect()
}

fn ids(submissions: &[Submission]) -> Vec<i64> {
    submissions.iter().map(|s| s.id).collect()
}

// ---------------------------------------------------------------- scenarios --

/// A message is handled once; the same message id elsewhere is a new message.
async fn handled_messages_are_remembered(db: &Database) {
    let first = message(Platform::Telegram, "-1001", "42");
    let t = sent(1, 9, 0, 0);
    assert!(
        db.mark_handled(&first, t).await.unwrap(),
        "a new message is not handled yet"
    );
    assert!(
        !db.mark_handled(&first, t).await.unwrap(),
        "a redelivered message was handled twice"
    );
    assert!(
        !db.mark_handled(&first, t + Duration::hours(1))
            .await
            .unwrap(),
        "a message redelivered later was handled twice"
    );

    let others = [
        message(Platform::Telegram, "-1001", "43"),
        message(Platform::Telegram, "-1002", "42"),
        message(Platform::Discord, "-1001", "42"),
        message(Platform::Matrix, "!room:example.org", "$event42"),
    ];
    for other in &others {
        assert!(
            db.mark_handled(other, t).await.unwrap(),
            "{other:?} is a different message from {first:?}"
        );
    }
    for other in &others {
        assert!(
            !db.mark_handled(other, t).await.unwrap(),
            "{other:?} was handled twice"
        );
    }
}

/// Every field of an event comes back as it went in, Danish letters included.
async fn events_round_trip(db: &Database) {
    let timed = NewSubmission {
        kind: SubmissionKind::Event,
        status: Status::Published,
        origin: origin(
            Platform::Telegram,
            "-1001",
            Some("100"),
            "7001",
            "Søren Ærbø",
        ),
        language: Language::Da,
        anonymous: false,
        text: "Loppemarked på Åtorvet lørdag 14. juni kl. 10-14".to_string(),
        event: Some(timed_event(
            "Loppemarked på Åtorvet – æøå ÆØÅ",
            june(14, 10, 0),
            Some(june(14, 14, 0)),
            Some("Kirkepladsen, Ærøskøbing"),
        )),
        story: None,
        place: None,
        created_at: sent(1, 9, 30, 15),
    };
    let first = insert(db, &timed).await;
    assert_eq!(
        first,
        expected(&timed, first.id),
        "the inserted event reads back differently"
    );
    assert_eq!(
        fetch(db, first.id).await,
        first,
        "submission(id) differs from what insert returned"
    );
    let draft = &first.event.as_ref().expect("an event has details").draft;
    assert_eq!(draft.date, NaiveDate::from_ymd_opt(2025, 6, 14));
    assert_eq!(draft.start_time, NaiveTime::from_hms_opt(10, 0, 0));
    assert_eq!(
        first.event.as_ref().unwrap().starts_at,
        Some(sent(14, 8, 0, 0))
    );

    // An all-day event in English, anonymous, with no end: visible to the
    // end of its local day.
    let day = NaiveDate::from_ymd_opt(2025, 6, 21).unwrap();
    let all_day = NewSubmission {
        kind: SubmissionKind::Event,
        status: Status::Published,
        origin: origin(
            Platform::Matrix,
            "!town:example.org",
            Some("$abc"),
            "@ann:example.org",
            "Ann",
        ),
        language: Language::En,
        anonymous: true,
        text: "Midsummer bonfire on the beach, all day".to_string(),
        event: Some(EventDetails {
            draft: EventDraft {
                title: "Midsummer bonfire".to_string(),
                date: Some(day),
                start_time: None,
                end_time: None,
                all_day: true,
                location: Some("Strandvejen".to_string()),
                invalid_date: false,
                doubts: Vec::new(),
                written_weekday: None,
                repeat: None,
                end_date: None,
            },
            starts_at: Some(june(21, 0, 0)),
            ends_at: None,
            visible_until: Some(june(22, 0, 0)),
        }),
        story: None,
        place: None,
        created_at: sent(2, 12, 0, 0),
    };
    let second = insert(db, &all_day).await;
    assert!(
        second.id > first.id,
        "ids must increase: #{} after #{}",
        second.id,
        first.id
    );
    assert_eq!(second, expected(&all_day, second.id));
    assert_eq!(fetch(db, second.id).await, second);

    // An incomplete event: no message id, no date, an invalid date noted.
    let mut undated = undated_event("Fællesspisning i forsamlingshuset");
    undated.draft.invalid_date = true;
    let incomplete = new_event(
        origin(Platform::Console, "console", None, "local", "Operatør"),
        undated,
        Status::Incomplete,
        sent(3, 18, 5, 59),
    );
    let third = insert(db, &incomplete).await;
    assert!(
        third.id > second.id,
        "ids must increase: #{} after #{}",
        third.id,
        second.id
    );
    assert_eq!(third, expected(&incomplete, third.id));
    assert_eq!(fetch(db, third.id).await, third);
}

/// Every field of a story comes back as it went in.
async fn stories_round_trip(db: &Database) {
    let with_both = NewSubmission {
        kind: SubmissionKind::Story,
        status: Status::Published,
        origin: origin(
            Platform::Discord,
            "998877",
            Some("112233"),
            "445566",
            "Åse Følstrup",
        ),
        language: Language::Da,
        anonymous: true,
        text:
            "Æbletræet i gården blomstrer igen – første gang i tre år! Søde hilsner fra os på ø-vej"
                .to_string(),
        event: None,
        story: Some(StoryDetails {
            link: Some("https://example.org/æbler?år=2025".to_string()),
            photo: Some("discord-attachment://112233/æble.jpg".to_string()),
        }),
        place: None,
        created_at: sent(4, 7, 45, 1),
    };
    let first = insert(db, &with_both).await;
    assert_eq!(
        first,
        expected(&with_both, first.id),
        "the inserted story reads back differently"
    );
    assert_eq!(fetch(db, first.id).await, first);

    let plain = NewSubmission {
        language: Language::En,
        ..new_story(
            origin(Platform::Telegram, "555", Some("9"), "555", "Bo"),
            "The ferry is back on its summer timetable",
            Status::Published,
            sent(4, 8, 0, 0),
        )
    };
    let second = insert(db, &plain).await;
    assert!(
        second.id > first.id,
        "ids must increase: #{} after #{}",
        second.id,
        first.id
    );
    assert_eq!(second, expected(&plain, second.id));
    let story = second.story.as_ref().expect("a story has details");
    assert_eq!(
        (story.link.as_deref(), story.photo.as_deref()),
        (None, None)
    );
    assert!(
        second.event.is_none(),
        "a story must not read back with event details"
    );
}

/// Updating saves the changeable fields of exactly that submission.
async fn updates_are_saved(db: &Database) {
    let asker = origin(Platform::Telegram, "-1001", Some("200"), "7001", "Søren");
    let incomplete = insert(
        db,
        &new_event(
            asker.clone(),
            undated_event("Koncert i kirken"),
            Status::Incomplete,
            sent(5, 10, 0, 0),
        ),
    )
    .await;
    let bystander = insert(
        db,
        &new_story(
            origin(Platform::Telegram, "-1001", Some("201"), "7001", "Søren"),
            "En uberørt historie",
            Status::Published,
            sent(5, 10, 1, 0),
        ),
    )
    .await;

    // The resident answers the follow-up question: the event is complete.
    let mut completed = incomplete.clone();
    completed.status = Status::Published;
    completed.language = Language::En;
    completed.anonymous = true;
    completed.text = "Koncert i kirken fredag kl. 19:30-21".to_string();
    completed.event = Some(timed_event(
        "Koncert i kirken",
        june(20, 19, 30),
        Some(june(20, 21, 0)),
        Some("Vor Frue Kirke"),
    ));
    completed.updated_at = sent(5, 10, 5, 0);
    completed.review = Review {
        approved_at: Some(sent(5, 10, 5, 0)),
        reviewer: Some("Åse Admin".to_string()),
        note: Some("Fin – æøå".to_string()),
    };
    db.update_submission(&completed)
        .await
        .expect("update_submission");
    // Every save counts one up, for calendars that copied it (SEQUENCE).
    completed.revision += 1;
    assert_eq!(
        fetch(db, completed.id).await,
        completed,
        "the completed event was not saved as given"
    );
    assert_eq!(
        fetch(db, bystander.id).await,
        bystander,
        "updating one submission changed another"
    );
    let on = db
        .events_between(june(20, 0, 0), june(21, 0, 0), false, 10)
        .await
        .unwrap();
    assert_eq!(
        ids(&on),
        vec![completed.id],
        "the completed event should now be on"
    );

    // Details can also be taken away again.
    let mut undone = completed.clone();
    undone.event = Some(timed_event(
        "Koncert i kirken",
        june(20, 19, 30),
        None,
        None,
    ));
    undone.updated_at = sent(5, 11, 0, 0);
    db.update_submission(&undone).await.unwrap();
    undone.revision += 1;
    assert_eq!(
        fetch(db, undone.id).await,
        undone,
        "an end time or location was not removed"
    );

    // A story gains a link and loses nothing else.
    let mut story = bystander.clone();
    story.story = Some(StoryDetails {
        link: Some("https://example.org/kirken".to_string()),
        photo: None,
    });
    story.text = "En rettet historie med æøå".to_string();
    story.updated_at = sent(5, 12, 0, 0);
    db.update_submission(&story).await.unwrap();
    story.revision += 1;
    assert_eq!(fetch(db, story.id).await, story);

    // Withdrawing is an update too, and hides the event.
    let mut withdrawn = undone.clone();
    withdrawn.status = Status::Withdrawn;
    withdrawn.updated_at = sent(5, 13, 0, 0);
    withdrawn.review.reviewer = None;
    withdrawn.review.note = Some("Trukket tilbage af forfatteren".to_string());
    db.update_submission(&withdrawn).await.unwrap();
    withdrawn.revision += 1;
    assert_eq!(
        fetch(db, withdrawn.id).await,
        withdrawn,
        "the withdrawal (and its review) was not saved as given"
    );
    let on = db
        .events_between(june(20, 0, 0), june(21, 0, 0), false, 10)
        .await
        .unwrap();
    assert!(
        on.is_empty(),
        "a withdrawn event is still on: {:?}",
        titles(&on)
    );

    // A submission that does not exist cannot be updated.
    let mut ghost = story.clone();
    ghost.id = story.id + 1000;
    match db.update_submission(&ghost).await {
        Err(StoreError::NoSuchSubmission(id)) => assert_eq!(id, ghost.id),
        other => panic!(
            "updating unknown #{} should fail with NoSuchSubmission, got {other:?}",
            ghost.id
        ),
    }
    assert!(
        db.submission(ghost.id).await.unwrap().is_none(),
        "a failed update must not create #{}",
        ghost.id
    );
}

/// Looking up an id nobody has gets nothing, not an error.
async fn unknown_submissions_are_none(db: &Database) {
    assert!(
        db.submission(1).await.unwrap().is_none(),
        "the store was cleared"
    );
    assert!(db.submission(-5).await.unwrap().is_none());
    let known = insert(
        db,
        &new_story(
            origin(Platform::Telegram, "1", None, "1", "A"),
            "x",
            Status::Published,
            sent(6, 0, 0, 0),
        ),
    )
    .await;
    assert!(db.submission(known.id + 1).await.unwrap().is_none());
    assert!(db.submission(i64::MAX).await.unwrap().is_none());
}

/// A submission is found by platform, conversation and message id together.
async fn submissions_are_found_by_message(db: &Database) {
    let event = insert(
        db,
        &new_event(
            origin(Platform::Telegram, "-1001", Some("42"), "7001", "Søren"),
            timed_event("Sankthansbål", june(23, 20, 0), None, Some("Stranden")),
            Status::Published,
            sent(7, 9, 0, 0),
        ),
    )
    .await;
    let story = insert(
        db,
        &new_story(
            origin(Platform::Discord, "-1001", Some("42"), "7001", "Søren"),
            "Samme id, anden platform",
            Status::Published,
            sent(7, 9, 1, 0),
        ),
    )
    .await;
    // A submission without a message must never match one.
    insert(
        db,
        &new_story(
            origin(Platform::Telegram, "-1001", None, "7001", "Søren"),
            "Uden besked",
            Status::Published,
            sent(7, 9, 2, 0),
        ),
    )
    .await;

    let found = db
        .submission_from_message(&message(Platform::Telegram, "-1001", "42"))
        .await
        .unwrap();
    assert_eq!(
        found.as_ref().map(|s| s.id),
        Some(event.id),
        "the Telegram message should find the event"
    );
    assert_eq!(found.unwrap(), event);
    let found = db
        .submission_from_message(&message(Platform::Discord, "-1001", "42"))
        .await
        .unwrap();
    assert_eq!(
        found.map(|s| s.id),
        Some(story.id),
        "the Discord message should find the story"
    );

    for miss in [
        message(Platform::Matrix, "-1001", "42"),
        message(Platform::Telegram, "-1002", "42"),
        message(Platform::Telegram, "-1001", "43"),
        message(Platform::Telegram, "-1001", ""),
    ] {
        let found = db.submission_from_message(&miss).await.unwrap();
        assert!(
            found.is_none(),
            "{miss:?} should find nothing, found #{:?}",
            found.map(|s| s.id)
        );
    }
}

/// A person's submissions: only theirs, on their platform, newest first,
/// without withdrawn ones, and no more than asked for.
async fn submissions_by_author(db: &Database) {
    let group = origin(Platform::Telegram, "-1001", Some("1"), "7001", "Søren");
    let private = origin(Platform::Telegram, "7001", Some("2"), "7001", "Søren");
    let oldest = insert(
        db,
        &new_story(group.clone(), "Første", Status::Published, sent(8, 8, 0, 0)),
    )
    .await;
    let incomplete = insert(
        db,
        &new_event(
            private.clone(),
            undated_event("Anden"),
            Status::Incomplete,
            sent(8, 9, 0, 0),
        ),
    )
    .await;
    let withdrawn = insert(
        db,
        &new_story(
            group.clone(),
            "Tredje (slettet)",
            Status::Withdrawn,
            sent(8, 10, 0, 0),
        ),
    )
    .await;
    let newest = insert(
        db,
        &new_event(
            group.clone(),
            timed_event("Fjerde", june(25, 17, 0), None, None),
            Status::Published,
            sent(8, 11, 0, 0),
        ),
    )
    .await;
    // The same user id on another platform is another person.
    let namesake = insert(
        db,
        &new_story(
            origin(Platform::Discord, "-1001", Some("1"), "7001", "Anden Søren"),
            "Discord",
            Status::Published,
            sent(8, 12, 0, 0),
        ),
    )
    .await;
    // Someone else in the same group.
    let neighbour = insert(
        db,
        &new_story(
            origin(Platform::Telegram, "-1001", Some("5"), "7002", "Mette"),
            "Nabo",
            Status::Published,
            sent(8, 13, 0, 0),
        ),
    )
    .await;

    let soren = user(Platform::Telegram, "7001");
    let all = db.submissions_by(&soren, 10).await.unwrap();
    assert_eq!(
        ids(&all),
        vec![newest.id, incomplete.id, oldest.id],
        "expected Søren's own, newest first, without the withdrawn #{}",
        withdrawn.id
    );
    assert_eq!(all[0], newest);
    assert_eq!(all[1], incomplete);

    let two = db.submissions_by(&soren, 2).await.unwrap();
    assert_eq!(
        ids(&two),
        vec![newest.id, incomplete.id],
        "the limit keeps the newest"
    );
    let one = db.submissions_by(&soren, 1).await.unwrap();
    assert_eq!(ids(&one), vec![newest.id]);

    let on_discord = db
        .submissions_by(&user(Platform::Discord, "7001"), 10)
        .await
        .unwrap();
    assert_eq!(
        ids(&on_discord),
        vec![namesake.id],
        "platforms must not mix"
    );
    let mette = db
        .submissions_by(&user(Platform::Telegram, "7002"), 10)
        .await
        .unwrap();
    assert_eq!(ids(&mette), vec![neighbour.id]);
    let nobody = db
        .submissions_by(&user(Platform::Telegram, "9999"), 10)
        .await
        .unwrap();
    assert!(nobody.is_empty());
}

/// "What's on" between `from` and `to`: published events on at some moment
/// of the half-open window, by start.
async fn events_in_a_window(db: &Database) {
    let from = june(14, 12, 0);
    let to = june(14, 20, 0);
    let someone = origin(Platform::Telegram, "-1001", None, "7001", "Søren");
    let published = |title: &str, start, end| {
        new_event(
            someone.clone(),
            timed_event(title, start, Some(end), None),
            Status::Published,
            sent(9, 0, 0, 0),
        )
    };

    // Inserted out of order so the result's order is the query's doing.
    for new in [
        published(
            "Starts one second before the end",
            june(14, 19, 59) + Duration::seconds(59),
            june(14, 21, 0),
        ),
        published("Starts exactly at the end", to, june(14, 22, 0)),
        published("Inside", june(14, 14, 0), june(14, 16, 0)),
        published("Ended exactly at the start", june(14, 10, 0), from),
        published("Ongoing", june(14, 11, 0), june(14, 13, 0)),
        published(
            "Ends one second after the start",
            june(14, 9, 0),
            from + Duration::seconds(1),
        ),
        published("Spans the whole window", june(13, 18, 0), june(15, 2, 0)),
        published("The day before", june(13, 10, 0), june(13, 12, 0)),
        published("The day after", june(15, 10, 0), june(15, 12, 0)),
        new_event(
            someone.clone(),
            timed_event("Incomplete but timed", june(14, 15, 0), None, None),
            Status::Incomplete,
            sent(9, 0, 0, 0),
        ),
        new_event(
            someone.clone(),
            undated_event("Incomplete without a date"),
            Status::Incomplete,
            sent(9, 0, 0, 0),
        ),
        new_event(
            someone.clone(),
            timed_event("Withdrawn", june(14, 15, 0), Some(june(14, 17, 0)), None),
            Status::Withdrawn,
            sent(9, 0, 0, 0),
        ),
        new_story(
            someone.clone(),
            "A story is never on",
            Status::Published,
            june(14, 15, 0),
        ),
    ] {
        insert(db, &new).await;
    }

    let on = db.events_between(from, to, false, 50).await.unwrap();
    assert_eq!(
        titles(&on),
        vec![
            "Spans the whole window",
            "Ends one second after the start",
            "Ongoing",
            "Inside",
            "Starts one second before the end",
        ],
        "wrong events or wrong order for [{from}, {to})"
    );
    assert!(
        on.iter()
            .all(|s| s.kind == SubmissionKind::Event && s.status == Status::Published)
    );

    let first_two = db.events_between(from, to, false, 2).await.unwrap();
    assert_eq!(
        titles(&first_two),
        vec!["Spans the whole window", "Ends one second after the start"],
        "the limit keeps the earliest"
    );

    let day_after = db
        .events_between(june(15, 0, 0), june(16, 0, 0), false, 50)
        .await
        .unwrap();
    assert_eq!(
        titles(&day_after),
        vec!["Spans the whole window", "The day after"]
    );

    let later = db
        .events_between(june(28, 0, 0), june(29, 0, 0), false, 50)
        .await
        .unwrap();
    assert!(later.is_empty(), "nothing is on then: {:?}", titles(&later));
}

/// The bot's follow-up state is kept per conversation and person.
async fn conversation_states(db: &Database) {
    let group = conversation(Platform::Telegram, "-1001");
    let soren = user(Platform::Telegram, "7001");
    let mette = user(Platform::Telegram, "7002");
    let t = sent(10, 9, 0, 0);
    let submission = insert(
        db,
        &new_event(
            origin(Platform::Telegram, "-1001", Some("300"), "7001", "Søren"),
            undated_event("Bankoaften"),
            Status::Incomplete,
            t,
        ),
    )
    .await
    .id;

    assert_eq!(
        db.conversation_state(&group, &soren).await.unwrap(),
        None,
        "no state before any is set"
    );

    let awaiting_date = ConversationState::Awaiting {
        submission,
        missing: Missing::Date,
    };
    db.set_conversation_state(&group, &soren, Some(awaiting_date), t)
        .await
        .unwrap();
    assert_eq!(
        db.conversation_state(&group, &soren).await.unwrap(),
        Some(awaiting_date)
    );

    let awaiting_time = ConversationState::Awaiting {
        submission,
        missing: Missing::Time,
    };
    db.set_conversation_state(
        &group,
        &soren,
        Some(awaiting_time),
        t + Duration::minutes(1),
    )
    .await
    .unwrap();
    assert_eq!(
        db.conversation_state(&group, &soren).await.unwrap(),
        Some(awaiting_time),
        "a new state replaces the old"
    );

    // The state belongs to this person in this conversation only.
    assert_eq!(db.conversation_state(&group, &mette).await.unwrap(), None);
    assert_eq!(
        db.conversation_state(&conversation(Platform::Telegram, "7001"), &soren)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        db.conversation_state(
            &conversation(Platform::Discord, "-1001"),
            &user(Platform::Discord, "7001")
        )
        .await
        .unwrap(),
        None,
        "the same ids on another platform are other people"
    );

    let confirmed = ConversationState::Confirmed { submission };
    db.set_conversation_state(&group, &soren, Some(confirmed), t + Duration::minutes(2))
        .await
        .unwrap();
    assert_eq!(
        db.conversation_state(&group, &soren).await.unwrap(),
        Some(confirmed)
    );

    let mettes = ConversationState::Awaiting {
        submission: submission + 1,
        missing: Missing::Date,
    };
    db.set_conversation_state(&group, &mette, Some(mettes), t)
        .await
        .unwrap();
    assert_eq!(
        db.conversation_state(&group, &mette).await.unwrap(),
        Some(mettes)
    );
    assert_eq!(
        db.conversation_state(&group, &soren).await.unwrap(),
        Some(confirmed),
        "another person's state must not overwrite"
    );

    db.set_conversation_state(&group, &soren, None, t + Duration::minutes(3))
        .await
        .unwrap();
    assert_eq!(
        db.conversation_state(&group, &soren).await.unwrap(),
        None,
        "clearing removes the state"
    );
    assert_eq!(
        db.conversation_state(&group, &mette).await.unwrap(),
        Some(mettes),
        "clearing one person's state kept the other's"
    );
    // Clearing what is not there is fine.
    db.set_conversation_state(&group, &soren, None, t + Duration::minutes(4))
        .await
        .unwrap();

    // A state can be set again after it was cleared.
    db.set_conversation_state(
        &group,
        &soren,
        Some(awaiting_date),
        t + Duration::minutes(5),
    )
    .await
    .unwrap();
    assert_eq!(
        db.conversation_state(&group, &soren).await.unwrap(),
        Some(awaiting_date)
    );
}

/// Emptying the store between scenarios really removes everything, so no
/// scenario can pass on what an earlier one left behind.
async fn clearing_empties_everything(db: &Database) {
    let t = sent(12, 9, 0, 0);
    let author = origin(Platform::Telegram, "-1001", Some("77"), "7001", "Søren");
    let event = insert(
        db,
        &new_event(
            author.clone(),
            timed_event("Ryddes væk", june(26, 10, 0), None, None),
            Status::Published,
            t,
        ),
    )
    .await;
    let handled = message(Platform::Telegram, "-1001", "77");
    assert!(db.mark_handled(&handled, t).await.unwrap());
    let state = ConversationState::Confirmed {
        submission: event.id,
    };
    db.set_conversation_state(&author.conversation, &author.author, Some(state), t)
        .await
        .unwrap();
    db.set_trust_revoked(&author.author, true, t).await.unwrap();
    db.touch_member(&author.conversation, &author.author, t)
        .await
        .unwrap();
    let logged = db
        .log_moderation(&moderation(&author.conversation, "7001", "flood", true, t))
        .await
        .unwrap();
    db.appeal_moderation(logged, "Undskyld").await.unwrap();
    let key = Some("digest:ryddes");
    db.enqueue(&outgoing(&author.conversation, "Ryddes", key), t)
        .await
        .unwrap()
        .expect("queued");
    assert!(db.record_digest_run("weekly", t, t).await.unwrap());

    db.clear_all().await.expect("clear_all");
    assert!(db.submission(event.id).await.unwrap().is_none());
    assert!(
        db.submissions_by(&author.author, 10)
            .await
            .unwrap()
            .is_empty()
    );
    let on = db
        .events_between(june(26, 0, 0), june(27, 0, 0), false, 10)
        .await
        .unwrap();
    assert!(on.is_empty());
    assert_eq!(
        db.conversation_state(&author.conversation, &author.author)
            .await
            .unwrap(),
        None
    );
    assert!(
        db.mark_handled(&handled, t).await.unwrap(),
        "clearing should forget handled messages"
    );
    assert!(!db.trust_revoked(&author.author).await.unwrap());
    let later = t + Duration::hours(1);
    assert_eq!(
        db.touch_member(&author.conversation, &author.author, later)
            .await
            .unwrap(),
        (later, 0),
        "clearing should forget members"
    );
    assert!(db.moderation_entry(logged).await.unwrap().is_none());
    let groups = std::slice::from_ref(&author.conversation);
    assert!(db.moderation_log(groups, 10).await.unwrap().is_empty());
    assert!(db.open_appeals(groups, 10).await.unwrap().is_empty());
    assert_eq!(
        db.strikes_since(&author.author, groups, t).await.unwrap(),
        0
    );
    assert!(
        db.due_outbox(Platform::Telegram, later, 0, 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        db.enqueue(&outgoing(&author.conversation, "Igen", key), later)
            .await
            .unwrap()
            .is_some(),
        "clearing should forget dedupe keys"
    );
    assert_eq!(db.last_digest_period("weekly").await.unwrap(), None);
    assert!(db.record_digest_run("weekly", t, later).await.unwrap());
}

/// An admin's decision: sets the status and the review and saves it.
async fn decide(
    db: &Database,
    submission: &Submission,
    status: Status,
    at: DateTime<Utc>,
    reviewer: &str,
    note: Option<&str>,
) -> Submission {
    let mut decided = submission.clone();
    decided.status = status;
    decided.review = Review {
        approved_at: (status == Status::Published).then_some(at),
        reviewer: Some(reviewer.to_string()),
        note: note.map(str::to_string),
    };
    decided.updated_at = at;
    db.update_submission(&decided)
        .await
        .expect("update_submission");
    decided.revision += 1;
    decided
}

/// Only a submission published on arrival is visible from its creation; an
/// admin's decision and reason are kept as given.
async fn reviews_are_saved(db: &Database) {
    let author = origin(Platform::Telegram, "-1001", Some("1"), "7001", "Søren");
    let published = insert(
        db,
        &new_story(
            author.clone(),
            "Straks",
            Status::Published,
            sent(13, 9, 0, 0),
        ),
    )
    .await;
    assert_eq!(
        published.review,
        Review {
            approved_at: Some(sent(13, 9, 0, 0)),
            reviewer: None,
            note: None,
        },
        "a submission published on arrival is visible from its creation"
    );
    for status in [Status::Pending, Status::Incomplete] {
        let waiting = insert(
            db,
            &new_story(author.clone(), "Venter", status, sent(13, 9, 1, 0)),
        )
        .await;
        assert_eq!(
            waiting.review,
            Review::default(),
            "a {status:?} submission was not approved"
        );
    }

    let pending = insert(
        db,
        &new_event(
            author.clone(),
            timed_event("Vandretur", june(27, 10, 0), None, None),
            Status::Pending,
            sent(13, 9, 2, 0),
        ),
    )
    .await;
    let approved = decide(
        db,
        &pending,
        Status::Published,
        sent(13, 11, 0, 0),
        "Åse Admin",
        None,
    )
    .await;
    assert_eq!(
        fetch(db, pending.id).await,
        approved,
        "the approval was not saved"
    );
    assert_eq!(
        fetch(db, published.id).await,
        published,
        "deciding one submission changed another"
    );

    let to_reject = insert(
        db,
        &new_story(
            author.clone(),
            "Reklame",
            Status::Pending,
            sent(13, 9, 3, 0),
        ),
    )
    .await;
    let rejected = decide(
        db,
        &to_reject,
        Status::Rejected,
        sent(13, 12, 0, 0),
        "Bo",
        Some("Reklame hører ikke hjemme her – beklager"),
    )
    .await;
    let read = fetch(db, to_reject.id).await;
    assert_eq!(read, rejected, "the rejection was not saved");
    assert_eq!(read.status, Status::Rejected);
    assert_eq!(read.review.approved_at, None);
    assert_eq!(
        read.review.note.as_deref(),
        Some("Reklame hører ikke hjemme her – beklager")
    );
}

/// The admins' queue: pending submissions only, oldest first.
async fn pending_queue(db: &Database) {
    let someone = origin(Platform::Telegram, "-1001", None, "7001", "Søren");
    let other = origin(Platform::Discord, "55", None, "66", "Mads");
    let first = insert(
        db,
        &new_story(someone.clone(), "Først", Status::Pending, sent(14, 8, 0, 0)),
    )
    .await;
    for status in [
        Status::Published,
        Status::Incomplete,
        Status::Rejected,
        Status::Withdrawn,
    ] {
        insert(
            db,
            &new_story(someone.clone(), "Ikke i køen", status, sent(14, 8, 30, 0)),
        )
        .await;
    }
    let second = insert(
        db,
        &new_event(
            other.clone(),
            timed_event("Anden", june(28, 12, 0), None, None),
            Status::Pending,
            sent(14, 9, 0, 0),
        ),
    )
    .await;
    let third = insert(
        db,
        &new_story(other.clone(), "Tredje", Status::Pending, sent(14, 10, 0, 0)),
    )
    .await;

    let queue = db.pending_submissions(10).await.unwrap();
    assert_eq!(
        ids(&queue),
        vec![first.id, second.id, third.id],
        "only pending submissions, oldest first"
    );
    assert_eq!(
        queue[1], second,
        "a queued submission reads back differently"
    );
    assert_eq!(
        ids(&db.pending_submissions(2).await.unwrap()),
        vec![first.id, second.id],
        "the limit keeps the oldest"
    );

    decide(
        db,
        &first,
        Status::Published,
        sent(14, 11, 0, 0),
        "Åse",
        None,
    )
    .await;
    decide(
        db,
        &third,
        Status::Rejected,
        sent(14, 11, 1, 0),
        "Åse",
        Some("Nej"),
    )
    .await;
    assert_eq!(
        ids(&db.pending_submissions(10).await.unwrap()),
        vec![second.id],
        "decided submissions leave the queue"
    );
}

/// Trust is earned by published submissions, per person and platform.
async fn approved_counts(db: &Database) {
    let soren = user(Platform::Telegram, "7001");
    assert_eq!(db.approved_count(&soren).await.unwrap(), 0);

    let group = origin(Platform::Telegram, "-1001", None, "7001", "Søren");
    let private = origin(Platform::Telegram, "7001", None, "7001", "Søren");
    insert(
        db,
        &new_story(group.clone(), "1", Status::Published, sent(15, 8, 0, 0)),
    )
    .await;
    insert(
        db,
        &new_story(private.clone(), "2", Status::Published, sent(15, 8, 1, 0)),
    )
    .await;
    let pending = insert(
        db,
        &new_story(group.clone(), "3", Status::Pending, sent(15, 8, 2, 0)),
    )
    .await;
    for status in [Status::Incomplete, Status::Rejected, Status::Withdrawn] {
        insert(
            db,
            &new_story(group.clone(), "x", status, sent(15, 8, 3, 0)),
        )
        .await;
    }
    // The same id on another platform, and someone else in the group.
    insert(
        db,
        &new_story(
            origin(Platform::Discord, "-1001", None, "7001", "Søren"),
            "Discord",
            Status::Published,
            sent(15, 8, 4, 0),
        ),
    )
    .await;
    insert(
        db,
        &new_story(
            origin(Platform::Telegram, "-1001", None, "7002", "Mette"),
            "Mette",
            Status::Published,
            sent(15, 8, 5, 0),
        ),
    )
    .await;

    assert_eq!(
        db.approved_count(&soren).await.unwrap(),
        2,
        "only Søren's published submissions on Telegram count"
    );
    decide(
        db,
        &pending,
        Status::Published,
        sent(15, 9, 0, 0),
        "Åse",
        None,
    )
    .await;
    assert_eq!(
        db.approved_count(&soren).await.unwrap(),
        3,
        "an approval counts"
    );
    assert_eq!(
        db.approved_count(&user(Platform::Discord, "7001"))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        db.approved_count(&user(Platform::Telegram, "7002"))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        db.approved_count(&user(Platform::Telegram, "9999"))
            .await
            .unwrap(),
        0
    );
}

/// An admin can revoke and restore a person's trust.
async fn trust_toggles(db: &Database) {
    let soren = user(Platform::Telegram, "7001");
    let namesake = user(Platform::Discord, "7001");
    let mette = user(Platform::Telegram, "7002");
    assert!(
        !db.trust_revoked(&soren).await.unwrap(),
        "trust is not revoked until an admin does it"
    );

    db.set_trust_revoked(&soren, true, sent(16, 9, 0, 0))
        .await
        .unwrap();
    assert!(db.trust_revoked(&soren).await.unwrap());
    assert!(
        !db.trust_revoked(&namesake).await.unwrap(),
        "the same id on another platform is another person"
    );
    assert!(!db.trust_revoked(&mette).await.unwrap());

    // Setting it again is fine.
    db.set_trust_revoked(&soren, true, sent(16, 9, 1, 0))
        .await
        .unwrap();
    assert!(db.trust_revoked(&soren).await.unwrap());

    db.set_trust_revoked(&soren, false, sent(16, 10, 0, 0))
        .await
        .unwrap();
    assert!(
        !db.trust_revoked(&soren).await.unwrap(),
        "restoring trust did not stick"
    );
    db.set_trust_revoked(&mette, false, sent(16, 10, 0, 0))
        .await
        .unwrap();
    assert!(!db.trust_revoked(&mette).await.unwrap());

    db.set_trust_revoked(&soren, true, sent(16, 11, 0, 0))
        .await
        .unwrap();
    assert!(db.trust_revoked(&soren).await.unwrap());
    assert!(!db.trust_revoked(&mette).await.unwrap());
}

/// For clash warnings, pending events count too; other statuses never do.
async fn events_with_pending(db: &Database) {
    let from = june(14, 12, 0);
    let to = june(14, 20, 0);
    let someone = origin(Platform::Telegram, "-1001", None, "7001", "Søren");
    let event = |title: &str, start, end, status| {
        new_event(
            someone.clone(),
            timed_event(title, start, Some(end), None),
            status,
            sent(9, 0, 0, 0),
        )
    };
    for new in [
        event(
            "Pending late",
            june(14, 18, 0),
            june(14, 19, 0),
            Status::Pending,
        ),
        event(
            "Published",
            june(14, 15, 0),
            june(14, 16, 0),
            Status::Published,
        ),
        event(
            "Pending early",
            june(14, 11, 0),
            june(14, 13, 0),
            Status::Pending,
        ),
        event(
            "Pending outside",
            june(14, 20, 0),
            june(14, 21, 0),
            Status::Pending,
        ),
        event(
            "Rejected",
            june(14, 14, 0),
            june(14, 15, 0),
            Status::Rejected,
        ),
        event(
            "Withdrawn",
            june(14, 14, 0),
            june(14, 15, 0),
            Status::Withdrawn,
        ),
        event(
            "Incomplete",
            june(14, 14, 0),
            june(14, 15, 0),
            Status::Incomplete,
        ),
        new_story(
            someone.clone(),
            "A pending story is never on",
            Status::Pending,
            june(14, 15, 0),
        ),
    ] {
        insert(db, &new).await;
    }

    let published = db.events_between(from, to, false, 50).await.unwrap();
    assert_eq!(
        titles(&published),
        vec!["Published"],
        "without include_pending only published events are on"
    );
    let with_pending = db.events_between(from, to, true, 50).await.unwrap();
    assert_eq!(
        titles(&with_pending),
        vec!["Pending early", "Published", "Pending late"],
        "wrong events or order with include_pending"
    );
    assert_eq!(with_pending[0].status, Status::Pending);
    assert_eq!(
        titles(&db.events_between(from, to, true, 2).await.unwrap()),
        vec!["Pending early", "Published"],
        "the limit keeps the earliest"
    );
}

/// The stories for a digest: published ones that became visible within the
/// half-open window, by when they did.
async fn stories_in_a_window(db: &Database) {
    let from = sent(17, 0, 0, 0);
    let to = sent(18, 0, 0, 0);
    let someone = origin(Platform::Telegram, "-1001", None, "7001", "Søren");
    let published_at = |text: &str, at| new_story(someone.clone(), text, Status::Published, at);

    for new in [
        published_at("One second before", from - Duration::seconds(1)),
        published_at("Exactly at the end", to),
        published_at("Last second", to - Duration::seconds(1)),
        published_at("Exactly at the start", from),
        new_story(someone.clone(), "Still pending", Status::Pending, from),
        new_event(
            someone.clone(),
            timed_event("An event is no story", june(17, 12, 0), None, None),
            Status::Published,
            sent(17, 6, 0, 0),
        ),
    ] {
        insert(db, &new).await;
    }
    // Sent before the window, approved within it: counts by approval, and
    // sorts by it too (before "Last second", which has a lower id).
    let sent_early = insert(
        db,
        &new_story(
            someone.clone(),
            "Approved in the window",
            Status::Pending,
            sent(16, 8, 0, 0),
        ),
    )
    .await;
    decide(
        db,
        &sent_early,
        Status::Published,
        sent(17, 12, 0, 0),
        "Åse",
        None,
    )
    .await;
    // Approved in the window but withdrawn since.
    let withdrawn = insert(
        db,
        &new_story(
            someone.clone(),
            "Withdrawn",
            Status::Published,
            sent(17, 13, 0, 0),
        ),
    )
    .await;
    let mut gone = withdrawn.clone();
    gone.status = Status::Withdrawn;
    db.update_submission(&gone).await.unwrap();
    gone.revision += 1;
    // Sent within the window, approved after it.
    let late = insert(
        db,
        &new_story(
            someone.clone(),
            "Approved later",
            Status::Pending,
            sent(17, 14, 0, 0),
        ),
    )
    .await;
    decide(
        db,
        &late,
        Status::Published,
        to + Duration::hours(1),
        "Åse",
        None,
    )
    .await;

    let stories = db.stories_approved_between(from, to, 50).await.unwrap();
    assert_eq!(
        titles(&stories),
        vec![
            "Exactly at the start",
            "Approved in the window",
            "Last second"
        ],
        "wrong stories or order for [{from}, {to})"
    );
    assert!(stories.iter().all(|s| s.kind == SubmissionKind::Story));
    assert_eq!(
        titles(&db.stories_approved_between(from, to, 2).await.unwrap()),
        vec!["Exactly at the start", "Approved in the window"],
        "the limit keeps the earliest"
    );
    assert_eq!(
        titles(
            &db.stories_approved_between(to, to + Duration::days(1), 50)
                .await
                .unwrap()
        ),
        vec!["Exactly at the end", "Approved later"]
    );
}

/// Members are counted per conversation: when first seen and how many
/// messages came before this one.
async fn members_are_counted(db: &Database) {
    let group = conversation(Platform::Telegram, "-1001");
    let other_group = conversation(Platform::Telegram, "-1002");
    let discord = conversation(Platform::Discord, "-1001");
    let soren = user(Platform::Telegram, "7001");
    let mette = user(Platform::Telegram, "7002");
    let t = sent(18, 9, 0, 0);

    assert_eq!(
        db.touch_member(&group, &soren, t).await.unwrap(),
        (t, 0),
        "a first message has none before it"
    );
    assert_eq!(
        db.touch_member(&group, &soren, t + Duration::minutes(5))
            .await
            .unwrap(),
        (t, 1),
        "first seen stays, the count goes up"
    );
    assert_eq!(
        db.touch_member(&group, &soren, t + Duration::hours(3))
            .await
            .unwrap(),
        (t, 2)
    );

    // Someone else, or the same person elsewhere, is counted separately.
    let later = t + Duration::days(1);
    assert_eq!(
        db.touch_member(&group, &mette, later).await.unwrap(),
        (later, 0)
    );
    assert_eq!(
        db.touch_member(&other_group, &soren, later).await.unwrap(),
        (later, 0)
    );
    assert_eq!(
        db.touch_member(&discord, &user(Platform::Discord, "7001"), later)
            .await
            .unwrap(),
        (later, 0),
        "the same ids on another platform are another member"
    );
    assert_eq!(
        db.touch_member(&group, &soren, later).await.unwrap(),
        (t, 3),
        "others' messages changed Søren's count"
    );

    // Joining records the first-seen time without a message.
    let bo = user(Platform::Telegram, "7003");
    let joined = sent(19, 8, 0, 0);
    db.member_joined(&group, &bo, joined).await.unwrap();
    // Joining again (a rejoin, a redelivered event) resets nothing.
    db.member_joined(&group, &bo, joined + Duration::days(2))
        .await
        .unwrap();
    assert_eq!(
        db.touch_member(&group, &bo, joined + Duration::days(3))
            .await
            .unwrap(),
        (joined, 0),
        "a joined member's first message has none before it, first seen is the join"
    );
    assert_eq!(
        db.touch_member(&group, &bo, joined + Duration::days(4))
            .await
            .unwrap(),
        (joined, 1)
    );

    // Joining after writing changes neither first-seen nor the count.
    db.member_joined(&group, &soren, later + Duration::days(1))
        .await
        .unwrap();
    assert_eq!(
        db.touch_member(&group, &soren, later + Duration::days(2))
            .await
            .unwrap(),
        (t, 4),
        "member_joined reset an existing member"
    );
}

fn moderation(
    conversation: &ConversationRef,
    user_id: &str,
    rule: &str,
    strike: bool,
    at: DateTime<Utc>,
) -> NewModerationEntry {
    NewModerationEntry {
        conversation: conversation.clone(),
        message_id: Some(format!("m-{}", at.timestamp())),
        user: user(conversation.platform, user_id),
        user_name: format!("Bruger {user_id}"),
        rule: rule.to_string(),
        matched: "GRATIS".to_string(),
        action: if strike { "delete" } else { "note" }.to_string(),
        strike,
        at,
    }
}

/// What a freshly logged entry must read back as.
fn logged(new: &NewModerationEntry, id: i64) -> ModerationEntry {
    ModerationEntry {
        id,
        conversation: new.conversation.clone(),
        message_id: new.message_id.clone(),
        user: new.user.clone(),
        user_name: new.user_name.clone(),
        rule: new.rule.clone(),
        matched: new.matched.clone(),
        action: new.action.clone(),
        strike: new.strike,
        undone: false,
        appeal: None,
        created_at: new.at,
    }
}

fn entry_ids(entries: &[ModerationEntry]) -> Vec<i64> {
    entries.iter().map(|e| e.id).collect()
}

/// The moderation log: entries read back as written, and per group newest
/// first.
async fn moderation_log_entries(db: &Database) {
    let a = conversation(Platform::Telegram, "-1001");
    let b = conversation(Platform::Telegram, "-1002");
    let elsewhere = conversation(Platform::Discord, "-1001");

    assert!(db.moderation_entry(1).await.unwrap().is_none());

    let first = NewModerationEntry {
        conversation: a.clone(),
        message_id: None,
        user: user(Platform::Telegram, "7001"),
        user_name: "Søren Ærbø".to_string(),
        rule: "banned_word".to_string(),
        matched: "ＦＲＥＥ æøå".to_string(),
        action: "delete".to_string(),
        strike: true,
        at: sent(20, 9, 0, 0),
    };
    let mut ids = Vec::new();
    for new in [
        first.clone(),
        moderation(&b, "7002", "link", false, sent(20, 9, 1, 0)),
        moderation(&elsewhere, "7001", "link", true, sent(20, 9, 2, 0)),
        moderation(&a, "7003", "admin_command", false, sent(20, 9, 3, 0)),
        moderation(&b, "7001", "flood", true, sent(20, 9, 4, 0)),
    ] {
        let id = db.log_moderation(&new).await.expect("log_moderation");
        if let Some(last) = ids.last() {
            assert!(id > *last, "ids must increase: #{id} after #{last}");
        }
        ids.push(id);
        assert_eq!(
            db.moderation_entry(id).await.unwrap(),
            Some(logged(&new, id)),
            "the logged entry reads back differently"
        );
    }
    let [a1, b1, e1, a2, b2] = ids[..] else {
        unreachable!()
    };
    assert!(db.moderation_entry(b2 + 1).await.unwrap().is_none());

    let only_a = db
        .moderation_log(std::slice::from_ref(&a), 10)
        .await
        .unwrap();
    assert_eq!(entry_ids(&only_a), vec![a2, a1], "group A, newest first");
    assert_eq!(only_a[1], logged(&first, a1));
    assert_eq!(
        entry_ids(
            &db.moderation_log(&[a.clone(), b.clone()], 10)
                .await
                .unwrap()
        ),
        vec![b2, a2, b1, a1],
        "two groups merged, newest first"
    );
    assert_eq!(
        entry_ids(&db.moderation_log(&[b.clone(), a.clone()], 3).await.unwrap()),
        vec![b2, a2, b1],
        "the limit keeps the newest across groups"
    );
    assert_eq!(
        entry_ids(
            &db.moderation_log(&[a.clone(), a.clone()], 10)
                .await
                .unwrap()
        ),
        vec![a2, a1],
        "a group given twice is listed once"
    );
    assert_eq!(
        entry_ids(
            &db.moderation_log(std::slice::from_ref(&elsewhere), 10)
                .await
                .unwrap()
        ),
        vec![e1],
        "the same id on another platform is another group"
    );
    assert!(db.moderation_log(&[], 10).await.unwrap().is_empty());
    assert!(
        db.moderation_log(&[conversation(Platform::Telegram, "-1009")], 10)
            .await
            .unwrap()
            .is_empty()
    );
}

/// Strikes that count: against that person, in those groups, since then,
/// not undone.
async fn strikes_are_counted(db: &Database) {
    let a = conversation(Platform::Telegram, "-1001");
    let b = conversation(Platform::Telegram, "-1002");
    let since = sent(21, 12, 0, 0);
    let soren = user(Platform::Telegram, "7001");

    for new in [
        moderation(&a, "7001", "flood", true, since - Duration::seconds(1)),
        moderation(&a, "7001", "flood", true, since),
        moderation(&a, "7001", "flood", true, since + Duration::hours(1)),
        moderation(&a, "7001", "link", false, since + Duration::hours(2)),
        moderation(&a, "7002", "flood", true, since + Duration::hours(2)),
        moderation(&b, "7001", "flood", true, since + Duration::hours(3)),
        moderation(
            &conversation(Platform::Discord, "-1001"),
            "7001",
            "flood",
            true,
            since + Duration::hours(3),
        ),
    ] {
        db.log_moderation(&new).await.unwrap();
    }
    let undone = db
        .log_moderation(&moderation(
            &a,
            "7001",
            "flood",
            true,
            since + Duration::hours(4),
        ))
        .await
        .unwrap();
    let counted = db
        .log_moderation(&moderation(
            &a,
            "7001",
            "flood",
            true,
            since + Duration::hours(5),
        ))
        .await
        .unwrap();
    assert_eq!(
        db.strikes_since(&soren, std::slice::from_ref(&a), since)
            .await
            .unwrap(),
        4
    );
    db.undo_moderation(undone).await.unwrap();
    assert!(
        db.moderation_entry(undone).await.unwrap().unwrap().undone,
        "undo was not saved"
    );
    assert!(!db.moderation_entry(counted).await.unwrap().unwrap().undone);
    // Undoing twice is fine.
    db.undo_moderation(undone).await.unwrap();

    assert_eq!(
        db.strikes_since(&soren, std::slice::from_ref(&a), since)
            .await
            .unwrap(),
        3,
        "expected the strikes at and after `since`, not undone, not notes, not others'"
    );
    assert_eq!(
        db.strikes_since(&soren, &[a.clone(), b.clone()], since)
            .await
            .unwrap(),
        4,
        "strikes in both groups add up"
    );
    assert_eq!(
        db.strikes_since(&soren, &[a.clone(), a.clone()], since)
            .await
            .unwrap(),
        3,
        "a group given twice counts once"
    );
    assert_eq!(
        db.strikes_since(&soren, std::slice::from_ref(&b), since)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        db.strikes_since(
            &soren,
            std::slice::from_ref(&a),
            since - Duration::seconds(1)
        )
        .await
        .unwrap(),
        4,
        "`since` is inclusive"
    );
    assert_eq!(
        db.strikes_since(&soren, std::slice::from_ref(&a), since + Duration::hours(6))
            .await
            .unwrap(),
        0
    );
    assert_eq!(db.strikes_since(&soren, &[], since).await.unwrap(), 0);
    assert_eq!(
        db.strikes_since(
            &user(Platform::Telegram, "7002"),
            std::slice::from_ref(&a),
            since
        )
        .await
        .unwrap(),
        1
    );
    assert_eq!(
        db.strikes_since(
            &user(Platform::Discord, "7001"),
            &[conversation(Platform::Discord, "-1001"), a.clone()],
            since
        )
        .await
        .unwrap(),
        1,
        "the same ids on another platform are another person"
    );
}

/// Appeals are kept with their entry; open ones are those not undone.
async fn appeals_are_open_until_undone(db: &Database) {
    let a = conversation(Platform::Telegram, "-1001");
    let b = conversation(Platform::Telegram, "-1002");
    let t = sent(22, 9, 0, 0);
    let mut ids = Vec::new();
    for (group, minutes) in [(&a, 0), (&b, 1), (&a, 2), (&a, 3), (&b, 4)] {
        ids.push(
            db.log_moderation(&moderation(
                group,
                "7001",
                "banned_word",
                true,
                t + Duration::minutes(minutes),
            ))
            .await
            .unwrap(),
        );
    }
    let [a1, b1, a2, a3, b2] = ids[..] else {
        unreachable!()
    };
    assert!(
        db.open_appeals(&[a.clone(), b.clone()], 10)
            .await
            .unwrap()
            .is_empty(),
        "nothing was appealed yet"
    );

    // Appealed newest first, so the order below is the entries' own.
    db.appeal_moderation(b2, "Det var ikke reklame")
        .await
        .unwrap();
    db.appeal_moderation(a3, "Jeg citerede bare – æøå")
        .await
        .unwrap();
    db.appeal_moderation(a1, "Undskyld").await.unwrap();
    db.appeal_moderation(b1, "Fejl").await.unwrap();

    let entry = db.moderation_entry(a3).await.unwrap().unwrap();
    assert_eq!(entry.appeal.as_deref(), Some("Jeg citerede bare – æøå"));
    assert!(!entry.undone);
    assert_eq!(db.moderation_entry(a2).await.unwrap().unwrap().appeal, None);

    let open = db.open_appeals(&[a.clone(), b.clone()], 10).await.unwrap();
    assert_eq!(entry_ids(&open), vec![a1, b1, a3, b2], "oldest first");
    assert_eq!(open[2], entry);
    assert_eq!(
        entry_ids(&db.open_appeals(std::slice::from_ref(&a), 10).await.unwrap()),
        vec![a1, a3],
        "only the groups asked for"
    );
    assert_eq!(
        entry_ids(&db.open_appeals(&[b.clone(), a.clone()], 2).await.unwrap()),
        vec![a1, b1],
        "the limit keeps the oldest across groups"
    );

    db.undo_moderation(a1).await.unwrap();
    assert_eq!(
        entry_ids(&db.open_appeals(&[a.clone(), b.clone()], 10).await.unwrap()),
        vec![b1, a3, b2],
        "an undone entry's appeal is settled"
    );
    assert_eq!(
        db.moderation_entry(a1)
            .await
            .unwrap()
            .unwrap()
            .appeal
            .as_deref(),
        Some("Undskyld"),
        "undoing keeps the appeal"
    );
    assert!(db.open_appeals(&[], 10).await.unwrap().is_empty());
    assert!(
        db.open_appeals(&[conversation(Platform::Discord, "-1001")], 10)
            .await
            .unwrap()
            .is_empty()
    );
}

fn outgoing(conversation: &ConversationRef, text: &str, dedupe_key: Option<&str>) -> NewOutboxItem {
    NewOutboxItem {
        conversation: conversation.clone(),
        reply_to: None,
        thread: None,
        doc: Doc::new().para(text),
        dedupe_key: dedupe_key.map(str::to_string),
        private_to: None,
    }
}

/// What a freshly enqueued item must read back as.
fn queued(new: &NewOutboxItem, id: i64) -> OutboxItem {
    OutboxItem {
        id,
        conversation: new.conversation.clone(),
        reply_to: new.reply_to.clone(),
        thread: new.thread.clone(),
        doc: new.doc.clone(),
        parts_sent: 0,
        attempts: 0,
        dedupe_key: new.dedupe_key.clone(),
        private_to: new.private_to.clone(),
    }
}

fn outbox_ids(items: &[OutboxItem]) -> Vec<i64> {
    items.iter().map(|i| i.id).collect()
}

async fn enqueue(db: &Database, item: &NewOutboxItem, at: DateTime<Utc>) -> i64 {
    db.enqueue(item, at)
        .await
        .expect("enqueue")
        .expect("a new item should be queued")
}

/// The outbox: items come back whole, per platform, oldest first, when due;
/// a dedupe key allows one item ever.
/// A reaction to one of the bot's messages finds the outbox item whose last
/// part that message was, on that platform and in that conversation only.
async fn reactions_find_their_message(db: &Database) {
    let room = conversation(Platform::Matrix, "!torvet:localhost");
    let t = sent(23, 9, 0, 0);
    let item = NewOutboxItem {
        conversation: room.clone(),
        reply_to: None,
        thread: None,
        doc: Doc::new()
            .para("Ny begivenhed #3")
            .button("✅ Godkend #3", "approve:3"),
        dedupe_key: None,
        private_to: None,
    };
    let id = enqueue(db, &item, t).await;
    db.outbox_part_sent(id, 1, "$part1").await.unwrap();
    db.outbox_part_sent(id, 2, "$part2").await.unwrap();
    let at = |conversation: &ConversationRef, message: &str| MessageRef {
        conversation: conversation.clone(),
        id: message.to_string(),
    };
    let found = db
        .outbox_item_sent_as(&at(&room, "$part2"))
        .await
        .unwrap()
        .expect("the last part is found");
    assert_eq!(found.id, id);
    assert_eq!(found.doc.buttons, item.doc.buttons);
    assert!(
        db.outbox_item_sent_as(&at(&room, "$part1"))
            .await
            .unwrap()
            .is_none()
    );
    let elsewhere = conversation(Platform::Matrix, "!strand:localhost");
    assert!(
        db.outbox_item_sent_as(&at(&elsewhere, "$part2"))
            .await
            .unwrap()
            .is_none()
    );
}

async fn interest_is_counted_once_per_person(db: &Database) {
    let t = sent(23, 9, 0, 0);
    let author = origin(
        Platform::Matrix,
        "!torvet:localhost",
        Some("$e1"),
        "@ali:localhost",
        "Ali",
    );
    let story = insert(
        db,
        &new_story(author, "Kage til alle", Status::Published, t),
    )
    .await;
    assert_eq!(fetch(db, story.id).await.interested, 0);
    let mette = user(Platform::Matrix, "@mette:localhost");
    let bo = user(Platform::Discord, "42");
    db.set_interest(story.id, &mette, true, t).await.unwrap();
    db.set_interest(story.id, &mette, true, t).await.unwrap();
    db.set_interest(story.id, &bo, true, t).await.unwrap();
    assert_eq!(fetch(db, story.id).await.interested, 2, "once per person");
    db.set_interest(story.id, &mette, false, t).await.unwrap();
    assert_eq!(fetch(db, story.id).await.interested, 1);
    db.set_interest(story.id, &mette, false, t).await.unwrap();
    assert_eq!(
        fetch(db, story.id).await.interested,
        1,
        "withdrawing twice is harmless"
    );
}

async fn outbox_delivery(db: &Database) {
    let group = conversation(Platform::Telegram, "-1001");
    let discord = conversation(Platform::Discord, "-1001");
    let t = sent(23, 9, 0, 0);

    let digest = NewOutboxItem {
        conversation: group.clone(),
        reply_to: Some("4711".to_string()),
        thread: Some("emne-7".to_string()),
        doc: Doc::new()
            .heading("Ugens historier")
            .para("Æbler & <pærer> – \"citat\"")
            .item(vec![
                Span::Bold("Lørdag".to_string()),
                Span::Text(" kl. 10: ".to_string()),
                Span::Italic("Loppemarked".to_string()),
            ]),
        dedupe_key: Some("digest:telegram:-1001:2025-06-23".to_string()),
        private_to: None,
    };
    let first = enqueue(db, &digest, t).await;
    assert_eq!(
        db.enqueue(&digest, t + Duration::minutes(1)).await.unwrap(),
        None,
        "the same dedupe key was queued twice"
    );
    let other_content = outgoing(&discord, "Noget andet", digest.dedupe_key.as_deref());
    assert_eq!(
        db.enqueue(&other_content, t).await.unwrap(),
        None,
        "a dedupe key allows one item whatever its content"
    );
    let reply = outgoing(&group, "Svar", None);
    let second = enqueue(db, &reply, t).await;
    let third = enqueue(db, &reply, t + Duration::seconds(10)).await;
    assert!(
        first < second && second < third,
        "items without a key never clash, and ids increase"
    );
    let on_discord = enqueue(db, &outgoing(&discord, "Discord", None), t).await;

    assert!(
        db.due_outbox(Platform::Telegram, t - Duration::seconds(1), 0, 10)
            .await
            .unwrap()
            .is_empty(),
        "nothing is due before it was queued"
    );
    let due = db.due_outbox(Platform::Telegram, t, 0, 10).await.unwrap();
    assert_eq!(outbox_ids(&due), vec![first, second], "due at `t`");
    assert_eq!(
        due[0],
        queued(&digest, first),
        "the item reads back differently"
    );
    assert_eq!(due[1], queued(&reply, second));
    let due = db
        .due_outbox(Platform::Telegram, t + Duration::minutes(1), 0, 10)
        .await
        .unwrap();
    assert_eq!(outbox_ids(&due), vec![first, second, third], "oldest first");
    assert_eq!(
        outbox_ids(
            &db.due_outbox(Platform::Telegram, t + Duration::minutes(1), 0, 2)
                .await
                .unwrap()
        ),
        vec![first, second],
        "the limit keeps the oldest"
    );
    assert_eq!(
        outbox_ids(
            &db.due_outbox(Platform::Telegram, t + Duration::minutes(1), second, 2)
                .await
                .unwrap()
        ),
        vec![third],
        "the next page starts after the last item seen"
    );
    assert_eq!(
        outbox_ids(
            &db.due_outbox(Platform::Discord, t + Duration::minutes(1), 0, 10)
                .await
                .unwrap()
        ),
        vec![on_discord],
        "each platform gets its own items"
    );
    assert!(
        db.due_outbox(Platform::Matrix, t + Duration::minutes(1), 0, 10)
            .await
            .unwrap()
            .is_empty()
    );

    // Two of three parts went out, then the connection failed.
    db.outbox_part_sent(first, 1, "m-1").await.unwrap();
    db.outbox_part_sent(first, 2, "m-2").await.unwrap();
    let retry_at = t + Duration::minutes(5);
    db.outbox_failed(first, "HTTP 502", Some(retry_at))
        .await
        .unwrap();
    let later = t + Duration::minutes(1);
    assert_eq!(
        outbox_ids(
            &db.due_outbox(Platform::Telegram, later, 0, 10)
                .await
                .unwrap()
        ),
        vec![second, third],
        "a failed item waits for its retry time"
    );
    assert!(
        !outbox_ids(
            &db.due_outbox(Platform::Telegram, retry_at - Duration::seconds(1), 0, 10)
                .await
                .unwrap()
        )
        .contains(&first)
    );
    let due = db
        .due_outbox(Platform::Telegram, retry_at, 0, 10)
        .await
        .unwrap();
    assert_eq!(
        outbox_ids(&due),
        vec![first, second, third],
        "the retry is due at its time"
    );
    assert_eq!(
        due[0],
        OutboxItem {
            parts_sent: 2,
            attempts: 1,
            ..queued(&digest, first)
        },
        "parts sent and attempts were not kept"
    );

    // It fails again, then gets through.
    let retry_again = retry_at + Duration::minutes(10);
    db.outbox_failed(first, "timeout", Some(retry_again))
        .await
        .unwrap();
    let due = db
        .due_outbox(Platform::Telegram, retry_again, 0, 10)
        .await
        .unwrap();
    assert_eq!(due[0].id, first);
    assert_eq!((due[0].attempts, due[0].parts_sent), (2, 2));
    db.outbox_part_sent(first, 3, "m-3").await.unwrap();
    db.outbox_done(first, retry_again).await.unwrap();

    // Another one gives up for good.
    db.outbox_failed(second, "chat not found", None)
        .await
        .unwrap();

    let far_future = t + Duration::days(365);
    assert_eq!(
        outbox_ids(
            &db.due_outbox(Platform::Telegram, far_future, 0, 10)
                .await
                .unwrap()
        ),
        vec![third],
        "sent and given-up items are never due again"
    );
    assert_eq!(
        db.enqueue(&digest, far_future).await.unwrap(),
        None,
        "a dedupe key allows one item ever, even after it was sent"
    );
    // The Discord item was untouched by all of this.
    assert_eq!(
        db.due_outbox(Platform::Discord, far_future, 0, 10)
            .await
            .unwrap(),
        vec![queued(&outgoing(&discord, "Discord", None), on_discord)]
    );
}

/// A lease is one process's until it runs out or is released; renewing
/// keeps it; four processes asking at once get it once.
async fn leases_have_one_holder_until_they_run_out(db: &Database) {
    let t = sent(23, 7, 0, 0);
    let later = |s: i64| t + Duration::seconds(s);
    let lease = "platform:telegram";
    assert_eq!(db.take_lease(lease, "a", t, later(30)).await.unwrap(), None);
    assert_eq!(
        db.take_lease(lease, "b", later(10), later(40))
            .await
            .unwrap(),
        Some(("a".to_string(), later(30))),
        "taken while a holds it"
    );
    // Renewed by its holder: b must wait for the new end.
    assert_eq!(
        db.take_lease(lease, "a", later(20), later(50))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        db.take_lease(lease, "b", later(40), later(70))
            .await
            .unwrap(),
        Some(("a".to_string(), later(50)))
    );
    // Run out: the standby takes it, and the old holder cannot renew.
    assert_eq!(
        db.take_lease(lease, "b", later(50), later(80))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        db.take_lease(lease, "a", later(51), later(81))
            .await
            .unwrap(),
        Some(("b".to_string(), later(80)))
    );
    // Another name is another lease.
    assert_eq!(
        db.take_lease("platform:discord", "a", later(51), later(81))
            .await
            .unwrap(),
        None
    );
    // Released: free at once.
    db.release_holder("b").await.unwrap();
    assert_eq!(
        db.take_lease(lease, "c", later(52), later(82))
            .await
            .unwrap(),
        None
    );
    db.release_holder("a").await.unwrap();
    db.release_holder("c").await.unwrap();

    // At once (on PostgreSQL, each on its own connection): one winner.
    let ask = |holder: &'static str| db.take_lease("platform:matrix", holder, t, later(30));
    let (w, x, y, z) = tokio::join!(ask("w"), ask("x"), ask("y"), ask("z"));
    let winners = [w, x, y, z]
        .into_iter()
        .filter(|r| r.as_ref().expect("take_lease").is_none())
        .count();
    assert_eq!(winners, 1, "one holder of a lease taken at once");
}

/// An outbox item is sent by the process that claimed it; the claim is
/// extended by its holder, runs out, and ends with a release or the send.
async fn outbox_items_are_claimed_by_one_process(db: &Database) {
    let t = sent(23, 7, 0, 0);
    let later = |s: i64| t + Duration::seconds(s);
    let torvet = conversation(Platform::Telegram, "-1001");
    let id = db
        .enqueue(&outgoing(&torvet, "Tak!", None), t)
        .await
        .unwrap()
        .expect("queued");
    assert!(db.claim_outbox(id, "a", t, later(30)).await.unwrap());
    assert!(
        !db.claim_outbox(id, "b", later(10), later(40))
            .await
            .unwrap()
    );
    assert!(
        db.claim_outbox(id, "a", later(20), later(50))
            .await
            .unwrap(),
        "extended"
    );
    assert!(
        !db.claim_outbox(id, "b", later(40), later(70))
            .await
            .unwrap()
    );
    // The claimant died: once its claim ran out, another sends it.
    assert!(
        db.claim_outbox(id, "b", later(50), later(80))
            .await
            .unwrap()
    );
    assert!(
        !db.claim_outbox(id, "a", later(51), later(81))
            .await
            .unwrap()
    );
    // Released on a clean stop.
    db.release_holder("b").await.unwrap();
    assert!(
        db.claim_outbox(id, "a", later(52), later(82))
            .await
            .unwrap()
    );
    // Sent: nobody claims it again.
    db.outbox_done(id, later(53)).await.unwrap();
    assert!(
        !db.claim_outbox(id, "a", later(100), later(130))
            .await
            .unwrap()
    );
    assert!(
        !db.claim_outbox(id + 1000, "a", later(100), later(130))
            .await
            .unwrap()
    );

    let other = db
        .enqueue(&outgoing(&torvet, "Velkommen!", None), t)
        .await
        .unwrap()
        .expect("queued");
    let claim = |holder: &'static str| db.claim_outbox(other, holder, t, later(30));
    let (w, x, y, z) = tokio::join!(claim("w"), claim("x"), claim("y"), claim("z"));
    let winners = [w, x, y, z]
        .into_iter()
        .filter(|r| *r.as_ref().expect("claim_outbox"))
        .count();
    assert_eq!(winners, 1, "one claimant of an item claimed at once");
}

/// A person's own language (`/sprog`): per person and platform, changed
/// and undone, and part of the town's export.
async fn a_persons_language_is_kept_until_undone(db: &Database) {
    let ayse = UserRef {
        platform: Platform::Telegram,
        id: "7001".into(),
    };
    let same_id_elsewhere = UserRef {
        platform: Platform::Discord,
        id: "7001".into(),
    };
    let at = sent(23, 7, 0, 0);
    assert_eq!(db.person_language(&ayse).await.unwrap(), None);
    db.set_person_language(&ayse, Some(Language::Tr), at)
        .await
        .unwrap();
    assert_eq!(db.person_language(&ayse).await.unwrap(), Some(Language::Tr));
    assert_eq!(db.person_language(&same_id_elsewhere).await.unwrap(), None);
    db.set_person_language(&ayse, Some(Language::Ar), at)
        .await
        .unwrap();
    assert_eq!(db.person_language(&ayse).await.unwrap(), Some(Language::Ar));
    let export = db.export_all().await.unwrap();
    assert_eq!(
        export["tables"]["person_languages"][0]["language"], "ar",
        "{export}"
    );
    db.set_person_language(&ayse, None, at).await.unwrap();
    assert_eq!(db.person_language(&ayse).await.unwrap(), None);
    // Undoing what was never chosen is no error.
    db.set_person_language(&same_id_elsewhere, None, at)
        .await
        .unwrap();
}

/// One person's data (GDPR): every table that can hold something about
/// them gets a row (in a group and in their private chat, whose id is
/// theirs on Telegram), the export names every one of those tables, and
/// after the erasure no table holds their id or their name, while another
/// resident's rows are untouched and what was published stays, without
/// them. Retention then prunes what is kept only for a while.
async fn a_person_is_exported_and_erased_without_a_trace(db: &Database) {
    use vores_bot::store::KeepPublished;
    let id = "tg-4711-mette";
    let name = "Mette Testesen";
    let mette = user(Platform::Telegram, id);
    let group = conversation(Platform::Telegram, "-100777");
    let private = conversation(Platform::Telegram, id);
    let t = sent(23, 9, 0, 0);

    let story = insert(
        db,
        &new_story(
            origin(Platform::Telegram, "-100777", Some("11"), id, name),
            "Solsikkerne i Vejleåparken blomstrer",
            Status::Published,
            t,
        ),
    )
    .await;
    let pending = insert(
        db,
        &new_event(
            origin(Platform::Telegram, "-100777", Some("12"), id, name),
            undated_event("Strikkecafé"),
            Status::Incomplete,
            t,
        ),
    )
    .await;
    insert(
        db,
        &new_story(
            origin(Platform::Telegram, id, Some("13"), id, name),
            "Tak for en dejlig sommer",
            Status::Pending,
            t,
        ),
    )
    .await;
    let others = insert(
        db,
        &new_story(
            origin(
                Platform::Telegram,
                "-100777",
                Some("14"),
                "tg-99",
                "Ali Hansen",
            ),
            "Loppemarkedet var en succes",
            Status::Published,
            t,
        ),
    )
    .await;
    db.mark_handled(&message(Platform::Telegram, id, "13"), t)
        .await
        .unwrap();
    db.set_conversation_state(
        &group,
        &mette,
        Some(ConversationState::Awaiting {
            submission: pending.id,
            missing: Missing::Date,
        }),
        t,
    )
    .await
    .unwrap();
    db.set_trust_revoked(&mette, true, t).await.unwrap();
    db.touch_member(&group, &mette, t).await.unwrap();
    db.touch_member(&private, &mette, t).await.unwrap();
    let mut entry = moderation(&group, id, "caps", false, t);
    entry.user_name = name.to_string();
    entry.matched = "KØB NU".to_string();
    let entry = db.log_moderation(&entry).await.unwrap();
    db.appeal_moderation(entry, "Det var en fejl")
        .await
        .unwrap();
    db.set_interest(others.id, &mette, true, t).await.unwrap();
    db.set_person_language(&mette, Some(Language::Tr), t)
        .await
        .unwrap();
    db.subscribe(
        &Subscription {
            daily: true,
            tags: vec![Tag::Children],
            topic: Some("fællesspisning".to_string()),
            ..Subscription::weekly(mette.clone(), group.clone(), "ishoj")
        },
        t,
    )
    .await
    .unwrap();
    let mut note = outgoing(&group, "Hej Mette Testesen, din besked blev fjernet", None);
    note.private_to = Some(id.to_string());
    let note = enqueue(db, &note, t).await;
    db.outbox_done(note, t).await.unwrap();
    enqueue(
        db,
        &outgoing(&private, "Tak! Jeg har gemt din historie", None),
        t,
    )
    .await;
    let thanks = enqueue(
        db,
        &outgoing(
            &group,
            "Tak til Ali Hansen og Mette Testesen for ugens historier!",
            None,
        ),
        t,
    )
    .await;
    db.outbox_done(thanks, t).await.unwrap();

    let data = db.person_data(&mette).await.unwrap();
    for table in [
        "submissions",
        "handled_messages",
        "conversation_states",
        "trust",
        "members",
        "moderation_log",
        "interest",
        "person_languages",
        "outbox",
    ] {
        assert!(
            data.contains_key(table),
            "the export lacks {table}: {data:?}"
        );
    }
    assert_eq!(data["submissions"].len(), 3);
    assert_eq!(data["outbox"].len(), 3, "{:?}", data["outbox"]);
    assert_eq!(data["moderation_log"][0]["appeal"], "Det var en fejl");
    let nobody = db.person_data(&user(Platform::Discord, id)).await.unwrap();
    assert!(
        nobody.is_empty(),
        "the same id on another platform is someone else"
    );

    let erased = db
        .erase_person(&mette, KeepPublished::Anonymised)
        .await
        .unwrap();
    assert_eq!(erased.deleted_submissions, 2);
    assert_eq!(erased.anonymised_submissions, 1);
    assert_eq!(erased.anonymised_log_entries, 1);

    let town = db.export_all().await.unwrap().to_string();
    for trace in [id, name, "Mette", "Testesen", "KØB NU", "Det var en fejl"] {
        assert!(!town.contains(trace), "{trace:?} is still stored: {town}");
    }
    assert!(db.person_data(&mette).await.unwrap().is_empty());
    let kept = fetch(db, story.id).await;
    assert_eq!(kept.status, Status::Published);
    assert!(kept.anonymous);
    assert_eq!(kept.origin.author_name, "");
    assert_eq!(kept.text, "Solsikkerne i Vejleåparken blomstrer");
    assert_eq!(fetch(db, others.id).await.origin.author_name, "Ali Hansen");
    assert!(
        town.contains("Tak til Ali Hansen og … for ugens historier!"),
        "{town}"
    );
    let log = db
        .moderation_log(std::slice::from_ref(&group), 10)
        .await
        .unwrap();
    assert_eq!(log.len(), 1, "that a rule was applied is kept");
    assert_eq!(log[0].rule, "caps");

    // Erasing published work too, and erasing twice, is fine.
    db.erase_person(&user(Platform::Telegram, "tg-99"), KeepPublished::Removed)
        .await
        .unwrap();
    assert!(
        !db.export_all()
            .await
            .unwrap()
            .to_string()
            .contains("Ali Hansen")
    );
    db.erase_person(&mette, KeepPublished::Removed)
        .await
        .unwrap();

    // Retention: what is older than the period goes; the rest stays.
    let later = t + Duration::days(400);
    let fresh = db
        .log_moderation(&moderation(&group, "tg-5", "flood", true, later))
        .await
        .unwrap();
    let gone = db.prune(later - Duration::days(365)).await.unwrap();
    assert!(
        gone >= 3,
        "the old log entry, marker and sent messages: {gone}"
    );
    let log = db
        .moderation_log(std::slice::from_ref(&group), 10)
        .await
        .unwrap();
    assert_eq!(log.iter().map(|e| e.id).collect::<Vec<_>>(), vec![fresh]);
}

/// Linked accounts (`/forbind`): a code links two accounts once, within
/// ten minutes, never with itself, and not by guessing; linked accounts
/// share approvals (trust), distrust, strikes, "/mine" and the language;
/// unlinking separates them again.
async fn linked_accounts_are_one_person(db: &Database) {
    use vores_bot::store::LinkOutcome;
    let tg = user(Platform::Telegram, "tg-1");
    let mx = user(Platform::Matrix, "@ali:localhost");
    let stranger = user(Platform::Discord, "d-9");
    let group = conversation(Platform::Telegram, "-100");
    let room = conversation(Platform::Matrix, "!torvet:localhost");
    let t = sent(23, 9, 0, 0);
    insert(
        db,
        &new_story(
            origin(Platform::Telegram, "-100", Some("1"), "tg-1", "Ali"),
            "Loppemarkedet var en succes",
            Status::Published,
            t,
        ),
    )
    .await;
    assert_eq!(db.approved_count(&mx).await.unwrap(), 0);
    assert_eq!(db.linked_accounts(&mx).await.unwrap(), vec![mx.clone()]);
    assert_eq!(db.shared_name(&tg).await.unwrap(), None, "not linked");

    db.create_link_code(&tg, &group, "ABC234", t + Duration::minutes(10))
        .await
        .unwrap();
    assert_eq!(
        db.redeem_link_code(&tg, "ABC234", t).await.unwrap(),
        LinkOutcome::Own
    );
    assert_eq!(
        db.redeem_link_code(&mx, "ZZZ999", t).await.unwrap(),
        LinkOutcome::Unknown
    );
    assert_eq!(
        db.redeem_link_code(&mx, "ABC234", t + Duration::minutes(1))
            .await
            .unwrap(),
        LinkOutcome::Linked {
            with: tg.clone(),
            told_in: group.clone()
        }
    );
    assert_eq!(
        db.redeem_link_code(&stranger, "ABC234", t).await.unwrap(),
        LinkOutcome::Unknown,
        "a code works once"
    );
    assert_eq!(
        db.linked_accounts(&mx).await.unwrap(),
        vec![mx.clone(), tg.clone()]
    );
    assert_eq!(db.approved_count(&mx).await.unwrap(), 1, "trust is shared");
    // One name on every platform: the first they shared something under.
    assert_eq!(db.shared_name(&mx).await.unwrap().as_deref(), Some("Ali"));
    assert_eq!(db.submissions_by(&mx, 10).await.unwrap().len(), 1);
    db.log_moderation(&moderation(&group, "tg-1", "spam", true, t))
        .await
        .unwrap();
    assert_eq!(
        db.strikes_since(&mx, &[group.clone(), room.clone()], t - Duration::hours(1))
            .await
            .unwrap(),
        1,
        "a strike on one account counts on the other"
    );
    db.set_person_language(&mx, Some(Language::Ar), t)
        .await
        .unwrap();
    assert_eq!(db.person_language(&tg).await.unwrap(), Some(Language::Ar));
    db.set_trust_revoked(&tg, true, t).await.unwrap();
    assert!(db.trust_revoked(&mx).await.unwrap());
    db.set_trust_revoked(&mx, false, t).await.unwrap();
    assert!(!db.trust_revoked(&tg).await.unwrap());

    // Older than ten minutes: refused.
    db.create_link_code(
        &stranger,
        &conversation(Platform::Discord, "c-1"),
        "EXP777",
        t,
    )
    .await
    .unwrap();
    assert_eq!(
        db.redeem_link_code(&mx, "EXP777", t + Duration::minutes(11))
            .await
            .unwrap(),
        LinkOutcome::Expired
    );
    // Guessing: after five wrong codes in an hour even a right one waits.
    let guesser = user(Platform::Telegram, "tg-guess");
    db.create_link_code(
        &stranger,
        &conversation(Platform::Discord, "c-1"),
        "RIGHT2",
        t + Duration::minutes(10),
    )
    .await
    .unwrap();
    for guess in ["AAAAA2", "AAAAA3", "AAAAA4", "AAAAA5", "AAAAA6"] {
        assert_eq!(
            db.redeem_link_code(&guesser, guess, t).await.unwrap(),
            LinkOutcome::Unknown
        );
    }
    assert_eq!(
        db.redeem_link_code(&guesser, "RIGHT2", t).await.unwrap(),
        LinkOutcome::TooManyTries
    );
    assert!(matches!(
        db.redeem_link_code(&guesser, "RIGHT2", t + Duration::minutes(61))
            .await,
        Ok(LinkOutcome::Expired)
    ));

    assert_eq!(db.unlink(&mx).await.unwrap(), vec![tg.clone()]);
    assert_eq!(db.linked_accounts(&tg).await.unwrap(), vec![tg.clone()]);
    assert_eq!(db.approved_count(&mx).await.unwrap(), 0, "separate again");
    assert_eq!(
        db.strikes_since(&mx, &[group, room], t - Duration::hours(1))
            .await
            .unwrap(),
        0
    );
    assert!(db.unlink(&mx).await.unwrap().is_empty());
}

/// The week's news by private message: one subscription per account, for
/// the group it was asked in, moved by asking again, ended by `/afmeld`.
async fn subscriptions_are_one_per_account(db: &Database) {
    let ali = user(Platform::Telegram, "tg-1");
    let sara = user(Platform::Matrix, "@sara:localhost");
    let t = sent(23, 9, 0, 0);
    let torvet = conversation(Platform::Telegram, "-100");
    let room = conversation(Platform::Matrix, "!torvet:localhost");
    let weekly = |who: &UserRef, at: &ConversationRef, group: &str| {
        Subscription::weekly(who.clone(), at.clone(), group)
    };
    assert!(db.subscribers("ishoj").await.unwrap().is_empty());
    db.subscribe(&weekly(&ali, &torvet, "ishoj"), t)
        .await
        .unwrap();
    db.subscribe(&weekly(&sara, &room, "ishoj"), t)
        .await
        .unwrap();
    db.subscribe(&weekly(&ali, &torvet, "ishoj"), t)
        .await
        .unwrap();
    assert_eq!(
        db.subscribers("ishoj").await.unwrap(),
        vec![
            weekly(&sara, &room, "ishoj"),
            weekly(&ali, &torvet, "ishoj")
        ]
    );
    // Asking again with a choice replaces the first: daily, children and
    // sport, or a topic.
    let choosy = Subscription {
        daily: true,
        tags: vec![Tag::Children, Tag::Sport],
        topic: Some("fællesspisning".to_string()),
        ..weekly(&sara, &room, "ishoj")
    };
    db.subscribe(&choosy, t).await.unwrap();
    assert_eq!(
        db.subscribers("ishoj").await.unwrap(),
        vec![choosy.clone(), weekly(&ali, &torvet, "ishoj")]
    );
    db.subscribe(&weekly(&sara, &room, "ishoj"), t)
        .await
        .unwrap();
    assert_eq!(
        db.subscribers("ishoj").await.unwrap()[0],
        weekly(&sara, &room, "ishoj")
    );
    db.subscribe(&weekly(&ali, &torvet, "vallensbaek"), t)
        .await
        .unwrap();
    assert_eq!(
        db.subscribers("ishoj").await.unwrap(),
        vec![weekly(&sara, &room, "ishoj")]
    );
    assert!(db.unsubscribe(&sara).await.unwrap());
    assert!(!db.unsubscribe(&sara).await.unwrap());
    assert!(db.subscribers("ishoj").await.unwrap().is_empty());
    assert_eq!(
        db.subscribers("vallensbaek").await.unwrap(),
        vec![weekly(&ali, &torvet, "vallensbaek")]
    );
}

/// A digest runs once per group and period.
async fn digest_runs(db: &Database) {
    let week = sent(23, 7, 0, 0);
    let at = sent(23, 7, 0, 5);
    assert_eq!(db.last_digest_period("weekly").await.unwrap(), None);

    assert!(db.record_digest_run("weekly", week, at).await.unwrap());
    assert!(
        !db.record_digest_run("weekly", week, at + Duration::minutes(1))
            .await
            .unwrap(),
        "the same period was recorded twice"
    );
    assert_eq!(db.last_digest_period("weekly").await.unwrap(), Some(week));

    let next_week = week + Duration::days(7);
    assert!(db.record_digest_run("weekly", next_week, at).await.unwrap());
    // A late run of an older period does not move the latest back.
    let last_week = week - Duration::days(7);
    assert!(db.record_digest_run("weekly", last_week, at).await.unwrap());
    assert_eq!(
        db.last_digest_period("weekly").await.unwrap(),
        Some(next_week)
    );

    assert_eq!(
        db.last_digest_period("daily").await.unwrap(),
        None,
        "groups are separate"
    );
    assert!(
        db.record_digest_run("daily", week, at).await.unwrap(),
        "the same period in another group is another run"
    );
    assert_eq!(db.last_digest_period("daily").await.unwrap(), Some(week));
    assert_eq!(
        db.last_digest_period("weekly").await.unwrap(),
        Some(next_week)
    );
}

/// Runs every scenario on an empty store.
async fn run_suite(db: &Database) {
    macro_rules! scenarios {
        ($($scenario:ident),* $(,)?) => {
            $(
                db.clear_all().await.expect("clear_all");
                $scenario(db).await;
            )*
        };
    }
    scenarios!(
        clearing_empties_everything,
        handled_messages_are_remembered,
        events_round_trip,
        stories_round_trip,
        updates_are_saved,
        unknown_submissions_are_none,
        submissions_are_found_by_message,
        submissions_by_author,
        events_in_a_window,
        conversation_states,
        reviews_are_saved,
        pending_queue,
        approved_counts,
        trust_toggles,
        events_with_pending,
        stories_in_a_window,
        members_are_counted,
        moderation_log_entries,
        strikes_are_counted,
        appeals_are_open_until_undone,
        outbox_delivery,
        reactions_find_their_message,
        interest_is_counted_once_per_person,
        digest_runs,
        redelivery_is_recognised,
        series_are_one_row_found_by_window,
        events_are_found_by_their_words,
        units_of_work_commit_once_or_not_at_all,
        a_page_of_the_calendar_counts_everything,
        a_person_is_exported_and_erased_without_a_trace,
        linked_accounts_are_one_person,
        subscriptions_are_one_per_account,
        leases_have_one_holder_until_they_run_out,
        outbox_items_are_claimed_by_one_process,
        a_persons_language_is_kept_until_undone,
    );
    db.clear_all().await.expect("clear_all");
}

/// "What's on" reads one page of a window from the calendar index: the
/// first events by start, an exact count of all (past the page), only the
/// channels asked for, events still on that began long before (as long as
/// the longest stored event), never pending ones; pending events are found
/// by author, interest is counted on the row, and what was shared since a
/// moment is found by its approval.
async fn a_page_of_the_calendar_counts_everything(db: &Database) {
    let here = origin(Platform::Telegram, "-1001", None, "7", "Rasmus");
    let there = origin(Platform::Discord, "55", None, "8", "Fatima");
    let event = |who: &Origin, title: &str, start: DateTime<Utc>, hours: i64, status| {
        new_event(
            who.clone(),
            timed_event(title, start, Some(start + Duration::hours(hours)), None),
            status,
            sent(1, 9, 0, 0),
        )
    };
    let (from, to) = (june(14, 0, 0), june(16, 0, 0));
    for n in 0..40 {
        insert(
            db,
            &event(
                &here,
                &format!("Her {n:02}"),
                june(14, 10, 0) + Duration::minutes(n),
                1,
                Status::Published,
            ),
        )
        .await;
    }
    for n in 0..5 {
        insert(
            db,
            &event(
                &there,
                &format!("Der {n}"),
                june(15, 10, n),
                1,
                Status::Published,
            ),
        )
        .await;
    }
    // A week-long festival that began six days before the window.
    let festival = insert(
        db,
        &event(&there, "Festuge", june(8, 12, 0), 7 * 24, Status::Published),
    )
    .await;
    let waiting = insert(
        db,
        &event(&here, "Venter", june(15, 12, 0), 2, Status::Pending),
    )
    .await;
    insert(
        db,
        &event(&here, "Før vinduet", june(13, 10, 0), 2, Status::Published),
    )
    .await;

    let (page, total) = db.events_page(&Channels::All, from, to, 10).await.unwrap();
    assert_eq!(
        total, 46,
        "every published event on in the window, past the page"
    );
    assert_eq!(page.len(), 10);
    assert_eq!(
        page[0].id, festival.id,
        "the festival began first and is still on"
    );
    assert_eq!(page[1].title(), "Her 00");

    let only_here = Channels::Only(vec![conversation(Platform::Telegram, "-1001")]);
    let (page, total) = db.events_page(&only_here, from, to, 100).await.unwrap();
    assert_eq!((page.len(), total), (40, 40));
    assert!(
        page.iter().all(|e| e.title().starts_with("Her")),
        "only that channel"
    );
    let not_here = Channels::Except(vec![conversation(Platform::Telegram, "-1001")]);
    let (page, total) = db.events_page(&not_here, from, to, 3).await.unwrap();
    assert_eq!(total, 6, "the festival and five from Discord");
    assert_eq!(titles(&page), vec!["Festuge", "Der 0", "Der 1"]);

    let mine = db
        .pending_events_by(&user(Platform::Telegram, "7"), from, to, 10)
        .await
        .unwrap();
    assert_eq!(
        ids(&mine),
        vec![waiting.id],
        "the asker's own pending event"
    );
    assert!(
        db.pending_events_by(&user(Platform::Discord, "8"), from, to, 10)
            .await
            .unwrap()
            .is_empty()
    );

    // @b twice: a second 👍 from the same person is not another one.
    for who in ["@a:x", "@b:x", "@b:x"] {
        db.set_interest(
            festival.id,
            &user(Platform::Matrix, who),
            true,
            sent(2, 9, 0, 0),
        )
        .await
        .unwrap();
    }
    assert_eq!(
        fetch(db, festival.id).await.interested,
        2,
        "each person once"
    );
    db.set_interest(
        festival.id,
        &user(Platform::Matrix, "@a:x"),
        false,
        sent(2, 9, 0, 0),
    )
    .await
    .unwrap();
    assert_eq!(fetch(db, festival.id).await.interested, 1);

    let shared = db
        .events_approved_between(sent(1, 0, 0, 0), sent(2, 0, 0, 0), 1000)
        .await
        .unwrap();
    assert_eq!(shared.len(), 47, "every published event, none pending");
    assert!(
        db.events_approved_between(sent(2, 0, 0, 0), sent(3, 0, 0, 0), 10)
            .await
            .unwrap()
            .is_empty()
    );
}

/// One message's work is one transaction: what a unit of work writes is
/// visible inside it, all of it lands at the commit, and none of it after a
/// rollback or when the unit is dropped (a crash mid-message). Nothing is
/// read through the database while a unit is open: on SQLite the unit holds
/// the one connection.
async fn units_of_work_commit_once_or_not_at_all(db: &Database) {
    let room = conversation(Platform::Telegram, "-1001");
    let author = user(Platform::Telegram, "7");
    let t = sent(1, 9, 0, 0);
    let event = |id: &str| {
        new_event(
            origin(Platform::Telegram, "-1001", Some(id), "7", "Rasmus"),
            timed_event("Loppemarked", june(6, 10, 0), None, Some("Torvet")),
            Status::Published,
            t,
        )
    };

    let unit = db.begin().await.expect("begin");
    assert!(
        unit.mark_handled(&message(Platform::Telegram, "-1001", "1"), t)
            .await
            .unwrap()
    );
    let saved = unit
        .insert_submission(&event("1"))
        .await
        .expect("insert in a unit");
    unit.enqueue(&outgoing(&room, "Tak!", Some("reply:1")), t)
        .await
        .unwrap()
        .expect("queued");
    unit.touch_member(&room, &author, t).await.unwrap();
    assert!(
        unit.is_handled(&message(Platform::Telegram, "-1001", "1"))
            .await
            .unwrap(),
        "a unit reads its own writes"
    );
    assert_eq!(
        unit.submission(saved.id).await.unwrap().map(|s| s.id),
        Some(saved.id)
    );
    unit.commit().await.expect("commit");
    assert!(
        unit.mark_handled(&message(Platform::Telegram, "-1001", "9"), t)
            .await
            .is_err(),
        "a committed unit takes no more work"
    );
    assert!(unit.commit().await.is_err(), "a unit commits once");
    assert!(
        db.is_handled(&message(Platform::Telegram, "-1001", "1"))
            .await
            .unwrap()
    );
    assert_eq!(
        db.submission(saved.id).await.unwrap().map(|s| s.id),
        Some(saved.id)
    );
    assert_eq!(
        db.due_outbox(Platform::Telegram, t, 0, 10)
            .await
            .unwrap()
            .len(),
        1
    );
    let (_, before) = db.touch_member(&room, &author, t).await.unwrap();
    assert_eq!(before, 1, "the member touch of the unit was kept");

    let unit = db.begin().await.expect("begin");
    assert!(unit.begin().await.is_err(), "a unit does not nest");
    unit.mark_handled(&message(Platform::Telegram, "-1001", "2"), t)
        .await
        .unwrap();
    let undone = unit.insert_submission(&event("2")).await.unwrap();
    unit.enqueue(&outgoing(&room, "Tak igen!", Some("reply:2")), t)
        .await
        .unwrap();
    unit.rollback().await.expect("rollback");
    assert!(
        !db.is_handled(&message(Platform::Telegram, "-1001", "2"))
            .await
            .unwrap()
    );
    assert_eq!(db.submission(undone.id).await.unwrap(), None, "rolled back");
    assert_eq!(
        db.due_outbox(Platform::Telegram, t, 0, 10)
            .await
            .unwrap()
            .len(),
        1
    );

    // Dropped without a commit, as when the process dies mid-message.
    let unit = db.begin().await.expect("begin");
    unit.mark_handled(&message(Platform::Telegram, "-1001", "3"), t)
        .await
        .unwrap();
    unit.insert_submission(&event("3")).await.unwrap();
    drop(unit);
    assert!(
        !db.is_handled(&message(Platform::Telegram, "-1001", "3"))
            .await
            .unwrap()
    );
    let by = db.submissions_by(&author, 10).await.unwrap();
    assert_eq!(
        ids(&by),
        vec![saved.id],
        "only the committed submission exists"
    );
}

/// The full-text search behind questions by topic and place: every word
/// must start a word of the title, place or message; case does not matter;
/// æ, ø and å are letters of their own; the window, the status and later
/// corrections are respected — the same on SQLite and PostgreSQL.
async fn events_are_found_by_their_words(db: &Database) {
    let add = |n: u32, title: &str, place: Option<&str>, status: Status, day: u32| {
        new_event(
            origin(
                Platform::Console,
                "torvet",
                Some(&format!("s{n}")),
                "mette",
                "Mette",
            ),
            timed_event(title, june(day, 10, 0), None, place),
            status,
            sent(1, 9, 0, n),
        )
    };
    let swap = insert(
        db,
        &add(1, "Byttemarked", Some("Glashuset"), Status::Published, 14),
    )
    .await;
    let dinner = insert(
        db,
        &add(
            2,
            "Fællesspisning",
            Some("Medborgerhuset"),
            Status::Published,
            12,
        ),
    )
    .await;
    let cafe = insert(
        db,
        &add(
            3,
            "Strikkecafé",
            Some("Café Ørestad"),
            Status::Published,
            13,
        ),
    )
    .await;
    let pending = insert(
        db,
        &add(4, "Byttemarked for børn", None, Status::Pending, 15),
    )
    .await;
    let later = insert(
        db,
        &add(5, "Byttemarked", Some("Glashuset"), Status::Published, 28),
    )
    .await;
    let (from, to) = (june(10, 0, 0), june(20, 0, 0));
    let find = |words: &[&str], pending: bool| {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        async move {
            ids(&db
                .search_events(&words, from, to, pending, 50)
                .await
                .expect("search_events"))
        }
    };
    assert_eq!(find(&["byttemarked"], false).await, vec![swap.id]);
    assert_eq!(
        find(&["BYTTE"], false).await,
        vec![swap.id],
        "a prefix, any case"
    );
    assert_eq!(
        find(&["byttemarked"], true).await,
        vec![swap.id, pending.id]
    );
    assert_eq!(
        find(&["glashus"], false).await,
        vec![swap.id],
        "the place counts"
    );
    assert_eq!(find(&["fællesspisning"], false).await, vec![dinner.id]);
    assert_eq!(find(&["ørestad"], false).await, vec![cafe.id]);
    assert!(find(&["orestad"], false).await.is_empty(), "ø is not o");
    assert!(
        find(&["byttemarked", "børn"], false).await.is_empty(),
        "every word"
    );
    assert_eq!(find(&["byttemarked", "børn"], true).await, vec![pending.id]);
    assert!(
        find(&["marked"], false).await.is_empty(),
        "only at a word's start"
    );
    assert!(find(&["  "], false).await.is_empty());
    assert!(
        !find(&["byttemarked"], false).await.contains(&later.id),
        "outside the window"
    );

    // A correction is searched by its new words.
    let mut renamed = fetch(db, dinner.id).await;
    renamed.text = "Julefrokost i Medborgerhuset".to_string();
    if let Some(event) = renamed.event.as_mut() {
        event.draft.title = "Julefrokost".to_string();
    }
    db.update_submission(&renamed).await.expect("update");
    renamed.revision += 1;
    assert!(find(&["fællesspisning"], false).await.is_empty());
    assert_eq!(find(&["julefrokost"], false).await, vec![dinner.id]);
    // Withdrawn is gone.
    let mut withdrawn = fetch(db, cafe.id).await;
    withdrawn.status = Status::Withdrawn;
    db.update_submission(&withdrawn).await.expect("update");
    withdrawn.revision += 1;
    assert!(find(&["strikkecafé"], false).await.is_empty());
}

/// A regular activity is one row with its rule; `series_between` finds it
/// for any window it overlaps (also long after its first occurrence), never
/// `events_between`; the core's `events_in` expands it into occurrences,
/// leaving out a cancelled one; an update that ends the series is seen.
async fn series_are_one_row_found_by_window(db: &Database) {
    use vores_bot::recurrence::Repeat;
    let tz = chrono_tz::Europe::Copenhagen;
    let thursday = |day: u32| NaiveDate::from_ymd_opt(2025, 6, day).expect("a June day");
    let mut rule = Repeat::weekly(&[chrono::Weekday::Thu], 1);
    rule.except.push(thursday(19));
    let draft = EventDraft {
        title: "Fællesspisning".to_string(),
        date: Some(thursday(5)),
        start_time: NaiveTime::from_hms_opt(18, 0, 0),
        end_time: NaiveTime::from_hms_opt(20, 0, 0),
        all_day: false,
        location: Some("Medborgerhuset".to_string()),
        invalid_date: false,
        doubts: Vec::new(),
        written_weekday: None,
        repeat: Some(rule),
        end_date: None,
    };
    let details = EventDetails::from_draft(draft, tz);
    let dinner = insert(
        db,
        &new_event(
            origin(Platform::Console, "torvet", Some("m1"), "mette", "Mette"),
            details,
            Status::Published,
            sent(1, 9, 0, 0),
        ),
    )
    .await;
    let one_off = insert(
        db,
        &new_event(
            origin(Platform::Console, "torvet", Some("m2"), "ali", "Ali"),
            timed_event("Banko", june(26, 19, 0), None, Some("Hallen")),
            Status::Published,
            sent(1, 9, 0, 1),
        ),
    )
    .await;
    assert_eq!(
        fetch(db, dinner.id).await,
        dinner,
        "a rule reads back as saved"
    );

    // Weeks after the first occurrence, the window still finds the series.
    let (from, to) = (june(23, 0, 0), june(30, 0, 0));
    let series = db
        .series_between(from, to, false, 10)
        .await
        .expect("series");
    assert_eq!(ids(&series), vec![dinner.id]);
    let one_offs = db
        .events_between(from, to, false, 10)
        .await
        .expect("events");
    assert_eq!(
        ids(&one_offs),
        vec![one_off.id],
        "a series is never a one-off row"
    );

    let all = vores_bot::store::events_in(db, tz, june(16, 0, 0), to, false, 10)
        .await
        .expect("events_in");
    let starts: Vec<DateTime<Utc>> = all
        .iter()
        .filter_map(|e| e.event.as_ref().and_then(|d| d.starts_at))
        .collect();
    // 19 June is cancelled; 26 June's dinner and the banko, in order.
    assert_eq!(starts, vec![june(26, 18, 0), june(26, 19, 0)]);
    assert_eq!(titles(&all), vec!["Fællesspisning", "Banko"]);

    // Ended before the window: not found any more.
    let mut ended = fetch(db, dinner.id).await;
    let mut draft = ended.event.clone().expect("event").draft;
    if let Some(rule) = draft.repeat.as_mut() {
        rule.until = Some(thursday(12));
    }
    ended.event = Some(EventDetails::from_draft(draft, tz));
    db.update_submission(&ended).await.expect("update");
    ended.revision += 1;
    assert!(
        db.series_between(from, to, false, 10)
            .await
            .expect("series")
            .is_empty()
    );
    assert_eq!(
        ids(&db
            .series_between(june(1, 0, 0), to, false, 10)
            .await
            .expect("series")),
        vec![dinner.id]
    );
    // Pending series are found only when asked for.
    ended.status = Status::Pending;
    db.update_submission(&ended).await.expect("update");
    ended.revision += 1;
    assert!(
        db.series_between(june(1, 0, 0), to, false, 10)
            .await
            .expect("series")
            .is_empty()
    );
    assert_eq!(
        ids(&db
            .series_between(june(1, 0, 0), to, true, 10)
            .await
            .expect("series")),
        vec![dinner.id]
    );
}

/// Data written before closing is there after opening the same database
/// again, which also runs the migrations a second time.
async fn reopening_keeps_data(url: &str, backend: Backend) {
    let db = Database::open(url).await.expect("open the database");
    db.clear_all().await.expect("clear_all");
    let story = insert(
        &db,
        &new_story(
            origin(
                Platform::Matrix,
                "!town:example.org",
                Some("$1"),
                "@bo:example.org",
                "Bø",
            ),
            "Bevares, æøå",
            Status::Published,
            sent(11, 9, 0, 0),
        ),
    )
    .await;
    let handled = message(Platform::Matrix, "!town:example.org", "$1");
    assert!(db.mark_handled(&handled, sent(11, 9, 0, 0)).await.unwrap());
    let state = ConversationState::Confirmed {
        submission: story.id,
    };
    let town = conversation(Platform::Matrix, "!town:example.org");
    let bo = user(Platform::Matrix, "@bo:example.org");
    db.set_conversation_state(&town, &bo, Some(state), sent(11, 9, 0, 0))
        .await
        .unwrap();
    db.set_trust_revoked(&bo, true, sent(11, 9, 0, 0))
        .await
        .unwrap();
    db.touch_member(&town, &bo, sent(11, 9, 0, 0))
        .await
        .unwrap();
    let entry = moderation(&town, "@bo:example.org", "link", true, sent(11, 9, 0, 0));
    let entry_id = db.log_moderation(&entry).await.unwrap();
    let item = outgoing(&town, "Bevares", Some("digest:reopen"));
    let item_id = enqueue(&db, &item, sent(11, 9, 0, 0)).await;
    db.outbox_part_sent(item_id, 1, "m-1").await.unwrap();
    assert!(
        db.record_digest_run("weekly", sent(11, 0, 0, 0), sent(11, 9, 0, 0))
            .await
            .unwrap()
    );
    db.close().await;
    drop(db);

    let db = Database::open(url).await.expect("open the database again");
    assert_eq!(db.backend(), backend);
    assert_eq!(
        fetch(&db, story.id).await,
        story,
        "the story did not survive reopening"
    );
    assert!(
        !db.mark_handled(&handled, sent(11, 9, 5, 0)).await.unwrap(),
        "the handled message was forgotten"
    );
    assert_eq!(
        db.conversation_state(&town, &bo).await.unwrap(),
        Some(state)
    );
    assert!(db.trust_revoked(&bo).await.unwrap());
    assert_eq!(
        db.touch_member(&town, &bo, sent(11, 9, 5, 0))
            .await
            .unwrap(),
        (sent(11, 9, 0, 0), 1)
    );
    assert_eq!(
        db.moderation_entry(entry_id).await.unwrap(),
        Some(logged(&entry, entry_id))
    );
    assert_eq!(
        db.due_outbox(Platform::Matrix, sent(11, 9, 5, 0), 0, 10)
            .await
            .unwrap(),
        vec![OutboxItem {
            parts_sent: 1,
            ..queued(&item, item_id)
        }]
    );
    assert_eq!(db.enqueue(&item, sent(11, 9, 5, 0)).await.unwrap(), None);
    assert_eq!(
        db.last_digest_period("weekly").await.unwrap(),
        Some(sent(11, 0, 0, 0))
    );
    let next = insert(
        &db,
        &new_story(
            origin(
                Platform::Matrix,
                "!town:example.org",
                Some("$2"),
                "@bo:example.org",
                "Bø",
            ),
            "Igen",
            Status::Published,
            sent(11, 10, 0, 0),
        ),
    )
    .await;
    assert!(
        next.id > story.id,
        "ids must keep increasing after reopening"
    );
    db.clear_all().await.expect("clear_all");
    db.close().await;
}

// -------------------------------------------------------------------- tests --

#[tokio::test]
async fn sqlite_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let url = format!("sqlite://{}", dir.path().join("vores.db").display());
    let db = Database::open(&url).await.expect("open SQLite file");
    assert_eq!(db.backend(), Backend::Sqlite);
    run_suite(&db).await;
    db.close().await;
    drop(db);
    reopening_keeps_data(&url, Backend::Sqlite).await;
}

#[tokio::test]
async fn sqlite_in_memory() {
    let db = Database::open("sqlite::memory:")
        .await
        .expect("open SQLite in memory");
    assert_eq!(db.backend(), Backend::Sqlite);
    run_suite(&db).await;
}

/// The only test that touches PostgreSQL: the server's test database is
/// shared, so no other test may run against it at the same time.
#[tokio::test]
async fn postgres() {
    let url = std::env::var("VORES_TEST_POSTGRES_URL").unwrap_or_default();
    if url.is_empty() {
        let required =
            std::env::var("VORES_REQUIRE_POSTGRES").is_ok_and(|v| !v.is_empty() && v != "0");
        assert!(
            !required,
            "VORES_REQUIRE_POSTGRES is set but VORES_TEST_POSTGRES_URL is not: the PostgreSQL storage tests \
             cannot run. Use `bash tests/with-postgres.sh cargo test -p vores-storage`"
        );
        // Written straight to stderr: the test harness captures `eprintln!`
        // of passing tests, and this line must be seen.
        let _ = writeln!(
            std::io::stderr(),
            "\n*** vores-storage: the PostgreSQL half of the storage suite was SKIPPED \
             (VORES_TEST_POSTGRES_URL is not set). Run it with: \
             bash tests/with-postgres.sh cargo test -p vores-storage ***\n"
        );
        return;
    }
    let db = Database::open(&url)
        .await
        .expect("open PostgreSQL (VORES_TEST_POSTGRES_URL)");
    assert_eq!(db.backend(), Backend::Postgres);
    run_suite(&db).await;
    db.close().await;
    drop(db);
    reopening_keeps_data(&url, Backend::Postgres).await;
}

/// A message delivered again after a crash makes no second submission;
/// handled messages and cursors persist.
async fn redelivery_is_recognised(db: &Database) {
    db.clear_all().await.expect("clear");
    let from = origin(Platform::Telegram, "-1009", Some("77"), "7009", "Lone");
    let first = insert(
        db,
        &new_story(
            from.clone(),
            "Sankthans ved stranden",
            Status::Pending,
            sent(5, 9, 0, 0),
        ),
    )
    .await;
    let again = insert(
        db,
        &new_story(
            from,
            "Sankthans ved stranden",
            Status::Pending,
            sent(5, 9, 0, 5),
        ),
    )
    .await;
    assert_eq!(first.id, again.id, "the same message made two submissions");
    let message = MessageRef {
        conversation: conversation(Platform::Telegram, "-1009"),
        id: "77".to_string(),
    };
    assert!(!db.is_handled(&message).await.expect("is_handled"));
    assert!(
        db.mark_handled(&message, sent(5, 9, 1, 0))
            .await
            .expect("mark")
    );
    assert!(db.is_handled(&message).await.expect("is_handled"));
    assert_eq!(db.cursor("telegram:offset").await.expect("cursor"), None);
    db.set_cursor("telegram:offset", "41", sent(5, 9, 2, 0))
        .await
        .expect("set");
    db.set_cursor("telegram:offset", "42", sent(5, 9, 3, 0))
        .await
        .expect("set");
    assert_eq!(
        db.cursor("telegram:offset")
            .await
            .expect("cursor")
            .as_deref(),
        Some("42")
    );
}
