#!/usr/bin/env bash
# Benchmarks against peers, in one go on loopback (issue 3's benchmark point, issue 8 item 4):
# association churn (connect, A-ASSOCIATE, C-ECHO, A-RELEASE, close) at concurrency 1 and 64,
# and echoes inside one association, PACSLink against DCMTK 3.6.7 both ways:
#   SCP side: `pacslink bench echo` → `pacslink listen` vs → `storescp` (TCP_NODELAY=1)
#   SCU side: `pacslink bench echo` → `pacslink listen` vs `echoscu` in a loop → `pacslink listen`
# Builds release first, runs every measurement BENCH_REPEAT times (default 2, the best counts)
# for BENCH_DURATION seconds (default 5; the whole script takes about 2 minutes), prints the
# table and writes it into Benchmarks/README.md between the bench-peers markers.
set -euo pipefail

DURATION=${BENCH_DURATION:-5}
REPEAT=${BENCH_REPEAT:-2}
# Below the ephemeral range (32768–60999 on Linux), where churned connections in TIME_WAIT
# would make binding fail.
OURS_PORT=${BENCH_OURS_PORT:-21104}
DCMTK_PORT=${BENCH_DCMTK_PORT:-21105}
SHIPPED_PORT=${BENCH_SHIPPED_PORT:-21106}
STORESCP=/usr/bin/storescp
ECHOSCU=/usr/bin/echoscu

source "$(dirname "$0")/bench-common.sh"

"$PACSLINK" listen --port "$OURS_PORT" --aet OURSCP --max-associations 1024 >/dev/null &
LISTENER=$!
PIDS+=($LISTENER)
TCP_NODELAY=1 "$STORESCP" --aetitle DCMSCP --ignore "$DCMTK_PORT" &
PIDS+=($!)
"$STORESCP" --aetitle DCMSCP --ignore "$SHIPPED_PORT" &
PIDS+=($!)
for port in "$OURS_PORT" "$DCMTK_PORT" "$SHIPPED_PORT"; do wait_for_port "$port"; done

# bench PORT AE ARGS…: "<operations/s> <p99 ms> <failed> <succeeded> <CPU s>" of one
# `pacslink bench echo --json` run.
bench() {
    local port=$1 ae=$2
    shift 2
    local json
    json=$("$PACSLINK" bench echo --host 127.0.0.1 --port "$port" --called-aet "$ae" --calling-aet BENCH --json "$@" \
        || true)
    local rate p99 failed succeeded cpu
    rate=$(sed -n 's/.*"operations_per_second" : \([0-9.]*\).*/\1/p' <<<"$json")
    succeeded=$(sed -n 's/.*"succeeded" : \([0-9]*\).*/\1/p' <<<"$json")
    cpu=$(sed -n 's/.*"cpu_seconds" : \([0-9.]*\).*/\1/p' <<<"$json")
    p99=$(sed -n 's/.*"p99" : \([0-9]*\).*/\1/p' <<<"$json")
    failed=$(sed -n 's/.*"failed" : \([0-9]*\).*/\1/p' <<<"$json")
    echo "${rate:-0} $(awk -v us="${p99:-0}" 'BEGIN { printf "%.2f", us / 1000 }') ${failed:-?} ${succeeded:-0} ${cpu:-0}"
}

# Seconds of CPU (user + system) process PID has used so far.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }

# bench_ours ARGS…: bench against our listener, plus "<CPU µs per operation, both processes>":
# what an operation costs us whatever else the machine is doing.
bench_ours() {
    local before after result
    before=$(cpu_of "$LISTENER")
    result=$(bench "$OURS_PORT" OURSCP "$@")
    after=$(cpu_of "$LISTENER")
    local rate p99 failed succeeded cpu
    read -r rate p99 failed succeeded cpu <<<"$result"
    echo "$rate $p99 $failed $(awk -v b="$cpu" -v n="$succeeded" -v l0="$before" -v l1="$after" \
        'BEGIN { if (n > 0) printf "%.0f", (b + l1 - l0) / n * 1e6; else print "-" }')"
}

# echoscu_loop CONCURRENCY: "<associations/s> - <failed>": CONCURRENCY shell loops running
# `echoscu` (one process, one association each) for DURATION seconds.
echoscu_loop() {
    local concurrency=$1 start end loops=()
    start=$(date +%s%N)
    end=$((start + DURATION * 1000000000))
    for worker in $(seq "$concurrency"); do
        (
            ok=0 bad=0
            while [ "$(date +%s%N)" -lt "$end" ]; do
                if "$ECHOSCU" -aet DCMSCU -aec OURSCP 127.0.0.1 "$OURS_PORT" 2>/dev/null; then ok=$((ok + 1)); else bad=$((bad + 1)); fi
            done
            echo "$ok $bad" >"$WORK/echoscu.$worker"
        ) &
        loops+=($!)
    done
    wait "${loops[@]}"
    local elapsed=$(( $(date +%s%N) - start ))
    cat "$WORK"/echoscu.* | awk -v ns="$elapsed" '{ ok += $1; bad += $2 } END { printf "%.0f - %d\n", ok / (ns / 1e9), bad }'
    rm -f "$WORK"/echoscu.*
}

# echoscu_repeat N: "<echoes/s> - <failed>": one `echoscu --repeat N` (N C-ECHOs in one
# association), process start included.
echoscu_repeat() {
    local start elapsed failed=0
    start=$(date +%s%N)
    "$ECHOSCU" --repeat "$1" -aet DCMSCU -aec OURSCP 127.0.0.1 "$OURS_PORT" 2>/dev/null || failed=$1
    elapsed=$(( $(date +%s%N) - start ))
    awk -v n="$1" -v ns="$elapsed" -v f="$failed" 'BEGIN { printf "%.0f - %d\n", n / (ns / 1e9), f }'
}

