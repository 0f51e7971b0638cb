""" "Do this next": the audit's most important actions, with the points each could win.

* **Only real actions.** Praise (a pillar's "keep it up" when it has nothing to fix, marked
  :class:`~staffpulse.audit.types.Praise`) stays in its pillar's advice but is no action to
  take next. When fewer than three actions are needed, fewer are listed.
* **Points: what the action can win.** A pillar can add at most its share of the overall
  score it is missing: ``weight / sum of the scored pillars' weights × (100 − score)``
  (``pillar_points``), since the overall score averages the scored pillars only. A
  pillar's first advice is its main fix (fewer job ads for a job board, a photo for a logo):
  followed, it can bring the pillar to 100, so it carries the whole gap. The pillar's other
  advice works on part of the same problem: half the gap, then a quarter (``SECONDARY_SHARES``).
  So a pillar with more advice never looks less important than one with a single tip.
  Advice that can fix only one known part of its pillar says how far (``Advice.gain``: a
  better display name lifts only the name's part of Face) and wins only that share of the
  gap, wherever it stands; such advice on separate parts is rounded together, so it adds up
  to the pillar's gap, never past it.
* **Totals that add up.** The actions of one pillar overlap (they raise the same score), so
  what several listed actions win together counts each pillar once, at most its gap
  (:func:`actions_total`): never more than ``100 − overall``. The pillars' gaps are made
  whole together (:func:`whole_gaps`), so gaps of 32.5 and 12.5 win 33 and 12, and an
  account that follows every main fix is told it reaches 100, not 99. A pillar not scored has no
  score to raise: its advice is worth 0 points and comes after the scored pillars'.
* **Which are listed.** Advice without which the rest cannot help (:class:`~staffpulse.audit.
  types.FirstStep`: the account writes no posts of its own) first. Then the actions worth
  the most points (ties: a pillar's first advice before its second, the pillar with the
  most to gain first). Only a pillar with more than ``MANY_POINTS`` to gain may place its
  second and third advice. Tentative advice (:class:`~staffpulse.audit.types.Tentative`:
  about data that could not be checked, or resting only on the humor model's hint) and the
  advice of a pillar with little to gain, or worth little itself, are listed only when
  places are left, the humor hint (:class:`~staffpulse.audit.types.Hint`) after the rest of
  them but before the advice of a pillar not scored. Advice about what went wrong lately
  (:class:`~staffpulse.audit.types.Pressing`: a feed just turned into a job board) is always
  listed, for the score over the whole window hides it.
* **Order.** The actions listed are shown by the points each can win, the most first (after
  a first step): "+0" above "+10" read as a slip. On a tie, in the order they were picked.
  A league table's "Fix first" passes the humor hint by when anything firmer is listed
  (``hint`` in each action).
* **A headline for each.** Each action carries a ``headline``, said about the account rather
  than to it, for a league table of competitors (``benchmark``): the one its pillar wrote
  beside the advice (:class:`~staffpulse.audit.types.Advice`), else its first sentence told in
  the third person after the pillar's title (:func:`headline_of`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

from staffpulse.audit.types import (
    PILLAR_TITLES,
    Advice,
    DataGap,
    FirstStep,
    Hint,
    PillarResult,
    Praise,
    Pressing,
    Tentative,
)
from staffpulse.report.rounding import whole

# a pillar with no more than this to gain gets one action at most, after the others
MANY_POINTS = 5.0
# the share of its pillar's gap each piece of advice can win: the main fix all of it, the
# others only part of the problem
SECONDARY_SHARES = (1.0, 0.5, 0.25)
# second person to third, for advice written without a headline: "your" before "you"
_THIRD_PERSON = (
    (re.compile(r"\byours\b", re.IGNORECASE), "its"),
    (re.compile(r"\byour\b", re.IGNORECASE), "its"),
    (re.compile(r"\byou are\b", re.IGNORECASE), "it is"),
    (re.compile(r"\byou have\b", re.IGNORECASE), "it has"),
    (re.compile(r"\byou\b", re.IGNORECASE), "it"),
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_Key = TypeVar("_Key")  # what values rounded together are told by: a pillar, an advice's rank


class Candidate(NamedTuple):
    """An action before it is listed, its fields in the order it sorts by."""

    not_first: bool  # not a first step
    deferred: bool
    # of the deferred advice, a scored pillar's first (0), then the humor model's hint (1)
    # whatever its points: "Add some humor" was the first action (and so the league table's
    # fix) of 19 of 21 care desks, its part of Voice worth more than their small but firmer
    # fixes; then a pillar not scored (2), worth 0: a care desk's "+10" humor hint was left
    # out of "Do this next" for a Face and a Mix n/a that could win nothing
    later: int
    minus_points: int
    rank: int  # in its pillar's advice
    position: int  # its pillar's place
    pillar: str


def is_praise(text: str) -> bool:
    """Whether a piece of advice only says "keep it up" (no action to take next): every
    pillar marks such advice with :class:`Praise`, so its wording never decides."""
    return isinstance(text, Praise)


def pillar_gaps(
    pillars: Mapping[str, PillarResult], weights: Mapping[str, Any]
) -> dict[str, float]:
    """The most each pillar can add to the overall score (0 for a pillar not scored)."""
    # the overall score averages the scored pillars only, so a pillar's share of it is its
    # weight among theirs: with Face and Mix not scored, Voice and Conversation are half each
    total = (
        sum(
            float(weights.get(name, 0))
            for name, pillar in pillars.items()
            if pillar.score is not None
        )
        or 1.0
    )
    return {
        name: 0.0
        if pillar.score is None
        else float(weights.get(name, 0)) / total * (100 - pillar.score)
        for name, pillar in pillars.items()
    }


def whole_gaps(gaps: Mapping[str, float]) -> dict[str, int]:
    """Each pillar's gap in whole points, adding up to what the overall score misses as it is
    shown (``100 - overall``): each rounded alone, two gaps of 32.5 and 12.5 (an overall 55)
    came to 32 and 12, and "Doing all of this could take you from 55 to 99" though every
    pillar would be at 100. Each gets its whole points, and the points left over go to the
    largest fractions (the biggest gap first on a tie)."""
    # what the overall score misses, as it is shown: a mean of 54.5 shows 55, so the gaps of
    # 32.5 and 13 make 45, not the 46 that read "from 55 to 101"
    return _whole_together(gaps, 100 - whole(100 - sum(gaps.values())))


def _whole_together(values: Mapping[_Key, float], total: int) -> dict[_Key, int]:
    """``values`` in whole points that add up to ``total``: each gets its whole points, and the
    points left over go to the largest fractions (the biggest value first on a tie)."""
    floors = {key: math.floor(value) for key, value in values.items()}
    left = total - sum(floors.values())
    by_fraction = sorted(values, key=lambda key: (-(values[key] - floors[key]), -values[key]))
    for key in by_fraction[: max(0, left)]:
        floors[key] += 1
    return floors


def advice_points(gap: float, parts: int) -> list[int]:
    """What each of a pillar's ``parts`` pieces of advice can win, in whole points: the first
    (its main fix) the whole ``gap``, the others less (:data:`SECONDARY_SHARES`)."""
    shares = SECONDARY_SHARES + (SECONDARY_SHARES[-1],) * max(0, parts - len(SECONDARY_SHARES))
    return [round(gap * share) for share in shares[:parts]]


def _pillar_advice_points(
    score: int | None, gap: float, whole_gap: int, texts: Sequence[str]
) -> list[int]:
    """:func:`advice_points` of a pillar's advice, the main fix winning the ``whole_gap``
    (:func:`whole_gaps`), but advice that says how far it can raise the pillar (``gain``)
    wins that share of the ``gap`` only."""
    points = advice_points(gap, len(texts))
    if points:
        points[0] = whole_gap
    missing = 100 - (score or 0)
    if score is None or not missing:
        return points
    # each fixes a part of its own, so they add up: rounded together, never past the gap (a
    # care desk's 6 + 3 + 2 on three parts of a Conversation 10 points short read "+11")
    gains = {
        rank: gap * min(max(text.gain, 0.0), missing) / missing
        for rank, text in enumerate(texts)
        if isinstance(text, Advice) and text.gain is not None
    }
    total = min(whole_gap, whole(sum(gains.values())))
    for rank, won in _whole_together(gains, total).items():
        points[rank] = won
    return points


def actions_total(actions: Sequence[Mapping[str, Any]]) -> int:
    """What the listed actions could win together: each pillar's actions overlap, so a pillar
    counts once, at most its ``pillar_points``."""
    by_pillar: dict[str, int] = {}
    caps: dict[str, int] = {}
    for action in actions:
        name = str(action["pillar"])
        by_pillar[name] = by_pillar.get(name, 0) + int(action.get("points") or 0)
        caps[name] = int(action.get("pillar_points") or 0)
    return sum(min(points, caps[name]) for name, points in by_pillar.items())


def top_actions(
    pillars: Mapping[str, PillarResult], weights: Mapping[str, Any], limit: int = 3
) -> list[dict[str, Any]]:
    """Up to ``limit`` actions, the biggest lever first (see the module docstring)."""
    gap = pillar_gaps(pillars, weights)
    whole_gap = whole_gaps(gap)
    actions = {
        name: [text for text in pillar.recommendations if not is_praise(text)]
        for name, pillar in pillars.items()
    }
    points = {
        name: _pillar_advice_points(pillars[name].score, gap[name], whole_gap[name], texts)
        for name, texts in actions.items()
    }
    order = sorted(pillars, key=lambda name: (-gap[name], pillars[name].score or 0))
    candidates: list[Candidate] = []
    for rank in range(3):
        for position, name in enumerate(order):
            if rank < len(actions[name]) and (rank == 0 or gap[name] > MANY_POINTS):
                text = actions[name][rank]
                first = isinstance(text, FirstStep)
                # a tip worth little (a better name, when the picture is most of Face) goes
                # after the others too, not before a bigger one on something unchecked
                worth = points[name][rank]
                deferred = isinstance(text, Tentative) or min(gap[name], worth) <= MANY_POINTS
                candidates.append(
                    Candidate(
                        not first,
                        deferred and not first,
                        _later(pillars[name], text) if deferred and not first else 0,
                        -points[name][rank],
                        rank,
                        position,
                        name,
                    )
                )
    candidates.sort()
    listed = _with_pressing(candidates, actions, limit)
    # shown by points (a first step first): a sort keeps the order picked on a tie
    listed.sort(key=lambda c: (c.not_first, c.minus_points))
    return [
        _action(c.pillar, actions[c.pillar][c.rank], points[c.pillar][c.rank], whole_gap[c.pillar])
        for c in listed
    ]


def _later(pillar: PillarResult, text: str) -> int:
    """Where deferred advice goes among the deferred (:attr:`Candidate.later`)."""
    if pillar.score is None:
        return 2
    return 1 if isinstance(text, Hint) else 0


def _with_pressing(
    candidates: list[Candidate], actions: Mapping[str, Sequence[str]], limit: int
) -> list[Candidate]:
    """The first ``limit`` candidates, but a :class:`Pressing` one left out takes the place
    of the last of them that is neither pressing nor a first step."""
    listed = candidates[:limit]
    for late in candidates[limit:]:
        if not isinstance(actions[late.pillar][late.rank], Pressing):
            continue
        for i in range(len(listed) - 1, -1, -1):
            text = actions[listed[i].pillar][listed[i].rank]
            if not isinstance(text, Pressing | FirstStep):
                listed[i] = late
                break
    return sorted(listed)


def headline_of(title: str, text: str) -> str:
    """The headline of a piece of advice of the pillar titled ``title``: the one the pillar
    wrote (:class:`~staffpulse.audit.types.Advice`), else the advice's first sentence told in
    the third person after the title ("Mix: Most of its posts are not in English, ...")."""
    if isinstance(text, Advice) and text.headline is not None:
        return text.headline
    first = _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0].rstrip(".")
    for pronoun, said in _THIRD_PERSON:
        first = pronoun.sub(lambda m, said=said: _same_case(m.group(0), said), first)
    return f"{title}: {first}" if title and first else first


def _same_case(found: str, said: str) -> str:
    return said[0].upper() + said[1:] if found[:1].isupper() else said


def _action(name: str, text: str, points: int, gap: int) -> dict[str, Any]:
    return {
        "pillar": name,
        "title": PILLAR_TITLES[name],
        "action": str(text),
        "headline": headline_of(PILLAR_TITLES[name], text),
        "points": points,
        "pillar_points": gap,
        # about the data rather than the account (the picture the import did not hold): a
        # league table's "Fix first" passes it by (benchmark/league_action.py)
        "data_gap": isinstance(text, DataGap),
        # resting on the humor model alone: a league table's "Fix first" takes a firmer one
        "hint": isinstance(text, Hint),
    }
