"""Why the inbox leaves an open conversation out, and how its note says so.

The reasons come from :mod:`staffpulse.listen.followers_only` (an opening shared with
followers only, or direct: not public, so never shown), :mod:`staffpulse.listen.moderation`
(a possible crisis, NSFW, hostile, partisan, a TV hashtag game's joke, a written joke, spam,
job ad, greeting),
:func:`staffpulse.listen.tone.mourns` (a loss mourned, asking nothing and not addressed to the
firm: at most a line of condolence, so no conversation to join), :mod:`staffpulse.listen.customer_care` (a
customer's message to a brand) and :mod:`staffpulse.listen.thread_work` (not about work); a
conversation is counted under the first that applies, in the order of :data:`REASONS`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from staffpulse.listen.customer_care import CUSTOMER_CARE, CUSTOMER_CARE_NAMES
from staffpulse.listen.followers_only import FOLLOWERS_ONLY, FOLLOWERS_ONLY_NAMES
from staffpulse.listen.moderation import LEAVE_OUT, LEAVE_OUT_NAMES
from staffpulse.listen.thread_work import OFF_WORK, OFF_WORK_NAMES
from staffpulse.report.counts import count_of, join_and, join_or

# a death mourned that asks nothing: its angle is "at most a line of condolence", which a
# firm's account offered among conversations to join would be tempted to turn into a reply
MOURNING = "mourning"
REASONS = (FOLLOWERS_ONLY, *LEAVE_OUT, MOURNING, CUSTOMER_CARE, OFF_WORK)
NAMES: dict[str, tuple[str, str]] = {
    FOLLOWERS_ONLY: FOLLOWERS_ONLY_NAMES,
    **LEAVE_OUT_NAMES,
    MOURNING: ("post mourning a loss", "posts mourning a loss"),
    CUSTOMER_CARE: CUSTOMER_CARE_NAMES,
    OFF_WORK: OFF_WORK_NAMES,
}

# what each reason makes a conversation, in "every open conversation left is ... or ..."
KINDS: dict[str, str] = {
    FOLLOWERS_ONLY: "not public",
    "crisis": "a possible crisis",
    "nsfw": "NSFW",
    "hostile": "hostile",
    "partisan": "partisan",
    "hashtag_game": "a hashtag-game joke",
    "joke": "a joke",
    "spam": "spam",
    "job_ad": "a job ad",
    "greeting": "a greeting",
    MOURNING: "a loss mourned",
    CUSTOMER_CARE: "customer care",
    OFF_WORK: "not about work",
}


def reason_named(name: str) -> str | None:
    """The reason a name stands for, in its own spelling ("job_ad", "hashtag-game") or in the
    words the inbox prints of it ("job ad", "job ads", "a job ad", "not about work",
    "customer care", "hostile posts"), case, spaces, hyphens and underscores aside; None when
    it names none."""
    return _BY_WORDS.get(_as_words(name))


def _as_words(name: str) -> str:
    words = re.sub(r"[\s_-]+", " ", name.strip().lower()).strip()
    return re.sub(r"^(?:an?|the) ", "", words)


# every way the inbox writes a reason: its name, its count's words, its kind in a list
_BY_WORDS: dict[str, str] = {
    _as_words(said): reason
    for reason in REASONS
    for said in (reason, *NAMES[reason], KINDS[reason])
}


def left_out_reason(flags: Mapping[str, bool]) -> str | None:
    """The first reason in :data:`REASONS` that the flags raise, else None."""
    return next((name for name in REASONS if flags.get(name)), None)


def left_out_note(left_out: Mapping[str, int]) -> str:
    """ "left out 6 job ads and 1 hostile post: not conversations to join"; of one, "left out
    1 job ad: not a conversation to join"."""
    parts = [count_of(left_out[name], *NAMES[name]) for name in REASONS if left_out.get(name)]
    one = sum(left_out.get(name, 0) for name in REASONS) == 1
    return f"left out {join_and(parts)}: {'not a conversation' if one else 'not conversations'} to join"


def left_out_kinds(left_out: Mapping[str, int]) -> str:
    """ "customer care or not about work": what the conversations left out are, in the order
    of :data:`REASONS` (empty when none is)."""
    return join_or([KINDS[name] for name in REASONS if left_out.get(name)])


def as_sentence(note: str) -> str:
    """A note as shown on a line of its own, a sentence: its first letter a capital ("Left out
    6 job ads: ..."). The notes themselves stay as written (``--json``, and text that embeds
    one mid-sentence), and a note opening with a handle or a number is left as it is."""
    return note[:1].upper() + note[1:] if note[:1].islower() else note
