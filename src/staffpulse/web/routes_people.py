"""Connect: who an account should follow, with a reason each, and the export files."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from staffpulse.connect.ad_posters import BROADCAST, CROSSES_LINE, JOB_FEED, MOSTLY_ADS
from staffpulse.connect.advice import CONTACTS, INACTIVE, OTHER_ROLE, UNKNOWN_ROLE, UNSEEN
from staffpulse.connect.choices import DEFAULT_SUGGESTIONS
from staffpulse.connect.export import FORMATS_FOR, export_report, export_suggestions
from staffpulse.connect.left_out import see_them_line
from staffpulse.connect.reach_back import DEFAULT_INACTIVE_DAYS
from staffpulse.connect.suggest import MOST_INACTIVE_DAYS
from staffpulse.dates import FIRST_YEAR, LAST_YEAR, parse_date_option
from staffpulse.errors import InputError, StaffpulseError
from staffpulse.next_steps import LARGER_INACTIVE_DAYS
from staffpulse.report.connect_ties import folded_label, notes_with_folded, tie_rows
from staffpulse.web.app import WebContext, status_for, web
from staffpulse.web.data_connect import USE_COHORT, ConnectChoices, suggestions_key
from staffpulse.web.forms import bounded_int
from staffpulse.web.jobs import Job
from staffpulse.web.links import download_name
from staffpulse.web.pickers import account_choices, account_ref, find_account
from staffpulse.web.routes_core import empty_store
from staffpulse.web.wording_controls import OPTION_CONTROLS

if TYPE_CHECKING:
    from staffpulse.connect.suggest import SuggestReport
    from staffpulse.models import Account

router = APIRouter()
# "Rank as of" takes the dates the library reads: the browser refuses another before sending
# (3000-01-01 was sent, then refused as "cannot read ... as a date from 1970 to 2999")
DATE_RANGE = (f"{FIRST_YEAR}-01-01", f"{LAST_YEAR}-12-31")
ROLE_CHOICES = (
    # the default leaves out role "other" (brands, public figures), as the CLI does. Labels
    # stay short: a phone's select shows one line, and "Any role but other (brands, public
    # figures)" was cut off at "public figure" on a 390px screen
    ("", "All but brands and public figures"),
    ("any", "Any role"),
    ("industry", "Recruiters, HR, vendors, firms"),
    ("recruiter", "Recruiters"),
    ("hr_pro", "HR people"),
    ("vendor", "Vendors"),
    ("staffing_firm", "Staffing firms"),
)
EXPORTS = {
    "csv": ("Spreadsheet (CSV)", "text/csv", "csv"),
    "x-list": ("X list (one @handle a line)", "text/plain", "txt"),
    "bluesky-handles": ("Bluesky people to follow (CSV)", "text/csv", "csv"),
    "bluesky-list": ("Bluesky list file (for developers)", "application/json", "json"),
    "mastodon-list": ("Mastodon list (CSV)", "text/csv", "csv"),
    "mastodon-follows": ("Mastodon follows (CSV)", "text/csv", "csv"),
}


INACTIVE_DAYS = DEFAULT_INACTIVE_DAYS  # the library's default, like the CLI's
INCLUDES = {
    "contacts": "Include people you already talk with",
    "unseen": "Include accounts never seen (no posts in the store)",
    # connect --include-job-ads: the page named them and gave no way to see them (QA s36)
    "job_ads": "Include accounts posting mostly job ads (job feeds too)",
}
_TICK_ADS = f"tick “{INCLUDES['job_ads']}”"
_ANY_ROLE = f"choose Role “{dict(ROLE_CHOICES)['any']}”"
# What shows each kind of account left out, in the form's words (the terminal's: SHOWN_WITH)
SHOWN_WITH_FORM = {
    JOB_FEED: _TICK_ADS,
    MOSTLY_ADS: f"{_TICK_ADS}, or choose a Role",
    BROADCAST: _ANY_ROLE,
    CROSSES_LINE: _ANY_ROLE,
    OTHER_ROLE: _ANY_ROLE,
    UNKNOWN_ROLE: _ANY_ROLE,
    # the terminal's --include-contacts, --include-unseen and a larger --inactive-days: the
    # page's line left out the accounts you already talk with, which the terminal named
    CONTACTS: f"tick “{INCLUDES['contacts']}”",
    UNSEEN: f"tick “{INCLUDES['unseen']}”",
    INACTIVE: OPTION_CONTROLS[LARGER_INACTIVE_DAYS],
}


def _chosen_account(request: Request) -> tuple[Account, list[Account]]:
    """The account the page is for (typed, or the busiest one), and the picker's suggestions."""
    backend = web(request).backend
    accounts = account_choices(backend)
    wanted = request.query_params.get("account", "")
    if wanted.strip():
        return find_account(backend, wanted), accounts
    if not accounts:  # the page says so before asking; an export link typed by hand does not
        raise InputError(
            "the store holds no account with posts to suggest follows for",
            hint="import an account's posts first on the Import page",
        )
    return accounts[0], accounts


