"""An X archive checked against its manifest.js: a listed data file that is missing, or one
cut short, is told (what, where, what to do). The entries of a file cut short are counted as
skipped records; a missing file is told apart, "Files missing from the archive", with the
entries it held, and is no skipped record."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from export_gap_helpers import archive_of, tweet
from staffpulse.cli.app import app
from staffpulse.ingest import ImportReport, import_paths
from staffpulse.store import open_store

ARCHIVE = Path(__file__).parent / "fixtures" / "x_archive"
# What the hand-written fixture holds: tweets.js 3 tweets, tweets-part1.js 2 (one with a bad
# timestamp), follower.js 2, following.js 1
FIXTURE_COUNTS = {
    "tweets": {"data/tweets.js": 3, "data/tweets-part1.js": 2},
    "follower": {"data/follower.js": 2},
    "following": {"data/following.js": 1},
}


def _manifest(counts: dict[str, dict[str, int]], partial: bool = False) -> str:
    """A manifest.js as X writes it: userInfo, archiveInfo and each data file with its count."""
    types = {
        kind: {
            "files": [
                {"fileName": name, "globalName": f"YTD.{kind}.part{n}", "count": str(count)}
                for n, (name, count) in enumerate(files.items())
            ]
        }
        for kind, files in counts.items()
    }
    types["like"] = {"files": [{"fileName": "data/like.js", "count": "7"}]}  # never read
    config = {
        "userInfo": {"accountId": "9001", "userName": "AcmeStaffing", "displayName": "Acme"},
        "archiveInfo": {
            "generationDate": "2026-03-10T12:00:00.000Z",
            "isPartialArchive": partial,
        },
        "dataTypes": types,
    }
    return f"window.__THAR_CONFIG = {json.dumps(config, indent=2)}"


def _archive(tmp_path: Path, counts: dict[str, dict[str, int]] | None = None) -> Path:
    """The fixture archive with a manifest.js listing ``counts`` (the fixture's own at first)."""
    archive = tmp_path / "archive"
    shutil.copytree(ARCHIVE, archive)
    manifest = _manifest(FIXTURE_COUNTS if counts is None else counts)
    (archive / "data" / "manifest.js").write_text(manifest, encoding="utf-8")
    return archive


def _import(path: Path) -> ImportReport:
    with open_store(":memory:") as store:
        return import_paths(store, [path])


def test_a_complete_archive_is_told_nothing_more(tmp_path: Path) -> None:
    report = _import(_archive(tmp_path))
    # the fixture's one bad tweet only: the manifest's counts match what was read and lost
    assert (report.posts, report.follows, report.skipped) == (4, 3, 1)
    assert [p.line for p in report.problems] == [19]


def test_a_missing_tweets_part_is_told_as_a_missing_file_not_as_skipped_records(
    tmp_path: Path,
) -> None:
    archive = _archive(tmp_path)
    (archive / "data" / "tweets-part1.js").unlink()
    report = _import(archive)
    assert (report.posts, report.skipped, report.problems) == (3, 0, [])
    [missing] = report.missing_files
    assert missing.file == str(archive / "data" / "tweets-part1.js")
    assert missing.records == 2
    # a missing file, said as one: what lists it, what it held, that those were not imported
    assert missing.message.startswith(
        "listed in the archive's manifest (manifest.js, as data/tweets-part1.js) with 2 tweets, "
        "but not in the folder (under that name or another): those 2 tweets were not imported; "
    )
    assert "missing:" not in missing.message
    assert "import the whole archive ZIP again" in missing.message


def test_the_cli_says_what_was_lost_and_still_imports_the_rest(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    (archive / "data" / "tweets-part1.js").unlink()
    result = CliRunner().invoke(app, ["import", str(archive), "--db", str(tmp_path / "s.db")])
    # the rest imported, exit 0; the missing file on its own line, not as skipped records
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Imported 3 posts" in said and "Skipped 0 records" in said
    assert "Files missing from the archive: 1 (each named above, with what to do)" in said
    assert (
        "missing " + str(archive / "data" / "tweets-part1.js") + ": listed in the archive's "
        "manifest (manifest.js, as data/tweets-part1.js) with 2 tweets, but not in the folder"
    ) in said
    # --json: a key of its own, with the count of what was lost; skipped does not count it
    as_json = CliRunner().invoke(
        app, ["import", str(archive), "--db", str(tmp_path / "j.db"), "--json"]
    )
    data = json.loads(as_json.stdout)
    assert (data["skipped"], data["problems"]) == (0, [])
    [missing] = data["missing_files"]
    assert missing["file"] == str(archive / "data" / "tweets-part1.js")
    assert missing["records"] == 2
    assert missing["message"].startswith("listed in the archive's manifest (manifest.js, as ")


def test_a_zip_without_a_listed_part_says_to_download_the_archive_again(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    zipped = tmp_path / "twitter-2026-03-10.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        for file in sorted((archive / "data").rglob("*.js")):
            if file.name != "follower.js":
                z.write(file, f"data/{file.name}")
    report = _import(zipped)
    [missing] = report.missing_files
    assert missing.file == f"{zipped}!data/follower.js" and missing.records == 2
    assert "with 2 followers, but not in the ZIP (under that name or another): those 2 " in (
        missing.message
    )
    assert "download the archive from X again" in missing.message
    assert report.skipped == 1  # the fixture's bad tweet; the followers were never there


def test_a_part_cut_short_counts_every_tweet_the_manifest_lists(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    tweets = archive / "data" / "tweets.js"
    text = tweets.read_text(encoding="utf-8")
    second = text.index('"tweet"', text.index('"tweet"') + 1)
    tweets.write_text(text[: second + 200], encoding="utf-8")  # cut inside the 2nd tweet
    report = _import(archive)
    lost = [p for p in report.problems if p.file == str(tweets)]
    assert "looks cut short" in lost[0].message  # the incomplete entry, at its line
    told = lost[-1]
    assert told.line is None
    assert "only 1 of the 3 tweets manifest.js lists were read, so 2 were not imported" in (
        told.message
    )
    assert "download the archive from X again" in told.message
    # 2 of tweets.js (the cut one and the one after it) and the fixture's bad tweet
    assert (report.posts, report.skipped) == (2, 3)


def test_a_follower_list_short_of_its_count_leaves_the_owners_count_blank(
    tmp_path: Path,
) -> None:
    counts = {**FIXTURE_COUNTS, "follower": {"data/follower.js": 5}}
    archive = _archive(tmp_path, counts)
    with open_store(":memory:") as store:
        report = import_paths(store, [archive])
        owner = store.find_account("AcmeStaffing")
    # 2 followers counted from a list of 5 would be a wrong count: left blank, as for an
    # unreadable entry; the number followed (complete) is kept
    assert (owner.followers, owner.following) == (None, 1)
    short = next(p for p in report.problems if p.file.endswith("follower.js"))
    assert short.records == 3 and "only 2 of the 5 followers" in short.message
    assert report.skipped == 4


def test_a_missing_follower_list_leaves_the_owners_count_blank(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    (archive / "data" / "follower.js").unlink()
    with open_store(":memory:") as store:
        report = import_paths(store, [archive])
        owner = store.find_account("AcmeStaffing")
    assert (owner.followers, owner.following) == (None, 1)
    assert (report.skipped, len(report.missing_files)) == (1, 1)


def test_a_file_given_alone_is_checked_alone(tmp_path: Path) -> None:
    """The other files of the folder are not the import's: none is told missing."""
    archive = _archive(tmp_path)
    (archive / "data" / "tweets-part1.js").unlink()
    report = _import(archive / "data" / "tweets.js")
    assert (report.posts, report.skipped, report.problems) == (3, 0, [])
    assert report.missing_files == []


def test_an_archive_without_counts_is_read_as_before(tmp_path: Path) -> None:
    """An older manifest.js lists no data files: nothing to check, nothing told."""
    report = _import(_archive(tmp_path, {}))
    assert (report.posts, report.skipped) == (4, 1)


def test_an_archive_in_several_zips_says_to_import_them_together(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(ARCHIVE, archive)
    (archive / "data" / "manifest.js").write_text(
        _manifest(FIXTURE_COUNTS, partial=True), encoding="utf-8"
    )
    (archive / "data" / "tweets-part1.js").unlink()
    [missing] = _import(archive).missing_files
    assert "in several ZIPs" in missing.message and "into one folder" in missing.message


def test_the_real_archive_cut_short_counts_what_its_manifest_lists(
    shared_data: Path, tmp_path: Path
) -> None:
    sample = shared_data / "formats" / "twitter_archive_samples" / "org_RTIatMLA"
    if not sample.is_dir():
        pytest.skip(f"{sample} is absent")
    data = tmp_path / "half_arch" / "data"
    shutil.copytree(sample, data)
    tweet_js = data / "tweet.js"
    tweet_js.chmod(0o644)
    tweet_js.write_bytes(tweet_js.read_bytes()[: 60 * 1024])  # a half-finished download
    report = _import(data.parent)
    assert 0 < report.posts < 70
    assert report.skipped == 70 - report.posts  # the manifest lists 70
    assert f"only {report.posts} of the 70 tweets" in report.problems[-1].message


@pytest.mark.parametrize("packed", [False, True], ids=["folder", "zip"])
def test_a_renamed_part_is_the_one_the_manifest_lists(tmp_path: Path, packed: bool) -> None:
    """``tweets-part1 (1).js`` holds window.YTD.tweets.part1: it is data/tweets-part1.js of
    the manifest, not a missing file."""
    archive = _archive(tmp_path)
    data = archive / "data"
    (data / "tweets-part1.js").rename(data / "tweets-part1 (1).js")
    path = archive
    if packed:
        path = tmp_path / "twitter-2026-03-10.zip"
        with zipfile.ZipFile(path, "w") as z:
            for file in sorted(data.glob("*.js")):
                z.write(file, f"data/{file.name}")
    report = _import(path)
    assert (report.posts, report.follows, report.skipped) == (4, 3, 1)
    assert [p.line for p in report.problems] == [19]  # the fixture's bad tweet, nothing missing


def test_a_renamed_part_cut_short_is_checked_against_its_count(tmp_path: Path) -> None:
    counts = {**FIXTURE_COUNTS, "tweets": {"data/tweets.js": 3, "data/tweets-part1.js": 5}}
    archive = _archive(tmp_path, counts)
    data = archive / "data"
    (data / "tweets-part1.js").rename(data / "tweets copy.js")
    report = _import(archive)
    told = report.problems[-1]
    assert told.file == str(data / "tweets copy.js") and told.records == 3
    assert "only 1 of the 5 tweets manifest.js lists were read" in told.message
    assert (report.posts, report.skipped) == (4, 4)  # the bad tweet and the 3 not there


def test_the_cli_imports_a_renamed_part_without_calling_it_missing(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    data = archive / "data"
    (data / "tweets-part1.js").rename(data / "tweets-part1 (1).js")
    result = CliRunner().invoke(app, ["import", str(archive), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Imported 4 posts" in said and "Skipped 1 record " in said
    assert "missing" not in said


def _zipped_with_damage(archive: Path, damaged: str, zip_path: Path) -> Path:
    """``archive`` as a ZIP (stored, so that a member's data follows its name) with one byte
    of the file ``damaged`` (``tweets.js``) flipped: it no longer matches its checksum."""
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_STORED) as packed:
        for file in sorted(archive.rglob("*")):
            if file.is_file():
                packed.write(file, f"archive/{file.relative_to(archive)}")
    data = bytearray(zip_path.read_bytes())
    name = f"archive/data/{damaged}".encode()
    data[data.index(name) + len(name) + 40] ^= 0xFF
    zip_path.write_bytes(bytes(data))
    return zip_path


@pytest.mark.parametrize("listed", [True, False])
def test_a_tweets_file_damaged_in_the_zip_is_told_with_what_it_held(
    tmp_path: Path, listed: bool
) -> None:
    # QA s29: an X archive ZIP whose tweets.js did not unpack stopped the import with "an
    # unexpected problem" (Bad CRC-32), the account and follows unread
    archive = archive_of(
        tmp_path / "x", [tweet(str(100 + day), day) for day in range(1, 6)], manifest=listed
    )
    path = _zipped_with_damage(archive, "tweets.js", tmp_path / "twitter.zip")
    report = import_paths(open_store(":memory:"), [path])
    assert report.accounts == 1 and report.posts == 0
    (told,) = [problem for problem in report.problems if problem.file.endswith("tweets.js")]
    assert told.message.startswith("is damaged in the ZIP, so nothing of it was read: ")
    if listed:  # the manifest says how many tweets went with it: counted as skipped
        assert "its 5 tweets (as manifest.js lists) were not imported" in told.message
        assert report.skipped == 5 and not report.unread_files
    else:  # not known: a file not read, not a wrong count
        assert "how many entries it held cannot be told" in told.message
        assert report.skipped == 0 and report.unread_files == [told]
    assert "download the archive from X again and import the whole ZIP" in told.message


def test_an_account_file_damaged_in_the_zip_is_told_and_the_manifest_names_the_owner(
    tmp_path: Path,
) -> None:
    archive = archive_of(tmp_path / "x", [tweet("101", 1), tweet("102", 2)])
    path = _zipped_with_damage(archive, "account.js", tmp_path / "twitter.zip")
    report = import_paths(open_store(":memory:"), [path])
    assert report.posts == 2  # the manifest's userInfo says whose archive it is
    assert [problem.file for problem in report.unread_files] == [f"{path}!archive/data/account.js"]


def test_the_small_files_of_an_extracted_archive_are_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """account.js, profile.js and manifest.js are asked whose archive it is, when it was made
    and what it lists: each is opened once, not once per question."""
    archive = _archive(tmp_path)
    reads: dict[str, int] = {}
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        reads[path.name] = reads.get(path.name, 0) + 1
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    report = _import(archive)
    assert report.posts > 0
    assert reads["manifest.js"] == 1 and reads["account.js"] == 1
