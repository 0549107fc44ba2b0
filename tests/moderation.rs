//! End to end for group admins: the approval queue, refusals of admin
//! commands, posting guidelines with the moderation log and appeals, `vores
//! check`, and the weekly digest with its exactly-once delivery — all through
//! the real `vores` binary, a SQLite file and console channels.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{assert_has, assert_lacks, run_with_input};
use std::time::Duration;

use serde_json::Value;

/// Wednesday 10 June 2026, 10:00 in Copenhagen.
const WEDNESDAY: &str = "2026-06-10T10:00:00+02:00";
/// Sunday 14 June 2026, 18:05: just after the default digest time.
const SUNDAY_EVENING: &str = "2026-06-14T18:05:00+02:00";

const CONFIG: &str = r#"
timezone = "Europe/Copenhagen"
language = "da"

[console]
channel = "torvet"

[[groups]]
name = "Vores Ishøj"
approval = "always"
announce_approved = true
admins = ["console:koordinator"]

[groups.rules]
banned_words = ["idiot", "perker"]
links = "allowlist"
link_allowlist = ["ishoj.dk"]
strikes_before_escalation = 3

[[channels]]
platform = "console"
id = "torvet"
name = "Torvet"
language = "da"
group = "Vores Ishøj"

[[channels]]
platform = "console"
id = "strand"
name = "Stranden"
language = "da"
group = "Vores Ishøj"

[[channels]]
platform = "console"
id = "english"
name = "Ishøj in English"
language = "en"
group = "Vores Ishøj"

[[channels]]
platform = "console"
id = "naboer"
name = "Naboerne"
language = "da"
group = "Vores Ishøj"
"#;

struct Town {
    dir: tempfile::TempDir,
}

impl Town {
    fn new() -> Town {
        Town::with_config(CONFIG)
    }

    fn with_config(config: &str) -> Town {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("vores.toml"), config).expect("write config");
        Town { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn command(&self, now: &str) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
        cmd.args([
            "--config",
            self.path("vores.toml").to_str().expect("utf-8 path"),
        ])
        .args([
            "--database",
            &format!("sqlite://{}", self.path("vores.db").display()),
        ])
        .args(["--now", now])
        .env_remove("VORES_DATABASE_URL")
        .env_remove("VORES_CONSOLE_SEND_DELAY_MS")
        .env("VORES_CONSOLE_TRANSCRIPTS", self.path("transcripts"))
        .current_dir(self.dir.path());
        cmd
    }

    /// Lines from `user` in `channel`; returns what the bot printed.
    fn chat_in(&self, channel: &str, user: &str, extra: &[&str], lines: &[&str]) -> String {
        let mut cmd = self.command(WEDNESDAY);
        cmd.args(["console", "--channel", channel, "--user", user])
            .args(extra);
        run_with_input(cmd, lines)
    }

    fn resident(&self, user: &str, line: &str) -> String {
        self.chat_in("torvet", user, &[], &[line])
    }

    fn admin(&self, line: &str) -> String {
        self.chat_in("torvet", "koordinator", &[], &[line])
    }

    fn run(&self, now: &str, args: &[&str]) -> (String, String) {
        let out = self.command(now).args(args).output().expect("vores runs");
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{stderr}\n{stdout}");
        (stdout, stderr)
    }

    fn transcript(&self, channel: &str) -> String {
        std::fs::read_to_string(self.path("transcripts").join(format!("{channel}.txt")))
            .unwrap_or_default()
    }
}

