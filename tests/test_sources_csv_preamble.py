"""CSV exports with a report's title, date range or blank lines above the real header (as
social-media tools write them): the header is found, the lines above passed over and told,
and every record keeps its line. Hand-written files."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.sources import detect
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.csv_preamble import MAX_LINES, lines_above, preamble_note
from staffpulse.store import open_store

ANALYTICS = (
    Path(__file__).parent
    / "fixtures"
    / "x_analytics"
    / "tweet_activity_metrics_AcmeStaffing_20221201_20221231_en.csv"
)
TITLE = 'Post Performance Report\r\nAcme Staffing\r\n"Date Range: 11/01/2026 - 11/27/2026"\r\n\r\n'
POSTS = (
    "id,author,text,created_at\r\n"
    "1,AcmeStaffing,We are hiring,2026-11-02T10:00:00Z\r\n"
    "2,AcmeStaffing,Meet Jane,not a date\r\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_the_header_below_a_title_and_dates_is_found() -> None:
    lines = [*TITLE.splitlines(keepends=True), *POSTS.splitlines(keepends=True)]
    assert lines_above(lines) == 4
    assert lines_above(POSTS.splitlines(keepends=True)) == 0


def test_blank_lines_and_excel_sep_line_are_no_preamble() -> None:
    assert lines_above(["\n", "\n", *POSTS.splitlines(keepends=True)]) == 0
    assert lines_above(["sep=,\n", *POSTS.splitlines(keepends=True)]) == 0


def test_no_known_header_in_the_first_lines_reads_from_the_first() -> None:
    assert lines_above(["Report\n", "id,auther,txt\n", "1,a,b\n"]) == 0
    far = ["Report line\n"] * MAX_LINES + POSTS.splitlines(keepends=True)
    assert lines_above(far) == 0


def test_a_staffpulse_csv_with_a_title_is_imported_with_true_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "sprout.csv", TITLE + POSTS)
    assert detect(path).name == "staffpulse-csv"
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [path])
        again = import_paths(store, [path])
    assert (report.new_posts, again.new_posts) == (1, 0)
    assert [(p.file, p.line) for p in report.problems] == [(str(path), 7)]  # 'not a date'
    told = [str(note) for note in report.notices]
    assert any(preamble_note(4) in note for note in told)
    assert "the 4 lines above the header on line 5 (" in preamble_note(4)


def test_an_x_analytics_export_with_a_title_is_read(tmp_path: Path) -> None:
    text = ANALYTICS.read_text(encoding="utf-8")
    plain = _write(tmp_path, "plain.csv", text)
    titled = _write(tmp_path, "titled.csv", "X Analytics export\nDecember 2022\n\n" + text)
    assert detect(titled).name == detect(plain).name == "x-analytics"
    source = detect(titled)
    items = list(source.read(titled))
    notes = [item.message for item in items if isinstance(item, Notice)]
    assert preamble_note(3) in notes
    plain_items = [item for item in source.read(plain) if not isinstance(item, Notice | Problem)]
    titled_items = [item for item in items if not isinstance(item, Notice | Problem)]
    assert [i.rows for i in titled_items] == [i.rows for i in plain_items]
    assert [i.provenance.line for i in titled_items] == [
        i.provenance.line + 3 for i in plain_items if i.provenance.line is not None
    ]


def test_a_semicolon_header_below_a_title_is_split_on_semicolons(tmp_path: Path) -> None:
    path = _write(tmp_path, "export.csv", "Hootsuite export\n" + POSTS.replace(",", ";"))
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [path])
    assert report.new_posts == 1


def test_a_title_above_an_unknown_header_is_still_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.csv", "Report\nid,auther,txt\n1,a,b\n")
    with pytest.raises(UnknownFormatError, match=r"the header \(line 1\)"):
        detect(path)
