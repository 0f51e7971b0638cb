"""The ``--output`` folder of ``staffpulse score``, replaced only by a run that succeeds.

A run writes into a staging folder inside ``--output`` (hidden: ``.staffpulse-score-*``);
only once every shard is scored and every table written are its posts parts,
``accounts.parquet`` and ``problems.jsonl`` moved over those of the run before. A run that
fails or is stopped midway removes its staging folder and leaves the earlier results as they
were, all of them from that one run. Other files in ``--output`` are never touched.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from staffpulse.errors import InputError, OutputError

POSTS = "posts"
PARTS = "part-*.parquet"  # in posts/: the parts of a run, replaced as a whole
PROBLEMS_FILE = "problems.jsonl"  # what was skipped, with its file and line
TABLES = ("accounts.parquet", PROBLEMS_FILE)
STAGING_PREFIX = ".staffpulse-score-"
_ASIDE = "previous"  # inside the stage: the results of the run before, while they are swapped


def check_output(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise InputError(
            f"--output must be a folder; {output} is a file",
            hint="give a folder for the results (it is created when missing), e.g. "
            "--output results/",
        )


@contextmanager
def staged_output(output: Path) -> Iterator[Path]:
    """A fresh folder (with an empty ``posts`` folder) to write the run in, swapped into
    ``output`` when the block ends without an error, removed when it does not."""
    check_output(output)
    created = not output.exists()
    try:
        output.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=output))
        (stage / POSTS).mkdir()
    except OSError as exc:  # a file in the way higher up, no permission, read-only disk
        # exit 73 (cannot create), as README's exit codes say, not 65 (bad input)
        raise OutputError(
            f"cannot create the output folder {output} ({exc.strerror or exc})",
            hint="give a folder you can write to for --output",
        ) from exc
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        if created:
            _remove_if_empty(output)  # as if the run had never started
        raise
    _swap_in(stage, output)


def _swap_in(stage: Path, output: Path) -> None:
    """Replace the results of the run before (if any) with the staged ones, all or nothing.

    Each name is renamed, never copied: the old ``posts`` folder and tables go aside into the
    stage, the new ones come in, and the stage (the old ones with it) is removed. A failure or
    Ctrl-C midway renames back what was moved, in reverse order, so the earlier results stay
    whole; only if even that fails is the stage kept, and the error says where they are.
    """
    aside = stage / _ASIDE
    moves = [(output / name, aside / name) for name in (POSTS, *TABLES)]
    moves = [(src, dst) for src, dst in moves if src.exists()]
    moves += [(stage / name, output / name) for name in (POSTS, *TABLES)]
    if (output / POSTS).is_dir():  # files of the user's own in posts/ stay in posts/
        moves += [
            (aside / POSTS / extra.name, output / POSTS / extra.name)
            for extra in (output / POSTS).iterdir()
            if not extra.match(PARTS)
        ]
    done: list[tuple[Path, Path]] = []
    try:
        aside.mkdir()
        for src, dst in moves:
            src.replace(dst)
            done.append((src, dst))
    except BaseException as exc:
        if not _undo(done):
            raise OutputError(
                f"cannot write the results into {output}, nor put back those of the run before "
                f"({_reason(exc)})",
                hint=f"the earlier results are in {aside}: move them back into {output}",
            ) from exc
        shutil.rmtree(stage, ignore_errors=True)
        if isinstance(exc, OSError):
            raise OutputError(
                f"cannot write the results into {output} ({_reason(exc)}); "
                "the results of the run before are unchanged",
                hint=f"check that {output} and its posts folder can be written to, "
                "then score again",
            ) from exc
        raise
    shutil.rmtree(stage, ignore_errors=True)


def _undo(done: list[tuple[Path, Path]]) -> bool:
    """Rename back what ``done`` moved, last first; False if any of it stays moved."""
    whole = True
    for src, dst in reversed(done):
        try:
            dst.replace(src)
        except OSError:
            whole = False
    return whole


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return "stopped" if isinstance(exc, KeyboardInterrupt) else str(exc) or type(exc).__name__


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not empty: something else is in it
        folder.rmdir()
