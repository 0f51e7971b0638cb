"""The Benchmark page of a big cohort (web/bench_board.py): its leaderboard a page at a time,
with a search that finds a firm by handle, name or pasted address (its rank kept) and an order
by pillar; its strips on a page of their own, which the Benchmark page loads when scrolled to.
A small cohort's page is the report's, whole. The page sizes are made small here."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.web import bench_board  # noqa: E402
from staffpulse.web.bench_board import leaderboard_page  # noqa: E402
from web_helpers import (  # noqa: E402
    csrf_token,
    finished_job,
    make_client,
    native_jsonl,
    page_words,
    upload_files,
)

# 7 firms with enough posts to be ranked, one with a name to find
FIRMS = [("x", f"firm{i}", 10 + i) for i in range(6)] + [("bluesky", "acme.bsky.social", 12)]


def row(handle: str, rank: int, **scores: float | None) -> dict[str, Any]:
    pillars = {"face": 50.0, "mix": 50.0, "voice": 50.0, "conversation": 50.0} | scores
    return {"handle": handle, "platform": "x", "display_name": "", "rank": rank, **pillars}


def test_a_small_cohort_is_shown_whole() -> None:
    rows = [row(f"a{i}", i) for i in range(bench_board.BOARD_PAGE)]
    assert leaderboard_page(rows, {"page": "2"}) is None


def test_a_big_cohort_is_paged_and_ordered_by_a_pillar_with_the_unscored_last(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bench_board, "BOARD_PAGE", 2)
    rows = [row("a", 1, mix=10), row("b", 2, mix=None), row("c", 3, mix=90), row("d", 4, mix=10)]
    board = leaderboard_page(rows, {"sort": "mix"})
    assert board is not None and (board.pages, board.first, board.last) == (2, 1, 2)
    assert [r["handle"] for r in board.rows] == ["c", "a"]  # ties keep their rank's order
    again = leaderboard_page(rows, {"sort": "mix", "page": "2"})
    assert again is not None and [r["handle"] for r in again.rows] == ["d", "b"]
    assert again.link(1) == "/benchmark?sort=mix&page=1#leaderboard"
    # an order or page that cannot be read: the ranking's first page
    odd = leaderboard_page(rows, {"sort": "<b>", "page": "lots"})
    assert odd is not None and odd.sort == "overall" and odd.page == 1
    # "²" passes str.isdigit yet int() refused it, as it did 5,000 digits: a 500 page
    for typed, shown in (("²", 1), ("9" * 5000, 2), (" 2 ", 2), ("0", 1)):
        board = leaderboard_page(rows, {"page": typed})
        assert board is not None and board.page == shown, typed


def test_a_printout_says_which_accounts_it_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    """On paper a page of the leaderboard would pass for the whole cohort."""
    monkeypatch.setattr(bench_board, "BOARD_PAGE", 2)
    rows = [row(f"firm{i}", i + 1) for i in range(1500)] + [row("acme", 1501)]

    def printed(**params: str) -> str:
        board = leaderboard_page(rows, params)
        assert board is not None
        return board.printed_words.removeprefix("This printout holds ")

    assert printed() == "accounts 1–2 of the 1,501 ranked."
    assert printed(page="2", sort="mix") == "accounts 3–4 of the 1,501 ranked, by Mix."
    assert printed(find="acme") == "the 1 account of the 1,501 ranked that matches “acme”."
    # firm1, firm10-19, firm100-199, firm1000-1499
    assert (
        printed(find="firm1") == "1–2 of the 611 accounts of the 1,501 ranked that match “firm1”."
    )
    assert printed(find="zzz") == "no account: none of the 1,501 ranked matches “zzz”."


@pytest.fixture
def big(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setattr(bench_board, "BOARD_PAGE", 3)
    monkeypatch.setattr(bench_board, "STRIPS_INLINE", 3)
    named = native_jsonl(FIRMS, display="Firm {i}").replace(b'"Firm 6"', b'"Acme <b>x</b>&"')
    with make_client(tmp_path / "big.db") as client:
        finished_job(client, upload_files(client, [("firms.jsonl", named)]))
        yield client


def card(page: str) -> str:
    """The leaderboard card's HTML."""
    return page[page.index('id="leaderboard"') : page.index("<h2>Segments")]


def leaderboard(page: str) -> str:
    """The leaderboard card's words."""
    return page_words(card(page))


