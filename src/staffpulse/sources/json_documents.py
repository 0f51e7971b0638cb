"""Whole-file JSON documents (a saved API response, an IBM dialogs file): read in memory, in
UTF-8 or, by its BOM, UTF-16/32, and when one does not parse, where it failed and how many
entries were lost with it (:class:`~staffpulse.sources.json_document_errors.DocumentError`),
what of it can still be read. JSON Lines files are read a line at a time by
:mod:`staffpulse.sources.jsonio`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from staffpulse.sources.base import HEAD_BYTES
from staffpulse.sources.folders import EXPLAINERS
from staffpulse.sources.json_document_errors import (
    DocumentError,
    document_error,
    ends_at,
    whole_file_lost,
)
from staffpulse.sources.json_entries import (
    count_entries,
    salvage_cut,
    salvage_damaged,
    salvage_without_part,
)
from staffpulse.sources.json_mend import mend_damaged_values
from staffpulse.sources.jsonio import (
    BAD_TEXT,
    MARK_BAD_TEXT,
    end_of_run,
    first_json_char,
)
from staffpulse.sources.text_files import (
    FILE_AGAIN,
    bom_codec,
    first_bad_line,
    repaired_utf8,
    sniffable,
    without_cut_character,
)

# A whole-file document is parsed in memory, several times its size: past this, ask for JSON
# Lines (read a line at a time) rather than exhaust the machine of a busy marketer.
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024


def load_document(path: Path) -> Any:
    """One JSON document (a saved API response), in UTF-8 or, by its BOM, UTF-16/32. Raises
    :class:`DocumentError` (a ValueError) naming the line and column when it does not parse,
    and without reading it when it is larger than :data:`MAX_DOCUMENT_BYTES`: each reader
    reports that file as skipped, and the import goes on with the others."""
    data = document_bytes(path)
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise document_error(data, exc) from None


def read_documents(
    path: Path, items: bool = False
) -> Iterator[tuple[int | None, Any] | DocumentError]:
    """The JSON document in ``path`` (line None: the whole file), or, when the file holds
    several one after another, each with the line it starts on: pretty-printed objects saved
    in a ``.jsonl`` (``jq .`` output, ``json.dump(obj, f, indent=2)`` in a loop), or objects
    written with no line break between them. A value among them that does not parse is a
    :class:`DocumentError` at its line, counting its entries, and the reading goes on at the
    next object that starts a line; the other values are read.

    With ``items``, a file that is one JSON array gives its items, each with its line, as
    several values would be given (a broken item costs only itself)."""
    try:
        data = document_bytes(path)
    except DocumentError as exc:
        yield exc
        return
    if (repaired := repaired_utf8(data)) is not None:
        # a damaged byte or two (a disk or copy error) cost the whole response: told, not lost
        data, line = repaired
        yield DocumentError(
            f"a few bytes are not valid UTF-8 (first at line {line}) and were read as"
            # not "the rest was read": a byte of the JSON itself damaged may stop it all (told)
            " \N{REPLACEMENT CHARACTER}: check the text there, or export the file again",
            line,
            records=0,
        )
    array = data.lstrip()[:1] == b"["
    if items and array and first_bad_line((data,), "utf-8") is None:
        yield from _array_items(data.decode("utf-8"))
        return
    try:
        yield None, orjson.loads(data)
        return
    except orjson.JSONDecodeError as exc:
        error = document_error(data, exc)
        if first_bad_line((data,), "utf-8") is not None:
            yield error
            return
        several = exc.msg.startswith(_SEVERAL)
        broken = exc.pos, f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
    text = data.decode("utf-8")
    if several or not (error.cut or array or _ANOTHER_RE.search(data) is None):
        yield from _split_documents(text)  # several documents, one of them broken
    elif error.cut and (cut := salvage_cut(text)) is not None:
        # the entries whole before the cut are read, the cut told first
        yield DocumentError(
            cut.told, error.line, error.column, cut.lost, cut=True, part=cut.part_lost
        )
        yield None, cut.document
    elif array and not error.cut:  # a trailing comma, a broken item: each item on its own
        yield from _array_items(text)
    elif not error.cut and (mended := mend_damaged_values(text, broken[0])) is not None:
        # a damaged number or literal costs its value, not the response
        if told := mended.told():
            yield DocumentError(told, mended.emptied[0][0], records=0)
        yield None, mended.document
    elif not error.cut and (left := salvage_damaged(text, broken[0])) is not None:
        # a damaged byte in one entry of a page costs that entry, not the page
        yield DocumentError(left.told(broken[1]), left.line, records=left.lost)
        yield None, left.document
    elif not error.cut and (part := salvage_without_part(text, broken[0])) is not None:
        # damage in a page's includes costs the profiles and media, not the page's posts
        told = part.told(broken[1])
        yield DocumentError(told, error.line, records=max(part.held, 1), part=part.key)
        yield None, part.document
    else:
        yield error


def _array_items(text: str) -> Iterator[tuple[int | None, Any] | DocumentError]:
    """The items of the JSON array ``text``, each with its line: its brackets blanked out (so
    that lines and columns stay), an item that does not parse costs itself only, and a comma
    after the last item is no fault."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if text[end - 1] == "]":  # else an array cut short: its last item is told so
        text = text[: end - 1]
    yield from _split_documents(text[:start] + " " + text[start + 1 :])


