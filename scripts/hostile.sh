#!/usr/bin/env bash
# Hostile-load measurement (issue 9): a release `pacslink listen` (Verification + Storage SCP)
# under attack from scripts/hostile-peer.py on another loopback address (127.0.0.2), while
# `pacslink bench echo` (127.0.0.1, one full association per echo) plays the well-behaved
# client. Phases, HOSTILE_SECONDS each (default 15):
#   baseline  no attack
#   idle      HOSTILE_IDLE (default 10000) TCP connections that never send a byte, reopened
#             as the listener's ARTIM closes them
#   flood     HOSTILE_FLOOD (default 64) workers associating and aborting in a loop, 32 of
#             them holding every association they get: beyond the per-host cap (32) and the
#             overall cap (64) they are rejected A-ASSOCIATE-RJ 2/3/2
#   both      idle and flood at once
# Reports the echo success rate and p99 (goal: 100 %, < 50 ms), the attackers' counts, and the
# listener's peak RSS (VmHWM) and descriptors; writes the table into docs/reliability.md
# between the hostile markers. Builds release first; about 4 × HOSTILE_SECONDS + 30 s.
set -euo pipefail

IDLE=${HOSTILE_IDLE:-10000}
FLOOD=${HOSTILE_FLOOD:-64}
SECONDS_PER_PHASE=${HOSTILE_SECONDS:-15}
PORT=${HOSTILE_PORT:-24104}
TIMEOUT=${HOSTILE_TIMEOUT:-10}

source "$(dirname "$0")/bench-common.sh"
README=docs/reliability.md
CONFIG=(--config "$WORK/user.ini" --admin-config "$WORK/admin.ini")
ulimit -n "$(ulimit -Hn)"
if (( $(ulimit -n) < IDLE + 1000 )); then
    echo "descriptor limit $(ulimit -n) is too low for $IDLE idle connections" >&2
    exit 1
fi

"$PACSLINK" "${CONFIG[@]}" listen --port "$PORT" --aet HOSTILE --open --storage "$WORK/store" \
    --max-associations 64 --max-associations-per-host 32 --timeout "$TIMEOUT" >"$WORK/listen.log" 2>&1 &
LISTENER=$!
PIDS+=($LISTENER)
wait_for_port "$PORT" 20

# Samples the listener's descriptors and resident memory every half second.
sample_process "$LISTENER" "$WORK/samples" 0.5

ROWS=$WORK/rows.md
: >"$ROWS"
echo_json() {
    "$PACSLINK" "${CONFIG[@]}" bench echo --host 127.0.0.1 --port "$PORT" --called-aet HOSTILE \
        --duration "$SECONDS_PER_PHASE" --concurrency 1 --timeout 10 --json
}
attack() {  # MODE ARGS…: starts hostile-peer.py, waits until it is under way
    local mode=$1
    shift
    rm -f "$WORK/ready-$mode"
    python3 scripts/hostile-peer.py "$mode" --port "$PORT" --called HOSTILE --source 127.0.0.2 \
        --seconds $((SECONDS_PER_PHASE * 3)) --ready "$WORK/ready-$mode" "$@" >"$WORK/attack-$mode.json" &
    ATTACKERS+=($!)
    PIDS+=($!)
    for _ in $(seq 600); do
        [[ -e "$WORK/ready-$mode" ]] && return 0
        sleep 0.1
    done
    echo "attacker $mode never got under way" >&2
    exit 1
}
phase() {  # NAME ATTACK…
    local name=$1
    shift
    ATTACKERS=()
    : >"$WORK/samples"
    for mode in "$@"; do
        case $mode in
            idle) attack idle --count "$IDLE" ;;
            flood) attack flood --concurrency "$FLOOD" --hold 32 ;;
        esac
    done
    echo "phase $name: echoing for $SECONDS_PER_PHASE s" >&2
    echo_json >"$WORK/echo-$name.json"
    local files=()
    for pid in "${ATTACKERS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${ATTACKERS[@]}"; do wait "$pid" 2>/dev/null || true; done
    for mode in "$@"; do files+=("$WORK/attack-$mode.json"); done
    python3 - "$name" "$WORK/echo-$name.json" "$WORK/samples" "${files[@]}" >>"$ROWS" <<'PY'
import json, sys
name, echo_file, samples_file = sys.argv[1:4]
echo = json.load(open(echo_file))
total = echo["succeeded"] + echo["failed"]
rate = 100.0 * echo["succeeded"] / total if total else 0.0
p99 = echo["latency_us"]["p99"] / 1000 if echo.get("latency_us") else float("nan")
samples = [tuple(map(int, l.split())) for l in open(samples_file) if len(l.split()) == 2]
fds = max((s[0] for s in samples), default=0)
rss = max((s[1] for s in samples), default=0) / 1024
attacks = []
for path in sys.argv[4:]:
    counts = json.load(open(path))
    attacks.append(counts["mode"] + ": " + ", ".join(
        f"{k.replace('_', ' ')} {v}" for k, v in sorted(counts.items()) if k not in ("mode", "seconds") and v))
failures = ", ".join(f'{f["class"]} {f["count"]}' for f in echo["failures"]) or "none"
print(f"| {name} | {echo['succeeded']}/{total} ({rate:.2f} %) | {p99:.1f} | {failures} | {'; '.join(attacks) or '—'} | {fds} | {rss:.0f} |")
PY
    tail -1 "$ROWS" >&2
}

phase baseline
phase idle idle
phase flood flood
phase both idle flood
PEAK_RSS=$(awk '/^VmHWM/ {print $2}' "/proc/$LISTENER/status")
kill -0 "$LISTENER" # still alive

{
    echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(nproc) cores."
    echo "Listener: \`pacslink listen --open --max-associations 64 --max-associations-per-host 32 --timeout $TIMEOUT\`"
    echo "(release build); attackers from 127.0.0.2; well-behaved client \`pacslink bench echo --concurrency 1\` from"
    echo "127.0.0.1, one association per echo (connect, associate, C-ECHO, release), $SECONDS_PER_PHASE s per phase."
    echo "Listener peak RSS over the whole run (VmHWM): $((PEAK_RSS / 1024)) MiB."
    echo
    echo "| Phase | Echo success | p99 (ms) | Echo failures | Attack (counts) | Peak fds | Peak RSS (MiB) |"
    echo "|---|---|---|---|---|---|---|"
    cat "$ROWS"
} >"$WORK/section.md"
write_section hostile "### Hostile load (scripts/hostile.sh)" "$WORK/section.md"
cat "$WORK/section.md"
