"""An import's progress (staffpulse.web.import_progress.ImportProgress): the files and bytes
read, the file being imported and the records so far, as the job page shows them."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)


def test_import_progress_counts_files_and_bytes_read(tmp_path: Path) -> None:
    from staffpulse.web.import_progress import ImportProgress

    first, second = tmp_path / "a.jsonl", tmp_path / "b.zip"
    first.write_bytes(b"x" * 3000)
    second.write_bytes(b"y" * 1000)
    seen: list[tuple[str, int, int | None, str]] = []
    progress = ImportProgress(
        lambda *args: seen.append(args),
        [first, second],
        lambda text: text.replace(f"{tmp_path}/", ""),
    )
    progress.start()
    assert seen[-1] == ("Reading the files", 0, 4000, "3.9 KB to read · 0 files of 2 done")
    with second.open("rb", buffering=0) as reading:  # unbuffered: the offset is exact
        reading.read(400)
        progress(f"{second}!data/tweets.js", 2000)
    phase, read, total, detail = seen[-1]
    assert phase == "Importing b.zip!data/tweets.js (file 2 of 2)" and total == 4000
    assert "1 file of 2 done · 2,000 records so far" in detail
    if Path("/proc/self/fdinfo").is_dir():  # the offset read is seen where the system shows it
        assert read == 3400 and detail.startswith("3.3 KB of 3.9 KB read")
    else:
        assert read == 3000
    assert progress.read_all() == "3.9 KB read · 2,000 records"
