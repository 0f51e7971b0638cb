"""Long work in background threads, with a status the pages poll.

Two lanes. The *write* lane (one worker thread) runs imports and live fetches in order
(SQLite likes one writer), and the data caches are dropped when one finishes. The *read* lane
(two workers) computes slow pages (the inbox, a benchmark on a big store:
:mod:`staffpulse.web.background`), so such a page never waits behind an import, nor an import
behind it. Each job reports its phase and progress through :class:`Job`; the JSON status
endpoint reads :meth:`Job.as_dict`.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from staffpulse.errors import StaffpulseError

log = logging.getLogger("staffpulse.web")
KEEP_JOBS = 50


@dataclass
class Job:
    id: str
    kind: str  # import | fetch | page
    label: str
    lane: str = "write"  # write (changes the store) | read (prepares a page)
    # where the failed job's "Back to Import" leads: a fetch's form filled in as it was sent
    back: str = "/import"
    # an import or a fetch brings new data, so every page is computed again when it ends;
    # saving an audit to the history changes nothing a page shows, and a benchmark of a big
    # store takes minutes to compute again
    drops_caches: bool = True
    # what the job does (a refresh of these accounts with this budget): a second submission
    # of the same work while this one is queued or running is shown this one instead
    key: str = ""
    state: str = "queued"  # queued | running | done | error
    phase: str = "Waiting for the previous job to finish"
    done: int = 0
    total: int | None = None
    detail: str = ""  # a line under the bar, e.g. "12.0 MB of 37.4 MB read · 45,000 records"
    message: str = ""
    hint: str | None = None
    result: dict[str, Any] = field(default_factory=dict)
    created: float = field(default_factory=time.time)
    # a page reads the state and then the result: both must come from the same moment, or
    # a job ending in between shows "Done" with no result, and never reloads again
    _lock: threading.Lock = field(
        default_factory=threading.Lock, init=False, repr=False, compare=False
    )

    def update(
        self, phase: str, done: int | None = None, total: int | None = None, detail: str = ""
    ) -> None:
        self.phase = phase
        if done is not None:
            self.done = done
        self.total = total
        self.detail = detail

    def end(
        self,
        state: str,
        result: dict[str, Any] | None = None,
        message: str = "",
        hint: str | None = None,
    ) -> None:
        """Set the final ``state`` ("done" or "error") with its ``result`` or its ``message``
        and ``hint``, all at once."""
        with self._lock:
            if result is not None:
                self.result = result
            if message:
                self.message, self.hint = message, hint
            self.state = state
            self.phase = "Finished" if state == "done" else "Stopped"

    def snapshot(self) -> Job:
        """A copy of the job as it is now, which a page renders (it changes no more)."""
        with self._lock:
            return replace(self, result=dict(self.result))

    @property
    def percent(self) -> int | None:
        if self.state == "done":
            return 100
        if self.total:
            return max(0, min(99, round(100 * self.done / self.total)))
        return None

    def as_dict(self) -> dict[str, Any]:
        with self._lock:  # one moment's state, progress and result
            return {
                "id": self.id,
                "kind": self.kind,
                "label": self.label,
                "state": self.state,
                "phase": self.phase,
                "done": self.done,
                "total": self.total,
                "percent": self.percent,
                "detail": self.detail,
                "message": self.message,
                "hint": self.hint,
                # a download kept with the job (every record an import skipped, compressed) has
                # its own address: each poll sent all of it, which the page threw away
                "result": {k: v for k, v in self.result.items() if not isinstance(v, bytes)},
                "finished": self.state in ("done", "error"),
            }


JobFunc = Callable[[Job], dict[str, Any]]


class JobManager:
    def __init__(self, on_finish: Callable[[Job], None] | None = None) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        # one writer (SQLite), two readers: a slow inbox need not wait for a slow benchmark
        self._pools = {
            lane: ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"staffpulse-{lane}")
            for lane, workers in (("write", 1), ("read", 2))
        }
        self._on_finish = on_finish

    def submit(
        self,
        kind: str,
        label: str,
        func: JobFunc,
        *,
        lane: str = "write",
        back: str = "/import",
        drops_caches: bool = True,
        key: str = "",
    ) -> Job:
        """Queue ``func`` on ``lane``. With a ``key``, the same work already queued or
        running is returned instead of a new job: a form sent twice (two tabs, a double click
        the browser let through) fetches, and pays X, once."""
        job = Job(
            id=uuid.uuid4().hex[:12],
            kind=kind,
            label=label,
            lane=lane,
            back=back,
            drops_caches=drops_caches,
            key=key,
        )
        with self._lock:
            if key:
                for other in self._jobs.values():
                    if other.key == key and other.state in ("queued", "running"):
                        return other
            self._jobs[job.id] = job
            if len(self._jobs) > KEEP_JOBS:
                for old in sorted(self._jobs.values(), key=lambda j: j.created)[:-KEEP_JOBS]:
                    if old.state in ("done", "error"):
                        del self._jobs[old.id]
        self._pools[lane].submit(self._run, job, func)
        return job

    def _run(self, job: Job, func: JobFunc) -> None:
        job.state, job.phase = "running", "Starting"
        try:
            job.end("done", func(job))
        except StaffpulseError as exc:  # the library's own hint: the page words it (web_hint)
            job.end("error", message=exc.message, hint=exc.hint)
        except Exception:
            log.exception("background job %s (%s) failed", job.id, job.kind)
            job.end(
                "error",
                message="something unexpected went wrong while working on this job",
                hint="the details are in the terminal that runs staffpulse serve",
            )
        finally:
            if job.state not in ("done", "error"):  # stopped by the server's shutdown
                job.end("error", message="the dashboard stopped before this job ended")
            if self._on_finish is not None and job.lane == "write" and job.drops_caches:
                self._on_finish(job)

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self, n: int = 5) -> list[Job]:
        """The latest imports and fetches (page preparations and saved audits are not what
        the Import page's progress page shows)."""
        with self._lock:
            mine = [j for j in self._jobs.values() if j.lane == "write" and j.drops_caches]
        return sorted(mine, key=lambda j: -j.created)[:n]

    def wait(self, job_id: str, timeout: float = 30.0) -> Job | None:
        """Block until the job finished (tests)."""
        deadline = time.monotonic() + timeout  # immune to the wall clock being set
        job = self.get(job_id)
        while (
            job is not None and job.state not in ("done", "error") and time.monotonic() < deadline
        ):
            time.sleep(0.02)
        return job

    def shutdown(self) -> None:
        for pool in self._pools.values():
            pool.shutdown(wait=False, cancel_futures=True)