#[test]
fn a_submission_waits_for_an_admin_then_answers_and_reaches_the_digest() {
    let town = Town::new();
    let saved = town.resident("mette", "Byttemarked i Glashuset lørdag kl. 10-14");
    assert_has(&saved, &["#1", "når en administrator har godkendt den"]);

    // Others do not see it yet; the submitter sees it marked.
    assert_lacks(
        &town.resident("ahmed", "hvad sker der i weekenden?"),
        &["(#1)"],
    );
    assert_has(
        &town.resident("mette", "hvad sker der i weekenden?"),
        &["Byttemarked", "venter på godkendelse"],
    );
    let (preview, _) = town.run(WEDNESDAY, &["digest", "--preview", "--channel", "torvet"]);
    assert_lacks(&preview, &["(#1)"]);

    let refused = town.resident("ahmed", "/godkend #1");
    assert_has(&refused, &["kun gruppens administratorer", "/godkend"]);
    assert_lacks(
        &town.resident("ahmed", "hvad sker der i weekenden?"),
        &["(#1)"],
    );

    let queue = town.admin("/afventer");
    assert_has(&queue, &["#1", "Byttemarked", "mette"]);

    let approved = town.admin("/godkend #1");
    assert_has(&approved, &["#1 er godkendt", "mette"]);
    // The submitter is told, in her own session (not the admin's), where she
    // submitted; every channel gets the announcement.
    let notice = "Godt nyt! Din begivenhed »Byttemarked« (#1) er godkendt";
    assert_lacks(&approved, &[notice]);
    assert_has(&town.resident("mette", "/mine"), &[notice]);
    assert_lacks(&town.resident("mette", "/mine"), &[notice]);
    assert_has(&town.transcript("strand"), &["Ny begivenhed: Byttemarked"]);
    assert_has(
        &town.transcript("english"),
        &["New event: Byttemarked", "Saturday 13 June 2026"],
    );

    let answer = town.resident("ahmed", "hvad sker der i weekenden?");
    assert_has(&answer, &["Byttemarked", "Glashuset"]);
    assert_lacks(&answer, &["venter på godkendelse"]);
    let (preview, _) = town.run(WEDNESDAY, &["digest", "--preview", "--channel", "torvet"]);
    assert_has(
        &preview,
        &["Ugen i Vores Ishøj", "Byttemarked", "kl. 10.00–14.00"],
    );
    let (english, _) = town.run(WEDNESDAY, &["digest", "--preview", "--channel", "english"]);
    assert_has(
        &english,
        &["The week in Vores Ishøj", "Byttemarked", "10:00–14:00"],
    );
    assert_has(&town.admin("/afventer"), &["Der er intet, der venter"]);
}

#[test]
fn every_admin_command_is_refused_for_residents_and_logged() {
    let town = Town::new();
    town.resident("mette", "Byttemarked i Glashuset lørdag kl. 10-14");
    let commands = [
        "/afventer",
        "/pending",
        "/godkend #1",
        "/approve #1",
        "/afvis #1 nej",
        "/reject #1 no",
        "/log",
        "/ophæv M1",
        "/unstrike M1",
        "/mistro mette",
        "/distrust mette",
        "/stol mette",
        "/trust mette",
    ];
    for command in commands {
        let reply = town.resident("ahmed", command);
        assert!(
            reply.contains("kun gruppens administratorer")
                || reply.contains("Only the group's admins"),
            "{command}: {reply}"
        );
    }
    // Nothing changed, and every attempt is in the log.
    assert_has(&town.admin("/afventer"), &["#1", "Byttemarked"]);
    let log = town.admin("/log");
    assert_eq!(
        log.matches("kommando kun for administratorer").count(),
        commands.len().min(20),
        "{log}"
    );
    assert_has(&log, &["ahmed", "– afvist"]);
}

#[test]
fn a_rejection_reaches_the_submitter_with_the_reason_in_their_language_and_can_be_appealed() {
    let town = Town::new();
    town.chat_in(
        "english",
        "sam",
        &[],
        &["Litter pick at Ishøj Strand on Sunday 14 June at 10am"],
    );
    let rejected = town.admin("/afvis #1 mangler et mødested");
    assert_has(&rejected, &["#1 er afvist", "sam"]);
    assert_lacks(&rejected, &["was not approved"]);
    // Sam reads it in his own session, in English.
    let told = town.chat_in("english", "sam", &[], &["/mine"]);
    assert_has(
        &told,
        &[
            "was not approved",
            "Reason: mangler et mødested",
            "/appeal #1",
        ],
    );
    assert_has(&town.admin("/afvis #1"), &["begrundelse"]);

    let appeal = town.chat_in(
        "english",
        "sam",
        &[],
        &["/appeal #1 we meet at the parking lot"],
    );
    assert_has(&appeal, &["waiting for approval again"]);
    assert_has(
        &town.admin("/afventer"),
        &["#1", "Litter pick", "we meet at the parking lot"],
    );
}

