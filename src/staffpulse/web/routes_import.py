"""Import: upload files (X archive ZIP, twarc2 JSONL, CSV, ...) or start a live fetch.

The work runs in the background (:mod:`staffpulse.web.jobs`); the job page shows a progress bar
that polls ``/api/jobs/{id}``.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from staffpulse.config import get_secret, home_dir
from staffpulse.errors import InputError, NotFoundError, StaffpulseError, UnsafeArchiveError
from staffpulse.sources.base import Notice
from staffpulse.web.app import WebContext, error_page, form_problem, web
from staffpulse.web.forms import bounded_int
from staffpulse.web.import_progress import ImportProgress
from staffpulse.web.import_summary import describe_import, skipped_csv, touched_accounts
from staffpulse.web.jobs import KEEP_JOBS, Job, JobFunc
from staffpulse.web.routes_sample import leave_sample
from staffpulse.web.security import CSRF_COOKIE, CSRF_FIELD, check_archive
from staffpulse.web.uploads import (
    MAX_FILES,
    TooManyFilesError,
    UploadFormatError,
    UploadTooLargeError,
    human_bytes,
    receive_upload,
)

router = APIRouter()
FETCHERS = {  # the Import page's "Fetch an account live" (routes_fetch.py runs them)
    "bluesky": "Bluesky (free, public)",
    "x": "X (pay-per-use, needs a bearer token)",
    "mastodon": "Mastodon (free, public)",
}

# the fields of "Fetch an account live", which a refused fetch gives back to the form
FETCH_FIELDS = ("platform", "handle", "max_posts", "budget")


def fetch_form_url(fields: Mapping[str, object]) -> str:
    """The Import page with its "Fetch an account live" form filled in with ``fields`` (the
    platform, handle, posts and budget sent): what comes back after a refused fetch, or from
    the X estimate's "Change or cancel", keeps what the user chose (:func:`fetch_form`)."""
    query = {name: str(fields.get(name, ""))[:300] for name in FETCH_FIELDS}
    return "/import?" + urlencode({k: v for k, v in query.items() if v.strip()})


def fetch_form(query: Mapping[str, object]) -> dict[str, str]:
    """The fetch form's values from the Import page's address (:func:`fetch_form_url`), each
    one a value the form can show: a platform it offers, a number of posts, a budget."""
    platform = str(query.get("platform", ""))
    posts = str(query.get("max_posts", "")).strip()
    return {
        "platform": platform if platform in FETCHERS else next(iter(FETCHERS)),
        "handle": str(query.get("handle", ""))[:300],
        "max_posts": str(bounded_int(posts, 200, 1, 3200)),
        "budget": f"{bounded_float(str(query.get('budget', '')).strip(), 1.0, 0.01, 1000.0):.2f}",
    }


def bounded_float(raw: str, default: float, low: float, high: float) -> float:
    """An amount typed in a form, kept within ``low`` and ``high`` (``default`` if none)."""
    try:
        return max(low, min(high, float(raw)))
    except ValueError:
        return default


def _upload_root(ctx: WebContext) -> Path:
    return ctx.settings.upload_dir or home_dir() / "uploads"


@router.get("/import", response_class=HTMLResponse)
def import_page(request: Request) -> HTMLResponse:
    from staffpulse.web.routes_refresh import can_refresh  # it starts its jobs as this page

    ctx = web(request)
    return ctx.renderer.page(
        request,
        "import.html",
        active="import",
        max_bytes=str(ctx.settings.max_upload_bytes),  # for the browser: no separators
        max_human=human_bytes(ctx.settings.max_upload_bytes),
        max_files=MAX_FILES,
        fetchers=FETCHERS,
        fetch=fetch_form(request.query_params),
        has_x_token=bool(get_secret("x_bearer_token")),
        jobs=ctx.jobs.recent(8),
        can_refresh=can_refresh(ctx) and not ctx.settings.showing_sample(),
    )


# the Import page's tick box: the stored posts a whole account export lacks are removed
REMOVE_DELETED_FIELD = "remove_deleted"


