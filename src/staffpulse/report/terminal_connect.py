"""Rich rendering of who-to-follow suggestions (``staffpulse connect`` and the demo)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from staffpulse.connect.id_only import id_only_note
from staffpulse.connect.suggest import Suggestion, SuggestReport
from staffpulse.handles import display_address
from staffpulse.models import on_platform

# Of accounts known only by their id that tie (a follow list's followers, all alike), this many
# are shown one a row; the rest are counted in one row: 56 rows of ids read as a ranking
TIED_IDS_SHOWN = 3


def tie_ranks(suggestions: list[Suggestion]) -> list[str]:
    """Each suggestion's rank as shown: ``=2`` for each of a run of equal scores (to the 3
    significant digits the CSV and ``--json`` give), as the benchmark shows ties, so that
    accounts ordered only by their id do not read as better and worse."""
    keys = [f"{s.score:.3g}" for s in suggestions]
    ranks: list[str] = []
    for i, s in enumerate(suggestions):
        if i and keys[i] == keys[i - 1]:
            ranks.append(ranks[-1])
        elif i + 1 < len(keys) and keys[i + 1] == keys[i]:
            ranks.append(f"={s.rank}")
        else:
            ranks.append(str(s.rank))
    return ranks


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
    rows = _rows(report.suggestions, tie_ranks(report.suggestions))
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
        links += [len(_folded(n)) for _rank, _s, n in rows if n and links]
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
                    _folded(hidden),
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
    for note in _with_folded_links(report, sum(n for _rank, _s, n in rows)):
        (notes or console).print(f"[yellow]note:[/] {escape(note)}", highlight=False)


def _with_folded_links(report: SuggestReport, folded: int) -> list[str]:
    """The report's notes, its note on id-only accounts saying where the links of those
    counted in one row are: "open the link beside each" sent the reader to rows with none."""
    if not folded:
        return report.notes
    said, told = id_only_note(report.suggestions), id_only_note(report.suggestions, folded)
    return [told if note == said and told else note for note in report.notes]


def _folded(n: int) -> str:
    return f"{n:,} more accounts known only by their id"


def _rows(suggestions: list[Suggestion], ranks: list[str]) -> list[tuple[str, Suggestion, int]]:
    """(rank shown, suggestion, 0) a row, with the id-only accounts of a tie past
    :data:`TIED_IDS_SHOWN` that share one explanation folded into one row (rank, the first
    folded, how many)."""
    rows: list[tuple[str, Suggestion, int]] = []
    shown: dict[tuple[str, str], int] = {}
    for rank, s in zip(ranks, suggestions, strict=True):
        key = (rank, s.explanation)
        if s.handle_known or not rank.startswith("="):
            rows.append((rank, s, 0))
        elif shown.get(key, 0) < TIED_IDS_SHOWN:
            shown[key] = shown.get(key, 0) + 1
            rows.append((rank, s, 0))
        elif rows[-1][2] and (rows[-1][0], rows[-1][1].explanation) == key:
            rows[-1] = (rank, rows[-1][1], rows[-1][2] + 1)
        else:
            rows.append((rank, s, 1))
    # one account folded alone is shown as it is: a row that counts "1 more" says less
    return [(r, s, 0) if n == 1 else (r, s, n) for r, s, n in rows]
