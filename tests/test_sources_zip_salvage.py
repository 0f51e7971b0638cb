"""A ZIP cut short (a download that stopped): the files before the cut are read, the cut
told, as written by a program that knows sizes ahead and by a streaming one (data
descriptors, as Mastodon's archive is written)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.sources.zip_salvage import SalvagedZip, open_zip
from staffpulse.store import open_store

POSTS = [
    {"type": "post", "platform": "x", "id": str(n), "author": "acmestaffing", "text": f"post {n}"}
    for n in range(40)
]
FIRST = "\n".join(json.dumps(p) for p in POSTS[:20]) + "\n"
SECOND = "\n".join(json.dumps(p) for p in POSTS[20:]) + "\n"


class _Stream(io.RawIOBase):
    """Somewhere zipfile cannot seek back to: it writes each size after the data."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, chunk: bytes) -> int:  # type: ignore[override]
        self.data += chunk
        return len(chunk)


def _zip(streamed: bool, members: dict[str, bytes | str]) -> bytes:
    out: io.BytesIO | _Stream = _Stream() if streamed else io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return bytes(out.data) if isinstance(out, _Stream) else out.getvalue()


@pytest.mark.parametrize("streamed", [False, True])
def test_the_files_before_the_cut_are_read_and_the_cut_named(
    tmp_path: Path, streamed: bool
) -> None:
    data = _zip(streamed, {"export/first.jsonl": FIRST, "export/second.jsonl": SECOND})
    assert (zipfile.ZipFile(io.BytesIO(data)).infolist()[0].flag_bits & 0x08) == streamed * 8
    path = tmp_path / "export.zip"
    path.write_bytes(data[: data.index(b"export/second.jsonl") + 30])  # cut in its data
    with open_zip(path) as archive:
        assert isinstance(archive, SalvagedZip)
        assert archive.namelist() == ["export/first.jsonl"]
        assert archive.read("export/first.jsonl").decode() == FIRST
        assert archive.told.startswith(
            "the ZIP is cut short in the middle of export/second.jsonl (its download or copy "
            "stopped): the 1 file before the cut was read, what came after is lost"
        )
        assert archive.cut_data  # a file of data was cut: records may be lost
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped) == (20, 1)
    (problem,) = report.problems
    assert (problem.file, problem.line) == (str(path), None)
    assert "download or copy the ZIP again and import it to read the rest" in problem.message


def test_a_zip_cut_in_its_directory_keeps_every_file(tmp_path: Path) -> None:
    data = _zip(True, {"first.jsonl": FIRST, "second.jsonl": SECOND})
    path = tmp_path / "export.zip"
    path.write_bytes(data[:-10])  # only the end record lost
    with open_zip(path) as archive:
        assert isinstance(archive, SalvagedZip) and not archive.cut_data
        assert archive.namelist() == ["first.jsonl", "second.jsonl"]
        assert archive.read("second.jsonl").decode() == SECOND
        assert "cut short (its download" in archive.told  # no file named: none was cut


def test_a_whole_zip_is_opened_as_it_is_and_no_zip_at_all_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(_zip(False, {"first.jsonl": FIRST}))
    with open_zip(path) as archive:
        assert not isinstance(archive, SalvagedZip)
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 10)  # no whole file in it
    with pytest.raises(zipfile.BadZipFile):
        open_zip(path)


@pytest.mark.parametrize("streamed", [False, True])
def test_what_a_salvaged_zip_unpacks_to_is_bounded(
    tmp_path: Path, streamed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a ZIP without its directory is not size-checked before reading, as the web checks a
    # whole one: past the bound, a file is told as lost, never unpacked (a ZIP bomb)
    monkeypatch.setattr("staffpulse.sources.zip_salvage.MAX_SALVAGED_BYTES", len(FIRST) + 10)
    data = _zip(streamed, {"first.jsonl": FIRST, "bomb.jsonl": "0" * 100_000})
    path = tmp_path / "export.zip"
    path.write_bytes(data[:-10])
    with open_zip(path) as archive:
        assert isinstance(archive, SalvagedZip) and archive.namelist() == ["first.jsonl"]
        assert archive.told.startswith(
            "the ZIP lost its list of files (cut short?), and its files from bomb.jsonl on would"
            " unpack to more than"
        )


def test_a_folder_entry_before_the_cut_is_not_counted_as_a_file(tmp_path: Path) -> None:
    # zip -r writes each folder as an entry of its own ("export/"): a cut ZIP of one whole
    # file said "the 2 files before the cut were read"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("export/"), b"")
        archive.writestr("export/first.jsonl", FIRST)
        archive.writestr("export/second.jsonl", SECOND)
    data = buffer.getvalue()
    path = tmp_path / "export.zip"
    path.write_bytes(data[: data.index(b"export/second.jsonl") + 30])
    with open_zip(path) as salvaged:
        assert isinstance(salvaged, SalvagedZip)
        assert "the 1 file before the cut was read" in salvaged.told


def test_a_zip_cut_before_anything_it_can_import_is_refused_as_cut(tmp_path: Path) -> None:
    from staffpulse.errors import InputError
    from staffpulse.sources.zip_checks import check_zip

    data = _zip(False, {"export/README.txt": "an export\n", "export/posts.jsonl": FIRST})
    path = tmp_path / "export.zip"
    path.write_bytes(data[: data.index(b"export/posts.jsonl") + 30])  # cut in the posts
    with pytest.raises(InputError) as caught:
        check_zip(path)
    said = str(caught.value)
    assert said.startswith(f"{path}: the ZIP is cut short (its download or copy stopped)")
    assert "hold nothing staffpulse can import (README.txt: not a known format)" in said
    assert caught.value.hint == "download or copy the ZIP again, then import it"


def test_a_zip_whose_only_data_file_is_damaged_says_to_get_it_again(tmp_path: Path) -> None:
    from staffpulse.errors import InputError
    from staffpulse.sources.zip_checks import check_zip

    data = bytearray(_zip(False, {"export/posts.jsonl": FIRST, "export/README.txt": "hi\n"}))
    data[60] ^= 0xFF  # a byte of the posts' packed data flipped: the member cannot be unpacked
    path = tmp_path / "export.zip"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as caught:
        check_zip(path)
    said = str(caught.value)
    assert said.startswith(f"{path}: the ZIP is damaged, and nothing staffpulse can import")
    assert "export/posts.jsonl: is damaged in the ZIP" in said
    assert caught.value.hint == "download or copy the ZIP again, then import it"
