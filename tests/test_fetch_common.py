"""What every fetcher shares: the [fetch] settings (typed and checked) and count limits."""

from __future__ import annotations

import json
import re
import time
from functools import partial
from pathlib import Path

import pytest

from staffpulse.config import load_config
from staffpulse.errors import ConfigError, InputError, RateLimitError
from staffpulse.fetch.common import (
    RATE_LIMIT_WAITS,
    SKIPPED_SHOWN,
    Backoff,
    FetchReport,
    FetchSettings,
    PageWriter,
    check_count,
    recorded_run,
)
from staffpulse.models import Post
from staffpulse.next_steps import shown_config_path
from staffpulse.sources.base import provenance
from staffpulse.sources.bluesky import rows_from_bluesky
from staffpulse.store import Store, open_store


def test_settings_defaults_and_fallback_to_x_wait() -> None:
    settings = FetchSettings.from_config({})
    assert (settings.timeout, settings.avatar_max, settings.max_wait) == (20.0, 2_000_000, 900.0)
    assert FetchSettings.from_config({"x": {"max_wait_seconds": 5}}).max_wait == 5.0
    both = {"x": {"max_wait_seconds": 5}, "fetch": {"max_wait_seconds": 7}}
    assert FetchSettings.from_config(both).max_wait == 7.0
    assert FetchSettings.from_config({"fetch": {"avatar_max_bytes": 2e6}}).avatar_max == 2_000_000