def _import_job(
    ctx: WebContext,
    files: list[Path],
    folder: Path,
    names: list[str],
    remove_deleted: bool,
    repeated: list[str],
) -> JobFunc:
    from staffpulse.ingest import import_paths

    shown_as = {str(path): name for path, name in zip(files, names, strict=True)}

    def named(text: str) -> str:
        return _user_paths(text, shown_as, folder)

    def run(job: Job) -> dict[str, Any]:
        seen: set[tuple[str, str]] = set()
        try:
            with ctx.backend.store() as store:
                store.on_write = seen.update
                progress = ImportProgress(job.update, files, named)
                progress.start()
                try:
                    report = import_paths(
                        store,
                        import_targets(files, folder),
                        progress=progress,
                        remove_deleted=remove_deleted,
                    )
                except StaffpulseError as exc:  # name the user's file, not the temp copy
                    exc.message = named(exc.message)
                    raise
                job.update("Finishing: linking replies and mentions", 0, None, progress.read_all())
                found = touched_accounts(store, seen)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        # a file chosen twice was read once (uploads.drop_repeats), as the CLI notes it
        report.notices[:0] = [Notice(name, "chosen twice: read once") for name in repeated]
        return describe_import(report, found, names, named)

    return run


# What to choose of an X archive too large to upload whole: manifest.js lets the import tell
# a part that was not chosen (tweets-part1.js of a large archive) instead of losing it
X_ARCHIVE_FILES = (
    "unzip it and choose manifest.js, account.js, profile.js and every tweets file (tweets.js, "
    "tweets-part1.js and so on) from its data folder together"
)
# An X archive's list of its files, which its other files chosen beside it are read with
X_MANIFEST = "manifest.js"


def import_targets(files: list[Path], folder: Path) -> list[Path]:
    """What the import reads of the uploaded ``files`` (saved in ``folder``): each file, or
    the folder when they are files of one X archive chosen together with its manifest.js (as
    the upload limit's advice says for an archive too large to send whole). Read one by one,
    manifest.js was left out as a file of no known format, the tweets-part1.js it lists and the
    user did not choose went untold, and "Remove posts deleted on the platform" was refused for
    every file; read as the archive's folder, they are checked against the manifest."""
    names = {path.name for path in files}
    archive_files = all(path.suffix == ".js" and path.parent == folder for path in files)
    return [folder] if X_MANIFEST in names and archive_files else files


def _user_paths(text: str, shown_as: dict[str, str], folder: Path) -> str:
    """``text`` naming the user's own files instead of their temp copies; an archive member,
    ``!`` after its archive to the library, follows it as a path does in a menu
    (``twitter.zip › data/tweets.js``), not in a programmer's notation; the upload's folder
    itself, read as one X archive, is the files the user chose."""
    for path in sorted(shown_as, key=len, reverse=True):
        text = text.replace(path + "!", shown_as[path] + " › ").replace(path, shown_as[path])
    return text.replace(str(folder) + "/", "").replace(str(folder), "the files you chose")


@router.post("/import/upload")
async def import_upload(request: Request) -> Response:
    ctx = web(request)

    def check_csrf(fields: dict[str, str]) -> None:
        token = fields.get(CSRF_FIELD) or request.headers.get("x-csrf-token")
        ctx.csrf.check(request.cookies.get(CSRF_COOKIE), token)

    try:
        upload = await receive_upload(
            request, _upload_root(ctx), ctx.settings.max_upload_bytes, check_csrf
        )
    except UploadTooLargeError as exc:
        return error_page(
            request,
            413,
            "That file is too large",
            f"The upload was refused: {exc}.",
            "Split the data into smaller files and upload them one by one. An X archive ZIP "
            f"cannot be split, but it is mostly pictures and videos: {X_ARCHIVE_FILES}, which "
            "are much smaller. The limit is set when the dashboard is started; to raise it, "
            "whoever runs it restarts it with a higher one (in a terminal: staffpulse serve "
            "--max-upload-mb 500).",
        )
    except TooManyFilesError as exc:
        return error_page(
            request,
            400,
            "Too many files at once",
            f"You chose {exc.chosen} files; choose at most {exc.limit} at a time, or put them "
            "in one ZIP file and upload that.",
        )
    except UploadFormatError as exc:
        return error_page(request, 400, "The upload could not be read", f"{exc}.")
    check_csrf(upload.fields)  # also when no file part came at all
    if not upload.files:
        upload.cleanup()
        raise InputError(
            "no file was chosen", hint="pick an X archive ZIP, a twarc2 JSONL or a CSV first"
        )
    repeated = upload.drop_repeats()
    names = upload.names
    try:
        for _name, path in upload.files:
            check_archive(path, ctx.settings.max_unzipped_bytes)
    except UnsafeArchiveError as exc:  # back to the form: a reload sends no upload again
        upload.cleanup()
        return form_problem(
            request, "/import", exc, "This archive was refused:", note="Nothing was imported."
        )
    files = [p for _n, p in upload.files]
    leave_sample(ctx)  # the user's data goes to their own store, never into the sample's
    remove_deleted = bool(upload.fields.get(REMOVE_DELETED_FIELD))
    job = ctx.jobs.submit(
        "import",
        upload_title(names),
        _import_job(ctx, files, upload.folder, names, remove_deleted, repeated),
    )
    return job_response(request, job)


