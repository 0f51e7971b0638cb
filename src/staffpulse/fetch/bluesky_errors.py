"""What the Bluesky AppView's failures say, for :mod:`staffpulse.fetch.bluesky`: when a 429's
limit resets, what is wrong with an answer the SDK could not read, the XRPC error's own words,
and what to do after a request failed."""

from __future__ import annotations

import time
from typing import Any

from staffpulse.fetch.common import FetchReport
from staffpulse.fetch.resume import resume_hint
from staffpulse.next_steps import CHECK_CONNECTION, CHECK_HANDLE_APPVIEW


def reset_epoch(exc: Any) -> float | None:
    """When a 429's limit resets: the AppView's ``ratelimit-reset``, else its ``Retry-After``
    (all a proxy or another service in front may send), None when neither says."""
    reset = exc.reset_at
    if reset is not None:
        return float(reset.timestamp())
    after = exc.retry_after  # seconds, atproto reads a number or an HTTP date
    return time.time() + after if isinstance(after, int | float) and after > 0 else None


def answer_shape(exc: Exception) -> str:
    """What is wrong with an answer the SDK could not read, in a line: not JSON (a proxy's web
    page), or the fields a Bluesky answer lacks ("did: Field required"), not pydantic's dump."""
    if "JSON is expected" in str(exc):
        return "not JSON: a web page, perhaps a proxy's"
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if not callable(errors):
        return str(exc).splitlines()[0]
    found = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in errors()]
    return "; ".join(found[:3]) + (f" (and {len(found) - 3} more)" if len(found) > 3 else "")


def failure_hint(status: int | None, report: FetchReport) -> str:
    """What to do after a request failed: a 4xx will not change by asking again; a 5xx (the
    AppView, or a proxy before it, answered: this computer is online) may pass later; no
    answer at all is the connection."""
    if status is None:
        return f"{CHECK_CONNECTION.say()}; {resume_hint(report)}"
    if status < 500:
        return CHECK_HANDLE_APPVIEW.say()
    return resume_hint(report, otherwise="try again later")


def error_details(exc: Any) -> str:
    """The XRPC error name and message of a failed request (``InvalidRequest: ...``)."""
    response = getattr(exc, "response", None)
    content = getattr(response, "content", None)
    parts = [getattr(content, "error", None), getattr(content, "message", None)]
    return ": ".join(str(p) for p in parts if p)
