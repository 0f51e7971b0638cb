"""The Benchmark page's downloads (routes_bench_export): the HTML report and the leaderboard
spreadsheet that ``staffpulse benchmark --html`` and ``--csv`` write, of the page's cohort."""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import make_client, sample_store  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with make_client(sample_store(tmp_path_factory.mktemp("bench-export"))) as c:
        yield c


def test_the_benchmark_page_offers_both_downloads(client: Any) -> None:
    page = client.get("/benchmark").text
    assert '<a class="btn ghost" href="/benchmark/report.html" download>' in page
    assert "Download as HTML report" in page and "Download as spreadsheet (CSV)" in page
    assert 'href="/benchmark/leaderboard.csv"' in page


def test_the_html_download_is_the_benchmark_report_file(client: Any) -> None:
    from staffpulse.report.html import render_benchmark_html

    response = client.get("/benchmark/report.html")
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="benchmark-') and '.html"' in disposition
    report = response.text
    assert report.startswith("<!doctype html>") and "<style>" in report  # stands alone
    assert 'href="/static/app.css"' not in report and 'href="/audit/' not in report
    # the cohort named as the page names it (the user's file name), never where it is kept
    result = client.app.state.web.backend.benchmark()
    assert "Cohort: cohort.csv<" in report and str(result.source) not in report
    assert report == render_benchmark_html(replace(result, source="cohort.csv"))
    assert "Leaderboard" in report and "Mia Castellano" in report


def test_the_csv_download_is_the_leaderboard_the_cli_writes(client: Any, tmp_path: Path) -> None:
    from staffpulse.report.spreadsheet import write_leaderboard_csv

    response = client.get("/benchmark/leaderboard.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert '.csv"' in response.headers["content-disposition"]
    written = write_leaderboard_csv(client.app.state.web.backend.benchmark(), tmp_path / "b.csv")
    assert response.content == written.read_bytes()
    assert response.content.startswith("\ufeff".encode())  # the BOM Excel reads as UTF-8
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 12 and rows[0]["rank"] == "1" and rows[0]["top_action"]


def test_on_an_empty_store_the_downloads_lead_to_the_benchmark_page(tmp_path: Path) -> None:
    with make_client(tmp_path / "empty.db") as empty:
        for url in ("/benchmark/report.html", "/benchmark/leaderboard.csv"):
            response = empty.get(url)
            assert response.status_code == 303 and response.headers["location"] == "/benchmark"
        assert "/benchmark/report.html" not in empty.get("/benchmark").text


def test_the_html_download_is_drawn_once_until_an_import_brings_new_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffpulse.report import html
    from web_helpers import finished_job, native_jsonl, upload_files

    drawn: list[int] = []
    render = html.render_benchmark_html

    def counted(result: Any, *args: Any, **kw: Any) -> str:
        drawn.append(len(result.leaderboard))
        return render(result, *args, **kw)

    monkeypatch.setattr(html, "render_benchmark_html", counted)
    firms = [("x", f"firm{i}", 10 + i) for i in range(4)]
    with make_client(tmp_path / "own.db") as own:
        finished_job(own, upload_files(own, [("firms.jsonl", native_jsonl(firms))]))
        first = own.get("/benchmark/report.html").text
        again = own.get("/benchmark/report.html").text
        assert drawn == [4] and again == first  # the second click reuses the report drawn
        more = [("x", "latecomer", 12)]
        finished_job(own, upload_files(own, [("more.jsonl", native_jsonl(more))]))
        after = own.get("/benchmark/report.html").text
    assert drawn == [4, 5] and "@latecomer" in after and "@latecomer" not in first
