"""The Bluesky exports (staffpulse.connect.export_bluesky): a list's records validate against
the lexicon, record keys are well-formed TIDs, a list name is cut to Bluesky's limit, and the
spreadsheet of profiles to follow by hand."""

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

from connect_fixtures import SUGGESTIONS, WHEN, make_suggestion
from staffpulse.connect.explanation import Explanation, HiringTalk
from staffpulse.connect.export import (
    export_suggestions,
    tid,
)
from staffpulse.connect.export_bluesky import (
    LIST_IS_FOR_SCRIPTS,
    NOT_A_BLUESKY_HANDLE,
    OWNER_PLACEHOLDER,
)

OWNER = "did:plc:tsyunn4liz3pphe4r2hsmlzv"


def test_bluesky_list_records_validate_against_the_lexicon() -> None:
    owner = OWNER
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
    # only Bluesky handles: an X or Mastodon handle means nothing on Bluesky
    assert doc["handles"] == ["hannah.bsky.social", "ben.example.com"]
    assert doc["unresolved"] == ["ben.example.com"]
    assert result.skipped == [
        "@rita_recruits: an X account, not a Bluesky one",
        "@val@hr.social: a Mastodon account, not a Bluesky one",
        "@mona: a Mastodon account, not a Bluesky one",
        "@ben.example.com: no DID known (fetch the account, then export again)",
    ]


def test_tid_is_sortable_and_well_formed() -> None:
    first, later = tid(WHEN), tid(datetime(2027, 1, 1, tzinfo=UTC))
    assert len(first) == 13 and first < later
    assert re.fullmatch(string_formats.TID_RE, first)


def test_a_bluesky_list_name_cut_to_the_lexicon_limit_is_noted() -> None:
    long_name = "Staffing & recruiting voices worth following for our Q3 campaign across the US"
    result = export_suggestions(
        SUGGESTIONS, "bluesky-list", list_name=long_name, owner=OWNER, now=WHEN
    )
    name = json.loads(result.text)["list"]["record"]["name"]
    assert name == long_name[:64] and len(name) < len(long_name)
    assert result.notes == [
        f"list name cut to 64 characters, Bluesky's limit: '{name}'",
        LIST_IS_FOR_SCRIPTS,
    ]
    assert result.summary()["notes"] == result.notes  # --json says it too
    short = export_suggestions(
        SUGGESTIONS, "bluesky-list", list_name="HR voices", owner=OWNER, now=WHEN
    )
    assert short.notes == [LIST_IS_FOR_SCRIPTS]
    assert json.loads(short.text)["list"]["record"]["name"] == "HR voices"


def test_a_list_whose_owner_has_no_stored_did_says_what_to_replace() -> None:
    """The records name the list by its owner's DID: a placeholder there is told, not left
    for a script to write to no one's repository."""
    result = export_suggestions(SUGGESTIONS, "bluesky-list", now=WHEN)
    assert json.loads(result.text)["list"]["uri"].startswith(f"at://{OWNER_PLACEHOLDER}/")
    assert result.notes[0] == (
        "your account's DID is not stored: replace did:plc:REPLACE-WITH-YOUR-DID in the file "
        "with your DID before writing the records"
    )


