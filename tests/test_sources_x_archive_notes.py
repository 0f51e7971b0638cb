"""Long posts of an X archive (``note-tweet.js``) matched to their cut posts in ``tweets.js``:
by time and text, conservatively, each note and post once (hand-written archives in the
documented shape: tests/x_archive_notes_helpers.py)."""

from __future__ import annotations

import copy
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.x_archive import XArchive
from staffpulse.sources.x_archive_notes import (
    UnmatchedNotes,
    note_from_entry,
    visible_key,
)
from staffpulse.store import open_store
from staffpulse.store.core import Record
from x_archive_notes_helpers import (
    APPLY_URL,
    LONG_TEXT,
    NOTE_ID,
    TWEET_ID,
    archive,
    cut_tweet,
    manifest,
    note,
    plain_tweet,
)

WHOLE = LONG_TEXT.replace("&amp;", "&")  # stored as full_text is: unescaped


def _posts(path: Path) -> dict[str, Post]:
    items = list(XArchive().read(path))
    return {
        row.id: row
        for item in items
        if isinstance(item, Record)
        for row in item.rows
        if isinstance(row, Post)
    }


def test_a_long_post_is_restored_whole_with_the_links_and_tags_past_the_cut(
    tmp_path: Path,
) -> None:
    path = archive(tmp_path / "a", [cut_tweet(), plain_tweet("5", "short one")], [note()])
    posts = _posts(path)
    assert set(posts) == {TWEET_ID, "5"}  # no post made of the note itself
    post = posts[TWEET_ID]
    assert post.text == WHOLE
    assert post.urls == (APPLY_URL,)  # the note's links; not the "show more" link to itself
    assert post.hashtags == ("hiring", "jobs") and post.mentions == ("janedoe",)
    assert post.kind == "original" and post.likes == 4 and post.author_id == "9001"
    assert posts["5"].text == "short one"


def test_the_raw_payload_keeps_the_tweet_and_its_note_and_the_read_dicts_are_not_changed(
    tmp_path: Path,
) -> None:
    path = archive(tmp_path / "a", [cut_tweet()], [note()])
    record = next(
        item
        for item in XArchive().read(path)
        if isinstance(item, Record) and any(isinstance(r, Post) for r in item.rows)
    )
    assert record.raw["full_text"] == cut_tweet()["full_text"]  # the tweet as X wrote it
    assert record.raw["noteTweet"]["noteTweetId"] == NOTE_ID
    assert record.provenance.location.endswith("tweets.js") and record.provenance.line == 2
    entry = note()
    kept = copy.deepcopy(entry)
    note_from_entry(entry, "note-tweet.js", 2)
    assert entry == kept


def test_two_posts_in_the_same_second_are_told_apart_by_their_text(tmp_path: Path) -> None:
    other = " ".join(["Our night shift team in Dayton hit one year without an incident."] * 6)
    tweets = [cut_tweet("1650000000000000200"), cut_tweet("1650000000000000201", text=other)]
    notes = [note("1650000000000000198", other), note("1650000000000000199")]
    posts = _posts(archive(tmp_path / "a", tweets, notes))
    assert posts["1650000000000000200"].text == WHOLE
    assert posts["1650000000000000201"].text == other


def test_of_two_posts_with_the_same_opening_the_closer_in_time_wins(tmp_path: Path) -> None:
    tweets = [
        cut_tweet("1650000000000000300", when="Mon May 01 12:00:03 +0000 2023"),
        cut_tweet("1650000000000000301", when="Mon May 01 12:00:00 +0000 2023"),
    ]
    posts = _posts(archive(tmp_path / "a", tweets, [note()]))
    assert posts["1650000000000000301"].text == WHOLE
    assert posts["1650000000000000300"].text.endswith("https://t.co/more300")  # left as it was


def test_the_nearest_id_breaks_a_tie_in_time(tmp_path: Path) -> None:
    tweets = [cut_tweet("1650000000000000900"), cut_tweet("1650000000000000101")]
    posts = _posts(archive(tmp_path / "a", tweets, [note()]))
    assert posts["1650000000000000101"].text == WHOLE
    assert posts["1650000000000000900"].text != WHOLE


def test_a_post_too_far_in_time_a_retweet_or_another_text_is_not_matched(
    tmp_path: Path,
) -> None:
    tweets = [
        cut_tweet("1", when="Mon May 01 12:01:00 +0000 2023"),  # a minute later
        plain_tweet("2", "RT @hrweekly: " + LONG_TEXT[:100]),  # someone else's words
        plain_tweet("3", "Ten years ago today I walked into a bar"),  # not the note's opening
    ]
    items = list(XArchive().read(archive(tmp_path / "a", tweets, [note()])))
    posts = {r.id: r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)}
    assert all(post.text != WHOLE for post in posts.values())
    told = [i for i in items if isinstance(i, UnmatchedNotes)]
    assert [(Path(t.file).name, t.count) for t in told] == [("note-tweet.js", 1)]


def test_the_visible_text_leaves_out_what_x_added_when_it_cut_the_post() -> None:
    links = {"https://t.co/a": "https://acme.example/a"}
    assert visible_key("Q&amp;A at  noon https://t.co/a  and… https://t.co/xyz", links) == (
        "Q&A at noon https://acme.example/a and"
    )
    assert visible_key("cut inside its link https://t.c", {}) == "cut inside its link https://t.c"
    assert visible_key("… https://t.co/x", {}) == ""


