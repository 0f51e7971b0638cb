from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import numpy as np
import pytest

from audit_helpers import FakeScorer, FeedBuilder, store_with
from staffpulse.benchmark import parse_cohort, read_cohort, run_benchmark
from staffpulse.benchmark.stats import compare, mostly_job_ads, percentile_ranks
from staffpulse.errors import EmptyInputError, InputError
from staffpulse.report.spreadsheet import write_leaderboard_csv


def test_parse_cohort_shapes_and_problems() -> None:
    text = (
        "# my cohort\n"
        "@acme, staffing firm\n"
        "rosa recruiter\n"
        "\n"
        "vendorco bluesky vendor\n"
        "weird,martian\n"
        "a b c d\n"
        "acme\n"
        "solo\n"
        '@RTIatMLA x "staffing firm"\n'
        "@harbor twitter staffing firm\n"
        "@odd facebook vendor\n"
    )
    entries, problems = parse_cohort(text, "cohort.txt")
    assert [(e.handle, e.platform, e.segment, e.line) for e in entries] == [
        ("acme", None, "staffing_firm", 2),
        ("rosa", None, "recruiter", 3),
        ("vendorco", "bluesky", "vendor", 5),
        ("weird", None, None, 6),  # kept: a typo in a segment does not drop the account
        ("solo", None, None, 9),
        ("rtiatmla", "x", "staffing_firm", 10),
        ("harbor", "x", "staffing_firm", 11),
    ]
    assert [str(p) for p in problems] == [
        "cohort.txt:6: unknown segment 'martian' (use one of: staffing_firm, vendor, recruiter, "
        "hr, other) — @weird is kept without a segment",
        "cohort.txt:7: too many fields (expected: handle, optional platform, optional segment; "
        'put a segment of several words in quotes: "staffing firm")',
        "cohort.txt:8: @acme is already on line 2",
        "cohort.txt:12: unknown platform 'facebook' (use one of: x, bluesky, mastodon, csv; "
        "twitter is read as x, bsky as bluesky)",
    ]


def test_parse_cohort_csv_with_header() -> None:
    entries, problems = parse_cohort(
        "handle,platform,segment\nacme,x,HR\nbob,,\ncy,x,no segment\n", "c.csv"
    )
    assert [(e.handle, e.platform, e.segment) for e in entries] == [
        ("acme", "x", "hr"),
        ("bob", None, None),
        ("cy", "x", None),  # as the league table's CSV writes it: read back without a note
    ]
    assert not problems


