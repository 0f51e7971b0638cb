"""A local Mastodon-like server (:class:`FakeMastodon`) and a ``MastodonFetcher`` using the real
Mastodon.py client against it, shared by the ``fetch mastodon`` tests."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from _fake_api import FakeApi, TimeoutsOn
from staffpulse.fetch import common, mastodon
from staffpulse.fetch.mastodon import MastodonFetcher
from staffpulse.store import Store

INSTANCE = "staffing.example"


def account_json(server: HTTPServer) -> dict[str, Any]:
    return {
        "id": "77", "username": "acme", "acct": "acme", "display_name": "Acme", "note": "<p>Hi</p>",
        "url": f"https://{INSTANCE}/@acme", "avatar": f"https://{INSTANCE}/avatars/original/missing.png",
        "avatar_static": f"https://{INSTANCE}/avatars/original/missing.png",
        "followers_count": 3, "following_count": 2, "statuses_count": 90,
        "created_at": "2023-01-01T00:00:00.000Z",
    }  # fmt: skip


class FakeMastodon(FakeApi):
    def __init__(self, server: HTTPServer, n: int = 90) -> None:
        self.account = account_json(server)
        self.ids = [str(1_000_000 + i) for i in range(n, 0, -1)]
        self.authorless: set[str] = set()  # statuses sent without their account
        super().__init__()
        server.expect_request(re.compile(r"^/api/v1/.*")).respond_with_handler(self.handle)

    def handle(self, request: Request) -> Response:
        args, failure = self.intercept(request)
        if failure is not None:
            return failure
        if request.path == "/api/v1/accounts/lookup":
            if args.get("acct") != "acme":
                return Response(
                    json.dumps({"error": "Record not found"}),
                    status=404,
                    content_type="application/json",
                )
            return self._json(self.account)
        chosen = [
            i for i in self.ids
            if (not args.get("max_id") or int(i) < int(args["max_id"]))
            and (not args.get("since_id") or int(i) > int(args["since_id"]))
        ][: int(args.get("limit", "20"))]  # fmt: skip
        tag = request.path.startswith("/api/v1/timelines/tag/")
        statuses = [
            {"id": i, "created_at": "2026-03-01T10:00:00.000Z", "in_reply_to_id": None,
             "in_reply_to_account_id": None, "language": "en", "uri": f"https://{INSTANCE}/statuses/{i}",
             "url": f"https://{INSTANCE}/@acme/{i}", "content": f"<p>status {i} #hiring</p>",
             "reblog": None, "account": self.account, "mentions": [],
             "tags": [{"name": "hiring", "url": f"https://{INSTANCE}/tags/hiring"}] if tag else [],
             "replies_count": 0, "reblogs_count": 0, "favourites_count": 1}
            for i in chosen
        ]  # fmt: skip
        for status in statuses:
            if status["id"] in self.authorless:
                del status["account"]
        return self._json(statuses)


# generous: the local server answers at once, and a 1 s timeout could run out on a loaded
# machine (a timeout is made on the client's side, TimeoutsOn, never waited for)
TIMEOUT = {"timeout_seconds": 10.0}


def make_fetcher(
    server: HTTPServer,
    store: Store,
    sleeps: list[float],
    timeouts: TimeoutsOn | None = None,
    **kw: Any,
) -> MastodonFetcher:
    config = {"fetch": {**TIMEOUT, "max_wait_seconds": 5}}
    base = server.url_for("").rstrip("/")
    if timeouts is not None:
        kw["client"] = client = mastodon.make_client(base, 10.0)
        client.session.mount("http://", timeouts.adapter())
    return MastodonFetcher(store, config=config, base_url=base, sleep=sleeps.append, **kw)


def count_posts(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0])


# what the fetchers' wall clock reads under :func:`stopped_clock` (to the second, as the
# servers' dates are): a reset or Retry-After is waited for as long as it says, however slow
# the machine between the test writing it and the fetcher reading it
STOPPED_AT = 1_900_000_000.0


@pytest.fixture
def stopped_clock(monkeypatch: pytest.MonkeyPatch) -> float:
    """The fetchers' wall clock stopped at :data:`STOPPED_AT`, which it returns."""
    monkeypatch.setattr(common, "time", SimpleNamespace(time=lambda: STOPPED_AT))
    return STOPPED_AT
