#!/usr/bin/env bash
# Run a command with an independent iCalendar/Atom reader available.
#
# The feed tests check the bot's .ics and Atom output by parsing it back with
# parsers the bot does not share code with (Python's `icalendar`, `dateutil`
# and `feedparser`), so that a feed only our own code can read fails a test.
# This script keeps those parsers in a cached virtualenv
# (${VORES_FEEDS_VENV:-$HOME/.cache/vores-feeds-venv}; apt's python3-venv is
# installed first if venv is missing and we are root), rebuilt only when
# tests/feeds/requirements.txt changes (its sha256 is kept in the venv), then
# runs the given command and exits with its exit code.
#
# Exports for the command:
#   VORES_TEST_PYTHON            the venv's python
#   VORES_TEST_FEED_READER       absolute path of tests/feeds/read_feed.py
#   VORES_REQUIRE_FEED_PARSERS=1 so feed tests fail instead of skipping
#
# Usage: bash tests/with-feed-parsers.sh cargo test --workspace
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

log() { echo "with-feed-parsers: $*" >&2; }
die() { log "error: $*"; exit 1; }

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REQS="$HERE/feeds/requirements.txt"
READER="$HERE/feeds/read_feed.py"
[ -f "$REQS" ] || die "missing $REQS"
[ -f "$READER" ] || die "missing $READER"

VENV="${VORES_FEEDS_VENV:-$HOME/.cache/vores-feeds-venv}"
STAMP="$VENV/.vores-requirements.sha256"
PY=python3
command -v "$PY" >/dev/null 2>&1 || die "python3 is missing; install it (apt-get install python3 python3-venv)"

want=$(sha256sum "$REQS" | cut -d' ' -f1)
have=$(cat "$STAMP" 2>/dev/null || true)

if [ "$want" != "$have" ] || [ ! -x "$VENV/bin/python" ] ||
        ! "$VENV/bin/python" -c 'import icalendar, feedparser, dateutil' 2>/dev/null; then
    if ! "$PY" -m venv --help >/dev/null 2>&1 || ! "$PY" -c 'import ensurepip' 2>/dev/null; then
        if [ "$(id -u)" -eq 0 ]; then
            log "installing python3-venv from apt"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        else
            die "python3 cannot make a virtualenv; install python3-venv (apt-get install python3-venv)"
        fi
    fi
    log "creating $VENV from $REQS"
    start=$(date +%s)
    rm -rf "$VENV"
    "$PY" -m venv "$VENV" || die "could not create a virtualenv in $VENV"
    # Quiet, but show pip's output if it fails.
    if ! out=$("$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQS" 2>&1); then
        echo "$out" >&2
        rm -rf "$VENV"
        die "pip could not install $REQS"
    fi
    echo "$want" >"$STAMP"
    log "venv ready in $(( $(date +%s) - start )) s"
fi
log "using $("$VENV/bin/python" -c 'import sys, icalendar, feedparser, dateutil
print("Python %d.%d.%d," % sys.version_info[:3], "icalendar", icalendar.__version__ + ",",
      "feedparser", feedparser.__version__ + ",", "dateutil", dateutil.__version__)')"

export VORES_TEST_PYTHON="$VENV/bin/python"
export VORES_TEST_FEED_READER="$READER"
export VORES_REQUIRE_FEED_PARSERS=1

status=0
"$@" || status=$?
exit "$status"
