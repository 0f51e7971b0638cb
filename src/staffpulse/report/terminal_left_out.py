"""``inbox --left-out`` in the terminal: the conversations the inbox left out, one a line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from staffpulse.listen.inbox_left_out import LeftOutItem, never_work_note
from staffpulse.listen.left_out import KINDS, as_sentence, left_out_note
from staffpulse.report.counts import count_of
from staffpulse.report.one_line import one_line

OPENING_CHARS = 100  # of each opening, on its one line


def render_left_out(
    console: Console,
    chosen: Sequence[LeftOutItem],
    limit: int,
    reason: str | None,
    *,
    command: str = "staffpulse inbox",
    never_work: int | None = None,
) -> None:
    """The first ``limit`` of ``chosen``, the conversations left out as ``reason`` (None:
    for any), under the count note, each with its reason, author, opening, link and id.
    ``never_work``: the stored conversations that never mention work, said under the note
    so that the counts add up to the store (``Inbox.never_work``)."""
    rest = never_work_note(never_work)
    if not chosen:
        which = f" as {KINDS[reason]}" if reason else ""
        console.print(f"No open conversation is left out{which}.", highlight=False)
        if rest:
            console.print(rest, highlight=False)
        return
    counts = Counter(item.reason for item in chosen)
    console.print(f"[bold]{escape(as_sentence(left_out_note(counts)))}.[/]", highlight=False)
    if rest:
        console.print(rest, highlight=False)
    items = chosen[:limit]
    for item in items:
        opening = "(not public: not quoted)" if item.opening_text is None else item.opening_text
        where = f" {item.url}" if item.url else ""
        console.print(
            f"  · [yellow]{escape(item.kind)}[/] · {escape(item.author_label)}:"
            f" {escape(one_line(opening, OPENING_CHARS))}{escape(where)} [dim](id:"
            f" {escape(item.conversation_id)})[/]",
            highlight=False,
            soft_wrap=True,  # the link and the id copy whole
        )
    if len(items) < len(chosen):
        console.print(
            f"\nShowing {len(items):,} of {count_of(len(chosen), 'conversation')} left out"
            " (--limit to see more).",
            highlight=False,
        )
    console.print(
        "\n[dim]Left out for what they say, not by a mark: reopen does not bring one back."
        f" Replied in one anyway: [bold]{escape(command)} mark-joined ID[/] counts it as joined;"
        f" checked and right: [bold]{escape(command)} dismiss ID[/] takes it off this list.[/]",
        highlight=False,
        soft_wrap=True,
    )
