"""A writing command (import, fetch, add-handles, listen) given a ``--db`` where no store is
makes one: right for a new client, a mistake for a typo (``--db clinet.db`` beside
``client.db``), whose run then goes to a store nobody looks at. The new store is said, with
the store beside it whose name it is likely a typo of, and how to write into that one
instead; a store numbered or labelled on purpose (``client2.db``) is no typo, and is not
told about."""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from staffpulse.config import default_db_path
from staffpulse.near_names import find_mistyped_stores
from staffpulse.store import Store, discard_store_if_empty, open_store


def say_near_store(store_file: Path, again: str) -> str:
    """`` It is not client.db, the store beside it: ...`` (markup, escaped) for a new store
    at ``store_file``, with ``again`` ("import again") to do with ``--db`` that store; empty
    when no store beside it is one ``store_file`` is likely a typo of. The new store is the
    user's to keep or remove: it may be the one they meant after all."""
    near = find_mistyped_stores(store_file)
    if not near:
        return ""
    return (
        f" It is not {escape(near[0].name)}, the store beside it: if you meant that one, {again}"
        f" with --db {escape(shlex.quote(str(near[0])))}."
    )


@contextmanager
def open_store_saying_new(
    db: Path | None, console: Console, *, drop_if_failed_empty: bool = False
) -> Iterator[Store]:
    """:func:`~staffpulse.store.open_store` for a command that writes, which says on
    ``console`` when it made a new store at the ``--db`` given (the default store is made
    where the user is told to expect it), even when the command then fails. With
    ``drop_if_failed_empty`` (a fetch), one that failed before any account, post or follow was
    stored (offline from its first request) is removed instead: standing there empty, it read
    as "no accounts yet" to every later command, not as "no store"."""
    given = None if db is None or str(db) == ":memory:" else Path(db).expanduser().absolute()
    # the default store too: left empty by a fetch offline on a new computer, it answered
    # "no accounts yet" where "no store yet: try staffpulse demo" was meant
    target = given if db is not None else default_db_path().expanduser().absolute()
    new = target is not None and not target.exists()
    failed = False
    try:
        with open_store(db) as store:
            try:
                yield store
            except BaseException:
                failed = True
                raise
    finally:
        dropped = False
        if target is not None and new and drop_if_failed_empty and failed:
            dropped = discard_store_if_empty(target)
        if given is not None and new and not dropped and given.exists():
            console.print(
                f"[yellow]note[/] created a new store at {escape(str(given))}."
                + say_near_store(given, "run the command again"),
                highlight=False,
                soft_wrap=True,
            )
