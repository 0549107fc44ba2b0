#!/usr/bin/env bash
# Run a command with a headless browser test kit ready to use.
#
# The web calendar tests drive the real pages in Chromium (visible text,
# console errors, axe-core accessibility, phone layout) through
# tests/browser/check.mjs, which needs a Chromium binary and the npm packages
# pinned in tests/browser/package-lock.json. CI machines start fresh with
# neither, so this script provides both, exports
#   VORES_TEST_BROWSER_KIT  absolute path of tests/browser (check.mjs, and
#                           node_modules/leaflet for the server to serve)
#   VORES_TEST_CHROMIUM     the Chromium binary check.mjs should launch
#   VORES_REQUIRE_BROWSER=1 so the tests fail instead of skipping
# runs the given command and exits with its exit code.
#
# Usage: bash tests/with-browser.sh cargo test --test web_calendar
#
# Chromium is Debian's `chromium` package (/usr/bin/chromium), installed with
# apt-get when missing and we are root. Browsers are never downloaded from
# Playwright's CDN (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1): only playwright-core
# is used, pointed at the system Chromium. `npm ci` runs again whenever
# node_modules is missing or older than package-lock.json.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

log() { echo "with-browser: $*" >&2; }
die() { log "error: $*"; exit 1; }

KIT=$(cd "$(dirname "${BASH_SOURCE[0]}")/browser" && pwd -P) ||
    die "tests/browser not found next to $0"
CHROMIUM=/usr/bin/chromium

# ---------------------------------------------------------------- chromium --

if [ ! -x "$CHROMIUM" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        die "$CHROMIUM not found; install the Debian 'chromium' package (apt-get install chromium), or run this script as root to install it automatically"
    fi
    log "$CHROMIUM not found; installing the Debian 'chromium' package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    [ -x "$CHROMIUM" ] || die "installed 'chromium' but $CHROMIUM is still missing"
fi
# The Debian launcher script prints a harmless "[: ...: unexpected operator"
# on some containers (its /dev/shm size probe); check.mjs passes
# --disable-dev-shm-usage itself.
log "using $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"

# ---------------------------------------------------------------- npm kit --

command -v node >/dev/null 2>&1 || die "node not found; install Node.js 20 or newer"
command -v npm >/dev/null 2>&1 || die "npm not found; install npm"
[ -f "$KIT/package-lock.json" ] || die "$KIT/package-lock.json is missing"

# node_modules/.package-lock.json is rewritten by every npm install/ci, so its
# age says when node_modules was last brought in line with the lock file.
if [ ! -f "$KIT/node_modules/.package-lock.json" ] ||
    [ "$KIT/package-lock.json" -nt "$KIT/node_modules/.package-lock.json" ]; then
    log "installing npm packages in $KIT (npm ci)"
    (cd "$KIT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >&2) ||
        die "npm ci failed in $KIT"
fi

export VORES_TEST_BROWSER_KIT="$KIT"
export VORES_TEST_CHROMIUM="$CHROMIUM"
export VORES_REQUIRE_BROWSER=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
log "browser kit ready at $VORES_TEST_BROWSER_KIT"

# ---------------------------------------------------------------- command --

status=0
"$@" || status=$?
exit "$status"
