"""``fetch bluesky --max-posts`` over several runs against the local stand-in: the cap counts
the posts a run brings in, so a run that ends an earlier gap goes on to the newest ones."""

from __future__ import annotations

from pytest_httpserver import HTTPServer

from staffpulse.fetch.cursors import load_cursor_state, save_cursor_state
from staffpulse.store import Store
from test_fetch_bluesky import DID, FakeAppView, _count, _fetcher


def _posts(prefix: str, n: int) -> list[str]:
    return [f"at://{DID}/app.bsky.feed.post/{prefix}{i:03d}" for i in range(n, 0, -1)]


def test_a_run_that_ends_a_gap_goes_on_to_the_newest_posts(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeAppView(httpserver, n=10, followers=0)

    def fetch(cap: int) -> tuple[int, list[str]]:
        report = _fetcher(httpserver, store, []).fetch(
            "acme.bsky.social", max_posts=cap, max_follows=0
        )
        return report.new_posts, report.notes

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

    def fetch(cap: int) -> tuple[int, list[str]]:
        report = _fetcher(httpserver, store, []).fetch(
            "acme.bsky.social", max_posts=cap, max_follows=0
        )
        return report.new_posts, report.notes

    new, notes = fetch(100)
    assert new == 100 and "fetch again with a higher cap, e.g. --max-posts 200" in notes[0]
    assert fetch(100) == (0, [])  # the same cap: nothing older is read, nothing said again
    before = len(fake.requests)
    new, notes = fetch(200)  # the newest, then on from where the first run stopped
    asked = [a.get("cursor") for p, a in fake.requests[before:] if p.endswith("AuthorFeed")]
    assert new == 100 and asked == [None, "100"] and "--max-posts 400" in notes[0]
    assert fetch(1000) == (50, []) and _count(store, "posts") == 250
