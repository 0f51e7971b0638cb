"""Saved Mastodon API JSON: statuses, contexts, timelines, account lists, search, notifications.

Reads a list of statuses (account statuses, hashtag/public/list timelines), a status context
(``ancestors``/``descendants``), a single status or account, a list of accounts (boosters,
account search), a v2 search result and notifications.

Handles are ``user@instance``; an account's id is its profile URL. Status ids are local to the
instance that served them, so a post's id is the status's home: ``<home instance>:<id there>``,
read from its ActivityPub ``uri`` (``https://home/users/name/statuses/<id>``). One status
fetched through two instances is then stored once, and so is one imported from the account's
archive too. Pleroma, Akkoma and Friendica (``https://home/objects/<id>``) and Misskey
(``https://home/notes/<id>``) write the status's home id in its ``uri`` too: their API's own
ids (Pleroma's flake ids) are not the ones their archives know. A ``uri`` of another shape (a
bridge) gives ``<serving instance>:<local id>`` (the instance is the one the fetcher used; for a
saved file, the home instance of its local accounts). A reblog whose ``uri`` is the boosted
status's (Pleroma's, Akkoma's) is ``<boosted id>#boost-by-<handle>`` (:mod:`staffpulse.sources.mastodon_ids`), as
their backups' ``Announce`` is. ``in_reply_to_id``
is a serving-instance id: it is resolved through the statuses of the same response (a context
holds the whole thread), else it reads ``<serving instance>:<id>``, and every status keeps its
serving-instance id as an alias, so the store links the two whichever arrives first
(``store/aliases.py``). Reblogs are reposts (the
boosted status is stored too), ``in_reply_to_id`` makes a reply, and ``quote`` (Mastodon 4.4+)
a quote. A status whose parent was deleted keeps ``in_reply_to_account_id`` with a null
``in_reply_to_id``: it is a reply to that account, with no parent post. The HTML content becomes plain text, keeping line breaks.

A file holds one response, or several one a line (``curl ... >> statuses.jsonl``, or one status
a line): :mod:`staffpulse.sources.responses`. The serving instance is then found over the whole
file (:mod:`staffpulse.sources.mastodon_instance`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from staffpulse.handles import ascii_address
from staffpulse.models import Account, Post, PostKind, normalize_handle
from staffpulse.sources.base import Item, parse_timestamp, register
from staffpulse.sources.jsonio import (
    as_list,
    first_json_char,
    get_int,
    get_str,
    looks_native,
)
from staffpulse.sources.mastodon_ids import (
    is_status,
    known_status_ids,
    status_id,
    stored_post_id,
)
from staffpulse.sources.mastodon_instance import host_of, instance_of, instance_of_lines
from staffpulse.sources.observed import newest_post_time, read_time
from staffpulse.sources.responses import is_response_lines, rows_of_responses

PLATFORM = "mastodon"
SOURCE_NAME = "mastodon-json"
Row = Account | Post


class _TextExtractor(HTMLParser):
    """HTML → text: ``<br>`` and paragraphs become line breaks; links (not mentions/tags) kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p" and self.parts and not "".join(self.parts).endswith("\n\n"):
            self.parts.append("\n\n")
        elif tag == "a" and values.get("href") and not {"mention", "hashtag"} & set(classes):
            self.links.append(str(values["href"]))
        if tag == "span" and "invisible" in classes:
            self._hidden += 0  # invisible URL parts are still part of the text
        if tag in ("script", "style"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, tuple[str, ...]]:
    """Plain text of a status' HTML content, and the links in it (not mentions or hashtags)."""
    if "<" not in html:
        return unescape(html), ()
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts).strip(), tuple(dict.fromkeys(parser.links))


def full_handle(acct: str, url: str | None) -> str:
    """``user`` on its home instance → ``user@instance``; remote ``user@host`` as written but
    for an internationalized host, in its ASCII form as Mastodon keys accounts
    (:func:`staffpulse.handles.ascii_address`)."""
    acct = acct.lstrip("@")
    if "@" in acct:
        return ascii_address(acct)
    host = host_of(url)
    return ascii_address(f"{acct}@{host}") if host else acct


def account_from_mastodon(account: Mapping[str, Any]) -> Account:
    acct = get_str(account, "acct") or get_str(account, "username")
    url = get_str(account, "url") or get_str(account, "uri")
    if acct is None or url is None:
        raise ValueError("account without 'acct' or 'url'")
    note, _links = html_to_text(str(account.get("note") or ""))
    return Account(
        platform=PLATFORM,
        id=url,
        handle=full_handle(acct, url),
        display_name=get_str(account, "display_name") or "",
        name_known="display_name" in account,
        bio=note,
        bio_known="note" in account,
        avatar_url=get_str(account, "avatar_static") or get_str(account, "avatar"),
        followers=get_int(account, "followers_count"),
        following=get_int(account, "following_count"),
        post_count=get_int(account, "statuses_count"),
        created_at=parse_timestamp(account.get("created_at")),
        url=url,
        verified=False,
        observed_at=seen_since(account),
    )


