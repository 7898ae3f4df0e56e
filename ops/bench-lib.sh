# Sourced by the benchmark scripts (bench.sh, bench-pages.sh, bench-redis.sh): free loopback ports, waiting for a
# server, a published Chat.Server (one node or several), a throw-away redis-server (or a persistent one that can be
# restarted), nginx in front of the nodes, a baseline relay, and stopping what was started. Expects $dir (a fresh
# temporary folder, removed at the end) to be set before it is sourced.

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while listening "$p"; do p=$((p + 1)); done; echo "$p"; }
wait_until() { # seconds, description, command...
  local limit=$1 what=$2; shift 2
  for _ in $(seq 1 $((limit * 10))); do "$@" && return 0; sleep 0.1; done
  echo "$what did not come up within ${limit} s" >&2
  return 1
}
gone() { ! kill -0 "$1" 2>/dev/null; }
# Running, not just there: a child that died and is not reaped yet (a zombie) still answers kill -0.
alive() { kill -0 "$1" 2>/dev/null && ! grep -q ') Z ' "/proc/$1/stat" 2>/dev/null; }

# base is the last node started (what the one-node scripts use); node_pids and node_bases list them all.
redis_pid="" redis_pid_file="" nginx_pid="" relay_pid="" node_pids=() node_bases=()
stop() {
  # nginx first, so no request reaches a node that is going away; Redis last. A pid already gone (the kill-node
  # fault) is skipped.
  [ -n "$relay_pid" ] && kill -TERM "$relay_pid" 2>/dev/null && wait "$relay_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill -TERM "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  local pid
  for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${node_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$redis_pid_file" ]; then
    # A daemonized Redis is not this shell's child: the pid file names the one running now (after a restart, the
    # new one), and we poll instead of wait.
    pid=$(cat "$redis_pid_file" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; then wait_until 10 "redis-server stopping" gone "$pid" || true; fi
  elif [ -n "$redis_pid" ]; then
    kill -TERM "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap stop EXIT
# Stopped from outside (a timeout, Ctrl-C): exit, so the EXIT trap above stops what was started.
trap 'exit 143' TERM INT

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

# A redis-server as deployed (ops/redis.conf: AOF, fsync every second) on the first free port from $1, with its data
# in $dir/redis, daemonized with a pid file. Daemonized because the restart-redis fault starts it again from the
# load tool's shell, and that Redis must outlive that shell; the pid file is how the stop trap (and the tool, through
# --redis-pid-file) finds whichever Redis runs now. The two scripts it writes are the fault's own commands:
# $dir/redis-start.sh starts it (and waits for PONG), $dir/redis-restart.sh shuts it down (SHUTDOWN writes the AOF
# out) and starts it again on the same port and data. Sets redis_port, redis_pid_file and redis_pid.
start_persistent_redis() {
  redis_port=$(free_port "$1")
  redis_pid_file="$dir/redis.pid"
  mkdir -p "$dir/redis"
  # The file's own dir, port, daemonize and logfile lines are left out: the flags give this run's. (`dir` would be
  # changed into while the file is read, before --dir applies; see ops/cluster.sh.)
  cat >"$dir/redis-start.sh" <<SCRIPT
grep -vE '^(dir|port|daemonize|logfile|bind) ' '$PWD/ops/redis.conf' | redis-server - --port $redis_port --bind 127.0.0.1 \\
  --dir '$dir/redis' --daemonize yes --pidfile '$redis_pid_file' --logfile '$dir/redis.log' >>'$dir/redis.log' 2>&1
for _ in \$(seq 1 300); do redis-cli -p $redis_port ping 2>/dev/null | grep -q PONG && exit 0; sleep 0.1; done
echo "redis-server on port $redis_port did not come up within 30 s" >&2; exit 1
SCRIPT
  cat >"$dir/redis-restart.sh" <<SCRIPT
old=\$(cat '$redis_pid_file')
redis-cli -p $redis_port shutdown >/dev/null 2>&1 || true
# The port is free again only once the old process has exited.
while kill -0 "\$old" 2>/dev/null; do sleep 0.05; done
exec bash '$dir/redis-start.sh'
SCRIPT
  bash "$dir/redis-start.sh"
  redis_pid=$(cat "$redis_pid_file")
}

# A published node on the first free port from 5180, on that Redis, with Production settings and warnings-only
# logging, plus any NAME=value settings given. exec: the node's pid is the one whose CPU and memory a tool reads.
# The first node logs to $dir/node.log and writes its setup code to $dir/setup-code.txt, node n to node-n.log and
# setup-code-n.txt (each node makes its own code while no staff account exists; one file would be overwritten).
# Sets base (and appends it to node_bases, the pid to node_pids), and returns once /healthz answers.
start_node() {
  local port n=$((${#node_pids[@]} + 1)) suffix=""
  ((n == 1)) || suffix="-$n"
  port=$(free_port 5180)
  base="http://127.0.0.1:$port"
  (cd "$(dirname "$server_dll")" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Redis__Configuration="127.0.0.1:$redis_port" Staff__SetupCodeFile="$dir/setup-code$suffix.txt" "$@" \
    dotnet "$server_dll" --urls "$base" </dev/null >"$dir/node$suffix.log" 2>&1) &
  node_pids+=("$!")
  node_bases+=("$base")
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

# nginx in front of every node started, on the first free port from $1, from the deployed template (ops/nginx.conf)
# with three changes for a load test, each checked so a changed template fails loudly instead of benchmarking
# something else:
# - balancing per connection (round robin) instead of `hash $remote_addr consistent`: every simulated client comes
#   from 127.0.0.1, so hashing the address would send them all to one node. Browsers need that stickiness (SignalR's
#   negotiate and its WebSocket are two requests); the tool's clients skip negotiation (one request per connection),
#   and everything else they do (staff forms, cookies, antiforgery) works on any node.
# - worker_connections from 1024 to 16,000 and the worker's fd limit raised to match: each client is two sockets
#   through nginx (client side and node side), and 5,000 conversations are about 6,800 clients.
# Runs in the foreground (daemon off) as this shell's child, so the stop trap can wait for it. Sets nginx_base.
start_nginx() {
  local port nofile connections servers="" b
  port=$(free_port "$1")
  nginx_base="http://127.0.0.1:$port"
  nofile=$(ulimit -Hn)
  [ "$nofile" = unlimited ] && nofile=65536
  connections=$((nofile - 100 < 16000 ? nofile - 100 : 16000))
  for b in "${node_bases[@]}"; do servers+="        server ${b#http://} max_fails=1 fail_timeout=5s;"$'\n'; done
  mkdir -p "$dir/nginx/logs" "$dir/nginx/temp"
  awk -v port="$port" -v nodes="${servers%$'\n'}" -v nofile="$nofile" -v connections="$connections" '
    /^worker_processes / { print; print "worker_rlimit_nofile " nofile ";"; next }
    /^ *worker_connections / { print "    worker_connections " connections ";"; next }
    /^ *hash \$remote_addr consistent;/ { print "        # ops/bench.sh: round robin, one choice per connection (see ops/bench-lib.sh)."; next }
    /^@NODES@$/ { print nodes; next }
    { gsub(/@PORT@/, port); print }' ops/nginx.conf >"$dir/nginx/nginx.conf"
  if grep -q 'hash \$remote_addr consistent' "$dir/nginx/nginx.conf" || ! grep -q "worker_connections $connections;" "$dir/nginx/nginx.conf" \
    || ! grep -q "worker_rlimit_nofile $nofile;" "$dir/nginx/nginx.conf"; then
    echo "ops/nginx.conf changed: ops/bench-lib.sh could not render its benchmark variant" >&2
    exit 1
  fi
  nginx -p "$dir/nginx/" -e stderr -c nginx.conf -t -q
  nginx -p "$dir/nginx/" -e stderr -c nginx.conf -g 'daemon off;' </dev/null >"$dir/nginx/stderr.log" 2>&1 &
  nginx_pid=$!
  wait_until 10 "nginx on $nginx_base" curl -fs -o /dev/null --max-time 2 "$nginx_base/healthz"
}

machine() { echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"; }
