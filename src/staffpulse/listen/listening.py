"""Listen to Jetstream as one recorded run: what ``listen bluesky`` does, for any caller.

:func:`listen` connects with a :class:`~staffpulse.listen.listener.JetstreamListener` and
records the run (:mod:`staffpulse.store.runs`) with its counters: ``ok``; ``interrupted``
(Ctrl-C, the usual end of a listen without a duration); ``partial`` (Jetstream was reached,
then lost for good: what was received is kept); ``error`` (never reached, or a failure
before anything was received). Ctrl-C ends it like the others, with its counters: a person
who stops a listen wants to know what it kept.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from staffpulse.errors import FetchError
from staffpulse.listen.listener import (
    SOURCE,
    JetstreamListener,
    ListenOptions,
    ListenStats,
    StatusCallback,
)
from staffpulse.listen.relevance import RelevanceFilter
from staffpulse.store import Store
from staffpulse.store.runs import recorded_run


@dataclass(frozen=True)
class ListenResult:
    """How a listen ended: its counters, its row in ``runs``, and the network failure that
    stopped it (None when it ran its course)."""

    stats: ListenStats
    run_id: int | None
    failure: FetchError | None = None
    interrupted: bool = False  # stopped with Ctrl-C; what came before is saved

    @property
    def outcome(self) -> str:
        """``ok``; ``interrupted`` (Ctrl-C); ``unreachable`` (Jetstream never answered);
        ``disconnected`` (lost for good after it was reached)."""
        if self.failure is None:
            return "interrupted" if self.interrupted else "ok"
        return "unreachable" if self.stats.connects == 0 else "disconnected"


def listen(
    store: Store,
    relevance: RelevanceFilter,
    options: ListenOptions,
    *,
    on_status: StatusCallback | None = None,
) -> ListenResult:
    """Listen as ``options`` say, store the relevant posts and record the run.

    A network failure (:class:`FetchError`) and Ctrl-C are returned in the result rather
    than raised: what was received before is stored and counted, and the caller reports
    both. Any other error is recorded, then raised.
    """
    listener = JetstreamListener(store, relevance, options, on_status=on_status)
    params = {
        "source": SOURCE,
        "url": options.url,
        "duration_seconds": options.duration,
        "filter": relevance.description,
    }
    run_id: int | None = None
    try:
        with recorded_run(
            store,
            "listen",
            params,
            counts=listener.stats.as_dict,
            kept_something=lambda: listener.stats.connects > 0,
        ) as recording:
            run_id = recording.run.id
            asyncio.run(listener.run())
    except FetchError as exc:
        return ListenResult(listener.stats, run_id, exc)
    except KeyboardInterrupt:  # recorded as interrupted by recorded_run; the batch is saved
        return ListenResult(listener.stats, run_id, interrupted=True)
    return ListenResult(listener.stats, run_id)
