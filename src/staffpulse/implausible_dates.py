"""Posts dated when no post can have been written, told once per file as it is imported.

The rule is :func:`staffpulse.dates.plausible_post_time`: not before the platform's first
posts, nor after this import. Such a post is imported whole, raw payload and all (its text is
real, and a later fix of its date comes in as an update), so nothing is skipped; but the
audit reads it as undated, and the user hears how many there were, where the first one is,
and what is done with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from staffpulse.dates import PLATFORM_BEGAN, platform_began, plausible_post_time
from staffpulse.models import Post, platform_name
from staffpulse.sources.base import Notice
from staffpulse.store.core import Record


@dataclass
class _Seen:
    """A file's posts with impossible dates: how many, and the first one's place and date."""

    count: int = 0
    line: int | None = None
    post_id: str = ""
    moment: datetime | None = None
    platform: str = ""


@dataclass
class ImplausibleDates:
    """The check of an import's records: :meth:`check` each, then :meth:`notices` once."""

    imported: datetime = field(default_factory=lambda: datetime.now(UTC))
    by_file: dict[str, _Seen] = field(default_factory=dict)

    def check(self, record: Record) -> None:
        for row in record.rows:
            if not isinstance(row, Post) or row.created_at is None:
                continue
            if plausible_post_time(row.platform, row.created_at, self.imported):
                continue
            seen = self.by_file.setdefault(record.provenance.location, _Seen())
            if not seen.count:
                seen.line, seen.post_id = record.provenance.line, row.id
                seen.moment, seen.platform = row.created_at, row.platform
            seen.count += 1

    def notices(self) -> list[Notice]:
        return [Notice(location, _note(seen)) for location, seen in self.by_file.items()]


def _note(seen: _Seen) -> str:
    where = f"line {seen.line}" if seen.line is not None else f"post {seen.post_id}"
    when = seen.moment.date().isoformat() if seen.moment else "?"
    began = platform_began(seen.platform).year
    platform = (
        f"before {platform_name(seen.platform)} existed ({began})"
        if seen.platform in PLATFORM_BEGAN
        else f"before {began}"
    )
    if seen.count == 1:
        said, first = "1 post is", f"{where}: {when}"
        kept = "imported with its data, but its date is"
    else:
        said, first = f"{seen.count:,} posts are", f"the first, {where}: {when}"
        kept = "imported with their data, but their dates are"
    return (
        f"{said} dated {platform} or after this import, when no post can have been written "
        f"({first}): {kept} left out of the audit's span, its 30- and 90-day windows "
        "and its rates per week"
    )
