"""Rich renderings of listening: the live status line, its summary and the inbox."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.listener import ListenStats
from staffpulse.listen.window import empty_reason
from staffpulse.report.counts import count_of


def status_line(stats: ListenStats, message: str) -> str:
    lag = stats.lag_seconds
    lag_text = "" if lag is None else f" · lag {lag:,.1f}s"
    return (
        f"[bold]{escape(message)}[/] · {stats.frames:,} events ({stats.rate:,.0f}/s) · "
        f"kept [green]{stats.kept:,}[/] of {stats.posts_seen:,} posts · "
        f"{stats.deletes:,} deletes · {stats.malformed:,} malformed · "
        f"{stats.disconnects:,} reconnects{lag_text}"
    )


def render_listen_summary(console: Console, stats: ListenStats) -> None:
    cursor = "none yet" if stats.cursor is None else str(stats.cursor)
    console.print(
        f"Listened {stats.elapsed:,.0f}s: {stats.frames:,} events ({stats.rate:,.0f}/s), "
        f"{stats.posts_seen:,} posts, kept [bold]{stats.kept:,}[/]"
        f" ({stats.kept_in_thread:,} as replies in kept threads), "
        f"{stats.deletes:,} deletes ({stats.deleted_rows:,} removed from the store), "
        f"{stats.identities:,} identity events, {stats.malformed:,} malformed frames skipped, "
        f"{stats.disconnects:,} reconnects. Cursor saved: {cursor}.",
        highlight=False,
    )


def render_inbox(console: Console, inbox: Inbox) -> None:
    for note in inbox.notes:
        if note != inbox.account_note:  # the command warns of it first, not as a dim note
            console.print(f"[dim]{escape(note)}[/]", highlight=False)
    if not inbox.items:
        reason = empty_reason(inbox.topic_query, inbox.topic_matched, inbox.max_age, inbox.counts)
        console.print(escape(reason), highlight=False)
    for label, items in inbox.by_topic():
        console.print(f"\n[bold underline]Topic: {escape(label)}[/]")
        for item in items:
            body = Text()
            if item.missing_root_note:
                body.append(item.missing_root_note + ":\n", style="dim")
            body.append(item.opening_text.strip() + "\n\n")
            for reason in item.reasons:
                body.append("✓ " + reason + "\n", style="green")
            for caution in item.cautions:
                body.append("! " + caution + "\n", style="yellow")
            body.append("Angle: ", style="bold")
            body.append(item.angle + "\n")
            if item.url:
                body.append(item.url + "\n", style="cyan")
            # The id is what dismiss / mark-joined take; a Bluesky or Mastodon link hides it.
            body.append(f"id: {item.conversation_id}", style="dim")
            role = f" ({item.role_label})" if item.role_label else ""
            title = f"{item.score:.2f} · {item.platform} · {item.author_label}{role}"
            title += f" · {item.replies_label}"
            console.print(Panel(body, title=escape(title), title_align="left"))
    if len(inbox.items) < inbox.open_total:
        console.print(
            f"\nShowing {len(inbox.items):,} of {count_of(inbox.open_total, 'open conversation')}"
            " (--limit to see more).",
            highlight=False,
        )
    if inbox.items:
        console.print(
            "\n[dim]Hide one: [bold]staffpulse inbox dismiss ID[/] · replied from elsewhere: "
            "[bold]staffpulse inbox mark-joined ID[/][/]",
            highlight=False,
        )
    if inbox.joined:
        console.print(f"\n[bold]Already joined:[/] {count_of(len(inbox.joined), 'conversation')}")
        for item in inbox.joined[:10]:
            opening = " ".join(item.opening_text.split())
            opening = opening if len(opening) <= 70 else opening[:69] + "…"
            where = f" {item.url}" if item.url else ""
            # the id, for "inbox reopen ID": a mark made by mistake is undone from this list
            console.print(
                f"  · {escape(item.author_label)}: {escape(opening)}{escape(where)}"
                f" [dim](id: {escape(item.conversation_id)})[/]",
                highlight=False,
            )
        if len(inbox.joined) > 10:
            console.print(f"  … and {len(inbox.joined) - 10} more (--json or --html lists all)")
