"""Slow pages (the inbox, a benchmark on a big store) prepared in the background.

On a store with hundreds of thousands of posts the inbox can take minutes to rank and a
benchmark tens of seconds. Rather than leave the browser spinning with no feedback, the page's
data is computed as a job on the read lane (:mod:`staffpulse.web.jobs`). The request waits a
moment (``WebSettings.page_wait``): a fast result is shown at once, as before; a slow one
gets a page with a progress bar that reloads itself when the data is ready (it is then
cached, see :class:`staffpulse.web.data.Backend`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from staffpulse.web.data import Backend
from staffpulse.web.jobs import KEEP_JOBS, Job, JobManager

T = TypeVar("T")


def job_progress(job: Job) -> Callable[[str, int, int], None]:
    """A progress callback (phase, done, total), as the benchmark reports it, for ``job``."""

    def progress(phase: str, done: int, total: int) -> None:
        job.update(phase, done, total or None)

    return progress


def _boxed(work: Callable[[Job], Any], box: dict[str, Any]) -> Callable[[Job], dict[str, Any]]:
    """``work`` as a job's function: what it returns, or raises, is kept in ``box`` for the
    request that sees the job end (a job records only its own summary, here none)."""

    def run(job: Job) -> dict[str, Any]:
        try:
            box["value"] = work(job)
        except BaseException as exc:
            box["error"] = exc
            raise
        return {}

    return run


@dataclass
class _Pending:
    job: Job
    generation: int  # of the backend's data when the job started
    box: dict[str, Any] = field(default_factory=dict)  # "value", or "error" (the exception)

    def stale(self, generation: int) -> bool:
        """Finished on data that changed since (an import): its result must not be shown."""
        return self.generation != generation and self.job.state in ("done", "error")


class SlowPages:
    """One background computation per cache key; requests for the same data share it."""

    def __init__(self, jobs: JobManager, backend: Backend) -> None:
        self.jobs = jobs
        self.backend = backend
        self._pending: dict[Hashable, _Pending] = {}
        self._saves: dict[str, dict[str, Any]] = {}  # job id -> "value" or "error"
        self._lock = threading.Lock()

    def save(self, kind: str, label: str, work: Callable[[Job], Any]) -> Job:
        """Run ``work``, which writes to the store without changing what the pages show
        (saving an audit to the history), on the write lane: after any import, and without
        dropping the pages' data. Its value, or its error, is for :meth:`saved`."""
        box: dict[str, Any] = {}
        job = self.jobs.submit(kind, label, _boxed(work, box), drops_caches=False)
        with self._lock:
            self._saves[job.id] = box
            for stale in list(self._saves)[:-KEEP_JOBS]:  # the oldest, never looked at
                del self._saves[stale]
        return job

    def saved(self, job_id: str, wait: float = 0.0) -> Any:
        """What the :meth:`save` job ``job_id`` returned, once: the job while it runs (after
        ``wait`` seconds), None when it is unknown (the dashboard restarted, or the outcome
        was already taken). Its failure is raised here, so the page shows the usual error."""
        job = self.jobs.get(job_id)
        with self._lock:
            known = job_id in self._saves
        if job is None or not known:
            return None
        self.jobs.wait(job_id, wait)
        if job.state not in ("done", "error"):
            return job
        with self._lock:
            box = self._saves.pop(job_id, None)
        if box is None:  # another request took it meanwhile
            return None
        if "error" in box:
            raise box["error"]
        return box.get("value")

    def get(self, key: Hashable, label: str, compute: Callable[[Job], T], wait: float) -> T | Job:
        """The data when it is cached or ready within ``wait`` seconds, else the running job.

        ``compute`` must store its result under ``key`` in the backend's cache (the methods of
        :class:`Backend` do), so the reload after the job finds it there. A failure is raised
        here, to the request that sees the job end, so the page shows the usual error.
        """
        found, value = self.backend.peek(key)
        if found:
            self._forget_finished(key)
            return cast(T, value)  # ``compute`` cached it under ``key``, so a T
        with self._lock:
            pending = self._pending.get(key)
            if pending is None or pending.stale(self.backend.generation):
                pending = self._start(key, label, compute)
        self.jobs.wait(pending.job.id, wait)
        if pending.job.state not in ("done", "error"):
            return pending.job
        with self._lock:
            if self._pending.get(key) is pending:
                del self._pending[key]  # the next request after a failure tries again
        if "error" in pending.box:
            raise pending.box["error"]
        return cast(T, pending.box["value"])  # what ``compute`` returned

    def _forget_finished(self, key: Hashable) -> None:
        """Drop the finished job of ``key`` once its value is read from the cache: a mark
        that drops the cached value later (dismissing a conversation the inbox left out) must
        start a new ranking, not be shown the job's old one, still listing what was dismissed."""
        with self._lock:
            pending = self._pending.get(key)
            if pending is not None and pending.job.state in ("done", "error"):
                del self._pending[key]

    def _start(self, key: Hashable, label: str, compute: Callable[[Job], T]) -> _Pending:
        box: dict[str, Any] = {}
        generation = self.backend.generation
        job = self.jobs.submit("page", label, _boxed(compute, box), lane="read")
        pending = _Pending(job, generation, box)
        self._pending[key] = pending
        return pending
