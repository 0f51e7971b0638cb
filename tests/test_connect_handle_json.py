"""Handles sent in as JSON (staffpulse.connect.handle_json, read by read_handles): an array of
accounts or handles, an API answer holding one, JSON lines; each bad record named by its line."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.connect.handle_files import read_handles


def test_an_array_of_accounts_as_staffpulse_accounts_json_prints_it(tmp_path: Path) -> None:
    """It was read as one line of text: "'[{"platform": "x' is not a handle"."""
    accounts = tmp_path / "accounts.json"
    accounts.write_text(
        json.dumps(
            [
                {"platform": "x", "id": "1", "handle": "rita_recruits"},
                {"platform": "bluesky", "id": "did:plc:a", "handle": "ann.bsky.social"},
                {"platform": "mastodon", "handle": "jo@hr.social"},
            ]
        ),
        encoding="utf-8",
    )
    read = read_handles(accounts)
    assert [(e.platform, e.handle) for e in read.entries] == [
        ("x", "rita_recruits"),
        ("bluesky", "ann.bsky.social"),
        ("mastodon", "jo@hr.social"),
    ]
    assert read.problems == []


def test_each_record_keeps_its_line_and_a_bad_one_costs_only_itself(tmp_path: Path) -> None:
    sent = tmp_path / "sent.json"
    sent.write_text(
        '[\n  "@bo_hr",\n  {"name": "no handle"},\n  {"handle": "x", "platform": "myspace"},\n'
        '  {"username": "ann.bsky.social"}\n]\n',
        encoding="utf-8",
    )
    read = read_handles(sent)
    assert [(e.handle, e.source) for e in read.entries] == [
        ("bo_hr", f"{sent}:2"),
        ("ann.bsky.social", f"{sent}:5"),
    ]
    assert [(p.line, p.message) for p in read.problems] == [
        (3, "no handle in this record (found: name): give each one a 'handle'"),
        (4, "unknown platform 'myspace' (use x, bluesky or mastodon)"),
    ]