#[test]
fn admins_can_edit_before_approving() {
    let town = Town::new();
    town.resident("mette", "Byttemarked i Glashuset lørdag kl. 10-14");
    let edited = town.admin("/ret #1 søndag kl. 11-15");
    assert_has(&edited, &["søndag 14. juni 2026", "kl. 11.00–15.00"]);
    // Still waiting: an admin's edit is not an approval.
    assert_has(&town.admin("/afventer"), &["#1"]);
    town.admin("/godkend #1");
    assert_has(
        &town.resident("ahmed", "hvad sker der på søndag?"),
        &["Byttemarked", "kl. 11.00–15.00"],
    );
}

#[test]
fn trusted_residents_skip_the_queue_until_trust_is_revoked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let town = Town { dir };
    let config = CONFIG.replace(
        "approval = \"always\"",
        "approval = \"trusted\"\ntrusted_after = 1",
    );
    std::fs::write(town.path("vores.toml"), config).expect("write config");
    town.resident("mette", "Byttemarked i Glashuset lørdag kl. 10-14");
    town.admin("/godkend #1");
    let second = town.resident("mette", "Loppemarked på Torvet søndag kl. 9-13");
    assert_lacks(&second, &["når en administrator har godkendt den"]);
    assert_has(
        &town.resident("ahmed", "hvad sker der på søndag?"),
        &["Loppemarked"],
    );
    assert_has(&town.admin("/mistro mette"), &["mette"]);
    let third = town.resident("mette", "Fællesspisning i Medborgerhuset fredag kl. 18");
    assert_has(&third, &["når en administrator har godkendt den"]);
}

#[test]
fn guidelines_note_privately_log_escalate_and_can_be_appealed() {
    let town = Town::new();
    let group = ["--group-chat"];
    // Ordinary talk passes silently.
    let quiet = town.chat_in(
        "torvet",
        "ali",
        &group,
        &["Hej alle, kommer I til byttemarkedet på lørdag? 😊"],
    );
    assert_eq!(quiet.trim(), "", "{quiet}");

    let spam = town.chat_in(
        "torvet",
        "spammer",
        &group,
        &["FR33 M0NEY!! skriv til mig på whatsapp"],
    );
    assert_has(
        &spam,
        &["[privat til spammer]", "reklame eller spam", "/klage M1"],
    );
    // The console cannot delete, so the note does not claim it did, and the
    // admins are told instead of silence.
    assert_has(
        &spam,
        &[
            "Til administratorerne",
            "kan ikke slette",
            "ikke fjernet her",
        ],
    );
    assert_lacks(&spam, &["Derfor er den fjernet"]);

    let link = town.chat_in(
        "torvet",
        "spammer",
        &group,
        &["Se mere på http://bit.ly/xyz"],
    );
    assert_has(&link, &["links som", "bit.ly"]);
    let allowed = town.chat_in(
        "torvet",
        "ali",
        &group,
        &["Program: https://ishoj.dk/kultur"],
    );
    assert_eq!(allowed.trim(), "", "{allowed}");

    let third = town.chat_in("torvet", "spammer", &group, &["Du er en idiot"]);
    assert_has(
        &third,
        &[
            "ord, som gruppen ikke tillader",
            "Til administratorerne: spammer har fået 3 advarsler",
        ],
    );

    // In the admin's language, rule and action names included.
    let log = town.admin("/log");
    assert_has(
        &log,
        &[
            "M1",
            "reklame eller spam",
            "M2",
            "links",
            "forbudt ord",
            "for mange advarsler («3 advarsler») – administratorerne fik besked",
        ],
    );
    assert_lacks(
        &log,
        &["banned_word", "tell_admins", "escalation", "strikes"],
    );

    let appeal = town.chat_in(
        "torvet",
        "spammer",
        &group,
        &["/klage M2 det var et link til en forening"],
    );
    assert_has(&appeal, &["klage er sendt"]);
    assert_has(
        &town.admin("/afventer"),
        &["Klager", "M2", "det var et link til en forening"],
    );
    assert_has(&town.admin("/ophæv M2"), &["M2 er fortrudt"]);
    assert_has(&town.admin("/log"), &["fortrudt"]);

    // A submission that breaks a rule is coached, not stored.
    let coached = town.chat_in(
        "torvet",
        "spammer",
        &group,
        &["@vores Byttemarked lørdag kl 10 i Glashuset, gratis penge til alle"],
    );
    assert_has(&coached, &["Jeg har ikke gemt din besked", "reklame"]);
    assert_has(&town.resident("spammer", "/mine"), &["ikke indsendt noget"]);

    let rules = town.resident("ali", "/regler");
    assert_has(
        &rules,
        &[
            "Reglerne i Vores Ishøj",
            "Links er kun tilladt til: ishoj.dk",
        ],
    );
    let rules_en = town.chat_in("english", "sam", &[], &["/rules"]);
    assert_has(
        &rules_en,
        &[
            "The rules in Vores Ishøj",
            "Links are only allowed to: ishoj.dk",
        ],
    );
}

