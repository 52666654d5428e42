#!/usr/bin/env python3
"""Writes the fuzz targets' seed inputs into Fuzz/Corpus/<target>/seed-*.

Real traffic and files from DCMTK 3.6.7: echoscu and storescu talk to storescp through a
recording proxy; dump2dcm makes data sets and Part 10 files from the *.dump files here;
the ini seeds are the example files in config/. Run from anywhere:

    python3 Fuzz/Seeds/make_seeds.py

Each target's input format is described in its source (Fuzz/Sources/<target>/).
"""
import os, shutil, socket, struct, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "Corpus")
CONFIG = os.path.join(HERE, "..", "..", "config")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port):
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"nothing listens on port {port}")


class RecordingProxy:
    """Forwards one connection at a time to `target`, keeping both directions' bytes."""

    def __init__(self, target):
        self.target = target
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(1)
        self.port = self.listener.getsockname()[1]

    def record_one(self, client_command):
        """Runs `client_command` against the proxy; returns (client bytes, server bytes)."""
        streams = {}

        def serve():
            peer, _ = self.listener.accept()
            server = socket.create_connection(("127.0.0.1", self.target))
            threads = [
                threading.Thread(target=pump, args=(peer, server, streams, "client")),
                threading.Thread(target=pump, args=(server, peer, streams, "server")),
            ]
            for t in threads: t.start()
            for t in threads: t.join()
            peer.close(); server.close()

        thread = threading.Thread(target=serve)
        thread.start()
        subprocess.run(client_command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        thread.join(timeout=10)
        return streams["client"], streams["server"]


def pump(source, destination, streams, name):
    data = bytearray()
    while True:
        chunk = source.recv(65536)
        if not chunk:
            break
        data += chunk
        destination.sendall(chunk)
    try:
        destination.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    streams[name] = bytes(data)


def pdus(stream):
    """Splits a stream into PDUs (PS3.8 §9.3.1: type, reserved, 32-bit big-endian length)."""
    out, i = [], 0
    while i + 6 <= len(stream):
        length = struct.unpack(">I", stream[i + 2:i + 6])[0]
        out.append(stream[i:i + 6 + length])
        i += 6 + length
    return out


def pdv_records(pdu):
    """The PDVs of a P-DATA-TF (PS3.8 §9.3.5) as FuzzMessageAssembler records:
    [flags: bit 0 command, bit 1 last, bits 2-3 context (1,3,5,7)] [length] [data], with data
    over 255 bytes split into fragments."""
    out, i = bytearray(), 6
    while i + 4 <= len(pdu):
        length = struct.unpack(">I", pdu[i:i + 4])[0]
        context, header = pdu[i + 4], pdu[i + 5]
        data = pdu[i + 6:i + 4 + length]
        pieces = [data[j:j + 255] for j in range(0, len(data), 255)] or [b""]
        for n, piece in enumerate(pieces):
            last = header & 2 and n == len(pieces) - 1
            flags = (header & 1) | (2 if last else 0) | (((context - 1) // 2 & 3) << 2)
            out += bytes([flags, len(piece)]) + piece
        i += 4 + length
    return bytes(out)


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "seed-" + name), "wb") as f:
        f.write(data)


def dump2dcm(dump, options, output):
    subprocess.run(["dump2dcm", "-q", *options, dump, output], check=True)
    with open(output, "rb") as f:
        return f.read()


def main():
    work = tempfile.mkdtemp()
    try:
        # Files and data sets.
        encodings = {"implicit": "+ti", "explicit-le": "+te", "explicit-be": "+tb"}
        for dump in ("ct-small", "query"):
            source = os.path.join(HERE, dump + ".dump")
            for name, option in encodings.items():
                data_set = dump2dcm(source, ["-F", option], os.path.join(work, "ds"))
                write("FuzzDataSetDecoder", f"{dump}-{name}", data_set)
                write("FuzzPart10Header", f"{dump}-{name}-raw", b"\x01" + data_set)
                write("FuzzPart10Header", f"{dump}-{name}.dcm", b"\x00" + dump2dcm(source, [option], os.path.join(work, "f")))
        ct_file = os.path.join(work, "ct.dcm")
        dump2dcm(os.path.join(HERE, "ct-small.dump"), ["+te"], ct_file)

        # Network traffic: storescp behind the recording proxy.
        scp_port = free_port()
        scp = subprocess.Popen(["storescp", "-od", work, str(scp_port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for_port(scp_port)
            proxy = RecordingProxy(scp_port)
            where = ["127.0.0.1", str(proxy.port)]
            sessions = {
                "echoscu": ["echoscu", *where],
                "storescu": ["storescu", "-R", *where, ct_file],
                "storescu-implicit": ["storescu", "-xi", *where, ct_file],
            }
            for name, command in sessions.items():
                client, server = proxy.record_one(command)
                write("FuzzAssociationCore", name, b"\x05" + client)
                write("FuzzPDUDecoder", name + "-client", b"\x01" + client)
                write("FuzzPDUDecoder", name + "-server", b"\x02" + server)
                for n, pdu in enumerate(pdus(client)):
                    if pdu[0] == 0x04:
                        write("FuzzMessageAssembler", f"{name}-pdata{n}", pdv_records(pdu))
                for n, pdu in enumerate(pdus(client) + pdus(server)):
                    if pdu[0] in (0x01, 0x02):  # A-ASSOCIATE-RQ and -AC on their own
                        write("FuzzPDUDecoder", f"{name}-pdu{n}", b"\x00" + pdu)
        finally:
            scp.terminate()
            scp.wait()

        # The example servers files.
        for ini in sorted(os.listdir(CONFIG)):
            if ini.endswith(".ini"):
                shutil.copy(os.path.join(CONFIG, ini), os.path.join(CORPUS, "FuzzIniDocument", "seed-" + ini))
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    os.makedirs(os.path.join(CORPUS, "FuzzIniDocument"), exist_ok=True)
    main()
