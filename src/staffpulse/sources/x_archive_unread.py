"""The files of an X archive staffpulse does not read: what one is when it is given alone
(:func:`why_archive_file`: its likes, its direct messages...), and the posts the owner deleted
(``deleted-tweets.js``), counted and told with the archive they are in.

X keeps the posts one deleted in one's own archive only (they are on no profile any more), so
they are never imported; an archive whose ``tweets.js`` is empty but whose
``deleted-tweets.js`` is not would otherwise import "0 posts" with nothing said about why.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from staffpulse.report.counts import count_of
from staffpulse.sources.base import Notice
from staffpulse.sources.folders import EXPLAINERS, WHAT_IT_IS
from staffpulse.sources.text_files import decode_bytes
from staffpulse.sources.x_archive_files import (
    DamagedPart,
    Part,
    file_loader,
    zip_member_loader,
)
from staffpulse.sources.ytd import count_entries

DELETED_KIND = "deleted-tweets"
# deleted-tweets.js, deleted-tweets-part1.js ... under the names X gives them
_DELETED_RE = re.compile(r"^deleted-tweets(?:-part(\d+))?\.js$")
# Any data file of an X archive, by its first line (window.YTD.<name>.part<n> = [)
_ANY_PART_RE = re.compile(rb"^\s*window\.YTD\.([A-Za-z0-9_]+)\.part\d+\s*=")
# What the archive's files staffpulse never reads hold, as a person would say it
_NOT_READ = {
    "like": "likes (other people's posts)",
    "direct_messages": "direct messages (private)",
    "direct_messages_group": "group direct messages (private)",
    "block": "blocked accounts",
    "mute": "muted accounts",
    "deleted_tweets": "deleted posts (the owner's posts deleted from X)",
}


def why_archive_file(path: Path, head: bytes) -> str | None:
    """What a file of an X archive no source reads alone is (its manifest, its likes, ...),
    given where a file to import was expected: the whole archive is what to import."""
    whole = "import the whole archive (its folder or ZIP) instead"
    if head.lstrip().startswith(b"window.__THAR_CONFIG"):
        return f"{WHAT_IT_IS}the manifest of an X archive, the list of its files: {whole}"
    found = _ANY_PART_RE.match(head)
    if found is None:
        return None
    name = found.group(1).decode("ascii")
    what = _NOT_READ.get(name, f"'{name}' data")
    return f"{WHAT_IT_IS}the {what} of an X archive, which staffpulse does not import: {whole}"


def deleted_parts_in_dir(folder: Path) -> list[Part]:
    """The ``deleted-tweets.js`` files of the archive folder (or its ``data/``)."""
    data = folder / "data" if (folder / "data").is_dir() else folder
    if not data.is_dir():
        return []
    return [
        Part(DELETED_KIND, int(found.group(1) or 0), str(file), file_loader(file))
        for file in sorted(data.iterdir())
        if file.is_file() and (found := _DELETED_RE.match(file.name)) is not None
    ]


def deleted_parts_in_zip(path: Path, archive: zipfile.ZipFile, folder: str) -> list[Part]:
    """The ``deleted-tweets.js`` files of the archive in ``folder`` of the ZIP ``path``."""
    found = []
    for name in archive.namelist():
        pure = PurePosixPath(name)
        named = _DELETED_RE.match(pure.name)
        if named is not None and str(pure.parent) == folder:
            number, load = int(named.group(1) or 0), zip_member_loader(archive, name)
            found.append(Part(DELETED_KIND, number, f"{path}!{name}", load))
    return found


def told_deleted(parts: Iterable[Part]) -> Iterator[Notice]:
    """Each deleted-tweets file holding posts, told with how many it holds, not read."""
    for part in parts:
        try:
            entries = count_entries(decode_bytes(part.load())[0])
        except DamagedPart:
            continue  # damaged in the ZIP: nothing to count, and nothing was to be read
        if entries:
            were = "was" if entries == 1 else "were"
            yield Notice(
                part.location,
                f"{count_of(entries, 'deleted post')} in {part.file_name} {were} not read: X "
                "keeps the posts you deleted in your archive for you alone (they are no longer "
                "on X), so staffpulse does not import them (nothing to fix)",
            )


EXPLAINERS.insert(0, why_archive_file)
