"""The page's controls for the options a library hint names.

The library's hints name command-line options ("use --export x-list or csv", "show them with
--include-contacts and a wider --role"), as steps of :mod:`staffpulse.next_steps`;
:mod:`staffpulse.web.wording` says them as the controls that do the same on the page, with
these functions of the steps' values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from staffpulse import next_steps as steps
from staffpulse.next_steps import Step
from staffpulse.report.counts import join_and, join_or

# Connect's export buttons, by the format names the CLI's --export takes
EXPORT_LABELS = {
    "csv": "Spreadsheet (CSV)",
    "x-list": "X list",
    "bluesky-handles": "Bluesky people to follow (CSV)",
    "bluesky-list": "Bluesky list",
    "mastodon-list": "Mastodon list",
    "mastodon-follows": "Mastodon follows",
}


def export_buttons(formats: str) -> str:
    """ "use --export x-list or csv" (``formats``: "x-list or csv") as the buttons: "use the
    “X list” or “Spreadsheet (CSV)” export"."""
    names = [f"“{EXPORT_LABELS.get(n, n)}”" for n in formats.split(" or ")]
    return f"use the {' or '.join(names)} export"


# Connect's "nothing to suggest" advice names, for each group left out, the options that bring
# it back: "use OPTION" or "show them with OPTION, OPTION and OPTION" (next_steps.USE_OPTIONS,
# SHOW_WITH). Each option (a step of next_steps.CONNECT_OPTIONS) becomes the control on the
# Connect page that does the same.
_TICKS: Mapping[Step, str] = {
    steps.INCLUDE_CONTACTS: "“Include people you already talk with”",
    steps.INCLUDE_UNSEEN: "“Include accounts never seen”",
}
OPTION_CONTROLS: Mapping[Step, str] = {
    **_TICKS,
    steps.REACH_BACK: "set “Rank as of” to {day} (or “Counts as inactive after” to {days} days)",
    steps.AS_OF_DAY: "set “Rank as of” to {day}",
    steps.INACTIVE_DAYS: "set “Counts as inactive after” to {days} days",
    steps.LARGER_INACTIVE_DAYS: "set a larger “Counts as inactive after”",
    steps.WIDER_ROLE: "choose a wider role (or “Any role”)",
    steps.WIDER_ROLE_OR_ANY: "choose a wider role (or “Any role”)",
    steps.ROLE_ANY: "choose “Any role”",
}
_OPTIONS = sorted(steps.CONNECT_OPTIONS, key=lambda step: -len(step.terminal))


def _connect_control(option: str) -> tuple[Step, str]:
    """One option of the advice, and what to set on the Connect page for it."""
    for step in _OPTIONS:
        if found := step.pattern().fullmatch(option):
            return step, OPTION_CONTROLS[step].format(**found.groupdict())
    raise ValueError(f"not one of connect's options: {option!r}")


def connect_controls(options: str, them: str | None = None) -> str:
    """ "show them with --include-contacts, --include-unseen and a wider --role (or none)"
    (``options``: the list, ``them``: "them") as "tick “Include people you already talk with”
    and “Include accounts never seen” and choose a wider role (or “Any role”) to see them"."""
    found = [_connect_control(o) for o in re.findall(steps.CONNECT_OPTION, options)]
    ticks = [words for step, words in found if step in _TICKS]
    said = ["tick " + " and ".join(ticks)] if ticks else []
    said += [words for step, words in found if step not in _TICKS]
    return join_and(said) + (f" to see {them}" if them else "")


# the Import page's tick box, which does what ``staffpulse import --remove-deleted`` does
REMOVE_DELETED = "“Remove posts deleted on the platform”"

# how the Benchmark page's form names the cohort segments (the code's are staffing_firm, hr...)
_SEGMENT_WORDS = {"staffing_firm": "staffing firm", "hr": "HR"}


def example_line(line: str) -> str:
    """A cohort line given as an example ("acmestaffing,x,staffing_firm") with its segment
    as the form spells it ("acmestaffing,x,staffing firm")."""
    handle, platform, segment = line.split(",")
    return f"{handle},{platform},{_SEGMENT_WORDS.get(segment, segment.replace('_', ' '))}"


def segment_names(segments: str) -> str:
    """ "(use one of: staffing_firm, vendor, hr, other)" (``segments``: "staffing_firm,
    vendor, hr, other") as "(use one of: staffing firm, vendor, HR or other)"."""
    names = [_SEGMENT_WORDS.get(n, n.replace("_", " ")) for n in segments.split(", ")]
    return f"(use one of: {join_or(names)})"
