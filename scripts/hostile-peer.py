#!/usr/bin/env python3
"""Hostile DICOM peers for scripts/hostile.sh and scripts/soak.sh (issue 9).

  idle  --count N   hold N TCP connections that never send a byte; reopen each one the
                    listener closes (its ARTIM timeout), so N stay open all along
  flood --concurrency C [--hold H] [--pause S]
                    C workers, each in a loop (pausing S seconds between rounds): connect, send an A-ASSOCIATE-RQ (Verification),
                    read the answer, then A-ABORT and close; the first H workers instead keep
                    every accepted association open without a word (until the listener's idle
                    timeout aborts it) — associations beyond the cap

Both run until --seconds pass or SIGTERM, write --ready FILE once under way, and print one
JSON line of counts. --source binds a loopback source address (127.0.0.2: another "host").
"""
import argparse
import json
import os
import selectors
import signal
import socket
import struct
import sys
import threading
import time


def item(kind, body):
    return struct.pack(">BBH", kind, 0, len(body)) + body


def associate_rq(called, calling):
    """A-ASSOCIATE-RQ (PS3.8 9.3.2) proposing Verification in Implicit VR Little Endian."""
    context = bytes([1, 0, 0, 0]) + item(0x30, b"1.2.840.10008.1.1") + item(0x40, b"1.2.840.10008.1.2")
    user = item(0x51, struct.pack(">I", 16384)) + item(0x52, b"1.2.826.0.1.3680043.9.7433.9")
    body = (struct.pack(">HH", 1, 0) + called.ljust(16).encode() + calling.ljust(16).encode() + bytes(32)
            + item(0x10, b"1.2.840.10008.3.1.1.1") + item(0x20, context) + item(0x50, user))
    return struct.pack(">BBI", 1, 0, len(body)) + body


ABORT = bytes([7, 0, 0, 0, 0, 4, 0, 0, 0, 0])


IP_BIND_ADDRESS_NO_PORT = getattr(socket, "IP_BIND_ADDRESS_NO_PORT", 24)


def connect(source, port, timeout=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # The source port is chosen at connect time (unique per 4-tuple), not by bind: tens of
    # thousands of connections from one source address would exhaust bind's port choice.
    s.setsockopt(socket.IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1)
    # Close with a reset: no TIME_WAIT left behind per flooding connection.
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.bind((source, 0))
    if timeout is not None:
        s.settimeout(timeout)
    else:
        s.setblocking(False)
    return s


def run_idle(args, stop):
    selector = selectors.DefaultSelector()
    counts = {"open_target": args.count, "opened": 0, "closed_by_listener": 0, "connect_errors": 0, "max_open": 0}
    open_sockets = set()

    def open_one():
        try:
            s = connect(args.source, None)
        except OSError:
            counts["connect_errors"] += 1
            return
        try:
            s.connect_ex(("127.0.0.1", args.port))
        except OSError:
            counts["connect_errors"] += 1
            s.close()
            return
        selector.register(s, selectors.EVENT_READ)
        open_sockets.add(s)
        counts["opened"] += 1

    ready_written = False
    while not stop.is_set():
        # Open in batches so the listener's accept backlog is not overrun in one go.
        missing = args.count - len(open_sockets)
        for _ in range(min(missing, 500)):
            open_one()
        counts["max_open"] = max(counts["max_open"], len(open_sockets))
        if not ready_written and len(open_sockets) >= args.count:
            time.sleep(1)  # let the handshakes complete
            if args.ready:
                open(args.ready, "w").close()
            ready_written = True
        for key, _ in selector.select(timeout=0.05 if missing else 0.5):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            if not data:  # closed (ARTIM) or refused: open another
                selector.unregister(s)
                open_sockets.discard(s)
                s.close()
                counts["closed_by_listener"] += 1
    for s in open_sockets:
        s.close()
    return counts


def read_pdu(s):
    header = b""
    while len(header) < 6:
        chunk = s.recv(6 - len(header))
        if not chunk:
            return header
        header += chunk
    length = struct.unpack(">I", header[2:6])[0]
    body = b""
    while len(body) < min(length, 65536):
        chunk = s.recv(min(length, 65536) - len(body))
        if not chunk:
            break
        body += chunk
    return header + body


def run_flood(args, stop):
    rq = associate_rq(args.called, "FLOOD")
    lock = threading.Lock()
    counts = {"accepted": 0, "rejected_transient_local_limit": 0, "rejected_other": 0, "aborted": 0,
              "closed": 0, "errors": 0, "held": 0}
    held = []

    def add(key):
        with lock:
            counts[key] += 1

    def worker(index):
        holds = index < args.hold
        while not stop.is_set():
            s = None
            try:
                s = connect(args.source, args.port, timeout=10)
                s.connect(("127.0.0.1", args.port))
                s.sendall(rq)
                answer = read_pdu(s)
            except OSError:
                add("errors")
                if s is not None:
                    s.close()
                time.sleep(0.05)
                continue
            if answer[:1] == b"\x02":
                add("accepted")
                if holds:
                    add("held")
                    with lock:
                        held.append(s)
                    continue
                try:
                    s.sendall(ABORT)
                except OSError:
                    pass
            elif answer[:1] == b"\x03" and answer[7:10] == bytes([2, 3, 2]):
                add("rejected_transient_local_limit")
            elif answer[:1] == b"\x03":
                add("rejected_other")
            elif answer[:1] == b"\x07":
                add("aborted")
            else:
                add("closed")
            s.close()
            if holds:
                time.sleep(0.05)
            elif args.pause:
                time.sleep(args.pause)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.concurrency)]
    for t in threads:
        t.start()
    if args.ready:
        open(args.ready, "w").close()
    stop.wait()
    for t in threads:
        t.join(timeout=15)
    for s in held:
        s.close()
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["idle", "flood"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--source", default="127.0.0.2")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--ready")
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--concurrency", type=int, default=128)
    parser.add_argument("--hold", type=int, default=0)
    parser.add_argument("--pause", type=float, default=0, help="flood: seconds each worker waits between associations")
    parser.add_argument("--called", default="PACSLINK")
    args = parser.parse_args()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threading.Timer(args.seconds, stop.set).start()
    started = time.monotonic()
    counts = run_idle(args, stop) if args.mode == "idle" else run_flood(args, stop)
    counts["mode"] = args.mode
    counts["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(counts, sort_keys=True))
    sys.stdout.flush()
    os._exit(0)  # the timer thread and blocked workers must not keep us alive


if __name__ == "__main__":
    main()
