"""A ZIP is read as the folder it holds: every member, an X archive among them, all told."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.errors import EmptyInputError, InputError
from staffpulse.ingest import import_paths
from staffpulse.models import Account
from staffpulse.sources import detect
from staffpulse.sources.zipped import ZipFolder, ZipMember
from staffpulse.store import open_store

ARCHIVE = Path(__file__).parent / "fixtures" / "x_archive" / "data"
POSTS_CSV = "id,author,text\n1,harbortalent,We're hiring\n2,harbortalent,Tacos on Friday\n"
JSONL = json.dumps(
    {"type": "post", "platform": "bluesky", "id": "b1", "author": "rosa", "text": "hi"}
)


def _zip(target: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return target


def _archive_members(prefix: str) -> dict[str, bytes | str]:
    return {
        prefix + file.relative_to(ARCHIVE).as_posix(): file.read_bytes()
        for file in sorted(ARCHIVE.rglob("*"))
        if file.is_file()
    }


def test_a_zip_with_an_archive_and_other_exports_reads_every_member(tmp_path: Path) -> None:
    members = {
        **_archive_members("exports/acme/data/"),
        "exports/acme/data/like.js": "window.YTD.like.part0 = []",  # the archive's: not read
        "exports/harbor.csv": POSTS_CSV,
        "exports/bsky/rosa.jsonl": JSONL + "\n",
        "exports/README.md": "# what is here",
        "__MACOSX/exports/._harbor.csv": b"\x00\x05\x16\x07",
        "exports/.DS_Store": b"\x00\x00",
    }
    path = _zip(tmp_path / "all.zip", members)
    assert isinstance(detect(path), ZipFolder)
    with open_store(tmp_path / "db.sqlite") as store:
        first = import_paths(store, [path])
        assert first.files == [
            (f"{path}!exports/acme", "X archive"),
            (f"{path}!exports/bsky/rosa.jsonl", "staffpulse JSONL"),
            (f"{path}!exports/harbor.csv", "staffpulse CSV"),
        ]
        # The fixture archive's tweets-part1.js holds one tweet with a bad timestamp.
        assert (first.new_posts, first.skipped) == (4 + 2 + 1, 1)
        # An unknown file is told like a folder's, by its name in the ZIP, and not counted.
        assert sorted((p.file, p.message[:20]) for p in first.problems) == [
            (f"{path}!exports/README.md", "not a known format"),
            (f"{path}!exports/acme/data/tweets-part1.js", "unreadable timestamp"),
        ]
        stats = store.stats()
        again = import_paths(store, [path])
        assert (again.new_posts, again.new_accounts) == (0, 0) and store.stats() == stats
    assert set(stats["accounts"]) == {"x", "csv", "bluesky"}


def test_a_table_kept_in_the_archive_folder_of_an_x_archive_zip_is_read(tmp_path: Path) -> None:
    # An archive ZIP as X sends it (its data, its viewer, its media) with a CSV put in it
    members = {
        **_archive_members("data/"),
        "Your archive.html": "<html>the archive's viewer</html>",
        "assets/js/main.js": "var viewer = 1;",
        "data/tweets_media/101-photo.jpg": b"\xff\xd8\xff" + b"0" * 64,
        "data/README.txt": "What each file of the archive holds",
        "harbor.csv": POSTS_CSV,
    }
    path = _zip(tmp_path / "twitter-2026-03-01.zip", members)
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [path])
    assert report.files == [(str(path), "X archive"), (f"{path}!harbor.csv", "staffpulse CSV")]
    assert report.new_posts == 4 + 2
    # the archive's own files are neither read as data nor told as of no known format
    assert [p.file for p in report.problems] == [f"{path}!data/tweets-part1.js"]


def test_a_zip_of_one_export_is_read_and_its_records_name_the_member(tmp_path: Path) -> None:
    path = _zip(tmp_path / "one.zip", {"harbor.csv": POSTS_CSV + "3,harbortalent,x,extra\n"})
    found = list(ZipFolder().read_members(path))
    assert [(m.location, m.label) for m in found if isinstance(m, ZipMember)] == [
        (f"{path}!harbor.csv", "staffpulse CSV")
    ]
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.skipped) == (2, 1)
    assert (report.problems[0].file, report.problems[0].line) == (f"{path}!harbor.csv", 4)
    assert str(tmp_path / "staffpulse-zip") not in str(report.as_dict())


def test_a_zip_in_a_zip_is_read_too(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("rosa.jsonl", JSONL + "\n")
    path = _zip(tmp_path / "outer.zip", {"inner.zip": inner.getvalue()})
    report = import_paths(open_store(":memory:"), [path])
    assert report.files == [(f"{path}!inner.zip!rosa.jsonl", "staffpulse JSONL")]
    assert report.posts == 1


def test_a_damaged_zip_is_refused_and_says_so(tmp_path: Path) -> None:
    whole = _zip(tmp_path / "whole.zip", {"harbor.csv": POSTS_CSV * 50})
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole.read_bytes()[:60])  # cut in its only file: nothing whole to read
    with pytest.raises(InputError, match=r"cut\.zip: the ZIP is damaged or cut short"):
        import_paths(open_store(":memory:"), [cut])
    # In a folder it is one problem, counted, and the rest of the folder is imported.
    folder = tmp_path / "downloads"
    folder.mkdir()
    os.replace(cut, folder / "cut.zip")
    (folder / "harbor.csv").write_text(POSTS_CSV, encoding="utf-8")
    report = import_paths(open_store(":memory:"), [folder])
    assert (report.posts, report.skipped) == (2, 1)
    assert report.problems[0].message == "the ZIP is damaged or cut short; skipped"


def test_a_member_with_damaged_data_is_reported_and_its_loss_not_miscounted(
    tmp_path: Path,
) -> None:
    path = _zip(tmp_path / "crc.zip", {"harbor.csv": POSTS_CSV, "rosa.jsonl": JSONL + "\n"})
    data = bytearray(path.read_bytes())
    start = data.index(b"harbor.csv") + len(b"harbor.csv")  # the first member's data
    data[start + 5 : start + 25] = bytes(20)
    path.write_bytes(bytes(data))
    report = import_paths(open_store(":memory:"), [path])
    # QA s29: the member's 2 posts were counted as 1 skipped record: how many it held is not
    # known, so it is told as a file not read, and counted apart from the records skipped
    assert (report.posts, report.skipped) == (1, 0)
    assert [problem.file for problem in report.unread_files] == [f"{path}!harbor.csv"]
    assert "how many records it held cannot be told" in report.unread_files[0].message
    assert report.as_dict()["unread_files"] == [f"{path}!harbor.csv"]


def test_an_empty_zip_or_one_of_no_known_format_is_refused_like_a_folder(tmp_path: Path) -> None:
    path = _zip(tmp_path / "empty.zip", {})
    with pytest.raises(EmptyInputError, match="the ZIP holds no files"):
        import_paths(open_store(":memory:"), [path])
    docs = _zip(tmp_path / "docs.zip", {"a/report.pdf": b"%PDF-1.4", "notes.txt": "hello"})
    with pytest.raises(EmptyInputError) as refused:
        import_paths(open_store(":memory:"), [docs])
    # each member named with what it is, as a folder's are
    assert refused.value.message == (
        f"{docs}: the ZIP holds nothing staffpulse can import (report.pdf is a PDF, not a file"
        " of posts or accounts; notes.txt: not a known format)"
    )


def test_an_avatar_file_in_the_zip_comes_on_its_account_row(tmp_path: Path) -> None:
    account = {"type": "account", "platform": "x", "handle": "acme", "avatar_file": "a/acme.png"}
    png = (ARCHIVE / "profile_media" / "9001-face.png").read_bytes()
    path = _zip(tmp_path / "acc.zip", {"acme.jsonl": json.dumps(account), "a/acme.png": png})
    records = [i for i in ZipFolder().read(path) if hasattr(i, "rows")]
    (row,) = [r for item in records for r in item.rows]  # type: ignore[attr-defined]
    # carried on the row, not written anywhere: the import saves it beside the store
    assert isinstance(row, Account) and row.avatar_path is None and row.avatar_image is not None
    assert row.avatar_image.data == png and row.avatar_image.name == "acme.png"


def test_an_imported_avatar_is_kept_beside_the_store_it_goes_into(tmp_path: Path) -> None:
    """A store named on the command line (--db client.db) keeps its images beside it, in
    client-avatars/, so the store and its avatars move and back up together."""
    account = {"type": "account", "platform": "x", "handle": "acme", "avatar_file": "a/acme.png"}
    png = (ARCHIVE / "profile_media" / "9001-face.png").read_bytes()
    path = _zip(tmp_path / "acc.zip", {"acme.jsonl": json.dumps(account), "a/acme.png": png})
    with open_store(tmp_path / "clients" / "client.db") as store:
        import_paths(store, [path])
        (summary,) = store.list_accounts()
    stored = summary.account
    assert stored.avatar_path is not None
    kept = Path(stored.avatar_path)
    assert kept.parent == tmp_path / "clients" / "client-avatars" and kept.read_bytes() == png


def test_a_zip_of_zeros_after_its_signature_is_refused_as_damaged(tmp_path: Path) -> None:
    # A download that failed part way can leave the signature and then zeros: a local header
    # naming a file with no name, which is no file at all.
    path = tmp_path / "zeros.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 300)
    with pytest.raises(InputError, match=r"zeros\.zip: the ZIP is damaged or cut short"):
        import_paths(open_store(":memory:"), [path])


def _garbled_first_byte(target: Path, members: dict[str, str], damaged: str) -> Path:
    """A ZIP whose member ``damaged`` has its first byte changed after packing: its data no
    longer matches its checksum, and its head reads as no format at all."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as z:
        for name, text in members.items():
            z.writestr(name, text)
    data = bytearray(target.read_bytes())
    start = data.index(damaged.encode()) + len(damaged)  # stored: its data follows its name
    data[start] ^= 0xFF
    target.write_bytes(bytes(data))
    return target