def test_the_leaderboard_of_a_big_cohort_comes_a_page_at_a_time(big: Any) -> None:
    page = big.get("/benchmark").text
    words = leaderboard(page)
    assert "7 accounts: 1–3 shown, 3 a page." in words and "Page 1 of 3" in words
    assert len(re.findall(r'<td class="num rank"', page)) == 3
    assert 'href="/benchmark?page=2#leaderboard" rel="next"' in page
    assert "7 accounts ranked" in page_words(page)  # the title counts them all
    last = big.get("/benchmark?page=3").text
    assert len(re.findall(r'<td class="num rank"', last)) == 1 and 'rel="prev"' in last
    # the downloads still hold every account
    csv = big.get("/benchmark/leaderboard.csv").text
    assert all(f"firm{i}" in csv for i in range(6)) and "acme.bsky.social" in csv


@pytest.mark.parametrize(
    "typed", ["acme", "ACME <b>", "https://bsky.app/profile/acme.bsky.social", "@acme.bsky.social"]
)
def test_a_firm_is_found_by_handle_name_or_address_with_its_rank(big: Any, typed: str) -> None:
    page = big.get("/benchmark", params={"find": typed}).text
    words = leaderboard(page)
    assert "1 account of 7 matches" in words and "=1 @acme" in words  # its rank, tied
    assert 'href="/audit/bluesky/acme.bsky.social"' in card(page)
    assert "/audit/x/firm" not in card(page)
    assert "Show every account by rank" in words
    # the name and the search as typed are shown as text, never as markup
    assert "<b>x</b>" not in page and "Acme &lt;b&gt;x&lt;/b&gt;&amp;" in page


def test_a_search_that_finds_no_one_says_what_to_do(big: Any) -> None:
    page = big.get("/benchmark", params={"find": "<i>nobody</i>"}).text
    words = leaderboard(page)
    assert "No account of the cohort matches “&lt;i&gt;nobody&lt;/i&gt;”." in words
    # a printout says it holds none (the search as typed, as text)
    assert "none of the 7 ranked matches “&lt;i&gt;nobody&lt;/i&gt;”." in page_words(page)
    assert "paste the profile’s address" in words


def test_the_leaderboard_ordered_by_a_pillar_says_so(big: Any) -> None:
    words = leaderboard(big.get("/benchmark", params={"sort": "conversation"}).text)
    assert "7 accounts, by Conversation (highest first; # is the overall rank)" in words


def test_a_big_cohorts_strips_are_on_their_own_page(big: Any) -> None:
    page = big.get("/benchmark").text
    assert "<svg" not in page and 'data-strips="/benchmark/strips"' in page
    assert 'href="/benchmark/strips"' in page  # without the script, a link opens them
    strips = big.get("/benchmark/strips")
    assert strips.status_code == 200 and 'id="strips"' in strips.text
    # one chart, drawn wide and again narrow for a phone (the stylesheet shows one of them)
    assert (
        strips.text.count("<svg") == 2
        and strips.text.count('class="strips-narrow"') == 1
        and "7 accounts of the cohort benchmark on every pillar" in strips.text
    )


def test_the_strips_page_of_an_empty_store_goes_to_the_benchmark(tmp_path: Path) -> None:
    with make_client(tmp_path / "empty.db") as client:
        answer = client.get("/benchmark/strips")
    assert answer.status_code == 303 and answer.headers["location"] == "/benchmark"


def test_accounts_with_too_few_posts_are_headed_by_why_they_rank_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the terminal table said it over them, the dashboard's leaderboard did not: two 3-post
    # feeds the cohort file names are placed after the rest under a line that says why
    monkeypatch.setattr(bench_board, "BOARD_PAGE", 3)
    feeds = [("x", f"firm{i}", 12) for i in range(4)] + [("x", "tinyone", 3), ("x", "tinytwo", 3)]
    line = "fewer than 10 posts of their own, too few to judge, ranked after the rest:"
    with make_client(tmp_path / "few.db") as client:
        finished_job(client, upload_files(client, [("feeds.jsonl", native_jsonl(feeds))]))
        cohort = "handle\n" + "".join(f"{handle}\n" for _, handle, _ in feeds)
        saved = client.post(
            "/benchmark/cohort",
            data={"csrf_token": csrf_token(client, "/benchmark")},
            files={"cohort": ("rivals.csv", cohort.encode(), "text/csv")},
        )
        assert saved.status_code == 303
        first, second = (client.get(f"/benchmark?page={n}").text for n in (1, 2))
        by_mix = client.get("/benchmark", params={"sort": "mix", "page": "2"}).text
    assert line not in leaderboard(first)  # its three rows all have enough posts
    words = leaderboard(second)
    assert words.index("@firm") < words.index(line) < words.index("@tiny")
    assert words.count(line) == 1 and '<th colspan="9" scope="rowgroup">' in card(second)
    # ordered by one pillar the rows are no longer in their tiers: no line
    assert "@tiny" in leaderboard(by_mix) and line not in leaderboard(by_mix)
