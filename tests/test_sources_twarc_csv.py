"""twarc2 CSV (twarc-csv column layout) on small hand-written files."""

from __future__ import annotations

import csv
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.twarc_csv import TwarcCsv, rows_from_twarc_csv
from staffpulse.sources.twarc_csv_sheets import DATE_TO_DO
from staffpulse.store import open_store
from staffpulse.store.core import Record

FILE = Path(__file__).parent / "fixtures" / "twarc2" / "tweets.csv"


def test_twarc_csv_rows() -> None:
    assert detect(FILE).name == "twarc-csv"
    items = list(TwarcCsv().read(FILE))
    rows = [r for i in items if isinstance(i, Record) for r in i.rows]
    posts = {r.id: r for r in rows if isinstance(r, Post)}
    assert posts["400"].kind == "original" and posts["400"].text == "We are #hiring!\nApply today"
    assert posts["400"].hashtags == ("hiring",) and posts["400"].urls == (
        "https://acme.example/jobs",
    )
    assert posts["401"].kind == "reply" and posts["401"].reply_to_handle == "janedoe"
    assert posts["401"].mentions == ("janedoe",)
    assert posts["402"].kind == "repost" and posts["402"].reposted_post_id == "390"
    assert {r.id for r in rows if isinstance(r, Account)} == {"1"}
    problems = [i for i in items if isinstance(i, Problem)]
    assert [(p.line, p.message) for p in problems] == [(5, "row without 'id' or 'author_id'")]


BAD = Path(__file__).parent / "fixtures" / "twarc2" / "tweets_bad_items.csv"


def test_a_bad_author_or_tweet_skips_only_that_part() -> None:
    items = list(TwarcCsv().read(BAD))
    rows = [r for i in items if isinstance(i, Record) for r in i.rows]
    posts = {r.id: r for r in rows if isinstance(r, Post)}
    assert set(posts) == {"700", "701", "703"}
    assert posts["701"].author_handle == "JaneDoe"  # the handle survives its bad profile
    # 3 wrote bad 702; 2's unreadable created_at costs that date only, told once
    assert {r.id for r in rows if isinstance(r, Account)} == {"1", "2", "3"}
    problems = [(p.line, p.message) for p in items if isinstance(p, Problem)]
    assert problems == [(4, f"tweet 702: unreadable timestamp 'not-a-date': {DATE_TO_DO}")]
    notices = [n for n in items if isinstance(n, Notice)]
    assert [(n.file, n.message.split(" (")[0]) for n in notices] == [
        (str(BAD), "1 account had a created_at that could not be read"),
        (str(BAD), "1 post has no date"),
    ]


def test_a_row_without_a_date_is_dated_from_its_id_and_a_quote_names_its_author(
    tmp_path: Path,
) -> None:
    header = (
        "id,referenced_tweets.retweeted.id,referenced_tweets.quoted.id,author_id,created_at,"
        "text,entities.mentions,entities.urls,author.username\n"
    )
    link = "https://twitter.com/JaneDoe/status/1577730467436138000"
    row = f'1577730467436138524,,1577730467436138000,1,,So true,"[""bob""]","[""{link}""]",Acme\n'
    path = tmp_path / "tweets.csv"
    path.write_text(header + row, encoding="utf-8")
    items = list(TwarcCsv().read(path))
    (post,) = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    assert post.created_at is not None and post.created_at.isoformat().startswith("2022-10-05")
    assert post.kind == "quote" and post.mentions == ("janedoe", "bob")  # the target first
    kinds, notice = [n.message for n in items if isinstance(n, Notice)]
    assert notice.startswith("1 post has no date") and ": dated from its id" in notice
    # the file has no column a reply is told by: said, as replies were read as posts
    assert kinds.startswith("this twarc2 CSV has no referenced_tweets.replied_to.id column")


def test_strict_transformer_raises() -> None:
    row = {"id": "9", "author_id": "1", "text": "hi", "created_at": "nope"}
    with pytest.raises(ValueError, match="unreadable timestamp 'nope'"):
        rows_from_twarc_csv(row)
    errors: list[str] = []
    assert rows_from_twarc_csv(row, errors) == [] and errors == [
        f"tweet 9: unreadable timestamp 'nope': {DATE_TO_DO}"
    ]


