"""Each export parses in its target format."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from atproto import models
from atproto_client.exceptions import ModelError as AtprotoModelError
from atproto_client.models import string_formats
from atproto_client.models.utils import get_or_create

from staffpulse.connect.export import (
    CSV_COLUMNS,
    FORMATS,
    export_suggestions,
    mastodon_address,
    tid,
    write_export,
)
from staffpulse.connect.suggest import Suggestion
from staffpulse.errors import InputError

WHEN = datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=UTC)


def _s(rank: int, handle: str, account_id: str, url: str | None = None) -> Suggestion:
    return Suggestion(
        rank=rank,
        platform="x",
        account_id=account_id,
        handle=handle,
        display_name=f"Name, {handle}",  # a comma, to exercise quoting
        url=url,
        role="recruiter",
        score=100.0 / rank,
        pagerank=0.1,
        voice=80,
        conversation=None,
        via=("@a",),
        explanation='recruiter · 2 people you talk with replied to them · "voice" 80',
    )


SUGGESTIONS = [
    _s(1, "rita_recruits", "123"),
    _s(2, "hannah.bsky.social", "did:plc:ewvi7nxzyoun6zhxrhs64oiz"),
    _s(3, "val@hr.social", "109"),
    _s(4, "mona", "110", url="https://mastodon.social/@mona"),
]


def test_csv_round_trips() -> None:
    result = export_suggestions(SUGGESTIONS, "csv")
    rows = list(csv.DictReader(io.StringIO(result.text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["handle"] for r in rows] == [s.handle for s in SUGGESTIONS]
    assert rows[0]["display_name"] == "Name, rita_recruits"
    assert rows[0]["explanation"] == SUGGESTIONS[0].explanation
    assert rows[0]["conversation"] == "" and rows[0]["voice"] == "80"


def test_x_list_is_one_handle_a_line() -> None:
    result = export_suggestions(SUGGESTIONS[:1], "x-list")
    assert result.text == "@rita_recruits\n"
    for line in result.text.splitlines():
        assert re.fullmatch(r"@[A-Za-z0-9_]{1,15}", line)


def test_bluesky_list_records_validate_against_the_lexicon() -> None:
    owner = "did:plc:z72i7hdynmk6r22z27h6tvur"
    result = export_suggestions(SUGGESTIONS, "bluesky-list", owner=owner, now=WHEN)
    doc = json.loads(result.text)
    listed = get_or_create(
        doc["list"]["record"], models.AppBskyGraphList.Record, strict_string_format=True
    )
    assert listed is not None and listed.purpose == "app.bsky.graph.defs#curatelist"
    assert re.fullmatch(string_formats.TID_RE, doc["list"]["rkey"])
    assert doc["list"]["uri"] == f"at://{owner}/app.bsky.graph.list/{doc['list']['rkey']}"
    assert len(doc["items"]) == 1 and result.written == 1
    item = doc["items"][0]
    record = get_or_create(
        item["record"], models.AppBskyGraphListitem.Record, strict_string_format=True
    )
    assert record is not None and record.subject == "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
    assert record.list == doc["list"]["uri"]
    assert re.fullmatch(string_formats.TID_RE, item["rkey"])
    bad = dict(item["record"], subject="not-a-did")
    with pytest.raises(AtprotoModelError):
        get_or_create(bad, models.AppBskyGraphListitem.Record, strict_string_format=True)
    assert doc["handles"] == ["rita_recruits", "hannah.bsky.social", "val@hr.social", "mona"]
    assert "rita_recruits" in doc["unresolved"] and len(result.skipped) == 3


def test_tid_is_sortable_and_well_formed() -> None:
    first, later = tid(WHEN), tid(datetime(2027, 1, 1, tzinfo=UTC))
    assert len(first) == 13 and first < later
    assert re.fullmatch(string_formats.TID_RE, first)


def _mastodon_rows(text: str, headers: list[str]) -> list[dict[str, str]]:
    """Mastodon's Form::Import: read headers; unknown first header -> default headers."""
    known_first = {"Account address", "#domain", "#uri", "List name"}
    first = next(csv.reader(io.StringIO(text)))
    if first[0] in known_first:
        return list(csv.DictReader(io.StringIO(text)))
    return list(csv.DictReader(io.StringIO(text), fieldnames=headers))


def test_mastodon_list_csv_matches_mastodon_lists_format() -> None:
    result = export_suggestions(SUGGESTIONS, "mastodon-list", list_name="Recruiters")
    rows = _mastodon_rows(result.text, ["List name", "Account address"])
    assert rows == [
        {"List name": "Recruiters", "Account address": "val@hr.social"},
        {"List name": "Recruiters", "Account address": "mona@mastodon.social"},
    ]
    assert len(result.skipped) == 2


def test_mastodon_follows_csv_has_mastodons_header() -> None:
    result = export_suggestions(SUGGESTIONS, "mastodon-follows")
    rows = list(csv.DictReader(io.StringIO(result.text)))
    assert list(rows[0]) == ["Account address", "Show boosts", "Notify on new posts", "Languages"]
    assert [r["Account address"] for r in rows] == ["val@hr.social", "mona@mastodon.social"]
    assert rows[0]["Show boosts"] == "true"


def test_addresses_and_errors(tmp_path: pytest.TempPathFactory) -> None:
    assert mastodon_address("@ann@fosstodon.org", None) == "ann@fosstodon.org"
    assert mastodon_address("ann", "https://fosstodon.org/@ann") == "ann@fosstodon.org"
    assert mastodon_address("ann", None) is None
    with pytest.raises(InputError):
        export_suggestions(SUGGESTIONS, "vcard")
    assert set(FORMATS) >= {"csv", "x-list", "bluesky-list", "mastodon-list"}
    out = tmp_path / "sub" / "list.txt"  # type: ignore[operator]
    write_export(export_suggestions(SUGGESTIONS[:1], "x-list"), out)
    assert out.read_text(encoding="utf-8") == "@rita_recruits\n"


def test_an_account_known_only_by_its_id_is_skipped_with_a_reason() -> None:
    unseen = replace(_s(5, "1005985585335545856", "1005985585335545856"), handle_known=False)
    assert not unseen.handle_known and unseen.label == "account id 1005985585335545856"
    result = export_suggestions([SUGGESTIONS[0], unseen], "x-list")
    assert result.text == "@rita_recruits\n"
    assert result.skipped == [
        "account id 1005985585335545856: no handle stored, only the account id "
        "(fetch the account, then export again)"
    ]
    assert export_suggestions([unseen], "mastodon-list").skipped[0].startswith("account id")
