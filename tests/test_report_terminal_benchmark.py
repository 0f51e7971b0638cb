"""The league table in the terminal (staffpulse.report.terminal_benchmark): it fits the
terminal and never cuts a handle short."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from rich.console import Console

from audit_helpers import FakeScorer, FeedBuilder, store_with
from staffpulse.benchmark import run_benchmark
from staffpulse.report.html import render_benchmark_html
from staffpulse.report.terminal_benchmark import render_benchmark

GRADES = {"A", "B", "C", "D", "F"}


def _console(width: int) -> Console:
    return Console(width=width, record=True, color_system=None)


@pytest.mark.parametrize("width", [80, 140])
def test_benchmark_table_fits_and_keeps_handles(tmp_path: Path, width: int) -> None:
    firm = FeedBuilder("northgate_staffing_group")
    firm.job(4)
    rosa = FeedBuilder("rosa_recruits_in_tacoma")
    rosa.chat(4)
    result = run_benchmark(store_with(tmp_path, firm, rosa), scorer=FakeScorer())  # type: ignore[arg-type]
    console = _console(width)
    render_benchmark(console, result)
    text = console.export_text()
    table = text.split("Segments")[0]
    assert "…" not in table
    assert all(len(line) <= width for line in table.splitlines())
    for handle in ("@northgate_staffing_group", "@rosa_recruits_in_tacoma"):
        assert handle in table
    assert "jobs" in table and "conv." in table
    assert bool(re.search(r" p\d+\b", table)) == (width >= 120)  # percentiles where there is room
    assert "(4 posts" in table  # a grade from a handful of posts is flagged


def test_a_tiny_share_of_job_ads_is_not_shown_as_none_or_all(tmp_path: Path) -> None:
    """QA: an account whose audit counted 3 of 746 original posts as job ads ("<1%") had 0%
    in the league table's jobs column, which reads as none."""
    rare = FeedBuilder("rare_jobs")
    rare.job(1)
    rare.chat(249)
    board = FeedBuilder("job_board_bot")
    board.job(249)
    board.chat(1)
    result = run_benchmark(store_with(tmp_path, rare, board), scorer=FakeScorer())  # type: ignore[arg-type]
    console = _console(80)
    render_benchmark(console, result)
    rows = {line.split()[1]: line for line in console.export_text().splitlines() if "@" in line}
    assert rows["@rare_jobs"].rstrip().endswith("<1%")
    assert rows["@job_board_bot"].rstrip().endswith(">99%")


def test_a_narrow_terminal_moves_handles_rather_than_cut_off_the_figures(tmp_path: Path) -> None:
    """QA: at 60 columns the table was cut off after "voice": conv. and jobs unseen, and the
    title lost words; each handle takes a line of its own instead, over its figures."""
    firm = FeedBuilder("northgate_staffing_group")
    firm.job(4)
    rosa = FeedBuilder("rosa_recruits_in_tacoma")
    rosa.chat(4)
    result = run_benchmark(store_with(tmp_path, firm, rosa), scorer=FakeScorer())  # type: ignore[arg-type]
    console = _console(60)
    render_benchmark(console, result)
    table = console.export_text().split("Segments")[0]
    assert all(len(line) <= 60 for line in table.splitlines())
    header = next(line for line in table.splitlines() if "overall" in line)
    assert header.rstrip().endswith("conv.  jobs")
    assert "@northgate_" in table and "100%" in table  # the firm's jobs figure is there


def test_an_account_of_reposts_only_is_not_said_to_have_0_posts_of_its_own(
    tmp_path: Path,
) -> None:
    # a real X cohort line: 3 reposts and nothing written read "(0 posts of its own, ...)"
    sharer = FeedBuilder("sharer")
    for i in range(3):
        sharer.post(f"RT @peer: shared {i}", kind="repost", reposted_post_id=f"other-{i}")
    writer = FeedBuilder("writer")
    writer.chat(4)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle\nsharer\nwriter\n")
    store = store_with(tmp_path, sharer, writer)
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    console = _console(160)
    render_benchmark(console, result)
    table = console.export_text().split("Segments")[0]
    assert "@sharer (no post of its own, only reposts" in table
    assert "0 posts" not in table and "@writer (4 posts of its own" in table


