"""Files of one import that hold the same bytes (staffpulse.sources.file_copies): a download
saved twice is read once, under its plain name, and the copy is told."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.sources import file_copies
from staffpulse.sources.file_copies import HEAD, without_copies
from staffpulse.store import open_store

POSTS = (
    "id,author,created_at,text\n"
    "c-1,lakeside_staffing,2026-04-01T09:00:00Z,Warehouse shifts open next week\n"
    "c-2,lakeside_staffing,2026-04-02T09:00:00Z,Meet our new branch team\n"
)


def test_a_download_saved_twice_is_read_once_and_the_copy_told(tmp_path: Path) -> None:
    folder = tmp_path / "Downloads"
    folder.mkdir()
    (folder / "posts (1).csv").write_text(POSTS, encoding="utf-8")
    (folder / "posts.csv").write_text(POSTS, encoding="utf-8")
    # the same size, other bytes: a different file, read
    (folder / "other.csv").write_text(POSTS.replace("c-1", "c-3"), encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [folder])
    assert [file for file, _label in report.files] == [
        str(folder / "other.csv"),
        str(folder / "posts.csv"),
    ]
    assert [(p.file, p.message, p.records) for p in report.problems] == [
        (
            str(folder / "posts (1).csv"),
            "holds the same as posts.csv (a copy, or a download saved twice): read once",
            0,
        )
    ]
    assert (report.posts, report.skipped) == (3, 0)


def test_a_copy_given_beside_its_original_is_named_with_its_path(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    first, copy = tmp_path / "a" / "posts.csv", tmp_path / "posts-backup.csv"
    first.write_text(POSTS, encoding="utf-8")
    copy.write_text(POSTS, encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [copy, first])
    (told,) = report.problems
    assert (told.file, told.message) == (
        str(copy),
        f"holds the same as {first} (a copy, or a download saved twice): read once",
    )


def test_long_files_alike_at_the_start_are_copies_only_when_alike_to_the_end(
    tmp_path: Path,
) -> None:
    start = POSTS.encode() * (HEAD // len(POSTS) + 2)  # past the head compared first
    files = {
        "posts.csv": start + b"c-9,lakeside_staffing,2026-04-09T09:00:00Z,Last row\n",
        "posts (1).csv": start + b"c-9,lakeside_staffing,2026-04-09T09:00:00Z,Last row\n",
        "later.csv": start + b"c-9,lakeside_staffing,2026-04-09T09:00:00Z,Last rox\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    plan = [(tmp_path / name, "staffpulse CSV") for name in files]
    kept, told = without_copies(plan)
    assert [path.name for path, _source in kept] == ["posts.csv", "later.csv"]
    assert [(Path(p.file).name, p.message) for p in told] == [
        (
            "posts (1).csv",
            "holds the same as posts.csv (a copy, or a download saved twice): read once",
        )
    ]


def test_long_files_of_one_size_that_differ_early_are_not_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # two big exports of one size: their first 64 KB tell them apart, so neither is read whole
    body = POSTS.encode() * (HEAD // len(POSTS) + 50)
    (tmp_path / "march.csv").write_bytes(b"m" + body)
    (tmp_path / "april.csv").write_bytes(b"a" + body)
    whole: list[str] = []
    read_whole = file_copies.hashlib.file_digest

    def counted(handle: object, digest: str) -> object:
        whole.append(getattr(handle, "name", ""))
        return read_whole(handle, digest)  # type: ignore[arg-type]

    monkeypatch.setattr(file_copies.hashlib, "file_digest", counted)
    plan = [(tmp_path / name, "staffpulse CSV") for name in ("march.csv", "april.csv")]
    kept, told = without_copies(plan)
    assert (len(kept), told, whole) == (2, [], [])


def test_a_copy_in_a_folder_of_a_zip_is_read_once_and_told_by_its_member(tmp_path: Path) -> None:
    # each copy was read again: twice the time and every note twice, the copy never told
    bundle = tmp_path / "exports.zip"
    with zipfile.ZipFile(bundle, "w") as z:
        z.writestr("april/posts.csv", POSTS)
        z.writestr("april/old/posts (1).csv", POSTS)
        z.writestr("april/other.csv", POSTS.replace("c-1", "c-3"))  # same size, other bytes
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [bundle])
    assert [file for file, _label in report.files] == [
        f"{bundle}!april/other.csv",
        f"{bundle}!april/posts.csv",
    ]
    assert [(p.file, p.message, p.records) for p in report.problems] == [
        (
            f"{bundle}!april/old/posts (1).csv",
            f"holds the same as {bundle}!april/posts.csv (a copy, or a download saved twice):"
            " read once",
            0,
        )
    ]
    assert (report.posts, report.skipped) == (3, 0)
