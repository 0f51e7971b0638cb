"""The page's controls for the options a hint names (``staffpulse.web.wording_controls``)."""

from __future__ import annotations

from staffpulse.connect.reach_back import reach_back
from staffpulse.next_steps import (
    CONNECT_OPTIONS,
    INCLUDE_CONTACTS,
    INCLUDE_UNSEEN,
    SHOW_WITH,
    WIDER_ROLE,
)
from staffpulse.web.wording_controls import (
    OPTION_CONTROLS,
    connect_controls,
    example_line,
    export_buttons,
    segment_names,
)


def test_export_formats_are_named_as_the_connect_page_buttons() -> None:
    assert export_buttons("x-list or csv") == "use the “X list” or “Spreadsheet (CSV)” export"


def _show_them_with(said: str) -> str:
    """``said`` ("show them with A, B and C") as the page's controls."""
    found = SHOW_WITH.pattern().fullmatch(said)
    assert found is not None
    return connect_controls(found["options"], found["them"])


def test_every_option_connect_advises_is_a_control_of_the_page() -> None:
    assert [step.terminal for step in CONNECT_OPTIONS if step not in OPTION_CONTROLS] == []


def test_connect_options_become_the_ticks_and_choices_of_the_page() -> None:
    said = f"show them with {INCLUDE_CONTACTS.say()}, {INCLUDE_UNSEEN.say()} and {WIDER_ROLE.say()}"
    assert _show_them_with(said) == (
        "tick “Include people you already talk with” and “Include accounts never seen” and "
        "choose a wider role (or “Any role”) to see them"
    )


def test_a_date_to_reach_back_to_is_one_option_with_its_values() -> None:
    """ "--as-of 2026-03-02 (or --inactive-days 120)", as reach_back words it, is set as the
    page's date and its inactivity, not read as two options."""
    from datetime import UTC, datetime

    ranked = datetime(2026, 6, 29, tzinfo=UTC)
    either, _remedies = reach_back([datetime(2026, 3, 1, 9, tzinfo=UTC)], [], ranked)[0]
    said = _show_them_with(f"show them with {INCLUDE_CONTACTS.say()} and {either}")
    days = either.split("--inactive-days ")[1].rstrip(")")
    assert said == (
        "tick “Include people you already talk with” and set “Rank as of” to 2026-03-02 (or "
        f"“Counts as inactive after” to {days} days) to see them"
    )


def test_cohort_segments_are_spelled_as_the_benchmark_form_does() -> None:
    assert segment_names("staffing_firm, hr, other") == "(use one of: staffing firm, HR or other)"


def test_an_example_cohort_line_spells_its_segment_as_the_form_does() -> None:
    assert example_line("acmestaffing,x,staffing_firm") == "acmestaffing,x,staffing firm"
    assert example_line("brightpath,bluesky,hr") == "brightpath,bluesky,HR"
