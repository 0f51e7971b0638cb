"""Handles sent in as JSON: an array of account objects (``staffpulse accounts --json``, a
tool's export of follows) or of handles, an API answer holding such a list (Bluesky's
``getFollows``: ``{"follows": [...]}``), or JSON lines, each object's handle read from
``handle``, ``acct``, ``username``, ``screen_name`` or ``url`` (:func:`_record_handle` says in
which order), its platform from ``platform``. Each
record keeps the line it starts on, so that a bad one is named by file and line as a text
line is (:mod:`staffpulse.connect.handle_files` reads the rest)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from staffpulse.models import unknown_handle_platform
from staffpulse.sources.jsonio import json_error_reason

Cells = list[tuple[str, str | None]]
"""The handles of one record or line, each with the platform it is on when the file says."""
Row = tuple[int, str, Cells | str]
"""A record's line, its text for messages ("" for none), and its handles or why it has none."""

HANDLE_FIELDS = ("handle", "acct", "username", "screen_name", "url")  # what names a handle
_DECODER = json.JSONDecoder()


def is_json(text: str) -> bool:
    """Whether the file is JSON: no handle, address or URL starts with a brace. A bracket is
    JSON when the array parses, or its first item does (a download cut short is still JSON,
    and says where it stops); a line of text such as ``[bold]a`` or ``[2024] @ann`` is not, and
    was read as a broken array that took the whole file with it."""
    start = text.lstrip()[:1]
    if start != "[":
        return start == "{"
    # an array of account objects or of handles opens its first item with a brace or a quote
    # (or is empty): so is one cut short inside that item, which must say it stops there
    first = _skip_blank(text, text.index("[") + 1)
    if text[first : first + 1] in ("{", '"', "]", ""):
        return True
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def json_rows(
    text: str, platform: str | None, read_platform: Callable[[str], str | None]
) -> Iterator[Row]:
    """Each record of a JSON array or of JSON lines, with its line. ``read_platform`` reads a
    ``platform`` value as people write it (None when it is no platform)."""
    if text.lstrip().startswith("["):
        records = _array_records(text, text.index("["), whole=True)
    else:
        records = _object_records(text)
    for line, item, unreadable in records:
        if unreadable is not None:
            yield line, "", unreadable
        else:
            yield line, "", _record_cells(item, platform, read_platform)


# (line, item, why it could not be read: None when it was)
_Record = tuple[int, Any, str | None]


def _object_records(text: str) -> Iterator[_Record]:
    """JSON lines; or one object holding a list of accounts, as an API answer does
    (``{"follows": [...], "subject": ...}``), read as that list."""
    try:
        whole = json.loads(text)
    except ValueError:
        yield from _line_records(text)  # JSON lines: each record on its own line
        return
    if isinstance(whole, dict) and _record_handle(whole) is None:
        for key, value in whole.items():
            if key not in HANDLE_FIELDS and _holds_accounts(value):
                # the list's own position, for each record's line
                named = text.find(json.dumps(key, ensure_ascii=False))
                start = text.find("[", max(named, 0))
                if start >= 0:
                    yield from _array_records(text, start)
                    return
    yield 1, whole, None


def _holds_accounts(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(v, dict) for v in value)


def _array_records(text: str, start: int, *, whole: bool = False) -> Iterator[_Record]:
    """The items of the JSON array at ``start``, each with the line it starts on; where the
    array stops parsing, why (the rest cannot be read). When the array is the ``whole`` file,
    text after its end is said too, not lost without a word."""
    position = start + 1
    while True:
        position = _skip_blank(text, position)
        if position < len(text) and text[position] == "]":
            after = _skip_blank(text, position + 1)
            if whole and after < len(text):
                line = text.count("\n", 0, after) + 1
                yield line, None, "text after the end of the JSON array (']') was not read"
            return
        line = text.count("\n", 0, position) + 1
        try:
            item, position = _DECODER.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            yield line, None, _unreadable(exc, "this record and the ones after it were")
            return
        except (ValueError, RecursionError):
            yield line, None, _too_deep_or_long("this record and the ones after it were")
            return
        yield line, item, None
        position = _skip_blank(text, position)
        if position < len(text) and text[position] == ",":
            position += 1


