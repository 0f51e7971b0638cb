"""A post's words quoted on one line, cut to a width: the inbox's lists of openings, the audit's
examples and the audit's swearing caution quote alike (one cut, one ellipsis)."""

from __future__ import annotations


def one_line(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with "…" (no space left before it)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"
