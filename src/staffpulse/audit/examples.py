"""Which posts a report shows as examples: each pillar's strongest posts to imitate, each
text once and never a near-copy of a template, none both "to imitate" and "holding you back",
and none shown twice in one report while a pillar has others."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import numpy.typing as npt

from staffpulse.audit.imitation import imitation_verdict, same_text, without_handles
from staffpulse.audit.types import Frame, PillarResult
from staffpulse.listen.work_terms import URL_RE
from staffpulse.signals.templating import mask_text

SUBSTANTIAL_CHARS = 40  # example posts shorter than this (after @mentions) teach little
EXAMPLES_SHOWN = 3  # posts to imitate per pillar
# candidates each pillar ranks: some to show when another pillar shows its best ones
EXAMPLE_CANDIDATES = 2 * EXAMPLES_SHOWN


def rank_examples(
    frame: Frame,
    pool: npt.NDArray[np.int64],
    strength: npt.NDArray[np.float64],
    k: int = EXAMPLE_CANDIDATES,
) -> npt.NDArray[np.int64]:
    """The ``k`` strongest posts of ``pool``, substantial ones first (a bare emoji reply last),
    never one the inbox would not offer a firm to join (hostile, sexual, or party politics
    not about work), nor one that swears (:mod:`~staffpulse.audit.profanity`), nor a joke about
    a religion, ethnicity or nationality
    (:mod:`~staffpulse.audit.identity_groups`): these are posts "to imitate", in a report a
    consultant sends a client, and a real feed's strongest "human" posts were a partisan rant
    and a joke about Muslims. A seasonal greeting is offered only when no other post
    is fit (:mod:`~staffpulse.audit.imitation`). Only the posts ranked are read, so a big feed costs
    no more."""
    if pool.size == 0:
        return pool
    length = np.array([len(without_handles(frame.posts[int(i)].text)) for i in pool])
    short = length < SUBSTANTIAL_CHARS
    keep: list[int] = []
    kept: list[frozenset[str]] = []  # their words, against near-copies
    last: list[int] = []  # seasonal greetings: shown only when no other post is fit
    for i in pool[np.lexsort((-strength, short))].tolist():
        verdict = imitation_verdict(frame.posts[i].text, bool(frame.humor[i]))
        if verdict == "last" and len(last) < k:
            last.append(i)
        elif verdict == "fit" and not _near_copy(words := _words(frame.posts[i].text), kept):
            keep.append(i)
            kept.append(words)
            if len(keep) == k:
                break
    # a greeting is no model post: beside a story of the firm's own, it filled the second
    # place "to imitate"; it stands in only for a feed with nothing else to show
    return np.array(keep or last[:k], dtype=np.int64)


# the share of words two posts have in common (of all words either has) from which the second
# is a near-copy of the first: two help desk replies apart by two words ("which console" and
# "which console and game") taught one thing twice, side by side
NEAR_COPY = 0.7


def _words(text: str) -> frozenset[str]:
    """``text``'s words as the templating signal compares posts: names, links and numbers
    masked (:func:`~staffpulse.signals.templating.mask_text`)."""
    return frozenset(mask_text(text).split())


def _near_copy(words: frozenset[str], kept: list[frozenset[str]]) -> bool:
    """Whether ``words`` share :data:`NEAR_COPY` of theirs with the words of a post in ``kept``."""
    return any(len(words & other) >= NEAR_COPY * len(words | other) for other in kept)


def unique_texts(
    frame: Frame, pool: npt.NDArray[np.int64], *, canned_aside: bool = False
) -> npt.NDArray[np.int64]:
    """``pool`` with each text once (its latest post; @names and closing initials aside:
    :func:`~staffpulse.audit.imitation.same_text`), and
    without near-copies of a template: the same words twice, even to two people, teach
    nothing new, and Voice asks the account to rewrite its template posts, so a copy ("Thank
    you, Toledo!" beside "Thank you, Knoxville!") is no post to imitate. A post shared with
    followers only (``frame.unquotable``) is never one either: reports are shared. With
    ``canned_aside`` (the posts offered to imitate) a reply whose text ``pool`` holds more
    than once is left out too: a help desk read "62 of 101 replies repeat one of 24 texts"
    above one of those canned lines "to imitate"."""
    latest: dict[str, int] = {}
    sent: Counter[str] = Counter()
    for i in pool[~frame.templated[pool]][::-1].tolist():
        post = frame.posts[i]
        if post.id in frame.unquotable:
            continue
        text = same_text(post.text)
        sent[text] += 1
        latest.setdefault(text, i)
    keep = [
        i
        for text, i in latest.items()
        if not (canned_aside and sent[text] > 1 and frame.kind[i] == "reply")
    ]
    return np.array(sorted(keep), dtype=np.int64)


def drop_shown_as_worst(pillars: dict[str, PillarResult]) -> None:
    """No post is both "to imitate" and "holding you back" in one report: a post any pillar
    holds against the account is taken out of every pillar's examples to imitate, and so is
    one that opens as one of them does: a real report offered one recap of a course's series
    ("In Week 3, #Cohort24 fellows ...", numbers and tag aside) to imitate beside another
    holding it back, and the reader cannot tell what to copy."""
    worst = {(ex.text, ex.date, ex.url) for pillar in pillars.values() for ex in pillar.worst}
    openings = {_opening(text) for text, _d, _u in worst} - {None}
    for pillar in pillars.values():
        pillar.best = [
            ex
            for ex in pillar.best
            if (ex.text, ex.date, ex.url) not in worst and _opening(ex.text) not in openings
        ]


_MASKS = ((re.compile(r"^@\w+"), "@"), (re.compile(r"^#\w+"), "#"), (re.compile(r"\d+"), "0"))
OPENING_WORDS = 5  # fewer words in common are a phrase ("Thank you so much"), not one series


def _opening(text: str) -> tuple[str, ...] | None:
    """The first :data:`OPENING_WORDS` words of ``text``, names, tags and numbers masked and
    links left out; None for a shorter post."""
    words: list[str] = []
    for word in URL_RE.sub(" ", text).lower().split():
        for pattern, mask in _MASKS:
            word = pattern.sub(mask, word)
        words.append(word.strip(".,:;!?\"'()"))
    return tuple(words[:OPENING_WORDS]) if len(words) >= OPENING_WORDS else None


NO_HUMAN_VOICE = "no human voice"  # why a post is held back for its flat wording alone


def spread_examples(pillars: dict[str, PillarResult]) -> None:
    """At most :data:`EXAMPLES_SHOWN` posts to imitate per pillar, none shown twice in one
    report while a pillar has others: Mix and Voice both hold up human posts that are no job
    ad, so a report showed the same three posts under each. In report order, each pillar
    shows its strongest candidates not shown above; one with none left keeps its own best.
    A post held back above is not shown again for its flat wording alone: a feed of one job
    ad showed it under Mix, then Voice (a template or a reply sent 8 times still is)."""
    shown: set[tuple[str, str | None, str | None]] = set()
    against: set[tuple[str, str | None, str | None]] = set()
    for pillar in pillars.values():
        fresh = [ex for ex in pillar.best if (ex.text, ex.date, ex.url) not in shown]
        pillar.best = (fresh or pillar.best)[:EXAMPLES_SHOWN]
        shown.update((ex.text, ex.date, ex.url) for ex in pillar.best)
        pillar.worst = [
            ex
            for ex in pillar.worst
            if ex.why != NO_HUMAN_VOICE or (ex.text, ex.date, ex.url) not in against
        ]
        against.update((ex.text, ex.date, ex.url) for ex in pillar.worst)
