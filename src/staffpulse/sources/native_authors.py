"""Bare accounts for the authors of a file of posts in the project's own format, so a file
of posts alone can be audited (:class:`Authors`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from staffpulse.accents import strip_accents
from staffpulse.handles import absurd_handle_length
from staffpulse.models import Account, Follow, Post, normalize_handle
from staffpulse.next_steps import NAME_IT_AUTHOR
from staffpulse.sources.base import Item, Notice, provenance
from staffpulse.sources.native_records import record_text
from staffpulse.store.core import Record


def author_stub(post: Post, record: Mapping[str, Any]) -> Account | None:
    """The bare account of a post's author (no name, bio or counts), so that a file of posts
    alone can be audited. Its id is the post's ``author_id``, so the audit finds the posts.

    None when the record names its author by id only: the handle would be a guess, and the
    store keeps the last handle it is given.
    """
    if record_text(record, "author") is None and record_text(record, "author_handle") is None:
        return None
    return Account(
        platform=post.platform,
        id=post.author_id,
        handle=post.author_handle,
        bio_known=False,
        name_known=False,
    )


class Authors:
    """Bare accounts for the authors of a file's posts, minus those the file itself declares.

    Each bare account is handed out with its author's first post (:meth:`see`), so it is
    written in the same batch: an import stopped midway (Ctrl-C, a crash) leaves no post
    without its author. An author the file declares before its first post gets none: the
    declared account is richer, and a stub for the same handle under another id would be a
    second account with that handle. One declared after its first post completes the bare
    account (the store's upsert fills and replaces its blank fields; a bare account is not
    counted as an updated profile). Posts whose author is named only by ``author_id`` get no
    stub (the handle would be a guess): they are counted, for one notice. So are handles
    written with accents and read without them (:func:`staffpulse.handles.plain_handle`).
    """

    def __init__(self) -> None:
        self.declared_ids: set[tuple[str, str]] = set()
        self.declared_handles: set[tuple[str, str]] = set()
        self.stubs: dict[tuple[str, str], Account] = {}  # those left for the end of the file
        self.given: set[tuple[str, str]] = set()  # stubs already handed out by :meth:`see`
        self.by_id_only: dict[tuple[str, str], int] = {}  # (platform, author_id) -> posts
        self.unaccented: dict[str, str] = {}  # handle as written -> as read

    def see(self, row: Account | Post | Follow, record: Mapping[str, Any]) -> Account | None:
        """Note ``row``; the stub of its author to write before it, when it is due now."""
        self._note_accents(row, record)
        if isinstance(row, Account):
            self.declared_ids.add((row.platform, row.id))
            self.declared_handles.add((row.platform, normalize_handle(row.handle)))
        elif isinstance(row, Post):
            stub = author_stub(row, record)
            if stub is None:
                key = (row.platform, row.author_id)
                self.by_id_only[key] = self.by_id_only.get(key, 0) + 1
                return None
            key = (stub.platform, stub.id)
            if key in self.given or not self._undeclared(stub):
                return None
            # an absurd handle (a shifted column) is told on its post's line and skipped
            # with it (staffpulse.handle_lengths): its stub waits for the end, as before
            if len(stub.handle.lstrip("@")) > absurd_handle_length(stub.platform):
                self.stubs.setdefault(key, stub)
                return None
            self.given.add(key)
            return stub
        return None

    def _note_accents(self, row: Account | Post | Follow, record: Mapping[str, Any]) -> None:
        pairs: list[tuple[str, str | None]]
        if isinstance(row, Account):
            pairs = [("handle", row.handle)]
        elif isinstance(row, Post):
            written = "author" if record_text(record, "author") else "author_handle"
            pairs = [(written, row.author_handle)]
        else:
            pairs = [("follower", row.follower_handle), ("followee", row.followee_handle)]
        for key, read in pairs:
            written = (record_text(record, key) or "").lstrip("@")
            if read and not written.isascii() and strip_accents(written) == read != written:
                self.unaccented.setdefault(written, read)

    def _undeclared(self, stub: Account) -> bool:
        """Whether the file has not declared this account, by id or by handle, so far."""
        by_id = (stub.platform, stub.id) in self.declared_ids
        return (
            not by_id
            and (stub.platform, normalize_handle(stub.handle)) not in self.declared_handles
        )

    def items(self, source: str, path: Path) -> Iterator[Item]:
        """The record of the bare accounts, then the notice about posts with no account."""
        fresh = tuple(stub for stub in self.stubs.values() if self._undeclared(stub))
        if fresh:
            # No raw payload: a stub is derived from posts whose payloads are stored with them.
            yield Record(rows=fresh, provenance=provenance(source, path))
        posts = sum(n for key, n in self.by_id_only.items() if key not in self.declared_ids)
        if posts:
            yield Notice(str(path), _by_id_only_note(posts))
        if self.unaccented:
            yield Notice(str(path), _unaccented_note(self.unaccented))


def _unaccented_note(unaccented: Mapping[str, str]) -> str:
    """What a file's handles written with accents were read as."""
    count = len(unaccented)
    written, read = next(iter(unaccented.items()))
    return (
        f"{count:,} handle{'' if count == 1 else 's'} written with accents read without them, "
        f"as X handles and Mastodon user names have none: @{written} as @{read}"
        f"{' and others' if count > 1 else ''}, the account{'' if count == 1 else 's'} of the "
        "plain handle" + ("" if count == 1 else "s")
    )


def _by_id_only_note(posts: int) -> str:
    one = posts == 1
    return (
        f"{posts:,} post{'' if one else 's'} name{'s its' if one else ' their'} author only by "
        f"author_id, so no account was made for {'it' if one else 'them'} (a handle would be a "
        f"guess) and {'it' if one else 'they'} cannot be audited until an account with that id "
        f"is imported. {NAME_IT_AUTHOR.say()}"
    )