def _includes(request: Request) -> frozenset[str]:
    chosen = request.query_params.getlist("include")
    return frozenset(v for v in chosen if v in INCLUDES or v == USE_COHORT)


def _ranked(ctx: WebContext, job: Job, account: Account, choices: ConnectChoices) -> SuggestReport:
    job.update("Building the circle of trust and ranking the accounts in it")
    return ctx.backend.suggestions(account.handle, account.platform, choices)


MOST_SHOWN = 100  # the "How many" field's largest value


def _limit(request: Request) -> int:
    raw = request.query_params.get("limit", str(DEFAULT_SUGGESTIONS))
    return bounded_int(raw, DEFAULT_SUGGESTIONS, 1, MOST_SHOWN)


def _shown_line(report: SuggestReport | None) -> str | None:
    """How many suggestions the page shows of how many, in the form's words (a page has no
    --limit: "How many" is its field)."""
    shown = None if report is None else report.shown_of
    if shown is None:
        return None
    ask = min(shown.ask_for, MOST_SHOWN)
    most = ", the most a page shows," if ask == MOST_SHOWN < shown.ask_for else ""
    return shown.line(f"“How many” at {ask}{most}", MOST_SHOWN)


def _as_of(raw: str) -> datetime | None:
    """The "Rank as of" date (read like the CLI's --as-of); None when left empty."""
    try:
        as_of = parse_date_option("as_of", raw[:40])
        # a year no platform existed in only ranks nothing, and dates far from ours overflow
        # once the inactive days are taken off
        readable = as_of is None or FIRST_YEAR <= as_of.year <= LAST_YEAR
    except InputError:
        as_of, readable = None, False
    if not readable:
        raise InputError(
            f"cannot read “Rank as of” '{raw[:20]}' as a date from {FIRST_YEAR} to {LAST_YEAR}",
            hint="choose a date in “Rank as of” (YYYY-MM-DD, e.g. 2026-01-31), or leave it "
            "empty to rank as of the newest post of the account or the people it talks with",
        )
    return as_of


def _inactive_days(raw: str) -> int:
    text = raw.strip()
    if not text:
        return INACTIVE_DAYS
    if not re.fullmatch(r"[0-9]{1,6}", text) or not 1 <= int(text) <= MOST_INACTIVE_DAYS:
        raise InputError(
            f"“Counts as inactive after” takes a number of days from 1 to "
            f"{MOST_INACTIVE_DAYS:,} (got '{text[:20]}')",
            hint=f"type a whole number of days, e.g. {INACTIVE_DAYS}",
        )
    return int(text)


def _choices(request: Request) -> ConnectChoices:
    """What the form chose besides the account (the page and its exports read the same)."""
    q = request.query_params
    return ConnectChoices(
        role=q.get("role") or None,
        limit=_limit(request),
        include=_includes(request),
        as_of=_as_of(q.get("as_of", "")),
        inactive_days=_inactive_days(q.get("inactive_days", "")),
    )


def _date_text(when: datetime) -> str:
    """A date as the date field writes it; a time, when one was typed in the address."""
    if (when.hour, when.minute, when.second, when.microsecond) == (0, 0, 0, 0):
        return f"{when:%Y-%m-%d}"
    return when.isoformat()


def _export_query(account: Account, choices: ConnectChoices) -> str:
    """The export buttons' address: the same list as the page shows."""
    query: list[tuple[str, str]] = [
        ("account", f"{account.platform}:{account.handle}"),
        ("limit", str(choices.limit)),
    ]
    if choices.role:
        query.append(("role", choices.role))
    query.extend(("include", value) for value in sorted(choices.include))
    if choices.as_of is not None:
        query.append(("as_of", _date_text(choices.as_of)))
    if choices.inactive_days != INACTIVE_DAYS:
        query.append(("inactive_days", str(choices.inactive_days)))
    return urlencode(query)


def _retry_query(account: Account, choices: ConnectChoices, report: SuggestReport | None) -> str:
    """The page's address with the options the advice names (tried by the ranking: they
    suggest someone) set in its fields, for one link that fills them; "" when it names none."""
    retry = None if report is None or report.suggestions else report.retry
    if retry is None:
        return ""
    include = set(choices.include)
    include |= {"contacts"} if retry.include_contacts else set()
    include |= {"unseen"} if retry.include_unseen else set()
    role = choices.role if retry.role is None else (retry.role or None)
    days = retry.inactive_days or choices.inactive_days
    as_of = retry.as_of or choices.as_of
    chosen = ConnectChoices(role, choices.limit, frozenset(include), as_of, days)
    return _export_query(account, chosen)


def _as_typed(request: Request) -> dict[str, Any]:
    """The form as the user filled it in, to fill it in again when it could not be used."""
    q = request.query_params
    role = q.get("role", "")
    return {
        "account_value": q.get("account", "")[:300],
        "role": role if role in dict(ROLE_CHOICES) else "",
        "limit": _limit(request),
        "as_of": q.get("as_of", "")[:40],
        # left out of the address, it is the default the form starts with: a blank in this
        # required field would stop the corrected form from being sent
        "inactive_days": q.get("inactive_days", "")[:20] or str(INACTIVE_DAYS),
        "include": _includes(request),
    }


