//! Snapshot tests of the weekly digest as residents read it: built by the
//! real engine from a real (in-memory SQLite) store, rendered for the
//! console (plain text), Discord (Markdown) and Telegram (HTML), and split
//! to fit a small maximum message length.
//!
//! The clock is fixed at the default digest time, Sunday 7 June 2026 at
//! 18:00 in Copenhagen, so the snapshots never depend on today's date. The
//! snapshots live in `tests/snapshots/`.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use vores_bot::community::{ChannelInfo, Community};
use vores_bot::model::{
    EventDetails, NewSubmission, Origin, Review, Status, StoryDetails, SubmissionKind,
};
use vores_bot::render::{Doc, render};
use vores_bot::understand::EventDraft;
use vores_bot::{
    Bot, Capabilities, ConversationRef, FixedClock, Language, LengthUnit, Platform, Settings,
    Store, TextFormat, UserRef,
};
use vores_storage::Database;

/// Sunday 7 June 2026, 18:00 in Copenhagen: the default digest time.
const DIGEST_TIME: &str = "2026-06-07T18:00:00+02:00";

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("a valid instant")
        .with_timezone(&Utc)
}

fn channel() -> ConversationRef {
    ConversationRef {
        platform: Platform::Telegram,
        id: "-1001234567890".to_string(),
    }
}

/// The console (plain, 4000 characters), Discord (Markdown, 2000) and
/// Telegram (HTML, 4096 UTF-16 units), as their adapters declare them.
const PLATFORMS: [(&str, TextFormat, LengthUnit, usize); 3] = [
    ("console", TextFormat::Plain, LengthUnit::Chars, 4000),
    ("discord", TextFormat::Markdown, LengthUnit::Chars, 2000),
    ("telegram", TextFormat::Html, LengthUnit::Utf16, 4096),
];

fn caps(format: TextFormat, length_unit: LengthUnit, max_message_len: usize) -> Capabilities {
    Capabilities {
        max_message_len,
        length_unit,
        format,
        threads: false,
        reactions: false,
        edits: false,
        deletes: false,
    }
}

fn measure(text: &str, unit: LengthUnit) -> usize {
    match unit {
        LengthUnit::Chars => text.chars().count(),
        LengthUnit::Utf16 => text.encode_utf16().count(),
        LengthUnit::Bytes => text.len(),
    }
}

/// Renders `doc` for one platform, checks that every part fits and that no
/// HTML part ends inside an entity or leaves a tag open, and writes the
/// parts under visible separators.
fn rendered(doc: &Doc, name: &str, format: TextFormat, unit: LengthUnit, max: usize) -> String {
    let parts = render(doc, &caps(format, unit, max));
    assert!(!parts.is_empty(), "a digest is never silent");
    let mut out = format!("===== {name} ({format:?}, at most {max} {unit:?}) =====\n");
    for (n, part) in parts.iter().enumerate() {
        assert!(
            measure(part, unit) <= max,
            "part longer than {max}: {part:?}"
        );
        if format == TextFormat::Html {
            check_html(part);
        }
        out.push_str(&format!(
            "----- part {} of {} ({}) -----\n{part}\n",
            n + 1,
            parts.len(),
            measure(part, unit)
        ));
    }
    out
}

/// Every `&` starts a whole entity and `<b>`/`<i>` are closed in the same part.
fn check_html(part: &str) {
    for (pos, _) in part.match_indices('&') {
        let tail = &part[pos..];
        assert!(
            ["&amp;", "&lt;", "&gt;"]
                .iter()
                .any(|e| tail.starts_with(e)),
            "broken entity at {tail:?} in {part:?}"
        );
    }
    for tag in ["b", "i"] {
        assert_eq!(
            part.matches(&format!("<{tag}>")).count(),
            part.matches(&format!("</{tag}>")).count(),
            "unbalanced <{tag}> in {part:?}"
        );
    }
}

