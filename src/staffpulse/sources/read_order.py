"""The order the files of one import are read in: those that name Bluesky accounts by their
DIDs first.

A sheet's bsky.app links name posts by handle, a repo.car and a saved API page by the
account's DID. Read after the file that ties the handle to its DID, each of the sheet's posts
is stored under the DID; read before it, the posts the repo.car lacks stayed under the handle,
and a post of both lost the sheet's counts. So the same files, given in either order (or
found in a folder or a ZIP in any), make the same store.
"""

from __future__ import annotations

from pathlib import Path

from staffpulse.sources.base import Source
from staffpulse.sources.bluesky_files import SOURCE_NAME as BLUESKY_JSON
from staffpulse.sources.bluesky_repo import SOURCE_NAME as BLUESKY_REPO

# The sources that name Bluesky accounts by their DIDs: a repo.car, a saved API page
_BY_DID = frozenset({BLUESKY_REPO, BLUESKY_JSON})


def dids_first(plan: list[tuple[Path, Source]]) -> list[tuple[Path, Source]]:
    """``plan`` with the files that name Bluesky accounts by their DIDs read first, the rest
    in the order given (the module's docstring)."""
    return sorted(plan, key=lambda planned: planned[1].name not in _BY_DID)
