#!/usr/bin/env bash
# Fails when a secret the tests planted (post bodies, passwords, email addresses, contact messages, reset and
# confirmation codes: see tests/PatientForum.TestSupport/Canaries.cs) appears in any log line the test forums
# wrote during a run. tests/run.sh calls it after each pass with that pass's FORUM_TEST_LOG_DIR.
# It also fails when it saw no log lines or no planted secrets, so it cannot pass by checking nothing.
set -euo pipefail

dir="${1:?usage: tests/check-log-canaries.sh LOG_DIR}"
shopt -s nullglob
logs=("$dir"/app-*.log)
planted=("$dir"/canaries-*.tsv)

secrets="$(mktemp)"
hits="$(mktemp)"
trap 'rm -f "$secrets" "$hits"' EXIT

line_count="$(cat /dev/null "${logs[@]}" | wc -l)"
cut -f2- /dev/null "${planted[@]}" | sort -u > "$secrets"
secret_count="$(wc -l < "$secrets")"
echo "Log privacy check: $line_count log lines, $secret_count planted secrets ($dir)"

if [ "$line_count" -eq 0 ]; then echo "No log lines were written: the check would prove nothing." >&2; exit 1; fi
if [ "$secret_count" -eq 0 ]; then echo "No secrets were planted: the check would prove nothing." >&2; exit 1; fi

# Case-insensitive: Identity keeps upper-cased copies of addresses. In the C locale, because GNU grep's
# case-insensitive search for many fixed strings is hundreds of times slower in a UTF-8 locale (minutes per pass
# here); the C locale folds ASCII letters only, and a secret with other letters is still matched as written.
export LC_ALL=C
if grep -F -i -f "$secrets" -- /dev/null "${logs[@]}" > "$hits"; then
  echo "Planted secrets reached the logs in $(wc -l < "$hits") lines. The first ones:" >&2
  head -n 20 "$hits" | cut -c 1-400 >&2
  echo "Kinds of secret found:" >&2
  grep -F -i -o -f "$secrets" "$hits" | sort -u | head -n 50 | while read -r secret; do
    kind="$(grep -F -i -h -- "$secret" /dev/null "${planted[@]}" | head -n 1 | cut -f1)"
    echo "  $kind: $secret" >&2
  done
  exit 1
fi
echo "No planted secret appears in the logs."
