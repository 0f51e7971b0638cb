"""A whole-file JSON document that does not parse: where it failed, how many entries were lost
with it (counted by :func:`~staffpulse.sources.json_entries.count_entries` even in a file cut
short), and what to do, as :class:`DocumentError`. Read by
:mod:`staffpulse.sources.json_documents` and the readers of archives' members.
"""

from __future__ import annotations

import json

from staffpulse.sources.json_entries import count_entries
from staffpulse.sources.jsonio import json_error_message
from staffpulse.sources.text_files import FILE_AGAIN, first_bad_line


class DocumentError(ValueError):
    """A whole-file JSON document that does not parse, with where parsing failed.

    ``line`` and ``column`` are 1-based, and the message names them too. A reader should
    report the problem at ``line``: a pretty-printed response cut short fails near its end,
    not on line 1. ``records`` is how many entries the file held (its posts, statuses,
    accounts: :func:`count_entries`), all lost, and at least 1.
    """

    def __init__(
        self,
        message: str,
        line: int,
        column: int | None = None,
        records: int = 1,
        cut: bool = False,
        part: str | None = None,
    ) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.records = records
        self.cut = cut  # the document stops in the middle (a download cut short)
        self.part = part  # the response's own part left out for damage ("includes"), if any


def whole_file_lost(text: str, cut: bool) -> tuple[str, int]:
    """What to add to the message of a response that was skipped whole, and how many records
    that was: the entries in it (at least those begun before a cut), or 1 when not known."""
    entries = count_entries(text)
    if not entries:
        return "; nothing in the file was read", 1
    many = f"{entries:,} entr{'y' if entries == 1 else 'ies'}"
    return f"; nothing in the file was read ({'at least ' if cut else ''}{many})", entries


def document_error(data: bytes, exc: Exception) -> DocumentError:
    """A :class:`DocumentError` naming the line and column where ``data`` failed to parse, and
    how many entries were lost with it."""
    bad_utf8 = first_bad_line((data,), "utf-8")
    if bad_utf8 is not None:
        # orjson reports invalid UTF-8 at "line 1 column 1" wherever it is: find it ourselves.
        lost, records = whole_file_lost(data.decode("utf-8", errors="replace"), cut=False)
        return DocumentError(
            f"not valid UTF-8 at line {bad_utf8}{lost}: save the file as UTF-8 and import it again",
            bad_utf8,
            records=records,
        )
    text = data.decode("utf-8")
    if isinstance(exc, json.JSONDecodeError):  # orjson's error is a subclass too
        cut = ends_at(data, exc.lineno, exc.colno)
        lost, records = whole_file_lost(text, cut)
        if cut:
            return DocumentError(cut_short_message(text), exc.lineno, exc.colno, records, True)
        return DocumentError(
            f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}{lost}. What to"
            " do: correct the file there (a text editor shows the line), or save or export it"
            " again",
            exc.lineno,
            exc.colno,
            records,
        )
    lost, records = whole_file_lost(text, cut=False)
    return DocumentError(json_error_message(exc) + lost, 1, records=records)


def cut_short_message(text: str, lost: str = "") -> str:
    """What happened to a document that stops in the middle, and what to do. Its line is not
    repeated: the problem is reported at that line ("feed.json:9: the file looks cut
    short...", "feed.json, line 9: ..."). ``lost`` says what was lost when the reader knows
    better than counting entries ("at least 26 activities lost", from an outbox's header)."""
    entries = count_entries(text)
    if not lost and entries:
        lost = f"at least {entries:,} entr{'y' if entries == 1 else 'ies'} lost"
    return (
        "the file looks cut short: it stops in the middle, so nothing in it was read"
        + (f" ({lost})" if lost else "")
        + f". What to do: {FILE_AGAIN}, then import the complete file"
    )


def ends_at(data: bytes, line: int, column: int) -> bool:
    """True when (line, column) is the end of the text: parsing ran out of document."""
    body = data.rstrip()
    last_line = body.count(b"\n") + 1
    tail = body.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")
    return line > last_line or (line == last_line and column > len(tail))