def seen_since(account: Mapping[str, Any]) -> datetime | None:
    """The earliest a profile can have been served: on or after the day of its last post
    (``last_status_at``) and its creation; None when it gives neither. A saved response says
    not when it was fetched, so two snapshots of an account in different files (an account
    search, a timeline) are ordered by their own dates, not by the order of import."""
    times = [read_time(account.get(key)) for key in ("last_status_at", "created_at")]
    known = [time for time in times if time is not None]
    return max(known) if known else None


def _quoted_post_id(quote: Any, instance: str, known: Mapping[str, str]) -> str | None:
    """The stored id of the status a ``quote`` names, in any of its shapes: Mastodon 4.4's
    ``{"state", "quoted_status": {...}}``, the shallow ``{"state", "quoted_status_id"}``, or
    the quoted status itself."""
    if not isinstance(quote, dict):
        return None
    inner = quote.get("quoted_status") if "quoted_status" in quote or "state" in quote else quote
    quoted_local = get_str(inner, "id") or get_str(quote, "quoted_status_id")
    if isinstance(inner, dict) and get_str(inner, "id"):
        return status_id(inner, instance)
    if quoted_local:
        return known.get(quoted_local, f"{instance}:{quoted_local}")
    return None


def post_from_status(
    status: Mapping[str, Any],
    instance: str,
    author: Account,
    known: Mapping[str, str] | None = None,
) -> Post:
    """A status as a post, ids as stored (:func:`status_id`); ``known`` maps the serving
    instance's ids of the statuses in the same response to theirs, for its reply and quote
    targets. Raises ValueError when it has no id."""
    post_id = stored_post_id(status, instance, author)
    if post_id is None:
        raise ValueError("status without 'id'")
    known = known or {}
    reblog = status.get("reblog")
    quoted = _quoted_post_id(status.get("quote"), instance, known)
    reply_to = get_str(status, "in_reply_to_id")
    reply_user = get_str(status, "in_reply_to_account_id")
    kind: PostKind = "original"
    if isinstance(reblog, dict):
        kind = "repost"
    elif reply_to or reply_user:
        kind = "reply"
    elif quoted:
        kind = "quote"
    if "content" in status:
        text, links = html_to_text(str(status.get("content") or ""))
    else:  # a deleted status returns its source as plain ``text``
        text, links = str(status.get("text") or ""), ()
    mention_handles: list[str] = []
    reply_account: str | None = None
    reply_handle: str | None = None
    for mention in as_list(status.get("mentions")):
        if not isinstance(mention, dict) or not mention.get("acct"):
            continue
        handle = normalize_handle(full_handle(str(mention["acct"]), get_str(mention, "url")))
        mention_handles.append(handle)
        if reply_user and get_str(mention, "id") == reply_user:
            reply_account, reply_handle = get_str(mention, "url"), handle
    if kind == "reply" and reply_user and reply_user == get_str(status, "account", "id"):
        reply_account, reply_handle = author.id, normalize_handle(author.handle)
    served_as = f"{instance}:{get_str(status, 'id')}"
    card_url = get_str(status, "card", "url")
    urls = tuple(dict.fromkeys([*links, *([card_url] if card_url else [])]))
    return Post(
        platform=PLATFORM,
        id=post_id,
        author_id=author.id,
        author_handle=author.handle,
        text=text,
        created_at=parse_timestamp(status.get("created_at")),
        lang=get_str(status, "language"),
        kind=kind,
        reply_to_post_id=known.get(reply_to, f"{instance}:{reply_to}")
        if kind == "reply" and reply_to
        else None,
        reply_to_account_id=reply_account if kind == "reply" else None,
        reply_to_handle=reply_handle if kind == "reply" else None,
        conversation_id=None if kind == "reply" else post_id,
        quoted_post_id=quoted,
        reposted_post_id=status_id(reblog, instance) if isinstance(reblog, dict) else None,
        mentions=tuple(dict.fromkeys(mention_handles)),
        hashtags=tuple(
            str(t["name"])
            for t in as_list(status.get("tags"))
            if isinstance(t, dict) and t.get("name")
        ),
        urls=urls if kind != "repost" else (),
        likes=get_int(status, "favourites_count"),
        reposts=get_int(status, "reblogs_count"),
        replies=get_int(status, "replies_count"),
        quotes=get_int(status, "quotes_count"),
        url=get_str(status, "url") or get_str(status, "uri"),
        aliases=(served_as,) if served_as != post_id and get_str(status, "id") else (),
    )


def rows_from_status(
    status: Mapping[str, Any], instance: str, known: Mapping[str, str] | None = None
) -> list[Row]:
    """A status with its author; a reblog or quote brings the boosted/quoted status along.
    ``known``: :func:`known_status_ids` of the response the status came in."""
    account = status.get("account")
    if not isinstance(account, dict):
        raise ValueError(f"status {status.get('id')} has no 'account'")
    author = account_from_mastodon(account)
    rows: list[Row] = []
    for inner in (status.get("reblog"), _quoted_status(status.get("quote"))):
        if isinstance(inner, dict) and isinstance(inner.get("account"), dict):
            rows.extend(rows_from_status(inner, instance, known))
    rows.append(author)
    rows.append(post_from_status(status, instance, author, known))
    return rows


