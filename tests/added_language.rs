//! A language added with its catalog and one line of config, no Rust: the
//! example Polish catalog (deploy/catalogs/pl.ftl) through the library and
//! through the real `vores` binary. Its own test binary, because adding a
//! language changes the process-wide list every other test reads.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{assert_has, assert_lacks, fails_saying, run_with_input};
use vores_bot::Language;
use vores_bot::lang::{add_catalog, add_catalog_file, detect, tr};
use vores_bot::understand::foreign::as_english_question;

fn polish_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/catalogs/pl.ftl")
}

fn polish() -> Language {
    add_catalog_file(&polish_file()).expect("the example catalog is added")
}

#[test]
fn a_catalog_file_adds_a_language_the_bot_answers_and_understands() {
    let pl = polish();
    assert_eq!(pl.code(), "pl");
    assert_eq!(pl.native_name(), "Polski");
    assert!(!pl.is_rtl());
    assert!(!pl.reads_submissions());
    assert_eq!(polish(), pl, "adding the same file twice is harmless");
    assert!(Language::all().contains(&pl));
    assert_eq!("polski".parse::<Language>().expect("by name"), pl);
    assert_eq!("PL".parse::<Language>().expect("by code"), pl);

    // Its questions, as residents type them.
    assert_eq!(
        detect("cześć! co się dzieje w ten weekend?", Language::Da),
        pl
    );
    assert_eq!(detect("co jest jutro", Language::En), pl);
    assert_eq!(
        as_english_question("cześć! co się dzieje w ten weekend?", pl).as_deref(),
        Some("what's on this weekend?")
    );
    assert_eq!(
        as_english_question("co bedzie w przyszły weekend", pl).as_deref(),
        Some("what's on next weekend?")
    );
    assert_eq!(
        as_english_question("jakie wydarzenia jutro?", pl).as_deref(),
        Some("what's on tomorrow?")
    );
    assert_eq!(as_english_question("co u ciebie?", pl), None);
    // A Danish or English message with a Polish name stays as it is.
    assert_eq!(
        detect("Bolette's cooking class on Saturday at 14:00", Language::Da),
        Language::En
    );
    assert_eq!(
        detect("Loppemarked hos Łukasz lørdag kl. 10", Language::En),
        Language::Da
    );

    // Its texts, its own plural rules (one, few, many), and English where
    // the catalog has no text yet; never a key.
    assert_eq!(
        tr(pl, "whatson_heading", &[("window", "w ten weekend")]),
        "Co się dzieje w ten weekend:"
    );
    let more = |n: &str| tr(pl, "whatson_more", &[("count", n)]);
    assert!(more("1").contains("1 wydarzenie"), "{}", more("1"));
    assert!(more("2").contains("2 wydarzenia"), "{}", more("2"));
    assert!(more("5").contains("5 wydarzeń"), "{}", more("5"));
    assert!(more("22").contains("22 wydarzenia"), "{}", more("22"));
    assert_eq!(
        tr(pl, "saved_event", &[("id", "7")]),
        tr(Language::En, "saved_event", &[("id", "7")])
    );
}

#[test]
fn a_catalog_that_would_show_residents_something_wrong_is_refused() {
    let named = "meta_name = Test\n";
    let refused = |code: &str, source: &str, says: &str| {
        let e = add_catalog(code, source.to_string()).expect_err(source);
        assert!(e.contains(says), "{code}: {e:?} should say {says:?}");
    };
    refused("xx", "whatson_heading = Co { $okno }:\n", "meta_name");
    refused(
        "xy",
        &format!("{named}whatson_heading = Co {{ $okno }}:\n"),
        "whatson_heading uses $okno",
    );
    refused(
        "xz",
        &format!("{named}understand_times =\n    jutro = the day after\n"),
        "\"the day after\" is not one of",
    );
    refused("xw", &format!("{named}saved_event = {{ $id"), "");
    refused("tr", named, "built in");
    refused("polish", named, "not a language code");
    refused(
        "xv",
        &format!("{named}meta_direction = sideways\n"),
        "meta_direction",
    );
    refused(
        "xu",
        &format!("{named}no_such_text = hej\n"),
        "no_such_text",
    );
}

fn config(dir: &Path, catalog: &Path) -> PathBuf {
    let path = dir.join("vores.toml");
    std::fs::write(
        &path,
        format!(
            "catalogs = [{catalog:?}]\napproval = \"never\"\n\n[console]\nchannel = \"konsol\"\nlanguage = \"da\"\n"
        ),
    )
    .expect("config written");
    path
}

/// Wednesday 9 December 2026, 10:00 in Copenhagen.
const WEDNESDAY: &str = "2026-12-09T10:00:00+01:00";

fn console(dir: &Path, config: &Path, user: &str, lines: &[&str]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
    cmd.args(["--config"])
        .arg(config)
        .args(["--database"])
        .arg(format!("sqlite://{}", dir.join("vores.db").display()))
        .args(["--now", WEDNESDAY, "console", "--user", user])
        .env_remove("VORES_DATABASE_URL")
        .env_remove("VORES_CONFIG")
        .current_dir(dir);
    run_with_input(cmd, lines)
}

#[test]
fn one_line_of_config_lets_a_resident_ask_and_be_answered_in_polish() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = config(dir.path(), &polish_file());
    console(
        dir.path(),
        &config,
        "mette",
        &["Loppemarked i Glashuset lør d 12/12 kl 10-14, gratis entré 😊"],
    );
    let answer = console(
        dir.path(),
        &config,
        "ola",
        &["cześć! co się dzieje w ten weekend?"],
    );
    assert_has(
        &answer,
        &[
            "Co się dzieje w ten weekend:",
            "Loppemarked, Glashuset",
            "Sobota 12 grudnia",
        ],
    );
    assert_lacks(&answer, &["Hvad sker der", "What's on", "lørdag"]);

    let chosen = console(dir.path(), &config, "ola", &["/sprog pl"]);
    assert_has(&chosen, &["Od teraz odpowiadam ci w języku: Polski."]);
    let help = console(dir.path(), &config, "ola", &["/help"]);
    assert_has(&help, &["Polski", "Dansk", "Türkçe"]);
    let list = console(dir.path(), &config, "bo", &["/sprog"]);
    assert_has(&list, &["pl (Polski)"]);
}

#[test]
fn a_catalog_that_does_not_load_stops_the_bot_with_what_to_fix() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("pl.ftl");
    std::fs::write(
        &broken,
        "meta_name = Polski\nwhatson_heading = Co { $okno }:\n",
    )
    .expect("catalog written");
    let config = config(dir.path(), &broken);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
    cmd.arg("--config")
        .arg(&config)
        .args(["parse", "--json", "hej"])
        .env_remove("VORES_CONFIG");
    fails_saying(cmd, &["catalogs", "pl.ftl", "whatson_heading uses $okno"]);

    let missing = config_with_missing_file(dir.path());
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
    cmd.arg("--config")
        .arg(&missing)
        .args(["parse", "--json", "hej"])
        .env_remove("VORES_CONFIG");
    fails_saying(cmd, &["catalogs", "nowhere/so.ftl", "cannot read it"]);
}

fn config_with_missing_file(dir: &Path) -> PathBuf {
    let path = dir.join("missing.toml");
    std::fs::write(&path, "catalogs = [\"nowhere/so.ftl\"]\n").expect("config written");
    path
}
