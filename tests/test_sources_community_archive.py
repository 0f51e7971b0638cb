"""The Community Archive's archive.json, on a small hand-written file of its documented shape
(the X archive's lists under one object): the account of the X archive fixture, one of its
posts and posts of its own, a post in an X Community, likes, followers and followed accounts."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.models import Account, Follow, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Problem
from staffpulse.sources.community_archive import CommunityArchive
from staffpulse.store import open_store
from staffpulse.store.core import Record
from x_archive_helpers import ARCHIVE
from x_archive_notes_helpers import LONG_TEXT, TWEET_ID, cut_tweet, note

FILE = Path(__file__).parent / "fixtures" / "community_archive" / "archive.json"


def _items(path: Path = FILE) -> list[Record | Problem]:
    return [item for item in CommunityArchive().read(path) if isinstance(item, Record | Problem)]


def _rows(path: Path = FILE) -> list[Account | Post | Follow]:
    return [row for item in _items(path) if isinstance(item, Record) for row in item.rows]


def _document() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(FILE.read_text(encoding="utf-8"))
    return loaded


def _write(tmp_path: Path, document: dict[str, object], pretty: bool = False) -> Path:
    path = tmp_path / "archive.json"
    path.write_text(json.dumps(document, indent=2 if pretty else None), encoding="utf-8")
    return path


def test_detected_by_its_lists_in_any_order(tmp_path: Path) -> None:
    assert detect(FILE).name == "community-archive"
    document = _document()
    reordered = {key: document[key] for key in ("tweets", "account", "follower")}
    assert detect(_write(tmp_path, reordered, pretty=True)).name == "community-archive"


def test_other_json_objects_are_not_taken(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    for document in ({"tweets": [{"id": "1", "text": "hi"}]}, {"account": "acme"}):
        path.write_text(json.dumps(document), encoding="utf-8")
        assert not CommunityArchive().sniff(path, path.read_bytes())


def test_the_owner_the_kinds_of_the_posts_and_the_follows() -> None:
    rows = _rows()
    owner = next(row for row in rows if isinstance(row, Account))
    assert (owner.id, owner.handle, owner.display_name) == ("9001", "AcmeStaffing", "Acme Staffing")
    assert owner.bio == "We place great people in great jobs."
    posts = {row.id: row for row in rows if isinstance(row, Post)}
    kinds = {post_id: post.kind for post_id, post in posts.items()}
    assert kinds == {"100": "original", "201": "reply", "202": "repost", "203": "original"}
    assert all(post.author_id == "9001" and post.platform == "x" for post in posts.values())
    assert posts["201"].reply_to_post_id == "77"
    follows = {(row.follower_id, row.followee_id) for row in rows if isinstance(row, Follow)}
    assert follows == {("42", "9001"), ("44", "9001"), ("9001", "43")}


def test_raw_payload_and_provenance_are_kept() -> None:
    record = next(
        item
        for item in _items()
        if isinstance(item, Record)
        and any(isinstance(r, Post) and r.id == "203" for r in item.rows)
    )
    assert record.provenance.source == "community-archive"
    assert record.provenance.location == f"{FILE}!community-tweet"
    assert record.provenance.line == 1  # its place in the list
    assert isinstance(record.raw, dict) and record.raw["community_id"] == "1500000000000000000"


def test_reimport_adds_nothing_and_the_x_archive_merges(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.sqlite") as store:
        first = import_paths(store, [FILE])
        stats = store.stats()
        again = import_paths(store, [FILE])
        assert store.stats() == stats
        assert (first.new_posts, again.new_posts) == (4, 0)
        archive = import_paths(store, [ARCHIVE])
        # post 100 and the account are the same ones in both: not stored twice
        assert archive.new_posts == 3
        accounts = store.conn.execute("SELECT COUNT(*) FROM accounts WHERE id = '9001'")
        assert accounts.fetchone()[0] == 1
        posts = store.conn.execute("SELECT COUNT(*) FROM posts WHERE id = '100'").fetchone()
        assert posts[0] == 1


def test_a_broken_entry_costs_that_entry_only(tmp_path: Path) -> None:
    document = _document()
    tweets = document["tweets"]
    assert isinstance(tweets, list)
    tweets[1] = {"tweet": {"id_str": "201", "full_text": "hi", "created_at": "not a date"}}
    items = _items(_write(tmp_path, document))
    problems = [item for item in items if isinstance(item, Problem)]
    assert [(p.file, p.line) for p in problems] == [(f"{tmp_path / 'archive.json'}!tweets", 2)]
    posts = [row for item in items if isinstance(item, Record) for row in item.rows]
    assert {row.id for row in posts if isinstance(row, Post)} == {"100", "202", "203"}


def test_without_an_account_every_post_is_told_lost(tmp_path: Path) -> None:
    document = _document()
    document["account"] = []
    items = _items(_write(tmp_path, document))
    assert len(items) == 1 and isinstance(items[0], Problem)
    assert items[0].records == 4  # three posts and the community post
    assert "its 4 posts were not read" in items[0].message
    assert "community-archive.org" in items[0].message


def test_a_file_cut_short_is_told_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "archive.json"
    path.write_bytes(FILE.read_bytes()[:1500])
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [path])
    assert report.new_posts == 0
    assert report.problems and report.problems[0].file == str(path)
    assert "cut short" in report.problems[0].message


def test_a_list_of_another_shape_is_told_and_the_rest_read(tmp_path: Path) -> None:
    document = _document()
    document["follower"] = {"follower": "42"}
    items = _items(_write(tmp_path, document))
    problems = [item for item in items if isinstance(item, Problem)]
    assert [p.file for p in problems] == [f"{tmp_path / 'archive.json'}!follower"]
    assert "is not a list" in problems[0].message
    assert sum(isinstance(row, Post) for row in _rows(tmp_path / "archive.json")) == 4


def test_the_callers_document_is_not_changed(tmp_path: Path) -> None:
    before = FILE.read_bytes()
    _rows()
    assert FILE.read_bytes() == before


def test_a_long_post_is_restored_whole_from_its_note(tmp_path: Path) -> None:
    # the X archive's note matching, reached through the "note-tweet" list
    document = _document()
    document["tweets"] = [{"tweet": cut_tweet()}]
    document["community-tweet"] = []
    document["note-tweet"] = [note()]
    posts = {row.id: row for row in _rows(_write(tmp_path, document)) if isinstance(row, Post)}
    assert set(posts) == {TWEET_ID}
    assert posts[TWEET_ID].text == LONG_TEXT.replace("&amp;", "&")


def test_the_owners_likes_are_counted_and_told_as_not_imported(tmp_path: Path) -> None:
    document = _document()
    like = {"like": {"tweetId": "556", "fullText": "Another liked post"}}  # no expandedUrl
    document["like"] = [*document["like"], like]  # type: ignore[misc]
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [_write(tmp_path, document)])
        stored = store.conn.execute("SELECT COUNT(*) FROM posts WHERE id IN ('555', '556')")
        assert stored.fetchone()[0] == 0  # no like became a post
    told = [str(n) for n in report.notices if n.file.endswith("archive.json!like")]
    assert told == [
        f"{tmp_path / 'archive.json'}!like: 2 posts the owner liked (named by id and text only, "
        "without their authors): not imported, as staffpulse keeps no likes"
    ]
    assert report.skipped == 0
