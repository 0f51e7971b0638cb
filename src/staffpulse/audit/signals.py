"""The post signals the audit reads, behind a small protocol so tests can inject a fake.

The real scorer is ``staffpulse.signals.text.load_text_signals()``; templating comes from
``staffpulse.signals.templating.detect_templates``. Both are called once per audit (or once
per benchmark) on every post text in one batch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from staffpulse.errors import ModelError
from staffpulse.signals import templating

SIGNALS = ("job_opening", "personality", "humor")


class TextScorer(Protocol):
    """Anything with ``score(texts) -> {signal: array of [0, 1]}`` (``thresholds_`` optional)."""

    def score(self, texts: Sequence[str]) -> Mapping[str, Any]: ...


@dataclass(frozen=True, slots=True)
class TextSignals:
    scores: dict[str, npt.NDArray[np.float64]]
    labels: dict[str, npt.NDArray[np.bool_]]
    templated: npt.NDArray[np.bool_]
    family: npt.NDArray[np.int64]
    source: str  # which scorer produced them, for the report


@lru_cache(maxsize=1)
def default_scorer() -> TextScorer:
    """The shipped text model, loaded once per process (ModelError when its artifact is bad)."""
    from staffpulse.signals.text import load_text_signals  # here: a slow import, paid on use

    scorer: TextScorer = load_text_signals()
    return scorer


def _thresholds(scorer: TextScorer) -> dict[str, float]:
    found = getattr(scorer, "thresholds_", None)
    out = dict.fromkeys(SIGNALS, 0.5)
    if isinstance(found, Mapping):
        out.update({k: float(v) for k, v in found.items() if k in out})
    return out


def templates(texts: Sequence[str]) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.int64], str]:
    """(templated, family, source) for each text."""
    if not texts:
        return np.zeros(0, dtype=bool), np.zeros(0, dtype=np.int64), "none"
    result = templating.detect_templates(list(texts))
    return (
        np.asarray(result.templated, dtype=bool),
        np.asarray(result.family, dtype=np.int64),
        "staffpulse.signals.templating",
    )


def score_texts(
    texts: Sequence[str],
    scorer: TextScorer | None = None,
    *,
    detect_templates: bool = True,
    template_mask: Sequence[bool] | npt.NDArray[np.bool_] | None = None,
) -> TextSignals:
    """Score every text in one batch call (templates are per feed: see :func:`with_templates`)."""
    scorer = scorer if scorer is not None else default_scorer()
    n = len(texts)
    distinct, inverse = _distinct(texts)
    raw: Mapping[str, Any] = scorer.score(distinct) if n else {}
    scores: dict[str, npt.NDArray[np.float64]] = {}
    for name in SIGNALS:
        values = raw.get(name)
        array = np.zeros(n) if values is None else np.asarray(values, dtype=np.float64)
        if values is not None:
            if array.shape != (len(distinct),):
                raise ModelError(
                    f"the text scorer returned {array.shape} scores for {len(distinct)} posts"
                )
            array = array if inverse is None else array[inverse]
        scores[name] = array
    cut = _thresholds(scorer)
    labels = {name: scores[name] >= cut[name] for name in SIGNALS}
    source = f"{type(scorer).__module__}.{type(scorer).__name__}"
    empty = TextSignals(scores, labels, np.zeros(n, dtype=bool), np.full(n, -1, np.int64), source)
    return with_templates(empty, texts, template_mask) if detect_templates else empty


def _distinct(texts: Sequence[str]) -> tuple[list[str], npt.NDArray[np.int64] | None]:
    """Each text once, in first-seen order, and where each of ``texts`` is among them (None
    when every text is different). A text scores the same wherever it is, and a staffing
    feed repeats itself (the same ad, the same thanks): a store of 255,000 posts holds 167,000
    texts, and scoring each once saves a third of a benchmark's scoring."""
    where: dict[str, int] = {}
    inverse = np.fromiter((where.setdefault(t, len(where)) for t in texts), np.int64, len(texts))
    if len(where) == len(texts):
        return list(texts), None
    return list(where), inverse


@dataclass(frozen=True, slots=True)
class FeedTemplates:
    """The templating of one feed's texts, which needs no score: a benchmark finds it while
    the model scores the texts."""

    templated: npt.NDArray[np.bool_]
    family: npt.NDArray[np.int64]
    source: str


def feed_templates(
    texts: Sequence[str], mask: Sequence[bool] | npt.NDArray[np.bool_] | None = None
) -> FeedTemplates:
    """The templating of this one feed.

    With ``mask``, only those texts are compared (the account's own original posts: replies
    are short and alike by nature); the others are never templated.
    """
    n = len(texts)
    keep = np.ones(n, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
    index = np.flatnonzero(keep)
    templated = np.zeros(n, dtype=bool)
    family = np.full(n, -1, dtype=np.int64)
    sub_templated, sub_family, template_source = templates([texts[int(i)] for i in index])
    templated[index] = sub_templated
    family[index] = sub_family
    return FeedTemplates(templated, family, template_source)


def with_templates(
    signals: TextSignals,
    texts: Sequence[str],
    mask: Sequence[bool] | npt.NDArray[np.bool_] | None = None,
) -> TextSignals:
    """The same signals with the templating of this one feed (:func:`feed_templates`)."""
    return with_feed_templates(signals, feed_templates(texts, mask))


def with_feed_templates(signals: TextSignals, found: FeedTemplates) -> TextSignals:
    """The same signals with a feed's templating, found by :func:`feed_templates`."""
    source = signals.source.split("; templates:")[0] + f"; templates: {found.source}"
    return TextSignals(signals.scores, signals.labels, found.templated, found.family, source)


def subset(signals: TextSignals, index: npt.NDArray[np.int64]) -> TextSignals:
    """The signals of some texts (used by the benchmark to split one big batch per account)."""
    return TextSignals(
        {k: v[index] for k, v in signals.scores.items()},
        {k: v[index] for k, v in signals.labels.items()},
        signals.templated[index],
        signals.family[index],
        signals.source,
    )
