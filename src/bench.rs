//! `vores bench`: what a resident feels, measured beside plain SQLite.
//!
//! Builds a database of N events in Vores' own schema (through the same
//! store the bot uses), then measures end to end, through the core exactly
//! as `vores run` handles a message (one unit of work, answers queued in the
//! outbox): submissions, "what's on this weekend" answers, and the weekly
//! digest. Beside each figure it prints the same work done by plain SQLite
//! (rusqlite, the C library with nothing in between) on a table of the same
//! rows, on the same disk, in the same run, and the ratio. Figures are
//! printed, never asserted: a shared machine makes timings noisy.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{Datelike, NaiveDate, NaiveTime, TimeZone, Utc};
use clap::Args;
use vores_bot::adapter::Author;
use vores_bot::community::{ChannelInfo, Community};
use vores_bot::model::{EventDetails, NewSubmission, Origin, Status, SubmissionKind};
use vores_bot::understand::EventDraft;
use vores_bot::{
    Bot, ConversationRef, FixedClock, Inbound, InboundMessage, Language, MessageRef, Platform,
    Settings, Situation, Store, UserRef,
};
use vores_storage::{Database, DatabaseOptions, SqliteSync};

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// How many events the database holds (spread so that a week has about
    /// 500, as in a busy region).
    #[arg(long, default_value_t = 1_000_000)]
    pub events: u32,
    /// Submissions to time (each a resident's message through the core).
    #[arg(long, default_value_t = 2_000)]
    pub submissions: u32,
    /// "What's on" questions to time.
    #[arg(long, default_value_t = 1_000)]
    pub asks: u32,
    /// Digests to compose.
    #[arg(long, default_value_t = 20)]
    pub digests: u32,
    /// The directory for both databases (default: a new one under the
    /// system's temporary directory). Both are on the same disk either way.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// SQLite's durability for both Vores and plain SQLite: normal (Vores'
    /// default) or full.
    #[arg(long, default_value = "normal", value_parser = ["normal", "full"])]
    pub sync: String,
    /// Keep the databases afterwards.
    #[arg(long)]
    pub keep: bool,
}

const TELEGRAM: vores_bot::adapter::Capabilities = vores_bot::adapter::Capabilities {
    max_message_len: 4096,
    length_unit: vores_bot::adapter::LengthUnit::Utf16,
    format: vores_bot::adapter::TextFormat::Html,
    threads: true,
    reactions: false,
    edits: true,
    deletes: true,
};

/// Events per week in the generated calendar.
const PER_WEEK: u32 = 500;
const TITLES: [&str; 10] = [
    "Loppemarked",
    "Fællesspisning",
    "Strikkeklub",
    "Koncert i kulturhuset",
    "Yoga i parken",
    "Lektiecafé",
    "Fodbold for børn",
    "Bankospil",
    "Foredrag om haver",
    "Byttemarked",
];
const PLACES: [&str; 6] = [
    "Torvet",
    "Biblioteket",
    "Glashuset",
    "Strandparken",
    "Medborgerhuset",
    "Idrætscentret",
];

/// A small deterministic generator: the same database every run.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self, below: u64) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) % below.max(1)
    }
}

/// One generated event: title, place, local day, start hour, hours long.
struct Generated {
    title: &'static str,
    place: &'static str,
    day: NaiveDate,
    start_hour: u32,
    hours: u32,
    author: u32,
}

fn generate(n: u32, first_day: NaiveDate, days: u32) -> impl Iterator<Item = Generated> {
    let mut numbers = Numbers(0x5EED_1234_ABCD_0001);
    (0..n).map(move |i| {
        let day = first_day + chrono::Days::new(numbers.next(u64::from(days)));
        // One in a thousand is a festival over three days.
        let hours = if i % 1000 == 999 {
            72
        } else {
            1 + numbers.next(3) as u32
        };
        Generated {
            title: TITLES[numbers.next(TITLES.len() as u64) as usize],
            place: PLACES[numbers.next(PLACES.len() as u64) as usize],
            day,
            start_hour: 8 + numbers.next(13) as u32,
            hours,
            author: numbers.next(5_000) as u32,
        }
    })
}

