//! The behaviours every platform must have, each written once. Messages are
//! written the way residents type them (lower case, emojis, "lør d 13/6",
//! greetings, prices), not the way the parser likes them.

use crate::common::{assert_has, assert_lacks};
use crate::driver::{CRASH_POINTS, Feature, Person::*, Room::*, TestPlatform, WAIT};

/// A resident's event is confirmed with what was understood and waits for
/// an admin; nobody else sees it meanwhile, she sees it marked.
pub async fn a_submission_is_confirmed_and_waits_for_approval(p: &mut impl TestPlatform) {
    let saved = p
        .ask(
            Ali,
            Torvet,
            "hej 😊 byttemarked i glashuset lør d 13/6 kl 10-14, gratis adgang",
        )
        .await;
    assert_has(
        &saved.text,
        &[
            "#1",
            "Byttemarked",
            "lørdag 13. juni 2026",
            // The place as she wrote it.
            "glashuset",
            "når en administrator har godkendt den",
        ],
    );
    let others = p.ask(Ahmed, Torvet, "hvad sker der i weekenden?").await;
    assert_lacks(&others.text, &["(#1)"]);
    let hers = p.ask(Ali, Torvet, "hvad sker der i weekenden?").await;
    assert_has(&hers.text, &["Byttemarked", "venter på godkendelse"]);
}

/// Only an admin approves; the submitter is told, the group's other
/// channels get the announcement in their language, and everyone sees it.
pub async fn only_admins_approve_and_the_town_hears_of_it(p: &mut impl TestPlatform) {
    let saved = p
        .ask(Ali, Torvet, "byttemarked i glashuset lør kl 10-14")
        .await;
    assert_has(&saved.text, &["#1"]);
    let refused = p.ask(Ahmed, Torvet, "/godkend #1").await;
    assert_has(&refused.text, &["kun gruppens administratorer"]);
    let approved = p.ask(Mette, Torvet, "/godkend #1").await;
    assert_has(&approved.text, &["#1 er godkendt"]);
    p.told(
        Ali,
        &["Godt nyt! Din begivenhed »Byttemarked« (#1) er godkendt"],
    )
    .await;
    p.posted_in(Stranden, &["Ny begivenhed: Byttemarked"]).await;
    p.posted_in(
        English,
        &["New event: Byttemarked", "Saturday 13 June 2026"],
    )
    .await;
    let shown = p.ask(Ahmed, Torvet, "hvad sker der i weekenden?").await;
    assert_has(&shown.text, &["Byttemarked", "glashuset"]);
    assert_lacks(&shown.text, &["venter på godkendelse"]);
}

/// Approving from the queue by button or reaction, where the platform has
/// them; a resident's press or reaction is refused. The console has
/// neither: its queue names the command, which does the same.
pub async fn approval_by_button_or_reaction(p: &mut impl TestPlatform) {
    p.ask(Ali, Torvet, "loppemarked på torvet søndag kl 9-13 ☀️")
        .await;
    let queue = p.ask(Mette, Torvet, "/afventer").await;
    assert_has(
        &queue.text,
        &["#1", "Loppemarked", "Godkend med »/godkend #1«"],
    );
    if p.supports(Feature::Buttons) {
        assert!(
            queue.buttons.iter().any(|b| b == "approve:1"),
            "{:?}",
            queue.buttons
        );
        p.press(Ahmed, Torvet, &queue, "approve:1").await;
        p.posted_in(Torvet, &["kun gruppens administratorer"]).await;
        p.press(Mette, Torvet, &queue, "approve:1").await;
    } else if p.supports(Feature::Reactions) {
        p.react(Ahmed, Torvet, &queue, "✅").await;
        p.posted_in(Torvet, &["kun gruppens administratorer"]).await;
        p.react(Mette, Torvet, &queue, "✅").await;
    } else {
        let refused = p.ask(Ahmed, Torvet, "/godkend #1").await;
        assert_has(&refused.text, &["kun gruppens administratorer"]);
        p.ask(Mette, Torvet, "/godkend #1").await;
    }
    p.posted_in(Torvet, &["#1 er godkendt"]).await;
    p.told(Ali, &["Godt nyt!", "»Loppemarked« (#1)"]).await;
}

