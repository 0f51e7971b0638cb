"""The page's controls for the options a library hint names.

The library's hints name command-line options ("use --export x-list or csv", "show them with
--include-contacts and a wider --role"); :mod:`staffpulse.web.wording` rewrites them into the
controls that do the same on the page, with these replacements.
"""

from __future__ import annotations

import re

from staffpulse.report.counts import join_and

# Connect's export buttons, by the format names the CLI's --export takes
EXPORT_LABELS = {
    "csv": "Spreadsheet (CSV)",
    "x-list": "X list",
    "bluesky-handles": "Bluesky people to follow (CSV)",
    "bluesky-list": "Bluesky list",
    "mastodon-list": "Mastodon list",
    "mastodon-follows": "Mastodon follows",
}


def export_buttons(match: re.Match[str]) -> str:
    """ "use --export x-list or csv" as the buttons: "use the “X list” or “Spreadsheet (CSV)"
    export"."""
    names = [f"“{EXPORT_LABELS.get(n, n)}”" for n in match.group(1).split(" or ")]
    return f"use the {' or '.join(names)} export"


# Connect's "nothing to suggest" advice names, for each group left out, the options that bring
# it back: "use OPTION" or "show them with OPTION, OPTION and OPTION" (connect/advice.py). Each
# option becomes the control on the Connect page that does the same.
CONNECT_OPTION = (
    r"--include-contacts|--include-unseen|--as-of \S+ \(or --inactive-days \d+\)"
    r"|--as-of \d{4}-\d\d-\d\d|--inactive-days \d+"
    r"|a larger --inactive-days|a wider --role \(or (?:none|--role any)\)|--role any"
)
_CONNECT_TICKS = {
    "--include-contacts": "“Include people you already talk with”",
    "--include-unseen": "“Include accounts never seen”",
}
# the Import page's tick box, which does what ``staffpulse import --remove-deleted`` does
REMOVE_DELETED = "“Remove posts deleted on the platform”"
_REACH_BACK = re.compile(r"--as-of (\S+) \(or --inactive-days (\d+)\)")


def _connect_control(option: str) -> str:
    """One option of the advice as what to set on the Connect page."""
    reach = _REACH_BACK.fullmatch(option)
    if reach:
        when, days = reach.groups()
        return f"set “Rank as of” to {when} (or “Counts as inactive after” to {days} days)"
    if option.startswith("--as-of "):
        return f"set “Rank as of” to {option.removeprefix('--as-of ')}"
    if option.startswith("--inactive-days "):
        return f"set “Counts as inactive after” to {option.removeprefix('--inactive-days ')} days"
    if option == "a larger --inactive-days":
        return "set a larger “Counts as inactive after”"
    if option == "--role any":
        return "choose “Any role”"
    return "choose a wider role (or “Any role”)"


def connect_controls(match: re.Match[str]) -> str:
    """ "show them with --include-contacts, --include-unseen and a wider --role (or none)" as
    "tick “Include people you already talk with” and “Include accounts never seen” and choose
    a wider role (or “Any role”) to see them"."""
    options = re.findall(CONNECT_OPTION, match.group(2))
    ticks = [_CONNECT_TICKS[o] for o in options if o in _CONNECT_TICKS]
    steps = ["tick " + " and ".join(ticks)] if ticks else []
    steps += [_connect_control(o) for o in options if o not in _CONNECT_TICKS]
    said = join_and(steps)
    return said + (f" to see {match.group(1)}" if match.group(1) else "")


# how the Benchmark page's form names the cohort segments (the code's are staffing_firm, hr...)
_SEGMENT_WORDS = {"staffing_firm": "staffing firm", "hr": "HR"}


def segment_names(match: re.Match[str]) -> str:
    """ "(use one of: staffing_firm, vendor, hr, other)" as "(use one of: staffing firm,
    vendor, HR or other)"."""
    names = [_SEGMENT_WORDS.get(n, n.replace("_", " ")) for n in match.group(1).split(", ")]
    said = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]
    return f"(use one of: {said})"
