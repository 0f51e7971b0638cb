"""Fast JSON helpers shared by the platform adapters (orjson when installed, else json)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

try:  # orjson is several times faster on big twarc2 pages; optional.
    import orjson

    def loads(data: bytes | str) -> Any:
        return orjson.loads(data)

    JSONError: tuple[type[Exception], ...] = (orjson.JSONDecodeError, ValueError)
except ImportError:  # pragma: no cover - exercised only without orjson

    def loads(data: bytes | str) -> Any:
        return json.loads(data)

    JSONError = (json.JSONDecodeError, ValueError)

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
        obj = loads(line)
    except JSONError:
        return False
    return isinstance(obj, dict) and obj.get("type") in NATIVE_TYPES


def first_line_is_json(path: Path) -> bool:
    """True when the file's first non-blank line is a JSON value on its own (JSON Lines)."""
    with path.open("rb") as handle:
        for line in handle:
            if line.strip():
                try:
                    loads(line)
                except JSONError:
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
                yield number, loads(line)
            except JSONError as exc:
                yield number, exc


def load_document(path: Path) -> Any:
    """One JSON document (a saved API response). Raises ValueError when unreadable."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return loads(data)
    except JSONError as exc:
        raise ValueError(json_error_message(exc)) from None


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