def test_a_member_damaged_at_its_start_is_told_damaged_not_of_no_known_format(
    tmp_path: Path,
) -> None:
    # QA s27: a byte flipped early in a member garbled its head, and the ZIP was refused as
    # holding "no known format": the user was told to re-pack a file that was fine to export
    path = _garbled_first_byte(
        tmp_path / "export.zip",
        {"export/posts.jsonl": JSONL + "\n", "harbor.csv": POSTS_CSV},
        "posts.jsonl",
    )
    report = import_paths(open_store(":memory:"), [path])
    assert report.posts == 2  # the other member is imported
    assert [(p.file, p.message) for p in report.problems] == [
        (
            f"{path}!export/posts.jsonl",
            "is damaged in the ZIP, so nothing of it was read (how many records it held cannot"
            " be told): download or copy the ZIP again, then import it again",
        )
    ]
    alone = _garbled_first_byte(
        tmp_path / "alone.zip", {"posts.jsonl": JSONL + "\n"}, "posts.jsonl"
    )
    with pytest.raises(InputError) as refused:
        import_paths(open_store(":memory:"), [alone])
    assert refused.value.message == (
        f"{alone}: the ZIP is damaged, and nothing staffpulse can import could be read from it"
        f" ({alone}!posts.jsonl: is damaged in the ZIP, so nothing of it was read (how many"
        " records it held cannot be told): download or copy the ZIP again, then import it again)"
    )
    assert refused.value.hint == "download or copy the ZIP again, then import it"


