"""Saved Bluesky (AT Protocol AppView) JSON: author feeds, threads, follows, profiles, records.

Reads ``app.bsky.feed.getAuthorFeed`` pages (``feed[]`` of ``{post, reply, reason}``),
``getPostThread`` (``thread`` with ``parent``/``replies``), ``searchPosts``/``getPosts``
(``posts[]``), ``app.bsky.graph.getFollows``/``getFollowers``, ``app.bsky.actor.getProfile``
(one profile, or ``profiles[]``) and ``com.atproto.repo.getRecord`` of a post; a file may
hold one response, or several one a line (``curl ... >> feed.jsonl``; also single feed items
or post views, as ``jq -c '.feed[]'`` writes them): :mod:`staffpulse.sources.bluesky_files`.

A post's id is its ``at://`` URI and an account's id its DID. ``record.reply`` makes a reply
(``conversation_id`` = the root URI), an embedded post record a quote, and a
``reasonRepost`` adds a repost row by the reposter with the id ``<uri>#repost-by-<did>``.
Facets give mentions (the handle as written), links and tags.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from staffpulse.models import Account, Follow, Post, PostKind, normalize_handle
from staffpulse.next_steps import NOT_A_POST
from staffpulse.sources.base import parse_post_time, parse_timestamp
from staffpulse.sources.bluesky_embeds import card_url, quoted_uri
from staffpulse.sources.jsonio import as_list, get_int, get_str

PLATFORM = "bluesky"
Row = Account | Post | Follow


def did_of_uri(uri: str) -> str | None:
    """``at://did:plc:x/app.bsky.feed.post/rkey`` → ``did:plc:x``."""
    if not uri.startswith("at://"):
        return None
    return uri[5:].split("/", 1)[0] or None


def web_url(uri: str, handle: str | None) -> str | None:
    parts = uri[5:].split("/") if uri.startswith("at://") else []
    if len(parts) == 3 and parts[1] == "app.bsky.feed.post":
        return f"https://bsky.app/profile/{handle or parts[0]}/post/{parts[2]}"
    return None


def account_from_profile(profile: Mapping[str, Any]) -> Account:
    did, handle = get_str(profile, "did"), get_str(profile, "handle")
    if did is None or handle is None:
        raise ValueError("profile without 'did' or 'handle'")
    return Account(
        platform=PLATFORM,
        id=did,
        handle=handle,
        # every profile view, a feed's author view too, has displayName when one is set:
        # without it the name is empty, not unknown (name_known stays True)
        display_name=get_str(profile, "displayName") or "",
        bio=get_str(profile, "description") or "",
        bio_known="description" in profile,  # a feed's author view carries no bio
        # "" (not None): the profile says "no picture", so the audit can tell the default
        # avatar apart from an account whose profile it never saw
        avatar_url=get_str(profile, "avatar") or "",
        followers=get_int(profile, "followersCount"),
        following=get_int(profile, "followsCount"),
        post_count=get_int(profile, "postsCount"),
        created_at=parse_timestamp(profile.get("createdAt")),
        url=f"https://bsky.app/profile/{handle}",
        verified=get_str(profile, "verification", "verifiedStatus") == "valid",
    )


