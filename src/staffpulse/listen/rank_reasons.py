"""The words a ranked conversation comes with: why it is worth joining (reasons) and what
to watch out for (cautions), each claiming only what is known (see the docstring of
:mod:`staffpulse.listen.rank`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from staffpulse.dates import format_day
from staffpulse.durations import format_span
from staffpulse.listen.crude_names import names_crudely
from staffpulse.listen.jokes import LIKELY, LIKELY_JOKE_CAUTION
from staffpulse.listen.languages import other_language_caution
from staffpulse.listen.light_tone import matches_light_tone
from staffpulse.listen.rank_model import ANOTHERS_HARDSHIP
from staffpulse.listen.rank_signals import GROWTH_WINDOW, TO_FIRM, known_replies, stored_replies
from staffpulse.listen.sensitive import SENSITIVE, sensitive_caution
from staffpulse.listen.swearing import swears_strongly
from staffpulse.listen.threads import Conversation
from staffpulse.listen.tone import judge_tone
from staffpulse.report.counts import count_of

__all__ = ["ROLE_NAMES", "explain"]

ROLE_NAMES: dict[str, str] = {
    "recruiter": "a recruiter",
    "hr_pro": "an HR professional",
    "employer": "an employer",
    "job_seeker": "a job seeker",
    "staffing_firm": "a staffing firm",
    "vendor": "a vendor",
    "job_board": "a job board",
    "other": "someone outside the industry",
}

HOSTILE = "hostile tone: joining risks a pile-on"
ANOTHERS_HARDSHIP_CAUTION = (
    "someone else's hard times, told, not asked about: leave it, or a kind line at most"
)
# worn down, short of a crisis: "not sure how much longer I can keep doing this" after a third
# rejection; an upbeat tip or a pitch there reads as not having listened
WORN_DOWN = "worn down: lead with a kind line; one gentle, practical thought at most, no pitch"
# what the writer gives up on or cannot go on with must be the search, work or life, said so or
# left unsaid at a clause's end: "ready to give up coffee for Lent", "no point in applying
# sunscreen", "how much longer I can keep a straight face" are no one worn down
_CLAUSE_END = r"(?=\s*(?:[^\w\s]|$))"
_GIVEN_UP_ON = (
    r"(?:"
    + _CLAUSE_END
    + r"|\s+on\s+(?:(?:finding|getting|landing)\s+(?:a\s+|any\s+)?(?:job|work|role)|"
    r"(?:the\s+|this\s+|my\s+)?(?:job\s*(?:search|hunt)|job\s+hunting|applying|applications|"
    r"interviews|career|myself|everything|it\s+all|life)))"
)
_GOING_ON = (
    r"(?:keep\s+(?:at\s+it|going|doing\s+(?:this|it)|this\s+up|applying|trying|interviewing)|"
    r"do\s+this|take\s+(?:this|it)|hold\s+on|go\s+on|last)"
)
_WORN_DOWN_RE = re.compile(
    r"\b(?:(?:not\s+sure|don['\u2019]?t\s+know)\s+how\s+(?:much\s+)?longer\s+i\s+can\s+"
    + _GOING_ON
    + r"|"
    r"can['\u2019]?t\s+(?:keep\s+)?(?:doing|do)\s+this(?:\s+any\s?more)?" + _CLAUSE_END + r"|"
    r"(?:(?:i['\u2019]?m|i\s+am|im)\s+(?:so\s+|just\s+|almost\s+)?(?:ready|about|close)\s+to|"
    r"i\s+want\s+to)\s+giv(?:e|ing)\s+(?:it\s+)?up" + _GIVEN_UP_ON + r"|"
    r"i\s+give\s+up"
    + _CLAUSE_END
    + r"|(?:i['\u2019]?m|im)\s+losing\s+(?:all\s+)?hope|losing\s+all\s+hope|"
    r"no\s+point\s+(?:in\s+)?(?:trying|applying)(?:\s+any\s?more|\s+(?:for|to)\s+(?:jobs|roles|positions))?"
    + _CLAUSE_END
    + r")",
    re.IGNORECASE,
)


# a post that swears: profanity alone is no insult, so it is offered, with this said
SWEARS = "strong language: keep your reply clean, and join only if your brand is at home beside it"
# a party, a politician or a government's cuts named on a work matter (moderation's politics)
POLITICS = "names politics (a party, a politician, a government's cuts): keep to the work facts"
# the writer's handle swears or is crude: a reply puts it in the firm's own timeline
CRUDE_NAME = (
    "a crude account name: your reply shows it in your timeline; join only if your brand is at"
    " home beside it"
)


def explain(
    conv: Conversation,
    comp: Mapping[str, float],
    flags: Mapping[str, bool],
    role: str | None,
    age: float | None,
    recent: int,
    aimed_at: str | None,
    *,
    own: bool = False,
    replayed: datetime | None = None,
    humor: float | None = None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Why the conversation is worth joining and what to watch out for, from its signals
    (``comp``, the score's components, and ``flags``), its opener's ``role``, its ``age`` in
    hours (None: undated), its ``recent`` replies and the account it is ``aimed_at``;
    ``humor``: the humor signal's p of its opening (None: not read).

    ``own``: the firm opened it and a reply waits for it (:mod:`.own_threads`). What is said
    of the opening (its question, its few replies as room, its author's role, its work words,
    whom it addresses, its language) is the firm's own post, no reason to answer: only the
    waiting reply's timing and the thread's risks are said.

    ``replayed``: the time of a replay the ``age`` is measured from, which its timing names
    ("active 1 h before the replay's time, 22 Mar 2015": on a post of 2015 "active 1 h ago"
    read as if posted an hour ago)."""
    if own:
        return _explain_own(conv, comp, flags, age, recent, replayed)
    known = known_replies(conv)  # None: the first post is missing, so is the reply count
    reasons: list[str] = []
    if flags.get(TO_FIRM):  # first: the one item here that is the firm's own to answer
        reasons.append("addressed to your firm: yours to answer")
    # the score's question component says it: 0 for a question aimed at one account (asked of
    # it, not us) and for a rant in a question's form, which asks for no answer
    invites = comp["question"] > 0
    if invites:
        reasons.append("asks a question")
    if known == 0:  # "be the first to answer" only where something was asked of the room
        reasons.append("no replies yet: be the first to answer" if invites else "no replies yet")
    elif known is not None and known <= 5:
        reasons.append(f"only {count_of(known, 'reply', 'replies')} so far: room to add value")
    reasons.extend(_timing(comp, age, recent, replayed))
    if role in ("recruiter", "hr_pro", "employer", "job_seeker"):
        reasons.append(f"started by {ROLE_NAMES[role]}")
    if flags["work"]:
        reasons.append("squarely about work topics")
    # said first: a likely joke's question and hardship are none to answer or console
    cautions = [LIKELY_JOKE_CAUTION] if flags.get(LIKELY) else []
    if flags["job_ad"]:
        cautions.append("looks like a job ad: relevant, but not a conversation to join")
    if flags["greeting"]:
        cautions.append("a seasonal greeting: nothing to join")
    if flags["hostile"]:
        cautions.append(HOSTILE)
    if flags["nsfw"]:
        cautions.append("NSFW: not for a firm's account")
    elif not flags["hostile"] and swears_strongly(conv.opening.text):  # an insult says more
        cautions.append(SWEARS)
    if names_crudely(conv.opening.author_handle):
        cautions.append(CRUDE_NAME)
    if flags["partisan"]:
        cautions.append("partisan politics: not a conversation for a firm")
    elif flags["politics"]:
        cautions.append(POLITICS)
    opener = conv.opening
    careful = sensitive_caution(opener.text, opener.author_handle) if flags.get(SENSITIVE) else None
    if careful is not None:
        cautions.append(careful)
    if _worn_down(opener.text, flags, humor):
        cautions.append(WORN_DOWN)
    if flags.get(ANOTHERS_HARDSHIP):
        cautions.append(ANOTHERS_HARDSHIP_CAUTION)
    if flags.get("crisis"):
        cautions.append(
            "may tell of a crisis (a wish to die or to self-harm): not for a firm's reply; if"
            " someone at your firm knows them, reach out privately"
        )
    if flags.get("hashtag_game"):
        cautions.append("a joke for a TV hashtag game: not a conversation to join")
    if flags["spam"]:
        cautions.append("looks like spam")
    if flags.get("customer_care"):
        cautions.append(
            "a customer's message to a brand: customer service, not a conversation to join"
        )
    if aimed_at is not None:
        cautions.append(f"addressed to {aimed_at}: join only if you can add something")
    if flags.get("mourning"):
        cautions.append("a loss mourned: a line of condolence at most, not a conversation")
    if flags.get("link_share"):
        cautions.append("a link passed on, no conversation yet: reply only with what it misses")
    in_other_language = other_language_caution(conv.opening)
    if in_other_language is not None:
        cautions.append(in_other_language)
    cautions.extend(_size_and_age(conv, comp, age))
    return tuple(reasons), tuple(cautions)


