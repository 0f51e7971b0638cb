"""A ZIP cut short (a download that stopped, a copy to a full disk): the files before the cut.

A ZIP lists its files at its very end (the central directory), so one that lost its end
cannot be opened at all, although every file before the cut is whole in it: each starts with
a local header that says its name, size and compression. :func:`open_zip` opens such a ZIP
from those headers, with a central directory built for the files found whole, over the
original file (nothing is copied or extracted), and says what was lost: the import reads the
files before the cut and tells the rest, instead of refusing the whole download. A file whose
size comes after its data (a "data descriptor", as streaming writers such as Mastodon's
write) is measured by inflating it.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from staffpulse.sources.base import HEAD_BYTES
from staffpulse.sources.text_files import what_it_holds

LOCAL = b"PK\x03\x04"
CENTRAL = b"PK\x01\x02"
END = b"PK\x05\x06"
DESCRIPTOR = b"PK\x07\x08"
_LOCAL = struct.Struct("<4sHHHHHIIIHH")  # signature ... name length, extra length
_CHUNK = 1 << 20
_ZIP32 = 0xFFFFFFFF  # sizes and offsets past this need ZIP64 records: not salvaged
# What the files salvaged may unpack to, together: past it, the rest is told as lost (a ZIP
# that lost its directory is not checked for its unpacked size before it is read, as the web
# import checks a whole one: this bounds a ZIP bomb so made; the web's default limit).
MAX_SALVAGED_BYTES = 4 * 1024**3
# The files whose loss may cost records (data of some format), not a picture or a video.
DATA_SUFFIXES = (".js", ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".txt", ".car", ".gz", ".zip")


@dataclass(frozen=True, slots=True)
class Whole:
    """A file of the ZIP found whole before the cut, as its central directory would list it."""

    name: bytes
    flags: int
    method: int
    time: int
    date: int
    crc: int
    size: int  # compressed
    file_size: int
    offset: int  # of its local header


@dataclass(frozen=True, slots=True)
class Salvage:
    """What a ZIP cut short holds: its whole files, the bytes they fill, and the name of the
    file the cut went through (None when it fell between files or in the directory)."""

    files: list[Whole]
    end: int
    cut: str | None
    too_big: bool = False  # stopped at MAX_SALVAGED_BYTES, not at the cut


class SalvagedZip(zipfile.ZipFile):
    """A :class:`zipfile.ZipFile` over the whole files of a ZIP cut short; ``told`` says what
    was lost."""

    def __init__(self, data: _Joined, told: str, cut_data: bool) -> None:
        super().__init__(data)
        self._data = data
        self.told = told
        self.cut_data = cut_data  # whether the file cut may have held records

    def close(self) -> None:
        super().close()
        self._data.close()


def open_zip(path: Path) -> zipfile.ZipFile:
    """The ZIP at ``path``; one cut short as a :class:`SalvagedZip` of the files before the
    cut. Raises :class:`zipfile.BadZipFile` when no file of it is whole (or it is no ZIP)."""
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        with path.open("rb") as handle:
            found = salvage(handle)
    if not found.files:
        raise zipfile.BadZipFile("no whole file before the cut")
    data = _Joined(path, found.end, central_directory(found.files, found.end))
    count = sum(not whole.name.endswith(b"/") for whole in found.files)  # folders are no files
    where = f" in the middle of {found.cut}" if found.cut else ""
    files = f"the {count:,} file{'' if count == 1 else 's'} before"
    told = (
        f"the ZIP lost its list of files (cut short?), and its files from {found.cut} on would"
        f" unpack to more than {MAX_SALVAGED_BYTES // 1024**3} GB, more than staffpulse reads"
        f" from such a ZIP: {files} {'it was' if count == 1 else 'them were'} read; download the"
        " ZIP again, or unzip it with another tool and import the folder"
        if found.too_big
        else f"the ZIP is cut short{where} (its download or copy stopped): {files} the cut "
        f"{'was' if count == 1 else 'were'} read, what came after is lost; download or copy the"
        " ZIP again and import it to read the rest"
    )
    cut_data = found.cut is not None and found.cut.lower().endswith(DATA_SUFFIXES)
    return SalvagedZip(data, told, cut_data)


def salvage(handle: BinaryIO) -> Salvage:
    """The whole files of a ZIP, read from their local headers one after another."""
    files: list[Whole] = []
    pos = total = 0
    while True:
        handle.seek(pos)
        header = handle.read(_LOCAL.size)
        if len(header) < _LOCAL.size or not header.startswith(LOCAL):
            return Salvage(files, pos, None)  # the directory, or a cut between files
        _, _, flags, method, time, date, crc, size, file_size, nlen, elen = _LOCAL.unpack(header)
        name = handle.read(nlen)
        if not name:  # no file has an empty name: zeros or junk after a signature
            return Salvage(files, pos, None)
        shown = name.decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
        start = pos + _LOCAL.size + nlen + elen
        if flags & 0x08:  # sizes and CRC after the data
            try:
                measured = _inflated(handle, start) if method == zipfile.ZIP_DEFLATED else None
            except _TooBig:
                return Salvage(files, pos, shown, too_big=True)
            if measured is None:
                return Salvage(files, pos, shown)
            size, file_size, crc = measured
            end = start + size
            handle.seek(end)
            tail = handle.read(16)
            skip = 16 if tail.startswith(DESCRIPTOR) else 12
            if len(tail) < skip:
                return Salvage(files, pos, shown)
        else:
            end, skip = start + size, 0
            handle.seek(0, io.SEEK_END)
            if end > handle.tell():
                return Salvage(files, pos, shown)
        total += file_size
        if max(size, file_size, pos) >= _ZIP32 or total > MAX_SALVAGED_BYTES:
            return Salvage(files, pos, shown, too_big=True)
        files.append(Whole(name, flags, method, time, date, crc, size, file_size, pos))
        pos = end + skip


class _TooBig(Exception):
    """A file that unpacks to more than :data:`MAX_SALVAGED_BYTES`."""


def _inflated(handle: BinaryIO, start: int) -> tuple[int, int, int] | None:
    """(compressed size, size, CRC-32) of the deflate stream at ``start``; None when it is
    cut short or damaged; :class:`_TooBig` past :data:`MAX_SALVAGED_BYTES`."""
    handle.seek(start)
    inflate = zlib.decompressobj(-15)
    read = size = crc = 0
    while not inflate.eof:
        chunk = handle.read(_CHUNK)
        if not chunk:
            return None
        read += len(chunk)
        while chunk and not inflate.eof:  # in bounded pieces: a ZIP bomb never fills memory
            try:
                out = inflate.decompress(chunk, _CHUNK)
            except zlib.error:
                return None
            size += len(out)
            crc = zlib.crc32(out, crc)
            if size > MAX_SALVAGED_BYTES:
                raise _TooBig
            chunk = inflate.unconsumed_tail
    return read - len(inflate.unused_data), size, crc


def central_directory(files: list[Whole], offset: int) -> bytes:
    """The central directory (and its end record) listing ``files``, placed at ``offset``."""
    records = b"".join(
        struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            CENTRAL,
            20,  # made by: MS-DOS attributes, version 2.0
            20,  # needed to extract
            whole.flags,
            whole.method,
            whole.time,
            whole.date,
            whole.crc,
            whole.size,
            whole.file_size,
            len(whole.name),
            0,  # extra
            0,  # comment
            0,  # disk
            0,  # internal attributes
            0,  # external attributes
            whole.offset,
        )
        + whole.name
        for whole in files
    )
    count = len(files)
    return records + struct.pack("<4sHHHHIIH", END, 0, 0, count, count, len(records), offset, 0)


class _Joined(io.RawIOBase):
    """The first ``end`` bytes of a file followed by ``extra``, read as one file."""

    def __init__(self, path: Path, end: int, extra: bytes) -> None:
        super().__init__()
        self._file = path.open("rb")
        self._end = end
        self._extra = extra
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._end + len(self._extra)}
        self._pos = max(0, base[whence] + offset)
        return self._pos

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._pos < self._end:
            self._file.seek(self._pos)
            got = self._file.readinto(view[: min(len(view), self._end - self._pos)])
        else:
            start = self._pos - self._end
            piece = self._extra[start : start + len(view)]
            view[: len(piece)] = piece
            got = len(piece)
        self._pos += got
        return got

    def close(self) -> None:
        self._file.close()
        super().close()


def not_a_zip(path: Path) -> str | None:
    """What a file named ``.zip`` that opens as no ZIP holds when it is none at all (no ZIP's
    first bytes: random bytes, a PDF or a text renamed), told instead of "damaged", which
    sent the user to unzip it with another tool; None for a ZIP that is damaged."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if head[:2] == b"PK":
        return None
    holds = what_it_holds(head)
    return f"this is no ZIP archive, though its name ends in {path.suffix}: it holds {holds}"
