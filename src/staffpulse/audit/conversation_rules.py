"""The Conversation rules for one post, shared by ``staffpulse audit`` and ``staffpulse score``.

Whom a post talks with, whether it shares another account's post and whether it mentions
others depend on the post alone and, for a repost or quote, on the author of the post it
shares when that is known (the store, or the scored files, hold that post). The audit
(:mod:`staffpulse.audit.conversation`) and the batch scorer (:mod:`staffpulse.scale.scoring`)
both call these functions, so that the two count the same posts. A post is read once into an
:class:`Exchange`, which keeps no text: the batch scorer holds on to those of the reposts and
quotes whose shared post is in another file until every file is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from staffpulse.models import Post
from staffpulse.sources.x_v1 import RT_RE


def retweeted_handle(post: Post) -> str:
    """The author an X-style repost names in its "RT @handle:" text (even when the archive
    lists no mention for it), or "" (a repost of an unknown post that names no one cannot be
    attributed)."""
    found = RT_RE.match(post.text or "") if post.kind == "repost" else None
    return found.group(1) if found else ""


def own_names(handle: str, account_id: str) -> frozenset[str]:
    """The names a post may give its own author by: the handle and the id, as written and in
    lower case."""
    return frozenset({handle.lower(), account_id.lower(), account_id}) - {""}


@dataclass(frozen=True, slots=True)
class Exchange:
    """What one post tells about conversation, without its text."""

    kind: str
    reply_to_handle: str  # in lower case; "" when unknown
    reply_to_account_id: str
    shared_id: str  # the reposted or quoted post's id (a repost or quote only), or ""
    named_author: str  # whom a repost or quote names: its first mention or its "RT @name:"
    mentions: tuple[str, ...]  # in lower case
    # the mentions the post's own words make (in lower case): all of them, but for a quote
    # whose first mention the import took from the quoted link (X archives, twarc): that one
    # only when the text writes it too
    mentions_written: tuple[str, ...]


def _written_mentions(post: Post, mentions: tuple[str, ...]) -> tuple[str, ...]:
    """``mentions`` without a quote's first one when its text does not write it: an import
    puts the quoted tweet's author first among a quote's mentions, read from the link
    (:func:`staffpulse.sources.x_ids.quoted_author_first`), so that the quote can be
    attributed; quoting is sharing, not naming anyone, and "lol <link>" mentions no one."""
    if post.kind != "quote" or not mentions:
        return mentions
    first = mentions[0].split("@")[0]  # a Mastodon "user@instance" is written "@user"
    if f"@{first}" in (post.text or "").lower():
        return mentions
    return mentions[1:]


def read_exchange(post: Post) -> Exchange:
    kind, given = post.kind, post.mentions
    sharing = kind in ("repost", "quote")
    # read for every post of every audit: most posts name no one, and only a quote may
    # write fewer mentions than it has
    mentions = tuple([m.lower() for m in given]) if given else ()
    return Exchange(
        kind=kind,
        reply_to_handle=(post.reply_to_handle or "").lower(),
        reply_to_account_id=post.reply_to_account_id or "",
        shared_id=(post.reposted_post_id or post.quoted_post_id or "") if sharing else "",
        named_author=((given[0] if given else "") or retweeted_handle(post)) if sharing else "",
        mentions=mentions,
        mentions_written=_written_mentions(post, mentions) if kind == "quote" else mentions,
    )


def is_self_reply(exchange: Exchange, me: frozenset[str]) -> bool:
    """A reply the account wrote to itself: a thread continuation, not conversation."""
    return exchange.kind == "reply" and (
        exchange.reply_to_handle in me or exchange.reply_to_account_id in me
    )


def _shared_handle(exchange: Exchange, ref_authors: Mapping[str, str]) -> str | None:
    """The handle (lower case) of the author of the post a repost or quote shares, when known:
    from ``ref_authors`` first, then the post's own naming of the author."""
    if exchange.kind not in ("repost", "quote"):
        return None
    author = ref_authors.get(exchange.shared_id) if exchange.shared_id else None
    author = author or exchange.named_author
    return author.lower() if author else None


def _talks_with(exchange: Exchange, me: frozenset[str], shared: frozenset[str]) -> frozenset[str]:
    """Accounts this post talks with: the one replied to, those mentioned, the author of the
    post it quotes (``shared``, never the account itself).

    A bare repost adds no words of the account's own, so it talks with no one: it counts
    only as a share, else a repost-only feed would be rewarded twice for the same clicks.
    """
    if exchange.kind == "repost":
        return frozenset()
    out: set[str] = set(exchange.mentions)
    if exchange.kind == "reply":
        target = exchange.reply_to_handle or exchange.reply_to_account_id
        if target:
            out.add(target)
    out.update(shared)
    return frozenset(out) - me


@dataclass(frozen=True, slots=True)
class Talk:
    """Whom one post talks with and what it shares, its shared post's author looked up once."""

    targets: frozenset[str]  # whom it talks with (replied to, mentioned, quoted)
    shares: bool  # a repost or quote of another account's post (:func:`is_share`)
    # a repost or quote of the account's own post: no share of another's, yet counted among
    # the header's reposts and quotes, so the figures say how many they leave out
    shares_own: bool


def read_talk(exchange: Exchange, me: frozenset[str], ref_authors: Mapping[str, str]) -> Talk:
    """Whom one post talks with, :func:`is_share` and whether it shares the account's own
    post. ``ref_authors`` maps shared post ids to their authors' handles (the posts at hand);
    the post's own naming of the author comes second, since a quote may first mention someone
    else. The shared post's author is looked up once, not three times a post of a cohort."""
    author = _shared_handle(exchange, ref_authors)
    others = frozenset({author}) - me if author else frozenset()
    targets = _talks_with(exchange, me, others)
    return Talk(
        targets=targets,
        shares=is_share(exchange, targets, bool(others)),
        shares_own=author is not None and author in me,
    )


def is_share(exchange: Exchange, targets: frozenset[str], attributed: bool) -> bool:
    """A repost or quote of another account's post: one whose author is known (``attributed``)
    or a quote that talks with someone (``targets``, as :class:`Talk` holds them)."""
    return exchange.kind in ("repost", "quote") and (attributed or bool(targets))


def mentions_others(exchange: Exchange, targets: frozenset[str]) -> bool:
    """An original post or quote whose words mention someone but the account itself."""
    return exchange.kind in ("original", "quote") and any(
        m in targets for m in exchange.mentions_written
    )