def test_a_note_linking_differently_still_matches_by_where_its_links_lead(tmp_path: Path) -> None:
    text = " ".join(["Read our salary guide https://t.co/guideA before you negotiate."] * 6)
    tweet = cut_tweet(text=text)
    tweet["entities"]["urls"].insert(
        0, {"url": "https://t.co/guideA", "expanded_url": "https://acme.example/guide"}
    )
    entry = note(text=text.replace("guideA", "guideB"))
    entry["noteTweet"]["core"]["urls"] = [
        {"shortUrl": "https://t.co/guideB", "expandedUrl": "https://acme.example/guide"}
    ]
    posts = _posts(archive(tmp_path / "a", [tweet], [entry]))
    assert posts[TWEET_ID].text == text.replace("guideA", "guideB")
    assert posts[TWEET_ID].urls == ("https://acme.example/guide",)


def test_a_broken_note_is_told_with_its_file_and_line_and_the_others_are_read(
    tmp_path: Path,
) -> None:
    path = archive(tmp_path / "a", [cut_tweet()], [note("1", "x"), note()])
    notes = path / "data" / "note-tweet.js"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(text.replace('"text": "x",', '"text": "x\n",', 1), encoding="utf-8")
    items = list(XArchive().read(path))
    problems = [i for i in items if isinstance(i, Problem)]
    assert [(p.file, p.line, p.records) for p in problems] == [(str(notes), 2, 1)]
    assert "not valid JSON at line" in problems[0].message
    posts = {r.id: r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)}
    assert posts[TWEET_ID].text == WHOLE


def test_a_note_without_its_fields_is_told(tmp_path: Path) -> None:
    entry = note()
    del entry["noteTweet"]["createdAt"]
    items = list(XArchive().read(archive(tmp_path / "a", [cut_tweet()], [entry, {"x": 1}])))
    messages = [(p.line, p.message) for p in items if isinstance(p, Problem)]
    assert messages[0][1] == f"note tweet {NOTE_ID} without 'createdAt'"
    assert "not a note tweet object" in messages[1][1]


def test_tweets_js_given_alone_takes_the_long_text_from_note_tweet_js_beside_it(
    tmp_path: Path,
) -> None:
    path = archive(tmp_path / "a", [cut_tweet()], [note(), note("7", "gone " * 80)])
    items = list(XArchive().read(path / "data" / "tweets.js"))
    posts = {r.id: r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)}
    assert posts[TWEET_ID].text == WHOLE
    told = next(i for i in items if isinstance(i, UnmatchedNotes))
    assert told.count == 1 and "no post of tweets.js, read alone" in told.message


def test_note_tweet_js_given_alone_says_its_posts_are_in_tweets_js(tmp_path: Path) -> None:
    path = archive(tmp_path / "a", [cut_tweet()], [note()])
    items = list(XArchive().read(path / "data" / "note-tweet.js"))
    assert not any(isinstance(r, Post) for i in items if isinstance(i, Record) for r in i.rows)
    assert any(isinstance(r, Account) for i in items if isinstance(i, Record) for r in i.rows)
    told = next(i for i in items if isinstance(i, UnmatchedNotes))
    assert "read without the archive's tweets.js" in told.message
    assert "import the whole archive folder or ZIP" in told.message


def test_an_archive_without_note_tweet_js_reads_as_before(tmp_path: Path) -> None:
    path = archive(tmp_path / "a", [cut_tweet()], None, with_manifest=True)
    items = list(XArchive().read(path))
    assert _posts(path)[TWEET_ID].text.endswith("… https://t.co/more100")
    assert not any(isinstance(i, (Notice, Problem)) for i in items)


def test_a_renamed_note_file_is_known_by_its_first_line(tmp_path: Path) -> None:
    path = archive(tmp_path / "a", [cut_tweet()], [note()])
    (path / "data" / "note-tweet.js").rename(path / "data" / "note-tweet (1).js")
    assert _posts(path)[TWEET_ID].text == WHOLE


def test_the_note_count_of_the_manifest_is_checked(tmp_path: Path) -> None:
    path = archive(tmp_path / "a", [cut_tweet()], [note()], with_manifest=True)
    (path / "data" / "manifest.js").write_text(manifest(3, 1), encoding="utf-8")
    items = list(XArchive().read(path))
    short = [p for p in items if isinstance(p, Problem)]
    assert [(Path(p.file).name, p.records) for p in short] == [("note-tweet.js", 2)]
    assert "only 1 of the 3 long-post texts manifest.js lists were read" in short[0].message


def test_a_note_file_the_manifest_lists_and_the_folder_lacks_is_a_missing_file(
    tmp_path: Path,
) -> None:
    path = archive(tmp_path / "a", [cut_tweet()], [note()], with_manifest=True)
    (path / "data" / "note-tweet.js").unlink()
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [path])
    assert [(Path(p.file).name, p.records) for p in report.missing_files] == [("note-tweet.js", 1)]
    assert "with 1 long-post text" in report.missing_files[0].message
    assert report.skipped == 0 and report.new_posts == 1  # its post kept as tweets.js has it


def test_many_unmatched_notes_are_told_in_one_line_with_their_first_lines(tmp_path: Path) -> None:
    gone = [
        note(f"16500000000000007{n:02}", f"gone {n} " * 60, f"2023-03-{n + 1:02}T08:00:00.000Z")
        for n in range(7)
    ]
    items = list(XArchive().read(archive(tmp_path / "a", [cut_tweet()], [note(), *gone])))
    [told] = [i for i in items if isinstance(i, UnmatchedNotes)]
    assert told.count == 7
    assert told.message.startswith(
        "7 long posts (note tweets at lines 41, 61, 81, 101, 121 and 2 more) match no post"
    )
