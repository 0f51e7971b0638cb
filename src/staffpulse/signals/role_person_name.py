"""Whether a screen name or display name is shaped like a person's name.

Hashed character n-grams of a name know only the first names that the 2015 CrowdFlower
accounts happen to hold. A list of common first names and surnames (the US Census Bureau's,
public domain; ``scripts/roles_person_names.py`` writes it) reaches past them:
``JaneSmith``, ``bonniehart1`` and "Jane Smith" open with a first name followed by a name, while
``TCGJobs``, ``AcmeStaffing`` and ``MikeandPattys`` do not. On the CrowdFlower accounts, 809 of
the 858 whose screen name has that full shape are people (94%), and all 31 of the dev accounts.
The shape is a feature of the heads (:mod:`staffpulse.signals.role_features`, crossed with the
bio's "we" and "I"), and it decides the rule for placement bios: the same "We place nurses across
Ohio." is a firm's under a brand's name and a solo recruiter's under a person's
(:mod:`staffpulse.signals.role_placement_bio`).

Every function takes the name already split into lower-case words
(:func:`staffpulse.signals.role_features.split_name`: ``JaneSmith`` -> ``jane smith``).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

NAMES_FILE = Path(__file__).resolve().parent / "artifacts" / "person_names.json"
# a title before the name says nothing about its shape ("Dr Jane Smith")
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "sir", "rev"})
# a first name inside one lower-case word ("bonniehart"): both parts have 3 letters or more,
# as the names in the list do
_MIN_PART = 3
# words that make a person's name a firm's ("Jane Smith Staffing", "Smith & Jones Partners")
_FIRM_WORDS = frozenset(
    {
        "agency", "associates", "careers", "co", "company", "consulting", "corp", "global",
        "group", "hiring", "hr", "inc", "international", "jobs", "llc", "ltd", "partners",
        "personnel", "recruiting", "recruitment", "search", "services", "solutions",
        "staffing", "talent", "team",
    }
)  # fmt: skip


@dataclass(frozen=True)
class NameShape:
    """``first``: opens with a common first name; ``full``: a first name followed by a first
    name, a surname or an initial ("Jane Smith", "Jane S"); ``surname``: holds a surname."""

    first: bool = False
    full: bool = False
    surname: bool = False


@functools.lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    return frozenset(data["first"]), frozenset(data["last"])


def _words(split: str) -> list[str]:
    words = [w for w in split.split() if w.isalpha()]
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    return words


def name_shape(split: str) -> NameShape:
    """The :class:`NameShape` of a split name."""
    first_names, surnames = _names()
    words = _words(split)
    if not words:
        return NameShape()
    surname = any(w in surnames for w in words)
    head = words[0]
    if head in first_names:
        rest = words[1] if len(words) > 1 else ""
        full = len(rest) == 1 or rest in first_names or rest in surnames
        return NameShape(first=True, full=full, surname=surname)
    for cut in range(len(head) - _MIN_PART, _MIN_PART - 1, -1):
        tail = head[cut:]
        if head[:cut] in first_names and (tail in surnames or tail in first_names):
            return NameShape(first=True, full=True, surname=surname)
    return NameShape(surname=surname)


def is_a_persons_name(split: str) -> bool:
    """A first name and a name, and no word of a firm's ("Jane Smith", not "Jane Smith Staffing")."""
    return name_shape(split).full and not _FIRM_WORDS.intersection(_words(split))
