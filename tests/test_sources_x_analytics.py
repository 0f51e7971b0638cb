"""The X Analytics export ("By Tweet" CSV), on a small hand-written file of its schema."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.x_analytics import XAnalytics, rows_from_analytics
from staffpulse.store import open_store
from staffpulse.store.core import Record

FILE = (
    Path(__file__).parent
    / "fixtures"
    / "x_analytics"
    / "tweet_activity_metrics_AcmeStaffing_20221201_20221231_en.csv"
)
ROW = {
    "tweet_id": "1600000000000000001",
    "tweet_permalink": "https://twitter.com/AcmeStaffing/status/1600000000000000001",
    "tweet_text": "@JaneDoe see you at the fair &amp; bring a CV",
    "time": "2022-12-06 05:31 +0000",
    "impressions": "10.0",
    "retweets": "1.0",
    "replies": "0.0",
    "likes": "-",
}


def test_the_file_says_once_that_it_holds_no_reposts() -> None:
    (notice,) = [item for item in XAnalytics().read(FILE) if isinstance(item, Notice)]
    assert notice.message.startswith("X Analytics lists the account's own posts only, never")


def _read(path: Path) -> tuple[dict[str, Post], list[Account], list[Problem]]:
    items = list(XAnalytics().read(path))
    rows = [row for item in items if isinstance(item, Record) for row in item.rows]
    posts = {row.id: row for row in rows if isinstance(row, Post)}
    accounts = [row for row in rows if isinstance(row, Account)]
    return posts, accounts, [item for item in items if isinstance(item, Problem)]


def test_detected_by_its_header_not_told_to_rename_columns() -> None:
    # before, it was "not a format staffpulse can import: rename tweet_id to id, add author"
    assert detect(FILE).name == "x-analytics"


def test_the_author_is_the_handle_of_each_rows_link_and_gets_one_bare_account() -> None:
    posts, accounts, _ = _read(FILE)
    assert [(a.id, a.handle, a.name_known, a.bio_known) for a in accounts] == [
        ("acmestaffing", "AcmeStaffing", False, False)
    ]
    assert {p.author_id for p in posts.values()} == {"acmestaffing"}
    first = posts["1600000000000000001"]
    assert first.url == "https://x.com/AcmeStaffing/status/1600000000000000001"
    assert first.text == (
        "We are hiring forklift operators in Dayton & Columbus! #hiring https://t.co/abc123"
    )
    assert first.hashtags == ("hiring",) and first.urls == ()  # t.co links: in the text only


def test_time_from_the_id_counts_as_of_the_newest_post_and_dashes_are_no_count() -> None:
    posts, _, _ = _read(FILE)
    first = posts["1600000000000000001"]
    # the id's time to the second (as an archive has it), not the column's minute
    assert first.created_at == datetime(2022, 12, 6, 5, 31, 41, 219000, tzinfo=UTC)
    assert (first.likes, first.reposts, first.replies, first.quotes) == (12, 3, 1, None)
    newest = max(p.created_at for p in posts.values() if p.created_at)
    assert {p.observed_at for p in posts.values()} == {newest}
    post = rows_from_analytics(ROW)[-1]
    assert isinstance(post, Post) and post.likes is None and post.reposts == 1


def test_a_post_starting_with_a_handle_is_a_reply_to_that_account() -> None:
    posts, _, _ = _read(FILE)
    reply = posts["1600000000000000002"]
    assert reply.kind == "reply" and reply.reply_to_handle == "janedoe"
    assert reply.reply_to_post_id is None and reply.conversation_id is None
    assert reply.mentions == ()  # whom it answers, as an archive has it: no mention
    answered = rows_from_analytics({**ROW, "tweet_text": "@JaneDoe @Bob ask @Dana_HR"})[-1]
    assert isinstance(answered, Post) and answered.mentions == ("dana_hr",)
    tips = posts["1600000000000000003"]  # a text over several lines, quotes doubled
    assert tips.kind == "original" and tips.text.endswith('Ask "what does success look like?"')
    # no conversation: an archive's reply in a thread (listed here without "@") keeps its own
    assert tips.conversation_id is None


def test_a_row_without_a_link_or_cut_short_is_reported_on_its_line() -> None:
    posts, _, problems = _read(FILE)
    assert len(posts) == 3
    assert [p.line for p in problems] == [8, 9]
    assert problems[0].message.startswith("'Tweet permalink' 'not a link' is not a link to a post")
    assert problems[1].message.startswith("row has 5 of the header's 14 cells")


def test_transformer_is_pure_and_reads_the_newer_exports_names() -> None:
    before = dict(ROW)
    rows_from_analytics(ROW)
    assert before == ROW
    newer = {
        "post_id": "1600000000000000009",
        "post_link": "https://x.com/AcmeStaffing/status/1600000000000000009",
        "post_text": "Open day on Friday",
        "date": "Tue, Dec 06, 2022",
        "reposts": "2",
    }
    post = rows_from_analytics(newer)[-1]
    assert isinstance(post, Post) and post.author_handle == "AcmeStaffing" and post.reposts == 2
    with pytest.raises(ValueError, match="should be an X post id"):
        rows_from_analytics({**ROW, "tweet_id": "abc"})


def test_import_twice_adds_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.sqlite") as store:
        first = import_paths(store, [FILE])
        assert (first.new_posts, first.new_accounts, first.skipped) == (3, 1, 2)
        stats = store.stats()
        again = import_paths(store, [FILE])
        assert (again.new_posts, again.new_accounts, again.updated_posts) == (0, 0, 0)
        assert store.stats() == stats
        account = store.find_account("acmestaffing")
        assert len(list(store.posts_by("x", account.id))) == 3


def test_a_reply_a_spreadsheet_saved_as_a_formula_error_is_skipped_and_told(
    tmp_path: Path,
) -> None:
    # opened in Excel and saved, "@dana_hr thanks!" came back as #NAME?: never stored as a post
    path = tmp_path / "tweet_activity_resaved.csv"
    link = "https://twitter.com/LakesideTemps/status/16000000000000000"
    path.write_text(
        "Tweet id,Tweet permalink,Tweet text,time,impressions\n"
        f"1600000000000000011,{link}11,Open day at the branch on Friday,2022-12-06 05:31 +0000,9\n"
        f"1600000000000000012,{link}12,#NAME?,2022-12-06 05:31 +0000,4\n",
        encoding="utf-8",
    )
    posts, _, problems = _read(path)
    assert list(posts) == ["1600000000000000011"]
    assert [(p.line, p.message.split(",")[0]) for p in problems] == [
        (3, "'Tweet text' holds #NAME?")
    ]
    assert "Data › From Text/CSV with the column Tweet text as Text" in problems[0].message


def test_a_sheet_saved_again_without_a_last_line_break_keeps_its_last_row(
    tmp_path: Path,
) -> None:
    # saved again by a spreadsheet (no quotes, no line break after the last row, as Google
    # Sheets writes it): the whole last row was skipped as "cut short in its last cell"
    path = tmp_path / "tweet_activity_metrics.csv"
    header = "Tweet id,Tweet permalink,Tweet text,time,impressions,retweets,replies,likes"
    link = "https://twitter.com/AcmeStaffing/status/"
    rows = [
        f"1600000000000000001,{link}1600000000000000001,Open day on Friday,"
        "2022-12-06 05:31 +0000,100,1,0,3",
        f"1600000000000000002,{link}1600000000000000002,Night shifts open,"
        "2022-12-07 05:31 +0000,300,2,1,14",
    ]
    path.write_text("\r\n".join([header, *rows]), encoding="utf-8")
    posts, _, problems = _read(path)
    assert not problems
    assert posts["1600000000000000002"].likes == 14


def test_a_copy_cut_inside_a_quoted_cell_skips_that_row(tmp_path: Path) -> None:
    # X quotes every cell: a copy that stopped inside the last one leaves its quote open
    text = FILE.read_text(encoding="utf-8").rstrip("\r\n")
    path = tmp_path / "tweet_activity_metrics.csv"
    path.write_text(text[:-3], encoding="utf-8")
    posts, _, problems = _read(path)
    assert len(posts) == 3 and [p.line for p in problems][-1] == 9
    assert "unclosed quote starting at line 9" in problems[-1].message
    assert "was it cut short?" in problems[-1].message


def test_a_file_whose_last_cell_closes_its_quote_is_whole(tmp_path: Path) -> None:
    # X quotes every cell: a last row that ends with its closing quote lost nothing
    text = FILE.read_text(encoding="utf-8").rstrip("\r\n")
    path = tmp_path / "tweet_activity_metrics.csv"
    path.write_text(text[: text.rindex("\n")].rstrip("\r"), encoding="utf-8")
    posts, _, problems = _read(path)
    assert len(posts) == 3 and [p.line for p in problems] == [8]


def test_ids_a_spreadsheet_rounded_are_read_whole_from_their_links(tmp_path: Path) -> None:
    # opened in Excel and saved, every Tweet id read 1.6E+18: every row was skipped, though
    # each row's permalink still holds its id whole
    path = tmp_path / "tweet_activity_metrics.csv"
    link = "https://twitter.com/AcmeStaffing/status/"
    rows = [
        f"1.6E+18,{link}160000000000000000{n},Open day {n},2022-12-06 05:31 +0000,10,0,0,{n}"
        for n in range(1, 4)
    ]
    # a link to another post (pasted over it) cannot vouch for the id: told once, skipped
    rows.append(f"1.6E+18,{link}1700000000000000009,Open day 9,2022-12-06 05:31 +0000,1,0,0,1")
    header = "Tweet id,Tweet permalink,Tweet text,time,impressions,retweets,replies,likes"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    posts, _, problems = _read(path)
    assert {post_id: post.likes for post_id, post in posts.items()} == {
        "1600000000000000001": 1,
        "1600000000000000002": 2,
        "1600000000000000003": 3,
    }
    assert [(p.line, p.records) for p in problems] == [(5, 1)]
    assert "an id rounded by a spreadsheet ('Tweet id' is '1.6E+18'" in problems[0].message


def test_a_rounded_id_unlike_its_link_is_read_from_a_link_of_the_rows_minute(
    tmp_path: Path,
) -> None:
    # a rounded cell retyped or pasted over ('6,1E+17' rounds no id of the link) was skipped
    # though the row's permalink, written in the row's minute, holds its post's id whole
    path = tmp_path / "tweet_activity_metrics.csv"
    link = "https://twitter.com/AcmeStaffing/status/"
    path.write_text(
        "Tweet id;Tweet permalink;Tweet text;time;impressions;retweets;replies;likes\r\n"
        f"6,1E+17;{link}1600000000000000004;Badge pickup at the gate;2022-12-06 05:31 +0000;"
        "10;0;0;2\r\n"
        f"1,6E+18;{link}1600000000000000005;Shuttle leaves at nine;2022-12-06 05:31 +0000;"
        "10;0;0;3\r\n",
        encoding="utf-8",
    )
    items = list(XAnalytics().read(path))
    posts = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    assert [(p.id, p.likes) for p in posts] == [
        ("1600000000000000004", 2),
        ("1600000000000000005", 3),
    ]
    assert not [i for i in items if isinstance(i, Problem)]
    # told once for the file, counted, with the first line
    (told,) = [i.message for i in items if isinstance(i, Notice) and "rounded" in i.message]
    assert told == (
        "the Tweet id of 2 rows (the first on line 2) was rounded by a spreadsheet ('6,1E+17':"
        " scientific notation has lost the last digits), so their ids were read whole from"
        " their Tweet permalink; nothing was lost (a post imported again is not stored twice)"
    )


def test_counts_saved_with_a_decimal_comma_are_read_as_whole_numbers(tmp_path: Path) -> None:
    # saved again by a spreadsheet where the comma is the decimal mark (semicolons between
    # cells): "12,0" made every row a "should be a whole number" error
    path = tmp_path / "tweet_activity_metrics.csv"
    link = "https://twitter.com/AcmeStaffing/status/1600000000000000001"
    path.write_text(
        "Tweet id;Tweet permalink;Tweet text;time;impressions;retweets;replies;likes\r\n"
        f"1600000000000000001;{link};Open day;2022-12-06 05:31 +0000;100,0;3,0;1,00;12,0\r\n",
        encoding="utf-8-sig",
    )
    posts, _, problems = _read(path)
    assert not problems
    post = posts["1600000000000000001"]
    assert (post.likes, post.reposts, post.replies) == (12, 3, 1)
    thousand = rows_from_analytics({**ROW, "likes": "1,000"})[-1]  # no decimal comma
    assert isinstance(thousand, Post) and thousand.likes == 1000


def test_ids_a_spreadsheet_saved_with_zeros_are_read_whole_from_their_links(
    tmp_path: Path,
) -> None:
    # saved from a number column, every Tweet id read 1712345678901230000 (15 digits kept):
    # the three posts were stored as one
    path = tmp_path / "tweet_activity_metrics.csv"
    link = "https://twitter.com/AcmeStaffing/status/"
    whole = ["1712345678901234501", "1712345678901234502", "1712345678901225503"]
    rows = [
        f"1712345678901230000,{link}{post_id},Open day {n},2022-12-06 05:31 +0000,10,0,0,{n}"
        for n, post_id in enumerate(whole)
    ]
    header = "Tweet id,Tweet permalink,Tweet text,time,impressions,retweets,replies,likes"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    posts, _, problems = _read(path)
    assert list(posts) == whole and not problems  # the last was rounded up: 122|5503
    # read as the float 1712345678901244928, this id is saved rounded down, not up: it was
    # stored under 1712345678901240000, an id X never gave it
    path.write_text(
        f"{header}\n1712345678901240000,{link}1712345678901245010,Open day,2022-12-06 05:31"
        " +0000,10,0,0,1\n",
        encoding="utf-8",
    )
    posts, _, problems = _read(path)
    assert list(posts) == ["1712345678901245010"] and not problems


def test_a_count_that_is_no_whole_number_costs_that_count_not_the_post(tmp_path: Path) -> None:
    # "1.2K" (as X's page shows it) or "2,5" skipped the whole post. (A "1.234" here is read
    # as 1234: the "2,5" and "12,0" show the file's comma is its decimal mark, csv_decimals)
    path = tmp_path / "tweet_activity_metrics.csv"
    link = "https://twitter.com/AcmeStaffing/status/"
    rows = [
        f"160000000000000000{n},{link}160000000000000000{n},Open day {n},2022-12-06 05:31"
        f' +0000,10,"{likes}",0,"{likes}"'
        for n, likes in ((1, "1.2K"), (2, "2,5"), (3, "12,0"))
    ]
    header = "Tweet id,Tweet permalink,Tweet text,time,impressions,retweets,replies,likes"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    items = list(XAnalytics().read(path))
    posts = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    assert [(p.id[-1], p.likes, p.reposts) for p in posts] == [
        ("1", None, None),
        ("2", None, None),
        ("3", 12, 12),
    ]
    assert not [i for i in items if isinstance(i, Problem)]
    notes = [n.message for n in items if isinstance(n, Notice)]
    assert notes[0].startswith("'likes' of 2 records (lines 2, 3) are no whole numbers")
    assert notes[1].startswith("'retweets' of 2 records (lines 2, 3) are no whole numbers")
    # X wrote the counts, a spreadsheet rewrote them: the fix is a new export, not typing
    assert "export the file from X Analytics again, without opening and saving it in a" in notes[0]
    assert "write whole numbers" not in notes[0]


def test_the_totals_by_day_are_told_what_they_are_not_how_to_fix_them(tmp_path: Path) -> None:
    # told "a staffpulse CSV of posts needs the columns id, author and text": no fix gives
    # a file of daily totals its posts
    path = tmp_path / "account_overview_analytics.csv"
    path.write_text(
        "Date,Impressions,Likes,Engagements,New follows,Unfollows,Replies,Reposts\n"
        '"Sat, Mar 01, 2025",1200,30,55,4,0,3,5\n',
        encoding="utf-8",
    )
    with pytest.raises(UnknownFormatError) as raised:
        detect(path)
    said = str(raised.value)
    assert "this is X Analytics' totals by day" in said and "export the posts instead" in said
    assert "needs the columns id, author and text" not in said
    assert "fix the file" not in (raised.value.hint or "")


def _german_export(path: Path, *likes: str) -> list[str]:
    """An X Analytics export saved again where the comma is the decimal mark (its engagement
    rate ``0,031``), one post a like count in ``likes``; the notes of its import."""
    link = "https://twitter.com/AcmeStaffing/status/"
    rows = [
        f"160000000000000000{n};{link}160000000000000000{n};Open day {n};2022-12-06 05:31"
        f" +0000;2000;0,031;0;0;{count}"
        for n, count in enumerate(likes, start=1)
    ]
    header = "Tweet id;Tweet permalink;Tweet text;time;impressions;engagement rate;retweets"
    path.write_text("\n".join([f"{header};replies;likes", *rows]) + "\n", encoding="utf-8")
    return [n.message for n in XAnalytics().read(path) if isinstance(n, Notice)]


def test_a_dotted_thousand_is_read_where_the_file_writes_decimals_with_a_comma(
    tmp_path: Path,
) -> None:
    # Excel set to German shows 1400 as "1.400": it was left out, though the file's "0,031"
    # shows its dot groups thousands
    path = tmp_path / "tweet_activity_metrics.csv"
    notes = _german_export(path, "1.400", "12")
    posts, _, problems = _read(path)
    assert [p.likes for p in posts.values()] == [1400, 12] and not problems
    assert notes[0] == (
        "'likes' of 1 record (line 2) is written with a dot between groups of three digits "
        "('1.400'), so it was read as the whole number 1400: the file writes decimals with a "
        "comma (line 2, 'engagement_rate': '0,031'), so its dot groups thousands. If that is "
        "wrong, export the file from X Analytics again, without opening and saving it in a "
        "spreadsheet (one set to another language can write 1234 as 1.234), then import the "
        "file again"
    )  # X wrote the count in digits: the fix is a new export, not numbers typed again


def test_a_comma_thousand_where_the_comma_marks_decimals_is_left_out_and_told(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tweet_activity_metrics.csv"
    notes = _german_export(path, "1,250", "7")
    posts, _, _ = _read(path)
    assert [p.likes for p in posts.values()] == [None, 7]  # 1.25 or 1250? not guessed
    assert notes[0].startswith(
        "'likes' of 1 record (line 2) is written with a comma before three digits ('1,250'): "
        "the file writes decimals with a comma (line 2, 'engagement_rate': '0,031')"
    )
    # X wrote the count in digits: the fix is a new export, as for any count a sheet rewrote
    assert "not guessed; export the file from X Analytics again, without opening" in notes[0]


def test_an_export_with_its_text_column_renamed_is_told_to_name_it_back(tmp_path: Path) -> None:
    # renamed "Text" in a spreadsheet: it was told the id, author and text columns of a
    # staffpulse CSV to add, as if it were one
    path = tmp_path / "tweet_activity_metrics.csv"
    path.write_text(
        '"Tweet id","Tweet permalink","Text","time","impressions","likes"\n'
        '"1600000000000000001","https://twitter.com/AcmeStaffing/status/1600000000000000001",'
        '"Forklift shifts open","2022-12-06 05:31 +0000","1200.0","12.0"\n',
        encoding="utf-8",
    )
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    told = refused.value.message
    assert 'an X Analytics export without its column "Tweet text"' in told
    assert "Give that column its name back, or export the file from X Analytics again" in told
    assert "author" not in told
