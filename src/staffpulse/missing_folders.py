"""The folder missing on the way to a path a user gave, for reading (``~/Downloads`` of a
fresh account: :func:`staffpulse.sources.user_paths.missing_hint`) and for writing (a typo in a
folder name above a result file or a store: :mod:`staffpulse.output_files`).

One implementation for both, in a module that imports nothing of staffpulse: the store reaches
it through ``output_files``, and the sources package imports the store.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["find_missing_folder"]


def find_missing_folder(path: Path) -> Path | None:
    """The first folder on the way to ``path`` that is not there (the one nearest the root),
    or None when its folder is there, or when a file stands where a folder was meant (that
    is for the caller to say)."""
    missing = None
    for folder in path.parents:
        if folder.exists():
            return missing if folder.is_dir() else None
        missing = folder
    return missing
