"""How a file of a CSV format is opened, whichever format it is (staffpulse, TWCS, X
Analytics): by its name (a table renamed ``.json`` by hand is read, and told), its text
encoding, and the report's title some tools write above the header (docs/formats.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from staffpulse.sources.base import Item, Notice, Source, read_head
from staffpulse.sources.csv_preamble import notes_above, preamble_notices, preamble_of
from staffpulse.sources.jsonio import first_json_char, first_line, first_value, is_json_lines
from staffpulse.sources.native import text_encoding
from staffpulse.sources.text_files import TextEncoding

SUFFIXES = (".csv", ".tsv", ".txt")
TABLE_ONLY_SUFFIXES = (".csv", ".tsv")  # never a person's notes, whatever is above the header
# A table saved under a JSON name (an export renamed by hand, a "Save as" that kept the old
# name): read when its first character cannot start JSON, and told
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")


def table_named_json(path: Path, head: bytes) -> bool:
    """A file under a JSON name whose first character cannot start JSON: a table, maybe."""
    return path.suffix.lower() in JSON_SUFFIXES and _starts_no_json(head)


def table_unnamed(path: Path, head: bytes) -> bool:
    """A file with no ending to its name (``posts``: a download saved without one, an ending
    lost in a rename) whose first character cannot start JSON: a table, maybe."""
    return not path.suffix and _starts_no_json(head)


def _starts_no_json(head: bytes) -> bool:
    """Whether a file head has a first character, and one that cannot start JSON."""
    return first_json_char(head) not in ("", "{", "[")


def named_table(path: Path, head: bytes) -> bool:
    """Whether ``path`` may be a table by its name: a CSV's, or a JSON name (or none) on a
    file that holds no JSON (a table renamed by hand), which :func:`misnamed_table` then
    tells. A .txt whose header comes below lines of prose is a person's notes naming
    columns, no table."""
    if path.is_dir():
        return False
    if path.suffix.lower() in TABLE_ONLY_SUFFIXES:
        return True
    named = path.suffix.lower() in SUFFIXES or table_named_json(path, head)
    return (named or table_unnamed(path, head)) and not notes_above(head)


def misnamed_table(path: Path) -> Iterator[Notice]:
    """The note for a table read under a JSON name (or none), that it was read and should be
    renamed."""
    if path.suffix.lower() in JSON_SUFFIXES:
        yield _misnamed(path, f"named {path.suffix}", "a CSV table (no JSON)", "one", ".csv")
    elif not path.suffix:
        said = "has no ending to its name"
        yield _misnamed(path, said, "a CSV table", "one", f"{path.name}.csv")


def read_as_held(path: Path, source: Source) -> Iterator[Item]:
    """What ``source`` reads of ``path``, after the note for JSON under a table's name: the
    one place it is told, for a file alone, in a folder or in a ZIP."""
    yield from misnamed_json(path)
    yield from source.read(path)


def misnamed_json(path: Path) -> Iterator[Notice]:
    """The note for JSON under a table's name (``posts.csv`` holding JSON Lines: a "Save as"
    that kept the old name), read by what it holds, as a table under a JSON name is. Nothing
    for a table, whatever its first character."""
    if (held := json_under_table_name(path)) is not None:
        holds, name = held
        yield _misnamed(path, f"named {path.suffix}", f"{holds} (no CSV table)", holds, name)


def json_under_table_name(path: Path) -> tuple[str, str] | None:
    """What JSON a file named as a table (``.csv``, ``.tsv``) holds and the name to give it
    (``("JSON Lines", "posts.jsonl")``); None for a table, whatever its first character.
    Looked at once a file: the import's note and the explainers of a file of no format ask
    it alike."""
    if path.is_dir() or path.suffix.lower() not in TABLE_ONLY_SUFFIXES:
        return None
    found = path.stat()
    return _json_held(path.absolute(), (found.st_ino, found.st_size, found.st_mtime_ns))


@lru_cache(maxsize=16)
def _json_held(path: Path, version: tuple[int, int, int]) -> tuple[str, str] | None:
    """:func:`json_under_table_name` of a file as it is (``version``: its inode, size and
    time; changed, it is looked at again)."""
    head = read_head(path)
    if first_json_char(head) not in ("{", "["):
        return None
    if is_json_lines(path):
        return "JSON Lines", path.stem + ".jsonl"
    if first_value(head) is not None or first_line(head) in ("{", "["):
        return "JSON", path.stem + ".json"
    return None  # "[id],author" is a table's header


def _misnamed(path: Path, named: str, holds: str, read_as: str, name: str) -> Notice:
    """The note for a file read by what it holds, not by its name: the name to give it."""
    return Notice(
        str(path),
        f"{named} but holds {holds}: read as {read_as}; rename it {name} so other tools read"
        " it right too",
    )


def prepare_table(path: Path) -> tuple[TextEncoding, int, list[Notice]]:
    """How the CSV file ``path`` is read (its encoding, the lines above its header) and the
    notes its import opens with: an encoding guessed, a table under a JSON name, a report's
    title passed over."""
    encoding, notices = text_encoding(path)
    above = preamble_of(path)  # a report's title and dates above the header
    return encoding, above, [*notices, *misnamed_table(path), *preamble_notices(path, above)]
