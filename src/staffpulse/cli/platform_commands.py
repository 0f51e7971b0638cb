"""The group of the commands named after a platform (``fetch x``, ``listen bluesky``): it takes
the spellings ``--platform`` takes too, so ``fetch twitter @acme``, ``fetch X @acme`` and
``listen bsky`` run the command meant instead of failing with "No such command 'twitter'",
and a misspelt one is offered the closest (``fetch twiter``: "Did you mean 'twitter'?")."""

from __future__ import annotations

from typing import Any

from typer._click.exceptions import UsageError
from typer.core import TyperGroup

from staffpulse.models import PLATFORM_ALIASES, closest_platform


class PlatformCommandsGroup(TyperGroup):
    """Finds a platform's command under any spelling of the platform (models.PLATFORM_ALIASES,
    in any case); the help still lists each command once, under its own name."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is None:
            key = cmd_name.strip().lower()
            command = super().get_command(ctx, PLATFORM_ALIASES.get(key, key))
        return command

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            name, command, rest = super().resolve_command(ctx, args)
        except UsageError as exc:
            # Typer's own guess misses the short names ("twiter" is far from "x")
            meant = closest_platform(args[0], tuple(self.commands)) if args else None
            if meant and "Did you mean" not in exc.message:
                exc.message = f"{exc.message.rstrip('.')}. Did you mean '{meant}'?"
            raise
        # run under its own name: "Usage: staffpulse fetch x", not "fetch twitter"
        return (command.name if command is not None else name), command, rest
