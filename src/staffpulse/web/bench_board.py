"""The Benchmark page's leaderboard of a big cohort, a page at a time.

A cohort of 2,000 accounts made a page of 5.8 MB (3.3 MB of leaderboard rows, 2.5 MB of
strips) that took seconds to show. Above :data:`BOARD_PAGE` accounts the leaderboard shows
that many rows at a time, with Previous/Next, a search that finds an account by handle, name
or pasted address (its rank kept), and an order by any pillar; the strips, above
:data:`STRIPS_INLINE` accounts, load when scrolled to (``/benchmark/strips``). The downloads
(HTML report, CSV) still hold every account. A smaller cohort's page is the report's, whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from staffpulse.audit.types import PILLAR_TITLES
from staffpulse.web.pickers import search_terms

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
    matches = _matching(rows, find)
    if sort != "overall":  # highest first, the unscored last; ties keep their rank's order
        matches = sorted(matches, key=lambda r: (r[sort] is None, -(r[sort] or 0)))
    pages = max(1, -(-len(matches) // BOARD_PAGE))
    raw = params.get("page", "1")
    page = min(pages, max(1, int(raw))) if raw.isdigit() else 1
    shown = matches[(page - 1) * BOARD_PAGE : page * BOARD_PAGE]
    return Board(shown, len(rows), len(matches), page, pages, find, sort, sorts)


def _matching(rows: list[Row], find: str) -> list[Row]:
    """The rows whose handle or name holds every word of the search (as the Accounts page
    searches: a pasted profile address or ``@acme (x)`` finds that account)."""
    words, platform = search_terms(find)
    if not words:
        return [] if find else rows
    return [
        r
        for r in rows
        if (platform is None or r["platform"] == platform)
        and all(w in f"{r['handle']} {r.get('display_name') or ''}".lower() for w in words)
    ]