_SEVERAL = "unexpected content after document"  # orjson's words for a second value
_JSON_SUFFIXES = (".json", ".jsonl", ".ndjson", ".js")
# A second object in a file whose first does not parse: one opening a line after an object's
# end with no comma between (inside a document a comma would separate them), or glued to it.
_ANOTHER_RE = re.compile(rb"\}[ \t\r]*\n[ \t\r\n]*\{|\}\{")
_BETWEEN = " \t\r\n,"  # what may separate values: a comma too (an array without brackets)


def _next_value(text: str, start: int, after: int) -> int | None:
    """Where the value after a broken one starting at ``start`` begins (from ``after`` on):
    an object opening a line at the broken one's indentation (nested objects are indented
    more), or glued to the end of an object (``}{`` is never valid inside JSON); None when
    there is no such place: the rest of the file went with the broken value."""
    indent = text[text.rfind("\n", 0, start) + 1 : start]
    starts_line = re.compile(r"\n" + re.escape(indent) + r"\{") if not indent.strip() else None
    found = [
        match.start() + len(match.group()) - 1
        for pattern in (starts_line, _GLUED_RE)
        if pattern is not None and (match := pattern.search(text, after)) is not None
    ]
    return min(found) if found else None


_GLUED_RE = re.compile(r"\}\{")


_SEPARATORS_RE = re.compile(f"[{re.escape(_BETWEEN)}]*")


def _split_documents(text: str) -> Iterator[tuple[int | None, Any] | DocumentError]:
    # Lines are counted on from the last value and separators skipped in place: counting
    # from the start of the file, or copying its rest, after every value made a file of
    # 80,000 pretty-printed objects take minutes
    decoder = json.JSONDecoder()
    pos = end_of_run(_SEPARATORS_RE, text)
    line, counted = 1, 0  # the line of ``counted``
    while pos < len(text):
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            found = _next_value(text, pos, max(exc.pos, pos + 1) - 1)
            end = len(text) if found is None else found
            yield _value_error(text, pos, end, rest=found is None, line=line)
        else:
            yield line, value
        pos = end_of_run(_SEPARATORS_RE, text, end)


def _value_error(text: str, start: int, end: int, rest: bool, line: int) -> DocumentError:
    """A value of several in a file (``text[start:end]``, starting on ``line``) that does not
    parse: where, what, and what was lost with it (the entries of a page, else the one
    object; with ``rest``, every object to the end of the file, which could not be told
    apart)."""
    chunk = text[start:end].rstrip(_BETWEEN)
    objects = count_entries("[" + chunk) if rest else 1
    many = max(count_entries(chunk), 1) if objects <= 1 else objects
    lost = f"{many:,} entr{'y' if many == 1 else 'ies'}"
    try:
        orjson.loads(chunk)
        reason, cut = "not valid JSON", False  # not expected: it did not parse as JSON above
    except orjson.JSONDecodeError as exc:
        at = start + min(exc.pos, len(chunk))
        row, column = line + text.count("\n", start, at), at - text.rfind("\n", 0, at)
        reason = f"not valid JSON at line {row}, column {column}: {exc.msg}"
        cut = rest and objects <= 1 and ends_at(chunk.encode("utf-8"), exc.lineno, exc.colno)
    if cut:
        message = (
            f"the file looks cut short: its last object (from line {line}) stops in the middle"
            f" and was not read ({lost}); the ones before it were read. What to do: download or"
            " export the file again, then import the complete file"
        )
    elif rest:
        message = (
            f"{reason}; the rest of the file from the object starting at line {line} could not"
            f" be read (at least {lost}), the objects before it were. What to do: fix that object,"
            " or export the file again"
        )
    else:
        message = (
            f"{reason}; the object starting at line {line} was skipped ({lost}), the ones after"
            " it were read. What to do: fix or remove that object, or export the file again"
        )
    return DocumentError(message, line, records=many)


