//! The shared storage suite: the same scenarios, written only against the
//! `Store` trait, run against SQLite (a file and in memory) and PostgreSQL.
//!
//! The PostgreSQL half needs a throwaway server whose database it may empty:
//! `bash tests/with-postgres.sh cargo test -p vores-storage` provides one.

use std::io::Write;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use vores_bot::Language;
use vores_bot::model::{
    ConversationRef, ConversationState, EventDetails, MessageRef, NewSubmission, Origin, Platform,
    Status, StoryDetails, Submission, SubmissionKind, UserRef,
};
use vores_bot::store::{Store, StoreError};
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
        text: new.text.clone(),
        event: new.event.clone(),
        story: new.story.clone(),
        created_at: new.created_at,
        updated_at: new.created_at,
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
            },
            starts_at: Some(june(21, 0, 0)),
            ends_at: None,
            visible_until: Some(june(22, 0, 0)),
        }),
        story: None,
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
            asker.clone(),
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
    db.update_submission(&completed)
        .await
        .expect("update_submission");
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
        .events_between(june(20, 0, 0), june(21, 0, 0), 10)
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
    assert_eq!(fetch(db, story.id).await, story);

    // Withdrawing is an update too, and hides the event.
    let mut withdrawn = undone.clone();
    withdrawn.status = Status::Withdrawn;
    withdrawn.updated_at = sent(5, 13, 0, 0);
    db.update_submission(&withdrawn).await.unwrap();
    assert_eq!(fetch(db, withdrawn.id).await.status, Status::Withdrawn);
    let on = db
        .events_between(june(20, 0, 0), june(21, 0, 0), 10)
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

    let on = db.events_between(from, to, 50).await.unwrap();
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

    let first_two = db.events_between(from, to, 2).await.unwrap();
    assert_eq!(
        titles(&first_two),
        vec!["Spans the whole window", "Ends one second after the start"],
        "the limit keeps the earliest"
    );

    let day_after = db
        .events_between(june(15, 0, 0), june(16, 0, 0), 50)
        .await
        .unwrap();
    assert_eq!(
        titles(&day_after),
        vec!["Spans the whole window", "The day after"]
    );

    let later = db
        .events_between(june(28, 0, 0), june(29, 0, 0), 50)
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

    db.clear_all().await.expect("clear_all");
    assert!(db.submission(event.id).await.unwrap().is_none());
    assert!(
        db.submissions_by(&author.author, 10)
            .await
            .unwrap()
            .is_empty()
    );
    let on = db
        .events_between(june(26, 0, 0), june(27, 0, 0), 10)
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
    );
    db.clear_all().await.expect("clear_all");
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
