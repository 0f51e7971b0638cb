"""The inbox as one self-contained HTML page, in the look of the audit and benchmark reports.

It renders ``report/templates/inbox.html.j2``, which extends the shared ``base.html.j2``, with
the reports' Jinja2 environment (autoescaping on, so every post text and handle is escaped;
links pass through :func:`~staffpulse.report.links.safe_link`).
"""

from __future__ import annotations

import re
from pathlib import Path

from staffpulse.dates import format_when
from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.left_out import as_sentence
from staffpulse.listen.window import empty_reason
from staffpulse.output_files import write_output
from staffpulse.report.counts import count_of
from staffpulse.report.html import environment

# A report is read by people who may never run a command: the terminal's hints ("--max-age to
# change") become what to ask for, in words.
_PLAIN_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), words)
    for pattern, words in (
        # no age limit: any longer one (90d) promised too much of an archive years old
        (r" left out \(--max-age to change\)", " are not in this report: an inbox made with no"
            " age limit (staffpulse inbox --max-age 0) lists them"),
        (r" \(--max-age to change\)", "; an inbox made with a longer age limit"
            " (staffpulse inbox --max-age 90d) would go further back"),
        (r" \(--max-age 0 shows them\)", "; an inbox made with no age limit"
            " (staffpulse inbox --max-age 0) lists them"),
        (r"; --as-of now shows the live view", ""),
        (r" \(--as-of\):", ", the date asked for:"),
        (r" \(--as-of to change\)", "; an inbox made as of a later date would hold some"),
        (r"Listen or fetch fresh posts, widen --max-age, or replay the store as of its newest"
            r" activity with --as-of newest", "Fresh posts (listened to or fetched), a longer"
            " age limit, or a replay of the store as of its newest activity would give some"),
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
    """A note as a sentence of a report: in words rather than command options."""
    for pattern, words in _PLAIN_WORDS:
        note = pattern.sub(words, note)
    return as_sentence(note)


def render_inbox_html(inbox: Inbox) -> str:
    return (
        environment()
        .get_template("inbox.html.j2")
        .render(
            inbox=inbox,
            items=inbox.items,
            groups=inbox.by_topic(),
            notes=report_notes(inbox),
            clock=report_clock(inbox),
            new_since=report_new(inbox),
            empty=empty_reason(
                inbox.topic_query, inbox.topic_matched, inbox.max_age, inbox.counts, inbox.left_out
            ),
        )
    )


def write_inbox_html(inbox: Inbox, path: Path) -> Path:
    return write_output(path, render_inbox_html(inbox), "--html")