def test_a_windows_1252_file_is_decoded_and_said_so(tmp_path: Path) -> None:
    text = FILE.read_text(encoding="utf-8").replace("We are #hiring!", "Café señor #hiring!")
    latin = tmp_path / "tweets.csv"
    latin.write_bytes(text.encode("cp1252"))
    items = list(TwarcCsv().read(latin))
    posts = {r.id: r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)}
    assert posts["400"].text.startswith("Café señor #hiring!")  # not "Caf\ufffd"
    notices = [i.message for i in items if isinstance(i, Notice)]
    assert any("Windows-1252" in n for n in notices)


def test_a_stray_quote_loses_only_its_row_and_is_reported_where_it_opens(tmp_path: Path) -> None:
    lines = FILE.read_text(encoding="utf-8").splitlines()
    # Row 402's text opens a quote it never closes: csv would swallow 400 and 401 into it.
    broken = lines[3].replace("Original text", '"Original text')
    path = tmp_path / "tweets.csv"
    path.write_text("\n".join([lines[0], broken, *lines[1:3]]) + "\n", encoding="utf-8")
    items = list(TwarcCsv().read(path))
    posts = {r.id for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)}
    assert posts == {"400", "401"}
    problems = [(p.line, p.message) for p in items if isinstance(p, Problem)]
    assert len(problems) == 1 and problems[0][0] == 2
    assert problems[0][1].startswith("unclosed quote starting at line 2")


def test_a_row_wider_than_the_header_is_reported_not_misread(tmp_path: Path) -> None:
    lines = FILE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "tweets.csv"
    path.write_text("\n".join([lines[0], lines[2] + ",extra", lines[3]]) + "\n", encoding="utf-8")
    items = list(TwarcCsv().read(path))
    posts = {r.id for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)}
    assert posts == {"402"}
    assert [(p.line, p.message.split(" (")[0]) for p in items if isinstance(p, Problem)] == [
        (2, "row has 1 more cell than the header's 20 columns")
    ]


def test_a_reply_whose_parent_is_gone_is_a_reply_to_the_account_it_names() -> None:
    """QA s21: a reply to a deleted tweet has ``in_reply_to_user_id`` but no replied_to id;
    it was read as an original."""
    row = {
        "id": "403", "conversation_id": "350", "author_id": "1", "author.username": "Acme",
        "in_reply_to_user_id": "2", "in_reply_to_username": "JaneDoe",
        "created_at": "2026-03-01T12:00:00.000Z", "text": "@JaneDoe agreed",
        "referenced_tweets.replied_to.id": "", "referenced_tweets.quoted.id": "",
    }  # fmt: skip
    (post,) = [r for r in rows_from_twarc_csv(row) if isinstance(r, Post)]
    assert post.kind == "reply" and post.reply_to_post_id is None  # no parent invented
    assert (post.reply_to_account_id, post.reply_to_handle) == ("2", "janedoe")
    assert post.conversation_id == "350"
    (alone,) = [
        r for r in rows_from_twarc_csv({**row, "in_reply_to_user_id": ""}) if isinstance(r, Post)
    ]
    assert alone.kind == "original" and alone.reply_to_handle is None
    # the user not expanded (no in_reply_to_username): the @name the text opens with
    (bare,) = [
        r for r in rows_from_twarc_csv({**row, "in_reply_to_username": ""}) if isinstance(r, Post)
    ]
    assert (bare.reply_to_account_id, bare.reply_to_handle) == ("2", "janedoe")


def test_an_edited_tweet_replaces_the_version_an_older_csv_stored(tmp_path: Path) -> None:
    """twarc-csv writes edit_history_tweet_ids as a list, oldest first: the latest version
    of a tweet edited takes the place of the earlier one an older search stored."""
    header = "id,text,author_id,author.username,referenced_tweets.retweeted.id,"
    header += "edit_history_tweet_ids\n"
    before, after = tmp_path / "before.csv", tmp_path / "after.csv"
    before.write_text(header + '1801,Hiring wedlers,9,acme,,"[""1801""]"\n', encoding="utf-8")
    after.write_text(header + "1802,Hiring welders,9,acme,,\"['1801', '1802']\"\n")
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [before])
        report = import_paths(store, [after])
        posts = store.get_posts("x", ["1801", "1802"])
    assert list(posts) == ["1802"] and posts["1802"].text == "Hiring welders"
    assert report.new_posts == 0
    (row,) = [r for r in rows_from_twarc_csv({"id": "1801", "author_id": "9"}) if r]
    assert isinstance(row, Post) and row.aliases == ()  # never edited: no other id


