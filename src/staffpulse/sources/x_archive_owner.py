"""The owner of an X archive, from its own files: ``account.js`` (completed from
``manifest.js`` when a damaged copy emptied it), ``profile.js`` (bio, avatar address), and
the follow edges and counts of ``follower.js`` and ``following.js``. Pure transformers, read by
:class:`~staffpulse.sources.x_archive.XArchive`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from staffpulse.models import Account, Follow
from staffpulse.sources.base import parse_timestamp
from staffpulse.sources.jsonio import get_str
from staffpulse.sources.x_v1 import PLATFORM


def owner_from_archive(
    account: Mapping[str, Any] | None, profile: Mapping[str, Any] | None
) -> Account:
    """The archive owner from ``account.js`` (and ``profile.js`` when given)."""
    acc = account or {}
    user_id = get_str(acc, "accountId")
    handle = get_str(acc, "username")
    if user_id is None or handle is None:
        raise ValueError("account.js has no 'accountId' or 'username'")
    prof = profile or {}
    avatar = get_str(prof, "avatarMediaUrl")
    return Account(
        platform=PLATFORM,
        id=user_id,
        handle=handle,
        display_name=get_str(acc, "accountDisplayName") or "",
        name_known="accountDisplayName" in acc,
        bio=get_str(prof, "description", "bio") or "",
        bio_known=profile is not None,  # profile.js holds the bio
        avatar_url=avatar if avatar and avatar.startswith("http") else None,
        created_at=parse_timestamp(acc.get("createdAt")),
        url=f"https://x.com/{handle}",
    )


def follow_from_archive(kind: str, item: Mapping[str, Any], owner_id: str) -> Follow:
    other = get_str(item, kind, "accountId")
    if other is None:
        raise ValueError(f"{kind} entry without 'accountId'")
    if kind == "follower":
        return Follow(platform=PLATFORM, follower_id=other, followee_id=owner_id)
    return Follow(platform=PLATFORM, follower_id=owner_id, followee_id=other)


def counted_owner(
    owner: Account | None, listed: Mapping[str, set[str] | None], generated: datetime | None
) -> Account | None:
    """The owner with the follower and following counts of ``follower.js`` / ``following.js``
    (the profile files carry none), as of the archive's generation date; None when there is
    nothing to count, no date to count them as of (an undated count would replace a newer
    fetched one), or a damaged entry made the count short."""
    if owner is None or generated is None:
        return None
    followers, following = listed.get("follower"), listed.get("following")
    if followers is None and following is None:
        return None
    return replace(
        owner,
        followers=len(followers) if followers is not None else owner.followers,
        following=len(following) if following is not None else owner.following,
    )


def filled_account(
    account: dict[str, Any] | None, manifest: dict[str, Any] | None
) -> dict[str, Any] | None:
    """``account.js``'s account, with what it lacks (its id or handle emptied by a damaged
    copy) taken from ``manifest.js``, which names the owner too: else every post was lost."""
    if account is None or manifest is None:
        return account or manifest
    return {**account, **{k: v for k, v in manifest.items() if v and account.get(k) in (None, "")}}


def public_account(account: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """``account.js`` without the owner's e-mail and phone number (never stored)."""
    if account is None:
        return None
    return {k: v for k, v in account.items() if k not in ("email", "phoneNumber", "phone")}
