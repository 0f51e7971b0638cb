"""gzip-compressed files (``tweets.jsonl.gz``) are read as the file they hold."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
import zlib
from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.sources import detect
from staffpulse.sources.base import UNKNOWN_FORMAT
from staffpulse.store import open_store


def _page(n: int) -> str:
    tweet = {
        "id": str(n),
        "text": f"hiring {n}",
        "author_id": "9",
        "created_at": "2026-01-01T00:00:00Z",
    }
    users = [{"id": "9", "username": "acme", "name": "Acme"}]
    return json.dumps({"data": [tweet], "includes": {"users": users}}) + "\n"


def _jsonl(count: int) -> bytes:
    return "".join(_page(n) for n in range(1, count + 1)).encode()


def test_a_gzipped_twarc2_file_is_read_and_says_what_it_held(tmp_path: Path) -> None:
    path = tmp_path / "tweets.jsonl.gz"
    path.write_bytes(gzip.compress(_jsonl(3) + b"{oops\n"))
    assert detect(path).label == "twarc2 / X API v2 JSON (gzip)"
    report = import_paths(open_store(":memory:"), [path])
    assert report.posts == 3 and report.files == [(str(path), "twarc2 / X API v2 JSON (gzip)")]
    (problem,) = report.problems  # named by the .gz file and the line in it, never a temp file
    assert (problem.file, problem.line) == (str(path), 4) and report.skipped == 1


def test_a_gzip_file_cut_short_keeps_what_came_before(tmp_path: Path) -> None:
    path = tmp_path / "tweets.jsonl.gz"
    whole = gzip.compress(_jsonl(200), mtime=0)
    path.write_bytes(whole[: len(whole) // 2])
    report = import_paths(open_store(":memory:"), [path])
    assert 0 < report.posts < 200
    cut = report.problems[0]
    assert cut.file == str(path) and cut.message.startswith(
        "the gzip file is cut short: what came before was read, the rest is lost"
    )
    assert report.skipped == 1  # the incomplete last line the cut left


def test_joined_gzip_files_and_other_formats_inside(tmp_path: Path) -> None:
    joined = tmp_path / "both.jsonl.gz"  # cat a.gz b.gz > both.gz
    joined.write_bytes(gzip.compress(_jsonl(2)) + gzip.compress(_page(3).encode()))
    csv = tmp_path / "posts.csv.gz"
    csv.write_bytes(gzip.compress(b"id,author,platform,text\n100,acme,x,We are hiring\n"))
    utf16 = tmp_path / "windows.jsonl.gz"  # PowerShell's UTF-16, then gzipped
    utf16.write_bytes(gzip.compress(_page(4).encode("utf-16")))
    report = import_paths(open_store(":memory:"), [joined, csv, utf16])
    assert report.posts == 5 and not report.problems
    assert detect(csv).label == "staffpulse CSV (gzip)"


def _tar_gz() -> bytes:
    """A folder packed as a .tar.gz, as ``tar czf`` writes it."""
    packed = io.BytesIO()
    with tarfile.open(fileobj=packed, mode="w:gz") as tar:
        notes = b"client notes\n"
        member = tarfile.TarInfo("backup/notes.txt")
        member.size = len(notes)
        tar.addfile(member, io.BytesIO(notes))
    return packed.getvalue()


def test_a_gzip_of_no_known_format_says_so(tmp_path: Path) -> None:
    path = tmp_path / "backup.tar.gz"
    path.write_bytes(_tar_gz())
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    assert "a gzip file that holds no format staffpulse can import (a .tar.gz? unpack it" in (
        caught.value.message
    )


@pytest.mark.parametrize(
    ("name", "data", "told"),
    [
        ("brochure.pdf.gz", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "this is a PDF, not a file of posts"),
        (
            "following_accounts.csv.gz",
            b"Account address,Show boosts\nbob@mastodon.example,true\n",
            "this is a list of accounts Mastodon exports",
        ),
        ("clients.csv.gz", b"name,city\nAcme,Lyon\n", "the header (line 1) has name, city"),
    ],
)
def test_a_gzip_of_a_file_not_imported_says_what_it_holds(
    tmp_path: Path, name: str, data: bytes, told: str
) -> None:
    # as the file unpacked is told, not only "a gzip file that holds no format ..."
    path = tmp_path / name
    path.write_bytes(gzip.compress(data))
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    assert caught.value.message.startswith(
        f"{path}: a gzip file that holds no format staffpulse can import: {told}"
    )
    assert ".tar.gz?" not in caught.value.message
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / name).write_bytes(path.read_bytes())
    (folder / "tweets.jsonl").write_bytes(_jsonl(1))  # a folder of nothing else is refused
    (problem,) = import_paths(open_store(":memory:"), [folder]).problems
    assert problem.message.startswith(
        f"not a known format: a gzip file that holds no format staffpulse can import: {told}"
    )


def test_gzip_files_in_a_folder_and_a_zip(tmp_path: Path) -> None:
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "tweets.jsonl.gz").write_bytes(gzip.compress(_jsonl(2)))
    (folder / "other.gz").write_bytes(_tar_gz())
    report = import_paths(open_store(":memory:"), [folder])
    assert report.posts == 2
    assert [(p.file, p.message) for p in report.problems] == [
        (str(folder / "other.gz"), UNKNOWN_FORMAT)
    ]
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("twarc/tweets.jsonl.gz", gzip.compress(_jsonl(2) + b"{oops\n"))
    report = import_paths(open_store(":memory:"), [archive])
    assert report.posts == 2
    (problem,) = report.problems
    assert (problem.file, problem.line) == (f"{archive}!twarc/tweets.jsonl.gz", 3)


def _damaged_after(lines: bytes, rest: bytes) -> bytes:
    """gzip data that unpacks ``lines``, then holds a block no gzip reader can unpack."""
    packer = zlib.compressobj(wbits=31)
    head = packer.compress(lines) + packer.flush(zlib.Z_FULL_FLUSH)  # a block ends there
    return head + b"\x07" + packer.compress(rest) + packer.flush()  # 0x07: no such block type


def test_a_gzip_file_damaged_keeps_what_came_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "tweets.jsonl.gz"
    path.write_bytes(_damaged_after(_jsonl(30), _jsonl(5)))  # far below a chunk read at once
    report = import_paths(open_store(":memory:"), [path])
    assert report.posts == 30  # all lost before: zlib gives nothing of a chunk with damage
    assert report.problems[0].message.startswith("the gzip data is damaged near byte")


def test_a_gzip_file_damaged_before_what_tells_its_format_is_told_so(tmp_path: Path) -> None:
    path = tmp_path / "tweets.jsonl.gz"
    path.write_bytes(gzip.compress(_jsonl(3))[:14])  # cut inside its first bytes
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    assert caught.value.message == (
        f"{path}: the gzip file is cut short, so what it holds cannot be told"
    )
    assert caught.value.hint == "download or copy the file again"
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "tweets.jsonl.gz").write_bytes(_damaged_after(b"", _jsonl(3)))
    (folder / "posts.csv").write_text("id,author,platform,text\n1,acme,x,We are hiring\n")
    report = import_paths(open_store(":memory:"), [folder])
    assert report.problems[0].message.endswith(
        "so what it holds cannot be told: download or copy the file again"
    )
