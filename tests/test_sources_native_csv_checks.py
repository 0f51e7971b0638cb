"""The native CSV reader's header checks: what a table lacks, what to rename, a table under a
JSON name, a sheet kept in another language."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.sources import detect
from staffpulse.sources.base import Problem
from staffpulse.sources.native_csv import NativeCsv
from staffpulse.sources.native_csv_header import missing_post_columns
from staffpulse.store import open_store


def test_header_without_required_columns_is_one_problem_counting_every_row(
    tmp_path: Path,
) -> None:
    path = tmp_path / "support.csv"
    path.write_text(
        "tweet_id,author_id,inbound,text\n1,acme,False,hi\n2,105,True,hello\n3,acme,False,ok\n",
        encoding="utf-8",
    )
    assert isinstance(detect(path), NativeCsv)
    items = list(NativeCsv().read(path))
    assert len(items) == 1 and isinstance(items[0], Problem)
    problem = items[0]
    assert (problem.line, problem.records) == (1, 3)
    assert "the header has tweet_id, author_id, inbound, text" in problem.message
    assert (
        'needs the columns id, author and text; it has no id column: rename the column "tweet_id" '
        'to "id"; none of its 3 rows were imported'
    ) in problem.message
    assert "none of its 3 rows were imported" in problem.message
    assert problem.as_dict()["records"] == 3


def test_missing_post_columns() -> None:
    assert missing_post_columns(["id", "author_id", "text"]) is None
    assert missing_post_columns(["id", "author", "text", "likes"]) is None
    # screen_name is the author's handle (read as author); the other two are told to rename
    message = missing_post_columns(["status_id", "screen_name", "full_text"])
    assert message is not None
    assert message.endswith(
        'it has no id or text column: rename the columns "status_id" to "id" and "full_text" to '
        '"text"'
    )
    assert (missing_post_columns(["foo", "text", "author"]) or "").endswith(
        'it has no id column: add the column "id"'
    )
    assert (missing_post_columns(["foo", "bar"]) or "").endswith("id, author and text")


def test_a_wrong_header_is_told_in_order_what_it_lacks_then_what_to_rename_and_add(
    tmp_path: Path,
) -> None:
    # a spreadsheet a marketer typed: the condition on renaming name comes with that rename,
    # before the columns to add, and the header's line is named
    path = tmp_path / "posts.csv"
    path.write_text("name,post,when\nAcme,hello,2026-03-01\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    message = refused.value.message
    assert message.startswith(f"{path}: not a format staffpulse can import: the header (line 1)")
    assert (
        'it has no id, author or text column: rename the column "name" to "author" (only if it '
        'holds the authors\' handles, not their display names) and add the columns "id" and '
        '"text". A CSV of accounts'
    ) in message


def test_a_posts_text_under_another_name_is_told_not_read_as_accounts(tmp_path: Path) -> None:
    # handle,tweet was read as a file of accounts, its tweets dropped unnoticed
    path = tmp_path / "tweets.csv"
    path.write_text("handle,tweet\nacme,hello\nzenith,hi\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert (
        'it has no id or text column: rename the column "tweet" to "text" and add the column '
        '"id". A CSV of accounts'
    ) in refused.value.message
    # a file of accounts with no such column is still one
    accounts = tmp_path / "accounts.csv"
    accounts.write_text("handle,display_name\nacme,Acme Staffing\n", encoding="utf-8")
    assert import_paths(open_store(":memory:"), [accounts]).accounts == 1


@pytest.mark.parametrize("name", ["posts.json", "posts.jsonl"])
def test_a_table_saved_under_a_json_name_is_read_and_told(tmp_path: Path, name: str) -> None:
    # QA s28: a CSV renamed .json by hand was refused as "not a format staffpulse can import"
    path = tmp_path / name
    path.write_text(
        "id,author,text\n1,acme_hr,We are hiring\n2,acme_hr,Open day on Friday\n",
        encoding="utf-8",
    )
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.skipped) == (2, 0)
    told = [str(notice) for notice in report.notices]
    assert (
        f"{path}: named {path.suffix} but holds a CSV table (no JSON): read as one; rename it .csv so other tools read it right too"
        in told
    )


def test_a_line_of_prose_under_a_json_name_is_not_told_as_a_table(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text("Remember to post the open day on Friday\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert refused.value.message == (
        f"{path}: not a format staffpulse can import: this is text a person wrote (sentences,"
        " as in notes or a draft, not a table of posts or accounts)"
    )


def test_a_sheet_kept_in_french_is_told_which_columns_to_rename(tmp_path: Path) -> None:
    # QA s28: a Google Sheets export with "auteur" was told to add an author column it has,
    # and to score its texts as posts of no account
    path = tmp_path / "feuille.csv"
    path.write_text("id,auteur,texte,date,j_aime\n1,acme_hr,Nous recrutons,2026-03-01,4\n")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    said = refused.value.message
    assert 'rename the columns "auteur" to "author" and "texte" to "text"' in said
    assert "classify" not in said


def test_a_table_saved_with_no_ending_to_its_name_is_read_and_told(tmp_path: Path) -> None:
    # a download saved without ".csv" was refused as "not a format", with no reason why
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "posts").write_text(
        "id,author,text\nn-1,willow_work,Weekend shifts open\n", encoding="utf-8"
    )
    (folder / "LICENSE").write_text("Permission is granted, free of charge\n", encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [folder])
    assert report.posts == 1
    assert [n.message for n in report.notices] == [
        "has no ending to its name but holds a CSV table: read as one; rename it posts.csv so"
        " other tools read it right too"
    ]
    assert [Path(p.file).name for p in report.problems] == ["LICENSE"]  # still left out
