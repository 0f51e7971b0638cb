"""The Rich terminal rendering of a benchmark (same content as the HTML report): the league
table, what its marks mean, the segments' medians and the claims tested."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.segment import Segments
from rich.table import Table
from rich.text import Text

from staffpulse.audit.types import PILLAR_TITLES
from staffpulse.benchmark.claims import MIN_GROUP, VERDICT_WORDS
from staffpulse.benchmark.segments import segments_in_words
from staffpulse.benchmark.stats import rank_label
from staffpulse.benchmark.tiers import order_rule, tier_openings
from staffpulse.report.audit_view import RICH_COLORS, band
from staffpulse.report.counts import count_of, posts_of_its_own
from staffpulse.report.html import first_sentence
from staffpulse.report.rounding import pct
from staffpulse.report.segment_guess_words import shown_segment
from staffpulse.report.terminal import (
    gives_way_to_handles,
    handle_cell,
    handle_width,
    unbroken_width,
)
from staffpulse.report.terminal_segments import (
    figures_line,
    figures_width,
    print_segment_medians,
)

if TYPE_CHECKING:
    from staffpulse.benchmark.engine import BenchmarkResult

SHOWN_PROBLEMS = 20  # cohort lines told one by one before the table; the rest are counted
# what the rank and figure columns take of a line, with the gaps between columns (measured at
# 80 columns), and the fewest characters a handle folds into
FIGURES_WIDTH = 46
NARROWEST_HANDLE = 8
JOBS_WIDTH = 6  # the jobs column ("jobs", ">99%") and the gap before it
# the two-line table of a narrow terminal: each figure's width under its handle, indented
TWO_LINE_FIGURES = {"overall": 7, "face": 4, "mix": 3, "voice": 5, "conv.": 5, "jobs": 4}
TWO_LINE_INDENT = 2
# where a tier line goes in the table (a character of Unicode's private use area, never in a
# handle shown), replaced by the line itself when the table is printed
TIER_MARK = "\ue000"


def render_benchmark(console: Console, result: BenchmarkResult) -> None:
    # every column fits 80 characters; a wide terminal also shows percentiles and segments
    wide = console.width >= 120
    segments = wide and any(r["segment"] != "unknown" for r in result.leaderboard)
    table = _board_table()
    table.add_column("#", justify="right", no_wrap=True)
    # the handle gives way on a narrow terminal (on a line of its own, whole): the figures'
    # columns do not wrap, and at 60 columns the table came out cut off after "voice"
    # FIGURES_WIDTH holds a rank of one character: "=12" (tied) takes two more
    ranks = max((len(rank_label(r)) for r in result.leaderboard), default=1)
    left = console.width - FIGURES_WIDTH - (ranks - 1)
    room = max(NARROWEST_HANDLE, left)
    # at 60 columns "@northgate_staffing" was cut into "@northgate_staf" over "fing": the jobs
    # column (a figure, not a pillar of the grade) gives way when that keeps every handle whole
    handles = [r["handle"] for r in result.leaderboard]
    # what is left, not the room a handle folds into: at 46 columns "@fernbrook" was given 8
    # and "conv." cut to "co"
    if not wide and max(map(unbroken_width, handles), default=0) > left + JOBS_WIDTH:
        # at 50 columns even without the jobs column "@mia_recruits" was cut into "@mia_rec"
        # over "ruits": each account takes two lines, its handle whole over its figures
        _print_two_line_board(console, result, ranks)
        return
    jobs = not gives_way_to_handles(handles, room, room + JOBS_WIDTH)
    if not jobs:
        room += JOBS_WIDTH
    handle_room = min(room, handle_width(r["handle"] for r in result.leaderboard))
    table.add_column("account", min_width=handle_room, overflow="fold")
    if segments:
        table.add_column("segment", no_wrap=True)
    table.add_column("overall", justify="right", no_wrap=True)
    for name, title in PILLAR_TITLES.items():
        table.add_column(
            "conv." if name == "conversation" else title.lower(), justify="right", no_wrap=True
        )
    if jobs:
        table.add_column("jobs", justify="right", no_wrap=True)
    # cohort lines left out are said before the table, so no one sends a league table missing
    # a client without knowing it (a kept account's note too: it is in the table)
    print_cohort_problems(console, result)
    tier_lines: list[Text] = []
    for row in _board_rows(table, result, tier_lines):
        table.add_row(
            rank_label(row),  # "=2": tied accounts share a rank
            _account_cell(row, handle_room),
            *([shown_segment(row)] if segments else []),
            *_figures(row, wide, jobs),
        )
        _add_aside(table, row, not segments, tier_lines)
    _print_board_title(console, result)
    _print_board(console, table, tier_lines)
    _print_after_board(console, result, wide, None if jobs else " so that every handle stays whole")


def _print_after_board(
    console: Console, result: BenchmarkResult, wide: bool, no_jobs: str | None
) -> None:
    """All that follows the league table; ``no_jobs``: why it had no jobs column, if not."""
    if no_jobs is not None:
        console.print(
            "[dim]The jobs column (each account's share of job ads) is left out at this width"
            f"{no_jobs}: a wider terminal shows it, and so does --json.[/]",
            highlight=False,
        )
    _print_leaderboard_notes(console, result, wide)
    print_segment_medians(console, result)
    _print_claims(console, result)


def _print_two_line_board(console: Console, result: BenchmarkResult, ranks: int) -> None:
    """The league table of a terminal too narrow for a handle beside the figures: each
    account's handle on a line of its own, whole, and its figures under it."""
    room = console.width - ranks - 4  # what the account column has beside the rank
    jobs = TWO_LINE_INDENT + figures_width(TWO_LINE_FIGURES.values()) <= room
    shown = {k: w for k, w in TWO_LINE_FIGURES.items() if jobs or k != "jobs"}
    # the figures start under the handle where there is no room to set them in
    indent = TWO_LINE_INDENT if TWO_LINE_INDENT + figures_width(shown.values()) <= room else 0
    table = _board_table()
    table.add_column("#\n", justify="right", no_wrap=True)  # beside "account", above the rule
    titles = figures_line([Text(k) for k in shown], shown.values(), indent)
    table.add_column(Text("account\n") + titles, overflow="fold")
    tier_lines: list[Text] = []
    for row in _board_rows(table, result, tier_lines):
        line = figures_line(_figures(row, False, jobs), shown.values(), indent)
        table.add_row(rank_label(row), _account_cell(row, room) + "\n" + line)
        _add_aside(table, row, True, tier_lines)
    print_cohort_problems(console, result)  # before the table, as beside a wider one
    _print_board_title(console, result)
    _print_board(console, table, tier_lines)
    _print_after_board(console, result, False, None if jobs else "")


