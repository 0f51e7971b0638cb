"""What the local stand-ins for the platform APIs share (served by pytest-httpserver).

Every request is recorded as ``(path, args)``; request number N (counted from 1) can be made
to fail with ``fail[N] = (status, headers)``; a header given as a number of seconds wrapped in
:func:`seconds_from_answer` becomes the epoch that many seconds after the answer is sent, so a
rate-limit reset planned at setup has not already passed when a loaded machine is slow to
send the failing request. Subclasses answer the rest and say what an error
body looks like on their platform. A request that times out is made on the client's side
(:class:`TimeoutsOn`): a server stalling past a short client timeout made every other request
race that timeout too, which a loaded machine lost now and then.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import httpx
import requests
from requests.adapters import HTTPAdapter
from werkzeug import Request, Response


class seconds_from_answer(float):
    """A reset time ``n`` seconds after the fake answers (written as ``str(epoch)``)."""


def answered_headers(planned: dict[str, str | seconds_from_answer]) -> dict[str, str]:
    """The headers of a planned failure as sent now."""
    return {
        name: str(int(time.time() + value)) if isinstance(value, seconds_from_answer) else value
        for name, value in planned.items()
    }


class TimeoutsOn:
    """The client's requests numbered in ``numbers`` (from 1, as the client sends them) time
    out waiting for the answer, as the HTTP library says it when a server is too slow; the
    others go to the server. At once: no sleep, nothing raced."""

    def __init__(self, *numbers: int) -> None:
        self.numbers, self.sent = set(numbers), 0

    def _times_out(self) -> bool:
        self.sent += 1
        return self.sent in self.numbers

    def adapter(self) -> HTTPAdapter:
        """For a ``requests`` session (Mastodon.py's): ``session.mount("http://", ...)``."""
        plan = self

        class TimingOut(HTTPAdapter):
            def send(self, request: Any, *args: Any, **kwargs: Any) -> requests.Response:
                if plan._times_out():
                    raise requests.ReadTimeout("Read timed out. (read timeout=10)", request=request)
                return super().send(request, *args, **kwargs)

        return TimingOut()

    def hook(self, request: httpx.Request) -> None:
        """For an ``httpx`` client (atproto's): ``event_hooks={"request": [plan.hook]}``."""
        if self._times_out():
            raise httpx.ReadTimeout("timed out", request=request)


def interrupted_after(pages: int) -> Callable[[str, int, int | None], None]:
    """A fetcher's progress callback that stops the run as Ctrl-C does once ``pages`` pages
    are stored and shown: what an interrupted run leaves behind, for the next to resume."""
    shown: list[int] = []

    def progress(task: str, done: int, total: int | None) -> None:
        shown.append(done)
        if len(shown) >= pages:
            raise KeyboardInterrupt

    return progress


class FakeApi:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.fail: dict[int, tuple[int, dict[str, str | seconds_from_answer]]] = {}

    def error_body(self, status: int) -> dict[str, Any]:
        return {"error": "nope"}

    def intercept(self, request: Request) -> tuple[dict[str, str], Response | None]:
        """Record the request; the planned failure for it, if any."""
        args = dict(request.args)
        self.requests.append((request.path, args))
        number = len(self.requests)
        if number in self.fail:
            status, planned = self.fail[number]
            headers = answered_headers(planned)
            return args, Response(
                json.dumps(self.error_body(status)),
                status=status,
                headers=headers,
                content_type="application/json",
            )
        return args, None

    @staticmethod
    def _json(body: Any) -> Response:
        return Response(json.dumps(body), content_type="application/json")
