#!/usr/bin/env bash
# A local multi-node service on loopback, without root:
#   redis-server with AOF, CHAT_NODES (default 2) Chat.Server nodes from a Release build, nginx in front.
# Usage: ops/cluster.sh start|stop|status
# Ports: CHAT_PORT (nginx, default first free from 8080), REDIS_PORT (from 6380), nodes free from 5081.
# Everything lives in .cluster/ (gitignored): data, logs, pid files, the rendered nginx config.
# `stop` keeps the Redis data, so the next `start` finds the same queue and conversations; rm -rf .cluster to wipe.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dir="$root/.cluster"
server_dll="$root/Chat.Server/bin/Release/net10.0/Chat.Server.dll"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# A killed process whose parent has not reaped it yet (a zombie) still answers kill -0, so look at its state too.
alive() {
  [ -f "$1" ] || return 1
  local pid; pid=$(cat "$1")
  kill -0 "$pid" 2>/dev/null && ! grep -q ') Z ' "/proc/$pid/stat" 2>/dev/null
}

# Sets $port to the first port from $1 up that nobody listens on and this run has not handed out yet
# (a variable, not output: a $(...) subshell would forget what it handed out).
taken=" "
free_port() {
  port=$1
  while listening "$port" || [[ "$taken" == *" $port "* ]]; do port=$((port + 1)); done
  taken="$taken$port "
}

wait_until() { # seconds, description, command...
  local limit=$1 what=$2; shift 2
  for _ in $(seq 1 $((limit * 10))); do "$@" && return 0; sleep 0.1; done
  echo "$what did not come up within ${limit} s" >&2
  return 1
}

healthy() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/healthz"; }

require() {
  command -v "$1" >/dev/null || { echo "$1 is not installed: apt-get install -y $2 (ops/test.sh does this)" >&2; exit 1; }
}

start() {
  local pidfile
  for pidfile in "$dir/redis.pid" "$dir/nginx/nginx.pid" "$dir"/node-*/pid; do
    if alive "$pidfile"; then echo "The cluster already runs (ops/cluster.sh status); stop it first." >&2; exit 1; fi
  done
  # Whatever started before a failure is stopped again, so a failed start leaves nothing running.
  trap 'echo "start failed; stopping what did start" >&2; stop' ERR
  require redis-server redis-server
  require nginx nginx
  mkdir -p "$dir/redis" "$dir/nginx/logs" "$dir/nginx/temp"

  # Always build: a no-op build takes seconds and the nodes never run stale code.
  echo "Building Chat.Server (Release)"
  dotnet build Chat.Server -c Release -v quiet -nologo >"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }

  local port redis_port chat_port node_ports=() n
  taken=" ${REDIS_PORT:-} ${CHAT_PORT:-} "
  free_port 6380; redis_port=${REDIS_PORT:-$port}
  free_port 8080; chat_port=${CHAT_PORT:-$port}
  for n in $(seq 1 "${CHAT_NODES:-2}"); do free_port 5081; node_ports+=("$port"); done
  for port in "$redis_port" "$chat_port"; do
    if listening "$port"; then echo "Port $port is already in use; choose another (REDIS_PORT, CHAT_PORT)." >&2; exit 1; fi
  done
  printf 'redis=%s\nchat=%s\nnodes="%s"\n' "$redis_port" "$chat_port" "${node_ports[*]}" >"$dir/ports"

  # ops/redis.conf (AOF) with this cluster's port and data folder. Its own `dir` line is left out: redis changes
  # into that folder while reading the file, before --dir applies. The flags stand in where the file is missing.
  local redis_conf="appendonly yes"$'\n'"appendfsync everysec"$'\n'"save \"\""
  [ -f ops/redis.conf ] && redis_conf=$(grep -v '^dir ' ops/redis.conf)
  echo "$redis_conf" | nohup redis-server - --port "$redis_port" --bind 127.0.0.1 --dir "$dir/redis" --daemonize no \
    >"$dir/redis/redis.log" 2>&1 &
  echo $! >"$dir/redis.pid"
  wait_until 10 "redis-server on port $redis_port" bash -c "redis-cli -p $redis_port ping 2>/dev/null | grep -q PONG"

  local servers=""
  n=0
  # The working directory is the build output, so the nodes read its appsettings.json.
  cd "$(dirname "$server_dll")"
  for port in "${node_ports[@]}"; do
    n=$((n + 1))
    mkdir -p "$dir/node-$n"
    # nginx on loopback is the nodes' only proxy: they believe its X-Forwarded-For (Privacy:TrustedProxies).
    Redis__Configuration="127.0.0.1:$redis_port" Staff__SetupCodeFile="$dir/node-$n/setup-code.txt" Privacy__TrustedProxies__0=127.0.0.1 \
      nohup dotnet "$server_dll" --urls "http://127.0.0.1:$port" </dev/null >"$dir/node-$n/node.log" 2>&1 &
    echo $! >"$dir/node-$n/pid"
    servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
  done
  cd "$root"
  for port in "${node_ports[@]}"; do wait_until 60 "Chat.Server on port $port" healthy "$port"; done

  awk -v port="$chat_port" -v nodes="${servers%$'\n'}" \
    '{ gsub(/@PORT@/, port); if ($0 ~ /^@NODES@$/) print nodes; else print }' ops/nginx.conf >"$dir/nginx/nginx.conf"
  nginx -p "$dir/nginx/" -e stderr -c nginx.conf -t -q
  # The daemon must not keep this shell's output open; startup errors land in the log.
  nginx -p "$dir/nginx/" -e logs/error.log -c nginx.conf </dev/null >/dev/null 2>&1 || { cat "$dir/nginx/logs/error.log" >&2; false; }
  wait_until 10 "nginx on port $chat_port" healthy "$chat_port"
  trap - ERR
  status
}

