"""Rich terminal renderings of an audit and a benchmark (same content as the HTML report)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from staffpulse.audit.types import PILLAR_TITLES, AuditResult
from staffpulse.benchmark.stats import MIN_GROUP, VERDICT_WORDS, graded_label, rank_label
from staffpulse.dates import format_when
from staffpulse.report.audit_view import (
    RICH_COLORS,
    action_points,
    actions_summary,
    band,
    pct,
    pillar_rows,
    posts_counted,
)
from staffpulse.report.counts import count_of
from staffpulse.report.inline_code import code_as_plain
from staffpulse.report.rounding import whole
from staffpulse.report.spreadsheet import segment_cell
from staffpulse.report.terminal import handle_width

if TYPE_CHECKING:
    from staffpulse.benchmark.engine import BenchmarkResult

BAR_WIDTH = 24
SHOWN_PROBLEMS = 20  # cohort lines told one by one before the table; the rest are counted


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


def render_audit(console: Console, result: AuditResult, *, examples: bool = True) -> None:
    console.print(_summary_panel(result))
    for row in pillar_rows(result):
        console.print(_pillar_panel(row, examples))
    if result.previous:
        when = format_when(result.previous["generated_at"])
        console.print(f"[dim]Compared with the audit of {when}.[/]")


def _summary_panel(result: AuditResult) -> Panel:
    """The grade, the pillars' scores and what to do next."""
    account = result.account
    color = RICH_COLORS.get(result.grade, "white")
    head = Text()
    head.append(f" {result.grade} ", style=f"bold white on {color}")
    head.append(f"  {result.overall}/100", style=f"bold {color}")
    head.append_text(_delta((result.change or {}).get("overall")))
    head.append(
        f"   {account.display_name or account.handle} @{account.handle} ({account.platform})"
    )
    scores = Table.grid(padding=(0, 1))
    for row in pillar_rows(result):
        scores.add_row(
            Text(row["title"], style="bold"),
            _bar(row["score"] or 0),
            Text(f"{row['shown']:>3}", style=RICH_COLORS[row["band"]] if row["scored"] else "dim"),
            _delta(row["change"]),
        )
    actions = Table.grid(padding=(0, 1))
    for i, action in enumerate(result.top_actions, start=1):
        points = action_points(action)
        actions.add_row(
            Text(f"{i}.", style="bold cyan"),
            Text(f"[{action['title']}] ", style="cyan")
            + Text(code_as_plain(action["action"]))
            + Text(f" ({points})" if points else "", style="bold"),
        )
    summary = actions_summary(result)
    if summary:
        actions.add_row(Text(""), Text(summary, style="dim"))
    window = result.window
    span = ""
    if window.get("first_post"):
        span = f" from {window['first_post'][:10]} to {window['last_post'][:10]}"
    # what the posts are, so the pillars' different totals below add up
    counted = f"{count_of(result.counts['posts'], 'post')}{span}. {posts_counted(result) or ''}"
    caution = [Text(code_as_plain(result.caution), style="bold yellow")] if result.caution else []
    return Panel(
        Group(
            head,
            Text(counted.rstrip(), style="dim"),
            *caution,
            Text(""),
            scores,
            Text(""),
            Text("Do this next", style="bold"),
            actions,
        ),
        title="staffpulse audit",
        border_style=color,
    )


def _pillar_panel(row: dict[str, Any], examples: bool) -> Panel:
    """A pillar's figures, notes and advice, with the posts that show them."""
    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    for label, value in row["figures"]:
        table.add_row(label, Text(value))  # quotes the account (its name): never markup
    parts: list[Text | Table] = [table]
    for note in row["notes"]:
        parts.append(Text(f"note: {code_as_plain(note)}", style="yellow"))
    parts.append(Text("What to do", style="bold"))
    for rec in row["recommendations"]:
        parts.append(Text("• ") + Text(code_as_plain(rec)))
    if examples:
        for label, items, style in (
            ("Holding you back", row["worst"][:2], "red"),
            # proof of a figure, where no post holds the account back: all (at most 3)
            ("Counted", row["counted"], "yellow"),
            ("To imitate", row["best"][:2], "green"),
        ):
            for ex in items:
                line = Text(f"{label}: ", style=style)
                line.append(_clip(ex.text), style="italic")
                line.append(f"  ({ex.why}{', ' + ex.date if ex.date else ''})", style="dim")
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


