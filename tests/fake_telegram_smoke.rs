//! Proves the fake Telegram Bot API server speaks the protocol the real
//! teloxide client expects: every request here goes through teloxide.

mod fake_telegram;

use std::time::{Duration, Instant};

use fake_telegram::{FakeChat, FakeTelegram, FakeUser};
use teloxide::prelude::*;
use teloxide::types::{
    ChatPermissions, InlineKeyboardButton, InlineKeyboardMarkup, MessageEntityKind, MessageId,
    ParseMode, ReplyParameters, ThreadId, UpdateKind,
};
use teloxide::{ApiError, RequestError};

const TOKEN: &str = "123456:TEST-token_for-the-fake";
const GROUP: i64 = -100_123_456;
const FORUM: i64 = -100_777_000;

fn alice() -> FakeUser {
    FakeUser::new(42, "Alice").with_username("alice_v")
}

fn bob() -> FakeUser {
    FakeUser::new(43, "Bob")
}

async fn setup() -> (FakeTelegram, Bot) {
    let fake = FakeTelegram::start(TOKEN).await;
    fake.add_chat(FakeChat::supergroup(GROUP, "Town square"));
    let bot = Bot::new(TOKEN).set_api_url(fake.api_url().parse().unwrap());
    (fake, bot)
}

/// Fetches pending updates and confirms them, like a polling loop would.
async fn drain(bot: &Bot) -> Vec<Update> {
    let updates = bot.get_updates().offset(0).timeout(0).await.unwrap();
    if let Some(last) = updates.last() {
        bot.get_updates()
            .offset(last.id.0 as i32 + 1)
            .timeout(0)
            .await
            .unwrap();
    }
    updates
}

fn message(update: &Update) -> &Message {
    match &update.kind {
        UpdateKind::Message(m) => m,
        other => panic!("expected a message update, got {other:?}"),
    }
}

#[tokio::test]
async fn get_me_and_privacy_mode() {
    let (fake, bot) = setup().await;
    let me = bot.get_me().await.unwrap();
    assert_eq!(me.username(), "VoresBot");
    assert_eq!(me.id.0, 1000);
    assert!(me.is_bot);
    assert!(me.can_read_all_group_messages);

    fake.set_privacy_mode(false);
    assert!(!bot.get_me().await.unwrap().can_read_all_group_messages);

    // With privacy on, plain chatter is not delivered; commands, mentions
    // and replies to the bot are.
    fake.say(GROUP, &alice(), "just chatting");
    let cmd = fake.say(GROUP, &alice(), "/help");
    fake.say(GROUP, &alice(), "/help@OtherBot");
    let mention = fake.say(GROUP, &alice(), "hey @VoresBot look");
    let got: Vec<i32> = drain(&bot).await.iter().map(|u| message(u).id.0).collect();
    assert_eq!(got, vec![cmd, mention]);

    // As an administrator, the bot sees everything again.
    fake.set_bot_rights(GROUP, false, false);
    let chat = fake.say(GROUP, &alice(), "just chatting");
    let got: Vec<i32> = drain(&bot).await.iter().map(|u| message(u).id.0).collect();
    assert_eq!(got, vec![chat]);
}

#[tokio::test]
async fn wrong_token_is_unauthorized() {
    let (fake, _) = setup().await;
    let other = Bot::new("999:wrong").set_api_url(fake.api_url().parse().unwrap());
    let err = other.get_me().await.unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::InvalidToken)),
        "{err:?}"
    );
    assert_eq!(fake.request_count("getMe"), 0);
}

