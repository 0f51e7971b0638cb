"""Text files people write, read as they are: their encoding found (UTF-16/32 by BOM, UTF-8,
else Windows-1252 with a note, never a silent replacement), a file head made sniffable, and
binary data or a document (a PDF, an image, a workbook) told apart from text, with what it is.

Every source, and every command reading a small file a person wrote (keywords, handles, a
cohort: :func:`read_user_text`), decodes here, in one place.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from staffpulse.byte_order import bom_codec as bom_codec  # re-exported: sources import it here
from staffpulse.errors import InputError
from staffpulse.next_steps import SAVE_AS_UTF8
from staffpulse.sources.user_paths import explain_open_errors

SCAN_BYTES = 1 << 20  # read at a time when a whole file is scanned, in constant memory
# What to do about a file cut short (a download or copy that stopped), in every reader's words
FILE_AGAIN = "download or export the file again"


@dataclass(frozen=True, slots=True)
class TextEncoding:
    """How to open a text file: ``open(path, encoding=codec, errors=errors)``.

    ``note`` is set when the encoding was a guess the user should check (told once per file).
    """

    codec: str
    errors: str = "strict"
    note: str | None = None


def first_bad_line(chunks: Iterable[bytes], codec: str, newline: bytes = b"\n") -> int | None:
    """The line of the first bytes ``codec`` cannot decode, or None when they all decode;
    lines end with ``newline`` (CR alone in a classic Mac file)."""
    decoder = codecs.getincrementaldecoder(codec)()
    line = 1
    for chunk in chunks:
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            return line + chunk.count(newline, 0, max(exc.start, 0))
        line += chunk.count(newline)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return line
    return None


def without_cut_character(data: bytes) -> bytes:
    """``data`` without a UTF-8 character begun at its very end (a file cut short mid-way
    through an accent or emoji), so that the rest is read and told as cut, not as not UTF-8."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:  # a continuation byte: the character began further back
            continue
        needs = 2 if 0xC0 <= byte < 0xE0 else 3 if 0xE0 <= byte < 0xF0 else 4 if byte >= 0xF0 else 1
        return data[:-back] if needs > back else data
    return data


# A character of two to four bytes as UTF-8 writes it (Windows-1252 text seldom holds one:
# "Ã©" would be the same bytes as "é")
_UTF8_CHARACTER_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_NOT_ASCII_RE = re.compile(rb"[\x80-\xff]")


def _mostly_utf8(chunks: Iterable[bytes], escapes: bool = False) -> bool:
    """Whether a file UTF-8 cannot decode is UTF-8 with a few damaged bytes: more characters
    of several bytes than stray bytes. A Windows-1252 file has none of the former.

    With ``escapes`` (JSON), a non-ASCII character written as ``\\u00e9`` counts as one too:
    a writer that escapes them (twarc2, Python's json) writes no Windows-1252 byte, so a stray
    byte in its all-ASCII file is damage."""
    characters = strays = 0
    for chunk in chunks:
        found = _UTF8_CHARACTER_RE.findall(chunk)
        characters += len(found)
        strays += len(_NOT_ASCII_RE.findall(chunk)) - sum(len(one) for one in found)
        if escapes:
            characters += len(_NOT_ASCII_ESCAPE_RE.findall(chunk))
    return characters > strays


# ``\\u`` and four hex digits naming a character past ASCII (``\\u0080`` and up)
_NOT_ASCII_ESCAPE_RE = re.compile(rb"\\u(?!00[0-7])[0-9a-fA-F]{4}")


# Stray bytes that make a JSON text of no other character past ASCII damaged, not another
# encoding, when the text is long enough that Windows-1252 words would show more of them:
# JSON is UTF-8 by its standard, and one flipped byte in an all-ASCII response cost the whole
# file. A short record with one "é" in Windows-1252 is still refused, told to save as UTF-8;
# one whose stray byte is outside its strings, where no encoding puts a letter, is damaged
DAMAGED_BYTES = 2
DAMAGED_TEXT_BYTES = 512


