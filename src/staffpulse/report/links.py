"""Which addresses from imported data a page may turn into links.

A post's or an account's URL comes straight from an imported file, and autoescaping does not
stop a ``javascript:`` or ``data:`` address from running when clicked. Every page that links
to such an address (the HTML reports, the dashboard, the inbox page) passes it through
:func:`safe_link` first.
"""

from __future__ import annotations

_WEB_SCHEMES = ("https://", "http://")


def safe_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None (it is shown as no link at all).

    Browsers ignore spaces around an ``href``, so they are trimmed before the scheme is read."""
    if not url:
        return None
    address = url.strip()
    return address if address.lower().startswith(_WEB_SCHEMES) else None
