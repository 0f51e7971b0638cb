"""The Inbox page's "new since you last looked" (web/inbox_new.py), as a marketer meets it: a
first visit says what "new" will mean; conversations that came in since the last look at the
whole inbox are counted and tagged; only the whole inbox moves the mark (a page of one topic or
platform says it is measured from the whole inbox); visits within the hour are one sitting;
and a page opened in a later sitting is marked from that sitting's look, not from the one the
cached ranking was made in."""

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

from staffpulse.store import open_store  # noqa: E402
from staffpulse.store.codec import format_time  # noqa: E402
from web_helpers import make_client, page_words, private_copy, sample_store  # noqa: E402

NOW = datetime.now(UTC).replace(microsecond=0)
TAG = '<span class="chip new" title='  # on a conversation, not in the line above them
OPEN = re.compile(r"([\d,]+) open")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("inbox-new"))


@pytest.fixture
def db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample whose posts all came in three hours ago."""
    copy = private_copy(sample_db, tmp_path)
    with open_store(copy) as store:
        store.conn.execute(
            "UPDATE posts SET first_seen = ?", (format_time(NOW - timedelta(hours=3)),)
        )
    return copy


@pytest.fixture
def client(db: Path) -> Iterator[Any]:
    with make_client(db) as c:
        yield c


def _looks(db: Path) -> list[tuple[str, str, str | None]]:
    with open_store(db) as store:
        return [tuple(r) for r in store.conn.execute("SELECT * FROM listen_inbox_looks")]


def _last_look(db: Path, ago: timedelta, since: timedelta | None) -> None:
    """The firm's last look as if made ``ago``, measuring from ``since`` ago."""
    with open_store(db) as store:
        store.conn.execute(
            "UPDATE listen_inbox_looks SET looked_at = ?, since = ?",
            (format_time(NOW - ago), format_time(None if since is None else NOW - since)),
        )


def _open_total(page: str) -> int:
    found = OPEN.search(page_words(page))
    assert found, page_words(page)[:300]
    return int(found.group(1).replace(",", ""))


def test_a_first_visit_tags_nothing_and_says_what_new_will_mean(client: Any, db: Path) -> None:
    page = client.get("/inbox").text
    assert TAG not in page
    assert "From your next look, the conversations that come in after this one are tagged new." in (
        page_words(page)
    )
    assert len(_looks(db)) == 1  # the visit is remembered: the next sitting measures from it


def test_what_came_in_since_the_last_look_is_counted_and_tagged(client: Any, db: Path) -> None:
    client.get("/inbox")
    _last_look(db, ago=timedelta(days=2), since=timedelta(days=3))  # before the posts came in
    page = client.get("/inbox").text
    total = _open_total(page)
    words = page_words(page)
    assert f"{total} new conversations since you last looked" in words
    # every open conversation came in since: each one shown carries the tag
    assert page.count(TAG) == page.count('<article class="conv"')
    if total > 30:  # the sample's inbox is longer than a page: the rest are said to be below
        assert f"{total - 30} of them are further down than the top 30 shown." in words


def test_only_a_look_at_the_whole_inbox_moves_the_mark(client: Any, db: Path) -> None:
    client.get("/inbox")
    _last_look(db, ago=timedelta(days=2), since=timedelta(days=3))
    before = _looks(db)
    narrowed = client.get("/inbox?platform=bluesky").text
    assert _looks(db) == before  # one platform's page: the rest of the inbox is still unread
    assert "since you last looked at the whole inbox" in page_words(narrowed)
    client.get("/inbox?topic=1")
    assert _looks(db) == before
    client.get("/inbox")
    ((_firm, looked_at, since),) = _looks(db)
    assert looked_at >= format_time(NOW)  # moved to this visit
    assert since == format_time(NOW - timedelta(days=2))  # and measured from the one before


def test_visits_within_the_hour_are_one_sitting(client: Any, db: Path) -> None:
    client.get("/inbox")
    _last_look(db, ago=timedelta(days=2), since=timedelta(days=3))
    first = client.get("/inbox").text
    again = client.get("/inbox").text  # a reload after marking one joined, say
    assert first.count(TAG) == again.count(TAG) > 0


def test_a_later_sitting_is_marked_from_its_own_look_not_the_cached_one(
    client: Any, db: Path
) -> None:
    client.get("/inbox")
    _last_look(db, ago=timedelta(days=2), since=timedelta(days=3))
    assert TAG in client.get("/inbox").text  # ranked and cached, everything new
    # the dashboard was left running; the firm comes back two hours after that visit, with
    # nothing come in since: the cached ranking is no reason to call its conversations new
    _last_look(db, ago=timedelta(hours=2), since=timedelta(days=2))
    page = client.get("/inbox").text
    assert TAG not in page
    assert "None of the open conversations came in since you last looked" in page_words(page)
