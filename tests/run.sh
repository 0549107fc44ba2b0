#!/usr/bin/env bash
# The whole Vores test suite, as CI runs it: formatting, lints, then every
# test (unit, parser tables, storage on SQLite *and* PostgreSQL, the
# conformance suite on all four platforms, and each platform's own: console
# end to end, Telegram against a fake Bot API, Discord against a fake REST
# API and gateway, Matrix against a real Synapse).
# Needs nothing installed by hand: PostgreSQL (apt) and Synapse (PyPI) are
# started by tests/with-postgres.sh and tests/with-synapse.sh on 127.0.0.1
# and stopped afterwards; the web calendar's feeds are read back by Python's
# icalendar and feedparser (tests/with-feed-parsers.sh, PyPI) and its pages
# by headless Chromium with axe-core (tests/with-browser.sh, apt and npm).
#
# Usage: bash tests/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Outside the clone so repeated runs (and fresh clones) reuse the build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/vores-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { echo "==> $*" >&2; }

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "container setup: hadolint deploy/Containerfile, check deploy/compose.yaml (not built in CI)"
bash tests/lint-deploy.sh

step "cargo test (SQLite, PostgreSQL, Synapse, feed parsers, Chromium)"
bash tests/with-postgres.sh bash tests/with-synapse.sh bash tests/with-feed-parsers.sh \
    bash tests/with-browser.sh cargo test --workspace --locked

step "vores bench at a small size (proves it runs; timings are not checked)"
cargo run --locked --quiet --bin vores -- bench --events 5000 --submissions 200 --asks 100 --digests 5

step "all tests passed"
