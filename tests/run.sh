#!/usr/bin/env bash
# Runs every PatientForum test and exits non-zero on any failure.
# Installs what the tests need when it is missing (Debian packages), starts the services they use on
# loopback only, and stops exactly what it started (by pid) when it ends.
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

work="$(mktemp -d)"
started_postgres=""
redis_pidfile=""
cleanup() {
  if [ -n "$redis_pidfile" ] && [ -s "$redis_pidfile" ]; then kill "$(cat "$redis_pidfile")" 2>/dev/null || true; fi
  if [ -n "$started_postgres" ]; then as_root pg_ctlcluster "$started_postgres" main stop || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL: Debian's cluster, started only if it is not running, with a test role that may create databases.
pgver="$(pg_lsclusters -h | awk 'NR==1{print $1}')"
if ! pg_ctlcluster "$pgver" main status >/dev/null 2>&1; then
  log "Starting PostgreSQL $pgver on 127.0.0.1:5432"
  as_root pg_ctlcluster "$pgver" main start
  started_postgres="$pgver"
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not start on 127.0.0.1:5432." >&2; exit 1; }
as_root su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'patientforum_test') THEN
    CREATE ROLE patientforum_test LOGIN CREATEDB PASSWORD 'patientforum_test';
  END IF;
END$$;
-- Dropping a test database ends its remaining sessions (DROP DATABASE ... WITH (FORCE)).
GRANT pg_signal_backend TO patientforum_test;
SQL
export FORUM_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=patientforum_test;Password=patientforum_test"

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

log "Building"
dotnet build PatientForum.sln -c Release -warnaserror --nologo -v quiet

# Every test forum logs at the most verbose level it would plausibly run at into one folder per pass; after each
# pass, tests/check-log-canaries.sh fails the run if a secret the tests planted (post bodies, passwords, email
# addresses, contact messages, reset and confirmation codes) reached a log line.
status=0
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
