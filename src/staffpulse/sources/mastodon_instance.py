"""Which Mastodon instance served a saved response: status ids are local to it.

A saved file does not say where it was fetched from. The home of its first local account (an
``acct`` without ``@``) tells; failing that, the host that serves its cached remote avatars
(``cdn.fosstodon.org/cache/...`` → ``fosstodon.org``). A file of responses one a line is one
fetch session, so its instance is found over all of its lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from staffpulse.sources.jsonio import iter_json_lines


def host_of(url: str | None) -> str | None:
    return urlsplit(url).netloc or None if url else None


CDN_LABELS = ("cdn", "files", "media", "static", "assets", "s3")


def instance_clues(payload: Any) -> tuple[str | None, dict[str, int]]:
    """The home of the first local account in a response (an ``acct`` without ``@``), and how
    often each host serves its cached remote avatars (``.../cache/...``)."""
    stack = [payload]
    seen = 0
    caches: dict[str, int] = {}
    while stack and seen < 10_000:
        node = stack.pop()
        seen += 1
        if isinstance(node, dict):
            acct, url = node.get("acct"), node.get("url")
            if isinstance(acct, str) and "@" not in acct and isinstance(url, str) and host_of(url):
                return host_of(url), caches
            avatar = node.get("avatar")
            if isinstance(avatar, str) and "/cache/" in avatar and (host := host_of(avatar)):
                caches[host] = caches.get(host, 0) + 1
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend(reversed(node))
    return None, caches


def instance_from_caches(caches: Mapping[str, int]) -> str | None:
    """The instance behind the host that served the most cached avatars (``cdn.x.org`` → x.org)."""
    if not caches:
        return None
    host = max(caches, key=lambda h: caches[h])
    first, _, rest = host.partition(".")
    return rest if first in CDN_LABELS and "." in rest else host


def instance_of(payload: Any) -> str | None:
    """The instance that served a saved response.

    The home of its first local account (an ``acct`` without ``@``); failing that, the host
    that serves cached remote avatars (``.../cache/...``, e.g. ``cdn.fosstodon.org``).
    """
    local, caches = instance_clues(payload)
    return local or instance_from_caches(caches)


def instance_of_lines(path: Path) -> str | None:
    """The instance that served the responses of a file holding one a line (as
    :func:`instance_of` finds it for one response): a first pass over its lines."""
    caches: dict[str, int] = {}
    for _line, payload in iter_json_lines(path):
        local, found = instance_clues(payload)
        if local:
            return local
        for host, count in found.items():
            caches[host] = caches.get(host, 0) + count
    return instance_from_caches(caches)
