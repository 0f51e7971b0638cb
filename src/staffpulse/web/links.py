"""Addresses of the dashboard's pages for an account, safe for any stored handle.

Handles come from imported files, so they can hold anything: ``a/b``, ``?``, ``#`` or just
``..``. Each is percent-encoded as one path segment (the audit routes read the rest of the
path as the handle, so an encoded ``/`` arrives whole). A handle of dots alone cannot be a
segment at all: browsers resolve ``.`` and ``..`` (even written ``%2E%2E``) as steps up the
path before sending the request, so such a handle is written ``@..``; the store's lookup
ignores a leading ``@``. The benchmark page's links (``templates/benchmark.html``) use it too.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode


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
