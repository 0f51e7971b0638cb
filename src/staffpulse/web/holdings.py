"""What a store holds, for a page that has nothing of its own to show.

Each page needs a different part of the store: the Inbox needs posts (anyone's), the home,
Benchmark, audit and Connect pages need accounts with posts of their own. A store filled by
``listen bluesky --from FILE`` holds posts and no account (a recording of posts carries no
profile), so "Import data first" there told a user that listening kept nothing while the Inbox
had conversations to offer. The page of an empty part says what the store does hold and which
page shows it. The counting and its words are the library's (:mod:`staffpulse.holdings`),
which the terminal's benchmark says too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from staffpulse.holdings import Holdings, holdings_of

if TYPE_CHECKING:
    from staffpulse.web.data import Backend

__all__ = ["Holdings", "store_holdings"]


def store_holdings(backend: Backend) -> Holdings:
    """What the store shown holds (from the counts the backend keeps until the next import)."""
    return holdings_of(backend.stats(), graded=len(backend.with_posts()))
