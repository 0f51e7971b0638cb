"""Writing a result file to the path the user named: ``audit``/``benchmark``/``inbox --html``,
``benchmark --csv``, ``connect --export --output``, and the folder of ``demo --out``.

One helper for all of them, so that a path that cannot be written is told the same way
everywhere, in words rather than the OS's: ``afile/x.csv`` where ``afile`` is a file read
"File exists" (the folder could not be made because a file holds its name), and a bug's
traceback where nothing caught it (``inbox --html``).
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import NamedTuple

from staffpulse.errors import InputError
from staffpulse.missing_folders import find_missing_folder

__all__ = [
    "Writes",
    "blocking_file",
    "check_output",
    "make_folder",
    "missing_folder",
    "shell_path",
    "write_output",
]


def blocking_file(path: Path) -> Path | None:
    """The file that stands where a folder of ``path`` should be (``afile`` of ``afile/x.csv``:
    the nearest of ``path`` and its parents that exists, when it is no folder), or None. The
    OS would say only "File exists" or "Not a directory" when the folder is made."""
    existing = next((p for p in (path, *path.parents) if p.expanduser().exists()), None)
    return existing if existing is not None and not existing.expanduser().is_dir() else None


def write_output(path: Path | str, data: bytes | str, option: str) -> Path:
    """Write ``data`` (text as UTF-8) to ``path``, making its folder when the folder above
    it exists; returns the path written. ``option`` names where the path came from
    (``--csv``), for the hint. Raises :class:`InputError` saying what is in the way, or which
    folder is missing, and what to do."""
    given = Path(path)
    target = given.expanduser()
    check_output(given, option)
    try:
        target.parent.mkdir(exist_ok=True)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    except OSError as exc:
        raise InputError(
            f"cannot write {given}: {exc.strerror or exc}", hint=f"choose another {option} path"
        ) from exc
    return target


def check_output(path: Path | None, option: str, writes: Writes | None = None) -> None:
    """Refuse a ``path`` for ``option`` that :func:`write_output` would refuse (a name of
    another kind of file, a folder, a file in the way, a missing folder), writing nothing: a
    command checks its output files before its work, as ``benchmark --csv league.html`` once
    ranked the whole cohort, then refused the name. ``writes``: what ``option`` writes, for an
    option whose kind of file depends on another (``connect --output`` on ``--export``). None
    (the option not given) passes."""
    if path is None:
        return
    given = Path(path)
    _check_kind(given, option, writes)
    _check_path(given, given.expanduser(), option)
    _check_folder(given, option)


def make_folder(path: Path, option: str, *, parents: bool = False) -> Path:
    """Make the folder ``path`` for results (``demo --out``), when the folder above it exists
    (``parents``: and any missing above it, for a folder staffpulse chose); returns it. A file
    in its place, or in the place of one of its parents, is told as :func:`write_output`
    tells it, and so is a folder missing above it."""
    target = path.expanduser()
    if (blocker := blocking_file(path)) is not None:
        what = "it" if blocker == path else str(blocker)
        raise InputError(
            f"cannot write into {path}: {what} is a file, not a folder",
            hint=f"give a folder for {option}, e.g. {option} {path.name}-reports",
        )
    if not parents:
        _check_folder(path, option, folder=True)
    try:
        target.mkdir(parents=parents, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"cannot make the folder {path}: {exc.strerror or exc}",
            hint=f"choose another {option} folder",
        ) from exc
    return target


class Writes(NamedTuple):
    """The kind of file an option writes, the endings its name may have (the first is
    offered), and what to do instead when the name says another kind."""

    kind: str  # "CSV", or "CSV for --export csv"
    endings: tuple[str, ...]
    otherwise: str = "if you meant the other option, swap the two paths"


# what each option writes, by the endings its files may have (the first is offered)
_WRITES = {
    "--csv": Writes("CSV", (".csv", ".tsv", ".txt")),
    "--html": Writes("HTML", (".html", ".htm")),
}
# the kinds of file a name can say it holds, that an option writing another kind must not take
_NAMED = {".csv": "a CSV", ".tsv": "a CSV", ".html": "an HTML", ".htm": "an HTML"}
_NAMED |= {".json": "a JSON", ".jsonl": "a JSON Lines", ".xlsx": "an Excel", ".pdf": "a PDF"}
_NAMED |= {".db": "a store", ".png": "a picture", ".jpg": "a picture", ".zip": "a ZIP"}


def _check_kind(given: Path, option: str, writes: Writes | None = None) -> None:
    """Refuse a path whose name says it holds another kind of file than ``option`` writes:
    ``benchmark --csv league.html`` (the two options swapped) wrote CSV over the HTML report
    without a word."""
    writes = writes or _WRITES.get(option)
    if writes is None:
        return
    endings = writes.endings
    suffix = given.suffix.lower()
    if suffix in endings or suffix not in _NAMED:
        return
    raise InputError(
        f"not writing {given}: {option} writes {writes.kind}, and the name says "
        f"{_NAMED[suffix]} file",
        hint=f"give {option} a file ending in {endings[0]} (e.g. {option} "
        f"{given.with_suffix(endings[0])}); {writes.otherwise}",
    )


def _check_path(given: Path, target: Path, option: str) -> None:
    """Refuse a path whose folder is a file, or that is a folder itself, before the OS says
    "File exists" or "Is a directory"."""
    if target.is_dir():
        raise InputError(
            f"cannot write {given}: it is a folder, not a file",
            hint=f"give a file path for {option}, e.g. {option} {given / _example(option)}",
        )
    if (blocker := blocking_file(given.parent)) is not None:
        raise InputError(
            f"cannot write {given}: {blocker} is a file, not a folder",
            hint=f"give a path in a folder for {option}, e.g. {option} {given.name}",
        )


def missing_folder(path: Path) -> Path | None:
    """The folder of ``path`` (a file or a folder to make) that is missing above the one
    that would be made: ``reprots`` of ``reprots/2026/x.html`` when neither exists; None when
    at most ``path``'s own folder is missing. Made silently, all of them, a typo in a folder
    name wrote the file somewhere no one looked."""
    target = path.expanduser()
    missing = find_missing_folder(target)
    return missing if missing is not None and missing != target.parent else None


def _check_folder(given: Path, option: str, *, folder: bool = False) -> None:
    """Refuse ``given`` (a file to write, or a ``folder`` to make) when a folder above the
    one that would be made is missing, naming it."""
    made = given if folder else given.parent
    if (missing := missing_folder(made / "x")) is not None:
        what = f"make the folder {given}" if folder else f"write {given}"
        raise InputError(
            f"cannot {what}: the folder {_as_given(missing, given)} does not exist",
            hint=f"check the folder names in {option}, or make the folder first (mkdir -p"
            f" {shell_path(made)}) and run the command again",
        )


def shell_path(path: Path) -> str:
    """``path`` quoted for the shell, a leading ``~/`` left out of the quotes to expand."""
    text = str(path)
    if text.startswith("~/"):
        return "~/" + shlex.quote(text[2:])
    return shlex.quote(text)


def _as_given(folder: Path, given: Path) -> Path:
    """``folder`` as the user typed it (``reprots``, not ``/home/me/reprots``), the path
    given being one under it, ``~`` and all."""
    depth = len(given.expanduser().parents) - len(folder.parents) - 1
    return given.parents[depth] if 0 <= depth < len(given.parents) else folder


def _example(option: str) -> str:
    return {"--html": "report.html", "--csv": "league.csv"}.get(option, "list.csv")
