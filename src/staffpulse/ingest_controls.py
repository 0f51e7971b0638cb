"""Control characters in an imported text, bio or display name, dropped before they are stored.

A NUL, an ESC or a BEL in a post or a bio (a broken export, a copy from a terminal) is shown by
no one: a terminal acts on it instead (ESC starts a sequence that recolours or moves the
screen, BEL rings), an HTML page or a CSV opened in a spreadsheet shows a box or cuts the cell.
Every place that shows the store's words would have to guard against them, so they never get
in: each C0 control but tab, line feed and carriage return (a line break written on Windows)
is dropped at import, and each file told once how many records had them (docs/formats.md).
"""

from __future__ import annotations

import dataclasses
import re

from staffpulse.models import Account, Follow, Post
from staffpulse.report.counts import count_of
from staffpulse.sources.base import Notice
from staffpulse.store.core import Record

_CONTROLS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def without_controls(value: str) -> str:
    """``value`` without the C0 controls but tab and line breaks."""
    return _CONTROLS_RE.sub("", value)


class ControlCharacters:
    """The records of an import whose words held control characters: cleaned, counted."""

    def __init__(self) -> None:
        self.by_file: dict[str, int] = {}

    def clean(self, record: Record) -> Record:
        """``record`` with its rows' words free of control characters."""
        rows = tuple(self._clean_row(row) for row in record.rows)
        if all(new is old for new, old in zip(rows, record.rows, strict=True)):
            return record
        location = record.provenance.location
        self.by_file[location] = self.by_file.get(location, 0) + 1
        return dataclasses.replace(record, rows=rows)

    @staticmethod
    def _clean_row(row: Account | Post | Follow) -> Account | Post | Follow:
        if isinstance(row, Post) and _CONTROLS_RE.search(row.text):
            return dataclasses.replace(row, text=without_controls(row.text))
        if isinstance(row, Account) and _CONTROLS_RE.search(row.display_name + row.bio):
            return dataclasses.replace(
                row, display_name=without_controls(row.display_name), bio=without_controls(row.bio)
            )
        return row

    def notices(self) -> list[Notice]:
        return [
            Notice(
                location,
                f"{count_of(count, 'record')} held control characters (such as "
                "NUL, ESC or BEL) in a text, bio or name, which no one can see and a terminal "
                "acts on: they were dropped, tabs and line breaks kept",
            )
            for location, count in self.by_file.items()
        ]
