"""The project's own JSONL adapter (staffpulse.sources.native): a pure transformer plus a
forgiving reader, the bare accounts it gives the authors of a posts-only file, and bad lines
told on their line, never stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest_helpers import accounts_in
from staffpulse.ingest import import_paths
from staffpulse.models import Account, Follow, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.native import NativeJsonl
from staffpulse.sources.native_authors import author_stub
from staffpulse.sources.native_records import rows_from_native
from staffpulse.store import Record, open_store

# what the import says to do about a line that is not JSON
ADVICE = (
    ". What to do: correct or delete this line, or export the file again; the other lines were read"
)


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
    assert [(a.id, a.handle) for a in accounts_in(items)] == [("77", "Acme")]
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


def test_bytes_windows_1252_leaves_undefined_are_read_as_latin_1(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(b'{"type": "post", "id": "1", "author": "a", "text": "x\x81\xe9"}\n')
    items = list(NativeJsonl().read(path))
    assert any(isinstance(i, Notice) and "Latin-1" in i.message for i in items)
    post = next(r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post))
    assert post.text == "x\x81é" and "\N{REPLACEMENT CHARACTER}" not in post.text


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
    assert [a.id for a in accounts_in(items)] == ["acme"]
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
        (1, "not valid JSON: expecting value at column 1" + ADVICE),
        (3, "not valid JSON: expecting ',' delimiter at column 26" + ADVICE),
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


def test_jsonl_as_a_json_array_or_pretty_printed_is_read_with_each_records_line(
    tmp_path: Path,
) -> None:
    records = [
        {"type": "account", "platform": "x", "handle": "acme"},
        {"type": "post", "platform": "x", "id": "1", "author": "acme", "text": "one"},
        {"type": "post", "platform": "x", "id": "2", "author": "acme", "text": "two"},
    ]
    array, pretty = tmp_path / "records.json", tmp_path / "records.jsonl"
    array.write_text(json.dumps(records, indent=2), encoding="utf-8")
    pretty.write_text("\n".join(json.dumps(r, indent=2) for r in records), encoding="utf-8")
    for path in (array, pretty):
        assert isinstance(detect(path), NativeJsonl), path.name
        items = list(NativeJsonl().read(path))
        lines = [
            (type(i.rows[0]).__name__, i.provenance.line) for i in items if isinstance(i, Record)
        ]
        first = 2 if path is array else 1  # the array's "[" is line 1
        assert lines == [("Account", first), ("Post", first + 5), ("Post", first + 12)], path.name
        assert not [i for i in items if isinstance(i, Problem)]


def test_a_broken_record_in_a_json_array_costs_itself_only(tmp_path: Path) -> None:
    records = [
        {"type": "post", "platform": "x", "id": str(n), "author": "acme", "text": f"post {n}"}
        for n in range(3)
    ]
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records, indent=2).replace('"post 1"', '"post 1', 1))
    items = list(NativeJsonl().read(path))
    posts = [r.id for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    (problem,) = [i for i in items if isinstance(i, Problem)]
    assert posts == ["0", "2"]
    assert (problem.line, problem.records) == (9, 1)
    assert "the object starting at line 9 was skipped" in problem.message


def test_a_record_missing_a_required_field_is_told_what_to_do() -> None:
    with pytest.raises(ValueError) as missing:
        rows_from_native({"type": "post", "platform": "x", "id": "1", "text": "hi"})
    assert str(missing.value) == (
        "post is missing the required field 'author': fill it in (or delete the record) and "
        "import the file again"
    )


def test_a_count_that_is_no_whole_number_costs_the_count_not_the_record(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    lines = [
        {"type": "account", "platform": "x", "handle": "acme", "followers": "many"},
        {"type": "post", "platform": "x", "id": "1", "author": "acme", "text": "a", "likes": 4},
        {
            "type": "post",
            "platform": "x",
            "id": "2",
            "author": "acme",
            "text": "b",
            "likes": "1.2K",
        },
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        likes = {post.id: post.likes for post in store.posts_by("x", "acme")}
    assert (report.accounts, report.posts, report.skipped, report.problems) == (1, 2, 0, [])
    assert likes == {"1": 4, "2": None}
    told = sorted(notice.message for notice in report.notices)
    assert told[0].startswith("'followers' of 1 record (line 1) is no whole number of 0 or more")
    assert told[1].startswith("'likes' of 1 record (line 3) is no whole number")
    assert "(the first: '1.2K'), so it was imported without it, not guessed" in told[1]


def test_a_post_with_an_empty_text_is_skipped_on_its_line_a_repost_is_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "export.jsonl"
    post = {"type": "post", "platform": "x", "author": "northgate_hr"}
    lines = [
        {**post, "id": "1", "text": "Spring open day on Friday"},
        {**post, "id": "2", "text": ""},
        {**post, "id": "3", "text": " \n"},
        {**post, "id": "4", "text": "", "reposted_id": "70"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        kept = sorted(p.id for p in store.posts_by("x", "northgate_hr"))
    assert kept == ["1", "4"]
    assert [
        (p.line, p.message.startswith("post has an empty 'text'")) for p in report.problems
    ] == [
        (2, True),
        (3, True),
    ]
    assert report.skipped == 2


def test_a_first_record_longer_than_the_sniffed_head_is_still_read(tmp_path: Path) -> None:
    # cut at the head's 8 KB the first line was no JSON: the file was refused with no reason
    path = tmp_path / "posts.jsonl"
    long_text = "Shift rota for the winter: " + "early, late, night; " * 2_000
    records = [
        {"type": "post", "platform": "x", "id": "1", "author": "rota_desk", "text": long_text},
        {"type": "post", "platform": "x", "id": "2", "author": "rota_desk", "text": "Lot C"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert isinstance(detect(path), NativeJsonl)
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped) == (2, 0)
