"""'Where you stand' (staffpulse.report.cohort_place): an account the cohort leaves out is still
drawn as the dark marker, and the caption says it is not one of the dots."""

from __future__ import annotations

import re
from pathlib import Path

from audit_helpers import PERSON, FakeScorer, FeedBuilder, board_ad_and_desk, store_with
from report_html_helpers import page_text
from staffpulse.audit import audit_account
from staffpulse.benchmark import run_benchmark
from staffpulse.report.html import render_audit_html
from staffpulse.report.spreadsheet import leaderboard_csv

MARKER = 'fill="#1f2a3d"'  # the dark marker's fill (chart_theme.INK)


def _store(tmp_path: Path) -> object:
    firms = []
    for name in ("acme", "brightpath"):
        firm = FeedBuilder(name)
        firm.chat(6)
        firm.job(6)
        firms.append(firm)
    small = FeedBuilder("erik")
    small.chat(2)  # two posts of its own: under the default cohort's ten
    return store_with(tmp_path, *firms, small)


def test_an_account_under_the_cohorts_bar_is_drawn_and_said_to_be_outside(
    tmp_path: Path,
) -> None:
    # a real two-post Bluesky account: the caption said "the dark marker is @ferrow.dev"
    # while the strips drew no marker, the account not being in the cohort
    store = _store(tmp_path)
    bench = run_benchmark(store, scorer=FakeScorer())  # type: ignore[arg-type]
    assert bench.row_of("erik", "x") is None
    audit = audit_account(store, "erik", scorer=FakeScorer(), avatar=PERSON, save=False)
    html = render_audit_html(audit, bench)
    text = page_text(html)
    assert "Where you stand among 2 accounts" in text
    assert re.search(
        r"the dark marker is @erik, not one of them \(only 2 posts of its own\)\.", text
    )
    strips = html[html.index("Where you stand") :]
    assert strips.count(MARKER) >= 5  # a marker on each of the five strips
    assert "Against the others" not in text  # no standing among accounts it is not one of


def test_an_account_the_cohort_file_does_not_name_is_said_to_be_outside(tmp_path: Path) -> None:
    store = _store(tmp_path)
    cohort = tmp_path / "rivals.csv"
    cohort.write_text("handle,segment\nacme,staffing firm\nbrightpath,staffing firm\n")
    bench = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    audit = audit_account(store, "erik", scorer=FakeScorer(), avatar=PERSON, save=False)
    text = page_text(render_audit_html(audit, bench))
    assert "@erik, not one of them (your cohort file does not name it)." in text


def test_an_account_in_the_cohort_reads_as_before(tmp_path: Path) -> None:
    store = _store(tmp_path)
    bench = run_benchmark(store, scorer=FakeScorer())  # type: ignore[arg-type]
    audit = audit_account(store, "acme", scorer=FakeScorer(), avatar=PERSON, save=False)
    text = page_text(render_audit_html(audit, bench))
    assert "the dark marker is @acme. Against the others" in text
    assert "not one of them" not in text


def test_the_standing_counts_the_accounts_it_is_ahead_of(tmp_path: Path) -> None:
    # a consultant's client among 6 rivals read "Face: ahead of 16% of them" (1 of 6 is 17%)
    # and "Mix: ahead of 80% of them" (4 of the 5 with a Mix score, not of the 6 others)
    feeds = []
    for i, name in enumerate(("acme", "bright", "crest", "delta", "ember")):
        feed = FeedBuilder(name)
        feed.job(2 + 3 * i)  # more job ads each: a lower Mix score each
        feed.chat(12)
        feeds.append(feed)
    talker = FeedBuilder("talker")  # replies only: no original post for Mix to judge
    for i in range(12):
        talker.reply(f"peer{i}")
    store = store_with(tmp_path, *feeds, talker)
    cohort = tmp_path / "rivals.csv"
    cohort.write_text("handle\nacme\nbright\ncrest\ndelta\nember\ntalker\n")
    bench = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    audit = audit_account(store, "crest", scorer=FakeScorer(), avatar=PERSON, save=False)
    text = page_text(render_audit_html(audit, bench))
    mix = {r["handle"]: r["mix"] for r in bench.leaderboard}
    assert mix["talker"] is None and len(bench.leaderboard) == 6
    below = sum(v is not None and v < mix["crest"] for v in mix.values())
    assert 0 < below < 4  # somewhere in the middle, as the feeds were built
    assert f"Mix: ahead of {below} of the 4 others scored;" in text
    assert "% of them" not in text


