#!/usr/bin/env bash
# Receive benchmark (issue 5's benchmark point): C-STORE throughput of 0.5 MB instances into
# `pacslink listen` next to DCMTK 3.6.7's `storescp`, from the same sender in the same run, on
# loopback, over 1 association and over 8 in parallel:
#   writing files:  pacslink listen (fsync file + directory, the default; and --flush none;
#                   each through the page cache, the default, and with --io direct)
#                   vs storescp -od DIR (no fsync; --fork for 8 associations)
#   discarding:     pacslink listen --discard vs storescp --ignore (--fork for 8)
# Sender: DCMTK `storescu` (TCP_NODELAY=1, +II: every instance sent gets a new SOP Instance
# UID), one process per association; for the discard case also `pacslink send --associations N`.
# Builds release first; BENCH_INSTANCES files (default 200) are made at run time
# (scripts/make-instances.py), and each storescu sends its share BENCH_SEND_REPEAT times
# (default 5), in BENCH_RECEIVE_ROUNDS rounds (default 3). Takes about 3–4 minutes. Prints the table and writes it into
# Benchmarks/README.md between the bench-receive markers.
set -euo pipefail

COUNT=${BENCH_INSTANCES:-200}
SEND_REPEAT=${BENCH_SEND_REPEAT:-5}
ROUNDS=${BENCH_RECEIVE_ROUNDS:-3}
PORT=${BENCH_RECEIVE_PORT:-21120}
STORESCP=/usr/bin/storescp
STORESCU=/usr/bin/storescu
source "$(dirname "$0")/bench-common.sh"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- The instances: CT images of 512×512×16 bit (524,288 bytes of random pixel data), each
# with its own SOP Instance UID (scripts/make-instances.py).
"$MAKE_INSTANCES" "$WORK/in" "$COUNT" --rows 512 --columns 512 --sop-class ct --random-pixels
FILES=("$WORK"/in/*.dcm)
FILE_BYTES=$(stat -c %s "${FILES[0]}")

# Every receiver gets the same file system and the same memory:
# - its own new folder ($OUT), and nothing is deleted until the script ends: this file system
#   has no journal, and ext4 without one skips, for every new inode, each inode freed in the
#   last seconds (`recently_deleted`): a receiver creating 1,000 files right after the 1,000
#   of the one before were deleted spent ~40% of its CPU there (perf), whoever it was;
# - `sync` first, so no receiver's writes queue behind the write-back of the one before;
# - then as much page cache as the run writes is filled and freed again: on this kind of VM
#   a page unused for a few seconds has been handed back to the host (virtio-balloon free page
#   reporting), and writing into such pages costs 2–4 times the CPU of writing into pages
#   freed a moment ago; after this, every receiver finds the latter.
prime() {
    sync
    head -c "$((COUNT * SEND_REPEAT * FILE_BYTES))" /dev/zero >"$WORK/prime"
    rm -f "$WORK/prime"
}

# start_receiver NAME: starts the receiver on $PORT (its files under $OUT, new), sets RECEIVER.
start_receiver() {
    OUT=$WORK/out-$PORT
    mkdir -p "$OUT"
    case $1 in ours-fsync | ours-noflush | ours-direct-* | storescp-od*) prime ;; esac
    local ours=("$PACSLINK" listen --config "$WORK/none.ini" --port "$PORT" --aet BENCHSCP --open --storage "$OUT")
    case $1 in
        ours-fsync) "${ours[@]}" >/dev/null & ;;
        ours-noflush) "${ours[@]}" --flush none >/dev/null & ;;
        ours-direct-fsync) "${ours[@]}" --io direct >/dev/null & ;;
        ours-direct-noflush) "${ours[@]}" --flush none --io direct >/dev/null & ;;
        ours-discard) "${ours[@]}" --discard >/dev/null & ;;
        storescp-od) TCP_NODELAY=1 "$STORESCP" --aetitle BENCHSCP -od "$OUT" "$PORT" & ;;
        storescp-od-fork) TCP_NODELAY=1 "$STORESCP" --aetitle BENCHSCP --fork -od "$OUT" "$PORT" & ;;
        storescp-ignore) TCP_NODELAY=1 "$STORESCP" --aetitle BENCHSCP --ignore "$PORT" & ;;
        storescp-ignore-fork) TCP_NODELAY=1 "$STORESCP" --aetitle BENCHSCP --fork --ignore "$PORT" & ;;
    esac
    RECEIVER=$!
    PIDS+=("$RECEIVER")
    wait_for_port "$PORT"
}

stop_receiver() {
    pkill -P "$RECEIVER" 2>/dev/null || true  # storescp --fork children of this receiver only
    kill "$RECEIVER" 2>/dev/null || true
    wait "$RECEIVER" 2>/dev/null || true
    PORT=$((PORT + 1))  # no waiting for the old listener's port
}

# cpu_ticks PID: user + system CPU of PID and of its children it has reaped, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat"; }

# send SENDER N: the instances over N associations; prints "<instances> <seconds>".
send() {
    local sender=$1 n=$2 start end failed=0 pids=() k i
    warm_cache "$WORK/in"
    start=$(date +%s%N)
    if [ "$sender" = pacslink ]; then
        # `pacslink send` has no --repeat: it gets the file list SEND_REPEAT times over (same
        # UIDs again; only used against discarding receivers, which keep nothing).
        local repeated=()
        for ((k = 0; k < SEND_REPEAT; k++)); do repeated+=("${FILES[@]}"); done
        "$PACSLINK" send --config "$WORK/none.ini" --host 127.0.0.1 --port "$PORT" --called-aet BENCHSCP \
            --calling-aet BENCH --associations "$n" "${repeated[@]}" >/dev/null 2>"$WORK/sender.log" || failed=1
    else
        for ((k = 0; k < n; k++)); do
            local share=()
            for ((i = k; i < ${#FILES[@]}; i += n)); do share+=("${FILES[i]}"); done
            TCP_NODELAY=1 "$STORESCU" -aet BENCH -aec BENCHSCP +II --repeat "$SEND_REPEAT" 127.0.0.1 "$PORT" "${share[@]}" \
                >/dev/null 2>>"$WORK/sender.log" &
            pids+=($!)
        done
        for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    fi
    end=$(date +%s%N)
    if [ "$failed" != 0 ] || grep -q "^E:" "$WORK/sender.log"; then
        echo "sender $sender ($n associations) reported failures:" >&2
        head -20 "$WORK/sender.log" >&2
        exit 1
    fi
    rm -f "$WORK/sender.log"
    echo "$((COUNT * SEND_REPEAT)) $(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')"
}

ROWS=()
TICK_MS=$((1000 / $(getconf CLK_TCK)))
# measure RECEIVER SENDER N: one row "receiver|sender|n|instances|seconds|inst/s|MB/s|files|cpu".
# cpu: the receiver's CPU time per instance in ms (user + system, from /proc); "–" for
# storescp --fork, whose children are not all reaped (and so not counted) when the run ends.
measure() {
    local receiver=$1 sender=$2 n=$3 result stored before after cpu="–"
    start_receiver "$receiver"
    before=$(cpu_ticks "$RECEIVER")
    result=$(send "$sender" "$n")
    after=$(cpu_ticks "$RECEIVER")
    stop_receiver
    stored=$(find "$OUT" -type f | wc -l)
    local instances=${result% *} seconds=${result#* }
    [[ $receiver == *-fork ]] || cpu=$(awk -v t=$((after - before)) -v ms="$TICK_MS" -v i="$instances" 'BEGIN { printf "%.2f", t * ms / i }')
    ROWS+=("$receiver|$sender|$n|$instances|$seconds|$(awk -v i="$instances" -v s="$seconds" -v b="$FILE_BYTES" \
        'BEGIN { printf "%.0f|%.0f", i / s, i * b / s / 1e6 }')|$stored|$cpu")
    echo "${ROWS[-1]}" >&2
}

# ROUNDS rounds of every case; the order of the receivers is reversed every other round, so
# that none always runs right after the same other one.
for ((round = 1; round <= ROUNDS; round++)); do
    for n in 1 8; do
        fork=""
        [ "$n" = 8 ] && fork="-fork"
        cases=("ours-fsync storescu" "ours-noflush storescu" "ours-direct-fsync storescu" "ours-direct-noflush storescu"
            "storescp-od$fork storescu" "ours-discard storescu" "storescp-ignore$fork storescu"
            "ours-discard pacslink" "storescp-ignore$fork pacslink")
        if ((round % 2 == 0)); then
            for ((i = ${#cases[@]} - 1; i >= 0; i--)); do measure ${cases[i]} "$n"; done
        else
            for c in "${cases[@]}"; do measure $c "$n"; done
        fi
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# Per case, the round with the most instances/s (and the range of all rounds), in the order of
# the first round.
ALL=("${ROWS[@]}")
ROWS=()
declare -A RANGE
for row in "${ALL[@]}"; do
    IFS='|' read -r r s n _ _ ips _ _ _ <<<"$row"
    key="$r|$s|$n"
    best=""
    for i in "${!ROWS[@]}"; do
        IFS='|' read -r r2 s2 n2 _ _ ips2 _ _ _ <<<"${ROWS[i]}"
        [ "$r2|$s2|$n2" = "$key" ] && best=$i && break
    done
    if [ -z "$best" ]; then
        ROWS+=("$row")
        RANGE[$key]="$ips $ips"
    else
        read -r lo hi <<<"${RANGE[$key]}"
        if ((ips < lo)); then lo=$ips; fi
        if ((ips > hi)); then hi=$ips; fi
        RANGE[$key]="$lo $hi"
        IFS='|' read -r _ _ _ _ _ ips2 _ _ _ <<<"${ROWS[best]}"
        if ((ips > ips2)); then ROWS[best]=$row; fi
    fi
done

# rate RECEIVER SENDER N: instances/s of that row.
rate() {
    for row in "${ROWS[@]}"; do
        IFS='|' read -r r s n _ _ ips _ _ _ <<<"$row"
        [ "$r" = "$1" ] && [ "$s" = "$2" ] && [ "$n" = "$3" ] && { echo "$ips"; return; }
    done
    echo 0
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "–" }'; }

{
    echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(uname -srm), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"
    echo "load average $LOAD_BEFORE before and $LOAD_AFTER after (senders and receivers share the same cores)."
    echo "$COUNT files of $FILE_BYTES bytes (CT, Explicit VR Little Endian), each sent $SEND_REPEAT times"
    echo "(storescu +II: a new SOP Instance UID each time). PDU size: each receiver's default Maximum"
    echo "Length, which the senders respect: 256 KiB for \`pacslink listen\`, 16 KiB for \`storescp\`."
    echo "CPU: the receiver's user + system time per instance (\`/proc\`; – for \`storescp --fork\`)."
    echo "Each case ran in $ROUNDS rounds (the receivers' order reversed every other round); the row is its fastest"
    echo "round, the last column the range of all. Each receiver writes into a new folder (nothing deleted while"
    echo "the script runs); before each that writes files: \`sync\`, then as much page cache as the run writes"
    echo "filled and freed (the script says why: the same file system and memory for every receiver)."
    echo
    echo "| receiver | sender | assoc. | instances | s | instances/s | MB/s | files | CPU ms/inst. | ours ÷ storescp | instances/s, all $ROUNDS rounds |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for row in "${ROWS[@]}"; do
        IFS='|' read -r r s n count secs ips mbs stored cpu <<<"$row"
        fork=""
        [ "$n" = 8 ] && fork="-fork"
        case $r in
            ours-fsync | ours-noflush | ours-direct-*) vs=$(ratio "$ips" "$(rate "storescp-od$fork" "$s" "$n")") ;;
            ours-discard) vs=$(ratio "$ips" "$(rate "storescp-ignore$fork" "$s" "$n")") ;;
            *) vs="" ;;
        esac
        case $r in
            ours-fsync) name='`pacslink listen` (fsync file + dir)' ;;
            ours-noflush) name='`pacslink listen --flush none`' ;;
            ours-direct-fsync) name='`pacslink listen --io direct` (fsync file + dir)' ;;
            ours-direct-noflush) name='`pacslink listen --flush none --io direct`' ;;
            ours-discard) name='`pacslink listen --discard`' ;;
            storescp-od) name='`storescp -od` (no fsync)' ;;
            storescp-od-fork) name='`storescp --fork -od` (no fsync)' ;;
            storescp-ignore) name='`storescp --ignore`' ;;
            storescp-ignore-fork) name='`storescp --fork --ignore`' ;;
        esac
        read -r lo hi <<<"${RANGE[$r|$s|$n]}"
        echo "| $name | $s | $n | $count | $secs | $ips | $mbs | $stored | $cpu | $vs | $lo–$hi |"
    done
} >"$WORK/table.md"
cat "$WORK/table.md"

write_section bench-receive "## Receive (scripts/bench-receive.sh)" "$WORK/table.md"
