"""Usage errors (exit 2) said in a person's words, before Typer prints them and the error
boundary (:mod:`staffpulse.cli.app`) answers them in JSON too."""

from __future__ import annotations

import difflib
import re
import shlex

from typer._click.exceptions import MissingParameter, NoSuchOption, UsageError
from typer.core import TyperGroup

from staffpulse.cli.registry import COMMAND_ALIASES, COMMAND_MODULES, FILE_COMMANDS

# Typer's words for a value that is not a number, and what a person reads instead
_NOT_A_NUMBER = {
    "Input should be a valid integer, unable to parse string as an integer": "not a whole number",
    "Input should be a valid number, unable to parse string as a number": "not a number",
}


def say_bad_number_plainly(exc: UsageError) -> None:
    """``--limit x``: "Invalid value for '--limit': not a whole number (e.g. --limit 20)",
    not "Input should be a valid integer, unable to parse string as an integer", which reads
    as a programmer's note."""
    said = _NOT_A_NUMBER.get(exc.message)
    if said is None:
        return
    param = getattr(exc, "param", None)
    default = getattr(param, "default", None)
    names = getattr(param, "opts", None) or []
    example = (
        f" (e.g. {names[0]} {default})"
        if names and isinstance(default, int | float) and not isinstance(default, bool) and default
        else ""
    )
    exc.message = said + example


def say_missing_value_plainly(exc: UsageError, command: str) -> None:
    """``audit acme --html`` with nothing after it: Typer's parser says "Option '--html'
    requires an argument." without naming the command, so it was printed alone, with neither
    the usage line nor where to look; now it says what is missing and which help to read
    (``command``, e.g. ``staffpulse audit``)."""
    found = re.fullmatch(r"Option '(.+)' requires an argument\.", exc.message)
    if found is None or exc.ctx is not None:
        return
    exc.message = f"{found[1]} needs a value after it: {command} --help says what it takes"


# the commands whose output is JSON already (JSON Lines, one line a record), with or without
# a file: "--json" typed out of habit was refused as an unknown option, with no word why
_JSON_LINES_COMMANDS = {"classify": "one line a post", "roles": "one line an account"}


# the commands with no JSON at all, and where a script finds it instead: "No such option:
# --json" alone left a script writer to guess whether any command had one
_NO_JSON_COMMANDS = {
    "demo": "it shows the sample to people; the commands it runs take --json on the store"
    " it prints (audit, benchmark, inbox, connect)",
    "serve": "it starts the dashboard; the commands that report take --json (audit,"
    " benchmark, inbox, connect...)",
}


def say_json_lines_already(exc: UsageError) -> None:
    """``classify posts.csv --json``: "classify writes JSON Lines already (one line a post):
    leave out --json", not "No such option: --json" alone, which read as if it had none;
    ``demo --json``: where the JSON is instead (:data:`_NO_JSON_COMMANDS`)."""
    if not isinstance(exc, NoSuchOption) or exc.option_name != "--json" or exc.ctx is None:
        return
    instead = _NO_JSON_COMMANDS.get(exc.ctx.info_name or "")
    if instead is not None:
        exc.possibilities = None
        exc.message = f"{exc.ctx.command_path} has no --json: {instead}"
        return
    lines = _JSON_LINES_COMMANDS.get(exc.ctx.info_name or "")
    if lines is None:
        return
    exc.possibilities = None
    exc.message = (
        f"{exc.ctx.command_path} writes JSON Lines already ({lines}): leave out "
        "--json; --output FILE writes them to a file"
    )


def no_store_is_read(command: str | None, command_path: str) -> str | None:
    """What to say of ``--db`` given to ``command``, one of the commands that read only the
    files they are given (:data:`~staffpulse.cli.registry.FILE_COMMANDS`): "No such option:
    --db" alone, to someone who passes --db to every command, read as if the store option were
    misspelt. None for any other command."""
    files = FILE_COMMANDS.get(command or "")
    if files is None:
        return None
    return f"{command_path} reads {files} it is given, not a store: leave out --db"


def say_no_store_is_read(exc: UsageError) -> None:
    """``classify posts.csv --db my.db``: "staffpulse classify reads the file of posts it is
    given, not a store: leave out --db", not "No such option: --db" alone."""
    if not isinstance(exc, NoSuchOption) or exc.option_name != "--db" or exc.ctx is None:
        return
    said = no_store_is_read(exc.ctx.info_name, exc.ctx.command_path)
    if said is not None:
        exc.possibilities = None
        exc.message = said