fn check(town: &Town, text: &str) -> Value {
    let (out, _) = town.run(WEDNESDAY, &["check", "--channel", "Torvet", "--json", text]);
    serde_json::from_str(out.trim()).expect("JSON")
}

#[test]
fn vores_check_explains_which_rules_a_message_breaks() {
    let town = Town::new();
    let spam = check(&town, "ＦＲＥＥ ＭＯＮＥＹ");
    assert_eq!(spam["ok"], false);
    assert_eq!(spam["rules"][0]["rule"], "spam");
    assert_eq!(spam["rules"][0]["action"], "delete");
    assert!(
        spam["rules"][0]["why"]
            .as_str()
            .expect("why")
            .contains("spam")
    );
    let fine = check(
        &town,
        "Byttemarked i Glashuset lørdag kl. 10-14. Entré 20 kr.",
    );
    assert_eq!(fine["ok"], true, "{fine}");
    assert_eq!(fine["rules"].as_array().expect("array").len(), 0);
    assert_eq!(
        check(&town, "Læs mere på https://example.com")["rules"][0]["rule"],
        "links"
    );
}

#[test]
fn an_empty_week_gets_a_friendly_digest() {
    let town = Town::new();
    let (preview, _) = town.run(SUNDAY_EVENING, &["digest", "--preview"]);
    assert_has(
        &preview,
        &[
            "Ugen i Vores Ishøj",
            "Der er ingen begivenheder i den kommende uge endnu",
            "Byttemarked",
        ],
    );
}

#[test]
fn send_now_posts_into_every_channel_once() {
    let town = Town::new();
    town.resident(
        "mette",
        "Historie: Ungdomsklubben malede tunnelen sammen med beboerne",
    );
    town.admin("/godkend #1");
    town.resident(
        "mette",
        "Byttemarked i Glashuset tirsdag d. 16. juni kl. 10-14",
    );
    town.admin("/godkend #2");
    // A new regular activity: the same title on two days ahead.
    town.admin("Strikkeklub på biblioteket onsdag d. 17. juni kl. 10-12");
    town.admin("Strikkeklub på biblioteket onsdag d. 24. juni kl. 10-12");
    let (stdout, stderr) = town.run(SUNDAY_EVENING, &["digest", "--send-now"]);
    assert_has(&stderr, &["queued for 4 channel(s)"]);
    assert_has(
        &stdout,
        &["[#strand]", "[#english]", "[#naboer]", "Ugen i Vores Ishøj"],
    );
    for channel in ["torvet", "strand", "naboer"] {
        let t = town.transcript(channel);
        assert_eq!(t.matches("Ugen i Vores Ishøj").count(), 1, "{channel}: {t}");
        assert_has(
            &t,
            &[
                "Nye faste aktiviteter",
                "Strikkeklub",
                "2 gange de næste 4 uger",
            ],
        );
        assert_has(
            &t,
            &[
                "Byttemarked",
                "Ungdomsklubben malede tunnelen",
                "Tak til koordinator og mette",
            ],
        );
    }
    assert_has(
        &town.transcript("english"),
        &["The week in Vores Ishøj", "Good stories this week"],
    );

    let (again_out, again_err) = town.run(SUNDAY_EVENING, &["digest", "--send-now"]);
    assert_has(&again_err, &["4 channel(s) already had the digest"]);
    assert_lacks(&again_out, &["Ugen i"]);
    assert_eq!(
        town.transcript("strand")
            .matches("Ugen i Vores Ishøj")
            .count(),
        1
    );
}

