"""Where a store keeps its avatar images: the one function that writes one.

Both ways an image arrives end here: an import (an X archive's profile picture, an avatar file
in a ZIP, carried on the account row as :class:`~staffpulse.models.AvatarImage`, saved by
:mod:`staffpulse.ingest`) and a fetch (downloaded by :mod:`staffpulse.fetch.avatars`). The
folder is the store's, :attr:`Store.avatar_folder <staffpulse.store.core.Store.avatar_folder>`,
so a store and its images move and back up together; the audit's Face pillar reads the path.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from staffpulse.models import Account
from staffpulse.store.codec import format_time


def _file_stem(account: Account) -> str:
    # a name any file system takes, whatever the id holds (a Bluesky DID's colons)
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{account.platform}-{account.id}")[:120]


def save_avatar(folder: Path, account: Account, data: bytes, suffix: str) -> str:
    """Write ``data`` as ``account``'s avatar image (``suffix``: ``.png``...) in ``folder``, a
    store's :attr:`~staffpulse.store.core.Store.avatar_folder`, and return its path, the
    account's ``avatar_path``. A later image of the same account replaces the earlier one."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{_file_stem(account)}{suffix}"
    target.write_bytes(data)
    return str(target)


def holds_newer_avatar(conn: sqlite3.Connection, account: Account) -> bool:
    """Whether the store holds an avatar image of ``account`` from a profile observed after
    this row's: an older archive imported later must not put back the old picture, as its
    older bio does not replace the newer (:mod:`staffpulse.store.upsert_sql`). A row or a
    stored profile of unknown time is not older: its image is saved, as before."""
    observed = format_time(account.observed_at)
    if observed is None:
        return False
    found = conn.execute(
        "SELECT 1 FROM accounts WHERE platform = ? AND id = ? AND avatar_path IS NOT NULL"
        " AND observed_at IS NOT NULL AND observed_at > ?",
        (account.platform, account.id, observed),
    ).fetchone()
    return found is not None
