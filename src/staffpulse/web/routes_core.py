"""Home (accounts with grades), the audit page of one account, and the cohort benchmark."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from staffpulse.errors import InputError, StaffpulseError
from staffpulse.report import charts
from staffpulse.report.audit_view import GRADE_COLORS, pillar_rows
from staffpulse.web.app import web
from staffpulse.web.forms import verified_form
from staffpulse.web.render import _when

router = APIRouter()
PILLARS = (("face", "Face"), ("mix", "Mix"), ("voice", "Voice"), ("conversation", "Conversation"))


def empty_store(request: Request, active: str, what: str) -> HTMLResponse:
    return web(request).renderer.page(request, "empty.html", active=active, what=what)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    ctx = web(request)
    summaries = ctx.backend.summaries()
    if not summaries:
        return empty_store(request, "home", "your accounts and their grades")
    with_posts = [s for s in summaries if s.posts > 0]
    grades: dict[tuple[str, str], dict[str, Any]] = {}
    problem: StaffpulseError | None = None
    too_many = len(with_posts) > ctx.settings.home_limit
    if with_posts and not too_many:
        try:
            grades = ctx.backend.grades()
        except StaffpulseError as exc:
            problem = exc
    cards = []
    for s in with_posts[: ctx.settings.home_limit]:
        acc = s.account
        cards.append({"s": s, "acc": acc, "row": grades.get((acc.platform, acc.handle))})
    return ctx.renderer.page(
        request,
        "home.html",
        active="home",
        cards=cards,
        pillars=PILLARS,
        without_posts=len(summaries) - len(with_posts),
        too_many=too_many,
        limit=ctx.settings.home_limit,
        problem=problem,
        stats=ctx.backend.stats(),
        sample=ctx.backend.is_sample(),
        jobs=ctx.jobs.recent(3),
    )


def _benchmark_for(request: Request, platform: str, handle: str) -> Any:
    """The benchmark the account is part of, for its percentile strips (None when it is not)."""
    try:
        bench = web(request).backend.benchmark()
    except StaffpulseError:
        return None
    if len(bench.audits) < 3:  # percentiles among one or two accounts say nothing
        return None
    found = any(r["handle"] == handle and r["platform"] == platform for r in bench.leaderboard)
    return bench if found else None


def audit_context(result: Any, benchmark: Any) -> dict[str, Any]:
    """What the report's ``audit.html.j2`` needs: the report's own builder when it has one."""
    from staffpulse.report import html as report_html

    builder = getattr(report_html, "audit_context", None)
    if callable(builder):
        built: dict[str, Any] = builder(result, benchmark)
        return built
    rows = pillar_rows(result)
    context: dict[str, Any] = {
        "r": result,
        "account": result.account,
        "rows": rows,
        "grade_color": GRADE_COLORS.get(result.grade, "#1f2a3d"),
        "bars": charts.pillar_bars([(row["title"], row["score"]) for row in rows]),
        "timeline": charts.mix_timeline(result.timeline),
        "strips": None,
        "legend": None,
        "percentiles": None,
        "cohort_size": None,
        "generated": _when(result.generated_at),
    }
    if benchmark is not None:
        me = next(
            r
            for r in benchmark.leaderboard
            if r["handle"] == result.account.handle and r["platform"] == result.account.platform
        )
        strips = getattr(report_html, "_strips", None)
        legend = getattr(report_html, "_legend", None)
        context.update(
            strips=strips(benchmark, me) if callable(strips) else None,
            legend=legend(benchmark) if callable(legend) else None,
            percentiles=me["percentiles"],
            cohort_size=len(benchmark.audits),
        )
    return context


@router.get("/audit/{platform}/{handle}", response_class=HTMLResponse)
def audit_page(request: Request, platform: str, handle: str) -> HTMLResponse:
    ctx = web(request)
    if not ctx.backend.summaries():
        return empty_store(request, "home", "an audit")
    result = ctx.backend.audit(platform, handle)
    account = result.account
    context = audit_context(result, _benchmark_for(request, account.platform, account.handle))
    context["sample"] = ctx.backend.is_sample()
    others = [s.account for s in ctx.backend.summaries() if s.posts > 0][:200]
    return ctx.renderer.page(
        request, "audit.html.j2", active="home", audit_toolbar=True, others=others, **context
    )


@router.get("/audit/{platform}/{handle}/report.html")
def audit_download(request: Request, platform: str, handle: str) -> Response:
    from staffpulse.report.html import render_audit_html

    result = web(request).backend.audit(platform, handle)
    name = "".join(c if c.isalnum() else "-" for c in result.account.handle)
    return HTMLResponse(
        render_audit_html(result),
        headers={"content-disposition": f'attachment; filename="audit-{name}.html"'},
    )


@router.post("/audit/{platform}/{handle}/record")
async def audit_record(request: Request, platform: str, handle: str) -> Response:
    await verified_form(request)
    result = web(request).backend.record_audit(platform, handle)
    target = f"/audit/{result.account.platform}/{result.account.handle}?notice=recorded"
    return RedirectResponse(target, status_code=303)


@router.get("/benchmark", response_class=HTMLResponse)
def benchmark_page(request: Request) -> HTMLResponse:
    ctx = web(request)
    if not ctx.backend.has_posts():
        return empty_store(request, "benchmark", "the cohort benchmark")
    result = ctx.backend.benchmark()
    context = benchmark_context(result)
    cohort = ctx.backend.cohort()
    return ctx.renderer.page(
        request,
        "benchmark.html.j2",
        active="benchmark",
        bench_toolbar=True,
        cohort_name=cohort.name if cohort else None,
        cohort_saved=ctx.settings.saved_cohort().exists(),
        has_segments=any(r["segment"] != "unknown" for r in result.leaderboard),
        **context,
    )


def benchmark_context(result: Any) -> dict[str, Any]:
    """What the report's ``benchmark.html.j2`` needs: the report's own builder when it has one."""
    from staffpulse.audit.types import PILLAR_TITLES
    from staffpulse.benchmark.cohort import SEGMENT_LABELS
    from staffpulse.report import html as report_html

    builder = getattr(report_html, "benchmark_context", None)
    if callable(builder):
        built: dict[str, Any] = builder(result)
        return built
    order = list(SEGMENT_LABELS)
    segments = sorted(
        {r["segment"] for r in result.leaderboard},
        key=lambda s: order.index(s) if s in order else len(order),
    )
    return {
        "b": result,
        "rows": result.leaderboard,
        "strips": report_html._strips(result, None),
        "legend": charts.segment_legend([(s, SEGMENT_LABELS.get(s, s)) for s in segments]),
        "segments": result.segment_stats,
        "claims": result.claims,
        "pillars": [("overall", "Overall"), *PILLAR_TITLES.items()],
        "generated": _when(result.generated_at),
        "grade_counts": report_html._grade_counts(result),
    }


@router.post("/benchmark/cohort")
async def benchmark_cohort(request: Request) -> Response:
    form = await verified_form(request)
    ctx = web(request)
    target = ctx.settings.saved_cohort()
    if form.get("action") == "remove":
        target.unlink(missing_ok=True)
        ctx.backend.invalidate()
        return RedirectResponse("/benchmark?notice=cohort-removed", status_code=303)
    text = form.get("__file__", "").strip()
    if not text:
        raise InputError(
            "no cohort file was attached",
            hint="choose a CSV with the columns handle,platform,segment, then press Use cohort",
        )
    from staffpulse.benchmark.cohort import parse_cohort

    entries, problems = parse_cohort(text, "uploaded cohort")
    if not entries:
        detail = "; ".join(str(p) for p in problems[:3])
        raise InputError(
            f"the cohort file lists no usable account{': ' + detail if detail else ''}",
            hint="one line per account: handle,platform,segment (a header line is optional)",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text + "\n", encoding="utf-8")
    ctx.backend.invalidate()
    return RedirectResponse("/benchmark?notice=cohort", status_code=303)


@router.get("/audit-go")
def audit_go(request: Request) -> Response:
    """The account picker of the audit page (a GET form): redirect to the chosen audit."""
    from urllib.parse import quote

    platform, _, handle = request.query_params.get("account", "").partition(":")
    if not platform or not handle:
        return RedirectResponse("/", status_code=303)
    return RedirectResponse(f"/audit/{quote(platform)}/{quote(handle)}", status_code=303)
