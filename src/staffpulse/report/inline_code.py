"""Commands quoted in advice (``Run `staffpulse fetch x @acme```): the backticks mark them
for the reader's eye, not to be shown. The HTML report sets them as ``<code>`` (the rest of
the text escaped as ever), the terminal prints them plain."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_CODE = re.compile(r"`([^`\n]+)`")


def code_as_html(text: object) -> Markup:
    """``text`` escaped, each `quoted command` as ``<code>command</code>``."""
    parts = _CODE.split(str(text))
    # split keeps the commands at the odd places
    return Markup("").join(
        Markup("<code>{}</code>").format(part) if i % 2 else escape(part)
        for i, part in enumerate(parts)
    )


def code_as_plain(text: str) -> str:
    """``text`` with the backticks around quoted commands left out."""
    return _CODE.sub(r"\1", text)
