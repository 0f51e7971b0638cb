"""A Bluesky account's DID and handle learned from its posts' record keys, when no file says
both: a repo.car names its account by the DID alone, a sheet's bsky.app links by the handle.

Imported one beside the other, the two kept two copies of the account and of each post the
sheet links: :mod:`staffpulse.ingest_bluesky_ids` merges them only once the store knows the
handle of the DID. A post's record key (``3kabc...``, a time to the microsecond and a clock
number) is the post's own, so a post named by a handle and one named by a DID with the same
key and the same text are one post: that handle is that DID's. Learned so, the import merges
the two as it does when a fetch has told it.

A wrong tie mixes two accounts' posts, which is worse than a copy, so a pair is left apart
unless the proof is whole: a text too short to be one account's own ("gm", "Hello", an image
alone) proves nothing; a key of the two with another text each (in any batch of the file so
far) and a key shared with posts of two accounts each undo the pair.

Only the stored posts with a key of the batch are asked for (SQLite finds them; none is held
beyond those): a store of many Bluesky posts was read whole, for each file imported. An account
renamed has posts under each of its handles: the one its newest post shows (a record key is a
time) is the handle taken, not whichever the file listed last (an old name); the older handles
proved are kept too (:attr:`KeyedPairs.former`), so their posts are the account's as well.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable

from staffpulse.ingest_linked_ids import letters_of, same_text
from staffpulse.models import Post
from staffpulse.sources.bluesky import PLATFORM

_POST_ID = re.compile(r"^at://([^/\s]+)/app\.bsky\.feed\.post/([^/\s]+)$")
# a text with fewer letters and digits than this ("gm", "Hello all") is many accounts' post
PROOF_LETTERS = 12
# the stored posts named by a handle (a sheet's links), or by a DID (a repo.car, a fetch),
# whose record key is one of a JSON list's (the part of the id after the collection)
_WITH_KEYS = (
    " AND substr(id, instr(id, '/app.bsky.feed.post/') + 20) IN (SELECT value FROM json_each(?))"
)
_BY_HANDLE = (
    "SELECT id, text FROM posts WHERE platform = ? AND id LIKE 'at://%'"
    " AND id NOT LIKE 'at://did:%'" + _WITH_KEYS
)
_BY_DID = "SELECT id, text FROM posts WHERE platform = ? AND id LIKE 'at://did:%'" + _WITH_KEYS
# the stored DID accounts whose handle is known: a handle never taken from their keys
_KNOWN = "SELECT id FROM accounts WHERE platform = ? AND id LIKE 'did:%' AND handle != id"


def split_post_id(post_id: str | None) -> tuple[str, str] | None:
    """(repo, record key) of a Bluesky post's ``at://`` id: the repo a DID or a handle."""
    found = _POST_ID.match(post_id or "")
    return None if found is None else (found.group(1), found.group(2))


