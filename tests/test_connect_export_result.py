"""What an export tells (staffpulse.connect.export_result.ExportResult): its summary for --json
and the reasons accounts were skipped, each counted once in the order met."""

from __future__ import annotations

from pathlib import Path

from connect_fixtures import SUGGESTIONS, WHEN
from staffpulse.connect.export import (
    ExportResult,
    export_suggestions,
)


def test_summary_for_json() -> None:
    result = ExportResult("x-list", "@a\n", 1, ["@b: why"])
    assert result.summary() == {
        "format": "x-list",
        "path": None,
        "written": 1,
        "skipped": ["@b: why"],
        "notes": [],
    }
    assert result.summary(Path("out.txt"))["path"] == "out.txt"


def test_skip_reasons_count_each_reason_once_in_the_order_met() -> None:
    result = export_suggestions(SUGGESTIONS, "bluesky-list", now=WHEN)
    assert result.skip_reasons() == {
        "an X account, not a Bluesky one": 1,
        "a Mastodon account, not a Bluesky one": 2,
        "no DID known (resolve the handle, then re-export)": 1,
    }
