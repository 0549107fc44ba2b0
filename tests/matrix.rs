//! Matrix end to end against a real Synapse (started by tests/with-synapse.sh
//! on 127.0.0.1): the real `vores run` process with matrix-sdk, and residents
//! and admins who are real matrix-sdk clients with end-to-end encryption.
//! Without Synapse the tests are skipped, unless VORES_REQUIRE_SYNAPSE=1 (CI)
//! makes that a failure.

// matrix-sdk's sync future is deep; proving it `Send` needs more room.
#![recursion_limit = "256"]

mod fake_telegram;
mod matrix_support;

use std::time::Duration;

use matrix_sdk::ruma::{OwnedRoomId, OwnedUserId, RoomId};
use matrix_support::{Bot, Resident, Synapse, WAIT, room, unique, wait_for_devices, wait_joined};
use serde_json::Value;

/// One Synapse serves every test here, and one test stops and starts it:
/// they take turns.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn residents_and_admins_in_an_encrypted_room() {
    let Some(synapse) = Synapse::from_env() else {
        return;
    };
    let _turn = SERIAL.lock().await;
    let admin_token = synapse.register(&unique("root"), "pw-root", true).await;
    let bot_name = unique("vores");
    let _ = synapse
        .register(&bot_name, &format!("pw-{bot_name}"), false)
        .await;
    synapse
        .lift_rate_limit(&admin_token, &format!("@{bot_name}:localhost"))
        .await;
    let mette = Resident::new(&synapse, &unique("mette")).await;
    let ali = Resident::new(&synapse, &unique("ali")).await;
    let ahmed = Resident::new(&synapse, &unique("ahmed")).await;
    for r in [&mette, &ali, &ahmed] {
        synapse.lift_rate_limit(&admin_token, r.id().as_str()).await;
    }
    let bot_id: OwnedUserId = format!("@{bot_name}:localhost").try_into().expect("id");
    let everyone = vec![ali.id(), ahmed.id(), bot_id.clone()];
    let torvet = room(&mette, "Torvet", true, &everyone).await;
    let strand = room(&mette, "Stranden", false, &everyone).await;
    for r in [&ali, &ahmed] {
        r.join(&torvet).await;
        r.join(&strand).await;
    }

    let mut bot = Bot::new(
        &synapse,
        &bot_name,
        &[(&torvet, "Torvet"), (&strand, "Stranden")],
    );
    bot.start();
    let log = || bot.log();
    // The bot accepts the invites of the rooms the config names.
    for r in [&mette, &ali, &ahmed] {
        wait_joined(r, &torvet, &bot_id, &log).await;
        wait_for_devices(r, &bot_id).await;
    }
    wait_joined(&mette, &strand, &bot_id, &log).await;
    // A moderator in Torvet; in Stranden the bot has no power.
    mette
        .room(&torvet)
        .await
        .update_power_levels(vec![(&bot_id, 50.into())])
        .await
        .expect("power levels");

    // A Danish event in the encrypted room, answered there as a reply.
    let submitted = ali
        .say(
            &torvet,
            "/begivenhed Byttemarked i Glashuset lørdag kl. 10-14",
        )
        .await;
    let confirmation = ali
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&submitted)
        })
        .await;
    assert!(
        confirmation.body.contains("#1") && confirmation.body.contains("lørdag 13. juni 2026"),
        "{}",
        confirmation.body
    );
    let html = confirmation.formatted.clone().expect("HTML body");
    assert!(html.contains("<b>"), "{html}");

    // The approval queue: a resident's ✅ is refused, the room admin's approves.
    let asked = mette.say(&torvet, "/afventer").await;
    let queue = mette
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&asked)
        })
        .await;
    assert!(queue.body.contains("#1"), "{}", queue.body);
    ahmed.react(&torvet, &queue.event, "✅").await;
    ahmed
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.body.contains("kun gruppens administratorer")
        })
        .await;
    mette.react(&torvet, &queue.event, "✅").await;
    mette
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.body.contains("#1 er godkendt")
        })
        .await;

    // A question by mentioning the bot by name.
    let question = ahmed
        .say(&torvet, &format!("{bot_name}: hvad sker der i weekenden?"))
        .await;
    let answer = ahmed
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&question)
        })
        .await;
    assert!(answer.body.contains("Byttemarked"), "{}", answer.body);

    // A regular activity: one submission, approved once, every Thursday,
    // one evening off, asked about by topic (the console's flow).
    let series = ali
        .say(
            &torvet,
            "/begivenhed fællesspisning i Medborgerhuset hver torsdag kl 18",
        )
        .await;
    let saved = ali
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&series)
        })
        .await;
    assert!(
        saved.body.contains("#2") && saved.body.contains("hver torsdag"),
        "{}",
        saved.body
    );
    let approve = mette.say(&torvet, "/godkend #2").await;
    mette
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&approve) && s.body.contains("#2 er godkendt")
        })
        .await;
    let off = ali.say(&torvet, "/aflys #2 18. juni").await;
    let off_reply = ali
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&off)
        })
        .await;
    assert!(off_reply.body.contains("Aflyst"), "{}", off_reply.body);
    let topic = ahmed
        .say(
            &torvet,
            &format!("{bot_name}: hvornår er der fællesspisning?"),
        )
        .await;
    let dates = ahmed
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&topic)
        })
        .await;
    assert!(
        dates.body.contains("Torsdag 11. juni")
            && dates.body.contains("Torsdag 25. juni")
            && !dates.body.contains("Torsdag 18. juni"),
        "{}",
        dates.body
    );

    // Ordinary talk is left alone; spam is redacted and logged.
    let before = ali.messages_from(&torvet, &bot_id).len();
    ali.say(&torvet, "Hej alle, vi ses på lørdag 😊").await;
    let spam = ahmed.say(&torvet, "FR33 M0NEY!!! skriv til mig").await;
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let event = synapse.event(&mette.token, &torvet, spam.as_str()).await;
        if event["unsigned"]["redacted_because"].is_object() {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "spam not redacted: {event}\nbot log:\n{}",
            bot.log()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Where the bot lacks the power level, the admins are told.
    ahmed.say(&strand, "FR33 M0NEY!!! skriv til mig").await;
    mette
        .wait_for(&strand, &bot_id, &log, |s| {
            s.body.contains("kan ikke slette beskeder")
        })
        .await;
    let asked = mette.say(&torvet, "/log").await;
    let entries = mette
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&asked)
        })
        .await;
    assert!(entries.body.contains("spam"), "{}", entries.body);
    assert!(
        !ali.messages_from(&torvet, &bot_id)[before..]
            .iter()
            .any(|s| s.in_reply_to.is_some() && s.body.contains("vi ses")),
        "ordinary talk must not be answered"
    );

    // The weekly digest reaches both rooms, the encrypted one too.
    bot.digest_now();
    for r in [&strand, &torvet] {
        ali.wait_for(r, &bot_id, &log, |s| s.body.contains("Ugen i Vores Ishøj"))
            .await;
    }
    // Printed for docs/PERFORMANCE.md (run with --nocapture), never
    // asserted: memory depends on the machine and the allocator.
    eprintln!(
        "memory of `vores run` after this conversation: {}",
        bot.memory()
    );
    bot.kill();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn restarts_outages_and_rate_limits_lose_and_double_nothing() {
    let Some(synapse) = Synapse::from_env() else {
        return;
    };
    let _turn = SERIAL.lock().await;
    let admin_token = synapse.register(&unique("root"), "pw-root", true).await;
    // The bot keeps Synapse's default message rate limit here.
    let bot_name = unique("vores");
    let _ = synapse
        .register(&bot_name, &format!("pw-{bot_name}"), false)
        .await;
    let bot_id: OwnedUserId = format!("@{bot_name}:localhost").try_into().expect("id");
    let mette = Resident::new(&synapse, &unique("mette")).await;
    let ali = Resident::new(&synapse, &unique("ali")).await;
    for r in [&mette, &ali] {
        synapse.lift_rate_limit(&admin_token, r.id().as_str()).await;
    }
    let invited = vec![ali.id(), bot_id.clone()];
    let mut rooms = Vec::new();
    for n in 0..20 {
        rooms.push(room(&mette, &format!("Rum {n}"), false, &invited).await);
    }
    ali.join(&rooms[0]).await;
    let labels: Vec<String> = (0..20).map(|n| format!("Rum {n}")).collect();
    let configured: Vec<(&RoomId, &str)> = rooms
        .iter()
        .zip(&labels)
        .map(|(r, l)| (r.as_ref(), l.as_str()))
        .collect();
    let mut bot = Bot::new(&synapse, &bot_name, &configured);
    bot.real_clock = true;
    bot.start();
    for r in &rooms {
        wait_joined(&mette, r, &bot_id, &|| bot.log()).await;
    }
    wait_joined(&ali, &rooms[0], &bot_id, &|| bot.log()).await;

    // Killed mid-sync while residents keep posting: every message is
    // answered exactly once after the restart.
    let mut asked = Vec::new();
    for n in 0..6 {
        if n == 3 {
            bot.kill();
        }
        asked.push(
            ali.say(
                &rooms[0],
                &format!(
                    "/begivenhed Loppemarked nr. {n} søndag kl. {}-{}",
                    9 + n,
                    10 + n
                ),
            )
            .await,
        );
    }
    bot.start();
    for id in &asked {
        ali.wait_for(&rooms[0], &bot_id, &|| bot.log(), |s| {
            s.in_reply_to.as_ref() == Some(id)
        })
        .await;
    }

    // The digest to 20 rooms at Synapse's default pace, with Synapse
    // stopped and started in the middle: every room gets it exactly once.
    bot.digest_now();
    tokio::time::sleep(Duration::from_secs(3)).await;
    synapse.ctl("stop");
    tokio::time::sleep(Duration::from_secs(3)).await;
    synapse.ctl("start");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(240);
    loop {
        let mut missing = Vec::new();
        for r in &rooms {
            let messages = mette_messages(&synapse, &mette.token, r, &bot_id).await;
            let digests = messages
                .iter()
                .filter(|b| b.contains("Ugen i Vores Ishøj"))
                .count();
            assert!(digests <= 1, "room {r} got the digest {digests} times");
            if digests == 0 {
                missing.push(r.clone());
            }
        }
        if missing.is_empty() {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no digest in {missing:?}\nbot log:\n{}",
            bot.log()
        );
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    // Each of ali's messages was answered once, after all that.
    for id in &asked {
        let answers = ali
            .messages_from(&rooms[0], &bot_id)
            .iter()
            .filter(|s| s.in_reply_to.as_ref() == Some(id))
            .count();
        assert_eq!(answers, 1, "message {id} answered {answers} times");
    }
    bot.kill();
}

/// The bodies of `sender`'s messages in `room`, read through the API as the
/// room's owner (the 19 unencrypted rooms have no resident client).
async fn mette_messages(
    synapse: &Synapse,
    token: &str,
    room: &RoomId,
    sender: &OwnedUserId,
) -> Vec<String> {
    let Ok(response) = synapse
        .http
        .get(format!(
            "{}/_matrix/client/v3/rooms/{room}/messages?dir=b&limit=100",
            synapse.url
        ))
        .bearer_auth(token)
        .send()
        .await
    else {
        return Vec::new();
    };
    let Ok(page) = response.json::<Value>().await else {
        return Vec::new();
    };
    page["chunk"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|e| e["type"] == "m.room.message" && e["sender"] == sender.as_str())
        .filter_map(|e| e["content"]["body"].as_str().map(str::to_string))
        .collect()
}

/// One unencrypted room, Torvet, made by Ali with a fresh bot in it and
/// running: Ali is the room's owner and so its admin.
struct Torvet {
    ali: Resident,
    torvet: OwnedRoomId,
    bot_id: OwnedUserId,
    bot: Bot,
}

impl Torvet {
    async fn open(synapse: &Synapse) -> Torvet {
        let admin_token = synapse.register(&unique("root"), "pw-root", true).await;
        let bot_name = unique("vores");
        let _ = synapse
            .register(&bot_name, &format!("pw-{bot_name}"), false)
            .await;
        let bot_id: OwnedUserId = format!("@{bot_name}:localhost").try_into().expect("id");
        let ali = Resident::new(synapse, &unique("ali")).await;
        synapse
            .lift_rate_limit(&admin_token, ali.id().as_str())
            .await;
        let torvet = room(&ali, "Torvet", false, std::slice::from_ref(&bot_id)).await;
        let mut bot = Bot::new(synapse, &bot_name, &[(torvet.as_ref(), "Torvet")]);
        bot.start();
        wait_joined(&ali, &torvet, &bot_id, &|| bot.log()).await;
        Torvet {
            ali,
            torvet,
            bot_id,
            bot,
        }
    }
}

/// A crash at every point of a sync batch: right after matrix-sdk stored the
/// response (before anything was handled), after the batch was handed to the
/// core, and after the core finished it but before the sync position was
/// saved. After each, the restarted bot answers every message exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_at_every_point_of_a_sync_batch_loses_and_repeats_nothing() {
    let Some(synapse) = Synapse::from_env() else {
        return;
    };
    let _turn = SERIAL.lock().await;
    let Torvet {
        ali,
        torvet,
        bot_id,
        mut bot,
    } = Torvet::open(&synapse).await;
    // A first message answered, so the bot has a saved sync position.
    let first = ali.say(&torvet, "/hjælp").await;
    ali.wait_for(&torvet, &bot_id, &|| bot.log(), |s| {
        s.in_reply_to.as_ref() == Some(&first)
    })
    .await;
    bot.kill();

    let mut asked = vec![first];
    for (n, point) in ["matrix:synced", "matrix:handed-over", "matrix:handled"]
        .into_iter()
        .enumerate()
    {
        bot.crash_at = Some(point);
        bot.start();
        // Let it reach its long poll, then say something: the batch with
        // this message is the one it dies in.
        tokio::time::sleep(Duration::from_secs(3)).await;
        asked.push(
            ali.say(
                &torvet,
                &format!(
                    "/begivenhed Loppemarked nr. {n} søndag kl. {}-{}",
                    9 + n,
                    10 + n
                ),
            )
            .await,
        );
        bot.wait_dead().await;
        bot.crash_at = None;
        bot.start();
        let id = asked.last().expect("asked");
        ali.wait_for(&torvet, &bot_id, &|| bot.log(), |s| {
            s.in_reply_to.as_ref() == Some(id)
        })
        .await;
        bot.kill();
    }
    // Once more without a crash: nothing from before comes back.
    bot.start();
    let last = ali.say(&torvet, "/hjælp").await;
    ali.wait_for(&torvet, &bot_id, &|| bot.log(), |s| {
        s.in_reply_to.as_ref() == Some(&last)
    })
    .await;
    asked.push(last);
    tokio::time::sleep(Duration::from_secs(2)).await;
    for id in &asked {
        let answers = ali
            .messages_from(&torvet, &bot_id)
            .iter()
            .filter(|s| s.in_reply_to.as_ref() == Some(id))
            .count();
        assert_eq!(
            answers,
            1,
            "message {id} answered {answers} times\n{}",
            bot.log()
        );
    }
    bot.kill();
}

