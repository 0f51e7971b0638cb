"""Rich rendering of who-to-follow suggestions (``staffpulse connect`` and the demo)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from staffpulse.connect.left_out import see_them_line
from staffpulse.connect.suggest import SuggestReport
from staffpulse.handles import display_address
from staffpulse.models import on_platform
from staffpulse.report.connect_ties import folded_label, notes_with_folded, tie_rows

# The room "why" keeps beside an id-only account's link (else the link goes under the reasons),
# and what the table takes besides the account and "why": its five rules, two spaces of padding
# a column, and the score (its heading, "score", is its widest)
WHY_ROOM = 45
_EDGES = 5 + 2 * 4 + len("score")
_NARROWEST = len("account id")  # the account column, when the link goes under "why"


def render_suggestions(
    console: Console,
    report: SuggestReport,
    notes: Console | None = None,
    command: str | None = None,
    rerun: str | None = None,
) -> None:
    """The suggestions table, how many it shows of how many, what was left out, and notes (to
    ``notes``, default ``console``). ``command``: the command line that ranks again with
    ``--limit`` (the demo's, which takes none), else ``--limit`` alone, ``connect``'s own.
    ``rerun``: the whole command that ranks with the options the advice found to bring someone
    back (``report.retry``), printed to copy under it."""
    who = f"@{display_address(report.account.handle)} {on_platform(report.account.platform)}"
    rows = tie_rows(report.suggestions)
    if report.as_of_line:  # the date "this month" and "inactive" are counted from
        console.print(f"[dim]{escape(report.as_of_line)}.[/]", highlight=False)
    if not report.suggestions:
        console.print(f"No suggestions for {escape(who)} yet.", highlight=False)
        if report.next_step:
            console.print(f"[dim]What to do:[/] {escape(report.next_step)}", highlight=False)
        if rerun and report.retry is not None:  # one line to copy, never wrapped
            console.print(f"[dim]Run:[/] {escape(rerun)}", highlight=False, soft_wrap=True)
    else:
        table = Table(title=f"Who to follow: {escape(who)}", title_justify="left")
        table.add_column("#", justify="right")
        links = [len(s.link) for s in report.suggestions if not s.handle_known and s.link]
        links += [len(folded_label(row.folded)) for row in rows if row.folded and links]
        # as wide as an id-only account's link, so that it stays on one line a terminal can
        # open, when "why" keeps room beside it; else each link ends its row's "why", the
        # widest column (a 40-character link left "why" 20 at 80 columns: 6 lines a reason).
        # (A min_width made Rich crop the table's edge.)
        room = console.width - _EDGES - max(len(row.rank) for row in rows)
        beside = bool(links) and room - max(links) >= WHY_ROOM
        # else the account's name wraps (its id under "account id") to leave "why" the link
        narrow = max(room - max(links), _NARROWEST) if links and not beside else None
        table.add_column(
            "account", overflow="fold", width=max(links) if beside else None, max_width=narrow
        )
        table.add_column("score", justify="right")
        table.add_column("why", overflow="fold")  # a link too long for it shown whole
        for rank, s, hidden in rows:
            if hidden:
                table.add_row(
                    rank,
                    folded_label(hidden),
                    s.score_text,
                    "tied with the accounts above, for the same reasons: "
                    "--export csv lists each with its link",
                )
                continue
            name = escape(s.label)
            if s.display_name:
                name += f"\n[dim]{escape(s.display_name)}[/]"
            why = escape(s.explanation)
            if not s.handle_known and s.link:  # an id alone says nothing: the profile's link
                if beside:
                    name += f"\n[dim]{escape(s.link)}[/]"
                else:
                    why += f"\n[dim]{escape(s.link)}[/]"
            table.add_row(rank, name, s.score_text, why)
        console.print(table)
        if (shown := report.shown_of) is not None:
            ask = f"{command + ' ' if command else ''}--limit {shown.ask_for}"
            console.print(f"{escape(shown.line(ask))}.", highlight=False, soft_wrap=True)
    if report.left_out_line:
        console.print(f"[dim]{escape(report.left_out_line)}.[/]", highlight=False)
        if shown_with := see_them_line(report):
            console.print(f"[dim]{escape(shown_with)}.[/]", highlight=False)
    for note in notes_with_folded(report, rows):
        (notes or console).print(f"[yellow]note:[/] {escape(note)}", highlight=False)
