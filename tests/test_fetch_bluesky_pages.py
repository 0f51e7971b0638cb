"""``fetch bluesky`` against a local AppView that, past its first page, keeps answering empty
pages each with a new cursor: every stream stops after a bounded number of them, says what it
read and how to go on, and the next run reads on from where it stopped."""

from __future__ import annotations

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from staffpulse.fetch.bluesky_pages import EMPTY_PAGES
from staffpulse.fetch.cursors import load_cursor_state
from staffpulse.store import Store
from test_fetch_bluesky import DID, FakeAppView, _count, _fetcher, _profile


class EndlessEmptyAppView(FakeAppView):
    """Its first page of each list as usual; from cursor 100 on, an empty page pointing on to
    the next cursor, for ever."""

    def handle(self, request: Request) -> Response:
        cursor = request.args.get("cursor")
        if cursor is None or int(cursor) < 100:
            return super().handle(request)
        self.requests.append((request.path, dict(request.args)))
        following = str(int(cursor) + 1)
        if request.path.endswith("getFollowers"):
            subject = _profile(DID, "acme.bsky.social")
            return self._json({"subject": subject, "followers": [], "cursor": following})
        return self._json({"feed": [], "cursor": following})

    def asked(self, method: str, since: int = 0) -> list[str | None]:
        return [a.get("cursor") for p, a in self.requests[since:] if p.endswith(method)]


def test_a_feed_of_endless_empty_pages_stops_says_so_and_the_next_run_reads_on(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = EndlessEmptyAppView(httpserver, n=250, followers=0)
    run = _fetcher(httpserver, store, []).fetch
    report = run("acme.bsky.social", max_posts=1000, max_follows=0)
    assert fake.asked("AuthorFeed") == [None, *(str(c) for c in range(100, 100 + EMPTY_PAGES))]
    assert report.new_posts == 100 and report.stopped is None
    assert report.notes == [
        f"Stopped reading the feed after {EMPTY_PAGES} pages in a row came back empty from the"
        " Bluesky AppView, each pointing on to more: 100 posts read before them are stored;"
        " fetch again to read on from where it stopped"
    ]
    before = len(fake.requests)
    again = run("acme.bsky.social", max_posts=1000, max_follows=0)
    # on from the last cursor it was given, not from the top
    assert fake.asked("AuthorFeed", before)[0] == str(100 + EMPTY_PAGES)
    assert "0 posts read before them are stored" in again.notes[0]


def test_older_posts_and_followers_of_endless_empty_pages_stop_and_say_so(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = EndlessEmptyAppView(httpserver, n=250, followers=250)
    run = _fetcher(httpserver, store, []).fetch
    run("acme.bsky.social", max_posts=100, max_follows=0)  # the newest 100, the rest left
    before = len(fake.requests)
    report = run("acme.bsky.social", max_posts=1000, max_follows=1000)
    empties = [str(c) for c in range(100, 100 + EMPTY_PAGES)]
    assert fake.asked("AuthorFeed", before) == [None, *empties]  # below the first run's cut
    assert fake.asked("getFollowers", before) == [None, *empties]
    assert [n.split(" after ")[0] for n in report.notes] == [
        "Stopped reading the feed",
        "Stopped reading the followers",
    ]
    assert "100 followers read before them are stored" in report.notes[1]
    # where the followers stopped is kept, and nothing read is counted twice
    state = load_cursor_state(store, "bluesky", DID, "followers")
    assert state["pending_cursor"] == str(100 + EMPTY_PAGES) and state["fetched"] == 100


def test_a_follower_list_ending_on_a_full_page_is_said_once_as_maybe_cut(
    httpserver: HTTPServer, store: Store
) -> None:
    # 200 followers: the stand-in's second page is full and has no cursor, as a dropped one,
    # while the profile counts more
    fake = FakeAppView(httpserver, n=3, followers=200)
    fake.me["followersCount"] = 230
    run = _fetcher(httpserver, store, []).fetch
    first = run("acme.bsky.social", max_follows=1000)
    assert first.notes == [
        "Bluesky sent a full page of the followers with no cursor to the next one, so the"
        " list may go on below it: the 200 followers read are stored; fetch again to read it"
        " once more (those read are not stored twice)"
    ]
    again = run("acme.bsky.social", max_follows=1000)  # the same end twice: the list's end
    assert again.notes == [] and _count(store, "follows") == 1 + 200


def test_a_follower_list_ending_on_a_full_page_at_the_profiles_count_is_not_said(
    httpserver: HTTPServer, store: Store
) -> None:
    # an account with exactly 200 followers was told its list may be cut on every first run
    FakeAppView(httpserver, n=3, followers=200)
    first = _fetcher(httpserver, store, []).fetch("acme.bsky.social", max_follows=1000)
    assert first.notes == [] and _count(store, "follows") == 1 + 200
