#!/usr/bin/env bash
# Soak (issue 9): scripts/soak.sh [SECONDS] (default 600) runs a release `pacslink listen`
# (Storage + Verification SCP, default flush policy) under mixed load for SECONDS:
#   - `pacslink bench echo --concurrency 4` (one association per echo) for the whole run
#   - SOAK_SENDERS (default 2) loops of `pacslink send --associations 2` of fresh batches of
#     generated instances (20 × 32 KB, unique UIDs; deleted once sent)
#   - one loop of DCMTK `storescu -v` doing the same
#   - background hostility from scripts/hostile-peer.py: 200 idle connections and 8 workers
#     associating and aborting, each every 0.1 s (SOAK_HOSTILE=0 leaves it out)
# then stops the listener with SIGTERM and reports associations served, instances stored,
# errors by class, the listener's peak RSS and descriptors, and checks that every instance
# a sender saw acknowledged with success is on disk with exactly the data set it sent
# (SHA-256). Writes the table into docs/reliability.md between the soak markers and exits 1
# if an acknowledged instance is missing or different.
set -euo pipefail

DURATION=${1:-600}
SENDERS=${SOAK_SENDERS:-2}
HOSTILE=${SOAK_HOSTILE:-1}
PORT=${SOAK_PORT:-24105}

source "$(dirname "$0")/bench-common.sh"
README=docs/reliability.md
CONFIG=(--config "$WORK/user.ini" --admin-config "$WORK/admin.ini")
ulimit -n "$(ulimit -Hn)"
STORESCU=$(command -v storescu || true)
mkdir -p "$WORK/acks"

# Generates COUNT Part 10 files (Secondary Capture, Explicit VR Little Endian, 32 KB of pixel
# data) with UIDs unique to TAG under DIR, and appends "sop study series sha256(data set)"
# lines to the manifest.
cat >"$WORK/generate.py" <<'PY'
import hashlib, os, struct, sys
folder, tag, count, manifest = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def element(group, elem, vr, value):
    if len(value) % 2:
        value += b"\0" if vr in (b"UI", b"OB") else b" "
    if vr in (b"OB", b"OW", b"UN", b"SQ", b"UT"):
        return struct.pack("<HH", group, elem) + vr + b"\0\0" + struct.pack("<I", len(value)) + value
    return struct.pack("<HH", group, elem) + vr + struct.pack("<H", len(value)) + value
root = "1.2.826.0.1.3680043.9.7433.1." + tag
study, series, sc, ts = root, root + ".1", b"1.2.840.10008.5.1.4.1.1.7", b"1.2.840.10008.1.2.1"
os.makedirs(folder, exist_ok=True)
with open(manifest, "a") as out:
    for i in range(1, count + 1):
        sop = f"{series}.{i}"
        pixels = bytes((i * 7 + k) & 0xFF for k in range(256)) * 128
        data = (element(0x0008, 0x0016, b"UI", sc) + element(0x0008, 0x0018, b"UI", sop.encode())
                + element(0x0010, 0x0010, b"PN", b"SOAK^TEST") + element(0x0020, 0x000D, b"UI", study.encode())
                + element(0x0020, 0x000E, b"UI", series.encode()) + element(0x7FE0, 0x0010, b"OB", pixels))
        meta = (element(0x0002, 0x0001, b"OB", b"\0\1") + element(0x0002, 0x0002, b"UI", sc)
                + element(0x0002, 0x0003, b"UI", sop.encode()) + element(0x0002, 0x0010, b"UI", ts)
                + element(0x0002, 0x0012, b"UI", b"1.2.826.0.1.3680043.9.7433.9"))
        meta = element(0x0002, 0x0000, b"UL", struct.pack("<I", len(meta))) + meta
        with open(os.path.join(folder, f"{i:03}.dcm"), "wb") as f:
            f.write(b"\0" * 128 + b"DICM" + meta + data)
        out.write(f"{sop} {study} {series} {hashlib.sha256(data).hexdigest()}\n")
PY

"$PACSLINK" "${CONFIG[@]}" listen --port "$PORT" --aet SOAK --open --storage "$WORK/store" --json \
    --max-associations 64 --timeout 10 >"$WORK/listen.jsonl" 2>"$WORK/listen.err" &
