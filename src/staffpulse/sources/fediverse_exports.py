"""What the account exports of fediverse servers other than Mastodon are, and what to do.

Pleroma and Akkoma back up an account as a Mastodon archive does, and their backup is read
(:mod:`staffpulse.sources.mastodon_archive`). Misskey and its forks (Sharkey, Firefish,
Iceshrimp) export a JSON array of notes that names neither the account nor its server, and
Friendica an account file of its database rows: neither can be filed under an account, and
both were told "add type, platform and author to each record" or "a JSON file whose records
have no text field", as if the user had made them wrong. :func:`why_fediverse_export` (one of
:data:`staffpulse.sources.folders.EXPLAINERS`) says what the file is and how to get the
account's posts instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from staffpulse.next_steps import SCORE_TEXTS
from staffpulse.sources.folders import EXPLAINERS, WHAT_IT_IS
from staffpulse.sources.jsonio import first_value, json_lines_head
from staffpulse.sources.user_paths import command_file

# Keys only a Misskey note has beside its createdAt and visibility (a Mastodon status has
# created_at, a Bluesky record createdAt but no visibility)
_MISSKEY_NOTE_KEYS = frozenset({"renoteId", "replyId", "fileIds", "localOnly", "cw"})
# The account export of Friendica ("Export account", "Export all": first line)
_FRIENDICA_KEYS = frozenset({"baseurl", "user", "contact", "profile"})
# Servers that also answer the Mastodon API, which ``staffpulse fetch mastodon`` reads
_FETCH = "staffpulse fetch mastodon {handle}"


def why_fediverse_export(path: Path, head: bytes) -> str | None:
    """What a Misskey notes export or a Friendica account export is, and what to do; None
    for any other file."""
    if path.is_dir():
        return None
    record = first_value(json_lines_head(head))
    if not isinstance(record, dict):
        return None
    if _is_misskey_note(record):
        return (
            f"{WHAT_IT_IS}the notes export of a Misskey server (or of Sharkey, Firefish or "
            "Iceshrimp: Settings › Import and export › Export notes), which names neither the "
            "account nor its server, so staffpulse cannot tell whose posts they are and does "
            "not import it. Sharkey, Firefish and Iceshrimp also answer the Mastodon API: try "
            f"{_FETCH.format(handle='@you@your.server')} for the account's public posts. "
            + SCORE_TEXTS.say(file=command_file(path))
        )
    if record.keys() >= _FRIENDICA_KEYS:
        return (
            f"{WHAT_IT_IS}a Friendica account export (Settings › Export personal data), "
            "which staffpulse does not import: it holds the server's database rows, other "
            "people's posts among the account's. Friendica also answers the Mastodon API: try "
            f"{_FETCH.format(handle=_friendica_handle(record))} for the account's public posts"
        )
    return None


def _is_misskey_note(record: Mapping[str, Any]) -> bool:
    keys = record.keys()
    return "createdAt" in keys and "visibility" in keys and bool(keys & _MISSKEY_NOTE_KEYS)


def _friendica_handle(record: Mapping[str, Any]) -> str:
    """``@nickname@host`` of the export's owner, or a placeholder when it does not say."""
    user = record.get("user")
    nickname = user.get("nickname") if isinstance(user, dict) else None
    try:
        host = urlsplit(str(record.get("baseurl") or "")).hostname
    except ValueError:  # "https://[broken": no host to name
        host = None
    if isinstance(nickname, str) and nickname and host:
        return f"@{nickname}@{host}"
    return "@you@your.server"


# first: the records' keys would otherwise be told what to add to make a staffpulse JSONL
EXPLAINERS.insert(0, why_fediverse_export)
