"""Joinability: how worth joining a conversation is today, with the reasons and an angle.

Positive signals (each in [0, 1], weights in ``WEIGHTS``): recency of the last activity,
activity growth (replies in the last hours), a question was asked, room to add value (few
replies so far), the opening author's role, and relevance to work topics. Penalties multiply
the score: a job ad (relevant, but not a conversation to join), a seasonal greeting, a hostile
tone, NSFW, partisan politics, spam, a post aimed at one account. Each ranked conversation also
says whether the inbox leaves it out (``left_out``: job ads, greetings, spam, hostile, NSFW and
partisan posts, :mod:`staffpulse.listen.moderation`; conversations not about work,
:mod:`staffpulse.listen.thread_work`). Angles come from :mod:`staffpulse.listen.angles`, for
the post that carries the work talk when that is a reply.

Reasons only claim what is known: an undated conversation gets no recency (and says its date
is unknown), "asks a question" needs a real question, "squarely about work topics" needs the
classifier to be sure *and* a work word that is not ambiguous (or, with the classifier leaning
to work, several different work matters) and is never said of a seasonal greeting, and no reply
count is claimed for a conversation whose first post is not stored (how many replies it has is
unknown).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from staffpulse.listen.angles import JOB_AD, SKIP, suggest_angle
from staffpulse.listen.moderation import Tone, judge_tone, leave_out_reason, looks_hostile, moderate
from staffpulse.listen.questions import is_question
from staffpulse.listen.thread_work import OFF_WORK, ThreadWork, focus_author, focus_reason
from staffpulse.listen.threads import Conversation
from staffpulse.listen.work_terms import names_work_matter, work_subjects
from staffpulse.models import Post
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
    "count_copies",
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
    "greeting": 0.2,
    "hostile": 0.2,
    "nsfw": 0.1,
    "partisan": 0.2,
    "spam": 0.1,
    "addressed": 0.6,
    OFF_WORK: 0.3,
}
HALF_LIFE_HOURS = 12.0
# Room to add value when the reply count is unknown (the first post is not stored): neither
# an empty thread nor a crowded one, like relevance's 0.5 when unknown.
ROOM_UNKNOWN = 0.5
# "Squarely about work topics" needs the work_topic classifier this sure of the opening (and
# an unambiguous work word in it): its probability alone rides on words such as "office".
SQUARELY_WORK_P = 0.8
# ... or an opening that names this many different work matters ("HR", "recruiting",
# "candidates", "interviews"), with the classifier leaning to work: short questions full of
# work words are where the classifier is least sure.
SEVERAL_WORK_MATTERS = 3
LEANS_WORK_P = 0.5
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

_ADDRESSED_RE = re.compile(r"\s*((hey|hi|hello|yo|dear)\b[\s,]*)?@[\w.\-]+", re.IGNORECASE)
_SPAM_RE = re.compile(
    r"\b(follow ?back|f4f|crypto|airdrop|giveaway|dm me for|make money|click here|onlyfans|"
    r"forex|earn \$|passive income|bitcoin|nft|promo code)\b",
    re.IGNORECASE,
)


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
    # conversation id -> how much of the thread is about work (``thread_work``); a
    # conversation missing here is taken as about work, with the talk in its opening
    threads: Mapping[str, ThreadWork] = field(default_factory=dict)


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
    conversations: Sequence[Conversation],
    context: RankContext,
    *,
    angles: bool = True,
    copies: Counter[str] | None = None,
) -> list[RankedConversation]:
    """Score and explain every conversation, most joinable first. With ``angles=False`` the
    angles are left empty, for :func:`add_angles` to write on the few that are shown (the
    tone of a post costs a sentiment analysis).

    ``copies`` counts opening texts (see :func:`count_copies`) over more conversations than
    those ranked: a text pasted by several accounts is spam whichever of them are ranked."""
    texts = copies if copies is not None else count_copies(conversations)
    ranked = [_score(c, context, texts) for c in conversations]
    ranked.sort(key=lambda r: (-r.score, r.conversation.id))
    return add_angles(ranked, context) if angles else ranked


def count_copies(conversations: Sequence[Conversation]) -> Counter[str]:
    """How many of the conversations open with each text (case and spaces aside)."""
    return Counter(c.opening.text.strip().lower() for c in conversations)


def add_angles(
    entries: Sequence[RankedConversation], context: RankContext
) -> list[RankedConversation]:
    """The entries with their suggested angle (one sentiment pass over the posts they answer:
    the opening, or the reply that carries the work talk)."""
    focus = [_focus(e.conversation, context) for e in entries]
    tones = judge_tone(
        [(f or e.conversation.opening).text for e, f in zip(entries, focus, strict=True)]
    )
    return [
        replace(e, angle=_angle(e, f, tone, context))
        for e, f, tone in zip(entries, focus, tones, strict=True)
    ]


def _focus(conv: Conversation, context: RankContext) -> Post | None:
    work = context.threads.get(conv.id)
    return None if work is None else work.focus


def _angle(entry: RankedConversation, focus: Post | None, tone: Tone, ctx: RankContext) -> str:
    conv = entry.conversation
    n = _n_replies(conv)
    if focus is None:
        humor = ctx.humor_scores.get(conv.id, 0.0)
        opening = conv.opening.text
        return suggest_angle(opening, entry.flags, entry.role, n, humor, tone, addressee(conv))
    # the reply is what a firm can speak to: its own question and tone, not the opening's
    # (its author's role and humour are not known: none is assumed)
    flags = {**entry.flags, "question": is_question(focus.text)}
    flags["politics"] = flags["politics"] or moderate(focus.text).politics
    angle = suggest_angle(focus.text, flags, None, n, 0.0, tone)
    if angle in (SKIP, JOB_AD):
        return angle
    return f"Reply to {focus_author(focus)}, not the opening post: {angle}"


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
    work = ctx.threads.get(conv.id)
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
        "work": not verdict.greeting and _squarely_work(opening.text, ctx.work_scores.get(conv.id)),
        "job_ad": job_ad,
        "greeting": verdict.greeting,
        "hostile": hostile,
        "spam": spam,
        "nsfw": verdict.nsfw,
        "partisan": verdict.partisan,
        "politics": verdict.politics,
        "addressed": aimed_at is not None,
        OFF_WORK: work is not None and work.off_work,
    }
    for name, factor in PENALTIES.items():
        if flags[name]:
            score *= factor
    label = ctx.topic_labels.get(conv.id, "")
    reasons, cautions = _explain(conv, components, flags, role, age, recent, aimed_at)
    if work is not None and work.focus is not None:  # said first: it is why the thread is here
        reasons = (focus_reason(work.focus), *reasons)
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
        leave_out_reason(flags) or (OFF_WORK if flags[OFF_WORK] else None),
    )


def _squarely_work(text: str, p_work: float | None) -> bool:
    """The classifier sure and a work word, or several work matters and the classifier
    leaning to work; never a keyword hit alone, nor a greeting (see the module docstring)."""
    if p_work is None or p_work < LEANS_WORK_P:
        return False
    if p_work >= SQUARELY_WORK_P:
        return names_work_matter(text)
    return len(work_subjects(text)) >= SEVERAL_WORK_MATTERS


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
    if flags["greeting"]:
        cautions.append("a seasonal greeting: nothing to join")
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
