#!/usr/bin/env bash
# Benchmarks against peers (issue 8 item 4), in one run on loopback: each scenario PACSLink
# against PACSLink and DCMTK 3.6.7 against DCMTK, on the same machine in the same minutes,
# and the ratio between them:
#   association churn (connect, A-ASSOCIATE, C-ECHO, A-RELEASE, close) at concurrency 1 and 64
#     `pacslink bench echo` → `pacslink listen`  vs  `echoscu` loops → `storescp` (--fork at 64)
#   1,000 C-ECHOs in one association
#     `pacslink bench echo --reuse`              vs  `echoscu --repeat 1000` → `storescp`
#   C-STORE of 1,000 × 4 KB and 200 × 0.5 MB instances over 1 and 8 associations, discarding
#     `pacslink send` → `pacslink listen --discard`  vs  `storescu` (one process per
#     association) → `storescp --fork --ignore`
#   C-MOVE of a 200-instance study (the 0.5 MB instances), writing files without fsync, time
#   until every instance is stored:
#     `pacslink retrieve --flush none` ← `pacslink simulate --from DIR`  vs  `movescu` (its own
#     storage SCP, +P) ← `dcmqrscp` holding the same files
# Every DCMTK process runs with TCP_NODELAY=1 (DCMTK's default is Nagle on); `pacslink bench
# echo` → `storescp` (TCP_NODELAY=1, and as shipped) is measured too, for the SCP side alone.
# Builds release first; the instances are made at run time (scripts/make-instances.py); every
# measurement runs BENCH_REPEAT times (default 2, the best counts; the C-STORE and C-MOVE rows,
# a fraction of a second each, BENCH_STORE_REPEAT times, default 5), churn for BENCH_DURATION
# seconds (default 5). Takes about 3 minutes after the build (must stay under 10, build
# included; it prints its total time). Prints the table and writes it into Benchmarks/README.md
# between the bench-peers markers.
set -euo pipefail
SCRIPT_START=$(date +%s)

DURATION=${BENCH_DURATION:-5}
REPEAT=${BENCH_REPEAT:-2}
STORE_REPEAT=${BENCH_STORE_REPEAT:-5}
SMALL_COUNT=${BENCH_SMALL_COUNT:-1000}
LARGE_COUNT=${BENCH_LARGE_COUNT:-200}
# Below the ephemeral range (32768–60999 on Linux), where churned connections in TIME_WAIT
# would make binding fail.
PORT=${BENCH_PEERS_BASE_PORT:-21104}
OURS_PORT=$PORT                 # pacslink listen --discard (OURSCP)
DCMTK_PORT=$((PORT + 1))        # storescp --ignore, TCP_NODELAY=1 (DCMSCP)
SHIPPED_PORT=$((PORT + 2))      # storescp --ignore as shipped (DCMSCP)
FORK_PORT=$((PORT + 3))         # storescp --fork --ignore, TCP_NODELAY=1 (DCMSCP)
SIM_PORT=$((PORT + 4))          # pacslink simulate --from the 0.5 MB instances (SIMPACS)
RETRIEVE_PORT=$((PORT + 5))     # pacslink retrieve's storage SCP (PACSLINK)
QR_PORT=$((PORT + 6))           # dcmqrscp holding the same files (DCMQR)
MOVESCU_PORT=$((PORT + 7))      # movescu's storage SCP (MOVESCU)
STORESCP=/usr/bin/storescp
STORESCU=/usr/bin/storescu
ECHOSCU=/usr/bin/echoscu
MOVESCU=/usr/bin/movescu
DCMQRSCP=/usr/bin/dcmqrscp
DCMQRIDX=/usr/bin/dcmqridx

