"""The ``staffpulse`` command line: a thin Typer layer over the library."""

import sys

try:
    from staffpulse.cli.app import app, main
except KeyboardInterrupt:  # Ctrl-C in the half second the program takes to load: no traceback
    from staffpulse.cli.interrupts import interrupted_message

    sys.stderr.write(interrupted_message(None, "") + "\n")
    raise SystemExit(130) from None

__all__ = ["app", "main"]
