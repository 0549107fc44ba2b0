//! The Telegram driver: `vores run` long-polls the fake Bot API
//! (tests/fake_telegram); residents are simulated there.

use async_trait::async_trait;

use crate::common::BotProcess;
use crate::driver::{
    Feature, NOW, Person, Posted, Room, Said, TestPlatform, WAIT, WEEK_BEFORE, eventually,
    eventually_within, has_all,
};
use crate::fake_telegram::{BOT_USERNAME, FakeChat, FakeTelegram, FakeUser, SentMessage};

const TOKEN: &str = "123456:TEST-token";
const TORVET: i64 = -100_101;
const STRANDEN: i64 = -100_102;
const ENGLISH: i64 = -100_103;

pub struct Telegram {
    fake: FakeTelegram,
    bot: BotProcess,
}

fn user(who: Person) -> FakeUser {
    match who {
        Person::Mette => FakeUser::new(501, "Mette").with_username("mette"),
        Person::Ali => FakeUser::new(502, "Ali"),
        Person::Ahmed => FakeUser::new(503, "Ahmed"),
    }
}

fn chat(room: Room) -> i64 {
    match room {
        Room::Torvet => TORVET,
        Room::Stranden => STRANDEN,
        Room::English => ENGLISH,
    }
}

fn posted(message: &SentMessage) -> Posted {
    Posted {
        text: message.plain_text.clone(),
        id: message.message_id.to_string(),
        buttons: message.buttons(),
    }
}

impl Telegram {
    /// Waits for the bot's answer to message `id` in `chat_id`.
    async fn answer_to(&self, chat_id: i64, id: i32, text: &str) -> Posted {
        let find = || {
            self.fake
                .sent(chat_id)
                .into_iter()
                .find(|m| m.reply_to == Some(id))
        };
        eventually(|| find().is_some()).await;
        let found =
            find().unwrap_or_else(|| panic!("no answer to {text:?}; bot log:\n{}", self.bot.log()));
        posted(&found)
    }

    /// Starts the bot again and returns every answer to message `id`,
    /// once there is one and long enough after for a second to show.
    async fn answers_after_restart(&mut self, chat_id: i64, id: i32, text: &str) -> Vec<Posted> {
        self.bot.start();
        self.answer_to(chat_id, id, text).await;
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        self.fake
            .sent(chat_id)
            .iter()
            .filter(|m| m.reply_to == Some(id))
            .map(posted)
            .collect()
    }
}

#[async_trait(?Send)]
impl TestPlatform for Telegram {
    async fn start() -> Option<Self> {
        let fake = FakeTelegram::start(TOKEN).await;
        let section = format!(
            "[console]\nenabled = false\n\n[telegram]\napi_url = \"{}\"\npoll_timeout = 1",
            fake.api_url()
        );
        let config = crate::common::town_config(
            "telegram",
            &section,
            [
                &TORVET.to_string(),
                &STRANDEN.to_string(),
                &ENGLISH.to_string(),
            ],
            crate::driver::TOWN_RULES,
        );
        for (id, title) in [
            (TORVET, "Torvet"),
            (STRANDEN, "Stranden"),
            (ENGLISH, "Ishøj in English"),
        ] {
            fake.add_chat(FakeChat::supergroup(id, title));
            fake.set_bot_rights(id, true, true);
        }
        fake.set_admins(TORVET, &[user(Person::Mette)]);
        // Privacy mode off: the bot reads every group message (the
        // guidelines need it); everyone has started the bot privately.
        fake.set_privacy_mode(true);
        for who in [Person::Ali, Person::Ahmed, Person::Mette] {
            fake.add_private_chat(&user(who));
        }
        let mut bot = BotProcess::at(NOW, &config, &[("VORES_TELEGRAM_TOKEN", TOKEN)]);
        bot.start();
        Some(Telegram { fake, bot })
    }

    fn supports(&self, feature: Feature) -> bool {
        // Telegram's Bot API reports reactions only to chat admins' bots
        // and the adapter does not read them; buttons do that job.
        // No idempotency key in the Bot API either.
        !matches!(feature, Feature::Reactions | Feature::IdempotentPosts)
    }

    async fn ask(&mut self, who: Person, room: Room, text: &str) -> Posted {
        let text = if text.starts_with('/') {
            text.to_string()
        } else {
            format!("@{BOT_USERNAME} {text}")
        };
        let id = self.fake.say(chat(room), &user(who), &text);
        self.answer_to(chat(room), id, &text).await
    }

    async fn chat(&mut self, who: Person, room: Room, text: &str) -> Said {
        let id = self.fake.say(chat(room), &user(who), text);
        Said {
            room,
            id: id.to_string(),
        }
    }

