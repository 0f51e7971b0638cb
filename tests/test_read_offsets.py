"""How far an import has read into a file, for its progress bar: the offset of an open
descriptor (Linux), or what a reader that read the file whole said; nothing for a file
replaced since, or one not read at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from staffpulse.read_offsets import FDS, mark_read, read_in_folder, read_offset, size_of

needs_proc = pytest.mark.skipif(not FDS.is_dir(), reason="no /proc/self/fd on this system")


@needs_proc
def test_the_offset_follows_an_open_reader(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(b"x" * 10_000)
    assert read_offset(path) is None  # not open, never read
    with path.open("rb", buffering=0) as reader:  # the descriptor's offset, not a buffer's
        reader.read(4_096)
        assert read_offset(path) == 4_096
        reader.read(1_000)
        assert read_offset(path) == 5_096


def test_a_file_read_whole_and_closed_counts_as_read_until_it_is_replaced(
    tmp_path: Path,
) -> None:
    path = tmp_path / "repo.car"
    path.write_bytes(b"y" * 2_000)
    mark_read(path)
    assert read_offset(path) == 2_000
    mark_read(path, 500)
    assert read_offset(path) == 500
    path.write_bytes(b"z" * 3_000)  # another upload at the same path
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)
    assert read_offset(path) in (None, 0)


def test_a_missing_file_has_size_zero_and_no_offset(tmp_path: Path) -> None:
    gone = tmp_path / "gone.csv"
    mark_read(gone)  # says nothing, raises nothing
    assert size_of(gone) == 0 and read_offset(gone) is None
    (tmp_path / "some.csv").write_bytes(b"abc")
    assert size_of(tmp_path / "some.csv") == 3


def test_a_folder_counts_what_was_read_of_its_files_and_nothing_beside_it(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    (folder / "data").mkdir(parents=True)
    tweets, account = folder / "data" / "tweets.js", folder / "data" / "account.js"
    tweets.write_bytes(b"t" * 3_000)
    account.write_bytes(b"a" * 200)
    beside = tmp_path / "archive-old.js"  # its name starts as the folder's: not in it
    beside.write_bytes(b"b" * 900)
    assert read_in_folder(folder) == 0
    mark_read(tweets)
    mark_read(beside)
    assert read_in_folder(folder) == 3_000
    if FDS.is_dir():
        with account.open("rb", buffering=0) as reader:
            reader.read(150)
            assert read_in_folder(folder) == 3_150
