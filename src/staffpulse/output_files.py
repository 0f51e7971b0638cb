"""Writing a result file to the path the user named: ``audit``/``benchmark``/``inbox --html``,
``benchmark --csv``, ``connect --export --output``, and the folder of ``demo --out``.

One helper for all of them, so that a path that cannot be written is told the same way
everywhere, in words rather than the OS's: ``afile/x.csv`` where ``afile`` is a file read
"File exists" (the folder could not be made because a file holds its name), and a bug's
traceback where nothing caught it (``inbox --html``).
"""

from __future__ import annotations

from pathlib import Path

from staffpulse.errors import InputError

__all__ = ["blocking_file", "make_folder", "write_output"]


def blocking_file(path: Path) -> Path | None:
    """The file that stands where a folder of ``path`` should be (``afile`` of ``afile/x.csv``:
    the nearest of ``path`` and its parents that exists, when it is no folder), or None. The
    OS would say only "File exists" or "Not a directory" when the folder is made."""
    existing = next((p for p in (path, *path.parents) if p.expanduser().exists()), None)
    return existing if existing is not None and not existing.expanduser().is_dir() else None


def write_output(path: Path | str, data: bytes | str, option: str) -> Path:
    """Write ``data`` (text as UTF-8) to ``path``, making its folders; returns the path
    written. ``option`` names where the path came from (``--csv``), for the hint. Raises
    :class:`InputError` saying what is in the way and what to do."""
    given = Path(path)
    target = given.expanduser()
    _check_path(given, target, option)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    except OSError as exc:
        raise InputError(
            f"cannot write {given}: {exc.strerror or exc}", hint=f"choose another {option} path"
        ) from exc
    return target


def make_folder(path: Path, option: str) -> Path:
    """Make the folder ``path`` (and its parents) for results (``demo --out``); returns it.
    A file in its place, or in the place of one of its parents, is told as
    :func:`write_output` tells it."""
    target = path.expanduser()
    if (blocker := blocking_file(path)) is not None:
        what = "it" if blocker == path else str(blocker)
        raise InputError(
            f"cannot write into {path}: {what} is a file, not a folder",
            hint=f"give a folder for {option}, e.g. {option} {path.name}-reports",
        )
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"cannot make the folder {path}: {exc.strerror or exc}",
            hint=f"choose another {option} folder",
        ) from exc
    return target


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


def _example(option: str) -> str:
    return {"--html": "report.html", "--csv": "league.csv"}.get(option, "list.csv")
