"""The cohort benchmark page and its cohort upload.

The cohort toolbar (upload another file, stop using the uploaded one) is on every state of
the page: ranking, being prepared, and failed. A cohort that could not work is refused
before it is saved, so a bad file never takes the page down; the upload then returns to the
page (a redirect: a reload does not send the file again), which says why, or what was saved.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from staffpulse.benchmark.segments import name_segments
from staffpulse.errors import InputError, StaffpulseError
from staffpulse.report.counts import count_of
from staffpulse.report.html import benchmark_context
from staffpulse.web import bench_board
from staffpulse.web.app import flash_redirect, form_problem, web
from staffpulse.web.background import job_progress
from staffpulse.web.flash import Flash
from staffpulse.web.forms import Upload, verified_submission
from staffpulse.web.jobs import Job
from staffpulse.web.routes_core import empty_store
from staffpulse.web.routes_refresh import can_refresh
from staffpulse.web.uploads import display_name
from staffpulse.web.wording import web_text

if TYPE_CHECKING:
    from staffpulse.benchmark.engine import BenchmarkResult
    from staffpulse.benchmark.members import CohortCheck
    from staffpulse.web.data import Reading

router = APIRouter()
SHOWN_PROBLEMS = 3  # lines named at the top; the benchmark lists them all below


def benchmark_data(request: Request, wait: float | None = None) -> BenchmarkResult | Job:
    """The benchmark, or the job preparing it when it takes longer than a moment (``wait``
    seconds; default: the pages' wait)."""
    ctx = web(request)
    return ctx.slow.get(
        ctx.backend.benchmark_key(),
        "Ranking the cohort",
        lambda job: ctx.backend.benchmark(progress=job_progress(job)),
        ctx.settings.page_wait if wait is None else wait,
    )


@router.get("/benchmark", response_class=HTMLResponse)
def benchmark_page(request: Request) -> HTMLResponse:
    if not web(request).backend.has_posts():
        return empty_store(request, "benchmark", "the cohort benchmark", "No account to rank yet")
    return _benchmark_response(request)


def _benchmark_response(request: Request) -> HTMLResponse:
    from staffpulse.benchmark.members import DEFAULT_MIN_POSTS  # the benchmark loads late

    ctx = web(request)
    label = ctx.backend.cohort_label()
    toolbar: dict[str, Any] = {
        "bench_toolbar": True,
        "cohort_name": label,
        "cohort_saved": ctx.settings.saved_cohort().exists(),
        "has_segments": True,
        "segments_guessed": 0,
        # who the default cohort is: the library's rule, told until the ranking says more
        "min_posts": DEFAULT_MIN_POSTS,
        "left_out": 0,
        # the demo's store after the user's first import: the sample's segments are gone
        "sample_cohort_dropped": label is None and ctx.backend.sample_cohort_dropped(),
        "can_refresh": can_refresh(ctx),
        # the segments a cohort file may name, as the benchmark's help and messages say them
        "segment_choices": name_segments(),
        "segment_list": name_segments(choices=False),
    }
    reading = ctx.backend.reading()  # before the ranking is read: see _page_context
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
            problem=StaffpulseError(message, exc.hint),
            **toolbar,
        )
    if isinstance(result, Job):
        return ctx.renderer.page(
            request,
            "preparing.html",
            active="benchmark",
            job=result,
            what="cohort benchmark",
            heading="Ranking the cohort",
            explain="Every account is audited and compared; on a big store this takes a while.",
            **toolbar,
        )
    shown = name_cohort_as_uploaded(result, label)
    if shown.segments_kept:  # the sample's segments, kept in the store, still rank: no note
        toolbar["sample_cohort_dropped"] = False
    toolbar["has_segments"] = any(r["segment"] != "unknown" for r in shown.leaderboard)
    # segments the role model guessed (no cohort file names any): said how to set them instead
    toolbar["segments_guessed"] = sum(shown.guessed)
    if label is None:  # the default cohort: the rule that chose it, and who it left out
        toolbar.update(min_posts=shown.min_posts or 1, left_out=shown.left_out)
    context = _page_context(request, shown, reading)
    board = bench_board.leaderboard_page(context["rows"], dict(request.query_params))
    accounts = len(context["rows"])
    return ctx.renderer.page(
        request,
        "benchmark.html",  # the report's benchmark.html.j2, with links to the audits
        active="benchmark",
        **toolbar,
        **context,
        board=board,
        board_page=bench_board.BOARD_PAGE,
        leaderboard_rows=board.rows if board else context["rows"],
        strips_later=(
            bench_board.strips_later("/benchmark/strips", accounts, "/benchmark/report.html")
            if accounts > bench_board.STRIPS_INLINE
            else None
        ),
    )


