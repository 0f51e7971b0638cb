"""The entries of one data file of an X archive (``tweets.js``), read entry by entry, with the
progress bar following them.

A file is loaded whole (its bytes are then read), but its entries are read, and imported, one
after another: were the file marked read when loaded, the bar of a lone ``tweets.js`` would
stand full while its posts were still being read. Each entry marks the file read up to the
line it starts on (:func:`staffpulse.read_offsets.mark_read`), in proportion to its lines.

The entries a lone file was read for, to find whose it is
(:mod:`staffpulse.sources.x_archive_stored`), are kept for the import to read, so that the
file is read once, not again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from staffpulse.read_offsets import mark_read
from staffpulse.sources.text_files import decode_bytes
from staffpulse.sources.x_archive_files import Part
from staffpulse.sources.ytd import ytd_items

Entries = Iterable[tuple[int, Any | Exception]]  # (the line it starts on, entry or error)
MARK_EVERY = 64  # entries between two marks: a mark asks the file's size again
# The most text whose entries are kept from being read for their owner to being imported, for
# all the lone files of an import together: kept, entries take some five times their text in
# memory; a file past it is read again
KEPT_CHARS = 32 << 20


@dataclass(frozen=True, slots=True)
class PartEntries:
    """What a data file holds: how its text was decoded (``note``, told once when the encoding
    was a guess), its entries, how many lines it has (to mark how far it was read) and how
    many characters (what its entries take, when kept)."""

    note: str | None
    entries: Entries
    lines: int
    chars: int


def read_entries(part: Part, *, room: int = 0) -> PartEntries:
    """The entries of ``part``, read as they are iterated; when its text fits in ``room``
    characters, read now and held in a list to iterate again. Raises
    :class:`~staffpulse.sources.x_archive_files.DamagedPart`."""
    text, note = decode_bytes(part.load())
    lines = text.count("\n") + 1
    entries: Entries = ytd_items(text)
    if len(text) <= room:
        entries = list(entries)
        _mark_unread(part)  # read for its owner; none of its posts is imported yet
    return PartEntries(note, entries, lines, len(text))


def _mark_unread(part: Part) -> None:
    path = Path(part.location)
    if path.is_file():
        mark_read(path, 0)


def marking_read(part: Part, entries: PartEntries) -> Iterator[tuple[int, Any | Exception]]:
    """The entries of ``part``, each marking its file read up to the line the entry starts on
    (a file in a ZIP is followed through the ZIP's own reading), and the whole at the end."""
    path = Path(part.location)
    if not path.is_file():
        yield from entries.entries
        return
    size = path.stat().st_size
    for count, (line, item) in enumerate(entries.entries):
        if count % MARK_EVERY == 0:
            mark_read(path, size * (line - 1) // entries.lines)
        yield line, item
    mark_read(path)