/// A new event at the same place and time as a published one is saved with
/// a warning that names the other event and suggests the organisers talk.
pub async fn a_clash_names_the_other_event(p: &mut impl TestPlatform) {
    // An admin's own event is shown at once.
    let first = p
        .ask(Mette, Torvet, "Byttemarked i Glashuset lørdag kl. 10-14")
        .await;
    assert_has(&first.text, &["#1"]);
    let clash = p
        .ask(
            Ali,
            Torvet,
            "affaldsindsamling ved glashuset lør kl 11-13 🌍 alle er velkomne",
        )
        .await;
    assert_has(
        &clash.text,
        &[
            "#2",
            "Obs",
            "Byttemarked",
            "samme sted",
            "samme tid",
            "#1",
            "arrangørerne",
        ],
    );
    let other_day = p
        .ask(Ali, Torvet, "strikkeklub på biblioteket søndag kl 14")
        .await;
    assert_lacks(&other_day.text, &["Obs"]);
}

/// "What's on" in Danish in a Danish channel and in English in the English
/// one, from the same calendar.
pub async fn whats_on_in_danish_and_english(p: &mut impl TestPlatform) {
    p.ask(Mette, Torvet, "Byttemarked i Glashuset lørdag kl. 10-14")
        .await;
    let danish = p
        .ask(Ahmed, Torvet, "hej! hvad sker der i weekenden?")
        .await;
    assert_has(
        &danish.text,
        &["Byttemarked", "Glashuset", "Lørdag 13. juni"],
    );
    let english = p.ask(Ahmed, English, "hi, what's on this weekend?").await;
    assert_has(
        &english.text,
        &["What's on this weekend", "Byttemarked", "Saturday"],
    );
    let nothing = p.ask(Ahmed, Torvet, "hvad sker der i julen?").await;
    assert_has(&nothing.text, &["Jeg kender ikke til noget"]);
}

/// A resident who reads Turkish better is answered in Turkish, the event's
/// Danish title as written; `/sprog ar` makes every reply to him Arabic,
/// whatever he writes in, and nobody else's.
pub async fn questions_in_other_languages_and_a_chosen_language(p: &mut impl TestPlatform) {
    use vores_bot::lang::{Language, tr};
    let heading = |lang| {
        tr(
            lang,
            "whatson_heading",
            &[("window", &tr(lang, "window_weekend", &[]))],
        )
    };
    p.ask(Mette, Torvet, "Byttemarked i Glashuset lørdag kl. 10-14")
        .await;
    let turkish = p
        .ask(Ahmed, Torvet, "merhaba 🙂 bu hafta sonu ne var?")
        .await;
    assert_has(&turkish.text, &[&heading(Language::Tr), "Byttemarked"]);
    assert_lacks(&turkish.text, &["Det sker"]);
    p.ask(Ahmed, Torvet, "/sprog ar").await;
    let arabic = p.ask(Ahmed, Torvet, "hvad sker der i weekenden?").await;
    assert_has(&arabic.text, &[&heading(Language::Ar), "Byttemarked"]);
    let others = p.ask(Ali, Torvet, "hvad sker der i weekenden?").await;
    assert_has(&others.text, &["Det sker i weekenden", "Byttemarked"]);
}

/// A good story is kept, thanked for, and listed with the resident's own.
pub async fn a_story_is_shared_and_listed(p: &mut impl TestPlatform) {
    let story = p
        .ask(
            Ali,
            Torvet,
            "Historie: Café Solstrålen fejrede 1 år i dag med kage til alle 🎂",
        )
        .await;
    assert_has(&story.text, &["#1", "Tak for din historie", "/anonym #1"]);
    let mine = p.ask(Ali, Torvet, "/mine").await;
    assert_has(&mine.text, &["#1", "Café Solstrålen"]);
    let english = p
        .ask(
            Ahmed,
            English,
            "Story: the youth club painted the underpass together",
        )
        .await;
    assert_has(&english.text, &["#2", "Thank you for your story"]);
}

