"""Which fields ``staffpulse roles`` reads when a file lacks the contract's names: accounts
without ids numbered by their line, the CSV columns read named in a note, Mastodon's and
Bluesky's own account fields and pages, and a text longer than any bio cut at its limit."""

from __future__ import annotations

import json
from pathlib import Path

from contract_helpers import check_role_row, error_text, run_roles, tag_file


def test_accounts_without_ids_are_numbered_by_line_with_a_note(tmp_path: Path) -> None:
    """A list of accounts with a name and a bio but no id column (a marketer's sheet) was
    refused ("the CSV header needs 'id'"): each account's id is now its line in the file."""
    src = tmp_path / "accounts.csv"
    src.write_text(
        "name,description\nBlueRiverStaffing,Staffing agency placing warehouse temps\n,,\n"
        "HRwithKim,HR Manager. Employee relations.\n",
        encoding="utf-8",
    )
    result, rows = tag_file(src)
    assert [r["id"] for r in rows] == [2, 4]  # the empty row below the table is no account
    for row in rows:
        check_role_row(row)
    said = " ".join(error_text(result).split())
    assert "no 'id' column: each record's id is the number of its line in the file" in said
    lines = tmp_path / "accounts.jsonl"
    lines.write_text(
        json.dumps({"screen_name": "acme", "description": "Staffing agency"}) + "\n",
        encoding="utf-8",
    )
    result, rows = tag_file(lines)
    assert [r["id"] for r in rows] == [1]
    assert "no 'id' field: each record's id is the number of its line" in error_text(result)


def test_the_columns_read_for_an_absent_name_or_text_are_named(tmp_path: Path) -> None:
    src = tmp_path / "accounts.csv"
    src.write_text(
        "id,Screen Name,Bio,Tweet\na1,BlueRiverStaffing,Staffing agency,Now hiring pickers\n",
        encoding="utf-8",
    )
    result, rows = tag_file(src)
    assert [r["id"] for r in rows] == ["a1"]
    said = " ".join(error_text(result).split())
    assert (
        "no 'name' or 'text' column: read the name from 'Screen Name', the text from 'Tweet'"
        in said
    )
    assert "'Bio'" not in said  # staffpulse's own bio column is read without a note


def test_a_bio_longer_than_any_is_read_up_to_its_limit_with_a_note(tmp_path: Path) -> None:
    from staffpulse.signals.record_fields import LONGEST_TEXT

    bio = ("Staffing agency placing warehouse temps in Ohio. " * (LONGEST_TEXT // 40))[
        :LONGEST_TEXT
    ]
    src = tmp_path / "accounts.jsonl"
    src.write_text(
        json.dumps({"id": 1, "name": "acme", "description": bio + " x" * 500})
        + "\n"
        + json.dumps({"id": 2, "name": "acme", "description": bio})
        + "\n",
        encoding="utf-8",
    )
    result, [long, cut] = tag_file(src)
    assert long["role_scores"] == cut["role_scores"] and long["p_org"] == cut["p_org"]
    assert f"1 record had a text over {LONGEST_TEXT:,}" in " ".join(error_text(result).split())


def test_mastodon_and_bluesky_accounts_are_read_with_their_bio(tmp_path: Path) -> None:
    """A Mastodon account's bio is its HTML "note" and Bluesky's name "displayName": the
    accounts were tagged on their username alone."""
    bio = "Staffing agency placing warehouse temps in Ohio"
    src = tmp_path / "accounts.json"
    src.write_text(
        json.dumps(
            [
                {"id": "1", "username": "blueriver", "acct": "blueriver", "note": f"<p>{bio}</p>"},
                {
                    "id": "2",
                    "content": "<p>Hi</p>",
                    "account": {
                        "acct": "blueriver",
                        "note": f"<p>{bio}</p>",
                        "username": "blueriver",
                    },
                },
                {"id": "3", "username": "blueriver", "description": bio},
                {"did": "4", "handle": "br.bsky.social", "displayName": "BlueRiver Staffing"},
            ]
        ),
        encoding="utf-8",
    )
    _, [note, nested, plain, bluesky] = tag_file(src)
    assert note["role_scores"] == plain["role_scores"] and note["role"] == "staffing_firm"
    assert nested["role"] == "staffing_firm"
    assert bluesky["id"] == "br.bsky.social" and bluesky["kind"] == "org"


def test_a_bluesky_page_of_follows_is_tagged_account_by_account(tmp_path: Path) -> None:
    """getFollows holds its accounts under "follows": it was one record without an id."""
    page = {
        "follows": [
            {
                "did": "did:plc:a",
                "handle": "blueriver.bsky.social",
                "displayName": "BlueRiver Staffing",
                "description": "Staffing agency, Ohio",
            },
            {"did": "did:plc:b", "handle": "kim.bsky.social", "displayName": "Kim"},
        ],
        "subject": {"did": "did:plc:me", "handle": "me.bsky.social"},
        "cursor": "abc",
    }
    src = tmp_path / "follows.json"
    src.write_text(json.dumps(page, indent=2), encoding="utf-8")
    _, rows = tag_file(src)
    assert [r["id"] for r in rows] == ["blueriver.bsky.social", "kim.bsky.social"]
    assert rows[0]["role"] == "staffing_firm"


def test_a_csv_without_a_header_is_read_as_id_name_description_with_a_note(
    tmp_path: Path,
) -> None:
    src = tmp_path / "accounts.csv"
    src.write_text(
        '8152,BlueRiverStaffing,"Staffing agency placing warehouse temps"\n'
        "8153,HRwithKim,HR Manager. Employee relations.,Hiring season again\n",
        encoding="utf-8",
    )
    result, rows = tag_file(src)
    assert [r["id"] for r in rows] == ["8152", "8153"]
    for row in rows:
        check_role_row(row)
    said = " ".join(error_text(result).split())
    assert "read in order as id,name,description,text" in said


def test_a_csv_without_a_header_and_two_columns_is_told_to_add_one(tmp_path: Path) -> None:
    # a name or a bio? the file does not say: refused, saying what to add
    src = tmp_path / "accounts.csv"
    src.write_text("8152,Staffing agency placing warehouse temps\n", encoding="utf-8")
    result = run_roles(str(src), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 65
    said = " ".join(error_text(result).split())  # type: ignore[attr-defined]
    assert "needs a first line naming its columns (id,name,description)" in said
