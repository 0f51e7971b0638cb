"""Connect: who an account should follow, with a reason each, and the export files."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from staffpulse.connect.export import FORMATS_FOR, check_exportable, export_suggestions
from staffpulse.errors import InputError, StaffpulseError
from staffpulse.web.app import WebContext, web
from staffpulse.web.data import suggestions_key
from staffpulse.web.jobs import Job
from staffpulse.web.pickers import account_choices, account_ref, find_account
from staffpulse.web.routes_core import empty_store

if TYPE_CHECKING:
    from staffpulse.connect.suggest import SuggestReport

router = APIRouter()
ROLE_CHOICES = (
    ("", "Any role"),
    ("industry", "Industry (recruiters, HR, vendors, firms)"),
    ("recruiter", "Recruiters"),
    ("hr_pro", "HR people"),
    ("vendor", "Vendors"),
    ("staffing_firm", "Staffing firms"),
)
EXPORTS = {
    "csv": ("Spreadsheet (CSV)", "text/csv", "csv"),
    "x-list": ("X list (one @handle a line)", "text/plain", "txt"),
    "bluesky-list": ("Bluesky list (JSON)", "application/json", "json"),
    "mastodon-list": ("Mastodon list (CSV)", "text/csv", "csv"),
    "mastodon-follows": ("Mastodon follows (CSV)", "text/csv", "csv"),
}


INCLUDES = {
    "contacts": "Include people you already talk with",
    "unseen": "Include accounts never seen (no posts in the store)",
}


def _chosen_account(request: Request) -> tuple[Any, list[Any]]:
    """The account the page is for (typed, or the busiest one), and the picker's suggestions."""
    backend = web(request).backend
    accounts = account_choices(backend)
    wanted = request.query_params.get("account", "")
    if wanted.strip():
        return find_account(backend, wanted), accounts
    return (accounts[0] if accounts else None), accounts


def _includes(request: Request) -> frozenset[str]:
    return frozenset(v for v in request.query_params.getlist("include") if v in INCLUDES)


def _ranked(
    ctx: WebContext, job: Job, account: Any, role: str | None, limit: int, include: frozenset[str]
) -> SuggestReport:
    job.update("Building the circle of trust and ranking the accounts in it")
    return ctx.backend.suggestions(account.handle, account.platform, role, limit, include)


def _limit(request: Request) -> int:
    raw = request.query_params.get("limit", "20")
    return max(1, min(100, int(raw))) if raw.isdigit() else 20


@router.get("/connect", response_class=HTMLResponse)
def connect_page(request: Request) -> HTMLResponse:
    ctx = web(request)
    if not ctx.backend.has_posts():
        return empty_store(request, "connect", "account suggestions")
    account, accounts = _chosen_account(request)
    role = request.query_params.get("role") or None
    limit = _limit(request)
    include = _includes(request)
    report = None
    problem: StaffpulseError | None = None
    try:
        # On a big store the ranking takes seconds: a progress page instead of a blank tab
        report = ctx.slow.get(
            suggestions_key(account.handle, account.platform, role, limit, include),
            "Ranking who to follow",
            lambda job: _ranked(ctx, job, account, role, limit, include),
            ctx.settings.page_wait,
        )
    except StaffpulseError as exc:
        problem = exc
    if isinstance(report, Job):
        return ctx.renderer.page(
            request,
            "preparing.html",
            active="connect",
            job=report,
            what="connect",
            heading=f"Ranking who @{account.handle} should follow",
            explain="The circle of trust is built from every stored reply, mention and "
            "follow, then ranked; on a big store this takes a while. The result is kept "
            "until new data comes in.",
        )
    fits = ("csv", *FORMATS_FOR.get(account.platform, ()))  # the library's table
    exports = [(fmt, EXPORTS[fmt][0]) for fmt in fits]
    query: list[tuple[str, str]] = [
        ("account", f"{account.platform}:{account.handle}"),
        ("limit", str(limit)),
    ]
    if role:
        query.append(("role", role))
    query.extend(("include", value) for value in sorted(include))
    return ctx.renderer.page(
        request,
        "connect.html",
        active="connect",
        account=account,
        account_value=account_ref(account),
        accounts=accounts,
        includes=INCLUDES,
        include=include,
        report=report,
        problem=problem,
        role=role or "",
        roles=ROLE_CHOICES,
        limit=limit,
        exports=exports,
        export_query=urlencode(query),
    )


@router.get("/connect/export")
def connect_export(request: Request) -> Response:
    fmt = request.query_params.get("format", "csv")
    if fmt not in EXPORTS:
        raise InputError(f"unknown export format '{fmt[:20]}'", hint="use the export buttons")
    account, _accounts = _chosen_account(request)
    role = request.query_params.get("role") or None
    report = web(request).backend.suggestions(
        account.handle, account.platform, role, _limit(request), _includes(request)
    )
    owner = account.id if str(account.id).startswith("did:") else None
    result = export_suggestions(report.suggestions, fmt, owner=owner)
    # an empty file would import nothing: the error page says why and what to do instead
    check_exportable(result, account.platform, report.next_step)
    _label, media, ext = EXPORTS[fmt]
    name = "".join(c if c.isalnum() else "-" for c in account.handle)
    return Response(
        result.data(),  # the CSV with its byte order mark, for Excel
        media_type=media,
        headers={"content-disposition": f'attachment; filename="follow-{name}-{fmt}.{ext}"'},
    )