def test_a_long_post_keeps_its_whole_text_from_the_note_tweet_column() -> None:
    """With tweet.fields=note_tweet, text holds the first 280 characters and note_tweet.text
    the whole post: the audit reads the post as written, not cut short."""
    whole = ("We are hiring " + "nurses, carers and cooks in Leeds. " * 10).strip()
    row = {"id": "1801", "author_id": "9", "text": whole[:277] + "…", "note_tweet.text": whole}
    (post,) = [r for r in rows_from_twarc_csv(row) if isinstance(r, Post)]
    assert post.text == whole
    (short,) = [
        r for r in rows_from_twarc_csv(row | {"note_tweet.text": ""}) if isinstance(r, Post)
    ]
    assert short.text == whole[:277] + "…"  # no note: the text as it is


def test_a_column_without_a_name_is_told_once(tmp_path: Path) -> None:
    lines = FILE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "tweets.csv"
    rows = [f"{line},note {n}" for n, line in enumerate(lines[1:])]
    path.write_text("\n".join([lines[0] + ",", *rows]) + "\n", encoding="utf-8")
    items = list(TwarcCsv().read(path))
    posts = {r.id for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)}
    assert posts == {"400", "401", "402"}
    notices = [i.message for i in items if isinstance(i, Notice)]
    assert [n.split(":")[0] for n in notices if "no name" in n] == [
        "the header (line 1) gives no name to column U (after"
        ' "author.public_metrics.followers_count"), though 4 rows have values in it (first on'
        " line 2)"
    ]


