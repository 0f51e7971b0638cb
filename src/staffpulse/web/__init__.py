"""The web dashboard (extra ``web``): ``staffpulse serve`` and ``staffpulse demo --serve``.

FastAPI is imported lazily, so ``import staffpulse.web`` works without the extra; calling
:func:`serve_app` or :func:`create_app` without it raises ``MissingExtraError`` naming
``pip install 'staffpulse[web]'``. See ``docs/web.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from staffpulse.extras import require
from staffpulse.web.settings import WebSettings

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["WebSettings", "create_app", "serve_app"]


def create_app(settings: WebSettings) -> FastAPI:
    require("fastapi", extra="web", feature="The web dashboard")
    from staffpulse.web.app import create_app as _create

    return _create(settings)


def serve_app(
    db_path: Path, host: str = "127.0.0.1", port: int = 8000, open_browser: bool = False, **kw: Any
) -> None:
    """Serve the dashboard on the store at ``db_path`` until Ctrl-C (see ``server.serve_app``)."""
    from staffpulse.web.server import serve_app as _serve

    _serve(db_path, host, port, open_browser, **kw)
