//! Named points where a test can make the process die as if killed, to
//! prove that a crash at exactly that moment loses and repeats nothing.
//!
//! `VORES_CRASH_AT=matrix:synced vores run` aborts the process (no cleanup,
//! no flushing: as SIGKILL would) the first time the Matrix adapter reaches
//! `matrix:synced`. Unset, as in production, a crash point costs one
//! comparison. The points are listed where they are reached and in
//! ARCHITECTURE.md.

use std::sync::LazyLock;

static CRASH_AT: LazyLock<Option<String>> = LazyLock::new(|| {
    std::env::var("VORES_CRASH_AT")
        .ok()
        .filter(|p| !p.is_empty())
});

/// Dies here if `VORES_CRASH_AT` names `point`.
pub fn reached(point: &str) {
    if CRASH_AT.as_deref() == Some(point) {
        eprintln!("vores: crash point {point} reached (VORES_CRASH_AT); aborting");
        std::process::abort();
    }
}
