"""Joinability: how worth joining a conversation is today, with the reasons and an angle.

Positive signals (each in [0, 1], weights in ``WEIGHTS``): recency of the last activity,
activity growth (replies in the last hours), a question was asked, room to add value (few
replies so far), the opening author's role, and relevance to work topics. Penalties multiply
the score: a job ad (relevant, but not a conversation to join), a hostile tone, NSFW, partisan
politics, spam, a post aimed at one account. Each ranked conversation also says whether the
inbox leaves it out (``left_out``: job ads, spam, hostile, NSFW and partisan posts,
:mod:`staffpulse.listen.moderation`). Angles come from :mod:`staffpulse.listen.angles`.

Reasons only claim what is known: an undated conversation gets no recency (and says its date
is unknown), "asks a question" needs a real question, "squarely about work topics" needs
the classifier to be sure *and* a work word that is not ambiguous, and no reply count is
claimed for a conversation whose first post is not stored (how many replies it has is unknown).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.moderation import judge_tone, leave_out_reason, looks_hostile, moderate
from staffpulse.listen.threads import Conversation
from staffpulse.listen.work_terms import names_work_matter
from staffpulse.report.counts import count_of
from staffpulse.signals.job_ads import looks_like_job_ad

__all__ = [
    "PENALTIES",
    "ROLE_NAMES",
    "ROLE_WEIGHTS",
    "WEIGHTS",
    "RankContext",
    "RankedConversation",
    "add_angles",
    "addressee",
    "is_question",
    "looks_hostile",
    "looks_spammy",
    "names_work_matter",
    "rank",
    "suggest_angle",
]

WEIGHTS: dict[str, float] = {
    "question": 0.26,
    "recency": 0.22,
    "room": 0.16,
    "relevance": 0.16,
    "role": 0.10,
    "growth": 0.10,
}
# Job ads, spam, hostile, NSFW and partisan posts are also left out of the inbox's open items
# (``moderation.LEAVE_OUT``); the penalties still order them below real conversations.
PENALTIES: dict[str, float] = {
    "job_ad": 0.15,
    "hostile": 0.2,
    "nsfw": 0.1,
    "partisan": 0.2,
    "spam": 0.1,
    "addressed": 0.6,
}
HALF_LIFE_HOURS = 12.0
# Room to add value when the reply count is unknown (the first post is not stored): neither
# an empty thread nor a crowded one, like relevance's 0.5 when unknown.
ROOM_UNKNOWN = 0.5
# "Squarely about work topics" needs the work_topic classifier this sure of the opening (and
# an unambiguous work word in it): its probability alone rides on words such as "office".
SQUARELY_WORK_P = 0.8
GROWTH_WINDOW = timedelta(hours=6)
ROLE_WEIGHTS: dict[str, float] = {
    "recruiter": 1.0,
    "hr_pro": 1.0,
    "employer": 0.8,
    "job_seeker": 0.7,
    "staffing_firm": 0.6,
    "vendor": 0.5,
    "other": 0.4,
    "job_board": 0.1,
}
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

_URL_RE = re.compile(r"https?://\S+|www\.\S+")
# A quoted title ("Why Doesn't Anyone Apply? A Study") or quoted dialogue ('Willing to work
# weekends?') is not the author asking the room. Single quotes must open and close outside
# words, so apostrophes (what's, recruiters') are not taken for quotes.
_QUOTED_RE = re.compile(
    r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d|\u2018[^\u2019\n]*\u2019|(?<!\w)\'[^\n]*?\'(?!\w)'
)
_CLAUSE_SPLIT_RE = re.compile(r"[.!?:;\n]+")
_LEAD_IN = r"^(?:(?:@[\w.\-]+|hey|hi|hello|so|ok|okay|honestly|seriously|genuinely)[\s,!-]*)*"
_AUX = (
    r"(?:do|does|did|is|are|was|were|am|could|would|should|have|has|had)(?:n['\u2019]t)?|"
    r"can(?:['\u2019]t|not)?|will|won['\u2019]t"
)
_SUBJECT = (
    r"(?:you|i|we|they|he|she|it|anyone|anybody|someone|somebody|people|there|this|that|"
    r"your|my|our|any)"
)
# A sentence that asks without a question mark: a wh-word with its verb ("how do", "why is",
# "what's"), a verb before its subject ("does anyone", "should we"), or a request for input.
# A bare "Why our startup..." or "How Browsers Work" is a headline, not a question.
_INTERROGATIVE_FORMS = (
    rf"(?:how|what|why|when|where|who|which)(?:['\u2019](?:s|re)|\s+(?:{_AUX}))\b",
    r"how\s+(?:long|many|much|often)\b",
    rf"(?:{_AUX})\s+{_SUBJECT}\b",
    r"any(?:one|body)\s+(?:else|here|know|knows|have|has|tried|seen|using|dealt|recommend)\b",
    r"(?:any\s+|your\s+)?thoughts\s*$",
)
_INTERROGATIVE_RE = re.compile(_LEAD_IN + "(?:" + "|".join(_INTERROGATIVE_FORMS) + ")", re.I)
_ASKS_RE = re.compile(
    r"\bany (advice|tips|ideas|recommendations|thoughts|suggestions)\b|"
    r"\bwhat do you (all |guys |folks )?think\b|\bcurious (what|how|if|whether)\b|"
    r"\bhelp me (understand|decide)\b|\b(wondering|i wonder) (if|whether|what|how)\b",
    re.IGNORECASE,
)
_ADDRESSED_RE = re.compile(r"\s*((hey|hi|hello|yo|dear)\b[\s,]*)?@[\w.\-]+", re.IGNORECASE)
_SPAM_RE = re.compile(
    r"\b(follow ?back|f4f|crypto|airdrop|giveaway|dm me for|make money|click here|onlyfans|"
    r"forex|earn \$|passive income|bitcoin|nft|promo code)\b",
    re.IGNORECASE,
)


def is_question(text: str) -> bool:
    """A real question: a "?" in the text itself (not in a link or a quoted title), or a
    clearly interrogative sentence ("How do you run reference checks")."""
    plain = _QUOTED_RE.sub(".", _URL_RE.sub(" ", text))  # a quote ends the clause before it
    if "?" in plain or _ASKS_RE.search(plain):
        return True
    return any(_INTERROGATIVE_RE.match(part.strip()) for part in _CLAUSE_SPLIT_RE.split(plain))


def looks_spammy(text: str, hashtags: int = 0, mentions: int = 0, urls: int = 0) -> bool:
    return (
        hashtags >= 6
        or mentions >= 6
        or urls >= 3
        or _SPAM_RE.search(text) is not None
        or text.count("#") >= 6
    )


@dataclass(frozen=True, slots=True)
class RankedConversation:
    conversation: Conversation
    score: float
    components: dict[str, float]
    reasons: tuple[str, ...]
    cautions: tuple[str, ...]
    angle: str
    topic_label: str = ""
    role: str | None = None
    flags: dict[str, bool] = field(default_factory=dict)
    # why the inbox leaves it out of the open items (``moderation.LEAVE_OUT``), else None
    left_out: str | None = None


@dataclass(frozen=True, slots=True)
class RankContext:
    """What ranking knows beyond the posts (all optional)."""

    now: datetime
    relevance: Mapping[str, float] = field(default_factory=dict)  # conversation id -> p
    topic_labels: Mapping[str, str] = field(default_factory=dict)  # conversation id -> label
    # author id -> role, only where the role model is sure (``enrich.author_roles``)
    roles: Mapping[str, str] = field(default_factory=dict)
    job_scores: Mapping[str, float] = field(default_factory=dict)  # conversation id -> p(job)
    humor_scores: Mapping[str, float] = field(default_factory=dict)
    job_threshold: float = 0.5
    # conversation id -> the classifier's p(work_topic) of the opening; unlike ``relevance``
    # never a keyword hit, so it alone may back the claim "squarely about work topics".
    work_scores: Mapping[str, float] = field(default_factory=dict)


def _hours(delta: timedelta) -> float:
    return max(delta.total_seconds() / 3600.0, 0.0)


def _room(n_replies: int | None) -> float:
    if n_replies is None:
        return ROOM_UNKNOWN
    if n_replies == 0:
        return 0.8
    if n_replies <= 5:
        return 1.0
    return 1.0 / (1.0 + (n_replies - 5) / 5.0)


def rank(
    conversations: Sequence[Conversation], context: RankContext, *, angles: bool = True
) -> list[RankedConversation]:
    """Score and explain every conversation, most joinable first. With ``angles=False`` the
    angles are left empty, for :func:`add_angles` to write on the few that are shown (the
    tone of a post costs a sentiment analysis)."""
    texts = Counter(c.opening.text.strip().lower() for c in conversations)
    ranked = [_score(c, context, texts) for c in conversations]
    ranked.sort(key=lambda r: (-r.score, r.conversation.id))
    return add_angles(ranked, context) if angles else ranked


def add_angles(
    entries: Sequence[RankedConversation], context: RankContext
) -> list[RankedConversation]:
    """The entries with their suggested angle (one sentiment pass over their openings)."""
    tones = judge_tone([e.conversation.opening.text for e in entries])
    return [
        replace(
            e,
            angle=suggest_angle(
                e.conversation.opening.text,
                e.flags,
                e.role,
                _n_replies(e.conversation),
                context.humor_scores.get(e.conversation.id, 0.0),
                tone,
                addressee(e.conversation),
            ),
        )
        for e, tone in zip(entries, tones, strict=True)
    ]


def _n_replies(conv: Conversation) -> int:
    """Replies we know of: every stored post when the opening post is not stored."""
    return len(conv.turns)


def _known_replies(conv: Conversation) -> int | None:
    """How many replies the conversation has, when the store can say: not when its first post
    is missing (the replies to it we never saw are not stored either)."""
    return None if conv.root is None else len(conv.replies)


def addressee(conv: Conversation) -> str | None:
    """The account an opening post is aimed at ("@acme ..."), when it starts with another
    account's handle; a post that names its own author ("@TriNet named one of...") or a reply
    whose parent is not stored (a reply starts with handles) is aimed at no one."""
    opening = conv.opening
    if conv.root is None and opening.reply_to_post_id:
        return None
    found = _ADDRESSED_RE.match(opening.text)
    if found is None:
        return None
    who = found.group(0).strip().split("@", 1)[1].rstrip(".,:;!?")
    own = opening.author_handle.lstrip("@").lower()
    if who.lower() == own or (own and own.split("@")[0] == who.lower()):
        return None
    return "@" + who


def _score(conv: Conversation, ctx: RankContext, texts: Counter[str]) -> RankedConversation:
    opening = conv.opening
    replies = conv.replies
    turns = conv.turns  # a missing opening: all are replies
    last = conv.last_activity
    age = None if last is None else _hours(ctx.now - last)  # undated: unknown, never "fresh"
    recent = sum(
        1 for p in turns if p.created_at is not None and ctx.now - p.created_at <= GROWTH_WINDOW
    )
    question = is_question(opening.text)
    role = ctx.roles.get(opening.author_id)
    job_p = ctx.job_scores.get(conv.id)
    job_ad = looks_like_job_ad(opening.text) or (job_p is not None and job_p >= ctx.job_threshold)
    aimed_at = addressee(conv)
    verdict = moderate(opening.text)
    hostile = verdict.hostile or sum(looks_hostile(p.text) for p in replies) >= 2
    spam = looks_spammy(
        opening.text, len(opening.hashtags), len(opening.mentions), len(opening.urls)
    )
    spam = spam or texts[opening.text.strip().lower()] >= 3  # copy-pasted by several accounts
    relevance = ctx.relevance.get(conv.id, 0.5)
    components = {
        "question": 1.0 if question else 0.0,
        "recency": 0.0 if age is None else 0.5 ** (age / HALF_LIFE_HOURS),
        "room": _room(_known_replies(conv)),
        "relevance": float(relevance),
        "role": ROLE_WEIGHTS.get(role or "", 0.4),
        "growth": min(recent / 3.0, 1.0),
    }
    score = sum(WEIGHTS[k] * v for k, v in components.items())
    flags = {
        "question": question,
        "work": ctx.work_scores.get(conv.id, 0.0) >= SQUARELY_WORK_P
        and names_work_matter(opening.text),
        "job_ad": job_ad,
        "hostile": hostile,
        "spam": spam,
        "nsfw": verdict.nsfw,
        "partisan": verdict.partisan,
        "politics": verdict.politics,
        "addressed": aimed_at is not None,
    }
    for name, factor in PENALTIES.items():
        if flags[name]:
            score *= factor
    label = ctx.topic_labels.get(conv.id, "")
    reasons, cautions = _explain(conv, components, flags, role, age, recent, aimed_at)
    return RankedConversation(
        conv,
        round(score, 4),
        components,
        reasons,
        cautions,
        "",
        label,
        role,
        flags,
        leave_out_reason(flags),
    )


def _span(hours: float) -> str:
    """``5 min``, ``3 h``, ``12 days``: an age for "active ... ago" and "quiet for ..."."""
    if hours < 1:
        return f"{max(int(hours * 60), 1)} min"
    if round(hours) < 48:
        return f"{round(hours)} h"
    return count_of(round(hours / 24), "day")


def _explain(
    conv: Conversation,
    comp: Mapping[str, float],
    flags: Mapping[str, bool],
    role: str | None,
    age: float | None,
    recent: int,
    aimed_at: str | None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    n = _n_replies(conv)
    known = _known_replies(conv)  # None: the first post is missing, so is the reply count
    reasons: list[str] = []
    if flags["question"]:
        reasons.append("asks a question")
    if known == 0:
        reasons.append("no replies yet: be the first to answer")
    elif known is not None and known <= 5:
        reasons.append(f"only {count_of(known, 'reply', 'replies')} so far: room to add value")
    if age is not None and comp["recency"] >= 0.5:
        reasons.append(f"active {_span(age)} ago")
    if recent >= 2:
        reasons.append(f"{recent} new replies in the last {GROWTH_WINDOW.seconds // 3600} h")
    if role in ("recruiter", "hr_pro", "employer", "job_seeker"):
        reasons.append(f"started by {ROLE_NAMES[role]}")
    if flags["work"]:
        reasons.append("squarely about work topics")
    cautions: list[str] = []
    if flags["job_ad"]:
        cautions.append("looks like a job ad: relevant, but not a conversation to join")
    if flags["hostile"]:
        cautions.append("hostile tone: joining risks a pile-on")
    if flags["nsfw"]:
        cautions.append("NSFW: not for a firm's account")
    if flags["partisan"]:
        cautions.append("partisan politics: not a conversation for a firm")
    elif flags["politics"]:
        cautions.append("names a party or politician: keep to the work facts")
    if flags["spam"]:
        cautions.append("looks like spam")
    if aimed_at is not None:
        cautions.append(f"addressed to {aimed_at}: join only if you can add something")
    if n > 20:  # without the first post, the stored replies are a floor, still worth saying
        count = count_of(n, "reply", "replies")
        count = count if known is not None else f"at least {count}"
        cautions.append(f"busy thread ({count}): a reply may get lost")
    if age is None:
        cautions.append("date unknown: check the conversation is still active")
    elif comp["recency"] < 0.1:
        cautions.append(f"quiet for {_span(age)}")
    return tuple(reasons), tuple(cautions)
