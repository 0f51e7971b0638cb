"""The project's own JSONL/CSV adapter: a pure transformer plus a forgiving reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.models import Account, Follow, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Problem, parse_timestamp
from staffpulse.sources.native import NativeCsv, NativeJsonl, rows_from_native
from staffpulse.store import Record


def test_post_kind_is_inferred_and_entities_extracted_from_text() -> None:
    record = {
        "type": "post",
        "platform": "x",
        "id": "5",
        "author": "@Acme",
        "text": "Thanks @Jane_Doe! #Hiring https://acme.example/j/1",
        "reply_to_id": "4",
        "reply_to_author": "Jane_Doe",
        "created_at": "2026-03-01T10:00:00",
    }
    post = rows_from_native(record)
    assert isinstance(post, Post)
    assert post.kind == "reply"
    assert (post.author_id, post.author_handle) == ("acme", "Acme")
    assert post.mentions == ("jane_doe",)
    assert post.hashtags == ("Hiring",)
    assert post.urls == ("https://acme.example/j/1",)
    assert post.reply_to_handle == "jane_doe"
    assert post.created_at is not None and post.created_at.tzinfo is not None


def test_transformer_does_not_mutate_its_input() -> None:
    record = {"type": "account", "platform": "x", "handle": "Acme", "followers": "12"}
    before = dict(record)
    account = rows_from_native(record)
    assert record == before
    assert isinstance(account, Account) and account.id == "acme" and account.followers == 12


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"type": "post", "id": "1", "text": "x"}, "missing the required field 'author'"),
        ({"type": "post", "author": "a", "text": "x"}, "missing the required field 'id'"),
        (
            {"type": "post", "id": "1", "author": "a", "text": "x", "kind": "tweet"},
            "unknown post kind",
        ),
        ({"type": "video"}, "unknown record type"),
        ({"type": "account", "handle": "a", "followers": "many"}, "whole number"),
        (
            {"type": "post", "id": "1", "author": "a", "text": "x", "created_at": "yesterday"},
            "unreadable timestamp",
        ),
    ],
)
def test_invalid_records_raise_value_error_with_reason(
    record: dict[str, str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        rows_from_native(record)


def test_jsonl_reader_reports_bad_lines_and_keeps_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"type": "follow", "platform": "x", "follower": "a", "followee": "b"}\n'
        "{broken\n"
        "\n"
        '{"type": "post", "platform": "x", "id": "1", "author": "a", "text": "hi"}\n',
        encoding="utf-8",
    )
    assert isinstance(detect(path), NativeJsonl)
    items = list(NativeJsonl().read(path))
    problems = [i for i in items if isinstance(i, Problem)]
    records = [i for i in items if isinstance(i, Record)]
    assert [(p.line, p.file) for p in problems] == [(2, str(path))]
    assert isinstance(records[0].rows[0], Follow)
    assert records[1].provenance.line == 4


def test_csv_posts_without_platform_get_platform_csv(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,author,created_at,text\n"
        '1,acme,2026-03-01T14:05:00Z,"We\'re hiring, apply now"\n'
        "2,,2026-03-01T14:05:00Z,no author\n",
        encoding="utf-8",
    )
    assert isinstance(detect(path), NativeCsv)
    items = list(NativeCsv().read(path))
    assert isinstance(items[0], Record)
    post = items[0].rows[0]
    assert (
        isinstance(post, Post) and post.platform == "csv" and post.text == "We're hiring, apply now"
    )
    assert isinstance(items[1], Problem) and items[1].line == 3


def test_csv_accounts_file_is_detected_by_header(tmp_path: Path) -> None:
    path = tmp_path / "accounts.csv"
    path.write_text("platform,handle,bio\nx,acme,We staff\n", encoding="utf-8")
    items = list(detect(path).read(path))
    assert isinstance(items[0], Record) and isinstance(items[0].rows[0], Account)


def test_timestamps_in_x_legacy_format_and_epoch() -> None:
    assert parse_timestamp("Wed Oct 10 20:19:24 +0000 2018").year == 2018  # type: ignore[union-attr]
    assert parse_timestamp(0).year == 1970  # type: ignore[union-attr]
    assert parse_timestamp("") is None
