"""'Where you stand' (staffpulse.report.cohort_place): an account the cohort leaves out is still
drawn as the dark marker, and the caption says it is not one of the dots."""

from __future__ import annotations

import re
from pathlib import Path

from audit_helpers import PERSON, FakeScorer, FeedBuilder, store_with
from report_html_helpers import page_text
from staffpulse.audit import audit_account
from staffpulse.benchmark import run_benchmark
from staffpulse.report.html import render_audit_html

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
    # a real two-post Bluesky account: the caption said "the dark marker is @benoist.dev"
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
