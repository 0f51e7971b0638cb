"""``fetch bluesky --max-posts`` over several runs against the local stand-in: the cap counts
the posts a run brings in, so a run that ends an earlier gap goes on to the newest ones."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from staffpulse.fetch.cursors import load_cursor_state, save_cursor_state
from staffpulse.store import Store
from test_fetch_bluesky import DID, FakeAppView, _count, _fetcher, _profile


def _posts(prefix: str, n: int) -> list[str]:
    return [f"at://{DID}/app.bsky.feed.post/{prefix}{i:03d}" for i in range(n, 0, -1)]


def _feed_run(httpserver: HTTPServer, store: Store, cap: int) -> tuple[int, list[str]]:
    """A ``fetch bluesky --max-posts CAP --max-follows 0`` run: its new posts and notes."""
    report = _fetcher(httpserver, store, []).fetch("acme.bsky.social", max_posts=cap, max_follows=0)
    return report.new_posts, report.notes


def _same_cap(cap: int, higher: int) -> str:
    """What a run says whose cap the posts stored already meet (all written on 1 Mar)."""
    return (
        f"No new posts under the {cap}-post cap (--max-posts): the newest {cap} posts are stored"
        f" already, and any older ones (before 1 Mar) are not; to get them, fetch again with a"
        f" higher cap, e.g. --max-posts {higher}"
    )


def _capped_then_30_new(
    httpserver: HTTPServer, store: Store
) -> tuple[FakeAppView, Callable[[int], tuple[int, list[str]]]]:
    """A feed of 250 fetched with --max-posts 100 (the older 150 left), then 30 posts written;
    the stand-in and its runs. Bluesky's cursor holds its place when posts are written; the
    stand-in's counts posts, so the cut's is moved past the 30 new ones."""
    fake = FakeAppView(httpserver, n=250, followers=0)
    fetch = partial(_feed_run, httpserver, store)
    assert fetch(100)[0] == 100
    fake.posts[:0] = _posts("n", 30)
    stream = ("bluesky", DID, "feed")
    state = load_cursor_state(store, *stream)
    state["older"]["cursor"] = "130"
    save_cursor_state(store, *stream, state)
    return fake, fetch


def test_a_run_that_ends_a_gap_goes_on_to_the_newest_posts(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeAppView(httpserver, n=10, followers=0)
    fetch = partial(_feed_run, httpserver, store)
    fetch(1000)
    fake.posts[:0] = _posts("n", 12)
    assert fetch(8)[0] == 8  # 4 of the 12 left for the next run
    fake.posts[:0] = _posts("z", 10)  # written since
    # Bluesky's cursor holds its place when posts are written; the stand-in's counts them
    stream = ("bluesky", DID, "feed")
    pending = int(load_cursor_state(store, *stream)["pending_cursor"])
    save_cursor_state(store, *stream, {"pending_cursor": str(pending + 10)})
    new, notes = fetch(8)
    # the 4 of the gap, then 4 of the 10 newest: the stored posts the gap's last page
    # reached are not counted against the cap, and the 6 newest left are said
    assert new == 8 and notes and "not fetched yet" in notes[0]
    assert fetch(1000) == (6, [])
    assert _count(store, "posts") == 32


def test_a_first_run_cut_by_its_cap_says_so_and_a_higher_cap_reads_on_below_it(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeAppView(httpserver, n=250, followers=0)
    fetch = partial(_feed_run, httpserver, store)
    new, notes = fetch(100)
    assert new == 100 and "fetch again with a higher cap, e.g. --max-posts 200" in notes[0]
    # the same cap: nothing older is read, and the run says why nothing new came
    assert fetch(100) == (0, [_same_cap(100, 200)])
    before = len(fake.requests)
    new, notes = fetch(200)  # the newest, then on from where the first run stopped
    asked = [a.get("cursor") for p, a in fake.requests[before:] if p.endswith("AuthorFeed")]
    assert new == 100 and asked == [None, "100"] and "--max-posts 400" in notes[0]
    assert fetch(1000) == (50, []) and _count(store, "posts") == 250


def test_a_run_whose_new_posts_fill_its_cap_counts_them_so_a_later_one_reads_nothing_older(
    httpserver: HTTPServer, store: Store
) -> None:
    fake, fetch = _capped_then_30_new(httpserver, store)
    assert fetch(120)[0] == 30  # the new ones: the feed holds its newest 130
    before = len(fake.requests)
    # the same cap again: the newest 120 are held, so nothing older is read, and it says so
    assert fetch(120) == (0, [_same_cap(120, 240)])
    asked = [a.get("cursor") for p, a in fake.requests[before:] if p.endswith("AuthorFeed")]
    assert asked == [None]
    new, notes = fetch(200)  # a higher cap reads on below the first run's cut, to 200 in all
    assert new == 70 and "--max-posts 400" in notes[0]


def test_posts_a_capped_run_read_before_a_gap_count_among_those_a_higher_cap_holds(
    httpserver: HTTPServer, store: Store
) -> None:
    fake, fetch = _capped_then_30_new(httpserver, store)
    assert fetch(20)[0] == 20  # 20 of the 30 new, a gap of 10 left
    assert fetch(20)[0] == 10  # the gap: the feed holds its newest 130
    before = len(fake.requests)
    assert fetch(130) == (0, [_same_cap(130, 260)])  # nothing older read, and said why
    assert "130" not in [a.get("cursor") for _, a in fake.requests[before:]]


class FilteringAppView(FakeAppView):
    """An AppView that answers a page with nothing left to show (all filtered out), with a
    cursor on to the next: the feed goes on below it, and so do the followers."""

    def handle(self, request: Request) -> Response:
        if request.args.get("cursor") == "100":
            self.requests.append((request.path, dict(request.args)))
            if request.path.endswith("getFollowers"):
                subject = _profile(DID, "acme.bsky.social")
                return self._json({"subject": subject, "followers": [], "cursor": "200"})
            return self._json({"feed": [], "cursor": "200"})
        return super().handle(request)


def test_a_page_that_comes_empty_with_a_cursor_does_not_end_the_feed_or_the_followers(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FilteringAppView(httpserver, n=250, followers=250)
    report = _fetcher(httpserver, store, []).fetch("acme.bsky.social", max_follows=1000)
    asked = [(p.rsplit(".", 1)[-1], a.get("cursor")) for p, a in fake.requests[1:]]
    assert [c for p, c in asked if p == "getAuthorFeed"] == [None, "100", "200"]
    assert [c for p, c in asked if p == "getFollowers"] == [None, "100", "200"]
    # the 100 the AppView left out are not asked twice; the rest, past the empty page, stored
    assert report.new_posts == 150 and _count(store, "follows") == 1 + 150


def test_the_follower_cap_is_said_once_per_cap_not_on_every_run(
    httpserver: HTTPServer, store: Store
) -> None:
    FakeAppView(httpserver, n=3, followers=250)
    run = _fetcher(httpserver, store, []).fetch

    def follower_notes(cap: int) -> tuple[list[str], list[str]]:
        report = run("acme.bsky.social", max_follows=cap)
        return [n for n in report.notes if "-follower cap" in n], [
            c["stream"] for c in report.capped
        ]

    first, capped = follower_notes(100)
    assert first and first[0].startswith("Stopped at the 100-follower cap (--max-follows)")
    assert capped == ["followers"]
    # the list is read from the top again: true but already said, so only --json keeps it
    assert follower_notes(100) == ([], ["followers"])
    higher, _ = follower_notes(200)  # a new cap is said once too
    assert higher and "200-follower cap" in higher[0]
    assert follower_notes(1000) == ([], [])  # all read: nothing capped, nothing said