/// Kills `vores digest --send-now` with SIGKILL at many points while it
/// posts into four channels, restarts it each time, and checks that every
/// channel got the digest exactly once.
#[test]
fn a_digest_survives_being_killed_at_any_point() {
    let town = Town::new();
    town.resident(
        "mette",
        "Historie: Ungdomsklubben malede tunnelen sammen med beboerne",
    );
    town.admin("/godkend #1");
    for (i, day) in ["15. juni", "16. juni", "17. juni", "18. juni"]
        .iter()
        .enumerate()
    {
        town.resident(
            "mette",
            &format!("Aktivitet {i} i Glashuset {day} kl. 10-12"),
        );
        town.admin(&format!("/godkend #{}", i + 2));
    }
    let transcripts = town.path("transcripts");
    // Drop what approvals announced, so only digests are counted.
    std::fs::remove_dir_all(&transcripts).expect("clear transcripts");

    let mut kills = 0;
    for delay_ms in [30u64, 90, 160, 240, 330, 420, 520, 640] {
        let mut child = town
            .command(SUNDAY_EVENING)
            .env("VORES_CONSOLE_SEND_DELAY_MS", "100")
            .args(["digest", "--send-now"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("vores starts");
        std::thread::sleep(Duration::from_millis(delay_ms));
        if child.try_wait().expect("poll").is_none() {
            child.kill().expect("SIGKILL");
            kills += 1;
        }
        child.wait().expect("reaped");
    }
    assert!(kills >= 4, "the kills must land mid-send; only {kills} did");
    town.run(SUNDAY_EVENING, &["digest", "--send-now"]);

    for channel in ["torvet", "strand", "naboer", "english"] {
        let t = read(&transcripts, channel);
        let heading = if channel == "english" {
            "The week in Vores Ishøj"
        } else {
            "Ugen i Vores Ishøj"
        };
        assert_eq!(
            t.matches(heading).count(),
            1,
            "{channel} got the digest {} times:\n{t}",
            t.matches(heading).count()
        );
        for i in 0..4 {
            assert_eq!(
                t.matches(&format!("Aktivitet {i}")).count(),
                1,
                "{channel}: {t}"
            );
        }
    }
}

fn read(dir: &Path, channel: &str) -> String {
    std::fs::read_to_string(dir.join(format!("{channel}.txt"))).unwrap_or_default()
}

/// Two groups: the town square and a busy sports club.
const TWO_GROUPS: &str = r#"
timezone = "Europe/Copenhagen"
language = "da"

[console]
channel = "torvet"

[[groups]]
name = "Torvet"
approval = "never"

[[groups]]
name = "Klubben"
approval = "never"

[[channels]]
platform = "console"
id = "torvet"
name = "Torvet"
group = "Torvet"

[[channels]]
platform = "console"
id = "klub"
name = "Klubben"
group = "Klubben"
"#;

#[test]
fn an_admin_of_one_group_cannot_touch_another_groups_items() {
    let town = Town::with_config(TWO_GROUPS);
    let saved = town.resident("mette", "Byttemarked i Glashuset lørdag kl. 10-14");
    assert_has(&saved, &["#1"]);
    // The club's chat admin (a platform right in the club's channel).
    let delete = town.chat_in("klub", "træner", &["--admin"], &["/slet #1"]);
    assert_has(&delete, &["#1 er ikke din"]);
    assert_has(
        &town.resident("ahmed", "hvad sker der i weekenden?"),
        &["Byttemarked"],
    );
}

#[test]
fn a_busy_group_does_not_push_another_groups_events_out_of_its_digest() {
    let town = Town::with_config(TWO_GROUPS);
    // Many club events early in the week, the square's one on Saturday.
    let club: Vec<String> = (0..80)
        .map(|i| format!("Træning hold {i} torsdag kl. 17-18"))
        .collect();
    let lines: Vec<&str> = club.iter().map(String::as_str).collect();
    town.chat_in("klub", "træner", &["--admin"], &lines);
    town.resident("mette", "Byttemarked i Glashuset lørdag kl. 10-14");
    let (preview, _) = town.run(
        SUNDAY_EVENING,
        &["digest", "--preview", "--channel", "torvet"],
    );
    assert_lacks(&preview, &["Træning"]);
    let (preview, _) = town.run(WEDNESDAY, &["digest", "--preview", "--channel", "torvet"]);
    assert_has(&preview, &["Byttemarked"]);
    assert_lacks(&preview, &["Træning"]);
    let (club_preview, _) = town.run(WEDNESDAY, &["digest", "--preview", "--channel", "klub"]);
    assert_has(&club_preview, &["Træning hold 0", "Træning hold 59"]);
    assert_has(
        &town.resident("ahmed", "hvad sker der i weekenden?"),
        &["Byttemarked"],
    );
}

/// `--preview` and `--send-now` show what a resident expects at the moment
/// they are run — the coming seven days, never days already gone — and say
/// which scheduled digest they count as, so each period still goes out once.
#[test]
fn a_digest_by_hand_shows_the_coming_week_and_still_goes_out_once() {
    let town = Town::new();
    for line in [
        "Bogcafé på biblioteket torsdag d. 11. juni kl. 9-10",
        "Koncert i kulturhuset fredag d. 12. juni kl. 20",
        "Byttemarked i Glashuset tirsdag d. 16. juni kl. 10-14",
    ] {
        town.admin(line);
    }
    // Thursday noon: the morning's book café is over, Friday's concert is not.
    let (thursday, said) = town.run("2026-06-11T12:00:00+02:00", &["digest", "--preview"]);
    assert_has(&thursday, &["Koncert", "Byttemarked"]);
    assert_lacks(&thursday, &["Bogcafé"]);
    assert_has(
        &said,
        &["counts as the digest scheduled Sun 2026-06-07 18:00"],
    );

    // Sunday afternoon, before the 18:00 digest: the coming week is there.
    let sunday = "2026-06-14T17:00:00+02:00";
    let (preview, said) = town.run(sunday, &["digest", "--preview"]);
    assert_has(&preview, &["Byttemarked", "Tirsdag 16. juni"]);
    assert_lacks(&preview, &["Koncert", "Bogcafé"]);
    assert_has(
        &said,
        &["counts as the digest scheduled Sun 2026-06-14 18:00"],
    );

    // Sent early by hand, it is that evening's digest: the scheduled time
    // (and any later manual send) adds nothing.
    let (_, sent) = town.run(sunday, &["digest", "--send-now"]);
    assert_has(
        &sent,
        &["queued for 4 channel(s); 0 channel(s) already had"],
    );
    let (_, again) = town.run(SUNDAY_EVENING, &["digest", "--send-now"]);
    assert_has(
        &again,
        &["queued for 0 channel(s); 4 channel(s) already had"],
    );
    for channel in ["torvet", "strand", "naboer"] {
        let t = town.transcript(channel);
        assert_eq!(t.matches("Ugen i Vores Ishøj").count(), 1, "{channel}: {t}");
    }
}