# options one command has and a sibling takes in another form: "No such option" alone read
# as if the sibling could not do it at all
_OPTIONS_OF_ANOTHER_FORM = {
    ("benchmark", "--cohort"): "benchmark takes the cohort file as its argument: staffpulse"
    " benchmark FILE (--cohort is audit's, to place one account among a cohort)",
    ("connect", "--csv"): "connect writes CSV with --export csv -o FILE: staffpulse connect"
    " HANDLE --export csv -o FILE (--csv is benchmark's)",
}


# what people call reading a recorded stream, in listen and its bluesky command
_REPLAY_WORDS = ("--replay", "--file", "--input", "--recording", "--record")
_REPLAY_FORM = (
    "A recorded stream is read with --from: staffpulse listen bluesky --from FILE (one"
    " Jetstream event a line)"
)


def say_the_form_it_takes(exc: UsageError) -> None:
    """``benchmark --cohort cohort.csv``: "No such option: --cohort. benchmark takes the
    cohort file as its argument: staffpulse benchmark FILE", as audit's --cohort led people
    to type; ``connect --csv FILE``: connect's CSV is ``--export csv -o FILE``."""
    if not isinstance(exc, NoSuchOption) or exc.ctx is None:
        return
    form = _OPTIONS_OF_ANOTHER_FORM.get((exc.ctx.info_name or "", exc.option_name))
    # "listen" or its "bluesky" command, by their own names: the program's may be another
    above = exc.ctx.parent.info_name if exc.ctx.parent is not None else None
    listen = exc.ctx.info_name == "listen" or (exc.ctx.info_name, above) == ("bluesky", "listen")
    if listen and exc.option_name in _REPLAY_WORDS:
        form = _REPLAY_FORM
    if form is not None:
        exc.possibilities = None
        exc.message = f"No such option: {exc.option_name}. {form}"


def say_what_the_argument_is(exc: UsageError) -> None:
    """``staffpulse audit`` alone: "Missing argument 'HANDLE'. The account to audit: @handle,
    id or profile URL, e.g. ...", the argument's own help, so the line says what to give
    without a trip to --help ("Missing argument 'CONVERSATION_ID'." named no place to find
    one)."""
    if not isinstance(exc, MissingParameter) or exc.message or exc.param is None:
        return
    said = getattr(exc.param, "help", None)
    if exc.param.param_type_name == "argument" and said:
        exc.message = said.rstrip(".")


# what people call a command before they know its name, and what it is in their words:
# "staffpulse report" was offered 'import', the name nearest in letters
_COMMAND_WORDS = {
    "report": ("audit", "an account's report card"),
    "grade": ("audit", "an account's report card"),
    "follow": ("connect", "who to follow"),
    "who-to-follow": ("connect", "who to follow"),
    "suggest": ("connect", "who to follow"),
    "league": ("benchmark", "the league table of a cohort"),
    "leaderboard": ("benchmark", "the league table of a cohort"),
    "rank": ("benchmark", "the league table of a cohort"),
    "conversations": ("inbox", "the conversations to join"),
    "dashboard": ("serve", "the web dashboard"),
    "web": ("serve", "the web dashboard"),
    "ui": ("serve", "the web dashboard"),
    "upload": ("import", "your own posts in"),
    "load": ("import", "your own posts in"),
}


def suggest_command(exc: UsageError, args: list[str], names: list[str]) -> None:
    """Adds "Did you mean 'audit'?" to "No such command 'audti'" (``args`` are the words
    typed after staffpulse). Typer suggests only among the commands already loaded, and ours
    load when they run (:data:`COMMAND_MODULES`), so a typo got no suggestion at all. A word
    people use for a command ("report", "dashbaord") is offered the command it means, with
    what that is; a name typed in capitals, the command it spells; ``help audit``, the help
    of audit."""
    if not exc.message.startswith("No such command") or "Did you mean" in exc.message:
        return
    typed = args[0] if args else ""
    said = exc.message.rstrip(".")
    if typed.lower() in ("help", "version"):  # as git and pip spell them
        wanted = typed.lower()
        about = args[1].lower() if wanted == "help" and len(args) > 1 else ""
        about = about if about in names else ""
        exc.message = f"{said}. Did you mean staffpulse {about} --{wanted}?".replace("  ", " ")
        return
    meant = {name: (name, "") for name in names} | _COMMAND_WORDS
    word = typed.lower()
    matches = [word] if word in meant else difflib.get_close_matches(word, meant, n=3)
    offered = list(dict.fromkeys(meant[match] for match in matches))[:2]
    if offered:
        choices = " or ".join(
            f"'{name}' ({what})" if what else f"'{name}'" for name, what in offered
        )
        exc.message = f"{said}. Did you mean {choices}?"


