"""A Bluesky repository written by hand as a CAR v1 file, for the tests of its reader and of
the imports that read it: each block named by its CID, a tree of one node (``small_car``) or of
two levels (``Repo``), a commit, the header naming it."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import libipld

DID = "did:plc:rosa4harbor7staffing"
REV = "3lbcdfghjk2aa"


def block_cid(block: bytes) -> bytes:
    """CIDv1, dag-cbor, sha2-256: how the repository names its blocks."""
    return bytes([1, 0x71, 0x12, 0x20]) + hashlib.sha256(block).digest()


def varint(value: int) -> bytes:
    """Unsigned LEB128, the CAR's length prefix."""
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def small_car(did: str, records: dict[str, dict[str, Any]]) -> bytes:
    """A repository of ``records`` (by key, ``collection/rkey``) as a CAR file: the commit
    first, then the tree's one node, then the records, as a PDS streams them."""
    blocks: list[tuple[bytes, bytes]] = []

    def put(value: Any) -> bytes:
        data = libipld.encode_dag_cbor(value)
        blocks.append((block_cid(data), data))
        return blocks[-1][0]

    cids = {key: put(value) for key, value in sorted(records.items())}
    entries = [{"p": 0, "k": key.encode(), "v": cid, "t": None} for key, cid in cids.items()]
    root = put({"l": None, "e": entries})
    commit = put({"did": did, "version": 3, "data": root, "rev": "3lbcdfghjk2aa", "prev": None})
    header = libipld.encode_dag_cbor({"version": 1, "roots": [commit]})
    out = varint(len(header)) + header
    for cid, data in [blocks[-1], blocks[-2], *blocks[:-2]]:
        out += varint(len(cid) + len(data)) + cid + data
    return out


class Repo:
    """A repository written as a CAR file: records, a two-level tree, a commit."""

    def __init__(self) -> None:
        self.blocks: list[tuple[bytes, bytes]] = []

    def put(self, value: Any) -> bytes:
        data = libipld.encode_dag_cbor(value)
        cid = block_cid(data)
        self.blocks.append((cid, data))
        return cid

    def node(self, entries: Sequence[tuple[str, bytes, bytes | None]], left: bytes | None) -> bytes:
        """A tree node, its keys compressed against the entry before as atproto writes them."""
        written, previous = [], b""
        for key, value, subtree in entries:
            raw = key.encode()
            shared = 0
            while shared < min(len(raw), len(previous)) and raw[shared] == previous[shared]:
                shared += 1
            written.append({"p": shared, "k": raw[shared:], "v": value, "t": subtree})
            previous = raw
        return self.put({"l": left, "e": written})

    def car(self, records: dict[str, dict[str, Any]]) -> bytes:
        keys = sorted(records)
        cids = {key: self.put(records[key]) for key in keys}
        # the first key in a left subtree, one more under the second entry's "t"
        left = self.node([(keys[0], cids[keys[0]], None)], None)
        right = self.node([(keys[2], cids[keys[2]], None)], None)
        rest = [(keys[1], cids[keys[1]], right)] + [(k, cids[k], None) for k in keys[3:]]
        root = self.node(rest, left)
        commit = self.put(
            {"did": DID, "version": 3, "data": root, "rev": REV, "prev": None, "sig": b"\0" * 64}
        )
        header = libipld.encode_dag_cbor({"version": 1, "roots": [commit]})
        out = varint(len(header)) + header
        # as a PDS streams it: the commit, the tree from its root, then the records
        first = [commit, root, left, right]
        for cid, data in sorted(
            self.blocks, key=lambda b: first.index(b[0]) if b[0] in first else 9
        ):
            out += varint(len(cid) + len(data)) + cid + data
        return out
