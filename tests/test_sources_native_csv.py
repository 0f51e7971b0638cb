"""The staffpulse CSV source: Excel's semicolons, stray quotes, bad values, all counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.sources import detect
from staffpulse.sources.base import Problem
from staffpulse.sources.native_csv import NativeCsv, csv_columns
from staffpulse.store import open_store


def test_semicolon_and_tab_files_are_detected_and_read(tmp_path: Path) -> None:
    for name, sep in (("excel.csv", ";"), ("posts.tsv", "\t")):
        path = tmp_path / name
        text = sep.join(["id", "author", "text"]) + "\r\n" + sep.join(["1", "acme", "hi, all"])
        path.write_text(text + "\r\n", encoding="utf-8")
        assert isinstance(detect(path), NativeCsv), name
        report = import_paths(open_store(":memory:"), [path])
        assert (report.posts, report.accounts, report.skipped) == (1, 1, 0), name
    assert csv_columns(b"handle;platform;segment\r\nacme;x;vendor\r\n") == {
        "handle",
        "platform",
        "segment",
    }


def test_a_stray_quote_loses_one_row_and_says_where_it_starts(tmp_path: Path) -> None:
    rows = [f"{i},user{i % 3},post number {i}" for i in range(1, 21)]
    rows[4] = '5,user2,"a quote that never closes'  # line 6
    rows[12] = '13,user1,"a quoted, cell"'  # line 14
    path = tmp_path / "posts.csv"
    path.write_text("id,author,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.skipped) == (19, 1)  # 19 + 1 = the 20 rows of the file
    (problem,) = report.problems
    assert problem.line == 6 and "unclosed quote starting at line 6" in problem.message


def test_bad_values_are_reported_with_their_line_and_every_skip_counted(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "id,author,created_at,text,platform,likes\n"
        "1,acme,2024-01-01,hi,twitter,3\n"
        "2,acme,2024-01-01,hey,facebook,1\n"
        "3,acme,2024-01-01,yo,x,-5\n"
        "4,acme,2024-01-01,ok,x,2.5\n"
        "5,acme,2024-01-01,a,b,x,1\n",
        encoding="utf-8",
    )
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        assert store.stats()["accounts"] == {"x": 1}  # "twitter" is x
    assert (report.posts, report.skipped) == (1, 4)
    where = {p.line: p.message for p in report.problems}
    assert "unknown platform 'facebook'" in where[3] and "use one of" in where[3]
    assert "cannot be negative" in where[4] and "whole number" in where[5]
    assert "1 more cell than the header's 6 columns" in where[6]


def test_posts_by_author_id_only_are_imported_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "twcs.csv"
    path.write_text("id,author_id,text\n1,ChaseSupport,a\n2,ChaseSupport,b\n", encoding="utf-8")
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.accounts, report.skipped) == (2, 0, 0)
    (notice,) = report.notices
    assert notice.message.startswith("2 posts name their author only by author_id")
    items = list(NativeCsv().read(path))
    assert not [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize("column", ["handle", "username", "screen_name", "user", "user_name"])
def test_an_author_column_named_as_other_tools_name_it_is_the_author(
    tmp_path: Path, column: str
) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(f"id,{column},text\n1,acme,hello\n2,@Rosa,hi\n", encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        assert (report.posts, report.accounts, report.skipped) == (2, 2, 0)
        assert store.find_account("rosa").handle == "Rosa"
        assert [p.text for p in store.posts_by("csv", "acme")] == ["hello"]


def test_a_name_column_is_never_taken_for_the_handle(tmp_path: Path) -> None:
    # X's API and most exports call the display name "name": told to rename, not guessed
    path = tmp_path / "posts.csv"
    path.write_text("id,name,text\n1,Acme Staffing,hello\n", encoding="utf-8")
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.skipped) == (0, 1)
    (problem,) = report.problems
    assert "(rename name→author; name only if it holds the authors' handles" in problem.message
    # a handle and a text without an id are told to add one
    lacking = tmp_path / "no_id.csv"
    lacking.write_text("handle,text\nacme,hello\n", encoding="utf-8")
    (problem,) = import_paths(open_store(":memory:"), [lacking]).problems
    assert "needs the columns id, author and text (add the column id)" in problem.message


def test_other_tables_with_a_name_and_a_text_are_not_taken_for_posts(tmp_path: Path) -> None:
    # the CrowdFlower accounts CSV's header: a name and a text, but no id of a post to key on
    path = tmp_path / "users.csv"
    path.write_text(
        "_unit_id,gender,description,name,text,tweet_id\n"
        "815719226,male,i sing,sheezy0,Robbie E responds,6.5873E+17\n",
        encoding="utf-8",
    )
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    # told its header, what a posts CSV needs and why its tweet_id cannot be the id
    message = refused.value.message
    assert "not a format staffpulse can import: the header has _unit_id, gender," in message
    assert "a staffpulse CSV of posts needs the columns id, author and text" in message
    assert "tweet_id holds ids rounded by a spreadsheet (6.5873E+17" in message
    assert "export the ids as text" in message and "tweet_id→id" not in message
    assert "a CSV of accounts needs a handle column" in message
    # a benchmark cohort is no file of accounts: told where it belongs (sources/cohorts.py)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,platform,segment\nacme,x,vendor\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError, match="looks like a benchmark cohort"):
        import_paths(open_store(":memory:"), [cohort])


def test_real_tables_keep_their_formats(shared_data: Path) -> None:
    crowdflower = shared_data / "accounts" / "crowdflower_twitter_users.csv"
    with pytest.raises(UnknownFormatError, match="tweet_id holds ids rounded by a spreadsheet"):
        detect(crowdflower)
    twcs = shared_data / "conversations" / "twcs_customer_support_sample" / "sample.csv"
    assert detect(twcs).name == "twcs"


def test_excel_dates_and_counts_are_read_or_told_once_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    rows = [f'{i},acme,{i}/1/2026 14:05,post {i},"1,234"' for i in range(1, 41)]
    rows += ['41,acme,"Mar 1, 2026",named month,"1,234"', "42,acme,2026-03-01,ok,1.5"]
    path.write_text("id,author,created_at,text,likes\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        (post,) = store.posts_by("csv", "acme")
    assert (report.posts, report.skipped, len(report.problems)) == (1, 41, 2)
    assert (post.id, post.likes, post.created_at and post.created_at.day) == ("41", 1234, 1)
    dates, count = sorted(report.problems, key=lambda p: p.line or 0)
    assert (dates.line, dates.records) == (2, 40)  # one message for the column
    assert "40 records, from this line on, have a 'created_at' of numbers" in dates.message
    assert "write dates year first, as 2026-03-01T14:05" in dates.message
    assert count.line == 43 and "write whole numbers with digits only" in count.message


# -- tables of no known format, and ids a spreadsheet rounded ------------------------------


def test_a_table_of_no_known_format_is_told_its_header_and_what_to_rename(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tweets.csv"
    path.write_text("tweet_id,screen_name,date,body\n1,acme,2026-03-01,hello\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert refused.value.message == (
        f"{path}: not a format staffpulse can import: the header has tweet_id, screen_name, "
        "date, body; a staffpulse CSV of posts needs the columns id, author and text (author "
        "may also be author_id, author_handle, handle, username, user_name, screen_name, "
        "user_screen_name or user): rename tweet_id→id, body→text; a CSV of accounts needs a "
        "handle column and no text column"
    )
    assert refused.value.hint and refused.value.hint.startswith("fix the file as said")
    # a read-me is no table: nothing to tell beyond its format
    readme = tmp_path / "PROVENANCE.txt"
    readme.write_text("These tweets were collected in 2024, from the API, by a script.\n")
    with pytest.raises(UnknownFormatError) as plain:
        detect(readme)
    assert plain.value.message == f"{readme}: not a format staffpulse can import"


def test_rounded_ids_are_told_once_and_leave_no_bare_accounts(tmp_path: Path) -> None:
    # the CrowdFlower table with its columns renamed to id and author, as a user would
    path = tmp_path / "renamed.csv"
    rows = [f"{n},6.5873E+17,user{n},tweet {n}" for n in range(1, 41)]
    path.write_text("_unit_id,id,author,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        assert store.stats()["accounts"] == {}
    assert (report.posts, report.accounts, report.skipped) == (0, 0, 40)
    (problem,) = report.problems
    assert (problem.line, problem.records) == (2, 40)
    assert problem.message.startswith(
        "40 records, from this line on, have ids rounded by a spreadsheet ('id' is "
        "'6.5873E+17' here"
    )


def test_a_column_of_rounded_ids_is_never_offered_as_the_id(tmp_path: Path) -> None:
    path = tmp_path / "handles.csv"  # name renamed to handle: a posts CSV lacking its id
    path.write_text(
        "handle,text,tweet_id\nsheezy0,hi,6.5873E+17\nbob,yo,6.5874E+17\n", encoding="utf-8"
    )
    (problem,) = list(NativeCsv().read(path))
    assert isinstance(problem, Problem) and problem.records == 2
    assert "rename" not in problem.message
    assert "tweet_id holds ids rounded by a spreadsheet (6.5873E+17: scientific notation has " in (
        problem.message
    )
    assert "so no row can be imported as a post; export the ids as text" in problem.message