/// "Does it still happen?" on Matrix: five weeks after a regular activity
/// was approved, its organiser gets a private room with the question (words:
/// Matrix has no buttons), and "nej" there ends it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_organiser_is_asked_privately_whether_a_regular_activity_still_happens() {
    let Some(synapse) = Synapse::from_env() else {
        return;
    };
    let _turn = SERIAL.lock().await;
    let Torvet {
        ali,
        torvet,
        bot_id,
        mut bot,
    } = Torvet::open(&synapse).await;
    let series = ali
        .say(
            &torvet,
            "/begivenhed fællesspisning i Medborgerhuset hver torsdag kl 18",
        )
        .await;
    ali.wait_for(&torvet, &bot_id, &|| bot.log(), |s| {
        s.in_reply_to.as_ref() == Some(&series) && s.body.contains("#1")
    })
    .await;
    // Ali made the room, so Ali is its admin and approves it.
    let approve = ali.say(&torvet, "/godkend #1").await;
    ali.wait_for(&torvet, &bot_id, &|| bot.log(), |s| {
        s.in_reply_to.as_ref() == Some(&approve) && s.body.contains("godkendt")
    })
    .await;
    bot.kill();

    bot.now = "2026-07-16T10:00:00+02:00";
    bot.start();
    // The bot opens a private room with the organiser; Ali accepts.
    let deadline = tokio::time::Instant::now() + WAIT;
    let private = loop {
        if let Some(invite) = ali.client.invited_rooms().into_iter().next() {
            invite.join().await.expect("join the private room");
            break invite.room_id().to_owned();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no private room from the bot; log:\n{}",
            bot.log()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let question = ali
        .wait_for(&private, &bot_id, &|| bot.log(), |s| {
            s.body.contains("stadig")
        })
        .await;
    assert!(
        question.body.contains("Fællesspisning"),
        "{}",
        question.body
    );
    let no = ali.say(&private, "nej").await;
    let ended = ali
        .wait_for(&private, &bot_id, &|| bot.log(), |s| {
            s.in_reply_to.as_ref() == Some(&no)
        })
        .await;
    assert!(ended.body.contains("er stoppet efter"), "{}", ended.body);
    bot.kill();
}

/// The same resident on Telegram and on Matrix, served by one `vores run`
/// (Telegram through the fake Bot API, Matrix through Synapse): a code from
/// Telegram links the Matrix account; the story an admin approved on
/// Telegram makes the Matrix account trusted, so its story needs no
/// approval; a strike on each platform adds up to the escalation; `/mine` on
/// Matrix lists both; `/fjernforbindelse` separates them again.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_resident_linked_across_telegram_and_matrix() {
    use fake_telegram::{FakeChat, FakeTelegram, FakeUser};
    const TOKEN: &str = "123456:TEST-token";
    const TG_TORVET: i64 = -100_301;

    let Some(synapse) = Synapse::from_env() else {
        return;
    };
    let _turn = SERIAL.lock().await;
    let admin_token = synapse.register(&unique("root"), "pw-root", true).await;
    let bot_name = unique("vores");
    let _ = synapse
        .register(&bot_name, &format!("pw-{bot_name}"), false)
        .await;
    synapse
        .lift_rate_limit(&admin_token, &format!("@{bot_name}:localhost"))
        .await;
    let bot_id: OwnedUserId = format!("@{bot_name}:localhost").try_into().expect("id");
    let mette = Resident::new(&synapse, &unique("mette")).await;
    let ali = Resident::new(&synapse, &unique("ali")).await;
    for r in [&mette, &ali] {
        synapse.lift_rate_limit(&admin_token, r.id().as_str()).await;
    }
    // Mette made the room, so she is its admin; Ali is a member.
    let torvet = room(&mette, "Torvet", false, &[ali.id(), bot_id.clone()]).await;
    ali.join(&torvet).await;

    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.add_chat(FakeChat::supergroup(TG_TORVET, "Torvet på Telegram"));
    telegram.set_bot_rights(TG_TORVET, true, true);
    let tg_mette = FakeUser::new(601, "Mette");
    let tg_ali = FakeUser::new(602, "Ali");
    telegram.set_admins(TG_TORVET, std::slice::from_ref(&tg_mette));
    telegram.add_private_chat(&tg_ali);

    let mut bot = Bot::new(&synapse, &bot_name, &[(&torvet, "Torvet")]);
    let api_url = telegram.api_url();
    bot.edit_config(|config| {
        config
            .replace(
                "[matrix]",
                &format!("[telegram]\napi_url = \"{api_url}\"\npoll_timeout = 1\n\n[matrix]"),
            )
            // Ali opens a direct chat with the bot.
            .replace(
                "store_path",
                "auto_join_servers = [\"localhost\"]\nstore_path",
            )
            // One story approved by an admin and a resident is trusted.
            .replace("approval = \"always\"", "approval = \"trusted\"\ntrusted_after = 1")
            .replace(
                "strikes_before_escalation = 5",
                "strikes_before_escalation = 2\nbanned_words = [\"lort\"]",
            )
            + format!(
                "\n[[channels]]\nplatform = \"telegram\"\nid = \"{TG_TORVET}\"\nname = \"Torvet på Telegram\"\ngroup = \"ishoj\"\n"
            )
            .as_str()
    });
    bot.env
        .push(("VORES_TELEGRAM_TOKEN".to_string(), TOKEN.to_string()));
    bot.start();
    let log = || bot.log();
    wait_joined(&ali, &torvet, &bot_id, &log).await;

    // A message the bot sent to a Telegram chat with all of `parts`.
    let telegram_says = async |chat: i64, parts: &[&str]| -> String {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            if let Some(found) = telegram
                .sent(chat)
                .iter()
                .map(|m| m.current_text().to_string())
                .find(|text| parts.iter().all(|p| text.contains(p)))
            {
                return found;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "Telegram chat {chat} never got {parts:?}; it got {:#?}\nbot log:\n{}",
                telegram.sent(chat),
                bot.log()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };

    // Ali asks for a code on Telegram, privately …
    telegram.say(tg_ali.id, &tg_ali, "/forbind");
    let asked = telegram_says(tg_ali.id, &["Din kode er "]).await;
    let code: String = asked
        .split("Din kode er ")
        .nth(1)
        .and_then(|rest| rest.get(..6))
        .expect("a code")
        .to_string();

    // … and sends it from Matrix, in a direct chat with the bot.
    let mut request = matrix_sdk::ruma::api::client::room::create_room::v3::Request::new();
    request.is_direct = true;
    request.invite = vec![bot_id.clone()];
    let private = ali
        .client
        .create_room(request)
        .await
        .expect("a direct chat")
        .room_id()
        .to_owned();
    wait_joined(&ali, &private, &bot_id, &log).await;
    let link = ali.say(&private, &format!("/forbind {code}")).await;
    let linked = ali
        .wait_for(&private, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&link)
        })
        .await;
    assert!(
        linked.body.contains("Nu er dine konti forbundet"),
        "{}",
        linked.body
    );
    // Both accounts are told.
    telegram_says(tg_ali.id, &["forbundet med din konto på Matrix"]).await;

    // Trust earned on Telegram: Mette approves Ali's story there.
    telegram.say(
        TG_TORVET,
        &tg_ali,
        "/historie vi plantede 40 træer ved stranden i dag 🌳 tak til alle der kom",
    );
    telegram_says(TG_TORVET, &["gemt som #1"]).await;
    telegram.say(TG_TORVET, &tg_mette, "/godkend #1");
    telegram_says(TG_TORVET, &["#1 er godkendt"]).await;

    // … counts on Matrix: Ali's next story is published without approval.
    let story = ali
        .say(
            &torvet,
            "/historie Café Solstrålen fejrede 1 år i dag med kage til alle 🎂",
        )
        .await;
    let saved = ali
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&story)
        })
        .await;
    assert!(saved.body.contains("#2"), "{}", saved.body);
    let pending = mette.say(&torvet, "/afventer").await;
    let queue = mette
        .wait_for(&torvet, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&pending)
        })
        .await;
    assert!(
        queue
            .body
            .contains("Der er intet, der venter på godkendelse"),
        "the linked account's story waits although Ali is trusted on Telegram: {}",
        queue.body
    );

    // A strike on Matrix and one on Telegram make two: the admins are told.
    ali.say(&torvet, "sikke noget lort med parkeringen igen")
        .await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while !ali
        .seen
        .lock()
        .expect("lock")
        .iter()
        .any(|s| s.sender == bot_id && s.body.contains("følger ikke gruppens regler"))
    {
        assert!(
            tokio::time::Instant::now() < deadline,
            "no guideline note on Matrix; bot log:\n{}",
            bot.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    telegram.say(TG_TORVET, &tg_ali, "hvem har ryddet op? det er noget lort");
    telegram_says(
        TG_TORVET,
        &["Til administratorerne: Ali har fået 2 advarsler"],
    )
    .await;

    // `/mine` on Matrix lists what Ali shared on both platforms.
    let mine = ali.say(&private, "/mine").await;
    let listed = ali
        .wait_for(&private, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&mine)
        })
        .await;
    for part in ["40 træer", "Solstrålen"] {
        assert!(listed.body.contains(part), "{part}: {}", listed.body);
    }
    // "/mine data" in the direct chat: the text, then the JSON file.
    ali.say(&private, "/mine data").await;
    ali.wait_for(&private, &bot_id, &log, |s| {
        s.body == "vores-mine-data.json"
    })
    .await;

    // Unlinked, the accounts are two again.
    let unlink = ali.say(&private, "/fjernforbindelse").await;
    let unlinked = ali
        .wait_for(&private, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&unlink)
        })
        .await;
    assert!(
        unlinked.body.contains("ikke længere forbundet"),
        "{}",
        unlinked.body
    );
    let mine = ali.say(&private, "/mine").await;
    let listed = ali
        .wait_for(&private, &bot_id, &log, |s| {
            s.in_reply_to.as_ref() == Some(&mine)
        })
        .await;
    assert!(listed.body.contains("Solstrålen"), "{}", listed.body);
    assert!(!listed.body.contains("40 træer"), "{}", listed.body);
    bot.kill();
}
