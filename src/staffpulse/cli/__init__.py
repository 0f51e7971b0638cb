"""The ``staffpulse`` command line: a thin Typer layer over the library."""

import sys

try:
    from staffpulse.cli.app import app, main
except KeyboardInterrupt:  # Ctrl-C in the half second the program takes to load: no traceback
    from staffpulse.cli.interrupts import interrupted_message, loading_interrupted_json

    sys.stderr.write(interrupted_message(None, "") + "\n")
    if (document := loading_interrupted_json(sys.argv[1:])) is not None:
        sys.stdout.write(document + "\n")  # --json: the error as the run's document
    raise SystemExit(130) from None

__all__ = ["app", "main"]