    async fn ask_privately(&mut self, who: Person, text: &str) -> Posted {
        let private = user(who).id;
        let id = self.fake.say(private, &user(who), text);
        self.answer_to(private, id, text).await
    }

    async fn posted_in(&mut self, room: Room, parts: &[&str]) -> Posted {
        let find = || {
            self.fake
                .sent(chat(room))
                .into_iter()
                .find(|m| has_all(&m.plain_text, parts))
        };
        eventually(|| find().is_some()).await;
        let found = find().unwrap_or_else(|| {
            panic!(
                "nothing with {parts:?} in {room:?}: {:#?}\nbot log:\n{}",
                self.fake.sent(chat(room)),
                self.bot.log()
            )
        });
        posted(&found)
    }

    async fn told(&mut self, who: Person, parts: &[&str]) -> String {
        // Privately, or as an answer in a group chat.
        let chats = [user(who).id, TORVET, STRANDEN, ENGLISH];
        let all = || {
            chats
                .iter()
                .flat_map(|c| self.fake.sent(*c))
                .map(|m| m.plain_text)
                .collect::<Vec<_>>()
        };
        eventually(|| all().iter().any(|t| has_all(t, parts))).await;
        let told = all();
        assert!(
            told.iter().any(|t| has_all(t, parts)),
            "{who:?} was not told {parts:?}: {told:#?}\nbot log:\n{}",
            self.bot.log()
        );
        told.join("\n\n")
    }

    async fn edit(&mut self, who: Person, said: &Said, text: &str) {
        let id = said.id.parse().expect("a Telegram message id");
        self.fake.edit(chat(said.room), &user(who), id, text);
    }

    async fn press(&mut self, who: Person, room: Room, on: &Posted, data: &str) {
        let id = on.id.parse().expect("a Telegram message id");
        self.fake.click(chat(room), &user(who), id, data);
    }

    async fn react(&mut self, _who: Person, _room: Room, _on: &Posted, _emoji: &str) {
        unreachable!("supports(Reactions) is false on Telegram")
    }

    async fn was_deleted(&mut self, said: &Said) -> bool {
        let id: i32 = said.id.parse().expect("a Telegram message id");
        self.fake.deleted(chat(said.room)).contains(&id)
    }

    async fn save_published_week(&mut self, titles: &[String]) {
        self.bot.kill();
        let torvet = vores_bot::model::ConversationRef {
            platform: vores_bot::model::Platform::Telegram,
            id: TORVET.to_string(),
        };
        let ali = user(Person::Ali).id.to_string();
        let at = NOW.parse().expect("time");
        crate::common::publish_events(&self.bot.path("vores.db"), torvet, &ali, at, titles).await;
    }

    async fn send_digest_through_trouble(&mut self) {
        self.bot.kill();
        self.fake.fail_with_429("sendMessage", 4, 1);
        self.fake.drop_connections("sendMessage", 2);
        self.fake.fail_with_500("sendMessage", 1);
        let out = self
            .bot
            .command(Some(WEEK_BEFORE))
            .args(["digest", "--send-now"])
            .output()
            .expect("vores digest runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.bot.start_on_real_clock();
    }

    async fn posts_in(
        &mut self,
        room: Room,
        done: &dyn for<'p> Fn(&'p [String]) -> bool,
    ) -> Vec<String> {
        let texts = || -> Vec<String> {
            self.fake
                .sent(chat(room))
                .into_iter()
                .map(|m| m.plain_text)
                .collect()
        };
        eventually_within(std::time::Duration::from_secs(120), || done(&texts())).await;
        texts()
    }

    async fn take_away_the_right_to_remove(&mut self) {
        self.fake.set_bot_rights(TORVET, false, true);
    }

    async fn ask_through_a_crash(
        &mut self,
        who: Person,
        room: Room,
        text: &str,
        point: &'static str,
    ) -> Vec<Posted> {
        self.bot.kill();
        self.bot.start_crashing_at(point);
        let text = format!("@{BOT_USERNAME} {text}");
        let id = self.fake.say(chat(room), &user(who), &text);
        assert!(
            self.bot.wait_dead(WAIT).await,
            "never reached {point}; log:\n{}",
            self.bot.log()
        );
        self.answers_after_restart(chat(room), id, &text).await
    }

    async fn ask_through_a_kill(&mut self, who: Person, room: Room, text: &str) -> Vec<Posted> {
        let text = format!("@{BOT_USERNAME} {text}");
        let id = self.fake.say(chat(room), &user(who), &text);
        // The bot may have fetched it, handled it, answered it — or not.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        self.bot.kill();
        self.answers_after_restart(chat(room), id, &text).await
    }
}
