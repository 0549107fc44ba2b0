#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server.
#
# The storage tests need a real PostgreSQL, and CI machines start fresh with
# none running, so this script starts a private server (its own temp data dir,
# its own free port, listening on 127.0.0.1 only, never on a public address),
# exports VORES_TEST_POSTGRES_URL and VORES_REQUIRE_POSTGRES=1, runs the given
# command, then stops the server and deletes its data dir whatever happens.
# It exits with the command's exit code.
#
# Usage: bash tests/with-postgres.sh cargo test --workspace
#
# Server binaries come from $VORES_PG_BINDIR if set, else the highest
# /usr/lib/postgresql/*/bin, else `pg_config --bindir`, else PATH. If none is
# found and we are root, the Debian `postgresql` package is installed.
# PostgreSQL refuses to run as root, so as root the server runs as the
# `postgres` system user (created if missing).
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

log() { echo "with-postgres: $*" >&2; }
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------- binaries --

has_server_bins() {
    [ -n "$1" ] && [ -x "$1/initdb" ] && [ -x "$1/pg_ctl" ] && [ -x "$1/postgres" ]
}

find_bindir() {
    local d
    # Highest installed major version first.
    while IFS= read -r d; do
        has_server_bins "$d" && { echo "$d"; return 0; }
    done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r)
    if command -v pg_config >/dev/null 2>&1; then
        d=$(pg_config --bindir 2>/dev/null || true)
        has_server_bins "$d" && { echo "$d"; return 0; }
    fi
    if command -v initdb >/dev/null 2>&1; then
        d=$(dirname "$(readlink -f "$(command -v initdb)")")
        has_server_bins "$d" && { echo "$d"; return 0; }
    fi
    return 1
}

IS_ROOT=0
[ "$(id -u)" -eq 0 ] && IS_ROOT=1

if [ -n "${VORES_PG_BINDIR:-}" ]; then
    has_server_bins "$VORES_PG_BINDIR" ||
        die "VORES_PG_BINDIR=$VORES_PG_BINDIR does not contain initdb, pg_ctl and postgres"
    BINDIR=$VORES_PG_BINDIR
elif ! BINDIR=$(find_bindir); then
    if [ "$IS_ROOT" -ne 1 ]; then
        die "no PostgreSQL server binaries (initdb, pg_ctl, postgres) found; install the Debian 'postgresql' package (apt-get install postgresql) or set VORES_PG_BINDIR, or run this script as root to install it automatically"
    fi
    log "no PostgreSQL server binaries found; installing the Debian 'postgresql' package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    BINDIR=$(find_bindir) || die "installed 'postgresql' but still found no server binaries under /usr/lib/postgresql/*/bin"
fi
log "using PostgreSQL binaries in $BINDIR ($("$BINDIR/postgres" --version))"

# ------------------------------------------------------------ run-as user --

if [ "$IS_ROOT" -eq 1 ]; then
    PG_USER=postgres
    if ! id -u "$PG_USER" >/dev/null 2>&1; then
        log "creating system user $PG_USER"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$PG_USER"
    fi
else
    PG_USER=$(id -un)
fi

# Run a server command as $PG_USER, from a directory it can read.
as_pg() {
    if [ "$IS_ROOT" -eq 1 ]; then
        (cd "$TMP" && runuser -u "$PG_USER" -- "$@")
    else
        (cd "$TMP" && "$@")
    fi
}

# --------------------------------------------------------- temp dir, trap --

# As root use /tmp explicitly: $TMPDIR might be somewhere postgres can't reach.
if [ "$IS_ROOT" -eq 1 ]; then
    TMP=$(mktemp -d /tmp/vores-pg.XXXXXX)
else
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/vores-pg.XXXXXX")
fi
PGDATA_DIR="$TMP/data"
SOCK_DIR="$TMP/sock"
LOG_FILE="$TMP/server.log"
SERVER_STARTED=0

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    set +e
    if [ "$SERVER_STARTED" -eq 1 ] || [ -f "$PGDATA_DIR/postmaster.pid" ]; then
        if ! as_pg "$BINDIR/pg_ctl" stop -D "$PGDATA_DIR" -m fast -w -t 30 >/dev/null 2>&1; then
            log "fast shutdown failed; trying immediate shutdown"
            as_pg "$BINDIR/pg_ctl" stop -D "$PGDATA_DIR" -m immediate -w -t 10 >/dev/null 2>&1
            if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
                local pid
                pid=$(head -n 1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null)
                [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
            fi
        fi
    fi
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$PGDATA_DIR" "$SOCK_DIR"
if [ "$IS_ROOT" -eq 1 ]; then
    chown -R "$PG_USER": "$TMP"
fi
chmod 700 "$TMP" "$PGDATA_DIR"

# ------------------------------------------------------------------- initdb --

if ! as_pg "$BINDIR/initdb" -D "$PGDATA_DIR" -A trust -U vores --no-locale -E UTF8 \
        >"$TMP/initdb.log" 2>&1; then
    cat "$TMP/initdb.log" >&2
    die "initdb failed"
fi

# Loopback only, private socket dir, no durability (throwaway data).
cat >>"$PGDATA_DIR/postgresql.conf" <<EOF

# --- added by tests/with-postgres.sh ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCK_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF

# ------------------------------------------------------------------- start --

pick_port() {
    if command -v python3 >/dev/null 2>&1 &&
        python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null; then
        return 0
    fi
    # Fallback: random high port that nothing answers on.
    local p
    for _ in $(seq 1 50); do
        p=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

PORT=
for attempt in 1 2 3; do
    PORT=$(pick_port) || die "could not find a free TCP port on 127.0.0.1"
    : >"$LOG_FILE"
    [ "$IS_ROOT" -eq 1 ] && chown "$PG_USER": "$LOG_FILE"
    SERVER_STARTED=1
    if as_pg "$BINDIR/pg_ctl" start -D "$PGDATA_DIR" -l "$LOG_FILE" -w -t 30 \
            -o "-p $PORT" >/dev/null 2>&1; then
        break
    fi
    SERVER_STARTED=0
    # A port picked by someone else in the meantime is worth another try;
    # anything else is a real failure.
    if [ "$attempt" -lt 3 ] && grep -qi 'could not bind\|address already in use' "$LOG_FILE"; then
        log "port $PORT was taken, retrying with another port"
        as_pg "$BINDIR/pg_ctl" stop -D "$PGDATA_DIR" -m immediate >/dev/null 2>&1 || true
        continue
    fi
    log "server log ($LOG_FILE):"
    cat "$LOG_FILE" >&2 || true
    die "PostgreSQL did not start within 30 s"
done

# pg_ctl -w already waited; double-check it accepts TCP connections.
ready=0
for _ in $(seq 1 60); do
    if "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U vores -d postgres; then
        ready=1
        break
    fi
    sleep 0.5
done
if [ "$ready" -ne 1 ]; then
    log "server log ($LOG_FILE):"
    cat "$LOG_FILE" >&2 || true
    die "PostgreSQL on 127.0.0.1:$PORT is not accepting connections after 30 s"
fi

"$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U vores -d postgres \
    -c 'CREATE DATABASE vores_test' >/dev/null ||
    die "could not create database vores_test"

export VORES_TEST_POSTGRES_URL="postgres://vores@127.0.0.1:$PORT/vores_test"
export VORES_REQUIRE_POSTGRES=1
log "PostgreSQL ready at $VORES_TEST_POSTGRES_URL"

# ---------------------------------------------------------------- command --

# Not exec: the EXIT trap must run afterwards to tear the server down.
status=0
"$@" || status=$?
exit "$status"
