"""The data files of an X archive: ``window.YTD.<name>.partN = [ {...}, {...} ]``, read entry
by entry, so that one broken entry costs that entry only.

A string left open in one tweet (a quote lost while editing ``tweet.js``) would stop a plain
JSON parser at that tweet and lose every tweet after it. Here the parser starts again at the
next entry, found by the key every entry of the file starts with (``{ "tweet" : {``). A file
cut short loses its last entry, and says that it looks cut short.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

_FIRST_KEY = re.compile(r'\{\s*"([^"\\]+)"\s*:')


class EntryError(ValueError):
    """Entries that could not be read: the message says why and where, ``records`` how many
    entries were lost (1, or all that were left in the file)."""

    def __init__(self, message: str, records: int = 1) -> None:
        super().__init__(message)
        self.records = records


def _reason(exc: json.JSONDecodeError, text: str) -> str:
    """``not valid JSON at line 154, column 30: invalid control character (...)``."""
    msg = exc.msg.removesuffix(" at").removesuffix(" starting")
    msg = msg[:1].lower() + msg[1:]
    if msg.startswith("invalid control character"):
        msg += " (a line break inside a text: is a closing quote missing?)"
    cut = exc.pos >= len(text.rstrip()) or msg.startswith("unterminated string")
    return f"not valid JSON at line {exc.lineno}, column {exc.colno}: {msg}" + (
        " (the file looks cut short)" if cut else ""
    )


# What to do about a file of the archive damaged or cut short: the spot to mend is told (the
# line and column of the JSON error), or the archive is downloaded again.
CUT_TO_DO = "What to do: download the archive again and import it (nothing is stored twice)"
# What to do about an entry that is valid JSON but not what its file holds (not a tweet)
ENTRY_TO_DO = (
    "What to do: correct the entry there (a text editor shows the line), or download the"
    " archive again, then import it again"
)


def _to_fix(exc: json.JSONDecodeError) -> str:
    return (
        f"What to do: correct the file at line {exc.lineno}, column {exc.colno} (a text editor"
        " shows it), or download the archive again, then import it again"
    )


def _rest_lost(exc: json.JSONDecodeError, text: str, pos: int, line: int, key: str) -> EntryError:
    """The error for a broken entry with no entry after it to start again at."""
    reason = _reason(exc, text)
    if reason.endswith("(the file looks cut short)"):
        return EntryError(
            f"{reason}; the entry starting here is incomplete and was skipped. {CUT_TO_DO}"
        )
    # Entries may still follow in another layout: count what looks like one, to say so.
    more = len(re.findall(r'\{\s*"' + re.escape(key) + r'"\s*:', text[pos + 1 :])) if key else 0
    return EntryError(
        f"{reason}; the rest of the file from line {line} (about {more + 1:,} "
        f"entr{'y' if more == 0 else 'ies'}) could not be read. {_to_fix(exc)}",
        records=more + 1,
    )


def count_entries(text: str) -> int:
    """How many entries ``window.YTD.x.partN = [ ... ]`` holds, without reading them: the
    objects that start with the key of its first one (``{ "tweet" : {``). For a file that is
    skipped whole (a lone ``tweets.js``), to count what was not read."""
    start = text.find("[")
    first = _FIRST_KEY.search(text, start + 1) if start >= 0 else None
    if first is None:
        return 0
    return len(re.findall(r'\{\s*"' + re.escape(first.group(1)) + r'"\s*:', text[first.start() :]))


def ytd_items(text: str) -> Iterator[tuple[int, Any | Exception]]:
    """(line where it starts, entry or :class:`EntryError`) for each entry of
    ``window.YTD.x.partN = [ ... ]``; after a broken entry, reading goes on at the next one."""
    start = text.find("[")
    if start < 0 or "=" not in text[:start]:
        what = (
            "the file is empty"
            if not text.strip()
            else "not an archive data file (expected 'window.YTD.<name>.part0 = [')"
        )
        yield 1, EntryError(f"{what}. {CUT_TO_DO}")
        return
    decoder = json.JSONDecoder()
    pos, line, counted = start + 1, 1, 0
    end = len(text)
    key = ""  # the key every entry starts with ("tweet"), to find the next one after an error
    while True:
        while pos < end and text[pos] in " \t\r\n,":
            pos += 1
        line += text.count("\n", counted, pos)
        counted = pos
        if pos >= end:
            cut = (
                f"the file looks cut short after line {line} (its list is not closed): what came"
                f" after it is lost. {CUT_TO_DO}"
            )
            yield line, EntryError(cut)
            return
        if text[pos] == "]":
            return
        if not key and (first := _FIRST_KEY.match(text, pos)) is not None:
            key = first.group(1)
        try:
            item, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            after = r',\s*\{\s*"' + re.escape(key) + r'"\s*:'
            found = re.compile(after).search(text, pos) if key else None
            if found is None:
                yield line, _rest_lost(exc, text, pos, line, key)
                return
            skipped = "the entry starting here was skipped, and the entries after it were read"
            yield line, EntryError(f"{_reason(exc, text)}; {skipped}. {_to_fix(exc)}")
            pos = found.start() + 1
            continue
        yield line, item
