"""What an export hands back (:class:`ExportResult`), and the words every format shares;
kept apart from :mod:`staffpulse.connect.export` so that each format module can use them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from staffpulse.models import NO_PLATFORM, platform_name

DEFAULT_LIST_NAME = "staffpulse suggestions"
NO_HANDLE = "no handle stored, only the account id (fetch the account, then export again)"


@dataclass
class ExportResult:
    """The text to write plus the suggestions that could not be expressed in the format."""

    format: str
    text: str
    written: int
    skipped: list[str] = field(default_factory=list)  # "@handle: why"
    notes: list[str] = field(default_factory=list)  # what was changed to fit the format
    encoding: str = "utf-8"  # how the file is written: utf-8-sig for the spreadsheet CSV

    def data(self) -> bytes:
        """The file's bytes, as :func:`write_export` writes them (a download sends these)."""
        return self.text.encode(self.encoding)

    def summary(self, path: Path | None = None) -> dict[str, Any]:
        """What was exported, for ``--json``: format, path, written, skipped and notes."""
        return {
            "format": self.format,
            "path": str(path) if path is not None else None,
            "written": self.written,
            "skipped": list(self.skipped),
            "notes": list(self.notes),
        }

    def left_out_line(self, name: str) -> str | None:
        """What the export leaves out and why, as a sentence for a page that offers it as a
        download (a download tells nothing once clicked); None when it keeps every one."""
        if not self.skipped:
            return None
        total = self.written + len(self.skipped)
        why = "; ".join(f"{n:,} × {reason}" for reason, n in self.skip_reasons().items())
        return f"The {name} leaves out {len(self.skipped):,} of the {total:,} suggestions: {why}."

    def skip_reasons(self) -> dict[str, int]:
        """How many suggestions were skipped for each reason, in the order first met."""
        reasons: dict[str, int] = {}
        for line in self.skipped:
            why = line.partition(": ")[2] or line
            reasons[why] = reasons.get(why, 0) + 1
        return reasons


def not_for_platform(platform: str, target: str) -> str:
    """Why an account is left out of another platform's format."""
    if platform == NO_PLATFORM:  # where the rows came from, never "a csv account"
        return f"from a CSV with no platform column, not known as {platform_name(target, article=True)} account"
    return f"{platform_name(platform, article=True)} account, not {platform_name(target, article=True)} one"
