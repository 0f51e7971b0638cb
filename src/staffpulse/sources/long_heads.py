"""The head sniffed of a file whose first line is longer than the usual head: a JSON object
on one line that runs on past :data:`~staffpulse.sources.base.HEAD_BYTES`.

Such a line is a JSON Lines record holding a very long text (cut at the head, it was no JSON,
and the file was refused as of no known format), or a whole JSON document saved on one line
(a 29 MB API response). The whole line was read to sniff either: seconds of checks for the
document, read again by each check. :func:`first_record_head` reads only as far as tells the
format: to the end of the first record (and a little past it, to show whether another follows
on the line), or, in a document whose records are a list under its first key
(``{"data": [{...}, ...``), to the end of the first record past the usual head (under another
key, past :data:`DOCUMENT_BYTES`), the list and the document then closed so that the head is
JSON still.
"""

from __future__ import annotations

import re
from typing import BinaryIO

# Read at a time while looking for the end of the first record
SCAN_BYTES = 64 * 1024
# Read at most past a record in a list under another key than a document's first: what a
# source looks for may come after a long list (the files named at the end of an import's
# summary, below its problems)
DOCUMENT_BYTES = 1024 * 1024
# A byte the scan must look at: a quote, a backslash (in a string), a bracket, a line break
_STRUCTURE_RE = re.compile(rb'[\\"{}\[\]\n]')
_QUOTE, _BACKSLASH, _NEWLINE = ord('"'), ord("\\"), ord("\n")
_OPENERS = frozenset(b"{[")
_CLOSERS = {ord("{"): b"}", ord("["): b"]"}
# A document's first key holding its records: an object, and in it a list
_DOCUMENT_LIST = [ord("{"), ord("[")]
# The bytes before the list of a document's first key: ``{"data": `` (after a byte-order mark)
_FIRST_KEY_RE = re.compile(rb'(?:\xef\xbb\xbf)?[ \t\r]*\{\s*"(?:[^"\\]|\\.)*"\s*:\s*')


def first_record_head(head: bytes, handle: BinaryIO, usual: int, limit: int) -> bytes:
    """``head`` (the first ``usual`` bytes of a file, holding no line break and opening a JSON
    object) read on from ``handle`` only as far as tells the format, up to ``limit`` bytes in
    all: see the module's docstring."""
    chunks, read = [head], len(head)
    opened: list[int] = []
    first_list = False  # in the list of the document's first key
    in_string = False
    skip = -1  # the byte escaped by a backslash before it (maybe in the next chunk)
    chunk, base = head, 0  # the bytes scanned, and where they start in the file
    while chunk:
        for found in _STRUCTURE_RE.finditer(chunk):
            pos = base + found.start()
            char = chunk[found.start()]
            if char == _NEWLINE:  # the line ends (JSON holds no raw line break in a string)
                return b"".join(chunks)[: pos + 1]
            if pos < skip:
                continue
            if in_string:
                if char == _BACKSLASH:
                    skip = pos + 2
                elif char == _QUOTE:
                    in_string = False
            elif char == _QUOTE:
                in_string = True
            elif char in _OPENERS:
                opened.append(char)
                if opened == _DOCUMENT_LIST and _FIRST_KEY_RE.fullmatch(head, 0, pos):
                    first_list = True
            elif opened:
                opened.pop()
                if not opened:  # the first record whole: with what follows it on its line
                    return _with_what_follows(b"".join(chunks), pos + 1, handle, usual)
                if opened == _DOCUMENT_LIST and pos >= (usual if first_list else DOCUMENT_BYTES):
                    closers = b"".join(_CLOSERS[c] for c in opened[::-1])
                    return b"".join(chunks)[: pos + 1] + closers
                if len(opened) == 1:  # the first key's list (if it was one) is over
                    first_list = False
        base += len(chunk)
        chunk = handle.read(min(SCAN_BYTES, limit - read)) if read < limit else b""
        chunks.append(chunk)
        read += len(chunk)
    return b"".join(chunks)


def _with_what_follows(data: bytes, end: int, handle: BinaryIO, usual: int) -> bytes:
    """``data`` to ``end`` (its first record) and up to ``usual`` bytes of its line after it:
    enough to show whether another record follows on the same line."""
    if len(data) < end + usual:
        data += handle.read(end + usual - len(data))
    rest = data[end : end + usual]
    line_end = rest.find(b"\n")
    return data[:end] + (rest if line_end < 0 else rest[: line_end + 1])