def _worn_down(text: str, flags: Mapping[str, bool], humor: float | None) -> bool:
    """Worn down in so many words, and no joke: neither a likely one (told by its caution) nor
    one its angle matches in a light tone ("I give up 😂 the spreadsheet beat me again": the
    same verdict, :func:`~.light_tone.matches_light_tone`, so a card never says both)."""
    if flags.get("crisis") or flags.get(LIKELY) or not _WORN_DOWN_RE.search(text):
        return False
    question = bool(flags.get("question"))
    return not matches_light_tone(text, judge_tone([text])[0], humor or 0.0, question)


def _explain_own(
    conv: Conversation, comp: Mapping[str, float], flags: Mapping[str, bool], age: float | None,
    recent: int, replayed: datetime | None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:  # fmt: skip
    """The reasons and cautions of the firm's own thread (``explain(..., own=True)``): those
    that fit the reply waiting in it, in :func:`explain`'s words and order."""
    cautions = [HOSTILE] if flags["hostile"] else []  # its replies' tone counts too
    in_other_language = other_language_caution(conv.posts[-1])  # the reply it answers
    if in_other_language is not None:
        cautions.append(in_other_language)
    cautions.extend(_size_and_age(conv, comp, age))
    return _timing(comp, age, recent, replayed), tuple(cautions)


def _timing(
    comp: Mapping[str, float], age: float | None, recent: int, replayed: datetime | None
) -> tuple[str, ...]:
    """ "active 2 hours ago", "3 new replies in the last 6 h": what is said of its last posts
    (of a replay: "active 2 h before the replay's time, 22 Mar 2015")."""
    said: list[str] = []
    if age is not None and comp["recency"] >= 0.5:
        when = "ago" if replayed is None else f"before the replay's time, {format_day(replayed)}"
        said.append(f"active {format_span(age)} {when}")
    if recent >= 2:
        said.append(f"{recent} new replies in the last {GROWTH_WINDOW.seconds // 3600} h")
    return tuple(said)


def _size_and_age(conv: Conversation, comp: Mapping[str, float], age: float | None) -> list[str]:
    """The cautions on a thread's size and age: busy, undated, quiet."""
    cautions: list[str] = []
    n = stored_replies(conv)
    if n > 20:  # without the first post, the stored replies are a floor, still worth saying
        count = count_of(n, "reply", "replies")
        count = count if known_replies(conv) is not None else f"at least {count}"
        cautions.append(f"busy thread ({count}): a reply may get lost")
    if age is None:
        cautions.append("date unknown: check the conversation is still active")
    elif comp["recency"] < 0.1:
        cautions.append(f"quiet for {format_span(age)}")
    return cautions
