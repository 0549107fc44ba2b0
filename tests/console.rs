//! End to end through the console adapter: the real `vores` binary, a real
//! SQLite file, a fixed clock. Each step is one run of `vores console` with
//! one line of input, so every step also proves that state survives a
//! restart.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use common::{assert_has, assert_lacks, run_with_input};

use serde_json::Value;

/// Wednesday 10 June 2026, 10:00 in Copenhagen.
const WEDNESDAY: &str = "2026-06-10T10:00:00+02:00";

struct Town {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Town {
    fn new() -> Town {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("vores.db");
        Town { _dir: dir, db }
    }

    fn url(&self) -> String {
        format!("sqlite://{}", self.db.display())
    }

    /// Sends `lines` as `user` and returns everything the bot printed.
    fn chat(&self, user: &str, extra: &[&str], lines: &[&str], now: &str) -> String {
        let mut args = vec![
            "--database".to_string(),
            self.url(),
            "--now".into(),
            now.into(),
            "console".into(),
        ];
        args.extend(["--user".to_string(), user.to_string()]);
        args.extend(extra.iter().map(|s| s.to_string()));
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
        cmd.args(&args)
            .env_remove("VORES_DATABASE_URL")
            .env_remove("VORES_CONFIG")
            .current_dir(self._dir.path());
        run_with_input(cmd, lines)
    }

