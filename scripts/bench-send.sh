#!/usr/bin/env bash
# Send benchmark (issue 6's benchmark point): C-STORE of 1,000 small instances (~4 KB) and of
# 200 × 0.5 MB instances, over 1 and 4 associations, `pacslink send` against DCMTK `storescu`
# (TCP_NODELAY=1; 4 associations = 4 processes on a quarter each) into the same sink,
# `storescp --fork --ignore` (TCP_NODELAY=1), on loopback.
# Builds release first, makes the instances at run time in a temporary folder
# (scripts/make-instances.py: Secondary Capture, each its own SOP Instance UID, a quarter in
# each of q0…q3), runs every case BENCH_REPEAT times
# (default 5, the fastest counts; the whole script takes about a minute after the build),
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
wait_for_port "$PORT"

# ours FOLDER N / theirs FOLDER N: seconds to send FOLDER/q0…q3 over N associations, or
# "failed".
ours() {
    local start
    start=$(date +%s%N)
    "$PACSLINK" send --host 127.0.0.1 --port "$PORT" --called-aet SINK --calling-aet BENCH --associations "$2" \
        "$1"/q* >/dev/null || { echo failed; return; }
    awk -v ns="$(( $(date +%s%N) - start ))" 'BEGIN { printf "%.4f\n", ns / 1e9 }'
}
theirs() {
    local start failed=0 pids=() pid
    start=$(date +%s%N)
    if [ "$2" = 1 ]; then
        TCP_NODELAY=1 "$STORESCU" -aet BENCH -aec SINK 127.0.0.1 "$PORT" +sd "$1"/q* || failed=1
    else
        for quarter in "$1"/q*; do
            TCP_NODELAY=1 "$STORESCU" -aet BENCH -aec SINK 127.0.0.1 "$PORT" +sd "$quarter" &
            pids+=($!)
        done
        for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    fi
    [ "$failed" = 0 ] || { echo failed; return; }
    awk -v ns="$(( $(date +%s%N) - start ))" 'BEGIN { printf "%.4f\n", ns / 1e9 }'
}

# fastest COMMAND…: the shortest of REPEAT runs (other work on a shared machine only ever
# slows a run down); "failed" when any run failed.
fastest() {
    local result top=""
    for _ in $(seq "$REPEAT"); do
        result=$("$@")
        [ "$result" = failed ] && { echo failed; return; }
        if [ -z "$top" ] || awk -v a="$result" -v b="$top" 'BEGIN { exit !(a < b) }'; then top=$result; fi
    done
    echo "$top"
}

# rates SECONDS COUNT BYTES: "<instances/s> · <MB/s>"
rates() {
    [ "$1" = failed ] && { echo "failed"; return; }
    awk -v s="$1" -v n="$2" -v b="$3" 'BEGIN { printf "%.0f/s · %.1f MB/s", n / s, b / s / 1e6 }'
}
ratio() {
    { [ "$1" = failed ] || [ "$2" = failed ]; } && { echo "–"; return; }
    awk -v ours="$1" -v theirs="$2" 'BEGIN { printf "%.2f×", theirs / ours }'
}

bytes_of() { du -cb "$1"/q*/* | tail -1 | cut -f1; }
SMALL_BYTES=$(bytes_of "$WORK/small")
LARGE_BYTES=$(bytes_of "$WORK/large")

echo "measuring, fastest of $REPEAT runs…" >&2
declare -A seconds
for set in small large; do
    for n in 1 4; do
        seconds[ours-$set-$n]=$(fastest ours "$WORK/$set" "$n")
        seconds[theirs-$set-$n]=$(fastest theirs "$WORK/$set" "$n")
    done
done

row() { # set n count bytes goal
    local ours=${seconds[ours-$1-$2]} theirs=${seconds[theirs-$1-$2]}
    echo "| $3 × $(( $4 / $3 )) B | $2 | $(rates "$ours" "$3" "$4") | $(rates "$theirs" "$3" "$4") | $(ratio "$ours" "$theirs") | $5 |"
}

TABLE=$(cat <<TABLE
Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -1)),
Linux $(uname -r), $("$PACSLINK" --version), DCMTK $("$STORESCP" --version 2>/dev/null | sed -n 's/.* v\([0-9.]*\) .*/\1/p' | head -1);
fastest of $REPEAT runs, sender and sink on the same cores (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)).

| Instances | Associations | \`pacslink send\` | \`storescu\` (TCP_NODELAY=1) | ours ÷ storescu | Goal (issue 6) |
| --- | ---: | ---: | ---: | ---: | --- |
$(row small 1 "$SMALL_COUNT" "$SMALL_BYTES" "≥ 3× instances/s")
$(row small 4 "$SMALL_COUNT" "$SMALL_BYTES" "≥ 3× instances/s")
$(row large 1 "$LARGE_COUNT" "$LARGE_BYTES" "≥ 2× MB/s")
$(row large 4 "$LARGE_COUNT" "$LARGE_BYTES" "≥ 2× MB/s")

- Sink: \`storescp --fork --ignore\` (TCP_NODELAY=1), one child process per association, which
  receives every data set and discards it. Times are wall clock per command, process start,
  folder scan and association set-up included; MB are 10⁶ bytes of the files sent.
- \`storescu\` over 4 associations is 4 processes, each sending a quarter of the files.
- Not measured yet: \`pacslink listen\` as the sink — it is a Verification SCP only and has no
  storage (or discarding) SCP role yet.
- How \`send\` works for speed: each association's loop over its files runs on the
  association's event loop (task executor preference), so a C-STORE is awaited without a hop
  to the global pool; meanwhile the next file is opened and its first 768 KiB read on the pool,
  so a data set up to 768 KiB goes out in one message without the loop calling back for more.
- What still costs (found with \`strace -c\` / \`perf\`): about 11 wake-ups of the loop
  (\`uv_async_send\`, an eventfd write and an \`epoll_wait\` each) per small file — executor
  switches between the Association actor and the nonisolated code around it — and the file is
  opened twice (scan, then send: header parsed again). On two shared cores each wake-up waits
  for a CPU, which is why one association stays below \`storescu\`, whose loop is one blocking
  thread. C-STORE is stop-and-wait (no asynchronous operations window), so one association
  cannot be faster than the sink's round trip; the 3× goal needs more associations or
  fewer wake-ups. Large files are copied twice more than \`storescu\` copies them (file →
  \`Data\` → array → PDU buffer) and each 768 KiB buffer is allocated per file.
- Before the loop moved onto the association's event loop (main at a559ff4, measured by hand
  at 02:07 UTC the same day, load average ~11): 1 association 826 small instances/s and
  136 MB/s of large ones, 4 associations 1,786/s and 214 MB/s, with \`storescu\` at
  1,923/s and 101 MB/s (1 association) in the same minutes.
TABLE
)

echo "$TABLE"
printf '%s\n' "$TABLE" >"$WORK/table.md"
write_section bench-send "## Send (scripts/bench-send.sh)" "$WORK/table.md"