def test_an_api_answer_holding_a_list_of_accounts_is_read_as_that_list(tmp_path: Path) -> None:
    """Bluesky's getFollows answer: {"follows": [...], "subject": {...}}."""
    answer = tmp_path / "follows.json"
    answer.write_text(
        json.dumps(
            {
                "subject": {"did": "did:plc:me", "handle": "me.bsky.social"},
                "follows": [
                    {"did": "did:plc:a", "handle": "ann.bsky.social"},
                    {"did": "did:plc:b", "handle": "bo.example.com"},
                ],
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    read = read_handles(answer)
    assert [e.handle for e in read.entries] == ["ann.bsky.social", "bo.example.com"]
    assert read.entries[0].source == f"{answer}:7"  # where the record starts


def test_json_lines_and_a_cut_array_are_told_by_line(tmp_path: Path) -> None:
    lines = tmp_path / "sent.jsonl"
    lines.write_text('{"handle": "@rita"}\n{"handle": "bo", "platform": "twitter"}\nbroken\n')
    read = read_handles(lines)
    assert [(e.platform, e.handle) for e in read.entries] == [("x", "rita"), ("x", "bo")]
    assert [(p.line, p.message) for p in read.problems] == [
        (
            3,
            "not valid JSON: expecting value at column 1; this line was not read. What to do:"
            " correct the file there (a text editor shows the line), then add the file again",
        )
    ]
    cut = tmp_path / "cut.json"
    cut.write_text('[\n  "@rita",\n  {"handle": \n')
    read = read_handles(cut)
    assert [e.handle for e in read.entries] == ["rita"]
    assert read.problems[0].line == 3
    assert read.problems[0].message.startswith(
        "the file ends in the middle of a record (after column 12 of line 3): it looks cut"
        " short; the handles before that point were read. What to do: save or download the"
        " file again whole"
    )


def test_a_download_cut_inside_a_handle_says_where_it_stops_and_what_to_do(
    tmp_path: Path,
) -> None:
    """It said 'not valid JSON: unterminated string starting at (the records after it were
    not read)': json's words, cut off before their column, and no way forward."""
    cut = tmp_path / "follows.json"
    for text, read_before in (
        ('[{"handle": "@rita"}, {"handle": "ann.bs', ["rita"]),
        ('[{"handle": "ann.bs', []),  # its first record cut: still JSON, not a line of text
    ):
        cut.write_text(text, encoding="utf-8")
        read = read_handles(cut, "x")
        assert [e.handle for e in read.entries] == read_before and read.notes == []
        [problem] = read.problems
        assert problem.line == 1
        end = f"the file ends in the middle of a record (after column {len(text)} of line 1)"
        assert problem.message.startswith(end) and "starting at (" not in problem.message
        assert "save or download the file again whole, then add it again" in problem.message


def test_a_json_mistake_inside_the_file_names_its_line_and_column(tmp_path: Path) -> None:
    sent = tmp_path / "sent.json"
    sent.write_text('[\n  {"handle": "@rita"},\n  {"handle": "@bo"\n  {"handle": "@x"}\n]\n')
    read = read_handles(sent, "x")
    assert [e.handle for e in read.entries] == ["rita"]
    assert [(p.line, p.message) for p in read.problems] == [
        (
            3,  # where the record starts; the mistake is on the next line
            "not valid JSON at line 4: expecting ',' delimiter at column 3; this record and"
            " the ones after it were not read. What to do: correct the file there (a text"
            " editor shows the line), then add the file again",
        )
    ]


def test_a_mastodon_account_is_read_by_its_address_not_its_bare_username(
    tmp_path: Path,
) -> None:
    """A Mastodon API list of accounts: username alone ("jo") passed for the X handle @jo."""
    boosters = tmp_path / "reblogged_by.json"
    boosters.write_text(
        json.dumps(
            [
                {"username": "Jo", "acct": "Jo@hachyderm.io", "url": "https://hachyderm.io/@Jo"},
                # a local account of the instance answering: acct has no instance, the URL has
                {"username": "ann", "acct": "ann", "url": "https://hr.social/@ann"},
                # an X user's url is their website: the username is the handle
                {"username": "rita_recruits", "url": "https://rita.example"},
            ]
        ),
        encoding="utf-8",
    )
    assert [(e.platform, e.handle) for e in read_handles(boosters).entries] == [
        ("mastodon", "jo@hachyderm.io"),
        ("mastodon", "ann@hr.social"),
        ("x", "rita_recruits"),
    ]


def test_the_real_mastodon_boosters_list_gives_mastodon_addresses(shared_data: Path) -> None:
    real = shared_data / "formats/mastodon_samples/rtoot_get_reblogged_by_default.json"
    read = read_handles(real)
    assert len(read.entries) == 40 and not read.problems
    assert {e.platform for e in read.entries} == {"mastodon"}
    assert all("@" in e.handle for e in read.entries)


def test_a_page_of_users_on_one_line_gives_each_user(tmp_path: Path) -> None:
    """twarc2's users lookup writes X's answer, {"data": [...], "errors": [...]}, a line a page."""
    page = {
        "data": [{"id": "1", "username": "rita_recruits"}, {"id": "2", "username": "bo_hr"}],
        "errors": [{"title": "Not Found Error", "value": "gone"}],
    }
    users = tmp_path / "users.jsonl"
    users.write_text(json.dumps(page) + "\n", encoding="utf-8")
    read = read_handles(users)
    assert [(e.platform, e.handle, e.source) for e in read.entries] == [
        ("x", "rita_recruits", f"{users}:1"),
        ("x", "bo_hr", f"{users}:1"),
    ]


def test_the_real_twarc2_users_page_gives_x_handles(shared_data: Path) -> None:
    read = read_handles(shared_data / "formats/twarc2_jsonl_real/users.jsonl")
    assert len(read.entries) > 50 and not read.problems
    assert {e.platform for e in read.entries} == {"x"}


def test_a_single_account_object_is_that_account_whatever_lists_it_holds(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(
        json.dumps({"handle": "ann.bsky.social", "pinned": [{"handle": "bo.bsky.social"}]}),
        encoding="utf-8",
    )
    assert [e.handle for e in read_handles(one).entries] == ["ann.bsky.social"]


def test_a_text_line_starting_with_a_bracket_is_read_as_text_and_said(tmp_path: Path) -> None:
    """'[bold]a' on the first line was read as a broken JSON array: every line after it was
    lost to 'not valid JSON'. The file is JSON only when it parses as such."""
    sent = tmp_path / "handles.txt"
    for first in ("[bold]a", "[2024] @ann"):
        sent.write_text(f"{first}\n@rita\n@bo_hr\n", encoding="utf-8")
        read = read_handles(sent, "x")
        assert [e.handle for e in read.entries] == ["rita", "bo_hr"]
        assert read.notes == ["starts with '[' but is not JSON: read as text, one handle a line"]
        assert [p.line for p in read.problems] == [1]  # the first line is no handle


def test_text_after_a_json_array_is_said_not_lost(tmp_path: Path) -> None:
    sent = tmp_path / "sent.json"
    sent.write_text('["@rita"]\n@bo_hr\n', encoding="utf-8")
    read = read_handles(sent, "x")
    assert [e.handle for e in read.entries] == ["rita"] and read.notes == []
    assert [(p.line, p.message) for p in read.problems] == [
        (2, "text after the end of the JSON array (']') was not read")
    ]
