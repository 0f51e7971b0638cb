"""Help pages the dashboard serves itself (it works offline, so it cannot link to the web)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from staffpulse.web.app import web

router = APIRouter()


@router.get("/help/formats", response_class=HTMLResponse)
def formats_page(request: Request) -> HTMLResponse:
    """What each importable file looks like: the essentials of ``docs/formats.md``."""
    return web(request).renderer.page(request, "formats.html", active="import")
