"""The Dask engine of ``staffpulse score``: a client of a scheduler, or a local cluster.

A ``--scheduler`` address is checked before any work: it must take a TCP connection (else
the scheduler cannot be reached) and answer Dask's handshake within the timeout (else it is
something else: a web server, often the dashboard's port 8787 typed for the scheduler's 8786).
Dask itself bounds only the connection; a service that accepts it and stays silent would
leave its handshake waiting forever, and one that answers in another protocol makes it read
a garbage length (``MemoryError: Unable to allocate 3.07 EiB``).
"""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from staffpulse.errors import ClusterError, FetchError, InputError
from staffpulse.extras import require
from staffpulse.scale.inputs import shard_post_keys

OnResult = Callable[[int, Any], None]
# score_all(shards, on_result(index, result)): every shard scored, results in any order
Runner = Callable[[list[Path], OnResult], None]
_REACH_HINT = (
    "check the address (tcp://HOST:8786), that the scheduler is running and that this "
    "machine can reach it; or run with --engine local"
)


@contextmanager
def dask_runner(
    scheduler: str | None,
    timeout: float,
    score_shard: Callable[..., Any],
    skips: Callable[[list[list[int]]], list[frozenset[int]]],
    post_keys: Callable[[str], list[int]] = shard_post_keys,
    on_first_pass: Callable[[int, int], None] | None = None,
) -> Iterator[Runner]:
    """A Dask client (on ``scheduler``, else a local cluster) for the time of the run;
    ``score_shard(path, skip)`` runs on the workers, ``skips`` says what each leaves out of
    the keys ``post_keys(path)`` found in the shards before it; ``on_first_pass(done, total)``
    hears of the shards whose keys are read."""
    distributed = require("dask.distributed", extra="dask", feature="The Dask engine")
    comm = require("distributed.comm.core", extra="dask", feature="The Dask engine")
    cluster = None
    if scheduler:
        client = connect(distributed, scheduler, timeout)
    else:
        cluster = _start_local_cluster(distributed)
        client = distributed.Client(cluster)

    def run(
        function: Callable[..., Any],
        arguments: list[tuple[Any, ...]],
        on_result: Callable[[int, Any], None],
    ) -> None:
        if not arguments:
            return
        futures = client.map(function, *zip(*arguments, strict=True), pure=False)
        index_of = {future.key: i for i, future in enumerate(futures)}
        try:
            for future in distributed.as_completed(futures):
                on_result(index_of[future.key], future.result())
                future.release()
        except comm.CommClosedError as exc:  # the scheduler went away
            # Only this one: an OSError of a shard (a path a worker cannot read) is re-raised
            # by result() as it was, and must not be blamed on the network.
            raise FetchError(
                f"lost the Dask scheduler at {scheduler or 'the local cluster'} ({exc})",
                hint="check that the scheduler is still running, then score again",
            ) from exc

    def score_all(shards: list[Path], on_result: OnResult) -> None:
        # Workers run side by side, so a first pass reads the ids: each shard then leaves out
        # what the shards before it (in input order) hold, as the local engine does.
        keys: list[list[int] | None] = [None for _ in shards]

        def on_keys(index: int, found: list[int]) -> None:
            keys[index] = found
            if on_first_pass:
                on_first_pass(sum(1 for k in keys if k is not None), len(shards))

        if len(shards) > 1:
            if on_first_pass:
                on_first_pass(0, len(shards))
            run(post_keys, [(str(s),) for s in shards], on_keys)
        found = [k or [] for k in keys]
        arguments = [(str(s), skip) for s, skip in zip(shards, skips(found), strict=True)]
        run(score_shard, arguments, on_result)

    try:
        yield score_all
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _start_local_cluster(distributed: Any) -> Any:
    """Two single-threaded worker processes on this machine."""
    try:
        # the dashboard on any free port: None still takes 8787 and warns when it is in use.
        # Its workers' and nannies' logs are silenced: a Ctrl-C made them print tasks
        # cancelled, workers killed and a traceback around "Interrupted."; a shard that
        # fails is told by the error its result raises here, not by their logs.
        with _ctrl_c_left_to_this_process():
            return distributed.LocalCluster(
                n_workers=2,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.CRITICAL,
            )
    except OSError as exc:  # not the network: this machine could not start it
        raise ClusterError(
            f"cannot start a local Dask cluster: {exc}",
            hint="run with --engine local, or give the --scheduler of a running cluster",
        ) from exc


