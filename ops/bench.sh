#!/usr/bin/env bash
# Load benchmark (issue 8): one Chat.Server node (Release, Production, warnings-only logging) on 127.0.0.1 with its own
# redis-server, driven by ops/bench/load.js: simulated young people and counsellors in whole conversations over the
# real protocol. Prints the result as JSON (and writes it to --out FILE).
# Usage: ops/bench.sh --conversations N --duration S [--interval 5-10] [--length 30-60] [--out FILE]
#        ops/bench.sh --smoke                    5 conversations for 5 s, short messages intervals (the CI check)
#        ops/bench.sh --url URL --setup-code-file F [...]   against a node already running (no publish, no Redis)
# Every simulated young person comes from 127.0.0.1, so the node runs with the per-client flood limits raised
# (Abuse__StartsPerClient, Abuse__MessagesPerClient); the per-conversation limit stays as deployed.
# Not a test of the machine's speed: figures depend on it. Everything it starts is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

url="" setup_code_file="" tool_args=()
while (($#)); do
  case $1 in
    --smoke) tool_args+=(--conversations 5 --duration 5 --interval 1-2 --length 3-5); shift ;;
    --url) url=$2; shift 2 ;;
    --setup-code-file) setup_code_file=$2; shift 2 ;;
    --conversations | --duration | --interval | --length | --out | --account-concurrency) tool_args+=("$1" "$2"); shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

# The tool's own dependencies, exactly as locked (npm ci), whenever the lock file changed since the last install.
command -v node >/dev/null || { source ops/packages.sh; ensure_packages nodejs npm; }
if [ ! -f ops/bench/node_modules/.package-lock.json ] || [ ops/bench/package-lock.json -nt ops/bench/node_modules/.package-lock.json ]; then
  (cd ops/bench && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

if [ -n "$url" ]; then
  exec node ops/bench/load.js --url "$url" --setup-code-file "$setup_code_file" "${tool_args[@]}"
fi

source ops/packages.sh
ensure_packages redis-server redis-tools curl

dir=$(mktemp -d /tmp/bench.XXXXXX)
server_dll="$dir/publish/Chat.Server.dll"
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while listening "$p"; do p=$((p + 1)); done; echo "$p"; }
wait_until() { # seconds, description, command...
  local limit=$1 what=$2; shift 2
  for _ in $(seq 1 $((limit * 10))); do "$@" && return 0; sleep 0.1; done
  echo "$what did not come up within ${limit} s" >&2
  return 1
}

redis_pid="" node_pid=""
stop() {
  [ -n "$node_pid" ] && kill -TERM "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null || true
  [ -n "$redis_pid" ] && kill -TERM "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap stop EXIT

echo "Publishing Chat.Server (Release)" >&2
dotnet publish Chat.Server -c Release -o "$dir/publish" -v quiet -nologo >"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }

redis_port=$(free_port 6390)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" >"$dir/redis.log" 2>&1 &
redis_pid=$!
wait_until 10 "redis-server on port $redis_port" bash -c "redis-cli -p $redis_port ping 2>/dev/null | grep -q PONG"

node_port=$(free_port 5180)
base="http://127.0.0.1:$node_port"
# exec: the node's pid is the one whose CPU and memory the tool reads.
(cd "$(dirname "$server_dll")" && exec env ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore.SignalR=Warning \
  Logging__LogLevel__Microsoft.Hosting.Lifetime=Warning \
  Abuse__StartsPerClient=1000000 Abuse__MessagesPerClient=1000000 \
  Redis__Configuration="127.0.0.1:$redis_port" Staff__SetupCodeFile="$dir/setup-code.txt" \
  dotnet "$server_dll" --urls "$base" </dev/null >"$dir/node.log" 2>&1) &
node_pid=$!
wait_until 60 "Chat.Server on $base" curl -fs -o /dev/null --max-time 2 "$base/healthz"
wait_until 30 "the setup code file" test -s "$dir/setup-code.txt"

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); redis $(redis-server --version | grep -o 'v=[^ ]*')" >&2
status=0
node ops/bench/load.js --url "$base" --setup-code-file "$dir/setup-code.txt" \
  --server-pid "$node_pid" --redis-pid "$redis_pid" --redis-port "$redis_port" "${tool_args[@]}" || status=$?
if grep -qE 'fail|crit' "$dir/node.log"; then echo "node log:" >&2; grep -E 'fail|crit' -A3 "$dir/node.log" | head -40 >&2; fi
exit "$status"
