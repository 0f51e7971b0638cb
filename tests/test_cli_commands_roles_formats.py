"""The inputs ``staffpulse roles`` reads: CSV with a BOM, a stray quote or semicolons,
``staffpulse accounts --json`` and its columns, other tools' field names (a record with none of
them reported, not tagged), repeated headers, and a null among the posts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contract_helpers import check_role_row, error_text, runner, tag_file
from staffpulse.cli.app import app


def test_csv_with_bom_and_optional_text(tmp_path: Path) -> None:
    src = tmp_path / "accounts.csv"
    src.write_text(
        "\ufeffid,name,description,text\n"
        "a1,BlueRiverStaffing,Staffing agency placing warehouse temps in Ohio,Now hiring pickers!\n"
        ",nobody,missing id,\n"
        '0042,HRwithKim,"HR Manager. Employee relations, benefits, policies.",\n',
        encoding="utf-8",
    )
    result, rows = tag_file(src)
    assert [r["id"] for r in rows] == ["a1", "0042"]  # CSV ids stay strings, leading zeros kept
    for row in rows:
        check_role_row(row)
    assert rows[0]["role"] == "staffing_firm"
    assert f"{src}:3" in error_text(result)


def test_a_crowdflower_export_is_tagged_by_its_unit_id(tmp_path: Path) -> None:
    # CrowdFlower (Figure Eight, Appen) names each row by _unit_id and has no id column
    src = tmp_path / "users.csv"
    src.write_text(
        "_unit_id,_golden,gender,description,name,text\n"
        "815000001,FALSE,brand,Staffing agency placing warehouse temps in Ohio,BlueRiver,Hiring!\n"
        "815000002,FALSE,female,Mom of two and a runner,jane_runs,Long run today\n",
        encoding="utf-8",
    )
    _, rows = tag_file(src)
    assert [r["id"] for r in rows] == ["815000001", "815000002"]
    assert [r["kind"] for r in rows] == ["org", "person"]


def test_csv_stray_quote_loses_only_its_row_and_semicolons_are_read(tmp_path: Path) -> None:
    # A .txt export from Excel with ';' and a bio whose quote is never closed (line 3).
    src = tmp_path / "accounts.txt"
    src.write_text(
        "id;name;description\n"
        "1;tmj_chi_jobs;Follow us for Chicago jobs\n"
        '2;jane;"Mom of two, runner\n'
        "3;jdoe_talent;Senior Technical Recruiter at Acme\n"
        "4;HRwithKim;HR Manager\n",
        encoding="utf-8",
    )
    result, rows = tag_file(src)
    assert [r["id"] for r in rows] == ["1", "3", "4"]  # rows after the quote still read
    err = error_text(result).replace("\n", " ")
    assert f"{src}:3: unclosed quote starting at line 3" in err
    assert "skipped 1 malformed record" in err


def test_the_accounts_json_of_staffpulse_is_tagged_as_it_is(tmp_path: Path) -> None:
    """``staffpulse accounts --json > a.json; staffpulse roles a.json``: a JSON array whose
    objects have id, handle, display_name and bio (QA16 #10)."""
    data = tmp_path / "firms.jsonl"
    rows = [
        {"type": "account", "platform": "x", "handle": "bluerivertemps",
         "display_name": "Blue River Staffing", "bio": "Staffing agency placing warehouse temps"},
        {"type": "account", "platform": "x", "handle": "jane_runs",
         "display_name": "", "bio": "Mom of two, runner"},
    ]  # fmt: skip
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["import", str(data), "--db", db]).exit_code == 0
    listed = runner.invoke(app, ["accounts", "--json", "--db", db])
    assert listed.exit_code == 0
    src = tmp_path / "accounts.json"
    src.write_text(listed.stdout, encoding="utf-8")
    result, rows = tag_file(src)
    tags = {row["id"]: row for row in rows}
    assert set(tags) == {"bluerivertemps", "jane_runs"}
    for row in tags.values():
        check_role_row(row)
    assert tags["bluerivertemps"]["role"] == "staffing_firm"
    assert tags["jane_runs"]["kind"] == "person"
    assert "Tagged 2 account records" in error_text(result)


