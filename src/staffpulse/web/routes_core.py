"""Home (accounts with grades, searchable and paged) and the audit page of one account."""

from __future__ import annotations

import time
from collections import Counter
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from staffpulse.errors import InputError, NotFoundError
from staffpulse.report.cohort_place import place_in_cohort
from staffpulse.web.app import flash_redirect, form_problem, web
from staffpulse.web.audit_place import audit_benchmark, audit_page_context
from staffpulse.web.background import job_progress
from staffpulse.web.data import ALL_ACCOUNTS, audit_key
from staffpulse.web.flash import Flash
from staffpulse.web.forms import bounded_int, verified_form
from staffpulse.web.holdings import store_holdings
from staffpulse.web.home_grades import (
    find_cohort_grades,
    find_grades,
    first_step_of,
    plan_grading,
)
from staffpulse.web.jobs import Job
from staffpulse.web.links import audit_url, download_name
from staffpulse.web.pickers import account_choices, filter_by_search, find_account
from staffpulse.web.render import render_audit_download
from staffpulse.web.routes_refresh import can_refresh

if TYPE_CHECKING:
    from staffpulse.audit.types import AuditResult
    from staffpulse.store import AccountSummary
    from staffpulse.web.app import WebContext

router = APIRouter()
PILLARS = (("face", "Face"), ("mix", "Mix"), ("voice", "Voice"), ("conversation", "Conversation"))


def empty_store(request: Request, active: str, what: str, needs_account: str = "") -> HTMLResponse:
    """The page of a store without the part page ``active`` shows (``what``): what the store
    holds instead, and which page shows it. ``needs_account`` heads the page of one that
    grades accounts ("No account to rank yet") on a store of posts without one."""
    holdings = store_holdings(web(request).backend)
    posts_only = bool(holdings.post_total) and active != "inbox"
    heading = (
        needs_account or "No account with posts yet"
        if posts_only
        else "Import data first"
        if holdings.is_empty
        else "No posts yet"
    )
    return web(request).renderer.page(
        request,
        "empty.html",
        active=active,
        what=what,
        holdings=holdings,
        posts_only=posts_only,
        heading=heading,
    )


NO_ACCOUNT = "No account to grade yet"


