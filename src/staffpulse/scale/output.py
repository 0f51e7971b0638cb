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

from staffpulse.errors import InputError

POSTS = "posts"
TABLES = ("accounts.parquet", "problems.jsonl")
STAGING_PREFIX = ".staffpulse-score-"


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
        raise InputError(
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
    """Replace the results of the run before (if any) with the staged ones."""
    posts = output / POSTS
    try:
        posts.mkdir(exist_ok=True)
        for stale in posts.glob("part-*.parquet"):
            stale.unlink()
        for part in sorted((stage / POSTS).iterdir()):
            part.replace(posts / part.name)
        for name in TABLES:
            (stage / name).replace(output / name)
    except OSError as exc:
        raise InputError(
            f"cannot write the results into {output} ({exc.strerror or exc})",
            hint=f"check that {output} and its posts folder can be written to, then score again",
        ) from exc
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not empty: something else is in it
        folder.rmdir()
