//! The Discord driver: `vores run` (serenity's gateway, the adapter's REST
//! client) against the fake Discord (tests/fake_discord); members are
//! simulated there. Members address the bot by mentioning it.

use async_trait::async_trait;

use crate::common::BotProcess;
use crate::driver::{
    Feature, NOW, Person, Posted, Room, Said, TestPlatform, WAIT, WEEK_BEFORE, eventually,
    eventually_within, has_all,
};
use crate::fake_discord::{
    BOT_ID, EVERYONE_RIGHTS, FakeDiscord, FakeUser, MODERATOR_ROLE, SEND_MESSAGES, SentMessage,
};

const TOKEN: &str = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake.discord-test-token";

pub struct Discord {
    fake: FakeDiscord,
    bot: BotProcess,
    channels: [u64; 3],
    /// Button presses so far: their answers count as posts.
    interactions: Vec<u64>,
}

fn user(who: Person) -> FakeUser {
    match who {
        Person::Mette => FakeUser::new(501, "Mette"),
        Person::Ali => FakeUser::new(502, "Ali"),
        Person::Ahmed => FakeUser::new(503, "Ahmed"),
    }
}

/// What a member reads: Discord's Markdown rendered, i.e. the bot's own
/// `**bold**` and `*italic*` markers gone and escaped characters (`\*`)
/// shown as themselves.
fn visible(markdown: &str) -> String {
    let mut shown = String::with_capacity(markdown.len());
    let mut chars = markdown.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => shown.extend(chars.next()),
            '*' => {}
            c => shown.push(c),
        }
    }
    shown
}

fn posted(message: &SentMessage) -> Posted {
    Posted {
        text: visible(&message.content),
        id: message.id.to_string(),
        buttons: message.buttons(),
    }
}

impl Discord {
    fn channel(&self, room: Room) -> u64 {
        match room {
            Room::Torvet => self.channels[0],
            Room::Stranden => self.channels[1],
            Room::English => self.channels[2],
        }
    }

    /// Every post of the bot in `channel`, with the answers to presses.
    fn posts(&self, channel: u64) -> Vec<Posted> {
        let mut posts: Vec<Posted> = self.fake.sent(channel).iter().map(posted).collect();
        for interaction in &self.interactions {
            posts.extend(
                self.fake
                    .answers(*interaction)
                    .iter()
                    .filter(|m| m.channel == channel)
                    .map(posted),
            );
        }
        posts
    }

