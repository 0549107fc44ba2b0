//! Telegram end to end: the real `vores run` process with the real teloxide
//! client long-polls a fake Bot API server (tests/fake_telegram, written from
//! the Bot API documentation) on 127.0.0.1. Residents and admins are
//! simulated there; we check what the bot did through the server.

mod common;
mod fake_telegram;

use std::process::{Command, Stdio};
use std::time::Duration;

use fake_telegram::{FakeChat, FakeTelegram, FakeUser, SentMessage};

const TOKEN: &str = "123456:TEST-token";
/// Wednesday 10 June 2026, 10:00 in Copenhagen.
const NOW: &str = "2026-06-10T10:00:00+02:00";
const TORVET: i64 = -100_101;
const STRAND: i64 = -100_102;
const ENGLISH: i64 = -100_103;
const WAIT: Duration = Duration::from_secs(20);

struct Town {
    fake: FakeTelegram,
    bot: common::BotProcess,
}

fn config(api_url: &str) -> String {
    common::town_config(
        "telegram",
        &format!(
            "[console]\nenabled = false\n\n[telegram]\napi_url = \"{api_url}\"\npoll_timeout = 1"
        ),
        [
            &TORVET.to_string(),
            &STRAND.to_string(),
            &ENGLISH.to_string(),
        ],
        RULES,
    )
}

/// Two strikes and a member is muted for half an hour.
const RULES: &str = "strikes_before_escalation = 2\nescalation = \"mute\"\nmute_minutes = 30";

common::town_runs_a_bot!(Town);

impl Town {
    async fn new() -> Town {
        let fake = FakeTelegram::start(TOKEN).await;
        let bot = common::BotProcess::at(
            NOW,
            &config(&fake.api_url()),
            &[("VORES_TELEGRAM_TOKEN", TOKEN)],
        );
        for (id, title) in [
            (TORVET, "Torvet"),
            (STRAND, "Stranden"),
            (ENGLISH, "Ishøj in English"),
        ] {
            fake.add_chat(FakeChat::supergroup(id, title));
            fake.set_bot_rights(id, true, true);
        }
        fake.set_admins(TORVET, &[mette()]);
        Town { fake, bot }
    }

    fn vores(&self) -> Command {
        self.vores_at(NOW)
    }

    fn vores_at(&self, now: &str) -> Command {
        self.bot.command(Some(now))
    }

    async fn replies(&self, chat: i64, count: usize) -> Vec<SentMessage> {
        let sent = self.fake.wait_for_sent(chat, count, WAIT).await;
        assert!(
            sent.len() >= count,
            "expected {count} messages in {chat}, got {sent:#?}\nbot log:\n{}",
            self.log()
        );
        sent
    }

    /// Says something and returns the bot's first reply to it.
    async fn ask(&self, chat: i64, from: &FakeUser, text: &str) -> SentMessage {
        let before = self.fake.sent(chat).len();
        let id = self.fake.say(chat, from, text);
        let sent = self.replies(chat, before + 1).await;
        sent.into_iter()
            .skip(before)
            .find(|m| m.reply_to == Some(id))
            .unwrap_or_else(|| panic!("no reply to {text:?}; bot log:\n{}", self.log()))
    }
}

fn mette() -> FakeUser {
    FakeUser::new(501, "Mette").with_username("mette")
}

fn ali() -> FakeUser {
    FakeUser::new(502, "Ali")
}

