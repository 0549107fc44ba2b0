//! `vores export stories`: approved stories for the newsletter and the local
//! paper, as JSON (parsed back), Markdown (residents' text escaped) and HTML
//! (escaped by the template engine), from stories residents told through
//! the console — one named, one anonymous, one still waiting for approval.

mod common;

use std::process::Command;

use common::{assert_has, assert_lacks, run_with_input};

const NOW: &str = "2026-06-10T10:00:00+02:00";

struct Town {
    dir: tempfile::TempDir,
}

impl Town {
    fn new() -> Town {
        Town {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn vores(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
        cmd.args([
            "--database",
            &format!("sqlite://{}", self.dir.path().join("vores.db").display()),
            "--now",
            NOW,
        ])
        .env_remove("VORES_CONFIG")
        .env_remove("VORES_DATABASE_URL")
        .current_dir(self.dir.path());
        cmd
    }

    fn chat(&self, user: &str, admin: bool, lines: &[&str]) -> String {
        let mut cmd = self.vores();
        cmd.args(["console", "--user", user]);
        if admin {
            cmd.arg("--admin");
        }
        run_with_input(cmd, lines)
    }

    fn export(&self, format: &str) -> String {
        let out = self
            .vores()
            .args([
                "export",
                "stories",
                "--from",
                "2026-06-01",
                "--to",
                "2026-06-30",
            ])
            .args(["--format", format])
            .output()
            .expect("vores export");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }
}

fn told() -> Town {
    let town = Town::new();
    let lis = town.chat(
        "Lis",
        false,
        &[
            "Historie: café solstrålen fejrede 1 år med kage til alle 🎂 <b>alle</b> var *glade*",
            "Lis og hendes søster, i Ishøj Bycenter",
            "»Tak fordi I kom – I er vores café«",
        ],
    );
    assert_has(
        &lis,
        &["#1", "Hvem stod bag", "citat", "Historie #1 er klar"],
    );
    let anonymous = town.chat(
        "hans",
        false,
        &[
            "Historie (anonym): min nabo hjalp mig med sneen i morges. Det betød meget for mig, fordi jeg ikke kan skovle selv længere, og vi havde aldrig talt sammen før. Nu drikker vi kaffe hver fredag.",
            "spring over",
        ],
    );
    assert_has(&anonymous, &["#2", "citat", "Historie #2 er klar"]);
    town.chat(
        "ahmed",
        false,
        &[
            "Historie: ungdomsklubben malede tunnelen",
            "spring over",
            "spring over",
        ],
    );
    let approved = town.chat("admin", true, &["/godkend #1", "/godkend #2"]);
    assert_has(&approved, &["#1 er godkendt", "#2 er godkendt"]);
    town
}

#[test]
fn stories_export_as_json_markdown_and_html() {
    let town = told();

    let json: serde_json::Value = serde_json::from_str(&town.export("json")).expect("JSON parses");
    let stories = json["stories"].as_array().expect("a list");
    assert_eq!(stories.len(), 2, "only approved stories: {json:#}");
    let lis = &stories[0];
    assert_eq!(lis["id"], 1);
    assert_eq!(lis["teller"], "Lis");
    assert_eq!(lis["quotes"][0], "Tak fordi I kom – I er vores café");
    assert!(
        lis["text"]
            .as_str()
            .unwrap()
            .contains("Lis og hendes søster, i Ishøj Bycenter")
    );
    assert_eq!(lis["approved_at"], "2026-06-10");
    let hans = &stories[1];
    assert_eq!(
        hans["teller"],
        serde_json::Value::Null,
        "anonymous: no name"
    );
    assert!(!json.to_string().contains("hans"), "{json:#}");
    assert!(
        !json.to_string().contains("ungdomsklubben"),
        "not approved: {json:#}"
    );

    let markdown = town.export("markdown");
    assert_has(
        &markdown,
        &[
            "# Historier",
            "## Café solstrålen fejrede 1 år",
            "Fortalt af Lis",
            "Fortalt af en borger",
        ],
    );
    assert_has(&markdown, &["\\<b\\>alle\\</b\\> var \\*glade\\*"]);
    assert_lacks(&markdown, &["<b>", "hans"]);
    insta::assert_snapshot!("export_markdown", markdown);

    let html = town.export("html");
    assert_has(
        &html,
        &[
            "<h1>Historier</h1>",
            "&lt;b&gt;alle&lt;&#x2f;b&gt;",
            "<p>»Tak fordi I kom",
        ],
    );
    assert_lacks(&html, &["<b>alle", "hans"]);
    insta::assert_snapshot!("export_html", html);
}

#[test]
fn a_bad_export_is_refused_with_what_to_do() {
    let town = Town::new();
    let out = town
        .vores()
        .args([
            "export",
            "stories",
            "--from",
            "2026-06-30",
            "--to",
            "2026-06-01",
        ])
        .output()
        .expect("vores export");
    assert!(!out.status.success());
    assert_has(&String::from_utf8_lossy(&out.stderr), &["before --from"]);
    let out = town
        .vores()
        .args([
            "export",
            "stories",
            "--from",
            "2026-06-01",
            "--to",
            "2026-06-30",
            "--group",
            "nowhere",
        ])
        .output()
        .expect("vores export");
    assert!(!out.status.success());
    assert_has(
        &String::from_utf8_lossy(&out.stderr),
        &["no group named \"nowhere\"", "default"],
    );
}

/// `vores export --format json` and `vores import FILE`: a town moves from
/// SQLite to a new SQLite file and to PostgreSQL (when the test server is
/// there), and the export of each import is the same document; the moved
/// town works (the next submission gets the next number), and an import
/// never goes into a database that already holds a town.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_town_moves_between_databases_without_losing_anything() {
    let town = told();
    town.chat(
        "mette",
        false,
        &[
            "fællesspisning i Medborgerhuset hver torsdag kl 18, pris 40 kr",
            "Nyt sted: Hundeskoven ved Ishøj Strand 55.6080, 12.3700",
        ],
    );
    let export = |database: &str| -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_vores"))
            .args([
                "--database",
                database,
                "--now",
                NOW,
                "export",
                "--format",
                "json",
            ])
            .env_remove("VORES_CONFIG")
            .env_remove("VORES_DATABASE_URL")
            .current_dir(town.dir.path())
            .output()
            .expect("vores export");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let import = |database: &str, file: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_vores"))
            .args(["--database", database, "--now", NOW, "import"])
            .arg(file)
            .env_remove("VORES_CONFIG")
            .env_remove("VORES_DATABASE_URL")
            .current_dir(town.dir.path())
            .output()
            .expect("vores import")
    };
    let source = format!("sqlite://{}", town.dir.path().join("vores.db").display());
    let original = export(&source);
    let parsed: serde_json::Value = serde_json::from_str(&original).unwrap();
    for table in [
        "submissions",
        "moderation_log",
        "outbox",
        "handled_messages",
    ] {
        assert!(
            !parsed["tables"][table].as_array().unwrap().is_empty(),
            "the town has {table}: {parsed:#}"
        );
    }
    let file = town.dir.path().join("town.json");
    std::fs::write(&file, &original).unwrap();

