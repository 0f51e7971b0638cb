"""What an X archive lost, told from its ``manifest.js``: a listed data file that is missing,
or one holding fewer entries than the manifest says X wrote in it.

A folder extracted or copied only in part, or an archive cut short while downloading, still
reads as a smaller archive: without this check, "Skipped 0 records" is said over 986 lost
tweets. A file cut short is a :class:`~staffpulse.sources.base.Problem` counting every entry
lost, as any record that could not be read (docs/formats.md). A file that is not there at all
is a :class:`MissingFile`: no record of it was read, so none was skipped; the import tells it
apart ("Files missing from the archive: 1"), with the entries it held and what to do, and it
makes the export partial, so that no stored post is removed for lacking from it
(:mod:`staffpulse.store.export_gaps`). A file of an archive ZIP that cannot be unpacked
(:func:`unread_part`) lost every entry the manifest lists for it, counted as skipped; with no
manifest, an :class:`~staffpulse.sources.base.UnreadFile` whose entries are not counted.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import PurePosixPath

from staffpulse.next_steps import ARCHIVE_AGAIN, NOT_IN_FOLDER
from staffpulse.report.counts import count_of
from staffpulse.sources.base import LostPosts, Notice, Problem, UnreadFile
from staffpulse.sources.x_archive_files import (
    TWEET_PARTS,
    DamagedPart,
    Listed,
    Part,
    is_partial_archive,
)

MANIFEST_NAME = "manifest.js"
DOWNLOAD_AGAIN = "download the archive from X again and import the whole ZIP"


@dataclass(frozen=True, slots=True)
class MissingFile(Problem):
    """A data file the archive's manifest lists and the archive lacks: ``file`` is where it
    should be, ``records`` the entries the manifest says it held (lost, not skipped), and
    ``message`` what was lost and what to do. A :class:`Problem` to any reader that only knows
    those; the import counts it apart from the records it skipped. ``kind`` is the part it
    is (``tweets``, ``follower``...), as the manifest lists it."""

    kind: str = ""

    @property
    def holds_posts(self) -> bool:
        """Whether the file held the account's posts (a tweets part), not its followers or
        follows: without it the archive cannot tell which stored posts were deleted."""
        return self.kind in TWEET_PARTS


# why an archive read whole without counts to check cannot be called whole
UNCHECKED = (
    "no manifest.js lists the archive's files with their counts (an older archive, or one "
    "copied in part), so whether a file of it is missing cannot be told"
)


@dataclass(frozen=True, slots=True)
class UncheckedArchive(Notice):
    """An archive read whole (its folder or ZIP) with tweets but no ``manifest.js`` counts to
    check it against: a part missing from it would go unseen. Not told on its own (an older
    archive imports as it always did); the import refuses to remove the stored posts it
    lacks (``import --remove-deleted``), as those may be in a part that is not there."""


@dataclass(frozen=True, slots=True)
class MissingPart:
    """A data file the manifest lists and the archive lacks: its kind (``tweets``,
    ``follower``...) and the problem telling it, which counts its entries."""

    kind: str
    problem: MissingFile


def _in_zip(location: str) -> bool:
    return "!" in location


def _what_to_do(manifest: Part) -> str:
    if is_partial_archive(manifest):
        return (
            "X sent this archive in several ZIPs (manifest.js says isPartialArchive): import them "
            "all together, in one command (staffpulse import FIRST.zip SECOND.zip ...), or unzip "
            "them all into one folder and import that folder"
        )
    if _in_zip(manifest.location):
        return DOWNLOAD_AGAIN
    return ARCHIVE_AGAIN.say()


def missing_parts(
    manifest: Part, parts: list[Part], listed: Mapping[tuple[str, int], Listed]
) -> Iterator[MissingPart]:
    """The data files ``listed`` (from ``manifest``) that are not among ``parts``, each told
    where it should be, beside ``manifest.js``. A part is there under any name: one the user
    renamed (``tweets-part1 (1).js``) is known by its first line, as ``parts`` are."""
    present = {(part.kind, part.number) for part in parts}
    folder = manifest.location[: len(manifest.location) - len(MANIFEST_NAME)]
    for key, entry in sorted(listed.items()):
        if key in present:
            continue
        not_there = "but not in the ZIP" if _in_zip(manifest.location) else NOT_IN_FOLDER.say()
        entries = count_of(entry.count, entry.noun)
        lost = f"that {entry.noun} was" if entry.count == 1 else f"those {entries} were"
        # Said as a missing file, not as a record that could not be read: the location names
        # the file, the manifest's name says where X put it, and the count what was lost.
        message = (
            f"listed in the archive's manifest (manifest.js, as {entry.name}) with {entries}, "
            f"{not_there} (under that name or another): {lost} not imported; "
            f"{_what_to_do(manifest)}"
        )
        file_name = PurePosixPath(entry.name).name
        yield MissingPart(
            entry.kind, MissingFile(folder + file_name, None, message, entry.count, entry.kind)
        )


def lost_in(part: Part) -> type[Problem]:
    """What an entry of ``part`` that cannot be read is: a post lost, in a file of tweets."""
    return LostPosts if part.kind in TWEET_PARTS else Problem


def short_part(part: Part, listed: Listed, read: int, lost: int) -> Problem:
    """The entries of ``part`` that are neither read nor already reported lost (``lost``),
    when ``manifest.js`` lists more: the file is cut short or was edited."""
    missing = listed.count - read
    message = (
        f"cut short or damaged: only {read:,} of the "
        f"{count_of(listed.count, listed.noun)} manifest.js lists were read, so "
        f"{missing:,} {'was' if missing == 1 else 'were'} not imported; {DOWNLOAD_AGAIN}"
    )
    return lost_in(part)(part.location, None, message, listed.count - read - lost)


def readable_parts(parts: list[Part]) -> tuple[list[Part], list[UnreadFile]]:
    """``parts`` less the small ones read before the rest (account, profile, manifest) that
    cannot be unpacked, and what to tell of those; the others are told as they are read.
    The small ones are read here once and kept: whose archive it is and what the manifest
    lists are asked of them several times."""
    readable: list[Part] = []
    unread: list[UnreadFile] = []
    for part in parts:
        if part.kind not in ("account", "profile", "manifest"):
            readable.append(part)
            continue
        try:
            data = part.load()
        except DamagedPart:
            unread.append(unread_part(part, None))
        else:
            readable.append(replace(part, load=partial(bytes, data)))
    return readable, unread


def unread_part(part: Part, listed: Listed | None) -> UnreadFile:
    """What is told of a part that could not be unpacked: the entries ``manifest.js`` lists
    for it, which were all lost, or that how many is not known."""
    lost = (
        f"its {count_of(listed.count, listed.noun)} (as manifest.js lists) were not imported"
        if listed is not None
        else "how many entries it held cannot be told"
    )
    return UnreadFile(
        part.location,
        None,
        f"is damaged in the ZIP, so nothing of it was read: {lost}. What to do:"
        f" {DOWNLOAD_AGAIN} (nothing is stored twice)",
        records=listed.count if listed is not None else 0,
    )
