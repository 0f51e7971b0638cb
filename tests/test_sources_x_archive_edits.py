"""Tweets edited on X: the archive keeps each version as an entry with an id of its own; the
audit counts the tweet once, with the text it has now."""

from __future__ import annotations

from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.sources.x_archive_edits import earlier_versions, latest_version
from staffpulse.store import open_store
from x_archive_helpers import archive_of

FIRST, SECOND = "1800000000000000001", "1800000000000000002"


def _versions() -> list[dict[str, object]]:
    """A tweet written, then edited once, as X's archive holds it: two entries."""
    # as X writes it (2025 archives): the same chain under both, strings for the counts
    chain = {
        "editTweetIds": [FIRST, SECOND],
        "editableUntil": "2026-03-01T15:05:00.000Z",
        "editsRemaining": "4",
        "isEditEligible": True,
    }
    return [
        {
            "id_str": SECOND,
            "created_at": "Sun Mar 01 14:09:00 +0000 2026",
            "full_text": "Hiring two welders in Leeds",
            "edit_info": {"edit": {"initialTweetId": FIRST, "editControlInitial": chain}},
        },
        {
            "id_str": FIRST,
            "created_at": "Sun Mar 01 14:05:00 +0000 2026",
            "full_text": "Hiring two wedlers in Leeds",
            "edit_info": {"initial": chain},
        },
    ]


def test_an_edited_tweet_is_one_post_with_its_latest_text(tmp_path: Path) -> None:
    untouched = {
        "id_str": "1700000000000000009",
        "created_at": "Sat Feb 28 10:00:00 +0000 2026",
        "full_text": "Open day on Friday",
        "edit_info": {"initial": {"editTweetIds": ["1700000000000000009"]}},
    }
    archive = archive_of(tmp_path, [*_versions(), untouched])
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [archive])
        again = import_paths(store, [archive])
        posts = store.get_posts("x", [FIRST, SECOND, "1700000000000000009"])
    assert sorted(posts) == ["1700000000000000009", SECOND]
    assert posts[SECOND].text == "Hiring two welders in Leeds"
    assert report.posts == 2 and report.skipped == 0 and again.new_posts == 0
    said = " ".join(notice.message for notice in report.notices)
    assert "1 entry of the archive is an earlier version of tweets edited later" in said


def test_an_earlier_version_whose_latest_is_not_in_the_archive_still_comes_in(
    tmp_path: Path,
) -> None:
    archive = archive_of(tmp_path, _versions()[1:])  # the edit is in a part that is not there
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [archive])
        posts = store.get_posts("x", [FIRST])
    assert list(posts) == [FIRST] and report.posts == 1
    assert not any("earlier version" in notice.message for notice in report.notices)


def test_only_an_earlier_version_names_a_later_one() -> None:
    edited, first = _versions()
    assert latest_version(first) == SECOND
    assert latest_version(edited) is None  # the latest itself
    assert (
        latest_version({"id_str": "5", "edit_info": {"initial": {"editTweetIds": ["5"]}}}) is None
    )
    assert latest_version({"id_str": "5", "edit_info": "odd"}) is None
    twice = {"id_str": "5", "edit_info": {"initial": {"editTweetIds": ["5", "5"]}}}
    assert latest_version(twice) is None  # kept, not held back for a later version of itself


def test_a_store_holding_the_earlier_version_has_it_replaced_by_the_edit(tmp_path: Path) -> None:
    """An archive downloaded before the edit (or read by a staffpulse that kept every
    version) stored the first text; the next archive's edit takes its place, and the audit
    counts the tweet once."""
    before = archive_of(tmp_path / "before", _versions()[1:])
    after = archive_of(tmp_path / "after", _versions())
    answer = tmp_path / "answer.jsonl"  # someone's reply to the first text, stored before
    answer.write_text(
        '{"type": "post", "platform": "x", "id": "1800000000000000077", "author": "dana",'
        f' "text": "Still open?", "reply_to_id": "{FIRST}"}}\n',
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [before, answer])
        report = import_paths(store, [after])
        posts = store.get_posts("x", [FIRST, SECOND, "1800000000000000077"])
        again = import_paths(store, [after])
    assert sorted(posts) == [SECOND, "1800000000000000077"]
    assert posts[SECOND].text == "Hiring two welders in Leeds"
    assert posts["1800000000000000077"].reply_to_post_id == SECOND
    assert report.new_posts == 0 and again.new_posts == 0


def test_the_latest_version_names_the_earlier_ones() -> None:
    edited, first = _versions()
    assert earlier_versions(edited) == (FIRST,)
    assert earlier_versions(first) == ()  # an earlier version names none: it is replaced
    assert (
        earlier_versions({"id_str": "5", "edit_info": {"initial": {"editTweetIds": ["5"]}}}) == ()
    )


def test_an_older_archive_imported_after_the_edit_adds_no_second_post(tmp_path: Path) -> None:
    """The newer archive first, then one downloaded before the edit: its first version is the
    tweet stored already under the id it has now, so it is counted, not stored twice."""
    before = archive_of(tmp_path / "before", _versions()[1:])
    after = archive_of(tmp_path / "after", _versions())
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [after])
        report = import_paths(store, [before])
        posts = store.get_posts("x", [FIRST, SECOND])
    assert list(posts) == [SECOND] and posts[SECOND].text == "Hiring two welders in Leeds"
    assert report.posts == 1 and report.new_posts == 0 and not report.nothing_imported
    said = " ".join(notice.message for notice in report.notices)
    assert "1 post is stored already under its id of now" in said