stop_pid() { # pid file, name
  alive "$1" || { rm -f "$1"; return 0; }
  local pid; pid=$(cat "$1")
  kill -TERM "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then echo "$2 ignored SIGTERM; killing it"; kill -KILL "$pid"; fi
  echo "stopped $2"
  rm -f "$1"
}

stop() {
  # nginx first, so no request reaches a node that is going away; Redis last.
  if alive "$dir/nginx/nginx.pid"; then
    local nginx_pid; nginx_pid=$(cat "$dir/nginx/nginx.pid")
    nginx -p "$dir/nginx/" -e logs/error.log -c nginx.conf -s quit 2>/dev/null
    wait_until 10 "nginx stopping" bash -c "! kill -0 $nginx_pid 2>/dev/null" && echo "stopped nginx"
  fi
  local pidfile
  for pidfile in "$dir"/node-*/pid; do [ -f "$pidfile" ] && stop_pid "$pidfile" "$(basename "$(dirname "$pidfile")")"; done
  stop_pid "$dir/redis.pid" redis-server
}

status() {
  [ -f "$dir/ports" ] || { echo "not started"; return 0; }
  # shellcheck disable=SC1091
  . "$dir/ports"
  local n=0 port state
  if alive "$dir/redis.pid"; then state="runs"; else state="stopped"; fi
  echo "redis-server  127.0.0.1:$redis  $state (AOF in .cluster/redis)"
  for port in $nodes; do
    n=$((n + 1))
    if ! alive "$dir/node-$n/pid"; then state="stopped"; elif healthy "$port"; then state="healthy"; else state="runs, not healthy"; fi
    echo "node-$n        http://127.0.0.1:$port  $state (log .cluster/node-$n/node.log)"
  done
  if alive "$dir/nginx/nginx.pid"; then state="runs"; else state="stopped"; fi
  echo "nginx         http://127.0.0.1:$chat  $state"
  alive "$dir/nginx/nginx.pid" || return 0
  echo "Young people: http://127.0.0.1:$chat/   Counsellors: http://127.0.0.1:$chat/staff"
  # Each node has its own one-time setup code; nginx keeps a browser on one node, so name that node's file.
  local upstream
  upstream=$(curl -sS -D - -o /dev/null --max-time 2 "http://127.0.0.1:$chat/healthz" | tr -d '\r' | sed -n 's/^X-Upstream: .*:\([0-9]*\)$/\1/p' || true)
  n=0
  for port in $nodes; do
    n=$((n + 1))
    if [ "$port" = "$upstream" ] && [ -f "$dir/node-$n/setup-code.txt" ] \
      && [ "$(redis-cli -p "$redis" scard chat:staff 2>/dev/null)" = "0" ]; then
      echo "No staff account yet: open http://127.0.0.1:$chat/staff/setup with the code in .cluster/node-$n/setup-code.txt"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