    fn say(&self, line: &str) -> String {
        self.chat("mette", &[], &[line], WEDNESDAY)
    }
}

fn vores_parse(text: &str, now: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args(["--now", now, "parse", "--json", text])
        .env_remove("VORES_CONFIG")
        .output()
        .expect("vores runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(
        stdout.trim().lines().count(),
        1,
        "one JSON object on one line: {stdout}"
    );
    serde_json::from_str(stdout.trim()).expect("valid JSON")
}

#[test]
fn events_in_both_languages_answer_the_right_questions() {
    let town = Town::new();
    let swap = town.say("Byttemarked i Glashuset lørdag kl. 10-14");
    assert_has(
        &swap,
        &[
            "#1",
            "Byttemarked",
            "lørdag 13. juni 2026",
            "kl. 10.00–14.00",
            "Glashuset",
        ],
    );

    let litter = town.say("Litter pick at Ishøj Strand on Sunday 14 June at 10am");
    assert_has(
        &litter,
        &[
            "#2",
            "Litter pick",
            "Sunday 14 June 2026",
            "10:00",
            "Ishøj Strand",
            "Thanks",
        ],
    );

    let concert = town.say("Koncert i Kulturhuset torsdag kl. 19-21");
    assert_has(
        &concert,
        &["#3", "torsdag 11. juni 2026", "kl. 19.00–21.00"],
    );

    let later = town.say("Sommerfest på Bredekærgård 27. juni kl. 15");
    assert_has(&later, &["#4", "lørdag 27. juni 2026"]);

    let weekend = town.say("hvad sker der i weekenden?");
    assert_has(
        &weekend,
        &[
            "Det sker i weekenden",
            "Byttemarked",
            "Litter pick",
            "Lørdag 13. juni",
            "Søndag 14. juni",
        ],
    );
    assert_lacks(&weekend, &["Koncert", "Sommerfest"]);

    let tomorrow = town.say("what's on tomorrow");
    assert_has(&tomorrow, &["What's on tomorrow", "Koncert", "19:00–21:00"]);
    assert_lacks(&tomorrow, &["Byttemarked", "Litter pick", "Sommerfest"]);

    let nothing = town.say("hvad sker der i uge 30?");
    assert_has(
        &nothing,
        &[
            "Jeg kender ikke til noget i uge 30",
            "Byttemarked i Glashuset",
        ],
    );
}

#[test]
fn a_clash_names_the_other_event_and_its_organiser() {
    let town = Town::new();
    town.chat(
        "forældrenetværket",
        &[],
        &["Byttemarked i Glashuset lørdag kl. 10-14"],
        WEDNESDAY,
    );
    // Not approved yet: nobody else is shown it, nor who sent it.
    let unapproved = town.chat(
        "naturfredning",
        &[],
        &["Affaldsindsamling ved Glashuset lørdag kl. 11-13"],
        WEDNESDAY,
    );
    assert_lacks(&unapproved, &["Obs", "Byttemarked", "forældrenetværket"]);
    town.chat(
        "koordinator",
        &["--admin"],
        &["/slet #2", "/godkend #1"],
        WEDNESDAY,
    );
    let reply = town.chat(
        "naturfredning",
        &[],
        &["Affaldsindsamling ved Glashuset lørdag kl. 11-13"],
        WEDNESDAY,
    );
    assert_has(
        &reply,
        &[
            "Obs",
            "Byttemarked",
            "samme sted",
            "samme tid",
            "#1",
            "forældrenetværket",
            "arrangørerne",
        ],
    );
    // An event on another day is no clash.
    let other_day = town.say("Strikkeklub på biblioteket søndag kl. 14");
    assert_lacks(&other_day, &["Obs"]);
    // Nor is a different kind of event elsewhere the same day.
    let elsewhere = town.say("Banko i hallen lørdag kl. 19");
    assert_lacks(&elsewhere, &["Obs", "Byttemarked"]);
    // The same kind of activity the same day is worth knowing about.
    let market = town.chat(
        "loppeklubben",
        &[],
        &["Loppemarked på Torvet lørdag kl. 9-12"],
        WEDNESDAY,
    );
    assert_has(&market, &["Obs", "Byttemarked", "samme slags aktivitet"]);
    // Sending the same thing twice is caught, for the sender only.
    let again = town.say("Banko i hallen lørdag kl. 19");
    assert_has(&again, &["Du har allerede sendt #", "Banko"]);
}

#[test]
fn a_story_is_stored_and_listed() {
    let town = Town::new();
    let reply = town.say(
        "Historie: Café Solstrålen fejrede 1 år i dag med kage til alle https://example.org/sol",
    );
    assert_has(
        &reply,
        &["#1", "Tak for din historie", "mette", "/anonym #1"],
    );
    let anon = town.say("/anonym #1");
    assert_has(&anon, &["#1 vises nu uden dit navn"]);
    let mine = town.say("/mine");
    assert_has(&mine, &["#1", "Café Solstrålen", "historie"]);
    let english = town.say("Story: The youth club painted the underpass together");
    assert_has(&english, &["#2", "Thank you for your story"]);
}

#[test]
fn a_withdrawn_submission_disappears_and_only_its_author_can_withdraw() {
    let town = Town::new();
    town.say("Byttemarked i Glashuset lørdag kl. 10-14");
    let refused = town.chat("ahmed", &[], &["/slet #1"], WEDNESDAY);
    assert_has(&refused, &["#1 er ikke din"]);
    assert_has(&town.say("hvad sker der i weekenden?"), &["Byttemarked"]);

    let gone = town.say("/slet #1");
    assert_has(&gone, &["#1 er slettet"]);
    let weekend = town.say("hvad sker der i weekenden?");
    assert_lacks(&weekend, &["(#1)"]);
    assert_has(&weekend, &["Jeg kender ikke til noget i weekenden"]);
    assert_has(&town.say("/mine"), &["ikke indsendt noget"]);
    assert_has(&town.say("/slet #1"), &["allerede slettet"]);
    assert_has(&town.say("/slet #99"), &["kan ikke finde #99"]);
}

#[test]
fn an_admin_may_withdraw_what_others_sent() {
    let town = Town::new();
    town.say("Byttemarked i Glashuset lørdag kl. 10-14");
    let reply = town.chat("koordinator", &["--admin"], &["/slet #1"], WEDNESDAY);
    assert_has(&reply, &["#1 er slettet"]);
}

#[test]
fn a_missing_time_is_asked_for_and_the_answer_completes_the_same_submission() {
    let town = Town::new();
    let asked = town.say("Fællesspisning i Medborgerhuset fredag");
    assert_has(&asked, &["#1", "Hvornår starter det", "fredag 12. juni"]);
    // Not visible while incomplete.
    assert_lacks(&town.say("hvad sker der på fredag?"), &["Fællesspisning"]);
    let unclear = town.say("det ved jeg ikke helt");
    assert_has(&unclear, &["Jeg fandt intet tidspunkt", "#1"]);
    let done = town.say("kl. 18-20");
    assert_has(
        &done,
        &["#1", "Fællesspisning", "kl. 18.00–20.00", "Medborgerhuset"],
    );
    assert_has(&town.say("hvad sker der på fredag?"), &["Fællesspisning"]);
}

#[test]
fn a_missing_date_is_asked_for_and_cancel_drops_it() {
    let town = Town::new();
    let asked = town.say("/begivenhed Yoga i parken kl. 9");
    assert_has(&asked, &["#1", "Hvilken dag"]);
    let cancelled = town.say("annuller");
    assert_has(&cancelled, &["#1 er annulleret"]);
    assert_has(&town.say("/mine"), &["ikke indsendt noget"]);
}

#[test]
fn a_correction_moves_the_event() {
    let town = Town::new();
    town.say("Byttemarked i Glashuset lørdag kl. 10-14");
    let fixed = town.say("/ret #1 søndag kl. 11-15");
    assert_has(
        &fixed,
        &[
            "Rettet",
            "søndag 14. juni 2026",
            "kl. 11.00–15.00",
            "Glashuset",
            "Byttemarked",
        ],
    );
    let english = town.say("/edit #1 at the library");
    assert_has(&english, &["the library"]);
}

#[test]
fn nonsense_gets_a_helpful_answer_never_silence() {
    let town = Town::new();
    let reply = town.say("asdfgh qwerty");
    assert_has(
        &reply,
        &[
            "Det forstod jeg ikke helt",
            "Byttemarked i Glashuset lørdag kl. 10-14",
            "/hjælp",
        ],
    );
    let english = town.chat(
        "sam",
        &["--lang", "en"],
        &["purple monkey dishwasher"],
        WEDNESDAY,
    );
    assert_has(&english, &["I didn't quite get that", "/help"]);
    let unknown = town.say("/flyv");
    assert_has(&unknown, &["/flyv", "/hjælp"]);
}

#[test]
fn every_line_of_a_piped_session_is_answered_in_order() {
    let town = Town::new();
    let out = town.chat(
        "mette",
        &[],
        &[
            "/hjælp",
            "Byttemarked i Glashuset lørdag kl. 10-14",
            "/help",
            "what's on this weekend",
        ],
        WEDNESDAY,
    );
    let help_da = out.find("Hej!").expect("Danish help");
    let saved = out.find("#1").expect("confirmation");
    let help_en = out.find("Hi!").expect("English help");
    let answer = out.find("What's on this weekend").expect("answer");
    assert!(
        help_da < saved && saved < help_en && help_en < answer,
        "{out}"
    );
}

#[test]
fn parse_json_contract() {
    let event = vores_parse("Byttemarked i Glashuset lørdag kl. 10-14", WEDNESDAY);
    assert_eq!(event["kind"], "event");
    assert_eq!(event["title"], "Byttemarked");
    assert_eq!(event["start"], "2026-06-13T10:00:00+02:00");
    assert_eq!(event["end"], "2026-06-13T14:00:00+02:00");
    assert_eq!(event["all_day"], false);
    assert_eq!(event["location"], "Glashuset");

    let winter = vores_parse(
        "Juletræstænding på Torvet 2. januar kl. 16",
        "2026-12-20T12:00:00+01:00",
    );
    assert_eq!(winter["start"], "2027-01-02T16:00:00+01:00");
    assert_eq!(winter["end"], Value::Null);

    let query = vores_parse("hvad sker der i weekenden?", WEDNESDAY);
    assert_eq!(query["kind"], "query");
    assert_eq!(query["from"], "2026-06-13T00:00:00+02:00");
    assert_eq!(query["to"], "2026-06-15T00:00:00+02:00");

    let sunday = vores_parse("what's on this weekend", "2026-06-14T15:30:00+02:00");
    assert_eq!(sunday["from"], "2026-06-14T15:30:00+02:00");
    assert_eq!(sunday["to"], "2026-06-15T00:00:00+02:00");

    assert_eq!(
        vores_parse("Historie: Vi plantede 40 træer", WEDNESDAY)["kind"],
        "story"
    );
    assert_eq!(vores_parse("/hjælp", WEDNESDAY)["kind"], "command");
    assert_eq!(vores_parse("Tak for i dag!", WEDNESDAY)["kind"], "unknown");
    assert_eq!(event["doubts"], serde_json::json!([]));

    // The date as written, never replaced by the weekday; the doubt listed.
    let lucia = vores_parse("Sankt Lucia optog lørdag d 13 dec kl 17", MONDAY_30_NOV);
    assert_eq!(lucia["start"], "2026-12-13T17:00:00+01:00");
    assert_eq!(lucia["doubts"], serde_json::json!(["weekday_mismatch"]));
    assert_eq!(lucia["written_weekday"], "saturday");
    let passed = vores_parse(
        "Juletræstænding på torvet søndag d. 29/11 kl. 16:30",
        MONDAY_30_NOV,
    );
    assert_eq!(passed["start"], "2026-11-29T16:30:00+01:00");
    assert_eq!(passed["doubts"], serde_json::json!(["date_passed"]));
}

/// Monday 30 November 2026, 10:00 in Copenhagen (the residents' trial).
const MONDAY_30_NOV: &str = "2026-11-30T10:00:00+01:00";

#[test]
fn a_date_in_doubt_is_asked_about_and_never_saved_silently() {
    let town = Town::new();
    let say = |line: &str| town.chat("mette", &[], &[line], MONDAY_30_NOV);

    // The weekday disagrees with the date: a question, nothing saved as sure.
    let lucia = say("Sankt Lucia optog i Ishøj Kirke lørdag d 13 dec kl 17");
    assert_has(
        &lucia,
        &[
            "#1",
            "13. december er en søndag, ikke en lørdag",
            "Mente du søndag 13. december?",
            "»ja«",
            "lørdag 12. december",
        ],
    );
    assert_lacks(&lucia, &["Tak! Jeg har gemt"]);
    assert_lacks(&say("hvad sker der i december?"), &["Sankt Lucia"]);
    let yes = say("ja");
    assert_has(
        &yes,
        &["#1", "søndag 13. december 2026", "kl. 17.00", "Ishøj Kirke"],
    );

    // A day name answers with that day nearest the written date.
    say("julebanko i hallen lørdag d 13 dec kl 19");
    let saturday = say("lørdag");
    assert_has(&saturday, &["#2", "lørdag 12. december 2026", "kl. 19.00"]);

    // A date that passed yesterday is an old post or a typo, not next year.
    let passed = say("Juletræstænding på torvet søndag d. 29/11 kl. 16:30");
    assert_has(
        &passed,
        &[
            "#3",
            "søndag 29. november er allerede gået",
            "søndag 6. december",
        ],
    );
    assert_lacks(&passed, &["2027"]);
    let still = say("ja");
    assert_has(&still, &["allerede gået", "#3"]);
    let fixed = say("søndag d. 6/12");
    assert_has(&fixed, &["#3", "søndag 6. december 2026", "kl. 16.30"]);

    // English, a year ahead: the year is named, "no" asks for the right day.
    let litter = town.chat(
        "sam",
        &[],
        &["Litter pick at Ishøj Strand on Sunday 14 June at 10am"],
        MONDAY_30_NOV,
    );
    assert_has(
        &litter,
        &[
            "#4",
            "14 June 2027 is a Monday, not a Sunday",
            "Did you mean Monday 14 June 2027?",
            "Sunday 13 June 2027",
        ],
    );
    let no = town.chat("sam", &[], &["no"], MONDAY_30_NOV);
    assert_has(&no, &["Which day", "#4"]);
    let right = town.chat("sam", &[], &["Sunday 13 June"], MONDAY_30_NOV);
    assert_has(
        &right,
        &["#4", "Sunday 13 June 2027", "10:00", "Ishøj Strand"],
    );
    // `/mine` answers in the channel's language and names the year.
    let mine = town.chat("sam", &[], &["/mine"], MONDAY_30_NOV);
    assert_has(&mine, &["søndag 13. juni 2027"]);
}

#[test]
fn operator_errors_say_what_to_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("vores.toml");
    std::fs::write(&bad, "timezone = \"Europe/Kobenhavn\"\n").expect("write config");
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args([
            "--config",
            bad.to_str().expect("utf-8 path"),
            "parse",
            "hej",
        ])
        .output()
        .expect("vores runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`timezone`") && stderr.contains("Europe/Copenhagen"),
        "{stderr}"
    );

    let mut mysql = Command::new(env!("CARGO_BIN_EXE_vores"));
    mysql.args(["--database", "mysql://x/y", "console"]);
    common::fails_saying(mysql, &["sqlite://", "postgres://"]);

    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args(["--now", "tomorrow", "parse", "hej"])
        .output()
        .expect("vores runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2026-06-10T10:00:00+02:00"));
}

