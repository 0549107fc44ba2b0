//! The web calendar as residents and operators meet it: served by the real
//! `vores run` next to Telegram (the fake Bot API), an event submitted on
//! Telegram and approved on the console shows on the page and in the feed
//! at the next request, the console demo says where its calendar is, and a
//! real browser (headless Chromium with axe-core, tests/browser/check.mjs)
//! reads every page without errors or serious accessibility violations, on a
//! desktop and a phone, with and without JavaScript.

mod common;
mod fake_telegram;

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::time::Duration;

use fake_telegram::{BOT_USERNAME, FakeChat, FakeTelegram, FakeUser};

const TOKEN: &str = "123456:TEST-token";
/// Wednesday 10 June 2026, 10:00 in Copenhagen.
const NOW: &str = "2026-06-10T10:00:00+02:00";
const TORVET: i64 = -100_201;
const STRAND: i64 = -100_202;
const ENGLISH: i64 = -100_203;

/// A port nobody listens on now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn config(api_url: &str, port: u16, web_extra: &str) -> String {
    let mut config = common::town_config(
        "telegram",
        &format!(
            "admins = [\"console:admin\"]\n\n[console]\nenabled = false\nchannel = \"konsol\"\n\n[telegram]\napi_url = \"{api_url}\"\npoll_timeout = 1\n\n[web]\nlisten = \"127.0.0.1:{port}\"\n{web_extra}"
        ),
        [
            &TORVET.to_string(),
            &STRAND.to_string(),
            &ENGLISH.to_string(),
        ],
        "",
    );
    config.push_str(
        r#"
[[channels]]
platform = "console"
id = "konsol"
name = "Konsol"
group = "ishoj"

[[places]]
name = "Glashuset"
aliases = ["glashuset i bycentret"]
lat = 55.6153
lon = 12.3587

[[places]]
name = "Ishøj Strand"
lat = 55.6080
lon = 12.3700
"#,
    );
    config
}

async fn get(url: &str) -> (u16, String) {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    // A refused connection right after start: the server is still binding.
    for attempt in 0.. {
        match client.get(url).send().await {
            Ok(response) => {
                let status = response.status().as_u16();
                let body = response.text().await.unwrap().replace("&#x2f;", "/");
                return (status, body);
            }
            Err(e) if attempt < 50 => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("GET {url}: {e}"),
        }
    }
    unreachable!()
}

fn ali() -> FakeUser {
    FakeUser::new(502, "Ali")
}

struct Town {
    fake: FakeTelegram,
    bot: common::BotProcess,
    port: u16,
}

common::town_runs_a_bot!(Town);

