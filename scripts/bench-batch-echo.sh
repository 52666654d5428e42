#!/usr/bin/env bash
# Batch echo benchmark (issue 7): one `pacslink echo --endpoints` process sweeps COUNT live
# loopback endpoints (one `pacslink listen` process on COUNT ports), and a mixed sweep where
# half the endpoints accept TCP but never answer. Reports the sweep's elapsed time (from its
# JSON summary), the process's wall-clock time and its peak RSS (/usr/bin/time -v), best of
# BENCH_REPEAT runs (default 3), and writes the table into Benchmarks/README.md between the
# bench-batch-echo markers. Builds release first; takes about a minute.
set -euo pipefail

COUNT=${BENCH_BATCH_COUNT:-1000}
REPEAT=${BENCH_REPEAT:-3}
# Below the ephemeral range (32768–60999 on Linux).
BASE_PORT=${BENCH_BATCH_BASE_PORT:-23000}
SILENT_BASE_PORT=$((BASE_PORT + COUNT))
SILENT_TIMEOUT=1

source "$(dirname "$0")/bench-common.sh"
CONFIG=(--config "$WORK/user.ini" --admin-config "$WORK/admin.ini")

# COUNT live endpoints: one listener process, every port bound on each of its loops.
PORT_ARGS=()
for ((i = 0; i < COUNT; i++)); do PORT_ARGS+=(--port $((BASE_PORT + i))); done
"$PACSLINK" "${CONFIG[@]}" listen "${PORT_ARGS[@]}" --aet BATCHSCP --max-associations 2048 >/dev/null 2>&1 &
PIDS+=($!)
wait_for_port $((BASE_PORT + COUNT - 1)) 20

# COUNT/4 sockets that listen and never accept: the kernel completes the handshake (two
# targets per socket, inside the backlog), nobody sends an A-ASSOCIATE-AC.
python3 - "$SILENT_BASE_PORT" $((COUNT / 4)) <<'PY' &
import socket, sys, time
base, count = int(sys.argv[1]), int(sys.argv[2])
held = []
for port in range(base, base + count):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(8); held.append(s)
time.sleep(3600)
PY
PIDS+=($!)
wait_for_port $((SILENT_BASE_PORT + COUNT / 4 - 1)) 20

{
    echo "name,ae,host,port,tls"
    for ((i = 0; i < COUNT; i++)); do echo "live-$i,BATCHSCP,127.0.0.1,$((BASE_PORT + i)),no"; done
} >"$WORK/live.csv"
{
    echo "name,ae,host,port,tls"
    for ((i = 0; i < COUNT / 2; i++)); do echo "live-$i,BATCHSCP,127.0.0.1,$((BASE_PORT + i)),no"; done
    for ((i = 0; i < COUNT / 2; i++)); do echo "silent-$i,SILENT,127.0.0.1,$((SILENT_BASE_PORT + i / 2)),no"; done
} >"$WORK/half-silent.csv"

# sweep CSV ARGS…: "<sweep ms> <wall s> <peak RSS MB> <ok> <failed>", best (lowest sweep time) of REPEAT runs.
sweep() {
    local csv=$1
    shift
    local best=""
    for ((run = 0; run < REPEAT; run++)); do
        /usr/bin/time -v -o "$WORK/time.txt" "$PACSLINK" "${CONFIG[@]}" echo --endpoints "$csv" --format json "$@" \
            >"$WORK/out.json" 2>/dev/null || true
        local ms wall rss ok failed
        ms=$(sed -n 's/.*"elapsed_ms" : \([0-9.]*\).*/\1/p' "$WORK/out.json")
        ok=$(sed -n 's/^    "ok" : \([0-9]*\).*/\1/p' "$WORK/out.json")
        failed=$(sed -n 's/^    "failed" : \([0-9]*\).*/\1/p' "$WORK/out.json")
        wall=$(sed -n 's/.*Elapsed (wall clock) time.*: \([0-9:.]*\)$/\1/p' "$WORK/time.txt" |
            awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
        rss=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' "$WORK/time.txt" | awk '{ printf "%.1f", $1 / 1024 }')
        if [[ -z $best ]] || awk -v a="$ms" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
            best="$ms $wall $rss $ok $failed"
        fi
    done
    echo "$best"
}

row() {
    local label=$1 goal=$2
    shift 2
    read -r ms wall rss ok failed <<<"$(sweep "$@")"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$goal" \
        "$(awk -v m="$ms" 'BEGIN { printf "%.2f s", m / 1000 }')" "$wall s" "$rss MB" "$ok ok, $failed failed"
}

HALF=$((COUNT / 2))
TABLE=$(
    echo "| Sweep | Goal | Sweep time | Process wall clock | Peak RSS | Results |"
    echo "| --- | --- | ---: | ---: | ---: | --- |"
    row "$COUNT live, --concurrency 64 (default)" "< 2 s, < 100 MB" "$WORK/live.csv" --timeout 5
    row "$COUNT live, --concurrency 256" "" "$WORK/live.csv" --timeout 5 --concurrency 256
    row "$HALF live + $HALF silent, --timeout $SILENT_TIMEOUT, --concurrency $COUNT" "≈ one timeout" \
        "$WORK/half-silent.csv" --timeout "$SILENT_TIMEOUT" --concurrency "$COUNT"
    row "$HALF live + $HALF silent, --timeout $SILENT_TIMEOUT, --concurrency 64" "⌈$HALF/64⌉ timeouts" \
        "$WORK/half-silent.csv" --timeout "$SILENT_TIMEOUT"
)
CPU=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
HEADER="Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) × $CPU, Linux $(uname -r), $("$PACSLINK" --version 2>/dev/null | head -1);
best of $REPEAT runs, listener (one \`pacslink listen\` process, $COUNT ports) and sweeper on the same cores
(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))."
echo "$HEADER"
echo "$TABLE"

BLOCK="$HEADER

$TABLE"
printf '%s\n' "$BLOCK" >"$WORK/section.md"
write_section bench-batch-echo "## Batch echo (scripts/bench-batch-echo.sh)" "$WORK/section.md"
