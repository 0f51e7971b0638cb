"""Importing an X archive with long posts (``note-tweet.js``): the store, the audit and the
signals see each long post whole; a note matched to no post is counted and told in the
summary and ``--json``; re-importing changes nothing (hand-written archives:
tests/x_archive_notes_helpers.py)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from staffpulse.audit.loader import posts_by
from staffpulse.cli.app import app
from staffpulse.ingest import import_paths
from staffpulse.signals.text import load_text_signals
from staffpulse.store import open_store
from x_archive_notes_helpers import (
    APPLY_URL,
    LONG_TEXT,
    TWEET_ID,
    archive,
    cut_tweet,
    note,
    plain_tweet,
)

WHOLE = LONG_TEXT.replace("&amp;", "&")
GONE = " ".join(["A long post whose tweet was deleted from X, so tweets.js lacks it."] * 6)


def _stored(db: Path) -> dict[str, tuple[str, str]]:
    with open_store(db) as store:
        rows = store.conn.execute("SELECT id, text, urls FROM posts").fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def test_a_long_post_is_stored_whole_and_a_re_import_changes_nothing(tmp_path: Path) -> None:
    path = archive(
        tmp_path / "a", [cut_tweet(), plain_tweet("5", "hi")], [note()], with_manifest=True
    )
    db = tmp_path / "db.sqlite"
    with open_store(db) as store:
        first = import_paths(store, [path])
        payloads = store.conn.execute("SELECT COUNT(*) FROM raw_payloads").fetchone()[0]
        second = import_paths(store, [path])
        assert store.conn.execute("SELECT COUNT(*) FROM raw_payloads").fetchone()[0] == payloads
    assert (first.new_posts, first.posts, first.unmatched_notes, first.skipped) == (2, 2, 0, 0)
    assert (second.new_posts, second.updated_posts, second.posts) == (0, 0, 2)
    stored = _stored(db)
    assert set(stored) == {TWEET_ID, "5"}  # no post made of the note, none twice
    assert stored[TWEET_ID][0] == WHOLE and json.loads(stored[TWEET_ID][1]) == [APPLY_URL]


def test_a_post_stored_cut_by_an_earlier_import_is_made_whole(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    cut = archive(tmp_path / "cut", [cut_tweet()], None)  # as imported before note-tweet.js
    whole = archive(tmp_path / "whole", [cut_tweet()], [note()])
    with open_store(db) as store:
        import_paths(store, [cut])
        report = import_paths(store, [whole])
        # tweets.js imported again alone, with note-tweet.js beside it: not cut back
        again = import_paths(store, [whole / "data" / "tweets.js"])
    assert (report.new_posts, report.updated_posts) == (0, 1)
    assert (again.new_posts, again.updated_posts) == (0, 0)
    assert _stored(db)[TWEET_ID][0] == WHOLE


def test_a_note_matched_to_no_post_is_counted_told_and_no_post(tmp_path: Path) -> None:
    notes = [note(), note("1650000000000000500", GONE, "2023-04-02T09:30:00.000Z")]
    path = archive(tmp_path / "a", [cut_tweet()], notes, with_manifest=True)
    db = tmp_path / "db.sqlite"
    with open_store(db) as store:
        report = import_paths(store, [path])
    assert (report.unmatched_notes, report.skipped, report.new_posts) == (1, 0, 1)
    assert set(_stored(db)) == {TWEET_ID}
    [told] = [n for n in report.notices if "note-tweet.js" in n.file]
    assert told.file == str(path / "data" / "note-tweet.js")
    assert told.message.startswith("1 long post (note tweet at line ")
    assert "matches no post in the archive's tweets (deleted on X" in told.message
    assert "its whole text was not imported, and no post was made of it" in told.message
    data = report.as_dict()
    assert data["unmatched_notes"] == 1
    assert {"file": told.file, "message": told.message, "records": 1} in data["notices"]


def test_the_cli_summary_and_json_tell_the_unmatched_notes(tmp_path: Path) -> None:
    notes = [note("1650000000000000500", GONE, "2023-04-02T09:30:00.000Z")]
    path = archive(tmp_path / "a", [cut_tweet()], notes, with_manifest=True)
    result = CliRunner().invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Imported 1 post (1 new)" in said and "Skipped 0 records" in said
    assert "Long posts matched to no post: 1 (note-tweet.js, told below)" in said
    assert "note " + str(path / "data" / "note-tweet.js") + ": 1 long post (note tweet" in said
    as_json = CliRunner().invoke(
        app, ["import", str(path), "--db", str(tmp_path / "j.db"), "--json"]
    )
    data = json.loads(as_json.stdout)
    assert (data["unmatched_notes"], data["skipped"], data["imported"]["posts"]) == (1, 0, 1)


def test_a_zip_archive_with_note_tweet_js(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", [cut_tweet()], [note()], with_manifest=True)
    zipped = tmp_path / "twitter-2023-06-01.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        for file in sorted((folder / "data").iterdir()):
            z.write(file, f"twitter-2023-06-01/data/{file.name}")
    db = tmp_path / "db.sqlite"
    with open_store(db) as store:
        report = import_paths(store, [zipped])
        again = import_paths(store, [zipped])
    assert (report.new_posts, report.unmatched_notes, report.missing_files) == (1, 0, [])
    assert (again.new_posts, again.updated_posts) == (0, 0)
    assert _stored(db)[TWEET_ID][0] == WHOLE


def test_the_audit_and_the_signals_read_the_whole_text(tmp_path: Path) -> None:
    path = archive(tmp_path / "a", [cut_tweet()], [note()])
    with open_store(tmp_path / "db.sqlite") as store:
        import_paths(store, [path])
        owner = store.get_account("x", "9001")
        assert owner is not None
        [post] = posts_by(store, owner, None)
    assert post.text == WHOLE
    # the job ad is past the cut: only the whole text reads as one
    cut = cut_tweet()["full_text"]
    scores = load_text_signals().score([post.text, cut], ("job_opening",))["job_opening"]
    assert scores[0] > 0.5 > scores[1]
