"""How many of a list to show (``--limit``; the dashboard's "How many"): the one rule the
inbox, connect and the accounts list check, said in the same words by each. The library owns
the rule, so a caller that is no CLI (the dashboard) is refused as the command line is; the
CLI's error boundary turns the error into its message."""

from __future__ import annotations

from staffpulse.errors import InputError
from staffpulse.next_steps import LIMIT_AT_LEAST_ONE


def check_limit(limit: int, shown: str, default: int, *, instead: str = "") -> None:
    """Refuses a ``limit`` under 1: a list of none read as an empty store, and a negative one
    sliced from the end. ``shown`` says what the limit counts ("open conversations to show"),
    ``default`` the number to try, ``instead`` another way to say it (", or --all for every
    one")."""
    if limit < 1:
        raise InputError(
            f"{LIMIT_AT_LEAST_ONE.say()} (got {limit})",
            hint=f"give how many {shown}, e.g. {default} (the default){instead}",
        )
