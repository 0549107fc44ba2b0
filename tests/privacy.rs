//! A resident's own data, end to end through the real `vores` binary on a
//! SQLite file: `/mine data` tells them what is kept, `/glem mig` asks
//! first and `/glem mig bekræft` erases them, and the operator's `vores
//! privacy export|erase|prune` do the same from the command line. After an
//! erasure the whole town's export holds neither their id nor their name.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{assert_has, assert_lacks, fails_saying, run_with_input};

/// Wednesday 10 June 2026, 10:00 in Copenhagen.
const WEDNESDAY: &str = "2026-06-10T10:00:00+02:00";

struct Town {
    dir: tempfile::TempDir,
}

impl Town {
    fn new() -> Town {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("vores.toml"),
            "approval = \"never\"\n\n[console]\nchannel = \"konsol\"\nlanguage = \"da\"\n",
        )
        .expect("config");
        Town { dir }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("vores.toml")
    }

    fn vores(&self) -> Command {
        self.vores_at(WEDNESDAY)
    }

    /// `vores` on this town's config and database, its clock at `now`.
    fn vores_at(&self, now: &str) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
        cmd.arg("--config")
            .arg(self.config())
            .arg("--database")
            .arg(format!(
                "sqlite://{}",
                self.dir.path().join("vores.db").display()
            ))
            .args(["--now", now])
            .env_remove("VORES_DATABASE_URL")
            .env_remove("VORES_CONFIG")
            .current_dir(self.dir.path());
        cmd
    }

    fn say(&self, user: &str, lines: &[&str]) -> String {
        let mut cmd = self.vores();
        cmd.args(["console", "--user", user]);
        run_with_input(cmd, lines)
    }

    fn run(&self, args: &[&str]) -> String {
        let mut cmd = self.vores();
        cmd.args(args);
        let out = cmd.output().expect("vores runs");
        assert!(
            out.status.success(),
            "vores {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Sunday's digest (14 June, 18:00) as `vores digest --preview` shows it.
    fn sunday_digest(&self) -> String {
        let out = self
            .vores_at("2026-06-14T18:00:00+02:00")
            .args(["digest", "--preview"])
            .output()
            .expect("vores runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn export(&self, person: &str) -> serde_json::Value {
        serde_json::from_str(&self.run(&["privacy", "export", "--user", person]))
            .expect("the export is JSON")
    }

    fn whole_town(&self) -> String {
        self.run(&["export", "--format", "json"])
    }
}

#[test]
fn a_resident_sees_what_is_kept_and_is_forgotten_on_request() {
    let town = Town::new();
    town.say(
        "mettetestesen",
        &[
            "Historie: solsikkerne i vejleåparken blomstrer 🌻 tak til alle der hjalp",
            "strikkecafé på biblioteket tors d 18/6 kl 14-16, alle er velkomne",
        ],
    );
    town.say("ali", &["loppemarked i glashuset lør d 13/6 kl 10-14"]);

    let data = town.say("mettetestesen", &["/mine data"]);
    assert_has(
        &data,
        &[
            "Det her gemmer jeg om dig:",
            "2 indsendelser",
            "»/glem mig«",
            "[fil: vores-mine-data.json]",
        ],
    );
    // The file after the text is every row about them, as JSON.
    let file = data
        .split("[fil: vores-mine-data.json]\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("the file's text");
    let file: serde_json::Value = serde_json::from_str(file).expect("the file is JSON");
    assert_eq!(file["person"], "console:mettetestesen");
    let titles: Vec<&str> = file["tables"]["submissions"]
        .as_array()
        .expect("submissions")
        .iter()
        .filter_map(|row| row["body"].as_str())
        .collect();
    assert_eq!(titles.len(), 2, "{file}");
    assert!(
        titles.iter().any(|b| b.contains("solsikkerne")),
        "{titles:?}"
    );
    let exported = town.export("console:mettetestesen");
    assert_eq!(exported["person"], "console:mettetestesen");
    assert_eq!(
        exported["tables"]["submissions"].as_array().map(Vec::len),
        Some(2),
        "{exported}"
    );

    // Asked first; nothing goes before the confirmation.
    let asked = town.say("mettetestesen", &["/glem mig"]);
    assert_has(&asked, &["»/glem mig bekræft«", "kan ikke fortrydes"]);
    assert!(town.whole_town().contains("mettetestesen"));

    let done = town.say("mettetestesen", &["/glem mig bekræft"]);
    assert_has(
        &done,
        &["Nu har jeg glemt dig", "2 bliver stående uden dit navn"],
    );
    let town_now = town.whole_town();
    assert_has(&town_now, &["ali", "solsikkerne i vejleåparken"]);
    // No row names her, except the two that answer the erasure itself: the
    // marker of her last message and the reply to it (a console message's
    // id says who wrote it, so the reply reaches her terminal).
    let all: serde_json::Value = serde_json::from_str(&town_now).expect("JSON");
    let mut left = Vec::new();
    for (table, rows) in all["tables"].as_object().expect("tables") {
        for row in rows.as_array().expect("rows") {
            if row.to_string().contains("mettetestesen") {
                left.push(format!("{table}: {row}"));
                let answer = table == "handled_messages"
                    || (table == "outbox" && !row["doc"].to_string().contains("mettetestesen"));
                assert!(answer, "{table} still names her: {row}");
            }
        }
    }
    assert!(left.len() <= 2, "{left:#?}");
    let nothing = town.say("mettetestesen", &["/mine data"]);
    assert_has(&nothing, &["Jeg gemmer ikke noget om dig."]);

    // The calendar still has the café, without who sent it.
    let week = town.say("bo", &["hvad sker der i næste uge?"]);
    assert_has(&week, &["Strikkecafé"]);
}

#[test]
fn the_operator_exports_erases_and_prunes_from_the_command_line() {
    let town = Town::new();
    town.say("ali", &["swap market at the library sat 13/6 10am-2pm"]);
    town.say("ali", &["/sprog tr"]);
    let exported = town.export("console:ali");
    assert!(exported["tables"]["person_languages"][0]["language"] == "tr");

    let erased = town.run(&[
        "privacy",
        "erase",
        "--user",
        "console:ali",
        "--remove-published",
    ]);
    assert_has(&erased, &["Erased console:ali", "submissions deleted"]);
    assert_lacks(&town.whole_town(), &["\"ali\"", "swap market"]);
    assert!(
        town.export("console:ali")["tables"]
            .as_object()
            .is_some_and(|t| t.is_empty())
    );

    let pruned = town.run(&["privacy", "prune"]);
    assert_has(&pruned, &["older than 365 days"]);

    let mut wrong = town.vores();
    wrong.args(["privacy", "export", "--user", "ali"]);
    fails_saying(wrong, &["platform:user-id"]);
}

/// Two accounts of one resident linked with a one-time code: "/mine" shows
/// both accounts' submissions, the other account is told, a used code does
/// not work again, and "/fjernforbindelse" separates them.
#[test]
fn two_accounts_are_linked_with_a_code_and_unlinked() {
    let town = Town::new();
    town.say(
        "ali",
        &["Historie: vi plantede 40 træer ved stranden i dag 🌳"],
    );
    let asked = town.say("ali", &["/forbind"]);
    let code = asked
        .split("Din kode er ")
        .nth(1)
        .and_then(|rest| rest.get(..6))
        .unwrap_or_else(|| panic!("no code in {asked}"))
        .to_string();
    assert!(code.chars().all(|c| c.is_ascii_alphanumeric()), "{code}");

    let linked = town.say("ali_mobil", &[&format!("/forbind {}", code.to_lowercase())]);
    assert_has(&linked, &["Nu er dine konti forbundet"]);
    let mine = town.say("ali_mobil", &["/mine"]);
    assert_has(&mine, &["vi plantede 40 træer"]);
    let told = town.say("ali", &["hej"]);
    assert_has(&told, &["Din konto er nu forbundet med din konto på"]);
    // One person, one name: what Ali shares from the other account carries
    // the name Ali first shared under.
    town.say(
        "ali_mobil",
        &["Historie: naboerne byggede en bænk ved legepladsen 🪵"],
    );
    let digest = town.sunday_digest();
    assert_has(&digest, &["bænk ved legepladsen", "fortalt af ali"]);
    assert_lacks(&digest, &["ali_mobil"]);

    let again = town.say("bo", &[&format!("/forbind {code}")]);
    assert_has(&again, &["Den kode kender jeg ikke"]);

    let unlinked = town.say("ali_mobil", &["/fjernforbindelse"]);
    assert_has(&unlinked, &["ikke længere forbundet"]);
    let mine = town.say("ali_mobil", &["/mine"]);
    assert_lacks(&mine, &["vi plantede 40 træer"]);
}

/// "/abonner": the week's digest comes privately, in the subscriber's own
/// language, once per week however often it is sent; "/afmeld" stops it.
#[test]
fn a_subscriber_gets_the_digest_privately_in_their_language() {
    let town = Town::new();
    town.say("mette", &["loppemarked i glashuset lør d 13/6 kl 10-14"]);
    let subscribed = town.say("ahmed", &["/abonner"]);
    assert_has(&subscribed, &["Nu får du ugens nyt", "»/afmeld«"]);
    town.say("ahmed", &["/language en"]);
    town.say("sara", &["/subscribe"]);
    town.say("sara", &["/afmeld"]);

    let mut send = town.vores();
    send.args(["digest", "--send-now"]);
    let out = send.output().expect("vores runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Twice in the same week: once to each.
    let mut again = town.vores();
    again.args(["digest", "--send-now"]);
    assert!(again.output().expect("vores runs").status.success());

    let ahmed = town.say("ahmed", &["tak"]);
    assert_has(
        &ahmed,
        &["[privat til ahmed]", "Loppemarked", "The week in"],
    );
    assert_lacks(&ahmed, &["Ugen i"]);
    assert_eq!(ahmed.matches("[privat til ahmed]").count(), 1, "{ahmed}");
    let sara = town.say("sara", &["tak"]);
    assert_lacks(&sara, &["[privat til sara]", "Loppemarked"]);
}

/// "/abonner dagligt børn": each morning what happens that day for
/// children, once a day; "/subscribe daily": everything that day; a weekly
/// subscription to a topic gets only that in the digest's week, and one to
/// something that does not happen gets nothing. Nothing on a day without
/// events, nor before seven in the morning.
#[test]
fn subscribers_choose_daily_news_and_topics() {
    let town = Town::new();
    town.say(
        "mette",
        &[
            "loppemarked i glashuset i dag kl 16-18",
            "tegneværksted for børn på biblioteket i dag kl 14-16 🎨",
            "fællesspisning i medborgerhuset lør d 13/6 kl 18, pris 30 kr 🍲",
        ],
    );
    // The round that queues the daily news runs as `vores` starts, so it
    // may come in the session of the subscription or the next one: all
    // sessions of a person are read together.
    let mut ahmed = town.say("ahmed", &["/abonner dagligt for børn"]);
    assert_has(&ahmed, &["hver morgen", "i dag", "for børn", "»/afmeld«"]);
    let mut sara = town.say("sara", &["/subscribe daily"]);
    assert_has(&sara, &["each morning", "“/unsubscribe”"]);
    let bo = town.say("bo", &["/abonner fællesspisning"]);
    assert_has(&bo, &["hver uge", "»fællesspisning«"]);
    town.say("lis", &["/abonner sport"]);
    for _ in 0..2 {
        ahmed += &town.say("ahmed", &["tak"]);
        sara += &town.say("sara", &["tak"]);
    }
    assert_eq!(ahmed.matches("[privat til ahmed]").count(), 1, "{ahmed}");
    assert_has(&ahmed, &["Det sker i dag – for børn", "Tegneværksted"]);
    assert_lacks(&ahmed, &["Loppemarked", "Fællesspisning"]);
    assert_eq!(sara.matches("[privat til sara]").count(), 1, "{sara}");
    assert_has(&sara, &["Tegneværksted", "Loppemarked", "Stop with"]);

    // The week's digest: the topic's subscriber gets only the topic, the
    // daily ones and the one whose topic does not happen get nothing.
    town.run(&["digest", "--send-now"]);
    let bo = town.say("bo", &["tak"]);
    assert_has(&bo, &["[privat til bo]", "Fællesspisning", "»/afmeld«"]);
    assert_lacks(&bo, &["Loppemarked", "Tegneværksted"]);
    for name in ["lis", "ahmed"] {
        let got = town.say(name, &["tak"]);
        assert_lacks(&got, &[&format!("[privat til {name}]")]);
    }

    // Thursday: nothing before seven; after, nothing happens, so no message.
    for now in ["2026-06-11T06:30:00+02:00", "2026-06-11T08:00:00+02:00"] {
        let mut cmd = town.vores_at(now);
        cmd.args(["console", "--user", "sara"]);
        let got = run_with_input(cmd, &["tak"]);
        assert_lacks(&got, &["[privat til sara]"]);
    }
    // Saturday morning, the daily subscriber gets the day's dinner.
    let mut cmd = town.vores_at("2026-06-13T08:00:00+02:00");
    cmd.args(["console", "--user", "sara"]);
    let saturday = run_with_input(cmd, &["thanks"])
        + &{
            let mut cmd = town.vores_at("2026-06-13T08:05:00+02:00");
            cmd.args(["console", "--user", "sara"]);
            run_with_input(cmd, &["thanks"])
        };
    assert_eq!(
        saturday.matches("[privat til sara]").count(),
        1,
        "{saturday}"
    );
    assert_has(&saturday, &["Fællesspisning"]);
}

/// Fifty subscribers, and `vores digest --send-now` killed (SIGKILL) again
/// and again while it queues and sends: in the end each subscriber has the
/// week's digest waiting exactly once, and gets it once.
#[test]
fn a_kill_during_the_private_fan_out_loses_and_repeats_nothing() {
    use std::process::Stdio;
    use std::time::Duration;
    let town = Town::new();
    town.say("mette", &["loppemarked i glashuset lør d 13/6 kl 10-14"]);
    let subscribers: Vec<String> = (0..50).map(|i| format!("nabo{i:02}")).collect();
    for name in &subscribers {
        town.say(name, &["/abonner"]);
    }
    // Killed halfway through queueing the private copies, and again
    // while sending; then at whatever moment SIGKILL lands.
    for point in ["digest:subscribers-half", "core:sent"] {
        let out = town
            .vores()
            .env("VORES_CRASH_AT", point)
            .args(["digest", "--send-now"])
            .output()
            .expect("vores runs");
        assert!(!out.status.success(), "{point} was not reached");
        assert_has(&String::from_utf8_lossy(&out.stderr), &[point]);
    }
    for delay_ms in [5u64, 15, 30, 50, 80] {
        let mut child = town
            .vores()
            .env("VORES_CONSOLE_SEND_DELAY_MS", "50")
            .args(["digest", "--send-now"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("vores starts");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().expect("reaped");
    }
    town.run(&["digest", "--send-now"]);

    let all: serde_json::Value = serde_json::from_str(&town.whole_town()).expect("JSON");
    let keys: Vec<String> = all["tables"]["outbox"]
        .as_array()
        .expect("outbox")
        .iter()
        .filter_map(|row| row["dedupe_key"].as_str())
        .filter(|key| key.starts_with("subscription:"))
        .map(str::to_string)
        .collect();
    for name in &subscribers {
        let theirs = keys
            .iter()
            .filter(|k| k.ends_with(&format!(":{name}")))
            .count();
        assert_eq!(theirs, 1, "{name}: {keys:#?}");
    }
    for name in ["nabo00", "nabo25", "nabo49"] {
        let got = town.say(name, &["tak"]);
        assert_eq!(
            got.matches(&format!("[privat til {name}]")).count(),
            1,
            "{got}"
        );
        assert_has(&got, &["Loppemarked"]);
        let later = town.say(name, &["tak igen"]);
        assert_lacks(&later, &[&format!("[privat til {name}]")]);
    }
}

/// A group's ambassadors get the week's digest privately, in a version to
/// forward as it is: without the bot's commands, with where to write.
#[test]
fn ambassadors_get_a_digest_to_pass_on() {
    let town = Town::new();
    std::fs::write(
        town.config(),
        r#"
[console]
channel = "konsol"

[[groups]]
name = "ishoj"
title = "Vores Ishøj"
approval = "never"
ambassadors = ["console:lise"]

[[channels]]
platform = "console"
id = "konsol"
name = "Konsol"
group = "ishoj"
"#,
    )
    .expect("config");
    town.say("mette", &["loppemarked i glashuset lør d 13/6 kl 10-14"]);
    town.run(&["digest", "--send-now"]);
    let lise = town.say("lise", &["hej"]);
    assert_has(
        &lise,
        &[
            "[privat til lise]",
            "Tak fordi du deler ugens nyt!",
            "Loppemarked",
            "Skriv til Vores Ishøj på Telegram, Discord eller Matrix.",
        ],
    );
    assert_lacks(&lise, &["»Historie: …«"]);
    let channel = town.say("mette", &["tak"]);
    assert_lacks(&channel, &["Tak fordi du deler ugens nyt"]);

    let mut wrong = town.vores();
    std::fs::write(
        town.config(),
        "[[groups]]\nname = \"ishoj\"\nambassadors = [\"lise\"]\n",
    )
    .expect("config");
    wrong.args(["parse", "--json", "hej"]);
    fails_saying(wrong, &["groups[0].ambassadors", "platform:user-id"]);
}

/// `credit = "first_name"`: the digest thanks and names story tellers by
/// their first name only; `/anonym` still hides them completely.
/// Each story's teller chooses right after sending it: the confirmation
/// shows the name as it will appear and offers "/fornavn #N" and "/anonym
/// #N"; the digest follows the choice, story by story.
#[test]
fn a_teller_chooses_first_name_only_for_one_story() {
    let town = Town::new();
    let saved = town.say(
        "Mette Ørum",
        &["Historie: vi plantede solsikker i gården, og alle børnene hjalp 🌻"],
    );
    assert_has(
        &saved,
        &["navnet Mette Ørum", "»/fornavn #1«", "»/anonym #1«"],
    );
    let chosen = town.say("Mette Ørum", &["/fornavn #1"]);
    assert_has(&chosen, &["#1 vises nu kun med dit fornavn: Mette"]);
    town.say(
        "Mette Ørum",
        &["Historie: strikkeklubben gav 30 huer til vuggestuen 🧶"],
    );
    // Somebody else's story is not theirs to change.
    let refused = town.say("Karim Hansen", &["/fornavn #2"]);
    assert_lacks(&refused, &["vises nu"]);

    let digest = town.sunday_digest();
    let first = digest
        .lines()
        .position(|l| l.contains("solsikker"))
        .expect("the first story");
    let second = digest
        .lines()
        .position(|l| l.contains("strikkeklubben"))
        .expect("the second story");
    let lines: Vec<&str> = digest.lines().collect();
    assert!(lines[first].ends_with("fortalt af Mette"), "{digest}");
    assert!(lines[second].ends_with("fortalt af Mette Ørum"), "{digest}");
    // Thanked once, by the name she chose to show.
    assert_has(&digest, &["Tak til Mette for"]);
}

#[test]
fn a_group_can_name_people_by_their_first_name_only() {
    let town = Town::new();
    std::fs::write(
        town.config(),
        "approval = \"never\"\ncredit = \"first_name\"\n\n[console]\nchannel = \"konsol\"\n",
    )
    .expect("config");
    town.say(
        "Mette Ørum",
        &["Historie: vi plantede solsikker i gården, og alle børnene hjalp 🌻"],
    );
    town.say(
        "Karim Hansen",
        &["Historie (anonym): naboen reparerede min cykel gratis"],
    );
    // Sunday's digest, four days later.
    let digest = town.sunday_digest();
    assert_has(&digest, &["fortalt af Mette", "vi plantede solsikker"]);
    assert_lacks(&digest, &["Ørum", "Karim", "Hansen"]);

    let mut wrong = town.vores();
    std::fs::write(town.config(), "credit = \"initials\"\n").expect("config");
    wrong.args(["parse", "--json", "hej"]);
    fails_saying(wrong, &["credit", "first_name"]);
}
