"""What the exports of Facebook, Instagram and Threads are, told to whoever gives them to import.

A page of Facebook's Graph API (``{"data": [{"id", "message", "created_time"}], "paging"}``)
opens as an X API v2 page does, so it was read as one and each of its posts skipped as a
"tweet without 'text'": the user was told their file was a broken X file. Meta's "Download
your information" files were told they are JSON "whose records have no text field". Neither
said that staffpulse does not coach these platforms. :func:`looks_graph_page` keeps the X
reader off such a page, and :func:`why_meta_export` (one of
:data:`staffpulse.sources.folders.EXPLAINERS`) names the platform and what to import instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from staffpulse.sources.folders import EXPLAINERS, WHAT_IT_IS
from staffpulse.sources.jsonio import first_value, json_lines_head
from staffpulse.sources.linkedin_exports import not_imported

# Keys of a Graph API page or of its posts that no X API v2 page has (X says "created_at"
# and "meta"); a key, not a word inside a text (where its quotes would be escaped)
_GRAPH_KEY_RE = re.compile(
    rb'(?<!\\)"(created_time|permalink_url|status_type|full_picture|paging|media_type|caption)"'
    rb"\s*:"
)
# How a Graph API page opens: its posts under "data" (or its links to the next page first)
_PAGE_START_RE = re.compile(rb'\{\s*"(data|paging)"\s*:')
# Of those, the keys of an Instagram post (a Facebook post has none of them)
_INSTAGRAM_KEY_RE = re.compile(rb'(?<!\\)"(media_type|caption|media_product_type)"\s*:')
# The key of the Threads posts in Instagram's "Download your information"
_THREADS_KEY = "text_post_app_text_posts"
_DOWNLOAD = '"Download your information" (Accounts Centre)'


def looks_graph_page(head: bytes) -> bool:
    """Whether ``head`` opens a page of Facebook's or Instagram's Graph API (its posts under
    ``data``, as an X API v2 page holds tweets)."""
    return _GRAPH_KEY_RE.search(head) is not None


def why_meta_export(path: Path, head: bytes) -> str | None:
    """What a file of Facebook, Instagram or Threads holds, and that it is not imported; None
    for any other file."""
    if path.is_dir():
        return None
    start = json_lines_head(head).lstrip(b"\xef\xbb\xbf \t\r\n")
    if start[:1] not in (b"{", b"["):
        return None
    what = _what_it_holds(start)
    if what is None:
        return None
    return f"{WHAT_IT_IS}{what[1]}: {not_imported(what[0])}"


def _what_it_holds(start: bytes) -> tuple[str, str] | None:
    """The platform ``start`` is a file of, and what the file is; None when it is none."""
    if _PAGE_START_RE.match(start) and looks_graph_page(start):
        if _INSTAGRAM_KEY_RE.search(start):
            return "Instagram", "a page of Instagram's Graph API (the account's posts)"
        return "Facebook", "a page of Facebook's Graph API (a Page's or a profile's posts)"
    record = first_value(start)
    if not isinstance(record, dict):
        return None
    if _THREADS_KEY in record:
        return "Threads", f"a file of Instagram's {_DOWNLOAD}, the account's Threads posts"
    if _is_instagram_post(record):
        return "Instagram", f"a file of Instagram's {_DOWNLOAD}, the account's posts"
    if _is_facebook_post(record):
        return "Facebook", f"a file of Facebook's {_DOWNLOAD}, the account's posts"
    return None


def _is_facebook_post(record: Mapping[str, Any]) -> bool:
    """A post of Facebook's download: a ``timestamp`` and its words under ``data`` as
    ``{"post": ...}`` (or only what it attached)."""
    if not isinstance(record.get("timestamp"), int):
        return False
    data = record.get("data")
    told = isinstance(data, list) and any(
        isinstance(item, dict) and "post" in item for item in data
    )
    return told or "attachments" in record


def _is_instagram_post(record: Mapping[str, Any]) -> bool:
    """A post of Instagram's download: its pictures under ``media``, each with a ``uri`` and
    a ``creation_timestamp``."""
    media = record.get("media")
    first = media[0] if isinstance(media, list) and media else None
    return isinstance(first, dict) and {"uri", "creation_timestamp"} <= first.keys()


# first: its records would otherwise be told they have no text field, as if made wrong
EXPLAINERS.insert(0, why_meta_export)
