"""Options shared by many commands, so they read the same everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="STAFFPULSE_DB",
        help="SQLite store to use (default: staffpulse.db in your user data folder).",
        show_default=False,
    ),
]
# What every --platform accepts (models.platform_choice): the spellings cohort files and
# imports accept too, so "twitter" works wherever "x" does; csv is what rows from a CSV
# without a platform column are filed under. add-handles fetches, so csv means nothing there.
PLATFORM_HELP = "x (or twitter), bluesky (or bsky), mastodon or csv"
FETCH_PLATFORM_HELP = "x (or twitter), bluesky (or bsky) or mastodon"
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON for scripts instead of tables.")
]