fn ahmed() -> FakeUser {
    FakeUser::new(503, "Ahmed")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn residents_and_admins_on_telegram() {
    let mut town = Town::new().await;
    town.start();

    // A Danish event with buttons, answered in the same chat as a reply.
    let confirmation = town
        .ask(
            TORVET,
            &ali(),
            "/begivenhed Byttemarked i Glashuset lørdag kl. 10-14",
        )
        .await;
    assert_eq!(confirmation.parse_mode.as_deref(), Some("HTML"));
    assert!(
        confirmation.plain_text.contains("#1"),
        "{}",
        confirmation.plain_text
    );
    assert!(
        confirmation.plain_text.contains("lørdag 13. juni 2026"),
        "{}",
        confirmation.plain_text
    );
    assert!(
        confirmation.buttons().contains(&"cancel:1".to_string()),
        "{:?}",
        confirmation.reply_markup
    );

    // A resident cannot approve; Telegram's chat admin can, with a button.
    let refused = town.ask(TORVET, &ahmed(), "/godkend@VoresBot #1").await;
    assert!(
        refused.plain_text.contains("kun gruppens administratorer"),
        "{}",
        refused.plain_text
    );
    let queue = town.ask(TORVET, &mette(), "/afventer").await;
    assert!(
        queue.buttons().contains(&"approve:1".to_string()),
        "{:?}",
        queue.reply_markup
    );
    let before = town.fake.sent(TORVET).len();
    let press = town
        .fake
        .click(TORVET, &mette(), queue.message_id, "approve:1");
    let after = town.replies(TORVET, before + 2).await;
    assert!(
        town.fake
            .answered_callbacks()
            .iter()
            .any(|(id, _)| id == &press),
        "callback not answered"
    );
    let texts: Vec<&str> = after[before..]
        .iter()
        .map(|m| m.plain_text.as_str())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("#1 er godkendt")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains("Godt nyt")), "{texts:?}");
    // Announced in the other channels of the group, in their language.
    let english = town.replies(ENGLISH, 1).await;
    assert!(
        english
            .iter()
            .any(|m| m.plain_text.contains("New event: Byttemarked")),
        "{english:?}"
    );

    // Asking in a group by mentioning the bot.
    let answer = town
        .ask(TORVET, &ahmed(), "@VoresBot hvad sker der i weekenden?")
        .await;
    assert!(
        answer.plain_text.contains("Byttemarked"),
        "{}",
        answer.plain_text
    );

    // Ordinary talk is not answered; spam is deleted and logged.
    let quiet_before = town.fake.sent(TORVET).len();
    town.fake
        .say(TORVET, &ali(), "Hej alle, vi ses på lørdag 😊");
    let spam = town
        .fake
        .say(TORVET, &ahmed(), "FR33 M0NEY!!! skriv til mig");
    let deadline = tokio::time::Instant::now() + WAIT;
    while !town.fake.deleted(TORVET).contains(&spam) && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        town.fake.deleted(TORVET).contains(&spam),
        "spam not deleted; log:\n{}",
        town.log()
    );
    let log = town.ask(TORVET, &mette(), "/log").await;
    assert!(
        log.plain_text.contains("spam") && log.plain_text.contains("Ahmed"),
        "{}",
        log.plain_text
    );
    assert!(
        !town.fake.sent(TORVET)[quiet_before..]
            .iter()
            .any(|m| m.plain_text.contains("vi ses")),
        "ordinary talk must not be answered"
    );
    // A second strike mutes (escalation = mute after 2).
    town.fake.say(TORVET, &ahmed(), "Tjen penge hurtigt med os");
    let deadline = tokio::time::Instant::now() + WAIT;
    while town.fake.restricted(TORVET).is_empty() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        town.fake.restricted(TORVET).first().map(|r| r.0),
        Some(ahmed().id),
        "not muted; log:\n{}",
        town.log()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_in_the_middle_of_a_batch_loses_and_repeats_nothing() {
    let mut town = Town::new().await;
    let residents: Vec<FakeUser> = (0..6)
        .map(|i| FakeUser::new(600 + i, &format!("Beboer{i}")))
        .collect();
    let mut asked = Vec::new();
    for (i, who) in residents.iter().enumerate() {
        asked.push(town.fake.say(
            TORVET,
            who,
            &format!("/begivenhed Loppemarked {i} i Glashuset lørdag kl. 1{i}"),
        ));
    }
    town.start();
    // Once two confirmations are out, Telegram makes the bot wait (429)
    // before the third, and we kill it then: mid-batch, some events handled,
    // one reply not yet delivered. (Killing it between Telegram accepting a
    // message and the bot recording that could post that one message twice:
    // the Bot API has no idempotency key, so no client can rule that out.)
    town.replies(TORVET, 2).await;
    let sends = town.fake.request_count("sendMessage");
    town.fake.fail_with_429("sendMessage", 1, 30);
    town.fake
        .wait_for_requests("sendMessage", sends + 1, WAIT)
        .await;
    town.kill();
    assert!(
        town.fake.sent(TORVET).len() < 6,
        "the kill came too late to be mid-batch"
    );
    // More residents write while it is down.
    for i in 6..8 {
        let who = FakeUser::new(600 + i, &format!("Beboer{i}"));
        asked.push(town.fake.say(
            TORVET,
            &who,
            &format!(
                "/begivenhed Loppemarked {i} i Glashuset lørdag kl. 1{}",
                i - 6
            ),
        ));
    }
    town.start();
    town.replies(TORVET, asked.len()).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let sent = town.fake.sent(TORVET);
    for id in &asked {
        let replies = sent.iter().filter(|m| m.reply_to == Some(*id)).count();
        assert_eq!(replies, 1, "message {id} got {replies} replies: {sent:#?}");
    }
    let mut numbers: Vec<String> = sent
        .iter()
        .filter_map(|m| {
            m.plain_text
                .split("begivenhed #")
                .nth(1)
                .map(|r| r.chars().take_while(char::is_ascii_digit).collect())
        })
        .collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(
        numbers.len(),
        asked.len(),
        "each submission saved once: {numbers:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_token_fails_fast_with_a_clear_message() {
    let town = Town::new().await;
    let out = town
        .vores()
        .env("VORES_TELEGRAM_TOKEN", "999:wrong")
        .arg("run")
        .stdin(Stdio::null())
        .output()
        .expect("vores runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("VORES_TELEGRAM_TOKEN"), "{stderr}");
    assert!(
        !stderr.contains("999:wrong"),
        "the token must never be printed: {stderr}"
    );
}

const FORUM: i64 = -100_104;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topics_replies_bots_old_messages_and_privacy_mode() {
    let mut town = Town::new().await;
    town.fake.add_chat(FakeChat::forum(FORUM, "Ishøj forum"));
    town.fake.set_bot_rights(FORUM, true, true);
    town.fake.set_privacy_mode(false);
    // Spam sent while the bot was down for two days can no longer be deleted.
    let old_spam = town
        .fake
        .say(TORVET, &ahmed(), "FREE MONEY for everyone, write me");
    town.fake.age_message(TORVET, old_spam, 49);
    town.start();

    let told = town.replies(TORVET, 1).await;
    assert!(
        told.iter()
            .any(|m| m.plain_text.contains("Til administratorerne")
                && m.plain_text.contains("slette")),
        "{told:#?}"
    );
    assert!(!town.fake.deleted(TORVET).contains(&old_spam));
    assert!(
        town.log().contains("privacy mode"),
        "the operator is warned: {}",
        town.log()
    );

    // In a forum topic the answer stays in the topic.
    let topic = town.fake.create_topic(FORUM, &ali(), "Begivenheder");
    let before = town.fake.sent(FORUM).len();
    town.fake.say_in_thread(FORUM, topic, &ali(), "/hjælp");
    let sent = town.replies(FORUM, before + 1).await;
    assert_eq!(sent[before].topic_id, Some(topic), "{:#?}", sent[before]);

    // A reply to the bot is said to the bot; other bots are never answered.
    let help = &sent[before];
    let before = town.fake.sent(FORUM).len();
    town.fake
        .say(FORUM, &FakeUser::bot(900, "Andenbot", "AndenBot"), "/hjælp");
    let reply_id = town
        .fake
        .reply(FORUM, &ali(), help.message_id, "hvad sker der i morgen?");
    let sent = town.replies(FORUM, before + 1).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let sent_now = town.fake.sent(FORUM);
    assert_eq!(
        sent_now.len(),
        before + 1,
        "only the resident is answered: {sent_now:#?}"
    );
    assert_eq!(sent[before].reply_to, Some(reply_id));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_api_fails_fast_with_a_clear_message() {
    let town = Town::new().await;
    // A port nobody listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    std::fs::write(
        town.path("vores.toml"),
        config(&format!("http://127.0.0.1:{port}")),
    )
    .expect("config");
    let started = std::time::Instant::now();
    let mut run = town.vores();
    run.arg("run");
    common::fails_saying(run, &["cannot reach the Bot API", "api_url"]);
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn private_chats_and_edited_messages() {
    let mut town = Town::new().await;
    town.start();
    let lone = FakeUser::new(777, "Lone");
    // In a private chat everything is said to the bot, no command needed.
    let first = town.fake.say(
        lone.id,
        &lone,
        "Sankthansbål på stranden tirsdag d. 23/6 kl. 20-23",
    );
    let sent = town.replies(lone.id, 1).await;
    assert_eq!(sent[0].reply_to, Some(first));
    assert!(
        sent[0].plain_text.contains("tirsdag 23. juni 2026"),
        "{}",
        sent[0].plain_text
    );
    assert!(
        sent[0].plain_text.contains("kl. 20.00–23.00"),
        "{}",
        sent[0].plain_text
    );
    // Editing the message corrects the submission.
    town.fake.edit(
        lone.id,
        &lone,
        first,
        "Sankthansbål på stranden tirsdag d. 23/6 kl. 21-23",
    );
    let sent = town.replies(lone.id, 2).await;
    assert!(
        sent[1].plain_text.contains("Rettet"),
        "{}",
        sent[1].plain_text
    );
    assert!(
        sent[1].plain_text.contains("kl. 21.00–23.00"),
        "{}",
        sent[1].plain_text
    );
    assert!(
        sent[1].plain_text.contains("#1"),
        "the same submission: {}",
        sent[1].plain_text
    );
    // "/mine data": the text, then everything as a JSON document.
    town.fake.say(lone.id, &lone, "/mine data");
    let sent = town.replies(lone.id, 3).await;
    assert!(
        sent[2].plain_text.contains("vores-mine-data.json"),
        "{}",
        sent[2].plain_text
    );
    assert_eq!(
        town.fake.wait_for_requests("senddocument", 1, WAIT).await,
        1,
        "no document; bot log:\n{}",
        town.log()
    );
    let upload = &town.fake.requests("senddocument")[0];
    assert_eq!(upload["chat_id"], lone.id.to_string());
    let file = upload["document"]
        .as_str()
        .and_then(|d| d.strip_prefix("attach://"))
        .map_or(&upload["document"], |name| &upload[name]);
    assert_eq!(file["file_name"], "vores-mine-data.json");
    let data: serde_json::Value =
        serde_json::from_str(file["content"].as_str().unwrap_or_default())
            .expect("the document is JSON");
    assert_eq!(data["person"], "telegram:777");
    assert!(
        data["tables"]["submissions"]
            .to_string()
            .contains("Sankthansbål"),
        "{data}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_events_in_one_batch_do_not_stop_polling() {
    let mut town = Town::new().await;
    let lone = FakeUser::new(778, "Gentaget");
    // Queued before the bot starts, so all of it arrives in one batch: the
    // same member joining twice gives two events that look alike.
    town.fake.join(TORVET, &lone);
    town.fake.join(TORVET, &lone);
    town.fake.say(TORVET, &lone, "/hjælp");
    town.start();
    town.replies(TORVET, 1).await;
    // The batch was finished and confirmed: a later message is still seen.
    town.fake.say(TORVET, &lone, "/hjælp");
    let sent = town.replies(TORVET, 2).await;
    assert_eq!(sent.len(), 2, "{sent:#?}");
}

/// Waits until `check` holds or the time is up.
async fn eventually(mut check: impl FnMut() -> bool) -> bool {
    let deadline = tokio::time::Instant::now() + WAIT;
    while !check() {
        if tokio::time::Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    true
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_presses_rights_and_admin_scope() {
    const ELSEWHERE: i64 = -100_999;
    let mut town = Town::new().await;
    // A chat the config does not name, where Mette is also an admin.
    town.fake
        .add_chat(FakeChat::supergroup(ELSEWHERE, "Et andet sted"));
    town.fake.set_bot_rights(ELSEWHERE, true, true);
    town.fake.set_admins(ELSEWHERE, &[mette()]);
    // The bot may delete in Stranden but not restrict members.
    town.fake.set_bot_rights(STRAND, true, false);
    town.start();

    // Platform rights count only in configured chats.
    let refused = town.ask(ELSEWHERE, &mette(), "/afventer").await;
    assert!(
        refused.plain_text.contains("kun gruppens administratorer"),
        "{}",
        refused.plain_text
    );

    // An approved story that is edited needs approval again.
    let story = town.fake.say(
        TORVET,
        &ali(),
        "/historie Café Solstrålen fejrede 1 år i dag med kage til alle",
    );
    town.replies(TORVET, 1).await;
    town.fake.say(TORVET, &mette(), "/godkend #1");
    assert!(
        eventually(|| town
            .fake
            .sent(TORVET)
            .iter()
            .any(|m| m.plain_text.contains("#1 er godkendt")))
        .await,
        "not approved; log:\n{}",
        town.log()
    );
    town.fake.edit(
        TORVET,
        &ali(),
        story,
        "/historie Café Solstrålen fejrede 1 år i dag med kage og musik til alle",
    );
    let updated = |town: &Town| {
        town.fake
            .sent(TORVET)
            .into_iter()
            .find(|m| m.plain_text.contains("Historie #1 er opdateret"))
    };
    assert!(
        eventually(|| updated(&town).is_some()).await,
        "{}",
        town.log()
    );
    let edited = updated(&town).expect("found").plain_text;
    assert!(edited.contains("administrator har godkendt"), "{edited}");
    let queue = town.ask(TORVET, &mette(), "/afventer").await;
    assert!(queue.plain_text.contains("#1"), "{}", queue.plain_text);

    // Ordinary talk edited into spam is removed like new spam.
    let talk = town.fake.say(TORVET, &ahmed(), "Hej alle sammen");
    town.fake
        .edit(TORVET, &ahmed(), talk, "FR33 M0NEY!!! skriv til mig");
    assert!(
        eventually(|| town.fake.deleted(TORVET).contains(&talk)).await,
        "edited spam not deleted; log:\n{}",
        town.log()
    );

    // The same button pressed twice is answered twice.
    let event = town
        .ask(
            TORVET,
            &ali(),
            "/begivenhed Loppemarked på Torvet søndag kl. 9-13",
        )
        .await;
    let cancel = event
        .buttons()
        .into_iter()
        .find(|b| b.starts_with("cancel:"))
        .expect("a cancel button");
    let before = town.fake.sent(TORVET).len();
    town.fake.click(TORVET, &ali(), event.message_id, &cancel);
    let sent = town.replies(TORVET, before + 1).await;
    assert!(
        sent[before].plain_text.contains("er slettet og vises ikke"),
        "{}",
        sent[before].plain_text
    );
    town.fake.click(TORVET, &ali(), event.message_id, &cancel);
    let sent = town.replies(TORVET, before + 2).await;
    assert!(
        sent[before + 1].plain_text.contains("allerede slettet"),
        "{}",
        sent[before + 1].plain_text
    );

    // A mute the bot has no right to do is not announced; the admins hear.
    town.fake
        .say(STRAND, &ahmed(), "FR33 M0NEY!!! skriv til mig");
    town.fake.say(STRAND, &ahmed(), "Tjen penge hurtigt med os");
    assert!(
        eventually(|| town
            .fake
            .sent(STRAND)
            .iter()
            .any(|m| m.plain_text.contains("sætte folk på pause")))
        .await,
        "admins not told; sent: {:#?}\nlog:\n{}",
        town.fake.sent(STRAND),
        town.log()
    );
    assert!(town.fake.restricted(STRAND).is_empty());
    assert!(
        !town
            .fake
            .sent(STRAND)
            .iter()
            .any(|m| m.plain_text.contains("kan ikke skrive i")),
        "{:#?}",
        town.fake.sent(STRAND)
    );
}

/// A regular activity on Telegram: submitted once, approved once with the
/// button, on every Thursday in "what's on", one evening cancelled, asked
/// about by topic — the same flow as the console's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_regular_activity_on_telegram() {
    let mut town = Town::new().await;
    town.start();
    let saved = town
        .ask(
            TORVET,
            &ali(),
            "/begivenhed fællesspisning i Medborgerhuset hver torsdag kl 18, pris 40 kr",
        )
        .await;
    for part in [
        "#1",
        "Fællesspisning",
        "hver torsdag",
        "torsdag 11. juni, torsdag 18. juni, torsdag 25. juni",
    ] {
        assert!(saved.plain_text.contains(part), "{}", saved.plain_text);
    }
    let queue = town.ask(TORVET, &mette(), "/afventer").await;
    assert!(
        queue.plain_text.contains("hver torsdag"),
        "{}",
        queue.plain_text
    );
    let before = town.fake.sent(TORVET).len();
    town.fake
        .click(TORVET, &mette(), queue.message_id, "approve:1");
    town.replies(TORVET, before + 2).await;
    // The announcement reaches the English channel first (then the question
    // there is answered after it).
    let announced = town.replies(ENGLISH, 1).await;
    assert!(
        announced
            .iter()
            .any(|m| m.plain_text.contains("every Thursday")),
        "{announced:?}"
    );

    let english = town.ask(ENGLISH, &ahmed(), "/whatson 25 June").await;
    assert!(
        english.plain_text.contains("Fællesspisning"),
        "{}",
        english.plain_text
    );
    let cancelled = town.ask(TORVET, &ali(), "/aflys #1 18. juni").await;
    assert!(
        cancelled.plain_text.contains("Aflyst"),
        "{}",
        cancelled.plain_text
    );
    let that_week = town.ask(TORVET, &ahmed(), "/hvadsker 18. juni").await;
    assert!(
        !that_week.plain_text.contains("Fællesspisning"),
        "{}",
        that_week.plain_text
    );
    let by_topic = town
        .ask(TORVET, &ahmed(), "@VoresBot hvornår er der fællesspisning?")
        .await;
    for part in ["Torsdag 11. juni", "Torsdag 25. juni"] {
        assert!(
            by_topic.plain_text.contains(part),
            "{}",
            by_topic.plain_text
        );
    }
    assert!(
        !by_topic.plain_text.contains("Torsdag 18. juni"),
        "{}",
        by_topic.plain_text
    );

    // Five weeks on, the organiser is asked privately whether it still
    // happens, with buttons; pressing "no" ends it after today.
    town.kill();
    town.fake.add_private_chat(&ali());
    let later = "2026-07-16T10:00:00+02:00";
    let run_later = town.vores_at(later);
    town.spawn_run(run_later);
    let asked = town.replies(ali().id, 1).await;
    let question = asked
        .iter()
        .find(|m| m.plain_text.contains("stadig"))
        .unwrap_or_else(|| panic!("{asked:#?}"));
    assert!(
        question.plain_text.contains("Fællesspisning"),
        "{}",
        question.plain_text
    );
    assert_eq!(question.buttons(), vec!["yes:1", "no:1"]);
    town.fake
        .click(ali().id, &ali(), question.message_id, "no:1");
    let answered = town.replies(ali().id, 2).await;
    assert!(
        answered[1].plain_text.contains("er stoppet efter"),
        "{}",
        answered[1].plain_text
    );
    let after = town.ask(TORVET, &ahmed(), "/hvadsker 30. juli").await;
    assert!(
        !after.plain_text.contains("Fællesspisning"),
        "{}",
        after.plain_text
    );
}

/// Production settings: the default 25 s long poll (no `poll_timeout` in the
/// config) against a server that keeps a quiet poll open that long, and an
/// idle period longer than both the poll and teloxide's default 17 s client
/// timeout. Quiet polls must end normally (no "network error", no growing
/// retry delay), so the first message after the quiet spell is answered at
/// once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_hour_with_production_timeouts_keeps_answers_quick() {
    let mut town = Town::new().await;
    let production = config(&town.fake.api_url()).replace("poll_timeout = 1\n", "");
    std::fs::write(town.path("vores.toml"), production).expect("config");
    town.fake.honour_long_polls();
    town.start();
    town.fake.wait_for_requests("getUpdates", 1, WAIT).await;
    tokio::time::sleep(Duration::from_secs(40)).await;
    let polls = town.fake.requests("getUpdates");
    assert!(
        polls.iter().all(|p| p["timeout"] == 25),
        "the default long poll is 25 s: {polls:?}"
    );
    // 40 s of quiet at 25 s a poll: two or three polls, not a retry storm.
    assert!(polls.len() <= 3, "{} polls in 40 s", polls.len());
    let asked = std::time::Instant::now();
    town.ask(TORVET, &ali(), "/hjælp").await;
    let waited = asked.elapsed();
    assert!(
        waited < Duration::from_secs(5),
        "the first answer after a quiet spell took {waited:?}"
    );
    let log = town.log();
    assert!(
        !log.contains("polling Telegram failed"),
        "quiet polls are not failures:\n{log}"
    );
}

/// A SIGHUP (a closed terminal, `systemctl reload`) is said in the log and
/// changes nothing: the bot keeps answering.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hangup_signal_does_not_stop_the_bot() {
    let mut town = Town::new().await;
    town.start();
    town.fake.wait_for_requests("getUpdates", 1, WAIT).await;
    let pid = town.bot.child.as_ref().expect("running").id();
    let sent = Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    assert!(
        eventually(|| town.log().contains("SIGHUP")).await,
        "{}",
        town.log()
    );
    town.ask(TORVET, &ali(), "/hjælp").await;
    let still_running = town
        .bot
        .child
        .as_mut()
        .expect("running")
        .try_wait()
        .expect("status");
    assert!(still_running.is_none(), "{}", town.log());
}

/// Photos, as Telegram sends them (a `photo` with a caption, or alone): one
/// sent with a story is kept once its teller says it may be shown; one sent
/// right after a story, while the bot asks about it, joins that story, and
/// without a yes it is not kept. The communication team's draft names the
/// photo that may be used.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn photos_go_with_their_story_only_with_consent() {
    let mut town = Town::new().await;
    town.start();
    let bot = format!("@{}", fake_telegram::BOT_USERNAME);
    let said = |town: &Town, part: &str| {
        town.fake
            .sent(TORVET)
            .into_iter()
            .filter(|m| m.plain_text.contains(part))
            .count()
    };
    town.fake.send_photo(
        TORVET,
        &ali(),
        &format!("{bot} Historie: vi malede tunnelen sammen med ungdomsklubben i Vejleåparken i går, og alle naboerne kom forbi med kaffe og kage. »Nu er den vores,« siger Sara fra klubben."),
        None,
    );
    assert!(
        eventually(|| said(&town, "Må vi vise billedet") == 1).await,
        "no consent question; log:\n{}",
        town.log()
    );
    town.ask(TORVET, &ali(), &format!("{bot} ja")).await;
    assert!(
        eventually(|| said(&town, "Historie #1 er klar") == 1).await,
        "{}",
        town.log()
    );

    let question = town
        .ask(
            TORVET,
            &ali(),
            &format!("{bot} Historie: sommerfest i gården"),
        )
        .await;
    assert!(
        question.plain_text.contains("Hvem stod bag"),
        "{}",
        question.plain_text
    );
    // The photo alone, as an answer to the bot's question.
    town.fake
        .send_photo(TORVET, &ali(), "", Some(question.message_id));
    assert!(
        eventually(|| said(&town, "Må vi vise billedet") == 2).await,
        "{}",
        town.log()
    );
    town.ask(TORVET, &ali(), &format!("{bot} nej")).await;
    assert!(
        eventually(|| said(&town, "Historie #2 er klar") == 1).await,
        "{}",
        town.log()
    );

    for id in ["#1", "#2"] {
        town.fake.say(TORVET, &mette(), &format!("/godkend {id}"));
        let approved = format!("{id} er godkendt");
        assert!(
            eventually(|| said(&town, &approved) == 1).await,
            "{}",
            town.log()
        );
    }
    town.fake.say(TORVET, &mette(), "/pressemeddelelse #1");
    assert!(
        eventually(|| said(&town, "PRESSEMEDDELELSE") == 1).await,
        "{}",
        town.log()
    );
    assert_eq!(
        said(&town, "Billede: telegram:large-"),
        1,
        "the photo with consent is named"
    );
    let out = town
        .vores()
        .args([
            "export",
            "stories",
            "--from",
            "2026-06-01",
            "--to",
            "2026-06-30",
            "--format",
            "json",
        ])
        .output()
        .expect("vores export");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let photo = |n: usize| json["stories"][n]["photo"].clone();
    assert!(
        photo(0)
            .as_str()
            .is_some_and(|p| p.starts_with("telegram:large-")),
        "{json:#}"
    );
    assert_eq!(
        photo(1),
        serde_json::Value::Null,
        "no yes, no photo: {json:#}"
    );
}

/// SIGTERM (systemd's stop, a container's) in the middle of a burst: the
/// bot finishes what it is doing, records what it sent, and exits cleanly
/// within a bounded time; after the restart every message is answered
/// exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_in_a_burst_loses_and_repeats_nothing() {
    let mut town = Town::new().await;
    let mut asked = Vec::new();
    for i in 0..20 {
        let who = FakeUser::new(700 + i, &format!("Nabo{i}"));
        asked.push(town.fake.say(
            TORVET,
            &who,
            &format!(
                "/begivenhed Kaffemik {i} i Glashuset lørdag kl. {}",
                8 + i % 10
            ),
        ));
    }
    town.start();
    town.replies(TORVET, 3).await;
    let mut bot = town.bot.child.take().expect("running");
    let stopped_at = std::time::Instant::now();
    let term = Command::new("kill")
        .args(["-TERM", &bot.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(term.success());
    let status = loop {
        if let Some(status) = bot.try_wait().expect("waits") {
            break status;
        }
        assert!(
            stopped_at.elapsed() < Duration::from_secs(25),
            "still running 25 s after SIGTERM; log:\n{}",
            town.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(status.success(), "{status:?}; log:\n{}", town.log());
    town.start();
    town.replies(TORVET, asked.len()).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let sent = town.fake.sent(TORVET);
    for id in &asked {
        let replies = sent.iter().filter(|m| m.reply_to == Some(*id)).count();
        assert_eq!(replies, 1, "message {id} got {replies} replies: {sent:#?}");
    }
}

/// The "/" menu in every language of the bot Telegram can tell, residents'
/// commands for everyone and the admin commands for group admins; the town's
/// language for apps in other languages (Telegram has no Danish app).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_menu_is_in_each_residents_language() {
    let mut town = Town::new().await;
    town.start();
    let fake = &town.fake;
    assert!(
        eventually(|| fake.menu("all_chat_administrators", "uk").len() > 20).await,
        "no menus set; bot log:\n{}",
        town.log()
    );
    let default = fake.menu("default", "");
    let has = |menu: &[(String, String)], name: &str, about: &str| {
        menu.iter().any(|(n, a)| n == name && a == about)
    };
    assert!(
        has(
            &default,
            "begivenhed",
            "Fortæl om en begivenhed: hvad, hvor, hvornår"
        ),
        "{default:?}"
    );
    // "hjælp" is not a name Telegram allows: the English one, described in Danish.
    assert!(has(&default, "help", "Hvad Vores kan"), "{default:?}");
    assert!(!default.iter().any(|(n, _)| n == "afventer"), "{default:?}");
    let admins = fake.menu("all_chat_administrators", "");
    assert!(
        has(&admins, "afventer", "Admins: hvad venter på godkendelse"),
        "{admins:?}"
    );
    let turkish = fake.menu("default", "tr");
    assert!(
        has(&turkish, "dil", "Sana hangi dilde cevap vereceğimi seç"),
        "{turkish:?}"
    );
    assert!(
        has(&turkish, "whatson", "Neler var (örneğin bu hafta sonu)"),
        "{turkish:?}"
    );
    let arabic = fake.menu("default", "ar");
    assert!(
        has(&arabic, "help", "ماذا يستطيع Vores أن يفعل"),
        "{arabic:?}"
    );
    let ukrainian = fake.menu("default", "uk");
    assert!(
        has(
            &ukrainian,
            "language",
            "Виберіть мову, якою я вам відповідаю"
        ),
        "{ukrainian:?}"
    );
    let english = fake.menu("default", "en");
    assert!(
        has(&english, "event", "Tell about an event: what, where, when"),
        "{english:?}"
    );
}

/// A resident who is forgotten (`/glem mig bekræft`) is taken out of the
/// digest already posted in the group: the bot edits its message there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_erased_residents_name_is_edited_out_of_the_posted_digest() {
    let mut town = Town::new().await;
    town.start();
    let saved = town
        .ask(
            TORVET,
            &ali(),
            "/historie vi plantede 40 træer ved stranden i dag 🌳 tak til alle der kom",
        )
        .await;
    assert!(saved.plain_text.contains("#1"), "{}", saved.plain_text);
    let approved = town.ask(TORVET, &mette(), "/godkend #1").await;
    assert!(
        approved.plain_text.contains("godkendt"),
        "{}",
        approved.plain_text
    );
    // Sunday's digest names her as the teller.
    town.kill();
    let out = town
        .vores_at("2026-06-14T18:00:00+02:00")
        .args(["digest", "--send-now"])
        .output()
        .expect("vores digest runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // `vores run` (on Sunday evening's clock) posts what the command queued.
    let sunday = town.command(Some("2026-06-14T18:05:00+02:00"));
    town.spawn_run(sunday);
    let named = |town: &Town| {
        town.fake
            .sent(TORVET)
            .into_iter()
            .find(|m| m.plain_text.contains("fortalt af Ali"))
    };
    assert!(
        eventually(|| named(&town).is_some()).await,
        "no digest naming Ali: {:#?}; log:\n{}",
        town.fake
            .sent(TORVET)
            .iter()
            .map(|m| m.plain_text.clone())
            .collect::<Vec<_>>(),
        town.log()
    );
    let digest = named(&town).expect("the digest");

    let forgotten = town.ask(ali().id, &ali(), "/glem mig bekræft").await;
    assert!(
        forgotten.plain_text.contains("slettet"),
        "{}",
        forgotten.plain_text
    );
    let edited = || {
        town.fake
            .sent(TORVET)
            .into_iter()
            .find(|m| m.message_id == digest.message_id)
            .is_some_and(|m| !m.edits.is_empty())
    };
    assert!(
        eventually(edited).await,
        "never edited; log:\n{}",
        town.log()
    );
    let now = town
        .fake
        .sent(TORVET)
        .into_iter()
        .find(|m| m.message_id == digest.message_id)
        .expect("the digest");
    assert!(
        !now.current_text().contains("Ali"),
        "{}",
        now.current_text()
    );
    assert!(
        now.current_text().contains("40 træer"),
        "{}",
        now.current_text()
    );
}
