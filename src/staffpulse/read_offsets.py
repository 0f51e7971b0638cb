"""How far this process has read into a file: the offset of the descriptor it reads the file
through, which Linux shows in ``/proc/self/fdinfo``. An import knows the size of every file
from the start but the number of records in one only at its end, so its progress bar (the
web's, the command line's) follows bytes. Where there is no such view (macOS, Windows) the
offset is None and a bar moves file by file.
"""

from __future__ import annotations

import os
from pathlib import Path

FDS = Path("/proc/self/fd")


def read_offset(path: Path) -> int | None:
    """How far this process has read into ``path`` (the furthest open descriptor on it), or
    None when that cannot be seen."""
    try:
        target = os.path.realpath(path)
        offsets = []
        for fd in os.listdir(FDS):
            try:
                if os.readlink(FDS / fd) != target:
                    continue
                info = (FDS.parent / "fdinfo" / fd).read_text()
            except OSError:  # closed meanwhile
                continue
            pos = next(
                (line.split()[1] for line in info.splitlines() if line.startswith("pos:")), ""
            )
            if pos.isdigit():
                offsets.append(int(pos))
    except OSError:
        return None
    return max(offsets) if offsets else None


def size_of(path: Path) -> int:
    """The file's size in bytes; 0 when it cannot be read."""
    try:
        return path.stat().st_size
    except OSError:
        return 0