def test_parse_cohort_reads_semicolons_and_platform_spellings() -> None:
    text = (
        "handle;platform;segment\r\n@acme;Twitter;staffing firm\r\nbob;bsky;\r\nzed;myspace;hr\r\n"
    )
    entries, problems = parse_cohort(text, "excel.csv")
    assert [(e.handle, e.platform, e.segment) for e in entries] == [
        ("acme", "x", "staffing_firm"),
        ("bob", "bluesky", None),
    ]
    assert [(p.line, p.message[:26]) for p in problems] == [(4, "unknown platform 'myspace'")]
    plain, _ = parse_cohort("acme;x;vendor\nbob;hr\n", "plain.txt")
    assert [(e.handle, e.platform, e.segment) for e in plain] == [
        ("acme", "x", "vendor"),
        ("bob", None, "hr"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "cohort file c.csv is empty"),
        ("# my cohort\n\n", "is empty: it holds only comments and blank lines"),
        (
            "name,network\nacme,x\n",
            "c.csv: the header has name, network but no 'handle' column (if name holds the "
            "handles, rename it to handle)",
        ),
        ("screen_name platform\nacme x\n", "no 'handle' column"),
    ],
)
def test_a_cohort_file_no_line_of_which_can_work_says_why(text: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        parse_cohort(text, "c.csv")


def test_a_folder_is_not_a_cohort_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder, not a cohort file"):
        read_cohort(tmp_path)


def test_a_cohort_saved_as_excel_unicode_text_or_windows_1252_is_read(tmp_path: Path) -> None:
    utf16 = tmp_path / "cohort.txt"
    utf16.write_bytes("handle\tplatform\tsegment\r\nacme\tx\tstaffing firm\r\n".encode("utf-16"))
    entries, problems = read_cohort(utf16)
    assert [(e.handle, e.platform, e.segment) for e in entries] == [("acme", "x", "staffing_firm")]
    assert problems == []
    latin = tmp_path / "cohort.csv"
    latin.write_bytes("handle,segment\ncafé_staff,vendor\n".encode("cp1252"))
    entries, problems = read_cohort(latin)
    assert [e.handle for e in entries] == ["café_staff"]
    assert [p.line for p in problems] == [None] and "Windows-1252" in problems[0].message


def test_percentiles() -> None:
    # the share of the other accounts scoring strictly lower: a tie is not beaten
    ranks = percentile_ranks(np.array([10.0, 20.0, 20.0, 30.0])).tolist()
    assert ranks == [0.0, 100 / 3, 100 / 3, 100.0]


def test_compare_says_too_small() -> None:
    out = compare(np.array([80.0, 90.0]), np.array([10.0, 20.0, 30.0]), "Vendors", "Firms", "Voice")
    assert out["verdict"] == "too small to tell"
    assert out["n"] == {"Vendors": 2, "Firms": 3}


def test_compare_with_enough_accounts() -> None:
    rng = np.random.default_rng(1)
    high, low = rng.normal(70, 8, 20), rng.normal(40, 8, 20)
    out = compare(high, low, "Vendors", "Firms", "Voice")
    assert out["verdict"] == "supported" and out["p_value"] < 0.05
    assert out["ci95"][0] > 0
    same = compare(low, low + rng.normal(0, 1, 20), "Vendors", "Firms", "Voice")
    assert same["verdict"] in ("no clear difference", "contradicted")


def test_mostly_job_ads() -> None:
    out = mostly_job_ads(np.array([0.9, 0.8, 0.7, 0.2, 0.95, 0.6]), "Staffing firms")
    assert out["mostly_job_ads"] == 5 and out["n"] == 6 and out["share"] == pytest.approx(0.833)
    assert mostly_job_ads(np.array([0.9]), "Staffing firms")["verdict"] == "too small to tell"


def _cohort_store(tmp_path: Path, firms: int = 6, vendors: int = 6) -> object:
    feeds = []
    for i in range(firms):
        feed = FeedBuilder(f"firm{i}", display_name=f"Firm {i} Staffing")
        feed.job(12 + i)
        feed.chat(2)
        feeds.append(feed)
    for i in range(vendors):
        feed = FeedBuilder(f"vendor{i}", display_name=f"Vendor {i}")
        feed.post(f"I love ATS story {'abcdefghij'[i]} lol")
        feed.chat(3)
        feed.reply(f"firm{i}", 4)
        feeds.append(feed)
    return store_with(tmp_path, *feeds)


def test_run_benchmark_on_a_cohort_file(tmp_path: Path) -> None:
    store = _cohort_store(tmp_path)
    cohort = tmp_path / "cohort.csv"
    lines = ["handle,segment"] + [f"firm{i},staffing_firm" for i in range(6)]
    lines += [f"vendor{i},vendor" for i in range(6)] + ["ghost,vendor", "bad,alien"]
    cohort.write_text("\n".join(lines) + "\n")
    scorer = FakeScorer()
    result = run_benchmark(store, cohort, scorer=scorer)  # type: ignore[arg-type]
    assert scorer.calls == 1  # one batch for the whole cohort
    assert len(result.audits) == 12
    overall = [r["overall"] for r in result.leaderboard]  # ties share a rank
    assert [r["rank"] for r in result.leaderboard] == [
        1 + sum(o > s for o in overall) for s in overall
    ]
    assert result.leaderboard[0]["segment"] == "vendor"
    # line 15 twice: its segment is unknown, and no account 'bad' is stored
    assert [(p.line, p.file) for p in result.problems] == [(14, str(cohort))] + [
        (15, str(cohort))
    ] * 2
    voice, conversation, mostly = result.claims
    assert voice["verdict"] == "supported" and conversation["verdict"] == "supported"
    assert mostly["mostly_job_ads"] == 6 and mostly["n"] == 6
    assert result.segment_stats["vendor"]["n"] == 6
    data = json.loads(json.dumps(result.to_dict()))
    assert data["cohort"]["accounts"] == 12 and len(data["cohort"]["problems"]) == 3
    result.leaderboard[0]["display_name"] = '=HYPERLINK("http://evil.example")'
    out = write_leaderboard_csv(result, tmp_path / "board.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    # the 12 ranked and nothing else: the lines left out are listed by the terminal, HTML, JSON
    assert [int(r["rank"]) for r in rows] == [r["rank"] for r in result.leaderboard]
    assert "voice_beats_pct" in rows[0] and "ghost" not in out.read_text(encoding="utf-8-sig")
    assert rows[0]["display_name"].startswith("'=")  # a stranger's name never runs as a formula


def test_a_pillar_not_scored_takes_no_part_in_ranks_medians_or_tables(tmp_path: Path) -> None:
    from audit_helpers import FeedBuilder, store_with
    from staffpulse.report.html import render_benchmark_html

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
    store = _cohort_store(tmp_path, firms=2, vendors=2)
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    assert len(result.audits) == 4  # the mention targets without posts are left out
    assert result.source == "every account with posts in the store"
    assert result.claims[0]["verdict"] == "not tested"
    # without a cohort file nothing has a segment: the claims say how to test them
    assert "give a cohort file with a segment column" in result.claims[0]["explanation"]


def test_the_default_cohort_leaves_out_accounts_seen_in_passing(tmp_path: Path) -> None:
    # Two firms whose timelines were imported (14 and 15 posts), two vendors with 8 posts each,
    # and three authors of a post shared or quoted, one post each: they would outrank the firms.
    firms_and_vendors = _cohort_store(tmp_path, firms=2, vendors=2)
    passing = [FeedBuilder(f"passerby{i}", display_name=f"Passer {i}") for i in range(3)]
    for feed in passing:
        feed.post("What a lovely day, I love my team and my dog")
        feed.write(firms_and_vendors)  # type: ignore[arg-type]
    store = firms_and_vendors
    result = run_benchmark(store, scorer=FakeScorer())  # type: ignore[arg-type]
    assert sorted(r["handle"] for r in result.leaderboard) == ["firm0", "firm1"]
    assert (result.min_posts, result.left_out) == (10, 5)
    assert result.source == (
        "every account with at least 10 posts of its own in the store; 5 with fewer left out"
    )
    data = json.loads(json.dumps(result.to_dict()))["cohort"]
    assert (data["accounts"], data["min_posts"], data["left_out"]) == (2, 10, 5)
    # --min-posts sets the threshold: 8 brings the vendors in, 1 everyone with posts
    assert len(run_benchmark(store, scorer=FakeScorer(), min_posts=8).audits) == 4  # type: ignore[arg-type]
    everyone = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    assert len(everyone.audits) == 7 and everyone.left_out == 0
    with pytest.raises(EmptyInputError, match=r"no account has 100 posts.*the busiest, @firm1"):
        run_benchmark(store, scorer=FakeScorer(), min_posts=100)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="--min-posts must be 1 or more"):
        run_benchmark(store, scorer=FakeScorer(), min_posts=0)  # type: ignore[arg-type]


def test_a_store_of_small_accounts_ranks_them_all_by_default(tmp_path: Path) -> None:
    feeds = [FeedBuilder(f"small{i}") for i in range(3)]
    for feed in feeds:
        feed.chat(3)
    result = run_benchmark(store_with(tmp_path, *feeds), scorer=FakeScorer())  # type: ignore[arg-type]
    assert len(result.audits) == 3 and (result.min_posts, result.left_out) == (1, 0)
    assert result.source == "every account with posts in the store (none has 10 posts yet)"


def test_min_posts_with_a_cohort_file_notes_each_account_left_out(tmp_path: Path) -> None:
    store = _cohort_store(tmp_path, firms=2, vendors=1)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("firm0,x,staffing_firm\nvendor0,x,vendor\n")
    whole = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    assert len(whole.audits) == 2 and whole.min_posts is None  # a file's accounts: all ranked
    result = run_benchmark(store, cohort, scorer=FakeScorer(), min_posts=10)  # type: ignore[arg-type]
    assert [r["handle"] for r in result.leaderboard] == ["firm0"] and result.left_out == 1
    (note,) = result.problems
    assert (note.line, note.message) == (
        2,
        "@vendor0 has 8 posts of its own, fewer than --min-posts 10: left out",
    )


def test_empty_or_missing_cohort(tmp_path: Path) -> None:
    store = _cohort_store(tmp_path, firms=1, vendors=0)
    with pytest.raises(InputError):
        run_benchmark(store, tmp_path / "missing.csv", scorer=FakeScorer())  # type: ignore[arg-type]
    empty = tmp_path / "empty.txt"
    empty.write_text("ghost\n")
    with pytest.raises(EmptyInputError, match=r"empty\.txt:1"):
        run_benchmark(store, empty, scorer=FakeScorer())  # type: ignore[arg-type]


def test_a_handle_on_two_platforms_is_told_to_write_its_platform_on_its_line(
    tmp_path: Path,
) -> None:
    from audit_helpers import FeedBuilder, store_with

    twins = [FeedBuilder("dupfirm", platform=p) for p in ("x", "bluesky")]
    for feed in twins:
        feed.job(2)
    other = FeedBuilder("otherfirm")
    other.chat(2)
    store = store_with(tmp_path, *twins, other)
    cohort = tmp_path / "cohort.txt"
    cohort.write_text("dupfirm\notherfirm\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    (problem,) = result.problems
    assert problem.line == 1 and problem.message == (
        "'dupfirm' exists on several platforms (bluesky, x): write the platform on this line, "
        "e.g. dupfirm,bluesky or dupfirm,x"
    )
    # a cohort of that line alone: the posts are imported, so importing is not the fix
    cohort.write_text("dupfirm\n")
    with pytest.raises(EmptyInputError) as refused:
        run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    assert refused.value.message.startswith("no line of the cohort names a single account")
    assert refused.value.hint == (
        "write the platform on each line whose handle is on several platforms, "
        "e.g. dupfirm,bluesky or dupfirm,x"
    )
    cohort.write_text("dupfirm,x\n")
    assert len(run_benchmark(store, cohort, scorer=FakeScorer()).audits) == 1  # type: ignore[arg-type]


def test_an_account_without_posts_is_left_out_with_its_line_not_ranked(tmp_path: Path) -> None:
    from audit_helpers import FeedBuilder, store_with

    firm = FeedBuilder("firm")
    firm.job(3)
    firm.chat(3)
    quiet = FeedBuilder("quiet")  # in the store (a profile was imported) but no posts
    store = store_with(tmp_path, firm, quiet)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("firm,x,staffing_firm\nQuiet,x,vendor\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    assert [r["handle"] for r in result.leaderboard] == ["firm"]
    (problem,) = result.problems
    assert problem.line == 2
    assert "@quiet has no posts in the store: left out, not graded" in problem.message
    assert "staffpulse import FILE" in problem.message
    alone = tmp_path / "alone.csv"
    alone.write_text("quiet,x,vendor\n")
    with pytest.raises(EmptyInputError, match=r"no account of the cohort has posts.*alone\.csv:1"):
        run_benchmark(store, alone, scorer=FakeScorer())  # type: ignore[arg-type]


def test_a_firm_posting_in_another_language_is_no_evidence_for_the_job_ads_claim(
    tmp_path: Path,
) -> None:
    from audit_helpers import FeedBuilder, store_with

    firm = FeedBuilder("firm")
    firm.job(8)
    euro = FeedBuilder("euro")
    for i in range(8):
        euro.post(f"Wir suchen einen Lagerist (m/w/d) in Vollzeit, jetzt bewerben #{i}", lang="de")
    store = store_with(tmp_path, firm, euro)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("firm,x,staffing_firm\neuro,x,staffing_firm\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    rows = {r["handle"]: r for r in result.leaderboard}
    assert rows["euro"]["mix"] is None and rows["euro"]["voice"] is None
    assert rows["euro"]["percentiles"]["mix"] is None
    mostly = result.claims[-1]
    assert mostly["n"] == 1 and mostly["mostly_job_ads"] == 1  # the firm the model could read


def test_no_job_share_is_shown_for_a_firm_whose_mix_is_not_scored(tmp_path: Path) -> None:
    from staffpulse.report.html import render_benchmark_html

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


def test_claims_speak_plainly_and_keep_the_statistics_apart() -> None:
    small = compare(
        np.array([80.0, 91.0]), np.array([10.0, 20.0, 30.0]), "Vendors", "Staffing firms", "Voice"
    )
    assert small["explanation"] == (
        "Typical Voice score: vendors 86, staffing firms 20. Too few to tell: the group has "
        "2 vendors and 3 staffing firms, and we need at least 5 of each."
    )
    assert small["claim"] == "Vendors beat staffing firms on Voice"
    rng = np.random.default_rng(1)
    tested = compare(rng.normal(70, 8, 20), rng.normal(40, 8, 20), "Vendors", "Firms", "Voice")
    assert "interval" not in tested["explanation"] and "Mann-Whitney" not in tested["explanation"]
    assert "95% interval" in tested["detail"] and "Mann-Whitney p" in tested["detail"]
    assert tested["ci95"] and tested["p_value"] is not None  # the JSON keeps every number
    mostly = mostly_job_ads(np.array([0.9, 0.8, 0.2, 0.1, 0.3]), "Staffing firms")
    assert mostly["verdict"] == "mixed" and "%, 95%" not in mostly["explanation"]
    assert mostly["explanation"].startswith("2 of 5 staffing firms (40%) post more job ads")
    assert "95% interval of that share: " in mostly["detail"]


def test_the_report_says_the_benchmark_in_words_for_a_marketer(tmp_path: Path) -> None:
    from staffpulse.report.html import render_benchmark_html

    store = _cohort_store(tmp_path, firms=3, vendors=3)
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


def test_firms_with_no_posts_to_judge_are_counted_as_firms_not_as_missing(tmp_path: Path) -> None:
    feeds = []
    for i in range(4):  # staffing firms that only reply: no original post for Mix to judge
        feed = FeedBuilder(f"replyfirm{i}")
        feed.reply("someone", 12)
        feeds.append(feed)
    store = store_with(tmp_path, *feeds)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("".join(f"replyfirm{i},x,staffing firm\n" for i in range(4)))
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    assert len(result.leaderboard) == 4  # every firm is ranked, none left out
    assert all(row["mix"] is None for row in result.leaderboard)  # Mix n/a for each
    jobs = result.claims[-1]
    assert jobs["verdict"] == "too small to tell" and (jobs["n"], jobs["members"]) == (0, 4)
    assert jobs["explanation"] == (
        "Too few to tell: 0 of the 4 staffing firms have original posts to judge, "
        "and we need at least 5."
    )


def test_a_comparison_says_how_many_members_of_each_segment_have_a_score() -> None:
    out = compare(
        np.array([60.0, 70.0, 80.0]),
        np.array([50.0, 55.0]),
        "Vendors",
        "Staffing firms",
        "Voice",
        members=(6, 2),
    )
    assert out["members"] == {"Vendors": 6, "Staffing firms": 2}
    assert out["explanation"].endswith(
        "Too few to tell: 3 of the 6 vendors and 2 staffing firms have a Voice score, "
        "and we need at least 5 of each."
    )
    shares = np.array([0.9, 0.8, 0.7, 0.6, 0.1])
    judged = mostly_job_ads(shares, "Staffing firms", members=7)
    assert judged["explanation"].startswith(
        "4 of 5 staffing firms with original posts to judge (80%) post more job ads"
    )
    assert judged["explanation"].endswith("The other 2 have none to judge.")


def test_a_median_of_a_half_is_shown_rounded_up_everywhere(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from staffpulse.report.html import render_benchmark_html
    from staffpulse.report.terminal_audit import render_benchmark

    said = compare(
        np.array([40.0, 41.0]), np.array([30.0, 31.0, 33.0]), "Vendors", "Staffing firms", "Voice"
    )
    assert said["explanation"].startswith("Typical Voice score: vendors 41, staffing firms 31.")
    result = run_benchmark(
        _cohort_store(tmp_path, firms=1, vendors=2), scorer=FakeScorer(), min_posts=1
    )  # type: ignore[arg-type]
    only = next(iter(result.segment_stats.values()))
    only["voice"]["median"] = 40.5  # two accounts at 40 and 41
    page = render_benchmark_html(result)
    assert re.search(r'data-label="Voice median">41</td>', page)
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=160, color_system=None), result)
    row = next(line for line in buf.getvalue().splitlines() if line.startswith("│ No segment"))
    assert " 41 │" in row and " 40 │" not in row