def without_graded_account(request: Request, what: str) -> HTMLResponse | None:
    """The page of a store with no account with posts of its own (empty, posts with no
    profile, accounts known only by name), which the Accounts page and every audit show
    alike: one check and one heading, then what the store holds and what to do. The audit
    page asked only for accounts, so one known only by name opened an error page, where the
    Accounts page said "No posts yet" and what to import. None when there is one to grade."""
    if web(request).backend.has_posts():
        return None
    return empty_store(request, "home", what, NO_ACCOUNT)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    ctx = web(request)
    if (empty := without_graded_account(request, "your accounts and their grades")) is not None:
        return empty
    summaries = ctx.backend.summaries()
    with_posts = ctx.backend.with_posts()
    query = request.query_params.get("q", "").strip()[:200]
    matches = _matching(with_posts, query)
    size = max(1, ctx.settings.home_page_size)
    pages = max(1, -(-len(matches) // size))
    raw_page = request.query_params.get("page", "1")
    page = bounded_int(raw_page, 1, 1, pages)
    shown = matches[(page - 1) * size : page * size]
    plan = plan_grading(with_posts)
    # few_posts: an account the grading left out had too few posts of its own: its card says
    # so, rather than a bare "open the audit" beside its "30 posts" (most of them reposts)
    grades, few_posts, grading, problem = find_grades(request, plan.accounts)
    full = bool(grades)  # every account graded, not only a cohort's
    earlier = False  # grades of a benchmark ranked before the last import
    if not full and not grading and not problem:
        grades, earlier = find_cohort_grades(request)
        full = earlier and ctx.backend.benchmark_key() == ALL_ACCOUNTS
    rows = [grades.get((s.account.platform, s.account.handle)) for s in shown]
    own = ctx.backend.own_posts() if few_posts else {}  # "30 posts, 2 of its own"
    cards = [
        {"s": s, "acc": s.account, "row": row, "next": first_step_of(row)}
        for s, row in zip(shown, rows, strict=True)
    ]
    return ctx.renderer.page(
        request,
        "home.html",
        active="home",
        cards=cards,
        own=own,
        pillars=PILLARS,
        total=len(with_posts),
        by_platform=sorted(Counter(s.account.platform for s in with_posts).items()),
        without_posts=len(summaries) - len(with_posts),
        query=query,
        matches=len(matches),
        page=page,
        pages=pages,
        first=(page - 1) * size + 1,
        last=(page - 1) * size + len(shown),
        too_many=plan.accounts > ctx.settings.home_limit and not full,
        limit=ctx.settings.home_limit,
        cohort_name=ctx.backend.cohort_label(),
        cohort_graded=len(grades) if not full else 0,
        problem=problem,
        grading=grading,
        grading_from=plan.fewest_posts,  # what the progress card grades
        few_posts=few_posts,
        earlier=earlier,
        sample=ctx.backend.is_sample(),
        jobs=ctx.jobs.recent(3),
        can_refresh=can_refresh(ctx),
    )


def _matching(summaries: list[AccountSummary], query: str) -> list[AccountSummary]:
    """The accounts whose handle or name contains every word of the search."""
    return filter_by_search(
        summaries, query, lambda s: (s.account.platform, s.account.handle, s.account.display_name)
    )


@router.get("/audit/{platform}/{handle:path}/strips", response_class=HTMLResponse)
def audit_strips(request: Request, platform: str, handle: str) -> Response:
    """Where the account stands among a big cohort, as strips on a page of their own (the
    audit page loads them when scrolled to). Without them yet: back to the audit."""
    ctx = web(request)
    reading = ctx.backend.reading()  # before the data is read: see audit_download
    result = ctx.backend.audit(platform, handle)
    account = result.account
    bench = audit_benchmark(request, account.platform, account.handle)
    if bench is None:
        return RedirectResponse(audit_url(account.platform, account.handle), status_code=303)
    # drawn once per ranking, as the Benchmark page's strips are (routes_bench._page_context):
    # among 2,000 accounts they took over a second at every scroll to them. The key holds
    # this ranking, and an import or a new cohort empties the cache, so new data is drawn.
    key = (
        "audit strips",
        ctx.backend.benchmark_key(),
        id(bench.leaderboard),
        account.platform,
        account.handle,
    )
    place = reading.cached(key, lambda: place_in_cohort(result, bench))
    return ctx.renderer.page(
        request,
        "strips.html",
        active="home",
        heading=f"Where @{account.handle} stands among {place['cohort_size']:,} accounts",
        back=(
            audit_url(account.platform, account.handle),
            f"Back to the audit of @{account.handle}",
        ),
        legend=place["legend"],
        strips=place["strips"],
    )


@router.get("/audit/{platform}/{handle:path}/report.html")
def audit_download(request: Request, platform: str, handle: str) -> Response:
    """The page as the report file ``staffpulse audit --html`` writes."""
    backend = web(request).backend
    # the data before it is read: a file drawn from an audit read before an import ended
    # (the benchmark's wait lasts seconds) is not kept as the new data's
    reading = backend.reading()
    result = backend.audit(platform, handle)
    account = result.account
    bench = audit_benchmark(request, account.platform, account.handle)
    # drawn once while the data is the same, as its page's strips are: among 1,000 accounts
    # the file (its strips whole) took 2 s at every click on the button
    ranking = (backend.benchmark_key(), id(bench.leaderboard)) if bench is not None else None
    key = ("audit report", ranking, account.platform, account.handle)
    html = reading.cached(
        key, lambda: render_audit_download(result, bench, sample=backend.is_sample())
    )
    name = download_name("audit", account.handle, ".html")
    return HTMLResponse(html, headers={"content-disposition": f'attachment; filename="{name}"'})


@router.post("/audit/{platform}/{handle:path}/record")
async def audit_record(request: Request, platform: str, handle: str) -> Response:
    """ "Save to history": at once for most accounts; an account of many thousands of posts
    takes seconds, shown with a progress bar at this address with ``?job=`` (a GET, so the
    page reloading itself when the job ends never sends the form again)."""
    await verified_form(request)
    ctx = web(request)
    job = ctx.slow.save(
        "record",
        f"Saving the audit of @{handle}",
        lambda job: ctx.backend.record_audit(platform, handle, job_progress(job)),
    )
    outcome = ctx.slow.saved(job.id, ctx.settings.page_wait)
    if isinstance(outcome, Job):
        address = audit_url(platform, handle, "/record") + "?" + urlencode({"job": job.id})
        return RedirectResponse(address, status_code=303)
    return _recorded(platform, handle, outcome)


@router.get("/audit/{platform}/{handle:path}/record")
def audit_record_address(request: Request, platform: str, handle: str) -> Response:
    """The progress of a slow "Save to history", then the audit saved. Opened otherwise (a
    bookmark, the address bar, a save already shown): the audit itself, rather than a search
    for an account named "acme/record"."""
    ctx = web(request)
    outcome = ctx.slow.saved(request.query_params.get("job", "")[:40])
    if isinstance(outcome, Job):
        return ctx.renderer.page(
            request,
            "preparing.html",
            active="home",
            job=outcome,
            what="audit",
            heading=f"Saving the audit of @{handle}",
            explain="The audit is kept in the history, so the next one shows what changed. "
            "An account with many thousands of posts takes a few seconds.",
        )
    return _recorded(platform, handle, outcome)


def _recorded(platform: str, handle: str, result: AuditResult | None) -> Response:
    """The audit page, saying it was saved (when ``result`` is the audit saved)."""
    if result is None:
        return RedirectResponse(audit_url(platform, handle), status_code=303)
    target = audit_url(result.account.platform, result.account.handle) + "?notice=recorded"
    return RedirectResponse(target, status_code=303)


# After the routes above: a handle may hold "/" (it is the rest of the path), so the page
# route would otherwise take "acme/report.html" for a handle.
@router.get("/audit/{platform}/{handle:path}", response_class=HTMLResponse)
def audit_page(request: Request, platform: str, handle: str) -> HTMLResponse:
    started = time.monotonic()
    ctx = web(request)
    if (empty := without_graded_account(request, "an account’s audit")) is not None:
        return empty
    # an archive of tens of thousands of posts takes a while to audit the first time: a page
    # that says so, with the progress bar, rather than a browser left spinning
    result = ctx.slow.get(
        audit_key(platform, handle),
        f"Auditing @{handle}",
        lambda job: _audited(ctx, job, platform, handle),
        ctx.settings.page_wait,
    )
    if isinstance(result, Job):
        return ctx.renderer.page(
            request,
            "preparing.html",
            active="home",
            job=result,
            what="audit",
            heading=f"Auditing @{handle}",
            explain="Every post of the account is read and graded; an account with many "
            "thousands of posts takes a while the first time. The result is kept until new "
            "data comes in.",
        )
    account = result.account
    # The strips wait for the benchmark only within the page's own wait: on a store of
    # 300,000 posts it ranks for minutes, and each audit opened meanwhile took 2 s longer
    # (3.5 s in all) for strips it then left out. A benchmark that is ready in time is shown.
    left = max(0.0, ctx.settings.page_wait - (time.monotonic() - started))
    context = audit_page_context(
        result,
        audit_benchmark(request, account.platform, account.handle, left),
        sample=ctx.backend.is_sample(),
    )
    return ctx.renderer.page(
        request,
        "audit.html",  # the report's audit.html.j2, with the dashboard's links
        active="home",
        audit_toolbar=True,
        others=account_choices(ctx.backend),
        # what "Open another account" was given when it could not open it (audit_go)
        typed=request.query_params.get("account", "")[:200],
        **context,
    )


def _audited(ctx: WebContext, job: Job, platform: str, handle: str) -> AuditResult:
    job.update("Reading and grading every post of the account")
    return ctx.backend.audit(platform, handle)


@router.get("/audit-go")
def audit_go(request: Request) -> Response:
    """The account picker of the audit page (a GET form): redirect to the chosen audit."""
    typed, back = request.query_params.get("account", ""), request.query_params.get("from", "")
    if not typed.strip():  # say what to type, on the audit the button was pressed on
        example = next(iter(account_choices(web(request).backend)), None)
        return flash_redirect(
            request,
            back if back.startswith("/audit/") else "/",
            Flash(
                "error",
                "Type an account to open first:",
                "the field next to Open was empty.",
                "type a handle"
                + (f" (such as @{example.handle})" if example is not None else "")
                + " or paste a profile address, or pick an account from the suggestions "
                "that show as you type, then press Open",
            ),
        )
    # an account it cannot open is said on the audit it was typed on, with what was typed
    # still in the field to correct (it came back empty: a long address typed again)
    kept = back + "?" + urlencode({"account": typed.strip()[:200]})
    try:
        account = find_account(web(request).backend, typed)
    except InputError as exc:  # a pasted address of no profile (a LinkedIn page, a website)
        if back.startswith("/audit/"):
            return form_problem(request, kept, exc, "That account could not be opened:")
        raise
    except NotFoundError as exc:
        # a part of a name ("lindqvist") is no handle, but the Accounts page's search finds it;
        # a name that is one account's ("Mia Castellano") opens it, as its handle would
        matches = _matching(web(request).backend.with_posts(), typed)
        if not matches and back.startswith("/audit/"):
            # the audit it was typed on says so, rather than an error page that leaves it
            return form_problem(request, kept, exc, "That account could not be opened:")
        if not matches:
            raise
        if len(matches) == 1:
            only = matches[0].account
            return RedirectResponse(audit_url(only.platform, only.handle), status_code=303)
        return flash_redirect(
            request,
            "/?" + urlencode({"q": " ".join(typed.split())}),
            Flash(
                "warn",
                f"No account has the handle “{' '.join(typed.split())}”:",
                "these accounts have it in their handle or name. Open one for its audit.",
            ),
        )
    return RedirectResponse(audit_url(account.platform, account.handle), status_code=303)
