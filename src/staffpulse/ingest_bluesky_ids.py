"""Bluesky posts named by their author's handle (``at://<handle>/app.bsky.feed.post/<rkey>``),
as a sheet's bsky.app links name them, and the same posts named by the account's DID
(``at://did:plc:.../app.bsky.feed.post/<rkey>``), as a repo.car, a saved API page and a fetch
store them.

One post under both ids was stored twice and counted twice by audits. Whichever comes first:

* a post named by a handle whose DID the store knows (the account of an earlier import or
  fetch) is written under the DID's id, and so are the links to such posts (its conversation,
  the post it replies to or quotes);
* a post named by a DID whose handle-named copy is stored (the same author's handle, the same
  record key) replaces that copy: the copy's id becomes the post's alias
  (:mod:`staffpulse.store.aliases`), so links naming it land on the post.

Either way the file is told once, with how many. A handle the store does not know the DID of,
and a DID whose handle it does not know (a repo.car alone names none), are left as they are,
unless their posts' keys and texts tie the two (:mod:`staffpulse.ingest_bluesky_keys`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import replace

from staffpulse.ingest_bluesky_keys import KeyedPairs, split_post_id
from staffpulse.models import Account, Follow, Post
from staffpulse.report.counts import count_of
from staffpulse.sources.bluesky import PLATFORM
from staffpulse.store.codec import rows_where_in
from staffpulse.store.core import Record

_LINKS = ("conversation_id", "reply_to_post_id", "quoted_post_id", "reposted_post_id")
_DIDS = (
    "SELECT lower(handle), id FROM accounts WHERE platform = ? AND id LIKE 'did:%'"
    " AND lower(handle) IN ({marks})"
)
_HANDLES = "SELECT id, handle FROM accounts WHERE platform = ? AND id IN ({marks})"
_STORED = "SELECT id FROM posts WHERE platform = ? AND id IN ({marks})"
# a post once named by a handle and stored under its DID's id (a handle the account had before
# a rename): the post's id, of the aliases from that handle's prefix up to the next one's
_FORMER = "SELECT post_id FROM post_aliases WHERE platform = ? AND alias >= ? AND alias < ? LIMIT 1"
# the newest post once named by a former handle (as _FORMER), and the first post of its DID
# after it stored with another handle: by then the account had taken that one
_LAST_FORMER = "SELECT max(alias) FROM post_aliases WHERE platform = ? AND alias >= ? AND alias < ?"
_RENAMED = (
    "SELECT id FROM posts WHERE platform = ? AND author_id = ? AND id > ? AND author_handle != ''"
    " AND lower(author_handle) != ? AND author_handle NOT LIKE 'did:%' ORDER BY id LIMIT 1"
)


def _bare_account(did: str, handle: str) -> Account:
    """The account of ``did`` with the ``handle`` its posts' keys showed, and nothing more
    (no name or bio to write over the stored ones)."""
    return Account(platform=PLATFORM, id=did, handle=handle, bio_known=False, name_known=False)


def _is_handle(name: str) -> bool:
    return bool(name) and not name.startswith("did:")


def _post_id(repo: str, rkey: str) -> str:
    return f"at://{repo}/app.bsky.feed.post/{rkey}"


class BlueskyHandleIds:
    """Each batch's Bluesky post ids put as the store holds them (the module's docstring):
    :meth:`rewrite` each batch before it is written, :meth:`note` once the file is read."""

    def __init__(self, conn: sqlite3.Connection, same_as: str = "this file's") -> None:
        self.conn = conn
        self.same_as = same_as  # whose posts the note says stored copies are: a file's, a fetch's
        self.dids: dict[str, str] = {}  # lowercased handle -> DID, of the file's accounts too
        self.handles: dict[str, str] = {}  # DID -> handle
        self.under_did = 0  # posts named by a handle, written under the DID's id
        self.replaced = 0  # stored handle-named copies replaced by a post named by its DID
        self.example = ""
        self.keys = KeyedPairs(conn)
        self.paired: dict[str, str] = {}  # DID -> handle, learned from posts' keys
        self.former: dict[str, str] = {}  # lowercased handle -> DID, of an account renamed
        # a former handle (known from a stored alias) -> the key of the DID's first post under
        # another handle: a post by the former handle with a later key was written after the
        # rename, perhaps by a new owner of the handle, and is not filed under the DID
        self.renamed_at: dict[str, str] = {}
        self.kept_apart = 0  # posts by a former handle, written after the rename: not the DID's
        self._apart: set[str] = set()  # the former handles of such posts
        self._not_former: set[str] = set()  # handles no post alias names

    def rewrite(self, batch: list[Record]) -> list[Record]:
        posts = [r for rec in batch for r in rec.rows if isinstance(r, Post)]
        if not any(r.platform == PLATFORM for r in posts):
            return batch
        self._learn(r for rec in batch for r in rec.rows if isinstance(r, Account))
        by_handle, by_did = self._named(posts)
        self._ask_dids(by_handle)
        self._ask_handles(by_did)
        # a repo.car names no handle, a sheet no DID: their posts' keys may tie the two
        paired = self.keys.learn(posts, set(self.dids), set(self.handles))
        for did, handle in paired.items():
            self.dids[handle.lower()] = did
            self.handles[did] = handle
        self.paired.update(paired)
        for handle, did in self.keys.former.items():  # a renamed account's older handles
            self.dids[handle] = self.former[handle] = did
        copies = self._stored_copies(posts)
        return self._with_handles([self._record(record, copies) for record in batch], paired)

    def _with_handles(self, batch: list[Record], paired: dict[str, str]) -> list[Record]:
        """``batch`` with each DID's account ``paired`` gives a handle to written with it, so
        the store files the handle's bare account (a sheet's author) under the DID: the
        account's row given the handle, or one added beside the DID's first post. The bare
        account of a handle the account had before (:attr:`former`) is the DID's too."""
        if not paired and not self.former:
            return batch
        named: set[str] = set()
        by_handle = {**self.former, **{handle.lower(): did for did, handle in paired.items()}}
        out: list[Record] = []
        for record in batch:
            rows = tuple(self._account(row, paired, by_handle, named) for row in record.rows)
            out.append(record if rows == record.rows else replace(record, rows=rows))
        for index, record in enumerate(out):
            for row in record.rows:
                did = self._did_of(row)
                if did in paired and did not in named:
                    named.add(did)
                    added = _bare_account(did, paired[did])
                    out[index] = record = replace(record, rows=(added, *record.rows))
        return out

    def _account(
        self,
        row: Account | Post | Follow,
        paired: dict[str, str],
        by_handle: dict[str, str],
        named: set[str],
    ) -> Account | Post | Follow:
        if row.platform != PLATFORM or isinstance(row, Follow):
            return row
        if isinstance(row, Post):  # the sheet's post of the handle: by the DID's account
            did = by_handle.get(row.author_id)
            if did is None or not row.id.startswith(f"at://{did}/"):  # kept apart: not the DID's
                return row
            if row.author_id in self.former:  # by the account's handle now
                return replace(row, author_id=did, author_handle=self._handle_now(did, row))
            return replace(row, author_id=did)
        if row.id in paired and row.handle in ("", row.id):  # the repo.car's account
            named.add(row.id)
            return replace(row, handle=paired[row.id])
        did = by_handle.get(row.id)
        if did is not None and row.id.lower() not in self._apart:  # the sheet's bare account
            named.add(did)
            if row.id in self.former:  # of an old handle: the account keeps its handle now
                return replace(row, id=did, handle=self._handle_now(did, row))
            return replace(row, id=did)
        return row

    def _handle_now(self, did: str, row: Account | Post) -> str:
        """The handle of ``did`` now (its newest post's, or the store's), for a row named by
        a handle the account had before; the row's own when neither is known."""
        said = row.handle if isinstance(row, Account) else row.author_handle
        return self.handles.get(did) or said or did

    def _did_of(self, row: Account | Post | Follow) -> str | None:
        if not isinstance(row, Post) or row.platform != PLATFORM:
            return None
        split = split_post_id(row.id)
        return split[0] if split is not None and split[0].startswith("did:") else None

    def _learn(self, accounts: Iterable[Account]) -> None:
        for account in accounts:
            did, handle = account.id, account.handle or ""
            if account.platform == PLATFORM and did.startswith("did:") and _is_handle(handle):
                self.dids[handle.lower()] = did
                self.handles[did] = handle

    def _named(self, posts: list[Post]) -> tuple[set[str], set[str]]:
        """The handles and the DIDs the batch's Bluesky post ids (and links) name."""
        handles: set[str] = set()
        dids: set[str] = set()
        for post in posts:
            if post.platform != PLATFORM:
                continue
            for post_id in (post.id, *(getattr(post, link) for link in _LINKS)):
                if (split := split_post_id(post_id)) is not None:
                    repo = split[0]
                    (dids if repo.startswith("did:") else handles).add(repo.lower())
        return handles, dids

    def _ask_dids(self, handles: set[str]) -> None:
        wanted = sorted(h for h in handles if h not in self.dids)
        for handle, did in rows_where_in(self.conn, _DIDS, (PLATFORM,), wanted):
            self.dids.setdefault(handle, did)
        for handle in wanted:  # no account's handle now: a renamed account's older one?
            if handle in self.dids or handle in self._not_former:
                continue
            if (did := self._former_did(handle)) is None:
                self._not_former.add(handle)  # asked once a file, not once a batch
                continue
            self.dids[handle] = self.former[handle] = did
            self._ask_handles({did})
            self._learn_rename(handle, did)

    def _learn_rename(self, handle: str, did: str) -> None:
        """When ``did`` took another handle than its former ``handle`` (:attr:`renamed_at`):
        at its first post stored with another handle after the newest named by the former."""
        prefix = _post_id(handle, "")
        (last,) = self.conn.execute(_LAST_FORMER, (PLATFORM, prefix, prefix[:-1] + "0")).fetchone()
        if (split := split_post_id(last)) is None:
            return
        after = (PLATFORM, did, _post_id(did, split[1]), handle)
        renamed = self.conn.execute(_RENAMED, after).fetchone()
        if (split := split_post_id(renamed[0] if renamed else None)) is not None:
            self.renamed_at[handle] = split[1]

    def _former_did(self, handle: str) -> str | None:
        """The DID whose posts were once named by ``handle``, as a post alias keeps it."""
        prefix = _post_id(handle, "")
        found = self.conn.execute(_FORMER, (PLATFORM, prefix, prefix[:-1] + "0")).fetchone()
        split = split_post_id(found[0]) if found is not None else None
        return split[0] if split is not None and split[0].startswith("did:") else None

    def _ask_handles(self, dids: set[str]) -> None:
        wanted = sorted(d for d in dids if d not in self.handles)
        for did, handle in rows_where_in(self.conn, _HANDLES, (PLATFORM,), wanted):
            if _is_handle(handle):
                self.handles[did] = handle

    def _copy_ids(self, post: Post) -> list[str]:
        """The ids a handle-named copy of ``post`` (named by its DID) may be stored under."""
        split = split_post_id(post.id)
        if post.platform != PLATFORM or split is None or not split[0].startswith("did:"):
            return []
        handles = {self.handles.get(split[0], ""), post.author_handle or ""}
        handles |= {former for former, did in self.former.items() if did == split[0]}
        named = {h for h in handles if _is_handle(h)}
        return sorted({_post_id(form, split[1]) for h in named for form in (h, h.lower())})

    def _stored_copies(self, posts: list[Post]) -> set[str]:
        wanted = sorted({copy for post in posts for copy in self._copy_ids(post)})
        # a post named by a handle, stored so before its DID was known (a sheet, then the
        # repo.car that tied the two): written under the DID's id now, that copy is replaced
        wanted += [p.id for p in posts if p.platform == PLATFORM and self._under_did(p.id) != p.id]
        return {row[0] for row in rows_where_in(self.conn, _STORED, (PLATFORM,), wanted)}

    def _of_former_handle(self, post_id: str) -> bool:
        split = split_post_id(post_id)
        return split is not None and split[0].lower() in self.former

    def _under_did(self, post_id: str | None) -> str | None:
        split = split_post_id(post_id)
        if split is None or split[0].startswith("did:") or self._after_rename(*split):
            return post_id
        did = self.dids.get(split[0].lower())
        return post_id if did is None else _post_id(did, split[1])

    def _after_rename(self, handle: str, rkey: str) -> bool:
        """Whether a post by ``handle`` (a former handle of a DID, known from a stored alias
        alone) was written after the DID took another handle: its key (a time) is later."""
        renamed = self.renamed_at.get(handle.lower())
        return renamed is not None and rkey > renamed

    def _record(self, record: Record, copies: set[str]) -> Record:
        rows = tuple(
            self._row(row, copies) if isinstance(row, Post) else row for row in record.rows
        )
        return record if rows == record.rows else replace(record, rows=rows)

    def _row(self, post: Post, copies: set[str]) -> Post:
        if post.platform != PLATFORM:
            return post
        new_id = self._under_did(post.id) or post.id
        if (split := split_post_id(post.id)) is not None and self._after_rename(*split):
            self.kept_apart += 1
            self._apart.add(split[0].lower())
        if new_id != post.id:
            self.under_did += 1
            self.example = self.example or f"{post.id} is {new_id}"
            if self._of_former_handle(post.id):  # kept, so the tie is found again next time
                post = replace(post, aliases=(*post.aliases, post.id))
        # a batch with no copy stored (a fetch's pages, once it has run) looks for none
        found = (
            [
                c
                for c in [*self._copy_ids(post), *([post.id] if new_id != post.id else [])]
                if c in copies and c not in post.aliases
            ]
            if copies
            else []
        )
        if found:
            self.replaced += 1
            self.example = self.example or f"{found[0]} is {post.id}"
        links = [self._under_did(getattr(post, link)) for link in _LINKS]
        if new_id == post.id and not found and links == [getattr(post, n) for n in _LINKS]:
            return post  # as most fetched posts are: no new Post made for each, on every page
        conversation, reply_to, quoted, reposted = links
        return replace(
            post,
            id=new_id,
            aliases=(*post.aliases, *found),
            conversation_id=conversation,
            reply_to_post_id=reply_to,
            quoted_post_id=quoted,
            reposted_post_id=reposted,
        )

    def note(self) -> str | None:
        """What the file is told of the posts put under their DID's id; None if none."""
        said = []
        if self.under_did:
            one = self.under_did == 1
            said.append(
                f"{count_of(self.under_did, 'Bluesky post')} named by {'its' if one else 'their'}"
                f" author's handle {'was' if one else 'were'} stored under the account's DID,"
                " as its repo.car, its saved pages and a fetch name them"
            )
        if self.replaced:
            one = self.replaced == 1
            said.append(
                f"{count_of(self.replaced, 'Bluesky post')} stored before under {'its' if one else 'their'}"
                f" author's handle (from a sheet's bsky.app {'link' if one else 'links'})"
                f" {'is' if one else 'are'} the same as {self.same_as} (the same author, the same"
                f" post key): now stored once, under the account's DID"
            )
        if self.paired:
            ties = ", ".join(f"{did} is @{handle}" for did, handle in sorted(self.paired.items()))
            said.append(
                f"{ties} (posts named by each have the same keys and texts): the account is"
                " now stored once, not twice"
            )
        told = (
            f"{'; '.join(said)}, so no post is stored twice ({self.example or ties})"
            if said
            else ""
        )
        if not self.kept_apart:
            return told if said else None
        one = self.kept_apart == 1
        handles = ", ".join(f"@{h}" for h in sorted(self._apart))
        apart = (
            f"{count_of(self.kept_apart, 'Bluesky post')} by {handles} {'was' if one else 'were'}"
            " written after the account that had that handle took another one, so"
            f" {'it is' if one else 'they are'} kept under the handle, not filed with that"
            " account's posts (the handle may have a new owner)"
        )
        return f"{told}; {apart}" if said else apart