# a platform listen has no stream for: the command that gets its posts instead
_LISTEN_ELSEWHERE = {
    "mastodon": "For Mastodon, fetch a hashtag's posts instead: staffpulse fetch mastodon"
    " --hashtag TAG --instance HOST (e.g. mastodon.social)",
    "x": 'For X, search its recent posts instead: staffpulse fetch x --search "QUERY" (with an'
    " X API token)",
}
_LISTEN_ELSEWHERE["twitter"] = _LISTEN_ELSEWHERE["x"]


def name_the_group_commands(exc: UsageError) -> None:
    """``staffpulse listen mastodon``: "No such command 'mastodon'. The commands of
    staffpulse listen: bluesky.", where a name near none of them got no word of what there is
    (the root's commands get a suggestion from :func:`suggest_command`); a platform listen has
    no stream for, the fetch command that gets its posts."""
    if not exc.message.startswith("No such command") or "Did you mean" in exc.message:
        return
    if exc.ctx is None or exc.ctx.parent is None:
        return
    names = sorted(getattr(exc.ctx.command, "commands", {}))
    if names:
        said = ", ".join(names)
        exc.message = f"{exc.message.rstrip('.')}. The commands of {exc.ctx.command_path}: {said}."
    typed = re.match(r"No such command '([^']*)'", exc.message)
    instead = _LISTEN_ELSEWHERE.get(typed.group(1).lower()) if typed else None
    if exc.ctx.command_path.endswith(" listen") and instead is not None:
        exc.message += f" {instead}."


def say_where_root_options_go(exc: UsageError) -> None:
    """``staffpulse audit acme --debug``: "--debug goes before the command: staffpulse
    --debug audit ...", not "No such option: --debug (Possible options: --db)", which sent
    people to --db (``--db`` works on either side; --debug only before); ``-v`` or a
    ``--version`` after a command names ``staffpulse --version``, and so does ``-v`` alone
    (``staffpulse -v`` said only "No such option: -v", as if there were no version)."""
    if not isinstance(exc, NoSuchOption) or exc.option_name not in ("--debug", "--version", "-v"):
        return
    if exc.ctx is None or exc.ctx.parent is None:  # the root's own, said as Typer says them
        if exc.option_name == "-v":
            exc.possibilities = None
            exc.message = "No such option: -v. The version is shown by staffpulse --version"
        return
    command = exc.ctx.command_path
    exc.possibilities = None  # the near names of the command's own options: none of them
    if exc.option_name == "--debug":
        rest = command.removeprefix("staffpulse ")
        exc.message = (
            f"--debug is not an option of {command}: it goes before the command, e.g."
            f" staffpulse --debug {rest} ..."
        )
    else:
        exc.message = f"{exc.option_name} is not an option of {command}: the version is shown by"
        exc.message += " staffpulse --version"


_NEAR = 0.6  # how alike an option's name must be to the one typed to be offered (difflib's)


def say_nearest_option(exc: UsageError) -> None:
    """``audit acme --htm r.html``: "No such option: --htm. Did you mean --html?", not
    "(Possible options: --cohort, --html)", which offered a name nothing like the one typed
    beside the one meant. Left as it is when a step before worded it (``--debug``, ``-v``,
    ``--json``), which leaves no possibilities."""
    if not isinstance(exc, NoSuchOption) or not exc.possibilities:
        return
    # compared without their dashes, which made "--replay" near "--url" and "--out" near
    # "--cohort": a name offered must be like the one typed, or none is
    names = {name.lstrip("-"): name for name in exc.possibilities}
    best = difflib.get_close_matches(exc.option_name.lstrip("-"), names, n=1, cutoff=_NEAR)
    exc.possibilities = None
    if best:
        exc.message = f"{exc.message}. Did you mean {names[best[0]]}?"


