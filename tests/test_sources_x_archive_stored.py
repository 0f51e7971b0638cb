"""A lone ``tweets.js`` imported into a store that already holds its archive's owner: read as
theirs, with a note saying why, instead of refused for want of ``account.js``."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.errors import InputError
from staffpulse.ingest import import_paths
from staffpulse.models import Account
from staffpulse.read_offsets import read_offset
from staffpulse.sources import x_archive_files, x_archive_stored
from staffpulse.sources.x_archive_files import parts_in_dir
from staffpulse.sources.x_archive_stored import stored_accounts, stored_owner, taken_entries
from staffpulse.store import open_store
from x_archive_helpers import ARCHIVE


def _lone(folder: Path, tweets: list[dict[str, object]]) -> Path:
    folder.mkdir()
    entries = json.dumps([{"tweet": tweet} for tweet in tweets])
    lone = folder / "tweet.js"
    lone.write_text(f"window.YTD.tweet.part0 = {entries}", encoding="utf-8")
    return lone


def _tweet(tweet_id: str, text: str, **more: str) -> dict[str, object]:
    when = "Sat Mar 07 10:00:00 +0000 2026"
    return {"id_str": tweet_id, "created_at": when, "full_text": text, **more}


def test_a_lone_file_of_stored_posts_is_read_as_their_authors(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        import_paths(store, [ARCHIVE])
    lone = tmp_path / "download" / "tweets.js"
    lone.parent.mkdir()
    shutil.copy(ARCHIVE / "data" / "tweets.js", lone)
    result = CliRunner().invoke(app, ["import", str(lone), "--db", db])
    told = " ".join(result.output.split())
    assert result.exit_code == 0, told
    assert (
        "no account.js came with it to say whose archive it is, so its posts were read as "
        "@AcmeStaffing's: the store already holds 3 of its posts as @AcmeStaffing's"
    ) in told
    assert "Imported 3 posts (0 new)" in told and "Skipped 0 records" in told
    with open_store(db) as store:  # no twin of any post, no second owner
        assert store.conn.execute("SELECT count(*) FROM posts").fetchone()[0] == 4
        assert store.conn.execute("SELECT count(*) FROM accounts").fetchone()[0] == 1


def test_a_thread_the_owner_wrote_names_the_stored_owner(tmp_path: Path) -> None:
    """New posts, none stored yet: the reply to a post of the same file answers its author."""
    db = tmp_path / "s.db"
    with open_store(db) as store:
        import_paths(store, [ARCHIVE])
        thread = [
            _tweet("900", "Three things we learned hiring drivers this winter (1/2)"),
            _tweet(
                "901",
                "(2/2) Pay on time, every time.",
                in_reply_to_status_id_str="900",
                in_reply_to_user_id_str="9001",
            ),
        ]
        report = import_paths(store, [_lone(tmp_path / "new", thread)])
        assert (report.new_posts, report.skipped) == (2, 0)
        assert "its replies to its own posts answer @AcmeStaffing" in str(report.notices[0])
        authors = store.conn.execute("SELECT DISTINCT author_id FROM posts WHERE id >= '900'")
        assert [row[0] for row in authors] == ["9001"]


def test_a_lone_file_the_store_cannot_place_is_still_refused(tmp_path: Path) -> None:
    """Its posts are stored under one account, its thread answers another: whose is unknown."""
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [ARCHIVE])
        mixed = [
            _tweet("100", "A post the store holds as the archive owner's"),
            _tweet("902", "A post of a thread"),
            _tweet(
                "903",
                "Its answer, by someone else",
                in_reply_to_status_id_str="902",
                in_reply_to_user_id_str="42",
            ),
        ]
        report = import_paths(store, [_lone(tmp_path / "mixed", mixed)])
    (problem,) = report.problems
    assert "without the archive's account.js, which says whose archive it is" in problem.message
    assert (report.posts, report.skipped) == (0, 3)


def test_a_later_part_alone_is_read_too_when_the_store_holds_its_posts(tmp_path: Path) -> None:
    """tweets-part1.js alone was refused before anything was read, as a part of an archive X
    sent in several ZIPs: its owner is known, so it is read as theirs."""
    lone = tmp_path / "download" / "tweets-part1.js"
    lone.parent.mkdir()
    shutil.copy(ARCHIVE / "data" / "tweets-part1.js", lone)
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [ARCHIVE])
        report = import_paths(store, [lone])
    assert (report.posts, report.new_posts) == (1, 0)
    assert "so its posts were read as @AcmeStaffing's" in str(report.notices[0])


def test_a_zip_of_later_parts_alone_is_read_as_the_stored_owners(tmp_path: Path) -> None:
    """The same part zipped (a later ZIP of an archive X sent in several) was still refused for
    want of the first ZIP; a store that does not hold the owner still refuses it."""
    later = tmp_path / "archive-part2.zip"
    with zipfile.ZipFile(later, "w") as archive:
        archive.write(ARCHIVE / "data" / "tweets-part1.js", "data/tweets-part1.js")
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [ARCHIVE])
        report = import_paths(store, [later])
    assert (report.posts, report.new_posts) == (1, 0)
    assert "so its posts were read as @AcmeStaffing's" in str(report.notices[0])
    with open_store(tmp_path / "new.db") as store, pytest.raises(InputError) as refused:
        import_paths(store, [later])
    assert "part of an X archive X sent in several ZIPs" in str(refused.value)


def test_a_lone_part_file_is_read_once_and_its_bar_starts_at_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # tweets-part1.js alone: the plan reads it for its owner, then the import read it again
    # (three times in all), and the bar stood full before one post was imported
    db = tmp_path / "s.db"
    with open_store(db) as store:
        import_paths(store, [ARCHIVE])
        entries = json.dumps([{"tweet": t} for t in _stored_tweets()])
        lone = tmp_path / "second" / "tweets-part1.js"
        lone.parent.mkdir()
        lone.write_text(f"window.YTD.tweets.part1 = {entries}", encoding="utf-8")
        loads: list[Path] = []
        real = x_archive_files.file_loader

        def counted(path: Path) -> Callable[[], bytes]:
            load = real(path)
            return lambda: loads.append(path) or load()

        monkeypatch.setattr(x_archive_files, "file_loader", counted)
        before: list[int | None] = []
        report = import_paths(store, [lone], planned=lambda _: before.append(read_offset(lone)))
    assert report.posts == 3 and loads == [lone]
    assert before in ([None], [0])
    assert read_offset(lone) == lone.stat().st_size  # read whole, once imported


def _stored_tweets() -> list[dict[str, object]]:
    text = (ARCHIVE / "data" / "tweets.js").read_text(encoding="utf-8")
    return [entry["tweet"] for entry in json.loads(text[text.index("[") :])]


class _Holding:
    """A store holding 1,986 of the file's posts, all by one account."""

    def authors_of(self, platform: str, post_ids: Sequence[str]) -> dict[str, int]:
        return {"42": 1_986}

    def account(self, platform: str, account_id: str) -> Account | None:
        return Account(platform=platform, id=account_id, handle="AcmeStaffing")