def test_staffpulse_account_columns_stand_in_for_the_contract_ones(tmp_path: Path) -> None:
    src = tmp_path / "accounts.csv"
    src.write_text(
        "type,platform,handle,display_name,bio,id,author,text\n"
        "account,x,bluerivertemps,Blue River Staffing,Staffing agency placing warehouse temps,,,\n"
        "post,x,,,,p1,bluerivertemps,Now hiring pickers\n"
        "account,x,jane_runs,,Mom of two and runner,,,\n"
        "follow,x,,,,,,\n",
        encoding="utf-8",
    )
    result, tags = tag_file(src)
    assert [row["id"] for row in tags] == ["bluerivertemps", "jane_runs"]  # the handles
    assert tags[0]["role"] == "staffing_firm" and tags[1]["kind"] == "person"
    err = error_text(result).replace("\n", " ")
    assert "Tagged 2 account records" in err and "skipped 0 malformed records" in err
    assert f"{src}: left out 1 follow and 1 post (not account records)" in err


def test_the_contract_columns_win_over_staffpulse_ones(tmp_path: Path) -> None:
    src = tmp_path / "accounts.jsonl"
    src.write_text(
        json.dumps({"id": 7, "handle": "h", "name": "tmj_chi_jobs", "display_name": "Jane",
                    "description": "Follow us for Chicago jobs", "bio": "Mom of two"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    _, [row] = tag_file(src)
    assert row["id"] == 7 and row["role"] == "job_board"


FIRM = {"name": "AcmeStaffing", "description": "Staffing agency placing IT contractors"}


@pytest.mark.parametrize(
    "record",
    [
        {"id": 1, "screen_name": FIRM["name"], "user_description": FIRM["description"]},
        {"ID": 1, "Name": FIRM["name"], "Description": FIRM["description"]},
        {"id": 1, "username": FIRM["name"], "bio": FIRM["description"]},
        {"id": 1, "full_text": "hi", "user": {"screen_name": FIRM["name"], **FIRM}},
        {"id": 1, "author": {"username": FIRM["name"], "description": FIRM["description"]}},
    ],
)
def test_other_tools_field_names_are_read_as_the_contract_ones(
    tmp_path: Path, record: dict[str, object]
) -> None:
    """QA F2/F4: X API v1.1/twarc names and a nested user object are the same account as
    the contract's id, name and description, not an empty account."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, **FIRM}) + "\n" + json.dumps(record) + "\n")
    _, [contract, other] = tag_file(src)
    assert other["id"] == 1 and other["role"] == contract["role"] == "staffing_firm"
    assert other["kind"] == "org"


def test_a_record_with_no_name_description_or_text_is_reported_not_tagged(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": 5, **FIRM})
        + "\n"
        + json.dumps({"id": 6})
        + "\n"
        + json.dumps({"id": 7, "nick": "bob", "about": "dad"})
        + "\n"
        + json.dumps({"id": 8, "name": "", "description": None})  # empty, but said so
        + "\n",
        encoding="utf-8",
    )
    result, rows = tag_file(src)
    assert [row["id"] for row in rows] == [5, 8]
    err = error_text(result).replace("\n", " ")
    assert f"{src}:2: no name, description or text to tag (found: id)" in err
    assert f"{src}:3: no name, description or text to tag (found: id, nick, about)" in err
    assert "skipped 2 malformed records" in err


def test_csv_headers_take_the_same_other_names_and_a_repeated_header_is_skipped(
    tmp_path: Path,
) -> None:
    src = tmp_path / "accounts.csv"
    src.write_text(
        "ID,Screen Name,User Description\n"
        f"1,{FIRM['name']},{FIRM['description']}\n"
        "ID,Screen Name,User Description\n"
        "2,bob,dad and golfer\n",
        encoding="utf-8",
    )
    result, rows = tag_file(src)
    assert [row["id"] for row in rows] == ["1", "2"]
    assert rows[0]["role"] == "staffing_firm"
    assert f"{src}:3: the header again" in error_text(result)


def test_a_null_among_the_posts_is_dropped_not_the_account(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, **FIRM, "text": ["We're hiring", None]}) + "\n")
    _, rows = tag_file(src)
    assert [row["id"] for row in rows] == [1]


def test_a_report_title_above_the_header_is_passed_over_with_the_imports_note(
    tmp_path: Path,
) -> None:
    """An accounts export with a title line above its header was refused ('the CSV header
    needs id, name and description (found: audience report)'); it is read from its header."""
    src = tmp_path / "audience.txt"  # no .csv name: the header below the title makes it CSV
    src.write_text(
        "Audience report\nid,name,description\n"
        "a1,BlueRiverStaffing,Staffing agency placing warehouse temps in Ohio\n",
        encoding="utf-8",
    )
    result, rows = tag_file(src)
    assert [r["id"] for r in rows] == ["a1"]
    stderr = " ".join(result.stderr.split())
    assert "the line above the header on line 2 (a report's title" in stderr


def test_a_csv_whose_first_row_is_the_header_is_read_from_it(tmp_path: Path) -> None:
    """A row that looks like a title under a clean header is an account, not a preamble."""
    src = tmp_path / "accounts.csv"
    src.write_text(
        "id,name,description\n1,Audience report,Monthly numbers\n2,acme,We place nurses\n",
        encoding="utf-8",
    )
    result, rows = tag_file(src)
    assert [r["id"] for r in rows] == ["1", "2"]
    assert "above the header" not in result.stderr


def test_a_nan_field_as_json_dumps_writes_a_blank_cell_is_read_as_a_null_one(
    tmp_path: Path,
) -> None:
    """Python's json.dumps writes a pandas table's blank name, bio or posts as NaN; they were
    read as the word "nan" (a staffing agency's bio under a NaN name came out a person)."""
    bio = "Staffing agency placing warehouse temps in Ohio"
    src = tmp_path / "accounts.jsonl"
    src.write_text(
        f'{{"id": 1, "name": NaN, "description": "{bio}", "text": NaN}}\n'
        f'{{"id": 2, "name": null, "description": "{bio}", "text": null}}\n'
        '{"id": 3, "name": NaN, "screen_name": "BlueRiverStaffing", "description": NaN}\n'
        '{"id": 4, "name": "BlueRiverStaffing", "description": null}\n',
        encoding="utf-8",
    )
    _, tags = tag_file(src)
    rows = [{k: v for k, v in row.items() if k != "id"} for row in tags]
    assert rows[0] == rows[1]
    assert rows[2] == rows[3]  # a NaN name gives way to the next name, as null does


def test_an_account_known_by_a_number_is_named_by_its_handle_too(tmp_path: Path) -> None:
    """``staffpulse accounts --json`` gives an X account's number as its id: the line of
    output keeps that id and adds the handle, so a marketer can tell whose it is; a handle
    that is the id itself is not said twice (the contract's keys stay as they were)."""
    src = tmp_path / "accounts.json"
    accounts = [
        {"platform": "x", "id": "90017731", "handle": "bluerivertemps",
         "display_name": "Blue River Staffing", "bio": "Staffing agency placing warehouse temps"},
        {"platform": "x", "id": "jane_runs", "handle": "jane_runs",
         "display_name": "", "bio": "Mom of two, runner"},
    ]  # fmt: skip
    src.write_text(json.dumps(accounts), encoding="utf-8")
    _, rows = tag_file(src)
    assert rows[0]["id"] == "90017731" and rows[0]["handle"] == "bluerivertemps"
    assert list(rows[0])[:2] == ["id", "handle"]
    check_role_row(rows[1])  # no "handle": it is the id
    csv_src = tmp_path / "accounts.csv"
    csv_src.write_text(
        "platform,id,handle,display_name,bio\n"
        "x,90017731,bluerivertemps,Blue River Staffing,Staffing agency placing warehouse temps\n",
        encoding="utf-8",
    )
    _, csv_rows = tag_file(csv_src)
    assert csv_rows[0]["handle"] == "bluerivertemps" and csv_rows[0]["id"] == "90017731"
