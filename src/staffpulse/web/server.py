"""Run the dashboard with uvicorn: ``staffpulse serve`` and ``staffpulse demo --serve``."""

from __future__ import annotations

import contextlib
import errno
import socket
import threading
import time
import urllib.request
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
        # uvicorn's own lines ("INFO Uvicorn running on ... (Press CTRL+C to quit)") repeated
        # the announcement in other words, with a timestamp: only its warnings and errors
        "uvicorn": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "uvicorn.access": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "staffpulse": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}


# how many ports past a taken one are tried for a free one to suggest
PORTS_TRIED = 20
# the first words of the dashboard's script: what tells its server from another program's
DASHBOARD_MARK = b"// staffpulse dashboard"


def _bind(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host.strip("[]"), port))


def check_port(host: str, port: int) -> None:
    """A clear message when the port is taken, before uvicorn prints a traceback."""
    try:
        _bind(host, port)
    except socket.gaierror:  # "256.1.1.1", "localhots": not an address of this machine
        raise InputError(
            f"cannot listen on {host}: not a host name or address this computer has",
            hint="leave --host out (127.0.0.1: this computer only), or give one of its "
            "addresses, e.g. 0.0.0.0 for every network",
        ) from None
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise InputError(
                f"cannot listen on {host}:{port} ({exc.strerror or exc})",
                hint="check --host and --port (ports under 1024 need administrator rights)",
            ) from None
        free = _free_port_after(host, port)
        beside = f"--port {free}" if free else "another --port"
        if _dashboard_at(host, port):
            # most often the dashboard started earlier in another window and left running
            raise InputError(
                f"a staffpulse dashboard already runs at {dashboard_url(host, port)}",
                hint="open that address in your browser (it may show another store), or stop "
                f"it with Ctrl-C in its window; to run this one beside it, use {beside}",
            ) from None
        raise InputError(
            f"cannot listen on {host}:{port} ({exc.strerror or exc})",
            hint=f"another program uses port {port}: use {beside}",
        ) from None


def _free_port_after(host: str, port: int) -> int | None:
    """The first free port after ``port``, so that the advice is one that works."""
    for candidate in range(port + 1, min(port + PORTS_TRIED, 65535) + 1):
        try:
            _bind(host, candidate)
        except OSError:
            continue
        return candidate
    return None


def _dashboard_at(host: str, port: int) -> bool:
    """Whether a staffpulse dashboard answers on ``port`` (its script, which computes nothing;
    never through a proxy)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(dashboard_url(host, port) + "static/app.js", timeout=2) as answer:
            return bool(answer.read(len(DASHBOARD_MARK)) == DASHBOARD_MARK)
    except (OSError, ValueError):  # no answer, an error status, not HTTP
        return False


def dashboard_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    if ":" in shown and not shown.startswith("["):  # an IPv6 address is bracketed in a URL
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def warm_charts() -> None:
    """Draw a chart once, away from any page. The charts' engine (vl-convert starts a
    JavaScript engine) takes about a second the first time it draws, and that second was
    added to the first audit a marketer opened (0.9 s of 1.0 s on a 1,000-post account);
    started with the server, it is ready by then. A failure here is the first page's to
    report, as it would have been."""
    from staffpulse.report import charts

    # the page that draws a chart says what went wrong, if anything does
    with contextlib.suppress(Exception):
        charts.pillar_bars([("Face", 50)])


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
    from staffpulse.web.server_stop import make_server

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
    lines = [f"staffpulse dashboard: {url}  (store: {db_path})"]
    if host not in LOOPBACK_HOSTS:
        lines.append(
            "warning: the dashboard is reachable from other machines on your network; "
            "it has no login. Use --host 127.0.0.1 unless you really mean it."
        )
    lines.append("Press Ctrl-C to stop.")
    threading.Thread(target=warm_charts, name="staffpulse-charts", daemon=True).start()
    config = uvicorn.Config(
        app, host=host.strip("[]"), port=port, log_config=LOG_CONFIG, access_log=False
    )
    server = make_server(uvicorn, config)  # its scoring workers end with it
    opened = (lambda: webbrowser.open(url)) if open_browser else None
    announce_when_listening(server, lines, announce, then=opened)
    server.run()


def announce_when_listening(
    server: Any,
    lines: list[str],
    announce: Callable[[str], None],
    *,
    then: Callable[[], object] | None = None,
) -> threading.Thread:
    """Say ``lines`` (the address first), then call ``then`` (open the browser), once
    ``server`` (a uvicorn server) listens: said before it started, the address was refused
    for seconds on a busy computer. Nothing is said when the server stops before that."""

    def wait() -> None:
        while not server.started:
            if server.should_exit:
                return
            time.sleep(0.05)
        for line in lines:
            announce(line)
        if then is not None:
            then()

    waiting = threading.Thread(target=wait, name="staffpulse-announce", daemon=True)
    waiting.start()
    return waiting
