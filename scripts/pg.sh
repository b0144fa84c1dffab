#!/usr/bin/env bash
# A local PostgreSQL server for harmledger, in the project folder .pg/ (gitignored).
#   scripts/pg.sh start   install PostgreSQL from Debian packages if missing, initialise .pg/data,
#                         start it on a free port on 127.0.0.1, create database "harmledger",
#                         print its URL (idempotent: prints the URL when already running)
#   scripts/pg.sh url     print the URL of the running server
#   scripts/pg.sh stop    stop it
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PGHOME="${HARMLEDGER_PG_DIR:-$ROOT/.pg}"
DATA="$PGHOME/data"
DBNAME=harmledger

say() { echo "pg.sh: $*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        say "need root (or sudo) to run: $*"; return 1; fi
}

bindir() {
    # Debian keeps the server binaries out of PATH, one folder per major version.
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
    if [ -z "$d" ] && command -v pg_config >/dev/null; then d="$(pg_config --bindir)"; fi
    [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

install() {
    bindir >/dev/null && return 0
    say "PostgreSQL not found; installing the Debian package"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
        || { as_root apt-get update -q >&2 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
    bindir >/dev/null || { say "PostgreSQL could not be installed"; exit 3; }
}

# postgres refuses to run as root: as root, run the server as the 'postgres' system user.
run_pg() {
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

url() {
    echo "postgresql://postgres@127.0.0.1:$(cat "$PGHOME/port")/$DBNAME"
}

running() {
    local bin
    bin="$(bindir)" || return 1
    [ -f "$DATA/PG_VERSION" ] && run_pg "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
    install
    local bin port
    bin="$(bindir)"
    if running; then url; return; fi
    mkdir -p "$PGHOME/run"
    if [ "$(id -u)" = 0 ]; then chown -R postgres "$PGHOME"; fi
    if [ ! -f "$DATA/PG_VERSION" ]; then
        # C collation: the same string order as SQLite, so both stores sort ids alike.
        run_pg "$bin/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
    fi
    port="$(free_port)"
    echo "$port" >"$PGHOME/port"
    # Only 127.0.0.1 and a socket inside .pg/: nothing outside this machine can reach it.
    run_pg "$bin/pg_ctl" -D "$DATA" -l "$PGHOME/server.log" -w -t 60 \
        -o "-p $port -k $PGHOME/run -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
    run_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'" | grep -q 1 \
        || run_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DBNAME"
    url
}

stop() {
    local bin
    bin="$(bindir)" || { say "PostgreSQL is not installed"; return 0; }
    if running; then run_pg "$bin/pg_ctl" -D "$DATA" -w stop -m fast >/dev/null; say "stopped"; else say "not running"; fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) running && url || { say "not running; run 'make pg'"; exit 1; } ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
