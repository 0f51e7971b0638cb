"""staffpulse's own outputs given back to import: what each is, and what to import instead.

The list ``staffpulse accounts --json`` writes was refused as lacking "type", and the summary
``staffpulse import --json`` writes was told only "not a format staffpulse can import", as if
the user had made them wrong. :func:`why_own_output` (one of
:data:`staffpulse.sources.folders.EXPLAINERS`) names the command that wrote the file, says that
it holds no posts, and what to import: the files an import summary names, or the exports of
the platforms. Such a file is never read as accounts either: its counts would stand for posts
the store does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from staffpulse.sources.folders import EXPLAINERS, WHAT_IT_IS
from staffpulse.sources.jsonio import first_value

# The keys each output is known by (all present in its first object)
ACCOUNTS_KEYS = frozenset({"platform", "id", "handle", "posts", "first_post", "last_post"})
SUMMARY_KEYS = frozenset({"imported", "new", "skipped", "problems", "files"})
STATS_KEYS = frozenset({"accounts", "posts", "follows"})
AUDIT_KEYS = frozenset({"account", "overall", "grade", "pillars"})
# An import summary too long for the file's head to hold whole still starts so
_SUMMARY_START_RE = re.compile(rb'^\s*\{\s*"imported"\s*:\s*\{\s*"accounts"\s*:')
SHOWN_FILES = 3  # of the files an import summary names
EXPORTS = "import the files you exported from X, Bluesky or Mastodon (or fetch them live) instead"


def why_own_output(path: Path, head: bytes) -> str | None:
    """What a file staffpulse itself wrote with ``--json`` is, and what to import instead;
    None for any other file."""
    if path.is_dir():
        return None
    record = first_value(head)
    if not isinstance(record, dict):
        return _summary(None) if _SUMMARY_START_RE.match(head) else None
    keys = record.keys()
    if keys >= ACCOUNTS_KEYS:
        return (
            f"{WHAT_IT_IS}staffpulse's own list of accounts (staffpulse accounts --json): the"
            " accounts a store holds, with counts, and no posts to import. The store it was"
            f" listed from holds them already; to fill another store, {EXPORTS}"
        )
    if keys >= SUMMARY_KEYS:
        return _summary(record)
    if keys == STATS_KEYS and all(isinstance(record[key], dict) for key in keys):
        return (
            f"{WHAT_IT_IS}staffpulse's own counts of a store (staffpulse stats --json), with no"
            f" posts to import; {EXPORTS}"
        )
    if keys >= AUDIT_KEYS:
        return (
            f"{WHAT_IT_IS}staffpulse's own audit of{_handle(record)} (staffpulse audit --json): a"
            f" report on posts, not posts to import; {EXPORTS}"
        )
    return None


def _summary(record: Mapping[str, Any] | None) -> str:
    """What an import summary is told, with the files it names when the head held them."""
    said = (
        f"{WHAT_IT_IS}staffpulse's own import summary (staffpulse import --json): counts of what"
        " an import did, with no posts to import; "
    )
    files = record.get("files") if record is not None else None
    names = [
        str(entry["file"])
        for entry in (files if isinstance(files, list) else [])
        if isinstance(entry, dict) and entry.get("file")
    ]
    if not names:
        return said + EXPORTS
    shown = ", ".join(names[:SHOWN_FILES])
    if len(names) > SHOWN_FILES:
        shown += f" and {len(names) - SHOWN_FILES:,} more"
    return f"{said}import the {'file' if len(names) == 1 else 'files'} it names instead: {shown}"


def _handle(record: Mapping[str, Any]) -> str:
    account = record.get("account")
    handle = account.get("handle") if isinstance(account, dict) else None
    return f" @{handle}" if isinstance(handle, str) and handle else " an account"


# first: the records' keys would otherwise be told what to add to make a staffpulse JSONL
EXPLAINERS.insert(0, why_own_output)
