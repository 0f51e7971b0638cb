"""``fetch bluesky`` runs the real atproto SDK against a local server speaking the AppView API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from _fake_api import FakeApi, TimeoutsOn, interrupted_after
from staffpulse.errors import FetchError, InputError, NotFoundError
from staffpulse.fetch.bluesky import BlueskyFetcher, make_client
from staffpulse.store import Store

PNG = b"\x89PNG\r\n\x1a\n" + b"1" * 32
DID = "did:plc:acmestaffing0000000000"


def _profile(did: str, handle: str, avatar: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"did": did, "handle": handle, "displayName": handle.split(".")[0]}
    if avatar:
        out["avatar"] = avatar
    return out


class FakeAppView(FakeApi):
    def __init__(self, server: HTTPServer, n: int = 12, followers: int = 7) -> None:
        self.server = server
        self.posts = [f"at://{DID}/app.bsky.feed.post/p{i:03d}" for i in range(n, 0, -1)]
        self.followers = [
            _profile(f"did:plc:fan{i:020d}", f"fan{i}.bsky.social") for i in range(followers)
        ]
        self.bad_dates: set[str] = set()  # posts sent with a date no reader can take
        super().__init__()
        self.me = _profile(DID, "acme.bsky.social", server.url_for("/img/acme.png"))
        self.me.update(
            followersCount=followers, followsCount=1, postsCount=n, description="We place people"
        )
        server.expect_request("/img/acme.png").respond_with_data(PNG, content_type="image/png")
        server.expect_request("/xrpc/app.bsky.actor.getProfile").respond_with_handler(self.handle)
        server.expect_request("/xrpc/app.bsky.feed.getAuthorFeed").respond_with_handler(self.handle)
        server.expect_request("/xrpc/app.bsky.graph.getFollows").respond_with_handler(self.handle)
        server.expect_request("/xrpc/app.bsky.graph.getFollowers").respond_with_handler(self.handle)

    def error_body(self, status: int) -> dict[str, Any]:
        return {"error": "RateLimitExceeded" if status == 429 else "Oops", "message": "no"}

    def handle(self, request: Request) -> Response:
        args, failure = self.intercept(request)
        if failure is not None:
            return failure
        name = request.path.rsplit(".", 1)[-1]
        limit, start = int(args.get("limit", "50")), int(args.get("cursor", "0"))
        if name == "getProfile":
            if args["actor"] not in ("acme.bsky.social", DID):
                return Response(
                    json.dumps({"error": "InvalidRequest", "message": "Profile not found"}),
                    status=400,
                    content_type="application/json",
                )
            return self._json(self.me)
        if name == "getAuthorFeed":
            chunk = self.posts[start : start + limit]
            feed = [
                {"post": {"uri": uri, "cid": "bafyrei" + uri[-4:], "author": _profile(DID, "acme.bsky.social"),
                          "record": {"$type": "app.bsky.feed.post", "text": f"post {uri[-4:]}",
                                     "createdAt": "soon" if uri in self.bad_dates
                                     else "2026-03-01T10:00:00.000Z"},
                          "indexedAt": "2026-03-01T10:00:00.000Z", "likeCount": 1}}
                for uri in chunk
            ]  # fmt: skip
            body: dict[str, Any] = {"feed": feed}
            if start + limit < len(self.posts):
                body["cursor"] = str(start + limit)
            return self._json(body)
        people = (
            self.followers
            if name == "getFollowers"
            else [_profile("did:plc:jane0000000000000000", "jane.bsky.social")]
        )
        chunk = people[start : start + limit]
        body = {
            "subject": _profile(DID, "acme.bsky.social"),
            "followers" if name == "getFollowers" else "follows": chunk,
        }
        if start + limit < len(people):
            body["cursor"] = str(start + limit)
        return self._json(body)


def _fetcher(
    server: HTTPServer,
    store: Store,
    sleeps: list[float],
    timeouts: TimeoutsOn | None = None,
    **kw: Any,
) -> BlueskyFetcher:
    config = {
        "x": {"max_wait_seconds": 5},
        "fetch": {"timeout_seconds": 10.0, "avatar_max_bytes": 10_000},
    }
    # generous timeouts, never waited for: a short one ran out on a loaded machine, and the
    # retry added a request and a sleep tests count; a timeout is made on the client's side
    if timeouts is None:
        client = make_client(server.url_for(""), 10.0)
    else:
        from atproto import Client
        from atproto_client.request import Request

        hooks = {"request": [timeouts.hook]}
        client = Client(
            base_url=server.url_for(""), request=Request(timeout=10.0, event_hooks=hooks)
        )
    return BlueskyFetcher(store, config=config, client=client, sleep=sleeps.append, **kw)


def _count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_profile_feed_and_graph_paginated(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeAppView(httpserver)
    fetcher = _fetcher(httpserver, store, [])
    report = fetcher.fetch("@acme.bsky.social", max_posts=10, max_follows=5)
    assert _count(store, "posts") == 10 and report.new_posts == 10
    # a first run gets the newest, and says what its caps left: 2 older posts, 2 followers
    assert [c["stream"] for c in report.capped] == ["feed", "followers"]
    assert "the newest 10 posts are fetched, and any older ones" in report.notes[0]
    assert report.notes[1].startswith("Stopped at the 5-follower cap (--max-follows)")
    assert _count(store, "follows") == 1 + 5  # one followee, followers capped at 5
    feed_calls = [a for p, a in fake.requests if p.endswith("getAuthorFeed")]
    assert [a["limit"] for a in feed_calls] == ["10"]
    assert report.avatar_path and Path(report.avatar_path).read_bytes() == PNG
    assert Path(report.avatar_path).parent == store.avatar_folder
    account = store.get_account("bluesky", DID)
    assert account is not None and account.followers == 7 and account.avatar_path
    with pytest.raises(NotFoundError):
        _fetcher(httpserver, store, []).fetch("nobody.bsky.social")


def test_timeout_halfway_then_resume(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeAppView(httpserver, n=250, followers=0)
    with pytest.raises(FetchError, match="InvokeTimeoutError"):
        timeouts = TimeoutsOn(3)  # the second feed page (the profile is the first request)
        _fetcher(httpserver, store, [], timeouts, retries=0).fetch(
            "acme.bsky.social", max_follows=0
        )
    assert _count(store, "posts") == 100
    before = len(fake.requests)
    report = _fetcher(httpserver, store, []).fetch("acme.bsky.social", max_follows=0)
    assert _count(store, "posts") == 250 and report.new_posts == 150
    feed = [a.get("cursor") for p, a in fake.requests[before:] if p.endswith("getAuthorFeed")]
    # resumed from the saved cursor, then caught up at the top (a retried page counts once)
    assert list(dict.fromkeys(feed)) == ["100", "200", None]


def test_handles_and_limits_are_checked_before_any_request(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeAppView(httpserver)
    fetcher = _fetcher(httpserver, store, [])
    for handle, expected in [
        ("acme", "not a full Bluesky handle"),
        ("@@bad handle!!", "is not a valid Bluesky handle"),
        ("acme@mastodon.social", "looks like a Mastodon one"),
    ]:
        with pytest.raises(InputError, match=expected):
            fetcher.fetch(handle)
    with pytest.raises(InputError, match="--max-follows -1"):
        fetcher.fetch("acme.bsky.social", max_follows=-1)
    with pytest.raises(InputError, match="--max-posts 0"):
        fetcher.fetch("acme.bsky.social", max_posts=0)
    assert fake.requests == []
    report = fetcher.fetch("https://bsky.app/profile/acme.bsky.social", max_follows=0)
    assert report.target == "acme.bsky.social" and report.follows == 0


def test_a_post_that_cannot_be_read_is_counted_and_its_page_kept(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeAppView(httpserver, n=2, followers=0)
    good, broken = fake.posts
    fake.bad_dates.add(broken)
    report = _fetcher(httpserver, store, []).fetch("acme.bsky.social", max_follows=0)
    assert report.skipped == 1 and report.stopped is None
    assert report.skipped_messages[0].startswith("feed[1]: unreadable timestamp 'soon'")
    assert [r[0] for r in store.conn.execute("SELECT id FROM posts")] == [good]
    (page,) = store.conn.execute(
        "SELECT payload FROM raw_payloads WHERE location = ?", (f"bluesky:getAuthorFeed/{DID}",)
    ).fetchall()
    assert [item["post"]["uri"] for item in json.loads(page[0])["feed"]] == [good, broken]


def test_a_graph_that_failed_halfway_resumes_where_it_stopped(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeAppView(httpserver, n=3, followers=250)
    # profile, feed, follows, followers page 1, then page 2 fails
    fake.fail[5] = (503, {})
    with pytest.raises(FetchError):
        _fetcher(httpserver, store, [], retries=0).fetch("acme.bsky.social")
    assert _count(store, "follows") == 1 + 100
    before = len(fake.requests)
    report = _fetcher(httpserver, store, []).fetch("acme.bsky.social", max_follows=200)
    followers = [a.get("cursor") for p, a in fake.requests[before:] if p.endswith("Followers")]
    assert followers == ["100"]  # not the first page again; the cap counts the first run's
    assert _count(store, "follows") == 1 + 200 and report.follows == 1 + 100
    # finished: the next run reads the list from the top, adding no duplicate
    before = len(fake.requests)
    _fetcher(httpserver, store, []).fetch("acme.bsky.social")
    followers = [a.get("cursor") for p, a in fake.requests[before:] if p.endswith("Followers")]
    assert followers[0] is None and _count(store, "follows") == 1 + 250


def test_ctrl_c_as_a_feed_page_is_shown_still_lets_the_next_run_read_further_back(
    httpserver: HTTPServer, store: Store
) -> None:
    """Ctrl-C lands while the progress bar shows the first page: the page is stored, and
    where the feed goes on is saved with it, so the next run does not stop at that page."""
    fake = FakeAppView(httpserver, n=250, followers=0)

    with pytest.raises(KeyboardInterrupt):
        _fetcher(httpserver, store, [], progress=interrupted_after(1)).fetch(
            "acme.bsky.social", max_follows=0
        )
    assert _count(store, "posts") == 100
    (status,) = store.conn.execute("SELECT status FROM runs").fetchone()
    assert status == "interrupted"
    before = len(fake.requests)
    report = _fetcher(httpserver, store, []).fetch("acme.bsky.social", max_follows=0)
    assert _count(store, "posts") == 250 and report.new_posts == 150
    feed = [a.get("cursor") for p, a in fake.requests[before:] if p.endswith("getAuthorFeed")]
    assert feed == ["100", "200", None]  # on from the first run's page, then caught up


def test_a_capped_run_keeps_the_posts_it_did_not_reach_for_the_next(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeAppView(httpserver, n=10, followers=0)
    _fetcher(httpserver, store, []).fetch("acme.bsky.social", max_follows=0)
    fake.posts[:0] = [f"at://{DID}/app.bsky.feed.post/n{i:03d}" for i in range(30, 0, -1)]
    capped = _fetcher(httpserver, store, []).fetch("acme.bsky.social", max_posts=10, max_follows=0)
    assert capped.new_posts == 10 and capped.notes[0].startswith(
        "Stopped at the 10-post cap (--max-posts) before reaching the posts fetched last time:"
    )
    # the next run is capped too, in the 20 between: it keeps where it got to, and says so
    again = _fetcher(httpserver, store, []).fetch("acme.bsky.social", max_posts=15, max_follows=0)
    assert again.new_posts == 15
    assert "while fetching older posts an earlier run left" in again.notes[0]
    rest = _fetcher(httpserver, store, []).fetch("acme.bsky.social", max_follows=0)
    assert rest.new_posts == 5 and not rest.notes and _count(store, "posts") == 40


def test_a_post_a_sheet_stored_by_its_handle_link_is_fetched_once_under_the_did(
    httpserver: HTTPServer, store: Store, tmp_path: Path
) -> None:
    from staffpulse.ingest import import_paths

    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "platform,author,text,Post URL\r\nbluesky,acme.bsky.social,post p012,"
        "https://bsky.app/profile/acme.bsky.social/post/p012\r\n",
        encoding="utf-8",
    )
    assert import_paths(store, [sheet]).new_posts == 1
    FakeAppView(httpserver, n=12)
    report = _fetcher(httpserver, store, []).fetch("acme.bsky.social", max_follows=0)
    ids = [row[0] for row in store.conn.execute("SELECT id FROM posts")]
    assert len(ids) == 12 and f"at://{DID}/app.bsky.feed.post/p012" in ids
    assert report.new_posts == 11
    told = [note for note in report.notes if "DID" in note]
    assert told == [
        "1 Bluesky post stored before under its author's handle (from a sheet's bsky.app link)"
        " is the same as this fetch's (the same author, the same post key): now stored once,"
        " under the account's DID, so no post is stored twice"
        f" (at://acme.bsky.social/app.bsky.feed.post/p012 is at://{DID}/app.bsky.feed.post/p012)"
    ]
