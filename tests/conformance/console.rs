//! The console driver: every step is one `vores console` session of the
//! person acting (as the README's demo is used), on one database. What a
//! person sees is everything their sessions printed; what the bot posts
//! into a channel is kept in the console's transcripts.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;

use crate::common::{BotProcess, run_with_input};
use crate::driver::{
    Feature, NOW, Person, Posted, Room, Said, TestPlatform, WEEK_BEFORE, eventually, has_all,
};

pub struct Console {
    town: BotProcess,
    /// Everything each person's sessions printed, in order.
    screens: HashMap<Person, String>,
}

fn channel(room: Room) -> &'static str {
    match room {
        Room::Torvet => "torvet",
        Room::Stranden => "strand",
        Room::English => "english",
    }
}

impl Console {
    fn command(&self, who: Person, room: Room, group_chat: bool) -> std::process::Command {
        let mut cmd = self.town.command(Some(NOW));
        cmd.env("VORES_CONSOLE_TRANSCRIPTS", self.town.path("transcripts"))
            .args(["console", "--user", who.name(), "--channel", channel(room)]);
        if who == Person::Mette {
            cmd.arg("--admin");
        }
        if group_chat {
            cmd.arg("--group-chat");
        }
        cmd
    }

    /// One session of `who` with `lines`; returns what it printed.
    fn session(&mut self, who: Person, room: Room, group_chat: bool, lines: &[&str]) -> String {
        let out = run_with_input(self.command(who, room, group_chat), lines);
        self.screens.entry(who).or_default().push_str(&out);
        out
    }
}

#[async_trait(?Send)]
impl TestPlatform for Console {
    async fn start() -> Option<Self> {
        let config = crate::common::town_config(
            "console",
            "[console]\nchannel = \"torvet\"",
            ["torvet", "strand", "english"],
            crate::driver::TOWN_RULES,
        );
        Some(Console {
            town: BotProcess::new(&config, &[]),
            screens: HashMap::new(),
        })
    }

    fn supports(&self, feature: Feature) -> bool {
        // The transcripts recognise a retried post by its idempotency key,
        // as Matrix and Discord do.
        matches!(feature, Feature::IdempotentPosts)
    }

    async fn ask(&mut self, who: Person, room: Room, text: &str) -> Posted {
        let line = if text.starts_with('/') {
            text.to_string()
        } else {
            format!("@vores {text}")
        };
        let out = self.session(who, room, true, &[&line]);
        Posted {
            text: out,
            id: String::new(),
            buttons: Vec::new(),
        }
    }

    async fn chat(&mut self, who: Person, room: Room, text: &str) -> Said {
        self.session(who, room, true, &[text]);
        Said {
            room,
            id: String::new(),
        }
    }

    async fn ask_privately(&mut self, who: Person, text: &str) -> Posted {
        let out = self.session(who, Room::Torvet, false, &[text]);
        Posted {
            text: out,
            id: String::new(),
            buttons: Vec::new(),
        }
    }

