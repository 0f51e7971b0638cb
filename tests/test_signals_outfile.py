"""``atomic_output``: a failed write never costs the user the file they already had."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from staffpulse.errors import InputError
from staffpulse.signals.outfile import atomic_output, check_output_path


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_failure_mid_write_keeps_old_file_and_removes_temp(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"old\n")
    with pytest.raises(RuntimeError), atomic_output(out) as sink:
        sink.write("half of the new results\n")
        sink.flush()
        raise RuntimeError("model crashed")
    assert out.read_bytes() == b"old\n"
    assert _names(tmp_path) == ["out.jsonl"]


def test_success_replaces_the_file_and_new_files_follow_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "new.jsonl"
    old_mask = os.umask(0o027)
    try:
        with atomic_output(out) as sink:
            sink.write("é\n")
    finally:
        os.umask(old_mask)
    assert out.read_text(encoding="utf-8") == "é\n"
    assert out.stat().st_mode & 0o777 == 0o640
    assert _names(tmp_path) == ["new.jsonl"]


def test_a_symlinked_output_stays_a_link_to_the_new_content(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    with atomic_output(link) as sink:
        sink.write("new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"


def test_disk_full_is_reported_as_an_output_error(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with pytest.raises(InputError, match="cannot write the output"), atomic_output(out):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert _names(tmp_path) == []


def test_unusable_paths_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("{}\n", encoding="utf-8")
    with pytest.raises(InputError, match="is the input file"):
        check_output_path(src, [src])
    with pytest.raises(InputError, match="is a folder"):
        check_output_path(tmp_path, [src])
    assert check_output_path(tmp_path / "new" / "out.jsonl", [src])  # created when written
    with pytest.raises(InputError, match="is not a folder"):
        check_output_path(src / "out.jsonl")
    assert check_output_path(tmp_path / "out.jsonl", [src]) == tmp_path.resolve() / "out.jsonl"
    assert _names(tmp_path) == ["in.jsonl"]


def test_a_pipe_or_device_is_written_into_not_replaced_by_a_file(tmp_path: Path) -> None:
    """``--output /dev/null`` renamed a file over /dev/null, which for root replaced the
    machine's /dev/null with a regular file; a named pipe stands in for the device here."""
    import stat
    import threading

    pipe = tmp_path / "results.pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()))
    reader.start()
    with atomic_output(pipe) as sink:
        sink.write('{"id": 1}\n')
    reader.join(10)
    assert got == [b'{"id": 1}\n']
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert _names(tmp_path) == ["results.pipe"]  # no temporary file left beside it


def test_a_full_disk_behind_a_device_is_told_as_an_output_error_too() -> None:
    """Written straight into (no temporary file), a device's full disk reads as the output's
    fault as a file's does; an error that is no fault of the output is left as it is."""
    device = Path("/dev/null")
    with (
        pytest.raises(InputError, match="/dev/null: cannot write the output"),
        atomic_output(device),
    ):
        raise OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(OSError, match="Input/output error") as caught, atomic_output(device):
        raise OSError(errno.EIO, "Input/output error")
    assert not isinstance(caught.value, InputError)
