#!/usr/bin/env bash
# Send benchmark (issue 6's benchmark point): C-STORE of 1,000 small instances (~4.7 KB) and of
# 200 × 0.5 MB instances, over 1 and 4 associations, `pacslink send` against DCMTK `storescu`
# (TCP_NODELAY=1; 4 associations = 4 processes on a quarter each) into the same sinks, both
# discarding what they receive: our listener (`pacslink listen --discard`) and
# `storescp --fork --ignore` (TCP_NODELAY=1), on loopback.
# Builds release first, makes the instances at run time in a temporary folder
# (scripts/make-instances.py: Secondary Capture, each its own SOP Instance UID, a quarter in
# each of q0…q3), runs every case BENCH_REPEAT times
# (default 5, the fastest counts; the whole script takes about two minutes after the build),
# prints the table and writes it into Benchmarks/README.md between the bench-send markers.
set -euo pipefail

REPEAT=${BENCH_REPEAT:-5}
SMALL_COUNT=${BENCH_SMALL_COUNT:-1000}
LARGE_COUNT=${BENCH_LARGE_COUNT:-200}
PORT=${BENCH_SEND_PORT:-21107}
STORESCP=/usr/bin/storescp
STORESCU=/usr/bin/storescu

source "$(dirname "$0")/bench-common.sh"

"$MAKE_INSTANCES" "$WORK/small" "$SMALL_COUNT" --rows 32 --columns 64 --shards 4
"$MAKE_INSTANCES" "$WORK/large" "$LARGE_COUNT" --rows 512 --columns 512 --shards 4 --first "$SMALL_COUNT"

TCP_NODELAY=1 "$STORESCP" --aetitle SINK --fork --ignore "$PORT" &
PIDS+=($!)
OUR_PORT=$((PORT + 1))
"$PACSLINK" listen --config "$WORK/none.ini" --admin-config "$WORK/none.ini" --port "$OUR_PORT" --aet SINK \
    --storage "$WORK/storage" --discard >/dev/null &
PIDS+=($!)
wait_for_port "$PORT"
wait_for_port "$OUR_PORT"

# ours PORT FOLDER N / theirs PORT FOLDER N: "<seconds> <CPU seconds>" to send FOLDER/q0…q3
# over N associations to the sink on PORT — wall clock, and the user + system time of the
# sending processes — or "failed".
ours() {
    local start
    warm_cache "$2"
    start=$(date +%s%N)
    /usr/bin/time -o "$WORK/cpu.ours" -f "%U %S" "$PACSLINK" send --host 127.0.0.1 --port "$1" --called-aet SINK \
        --calling-aet BENCH --associations "$3" "$2"/q* >/dev/null || { echo failed; return; }
    elapsed "$start" "$WORK"/cpu.ours
}
theirs() {
    local start failed=0 pids=() pid quarter
    rm -f "$WORK"/cpu.theirs.*
    warm_cache "$2"
    start=$(date +%s%N)
    if [ "$3" = 1 ]; then
        TCP_NODELAY=1 /usr/bin/time -o "$WORK/cpu.theirs.all" -f "%U %S" \
            "$STORESCU" -aet BENCH -aec SINK 127.0.0.1 "$1" +sd "$2"/q* || failed=1
    else
        for quarter in "$2"/q*; do
            TCP_NODELAY=1 /usr/bin/time -o "$WORK/cpu.theirs.${quarter##*/}" -f "%U %S" \
                "$STORESCU" -aet BENCH -aec SINK 127.0.0.1 "$1" +sd "$quarter" &
            pids+=($!)
        done
        for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    fi
    [ "$failed" = 0 ] || { echo failed; return; }
    elapsed "$start" "$WORK"/cpu.theirs.*
}
# elapsed START_NS CPU_FILE…: "<seconds since START_NS> <sum of the files' user + system seconds>"
elapsed() {
    local start=$1
    shift
    cat "$@" | awk -v ns="$(( $(date +%s%N) - start ))" '{ cpu += $1 + $2 } END { printf "%.4f %.2f\n", ns / 1e9, cpu }'
}

# fastest COMMAND…: the shortest of REPEAT runs (other work on a shared machine only ever
# slows a run down) and, separately, the least CPU time; "failed" when any run failed.
fastest() {
    local result top="" least=""
    for _ in $(seq "$REPEAT"); do
        result=$("$@")
        [ "$result" = failed ] && { echo failed; return; }
        local wall cpu
        read -r wall cpu <<<"$result"
        if [ -z "$top" ] || awk -v a="$wall" -v b="$top" 'BEGIN { exit !(a < b) }'; then top=$wall; fi
        if [ -z "$least" ] || awk -v a="$cpu" -v b="$least" 'BEGIN { exit !(a < b) }'; then least=$cpu; fi
    done
    echo "$top $least"
}

