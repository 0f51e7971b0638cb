"""The handles of accounts the store knows only by the id its replies answer.

A reply names the account it answers by id; import keeps the handle beside it when the source
gives one, or reads it from the reply itself (:mod:`staffpulse.sources.reply_handles`). Such an
account has no row of its own until its profile is imported, so connect showed it as
``account id 7001`` and an X list left it out, though the replies named it. These
handles name it here, and the ``@handle`` node the same person's mentions make (no stored
account holds the handle) becomes the id's node: one person, one suggestion.

A handle is taken with care, as it can have moved since the replies were written:

- per account id, the handle of its newest reply (a renamed account's current name);
- never a handle a stored account holds now (the name belongs to that account);
- a handle the replies give to several ids names only the id of its newest reply.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from staffpulse.models import Interaction
from staffpulse.store import Store

# Newest reply first, so the first handle met per id and the first id met per handle win.
# One query per ranking: the ids of reply targets without an account row of their own.
_NAMED_REPLY_TARGETS = """
    SELECT p.reply_to_account_id, lower(p.reply_to_handle)
    FROM posts p
    WHERE p.platform = ?1 AND p.kind = 'reply'
      AND p.reply_to_account_id IS NOT NULL AND p.reply_to_account_id != ''
      AND p.reply_to_handle IS NOT NULL AND p.reply_to_handle != ''
      AND NOT EXISTS (SELECT 1 FROM accounts a
                      WHERE a.platform = p.platform AND a.id = p.reply_to_account_id)
      AND NOT EXISTS (SELECT 1 FROM accounts a INDEXED BY accounts_by_handle
                      WHERE a.platform = p.platform AND a.handle_norm = lower(p.reply_to_handle))
    ORDER BY p.created_at IS NULL, p.created_at DESC, p.id DESC
"""


def read_reply_names(store: Store, platform: str) -> dict[str, str]:
    """Account id -> handle (lower case, no ``@``) of the accounts of ``platform`` known only
    by the id replies answer, named by those replies (see the module's rules)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for account_id, handle in store.conn.execute(_NAMED_REPLY_TARGETS, (platform,)):
        handle = str(handle).lstrip("@")
        if account_id in names or handle in taken or not handle:
            continue
        names[str(account_id)] = handle
        taken.add(handle)
    return names


def merge_named_nodes(
    interactions: Iterable[Interaction], names: Mapping[str, str]
) -> list[Interaction]:
    """The interactions with each ``@handle`` node of a named id made that id's node, so the
    mentions and the replies of one account add up in one node."""
    by_handle = {"@" + handle: account_id for account_id, handle in names.items()}
    if not by_handle:
        return list(interactions)
    merged = []
    for item in interactions:
        source = by_handle.get(item.source_id.lower(), item.source_id)
        target = by_handle.get(item.target_id.lower(), item.target_id)
        if (source, target) != (item.source_id, item.target_id):
            item = replace(item, source_id=source, target_id=target)
        merged.append(item)
    return merged
