"""The files of an X archive found under any name: a part the user renamed
(``tweets-part1 (1).js``) is known by its first line in a folder and in a ZIP, as one given
alone is, and read with the rest of the archive."""

from __future__ import annotations

import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import ImportReport, import_paths
from staffpulse.sources import detect
from staffpulse.store import open_store

ARCHIVE = Path(__file__).parent / "fixtures" / "x_archive"
# The hand-written fixture: tweets.js holds 3 tweets, tweets-part1.js 2 (one with a bad
# timestamp, at line 19), follower.js 2 and following.js 1
RENAMED = "tweets-part1 (1).js"


def _renamed_archive(tmp_path: Path, new_name: str = RENAMED) -> Path:
    archive = tmp_path / "archive"
    shutil.copytree(ARCHIVE, archive)
    data = archive / "data"
    (data / "tweets-part1.js").rename(data / new_name)
    return archive


def _import(path: Path) -> ImportReport:
    with open_store(":memory:") as store:
        return import_paths(store, [path])


@pytest.mark.parametrize("new_name", [RENAMED, "tweets copy.js", "tweets-part2-old.js"])
def test_a_renamed_part_in_a_folder_is_read_with_the_archive(tmp_path: Path, new_name: str) -> None:
    archive = _renamed_archive(tmp_path, new_name)
    report = _import(archive)
    assert (report.posts, report.follows, report.skipped) == (4, 3, 1)
    [bad] = report.problems  # the fixture's bad tweet, told in the file as it is named now
    assert (bad.file, bad.line) == (str(archive / "data" / new_name), 19)


def test_a_renamed_part_in_a_zip_is_read_at_any_depth(tmp_path: Path) -> None:
    archive = _renamed_archive(tmp_path)
    zipped = tmp_path / "twitter-2026.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        for file in sorted((archive / "data").rglob("*")):
            if file.is_file():
                z.write(file, "person/" + file.relative_to(archive / "data").as_posix())
    report = _import(zipped)
    assert (report.posts, report.follows, report.skipped) == (4, 3, 1)
    assert [p.file for p in report.problems] == [f"{zipped}!person/{RENAMED}"]


def test_other_files_beside_the_parts_are_not_read_as_parts(tmp_path: Path) -> None:
    """The archive's other files (likes, tweet headers) and a script of the user's are passed
    over as before, whatever their names."""
    archive = _renamed_archive(tmp_path)
    data = archive / "data"
    (data / "like (1).js").write_text("window.YTD.like.part0 = [ ]\n", encoding="utf-8")
    (data / "tweet-headers.js").write_text(
        "window.YTD.tweet_headers.part0 = [ ]\n", encoding="utf-8"
    )
    (data / "notes.js").write_text("var tweets = [];\n", encoding="utf-8")
    report = _import(archive)
    assert (report.posts, report.skipped) == (4, 1)
    assert [p.file for p in report.problems] == [str(data / RENAMED)]


def test_an_archive_packed_as_tar_gz_says_to_unpack_it_and_the_folder_then_imports(
    tmp_path: Path,
) -> None:
    """X sends a ZIP; an archive a user packed again as .tar.gz is refused with what to do,
    and the folder it unpacks to is read whole, renamed part included."""
    archive = _renamed_archive(tmp_path)
    packed = tmp_path / "twitter.tar.gz"
    with tarfile.open(packed, "w:gz") as tar:
        tar.add(archive, arcname="archive")
    with pytest.raises(UnknownFormatError) as caught:
        detect(packed)
    assert "(a .tar.gz? unpack it and import the folder)" in caught.value.message
    unpacked = tmp_path / "unpacked"
    with tarfile.open(packed) as tar:
        tar.extractall(unpacked, filter="data")
    report = _import(unpacked / "archive")
    assert (report.posts, report.skipped) == (4, 1)


def test_the_real_archive_with_its_tweets_renamed_imports_as_before(
    shared_data: Path, tmp_path: Path
) -> None:
    sample = shared_data / "formats" / "twitter_archive_samples" / "org_RTIatMLA"
    if not sample.is_dir():
        pytest.skip(f"{sample} is absent")
    data = tmp_path / "arch" / "data"
    shutil.copytree(sample, data)
    before = _import(data.parent)
    (data / "tweet.js").rename(data / "tweet (1).js")
    after = _import(data.parent)
    assert before.posts > 0 and not before.problems  # the manifest's counts all read
    assert (after.posts, after.follows, after.skipped) == (
        before.posts,
        before.follows,
        before.skipped,
    )
    assert not after.problems


@pytest.mark.parametrize(
    ("name", "first_line", "said"),
    [
        ("like.js", "window.YTD.like.part0 = [", "the likes (other people's posts) of an X"),
        ("manifest.js", "window.__THAR_CONFIG = {", "the manifest of an X archive"),
        (
            "deleted-tweets.js",
            "window.YTD.deleted_tweets.part0 = [",
            "the deleted posts (the owner's posts deleted from X) of an X archive",
        ),
        (
            "ad-impressions.js",
            "window.YTD.ad_impressions.part0 = [",
            "the 'ad_impressions' data of an X",
        ),
    ],
)
def test_an_archive_file_given_alone_is_told_what_it_is(
    tmp_path: Path, name: str, first_line: str, said: str
) -> None:
    # like.js or manifest.js alone was "not a format staffpulse can import", as a stranger's
    # file would be: it is a file of the archive, which is what to import
    given = tmp_path / name
    given.write_text(f'{first_line}\n  {{ "a" : {{ }} }}\n]', encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(given)
    assert f"{given}: not a format staffpulse can import: this is {said}" in str(refused.value)
    assert "import the whole archive (its folder or ZIP) instead" in str(refused.value)
