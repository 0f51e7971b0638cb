"""Bluesky API pages given to classify (signals/record_bluesky.py): each post read with its
at:// uri as id and its record's text, in the page's order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contract_helpers import read_rows, run_classify
from staffpulse.signals.record_bluesky import bluesky_post


def _post(rkey: str, text: str) -> dict[str, object]:
    """A post view as the Bluesky API gives it (app.bsky.feed.defs#postView)."""
    return {
        "uri": f"at://did:plc:abc/app.bsky.feed.post/{rkey}",
        "cid": "bafyrei",
        "author": {"did": "did:plc:abc", "handle": "acme.bsky.social"},
        "record": {"$type": "app.bsky.feed.post", "text": text, "createdAt": "2024-05-01"},
        "likeCount": 0,
    }


def test_a_feed_item_a_post_view_and_a_repo_record_give_uri_and_text() -> None:
    view = _post("3k1", "We are hiring")
    record = {"uri": view["uri"], "cid": "x", "value": view["record"]}
    for shape in (view, {"post": view, "reason": {"$type": "repost"}}, record):
        assert bluesky_post(shape) == {"id": view["uri"], "text": "We are hiring"}


def test_objects_that_are_not_bluesky_posts_are_left_as_they_are() -> None:
    assert bluesky_post({"id": "1", "text": "a"}) is None
    assert bluesky_post({"uri": "https://example.com", "record": {"text": "a"}}) is None
    generator = {"uri": "at://did:plc:abc/app.bsky.feed.generator/x", "value": {"name": "n"}}
    assert bluesky_post(generator) is None  # a feed generator has no text


def test_classify_reads_a_get_author_feed_page_post_by_post_in_order(tmp_path: Path) -> None:
    feed = [{"post": _post("3k1", "We're hiring nurses in Leeds, apply now")}]
    feed.append({"post": _post("3k2", "Happy Friday team!"), "reason": {"$type": "repost"}})
    src = tmp_path / "feed.json"
    src.write_text(json.dumps({"feed": feed, "cursor": "2024"}, indent=2), encoding="utf-8")
    out = tmp_path / "scores.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    ids = [row["id"] for row in read_rows(out)]
    assert ids == [item["post"]["uri"] for item in feed]  # type: ignore[index]
    assert "at:// uri" in result.stderr
    assert "skipped 0 malformed" in result.stderr


def test_a_json_array_of_post_views_is_read_too(tmp_path: Path) -> None:
    src = tmp_path / "posts.json"
    src.write_text(json.dumps([_post("a", "hello"), _post("b", "hiring")]), encoding="utf-8")
    out = tmp_path / "scores.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [row["id"][-1] for row in read_rows(out)] == ["a", "b"]


def test_the_real_get_author_feed_sample_is_classified(shared_data: Path, tmp_path: Path) -> None:
    src = shared_data / "formats" / "bluesky_samples" / "getAuthorFeed_benoist.dev.json"
    if not src.is_file():
        pytest.skip(f"{src} is absent")
    feed = json.loads(src.read_text(encoding="utf-8"))["feed"]
    out = tmp_path / "scores.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [row["id"] for row in read_rows(out)] == [item["post"]["uri"] for item in feed]
