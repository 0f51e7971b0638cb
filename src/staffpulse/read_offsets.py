"""How far this process has read into a file: the offset of the descriptor it reads the file
through, which Linux shows in ``/proc/self/fdinfo``. An import knows the size of every file
from the start but the number of records in one only at its end, so its progress bar (the
web's, the command line's) follows bytes. Where there is no such view (macOS, Windows) the
offset is None and a bar moves file by file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

FDS = Path("/proc/self/fd")


def read_offset(path: Path) -> int | None:
    """How far this process has read into ``path`` (the furthest open descriptor on it, or
    what a reader that read it whole and closed it said: :func:`mark_read`), or None when
    that cannot be seen."""
    target = os.path.realpath(path)
    marked = _marked(target)
    offsets = [] if marked is None else [marked]
    try:
        offsets += [pos for _, pos in _open_offsets(lambda file: file == target)]
    except OSError:
        return marked
    return max(offsets) if offsets else None


def read_in_folder(folder: Path) -> int:
    """How many bytes this process has read of the files under ``folder`` (an unzipped
    archive, read file by file): each file's furthest open descriptor, or what
    :func:`mark_read` said of it. 0 where that cannot be seen."""
    root = os.path.join(os.path.realpath(folder), "")
    offsets = {file: _marked(file) or 0 for file in list(_MARKED) if file.startswith(root)}
    try:
        for file, pos in _open_offsets(lambda file: file.startswith(root)):
            offsets[file] = max(offsets.get(file, 0), pos)
    except OSError:
        pass
    return sum(offsets.values())


def _open_offsets(wanted: Callable[[str], bool]) -> list[tuple[str, int]]:
    """Each ``wanted`` file this process holds open, with the offset of a descriptor on it
    (OSError where there is no ``/proc``)."""
    found = []
    for fd in os.listdir(FDS):
        try:
            target = os.readlink(FDS / fd)
            if not wanted(target):
                continue
            info = (FDS.parent / "fdinfo" / fd).read_text()
        except OSError:  # closed meanwhile
            continue
        pos = next((line.split()[1] for line in info.splitlines() if line.startswith("pos:")), "")
        if pos.isdigit():
            found.append((target, int(pos)))
    return found


def size_of(path: Path) -> int:
    """The file's size in bytes; 0 when it cannot be read."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


# Files a reader read whole and closed before their records were written (a repo.car read at
# once, a .tar.gz streamed to its end): realpath -> (inode, mtime, bytes read). A replaced
# file (another upload at the same path) has another inode or mtime and is not taken as read.
_MARKED: dict[str, tuple[int, int, int]] = {}


def mark_read(path: Path, offset: int | None = None) -> None:
    """Tell :func:`read_offset` that ``path`` was read up to ``offset`` (all of it by
    default), for a reader that no longer holds the file open while its records are written:
    otherwise the progress bar would stay at 0 bytes."""
    try:
        stat = path.stat()
        _MARKED[os.path.realpath(path)] = (
            stat.st_ino,
            stat.st_mtime_ns,
            stat.st_size if offset is None else offset,
        )
    except OSError:
        pass


def _marked(target: str) -> int | None:
    mark = _MARKED.get(target)
    if mark is None:
        return None
    try:
        stat = os.stat(target)
    except OSError:
        return None
    return mark[2] if (stat.st_ino, stat.st_mtime_ns) == mark[:2] else None
