"""What the head of a JSON file shows, for the sources that sniff it: its first character,
its first value or line, whether it is a staffpulse JSONL record, and where its JSON Lines start
past a log line or a broken first line (:func:`json_lines_head`).
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from staffpulse.sources.text_files import head_text


def first_json_char(head: bytes) -> str:
    """The first non-blank character of a file head ("" when none)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return chr(text[0]) if text else ""


NATIVE_TYPES = ("account", "post", "follow")


def looks_native(head: bytes) -> bool:
    """True when the first record is a staffpulse JSONL record (``"type": "post"`` ...): on
    the first line, or the first object of a JSON array or of pretty-printed objects."""
    return _is_native(first_record(head))


def first_record(head: bytes) -> Any:
    """The first record of a file head: the value on its first line, or the first object of
    a JSON array or of pretty-printed objects; None when the head holds none whole."""
    obj = _parsed(head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0])
    if obj is _NOT_JSON:
        obj = first_value(head)
    if isinstance(obj, list):  # a JSON array on one line
        obj = obj[0] if obj else None
    return obj


def first_value(head: bytes) -> Any:
    """The first JSON value of a file head, or the first item of the array it opens; None
    when the head does not hold one whole (the head may end in the middle of a value)."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("["):
        text = text[1:].lstrip()
    try:
        return json.JSONDecoder().raw_decode(text)[0]
    except json.JSONDecodeError:
        return None


def first_line(head: bytes) -> str:
    """The first non-blank line of a file head, stripped ("" when none)."""
    for line in head_text(head).splitlines():
        if line.strip():
            return line.strip()
    return ""


def several_a_line(first: str) -> bool:
    """Whether a file whose first non-blank line is ``first`` holds its objects other than
    one a line: a JSON array, pretty-printed objects (``{`` alone), or objects written with no
    line break between them."""
    if first.startswith("[") or first == "{":
        return True
    try:
        end = json.JSONDecoder().raw_decode(first)[1]
    except json.JSONDecodeError:
        return False
    return bool(first[end:].strip())


def spans_lines(head: bytes) -> bool:
    """Whether the first object of a file head is written over several lines with keys on its
    first line (``{"type": "post", "id": "1",`` and the rest below): read one by one, as
    :func:`several_a_line`'s are, not a line each. A line break pasted into a text is no JSON,
    so a JSON Lines file whose first record it broke is no such file."""
    first = first_line(head)
    return first.startswith("{") and not _is_json(first.encode()) and first_value(head) is not None


# A tool may print a few lines of its own (a log line, a banner) into a JSON Lines file.
LEADING_JUNK_LINES = 5
_BLANK = b"\xef\xbb\xbf \t\r\n"
# Lines one JSON Lines record is read over at most, split by line breaks pasted into its text
# (staffpulse.sources.json_line_breaks): more is no text pasted into it
RECORD_LINES = 50
# How an HTML page or an XML file opens: no log line a tool prints
_MARKUP_RE = re.compile(rb"<(!doctype|html|\?xml)\b", re.IGNORECASE)


def opens_document(line: bytes) -> bool:
    """True for the first line of a pretty-printed JSON document: ``{`` or ``[`` alone, or a
    line that opens a list it leaves open (``{"feed": [``, with one entry a line below it:
    those lines, each a JSON object but for its comma, are no JSON Lines)."""
    text = line.strip().lstrip(b"\xef\xbb\xbf")
    return text in (b"{", b"[") or (text[:1] in (b"{", b"[") and text.endswith(b"["))


def json_lines_head(head: bytes) -> bytes:
    """``head`` from its first line that starts a JSON object, passing over up to
    :data:`LEADING_JUNK_LINES` lines before it that are not JSON (a log line a tool printed
    into a JSON Lines file); ``head`` itself when it starts with JSON or has no such line.

    For sniffing: the reader reports the lines passed over, with their line numbers. The last
    line of the head may be cut short, so it is never taken for one that is not JSON.
    """
    body = head.lstrip(_BLANK)
    if body[:1] == b"{":
        return _past_broken_first_line(head, body)
    if _MARKUP_RE.match(body):  # a web page with a JSON line in it is told it is one
        return head
    lines = body.split(b"\n")
    junk = 0
    for index, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if text.startswith(b"{"):
            return b"\n".join(lines[index:])
        if index == len(lines) - 1 or junk == LEADING_JUNK_LINES or opens_document(text):
            break
        try:
            orjson.loads(text)
        except orjson.JSONDecodeError:
            junk += 1
            continue
        break  # a JSON value that is not an object: not a file of objects
    return head


def _past_broken_first_line(head: bytes, body: bytes) -> bytes:
    """``head`` from the first whole JSON object line when its first record is broken by a
    line break pasted into a text (its lines read as one object once the break is a ``\\n``)
    and one of the next :data:`LEADING_JUNK_LINES` lines is whole: the file is told by its good
    lines, and the reader skips and tells the broken ones, as it does further down. With no
    whole line near, the head from the first record rejoined when it is a staffpulse record
    (every record may hold a line break: its reader reads each whole). ``head`` itself else:
    a pretty-printed JSON document, or text that is no JSON Lines, is told whole.
    """
    lines = body.split(b"\n")
    first = lines[0].strip()
    if len(lines) < 3 or opens_document(first) or _is_json(first):
        return head
    # the last line of the head may be cut short: never the one that tells
    for index in range(1, min(len(lines) - 1, LEADING_JUNK_LINES + 1)):
        text = lines[index].strip()
        if isinstance(_parsed(text), dict):
            broken = b"\\n".join(line.rstrip(b"\r") for line in lines[:index])
            return b"\n".join(lines[index:]) if isinstance(_parsed(broken), dict) else head
    # no whole line near: every staffpulse record may hold a line break (its reader reads each
    # whole), so the first is told rejoined; never with the head's last line, which may be cut
    for end in range(2, min(len(lines), RECORD_LINES + 1)):
        whole = b"\\n".join(line.rstrip(b"\r") for line in lines[:end])
        if _is_native(_parsed(whole)):
            return b"\n".join([whole, *lines[end:]])
    return head


_NOT_JSON = object()  # what :func:`_parsed` gives for bytes that are no JSON (``null`` is)


def _parsed(text: bytes) -> Any:
    """The JSON value ``text`` holds, or :data:`_NOT_JSON`."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return _NOT_JSON


def _is_json(text: bytes) -> bool:
    return _parsed(text) is not _NOT_JSON


def _is_native(value: Any) -> bool:
    """Whether a parsed value is a staffpulse JSONL record (``"type": "post"`` ...)."""
    return isinstance(value, dict) and value.get("type") in NATIVE_TYPES
