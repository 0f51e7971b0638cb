"""How an author is named to people: ``@handle``, or what the id stands for when there is none.

A leaf module (no staffpulse imports), so the inbox, the audit, connect and the dashboard name
authors the same way.

Some datasets replace people by a number: the TWCS import (:mod:`staffpulse.sources.twcs`)
stores its customers' posts under ``twcs:<number>`` with no handle. Writing ``@twcs:105847``
would pass the id off as a handle someone could look up or follow; it is not one. Such an
author reads ``anonymized customer twcs:105847``, and connect never suggests or exports them.
"""

from __future__ import annotations

import re

# Ids that an anonymized dataset put in place of a person (see sources/twcs.py ``ID_PREFIX``)
ANONYMIZED_PREFIXES = ("twcs:",)
# "@twcs:105847" in a sentence built elsewhere (an audit example's reason)
_ANONYMIZED_MENTION_RE = re.compile(
    "@(" + "|".join(re.escape(p) for p in ANONYMIZED_PREFIXES) + r")([0-9A-Za-z_]+)"
)


def is_anonymized(author_id: str | None) -> bool:
    """True for an id an anonymized dataset gave a person: it has no handle to follow."""
    return bool(author_id) and str(author_id).startswith(ANONYMIZED_PREFIXES)


def describe_author(handle: str | None, author_id: str | None) -> str:
    """``@handle``; ``anonymized customer twcs:105847``; ``account id 123`` for an author seen
    only by its id (a Bluesky DID keeps its ``@``); ``unknown author`` when the data named no one (some API responses)."""
    handle = (handle or "").lstrip("@")
    if handle:
        return "@" + handle
    if not author_id:
        return "unknown author"
    if is_anonymized(author_id):
        return f"anonymized customer {author_id}"
    if author_id.startswith("did:"):  # Bluesky takes a DID wherever it takes a handle
        return "@" + author_id
    return f"account id {author_id}"


def relabel_anonymized(text: str) -> str:
    """``@twcs:105855 mentioned you`` -> ``anonymized customer twcs:105855 mentioned you``."""
    return _ANONYMIZED_MENTION_RE.sub(lambda m: describe_author("", m[1] + m[2]), text)
