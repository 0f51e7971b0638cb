"""Rich renderings shared by the CLI commands."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from staffpulse.dates import format_day
from staffpulse.handles import display_address
from staffpulse.models import POST_KINDS, on_platform, platform_label
from staffpulse.report.counts import count_of
from staffpulse.store.codec import format_time
from staffpulse.store.reads import AccountSummary


def render_stats(console: Console, stats: dict[str, Any], command: str = "staffpulse") -> None:
    """``command`` starts the hint's command: ``staffpulse --db FILE`` for a store given with
    --db, so the import copied goes to the store just looked at."""
    # a result saved before follows were counted has none to show
    follows: dict[str, int] = stats.get("follows", {})
    if not stats["accounts"] and not stats["posts"] and not follows:
        console.print(
            f"The store is empty. Import something: [bold]{escape(command)} import FILE[/]",
            highlight=False,
        )
        return
    table = Table(
        title="Accounts, follows and posts by platform",
        title_justify="left",
        # "follows" alone could read as the accounts' follower counts
        caption="follows: who-follows-whom links stored (X archives, Bluesky repos, fetches); "
        "connect ranks with them",
        caption_justify="left",
    )
    rows = _stats_rows(stats["accounts"], follows, stats["posts"])
    # a platform a row takes 9 columns, each as wide as its longest word or count; a narrower
    # terminal cut the counts ("1,2…" for 1,280), so there each platform is a column instead
    columns = [("platform", *rows), *zip(STATS_HEADERS, *rows.values(), strict=True)]
    widths = [max(len(word) for cell in column for word in cell.split()) for column in columns]
    # +2: Rich's shrinking leaves a column or two wider than its longest word
    if console.width >= 3 + sum(3 + width for width in widths):
        for n, (header, width) in enumerate(zip(("platform", *STATS_HEADERS), widths, strict=True)):
            table.add_column(
                header,
                justify="right" if n else "left",
                style="bold" if header == "total posts" else None,
                min_width=width,
            )
        for label, counts in rows.items():
            table.add_row(label, *counts)
    else:
        table.add_column("")
        for label in rows:
            table.add_column(label, justify="right", no_wrap=True)
        for n, header in enumerate(STATS_HEADERS):
            style = "bold" if header == "total posts" else None
            table.add_row(header, *(counts[n] for counts in rows.values()), style=style)
    console.print(table)


STATS_HEADERS = ("accounts", "follows", *POST_KINDS, "total posts")


def _stats_rows(
    accounts: Mapping[str, int], follows: Mapping[str, int], posts: Mapping[str, dict[str, int]]
) -> dict[str, tuple[str, ...]]:
    """Each platform's label and its counts, as :data:`STATS_HEADERS` names them."""
    rows: dict[str, tuple[str, ...]] = {}
    for platform in sorted(set(accounts) | set(posts) | set(follows)):
        kinds = posts.get(platform, dict.fromkeys(POST_KINDS, 0))
        rows[platform_label(platform)] = (
            f"{accounts.get(platform, 0):,}",
            f"{follows.get(platform, 0):,}",
            *(f"{kinds[kind]:,}" for kind in POST_KINDS),
            f"{sum(kinds.values()):,}",
        )
    return rows


def no_accounts_line(
    platform: str | None, stored: Mapping[str, int], command: str = "staffpulse"
) -> str:
    """Why ``accounts`` lists nothing: an empty store, or none on the platform asked for while
    others hold some ("Import something" would send the user to import what is there).
    ``command`` starts the commands it names (``staffpulse --db FILE``): without the store
    given with --db they ran on the default one."""
    elsewhere = {p: n for p, n in sorted(stored.items()) if n and p != platform}
    command = escape(command)  # a store's path is no markup ("[client].db")
    if platform is None or not elsewhere:
        return f"No accounts yet. Import something: [bold]{command} import FILE[/]"
    where = ", ".join(
        f"{count_of(n, 'account') if i == 0 else f'{n:,}'} {on_platform(p)}"
        for i, (p, n) in enumerate(elsewhere.items())
    )
    return (
        f"No accounts {on_platform(platform)} in the store, which holds {where}: "
        f"[bold]{command} accounts[/] lists them all (or import the accounts you meant)"
    )


NAME_MIN_WIDTH = 10  # a display name narrower than this folds into a column of syllables
NARROWEST_HANDLE = 10  # the handle's room on a terminal too narrow to give it more
# a day as the audit and the reports write one, "19 Nov 2026" (dates.format_day), at its widest
DAY_WIDTH = 11


