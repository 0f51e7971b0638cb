"""Accent folding, so words typed with or without accents match ("Intérim" and "interim")."""

from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """``text`` with its combining accents removed: "résumé" is "resume", "Zürich" "Zurich"."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