source "$(dirname "$0")/bench-common.sh"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Instances: one study (scripts/make-instances.py's default root), 8 shards per set.
"$MAKE_INSTANCES" "$WORK/small" "$SMALL_COUNT" --rows 32 --columns 64 --shards 8
"$MAKE_INSTANCES" "$WORK/large" "$LARGE_COUNT" --rows 512 --columns 512 --shards 8 --first "$SMALL_COUNT"
STUDY_UID=1.2.826.0.1.3680043.10.9999.1
bytes_of() { du -cb "$1"/q*/* | tail -1 | cut -f1; }
SMALL_BYTES=$(bytes_of "$WORK/small")
LARGE_BYTES=$(bytes_of "$WORK/large")

# --- Configuration: PACSLink reads only these files; dcmqrscp indexes the 0.5 MB files.
CONFIG=(--config "$WORK/servers.ini" --admin-config "$WORK/admin.ini")
cat >"$WORK/servers.ini" <<INI
[server "sim"]
ae_title = SIMPACS
host = 127.0.0.1
port = $SIM_PORT
listen_port = $RETRIEVE_PORT
INI
mkdir -p "$WORK/qr/db"
cat >"$WORK/qr/dcmqrscp.cfg" <<CFG
NetworkTCPPort = $QR_PORT
MaxPDUSize = 16384
MaxAssociations = 16
HostTable BEGIN
movescu = (MOVESCU, 127.0.0.1, $MOVESCU_PORT)
HostTable END
VendorTable BEGIN
VendorTable END
AETable BEGIN
DCMQR $WORK/qr/db RW (1000, 2048mb) ANY
AETable END
CFG
"$DCMQRIDX" "$WORK/qr/db" "$WORK"/large/q*/*.dcm

# --- Servers.
"$PACSLINK" listen "${CONFIG[@]}" --port "$OURS_PORT" --aet OURSCP --open --discard --max-associations 1024 >/dev/null &
LISTENER=$!
PIDS+=($LISTENER)
TCP_NODELAY=1 "$STORESCP" --aetitle DCMSCP --ignore "$DCMTK_PORT" &
PIDS+=($!)
"$STORESCP" --aetitle DCMSCP --ignore "$SHIPPED_PORT" &
PIDS+=($!)
TCP_NODELAY=1 "$STORESCP" --aetitle DCMSCP --fork --ignore "$FORK_PORT" &
FORKING=$!
PIDS+=($FORKING)
"$PACSLINK" simulate --base-port "$SIM_PORT" --aet SIMPACS --from "$WORK/large" \
    --destination "PACSLINK=127.0.0.1:$RETRIEVE_PORT" >/dev/null &
PIDS+=($!)
TCP_NODELAY=1 "$DCMQRSCP" -c "$WORK/qr/dcmqrscp.cfg" "$QR_PORT" &
QRSCP=$!
PIDS+=($QRSCP)
for port in "$OURS_PORT" "$DCMTK_PORT" "$SHIPPED_PORT" "$FORK_PORT" "$SIM_PORT" "$QR_PORT"; do wait_for_port "$port" 30; done

# Every measurement prints "<rate> <p99 ms or -> <failed> <extra>": rate is operations (or
# instances) per second, extra the MB/s of a store or move, or the CPU µs per operation of an
# echo against our listener.

# bench PORT AE ARGS…: one `pacslink bench echo --json` run; extra: "<succeeded> <CPU s>".
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

# bench_ours ARGS…: bench against our listener; extra: CPU µs per operation of both processes.
bench_ours() {
    local before after result rate p99 failed succeeded cpu
    before=$(cpu_of "$LISTENER")
    result=$(bench "$OURS_PORT" OURSCP "$@")
    after=$(cpu_of "$LISTENER")
    read -r rate p99 failed succeeded cpu <<<"$result"
    echo "$rate $p99 $failed $(awk -v b="$cpu" -v n="$succeeded" -v l0="$before" -v l1="$after" \
        'BEGIN { if (n > 0) printf "%.0f", (b + l1 - l0) / n * 1e6; else print "-" }')"
}

# echoscu_loop PORT CONCURRENCY: CONCURRENCY shell loops running `echoscu` (one process, one
# association each) against PORT for DURATION seconds.
echoscu_loop() {
    local port=$1 concurrency=$2 start end loops=()
    start=$(date +%s%N)
    end=$((start + DURATION * 1000000000))
    for worker in $(seq "$concurrency"); do
        (
            ok=0 bad=0
            while [ "$(date +%s%N)" -lt "$end" ]; do
                if TCP_NODELAY=1 "$ECHOSCU" -aet DCMSCU -aec DCMSCP 127.0.0.1 "$port" 2>/dev/null; then
                    ok=$((ok + 1))
                else
                    bad=$((bad + 1))
                fi
            done
            echo "$ok $bad" >"$WORK/echoscu.$worker"
        ) &
        loops+=($!)
    done
    wait "${loops[@]}"
    local elapsed=$(($(date +%s%N) - start))
    cat "$WORK"/echoscu.* | awk -v ns="$elapsed" '{ ok += $1; bad += $2 } END { printf "%.0f - %d -\n", ok / (ns / 1e9), bad }'
    rm -f "$WORK"/echoscu.*
}

# echoscu_repeat N: one `echoscu --repeat N` (N C-ECHOs in one association) → storescp,
# process start included.
echoscu_repeat() {
    local start elapsed failed=0
    start=$(date +%s%N)
    TCP_NODELAY=1 "$ECHOSCU" --repeat "$1" -aet DCMSCU -aec DCMSCP 127.0.0.1 "$DCMTK_PORT" 2>/dev/null || failed=$1
    elapsed=$(($(date +%s%N) - start))
    awk -v n="$1" -v ns="$elapsed" -v f="$failed" 'BEGIN { printf "%.0f - %d -\n", n / (ns / 1e9), f }'
}

# timed COUNT BYTES FAILED START_NS: the rate line of a run that began at START_NS.
timed() {
    awk -v n="$1" -v b="$2" -v f="$3" -v ns="$(($(date +%s%N) - $4))" \
        'BEGIN { s = ns / 1e9; if (f >= n) print "0 - " f " 0"; else printf "%.0f - %d %.1f\n", (n - f) / s, f, b / s / 1e6 }'
}

# store_ours SET N / store_dcmtk SET N: SET's files ($WORK/SET/q0…q7) over N associations.
store_ours() {
    local count bytes start failed=0
    count=$(find "$WORK/$1" -name '*.dcm' | wc -l)
    bytes=$(bytes_of "$WORK/$1")
    warm_cache "$WORK/$1"
    start=$(date +%s%N)
    "$PACSLINK" send "${CONFIG[@]}" --host 127.0.0.1 --port "$OURS_PORT" --called-aet OURSCP --calling-aet BENCH \
        --associations "$2" "$WORK/$1"/q* >/dev/null 2>"$WORK/send.log" || failed=$count
    timed "$count" "$bytes" "$failed" "$start"
}
store_dcmtk() {
    local count bytes start failed=0 pids=() shard k pid
    count=$(find "$WORK/$1" -name '*.dcm' | wc -l)
    bytes=$(bytes_of "$WORK/$1")
    warm_cache "$WORK/$1"
    start=$(date +%s%N)
    for ((k = 0; k < $2; k++)); do
        # N processes, each sending the shards k, k + N, … of the 8.
        local shards=()
        for ((shard = k; shard < 8; shard += $2)); do shards+=("$WORK/$1/q$shard"); done
        TCP_NODELAY=1 "$STORESCU" -aet BENCH -aec DCMSCP 127.0.0.1 "$FORK_PORT" +sd "${shards[@]}" 2>>"$WORK/storescu.log" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || failed=$count; done
    timed "$count" "$bytes" "$failed" "$start"
}

# move_ours / move_dcmtk: the study from the simulator / dcmqrscp, written without fsync;
# failed: instances not stored.
move_ours() {
    local start stored
    rm -rf "$WORK/moved-ours"
    warm_cache "$WORK/large"
    start=$(date +%s%N)
    "$PACSLINK" retrieve sim "${CONFIG[@]}" --study "$STUDY_UID" --method move --out "$WORK/moved-ours" --flush none \
        --json >/dev/null 2>"$WORK/retrieve.log" || true
    stored=$(find "$WORK/moved-ours" -name '*.dcm' 2>/dev/null | wc -l)
    timed "$LARGE_COUNT" "$LARGE_BYTES" $((LARGE_COUNT - stored)) "$start"
}
move_dcmtk() {
    local start stored
    rm -rf "$WORK/moved-dcmtk"
    mkdir -p "$WORK/moved-dcmtk"
    warm_cache "$WORK/qr/db" "$WORK/large"
    start=$(date +%s%N)
    TCP_NODELAY=1 "$MOVESCU" -aet MOVESCU -aec DCMQR -S +P "$MOVESCU_PORT" -k QueryRetrieveLevel=STUDY \
        -k StudyInstanceUID="$STUDY_UID" -od "$WORK/moved-dcmtk" 127.0.0.1 "$QR_PORT" 2>"$WORK/movescu.log" || true
    stored=$(find "$WORK/moved-dcmtk" -type f | wc -l)
    timed "$LARGE_COUNT" "$LARGE_BYTES" $((LARGE_COUNT - stored)) "$start"
}

# best COMMAND…: the run with the highest rate of REPEAT runs (other work on a shared machine
# only ever slows a run down).
best() {
    best_of "$REPEAT" "$@"
}

# best_of N COMMAND…: the same, of N runs.
best_of() {
    local runs=$1 result top=""
    shift
    for _ in $(seq "$runs"); do
        result=$("$@")
        if [ -z "$top" ] || awk -v a="${result%% *}" -v b="${top%% *}" 'BEGIN { exit !(a > b) }'; then top=$result; fi
    done
    echo "$top"
}

echo "measuring, best of $REPEAT runs (churn: ${DURATION} s each)…" >&2
declare -A ours dcmtk cross
ours[churn1]=$(best bench_ours --concurrency 1 --duration "$DURATION")
dcmtk[churn1]=$(best echoscu_loop "$DCMTK_PORT" 1)
cross[churn1]=$(best bench "$DCMTK_PORT" DCMSCP --concurrency 1 --duration "$DURATION")
shipped_churn1=$(best bench "$SHIPPED_PORT" DCMSCP --concurrency 1 --duration "$DURATION")
ours[churn64]=$(best bench_ours --concurrency 64 --duration "$DURATION")
dcmtk[churn64]=$(best echoscu_loop "$FORK_PORT" 64)
cross[churn64]=$(best bench "$FORK_PORT" DCMSCP --concurrency 64 --duration "$DURATION")
ours[reuse]=$(best bench_ours --concurrency 1 --count 1000 --reuse)
dcmtk[reuse]=$(best echoscu_repeat 1000)
cross[reuse]=$(best bench "$DCMTK_PORT" DCMSCP --concurrency 1 --count 1000 --reuse)
ours[reuse64]=$(best bench_ours --concurrency 64 --duration "$DURATION" --reuse)
for set in small large; do
    for n in 1 8; do
        ours[$set$n]=$(best_of "$STORE_REPEAT" store_ours "$set" "$n")
        dcmtk[$set$n]=$(best_of "$STORE_REPEAT" store_dcmtk "$set" "$n")
    done
done
ours[move]=$(best_of "$STORE_REPEAT" move_ours)
dcmtk[move]=$(best_of "$STORE_REPEAT" move_dcmtk)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

group() { # 12345.6 → 12,346
    awk -v r="$1" 'BEGIN { s = sprintf("%.0f", r); out = ""
        while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
        print s out }'
}
cell() { # "<rate> <p99> <failed> <extra>" [unit] → "12,345/s (p99 1.23 ms)" or "1,234/s · 56.7 MB/s", + failures
    local rate p99 failed extra text
    read -r rate p99 failed extra <<<"$1"
    [ -z "$rate" ] && { echo "–"; return; }
    text="$(group "$rate")/s"
    [ "$p99" != "-" ] && text="$text (p99 $p99 ms)"
    [ "${2:-}" = MB ] && text="$text · $extra MB/s"
    [ "$failed" != "0" ] && text="$text, **$failed failed**"
    echo "$text"
}
ratio() { awk -v a="${1%% *}" -v b="${2%% *}" 'BEGIN { if (a > 0 && b > 0) printf "%.1f×", a / b; else print "–" }'; }
# met OURS DCMTK FACTOR: whether ours ≥ FACTOR × DCMTK, with nothing failed.
met() {
    local failed_ours failed_dcmtk
    failed_ours=$(cut -d' ' -f3 <<<"$1")
    failed_dcmtk=$(cut -d' ' -f3 <<<"$2")
    awk -v a="${1%% *}" -v b="${2%% *}" -v f="$3" -v fo="$failed_ours" -v fd="$failed_dcmtk" \
        'BEGIN { if (fo != "0" || fd != "0" || b <= 0) print "–"; else if (a >= f * b) print "yes"; else print "**no**" }'
}

row() { # key scenario goal factor [MB]
    local goal=$3 verdict="–"
    [ -n "$4" ] && verdict=$(met "${ours[$1]}" "${dcmtk[$1]:-}" "$4")
    echo "| $2 | $goal | $(cell "${ours[$1]}" "${5:-}") | $(cell "${dcmtk[$1]:-}" "${5:-}") | $(ratio "${ours[$1]}" "${dcmtk[$1]:-}") | $verdict | $(cell "${cross[$1]:-}") |"
}
cpu() { # key → "N µs"
    local us
    us=$(cut -d' ' -f4 <<<"${ours[$1]}")
    [ "$us" = "-" ] && echo "–" || echo "$us µs"
}

ELAPSED=$(($(date +%s) - SCRIPT_START))
TABLE=$(cat <<TABLE
Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -1)),
Linux $(uname -r), $("$PACSLINK" --version), DCMTK $("$STORESCP" --version 2>/dev/null | sed -n 's/.* v\([0-9.]*\) .*/\1/p' | head -1)
with **TCP_NODELAY=1** in every DCMTK process (its default is Nagle on); best of $REPEAT runs ($STORE_REPEAT for
C-STORE and C-MOVE), churn
runs of ${DURATION} s; clients and servers on the same cores; load average $LOAD_BEFORE before and
$LOAD_AFTER after; the whole script took $ELAPSED s, release build included.

