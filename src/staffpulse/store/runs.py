"""One way to record an import, fetch or listen as a row of the ``runs`` table.

Every run ends with one of four statuses, whatever kind it is:

* ``ok``: it did what was asked;
* ``partial``: it stopped before the end (a budget, a rate limit) or failed after writing
  something, which is kept;
* ``interrupted``: the user stopped it (Ctrl-C); what was written is kept;
* ``error``: it failed before writing anything.

Listening once recorded ``failed`` for ``error``; migration ``0009_runs_failed_is_error``
rewrites those rows, so a reader of the table meets only these four (and ``running`` for a
run that is under way, or was killed before it could say how it ended).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from staffpulse.models import Run

if TYPE_CHECKING:
    from staffpulse.store.core import Store

RunStatus = Literal["ok", "partial", "interrupted", "error"]


@dataclass
class RunRecording:
    """The run being recorded. The block sets ``stopped_early`` when it ends normally but
    did not do all that was asked (the run is then ``partial``, not ``ok``)."""

    run: Run
    stopped_early: bool = False


def _nothing_kept() -> bool:
    return False


@contextmanager
def recorded_run(
    store: Store,
    kind: str,
    params: dict[str, Any],
    *,
    counts: Callable[[], dict[str, Any]],
    kept_something: Callable[[], bool] = _nothing_kept,
) -> Iterator[RunRecording]:
    """Record the block as a run of ``kind``: started now, finished with ``counts()`` and
    its status, whether the block returns or raises (the exception goes on).

    ``kept_something()`` says, after a failure, whether the block had written something
    that stays in the store: the run is then ``partial`` rather than ``error``.
    """
    recording = RunRecording(store.start_run(kind, params))
    status: RunStatus = "error"
    try:
        yield recording
        status = "partial" if recording.stopped_early else "ok"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    except BaseException:
        status = "partial" if kept_something() else "error"
        raise
    finally:
        store.finish_run(recording.run, counts(), status)


FAILED_IS_ERROR_MIGRATION = (
    "0009_runs_failed_is_error",
    # listen recorded "failed" where import and fetch record "error": one word for one outcome
    "UPDATE runs SET status = 'error' WHERE status = 'failed';",
)