LISTENER=$!
PIDS+=($LISTENER)
wait_for_port "$PORT" 20
sample_process "$LISTENER" "$WORK/samples" 1
END=$((SECONDS + DURATION))

"$PACSLINK" "${CONFIG[@]}" bench echo --host 127.0.0.1 --port "$PORT" --called-aet SOAK --duration "$DURATION" \
    --concurrency 4 --timeout 10 --json >"$WORK/echo.json" 2>"$WORK/echo.err" &
LOAD=($!)

sender() {  # INDEX: pacslink send loop; acknowledged SOP Instance UIDs to acks/send-INDEX
    local index=$1 round=0
    while ((SECONDS < END)); do
        round=$((round + 1))
        local batch="$WORK/batch-s$index-$round"
        python3 "$WORK/generate.py" "$batch" "$index.$round" 20 "$WORK/manifest-s$index"
        "$PACSLINK" "${CONFIG[@]}" send --host 127.0.0.1 --port "$PORT" --called-aet SOAK --associations 2 --timeout 10 \
            --json "$batch" >"$WORK/send-$index.json" 2>>"$WORK/send.err" || echo "send exit $?" >>"$WORK/send-errors"
        python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["files"]:
    print(f["sop_instance_uid"] if f["result"] == "success" else "FAILED " + str(f.get("reason") or f.get("status")))
' "$WORK/send-$index.json" >>"$WORK/acks/send-$index" 2>>"$WORK/send-errors" || true
        rm -rf "$batch"
    done
}
storescu_loop() {  # storescu -v loop; acknowledged SOP Instance UIDs to acks/storescu
    local round=0
    while ((SECONDS < END)); do
        round=$((round + 1))
        local batch="$WORK/batch-d$round"
        python3 "$WORK/generate.py" "$batch" "99.$round" 20 "$WORK/manifest-d"
        "$STORESCU" -v -aet STORESCU -aec SOAK 127.0.0.1 "$PORT" "$batch"/*.dcm >"$WORK/storescu.log" 2>&1 ||
            echo "storescu exit $?" >>"$WORK/send-errors"
        # "Sending file: …/NNN.dcm" then "Received Store Response (Success)": file NNN of this round.
        awk -v tag="1.2.826.0.1.3680043.9.7433.1.99.$round.1." '
            /Sending file: / { n = $NF; sub(/.*\//, "", n); sub(/\.dcm$/, "", n); current = tag (n + 0) }
            /Received Store Response \(Success\)/ && current != "" { print current; current = "" }
        ' "$WORK/storescu.log" >>"$WORK/acks/storescu"
        rm -rf "$batch"
    done
}
for ((i = 1; i <= SENDERS; i++)); do sender "$i" & LOAD+=($!); done
if [[ -n "$STORESCU" ]]; then storescu_loop & LOAD+=($!); fi
if [[ "$HOSTILE" == 1 ]]; then
    python3 scripts/hostile-peer.py idle --port "$PORT" --count 200 --seconds "$DURATION" >"$WORK/idle.json" &
    LOAD+=($!)
    python3 scripts/hostile-peer.py flood --port "$PORT" --called SOAK --concurrency 8 --pause 0.1 --seconds "$DURATION" \
        >"$WORK/flood.json" &
    LOAD+=($!)
fi
PIDS+=("${LOAD[@]}")
echo "soak: $DURATION s under load" >&2
for pid in "${LOAD[@]}"; do wait "$pid" || true; done
PEAK_RSS=$(awk '/^VmHWM/ {print $2}' "/proc/$LISTENER/status")
kill -TERM "$LISTENER"
wait "$LISTENER" || true

python3 - "$WORK" "$DURATION" "$PEAK_RSS" >"$WORK/section.md" <<'PY'
import collections, glob, hashlib, json, os, sys
work, duration, peak_rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
events = collections.Counter()
errors = collections.Counter()
stored = 0
for line in open(f"{work}/listen.jsonl"):
    try:
        e = json.loads(line)
    except ValueError:
        errors["listener: unreadable line"] += 1
        continue
    kind = e.get("event")
    events[kind] += 1
    if kind == "ended" and "error" in e:
        errors[f"association ended: {e.get('phase')}: {e['error'].split(':')[0]}"] += 1
    elif kind == "store_failed":
        errors[f"store failed: {e.get('status')}"] += 1
    elif kind == "rejected":
        errors[f"rejected: {e.get('reason')}"] += 1
    elif kind == "accept_failed":
        errors[f"accept failed: {e.get('error')}"] += 1
manifest = {}
for path in glob.glob(f"{work}/manifest-*"):
    for line in open(path):
        sop, study, series, digest = line.split()
        manifest[sop] = (study, series, digest)
acknowledged, sender_failures = [], collections.Counter()
for path in glob.glob(f"{work}/acks/*"):
    for line in open(path):
        line = line.strip()
        if line.startswith("FAILED"):
            sender_failures[f"{os.path.basename(path)}: {line[7:]}"] += 1
        elif line:
            acknowledged.append(line)
missing, different = [], []
for sop in acknowledged:
    study, series, digest = manifest[sop]
    path = f"{work}/store/ReceivedFiles/{study}/{series}/{sop}.dcm"
    if not os.path.exists(path):
        missing.append(sop)
        continue
    data = open(path, "rb").read()
    meta_length = int.from_bytes(data[140:144], "little")
    if hashlib.sha256(data[144 + meta_length:]).hexdigest() != digest:
        different.append(sop)
echo = json.load(open(f"{work}/echo.json"))
samples = [tuple(map(int, l.split())) for l in open(f"{work}/samples") if len(l.split()) == 2]
send_errors = open(f"{work}/send-errors").read().split("\n") if os.path.exists(f"{work}/send-errors") else []
hostile = {}
for name in ("idle", "flood"):
    if os.path.exists(f"{work}/{name}.json"):
        hostile[name] = json.load(open(f"{work}/{name}.json"))
total_echo = echo["succeeded"] + echo["failed"]
print(f"Run {os.popen('date -u +%Y-%m-%dT%H:%MZ').read().strip()}, {duration} s, load average "
      f"{' '.join(open('/proc/loadavg').read().split()[0:3])} at the end, {os.cpu_count()} cores.")
print()
print("| Measure | Value |")
print("|---|---|")
print(f"| Associations accepted / rejected | {events['accepted']} / {events['rejected']} |")
print(f"| Instances stored (listener events) / store failures | {events['stored']} / {events['store_failed']} |")
print(f"| Instances acknowledged to senders (send + storescu) | {len(acknowledged)} |")
print(f"| Acknowledged but missing / different on disk | {len(missing)} / {len(different)} |")
print(f"| Echo (bench, concurrency 4) | {echo['succeeded']}/{total_echo} succeeded, p99 "
      f"{echo['latency_us']['p99'] / 1000 if echo.get('latency_us') else float('nan'):.1f} ms |")
print(f"| Listener peak RSS (VmHWM) / peak descriptors | {peak_rss // 1024} MiB / {max((s[0] for s in samples), default=0)} |")
print(f"| RSS first minute → last minute (MiB) | {samples[min(60, len(samples) - 1)][1] // 1024 if samples else 0} → "
      f"{samples[-1][1] // 1024 if samples else 0} |")
for name, counts in hostile.items():
    shown = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(counts.items()) if k not in ("mode", "seconds") and v)
    print(f"| Hostile {name} | {shown} |")
print()
print("Errors by class (listener events; the hostile peers cause the aborted and rejected ones):")
print()
for line, count in sorted(errors.items(), key=lambda x: -x[1]) or [("none", 0)]:
    print(f"- {line}: {count}")
for f in echo["failures"]:
    print(f"- bench echo: {f['class']} in {f['phase']}: {f['count']}")
for line, count in sender_failures.items():
    print(f"- sender {line}: {count}")
for line in filter(None, send_errors):
    print(f"- {line}")
if missing or different:
    print()
    print(f"**FAILED**: missing {missing[:10]}, different {different[:10]}")
PY
cat "$WORK/section.md"
write_section soak "### Soak (scripts/soak.sh)" "$WORK/section.md"
! grep -q '^\*\*FAILED' "$WORK/section.md"