#[tokio::test]
async fn updates_have_telegram_fields_and_offsets_confirm_them() {
    let (fake, bot) = setup().await;
    let id = fake.say(GROUP, &alice(), "/vote@VoresBot now, @alice_v!");

    let updates = bot.get_updates().offset(0).timeout(1).await.unwrap();
    assert_eq!(updates.len(), 1);
    assert_eq!(updates[0].id.0, 1_000_001);
    let msg = message(&updates[0]);
    assert_eq!(msg.id, MessageId(id));
    assert_eq!(msg.chat.id, ChatId(GROUP));
    assert!(msg.chat.is_supergroup());
    assert_eq!(msg.chat.title(), Some("Town square"));
    let from = msg.from.as_ref().unwrap();
    assert_eq!((from.id.0, from.first_name.as_str()), (42, "Alice"));
    assert_eq!(from.username.as_deref(), Some("alice_v"));
    assert!(!from.is_bot);
    assert_eq!(msg.text(), Some("/vote@VoresBot now, @alice_v!"));
    let entities: Vec<(MessageEntityKind, String)> = msg
        .parse_entities()
        .unwrap()
        .iter()
        .map(|e| (e.kind().clone(), e.text().to_owned()))
        .collect();
    assert_eq!(
        entities,
        vec![
            (MessageEntityKind::BotCommand, "/vote@VoresBot".to_owned()),
            (MessageEntityKind::Mention, "@alice_v".to_owned()),
        ]
    );

    // Not confirmed yet: asking again returns it again.
    assert_eq!(bot.get_updates().offset(0).await.unwrap().len(), 1);
    // offset = last + 1 confirms it; it is forgotten even for a lower offset.
    let next = updates[0].id.0 as i32 + 1;
    assert!(bot.get_updates().offset(next).await.unwrap().is_empty());
    assert_eq!(fake.confirmed_offset(), i64::from(next));
    assert!(bot.get_updates().offset(0).await.unwrap().is_empty());

    // update_ids go up by one.
    fake.say(GROUP, &bob(), "one");
    fake.say(GROUP, &bob(), "two");
    let ids: Vec<u32> = bot
        .get_updates()
        .await
        .unwrap()
        .iter()
        .map(|u| u.id.0)
        .collect();
    assert_eq!(ids, vec![1_000_002, 1_000_003]);
    // limit is honoured.
    assert_eq!(bot.get_updates().limit(1).await.unwrap().len(), 1);
}

#[tokio::test]
async fn long_poll_returns_as_soon_as_something_happens() {
    let (fake, bot) = setup().await;
    let started = Instant::now();
    assert!(bot.get_updates().timeout(1).await.unwrap().is_empty());
    assert!(started.elapsed() >= Duration::from_millis(900));

    let speaker = fake.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        speaker.say(GROUP, &alice(), "late");
    });
    let started = Instant::now();
    let updates = bot.get_updates().timeout(30).await.unwrap();
    assert_eq!(updates.len(), 1);
    assert!(started.elapsed() < Duration::from_secs(2));

    // A second concurrent getUpdates terminates the first one.
    let first = tokio::spawn({
        let bot = bot.clone();
        async move { bot.get_updates().offset(1_000_002).timeout(2).await }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    let _ = bot
        .get_updates()
        .offset(1_000_002)
        .timeout(0)
        .await
        .unwrap();
    let err = first.await.unwrap().unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::Api(ApiError::TerminatedByOtherGetUpdates)
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn replies_threads_edits_and_joins_parse() {
    let (fake, bot) = setup().await;
    fake.add_chat(FakeChat::forum(FORUM, "Town forum"));
    let first = fake.say(GROUP, &alice(), "first");
    let reply = fake.reply(GROUP, &bob(), first, "second");
    fake.edit(GROUP, &alice(), first, "first, edited");
    fake.join(GROUP, &FakeUser::new(44, "Carol"));
    let topic = fake.create_topic(FORUM, &alice(), "Market");
    let in_topic = fake.say_in_thread(FORUM, topic, &bob(), "in the topic");

    let updates = drain(&bot).await;
    assert_eq!(updates.len(), 6, "{updates:#?}");

    let m = message(&updates[1]);
    assert_eq!(m.id.0, reply);
    let replied = m.reply_to_message().unwrap();
    assert_eq!(replied.id.0, first);
    assert_eq!(replied.from.as_ref().unwrap().id.0, 42);
    // Telegram quirk: replies in supergroups carry a thread id.
    assert_eq!(m.thread_id, Some(ThreadId(MessageId(first))));
    assert!(!m.is_topic_message);

    match &updates[2].kind {
        UpdateKind::EditedMessage(m) => {
            assert_eq!(m.text(), Some("first, edited"));
            assert!(m.edit_date().is_some());
        }
        other => panic!("expected an edited message, got {other:?}"),
    }

    let joined = message(&updates[3]).new_chat_members().unwrap();
    assert_eq!(joined[0].first_name, "Carol");

    assert!(message(&updates[4]).forum_topic_created().is_some());
    let m = message(&updates[5]);
    assert_eq!(m.id.0, in_topic);
    assert_eq!(m.thread_id, Some(ThreadId(MessageId(topic))));
    assert!(m.is_topic_message);
    assert_eq!(m.reply_to_message().unwrap().id.0, topic);
    assert!(matches!(m.chat.kind, teloxide::types::ChatKind::Public(_)));
    assert_eq!(fake.sent(FORUM).len(), 0);

    // The bot replying in the topic lands in the topic without naming it.
    let sent = bot
        .send_message(ChatId(FORUM), "answer")
        .reply_parameters(ReplyParameters::new(MessageId(in_topic)))
        .await
        .unwrap();
    assert_eq!(sent.thread_id, Some(ThreadId(MessageId(topic))));
    let record = &fake.sent(FORUM)[0];
    assert_eq!(
        (record.reply_to, record.thread_id, record.topic_id),
        (Some(in_topic), None, Some(topic))
    );
    // An unknown topic is refused.
    let err = bot
        .send_message(ChatId(FORUM), "lost")
        .message_thread_id(ThreadId(MessageId(9999)))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, RequestError::Api(ApiError::Unknown(d)) if d == "Bad Request: message thread not found")
    );
}

