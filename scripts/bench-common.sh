# Shared by the scripts/bench-*.sh benchmarks; sourced after `set -euo pipefail`. Gives:
#   README    Benchmarks/README.md
#   WORK      a temporary folder, removed at exit (on the root disk: TMPDIR decides)
#   PIDS      processes the script started, killed at exit
#   PACSLINK  the release binary, built here first
#   MAKE_INSTANCES  scripts/make-instances.py: synthetic Part 10 files (see its --help)
#   wait_for_port PORT [SECONDS]
#             returns once something accepts connections on 127.0.0.1:PORT (exits after
#             SECONDS, default 10)
#   write_section MARKER HEADING FILE
#             puts FILE's text between <!-- MARKER:begin --> and <!-- MARKER:end --> in README,
#             or appends HEADING and the marked section when the markers are absent.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
README=Benchmarks/README.md
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

swift build -c release --static-swift-stdlib --product pacslink >&2
PACSLINK=$(swift build -c release --static-swift-stdlib --show-bin-path)/pacslink
MAKE_INSTANCES=scripts/make-instances.py

# sample_process PID FILE SECONDS: in the background, appends "<descriptors> <RSS KiB>" of
# process PID to FILE every SECONDS while it runs (the sampler joins PIDS).
sample_process() {
    (
        while kill -0 "$1" 2>/dev/null; do
            echo "$(ls "/proc/$1/fd" 2>/dev/null | wc -l) $(awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0)" >>"$2"
            sleep "$3"
        done
    ) &
    PIDS+=($!)
}

# warm_cache PATH…: reads every file under PATH…, so that a timed run finds them in the page
# cache. This VM trims its page cache on its own (buff/cache stays near 2 GB with 20 GB free),
# and a run that reads its files from disk measures the disk, not the sender; each timed run
# of either sender starts with the same files cached.
warm_cache() {
    find "$@" -type f -exec cat {} + >/dev/null
}

wait_for_port() {
    for _ in $(seq $((${2:-10} * 10))); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing listening on port $1" >&2
    exit 1
}

write_section() {
    local marker=$1 heading=$2 file=$3
    awk -v tablefile="$file" -v begin="<!-- $marker:begin -->" -v end="<!-- $marker:end -->" -v heading="$heading" '
        function table(  line) { while ((getline line < tablefile) > 0) print line; close(tablefile) }
        $0 == begin { print; table(); skipping = 1; found = 1; next }
        $0 == end { skipping = 0 }
        !skipping { print }
        END { if (!found) { print ""; print heading; print ""; print begin; table(); print end } }
    ' "$README" >"$WORK/README.md"
    cp "$WORK/README.md" "$README"
    echo "section $marker written to $README" >&2
}
