"""Cohort segments: the groups a cohort file may put each account in, and the ways people write
them ("staffing agency", "job boards", "HR people"); a misspelled one is offered the closest
("did you mean vendor?")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from difflib import get_close_matches

from staffpulse.next_steps import SEGMENT_CHOICES
from staffpulse.report.counts import join_or

# a job board is a group of its own: merged into the vendors, its feeds (job ads, no reply)
# made most of a real cohort's "Vendors" and so the claims "vendors beat staffing firms"
SEGMENTS = ("staffing_firm", "vendor", "job_board", "recruiter", "hr", "other")
SEGMENT_LABELS = {
    "staffing_firm": "Staffing firms",
    "vendor": "Vendors",
    "job_board": "Job boards",
    "recruiter": "Recruiters",
    "hr": "HR people",
    "other": "Other",
    "unknown": "No segment",
}
# one account's segment in words, as the league table shows it (the JSON keeps the keys)
SEGMENT_WORDS = {
    "staffing_firm": "Staffing firm",
    "vendor": "Vendor",
    "job_board": "Job board",
    "recruiter": "Recruiter",
    "hr": "HR",
    "other": "Other",
    "unknown": "No segment",
}


def name_segments(*, choices: bool = True) -> str:
    """The segments a cohort file may name, in words, for a message or a help text: "staffing
    firm, vendor, job board, recruiter, HR or other" (``choices=False``: "…, HR, other")."""
    words = [SEGMENT_WORDS[s] if s == "hr" else SEGMENT_WORDS[s].lower() for s in SEGMENTS]
    return join_or(words) if choices else ", ".join(words)


# How a line says it has no segment: blank, or the words the league table and its CSV write
# (so a league CSV read back as a cohort keeps its accounts without a note on each).
_NO_SEGMENT = frozenset({"no_segment", "none", "unknown"})
_ALIASES = {
    "staffing_firm": "staffing_firm",
    "staffing_firms": "staffing_firm",
    "staffing": "staffing_firm",
    "staffing_company": "staffing_firm",
    "staffing_companies": "staffing_firm",
    "staffing_agency": "staffing_firm",
    "staffing_agencies": "staffing_firm",
    "recruiting_agency": "staffing_firm",
    "recruitment_agency": "staffing_firm",
    "recruiting_firm": "staffing_firm",
    "recruitment_firm": "staffing_firm",
    "temp_agency": "staffing_firm",
    "agency": "staffing_firm",
    "agencies": "staffing_firm",
    "firm": "staffing_firm",
    "vendor": "vendor",
    "vendors": "vendor",
    "job_board": "job_board",
    "job_boards": "job_board",
    "jobboard": "job_board",
    "jobboards": "job_board",
    "job_site": "job_board",
    "job_sites": "job_board",
    "hr_tech": "vendor",
    "recruiter": "recruiter",
    "recruiters": "recruiter",
    "hr": "hr",
    "hr_pro": "hr",
    "hr_pros": "hr",
    "hr_professional": "hr",
    "hr_professionals": "hr",
    "hr_people": "hr",
    "human_resources": "hr",
    "other": "other",
    "others": "other",
    # the roles `staffpulse roles` and connect name that are no segment of the claims: in
    # "other", as the role model's guesses put them (segment_guesses.ROLE_SEGMENTS), not
    # refused as an "unknown segment" and left without one
    "employer": "other",
    "employers": "other",
    "job_seeker": "other",
    "job_seekers": "other",
}
# How close a misspelled segment must be to a known spelling to be offered it ("vendr": vendor)
_CLOSE_ENOUGH = 0.8


def _key(value: str) -> str:
    """A segment as written, as the aliases spell it: "Staffing-Firm" -> "staffing_firm"."""
    return "_".join(value.strip().lower().replace("-", " ").replace("_", " ").split())


def normalize_segment(value: str | None) -> str | None:
    """The canonical segment for a user's spelling, None when blank or "no segment"; raises
    ValueError."""
    if value is None or not value.strip():
        return None
    key = _key(value)
    if key in _NO_SEGMENT:
        return None
    if key not in _ALIASES:
        close = get_close_matches(key, list(_ALIASES), n=1, cutoff=_CLOSE_ENOUGH)
        guess = f": did you mean {_ALIASES[close[0]]}?" if close else ""
        choices = SEGMENT_CHOICES.say(segments=", ".join(SEGMENTS))
        raise ValueError(f"unknown segment {value.strip()!r}{guess} {choices}")
    return _ALIASES[key]


# how a report a client reads names the segments: the words the league table shows, which
# a cohort file accepts too ("staffing firm", "HR"), never the JSON's keys ("staffing_firm")
_IN_WORDS = {
    name: words if words.isupper() else words.lower()
    for name, words in SEGMENT_WORDS.items()
    if name in SEGMENTS
}
_KEY_RE = re.compile(r"(?<![\w@.-])(staffing_firm|job_board|hr)(?![\w@.-])")


def segments_in_words(text: str) -> str:
    """``text`` (a cohort line's problem) with each segment key in words: "use one of:
    staffing firm, vendor, job board, recruiter, HR, other", "did you mean staffing firm?"."""
    choices = ", ".join(SEGMENTS)
    text = text.replace(choices, ", ".join(_IN_WORDS[name] for name in SEGMENTS))
    return _KEY_RE.sub(lambda m: _IN_WORDS[m.group(1)], text)


# The league CSV's column saying where each segment comes from (report/spreadsheet.py): a
# segment marked "guess" there is read back as the role model's guess, not as the user's own
SEGMENT_SOURCE = "segment_source"
GUESSED_SOURCE = "guess"
FILE_SOURCE = "cohort file"  # given by a cohort file: this run's, or one the store kept


def segment_source(segment: str, guessed: bool) -> str | None:
    """Where a league row's segment comes from, as its CSV and its JSON both say it:
    ``guess`` (the role model), ``cohort file``, or None for an account without one."""
    if guessed:
        return GUESSED_SOURCE
    return None if segment == "unknown" else FILE_SOURCE


def marked_guess(record: Mapping[str, str]) -> bool:
    """Whether a line of a league CSV read back as a cohort says its segment is the role
    model's guess (its ``segment_source`` is ``guess``)."""
    return (record.get(SEGMENT_SOURCE) or "").strip().lower() == GUESSED_SOURCE
