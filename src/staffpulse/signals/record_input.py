"""Opening the INPUT of ``staffpulse classify`` and ``staffpulse roles`` as lines of text.

INPUT may be any readable file: a regular one, or a pipe, a process substitution
(``<(zcat posts.jsonl.gz)``), ``/dev/stdin`` or a FIFO. Those can be read only once, and
the encoding scan reads a file before its lines are read, so they are first copied, once,
to a temporary file (on disk: memory stays flat on big inputs).

Text is decoded line by line: a file joined from several sources (``cat a.jsonl b.jsonl``)
may hold one line saved as Windows-1252 among UTF-8 ones, and that line must not change how
the others read (their ids are written back exactly). So every line that is valid UTF-8 is
read as UTF-8, and only a line that is not falls back to Windows-1252 (Latin-1 for the few
bytes Windows-1252 leaves undefined), with one note naming the first such line. A byte order
mark is dropped wherever a line starts with one (files joined with ``cat`` keep theirs).
A file that starts with a UTF-16 or UTF-32 byte order mark is decoded whole, as it was
written; bytes it cannot decode become U+FFFD, with a note.

A gzip-compressed INPUT (``posts.jsonl.gz``, as ``staffpulse import`` reads them) is unpacked
to a temporary file first; one cut short keeps what came before the cut, with a note (the
incomplete last line is then reported as malformed). ``-`` is standard input, as in most
command-line tools, unless a file of that name exists.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from staffpulse.errors import InputError
from staffpulse.sources.base import SCAN_BYTES, bom_codec, first_bad_line
from staffpulse.sources.gzipped import GZIP_MAGIC, unpack_stream
from staffpulse.sources.text_files import cut_in_a_character, without_cut_character
from staffpulse.sources.user_paths import explain_open_errors

__all__ = ["InputLines", "input_name", "open_input"]

# Line ends as Python's newline="" reads them: \r\n, \n, or a lone \r (old Mac CSV).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_BOM = "\ufeff"
_STDIN = Path("-")
_FOLDER_HINT = "give one JSONL or CSV file"


def input_name(path: Path) -> str:
    """INPUT as messages name it: ``standard input`` for ``-`` (a user who piped a file in
    would not know "- is empty" means what they piped), else the path as given."""
    return "standard input" if _is_stdin(path) else str(path)


def _is_stdin(path: Path) -> bool:
    # a real file named - is read as a file, and named as one
    return path == _STDIN and not path.exists()


class InputLines:
    """The lines of INPUT as text, line ends kept, read lazily; iterate once, then close.

    ``size`` is the input's size in bytes and ``bytes_read`` how many of them have been read
    so far (for a progress bar); ``note`` tells the user how the encoding was guessed, or is
    None when the file is plain UTF-8."""

    def __init__(
        self,
        binary: IO[bytes],
        size: int,
        note: str | None,
        codec: str | None,
        *,
        cut: bool = False,
    ) -> None:
        self._binary = binary
        self.size = size
        self.note = note
        self._lines = (
            _decoded_lines(binary, cut) if codec is None else _whole_file_lines(binary, codec)
        )

    @property
    def bytes_read(self) -> int:
        try:
            return self._binary.tell()
        except (OSError, ValueError):  # closed: all of it was read
            return self.size

    def __iter__(self) -> Iterator[str]:
        return self._lines

    def __next__(self) -> str:
        return next(self._lines)

    def close(self) -> None:
        self._binary.close()


def open_input(path: Path) -> InputLines:
    """INPUT ready to be read as lines, or an :class:`InputError` saying what to do."""
    with explain_open_errors(path, given="the path of INPUT", folder_hint=_FOLDER_HINT):
        binary = _open_once(path)
    try:
        binary, cut = _gunzipped(binary, path)
        lines = _lines_of(binary)
    except BaseException:
        binary.close()
        raise
    if cut:
        lines.note = "; ".join(filter(None, (cut, lines.note)))
    return lines


def _open_once(path: Path) -> IO[bytes]:
    """A seekable binary handle on INPUT: the file itself, or a copy of what a pipe (or
    standard input, for ``-``) held."""
    if _is_stdin(path):
        return _copy_of(sys.stdin.buffer)  # standard input stays open: it is not ours
    handle = path.open("rb")
    if stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        return handle
    with handle:
        return _copy_of(handle)


def _copy_of(source: IO[bytes]) -> IO[bytes]:
    # handed to the caller, who closes it (a temporary file is removed when closed)
    copy = tempfile.TemporaryFile()  # noqa: SIM115
    try:
        shutil.copyfileobj(source, copy, SCAN_BYTES)
        copy.seek(0)
    except BaseException:
        copy.close()
        raise
    return copy


def _gunzipped(binary: IO[bytes], path: Path) -> tuple[IO[bytes], str | None]:
    """``binary`` as it is, or, when it is gzip data, a temporary file of what it holds and
    what went wrong unpacking it (None when nothing did). Closes ``binary`` when it unpacks it."""
    if binary.read(2) != GZIP_MAGIC:
        binary.seek(0)
        return binary, None
    binary.seek(0)
    with binary:
        unpacked = tempfile.TemporaryFile()  # noqa: SIM115 - the caller closes it
        try:
            broken = unpack_stream(binary, unpacked)
            unpacked.seek(0)
            if broken and not unpacked.read(1):
                raise InputError(
                    f"{input_name(path)}: {broken}, and nothing could be unpacked from it",
                    hint="download or copy the file again, or unpack it with gzip -d",
                )
            unpacked.seek(0)
        except BaseException:
            unpacked.close()
            raise
    if broken:
        broken = f"{broken}: what came before was read, the rest is lost"
    return unpacked, broken


def _lines_of(binary: IO[bytes]) -> InputLines:
    size = os.fstat(binary.fileno()).st_size
    head = binary.read(4)
    binary.seek(0)
    codec = bom_codec(head)
    guessed = codec is None and (codec := _utf16_without_bom(head)) is not None
    bad = first_bad_line(_chunks(binary), codec or "utf-8")
    binary.seek(0)
    if codec is not None:
        note = None
        if guessed:
            note = f"read as {codec.upper()} (it has no byte order mark to say so)"
        if bad is not None:
            name = codec.upper()
            note = (
                f"{name} with bytes that are not valid {name}; they were read as "
                "\N{REPLACEMENT CHARACTER}: check the text, or save the file as UTF-8"
            )
        return InputLines(binary, size, note, codec)
    note = None
    cut = bad is not None and cut_in_a_character(_chunks(binary))
    binary.seek(0)
    if cut:  # a download that stopped mid-accent: UTF-8 still, as staffpulse import reads it
        note = (
            f"the file ends inside a character (line {bad}): it looks cut short; the last line"
            " was read without it (check that the file was saved or downloaded whole)"
        )
    elif bad is not None:
        note = (
            f"not UTF-8 (first at line {bad}): the lines that are not UTF-8 were read as "
            "Windows-1252, the others as UTF-8: check accented names, or save the file as "
            "UTF-8 and try again"
        )
    return InputLines(binary, size, note, None, cut=cut)


def _utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"`` (``"utf-16-be"``) for a file whose first two characters are ASCII
    written as UTF-16 without a byte order mark (``i\0d\0``), as some exports save "Unicode
    text": read as such, not refused as binary for its NUL bytes."""
    if len(head) < 4:
        return None
    if head[1] == head[3] == 0 and head[0] and head[2] and head[0] < 0x80 and head[2] < 0x80:
        return "utf-16-le"
    if head[0] == head[2] == 0 and head[1] and head[3] and head[1] < 0x80 and head[3] < 0x80:
        return "utf-16-be"
    return None


