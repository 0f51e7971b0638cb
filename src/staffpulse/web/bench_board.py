"""The Benchmark page's leaderboard of a big cohort, a page at a time.

A cohort of 2,000 accounts made a page of 5.8 MB (3.3 MB of leaderboard rows, 2.5 MB of
strips) that took seconds to show. Above :data:`BOARD_PAGE` accounts the leaderboard shows
that many rows at a time, with Previous/Next, a search that finds an account by handle, name
or pasted address (its rank kept), and an order by any pillar; the strips, above
:data:`STRIPS_INLINE` accounts, load when scrolled to (``/benchmark/strips``). The downloads
(HTML report, CSV) still hold every account, and a printed page says it holds only its rows
(:attr:`Board.printed_words`). A smaller cohort's page is the report's, whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from staffpulse.audit.types import PILLAR_TITLES
from staffpulse.report.counts import count_of
from staffpulse.web.forms import bounded_int
from staffpulse.web.pickers import filter_by_search

BOARD_PAGE = 100  # leaderboard rows a page shows
STRIPS_INLINE = 300  # accounts whose strips are drawn in the page itself

Row = dict[str, Any]


@dataclass(frozen=True)
class Board:
    """The rows one page of the leaderboard shows, and how to reach the others."""

    rows: list[Row]
    total: int  # accounts ranked
    matched: int  # accounts the search found (every account without a search)
    page: int
    pages: int
    find: str  # the search as typed
    sort: str  # "overall" (the ranking) or a pillar's key
    sorts: list[tuple[str, str]]  # the orders offered: key, words

    @property
    def first(self) -> int:
        return (self.page - 1) * BOARD_PAGE + 1

    @property
    def last(self) -> int:
        return (self.page - 1) * BOARD_PAGE + len(self.rows)

    @property
    def sort_words(self) -> str:
        return dict(self.sorts)[self.sort]

    @property
    def printed_words(self) -> str:
        """What a printout of the page holds, said on paper: only the rows shown, which
        without a word would pass for the whole cohort."""
        if not self.rows:
            none = f"none of the {self.total:,} ranked matches “{self.find}”"
            return f"This printout holds no account: {none}."
        if self.find:
            verb = "matches" if self.matched == 1 else "match"
            found = f"{count_of(self.matched, 'account')} of the {self.total:,} ranked that {verb}"
            held = f"the {found} “{self.find}”"
            if self.pages > 1:
                held = f"{self.first:,}–{self.last:,} of {held}"
        else:
            held = f"accounts {self.first:,}–{self.last:,} of the {self.total:,} ranked"
        order = f", by {self.sort_words}" if self.sort != "overall" else ""
        return f"This printout holds {held}{order}."

    def link(self, page: int) -> str:
        """The address of another page of the same search and order."""
        query = {"find": self.find, "sort": self.sort if self.sort != "overall" else ""}
        kept = {k: v for k, v in query.items() if v}
        return "/benchmark?" + urlencode({**kept, "page": page}) + "#leaderboard"


def leaderboard_page(rows: list[Row], params: dict[str, str]) -> Board | None:
    """The page of ``rows`` the query ``params`` ask for (``find``, ``sort``, ``page``); None
    when the leaderboard is short enough to show whole."""
    if len(rows) <= BOARD_PAGE:
        return None
    sorts = [("overall", "Overall (the ranking)"), *PILLAR_TITLES.items()]
    sort = params.get("sort", "overall")
    sort = sort if sort in dict(sorts) else "overall"
    find = params.get("find", "").strip()[:200]
    # as the Accounts page searches: a pasted profile address or ``@acme (x)`` finds that account
    matches = filter_by_search(
        rows, find, lambda r: (r["platform"], r["handle"], r.get("display_name"))
    )
    if sort != "overall":  # highest first, the unscored last; ties keep their rank's order
        matches = sorted(matches, key=lambda r: (r[sort] is None, -(r[sort] or 0)))
    pages = max(1, -(-len(matches) // BOARD_PAGE))
    raw = params.get("page", "1")
    page = bounded_int(raw, 1, 1, pages)
    shown = matches[(page - 1) * BOARD_PAGE : page * BOARD_PAGE]
    return Board(shown, len(rows), len(matches), page, pages, find, sort, sorts)


def strips_later(url: str, accounts: int, report: str) -> Markup:
    """Where a big cohort's strips go until they are scrolled to (the Benchmark page's, an
    audit's): a note with the link to their own page ``url``, which the page's script replaces
    with the chart. Printed before that, the page would say "scroll to it" on paper: there it
    says the chart is whole in the HTML report (``report``, the page's download)."""
    return Markup(
        '<div class="strips-later" data-strips="{url}" aria-live="polite">'
        '<p class="faint screen-only">{n} accounts make a big chart: it is drawn when you scroll'
        ' to it. <a href="{url}">Open the chart on its own page</a></p>'
        '<p class="faint print-only">The chart of the {n} accounts is not in this printout:'
        ' it is in the HTML report (<a href="{report}">Download as HTML report</a>).</p></div>'
    ).format(url=url, n=f"{accounts:,}", report=report)
