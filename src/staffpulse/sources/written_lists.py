"""Lists a program wrote into one cell of a CSV: mentions, hashtags, links.

twarc2 csv writes ``entities.mentions`` as JSON (``["@jane", "@bob"]``); with
``--no-json-encode-lists``, and pandas writing a DataFrame of lists to CSV, it is as Python
writes a list (``['@jane', '@bob']``). Split at its spaces and commas as words are, such a
cell gave handles such as ``['@jane'`` stored as the post's mentions.
"""

from __future__ import annotations

import ast
import json


def written_list(value: str) -> list[str] | None:
    """The items of a list written in a cell: as JSON (``["@jane", "@bob"]``) or as Python
    writes a list (``['@jane', '@bob']``: pandas, twarc2 csv ``--no-json-encode-lists``),
    blanks left out; None for a cell that is no such list (words, to split as they are)."""
    if not value.lstrip().startswith("["):
        return None
    try:
        parsed = json.loads(value)
    except json.JSONDecodeError:
        try:
            parsed = ast.literal_eval(value.strip())  # literals only: nothing in it is run
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return None
    if not isinstance(parsed, list):
        return None
    return [str(item) for item in parsed if item is not None and str(item).strip()]
