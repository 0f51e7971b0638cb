"""A founder of recruiting or HR software is a vendor, whatever recruiting past they tell.

By the guidelines a vendor sells to the hiring trade (firms that hire, their HR, recruiters:
applicant tracking, HR platforms), and may be a person as well as a company. A founder's bio
names the company and a recruiting past together ("Founder & CEO of Hirefold, the applicant
tracking system for small teams. Ex-recruiter."), and the heads read the recruiter words: such a founder came out
a recruiter, or other once the past title was dropped (:mod:`role_former_title`).

So when a founder's, co-founder's, CEO's or owner's title stands in the same sentence as a
product of the trade (the vendor cue of :mod:`staffpulse.signals.role_cues`: an ATS,
applicant tracking, recruiting or HR software or platform, HRIS, background checks, video
interviews, ...), the scores of recruiter, hr_pro, job_seeker and other go to vendor. Kind
stays (a founder is a person; a company's bio that names its CEO is the vendor rule's).
"Founder of a staffing firm" names no product and stays a recruiter (the guidelines: a person
who founded an agency), "Recruiter. Our ATS is a mess" names no founder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_cues import CUES
from staffpulse.signals.role_score_moves import move_role_scores, rows_tagged
from staffpulse.signals.role_text import to_ascii

__all__ = ["find_founder_bios", "founds_a_product", "move_founders_to_vendor"]

_MOVED = [ROLES.index(r) for r in ("recruiter", "hr_pro", "job_seeker", "other")]
_VENDOR = ROLES.index("vendor")
_PRODUCT = next(pattern for cue, _, pattern in CUES if cue == "bio_vendor_tech")
# a founder's title, then the product in the same sentence (no . ! ? | between them)
_FOUNDER = re.compile(
    r"\b(?:co-?founder|founder|ceo|cto|owner|creator|maker)\b[^.!?|\n]{0,80}?(?:"
    + _PRODUCT
    + r")|\b(?:i|we)\s+(?:built|build|founded|started|created|make)\s+[^.!?|\n]{0,60}?(?:"
    + _PRODUCT
    + r")",
    re.IGNORECASE,
)


def founds_a_product(bio: str | None) -> bool:
    """Whether the bio names its writer as founder or maker of recruiting or HR software."""
    return _FOUNDER.search(to_ascii(bio or "")) is not None


def find_founder_bios(bios: Sequence[str | None], scores: np.ndarray) -> list[int]:
    """The rows whose top role is one the rule moves and whose bio :func:`founds_a_product`."""
    return [i for i in rows_tagged(scores, _MOVED) if founds_a_product(bios[i])]


def move_founders_to_vendor(bios: Sequence[str | None], scores: np.ndarray) -> np.ndarray:
    """Role scores in which the founders of :func:`find_founder_bios` are vendors;
    ``scores`` is not changed."""
    return move_role_scores(scores, find_founder_bios(bios, scores), _MOVED, _VENDOR)
