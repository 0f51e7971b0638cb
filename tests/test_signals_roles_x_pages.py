"""``staffpulse roles`` on X API v2 pages (twarc2 JSONL, raw or flattened): one account per
distinct profile, its id the user id, its own posts in the file as its text; posts without a
profile left out and counted; a malformed user skipped with where it is. Small hand-written
pages that follow the X API v2 schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from contract_helpers import check_role_row, error_text, runner, tag_file
from staffpulse.cli.app import app
from staffpulse.errors import NothingImportedError
from staffpulse.signals.roles_io import AccountRecord, read_accounts
from staffpulse.signals.roles_x_pages import POSTS_KEPT

FIRM = {
    "id": "100",
    "username": "blueriverstaff",
    "name": "BlueRiver Staffing",
    "description": "Staffing agency placing warehouse temps in Ohio &amp; Kentucky",
}
KIM = {"id": "200", "username": "hrwithkim", "name": "Kim", "description": "HR Manager"}


def _tweet(tweet_id: str, author: str, text: str, day: int = 1, **more: Any) -> dict[str, Any]:
    return {
        "id": tweet_id,
        "author_id": author,
        "text": text,
        "created_at": f"2024-05-{day:02d}T10:00:00.000Z",
        "edit_history_tweet_ids": [tweet_id],
        **more,
    }


def _read(tmp_path: Path, *lines: object) -> tuple[list[AccountRecord], list[str], Any]:
    path = tmp_path / "tweets.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    skipped: list[str] = []
    with read_accounts(path, skipped.append) as found:
        return list(found), skipped, found


def test_a_page_gives_every_profile_in_its_includes_with_its_own_posts(tmp_path: Path) -> None:
    repost = _tweet("3", "100", "RT @hrwithkim: Benefits open", 3)
    repost["referenced_tweets"] = [{"type": "retweeted", "id": "2"}]
    page = {
        "data": [_tweet("1", "100", "Now hiring forklift drivers", 1), repost],
        "includes": {"users": [FIRM, KIM], "tweets": [_tweet("2", "200", "Benefits open", 2)]},
        "__twarc": {"version": "2.14.0"},
    }
    records, skipped, found = _read(tmp_path, page)
    assert skipped == []
    firm, kim = records
    assert (firm.id, firm.name) == ("100", "BlueRiver Staffing")
    assert firm.description == "Staffing agency placing warehouse temps in Ohio & Kentucky"
    assert firm.text == ["Now hiring forklift drivers"]  # the repost's words are Kim's
    assert (kim.id, kim.text) == ("200", ["Benefits open"])
    assert found.notes == [
        "read 2 profiles and 3 posts from X API v2 pages: one account per profile, its id "
        f"the user id, its own posts there as its text (the latest {POSTS_KEPT}, reposts "
        "left out)"
    ]
    assert not found.left_out


def test_flattened_lines_give_each_author_once_with_all_its_posts(tmp_path: Path) -> None:
    first = {**_tweet("1", "100", "Hiring pickers", 2), "author": FIRM}
    second = {**_tweet("2", "100", "Hiring drivers", 1), "author": FIRM}
    records, _, _ = _read(tmp_path, first, second)
    (firm,) = records
    assert (firm.id, firm.text) == ("100", ["Hiring drivers", "Hiring pickers"])  # oldest first


def test_a_user_listed_twice_is_one_account_and_contract_lines_stay_as_written(
    tmp_path: Path,
) -> None:
    users_page = {"data": [FIRM, KIM, FIRM]}
    contract = {"id": 7, "name": "Acme", "description": "We place nurses"}
    records, _, _ = _read(tmp_path, contract, users_page)
    assert [r.id for r in records] == [7, "100", "200"]  # a number stays a number
    assert records[1].text is None  # a users lookup has no posts


def test_only_the_latest_posts_are_kept(tmp_path: Path) -> None:
    tweets = [_tweet(str(n), "100", f"post {n}", n) for n in range(1, POSTS_KEPT + 6)]
    records, _, _ = _read(tmp_path, {"data": tweets, "includes": {"users": [FIRM]}})
    assert records[0].text == [f"post {n}" for n in range(6, POSTS_KEPT + 6)]


def test_posts_without_a_profile_are_left_out_and_a_bad_user_is_skipped(tmp_path: Path) -> None:
    page = {
        "data": [_tweet("1", "100", "Hiring"), _tweet("2", "300", "Nobody knows me")],
        "includes": {"users": [FIRM, {"id": "400", "name": "no handle"}]},
    }
    records, skipped, found = _read(tmp_path, page)
    assert [r.id for r in records] == ["100"]
    assert found.left_out == {"post": 1}
    assert len(skipped) == 1 and skipped[0].startswith(f"{tmp_path / 'tweets.jsonl'}:1: ")
    assert "includes.users[1]" in skipped[0] and "username" in skipped[0]


def test_a_page_of_posts_with_no_profile_at_all_is_refused_with_the_fields_to_fetch(
    tmp_path: Path,
) -> None:
    with pytest.raises(NothingImportedError) as refused:
        _read(tmp_path, {"data": [_tweet("1", "100", "Hiring")]})
    said = refused.value.message
    assert "it holds only 1 post" in said
    assert "no author profile in the file (the request lacked expansions=author_id)" in said
    assert "fetch with tweet.fields=author_id&expansions=author_id&user.fields=description" in said


def test_the_command_tags_the_profiles_of_a_twarc2_page_and_says_what_it_read(
    tmp_path: Path,
) -> None:
    page = {"data": [_tweet("1", "100", "Now hiring")], "includes": {"users": [FIRM, KIM]}}
    src = tmp_path / "twarc2.jsonl"
    src.write_text(json.dumps(page) + "\n", encoding="utf-8")
    result, rows = tag_file(src)
    assert [r["id"] for r in rows] == ["100", "200"]
    for row in rows:
        check_role_row(row)
    said = " ".join(error_text(result).split())
    assert "read 2 profiles and 1 post from X API v2 pages" in said
    assert "Tagged 2 account records" in said


def test_the_real_twarc2_page_of_two_tweets_is_tagged(shared_data: Path, tmp_path: Path) -> None:
    src = shared_data / "formats" / "twarc2_jsonl_real" / "two_tweets.jsonl"
    out = tmp_path / "tags.jsonl"
    result = runner.invoke(app, ["roles", str(src), "-o", str(out)])
    assert result.exit_code == 0, error_text(result)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2  # its includes.users


def test_out_has_one_object_per_profile_after_the_files_other_records(tmp_path: Path) -> None:
    # the contract's "one object per valid record, in input order" has this one exception:
    # two pages naming the firm twice give it once, and the profiles come once all is read
    first = {"data": [_tweet("1", "100", "Hiring pickers", 1)], "includes": {"users": [FIRM]}}
    second = {"data": [_tweet("2", "100", "Hiring drivers", 2)], "includes": {"users": [FIRM]}}
    contract = {"id": 7, "name": "Acme", "description": "We place nurses"}
    src = tmp_path / "mixed.jsonl"
    src.write_text("".join(json.dumps(v) + "\n" for v in (first, contract, second)), "utf-8")
    result, rows = tag_file(src)
    assert [r["id"] for r in rows] == [7, "100"]
    assert "Tagged 2 account records" in " ".join(error_text(result).split())
