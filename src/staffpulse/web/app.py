"""The FastAPI application: middleware, error pages and the page routers.

Every domain error becomes a friendly page here (the web boundary); nothing else in
``staffpulse`` knows about HTTP.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.staticfiles import StaticFiles

from staffpulse.account_refs import use_platform_option
from staffpulse.config import SECRET_ENV, get_secret
from staffpulse.errors import (
    AuthError,
    BudgetExceededError,
    ConfigError,
    FetchError,
    InputError,
    MissingExtraError,
    ModelError,
    NoSuchAccountError,
    NotFoundError,
    PaymentRequiredError,
    RateLimitError,
    StaffpulseError,
    StoreError,
)
from staffpulse.models import on_platform
from staffpulse.web.background import SlowPages
from staffpulse.web.data import Backend
from staffpulse.web.flash import Flash, Flashes, with_flash
from staffpulse.web.jobs import JobManager
from staffpulse.web.links import audit_url
from staffpulse.web.render import Renderer, report_css
from staffpulse.web.security import (
    Csrf,
    CsrfError,
    SecretMaskFilter,
    SecurityHeadersMiddleware,
    install_log_filter,
)
from staffpulse.web.settings import WebSettings
from staffpulse.web.wording import mentions_formats, web_hint, web_text

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("staffpulse.web")


@dataclass
class WebContext:
    settings: WebSettings
    csrf: Csrf
    backend: Backend
    jobs: JobManager
    renderer: Renderer
    mask: SecretMaskFilter
    slow: SlowPages
    flashes: Flashes


def web(request: Request) -> WebContext:
    context: WebContext = request.app.state.web
    return context


def status_for(exc: StaffpulseError) -> int:
    """The HTTP status of a domain error (a page that shows it inline answers with it too).

    A platform's failure is not the dashboard's: 500 is left for what staffpulse itself got
    wrong, so a script reading ``/api/`` can tell "X refused the token" from a bug."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, MissingExtraError | ModelError | StoreError):
        return 503
    if isinstance(exc, InputError | ConfigError | BudgetExceededError):
        return 400  # a budget is the user's own limit, not the platform failing
    if isinstance(exc, AuthError):
        return 401
    if isinstance(exc, PaymentRequiredError):
        return 402
    if isinstance(exc, RateLimitError):
        return 429
    if isinstance(exc, FetchError):
        return 502
    return 500


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get(
        "accept", ""
    )


_WAYS_BACK = {
    "settings": ("/settings", "Back to Settings", "settings"),
    "benchmark": ("/benchmark", "Back to the Benchmark", "benchmark"),
    "inbox": ("/inbox", "Back to the Inbox", "inbox"),
    "connect": ("/connect", "Back to Connect", "connect"),
    "import": ("/import", "Back to Import", "import"),
    "refresh": ("/refresh", "Back to Refresh", "home"),
    "jobs": ("/import", "Back to Import", "import"),
    "help": ("/import", "Back to Import", "import"),
}


def way_back(path: str, status: int = 400) -> tuple[str, str, str]:
    """Where an error page sends the user back to: the page the failed request came from.

    The dashboard sends no Referer (``Referrer-Policy: no-referrer``), so the way back is
    read from the address itself: ``/settings/tokens`` was posted from ``/settings``, and
    ``/audit/x/acme/record`` from the audit of @acme. An audit that failed itself (no such
    account) leads back to the accounts, not to itself, and so does an action on an account
    that is not there (404): its audit would be a 404 too.
    """
    if path.startswith("/audit/"):
        platform, _, rest = path.removeprefix("/audit/").partition("/")
        for action in ("/record", "/report.html"):
            if rest.endswith(action) and rest != action and status != 404:
                return audit_url(platform, rest.removesuffix(action)), "Back to the audit", "home"
        return "/", "Back to your accounts", "home"
    parts = [p for p in path.split("/") if p]
    if parts and parts[0] in _WAYS_BACK:
        return _WAYS_BACK[parts[0]]
    return "/", "Back to your accounts", "home"


def error_page(
    request: Request,
    status: int,
    title: str,
    message: str,
    hint: str | None = None,
    accounts: tuple[tuple[str, str], ...] = (),
) -> Response:
    """The error page; ``accounts``: the (handle, platform) pairs the message offers instead
    ("did you mean @acme (x)?"), each a button to its audit."""
    if accounts and hint in {use_platform_option(p) for _h, p in accounts}:
        hint = None  # "choose the account on X": its button does
    shown_message, shown_hint = web_text(message), web_hint(message, hint) or None
    if _wants_json(request):
        return JSONResponse({"error": shown_message, "hint": shown_hint}, status_code=status)
    back_href, back_label, active = way_back(request.url.path, status)
    return web(request).renderer.page(
        request,
        "error.html",
        active=active,
        status_code=status,
        title=title,
        message=shown_message,
        hint=shown_hint,
        status=status,
        back_href=back_href,
        back_label=back_label,
        formats_help=mentions_formats(message, hint),
        accounts=[(f"@{h} {on_platform(p)}", audit_url(p, h)) for h, p in accounts],
    )


