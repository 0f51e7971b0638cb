"""A data file of an X archive read entry by entry, the progress bar following the entries:
loaded whole, a lone tweets.js stood at full while its posts were still being read."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.read_offsets import read_offset
from staffpulse.sources.x_archive_entries import KEPT_CHARS, marking_read, read_entries
from staffpulse.sources.x_archive_files import parts_in_dir


def _tweets_file(folder: Path, count: int) -> Path:
    entries = [
        {"tweet": {"id_str": str(n), "full_text": f"Shift {n} is open"}} for n in range(count)
    ]
    path = folder / "tweets.js"
    path.write_text(f"window.YTD.tweets.part0 = {json.dumps(entries, indent=1)}", encoding="utf-8")
    return path


def test_the_file_is_marked_read_as_far_as_its_entries_go(tmp_path: Path) -> None:
    path = _tweets_file(tmp_path, 300)
    (part,) = parts_in_dir(tmp_path)
    seen = []
    for line, entry in marking_read(part, read_entries(part)):
        assert isinstance(entry, dict), line
        seen.append(read_offset(path) or 0)
    size = path.stat().st_size
    assert seen[0] < size // 100 and size // 2 < seen[-1] < size and seen == sorted(seen)
    assert read_offset(path) == size  # every entry read


def test_entries_read_for_the_owner_are_kept_and_the_file_counts_as_unread(
    tmp_path: Path,
) -> None:
    path = _tweets_file(tmp_path, 3)
    (part,) = parts_in_dir(tmp_path)
    kept = read_entries(part, room=KEPT_CHARS)
    assert isinstance(kept.entries, list) and len(kept.entries) == 3
    assert read_offset(path) == 0  # loaded to see whose it is: none of it imported yet
    assert [line for line, _ in marking_read(part, kept)] == [2, 8, 14]


def test_a_file_past_the_room_left_is_not_held_but_read_as_it_goes(tmp_path: Path) -> None:
    path = _tweets_file(tmp_path, 3)
    (part,) = parts_in_dir(tmp_path)
    entries = read_entries(part, room=path.stat().st_size // 2)
    assert not isinstance(entries.entries, list)
    assert len(list(marking_read(part, entries))) == 3