def render_accounts(
    console: Console,
    summaries: list[AccountSummary],
    platform: str | None = None,
    stored: Mapping[str, int] | None = None,
    total: int | None = None,
    command: str = "staffpulse",
) -> None:
    """The accounts table; ``platform`` the one ``--platform`` chose (as stored) and
    ``stored`` the store's accounts by platform, which say why a filtered list is empty;
    ``total`` how many there are when ``summaries`` are only the busiest of them;
    ``command`` starts the commands an empty list's hint names (``staffpulse --db FILE``)."""
    if not summaries:
        console.print(no_accounts_line(platform, stored or {}, command), highlight=False)
        return
    wide = console.width >= 110
    title = count_of(len(summaries), "account")
    if total is not None and total > len(summaries):
        title = f"{count_of(total, 'account')}, the {len(summaries):,} with the most posts"
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    # the handle is what the user types next (audit, connect): it is never cut short, and it
    # keeps its whole width while the name can give way (the name folds first); only a handle
    # longer than the room the other columns leave folds onto a second line. A narrow terminal
    # drops the name and first post, and the followers when the handles need their room.
    others = (9 + 5 + 9 + DAY_WIDTH) + (NAME_MIN_WIDTH + DAY_WIDTH if wide else 0)  # narrowest
    columns = 7 if wide else 5
    frame = 3 * columns + 1  # a space each side of a cell, between cells and at both edges
    # under 77 columns the handle folds: held at 28 it pushed the table past the edge, and
    # at 60 columns the last-post dates were cropped away
    room = max(NARROWEST_HANDLE, console.width - others - frame)
    # at 60 columns "@harborlinestaff" was cut into "@harborlin" over "estaff": without the
    # followers (9 columns and a gap) an X handle, 16 characters at most, stays whole
    without = max(NARROWEST_HANDLE, console.width - (others - 9) - (frame - 3))
    followers = wide or not gives_way_to_handles(
        (s.account.handle for s in summaries), room, without
    )
    if not followers:
        others, frame, room = others - 9, frame - 3, without
    handle_room = handle_width((s.account.handle for s in summaries), cap=room)
    table.add_column("handle", overflow="fold", min_width=handle_room)
    # "CSV (no platform)" wraps onto two lines when the handle leaves it less room: left to
    # Rich, the handle's min_width won and the dates were cropped at the edge ("2026-1");
    # 9 keeps "platform)" whole
    platform_room = max(9, console.width - handle_room - (others - 9) - frame)
    table.add_column("platform", min_width=9, max_width=platform_room)
    if wide:
        table.add_column("name", overflow="fold", ratio=1, min_width=NAME_MIN_WIDTH)
    table.add_column("posts", justify="right", no_wrap=True, min_width=5)
    if followers:
        table.add_column("followers", justify="right", no_wrap=True)
    if wide:
        table.add_column("first post", no_wrap=True)
    table.add_column("last post", no_wrap=True, min_width=DAY_WIDTH)
    for item in summaries:
        account = item.account
        first = format_day(item.first_post) if item.first_post else ""
        table.add_row(
            handle_cell(account.handle, handle_room),
            platform_label(account.platform),
            # a Text: a name is shown as written, never read as markup ("[hiring]")
            *([Text(account.display_name)] if wide else []),
            f"{item.posts:,}",
            *([_count_or_blank(account.followers)] if followers else []),
            *([first] if wide else []),
            format_day(item.last_post) if item.last_post else "",
        )
    console.print(table)
    if (reposter := next((s for s in summaries if s.reposts), None)) is not None:
        # benchmark --min-posts 5 left out an account listed here with 30 posts: 2 of its own
        own, handle = reposter.posts - reposter.reposts, escape(reposter.account.handle)
        console.print(
            "[dim]The posts column counts reposts too; audit and benchmark grade an account on "
            f"the posts of its own (originals, replies, quotes): @{handle} has {own:,} of its "
            f"{reposter.posts:,}.[/]",
            highlight=False,
        )


def _count_or_blank(count: int | None) -> str:
    return "" if count is None else f"{count:,}"


def unbroken_width(handle: str) -> int:
    """The widest line of ``@handle`` that ``handle_cell`` never breaks: the user part of a
    Mastodon address, the name of a Bluesky one before its domain, else the whole handle."""
    handle = display_address(handle)
    user, at, _instance = handle.partition("@")
    return len(user if at else handle.partition(".")[0]) + 1


def gives_way_to_handles(handles: Iterable[str], room: int, without: int) -> bool:
    """Whether a column should give way so that every handle stays whole: one does not fit
    the ``room`` the handles have, and all fit the room they have ``without`` the column.
    When even that is too little, the column stays: its figures would be lost for nothing."""
    longest = max((unbroken_width(h) for h in handles), default=0)
    return room < longest <= without


def handle_cell(handle: str, room: int) -> Text:
    """``@handle``; a Mastodon handle too long for ``room`` breaks before its instance
    (``@MidnightKettleNotes`` over ``@mastodon.social``), a Bluesky one before its domain
    (``@adabrightwell`` over ``.bsky.social``), never in the middle of a word
    (``@...@mastodon.s`` over ``ocial``). A Text, never read as markup: an imported handle
    holding ``[/]`` stopped the whole list with a Rich error."""
    handle = display_address(handle)  # an internationalized instance in Unicode, not xn--
    user, at, instance = handle.partition("@")
    if len(handle) + 1 <= room:
        return Text("@" + handle)
    if at and len(user) + 1 <= room:
        return Text(f"@{user}\n@{instance}")
    name, dot, domain = handle.partition(".")
    if not at and dot and len(name) + 1 <= room:
        return Text(f"@{name}\n.{domain}")
    return Text("@" + handle)


def handle_width(handles: Iterable[str], cap: int = 28) -> int:
    """Room for the longest ``@handle`` up to ``cap`` (longer ones fold), so the other
    columns give way first."""
    return min(max((len(h) + 1 for h in handles), default=6), cap)


def account_summary_dict(item: AccountSummary) -> dict[str, Any]:
    account = item.account
    return {
        "platform": account.platform,
        "id": account.id,
        "handle": account.handle,
        "display_name": account.display_name,
        "bio": account.bio,
        "followers": account.followers,
        "following": account.following,
        "posts": item.posts,  # reposts too
        "own_posts": item.posts - item.reposts,  # what audit and benchmark grade
        "first_post": format_time(item.first_post),
        "last_post": format_time(item.last_post),
    }
