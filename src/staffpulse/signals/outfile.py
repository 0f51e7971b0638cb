"""Writing an output file so that a failed run never costs the user the file they had.

``staffpulse classify`` and ``staffpulse roles`` write their JSONL to a path the user names,
often one that already holds last week's results. :func:`atomic_output` writes to a hidden
temporary file in the same folder and renames it over the target only when the run succeeds:
a rename within one folder is atomic, so a bad input, a crash or Ctrl-C leave the old file
byte for byte, and the temporary file is removed. A path that is no file but a device or a
pipe (``--output /dev/null``, ``/dev/stdout``, a named pipe) is written straight into: renaming
a file over it would replace ``/dev/null`` itself for every program on the machine.

:func:`check_output_path` is the cheap part of that, with no side effects, so a command can
refuse an unusable path before it reads anything: a folder, a path through a file, or the
input file itself. A missing output folder is created, but only once the results are ready
to be written (scripts write into fresh run folders, and a failed run should leave nothing
behind).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from staffpulse.errors import InputError
from staffpulse.output_files import blocking_file

__all__ = ["atomic_output", "check_output_path"]

_WRITABLE = "choose a writable --output path"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # either one missing: they cannot be the same file
        return False


def check_output_path(output: Path, inputs: Iterable[Path] = ()) -> Path:
    """The path to write (symlinks followed, so a linked OUT stays a link), or an
    :class:`InputError` saying what is wrong and what to do."""
    target = Path(os.path.realpath(output))
    if target.is_dir():
        raise InputError(
            f"{output} is a folder, not a file",
            hint=f"give a file path for --output, e.g. {output / 'out.jsonl'}",
        )
    if (blocker := blocking_file(target.parent)) is not None:
        raise InputError(f"{output}: {blocker} is not a folder", hint=_WRITABLE)
    for source in inputs:
        if _same_file(target, source):
            what = "the input file" if output == source else f"the same file as the input {source}"
            raise InputError(
                f"{output} is {what}: writing the results there would erase the input",
                hint=f"write them to another file, e.g. --output {_sibling(source)}",
            )
    return target


def _sibling(source: Path) -> Path:
    return source.with_name(f"{source.stem}.out.jsonl")


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new, empty, hidden file next to ``target``, opened for writing."""
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            # 0o666 lets the umask decide, as it would for a plain open(); O_EXCL never
            # reuses a file someone else put there.
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {target}")


def _write_error(output: Path, exc: OSError) -> InputError:
    return InputError(f"{output}: cannot write the output ({exc.strerror or exc})", hint=_WRITABLE)


# Errors of a write that say the output, not the input, is at fault.
_OUTPUT_ERRNOS = {
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EROFS") if hasattr(errno, name)
}


def _is_device_or_pipe(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:  # missing, or not reachable: the usual checks say what is wrong
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextmanager
def _output_faults(output: Path) -> Iterator[None]:
    """A write's error that is the output's fault (a full disk, ...) told as one, with what
    to do; any other (a bad input's) left as it is."""
    try:
        yield
    except OSError as exc:
        if exc.errno in _OUTPUT_ERRNOS:
            raise _write_error(output, exc) from exc
        raise


@contextmanager
def _direct_output(output: Path) -> Iterator[IO[str]]:
    """``output`` opened as it is, for a device or a pipe that has no old content to keep."""
    try:
        sink = open(output, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise _write_error(output, exc) from exc
    with sink, _output_faults(output):
        yield sink
        sink.flush()


@contextmanager
def atomic_output(output: Path, inputs: Iterable[Path] = ()) -> Iterator[IO[str]]:
    """A UTF-8 text file that replaces ``output`` only if the ``with`` block succeeds.

    ``inputs`` are the files being read: writing over one of them is refused. When
    ``output`` exists, the new file keeps its permissions; a device or a pipe
    (``/dev/null``) is written into as it is.
    """
    if _is_device_or_pipe(output):
        with _direct_output(output) as sink:
            yield sink
        return
    target = check_output_path(output, inputs)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _create_temp(target)
    except OSError as exc:
        raise InputError(
            f"{output}: cannot write in {target.parent} ({exc.strerror or exc})", hint=_WRITABLE
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as sink:
            with _output_faults(output):
                yield sink
            try:
                sink.flush()
                os.fsync(sink.fileno())  # on disk before the rename makes it OUT
            except OSError as exc:
                raise _write_error(output, exc) from exc
        try:
            with contextlib.suppress(FileNotFoundError):
                os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
            os.replace(tmp, target)
        except OSError as exc:
            raise _write_error(output, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
