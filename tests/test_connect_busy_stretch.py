"""When nothing is suggested, the date an account's conversations were busiest
(staffpulse.connect.busy_stretch): named for an archive whose conversations are long past,
never for an account that has talked about as much every season."""

from __future__ import annotations

from connect_fixtures import FakeRoleModel, FakeScorer, add_posts, reply_post
from staffpulse.connect import suggest_report
from staffpulse.models import Account
from staffpulse.store import open_store


def _advice_for(*days_ago: float) -> str:
    """The advice to @firm, ranked as of its newest conversation (no --as-of), when it replied
    once to a different account on each of ``days_ago`` and none of them is suggested."""
    store = open_store(":memory:")
    firm = Account(platform="x", id="id_firm", handle="firm")
    add_posts(
        store, firm, *(reply_post(n, "firm", f"contact{n}", d) for n, d in enumerate(days_ago))
    )
    report = suggest_report(store, "firm", role_model=FakeRoleModel(), scorer=FakeScorer())
    assert report.suggestions == []
    return report.next_step or ""


def test_an_account_that_talked_as_much_every_season_is_not_sent_back_in_time() -> None:
    """A reply every 45 days for four years, and two more in one season: its last 90 days hold
    3 of 35 conversations, which read as "mostly older" and sent it back to that season, which
    brings back no one it talked with more than lately."""
    advice = _advice_for(*(1 + 45 * n for n in range(33)), 600, 610)
    assert "busiest" not in advice and "--as-of" not in advice


def test_an_archive_with_a_late_post_after_busy_years_is_told_the_busy_date() -> None:
    advice = _advice_for(1, *(700 + n for n in range(20)))
    assert advice.startswith("@firm's conversations are mostly older than ")
    assert "--as-of " in advice