@pytest.mark.parametrize(
    ("data", "holds"),
    [
        (bytes(range(256)) * 4, "binary data of no kind staffpulse knows"),
        (b"%PDF-1.7\n" + bytes(range(200)), "a PDF"),
    ],
)
def test_a_file_named_zip_that_is_no_zip_is_told_what_it_holds(
    tmp_path: Path, data: bytes, holds: str
) -> None:
    # not "damaged": unzipping it with another tool, as that message says, cannot help
    path = tmp_path / "export.zip"
    path.write_bytes(data)
    with pytest.raises(InputError) as refused:
        import_paths(open_store(":memory:"), [path])
    assert refused.value.message == (
        f"{path}: this is no ZIP archive, though its name ends in .zip: it holds {holds}"
    )
    assert (refused.value.hint or "").startswith("is it the file you meant? Give the export")


def test_a_file_named_zip_that_is_no_zip_among_several_is_left_out_not_counted(
    tmp_path: Path,
) -> None:
    posts = tmp_path / "harbor.csv"
    posts.write_text(POSTS_CSV, encoding="utf-8")
    fake = tmp_path / "photos.zip"
    fake.write_bytes(bytes(range(256)) * 4)
    report = import_paths(open_store(":memory:"), [posts, fake])
    assert (report.posts, report.skipped) == (2, 0)  # no record was in it to lose
    (problem,) = report.problems
    assert problem.message == (
        "not a known format: this is no ZIP archive, though its name ends in .zip: it holds"
        " binary data of no kind staffpulse knows"
    )


def test_files_named_zip_that_are_no_zip_given_together_are_each_told_on_a_line(
    tmp_path: Path,
) -> None:
    """Two such files were told one generic "nothing to import ... (2 other files left out)"
    (exit 1): each is told what it holds, as other files of no format are (exit 65)."""
    noise, pdf = tmp_path / "photos.zip", tmp_path / "brief.zip"
    noise.write_bytes(bytes(range(256)) * 4)
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    result = CliRunner().invoke(
        app, ["import", str(noise), str(pdf), "--db", str(tmp_path / "s.db"), "--json"]
    )
    assert result.exit_code == 65
    assert json.loads(result.stdout)["error"]["message"] == (
        "nothing was imported: none of the 2 paths holds anything staffpulse can import:\n"
        "  photos.zip: this is no ZIP archive, though its name ends in .zip: it holds binary"
        " data of no kind staffpulse knows\n"
        "  brief.zip: this is no ZIP archive, though its name ends in .zip: it holds a PDF"
    )