def test_bluesky_handles_is_a_spreadsheet_of_profiles_to_follow_by_hand() -> None:
    by_did_only = replace(
        make_suggestion(6, "did:plc:abc123", "did:plc:abc123", platform="bluesky"),
        handle_known=False,
    )
    nameless = replace(make_suggestion(7, "x9", "x9", platform="bluesky"), handle_known=False)
    sneaky = replace(
        make_suggestion(8, "eve.bsky.social", "did:plc:eve", platform="bluesky"),
        display_name="=HYPERLINK(1)",
    )
    result = export_suggestions([*SUGGESTIONS, by_did_only, nameless, sneaky], "bluesky-handles")
    assert result.encoding == "utf-8-sig" and result.data().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(result.text)))
    assert tuple(rows[0]) == ("handle", "display_name", "profile_link", "role", "why")
    assert [r["profile_link"] for r in rows] == [
        "https://bsky.app/profile/hannah.bsky.social",
        "https://bsky.app/profile/ben.example.com",  # a handle is enough: no DID needed
        "https://bsky.app/profile/did:plc:abc123",  # only the DID known: bsky.app opens it
        "https://bsky.app/profile/eve.bsky.social",
    ]
    assert rows[0]["handle"] == "hannah.bsky.social" and rows[2]["handle"] == ""
    assert rows[0]["display_name"] == "Name, hannah.bsky.social"
    # the role has its own column: "why" does not start by saying it again
    assert SUGGESTIONS[1].explanation.startswith("recruiter · ")
    assert rows[0]["role"] == "recruiter" and rows[0]["why"] == SUGGESTIONS[
        1
    ].explanation.removeprefix("recruiter · ")
    assert rows[3]["display_name"] == "'=HYPERLINK(1)"  # a spreadsheet would run it
    # nothing to read: the role column says so, as the line does, and "why" goes on from there
    unread = replace(
        SUGGESTIONS[1],
        role=None,
        reasons=Explanation(None, ("you replied to them 2×",), role_unknown=True),
    )
    (row,) = csv.DictReader(io.StringIO(export_suggestions([unread], "bluesky-handles").text))
    assert (row["role"], row["why"]) == ("role unknown", "you replied to them 2×")
    assert result.written == 4 and result.notes == []
    assert result.skip_reasons() == {
        "an X account, not a Bluesky one": 1,
        "a Mastodon account, not a Bluesky one": 2,
        "no handle stored, only the account id (fetch the account, then export again)": 1,
    }


def test_a_profile_link_is_the_same_in_the_handles_sheet_and_the_csv_and_opens_on_bsky_app() -> (
    None
):
    # the handles sheet once built its own link: "Rosa.BSKY.social" as written, and a bare
    # "rosa" (from a handles file) as bsky.app/profile/rosa, a page that finds no one
    suggestions = [
        make_suggestion(1, "Rosa.BSKY.social", "did:plc:rosa", platform="bluesky"),
        make_suggestion(2, "ben", "did:plc:ben", platform="bluesky"),
        make_suggestion(3, "eve", "eve", platform="bluesky"),
    ]
    sheet = export_suggestions(suggestions, "bluesky-handles")
    rows = list(csv.DictReader(io.StringIO(sheet.data().decode("utf-8-sig"), newline="")))
    links = [r["profile_link"] for r in rows]
    assert links == [
        "https://bsky.app/profile/rosa.bsky.social",  # Bluesky handles are lower case
        "https://bsky.app/profile/did:plc:ben",  # no handle to open: the DID opens it
    ]
    assert [r["handle"] for r in rows] == ["Rosa.BSKY.social", "ben"]  # as the store has it
    assert sheet.skipped == ["@eve: " + NOT_A_BLUESKY_HANDLE]
    full = export_suggestions(suggestions, "csv")
    urls = [r["url"] for r in csv.DictReader(io.StringIO(full.data().decode("utf-8-sig")))]
    assert urls == [*links, ""]


def test_bluesky_handles_says_a_hiring_manager_talks_hiring_once() -> None:
    manager = replace(
        make_suggestion(1, "dana.bsky.social", "did:plc:dana", platform="bluesky"),
        role="other",
        talks_hiring=True,
        reasons=Explanation(HiringTalk(2, 3), ("replied to you 1×",)),
    )
    (row,) = csv.DictReader(io.StringIO(export_suggestions([manager], "bluesky-handles").text))
    assert (row["role"], row["why"]) == (
        "talks hiring",
        "outside the trade (2 of 3 posts about hiring) · replied to you 1×",
    )
