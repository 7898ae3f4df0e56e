#!/usr/bin/env bash
# Installs what the tests need (Debian redis-server, nginx and chromium, the npm packages through the
# build) and runs the whole suite. CI runs exactly this through .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet tool restore >/dev/null
rm -rf TestResults/trx
status=0
dotnet test Chat.sln -c Release --logger "trx;LogFilePrefix=chat" --logger "console;verbosity=normal" \
  --results-directory TestResults/trx --blame-hang-timeout 10m || status=$?

# One plain closing line, counted from the TRX files.
passed=0; failed=0; skipped=0
for trx in TestResults/trx/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed))); failed=$((failed + $(value failed)))
  skipped=$((skipped + $(value notExecuted)))
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "no test ran"; exit 1; fi
exit "$status"
