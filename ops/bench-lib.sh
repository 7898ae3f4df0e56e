# Sourced by the benchmark scripts (bench.sh, bench-pages.sh, bench-redis.sh): free loopback ports, waiting for a
# server, a published Chat.Server, a throw-away redis-server, a baseline relay, and stopping what was started. Expects $dir (a fresh
# temporary folder, removed at the end) to be set before it is sourced.

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while listening "$p"; do p=$((p + 1)); done; echo "$p"; }
wait_until() { # seconds, description, command...
  local limit=$1 what=$2; shift 2
  for _ in $(seq 1 $((limit * 10))); do "$@" && return 0; sleep 0.1; done
  echo "$what did not come up within ${limit} s" >&2
  return 1
}

redis_pid="" node_pid="" relay_pid=""
stop() {
  [ -n "$relay_pid" ] && kill -TERM "$relay_pid" 2>/dev/null && wait "$relay_pid" 2>/dev/null || true
  [ -n "$node_pid" ] && kill -TERM "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null || true
  [ -n "$redis_pid" ] && kill -TERM "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap stop EXIT

# Published, as it would be deployed: from a plain build's output the static files are served the development
# way (no-cache, compressed on the fly without real compression). Sets server_dll.
publish_server() {
  echo "Publishing Chat.Server (Release)" >&2
  dotnet publish Chat.Server -c Release -o "$dir/publish" -v quiet -nologo >"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
  server_dll="$dir/publish/Chat.Server.dll"
}

# A redis-server without persistence on the first free port from $1. Sets redis_port and redis_pid.
start_redis() {
  redis_port=$(free_port "$1")
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" >"$dir/redis.log" 2>&1 &
  redis_pid=$!
  wait_until 10 "redis-server on port $redis_port" bash -c "redis-cli -p $redis_port ping 2>/dev/null | grep -q PONG"
}

# The published node on the first free port from 5180, on that Redis, with Production settings and warnings-only
# logging, plus any NAME=value settings given. exec: the node's pid is the one whose CPU and memory a tool reads.
# Sets base and node_pid, and returns once /healthz answers.
start_node() {
  local port
  port=$(free_port 5180)
  base="http://127.0.0.1:$port"
  (cd "$(dirname "$server_dll")" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Redis__Configuration="127.0.0.1:$redis_port" Staff__SetupCodeFile="$dir/setup-code.txt" "$@" \
    dotnet "$server_dll" --urls "$base" </dev/null >"$dir/node.log" 2>&1) &
  node_pid=$!
  wait_until 60 "Chat.Server on $base" curl -fs -o /dev/null --max-time 2 "$base/healthz"
}

# A baseline relay (ops/bench/baselines; $1 is signalr-relay or socketio) on the first free port from 5300, with
# warnings-only logging: the SignalR one built in Release, the socket.io one on its locked packages. exec: the
# relay's pid is the one whose CPU and memory the tool reads. Sets base and relay_pid, and returns once it listens.
start_relay() {
  local port command
  port=$(free_port 5300)
  base="http://127.0.0.1:$port"
  case $1 in
    signalr-relay)
      echo "Building SignalRRelay (Release)" >&2
      dotnet build ops/bench/baselines/SignalRRelay -c Release -v quiet -nologo >"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
      command=(dotnet "$PWD/ops/bench/baselines/SignalRRelay/bin/Release/net10.0/SignalRRelay.dll") ;;
    socketio)
      ensure_npm_packages ops/bench/baselines/socketio
      command=(node "$PWD/ops/bench/baselines/socketio/relay.js") ;;
    *) echo "unknown target $1 (service, signalr-relay or socketio)" >&2; exit 2 ;;
  esac
  (cd "$dir" && exec env ASPNETCORE_ENVIRONMENT=Production RELAY_PORT="$port" "${command[@]}" </dev/null >"$dir/relay.log" 2>&1) &
  relay_pid=$!
  wait_until 30 "the $1 relay on $base" listening "$port"
}

machine() { echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"; }