def test_a_text_a_spreadsheet_saved_as_a_formula_error_is_skipped_and_told(
    tmp_path: Path,
) -> None:
    # opened in Excel and saved, the reply "@dana_hr thanks, booked" came back as #NAME?
    path = tmp_path / "search_resaved.csv"
    path.write_text(
        "id,author_id,created_at,text,referenced_tweets.retweeted.id,author.id,author.username\n"
        "810,5,2026-03-01T10:00:00.000Z,Forklift shifts open in Dayton,,5,LakesideTemps\n"
        "811,5,2026-03-01T11:00:00.000Z,#NAME?,,5,LakesideTemps\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        texts = [row[0] for row in store.conn.execute("SELECT text FROM posts")]
    assert texts == ["Forklift shifts open in Dayton"]
    assert [label for _file, label in report.files] == ["twarc2 CSV"]
    (problem,) = report.problems
    assert (
        problem.line == 3 and "'text' holds #NAME?, an error a spreadsheet saved" in problem.message
    )
    assert "Data › From Text/CSV with the column text as Text" in problem.message


def test_a_row_cut_short_is_skipped_and_a_last_row_without_a_line_break_kept(
    tmp_path: Path,
) -> None:
    # a copy that stopped mid-row: row 401 lost its last cells, and came in as a whole tweet
    lines = FILE.read_text(encoding="utf-8").splitlines()
    short = lines[2][: lines[2].index(",en,")]
    path = tmp_path / "tweets.csv"
    # a sheet saved again (Google Sheets) ends its last line without a line break: the row is
    # whole, and was skipped as "cut short in its last cell"
    path.write_text("\n".join([lines[0], lines[1], short, lines[3]]), encoding="utf-8")
    items = list(TwarcCsv().read(path))
    rows = [r for i in items if isinstance(i, Record) for r in i.rows]
    assert {r.id for r in rows if isinstance(r, Post)} == {"400", "402"}
    assert {r.followers for r in rows if isinstance(r, Account)} == {120}
    problems = [(p.line, p.message) for p in items if isinstance(p, Problem)]
    assert [line for line, _ in problems] == [3]
    assert problems[0][1].startswith("row has 10 of the header's 20 cells: the line looks cut")
    assert problems[0][1].endswith(
        "make the CSV again with twarc2 csv from its JSONL, or copy the file again"
    )


def test_ids_a_spreadsheet_rounded_are_skipped_and_told_once_not_merged(tmp_path: Path) -> None:
    # opened in Excel and saved, every id became 1.60E+18: the three tweets were stored as
    # one post, "Skipped 0 records"
    lines = FILE.read_text(encoding="utf-8").splitlines()
    rows = ["1.60E+18," + line.split(",", 1)[1] for line in lines[1:4]]
    path = tmp_path / "tweets.csv"
    path.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    items = list(TwarcCsv().read(path))
    assert not [i for i in items if isinstance(i, Record)]
    (problem,) = [i for i in items if isinstance(i, Problem)]
    assert (problem.line, problem.records) == (2, 3)
    assert problem.message.startswith(
        "3 records, from this line on, have ids rounded by a spreadsheet ('id' is '1.60E+18'"
    )


def test_a_file_saved_as_unicode_text_is_still_read_as_twarc(tmp_path: Path) -> None:
    # Excel's "Unicode text" is tab-separated UTF-16 named .txt: it was read as a staffpulse
    # CSV, its retweet stored as an original post and its authors lost
    path = tmp_path / "tweets.txt"
    with FILE.open(encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    with path.open("w", encoding="utf-16", newline="") as sheet:
        csv.writer(sheet, delimiter="\t", lineterminator="\r\n").writerows(rows)
    assert detect(path).name == "twarc-csv"
    items = list(TwarcCsv().read(path))
    posts = {r.id: r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)}
    assert posts["402"].kind == "repost" and posts["401"].kind == "reply"


def test_a_date_a_spreadsheet_rewrote_gives_way_to_the_ids_time(tmp_path: Path) -> None:
    # saved from Excel, created_at read "3/1/2026 10:00": every tweet was skipped as
    # "unreadable timestamp", though its X id carries the time it was posted
    lines = FILE.read_text(encoding="utf-8").splitlines()
    excel = r"3/1/2026 \1:00"
    rows = [re.sub(r"2026-03-01T(\d\d):00:00.000Z", excel, line) for line in lines[1:3]]
    rows[0] = "1600000000000000001" + rows[0].removeprefix("400")  # an X id, with its time
    path = tmp_path / "tweets.csv"
    path.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    items = list(TwarcCsv().read(path))
    posts = {r.id: r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)}
    assert posts["1600000000000000001"].created_at == datetime(
        2022, 12, 6, 5, 31, 41, 219000, tzinfo=UTC
    )
    notes = [n.message for n in items if isinstance(n, Notice)]
    assert any(
        n.startswith("1 post had a created_at that could not be read ('3/1/2026 10:00' first")
        for n in notes
    )
    # 401's id is too small to carry a time: skipped, told what to do
    (problem,) = [p for p in items if isinstance(p, Problem)]
    assert problem.line == 3 and problem.message.endswith(
        "or make the CSV again with twarc2 csv and import it without opening it in a spreadsheet"
    )


def test_an_authors_date_a_spreadsheet_rewrote_keeps_the_author_told_once(
    tmp_path: Path,
) -> None:
    # every row's author was dropped, told on every line, when its created_at was 3/1/2012
    header = "id,text,author_id,referenced_tweets.retweeted.id,author.id,author.username,"
    row = "{n},Shift {n} open,1,,1,AcmeStaffing,3/1/2012 10:00\n"
    path = tmp_path / "tweets.csv"
    path.write_text(header + "author.created_at\n" + row.format(n=5) + row.format(n=6))
    items = list(TwarcCsv().read(path))
    rows = [r for i in items if isinstance(i, Record) for r in i.rows]
    assert {r.id for r in rows if isinstance(r, Account)} == {"1"}
    assert {r.id for r in rows if isinstance(r, Post)} == {"5", "6"}
    assert not [p for p in items if isinstance(p, Problem)]
    notes = [n.message for n in items if isinstance(n, Notice)]
    assert any(
        n.startswith("1 account had a created_at that could not be read ('3/1/2012 10:00'")
        for n in notes
    )
    # another row of the file gives the date: the account has it, and is not told undated
    path.write_text(header + "author.created_at\n" + row.format(n=5) + "7,Day shift,1,,1,"
                    "AcmeStaffing,2012-03-01T10:00:00.000Z\n")  # fmt: skip
    items = list(TwarcCsv().read(path))
    assert not [n for n in items if isinstance(n, Notice) and "1 account" in n.message]