def _board_rows(
    table: Table, result: BenchmarkResult, tier_lines: list[Text]
) -> Iterator[dict[str, Any]]:
    """The league table's rows in order, each after the line that opens its tier
    (:func:`~staffpulse.benchmark.tiers.tier_openings`: too few posts of its own, or graded
    on fewer pillars), kept in ``tier_lines`` and marked in the table by :data:`TIER_MARK`."""
    openings = tier_openings(result.leaderboard)
    for row in result.leaderboard:
        label = openings.get((row["platform"], row["handle"]))
        if label is not None:
            table.add_section()
            tier_lines.append(Text(f"{label}:", style="italic"))
            table.add_row("", TIER_MARK)
        yield row


def _print_board(console: Console, table: Table, tier_lines: list[Text]) -> None:
    """The league table, each tier line and each row's aside printed from the account column
    to the edge of the terminal: in the account column alone, at 80 columns "graded on 2 of 4
    pillars, with no profile data for Face:" was folded over two lines and read as a stray
    cell, and a fix first over three ("Show a / person, not a logo, in the / picture")."""
    said = iter(tier_lines)
    for line in console.render_lines(table, new_lines=True):
        text = "".join(segment.text for segment in line)
        if TIER_MARK not in text:
            console.print(Segments(line), end="")
            continue
        indent = cell_len(text[: text.index(TIER_MARK)])
        console.print(Padding(next(said, Text("")), (0, 0, 0, indent)))


def _account_cell(row: dict[str, Any], room: int) -> Text:
    """The account's handle in ``room`` (a Bluesky or Mastodon handle too long for it breaks
    before its domain), then what to know of it (:func:`_account_note`)."""
    return handle_cell(row["handle"], room) + Text(_account_note(row), style="dim")


def _add_aside(table: Table, row: dict[str, Any], segment: bool, lines: list[Text]) -> None:
    """Under the account, on a line of its own (:func:`_print_board` prints it to the edge of
    the terminal), with ``segment`` its segment ("HR (guess)": a table without the segment
    column hid which were guesses), and what to fix first, as the HTML row says it (the
    terminal showed it at no width); nothing when there is neither."""
    said = [shown_segment(row)] if segment and row["segment"] != "unknown" else []
    fix = row.get("fix_first") or row.get("top_action")
    if fix:
        said.append(f"{'fix' if said else 'Fix'} first: {first_sentence(str(fix))}")
    if said:
        lines.append(Text(" · ".join(said), style="dim"))
        table.add_row("", TIER_MARK)


def _figures(row: dict[str, Any], wide: bool, jobs: bool) -> list[Text]:
    """The account's grade and overall score, its pillars' cells and, with ``jobs``, its share
    of job ads: the same figures in the one-line and the two-line table."""
    overall = Text(f"{row['grade']} {row['overall']:>3}", style=f"bold {RICH_COLORS[row['grade']]}")
    pillars = [_pillar_cell(row, k, wide) for k in PILLAR_TITLES]
    return [overall, *pillars, *([Text.assemble(_jobs_cell(row))] if jobs else [])]


def _board_table() -> Table:
    return Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)


