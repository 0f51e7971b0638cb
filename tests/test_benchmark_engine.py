"""Running a benchmark (staffpulse.benchmark.engine.run_benchmark): the leaderboard, the
segments' medians and the claims, and how a pillar not scored stays out of them."""

from __future__ import annotations

import csv
import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from rich.console import Console

from audit_helpers import T0, FakeScorer, FeedBuilder, cohort_store, store_with
from staffpulse.benchmark import run_benchmark
from staffpulse.benchmark.claims import compare
from staffpulse.dates import format_day
from staffpulse.report.html import render_benchmark_html
from staffpulse.report.spreadsheet import write_leaderboard_csv
from staffpulse.report.terminal_benchmark import render_benchmark


def test_run_benchmark_on_a_cohort_file(tmp_path: Path) -> None:
    store = cohort_store(tmp_path)
    cohort = tmp_path / "cohort.csv"
    lines = ["handle,segment"] + [f"firm{i},staffing_firm" for i in range(6)]
    lines += [f"vendor{i},vendor" for i in range(6)] + ["ghost,vendor", "bad,alien"]
    cohort.write_text("\n".join(lines) + "\n")
    scorer = FakeScorer()
    result = run_benchmark(store, cohort, scorer=scorer)  # type: ignore[arg-type]
    assert scorer.calls == 1  # one batch for the whole cohort
    assert len(result.audits) == 12
    # ties share a rank; the vendors' 8 posts each are too few to judge: ranked after the firms
    placed = [(not r["few_posts"], r["overall"]) for r in result.leaderboard]
    assert [r["rank"] for r in result.leaderboard] == [
        1 + sum(o > s for o in placed) for s in placed
    ]
    assert [r["segment"] for r in result.leaderboard] == ["staffing_firm"] * 6 + ["vendor"] * 6
    # line 15 once: no account 'bad' is stored (its unknown segment is moot: no note that
    # the account is kept without a segment)
    assert [(p.line, p.file) for p in result.problems] == [(14, str(cohort)), (15, str(cohort))]
    voice, conversation, mostly = result.claims
    assert voice["verdict"] == "supported" and conversation["verdict"] == "supported"
    assert mostly["mostly_job_ads"] == 6 and mostly["n"] == 6
    assert result.segment_stats["vendor"]["n"] == 6
    data = json.loads(json.dumps(result.to_dict()))
    assert data["cohort"]["accounts"] == 12 and len(data["cohort"]["problems"]) == 2
    result.leaderboard[0]["display_name"] = '=HYPERLINK("http://evil.example")'
    out = write_leaderboard_csv(result, tmp_path / "board.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    # the 12 ranked and nothing else: the lines left out are listed by the terminal, HTML, JSON
    assert [int(r["rank"]) for r in rows] == [r["rank"] for r in result.leaderboard]
    assert "voice_beats_pct" in rows[0] and "ghost" not in out.read_text(encoding="utf-8-sig")
    assert rows[0]["display_name"].startswith("'=")  # a stranger's name never runs as a formula


def test_a_pillar_not_scored_takes_no_part_in_ranks_medians_or_tables(tmp_path: Path) -> None:
    helpdesk = FeedBuilder("helpdesk", display_name="Help Desk")
    helpdesk.reply("customer", 6)  # replies only: no original post for Mix to judge
    firm = FeedBuilder("firm", display_name="Firm Staffing")
    firm.job(8)
    firm.chat(2)
    store = store_with(tmp_path, helpdesk, firm)
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    rows = {r["handle"]: r for r in result.leaderboard}
    assert rows["helpdesk"]["mix"] is None and rows["helpdesk"]["percentiles"]["mix"] is None
    assert rows["firm"]["percentiles"]["mix"] is None  # the only one scored: no one to beat
    assert rows["firm"]["percentiles"]["overall"] is not None
    out = write_leaderboard_csv(result, tmp_path / "board.csv")
    by_handle = {r["handle"]: r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    assert by_handle["helpdesk"]["mix"] == "" and by_handle["helpdesk"]["mix_beats_pct"] == ""
    assert "n/a" in render_benchmark_html(result)


def test_every_account_in_the_store(tmp_path: Path) -> None:
    store = cohort_store(tmp_path, firms=2, vendors=2)
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    assert len(result.audits) == 4  # the mention targets without posts are left out
    assert result.source == "every account with posts of its own in the store"
    assert result.claims[0]["verdict"] == "not tested"
    # without a cohort file nothing has a segment: the claims say how to test them
    assert "give a cohort file with a segment column" in result.claims[0]["explanation"]
    first = result.audits[0].account
    row = result.row_of(first.handle, first.platform)
    assert row is not None and row["handle"] == first.handle
    assert result.row_of("nobody_in_the_cohort", first.platform) is None


def test_no_job_share_is_shown_for_a_firm_whose_mix_is_not_scored(tmp_path: Path) -> None:
    firm = FeedBuilder("firm")
    firm.job(8)
    firm.chat(2)
    personalwerk = FeedBuilder("personalwerk")  # mostly German job ads, a few English posts
    for i in range(15):
        personalwerk.post(
            f"Wir suchen Lagerhelfer (m/w/d) in Berlin-Mitte, 14,50 €/Std. #{i}", lang="de"
        )
    personalwerk.job(1)
    personalwerk.chat(5)
    store = store_with(tmp_path, firm, personalwerk)
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    rows = {r["handle"]: r for r in result.leaderboard}
    assert rows["personalwerk"]["mix"] is None
    # not "jobs 17%" from the English posts alone: blank, as the mix score is
    assert rows["personalwerk"]["job_share"] is None and rows["firm"]["job_share"] > 0.5
    assert json.loads(json.dumps(result.to_dict()))["leaderboard"][1]["job_share"] is None
    out = write_leaderboard_csv(result, tmp_path / "board.csv")
    by_handle = {r["handle"]: r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    assert by_handle["personalwerk"]["job_share"] == "" and by_handle["firm"]["job_share"]
    page = render_benchmark_html(result)
    cell = re.search(r'<td class="num faint" data-label="Job ads"[^>]*>([^<]*)</td>', page)
    assert cell is not None and cell.group(1) == "n/a"


def test_the_report_says_the_benchmark_in_words_for_a_marketer(tmp_path: Path) -> None:
    store = cohort_store(tmp_path, firms=3, vendors=3)
    cohort = tmp_path / "cohort.csv"
    lines = [f"firm{i},x,staffing firm" for i in range(3)] + [f"vendor{i},x,hr" for i in range(3)]
    cohort.write_text("\n".join(lines) + "\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    page = render_benchmark_html(result)
    assert "essay" not in page and "Mann-Whitney" in page  # only in "How we test this"
    how = page.index("<details")
    assert page.index("Mann-Whitney") > how and "<summary>How we test this</summary>" in page
    assert "95% interval" not in page[:how] and '<details class="how" open' not in page
    assert "the classic claims about staffing firms on social media" in page.lower()
    assert "Too few to tell" in page and ">too small to tell<" not in page
    assert re.search(r">beats \d+%</div>", page) and not re.search(r">p\d+<", page)
    assert re.search(r'title="scores higher than \d+% of the other accounts"', page)  # in full
    assert ">Staffing firm</td>" in page and ">HR</td>" in page and "staffing_firm" not in page
    medians = re.findall(r'data-label="[A-Za-z]+ median">([^<]*)<', page)
    assert medians and all(m == "n/a" or m.isdigit() for m in medians)  # whole, as every score
    # each competitor's most important fix is said about it, not to it
    fixes = re.findall(r'<span class="fix-label">Fix first:</span> ([^<]*)<', page)
    assert fixes and not any(re.search(r"\byou(r)?\b", f, re.IGNORECASE) for f in fixes)


def test_a_median_of_a_half_is_shown_rounded_up_everywhere(tmp_path: Path) -> None:
    import io

    said = compare(
        np.array([40.0, 41.0]), np.array([30.0, 31.0, 33.0]), "Vendors", "Staffing firms", "Voice"
    )
    assert said["explanation"].startswith("Typical Voice score: vendors 41, staffing firms 31.")
    result = run_benchmark(
        cohort_store(tmp_path, firms=1, vendors=2), scorer=FakeScorer(), min_posts=1
    )  # type: ignore[arg-type]
    only = next(iter(result.segment_stats.values()))
    only["voice"]["median"] = 40.5  # two accounts at 40 and 41
    page = render_benchmark_html(result)
    assert re.search(r'data-label="Voice median">41</td>', page)
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=160, color_system=None), result)
    row = next(line for line in buf.getvalue().splitlines() if line.startswith("│ No segment"))
    assert " 41 │" in row and " 40 │" not in row


def test_an_account_gone_quiet_is_marked_in_every_leaderboard(tmp_path: Path) -> None:
    # each account is graded up to its own last post: an archive silent for years ranked
    # beside an active account, unmarked, read as a fair race
    from datetime import timedelta

    old = FeedBuilder("oldfirm", display_name="Old Firm Staffing")
    old.chat(12)
    active = FeedBuilder("rosa", display_name="Rosa Tamlin")
    active.clock = old.clock + timedelta(days=3 * 365)
    active.chat(12)
    now = active.clock + timedelta(days=1)
    store = store_with(tmp_path, old, active)
    result = run_benchmark(store, scorer=FakeScorer(), now=now)  # type: ignore[arg-type]
    rows = {row["handle"]: row for row in result.leaderboard}
    assert rows["oldfirm"]["quiet_for"] == "3 years"
    # the moment, as accounts --json gives it (the CSV keeps its day)
    assert rows["oldfirm"]["last_post"] == f"{old.clock:%Y-%m-%dT%H:%M:%S}Z"
    assert rows["rosa"]["quiet_for"] is None
    # told to post again first, as its audit and its dashboard card say, then its own fix
    assert rows["oldfirm"]["top_action"].startswith(
        "Post again (the last post was 3 years ago), then "
    )
    # the tables say "last post 3 years ago" beside the account: not again in its fix line
    assert rows["oldfirm"]["fix_first"].startswith("Post again, then ")
    assert not rows["rosa"]["fix_first"].startswith("Post again")
    console = Console(width=140, record=True, color_system=None)
    render_benchmark(console, result)
    text = console.export_text()
    assert "@oldfirm (last post 3 years ago)" in text
    assert "Fix first: Post again, then " in text
    assert text.count("3 years ago") == 1
    assert "@rosa (" not in text
    assert "has gone quiet" in text
    html = render_benchmark_html(result)
    # a day as every page writes one ("19 Nov 2021"), never "2021-11-19"
    assert f"last post {format_day(old.clock)}, 3 years ago" in html
    assert html.count("years ago</span>") == 1
    # the note under the table shows a row of this table as its example, not a fixed date
    # ("last post 19 Nov 2021, 5 years ago" above desks last heard of in 2020, 6 years ago)
    assert f"(“last post {format_day(old.clock)}, 3 years ago”) has gone quiet" in html


def test_progress_names_the_audits_while_the_first_one_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a store of 300,000 posts the first audit (an account of 170,000 posts) took 13 s,
    # shown as "Checking avatars 0/120": the avatars had been checked in no time.
    import staffpulse.benchmark.cohort_audits as cohort_audits

    steps: list[tuple[str, int, int]] = []
    real_audit = cohort_audits.compute_audit

    def audit_noting_the_step(*args: Any, **kwargs: Any) -> Any:
        steps.append(("(an audit runs)", 0, 0))
        return real_audit(*args, **kwargs)

    monkeypatch.setattr(cohort_audits, "compute_audit", audit_noting_the_step)
    result = run_benchmark(
        cohort_store(tmp_path, firms=2, vendors=1),
        scorer=FakeScorer(),  # type: ignore[arg-type]
        progress=lambda step, done, total: steps.append((step, done, total)),
    )
    first = steps.index(("(an audit runs)", 0, 0))
    assert [step for step, _done, _total in steps[:first]] == [
        "Loading posts",
        "Scoring posts",
        "Checking avatars",
        "Auditing",
    ]
    assert steps[first - 1] == ("Auditing", 0, len(result.audits))


def test_the_json_counts_the_accounts_left_out_without_posts(tmp_path: Path) -> None:
    # 366 real accounts without posts were told only inside cohort.source ("1,661 with fewer
    # and 366 without posts left out"): a script had to parse the sentence for the number.
    firm, vendor, ghost = FeedBuilder("firm0"), FeedBuilder("vendor0"), FeedBuilder("ghost")
    firm.job(3)
    vendor.chat(3)
    store = store_with(tmp_path, firm, vendor, ghost)

    every = run_benchmark(store, scorer=FakeScorer(), min_posts=1).to_dict()  # type: ignore[arg-type]
    assert every["cohort"]["accounts"] == 2
    assert every["cohort"]["without_posts"] == 1
    assert "1 without posts left out" in every["cohort"]["source"]

    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle\nfirm0\nvendor0\nghost\n", encoding="utf-8")
    named = run_benchmark(store, cohort, scorer=FakeScorer()).to_dict()  # type: ignore[arg-type]
    assert (named["cohort"]["accounts"], named["cohort"]["without_posts"]) == (2, 1)
    assert "@ghost has no posts" in named["cohort"]["problems"][0]["message"]


def test_each_rows_fix_is_the_headline_of_its_audits_first_action(tmp_path: Path) -> None:
    # the league table speaks about each account ("Post fewer job ads: ..."), never to it
    store = cohort_store(tmp_path, firms=2, vendors=2)
    # as of a month after the posts: a cohort gone quiet is told to post again first
    now = T0 + timedelta(days=30)
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1, now=now)  # type: ignore[arg-type]
    for audit in result.audits:
        row = result.row_of(audit.account.handle, audit.account.platform)
        assert row is not None and audit.top_actions
        # under 10 posts of its own, the fix says what it was judged on
        assert (
            row["top_action"].removesuffix(" (judged on 8 posts: a rough grade)")
            == (audit.top_actions[0]["headline"])
        )
        assert not re.search(r"\byou(r|rs)?\b", row["top_action"], re.IGNORECASE)


def test_a_benchmark_since_a_day_says_so_wherever_it_names_its_cohort(tmp_path: Path) -> None:
    # "6 accounts (cohort.csv)" of posts since 1 Jan 2021 only: its post counts and shares
    # read as the accounts' whole feeds in the terminal, the HTML report and the JSON
    firm = FeedBuilder("firm")
    firm.chat(12)  # five hours apart from 1 Jan 2026, 9:00
    store = store_with(tmp_path, firm)
    result = run_benchmark(store, scorer=FakeScorer(), since="2026-01-02", min_posts=1)  # type: ignore[arg-type]
    assert result.source.endswith("; posts since 2 Jan 2026")
    data = json.loads(json.dumps(result.to_dict()))["cohort"]
    assert data["since"] == "2026-01-02T00:00:00Z" and "since 2 Jan 2026" in data["source"]
    console = Console(record=True, width=200)
    render_benchmark(console, result)
    assert "posts since 2 Jan 2026)" in " ".join(console.export_text().split())  # it wraps
    assert "posts since 2 Jan 2026" in render_benchmark_html(result)
    moment = run_benchmark(store, scorer=FakeScorer(), since="2026-01-02T09:30", min_posts=1)  # type: ignore[arg-type]
    assert moment.source.endswith("; posts since 2 Jan 2026, 09:30 UTC")
    whole = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    assert "since" not in whole.source and whole.to_dict()["cohort"]["since"] is None
