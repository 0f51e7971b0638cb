"""The ids a Mastodon status is stored under, the same from the API and from an archive.

Status ids are local to the instance that served them, so a status is keyed by its home,
``<home instance>:<id there>``, read from its ActivityPub ``uri``; a ``uri`` of another shape
falls back to the serving instance's id. A boost that has no ``uri`` of its own (Pleroma's
and Akkoma's API give the boosted status's) is keyed by what it boosts and who boosted it.
The archive reader (:mod:`staffpulse.sources.mastodon_archive`) keys its activities the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from staffpulse.models import Account, normalize_handle
from staffpulse.sources.jsonio import get_str

# A status's ActivityPub URI where its server writes the status's own id: Mastodon and
# GoToSocial (/users/<name>/statuses/<id>), Pleroma, Akkoma and Friendica (/objects/<id>),
# Misskey and its forks (/notes/<id>). The API of such a server serves the status under
# another id (Pleroma's flake id, not the object's), and its outbox knows only the URI.
_HOME_URI = re.compile(r"^https?://([^/\s]+)/(?:users/[^/\s]+/statuses|objects|notes)/([^/\s]+)$")


def home_status_id(uri: str) -> str | None:
    """``<home>:<id>`` of the status at ``uri`` when its shape names both (:data:`_HOME_URI`),
    the one key an API response and an account archive (``outbox.json``) give it alike."""
    home = _HOME_URI.match(uri)
    if home is None:
        return None
    return f"{home.group(1).lower()}:{home.group(2)}"


def boost_id(boosted_id: str, booster_handle: str) -> str:
    """The stored id of a boost whose address names no home id (Pleroma's and Akkoma's): the
    boosted status's stored id and who boosted it, one boost an account and status, so their
    API's reblog (under a flake id) and their backup's ``Announce`` (``/activities/<uuid>``)
    are one post."""
    return f"{boosted_id}#boost-by-{normalize_handle(booster_handle)}"


def status_id(status: Mapping[str, Any], instance: str) -> str | None:
    """The stored id of a status: its home instance and id there when the ``uri`` says so
    (:func:`home_status_id`), else the serving instance and its id."""
    found = _home_id(status)
    if found:
        return found
    local_id = get_str(status, "id")
    return f"{instance}:{local_id}" if local_id else None


def _home_id(status: Mapping[str, Any]) -> str | None:
    """The home id the ``uri`` names; a reblog's when it has one of its own
    (:func:`_own_uri`): Mastodon's ``.../statuses/<id>/activity``, as its archive names it."""
    uri = _own_uri(status)
    return home_status_id(uri.removesuffix("/activity")) if uri else None


def _own_uri(status: Mapping[str, Any]) -> str | None:
    """A status's ``uri``, but none for a reblog that gives the boosted status's (Pleroma's)."""
    uri = get_str(status, "uri")
    reblog = status.get("reblog")
    if isinstance(reblog, dict) and uri == get_str(reblog, "uri"):
        return None
    return uri


def stored_post_id(status: Mapping[str, Any], instance: str, author: Account) -> str | None:
    """:func:`status_id`, but a reblog without a ``uri`` of its own (Pleroma's, Akkoma's) is
    keyed by what it boosts and who boosted it (:func:`boost_id`)."""
    reblog = status.get("reblog")
    boosted = status_id(reblog, instance) if isinstance(reblog, dict) else None
    if boosted and _own_uri(status) is None:
        return boost_id(boosted, author.handle)
    return status_id(status, instance)


def known_status_ids(payload: Any, instance: str) -> dict[str, str]:
    """Serving-instance id -> stored id of every status in a response (boosts and quotes too),
    so a reply finds its parent's stored id when the parent came in the same response."""
    known: dict[str, str] = {}
    stack = [payload]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            local_id, stored = get_str(node, "id"), None
            if local_id and is_status(node):
                stored = status_id(node, instance)
            if local_id and stored:
                known[local_id] = stored
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend(node)
    return known


def is_status(obj: Mapping[str, Any]) -> bool:
    """A status: its author and its HTML ``content``, or the ``text`` a deleted one returns."""
    return ("content" in obj or "text" in obj) and "account" in obj