impl Town {
    async fn new(web_extra: &str) -> Town {
        let fake = FakeTelegram::start(TOKEN).await;
        let port = free_port();
        let bot = common::BotProcess::at(
            NOW,
            &config(&fake.api_url(), port, web_extra),
            &[("VORES_TELEGRAM_TOKEN", TOKEN)],
        );
        for (id, title) in [
            (TORVET, "Torvet"),
            (STRAND, "Stranden"),
            (ENGLISH, "Ishøj in English"),
        ] {
            fake.add_chat(FakeChat::supergroup(id, title));
            fake.set_bot_rights(id, true, true);
        }
        Town { fake, bot, port }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// A resident's message to the bot in a Telegram group, answered.
    async fn submit(&self, text: &str) {
        let before = self.fake.sent(TORVET).len();
        self.fake
            .say(TORVET, &ali(), &format!("@{BOT_USERNAME} {text}"));
        let sent = self
            .fake
            .wait_for_sent(TORVET, before + 1, Duration::from_secs(20))
            .await;
        assert!(
            sent.len() > before,
            "no answer to {text:?}:\n{}",
            self.log()
        );
    }

    /// An admin's lines on the console, beside the running bot.
    fn admin_says(&self, lines: &[&str]) -> String {
        let mut cmd = self.bot.command(Some(NOW));
        cmd.args(["console", "--admin", "--channel", "konsol"]);
        common::run_with_input(cmd, lines)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_from_telegram_approved_on_the_console_is_on_the_web_at_once() {
    let mut town = Town::new("").await;
    town.start();
    town.submit("byttemarked i glashuset lør d 13/6 kl 10-14, gratis kaffe ☕")
        .await;

    // Waiting for an admin: on no page and in no feed.
    let (status, calendar) = get(&town.url("/g/ishoj")).await;
    assert_eq!(status, 200, "{calendar}");
    assert!(!calendar.contains("Byttemarked"), "{calendar}");
    let (_, ics) = get(&town.url("/g/ishoj/events.ics")).await;
    assert!(!ics.contains("Byttemarked"), "{ics}");
    assert_eq!(get(&town.url("/g/ishoj/e/1")).await.0, 404);

    let approved = town.admin_says(&["/godkend #1"]);
    assert!(approved.contains("#1"), "{approved}");

    // The next request shows it: page, event page, feed.
    let (_, calendar) = get(&town.url("/g/ishoj")).await;
    assert!(
        calendar.contains("Byttemarked")
            && calendar.contains("Lørdag 13. juni")
            && calendar.contains("Glashuset"),
        "{calendar}"
    );
    let (status, page) = get(&town.url("/g/ishoj/e/1")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("kl. 10.00–14.00") && !page.contains("Ali"),
        "no name without consent:\n{page}"
    );
    let (_, ics) = get(&town.url("/g/ishoj/events.ics")).await;
    assert!(
        ics.contains("SUMMARY:Byttemarked")
            && ics.contains("DTSTART;TZID=Europe/Copenhagen:20260613T100000"),
        "{ics}"
    );

    // Operators see the bot's state on the same port.
    let (status, health) = get(&town.url("/healthz")).await;
    assert_eq!(status, 200, "{health}");
    let health: serde_json::Value = serde_json::from_str(&health).unwrap();
    assert_eq!(health["status"], "ok", "{health}");
    assert_eq!(health["adapters"]["telegram"]["running"], true, "{health}");
    assert_eq!(
        health["adapters"]["telegram"]["link"], "connected",
        "{health}"
    );
    let (_, metrics) = get(&town.url("/metrics")).await;
    assert!(
        metrics.contains("vores_messages_handled_total{platform=\"telegram\"}"),
        "{metrics}"
    );
    assert!(
        metrics.contains("vores_replies_sent_total{platform=\"telegram\"}"),
        "{metrics}"
    );

    // Telegram stops answering: the bot keeps trying, and says so.
    town.fake.fail_with_500("getUpdates", 1_000);
    let mut health = serde_json::Value::Null;
    for _ in 0..100 {
        let (status, body) = get(&town.url("/healthz")).await;
        assert_eq!(
            status, 200,
            "a platform outage is no reason to restart: {body}"
        );
        health = serde_json::from_str(&body).unwrap();
        if health["adapters"]["telegram"]["link"] == "failing" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(health["status"], "degraded", "{health}");
    assert_eq!(
        health["adapters"]["telegram"]["link"], "failing",
        "{health}"
    );
    assert!(
        !health.to_string().contains(TOKEN),
        "no token in the health check: {health}"
    );
    town.kill();
}

/// The README's first command (`vores console`) says where the calendar is
/// and serves it while the chat runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_demo_shows_its_calendar_on_the_web() {
    let port = free_port();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("vores.toml"),
        format!("[web]\nlisten = \"127.0.0.1:{port}\"\n"),
    )
    .unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vores"))
        .args(["--now", NOW, "console"])
        .current_dir(dir.path())
        .env_remove("VORES_CONFIG")
        .env_remove("VORES_DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vores console");
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut banner = String::new();
    stderr.read_line(&mut banner).unwrap();
    let url = format!("http://127.0.0.1:{port}/");
    assert!(
        banner.contains(&url),
        "the first line names the calendar: {banner:?}"
    );
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all("Strandrens ved Ishøj Strand søndag d 14/6 kl 10\n".as_bytes())
        .unwrap();
    // The console's own resident is trusted by no one: the event waits, so
    // the calendar answers but does not show it yet.
    let (status, page) = get(&format!("{url}g/default")).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Det sker"), "{page}");
    drop(stdin);
    let finished = child.wait_with_output().unwrap();
    assert!(finished.status.success());
    // The chat went to standard output, not the banner.
    let chat = String::from_utf8_lossy(&finished.stdout);
    assert!(chat.contains("#1") && !chat.contains("http://"), "{chat}");
}

/// Every page in headless Chromium: visible text, no console errors or
/// failed requests, axe-core without serious violations, no sideways
/// scrolling on a phone, and the calendar readable without JavaScript.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_browser_reads_every_page() {
    let Ok(kit) = std::env::var("VORES_TEST_BROWSER_KIT") else {
        assert!(
            std::env::var("VORES_REQUIRE_BROWSER").is_err(),
            "VORES_REQUIRE_BROWSER is set but VORES_TEST_BROWSER_KIT is not: run under tests/with-browser.sh"
        );
        eprintln!("*** vores: the browser test SKIPPED (run under tests/with-browser.sh) ***");
        return;
    };
    let leaflet = std::path::Path::new(&kit).join("node_modules/leaflet/dist");
    // Leaflet served by Vores itself, no tiles (no internet here): the map
    // shows its markers on a plain background.
    let mut town = Town::new(&format!(
        "assets_dir = \"{}\"\nmap_script = \"/assets/leaflet.js\"\nmap_style = \"/assets/leaflet.css\"\ntile_url = \"\"\n",
        leaflet.display()
    ))
    .await;
    town.start();
    town.submit("byttemarked i glashuset lør d 13/6 kl 10-14, gratis kaffe ☕")
        .await;
    town.submit("Strandrens ved Ishøj Strand søndag d 14/6 kl 10 – vi giver is til børnene 🍦")
        .await;
    town.submit("fællesspisning i Medborgerhuset hver torsdag kl 18, pris 40 kr")
        .await;
    town.submit("Historie: Café Solstrålen fejrede 1 år med kage til alle. Tak til alle der kom!")
        .await;
    let approved = town.admin_says(&["/godkend #1", "/godkend #2", "/godkend #3", "/godkend #4"]);
    assert!(approved.contains("#4"), "{approved}");

    // The pages come from `vores web`, a second process beside the bot on
    // the same database, as an operator may run it.
    let web_port = free_port();
    let mut web = town
        .command(Some(NOW))
        .args(["web", "--listen", &format!("127.0.0.1:{web_port}")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("vores web");
    let base = format!("http://127.0.0.1:{web_port}");
    assert_eq!(get(&format!("{base}/healthz")).await.0, 200);
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    // Chromium asks for English (Accept-Language); the Danish pages are
    // chosen as the language switch does.
    let page = |name: &str, path: &str, expect: &[&str], lang: &str, noscript: bool| {
        let sep = if path.contains('?') { '&' } else { '?' };
        serde_json::json!({
            "name": name,
            "url": format!("{base}{path}{sep}lang={lang}"),
            "expect": expect,
            "absent": ["<script>alert"],
            "lang": lang,
            "noscript": noscript,
        })
    };
    let spec = serde_json::json!({
        "out": out,
        "timeoutSeconds": 240,
        "pages": [
            page("calendar", "/g/ishoj", &["Det sker", "Byttemarked", "Lørdag 13. juni", "Strandrens", "Fællesspisning"], "da", true),
            page("calendar-en", "/g/ishoj", &["What's on", "Saturday 13 June"], "en", false),
            // Right to left, with the residents' Danish titles inside.
            page("calendar-ar", "/g/ishoj", &["Byttemarked", "Fællesspisning", "Dansk"], "ar", false),
            page("filtered", "/g/ishoj?tag=children", &["Strandrens"], "da", false),
            page("event", "/g/ishoj/e/1", &["Byttemarked", "Glashuset", "Føj til din kalender"], "da", true),
            page("series", "/g/ishoj/e/3", &["Fællesspisning", "hver torsdag", "De næste gange"], "da", false),
            page("stories", "/g/ishoj/stories", &["Café Solstrålen"], "da", false),
            page("places", "/g/ishoj/places", &["Glashuset", "Ishøj Strand", "Byttemarked"], "da", true),
            page("about", "/g/ishoj/about", &["Vær med", "Torvet"], "da", false),
            page("embed", "/g/ishoj/embed?n=3", &["De næste begivenheder", "Byttemarked"], "da", false),
            page("not-found", "/g/ishoj/e/999", &["Siden findes ikke"], "da", false),
        ],
    });
    // A page that is not found answers 404 on purpose; the kit counts a
    // 404 as a failure, so it is checked on its own below.
    let mut pages = spec["pages"].as_array().unwrap().clone();
    pages.retain(|p| p["name"] != "not-found");
    let spec = serde_json::json!({ "out": spec["out"], "timeoutSeconds": 240, "pages": pages });
    let spec_file = town.path("browser-spec.json");
    std::fs::write(&spec_file, serde_json::to_string_pretty(&spec).unwrap()).unwrap();
    let result = std::process::Command::new("node")
        .arg(std::path::Path::new(&kit).join("check.mjs"))
        .arg(&spec_file)
        .output()
        .expect("node runs");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
    eprintln!("{report}");
    assert!(
        result.status.success(),
        "the browser check failed (screenshots in {}):\n{report}\nbot log:\n{}",
        out.display(),
        town.log()
    );
    let (status, missing) = get(&format!("{base}/g/ishoj/e/999?lang=da")).await;
    assert_eq!(status, 404);
    assert!(missing.contains("Siden findes ikke"));
    let _ = web.kill();
    let _ = web.wait();
    town.kill();
}

/// `vores web` alone: the calendar without the bot (a second, read-only
/// process beside it), on the address given, stopped by SIGTERM.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vores_web_serves_alone_and_stops_on_sigterm() {
    let port = free_port();
    let town = common::BotProcess::at(NOW, "timezone = \"Europe/Copenhagen\"\n", &[]);
    let mut child = town
        .command(Some(NOW))
        .args(["web", "--listen", &format!("127.0.0.1:{port}")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vores web");
    let (status, health) = get(&format!("http://127.0.0.1:{port}/healthz")).await;
    assert_eq!(status, 200, "{health}");
    assert!(health.contains("\"status\":\"ok\""), "{health}");
    let (status, page) = get(&format!("http://127.0.0.1:{port}/g/default?lang=en")).await;
    assert_eq!(status, 200);
    assert!(page.contains("<h1>What&#x27;s on</h1>"), "{page}");
    let pid = child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(exit) = child.try_wait().unwrap() {
            assert!(
                exit.success(),
                "vores web exits cleanly on SIGTERM: {exit:?}"
            );
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "vores web did not stop on SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut said = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut said).unwrap();
    assert!(
        said.contains(&format!(
            "the calendar on the web: http://127.0.0.1:{port}/"
        )),
        "{said}"
    );
}

/// A service whose config promises the calendar does not run without it:
/// `vores run` stops at once when its `[web] listen` port is taken.
#[test]
fn vores_run_stops_when_its_web_port_is_taken() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let town = common::BotProcess::at(NOW, &format!("[web]\nlisten = \"127.0.0.1:{port}\"\n"), &[]);
    let out = town
        .command(Some(NOW))
        .arg("run")
        .stdin(Stdio::null())
        .output()
        .expect("vores run");
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(&format!(
            "the web calendar cannot listen on 127.0.0.1:{port}"
        )),
        "{said}"
    );
    drop(taken);
}
