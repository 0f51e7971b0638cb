"""X's recent search reaches back seven days: a search's resume cursor and ``--since`` fitted
to that window, so that a re-run days later asks X only for what it can still answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from staffpulse.fetch.common import NotifyFn
from staffpulse.fetch.cursors import RangeCursor
from staffpulse.sources.x_ids import time_of_tweet_id

SEARCH_WINDOW = timedelta(days=7)  # recent search only reaches back seven days


def search_stream(query: str) -> str:
    """The ``fetch_cursors`` stream name of a search (account_id is ``""`` for searches)."""
    return f"search:{query.strip()}"


def _oldest_searchable() -> datetime:
    # a minute inside the window: X measures it when the request arrives, a moment later
    return datetime.now(UTC) - SEARCH_WINDOW + timedelta(minutes=1)


def searchable_since(since: datetime | None, notify: NotifyFn) -> datetime | None:
    """``since`` (taken as UTC when naive), or None, saying so, when it is older than the
    window: X would reject it, and the whole window is newer anyway."""
    if since is None:
        return None
    since = since if since.tzinfo else since.replace(tzinfo=UTC)
    if since < _oldest_searchable():
        notify("recent search reaches back seven days only; searching all of them")
        return None
    return since


def fit_search_window(cursor: RangeCursor) -> None:
    """X rejects a ``since_id``/``until_id`` older than the seven-day search window:
    an older ``since_id`` is dropped (everything searchable is newer anyway), and an
    unfinished gap that lies wholly outside the window can no longer be filled."""
    oldest = _oldest_searchable()

    def too_old(post_id: Any) -> bool:
        created = time_of_tweet_id(post_id if isinstance(post_id, str) else None)
        return created is not None and created < oldest

    state = cursor.state
    if too_old(state.get("since_id")):
        state["since_id"] = None
    pending = cursor.pending
    if pending is not None:
        if too_old(pending.get("until_id")):
            cursor.close_pending()
            if too_old(state.get("since_id")):
                state["since_id"] = None
        elif too_old(pending.get("since_id")):
            pending["since_id"] = None
            pending.pop("since_at", None)  # a gap's days start where it does
    older = state.get("older")  # what a capped first run left below: outside, none of it is
    if isinstance(older, dict) and too_old(older.get("until_id")):
        state.pop("older")
    if not state.get("since_id") or not state.get("since_at"):
        state.pop("since_at", None)  # when the newest post read was written, if known