/// The digest in every platform's format.
fn all_formats(doc: &Doc) -> String {
    PLATFORMS
        .iter()
        .map(|&(name, format, unit, max)| rendered(doc, name, format, unit, max))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A town's digest: a bot on an in-memory database with its clock at the
/// digest time, one Danish Telegram channel in the default group.
struct Town {
    db: Arc<Database>,
    bot: Bot,
    next_message: u32,
}

impl Town {
    async fn new() -> Town {
        let db = Arc::new(
            Database::open("sqlite::memory:")
                .await
                .expect("in-memory database"),
        );
        let mut community = Community::simple(Language::Da);
        community.add_channel(
            0,
            ChannelInfo {
                conversation: channel(),
                name: "ishoj".to_string(),
                language: Language::Da,
            },
        );
        let bot = Bot::new(
            db.clone(),
            Arc::new(FixedClock(at(DIGEST_TIME))),
            Settings::default(),
            Arc::new(community),
        );
        Town {
            db,
            bot,
            next_message: 0,
        }
    }

    fn origin(&mut self, author: &str) -> Origin {
        self.next_message += 1;
        Origin {
            conversation: channel(),
            message_id: Some(format!("msg-{}", self.next_message)),
            author: UserRef {
                platform: Platform::Telegram,
                id: author.to_lowercase().replace(' ', "_"),
            },
            author_name: author.to_string(),
        }
    }

    /// Stores an event as the parser would have understood it.
    #[allow(clippy::too_many_arguments)]
    async fn event(
        &mut self,
        status: Status,
        author: &str,
        anonymous: bool,
        text: &str,
        title: &str,
        day: (u32, u32),
        times: Option<(&str, Option<&str>)>,
        location: Option<&str>,
        created: &str,
    ) {
        let time = |t: &str| NaiveTime::parse_from_str(t, "%H:%M").expect("a valid time");
        let draft = EventDraft {
            title: title.to_string(),
            date: NaiveDate::from_ymd_opt(2026, day.0, day.1),
            start_time: times.map(|(start, _)| time(start)),
            end_time: times.and_then(|(_, end)| end.map(time)),
            all_day: times.is_none(),
            location: location.map(str::to_string),
            invalid_date: false,
            doubts: Vec::new(),
            written_weekday: None,
            repeat: None,
            end_date: None,
        };
        let new = NewSubmission {
            kind: SubmissionKind::Event,
            status,
            origin: self.origin(author),
            language: Language::Da,
            anonymous,
            text: text.to_string(),
            event: Some(EventDetails::from_draft(
                draft,
                chrono_tz::Europe::Copenhagen,
            )),
            story: None,
            place: None,
            created_at: at(created),
        };
        self.db.insert_submission(&new).await.expect("event stored");
    }

    /// Stores a published story; `approved` is when an admin approved it,
    /// or `None` when it was published at once.
    async fn story(
        &mut self,
        author: &str,
        anonymous: bool,
        text: &str,
        created: &str,
        approved: Option<&str>,
    ) {
        let new = NewSubmission {
            kind: SubmissionKind::Story,
            status: if approved.is_some() {
                Status::Pending
            } else {
                Status::Published
            },
            origin: self.origin(author),
            language: Language::Da,
            anonymous,
            text: text.to_string(),
            event: None,
            story: Some(StoryDetails::default()),
            place: None,
            created_at: at(created),
        };
        let mut story = self.db.insert_submission(&new).await.expect("story stored");
        if let Some(approved) = approved {
            story.status = Status::Published;
            story.review = Review {
                approved_at: Some(at(approved)),
                reviewer: Some("Admin Lise".to_string()),
                note: None,
            };
            story.updated_at = at(approved);
            self.db
                .update_submission(&story)
                .await
                .expect("story approved");
        }
    }

    async fn digest(&self, lang: Language) -> Doc {
        let period = self.bot.latest_period(0, at(DIGEST_TIME));
        assert_eq!(period, at(DIGEST_TIME), "the clock sits on a digest time");
        self.bot
            .digest_doc(0, period, lang)
            .await
            .expect("digest built")
    }
}

/// A busy week: events on several days (one all-day, one already under way
/// at digest time, one anonymous), user text that needs escaping, Danish
/// letters, named and anonymous stories, and submissions that must stay out.
async fn busy_town() -> Town {
    let mut town = Town::new().await;
    use Status::{Pending, Published};
    // Already under way when the digest goes out at 18:00.
    town.event(
        Published,
        "Bjørn",
        false,
        "Grillaften i gården i dag kl. 17-20",
        "Grillaften i gården",
        (6, 7),
        Some(("17:00", Some("20:00"))),
        Some("Vejleåparken"),
        "2026-06-03T09:12:00+02:00",
    )
    .await;
    town.event(
        Published,
        "Mette Ørum",
        false,
        "Fællesspisning mandag kl. 17.30-19 i Strandparkens fælleshus",
        "Fællesspisning",
        (6, 8),
        Some(("17:30", Some("19:00"))),
        Some("Strandparkens fælleshus"),
        "2026-06-02T20:41:00+02:00",
    )
    .await;
    town.event(
        Published,
        "Karim",
        false,
        "Fodbold for børn <12 år onsdag kl. 17 i Ishøj Idrætscenter",
        "Fodbold for børn <12 år",
        (6, 10),
        Some(("17:00", None)),
        Some("Ishøj Idrætscenter"),
        "2026-06-05T08:00:00+02:00",
    )
    .await;
    town.event(
        Published,
        "Anonym nabo",
        true,
        "Strikkecafé_2 torsdag kl. 10: *gratis* kaffe & kage",
        "Strikkecafé_2: *gratis* kaffe & kage",
        (6, 11),
        Some(("10:00", None)),
        Some("Ishøj Bibliotek"),
        "2026-06-04T11:00:00+02:00",
    )
    .await;
    // Submitted before the last digest: listed, but its author was thanked then.
    town.event(
        Published,
        "Åse",
        false,
        "Loppemarked & kagebod lørdag 13. juni kl. 10-14 i Vejleåparken",
        "Loppemarked & kagebod",
        (6, 13),
        Some(("10:00", Some("14:00"))),
        Some("Vejleåparken, Blok 7"),
        "2026-05-20T12:00:00+02:00",
    )
    .await;
    town.event(
        Published,
        "Søren",
        false,
        "Byens dag lørdag 13. juni hele dagen på Ishøj Torv",
        "Byens dag",
        (6, 13),
        None,
        Some("Ishøj Torv"),
        "2026-06-06T16:30:00+02:00",
    )
    .await;
    town.event(
        Published,
        "Mette Ørum",
        false,
        "Affaldsindsamling på Ishøj Strand søndag kl. 10",
        "Affaldsindsamling på Ishøj Strand",
        (6, 14),
        Some(("10:00", None)),
        None,
        "2026-06-06T10:00:00+02:00",
    )
    .await;
    // After next Sunday's digest: belongs to next week's digest.
    town.event(
        Published,
        "Karim",
        false,
        "Sommerkoncert søndag 14. juni kl. 19",
        "Sommerkoncert",
        (6, 14),
        Some(("19:00", None)),
        Some("Ishøj Kirke"),
        "2026-06-05T09:00:00+02:00",
    )
    .await;
    // Still waiting for an admin: never in a digest.
    town.event(
        Pending,
        "Ukendt",
        false,
        "Gratis iPhones fredag kl. 12",
        "Gratis iPhones",
        (6, 12),
        Some(("12:00", None)),
        None,
        "2026-06-06T12:00:00+02:00",
    )
    .await;

    town.story(
        "Søren",
        false,
        "Tak til alle, der hjalp med at finde Fido 🐕 – han er hjemme igen & har det godt!",
        "2026-06-01T19:05:00+02:00",
        None,
    )
    .await;
    town.story(
        "Hemmelig Helene",
        true,
        "Nogen har plantet solsikker ved busstoppestedet på Ishøj Boulevard. Det gør mig glad hver morgen <3",
        "2026-06-03T07:45:00+02:00",
        None,
    )
    .await;
    // Sent before the last digest, approved after it: this week's story.
    town.story(
        "Yasmin",
        false,
        "Vores *første* fællesspisning samlede 40 naboer_og_børn. Næste gang tager vi flere borde med!",
        "2026-05-30T21:00:00+02:00",
        Some("2026-06-02T08:00:00+02:00"),
    )
    .await;
    // Approved before the last digest: it was in that one.
    town.story(
        "Gamle Gunnar",
        false,
        "Sidste uges historie, som allerede har været med.",
        "2026-05-25T10:00:00+02:00",
        None,
    )
    .await;
    town
}

#[tokio::test]
async fn busy_week_in_danish() {
    let town = busy_town().await;
    let doc = town.digest(Language::Da).await;
    let plain = doc.plain();
    for expected in [
        "Fællesspisning",
        "Byens dag",
        "Affaldsindsamling på Ishøj Strand",
        "Nogen har plantet solsikker",
        "Vores *første* fællesspisning",
    ] {
        assert!(plain.contains(expected), "{expected:?} missing:\n{plain}");
    }
    for left_out in [
        "Sommerkoncert",
        "Gratis iPhones",
        "Sidste uges historie",
        "Helene",
    ] {
        assert!(!plain.contains(left_out), "{left_out:?} shown:\n{plain}");
    }
    insta::assert_snapshot!("digest_busy_da", all_formats(&doc));
}

#[tokio::test]
async fn busy_week_in_english() {
    let town = busy_town().await;
    let doc = town.digest(Language::En).await;
    insta::assert_snapshot!("digest_busy_en", all_formats(&doc));
}

/// The same week in Turkish, Arabic and Ukrainian: every heading and date
/// in the reader's language, every resident's title as written (in Arabic
/// isolated, so it keeps its own direction), no Danish or English text of
/// ours left.
#[tokio::test]
async fn busy_week_in_every_other_language() {
    let town = busy_town().await;
    for (lang, name) in [
        (Language::Tr, "digest_busy_tr"),
        (Language::Ar, "digest_busy_ar"),
        (Language::Uk, "digest_busy_uk"),
    ] {
        let doc = town.digest(lang).await;
        let plain = doc.plain();
        for expected in ["Fællesspisning", "Affaldsindsamling på Ishøj Strand"] {
            assert!(
                plain.contains(expected),
                "{lang}: {expected:?} missing:\n{plain}"
            );
        }
        for ours in [
            "Ugen i",
            "The week in",
            "Det sker",
            "What's on",
            "juni",
            "June",
        ] {
            assert!(!plain.contains(ours), "{lang}: {ours:?} in:\n{plain}");
        }
        if lang == Language::Ar {
            assert!(plain.contains("\u{2068}Fællesspisning\u{2069}"), "{plain}");
        }
        insta::assert_snapshot!(name, all_formats(&doc));
    }
}

#[tokio::test]
async fn busy_week_split_into_short_messages() {
    let town = busy_town().await;
    let doc = town.digest(Language::Da).await;
    let split = [
        rendered(
            &doc,
            "short markdown",
            TextFormat::Markdown,
            LengthUnit::Chars,
            300,
        ),
        rendered(&doc, "short html", TextFormat::Html, LengthUnit::Utf16, 300),
    ]
    .join("\n");
    insta::assert_snapshot!("digest_busy_da_split_300", split);
}

#[tokio::test]
async fn empty_week_still_invites() {
    let town = Town::new().await;
    for (lang, name) in [
        (Language::Da, "digest_empty_da"),
        (Language::En, "digest_empty_en"),
        (Language::Tr, "digest_empty_tr"),
        (Language::Ar, "digest_empty_ar"),
        (Language::Uk, "digest_empty_uk"),
    ] {
        let doc = town.digest(lang).await;
        assert!(
            doc.blocks.len() >= 2,
            "a heading and the invitation to tell about events: {doc:?}"
        );
        insta::assert_snapshot!(name, all_formats(&doc));
    }
}

/// A quiet week: no events in the coming seven days, one story from one
/// person, and an event sent this week for a date further ahead.
#[tokio::test]
async fn quiet_week_with_one_story() {
    let mut town = Town::new().await;
    town.story(
        "Søren",
        false,
        "Bænken ved søen er blevet malet – tak til den, der gjorde det!",
        "2026-06-04T12:00:00+02:00",
        None,
    )
    .await;
    town.event(
        Status::Published,
        "Lone",
        false,
        "Sankthansbål 23. juni kl. 20 ved Ishøj Strand",
        "Sankthansbål",
        (6, 23),
        Some(("20:00", None)),
        Some("Ishøj Strand"),
        "2026-06-05T18:00:00+02:00",
    )
    .await;
    let doc = town.digest(Language::Da).await;
    let plain = doc.plain();
    assert!(plain.contains("Bænken ved søen"), "{plain}");
    assert!(!plain.contains("Sankthansbål"), "{plain}");
    insta::assert_snapshot!("digest_quiet_da", all_formats(&doc));
}