def test_a_table_of_one_account_says_so_in_the_singular(tmp_path: Path) -> None:
    # a real cohort file whose other line named a handle on two platforms: "1 accounts"
    firm = FeedBuilder("harborline")
    firm.chat(12)
    cohort = tmp_path / "rivals.csv"
    cohort.write_text("handle,segment\nharborline,staffing firm\nghost,vendor\n")
    result = run_benchmark(store_with(tmp_path, firm), cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    console = _console(120)
    render_benchmark(console, result)
    text = " ".join(console.export_text().split())  # the title wraps
    assert re.search(r"1 account \([^)]*rivals\.csv\), 1 cohort line skipped", text)
    assert "1 accounts" not in text


def test_the_cohort_notes_name_the_segments_in_words(tmp_path: Path) -> None:
    # the terminal said "use one of: staffing_firm, vendor, ..." where the HTML said words
    firm = FeedBuilder("larkfield")
    firm.job(4)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,segment\nlarkfield,stafing firm\n", encoding="utf-8")
    result = run_benchmark(store_with(tmp_path, firm), cohort, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    console = _console(200)
    render_benchmark(console, result)
    text = console.export_text()
    assert (
        "unknown segment 'stafing firm': did you mean staffing firm? (use one of: staffing" in text
    )
    assert "firm, vendor, job board, recruiter, HR, other)" in text
    assert "staffing_firm" not in text and "job_board" not in text


def _narrow_table(tmp_path: Path, width: int, *handles: tuple[str, str]) -> str:
    feeds = []
    for handle, platform in handles:
        feed = FeedBuilder(handle, platform=platform)
        feed.job(2)
        feed.chat(3)
        feeds.append(feed)
    result = run_benchmark(store_with(tmp_path, *feeds), scorer=FakeScorer())  # type: ignore[arg-type]
    console = _console(width)
    render_benchmark(console, result)
    return console.export_text().split("Segments")[0]


def test_at_60_columns_the_jobs_column_gives_way_to_whole_handles(tmp_path: Path) -> None:
    # COLUMNS=60 cut "@northgate_staffing" into "@northgate_staf" over "fing"
    table = _narrow_table(tmp_path, 60, ("northgate_staffing", "x"), ("harborlinestaff", "x"))
    assert all(len(line) <= 60 for line in table.splitlines())
    assert "@northgate_staffing" in table and "@harborlinestaff" in table
    header = next(line for line in table.splitlines() if "overall" in line)
    assert header.rstrip().endswith("conv.") and "jobs" not in header
    said = " ".join(table.split())
    assert "The jobs column (each account's share of job ads) is left out at this width" in said


@pytest.mark.parametrize("width", [50, 40])
def test_a_terminal_too_narrow_for_a_handle_beside_the_figures_gives_each_two_lines(
    tmp_path: Path, width: int
) -> None:
    # COLUMNS=50 cut "@mia_recruits" into "@mia_rec" over "ruits", even without the jobs column
    table = _narrow_table(tmp_path, width, ("larchmont_talent", "x"), ("quillhire", "x"))
    lines = table.splitlines()
    assert all(len(line) <= width for line in lines)
    for handle in ("@larchmont_talent", "@quillhire"):
        row = next(n for n, line in enumerate(lines) if handle in line)
        assert lines[row].split()[1] == handle  # whole, beside its rank
        # under it (and its note): "F  34    24   83     28      0   40%"
        figures = next(ln.split() for ln in lines[row + 1 : row + 4] if ln.split()[0] in GRADES)
        assert len(figures) == (7 if width == 50 else 6)
    titles = next(line for line in lines if "overall" in line).split()
    assert titles == ["overall", "face", "mix", "voice", "conv.", "jobs"][: 6 if width == 50 else 5]
    assert ("left out at this width" in " ".join(table.split())) == (width == 40)


def test_the_two_line_table_keeps_the_cohort_notes_and_the_tier_lines(tmp_path: Path) -> None:
    larch = FeedBuilder("larchmont_talent")
    larch.chat(12)
    german = FeedBuilder("lagerteam_nord")
    for i in range(12):
        german.post(
            f"Wir suchen ab sofort Kommissionierer für das Lager in Kassel ({i})", lang="de"
        )
    cohort = tmp_path / "rivals.csv"
    cohort.write_text("handle\nlarchmont_talent\nlagerteam_nord\nnobody_here\n")
    result = run_benchmark(store_with(tmp_path, larch, german), cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    console = _console(50)
    render_benchmark(console, result)
    text = console.export_text()
    assert text.index("skipped") < text.index("@larchmont_talent")  # said before the table
    tier = next(line for line in text.splitlines() if "pillars" in line and ":" in line)
    assert text.index("@larchmont_talent") < text.index(tier) < text.index("@lagerteam_nord")


def test_the_jobs_column_stays_where_the_handles_fit(tmp_path: Path) -> None:
    table = _narrow_table(tmp_path, 80, ("northgate_staffing", "x"), ("harborlinestaff", "x"))
    header = next(line for line in table.splitlines() if "overall" in line)
    assert header.rstrip().endswith("conv.  jobs")
    assert "left out at this width" not in table


def test_a_long_bluesky_handle_breaks_before_its_domain(tmp_path: Path) -> None:
    # it was cut mid-word, "@westbrookhirin" over "g.bsky.social"
    lines = _narrow_table(tmp_path, 60, ("westbrookhiring.bsky.social", "bluesky")).splitlines()
    row = next(n for n, line in enumerate(lines) if "@westbrook" in line)
    assert "@westbrookhiring " in lines[row] and ".bsky" not in lines[row]
    assert lines[row + 1].strip().startswith(".bsky.social")


def _feeds_of_ads_and_chat(*handles: str, chats: int) -> list[FeedBuilder]:
    """A feed for each of ``handles``: two job ads, then ``chats`` posts of chat."""
    feeds = []
    for handle in handles:
        feed = FeedBuilder(handle)
        feed.job(2)
        feed.chat(chats)
        feeds.append(feed)
    return feeds


def test_a_segment_median_of_only_some_accounts_says_how_many(tmp_path: Path) -> None:
    # 13 of 15 accounts had no Mix score, and "Mix (median) 100" read as the median firm's
    feeds = _feeds_of_ads_and_chat("northgate_staffing", "harborlinestaff", chats=3)
    german = FeedBuilder("lagerteam_nord")
    for i in range(6):
        german.post(
            f"Wir suchen ab sofort Kommissionierer für das Lager in Kassel ({i})", lang="de"
        )
    feeds.append(german)
    result = run_benchmark(store_with(tmp_path, *feeds), scorer=FakeScorer())  # type: ignore[arg-type]
    console = _console(120)
    render_benchmark(console, result)
    segments = " ".join(console.export_text().split("Segments")[1].split())
    assert "│ No segment │ 3 │" in segments and "(2 of 3)" in segments, segments
    assert (
        "A median marked (2 of 3) is of the 2 accounts of the segment with that score" in segments
    )
    html = render_benchmark_html(result)
    assert "(2 of 3)</td>" in html and "A median marked (2 of 3)" in html


@pytest.mark.parametrize("width", [60, 50])
def test_the_segment_medians_stay_whole_on_a_narrow_terminal(tmp_path: Path, width: int) -> None:
    # at 60 columns the boxed table cut "conversa…" and "Recruite…", at 50 "segm…" and "Staf…"
    feeds = _feeds_of_ads_and_chat("fernbrook", "quillhire", chats=10)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,segment\nfernbrook,staffing firm\nquillhire,recruiter\n")
    result = run_benchmark(store_with(tmp_path, *feeds), cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    console = _console(width)
    render_benchmark(console, result)
    segments = console.export_text().split("Segments")[1].split("The classic claims")[0]
    assert "…" not in segments
    assert all(len(line) <= width for line in segments.splitlines())
    header = next(line for line in segments.splitlines() if "overall" in line)
    assert header.split() == ["segment", "n", "overall", "face", "mix", "voice", "conv."]
    words = segments.split()
    assert "Recruiters" in words and "Staffing" in words and "firms" in words


@pytest.mark.parametrize("width", [46, 40])
def test_a_40_to_50_column_terminal_keeps_every_segment_median_and_the_cohort_path_whole(
    tmp_path: Path, width: int
) -> None:
    # at 46 columns the segments' "conv." was cropped to "con" (its medians gone), the
    # table's to "co", and the cohort's path was broken mid-word: ".../cohort." over "csv)"
    feeds = _feeds_of_ads_and_chat("fernbrook", "quillhire", chats=10)
    folder = tmp_path / "clients_of_the_spring_campaign" / "benchmarks_for_the_board"
    folder.mkdir(parents=True)
    cohort = folder / "rival_firms.csv"
    cohort.write_text("handle,segment\nfernbrook,staffing firm\nquillhire,recruiter\n")
    result = run_benchmark(store_with(tmp_path, *feeds), cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    console = _console(width)
    render_benchmark(console, result)
    text = console.export_text()
    assert all(len(line) <= width for line in text.splitlines())
    title = text.split("#")[0]
    assert all(line.rstrip().endswith(("/", ")", "accounts")) for line in title.splitlines()[:-2])
    assert title.split()[-1].endswith("rival_firms.csv)")  # the file's name on one line
    board = text.split("#")[1].split("Segments")[0]
    assert "conv." in board.split() and "@fernbrook" in board.split()
    segments = text.split("Segments (medians)")[1].split("The classic")[0]
    assert "overall  face  mix  voice  conv." in segments and "…" not in segments
    assert "Staffing firms (1 account)" in segments and "Recruiters (1 account)" in segments
    figures = [line.split() for line in segments.splitlines() if line.strip()[:1].isdigit()]
    assert len(figures) == 2 and all(len(row) == 5 for row in figures)  # no median cut off


class _AllStaffing:
    """A role model that takes every account for a staffing firm."""

    def predict(self, names: Sequence[str], bios: Sequence[str], texts: Sequence[Any]) -> Any:
        return SimpleNamespace(role=["staffing_firm"] * len(names))


def _guessed_pair(tmp_path: Path, width: int) -> tuple[Any, Console]:
    """A job feed and a chatty recruiter, both guessed staffing firms, rendered at ``width``."""
    firm = FeedBuilder("northgate_staffing_group")
    firm.job(4)
    rosa = FeedBuilder("rosa_recruits_in_tacoma")
    rosa.chat(4)
    store = store_with(tmp_path, firm, rosa)
    result = run_benchmark(store, scorer=FakeScorer(), role_model=_AllStaffing())  # type: ignore[arg-type]
    console = _console(width)
    render_benchmark(console, result)
    return result, console


@pytest.mark.parametrize("width", [80, 140, 50])
def test_every_row_says_its_segment_guess_and_what_to_fix_first(tmp_path: Path, width: int) -> None:
    # at 80 columns the "(guess)" of each row was hidden, and "Fix first" at every width
    result, console = _guessed_pair(tmp_path, width)
    table = console.export_text().split("Segments")[0]
    assert all(len(line) <= width for line in table.splitlines())
    said = " ".join(table.split())
    for row in result.leaderboard:
        assert row["fix_first"] and f"ix first: {row['fix_first']}" in said
    guesses = [r for r in result.leaderboard if r.get("segment_guessed")]
    assert guesses and said.count("(guess)") == len(guesses)


def test_the_tier_line_runs_across_the_table_rather_than_fold_in_the_account_column(
    tmp_path: Path,
) -> None:
    # at 80 columns "graded on 2 of 4 pillars, with no profile data for Face:" was folded over
    # two lines of the account column, after a blank line, and read as a stray cell
    larch = FeedBuilder("larchmont_talent")
    larch.chat(12)
    german = FeedBuilder("lagerteam_nord")
    for i in range(12):
        german.post(f"Wir suchen ab sofort Staplerfahrer für das Lager in Bremen ({i})", lang="de")
    result = run_benchmark(store_with(tmp_path, larch, german), scorer=FakeScorer())  # type: ignore[arg-type]
    console = _console(60)
    render_benchmark(console, result)
    lines = console.export_text().split("Segments")[0].splitlines()
    tier = next(line for line in lines if "pillars" in line and line.rstrip().endswith(":"))
    assert re.fullmatch(r" +graded on \d of 4 pillars[^:]*:", tier.rstrip())
    assert lines.index(tier) < next(n for n, line in enumerate(lines) if "@lagerteam_nord" in line)
    assert all(len(line) <= 60 for line in lines)


@pytest.mark.parametrize("width", [80, 50])
def test_a_rows_fix_first_runs_to_the_edge_not_folded_in_the_account_column(
    tmp_path: Path, width: int
) -> None:
    # at 80 columns "fix first: Show a person, not a logo, in the picture" was folded over
    # three lines inside the account column, under the handle
    result, console = _guessed_pair(tmp_path, width)
    lines = [line.rstrip() for line in console.export_text().split("Segments")[0].splitlines()]
    openings = [line for line in lines if "ix first:" in line]
    assert len(openings) == len(result.leaderboard)
    for row, opening in zip(result.leaderboard, openings, strict=True):
        # the whole aside on one line where the terminal holds it, else wrapped near its edge
        assert f"fix first: {row['fix_first']}" in opening or len(opening) > width - 12, opening


def test_a_cohort_path_longer_than_the_terminal_is_printed_whole_on_one_line(
    tmp_path: Path,
) -> None:
    # Rich broke a path too long for 80 columns into two lines ("rivals" over ".csv:3"), and at
    # a space in a folder's name: copied from the terminal, it named no file
    firm = FeedBuilder("larkfield")
    firm.job(4)
    folder = tmp_path / "Client reports 2026" / ("northwest_staffing_benchmark_" * 2)
    folder.mkdir(parents=True)
    cohort = folder / "rivals.csv"
    cohort.write_text("handle,segment\nlarkfield,vendor\nnobody_here,vendor\n", encoding="utf-8")
    result = run_benchmark(store_with(tmp_path, firm), cohort, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    console = _console(80)
    render_benchmark(console, result)
    assert len(f"skipped {cohort}:3:") > 80
    assert f"skipped {cohort}:3: no account 'nobody_here' in the store" in console.export_text()
