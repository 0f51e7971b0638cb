"""Snoozing an inbox conversation (listen/snooze.py): hidden and listed apart until its date,
back on its own after it, or sooner when someone posts in it, saying why it is back; per firm
like the other marks; reopen clears it; the dates a user types; and the store's migration
0104, which keeps the marks made before it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from _listen_fakes import FakeScorer
from staffpulse.dates import format_day
from staffpulse.errors import InputError
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.snooze import DEFAULT_DAYS, snooze, snooze_until
from staffpulse.listen.states import current_mark, set_state
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store
from staffpulse.store.codec import format_time

NOW = datetime.now(UTC)
QUESTION = Post(platform="x", id="600", author_id="u4", author_handle="ana",
                text="HR folks: how do you run onboarding for remote hires?",
                created_at=NOW - timedelta(hours=2))  # fmt: skip
OTHER = Post(platform="x", id="700", author_id="u5", author_handle="ben",
             text="Recruiters, how do you handle counteroffers from candidates?",
             created_at=NOW - timedelta(hours=3))  # fmt: skip
SUN = Account(platform="x", id="sun", handle="SunbeltCare")
APEX = Account(platform="x", id="apx", handle="apexlogi")


def store_with(tmp_path: Path, *rows: Post | Account) -> Store:
    """A store holding ``rows`` as if imported a day ago: the tests snooze at times just
    before NOW, and a snooze is woken by a post come into the store since."""
    store = open_store(tmp_path / "snooze.db")
    store.upsert(list(rows), provenance("test", "fixture"))
    with store.conn:
        store.conn.execute("UPDATE posts SET first_seen = ?", (format_time(NOW - timedelta(1)),))
    return store


def inbox(store: Store, **kw: Any) -> Inbox:
    scorer: Any = FakeScorer()
    return build_inbox(store, text_model=scorer, role_model=None, max_age=None, **kw)


def ids(result: Inbox) -> list[str]:
    return [i.conversation_id for i in result.items]


def test_a_snoozed_conversation_is_hidden_counted_and_listed_with_its_date(
    tmp_path: Path,
) -> None:
    with store_with(tmp_path, QUESTION, OTHER) as store:
        inbox(store)  # judges the posts, as the inbox a user read first did
        until = NOW + timedelta(days=3)
        assert snooze(store, "600", until) == ("x", "600")
        result = inbox(store)
        assert current_mark(store, "600") == "snoozed"
    assert ids(result) == ["700"] and result.counts["snoozed"] == 1
    (listed,) = result.snoozed
    assert (listed.conversation_id, listed.author_label) == ("600", "@ana")
    assert listed.until == until.replace(microsecond=0)
    data = result.as_dict()
    assert data["counts"]["snoozed"] == 1
    assert data["snoozed"][0]["until"] == until.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert data["snoozed"][0]["opening"]["text"] == QUESTION.text


def test_it_comes_back_on_its_date_and_says_why(tmp_path: Path) -> None:
    with store_with(tmp_path, QUESTION, OTHER) as store:
        inbox(store)
        snooze(store, "600", NOW + timedelta(days=1), now=NOW)
        assert ids(inbox(store)) == ["700"]
        later = inbox(store, now=NOW + timedelta(days=1, minutes=1))
    assert set(ids(later)) == {"600", "700"} and later.snoozed == []
    back = next(i for i in later.items if i.conversation_id == "600")
    assert back.reasons[0] == (
        f"back from snooze: you snoozed it until {format_day(NOW + timedelta(days=1))}"
    )


def test_a_new_reply_brings_it_back_sooner(tmp_path: Path) -> None:
    """Someone answering is what a marketer who put it off wants to hear about: by the date
    the talk may be over."""
    snoozed_at = NOW - timedelta(hours=1)
    reply = Post(platform="x", id="601", author_id="u9", text="We pair every remote hire up.",
                 kind="reply", reply_to_post_id="600", conversation_id="600",
                 created_at=NOW - timedelta(minutes=10))  # fmt: skip
    with store_with(tmp_path, QUESTION) as store:
        inbox(store)
        snooze(store, "600", NOW + timedelta(days=7), now=snoozed_at)
        assert inbox(store).items == []
        store.upsert([reply], provenance("test", "fixture"))
        result = inbox(store)
    assert ids(result) == ["600"] and result.counts["snoozed"] == 0
    assert result.items[0].reasons[0] == (
        f"back from snooze: 1 new post since you snoozed it on {format_day(snoozed_at)}"
    )


def test_a_reply_imported_since_the_snooze_brings_it_back_though_written_before(
    tmp_path: Path,
) -> None:
    """An archive or a fetch brings replies written days ago: the marketer has never seen them,
    so they wake the snooze as one posted since would; the posts stored before it do not."""
    snoozed_at = NOW - timedelta(minutes=5)
    seen = Post(platform="x", id="602", author_id="u8", text="We use a buddy system.",
                kind="reply", reply_to_post_id="600", conversation_id="600",
                created_at=NOW - timedelta(minutes=100))  # fmt: skip
    late = Post(platform="x", id="601", author_id="u9", text="We pair every remote hire up.",
                kind="reply", reply_to_post_id="600", conversation_id="600",
                created_at=NOW - timedelta(minutes=90))  # fmt: skip
    with store_with(tmp_path, QUESTION, seen) as store:
        inbox(store)
        snooze(store, "600", NOW + timedelta(days=7), now=snoozed_at)
        store.upsert([QUESTION, seen], provenance("test", "again"))  # a re-import: nothing new
        assert inbox(store).items == []
        store.upsert([late], provenance("test", "fixture"))  # imported now, written before
        result = inbox(store)
    assert ids(result) == ["600"] and result.counts["snoozed"] == 0
    assert result.items[0].reasons[0] == (
        f"back from snooze: 1 new post since you snoozed it on {format_day(snoozed_at)}"
    )


def test_a_reply_stored_before_the_snooze_but_dated_ahead_does_not_wake_it(
    tmp_path: Path,
) -> None:
    """A Bluesky post is dated by its writer's clock: a reply dated tomorrow, stored before the
    snooze, made every snooze of its conversation hide nothing ("1 new post since...")."""
    ahead = Post(platform="x", id="603", author_id="u7",
                 text="Our team gives the band in the first message.", kind="reply",
                 reply_to_post_id="600", conversation_id="600",
                 created_at=NOW + timedelta(days=1))  # fmt: skip
    with store_with(tmp_path, QUESTION, OTHER, ahead) as store:  # stored a day before NOW
        inbox(store)
        snooze(store, "600", NOW + timedelta(days=7), now=NOW)
        asleep = inbox(store, now=NOW)
        past_its_date = inbox(store, now=NOW + timedelta(days=2))
    assert ids(asleep) == ["700"] and asleep.counts["snoozed"] == 1
    assert ids(past_its_date) == ["700"] and past_its_date.counts["snoozed"] == 1


def test_snoozes_are_per_firm_and_reopen_or_another_mark_replaces_them(tmp_path: Path) -> None:
    with store_with(tmp_path, SUN, APEX, QUESTION, OTHER) as store:
        inbox(store)
        snooze(store, "600", NOW + timedelta(days=7), as_handle="sunbeltcare")
        assert ids(inbox(store, as_handle="sunbeltcare")) == ["700"]
        assert set(ids(inbox(store, as_handle="apexlogi"))) == {"600", "700"}  # Sunbelt's only
        assert set(ids(inbox(store))) == {"600", "700"}
        set_state(store, "600", None, as_handle="sunbeltcare")  # reopen clears the snooze
        assert set(ids(inbox(store, as_handle="sunbeltcare"))) == {"600", "700"}
        # a snooze of no particular firm applies to a firm with no mark of its own
        snooze(store, "700", NOW + timedelta(days=7))
        apex = inbox(store, as_handle="apexlogi")
        assert ids(apex) == ["600"] and [s.conversation_id for s in apex.snoozed] == ["700"]
        set_state(store, "700", "dismissed", as_handle="apexlogi")  # its own mark wins
        apex = inbox(store, as_handle="apexlogi")
        assert apex.snoozed == [] and apex.counts["dismissed"] == 1
        set_state(store, "700", "joined")  # another mark replaces the snooze
        plain = inbox(store)
    assert plain.snoozed == [] and [j.conversation_id for j in plain.joined] == ["700"]


def test_the_end_of_a_snooze_as_typed() -> None:
    now = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    assert snooze_until(now=now) == now + timedelta(days=DEFAULT_DAYS) == now + timedelta(7)
    assert snooze_until(days=2, now=now) == now + timedelta(days=2)
    assert snooze_until(until="2026-12-25", now=now) == datetime(2026, 12, 25, tzinfo=UTC)
    refused = {
        "--days 0 is out of range": {"days": 0},
        "--days 400 is out of range": {"days": 400},
        "--until 2026-11-01 is not in the future": {"until": "2026-11-01"},
        "--until 2028-01-01 is more than a year away": {"until": "2028-01-01"},
        "--until 'soon' is not a date": {"until": "soon"},
        "--days and --until both say": {"days": 3, "until": "2026-12-25"},
    }
    for message, given in refused.items():
        with pytest.raises(InputError) as caught:
            snooze_until(now=now, **given)  # type: ignore[arg-type]
        assert caught.value.message.startswith(message), caught.value.message
        assert caught.value.hint and "2026-01-31" not in caught.value.hint  # no past example
    with pytest.raises(InputError) as caught:
        snooze_until(until="soon", now=now)
    assert caught.value.hint == "use YYYY-MM-DD, e.g. --until 2026-12-04 (its midnight UTC)"


def test_migration_0104_keeps_the_marks_made_before_it(tmp_path: Path) -> None:
    with store_with(tmp_path, QUESTION, OTHER) as store:
        inbox(store)
        # the table as migration 0102 left it, with a firm's dismissal
        store.conn.executescript(
            "DROP TABLE listen_inbox_state;"
            "CREATE TABLE listen_inbox_state (platform TEXT NOT NULL, conversation_id TEXT"
            " NOT NULL, account TEXT NOT NULL DEFAULT '', state TEXT NOT NULL CHECK (state IN"
            " ('joined', 'dismissed')), at TEXT NOT NULL,"
            " PRIMARY KEY (platform, conversation_id, account));"
            "INSERT INTO listen_inbox_state VALUES"
            " ('x', '600', 'apexlogi', 'dismissed', '2026-01-01T00:00:00Z');"
            "DELETE FROM schema_migrations WHERE name = '0104_listen_inbox_snooze';"
        )
    with open_store(tmp_path / "snooze.db") as store:  # opening it migrates
        assert "0104_listen_inbox_snooze" in store.applied_migrations()
        apex = inbox(store, as_handle="apexlogi")
        assert ids(apex) == ["700"] and apex.counts["dismissed"] == 1  # still Apex's
        snooze(store, "700", NOW + timedelta(days=2), as_handle="apexlogi")
        assert inbox(store, as_handle="apexlogi").counts["snoozed"] == 1
        with pytest.raises(Exception, match="CHECK"):  # a snooze has its end, no other mark
            store.conn.execute(
                "INSERT INTO listen_inbox_state VALUES ('x', '1', '', 'snoozed', 'now', NULL)"
            )
