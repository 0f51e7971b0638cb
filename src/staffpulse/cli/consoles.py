"""The one way a command makes a Rich console, so that none can forget what they all need,
and its progress bar of counted steps, so that every command's bar looks the same.

Rich reads ``:name:`` as an emoji code by default, and the text a command prints is full of
colons: ``f.jsonl:100:`` became ``f.jsonl💯`` (``:100:`` is the code for 💯, ``:1234:`` for
🔢), and a display name such as ``Rosa :smile: Lee`` lost its words. Staffpulse never writes
emoji codes on purpose, so every console prints them as they are. (Markup stays on: commands
escape the outside text they quote, see :mod:`staffpulse.cli.problems`.)
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


def make_console(*, stderr: bool = False) -> Console:
    """A console for a command's output (stdout) or its messages (``stderr=True``)."""
    return Console(stderr=stderr, emoji=False)


def make_count_progress(console: Console, *, disable: bool = False) -> Progress:
    """A bar on ``console`` for each task: its description, ``done/total`` and the time taken;
    gone once the work is done, so the result is all that stays on the screen."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=disable,
    )
