"""The ``staffpulse`` command line: a thin Typer layer over the library."""

from staffpulse.cli.app import app, main

__all__ = ["app", "main"]
