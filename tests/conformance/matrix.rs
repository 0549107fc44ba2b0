//! The Matrix driver: `vores run` with matrix-sdk against the real Synapse
//! that tests/with-synapse.sh starts; residents are real matrix-sdk clients.
//! The rooms are unencrypted here (encryption is the Matrix suite's own
//! test). Residents address the bot by its name ("vores…: hvad sker der").

use std::collections::HashMap;

use async_trait::async_trait;
use matrix_sdk::ruma::api::client::room::create_room::v3::Request as CreateRoom;
use matrix_sdk::ruma::events::room::message::{ReplacementMetadata, RoomMessageEventContent};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId};

use crate::driver::{
    Feature, NOW, Person, Posted, Room, Said, TestPlatform, WAIT, WEEK_BEFORE, eventually_within,
    has_all,
};
use crate::matrix_support::{Bot, Resident, Synapse, room, unique, wait_joined};

pub struct Matrix {
    synapse: Synapse,
    admin_token: String,
    bot: Bot,
    bot_id: OwnedUserId,
    bot_name: String,
    residents: HashMap<Person, Resident>,
    rooms: HashMap<Room, OwnedRoomId>,
    /// Each person's own private room with the bot, once opened.
    private: HashMap<Person, OwnedRoomId>,
}

fn posted(seen: &crate::matrix_support::Seen) -> Posted {
    Posted {
        text: seen.body.clone(),
        id: seen.event.to_string(),
        buttons: Vec::new(),
    }
}

impl Matrix {
    fn resident(&self, who: Person) -> &Resident {
        &self.residents[&who]
    }

    fn room(&self, room: Room) -> &OwnedRoomId {
        &self.rooms[&room]
    }

    async fn answer_to(&self, who: Person, room: &OwnedRoomId, event: &OwnedEventId) -> Posted {
        let seen = self
            .resident(who)
            .wait_for(room, &self.bot_id, &|| self.bot.log(), |s| {
                s.in_reply_to.as_ref() == Some(event)
            })
            .await;
        posted(&seen)
    }

    /// Starts the bot again and returns every answer to `event`, once
    /// there is one and long enough after for a second to show.
    async fn answers_after_restart(
        &mut self,
        who: Person,
        room: &OwnedRoomId,
        event: &OwnedEventId,
    ) -> Vec<Posted> {
        self.bot.start();
        self.answer_to(who, room, event).await;
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        self.resident(who)
            .messages_from(room, &self.bot_id)
            .iter()
            .filter(|s| s.in_reply_to.as_ref() == Some(event))
            .map(posted)
            .collect()
    }

    /// Joins every room the bot invited `who` to (its private notes).
    async fn accept_invites(&self, who: Person) {
        for invite in self.resident(who).client.invited_rooms() {
            let _ = invite.join().await;
        }
    }
}