    async fn answer_to(&self, channel: u64, id: u64, text: &str) -> Posted {
        let find = || {
            self.fake
                .sent(channel)
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
    async fn answers_after_restart(&mut self, channel: u64, id: u64, text: &str) -> Vec<Posted> {
        self.bot.start();
        self.answer_to(channel, id, text).await;
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        self.fake
            .sent(channel)
            .iter()
            .filter(|m| m.reply_to == Some(id))
            .map(posted)
            .collect()
    }

    async fn ready(&self) {
        let ok = self
            .fake
            .wait_until(WAIT, |f| f.connected() && f.commands().len() > 10)
            .await;
        assert!(ok, "the bot did not connect; log:\n{}", self.bot.log());
    }
}

#[async_trait(?Send)]
impl TestPlatform for Discord {
    async fn start() -> Option<Self> {
        let fake = FakeDiscord::start(TOKEN).await;
        let channels = [
            fake.add_channel("torvet"),
            fake.add_channel("stranden"),
            fake.add_channel("ishoj-in-english"),
        ];
        fake.add_member(&user(Person::Mette), &[MODERATOR_ROLE]);
        fake.add_member(&user(Person::Ali), &[]);
        fake.add_member(&user(Person::Ahmed), &[]);
        let section = format!(
            "[console]\nenabled = false\n\n[discord]\napi_url = \"{}\"",
            fake.api_url()
        );
        let ids = channels.map(|c| c.to_string());
        let config = crate::common::town_config(
            "discord",
            &section,
            [&ids[0], &ids[1], &ids[2]],
            crate::driver::TOWN_RULES,
        );
        let mut bot = BotProcess::at(NOW, &config, &[("VORES_DISCORD_TOKEN", TOKEN)]);
        bot.start();
        let discord = Discord {
            fake,
            bot,
            channels,
            interactions: Vec::new(),
        };
        discord.ready().await;
        Some(discord)
    }

    fn supports(&self, _feature: Feature) -> bool {
        true
    }

    async fn ask(&mut self, who: Person, room: Room, text: &str) -> Posted {
        let text = format!("<@{BOT_ID}> {text}");
        let channel = self.channel(room);
        let id = self.fake.say(channel, &user(who), &text);
        self.answer_to(channel, id, &text).await
    }

    async fn chat(&mut self, who: Person, room: Room, text: &str) -> Said {
        let id = self.fake.say(self.channel(room), &user(who), text);
        Said {
            room,
            id: id.to_string(),
        }
    }

    async fn ask_privately(&mut self, who: Person, text: &str) -> Posted {
        let dm = self.fake.dm_channel(&user(who));
        let id = self.fake.say(dm, &user(who), text);
        self.answer_to(dm, id, text).await
    }

    async fn posted_in(&mut self, room: Room, parts: &[&str]) -> Posted {
        let channel = self.channel(room);
        let find = |d: &Discord| {
            d.posts(channel)
                .into_iter()
                .find(|p| has_all(&p.text, parts))
        };
        eventually(|| find(self).is_some()).await;
        find(self).unwrap_or_else(|| {
            panic!(
                "nothing with {parts:?} in {room:?}: {:#?}\nbot log:\n{}",
                self.posts(channel),
                self.bot.log()
            )
        })
    }

    async fn told(&mut self, who: Person, parts: &[&str]) -> String {
        // Privately, or as an answer in a channel.
        let mut channels = self.channels.to_vec();
        channels.push(self.fake.dm_channel(&user(who)));
        let all = |d: &Discord| {
            channels
                .iter()
                .flat_map(|c| d.posts(*c))
                .map(|p| p.text)
                .collect::<Vec<_>>()
        };
        eventually(|| all(self).iter().any(|t| has_all(t, parts))).await;
        let told = all(self);
        assert!(
            told.iter().any(|t| has_all(t, parts)),
            "{who:?} was not told {parts:?}: {told:#?}\nbot log:\n{}",
            self.bot.log()
        );
        told.join("\n\n")
    }

    async fn edit(&mut self, _who: Person, said: &Said, text: &str) {
        self.fake.edit(said.id.parse().expect("a Discord id"), text);
    }

    async fn press(&mut self, who: Person, room: Room, on: &Posted, data: &str) {
        let message = on.id.parse().expect("a Discord id");
        let interaction = self
            .fake
            .press(self.channel(room), &user(who), message, data);
        self.interactions.push(interaction);
    }

    async fn react(&mut self, who: Person, _room: Room, on: &Posted, emoji: &str) {
        self.fake
            .react(on.id.parse().expect("a Discord id"), &user(who), emoji);
    }

    async fn was_deleted(&mut self, said: &Said) -> bool {
        let id: u64 = said.id.parse().expect("a Discord id");
        self.fake.deleted(self.channel(said.room)).contains(&id)
    }

    async fn save_published_week(&mut self, titles: &[String]) {
        self.bot.kill();
        let torvet = vores_bot::model::ConversationRef {
            platform: vores_bot::model::Platform::Discord,
            id: self.channels[0].to_string(),
        };
        let ali = user(Person::Ali).id.to_string();
        let at = NOW.parse().expect("time");
        crate::common::publish_events(&self.bot.path("vores.db"), torvet, &ali, at, titles).await;
    }

    async fn send_digest_through_trouble(&mut self) {
        self.bot.kill();
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
        // 429s on posting (per route and global), and two answers lost
        // after Discord made the message.
        self.fake.storm("POST /channels/", 3, 0.4, false);
        self.fake.fail_after_processing(2);
        self.bot.start_on_real_clock();
        self.ready().await;
        self.fake.storm("POST /channels/", 2, 0.3, true);
    }

    async fn posts_in(
        &mut self,
        room: Room,
        done: &dyn for<'p> Fn(&'p [String]) -> bool,
    ) -> Vec<String> {
        let channel = self.channel(room);
        let texts = || -> Vec<String> { self.posts(channel).into_iter().map(|p| p.text).collect() };
        eventually_within(std::time::Duration::from_secs(120), || done(&texts())).await;
        texts()
    }

    async fn take_away_the_right_to_remove(&mut self) {
        self.fake.set_bot_rights(EVERYONE_RIGHTS | SEND_MESSAGES);
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
        let text = format!("<@{BOT_ID}> {text}");
        let channel = self.channel(room);
        let id = self.fake.say(channel, &user(who), &text);
        assert!(
            self.bot.wait_dead(WAIT).await,
            "never reached {point}; log:\n{}",
            self.bot.log()
        );
        self.answers_after_restart(channel, id, &text).await
    }

    async fn ask_through_a_kill(&mut self, who: Person, room: Room, text: &str) -> Vec<Posted> {
        let text = format!("<@{BOT_ID}> {text}");
        let channel = self.channel(room);
        let id = self.fake.say(channel, &user(who), &text);
        // The bot may have read it, handled it, answered it — or not.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        self.bot.kill();
        self.answers_after_restart(channel, id, &text).await
    }
}