def test_an_account_graded_on_fewer_pillars_is_told_why_it_stands_last(tmp_path: Path) -> None:
    # a French-language firm graded 25 on 2 pillars read "Overall: behind all the others"
    # beside its marker, drawn right of four accounts graded 14
    feeds = []
    for name in ("acme", "bright", "crest"):
        feed = FeedBuilder(name)
        feed.job(12)  # all job ads, no replies: low grades on all four pillars
        feeds.append(feed)
    talker = FeedBuilder("talker")
    for i in range(12):
        talker.reply(f"peer{i}")
    talker.foreign(3)  # its own posts in German: Mix cannot read them
    store = store_with(tmp_path, *feeds, talker)
    cohort = tmp_path / "rivals.csv"
    cohort.write_text("handle\nacme\nbright\ncrest\ntalker\n")
    bench = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    me = bench.row_of("talker", "x")
    assert me is not None and me["pillars_graded"] == 3 and me["rank"] == 4
    audit = audit_account(store, "talker", scorer=FakeScorer(), avatar=PERSON, save=False)
    text = page_text(render_audit_html(audit, bench))
    # counted by score, as the CSV's overall_beats_pct (100 here): it read "behind all the
    # others", its place in the table, while the CSV said it beat every one of them
    assert me["percentiles"]["overall"] == 100
    assert (
        "Overall: ahead of all the others (graded on 3 of 4 pillars, the table places it after "
        "every account graded on more);" in text
    )
    csv_row = leaderboard_csv(bench).splitlines()[-1].split(",")
    header = leaderboard_csv(bench).splitlines()[0].lstrip("\ufeff").split(",")
    assert csv_row[header.index("handle")] == "talker"
    assert csv_row[header.index("overall_beats_pct")] == "100"
    # placed first, yet behind the talker by score: the table's order is said here too
    crest = audit_account(store, "crest", scorer=FakeScorer(), avatar=PERSON, save=False)
    crest_page = page_text(render_audit_html(crest, bench))
    assert "places it after" not in crest_page
    assert (
        "Overall: tied with 2 accounts, ahead of none (the table places it before every "
        "account graded on fewer pillars);" in crest_page
    )


def test_an_account_with_too_few_posts_is_told_why_it_stands_last(tmp_path: Path) -> None:
    # its 2 chatty posts grade higher than the job-ad feeds, yet it is placed after them
    feeds = []
    for name in ("acme", "bright"):
        feed = FeedBuilder(name)
        feed.job(12)
        feeds.append(feed)
    tiny = FeedBuilder("tiny")
    tiny.post("My honest story: I love how our new hires found their feet this week")
    tiny.reply("acme", 1)
    store = store_with(tmp_path, *feeds, tiny)
    cohort = tmp_path / "rivals.csv"
    cohort.write_text("handle\nacme\nbright\ntiny\n")
    bench = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    me = bench.row_of("tiny", "x")
    assert me is not None and me["rank"] == 3
    audit = audit_account(store, "tiny", scorer=FakeScorer(), avatar=PERSON, save=False)
    text = page_text(render_audit_html(audit, bench))
    assert (
        "Overall: ahead of all the others (only 2 posts of its own, the table places it after "
        "every account with more);" in text
    )


def test_placed_after_accounts_graded_on_more_says_among_whom_when_few_post_ones_follow(
    tmp_path: Path,
) -> None:
    # a desk graded on 3 pillars was told the table "places it after every account graded on
    # more", above a 1-post account graded on all four that the table places after it
    store = store_with(tmp_path, *board_ad_and_desk("replydesk", "Reply Desk", 12))
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    assert [r["handle"] for r in result.leaderboard] == ["bigboard", "replydesk", "onead"]
    mine = next(a for a in result.audits if a.account.handle == "replydesk")
    page = " ".join(render_audit_html(mine, result).split())
    assert (
        "graded on 3 of 4 pillars, the table places it after every account graded on more"
        " with 10 posts of its own or more)" in page
    )


def test_a_few_post_account_on_fewer_pillars_is_told_why_a_lower_few_post_grade_is_above_it(
    tmp_path: Path,
) -> None:
    # QA: a C 69 from 4 posts stood under an F 22 from 1 post, both too few to judge: its
    # 'Where you stand' said only that it follows every account with more posts
    board, onead, desk = board_ad_and_desk("smalldesk", "Small Desk", 4)
    store = store_with(tmp_path, board, onead, desk)
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    assert [r["handle"] for r in result.leaderboard] == ["bigboard", "onead", "smalldesk"]
    mine = next(a for a in result.audits if a.account.handle == "smalldesk")
    page = " ".join(render_audit_html(mine, result).split())
    assert (
        "only 4 posts of its own, the table places it after every account with more; graded"
        " on 3 of 4 pillars, also after every account with as few posts graded on more)" in page
    )
    # among few-post accounts only, every account graded on more is above it: no "with 10
    # posts of its own or more", which no account here has
    few = store_with(tmp_path / "few", onead, desk)
    alone = run_benchmark(few, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    mine = next(a for a in alone.audits if a.account.handle == "smalldesk")
    page = " ".join(render_audit_html(mine, alone).split())
    said = "graded on 3 of 4 pillars, the table places it after every account graded on more)"
    assert said in page and "10 posts of its own or more" not in page
