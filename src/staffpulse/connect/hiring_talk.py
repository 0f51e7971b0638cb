"""Whether an account outside the hiring trade talks about hiring in its own posts.

Connect leaves role ``other`` out by default ("outside hiring"), but for a staffing firm the
buyers are there: a CFO or an operations manager whose posts ask how to hire finance
candidates or how long contract-to-perm placements last is a hiring manager, the account most
worth following, and the role tagger rightly calls such a person ``other`` (not a recruiter,
not HR). So an account a quarter of whose own posts talk about hiring (:func:`talks_hiring`)
is kept by default and said as such.

A post talks about hiring when it holds a phrase of the hiring process (hiring, new hires,
candidates, applicants, job interviews, placements, contract-to-perm, open roles, vacancies,
headcount, onboarding, staffing), unless it speaks of sports recruiting ("4-star recruit",
"commits to") or of an election's candidates, which use the same words; marketing's "ad
placements" and "user onboarding" are no hiring words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["HIRING_SHARE", "count_hiring_posts", "talks_about_hiring", "talks_hiring"]

#: the share of its own posts that must talk about hiring: a news account's or a brand's
#: occasional "hiring" headline is not enough
HIRING_SHARE = 0.25

_HIRING = re.compile(
    r"\b(?:hiring|hired|new\s+hires?|to\s+hire|recruit(?:ing|ers?|ment|ed)?|headcount"
    r"|onboarding|job\s+(?:ads?|offers?|openings?|interviews?|postings?)"
    r"|candidates?|applicants?|placements?|contract[- ]to[- ](?:perm|hire)|temp[- ]to[- ]hire"
    r"|open\s+(?:roles?|positions?|reqs?)|vacanc(?:y|ies)|staffing|talent\s+(?:pool|shortage))\b",
    re.IGNORECASE,
)
# The same words in sports recruiting and in elections
_NOT_HIRING = re.compile(
    r"\b(?:[2-5][- ]?stars?|commit(?:s|ted|ment)?\s+to|class\s+of\s+\d{4}|football|basketball"
    r"|baseball|soccer|election|ballot|vote[sd]?|voting|primar(?:y|ies)|debate|campaign"
    r"|senate|congress|mayor(?:al)?|parliament)\b",
    re.IGNORECASE,
)


# The same words in marketing, which a marketer's circle talks about daily: a post about "ad
# placements" or "user onboarding" is no hiring manager's; only the phrase is set aside, so
# "hiring for our customer onboarding team" still talks hiring
_MARKETING = re.compile(
    r"\b(?:ads?|paid|media|product|brand|banner|sponsored)\s+placements?\b"
    r"|\b(?:user|customer|client|app|product|seller|merchant)\s+onboarding\b",
    re.IGNORECASE,
)


def talks_about_hiring(text: str) -> bool:
    """Whether one post talks about hiring (module docstring)."""
    words = _MARKETING.sub(" ", text)
    return _HIRING.search(words) is not None and _NOT_HIRING.search(words) is None


def count_hiring_posts(texts: Sequence[str]) -> int:
    """How many of ``texts`` talk about hiring."""
    return sum(talks_about_hiring(t) for t in texts)


def talks_hiring(hiring_posts: int | None, judged: int | None) -> bool:
    """Whether an account whose ``judged`` own posts hold ``hiring_posts`` about hiring talks
    hiring: at least one, and :data:`HIRING_SHARE` of them."""
    if not hiring_posts or not judged:
        return False
    return hiring_posts >= HIRING_SHARE * judged
