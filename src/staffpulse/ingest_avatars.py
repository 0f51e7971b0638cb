"""The avatar images an import brings: those it found in an archive or ZIP, saved beside the
store (:class:`AvatarSaver`), and those a staffpulse record points to with ``avatar_file``,
checked (:class:`AvatarFiles`).

``avatar_file`` is a path a person wrote, relative to the file: it was stored as written, so a
path to nothing, to a folder, to a PDF or to an iPhone's HEIC photo came in as the account's
avatar, and the audit's Face pillar later said only that no image was stored. Now such a path
is left out of the account (which is imported all the same), and the file is told once which
lines, what is wrong with each, and what to do.

An image a record names is the account's, not a file left out: in a folder or ZIP imported
whole it is not told among the files of no known format (:func:`without_named_images`).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from staffpulse.models import Account, AvatarImage
from staffpulse.report.counts import count_of
from staffpulse.sources.base import IMAGE_SUFFIXES, Notice, Problem
from staffpulse.sources.folders import left_out
from staffpulse.sources.text_files import document_kind
from staffpulse.store.avatar_files import holds_newer_avatar, save_avatar
from staffpulse.store.core import Record, Store

AVATAR_FIELD = "avatar_file"
SHOWN_AVATARS = 3  # of a file's unusable avatar files, how many are named
# The images the Face pillar reads, by their first bytes (a name can lie: a .png that is not)
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")
_HEIF_BRANDS = (b"heic", b"heix", b"heif", b"mif1", b"msf1", b"avif", b"hevc")
READS = "PNG, JPEG, GIF or WebP"


def why_not_avatar(path: str, written: str) -> str | None:
    """What is wrong with the avatar file at ``path`` (``written`` in the record), or None
    for an image the Face pillar can read."""
    if written.lower().startswith(("http://", "https://", "www.")):
        return "is a web address, not a file: write it in the column avatar_url instead"
    file = Path(path)
    try:
        if file.is_dir():
            return "is a folder, not an image: name the image file in it"
        if not file.is_file():
            return f"was not found (looked for {path}): a path is read from the file's folder"
        with file.open("rb") as handle:
            head = handle.read(32)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    return why_not_image(head)


def why_not_image(head: bytes) -> str | None:
    """What the file whose first bytes are ``head`` is when it is no image the Face pillar
    reads; None for one it reads."""
    if not head:
        return "is an empty file: copy the image again"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return None
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return (
            f"is a HEIC or AVIF photo (as phones save them), which is not read: save it as {READS}"
        )
    kind = document_kind(head)
    said = f"is {kind}" if kind is not None else "is not an image"
    return f"{said}, not an image staffpulse reads ({READS})"


def named_image(location: str, written: str) -> str:
    """Where the ``avatar_file`` ``written`` in the file at ``location`` is, as
    :func:`_where` tells a file: a member of the same ZIP when the file is one."""
    archive, bang, inside = location.rpartition("!")
    if bang and not os.path.isabs(written):
        return _where(f"{archive}!{os.path.join(os.path.dirname(inside), written)}")
    return _where(os.path.join(os.path.dirname(location), written))


def _where(file: str) -> str:
    """``file`` (a path, or ``zip!member``) told one way however it was written."""
    archive, bang, inside = file.rpartition("!")
    if bang:
        return f"{os.path.realpath(archive)}!{os.path.normpath(inside)}"
    return os.path.realpath(file)


def without_named_images(problems: list[Problem], named: set[str]) -> list[Problem]:
    """``problems`` without the files left out (of no known format) that a record names as
    its avatar: stored as the account's, or told why not (:class:`AvatarFiles`)."""
    return [p for p in problems if not (left_out(p) and _where(p.file) in named)]


class AvatarFiles:
    """Checks the ``avatar_file`` of each record's accounts: one that cannot be used is left
    out of the account and told by :meth:`notices`, one note a file. Each file named goes
    to ``named`` (:func:`named_image`)."""

    def __init__(self, named: set[str] | None = None) -> None:
        self.unusable: dict[str, list[tuple[int | None, str, str]]] = {}
        self.named = set() if named is None else named

    def check(self, record: Record) -> Record:
        raw = record.raw
        if not isinstance(raw, dict) or not raw.get(AVATAR_FIELD):
            return record
        written = str(raw[AVATAR_FIELD]).strip()
        self.named.add(named_image(record.provenance.location, written))
        rows = list(record.rows)
        for i, row in enumerate(rows):
            if not isinstance(row, Account):
                continue
            if row.avatar_image is not None:  # found in a ZIP
                why = why_not_image(row.avatar_image.data[:32])
            elif row.avatar_path:
                why = why_not_avatar(row.avatar_path, written)
            else:
                continue
            if why is not None:
                where = record.provenance.location
                self.unusable.setdefault(where, []).append((record.provenance.line, written, why))
                rows[i] = replace(row, avatar_path=None, avatar_image=None)
        return replace(record, rows=tuple(rows)) if rows != list(record.rows) else record

    def notices(self) -> list[Notice]:
        return [Notice(where, _told(found)) for where, found in self.unusable.items()]


def _told(found: list[tuple[int | None, str, str]]) -> str:
    said = [
        f'{"" if line is None else f"line {line:,}: "}avatar_file "{written}" {why}'
        for line, written, why in found[:SHOWN_AVATARS]
    ]
    more = f"; and {len(found) - SHOWN_AVATARS:,} more" if len(found) > SHOWN_AVATARS else ""
    whose = "its account was" if len(found) == 1 else f"{count_of(len(found), 'account')} were"
    return (
        f"{'; '.join(said)}{more}. So {whose} imported without an avatar (the audit cannot"
        " judge the face): correct the avatar_file, then import the file again"
    )


class AvatarSaver:
    """Saves the avatar images that come on account rows in the store's avatar folder, and
    gives the rows their ``avatar_path`` instead, so no image reaches the store itself."""

    def __init__(self, store: Store) -> None:
        self.store, self.folder = store, store.avatar_folder
        # An archive's owner comes in up to three rows (account.js, profile.js, the follow
        # counts) carrying the one image: it is written once.
        self.saved: dict[tuple[str, str], tuple[AvatarImage, str]] = {}

    def save(self, record: Record) -> Record:
        """``record`` with each of its accounts' images saved and named by ``avatar_path``."""
        if not any(isinstance(row, Account) and row.avatar_image for row in record.rows):
            return record
        rows = tuple(
            self._saved(row, row.avatar_image)
            if isinstance(row, Account) and row.avatar_image is not None
            else row
            for row in record.rows
        )
        return replace(record, rows=rows)

    def _saved(self, account: Account, image: AvatarImage) -> Account:
        key = (account.platform, account.id)
        if holds_newer_avatar(self.store.conn, account):
            # the stored picture is the newer profile's: kept, as its bio is
            return replace(account, avatar_image=None)
        done = self.saved.get(key)
        if done is None or done[0] is not image:
            suffix = Path(image.name).suffix.lower()
            suffix = suffix if suffix in IMAGE_SUFFIXES else ".img"
            done = image, save_avatar(self.folder, account, image.data, suffix)
            self.saved[key] = done
        return replace(account, avatar_path=done[1], avatar_image=None)
