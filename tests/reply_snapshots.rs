//! Snapshot tests of the main replies in every language the bot has, in
//! every platform's format: the confirmation of an event, the warning when
//! it clashes with another, the answer to "what's on this weekend?", the
//! refusal of an admin command, and the note about a post that breaks the
//! guidelines.
//!
//! Each language's residents chose it with `/sprog` (as a Turkish-speaking
//! resident in a Danish channel does) and wrote as residents do; the events
//! themselves are in Danish, so their titles must come back as written. A
//! real engine on an in-memory SQLite store, on a fixed clock (Wednesday 10
//! June 2026, 10:00 in Copenhagen). The snapshots live in `tests/snapshots/`.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use vores_bot::adapter::{Author, InboundMessage};
use vores_bot::community::{Approval, ChannelInfo, Community};
use vores_bot::engine::{Action, Situation};
use vores_bot::model::MessageRef;
use vores_bot::render::{Doc, render};
use vores_bot::{
    Bot, Capabilities, ConversationRef, FixedClock, Inbound, Language, LengthUnit, Platform,
    Settings, TextFormat, UserRef,
};
use vores_storage::Database;

const NOW: &str = "2026-06-10T10:00:00+02:00";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(NOW)
        .expect("a valid instant")
        .with_timezone(&Utc)
}

fn channel() -> ConversationRef {
    ConversationRef {
        platform: Platform::Telegram,
        id: "-1001234567890".to_string(),
    }
}

/// The console (plain text), Discord (Markdown) and Telegram and Matrix
/// (HTML), as their adapters declare them.
const PLATFORMS: [(&str, TextFormat, LengthUnit, usize); 3] = [
    ("console", TextFormat::Plain, LengthUnit::Chars, 4000),
    ("discord", TextFormat::Markdown, LengthUnit::Chars, 2000),
    (
        "telegram, matrix",
        TextFormat::Html,
        LengthUnit::Utf16,
        4096,
    ),
];

fn all_formats(doc: &Doc) -> String {
    let mut out = String::new();
    for (name, format, length_unit, max_message_len) in PLATFORMS {
        let caps = Capabilities {
            max_message_len,
            length_unit,
            format,
            threads: false,
            reactions: false,
            edits: false,
            deletes: false,
        };
        out.push_str(&format!("--- {name} ---\n"));
        for part in render(doc, &caps) {
            out.push_str(&part);
            out.push('\n');
        }
    }
    out
}

struct Town {
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
        // Published at once, so the second event clashes with the first and
        // a neighbour's question finds both.
        community.groups[0].approval = Approval::Never;
        community.add_channel(
            0,
            ChannelInfo {
                conversation: channel(),
                name: "ishoj".to_string(),
                language: Language::Da,
            },
        );
        let bot = Bot::new(
            db,
            Arc::new(FixedClock(now())),
            Settings::default(),
            Arc::new(community),
        );
        Town {
            bot,
            next_message: 0,
        }
    }

    /// What the bot does about `text` from `name`, said to it in the
    /// channel (`to_bot`) or as ordinary group talk.
    async fn says(&mut self, name: &str, text: &str, to_bot: bool) -> Vec<Action> {
        self.next_message += 1;
        let message = InboundMessage {
            message: MessageRef {
                conversation: channel(),
                id: format!("m{}", self.next_message),
            },
            author: Author {
                user: UserRef {
                    platform: Platform::Telegram,
                    id: name.to_lowercase(),
                },
                display_name: name.to_string(),
                is_bot: false,
            },
            text: text.to_string(),
            addressed_to_bot: to_bot,
            private: false,
            reply_to: None,
            thread: None,
            attachments: Vec::new(),
            sent_at: now(),
        };
        let situation = Situation {
            channel_language: Language::Da,
            sender_is_admin: false,
            group: 0,
            can_delete: true,
        };
        self.bot
            .handle(&Inbound::Message(message), &situation)
            .await
    }

    /// The reply (in the channel, or privately) to `text`.
    async fn reply(&mut self, name: &str, text: &str, to_bot: bool) -> Doc {
        let actions = self.says(name, text, to_bot).await;
        actions
            .into_iter()
            .find_map(|a| match a {
                Action::Reply { doc, .. } | Action::Private { doc, .. } => Some(doc),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no reply to {text:?}"))
    }
}

/// How residents of each language ask what's on this weekend.
fn weekend_question(lang: Language) -> &'static str {
    match lang.code() {
        "da" => "hej 👋 hvad sker der i weekenden?",
        "en" => "hi! whats on this weekend?",
        "tr" => "merhaba, bu hafta sonu ne var?",
        "ar" => "مرحبا، ماذا يحدث في عطلة نهاية الأسبوع؟",
        "uk" => "привіт! що відбувається на вихідних?",
        other => panic!("no question written for {other}"),
    }
}

