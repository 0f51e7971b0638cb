"""Connect's terminal table (staffpulse.report.terminal_connect): an account known only by its
id shows the link that opens its profile, whole, and the note that counts such accounts; a
list cut short says how many it shows of how many, and the run that shows them all."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Console

from connect_fixtures import SUGGESTIONS, WHEN, make_suggestion
from staffpulse.connect.explanation import Explanation
from staffpulse.connect.suggestion import Suggestion, SuggestReport
from staffpulse.models import Account
from staffpulse.report.terminal_connect import render_suggestions

# a follower known by its id alone: the reasons of every one of a tie
FOLLOWER = Explanation(None, ("follows you", "no post of their own seen"))


def _with_id_note(found: list[Suggestion]) -> SuggestReport:
    """@acme_staffing's report of ``found``, which says the note on the accounts known by id
    alone itself."""
    return SuggestReport(
        account=Account(platform="x", id="1", handle="acme_staffing"),
        as_of=WHEN,
        suggestions=found,
        circle_size=3,
    )


def _id_only_table(width: int) -> tuple[str, list[list[str]]]:
    """The table of @rita_recruits and a follower known only by its id at ``width`` columns:
    its text, and each of its lines as its cells (# | account | score | why)."""
    unseen = replace(
        make_suggestion(2, "1357924680135792468", "1357924680135792468"),
        handle_known=False,
        reasons=FOLLOWER,
        display_name="",
    )
    console = Console(width=width, record=True)
    render_suggestions(console, _with_id_note([SUGGESTIONS[0], unseen]))
    text = console.export_text()
    table = [line for line in text.splitlines() if line.startswith(("┏", "│", "└"))]
    # the table fits, its right edge shown
    assert all(len(line.rstrip()) <= width and line.rstrip()[-1] in "┓│┘" for line in table)
    cells = [[c.strip() for c in line.split("│")[1:5]] for line in table if line[0] == "│"]
    return text, cells


def _ranked_rows(text: str) -> list[list[str]]:
    """Each row's first line in the printed table, as its rank, account and score cells."""
    return [
        [cell.strip() for cell in line.split("│")[1:4]]
        for line in text.splitlines()
        if line.startswith("│") and line.split("│")[1].strip()
    ]


def test_an_account_known_only_by_its_id_shows_its_link_whole() -> None:
    text, cells = _id_only_table(120)
    # beside its id, on one line: a link broken over two lines does not open as one
    assert ["", "https://x.com/i/user/1357924680135792468", "", ""] in cells
    assert "account id 1357924680135792468" in text
    assert "1 of these 2 accounts is known only by its account id" in " ".join(text.split())


def test_at_80_columns_an_id_only_link_goes_under_the_reasons_not_beside_them() -> None:
    """Beside the account's 40-character link "why" had 20 columns at 80: a reason took 6
    lines. The link goes under the reasons instead, still whole on one line."""
    text, cells = _id_only_table(80)
    row = cells[[c[0] for c in cells].index("2") :]
    assert row == [
        ["2", "account id", "50.0", "follows you · no post of their own seen"],  # one line, not 6
        ["", "1357924680135792468", "", "https://x.com/i/user/1357924680135792468"],
    ]
    assert "…" not in text


def test_a_list_cut_short_names_the_run_that_shows_them_all() -> None:
    report = SuggestReport(
        account=Account(platform="x", id="1", handle="acme_staffing"),
        as_of=WHEN,
        suggestions=[SUGGESTIONS[0]],
        circle_size=3,
        candidates=3,
    )
    console = Console(width=200, record=True)
    render_suggestions(console, report)
    assert "Showing 1 of 3 suggestions: --limit 3 shows them all." in console.export_text()
    # the demo takes no --limit: its line names the connect run instead
    console = Console(width=200, record=True)
    render_suggestions(console, report, command="staffpulse connect acme_staffing --db d.db")
    assert (
        "Showing 1 of 3 suggestions: staffpulse connect acme_staffing --db d.db --limit 3 "
        "shows them all." in console.export_text()
    )


def test_the_heading_names_the_platform_as_people_write_it() -> None:
    """'on x' and 'on csv' read as keys: a CSV without a platform column is where the rows
    came from, not a network."""
    for platform, said in (("x", "@acme on X"), ("csv", "@acme from a CSV (no platform)")):
        report = SuggestReport(
            account=Account(platform=platform, id="acme", handle="acme"),
            as_of=WHEN,
            suggestions=[],
            circle_size=0,
        )
        console = Console(width=100, record=True)
        render_suggestions(console, report)
        assert f"No suggestions for {said} yet." in console.export_text()


def test_a_ranking_as_of_another_day_says_that_day_above_the_table() -> None:
    """A feed of an older year read "quoted them this month" with no month anywhere in the
    terminal: the ranking date is said when it is not today, and only then."""
    from datetime import UTC, datetime

    from staffpulse.connect.advice import Ranking

    def rendered(as_of: datetime, *, given: bool) -> str:
        report = SuggestReport(
            account=Account(platform="x", id="1", handle="acme_staffing"),
            as_of=as_of,
            suggestions=[SUGGESTIONS[0]],
            circle_size=3,
            ranking=Ranking("@acme_staffing", "x", as_of, given, 90, None),
        )
        console = Console(width=200, record=True)
        render_suggestions(console, report)
        return console.export_text()

    old = rendered(datetime(2024, 11, 3, 18, 0, tzinfo=UTC), given=False)
    assert old.startswith(
        "Ranked as of 3 Nov 2024 (the newest post of the account or the people it talks "
        'with): "this month" is the 30 days before.'
    )
    asked = rendered(datetime(2025, 6, 9, tzinfo=UTC), given=True)
    assert asked.startswith('Ranked as of 9 Jun 2025: "this month" is the 30 days before.')
    assert "Ranked as of" not in rendered(datetime.now(UTC), given=False)


def test_tied_scores_read_as_ties_and_a_run_of_tied_ids_is_counted_in_one_row() -> None:
    """Followers known only by their id, all alike, were ranked 2, 3, ... 57 in id order: a
    tie is shown "=2" (as the benchmark shows one), and past a few, the ids are counted."""
    followers = [
        replace(
            make_suggestion(rank, str(7000 + rank), str(7000 + rank)),
            score=17.0,
            handle_known=False,
            reasons=FOLLOWER,
        )
        for rank in range(2, 8)
    ]
    last = replace(make_suggestion(8, "dora_hr", "99"), score=0.6)
    found = [SUGGESTIONS[0], *followers, last]
    report = _with_id_note(found)
    console = Console(width=200, record=True)
    render_suggestions(console, report)
    text = console.export_text()
    rows = _ranked_rows(text)
    assert rows == [
        ["1", "@rita_recruits", "100.0"],
        ["=2", "account id 7002", "17.0"],
        ["=2", "account id 7003", "17.0"],
        ["=2", "account id 7004", "17.0"],
        ["=2", "3 more accounts known only by their id", "17.0"],
        ["8", "@dora_hr", "0.6"],
    ]
    assert "--export csv lists each" in text
    # the note no longer sends the reader to a link beside each: the counted row has none
    note = " ".join(text.split("note:")[1].split())
    assert "6 of these 8 accounts are known only by their account id" in note
    assert (
        "open the link beside each one shown to see who it is; --export csv gives the links "
        "of the 3 counted in one row." in note
    )


def test_accounts_showing_the_same_score_are_tied_and_different_ones_are_not() -> None:
    """Ties went by 3 significant digits while the table showed 2: rows 4 and 5 both read
    "5.5" with different ranks (5.54 and 5.51); 20.52 and 20.46 read 20.5 and tie too (QA s36)."""
    scored = [(100.0, "lead"), (20.52, "ana"), (20.46, "ben"), (5.54, "cy"), (5.51, "dee")]
    found = [replace(make_suggestion(i, h, str(i)), score=v) for i, (v, h) in enumerate(scored, 1)]
    console = Console(width=200, record=True)
    render_suggestions(console, _with_id_note(found))
    rows = _ranked_rows(console.export_text())
    assert rows == [
        ["1", "@lead", "100.0"],
        ["=2", "@ana", "20.5"],
        ["=2", "@ben", "20.5"],
        ["=4", "@cy", "5.5"],
        ["=4", "@dee", "5.5"],
    ]


def test_tied_ids_split_by_a_known_handle_are_still_counted_in_one_row() -> None:
    """A follower whose handle is known, tied with the id-only ones, split their count into
    "2 more", "2 more" and "3 more" rows of the same tie: one row counts them all."""
    why = FOLLOWER
    found = [SUGGESTIONS[0]]
    for rank in range(2, 14):
        if rank in (7, 10):
            found.append(
                replace(make_suggestion(rank, f"known{rank}", str(rank)), score=17.0, reasons=why)
            )
        else:
            found.append(
                replace(
                    make_suggestion(rank, str(7000 + rank), str(7000 + rank)),
                    score=17.0,
                    handle_known=False,
                    reasons=why,
                )
            )
    console = Console(width=200, record=True)
    render_suggestions(console, _with_id_note(found))
    text = console.export_text()
    assert text.count("more accounts known only by their id") == 1
    assert "7 more accounts known only by their id" in text
    assert "@known7" in text and "@known10" in text
    assert "of the 7 counted in one row" in " ".join(text.split("note:")[1].split())
