//! Helpers the end-to-end suites share: running the real `vores` binary
//! with lines on its standard input, and checking what it said.

// Each test crate compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `cmd` (a `vores console …` command) with `lines` as input and
/// returns everything it printed; a failing run fails the test with its
/// error output.
#[track_caller]
pub fn run_with_input(mut cmd: Command, lines: &[&str]) -> String {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vores starts");
    {
        let mut stdin = child.stdin.take().expect("piped stdin");
        for line in lines {
            writeln!(stdin, "{line}").expect("write input");
        }
    }
    let out = child.wait_with_output().expect("vores runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    assert!(
        out.status.success(),
        "vores failed: {}\nstdout:\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[track_caller]
pub fn assert_has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "expected {part:?} in:\n{text}");
    }
}

#[track_caller]
pub fn assert_lacks(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(!text.contains(part), "did not expect {part:?} in:\n{text}");
    }
}

/// Saves one published event per title straight into the SQLite database at
/// `db_path`, spread over 8–13 June 2026 (Monday to Saturday) at 9–18
/// o'clock in Medborgerhuset, as if Ali had shared them in `conversation`:
/// enough of them make a digest that needs several messages.
pub async fn publish_events(
    db_path: &std::path::Path,
    conversation: vores_bot::model::ConversationRef,
    author_id: &str,
    created_at: chrono::DateTime<chrono::Utc>,
    titles: &[String],
) {
    use vores_bot::Store;
    use vores_bot::model::{EventDetails, NewSubmission, Origin, Status, SubmissionKind, UserRef};
    let db = vores_storage::Database::open(&format!("sqlite://{}", db_path.display()))
        .await
        .expect("db");
    for (i, title) in titles.iter().enumerate() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 6, 8 + (i % 6) as u32).expect("date");
        let draft = vores_bot::understand::EventDraft {
            title: title.clone(),
            date: Some(date),
            start_time: chrono::NaiveTime::from_hms_opt(9 + (i % 10) as u32, 0, 0),
            end_time: None,
            all_day: false,
            location: Some("Medborgerhuset, Vejlebrovej 45".into()),
            invalid_date: false,
            doubts: Vec::new(),
            written_weekday: None,
            repeat: None,
            end_date: None,
        };
        db.insert_submission(&NewSubmission {
            kind: SubmissionKind::Event,
            status: Status::Published,
            origin: Origin {
                author: UserRef {
                    platform: conversation.platform,
                    id: author_id.to_string(),
                },
                conversation: conversation.clone(),
                message_id: None,
                author_name: "Ali".into(),
            },
            language: vores_bot::Language::Da,
            anonymous: false,
            text: String::new(),
            event: Some(EventDetails::from_draft(
                draft,
                chrono_tz::Europe::Copenhagen,
            )),
            story: None,
            created_at,
        })
        .await
        .expect("insert");
    }
    db.close().await;
}
