"""Inbox (conversations to join, by topic) and Connect (who to follow, with exports)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from staffpulse.errors import InputError, StaffpulseError
from staffpulse.web.app import form_value, web
from staffpulse.web.data import need
from staffpulse.web.forms import verified_form
from staffpulse.web.routes_core import empty_store

router = APIRouter()
STATES = {"joined": "joined", "dismissed": "dismissed", "open": None}
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
PLATFORM_EXPORTS = {
    "x": ("csv", "x-list"),
    "bluesky": ("csv", "bluesky-list"),
    "mastodon": ("csv", "mastodon-list", "mastodon-follows"),
}


def _account_choices(request: Request) -> list[Any]:
    return [s.account for s in web(request).backend.summaries() if s.posts > 0][:300]


@router.get("/inbox", response_class=HTMLResponse)
def inbox_page(request: Request) -> HTMLResponse:
    ctx = web(request)
    if not ctx.backend.has_posts():
        return empty_store(request, "inbox", "the conversation inbox")
    q = request.query_params
    if "as" in q:
        as_handle = q.get("as") or None
    else:  # the firm's own account from config.toml ([listen] account), like `staffpulse inbox`
        from staffpulse.config import load_config

        listen = load_config().get("listen", {})
        as_handle = str(listen.get("account") or "") or None if isinstance(listen, dict) else None
    topic = q.get("topic") or None
    platform = q.get("platform") or None
    inbox = ctx.backend.inbox(as_handle, topic, platform)
    back = "/inbox" + ("?" + urlencode({k: v for k, v in q.items() if k != "notice"}) if q else "")
    return ctx.renderer.page(
        request,
        "inbox.html",
        active="inbox",
        inbox=inbox,
        groups=inbox.by_topic(),
        accounts=_account_choices(request),
        as_handle=as_handle or "",
        topic=topic or "",
        platform=platform or "",
        back=back,
    )


@router.post("/inbox/state")
async def inbox_state(request: Request) -> Response:
    form = await verified_form(request)
    state = form_value(form, "state")
    if state not in STATES:
        raise InputError(f"unknown inbox action '{state[:20]}'", hint="reload the inbox page")
    conversation = form_value(form, "conversation_id")
    platform = form_value(form, "platform") or None
    if not conversation:
        raise InputError("the form did not say which conversation", hint="reload the inbox page")
    web(request).backend.set_inbox_state(conversation, platform or "", STATES[state])
    back = form_value(form, "back", "/inbox")
    if not back.startswith("/inbox"):
        back = "/inbox"
    joiner = "&" if "?" in back else "?"
    notice = "reopened" if state == "open" else state
    return RedirectResponse(f"{back}{joiner}notice={notice}", status_code=303)


def _chosen_account(request: Request) -> tuple[Any, list[Any]]:
    accounts = _account_choices(request)
    wanted = request.query_params.get("account", "")
    if ":" in wanted:
        platform, handle = wanted.split(":", 1)
        for acc in accounts:
            if acc.platform == platform and acc.handle == handle:
                return acc, accounts
        with web(request).backend.store() as store:
            return store.find_account(handle, platform), accounts
    return (accounts[0] if accounts else None), accounts


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
    report = None
    problem: StaffpulseError | None = None
    try:
        report = ctx.backend.suggestions(account.handle, account.platform, role, limit)
    except StaffpulseError as exc:
        problem = exc
    exports = [(fmt, EXPORTS[fmt][0]) for fmt in PLATFORM_EXPORTS.get(account.platform, ("csv",))]
    query = {"account": f"{account.platform}:{account.handle}", "limit": str(limit)}
    if role:
        query["role"] = role
    return ctx.renderer.page(
        request,
        "connect.html",
        active="connect",
        account=account,
        accounts=accounts,
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
        account.handle, account.platform, role, _limit(request)
    )
    export = need("staffpulse.connect.export", "Exporting suggestions")
    owner = account.id if str(account.id).startswith("did:") else None
    result = export.export_suggestions(report.suggestions, fmt, owner=owner)
    _label, media, ext = EXPORTS[fmt]
    name = "".join(c if c.isalnum() else "-" for c in account.handle)
    return Response(
        result.text,
        media_type=media,
        headers={"content-disposition": f'attachment; filename="follow-{name}-{fmt}.{ext}"'},
    )
