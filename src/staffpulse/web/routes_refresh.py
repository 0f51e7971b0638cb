"""Refresh: fetch what is new for the accounts fetched live before, the cohort's, or those of
a list the user uploads here, as ``staffpulse refresh [COHORT]`` does, from a button on the
Accounts and Benchmark pages (and a link on the Import page).

The page first says what will be fetched, what is left out, and what X may cost, in the
command's words (:mod:`staffpulse.fetch.refresh_wording`), since X is paid for; nothing is read
before the user starts it. The run is a background job on the write lane
(:mod:`staffpulse.web.jobs`) with the library's own loop (:func:`refresh_accounts`), and its
page ends with the command's summary: each account's outcome, what X cost and what is left of
the budget, what the platforms said (a moved account) and the advice, worded for the page.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from staffpulse.config import load_config, setting_str
from staffpulse.errors import EmptyInputError, InputError, StaffpulseError
from staffpulse.models import platform_name
from staffpulse.report.counts import count_of, join_and
from staffpulse.web.app import WebContext, flash_redirect, form_problem, form_value, web
from staffpulse.web.flash import Flash
from staffpulse.web.forms import Upload, verified_form, verified_submission
from staffpulse.web.import_summary import accounts_touched
from staffpulse.web.jobs import Job
from staffpulse.web.refresh_choice import (
    COHORT,
    FETCHED,
    LIST,
    TYPED,
    Choice,
    list_file,
    read_choice,
    refused_address,
)
from staffpulse.web.routes_import import job_response
from staffpulse.web.routes_sample import leave_sample
from staffpulse.web.uploads import display_name
from staffpulse.web.wording import web_text

if TYPE_CHECKING:
    from staffpulse.fetch.refresh import AccountResult, RefreshReport
    from staffpulse.fetch.refresh_limits import RefreshLimits
    from staffpulse.fetch.refresh_targets import RefreshPlan
    from staffpulse.store import Store

router = APIRouter()
NOT_STARTED = "The refresh was not started:"


def can_refresh(ctx: WebContext) -> bool:
    """Whether the Refresh button has anything to do: a cohort file is in use, or the store
    holds an account a live fetch brought in (an account imported from files only is not
    fetched again, and a live fetch that failed, offline or refused, brought none)."""
    if ctx.settings.active_cohort() is not None:
        return True

    def any_fetch() -> bool:
        from staffpulse.fetch.refresh_targets import plan_from_store

        if not ctx.settings.db_path.exists():
            return False
        try:
            with ctx.backend.store() as store:
                return bool(plan_from_store(store).targets)
        except (StaffpulseError, sqlite3.Error):  # the page says the store's problem itself
            return False

    return bool(ctx.backend.cached("can-refresh", any_fetch))


def _list_name(ctx: WebContext) -> str:
    try:
        name = list_file(ctx).with_suffix(".csv.name").read_text(encoding="utf-8").strip()
    except OSError:
        name = ""
    return name or "your list"


def _plan(ctx: WebContext, store: Store, choice: Choice, config: Mapping[str, Any]) -> RefreshPlan:
    """The accounts to refresh, named as the pages name the file (its own name)."""
    from staffpulse.fetch.refresh_targets import plan_from_store

    cohort = ctx.settings.active_cohort()
    if choice.which == LIST:
        return _plan_from_file(store, list_file(ctx), _list_name(ctx), config)
    if choice.which == COHORT and cohort is not None:
        return _plan_from_file(store, cohort, ctx.backend.cohort_label() or cohort.name, config)
    plan = plan_from_store(store)
    if not plan.targets:
        raise EmptyInputError(
            "no account in the store was fetched live before, so there is nothing to refresh",
            hint="upload a list of the accounts to fetch below (a cohort file), or fetch one"
            " account on the Import page (Fetch an account live)",
        )
    return plan


def _plan_from_file(store: Store, path: Path, label: str, config: Mapping[str, Any]) -> RefreshPlan:
    from staffpulse.fetch.refresh_targets import plan_from_cohort

    instance = setting_str(config, "mastodon", "default_instance")
    try:
        plan = plan_from_cohort(store, path, instance)
    except InputError as exc:
        exc.message = exc.message.replace(str(path), label)
        raise
    plan.source = label
    plan.problems = [replace(problem, file=label) for problem in plan.problems]
    return plan


@router.post("/refresh/list")
async def upload_list(request: Request) -> Response:
    """A list of accounts to fetch (a cohort file: the command's ``refresh COHORT``), kept to
    show what it will fetch and cost before anything is read; refused, and not kept, when no
    line of it names an account (the list kept before, if any, stays)."""
    ctx = web(request)
    upload = (await verified_submission(request)).upload or Upload("", "")
    leave_sample(ctx)  # what it fetches goes to the user's own store, not the sample's
    name = display_name(upload.filename, "your list")
    target = list_file(ctx)
    # checked beside the kept list, which a refused one must not replace; a .csv still, as
    # the readers that tell a data file from a list go by the name
    checked = target.with_name(target.stem + "-new.csv")
    try:
        if upload.not_text or not upload.text.strip():
            raise InputError(
                f"{name} is not a list of accounts"
                + (f": it is {upload.not_text}" if upload.not_text else ": it is empty"),
                hint="choose a CSV or text file with one account a line (handle,platform or"
                " a profile's address)",
            )
        checked.write_text(upload.text.strip() + "\n", encoding="utf-8")
        with ctx.backend.store() as store:
            _plan_from_file(store, checked, name, load_config())
    except StaffpulseError as exc:
        checked.unlink(missing_ok=True)
        return form_problem(request, "/refresh", exc, "That list was not used:")
    checked.replace(target)
    target.with_suffix(".csv.name").write_text(name + "\n", encoding="utf-8")
    return RedirectResponse(f"/refresh?which={LIST}", status_code=303)


def _choices(ctx: WebContext) -> list[tuple[str, str, str]]:
    """The accounts the page can fetch: (choice, words, the file's name or "")."""
    found: list[tuple[str, str, str]] = []
    if ctx.settings.active_cohort() is not None:
        label = ctx.backend.cohort_label() or "your cohort"
        found.append((COHORT, "The accounts of your cohort", label))
    if list_file(ctx).exists():
        found.append((LIST, "The accounts of your list", _list_name(ctx)))
    return [*found, (FETCHED, "Every account fetched live before", "")]


def _limits(choice: Choice) -> RefreshLimits:
    from staffpulse.fetch.refresh_limits import RefreshLimits

    return RefreshLimits(budget=choice.budget)  # the command's defaults per account


@router.get("/refresh", response_class=HTMLResponse)
def refresh_page(request: Request) -> Response:
    """What a refresh would fetch and cost, and the button that starts it."""
    from staffpulse.fetch import refresh_wording as say
    from staffpulse.fetch.refresh_limits import x_cost

    ctx = web(request)
    try:
        choice = read_choice(ctx, request.query_params)
    except InputError as exc:
        return form_problem(request, refused_address(ctx, request.query_params), exc, NOT_STARTED)
    config = load_config()
    try:
        with ctx.backend.store() as store:
            plan = _plan(ctx, store, choice, config)
    except StaffpulseError as exc:
        # a store whose accounts all came from files is where everyone starts: not an error
        never_fetched = choice.which == FETCHED and isinstance(exc, EmptyInputError)
        return ctx.renderer.page(
            request, "refresh.html", active="home", choice=choice, problem=exc,
            choices=_choices(ctx), never_fetched=never_fetched, limits=None,
        )  # fmt: skip
    cost = x_cost(plan, _limits(choice), config)
    skipped = say.x_skipped_note(cost)
    return ctx.renderer.page(
        request,
        "refresh.html",
        active="home",
        choice=choice,
        problem=None,
        choices=_choices(ctx),
        headline=say.plan_headline(plan),
        accounts=[(t.shown, platform_name(t.platform)) for t in plan.targets],
        problems=[(p.kept, str(p)) for p in plan.problems],
        guessed=say.guessed_note(plan),
        left_out=plan.left_out,
        x_skipped=skipped and web_text(f"{skipped} {say.set_token_advice(cost.accounts)}."),
        # every account is on X and X has no token: "Start" would only skip them all
        startable=cost.has_token or any(t.platform != "x" for t in plan.targets),
        x_estimate=say.x_estimate_note(cost),
        x_accounts=cost.accounts,
        guessed_x=sum(t.guessed and t.platform == "x" for t in plan.targets),
        budget=request.query_params.get(TYPED, "")[:40] or choice.budget_text(),
        list_name=_list_name(ctx) if choice.which == LIST else "",
        limits=_limits_words(plan),
    )


def _limits_words(plan: RefreshPlan) -> str:
    """What each account may read, the command's defaults, which the page does not ask for:
    a refresh reads what is new since the last fetch, a week's posts being far below them,
    and X's cost is capped by the budget the page does ask for."""
    from staffpulse.fetch.refresh_limits import DEFAULT_MAX_POSTS

    platforms = [p for p in DEFAULT_MAX_POSTS if any(t.platform == p for t in plan.targets)]
    each = [f"{DEFAULT_MAX_POSTS[p]:,} on {platform_name(p)}" for p in platforms]
    return (
        f"New posts read at most per account: {join_and(each)} (the newest since the last fetch),"
        " more than a week of even a busy account."
    )


@router.post("/refresh")
async def start_refresh(request: Request) -> Response:
    ctx = web(request)
    form = await verified_form(request)
    try:
        choice = read_choice(ctx, form)
    except InputError as exc:  # the same accounts again, with the budget as typed
        return form_problem(request, refused_address(ctx, form), exc, NOT_STARTED)
    try:
        config = load_config()
        with ctx.backend.store() as store:
            plan = _plan(ctx, store, choice, config)
    except StaffpulseError as exc:
        return form_problem(request, "/refresh", exc, NOT_STARTED)
    if choice.budget_text() != form_value(form, "shown_budget"):
        # the estimate on the page was for another budget (a bare handle read as X is paid
        # for only with one): the user sees the one for theirs before anything is spent
        return flash_redirect(
            request,
            f"/refresh?{choice.query()}",
            Flash(
                "warn", "Not started yet:", "check what X may cost with this budget, then start."
            ),
        )
    label = f"Refresh of {count_of(len(plan.targets), 'account')}"
    accounts = " ".join(f"{t.platform}:{t.handle}" for t in plan.targets)
    job = ctx.jobs.submit(
        "refresh", label, _run(ctx, plan, choice, config), back=f"/refresh?{choice.query()}",
        key=f"refresh {choice.budget_text()} {accounts}",
    )  # fmt: skip
    return job_response(request, job)


def _run(ctx: WebContext, plan: RefreshPlan, choice: Choice, config: Mapping[str, Any]) -> Any:
    from staffpulse.fetch.refresh import refresh_accounts
    from staffpulse.fetch.refresh_limits import x_cost

    limits = _limits(choice)
    cost = x_cost(plan, limits, config)
    total = len(plan.targets)

    def run(job: Job) -> dict[str, Any]:
        def done_so_far() -> str:  # the bar counts accounts, not records
            return f"{job.done:,} of {count_of(total, 'account')} done"

        def on_account(index: int, target: Any) -> None:
            shown = f"{target.shown} on {platform_name(target.platform)}"
            job.update(f"Refreshing {shown} ({index + 1} of {total})", index, total)
            job.update(job.phase, index, total, detail=done_so_far())

        def progress(task: str, done: int, limit: int | None) -> None:
            # what the current account is reading, under the bar of the accounts
            read = f"{done:,} of {limit:,}" if limit else f"{done:,}"
            job.update(job.phase, job.done, total, detail=f"{done_so_far()} · {task}: {read}")

        def notify(message: str) -> None:
            job.update(job.phase, job.done, total, detail=web_text(message))

        seen: set[tuple[str, str]] = set()
        with ctx.backend.store() as store:
            store.on_write = seen.update
            report = refresh_accounts(
                store, plan, limits, config=config, cost=cost, progress=progress,
                notify=notify, on_account=on_account,
                on_result=lambda result: job.update(job.phase, job.done + 1, total),
            )  # fmt: skip
            accounts, touched = accounts_touched(store, seen)
        return summary(report) | {
            "accounts": accounts,
            "more_accounts": max(0, touched - len(accounts)),
        }

    return run


def summary(report: RefreshReport) -> dict[str, Any]:
    """What the job page shows when the run ended: the command's summary and notes, each
    account's row, and the advice worded for the page (by the template's ``web`` filter)."""
    from staffpulse.fetch import refresh_wording as say
    from staffpulse.fetch.refresh import NO_X_TOKEN

    notices = [{"file": "", "message": note} for note in say.notes(report)]
    no_token = sum(result.message == NO_X_TOKEN for result in report.results)
    if no_token:  # the command says it before its run; the page, where the run ends
        said = f"{say.no_token_line(no_token)} {say.set_token_advice(no_token)}."
        notices.append({"file": "", "message": said})
    notices += [
        {"file": ", ".join(shown), "message": hint} for shown, hint in say.grouped_hints(report)
    ]
    if report.count("partial"):
        notices.append(
            {
                "file": "",
                "message": "Start the refresh again to go on where the accounts stopped early.",
            }
        )
    if report.offline:
        notices.append(
            {
                "file": "",
                "message": f"No connection: {say.no_connection_what(report)}; check that this"
                " computer is online, then start the refresh again.",
            }
        )
    refreshed = report.count("ok") + report.count("partial")
    title = None  # "Done"
    if not refreshed:
        title = "Nothing was refreshed"
    elif refreshed < len(report.results) or report.count("partial"):
        title = "Done, but not for every account"
    return {
        "done_title": title,
        "refreshed_none": not refreshed,
        "summary": " ".join(filter(None, (say.summary_line(report), say.spent_line(report)))),
        "refreshed": [_row(result) for result in report.results],
        "notices": notices,
    }


def _row(result: AccountResult) -> dict[str, Any]:
    return {
        "account": result.target.shown,
        "platform": result.target.platform,
        "new_posts": result.new_posts,
        "status": result.status,
        # the row names the account: "@acme: could not reach Bluesky: ..." said it twice
        "message": (result.message or "").removeprefix(f"{result.target.shown}: "),
        "notes": len(result.notes),
    }
