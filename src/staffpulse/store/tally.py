"""What one import wrote, each account, post and follow counted once, and the records a file
repeats.

An import writes in batches (``ingest.BATCH_SIZE`` records), and the same account or post
often comes more than once: twarc2 pages carry the author and the referenced tweets of every
tweet, two overlapping searches hold the same tweets, and a spreadsheet may list one account
on several rows. Counting per batch would make the summary depend on where the batches
happen to end ("15,106 accounts" for 14,680). The tally keeps every (platform, id) written
during the import in a temporary table of the store's connection (on disk, not in memory,
so an import of millions of posts stays in constant memory), and the summary counts each
once: the accounts, posts and follows the import wrote, however often they came.

In the staffpulse CSV and JSONL every record is written by someone, so an account or post
declared on two lines of one file is worth telling: the values of the later line replace the
earlier one's (a blank keeps the earlier value), and the user should know which one won.
In API responses a repeat is how the format works, and is not told.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from staffpulse.report.counts import count_of
from staffpulse.store.aliases import told_stored_under_another_id
from staffpulse.store.changes import ImportPosts, ImportProfiles
from staffpulse.store.codec import ids_by_platform, rows_where_in

# The formats where each line is one record that someone wrote (sources/native*.py).
ONE_RECORD_A_LINE = frozenset({"staffpulse-csv", "staffpulse-jsonl"})

# kind, platform, id (of a follow: follower and followee), what to call it, declared by a line
Key = tuple[str, str, str, str, str, bool]

_TABLE = """
CREATE TEMP TABLE IF NOT EXISTS import_tally (
    kind TEXT NOT NULL,
    platform TEXT NOT NULL,
    id TEXT NOT NULL,
    id2 TEXT NOT NULL,
    label TEXT NOT NULL,
    file INTEGER NOT NULL,  -- the file it was last declared in (or first written by)
    hits INTEGER NOT NULL,  -- how many lines of that file declare it
    PRIMARY KEY (kind, platform, id, id2)
) WITHOUT ROWID
"""
# only the repeated keys are in it: what a file repeats is found without reading the rest
_REPEATS_INDEX = (
    "CREATE INDEX IF NOT EXISTS temp.import_tally_repeats ON import_tally(file) WHERE hits > 1"
)


@dataclass(frozen=True, slots=True)
class Repeats:
    """The keys of one kind that a file declares on more than one line."""

    kind: str  # "account" or "post"
    keys: int  # how many accounts (posts) are declared more than once
    extra: int  # the lines beyond each one's first
    example: str  # the most repeated one (a handle, a post id)
    times: int  # and how many lines declare it


class Tally:
    """Counts each account, post and follow of one import once. Start it before the import
    (it forgets the last one), call :meth:`start_file` before each file's records and
    :meth:`repeats` after them."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.file = 0
        conn.execute(_TABLE)
        conn.execute(_REPEATS_INDEX)
        conn.execute("DELETE FROM temp.import_tally")
        self.profiles = ImportProfiles(conn)  # the profiles it changed, each once
        self.posts_changed = ImportPosts(conn)  # the posts it changed (their text), each once
        # the current file's posts stored already under their ids of now, where each came
        # first (store/aliases.py): few, so kept in memory, and told once the file is read
        self.stored_elsewhere: dict[tuple[str, str], str] = {}

    def start_file(self) -> None:
        self.file += 1
        self.stored_elsewhere = {}

    def note_stored_elsewhere(self, places: Mapping[tuple[str, str], str]) -> None:
        """Add a batch's posts stored already under their ids of now (``first_places``)."""
        for key, location in places.items():
            self.stored_elsewhere.setdefault(key, location)

    def told_stored_elsewhere(self) -> list[tuple[str, str]]:
        """What to tell of the current file's posts stored already under their ids of now:
        (location, message), once for the whole file, or nothing."""
        return told_stored_under_another_id(self.stored_elsewhere)

    def close(self) -> None:
        """Forget what was counted (the temporary table lives as long as the connection)."""
        self.conn.execute("DELETE FROM temp.import_tally")
        self.profiles.close()
        self.posts_changed.close()

    def add(self, keys: Iterable[Key]) -> dict[str, int]:
        """Note written keys, in the order written; how many of each kind are new to the
        import. Call inside the writing transaction."""
        keys = list(keys)
        new: dict[str, int] = {}
        for kind in dict.fromkeys(k[0] for k in keys):
            cursor = self.conn.executemany(
                "INSERT OR IGNORE INTO temp.import_tally VALUES (?, ?, ?, ?, ?, ?, 0)",
                (
                    (kind, platform, id1, id2, label, self.file)
                    for k, platform, id1, id2, label, _ in keys
                    if k == kind
                ),
            )
            new[kind] = max(cursor.rowcount, 0)
        self.conn.executemany(
            "UPDATE temp.import_tally SET hits = CASE WHEN file = ?1 THEN hits + 1 ELSE 1 END,"
            " file = ?1, label = ?6 WHERE kind = ?2 AND platform = ?3 AND id = ?4 AND id2 = ?5",
            (
                (self.file, kind, platform, id1, id2, label)
                for kind, platform, id1, id2, label, declared in keys
                if declared
            ),
        )
        return new

    def count_written(self, kind: str) -> int:
        """How many of ``kind`` the import has written: as its batches commit, since the
        tally is written in each batch's own transaction."""
        row = self.conn.execute(
            "SELECT COUNT(*) FROM temp.import_tally WHERE kind = ?", (kind,)
        ).fetchone()
        return int(row[0])

    def follow_moves(self, moves: Iterable[tuple[str, str, str]]) -> None:
        """Accounts the store moved from a handle key to their real id (platform, key, id:
        store/handle_keys.py): the bare account the import wrote under the key (a post's
        author, declared later in its file with an id) is the real one, counted once."""
        moves = list(moves)
        self._move("account", moves)
        self.profiles.follow_moves(moves)

    def follow_post_moves(self, moves: Iterable[tuple[str, str, str]]) -> None:
        """Posts the store moved from a former id to their id now (platform, former id, id:
        :func:`~staffpulse.store.aliases.former_posts`): a sheet's post named by its author's
        handle, written by this import before the repo.car that names it by the DID, is the
        same post, counted once (it was counted twice: the batch's count hung on its order)."""
        self._move("post", list(moves))

    def _move(self, kind: str, moves: list[tuple[str, str, str]]) -> None:
        self.conn.executemany(
            "UPDATE OR IGNORE temp.import_tally SET id = ?3"
            f" WHERE kind = '{kind}' AND platform = ?1 AND id = ?2",
            moves,
        )
        self.conn.executemany(
            f"DELETE FROM temp.import_tally WHERE kind = '{kind}' AND platform = ? AND id = ?",
            ((platform, key) for platform, key, _ in moves),
        )

    def written(self, kind: str, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which of these (platform, id) keys of ``kind`` the import has written already."""
        sql = "SELECT id FROM temp.import_tally WHERE kind = ? AND platform = ? AND id IN ({marks})"
        return {
            (platform, row[0])
            for platform, ids in ids_by_platform(keys).items()
            for row in rows_where_in(self.conn, sql, (kind, platform), ids)
        }

    def repeats(self) -> list[Repeats]:
        """What the current file declares on more than one line, accounts then posts."""
        found: list[Repeats] = []
        for kind, keys, extra in self.conn.execute(
            "SELECT kind, COUNT(*), SUM(hits - 1) FROM temp.import_tally INDEXED BY"
            " import_tally_repeats WHERE file = ? AND hits > 1 GROUP BY kind ORDER BY kind",
            (self.file,),
        ):
            label, times = self.conn.execute(
                "SELECT label, hits FROM temp.import_tally INDEXED BY import_tally_repeats"
                " WHERE file = ? AND hits > 1 AND kind = ? ORDER BY hits DESC, label LIMIT 1",
                (self.file, kind),
            ).fetchone()
            found.append(Repeats(kind, keys, extra, label, times))
        return found


def repeats_note(repeats: list[Repeats]) -> str | None:
    """The notice for a file's repeated records, or None when it repeats none."""
    parts = []
    for found in repeats:
        what = f"@{found.example}" if found.kind == "account" else f"post {found.example}"
        if found.keys == 1:
            parts.append(f"{what} is declared on {found.times:,} lines")
            continue
        parts.append(
            f"{count_of(found.keys, found.kind)} are declared on more than one line "
            f"({found.keys + found.extra:,} lines; {what} on {found.times:,})"
        )
    if not parts:
        return None
    return (
        " and ".join(parts) + ": each was imported once, the values of a later line replacing "
        "those of an earlier one (a blank keeps the earlier value). Check that the file holds "
        "each account and post once"
    )
