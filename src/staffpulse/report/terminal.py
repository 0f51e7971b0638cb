"""Rich renderings shared by the CLI commands."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from staffpulse.models import POST_KINDS
from staffpulse.store.reads import AccountSummary


def render_stats(console: Console, stats: dict[str, Any]) -> None:
    if not stats["accounts"] and not stats["posts"]:
        console.print("The store is empty. Import something: [bold]staffpulse import FILE[/]")
        return
    table = Table(title="Posts by platform and kind", title_justify="left")
    table.add_column("platform")
    table.add_column("accounts", justify="right")
    for kind in POST_KINDS:
        table.add_column(kind, justify="right")
    table.add_column("total posts", justify="right", style="bold")
    for platform in sorted(set(stats["accounts"]) | set(stats["posts"])):
        kinds = stats["posts"].get(platform, dict.fromkeys(POST_KINDS, 0))
        table.add_row(
            platform,
            f"{stats['accounts'].get(platform, 0):,}",
            *(f"{kinds[kind]:,}" for kind in POST_KINDS),
            f"{sum(kinds.values()):,}",
        )
    console.print(table)


def render_accounts(console: Console, summaries: list[AccountSummary]) -> None:
    if not summaries:
        console.print("No accounts yet. Import something: [bold]staffpulse import FILE[/]")
        return
    table = Table(title=f"{len(summaries)} accounts", title_justify="left")
    for column, justify in (
        ("platform", "left"),
        ("handle", "left"),
        ("name", "left"),
        ("posts", "right"),
        ("followers", "right"),
        ("first post", "left"),
        ("last post", "left"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for item in summaries:
        account = item.account
        table.add_row(
            account.platform,
            "@" + account.handle,
            account.display_name,
            f"{item.posts:,}",
            "" if account.followers is None else f"{account.followers:,}",
            item.first_post.date().isoformat() if item.first_post else "",
            item.last_post.date().isoformat() if item.last_post else "",
        )
    console.print(table)


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
        "posts": item.posts,
        "first_post": item.first_post.isoformat() if item.first_post else None,
        "last_post": item.last_post.isoformat() if item.last_post else None,
    }