#[async_trait(?Send)]
impl TestPlatform for Matrix {
    async fn start() -> Option<Self> {
        let synapse = Synapse::from_env()?;
        let admin_token = synapse.register(&unique("root"), "pw-root", true).await;
        let bot_name = unique("vores");
        let _ = synapse
            .register(&bot_name, &format!("pw-{bot_name}"), false)
            .await;
        let bot_id: OwnedUserId = format!("@{bot_name}:localhost").try_into().expect("id");
        synapse.lift_rate_limit(&admin_token, bot_id.as_str()).await;
        let mut residents = HashMap::new();
        for who in [Person::Mette, Person::Ali, Person::Ahmed] {
            let resident = Resident::new(&synapse, &unique(who.name())).await;
            synapse
                .lift_rate_limit(&admin_token, resident.id().as_str())
                .await;
            residents.insert(who, resident);
        }
        let everyone = vec![
            residents[&Person::Ali].id(),
            residents[&Person::Ahmed].id(),
            bot_id.clone(),
        ];
        // Mette makes the rooms, so she is their admin (power 100).
        let mut rooms = HashMap::new();
        for (key, name) in [
            (Room::Torvet, "Torvet"),
            (Room::Stranden, "Stranden"),
            (Room::English, "Ishøj in English"),
        ] {
            let id = room(&residents[&Person::Mette], name, false, &everyone).await;
            for who in [Person::Ali, Person::Ahmed] {
                residents[&who].join(&id).await;
            }
            rooms.insert(key, id);
        }
        let mut bot = Bot::new(&synapse, &bot_name, &[]);
        let section = format!(
            "[console]\nenabled = false\n\n[matrix]\nhomeserver = \"{}\"\nuser_id = \"{bot_id}\"\nstore_path = \"{}\"\n# private chats residents open with the bot\nauto_join_servers = [\"localhost\"]",
            synapse.url,
            bot.path("matrix-store").display()
        );
        let config = crate::common::town_config(
            "matrix",
            &section,
            [
                rooms[&Room::Torvet].as_str(),
                rooms[&Room::Stranden].as_str(),
                rooms[&Room::English].as_str(),
            ],
            crate::driver::TOWN_RULES,
        );
        std::fs::write(bot.path("vores.toml"), config).expect("config");
        bot.start();
        let log = || bot.log();
        for id in rooms.values() {
            for who in [Person::Mette, Person::Ali, Person::Ahmed] {
                wait_joined(&residents[&who], id, &bot_id, &log).await;
            }
        }
        // A moderator in Torvet, so it can remove what breaks a rule.
        residents[&Person::Mette]
            .room(&rooms[&Room::Torvet])
            .await
            .update_power_levels(vec![(&bot_id, 50.into())])
            .await
            .expect("power levels");
        Some(Matrix {
            synapse,
            admin_token,
            bot,
            bot_id,
            bot_name,
            residents,
            rooms,
            private: HashMap::new(),
        })
    }

    fn supports(&self, feature: Feature) -> bool {
        // Matrix has no buttons; reactions do their job.
        !matches!(feature, Feature::Buttons)
    }

    async fn ask(&mut self, who: Person, room: Room, text: &str) -> Posted {
        let text = if text.starts_with('/') {
            text.to_string()
        } else {
            format!("{}: {text}", self.bot_name)
        };
        let id = self.room(room).clone();
        let event = self.resident(who).say(&id, &text).await;
        self.answer_to(who, &id, &event).await
    }

    async fn chat(&mut self, who: Person, room: Room, text: &str) -> Said {
        let id = self.room(room).clone();
        let event = self.resident(who).say(&id, text).await;
        Said {
            room,
            id: event.to_string(),
        }
    }

    async fn ask_privately(&mut self, who: Person, text: &str) -> Posted {
        if !self.private.contains_key(&who) {
            let mut request = CreateRoom::new();
            request.is_direct = true;
            request.invite = vec![self.bot_id.clone()];
            let created = self
                .resident(who)
                .client
                .create_room(request)
                .await
                .expect("a private room");
            let id = created.room_id().to_owned();
            wait_joined(self.resident(who), &id, &self.bot_id, &|| self.bot.log()).await;
            self.private.insert(who, id);
        }
        let id = self.private[&who].clone();
        let event = self.resident(who).say(&id, text).await;
        self.answer_to(who, &id, &event).await
    }

    async fn posted_in(&mut self, room: Room, parts: &[&str]) -> Posted {
        let id = self.room(room).clone();
        let seen = self
            .resident(Person::Mette)
            .wait_for(&id, &self.bot_id, &|| self.bot.log(), |s| {
                has_all(&s.body, parts)
            })
            .await;
        posted(&seen)
    }

    async fn told(&mut self, who: Person, parts: &[&str]) -> String {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            self.accept_invites(who).await;
            let resident = self.resident(who);
            let told: Vec<String> = resident
                .seen
                .lock()
                .expect("lock")
                .iter()
                .filter(|s| s.sender == self.bot_id)
                .map(|s| s.body.clone())
                .collect();
            if told.iter().any(|t| has_all(t, parts)) {
                return told.join("\n\n");
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "{who:?} was not told {parts:?}: {told:#?}\nbot log:\n{}",
                self.bot.log()
            );
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    }