fn draft(g: &Generated) -> EventDraft {
    let start = NaiveTime::from_hms_opt(g.start_hour, 0, 0).expect("valid hour");
    let (end_date, end_time) = if g.hours >= 24 {
        (
            Some(g.day + chrono::Days::new(u64::from(g.hours / 24) - 1)),
            None,
        )
    } else {
        (
            None,
            NaiveTime::from_hms_opt((g.start_hour + g.hours).min(23), 0, 0),
        )
    };
    EventDraft {
        title: g.title.to_string(),
        date: Some(g.day),
        start_time: Some(start),
        end_time,
        all_day: false,
        location: Some(g.place.to_string()),
        invalid_date: false,
        doubts: Vec::new(),
        written_weekday: None,
        repeat: None,
        end_date,
    }
}

/// Durations as "p50 / p99".
fn percentiles(mut all: Vec<Duration>) -> (Duration, Duration) {
    all.sort();
    let at = |q: f64| all[((all.len() as f64 - 1.0) * q).round() as usize];
    (at(0.50), at(0.99))
}

fn micros(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 10_000.0 {
        format!("{:.1} ms", us / 1000.0)
    } else {
        format!("{us:.0} µs")
    }
}

/// Peak resident memory of this process so far, in MiB (Linux: KiB).
fn peak_rss_mib() -> f64 {
    // SAFETY: getrusage only writes into the struct we pass.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}

pub async fn run(args: BenchArgs) -> anyhow::Result<()> {
    let full = args.sync == "full";
    let dir = match &args.dir {
        Some(dir) => dir.clone(),
        None => std::env::temp_dir().join(format!("vores-bench-{}", std::process::id())),
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let tz = chrono_tz::Europe::Copenhagen;
    let days = (u64::from(args.events) * 7)
        .div_ceil(u64::from(PER_WEEK))
        .max(14) as u32;
    // "Now" is a Monday morning in the middle of the calendar.
    let first_day = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
        - chrono::Days::new(u64::from(days / 2));
    let mut monday = first_day + chrono::Days::new(u64::from(days / 2));
    while monday.weekday() != chrono::Weekday::Mon {
        monday = monday.pred_opt().expect("date");
    }
    let now = tz
        .from_local_datetime(&monday.and_hms_opt(9, 0, 0).expect("time"))
        .single()
        .expect("9:00 exists")
        .with_timezone(&Utc);
    println!(
        "vores bench: {} events over {} days (≈{PER_WEEK} a week), now = {now}, synchronous = {}, in {}",
        args.events,
        days,
        if full { "FULL" } else { "NORMAL" },
        dir.display()
    );

    // ---- the two databases, the same rows -------------------------------
    let vores_path = dir.join("vores.db");
    let plain_path = dir.join("plain.db");
    for path in [&vores_path, &plain_path] {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    let db = Arc::new(
        Database::open_with(
            &format!("sqlite://{}", vores_path.display()),
            DatabaseOptions {
                sqlite_sync: if full {
                    SqliteSync::Full
                } else {
                    SqliteSync::Normal
                },
            },
        )
        .await?,
    );
    let conversation = ConversationRef {
        platform: Platform::Console,
        id: "bench".into(),
    };
    let started = Instant::now();
    let mut unit = db.begin().await?;
    for (i, g) in generate(args.events, first_day, days).enumerate() {
        let author = UserRef {
            platform: Platform::Console,
            id: format!("u{}", g.author),
        };
        let created = now - chrono::Duration::days(30);
        unit.insert_submission(&NewSubmission {
            kind: SubmissionKind::Event,
            status: Status::Published,
            origin: Origin {
                conversation: conversation.clone(),
                message_id: None,
                author,
                author_name: format!("Beboer {}", g.author),
            },
            language: Language::Da,
            anonymous: false,
            text: format!("{} på {}", g.title, g.place),
            event: Some(EventDetails::from_draft(draft(&g), tz)),
            story: None,
            place: None,
            created_at: created,
        })
        .await?;
        if i % 20_000 == 19_999 {
            unit.commit().await?;
            unit = db.begin().await?;
        }
    }
    unit.commit().await?;
    println!(
        "  loaded Vores' database through its store in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let plain = rusqlite::Connection::open(&plain_path)?;
    plain.pragma_update(None, "journal_mode", "WAL")?;
    plain.pragma_update(None, "synchronous", if full { "FULL" } else { "NORMAL" })?;
    plain.execute_batch(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, status TEXT NOT NULL, conversation TEXT NOT NULL, \
         author TEXT NOT NULL, title TEXT NOT NULL, place TEXT, body TEXT NOT NULL, \
         starts_at INTEGER NOT NULL, ends_at INTEGER NOT NULL, approved_at INTEGER NOT NULL);
         CREATE INDEX events_calendar ON events (status, starts_at, ends_at, conversation);
         CREATE INDEX events_approved ON events (status, approved_at);
         CREATE TABLE handled (conversation TEXT NOT NULL, message TEXT NOT NULL, at INTEGER NOT NULL, \
         PRIMARY KEY (conversation, message));
         CREATE TABLE outbox (id INTEGER PRIMARY KEY, conversation TEXT NOT NULL, body TEXT NOT NULL, \
         dedupe TEXT UNIQUE, at INTEGER NOT NULL);",
    )?;
    let started = Instant::now();
    {
        let tx = plain.unchecked_transaction()?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO events (status, conversation, author, title, place, body, starts_at, ends_at, approved_at) \
                 VALUES ('published', 'console:bench', ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for g in generate(args.events, first_day, days) {
                let details = EventDetails::from_draft(draft(&g), tz);
                let start = details.starts_at.expect("timed").timestamp();
                let end = details.visible_until.map_or(start, |e| e.timestamp());
                insert.execute(rusqlite::params![
                    format!("u{}", g.author),
                    g.title,
                    g.place,
                    format!("{} på {}", g.title, g.place),
                    start,
                    end,
                    (now - chrono::Duration::days(30)).timestamp()
                ])?;
            }
        }
        tx.commit()?;
    }
    println!(
        "  loaded plain SQLite in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // ---- the bot, as `vores run` has it ----------------------------------
    let mut community = Community::simple(Language::Da);
    community.add_channel(
        0,
        ChannelInfo {
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
    let situation = Situation {
        channel_language: Language::Da,
        sender_is_admin: false,
        group: 0,
        can_delete: true,
    };
    let message = |id: String, who: u32, text: String| {
        Inbound::Message(InboundMessage {
            message: MessageRef {
                conversation: conversation.clone(),
                id,
            },
            author: Author {
                user: UserRef {
                    platform: Platform::Console,
                    id: format!("asker{who}"),
                },
                display_name: format!("Beboer {who}"),
                is_bot: false,
            },
            text,
            addressed_to_bot: true,
            private: false,
            reply_to: None,
            thread: None,
            attachments: Vec::new(),
            sent_at: now,
        })
    };
    let mut rows: Vec<(String, String, String, String)> = Vec::new();

    // ---- one trivial statement ------------------------------------------
    // The floor under everything else: one indexed lookup, there and back.
    let probe = MessageRef {
        conversation: conversation.clone(),
        id: "never-sent".into(),
    };
    let lookups = 5_000;
    let started = Instant::now();
    for _ in 0..lookups {
        anyhow::ensure!(!db.is_handled(&probe).await?, "never handled");
    }
    let vores_each = started.elapsed() / lookups;
    let started = Instant::now();
    for _ in 0..lookups {
        let found = plain
            .prepare_cached("SELECT 1 FROM handled WHERE conversation = ?1 AND message = ?2")?
            .exists(rusqlite::params!["console:bench", "never-sent"])?;
        anyhow::ensure!(!found, "never handled");
    }
    let plain_each = started.elapsed() / lookups;
    rows.push((
        format!("One indexed lookup (is this message handled?), {lookups}"),
        micros(vores_each),
        micros(plain_each),
        format!(
            "{:.0}× plain",
            vores_each.as_secs_f64() / plain_each.as_secs_f64().max(1e-9)
        ),
    ));

    // ---- submissions -----------------------------------------------------
    let weekdays = ["man", "tirs", "ons", "tors", "fre", "lør", "søn"];
    let n = args.submissions;
    let started = Instant::now();
    for i in 0..n {
        let day = monday + chrono::Days::new(7 + u64::from(i % 60));
        let text = format!(
            "hej! {} {} d {}/{} kl {}-{} på {} 🙂 alle er velkomne",
            TITLES[i as usize % TITLES.len()].to_lowercase(),
            weekdays[day.weekday().num_days_from_monday() as usize],
            day.day(),
            day.month(),
            10 + i % 8,
            12 + i % 8,
            PLACES[i as usize % PLACES.len()].to_lowercase()
        );
        // Each from another resident: one person sending thousands of
        // messages at one instant would be (rightly) stopped by the flood
        // and repeat rules, and the bench would time moderation instead.
        let event = message(format!("submit{i}"), i, text);
        let (queued, _) =
            vores_bot::runtime::handle_in_one_transaction(&bot, &event, &situation).await?;
        if i == 0 {
            let reply = queued.first().map(|q| q.doc.plain()).unwrap_or_default();
            println!(
                "  first submission answered: {}",
                reply.lines().next().unwrap_or("(nothing)")
            );
        }
        anyhow::ensure!(!queued.is_empty(), "a submission got no answer");
    }
    let vores_rate = f64::from(n) / started.elapsed().as_secs_f64();
    let started = Instant::now();
    for i in 0..n {
        let tx = plain.unchecked_transaction()?;
        tx.prepare_cached("SELECT 1 FROM handled WHERE conversation = ?1 AND message = ?2")?
            .exists(rusqlite::params!["console:bench", format!("submit{i}")])?;
        tx.prepare_cached(
            "INSERT INTO events (status, conversation, author, title, place, body, starts_at, ends_at, approved_at) \
             VALUES ('pending', 'console:bench', ?1, ?2, ?3, ?4, ?5, ?6, 0)",
        )?
        .execute(rusqlite::params![
            format!("asker{i}"),
            TITLES[i as usize % TITLES.len()],
            PLACES[i as usize % PLACES.len()],
            "hej! …",
            now.timestamp() + i64::from(i),
            now.timestamp() + i64::from(i) + 7200
        ])?;
        tx.prepare_cached(
            "INSERT INTO outbox (conversation, body, dedupe, at) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(rusqlite::params![
            "console:bench",
            "Tak! Din begivenhed er gemt …",
            format!("reply:submit{i}"),
            now.timestamp()
        ])?;
        tx.prepare_cached("INSERT INTO handled (conversation, message, at) VALUES (?1, ?2, ?3)")?
            .execute(rusqlite::params![
                "console:bench",
                format!("submit{i}"),
                now.timestamp()
            ])?;
        tx.commit()?;
    }
    let plain_rate = f64::from(n) / started.elapsed().as_secs_f64();
    rows.push((
        format!("Submissions through the core (message → saved → answer queued), {n}"),
        format!("{vores_rate:.0} /s"),
        format!("{plain_rate:.0} /s (one commit per message: check, 3 inserts)"),
        format!("{:.0}% of plain", 100.0 * vores_rate / plain_rate),
    ));

    // ---- what's on this weekend ------------------------------------------
    let saturday = monday + chrono::Days::new(5);
    let (weekend_from, weekend_to) = (
        vores_bot::civil::day_bounds(tz, saturday).0,
        vores_bot::civil::day_bounds(tz, saturday + chrono::Days::new(1)).1,
    );
    let mut vores_times = Vec::new();
    for i in 0..args.asks {
        let question = [
            "hvad sker der i weekenden?",
            "hvad sker der i weekenden",
            "what's on this weekend?",
        ][i as usize % 3];
        let ask = message(format!("ask{i}"), 1_000_000 + i, question.to_string());
        let started = Instant::now();
        let (queued, _) =
            vores_bot::runtime::handle_in_one_transaction(&bot, &ask, &situation).await?;
        vores_times.push(started.elapsed());
        if i == 0 {
            let text = queued.first().map(|q| q.doc.plain()).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            println!(
                "  first answer: {} … {}",
                lines.first().unwrap_or(&""),
                lines.last().unwrap_or(&"")
            );
        }
    }
    // The reads alone, through the store, as the answer makes them.
    let mut read_times = Vec::new();
    for _ in 0..args.asks {
        let started = Instant::now();
        let (page, total) = db
            .events_page(
                &vores_bot::store::Channels::All,
                weekend_from,
                weekend_to,
                31,
            )
            .await?;
        let series = db
            .series_between(
                weekend_from,
                weekend_to,
                false,
                vores_bot::store::MOST_SERIES,
            )
            .await?;
        read_times.push(started.elapsed());
        anyhow::ensure!(
            !page.is_empty() && total > 0,
            "found nothing {}",
            series.len()
        );
    }
    let mut plain_times = Vec::new();
    for _ in 0..args.asks {
        let started = Instant::now();
        let mut page = plain.prepare_cached(
            "SELECT id, title, place, starts_at, ends_at FROM events WHERE status = 'published' \
             AND starts_at >= ?1 - 259200 AND starts_at < ?2 AND ends_at > ?1 ORDER BY starts_at, id LIMIT 31",
        )?;
        let listed: Vec<(i64, String)> = page
            .query_map(
                rusqlite::params![weekend_from.timestamp(), weekend_to.timestamp()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
            .collect::<Result<_, _>>()?;
        let total: i64 = plain
            .prepare_cached(
                "SELECT COUNT(*) FROM events WHERE status = 'published' \
                 AND starts_at >= ?1 - 259200 AND starts_at < ?2 AND ends_at > ?1",
            )?
            .query_row(
                rusqlite::params![weekend_from.timestamp(), weekend_to.timestamp()],
                |r| r.get(0),
            )?;
        plain_times.push(started.elapsed());
        anyhow::ensure!(!listed.is_empty() && total > 0, "plain found nothing");
    }
    let (v50, v99) = percentiles(vores_times);
    let (p50, p99) = percentiles(plain_times);
    let (r50, r99) = percentiles(read_times);
    rows.push((
        format!(
            "  of which the reads (the page, its count, regular activities), {}",
            args.asks
        ),
        format!("p50 {} · p99 {}", micros(r50), micros(r99)),
        format!("p50 {} · p99 {}", micros(p50), micros(p99)),
        format!(
            "p99 {:.1}× plain",
            r99.as_secs_f64() / p99.as_secs_f64().max(1e-9)
        ),
    ));
    rows.push((
        format!(
            "\"hvad sker der i weekenden?\" answered (understand, query, render, commit), {}",
            args.asks
        ),
        format!("p50 {} · p99 {}", micros(v50), micros(v99)),
        format!(
            "p50 {} · p99 {} (first 31 by start + count)",
            micros(p50),
            micros(p99)
        ),
        format!(
            "p99 {:.1}× plain",
            v99.as_secs_f64() / p99.as_secs_f64().max(1e-9)
        ),
    ));

    // ---- the weekly digest ----------------------------------------------
    let mut vores_times = Vec::new();
    for _ in 0..args.digests {
        let started = Instant::now();
        let doc = bot.digest_doc(0, now, Language::Da).await?;
        // Rendered as for Telegram: HTML, split at 4096 UTF-16 units.
        let parts = vores_bot::render::render(&doc, &TELEGRAM);
        vores_times.push(started.elapsed());
        anyhow::ensure!(!parts.is_empty(), "an empty digest");
    }
    let week_end = now + chrono::Duration::days(7);
    let since = now - chrono::Duration::days(7);
    let mut plain_times = Vec::new();
    for _ in 0..args.digests {
        let started = Instant::now();
        let week: Vec<(i64, String, Option<String>, i64)> = plain
            .prepare_cached(
                "SELECT id, title, place, starts_at FROM events WHERE status = 'published' \
                 AND starts_at >= ?1 AND starts_at < ?2 ORDER BY starts_at, id LIMIT 60",
            )?
            .query_map(
                rusqlite::params![now.timestamp(), week_end.timestamp()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?
            .collect::<Result<_, _>>()?;
        let shared: Vec<(i64, String)> = plain
            .prepare_cached(
                "SELECT id, author FROM events WHERE status = 'published' \
                 AND approved_at >= ?1 AND approved_at < ?2 ORDER BY approved_at, id LIMIT 1000",
            )?
            .query_map(rusqlite::params![since.timestamp(), now.timestamp()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        plain_times.push(started.elapsed());
        anyhow::ensure!(!week.is_empty(), "plain found no week {}", shared.len());
    }
    let in_week: i64 = plain.query_row(
        "SELECT COUNT(*) FROM events WHERE status = 'published' AND starts_at >= ?1 AND starts_at < ?2",
        rusqlite::params![now.timestamp(), week_end.timestamp()],
        |r| r.get(0),
    )?;
    let (v50, v99) = percentiles(vores_times);
    let (p50, p99) = percentiles(plain_times);
    rows.push((
        format!(
            "Weekly digest composed and rendered ({in_week} events that week), {}",
            args.digests
        ),
        format!("p50 {} · p99 {}", micros(v50), micros(v99)),
        format!(
            "p50 {} · p99 {} (the week's first 60 + shared since)",
            micros(p50),
            micros(p99)
        ),
        format!(
            "p50 {:.1}× plain",
            v50.as_secs_f64() / p50.as_secs_f64().max(1e-9)
        ),
    ));

    println!();
    println!("| What | Vores | Plain SQLite, same work | Ratio |");
    println!("| --- | ---: | ---: | ---: |");
    for (what, vores, plain, ratio) in &rows {
        println!("| {what} | {vores} | {plain} | {ratio} |");
    }
    println!();
    println!(
        "Peak resident memory of this process (both databases open, everything above): {:.0} MiB",
        peak_rss_mib()
    );
    db.close().await;
    drop(plain);
    if !args.keep && args.dir.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}
