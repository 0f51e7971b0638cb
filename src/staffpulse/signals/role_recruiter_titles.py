"""A person whose bio names a sourcer's, a headhunter's or an executive search title is a
recruiter.

The guidelines' recruiter is one human who hires for a living, in-house or for an agency,
headhunters included, and sourcers find the candidates recruiters hire. The
cues read "sourcer" and "headhunter", but only two dev accounts carry them, so the heads weigh
them little: "Sourcer. Boolean nerd. I find the people nobody else can." came out other (0.60)
and "Executive search, board and C-suite. Partner at …" a recruiter at 0.76, under the 0.9
that the inbox and Connect call sure.

So an account that the heads call a person (``p_org`` under 0.5) and tag other, recruiter or
hr_pro, whose bio holds such a title ("sourcer", "talent sourcing", "headhunter",
"executive search", "retained search"; not procurement's "strategic sourcing"), gets every
role score but vendor's and job_seeker's moved to recruiter, as a title in another language
does (:mod:`staffpulse.signals.role_foreign_titles`). An organization's bio ("Executive
search for the C-suite.") is left to the agency rules. Runs before the rule of past titles,
so "Former sourcer, now a baker" is still other. On the 500 dev accounts the titles appear on
2 accounts, both labeled recruiter and tagged so; on the 15,531 CrowdFlower accounts on 3, those
two and an executive search firm. Prior knowledge after the heads: nothing is retrained
(``docs/models/roles.md``, stop 34).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_score_moves import move_role_scores, persons_tagged, roles_but
from staffpulse.signals.role_text import to_ascii

__all__ = ["find_recruiter_titles", "names_a_recruiters_title"]

_RECRUITER = ROLES.index("recruiter")
_READ = [ROLES.index(r) for r in ("other", "recruiter", "hr_pro")]
_MOVED = roles_but("recruiter", "vendor", "job_seeker")

_TITLE = re.compile(
    r"\bsourcer\b|\b(?:talent|technical|tech|recruiting|recruitment)\s+sourc(?:ing|er)\b"
    r"|\bhead[- ]?hunt(?:er|ers|ing)?\b|\b(?:executive|retained)\s+search\b",
    re.IGNORECASE,
)


def names_a_recruiters_title(bio: str | None) -> bool:
    """Whether the bio holds a sourcer's, a headhunter's or an executive search title."""
    return bool(bio) and _TITLE.search(to_ascii(bio or "")) is not None


def find_recruiter_titles(
    bios: Sequence[str | None], p_org: np.ndarray, scores: np.ndarray
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which a person tagged other, recruiter or hr_pro
    whose bio names such a title (:func:`names_a_recruiters_title`) is a recruiter. Only those
    accounts' bios are read; ``scores`` is not changed."""
    read = persons_tagged(scores, p_org, _READ)
    found = [i for i in read if names_a_recruiters_title(bios[i])]
    return move_role_scores(scores, found, _MOVED, _RECRUITER)
