"""A file of handles people sent in: one handle a line, or a CSV with a header.

* **Text**: one handle a line in any form :func:`~staffpulse.handles.parse_handle`
  reads; blank lines and ``#`` comments are skipped; on a line with commas, tabs or semicolons
  the first field is the handle (``@rita, met at the fair``); a full stop after a handle, as
  copied from a sentence, is left out.
* **CSV with a header**: a first line that names its columns (``handle,name``,
  ``name;Twitter handle``, ``url``, ``handle,platform,segment`` as a cohort file has) is read as
  a header, never as a handle. The handles come from the first column it names as one
  (``handle``, ``username``, ``account``, ``address``, ``url``, ``profile``, a platform's name,
  or a platform's name and one of these, such as ``Twitter handle``); a ``platform`` column, or a
  handle column named after a platform (``mastodon``, ``bluesky_handle``), gives each line's
  platform. Each further column named after another platform is read too (a sheet
  ``name,Twitter handle,Bluesky,Mastodon`` gives every handle of a row). A header that names no
  handle column is refused. The platform of a line is, first, its ``platform`` cell, then its
  column's platform, then ``--platform``; with a column per platform, the column's comes first.
* **JSON**: an array of accounts or handles, an API answer holding one, or JSON lines
  (:mod:`staffpulse.connect.handle_json`).
* **Encodings** as every other text input reads them (:func:`staffpulse.sources.base.
  decode_bytes`): UTF-8 with or without a BOM, UTF-16 with its BOM (Notepad's "Unicode"),
  Windows-1252 as a noted guess. A file with binary data (an image, a spreadsheet) is refused.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from staffpulse.connect.handle_json import Row, is_json, json_rows
from staffpulse.errors import InputError
from staffpulse.handles import PLATFORMS, parse_handle
from staffpulse.models import normalize_platform, platform_choice, unknown_handle_platform
from staffpulse.sources.base import Problem, read_user_text

# a file starting with "[" that is no JSON array: said, as a JSON one was taken for (below)
NOT_JSON_NOTE = "starts with '[' but is not JSON: read as text, one handle a line"
MAX_BYTES = 16 * 1024 * 1024  # a list of handles is small; far bigger was given by mistake
_SEPARATORS = ",\t;"
_NOT_TEXT_HINT = (
    "give a text or CSV file with one handle a line (@name, name.bsky.social, @user@instance "
    "or a profile URL), saved from a text editor or as CSV; not a Word or Excel file"
)
_HANDLE_WORDS = frozenset(
    {"handle", "handles", "username", "user_name", "user", "screen_name", "account", "address",
     "url", "link", "profile", "profile_url", "social_handle", "social_media_handle"}
)  # fmt: skip
_PLATFORM_WORDS = {"platform": None, "network": None, "site": None, "fediverse": "mastodon"}
# Words of a header that is not one of handles (name,email): refused rather than read as handles
_OTHER_WORDS = frozenset(
    {"name", "display_name", "full_name", "first_name", "last_name", "email", "e_mail",
     "company", "segment", "role", "notes", "note", "title"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class HandleEntry:
    platform: str
    handle: str  # normalized: no leading "@", lower case ("user@instance" on Mastodon)
    source: str  # "file:line"


class HandlesRead(NamedTuple):
    """What a handles file held."""

    entries: list[HandleEntry]
    problems: list[Problem]  # lines that are no handle, with file and line
    duplicates: int  # lines merged into an earlier one
    notes: list[str]  # to tell the user: an encoding that was a guess

    @property
    def is_empty(self) -> bool:
        """No handle, no bad line and no duplicate: nothing but blank lines and comments."""
        return not self.entries and not self.problems and not self.duplicates


@dataclass(frozen=True, slots=True)
class _Header:
    separator: str
    # (index, platform) of each column read for handles: the first one named as handles, then
    # each column named after another platform ("mastodon" for "Mastodon address")
    handle_columns: tuple[tuple[int, str | None], ...]
    platform_column: int | None


def read_handles(path: Path, platform: str | None = None) -> HandlesRead:
    """The handles in ``path``, the bad lines (file and line), the duplicates merged and the
    notes on how the file was read."""
    # --platform twitter means x, as in a cohort file; csv is a platform of stored rows, not
    # one a handle can be fetched from, so the error names only the others
    platform = platform_choice(platform, choices=PLATFORMS)
    text, note = _read_text(path)
    entries: dict[tuple[str, str], HandleEntry] = {}
    problems: list[Problem] = []
    duplicates = 0
    notes = [note] if note else []
    if is_json(text):
        rows = json_rows(text, platform, lambda said: _platform_of(_words(said)))
    else:
        if text.lstrip().startswith("["):
            notes.append(NOT_JSON_NOTE)
        rows = _text_rows(path, text, platform)
    for number, said, cells in rows:
        if isinstance(cells, str):
            problems.append(Problem(str(path), number, cells))
            continue
        for value, line_platform in cells:
            try:
                # a full stop copied with the handle from a sentence ("follow @ann.bsky.social.")
                # ends no handle, address or profile URL
                plat, handle = parse_handle(value.strip().rstrip("."), line_platform)
            except ValueError as exc:
                why = _by_id_only(value) or _why_no_handle(said, exc)
                problems.append(Problem(str(path), number, why))
                continue
            key = (plat, handle)
            if key in entries:
                duplicates += 1
            else:
                entries[key] = HandleEntry(plat, handle, f"{path}:{number}")
    return HandlesRead(list(entries.values()), problems, duplicates, notes)


def _text_rows(path: Path, text: str, platform: str | None) -> Iterator[Row]:
    """Each line that is no blank, comment or header, with its handles or why it has none;
    its text is given for messages when the file has no header."""
    header: _Header | None = None
    first = True
    for number, line in enumerate(text.splitlines(), start=1):
        raw = line.strip()
        if not raw or raw.startswith("#"):
            continue
        if first:
            first = False
            header = _header(path, raw)
            if header is not None:
                continue
        said = raw if header is None else ""
        try:
            yield number, said, _cells(raw, header, platform)
        except ValueError as exc:
            yield number, said, str(exc)


def read_handle_files(
    paths: Iterable[Path],
    platform: str | None = None,
    on_note: Callable[[str], None] | None = None,
) -> HandlesRead:
    """The handles of every file in turn (:func:`read_handles`), each note naming its file.
    Duplicates are merged within a file only: a handle in two files comes twice, and adding it
    finds it already listed the second time.

    ``on_note`` hears each file's notes as soon as that file is read, so that they are told
    even when a later file cannot be read."""
    entries: list[HandleEntry] = []
    problems: list[Problem] = []
    duplicates = 0
    notes: list[str] = []
    for path in paths:
        read = read_handles(path, platform)
        entries.extend(read.entries)
        problems.extend(read.problems)
        duplicates += read.duplicates
        for note in read.notes:
            notes.append(f"{path}: {note}")
            if on_note is not None:
                on_note(notes[-1])
    return HandlesRead(entries, problems, duplicates, notes)


def _read_text(path: Path) -> tuple[str, str | None]:
    return read_user_text(
        path, what="file of handles", not_text_hint=_NOT_TEXT_HINT, max_bytes=MAX_BYTES
    )


def _words(cell: str) -> str:
    """A header cell as a key: ``"Twitter Handle"`` -> ``twitter_handle``."""
    return re.sub(r"[^a-z0-9]+", "_", cell.strip().strip("\"'").lower()).strip("_")


def _platform_of(word: str) -> str | None:
    if word in _PLATFORM_WORDS:
        return _PLATFORM_WORDS[word]
    try:
        found = normalize_platform(word)
    except ValueError:
        return None
    return found if found in PLATFORMS else None


def _handle_column(word: str) -> tuple[bool, str | None]:
    """Whether a header cell names a column of handles, and the platform it names."""
    if word in _HANDLE_WORDS:
        return True, None
    prefix, _, rest = word.partition("_")
    platform = _platform_of(prefix)
    if platform is not None and (not rest or rest in _HANDLE_WORDS):
        return True, platform  # "mastodon", "twitter_handle", "bluesky_profile_url"
    # not "ends with _user": an X handle such as hr_user on the first line is a handle
    return False, None


def _handle_columns(words: list[str]) -> tuple[tuple[int, str | None], ...]:
    """The columns of handles a header names: the first, then each one named after another
    platform, so that a sheet with a column per platform (``Twitter handle,Bluesky,Mastodon``)
    is read whole. A second column of no platform (``url`` beside ``handle``: often a
    website) is not read."""
    columns: list[tuple[int, str | None]] = []
    for index, word in enumerate(words):
        named, platform = _handle_column(word)
        if not named:
            continue
        if not columns or (platform is not None and platform not in {p for _, p in columns}):
            columns.append((index, platform))
    return tuple(columns)


def _split(raw: str, separator: str) -> list[str]:
    return next(csv.reader([raw], delimiter=separator)) if separator else [raw]


def _header(path: Path, raw: str) -> _Header | None:
    """The first line as a header, or None when it holds a handle."""
    separator = next((s for s in _SEPARATORS if s in raw), "")
    cells = _split(raw, separator)
    if any(c.strip().strip("\"'").startswith("@") for c in cells):
        return None  # "@handle" is a handle, even an account named "handle"
    words = [_words(c) for c in cells]
    handle_columns = _handle_columns(words)
    platform_column = next(
        (i for i, w in enumerate(words) if w in _PLATFORM_WORDS and _PLATFORM_WORDS[w] is None),
        None,
    )
    if handle_columns:
        return _Header(separator, handle_columns, platform_column)
    if len(cells) > 1 and (platform_column is not None or any(w in _OTHER_WORDS for w in words)):
        raise InputError(
            f"{path}: the header ({raw}) names no column of handles",
            hint="head the column of handles 'handle' (or username, url), or give one handle "
            "a line without a header",
        )
    return None


# An X profile link by account id, as connect's CSV gives an account whose handle is unknown
_X_ID_URL = re.compile(r"(?:https?://)?(?:www\.)?(?:x|twitter)\.com/i/user/(\d+)\b", re.I)


def _by_id_only(value: str) -> str | None:
    """Why an X link by account id gives no handle, and how to get one; None for any other."""
    if _X_ID_URL.fullmatch(value.strip().rstrip("/")) is None:
        return None
    return (
        f"'{value.strip()}' names an X account by its id, and add-handles needs its handle: "
        "open the link (it shows the account under its handle) and put the handle on the line"
    )


def _why_no_handle(said: str, error: ValueError) -> str:
    """Why a line gave no handle. A line pasted with a name or a note around its handle
    ("Jane Doe (@janedoe)", "@janedoe - recruiter") is told so, with the handle to keep: the
    parser alone would call it a bad Mastodon address or a bad handle. ``said``: the line,
    or "" for a cell of a CSV or a JSON record (their other cells hold the rest)."""
    handles = [w for w in (_bare(word) for word in said.split()) if _is_handle(w)]
    if len(said.split()) < 2 or len(handles) != 1:
        return str(error)
    return (
        f"'{said}' holds more than a handle: keep only {handles[0]} on the line, or put the "
        f"rest after a comma ({handles[0]}, ...)"
    )


def _bare(word: str) -> str:
    return word.strip("()[]<>{}\"'.,:;!?")


def _is_handle(word: str) -> bool:
    """A word written as a handle (``@name``) or a profile URL that parses as one."""
    if not (word.startswith("@") or "://" in word):
        return False  # "Jane" parses as an X handle: only a word marked as one counts
    try:
        parse_handle(word, None)
    except ValueError:
        return False
    return True


def _cells(raw: str, header: _Header | None, platform: str | None) -> list[tuple[str, str | None]]:
    """The handles written on a line, each with the platform it is on when the file says.
    Raises ValueError when the line's handle cells are all empty or its platform is unknown."""
    if header is None:
        return [(re.split(r"[,\t;]", raw, maxsplit=1)[0], platform)]
    cells = _split(raw, header.separator)
    filled = [(i, p) for i, p in header.handle_columns if i < len(cells) and cells[i].strip()]
    if not filled:
        numbers = [str(i + 1) for i, _ in header.handle_columns]
        where = f"column {numbers[0]}" if len(numbers) == 1 else f"columns {', '.join(numbers)}"
        raise ValueError(f"no handle in {where}")
    said: str | None = None  # the line's platform cell
    if header.platform_column is not None and header.platform_column < len(cells):
        written = cells[header.platform_column].strip()
        if written:
            said = _platform_of(_words(written))
            if said is None:
                raise ValueError(unknown_handle_platform(written))
    if len(header.handle_columns) == 1:  # the cell, then the column, then --platform
        return [(cells[i], said or column or platform) for i, column in filled]
    # a column per platform: each column's platform holds for its cells
    return [(cells[i], column or said or platform) for i, column in filled]