#[test]
fn the_example_config_runs_the_console() {
    let town = Town::new();
    let config = concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/vores.example.toml");
    // The file gives "console-en" English: a message with no language clue
    // is answered in English there, and in Danish in the default channel.
    let english = town.chat(
        "sam",
        &["--channel", "console-en", "--config", config],
        &["asdf qwerty"],
        WEDNESDAY,
    );
    assert!(english.contains("I didn't quite get that"), "{english}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args([
            "--config",
            config,
            "--database",
            &town.url(),
            "--now",
            WEDNESDAY,
            "run",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vores starts");
    {
        let mut stdin = child.stdin.take().expect("stdin");
        writeln!(stdin, "/hjælp").expect("write");
    }
    let out = child.wait_with_output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Hej!"));
}

#[test]
fn a_regular_activity_is_one_submission_on_every_week() {
    let town = Town::new();
    let monday = MONDAY_30_NOV;
    let week_later = "2026-12-07T09:00:00+01:00";
    let two_weeks_later = "2026-12-14T09:00:00+01:00";
    let in_january = "2027-01-25T09:00:00+01:00";
    let ask = |now: &str| town.chat("ahmed", &[], &["hvad sker der på torsdag?"], now);

    let saved = town.chat(
        "mette",
        &[],
        &["fællesspisning i Medborgerhuset hver torsdag kl 18, pris 40 kr"],
        monday,
    );
    assert_has(
        &saved,
        &[
            "#1",
            "Fællesspisning",
            "hver torsdag",
            "torsdag 3. december, torsdag 10. december, torsdag 17. december",
            "Medborgerhuset",
            "kl. 18.00",
        ],
    );
    // Not shown to others before an admin approves the series, once.
    assert_lacks(&ask(monday), &["Fællesspisning"]);
    let approved = town.chat("koordinator", &["--admin"], &["/godkend #1"], monday);
    assert_has(&approved, &["#1"]);

    for (now, day) in [
        (monday, "Torsdag 3. december"),
        (week_later, "Torsdag 10. december"),
        (in_january, "Torsdag 28. januar"),
    ] {
        assert_has(&ask(now), &["Fællesspisning", day, "(#1)"]);
    }

    // Asked by topic and by place, in words as residents ask.
    let when = town.chat("ahmed", &[], &["hvornår er der fællesspisning?"], monday);
    assert_has(
        &when,
        &[
            "med »fællesspisning«",
            "Torsdag 3. december",
            "Torsdag 10. december",
        ],
    );
    let place = town.chat("ahmed", &[], &["hvad sker der i medborgerhuset?"], monday);
    assert_has(&place, &["i medborgerhuset", "Fællesspisning"]);
    let nothing = town.chat("ahmed", &[], &["hvornår er der banko?"], monday);
    assert_has(&nothing, &["Jeg kender ikke til noget med »banko«"]);
    let english = town.chat("sam", &[], &["when is the next community dinner?"], monday);
    assert_has(
        &english,
        &["I don't know of anything with “community dinner”"],
    );

    // One evening off; the others stand.
    let cancelled = town.chat("mette", &[], &["/aflys #1 10. december"], monday);
    assert_has(&cancelled, &["Aflyst", "torsdag 10. december", "#1"]);
    assert_lacks(&ask(week_later), &["Fællesspisning"]);
    assert_has(
        &ask(two_weeks_later),
        &["Fællesspisning", "Torsdag 17. december"],
    );
    let not_that_day = town.chat("mette", &[], &["/aflys #1 11. december"], monday);
    assert_has(&not_that_day, &["finder ikke sted"]);
    let refused = town.chat("ahmed", &[], &["/aflys #1 17. december"], monday);
    assert_lacks(&refused, &["Aflyst"]);
    // One evening moved to the Friday, later; the Thursday is free.
    let moved = town.chat(
        "mette",
        &[],
        &["/flyt #1 17. december til 18. december kl 19"],
        monday,
    );
    assert_has(
        &moved,
        &[
            "Flyttet",
            "torsdag 17. december",
            "fredag 18. december kl. 19.00",
        ],
    );
    let friday = town.chat("ahmed", &[], &["hvad sker der på fredag?"], two_weeks_later);
    assert_has(
        &friday,
        &["Fredag 18. december", "kl. 19.00 Fællesspisning"],
    );
    assert_lacks(&ask(two_weeks_later), &["Fællesspisning"]);

    // The digest of the week with the evening off says so.
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args(["--database", &town.url(), "--now", week_later])
        .args(["digest", "--preview"])
        .env_remove("VORES_CONFIG")
        .env_remove("VORES_DATABASE_URL")
        .output()
        .expect("vores runs");
    assert_has(
        &String::from_utf8_lossy(&out.stdout),
        &["Fællesspisning", "aflyst torsdag 10. december"],
    );

    // The weekly digest names the activity once, by its rule.
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args(["--database", &town.url(), "--now", two_weeks_later])
        .args(["digest", "--preview"])
        .env_remove("VORES_CONFIG")
        .env_remove("VORES_DATABASE_URL")
        .output()
        .expect("vores runs");
    let digest = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_has(
        &digest,
        &[
            "Hver torsdag kl. 18.00: Fællesspisning, Medborgerhuset",
            "flyttet fra torsdag 17. december til fredag 18. december kl. 19.00",
        ],
    );
    assert_eq!(digest.matches("Fællesspisning").count(), 1, "{digest}");

    let json = vores_parse("fællesspisning hver torsdag kl 18 i Medborgerhuset", monday);
    assert_eq!(json["repeat"], "FREQ=WEEKLY;BYDAY=TH");
    assert_eq!(json["start"], "2026-12-03T18:00:00+01:00");
}

#[test]
fn organisers_are_asked_whether_a_regular_activity_still_happens() {
    let town = Town::new();
    let monday = MONDAY_30_NOV;
    let saved = town.chat(
        "mette",
        &[],
        &["strikkecafé på biblioteket hver tirsdag kl 14-16"],
        monday,
    );
    assert_has(&saved, &["#1", "hver tirsdag"]);
    town.chat("koordinator", &["--admin"], &["/godkend #1"], monday);

    // One day off, said in words; an end given with /ret.
    let off = town.chat("mette", &[], &["strikkecafé er aflyst på tirsdag"], monday);
    assert_has(&off, &["Aflyst", "tirsdag 1. december", "#1"]);
    let unknown = town.chat("mette", &[], &["banko er aflyst på lørdag"], monday);
    assert_has(&unknown, &["Jeg kan ikke finde en aktivitet »banko«"]);

    // Three weeks on nobody is asked; at four weeks the organiser is, once,
    // and only mette's own session shows the question: ahmed's session
    // noticed it was due, but it is not his to read.
    let early = town.chat("mette", &[], &["/mine"], "2026-12-21T10:00:00+01:00");
    assert_lacks(&early, &["[privat til mette]"]);
    let due = "2026-12-28T10:00:00+01:00";
    let passing = town.chat("ahmed", &[], &["hej"], due);
    assert_lacks(&passing, &["[privat til mette]", "Strikkecafé"]);
    let asked = town.chat("mette", &[], &["/mine"], due);
    assert_has(
        &asked,
        &[
            "[privat til mette]",
            "Sker »Strikkecafé« (#1, hver tirsdag) stadig?",
        ],
    );
    assert_lacks(
        &town.chat("mette", &[], &["/mine"], due),
        &["[privat til mette]"],
    );

    // "ja" keeps it; four weeks later the question comes again.
    let yes = town.chat("mette", &[], &["ja"], due);
    assert_has(&yes, &["bliver stående i kalenderen"]);
    let later = "2027-01-26T10:00:00+01:00";
    let next_week = town.chat("ahmed", &[], &["hvad sker der næste tirsdag?"], later);
    assert_has(&next_week, &["Strikkecafé", "(#1)"]);
    assert_lacks(&next_week, &["[privat til mette]"]);
    // "nej" ends it after today; what has been stays in /mine.
    let no = town.chat("mette", &[], &["nej"], later);
    assert_has(
        &no,
        &["[privat til mette]", "er stoppet efter tirsdag 26. januar"],
    );
    assert_lacks(
        &town.chat("ahmed", &[], &["hvad sker der næste tirsdag?"], later),
        &["Strikkecafé"],
    );
    assert_has(
        &town.chat("mette", &[], &["/mine"], later),
        &["#1 Strikkecafé"],
    );

    // Nobody answers: after two weeks the admins are told, once.
    town.chat(
        "ali",
        &[],
        &["fællesspisning i medborgerhuset hver torsdag kl 18"],
        monday,
    );
    town.chat("koordinator", &["--admin"], &["/godkend #2"], monday);
    let passing = town.chat("ahmed", &[], &["hej"], due);
    assert_lacks(&passing, &["[privat til ali]"]);
    let asked = town.chat("ali", &[], &["/mine"], due);
    assert_has(&asked, &["[privat til ali]", "Fællesspisning"]);
    let told = town.chat("ahmed", &[], &["hej"], "2027-01-12T10:00:00+01:00");
    assert_has(
        &told,
        &["Til gruppens administratorer: ali har ikke svaret", "#2"],
    );
    let once = town.chat("ahmed", &[], &["hej"], "2027-01-13T10:00:00+01:00");
    assert_lacks(&once, &["Til gruppens administratorer"]);
    // It stays in the calendar: nothing is deleted silently.
    assert_has(
        &town.chat(
            "ahmed",
            &[],
            &["hvad sker der på torsdag?"],
            "2027-01-13T10:00:00+01:00",
        ),
        &["Fællesspisning"],
    );

    // `/ret #N indtil …` gives an activity an end.
    let ended = town.chat(
        "ali",
        &[],
        &["/ret #2 indtil 28. januar"],
        "2027-01-13T10:00:00+01:00",
    );
    assert_has(&ended, &["Rettet!", "hver torsdag indtil 28. januar"]);
}

/// `vores console` as mette on Wednesday, on `url`, with every stream piped.
fn spawn_console(url: &str, dir: &std::path::Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_vores"))
        .args(["--database", url, "--now", WEDNESDAY, "console"])
        .args(["--user", "mette"])
        .env_remove("VORES_DATABASE_URL")
        .env_remove("VORES_CONFIG")
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vores starts")
}

/// Runs `vores console` with raw bytes on standard input (not necessarily
/// UTF-8) and returns what it printed.
fn console_bytes(town: &Town, input: &[u8]) -> String {
    let mut child = spawn_console(&town.url(), town._dir.path());
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(input)
        .expect("write input");
    let out = child.wait_with_output().expect("vores runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the bot only ever writes UTF-8")
}

#[test]
fn hostile_bytes_never_reach_other_screens_and_never_end_the_session() {
    let town = Town::new();
    let mut input = Vec::new();
    // A Latin-1 paste: two bytes that are not UTF-8.
    input.extend_from_slice(b"hej \xff\xfe\n");
    // Terminal escapes: clear the screen, set the window title, ring.
    input.extend_from_slice(
        "Byttemarked\u{1b}[2J\u{1b}]0;pwned\u{7} i Glashuset lørdag kl. 10-14\n".as_bytes(),
    );
    // A NUL byte (SQLite would keep it, PostgreSQL refuse it).
    input.extend_from_slice("Loppemarked\0 i hallen søndag kl 10-13\n".as_bytes());
    // A right-to-left override that would reverse the rest of every line
    // the title appears in.
    input.extend_from_slice("\u{202E}Sommerfest\u{202C} fredag kl 18 i klubben\n".as_bytes());
    input.extend_from_slice(b"/mine\n");
    let out = console_bytes(&town, &input);
    for hostile in ['\u{1b}', '\u{7}', '\0', '\u{202E}', '\u{202C}'] {
        assert!(!out.contains(hostile), "{hostile:?} in:\n{out}");
    }
    assert_has(
        &out,
        &[
            "Hej!",
            "#1",
            "Glashuset",
            "#2",
            "Loppemarked",
            "#3",
            "Sommerfest",
            "Dine indsendelser",
        ],
    );
    // Stored clean as well: a later session reads the same titles.
    let mine = town.say("/mine");
    assert_has(&mine, &["#2 Loppemarked", "#3 Sommerfest"]);
    assert_lacks(&mine, &["\0", "\u{1b}"]);
}

#[test]
fn a_closed_standard_output_is_not_a_crash() {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args([
            "--now",
            WEDNESDAY,
            "parse",
            "--json",
            "Byttemarked lørdag kl 10",
        ])
        .env_remove("VORES_CONFIG")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("vores runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
#[cfg(unix)]
fn the_database_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let town = Town::new();
    town.say("Byttemarked i Glashuset lørdag kl. 10-14");
    let mode = std::fs::metadata(&town.db)
        .expect("db")
        .permissions()
        .mode();
    assert_eq!(mode & 0o077, 0, "vores.db is {mode:o}");
}

#[test]
fn far_dates_are_asked_about_and_impossible_years_are_not_saved() {
    let town = Town::new();
    let asked = town.say("sommerfest d. 5/6/2031 kl 14 i parken");
    assert_has(&asked, &["langt ude i fremtiden", "#1"]);
    assert_lacks(&asked, &["Tak! Jeg har gemt"]);
    let kept = town.say("ja");
    assert_has(&kept, &["2031"]);
    let impossible = town.say("nytårsfest 31/12/9999 kl 20");
    assert_lacks(&impossible, &["9999"]);
    assert_has(&impossible, &["Den dato findes ikke"]);
}

/// Makes a file immutable (even for root, which ignores permission bits) for
/// as long as the guard lives; `None` where the file system has no such
/// attribute, and the test then says so and checks nothing.
struct Immutable(PathBuf);

impl Immutable {
    fn set(path: &std::path::Path) -> Option<Immutable> {
        let done = Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        if !done {
            eprintln!("chattr +i is not available here; the read-only database is not tested");
        }
        done.then(|| Immutable(path.to_path_buf()))
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

#[test]
fn a_read_only_database_is_refused_at_start_and_named() {
    let town = Town::new();
    town.say("/mine");
    let Some(_guard) = Immutable::set(&town.db) else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args(["--database", &town.url(), "console"])
        .env_remove("VORES_DATABASE_URL")
        .env_remove("VORES_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("vores runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert_has(
        &stderr,
        &[&town.db.display().to_string(), "not writable", "chmod"],
    );

    let missing = town._dir.path().join("no-such-dir/vores.db");
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args([
            "--database",
            &format!("sqlite://{}", missing.display()),
            "console",
        ])
        .env_remove("VORES_DATABASE_URL")
        .env_remove("VORES_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("vores runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert_has(&stderr, &["no-such-dir", "does not exist", "mkdir -p"]);
}

/// A small tmpfs mounted for the life of the guard, to fill up; `None`
/// where mounting is not allowed, and the test then says so.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(at: &std::path::Path) -> Option<SmallDisk> {
        std::fs::create_dir_all(at).expect("mount point");
        let done = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=4m,mode=0700", "vores-test"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !done {
            eprintln!("cannot mount a tmpfs here; the full disk is not tested");
        }
        done.then(|| SmallDisk(at.to_path_buf()))
    }

    /// Writes a file until the disk is full.
    fn fill(&self) {
        let mut filler = std::fs::File::create(self.0.join("filler")).expect("filler");
        let block = vec![0u8; 64 * 1024];
        while filler.write_all(&block).is_ok() {}
        let _ = filler.sync_all();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_mid_run_gets_residents_an_answer_and_one_log_line() {
    use std::io::{BufRead, BufReader};
    let town = Town::new();
    let Some(disk) = SmallDisk::mount(&town._dir.path().join("disk")) else {
        return;
    };
    let url = format!("sqlite://{}", disk.0.join("vores.db").display());
    let mut child = spawn_console(&url, town._dir.path());
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    writeln!(stdin, "Byttemarked i Glashuset lørdag kl. 10-14").expect("write");
    let mut line = String::new();
    while !line.contains("/slet #1") {
        line.clear();
        assert!(stdout.read_line(&mut line).expect("read") > 0, "no reply");
    }
    disk.fill();
    for n in 0..5 {
        writeln!(stdin, "Loppemarked nummer {n} i hallen søndag kl 10-13").expect("write");
    }
    drop(stdin);
    let out = child.wait_with_output().expect("vores stops");
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).expect("read");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        rest.matches("Beklager").count(),
        5,
        "every resident is told, plainly:\n{rest}\nlog:\n{stderr}"
    );
    let alarms = stderr.matches("the database fails").count();
    assert_eq!(
        alarms, 1,
        "one log line per spell, not per attempt:\n{stderr}"
    );
    assert!(
        stderr.lines().count() < 20,
        "a full disk must not flood the log:\n{stderr}"
    );
}

/// A town whose school holidays differ from the usual pattern lists them;
/// questions about them then mean the town's own days.
#[test]
fn a_towns_own_school_holidays_are_what_questions_mean() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Not ./vores.toml, which would be read without --config too.
    let config = dir.path().join("town.toml");
    std::fs::write(
        &config,
        "[school_holidays]\nautumn = [\"2026-10-17..2026-10-25\"]\n",
    )
    .expect("config");
    let parse = |config: Option<&std::path::Path>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
        if let Some(path) = config {
            cmd.args(["--config", path.to_str().expect("utf-8")]);
        }
        let out = cmd
            .args(["--now", "2026-10-01T10:00:00+02:00", "parse", "--json"])
            .arg("er der noget for børn i efterårsferien?")
            .env_remove("VORES_CONFIG")
            .current_dir(dir.path())
            .output()
            .expect("vores runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<Value>(&out.stdout).expect("json")
    };
    let town = parse(Some(&config));
    assert_eq!(town["window"], "autumn_holiday");
    assert_eq!(town["from"], "2026-10-17T00:00:00+02:00");
    assert_eq!(town["to"], "2026-10-26T00:00:00+01:00");
    // Without the list: week 42 with its weekends.
    let pattern = parse(None);
    assert_eq!(pattern["from"], "2026-10-10T00:00:00+02:00");

    std::fs::write(
        &config,
        "[school_holidays]\nautumn = [\"2026-10-25..2026-10-17\"]\n",
    )
    .expect("config");
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args(["--config", config.to_str().expect("utf-8"), "parse", "hej"])
        .output()
        .expect("vores runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_has(
        &stderr,
        &["school_holidays.autumn[0]", "ends before it starts"],
    );
}

/// Two events at the same time a few minutes' walk apart compete for the
/// same people: with the town's places in the config, the second organiser
/// hears of the first ("lige i nærheden"), not of events across town.
#[test]
fn a_clash_just_nearby_is_named_when_the_town_knows_its_places() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("town.toml");
    std::fs::write(
        &config,
        r#"
approval = "never"

[[places]]
name = "Ishøj Bibliotek"
aliases = ["biblioteket"]
lat = 55.6155
lon = 12.3560

[[places]]
name = "Ishøj Bycenter"
aliases = ["bycentret"]
lat = 55.6150
lon = 12.3580

[[places]]
name = "Ishøj Strand"
aliases = ["stranden"]
lat = 55.6000
lon = 12.3700
"#,
    )
    .expect("config");
    let db = dir.path().join("vores.db");
    let say = |user: &str, line: &str| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
        cmd.args(["--config", config.to_str().expect("utf-8")])
            .args(["--database", &format!("sqlite://{}", db.display())])
            .args(["--now", WEDNESDAY, "console", "--user", user])
            .env_remove("VORES_DATABASE_URL")
            .current_dir(dir.path());
        run_with_input(cmd, &[line])
    };
    say("mette", "Lektiecafé på biblioteket lørdag kl. 10-12");
    let near = say("ali", "Loppemarked i bycentret lørdag kl 11-14");
    assert_has(&near, &["Lektiecafé", "lige i nærheden"]);
    let far = say("ahmed", "Strandrens ved stranden lørdag kl 10-12");
    assert_lacks(&far, &["lige i nærheden", "Lektiecafé"]);
}

