"""The cohort in the HTML reports: "Where you stand" says which accounts it ranks against, and
a cohort file's line is shown as a place to look that breaks only between words."""

from __future__ import annotations

import re
from pathlib import Path

from audit_helpers import FakeScorer, FeedBuilder, store_with
from report_html_helpers import page_text, two_account_results
from staffpulse.benchmark import run_benchmark
from staffpulse.report import html as html_module
from staffpulse.report.html import render_audit_html, render_benchmark_html
from staffpulse.store import open_store


def test_where_you_stand_ranks_the_benchmarks_cohort_and_says_so(tmp_path: Path) -> None:
    audit, bench = two_account_results(tmp_path)
    # six fans with one post each are in the store: the benchmark's default cohort leaves
    # them out, and the audit's comparison is that same cohort
    assert bench.min_posts == 10 and bench.left_out == 6
    html = render_audit_html(audit, bench)
    assert "Where you stand among 2 accounts" in html
    assert (
        "Each dot is one of the 2 accounts with at least 10 posts of their own"
        " (6 with fewer left out, as in the benchmark)" in page_text(html)
    )


def test_where_you_stand_names_a_cohort_file_as_such(tmp_path: Path) -> None:
    audit, _ = two_account_results(tmp_path)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,segment\nrosa,recruiter\nacme,staffing_firm\nfan0,other\n")
    with open_store(tmp_path / "test.db") as store:
        bench = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    text = page_text(render_audit_html(audit, bench))
    assert "Each dot is one of the 3 accounts of your cohort file;" in text


def test_a_cohort_lines_place_breaks_only_between_words(tmp_path: Path) -> None:
    from staffpulse.report.html import file_line

    where = str(file_line("/data/q3/consultant_<b>_cohort.csv", 7))
    # a chance to break between the name's words only (escaped: the name is the user's)
    assert where == '<span class="file-line">consultant_<wbr>&lt;b&gt;_<wbr>cohort.csv:7</span>'
    assert (
        str(file_line("C:\\Users\\ann\\cohort.csv")) == '<span class="file-line">cohort.csv</span>'
    )
    feed = FeedBuilder("acme")
    feed.job(3)
    cohort = tmp_path / "consultant_cohort.csv"
    cohort.write_text("acme,x,staffing_firm\nghost,x,vendor\n", encoding="utf-8")
    result = run_benchmark(store_with(tmp_path, feed), cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    page = render_benchmark_html(result)
    assert '<td class="where"><span class="file-line">' in page
    assert "consultant_<wbr>cohort.csv:2</span>" in page


def test_a_client_reads_the_cohort_lines_by_file_name_and_segments_in_words(
    tmp_path: Path,
) -> None:
    # the report goes to a client: the consultant's folders and the JSON's segment keys
    # ("staffing_firm") are none of theirs; the terminal and --json keep both for the consultant
    feed = FeedBuilder("acme")
    feed.job(3)
    folder = tmp_path / "clients" / "q3"
    folder.mkdir(parents=True)
    cohort = folder / "cohort.csv"
    cohort.write_text("handle,platform,segment\nacme,x,client\n", encoding="utf-8")
    result = run_benchmark(store_with(tmp_path, feed), cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    assert "staffing_firm" in result.problems[0].message
    page = render_benchmark_html(result)
    (section,) = re.findall(r'<section class="card" id="cohort-problems">.*?</section>', page, re.S)
    text = page_text(section)
    assert "cohort.csv:2" in text and "clients" not in text
    assert "use one of: staffing firm, vendor, job board, recruiter, HR, other" in text
    assert "staffing_firm" not in page


def test_printed_each_chart_keeps_its_heading_on_its_page(tmp_path: Path) -> None:
    # on paper a card is never split (report.css), but one card holding all three charts was
    # taller than a page, so Chromium split it anyway, "Where you stand" ending page 2 and its
    # strips opening page 3: each chart now has its own card, with its heading
    audit, bench = two_account_results(tmp_path)
    html = render_audit_html(audit, bench)
    css = (Path(html_module.__file__).parent / "templates" / "report.css").read_text()
    assert re.search(r"@media print \{[^@]*\.card \{[^}]*break-inside:avoid", css)
    cards = html.split("<section")[1:]
    for heading, chart in [
        ("Four pillars", "Pillar scores from 0 to 100"),
        ("Content mix over time", "Posts per month by type"),
        ("Where you stand among 2 accounts", "Each account's pillar scores in the cohort"),
    ]:
        (card,) = [c for c in cards if f"<h2>{heading}</h2>" in c]
        # the strips twice: wide, and narrow for a phone (one shown at a time)
        drawn = 2 if "Where you stand" in heading else 1
        assert card.count("<svg") == drawn and f'aria-label="{chart}"' in card, heading