/// A short story gets a follow-up question or two, once and skippable; the
/// answers end up in the same story; an admin gets a press release draft
/// with the resident's quote and without their name when they asked to be
/// anonymous; residents find the toolbox's guides.
pub async fn a_short_story_is_coached_and_drafted(p: &mut impl TestPlatform) {
    let saved = p
        .ask(
            Ali,
            Torvet,
            "Historie (anonym): vi malede tunnelen sammen i går 🎨 det var hyggeligt",
        )
        .await;
    assert_has(
        &saved.text,
        &[
            "#1",
            "Tak for din historie",
            "spring over",
            "Hvem stod bag, og hvor skete det?",
        ],
    );
    let quote = p
        .ask(Ali, Torvet, "ungdomsklubben og beboerne i Vejleåparken")
        .await;
    assert_has(&quote.text, &["citat"]);
    let done = p
        .ask(Ali, Torvet, "\"Nu er tunnelen vores alle sammen\"")
        .await;
    assert_has(&done.text, &["Historie #1 er klar", "administrator"]);
    let approved = p.ask(Mette, Torvet, "/godkend #1").await;
    assert_has(&approved.text, &["#1 er godkendt"]);
    let draft = p.ask(Mette, Torvet, "/pressemeddelelse #1").await;
    assert_has(
        &draft.text,
        &[
            "PRESSEMEDDELELSE",
            "ungdomsklubben og beboerne i Vejleåparken",
            "»Nu er tunnelen vores alle sammen«",
            "Kontakt: Vores Ishøj",
            "et billede",
        ],
    );
    assert_lacks(&draft.text, &["Ali"]);
    let newsletter = p.ask(Mette, Torvet, "/nyhedsbrev #1").await;
    assert_has(&newsletter.text, &["Vi malede tunnelen sammen"]);
    assert_lacks(&newsletter.text, &["Ali"]);
    let refused = p.ask(Ahmed, Torvet, "/pressemeddelelse #1").await;
    assert_has(&refused.text, &["for gruppens administratorer"]);
    let tools = p.ask(Ahmed, Torvet, "/værktøj").await;
    assert_has(&tools.text, &["Værktøjskassen", "1. Skriv en god historie"]);
    let guide = p.ask(Ahmed, Torvet, "/værktøj 1").await;
    assert_has(&guide.text, &["Skriv en god historie"]);
    p.posted_in(Torvet, &["Send den til mig med »Historie: …«"])
        .await;
}

/// A resident adds a place with a map link; it waits for an admin like any
/// submission, and nobody is pointed to it meanwhile; once approved, anyone
/// asking where it is (by its name or, in English, by its kind) gets the
/// map link.
pub async fn a_place_is_added_approved_and_found(p: &mut impl TestPlatform) {
    let saved = p
        .ask(
            Ali,
            Torvet,
            "nyt sted: Hundeskoven ved Ishøj Strand 🐕 https://www.openstreetmap.org/?mlat=55.6080&mlon=12.3700#map=17/55.6080/12.3700",
        )
        .await;
    assert_has(
        &saved.text,
        &[
            "#1",
            "»Hundeskoven«",
            "hundeskov",
            "kortet",
            "når en administrator har godkendt den",
        ],
    );
    let before = p.ask(Ahmed, Torvet, "hvor er hundeskoven?").await;
    assert_has(&before.text, &["kender ikke »hundeskoven«", "Nyt sted"]);
    let approved = p.ask(Mette, Torvet, "/godkend #1").await;
    assert_has(&approved.text, &["#1 er godkendt"]);
    p.told(Ali, &["Godt nyt! Dit sted »Hundeskoven« (#1) er godkendt"])
        .await;
    let found = p.ask(Ahmed, Torvet, "hvor er hundeskoven?").await;
    assert_has(
        &found.text,
        &[
            "Hundeskoven: ved Ishøj Strand.",
            "openstreetmap.org/?mlat=55.60800&mlon=12.37000",
        ],
    );
    let english = p.ask(Ahmed, English, "where is the dog park?").await;
    assert_has(&english.text, &["Hundeskoven", "Map:", "mlat=55.60800"]);
    // Said again, it is not added twice.
    let again = p
        .ask(Ahmed, Torvet, "nyt sted: hundeskoven, ved stranden")
        .await;
    assert_has(&again.text, &["kender allerede Hundeskoven"]);
}

/// In a private chat everything is said to the bot: no mention, no command.
pub async fn a_private_chat_needs_no_mention(p: &mut impl TestPlatform) {
    p.ask(Mette, Torvet, "Byttemarked i Glashuset lørdag kl. 10-14")
        .await;
    let answer = p.ask_privately(Ali, "hvad sker der i weekenden").await;
    assert_has(&answer.text, &["Byttemarked"]);
    let help = p.ask_privately(Ali, "/hjælp").await;
    assert_has(&help.text, &["/mine"]);
    let saved = p
        .ask_privately(Ali, "fællesspisning i medborgerhuset fre kl 18, pris 40 kr")
        .await;
    assert_has(
        &saved.text,
        &[
            "#2",
            "Fællesspisning",
            "når en administrator har godkendt den",
        ],
    );
    // What is sent privately is published like the rest: the group's rules
    // about wording hold (no strike: nobody else read it).
    let spam = p
        .ask_privately(
            Ahmed,
            "loppemarked lør kl 10 i glashuset, gratis penge til alle, skriv til mig på whatsapp",
        )
        .await;
    assert_has(&spam.text, &["Jeg har ikke gemt din besked", "reklame"]);
    assert_has(
        &p.ask_privately(Ahmed, "/mine").await.text,
        &["ikke indsendt noget"],
    );
}