def _facets(record: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    text = str(record.get("text") or "").encode("utf-8")
    mentions: list[str] = []
    tags: list[str] = []
    links: list[str] = []
    for facet in as_list(record.get("facets")):
        if not isinstance(facet, dict):
            continue
        for feature in as_list(facet.get("features")):
            kind = str(feature.get("$type", "")) if isinstance(feature, dict) else ""
            if kind.endswith("#mention"):
                start = get_int(facet, "index", "byteStart")
                end = get_int(facet, "index", "byteEnd")
                written = (
                    text[start:end].decode("utf-8", "replace") if start is not None and end else ""
                )
                handle = (
                    normalize_handle(written) if written.startswith("@") else feature.get("did")
                )
                if handle:
                    mentions.append(str(handle))
            elif kind.endswith("#link") and feature.get("uri"):
                links.append(str(feature["uri"]))
            elif kind.endswith("#tag") and feature.get("tag"):
                tags.append(str(feature["tag"]).lstrip("#"))
    return tuple(dict.fromkeys(mentions)), tuple(dict.fromkeys(tags)), tuple(dict.fromkeys(links))


def author_of_uri(uri: str) -> str | None:
    """The DID of the account a record's ``at://`` URI belongs to (its first part), or None:
    a repost or quote names whom it shares even when that post is not stored."""
    if not uri.startswith("at://did:"):
        return None
    did, _, rest = uri[len("at://") :].partition("/")
    return did if rest else None


def post_from_record(
    uri: str,
    record: Mapping[str, Any],
    author_id: str,
    author_handle: str = "",
    counts: Mapping[str, Any] | None = None,
) -> Post:
    """A post from its URI and ``app.bsky.feed.post`` record."""
    reply = record.get("reply") if isinstance(record.get("reply"), dict) else None
    quoted = quoted_uri(record.get("embed"))
    kind: PostKind = "reply" if reply else "quote" if quoted else "original"
    parent = get_str(reply, "parent", "uri") if reply else None
    mentions, tags, links = _facets(record)
    if (card := card_url(record.get("embed"))) and card not in links:
        links = (*links, card)
    langs = as_list(record.get("langs"))
    counts = counts or {}
    return Post(
        platform=PLATFORM,
        id=uri,
        author_id=author_id,
        author_handle=author_handle,
        text=str(record.get("text") or ""),
        created_at=parse_post_time(record.get("createdAt")),
        lang=str(langs[0]) if langs else None,
        kind=kind,
        reply_to_post_id=parent,
        reply_to_account_id=did_of_uri(parent) if parent else None,
        conversation_id=(get_str(reply, "root", "uri") or parent) if reply else uri,
        quoted_post_id=quoted,
        mentions=mentions,
        hashtags=tags,
        urls=links,
        likes=get_int(counts, "likeCount"),
        reposts=get_int(counts, "repostCount"),
        replies=get_int(counts, "replyCount"),
        quotes=get_int(counts, "quoteCount"),
        url=web_url(uri, author_handle or None),
    )


# A post that is gone or hidden: its view says so and carries nothing to store.
_GONE = ("#notFoundPost", "#blockedPost", "#viewNotFound", "#viewBlocked", "#viewDetached")


def _gone(view: Mapping[str, Any]) -> bool:
    return (
        str(view.get("$type", "")).endswith(_GONE)
        or view.get("notFound") is True
        or view.get("blocked") is True
    )


def rows_from_post_view(
    view: Mapping[str, Any], errors: list[str] | None = None, label: str = "post"
) -> list[Row]:
    """A ``postView`` (or an embedded ``viewRecord``) with its author and quoted post.

    A post that is gone (``notFoundPost``, ``blockedPost``) gives no rows; a view that lacks
    its URI, author or record raises ValueError, so that the post is reported, not lost
    unnoticed. A quoted post that cannot be read is described in ``errors`` (as
    ``<label>.embed: ...``) and the quoting post is kept."""
    if _gone(view):
        return []
    uri = get_str(view, "uri")
    author = view.get("author")
    record = view.get("record") if isinstance(view.get("record"), dict) else view.get("value")
    lacking = [
        key
        for key, there in (
            ("uri", uri is not None),
            ("author", isinstance(author, dict)),
            ("record", isinstance(record, dict)),
        )
        if not there
    ]
    if uri is None or not isinstance(author, dict) or not isinstance(record, dict):
        post = f"post {uri}" if uri else "post"
        raise ValueError(f"{post} without {' or '.join(repr(k) for k in lacking)}")
    account = account_from_profile(author)
    rows: list[Row] = [account, post_from_record(uri, record, account.id, account.handle, view)]
    embed = view.get("embed")
    if isinstance(embed, dict):
        inner = embed.get("record")
        if isinstance(inner, dict) and isinstance(inner.get("record"), dict):
            inner = inner["record"]  # recordWithMedia#view
        if isinstance(inner, dict) and str(inner.get("$type", "")).endswith("#viewRecord"):
            try:
                rows.extend(rows_from_post_view(inner, errors, f"{label}.embed"))
            except (ValueError, TypeError, AttributeError) as exc:
                if errors is not None:
                    errors.append(f"{label}.embed (the quoted post): {exc}")
    return rows


def _context_rows(view: Any, errors: list[str] | None, label: str) -> list[Row]:
    """A post shown for context (a reply's root or parent, a thread's): one that cannot be read
    is described in ``errors``, and what it came with is kept."""
    if not isinstance(view, dict):
        return []
    try:
        return rows_from_post_view(view, errors, label)
    except (ValueError, TypeError, AttributeError) as exc:
        if errors is not None:
            errors.append(f"{label}: {exc}")
        return []


def rows_from_feed_item(
    item: Mapping[str, Any], errors: list[str] | None = None, label: str = "feed item"
) -> list[Row]:
    """A feed item: its post (a ValueError when it cannot be read: the item is skipped, its
    repost too), the reply's root and parent, and a repost row for ``reasonRepost``."""
    if not isinstance(item, dict):  # a number or text where a feed item belongs
        raise ValueError("not a JSON object")
    post = item.get("post")
    if not isinstance(post, dict):
        raise ValueError("feed item without 'post'")
    rows = rows_from_post_view(post, errors, label)
    if not rows:  # gone (deleted, blocked): a repost of it would point at nothing
        return []
    reply = item.get("reply")
    if isinstance(reply, dict):
        for key in ("root", "parent"):
            rows.extend(_context_rows(reply.get(key), errors, f"{label}.reply.{key}"))
    reason = item.get("reason")
    if reason is not None and not isinstance(reason, dict) and errors is not None:
        errors.append(  # why it was shown (a repost, a pin) is unknown: told, not dropped
            f"{label}.reason: not an object: the post was read; if it was a repost, the repost"
            " was not"
        )
    if isinstance(reason, dict) and str(reason.get("$type", "")).endswith("reasonRepost"):
        by = reason.get("by")
        uri = get_str(post, "uri")
        if not isinstance(by, dict) and errors is not None:  # else the repost went unnoticed
            errors.append(
                f"{label}.reason: a repost without its reposter ('by' is"
                f" {'missing' if by is None else 'not an object'}): the post was read, the"
                " repost was not"
            )
        if isinstance(by, dict) and uri:
            reposter = account_from_profile(by)
            original_author = get_str(post, "author", "handle")
            rows.append(reposter)
            rows.append(
                Post(
                    platform=PLATFORM,
                    id=f"{uri}#repost-by-{reposter.id}",
                    author_id=reposter.id,
                    author_handle=reposter.handle,
                    created_at=parse_timestamp(reason.get("indexedAt")),
                    kind="repost",
                    reposted_post_id=uri,
                    mentions=(normalize_handle(original_author),) if original_author else (),
                    url=web_url(uri, original_author),
                )
            )
    return rows


def _thread_rows(node: Any, rows: list[Row], errors: list[str], depth: int = 0) -> None:
    if not isinstance(node, dict) or depth > 1000:
        return
    rows.extend(_context_rows(node.get("post"), errors, "thread post"))
    _thread_rows(node.get("parent"), rows, errors, depth + 1)
    for child in as_list(node.get("replies")):
        _thread_rows(child, rows, errors, depth + 1)


class NotAPostRecord(ValueError):
    """A saved record of another kind (a feed generator, a like, a list): not malformed, just
    nothing staffpulse reads."""


def rows_from_bluesky(payload: Mapping[str, Any], errors: list[str] | None = None) -> list[Row]:
    """Pure transformer for any supported response. Raises ValueError on anything else.

    A malformed item of a list (feed item, post, profile) is described in ``errors`` and
    skipped; the other items are kept.
    """
    rows: list[Row] = []
    errors = errors if errors is not None else []
    if "feed" in payload:
        for number, item in enumerate(as_list(payload["feed"])):
            try:
                rows.extend(rows_from_feed_item(item, errors, f"feed[{number}]"))
            except (ValueError, TypeError, AttributeError) as exc:
                errors.append(f"feed[{number}]: {exc}")
    elif "thread" in payload:
        _thread_rows(payload["thread"], rows, errors)
    elif "posts" in payload:
        for number, view in enumerate(as_list(payload["posts"])):
            try:
                rows.extend(rows_from_post_view(view, errors, f"posts[{number}]"))
            except (ValueError, TypeError, AttributeError) as exc:
                errors.append(f"posts[{number}]: {exc}")
    elif "follows" in payload or "followers" in payload:
        subject: Account | None = None
        try:
            subject = account_from_profile(payload.get("subject") or {})
        except ValueError:  # a page cut before its subject: the accounts are still worth it
            errors.append(
                "subject: whose follows these are is missing or lacks 'did' or 'handle': the"
                " accounts listed were read, who follows whom was not"
            )
        else:
            rows.append(subject)
        for key in ("follows", "followers"):
            for number, profile in enumerate(as_list(payload.get(key))):
                try:
                    other = account_from_profile(profile)
                except (ValueError, AttributeError) as exc:
                    errors.append(f"{key}[{number}]: {exc}")
                    continue
                rows.append(other)
                if subject is None:
                    continue
                a, b = (subject, other) if key == "follows" else (other, subject)
                rows.append(
                    Follow(
                        platform=PLATFORM,
                        follower_id=a.id,
                        followee_id=b.id,
                        follower_handle=a.handle,
                        followee_handle=b.handle,
                    )
                )
    elif "profiles" in payload:
        for number, profile in enumerate(as_list(payload["profiles"])):
            try:
                rows.append(account_from_profile(profile))
            except (ValueError, AttributeError) as exc:
                errors.append(f"profiles[{number}]: {exc}")
    elif "did" in payload and "handle" in payload:
        rows.append(account_from_profile(payload))
    elif isinstance(payload.get("post"), dict):  # one feed item (a line of ``jq -c '.feed[]'``)
        rows.extend(rows_from_feed_item(payload, errors))
    elif "uri" in payload and "author" in payload and "record" in payload:  # one post view
        rows.extend(rows_from_post_view(payload, errors))
    elif "uri" in payload and isinstance(payload.get("value"), dict):
        value = payload["value"]
        kind = str(value.get("$type", ""))
        if kind != "app.bsky.feed.post":
            what = kind or "non-post"
            article = "an" if what[0] in "aeiou" else "a"  # "an app.bsky.feed.generator record"
            said = NOT_A_POST.say(article=article, kind=what)
            raise NotAPostRecord(f"{said}: nothing to import")
        uri = str(payload["uri"])
        rows.append(post_from_record(uri, value, did_of_uri(uri) or ""))
    else:
        raise ValueError(
            "not a Bluesky response staffpulse reads (feed, thread, posts, follows, profile)"
        )
    return rows