/// A small town in three terminals: two residents and an admin, each a
/// `vores console` of their own on one database, as the README's demo is
/// meant to be tried. Every notice shows in the session of the person it is
/// for, and nowhere else.
#[test]
fn each_person_sees_their_own_notices_and_nobody_elses() {
    let town = Town::new();
    let ali = town.chat(
        "ali",
        &[],
        &["hej 😊 byttemarked i glashuset lør kl 10-14, gratis"],
        WEDNESDAY,
    );
    assert_has(&ali, &["#1", "når en administrator har godkendt den"]);
    let sara = town.chat("sara", &[], &["loppemarked søndag kl 9-13"], WEDNESDAY);
    assert_has(&sara, &["#2"]);

    let admin = town.chat(
        "koordinator",
        &["--admin"],
        &[
            "/afventer",
            "/godkend #1",
            "/afvis #2 skriv gerne hvor det er",
        ],
        WEDNESDAY,
    );
    assert_has(
        &admin,
        &[
            "Godkend med »/godkend #1«",
            "#1 er godkendt",
            "#2 er afvist",
        ],
    );
    // The decisions are for ali and sara, not for the admin's screen.
    assert_lacks(&admin, &["Godt nyt", "blev ikke godkendt", "[privat"]);

    let ali = town.chat("ali", &[], &["/mine"], WEDNESDAY);
    assert_has(
        &ali,
        &["Godt nyt! Din begivenhed »Byttemarked« (#1) er godkendt"],
    );
    assert_lacks(&ali, &["Loppemarked", "skriv gerne hvor det er"]);
    let sara = town.chat("sara", &[], &["/mine"], WEDNESDAY);
    assert_has(&sara, &["»Loppemarked« (#2)", "skriv gerne hvor det er"]);
    assert_lacks(&sara, &["Godt nyt"]);
    // Told once: the next session is quiet about it.
    assert_lacks(&town.chat("ali", &[], &["/mine"], WEDNESDAY), &["Godt nyt"]);

    // The admin's decisions are in the group's log, never as strikes.
    let log = town.chat("koordinator", &["--admin"], &["/log"], WEDNESDAY);
    assert_has(
        &log,
        &[
            "koordinator",
            "#1 Byttemarked») – godkendt",
            "#2 Loppemarked",
            "– afvist",
        ],
    );
    assert_lacks(&log, &["approved", "rejected", "decision"]);
    assert_lacks(&log, &["Loggen er tom"]);
    assert_has(
        &town.chat("koordinator", &["--admin"], &["/ophæv M1"], WEDNESDAY),
        &["Skriv »/ophæv« og nummeret fra loggen"],
    );
}

