"""Store paths that cannot be a store, refused before SQLite is asked to open them, with what
to give instead: a folder, a path under a file, a file that is no SQLite database, another
program's database (:mod:`staffpulse.store.other_programs`)."""

from __future__ import annotations

import shlex
from pathlib import Path

from staffpulse.errors import StoreError
from staffpulse.output_files import blocking_file, missing_folder, shell_path
from staffpulse.store.other_programs import (
    refuse_other_programs_database,
    refuse_unreadable_as_sqlite,
)


def refuse_unusable_store_path(path: Path, *, tables: bool = True) -> bool:
    """Refuse a store path that is a folder, or whose folder is a file, with what to give
    instead: sqlite says only "unable to open database file" and making the folder "File
    exists"; and a file that is no SQLite database, or (``tables``) another program's. Whether
    the file holds a database whose tables are still to look into (``tables`` False: the
    caller looks on its own connection)."""
    target = path.expanduser()
    if target.is_dir():
        raise StoreError(
            f"cannot open the store at {path}: it is a folder, not a store file",
            hint=f"give --db a file, e.g. --db {shlex.quote(str(path / 'staffpulse.db'))}",
        )
    if (blocker := blocking_file(target.parent)) is not None:
        raise StoreError(
            f"cannot open the store at {path}: {blocker} is a file, not a folder",
            hint="give --db a path in a folder, e.g. --db "
            + shlex.quote(str(blocker.parent / path.name)),
        )
    if tables:
        refuse_other_programs_database(target)
        return False
    return refuse_unreadable_as_sqlite(target)


def refuse_missing_folders(path: Path) -> None:
    """Refuse a new store named (``--db``, ``STAFFPULSE_DB``) in a folder whose own folder is
    missing too: made silently, a typo in a folder name kept the store where no later command
    looked. Its own folder alone is made, as ``--html`` makes a report's."""
    if (missing := missing_folder(path)) is not None:
        raise StoreError(
            f"cannot make the store at {path}: the folder {missing} does not exist",
            hint="check the folder names in --db (or STAFFPULSE_DB), or make the folder first"
            f" (mkdir -p {shell_path(path.parent)}) and run the command again",
        )
