"""How an author is named to people: ``@handle``, or what the id stands for when there is none.

A leaf module (no staffpulse imports), so the inbox, the audit, connect and the dashboard name
authors the same way.

Some datasets replace people by a number: the TWCS import (:mod:`staffpulse.sources.twcs`)
stores its customers' posts under ``twcs:<number>`` with no handle. Writing ``@twcs:105847``
would pass the id off as a handle someone could look up or follow; it is not one. Such an
author reads ``anonymized customer twcs:105847``, and connect never suggests or exports them.
"""

from __future__ import annotations

# Ids that an anonymized dataset put in place of a person (see sources/twcs.py ``ID_PREFIX``)
ANONYMIZED_PREFIXES = ("twcs:",)


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


def describe_partner(target: str) -> str:
    """An account the audit counted as engaged (a lower-cased handle, or an id when the data
    had no handle), named like :func:`describe_author`."""
    return describe_author("" if is_anonymized(target) else target, target)