    async fn posted_in(&mut self, room: Room, parts: &[&str]) -> Posted {
        let path = self
            .town
            .path("transcripts")
            .join(format!("{}.txt", channel(room)));
        let transcript = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            has_all(&transcript, parts),
            "expected {parts:?} posted in {}:\n{transcript}",
            channel(room)
        );
        Posted {
            text: transcript,
            id: String::new(),
            buttons: Vec::new(),
        }
    }

    async fn told(&mut self, who: Person, parts: &[&str]) -> String {
        // A session with nothing to say: it prints what waited for them.
        self.session(who, Room::Torvet, false, &[]);
        let screen = self.screens.get(&who).cloned().unwrap_or_default();
        assert!(
            has_all(&screen, parts),
            "{} was not told {parts:?}; their screen:\n{screen}",
            who.name()
        );
        screen
    }

    async fn edit(&mut self, _who: Person, _said: &Said, _text: &str) {
        unreachable!("the console cannot edit a printed line (supports(Edits) is false)")
    }

    async fn press(&mut self, _who: Person, _room: Room, _on: &Posted, _data: &str) {
        unreachable!("the console has no buttons (supports(Buttons) is false)")
    }

    async fn react(&mut self, _who: Person, _room: Room, _on: &Posted, _emoji: &str) {
        unreachable!("the console has no reactions (supports(Reactions) is false)")
    }

    async fn was_deleted(&mut self, _said: &Said) -> bool {
        false
    }

    async fn save_published_week(&mut self, titles: &[String]) {
        let torvet = vores_bot::model::ConversationRef {
            platform: vores_bot::model::Platform::Console,
            id: "torvet".into(),
        };
        let at = NOW.parse().expect("time");
        crate::common::publish_events(&self.town.path("vores.db"), torvet, "ali", at, titles).await;
    }

    async fn send_digest_through_trouble(&mut self) {
        // Killed halfway through posting (each post slowed down so there is
        // a half); the next run posts the rest and nothing twice.
        let digest = |console: &Console| {
            let mut cmd = console.town.command(Some(WEEK_BEFORE));
            cmd.env(
                "VORES_CONSOLE_TRANSCRIPTS",
                console.town.path("transcripts"),
            )
            .env("VORES_CONSOLE_SEND_DELAY_MS", "150")
            .args(["digest", "--send-now"])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
            cmd
        };
        let mut halfway = digest(self).spawn().expect("vores digest starts");
        tokio::time::sleep(std::time::Duration::from_millis(700)).await;
        halfway.kill().expect("SIGKILL");
        halfway.wait().expect("reaped");
        let status = digest(self).status().expect("vores digest runs");
        assert!(status.success(), "the second digest run failed");
    }

    async fn posts_in(
        &mut self,
        room: Room,
        _done: &dyn for<'p> Fn(&'p [String]) -> bool,
    ) -> Vec<String> {
        let path = self
            .town
            .path("transcripts")
            .join(format!("{}.txt", channel(room)));
        vec![std::fs::read_to_string(path).unwrap_or_default()]
    }

    async fn take_away_the_right_to_remove(&mut self) {
        // The console never could remove anything.
    }

    async fn ask_through_a_crash(
        &mut self,
        who: Person,
        room: Room,
        text: &str,
        point: &'static str,
    ) -> Vec<Posted> {
        let mut child = self
            .command(who, room, true)
            .env("VORES_CRASH_AT", point)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("vores console starts");
        {
            let mut stdin = child.stdin.take().expect("stdin");
            writeln!(stdin, "@vores {text}").expect("type");
        }
        let crashed = child.wait_with_output().expect("the session ends");
        assert!(!crashed.status.success(), "never reached {point}");
        let before = String::from_utf8_lossy(&crashed.stdout).into_owned();
        self.screens.entry(who).or_default().push_str(&before);
        // The next session of the same person: what waited for them.
        let after = self.session(who, Room::Torvet, false, &[]);
        [before, after]
            .into_iter()
            .filter(|out| !out.trim().is_empty())
            .map(|text| Posted {
                text,
                id: String::new(),
                buttons: Vec::new(),
            })
            .collect()
    }

    async fn ask_through_a_kill(&mut self, who: Person, room: Room, text: &str) -> Vec<Posted> {
        // The session is killed once its answer is on the screen, before it
        // could end by itself; the next session finds what was saved.
        let mut child = self
            .command(who, room, true)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("vores console starts");
        let mut stdin = child.stdin.take().expect("stdin");
        writeln!(stdin, "@vores {text}").expect("type");
        let screen = Arc::new(Mutex::new(String::new()));
        let mut stdout = child.stdout.take().expect("stdout");
        let sink = screen.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("lock")
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let answered = eventually(|| screen.lock().expect("lock").contains("\n\n")).await;
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        drop(stdin);
        reader.join().expect("reader");
        let out = screen.lock().expect("lock").clone();
        assert!(answered, "no answer before the kill: {out}");
        self.screens.entry(who).or_default().push_str(&out);
        vec![Posted {
            text: out,
            id: String::new(),
            buttons: Vec::new(),
        }]
    }
}
