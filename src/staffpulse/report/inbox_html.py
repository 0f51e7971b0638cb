"""The inbox as one self-contained HTML page, in the look of the audit and benchmark reports.

It renders ``report/templates/inbox.html.j2``, which extends the shared ``base.html.j2``, with
the reports' Jinja2 environment (autoescaping on, so every post text and handle is escaped;
links pass through :func:`~staffpulse.report.links.safe_link`).
"""

from __future__ import annotations

import re
from pathlib import Path

from staffpulse import next_steps as steps
from staffpulse.dates import format_when
from staffpulse.listen.inbox_left_out import list_left_out, never_work_note
from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.left_out import KINDS, as_sentence
from staffpulse.listen.window import empty_reason
from staffpulse.next_steps import Step
from staffpulse.output_files import write_output
from staffpulse.report.counts import count_of
from staffpulse.report.html import environment
from staffpulse.step_wording import StepWording, StepWords, left_out_with_its_joint

# The page is the marketer's own, read in a browser by someone who may never open a terminal:
# the terminal's options become the dashboard's Inbox controls that do the same ("Quiet for
# at most", "Rank as of"), found by the patterns of the library's own steps (as the client
# reports do: report/wording.py), so a reworded step is still found.
_NO_LIMIT = "choose “No limit” in “Quiet for at most” on the dashboard's Inbox"
_SEE_ALL = f"{_NO_LIMIT} to see them"
# where others' posts come from, on the page: an empty inbox, a store of the firm's own posts
# only and one without work talk say it alike
_ON_IMPORT_PAGE = (
    " on the dashboard's Import page (a twarc2 search, saved Bluesky or Mastodon posts);"
    " whoever set up staffpulse can also let it listen to Bluesky."
)
PAGE_STEPS: dict[Step, StepWords] = {
    steps.WIDEN_MAX_AGE: f"{_NO_LIMIT} to see older ones",
    steps.SHOW_UNDATED: _SEE_ALL,
    steps.WIDEN_OR_REPLAY: (
        "choose “No limit” in “Quiet for at most”, or “As of the newest post” in “Rank as"
        " of”, on the dashboard's Inbox"
    ),
    # said of a replay of a store with nothing recent: the live view would be empty
    steps.SHOW_LIVE: None,
    steps.AS_OF_NEWEST: "“As of the newest post”, as asked",
    steps.LISTEN_OR_IMPORT: f"Import posts by others{_ON_IMPORT_PAGE}",
    steps.FIND_CONVERSATIONS: f"To find some, import posts by others{_ON_IMPORT_PAGE}",
    steps.LISTEN_FOR_WORK_TALK: f"Import posts where people talk about work{_ON_IMPORT_PAGE}",
}


# the conversations left out listed at the foot of the page (``staffpulse inbox --left-out``):
# a store of job boards leaves out hundreds, and the page is one to read, not to search
LEFT_OUT_LISTED = 100

_PAGE_WORDING = StepWording(PAGE_STEPS, left_out=left_out_with_its_joint)
# the inbox's own words around those steps, said first
_PLAIN_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), words)
    for pattern, words in (
        # no age limit: any longer one (90d) promised too much of an archive years old
        (rf" left out \({steps.WIDEN_MAX_AGE.pattern_text(named=False)}\)",
            f" are not in this report: {_SEE_ALL}"),
        (r"Listen or fetch fresh posts, ", "Fresh posts (listened to or fetched) would give"
            " some; or "),
        (r" \(--as-of\):", ", the date asked for:"),
        (r" \(--as-of to change\)", "; an inbox made as of a later date would hold some"),
    )
)  # fmt: skip


def report_notes(inbox: Inbox) -> list[str]:
    """The inbox's notes as a report says them: in words rather than command options, and
    without what the run itself did ("read 2,073 stored posts for the first time") nor the
    time it is ranked as of (the header says it: :func:`report_clock`)."""
    said = {inbox.work_note, inbox.clock_note}
    return [in_words(note) for note in inbox.notes if note not in said]


def report_clock(inbox: Inbox) -> str:
    """The header's time: "Ranked as of 26 Nov 2026, 20:41 UTC", or, for a replay or a date
    asked for, the note that says so and why, in words."""
    if inbox.clock_note:
        return in_words(inbox.clock_note)
    return f"Ranked as of {format_when(inbox.ranked_as_of)}" + (
        " (a replay, not live)" if inbox.replay else ""
    )


def report_new(inbox: Inbox) -> str | None:
    """The header's "2 new since 26 Nov 2026, 09:12 UTC" (the items say which: "new"), or None
    when nothing is marked new."""
    if inbox.new_since is None or not inbox.new_count:
        return None
    return f"{count_of(inbox.new_count, 'new conversation')} since {format_when(inbox.new_since)}"


def in_words(note: str) -> str:
    """A note as a sentence of the page: in words rather than command options."""
    return as_sentence(page_text(note))


def page_text(text: str) -> str:
    """``text`` with the terminal's options said as the dashboard's controls."""
    for pattern, words in _PLAIN_WORDS:
        text = pattern.sub(words, text)
    return _PAGE_WORDING.say(text)


def render_inbox_html(
    inbox: Inbox, *, left_out_asked: bool = False, reason: str | None = None
) -> str:
    """The page; ``left_out_asked`` (``inbox --left-out [REASON] --html``): the list of the
    conversations left out, at its foot, open and of ``reason`` alone (None: every one)."""
    return (
        environment()
        .get_template("inbox.html.j2")
        .render(
            inbox=inbox,
            items=inbox.items,
            groups=inbox.by_topic(),
            # each with its reason, so a marketer can check none was left out by mistake
            left_out=list_left_out(inbox.left_out_items, reason),
            left_out_listed=LEFT_OUT_LISTED,
            left_out_asked=left_out_asked,
            left_out_kind=KINDS[reason] if reason else "",
            # counted only when the terminal says it too (inbox --left-out): it reads the store
            never_work=never_work_note(inbox.never_work),
            notes=report_notes(inbox),
            clock=report_clock(inbox),
            new_since=report_new(inbox),
            empty=page_text(
                empty_reason(
                    inbox.topic_query,
                    inbox.topic_matched,
                    inbox.max_age,
                    inbox.counts,
                    inbox.left_out,
                )
            ),
        )
    )


def write_inbox_html(
    inbox: Inbox, path: Path, *, left_out_asked: bool = False, reason: str | None = None
) -> Path:
    page = render_inbox_html(inbox, left_out_asked=left_out_asked, reason=reason)
    return write_output(path, page, "--html")
