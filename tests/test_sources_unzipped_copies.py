"""A ZIP and the folder it was unzipped into, imported together (sources.unzipped_copies)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.store import open_store

POSTS = (
    "id,author,text,likes\n"
    "u-1,harborline,Dock shifts open,2\n"
    "u-2,harborline,Night crew wanted,1.2K\n"  # a count told once for its file
)


def _downloads(tmp_path: Path) -> Path:
    downloads = tmp_path / "Downloads"
    (downloads / "export" / "april").mkdir(parents=True)
    (downloads / "export" / "april" / "posts.csv").write_text(POSTS, encoding="utf-8")
    with zipfile.ZipFile(downloads / "export.zip", "w") as z:
        z.writestr("export/april/posts.csv", POSTS)
    return downloads


def test_a_folder_unzipped_beside_its_zip_is_read_once_from_the_zip(tmp_path: Path) -> None:
    # both were read: every note twice, and the twice-read file listed twice
    downloads = _downloads(tmp_path)
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [downloads])
    assert [file for file, _label in report.files] == [
        f"{downloads / 'export.zip'}!export/april/posts.csv"
    ]
    assert [(p.file, p.message, p.records) for p in report.problems] == [
        (
            str(downloads / "export"),
            "holds the same files as export.zip (the ZIP unzipped): read once, from the ZIP",
            0,
        )
    ]
    assert report.posts == 2 and len(report.notices) == 1


def test_a_folder_that_holds_more_than_its_zip_is_read_too(tmp_path: Path) -> None:
    downloads = _downloads(tmp_path)
    (downloads / "export" / "may.csv").write_text(POSTS.replace("u-", "m-"), encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [downloads])
    assert len(report.files) == 3 and not report.problems


def test_a_folder_unzipped_under_another_name_is_read_once_from_the_zip(tmp_path: Path) -> None:
    # "export (1)" beside "export.zip": both were read, and the report counted each post twice
    downloads = _downloads(tmp_path)
    (downloads / "export").rename(downloads / "export (1)")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [downloads])
    assert [file for file, _label in report.files] == [
        f"{downloads / 'export.zip'}!export/april/posts.csv"
    ]
    assert [(p.file, p.message) for p in report.problems] == [
        (
            str(downloads / "export (1)"),
            "holds the same files as export.zip, under another name (the ZIP unzipped): read"
            " once, from the ZIP",
        )
    ]
    assert report.posts == 2 and len(report.notices) == 1


def test_a_renamed_folder_given_beside_its_zip_is_read_once(tmp_path: Path) -> None:
    downloads = _downloads(tmp_path)
    moved = tmp_path / "Desktop" / "harbor posts"
    moved.parent.mkdir()
    (downloads / "export").rename(moved)
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [downloads / "export.zip", moved])
    assert [(p.file, p.message) for p in report.problems] == [
        (
            str(moved),
            f"holds the same files as {downloads / 'export.zip'} (the ZIP unzipped): read once,"
            " from the ZIP",
        )
    ]
    assert report.posts == 2


def test_a_folder_beside_an_encrypted_zip_is_read(tmp_path: Path) -> None:
    # the ZIP's note says to unzip it with its password and import the folder: doing so
    # beside the ZIP read nothing, the folder passed over as the ZIP's copy
    downloads = _downloads(tmp_path)
    zipped = bytearray((downloads / "export.zip").read_bytes())
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # its two headers
        zipped[zipped.index(signature) + flags] |= 0x1  # "packed with a password"
    (downloads / "export.zip").write_bytes(bytes(zipped))
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [downloads])
    assert report.posts == 2
    assert str(downloads / "export" / "april" / "posts.csv") in dict(report.files)
    assert [p.message for p in report.problems] == [
        "is encrypted, so nothing of it was read: unzip it with its password and import the folder"
    ]
