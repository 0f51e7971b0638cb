"""The page's controls for the options a hint names (``staffpulse.web.wording_controls``)."""

from __future__ import annotations

import re

from staffpulse.web.wording_controls import (
    CONNECT_OPTION,
    connect_controls,
    export_buttons,
    segment_names,
)


def test_export_formats_are_named_as_the_connect_page_buttons() -> None:
    match = re.search(r"use --export ((?:[\w-]+ or )*csv)", "use --export x-list or csv")
    assert match is not None
    assert export_buttons(match) == "use the “X list” or “Spreadsheet (CSV)” export"


def test_connect_options_become_the_ticks_and_choices_of_the_page() -> None:
    said = "show them with --include-contacts, --include-unseen and a wider --role (or none)"
    match = re.search(
        rf"show (them|it) with ((?:{CONNECT_OPTION})(?:(?:, | and )(?:" + rf"{CONNECT_OPTION}))*)",
        said,
    )
    assert match is not None
    assert connect_controls(match) == (
        "tick “Include people you already talk with” and “Include accounts never seen” and "
        "choose a wider role (or “Any role”) to see them"
    )


def test_cohort_segments_are_spelled_as_the_benchmark_form_does() -> None:
    match = re.search(
        r"\(use one of: ((?:[a-z_]+, )*[a-z_]+)\)", "(use one of: staffing_firm, hr, other)"
    )
    assert match is not None
    assert segment_names(match) == "(use one of: staffing firm, HR or other)"
