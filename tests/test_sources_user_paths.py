"""staffpulse.sources.user_paths: a file a user names that is missing, a folder or unreadable
is told in words (which file, what to do), and a browser's unfinished download is named as one
(QA s29)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest_helpers import GOOD, write_jsonl
from staffpulse.errors import InputError, MissingFileError
from staffpulse.ingest import import_paths
from staffpulse.sources.folders import left_out
from staffpulse.sources.text_files import read_user_text
from staffpulse.sources.user_paths import (
    explain_open_errors,
    given_once,
    missing_hint,
    still_downloading,
)
from staffpulse.store import open_store


def test_a_file_still_being_downloaded_is_told_to_wait_for_the_download(tmp_path: Path) -> None:
    # the browser writes cohort.csv.crdownload until the download ends: the name typed is right
    (tmp_path / "cohort.csv.crdownload").write_bytes(b"handle\n@firm\n")
    with pytest.raises(MissingFileError) as refused:
        read_user_text(tmp_path / "cohort.csv", what="cohort file", not_text_hint="write a list")
    assert refused.value.message == f"{tmp_path / 'cohort.csv'}: no such cohort file"
    assert refused.value.hint is not None
    assert "still being downloaded (cohort.csv.crdownload is there)" in refused.value.hint


def test_a_missing_file_or_a_folder_says_which_and_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError) as missing:
        read_user_text(tmp_path / "nope.txt", what="keywords file", not_text_hint="one a line")
    with pytest.raises(InputError) as folder:
        read_user_text(tmp_path, what="keywords file", not_text_hint="one a line")
    assert (missing.value.message, missing.value.hint) == (
        f"{tmp_path / 'nope.txt'}: no such keywords file",
        "check the path",
    )
    assert (folder.value.message, folder.value.hint) == (
        f"{tmp_path} is a folder, not a keywords file",
        "one a line",
    )


def test_a_file_the_system_will_not_let_be_read_names_the_reason(tmp_path: Path) -> None:
    # tests run as root in CI, where chmod 000 does not stop a read: the refusal is raised
    given = tmp_path / "posts.jsonl"
    with pytest.raises(InputError) as refused, explain_open_errors(given, folder_hint="x"):
        raise PermissionError(13, "Permission denied", str(given))
    assert refused.value.message == f"{given}: cannot read the file (Permission denied)"
    assert refused.value.hint is not None and "permissions" in refused.value.hint


@pytest.mark.parametrize(
    ("name", "said"),
    [
        (
            "posts.jsonl.crdownload",
            "(Chrome and Edge name a file .crdownload until it is complete)",
        ),
        ("tweets.zip.part", "(Firefox names a file .part until it is complete)"),
    ],
)
def test_a_download_not_finished_is_named_as_one_with_the_file_to_import(
    name: str, said: str
) -> None:
    found = still_downloading(Path(name))
    assert found is not None and found[0].endswith(said)
    assert found[1].startswith(f"wait until it has finished, then import {name.rsplit('.', 1)[0]};")


def test_a_name_no_browser_gives_a_download_is_no_download() -> None:
    assert still_downloading(Path("posts.jsonl")) is None
    assert still_downloading(Path(".part")) is None  # a hidden file, not a download of one


def test_a_path_given_twice_or_inside_a_folder_given_is_kept_once(tmp_path: Path) -> None:
    folder = tmp_path / "client"
    folder.mkdir()
    posts = folder / "posts.jsonl"
    posts.write_text("{}\n")
    other = tmp_path / "other.jsonl"
    other.write_text("{}\n")
    spelt_otherwise = tmp_path / "client" / ".." / "other.jsonl"
    kept, repeats = given_once([posts, other, spelt_otherwise, folder])
    assert kept == [other, folder]
    assert repeats == [
        (spelt_otherwise, f"the same as {other}: read once"),
        (posts, f"inside {folder}, given too: read once"),
    ]
    assert given_once([posts, posts]) == ([posts], [(posts, "given twice: read once")])


def test_an_import_reads_a_file_given_twice_once_and_says_so(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "posts.jsonl", GOOD)
    report = import_paths(open_store(":memory:"), [path, tmp_path / "." / "posts.jsonl"])
    assert (report.posts, report.skipped) == (2, 0)
    assert report.files == [(str(path), "staffpulse JSONL")]  # read once
    assert [(p.file, p.message, p.records) for p in report.problems] == [
        (str(path), "given twice: read once", 0)
    ]


def test_an_unfinished_download_is_refused_alone_and_left_out_among_others(
    tmp_path: Path,
) -> None:
    # QA s29: the first lines of a .crdownload read as JSONL, its last told as a bad line
    good = write_jsonl(tmp_path / "posts.jsonl", GOOD)
    partial = tmp_path / "march.jsonl.crdownload"
    partial.write_text(good.read_text()[:90])
    with pytest.raises(InputError) as refused:
        import_paths(open_store(":memory:"), [partial])
    assert refused.value.message == (
        f"{partial}: a download that has not finished (Chrome and Edge name a file .crdownload"
        " until it is complete)"
    )
    assert refused.value.hint is not None
    assert refused.value.hint.startswith("wait until it has finished, then import march.jsonl")
    report = import_paths(open_store(":memory:"), [tmp_path])  # in a folder: left out, told
    assert (report.posts, report.skipped) == (2, 0)
    (told,) = report.problems
    assert told.file == str(partial) and left_out(told)
    assert "this is a download that has not finished" in told.message


def test_a_missing_file_whose_download_is_under_way_is_told_to_wait(tmp_path: Path) -> None:
    (tmp_path / "march.jsonl.part").write_text('{"type": "acc')
    with pytest.raises(MissingFileError) as refused:
        import_paths(open_store(":memory:"), [tmp_path / "march.jsonl"])
    assert refused.value.hint is not None
    assert "still being downloaded (march.jsonl.part is there)" in refused.value.hint


def test_a_link_whose_file_is_gone_is_told_as_a_link(tmp_path: Path) -> None:
    # "check the path" did not help: the name typed is right, the file behind it is gone
    link = tmp_path / "posts.csv"
    link.symlink_to(tmp_path / "moved" / "posts.csv")
    said = missing_hint(link, "the path and try again")
    assert said.startswith("it is a link to a file that is not there (")
    assert "put the file back where the link points" in said and "check" not in said


def test_a_typo_in_a_file_name_offers_the_names_beside_it(tmp_path: Path) -> None:
    # "check the path" left a user to find the typo alone: the folder knows the names
    (tmp_path / "export-2026-03-02.zip").write_bytes(b"PK")
    (tmp_path / "Handles.csv").write_text("handle\n@firm\n")
    (tmp_path / "unrelated.txt").write_text("x")
    assert missing_hint(tmp_path / "export-2026-03-01.zip", "the path") == (
        f"did you mean {tmp_path / 'export-2026-03-02.zip'}? Else check the path"
    )
    assert missing_hint(tmp_path / "handles.csv", "the path").startswith(
        f"did you mean {tmp_path / 'Handles.csv'}?"
    )
    assert missing_hint(tmp_path / "quarterly.json", "the path") == "check the path"


def test_a_missing_folder_on_the_way_is_named(tmp_path: Path) -> None:
    typed = tmp_path / "Dowloads" / "march" / "export.zip"
    assert (
        missing_hint(typed, "the path")
        == f"there is no folder {tmp_path / 'Dowloads'}: check the path"
    )
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    assert missing_hint(tmp_path / "notes.txt" / "export.zip", "the path") == "check the path"


def test_no_unrelated_or_hidden_name_is_offered(tmp_path: Path) -> None:
    # "b.csv" and "a.csv" read alike only by their ending, and a hidden file's name (.env)
    # may tell what it holds: neither is a typo of the name given
    (tmp_path / "a.csv").write_text("id,text\n")
    (tmp_path / ".env").write_text("not read: the name is what counts")
    assert missing_hint(tmp_path / "b.csv", "the path") == "check the path"
    assert missing_hint(tmp_path / "env", "the path") == "check the path"
    assert missing_hint(tmp_path / ".envv", "the path") == (
        f"did you mean {tmp_path / '.env'}? Else check the path"
    )
    (tmp_path / "kws.txt").write_text("hiring\n")
    assert missing_hint(tmp_path / "kw.txt", "the path").startswith(
        f"did you mean {tmp_path / 'kws.txt'}?"
    )
