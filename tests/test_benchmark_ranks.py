"""The leaderboard's "beats X%" must be true as read: the share of the other accounts that
score strictly lower (QA17 F4: accounts tied at the bottom were told they beat 21%)."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
from rich.console import Console

from audit_helpers import FakeScorer, FeedBuilder, store_with
from staffpulse.benchmark import engine, run_benchmark
from staffpulse.benchmark.engine import BenchmarkResult
from staffpulse.benchmark.stats import (
    percentile_ranks,
    standing_against_others,
    standing_words,
    tie_counts,
)
from staffpulse.report.html import render_audit_html, render_benchmark_html
from staffpulse.report.spreadsheet import write_leaderboard_csv
from staffpulse.report.terminal_benchmark import render_benchmark


def test_beats_counts_only_the_others_scoring_strictly_lower() -> None:
    ranks = percentile_ranks(np.array([0.0, 0.0, 0.0, 50.0, 100.0, 100.0, 100.0]))
    # tied at the bottom: they beat no one; tied at the top: the 4 of 6 others below them
    assert ranks.tolist()[:3] == [0.0, 0.0, 0.0]
    assert ranks[3] == 50.0 and ranks[4] == ranks[6] == 100.0 * 4 / 6
    alone_last = percentile_ranks(np.array([0.0, 10.0, 20.0, 30.0]))
    assert alone_last[0] == 0.0 and alone_last[3] == 100.0
    with_gaps = percentile_ranks(np.array([np.nan, 5.0, np.nan]))
    assert all(math.isnan(r) for r in with_gaps)  # no other scored account: nothing to beat


def _league(tmp_path: Path) -> BenchmarkResult:
    feeds = []
    for i in range(4):  # job boards that never reply: all tied at Conversation 0
        feed = FeedBuilder(f"board{i}", display_name=f"Board {i}")
        feed.job(10 + i)
        feed.chat(1)
        feeds.append(feed)
    for i in range(3):
        feed = FeedBuilder(f"talker{i}", display_name=f"Talker {i}")
        feed.chat(4)
        feed.reply(f"board{i}", 3 + i)
        feeds.append(feed)
    return run_benchmark(store_with(tmp_path, *feeds), scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]


def test_accounts_tied_at_the_bottom_read_beats_0_everywhere(tmp_path: Path) -> None:
    result = _league(tmp_path)
    rows = {r["handle"]: r for r in result.leaderboard}
    bottom = [h for h, r in rows.items() if r["conversation"] == 0]
    assert len(bottom) == 4
    assert all(rows[h]["percentiles"]["conversation"] == 0 for h in bottom)
    # --json says the same
    data = json.loads(json.dumps(result.to_dict()))
    assert {
        r["percentiles"]["conversation"] for r in data["leaderboard"] if r["handle"] in bottom
    } == {0}
    # the CSV
    out = write_leaderboard_csv(result, tmp_path / "league.csv")
    by_handle = {r["handle"]: r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    assert {by_handle[h]["conversation_beats_pct"] for h in bottom} == {"0"}
    assert {by_handle[h]["conversation_tied"] for h in bottom} == {"3"}  # said apart from 0%
    # the HTML: no "beats 21%" for a firm that beats nobody, and the legend says ties beat no one
    html = render_benchmark_html(result)
    assert '>beats 0%</div><div class="faint beats">tied with 3</div>' in html
    assert "A tie beats no one" in html
    assert "better than" not in html and "ties counted half" not in html
    # the terminal, wide enough to show the figure, and its legend
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=160, color_system=None), result)
    text = buf.getvalue()
    assert "a tie beats no one" in text and "better than" not in text
    board_line = next(line for line in text.splitlines() if "@board0" in line)
    assert " 0 p0 tied" in board_line


def test_the_top_account_beats_every_other_and_no_more(tmp_path: Path) -> None:
    result = _league(tmp_path)
    top = max(result.leaderboard, key=lambda r: r["conversation"])
    others = [r for r in result.leaderboard if r is not top]
    below = sum(r["conversation"] < top["conversation"] for r in others)
    assert top["percentiles"]["conversation"] == math.floor(100 * below / len(others))


def _ties(tmp_path: Path) -> BenchmarkResult:
    feeds = []
    for name in ("alpha", "bravo", "charlie", "delta"):  # the same feed: the same scores
        feed = FeedBuilder(name)
        feed.job(6)
        feed.chat(6)
        feeds.append(feed)
    leader = FeedBuilder("zulu")  # talks with others too: the best score, alone
    leader.chat(6)
    leader.reply("alpha", 6)
    feeds.append(leader)
    return run_benchmark(store_with(tmp_path, *feeds), scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]


def test_tied_accounts_share_a_rank_everywhere(tmp_path: Path) -> None:
    result = _ties(tmp_path)
    rows = result.leaderboard
    tied = [r for r in rows if r["handle"] != "zulu"]
    assert len({r["overall"] for r in tied}) == 1 and rows[0]["overall"] > tied[0]["overall"]
    # standard competition ranking: 1, 2, 2, 2, 2; and the same "beats" for the tied
    data = json.loads(json.dumps(result.to_dict()))
    assert [(r["rank"], r["tied"]) for r in data["leaderboard"]] == [(1, False)] + [(2, True)] * 4
    assert len({r["percentiles"]["overall"] for r in tied}) == 1
    # the CSV: every rank cell a whole number, the tied sharing theirs
    out = write_leaderboard_csv(result, tmp_path / "league.csv")
    ranks = [int(r["rank"]) for r in csv.DictReader(out.open(encoding="utf-8-sig"))]
    assert ranks == [1, 2, 2, 2, 2]
    # the HTML and the terminal say the tie: "=2", never 3, 4, 5
    html = render_benchmark_html(result)
    cells = re.findall(r'<td class="num rank"[^>]*>([^<]*)</td>', html)
    assert cells == ["1", "=2", "=2", "=2", "=2"]
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=160, color_system=None), result)
    lines = [line.split() for line in buf.getvalue().splitlines() if "@" in line]
    assert [words[0] for words in lines if words[1].startswith("@")] == ["1"] + ["=2"] * 4


def _partly_graded(tmp_path: Path) -> BenchmarkResult:
    helpdesk = FeedBuilder("helpdesk", display_name="Help Desk")
    helpdesk.reply("customer", 6)
    helpdesk.foreign(2)  # its own posts in German: Mix cannot read them
    board = FeedBuilder("board", display_name="Job Board")
    board.job(8)
    firm = FeedBuilder("firm", display_name="Firm Staffing")
    firm.job(2)
    firm.chat(4)
    firm.reply("board", 3)
    store = store_with(tmp_path, helpdesk, board, firm)
    return run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]


def test_an_account_graded_on_fewer_pillars_ranks_after_those_graded_on_all(
    tmp_path: Path,
) -> None:
    # QA: a help desk graded on 2 of 4 pillars topped the table above firms graded on four
    result = _partly_graded(tmp_path)
    rows = {r["handle"]: r for r in result.leaderboard}
    assert rows["helpdesk"]["pillars_graded"] == 3 and rows["helpdesk"]["mix"] is None
    assert rows["helpdesk"]["overall"] > rows["board"]["overall"]  # a higher grade, yet after
    assert [r["handle"] for r in result.leaderboard][-1] == "helpdesk"
    assert rows["helpdesk"]["rank"] == len(rows)
    # "beats" is by score, not by place: it beats the board it is placed after
    assert rows["helpdesk"]["percentiles"]["overall"] > rows["board"]["percentiles"]["overall"]
    data = json.loads(json.dumps(result.to_dict()))
    assert {r["handle"]: r["pillars_graded"] for r in data["leaderboard"]} == {
        "firm": 4,
        "board": 4,
        "helpdesk": 3,
    }
    out = write_leaderboard_csv(result, tmp_path / "league.csv")
    by_handle = {r["handle"]: r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    assert (by_handle["helpdesk"]["pillars_graded"], by_handle["board"]["pillars_graded"]) == (
        "3",
        "4",
    )
    html = render_benchmark_html(result)
    assert html.count("graded on 3 of 4 pillars") >= 2  # the top-of-table card and the table
    assert "accounts graded on all four pillars first, then those graded on fewer" in html
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=100, color_system=None), result)
    lines = buf.getvalue().splitlines()
    heading = next(i for i, line in enumerate(lines) if "graded on 3 of 4 pillars:" in line)
    assert "@helpdesk" in lines[heading + 1] and "@board" in "\n".join(lines[:heading])


def test_the_audit_says_where_an_account_stands_in_plain_words() -> None:
    # (ahead of, tied with, others scored, cohort size): QA: "Overall beats 0%, tied with 1"
    # took a second reading
    assert standing_against_others(0, 1, 11, 12) == "tied with 1 account, ahead of none"
    assert standing_against_others(0, 0, 11, 12) == "behind all the others"
    assert standing_against_others(11, 0, 11, 12) == "ahead of all the others"
    assert standing_against_others(3, 2, 5, 6) == "tied for best with 2 accounts, ahead of the rest"
    # a count a client can check, never a floored share: 1 of 6 is not "16% of them"
    assert standing_against_others(1, 0, 6, 7) == "ahead of 1 of the 6 others"
    assert (
        standing_against_others(2, 1, 11, 12) == "tied with 1 account, ahead of 2 of the 11 others"
    )
    assert standing_against_others(3, 0, 499, 500) == "ahead of 3 of the 499 others"
    # one of the others had nothing to judge on this pillar: the count says of whom
    assert standing_against_others(4, 0, 5, 7) == "ahead of 4 of the 5 others scored"
    assert standing_against_others(0, 0, 0, 12) == "not scored"


def test_a_tie_is_counted_beside_the_share_beaten() -> None:
    values = np.array([100.0, 100.0, 100.0, 40.0, np.nan])
    assert tie_counts(values)[:4].tolist() == [2.0, 2.0, 2.0, 0.0] and math.isnan(
        tie_counts(values)[4]
    )
    best = {"percentiles": {"mix": 25}, "tied_with": {"mix": 2}, "best": {"mix": True}}
    # "tied for best, beats 25%", a line each in the report, read as two verdicts
    assert standing_words(best, "mix") == "tied for best"
    middle = {"percentiles": {"mix": 8}, "tied_with": {"mix": 17}, "best": {"mix": False}}
    assert standing_words(middle, "mix") == "beats 8%, tied with 17"
    alone = {"percentiles": {"mix": 88}, "tied_with": {"mix": 0}, "best": {"mix": False}}
    assert standing_words(alone, "mix") == "beats 88%"


def test_a_perfect_score_everyone_shares_reads_tied_for_best_not_beats_0(tmp_path: Path) -> None:
    # QA: every account with Mix 100 read "beats 0%", and the CSV's mix_percentile 0: the worst
    feeds = []
    for i in range(3):  # no job ad at all: Mix 100 for each
        feed = FeedBuilder(f"talker{i}", display_name=f"Talker {i}")
        feed.chat(4 + i)
        feed.reply("someone", 2 + i)
        feeds.append(feed)
    result = run_benchmark(store_with(tmp_path, *feeds), scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    rows = result.leaderboard
    assert {r["mix"] for r in rows} == {100}
    assert all(r["percentiles"]["mix"] == 0 and r["tied_with"]["mix"] == 2 for r in rows)
    assert all(r["best"]["mix"] for r in rows)
    out = write_leaderboard_csv(result, tmp_path / "league.csv")
    cells = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert {(r["mix_beats_pct"], r["mix_tied"]) for r in cells} == {("0", "2")}
    html = render_benchmark_html(result)
    assert html.count(">tied for best</div>") >= len(rows) and ">beats 0%</div>" not in html
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=160, color_system=None), result)
    talker = next(line for line in buf.getvalue().splitlines() if "@talker0" in line)
    assert "100 tied top" in talker and "p0" not in talker
    page = render_audit_html(result.audits[0], result)
    assert "Mix: tied for best with 2 accounts;" in page and "mix 0" not in page


def test_tied_accounts_are_listed_by_handle_whatever_its_case(tmp_path: Path) -> None:
    # a tester saw every capitalised handle before any lower-case one among the tied
    feeds = []
    for name in ("charlie", "Delta", "alpha", "Bravo"):  # the same feed: the same scores
        feed = FeedBuilder(name)
        feed.job(6)
        feed.chat(6)
        feeds.append(feed)
    result = run_benchmark(store_with(tmp_path, *feeds), scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    rows = result.leaderboard
    assert len({r["overall"] for r in rows}) == 1
    assert [r["handle"] for r in rows] == ["alpha", "Bravo", "charlie", "Delta"]


def test_within_a_tie_the_higher_overall_is_listed_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Verifier s40: two accounts tied on the placing (which no column shows) were listed 83
    above 84; the tie stays (one rank), the order follows the overall the table shows."""
    feeds = []
    for name, jobs in (("alpha", 10), ("bravo", 2), ("charlie", 6)):
        feed = FeedBuilder(name)
        feed.job(jobs)
        feed.chat(12 - jobs)
        feeds.append(feed)
    monkeypatch.setattr(engine, "_placing", lambda audits, _w: np.zeros(len(audits)))
    result = run_benchmark(store_with(tmp_path, *feeds), scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    rows = result.leaderboard
    overalls = [r["overall"] for r in rows]
    assert len(set(overalls)) == 3 and overalls == sorted(overalls, reverse=True)
    assert {(r["rank"], r["tied"]) for r in rows} == {(1, True)}


def test_accounts_tied_at_the_top_above_others_read_tied_top_without_a_percentile(
    tmp_path: Path,
) -> None:
    # QA: 44 firms tied at the top above 2 others read "55 p4 tied top": the 4th percentile
    feeds = []
    for i in range(3):
        feed = FeedBuilder(f"talker{i}", display_name=f"Talker {i}")
        feed.chat(4 + i)
        feed.reply("someone", 2 + i)
        feeds.append(feed)
    ads = FeedBuilder("adsonly", display_name="Ads Only")
    ads.job(6)
    feeds.append(ads)
    result = run_benchmark(store_with(tmp_path, *feeds), scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    top = [r for r in result.leaderboard if r["handle"].startswith("talker")]
    assert all(r["best"]["mix"] and r["percentiles"]["mix"] == 33 for r in top)
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=160, color_system=None), result)
    talker = next(line for line in buf.getvalue().splitlines() if "@talker0" in line)
    assert "100 tied top" in talker and "p33" not in talker


def test_a_table_of_tiny_feeds_only_has_no_line_ranking_them_after_the_rest(
    tmp_path: Path,
) -> None:
    result = _league(tmp_path)  # boards of 11 posts and more, talkers of 7 to 9
    tiny = FeedBuilder("solo", display_name="Solo")
    tiny.post("My honest story: I love how our new hires found their feet this week")
    only = run_benchmark(store_with(tmp_path / "solo", tiny), scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=160, color_system=None), only)
    assert "ranked after the rest" not in buf.getvalue()
    assert [r["few_posts"] for r in result.leaderboard] == [False] * 4 + [True] * 3
