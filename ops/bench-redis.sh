#!/usr/bin/env bash
# The store ceiling for the load benchmarks: redis-benchmark running the service's own Lua per message
# (ConversationScripts.Send) and per match (QueueScripts.Take) with EVALSHA against a fresh redis-server on a free
# loopback port, printing requests/s and latency percentiles. The scripts are printed from Chat.Server itself
# (ops/bench/baselines/lua/print-script.cs), so this always runs what the service runs.
# Usage: ops/bench-redis.sh      BENCH_CLIENTS=50 (connections), BENCH_SEND_REQUESTS=200000, BENCH_CONVERSATIONS=1000,
#        BENCH_TAKE_REQUESTS=20000, BENCH_WAITING=200000 (waiting chats and counsellors on duty prepared for Take).
# Not a test: figures depend on the machine. Everything it starts is stopped at the end; nothing is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${BENCH_CLIENTS:-50}
send_requests=${BENCH_SEND_REQUESTS:-200000}
conversations=${BENCH_CONVERSATIONS:-1000}
take_requests=${BENCH_TAKE_REQUESTS:-20000}
waiting=${BENCH_WAITING:-200000}
prefix='bench:'
dir=$(mktemp -d /tmp/bench-redis.XXXXXX)

source ops/bench-lib.sh

source ops/packages.sh
ensure_packages redis-server redis-tools

# The Lua exactly as the service sends it (the C# constants, with their interpolated helpers filled in).
echo "Printing the service's scripts (builds Chat.Server)"
dotnet run ops/bench/baselines/lua/print-script.cs -- "$dir" >"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }

start_redis 6490
port=$redis_port
cli() { redis-cli -p "$port" "$@"; }
send_sha=$(cli SCRIPT LOAD "$(cat "$dir/send.lua")")
take_sha=$(cli SCRIPT LOAD "$(cat "$dir/take.lua")")

# Commands as lines of words (no spaces inside a word) in, Redis protocol out, for redis-cli --pipe.
resp() { awk '{ printf "*%d\r\n", NF; for (i = 1; i <= NF; i++) printf "$%d\r\n%s\r\n", length($i), $i }'; }
load() { resp | cli --pipe >"$dir/pipe.log" || { cat "$dir/pipe.log" >&2; exit 1; }; }
now=$(date +%s%3N)
day=86400000
text='Hej, jag vet inte riktigt hur jag ska börja men det har varit jobbigt hemma ett tag och jag behöver prata med någon.'
entry="{\"kind\":\"text\",\"from\":\"youth\",\"text\":\"$text\",\"at\":$now,\"clientMessageId\":\"m-000000000000\"}"
joined="{\"kind\":\"joined\",\"from\":\"counsellor\",\"name\":\"Anna\",\"at\":$now}"

echo
echo "Machine: $(machine), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(redis-server --version | cut -d' ' -f1-3), $clients connections, no pipelining"
# redis-benchmark --csv: "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms";
# the test's name is the command itself, commas and all, so the figures are counted from the end.
report() { # label, csv
  echo "$2" | tail -1 | tr -d '"' | awk -F, -v label="$1" '{ printf "%s: %s requests/s, latency p50 %s ms, p95 %s ms, p99 %s ms, max %s ms\n", label, $(NF-6), $(NF-3), $(NF-2), $(NF-1), $NF }'
}
# redis-benchmark replaces each __rand_int__ with its own 12-digit number below -r, so ids are zero-padded to match.
r=__rand_int__

# Send: active conversations, each held by the same youth connection and living a day (so the PEXPIREs run).
seq -f '%012.0f' 0 $((conversations - 1)) | awk -v p="$prefix" -v d="$day" -v now="$now" '{
  print "HSET " p "conv:{" $1 "} state active youthConn conn-bench counsellor anna topic other language sv created " now
  print "PEXPIRE " p "conv:{" $1 "} " d }' | load
# One call first, outside the keyspace, to show the benchmark runs the whole script and not a refusal.
cli HSET "${prefix}conv:{check}" state active youthConn conn-bench >/dev/null
cli EVALSHA "$send_sha" 3 "${prefix}conv:{check}" "${prefix}conv:{check}:log" "${prefix}conv:{check}:cmid" \
  youth conn-bench m-check "$entry" | head -1 | grep -qx ok || { echo "Send did not answer ok" >&2; exit 1; }
# The message id is three draws long, so a repeat (the script's cheaper 'duplicate' answer) is rare.
out=$(redis-benchmark -p "$port" -c "$clients" -n "$send_requests" -r "$conversations" --csv \
  EVALSHA "$send_sha" 3 "${prefix}conv:{$r}" "${prefix}conv:{$r}:log" "${prefix}conv:{$r}:cmid" youth conn-bench "m-$r$r$r" "$entry")
report "Send (per message, $conversations conversations)" "$out"
appended=$(cli EVAL "local n = 0 for i = 0, tonumber(ARGV[2]) - 1 do n = n + redis.call('LLEN', string.format(ARGV[1], i)) end return n" \
  0 "${prefix}conv:{%012d}:log" "$conversations")
echo "  $appended of $send_requests calls appended a message (the rest met a repeated message id: 'duplicate')"
cli FLUSHALL >/dev/null

# Take: waiting conversations in the queue (waited 90 s), and as many counsellors on duty with room for 3 chats who
# already hold 2 active ones, so the capacity count reads two conversations as it does on a busy evening.
cli HSET "${prefix}conv:{busy-1}" state active >/dev/null
cli HSET "${prefix}conv:{busy-2}" state active >/dev/null
seq -f '%012.0f' 0 $((waiting - 1)) | awk -v p="$prefix" -v d="$day" -v now="$now" '{
  print "HSET " p "conv:{" $1 "} state waiting youthConn conn-bench topic other language sv created " now - 90000 " queuedAt " now - 90000
  print "PEXPIRE " p "conv:{" $1 "} " d
  print "ZADD " p "queue " NR " " $1
  print "HSET " p "duty c-" $1 " 3"
  print "SADD " p "chats:c-" $1 " busy-1 busy-2" }' | load
cli HSET "${prefix}conv:{check}" state waiting youthConn conn-bench queuedAt "$now" >/dev/null
cli ZADD "${prefix}queue" 0 check >/dev/null
cli EVALSHA "$take_sha" 6 "${prefix}conv:{check}" "${prefix}conv:{check}:log" "${prefix}queue" "${prefix}duty" \
  "${prefix}chats:c-000000000000" "${prefix}stats:check" check c-000000000000 Anna "$joined" "$prefix" "$now" "$day" \
  | head -1 | grep -qx ok || { echo "Take did not answer ok" >&2; exit 1; }
cli SREM "${prefix}chats:c-000000000000" check >/dev/null
# Each draw picks the conversation, the id taken from the queue and the counsellor on its own: a chat drawn a second
# time is refused early ('already-taken' or 'no-longer-waiting'); the count below says how many ran the whole script.
out=$(redis-benchmark -p "$port" -c "$clients" -n "$take_requests" -r "$waiting" --csv \
  EVALSHA "$take_sha" 6 "${prefix}conv:{$r}" "${prefix}conv:{$r}:log" "${prefix}queue" "${prefix}duty" "${prefix}chats:c-$r" \
  "${prefix}stats:today" "$r" "c-$r" Anna "$joined" "$prefix" "$now" "$day")
report "Take (per match, $waiting waiting)" "$out"
taken=$(cli HVALS "${prefix}stats:today" | awk '{ n += $1 } END { print n + 0 }')
echo "  $taken of $take_requests calls took a chat (the rest were refused early)"
