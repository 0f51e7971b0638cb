"""Customer Support on Twitter (TWCS) CSV on a small hand-written file of its schema."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.twcs import Thread, Twcs, rows_from_twcs
from staffpulse.store import open_store
from staffpulse.store.core import Record

FILE = Path(__file__).parent / "fixtures" / "twcs" / "support.csv"


def _read(path: Path) -> tuple[dict[str, Post], list[Account], list[Problem], list[Notice]]:
    items = list(Twcs().read(path))
    rows = [row for item in items if isinstance(item, Record) for row in item.rows]
    posts = {row.id: row for row in rows if isinstance(row, Post)}
    accounts = [row for row in rows if isinstance(row, Account)]
    problems = [item for item in items if isinstance(item, Problem)]
    return posts, accounts, problems, [item for item in items if isinstance(item, Notice)]


def test_detected_by_its_header_before_the_staffpulse_csv() -> None:
    # Its header has text and author_id, which the staffpulse CSV would take (and refuse).
    assert detect(FILE).name == "twcs"


def test_replies_are_linked_to_their_parent_author_and_conversation() -> None:
    posts, _, _, _ = _read(FILE)
    assert posts["twcs:10"].kind == "original" and posts["twcs:10"].conversation_id == "twcs:10"
    answer = posts["twcs:13"]
    assert answer.kind == "reply" and answer.reply_to_post_id == "twcs:12"
    assert answer.reply_to_account_id == "twcs:900001" and answer.reply_to_handle is None
    assert answer.conversation_id == "twcs:10"  # the tweet the chain started with
    back = posts["twcs:12"]
    assert back.reply_to_account_id == "acmehelp" and back.reply_to_handle == "acmehelp"
    assert back.created_at == datetime(2026, 3, 2, 9, 20, tzinfo=UTC)


def test_a_chain_whose_start_is_not_in_the_file_has_no_conversation_id() -> None:
    posts, _, _, _ = _read(FILE)
    assert posts["twcs:20"].reply_to_post_id == "twcs:19"  # 19 is not in the file
    assert posts["twcs:20"].reply_to_account_id is None
    assert posts["twcs:20"].conversation_id is None and posts["twcs:21"].conversation_id is None
    assert posts["twcs:21"].reply_to_handle == "betaship"


def test_brands_get_accounts_customers_are_kept_by_number_with_one_notice() -> None:
    posts, accounts, _, notices = _read(FILE)
    assert sorted((a.id, a.handle, a.url) for a in accounts) == [
        ("acmehelp", "AcmeHelp", "https://x.com/AcmeHelp"),
        ("betaship", "BetaShip", "https://x.com/BetaShip"),
    ]  # each brand once, though AcmeHelp wrote two tweets
    assert not any(a.name_known or a.bio_known for a in accounts)  # the set has no profiles
    customer = posts["twcs:10"]
    assert customer.author_id == "twcs:900001" and customer.author_handle == ""
    assert customer.platform == "x" and customer.url is None  # no real status id to link to
    assert [n.message.split(",")[0] for n in notices] == ["3 posts by 2 customers"]


def test_text_is_decoded_and_numbers_standing_for_customers_are_not_mentions() -> None:
    posts, _, _, _ = _read(FILE)
    assert posts["twcs:10"].text == "@AcmeHelp my order never came & nobody answers #late"
    assert posts["twcs:10"].hashtags == ("late",)
    assert posts["twcs:11"].mentions == ()  # "@900001" is a customer's number, not a handle
    assert posts["twcs:12"].mentions == ("acmehelp", "betaship")
    assert posts["twcs:13"].urls == ("https://t.co/abc",)
    assert posts["twcs:21"].mentions == ("betaship",)  # not "example" from an e-mail address


def test_malformed_rows_are_reported_with_their_line_and_the_rest_kept() -> None:
    posts, _, problems, _ = _read(FILE)
    assert len(posts) == 6
    assert [(p.line, p.message) for p in problems] == [
        (8, "unreadable timestamp 'someday'"),
        (9, "inbound should be True or False, got 'maybe'"),
    ]


def test_a_stray_quote_costs_only_its_row(tmp_path: Path) -> None:
    lines = FILE.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("@AcmeHelp my order", '"@AcmeHelp my order')
    path = tmp_path / "support.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    posts, _, problems, _ = _read(path)
    assert "twcs:10" not in posts and "twcs:11" in posts and len(posts) == 5
    assert problems[0].line == 2 and problems[0].message.startswith("unclosed quote")
    assert posts["twcs:11"].conversation_id is None  # its root was the row that was lost


def test_transformer_is_pure_and_strict() -> None:
    row = {
        "tweet_id": "5",
        "author_id": "AcmeHelp",
        "inbound": "False",
        "created_at": "",
        "text": "@900009 hi",
        "in_response_to_tweet_id": "4",
    }
    before = dict(row)
    rows = rows_from_twcs(row, Thread(parent_author="twcs:900009", root="1"))
    assert row == before
    post = rows[-1]
    assert isinstance(post, Post) and post.conversation_id == "twcs:1"
    assert post.created_at is None and post.reply_to_account_id == "twcs:900009"
    with pytest.raises(ValueError, match="tweet_id should be a number"):
        rows_from_twcs({**row, "tweet_id": "abc"})
    with pytest.raises(ValueError, match="row without 'author_id'"):
        rows_from_twcs({**row, "author_id": ""})


def test_import_twice_adds_nothing_and_the_brand_is_found(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.sqlite") as store:
        first = import_paths(store, [FILE])
        assert (first.new_posts, first.new_accounts, first.skipped) == (6, 2, 2)
        stats = store.stats()
        again = import_paths(store, [FILE])
        assert (again.new_posts, again.new_accounts) == (0, 0) and store.stats() == stats
        brand = store.find_account("acmehelp")
        assert [p.id for p in store.posts_by("x", brand.id)] == ["twcs:11", "twcs:13"]
        assert {p.id for p in store.posts_mentioning(brand)} == {"twcs:10", "twcs:12"}


def test_a_row_cut_short_is_skipped_with_its_line_not_stored_as_an_original(
    tmp_path: Path,
) -> None:
    """QA s20: a file cut in its last row (5 of 7 cells, its text cut) was imported silently,
    as an original post with the cut text."""
    text = FILE.read_text(encoding="utf-8")
    cut = text[: text.index("it arrives tomorrow")]  # row 13 loses its end, and 20, 21, ...
    path = tmp_path / "support.csv"
    path.write_text(cut, encoding="utf-8")
    posts, _, problems, _ = _read(path)
    assert "twcs:13" not in posts and sorted(posts) == ["twcs:10", "twcs:11", "twcs:12"]
    assert [p.line for p in problems] == [5]
    assert "cut short" in problems[0].message and "5 of the header's 7" in problems[0].message


def test_a_header_a_spreadsheet_title_cased_is_read_as_the_datasets(tmp_path: Path) -> None:
    lines = FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    titled = ",".join(c.replace("_", " ").title() for c in lines[0].rstrip("\r\n").split(","))
    path = tmp_path / "support.csv"
    path.write_text(titled + "\n" + "".join(lines[1:]), encoding="utf-8")  # "Tweet Id", ...
    assert detect(path).name == "twcs"
    posts, _, problems, _ = _read(path)
    expected = [(p.line, p.message) for p in _read(FILE)[2]]
    assert set(posts) == set(_read(FILE)[0]) and [(p.line, p.message) for p in problems] == expected


def test_a_twcs_table_saved_under_a_json_name_is_read_and_told(tmp_path: Path) -> None:
    # QA s28: the TWCS sample renamed .json was refused as "not a format staffpulse can import"
    path = tmp_path / "support.json"
    path.write_bytes(FILE.read_bytes())
    assert isinstance(detect(path), Twcs)
    posts, _accounts, _problems, notices = _read(path)
    assert posts.keys() == _read(FILE)[0].keys()
    assert any(
        "named .json but holds a CSV table (no JSON): read as one" in n.message for n in notices
    )


def test_a_text_a_spreadsheet_saved_as_a_formula_error_is_skipped_and_told(
    tmp_path: Path,
) -> None:
    # opened in Excel and saved, a customer's "@AcmeHelp my order is late" came back as #NAME?
    path = tmp_path / "support_resaved.csv"
    path.write_text(
        "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
        "31,AcmeHelp,False,Mon Mar 02 09:00:00 +0000 2026,Our desk opens at nine,,\n"
        "32,900007,True,Mon Mar 02 09:05:00 +0000 2026,#NAME?,,31\n",
        encoding="utf-8",
    )
    posts, _, problems, _ = _read(path)
    assert list(posts) == ["twcs:31"]
    assert [(p.line, p.message.split(",")[0]) for p in problems] == [(3, "'text' holds #NAME?")]


def test_a_file_cut_in_its_last_cell_skips_that_row_not_a_whole_looking_one(
    tmp_path: Path,
) -> None:
    # every cell of row 13 is there, but its reply's id lost digits ("12" cut to "1"): read as
    # it is, it was linked to a post 1 in silence
    text = FILE.read_text(encoding="utf-8")
    row = text.index("\n13,") + 1
    cut = text[: text.index("\n", row)].rstrip("\r")[:-1]
    path = tmp_path / "support.csv"
    path.write_text(cut, encoding="utf-8")
    posts, _, problems, _ = _read(path)
    assert sorted(posts) == ["twcs:10", "twcs:11", "twcs:12"]
    assert [p.line for p in problems] == [5]
    assert problems[0].message.startswith(
        "the file ends in this row without a line break: it looks cut short in its last cell"
    )
    assert problems[0].message.endswith(
        "(if this row is whole, put a line break after it and import the file again)"
    )
    path.write_text(cut + "2\n", encoding="utf-8")  # whole again: the row is read
    assert "twcs:13" in _read(path)[0] and _read(path)[2] == []


def test_a_whole_last_row_without_a_line_break_is_read(tmp_path: Path) -> None:
    # a sheet saved again ends its last line so: row 13 was skipped as "cut short" though the
    # post it answers (12) lists it among its replies, and a row answering none was too
    text = FILE.read_text(encoding="utf-8")
    row = text.index("\n13,") + 1
    path = tmp_path / "support.csv"
    path.write_text(text[: text.index("\n", row)].rstrip("\r"), encoding="utf-8")
    posts, _, problems, _ = _read(path)
    assert "twcs:13" in posts and problems == []
    answering_none = text[: text.index("\n", row)] + "\n14,900009,True,Mon Mar 02 12:00:00 +0000"
    path.write_text(answering_none + " 2026,@AcmeHelp where is my parcel,,", encoding="utf-8")
    posts, _, problems, _ = _read(path)
    assert "twcs:14" in posts and problems == []


def test_a_whole_file_saved_as_unicode_text_keeps_its_last_row(tmp_path: Path) -> None:
    # UTF-16 ends with a line break's two bytes; its last byte alone (0) was read as a cut
    path = tmp_path / "support.csv"
    path.write_text(FILE.read_text(encoding="utf-8"), encoding="utf-16")
    _, _, problems, _ = _read(path)
    assert not any("cut short" in p.message for p in problems)


def test_parent_ids_saved_as_floats_are_read_as_their_numbers(tmp_path: Path) -> None:
    # a column of parent ids with blanks, saved by pandas, reads "10.0": every reply was
    # skipped as "in_response_to_tweet_id should be a number"
    text = FILE.read_text(encoding="utf-8")
    path = tmp_path / "twcs.csv"
    path.write_text(text.replace(",10\n", ",10.0\n").replace(",11\n", ",11.0\n"), "utf-8")
    assert path.read_text(encoding="utf-8") != text
    posts, _, problems, _ = _read(path)
    expected, _, expected_problems, _ = _read(FILE)
    assert len(problems) == len(expected_problems)
    assert {k: p.reply_to_post_id for k, p in posts.items()} == {
        k: p.reply_to_post_id for k, p in expected.items()
    }
