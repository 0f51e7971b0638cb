"""A gzip-compressed file (``brexit.jsonl.gz``: twarc users gzip their collections) is read as
the file it holds, in any format staffpulse reads.

The format is told from the head of the unpacked data, so the registry hands out a
:class:`GzippedAs` per file (``source_for``) whose label names it: "read brexit.jsonl.gz as
twarc2 / X API v2 JSON (gzip)". Reading unpacks the file to a temporary folder, as a ZIP's
members are, and what is told about it names the ``.gz`` file, never the temporary one.

A gzip file cut short (or damaged) keeps what was unpacked before the cut: it is read, the cut
is reported, and the reader of the format reports its last, incomplete line.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

from staffpulse.models import Account, Follow, Post
from staffpulse.sources.base import (
    HEAD_BYTES,
    REGISTRY,
    UNKNOWN_FORMAT,
    Item,
    Notice,
    Problem,
    Source,
    read_head,
    register,
)
from staffpulse.sources.folders import EXPLAINERS, why_document, why_unknown
from staffpulse.sources.text_files import sniffable
from staffpulse.store.core import Record

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 1 << 20
NAME = "gzip"


def inner_name(path: Path) -> str:
    """The name of the file a gzip file holds: ``brexit.jsonl.gz`` → ``brexit.jsonl``."""
    name = path.name
    for suffix in (".gz", ".gzip"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def unpacked_head(head: bytes) -> bytes:
    """The first bytes of what the gzip data in ``head`` holds (fewer when it is damaged: those
    before the damage, so that a damaged file is still read up to it)."""
    try:
        return zlib.decompressobj(wbits=31).decompress(head, HEAD_BYTES)
    except zlib.error:
        return _until_damage(zlib.decompressobj(wbits=31), head, HEAD_BYTES)


_PIECE = 4096  # bytes of packed data fed at a time when finding where the damage starts


def _until_damage(stream: zlib._Decompress, data: bytes, limit: int | None = None) -> bytes:
    """What ``stream`` unpacks from ``data`` up to damage in it: zlib gives nothing of what it
    is fed with damage in it, so a small file damaged anywhere lost everything before it. The
    piece that holds the damage is fed again a byte at a time."""
    out = bytearray()
    for start in range(0, len(data), _PIECE):
        piece = data[start : start + _PIECE]
        before = stream.copy()
        try:
            out += stream.decompress(piece)
        except zlib.error:
            for byte in range(len(piece)):
                try:
                    out += before.decompress(piece[byte : byte + 1])
                except zlib.error:
                    break
            break
        if stream.eof or (limit is not None and len(out) >= limit):
            break
    return bytes(out if limit is None else out[:limit])


def inner_source(path: Path, head: bytes) -> Source | None:
    """The source that reads what the gzip file ``path`` holds, from its (raw) ``head``."""
    inner = sniffable(unpacked_head(head))
    if not inner:
        return None
    named = path.with_name(inner_name(path))  # never opened: sources sniff by name and head
    for source in REGISTRY:
        if source.name != NAME and source.sniff(named, inner):
            return source
    return None


def unpack(path: Path, target: Path) -> str | None:
    """Unpack the gzip file ``path`` (every member of it, as ``gzip -d`` does) to ``target``;
    what went wrong, when the data is cut short or damaged (what came before is kept)."""
    with path.open("rb") as packed, target.open("wb") as out:
        return unpack_stream(packed, out)


def unpack_stream(packed: IO[bytes], out: IO[bytes]) -> str | None:
    """:func:`unpack` for open binary files (``staffpulse classify`` reads a pipe too)."""
    stream = zlib.decompressobj(wbits=31)
    done = 0  # bytes of ``packed`` read
    while chunk := packed.read(CHUNK):
        done += len(chunk)
        while chunk:
            before = stream.copy()  # to unpack again up to the damage, should there be one
            try:
                out.write(stream.decompress(chunk))
            except zlib.error:
                out.write(_until_damage(before, chunk))
                return f"the gzip data is damaged near byte {done:,}"
            chunk = b""
            if stream.eof:  # a next member (files joined with cat), or padding
                chunk = stream.unused_data
                if not chunk.strip(b"\0"):
                    return None
                stream = zlib.decompressobj(wbits=31)
    out.write(stream.flush())
    return None if stream.eof else "the gzip file is cut short"


REPACK = "download or copy the file again"


def why_damaged(path: Path, head: bytes) -> str | None:
    """Why a gzip file whose format could not be told is none, when its data is cut short or
    damaged before what tells it: said so, not "no known format" (what to do is
    :data:`REPACK`)."""
    if not head.startswith(GZIP_MAGIC) or not path.is_file():
        return None
    with path.open("rb") as packed, open(os.devnull, "wb") as nowhere:
        broken = unpack_stream(packed, nowhere)
    return f"{broken}, so what it holds cannot be told" if broken else None


# How a gzip file no source reads is told; what it holds follows when that can be told
HOLDS_NO_FORMAT = "a gzip file that holds no format staffpulse can import"
# Packed bytes up to which a gzip file no source reads is unpacked, to tell what it holds as
# the file itself would be told (a bigger one is told by the head of what it holds only)
INSIDE_LIMIT = 4 << 20


def why_inside(path: Path, head: bytes) -> str | None:
    """What the gzip file ``path`` holds, when no source reads it, as :func:`why_unknown` tells
    of that file unpacked: "this is a PDF, ...", a CSV's missing columns. It is unpacked to a
    temporary file of its inner name (explainers look at the name and the whole file)."""
    if path.stat().st_size > INSIDE_LIMIT:
        return why_document(path.with_name(inner_name(path)), unpacked_head(head))
    with tempfile.TemporaryDirectory(prefix="staffpulse-gz-") as folder:
        target = Path(folder) / inner_name(path)
        unpack(path, target)
        return why_unknown(target)


def _why_gzip(path: Path, head: bytes) -> str | None:
    """Why a gzip file no source reads is none: cut short or damaged (:func:`why_damaged`,
    with what to do), else what it holds (:func:`why_inside`), as a file left out of a folder
    or ZIP is told and as ``detect`` refuses it."""
    if not head.startswith(GZIP_MAGIC) or not path.is_file():
        return None
    if (why := why_damaged(path, head)) is not None:
        return f"{why}: {REPACK}"
    inside = why_inside(path, head)
    return f"{HOLDS_NO_FORMAT}: {inside}" if inside else None


EXPLAINERS.append(_why_gzip)


class GzippedAs:
    """One gzip file, read with the source of the format it holds."""

    def __init__(self, inner: Source) -> None:
        self.inner = inner
        self.name = NAME
        self.label = f"{inner.label} (gzip)"

    def sniff(self, path: Path, head: bytes) -> bool:
        return head.startswith(GZIP_MAGIC) and inner_source(path, head) is self.inner

    def read(self, path: Path) -> Iterator[Item]:
        with tempfile.TemporaryDirectory(prefix="staffpulse-gzip-") as tmp:
            target = Path(tmp) / inner_name(path)
            try:
                broken = unpack(path, target)
            except OSError as exc:
                yield Problem(str(path), None, f"cannot be unpacked ({exc.strerror}); skipped")
                return
            if broken:
                # Told first: the reader then reports the incomplete last line the cut left,
                # and counts it; how much was lost after the cut cannot be known.
                yield Problem(
                    str(path),
                    None,
                    f"{broken}: what came before was read, the rest is lost (download or copy "
                    "the file again)",
                    records=0,
                )
            for item in self.inner.read(target):
                yield _relocated(item, target, path)


def _relocated(item: Item, target: Path, path: Path) -> Item:
    """``item`` as told about the gzip file ``path``: its name instead of ``target``'s, the
    temporary file it was unpacked to."""
    inside, folder = str(target), target.parent
    if isinstance(item, Problem | Notice):
        return replace(
            item,
            file=item.file.replace(inside, str(path)),
            message=item.message.replace(inside, str(path)),
        )
    rows = tuple(_outside(row, folder, path.parent) for row in item.rows)
    location = item.provenance.location.replace(inside, str(path))
    return Record(rows=rows, provenance=replace(item.provenance, location=location), raw=item.raw)


def _outside(row: Account | Post | Follow, folder: Path, beside: Path) -> Account | Post | Follow:
    """An avatar file named relative to the unpacked file is the one beside the gzip file."""
    if not isinstance(row, Account) or not row.avatar_path:
        return row
    avatar = Path(row.avatar_path)
    if not avatar.is_relative_to(folder):
        return row
    # one not there is told by the import (ingest_avatars), not dropped here
    return replace(row, avatar_path=str(beside / avatar.relative_to(folder)))


class Gzipped:
    """The registry's entry for gzip files: it claims one that holds a format staffpulse reads,
    and hands out the :class:`GzippedAs` that reads it (``claimed_by`` asks ``source_for``)."""

    name = NAME
    label = "gzip (.gz) of any of these"

    def sniff(self, path: Path, head: bytes) -> bool:
        return path.is_file() and head.startswith(GZIP_MAGIC) and bool(inner_source(path, head))

    def source_for(self, path: Path, head: bytes) -> Source:
        """The reader of what the gzip file holds, from its head as :func:`read_head` gives
        it (a gzip head has no text BOM, so it is the file's raw bytes)."""
        inner = inner_source(path, head)
        return GzippedAs(inner) if inner is not None else self

    def read(self, path: Path) -> Iterator[Item]:
        source = self.source_for(path, read_head(path))
        if source is self:
            yield Problem(str(path), None, UNKNOWN_FORMAT, records=0)
        else:
            yield from source.read(path)


register(Gzipped())
