"""``fetch bluesky``'s feed against a local AppView (the real atproto client) that sends a full
page with no cursor while posts remain below it, which cannot be told from the feed's end: the
run says what it stored and how to go on, and the next run asks for that page again, reading
on without storing a post twice; a page that comes without a cursor twice ends the feed."""

from __future__ import annotations

import json

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from _fake_api import interrupted_after
from staffpulse.fetch.bluesky_feed import dropped_cursor_note, end_taken_note
from staffpulse.fetch.common import FetchReport
from staffpulse.fetch.cursors import Gap
from staffpulse.fetch.resume import capped_note
from staffpulse.store import Store
from test_fetch_bluesky import FakeAppView, _count, _fetcher


class DroppingAppView(FakeAppView):
    """An AppView that answers the feed page at ``at`` (a cursor, None: the first page)
    without its cursor on, the first ``times`` times it is asked for it."""

    def __init__(self, server: HTTPServer, n: int, at: str | None, times: int = 1) -> None:
        super().__init__(server, n=n, followers=0)
        self.at, self.times = at, times

    def handle(self, request: Request) -> Response:
        answer = super().handle(request)
        feed = request.path.endswith("getAuthorFeed")
        if feed and request.args.get("cursor") == self.at and self.times > 0:
            self.times -= 1
            body = json.loads(answer.get_data())
            body.pop("cursor", None)
            return self._json(body)
        return answer

    def asked(self, since: int) -> list[str | None]:
        return [a.get("cursor") for p, a in self.requests[since:] if p.endswith("AuthorFeed")]


def _run(httpserver: HTTPServer, store: Store, cap: int = 1000) -> FetchReport:
    fetcher = _fetcher(httpserver, store, [])
    return fetcher.fetch("acme.bsky.social", max_posts=cap, max_follows=0)


