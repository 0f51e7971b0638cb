"""Fast JSON helpers shared by the platform adapters (orjson: several times faster than json on
big twarc2 pages)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from staffpulse.sources.base import first_bad_line

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


def is_json_lines(path: Path) -> bool:
    """True when ``path`` is JSON Lines rather than one (pretty-printed) JSON document: its
    first non-blank line is a JSON value on its own, or one of the
    :data:`LEADING_JUNK_LINES` non-blank lines after it is a JSON object (the lines before it
    are reported by the reader). A first line that is ``{`` or ``[`` alone opens a document."""
    with path.open("rb") as handle:
        seen = 0
        for line in handle:
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
    return False


def iter_json_lines(path: Path) -> Iterator[tuple[int, Any | Exception]]:
    """(line number, parsed value or the parse error) for each non-blank line; constant memory.

    Each line is parsed without its line break (and the first without a UTF-8 BOM), so that an
    error's column is the column on the file's line."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            text = line.rstrip(b"\r\n")
            if number == 1:
                text = text.removeprefix(b"\xef\xbb\xbf")
            if not text.strip():
                continue
            try:
                yield number, orjson.loads(text)
            except orjson.JSONDecodeError as exc:
                yield number, exc


class DocumentError(ValueError):
    """A whole-file JSON document that does not parse, with where parsing failed.

    ``line`` and ``column`` are 1-based, and the message names them too. A reader should
    report the problem at ``line``: a pretty-printed response cut short fails near its end,
    not on line 1.
    """

    def __init__(self, message: str, line: int, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def document_error(data: bytes, exc: Exception) -> DocumentError:
    """A :class:`DocumentError` naming the line and column where ``data`` failed to parse."""
    bad_utf8 = first_bad_line((data,), "utf-8")
    if bad_utf8 is not None:
        # orjson reports invalid UTF-8 at "line 1 column 1" wherever it is: find it ourselves.
        return DocumentError(
            f"not valid UTF-8 at line {bad_utf8}: save the file as UTF-8 and import it again",
            bad_utf8,
        )
    if isinstance(exc, json.JSONDecodeError):  # orjson's error is a subclass too
        cut = " (the file looks cut short)" if _at_end(data, exc.lineno, exc.colno) else ""
        return DocumentError(
            f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}{cut}",
            exc.lineno,
            exc.colno,
        )
    return DocumentError(json_error_message(exc), 1)


def _at_end(data: bytes, line: int, column: int) -> bool:
    """True when (line, column) is the end of the text: parsing ran out of document."""
    body = data.rstrip()
    last_line = body.count(b"\n") + 1
    tail = body.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")
    return line > last_line or (line == last_line and column > len(tail))


def load_document(path: Path) -> Any:
    """One JSON document (a saved API response). Raises :class:`DocumentError` (a ValueError)
    naming the line and column when it does not parse."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise document_error(data, exc) from None


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
