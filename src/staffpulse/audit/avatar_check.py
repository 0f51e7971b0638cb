"""What an account's picture shows, for Face: the platform's placeholder as its profile
metadata tells, else the image model on the stored image, every image of a cohort in one
batch; an image that cannot be read (or no ``image`` extra) is left unchecked with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from staffpulse.errors import MissingExtraError, ModelError
from staffpulse.models import Account
from staffpulse.signals.avatar import AvatarVerdict, classify_avatars
from staffpulse.signals.avatar_defaults import default_from_metadata


@dataclass(frozen=True, slots=True)
class AvatarInfo:
    label: str | None
    confidence: float
    source: str
    note: str | None = None
    file: str | None = None


def _metadata_says_default(account: Account) -> bool:
    """The platform's placeholder, as the profile metadata tells (the fetcher's rule too).

    ``None`` is judged by nobody: the store has no avatar for the account because its profile
    was never read (a handle from a cohort file, a post author seen in passing), which says
    nothing of the picture. ``""`` is a profile read without a picture (Bluesky's way).
    """
    return account.avatar_url is not None and default_from_metadata(
        account.platform, account.avatar_url
    )


def _from_verdict(verdict: AvatarVerdict) -> AvatarInfo:
    if verdict.label is None:
        note = verdict.error or "the image could not be read"
        return AvatarInfo(None, 0.0, "image model", note=note, file=verdict.file)
    source = "image model (on this machine)"
    return AvatarInfo(verdict.label, float(verdict.confidence), source, file=verdict.file)


def _classify(paths: Sequence[str]) -> list[AvatarInfo]:
    """Run the image model on every path in one batch; an unreadable file gets its own note.

    Without the ``image`` extra, or with a corrupt model artifact, every image is left
    unchecked with the reason: the other pillars of the audit still stand.
    """
    try:
        verdicts = classify_avatars(paths)
    except MissingExtraError as exc:
        note = f"image check skipped; {exc.hint}"
        return [AvatarInfo(None, 0.0, "skipped", note=note, file=path) for path in paths]
    except ModelError as exc:
        return [AvatarInfo(None, 0.0, "image model", note=str(exc), file=path) for path in paths]
    return [_from_verdict(verdict) for verdict in verdicts]


def avatar_infos(accounts: Sequence[Account]) -> list[AvatarInfo]:
    """The avatar verdict of each account: placeholder metadata first, then the image model."""
    out: list[AvatarInfo | None] = []
    pending: list[tuple[int, str]] = []
    for account in accounts:
        path = account.avatar_path
        if _metadata_says_default(account):
            out.append(AvatarInfo("default", 0.95, "profile metadata"))
        elif not path or not Path(path).is_file():
            why = "no avatar image is stored for this account"
            if account.avatar_url:
                why = "only the avatar's web address is stored, not the image"
            out.append(AvatarInfo(None, 0.0, "none", note=why))
        else:
            pending.append((len(out), path))
            out.append(None)
    checked = _classify([path for _index, path in pending]) if pending else []
    by_index = dict(zip((index for index, _path in pending), checked, strict=True))
    return [by_index[i] if info is None else info for i, info in enumerate(out)]


def avatar_info(account: Account) -> AvatarInfo:
    """The avatar verdict: the image model when it can run, else what the metadata tells."""
    return avatar_infos([account])[0]