#[tokio::test]
async fn send_message_checks_html_like_telegram() {
    let (fake, bot) = setup().await;
    let text = "<b>Market</b> on <i>Sat</i>: Tom &amp; Jerry &lt;3 <a href=\"https://vores.example/m\">info</a>";
    let msg = bot
        .send_message(ChatId(GROUP), text)
        .parse_mode(ParseMode::Html)
        .await
        .unwrap();
    assert_eq!(msg.text(), Some("Market on Sat: Tom & Jerry <3 info"));
    assert_eq!(msg.from.as_ref().unwrap().id.0, 1000);
    let kinds: Vec<MessageEntityKind> = msg
        .entities()
        .unwrap()
        .iter()
        .map(|e| e.kind.clone())
        .collect();
    assert!(matches!(
        kinds[..],
        [
            MessageEntityKind::Bold,
            MessageEntityKind::Italic,
            MessageEntityKind::TextLink { .. }
        ]
    ));

    let sent = fake.sent(GROUP);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].message_id, msg.id.0);
    assert_eq!(sent[0].text, text);
    assert_eq!(sent[0].plain_text, "Market on Sat: Tom & Jerry <3 info");
    assert_eq!(sent[0].parse_mode.as_deref(), Some("HTML"));

    for (bad, expected) in [
        (
            "<b>unclosed",
            "Bad Request: can't parse entities: Can't find end tag corresponding to start tag b",
        ),
        (
            "1 < 2",
            "Bad Request: can't parse entities: Unsupported start tag \"\" at byte offset 2",
        ),
        (
            "<b>x</i>",
            "Bad Request: can't parse entities: Unmatched end tag at byte offset 4, expected \"</b>\", found \"</i>\"",
        ),
        (
            "<p>x</p>",
            "Bad Request: can't parse entities: Unsupported start tag \"p\" at byte offset 0",
        ),
        (
            "</b>",
            "Bad Request: can't parse entities: Unexpected end tag at byte offset 0",
        ),
        (
            "Tom & Jerry",
            "Bad Request: can't parse entities: Bare '&' at byte offset 4: write it as &amp; (strict check of the fake server)",
        ),
    ] {
        let err = bot
            .send_message(ChatId(GROUP), bad)
            .parse_mode(ParseMode::Html)
            .await
            .unwrap_err();
        match err {
            RequestError::Api(ApiError::CantParseEntities(d)) => {
                assert_eq!(d, expected, "for {bad:?}")
            }
            other => panic!("{bad:?}: expected CantParseEntities, got {other:?}"),
        }
    }
    // Without parse_mode, anything goes.
    bot.send_message(ChatId(GROUP), "1 < 2 & <p>")
        .await
        .unwrap();
    // Numeric entities are fine, as on Telegram.
    bot.send_message(ChatId(GROUP), "it&#39;s")
        .parse_mode(ParseMode::Html)
        .await
        .unwrap();

    let long = "é".repeat(4097);
    let err = bot.send_message(ChatId(GROUP), long).await.unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageIsTooLong)),
        "{err:?}"
    );
    // The limit counts the parsed text, not the markup.
    bot.send_message(ChatId(GROUP), format!("<b>{}</b>", "x".repeat(4096)))
        .parse_mode(ParseMode::Html)
        .await
        .unwrap();
    let err = bot.send_message(ChatId(-1), "hi").await.unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::ChatNotFound)),
        "{err:?}"
    );
    assert_eq!(fake.sent(GROUP).len(), 4);
    assert_eq!(fake.request_count("sendMessage"), 12);
}