def _clip(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def render_benchmark(console: Console, result: BenchmarkResult) -> None:
    # every column fits 80 characters; a wide terminal also shows percentiles and segments
    wide = console.width >= 120
    segments = wide and any(r["segment"] != "unknown" for r in result.leaderboard)
    table = Table(
        title=f"{len(result.audits)} accounts ({result.source}){_skipped(result)}",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(
        "account", min_width=handle_width(r["handle"] for r in result.leaderboard), overflow="fold"
    )
    if segments:
        table.add_column("segment", no_wrap=True)
    table.add_column("overall", justify="right", no_wrap=True)
    for name, title in PILLAR_TITLES.items():
        table.add_column(
            "conv." if name == "conversation" else title.lower(), justify="right", no_wrap=True
        )
    table.add_column("jobs", justify="right", no_wrap=True)
    # cohort lines left out are said before the table, so no one sends a league table missing
    # a client without knowing it (a kept account's note too: it is in the table)
    _print_cohort_problems(console, result)
    tier = 4  # accounts graded on fewer pillars come after, under a line that says so
    for row in result.leaderboard:
        if row.get("pillars_graded", 4) < tier:
            tier = row["pillars_graded"]
            table.add_section()
            table.add_row("", Text(f"{graded_label(row)}:", style="italic"))
        table.add_row(
            rank_label(row),  # "=2": tied accounts share a rank
            Text("@" + row["handle"]) + Text(_account_note(row), style="dim"),
            *([segment_cell(row["segment"])] if segments else []),
            Text(f"{row['grade']} {row['overall']:>3}", style=f"bold {RICH_COLORS[row['grade']]}"),
            *(_pillar_cell(row, k, wide) for k in PILLAR_TITLES),
            Text("n/a", style="dim") if row["job_share"] is None else pct(row["job_share"]),
        )
    console.print(table)
    _print_leaderboard_notes(console, result, wide)
    _print_segment_medians(console, result)
    _print_claims(console, result)


def _print_cohort_problems(console: Console, result: BenchmarkResult) -> None:
    """Each cohort line left out (or noted), up to :data:`SHOWN_PROBLEMS`; then how many more
    and where they all are: a file of 15,000 handles mostly not in the store printed 30,000
    lines above the table."""
    for problem in result.problems[:SHOWN_PROBLEMS]:
        label = "note" if problem.kept else "skipped"
        console.print(f"[yellow]{label}[/] {escape(str(problem))}", highlight=False)
    rest = result.problems[SHOWN_PROBLEMS:]
    if rest:
        skipped = sum(not problem.kept for problem in rest)
        console.print(
            f"[yellow]… and {count_of(len(rest), 'more cohort line')}[/] "
            f"({skipped:,} skipped, {len(rest) - skipped:,} noted): "
            "staffpulse benchmark --json lists them all (cohort.problems), and so does the "
            "--html report",
            highlight=False,
        )


def _print_leaderboard_notes(console: Console, result: BenchmarkResult, wide: bool) -> None:
    """What the table's marks mean, each said only when the table shows it."""
    if any(graded_label(row) for row in result.leaderboard):
        console.print(
            "[dim]An account graded on fewer pillars (n/a: nothing to judge) is ranked after"
            " every account graded on more: its grade averages only the pillars it was graded"
            " on.[/]",
            highlight=False,
        )
    if any(row.get("quiet_for") for row in result.leaderboard):
        console.print(
            "[dim]An account marked with its last post ('last post 2 years ago') has gone quiet:"
            " it is graded on its posts up to then (its 30- and 90-day figures end at its last post), so its place says"
            " how it posted, not how it posts now.[/]",
            highlight=False,
        )
    if wide:  # the figure after each pillar's score, in words
        console.print(
            "[dim]After each pillar's score: how many of the other accounts it beats"
            " (p88: scores higher than 88% of them; a tie beats no one, so 'tied' says others"
            " have the same score, and 'tied top' that no one scores higher).[/]",
            highlight=False,
        )
    if result.left_out and result.min_posts:  # the accounts seen only in passing, mostly
        console.print(
            f"[dim]{count_of(result.left_out, 'account')} with fewer than"
            f" {count_of(result.min_posts, 'post')} of {'its' if result.left_out == 1 else 'their'}"
            " own left out: staffpulse benchmark --min-posts 1 ranks"
            f" {'it' if result.left_out == 1 else 'them'} too.[/]",
            highlight=False,
        )


def _print_segment_medians(console: Console, result: BenchmarkResult) -> None:
    seg = Table(title="Segments (medians)", title_justify="left")
    seg.add_column("segment")
    seg.add_column("n", justify="right")
    for name in ("overall", *PILLAR_TITLES):
        seg.add_column(name, justify="right")
    for stats in result.segment_stats.values():
        seg.add_row(
            stats["label"],
            str(stats["n"]),
            *(  # whole, as every score, halves up (as the HTML's ``whole`` filter)
                "n/a" if stats[k]["median"] is None else str(whole(stats[k]["median"]))
                for k in ("overall", *PILLAR_TITLES)
            ),
        )
    console.print(seg)


def _print_claims(console: Console, result: BenchmarkResult) -> None:
    console.print("[bold]The classic claims about staffing firms on social media, tested here[/]")
    for claim in result.claims:
        style = {"supported": "green", "contradicted": "red"}.get(claim["verdict"], "yellow")
        verdict = VERDICT_WORDS.get(claim["verdict"], claim["verdict"])
        console.print(
            f"  [{style}]{verdict.upper()}[/] {claim['claim']}. [dim]{claim['explanation']}[/]",
            highlight=False,
        )
    console.print(  # the statistics, for who asks how (the --json has every number)
        f"[dim]How we test this: groups under {MIN_GROUP} accounts are too few to tell; "
        "“beat” claims use a one-sided Mann-Whitney test, “mostly job ads” a Wilson interval"
        " (both 95%).[/]",
        highlight=False,
    )


def _skipped(result: BenchmarkResult) -> str:
    """The table title's count of cohort lines left out (listed above the table)."""
    skipped = sum(not p.kept for p in result.problems)
    return f", {count_of(skipped, 'cohort line')} skipped (see above)" if skipped else ""


def _account_note(row: dict[str, Any]) -> str:
    """What to know of an account beside its handle: a grade from few posts, and an account
    gone quiet (ranked on its old posts): " (5 posts, last post 2 years ago)"."""
    notes = [count_of(row["own_posts"], "post") + " of its own"] if row["few_posts"] else []
    if row.get("quiet_for"):
        notes.append(f"last post {row['quiet_for']} ago")
    return f" ({', '.join(notes)})" if notes else ""


def _pillar_cell(row: dict[str, Any], name: str, wide: bool) -> Text:
    """A pillar's score in the league table, or "n/a" when it was not scored."""
    if row[name] is None:
        return Text("n/a", style="dim")
    beats = row["percentiles"][name]  # None: no other account scored on it to beat
    return Text(str(row[name]), style=RICH_COLORS[band(row[name])]) + Text(
        _standing(row, name) if wide and beats is not None else "", style="dim"
    )


def _standing(row: dict[str, Any], name: str) -> str:
    """The wide table's short form of :func:`standing_words`: `` p88``, `` p8 tied`` (others
    have the same score), `` tied top`` or `` p68 tied top`` (no one scores higher: a bare p0
    under a shared top score would read as last)."""
    if not row.get("tied_with", {}).get(name):
        return f" p{row['percentiles'][name]}"
    beats = row["percentiles"][name]
    if row.get("best", {}).get(name):
        return f" p{beats} tied top" if beats else " tied top"
    return f" p{beats} tied"