def repaired_utf8(data: bytes) -> tuple[bytes, int] | None:
    """JSON ``data`` with its few damaged bytes as U+FFFD, and the line of the first, when it
    is UTF-8 but for them (:func:`_mostly_utf8`, escapes counted, or no more than
    :data:`DAMAGED_BYTES` stray bytes in a long text or outside the strings of a short one);
    None when it is valid, or not UTF-8."""
    bad = first_bad_line((data,), "utf-8")
    if bad is None:
        return None
    strays = [found.start() for found in islice(_NOT_ASCII_RE.finditer(data), DAMAGED_BYTES + 1)]
    lone = len(strays) <= DAMAGED_BYTES and (
        len(data) >= DAMAGED_TEXT_BYTES or not any(map(_in_json_string(data), strays))
    )
    if not (lone or _mostly_utf8((data,), escapes=True)):
        return None
    return data.decode("utf-8", errors="replace").encode("utf-8"), bad


_JSON_STRING_RE = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


def _in_json_string(data: bytes) -> Callable[[int], bool]:
    """Whether an index of JSON ``data`` is inside one of its strings: a byte of another
    encoding ("é" in Windows-1252) can only be there, so one outside is damage."""
    spans = [found.span() for found in _JSON_STRING_RE.finditer(data)]
    return lambda at: any(start <= at < end for start, end in spans)


def cut_in_a_character(chunks: Iterable[bytes]) -> bool:
    """Whether the only bytes UTF-8 cannot decode are a character begun at the very end, and
    the file is UTF-8 by the rest: accents before it, or a character of several bytes begun.
    A Windows-1252 file of plain text that ends in "é" ends in what UTF-8 would begin with."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    accents = False
    last = b""
    try:
        for chunk in chunks:
            decoder.decode(chunk)
            accents = accents or not last.isascii()
            last = chunk
    except UnicodeDecodeError:
        return False
    begun = decoder.getstate()[0]
    if not begun:
        return False
    return len(begun) > 1 or accents or not last[: len(last) - len(begun)].isascii()


def _classic_mac_line(chunks: Callable[[], Iterable[bytes]]) -> int | None:
    """The line of the first byte that is not UTF-8 in a file whose lines end with CR alone
    (as classic Mac OS wrote them, and Excel for Mac still does for "CSV (Macintosh)"); None
    for any other file. Its first line tells: a line break within a cell, which Excel writes
    as LF alone, may come further down."""
    first = next(iter(chunks()), b"")
    ends = re.search(rb"\r\n?|\n", first)
    cut = ends is not None and ends.end() == len(first) >= SCAN_BYTES  # a CRLF cut in two?
    if ends is None or ends.group() != b"\r" or cut:
        return None
    # the whole file, counting CRs: its first such byte may lie past the first chunk
    return first_bad_line(chunks(), "utf-8", newline=b"\r")


def _choose_encoding(head: bytes, chunks: Callable[[], Iterable[bytes]]) -> TextEncoding:
    """UTF-16/32 by their BOM; else UTF-8 (BOM or not; cut inside its last character, or with
    a few damaged bytes among its characters); else Windows-1252; else Latin-1.

    Nothing is ever replaced silently: a guess carries a ``note`` for the user. Windows-1252
    is what Excel and most Windows tools write for "CSV" in Western locales; Latin-1 decodes
    any byte, for the few (0x81, 0x8D, ...) that Windows-1252 leaves undefined.
    """
    if (codec := bom_codec(head)) is not None:
        if first_bad_line(chunks(), codec) is None:
            return TextEncoding(codec)
        # Counting b"\n" finds no lines in UTF-16, so this note cannot name one.
        return TextEncoding(
            codec,
            errors="replace",
            note=f"{codec.upper()} with bytes that are not valid {codec.upper()}; they were "
            "read as \N{REPLACEMENT CHARACTER}: check the text, or save the file as UTF-8",
        )
    bad = first_bad_line(chunks(), "utf-8")
    if bad is None:
        return TextEncoding("utf-8-sig")
    if cut_in_a_character(chunks()):
        # A UTF-8 file cut short (a download or copy that stopped) can end inside a
        # character: read as Windows-1252, every accent and emoji before the cut was garbled
        return TextEncoding(
            "utf-8-sig",
            errors="ignore",
            note=f"the file stops in the middle of a character (line {bad}): it looks cut short,"
            f" so its last line may be incomplete; {FILE_AGAIN}",
        )
    if _mostly_utf8(chunks()):
        # A few damaged bytes in a UTF-8 file (a disk or copy error, one character pasted
        # from elsewhere): read as Windows-1252, every accent and emoji of the file was garbled
        return TextEncoding(
            "utf-8-sig",
            errors="replace",
            note=f"a few bytes are not valid UTF-8 (first at line {bad}) and were read as"
            " \N{REPLACEMENT CHARACTER}; the rest of the file is UTF-8: check the text there, or"
            " export the file again",
        )
    if (line := _classic_mac_line(chunks)) is not None:
        # Excel for Mac's "CSV (Macintosh)": lines ended by CR alone, in MacRoman; read as
        # Windows-1252, its "Café" came in as "CafŽ" and its dashes as "Ð"
        return TextEncoding("mac_roman", note=SAVE_AS_UTF8.say(line=line, encoding="MacRoman"))
    fallback, name = (
        ("cp1252", "Windows-1252")
        if first_bad_line(chunks(), "cp1252") is None
        else ("latin-1", "Latin-1")
    )
    return TextEncoding(
        fallback,
        note=SAVE_AS_UTF8.say(line=bad, encoding=name),
    )


def detect_encoding(path: Path) -> TextEncoding:
    """The encoding of a text file, found by scanning it in constant memory."""

    def chunks() -> Iterator[bytes]:
        with path.open("rb") as handle:
            while chunk := handle.read(SCAN_BYTES):
                yield chunk

    with path.open("rb") as handle:
        head = handle.read(4)
    return _choose_encoding(head, chunks)


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Text from the bytes of a whole file (the rules of :func:`detect_encoding`), and the note
    to tell the user when the encoding was a guess."""
    encoding = _choose_encoding(data[:4], lambda: (data,))
    text = data.decode(encoding.codec, encoding.errors)
    return text, encoding.note