def _refused(request: Request, exc: StaffpulseError) -> HTMLResponse:
    """The Connect page again, with what was typed and why it could not be used: the form is
    not reset (a separate error page's way back was a bare /connect)."""
    ctx = web(request)
    return ctx.renderer.page(
        request,
        "connect.html",
        active="connect",
        status_code=status_for(exc),
        account=None,
        accounts=account_choices(ctx.backend),
        includes=INCLUDES,
        cohort_name=ctx.backend.cohort_label(),
        roles=ROLE_CHOICES,
        most_inactive_days=str(MOST_INACTIVE_DAYS),
        date_range=DATE_RANGE,
        form_error=exc,
        report=None,
        problem=None,
        exports=[],
        export_query="",
        **_as_typed(request),
    )


@router.get("/connect", response_class=HTMLResponse)
def connect_page(request: Request) -> HTMLResponse:
    ctx = web(request)
    if not ctx.backend.has_posts():
        return empty_store(
            request, "connect", "account suggestions", "No account to suggest follows for yet"
        )
    try:
        account, accounts = _chosen_account(request)
        choices = _choices(request)
    except StaffpulseError as exc:
        return _refused(request, exc)
    report = None
    problem: StaffpulseError | None = None
    try:
        # On a big store the ranking takes seconds: a progress page instead of a blank tab
        report = ctx.slow.get(
            suggestions_key(account.handle, account.platform, choices),
            "Ranking who to follow",
            lambda job: _ranked(ctx, job, account, choices),
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
    gaps: list[str] = []
    if report is not None and report.suggestions:
        owner = account.id if str(account.id).startswith("did:") else None
        empty: set[str] = set()
        for fmt, label in exports:  # a few dozen rows each: cheap next to the ranking
            result = export_suggestions(report.suggestions, fmt, owner=owner)
            # "X list", not "X list (one @handle a line)": the button beside says the rest
            if (line := result.left_out_line(label.partition(" (")[0])) is not None:
                gaps.append(line)
            if not result.written:
                empty.add(fmt)
        # a button whose file would hold no account is not offered: its link downloads
        # the refusal page as "export.html" instead of showing it; the gap line says why
        exports = [(fmt, label) for fmt, label in exports if fmt not in empty]
    # ties read as "=2", and a long run of tied id-only accounts as one row, as the terminal
    rows = tie_rows(report.suggestions) if report is not None else []
    return ctx.renderer.page(
        request,
        "connect.html",
        active="connect",
        account=account,
        account_value=account_ref(account),
        accounts=accounts,
        includes=INCLUDES,
        include=choices.include,
        cohort_name=ctx.backend.cohort_label(),
        # connect --cohort's notes: the lines of the file whose roles were not all read
        cohort_problems=[(p.kept, str(p)) for p in ctx.backend.connect_cohort_problems()]
        if USE_COHORT in choices.include
        else [],
        cohort_uploaded=ctx.settings.active_cohort() == ctx.settings.saved_cohort(),
        report=report,
        # (rank shown, suggestion, what a row counting tied id-only accounts says, else "")
        rows=[(r.rank, r.suggestion, folded_label(r.folded) if r.folded else "") for r in rows],
        notes=notes_with_folded(report, rows) if report is not None else [],
        problem=problem,
        role=choices.role or "",
        roles=ROLE_CHOICES,
        # each suggestion's role as the explanations write it ("HR pro", not "hr_pro")
        limit=choices.limit,
        as_of=f"{choices.as_of:%Y-%m-%d}" if choices.as_of else "",
        # as text: form values take no thousands separator ("1365", not "1,365")
        inactive_days=str(choices.inactive_days),
        most_inactive_days=str(MOST_INACTIVE_DAYS),
        date_range=DATE_RANGE,
        exports=exports,
        export_gaps=gaps,
        export_query=_export_query(account, choices),
        retry_query=_retry_query(account, choices, report),
        shown_line=_shown_line(report),
        see_them=None if report is None else see_them_line(report, SHOWN_WITH_FORM),
    )


@router.get("/connect/export")
def connect_export(request: Request) -> Response:
    fmt = request.query_params.get("format", "csv")
    if fmt not in EXPORTS:
        raise InputError(f"unknown export format '{fmt[:20]}'", hint="use the export buttons")
    account, _accounts = _chosen_account(request)
    report = web(request).backend.suggestions(account.handle, account.platform, _choices(request))
    # an empty file would import nothing: the error page says why and what to do instead
    result = export_report(report, fmt)
    _label, media, ext = EXPORTS[fmt]
    # "follow-mia.csv", "follow-mia-x-list.txt": a format named like its extension once
    name = download_name("follow", account.handle, f"{'' if fmt == ext else '-' + fmt}.{ext}")
    return Response(
        result.data(),  # the CSV with its byte order mark, for Excel
        media_type=media,
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )
