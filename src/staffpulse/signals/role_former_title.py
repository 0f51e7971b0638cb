"""A former recruiter or HR person is neither, unless the account still says so elsewhere.

The recruiter and HR cues of :mod:`staffpulse.signals.role_cues` read the title wherever it
stands, so "Former recruiter, now a full-time potter." was a recruiter (0.97) and "Retired HR
director. Golf and grandkids." an hr_pro (0.99): the heads learned the title, not the word
before it. By the guidelines both roles are a person's current job.

So when the tagger's role is recruiter or hr_pro and every recruiting or HR title in the bio
is a past one ("ex-recruiter", "former HR manager", "retired HR director", "recovering
recruiter", "recruiter turned …"), the bio with those left out says no recruiting, HR or
staffing word (the cues of those roles, "hiring", "talent", "HR"), and the posts do not
recruit for clients (:mod:`staffpulse.signals.role_recruiter_posts`), the scores of the two
roles go to other. "Ex-recruiter, now Head of Talent Acquisition" and "Former teacher turned
recruiter" keep their role; "Ex-Google recruiter" is a recruiter who left Google, not one who
left recruiting. Kind and the other scores stay. Prior knowledge after the heads, like the
other rules; what it changed on the dev and CrowdFlower files is in
``docs/models/roles.md`` (stop 33).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_cues import TRADE_CUES
from staffpulse.signals.role_inputs import TextInput
from staffpulse.signals.role_recruiter_posts import posts_recruit_for_clients
from staffpulse.signals.role_score_moves import move_role_scores, rows_tagged
from staffpulse.signals.role_text import to_ascii

__all__ = ["drop_former_titles", "names_only_former_titles"]

_GATED = [ROLES.index("recruiter"), ROLES.index("hr_pro")]
_OTHER = ROLES.index("other")

_TITLE = (
    r"(?:recruiters?|headhunters?|sourcers?|recruitment\s+consultants?"
    r"|talent\s+acquisition(?:\s+(?:partner|specialist|lead|manager|director))?"
    r"|(?:hr|hrd|human\s+resources|people\s+ops)(?:\s+(?:manager|director|professional|pro|consultant"
    r"|generalist|business\s+partner|leader|specialist|advisor|adviser|officer|executive|lead))?"
    r"|hrbp|chro|head\s+of\s+(?:people|hr)|vp\s+(?:of\s+)?(?:people|hr))\b"
)
# a qualifier of the work, not an employer: "ex-tech recruiter", not "Ex-Google recruiter"
_QUALIFIER = (
    r"(?:(?:tech|technical|it|agency|corporate|executive|senior|in-house|nurse|healthcare)\s+)?"
)
_FORMER = re.compile(
    rf"\bex[\s-]+{_QUALIFIER}{_TITLE}"
    # "former Google recruiter", not "Former teacher turned recruiter" (a recruiter now)
    r"|\b(?:former|formerly\s+an?|recovering|retired|one-time|onetime)\s+"
    r"(?:(?!turned\b|now\b|and\b)[\w&'-]+\s+){0,2}?"
    rf"{_TITLE}"
    rf"|\b{_TITLE}\s+turned\b",
    re.IGNORECASE,
)
# what still says the account recruits or works in HR once the past titles are left out
_STILL = re.compile(TRADE_CUES + r"|hiring|talent|(?-i:\bHR\b)", re.IGNORECASE)
# an owner hiring for their own business ("Now hiring for my bakery!", "hiring at our cafe"):
# no recruiting work, so not a reason to keep the past title
_OWN_HIRING = re.compile(
    r"\b(?:now\s+|i'?m\s+|we'?re\s+)?hiring\s+(?:for|at|in)\s+(?:my|our)\s+(?:own\s+)?"
    r"(?:(?!team\b|clients?\b|company\b|firm\b|agency\b)[\w'&-]+)",
    re.IGNORECASE,
)


def names_only_former_titles(bio: str | None, posts: TextInput = None) -> bool:
    """The bio names a recruiting or HR title of the past and nothing says the account still
    recruits or works in HR (module docstring)."""
    text = to_ascii(bio or "")
    if _FORMER.search(text) is None:
        return False
    rest = _OWN_HIRING.sub(" ", _FORMER.sub(" ", text))
    return _STILL.search(rest) is None and not posts_recruit_for_clients(posts)


def drop_former_titles(
    bios: Sequence[str | None], posts: Sequence[TextInput], scores: np.ndarray
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which an account tagged recruiter or hr_pro whose bio
    names only past titles of those roles (:func:`names_only_former_titles`) has their scores
    moved to other. Only the accounts tagged so are read; ``scores`` is not changed."""
    tagged = rows_tagged(scores, _GATED)
    former = [i for i in tagged if names_only_former_titles(bios[i], posts[i])]
    return move_role_scores(scores, former, _GATED, _OTHER)
