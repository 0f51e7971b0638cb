"""Where a reader of a report finds the staffpulse documentation: the address the installed
package declares (``[project.urls]`` in pyproject.toml), when it is a real one.

A report is mailed to a client, who has no checkout of staffpulse: a repository path
(``docs/models``) opens nothing for them. The package's address may be a placeholder
(``https://example.invalid/...``: the names RFC 2606 and RFC 6761 reserve never resolve), and
a link that goes nowhere is worse than none, so such an address is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.metadata import PackageNotFoundError, metadata
from urllib.parse import urlsplit

# The labels [project.urls] may give the documentation, the most fitting first
_LABELS = ("documentation", "docs", "homepage", "home", "source", "repository")
# Names reserved for examples and tests: they never reach a site
_RESERVED_TOPS = frozenset({"invalid", "example", "test", "localhost", "local"})
_RESERVED_DOMAINS = frozenset({"example.com", "example.org", "example.net"})


@cache
def _declared() -> tuple[str, ...]:
    try:
        return tuple(metadata("staffpulse").get_all("Project-URL") or ())
    except PackageNotFoundError:  # run from a source tree that was never installed
        return ()


def is_public_address(url: str) -> bool:
    """Whether ``url`` is a web address a reader can open: http(s), a dotted host name that
    is not one reserved for examples (``example.invalid``, ``docs.example.com``)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.scheme not in ("http", "https") or "." not in host:
        return False
    if host.rsplit(".", 1)[-1] in _RESERVED_TOPS:
        return False
    return not any(host == name or host.endswith("." + name) for name in _RESERVED_DOMAINS)


def documentation_url(declared: Iterable[str] | None = None) -> str | None:
    """The address of the staffpulse documentation the package declares, or None.

    ``declared`` holds the package's ``Project-URL`` entries (``"Homepage, https://..."``);
    by default those of the installed package. A documentation address comes before the
    home page, then the source; a placeholder address is none."""
    found: dict[str, str] = {}
    for entry in _declared() if declared is None else declared:
        label, _, url = entry.partition(",")
        found.setdefault(label.strip().lower(), url.strip())
    return next(
        (found[label] for label in _LABELS if is_public_address(found.get(label, ""))), None
    )
