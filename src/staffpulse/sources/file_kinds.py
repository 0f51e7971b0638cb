"""What a text file of no known format looks like: a web page, XML, JSON of no posts.

A folder holding a saved web page, or the JSON some other tool wrote, was refused as one that
"holds no file staffpulse can read", and such a file given alone as "not a format staffpulse
can import", neither saying what the file is: the user could not tell a wrong file from a
damaged export. :func:`why_looks_like` (the last of
:data:`staffpulse.sources.folders.EXPLAINERS`, so any source that can say more says it first)
names what the file's first bytes show.
"""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.sources.folders import EXPLAINERS, WHAT_IT_IS
from staffpulse.sources.jsonio import first_value, json_lines_head
from staffpulse.sources.text_files import document_kind, is_binary, what_it_holds

SHOWN_KEYS = 6  # of a JSON record's keys named in the message
NOT_OURS = "not a file of posts or accounts"
# Keys whose value is the words of a post, in the formats staffpulse reads and those it
# does not: a record with none of them holds nothing to import as a post
_TEXT_KEYS = frozenset({"text", "full_text", "content", "body", "message", "tweet", "post"})
_HTML_MARKS = (b"<!doctype html", b"<html", b"<head", b"<body")


def why_looks_like(path: Path, head: bytes) -> str | None:
    """What ``head`` shows ``path`` to be ("this is an HTML page, ..."), or None when it
    shows nothing telling (plain text, binary data)."""
    if path.is_dir():
        return None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(_HTML_MARKS):
        return (
            f"{WHAT_IT_IS}an HTML page (a saved web page, or an export's viewer page), {NOT_OURS}"
        )
    if start.startswith(b"<?xml"):
        return f"{WHAT_IT_IS}an XML file, {NOT_OURS}"
    if start[:1] in (b"{", b"["):
        return _why_json(head)
    return None


def _why_json(head: bytes) -> str | None:
    """JSON no source reads: records with no text, or an object that holds no records."""
    value = first_value(json_lines_head(head))
    if not isinstance(value, dict):
        return None
    keys = [str(key) for key in value]
    shown = ", ".join(keys[:SHOWN_KEYS]) + (
        f" and {len(keys) - SHOWN_KEYS:,} more" if len(keys) > SHOWN_KEYS else ""
    )
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[") or _several_lines(head):
        if not any(key.lower() in _TEXT_KEYS for key in keys):
            return (
                f"{WHAT_IT_IS}a JSON file whose records have no text field (the first has "
                f"{_keys(shown, keys)}), {NOT_OURS}"
            )
        return None
    if not keys:
        return f"{WHAT_IT_IS}a JSON file holding an empty object, {NOT_OURS}"
    return f"{WHAT_IT_IS}a JSON file holding one object ({_keys(shown, keys)}), {NOT_OURS}"


def _keys(shown: str, keys: list[str]) -> str:
    return f"the key {shown}" if len(keys) == 1 else f"the keys {shown}"


def _several_lines(head: bytes) -> bool:
    """JSON Lines: a second line that is a JSON value of its own."""
    lines = [line for line in json_lines_head(head).split(b"\n") if line.strip()]
    if len(lines) < 2:
        return False
    try:
        json.loads(lines[1])
    except ValueError:
        return False
    return True


def why_wide_text(path: Path, head: bytes) -> str | None:
    """A text saved as UTF-16 with no byte-order mark (``iconv -t UTF-16LE``, some Windows
    tools), known by a zero byte every other byte: told what it is and how to save it, not
    only "not a format staffpulse can import". None for any other file."""
    sample = head[:256]
    sample = sample[: len(sample) // 2 * 2]
    if path.is_dir() or len(sample) < 16:
        return None
    evens, odds = sample[0::2], sample[1::2]
    for zeros, text in ((odds, evens), (evens, odds)):  # little-endian, then big-endian
        if zeros.count(0) >= 0.9 * len(zeros) and text.count(0) == 0:
            # JSON is saved from a text editor, a table from a spreadsheet
            a_json = text.lstrip(b" \t\r\n")[:1] in (b"{", b"[")
            how = (
                "in a text editor: Save As, encoding UTF-8"
                if a_json
                else "in Excel: Save As › CSV UTF-8"
            )
            return (
                f"{WHAT_IT_IS}text saved as UTF-16 with no byte-order mark (the mark that says"
                f" how to read it), so staffpulse does not read it: save it as UTF-8 ({how}),"
                " or as UTF-16 with the mark, and import it again"
            )
    return None


# The names of the text files exports are: binary data under one is a wrong or damaged file
_TEXT_SUFFIXES = (".json", ".jsonl", ".ndjson", ".js", ".csv", ".tsv", ".txt")


def why_binary(path: Path, head: bytes) -> str | None:
    """Binary data of no kind a source or :func:`why_looks_like` knows: told it is not text,
    not taken for "text a person wrote"."""
    if path.suffix.lower() not in _TEXT_SUFFIXES or path.is_dir() or not is_binary(head):
        return None  # a file named as another kind (.car, .tar) is told by its own explainer
    return (
        f"{WHAT_IT_IS}binary data, not text (a program, a picture or a damaged file), {NOT_OURS}:"
        " is it the file you meant? An export of posts is text (JSON, CSV) or a ZIP of such files"
    )


# The names of pictures and documents people mistake for an export, and what each should hold
_NAMED_KINDS = {
    ".png": "a PNG image",
    ".jpg": "a JPEG image",
    ".jpeg": "a JPEG image",
    ".gif": "a GIF image",
    ".webp": "a WebP image",
    ".pdf": "a PDF",
}


def why_misnamed(path: Path, head: bytes) -> str | None:
    """A file named as a picture or a PDF whose bytes are not one (random bytes, a damaged
    download): told what it is not and what to give instead, where it was only "not a format
    staffpulse can import". A real one is told by what its first bytes show (or here, a WebP
    image, whose mark is not at the start). None for any other file."""
    kind = _NAMED_KINDS.get(path.suffix.lower())
    if kind is None or path.is_dir() or document_kind(head) is not None:
        return None
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return f"{WHAT_IT_IS}a WebP image, {NOT_OURS}"
    holds = what_it_holds(head)  # no document: document_kind found none above
    return (
        f"{WHAT_IT_IS}not {kind}, though its name ends in {path.suffix}: it holds {holds} (a"
        f" damaged or renamed file?), and {NOT_OURS}: is it the file you meant? An export of"
        " posts is text (JSON, CSV) or a ZIP of such files: give that instead"
    )


EXPLAINERS.append(why_looks_like)
EXPLAINERS.append(why_wide_text)
EXPLAINERS.append(why_binary)  # after the UTF-16 text's, whose zero bytes look binary too
EXPLAINERS.append(why_misnamed)
