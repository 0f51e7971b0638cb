"""How a count is written for people: ``1 post``, ``1,986 posts``, ``2 people``; and a list
of things: ``a, b and c``, ``a, b or c``.

One function each, so the terminal, the HTML reports and the dashboard agree in number, in
thousands separators and in how a list is said.
"""

from __future__ import annotations

from collections.abc import Sequence


def count_of(n: int | None, noun: str, plural: str | None = None) -> str:
    """The count with thousands separators and its noun agreeing (``None`` counts as 0)."""
    count = n or 0
    return f"{count:,} {noun if count == 1 else plural or _plural(noun)}"


def posts_of_its_own(n: int | None) -> str:
    """ "2 posts of its own"; "no post of its own, only reposts" for an account of reposts
    only, not "0 posts": one wording for the league tables in the terminal and in HTML."""
    return f"{count_of(n, 'post')} of its own" if n else "no post of its own, only reposts"


def _plural(noun: str) -> str:
    """English plurals of the nouns we count: reply -> replies, match -> matches, post -> posts."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def join_and(parts: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c`` of the parts that are not empty."""
    return _join(parts, "and")


def join_or(parts: Sequence[str]) -> str:
    """``a``, ``a or b``, ``a, b or c`` of the parts that are not empty: the choices a
    message offers ("use staffing firm, vendor, HR or other")."""
    return _join(parts, "or")


def _join(parts: Sequence[str], last: str) -> str:
    """The parts that are not empty, a comma between each and ``last`` before the final one
    (no comma there: the house style of every message)."""
    kept = [p for p in parts if p]
    if len(kept) <= 1:
        return "".join(kept)
    return f"{', '.join(kept[:-1])} {last} {kept[-1]}"
