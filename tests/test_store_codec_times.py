"""The store's times: written so that they read back and sort, whatever the year a file gives
(a Bluesky client may date a post 0001-01-01)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from car_helpers import small_car
from staffpulse.audit import audit_account
from staffpulse.ingest import import_paths
from staffpulse.store import open_store
from staffpulse.store.codec import format_time, parse_time


def test_every_year_reads_back_and_sorts() -> None:
    moments = [datetime(year, 3, 1, 14, 5, tzinfo=UTC) for year in (1, 999, 2026, 9999)]
    written = [format_time(moment) for moment in moments]
    assert written[0] == "0001-03-01T14:05:00Z"  # strftime wrote "1-03-01...", unreadable
    assert [parse_time(text) for text in written] == moments
    assert sorted(written) == written
    assert parse_time("1-03-01T14:05:00Z") == moments[0]  # as stores written before hold it


def test_times_read_back_as_written_and_a_broken_one_is_still_refused() -> None:
    # the stored form is read by a fast path (connect reads 300,000 times on a big store):
    # it must give what strptime gave, and refuse what strptime refused
    for text in ("2026-11-27T23:59:59Z", "2024-02-29T00:00:00Z", "1970-01-01T00:00:00Z"):
        slow = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        assert parse_time(text) == slow and parse_time(text).tzinfo is UTC  # type: ignore[union-attr]
    for broken in ("2026-02-30T10:00:00Z", "2026-11-27T24:00:00Z"):
        with pytest.raises(ValueError):
            parse_time(broken)


def test_a_post_dated_year_one_is_audited(tmp_path: Path) -> None:
    # the audit stopped as an internal error: "Invalid isoformat string: '1-01-01T00:00:00Z'"
    did = "did:plc:oddclock0000000000000000"
    records = {
        "app.bsky.actor.profile/self": {"$type": "app.bsky.actor.profile", "displayName": "Odd"},
        "app.bsky.feed.post/3kaaaaaaaaaa2": {
            "$type": "app.bsky.feed.post",
            "text": "hello",
            "createdAt": "0001-01-01T00:00:00Z",
        },
        "app.bsky.feed.post/3kaaaaaaaaaa3": {
            "$type": "app.bsky.feed.post",
            "text": "we are hiring nurses",
            "createdAt": "2026-03-01T10:00:00Z",
        },
    }
    path = tmp_path / "repo.car"
    path.write_bytes(small_car(did, records))
    with open_store(tmp_path / "db.sqlite") as store:
        assert import_paths(store, [path]).new_posts == 2
        report = audit_account(store, did, "bluesky")
    assert report.counts["posts"] == 2
    # stored as written, but a date no post can have takes no part in the span
    # (staffpulse.dates.plausible_post_time)
    assert report.window["first_post"] == "2026-03-01T10:00:00Z"
