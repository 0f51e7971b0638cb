"""The Rich terminal rendering of an audit (same content as the HTML report); a benchmark's
is :mod:`staffpulse.report.terminal_benchmark`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from staffpulse.audit.types import AuditResult
from staffpulse.dates import format_day, format_when
from staffpulse.handles import display_address
from staffpulse.models import on_platform
from staffpulse.report.audit_view import (
    RICH_COLORS,
    action_points,
    actions_summary,
    band,
    pillar_rows,
    posts_and_span,
    posts_counted,
    read_as_line,
)
from staffpulse.report.inline_code import code_as_plain
from staffpulse.report.one_line import one_line

BAR_WIDTH = 24


def _bar(score: int) -> Text:
    filled = round(BAR_WIDTH * score / 100)
    color = RICH_COLORS[band(score)]
    return Text("█" * filled, style=color) + Text("░" * (BAR_WIDTH - filled), style="grey35")


def _delta(value: int | None) -> Text:
    if value is None:
        return Text("")
    if value == 0:
        return Text(" ±0", style="dim")
    return Text(f" {value:+d}", style="green" if value > 0 else "red")


def render_audit(
    console: Console,
    result: AuditResult,
    *,
    examples: bool = True,
    as_run: Callable[[str], str] = str,
) -> None:
    """``as_run`` writes the commands an advice names as the user runs them (on the store
    they gave with --db): the console does so only for a line printed alone, and the advice
    is printed inside the panels."""
    console.print(_summary_panel(result, as_run))
    for row in pillar_rows(result):
        console.print(_pillar_panel(row, examples, as_run))
    if result.previous:
        when = format_when(result.previous["generated_at"])
        console.print(f"[dim]Compared with the audit of {when}.[/]")


def _summary_panel(result: AuditResult, as_run: Callable[[str], str]) -> Panel:
    """The grade, the pillars' scores and what to do next."""
    account = result.account
    color = RICH_COLORS.get(result.grade, "white")
    head = Text()
    head.append(f" {result.grade} ", style=f"bold white on {color}")
    head.append(f"  {result.overall}/100", style=f"bold {color}")
    head.append_text(_delta((result.change or {}).get("overall")))
    head.append(
        f"   {account.display_name or account.handle} @{display_address(account.handle)}"
        f" {on_platform(account.platform)}"  # "from a CSV (no platform)", as accounts says
    )
    # what the posts are, so the pillars' different totals below add up
    counted = f"{posts_and_span(result)}. {posts_counted(result) or ''}"
    caution = [Text(code_as_plain(result.caution), style="bold yellow")] if result.caution else []
    read = [Text(line, style="dim")] if (line := read_as_line(result)) else []
    return Panel(
        Group(
            head,
            Text(counted.rstrip(), style="dim"),
            *read,
            *caution,
            Text(""),
            _pillar_bars(result),
            Text(""),
            Text("Do this next", style="bold"),
            _next_actions(result, as_run),
        ),
        title="staffpulse audit",
        border_style=color,
    )


def _pillar_bars(result: AuditResult) -> Table:
    """Each pillar's bar and score, with its change since the last audit."""
    scores = Table.grid(padding=(0, 1))
    for row in pillar_rows(result):
        scores.add_row(
            Text(row["title"], style="bold"),
            _bar(row["score"] or 0),
            Text(f"{row['shown']:>3}", style=RICH_COLORS[row["band"]] if row["scored"] else "dim"),
            _delta(row["change"]),
        )
    return scores


def _next_actions(result: AuditResult, as_run: Callable[[str], str]) -> Table:
    """The top actions, numbered, each with the points it is worth, and the line under them
    (:func:`actions_summary`)."""
    actions = Table.grid(padding=(0, 1))
    for i, action in enumerate(result.top_actions, start=1):
        points = action_points(action)
        actions.add_row(
            Text(f"{i}.", style="bold cyan"),
            Text(f"[{action['title']}] ", style="cyan")
            + Text(code_as_plain(as_run(action["action"])))
            + Text(f" ({points})" if points else "", style="bold"),
        )
    summary = actions_summary(result)
    if summary:
        actions.add_row(Text(""), Text(summary, style="dim"))
    return actions


def _pillar_panel(row: dict[str, Any], examples: bool, as_run: Callable[[str], str]) -> Panel:
    """A pillar's figures, notes and advice, with the posts that show them."""
    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    for label, value in row["figures"]:
        table.add_row(label, Text(value))  # quotes the account (its name): never markup
    parts: list[Text | Table] = [table]
    for note in row["notes"]:
        parts.append(Text(f"note: {code_as_plain(as_run(note))}", style="yellow"))
    parts.append(Text("What to do", style="bold"))
    for rec in row["recommendations"]:
        parts.append(Text("• ") + Text(code_as_plain(as_run(rec))))
    if examples:
        for label, items, style in (
            ("Holding you back", row["worst"][:2], "red"),
            # proof of a figure, where no post holds the account back: all (at most 3)
            ("Counted", row["counted"], "yellow"),
            ("To imitate", row["best"], "green"),  # all the HTML shows: no hidden one
        ):
            for ex in items:
                line = Text(f"{label}: ", style=style)
                line.append(one_line(ex.text, 140), style="italic")
                # its day as the header and the HTML report write one ("9 Jan 2017")
                day = f", {format_day(ex.date)}" if ex.date else ""
                line.append(f"  ({ex.why}{day})", style="dim")
                parts.append(line)
    title = Text(
        f"{row['title']}  {row['shown']}" + ("/100" if row["scored"] else " (not scored)"),
        style=f"bold {RICH_COLORS[row['band']]}" if row["scored"] else "bold",
    )
    title.append_text(_delta(row["change"]))
    return Panel(
        Group(*parts),
        title=title,
        title_align="left",
        subtitle=row["question"],
        subtitle_align="left",
    )
