"""The staffpulse CSV source (staffpulse.sources.native_csv): Excel's semicolons, stray quotes,
bad values, all counted; its encodings and the bare accounts of a posts-only file's authors (its
header checks are in test_sources_native_csv_checks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest_helpers import accounts_in
from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.native_csv import NativeCsv, csv_columns
from staffpulse.store import Record, open_store


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


def test_a_file_with_excels_sep_line_is_detected_and_read(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("sep=;\r\nid;author;text\r\n1;acme;hi, all\r\n2;acme\r\n", encoding="utf-8")
    assert isinstance(detect(path), NativeCsv)
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.skipped) == (1, 1)
    assert [(p.line, "required field 'text'" in p.message) for p in report.problems] == [(4, True)]


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
        "2,acme,2024-01-01,hey,frendfeed,1\n"
        "3,acme,2024-01-01,yo,x,-5\n"
        "4,acme,2024-01-01,ok,x,2.5\n"
        "5,acme,2024-01-01,a,b,x,1\n",
        encoding="utf-8",
    )
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        assert store.stats()["accounts"] == {"x": 1}  # "twitter" is x
        likes = {p.id: p.likes for p in store.posts_by("x", "acme")}
    # a count that is no whole number costs the count, not the post: told once
    assert (report.posts, report.skipped) == (3, 2)
    assert likes == {"1": 3, "3": None, "4": None}
    where = {p.line: p.message for p in report.problems}
    assert "unknown platform 'frendfeed'" in where[3] and "use one of" in where[3]
    assert "1 more cell than the header's 6 columns" in where[6]
    assert [n.message for n in report.notices] == [
        "'likes' of 2 records (lines 4, 5) are no whole numbers of 0 or more (the first: '-5'),"
        " so they were imported without it, not guessed; write whole numbers with digits only,"
        " e.g. 1234, then import the file again to fill them in"
    ]


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
    # the condition stands right after the rename it is about, not at the end
    assert (
        'it has no author column: rename the column "name" to "author" (only if it holds '
        "the authors' handles, not their display names); its one row was not imported"
    ) in problem.message
    # a handle and a text without an id are told to add one
    lacking = tmp_path / "no_id.csv"
    lacking.write_text("handle,text\nacme,hello\n", encoding="utf-8")
    (problem,) = import_paths(open_store(":memory:"), [lacking]).problems
    assert 'needs the columns id, author and text; it has no id column: add the column "id"' in (
        problem.message
    )


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
    assert "not a format staffpulse can import: the header (line 1) has _unit_id, gender," in (
        message
    )
    assert "A staffpulse CSV of posts needs the columns id, author and text" in message
    assert "tweet_id holds ids rounded by a spreadsheet (6.5873E+17" in message
    assert "export the ids as text" in message and "rename" not in message
    assert "A CSV of accounts needs a handle column" in message
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


def test_excel_counts_and_named_dates_are_read_and_a_decimal_told_on_its_line(
    tmp_path: Path,
) -> None:
    # dates with the year last (11/27/2026): test_sources_csv_dates.py
    path = tmp_path / "posts.csv"
    rows = ['41,acme,"Mar 1, 2026",named month,"1,234"', "42,acme,2026-03-01,ok,1.5"]
    path.write_text("id,author,created_at,text,likes\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        post, decimal = store.posts_by("csv", "acme")
    assert (report.posts, report.skipped, report.problems) == (2, 0, [])
    assert (post.id, post.likes, post.created_at and post.created_at.day) == ("41", 1234, 1)
    assert (decimal.id, decimal.likes) == ("42", None)
    (count,) = report.notices
    assert "(line 3)" in count.message and "write whole numbers with digits only" in count.message


# -- tables of no known format, and ids a spreadsheet rounded ------------------------------


def test_a_table_of_no_known_format_is_told_its_header_and_what_to_rename(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tweets.csv"
    path.write_text("tweet_id,screen_name,date,body\n1,acme,2026-03-01,hello\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert refused.value.message == (
        f"{path}: not a format staffpulse can import: the header (line 1) has tweet_id, "
        "screen_name, date, body. A staffpulse CSV of posts needs the columns id, author and "
        "text (author may also be author_id, author_handle, handle, username, user_name, "
        "screen_name, user_screen_name or user); it has no id or text column: rename the "
        'columns "tweet_id" to "id" and "body" to "text". A CSV of accounts needs a handle '
        "column and no text column"
    )
    assert refused.value.hint and refused.value.hint.startswith("fix the file as said")
    # a read-me is no table: told as the text it is, not as a header to rename
    readme = tmp_path / "PROVENANCE.txt"
    readme.write_text("These tweets were collected in 2024, from the API, by a script.\n")
    with pytest.raises(UnknownFormatError) as plain:
        detect(readme)
    assert plain.value.message == (
        f"{readme}: not a format staffpulse can import: this is text a person wrote (sentences,"
        " as in notes or a draft, not a table of posts or accounts)"
    )


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


def test_csv_posts_without_platform_get_platform_csv(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,author,created_at,text\n"
        '1,acme,2026-03-01T14:05:00Z,"We\'re hiring, apply now"\n'
        "2,,2026-03-01T14:05:00Z,no author\n",
        encoding="utf-8",
    )
    assert isinstance(detect(path), NativeCsv)
    items = list(NativeCsv().read(path))
    # the author's bare account comes first, then its post, then the row without an author
    assert isinstance(items[1], Record)
    post = items[1].rows[0]
    assert (
        isinstance(post, Post) and post.platform == "csv" and post.text == "We're hiring, apply now"
    )
    assert isinstance(items[2], Problem) and items[2].line == 3


def test_csv_accounts_file_is_detected_by_header(tmp_path: Path) -> None:
    path = tmp_path / "accounts.csv"
    path.write_text("platform,handle,bio\nx,acme,We staff\n", encoding="utf-8")
    items = list(detect(path).read(path))
    assert isinstance(items[0], Record) and isinstance(items[0].rows[0], Account)


def test_posts_only_csv_gives_one_bare_account_per_author(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,author,created_at,text\n"
        "1,AcmeStaffing,2026-03-01T14:05:00Z,We're hiring\n"
        "2,@acmestaffing,2026-03-02T14:05:00Z,Our recruiter ran a 5k\n"
        "3,janedoe,2026-03-02T15:00:00Z,Congrats!\n",
        encoding="utf-8",
    )
    items = list(NativeCsv().read(path))
    posts = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    accounts = accounts_in(items)
    assert {(a.platform, a.id) for a in accounts} == {("csv", "acmestaffing"), ("csv", "janedoe")}
    # The stub's id is the posts' author_id, so the audit finds them.
    assert {p.author_id for p in posts} == {a.id for a in accounts}
    assert all(a.display_name == "" and a.bio == "" and a.followers is None for a in accounts)
    # each stub comes right before its author's first post, so an import stopped between two
    # batches never leaves a post without its account; a stub has no payload of its own
    rows = [(r, i.raw) for i in items if isinstance(i, Record) for r in i.rows]
    kinds = [type(r).__name__ for r, _raw in rows]
    assert kinds == ["Account", "Post", "Post", "Account", "Post"]
    assert all(raw is None for r, raw in rows if isinstance(r, Account))


# -- encodings -----------------------------------------------------------------------------


def test_windows_1252_csv_is_read_with_one_notice(tmp_path: Path) -> None:
    path = tmp_path / "accounts.csv"
    path.write_bytes("platform,handle,display_name\nx,cafe,Café Señor\nx,b,Zoë\n".encode("cp1252"))
    assert isinstance(detect(path), NativeCsv)
    items = list(detect(path).read(path))
    notices = [i for i in items if isinstance(i, Notice)]
    assert len(notices) == 1 and notices[0].file == str(path)
    assert "not UTF-8 (first at line 2)" in notices[0].message
    assert "Windows-1252" in notices[0].message and "accented names" in notices[0].message
    assert [a.display_name for a in accounts_in(items)] == ["Café Señor", "Zoë"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be"])
def test_utf8_and_utf16_csv_are_read_without_notice(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "posts.csv"
    text = "id,author,text\n1,jose,Señor José ☕\n"
    if encoding == "utf-16-be":  # Python's utf-16-be writes no BOM: add it as Windows does
        path.write_bytes(b"\xfe\xff" + text.encode(encoding))
    else:
        path.write_text(text, encoding=encoding)
    assert isinstance(detect(path), NativeCsv)
    items = list(detect(path).read(path))
    assert not [i for i in items if isinstance(i, Notice | Problem)]
    post = next(r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post))
    assert (post.author_handle, post.text) == ("jose", "Señor José ☕")


def test_invalid_utf16_is_replaced_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(
        "id,author,text\n1,a,".encode("utf-16") + b"\x00\xd8" + "\n".encode("utf-16-le")
    )
    items = list(NativeCsv().read(path))
    assert any(isinstance(i, Notice) and "not valid UTF-16" in i.message for i in items)


# -- a CSV header that cannot work ---------------------------------------------------------


def test_a_header_naming_a_column_twice_says_which_cells_were_not_read(tmp_path: Path) -> None:
    """Two sheets pasted side by side: both "text" columns are read by one name, so only the
    last is; the file is told so, not left to lose the first one's posts without a word."""
    path = tmp_path / "posts.csv"
    path.write_text("id,author,text,Text\n1,acme,Hiring in Leeds,draft\n", encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        (post,) = store.posts_by("csv", "acme")
    assert post.text == "draft" and report.posts == 1
    (said,) = [n.message for n in report.notices if "more than once" in n.message]
    assert said.startswith('the header (line 1) names the column "text" more than once')
    assert "rename or remove the extra column" in said


_ROWS = [
    ["id", "author", "created_at", "text"],
    ["1", "acme", "2026-03-01T14:05:00Z", "Köln: Lagerhelfer gesucht – jetzt bewerben"],
    ["2", "acme", "2026-03-02T09:00:00Z", "Café staff wanted"],
]


def _unicode_text() -> bytes:
    """Excel's "Unicode Text (*.txt)": UTF-16 LE with its BOM, tabs, CRLF."""
    return "\ufeff".encode("utf-16-le") + "".join("\t".join(row) + "\r\n" for row in _ROWS).encode(
        "utf-16-le"
    )


@pytest.mark.parametrize(
    ("name", "data", "guessed"),
    [
        ("posts.txt", _unicode_text(), False),
        # Excel "CSV" in a European locale: semicolons, Windows-1252
        ("posts.csv", "\r\n".join(";".join(r) for r in _ROWS).encode("cp1252"), True),
        # Excel's "CSV UTF-8": a BOM
        ("posts.csv", b"\xef\xbb\xbf" + "\r\n".join(",".join(r) for r in _ROWS).encode(), False),
        # an empty column at the end of every row (a sheet with a blank column selected)
        ("posts.csv", "".join(",".join(r) + ",\n" for r in _ROWS).encode(), False),
        # Google Sheets' download: CRLF, no line break after the last row
        ("posts.csv", "\r\n".join(",".join(r) for r in _ROWS).encode(), False),
    ],
)
def test_spreadsheet_exports_import_every_row_with_its_accents(
    tmp_path: Path, name: str, data: bytes, guessed: bool
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        posts = store.get_posts("csv", ["1", "2"])
    assert report.posts == 2 and report.skipped == 0
    assert posts["1"].text == _ROWS[1][3] and posts["2"].text == _ROWS[2][3]
    told = [n.message for n in report.notices if "Windows-1252" in n.message]
    assert bool(told) == guessed  # a guessed encoding is told, a known one is not