def sniffable(head: bytes) -> bytes:
    """A file head as every source sniffs it: UTF-16/32 text (by its BOM) re-encoded as UTF-8,
    so that a format's markers (``{"data":``) are found in a file Windows PowerShell wrote
    (its ``>`` saves UTF-16); any other head unchanged. A character cut at the end is dropped."""
    codec = bom_codec(head)
    return head if codec is None else head.decode(codec, errors="ignore").encode("utf-8")


def head_text(head: bytes) -> str:
    """A file head as text, for format sniffing only (a character cut at the end is dropped)."""
    if (codec := bom_codec(head)) is not None:
        return head.decode(codec, errors="ignore")
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        return decoder.decode(head)  # not final: the head may end inside a character
    except UnicodeDecodeError:
        return head.decode("cp1252", errors="replace")


# Control characters never occur in a text file people or tools write (a list, a CSV, JSONL);
# NUL above all marks a binary file (an image, a spreadsheet, UTF-16 saved without its BOM).
# Tab, newlines and form feed are text.
BINARY_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


# A stray control character past the head (in one profile of a 6 MB CSV) is that row's matter
BINARY_HEAD_CHARS = 64 * 1024
# A file this short that holds any control character is no list a person wrote but a small
# binary file (an icon, a few bytes of a program): one with only 1 to 3 of them was read as
# keywords or handles made of its bytes
SHORT_FILE_CHARS = 4 * 1024


