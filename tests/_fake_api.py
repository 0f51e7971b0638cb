"""What the local stand-ins for the platform APIs share (served by pytest-httpserver).

Every request is recorded as ``(path, args)``; request number N (counted from 1) can be made
to fail with ``fail[N] = (status, headers)`` or to stall past the client's timeout with
``delay_on``. Subclasses answer the rest and say what an error body looks like on their
platform.
"""

from __future__ import annotations

import json
import time
from typing import Any

from werkzeug import Request, Response


class FakeApi:
    # Longer than the 1.0 s timeout the fetch tests configure. The test server is threaded
    # (tests/conftest.py), so the stalled request holds up nothing else.
    STALL_SECONDS = 2.0

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.fail: dict[int, tuple[int, dict[str, str]]] = {}
        self.delay_on: set[int] = set()

    def error_body(self, status: int) -> dict[str, Any]:
        return {"error": "nope"}

    def intercept(self, request: Request) -> tuple[dict[str, str], Response | None]:
        """Record the request; the planned failure for it, if any."""
        args = dict(request.args)
        self.requests.append((request.path, args))
        number = len(self.requests)
        if number in self.delay_on:
            time.sleep(self.STALL_SECONDS)
        if number in self.fail:
            status, headers = self.fail[number]
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
