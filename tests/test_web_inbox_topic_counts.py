"""The Inbox's line of topics follows the marks, as its header counts do: a topic whose
only conversation was dismissed (or joined) leaves the line, and comes back on Reopen; the
last dismissed conversation reopened sends the page to its top, not to a list that is gone."""

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

CARD = re.compile(r'<article class="conv" id="([^"]+)"')
FORM = re.compile(
    r'name="conversation_id" value="([^"]+)">\s*<input type="hidden" name="platform" '
    r'value="([^"]*)">'
)
# replayed as of the newest post, so the week holds the same conversations on any day
ALL = {"max_age": "7d", "as_of": "newest", "shown": "2000"}


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("topics"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def _topic_line(page: str) -> dict[str, int]:
    """``{"Interviews": 3, ...}`` from "Topics with conversations to join: Interviews (3) · …"."""
    nav = re.search(r'<nav class="topic-links".*?</nav>', page, re.S)
    if nav is None:
        return {}
    words = html.unescape(re.sub(r"<[^>]+>", "", nav.group(0)))
    line = words.split("Topics with conversations to join:", 1)[1]
    return {m[0].strip(): int(m[1]) for m in re.findall(r"([^·]+?) \((\d+)\)", line)}


def _mark(client: Any, conversation: str, platform: str, state: str, anchor: str = "") -> Any:
    back = "/inbox?max_age=7d&as_of=newest&shown=2000"
    return client.post(
        "/inbox/state",
        data={"csrf_token": csrf_token(client, "/inbox"), "conversation_id": conversation,
              "platform": platform, "state": state, "back": back, "anchor": anchor},
    )  # fmt: skip


def _only_conversation(client: Any, page: str, label: str) -> tuple[str, str]:
    """The conversation id and platform of the topic ``label``'s one open conversation."""
    href = re.search(rf'<a href="([^"]+)">{re.escape(html.escape(label))}</a>', page)
    assert href, label
    topic_page = client.get(html.unescape(href.group(1))).text
    shown = FORM.findall(topic_page.split('id="joined"')[0])
    assert len(shown) >= 1
    conversation, platform = shown[0]
    return str(conversation), str(platform)


@pytest.mark.parametrize("state", ["dismissed", "joined"])
def test_a_topic_whose_only_conversation_is_marked_leaves_the_line(client: Any, state: str) -> None:
    page = client.get("/inbox", params=ALL).text
    before = _topic_line(page)
    single = [label for label, n in before.items() if n == 1]
    assert single, before  # the sample has topics with one conversation to join
    label = single[0]
    conversation, platform = _only_conversation(client, page, label)
    assert _mark(client, conversation, platform, state).status_code == 303
    after = _topic_line(client.get("/inbox", params=ALL).text)
    assert label not in after
    assert all(after[k] == n for k, n in before.items() if k != label)  # the others as before
    # Reopen puts it back, with its count
    assert _mark(client, conversation, platform, "open").status_code == 303
    assert _topic_line(client.get("/inbox", params=ALL).text) == before


def test_the_last_dismissed_conversation_reopened_goes_to_the_top(client: Any) -> None:
    page = client.get("/inbox", params=ALL).text
    first, second = [(str(c), str(p)) for c, p in FORM.findall(page.split('id="joined"')[0])][:2]
    for conversation, platform in (first, second):
        _mark(client, conversation, platform, "dismissed")
    one_left = _mark(client, first[0], first[1], "open", anchor="dismissed")
    assert one_left.headers["location"].endswith("#dismissed")  # the list is still there
    none_left = _mark(client, second[0], second[1], "open", anchor="dismissed")
    assert "#" not in none_left.headers["location"]
    assert 'id="dismissed"' not in client.get(none_left.headers["location"]).text


def test_a_topic_link_reads_the_kept_ranking_and_a_mark_ranks_afresh(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from listen_helpers import count_rankings

    calls = count_rankings(monkeypatch)
    page = client.get("/inbox", params=ALL).text
    every = CARD.findall(page)
    assert len(calls) == 1
    label, n = next(iter(_topic_line(page).items()))
    conversation, platform = _only_conversation(client, page, label)
    assert len(calls) == 1  # the topic's page: read from the ranking kept, not ranked again
    assert _mark(client, conversation, platform, "dismissed").status_code == 303
    again = client.get("/inbox", params=ALL).text
    assert len(calls) == 2  # the mark changed the offer: ranked afresh
    assert _topic_line(again).get(label, 0) == n - 1
    assert len(CARD.findall(again)) == len(every) - 1


def test_a_topic_filed_under_other_conversations_is_not_linked_above_it(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a topic of one conversation goes under "Other conversations": linked above the page,
    # its card sat under "Other conversations" here and under its own name on its link's page
    from inbox_helpers import item, make
    from staffpulse.listen.window import TopicChoice

    lone = item("c1", topic_id=5, topic_label="Harbour / cranes", score=0.9)
    pair = [item(f"c{n}", topic_id=2, topic_label="onboarding", score=0.5) for n in (2, 3)]
    choices = [TopicChoice(2, "onboarding", 2), TopicChoice(5, "Harbour / cranes", 1)]
    handmade = make([lone, *pair], topic_choices=choices)
    backend = client.app.state.web.backend
    monkeypatch.setattr(type(backend), "inbox", lambda *_args, **_kw: handmade)
    page = client.get("/inbox").text
    headings = [
        html.unescape(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r"<h2>(.*?)</h2>", page)
    ]
    assert headings[:2] == ["Onboarding 2", "Other conversations 1"]  # the catch-all last
    assert _topic_line(page) == {"onboarding": 2}
    # the Topic field still suggests it
    assert '<option value="Harbour / cranes">' in page
