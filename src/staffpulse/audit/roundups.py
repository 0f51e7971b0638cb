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
# a word every naming above holds, found far faster than the whole pattern: most posts hold
# none, and are passed over on it (same flag, so the same letters match)
_ROUNDUP_WORD = re.compile(r"week|round|digest", re.IGNORECASE)
# what a roundup holds: openings to take, by a call to apply, the word "open", a link or
# counts by role ("4 welders, 2 pickers"). "We filled 12 jobs this week! Proud of the team."
# is the week's news: spared as a roundup, the same boast posted every week was never
# called a template
_CALL = re.compile(
    r"\bappl(?:y|ying|ications?)\b|\bopen(?:ings?)?\b|\bnow hiring\b"
    r"|\b(?:dm|call|text|message|email) us\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"https?://|\bwww\.|\blink in (?:our |my )?(?:bio|profile)\b", re.IGNORECASE)
_COUNTS_BY_ROLE = re.compile(
    r"\b\d{1,3}\s+[\w/&-]+(?:\s+[\w/&-]+)?\s*(?:,|;|\+|&|\band\b)\s*\d{1,3}\s+[a-z]",
    re.IGNORECASE,
)
# jobs filled or people placed: a link or counts beside them tell the news, not openings
_FILLED = re.compile(r"\b(?:filled|placed|hired|landed)\b", re.IGNORECASE)
# a roundup comes weekly: one sooner after the last one spared is counted as any post is
MIN_DAYS_APART = 5.0
_DAY = 86_400.0


def names_itself_a_roundup(text: str) -> bool:
    """Whether a post calls itself a weekly roundup of openings ("Jobs this week: 3 forklift,
    2 picker roles in Dayton, all at one link") and lists them: a call to apply, the word
    "open", a link or counts by role; a link or counts beside jobs filled tell the week's
    news ("We filled 12 jobs this week!"), not openings."""
    if _ROUNDUP_WORD.search(text) is None or _ROUNDUP.search(text) is None:
        return False
    if _CALL.search(text):
        return True
    listed = _LINK.search(text) or _COUNTS_BY_ROLE.search(text)
    return listed is not None and _FILLED.search(text) is None


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
