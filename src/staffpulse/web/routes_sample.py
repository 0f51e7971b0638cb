"""The bundled sample, from the dashboard: "Load the sample data" on the page of an empty store.

A marketer who opens the dashboard on an empty store can look around on the fictional sample
cohort that ``staffpulse demo`` uses, without a terminal. The sample goes into a store of its
own beside the user's (``WebSettings.sample_db``), never into the user's store: their own data
would otherwise be benchmarked against fictional firms, and the sample could not be taken out
again. The dashboard then shows that store, with a "Sample data" bar on every page and a button
back to the user's own store; an import or a fetch goes to the user's store and switches back,
and so does a restart of the dashboard.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from staffpulse.web.app import WebContext, flash_redirect, web
from staffpulse.web.flash import Flash
from staffpulse.web.forms import verified_form

router = APIRouter()


def leave_sample(ctx: WebContext) -> bool:
    """Show the user's own store again; True when the sample was shown."""
    own = ctx.settings.own_db_path
    if own is None:
        return False
    ctx.settings.db_path, ctx.settings.own_db_path = own, None
    ctx.backend.invalidate()
    return True


def _prepared_sample(path: Path) -> None:
    """The sample's store at ``path``, as ``staffpulse demo`` imports it: kept when it holds the
    sample (importing it again would change nothing), made afresh otherwise."""
    from staffpulse.bundled import is_bundled_sample
    from staffpulse.demo import fresh_store, sample_cohort_file
    from staffpulse.ingest import import_paths
    from staffpulse.store import open_store

    if path.exists():
        with open_store(path) as store:
            if is_bundled_sample(store):
                return
    with fresh_store(path) as store:
        import_paths(store, [sample_cohort_file()])


@router.post("/sample/load")
async def load_sample(request: Request) -> Response:
    await verified_form(request)
    ctx = web(request)
    if not ctx.settings.showing_sample():
        target = ctx.settings.sample_db()
        await run_in_threadpool(_prepared_sample, target)  # under a second: twelve accounts
        ctx.settings.own_db_path, ctx.settings.db_path = ctx.settings.db_path, target
        ctx.backend.invalidate()
    # the pages say it is the sample (the bar on every page, the badge and the home page's
    # note): no message of its own
    return RedirectResponse("/", status_code=303)


@router.post("/sample/leave")
async def leave(request: Request) -> Response:
    await verified_form(request)
    leave_sample(web(request))
    return flash_redirect(
        request, "/", Flash("ok", "Back to your own data.", "The sample data is put away.")
    )
