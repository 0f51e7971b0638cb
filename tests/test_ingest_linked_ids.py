"""X Analytics rows whose rounded id was read from a link (staffpulse.ingest_linked_ids): a link
naming a post another file stored, of another text, never writes over it."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.ingest_linked_ids import same_text
from staffpulse.store import open_store

LINK = "https://twitter.com/AcmeStaffing/status/"
HEADER = "Tweet id;Tweet permalink;Tweet text;time;impressions;retweets;replies;likes\r\n"
POST_ID = "1600000000000000004"  # written 2022-12-06 05:31 UTC


def _stored(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "posts.jsonl"
    post = {"type": "post", "platform": "x", "id": POST_ID, "author": "AcmeStaffing"}
    path.write_text(json.dumps({**post, "text": text}) + "\n", encoding="utf-8")
    return path


def _analytics(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tweet_activity_metrics.csv"
    path.write_text(
        HEADER + f"6,1E+17;{LINK}{POST_ID};{text};2022-12-06 05:31 +0000;10;0;0;2\r\n",
        encoding="utf-8",
    )
    return path


def test_a_pasted_over_link_does_not_replace_another_files_post(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_stored(tmp_path, "Night shift starts at nine sharp")])
        report = import_paths(store, [_analytics(tmp_path, "Vans leave from bay two")])
        (text,) = store.conn.execute("SELECT text FROM posts WHERE id = ?", (POST_ID,)).fetchone()
    assert text == "Night shift starts at nine sharp"
    (problem,) = report.problems
    assert problem.line == 2 and problem.file.endswith("tweet_activity_metrics.csv")
    assert f"its link names post {POST_ID}, which the store already holds" in problem.message
    assert "posts.jsonl" in problem.message
    assert "export the file from X Analytics again" in problem.message
    assert report.skipped == 1


def test_the_same_post_in_both_files_is_updated_as_before(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_stored(tmp_path, "Vans leave from bay two https://t.co/abc")])
        report = import_paths(store, [_analytics(tmp_path, "Vans leave from bay two")])
        (likes,) = store.conn.execute("SELECT likes FROM posts WHERE id = ?", (POST_ID,)).fetchone()
    assert report.problems == [] and report.skipped == 0
    assert likes == 2


def test_texts_of_one_post_are_the_same_whatever_their_links() -> None:
    assert same_text("Open day! https://t.co/x1", "Open day!  https://t.co/y2")
    assert not same_text("Open day on Friday", "Gate code changed")


def test_a_row_skipped_for_its_link_is_not_told_read_whole_from_it(tmp_path: Path) -> None:
    # the reader's note said "nothing was lost" of every row read from its link, the row
    # skipped just after for naming another file's post among them
    path = tmp_path / "tweet_activity_metrics.csv"
    path.write_text(
        HEADER
        + f"6,1E+17;{LINK}{POST_ID};Vans leave from bay two;2022-12-06 05:31 +0000;10;0;0;2\r\n"
        + f"1,6E+18;{LINK}1600000000000000009;Lockers are now in hall B;2022-12-06 05:31 +0000;"
        "10;0;0;1\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_stored(tmp_path, "Night shift starts at nine sharp")])
        report = import_paths(store, [path])
    assert [p.line for p in report.problems] == [2]
    (note,) = [n.message for n in report.notices if "read whole" in n.message]
    assert note.startswith("the Tweet id on line 3 was rounded")
    assert "line 2" not in note


def test_no_row_read_whole_from_its_link_is_left_no_note_of_it(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_stored(tmp_path, "Night shift starts at nine sharp")])
        report = import_paths(store, [_analytics(tmp_path, "Vans leave from bay two")])
    assert report.skipped == 1
    assert not any("nothing was lost" in n.message for n in report.notices)
