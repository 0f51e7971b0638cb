"""``avatar``: say what each avatar image shows (person, logo, default or other).

Contract (scripts and the held-out evaluation rely on it)::

    staffpulse avatar IMAGE_OR_FOLDER... [--json]

A folder stands for the image files in it (PNG, JPEG, GIF, WebP, at any depth, by name).
With ``--json``, stdout is one JSON list with an object per image, in argument order:
``{"file": ..., "label": ..., "confidence": c, "faces": n}``; a file that cannot be read
(missing, not an image, corrupt, too large) has ``"label": null`` and an ``"error"`` message,
and the other images are still classified. Per-file failures are data, reported in the
output, so the exit code is 0 as long as one image got a label; when none did, the output
is written and then it is an error: 66 if no file existed, else 65. The classifier itself failing (the
``image`` extra or the shipped model missing) goes through the CLI's error boundary.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from staffpulse.cli.consoles import make_console, make_status
from staffpulse.cli.json_output import print_json
from staffpulse.cli.options import JsonOption
from staffpulse.errors import InputError, MissingFileError
from staffpulse.report.counts import count_of

if TYPE_CHECKING:
    from staffpulse.signals.avatar import AvatarVerdict

console = make_console()
err_console = make_console(stderr=True)

_STYLE = {"person": "green", "logo": "yellow", "default": "red", "other": "cyan"}
_ADVICE = {
    "person": "a real face: good for trust",
    "logo": "a brand mark: people follow people, consider a face",
    "default": "the platform placeholder: upload a picture",
    "other": "neither a face nor a brand mark",
}


def avatar_command(
    images: Annotated[
        list[Path],
        typer.Argument(
            help="Avatar image files (PNG, JPEG, GIF, WebP), or folders of them (a folder ends"
            " with the count of each label).",
            show_default=False,
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """Say whether each avatar shows a person, a logo, the platform default, or other."""
    from staffpulse.signals.avatar import classify_avatars
    from staffpulse.signals.avatar_io import image_files

    paths, passed_over = image_files(images)
    if len(paths) < 8:
        verdicts = classify_avatars(paths)
    else:
        with make_status(err_console, f"Classifying {len(paths)} images..."):
            verdicts = classify_avatars(paths)
    if as_json:
        print_json([v.to_dict() for v in verdicts])
    else:
        _render(verdicts)
    _say_passed_over(passed_over)
    _check_any_read(verdicts)


def _say_passed_over(passed_over: list[str]) -> None:
    """Files of a folder that are not images by name: counted and named, on stderr (so the
    JSON on stdout stays one object per image)."""
    if not passed_over:
        return
    named = ", ".join(os.path.basename(p) for p in passed_over[:3])
    more = f" and {len(passed_over) - 3:,} more" if len(passed_over) > 3 else ""
    err_console.print(
        f"Passed over {count_of(len(passed_over), 'file')} that "
        f"{'is' if len(passed_over) == 1 else 'are'} not PNG, JPEG, GIF or WebP by name: "
        f"{escape(named)}{more}.",
        highlight=False,
        soft_wrap=True,
    )


def _check_any_read(verdicts: list[AvatarVerdict]) -> None:
    """Not one label, after the output is written: an error, 66 when no file existed."""
    if not verdicts or any(v.label is not None for v in verdicts):
        return
    if all(not Path(v.file).exists() for v in verdicts):
        more = f" (and {len(verdicts) - 1:,} more)" if len(verdicts) > 1 else ""
        from staffpulse.sources.user_paths import missing_hint

        # a typo is offered the names beside it ("did you mean logo.png?")
        first = Path(verdicts[0].file)
        raise MissingFileError(
            f"{first}: no such file{more}",
            hint=missing_hint(first, "the paths" if more else "the path"),
        )
    raise InputError(
        f"no image could be read ({count_of(len(verdicts), 'file')} tried)",
        hint="give PNG, JPEG, GIF or WebP images",
    )


def _shared_folder(verdicts: list[AvatarVerdict]) -> str | None:
    """The folder every file is in, when there are several files: the table then names
    each file from there, as a full path folded across two lines is hard to read
    ("/work/clients/ava" / "tars/logo_001.png")."""
    if len(verdicts) < 2:
        return None
    try:
        folder = os.path.commonpath([os.path.dirname(v.file) for v in verdicts])
    except ValueError:  # absolute and relative paths mixed
        return None
    return folder or None


def _labels_line(verdicts: list[AvatarVerdict]) -> str:
    """``181 images: 84 person, 88 logo, 9 default``: the answer for a folder at a glance."""
    counts: dict[str, int] = {}
    for v in verdicts:
        if v.label is not None:
            counts[v.label] = counts.get(v.label, 0) + 1
    told = ", ".join(f"{n:,} {label}" for label, n in sorted(counts.items(), key=lambda c: -c[1]))
    return f"{count_of(sum(counts.values()), 'image')}: {told}"


def _render(verdicts: list[AvatarVerdict]) -> None:
    folder = _shared_folder(verdicts)
    # the folder on a line of its own, never folded: it copies whole
    console.print(escape(f"Avatars in {folder}" if folder else "Avatars"), soft_wrap=True)
    table = Table()
    table.add_column("file", overflow="fold")
    table.add_column("label")
    table.add_column("confidence", justify="right")
    table.add_column("faces", justify="right")
    table.add_column("what it means", overflow="fold")
    failed = 0
    for v in verdicts:
        if v.label is None:
            failed += 1
            table.add_row(
                escape(_shown(v.file, folder)),
                "[bold red]error[/]",
                "",
                "",
                escape(v.error or "unreadable"),
            )
            continue
        style = _STYLE.get(v.label, "white")
        table.add_row(
            escape(_shown(v.file, folder)),
            f"[{style}]{escape(v.label)}[/]",
            f"{v.confidence:.2f}",
            str(v.faces),
            _ADVICE.get(v.label, ""),
        )
    console.print(table)
    if len(verdicts) - failed > 1:
        console.print(_labels_line(verdicts), highlight=False)
    if 0 < failed < len(verdicts):  # when none could be read, the error says so
        err_console.print(
            f"[yellow]{failed:,} of {count_of(len(verdicts), 'file')} could not be read;[/] "
            "give PNG, JPEG, GIF or WebP images.",
            highlight=False,
        )


def _shown(file: str, folder: str | None) -> str:
    return os.path.relpath(file, folder) if folder else file


def register(app: typer.Typer) -> None:
    """Add ``staffpulse avatar`` to the app."""
    app.command("avatar")(avatar_command)
