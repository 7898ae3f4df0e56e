#!/usr/bin/env bash
# Load benchmark (issue 8): one Chat.Server node (Release, Production, warnings-only logging) on 127.0.0.1 with its own
# redis-server, driven by ops/bench/load.js: simulated young people and counsellors in whole conversations over the
# real protocol. Prints the result as JSON (and writes it to --out FILE).
# Usage: ops/bench.sh --conversations N --duration S [--interval 5-10] [--length 30-60] [--out FILE]
#        ops/bench.sh --smoke                    5 conversations for 5 s, short messages intervals (the CI check)
#        ops/bench.sh --url URL --setup-code-file F [...]   against a node already running (no publish, no Redis)
#        ops/bench.sh --target signalr-relay|socketio [...]   a baseline relay (ops/bench/baselines) instead of the
#                                                  service, same message pattern; no Redis; --url for one already running
# Every simulated young person comes from 127.0.0.1, so the node runs with the per-client flood limits raised
# (Abuse__StartsPerClient, Abuse__MessagesPerClient); the per-conversation limit stays as deployed.
# Not a test of the machine's speed: figures depend on it. Everything it starts is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

url="" setup_code_file="" target=service tool_args=()
while (($#)); do
  case $1 in
    --smoke) tool_args+=(--conversations 5 --duration 5 --interval 1-2 --length 3-5); shift ;;
    --target) target=$2; tool_args+=("$1" "$2"); shift 2 ;;
    --url) url=$2; shift 2 ;;
    --setup-code-file) setup_code_file=$2; shift 2 ;;
    --conversations | --duration | --interval | --length | --out | --account-concurrency | --fault | --fault-at | --fault-command) tool_args+=("$1" "$2"); shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

source ops/packages.sh
# The tool's own dependencies, exactly as locked (npm ci), whenever the lock file changed since the last install.
command -v node >/dev/null || ensure_packages nodejs npm
ensure_npm_packages ops/bench

if [ -n "$url" ]; then
  exec node ops/bench/load.js --url "$url" --setup-code-file "$setup_code_file" "${tool_args[@]}"
fi

ensure_packages redis-server redis-tools curl

dir=$(mktemp -d /tmp/bench.XXXXXX)
source ops/bench-lib.sh

# A baseline: the relay alone, its CPU and memory read exactly as the node's are.
if [ "$target" != service ]; then
  start_relay "$target"
  echo "Machine: $(machine); baseline $target" >&2
  status=0
  node ops/bench/load.js --url "$base" --server-pid "$relay_pid" "${tool_args[@]}" || status=$?
  if [ -s "$dir/relay.log" ]; then echo "relay log:" >&2; head -40 "$dir/relay.log" >&2; fi
  exit "$status"
fi

publish_server
start_redis 6390
start_node Logging__LogLevel__Microsoft.AspNetCore.SignalR=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Warning \
  Abuse__StartsPerClient=1000000 Abuse__MessagesPerClient=1000000
wait_until 30 "the setup code file" test -s "$dir/setup-code.txt"

echo "Machine: $(machine); redis $(redis-server --version | grep -o 'v=[^ ]*')" >&2
status=0
node ops/bench/load.js --url "$base" --setup-code-file "$dir/setup-code.txt" \
  --server-pid "$node_pid" --redis-pid "$redis_pid" --redis-port "$redis_port" "${tool_args[@]}" || status=$?
if grep -qE 'fail|crit' "$dir/node.log"; then echo "node log:" >&2; grep -E 'fail|crit' -A3 "$dir/node.log" | head -40 >&2; fi
exit "$status"
