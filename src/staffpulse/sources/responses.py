"""Saved API responses (Bluesky, Mastodon): one JSON document a file, or one a line.

``curl ... >> feed.jsonl`` appends each response (a page of a feed, one status) as a line of
its own: such a file is JSON Lines, read line by line as twarc2's are, and a line that is not
JSON costs that line only. A file that holds one document (pretty-printed or not) is read
whole. Either may be UTF-8 or, by its BOM, UTF-16/32 (:mod:`staffpulse.sources.jsonio`,
:mod:`staffpulse.sources.json_documents`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from staffpulse.models import Account, Follow, Post
from staffpulse.sources.base import Item, Notice, Problem, provenance
from staffpulse.sources.json_document_errors import DocumentError
from staffpulse.sources.json_documents import read_documents
from staffpulse.sources.json_entries import count_entries
from staffpulse.sources.json_places import with_lines
from staffpulse.sources.jsonio import (
    RepairedLine,
    is_json_lines,
    iter_json_lines,
    json_error_message,
    json_lines_bytes,
    with_line_advice,
)
from staffpulse.sources.observed import observed_by_newest_post
from staffpulse.sources.repeated_entries import RepeatsInPages, repeats_in_document
from staffpulse.store.core import Record

Row = Account | Post | Follow
Response = tuple[int | None, Any]  # the line it is on (None: the whole file) and the response


def _several_lines(path: Path) -> bool:
    """True when ``path`` has more than one non-blank line (a one-line file is one document,
    and a cut one is told as such: "the file looks cut short")."""
    lines = json_lines_bytes(path)
    try:
        return sum(1 for line in lines if line.strip()) > 1
    finally:
        lines.close()


def is_response_lines(path: Path) -> bool:
    """True when ``path`` holds several responses, one JSON document a line."""
    return is_json_lines(path) and _several_lines(path)


def read_responses(path: Path) -> Iterator[Response | Problem | Notice]:
    """Each response in ``path`` with its line, and a :class:`Problem` for each that cannot be
    read, counting the entries lost with it (the posts of a page cut short)."""
    if not is_response_lines(path):
        # one response, or several pretty-printed ones one after another
        for found in read_documents(path):
            if isinstance(found, DocumentError):
                yield Problem(str(path), found.line, str(found), found.records)
            else:
                yield found
        return
    for number, obj in iter_json_lines(path):
        if isinstance(obj, RepairedLine):  # its entries are read, but those it counts
            yield obj.told(str(path), number)
            continue
        if isinstance(obj, Exception):
            yield unread_line(path, number, obj)
            continue
        yield number, obj


@dataclass
class Undated:
    """Posts of one file kept without a date, counted as they are read and told once."""

    field: str  # where the date should have been: "created_at"
    count: int = 0

    def add(self, rows: Iterable[Account | Post | Follow]) -> None:
        self.count += sum(1 for row in rows if isinstance(row, Post) and row.created_at is None)

    def notice(self, path: Path) -> Notice | None:
        if not self.count:
            return None
        has = f"{self.count:,} post has" if self.count == 1 else f"{self.count:,} posts have"
        return Notice(
            str(path),
            f"{has} no date ({self.field} is missing or empty): kept undated; check that the "
            "file is the export as saved (a date is never missing from the API's answer)",
        )


def rows_of_responses(
    path: Path,
    source: str,
    to_rows: Callable[[Any, list[str]], Sequence[Row]],
    date_field: str,
    told: tuple[type[Exception], ...] = (),
) -> Iterator[Item]:
    """The rows of each response in ``path`` (:func:`read_responses`), read by ``to_rows``
    (``payload, errors -> rows``; an entry it cannot read goes in ``errors``), as records
    with their line. A response ``to_rows`` refuses is a :class:`Problem` on its line, or a
    :class:`Notice` for the exceptions in ``told`` (a record of another kind, not a fault);
    posts without a date (``date_field``) are told once at the end."""
    undated = Undated(date_field)
    pages = RepeatsInPages()  # a post twice in one page of a JSON Lines file
    for found in read_responses(path):
        if isinstance(found, (Problem, Notice)):
            yield found
            continue
        line, payload = found
        errors: list[str] = []
        try:
            rows = to_rows(payload, errors)
        except told as exc:
            yield Notice(str(path), f"line {line}: {exc}" if line else str(exc))
            continue
        except (ValueError, TypeError, AttributeError) as exc:
            yield Problem(str(path), line or 1, str(exc))
            continue
        problems = (Problem(str(path), line, message) for message in errors)
        # a whole file's: each on the line its entry starts on
        yield from problems if line is not None else with_lines(path, problems)
        undated.add(rows)
        rows = observed_by_newest_post(rows)  # a saved response says not when it was fetched
        if rows:
            yield Record(rows=tuple(rows), provenance=provenance(source, path, line), raw=payload)
        # a whole document is stored as one response: its entries found again are told here
        if line is None and (repeats := repeats_in_document(path, payload)) is not None:
            yield Notice(str(path), repeats)
        elif line is not None:
            pages.add(payload, line)
    if (notice := undated.notice(path)) is not None:
        yield notice
    if (repeated := pages.note()) is not None:
        yield Notice(str(path), repeated)


def unread_line(path: Path, number: int, exc: Exception) -> Problem:
    """A line of a JSON Lines file that does not read, told with the entries it held, each
    counted as skipped: a page of 100 posts is 100 records lost, not 1."""
    doc = getattr(exc, "doc", "")  # the line (json's and orjson's errors keep it)
    entries = count_entries(doc) if isinstance(doc, str) else 0
    message = json_error_message(exc)
    if entries > 1:  # a page: the posts on it went with it
        message += f"; the {entries:,} entries on this line were not read"
    return Problem(str(path), number, with_line_advice(message), max(entries, 1))
