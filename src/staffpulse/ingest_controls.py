"""Control characters in an imported text, bio or display name: dropped before they are stored
(:mod:`staffpulse.store.control_characters` says why, and the store drops them from fetched
and listened posts too), and each file told once how many records had them (docs/formats.md).
"""

from __future__ import annotations

import dataclasses

from staffpulse.report.counts import count_of
from staffpulse.sources.base import Notice
from staffpulse.store.control_characters import row_without_controls
from staffpulse.store.core import Record


class ControlCharacters:
    """The records of an import whose words held control characters: cleaned, counted."""

    def __init__(self) -> None:
        self.by_file: dict[str, int] = {}

    def clean(self, record: Record) -> Record:
        """``record`` with its rows' words free of control characters."""
        rows = tuple(row_without_controls(row) for row in record.rows)
        if all(new is old for new, old in zip(rows, record.rows, strict=True)):
            return record
        location = record.provenance.location
        self.by_file[location] = self.by_file.get(location, 0) + 1
        return dataclasses.replace(record, rows=rows)

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
