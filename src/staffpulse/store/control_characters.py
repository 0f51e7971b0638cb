"""Control characters in a text, bio or display name, dropped before they are stored.

A NUL, an ESC or a BEL in a post or a bio (a broken export, a copy from a terminal, a post a
platform serves as its author wrote it) is shown by no one: a terminal acts on it instead (ESC
starts a sequence that recolours or moves the screen, BEL rings), an HTML page or a CSV opened
in a spreadsheet shows a box or cuts the cell. Every place that shows the store's words would
have to guard against them, so they never get in: each C0 control but tab, line feed and
carriage return (a line break written on Windows) is dropped from every row the store writes,
whether imported, fetched or listened to. The raw payload is kept as it came.
"""

from __future__ import annotations

import dataclasses
import re

from staffpulse.models import Account, Follow, Post

_CONTROLS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def without_controls(value: str) -> str:
    """``value`` without the C0 controls but tab and line breaks."""
    return _CONTROLS_RE.sub("", value)


def row_without_controls(row: Account | Post | Follow) -> Account | Post | Follow:
    """``row`` with its words free of control characters: the same object when it had none."""
    if isinstance(row, Post) and _CONTROLS_RE.search(row.text):
        return dataclasses.replace(row, text=without_controls(row.text))
    if isinstance(row, Account):
        # a row may leave its name or bio as None; the store writes that as "" anyway
        name, bio = row.display_name or "", row.bio or ""
        if _CONTROLS_RE.search(name + bio):
            return dataclasses.replace(
                row, display_name=without_controls(name), bio=without_controls(bio)
            )
    return row
