"""The Benchmark page's downloads: the report file and the leaderboard spreadsheet.

They are what ``staffpulse benchmark --html`` and ``--csv`` write (the library's
:func:`~staffpulse.report.html.render_benchmark_html` and
:func:`~staffpulse.report.spreadsheet.leaderboard_csv`), of the benchmark the page
shows, so a marketer can send the league table on without a terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from staffpulse.web.app import web
from staffpulse.web.routes_bench import name_cohort_as_uploaded

if TYPE_CHECKING:
    from staffpulse.benchmark.engine import BenchmarkResult

router = APIRouter()


def _shown_benchmark(request: Request) -> BenchmarkResult:
    """The benchmark of the page (computed now if it is not yet), with the cohort named by the
    user's own file name, as the page names it, not by where the upload is kept."""
    backend = web(request).backend
    return name_cohort_as_uploaded(backend.benchmark(), backend.cohort_label())


def _file_name(result: BenchmarkResult, suffix: str) -> str:
    """``benchmark-2026-11-26.html``: the day it was ranked tells two downloads apart."""
    return f"benchmark-{result.generated_at:%Y-%m-%d}{suffix}"


@router.get("/benchmark/report.html")
def benchmark_report(request: Request) -> Response:
    """The page as the report file ``staffpulse benchmark --html`` writes."""
    from staffpulse.report.html import render_benchmark_html

    backend = web(request).backend
    if not backend.has_posts():
        return RedirectResponse("/benchmark", status_code=303)
    # the data before it is read: a ranking read just before an import ended is not kept as
    # the new data's
    reading = backend.reading()
    result = _shown_benchmark(request)
    # drawn once per ranking, as the page is (routes_bench._page_context): the report of a
    # cohort of 1,000 accounts took 2 s to draw at every click on the button
    key = ("benchmark report", backend.benchmark_key(), result.source, id(result.leaderboard))
    return HTMLResponse(
        reading.cached(key, lambda: render_benchmark_html(result)),
        headers={"content-disposition": f'attachment; filename="{_file_name(result, ".html")}"'},
    )


@router.get("/benchmark/leaderboard.csv")
def benchmark_csv(request: Request) -> Response:
    """The leaderboard as the spreadsheet ``staffpulse benchmark --csv`` writes."""
    from staffpulse.report.spreadsheet import CSV_ENCODING, leaderboard_csv

    if not web(request).backend.has_posts():
        return RedirectResponse("/benchmark", status_code=303)
    result = _shown_benchmark(request)
    return Response(
        # with its byte order mark, so that Excel reads accents as UTF-8
        leaderboard_csv(result).encode(CSV_ENCODING),
        media_type="text/csv",
        headers={"content-disposition": f'attachment; filename="{_file_name(result, ".csv")}"'},
    )