def _line_records(text: str) -> Iterator[_Record]:
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            yield number, json.loads(raw), None
        except json.JSONDecodeError as exc:
            # its line alone was read (the error's line is the file's), and only the last line
            # can be where the file was cut
            last = number == text.count("\n", 0, len(text.rstrip())) + 1
            yield number, None, _unreadable(exc, "this line was", alone=True, cut_here=last)
        except (ValueError, RecursionError):
            yield number, None, _too_deep_or_long("this line was")


_CORRECT = "correct the file there (a text editor shows the line), then add the file again"
_AGAIN = (
    "save or download the file again whole, then add it again (handles already on the list"
    " are not added twice)"
)


def _unreadable(
    exc: json.JSONDecodeError, lost: str, *, alone: bool = False, cut_here: bool = True
) -> str:
    """Why a record does not read, in words: a file that stops inside it (a download or a copy
    cut short) says where and that what came before was read; any other error says its line
    (not when the record's line was read ``alone``: the problem's line is the error's) and
    column, and what to correct. ``lost`` says what was not read ("this line was")."""
    text = exc.doc.rstrip()
    # json says "unterminated string" only where the text ends inside one (a line break
    # inside a string is an invalid control character): both mean the text ran out
    if cut_here and (exc.msg.startswith("Unterminated string") or exc.pos >= len(text)):
        column = len(text) - (text.rfind("\n") + 1)
        end = f"column {column}" if alone else f"column {column} of line {text.count(chr(10)) + 1}"
        return (
            f"the file ends in the middle of a record (after {end}): it looks cut short; the"
            f" handles before that point were read. What to do: {_AGAIN}"
        )
    where = "" if alone else f" at line {exc.lineno}"
    return (
        f"not valid JSON{where}: {json_error_reason(exc)}; {lost} not read. What to do: {_CORRECT}"
    )


def _too_deep_or_long(lost: str) -> str:
    """What Python's JSON reader refuses beyond the syntax: a number of over 4,300 digits, or
    lists nested too deep (a traceback otherwise)."""
    return (
        f"not valid JSON here (a number too long or lists nested too deep); {lost} not read."
        f" What to do: {_CORRECT}"
    )


def _skip_blank(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _record_cells(
    item: Any, platform: str | None, read_platform: Callable[[str], str | None]
) -> Cells | str:
    if isinstance(item, str) and item.strip():  # ["@rita", "ann.bsky.social"]
        return [(item, platform)]
    if not isinstance(item, dict):
        return 'expected a handle or a JSON object with one, e.g. {"handle": "@name"}'
    said = item.get("platform")
    line_platform = platform
    if isinstance(said, str) and said.strip():
        line_platform = read_platform(said)
        if line_platform is None:
            return unknown_handle_platform(said)
    handle = _record_handle(item)
    if handle is not None:
        return [(handle, line_platform)]
    # a page of accounts on one line, as twarc2 writes X's users lookup ({"data": [...]})
    for key, value in item.items():
        if key in HANDLE_FIELDS or not _holds_accounts(value):
            continue
        inner = [_record_handle(v) for v in value if isinstance(v, dict)]
        if handles := [h for h in inner if h is not None]:
            return [(h, line_platform) for h in handles]
    found = ", ".join(list(item)[:8]) or "nothing"
    return f"no handle in this record (found: {found}): give each one a 'handle'"


def _record_handle(item: dict[str, Any]) -> str | None:
    """The record's handle. A Mastodon account (it has ``acct``) is read by its full address
    or profile URL: its ``username`` lacks the instance and would pass for an X handle. An
    X user's ``url`` is their website, so ``url`` comes last."""

    def text(field: str) -> str | None:
        value = item.get(field)
        return value.strip() if isinstance(value, str) and value.strip() else None

    if (handle := text("handle")) is not None:
        return handle
    if "acct" in item:
        acct, url = text("acct"), text("url")
        if acct is not None and "@" in acct:
            return "@" + acct.lstrip("@")  # the leading @ marks a Mastodon address
        return url or acct
    return text("username") or text("screen_name") or text("url")