@contextmanager
def _ctrl_c_left_to_this_process() -> Iterator[None]:
    """Worker processes started in this block ignore Ctrl-C, which a terminal sends to every
    process of the command: this one stops the run and closes the cluster, while each worker
    hit by it printed a KeyboardInterrupt traceback. A process inherits an ignored signal, and
    Python leaves it ignored. (Only the main thread may change signal handlers.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


def connect(distributed: Any, scheduler: str, timeout: float) -> Any:
    """A client of the scheduler at ``scheduler``, or an error naming the address."""
    addressing = require("distributed.comm.addressing", extra="dask", feature="The Dask engine")
    try:
        address = addressing.normalize_address(scheduler)
        host, port = addressing.get_address_host_port(address)
    except ValueError as exc:  # Dask's word for an address it cannot parse
        raise InputError(
            f"not a Dask scheduler address: {scheduler} ({exc})",
            hint="give --scheduler as tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786",
        ) from exc
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as exc:  # refused, timed out, unknown host
        raise FetchError(
            f"cannot reach the Dask scheduler at {scheduler} ({exc})", hint=_REACH_HINT
        ) from exc
    _check_handshake(distributed, scheduler, address, timeout)
    try:
        return distributed.Client(address, timeout=f"{timeout:g}s")
    except OSError as exc:  # it went away since the handshake
        raise FetchError(
            f"cannot reach the Dask scheduler at {scheduler} ({exc})", hint=_REACH_HINT
        ) from exc


def _check_handshake(distributed: Any, scheduler: str, address: str, timeout: float) -> None:
    """Raise :class:`FetchError` unless ``address``, which takes connections, answers Dask's
    handshake within ``timeout`` seconds. Only what a reply in another protocol makes
    distributed raise is read as such; anything else (``asyncio.run`` called from a running
    event loop, a bug) is this machine's failure and is raised as it is."""

    async def shake_hands() -> None:
        comm = await asyncio.wait_for(distributed.comm.connect(address, timeout=timeout), timeout)
        await comm.close()

    closed = require("distributed.comm.core", extra="dask", feature="The Dask engine")
    msgpack = require("msgpack", extra="dask", feature="The Dask engine")
    handshake = shake_hands()
    try:
        asyncio.run(handshake)
    except TimeoutError as exc:  # took the connection, then said nothing
        raise _not_a_scheduler(scheduler, f"no answer within {timeout:g} s") from exc
    except closed.CommClosedError as exc:  # hung up on Dask's greeting (an OSError too)
        raise _not_a_scheduler(scheduler, f"it closed the connection: {exc}") from exc
    except OSError as exc:  # refused or dropped between the two attempts
        raise FetchError(
            f"cannot reach the Dask scheduler at {scheduler} ({exc})", hint=_REACH_HINT
        ) from exc
    except (*_FOREIGN_REPLY, msgpack.UnpackException) as exc:
        # Read as Dask, another protocol's reply is nonsense (say, a 3.07 EiB message
        # length), which would only puzzle the reader: not shown
        raise _not_a_scheduler(scheduler, "it answered in another protocol") from exc
    finally:
        handshake.close()  # never started when asyncio.run refused to (a loop was running)


# What distributed raises on a reply that is not Dask's, as measured with distributed
# 2026.8: a web server's or SSH's first bytes read as a frame length (MemoryError), a frame
# table cut short (struct.error), bytes that are not msgpack (ValueError, msgpack's own
# errors), msgpack that is not a handshake (TypeError; ValueError for a dict without its keys)
_FOREIGN_REPLY: tuple[type[Exception], ...] = (MemoryError, struct.error, ValueError, TypeError)


def _not_a_scheduler(scheduler: str, why: str) -> FetchError:
    return FetchError(
        f"{scheduler} does not answer as a Dask scheduler ({why})",
        hint="check the port: the scheduler listens on 8786 by default, its dashboard (a web "
        "page) on 8787; give --scheduler tcp://HOST:8786, or run with --engine local",
    )