| Scenario | Goal | PACSLink → PACSLink | DCMTK → DCMTK | ours ÷ DCMTK | goal met | \`pacslink bench\` → DCMTK SCP |
| --- | --- | ---: | ---: | ---: | :---: | ---: |
$(row churn1 "Association churn, 1 at a time" "≥ 1,500/s (issue 3)" "")
$(row churn64 "Association churn, 64 in flight" "≥ 40× DCMTK" 40)
$(row reuse "1,000 C-ECHOs in one association" "" "")
$(row reuse64 "C-ECHOs over 64 associations" "≥ 45,000/s (issue 3)" "")
$(row small1 "C-STORE $SMALL_COUNT × $((SMALL_BYTES / SMALL_COUNT)) B, 1 association" "≥ 5× DCMTK" 5 MB)
$(row small8 "C-STORE $SMALL_COUNT × $((SMALL_BYTES / SMALL_COUNT)) B, 8 associations" "≥ 5× DCMTK" 5 MB)
$(row large1 "C-STORE $LARGE_COUNT × $((LARGE_BYTES / LARGE_COUNT)) B, 1 association" "" "" MB)
$(row large8 "C-STORE $LARGE_COUNT × $((LARGE_BYTES / LARGE_COUNT)) B, 8 associations" "" "" MB)
$(row move "C-MOVE of a $LARGE_COUNT-instance study ($((LARGE_BYTES / LARGE_COUNT)) B each)" "≥ 3× DCMTK" 3 MB)

- Churn and echoes: \`pacslink bench echo\` → \`pacslink listen\` against \`echoscu\` → \`storescp\`
  (one \`echoscu\` process per association; at 64 in flight, 64 shell loops against
  \`storescp --fork\`, which serves each association in a child process); p99 is
  \`pacslink bench\`'s HdrHistogram. The last column is our SCU against \`storescp\`
  (\`--fork\` at 64): the DCMTK SCP's own limit. \`storescp\` as shipped (Nagle on), 1 at a time:
  $(cell "$shipped_churn1").
- CPU per operation, both our processes (user + system, from the bench's clock and the
  listener's /proc figures): churn $(cpu churn1) at 1, $(cpu churn64) at 64 in flight; $(cpu reuse) per echo in one
  association, $(cpu reuse64) over 64.
- C-STORE, both sides **discarding**: \`pacslink send --associations N\` → \`pacslink listen
  --discard\` against N \`storescu\` processes (\`+sd\`, each a share of the files) →
  \`storescp --fork --ignore\`; the same Secondary Capture files, wall clock per command,
  process start, folder scan and association set-up included. MB are 10⁶ bytes of the files.
- C-MOVE, both sides **writing files without fsync**: \`pacslink retrieve --flush none\` (its own
  Storage SCP) from \`pacslink simulate --from\` the 0.5 MB files, against \`movescu +P\` (its
  own storage SCP, \`-od\`) from \`dcmqrscp\` with the same files indexed by \`dcmqridx\`; time
  from the command's start until it exits with every instance stored (counted afterwards).
- The rates depend on what else the machine runs; the ratios compare two programs measured
  within the same minutes. Nothing is asserted about speed in the test suite.
TABLE
)

echo "$TABLE"
printf '%s\n' "$TABLE" >"$WORK/table.md"
write_section bench-peers "## Against peers (scripts/bench-peers.sh)" "$WORK/table.md"
echo "bench-peers.sh took $(($(date +%s) - SCRIPT_START)) s" >&2
