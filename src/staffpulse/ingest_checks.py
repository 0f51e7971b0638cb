"""What an import checks of each file as its batches are written, each check behind one
interface (:class:`FileCheck`), so the import runs them as a list (:func:`file_checks`).

A check may change a batch before it is written (:meth:`FileCheck.sort`: a post put under
the id the store holds it by, a blank-text post held back), look at it once its raw payloads
are digested (:meth:`FileCheck.see`), and tell at the end of the file what it found
(:meth:`FileCheck.told`): notices, and problems (each a record skipped).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from staffpulse.ingest_blank_texts import BlankTexts
from staffpulse.ingest_bluesky_ids import BlueskyHandleIds
from staffpulse.ingest_linked_ids import LinkedIds
from staffpulse.ingest_lossy_texts import LossyTexts
from staffpulse.ingest_repeats import RepeatedLines
from staffpulse.ingest_twins import PlatformTwins
from staffpulse.ingest_zero_ids import ZeroStrippedIds
from staffpulse.sources.base import Notice, Problem
from staffpulse.store.core import Record
from staffpulse.store.export_gaps import ExportPosts
from staffpulse.store.tally import Tally, repeats_note
from staffpulse.store.write_batch import Payload


class FileCheck:
    """One check of a file's batches; each step does nothing unless the check needs it."""

    def sort(self, batch: list[Record]) -> list[Record]:
        """The batch to write, in place of ``batch``."""
        return batch

    def see(self, batch: Sequence[Record], payloads: Sequence[Payload | None]) -> None:
        """Look at ``batch`` as it will be written, with its digested raw payloads."""

    def note(self) -> str | None:
        """The one note of the check, if it has one to give once the file was read."""
        return None

    def told(self, location: str) -> list[Notice | Problem]:
        """What the file at ``location`` is told, once all of it was read: its note."""
        note = self.note()
        return [] if note is None else [Notice(location, note)]

    def amend(self, notices: list[Notice]) -> list[Notice]:
        """The file's notices as told once the check is done, in place of ``notices``."""
        return notices


class _BlueskyIds(FileCheck):
    """Bluesky posts named by a handle and by a DID: one id (:mod:`.ingest_bluesky_ids`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.ids = BlueskyHandleIds(conn)

    def sort(self, batch: list[Record]) -> list[Record]:
        return self.ids.rewrite(batch)  # under the DID's id, as the store holds them

    def note(self) -> str | None:
        return self.ids.note()


class _ZeroIds(FileCheck):
    """Ids a spreadsheet saved without their leading zeros (:mod:`.ingest_zero_ids`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.zeros = ZeroStrippedIds(conn)

    def sort(self, batch: list[Record]) -> list[Record]:
        return self.zeros.rewrite(batch)  # under the id the store holds them by

    def note(self) -> str | None:
        return self.zeros.note()


class _LinkedIds(FileCheck):
    """X Analytics ids read from a link that names another file's post
    (:mod:`.ingest_linked_ids`): skipped, never written over it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.linked = LinkedIds(conn)

    def sort(self, batch: list[Record]) -> list[Record]:
        return self.linked.keep(batch)

    def told(self, location: str) -> list[Notice | Problem]:
        return list(self.linked.problems())

    def amend(self, notices: list[Notice]) -> list[Notice]:
        return self.linked.recounted(notices)


class _Lossy(FileCheck):
    """Texts a spreadsheet saved with "?" for each emoji (:mod:`.ingest_lossy_texts`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.lossy = LossyTexts(conn)

    def sort(self, batch: list[Record]) -> list[Record]:
        return self.lossy.keep(batch)  # the stored text, not the one with "?" in it

    def note(self) -> str | None:
        return self.lossy.note()


class _Blanks(FileCheck):
    """A post's text left blank: the store may have it (:mod:`.ingest_blank_texts`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.blanks = BlankTexts(conn)

    def sort(self, batch: list[Record]) -> list[Record]:
        return self.blanks.sort(batch)

    def told(self, location: str) -> list[Notice | Problem]:
        return list(self.blanks.unsaid())


class _Twins(FileCheck):
    """Posts of no platform the store holds on one (:mod:`.ingest_twins`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.twins = PlatformTwins(conn)

    def see(self, batch: Sequence[Record], payloads: Sequence[Payload | None]) -> None:
        self.twins.add(batch)

    def note(self) -> str | None:
        return self.twins.note()


class _Repeats(FileCheck):
    """Records a file declares on several lines (the tally) and lines found again in it
    (:mod:`.ingest_repeats`), and posts stored already under another id (the tally)."""

    def __init__(self, tally: Tally, repeated: RepeatedLines) -> None:
        self.tally, self.repeated = tally, repeated
        tally.start_file()
        repeated.start_file()

    def see(self, batch: Sequence[Record], payloads: Sequence[Payload | None]) -> None:
        self.repeated.add(batch, payloads)

    def told(self, location: str) -> list[Notice | Problem]:
        notes = (repeats_note(self.tally.repeats()), self.repeated.note(location))
        told: list[Notice | Problem] = [Notice(location, n) for n in notes if n is not None]
        return told + [Notice(*said) for said in self.tally.told_stored_elsewhere()]


class _Exported(FileCheck):
    """The posts of an account export, to find the stored ones it lacks
    (:mod:`staffpulse.store.export_gaps`): told by the import, once the whole path is read."""

    def __init__(self, exported: ExportPosts) -> None:
        self.exported = exported

    def see(self, batch: Sequence[Record], payloads: Sequence[Payload | None]) -> None:
        for record in batch:
            self.exported.add(record.provenance.source, record.rows)


def file_checks(
    conn: sqlite3.Connection, tally: Tally, repeated: RepeatedLines, exported: ExportPosts
) -> list[FileCheck]:
    """The checks of one file, in the order each batch goes through them: ids put as the
    store holds them before a text is looked up by id. A file is told what they found
    the other way round, the last first (the order its notes have always come in)."""
    return [
        _BlueskyIds(conn),
        _ZeroIds(conn),
        _LinkedIds(conn),
        _Lossy(conn),
        _Blanks(conn),
        _Twins(conn),
        _Repeats(tally, repeated),
        _Exported(exported),
    ]