def mostly_binary(found: int, chars: int) -> bool:
    """Whether ``found`` control characters in ``chars`` make binary data (images, programs:
    several, 1 in 100 characters or more), not text with a stray one, read rather than refused."""
    return found >= 4 and found * 100 >= chars


def is_binary(head: bytes) -> bool:
    """Whether a file's ``head`` is binary data (a program, a picture, random bytes), not
    text: many control characters, as no file a person or an export writes holds."""
    text = head_text(head)
    return bool(text) and mostly_binary(len(BINARY_RE.findall(text)), len(text))


def looks_binary(text: str) -> bool:
    """Whether decoded text holds any character no file a person writes does, for a caller
    that has the bytes already and checks a short head (an upload)."""
    return BINARY_RE.search(text) is not None


# What a file is by its first bytes, for a file given where a list a person writes is expected
# (a PDF given as a cohort): a PDF can hold no control character in its first part, and was
# read line by line as handles ("no account '%PDF-1.4' in the store")
_DOCUMENT_MAGIC = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP file (an Excel or Word file is one too)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Excel or Word file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document (WordPad, TextEdit)"),
)


# What decoding binary bytes as text leaves: C1 controls (bytes 0x80-0x9F read as Latin-1),
# unassigned, private-use and surrogate code points (read as UTF-16), and the replacement
# character. A random file read so reached a cohort as lines of "no account '...'"
_NO_TEXT_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})


def reads_as_no_text(head: str) -> bool:
    """Whether decoded text is binary data under its characters (:func:`mostly_binary` of
    those :data:`_NO_TEXT_CATEGORIES` and U+FFFD name), with no ASCII control in it."""
    found = sum(
        1
        for char in head
        if char == "\ufffd" or (char > "\x7f" and unicodedata.category(char) in _NO_TEXT_CATEGORIES)
    )
    return mostly_binary(found, len(head))


def document_kind(data: bytes) -> str | None:
    """What ``data`` is when its first bytes say it is a document or image ("a PDF"), else
    None."""
    return next((kind for magic, kind in _DOCUMENT_MAGIC if data.startswith(magic)), None)


def what_it_holds(head: bytes) -> str:
    """What a file misnamed (a ``.zip``, a ``.png`` that is none) holds, by its first bytes:
    the document or image they show ("a PDF"), else binary data or text."""
    return document_kind(head) or (
        "binary data of no kind staffpulse knows" if is_binary(head) else "text"
    )


def read_user_text(
    path: Path, *, what: str, not_text_hint: str, max_bytes: int = 16 * 1024 * 1024
) -> tuple[str, str | None]:
    """The text of a small file a person wrote (keywords, handles, a cohort), in any common
    encoding (:func:`decode_bytes`), and the note when the encoding was a guess; else an
    error saying what is wrong with the file. ``what`` names it: "keywords file"."""
    with explain_open_errors(path, what=what, folder_hint=not_text_hint):
        if path.stat().st_size > max_bytes:
            raise InputError(
                f"{path}: too large for a {what} (over {max_bytes // 2**20} MB); is it the"
                " file you meant?",
                hint=not_text_hint,
            )
        data = path.read_bytes()
    kind = document_kind(data)
    text, note = decode_bytes(data)
    # on the decoded text, so the NUL bytes of a UTF-16 file with a BOM are fine
    head = text[:BINARY_HEAD_CHARS]
    stray = BINARY_RE.search(text) if len(text) <= SHORT_FILE_CHARS else None
    unread = reads_as_no_text(head)
    if kind or stray or unread or mostly_binary(len(BINARY_RE.findall(head)), len(head)):
        said = "it holds binary data"
        if kind:
            said += f": it is {kind}"
        elif stray:
            line = text.count("\n", 0, stray.start()) + 1
            said += f": a control character (0x{ord(stray.group()):02x}) at line {line}"
        elif unread:
            said += ", bytes that read as no text, as an image's or an archive's do"
        raise InputError(f"{path}: not a text file, so not a {what} ({said})", hint=not_text_hint)
    return text, note
