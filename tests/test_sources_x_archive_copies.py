"""A part of an X archive saved twice (``tweets-part1.js`` and ``tweets-part1 (1).js``): one
file is read, X's name first, and the other is told: a note when it holds nothing more, a
skipped count of the entries only it holds, with how to import them."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.ingest import ImportReport, import_paths
from staffpulse.store import open_store

ARCHIVE = Path(__file__).parent / "fixtures" / "x_archive"
# The hand-written fixture: tweets.js holds tweets 100, 101 and 102; tweets-part1.js 103 and
# one with a bad timestamp (line 19); follower.js 2 followers, following.js 1


def _archive(tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    shutil.copytree(ARCHIVE, archive)
    return archive


def _import(path: Path) -> ImportReport:
    with open_store(":memory:") as store:
        return import_paths(store, [path])


def _with_new_id(source: Path, copy: Path, old: str, new: str) -> None:
    """A copy of ``source`` in which tweet ``old`` is tweet ``new`` (an edited copy)."""
    text = source.read_text(encoding="utf-8")
    copy.write_text(text.replace(f'"{old}"', f'"{new}"'), encoding="utf-8")


def test_the_same_file_twice_is_read_once_and_the_copy_told(tmp_path: Path) -> None:
    data = _archive(tmp_path) / "data"
    shutil.copy(data / "tweets.js", data / "tweets (1).js")
    shutil.copy(data / "tweets-part1.js", data / "tweets-part1 copy.js")
    report = _import(data.parent)
    # not 7 posts, nor the bad tweet told and counted twice
    assert (report.posts, report.skipped) == (4, 1)
    assert [p.file for p in report.problems] == [str(data / "tweets-part1.js")]
    told = {Path(n.file).name: n.message for n in report.notices}
    assert told["tweets (1).js"].startswith("the same as tweets.js")
    assert "which was read: not read again" in told["tweets (1).js"]
    assert told["tweets-part1 copy.js"].startswith("the same as tweets-part1.js")


def test_a_copy_holding_a_tweet_the_read_file_lacks_counts_it_as_skipped(
    tmp_path: Path,
) -> None:
    data = _archive(tmp_path) / "data"
    _with_new_id(data / "tweets.js", data / "tweets-old.js", "102", "99")
    report = _import(data.parent)
    assert (report.posts, report.skipped) == (4, 2)  # the bad tweet, and tweet 99 not read
    copy = next(p for p in report.problems if p.file == str(data / "tweets-old.js"))
    assert copy.records == 1 and copy.line is None
    assert "tweets.js was read (the name X gives it)" in copy.message
    assert "this copy holds 1 tweet it lacks, which was not imported" in copy.message
    assert "if it is yours, import this file on its own as well" in copy.message
    # doing as told adds that tweet once, and none of the others twice
    with open_store(":memory:") as store:
        import_paths(store, [data.parent])
        again = import_paths(store, [data / "tweets-old.js"])
        ids = {post.id for post in store.posts_by("x", "9001")}
    assert again.new_posts == 1 and ids == {"99", "100", "101", "102", "103"}


def test_a_copy_with_nothing_more_is_a_note(tmp_path: Path) -> None:
    data = _archive(tmp_path) / "data"
    text = (data / "tweets.js").read_text(encoding="utf-8")
    older = text.replace('"favorite_count" : "3"', '"favorite_count" : "1"')  # fewer likes then
    (data / "tweets copy.js").write_text(older, encoding="utf-8")
    report = _import(data.parent)
    assert (report.posts, report.skipped) == (4, 1)
    [note] = report.notices
    assert note.file == str(data / "tweets copy.js")
    assert "every tweet in this copy is in it too" in note.message


def test_without_x_name_the_first_copy_by_name_is_read(tmp_path: Path) -> None:
    data = _archive(tmp_path) / "data"
    (data / "tweets.js").rename(data / "tweets (1).js")
    _with_new_id(data / "tweets (1).js", data / "tweets (2).js", "100", "98")
    report = _import(data.parent)
    assert (report.posts, report.skipped) == (4, 2)
    copy = next(p for p in report.problems if p.file == str(data / "tweets (2).js"))
    assert "tweets (1).js was read (the first by name)" in copy.message


def test_a_copy_in_a_zip_says_to_extract_it(tmp_path: Path) -> None:
    data = _archive(tmp_path) / "data"
    _with_new_id(data / "follower.js", data / "follower (1).js", "43", "44")
    zipped = tmp_path / "twitter.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        for file in sorted(data.glob("*.js")):
            z.write(file, f"data/{file.name}")
    report = _import(zipped)
    assert (report.posts, report.follows) == (4, 3)  # the followers of follower.js only
    copy = next(p for p in report.problems if p.file.endswith("follower (1).js"))
    assert copy.records == 1 and "holds 1 follower it lacks" in copy.message
    assert "extract this file from the ZIP and import it on its own" in copy.message


def test_the_cli_names_the_copy_and_the_file_read(tmp_path: Path) -> None:
    data = _archive(tmp_path) / "data"
    shutil.copy(data / "tweets-part1.js", data / "tweets-part1 (1).js")
    result = CliRunner().invoke(app, ["import", str(data.parent), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Imported 4 posts" in said and "Skipped 1 record " in said
    assert "tweets-part1 (1).js: the same as tweets-part1.js" in said
