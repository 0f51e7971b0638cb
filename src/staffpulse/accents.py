"""Accent and apostrophe folding, so words typed with or without accents match ("Intérim" and
"interim"), and with a curly apostrophe or a straight one ("We’re" and "We're")."""

from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """``text`` with its combining accents removed: "résumé" is "resume", "Zürich" "Zurich"."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# patterns and lexicons are written with a straight apostrophe; phones and X type a curly one
# ("We\u2019re hiring!"), and some keyboards an opening quote for it
_STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'"})


def straighten_quotes(text: str) -> str:
    """``text`` with its curly apostrophes (\u2019, \u2018) made straight."""
    return text.translate(_STRAIGHT)