def say_option_of_the_group(exc: UsageError) -> None:
    """``inbox dismiss 12 --limit 5``: "--limit is an option of 'staffpulse inbox', not of
    'staffpulse inbox dismiss': leave it out", not "No such option: --limit" alone, which
    read as if the inbox had no --limit."""
    if not isinstance(exc, NoSuchOption) or exc.ctx is None or exc.ctx.parent is None:
        return
    group = exc.ctx.parent
    if group.parent is None:  # staffpulse's own (--debug, --version): where_root_options_go
        return
    if not any(exc.option_name in getattr(p, "opts", ()) for p in group.command.params):
        return
    exc.possibilities = None
    exc.message = (
        f"{exc.option_name} is an option of '{group.command_path}', not of"
        f" '{exc.ctx.command_path}': leave it out"
    )


def say_where_json_goes(exc: UsageError, args: list[str]) -> None:
    """``staffpulse --json audit acme``: "--json goes after the command: staffpulse audit acme
    --json", not "No such option: --json. Did you mean --version?", which offered the one
    option nothing like it; ``staffpulse --json`` with no command names one that takes it,
    after the options typed (``staffpulse --db client.db --json``: the example kept the store)."""
    if not isinstance(exc, NoSuchOption) or exc.option_name != "--json":
        return
    if exc.ctx is not None and exc.ctx.parent is not None:
        return  # a command's own: say_json_lines_already and say_nearest_option word it
    rest = [arg for arg in args if arg != "--json"]
    if any(arg in COMMAND_MODULES or arg in COMMAND_ALIASES for arg in rest):
        example = shlex.join(["staffpulse", *rest, "--json"])
    else:
        example = shlex.join(["staffpulse", *rest, "stats", "--json"])
        example += " (staffpulse --help lists the commands)"
    exc.possibilities = None
    exc.message = f"--json goes after the command, e.g. {example}"


def say_which_command_is_missing(exc: UsageError, args: list[str]) -> None:
    """``staffpulse --db client.db`` with no command: "No command after staffpulse --db
    client.db: e.g. staffpulse --db client.db stats", not "Missing command." alone, which
    named neither what a command is nor where the list of them is."""
    if exc.message != "Missing command.":
        return
    typed = shlex.join(["staffpulse", *args])
    exc.message = (
        f"No command after {typed}: e.g. {typed} stats (staffpulse --help lists the commands)"
    )


def say_where_group_options_go(exc: UsageError, typed: list[str]) -> None:
    """``staffpulse fetch --json x acme``: "--json goes after the command it is an option of,
    e.g. staffpulse fetch x acme --json", not "No such option: --json" alone, which read as if
    fetching had no JSON; ``fetch --db FILE x acme`` alike, as the README says --db goes
    before or after the command. Every such option typed before the command moves, once
    (``fetch --max-posts 5 --json x acme``: the example kept --json where it failed).
    ``typed`` are the words typed after staffpulse."""
    if not isinstance(exc, NoSuchOption) or exc.ctx is None or exc.ctx.parent is None:
        return
    commands = getattr(exc.ctx.command, "commands", None) or {}
    takers = {  # each option of the group's commands, and the first command that has it
        opt: (name, param)
        for name, command in reversed(commands.items())
        for param in command.params
        for opt in getattr(param, "opts", ())
    }
    if exc.option_name not in takers:
        return
    group = exc.ctx.info_name or ""
    start = typed.index(group) + 1 if group in typed else 0
    # a command typed under any name the group takes ("fetch twitter" runs fetch x)
    find = exc.ctx.command.get_command if isinstance(exc.ctx.command, TyperGroup) else None
    words, moved, at = typed[:start], [], start
    while at < len(typed) and not (find is not None and find(exc.ctx, typed[at])):
        option = typed[at].split("=", 1)[0]
        if option not in takers:
            words.append(typed[at])
            at += 1
            continue
        flag = "=" in typed[at] or getattr(takers[option][1], "is_flag", False)
        span = 1 if flag else 2  # with its value
        if option not in [word.split("=", 1)[0] for word in typed[at + span :]]:
            moved += typed[at : at + span]  # typed after the command as well: that one stays
        at += span
    if at == len(typed):  # no command typed: the first one that takes the option is named
        words += [takers[exc.option_name][0], "..."]
    words += typed[at:]
    example = shlex.join(["staffpulse", *words, *moved]).replace("'...'", "...")
    exc.possibilities = None
    exc.message = f"{exc.option_name} goes after the command it is an option of, e.g. {example}"
