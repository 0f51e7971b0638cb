"""A post never changes author: an incoming post whose id belongs to another account's post.

Hand-made CSV files number their rows 1, 2, 3..., so two firms' files give their posts the
same ids. Upserting the second would put its text on the first firm's post (the stored
author stays), grading one firm on the other's words and leaving the second with no posts.
Such a post is kept out of the write and reported instead, with its line, so the user can
give the file ids of its own. A post stored without its author (a stub of a quoted or
replied-to post) is not owned yet: a full copy still completes it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from staffpulse.store.codec import ids_by_platform, rows_where_in

# positions in store.codec.post_params
_PLATFORM, _ID, _AUTHOR_ID, _AUTHOR_HANDLE = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class AuthorClash:
    """A post left out because its id is already another account's post."""

    platform: str
    post_id: str
    author: str  # the incoming post's author (handle, else id)
    owner: str  # the author of the post that has the id
    location: str  # file (or URL) and line the incoming post came from
    line: int | None

    @property
    def message(self) -> str:
        return (
            f"post id {self.post_id} is already used by a post of @{self.owner}, and this "
            f"post is by @{self.author}. Give every post its own id (for example "
            f"{self.author}-{self.post_id}) and import the file again"
        )


def find_author_clashes(
    conn: sqlite3.Connection,
    posts: Sequence[tuple[Any, ...]],
    origins: Sequence[tuple[str, int | None]],
) -> tuple[list[bool], list[AuthorClash]]:
    """Which posts (``post_params`` tuples) keep their ids' authors, and the ones that clash.

    ``origins`` gives each post's (location, line). Earlier posts of the same batch own their
    ids as the stored ones do.
    """
    owner: dict[tuple[str, str], tuple[str, str]] = {}  # key -> (author id, handle)
    sql = (
        "SELECT id, author_id, author_handle FROM posts"
        " WHERE platform = ? AND author_id != '' AND id IN ({marks})"
    )
    for platform, ids in ids_by_platform({(p[_PLATFORM], p[_ID]) for p in posts}).items():
        for row in rows_where_in(conn, sql, (platform,), ids):
            owner[(platform, row[0])] = (row[1], row[2] or row[1])
    keep: list[bool] = []
    clashes: list[AuthorClash] = []
    for post, (location, line) in zip(posts, origins, strict=True):
        key, author = (post[_PLATFORM], post[_ID]), post[_AUTHOR_ID]
        known = owner.get(key)
        if author and known is not None and known[0] != author:
            name = post[_AUTHOR_HANDLE] or author
            clashes.append(AuthorClash(key[0], key[1], name, known[1], location, line))
            keep.append(False)
            continue
        if author and known is None:
            owner[key] = (author, post[_AUTHOR_HANDLE] or author)
        keep.append(True)
    return keep, clashes
