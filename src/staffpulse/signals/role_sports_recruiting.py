"""Recruiting athletes is no recruiting of staff: a sports recruiter is ``other``.

By the guidelines a recruiter fills jobs, and sports belong to ``other``; but the heads read
the word "recruiting" wherever it stands, and the cue against sports recruiting
(``bio_sports_recruit`` in :mod:`staffpulse.signals.role_cues`) does not outweigh it: a
college coach who recruits players for a team, or a "volleyball recruiting coordinator", was
a recruiter (the failure mode "Sports recruiting" of ``docs/models/roles.md``).

So when the top role is recruiter, hr_pro, staffing_firm or vendor and the bio names the
recruiting of athletes (that cue: a sport or "athletic" within a few words of "recruit"; or a
recruiting coach or coordinator in a bio that names a sport), with no word of hiring for jobs
("jobs", "careers", "hiring", "staffing", "talent acquisition", "candidates", "placement",
"executive search"), those roles' scores go to other. Kind stays. "Recruiter for sports
industry jobs" and "Sports staffing agency" keep their role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_score_moves import move_role_scores, rows_tagged
from staffpulse.signals.role_text import to_ascii

__all__ = ["drop_sports_recruiters", "recruits_athletes"]

_MOVED = [ROLES.index(r) for r in ("recruiter", "hr_pro", "staffing_firm", "vendor")]
_OTHER = ROLES.index("other")

_SPORT = (
    r"(?:football|basketball|soccer|baseball|softball|volleyball|hockey|lacrosse|wrestling"
    r"|athletics?|athletic|athletes?|ncaa|hoops|track\s+(?:and|&)\s+field|college\s+sports)"
)
# in one sentence: a sport then "recruiting", "recruiting athletes", a recruiting coach by a sport
_ATHLETES = re.compile(
    rf"\b{_SPORT}\W+(?:\w+\W+)?recruit(?:ing|ment)\b"
    r"|\brecruit(?:ing)?\s+(?:(?:for|of)\s+)?(?:student[\s-]+)?(?:athletes|prospects|players)\b",
    re.IGNORECASE,
)
_RECRUITING_COACH = re.compile(r"\brecruit\w*\s+(?:coach|coordinator)", re.IGNORECASE)
_SPORT_RE = re.compile(rf"\b{_SPORT}\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?|\n]+")
_JOBS = re.compile(
    r"\b(?:jobs?|careers?|hiring|staffing|talent\s+acquisition|candidates?|placements?"
    r"|executive\s+search|employ\w*)\b",
    re.IGNORECASE,
)


def recruits_athletes(bio: str | None) -> bool:
    """Whether the bio recruits athletes and names no hiring for jobs (module docstring)."""
    text = to_ascii(bio or "")
    if _JOBS.search(text):
        return False
    return any(
        _ATHLETES.search(sentence)
        or (_RECRUITING_COACH.search(sentence) and _SPORT_RE.search(sentence))
        for sentence in _SENTENCE_END.split(text)
    )


def drop_sports_recruiters(bios: Sequence[str | None], scores: np.ndarray) -> np.ndarray:
    """Role scores in which the accounts tagged one of the moved roles whose bio
    :func:`recruits_athletes` are other; ``scores`` is not changed."""
    athletes = [i for i in rows_tagged(scores, _MOVED) if recruits_athletes(bios[i])]
    return move_role_scores(scores, athletes, _MOVED, _OTHER)
