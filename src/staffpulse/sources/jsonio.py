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


def json_error_message(exc: Exception) -> str:
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


def first_line_is_json(path: Path) -> bool:
    """True when the file's first non-blank line is a JSON value on its own (JSON Lines)."""
    with path.open("rb") as handle:
        for line in handle:
            if line.strip():
                try:
                    orjson.loads(line)
                except orjson.JSONDecodeError:
                    return False
                return True
    return False


def iter_json_lines(path: Path) -> Iterator[tuple[int, Any | Exception]]:
    """(line number, parsed value or the parse error) for each non-blank line; constant memory."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield number, orjson.loads(line)
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
