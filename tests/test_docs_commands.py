"""The commands README.md and docs/*.md tell people to type exist, with the options they are
shown with: a renamed option or command leaves the docs sending a marketer to "No such
option" (exit 2). Each ``staffpulse ...`` in a code block or in inline code is read as the
shell reads it and walked through the command tree, its ``--options`` looked up on the
command it reaches (and the global ones); the CLI reference's ``[--opt VALUE]`` syntax is
checked for its option names only. The README's list of the commands taking ``--json`` is
checked against the commands themselves."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import typer

from staffpulse.cli.app import COMMAND_MODULES, app

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
# inline code that begins with "staffpulse " but names no command: a default list name
NOT_COMMANDS = {"staffpulse suggestions"}
_INLINE = re.compile(r"`(staffpulse [^`]+)`")
_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def _group() -> Any:
    return typer.main.get_command(app)


def _options(command: Any) -> set[str]:
    names: set[str] = set()
    for param in command.params:
        names.update(getattr(param, "opts", []))
        names.update(getattr(param, "secondary_opts", []))
    return names


def _documented_commands() -> list[tuple[str, str]]:
    """(where, command) for every ``staffpulse ...`` the docs show."""
    found: list[tuple[str, str]] = []
    for doc in DOCS:
        in_block = False
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{doc.relative_to(ROOT)}:{number}"
            if line.lstrip().startswith("```"):
                in_block = not in_block
                continue
            shown = line.strip().removeprefix("$ ")
            if in_block and shown.startswith("staffpulse "):
                found.append((where, shown))
            found += [(where, m.group(1)) for m in _INLINE.finditer(line) if not in_block]
    return [(where, c) for where, c in found if c.strip() not in NOT_COMMANDS]


def _problem(group: Any, ctx: Any, command: str) -> str | None:
    """What is wrong with ``command`` as the docs write it, or None."""
    reference = any(mark in command for mark in ("[", "…", "...", "\\|"))
    words = (
        command.split()[1:]
        if reference
        else shlex.split(command.split(" # ")[0].split("  #")[0])[1:]
    )
    root = _options(group)
    while words and words[0].startswith("-"):  # staffpulse --db FILE audit ...
        given = words.pop(0)
        if given not in root:
            return f"no global option {given}"
        if given == "--db" and words:
            words.pop(0)
    if not words:
        return None
    name = words.pop(0)
    found = group.get_command(ctx, name)
    if found is None:
        return f"no command '{name}'"
    known = _options(found) | root | {"--help", "-h"}  # every command's, not one of its params
    while hasattr(found, "commands"):  # inbox dismiss, fetch x: the subcommand's own options
        sub = next((w for w in words if w in found.commands), None)
        if sub is None:
            break
        found = found.commands[sub]
        known |= _options(found)
    typed = _OPTION.findall(" ".join(words)) if reference else words
    unknown = [w.split("=")[0] for w in typed if w.startswith("--") and w != "--"]
    unknown = [w for w in unknown if w not in known]
    return f"{' '.join(unknown)}: not an option of it" if unknown else None


def test_every_command_the_docs_show_exists_with_the_options_shown() -> None:
    group = _group()
    ctx = group.make_context("staffpulse", ["--help"], resilient_parsing=True)
    shown = _documented_commands()
    assert len(shown) > 100  # the docs are read, not skipped by a broken pattern
    problems = [
        f"{where}: {command!r}: {problem}"
        for where, command in shown
        if (problem := _problem(group, ctx, command)) is not None
    ]
    assert not problems, "\n".join(problems)


def test_a_renamed_option_would_be_caught() -> None:
    """The check itself: an option no command has, a command that does not exist."""
    group = _group()
    ctx = group.make_context("staffpulse", ["--help"], resilient_parsing=True)
    assert _problem(group, ctx, "staffpulse audit acme --htm r.html") is not None
    assert _problem(group, ctx, "staffpulse inbox dismiss ID --days 3") is not None
    assert _problem(group, ctx, "staffpulse audt acme") == "no command 'audt'"
    assert _problem(group, ctx, "staffpulse inbox snooze ID --days 3 --as acme") is None
    assert _problem(group, ctx, "staffpulse audit HANDLE [--platform P] [--htm FILE]") is not None


def test_the_readme_names_every_command_and_those_that_take_json() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = _group()
    ctx = group.make_context("staffpulse", ["--help"], resilient_parsing=True)
    for name in COMMAND_MODULES:
        assert f"`staffpulse {name}" in readme, f"README.md's CLI reference lacks {name}"
    listed = re.search(r"Those that report \(([^)]*)\) take `--json`", readme)
    assert listed is not None
    said = set(re.findall(r"`([a-z-]+)`", listed.group(1)))
    # classify and roles write JSON Lines, said apart; demo and serve are for people
    takes = {n for n in COMMAND_MODULES if "--json" in _all_options(group.get_command(ctx, n))}
    assert said == takes - {"classify", "roles"}


def _all_options(command: Any) -> set[str]:
    names = _options(command)
    for sub in getattr(command, "commands", {}).values():
        names |= _all_options(sub)
    return names
