"""The project's own JSONL/CSV adapter: a pure transformer plus a forgiving reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from staffpulse.models import Account, Follow, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice, Problem, decode_bytes, head_text, parse_timestamp
from staffpulse.sources.native import NativeJsonl, author_stub, rows_from_native
from staffpulse.sources.native_csv import NativeCsv, missing_post_columns
from staffpulse.store import Record


def test_post_kind_is_inferred_and_entities_extracted_from_text() -> None:
    record = {
        "type": "post",
        "platform": "x",
        "id": "5",
        "author": "@Acme",
        "text": "Thanks @Jane_Doe! #Hiring https://acme.example/j/1",
        "reply_to_id": "4",
        "reply_to_author": "Jane_Doe",
        "created_at": "2026-03-01T10:00:00",
    }
    post = rows_from_native(record)
    assert isinstance(post, Post)
    assert post.kind == "reply"
    assert (post.author_id, post.author_handle) == ("acme", "Acme")
    assert post.mentions == ("jane_doe",)
    assert post.hashtags == ("Hiring",)
    assert post.urls == ("https://acme.example/j/1",)
    assert post.reply_to_handle == "jane_doe"
    assert post.created_at is not None and post.created_at.tzinfo is not None


def test_transformer_does_not_mutate_its_input() -> None:
    record = {"type": "account", "platform": "x", "handle": "Acme", "followers": "12"}
    before = dict(record)
    account = rows_from_native(record)
    assert record == before
    assert isinstance(account, Account) and account.id == "acme" and account.followers == 12


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"type": "post", "id": "1", "text": "x"}, "missing the required field 'author'"),
        ({"type": "post", "author": "a", "text": "x"}, "missing the required field 'id'"),
        (
            {"type": "post", "id": "1", "author": "a", "text": "x", "kind": "tweet"},
            "unknown post kind",
        ),
        ({"type": "video"}, "unknown record type"),
        ({"type": "account", "handle": "a", "followers": "many"}, "whole number"),
        ({"type": "post", "id": "1", "author": "a", "text": "x", "likes": "2.5"}, "whole number"),
        ({"type": "post", "id": "1", "author": "a", "text": "x", "likes": "-5"}, "negative"),
        ({"type": "account", "handle": "a", "platform": "facebook"}, "unknown platform"),
        (
            {"type": "post", "id": "1", "author": "a", "text": "x", "created_at": "yesterday"},
            "'created_at' is 'yesterday', not a date staffpulse reads; write dates year first",
        ),
    ],
)
def test_invalid_records_raise_value_error_with_reason(
    record: dict[str, str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        rows_from_native(record)


def test_platform_spellings_are_normalized_and_whole_floats_kept() -> None:
    for spelling, platform in (("Twitter", "x"), ("x.com", "x"), ("bsky", "bluesky")):
        record = {"type": "post", "platform": spelling, "id": "1", "author": "a", "text": "x"}
        post = rows_from_native({**record, "likes": "3.0"})
        assert isinstance(post, Post) and (post.platform, post.likes) == (platform, 3)
    with pytest.raises(ValueError, match="use one of: x, bluesky, mastodon, csv"):
        rows_from_native(
            {"type": "follow", "platform": "facebook", "follower": "a", "followee": "b"}
        )


def test_jsonl_reader_reports_bad_lines_and_keeps_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"type": "follow", "platform": "x", "follower": "a", "followee": "b"}\n'
        "{broken\n"
        "\n"
        '{"type": "post", "platform": "x", "id": "1", "author": "a", "text": "hi"}\n',
        encoding="utf-8",
    )
    assert isinstance(detect(path), NativeJsonl)
    items = list(NativeJsonl().read(path))
    problems = [i for i in items if isinstance(i, Problem)]
    records = [i for i in items if isinstance(i, Record)]
    assert [(p.line, p.file) for p in problems] == [(2, str(path))]
    assert isinstance(records[0].rows[0], Follow)
    # the post's author comes with it, as a bare account without a line or payload of its own
    assert [(type(r.rows[0]), r.provenance.line) for r in records[1:]] == [
        (Account, None),
        (Post, 4),
    ]


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


def test_timestamps_in_x_legacy_format_and_epoch() -> None:
    assert parse_timestamp("Wed Oct 10 20:19:24 +0000 2018").year == 2018  # type: ignore[union-attr]
    assert parse_timestamp(0).year == 1970  # type: ignore[union-attr]
    assert parse_timestamp("") is None


# -- accounts for the authors of a posts-only file ---------------------------------------


def _accounts(items: list[object]) -> list[Account]:
    return [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Account)]


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
    accounts = _accounts(items)
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


def test_jsonl_stub_comes_with_the_first_post_of_an_author_not_declared_before(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"type": "post", "platform": "x", "id": "1", "author": "Acme", "text": "hi"}\n'
        '{"type": "account", "platform": "x", "handle": "Acme", "id": "77", "bio": "We staff"}\n'
        '{"type": "post", "platform": "x", "id": "2", "author": "Acme", "text": "again"}\n'
        '{"type": "post", "platform": "x", "id": "3", "author_id": "99", "text": "by id"}\n'
        '{"type": "post", "platform": "bluesky", "id": "4", "author": "bob", "text": "yo"}\n'
        '{"type": "post", "platform": "bluesky", "id": "5", "author": "bob", "text": "yo 2"}\n',
        encoding="utf-8",
    )
    items = list(NativeJsonl().read(path))
    rows = [
        (type(r).__name__, r.platform, r.id) for i in items if isinstance(i, Record) for r in i.rows
    ]
    # Each author's bare account comes right before its first post (so an import stopped
    # between two batches leaves no post without its author), once per author. Acme's is
    # completed by the account declared later (the store files it under id 77); a post after
    # the declaration needs none; "99" has no handle, so no stub.
    assert rows == [
        ("Account", "x", "acme"),
        ("Post", "x", "1"),
        ("Account", "x", "77"),
        ("Post", "x", "2"),
        ("Post", "x", "3"),
        ("Account", "bluesky", "bob"),
        ("Post", "bluesky", "4"),
        ("Post", "bluesky", "5"),
    ]
    [notice] = [i for i in items if isinstance(i, Notice)]
    assert notice.message.startswith("1 post names its author only by author_id")


def test_jsonl_author_declared_first_gets_no_stub(tmp_path: Path) -> None:
    path = tmp_path / "declared.jsonl"
    path.write_text(
        '{"type": "account", "platform": "x", "handle": "Acme", "id": "77"}\n'
        '{"type": "post", "platform": "x", "id": "1", "author": "acme", "text": "hi"}\n'
        '{"type": "post", "platform": "x", "id": "2", "author_id": "77", "text": "by id"}\n',
        encoding="utf-8",
    )
    items = list(NativeJsonl().read(path))
    # declared by id and by handle: a stub for "acme" would be a second @acme
    assert [(a.id, a.handle) for a in _accounts(items)] == [("77", "Acme")]
    assert not [i for i in items if isinstance(i, Notice)]


def test_author_stub_is_pure() -> None:
    record = {"type": "post", "platform": "x", "id": "1", "author": "@Acme", "text": "hi"}
    before = dict(record)
    post = rows_from_native(record)
    assert isinstance(post, Post)
    assert author_stub(post, record) == Account(
        platform="x", id="acme", handle="Acme", bio_known=False, name_known=False
    )
    assert record == before
    assert author_stub(post, {"author_id": "acme"}) is None


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
    assert [a.display_name for a in _accounts(items)] == ["Café Señor", "Zoë"]


def test_bytes_windows_1252_leaves_undefined_are_read_as_latin_1(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(b'{"type": "post", "id": "1", "author": "a", "text": "x\x81\xe9"}\n')
    items = list(NativeJsonl().read(path))
    assert any(isinstance(i, Notice) and "Latin-1" in i.message for i in items)
    post = next(r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post))
    assert post.text == "x\x81é" and "\N{REPLACEMENT CHARACTER}" not in post.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be"])
def test_utf8_and_utf16_csv_are_read_without_notice(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "posts.csv"
    text = "id,author,text\n1,josé,Señor ☕\n"
    if encoding == "utf-16-be":  # Python's utf-16-be writes no BOM: add it as Windows does
        path.write_bytes(b"\xfe\xff" + text.encode(encoding))
    else:
        path.write_text(text, encoding=encoding)
    assert isinstance(detect(path), NativeCsv)
    items = list(detect(path).read(path))
    assert not [i for i in items if isinstance(i, Notice | Problem)]
    post = next(r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post))
    assert (post.author_handle, post.text) == ("josé", "Señor ☕")


def test_invalid_utf16_is_replaced_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(
        "id,author,text\n1,a,".encode("utf-16") + b"\x00\xd8" + "\n".encode("utf-16-le")
    )
    items = list(NativeCsv().read(path))
    assert any(isinstance(i, Notice) and "not valid UTF-16" in i.message for i in items)


def test_head_text_decodes_utf16_and_cp1252_for_sniffing() -> None:
    assert head_text("id,text".encode("utf-16")) == "id,text"
    assert head_text("café,text".encode("cp1252")) == "café,text"
    assert head_text("caf\u00e9".encode("utf-8")[:-1]) == "caf"  # cut inside a character


def test_decode_bytes_names_the_guess() -> None:
    assert decode_bytes("é".encode()) == ("é", None)
    text, note = decode_bytes("a\nb é".encode("cp1252"))
    assert text == "a\nb é" and note is not None and "line 2" in note


# -- a CSV header that cannot work ---------------------------------------------------------


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
    assert "needs the columns id, author and text (rename tweet_id→id)" in problem.message
    assert "none of its 3 rows were imported" in problem.message
    assert problem.as_dict()["records"] == 3


def test_missing_post_columns() -> None:
    assert missing_post_columns(["id", "author_id", "text"]) is None
    assert missing_post_columns(["id", "author", "text", "likes"]) is None
    # screen_name is the author's handle (read as author); the other two are told to rename
    message = missing_post_columns(["status_id", "screen_name", "full_text"])
    assert message is not None
    assert "(rename status_id→id, full_text→text)" in message
    assert "(add the column id)" in (missing_post_columns(["foo", "text", "author"]) or "")
    assert (missing_post_columns(["foo", "bar"]) or "").endswith("id, author and text")


# -- authors named only by id --------------------------------------------------------------


def test_posts_by_author_id_only_get_one_notice_counting_them(tmp_path: Path) -> None:
    path = tmp_path / "support.jsonl"
    path.write_text(
        '{"type": "post", "platform": "x", "id": "1", "author_id": "ChaseSupport", "text": "a"}\n'
        '{"type": "post", "platform": "x", "id": "2", "author_id": "ChaseSupport", "text": "b"}\n'
        '{"type": "post", "platform": "x", "id": "3", "author_id": "77", "text": "c"}\n'
        '{"type": "post", "platform": "x", "id": "4", "author": "acme", "text": "d"}\n',
        encoding="utf-8",
    )
    items = list(NativeJsonl().read(path))
    assert [a.id for a in _accounts(items)] == ["acme"]
    (notice,) = [i for i in items if isinstance(i, Notice)]
    assert notice.message.startswith("3 posts name their author only by author_id")
    assert "name it author and import the file again" in notice.message


def test_no_notice_when_the_file_declares_the_author_by_id(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"type": "account", "platform": "x", "handle": "Acme", "id": "77"}\n'
        '{"type": "post", "platform": "x", "id": "3", "author_id": "77", "text": "c"}\n',
        encoding="utf-8",
    )
    assert not [i for i in NativeJsonl().read(path) if isinstance(i, Notice)]


def test_jsonl_bad_line_names_its_column_and_a_log_line_first_is_passed_over(
    tmp_path: Path,
) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        "exported by a script\n"
        '{"type": "post", "platform": "x", "id": "1", "author": "a", "text": "hi"}\n'
        '{"type": "post", "id": 2 3}\n',
        encoding="utf-8",
    )
    assert isinstance(detect(path), NativeJsonl)
    problems = [i for i in NativeJsonl().read(path) if isinstance(i, Problem)]
    assert [(p.line, p.message) for p in problems] == [
        (1, "not valid JSON: expecting value at column 1"),
        (3, "not valid JSON: expecting ',' delimiter at column 26"),
    ]


# -- a field of the wrong type ---------------------------------------------------------------


def test_jsonl_fields_of_the_wrong_type_are_reported_on_their_line_never_stored(
    tmp_path: Path,
) -> None:
    post = '{"type": "post", "platform": "x", "author": "acme", "text": "hi", '
    path = tmp_path / "typed.jsonl"
    path.write_text(
        '{"type": "post", "platform": "x", "id": [1], "author": {"a": 1}, "text": 5}\n'
        + post + '"id": "2", "author": {"a": 1}}\n'
        + post + '"id": "3", "text": 5}\n'
        + post + '"id": "4", "created_at": 12345}\n'  # not a 1970 date
        + post + '"id": "5", "mentions": [1, 2]}\n'
        + post + '"id": "6", "reply_to_id": 1.5}\n'
        + '{"type": "account", "platform": "x", "handle": "acme", "verified": [1]}\n'
        + post + '"id": 1e400}\n'
        + post + '"id": 9}\n',  # a number id is the id "9"
        encoding="utf-8",
    )  # fmt: skip
    items = list(NativeJsonl().read(path))
    problems = {p.line: p.message for p in items if isinstance(p, Problem)}
    assert problems == {
        1: "'id' should be text or a whole number, got [1] (a list)",
        2: "'author' should be text, got {\"a\": 1} (an object)",
        3: "'text' should be text, got 5 (a number)",
        4: "'created_at' should be a date written as text, got 12345 (a number); write dates "
        "year first, as 2026-03-01T14:05 or 2026-03-01",
        5: "'mentions' should be a list of text or text, got [1, 2] (a list)",
        6: "'reply_to_id' should be text or a whole number, got 1.5 (a number)",
        7: "'verified' should be true or false, got [1] (a list)",
        8: "'id' should be text or a whole number, got a number too large to read",
    }
    posts = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    assert [(p.id, p.author_handle, p.text) for p in posts] == [("9", "acme", "hi")]


def test_jsonl_ids_a_spreadsheet_rounded_are_told_once_and_leave_no_account(
    tmp_path: Path,
) -> None:
    path = tmp_path / "rounded.jsonl"
    path.write_text(
        "".join(
            json.dumps({"type": "post", "platform": "x", "id": "6.5873E+17", "author": f"a{n}",
                        "text": "hi"}) + "\n"
            for n in range(3)
        ),
        encoding="utf-8",
    )  # fmt: skip
    items = list(NativeJsonl().read(path))
    (problem,) = items
    assert isinstance(problem, Problem) and (problem.line, problem.records) == (1, 3)
    assert "have ids rounded by a spreadsheet" in problem.message
