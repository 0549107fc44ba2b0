//! The fake Discord's payloads decode with serenity's own types: a payload
//! serenity cannot read would be dropped silently by its gateway client,
//! and every Discord test would fail for the wrong reason.

mod fake_discord;

use fake_discord::{FakeDiscord, FakeUser, samples};
use serenity::all::{Event, GatewayEvent, Message};

#[tokio::test]
async fn the_fakes_payloads_decode_with_serenitys_types() {
    let fake = FakeDiscord::start("token").await;
    let torvet = fake.add_channel("torvet");
    let ali = FakeUser::new(501, "Ali");
    fake.add_member(&ali, &[fake_discord::MODERATOR_ROLE]);
    fake.create_thread(torvet, &ali, "Loppemarked");
    samples::ready_and_guild(&fake);
    let said = fake.say(torvet, &ali, "Hej <@1100000000000000001>");
    fake.reply(torvet, &ali, said, "svar");
    let dm = fake.dm_channel(&ali);
    fake.say(dm, &ali, "privat");
    fake.slash(
        torvet,
        &ali,
        "begivenhed",
        &[("tekst", "Loppemarked lørdag")],
        "da",
    );
    fake.press(torvet, &ali, said, "approve:1");
    fake.edit(said, "Hej igen <@1100000000000000001>");
    fake.react(said, &ali, "✅");
    fake.unfurl(said);
    fake.create_thread(torvet, &ali, "Endnu en tråd");

    let log = samples::log(&fake);
    let names: Vec<&str> = log.iter().filter_map(|p| p["t"].as_str()).collect();
    assert_eq!(
        names,
        [
            "READY",
            "GUILD_CREATE",
            "MESSAGE_CREATE",
            "MESSAGE_CREATE",
            "MESSAGE_CREATE",
            "INTERACTION_CREATE",
            "INTERACTION_CREATE",
            "MESSAGE_UPDATE",
            "MESSAGE_REACTION_ADD",
            "MESSAGE_UPDATE",
            "THREAD_CREATE"
        ]
    );
    for payload in log {
        if payload["t"] == "INTERACTION_CREATE" {
            serde_json::from_value::<serenity::all::Interaction>(payload["d"].clone())
                .unwrap_or_else(|e| panic!("{e}: {payload:#}"));
        }
        let decoded: GatewayEvent =
            serde_json::from_value(payload.clone()).unwrap_or_else(|e| panic!("{e}: {payload:#}"));
        let GatewayEvent::Dispatch(_, event) = decoded else {
            panic!("not a dispatch: {payload:#}");
        };
        assert!(
            !matches!(event, Event::Unknown(_)),
            "serenity does not know {payload:#}"
        );
        if let Event::GuildCreate(e) = &event {
            assert_eq!(e.guild.roles.len(), 4);
            assert_eq!(e.guild.threads.len(), 1);
        }
    }
    let rest: Message =
        serde_json::from_value(samples::message(&fake, said)).expect("a REST message decodes");
    assert_eq!(rest.content, "Hej igen <@1100000000000000001>");
}