/// Twenty ordinary lines piped into one private session, as fast as a pipe
/// goes: every one answered, none taken for flooding or repeating.
#[test]
fn a_piped_session_of_twenty_lines_is_not_flooding() {
    let town = Town::new();
    let lines = [
        "hej",
        "hvad sker der i weekenden?",
        "byttemarked i glashuset lør kl 10-14",
        "/mine",
        "hvad sker der på lørdag",
        "strikkecafé på biblioteket hver tirsdag kl 14-16",
        "/mine",
        "hvad sker der i weekenden?",
        "hvad sker der i weekenden?",
        "tak!",
        "/hjælp",
        "what's on this weekend",
        "fællesspisning i medborgerhuset fre kl 18, pris 40 kr",
        "/ret #1 søndag kl. 11",
        "hvad sker der på søndag?",
        "/regler",
        "er der noget for børn?",
        "/mine",
        "hej igen",
        "hvad sker der i morgen?",
    ];
    let out = town.chat("mette", &[], &lines, WEDNESDAY);
    assert!(
        out.matches("\n\n").count() >= lines.len(),
        "every line gets an answer:\n{out}"
    );
    assert_has(&out, &["#1", "#2", "#3", "Rettet!"]);
    assert_lacks(
        &out,
        &["Jeg har ikke gemt din besked", "advarsel", "mange beskeder"],
    );
    let log = town.chat("koordinator", &["--admin"], &["/log"], WEDNESDAY);
    assert_has(&log, &["Loggen er tom"]);
}

