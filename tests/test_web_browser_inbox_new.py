"""The Inbox page's "new since you last looked", in real headless Chromium (Debian's, never a
downloaded one): the conversations that came in since the firm's last look carry a green
"new" tag a marketer can see, and the line above them counts exactly those."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from staffpulse.listen.states import firm_key  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from staffpulse.store.codec import format_time  # noqa: E402
from web_helpers import LiveServer, make_settings, sample_store  # noqa: E402

pytestmark = NEEDS_CHROMIUM
NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample, its Bluesky posts come in an hour ago, the rest three days ago; the firm
    last looked yesterday: the Bluesky conversations are the new ones."""
    pytest.importorskip("uvicorn")
    db: Path = sample_store(tmp_path_factory.mktemp("inbox-new"))
    with open_store(db) as store:
        store.conn.execute("UPDATE posts SET first_seen = ?", (format_time(NOW - timedelta(3)),))
        store.conn.execute(
            "UPDATE posts SET first_seen = ? WHERE platform = 'bluesky'",
            (format_time(NOW - timedelta(hours=1)),),
        )
        store.conn.execute(
            "INSERT INTO listen_inbox_looks (account, looked_at, since) VALUES (?, ?, ?)",
            (
                firm_key(store, None),
                format_time(NOW - timedelta(1)),
                format_time(NOW - timedelta(2)),
            ),
        )
    from staffpulse.web import create_app

    with LiveServer(create_app(make_settings(db, allowed_hosts=[]))) as live:
        yield live.url


def test_the_new_conversations_are_tagged_and_counted(site: str) -> None:
    with opened_page(site + "/inbox?max_age=0", 1280, 900) as page:
        line = page.locator(".new-since").inner_text()
        cards = page.locator("article.conv")
        shown: list[dict[str, Any]] = [
            cards.nth(n).evaluate(
                """card => {
                    const tag = card.querySelector('.chip.new');
                    const chips = [...card.querySelectorAll('.chip')].map(c => c.innerText);
                    return {tagged: !!tag, visible: !!tag && tag.offsetWidth > 0,
                            color: tag && getComputedStyle(tag).backgroundColor, chips};
                }"""
            )
            for n in range(cards.count())
        ]
    found = re.match(r"([\d,]+) new conversations? since you last looked \(", line)
    assert found, line
    count = int(found.group(1).replace(",", ""))
    tagged = [card for card in shown if card["tagged"]]
    below = re.search(r"([\d,]+) of them (?:is|are) further down", line)
    assert len(tagged) + (int(below.group(1)) if below else 0) == count
    assert tagged and all(card["visible"] for card in tagged)
    assert all(card["color"] == "rgb(26, 127, 75)" for card in tagged)  # the page's green
    # exactly the conversations that came in since: the Bluesky ones
    assert all("Bluesky" in card["chips"] for card in tagged)
    assert not any("Bluesky" in card["chips"] for card in shown if not card["tagged"])
    assert "tagged new." in line
