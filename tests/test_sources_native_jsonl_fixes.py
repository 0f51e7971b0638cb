"""Why JSON records of no known format are refused (staffpulse.sources.native_jsonl_fixes):
the import names the first record's keys, what a staffpulse JSONL post needs and what to
rename, and sends posts of no account to ``staffpulse classify``."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.sources.native_jsonl_fixes import why_not_native_jsonl
from staffpulse.store import open_store


def _why(tmp_path: Path, name: str, text: str) -> str | None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return why_not_native_jsonl(path, path.read_bytes())


def test_a_labelled_set_of_posts_is_sent_to_classify(tmp_path: Path) -> None:
    # the file an analyst has: id, text and labels, no author (the QA of 27 Nov 2026 was told
    # only "not a format staffpulse can import")
    path = tmp_path / "labelled.jsonl"
    path.write_text('{"id": "cf:1", "text": "We are hiring!", "job_opening": 1}\n', "utf-8")
    with open_store(":memory:") as store, pytest.raises(UnknownFormatError) as caught:
        import_paths(store, [path])
    message = caught.value.message
    assert "its first record has the keys id, text, job_opening" in message
    assert 'add "author" to each record' in message
    assert message.endswith(f"staffpulse classify {path} --output scores.jsonl")  # as given


def test_posts_with_their_author_are_told_what_to_add_and_rename(tmp_path: Path) -> None:
    typed = _why(tmp_path, "a.jsonl", '{"type": "tweet", "id": 1, "author": "acme", "text": "hi"}')
    assert typed is not None and 'add "type": "post" (not "tweet") to each record' in typed
    assert "classify" not in typed  # they are an account's posts: import is the way
    # needed by no record, as a CSV's rows need no such column
    assert 'and may have "type" and "platform" (x, bluesky or mastodon)' in typed
    other = _why(
        tmp_path, "b.json", '[{"id": 1, "user": "acme", "content": "hi", "platform": "x"}]'
    )
    assert other is not None
    assert 'add "author" (rename "user") and "text" (rename "content")' in other
    nested = _why(tmp_path, "c.jsonl", '{"id": 1, "author": "acme", "text": "hi", "meta": {}}')
    assert nested is not None
    assert '"meta" holds more than text or a list of text: leave it out of each record' in nested


def test_json_that_holds_no_posts_is_left_to_the_other_explanations(tmp_path: Path) -> None:
    assert _why(tmp_path, "config.json", '{"name": "acme", "size": 3}') is None
    assert _why(tmp_path, "notes.txt", '{"id": 1, "text": "hi"}\n') is None  # not a JSON name
    assert _why(tmp_path, "empty.jsonl", "") is None
    assert _why(tmp_path, "x.jsonl", '{"type": "post", "id": 1, "text": "hi"}\n') is None


def test_accounts_with_their_bio_are_sent_to_roles(tmp_path: Path) -> None:
    # the labelled accounts file (id, name, description, text): an account's, not posts
    why = _why(
        tmp_path,
        "accounts.jsonl",
        '{"id": "7", "name": "acme", "description": "We place nurses.", "text": "hi"}\n',
    )
    assert why is not None and "an account with its bio" in why
    assert 'a staffpulse JSONL account has "handle", and may have "type" and "platform"' in why
    assert why.endswith(f"staffpulse roles {tmp_path / 'accounts.jsonl'} --output roles.jsonl")
    assert "classify" not in why