#[tokio::test]
async fn edits_are_recorded() {
    let (fake, bot) = setup().await;
    let msg = bot.send_message(ChatId(GROUP), "draft").await.unwrap();
    bot.edit_message_text(ChatId(GROUP), msg.id, "<b>final</b>")
        .parse_mode(ParseMode::Html)
        .await
        .unwrap();
    let err = bot
        .edit_message_text(ChatId(GROUP), msg.id, "<b>final</b>")
        .parse_mode(ParseMode::Html)
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageNotModified)),
        "{err:?}"
    );
    let sent = &fake.sent(GROUP)[0];
    assert_eq!(sent.edits, vec!["<b>final</b>".to_owned()]);
    assert_eq!(sent.current_text(), "<b>final</b>");
    assert_eq!(sent.plain_text, "final");
}

#[tokio::test]
async fn retry_after_reaches_teloxide() {
    let (fake, bot) = setup().await;
    fake.fail_with_429("sendMessage", 1, 7);
    let err = bot.send_message(ChatId(GROUP), "hi").await.unwrap_err();
    match err {
        RequestError::RetryAfter(secs) => assert_eq!(secs.seconds(), 7),
        other => panic!("expected RetryAfter, got {other:?}"),
    }
    assert!(fake.sent(GROUP).is_empty(), "a 429 is not processed");
    bot.send_message(ChatId(GROUP), "hi").await.unwrap();
    assert_eq!(fake.sent(GROUP).len(), 1);
    assert_eq!(fake.request_count("sendmessage"), 2);
}

#[tokio::test]
async fn dropped_connection_is_a_network_error() {
    let (fake, bot) = setup().await;
    fake.drop_connections("sendMessage", 1);
    let err = bot.send_message(ChatId(GROUP), "hi").await.unwrap_err();
    let RequestError::Network(e) = &err else {
        panic!("expected RequestError::Network, got {err:?}");
    };
    assert!(e.is_request(), "{e:?}");
    assert!(
        !e.is_timeout() && !e.is_connect() && !e.is_decode(),
        "{e:?}"
    );
    let mut chain = Vec::new();
    let mut source: Option<&dyn std::error::Error> = Some(&**e);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    assert!(
        chain
            .iter()
            .any(|s| s.contains("connection closed before message completed")),
        "{chain:?}"
    );
    assert!(
        fake.sent(GROUP).is_empty(),
        "a dropped request is not processed"
    );
    assert_eq!(fake.request_count("sendMessage"), 1);

    // The next request works (on a fresh connection).
    bot.send_message(ChatId(GROUP), "hi").await.unwrap();
    assert_eq!(fake.sent(GROUP).len(), 1);

    // getUpdates too.
    fake.drop_connections("getUpdates", 1);
    let err = bot.get_updates().await.unwrap_err();
    assert!(matches!(err, RequestError::Network(_)), "{err:?}");
}

#[tokio::test]
async fn administrators_members_and_chat_parse() {
    let (fake, bot) = setup().await;
    let owner = FakeUser::new(7, "Olga").with_username("olga_town");
    let moderator = FakeUser::new(8, "Mo");
    fake.set_admins(GROUP, &[owner.clone(), moderator.clone()]);
    fake.set_bot_rights(GROUP, false, true);

    let admins = bot.get_chat_administrators(ChatId(GROUP)).await.unwrap();
    assert_eq!(admins.len(), 3);
    assert!(admins[0].is_owner());
    assert_eq!(admins[0].user.id.0, 7);
    assert!(admins[1].is_administrator() && admins[1].can_delete_messages());
    let me = admins.iter().find(|m| m.user.id.0 == 1000).unwrap();
    assert!(me.is_administrator());
    assert!(!me.can_delete_messages());
    assert!(me.can_restrict_members());

    let member = bot
        .get_chat_member(ChatId(GROUP), UserId(1000))
        .await
        .unwrap();
    assert!(member.can_restrict_members());
    fake.say(GROUP, &alice(), "hello");
    let alice_member = bot
        .get_chat_member(ChatId(GROUP), UserId(42))
        .await
        .unwrap();
    assert!(alice_member.is_member());

    let chat = bot.get_chat(ChatId(GROUP)).await.unwrap();
    assert!(chat.is_supergroup());
    assert_eq!(chat.title(), Some("Town square"));
}