group() { # 12345.6 → 12,346
    awk -v r="$1" 'BEGIN { s = sprintf("%.0f", r); out = ""
        while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
        print s out }'
}
cell() { # "<rate> <p99> <failed> …" → "12,345/s (p99 1.23 ms)" [+ failures]
    local rate p99 failed text
    read -r rate p99 failed _ <<<"$1"
    text="$(group "$rate")/s"
    [ "$p99" != "-" ] && text="$text (p99 $p99 ms)"
    [ "$failed" != "0" ] && text="$text, $failed failed"
    echo "$text"
}
ratio() { awk -v a="${1%% *}" -v b="${2%% *}" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "–" }'; }

# best COMMAND…: the run with the highest rate of REPEAT runs (other work on a shared machine
# only ever slows a run down).
best() {
    local result top=""
    for _ in $(seq "$REPEAT"); do
        result=$("$@")
        if [ -z "$top" ] || awk -v a="${result%% *}" -v b="${top%% *}" 'BEGIN { exit !(a > b) }'; then top=$result; fi
    done
    echo "$top"
}

echo "measuring ${DURATION} s per run, best of $REPEAT…" >&2
churn1_ours=$(best bench_ours --concurrency 1 --duration "$DURATION")
churn1_dcmtk=$(best bench "$DCMTK_PORT" DCMSCP --concurrency 1 --duration "$DURATION")
churn1_shipped=$(best bench "$SHIPPED_PORT" DCMSCP --concurrency 1 --duration "$DURATION")
churn1_echoscu=$(best echoscu_loop 1)
churn64_ours=$(best bench_ours --concurrency 64 --duration "$DURATION")
churn64_dcmtk=$(best bench "$DCMTK_PORT" DCMSCP --concurrency 64 --duration "$DURATION")
churn64_echoscu=$(best echoscu_loop 64)
reuse_ours=$(best bench_ours --concurrency 1 --count 1000 --reuse)
reuse_dcmtk=$(best bench "$DCMTK_PORT" DCMSCP --concurrency 1 --count 1000 --reuse)
reuse_echoscu=$(best echoscu_repeat 1000)
reuse64_ours=$(best bench_ours --concurrency 64 --duration "$DURATION" --reuse)

row() { # scenario goal ours dcmtk-scp echoscu
    local scp="–" scpratio="–" scu="–" scuratio="–" cpu
    [ -n "$4" ] && scp=$(cell "$4") && scpratio=$(ratio "$3" "$4")
    [ -n "$5" ] && scu=$(cell "$5") && scuratio=$(ratio "$3" "$5")
    local us
    us=$(cut -d' ' -f4 <<<"$3")
    if [ "$us" != "-" ] && [ "${us:-0}" -gt 0 ]; then
        cpu="$us µs → $(group "$(awk -v us="$us" -v cores="$(nproc)" 'BEGIN { print cores * 1e6 / us }')")/s"
    else
        cpu="–"
    fi
    echo "| $1 | $2 | $(cell "$3") | $cpu | $scp | $scpratio | $scu | $scuratio |"
}

TABLE=$(cat <<TABLE
Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, Linux $(uname -r), $("$PACSLINK" --version),
DCMTK $("$STORESCP" --version 2>/dev/null | sed -n 's/.* v\([0-9.]*\) .*/\1/p' | head -1); best of $REPEAT runs of ${DURATION} s,
client and server on the same cores (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)).

| Scenario | Goal (issue 3) | PACSLink → PACSLink | CPU per op, both sides → rate on idle cores | PACSLink → storescp (TCP_NODELAY=1) | ours ÷ storescp | echoscu → PACSLink | ours ÷ echoscu |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(row "Association churn, 1 at a time" "≥ 1,500/s" "$churn1_ours" "$churn1_dcmtk" "$churn1_echoscu")
$(row "Association churn, 64 in flight" "≥ 6,000/s" "$churn64_ours" "$churn64_dcmtk" "$churn64_echoscu")
$(row "1,000 C-ECHOs in one association" "" "$reuse_ours" "$reuse_dcmtk" "$reuse_echoscu")
$(row "C-ECHOs over 64 associations" "≥ 45,000/s" "$reuse64_ours" "" "")

- Rates are successful operations per second: associations (churn) or C-ECHO round trips
  (one association); p99 is the latency of one operation, from \`pacslink bench\`'s HdrHistogram.
- The CPU column is the user + system time both our processes spent per operation (the
  bench's own clock and the listener's /proc figures, kernel work included); the rate beside
  it is what $(nproc) cores would sustain if nothing else ran — a projection for a shared
  machine, where the measured rate depends on what the others are doing.
- \`storescp\` as shipped (Nagle on, no TCP_NODELAY), 1 at a time: $(cell "$churn1_shipped") —
  our channel re-arms TCP_QUICKACK whenever a read leaves an incomplete PDU, so DCMTK's
  header-then-body replies are not held for a delayed ACK.
- \`storescp\` serves one association at a time: at "64 in flight" the others wait in its
  listen backlog. \`echoscu\` starts a process per association, so its loop measures process
  start-up more than DICOM (64 loops: 64 shell loops on $(nproc) cores); the repeat row is
  one \`echoscu --repeat 1000\` run, process start included.
- \`pacslink listen\` prints a line per association event (to /dev/null here), which is part of
  what it costs.
TABLE
)

echo "$TABLE"
printf '%s\n' "$TABLE" >"$WORK/table.md"
write_section bench-peers "## Against peers (scripts/bench-peers.sh)" "$WORK/table.md"
