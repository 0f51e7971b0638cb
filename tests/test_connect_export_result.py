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
        "no DID known (fetch the account, then export again)": 1,
    }


def test_a_download_says_before_the_click_what_it_leaves_out() -> None:
    from dataclasses import replace

    from connect_fixtures import make_suggestion

    unseen = replace(make_suggestion(2, "11250512", "11250512"), handle_known=False)
    result = export_suggestions([SUGGESTIONS[0], unseen], "x-list")
    assert result.left_out_line("X list") == (
        "The X list leaves out 1 of the 2 suggestions: 1 × no handle stored, only the account "
        "id (fetch the account, then export again)."
    )
    assert export_suggestions(SUGGESTIONS[:1], "x-list").left_out_line("X list") is None
