"""Why fewer engagements can rank above more (staffpulse.connect.weight_note): a note names the
pair and says what the score weighs most, so the order does not read as arbitrary."""

from __future__ import annotations

from connect_fixtures import FakeRoleModel, FakeScorer, add_posts, make_post, reply_post
from staffpulse.connect import SuggestOptions, SuggestReport, suggest_report
from staffpulse.models import Account
from staffpulse.store import open_store

KEEP_ALL = SuggestOptions(include_contacts=True, include_unseen=True)


def _rank(**replies_days_ago: list[float]) -> SuggestReport:
    """@firm's suggestions (every role, contacts kept) when it replied to each named account
    on the days given."""
    store = open_store(":memory:")
    rows: list[Account | object] = [Account(platform="x", id="id_firm", handle="firm")]
    n = 0
    for handle, days in replies_days_ago.items():
        rows.append(Account(platform="x", id=f"id_{handle}", handle=handle))
        rows.append(make_post(f"own_{handle}", handle, 1, "I think so"))
        for d in days:
            n += 1
            rows.append(reply_post(n, "firm", handle, d))
    add_posts(store, *rows)  # type: ignore[arg-type]
    return suggest_report(
        store, "firm", role="any", role_model=FakeRoleModel(), scorer=FakeScorer(), options=KEEP_ALL
    )


def test_a_few_recent_replies_above_many_old_ones_are_explained() -> None:
    report = _rank(ana_recent=[1, 2, 3], ben_old=[70 + d for d in range(9)])
    assert [s.handle for s in report.suggestions] == ["ana_recent", "ben_old"]
    note = next(n for n in report.as_dict()["notes"] if "ranks above" in n)  # --json too
    assert note.startswith("@ana_recent ranks above @ben_old with 3 engagements to its 9: ")
    assert "the score weighs recent engagements most (one 30 days old counts half" in note
    assert "a reply more than a quote, a mention or a repost" in note


def test_an_order_that_follows_the_counts_needs_no_note() -> None:
    report = _rank(ana_many=[1, 2, 3, 4], ben_few=[1, 2])
    assert [s.handle for s in report.suggestions] == ["ana_many", "ben_few"]
    assert not any("ranks above" in n for n in report.said_notes())
