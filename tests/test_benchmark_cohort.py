"""What a cohort file's lines become in the benchmark's outputs (QA17 F7-F9): a header-only
file says it lists no account, and a line left out is said before the table, in the HTML
and the JSON, with the fix that fits it (a typo, or a handle on another platform). Reading a
cohort's lines (benchmark/cohort.py parse_cohort): its shapes, delimiters and segments; the
file on disk (refused kinds, encodings) is tests/test_benchmark_cohort_files.py."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from audit_helpers import FakeScorer, FeedBuilder, store_with
from staffpulse.benchmark import parse_cohort, run_benchmark
from staffpulse.benchmark.engine import BenchmarkResult
from staffpulse.errors import EmptyInputError, InputError
from staffpulse.report.html import render_benchmark_html
from staffpulse.report.spreadsheet import write_leaderboard_csv
from staffpulse.report.terminal_benchmark import render_benchmark


def test_a_header_without_lines_says_the_file_lists_no_accounts() -> None:
    with pytest.raises(EmptyInputError, match="has a header but lists no accounts"):
        parse_cohort("handle,platform,segment\n", "c_empty.csv")
    with pytest.raises(EmptyInputError, match="has a header but lists no accounts"):
        parse_cohort("handle,platform,segment\n# to fill in\n\n", "c_empty.csv")


def test_a_firms_name_where_its_handle_goes_says_what_to_write_instead(tmp_path: Path) -> None:
    # "no handle on this line" on "acme staffing,x" left a marketer looking for what is missing
    from staffpulse.benchmark.members import resolve_cohort

    feeds = [FeedBuilder("harbor", display_name="Harbor"), FeedBuilder("rosa_hires")]
    feeds[1].display_name = "Rosa Hires"
    for feed in feeds:
        feed.job(2)
    store = store_with(tmp_path, *feeds)
    entries, problems = parse_cohort("acme staffing,x\nharbor,x\n", "c_names.csv")
    assert not problems  # a name is looked up first, as a one-word one is
    resolved = resolve_cohort(store, entries, "c_names.csv")
    assert [a.handle for a, _segment in resolved.accounts] == ["harbor"]
    (problem,) = resolved.problems
    assert problem.line == 1 and "'acme staffing' has a space, and a handle has none" in (
        problem.message
    )
    assert "write the account's @handle as its profile shows it (e.g. @acmestaffing)" in (
        problem.message
    )
    assert "start the file with the header line handle,name,platform" in problem.message
    under_header, _ = parse_cohort("handle,platform\nAcme Staffing,x\nharbor,x\n", "c.csv")
    said = resolve_cohort(store, under_header, "c.csv").problems[0].message
    assert "add a name column to the header line" in said
    # a display name of several words that a stored account has is that account, as "Harbor"
    named, _ = parse_cohort("handle,platform\nRosa  Hires,x\nHarbor,x\n", "c_named.csv")
    found = resolve_cohort(store, named, "c_named.csv")
    assert [a.handle for a, _segment in found.accounts] == [
        "rosa_hires",
        "harbor",
    ] and not found.problems
    # what it says to write is read: the name kept in its own column, the handle ranked
    entries, problems = parse_cohort(
        "handle,name,platform\nacmestaffing,Acme Staffing,x\n", "c_fixed.csv"
    )
    assert [(e.handle, e.platform) for e in entries] == [("acmestaffing", "x")] and not problems
    _, blank = parse_cohort("@,x\nharbor,x\n", "c_blank.csv")
    assert blank[0].message == "no handle on this line"


def _mixed(tmp_path: Path) -> BenchmarkResult:
    feeds = []
    for name in ("acmestaffing", "brightside", "harbor"):
        feed = FeedBuilder(name, display_name=name.title())
        feed.job(6)
        feed.chat(6)
        feeds.append(feed)
    store = store_with(tmp_path, *feeds)
    cohort = tmp_path / "c_mixed.csv"
    cohort.write_text(
        "handle,platform,segment\n"
        "acmestaffing,bluesky,staffing_firm\n"  # it is on X
        "brightsde,x,staffing_firm\n"  # a typo
        "harbor,x,staffing_firm\n"
        "brightside,x,vendor\n",
        encoding="utf-8",
    )
    return run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]


def test_a_skipped_line_says_what_to_write_instead(tmp_path: Path) -> None:
    result = _mixed(tmp_path)
    assert [r["handle"] for r in result.leaderboard] != []
    by_line = {p.line: p.message for p in result.problems}
    assert by_line[2].startswith("@acmestaffing is on X, not Bluesky")
    assert "acmestaffing,x,staffing_firm" in by_line[2] and "import" not in by_line[2]
    assert "did you mean @brightside (x)?" in by_line[3]


def test_skipped_lines_come_before_the_table_and_stay_in_the_json_and_html(
    tmp_path: Path,
) -> None:
    result = _mixed(tmp_path)
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=160, color_system=None), result)
    text = " ".join(buf.getvalue().split())  # the title wraps to the table's width
    assert "2 accounts (" in text and "2 cohort lines skipped (see above)" in text
    assert text.index("c_mixed.csv:2: @acmestaffing") < text.index("@harbor")
    assert text.index("c_mixed.csv:3: no account") < text.index("@harbor")
    # the CSV holds the ranked accounts only, so its rank column sorts as numbers
    out = write_leaderboard_csv(result, tmp_path / "league.csv")
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert sorted(r["handle"] for r in rows) == ["brightside", "harbor"]
    assert all(r["rank"].isdigit() for r in rows)
    data = json.loads(json.dumps(result.to_dict()))
    assert [p["line"] for p in data["cohort"]["problems"] if not p["kept"]] == [2, 3]
    # the HTML says it at the top, before the leaderboard
    page = render_benchmark_html(result)
    notice = page.index("2 lines of the cohort file could not be used")
    assert notice < page.index("Leaderboard") and 'href="#cohort-problems"' in page


def test_a_column_of_pasted_profile_urls_is_read_as_audit_reads_them() -> None:
    entries, problems = parse_cohort(
        "handle,platform,segment\n"
        "https://x.com/AcmeStaffing,,staffing_firm\n"
        "twitter.com/Harbor_HR/status/1,,hr\n"
        "https://bsky.app/profile/bright.bsky.social,,vendor\n"
        "https://mastodon.social/@personalwerk,,staffing_firm\n"
        "x.com/acmestaffing,x,vendor\n",  # the first line's account again
        "c_urls.csv",
    )
    # the platform comes from the address: no platform column needed
    assert [(e.handle, e.platform, e.line) for e in entries] == [
        ("acmestaffing", "x", 2),
        ("harbor_hr", "x", 3),
        ("bright.bsky.social", "bluesky", 4),
        ("personalwerk@mastodon.social", "mastodon", 5),
    ]
    # a message quotes the account as the line wrote it, not lower-cased
    assert [str(p) for p in problems] == [
        "c_urls.csv:6: x.com/acmestaffing is already on line 2, whose segment staffing_firm is "
        "kept (not this line's vendor)"
    ]


def test_a_url_naming_another_platform_than_its_column_says_what_to_write() -> None:
    entries, problems = parse_cohort(
        "https://bsky.app/profile/bright.bsky.social,x,vendor\nhttps://x.com/home,,vendor\n",
        "c_bad.csv",
    )
    assert entries == []
    by_line = {p.line: p.message for p in problems}
    assert "leave the platform out (the address names it)" in by_line[1]
    assert "is not a profile URL" in by_line[2]


def test_profile_urls_in_a_cohort_rank_their_accounts(tmp_path: Path) -> None:
    feeds = []
    for name in ("AcmeStaffing", "harbor"):
        feed = FeedBuilder(name)
        feed.job(6)
        feed.chat(6)
        feeds.append(feed)
    store = store_with(tmp_path, *feeds)
    cohort = tmp_path / "c_pasted.csv"
    cohort.write_text(
        "https://x.com/AcmeStaffing staffing_firm\nx.com/harbor vendor\nhttps://x.com/Nobody9\n",
        encoding="utf-8",
    )
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    ranked = {(r["handle"], r["segment"]) for r in result.leaderboard}
    assert ranked == {("AcmeStaffing", "staffing_firm"), ("harbor", "vendor")}
    assert [str(p).split(" (")[0] for p in result.problems] == [
        f"{cohort}:3: https://x.com/Nobody9: no account 'nobody9' on x in the store"
    ]


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
        '@NorthBayTemps x "staffing firm"\n'
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
        ("northbaytemps", "x", "staffing_firm", 10),
        ("harbor", "x", "staffing_firm", 11),
    ]
    assert [str(p) for p in problems] == [
        "cohort.txt:6: unknown segment 'martian' (use one of: staffing_firm, vendor, job_board, "
        "recruiter, hr, other) — @weird is kept without a segment",
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


def test_a_long_list_of_unusable_lines_is_cut_short_above_the_table(tmp_path: Path) -> None:
    # 15,531 handles mostly not in the store printed 30,000 lines above the table (QA s23b)
    feed = FeedBuilder("harbor")
    feed.chat(6)
    store = store_with(tmp_path, feed)
    cohort = tmp_path / "c_long.csv"
    missing = [f"nobody{i}" for i in range(45)]
    cohort.write_text("handle\nharbor\n" + "\n".join(missing) + "\n", encoding="utf-8")
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    assert len(result.problems) == 45
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=200, color_system=None), result)
    lines = buf.getvalue().splitlines()
    told = [line.split("c_long.csv:")[1].split(":")[0] for line in lines if "c_long.csv:" in line]
    assert told == [str(n) for n in range(3, 23)]  # the first 20
    assert any(
        line.startswith("… and 25 more cohort lines (25 skipped, 0 noted): staffpulse benchmark "
                        "--json lists them all") for line in lines
    )  # fmt: skip
    assert "@harbor" in buf.getvalue()
    assert len(json.loads(json.dumps(result.to_dict()))["cohort"]["problems"]) == 45
    assert render_benchmark_html(result).count("nobody") >= 45


def test_a_tab_separated_cohort_is_told_its_header_a_tab_apart_not_with_commas(
    tmp_path: Path,
) -> None:
    """A comma header on a tab-separated file would make it one column: the advice says tabs."""
    from staffpulse.benchmark.members import resolve_cohort

    named, _ = parse_cohort("acme staffing\tx\nharbor\tx\n", "c_tabs.tsv")
    store = store_with(tmp_path, FeedBuilder("harbor"))
    (problem,) = resolve_cohort(store, named, "c_tabs.tsv").problems
    assert "header line handle, name and platform, a tab apart" in problem.message
    assert "handle,name,platform" not in problem.message
    # what it says to write is read
    entries, problems = parse_cohort(
        "handle\tname\tplatform\nacmestaffing\tAcme Staffing\tx\n", "c_fixed.tsv"
    )
    assert [(e.handle, e.platform) for e in entries] == [("acmestaffing", "x")] and not problems


def test_job_boards_are_a_segment_of_their_own_not_vendors() -> None:
    # merged into the vendors, a cohort's job feeds made its "Vendors" and their claims
    text = "handle,segment\nacme,staffing firm\ncareerfeed,job board\ntalentlist,Job Boards\n"
    text += "hirebase,vendor\n"
    entries, problems = parse_cohort(text, "cohort.csv")
    assert [e.segment for e in entries] == ["staffing_firm", "job_board", "job_board", "vendor"]
    assert problems == []
    # a plain line too, its segment of two words unquoted
    plain, _problems = parse_cohort("@careerfeed x job board\n@hirebase x vendor\n", "c.txt")
    assert [e.segment for e in plain] == ["job_board", "vendor"]
