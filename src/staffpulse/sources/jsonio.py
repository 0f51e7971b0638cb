"""Fast JSON helpers shared by the platform adapters (orjson: several times faster than json on
big twarc2 pages).

Every JSON file is read as UTF-8, with or without a BOM, or as UTF-16/32 when it starts with
that BOM (Windows PowerShell's ``>`` writes UTF-16): :func:`json_lines_bytes` and
:func:`load_document` re-encode such text as UTF-8 for orjson.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import orjson

from staffpulse.sources.base import bom_codec, first_bad_line

# A whole-file document is parsed in memory, several times its size: past this, ask for JSON
# Lines (read a line at a time) rather than exhaust the machine of a busy marketer.
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024


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
    return f"{msg} column {exc.colno}" if msg.endswith(" at") else f"{msg} at column {exc.colno}"


def json_error_message(exc: Exception) -> str:
    """What is wrong with one line of a JSON Lines file, placed by its column on that line
    (the file's line is the problem's). The line must be parsed without its line break."""
    if isinstance(exc, json.JSONDecodeError):  # orjson's error is a subclass too
        if "not valid UTF-8" in exc.msg:  # orjson places it at column 1 wherever it is
            return "not valid UTF-8: save the file as UTF-8 and import it again"
        if exc.msg.startswith("not valid UTF-"):  # a UTF-16/32 line (_bad_text_error)
            return f"{exc.msg} at column {exc.colno}: save the file as UTF-8 and import it again"
        return f"not valid JSON: {json_error_reason(exc)}"
    text = str(exc).split("\n")[0]
    return f"not valid JSON ({text})"


def first_json_char(head: bytes) -> str:
    """The first non-blank character of a file head ("" when none)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return chr(text[0]) if text else ""


NATIVE_TYPES = ("account", "post", "follow")


def looks_native(head: bytes) -> bool:
    """True when the first line is a staffpulse JSONL record (``"type": "post"`` ...)."""
    line = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return isinstance(obj, dict) and obj.get("type") in NATIVE_TYPES


# A tool may print a few lines of its own (a log line, a banner) into a JSON Lines file.
LEADING_JUNK_LINES = 5
_BLANK = b"\xef\xbb\xbf \t\r\n"


def _opens_document(line: bytes) -> bool:
    """True for the first line of a pretty-printed JSON document: ``{`` or ``[`` alone."""
    return line.strip().lstrip(b"\xef\xbb\xbf") in (b"{", b"[")


def json_lines_head(head: bytes) -> bytes:
    """``head`` from its first line that starts a JSON object, passing over up to
    :data:`LEADING_JUNK_LINES` lines before it that are not JSON (a log line a tool printed
    into a JSON Lines file); ``head`` itself when it starts with JSON or has no such line.

    For sniffing: the reader reports the lines passed over, with their line numbers. The last
    line of the head may be cut short, so it is never taken for one that is not JSON.
    """
    body = head.lstrip(_BLANK)
    if body[:1] == b"{":
        return head
    lines = body.split(b"\n")
    junk = 0
    for index, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if text.startswith(b"{"):
            return b"\n".join(lines[index:])
        if index == len(lines) - 1 or junk == LEADING_JUNK_LINES or _opens_document(text):
            break
        try:
            orjson.loads(text)
        except orjson.JSONDecodeError:
            junk += 1
            continue
        break  # a JSON value that is not an object: not a file of objects
    return head


# Bytes not valid in a UTF-16/32 file are decoded to this noncharacter (never in real text), so
# that the line or document holding them is reported, not read with a character replaced.
_BAD = "\ufdd0"
_BAD_UTF8 = _BAD.encode("utf-8")


def _mark_bad(exc: UnicodeError) -> tuple[str, int]:
    if isinstance(exc, UnicodeDecodeError):
        return _BAD, exc.end
    raise exc


