#!/usr/bin/env bash
# Send benchmark (issue 6's benchmark point): C-STORE of 1,000 small instances (~4.7 KB) and of
# 200 × 0.5 MB instances, over 1 and 4 associations, `pacslink send` against DCMTK `storescu`
# (TCP_NODELAY=1; 4 associations = 4 processes on a quarter each) into the same sinks, both
# discarding what they receive: our listener (`pacslink listen --discard`) and
# `storescp --fork --ignore` (TCP_NODELAY=1), on loopback.
# Builds release first, makes the instances at run time in a temporary folder (two templates
# from `dump2dcm`, copied with new SOP Instance UIDs), runs every case BENCH_REPEAT times
# (default 5, the fastest counts; the whole script takes about two minutes after the build),
# prints the table and writes it into Benchmarks/README.md between the bench-send markers.
set -euo pipefail

REPEAT=${BENCH_REPEAT:-5}
SMALL_COUNT=${BENCH_SMALL_COUNT:-1000}
LARGE_COUNT=${BENCH_LARGE_COUNT:-200}
PORT=${BENCH_SEND_PORT:-21107}
STORESCP=/usr/bin/storescp
STORESCU=/usr/bin/storescu
DUMP2DCM=/usr/bin/dump2dcm

source "$(dirname "$0")/bench-common.sh"

# template NAME ROWS COLUMNS: a Secondary Capture header without Pixel Data (explicit VR
# little endian); make_instances appends the pixel data. The SOP Instance UID is a
# placeholder of fixed length that each copy replaces.
PLACEHOLDER_UID=1.2.826.0.1.3680043.10.9999.100000000
template() {
    cat >"$WORK/$1.dump" <<DUMP
(0002,0001) OB 00\01
(0002,0002) UI =SecondaryCaptureImageStorage
(0002,0003) UI [$PLACEHOLDER_UID]
(0002,0010) UI =LittleEndianExplicit
(0008,0016) UI =SecondaryCaptureImageStorage
(0008,0018) UI [$PLACEHOLDER_UID]
(0008,0060) CS [OT]
(0010,0010) PN [Bench^Send]
(0010,0020) LO [BENCH]
(0020,000d) UI [1.2.826.0.1.3680043.10.9999.1]
(0020,000e) UI [1.2.826.0.1.3680043.10.9999.2]
(0028,0002) US 1
(0028,0004) CS [MONOCHROME2]
(0028,0010) US $2
(0028,0011) US $3
(0028,0100) US 16
(0028,0101) US 16
(0028,0102) US 15
(0028,0103) US 0
DUMP
    "$DUMP2DCM" --write-xfer-little "$WORK/$1.dump" "$WORK/$1.dcm"
}

# make_instances TEMPLATE ROWS COLUMNS COUNT FOLDER FIRST: COUNT files in FOLDER/q0…q3 (a
# quarter each, for the 4 storescu processes), each with its own SOP Instance UID.
make_instances() {
    python3 - "$WORK/$1.dcm" "$2" "$3" "$4" "$5" "$6" "$PLACEHOLDER_UID" <<'PY'
import os, struct, sys
template, rows, columns, count, folder, first, placeholder = sys.argv[1:]
rows, columns, count, first = int(rows), int(columns), int(count), int(first)
head = open(template, "rb").read()
pixels = bytes(range(256)) * (rows * columns * 2 // 256)
pixel_data = struct.pack("<HH2sHI", 0x7FE0, 0x0010, b"OW", 0, len(pixels)) + pixels
placeholder = placeholder.encode()
prefix = placeholder[: placeholder.rindex(b".") + 1]
for quarter in range(4):
    os.makedirs(f"{folder}/q{quarter}", exist_ok=True)
for index in range(count):
    uid = prefix + str(100000000 + first + index).encode()
    assert len(uid) == len(placeholder)
    with open(f"{folder}/q{index % 4}/{index:05d}.dcm", "wb") as out:
        out.write(head.replace(placeholder, uid) + pixel_data)
PY
}

template small 32 64
template large 512 512
make_instances small 32 64 "$SMALL_COUNT" "$WORK/small" 0
make_instances large 512 512 "$LARGE_COUNT" "$WORK/large" "$SMALL_COUNT"

wait_for_port() {
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing listening on port $1" >&2
    exit 1
}

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
    start=$(date +%s%N)
    /usr/bin/time -o "$WORK/cpu.ours" -f "%U %S" "$PACSLINK" send --host 127.0.0.1 --port "$1" --called-aet SINK \
        --calling-aet BENCH --associations "$3" "$2"/q* >/dev/null || { echo failed; return; }
    elapsed "$start" "$WORK"/cpu.ours
}
theirs() {
    local start failed=0 pids=() pid quarter
    rm -f "$WORK"/cpu.theirs.*
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
