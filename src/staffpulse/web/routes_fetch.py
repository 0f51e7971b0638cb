"""Import › Fetch an account live: Bluesky and Mastodon at once, X after its cost estimate.

X reads are paid, so an X fetch first shows what it could cost at most (the per-read rates of
config.toml, the same estimate ``staffpulse fetch x`` prints) and the budget that caps it, and
starts only when the user confirms. The handle is checked before that, as the fetchers check
it, so that a mistyped handle is refused on the Import page rather than in a paid request.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from staffpulse.config import get_secret, load_config, setting_str
from staffpulse.errors import InputError, StaffpulseError
from staffpulse.fetch.x_costs import Rates, estimate_cost, money
from staffpulse.models import platform_name
from staffpulse.report.counts import count_of
from staffpulse.web.app import WebContext, form_problem, form_value, web
from staffpulse.web.forms import bounded_int, verified_form
from staffpulse.web.import_summary import accounts_touched
from staffpulse.web.jobs import Job
from staffpulse.web.routes_import import (
    FETCHERS,
    bounded_float,
    fetch_form_url,
    job_response,
)
from staffpulse.web.routes_sample import leave_sample

if TYPE_CHECKING:
    from staffpulse.fetch.common import FetchReport

router = APIRouter()
EXAMPLES = {"bluesky": "yourfirm.bsky.social", "x": "@yourfirm", "mastodon": "@you@mastodon.social"}
MENTIONS = 100  # what an X fetch reads of the account's mentions (the fetcher's default)
NOT_STARTED = "The fetch was not started:"
STOPPED = {  # FetchReport.stopped, in words; fetching again resumes
    "budget": "the budget was reached; fetch again, with a higher budget, for more",
    "payment": "the X account's API credits are used up",
    "rate_limit": "the platform asked to slow down; fetch again later for the rest",
    "error": "the platform answered with an error",
}


def _fetcher(platform: str) -> Callable[..., FetchReport]:
    """The live fetcher of ``platform``, imported when used: the API clients are slow to load."""
    if platform == "x":
        from staffpulse.fetch.x import fetch_x

        return fetch_x
    if platform == "mastodon":
        from staffpulse.fetch.mastodon import fetch_mastodon

        return fetch_mastodon
    from staffpulse.fetch.bluesky import fetch_bluesky

    return fetch_bluesky


def _checked(fields: dict[str, Any]) -> tuple[str, str, int, float]:
    """Platform, handle, most posts and the X budget of the fetch form, or an InputError."""
    platform = form_value(fields, "platform")
    handle = form_value(fields, "handle").lstrip("@")
    if platform not in FETCHERS:
        raise InputError("choose a platform to fetch from", hint="Bluesky, X or Mastodon")
    name = FETCHERS[platform].split(" (")[0]
    if not handle or len(handle) > 200:
        raise InputError(
            f"enter the handle of the {name} account to fetch", hint=f"e.g. {EXAMPLES[platform]}"
        )
    if any(c.isspace() for c in handle):
        # the firm's name typed where its handle goes ("Acme Staffing"): say so, not "enter"
        raise InputError(
            f"“{handle.strip()}” is not a handle: a handle has no spaces",
            hint=f"type the {name} handle as the profile shows it (e.g. {EXAMPLES[platform]})"
            " or paste the profile's address",
        )
    # the fetchers' own checks, before anything is queued (and before any paid request); what
    # they read is the handle the pages name ("@acmestaffing", not the profile URL pasted)
    from staffpulse.fetch.handles import bluesky_handle, mastodon_account, x_handle

    if platform == "x":
        handle = x_handle(handle)
    elif platform == "bluesky":
        handle = bluesky_handle(handle)
    else:
        default = setting_str(load_config(), "mastodon", "default_instance")
        handle = "@".join(mastodon_account(handle, default))
    max_posts = bounded_int(form_value(fields, "max_posts", "200"), 200, 1, 3200)
    budget = bounded_float(form_value(fields, "budget", "1"), 1.0, 0.01, 1000.0)
    return platform, handle, max_posts, budget


@router.post("/import/fetch")
async def import_fetch(request: Request) -> Response:
    form = await verified_form(request)
    try:
        platform, handle, max_posts, budget = _checked(form)
        if platform == "x" and not get_secret("x_bearer_token"):
            raise InputError(
                "fetching from X needs an X API bearer token, and none is set",
                hint="add it on the Settings page, then start the fetch again",
            )
    except InputError as exc:  # the Import page again, the form filled in as it was sent
        return form_problem(request, fetch_form_url(form), exc, NOT_STARTED)
    if platform == "x" and form_value(form, "confirmed") != "yes":
        query = {"handle": handle, "max_posts": str(max_posts), "budget": f"{budget:.2f}"}
        return RedirectResponse(f"/import/fetch/x?{urlencode(query)}", status_code=303)
    leave_sample(web(request))  # fetched posts go to the user's own store, not the sample's
    kwargs: dict[str, Any] = {"max_posts": max_posts}
    if platform == "x":
        kwargs["budget"] = budget
    sent = {"platform": platform, "handle": handle, "max_posts": max_posts}
    job = web(request).jobs.submit(
        "fetch",
        f"Live fetch of @{handle} on {platform_name(platform)}",  # "on Bluesky", as pages say
        _run(request, platform, handle, kwargs),
        # a failed fetch says to start it again: its "Back to Import" has it filled in
        back=fetch_form_url({**sent, "budget": f"{budget:.2f}"} if platform == "x" else sent),
        key=f"fetch {platform}:{handle} {max_posts} {budget:.2f}",
    )
    return job_response(request, job)


@router.get("/import/fetch/x", response_class=HTMLResponse)
def confirm_x_fetch(request: Request) -> Response:
    """What an X fetch could cost at most, and the button that starts it."""
    query = dict(request.query_params)
    try:
        _platform, handle, max_posts, budget = _checked({**query, "platform": "x"})
    except InputError as exc:
        return form_problem(request, fetch_form_url({**query, "platform": "x"}), exc, NOT_STARTED)
    rates = Rates.from_config(load_config())
    estimate = estimate_cost(rates, max_posts, MENTIONS)
    return web(request).renderer.page(
        request,
        "fetch_confirm.html",
        active="import",
        handle=handle,
        max_posts=str(max_posts),
        budget=f"{budget:.2f}",
        # "Change or cancel": the Import page with this fetch's choices, not a blank form
        change_url=fetch_form_url(
            {"platform": "x", "handle": handle, "max_posts": max_posts, "budget": f"{budget:.2f}"}
        ),
        budget_text=money(budget),
        posts_text=count_of(max_posts, "post"),
        mentions_text=count_of(MENTIONS, "mention"),
        total=money(estimate["total"]),
        parts=[
            ("The account's profile (1 user read)", money(estimate["user_lookup"])),
            (f"Up to {count_of(max_posts, 'recent post')}", money(estimate["timeline"])),
            (
                # not a field of the form: said, as the Conversation pillar needs them
                f"Up to {count_of(MENTIONS, 'mention')} of the account, with their authors"
                " (always read: the audit's Conversation pillar counts how you answer them)",
                money(estimate["mentions"]),
            ),
        ],
        over_budget=estimate["total"] > budget,
        # a fetch with a higher cap than an earlier one also reads the older posts it left:
        # said before it starts, as the command says it
        older=_older_reads(web(request), handle, rates, max_posts),
    )


def _older_reads(ctx: WebContext, handle: str, rates: Rates, max_posts: int) -> str | None:
    """What this fetch also reads below an earlier capped fetch of the account, and what that
    may cost (:func:`~staffpulse.fetch.x_older.older_reads_note`); None when nothing."""
    from staffpulse.fetch.x_older import older_reads_note
    from staffpulse.store import open_store

    own = ctx.settings.own_db_path or ctx.settings.db_path  # where the fetch will store
    if not own.exists():
        return None
    try:
        with open_store(own) as store:
            return older_reads_note(store, handle, rates, max_posts, MENTIONS, advice=_fewer_posts)
    except (StaffpulseError, sqlite3.Error):  # the fetch itself says the store's problem
        return None


def _fewer_posts(depths: dict[str, int]) -> str | None:
    """How to read only new posts on this page: its posts field (it reads its mentions
    always)."""
    posts = depths.get("timeline")
    return f"set “Most recent posts to fetch” to {posts} with “Change or cancel”" if posts else None


def _run(request: Request, platform: str, handle: str, kwargs: dict[str, Any]) -> Any:
    ctx = web(request)
    fetch = _fetcher(platform)

    def run(job: Job) -> dict[str, Any]:
        def progress(task: str, done: int, total: int | None) -> None:
            job.update(f"Fetching {task}", done, total)

        job.update(f"Connecting to {FETCHERS[platform].split(' (')[0]}")
        seen: set[tuple[str, str]] = set()
        with ctx.backend.store() as store:
            store.on_write = seen.update
            report = fetch(store, handle, progress=progress, **kwargs)
            accounts, total = accounts_touched(store, seen)
        data = report.as_dict()
        summary = f"Fetched {count_of(int(data.get('posts', 0)), 'post')} of @{handle}"
        if data.get("cost_usd"):
            summary += f" for about {money(float(data['cost_usd']))}"
        stopped = data.get("stopped")
        if stopped is not None:
            summary += f" (stopped early: {STOPPED.get(str(stopped), str(stopped))})"
        skipped, messages = int(data.get("skipped") or 0), list(data.get("skipped_messages") or [])
        if skipped:
            summary += f". {count_of(skipped, 'item')} could not be read or stored and were skipped"
        return {
            "summary": summary + ".",
            "accounts": accounts,
            "more_accounts": max(0, total - len(accounts)),
            # listed under "Records we skipped"; their pages are stored as they came
            "problems": [{"file": f"@{handle}", "line": None, "message": m} for m in messages],
            "skipped": skipped,
            "more_problems": skipped - len(messages),
            # what the platform says of the account (it moved, it is suspended), under "Please
            # note" as the command prints it beside its summary; each names the account itself
            "notices": [{"file": "", "message": str(note)} for note in data.get("notes") or []],
        }

    return run
