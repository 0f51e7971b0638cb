"""Server-side rendering: one Jinja2 environment (autoescape on) over the dashboard's templates
and the HTML report's, so the audit and benchmark pages show exactly the report's content.

The report's pages extend ``base.html.j2``; the dashboard ships its own ``base.html.j2`` that
places their blocks inside the dashboard layout (navigation, flash messages).
"""

from __future__ import annotations

import os
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from staffpulse.account_refs import parse_account_ref
from staffpulse.audit.types import PILLAR_NOT_SCORED
from staffpulse.connect.left_out import left_out_text
from staffpulse.handles import PLATFORMS
from staffpulse.models import platform_name
from staffpulse.report.counts import count_of
from staffpulse.report.html import audit_context
from staffpulse.report.html import environment as report_environment
from staffpulse.report.inline_code import code_as_html
from staffpulse.signals.role_labels import role_label
from staffpulse.web.flash import Flashes
from staffpulse.web.links import audit_url, fetch_url, inbox_url
from staffpulse.web.security import CSRF_COOKIE, Csrf
from staffpulse.web.wording import mentions_formats, web_text

if TYPE_CHECKING:
    from staffpulse.audit.types import AuditResult
    from staffpulse.benchmark.engine import BenchmarkResult

NAV = (
    ("home", "/", "Accounts"),
    ("benchmark", "/benchmark", "Benchmark"),
    ("inbox", "/inbox", "Inbox"),
    ("connect", "/connect", "Connect"),
    ("import", "/import", "Import"),
    ("settings", "/settings", "Settings"),
)


#: Set (to anything) to render with StrictUndefined: a misspelt variable then fails the page
#: instead of printing nothing. The tests set it (tests/conftest.py); a user's dashboard
#: stays lenient, since the report's templates may gain context the dashboard does not know.
STRICT_TEMPLATES_ENV = "STAFFPULSE_STRICT_TEMPLATES"


def _initial(*names: str | None) -> str:
    """The letter an account's card shows for its picture: the first letter or digit of the
    first name that has one (a display name typed as ``<b>x</b>`` showed "<"), else "?"."""
    for name in names:
        for char in name or "":
            if char.isalnum():
                return char.upper()
    return "?"


def _number(value: float | int | None) -> str:
    """A count as a person reads it ("1,986"); a number a form or address carries is printed
    without this filter, so it stays one a browser can send back ("1986")."""
    return "" if value is None else f"{value:,}"


def account_words(value: str) -> str:
    """An account as a picker writes it, ``@acme (x)``, as a sentence says it: ``@acme on
    X`` (the setting keeps the platform's key, a sentence its name); anything else as is."""
    handle, platform = parse_account_ref(value)
    if platform not in PLATFORMS:
        return value
    return f"@{handle.lstrip('@')} on {platform_name(platform)}"


# where a name of one word reads as two: "Recruiting|Support", "ShiftDesk|Help", "hr_|desk"
_NAME_BREAKS = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=_)")


def name_breaks(name: str) -> Markup:
    """``name``, escaped, with line-break chances between its joined words: in a card's
    narrow head "RecruitingSupport" broke as "RecruitingSuppor|t" (a name with no such joint
    still breaks where it must, by the page's CSS)."""
    return Markup("<wbr>").join(escape(part) for part in _NAME_BREAKS.split(name))


# The pages an audit's advice names, which the dashboard links for the account audited
_PLACES = re.compile("your inbox|the Import page|Supported formats")


def linked_places(text: str, platform: str, handle: str) -> Markup:
    """An audit's advice, escaped, with the pages it names linked for the account: "your
    inbox" opens the Inbox as it, "the Import page" the live fetch filled in with it (the
    step that sends a marketer there is about this account: fetch its picture or its newer
    posts), so no step leaves the reader to find the place and type the handle again. "See
    “Supported formats”" (how to import a picture) opens that page: no menu names it."""
    places = {
        "your inbox": inbox_url(platform, handle),
        "the Import page": fetch_url(platform, handle),
        "Supported formats": "/help/formats",
    }
    parts: list[Markup] = []
    start = 0
    for found in _PLACES.finditer(text):
        parts.append(escape(text[start : found.start()]))
        parts.append(Markup('<a href="{}">{}</a>').format(places[found[0]], found[0]))
        start = found.end()
    parts.append(escape(text[start:]))
    return Markup("").join(parts)


