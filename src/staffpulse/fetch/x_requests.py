"""One X API v2 request through tweepy, and what its failures mean: a 429 waited out until
the rate-limit window resets, a server error or a dropped connection retried with backoff, and
every refusal (402 credits used up, 401/403 token, 404, another 4xx) raised as the staffpulse
error that says what to do. :class:`~staffpulse.fetch.x.XFetcher` sends every request here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlparse

import requests
import tweepy
from urllib3.exceptions import ReadTimeoutError

from staffpulse.config_secrets import secrets_hidden
from staffpulse.errors import (
    AuthError,
    BudgetExceededError,
    FetchError,
    InputError,
    NotFoundError,
    PaymentRequiredError,
    RateLimitError,
    StaffpulseError,
)
from staffpulse.fetch.common import (
    Backoff,
    FetchReport,
    NotifyFn,
    SleepFn,
    retry_after_epoch,
)
from staffpulse.fetch.resume import resume_hint, stored_so_far
from staffpulse.fetch.tls import raise_lasting
from staffpulse.fetch.x_client import json_object, rejection_reason
from staffpulse.fetch.x_costs import PageCost, lost_answers_note, money
from staffpulse.next_steps import (
    CHECK_CONNECTION_X,
    CHECK_X_ADDRESS,
    CHECK_X_QUERY,
    CHECK_X_TOKEN,
    RAISE_BUDGET,
    RESUME_AFTER,
    RESUME_LATER,
    X_TOKEN_REFUSED,
    X_UNREACHABLE,
)

CREDITS = "add credits in the X developer console"
RAISE_CAP = "raise the app's usage cap in the X developer console"


def reached_x(exc: requests.RequestException) -> bool:
    """Whether a request that failed reached X, which may then have answered (and billed the
    answer): it timed out waiting for the answer, or the answer broke off on the way; a
    connection never made or refused did not."""
    if isinstance(exc, requests.ReadTimeout | requests.exceptions.ChunkedEncodingError):
        return True
    # the answer's body timed out halfway: requests says so as a ConnectionError
    cause = exc.args[0] if exc.args else None
    return isinstance(exc, requests.ConnectionError) and isinstance(cause, ReadTimeoutError)


def _network_reason(exc: requests.RequestException) -> str:
    """Why a request did not reach X, in words (not the exception's class name)."""
    if isinstance(exc, requests.Timeout):
        return "no answer in time"
    if isinstance(exc, requests.ConnectionError):
        return "no connection"
    return "a network error"


def usage_cap(exc: tweepy.TooManyRequests) -> str | None:
    """X's words when a 429 is its usage cap ("Usage cap exceeded: Monthly product cap"), not
    a rate-limit window: the cap lasts its whole period (a month), however long one waits."""
    try:
        body = exc.response.json()
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    if body.get("title") != "UsageCapExceeded" and "usage-capped" not in str(body.get("type")):
        return None
    return str(body.get("detail") or body.get("title")).strip()


# X's limits: the 15-minute window and two 24-hour ones, each with -remaining and -reset
LIMITS = ("x-rate-limit", "x-app-limit-24hour", "x-user-limit-24hour")


def _reset_epoch(exc: tweepy.TooManyRequests) -> float | None:
    """When the limit X refused the request for resets, None when nothing says: the latest
    reset of the limits used up (a 24-hour limit is not over when the 15-minute window is:
    waiting for that only met the next refusal), else the 15-minute window's, else a
    ``Retry-After`` (a proxy in front of X may send only that, as for Bluesky and Mastodon)."""
    headers = exc.response.headers

    def reset(limit: str) -> float | None:
        try:
            return float(headers.get(f"{limit}-reset") or "")
        except ValueError:
            return None

    used_up = [reset(limit) for limit in LIMITS if headers.get(f"{limit}-remaining") == "0"]
    return (
        max((r for r in used_up if r is not None), default=None)
        or reset(LIMITS[0])
        or retry_after_epoch(headers.get("retry-after"))
    )


def _own_words(exc: tweepy.HTTPException) -> str:
    """X's reason for an error answer, or "" when it only repeats the status's name
    ("Unauthorized", "Service Unavailable"), which the message says already."""
    reason = rejection_reason(exc)
    bare = {"unauthorized", "forbidden", str(exc.response.reason).lower()}
    return "" if reason.lower() in bare else reason


def _rejected(
    exc: tweepy.HTTPException, what: str, report: FetchReport, token_from: str
) -> StaffpulseError:
    """What X's HTTP error answer means for the user (a server error once its retries are
    spent): the staffpulse error that says what to do."""
    status = exc.response.status_code
    if status == 402:
        return PaymentRequiredError(
            "X answered 402 Payment Required: the account's API credits are used up",
            hint=resume_hint(
                report,
                resume=f"{CREDITS}, then {RESUME_AFTER.say()}",
                otherwise=f"{CREDITS}, then try again",
            ),
        )
    if status in (401, 403):
        # X's words tell a wrong token from an app on the wrong access level or outside a
        # Project ("client-not-enrolled"), which no new token fixes; a bare "Forbidden" adds
        # nothing
        reason = _own_words(exc)
        return AuthError(
            X_TOKEN_REFUSED.say(origin=token_from, status=status)
            + (f": {reason}" if reason else ""),
            hint=CHECK_X_TOKEN.say(origin=token_from),
        )
    if status == 404:
        return NotFoundError(f"{what}: not found on X")
    if 400 <= status < 500:
        # the request itself is wrong: asking again would fail the same way
        reason = rejection_reason(exc)
        return InputError(
            f"X rejected the request for {what} (HTTP {status})"
            + (f": {reason}" if reason else ""),
            hint=CHECK_X_QUERY.say(),
        )
    reason = _own_words(exc)  # "Over capacity": X is busy, not this computer offline
    return FetchError(
        f"{what}: X answered HTTP {status}" + (f" ({reason})" if reason else ""),
        hint=resume_hint(report, otherwise="try again later"),
    )


def _refit(what: str, cost: PageCost, report: FetchReport) -> PageCost:
    """The cost of asking again for an answer lost after reaching X (billed again): a page
    resized to the budget left, or a budget stop when not even the smallest one fits."""
    fitted = cost.refit()
    if fitted is None:
        report.stopped = "budget"
        raise BudgetExceededError(
            f"{what}: X's answer was lost on the way (X may have billed up to"
            f" {money(cost.usd)} for it), and asking again could pass the budget of"
            f" {money(cost.budget.limit or 0)}",
            hint=resume_hint(
                report,
                resume=f"{RAISE_BUDGET.say()}, then {RESUME_AFTER.say()}",
                otherwise=f"{RAISE_BUDGET.say()}, then try again",
            ),
        )
    return fitted


def call_x(
    what: str,
    method: Callable[..., Any],
    report: FetchReport,
    params: Mapping[str, Any],
    *,
    host: str,
    retries: int,
    max_wait: float,
    sleep: SleepFn,
    notify: NotifyFn,
    config: Mapping[str, Any] | None = None,
    token_from: str = "X_BEARER_TOKEN",
    cost: PageCost | None = None,
) -> dict[str, Any]:
    """X's answer to ``method(**params)`` (a ``tweepy.Client`` method; None params left out)
    as a JSON object, each request counted in ``report``. A 429 is waited out (up to
    ``max_wait``), a server error or a dropped connection retried ``retries`` times; every
    other failure is raised as the staffpulse error that says what to do. ``what`` names the
    request in messages (``@handle timeline``), ``host`` the API host ([x] base_url's),
    ``token_from`` where the bearer token came from (:func:`secret_origin`); ``cost`` the
    most X bills for the answer, counted in ``report`` when an answer is lost after reaching X
    (:mod:`~staffpulse.fetch.x_costs` says why), and its retry is then resized to the budget
    left, or not sent (BudgetExceededError, ``report.stopped`` "budget") when no page fits
    (a page's ``max_results`` param is its size). Every secret
    of ``config`` and the environment is masked in the errors raised: an answer that echoes
    the request would show the token."""
    with secrets_hidden(config):
        backoff = Backoff(retries, sleep, notify)
        while True:
            report.requests += 1
            try:
                response = method(**{k: v for k, v in params.items() if v is not None})
                return json_object(response, what, host, stored_so_far(report))
            except tweepy.TooManyRequests as exc:
                _wait_out_limit(exc, what, report, backoff, max_wait)
            except tweepy.HTTPException as exc:
                status = exc.response.status_code
                if status >= 500 and backoff.retry(f"{what}: X server error {status}, retrying"):
                    continue
                if status == 402:  # a stop of its own; any other failure is an "error"
                    report.stopped = "payment"
                raise _rejected(exc, what, report, token_from) from None
            except requests.RequestException as exc:
                if reached_x(exc):
                    cost, params = _lost_answer(what, report, cost, params, retry=backoff.left)
                problem = _unreached(exc, what, host, report)
                if backoff.retry(f"{what}: {problem}, retrying"):
                    continue
                lost = lost_answers_note(report)  # said before what to run next
                raise FetchError(
                    f"{what}: {problem}",
                    hint="; ".join(
                        part
                        for part in (CHECK_CONNECTION_X.say(), lost, resume_hint(report))
                        if part
                    ),
                ) from None


def _wait_out_limit(
    exc: tweepy.TooManyRequests, what: str, report: FetchReport, backoff: Backoff, max_wait: float
) -> None:
    """A 429: the rate-limit window is waited out; X's usage cap lasts its whole period (a
    month), so it stops the fetch at once, with X's words."""
    capped = usage_cap(exc)
    if capped is not None:
        report.stopped = "rate_limit"
        raise RateLimitError(
            f"{what}: X's usage cap for this app is reached ({capped})",
            hint=f"it lifts when its period ends, or {RAISE_CAP}; "
            + resume_hint(report, resume=RESUME_LATER.say(), otherwise="try again then"),
        ) from None
    backoff.wait_for_reset(_reset_epoch(exc), max_wait=max_wait, report=report, what=what)


def _lost_answer(
    what: str,
    report: FetchReport,
    cost: PageCost | None,
    params: Mapping[str, Any],
    *,
    retry: bool,
) -> tuple[PageCost | None, Mapping[str, Any]]:
    """Count an answer lost after reaching X (X may have billed it, at most ``cost``). When a
    ``retry`` is to come: its cost and params, its page resized to the budget left."""
    report.lost_answers += 1
    report.lost_answers_usd += cost.usd if cost else 0.0
    if cost is None or not retry:
        return cost, params
    cost = _refit(what, cost, report)
    return cost, {**params, "max_results": cost.items} if "max_results" in params else params


def _unreached(exc: requests.RequestException, what: str, host: str, report: FetchReport) -> str:
    """Why a request got no answer, in words; a certificate or a name that fails now fails
    again, so such a failure is raised at once rather than retried."""
    request = getattr(exc, "request", None)
    reached = urlparse(str(getattr(request, "url", "") or "")).netloc or host
    raise_lasting(exc, what, reached, CHECK_X_ADDRESS.say(host=reached), report, service="X")
    return X_UNREACHABLE.say(host=reached, reason=_network_reason(exc))
