"""Saved Bluesky JSON files: which files are AppView responses, and each response in one read
as :func:`~staffpulse.sources.bluesky.rows_from_bluesky` reads it (one a file, several one a
line, or pretty-printed one after another: :mod:`staffpulse.sources.responses`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from staffpulse.models import Account, Follow, Post
from staffpulse.sources.base import Item, register
from staffpulse.sources.bluesky import NotAPostRecord, rows_from_bluesky
from staffpulse.sources.jsonio import first_json_char, looks_native
from staffpulse.sources.responses import rows_of_responses
from staffpulse.sources.text_files import sniffable

SOURCE_NAME = "bluesky-json"
# A list whose first item opens as a response (a feed page, a thread, a list of posts or
# profiles), a feed item, a post view or a profile does
_LIST_OF_RESPONSES_RE = re.compile(
    rb'^\s*\[\s*\{\s*"(?:feed|cursor|thread|posts|follows|followers|subject|profiles|post|uri|did)"'
)


class BlueskyJson:
    name = SOURCE_NAME
    label = "Bluesky JSON"

    def sniff(self, path: Path, head: bytes) -> bool:
        first = first_json_char(head)
        if path.is_dir() or first not in ("{", "[") or looks_native(head):
            return False
        # "[": the pages or feed items a script saved as one list (``jq -s``, ``feed`` itself),
        # known by the first key of the first (not staffpulse's own list of accounts)
        if first == "[" and not _LIST_OF_RESPONSES_RE.match(
            sniffable(head).removeprefix(b"\xef\xbb\xbf")
        ):
            return False
        if b'"time_us"' in head:  # Jetstream events, not AppView responses
            return False
        return b'"did:' in head or b'"at://' in head

    def read(self, path: Path) -> Iterator[Item]:
        """The response in ``path``, or each of them, one a line (:func:`rows_of_responses`);
        a saved record that is no post is told, not counted as malformed."""
        yield from rows_of_responses(
            path, self.name, _rows_of_object, "record.createdAt", told=(NotAPostRecord,)
        )


def _rows_of_object(payload: Any, errors: list[str]) -> list[Account | Post | Follow]:
    """The rows of one response, or of each in a list of them (pages, feed items or post
    views a script saved as one list): a list's item that cannot be read costs only itself,
    told with its place (``[3]``)."""
    if not isinstance(payload, list):
        if not isinstance(payload, dict):
            raise ValueError("not a JSON object")
        return rows_from_bluesky(payload, errors)
    rows: list[Account | Post | Follow] = []
    for number, item in enumerate(payload):
        said: list[str] = []
        try:
            if not isinstance(item, dict):
                raise ValueError("not a JSON object")
            rows.extend(rows_from_bluesky(item, said))
        except (ValueError, TypeError, AttributeError) as exc:  # NotAPostRecord too
            said.append(str(exc))
        errors.extend(f"[{number}] {message}" for message in said)
    return rows


register(BlueskyJson())
