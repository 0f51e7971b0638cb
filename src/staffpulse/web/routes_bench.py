"""The cohort benchmark page and its cohort upload.

The cohort toolbar (upload another file, stop using the uploaded one) is on every state of
the page: ranking, being prepared, and failed. A cohort that could not work is refused
before it is saved, so a bad file never takes the page down.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from staffpulse.errors import InputError, StaffpulseError
from staffpulse.report.html import benchmark_context
from staffpulse.web.app import web
from staffpulse.web.background import job_progress
from staffpulse.web.forms import verified_form
from staffpulse.web.jobs import Job
from staffpulse.web.routes_core import empty_store
from staffpulse.web.uploads import display_name
from staffpulse.web.wording import web_text

router = APIRouter()


def benchmark_data(request: Request) -> Any:
    """The benchmark, or the job preparing it when it takes longer than a moment."""
    ctx = web(request)
    return ctx.slow.get(
        ctx.backend.benchmark_key(),
        "Ranking the cohort",
        lambda job: ctx.backend.benchmark(progress=job_progress(job)),
        ctx.settings.page_wait,
    )


@router.get("/benchmark", response_class=HTMLResponse)
def benchmark_page(request: Request) -> HTMLResponse:
    if not web(request).backend.has_posts():
        return empty_store(request, "benchmark", "the cohort benchmark")
    return _benchmark_response(request)


def _benchmark_response(
    request: Request, refused: StaffpulseError | None = None, status: int = 200
) -> HTMLResponse:
    ctx = web(request)
    label = ctx.backend.cohort_label()
    toolbar: dict[str, Any] = {
        "bench_toolbar": True,
        "cohort_name": label,
        "cohort_saved": ctx.settings.saved_cohort().exists(),
        "cohort_refused": refused,
        "has_segments": True,
    }
    try:
        result = benchmark_data(request)
    except StaffpulseError as exc:  # a cohort that no longer works: say so, keep the toolbar
        cohort = ctx.backend.cohort()
        message = exc.message
        if cohort is not None and label:  # the user's file name, not where it is kept
            message = message.replace(str(cohort), label)
        return ctx.renderer.page(
            request,
            "benchmark_problem.html",
            active="benchmark",
            status_code=status,
            problem=StaffpulseError(message, exc.hint),
            **toolbar,
        )
    if isinstance(result, Job):
        return ctx.renderer.page(
            request,
            "preparing.html",
            active="benchmark",
            status_code=status,
            job=result,
            what="cohort benchmark",
            heading="Ranking the cohort",
            explain="Every account is audited and compared; on a big store this takes a while.",
            **toolbar,
        )
    shown = _as_the_user_named_it(result, label)
    toolbar["has_segments"] = any(r["segment"] != "unknown" for r in shown.leaderboard)
    return ctx.renderer.page(
        request,
        "benchmark.html.j2",
        active="benchmark",
        status_code=status,
        **toolbar,
        **benchmark_context(shown),
    )


def _as_the_user_named_it(result: Any, label: str | None) -> Any:
    """The result with the user's cohort file name instead of the path it is saved at, and
    web wording in the notes on lines that could not be used (a copy: the cache keeps its)."""
    if label is None:
        return result
    problems = [replace(p, file=label, message=web_text(p.message)) for p in result.problems]
    return replace(result, source=label, problems=problems)


@router.post("/benchmark/cohort")
async def benchmark_cohort(request: Request) -> Response:
    form = await verified_form(request)
    ctx = web(request)
    target = ctx.settings.saved_cohort()
    if form.get("action") == "remove":
        target.unlink(missing_ok=True)
        ctx.settings.saved_cohort_name().unlink(missing_ok=True)
        ctx.backend.invalidate()
        return RedirectResponse("/benchmark?notice=cohort-removed", status_code=303)
    text = form.get("__file__", "").strip()
    name = display_name(form.get("__filename__", ""), "your cohort file")
    try:
        if not text:
            raise InputError(
                "no cohort file was attached, or the file is empty",
                hint="choose a CSV with the columns handle,platform,segment, then press "
                "Use this cohort",
            )
        ctx.backend.check_cohort(text, name)
    except InputError as exc:  # nothing saved: the benchmark goes on as it was
        if not ctx.backend.has_posts():
            raise
        return _benchmark_response(request, refused=exc, status=400)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text + "\n", encoding="utf-8")
    ctx.settings.saved_cohort_name().write_text(name + "\n", encoding="utf-8")
    ctx.backend.invalidate()
    return RedirectResponse("/benchmark?notice=cohort", status_code=303)
