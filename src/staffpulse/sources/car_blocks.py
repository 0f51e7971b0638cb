"""The blocks of a CAR v1 file and the records of the AT Protocol repository they hold.

A Bluesky repository export (``repo.car``) is a CAR file: a varint-prefixed DAG-CBOR header
(``{version: 1, roots: [cid]}``), then sections of a varint length, a CID and the block's
DAG-CBOR bytes. The root is the repository's signed commit (``did``, ``rev``, ``data``);
``data`` is the root of its Merkle Search Tree, whose nodes hold the record keys
(``app.bsky.feed.post/<rkey>``) and the CIDs of the records. The framing is read here rather
than by ``libipld.decode_car`` so that a file cut short keeps the blocks before the cut and
the reader can say where it ends; each block is decoded by libipld (a dependency of atproto).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import libipld

# The blocks are read whole into memory (a repository of years of posts is tens of MB).
MAX_CAR_BYTES = 1024**3
TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
MAX_HEADER_BYTES = 4096  # {version, roots}: a few dozen bytes in a real export
MAX_NODES = 10_000_000  # a loop in a damaged tree must not hang the reader


class CarError(ValueError):
    """The file is not a CAR v1 file (its header does not read as one)."""


class CarCutError(CarError):
    """The file ends inside its CAR header: an export cut short, not some other file."""


@dataclass
class CarFile:
    """The roots and blocks (by CID bytes) of a CAR file, and where it was cut, if it was."""

    roots: list[bytes]
    blocks: dict[bytes, bytes] = field(default_factory=dict)
    cut_at: int | None = None  # the byte offset of the section the file ends inside


def _varint(data: bytes, offset: int) -> tuple[int, int]:
    """The unsigned LEB128 integer at ``offset``, and the offset after it."""
    value = shift = 0
    while offset < len(data):
        byte = data[offset]
        offset += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, offset
        shift += 7
        if shift > 63:
            break
    raise IndexError("varint runs past the data")


def _cid_length(section: bytes) -> int:
    """How many bytes of a section are its CID (v0: a bare sha2-256 multihash; v1)."""
    if section[:2] == b"\x12\x20":
        return 34
    version, offset = _varint(section, 0)
    if version != 1:
        raise ValueError(f"CID version {version}")
    _codec, offset = _varint(section, offset)
    _hash_code, offset = _varint(section, offset)
    size, offset = _varint(section, offset)
    if offset + size > len(section):
        raise IndexError("CID runs past its section")
    return offset + size


def looks_car(head: bytes) -> bool:
    """Whether a file head is a CAR v1 header (``{version: 1, roots: [...]}``)."""
    try:
        header = _header(head)
    except (CarError, IndexError):
        return False
    return header.get("version") == 1 and isinstance(header.get("roots"), list)


def cut_in_header(data: bytes) -> bool:
    """Whether ``data`` (a whole file) is the start of a CAR header that stops before its
    end: a plausible length, then the start of a CBOR map, and too few bytes after it."""
    try:
        size, offset = _varint(data, 0)
    except IndexError:
        return False
    return (
        0 < size <= MAX_HEADER_BYTES
        and offset < len(data) < offset + size
        and (
            data[offset] >> 5 == 5  # CBOR major type 5: a map ({version, roots})
        )
    )


def _header(data: bytes) -> dict[str, Any]:
    if cut_in_header(data):
        raise CarCutError("the file is cut short inside its CAR header")
    size, offset = _varint(data, 0)
    if not 0 < size <= MAX_HEADER_BYTES or offset + size > len(data):
        raise CarError("no CAR header")
    try:
        header = libipld.decode_dag_cbor(data[offset : offset + size])
    except (ValueError, TypeError) as exc:
        raise CarError(f"the CAR header does not decode ({exc})") from None
    if not isinstance(header, dict):
        raise CarError("the CAR header is not a map")
    return header


def parse_car(data: bytes) -> CarFile:
    """The roots and blocks of CAR v1 ``data``; a file cut short (or damaged) keeps the
    blocks before the cut and says where it is (``cut_at``). Raises :class:`CarError` when
    the header is not a CAR v1 header."""
    header = _header(data)
    if header.get("version") != 1:
        raise CarError(f"a CAR version {header.get('version')!r} file, not version 1")
    roots = [root for root in header.get("roots") or [] if isinstance(root, bytes)]
    if not roots:
        raise CarError("the CAR header names no root")
    size, offset = _varint(data, 0)
    offset += size
    car = CarFile(roots)
    while offset < len(data):
        start = offset
        try:
            size, offset = _varint(data, offset)
            if size == 0 or offset + size > len(data):
                raise IndexError("section runs past the end")
            section = data[offset : offset + size]
            cid_size = _cid_length(section)
        except (IndexError, ValueError):
            car.cut_at = start
            break
        car.blocks[section[:cid_size]] = section[cid_size:]
        offset += size
    return car


def decode_block(car: CarFile, cid: Any) -> Any:
    """The decoded block ``cid`` names, or None when the file does not hold it (or it does
    not decode: a damaged block is as lost as a missing one)."""
    if not isinstance(cid, bytes) or cid not in car.blocks:
        return None
    try:
        return libipld.decode_dag_cbor(car.blocks[cid])
    except (ValueError, TypeError):
        return None


@dataclass
class RepoWalk:
    """The records of a repository, and how many tree nodes were missing from the file."""

    entries: list[tuple[str, bytes]] = field(default_factory=list)  # (key, record CID)
    missing_nodes: int = 0


def walk_tree(car: CarFile, root: Any) -> RepoWalk:
    """Every ``(key, record CID)`` of the Merkle Search Tree at ``root``. A node's entries
    compress their keys against the entry before (``p``: the length of the shared prefix,
    ``k``: the rest); ``l`` is the subtree before the first entry, an entry's ``t`` the one
    after it."""
    walk = RepoWalk()
    pending: list[Any] = [root]
    seen: set[bytes] = set()
    while pending and len(seen) < MAX_NODES:
        cid = pending.pop()
        if not isinstance(cid, bytes) or cid in seen:
            continue
        seen.add(cid)
        node = decode_block(car, cid)
        if not isinstance(node, dict):
            walk.missing_nodes += 1
            continue
        pending.append(node.get("l"))
        key = b""
        for entry in node.get("e") or []:
            if not isinstance(entry, dict) or not isinstance(entry.get("k"), bytes):
                continue
            prefix = entry.get("p") if isinstance(entry.get("p"), int) else 0
            key = key[:prefix] + entry["k"]
            value = entry.get("v")
            if isinstance(value, bytes):
                walk.entries.append((key.decode("utf-8", "replace"), value))
            pending.append(entry.get("t"))
    return walk


def tid_time(tid: object) -> datetime | None:
    """When a TID (a commit's ``rev``) was made: its first 53 bits are microseconds since
    1970. None for anything that is not a TID."""
    if not isinstance(tid, str) or len(tid) != 13:
        return None
    value = 0
    for char in tid:
        digit = TID_ALPHABET.find(char)
        if digit < 0:
            return None
        value = value * 32 + digit
    try:
        return datetime.fromtimestamp((value >> 10) / 1_000_000, UTC)
    except (OverflowError, ValueError, OSError):
        return None


def cid_text(cid: bytes) -> str | None:
    """The text form of a CID (``bafy...``), or None when the bytes are none."""
    try:
        return str(libipld.encode_cid(cid))
    except (ValueError, TypeError):
        return None


def jsonable(value: Any) -> Any:
    """A decoded record as JSON can hold it: links as ``{"$link": cid}``, as atproto's JSON
    writes them, other bytes as ``{"$bytes": hex}``."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, bytes):
        text = cid_text(value)
        return {"$link": text} if text else {"$bytes": value.hex()}
    return value


def iter_blocks_of(car: CarFile, entries: list[tuple[str, bytes]]) -> Iterator[tuple[str, Any]]:
    """Each entry's key and decoded record (None when the file lacks it)."""
    for key, cid in entries:
        yield key, decode_block(car, cid)
