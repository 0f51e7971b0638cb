"""Rich renderings of listening: the live status line, its summary and the inbox."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.style import Style
from rich.text import Text

from staffpulse.dates import format_when
from staffpulse.listen.author_names import name_author, name_author_parts
from staffpulse.listen.inbox_model import Inbox, InboxItem
from staffpulse.listen.jetstream_file import FileReplay
from staffpulse.listen.languages import not_kept_note
from staffpulse.listen.left_out import as_sentence
from staffpulse.listen.listen_run import about_work_note
from staffpulse.listen.listener import ListenStats
from staffpulse.listen.looks import moves_the_mark
from staffpulse.listen.window import empty_reason
from staffpulse.models import platform_label
from staffpulse.next_steps import SHOW_UNDATED, WIDEN_MAX_AGE
from staffpulse.report.counts import count_of
from staffpulse.report.one_line import one_line

# A panel's title keeps this many columns for its corners, borders and padding
TITLE_MARGIN = 6
NEW_MARK = "new · "  # before the title of an item that came in since the last look
MIN_AUTHOR = 12  # narrower than this, the whole title is shortened instead of the author

# what "to see more" asks for: the inbox command's default --limit
MORE_SHOWN = 20


def status_line(stats: ListenStats, message: str) -> str:
    lag = stats.lag_seconds
    lag_text = "" if lag is None else f" · lag {lag:,.1f}s"
    return (
        f"[bold]{escape(message)}[/] · {count_of(stats.frames, 'event')} ({stats.rate:,.0f}/s)"
        f" · kept [green]{stats.kept:,}[/] of {count_of(stats.posts_seen, 'post')} · "
        f"{count_of(stats.deletes, 'delete')} · {stats.malformed:,} malformed · "
        f"{count_of(stats.disconnects, 'reconnect')}{lag_text}"
    )


def render_listen_summary(console: Console, stats: ListenStats) -> None:
    cursor = "none yet" if stats.cursor is None else str(stats.cursor)
    console.print(
        f"Listened {stats.elapsed:,.0f}s: {count_of(stats.frames, 'event')}"
        f" ({stats.rate:,.0f}/s), {count_of(stats.posts_seen, 'post')}, kept"
        f" [bold]{stats.kept:,}[/] ({_as_replies(stats.kept_in_thread)} in kept threads), "
        f"{count_of(stats.deletes, 'delete')} ({stats.deleted_rows:,} removed from the store), "
        f"{count_of(stats.identities, 'identity event')}, "
        f"{count_of(stats.malformed, 'malformed frame')} skipped, "
        f"{count_of(stats.disconnects, 'reconnect')}. Cursor saved: {cursor}.",
        highlight=False,
    )
    _print_not_kept(console, stats)
    if stats.refused:
        console.print(
            f"[yellow]{count_of(stats.refused, 'kept post')} could not be stored[/] (the last: "
            f"{escape(stats.last_refused or '')}).",
            highlight=False,
        )


def render_file_summary(console: Console, path: Path, replay: FileReplay) -> None:
    """What ``listen bluesky --from FILE`` read and kept, and the lines it skipped."""
    stats = replay.stats
    console.print(
        f"Read {escape(path.name)}: {count_of(stats.frames - stats.malformed, 'event')},"
        f" {count_of(stats.posts_seen, 'post')}, kept [bold]{stats.kept:,}[/]"
        f" ({_as_replies(stats.kept_in_thread)} in kept threads),"
        f" {count_of(stats.deletes, 'delete')} ({stats.deleted_rows:,} removed from the store),"
        f" {count_of(stats.identities, 'identity event')},"
        f" {count_of(stats.malformed, 'line')} skipped as not events.",
        highlight=False,
    )
    _print_not_kept(console, stats)
    for note in replay.notes(path):
        console.print(f"[yellow]{escape(note)}[/]", highlight=False)
    if stats.refused:
        console.print(
            f"[yellow]{count_of(stats.refused, 'kept post')} could not be stored[/] (the last: "
            f"{escape(stats.last_refused or '')}).",
            highlight=False,
        )


def _print_not_kept(console: Console, stats: ListenStats) -> None:
    for note in (about_work_note(stats), not_kept_note(stats.other_languages)):
        if note is not None:
            console.print(escape(as_sentence(note)), highlight=False)


def _as_replies(n: int) -> str:
    return f"{n:,} as {'a reply' if n == 1 else 'replies'}"


def render_inbox(
    console: Console, inbox: Inbox, *, command: str = "staffpulse inbox", more: str | None = None
) -> None:
    """``command`` starts the hints' commands: the demo names its own store in it. ``more`` is
    the inbox command that shows this inbox again (the demo's: its store and firm), for the
    lines that say how to see more, where "--limit" or "--json" alone is no command (the demo
    takes neither)."""
    console.print(as_of_line(inbox), highlight=False)
    since = new_line(inbox)
    if since:
        console.print(since, highlight=False)
    # the command warns of the account first, not as a dim note; the first line said the clock
    said = {inbox.account_note, inbox.clock_note}
    for note in inbox.notes:
        if note not in said:
            shown = note if more is None else with_age_commands(note, more)
            console.print(
                f"[dim]{escape(as_sentence(shown))}[/]",
                highlight=False,
                soft_wrap=shown != note,  # a command to copy, whole however long its path
            )
    if not inbox.items:
        reason = empty_reason(
            inbox.topic_query, inbox.topic_matched, inbox.max_age, inbox.counts, inbox.left_out
        )
        console.print(escape(reason), highlight=False)
    for label, items in inbox.by_topic():
        console.print(f"\n[bold underline]Topic: {escape(label)}[/]")
        for item in items:
            title = escape(_title(item, console.width - len(NEW_MARK) * item.new))
            if item.new:
                title = f"[bold green]{NEW_MARK.strip(' ·')}[/] · {title}"
            console.print(Panel(_body(item), title=title, title_align="left"))
            # the link and the id (what dismiss / mark-joined take; a Bluesky or Mastodon
            # link hides it) go under the box, never wrapped by Rich: one folded inside a
            # panel is copied with the border in it ("…/post/3leg │ w"); the terminal's own
            # soft wrap copies whole, and a terminal that knows links makes the link clickable
            if item.url:
                console.print(
                    Text("  ↳ " + item.url, style=Style(color="cyan", link=item.url)),
                    soft_wrap=True,
                )
            console.print(Text(f"    id: {item.conversation_id}", style="dim"), soft_wrap=True)
    if len(inbox.items) < inbox.open_total:
        console.print(
            f"\nShowing {len(inbox.items):,} of {count_of(inbox.open_total, 'open conversation')}"
            + (
                f" (to see more: {escape(more)} --limit {min(inbox.open_total, MORE_SHOWN)})."
                if more
                else " (--limit to see more)."
            ),
            highlight=False,
            soft_wrap=True,  # a command to copy, whole however long its store's path
        )
    if inbox.items:
        console.print(
            f"\n[dim]Hide one: [bold]{escape(command)} dismiss ID[/] · not now: "
            f"[bold]{escape(command)} snooze ID[/] (a week) · replied from elsewhere: "
            f"[bold]{escape(command)} mark-joined ID[/][/]",
            highlight=False,
            soft_wrap=True,  # commands to copy: the demo's long --db path split them in two
        )
    if inbox.joined:
        console.print(f"\n[bold]Already joined:[/] {count_of(len(inbox.joined), 'conversation')}")
        # the id, for "inbox reopen ID": a mark made by mistake is undone from this list; the
        # link soft-wrapped with the line, so that it copies whole
        _print_first_ten(
            console,
            [
                (
                    _who_opened(item),
                    one_line(item.opening_text, 70) + _link(item.url),
                    "",
                    item.conversation_id,
                )
                for item in inbox.joined[:10]
            ],
            len(inbox.joined),
            more,
            "--json or --html",
        )
    render_snoozed(console, inbox, more=more)
    render_dismissed(console, inbox, command=command, more=more)


def render_dismissed(
    console: Console, inbox: Inbox, *, command: str = "staffpulse inbox", more: str | None = None
) -> None:
    """The conversations the firm dismissed, the newest 10 with their ids, and how to bring
    one back: one dismissed by mistake was gone with no word of it nor of ``reopen``. ``more``
    as for ``render_inbox``."""
    if not inbox.dismissed:
        return
    console.print(
        f"\n[bold]Dismissed:[/] {count_of(len(inbox.dismissed), 'conversation')} (to bring one"
        f" back: [bold]{escape(command)} reopen ID[/])",
        highlight=False,
        soft_wrap=True,  # a command to copy, whole however long its store's path
    )
    # its author, as the other lists name theirs: an ad and a question read alike without
    _print_first_ten(
        console,
        [
            (name_author(handle, author_id, linked=False), one_line(text, 70), "", conversation_id)
            for conversation_id, text, handle, author_id in inbox.dismissed[:10]
        ],
        len(inbox.dismissed),
        more,
        "--json",
    )


def _link(url: str | None) -> str:
    return f" {url}" if url else ""


def _print_first_ten(
    console: Console,
    lines: list[tuple[str, str, str, str]],
    total: int,
    more: str | None,
    options: str,
) -> None:
    """The first 10 of a list of ``total`` conversations (``lines``: those 10 only, each
    ``(who, what, when, id)``): the id for ``inbox reopen ID``, ``when`` "" or "until 3 Dec
    2026; "; then how many more and what lists them all (:func:`_print_rest`)."""
    for who, what, when, conversation_id in lines:
        console.print(
            f"  · {escape(who)}: {escape(what)} [dim]({escape(when)}id: {escape(conversation_id)})[/]",
            highlight=False,
            soft_wrap=True,
        )
    if total > 10:
        _print_rest(console, total - 10, more, options)


def _print_rest(console: Console, rest: int, more: str | None, options: str) -> None:
    """ "… and 25 more (--json lists all)" under a list cut at 10: with ``more`` (the demo,
    which takes no --json) the whole inbox command that lists them all."""
    lists_all = f"{escape(more)} --json" if more else options
    console.print(
        f"  … and {rest:,} more ({lists_all} lists all)",
        highlight=False,
        soft_wrap=True,  # a command to copy, whole however long its store's path
    )


def with_age_commands(note: str, more: str) -> str:
    """``note`` with its ``--max-age`` advice said as the whole inbox command ``more`` that
    follows it (the demo's: "... left out (to see older ones: staffpulse --db demo.db inbox
    --as harborline --max-age 0)"), where "--max-age to change" alone is no command (the demo
    takes no --max-age). No limit, as the inbox's page says it: a longer age promises too much
    of an archive years old."""
    no_limit = f"{more} --max-age 0"
    # replaced by a function, so a backslash in a Windows path is kept as it is
    note = WIDEN_MAX_AGE.pattern().sub(lambda _: f"to see older ones: {no_limit}", note)
    return SHOW_UNDATED.pattern().sub(lambda _: f"{no_limit} shows them", note)


def _who_opened(item: InboxItem) -> str:
    """``@harborline``, or ``@andre (reply to a post by @ross that isn't stored)``: without the
    first post, the line shows the earliest reply stored, often the firm's own, and "@andre:
    @ross I would prefer..." read as if the firm had started the conversation."""
    note = item.missing_root_note
    return f"{item.author_label} ({note})" if note else item.author_label


def render_snoozed(console: Console, inbox: Inbox, *, more: str | None = None) -> None:
    """The conversations snoozed, the first to come back first, each with its date and its id
    (for ``inbox reopen ID``, which brings one back now). ``more`` as for ``render_inbox``: the
    demo takes no --json, so its line names the inbox command that lists them all."""
    if not inbox.snoozed:
        return
    console.print(
        f"\n[bold]Snoozed:[/] {count_of(len(inbox.snoozed), 'conversation')} (back in the"
        " inbox on its date, or sooner if someone posts in it)",
        highlight=False,
    )
    # the HTML page only counts them: --json alone lists them all
    _print_first_ten(
        console,
        [
            (
                item.author_label,
                one_line(item.opening_text, 60),
                f"until {format_when(item.until)}; ",
                item.conversation_id,
            )
            for item in inbox.snoozed[:10]
        ],
        len(inbox.snoozed),
        more,
        "--json",
    )


def new_line(inbox: Inbox) -> str | None:
    """ "2 new conversations since you last looked (26 Nov 2026, 09:12 UTC), marked new.", "None
    of these came in since ...", or on a first look what "new" will mean; None for an inbox made
    without a look. A look at one topic or platform says the mark is the whole inbox's: it
    does not move it (docs/listen.md), so "since you last looked" would read wrong there."""
    if inbox.look is None:
        return None
    if inbox.new_since is None:
        return (
            "[dim]From your next look, conversations that come in after this one are marked new.[/]"
        )
    narrowed = not moves_the_mark(inbox.topic_query, inbox.platform)
    looked = f"you last looked{' at the whole inbox' if narrowed else ''}"
    when = escape(format_when(inbox.new_since))
    if not inbox.new_count:
        return f"[dim]None of these came in since {looked} ({when}).[/]"
    return (
        f"[bold green]{count_of(inbox.new_count, 'new conversation')}[/] since {looked}"
        f" ({when}), marked new."
    )


def as_of_line(inbox: Inbox) -> str:
    """ "Ranked as of 26 Nov 2026, 20:41 UTC (now)": which clock the ages are measured by; a
    replay or a date asked for says so, and why, here only ("A replay, not live: ranked as
    of ..."), the first line read rather than a note under it."""
    if inbox.clock_note:
        return f"[bold]{escape(as_sentence(inbox.clock_note))}[/]"
    clock = "a replay, not live" if inbox.replay else "now"
    return f"[bold]Ranked as of {escape(format_when(inbox.ranked_as_of))}[/] ({clock})"


def _body(item: InboxItem) -> Text:
    body = Text()
    if item.missing_root_note:
        body.append(item.missing_root_note + ":\n", style="dim")
    body.append(item.opening_text.strip() + "\n\n")
    for reason in item.reasons:
        body.append("✓ " + reason + "\n", style="green")
    for caution in item.cautions:
        body.append("! " + caution + "\n", style="yellow")
    body.append("Angle: ", style="bold")
    body.append(item.angle)
    return body


def _title(item: InboxItem, width: int) -> str:
    """ "score 0.77 · Bluesky · @ana (recruiter) · 1 reply", its author shortened at a word
    boundary when the line is too narrow for it: Rich would cut the title anywhere ("1 re").
    The score is named: a bare "0.77" over each conversation read as nothing in particular."""
    room = max(width - TITLE_MARGIN, 0)
    label, note = name_author_parts(item.author_handle, item.author_id, linked=item.url is not None)
    notes = ", ".join(n for n in (item.role_label, note) if n)  # "(recruiter, open the link)"
    head = f"score {item.score:.2f} · {platform_label(item.platform)} · "
    tail = f" · {item.replies_label}"
    author = f"{label} ({notes})" if notes else label
    if len(head) + len(author) + len(tail) <= room:
        return head + author + tail
    fits = room - len(head) - len(tail)
    if len(label) <= fits:  # the notes in brackets go whole, never cut to "(open…"
        return head + label + tail
    if label.startswith("@"):
        # a handle is what the user types next: at 60 columns it was cut to
        # "@owenpark.bsky.soc…"; the platform gives way first (the handle mostly says it)
        score = f"score {item.score:.2f} · "
        for title in (score + label + tail, score + label, label):
            if len(title) <= room:
                return title
    if fits >= MIN_AUTHOR:
        return head + shorten(author, fits) + tail
    return shorten(head + author + tail, room)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters at a word boundary, with "…" ("did:plc:d3b7…" when
    its first word alone is too long)."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > 0:
        cut = cut[:space]
    return cut.rstrip(" ·(,") + "…"
