#!/usr/bin/env bash
# Run a command against a throwaway Synapse (the Matrix reference homeserver).
#
# The Matrix tests talk to the real server software, so this script installs
# Synapse from PyPI into a cached virtualenv ($HOME/.cache/vores-synapse-venv;
# apt's python3-venv is installed first if venv is missing and we are root),
# writes a private config in a temp dir (server_name localhost, one client
# listener on 127.0.0.1 only, SQLite, no federation, no key servers, shared
# registration secret), starts it, runs the given command, then stops it and
# deletes the temp dir whatever happens. It exits with the command's code.
#
# Rate limits: logins, registrations, joins and invites are lifted (tests make
# many users and rooms); rc_message keeps Synapse's default (0.2/s, burst 10)
# so a test can prove the bot drains at that pace. Tests that are not about
# rate limits lift it per user through the admin API.
#
# Exports for the command:
#   VORES_TEST_SYNAPSE_URL     http://127.0.0.1:PORT
#   VORES_TEST_SYNAPSE_SECRET  the registration shared secret
#   VORES_TEST_SYNAPSE_CTL     `bash $VORES_TEST_SYNAPSE_CTL stop|start` stops
#                              and starts the same server (same port and data)
#   VORES_REQUIRE_SYNAPSE=1    so Matrix tests fail instead of skipping
#
# Usage: bash tests/with-synapse.sh cargo test --workspace
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

log() { echo "with-synapse: $*" >&2; }
die() { log "error: $*"; exit 1; }

VENV="${VORES_SYNAPSE_VENV:-$HOME/.cache/vores-synapse-venv}"
PY=python3
command -v "$PY" >/dev/null 2>&1 || die "python3 is missing; install it (apt-get install python3 python3-venv)"

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import synapse' 2>/dev/null; then
    if ! "$PY" -m venv --help >/dev/null 2>&1 || ! "$PY" -c 'import ensurepip' 2>/dev/null; then
        if [ "$(id -u)" -eq 0 ]; then
            log "installing python3-venv from apt"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        else
            die "python3 cannot make a virtualenv; install python3-venv (apt-get install python3-venv)"
        fi
    fi
    log "installing matrix-synapse from PyPI into $VENV"
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip >/dev/null 2>&1 || true
    "$VENV/bin/pip" install -q matrix-synapse || die "pip could not install matrix-synapse"
fi
log "using $("$VENV/bin/python" -c 'import synapse; print("Synapse", synapse.__version__)')"

TMP=$(mktemp -d /tmp/vores-synapse.XXXXXX)
STARTED=0

stop_server() {
    if [ -f "$TMP/homeserver.pid" ]; then
        local pid
        pid=$(cat "$TMP/homeserver.pid" 2>/dev/null || true)
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 1 100); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
            kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$TMP/homeserver.pid"
    fi
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    set +e
    stop_server
    if [ "$rc" -ne 0 ] && [ -f "$TMP/homeserver.log" ]; then
        log "last lines of the Synapse log:"
        tail -n 30 "$TMP/homeserver.log" >&2
    fi
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PORT=$("$PY" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()')
SECRET=$("$PY" -c 'import secrets; print(secrets.token_hex(16))')

lifted='{per_second: 1000, burst_count: 1000}'
cat >"$TMP/homeserver.yaml" <<YAML
server_name: "localhost"
pid_file: "$TMP/homeserver.pid"
public_baseurl: "http://127.0.0.1:$PORT/"
listeners:
  - port: $PORT
    bind_addresses: ["127.0.0.1"]
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: "$TMP/homeserver.db"
log_config: "$TMP/log.yaml"
media_store_path: "$TMP/media"
signing_key_path: "$TMP/localhost.signing.key"
registration_shared_secret: "$SECRET"
macaroon_secret_key: "$("$PY" -c 'import secrets; print(secrets.token_hex(16))')"
form_secret: "$("$PY" -c 'import secrets; print(secrets.token_hex(16))')"
report_stats: false
enable_registration: false
trusted_key_servers: []
suppress_key_server_warning: true
federation_domain_whitelist: []
presence:
  enabled: false
url_preview_enabled: false
rc_login:
  address: $lifted
  account: $lifted
  failed_attempts: $lifted
rc_registration: $lifted
rc_joins:
  local: $lifted
  remote: $lifted
rc_joins_per_room: $lifted
rc_invites:
  per_room: $lifted
  per_user: $lifted
  per_issuer: $lifted
rc_3pid_validation: $lifted
rc_delayed_event_mgmt: $lifted
YAML

cat >"$TMP/log.yaml" <<YAML
version: 1
formatters:
  plain:
    format: "%(asctime)s %(levelname)s %(name)s %(message)s"
handlers:
  file:
    class: logging.FileHandler
    filename: "$TMP/homeserver.log"
    formatter: plain
root:
  level: WARNING
  handlers: [file]
disable_existing_loggers: false
YAML

"$VENV/bin/python" -m synapse.app.homeserver -c "$TMP/homeserver.yaml" --generate-keys \
    >"$TMP/keys.log" 2>&1 || { cat "$TMP/keys.log" >&2; die "could not generate the signing key"; }

# The control script tests use to stop and start this very server.
cat >"$TMP/ctl.sh" <<CTL
#!/usr/bin/env bash
set -euo pipefail
case "\${1:-}" in
  start)
    "$VENV/bin/python" -m synapse.app.homeserver -c "$TMP/homeserver.yaml" --daemonize \
        >>"$TMP/stdout.log" 2>&1
    for _ in \$(seq 1 300); do
        if "$PY" -c 'import sys, urllib.request
try:
    urllib.request.urlopen("http://127.0.0.1:$PORT/health", timeout=1)
except Exception:
    sys.exit(1)' 2>/dev/null; then exit 0; fi
        sleep 0.1
    done
    echo "Synapse did not answer on 127.0.0.1:$PORT within 30 s" >&2
    exit 1
    ;;
  stop)
    if [ -f "$TMP/homeserver.pid" ]; then
        pid=\$(cat "$TMP/homeserver.pid")
        kill -TERM "\$pid" 2>/dev/null || true
        for _ in \$(seq 1 100); do kill -0 "\$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "\$pid" 2>/dev/null || true
        rm -f "$TMP/homeserver.pid"
    fi
    ;;
  *) echo "usage: \$0 start|stop" >&2; exit 2 ;;
esac
CTL

started_at=$(date +%s)
bash "$TMP/ctl.sh" start || die "Synapse did not start (see its log below)"
STARTED=1
log "Synapse ready at http://127.0.0.1:$PORT (started in $(( $(date +%s) - started_at )) s)"

export VORES_TEST_SYNAPSE_URL="http://127.0.0.1:$PORT"
export VORES_TEST_SYNAPSE_SECRET="$SECRET"
export VORES_TEST_SYNAPSE_CTL="$TMP/ctl.sh"
export VORES_REQUIRE_SYNAPSE=1

status=0
"$@" || status=$?
exit "$status"
