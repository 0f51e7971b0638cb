"""Headers of a staffpulse CSV as spreadsheets write them: column names in other case, with
spaces or hyphens, and the time of a post under another name than created_at."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.models import Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice
from staffpulse.sources.native_csv import NativeCsv
from staffpulse.store import open_store
from staffpulse.store.core import Record

ROWS = "p1,acmestaffing,2026-03-01T14:05:00Z,We're hiring in Dayton!\r\n"


def _posts_and_notices(path: Path) -> tuple[list[Post], list[str]]:
    items = list(NativeCsv().read(path))
    posts = [row for i in items if isinstance(i, Record) for row in i.rows if isinstance(row, Post)]
    return posts, [i.message for i in items if isinstance(i, Notice)]


@pytest.mark.parametrize(
    "header", ["ID,Author,Created At,Text", " id , author-handle , created-at , TEXT "]
)
def test_column_names_in_other_case_or_with_spaces_are_read(tmp_path: Path, header: str) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(header + "\r\n" + ROWS, encoding="utf-8")
    assert isinstance(detect(path), NativeCsv)
    (post,), notices = _posts_and_notices(path)
    assert (post.id, post.author_handle, post.text) == (
        "p1",
        "acmestaffing",
        "We're hiring in Dayton!",
    )
    assert (
        post.created_at is not None and post.created_at.isoformat() == "2026-03-01T14:05:00+00:00"
    )
    assert not notices


def test_a_date_column_beside_account_rows_is_told_to_rename_never_read(tmp_path: Path) -> None:
    # with a type column a row may be an account, whose "date" may be the day it was added
    path = tmp_path / "posts.csv"
    path.write_text("type,id,author,Post Date,text\r\npost," + ROWS, encoding="utf-8")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped) == (1, 0)
    (notice,) = [n.message for n in report.notices]
    # named as the sheet writes it, not as post_date
    assert notice.startswith(
        'the column "Post Date" was not read: staffpulse takes the time of a post'
    )
    assert 'Rename "Post Date" to "created_at" and import the file again' in notice


def test_a_text_column_under_a_spreadsheet_name_is_told_what_to_rename(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("ID,Author Handle,created_at,Post Text\r\n" + ROWS, encoding="utf-8")
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    # named as the sheet writes it, for the user to find
    assert (
        "the header (line 1) has ID, Author Handle, created_at, Post Text." in caught.value.message
    )
    assert 'it has no text column: rename the column "Post Text" to "text"' in caught.value.message


def test_a_table_of_accounts_with_their_bio_is_sent_to_roles(tmp_path: Path) -> None:
    # a labelled accounts CSV (CrowdFlower's: name, description, text, no handle column)
    path = tmp_path / "people.csv"
    path.write_text("_unit_id,name,description,text\n1,acme,We place nurses.,hi\n", "utf-8")
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    assert str(caught.value.message).endswith(
        f"Accounts can be tagged as they are: staffpulse roles {path} --output roles.jsonl"
    )
    posts = tmp_path / "posts.csv"
    posts.write_text("ID,Author Handle,created_at,Post Text\r\n" + ROWS, encoding="utf-8")
    with pytest.raises(UnknownFormatError) as caught:
        detect(posts)
    assert "roles" not in caught.value.message  # no bio: not accounts


@pytest.mark.parametrize(
    ("header", "told"),
    [
        ("id,auther,created_at,text", 'it has no author column: rename the column "auther" to'),
        ("id,author,created_at,txt", 'it has no text column: rename the column "txt" to "text"'),
    ],
)
def test_a_misspelt_column_is_told_to_be_renamed_not_added(
    tmp_path: Path, header: str, told: str
) -> None:
    # "auther" was told 'add the column "author"', beside the column that only needed a letter
    path = tmp_path / "posts.csv"
    path.write_text(header + "\r\n" + ROWS, encoding="utf-8")
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    assert told in caught.value.message
    assert "add the column" not in caught.value.message


def test_a_misspelt_id_or_date_column_is_told_too_and_other_columns_are_not(
    tmp_path: Path,
) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("idd,author,creted_at,text\r\n" + ROWS, encoding="utf-8")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert report.posts == 0
    assert 'it has no id column: rename the column "idd" to "id"' in report.problems[0].message
    path.write_text("id,author,creted_at,text\r\n" + ROWS, encoding="utf-8")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    (notice,) = [n.message for n in report.notices]
    assert 'Rename "creted_at" to "created_at"' in notice
    # a column of another meaning, or far from the name, is never offered
    path.write_text("url,author,created_at,text\r\n" + ROWS, encoding="utf-8")
    report = import_paths(open_store(":memory:"), [path])
    assert 'it has no id column: add the column "id";' in report.problems[0].message


def test_a_header_repeated_by_files_joined_together_is_told_not_skipped(tmp_path: Path) -> None:
    path = tmp_path / "all.csv"
    header = "id,author,created_at,text\r\n"
    path.write_text(header + ROWS + header + ROWS.replace("p1", "p2"), encoding="utf-8")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped, report.problems) == (2, 0, [])
    assert [n.message for n in report.notices] == [
        "line 3 repeats the header (files joined one after another?): read as a header, not as "
        "a record"
    ]


def test_a_column_without_a_name_is_told_and_each_kept_in_the_raw_record(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    rows = (
        "p1,acmestaffing,spring,web,2026-03-01T14:05:00Z,We're hiring!,,\r\n"
        "p2,acmestaffing,,,2026-03-02T14:05:00Z,Join us,,\r\n"
        "p3,acmestaffing,summer,,2026-03-03T14:05:00Z,Open day,,\r\n"
    )
    path.write_text("id,author,,,created_at,text,,\r\n" + rows, encoding="utf-8")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
        raw = [r[0] for r in store.conn.execute("SELECT payload FROM raw_payloads ORDER BY line")]
    assert (report.posts, report.skipped, report.problems) == (3, 0, [])
    assert [n.message for n in report.notices] == [
        'the header (line 1) gives no name to column C (after "author", before "created_at"),'
        ' though 2 rows have values in it (first on line 2); column D (after "author", before'
        ' "created_at"), though 1 row has a value in it (first on line 2): their cells were kept'
        ' with each record (as "column_3", "column_4") but not read as any field. If one holds'
        " something staffpulse reads (staffpulse import --help lists the formats), write that"
        " column's name in the header cell and import the file again"
    ]
    assert '"column_3":"spring","column_4":"web"' in raw[0]  # both kept, not the last only
    assert '"column_3":"summer"' in raw[2]


def test_empty_columns_without_a_name_at_the_end_are_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("id,author,created_at,text,,\r\n" + ROWS.replace("\r", ",,\r"), "utf-8")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.notices, report.problems) == (1, [], [])


@pytest.mark.parametrize(
    "header", [",tweet,sarcastic", "text,label", "id,text,label", "tweet_id,content"]
)
def test_texts_without_authors_are_pointed_to_classify(tmp_path: Path, header: str) -> None:
    # a labelled set of tweets (texts, no authors) cannot be imported; classify scores it
    path = tmp_path / "labelled.csv"
    path.write_text(f"{header}\n0,I love Mondays,1\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert refused.value.message.endswith(
        f"Posts of no account can be scored as they are: staffpulse classify {path} "
        "--output scores.jsonl"
    )


@pytest.mark.parametrize("header", ["handle,tweet", "screen_name,body", "name,description"])
def test_tables_with_an_author_or_a_bio_are_not_pointed_to_classify(
    tmp_path: Path, header: str
) -> None:
    path = tmp_path / "table.csv"
    path.write_text(f"{header}\nacme,hello\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert "staffpulse classify" not in refused.value.message


def test_a_file_of_counts_without_a_text_column_is_told_to_add_it_blank(tmp_path: Path) -> None:
    counts = tmp_path / "likes.csv"
    counts.write_text("id,author,likes\r\np1,acmestaffing,31\r\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as caught:
        detect(counts)
    assert caught.value.message.startswith(f"{counts}: not a format staffpulse can import")
    assert "the header (line 1) has id, author, likes" in caught.value.message
    assert (
        'it has no text column: add the column "text" (left blank, a row updates the counts'
        " of the post imported before)" in caught.value.message
    )
    # done as told, the counts reach the post imported before and its text is kept
    with open_store(tmp_path / "x.db") as store:
        posts = tmp_path / "posts.csv"
        posts.write_text("id,author,created_at,text\r\n" + ROWS, encoding="utf-8")
        import_paths(store, [posts])
        counts.write_text("id,author,likes,text\r\np1,acmestaffing,31,\r\n", encoding="utf-8")
        report = import_paths(store, [counts])
        row = store.conn.execute("SELECT text, likes FROM posts").fetchone()
    assert (report.skipped, tuple(row)) == (0, ("We're hiring in Dayton!", 31))
