"""How a count is written for people: ``1 post``, ``1,986 posts``, ``2 people``.

One function, so the terminal, the HTML reports and the dashboard agree in number and in
thousands separators.
"""

from __future__ import annotations


def count_of(n: int | None, noun: str, plural: str | None = None) -> str:
    """The count with thousands separators and its noun agreeing (``None`` counts as 0)."""
    count = n or 0
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"
