"""Scoring a big file's posts over processes with one pool for the whole run, a step at a time.

``staffpulse classify`` used to hand the text model 20,000 posts at once, which it split over
processes (:meth:`~staffpulse.signals.text.TextSignals.score`): the progress bar then moved only
once per 20,000 posts (several seconds at 0 on a busy machine), and each call started its own
pool. Here one pool serves every full chunk of a run and scores it a step (a few thousand
posts) at a time, in input order, so the bar moves each step; no process is started for fewer
posts than the model would split (``parallel_min``). Each post is scored by the same model
method as before (its scores do not depend on the posts scored with it), so the output is the
same, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

from staffpulse.signals.text import FloatArray, TextSignals

__all__ = ["TextScorer", "spread_scoring"]

# Scores of each step of texts, in order: what a chunk's steps are scored with.
TextScorer = Callable[[Sequence[list[str]]], Iterator[dict[str, FloatArray]]]
_MODEL: TextSignals | None = None  # the model, in a worker


def _take_model(model: TextSignals) -> None:
    global _MODEL
    _MODEL = model


def _score_in_worker(texts: list[str]) -> dict[str, FloatArray]:
    assert _MODEL is not None
    return _MODEL.score(texts)  # a worker is daemonic: the model scores in-process there


@contextmanager
def spread_scoring(model: TextSignals) -> Iterator[TextScorer]:
    """A :data:`TextScorer` for the run: steps of at least ``model.parallel_min`` posts in all
    go to a pool of ``model.n_jobs`` processes started at the first of them, the rest (and
    all of them where no pool can start) are scored in this process."""
    jobs = model.count_workers()  # as the model decides: 1 in a Dask worker
    can_spread = jobs > 1
    pool: Executor | None = None

    def in_process(steps: Sequence[list[str]]) -> Iterator[dict[str, FloatArray]]:
        return map(model.score, steps)

    def score_steps(steps: Sequence[list[str]]) -> Iterator[dict[str, FloatArray]]:
        nonlocal pool, can_spread
        if not can_spread or sum(map(len, steps)) < model.parallel_min:
            yield from in_process(steps)
            return
        done = 0
        try:
            if pool is None:
                pool = ProcessPoolExecutor(jobs, initializer=_take_model, initargs=(model,))
            for scores in pool.map(_score_in_worker, steps):
                yield scores
                done += 1
        except (OSError, RuntimeError):  # no fork/spawn, or a worker died: the rest in-process
            can_spread = False
            yield from in_process(steps[done:])

    try:
        yield score_steps
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
