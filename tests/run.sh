#!/usr/bin/env bash
# Runs every PatientForum test and exits non-zero on any failure.
# Installs what the tests need when it is missing (Debian packages), starts the services they use on
# loopback only (a private PostgreSQL cluster and Redis server of the run's own), and stops exactly what it
# started when it ends.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

log() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "Need root (or sudo) to run: $*" >&2; exit 1
  fi
}

apt_updated=0
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

command -v dotnet >/dev/null 2>&1 || { echo "The .NET SDK (see global.json) is required." >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The browser tests drive Debian's Chromium (never a downloaded browser build). PostgreSQL and Redis are the
# scale-out configuration, which the whole suite runs against a second time.
ensure_packages chromium fonts-dejavu-core postgresql redis-server

# The run's folder (its PostgreSQL cluster, every test forum's data folder and files, the logs) lives in memory when the
# machine has a tmpfs at /dev/shm with room for it. The suite creates and deletes files by the hundred thousand (each
# test database is a copy of the template's 550 files, dropped seconds later; each test forum has a folder of its own),
# and on a disk file system every one is inode and journal work, and a discard where the disk is mounted with it.
# Nothing in the folder outlives the run.
work_parent="${TMPDIR:-/tmp}"
if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] \
  && [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -ge $((4 * 1024 * 1024)) ]; then
  work_parent=/dev/shm
fi
work="$(mktemp -d -p "$work_parent" patientforum-run.XXXXXX)"
pg_data=""
redis_pidfile=""
cleanup() {
  if [ -n "$redis_pidfile" ] && [ -s "$redis_pidfile" ]; then kill "$(cat "$redis_pidfile")" 2>/dev/null || true; fi
  if [ -n "$pg_data" ]; then as_postgres "$pgbin/pg_ctl" -D "$pg_data" -m immediate -s stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL: a private cluster of the run's own, made in the run's folder, on a free loopback port, stopped and
# deleted when the run ends; the machine's own clusters are never touched. Nothing in it outlives the run, so it
# does not sync to disk (fsync, synchronous_commit and full_page_writes off): every test database is created from
# a template and dropped, and each of those is a checkpoint that a synced cluster waits for. Autovacuum is off: a
# test database lives for seconds, and a worker vacuuming and analysing each new one only takes CPU from the tests.
# initdb and the server refuse to run as root: as root they run as the postgres user Debian's package made.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; else "$@"; fi
}
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pg_port=""
for port in $(seq 5433 5452); do
  if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then pg_port=$port; break; fi
done
[ -n "$pg_port" ] || { echo "No free port for PostgreSQL between 5433 and 5452 on 127.0.0.1." >&2; exit 1; }
log "Starting a private PostgreSQL ($("$pgbin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$pg_port"
pg_home="$work/postgres"
mkdir -p "$pg_home"
if [ "$(id -u)" -eq 0 ]; then chmod 711 "$work"; chown postgres: "$pg_home"; fi
chmod 700 "$pg_home"
as_postgres "$pgbin/initdb" -D "$pg_home/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
pg_data="$pg_home/data"
as_postgres "$pgbin/pg_ctl" -D "$pg_data" -l "$pg_home/server.log" -w -s -t 60 -o \
  "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_home -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off" \
  start || { cat "$pg_home/server.log" >&2; exit 1; }
# The test role may create databases, and end a test database's remaining sessions when it drops it (WITH (FORCE)).
as_postgres "$pgbin/psql" -h "$pg_home" -p "$pg_port" -U postgres -q -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE patientforum_test LOGIN CREATEDB PASSWORD 'patientforum_test'" \
  -c "GRANT pg_signal_backend TO patientforum_test" >/dev/null
export FORUM_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=patientforum_test;Password=patientforum_test"

# Redis: a private server on loopback, without persistence, stopped by its pid when the run ends.
redis_port=6380
if [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" != PONG ]; then
  log "Starting Redis on 127.0.0.1:$redis_port"
  redis_pidfile="$work/redis.pid"
  redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --pidfile "$redis_pidfile" --logfile "$work/redis.log"
  for _ in $(seq 1 20); do [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = PONG ] && break; sleep 0.5; done
  [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = PONG ] || { echo "Redis did not start on 127.0.0.1:$redis_port:" >&2; cat "$work/redis.log" >&2; exit 1; }
fi
export FORUM_TEST_REDIS="127.0.0.1:$redis_port"

# Every forum a test starts watches its settings files with inotify unless told not to (the test helpers tell it);
# raise the kernel's low default of 128 instances per user where the machine allows, for anything else that watches.
if [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 1024)" -lt 1024 ]; then
  as_root sysctl -q -w fs.inotify.max_user_instances=1024 >/dev/null 2>&1 || true
fi

status=0

# The front end's linters (stylelint and ESLint, pinned in src/PatientForum.Web/package.json) run like a test pass:
# their failure fails the run. Node.js is only needed here; the forum itself runs without it. npm ci reinstalls
# node_modules when it is missing or older than the lock file (npm writes node_modules/.package-lock.json last).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  ensure_packages nodejs npm
fi
web="$repo/src/PatientForum.Web"
if [ ! -f "$web/node_modules/.package-lock.json" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
  log "Installing the linters (npm ci)"
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
fi
log "Linting CSS and JavaScript"
(cd "$web" && npm run --silent lint) || status=1

log "Building"
dotnet build PatientForum.sln -c Release -warnaserror --nologo -v quiet

# The test forums' data folders (and Chromium's profiles) go to the run's folder too, and so are deleted with it.
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"

# Every test forum logs at the most verbose level it would plausibly run at into one folder per pass; after each
# pass, tests/check-log-canaries.sh fails the run if a secret the tests planted (post bodies, passwords, email
# addresses, contact messages, reset and confirmation codes) reached a log line.
log "Testing tests/PatientForum.Tests on SQLite"
FORUM_TEST_LOG_DIR="$work/logs/sqlite" FORUM_TEST_PROVIDER=Sqlite dotnet test tests/PatientForum.Tests -c Release --no-build --nologo || status=1
tests/check-log-canaries.sh "$work/logs/sqlite" || status=1
log "Testing tests/PatientForum.Tests on PostgreSQL with the Redis backplane"
FORUM_TEST_LOG_DIR="$work/logs/postgres" FORUM_TEST_PROVIDER=Postgres dotnet test tests/PatientForum.Tests -c Release --no-build --nologo || status=1
tests/check-log-canaries.sh "$work/logs/postgres" || status=1
log "Testing tests/PatientForum.BrowserTests"
FORUM_TEST_LOG_DIR="$work/logs/browser" dotnet test tests/PatientForum.BrowserTests -c Release --no-build --nologo || status=1
tests/check-log-canaries.sh "$work/logs/browser" || status=1

if [ "$status" -ne 0 ]; then
  log "Some tests failed"
fi
exit "$status"
