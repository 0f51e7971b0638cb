"""The normalized model: the one shape every feature reads (DESIGN.md, "Normalized model").

Sources turn platform payloads into these rows; the store persists them; signals, audit,
benchmark, listen and connect read them back. Accounts and posts are keyed by
``(platform, id)``. Where a platform gives no stable id (the project's own CSV), the id is
the lower-cased handle (:func:`keyed_by_handle`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, get_args

from staffpulse.errors import InputError
from staffpulse.handles import ascii_address
from staffpulse.next_steps import PLATFORM_SPELLINGS

Platform = str  # "x", "bluesky", "mastodon", "csv" or whatever a CSV row names
PLATFORM_NAMES = {"x": "X", "bluesky": "Bluesky", "mastodon": "Mastodon"}
# What a file written by a person may name the platform: these, or a spelling in the aliases.
# ("csv" is what rows without a platform get.)
PLATFORMS = ("x", "bluesky", "mastodon", "csv")
PLATFORM_ALIASES = {
    "twitter": "x",
    "twitter.com": "x",
    "x.com": "x",
    "bsky": "bluesky",
    "bsky.app": "bluesky",
    "bsky.social": "bluesky",
}


def normalize_platform(value: str) -> str:
    """The platform meant by a user's spelling (``Twitter`` → ``x``, ``bsky`` → ``bluesky``);
    raises ValueError naming the valid ones for anything else (``facebook``)."""
    key = value.strip().lower()
    key = PLATFORM_ALIASES.get(key, key)
    if key not in PLATFORMS:
        raise ValueError(
            f"unknown platform {value.strip()!r}{guess_platform(value)} (use one of: "
            f"{', '.join(PLATFORMS)}; twitter is read as x, bsky as bluesky)"
        )
    return key


def guess_platform(typed: str, choices: tuple[str, ...] = PLATFORMS) -> str:
    """``: did you mean mastodon?`` for a misspelled platform (``mastodn``, ``blusky``,
    ``twiter``: ``twitter``, which works too), as the roles and segments do; nothing when no
    spelling of ``choices`` is close."""
    close = closest_platform(typed, choices)
    return f": did you mean {close}?" if close else ""


def closest_platform(typed: str, choices: tuple[str, ...] = PLATFORMS) -> str | None:
    """The spelling of one of ``choices`` (or of an alias of one) closest to ``typed``; None
    when none is close."""
    spellings = [*choices, *(alias for alias, name in PLATFORM_ALIASES.items() if name in choices)]
    close = difflib.get_close_matches(typed.strip().lower(), spellings, n=1)
    return close[0] if close else None


def unknown_handle_platform(written: str) -> str:
    """What a handles file is told of a platform cell no handle can have (``myspace``, a
    misspelled ``mastodn``: "did you mean mastodon?")."""
    guess = guess_platform(written, ("x", "bluesky", "mastodon"))
    return f"unknown platform '{written.strip()}'{guess} (use x, bluesky or mastodon)"


def platform_choice(value: str | None, choices: tuple[str, ...] = PLATFORMS) -> str | None:
    """The platform a person chose (``--platform``, a web form), as stored: ``twitter`` → ``x``,
    ``bsky`` → ``bluesky``, in any case; ``None`` (or blank) for every platform. An unknown one
    (``facebook``) is an input error naming the valid ones, all of them (``csv`` too, what the
    rows of a CSV without a platform column are filed under, which a store holds like any):
    filtering by it would only find nothing, and "no accounts" would send the user to import
    data they already have. ``choices`` narrows them where ``csv`` means nothing (handles to
    fetch), and the error then names only those."""
    if value is None or not value.strip():
        return None
    try:
        key: str | None = normalize_platform(value)
    except ValueError:
        key = None
    if key is not None and key in choices:
        return key
    if NO_PLATFORM in choices:
        hint = PLATFORM_SPELLINGS.say()
    else:
        # csv names rows imported from a CSV, no network a handle is fetched from
        hint = (
            f"use --platform {' or --platform '.join(choices)} (twitter is read as x, bsky as "
            "bluesky), or leave --platform out to guess it from each handle"
        )
    guess = guess_platform(value, choices)
    if not guess:  # another network (linkedin), no typo: the spellings alone read as one
        hint = f"{not_read_here(value)}; {hint}"
    raise InputError(
        f"unknown platform {value.strip()!r}{guess} (use one of {', '.join(choices)})", hint=hint
    )


# How people write the networks staffpulse is asked about and does not read
OTHER_NETWORKS = {
    "linkedin": "LinkedIn",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "threads": "Threads",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "reddit": "Reddit",
}


def not_read_here(value: str) -> str:
    """``staffpulse reads X, Bluesky and Mastodon; LinkedIn is not one of them``: said of a
    platform that no spelling of these is close to, so no one looks for the right way to
    write it."""
    name = OTHER_NETWORKS.get(value.strip().lower(), repr(value.strip()))
    return f"staffpulse reads X, Bluesky and Mastodon; {name} is not one of them"


def platform_name(platform: str, article: bool = False) -> str:
    """How people write the platform: ``X``, ``Bluesky``; with ``article``: ``an X``."""
    name = PLATFORM_NAMES.get(platform, platform)
    if not article:
        return name
    return ("an " if name[:1].lower() in "aeiox" else "a ") + name


# What rows from a CSV without a platform column are filed under. It is no network: shown to
# people it reads as where the rows came from (:func:`platform_label`), never as "csv".
NO_PLATFORM = "csv"


def platform_label(platform: str) -> str:
    """A platform as people see it on a page or in a table: ``X``, ``Bluesky``, ``Mastodon``;
    ``CSV (no platform)`` for rows from a CSV without a platform column. The one place that
    names platforms for display; the stored key (``x``, ``csv``) stays what ``--platform``
    and the JSON outputs use."""
    return "CSV (no platform)" if platform == NO_PLATFORM else platform_name(platform)


def on_platform(platform: str) -> str:
    """Where accounts are, in a sentence: ``on X``, ``from a CSV (no platform)``."""
    return (
        "from a CSV (no platform)" if platform == NO_PLATFORM else f"on {platform_name(platform)}"
    )


PostKind = Literal["original", "reply", "repost", "quote"]
POST_KINDS: tuple[PostKind, ...] = get_args(PostKind)
InteractionKind = Literal["reply", "mention", "repost", "quote"]
# The roles an account plays in the hiring world, in the role model's column order (its
# artifact is checked against them). Kept here, not in the model, so that code that only
# names roles (connect's --role) does not import scikit-learn.
ROLES: tuple[str, ...] = (
    "staffing_firm",
    "recruiter",
    "hr_pro",
    "vendor",
    "job_board",
    "employer",
    "job_seeker",
    "other",
)
# The industry group the Connect pillar looks for.
INDUSTRY_ROLES: tuple[str, ...] = ("staffing_firm", "recruiter", "hr_pro", "vendor")


def normalize_handle(handle: str) -> str:
    """Handles compare case-insensitively and without the leading ``@``, a Mastodon address
    on an internationalized domain in its ASCII form (``anna@xn--bcher-kva.social``), as
    Mastodon keys it."""
    return ascii_address(handle.strip().lstrip("@").lower())


def keyed_by_handle(account_id: str | None, handle: str | None) -> bool:
    """Whether an account id is a *handle key*: the lower-cased handle, given where the data
    named the account by its handle alone (the staffpulse CSV and JSONL, TWCS brands). No
    platform's own ids look like that (X and Mastodon ids are numbers, Bluesky's are DIDs),
    so the store can file such rows under the account it holds with that handle
    (:mod:`staffpulse.store.handle_keys`)."""
    return bool(account_id) and bool(handle) and account_id == normalize_handle(handle or "")


# The largest count SQLite stores (a signed 64-bit integer). A larger one is corrupt or
# hand-edited data: the row holding it is skipped and reported, never stored wrong.
MAX_COUNT = 2**63 - 1


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a raw payload came from."""

    source: str  # registry name of the adapter, e.g. "x-archive", "twarc2", "bluesky-api"
    location: str  # file path (with archive member) or URL
    tool_version: str  # "staffpulse 0.1.0" plus the producing tool when known
    retrieved_at: datetime
    line: int | None = None