@pytest.mark.parametrize(
    ("toml", "expected"),
    [('timeout_seconds = "twenty"', '[fetch] timeout_seconds = "twenty" is text; expected a number'),
     ("timeout_seconds = 0", "[fetch] timeout_seconds = 0 must be more than 0"),
     ("avatar_max_bytes = 1.5", "[fetch] avatar_max_bytes = 1.5 is a number; expected a whole number"),
     ("avatar_max_bytes = true", "[fetch] avatar_max_bytes = true is true/false; expected a whole"),
     ("max_wait_seconds = [1]", "[fetch] max_wait_seconds = [1] is a list; expected a number")],
)  # fmt: skip
def test_wrong_settings_name_the_file_and_key(tmp_path: Path, toml: str, expected: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[fetch]\n{toml}\n")
    with pytest.raises(ConfigError, match=re.escape(expected)) as caught:
        FetchSettings.from_config(load_config(path))
    assert caught.value.message.startswith(f"{path}: ") and caught.value.exit_code == 78
    assert str(path) in (caught.value.hint or "")


def test_counts() -> None:
    check_count("max_posts", 1, 1)
    check_count("max_follows", 0, 0)
    with pytest.raises(InputError, match="--max-posts -3: must be 1 or more"):
        check_count("max_posts", -3, 1)
    with pytest.raises(InputError) as caught:
        check_count("max_follows", -1, 0)
    assert "--max-follows 0: none" in (caught.value.hint or "")


def _fetch_run(store: Store) -> tuple[str, dict[str, object], dict[str, object]]:
    status, params, counts = store.conn.execute(
        "SELECT status, params, counts FROM runs WHERE kind = 'fetch'"
    ).fetchone()
    return status, json.loads(params), json.loads(counts)


@pytest.mark.parametrize(
    ("stopped", "status"), [(None, "ok"), ("rate_limit", "partial"), ("budget", "partial")]
)
def test_a_fetch_run_is_ok_unless_it_stopped_before_the_end(
    stopped: str | None, status: str
) -> None:
    store = open_store(":memory:")
    report = FetchReport(platform="bluesky", target="acme.bsky.social")
    with recorded_run(store, report, {"account": "acme.bsky.social"}):
        report.posts, report.stopped = 4, stopped
    assert report.run_id is not None
    recorded, params, counts = _fetch_run(store)
    assert recorded == status and params == {"platform": "bluesky", "account": "acme.bsky.social"}
    assert counts == json.loads(json.dumps(report.as_dict()))


@pytest.mark.parametrize(("posts", "status"), [(0, "error"), (3, "partial")])
def test_a_failed_fetch_is_a_stop_and_partial_when_it_kept_posts(posts: int, status: str) -> None:
    store = open_store(":memory:")
    report = FetchReport(platform="x", target="acme")
    with pytest.raises(RateLimitError), recorded_run(store, report, {}):
        report.posts = posts
        raise RateLimitError("rate limited")
    assert report.stopped == "error" and _fetch_run(store)[0] == status


def _raw_payloads(store: Store) -> list[tuple[str, str]]:
    rows = store.conn.execute("SELECT location, payload FROM raw_payloads").fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


def test_a_page_with_no_usable_row_is_stored_raw_and_its_items_counted(store: Store) -> None:
    report = FetchReport(platform="bluesky", target="acme.bsky.social")
    page = {"feed": [{"post": {"uri": "at://did:plc:a/app.bsky.feed.post/1"}}]}  # no author
    rows = PageWriter(store, "bluesky-api", report).write_page(
        page, "bluesky:getAuthorFeed/did:plc:a", partial(rows_from_bluesky, page)
    )
    assert rows == [] and report.skipped == 1 and report.pages == 1
    assert report.skipped_messages[0].startswith("feed[0]")
    assert report.skipped_messages[0].endswith("(in bluesky:getAuthorFeed/did:plc:a)")
    ((location, payload),) = _raw_payloads(store)
    assert location == "bluesky:getAuthorFeed/did:plc:a" and json.loads(payload) == page


def test_a_page_the_transformer_cannot_read_at_all_is_kept_and_counted(store: Store) -> None:
    report = FetchReport(platform="bluesky", target="acme.bsky.social")
    page = {"something": "else"}
    PageWriter(store, "bluesky-api", report).write_page(
        page, "bluesky:follows/did:plc:a", partial(rows_from_bluesky, page)
    )
    assert report.skipped == 1 and "the whole page" in report.skipped_messages[0]
    assert [json.loads(payload) for _, payload in _raw_payloads(store)] == [page]


def test_a_fetched_post_the_store_keeps_out_is_counted_as_skipped(store: Store) -> None:
    """A fetched post whose id is already another account's post (an earlier CSV import
    numbered its own posts so) is left out of the write: the fetch says so, as an import
    does, rather than report the page as written whole."""
    taken = Post(platform="x", id="100", author_id="csv-firm", author_handle="csvfirm")
    store.upsert([taken], provenance("staffpulse-csv", "posts.csv"))
    report = FetchReport(platform="x", target="acme")
    fetched = Post(platform="x", id="100", author_id="9001", author_handle="acme", text="hi")
    PageWriter(store, "x-api", report).write([fetched], "x:users/9001/tweets", {"data": []})
    assert (report.posts, report.skipped) == (0, 1)
    assert report.skipped_messages == [
        "post id 100 is already used by a post of @csvfirm, and this post is by @acme. Give "
        "every post its own id (for example acme-100) and import the file again "
        "(in x:users/9001/tweets)"
    ]


def test_the_skipped_summary_names_the_first_few_and_counts_the_rest() -> None:
    report = FetchReport(platform="x", target="acme")
    assert report.skipped_summary() is None
    report.note_skipped([f"data[{n}]: unreadable" for n in range(SKIPPED_SHOWN + 2)])
    summary = report.skipped_summary() or ""
    assert summary.startswith(f"{SKIPPED_SHOWN + 2} items skipped: data[0]: unreadable; ")
    assert summary.endswith("(and 2 more)") and "data[5]" not in summary
    assert report.as_dict()["skipped"] == SKIPPED_SHOWN + 2


def _backoff(sleeps: list[float], said: list[str]) -> Backoff:
    return Backoff(retries=2, sleep=sleeps.append, notify=said.append)


def test_a_rate_limit_reset_already_past_waits_rather_than_asking_again_at_once() -> None:
    # this computer's clock 20 minutes ahead of the platform's: its reset time is "past", and
    # asking at once was refused again, thousands of times a second
    sleeps: list[float] = []
    report = FetchReport(platform="x", target="acme")
    _backoff(sleeps, []).wait_for_reset(
        time.time() - 1200, max_wait=900, report=report, what="@acme", default_wait=60
    )
    assert sleeps == [60] and report.waits == [60]


def test_a_request_still_rate_limited_after_three_resets_stops_the_fetch() -> None:
    sleeps: list[float] = []
    said: list[str] = []
    report = FetchReport(platform="x", target="acme", posts=40)
    backoff = _backoff(sleeps, said)
    for _ in range(RATE_LIMIT_WAITS):
        backoff.wait_for_reset(time.time() + 5, max_wait=900, report=report, what="@acme feed")
    with pytest.raises(RateLimitError) as caught:
        backoff.wait_for_reset(time.time() + 5, max_wait=900, report=report, what="@acme feed")
    assert len(sleeps) == RATE_LIMIT_WAITS == len(said) and report.stopped == "rate_limit"
    assert (
        caught.value.message
        == "@acme feed: still rate limited after waiting 3 times for the limit to reset"
    )
    assert "clock" in str(caught.value.hint) and "40 posts fetched so far" in str(caught.value.hint)


def test_a_rate_limit_longer_than_allowed_stops_without_waiting() -> None:
    sleeps: list[float] = []
    report = FetchReport(platform="bluesky", target="acme.bsky.social")
    with pytest.raises(
        RateLimitError, match="rate limited for 3600s, more than the 900s"
    ) as caught:
        _backoff(sleeps, []).wait_for_reset(
            time.time() + 3600, max_wait=900, report=report, what="@acme.bsky.social"
        )
    assert sleeps == [] and report.stopped == "rate_limit"
    # the setting every platform reads ([x] max_wait_seconds is only its fallback: raising
    # it did nothing once [fetch] had one)
    # and where that file is ("config.toml" alone left a marketer asking)
    raise_it = f"(or raise [fetch] max_wait_seconds in {shown_config_path()})"
    assert str(caught.value.hint).endswith(raise_it)
