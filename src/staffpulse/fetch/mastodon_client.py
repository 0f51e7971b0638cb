"""The Mastodon.py client as ``staffpulse fetch mastodon`` sets it up (:mod:`.mastodon`): it
throws on a 429 rather than sleeping unseen, keeps the last answer for the instance's own
words, and is kept from failing on a rate-limit header it cannot read."""

from __future__ import annotations

import importlib
import json
from datetime import UTC
from typing import Any

# the headers Mastodon.py reads the rate limit's reset from, and the instance's clock by
RATE_TIME_HEADERS = ("X-RateLimit-Reset", "Date")


def make_client(base_url: str, timeout: float, access_token: str | None = None) -> Any:
    from mastodon import Mastodon

    client = Mastodon(
        api_base_url=base_url, access_token=access_token, request_timeout=timeout,
        ratelimit_method="throw", version_check_mode="none", user_agent="staffpulse",
    )  # fmt: skip
    client.session.hooks["response"].append(lambda r, *_, **__: _keep_answer(client, r))
    return client


def _keep_answer(client: Any, response: Any) -> None:
    # Mastodon.py turns an object answered for a list into the list of its keys (["error"]):
    # the instance's words are read from the answer itself (MastodonFetcher._statuses)
    client.answer = response
    # Mastodon.py raises its rate-limit error for any answer, a 200 too, whose reset time or
    # date it cannot read (a proxy's, a server's of its own): taken for a 429, the page was
    # asked for again and again, then the run stopped asking to check the clock. Without the
    # header the answer is read as it is, and a real 429 waits its Retry-After or 5 seconds.
    for name in RATE_TIME_HEADERS:
        value = response.headers.get(name)
        if value is not None and not readable_time(str(value)):
            del response.headers[name]


def readable_time(value: str) -> bool:
    """Whether Mastodon.py (2.x, ``internals.py``) reads ``value`` as a time: an integer
    written as one (GoToSocial's epoch seconds), else what ``dateutil`` parses."""
    try:
        if str(int(value)) == value:
            return True
    except ValueError:
        pass
    parser: Any = importlib.import_module("dateutil.parser")  # Mastodon.py's, untyped
    try:
        when = parser.parse(value)
        (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()
    except Exception:  # Mastodon.py turns any failure here into its rate-limit error
        return False
    return True


def plain(value: Any) -> Any:
    """Mastodon.py's answer (its dicts, datetimes) as plain JSON values."""
    return json.loads(json.dumps(value, default=str))