@dataclass(frozen=True, slots=True)
class AvatarImage:
    """An avatar image an import found (an X archive's profile picture, a ZIP member): its
    file name there and its bytes. Readers only read, so it rides on the account row until the
    import saves it beside the store and sets ``avatar_path``; it is never stored itself."""

    name: str
    data: bytes = field(repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Account:
    platform: Platform
    id: str
    handle: str
    display_name: str = ""
    bio: str = ""
    # False when the data had no bio field at all (a Bluesky feed's author, a post author
    # seen in passing): "" then means "not known", not "left empty"
    bio_known: bool = True
    # False when the data had no display name field (TWCS and IBM customer-care sets, a posts
    # file's authors): "" then means "not known", not "left empty", as for the bio
    name_known: bool = True
    avatar_url: str | None = None
    avatar_path: str | None = None  # a local copy of the avatar image, when we have one
    # an image read from an import, not saved yet (ingest saves it and sets avatar_path)
    avatar_image: AvatarImage | None = field(default=None, compare=False, repr=False)
    followers: int | None = None
    following: int | None = None
    post_count: int | None = None
    created_at: datetime | None = None
    url: str | None = None
    verified: bool = False
    # When the profile and its counts were as given (a fetch's time, a twarc2 page's
    # retrieval time, an archive's generation date); None when the data does not say. The
    # store never lets an older observation replace a newer one (store/upsert_sql.py).
    observed_at: datetime | None = field(default=None, compare=False)
    raw: dict[str, Any] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Post:
    platform: Platform
    id: str
    author_id: str
    author_handle: str = ""
    text: str = ""
    created_at: datetime | None = None
    lang: str | None = None
    kind: PostKind = "original"
    reply_to_post_id: str | None = None
    reply_to_account_id: str | None = None
    reply_to_handle: str | None = None
    conversation_id: str | None = None
    quoted_post_id: str | None = None
    reposted_post_id: str | None = None
    mentions: tuple[str, ...] = ()  # normalized handles
    hashtags: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    likes: int | None = None
    reposts: int | None = None
    replies: int | None = None
    quotes: int | None = None
    url: str | None = None
    # other ids the platform gives this post (a Mastodon status's id on the instance that
    # served it), so links written with them find it: store/aliases.py
    aliases: tuple[str, ...] = ()
    # When the counts (likes, reposts, replies, quotes) were as given, as for Account
    observed_at: datetime | None = field(default=None, compare=False)
    raw: dict[str, Any] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Follow:
    """A follow edge where the platform told us about it."""

    platform: Platform
    follower_id: str
    followee_id: str
    follower_handle: str | None = None
    followee_handle: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Interaction:
    """An edge derived from posts: ``source`` replied to, mentioned, reposted or quoted ``target``.

    ``target_id`` is the account id when known, else ``"@" + handle``.
    """

    platform: Platform
    source_id: str
    target_id: str
    kind: InteractionKind
    count: int
    first_seen: datetime | None
    last_seen: datetime | None


@dataclass(slots=True, kw_only=True)
class Run:
    """One import, fetch, audit or listen run, with its parameters and counts."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, Any] = field(default_factory=dict)
    status: str = "running"
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    finished_at: datetime | None = None
    id: int | None = None


Row = Account | Post | Follow
