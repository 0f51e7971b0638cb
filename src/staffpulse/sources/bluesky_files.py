"""Saved Bluesky JSON files: which files are AppView responses, and each response in one read
as :func:`~staffpulse.sources.bluesky.rows_from_bluesky` reads it (one a file, several one a
line, or pretty-printed one after another: :mod:`staffpulse.sources.responses`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from staffpulse.models import Account, Follow, Post
from staffpulse.sources.base import Item, register
from staffpulse.sources.bluesky import NotAPostRecord, rows_from_bluesky
from staffpulse.sources.jsonio import first_json_char, looks_native
from staffpulse.sources.responses import rows_of_responses

SOURCE_NAME = "bluesky-json"


class BlueskyJson:
    name = SOURCE_NAME
    label = "Bluesky JSON"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir() or first_json_char(head) != "{" or looks_native(head):
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
    if not isinstance(payload, dict):
        raise ValueError("not a JSON object")
    return rows_from_bluesky(payload, errors)


register(BlueskyJson())
