"""``staffpulse serve``: the web dashboard on this computer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from staffpulse.cli.consoles import make_console
from staffpulse.cli.options import DbOption, check_port_number, cohort_file_help
from staffpulse.errors import InputError
from staffpulse.output_files import missing_folder


def _ranked_without_cohort() -> str:
    """What the Benchmark page ranks without a cohort file, for ``--cohort``'s help: the
    benchmark's own minimum, not a copy of it ("10") that would go stale."""
    from staffpulse.benchmark.members import DEFAULT_MIN_POSTS  # only when the help is built

    return (
        f"every account with at least {DEFAULT_MIN_POSTS} posts of its own in the store, or every"
        f" account with posts when none has {DEFAULT_MIN_POSTS} (the page takes a file too)."
    )


def serve_command(
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on. The default keeps the dashboard private to this "
            "computer; anything else exposes it (it has no login).",
        ),
    ] = "127.0.0.1",
    db: DbOption = None,
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the dashboard in your browser.")
    ] = False,
    max_upload_mb: Annotated[
        int, typer.Option("--max-upload-mb", help="Largest file the Import page accepts (MB).")
    ] = 200,
    cohort: Annotated[
        Path | None,
        typer.Option(
            "--cohort",
            help="For the Benchmark page: " + cohort_file_help(_ranked_without_cohort()),
        ),
    ] = None,
) -> None:
    """Start the web dashboard (Ctrl-C stops it)."""
    from staffpulse.config import default_db_path
    from staffpulse.web import serve_app

    check_port_number(port)
    if max_upload_mb < 1:
        raise InputError(
            f"--max-upload-mb {max_upload_mb}: the largest upload must be at least 1 MB",
            hint="use e.g. --max-upload-mb 200 (the default), or leave the option out",
        )
    if cohort is not None:
        # exit 66, as benchmark and refresh say the same of a cohort file (it was 65)
        from staffpulse.benchmark.cohort_help import refuse_missing_cohort

        refuse_missing_cohort(
            cohort, "or leave out --cohort, and the Benchmark page ranks the stored accounts"
        )
    # (a store whose folders are missing above its own is refused with what to do: no note
    # before that; its own folder is made, as every command that writes a store makes it)
    if db is not None and not db.expanduser().exists() and missing_folder(db) is None:
        # the dashboard makes the store it is given: a mistyped --db showed an empty
        # dashboard, and left a stray store behind, without a word
        folder = "" if db.expanduser().parent.is_dir() else " (and its folder)"
        make_console(stderr=True).print(
            f"[yellow]note[/] no store at {escape(str(db))} yet: the dashboard starts a new,"
            f" empty one there{folder} (its Import page fills it). Stop it with Ctrl-C and"
            " check --db if you meant a store you already have.",
            highlight=False,
            soft_wrap=True,
        )
    serve_app(
        db or default_db_path(),
        host,
        port,
        open_browser,
        max_upload_bytes=max_upload_mb * 1024 * 1024,
        cohort_file=cohort,
        announce=typer.echo,
    )


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