def upload_title(names: list[str]) -> str:
    """The import's title (the job page's heading, the Import page's list): its files by name,
    or, for more than three, the first two and how many more; ten long names made a heading of
    five lines."""
    if len(names) <= 3:
        return "Import of " + ", ".join(names)
    return f"Import of {len(names)} files: {names[0]}, {names[1]} and {len(names) - 2} more"


def job_response(request: Request, job: Job) -> Response:
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse(
            {"job": job.id, "status_url": f"/api/jobs/{job.id}", "page": f"/jobs/{job.id}"},
            status_code=202,
        )
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> Response:
    ctx = web(request)
    found = ctx.jobs.get(job_id)
    if found is None:
        # the address is the same for an import, a fetch and a refresh (a random id): the
        # page cannot tell which one it was, so it words them all
        return error_page(
            request,
            404,
            "This job is no longer known",
            "This job (an import, a live fetch or a refresh) is no longer known: the dashboard "
            f"was restarted since, or the job ended long ago (it keeps the last {KEEP_JOBS}).",
            "see the Accounts page (Your accounts) for what it imported or fetched: that is "
            "kept. A job the restart cut short can be started again from the Import page, or "
            "with 'Fetch what is new' on the Accounts page: posts already in the store are not "
            "added twice.",
        )
    # an import, a fetch and the sample each report what they have (no "nothing" after a
    # fetch, no "accounts" after a failure): a key one leaves out reads as none on the page
    job = found.snapshot()  # its state and result of one moment (it may end meanwhile)
    result: defaultdict[str, Any] = defaultdict(lambda: None, job.result)
    # a refresh is started from the Accounts page, and leads back there
    active = "home" if job.kind == "refresh" else "import"
    return ctx.renderer.page(request, "job.html", active=active, job=job, result=result)


@router.get("/jobs/{job_id}/skipped.csv")
def skipped_records(request: Request, job_id: str) -> Response:
    """Every record an import skipped, of which its page lists the first 50: a spreadsheet
    of the file, the line and what to change, to correct the file by."""
    found = web(request).jobs.get(job_id)
    job = found.snapshot() if found else None
    if job is not None and job.state in ("queued", "running"):
        return error_page(
            request,
            409,
            "This import is still running",
            "Its list of skipped records is ready when the import has ended.",
            "wait for its page to say it is done, then download the list from there",
        )
    sheet = job.result.get("every_problem") if job else None
    if not isinstance(sheet, bytes) or not sheet:
        raise NotFoundError(
            "this import's list of skipped records is no longer known (the dashboard keeps "
            f"the last {KEEP_JOBS} jobs, until it is restarted)",
            hint="import the file again on the Import page: its page lists them again",
        )
    return Response(
        skipped_csv(sheet),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="skipped-records-{job_id}.csv"'},
    )


@router.get("/api/jobs/{job_id}")
def job_status(request: Request, job_id: str) -> JSONResponse:
    job = web(request).jobs.get(job_id)
    if job is None:
        return JSONResponse({"error": "unknown job"}, status_code=404)
    return JSONResponse(job.as_dict())
