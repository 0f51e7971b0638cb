"""Cohort files: handles, each with an optional platform and segment.

Accepted shapes (one account a line; blank lines and ``#`` comments are ignored):

- CSV with a header naming ``handle`` and optionally ``platform`` and ``segment``;
- plain lines: ``@handle``, ``@handle segment``, ``@handle platform segment``, separated by
  commas or spaces.

A bad line never stops the run: it is reported with its file and line number.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from staffpulse.errors import InputError, MissingFileError

SEGMENTS = ("staffing_firm", "vendor", "recruiter", "hr", "other")
SEGMENT_LABELS = {
    "staffing_firm": "Staffing firms",
    "vendor": "Vendors",
    "recruiter": "Recruiters",
    "hr": "HR people",
    "other": "Other",
    "unknown": "No segment",
}
_ALIASES = {
    "staffing_firm": "staffing_firm",
    "staffing_firms": "staffing_firm",
    "staffing": "staffing_firm",
    "staffing_company": "staffing_firm",
    "agency": "staffing_firm",
    "firm": "staffing_firm",
    "vendor": "vendor",
    "vendors": "vendor",
    "recruiter": "recruiter",
    "recruiters": "recruiter",
    "hr": "hr",
    "hr_pro": "hr",
    "hr_professional": "hr",
    "other": "other",
}
PLATFORMS = ("x", "twitter", "bluesky", "bsky", "mastodon", "csv")


@dataclass(frozen=True, slots=True)
class CohortEntry:
    handle: str
    platform: str | None
    segment: str | None
    line: int | None


@dataclass(frozen=True, slots=True)
class CohortProblem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "message": self.message}


def normalize_segment(value: str | None) -> str | None:
    """The canonical segment for a user's spelling, None when blank; raises ValueError."""
    if value is None or not value.strip():
        return None
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in _ALIASES:
        raise ValueError(f"unknown segment {value.strip()!r} (use one of: {', '.join(SEGMENTS)})")
    return _ALIASES[key]


def _platform(value: str) -> str:
    key = value.strip().lower()
    return {"twitter": "x", "bsky": "bluesky"}.get(key, key)


def parse_cohort(text: str, file: str) -> tuple[list[CohortEntry], list[CohortProblem]]:
    entries: list[CohortEntry] = []
    problems: list[CohortProblem] = []
    seen: dict[tuple[str, str | None], int] = {}
    lines = text.lstrip("\ufeff").splitlines()
    content = [
        (i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")
    ]
    if not content:
        return [], []
    first = content[0][1]
    header = [h.strip().lower() for h in next(csv.reader([first]))]
    rows: list[tuple[int, list[str], dict[str, str] | None]] = []
    if "handle" in header:
        for number, line in content[1:]:
            values = next(csv.reader(io.StringIO(line)))
            if len(values) > len(header):
                problems.append(
                    CohortProblem(
                        file, number, f"{len(values)} fields, the header has {len(header)}"
                    )
                )
                continue
            rows.append((number, [], dict(zip(header, values, strict=False))))
    else:
        for number, line in content:
            parts = [p.strip() for p in (line.split(",") if "," in line else line.split())]
            rows.append((number, [p for p in parts if p], None))
    for number, parts, record in rows:
        try:
            entry = _entry(number, parts, record)
        except ValueError as exc:
            problems.append(CohortProblem(file, number, str(exc)))
            continue
        key = (entry.handle, entry.platform)
        if key in seen:
            problems.append(
                CohortProblem(file, number, f"@{entry.handle} is already on line {seen[key]}")
            )
            continue
        seen[key] = number
        entries.append(entry)
    return entries, problems


def _entry(number: int, parts: list[str], record: dict[str, str] | None) -> CohortEntry:
    if record is not None:
        handle = (record.get("handle") or "").strip().lstrip("@")
        platform = (record.get("platform") or "").strip()
        segment = normalize_segment(record.get("segment"))
    else:
        if len(parts) > 3:
            raise ValueError(
                "too many fields (expected: handle, optional platform, optional segment)"
            )
        handle = parts[0].lstrip("@") if parts else ""
        platform, segment = "", None
        if len(parts) == 3:
            platform, segment = parts[1], normalize_segment(parts[2])
        elif len(parts) == 2:
            if parts[1].lower() in PLATFORMS:
                platform = parts[1]
            else:
                segment = normalize_segment(parts[1])
    if not handle or " " in handle:
        raise ValueError("no handle on this line")
    return CohortEntry(handle.lower(), _platform(platform) or None, segment, number)


def read_cohort(path: Path) -> tuple[list[CohortEntry], list[CohortProblem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MissingFileError(
            f"cohort file {path} does not exist", hint="check the path"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"cohort file {path} cannot be read: {exc}", hint="save it as UTF-8 text or CSV"
        ) from exc
    return parse_cohort(text, str(path))
