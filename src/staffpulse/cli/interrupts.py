"""What Ctrl-C leaves behind, said per command: the error boundary of
:mod:`staffpulse.cli.app` prints it. A command that knows how far it got raises
``KeyboardInterrupt`` with the words itself (an import: "after 18,000 posts..."); the others
get the sentence that is true of what they do."""

from __future__ import annotations

import json

# FILE_COMMANDS write a file of their own (replaced only when the run succeeds), not the store
from staffpulse.cli.registry import FILE_COMMANDS

# commands that read the store and write nothing a Ctrl-C could leave half done (an audit's
# history row is written whole at its end): "work saved so far is kept" promised work they
# do not do
READ_COMMANDS = frozenset({"stats", "accounts", "audit", "benchmark", "connect", "inbox"})


def interrupted_message(command: str | None, said: str) -> str:
    """The line for a run of ``command`` stopped by Ctrl-C (None: before it started);
    ``said`` is what the command itself said of it ("" for nothing)."""
    if said:
        return f"Interrupted {said}"
    if command is None:
        # stopped while the command was still loading: no store was even opened (an import's
        # "kept in the store" named a store that was never made)
        return "Interrupted before the command started: nothing was saved. Run it again."
    if command in FILE_COMMANDS:
        return "Interrupted. Any output file you had is unchanged."
    if command in READ_COMMANDS:
        return "Interrupted. Nothing was changed: run the same command again for the result."
    if command == "import":
        # before its first post: "kept in the store" named a new store since removed
        return "Interrupted. Run the same command again; nothing is imported twice."
    if command == "demo":
        return "Interrupted. Run the demo again: it starts afresh."
    return "Interrupted. Work saved so far is kept in the store."


def loading_interrupted_json(args: list[str]) -> str | None:
    """The JSON error document for Ctrl-C while the program still loads, when ``args`` (the
    command line, before a ``--`` that ends its options) ask for ``--json``: the one every other
    interrupt prints, so a script reads it as it reads a result; None when not asked for.
    Only the standard library's json: the program's own modules may not have loaded."""
    options = args[: args.index("--")] if "--" in args else args
    if "--json" not in options:
        return None
    said = interrupted_message(None, "")
    return json.dumps({"error": {"message": said, "hint": None, "exit_code": 130}})
