"""The SQLite store: connection, migrations and idempotent writes.

Writes are upserts keyed by ``(platform, id)``: importing the same data again changes no
counts. A later import may fill fields an earlier one lacked (``COALESCE``), but never blanks
them, and a profile or count observed before the stored one never replaces it
(:mod:`staffpulse.store.upsert_sql`). Rows that name an account by its handle alone are filed
under the account the store holds with that handle (:mod:`staffpulse.store.handle_keys`). Raw
payloads are kept once each (keyed by their SHA-256) with their provenance.
"""

from __future__ import annotations

import itertools
import json
import os
import shlex
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from staffpulse.errors import MissingFileError, StoreError
from staffpulse.models import Account, Follow, Post, Provenance, Run
from staffpulse.near_names import offer_near_store
from staffpulse.store.aliases import (
    first_places,
    former_posts,
    resolve_aliases,
    retire_former_posts,
    stored_under_another_id,
    told_stored_under_another_id,
)
from staffpulse.store.changes import WriteChanges, count_stored_follows
from staffpulse.store.clashes import AuthorClash, find_author_clashes
from staffpulse.store.codec import (
    format_time,
    ids_by_platform,
    rows_where_in,
)
from staffpulse.store.handle_keys import resolve_handle_keys
from staffpulse.store.interactions import has_pending, mark_pending, refresh_interactions
from staffpulse.store.migrations import applied_migrations, migrate, warn_if_written_by_newer
from staffpulse.store.other_programs import other_programs_refusal
from staffpulse.store.reads import ReadMixin, register_read_functions
from staffpulse.store.runs import RunStatus
from staffpulse.store.tally import Tally
from staffpulse.store.unusable_paths import refuse_missing_folders, refuse_unusable_store_path
from staffpulse.store.upsert_sql import ACCOUNT_UPSERT, FOLLOW_UPSERT, POST_UPSERT
from staffpulse.store.write_batch import (
    LeftOut,
    Payload,
    SortedRows,
    links_of_posts,
    place_rows,
    sort_rows,
    store_raw_payloads,
)


@dataclass
class WriteCounts:
    """Rows written by one batch, each once (with a :class:`Tally`: those new to the tally).
    ``new_*`` are the ones the store did not hold before; ``updated_profiles`` the accounts
    it held whose profile (:data:`~staffpulse.store.changes.PROFILE_COLUMNS`) the batch
    changed, each once an import (with a tally: against its profile before the import, so a
    batch that puts back a profile an earlier batch changed counts -1, and the import's sum is
    the profiles it left changed); ``updated_posts`` likewise the posts (their text, ...)."""

    accounts: int = 0
    posts: int = 0
    follows: int = 0
    raw: int = 0
    new_posts: int = 0
    new_accounts: int = 0
    new_follows: int = 0
    updated_profiles: int = 0
    updated_posts: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    clashes: list[AuthorClash] = field(default_factory=list)  # posts left out, not written
    left_out: list[LeftOut] = field(default_factory=list)  # rows with counts too large to store
    notices: list[tuple[str, str]] = field(default_factory=list)  # (location, message)


@dataclass(frozen=True, slots=True)
class Record:
    """Normalized rows made from one raw payload, with where it came from."""

    rows: tuple[Account | Post | Follow, ...]
    provenance: Provenance
    raw: Any = None


