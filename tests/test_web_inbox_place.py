"""After Dismiss or Mark joined the inbox opens where the user was: each conversation has an id
on the page, its buttons send the next one's, and the redirect's address ends at it."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import csrf_token, make_client, private_copy, sample_store  # noqa: E402

FORM = re.compile(
    r'<form class="conv-actions".*?name="conversation_id" value="([^"]*)".*?'
    r'name="platform" value="([^"]*)".*?name="anchor" value="([^"]*)".*?</form>',
    re.S,
)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("place"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def test_each_conversation_sends_the_next_ones_place(client: Any) -> None:
    from staffpulse.web.routes_inbox import anchor_of

    page = client.get("/inbox", params={"max_age": "0"}).text
    ids = re.findall(r'<article class="conv" id="([^"]+)"', page)
    assert len(ids) >= 3 and len(set(ids)) == len(ids)
    # the open cards' forms: before the lists of joined (if any) and left-out conversations
    cards = page.split('id="joined"')[0].split('id="left-out"')[0]
    open_forms = list(FORM.finditer(cards))
    assert len(open_forms) == len(ids)
    for n, form in enumerate(open_forms):
        conversation, platform, anchor = form.groups()
        assert ids[n] == anchor_of(platform, conversation)
        assert anchor == (ids[n + 1] if n + 1 < len(ids) else ids[n - 1])


def _state(client: Any, anchor: str) -> str:
    page = client.get("/inbox", params={"max_age": "0"}).text
    conversation, platform, _next = next(FORM.finditer(page)).groups()
    response = client.post(
        "/inbox/state",
        data={"csrf_token": csrf_token(client, "/inbox"), "conversation_id": conversation,
              "platform": platform, "state": "dismissed", "back": "/inbox?max_age=0",
              "anchor": anchor},
    )  # fmt: skip
    assert response.status_code == 303
    return str(response.headers["location"])


# a dismiss says so in a message with an Undo button, kept on the server under a key
_DISMISSED = r"/inbox\?max_age=0&flash=[\w-]+"


def test_the_redirect_ends_at_the_place(client: Any) -> None:
    assert re.fullmatch(_DISMISSED + "#c-0123456789ab", _state(client, "c-0123456789ab"))


def test_a_place_that_is_no_element_id_is_left_out(client: Any) -> None:
    assert re.fullmatch(_DISMISSED, _state(client, 'x"><script>'))
    assert re.fullmatch(_DISMISSED, _state(client, ""))
