#!/usr/bin/env bash
# Load benchmark (issue 8): Chat.Server nodes (Release, Production, warnings-only logging) on 127.0.0.1 with their own
# redis-server, driven by ops/bench/load.js: simulated young people and counsellors in whole conversations over the
# real protocol. Prints the result as JSON (and writes it to --out FILE).
# Usage: ops/bench.sh --conversations N --duration S [--interval 5-10] [--length 30-60] [--out FILE]
#        ops/bench.sh --nodes 2 --conversations N ...   two nodes on one Redis behind nginx (balanced per connection)
#        ops/bench.sh ... --fault kill-node|restart-redis|storm [--fault-at S] [--fault-command CMD]   a fault under load
#                                                (the command is made here for the nodes and Redis this script starts)
#        ops/bench.sh --idle N --duration S [--open-rate R] [--open-within S]   N young people who Start and wait in
#                                                the queue, on one node: its memory and fds per connection
#        ops/bench.sh --smoke                    5 conversations for 5 s, short messages intervals (the CI check)
#        ops/bench.sh --url URL --setup-code-file F [...]   against a node already running (no publish, no Redis)
#        ops/bench.sh --target signalr-relay|socketio [...]   a baseline relay (ops/bench/baselines) instead of the
#                                                  service, same message pattern; no Redis; --url for one already running
# Every simulated young person comes from 127.0.0.1, so the nodes run with the per-client flood limits raised
# (Abuse__StartsPerClient, Abuse__MessagesPerClient); the per-conversation limit stays as deployed.
# Not a test of the machine's speed: figures depend on it. Everything it starts is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

url="" setup_code_file="" target=service tool_args=() nodes=1 fault="" fault_at="" fault_command="" idle=""
while (($#)); do
  case $1 in
    --smoke) tool_args+=(--conversations 5 --duration 5 --interval 1-2 --length 3-5); shift ;;
    --target) target=$2; tool_args+=("$1" "$2"); shift 2 ;;
    --url) url=$2; shift 2 ;;
    --setup-code-file) setup_code_file=$2; shift 2 ;;
    --nodes) nodes=$2; shift 2 ;;
    --fault) fault=$2; shift 2 ;;
    --fault-at) fault_at=$2; shift 2 ;;
    --fault-command) fault_command=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --conversations | --duration | --interval | --length | --out | --account-concurrency \
      | --open-rate | --open-within | --clients-per-process)
      tool_args+=("$1" "$2"); shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

usage_error() { echo "$1" >&2; exit 2; }
[[ "$nodes" =~ ^[1-9][0-9]*$ ]] || usage_error "--nodes takes a number of nodes (1 or more)"
case $fault in
  "" | storm | restart-redis) ;;
  kill-node) ((nodes >= 2)) || [ -n "$url" ] || usage_error "--fault kill-node needs --nodes 2 or more (the clients go on on another node)" ;;
  *) usage_error "--fault is one of kill-node, restart-redis, storm" ;;
esac
[ -z "$fault_at$fault_command" ] || [ -n "$fault" ] || usage_error "--fault-at and --fault-command need --fault"
if [ -n "$idle" ]; then
  # Memory per connection is a one-node figure, measured on the node itself (no nginx in between).
  ((nodes == 1)) && [ -z "$fault" ] || usage_error "--idle runs on one node, without a fault"
  tool_args+=(--target service-idle --conversations "$idle")
fi
[ -z "$url" ] || ((nodes == 1)) || usage_error "--url runs against nodes already running: no --nodes"
[ "$target" = service ] || { ((nodes == 1)) && [ -z "$fault$idle" ]; } || usage_error "a relay runs alone: no --nodes, --fault or --idle"
# The fault hooks: the tool runs --fault-command with `bash -c` at --fault-at seconds (the storm it makes itself).
fault_args=()
[ -z "$fault" ] || fault_args+=(--fault "$fault")
[ -z "$fault_at" ] || fault_args+=(--fault-at "$fault_at")