def _chunks(binary: IO[bytes]) -> Iterator[bytes]:
    while chunk := binary.read(SCAN_BYTES):
        yield chunk


def _whole_file_lines(binary: IO[bytes], codec: str) -> Iterator[str]:
    # bad bytes (told in the note) become U+FFFD rather than stop the run
    stream = io.TextIOWrapper(binary, encoding=codec, errors="replace", newline="")
    for line in stream:
        yield line.removeprefix(_BOM)


def _decoded_lines(binary: IO[bytes], cut: bool = False) -> Iterator[str]:
    # A lone \r ends a line, as open(newline="") reads it, only in a file whose first line
    # ends so (an old Mac CSV). Where the first line ends in \n or \r\n, a lone \r further on
    # is part of a text: a tweet's "\r" that pandas' to_csv writes unquoted (its line end
    # is \n) split that row in two, the second read as a record of its own (roles: an extra
    # line under a bogus id; classify: the text cut short). With ``cut``, the file ends inside
    # a UTF-8 character: its last line is read without it, as UTF-8, not as Windows-1252.
    lone_cr_ends_lines: bool | None = None
    for raw in binary:  # split at b"\n", which no UTF-8 or Windows-1252 character contains
        if cut and not raw.endswith(b"\n"):
            raw = without_cut_character(raw)
        text = _decode_line(raw).removeprefix(_BOM)
        if lone_cr_ends_lines is None and text.strip():
            lone_cr_ends_lines = _ends_at_lone_cr(text)
        if lone_cr_ends_lines and "\r" in text[:-2]:
            yield from (line.removeprefix(_BOM) for line in _LINE.findall(text))
        else:
            yield text


def _ends_at_lone_cr(first: str) -> bool:
    """True when the first line of a file (up to its first \\n) ends at a lone \\r: it has
    one before its end, and what comes before it is a whole line (a CSV header; a whole JSON
    object, not one whose text holds a raw \\r)."""
    if "\r" not in first[:-2]:
        return False
    line = first[: first.index("\r")]
    if not line.lstrip().startswith("{"):
        return True
    try:
        json.loads(line, strict=False)
    except ValueError:
        return False
    return True


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # a UTF-8 byte order mark before a line that is not UTF-8 is still one (a BOM read
        # as Windows-1252, "ï»¿", would hide the first line's "{" or "id")
        raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # decodes any byte: nothing is ever dropped
