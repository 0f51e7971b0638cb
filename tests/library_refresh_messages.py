"""What ``staffpulse refresh`` says, as the library words it, for the page-wording tests
(test_web_wording_sources.py): the plan's notes, an X account read from a bare handle, a
budget spent or reached, and the X estimate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from library_messages import Said
from staffpulse.fetch.common import FetchReport
from staffpulse.fetch.refresh import refresh_accounts
from staffpulse.fetch.refresh_limits import RefreshLimits, XCost
from staffpulse.fetch.refresh_targets import (
    RefreshPlan,
    RefreshTarget,
    plan_from_cohort,
    plan_from_store,
)
from staffpulse.fetch.refresh_wording import x_estimate_note
from staffpulse.ingest import import_paths
from staffpulse.store import open_store

CONFIG: dict[str, Any] = {"secrets": {"x_bearer_token": "t"}}


class _PaidX:
    """An X fetcher that spends a dollar an account, stopping at the budget on the second."""

    def __init__(self) -> None:
        self.calls = 0

    def fetch(self, handle: str, **limits: Any) -> FetchReport:
        self.calls += 1
        stopped = "budget" if self.calls == 2 else None
        return FetchReport("x", handle, posts=1, new_posts=1, cost_usd=1.0, stopped=stopped)


def refresh_messages(folder: Path) -> list[Said]:
    said: list[Said] = []
    posts = folder / "firm.jsonl"
    posts.write_text(
        '{"type": "account", "platform": "x", "handle": "acme"}\n'
        + "".join(
            f'{{"type": "post", "platform": "x", "id": "p{n}", "author": "acme", "text": "hi",'
            f' "created_at": "2026-03-{n + 1:02d}T10:00:00Z"}}\n'
            for n in range(12)
        )
    )
    cohort = folder / "cohort.csv"
    cohort.write_text("betastaffing\nacme.bsky.social,bluesky\n")
    with open_store(folder / "refresh.db") as store:
        import_paths(store, [posts])
        search = store.start_run("fetch", {"platform": "x", "query": "#hiring"})
        store.finish_run(search, {})
        imported, searches = plan_from_store(store).left_out
        said += [Said("left out imported", imported), Said("left out searches", searches)]
        plan = plan_from_cohort(store, cohort)
        said += [Said("guessed x line", p.message) for p in plan.problems]
        guessed = RefreshPlan([RefreshTarget("x", "betastaffing", 1, guessed=True)], "c.csv")
        unpaid = refresh_accounts(store, guessed, RefreshLimits(), config=CONFIG)
        said += [Said("guessed x", r.message or "", r.hint) for r in unpaid.results]
        three = RefreshPlan([RefreshTarget("x", h) for h in ("a", "b", "c")], "c.csv")
        spent = refresh_accounts(
            store, three, RefreshLimits(budget=2.0), config=CONFIG, fetchers={"x": _PaidX()}
        )
        said += [Said(f"budget {r.status}", r.message or "", r.hint) for r in spent.results[1:]]
    said.append(Said("x estimate", x_estimate_note(XCost(1, 2.51, True, 5.0)) or ""))
    return said
