"""Run the dashboard with uvicorn: ``staffpulse serve`` and ``staffpulse demo --serve``."""

from __future__ import annotations

import errno
import socket
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import Any

from staffpulse.errors import InputError
from staffpulse.extras import require
from staffpulse.web.settings import DEFAULT_MAX_UPLOAD_BYTES, LOOPBACK_HOSTS, WebSettings

LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "uvicorn": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "uvicorn.access": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "staffpulse": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}


def check_port(host: str, port: int) -> None:
    """A clear message when the port is taken, before uvicorn prints a traceback."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except socket.gaierror:  # "256.1.1.1", "localhots": not an address of this machine
            raise InputError(
                f"cannot listen on {host}: not a host name or address this computer has",
                hint="leave --host out (127.0.0.1: this computer only), or give one of its "
                "addresses, e.g. 0.0.0.0 for every network",
            ) from None
        except OSError as exc:
            in_use = exc.errno == errno.EADDRINUSE
            raise InputError(
                f"cannot listen on {host}:{port} ({exc.strerror or exc})",
                hint=f"another program uses port {port}: try --port {port + 1}"
                if in_use
                else "check --host and --port (ports under 1024 need administrator rights)",
            ) from None


def dashboard_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    return f"http://{shown}:{port}/"


def serve_app(
    db_path: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    open_browser: bool = False,
    *,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    cohort_file: Path | None = None,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the dashboard for the store at ``db_path`` until Ctrl-C."""
    require("fastapi", extra="web", feature="The web dashboard")
    uvicorn = require("uvicorn", extra="web", feature="The web dashboard")
    from staffpulse.store import open_store
    from staffpulse.web.app import create_app

    open_store(db_path).close()  # create and migrate it now: errors show before the server starts
    check_port(host, port)
    settings = WebSettings(
        db_path=Path(db_path),
        host=host,
        port=port,
        max_upload_bytes=max_upload_bytes,
        cohort_file=cohort_file,
    )
    app = create_app(settings)
    url = dashboard_url(host, port)
    announce(f"staffpulse dashboard: {url}  (store: {db_path})")
    if host not in LOOPBACK_HOSTS:
        announce(
            "warning: the dashboard is reachable from other machines on your network; "
            "it has no login. Use --host 127.0.0.1 unless you really mean it."
        )
    announce("Press Ctrl-C to stop.")
    if open_browser:
        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    uvicorn.run(app, host=host.strip("[]"), port=port, log_config=LOG_CONFIG, access_log=False)
