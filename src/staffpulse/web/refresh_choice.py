"""What the Refresh page was asked to fetch: whose accounts (the cohort's, an uploaded list's,
or every account fetched live before) and the X budget, read from its address or its form.

A budget that cannot be used sends the page back with the same accounts and the budget as
typed, to be corrected: not to another choice of accounts, nor an empty field.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from staffpulse.errors import InputError
from staffpulse.web.app import WebContext

COHORT, FETCHED, LIST = "cohort", "fetched", "list"
MAX_BUDGET = 1000.0  # USD: a typo's extra zeros are refused, not spent
TYPED = "typed_budget"  # the address's field that shows a refused budget again, as typed
# "5,50" and "5,5": a comma that marks the cents, as much of Europe writes them
_DECIMAL_COMMA = re.compile(r"[0-9]+,[0-9]{1,2}")
# "1,000" and "1,000.50": commas that group the thousands
_GROUPED = re.compile(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?")


@dataclass(frozen=True, slots=True)
class Choice:
    """What the user chose: whose posts (the cohort's, the list's or every account fetched
    before) and the X budget (None: no cap, as the command without --budget)."""

    which: str
    budget: float | None

    def budget_text(self) -> str:
        return "" if self.budget is None else f"{self.budget:.2f}"

    def query(self) -> str:
        fields = {"which": self.which}
        if self.budget is not None:
            fields["budget"] = self.budget_text()
        return urlencode(fields)


def list_file(ctx: WebContext) -> Path:
    """Where a list of accounts uploaded on the Refresh page is kept, next to the store (its
    own name beside it, with ``.name``): a cohort file the benchmark need not rank."""
    db = ctx.settings.db_path
    return db.with_name(db.stem + "-refresh-list.csv")


def read_which(ctx: WebContext, asked: str | None) -> str:
    """The accounts asked for, when the page can fetch them: else the cohort's unless every
    fetched one was asked for (or there is no cohort)."""
    if asked == LIST and list_file(ctx).exists():
        return LIST
    has_cohort = ctx.settings.active_cohort() is not None
    return COHORT if has_cohort and asked != FETCHED else FETCHED


def read_budget(text: str) -> float | None:
    """The X budget typed (``5``, ``$5``, ``1,000``, ``5,50``); None when left empty (no cap);
    an InputError for anything else, or an amount outside 0.01 to :data:`MAX_BUDGET`."""
    raw = text.strip().removeprefix("$").strip()
    if not raw:
        return None
    if _DECIMAL_COMMA.fullmatch(raw):  # "5,50" was read as 550 dollars
        number = raw.replace(",", ".")
    elif "," not in raw or _GROUPED.fullmatch(raw):
        number = raw.replace(",", "")
    else:  # "5,5,0", "1.000,50": which comma means what is a guess
        number = "nan"
    try:
        budget = float(number)
    except ValueError:
        budget = math.nan
    if not 0 < budget <= MAX_BUDGET:  # nan fails this too
        raise InputError(
            f"“{raw[:20]}” is not a budget the refresh can use",
            hint=f"type an amount in US dollars between 0.01 and {MAX_BUDGET:,.0f} (such as 5"
            " or 5.50), or leave the budget empty for no cap",
        )
    return budget


def read_choice(ctx: WebContext, fields: Mapping[str, str]) -> Choice:
    """The page's choice from its address or its form; an InputError for a budget that is
    not an amount (an empty one is no cap)."""
    which = read_which(ctx, fields.get("which"))
    return Choice(which, read_budget(str(fields.get("budget") or "")))


def refused_address(ctx: WebContext, fields: Mapping[str, str]) -> str:
    """The page to go back to when the budget of ``fields`` was refused: the same accounts,
    and the budget as typed in its field."""
    typed = str(fields.get("budget") or "")[:40]
    return "/refresh?" + urlencode({"which": read_which(ctx, fields.get("which")), TYPED: typed})
