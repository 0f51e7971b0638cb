"""Joinability: how worth joining a conversation is today, with the reasons and an angle.

Positive signals (each in [0, 1], weights in ``WEIGHTS``): recency of the last activity,
activity growth (replies in the last hours), a question was asked, room to add value (few
replies so far), the opening author's role, and relevance to work topics. Penalties multiply
the score: a job ad (relevant, but not a conversation to join), a hostile tone, spam.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from staffpulse.listen.threads import Conversation

WEIGHTS: dict[str, float] = {
    "question": 0.26,
    "recency": 0.22,
    "room": 0.16,
    "relevance": 0.16,
    "role": 0.10,
    "growth": 0.10,
}
PENALTIES: dict[str, float] = {"job_ad": 0.15, "hostile": 0.2, "spam": 0.1, "addressed": 0.6}
HALF_LIFE_HOURS = 12.0
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
_QUESTION_RE = re.compile(
    r"\?|^\s*(how|what|why|when|where|who|which|should|does|do|is|are|can|could|would|"
    r"has anyone|have you|anyone)\b|\b(any (advice|tips|ideas|recommendations|thoughts)|"
    r"what do you think|thoughts\s*$|curious (what|how|if)|help me (understand|decide))",
    re.IGNORECASE | re.MULTILINE,
)
_JOB_AD_RE = re.compile(
    r"#hiring|#job(s|opening)?\b|#nowhiring|\bwe'?re hiring\b|\bnow hiring\b|\bis (now )?hiring( an?\b| for\b|!|:)|"
    r"\bapply (now|today|here|at|via|online)\b|\bjob opening\b|\bposition (available|open)\b|"
    r"\bjoin our team\b|\bshameless plug\b|\$\d[\d,.]*k?\s*(-|–|to)\s*\$?\d[\d,.]*k?\s*/\s*(hr|hour)\b|"
    r"\b(i'?m|we'?re) looking for an? [\w -]{3,40}\bin [A-Z]|\bwe are looking for an? \w+|\bopen (role|position)s?\b.*https?://",
    re.IGNORECASE,
)
_ADDRESSED_RE = re.compile(r"\s*((hey|hi|hello|yo|dear)\b[\s,]*)?@[\w.\-]+", re.IGNORECASE)
_HOSTILE_RE = re.compile(
    r"\b(idiot|idiots|stupid|moron|morons|shut up|stfu|f+u+c+k+\w*|screw you|scum|"
    r"pathetic|loser|losers|garbage people|hate you|dumbass|clowns?)\b",
    re.IGNORECASE,
)
_SPAM_RE = re.compile(
    r"\b(follow ?back|f4f|crypto|airdrop|giveaway|dm me for|make money|click here|onlyfans|"
    r"forex|earn \$|passive income|bitcoin|nft|promo code)\b",
    re.IGNORECASE,
)


def is_question(text: str) -> bool:
    return _QUESTION_RE.search(_URL_RE.sub(" ", text)) is not None


def looks_like_job_ad(text: str) -> bool:
    return _JOB_AD_RE.search(text) is not None


def looks_hostile(text: str) -> bool:
    return _HOSTILE_RE.search(text) is not None


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


@dataclass(frozen=True, slots=True)
class RankContext:
    """What ranking knows beyond the posts (all optional)."""

    now: datetime
    relevance: Mapping[str, float] = field(default_factory=dict)  # conversation id -> p
    topic_labels: Mapping[str, str] = field(default_factory=dict)  # conversation id -> label
    roles: Mapping[str, str] = field(default_factory=dict)  # author id -> role
    job_scores: Mapping[str, float] = field(default_factory=dict)  # conversation id -> p(job)
    humor_scores: Mapping[str, float] = field(default_factory=dict)
    job_threshold: float = 0.5


def _hours(delta: timedelta) -> float:
    return max(delta.total_seconds() / 3600.0, 0.0)


def _room(n_replies: int) -> float:
    if n_replies == 0:
        return 0.8
    if n_replies <= 5:
        return 1.0
    return 1.0 / (1.0 + (n_replies - 5) / 5.0)


def rank(conversations: Sequence[Conversation], context: RankContext) -> list[RankedConversation]:
    """Score and explain every conversation, most joinable first."""
    texts = Counter(c.opening.text.strip().lower() for c in conversations)
    ranked = [_score(c, context, texts) for c in conversations]
    ranked.sort(key=lambda r: (-r.score, r.conversation.id))
    return ranked


def _score(conv: Conversation, ctx: RankContext, texts: Counter[str]) -> RankedConversation:
    opening = conv.opening
    replies = conv.replies
    last = conv.last_activity or opening.created_at or ctx.now
    age = _hours(ctx.now - last)
    recent = sum(
        1 for p in replies if p.created_at is not None and ctx.now - p.created_at <= GROWTH_WINDOW
    )
    question = is_question(opening.text)
    role = ctx.roles.get(opening.author_id)
    job_p = ctx.job_scores.get(conv.id)
    job_ad = looks_like_job_ad(opening.text) or (job_p is not None and job_p >= ctx.job_threshold)
    addressed = _ADDRESSED_RE.match(opening.text) is not None  # aimed at one account
    hostile = looks_hostile(opening.text) or sum(looks_hostile(p.text) for p in replies) >= 2
    spam = looks_spammy(
        opening.text, len(opening.hashtags), len(opening.mentions), len(opening.urls)
    )
    spam = spam or texts[opening.text.strip().lower()] >= 3  # copy-pasted by several accounts
    relevance = ctx.relevance.get(conv.id, 0.5)
    components = {
        "question": 1.0 if question else 0.0,
        "recency": 0.5 ** (age / HALF_LIFE_HOURS),
        "room": _room(len(replies)),
        "relevance": float(relevance),
        "role": ROLE_WEIGHTS.get(role or "", 0.4),
        "growth": min(recent / 3.0, 1.0),
    }
    score = sum(WEIGHTS[k] * v for k, v in components.items())
    flags = {
        "question": question,
        "job_ad": job_ad,
        "hostile": hostile,
        "spam": spam,
        "addressed": addressed,
    }
    for name, factor in PENALTIES.items():
        if flags[name]:
            score *= factor
    label = ctx.topic_labels.get(conv.id, "")
    reasons, cautions = _explain(conv, components, flags, role, age, recent)
    humor = ctx.humor_scores.get(conv.id, 0.0)
    angle = suggest_angle(label, flags, role, len(replies), humor, opening.text)
    return RankedConversation(
        conv, round(score, 4), components, reasons, cautions, angle, label, role, flags
    )


def _ago(hours: float) -> str:
    if hours < 1:
        return f"{max(int(hours * 60), 1)} min ago"
    if hours < 48:
        return f"{hours:.0f} h ago"
    return f"{hours / 24:.0f} days ago"


def _explain(
    conv: Conversation,
    comp: Mapping[str, float],
    flags: Mapping[str, bool],
    role: str | None,
    age: float,
    recent: int,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    n = len(conv.replies)
    reasons: list[str] = []
    if flags["question"]:
        reasons.append("asks a question")
    if n == 0:
        reasons.append("no replies yet: be the first to answer")
    elif n <= 5:
        reasons.append(f"only {n} repl{'y' if n == 1 else 'ies'} so far: room to add value")
    if comp["recency"] >= 0.5:
        reasons.append(f"active {_ago(age)}")
    if recent >= 2:
        reasons.append(f"{recent} new replies in the last {GROWTH_WINDOW.seconds // 3600} h")
    if role in ("recruiter", "hr_pro", "employer", "job_seeker"):
        reasons.append(f"started by {ROLE_NAMES[role]}")
    if comp["relevance"] >= 0.8:
        reasons.append("squarely about work topics")
    cautions: list[str] = []
    if flags["job_ad"]:
        cautions.append("looks like a job ad: relevant, but not a conversation to join")
    if flags["hostile"]:
        cautions.append("hostile tone: joining risks a pile-on")
    if flags["spam"]:
        cautions.append("looks like spam")
    if flags["addressed"]:
        found = re.search(r"@[\w.\-]+", conv.opening.text)
        who = found.group(0) if found else "one account"
        cautions.append(f"addressed to {who}: join only if you can add something")
    if n > 20:
        cautions.append(f"busy thread ({n} replies): a reply may get lost")
    if comp["recency"] < 0.1:
        cautions.append(f"quiet since {_ago(age)}")
    return tuple(reasons), tuple(cautions)


def _subject(label: str, text: str = "") -> str:
    """The label term the opening post itself uses, else "this topic"."""
    terms = [t.strip() for t in label.split(" / ") if t.strip()] if label else []
    lowered = text.lower()
    for term in terms:
        if term in lowered:
            return term
    return "this topic"


def suggest_angle(
    label: str,
    flags: Mapping[str, bool],
    role: str | None,
    n_replies: int,
    humor: float = 0.0,
    text: str = "",
) -> str:
    """A template-based suggestion of how to join (topic, signals and role)."""
    subject = _subject(label, text)
    if flags.get("spam") or flags.get("hostile"):
        return "Skip this one: nothing to gain by joining."
    if flags.get("job_ad"):
        return "Not a conversation: share the opening with a candidate who fits, if any."
    lead = "Be the first to reply: " if n_replies == 0 else ""
    if humor >= 0.8 or (humor >= 0.5 and not flags.get("question")):
        return lead + f"match the light tone with a short, relatable story about {subject}."
    if flags.get("question"):
        by_role = {
            "recruiter": f"answer peer to peer: what your desk sees about {subject}, "
            "and one thing that worked.",
            "hr_pro": f"give a concrete answer on {subject} from placing candidates, with one "
            "example; no pitch.",
            "employer": f"share what you see across clients on {subject}; offer a checklist, "
            "not a sales call.",
            "job_seeker": f"give one practical tip on {subject} and point to a free resource.",
        }
        return lead + by_role.get(
            role or "", f"answer the question on {subject} with one specific, useful example."
        )
    return lead + (
        f"add a perspective on {subject}: agree or push back with a data point or a story "
        "from your recruiters, and ask a follow-up question."
    )


def explain_dict(item: RankedConversation) -> dict[str, Any]:
    return {
        "score": item.score,
        "components": {k: round(v, 3) for k, v in item.components.items()},
        "reasons": list(item.reasons),
        "cautions": list(item.cautions),
        "angle": item.angle,
        "flags": item.flags,
    }
