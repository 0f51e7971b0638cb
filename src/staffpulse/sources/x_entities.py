"""Mentions, hashtags and links of an X tweet's ``entities``, for API v1.1 and v2 alike.

Both versions hold the same three lists under slightly different names: v1.1 has
``user_mentions[].screen_name`` and ``hashtags[].text``, v2 ``mentions[].username`` and
``hashtags[].tag``; ``urls[]`` is the same in both. One reader keeps the two sources from
drifting apart (duplicate mentions are dropped, the expanded link is preferred to the t.co one).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from staffpulse.models import normalize_handle
from staffpulse.sources.jsonio import as_list


@dataclass(frozen=True)
class EntityKeys:
    """Where one API version keeps the mentioned handle and the hashtag's word."""

    mentions: str
    handle: str
    tag: str


_ESCAPED = re.compile(r"&(amp|lt|gt);")
_UNESCAPED = {"amp": "&", "lt": "<", "gt": ">"}


def decode_x_text(text: str) -> str:
    """Tweet text and bios as written: every X API (v1.1, v2, archives) sends ``&``, ``<`` and
    ``>`` as ``&amp;``, ``&lt;`` and ``&gt;``, and only those, once."""
    return _ESCAPED.sub(lambda match: _UNESCAPED[match.group(1)], text)


# A character X never leaves bare in a text it escaped: "&" not starting one of its entities,
# "<" or ">"
_BARE = re.compile(r"&(?!(?:amp|lt|gt);)|[<>]")


def decode_copied_x_text(text: str) -> str:
    """A text of X in a user's own file (a staffpulse CSV or JSONL on ``platform`` x) as
    written: decoded as :func:`decode_x_text` when X's escaping is in it (a text exported from
    its API or archive, ``Q&amp;A``), kept as it is when any ``&``, ``<`` or ``>`` in it is
    bare (X leaves none: a person typed it, and ``&amp;`` there means what it says)."""
    if "&" not in text or _BARE.search(text):
        return text
    return decode_x_text(text)


V1_KEYS = EntityKeys(mentions="user_mentions", handle="screen_name", tag="text")
V2_KEYS = EntityKeys(mentions="mentions", handle="username", tag="tag")


class Entities(NamedTuple):
    mentions: tuple[str, ...]
    hashtags: tuple[str, ...]
    urls: tuple[str, ...]


def read_entities(ents: Any, keys: EntityKeys) -> Entities:
    """The normalized mentions (first seen order, no repeats), hashtags and links of ``ents``.

    Anything that is not the expected object is skipped: a malformed entity never costs the
    tweet.
    """
    if not isinstance(ents, Mapping):
        return Entities((), (), ())
    mentions = tuple(
        dict.fromkeys(
            normalize_handle(str(m[keys.handle]))
            for m in as_list(ents.get(keys.mentions))
            if isinstance(m, dict) and m.get(keys.handle)
        )
    )
    hashtags = tuple(
        str(h[keys.tag])
        for h in as_list(ents.get("hashtags"))
        if isinstance(h, dict) and h.get(keys.tag)
    )
    urls = tuple(
        str(u.get("expanded_url") or u.get("url"))
        for u in as_list(ents.get("urls"))
        if isinstance(u, dict) and (u.get("expanded_url") or u.get("url"))
    )
    return Entities(mentions, hashtags, urls)