def _page_context(request: Request, shown: BenchmarkResult, reading: Reading) -> dict[str, Any]:
    """What the report's benchmark template renders, kept with the ranking: the strips of a
    cohort of 2,000 accounts take 1.7 s to draw, once per ranking (the cache is emptied when
    the data or the cohort changes), not at every visit. ``reading``: the data before
    ``shown`` was read: drawn from a ranking read just before an import ended, it is not kept
    as the new data's."""
    ctx = web(request)
    key = ("benchmark page", ctx.backend.benchmark_key(), shown.source, id(shown.leaderboard))
    return reading.cached(key, lambda: benchmark_context(shown))


@router.get("/benchmark/strips", response_class=HTMLResponse)
def benchmark_strips(request: Request) -> Response:
    """A big cohort's strips on a page of their own: the Benchmark page loads them when they
    are scrolled to (or opens this page, without its script). A benchmark not ranked yet, or
    that cannot be, is the Benchmark page's to show, with its progress or its reason."""
    ctx = web(request)
    reading = ctx.backend.reading()  # before the ranking is read: see _page_context
    try:
        result = benchmark_data(request) if ctx.backend.has_posts() else None
    except StaffpulseError:
        result = None
    if result is None or isinstance(result, Job):
        return RedirectResponse("/benchmark", status_code=303)
    shown = name_cohort_as_uploaded(result, ctx.backend.cohort_label())
    context = _page_context(request, shown, reading)
    return ctx.renderer.page(
        request,
        "strips.html",
        active="benchmark",
        heading=f"{len(context['rows']):,} accounts of the cohort benchmark on every pillar",
        back=("/benchmark", "Back to the Benchmark"),
        legend=context["legend"],
        strips=context["strips"],
    )


def name_cohort_as_uploaded(result: BenchmarkResult, label: str | None) -> BenchmarkResult:
    """The result with the user's cohort file name instead of the path it is saved at, and
    web wording in the notes on lines that could not be used (a copy: the cache keeps its)."""
    if label is None:
        return result
    problems = [replace(p, file=label, message=web_text(p.message)) for p in result.problems]
    return replace(result, source=label, problems=problems)


