#!/usr/bin/env python3
"""Synthetic DICOM instances for the benchmark scripts (scripts/bench-*.sh).

Writes COUNT Part 10 files (PS3.10 §7: preamble, "DICM", File Meta Information) in Explicit
VR Little Endian, one study and one series, 16-bit MONOCHROME2 pixel data of ROWS × COLUMNS,
each with its own SOP Instance UID (ROOT.3.<FIRST + i>), so that every copy is a new instance
for the receiver. Files go to OUT/00000.dcm … or, with --shards K, to OUT/q0 … OUT/q<K-1>
(file i in q<i mod K>), for one sender process per shard.

    make-instances.py OUT COUNT --rows R --columns C [--sop-class sc|ct] [--shards K]
                      [--first N] [--random-pixels] [--root UID]
"""
import argparse
import os
import struct

SOP_CLASSES = {"sc": "1.2.840.10008.5.1.4.1.1.7", "ct": "1.2.840.10008.5.1.4.1.1.2"}
EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1"
IMPLEMENTATION_CLASS_UID = "1.2.826.0.1.3680043.10.9999.99"
# Value representations with a 4-byte length in Explicit VR (PS3.5 §7.1.2).
LONG_VRS = {"OB", "OW", "OF", "SQ", "UT", "UN"}


def element(group, number, vr, value):
    """One Explicit VR Little Endian data element; text padded to even length (PS3.5 §6.2)."""
    if isinstance(value, str):
        value = value.encode("ascii")
        if len(value) % 2:
            value += b"\0" if vr == "UI" else b" "
    elif isinstance(value, int):
        value = struct.pack("<H" if vr == "US" else "<I", value)
    head = struct.pack("<HH2s", group, number, vr.encode("ascii"))
    if vr in LONG_VRS:
        return head + struct.pack("<HI", 0, len(value)) + value
    return head + struct.pack("<H", len(value)) + value


def instance(sop_class, sop_instance, root, index, rows, columns, modality, pixels):
    meta = b"".join([
        element(0x0002, 0x0001, "OB", b"\0\1"),
        element(0x0002, 0x0002, "UI", sop_class),
        element(0x0002, 0x0003, "UI", sop_instance),
        element(0x0002, 0x0010, "UI", EXPLICIT_VR_LITTLE_ENDIAN),
        element(0x0002, 0x0012, "UI", IMPLEMENTATION_CLASS_UID),
    ])
    data_set = b"".join([
        element(0x0008, 0x0016, "UI", sop_class),
        element(0x0008, 0x0018, "UI", sop_instance),
        element(0x0008, 0x0020, "DA", "20260101"),
        element(0x0008, 0x0030, "TM", "120000"),
        element(0x0008, 0x0050, "SH", "BENCH1"),
        element(0x0008, 0x0060, "CS", modality),
        element(0x0010, 0x0010, "PN", "Bench^Instances"),
        element(0x0010, 0x0020, "LO", "BENCH"),
        element(0x0020, 0x000D, "UI", root + ".1"),
        element(0x0020, 0x000E, "UI", root + ".2"),
        element(0x0020, 0x0010, "SH", "1"),
        element(0x0020, 0x0011, "IS", "1"),
        element(0x0020, 0x0013, "IS", str(index + 1)),
        element(0x0028, 0x0002, "US", 1),
        element(0x0028, 0x0004, "CS", "MONOCHROME2"),
        element(0x0028, 0x0010, "US", rows),
        element(0x0028, 0x0011, "US", columns),
        element(0x0028, 0x0100, "US", 16),
        element(0x0028, 0x0101, "US", 16),
        element(0x0028, 0x0102, "US", 15),
        element(0x0028, 0x0103, "US", 0),
        element(0x7FE0, 0x0010, "OW", pixels),
    ])
    return b"\0" * 128 + b"DICM" + element(0x0002, 0x0000, "UL", len(meta)) + meta + data_set


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--columns", type=int, required=True)
    parser.add_argument("--sop-class", choices=sorted(SOP_CLASSES), default="sc")
    parser.add_argument("--shards", type=int, default=1)
    parser.add_argument("--first", type=int, default=0, help="number of the first SOP Instance UID")
    parser.add_argument("--random-pixels", action="store_true", help="random pixel bytes instead of a ramp")
    parser.add_argument("--root", default="1.2.826.0.1.3680043.10.9999", help="UID root of study, series and instances")
    args = parser.parse_args()

    length = args.rows * args.columns * 2
    pixels = os.urandom(length) if args.random_pixels else (bytes(range(256)) * (length // 256 + 1))[:length]
    folders = [args.out] if args.shards == 1 else [f"{args.out}/q{k}" for k in range(args.shards)]
    for folder in folders:
        os.makedirs(folder, exist_ok=True)
    modality = "CT" if args.sop_class == "ct" else "OT"
    for index in range(args.count):
        uid = f"{args.root}.3.{100000000 + args.first + index}"
        with open(f"{folders[index % len(folders)]}/{index:05d}.dcm", "wb") as out:
            out.write(instance(SOP_CLASSES[args.sop_class], uid, args.root, index, args.rows, args.columns, modality, pixels))


if __name__ == "__main__":
    main()
