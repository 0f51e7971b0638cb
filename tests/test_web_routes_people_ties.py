"""Ties on the Connect page (routes_people, report.connect_ties): equal scores read as "=2",
as the terminal shows them, and a long run of tied accounts known only by their id (a follow
list's followers, all alike) is counted in one row, not shown as ranks 2, 3, 4... in id order."""

from __future__ import annotations

import re
import warnings
from dataclasses import replace
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from connect_page_helpers import (  # noqa: E402
    ACCOUNT,
    connect_client,
    connect_report,
    connect_sample_db,
    result_card,
    serve_report,
    suggestion_at,
)
from staffpulse.connect.advice import HeldBack  # noqa: E402
from staffpulse.connect.explanation import Explanation  # noqa: E402
from staffpulse.connect.suggestion import Suggestion  # noqa: E402

sample_db = pytest.fixture(connect_sample_db, scope="module", name="sample_db")
client = pytest.fixture(connect_client, name="client")


def _follower(rank: int) -> Suggestion:
    """An account a follow list names by its id alone, tied with the others at 40."""
    return replace(
        suggestion_at(rank, 40.0),
        account_id=f"77001{rank:03d}",
        handle=f"77001{rank:03d}",
        display_name="",
        role=None,
        handle_known=False,
        reasons=Explanation(None, ("follows you",)),
    )


def _ranks(card: str) -> list[str]:
    return re.findall(r'<td class="num rank">([^<]+)</td>', card)


def test_tied_followers_read_as_ties_and_past_three_are_counted_in_one_row(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = [suggestion_at(1, 100.0), *map(_follower, range(2, 8)), suggestion_at(8, 10.0)]
    report = connect_report(HeldBack(), None, found)  # it says the id-only note itself
    serve_report(client, monkeypatch, report)
    page = client.get(f"/connect?account={ACCOUNT}").text
    card = result_card(page)
    assert _ranks(card) == ["1", "=2", "=2", "=2", "=2", "8"]
    assert "3 more accounts known only by their id" in card
    assert "the “Spreadsheet (CSV)” export lists each with its link" in card
    assert card.count(">open on X</a>") == 2 + 3  # the three folded have no link of their own
    # the note sends the reader to the CSV for the links of those counted in one row, in the
    # page's words (it has export buttons, not --export)
    note = " ".join(page.split('class="faint note-line">', 1)[1].split("</div>", 1)[0].split())
    assert "the “Spreadsheet (CSV)” export gives the links of the 3 counted in one row" in note
    assert "--export" not in note


def test_two_equal_scores_share_a_rank_and_the_next_keeps_its_place(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = [suggestion_at(1, 90.0), suggestion_at(2, 50.0), suggestion_at(3, 50.0)]
    found.append(suggestion_at(4, 20.0))
    serve_report(client, monkeypatch, connect_report(HeldBack(), None, found))
    card = result_card(client.get(f"/connect?account={ACCOUNT}").text)
    assert _ranks(card) == ["1", "=2", "=2", "4"]
    assert "more accounts known only by their id" not in card  # accounts with handles: all shown
