"""Weekly roundups of openings: the one "jobs this week" post Mix advises instead of an ad per
opening. Posted every week in the same shape, they are near-copies of each other, and Voice
told the account that followed the advice to "rewrite each one": they are no template to
hold against its voice, so long as they come about once a week."""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

from staffpulse.audit.types import Frame

_OPENINGS = r"(?:jobs?|openings?|roles?|positions?|vacanc(?:y|ies)|opportunit(?:y|ies)|gigs?)"
# how a roundup names itself: "Jobs this week", "this week's openings", "weekly job roundup",
# "#JobsThisWeek", "hiring roundup"
_ROUNDUP = re.compile(
    rf"\b{_OPENINGS}\s+(?:of\s+)?(?:this|the)\s+week\b"
    rf"|\bthis\s+week[’']?s\s+(?:(?:top|hot|new|featured|open)\s+)*{_OPENINGS}\b"
    rf"|\bweekly\s+(?:(?:job|hiring)\s+)?(?:{_OPENINGS}|hiring|round-?up|digest)\b"
    rf"|\b(?:{_OPENINGS}|hiring)\s+(?:round-?up|digest)\b"
    r"|#jobsthisweek\b",
    re.IGNORECASE,
)
# a roundup comes weekly: one sooner after the last one spared is counted as any post is
MIN_DAYS_APART = 5.0
_DAY = 86_400.0


def names_itself_a_roundup(text: str) -> bool:
    """Whether a post calls itself a weekly roundup of openings ("Jobs this week: 3 forklift,
    2 picker roles in Dayton, all at one link")."""
    return _ROUNDUP.search(text) is not None


def weekly_roundups(frame: Frame, posts: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Which of ``posts`` (oldest first) are weekly roundups of openings, each at least
    :data:`MIN_DAYS_APART` days after the last one counted (an undated one counts, as its
    spacing cannot be told against it)."""
    found = np.zeros(posts.size, dtype=bool)
    last = -np.inf
    for k, i in enumerate(posts):
        if not names_itself_a_roundup(frame.posts[int(i)].text):
            continue
        when = float(frame.ts[int(i)])
        if np.isnan(when):
            found[k] = True
        elif when - last >= MIN_DAYS_APART * _DAY:
            found[k], last = True, when
    return found