# rates "SECONDS CPU" COUNT BYTES: "<instances/s> · <MB/s>"
rates() {
    [ "$1" = failed ] && { echo "failed"; return; }
    awk -v s="${1%% *}" -v n="$2" -v b="$3" 'BEGIN { printf "%.0f/s · %.1f MB/s", n / s, b / s / 1e6 }'
}
# ratio "SECONDS CPU" "SECONDS CPU": how many times faster the first is
ratio() {
    { [ "$1" = failed ] || [ "$2" = failed ]; } && { echo "–"; return; }
    awk -v ours="${1%% *}" -v theirs="${2%% *}" 'BEGIN { printf "%.2f×", theirs / ours }'
}
# cpu "SECONDS CPU" "SECONDS CPU" COUNT: sender CPU per instance, "<ours> / <theirs> µs"
cpu() {
    { [ "$1" = failed ] || [ "$2" = failed ]; } && { echo "–"; return; }
    awk -v ours="${1##* }" -v theirs="${2##* }" -v n="$3" 'BEGIN { printf "%.0f / %.0f µs", ours / n * 1e6, theirs / n * 1e6 }'
}

bytes_of() { du -cb "$1"/q*/* | tail -1 | cut -f1; }
SMALL_BYTES=$(bytes_of "$WORK/small")
LARGE_BYTES=$(bytes_of "$WORK/large")

echo "measuring, fastest of $REPEAT runs…" >&2
declare -A seconds
for sink in listen storescp; do
    port=$OUR_PORT
    [ "$sink" = storescp ] && port=$PORT
    for set in small large; do
        for n in 1 4; do
            seconds[ours-$sink-$set-$n]=$(fastest ours "$port" "$WORK/$set" "$n")
            seconds[theirs-$sink-$set-$n]=$(fastest theirs "$port" "$WORK/$set" "$n")
        done
    done
done

row() { # sink set n count bytes goal
    local ours=${seconds[ours-$1-$2-$3]} theirs=${seconds[theirs-$1-$2-$3]} name
    name='`pacslink listen --discard`'
    [ "$1" = storescp ] && name='`storescp --fork --ignore`'
    echo "| $name | $4 × $(( $5 / $4 )) B | $3 | $(rates "$ours" "$4" "$5") | $(rates "$theirs" "$4" "$5") | $(ratio "$ours" "$theirs") | $6 | $(cpu "$ours" "$theirs" "$4") |"
}

TABLE=$(cat <<TABLE
Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -1)),
Linux $(uname -r), $("$PACSLINK" --version), DCMTK $("$STORESCP" --version 2>/dev/null | sed -n 's/.* v\([0-9.]*\) .*/\1/p' | head -1);
fastest of $REPEAT runs, sender and sink on the same cores (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)).

| Sink | Instances | Associations | \`pacslink send\` | \`storescu\` (TCP_NODELAY=1) | ours ÷ storescu | Goal (issue 6) | sender CPU per instance, ours / storescu |
| --- | --- | ---: | ---: | ---: | ---: | --- | ---: |
$(for sink in listen storescp; do
    row "$sink" small 1 "$SMALL_COUNT" "$SMALL_BYTES" "≥ 3× instances/s"
    row "$sink" small 4 "$SMALL_COUNT" "$SMALL_BYTES" "≥ 3× instances/s"
    row "$sink" large 1 "$LARGE_COUNT" "$LARGE_BYTES" "≥ 2× MB/s"
    row "$sink" large 4 "$LARGE_COUNT" "$LARGE_BYTES" "≥ 2× MB/s"
done)

- Sinks: \`pacslink listen --discard\` (one process, associations on its event loops) and
  \`storescp --fork --ignore\` (TCP_NODELAY=1, one child process per association); both receive
  every data set and discard it. Times are wall clock per command, process start, folder
  scan and association set-up included; MB are 10⁶ bytes of the files sent.
- \`storescu\` over 4 associations is 4 processes, each sending a quarter of the files;
  \`pacslink send --associations 4\` is one process.
- Sender CPU: user + system time of the sending process(es) (\`/usr/bin/time\`, 10 ms
  resolution), the least of the runs, divided by the instances; process start and the folder
  scan included. It does not depend on what else runs on the cores, unlike the rates.
TABLE
)

echo "$TABLE"
printf '%s\n' "$TABLE" >"$WORK/table.md"
write_section bench-send "## Send (scripts/bench-send.sh)" "$WORK/table.md"