class KeyedPairs:
    """The DID and handle pairs the posts of a file show against the stored ones
    (:meth:`learn`, batch by batch)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # the stored posts of each kind by record key: (repo, text), of the keys asked so far
        self._stored: dict[bool, dict[str, list[tuple[str, str]]]] = {True: {}, False: {}}
        self._asked: dict[bool, set[str]] = {True: set(), False: set()}
        self._named: set[str] | None = None  # the stored DIDs whose handle is known
        # the file's posts of a DID or a (lowercased) handle not tied yet: key -> text
        self._seen: dict[str, dict[str, str]] = {}
        # an account renamed: each handle proved its other than the newest -> the DID
        self.former: dict[str, str] = {}
        # DID -> each handle proved its so far in the file, with the newest key that showed it
        self._claimed: dict[str, dict[str, str]] = {}

    def _ask(self, by_did: bool, keys: Iterable[str]) -> None:
        """Fetch the stored posts of a kind with one of ``keys`` not asked for yet."""
        new = sorted(set(keys) - self._asked[by_did])
        if not new:
            return
        self._asked[by_did].update(new)
        found = self._stored[by_did]
        query = _BY_DID if by_did else _BY_HANDLE
        for post_id, text in self.conn.execute(query, (PLATFORM, json.dumps(new))):
            if (split := split_post_id(post_id)) is not None:
                found.setdefault(split[1], []).append((split[0], text or ""))

    def _known(self) -> set[str]:
        if self._named is None:
            self._named = {row[0] for row in self.conn.execute(_KNOWN, (PLATFORM,))}
        return self._named

    def learn(self, posts: Iterable[Post], handles: set[str], dids: set[str]) -> dict[str, str]:
        """DID -> handle, of the DIDs and handles the ``posts`` name that no account ties
        yet (``dids`` with a handle known, ``handles`` with a DID known, are passed over):
        each where a post of one has the key and the text of a stored post of the other, a
        text long enough to prove it, and no post of the two says otherwise."""
        # a DID or a handle -> the other side: proved, and the newest key that showed it
        votes: dict[str, dict[str, tuple[bool, str]]] = {}
        touched: set[str] = set()  # the DIDs this batch proves a handle of
        keyed: list[tuple[Post, str, str]] = []  # (post, repo, key) of the posts not tied
        for post in posts:
            split = split_post_id(post.id) if post.platform == PLATFORM else None
            if split is None:
                continue
            repo, rkey = split
            by_did = repo.startswith("did:")
            # a DID tied by keys earlier in the file is still heard: a renamed account's
            # other handle may show in a later batch
            told = repo in dids and repo not in self._claimed
            if (by_did and (told or repo in self._known())) or (
                not by_did and repo.lower() in handles
            ):
                continue
            keyed.append((post, repo, rkey))
        for by_did in (True, False):  # the other kind's stored posts of these keys
            self._ask(not by_did, (k for _p, r, k in keyed if r.startswith("did:") == by_did))
        for post, repo, rkey in keyed:
            by_did = repo.startswith("did:")
            named = repo if by_did else repo.lower()
            self._seen.setdefault(named, {})[rkey] = post.text or ""
            for other, text in self._stored[not by_did].get(rkey, []):
                if same_text(post.text, text):
                    proved = len(letters_of(text)) >= PROOF_LETTERS
                    seen = votes.setdefault(named, {})
                    key = other.lower() if by_did else other
                    was, newest = seen.get(key, (False, ""))
                    seen[key] = (was or proved, max(newest, rkey))
        # the handles proved in the file's earlier batches count too: its newest post may have
        # come in one batch and an old handle's in the next
        for did, held in self._proved(votes, handles).items():
            claimed = self._claimed.setdefault(did, {})
            for handle, newest in held.items():
                claimed[handle] = max(claimed.get(handle, ""), newest)
            touched.add(did)
        pairs = _newest_handles({did: self._claimed[did] for did in touched})
        for did, handle in pairs.items():
            self.former.pop(handle, None)
            self.former.update((held, did) for held in self._claimed[did] if held != handle)
        return pairs

    def _proved(
        self, votes: dict[str, dict[str, tuple[bool, str]]], handles: set[str]
    ) -> dict[str, dict[str, str]]:
        """DID -> each handle proved its (by a long text no post of the two contradicts),
        with the newest key that showed it."""
        claims: dict[str, dict[str, str]] = {}
        for named, others in votes.items():
            if not named.startswith("did:") and len(others) != 1:
                continue  # a handle whose posts two DIDs hold: neither is known to be it
            for other, (proved, newest) in others.items():
                did, handle = (named, other) if named.startswith("did:") else (other, named)
                known = handle in handles or did in self._known()
                if proved and not known and self._agree(named, other):
                    held = claims.setdefault(did, {})
                    held[handle] = max(held.get(handle, ""), newest)
        return claims

    def _agree(self, named: str, other: str) -> bool:
        """Whether every post of ``named`` read so far (this batch and the file's earlier
        ones) that has the key of a stored post of ``other`` has its text too."""
        by_did = named.startswith("did:")
        stored = self._stored[not by_did]
        for rkey, text in self._seen.get(named, {}).items():
            for repo, theirs in stored.get(rkey, []):
                if (repo.lower() if by_did else repo) == other and not same_text(text, theirs):
                    return False
        return True


def _newest_handles(claims: dict[str, dict[str, str]]) -> dict[str, str]:
    """DID -> handle, of the handles ``claims`` proves: of an account renamed (posts under two
    handles), the handle of its newest post (record keys are times, and sort so); {} when one
    handle is two DIDs' (neither is known to be it)."""
    pairs = {did: max(held, key=lambda handle: held[handle]) for did, held in claims.items()}
    if len(set(pairs.values())) != len(pairs):
        return {}
    return pairs
