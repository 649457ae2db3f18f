"""Write the `corrupt_item` exports fixtures: a built core's exports file with one
item's last byte changed and the fingerprint recomputed, so that the file opens
(its fingerprint matches) and the damage is found only when the item is decoded.

    python3 tests/tools/corrupt_item.py CORE.exports ITEM OUT.exports

Used for `tests/exports/bad/corrupt_item.exports` and
`tests/ext_errors/corrupt_item_exports/core.exports` (ITEM `main.one`, of the
core in tests/README.md); rerun whenever the exports format changes.
"""

from __future__ import annotations

import hashlib
import struct
import sys

MAGIC = b"SEAMEXP\0"
HEADER_LEN = 8 + 4 + 32


def varint(data: bytes, at: int) -> tuple[int, int]:
    """A bincode (standard configuration) variable-length unsigned integer."""
    first = data[at]
    if first < 251:
        return first, at + 1
    width = {251: 2, 252: 4, 253: 8}[first]
    return int.from_bytes(data[at + 1 : at + 1 + width], "little"), at + 1 + width


def string(data: bytes, at: int) -> tuple[bytes, int]:
    n, at = varint(data, at)
    return data[at : at + n], at + n


def main(argv: list[str]) -> int:
    src, item, out = argv[1], argv[2].encode(), argv[3]
    data = bytearray(open(src, "rb").read())
    assert data[:8] == MAGIC, "not an exports file"
    version = struct.unpack_from("<I", data, 8)[0]
    _, body_at = string(data, HEADER_LEN)  # the seam version text
    # The head: runtime ABI version, target, modules, entries, tables length, ...
    at = body_at
    _, at = varint(data, at)
    _, at = string(data, at)
    n, at = varint(data, at)
    for _ in range(n):
        _, at = string(data, at)
    n, at = varint(data, at)
    entries = []
    for _ in range(n):
        _, at = varint(data, at)  # kind
        name, at = string(data, at)
        length, at = varint(data, at)
        entries.append((name, length))
    _, at = varint(data, at)  # tables length
    # The rest of the head (the extension, an Option) is one byte 0 for a core.
    assert data[at] == 0, "expected a core's exports file"
    at += 1
    for name, length in entries:
        if name == item:
            data[at + length - 1] = 7
            break
        at += length
    else:
        raise SystemExit(f"no item {item.decode()}")
    fingerprint = hashlib.sha256(
        b"seam exports fingerprint\0" + struct.pack("<I", version) + bytes(data[body_at:])
    ).digest()
    data[12:44] = fingerprint
    open(out, "wb").write(bytes(data))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