/// The demo on a terminal: who you are and whether you are an admin is said
/// at the start, and log lines go to vores.log, never between the answers.
/// `script` (util-linux, in every Debian) gives the session a terminal.
#[test]
fn a_terminal_session_says_who_you_are_and_keeps_log_lines_out_of_the_chat() {
    let town = Town::new();
    town.chat(
        "ali",
        &[],
        &["byttemarked i glashuset lør kl 10-14"],
        WEDNESDAY,
    );
    let dir = town.db.parent().expect("town dir").to_path_buf();
    let command = format!(
        "{} --database {} --now {WEDNESDAY} console --admin",
        env!("CARGO_BIN_EXE_vores"),
        town.url()
    );
    let mut child = Command::new("script")
        .args(["-qfec", &command, "/dev/null"])
        .current_dir(&dir)
        // INFO lines ("approved") must exist to be kept out of the chat.
        .env("VORES_LOG", "info")
        .env_remove("VORES_DATABASE_URL")
        .env_remove("VORES_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script (util-linux) runs");
    let mut stdin = child.stdin.take().expect("stdin");
    // Typed, not pasted: a terminal session reads a line at a time.
    for line in ["/godkend #1", "/log"] {
        std::thread::sleep(std::time::Duration::from_millis(1500));
        writeln!(stdin, "{line}").expect("type");
    }
    std::thread::sleep(std::time::Duration::from_millis(1500));
    stdin.write_all(b"\x04").expect("Ctrl-D");
    drop(stdin);
    let out = child.wait_with_output().expect("script ends");
    let screen = String::from_utf8_lossy(&out.stdout);
    assert_has(
        &screen,
        &[
            "du er admin (administrator)",
            "#1 er godkendt",
            "afgørelse",
            "godkendt",
        ],
    );
    assert_lacks(&screen, &["INFO", "WARN", "vores_bot"]);
    let log = std::fs::read_to_string(dir.join("vores.log")).expect("vores.log written");
    assert_has(&log, &["INFO", "approved"]);
}