def test_a_count_that_is_no_number_is_told_not_dropped_unsaid(tmp_path: Path) -> None:
    # "1.2K" (as X's page shows it) was read as no count at all, with not a word
    lines = FILE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "tweets.csv"
    path.write_text("\n".join([lines[0], lines[1].replace(",en,3,1,", ",en,1.2K,1,")]) + "\n")
    items = list(TwarcCsv().read(path))
    (post,) = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    assert (post.likes, post.reposts) == (None, 1)  # the other counts kept
    notes = [n.message for n in items if isinstance(n, Notice)]
    assert any(
        n.startswith("'public_metrics.like_count' of 1 record (line 2) is no whole number")
        and "'1.2K'" in n
        for n in notes
    )


def test_counts_a_european_spreadsheet_saved_are_read_right_or_told(tmp_path: Path) -> None:
    # "1.234" (a thousand, grouped with a dot) was read as 1 like, "2.5" as 2 and "-5" stored;
    # "12,0" (12.0 saved where the comma is the decimal mark) was left out though it is 12
    lines = FILE.read_text(encoding="utf-8").splitlines()
    row = lines[1].replace(",en,3,1,", ',en,"{likes}","{reposts}",')
    written = [("1.234", "12,0"), ("2.5", "1,234"), ("-5", "7")]
    rows = [row.replace("400", str(410 + n)).format(likes=a, reposts=b) for n, (a, b) in
            enumerate(written)]  # fmt: skip
    path = tmp_path / "tweets.csv"
    path.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    items = list(TwarcCsv().read(path))
    posts = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    assert [(p.likes, p.reposts) for p in posts] == [(None, 12), (None, 1234), (None, 7)]
    (note,) = [n.message for n in items if isinstance(n, Notice)]
    assert note.startswith("'public_metrics.like_count' of 3 records (lines 2, 3, 4) are no")
    assert "(the first: '1.234')" in note
    assert "make the CSV again with twarc2 csv, without opening and saving it in a" in note


def test_a_dotted_thousand_is_read_where_the_file_writes_decimals_with_a_comma(
    tmp_path: Path,
) -> None:
    # a CSV pandas wrote "12.0" in, saved again where the comma marks decimals ("12,0"):
    # its "1.400" is 1400, and was left out; its "1,500" may be 1.5 as well, and was 1500
    lines = FILE.read_text(encoding="utf-8").splitlines()
    row = lines[1].replace(",en,3,1,", ',en,"{likes}","{reposts}",')
    written = [("1.400", "12,0"), ("1,500", "3")]
    rows = [row.replace("400", str(410 + n)).format(likes=a, reposts=b) for n, (a, b) in
            enumerate(written)]  # fmt: skip
    path = tmp_path / "tweets.csv"
    path.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    items = list(TwarcCsv().read(path))
    posts = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    assert [(p.likes, p.reposts) for p in posts] == [(1400, 12), (None, 3)]
    read, unsure = [n.message for n in items if isinstance(n, Notice)]
    assert read == (
        "'public_metrics.like_count' of 1 record (line 2) is written with a dot between groups "
        "of three digits ('1.400'), so it was read as the whole number 1400: the file writes "
        "decimals with a comma (line 2, 'public_metrics.retweet_count': '12,0'), so its dot "
        "groups thousands. If that is wrong, make the CSV again with twarc2 csv, without "
        "opening and saving it in a spreadsheet, or write whole numbers with digits only, e.g. "
        "1234, then import the file again"
    )
    assert unsure.startswith(
        "'public_metrics.like_count' of 1 record (line 3) is written with a comma before three "
        "digits ('1,500'): the file writes decimals with a comma"
    )
