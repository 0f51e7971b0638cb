"""What an import tells when it came in empty, and when it did not."""

from __future__ import annotations

from staffpulse.ingest_report import ImportReport
from staffpulse.sources.base import UNKNOWN_FORMAT, Problem


def test_files_read_with_nothing_in_them_are_named_with_the_ones_left_out() -> None:
    report = ImportReport(
        files=[(f"posts{n}.csv", "staffpulse CSV") for n in range(4)],
        problems=[Problem("/in/notes.txt", None, UNKNOWN_FORMAT)],
    )
    assert report.came_in_empty()
    error = report.nothing_imported_error()
    assert error.message == (
        "nothing to import: posts0.csv, posts1.csv, posts2.csv and others hold no accounts, "
        "posts or follows (1 other file left out: notes.txt)"
    )
    assert error.exit_code == 1


def test_a_skipped_record_or_a_row_written_is_not_an_empty_import() -> None:
    skipped = ImportReport(problems=[Problem("posts.csv", 3, "no 'text' column value")])
    written = ImportReport(posts=1)
    assert not skipped.came_in_empty() and not written.came_in_empty()
