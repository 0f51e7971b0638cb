"""What classify and roles share on the terminal: the progress bar over INPUT."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.progress import Progress

from staffpulse.cli.record_files import SkipPrinter, record_progress
from staffpulse.signals.batch import classify_records, read_records
from staffpulse.signals.text import load_text_signals


def test_the_bar_ends_full_whatever_the_size_of_a_line(tmp_path: Path) -> None:
    """QA F13: 2 KB tweet lines (a user object beside the text) left the bar at 7 %."""
    src = tmp_path / "wide.jsonl"
    user = {"description": "x" * 2000}
    src.write_text(
        "".join(json.dumps({"id": i, "text": "hi", "user": user}) + "\n" for i in range(300)),
        encoding="utf-8",
    )
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    with (
        read_records(src, lambda _: None) as records,
        record_progress(console, records, "classify", "posts", min_bytes=0) as advance,
    ):
        assert advance is not None
        batch = []
        for record in records:
            batch.append(record)
            if len(batch) == 100:
                advance(len(batch))
                batch = []
    frames = screen.getvalue()
    assert "300 posts" in frames
    assert "0:00:00" in frames  # nothing left to do: the bar is full at the end


def test_no_bar_for_a_small_file_or_off_a_terminal(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "hi"}\n', encoding="utf-8")
    with read_records(src, lambda _: None) as records:
        with record_progress(Console(file=io.StringIO()), records, "x", "posts", 0) as bar:
            assert bar is None
        terminal = Console(file=io.StringIO(), force_terminal=True)
        with record_progress(terminal, records, "x", "posts") as bar:
            assert bar is None  # under 1 MB
        dumb = Console(file=io.StringIO(), force_terminal=True, _environ={"TERM": "dumb"})
        with record_progress(dumb, records, "x", "posts", 0) as bar:
            assert bar is None  # a terminal that cannot redraw a line would print every frame


def test_the_bar_moves_while_a_file_smaller_than_a_chunk_is_classified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: a file under 20,000 lines is read whole before it is scored, and the bar stayed at
    "0 posts" (then jumped to the end). Now it moves with the posts written."""
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": i, "text": f"Post {i} about work"}) + "\n" for i in range(300)),
        encoding="utf-8",
    )
    shown: list[tuple[float, int]] = []
    update = Progress.update

    def record_update(self: Progress, task: Any, **fields: Any) -> None:
        shown.append((fields["completed"], fields["done"]))
        update(self, task, **fields)

    monkeypatch.setattr(Progress, "update", record_update)
    console = Console(file=io.StringIO(), force_terminal=True, width=100)
    with (
        read_records(src, lambda _: None) as records,
        record_progress(console, records, "classify", "posts", min_bytes=0) as advance,
    ):
        classify_records(load_text_signals(), records, io.StringIO(), advance, step=100)
        size = records.size
    assert [done for _, done in shown] == [100, 200, 300]
    completed = [bytes_shown for bytes_shown, _ in shown]
    assert completed[0] < completed[1] < completed[2] == size
    assert completed[0] == pytest.approx(size / 3, rel=0.05)  # lines of about the same size


@pytest.mark.parametrize("terminal", [True, False])
def test_skipped_lines_on_a_terminal_are_cut_short_redirected_all_listed(terminal: bool) -> None:
    """QA s20: past 20, skipped lines were only counted ("... and 980 more"), with no way to
    find which: a script checking each one could not. Redirected, every one is listed."""
    screen = io.StringIO()
    skips = SkipPrinter(Console(file=screen, force_terminal=terminal, width=200))
    for line in range(1, 26):
        skips(f"in.jsonl:{line}: not valid JSON")
    skips.print_rest("line")
    text = screen.getvalue()
    listed = [n for n in range(1, 26) if f"in.jsonl:{n}: not valid JSON" in text]
    if terminal:
        assert listed == list(range(1, 21))
        assert "... and 5 more malformed lines (redirect stderr to a file" in text
    else:
        assert listed == list(range(1, 26)) and "more malformed" not in text
