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
