"""``staffpulse import --remove-deleted``: the stored posts a newer whole export of the account
no longer holds (deleted on X) are removed, so the audit stops counting them; refused, with
why, when the export is partial (a record skipped, a file of the archive missing, one file of
it given alone); nothing is removed without it, and the notice then says how."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from export_gap_helpers import APRIL, HANDLE, MARCH, archive_of, list_in_manifest, tweet
from staffpulse.cli.app import app
from staffpulse.store import open_store

runner = CliRunner()


def _import(db: Path, path: Path, *options: str) -> dict[str, Any]:
    result = runner.invoke(app, ["import", str(path), "--db", str(db), "--json", *options])
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def _audited_posts(db: Path) -> int:
    result = runner.invoke(app, ["audit", HANDLE, "--platform", "x", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    posts: int = json.loads(result.stdout)["counts"]["posts"]
    return posts


def _said(report: dict[str, Any]) -> str:
    return " ".join(notice["message"] for notice in report["notices"])


def _after_march(tmp_path: Path) -> Path:
    db = tmp_path / "s.db"
    _import(db, archive_of(tmp_path / "march", MARCH))
    assert _audited_posts(db) == 4
    return db


def test_the_posts_deleted_on_x_leave_the_audit(tmp_path: Path) -> None:
    db = _after_march(tmp_path)
    report = _import(db, archive_of(tmp_path / "april", APRIL), "--remove-deleted")
    assert report["not_in_export"] == {"posts": 2} and report["removed"] == {"posts": 2}
    assert "they were removed from the store (--remove-deleted)" in _said(report)
    assert _audited_posts(db) == 3  # 101, 104 and the new 105
    with open_store(db) as store:
        assert store.get_posts("x", ["102", "103"]) == {}


def test_the_summary_says_how_many_were_removed(tmp_path: Path) -> None:
    db = _after_march(tmp_path)
    april = archive_of(tmp_path / "april", APRIL)
    result = runner.invoke(app, ["import", str(april), "--db", str(db), "--remove-deleted"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Removed 2 posts the export no longer holds (deleted on the platform)." in said


def test_without_the_option_nothing_is_removed_and_the_notice_says_how(tmp_path: Path) -> None:
    db = _after_march(tmp_path)
    report = _import(db, archive_of(tmp_path / "april", APRIL))
    assert report["not_in_export"] == {"posts": 2} and report["removed"] == {"posts": 0}
    assert _said(report).endswith(
        "Nothing was deleted, as an export can be partial: if this one is whole, import it "
        "again with --remove-deleted to remove them"
    )
    assert _audited_posts(db) == 5  # the two deleted on X still count, beside 105


def test_importing_the_same_export_again_removes_nothing_more(tmp_path: Path) -> None:
    db = _after_march(tmp_path)
    april = archive_of(tmp_path / "april", APRIL)
    _import(db, april, "--remove-deleted")
    again = _import(db, april, "--remove-deleted")
    assert again["removed"] == {"posts": 0} and again["not_in_export"] == {"posts": 0}
    assert again["new"]["posts"] == 0 and again["notices"] == []
    assert _audited_posts(db) == 3


def test_refused_when_a_record_of_the_export_was_skipped(tmp_path: Path) -> None:
    db = _after_march(tmp_path)
    broken = {**tweet("106", 8), "created_at": "soon"}  # unreadable: the export may be partial
    report = _import(db, archive_of(tmp_path / "april", [*APRIL, broken]), "--remove-deleted")
    assert report["skipped"] == 1 and report["removed"] == {"posts": 0}
    tweets = tmp_path / "april" / "data" / "tweets.js"
    assert (
        "Not removed, although --remove-deleted was given: a record of the export could not "
        f"be read, in {tweets} (named above), so it may be partial: a post lost there would "
        "look deleted, so none was removed; correct that file or download the export again, "
        "then import it again with --remove-deleted"
    ) in _said(report)
    assert _audited_posts(db) == 5


def _zipped_with_a_damaged_member(archive: Path, member: str) -> Path:
    """``archive`` as a ZIP (stored, so one byte stands for one byte) whose ``member`` has a
    byte damaged: its CRC fails, and nothing of it can be trusted."""
    zipped = archive.with_suffix(".zip")
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_STORED) as out:
        for file in sorted(archive.rglob("*.js")):
            out.write(file, file.relative_to(archive.parent).as_posix())
    data = bytearray(zipped.read_bytes())
    name = f"{archive.name}/{member}".encode()
    data[data.index(name) + len(name) + 12] ^= 0xFF  # inside the member's data
    zipped.write_bytes(bytes(data))
    return zipped


def test_refused_when_a_file_of_the_export_is_damaged_and_names_it(tmp_path: Path) -> None:
    db = _after_march(tmp_path)
    april = archive_of(tmp_path / "april", APRIL)
    (april / "data" / "tweets-part1.js").write_text(
        f"window.YTD.tweets.part1 = {json.dumps([{'tweet': tweet('106', 9)}])}"
    )
    list_in_manifest(april, {"data/tweets.js": 3, "data/tweets-part1.js": 1})
    zipped = _zipped_with_a_damaged_member(april, "data/tweets-part1.js")
    report = _import(db, zipped, "--remove-deleted")
    assert report["removed"] == {"posts": 0}
    assert (
        f"a record of the export could not be read, in {zipped}!april/data/tweets-part1.js "
        "(named above), so it may be partial: a post lost there would look deleted, so none "
        "was removed"
    ) in _said(report)
    assert _audited_posts(db) == 5


def test_an_export_whose_posts_could_not_be_read_says_so_not_that_none_was_given(
    tmp_path: Path,
) -> None:
    db = _after_march(tmp_path)
    april = archive_of(tmp_path / "april", APRIL, manifest=False)
    zipped = _zipped_with_a_damaged_member(april, "data/tweets.js")
    report = _import(db, zipped, "--remove-deleted")
    assert report["imported"]["posts"] == 0 and report["removed"] == {"posts": 0}
    said = _said(report)
    assert f"not one post of {zipped}!april could be read ({zipped}!april/data/tweets.js" in said
    assert "nothing was removed; download the export again" in said
    assert "none was imported" not in said
    assert _audited_posts(db) == 4


def test_an_export_whose_posts_file_is_missing_says_so_not_that_none_was_given(
    tmp_path: Path,
) -> None:
    db = _after_march(tmp_path)
    april = archive_of(tmp_path / "april", APRIL)
    (april / "data" / "tweets.js").unlink()  # listed in its manifest, not there
    report = _import(db, april, "--remove-deleted")
    assert report["imported"]["posts"] == 0 and report["removed"] == {"posts": 0}
    said = _said(report)
    assert f"not one post of {april} could be read ({april / 'data' / 'tweets.js'}" in said
    assert "none was imported" not in said
    assert _audited_posts(db) == 4


def test_a_post_in_an_x_community_is_not_taken_for_deleted(tmp_path: Path) -> None:
    """X keeps the owner's posts in Communities in community-tweet.js, not in tweets.js: both
    are the export, so such a post is kept, not removed as one tweets.js lacks."""
    community = json.dumps([{"tweet": tweet("201", 4)}])
    db = tmp_path / "s.db"
    for name, tweets in (("march", MARCH), ("april", APRIL)):
        archive = archive_of(tmp_path / name, tweets)
        (archive / "data" / "community-tweet.js").write_text(
            f"window.YTD.community_tweet.part0 = {community}"
        )
        report = _import(db, archive, "--remove-deleted")
    assert report["removed"] == {"posts": 2}  # 102 and 103, not the Community post
    with open_store(db) as store:
        assert set(store.get_posts("x", ["201", "102"])) == {"201"}


def test_refused_when_a_file_of_the_archive_is_missing(tmp_path: Path) -> None:
    db = _after_march(tmp_path)
    april = archive_of(tmp_path / "april", APRIL)
    list_in_manifest(april, {"data/tweets.js": 3, "data/tweets-part1.js": 2})
    report = _import(db, april, "--remove-deleted")
    assert report["skipped"] == 0 and len(report["missing_files"]) == 1
    assert report["removed"] == {"posts": 0}
    assert "a file of the archive is missing (named above), so it is partial" in _said(report)
    assert _audited_posts(db) == 5


def test_a_missing_followers_file_does_not_stop_the_removal(tmp_path: Path) -> None:
    # the followers file holds no post: what the archive lacks of them is still told
    db = _after_march(tmp_path)
    april = archive_of(tmp_path / "april", APRIL)
    manifest = april / "data" / "manifest.js"
    config = json.loads(manifest.read_text(encoding="utf-8").split("=", 1)[1])
    part = {"fileName": "data/follower.js", "globalName": "YTD.follower.part0", "count": "40"}
    config["dataTypes"]["follower"] = {"files": [part]}
    manifest.write_text(f"window.__THAR_CONFIG = {json.dumps(config)}", encoding="utf-8")
    report = _import(db, april, "--remove-deleted")
    assert [m["file"].rsplit("/", 1)[-1] for m in report["missing_files"]] == ["follower.js"]
    assert report["removed"] == {"posts": 2}
    assert _audited_posts(db) == 3


def test_refused_for_an_archive_without_a_manifest_to_check_it_against(tmp_path: Path) -> None:
    """An older archive, or one copied without manifest.js: a part missing from it would go
    unseen, so its posts could look deleted."""
    db = _after_march(tmp_path)
    report = _import(db, archive_of(tmp_path / "april", APRIL, manifest=False), "--remove-deleted")
    assert report["removed"] == {"posts": 0}
    assert "the archive has no manifest.js listing its files" in _said(report)
    assert _audited_posts(db) == 5
    # without the option it imports as before: nothing more is said of the manifest
    again = _import(tmp_path / "other.db", archive_of(tmp_path / "older", MARCH, manifest=False))
    assert again["notices"] == []


def test_refused_for_one_file_of_the_archive_given_alone(tmp_path: Path) -> None:
    db = _after_march(tmp_path)
    tweets = archive_of(tmp_path / "april", APRIL) / "data" / "tweets.js"
    report = _import(db, tweets, "--remove-deleted")
    assert report["removed"] == {"posts": 0}
    assert "only this file of the archive was imported, not the whole archive" in _said(report)
    assert _audited_posts(db) == 5


def test_a_file_that_is_no_account_export_removes_nothing(tmp_path: Path) -> None:
    db = _after_march(tmp_path)
    posts = tmp_path / "posts.csv"
    posts.write_text(f"id,author,created_at,text\n101,{HANDLE},2026-03-01T14:05:00Z,hi\n")
    report = _import(db, posts, "--remove-deleted")
    assert report["removed"] == {"posts": 0}
    assert "none was imported: nothing was removed" in _said(report)
    assert _audited_posts(db) == 4


def test_a_removed_reply_leaves_the_interaction_graph(tmp_path: Path) -> None:
    """The removal goes the way a post deleted while listening goes: the edges of the posts
    removed are worked out again, so the account no longer answers the one it replied to."""
    reply = {
        **tweet("103", 5),
        "in_reply_to_status_id_str": "5000",
        "in_reply_to_user_id_str": "777",
        "in_reply_to_screen_name": "bobrecruits",
    }
    db = tmp_path / "s.db"
    _import(db, archive_of(tmp_path / "march", [*MARCH[:2], reply, MARCH[3]]))

    def edges() -> list[tuple[str, str]]:
        with open_store(db) as store:
            rows = store.conn.execute(
                "SELECT target_id, kind FROM interactions WHERE source_id = '9001'"
            ).fetchall()
        return [(row[0], row[1]) for row in rows]

    assert ("777", "reply") in edges()
    _import(db, archive_of(tmp_path / "april", APRIL), "--remove-deleted")
    assert ("777", "reply") not in edges()
