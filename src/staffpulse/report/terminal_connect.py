"""Rich rendering of who-to-follow suggestions (``staffpulse connect`` and the demo)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from staffpulse.connect.suggest import SuggestReport
from staffpulse.handles import display_address
from staffpulse.models import on_platform
from staffpulse.report.connect_ties import folded_label, notes_with_folded, tie_rows


def render_suggestions(
    console: Console,
    report: SuggestReport,
    notes: Console | None = None,
    command: str | None = None,
) -> None:
    """The suggestions table, how many it shows of how many, what was left out, and notes (to
    ``notes``, default ``console``). ``command``: the command line that ranks again with
    ``--limit`` (the demo's, which takes none), else ``--limit`` alone, ``connect``'s own."""
    who = f"@{display_address(report.account.handle)} {on_platform(report.account.platform)}"
    rows = tie_rows(report.suggestions)
    if report.as_of_line:  # the date "this month" and "inactive" are counted from
        console.print(f"[dim]{escape(report.as_of_line)}.[/]", highlight=False)
    if not report.suggestions:
        console.print(f"No suggestions for {escape(who)} yet.", highlight=False)
        if report.next_step:
            console.print(f"[dim]What to do:[/] {escape(report.next_step)}", highlight=False)
    else:
        table = Table(title=f"Who to follow: {escape(who)}", title_justify="left")
        table.add_column("#", justify="right")
        links = [len(s.link) for s in report.suggestions if not s.handle_known and s.link]
        links += [len(folded_label(row.folded)) for row in rows if row.folded and links]
        # as wide as an id-only account's link, so that it stays on one line a terminal can
        # open; folded only on a narrow one. (A min_width made Rich crop the table's edge.)
        table.add_column(
            "account",
            overflow="fold",
            width=min(max(links), console.width // 2) if links else None,
        )
        table.add_column("score", justify="right")
        table.add_column("why")
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
            if not s.handle_known and s.link:  # an id alone says nothing: the profile's link
                name += f"\n[dim]{escape(s.link)}[/]"
            table.add_row(rank, name, s.score_text, escape(s.explanation))
        console.print(table)
        if (shown := report.shown_of) is not None:
            ask = f"{command + ' ' if command else ''}--limit {shown.ask_for}"
            console.print(f"{escape(shown.line(ask))}.", highlight=False, soft_wrap=True)
    if report.left_out_line:
        console.print(f"[dim]{escape(report.left_out_line)}.[/]", highlight=False)
    for note in notes_with_folded(report, rows):
        (notes or console).print(f"[yellow]note:[/] {escape(note)}", highlight=False)