def test_the_note_writes_a_large_count_as_the_summary_does(tmp_path: Path) -> None:
    lone = _lone(tmp_path / "download", [_tweet("900", "Drivers wanted")])
    with stored_accounts(_Holding()):
        owner = stored_owner(parts_in_dir(lone.parent))
    assert owner is not None and owner.note.endswith(
        "the store already holds 1,986 of its posts as @AcmeStaffing's"
    )


def test_lone_files_are_held_for_their_import_only_as_far_as_the_room_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each lone tweets file under the limit was held whole until imported: ten parts of an
    # archive, each just under it, took ten times the memory the limit meant to allow
    folder = tmp_path / "download"
    folder.mkdir()
    for name, first in (("tweets.js", 900), ("tweets-part1.js", 950)):
        entries = json.dumps([{"tweet": _tweet(str(first + n), "Crew wanted")} for n in range(20)])
        (folder / name).write_text(f"window.YTD.tweets.part0 = {entries}", encoding="utf-8")
    one = max(len(path.read_text(encoding="utf-8")) for path in folder.iterdir())
    monkeypatch.setattr(x_archive_stored, "KEPT_CHARS", one + one // 2)
    parts = parts_in_dir(folder)
    with stored_accounts(_Holding()):
        assert stored_owner(parts) is not None
        held = [taken_entries(part) for part in parts]
    assert len([entries for entries in held if entries is not None]) == 1
