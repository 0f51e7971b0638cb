"""What every source adapter provides, and the registry that detects formats.

A source is a pair: a pure transformer (payload -> normalized rows) and a thin reader that
walks a file, yields one :class:`~staffpulse.store.Record` per payload, and reports each
malformed line as a :class:`Problem` instead of stopping. Text files written by people (CSV,
JSONL) are decoded in one place, :mod:`staffpulse.sources.text_files`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Protocol

from staffpulse import __version__
from staffpulse.models import Account, Follow, Post, Provenance
from staffpulse.sources.long_heads import first_record_head

# read from here by commands outside the sources, from before text_files.py was split off
from staffpulse.sources.text_files import BINARY_RE as BINARY_RE
from staffpulse.sources.text_files import SCAN_BYTES as SCAN_BYTES
from staffpulse.sources.text_files import bom_codec as bom_codec
from staffpulse.sources.text_files import decode_bytes as decode_bytes
from staffpulse.sources.text_files import document_kind as document_kind
from staffpulse.sources.text_files import first_bad_line as first_bad_line
from staffpulse.sources.text_files import looks_binary as looks_binary
from staffpulse.sources.text_files import mostly_binary as mostly_binary
from staffpulse.sources.text_files import read_user_text as read_user_text
from staffpulse.sources.text_files import sniffable
from staffpulse.store.core import Record

TOOL_VERSION = f"staffpulse {__version__}"
HEAD_BYTES = 8192
# The most of a first line read to sniff a file whose first record is longer than its head
LONG_LINE_BYTES = 64 * 1024 * 1024
_BLANK = b"\xef\xbb\xbf \t\r"


@dataclass(frozen=True, slots=True)
class Problem:
    """Records that could not be imported: where they are and what is wrong with them.

    ``records`` is how many were skipped: 1 for a bad line, every row of a file whose header
    makes all of them unreadable (one message then, not one per row). ``named`` marks a file
    the user named as a path to import, not one found in a folder: it is told on a line of its
    own, never summed up with a folder's README and LICENSE.
    """

    file: str
    line: int | None
    message: str
    records: int = 1
    named: bool = field(default=False, kw_only=True)  # kw-only: subclasses add fields
    # the spreadsheet row of ``line`` where cells with line breaks above make them differ
    # (:mod:`staffpulse.sources.sheet_rows`)
    row: int | None = field(default=None, kw_only=True)

    def as_dict(self) -> dict[str, object]:
        found: dict[str, object] = {"file": self.file, "line": self.line, "message": self.message}
        if self.records != 1:  # the usual one-record problem keeps its documented shape
            found["records"] = self.records
        if self.row is not None:
            found["row"] = self.row
        return found

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        if self.row is not None:
            where += f" (row {self.row} in a spreadsheet)"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class UnreadFile(Problem):
    """A file nothing of which could be read (a ZIP member whose data is damaged): its records
    were lost, and how many is not known, so ``records`` is 0, or the count the file's archive
    lists for it. Counted apart from the records skipped, never as none lost."""


@dataclass(frozen=True, slots=True)
class LostPosts(Problem):
    """Posts an export held that could not be read (a broken entry of an X archive's
    ``tweets.js``): counted among the posts read, so an import that lost every post it was
    given is told as one that failed (exit 1), though the owner's account came in beside."""


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user must hear about a file although nothing in it was skipped (its
    encoding had to be guessed, say). Told once per file; never counted as skipped."""

    file: str
    message: str
    # No rows, so a reader that only knows Record and Problem (``item.rows``) passes over it.
    rows: tuple[Account | Post | Follow, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "message": self.message}

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


Item = Record | Problem | Notice


class Source(Protocol):
    """An input format. ``sniff`` must be cheap; ``read`` never raises for one bad record."""

    name: str
    label: str

    def sniff(self, path: Path, head: bytes) -> bool: ...

    def read(self, path: Path) -> Iterator[Item]: ...


REGISTRY: list[Source] = []


def register(source: Source) -> Source:
    """Add a source to the registry (later registrations are tried first: more specific)."""
    if all(existing.name != source.name for existing in REGISTRY):
        REGISTRY.insert(0, source)
    return source


def read_head(path: Path) -> bytes:
    """The head of ``path`` as sources sniff it: :func:`head_of` the file."""
    if path.is_dir():
        return b""
    with path.open("rb") as handle:
        return head_of(handle)


def head_of(handle: BinaryIO) -> bytes:
    """The head of an open file as sources sniff it (:func:`sniffable`): its first
    :data:`HEAD_BYTES`; when they open a JSON object on a line longer than them, read on
    only as far as tells the format (:func:`~staffpulse.sources.long_heads.first_record_head`:
    a JSON Lines record holding a very long text, cut, was no JSON), up to
    :data:`LONG_LINE_BYTES`."""
    head = handle.read(HEAD_BYTES)
    if len(head) == HEAD_BYTES and b"\n" not in head and head.lstrip(_BLANK)[:1] == b"{":
        head = first_record_head(head, handle, HEAD_BYTES, LONG_LINE_BYTES)
    return sniffable(head)


def claimed_by(path: Path) -> Source | None:
    """The source that reads ``path`` (a file, or a folder read as a whole such as an
    extracted X archive), or None.

    A container of one file (gzip) answers with the source of what it holds, through its
    ``source_for(path, head)``, so that the import says what the file was read as."""
    head = read_head(path)
    for source in REGISTRY:
        if source.sniff(path, head):
            source_for: Callable[[Path, bytes], Source] | None = getattr(source, "source_for", None)
            return source_for(path, head) if source_for is not None else source
    return None


# Each printed after "skipped FILE:" or "left out FILE:", so neither says "skipped" again
UNKNOWN_FORMAT = "not a known format"
EMPTY_FILE = "the file is empty"
# Files of a folder (or ZIP) left out whole: reported, but no record in them was lost
# (:func:`staffpulse.sources.folders.left_out`, for the unknown ones told why as well)
LEFT_OUT = frozenset({UNKNOWN_FORMAT, EMPTY_FILE})


def unsafe_member_name(name: str) -> bool:
    """True for a ZIP member name that would land outside the folder it is extracted to
    (``../x``, ``/etc/x``, ``C:x``: "zip-slip"), or that holds a NUL, which a file system
    would cut the name at. The dashboard refuses an upload with one
    (:func:`staffpulse.web.security.check_archive`); an import skips such a member."""
    pure = PurePosixPath(name.replace("\\", "/"))
    return (
        pure.is_absolute()
        or ".." in pure.parts
        or (len(name) > 1 and name[1] == ":")
        or "\x00" in name
    )


def provenance(source: str, location: str | Path, line: int | None = None) -> Provenance:
    return Provenance(
        source=source,
        location=str(location),
        tool_version=TOOL_VERSION,
        retrieved_at=datetime.now(UTC),
        line=line,
    )


def parse_timestamp(value: object) -> datetime | None:
    """ISO 8601 (``Z`` or offset), X's ``Wed Oct 10 20:19:24 +0000 2018``, or epoch seconds.

    Naive timestamps are taken as UTC. Raises ValueError on anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(float(value), tz=UTC)
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y")
        except ValueError:
            raise ValueError(f"unreadable timestamp {text!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# An ISO date of a year no datetime holds (0000, 10000), which a Bluesky app may write
_FAR_DATE_RE = re.compile(r"^([+-]?\d{4,})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]|$)")
_FIRST_MOMENT = datetime.min.replace(tzinfo=UTC)
_LAST_MOMENT = datetime.max.replace(tzinfo=UTC)


def parse_post_time(value: object) -> datetime | None:
    """A post's date as :func:`parse_timestamp` reads it, a well-formed date of a year no
    datetime holds (``0000-01-01``) being the nearest one that does (``0001-01-01``): a date
    no post can have (:func:`staffpulse.dates.plausible_post_time`), so the post is kept and
    its date left out of measures, instead of the post being skipped as unreadable."""
    try:
        return parse_timestamp(value)
    except ValueError:
        found = _FAR_DATE_RE.match(str(value).strip())
        if found is None or 1 <= int(found.group(1)) <= 9999:
            raise
        return _FIRST_MOMENT if int(found.group(1)) < 1 else _LAST_MOMENT


def visible_files(folder: Path, seen: set[Path] | None = None) -> list[Path]:
    """Every file under ``folder`` that a folder import visits: hidden files and folders
    aside, each real folder once (a symlink back up the tree is not followed again)."""
    seen = set() if seen is None else seen
    real = folder.resolve()
    if real in seen:
        return []
    seen.add(real)
    files: list[Path] = []
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            files.extend(visible_files(child, seen))
        elif child.is_file():
            files.append(child)
    return files


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")