codecs.register_error("staffpulse-mark-bad", _mark_bad)


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
    with path.open(encoding=codec, errors="staffpulse-mark-bad", newline="\n") as text:
        for line in text:
            yield line.encode("utf-8")


def _bad_text_error(codec: str, text: bytes) -> json.JSONDecodeError | None:
    """The error for a line of a UTF-16/32 file holding bytes not valid in it, or None."""
    if _BAD_UTF8 not in text:
        return None
    doc = text.decode("utf-8")
    return json.JSONDecodeError(f"not valid {codec.upper()}", doc, doc.index(_BAD))


def is_json_lines(path: Path) -> bool:
    """True when ``path`` is JSON Lines rather than one (pretty-printed) JSON document: its
    first non-blank line is a JSON value on its own, or one of the
    :data:`LEADING_JUNK_LINES` non-blank lines after it is a JSON object (the lines before it
    are reported by the reader). A first line that is ``{`` or ``[`` alone opens a document."""
    seen = 0
    lines = json_lines_bytes(path)
    try:
        for line in lines:
            text = line.strip().lstrip(b"\xef\xbb\xbf")
            if not text:
                continue
            if seen == 0 and _opens_document(text):
                return False
            try:
                value = orjson.loads(text)
            except orjson.JSONDecodeError:
                value = None  # a line the reader reports
            if isinstance(value, dict) or (seen == 0 and value is not None):
                return True
            seen += 1
            if seen > LEADING_JUNK_LINES:
                break
    finally:
        lines.close()  # the file is closed now, not when the generator is collected
    return False


def iter_json_lines(path: Path) -> Iterator[tuple[int, Any | Exception]]:
    """(line number, parsed value or the parse error) for each non-blank line; constant memory.

    Each line is parsed without its line break (and the first without a UTF-8 BOM), so that an
    error's column is the column on the file's line."""
    codec = _file_codec(path)
    for number, line in enumerate(json_lines_bytes(path), start=1):
        text = line.rstrip(b"\r\n")
        if number == 1:
            text = text.removeprefix(b"\xef\xbb\xbf")
        if not text.strip():
            continue
        if codec is not None and (bad := _bad_text_error(codec, text)) is not None:
            yield number, bad
            continue
        try:
            yield number, orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            yield number, exc


class DocumentError(ValueError):
    """A whole-file JSON document that does not parse, with where parsing failed.

    ``line`` and ``column`` are 1-based, and the message names them too. A reader should
    report the problem at ``line``: a pretty-printed response cut short fails near its end,
    not on line 1. ``records`` is how many entries the file held (its posts, statuses,
    accounts: :func:`count_entries`), all lost, and at least 1.
    """

    def __init__(
        self, message: str, line: int, column: int | None = None, records: int = 1
    ) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.records = records


# The lists of entries in a response: Bluesky's feed, posts, follows, followers and profiles,
# Mastodon's context and search, the data of an X API v2 page.
ENTRY_LISTS = frozenset(
    {
        "feed",
        "posts",
        "follows",
        "followers",
        "profiles",
        "ancestors",
        "descendants",
        "statuses",
        "accounts",
        "data",
    }
)
# A string (to the end of the text when it is cut inside one), or a bracket.
_TOKEN_RE = re.compile(r'"(?:[^"\\]|\\.)*(?:"|\Z)|[\[\]{}]', re.DOTALL)


def count_entries(text: str) -> int:
    """How many entries (objects) a JSON response holds, counted even when it does not parse:
    the objects of a top-level list, or of a list under one of the top-level keys in
    :data:`ENTRY_LISTS`. 0 when it has no such list (a thread, a single status)."""
    stack: list[str] = []  # the open brackets; "" for a list that holds no entries
    key = ""  # the last string seen directly in the top-level object: a key, before a list
    count = 0
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        if token[0] == '"':
            if stack == ["{"]:
                key = token
            continue
        if token in "]}":
            if stack:
                stack.pop()
            continue
        if token == "{" and stack and stack[-1] == "[":
            count += 1
        if token == "[":
            entries = not stack or (stack == ["{"] and key.strip('"') in ENTRY_LISTS)
            stack.append("[" if entries and len(stack) < 2 else "")
        else:
            stack.append(token)
    return count


