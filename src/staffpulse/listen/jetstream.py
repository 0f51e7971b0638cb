"""Jetstream frames -> normalized rows: pure functions, no network.

Jetstream (github.com/bluesky-social/jetstream) serves the Bluesky firehose as JSON over a
WebSocket. Each frame is one event::

    {"did": "did:plc:...", "time_us": 1725911162329308, "kind": "commit",
     "commit": {"rev": "...", "operation": "create", "collection": "app.bsky.feed.post",
                "rkey": "3l3qo2vuowo2b", "cid": "bafy...",
                "record": {"$type": "app.bsky.feed.post", "text": "...", "createdAt": "...",
                           "langs": ["en"], "reply": {"root": {"uri", "cid"},
                                                     "parent": {"uri", "cid"}},
                           "facets": [...], "embed": {...}}}}

``kind`` is also ``"identity"`` (``{"identity": {"did", "handle", "seq", "time"}}``) or
``"account"`` (``{"account": {"active", "did", "seq", "time"}}``). Deletes are commits with
``"operation": "delete"`` and no record. The connection loop lives in
:mod:`staffpulse.listen.listener`; this module only reads frames.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlencode, urlsplit, urlunsplit

from staffpulse.config import load_config, setting_str
from staffpulse.errors import ConfigError, InputError
from staffpulse.models import Account, Post, normalize_handle
from staffpulse.sources.base import parse_timestamp

POST_COLLECTION = "app.bsky.feed.post"
PLATFORM = "bluesky"

EventKind = Literal["post", "delete", "identity", "account", "ignored"]


class MalformedFrame(ValueError):
    """A frame that is not a Jetstream event we can read (counted and skipped)."""


@dataclass(frozen=True, slots=True)
class JetstreamEvent:
    """One parsed frame: what it means for the store, and its cursor time."""

    kind: EventKind
    time_us: int
    did: str
    post: Post | None = None  # kind == "post"
    deleted_id: str | None = None  # kind == "delete"
    account: Account | None = None  # kind == "identity" with a handle
    status: str | None = None  # kind == "account": "deleted", "takendown", ... when inactive
    raw: Mapping[str, Any] | None = None


def post_uri(did: str, rkey: str) -> str:
    return f"at://{did}/{POST_COLLECTION}/{rkey}"


def post_web_url(did_or_handle: str, rkey: str) -> str:
    return f"https://bsky.app/profile/{did_or_handle}/post/{rkey}"


WEBSOCKET_SCHEMES = ("ws://", "wss://")


def jetstream_url(config: Mapping[str, Any] | None = None, override: str | None = None) -> str:
    """The Jetstream to listen to: ``override`` when given (``listen bluesky --url``), else
    ``[bluesky] jetstream_url`` of ``config`` (loaded when None), else Bluesky's public one.

    Checked before anything loads or connects: a URL that is not ws:// or wss:// is an
    :class:`InputError` when it was given, a :class:`ConfigError` naming the file when it
    comes from the config.
    """
    if override is not None:
        url = override.strip()
        if not url.startswith(WEBSOCKET_SCHEMES):
            raise InputError(f"not a WebSocket URL: {override}", hint="use wss://HOST/subscribe")
        return url
    config = config if config is not None else load_config()
    url = setting_str(config, "bluesky", "jetstream_url").strip()
    if not url.startswith(WEBSOCKET_SCHEMES):
        source = getattr(config, "source", None)
        where = f" in {source}" if source else ""
        raise ConfigError(
            f'[bluesky] jetstream_url = "{url}"{where} is not a WebSocket URL',
            hint=f'write jetstream_url = "wss://HOST/subscribe" under [bluesky]{where}, or '
            "delete the line to use Bluesky's public Jetstream",
        )
    return url


def subscribe_url(base: str, cursor: int | None = None) -> str:
    """The subscription URL for posts, resuming at ``cursor`` (microseconds) when given."""
    parts = urlsplit(base)
    params: list[tuple[str, str]] = [("wantedCollections", POST_COLLECTION)]
    if cursor is not None and cursor > 0:
        params.append(("cursor", str(cursor)))
    query = "&".join(q for q in (parts.query, urlencode(params)) if q)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/subscribe", query, ""))


def _did_of(uri: str) -> str:
    rest = uri.removeprefix("at://")
    return rest.split("/", 1)[0]


def _facets(record: Mapping[str, Any], text: str) -> tuple[list[str], list[str], list[str]]:
    """Mentions (handles, from the text span), hashtags and links of a post record."""
    mentions: list[str] = []
    tags: list[str] = []
    links: list[str] = []
    facets = record.get("facets")
    if not isinstance(facets, list):
        return mentions, tags, links
    data = text.encode("utf-8")
    for facet in facets:
        if not isinstance(facet, Mapping):
            continue
        for feature in facet.get("features") or ():
            if not isinstance(feature, Mapping):
                continue
            kind = str(feature.get("$type", ""))
            if kind.endswith("#mention"):
                index = facet.get("index") or {}
                try:
                    span = data[int(index["byteStart"]) : int(index["byteEnd"])]
                    handle = normalize_handle(span.decode("utf-8", "replace"))
                except (KeyError, TypeError, ValueError):
                    handle = ""
                if handle:
                    mentions.append(handle)
            elif kind.endswith("#tag") and feature.get("tag"):
                tags.append(str(feature["tag"]).lower())
            elif kind.endswith("#link") and feature.get("uri"):
                links.append(str(feature["uri"]))
    return mentions, tags, links


def _embedded_record_uri(record: Mapping[str, Any]) -> str | None:
    embed = record.get("embed")
    if not isinstance(embed, Mapping):
        return None
    inner = embed.get("record")
    if isinstance(inner, Mapping) and isinstance(inner.get("record"), Mapping):
        inner = inner["record"]  # recordWithMedia nests one level deeper
    if isinstance(inner, Mapping) and str(inner.get("uri", "")).startswith("at://"):
        return str(inner["uri"])
    return None


def record_to_post(did: str, rkey: str, record: Mapping[str, Any], handle: str = "") -> Post:
    """A post record of ``did`` at ``rkey`` as a normalized :class:`Post` (pure)."""
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedFrame("post record without text")
    try:
        created = parse_timestamp(record.get("createdAt"))
    except ValueError:
        created = None
    reply = record.get("reply")
    parent_uri = root_uri = None
    if isinstance(reply, Mapping):
        parent = reply.get("parent")
        root = reply.get("root")
        parent_uri = str(parent.get("uri")) if isinstance(parent, Mapping) else None
        root_uri = str(root.get("uri")) if isinstance(root, Mapping) else parent_uri
    quoted = _embedded_record_uri(record)
    mentions, tags, links = _facets(record, text)
    langs = record.get("langs")
    uri = post_uri(did, rkey)
    kind: Literal["original", "reply", "quote"] = (
        "reply" if parent_uri else "quote" if quoted else "original"
    )
    return Post(
        platform=PLATFORM,
        id=uri,
        author_id=did,
        author_handle=handle,
        text=text,
        created_at=created,
        lang=str(langs[0]) if isinstance(langs, list) and langs else None,
        kind=kind,
        reply_to_post_id=parent_uri,
        reply_to_account_id=_did_of(parent_uri) if parent_uri else None,
        conversation_id=root_uri or uri,
        quoted_post_id=quoted,
        mentions=tuple(dict.fromkeys(mentions)),
        hashtags=tuple(dict.fromkeys(tags)),
        urls=tuple(dict.fromkeys(links)),
        url=post_web_url(handle or did, rkey),
    )


def parse_event(
    event: Mapping[str, Any], handles: Mapping[str, str] | None = None
) -> JetstreamEvent:
    """Classify one decoded Jetstream event (pure). Raises :class:`MalformedFrame`.

    ``handles`` maps DIDs to handles learnt from identity events, to fill ``author_handle``.
    """
    if not isinstance(event, Mapping):
        raise MalformedFrame("frame is not a JSON object")
    did, time_us, kind = event.get("did"), event.get("time_us"), event.get("kind")
    if not isinstance(did, str) or not did.startswith("did:"):
        raise MalformedFrame("missing or invalid 'did'")
    if not isinstance(time_us, int) or isinstance(time_us, bool) or time_us <= 0:
        raise MalformedFrame("missing or invalid 'time_us'")
    if kind == "commit":
        commit = event.get("commit")
        if not isinstance(commit, Mapping):
            raise MalformedFrame("commit event without 'commit'")
        if commit.get("collection") != POST_COLLECTION:
            return JetstreamEvent("ignored", time_us, did)
        rkey, operation = commit.get("rkey"), commit.get("operation")
        if not isinstance(rkey, str) or not rkey:
            raise MalformedFrame("commit without 'rkey'")
        if operation == "delete":
            return JetstreamEvent("delete", time_us, did, deleted_id=post_uri(did, rkey))
        if operation not in ("create", "update"):
            raise MalformedFrame(f"unknown commit operation {operation!r}")
        record = commit.get("record")
        if not isinstance(record, Mapping):
            raise MalformedFrame(f"{operation} commit without a record")
        handle = (handles or {}).get(did, "")
        post = record_to_post(did, rkey, record, handle)
        return JetstreamEvent("post", time_us, did, post=post, raw=event)
    if kind == "identity":
        identity = event.get("identity")
        name: object = identity.get("handle") if isinstance(identity, Mapping) else None
        account = None
        if isinstance(name, str) and name:
            account = Account(
                platform=PLATFORM,
                id=did,
                handle=normalize_handle(name),
                bio_known=False,  # an identity event names the handle only
                name_known=False,
                url=f"https://bsky.app/profile/{normalize_handle(name)}",
            )
        return JetstreamEvent("identity", time_us, did, account=account)
    if kind == "account":
        info = event.get("account")
        status = None
        if isinstance(info, Mapping) and info.get("active") is False:
            status = str(info.get("status") or "inactive")
        return JetstreamEvent("account", time_us, did, status=status)
    raise MalformedFrame(f"unknown event kind {kind!r}")


def parse_frame(frame: str | bytes, handles: Mapping[str, str] | None = None) -> JetstreamEvent:
    """Decode and classify one WebSocket text frame. Raises :class:`MalformedFrame`."""
    try:
        event = json.loads(frame)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedFrame(f"not JSON: {exc}") from None
    return parse_event(event, handles)


def event_to_post(event: Mapping[str, Any]) -> Post | None:
    """The :class:`Post` a create/update commit carries, else ``None`` (malformed too)."""
    try:
        return parse_event(event).post
    except MalformedFrame:
        return None
