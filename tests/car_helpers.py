"""A Bluesky repository written by hand as a CAR v1 file, for the tests of its reader: each
block named by its CID, a one-node tree, a commit, the header naming it."""

from __future__ import annotations

import hashlib
from typing import Any

import libipld


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
