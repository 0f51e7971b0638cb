"""The Bluesky exports: ``bluesky-handles``, a spreadsheet of accounts to follow by hand (for a
person: Bluesky's app has no list import), and ``bluesky-list``, atproto records for scripts
(:mod:`staffpulse.connect.export` dispatches every format and documents each)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from staffpulse.connect.export_result import (
    DEFAULT_LIST_NAME,
    NO_HANDLE,
    ExportResult,
    not_for_platform,
)
from staffpulse.connect.suggestion import Suggestion, bluesky_profile_link
from staffpulse.next_steps import USE_EXPORT
from staffpulse.report.spreadsheet import CSV_ENCODING, spreadsheet_safe, spreadsheet_text
from staffpulse.sources.car_blocks import TID_ALPHABET

BLUESKY_LIST_NAME_MAX = 64  # app.bsky.graph.list's maxGraphemes for "name"
OWNER_PLACEHOLDER = "did:plc:REPLACE-WITH-YOUR-DID"
HANDLES_COLUMNS = ("handle", "display_name", "profile_link", "role", "why")
# a handle that is no domain ("rosa" from a handles file): bsky.app/profile/rosa finds no one
NOT_A_BLUESKY_HANDLE = (
    "its handle is no Bluesky handle (a name like rosa.bsky.social) and its DID is not "
    "stored (fetch the account, then export again)"
)
LIST_IS_FOR_SCRIPTS = (
    "this file holds atproto records for a script (com.atproto.repo.applyWrites): Bluesky's "
    f"app cannot import it; to follow the accounts by hand, {USE_EXPORT.say(formats='bluesky-handles')}"
)


def to_bluesky_handles(suggestions: Sequence[Suggestion]) -> ExportResult:
    """The Bluesky accounts with a link to each profile, to open and follow one by one."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # as the csv export: RFC 4180
    writer.writerow(HANDLES_COLUMNS)
    skipped: list[str] = []
    written = 0
    for s in suggestions:
        if s.platform != "bluesky":
            skipped.append(f"{s.label}: {not_for_platform(s.platform, 'bluesky')}")
            continue
        handle = s.handle.lstrip("@") if s.handle_known else ""
        link = bluesky_profile_link(handle, s.account_id)
        if not link:
            skipped.append(f"{s.label}: {NOT_A_BLUESKY_HANDLE if handle else NO_HANDLE}")
            continue
        writer.writerow(
            [
                spreadsheet_text(handle),
                spreadsheet_safe(s.display_name),
                link,
                spreadsheet_safe(s.role_cell),
                # beside the role column, the role is not said again (as on the Connect page)
                spreadsheet_safe(s.why),
            ]
        )
        written += 1
    return ExportResult(
        "bluesky-handles", buffer.getvalue(), written, skipped, encoding=CSV_ENCODING
    )


def tid(when: datetime, clock_id: int = 0) -> str:
    """An atproto TID record key: 53 bits of microseconds then 10 bits of clock id, base32-sortable."""
    value = (int(when.timestamp() * 1_000_000) << 10) | (clock_id & 0x3FF)
    chars = []
    for _ in range(13):
        chars.append(TID_ALPHABET[value & 0x1F])
        value >>= 5
    return "".join(reversed(chars))


@dataclass
class _ListItems:
    """What the suggestions give a Bluesky list: an item per account known by its DID, every
    Bluesky handle, the handles without a DID, and the accounts skipped with why."""

    items: list[dict[str, Any]] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def to_bluesky_list(
    suggestions: Sequence[Suggestion],
    list_name: str = DEFAULT_LIST_NAME,
    owner: str | None = None,
    now: datetime | None = None,
) -> ExportResult:
    when = now or datetime.now(UTC)
    created = (
        when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"
    )
    rkey = tid(when)
    list_uri = f"at://{owner or OWNER_PLACEHOLDER}/app.bsky.graph.list/{rkey}"
    found = _list_items(suggestions, list_uri, when, created)
    name = list_name[:BLUESKY_LIST_NAME_MAX]
    doc = {
        "list": {
            "uri": list_uri,
            "rkey": rkey,
            "record": {
                "$type": "app.bsky.graph.list",
                "purpose": "app.bsky.graph.defs#curatelist",
                "name": name,
                "description": f"Accounts suggested by staffpulse on {when.date().isoformat()}",
                "createdAt": created,
            },
        },
        "items": found.items,
        "handles": found.handles,
        "unresolved": found.unresolved,
        "generator": "staffpulse connect",
    }
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    notes = _list_notes(name, list_name, owner_known=owner is not None, items=bool(found.items))
    return ExportResult("bluesky-list", text, len(found.items), found.skipped, notes=notes)


def _list_items(
    suggestions: Sequence[Suggestion], list_uri: str, when: datetime, created: str
) -> _ListItems:
    found = _ListItems()
    for s in suggestions:
        if s.platform != "bluesky":
            # Another platform's handle means nothing to Bluesky: keep it out of every array.
            found.skipped.append(f"{s.label}: {not_for_platform(s.platform, 'bluesky')}")
            continue
        if s.handle_known:
            found.handles.append(s.handle.lstrip("@"))
        if s.account_id.startswith("did:"):
            record = {
                "$type": "app.bsky.graph.listitem",
                "subject": s.account_id,
                "list": list_uri,
                "createdAt": created,
            }
            n = len(found.items) + 1  # clock ids 1..n keep the item keys distinct and sorted
            found.items.append({"rkey": tid(when, n), "handle": s.handle, "record": record})
        else:
            found.unresolved.append(s.handle.lstrip("@"))
            found.skipped.append(f"{s.label}: no DID known (fetch the account, then export again)")
    return found


def _list_notes(name: str, asked: str, *, owner_known: bool, items: bool) -> list[str]:
    """What the run says of the list: an owner to fill in, a name cut, and whom it is for."""
    notes = []
    if not owner_known and items:
        # the records name the list by its owner's at-URI: written as they are, they point
        # at no one's repository
        notes.append(
            f"your account's DID is not stored: replace {OWNER_PLACEHOLDER} in the file with "
            "your DID before writing the records"
        )
    if name != asked:
        notes.append(
            f"list name cut to {BLUESKY_LIST_NAME_MAX} characters, Bluesky's limit: '{name}'"
        )
    notes.append(LIST_IS_FOR_SCRIPTS)
    return notes
