"""The Mastodon account archive ("Request your archive"): its ActivityPub JSON, as rows.

Pure transformers. ``outbox.json`` is an ``OrderedCollection`` of activities: a ``Create`` of
a ``Note`` is a post (a reply when it has ``inReplyTo``), an ``Announce`` a boost of the
status its ``object`` names. ``actor.json`` is the account. The rows are the ones the API
reader (:mod:`staffpulse.sources.mastodon`) makes of the same statuses, so a status imported
from the archive and fetched live is stored once: the post id is ``<home instance>:<status
id>``, read from the status URI (``https://home/users/name/statuses/<id>``), an account's id
its profile URL (``https://home/@name``), its handle ``name@home``, and the HTML becomes text
the same way (:func:`~staffpulse.sources.mastodon.html_to_text`).

Files are found and read by :mod:`staffpulse.sources.mastodon_archive_files`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from staffpulse.handles import ascii_address
from staffpulse.models import Account, Post, PostKind, normalize_handle
from staffpulse.sources.base import parse_timestamp
from staffpulse.sources.jsonio import as_list, get_int, get_str
from staffpulse.sources.mastodon import PLATFORM, full_handle, html_to_text
from staffpulse.sources.mastodon_ids import boost_id, home_status_id

PUBLIC = ("https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public")
_STATUS_URI = re.compile(r"^https?://([^/\s]+)/users/([^/\s]+)/statuses/([^/\s]+)$")
_ACTOR_URI = re.compile(r"^https?://([^/\s]+)/users/([^/\s]+)$")
POST_TYPES = ("Note", "Question", "Article", "Page")


class DirectMessage(ValueError):
    """A status addressed to named people only: private, never imported."""


def status_ref(uri: str) -> str:
    """The stored id of the status at ``uri``: ``<home>:<id>`` as the API reader makes it
    (:func:`staffpulse.sources.mastodon_ids.home_status_id`: Mastodon, Pleroma, Akkoma, Misskey
    ...), or, for an address of another shape, its host and last path segment; the URI itself
    when it has none."""
    uri = uri.removesuffix("/activity")
    home = home_status_id(uri)
    if home:
        return home
    parts = urlsplit(uri)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return f"{parts.netloc.lower()}:{last}" if parts.netloc and last else uri


def profile_of(actor_uri: str) -> tuple[str, str] | None:
    """``https://home/users/name`` (an actor, or a status of it) → its profile URL, the id
    the API reader gives the account (``https://home/@name``), and its handle."""
    uri = actor_uri.removesuffix("/activity")
    found = _STATUS_URI.match(uri) or _ACTOR_URI.match(uri)
    if found is None:
        return None
    host, name = found.group(1), found.group(2)
    return f"https://{host}/@{name}", ascii_address(f"{name}@{host.lower()}")


def account_from_actor(actor: Mapping[str, Any], observed_at: datetime | None = None) -> Account:
    """The archive's owner from ``actor.json``. Its ``followers`` and ``following`` are
    addresses, not counts: the counts stay unknown. The avatar's address is unknown (the
    archive names its own copy, ``avatar.png``), unless there is none: then it is ``""``, no
    picture, which the audit tells apart from a profile never seen."""
    username = get_str(actor, "preferredUsername")
    url = get_str(actor, "url") or get_str(actor, "id")
    if username is None or url is None:
        raise ValueError("actor.json has no 'preferredUsername' or 'url': not a Mastodon account")
    bio, _links = html_to_text(str(actor.get("summary") or ""))
    return Account(
        platform=PLATFORM,
        id=url,
        handle=full_handle(username, url),
        display_name=get_str(actor, "name") or "",
        name_known="name" in actor,
        bio=bio,
        bio_known="summary" in actor,
        avatar_url=None if actor.get("icon") else "",
        created_at=parse_timestamp(actor.get("published")),
        url=url,
        observed_at=observed_at,
    )


def account_from_actor_uri(actor_uri: str, activities: Sequence[Any] = ()) -> Account:
    """The owner when the archive's ``actor.json`` is missing, from the ``actor`` its
    ``activities`` name; name and bio unknown. Its id is the address the API gives the account:
    its profile page (``https://home/@name``) on Mastodon, the actor's own address on Pleroma
    and Akkoma, whose posts live outside it (``https://home/objects/<id>``)."""
    found = profile_of(actor_uri)
    if found is None:
        raise ValueError(f"the activities' actor {actor_uri!r} is not a Mastodon account address")
    url, handle = found
    if not _mastodon_addresses(activities):
        url = actor_uri
    return Account(
        platform=PLATFORM,
        id=url,
        handle=handle,
        name_known=False,
        bio_known=False,
        url=url,
    )


def _mastodon_addresses(activities: Sequence[Any]) -> bool:
    """Whether the first post or boost of an outbox has Mastodon's address (its actor's,
    followed by ``/statuses/<id>``); an outbox with neither is taken as Mastodon's."""
    for activity in activities:
        if not isinstance(activity, dict):
            continue
        target = activity.get("object")
        note_id = get_str(target, "id") if isinstance(target, dict) else None
        if note_id:
            return _STATUS_URI.match(note_id) is not None
        # a boost names a status of another account: its own address tells (Mastodon's
        # .../statuses/<id>/activity, Pleroma's /activities/<uuid>)
        boost = get_str(activity, "id") if activity.get("type") == "Announce" else None
        if boost:
            return _STATUS_URI.match(boost.removesuffix("/activity")) is not None
    return True


def is_direct(activity: Mapping[str, Any], note: Mapping[str, Any] | None = None) -> bool:
    """Addressed to named people only (a "direct message"): neither public nor to the
    author's followers."""
    audience = [
        str(value)
        for holder in (activity, note or {})
        for key in ("to", "cc")
        for value in as_list(holder.get(key))
    ]
    return not any(value in PUBLIC or value.endswith("/followers") for value in audience)


def is_followers_only(activity: Mapping[str, Any]) -> bool:
    """A post its author shared with followers only: addressed to the followers, not to the
    public (nor only to named people: :func:`is_direct`)."""
    target = activity.get("object")
    note = target if isinstance(target, dict) else {}
    audience = [
        str(value)
        for holder in (activity, note)
        for key in ("to", "cc")
        for value in as_list(holder.get(key))
    ]
    return not any(value in PUBLIC for value in audience) and any(
        value.endswith("/followers") for value in audience
    )


def _reply_target(parent: str, author: Account, actor_uri: str | None) -> tuple[str, str] | None:
    """(account id, handle) of whom a reply answers, from its parent's address."""
    if actor_uri and parent.startswith(actor_uri.rstrip("/") + "/"):
        return author.id, normalize_handle(author.handle)
    found = profile_of(parent)
    return (found[0], normalize_handle(found[1])) if found else None


def post_from_note(note: Mapping[str, Any], author: Account, actor_uri: str | None = None) -> Post:
    """A post from a ``Create`` activity's object."""
    note_id = get_str(note, "id")
    if note_id is None:
        raise ValueError("a post without 'id'")
    post_id = status_ref(note_id)
    parent = get_str(note, "inReplyTo")
    quote = get_str(note, "quote") or get_str(note, "quoteUri") or get_str(note, "quoteUrl")
    kind: PostKind = "reply" if parent else "quote" if quote else "original"
    text, links = html_to_text(str(note.get("content") or ""))
    mentions: list[str] = []
    hashtags: list[str] = []
    for tag in as_list(note.get("tag")):
        if not isinstance(tag, dict) or not get_str(tag, "name"):
            continue
        name = str(tag["name"])
        if tag.get("type") == "Mention":
            mentions.append(normalize_handle(full_handle(name, get_str(tag, "href"))))
        elif tag.get("type") == "Hashtag":
            hashtags.append(name.lstrip("#"))
    languages = note.get("contentMap")
    lang = next(iter(languages), None) if isinstance(languages, dict) and languages else None
    target = _reply_target(parent, author, actor_uri) if parent else None
    return Post(
        platform=PLATFORM,
        id=post_id,
        author_id=author.id,
        author_handle=author.handle,
        text=text,
        created_at=parse_timestamp(note.get("published")),
        lang=str(lang) if lang else None,
        kind=kind,
        reply_to_post_id=status_ref(parent) if parent else None,
        reply_to_account_id=target[0] if target else None,
        reply_to_handle=target[1] if target else None,
        conversation_id=None if parent else post_id,
        quoted_post_id=status_ref(quote) if quote and not parent else None,
        mentions=tuple(dict.fromkeys(mentions)),
        hashtags=tuple(dict.fromkeys(hashtags)),
        urls=links,
        likes=get_int(note, "likes", "totalItems"),
        reposts=get_int(note, "shares", "totalItems"),
        url=get_str(note, "url") or note_id,
    )


def post_from_activity(activity: Mapping[str, Any], author: Account) -> Post | None:
    """The post an outbox activity is, or None for an activity of another kind (a ``Like``,
    an ``Update``: nothing a post is made of). Raises :class:`DirectMessage` for a private
    one, ValueError for one that cannot be read."""
    kind = activity.get("type")
    actor_uri = get_str(activity, "actor")
    target = activity.get("object")
    if kind == "Create":
        if not isinstance(target, dict):
            raise ValueError("a 'Create' activity without its object")
        if target.get("type") not in POST_TYPES:
            return None
        if is_direct(activity, target):
            raise DirectMessage("a direct message")
        return post_from_note(target, author, actor_uri)
    if kind == "Announce":
        shared = get_str(target, "id") if isinstance(target, dict) else target
        activity_id = get_str(activity, "id")
        if not isinstance(shared, str) or not shared or activity_id is None:
            raise ValueError("a boost ('Announce') without its 'id' or 'object'")
        if is_direct(activity):
            raise DirectMessage("a private boost")
        sharer = profile_of(shared)
        # Mastodon's boost is at .../statuses/<id>/activity, the id its API gives it too;
        # Pleroma's and Akkoma's at /activities/<uuid>, which their API never names
        former = status_ref(activity_id)
        own = home_status_id(activity_id.removesuffix("/activity"))
        post_id = own or boost_id(status_ref(shared), author.handle)
        return Post(
            platform=PLATFORM,
            id=post_id,
            author_id=author.id,
            author_handle=author.handle,
            created_at=parse_timestamp(activity.get("published")),
            kind="repost",
            reposted_post_id=status_ref(shared),
            mentions=(normalize_handle(sharer[1]),) if sharer else (),
            aliases=(former,) if former != post_id else (),
        )
    return None


def owner_uri(items: Sequence[Any]) -> str | None:
    """The ``actor`` the outbox's activities name (the archive's owner)."""
    for item in items:
        if isinstance(item, dict) and (actor := get_str(item, "actor")):
            return actor
    return None