#[test]
fn a_digest_for_a_channel_that_does_not_exist_is_an_error() {
    let town = Town::new();
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args(["--database", &town.url(), "--now", WEDNESDAY])
        .args(["digest", "--preview", "--channel", "nonexistent"])
        .env_remove("VORES_DATABASE_URL")
        .env_remove("VORES_CONFIG")
        .current_dir(town.db.parent().expect("dir"))
        .output()
        .expect("vores runs");
    assert!(!out.status.success(), "an unknown channel must fail");
    assert!(out.stdout.is_empty(), "no digest printed");
    assert_has(
        &String::from_utf8_lossy(&out.stderr),
        &[
            "no channel named \"nonexistent\"",
            "the channels are: konsol",
        ],
    );
}

/// SQLite serves one bot process: a second `vores run` on the same file is
/// refused with who has it (two would answer and post everything twice),
/// console sessions still work beside it, and the lock goes with the
/// process that held it — even when it is killed.
#[test]
fn a_second_bot_on_the_same_sqlite_file_is_refused() {
    let town = Town::new();
    let dir = town.db.parent().expect("dir").to_path_buf();
    let run = || {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
        cmd.args(["--database", &town.url(), "--now", WEDNESDAY, "run"])
            .env_remove("VORES_DATABASE_URL")
            .env_remove("VORES_CONFIG")
            .current_dir(&dir);
        cmd
    };
    // The first bot keeps running: its console input stays open.
    let mut first = run()
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("vores run starts");
    let lock = dir.join("vores.db.run-lock");
    let holder = format!("process {}", first.id());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::fs::read_to_string(&lock).unwrap_or_default() != holder {
        assert!(
            std::time::Instant::now() < deadline,
            "the first bot never took the lock"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }

    let second = run().stdin(Stdio::null()).output().expect("vores run");
    assert!(!second.status.success(), "a second bot must be refused");
    assert_has(
        &String::from_utf8_lossy(&second.stderr),
        &[
            "already served by another `vores run`",
            &holder,
            "stop the other one first",
        ],
    );
    assert_has(&town.say("hvad sker der i weekenden?"), &["weekenden"]);

    first.kill().expect("SIGKILL");
    first.wait().expect("reaped");
    let after = run().stdin(Stdio::null()).output().expect("vores run");
    assert!(
        after.status.success(),
        "the lock went with the killed bot: {}",
        String::from_utf8_lossy(&after.stderr)
    );
}

/// A place a resident adds goes through approval, is found by "hvor er …?"
/// (by name, as residents write it), and the next weekly digest lists it
/// under the new places.
#[test]
fn a_place_added_by_a_resident_is_in_the_digest() {
    let town = Town::new();
    let added = town.chat(
        "lone",
        &[],
        &["Nyt sted: legepladsen i Vejleåparken 55.6101, 12.3499 😊"],
        WEDNESDAY,
    );
    assert_has(&added, &["#1", "»Legepladsen i Vejleåparken«", "legeplads"]);
    let approved = town.chat("mette", &["--admin"], &["/godkend #1"], WEDNESDAY);
    assert_has(&approved, &["#1 er godkendt"]);
    let found = town.chat(
        "ahmed",
        &[],
        &["hvor er legepladsen i vejleåparken?"],
        WEDNESDAY,
    );
    assert_has(&found, &["openstreetmap.org/?mlat=55.61010&mlon=12.34990"]);
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args([
            "--database",
            &town.url(),
            "--now",
            "2026-06-15T09:00:00+02:00",
        ])
        .args(["digest", "--preview"])
        .env_remove("VORES_CONFIG")
        .env_remove("VORES_DATABASE_URL")
        .output()
        .expect("vores runs");
    let digest = String::from_utf8_lossy(&out.stdout);
    assert_has(
        &digest,
        &[
            "Nye steder på kortet:",
            "Legepladsen i Vejleåparken (legeplads)",
            "lone",
        ],
    );
}

/// `vores backup FILE`: a consistent copy of the SQLite database that opens
/// as the town's database; it never overwrites a file.
#[test]
fn a_backup_is_a_database_that_opens() {
    let town = Town::new();
    town.say("Byttemarked i Glashuset lørdag kl. 10-14");
    let backup = town._dir.path().join("backup.db");
    let run = |file: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_vores"))
            .args(["--database", &town.url(), "backup"])
            .arg(file)
            .env_remove("VORES_CONFIG")
            .env_remove("VORES_DATABASE_URL")
            .output()
            .expect("vores backup")
    };
    let out = run(&backup);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_has(
        &String::from_utf8_lossy(&out.stdout),
        &["Backup written to"],
    );
    let again = run(&backup);
    assert!(!again.status.success());
    assert_has(
        &String::from_utf8_lossy(&again.stderr),
        &["exists already", "new file name"],
    );
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
    cmd.args([
        "--database",
        &format!("sqlite://{}", backup.display()),
        "--now",
        WEDNESDAY,
    ])
    .args(["console", "--user", "mette"])
    .env_remove("VORES_CONFIG")
    .env_remove("VORES_DATABASE_URL")
    .current_dir(town._dir.path());
    let mine = run_with_input(cmd, &["/mine"]);
    assert_has(&mine, &["#1", "Byttemarked"]);
}