/// Words of ours that must not appear in another language's replies.
const DANISH_OR_ENGLISH: &[&str] = &[
    "Tak!",
    "Thanks!",
    "Hvad sker der",
    "What's on",
    "Bemærk",
    "Heads up",
    "juni",
    "June",
    "lørdag",
    "Saturday",
    "kun admins",
    "only admins",
];

async fn main_replies(lang: Language) -> String {
    let mut town = Town::new().await;
    let choose = format!("/sprog {}", lang.code());
    for resident in ["Ali", "Mette", "Bo"] {
        town.reply(resident, &choose, true).await;
    }
    let confirmation = town
        .reply(
            "Ali",
            "Byttemarked i Glashuset lør d 13/6 kl 10-14, gratis 🙂",
            true,
        )
        .await;
    let clash = town
        .reply(
            "Mette",
            "loppemarked i glashuset lørdag den 13. juni kl. 11-15",
            true,
        )
        .await;
    let whats_on = town.reply("Bo", weekend_question(lang), true).await;
    let refusal = town.reply("Bo", "/godkend #1", true).await;
    let note = town
        .reply(
            "Bo",
            "tjen 5000 kr om dagen hjemmefra!! skriv til mig på whatsapp",
            false,
        )
        .await;
    let mut out = String::new();
    for (name, doc) in [
        ("confirmation", &confirmation),
        ("clash", &clash),
        ("what's on this weekend", &whats_on),
        ("refusal of an admin command", &refusal),
        ("note about a post against the guidelines", &note),
    ] {
        let plain = doc.plain();
        assert!(!plain.trim().is_empty(), "{lang} {name}: empty");
        if !lang.reads_submissions() {
            for ours in DANISH_OR_ENGLISH {
                assert!(!plain.contains(ours), "{lang} {name}: {ours:?} in\n{plain}");
            }
        }
        out.push_str(&format!("===== {name} =====\n{}\n", all_formats(doc)));
    }
    for (name, doc) in [("confirmation", &confirmation), ("what's on", &whats_on)] {
        let plain = doc.plain();
        assert!(plain.contains("Byttemarked"), "{lang} {name}: {plain}");
    }
    assert!(
        clash.plain().contains("Byttemarked"),
        "{lang}: {}",
        clash.plain()
    );
    assert!(
        whats_on.plain().contains("oppemarked"),
        "{lang}: {}",
        whats_on.plain()
    );
    if lang.is_rtl() {
        // Residents' titles keep their own direction inside Arabic lines.
        assert!(
            whats_on.plain().contains("\u{2068}Byttemarked"),
            "{}",
            whats_on.plain()
        );
    }
    out
}

#[tokio::test]
async fn main_replies_in_danish() {
    insta::assert_snapshot!("replies_da", main_replies(Language::Da).await);
}

#[tokio::test]
async fn main_replies_in_english() {
    insta::assert_snapshot!("replies_en", main_replies(Language::En).await);
}

#[tokio::test]
async fn main_replies_in_turkish() {
    insta::assert_snapshot!("replies_tr", main_replies(Language::Tr).await);
}

#[tokio::test]
async fn main_replies_in_arabic() {
    insta::assert_snapshot!("replies_ar", main_replies(Language::Ar).await);
}

#[tokio::test]
async fn main_replies_in_ukrainian() {
    insta::assert_snapshot!("replies_uk", main_replies(Language::Uk).await);
}

/// Every built-in language has its snapshot here.
#[test]
fn every_language_is_covered() {
    let covered = ["da", "en", "tr", "ar", "uk"];
    for lang in Language::all() {
        assert!(
            covered.contains(&lang.code()),
            "{lang} has no reply snapshots"
        );
    }
}
