"""What ranking weighs and returns: the weights of the joinability signals, the penalties
that multiply a score, the authors' role weights, what ranking knows beyond the posts
(:class:`RankContext`) and a ranked conversation (:class:`RankedConversation`). The scoring
itself is :mod:`staffpulse.listen.rank`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from staffpulse.listen.customer_care import CUSTOMER_CARE
from staffpulse.listen.firm_voice import FIRM_VOICE, Voice
from staffpulse.listen.jokes import LIKELY
from staffpulse.listen.left_out import MOURNING
from staffpulse.listen.thread_work import OFF_WORK, ThreadWork
from staffpulse.listen.threads import Conversation

# someone else's hard times told, not asked about: its angle says "Leave it", so it ranks
# below the conversations worth joining, with a caution (rank_reasons)
ANOTHERS_HARDSHIP = "anothers_hardship"
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
    "hashtag_game": 0.2,
    "crisis": 0.1,
    "spam": 0.1,
    "addressed": 0.6,
    "link_share": 0.6,
    MOURNING: 0.3,
    ANOTHERS_HARDSHIP: 0.3,
    LIKELY: 0.3,
    CUSTOMER_CARE: 0.2,
    OFF_WORK: 0.3,
}
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
    # the account the reply that carries the work talk puts its question to, if any
    # (``rank_signals.question_put_to``): read once, for the flags and for the angle
    put_to: str | None = None


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
    # the classifier's threshold of p(work_topic): an opening below it is in the inbox only by
    # the rescue of work questions (``work_rescue``), which its reasons then say
    work_threshold: float | None = None
    # (platform, post id) of the posts not shared with the public (``followers_only``)
    not_public: Collection[tuple[str, str]] = frozenset()
    # the firm's normalized handles: an opening aimed at one of them asks the firm itself
    firm_handles: Collection[str] = frozenset()
    # (platform, id) of the firm's own threads where someone answered it last (own_threads)
    own_threads: Collection[tuple[str, str]] = frozenset()
    replayed: datetime | None = None  # ``now`` when it is a replay's time (ages said as before it)
    # the words of the firm's role in its angles (``firm_voice``): never its ranking
    voice: Voice = FIRM_VOICE