class Store(ReadMixin):
    """A staffpulse database. Use :func:`open_store` to get one, migrated."""

    @property
    def avatar_folder(self) -> Path:
        """Where the avatar images imported or fetched into this store are kept: a folder
        beside the store file named after it (``client.db``: ``client-avatars``), so a store
        and its images move, back up and go together. An in-memory store uses the user data
        folder's."""
        if self.path == ":memory:":
            from staffpulse.config import avatars_dir

            return avatars_dir()
        store = Path(self.path).expanduser()
        return store.with_name(f"{store.stem}-avatars")

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        # Told the (platform, account id) pairs of every write: the accounts written and the
        # authors of the posts written, new or not (the dashboard links to their audits).
        self.on_write: Callable[[set[tuple[str, str]]], None] | None = None
        # another program's database is looked into on this connection, before anything is
        # written (the journal mode below): a second connection for it cost every open one
        looked = False
        if self.path != ":memory:":
            looked = refuse_unusable_store_path(Path(self.path), tables=False)
        try:
            # "~/x.db" as given where no shell expands it (--db=~/x.db, STAFFPULSE_DB="~/x.db"):
            # its folders were made under the home folder, then sqlite looked for "./~/x.db"
            opened = self.path if self.path == ":memory:" else str(Path(self.path).expanduser())
            if self.path != ":memory:":
                Path(opened).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(opened, isolation_level=None, check_same_thread=False)
            if looked and (
                refusal := other_programs_refusal(self.conn, Path(self.path).expanduser())
            ):
                self.conn.close()
                raise refusal
            self.conn.row_factory = sqlite3.Row
            register_read_functions(self.conn)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=5000")
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(
                f"cannot open the store at {self.path}: {exc}",
                hint="check the path and its permissions, or pass another with --db",
            ) from exc

    # -- lifecycle ---------------------------------------------------------------------
    def migrate(self) -> list[str]:
        try:
            applied = migrate(self.conn)
            warn_if_written_by_newer(self.conn, self.path)
            return applied
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise StoreError(
                f"cannot update the store schema at {self.path}: {exc}",
                hint="the file may be from a newer staffpulse or not a staffpulse database",
            ) from exc

    def applied_migrations(self) -> list[str]:
        return applied_migrations(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- writes --------------------------------------------------------------------------
    def write_records(
        self,
        records: Sequence[Record],
        tally: Tally | None = None,
        payloads: Sequence[Payload | None] | None = None,
    ) -> WriteCounts:
        """Upsert a batch of records in one transaction (``payloads``: their raw payloads'
        :func:`~staffpulse.store.write_batch.raw_payloads`, if the caller made them).

        A row with a count SQLite cannot hold is left out (``counts.left_out``), and so is a
        post whose id is already another account's post (``counts.clashes``). Rows naming an
        account by its handle alone are filed under the account holding it
        (:mod:`staffpulse.store.handle_keys`; what to tell the user in ``counts.notices``).
        With a ``tally`` (one per import), the counts are of the rows new to it.
        """
        counts = WriteCounts()
        now = format_time(datetime.now(UTC)) or ""
        try:
            with self.transaction():
                raw_ids = store_raw_payloads(self.conn, records, payloads)
                placed, counts.left_out = place_rows(records, raw_ids)
                handles = resolve_handle_keys(self.conn, [(p.row, p.origin) for p in placed])
                counts.notices = handles.notices
                if tally is not None:
                    tally.follow_moves((m.platform, m.key, m.to.id) for m in handles.moves)
                batch = sort_rows(placed, handles, now)
                accounts, follows = batch.accounts, batch.follows
                posts, keep = self._posts_to_write(batch, tally, counts)
                tallied = [*batch.tallied, *itertools.compress(batch.post_tallied, keep)]
                aliases, links, kinds = links_of_posts(itertools.compress(batch.post_rows, keep))
                counts.new_accounts = len(accounts_keys := {(a[0], a[1]) for a in accounts})
                counts.new_accounts -= self._existing("accounts", accounts_keys)
                counts.new_posts = len(post_keys := {(p[0], p[1]) for p in posts})
                counts.new_posts -= self._existing("posts", post_keys)
                # a post stored before under a former id (now an alias) is not new
                former = former_posts(self.conn, aliases)
                renamed = {(p, new) for p, _old, new in former}
                counts.new_posts -= len(renamed) - self._existing("posts", renamed)
                follow_keys = {(f[0], f[1], f[2]) for f in follows}
                counts.new_follows = len(follow_keys) - count_stored_follows(self.conn, follow_keys)
                # with a tally, against the profiles and posts before the import
                tracked = (tally.profiles, tally.posts_changed) if tally is not None else None
                changes = WriteChanges(self.conn, tracked, accounts_keys, post_keys)
                self.conn.executemany(ACCOUNT_UPSERT, accounts)
                self.conn.executemany(POST_UPSERT, posts)
                self.conn.executemany(FOLLOW_UPSERT, follows)
                retire_former_posts(self.conn, former)
                if tally is not None:
                    tally.follow_post_moves(former)
                quoting = resolve_aliases(self.conn, aliases, links)
                counts.updated_profiles, counts.updated_posts = changes.count()
                touched = {(p[0], p[2]) for p in posts} | accounts_keys
                touched |= {(m.platform, m.to.id) for m in handles.moves}
                mark_pending(
                    self.conn, [*touched, *quoting], ((a[0], a[3]) for a in accounts), post_keys
                )
                fresh = tally.add(tallied) if tally is not None else None
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to the store at {self.path}: {exc}") from exc
        if fresh is not None:  # each new to the import
            counts.accounts, counts.posts = fresh.get("account", 0), fresh.get("post", 0)
            counts.follows = fresh.get("follow", 0)
        else:  # distinct rows: one file often carries the same account or post more than once
            counts.accounts, counts.posts = len(accounts_keys), len(post_keys)
            counts.follows = len(follow_keys)
        for kind in kinds.values():
            counts.by_kind[kind] = counts.by_kind.get(kind, 0) + 1
        counts.raw = len(records)
        if self.on_write is not None:
            self.on_write(touched)
        return counts

    def new_tally(self) -> Tally:
        """A new count of what the writes given it write, each account, post and follow
        once (:mod:`staffpulse.store.tally`): one per import."""
        return Tally(self.conn)

    def upsert(
        self, rows: Iterable[Account | Post | Follow], provenance: Provenance
    ) -> WriteCounts:
        """Convenience for callers with rows but no raw payload."""
        return self.write_records([Record(rows=tuple(rows), provenance=provenance)])

    def _existing(self, table: str, keys: set[tuple[str, str]]) -> int:
        """How many of these (platform, id) keys are already stored: O(batch), not O(table)."""
        sql = f"SELECT COUNT(*) FROM {table} WHERE platform = ? AND id IN ({{marks}})"
        found = 0
        for platform, ids in ids_by_platform(keys).items():
            found += sum(row[0] for row in rows_where_in(self.conn, sql, (platform,), ids))
        return found

    def _count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def holds_no_data(self) -> bool:
        """No account, post or follow: what a new store holds when an import brought nothing
        (the run it logged aside)."""
        return not any(self._count(table) for table in ("accounts", "posts", "follows"))

    def refresh_interactions(self, full: bool = False) -> int:
        """Bring the interaction edges (reply, mention, repost, quote) up to date with the
        posts: incrementally, for what was written since the last refresh (see
        :mod:`staffpulse.store.interactions`), or from scratch when ``full``."""
        if full or has_pending(self.conn):
            with self.transaction():
                refresh_interactions(self.conn, full=full)
        return self._count("interactions")

    def _posts_to_write(
        self, batch: SortedRows, tally: Tally | None, counts: WriteCounts
    ) -> tuple[list[tuple[Any, ...]], list[bool]]:
        """The batch's posts to upsert, and which of its posts are kept: not one whose id is
        already another account's post (``counts.clashes``). A post the store holds under
        another id is kept but not written again (its latest version is stored): told in
        ``counts.notices``, or with a ``tally`` once a file, counted over its batches."""
        keep, counts.clashes = find_author_clashes(self.conn, batch.posts, batch.post_origins)
        stored = stored_under_another_id(self.conn, [(p[0], p[1]) for p in batch.posts])
        posts = [
            p
            for p, kept in zip(batch.posts, keep, strict=True)
            if kept and (p[0], p[1]) not in stored
        ]
        places = first_places(batch.posts, batch.post_origins, stored)
        if tally is None:
            counts.notices = [*counts.notices, *told_stored_under_another_id(places)]
        else:
            tally.note_stored_elsewhere(places)
        return posts, keep

    # -- runs ----------------------------------------------------------------------------
    def start_run(self, kind: str, params: dict[str, Any]) -> Run:
        run = Run(kind=kind, params=params)
        cursor = self.conn.execute(
            "INSERT INTO runs (kind, status, started_at, params) VALUES (?, ?, ?, ?)",
            (kind, run.status, format_time(run.started_at), json.dumps(params, default=str)),
        )
        run.id = cursor.lastrowid
        return run

    def finish_run(self, run: Run, counts: dict[str, Any], status: RunStatus = "ok") -> None:
        run.counts, run.status, run.finished_at = counts, status, datetime.now(UTC)
        self.conn.execute(
            "UPDATE runs SET status = ?, finished_at = ?, counts = ? WHERE id = ?",
            (status, format_time(run.finished_at), json.dumps(counts, default=str), run.id),
        )


def open_store(path: Path | str | None = None, *, create: bool = True) -> Store:
    """Open and migrate the store at ``path`` or the default location.

    With ``create`` (commands that write: import, fetch, listen) a missing store is created.
    Without it (commands that only read) a missing store is a :class:`MissingFileError`: a
    typo in a path the user named (``--db`` or ``STAFFPULSE_DB``) should not leave a new empty
    store, and folders, behind; and a first reading command on a new machine says there is no
    store yet and how to make one, rather than leaving an empty one that reads as "no accounts".
    """
    from staffpulse.config import DEMO_DB_NAME, default_db_path, default_demo_dir

    default = default_db_path()
    # the default handed on by a caller (serve gives it to the dashboard) is still not named:
    # counted as typed, a fresh home without ~/.local was refused, blaming a --db never given
    named = bool(os.environ.get("STAFFPULSE_DB")) or (
        path is not None and Path(path).expanduser().absolute() != default.absolute()
    )
    target = path if path is not None else default
    if not create and str(target) != ":memory:" and not Path(target).expanduser().exists():
        if not named:
            # after `staffpulse demo`, whose store is its own, the way in is --db, not the demo
            demo = default_demo_dir() / DEMO_DB_NAME
            first = (
                # quoted: macOS keeps it under "Application Support", a folder with a space
                f"the demo's store is {demo}: add --db {shlex.quote(str(demo))} to explore it"
                if demo.exists()
                else "try staffpulse on a sample first: staffpulse demo"
            )
            raise MissingFileError(
                f"no store yet at {target}",
                hint=f"{first}; or import your posts: staffpulse import FILE (an export from X, "
                "Bluesky or Mastodon, or a CSV)",
            )
        # a typo (--db clinet.db): the stores beside it say what was meant
        meant = offer_near_store(Path(target))
        raise MissingFileError(
            f"no store at {target}",
            hint=f"{meant}check the --db path (or STAFFPULSE_DB), or import something into it"
            f" first: staffpulse import FILE --db {shlex.quote(str(target))}",  # a space: one argument
        )
    if named and create and str(target) != ":memory:":
        refuse_missing_folders(Path(target))  # the default's folders are made: they are ours
    store = Store(target)
    store.migrate()
    return store


def discard_store_if_empty(path: Path) -> bool:
    """Delete the store file at ``path``, with SQLite's side files, when it holds no account,
    post or follow; whether there is none left. For a store a run made and put nothing into
    (a refused file), which would otherwise stand where a later command looks and read as
    "no accounts yet" rather than "no store". A store that cannot be read is kept."""
    if not path.exists():
        return True
    try:
        with Store(path) as store:
            empty = store.holds_no_data()
    except (sqlite3.Error, StoreError):
        return False
    if empty:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return empty
