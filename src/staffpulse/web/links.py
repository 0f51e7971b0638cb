"""Addresses of the dashboard's pages for an account, safe for any stored handle.

Handles come from imported files, so they can hold anything: ``a/b``, ``?``, ``#`` or just
``..``. Each is percent-encoded as one path segment (the audit routes read the rest of the
path as the handle, so an encoded ``/`` arrives whole). A handle of dots alone cannot be a
segment at all: browsers resolve ``.`` and ``..`` (even written ``%2E%2E``) as steps up the
path before sending the request, so such a handle is written ``@..``; the store's lookup
ignores a leading ``@``. The benchmark page's links (``templates/benchmark.html``) use it too.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from urllib.parse import quote, urlencode

# what a downloaded file's name keeps of a handle: characters every system takes in a file
# name, and that the Content-Disposition header can carry (ASCII)
_NOT_IN_FILE_NAMES = re.compile(r"[^A-Za-z0-9._@-]+")
LONGEST_IN_FILE_NAME = 60  # of the handle: a whole name stays far below every system's limit


def handle_segment(handle: str) -> str:
    """``handle`` as one path segment that reaches the server unchanged."""
    segment = quote(handle, safe="")
    return "@" + segment if not segment.strip(".") else segment


def audit_url(platform: str, handle: str, suffix: str = "") -> str:
    """The audit page of an account (``suffix``: ``/report.html`` or ``/record``)."""
    return f"/audit/{quote(platform, safe='')}/{handle_segment(handle)}{suffix}"


def inbox_url(platform: str, handle: str) -> str:
    """The Inbox page as the account sees it: its platform, its replies counted as joined."""
    return "/inbox?" + urlencode({"as": f"@{handle}", "platform": platform})


def inbox_href(
    query: Mapping[str, str], dropped: Iterable[str] = (), anchor: str = "", **changes: str
) -> str:
    """The Inbox page's address as now shown (``query``) with ``changes``, less the ``dropped``
    fields and always less ``notice`` and ``flash``: a message shown once must not come back
    on every link followed after it. ``anchor`` scrolls to a part of the page."""
    gone = {"notice", "flash", *dropped}
    params = {k: v for k, v in query.items() if k not in gone}
    params.update(changes)
    address = "/inbox?" + urlencode(params) if params else "/inbox"
    return address + (f"#{anchor}" if anchor else "")


def fetch_url(platform: str, handle: str) -> str:
    """The Import page with its "Fetch an account live" form filled in for the account, and
    scrolled to it: where an audit's advice to fetch the account leads."""
    return "/import?" + urlencode({"platform": platform, "handle": handle}) + "#fetch"


def download_name(prefix: str, handle: str, suffix: str) -> str:
    """The file name of a download about ``handle``: ``audit-acmestaffing.html``.

    Handles come from imported files: one may hold a ``/``, letters of any script, or 3,000
    characters (a file name is at most 255 bytes). The name keeps the handle when it is short
    and plain; otherwise it keeps the start of what it can and adds a short fingerprint of
    the whole handle, so the downloads of two accounts never get the same name."""
    safe = _NOT_IN_FILE_NAMES.sub("-", handle).strip("-.")
    if safe != handle or len(safe) > LONGEST_IN_FILE_NAME:
        digest = hashlib.sha256(handle.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        safe = "-".join(filter(None, (safe[:LONGEST_IN_FILE_NAME].rstrip("-."), digest)))
    return f"{prefix}-{safe}{suffix}"