/// Ordinary talk passes silently; talk that breaks a rule gets its writer a
/// private note (never a public telling-off), a log entry, and is removed
/// where the platform can — elsewhere the admins are told it could not be.
pub async fn ordinary_talk_that_breaks_a_rule_is_noted_privately(p: &mut impl TestPlatform) {
    p.chat(
        Ali,
        Torvet,
        "hej alle, kommer i til byttemarkedet på lørdag? 😊",
    )
    .await;
    let spam = p
        .chat(Ahmed, Torvet, "FR33 M0NEY!! skriv til mig på whatsapp")
        .await;
    p.told(Ahmed, &["reklame eller spam", "/klage M1"]).await;
    if p.supports(Feature::Deletes) {
        let mut deleted = false;
        let deadline = tokio::time::Instant::now() + WAIT;
        while !deleted && tokio::time::Instant::now() < deadline {
            deleted = p.was_deleted(&spam).await;
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        assert!(deleted, "the spam was not removed");
    } else {
        p.posted_in(Torvet, &["Til administratorerne", "kan ikke slette"])
            .await;
        p.told(Ahmed, &["ikke fjernet her"]).await;
    }
    let log = p.ask(Mette, Torvet, "/log").await;
    assert_has(&log.text, &["M1", "spam"]);
    assert_lacks(&log.text, &["M2"]);
    // Three strikes in a short time: the admins are told (the group's
    // escalation), in the channel, once.
    p.chat(Ahmed, Torvet, "Tjen penge hurtigt med os 💰").await;
    p.chat(
        Ahmed,
        Torvet,
        "gratis penge til alle, skriv til mig på whatsapp",
    )
    .await;
    p.posted_in(
        Torvet,
        &["Til administratorerne", "har fået 3 advarsler", "/log"],
    )
    .await;
}

/// An edited message is held to the same rules as a new one, and a
/// submission can be corrected. The console cannot edit a printed line;
/// there `/ret` is the only way, and it is checked on every platform.
pub async fn an_edited_message_is_checked_again(p: &mut impl TestPlatform) {
    if p.supports(Feature::Edits) {
        let said = p
            .chat(Ahmed, Torvet, "hej alle, vi ses til byttemarkedet")
            .await;
        p.edit(Ahmed, &said, "FR33 M0NEY!! skriv til mig på whatsapp")
            .await;
        p.told(Ahmed, &["reklame eller spam"]).await;
    }
    let saved = p
        .ask(Ali, Torvet, "byttemarked i glashuset lør kl 10-14")
        .await;
    assert_has(&saved.text, &["#1", "lørdag 13. juni 2026"]);
    let fixed = p.ask(Ali, Torvet, "/ret #1 søndag kl. 11").await;
    assert_has(&fixed.text, &["Rettet!", "søndag 14. juni 2026"]);
    let refused = p.ask(Ahmed, Torvet, "/ret #1 mandag").await;
    assert_has(&refused.text, &["#1 er ikke din"]);
}

/// The bot killed right after a message reached the platform answers it
/// once after the restart: nothing lost, nothing twice.
pub async fn a_restart_loses_and_repeats_nothing(p: &mut impl TestPlatform) {
    let answers = p
        .ask_through_a_kill(Ali, Torvet, "loppemarked på torvet søn kl 9-13")
        .await;
    assert_eq!(answers.len(), 1, "answered once: {answers:#?}");
    assert_has(&answers[0].text, &["#1", "Loppemarked"]);
    let mine = p.ask(Ali, Torvet, "/mine").await;
    assert_has(&mine.text, &["#1 Loppemarked"]);
    assert_lacks(&mine.text, &["#2"]);
}

/// The weekly digest reaches every channel of the group exactly once, split
/// to the platform's length (the fakes refuse longer posts, as the platforms
/// do), however hard the platform makes posting; residents' own `*` and `_`
/// are shown as they wrote them, never taken for formatting. A member's
/// own language (Ahmed chose Arabic) is for replies to him: the English
/// channel's digest stays English. A subscriber (`/abonner`) gets it
/// privately as well.
pub async fn the_digest_goes_out_once_through_trouble(p: &mut impl TestPlatform) {
    let chosen = p.ask(Ahmed, English, "/language ar").await;
    assert_has(&chosen.text, &["العربية"]);
    // A subscriber gets it privately too (Telegram: a private chat they
    // started; Discord: a direct message; Matrix: a direct room).
    let subscribed = p.ask_privately(Ali, "/abonner").await;
    assert_has(&subscribed.text, &["Nu får du ugens nyt", "»/afmeld«"]);
    let titles: Vec<String> = (0..40)
        .map(|i| format!("Aktivitet nummer {i} for *store* og _små_ i Ishøj"))
        .collect();
    p.save_published_week(&titles).await;
    p.send_digest_through_trouble().await;
    let every_one = |posts: &[String]| {
        (0..40).all(|i| {
            let needle = format!("Aktivitet nummer {i} ");
            posts.iter().any(|t| t.contains(&needle))
        })
    };
    for (room, heading) in [
        (Torvet, "Ugen i Vores Ishøj"),
        (Stranden, "Ugen i Vores Ishøj"),
        (English, "The week in Vores Ishøj"),
    ] {
        let posts = p.posts_in(room, &every_one).await;
        assert_eq!(
            posts
                .iter()
                .map(|t| t.matches(heading).count())
                .sum::<usize>(),
            1,
            "{room:?}: the digest once: {posts:#?}"
        );
        for i in 0..40 {
            let needle = format!("Aktivitet nummer {i} for *store* og _små_ i Ishøj");
            assert_eq!(
                posts
                    .iter()
                    .map(|t| t.matches(&needle).count())
                    .sum::<usize>(),
                1,
                "{room:?}: event {i} exactly once: {posts:#?}"
            );
        }
    }
    let private = p
        .told(Ali, &["Ugen i Vores Ishøj", "Aktivitet nummer 0 "])
        .await;
    assert_has(&private, &["Aktivitet nummer 0 for"]);
}

/// When the bot may not remove a message that breaks a rule, the group's
/// admins are told what right it lacks, and the writer is still noted.
pub async fn a_missing_right_is_reported_to_admins(p: &mut impl TestPlatform) {
    p.take_away_the_right_to_remove().await;
    let spam = p
        .chat(Ahmed, Torvet, "FR33 M0NEY!! skriv til mig på whatsapp")
        .await;
    p.posted_in(Torvet, &["Til administratorerne", "kan ikke slette"])
        .await;
    p.told(Ahmed, &["reklame eller spam"]).await;
    assert!(!p.was_deleted(&spam).await, "removed without the right");
}

/// The bot dying at each step of handling a message — just received, its
/// work committed, its answer posted but not recorded — loses nothing and,
/// where the platform recognises a retried post, answers once. Telegram has
/// no idempotency key: dying between its accepting a post and our
/// recording it can post that answer twice (documented in ARCHITECTURE.md).
/// The console reads a line once: a session that dies before handling it
/// takes the line with it, and typing it again saves it once.
pub async fn a_crash_at_every_step_of_handling_loses_and_repeats_nothing(
    p: &mut impl TestPlatform,
) {
    let events = [
        ("Loppemarked", "loppemarked på torvet søn kl 9-13"),
        ("Brætspil", "brætspil i klubhuset fre kl 19 🎲"),
        (
            "Fællesspisning",
            "fællesspisning i medborgerhuset tors kl 18, 40 kr",
        ),
    ];
    for (n, (point, (title, text))) in CRASH_POINTS.iter().zip(events).enumerate() {
        let number = format!("#{}", n + 1);
        let mut answers = p.ask_through_a_crash(Ali, Torvet, text, point).await;
        if answers.is_empty() {
            assert!(
                !p.supports(Feature::Redelivery) && *point == "core:received",
                "no answer after a crash at {point}"
            );
            answers.push(p.ask(Ali, Torvet, text).await);
        }
        if *point == "core:sent" && !p.supports(Feature::IdempotentPosts) {
            assert!(answers.len() <= 2, "{point}: {answers:#?}");
        } else {
            assert_eq!(answers.len(), 1, "{point}: answered once: {answers:#?}");
        }
        assert_has(&answers[0].text, &[&number, title]);
    }
    let mine = p.ask(Ali, Torvet, "/mine").await;
    assert_has(
        &mine.text,
        &["#1 Loppemarked", "#2 Brætspil", "#3 Fællesspisning"],
    );
    assert_lacks(&mine.text, &["#4"]);
}