def whole_file_lost(text: str, cut: bool) -> tuple[str, int]:
    """What to add to the message of a response that was skipped whole, and how many records
    that was: the entries in it (at least those begun before a cut), or 1 when not known."""
    entries = count_entries(text)
    if not entries:
        return "; nothing in the file was read", 1
    many = f"{entries:,} entr{'y' if entries == 1 else 'ies'}"
    return f"; nothing in the file was read ({'at least ' if cut else ''}{many})", entries


def document_error(data: bytes, exc: Exception) -> DocumentError:
    """A :class:`DocumentError` naming the line and column where ``data`` failed to parse, and
    how many entries were lost with it."""
    bad_utf8 = first_bad_line((data,), "utf-8")
    if bad_utf8 is not None:
        # orjson reports invalid UTF-8 at "line 1 column 1" wherever it is: find it ourselves.
        lost, records = whole_file_lost(data.decode("utf-8", errors="replace"), cut=False)
        return DocumentError(
            f"not valid UTF-8 at line {bad_utf8}{lost}: save the file as UTF-8 and import it again",
            bad_utf8,
            records=records,
        )
    text = data.decode("utf-8")
    if isinstance(exc, json.JSONDecodeError):  # orjson's error is a subclass too
        at_end = _at_end(data, exc.lineno, exc.colno)
        lost, records = whole_file_lost(text, at_end)
        if at_end:
            return DocumentError(cut_short_message(text), exc.lineno, exc.colno, records)
        return DocumentError(
            f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}{lost}",
            exc.lineno,
            exc.colno,
            records,
        )
    lost, records = whole_file_lost(text, cut=False)
    return DocumentError(json_error_message(exc) + lost, 1, records=records)


def cut_short_message(text: str) -> str:
    """What happened to a document that stops in the middle, and what to do. Its line is not
    repeated: the problem is reported at that line ("feed.json:9: the file looks cut
    short...", "feed.json, line 9: ...")."""
    entries = count_entries(text)
    lost = f"at least {entries:,} entr{'y' if entries == 1 else 'ies'} lost" if entries else ""
    return (
        "the file looks cut short: it stops in the middle, so nothing in it was read"
        + (f" ({lost})" if lost else "")
        + ". What to do: download or export the file again, then import the complete file"
    )


def _at_end(data: bytes, line: int, column: int) -> bool:
    """True when (line, column) is the end of the text: parsing ran out of document."""
    body = data.rstrip()
    last_line = body.count(b"\n") + 1
    tail = body.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")
    return line > last_line or (line == last_line and column > len(tail))


def load_document(path: Path) -> Any:
    """One JSON document (a saved API response), in UTF-8 or, by its BOM, UTF-16/32. Raises
    :class:`DocumentError` (a ValueError) naming the line and column when it does not parse,
    and without reading it when it is larger than :data:`MAX_DOCUMENT_BYTES`: each reader
    reports that file as skipped, and the import goes on with the others."""
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
        text = data.decode(codec, errors="staffpulse-mark-bad")
        if _BAD in text:
            line = text.count("\n", 0, text.index(_BAD)) + 1
            lost, records = whole_file_lost(text, cut=False)
            raise DocumentError(
                f"not valid {codec.upper()} at line {line}{lost}: save the file as UTF-8 and "
                "import it again",
                line,
                records=records,
            )
        data = text.encode("utf-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise document_error(data, exc) from None


def _size_text(size: int) -> str:
    if size >= 1024**3:
        return f"{size / 1024**3:.1f} GB"
    if size >= 1024**2:
        return f"{size / 1024**2:.0f} MB"
    return f"{size:,} bytes"


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
