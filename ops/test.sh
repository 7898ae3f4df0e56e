#!/usr/bin/env bash
# THE test command: installs what the tests need, builds, runs the whole suite and ends with one line,
# "N passed, N failed" (", N skipped" when some were), counted from the run's TRX files.
# Exits with dotnet test's code, and non-zero when no test ran at all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# CI starts on a clean Debian machine: install the servers and browser the tests drive.
source ops/packages.sh
ensure_packages redis-server chromium nginx

dotnet tool restore

results="$PWD/TestResults"
mkdir -p "$results"
rm -f "$results"/*.trx
# Browser tests put their screenshots here.
export CHAT_TEST_RESULTS="$results"

status=0
dotnet build Chat.sln -c Release || status=$?
if ((status == 0)); then
  dotnet test Chat.sln -c Release --no-build \
    --blame-hang-timeout 10m --blame-hang-dump-type mini \
    --logger "console;verbosity=normal" --logger trx \
    --results-directory "$results" || status=$?
fi

# Each TRX holds <Counters total=".." executed=".." passed=".." failed=".." error=".." timeout=".." aborted=".." ../>;
# skipped tests count in total but not in executed (notExecuted stays 0 for them).
counts=$({ cat "$results"/*.trx 2>/dev/null || true; } | { grep -o '<Counters [^>]*>' || true; } | tr ' ' '\n' | awk -F'"' '
  $1 == "passed=" { passed += $2 }
  $1 == "failed=" || $1 == "error=" || $1 == "timeout=" || $1 == "aborted=" { failed += $2 }
  $1 == "total=" { total += $2 }
  $1 == "executed=" { executed += $2 }
  END { printf "%d %d %d", passed, failed, total - executed }')
read -r passed failed skipped <<<"$counts"

line="$passed passed, $failed failed"
((skipped == 0)) || line+=", $skipped skipped"
echo "$line"

# A run where nothing ran, or a failure dotnet test did not report in its exit code, still fails.
if ((status == 0 && (passed + failed == 0 || failed > 0))); then
  status=1
fi
exit "$status"