def build_environment(*, strict: bool | None = None) -> Environment:
    """The dashboard's environment; ``strict`` (default: :data:`STRICT_TEMPLATES_ENV` is set)
    makes an undefined variable an error rather than an empty string."""
    if strict is None:
        strict = bool(os.environ.get(STRICT_TEMPLATES_ENV))
    env = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("staffpulse.web", "templates"),
                PackageLoader("staffpulse.report", "templates"),
            ]
        ),
        autoescape=True,
        # Lenient for users: the report's templates may gain context the dashboard does not
        # know yet. Strict in the tests, so such a gap (or a typo) is found there.
        undefined=StrictUndefined if strict else ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # The report's own filters (pct, when, count, safe_link, ...) and globals, so its templates
    # render here unchanged; then the dashboard's own.
    report_env = report_environment()
    env.filters.update(report_env.filters)
    env.globals.update(report_env.globals)
    env.tests.update(report_env.tests)
    env.filters.update(
        number=_number,
        plural=count_of,
        web=web_text,
        role=role_label,
        account=account_words,
        initial=_initial,
        name_breaks=name_breaks,
    )
    # the report's advice, said the page's way
    env.filters.update(advice=page_advice, report_words=web_text)
    env.globals.update(
        nav=NAV,
        mentions_formats=mentions_formats,
        audit_url=audit_url,
        inbox_url=inbox_url,
        linked_places=linked_places,
        left_out_text=left_out_text,
        # why a card's pillar is "n/a", in the benchmark report's words: the cards said
        # "nothing to judge" of a firm whose 50 posts are in Spanish
        not_scored_why=PILLAR_NOT_SCORED,
    )
    return env


def page_advice(text: object) -> Markup:
    """Advice a report template shows, in the dashboard's words rather than a report's."""
    return code_as_html(web_text(str(text)))


_DOWNLOADS: Environment | None = None


def render_audit_download(
    result: AuditResult, benchmark: BenchmarkResult | None, *, sample: bool
) -> str:
    """The audit as the report file (``staffpulse audit --html`` writes the same page), as the
    dashboard's "Download as HTML report" gives it: its advice in the page's words. The file
    from the dashboard told a marketer to "Run `staffpulse fetch x @acme` (with your --db, if
    you use one)"; the page's words name the Import page instead, without the page's links
    (a file has no dashboard to link to)."""
    global _DOWNLOADS
    if _DOWNLOADS is None:
        report = report_environment()
        # the report's own templates first (its base page, not the dashboard's), then the
        # dashboard's audit_download.html, which overrides the advice blocks
        env = report.overlay(
            loader=ChoiceLoader(
                [
                    PackageLoader("staffpulse.report", "templates"),
                    PackageLoader("staffpulse.web", "templates"),
                ]
            )
        )
        # the report's own left unchanged
        env.filters = {
            **report.filters,
            "web": web_text,
            "advice": page_advice,
            "report_words": web_text,
        }
        _DOWNLOADS = env
    context = audit_context(result, benchmark, sample=sample)
    return _DOWNLOADS.get_template("audit_download.html").render(**context)


def report_css() -> str:
    """The HTML report's stylesheet (``report/templates/report.css``, which the report's
    ``base.html.j2`` includes inline), so the dashboard and the reports always look the same."""
    return (
        resources.files("staffpulse.report")
        .joinpath("templates/report.css")
        .read_text(encoding="utf-8")
    )


class Renderer:
    def __init__(
        self, csrf: Csrf, flashes: Flashes | None = None, globals_: dict[str, Any] | None = None
    ) -> None:
        self.env = build_environment()
        self.csrf = csrf
        self.flashes = flashes or Flashes()
        self.env.globals.update(globals_ or {})

    def token_for(self, request: Request) -> tuple[str, bool]:
        """The browser's CSRF token, and whether a new one must be set as a cookie."""
        current = request.cookies.get(CSRF_COOKIE)
        if current and self.csrf.valid(current):
            return current, False
        return self.csrf.new_token(), True

    def page(
        self,
        request: Request,
        template: str,
        *,
        active: str = "",
        status_code: int = 200,
        **context: Any,
    ) -> HTMLResponse:
        token, fresh = self.token_for(request)
        html = self.env.get_template(template).render(
            request=request,
            csrf_token=token,
            active=active,
            notice=_notice(request),
            flash=self.flashes.get(request.query_params.get("flash")),
            **context,
        )
        response = HTMLResponse(html, status_code=status_code)
        if fresh:
            set_csrf_cookie(response, token)
        return response


def set_csrf_cookie(response: Response, token: str) -> None:
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")


NOTICES = {
    "saved": "Saved.",
    "cleared": "Removed.",
    "joined": "Marked as joined. Nice work: conversations are how firms get noticed.",
    # it can come back: the page lists it under "Dismissed", with a Reopen button
    "dismissed": "Dismissed. It is listed under “Dismissed” at the foot of the page, where "
    "Reopen brings it back.",
    # a post the inbox leaves out (a job ad) goes back to that list, not among the open ones
    "reopened": "Reopened: back in the inbox, or, if it is of a kind the inbox leaves out (a "
    "job ad, a joke), in the list “Left out” at the foot of the page.",
    "recorded": "Audit saved to the history: the next audit will show what changed.",
    "cohort-removed": "Cohort removed: the benchmark now ranks the accounts in the store with "
    "enough posts of their own.",
}


def _notice(request: Request) -> str | None:
    key = request.query_params.get("notice")
    return NOTICES.get(key or "")