#[tokio::test]
async fn moderation_needs_rights() {
    let (fake, bot) = setup().await;
    let spam = fake.say(GROUP, &alice(), "spam");

    let err = bot
        .delete_message(ChatId(GROUP), MessageId(spam))
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageCantBeDeleted)),
        "{err:?}"
    );
    let err = bot
        .restrict_chat_member(ChatId(GROUP), UserId(42), ChatPermissions::empty())
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::NotEnoughRightsToRestrict)),
        "{err:?}"
    );
    let err = bot
        .ban_chat_member(ChatId(GROUP), UserId(42))
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::NotEnoughRightsToRestrict)),
        "{err:?}"
    );

    // The bot may always delete its own recent messages.
    let own = bot.send_message(ChatId(GROUP), "oops").await.unwrap();
    bot.delete_message(ChatId(GROUP), own.id).await.unwrap();

    fake.set_bot_rights(GROUP, true, true);
    bot.delete_message(ChatId(GROUP), MessageId(spam))
        .await
        .unwrap();
    let err = bot
        .delete_message(ChatId(GROUP), MessageId(spam))
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageToDeleteNotFound)),
        "{err:?}"
    );
    let old = fake.say(GROUP, &alice(), "old");
    fake.age_message(GROUP, old, 49);
    let err = bot
        .delete_message(ChatId(GROUP), MessageId(old))
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageCantBeDeleted)),
        "{err:?}"
    );
    assert_eq!(fake.deleted(GROUP), vec![own.id.0, spam]);

    bot.restrict_chat_member(ChatId(GROUP), UserId(42), ChatPermissions::empty())
        .until_date(chrono::DateTime::from_timestamp(2_000_000_000, 0).unwrap())
        .await
        .unwrap();
    assert_eq!(fake.restricted(GROUP), vec![(42, Some(2_000_000_000))]);
    let member = bot
        .get_chat_member(ChatId(GROUP), UserId(42))
        .await
        .unwrap();
    assert!(member.is_restricted());
    bot.ban_chat_member(ChatId(GROUP), UserId(42))
        .await
        .unwrap();
    assert_eq!(fake.banned(GROUP), vec![42]);
    let member = bot
        .get_chat_member(ChatId(GROUP), UserId(42))
        .await
        .unwrap();
    assert!(member.is_banned());
}

#[tokio::test]
async fn inline_keyboards_and_callbacks() {
    let (fake, bot) = setup().await;
    let keyboard = InlineKeyboardMarkup::new(vec![vec![
        InlineKeyboardButton::callback("Yes", "vote:yes"),
        InlineKeyboardButton::callback("No", "vote:no"),
    ]]);
    let msg = bot
        .send_message(ChatId(GROUP), "Market on Saturday?")
        .reply_markup(keyboard.clone())
        .await
        .unwrap();
    assert_eq!(msg.reply_markup(), Some(&keyboard));
    let recorded = fake.sent(GROUP)[0].reply_markup.clone().unwrap();
    assert_eq!(
        recorded["inline_keyboard"][0][1]["callback_data"],
        "vote:no"
    );

    let id = fake.click(GROUP, &alice(), msg.id.0, "vote:yes");
    let updates = drain(&bot).await;
    let UpdateKind::CallbackQuery(q) = &updates[0].kind else {
        panic!("expected a callback query, got {:?}", updates[0].kind);
    };
    assert_eq!(q.id.0, id);
    assert_eq!(q.data.as_deref(), Some("vote:yes"));
    assert_eq!(q.from.id.0, 42);
    assert_eq!(q.regular_message().unwrap().id, msg.id);

    bot.answer_callback_query(q.id.clone())
        .text("Counted")
        .await
        .unwrap();
    assert_eq!(
        fake.answered_callbacks(),
        vec![(id, Some("Counted".to_owned()))]
    );
    // Answering twice: Telegram's text, which teloxide does not recognise.
    let err = bot.answer_callback_query(q.id.clone()).await.unwrap_err();
    assert!(
        matches!(&err, RequestError::Api(ApiError::Unknown(d)) if d.contains("query is too old")),
        "{err:?}"
    );

    // callback_data is limited to 64 bytes.
    let err = bot
        .send_message(ChatId(GROUP), "x")
        .reply_markup(InlineKeyboardMarkup::new(vec![vec![
            InlineKeyboardButton::callback("x", "d".repeat(65)),
        ]]))
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::ButtonDataInvalid)),
        "{err:?}"
    );

    // wait_for_sent sees messages sent from elsewhere.
    let sender = bot.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        sender.send_message(ChatId(GROUP), "later").await.unwrap();
    });
    let sent = fake.wait_for_sent(GROUP, 2, Duration::from_secs(5)).await;
    assert_eq!(sent[1].text, "later");
}
