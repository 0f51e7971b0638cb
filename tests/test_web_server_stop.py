"""Stopping the dashboard stops its scoring processes (web/server_stop.py): a SIGTERM to the
server (a launcher, a service manager, ``kill PID``) left the workers it had forked to grade
accounts running with PPID 1, and deaf to a SIGTERM of their own (QA s39)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

# a server like the dashboard's that forks two workers while it serves, as grading does,
# each busy for far longer than the test, and prints their process ids once both are busy
# (each says so as it starts: no fixed wait for them)
SERVER = """
import sys, threading, time
from concurrent.futures import ProcessPoolExecutor
import multiprocessing, uvicorn
from staffpulse.web.server_stop import make_server

async def app(scope, receive, send):
    pass

server = make_server(uvicorn, uvicorn.Config(app, port=0, log_level="warning"))
forking = multiprocessing.get_context("fork")
busy_now = forking.SimpleQueue()  # the workers inherit it

def busy():
    busy_now.put(True)
    time.sleep(600)

def grade():
    while not server.started:
        time.sleep(0.01)
    pool = ProcessPoolExecutor(2, mp_context=forking)
    for _ in range(2):
        pool.submit(busy)
    for _ in range(2):
        busy_now.get()
    print(*pool._processes, flush=True)

threading.Thread(target=grade, daemon=True).start()
server.run()
"""


def _running(pid: int) -> bool:
    """Whether the process runs (a zombie nobody reaped has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def _gone_within(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(_running(pid) for pid in pids):
            return True
        time.sleep(0.02)
    return False


def _first_line(server: subprocess.Popen[str], seconds: float) -> str:
    """The server's first line, waited for at most ``seconds`` (a loaded machine is slow to
    start it; one that never prints fails the test rather than hanging it)."""
    assert server.stdout is not None
    ready, _, _ = select.select([server.stdout], [], [], seconds)
    return server.stdout.readline() if ready else ""


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to see which processes run")
@pytest.mark.parametrize(
    "stop",
    [
        pytest.param(lambda pid: os.kill(pid, signal.SIGTERM), id="sigterm-to-the-server"),
        # Ctrl-C in a terminal: SIGINT to the server and its workers alike
        pytest.param(lambda pid: os.killpg(pid, signal.SIGINT), id="ctrl-c-to-the-group"),
    ],
)
def test_stopping_the_server_ends_the_workers_it_forked(stop: Callable[[int], None]) -> None:
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives a command
    )
    pids: list[int] = []
    try:
        pids = [int(pid) for pid in _first_line(server, 120).split()]
        assert len(pids) == 2 and all(_running(pid) for pid in pids)
        stop(server.pid)
        server.wait(60)
        assert _gone_within(pids, 60), "the workers outlived the server"
    finally:
        server.kill()
        for pid in pids:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
