"""One record of the staffpulse JSONL/CSV as a row, for the fields the format tests leave
aside: an avatar file beside the data, which of name and bio the record actually gave, lists
written as text, and a follow missing a side."""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.sources import native_records
from staffpulse.sources.native_records import rows_from_native
from staffpulse.store import Store, open_store


def test_an_avatar_file_is_found_beside_the_data_and_a_blank_bio_is_still_known(
    tmp_path: Path,
) -> None:
    record = {"type": "account", "platform": "Bluesky", "handle": "@acme.bsky.social",
              "avatar_file": "avatars/acme.png", "bio": "  ", "verified": "Yes"}  # fmt: skip
    account = rows_from_native(record, base_dir=tmp_path)
    assert isinstance(account, Account)
    assert account.avatar_path == str(tmp_path / "avatars" / "acme.png")
    assert (account.platform, account.handle, account.id) == (
        "bluesky",
        "acme.bsky.social",
        "acme.bsky.social",
    )
    # the file gave a bio, blank: known to be empty; it gave no name: unknown, not empty
    assert (account.bio, account.bio_known, account.name_known) == ("", True, False)
    assert account.verified is True


def test_lists_written_as_text_replace_what_the_text_would_give() -> None:
    record = {"type": "post", "id": "1", "author": "acme", "text": "Hi @jane #jobs",
              "mentions": "@Bob, carol; ", "hashtags": "", "urls": ["https://a.example", " "]}  # fmt: skip
    post = rows_from_native(record)
    assert isinstance(post, Post)
    assert post.mentions == ("bob", "carol")
    assert post.hashtags == ("jobs",)  # blank: read from the text
    assert post.urls == ("https://a.example",)


def test_tags_read_from_the_text_are_the_tags_the_audit_reads() -> None:
    # an HTML entity left in a text is no tag, and "##Tag" is the tag "Tag" (as on X)
    record = {"type": "post", "id": "2", "author": "acme",
              "text": "we&#39;re hiring welders ##NightShift and C# devs #Dockside"}  # fmt: skip
    post = rows_from_native(record)
    assert isinstance(post, Post)
    assert post.hashtags == ("NightShift", "Dockside")


def test_a_quote_that_also_names_a_reply_parent_is_a_quote_in_its_own_conversation() -> None:
    post = rows_from_native({"type": "post", "id": "5", "author": "acme", "text": "This",
                             "quoted_id": "4"})  # fmt: skip
    assert isinstance(post, Post)
    assert (post.kind, post.conversation_id) == ("quote", "5")
    reply = rows_from_native({"type": "post", "id": "6", "author": "acme", "text": "Yes",
                              "reply_to_id": "4", "kind": "reply"})  # fmt: skip
    assert isinstance(reply, Post)
    assert reply.conversation_id is None  # the parent's conversation, not known here


@pytest.mark.parametrize(
    ("record", "says"),
    [
        ({"type": "follow", "follower": "acme"}, "follow is missing the required field 'followee'"),
        ({"type": "like"}, "unknown record type 'like' (expected account, post or follow)"),
        ({"type": "post", "id": "1", "author": "a", "text": "x", "kind": "retweet"},
         "unknown post kind 'retweet'"),
    ],
)  # fmt: skip
def test_a_record_that_cannot_be_a_row_says_what_to_fix(record: dict[str, str], says: str) -> None:
    with pytest.raises(ValueError) as raised:
        rows_from_native(record)
    assert str(raised.value).startswith(says)


def test_an_x_text_exported_from_x_reads_as_written_and_a_typed_one_as_typed() -> None:
    # X's API and archives send "&" as "&amp;": a sheet of posts exported from them carries it
    def text(written: str, platform: str = "x") -> str:
        post = rows_from_native({"type": "post", "platform": platform, "id": "7",
                                 "author": "acme", "text": written})  # fmt: skip
        assert isinstance(post, Post)
        return post.text

    assert text("Q&amp;A on Friday &gt; sign up") == "Q&A on Friday > sign up"
    assert text("&amp;amp; is how HTML writes &amp;") == "&amp; is how HTML writes &"  # once
    # a bare "&" or "<" (X leaves none) was typed by a person: every character kept
    assert text("R&D team &amp; friends") == "R&D team &amp; friends"
    assert text("<b>&amp;</b>") == "<b>&amp;</b>"
    # on other platforms nothing is escaped: "&amp;" there is what was written
    assert text("Q&amp;A", "bluesky") == "Q&amp;A"
    assert text("Q&amp;A", "csv") == "Q&amp;A"