    let mut targets = vec![format!(
        "sqlite://{}",
        town.dir.path().join("moved.db").display()
    )];
    if let Ok(url) = std::env::var("VORES_TEST_POSTGRES_URL") {
        let db = vores_storage::Database::open(&url)
            .await
            .expect("PostgreSQL");
        db.clear_all().await.expect("clear");
        db.close().await;
        targets.push(url);
    } else {
        assert!(
            std::env::var("VORES_REQUIRE_POSTGRES").is_err(),
            "VORES_REQUIRE_POSTGRES is set but VORES_TEST_POSTGRES_URL is not"
        );
        eprintln!(
            "*** the PostgreSQL half of the move was SKIPPED (run under tests/with-postgres.sh) ***"
        );
    }
    for target in &targets {
        let out = import(target, &file);
        assert!(
            out.status.success(),
            "{target}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_has(
            &String::from_utf8_lossy(&out.stdout),
            &["Imported 5 submissions"],
        );
        assert_eq!(
            export(target),
            original,
            "{target}: the export of the import differs"
        );
        let again = import(target, &file);
        assert!(!again.status.success());
        assert_has(
            &String::from_utf8_lossy(&again.stderr),
            &["already holds a town", "new, empty database"],
        );
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vores"));
        cmd.args([
            "--database",
            target,
            "--now",
            NOW,
            "console",
            "--user",
            "mette",
        ])
        .env_remove("VORES_CONFIG")
        .env_remove("VORES_DATABASE_URL")
        .current_dir(town.dir.path());
        let next = run_with_input(cmd, &["/mine", "Loppemarked på torvet søndag kl 9-13"]);
        assert_has(&next, &["Fællesspisning", "#6"]);
    }
    if let Ok(url) = std::env::var("VORES_TEST_POSTGRES_URL") {
        let db = vores_storage::Database::open(&url)
            .await
            .expect("PostgreSQL");
        db.clear_all().await.expect("clear");
        db.close().await;
    }
}
