"""The checks an import makes of each file (staffpulse.ingest_checks): each batch goes through
all of them, and the file is told what each found, in one order, with its skips counted."""

from __future__ import annotations

from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.ingest_blank_texts import BLANK_TEXT
from staffpulse.store import open_store

HEADER = "id,author,text,created_at\n"


def test_a_file_is_told_what_each_check_found_once_in_a_set_order(tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text(
        HEADER + "007,pine_clinic,Flu shots all week,2026-10-01T09:00:00Z\n", encoding="utf-8"
    )
    resaved = tmp_path / "resaved.csv"
    resaved.write_text(
        HEADER + "7,pine_clinic,Flu shots all week,2026-10-01T09:00:00Z\n"  # its zeros lost
        "8,pine_clinic,Open late on Thursday,2026-10-02T09:00:00Z\n"
        "8,pine_clinic,Open late on Thursday!,2026-10-02T09:00:00Z\n"  # declared twice
        "9,pine_clinic,,2026-10-03T09:00:00Z\n",  # no text anywhere: skipped
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [first])
        report = import_paths(store, [resaved])
    assert [(p.line, p.message) for p in report.problems] == [(5, BLANK_TEXT)]
    assert (report.skipped, report.posts, report.new_posts) == (1, 2, 1)
    notes = [n.message for n in report.notices]
    assert len(notes) == 2
    assert notes[0].startswith("post 8 is declared on 2 lines: each was imported once")
    assert notes[1].startswith("1 post of this file has an id that a spreadsheet saved")
