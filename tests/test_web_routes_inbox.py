"""The Inbox page as a marketer uses it (QA17): the "quiet for longer" hint adds up to what
"No limit" then shows, marks made with "You post as" empty stick, a mark made for a firm says
so, and every conversation has its own place on the page."""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import csrf_token, make_client, private_copy, sample_store  # noqa: E402

CARD = re.compile(
    r'<article class="conv" id="([^"]+)">.*?name="conversation_id" value="([^"]*)".*?'
    r'name="platform" value="([^"]*)"',
    re.S,
)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("inbox"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def _words(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _open(page: str) -> int:
    found = re.search(r"([\d,]+) open( \(the top [\d,]+ shown\))? · ", _words(page))
    assert found, "no open count"
    return int(found.group(1).replace(",", ""))


def _cards(page: str) -> list[tuple[str, str, str]]:
    """(element id, conversation id, platform) of the open conversations shown."""
    return [m.groups() for m in CARD.finditer(page.split('id="joined"')[0])]


def _mark(client: Any, conversation: str, platform: str, state: str, as_: str = "") -> Any:
    return client.post(
        "/inbox/state",
        data={"csrf_token": csrf_token(client, "/inbox"), "conversation_id": conversation,
              "platform": platform, "state": state, "as": as_, "back": "/inbox"},
    )  # fmt: skip


@pytest.mark.parametrize("age", ["7d", "30d"])
def test_the_quiet_for_longer_hint_is_what_no_limit_then_adds(client: Any, age: str) -> None:
    window = client.get("/inbox", params={"max_age": age}).text
    hint = re.search(r"([\d,]+) open conversations quiet for more than \d+ days", _words(window))
    assert hint and "choose a longer age with “Quiet for at most” above" in _words(window)
    promised = int(hint.group(1).replace(",", ""))
    everything = client.get("/inbox", params={"max_age": "0"}).text
    assert _open(everything) == _open(window) + promised


def test_marks_made_with_you_post_as_empty_stick(client: Any) -> None:
    first, second = _cards(client.get("/inbox").text)[:2]
    before = _open(client.get("/inbox").text)
    assert _mark(client, first[1], first[2], "dismissed").status_code == 303
    assert _mark(client, second[1], second[2], "joined").status_code == 303
    again = client.get("/inbox").text  # as the menu opens it
    shown = {card[1] for card in _cards(again)}
    assert first[1] not in shown and second[1] not in shown
    assert _open(again) == before - 2 and "· 1 joined · 1 dismissed ·" in _words(again)
    # the firm's account named later (typed, or saved in Settings): the triage is kept
    named = client.get("/inbox", params={"as": "@harborline (x)"}).text
    assert first[1] not in {card[1] for card in _cards(named)}
    assert "· 1 dismissed ·" in _words(named)


def test_a_mark_made_for_a_firm_says_for_which(client: Any) -> None:
    _id, conversation, platform = _cards(client.get("/inbox?as=harborline").text)[0]
    response = _mark(client, conversation, platform, "dismissed", "harborline")
    assert response.status_code == 303
    words = _words(client.get(response.headers["location"]).text)
    assert "Dismissed for @harborline." in words
    assert "not for another account or with the field empty" in words
    assert "It won't show up in the inbox again" not in words


def test_every_conversation_has_its_own_place_on_the_page(client: Any) -> None:
    page = client.get("/inbox", params={"max_age": "0", "shown": "2000"}).text
    cards = _cards(page)
    assert len(cards) > 500
    assert len({card[0] for card in cards}) == len(cards)
    assert len({(card[2], card[1]) for card in cards}) == len(cards)
