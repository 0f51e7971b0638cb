"""The ``errors`` X lists beside the data of a v2 response, told once per file.

X answers a request for a tweet or user it cannot give (deleted, suspended, protected) with an
entry in ``errors`` rather than a failure: twarc2 keeps them in its pages (a user's pinned
tweet that is gone, a mentioned account that is suspended). They are no data to import and
cost no record, but a user reading "Skipped 0 records" should still hear that the file names
things X did not return, counted by kind, not one line each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from staffpulse.report.counts import count_of, join_and

# X's resource types, as people call them
_NOUNS = {"tweet": "post", "user": "user", "media": "media item", "poll": "poll", "place": "place"}
_NOT_FOUND, _NOT_AUTHORISED = "not found", "not authorised"


def _kind_of(error: Mapping[str, Any]) -> tuple[str, str]:
    """(what, why) of one error entry: ("user", "suspended"), ("post", "not found")."""
    noun = _NOUNS.get(str(error.get("resource_type") or ""), "")
    title = str(error.get("title") or "")
    said = " ".join(str(error.get(key) or "") for key in ("type", "title", "detail")).lower()
    if not noun:
        return "", title or "unknown"
    if "suspended" in said:
        return noun, "suspended"
    if "not-authorized" in said or "not authorized" in said or "authorization" in said:
        return noun, _NOT_AUTHORISED
    if "not-found" in said or "not found" in said or "could not find" in said:
        return noun, _NOT_FOUND
    return noun, title.lower() or "unavailable"


@dataclass
class ApiErrors:
    """The ``errors`` entries of one file's responses, counted by kind as they are read."""

    kinds: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, payload: Mapping[str, Any]) -> None:
        errors = payload.get("errors")
        for error in errors if isinstance(errors, list) else ():
            self.kinds[_kind_of(error) if isinstance(error, dict) else ("", "unknown")] += 1

    def message(self) -> str | None:
        """What to tell about the file's errors, or None when it lists none."""
        total = sum(self.kinds.values())
        if not total:
            return None
        merged: Counter[tuple[str, str]] = Counter()
        hidden = (_NOT_FOUND, _NOT_AUTHORISED)
        for (noun, why), count in self.kinds.items():
            # a missing and a hidden post are alike to the user: one count, both reasons
            if why in hidden and {(noun, reason) for reason in hidden} <= self.kinds.keys():
                why = " or ".join(hidden)
            merged[(noun, why)] += count
        parts = [
            f"{count_of(count, noun)} {why}" if noun else f"{count:,} “{why}”"
            for (noun, why), count in sorted(merged.items(), key=lambda item: -item[1])
        ]
        one = total == 1
        return (
            f"the file also lists {count_of(total, 'error')} X returned ({join_and(parts)});"
            f" {'it was' if one else 'they were'} not data to import"
        )