    async fn edit(&mut self, who: Person, said: &Said, text: &str) {
        let id = self.room(said.room).clone();
        let original: OwnedEventId = said.id.as_str().try_into().expect("an event id");
        let content = RoomMessageEventContent::text_plain(text)
            .make_replacement(ReplacementMetadata::new(original, None));
        self.resident(who)
            .room(&id)
            .await
            .send(content)
            .await
            .expect("edit");
    }

    async fn press(&mut self, _who: Person, _room: Room, _on: &Posted, _data: &str) {
        unreachable!("Matrix has no buttons (supports(Buttons) is false)")
    }

    async fn react(&mut self, who: Person, room: Room, on: &Posted, emoji: &str) {
        let id = self.room(room).clone();
        let event: OwnedEventId = on.id.as_str().try_into().expect("an event id");
        self.resident(who).react(&id, &event, emoji).await;
    }

    async fn was_deleted(&mut self, said: &Said) -> bool {
        let id = self.room(said.room).clone();
        let token = self.resident(Person::Mette).token.clone();
        let event = self.synapse.event(&token, &id, &said.id).await;
        event["unsigned"]["redacted_because"].is_object()
    }

    async fn save_published_week(&mut self, titles: &[String]) {
        self.bot.kill();
        let torvet = vores_bot::model::ConversationRef {
            platform: vores_bot::model::Platform::Matrix,
            id: self.room(Room::Torvet).to_string(),
        };
        let ali = self.resident(Person::Ali).id().to_string();
        let at = NOW.parse().expect("time");
        crate::common::publish_events(&self.bot.path("vores.db"), torvet, &ali, at, titles).await;
    }

    async fn send_digest_through_trouble(&mut self) {
        self.bot.kill();
        self.bot.now = WEEK_BEFORE;
        self.bot.digest_now();
        // Synapse's own rate limit, strict: the posts meet 429s.
        self.synapse
            .rate_limit(&self.admin_token, self.bot_id.as_str(), 1, 2)
            .await;
        self.bot.real_clock = true;
        self.bot.start();
    }

    async fn posts_in(
        &mut self,
        room: Room,
        done: &dyn for<'p> Fn(&'p [String]) -> bool,
    ) -> Vec<String> {
        let id = self.room(room).clone();
        let texts = || -> Vec<String> {
            self.resident(Person::Mette)
                .messages_from(&id, &self.bot_id)
                .into_iter()
                .map(|s| s.body)
                .collect()
        };
        eventually_within(std::time::Duration::from_secs(120), || done(&texts())).await;
        texts()
    }

    async fn take_away_the_right_to_remove(&mut self) {
        let torvet = self.room(Room::Torvet).clone();
        self.resident(Person::Mette)
            .room(&torvet)
            .await
            .update_power_levels(vec![(&self.bot_id, 0.into())])
            .await
            .expect("power levels");
    }

    async fn ask_through_a_crash(
        &mut self,
        who: Person,
        room: Room,
        text: &str,
        point: &'static str,
    ) -> Vec<Posted> {
        self.bot.kill();
        self.bot.crash_at = Some(point);
        self.bot.start();
        let text = format!("{}: {text}", self.bot_name);
        let id = self.room(room).clone();
        let event = self.resident(who).say(&id, &text).await;
        self.bot.wait_dead().await;
        self.bot.crash_at = None;
        self.answers_after_restart(who, &id, &event).await
    }

    async fn ask_through_a_kill(&mut self, who: Person, room: Room, text: &str) -> Vec<Posted> {
        let text = format!("{}: {text}", self.bot_name);
        let id = self.room(room).clone();
        let event = self.resident(who).say(&id, &text).await;
        // The bot may have synced it, handled it, answered it — or not.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        self.bot.kill();
        self.answers_after_restart(who, &id, &event).await
    }
}