def _quoted_status(quote: Any) -> Any:
    if isinstance(quote, dict) and "state" in quote:
        return quote.get("quoted_status")
    return quote


def rows_from_mastodon(
    payload: Any, instance: str | None = None, errors: list[str] | None = None
) -> list[Row]:
    """Pure transformer for any supported response. Raises ValueError when it is none of them."""
    instance = instance or instance_of(payload) or "unknown-instance"
    errors = errors if errors is not None else []
    rows: list[Row] = []
    known = known_status_ids(payload, instance)

    def add(label: str, obj: Any) -> None:
        try:
            if not isinstance(obj, dict):
                raise ValueError("not an object")
            if is_status(obj):
                rows.extend(rows_from_status(obj, instance, known))
            elif "acct" in obj:
                rows.append(account_from_mastodon(obj))
            elif "type" in obj and isinstance(obj.get("account"), dict):  # notification
                rows.append(account_from_mastodon(obj["account"]))
                if isinstance(obj.get("status"), dict):
                    rows.extend(rows_from_status(obj["status"], instance, known))
            else:
                raise ValueError("neither a status, an account nor a notification")
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            errors.append(f"{label}: {exc}")

    if isinstance(payload, list):
        for number, item in enumerate(payload):
            add(f"item {number}", item)
    elif isinstance(payload, dict) and ("ancestors" in payload or "descendants" in payload):
        for key in ("ancestors", "descendants"):
            for number, item in enumerate(as_list(payload.get(key))):
                add(f"{key}[{number}]", item)
    elif isinstance(payload, dict) and ("statuses" in payload or "accounts" in payload):
        for key in ("accounts", "statuses"):
            for number, item in enumerate(as_list(payload.get(key))):
                add(f"{key}[{number}]", item)
    elif isinstance(payload, dict) and (
        is_status(payload) or "acct" in payload or "type" in payload
    ):
        add("response", payload)
    else:
        if isinstance(payload, dict):
            refuse_other_response(payload)
        raise ValueError("not a Mastodon response staffpulse reads (statuses, context, accounts)")
    # a profile served with a post was served after it too: the later of the two bounds
    newest = newest_post_time(rows)
    return [
        replace(row, observed_at=newest)
        if isinstance(row, Account)
        and newest is not None
        and (row.observed_at is None or row.observed_at < newest)
        else row
        for row in rows
    ]


class MastodonJson:
    name = SOURCE_NAME
    label = "Mastodon JSON"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir() or first_json_char(head) not in ("{", "[") or looks_native(head):
            return False
        if b'"acct"' in head or other_response(head) is not None:  # a relationship: told
            return True
        # An X API v1.1 search ({"statuses": [...]}, "hashtags" in each tweet's entities)
        # has them too; Mastodon never writes "id_str".
        return (b'"ancestors"' in head and b'"descendants"' in head) or (
            b'"statuses"' in head and b'"hashtags"' in head and b'"id_str"' not in head
        )

    def read(self, path: Path) -> Iterator[Item]:
        """The response in ``path``, or each of them, one a line (:func:`rows_of_responses`):
        all of a file's lines come from one instance, found over the whole file."""
        instance = instance_of_lines(path) if is_response_lines(path) else None
        yield from rows_of_responses(
            path,
            self.name,
            lambda payload, errors: rows_from_mastodon(payload, instance, errors),
            "created_at",
            told=(NoPostsResponse,),
        )


register(MastodonJson())


# Mastodon API responses that name no post or account, by keys only they have
_OTHER_RESPONSES = (
    (("followed_by", "showing_reblogs"), "relationship (whether one account follows another)"),
    (("replies_policy", "title"), "list (its name, not its accounts or posts)"),
)


class NoPostsResponse(ValueError):
    """A saved response of a kind that never holds a post or an account (a relationship, a
    list): read and told what it is, an import of nothing (exit 1) as a Bluesky record of
    another kind is, not refused as if of no known format."""


def other_response(head: bytes) -> str | None:
    """What a saved Mastodon response that holds no post or account is (a relationship saved
    from a follow, a list), by the keys only it has; None for any other."""
    if first_json_char(head) != "{":
        return None
    for keys, what in _OTHER_RESPONSES:
        if all(f'"{key}"'.encode() in head for key in keys):
            return what
    return None


def refuse_other_response(payload: Mapping[str, Any]) -> None:
    """:class:`NoPostsResponse` for a relationship or a list, with what to save instead."""
    for keys, what in _OTHER_RESPONSES:
        if all(key in payload for key in keys):
            raise NoPostsResponse(
                f"a Mastodon {what}, which holds no posts or accounts: save an account's "
                "statuses, a timeline or a status's context instead: nothing to import"
            )
