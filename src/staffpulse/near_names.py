"""Names near one a user typed that is not there: the file meant by ``twitter-2026-11-01.zip``
when ``twitter-2026-11-02.zip`` is beside it, and the store meant by ``--db clinet.db`` when
``client.db`` is. Neither a source nor the store: both the paths a user gives
(:mod:`staffpulse.sources.user_paths`) and :func:`staffpulse.store.open_store` offer them.
"""

from __future__ import annotations

import difflib
import itertools
import os
import shlex
from pathlib import Path

# how many names of a folder are compared with a name typed (a Downloads folder may hold
# thousands), and how like it one must be to be offered (difflib's ratio)
_NAMES_COMPARED = 5000
_NEAR_ENOUGH = 0.7


def find_near_names(path: Path) -> list[str]:
    """The names in ``path``'s folder closest to its name, best first (at most two): the file
    meant by ``twitter-2026-11-01.zip`` when ``twitter-2026-11-02.zip`` is there, ``Cohort.csv``
    for ``cohort.csv``. None when the folder cannot be read (or is not there)."""
    try:
        with os.scandir(path.parent if str(path.parent) else ".") as entries:
            names = [entry.name for entry in itertools.islice(entries, _NAMES_COMPARED)]
    except OSError:
        return []
    typed = path.name.lower()
    # a hidden file (.env, .netrc) is offered only for a name typed hidden: its name may tell
    # what it holds, and no export is saved hidden
    # (and never the name itself: a store an import has just made at a mistyped path)
    names = [
        n for n in names if n != path.name and (typed.startswith(".") or not n.startswith("."))
    ]
    other_case = [n for n in names if n.lower() == typed]
    if other_case:
        return other_case[:2]
    by_lower = {n.lower(): n for n in names}
    close = difflib.get_close_matches(typed, by_lower, n=2, cutoff=_NEAR_ENOUGH)
    # the names must be near without their endings too: b.csv is no typo of a.csv, however
    # alike the two read with ".csv"
    stem = Path(typed).stem
    near = [n for n in close if _likeness(Path(n).stem, stem) >= _NEAR_ENOUGH]
    return [by_lower[n] for n in near]


def _likeness(one: str, other: str) -> float:
    return difflib.SequenceMatcher(None, one, other).ratio()


# the endings a store is given (``--db client.db``, ``client.sqlite``): a name typed with an
# ending one slip from one of them (``client.bd``, ``client.dbb``) means the store of its stem
STORE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def find_near_stores(path: Path) -> list[Path]:
    """The stores beside ``path`` whose names are near its own (``client.db`` for a mistyped
    ``clinet.db``, or for ``client.bd``: its name with an ending one slip from a store's), as
    written beside it, best first. A reading command is offered them when ``path`` is not
    there; an import that made a new store at ``path`` names those it may be a typo of
    (:func:`find_mistyped_stores`)."""
    given = path.expanduser()
    near = [n for n in find_near_names(given) if Path(n).suffix.lower() == given.suffix.lower()]
    ending = given.suffix.lower()
    if ending not in STORE_SUFFIXES:  # "client.bd": the stem is right, its ending slipped
        near += [
            given.stem + suffix
            for suffix in STORE_SUFFIXES
            if ending and _one_edit_apart(ending, suffix) and given.stem + suffix not in near
        ]
    return [path.with_name(n) for n in near if given.with_name(n).is_file()]


def find_mistyped_stores(path: Path) -> list[Path]:
    """The stores of :func:`find_near_stores` that a new store at ``path`` is likely a typo
    of: one slip apart (``clinet.db``, ``clientt.db``, ``client.bd`` for ``client.db``). A
    name that numbers or labels another (``client2.db``, ``client-copy.db``, ``client_old.db``,
    ``client2026.db``) is a second store made on purpose, not a typo to be told about."""
    given = path.expanduser()
    return [
        store
        for store in find_near_stores(path)
        if _one_edit_apart(given.stem.lower(), store.stem.lower())
        and not _numbers_or_labels(given.stem.lower(), store.stem.lower())
    ]


def _numbers_or_labels(new: str, stored: str) -> bool:
    """Whether the name of a new store differs from a stored one's only by what people add
    to number or label a second copy: digits at the end (``cut2`` beside ``cut``,
    ``client2026`` beside ``client2025``), or a letter or a word after the name (``cut_old``,
    ``cut-copy``, ``teamb``) that is no doubled last letter (``cutt`` is a slip, and so is a
    letter left out: ``clien``)."""
    if new == stored:
        return False
    pairs = enumerate(zip(new, stored, strict=False))
    common = next((i for i, (a, b) in pairs if a != b), min(len(new), len(stored)))
    added, dropped = new[common:], stored[common:]
    if (added.isdigit() or not added) and (dropped.isdigit() or not dropped):
        return True
    doubled = len(added) == 1 and common > 0 and added == new[common - 1]
    return bool(added) and not dropped and not doubled


def _one_edit_apart(one: str, other: str) -> bool:
    """Whether ``one`` becomes ``other`` by at most one slip of a key: a letter left out,
    added, changed, or two beside each other swapped (``bd`` for ``db``)."""
    if one == other:
        return True
    if abs(len(one) - len(other)) > 1:
        return False
    at = next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), None)
    if at is None:  # one is the other with a letter more at the end
        return True
    if len(one) != len(other):
        short, long = sorted((one, other), key=len)
        return short[at:] == long[at + 1 :]
    swapped = one[at : at + 2] == other[at : at + 2][::-1] and one[at + 2 :] == other[at + 2 :]
    return swapped or one[at + 1 :] == other[at + 1 :]


def offer_near_store(path: Path) -> str:
    """The start of the hint for no store at ``path``: "did you mean --db client.db? Else "
    when a store of a near name is beside it (:func:`find_near_stores`), else nothing."""
    near = find_near_stores(path)
    return f"did you mean --db {shlex.quote(str(near[0]))}? Else " if near else ""


__all__ = [
    "STORE_SUFFIXES",
    "find_mistyped_stores",
    "find_near_names",
    "find_near_stores",
    "offer_near_store",
]