def _print_board_title(console: Console, result: BenchmarkResult) -> None:
    """The league table's title, over the table and wrapped at the terminal's width (a table's
    own title wraps at the table's), a cohort path too long for a line broken after a folder:
    at 46 columns ".../sample/cohort." was printed over "csv)"."""
    title = f"{count_of(len(result.audits), 'account')} ({result.source}){_skipped(result)}"
    lines: list[str] = []
    line = ""
    for word in title.split(" "):
        long = len(word) > console.width
        for n, piece in enumerate(re.findall(r"[^/\\]*[/\\]|[^/\\]+", word) if long else [word]):
            gap = " " if line and not n else ""
            if line and len(line) + len(gap) + len(piece) > console.width:
                lines.append(line)
                line, gap = "", ""
            line += gap + piece
    console.print(Text("\n".join([*lines, line]), style="table.title"))


def print_cohort_problems(
    console: Console, result: BenchmarkResult, *, in_json: bool = False, all_in: str = ""
) -> None:
    """Each cohort line left out (or noted), up to :data:`SHOWN_PROBLEMS`; then how many more
    and where they all are: a file of 15,000 handles mostly not in the store printed 30,000
    lines above the table. ``in_json``: told on stderr beside ``--json``, whose
    cohort.problems lists them all. ``all_in``: where else they all are (``audit --cohort``'s
    HTML report; its JSON is the audit's, with no cohort)."""
    for problem in result.problems[:SHOWN_PROBLEMS]:
        label = "note" if problem.kept else "skipped"
        # the segments in the words the table shows ("staffing firm"), as the HTML says them
        said = segments_in_words(str(problem))
        # soft wrap: the terminal folds a long line, Rich would break the path into two lines
        # at 80 columns ("rivals" over ".csv:4"), and one copied from there names no file
        console.print(f"[yellow]{label}[/] {escape(said)}", highlight=False, soft_wrap=True)
    rest = result.problems[SHOWN_PROBLEMS:]
    if rest:
        skipped = sum(not problem.kept for problem in rest)
        console.print(
            f"[yellow]… and {count_of(len(rest), 'more cohort line')}[/] "
            f"({skipped:,} skipped, {len(rest) - skipped:,} noted): "
            + (
                all_in
                or (
                    "cohort.problems of the JSON lists them all"
                    if in_json
                    else "staffpulse benchmark --json lists them all (cohort.problems), and so"
                    " does the --html report"
                )
            ),
            highlight=False,
            soft_wrap=True,
        )


def _print_leaderboard_notes(console: Console, result: BenchmarkResult, wide: bool) -> None:
    """What the table's marks mean, each said only when the table shows it."""
    rule = order_rule(result.leaderboard)  # the order the tier lines follow, said once
    if rule:
        console.print(f"[dim]{escape(rule)}[/]", highlight=False)
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
    if result.left_out and result.min_posts == 1:
        # reposts only: no post of their own to grade, whatever --min-posts says
        console.print(
            f"[dim]{count_of(result.left_out, 'account')} with reposts only (no post of"
            f" {'its' if result.left_out == 1 else 'their'} own to grade) left out.[/]",
            highlight=False,
        )
    elif result.left_out and result.min_posts:  # the accounts seen only in passing, mostly
        # `accounts` counts reposts among an account's posts: one listed with 30 posts (2 of
        # its own, 28 reposts) was left out of --min-posts 5 with no word of why
        them = "it" if result.left_out == 1 else "them"
        # a cohort file ranks every account it names without --min-posts: "--min-posts 1"
        # was not the way back from --min-posts 1000 there, nor the only one
        ranks = (
            f"leave out --min-posts to rank every account of the cohort file, or"
            f" --min-posts {result.fewest_left_out} ranks {them} too"
            if result.fewest_left_out is not None
            else f"staffpulse benchmark --min-posts 1 ranks {them} too"
        )
        console.print(
            f"[dim]{count_of(result.left_out, 'account')} with fewer than"
            f" {count_of(result.min_posts, 'post')} of {'its' if result.left_out == 1 else 'their'}"
            f" own (reposts do not count) left out: {ranks}.[/]",
            highlight=False,
        )


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
    skipped = result.lines_skipped
    return f", {count_of(skipped, 'cohort line')} skipped (see above)" if skipped else ""


def _account_note(row: dict[str, Any]) -> str:
    """What to know of an account beside its handle: a grade from few posts, and an account
    gone quiet (ranked on its old posts): " (5 posts, last post 2 years ago)"."""
    notes = [posts_of_its_own(row["own_posts"])] if row["few_posts"] else []
    if row.get("quiet_for"):
        notes.append(f"last post {row['quiet_for']} ago")
    return f" ({', '.join(notes)})" if notes else ""


def _jobs_cell(row: dict[str, Any]) -> Text | str:
    """The share of the account's posts that are job ads ("<1%", "33%"), or "n/a"."""
    return Text("n/a", style="dim") if row["job_share"] is None else pct(row["job_share"])


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
    have the same score) or `` tied top`` (no one scores higher: a bare p0 under a shared top
    score would read as last, and "p4 tied top" of 44 firms tied at the top, beating the 2
    others, as the 4th percentile)."""
    if not row.get("tied_with", {}).get(name):
        return f" p{row['percentiles'][name]}"
    if row.get("best", {}).get(name):
        return " tied top"
    return f" p{row['percentiles'][name]} tied"