@router.post("/benchmark/cohort")
async def benchmark_cohort(request: Request) -> Response:
    submitted = await verified_submission(request)
    form, upload = submitted.fields, submitted.upload or Upload("", "")
    ctx = web(request)
    target = ctx.settings.saved_cohort()
    if form.get("action") == "remove":
        target.unlink(missing_ok=True)
        ctx.settings.saved_cohort_name().unlink(missing_ok=True)
        ctx.backend.invalidate()
        return RedirectResponse("/benchmark?notice=cohort-removed", status_code=303)
    text = upload.text.strip()
    name = display_name(upload.filename, "your cohort file")
    try:
        if upload.not_text:
            raise InputError(
                f"{name} is not a CSV or text file: it is {upload.not_text}",
                hint="save the cohort as CSV (in Excel: File › Save As › CSV UTF-8) or as "
                "plain text, one account a line: handle,platform,segment",
            )
        if not text:
            raise InputError(
                "no cohort file was attached, or the file is empty",
                hint="choose a CSV with the columns handle,platform,segment, then press "
                "Use this cohort",
            )
        check = ctx.backend.check_cohort(text, name)
        if target.exists():  # a cohort the user uploaded before: not lost to a worse one
            refuse_mostly_unusable(name, check)
    except InputError as exc:  # nothing saved: the benchmark goes on as it was
        note = "Nothing was changed: the benchmark is the one you had."
        # perhaps none of them is in the store yet; a workbook or a picture names none
        if not upload.not_text and names_accounts(text, name):
            note += (
                " To fetch its accounts live first, use “Fetch a list of accounts” on the"
                " Import page with the same file."
            )
        return form_problem(request, "/benchmark", exc, "That cohort file was not used:", note=note)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text + "\n", encoding="utf-8")
    ctx.settings.saved_cohort_name().write_text(name + "\n", encoding="utf-8")
    ctx.backend.invalidate()
    flash = saved_flash(name, check)
    if upload.encoding_note:  # the encoding was a guess: say how the file was read
        said = f"{name}: {web_text(upload.encoding_note)}."
        flash = replace(flash, note=f"{flash.note} {said}" if flash.note else said)
    return flash_redirect(request, "/benchmark", flash)


def names_accounts(text: str, name: str) -> bool:
    """Whether a cohort file's lines name accounts, whatever the store holds of them."""
    from staffpulse.benchmark.cohort import parse_cohort

    return bool(text) and bool(parse_cohort(text, name)[0])


def refuse_mostly_unusable(name: str, check: CohortCheck) -> None:
    """Raise :class:`InputError` when more of the file's lines could not be used than
    accounts it ranks: such a file is more likely the wrong one, or broken, than a cohort,
    and saving it would replace the cohort the user uploaded before with a sliver of it.
    (With no cohort uploaded before, it is saved with its lines listed: "Stop using the
    uploaded cohort" then gives back the benchmark the user had.)"""
    bad = len({(line, None if line else n) for n, (line, _message) in enumerate(check.problems)})
    if bad <= check.accounts:
        return
    shown = "; ".join(
        f"line {line}: {message}" if line else message
        for line, message in check.problems[:SHOWN_PROBLEMS]
    )
    more = len(check.problems) - SHOWN_PROBLEMS
    raise InputError(
        f"{count_of(bad, 'line')} of {name} could not be used as written, and it would rank"
        f" only {count_of(check.accounts, 'account')}: {shown}"
        + (f"; and {count_of(more, 'more line')}" if more > 0 else ""),
        hint="fix those lines (one account a line: handle,platform,segment, the segment one of"
        f" {name_segments()}), then upload the file again",
    )


def saved_flash(name: str, check: CohortCheck) -> Flash:
    """What the page says after a cohort was saved: lines that could not be used come first,
    at the top of the page, and segments are only promised when the file names some."""
    ranked = f"the benchmark now ranks the {count_of(check.accounts, 'account')} of {name} "
    ranked += (
        "with posts in the store, compared by segment."
        if check.has_segments
        else "with posts in the store. The file names no segments, so there is no segment "
        f"comparison: add a segment column ({name_segments()}) for one."
    )
    if not check.problems:
        return Flash("ok", "Cohort saved:", ranked)
    shown = "; ".join(
        f"line {line}: {web_text(message)}" if line else web_text(message)
        for line, message in check.problems[:SHOWN_PROBLEMS]
    )
    more = len(check.problems) - SHOWN_PROBLEMS
    return Flash(
        "warn",
        f"Cohort saved, but {count_of(len(check.problems), 'line')} of it could not be used "
        "as written:",
        shown + (f"; and {count_of(more, 'more line')}." if more > 0 else "."),
        note=ranked[0].upper() + ranked[1:] + " Every such line is listed at the bottom of "
        "the page, under “Cohort lines we could not use as written”.",
    )
