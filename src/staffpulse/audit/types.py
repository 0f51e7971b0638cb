"""The shapes an audit produces. ``AuditResult.to_dict()`` is the stable ``--json`` shape."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Self

import numpy as np
import numpy.typing as npt

from staffpulse.models import Account, Post
from staffpulse.store.codec import format_time

PILLAR_TITLES = {
    "face": "Face",
    "mix": "Mix",
    "voice": "Voice",
    "conversation": "Conversation",
}
PILLAR_QUESTIONS = {
    "face": "Does the account look like real people?",
    "mix": "Is it more than a job board?",
    "voice": "Does it sound human, with some humor?",
    "conversation": "Does it talk with others?",
}
# Why a pillar can go unscored, in words: "nothing to judge" was said of 50 posts in Spanish
PILLAR_NOT_SCORED = {
    "face": "the data has no picture, bio or display name",
    "mix": "no original posts, or too few in English to read",
    "voice": "no posts of its own, or too few in English to read",
    "conversation": "no posts of its own to read",
}


@dataclass(slots=True)
class AccountData:
    """Everything the audit reads from the store for one account."""

    account: Account
    posts: list[Post]  # authored, oldest first
    mentions: list[Post]  # by others, mentioning or replying to the account
    ref_authors: dict[str, str]  # reposted/quoted post id -> its author's handle
    inbox_joined: int | None = None  # listened conversations joined; None: never listened
    followers_only: frozenset[str] = frozenset()  # post ids: counted, never quoted


@dataclass(frozen=True, slots=True)
class PostExample:
    """A post shown as evidence, with why it was picked."""

    text: str
    date: str | None
    url: str | None
    kind: str
    why: str
    # a post by someone else (one waiting for an answer): a report that printed its kind,
    # "original", read as the account's own post. Not in --json, whose "kind" stays the post's
    by_other: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "date": self.date,
            "url": self.url,
            "kind": self.kind,
            "why": self.why,
        }


def example(post: Post, why: str, *, by_other: bool = False) -> PostExample:
    return PostExample(
        text=post.text,
        date=post.created_at.date().isoformat() if post.created_at else None,
        url=post.url,
        kind=post.kind,
        why=why,
        by_other=by_other,
    )


class Advice(str):
    """A piece of a pillar's advice, said to the account, with its headline said about it.

    The advice speaks to the account it grades ("89 of 158 mentions of you got no answer.
    Check your notifications..."). A benchmark is read by someone comparing many accounts,
    most of them competitors, so each row's fix is a short headline in the imperative with the
    fact behind it, and no "you": ``Answer mentions: 89 of 158 got no answer``. The pillar
    writes both from the same figures, in one place, so rewording the advice cannot silently
    break its headline (the league table once read the headline back out of the advice's
    wording). ``headline`` is None for advice written without one: its action's headline is
    then its first sentence in the third person (:func:`staffpulse.audit.advice.headline_of`).
    A plain ``str`` everywhere else (JSON, history).

    ``gain`` is the most the pillar's score (0-100) can rise when the advice is followed, for
    advice that fixes one known part of its pillar: renaming "Erik ❤️" can lift only the
    name's fifth of Face, yet as Face's first advice it was promised the whole gap ("+14
    points" for a name worth 3). None: the advice can bring its pillar to 100
    (:mod:`staffpulse.audit.advice`).
    """

    headline: str | None
    gain: float | None

    def __new__(cls, text: str, headline: str | None = None, *, gain: float | None = None) -> Self:
        advice = super().__new__(cls, text)
        advice.headline = headline
        advice.gain = gain
        return advice

    def gaining(self, gain: float) -> Self:
        """The same advice, of the same kind, that can raise its pillar by ``gain``."""
        return type(self)(str(self), self.headline, gain=gain)


class Praise(Advice):
    """Advice that says "keep it up": what a pillar says when it has nothing to fix.

    Still a recommendation of its pillar (the report shows it there), but no action to take
    next: ``top_actions`` leaves it out, so it needs no headline.
    """


class Tentative(Advice):
    """Advice about what could not be checked (a picture the image model could not read), or
    resting only on a model that misses much (the humor hint): worth less than advice about
    what was seen, so ``top_actions`` lists it after that."""


class Hint(Tentative):
    """Tentative advice resting only on a model that misses much: the humor hint. A league
    table's "Fix first" passes it by when the account has anything firmer to fix: "Add some
    humor" was the fix of 19 of 21 care desks, whose replies and answers were what to work on."""


class DataGap(Tentative):
    """Tentative advice about the data rather than the account: the picture the import did not
    hold. A league table ranks accounts, so its "Fix first" takes a fix of the account itself
    when there is one: two care brands were told "Get the picture checked", a gap in the file
    their posts came from, as their first fix."""


class Pressing(Advice):
    """Advice about what went wrong lately, which the pillar's score over the whole window
    hides: a feed whose last 10 posts hold 8 job ads scored 87 on Mix (38% overall), and its
    few points ranked the advice below three others, out of "Do this next". ``top_actions``
    keeps it a place among the actions listed, where its points put it."""


class Answering(Advice):
    """Advice to answer the people who wrote to the account: its mentions, the replies to its
    posts, its replies sent as the same text. A help desk's own work: a league table's fix of
    a desk is such advice when it has one, before what else its audit lists first."""


class FirstStep(Advice):
    """Advice without which the rest cannot help: the account writes no posts of its own.

    Its pillar is not scored (nothing to judge), so it wins no points, yet ``top_actions``
    lists it first: every other tip assumes posts to improve.
    """


@dataclass(slots=True)
class PillarResult:
    name: str
    score: int | None  # None exactly when ``scored`` is False: no made-up figure anywhere
    evidence: dict[str, Any]
    recommendations: list[str]
    best: list[PostExample] = field(default_factory=list)
    worst: list[PostExample] = field(default_factory=list)
    # posts shown as proof of a count, neither good nor bad (Mix: the posts it counted as job
    # ads, while none is shown as holding the account back), so a reader can check the model
    counted: list[PostExample] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # False when there is nothing to judge (no original posts for Mix): the overall grade
    # leaves the pillar out rather than count a made-up middle score
    scored: bool = True

    def __post_init__(self) -> None:
        # one rule for every pillar, so that no reader meets a filler score of an unscored one
        if not self.scored:
            self.score = None
        elif self.score is None:
            raise ValueError(f"pillar {self.name!r} is scored but has no score")

    def to_dict(self, as_run: Callable[[str], str] = str) -> dict[str, Any]:
        """``as_run``: as :meth:`AuditResult.to_dict`."""
        evidence = dict(self.evidence)
        evidence["examples"] = {
            "worst": [item.to_dict() for item in self.worst],
            "best": [item.to_dict() for item in self.best],
            "counted": [item.to_dict() for item in self.counted],
        }
        if self.notes:
            evidence["notes"] = [as_run(note) for note in self.notes]
        return {
            "score": self.score,
            "scored": self.scored,
            "evidence": evidence,
            "recommendations": [as_run(rec) for rec in self.recommendations],
        }


@dataclass(slots=True)
class Frame:
    """The account's authored posts in the audit window, as aligned numpy columns."""

    posts: list[Post]
    kind: npt.NDArray[np.str_]
    ts: npt.NDArray[np.float64]  # epoch seconds, NaN when unknown
    scored: npt.NDArray[np.bool_]  # True for non-reposts (their text was scored)
    job: npt.NDArray[np.bool_]
    personality: npt.NDArray[np.bool_]
    humor: npt.NDArray[np.bool_]
    templated: npt.NDArray[np.bool_]
    family: npt.NDArray[np.int64]
    personality_score: npt.NDArray[np.float64]
    humor_score: npt.NDArray[np.float64]
    # True for a post known not to be in English: the text signals cannot read it
    foreign: npt.NDArray[np.bool_]
    # ids of posts counted but never quoted as examples: shared with followers only, where a
    # report is shared beyond them (audit/followers_only.py)
    unquotable: frozenset[str] = frozenset()

    @property
    def n(self) -> int:
        return len(self.posts)

    @property
    def authored_original(self) -> npt.NDArray[np.bool_]:
        """Original posts and quotes: what the account itself chose to publish."""
        out: npt.NDArray[np.bool_] = (self.kind == "original") | (self.kind == "quote")
        return out


@dataclass(slots=True)
class AuditResult:
    account: Account
    overall: int
    grade: str
    pillars: dict[str, PillarResult]
    generated_at: datetime
    reference_time: datetime | None
    window: dict[str, Any]
    counts: dict[str, int]
    top_actions: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    signals: dict[str, str]
    previous: dict[str, Any] | None = None
    change: dict[str, int | None] | None = None  # None for a pillar not scored then or now
    audit_id: int | None = None
    # the account's kind its advice was written for (an ``AccountKind``: "help desk", ...)
    kind: str = "any"
    # why the grade is rough (it rests on very few posts of the account's own), or None
    caution: str | None = None
    # the segment it reads as, as the benchmark ranks it (segment_guesses.read_segment), and
    # the cohort file that gave it (None: the role model's guess)
    read_as: str | None = None
    read_as_file: str | None = None

    def to_dict(self, as_run: Callable[[str], str] = str) -> dict[str, Any]:
        """``as_run`` writes the commands the advice and notes name as the user runs them (on
        the store given with --db), so a script's user copies the same command the terminal
        shows; the default keeps them as the library words them (the stored history)."""
        account = self.account
        return {
            "account": {
                "platform": account.platform,
                "handle": account.handle,
                "id": account.id,
                "display_name": account.display_name,
                "url": account.url,
            },
            "overall": self.overall,
            "grade": self.grade,
            "caution": self.caution,
            "read_as": self.read_as,
            "read_as_file": self.read_as_file,
            "pillars": {name: pillar.to_dict(as_run) for name, pillar in self.pillars.items()},
            "top_actions": [
                {
                    **action,
                    "action": as_run(action["action"]),
                    "headline": as_run(action["headline"]),
                }
                for action in self.top_actions
            ],
            "timeline": list(self.timeline),
            "counts": dict(self.counts),
            "window": dict(self.window),
            "signals": dict(self.signals),
            # the one form of a moment in every --json (cli/json_output.json_text)
            "generated_at": format_time(self.generated_at),
            "reference_time": format_time(self.reference_time),
            "previous": self.previous,
            "change": self.change,
        }
