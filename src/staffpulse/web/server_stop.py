"""Stopping the dashboard stops the scoring processes it started.

Grading an account spreads its posts over processes forked from the server
(signals.text, signals.spread). Forked while uvicorn served, each inherited uvicorn's signal
handler, which in a copy of the server only set a flag: a SIGTERM to the dashboard (a launcher,
a service manager, ``kill PID``) ended the server, and its workers lived on with PPID 1,
deaf to their own SIGTERM, until ``kill -9`` (QA s39). Here a worker does what the signal
says, and the server ends its workers when it shuts down.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from types import FrameType
from typing import Any

#: Seconds a worker is given to end on SIGTERM before it is killed.
WORKERS_GRACE = 5.0


def end_worker_processes(grace: float = WORKERS_GRACE) -> int:
    """End this process's worker processes (SIGTERM, then SIGKILL after ``grace`` seconds);
    how many there were. What they were scoring is lost with the server stopping anyway."""
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(grace)
        if child.is_alive():
            child.kill()
            child.join(grace)
    return len(children)


def make_server(uvicorn: Any, config: Any) -> Any:
    """A uvicorn server (``uvicorn`` the module, an optional dependency) whose forked workers
    obey SIGTERM and SIGINT, and that ends its workers when it shuts down."""

    class StoppingServer(uvicorn.Server):  # type: ignore[misc]
        def __init__(self, config: Any) -> None:
            super().__init__(config)
            self.owner_pid = os.getpid()

        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            if os.getpid() != self.owner_pid:  # in a worker forked while serving
                signal.signal(sig, signal.SIG_DFL)
                os.kill(os.getpid(), sig)
                return
            super().handle_exit(sig, frame)

        async def shutdown(self, sockets: Any = None) -> None:
            await super().shutdown(sockets=sockets)
            end_worker_processes()

    return StoppingServer(config)
