"""Fast JSON helpers shared by the platform adapters (orjson: several times faster than json on
big twarc2 pages): JSON Lines read a line at a time, what is wrong with a line, and typed
lookups (:func:`get_str`); sniffing a file's head is :mod:`staffpulse.sources.json_heads`'s,
re-exported here. Whole-file documents (a saved API response) are read by
:mod:`staffpulse.sources.json_documents`.

Every JSON file is read as UTF-8, with or without a BOM, or as UTF-16/32 when it starts with
that BOM (Windows PowerShell's ``>`` writes UTF-16): :func:`json_lines_bytes` and
:func:`~staffpulse.sources.json_documents.load_document` re-encode such text as UTF-8 for orjson.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.json_entries import salvage_cut, salvage_damaged, salvage_without_part
from staffpulse.sources.json_heads import LEADING_JUNK_LINES as LEADING_JUNK_LINES
from staffpulse.sources.json_heads import NATIVE_TYPES as NATIVE_TYPES
from staffpulse.sources.json_heads import first_json_char as first_json_char
from staffpulse.sources.json_heads import first_line as first_line
from staffpulse.sources.json_heads import first_value as first_value
from staffpulse.sources.json_heads import json_lines_head as json_lines_head
from staffpulse.sources.json_heads import looks_native as looks_native
from staffpulse.sources.json_heads import opens_document
from staffpulse.sources.json_heads import several_a_line as several_a_line
from staffpulse.sources.json_line_breaks import NumberedLines, RejoinedNotes, rejoin_line
from staffpulse.sources.json_mend import mend_damaged_values
from staffpulse.sources.text_files import (
    bom_codec,
    repaired_utf8,
    without_cut_character,
)


def json_error_reason(exc: json.JSONDecodeError) -> str:
    """The whole reason a line is not JSON, with its column, e.g.
    ``invalid control character U+0009 at column 34``.

    ``exc.msg`` alone is cut short ("Invalid control character at"), and ``str(exc)`` speaks
    of the line of a one-line document ("line 1", or "line 2" when the line break was
    parsed too), which misleads when the file line is 11. Takes json's and orjson's errors.
    """
    msg = exc.msg[:1].lower() + exc.msg[1:]
    if "control character" in msg:
        char = exc.doc[exc.pos] if 0 <= exc.pos < len(exc.doc) else ""
        code = f" U+{ord(char):04X}" if char else ""
        return (
            f"invalid control character{code} at column {exc.colno} "
            "(inside a string write it escaped, e.g. \\t or \\n)"
        )
    where = f"{msg} column {exc.colno}" if msg.endswith(" at") else f"{msg} at column {exc.colno}"
    if (
        msg.startswith(("extra data", "unexpected content after"))
        and exc.doc[exc.pos :].strip() == ","
    ):
        # the lines of a JSON array, pasted without its brackets
        return (
            f"{where}: a comma after the object (JSON Lines hold one object a line, with no comma)"
        )
    return where


def _quoting_slip(exc: json.JSONDecodeError) -> str:
    """What a hand-edited line got wrong where JSON is stricter than what people write: a
    key in single quotes (a Python dict printed), a comma after the last value; "" for none."""
    char = exc.doc[exc.pos : exc.pos + 1]
    before = exc.doc[: exc.pos].rstrip()[-1:]
    if char == "'" and exc.msg.lower().startswith(("expecting property name", "expecting value")):
        return ": written with single quotes ('text'), where JSON needs double quotes (\"text\")"
    if before == "," and char in ("}", "]"):
        return f": a comma before the closing {char} (JSON allows none after the last value)"
    return ""


def end_of_run(run: re.Pattern[str], text: str, pos: int = 0) -> int:
    """Where the run of ``run`` (a ``[...]*`` pattern, e.g. the spaces and commas between
    values) that starts at ``pos`` ends: ``pos`` itself when there is none."""
    found = run.match(text, pos)
    return pos if found is None else found.end()


def json_error_message(exc: Exception) -> str:
    """What is wrong with one line of a JSON Lines file, placed by its column on that line
    (the file's line is the problem's). The line must be parsed without its line break."""
    if isinstance(exc, json.JSONDecodeError):  # orjson's error is a subclass too
        if "not valid UTF-8" in exc.msg:  # orjson places it at column 1 wherever it is
            return "not valid UTF-8: save the file as UTF-8 and import it again"
        if exc.msg.startswith("not valid UTF-"):  # a UTF-16/32 line (_bad_text_error)
            return f"{exc.msg} at column {exc.colno}: save the file as UTF-8 and import it again"
        return f"not valid JSON: {json_error_reason(exc)}{_quoting_slip(exc)}"
    text = str(exc).split("\n")[0]
    return f"not valid JSON ({text})"


def with_line_advice(message: str) -> str:
    """``message`` (:func:`json_error_message`, and what was lost) with what to do about a
    line of a JSON Lines file that is not JSON, for the importers: a line that stops in the
    middle is said so (a download cut short, a record broken over two lines)."""
    if "import it again" in message:  # a text encoding: its advice is given already
        return message
    cut = (
        " (the line stops in the middle: was the file cut short?)"
        if any(words in message for words in _ENDS_EARLY)
        else ""
    )
    return (
        f"{message}{cut}. What to do: correct or delete this line, or export the file again;"
        " the other lines were read"
    )


# orjson's and json's words for a line that stops too soon (a string cannot hold a line break,
# so one left open ran to the end of the line)
_ENDS_EARLY = ("unexpected end of data", "unterminated string")


# Bytes not valid in a UTF-16/32 file are decoded to this noncharacter (never in real text), so
# that the line or document holding them is reported, not read with a character replaced.
BAD_TEXT = "\ufdd0"
MARK_BAD_TEXT = "staffpulse-mark-bad"  # the errors= of such a decode
_BAD_TEXT_UTF8 = BAD_TEXT.encode("utf-8")


def _mark_bad(exc: UnicodeError) -> tuple[str, int]:
    if isinstance(exc, UnicodeDecodeError):
        return BAD_TEXT, exc.end
    raise exc


codecs.register_error(MARK_BAD_TEXT, _mark_bad)


def _file_codec(path: Path) -> str | None:
    with path.open("rb") as handle:
        return bom_codec(handle.read(4))


def json_lines_bytes(path: Path) -> Generator[bytes, None, None]:
    """Each line of ``path`` (with its line break) as UTF-8 bytes; constant memory.

    A UTF-16/32 file (by its BOM) is decoded and re-encoded, split at line feeds only (as a
    UTF-8 file is), its BOM left out; :func:`iter_json_lines` reports its invalid bytes."""
    codec = _file_codec(path)
    if codec is None:
        with path.open("rb") as handle:
            yield from handle
        return
    with path.open(encoding=codec, errors=MARK_BAD_TEXT, newline="\n") as text:
        for line in text:
            yield line.encode("utf-8")


def _bad_text_error(codec: str, text: bytes) -> json.JSONDecodeError | None:
    """The error for a line of a UTF-16/32 file holding bytes not valid in it, or None."""
    if _BAD_TEXT_UTF8 not in text:
        return None
    doc = text.decode("utf-8")
    return json.JSONDecodeError(f"not valid {codec.upper()}", doc, doc.index(BAD_TEXT))


def is_json_lines(path: Path) -> bool:
    """True when ``path`` is JSON Lines rather than one (pretty-printed) JSON document: its
    first non-blank line is a JSON value on its own, or one of the
    :data:`LEADING_JUNK_LINES` non-blank lines after it is a JSON object (the lines before it
    are reported by the reader). A first line that is ``{`` or ``[`` alone opens a document,
    as does any first line of a file that is one JSON document as a whole (``{"data": [{...},``
    with an entry a line below it: read line by line, all but its last entry were skipped)."""
    seen, first = 0, b""
    lines = json_lines_bytes(path)
    numbered = NumberedLines(enumerate(lines))
    try:
        while (found := numbered.take()) is not None:
            text = found[1].strip().lstrip(b"\xef\xbb\xbf")
            if not text:
                continue
            if seen == 0 and opens_document(text):
                return False
            try:
                value = orjson.loads(text)
            except orjson.JSONDecodeError:
                # a record split by a line break pasted into its text is read whole; any
                # other line is one the reader reports
                whole = rejoin_line(text.decode("utf-8", errors="replace"), numbered)
                value = None if whole is None else whole[0]
            if seen == 0:
                first = text
            elif isinstance(value, dict) and _one_document(path, first):
                return False
            if isinstance(value, dict) or (seen == 0 and value is not None):
                return True
            seen += 1
            if seen > LEADING_JUNK_LINES:
                break
    finally:
        lines.close()  # the file is closed now, not when the generator is collected
    return False


# A file this big is read as JSON Lines, never held whole to ask if it is one document
_WHOLE_DOCUMENT_BYTES = 64 * 1024 * 1024


def _one_document(path: Path, first: bytes) -> bool:
    """Whether ``path``, whose first line ``first`` is no JSON on its own, is one JSON value
    as a whole: a document opens with a bracket, and a JSON Lines file's broken line stops
    the parse there."""
    if first[:1] not in (b"{", b"[") or path.stat().st_size > _WHOLE_DOCUMENT_BYTES:
        return False
    try:
        orjson.loads(b"".join(json_lines_bytes(path)).lstrip(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError:
        return False
    return True


def iter_json_lines(path: Path) -> Iterator[tuple[int, Any | Exception]]:
    """(line number, parsed value or the parse error) for each non-blank line; constant memory.

    Each line is parsed without its line break (and the first without a UTF-8 BOM), so that an
    error's column is the column on the file's line."""
    codec = _file_codec(path)
    lines = NumberedLines(enumerate(json_lines_bytes(path), start=1))
    notes = RejoinedNotes()  # records split over lines by a line break in their text
    while (found := lines.take()) is not None:
        number, line = found
        text = line.rstrip(b"\r\n")
        last = text is line
        if last:  # the last line, with no line break: it may stop inside a character
            text = without_cut_character(text)
        if number == 1:
            text = text.removeprefix(b"\xef\xbb\xbf")
        if not text.strip():
            continue
        if codec is not None and (bad := _bad_text_error(codec, text)) is not None:
            yield number, bad
            continue
        try:
            yield number, orjson.loads(text)
            continue
        except orjson.JSONDecodeError as exc:
            error = exc
        whole = None if last else rejoin_line(text.decode("utf-8", errors="replace"), lines)
        if whole is not None:
            said = notes.told(number, whole[1])
            if said is not None:
                yield number, RepairedLine(said, joined=True)
            yield number, whole[0]
            continue
        yield from _repaired_line(number, text, error, cut=last and error.pos >= len(text) - 1)
    if (rest := notes.rest()) is not None:
        yield 1, RepairedLine(rest, joined=True)


@dataclass(frozen=True, slots=True)
class RepairedLine:
    """Yielded by :func:`iter_json_lines` just before the value of a line that was UTF-8 but
    for a damaged byte or two (a disk or copy error): the readers tell it, counting nothing
    skipped, as the whole-file readers do (:func:`~staffpulse.sources.text_files.repaired_utf8`).
    A line whose JSON the damage broke is read without the entry it broke (a twarc2 page
    less one tweet): ``records`` counts those left out, as the readers report them.
    """

    message: str = (
        "a few bytes are not valid UTF-8 and were read as \N{REPLACEMENT CHARACTER}; the rest"
        " of the line was read: check the text there, or export the file again"
    )
    records: int = 0
    part: str | None = None  # the page's own part left out for damage ("includes"), if any
    cut: bool = False  # the line stops in the middle (a download cut short), not damaged
    # a record split over lines by line breaks in its text, read whole: a note, nothing lost
    joined: bool = False

    def told(self, path: str, line: int) -> Problem | Notice:
        """What the reader tells of it: a note for a record read whole over several lines, else
        a problem on ``line`` counting the entries it lost (none when only bytes were mended)."""
        if self.joined:
            return Notice(path, self.message)
        return Problem(path, line, self.message, records=self.records)


def _repaired_line(
    number: int, text: bytes, exc: orjson.JSONDecodeError, cut: bool = False
) -> Iterator[tuple[int, Any | Exception]]:
    """A line orjson refused: read with its damaged bytes replaced when it is UTF-8 but for
    them (one flipped byte would cost a one-line twarc2 page all its posts), and without the
    entry of a page the damage broke (:func:`salvage_damaged`); else the error. A line of
    Windows-1252 text holds no UTF-8 characters, so it is still refused as not UTF-8.
    """
    if "not valid UTF-8" in exc.msg:
        repaired = repaired_utf8(text)
        if repaired is None:
            yield number, exc
            return
        text = repaired[0]
        try:
            value = orjson.loads(text)
        except orjson.JSONDecodeError as still:  # damaged where JSON's own characters were
            exc = still
        else:
            yield number, RepairedLine()
            yield number, value
            return
    decoded = text.decode("utf-8", errors="replace")
    if cut and (whole := salvage_cut(decoded)) is not None:
        # the last line stops in the middle (a download cut short): a page's entries whole
        # before the cut are read, as a whole file's are (json_documents)
        yield number, RepairedLine(whole.told, whole.lost, whole.part_lost, cut=True)
        yield number, whole.document
        return
    if (mended := mend_damaged_values(decoded, exc.pos)) is not None:
        told = mended.told(in_line=True)
        yield number, RepairedLine(told) if told else RepairedLine()
        yield number, mended.document
        return
    broken = f"column {exc.colno}: {exc.msg}"
    if (left := salvage_damaged(decoded, exc.pos)) is not None:
        yield number, RepairedLine(left.told(broken).replace("starting here ", ""), left.lost)
        yield number, left.document
    elif (part := salvage_without_part(decoded, exc.pos)) is not None:
        yield number, RepairedLine(part.told(broken), max(part.held, 1), part.key)
        yield number, part.document
    else:
        yield number, exc


def get_str(obj: Any, *keys: str) -> str | None:
    """``obj[k1][k2]...`` as a non-empty string, or None."""
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    if obj is None or obj == "":
        return None
    return str(obj)


def get_int(obj: Any, *keys: str) -> int | None:
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    if obj is None or obj == "" or isinstance(obj, bool):
        return None
    try:
        return int(obj)
    except (TypeError, ValueError):
        return None


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