def document_bytes(path: Path) -> bytes:
    """The UTF-8 bytes of the document in ``path``, without a BOM (see :func:`load_document`)."""
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            f"too large to read as one JSON document ({_size_text(size)}, more than"
            f" {_size_text(MAX_DOCUMENT_BYTES)}): export it as JSON Lines (one response a line)"
            " or split it into smaller files, then import it again",
            1,
        )
    data = path.read_bytes()
    codec = bom_codec(data[:4])
    if codec is not None:
        text = data.decode(codec, errors=MARK_BAD_TEXT)
        if BAD_TEXT in text:
            line = text.count("\n", 0, text.index(BAD_TEXT)) + 1
            lost, records = whole_file_lost(text, cut=False)
            raise DocumentError(
                f"not valid {codec.upper()} at line {line}{lost}: save the file as UTF-8 and "
                "import it again",
                line,
                records=records,
            )
        data = text.encode("utf-8")
    # a download cut inside a character is told as cut short, its entries before the cut read
    return without_cut_character(data.removeprefix(b"\xef\xbb\xbf"))


def _size_text(size: int) -> str:
    if size >= 1024**3:
        return f"{size / 1024**3:.1f} GB"
    if size >= 1024**2:
        return f"{size / 1024**2:.0f} MB"
    return f"{size:,} bytes"


def why_nothing_in_it(path: Path, head: bytes) -> str | None:
    """Why a file of no known format holds nothing to import, when it is blank or an empty
    JSON value (``[]``, ``{"data": []}``: a search that found nothing), so that it is not told
    as a format staffpulse does not know."""
    if path.is_dir() or path.stat().st_size > HEAD_BYTES:
        return None
    text = head.strip(b"\xef\xbb\xbf \t\r\n")
    if not text:
        return "it holds only blank lines, no data: export the data again"
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    if value in ([], {}) or (
        isinstance(value, dict) and all(item in ([], {}, None) for item in value.values())
    ):
        return (
            f"it holds an empty JSON {'list' if isinstance(value, list) else 'object'}"
            f" ({text[:40].decode('utf-8', errors='replace')}): no posts or accounts, as an"
            " export or a search that found nothing gives; export the data again if it should"
            " hold some"
        )
    return None


EXPLAINERS.append(why_nothing_in_it)


def why_cut_short(path: Path, head: bytes) -> str | None:
    """Why a JSON document no source claims is none, when it stops in the middle: a download
    cut before what tells its format (a Mastodon status cut above its ``account``) was told
    as a format staffpulse does not know; or when its first value does not parse (a comma
    left out by hand): it was told so too, with no line to look at."""
    if path.is_dir() or first_json_char(sniffable(head)) not in ("{", "["):
        return None
    try:
        data = document_bytes(path)
        orjson.loads(data)
    except DocumentError:  # too large, or not UTF-16/32 as its BOM says: not this
        return None
    except orjson.JSONDecodeError as exc:
        error = document_error(data, exc)
        if error.cut:
            return (
                f"it looks cut short: its JSON stops in the middle (line {error.line}), before"
                f" what tells its format; {FILE_AGAIN}, then import the complete file"
            )
        if (
            not exc.msg.startswith(_SEVERAL)
            and error.column is not None
            and b"\0" not in data
            and _meant_as_json(path, error.line, error.column)
        ):
            # several values one after another (JSON Lines) each parse: not broken, unknown;
            # NULs are UTF-16 without its mark, told by its own explainer
            return (
                f"its JSON is broken at line {error.line}, column {error.column}"
                f" ({exc.msg}), before what tells its format: correct the file there (a text"
                " editor shows the line), or save or export it again, then import it"
            )
    return None


def _meant_as_json(path: Path, line: int, column: int) -> bool:
    """Whether a file that does not parse was meant as JSON: named so, or read as JSON past
    its first bracket (a CSV header ``[Date],[Impressions]`` or a TOML ``[tool]`` is none)."""
    return path.suffix.lower() in _JSON_SUFFIXES or line > 1 or column > 2


EXPLAINERS.append(why_cut_short)