source ops/packages.sh
# The tool's own dependencies, exactly as locked (npm ci), whenever the lock file changed since the last install.
command -v node >/dev/null || ensure_packages nodejs npm
ensure_npm_packages ops/bench

if [ -n "$url" ]; then
  # Against nodes started elsewhere, the kill-node or restart-redis command is the caller's.
  [ -z "$fault_command" ] || fault_args+=(--fault-command "$fault_command")
  exec node ops/bench/load.js --url "$url" --setup-code-file "$setup_code_file" "${tool_args[@]}" "${fault_args[@]}"
fi

ensure_packages redis-server redis-tools curl
((nodes == 1)) || ensure_packages nginx

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
# The restart-redis fault needs the data to survive the restart, as deployed (AOF); every other run keeps Redis
# without persistence, as before.
if [ "$fault" = restart-redis ]; then start_persistent_redis 6390; else start_redis 6390; fi

settings=(Logging__LogLevel__Microsoft.AspNetCore.SignalR=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Warning
  Abuse__StartsPerClient=1000000 Abuse__MessagesPerClient=1000000)
# Behind nginx the nodes believe its X-Forwarded-For, as in ops/cluster.sh (the address is 127.0.0.1 either way).
((nodes == 1)) || settings+=(Privacy__TrustedProxies__0=127.0.0.1)
for _ in $(seq 1 "$nodes"); do start_node "${settings[@]}"; done
wait_until 30 "the setup code file" test -s "$dir/setup-code.txt"

tool_url=$base
if ((nodes > 1)); then
  start_nginx 8090
  tool_url=$nginx_base
  # The first admin's setup code is the first node's own (each node makes one, in memory): its form goes there
  # directly, not through nginx, which may pick the other node.
  tool_args+=(--setup-url "${node_bases[0]}")
fi

# The commands for the nodes and Redis started here (unless one was given): SIGKILL of the first node; Redis shut
# down and started again on its port and data (ops/bench-lib.sh), whose new pid the tool finds in the pid file.
case $fault in
  kill-node) fault_args+=(--fault-command "${fault_command:-kill -KILL ${node_pids[0]}}") ;;
  restart-redis) fault_args+=(--fault-command "${fault_command:-bash $dir/redis-restart.sh}" --redis-pid-file "$redis_pid_file") ;;
esac
[ -z "$fault" ] || echo "Fault: $fault${fault_at:+ at $fault_at s}" >&2

echo "Machine: $(machine); redis $(redis-server --version | grep -o 'v=[^ ]*'); $nodes node(s)${nginx_base:+ behind nginx at $nginx_base}" >&2
status=0
server_pids=$(IFS=,; echo "${node_pids[*]}")
node ops/bench/load.js --url "$tool_url" --setup-code-file "$dir/setup-code.txt" \
  --server-pid "$server_pids" --redis-pid "$redis_pid" --redis-port "$redis_port" "${tool_args[@]}" "${fault_args[@]}" || status=$?
# A node gone by now died during the run (but for the one the kill-node fault killed): the end of its log says why,
# and the log goes with $dir at exit.
for i in "${!node_pids[@]}"; do
  alive "${node_pids[i]}" && continue
  [ "$fault" = kill-node ] && ((i == 0)) && continue
  log="$dir/node.log"; ((i == 0)) || log="$dir/node-$((i + 1)).log"
  echo "node $((i + 1)) (pid ${node_pids[i]}) exited during the run; the end of its log:" >&2
  tail -40 "$log" >&2
done
for log in "$dir"/node*.log; do
  if grep -qE 'fail|crit' "$log"; then echo "$(basename "$log"):" >&2; grep -E 'fail|crit' -A3 "$log" | head -40 >&2; fi
done
for log in "$dir/nginx/stderr.log" "$dir/nginx/logs/error.log"; do
  if [ -s "$log" ]; then echo "nginx ($(basename "$log")):" >&2; head -20 "$log" >&2; fi
done
exit "$status"