def form_problem(
    request: Request,
    target: str,
    exc: StaffpulseError,
    title: str = "That did not work",
    note: str | None = None,
) -> Response:
    """A form that could not be used: back to ``target`` (a GET), which shows why.

    Answering with a redirect rather than an error page at the form's address means a
    reload does not send the form again, and Back and Forward work. Scripts asking for JSON
    get the error as JSON, with status 400, as before.
    """
    message, hint = web_text(exc.message), web_hint(exc.message, exc.hint) or None
    if _wants_json(request):
        return JSONResponse({"error": message, "hint": hint}, status_code=400)
    key = web(request).flashes.add(Flash("error", title, message, hint, note))
    return RedirectResponse(with_flash(target, key), status_code=303)


def flash_redirect(request: Request, target: str, flash: Flash) -> Response:
    """After a form that worked: to ``target``, which says what it did."""
    key = web(request).flashes.add(flash)
    return RedirectResponse(with_flash(target, key), status_code=303)


class HeadAsGetMiddleware:
    """Answers ``HEAD`` like ``GET`` without the body: FastAPI routes only list ``GET``, and
    link checkers and ``curl -I`` would otherwise get a 405 for a page that exists."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(CsrfError)
    async def _csrf(request: Request, exc: CsrfError) -> Response:
        return error_page(
            request,
            403,
            "This form could not be accepted",
            f"For your safety the request was refused: {exc.reason}.",
            # "reload the page" re-sent the refused form with the same token: refused again
            "Nothing was changed. Go back to the page (the button below), which gets a new "
            "token, and do it again there. If you came here from another site, start again "
            "from the dashboard.",
        )

    @app.exception_handler(StaffpulseError)
    async def _domain(request: Request, exc: StaffpulseError) -> Response:
        titles = {
            404: "Not found",
            503: "Not available yet",
            400: "That did not work",
            401: "The platform refused the request",
            402: "No API credits left",
            429: "The platform asks us to wait",
            502: "The platform did not answer properly",
        }
        status = status_for(exc)
        title = titles.get(status, "Something went wrong")
        # an audit's address with a misspelt handle, or the wrong platform: the accounts the
        # message offers open with one click (actions on an account are forms: not offered)
        path = request.url.path
        offered = request.method in ("GET", "HEAD") and path.startswith(("/audit/", "/audit-go"))
        accounts = exc.close if isinstance(exc, NoSuchAccountError) and offered else ()
        return error_page(request, status, title, exc.message, exc.hint, accounts)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return error_page(
                request,
                404,
                "Page not found",
                "There is no page at this address.",
                "Use the menu above to find your way.",
            )
        if exc.status_code == 405:
            # the address of a form's action, opened in the address bar or from a bookmark (a
            # GET of /inbox/state): the page the form is on, rather than "Method Not Allowed"
            if request.method in ("GET", "HEAD") and not _wants_json(request):
                return RedirectResponse(way_back(request.url.path)[0], status_code=303)
            return error_page(
                request,
                405,
                "This address takes a form",
                "This address is where a form of the dashboard sends what you chose; it has "
                "no page of its own.",
                "Use the menu above, and the buttons on the page.",
            )
        return error_page(request, exc.status_code, "Request refused", str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_page(
            request,
            500,
            "Something went wrong",
            "staffpulse hit an unexpected problem while preparing this page.",
            "Try again; if it keeps happening, the terminal running staffpulse shows details.",
        )


def create_app(settings: WebSettings) -> FastAPI:
    """The dashboard for one store. See ``docs/web.md``."""
    from staffpulse.web import (
        routes_bench,
        routes_bench_export,
        routes_core,
        routes_fetch,
        routes_help,
        routes_import,
        routes_inbox,
        routes_inbox_marks,
        routes_people,
        routes_refresh,
        routes_sample,
        routes_settings,
    )

    app = FastAPI(title="staffpulse", docs_url=None, redoc_url=None, openapi_url=None)
    csrf = Csrf()
    backend = Backend(settings)
    mask = SecretMaskFilter(filter(None, (get_secret(name) for name in SECRET_ENV)))
    install_log_filter(mask)
    jobs = JobManager(on_finish=lambda _job: backend.invalidate())
    flashes = Flashes()
    renderer = Renderer(csrf, flashes, {"db_path": str(settings.db_path)})
    # what every page says that the renderer cannot know: a hint without the message's words
    # again, and whether the sample is shown instead of the user's store (routes_sample)
    renderer.env.globals.update(web_hint=web_hint, showing_sample=settings.showing_sample)
    slow = SlowPages(jobs, backend)
    app.state.web = WebContext(settings, csrf, backend, jobs, renderer, mask, slow, flashes)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.hosts())
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(HeadAsGetMiddleware)
    css = report_css()

    @app.get("/assets/report.css", include_in_schema=False)
    def _report_css() -> PlainTextResponse:
        return PlainTextResponse(
            css, media_type="text/css", headers={"cache-control": "max-age=3600"}
        )

    app.mount("/static", StaticFiles(packages=[("staffpulse.web", "static")]), name="static")
    for module in (
        routes_core,
        routes_bench,
        routes_bench_export,
        routes_inbox,
        routes_inbox_marks,
        routes_people,
        routes_import,
        routes_fetch,
        routes_refresh,
        routes_settings,
        routes_help,
        routes_sample,
    ):
        app.include_router(module.router)
    _install_handlers(app)
    app.router.on_shutdown.append(jobs.shutdown)
    return app


def form_value(form: dict[str, Any], name: str, default: str = "") -> str:
    value = form.get(name, default)
    return value.strip() if isinstance(value, str) else default