def test_an_x_bio_exported_from_x_reads_as_written() -> None:
    record = {"type": "account", "platform": "twitter", "handle": "acme",
              "bio": "Staffing &amp; recruiting"}  # fmt: skip
    account = rows_from_native(record)
    assert isinstance(account, Account) and account.bio == "Staffing & recruiting"


def test_every_field_the_transformers_read_is_one_a_csv_is_not_told_to_rename() -> None:
    # the list csv_unread tells columns against was a copy: a field added to the transformers
    # but not to it was told "not read" while it was
    tree = ast.parse(inspect.getsource(native_records))
    read = {field for call in ast.walk(tree) if (field := _field_read(call)) is not None}
    assert {"text", "bio", "followee", "reply_to_handle"} <= read
    assert read <= native_records.READ_COLUMNS


_READERS = {"record_text", "written_id", "written_time", "written_count", "_required", "_list",
            "_bool"}  # fmt: skip


def _field_read(node: ast.AST) -> str | None:
    """The field a call reads: ``record.get("text")`` or ``record_text(record, "bio")``."""
    if not isinstance(node, ast.Call):
        return None
    if isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
        arg = node.args[0]
    elif isinstance(node.func, ast.Name) and node.func.id in _READERS and len(node.args) > 1:
        arg = node.args[1]
    else:
        return None
    return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None


def test_an_accounts_description_is_read_as_its_bio_when_the_record_has_no_bio() -> None:
    """X's API (and the roles command) call the bio "description": it was dropped on import."""
    record = {"type": "account", "platform": "x", "handle": "northwind_jobs",
              "description": "Temp and perm roles across the county"}  # fmt: skip
    account = rows_from_native(record)
    assert isinstance(account, Account)
    assert (account.bio, account.bio_known) == ("Temp and perm roles across the county", True)
    both = {**record, "bio": "Warehouse shifts every week"}
    account = rows_from_native(both)
    assert isinstance(account, Account) and account.bio == "Warehouse shifts every week"


@pytest.mark.parametrize("name", ["people.csv", "people.jsonl"])
def test_a_file_with_bio_and_description_reads_bio_and_says_so(tmp_path: Path, name: str) -> None:
    rows = [("northwind_jobs", "Warehouse shifts every week", "Old words from another tool"),
            ("harbor_talent", "", "Nurses placed since 2004")]  # fmt: skip
    path = tmp_path / name
    if name.endswith(".csv"):
        path.write_text(
            "handle,platform,bio,description\n" + "".join(f"{h},x,{b},{d}\n" for h, b, d in rows),
            encoding="utf-8",
        )
    else:
        fields = ("handle", "bio", "description")
        records = [
            {"type": "account", "platform": "x", **dict(zip(fields, row, strict=True))}
            for row in rows
        ]
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    store = open_store(":memory:")
    report = import_paths(store, [path])
    bios = {h: _stored(store, h).bio for h, _bio, _description in rows}
    # the bio column, as written (left blank: blank), never both merged
    assert bios == {"northwind_jobs": "Warehouse shifts every week", "harbor_talent": ""}
    field = "column" if name.endswith(".csv") else "field"
    assert [n.message for n in report.notices] == [
        f'the {field} "description" was not read: each account\'s bio was taken from "bio", as'
        f' the file has both; if "description" holds the bios, delete the {field} "bio" and'
        " import the file again (nothing is stored twice)"
    ]


def test_a_csv_of_accounts_with_a_description_column_imports_the_bios_with_no_note(
    tmp_path: Path,
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        "handle,platform,description\nnorthwind_jobs,x,Temp and perm roles across the county\n",
        encoding="utf-8",
    )
    store = open_store(":memory:")
    report = import_paths(store, [path])
    assert report.notices == []
    assert _stored(store, "northwind_jobs").bio == "Temp and perm roles across the county"


def _stored(store: Store, handle: str) -> Account:
    return store.find_account(handle, "x")