/// `vores run --only …` runs some of the enabled platforms (one process per
/// platform); a platform the config does not enable is refused by name.
#[test]
fn run_only_names_enabled_platforms() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args([
            "--database",
            &format!("sqlite://{}", dir.path().join("v.db").display()),
        ])
        .args(["run", "--only", "console,matrix"])
        .env_remove("VORES_CONFIG")
        .env_remove("VORES_DATABASE_URL")
        .current_dir(dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("vores run");
    assert!(!out.status.success());
    assert_has(
        &String::from_utf8_lossy(&out.stderr),
        &["--only matrix: matrix is not enabled in the config"],
    );
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args(["run", "--only", "irc"])
        .output()
        .expect("vores run");
    assert!(!out.status.success());
    assert_has(
        &String::from_utf8_lossy(&out.stderr),
        &["unknown platform \"irc\""],
    );
}

/// "ja" to "may we use a quote?" is not the quote: the bot asks for it; the
/// quote, not the "ja", goes into the story. "Nyt sted" starts a place only
/// before a colon: "Nyt sted for strikkeklubben: …" is an event.
#[test]
fn a_yes_is_not_a_quote_and_a_place_needs_its_colon() {
    let town = Town::new();
    let said = town.chat(
        "sara",
        &[],
        &[
            "Historie: vi malede tunnelen sammen",
            "spring over",
            "ja",
            "det var fedt at male sammen",
            "/mine",
        ],
        WEDNESDAY,
    );
    assert_has(&said, &["Skriv citatet", "Historie #1 er klar"]);
    let out = Command::new(env!("CARGO_BIN_EXE_vores"))
        .args(["--database", &town.url(), "export", "--format", "json"])
        .env_remove("VORES_CONFIG")
        .env_remove("VORES_DATABASE_URL")
        .output()
        .expect("vores export");
    let town_json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let body = town_json["tables"]["submissions"][0]["body"]
        .as_str()
        .unwrap_or("");
    assert!(body.contains("»det var fedt at male sammen«"), "{body}");
    assert!(!body.contains("»ja«"), "{body}");
    let json = vores_parse(
        "Nyt sted for strikkeklubben: torsdag kl 14 i biblioteket",
        WEDNESDAY,
    );
    assert_ne!(json["kind"], "place", "{json}");
    assert_eq!(
        vores_parse("nyt sted: Hundeskoven ved stranden", WEDNESDAY)["kind"],
        "place"
    );
}

/// Residents who read Turkish, Arabic or Ukrainian better than Danish: the
/// common question in their language is answered in it, the events' Danish
/// titles kept as written; `/sprog` makes every reply to that person come
/// in the chosen language, whatever they write in, until `/sprog fra`.
#[test]
fn residents_are_answered_in_their_own_language() {
    use vores_bot::lang::{Language, tr};
    let town = Town::new();
    town.say("Byttemarked i Glashuset lørdag kl. 10-14");
    town.say("Fællesspisning i Medborgerhuset søndag kl. 18");
    town.chat(
        "koordinator",
        &["--admin"],
        &["/godkend #1", "/godkend #2"],
        WEDNESDAY,
    );
    let weekend = |lang| {
        tr(
            lang,
            "whatson_heading",
            &[("window", &tr(lang, "window_weekend", &[]))],
        )
    };
    for (lang, question) in [
        (Language::Tr, "merhaba 🙂 bu hafta sonu ne var?"),
        (Language::Ar, "ماذا يحدث في عطلة نهاية الأسبوع؟"),
        (Language::Uk, "привіт, що буде на вихідних?"),
    ] {
        let answer = town.chat("ayse", &[], &[question], WEDNESDAY);
        assert_has(
            &answer,
            &[&weekend(lang), "Byttemarked", "Fællesspisning", "Glashuset"],
        );
        assert_lacks(&answer, &["Det sker", "What's on"]);
    }

    // Her own language, whatever she writes in.
    let chosen = town.chat("ayse", &[], &["/sprog ar"], WEDNESDAY);
    assert_has(
        &chosen,
        &[&tr(
            Language::Ar,
            "language_set",
            &[("language", "العربية")],
        )],
    );
    let danish_question = town.chat("ayse", &[], &["hvad sker der i weekenden?"], WEDNESDAY);
    assert_has(&danish_question, &[&weekend(Language::Ar), "Byttemarked"]);
    // Inside the Arabic lines the Danish title keeps its own direction.
    assert_has(&danish_question, &["\u{2068}Byttemarked\u{2069}"]);
    assert_lacks(&danish_question, &["Det sker"]);
    // Others are answered as before.
    assert_has(
        &town.say("hvad sker der i weekenden?"),
        &["Det sker i weekenden"],
    );
    let unknown = town.chat("ayse", &[], &["/sprog klingon"], WEDNESDAY);
    assert_has(&unknown, &["tr (Türkçe)", "uk (Українська)"]);
    let back = town.chat(
        "ayse",
        &[],
        &["/sprog fra", "hvad sker der i weekenden?"],
        WEDNESDAY,
    );
    assert_has(&back, &["Det sker i weekenden"]);
    // The choice is hers only, and kept across sessions until she undoes it.
    let english = town.chat(
        "sam",
        &[],
        &["/language en", "hvad sker der i weekenden?"],
        WEDNESDAY,
    );
    assert_has(&english, &["What's on this weekend", "Byttemarked"]);
    assert_has(
        &town.chat("sam", &[], &["hvad sker der i morgen?"], WEDNESDAY),
        &["I don't know of anything tomorrow yet"],
    );
}
