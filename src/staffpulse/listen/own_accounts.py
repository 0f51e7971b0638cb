"""The firm's own stored accounts, by handle: whose replies mark a conversation joined; and
what the inbox notes when the firm has none in the store."""

from __future__ import annotations

from staffpulse.models import normalize_handle, platform_name
from staffpulse.report.counts import count_of
from staffpulse.store import Store


def resolve_accounts(
    store: Store, handle: str, platform: str | None = None
) -> list[tuple[str, str]]:
    """``(platform, id)`` of every stored account with this handle (or id), on ``platform``
    only when one is given; with no such account, the authors of stored posts signed with
    the handle."""
    rows = store.conn.execute(
        "SELECT platform, id FROM accounts WHERE (handle_norm = ? OR id = ?)"
        " AND (? IS NULL OR platform = ?)",
        (normalize_handle(handle), handle.strip(), platform, platform),
    ).fetchall()
    if found := [(row[0], row[1]) for row in rows]:
        return found
    # posts name their author's handle even where no account row was stored with them (a
    # posts CSV, a stream): the firm's own posts are its own all the same
    rows = store.conn.execute(
        "SELECT DISTINCT platform, author_id FROM posts WHERE author_handle != ''"
        " AND lower(ltrim(trim(author_handle), '@')) = ? AND (? IS NULL OR platform = ?)",
        (normalize_handle(handle), platform, platform),
    ).fetchall()
    return [(row[0], row[1]) for row in rows]


def missing_account_note(handle: str, platform: str | None = None, marked: int = 0) -> str:
    """What the inbox notes when the firm's account is nowhere in the store. Its replies
    cannot be seen, but conversations it marked joined by hand still count as joined
    (``marked``): the note says so, so that it agrees with ``counts.joined``."""
    where = f" on {platform_name(platform)}" if platform else ""  # "on Bluesky", not "bluesky"
    if marked:
        were = "was" if marked == 1 else "were"
        joined = (
            f": the {count_of(marked, 'conversation')} counted as joined {were}"
            " marked joined by hand"
        )
    else:
        joined = " and nothing counts as joined"
    return (
        f"account {handle}{where} is not in the store, so its replies are unknown{joined};"
        " import or fetch its posts first"
    )