def test_a_cursor_dropped_after_a_full_page_is_said_and_the_next_run_reads_on(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = DroppingAppView(httpserver, n=250, at="100")
    first = _run(httpserver, store)
    assert first.new_posts == 200 and _count(store, "posts") == 200
    told = first.notes[0]
    assert told.startswith("Bluesky sent a full page of the feed with no cursor to the next one")
    assert "the 200 new posts fetched (down to " in told and "fetch again to ask" in told
    before = len(fake.requests)
    again = _run(httpserver, store)
    # the page asked again (stored already: not counted, not stored twice), then on below it
    assert fake.asked(before) == ["100", "200", None]
    assert (again.new_posts, again.notes) == (50, []) and _count(store, "posts") == 250


def test_a_first_page_without_a_cursor_is_asked_again_from_the_top(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = DroppingAppView(httpserver, n=250, at=None)
    assert _run(httpserver, store).new_posts == 100
    before = len(fake.requests)
    again = _run(httpserver, store)
    assert fake.asked(before) == [None, "100", "200", None]
    assert again.new_posts == 150 and _count(store, "posts") == 250


def test_a_page_without_a_cursor_twice_is_taken_as_the_end_and_said_once(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = DroppingAppView(httpserver, n=200, at="100", times=0)  # the end: a full last page
    assert len(_run(httpserver, store).notes) == 1  # it may be the end, or a dropped cursor
    before = len(fake.requests)
    again = _run(httpserver, store)
    assert fake.asked(before) == ["100", None] and again.new_posts == 0
    assert again.notes[0].startswith("Bluesky again sent no cursor after the feed's page")
    before = len(fake.requests)
    assert _run(httpserver, store).notes == [] and fake.asked(before) == [None]
    assert _count(store, "posts") == 200


def test_a_cursor_dropped_below_a_first_runs_cut_keeps_the_cut_to_read_on_from(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = DroppingAppView(httpserver, n=250, at="100")
    assert _run(httpserver, store, cap=100).new_posts == 100  # the newest 100, the rest left
    higher = _run(httpserver, store)  # below the cut, the AppView drops its cursor
    assert higher.new_posts == 100 and higher.notes[0].startswith("Bluesky sent a full page")
    before = len(fake.requests)
    again = _run(httpserver, store)
    assert fake.asked(before) == [None, "100", "200"]
    assert (again.new_posts, again.notes) == (50, []) and _count(store, "posts") == 250


def test_the_notes_say_how_many_posts_were_stored() -> None:
    assert "the 1 new post fetched is stored" in dropped_cursor_note(1, None)
    assert end_taken_note(None) == (
        "Bluesky again sent no cursor after the feed's page: the feed is taken to end there"
    )


@pytest.mark.parametrize(("cap", "asked", "new"), [(150, ["100"], 50), (100, [], 0)])
def test_a_first_run_stopped_early_goes_on_as_a_first_run_not_as_a_gap(
    httpserver: HTTPServer, store: Store, cap: int, asked: list[str], new: int
) -> None:
    fake = DroppingAppView(httpserver, n=400, at="none", times=0)
    with pytest.raises(KeyboardInterrupt):  # the newest 100 stored, then Ctrl-C
        fetcher = _fetcher(httpserver, store, [], progress=interrupted_after(1))
        fetcher.fetch("acme.bsky.social", max_posts=cap, max_follows=0)
    before = len(fake.requests)
    resumed = _run(httpserver, store, cap)
    # on from where it stopped, only as many as the cap still wants, and said as a first run's
    assert fake.asked(before) == asked and resumed.new_posts == new
    assert resumed.capped == [
        {"stream": "feed", "cap": cap, "option": "--max-posts", "left": "older"}
    ]
    before = len(fake.requests)
    same = _run(httpserver, store, cap)  # the same cap: nothing older (a cap more every run)
    assert (same.new_posts, fake.asked(before)) == (0, [None])
    assert same.notes[0].startswith(f"No new posts under the {cap}-post cap (--max-posts)")
    assert "older ones (before 1 Mar) are not" in same.notes[0] and same.capped == resumed.capped
    assert _count(store, "posts") == cap


def test_a_first_run_whose_cap_ends_on_a_page_without_a_cursor_keeps_the_older_posts_reachable(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = DroppingAppView(httpserver, n=250, at="100")
    first = _run(httpserver, store, cap=200)  # the cap met on the page that lost its cursor
    assert first.new_posts == 200
    assert first.capped == [
        {"stream": "feed", "cap": 200, "option": "--max-posts", "left": "older"}
    ]
    assert "the newest 200 posts are fetched, and any older ones" in first.notes[0]
    before = len(fake.requests)
    same = _run(httpserver, store, cap=200)  # the page asked again, no cap note said twice
    assert same.new_posts == 0 and same.notes == [
        "No new posts under the 200-post cap (--max-posts): the newest 200 posts are stored"
        " already, and any older ones (before 1 Mar) are not; to get them, fetch again with a"
        " higher cap, e.g. --max-posts 400"
    ]
    assert same.capped == first.capped and fake.asked(before)[-1] == "100"  # --json says it
    before = len(fake.requests)
    higher = _run(httpserver, store)  # a higher cap: the newest page, then on below that one
    assert fake.asked(before) == [None, "200"]
    assert higher.new_posts == 50 and _count(store, "posts") == 250


def test_a_cursor_dropped_in_a_first_run_goes_on_as_one_within_its_cap(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = DroppingAppView(httpserver, n=600, at="100")
    first = _run(httpserver, store, cap=300)
    assert first.new_posts == 200 and first.notes[0].startswith("Bluesky sent a full page")
    before = len(fake.requests)
    again = _run(httpserver, store, cap=300)  # the same cap: 100 more, not 300 more
    assert fake.asked(before)[:2] == ["100", "200"]
    assert again.new_posts == 100 and _count(store, "posts") == 300
    assert again.capped == [
        {"stream": "feed", "cap": 300, "option": "--max-posts", "left": "older"}
    ]
    before = len(fake.requests)
    same = _run(httpserver, store, cap=300)  # nothing older asked for at the same cap
    assert (same.new_posts, fake.asked(before)) == (0, [None])
    assert same.notes[0].startswith("No new posts under the 300-post cap (--max-posts)")
    assert _count(store, "posts") == 300


def test_a_gap_whose_cap_is_met_on_a_page_without_a_cursor_is_kept_to_fill(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = DroppingAppView(httpserver, n=150, at="100", times=0)
    assert _run(httpserver, store).new_posts == 150  # the whole feed
    new = [f"{fake.posts[0][:-4]}n{i:03d}" for i in range(250)]
    fake.posts[:0] = new  # 250 posted since, newest first
    fake.times = 1
    gap = _run(httpserver, store, cap=200)  # its cap met on the page that lost its cursor
    assert gap.new_posts == 200 and gap.notes[0].startswith("Bluesky sent a full page")
    before = len(fake.requests)
    again = _run(httpserver, store, cap=200)  # the 50 between them were left unsaid, unread
    assert fake.asked(before)[:2] == ["100", "200"]
    assert again.new_posts == 50 and _count(store, "posts") == 400


def test_nothing_new_under_a_cap_names_no_day_it_does_not_know() -> None:
    held = Gap(1000, None, None, False, older=True, held=True)
    assert capped_note(held).startswith(
        "No new posts under the 1,000-post cap (--max-posts): the newest 1,000 posts are"
        " stored already, and any older ones are not;"
    )


def test_every_later_run_with_the_cap_a_page_without_a_cursor_met_says_why_nothing_came(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = DroppingAppView(httpserver, n=250, at="100")
    _run(httpserver, store, cap=200)  # the cap met on the page that lost its cursor
    second = _run(httpserver, store, cap=200)  # that page asked again: nothing new under it
    before = len(fake.requests)
    third = _run(httpserver, store, cap=200)  # the newest page only: it said nothing at all
    assert fake.asked(before) == [None] and third.new_posts == 0
    assert third.notes == second.notes and third.notes[0].startswith("No new posts under the")
    assert third.capped == second.capped  # --json says what is left, as the second run did
