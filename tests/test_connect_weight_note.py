"""Why fewer engagements can rank above more (staffpulse.connect.weight_note): a note names the
pair and says what the score weighs most, so the order does not read as arbitrary."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType

from connect_fixtures import (
    NOW,
    FakeRoleModel,
    FakeScorer,
    add_posts,
    make_post,
    make_suggestion,
    reply_post,
)
from staffpulse.connect import SuggestOptions, SuggestReport, suggest_report
from staffpulse.connect.graph import build_graph
from staffpulse.connect.weight_note import weight_note
from staffpulse.models import Account, Interaction
from staffpulse.store import open_store

KEEP_ALL = SuggestOptions(include_contacts=True, include_unseen=True)


def _rank(
    own: Mapping[str, Sequence[str]] = MappingProxyType({}), **replies_days_ago: list[float]
) -> SuggestReport:
    """@firm's suggestions (every role, contacts kept) when it replied to each named account
    on the days given; each account's own posts are ``own[handle]``, else one plain post."""
    store = open_store(":memory:")
    rows: list[Account | object] = [Account(platform="x", id="id_firm", handle="firm")]
    n = 0
    for handle, days in replies_days_ago.items():
        rows.append(Account(platform="x", id=f"id_{handle}", handle=handle))
        for i, text in enumerate(own.get(handle, ["I think so"])):
            rows.append(make_post(f"own_{handle}_{i}", handle, 1 + i / 10, text))
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


def test_an_account_ranked_last_for_a_caution_is_not_said_to_rank_lower_by_its_weights() -> None:
    """Verifier s40 (NEW-1): an account with a caution is ranked last whatever its score; the
    note said it was below one with fewer engagements because of how recent they were."""
    rude = [
        "Shut up, you clueless clown. I think you know nothing at all.",
        "I think anyone who votes for that party is a traitor to this nation.",
        "I think the other side are scum, all of them.",
    ]
    report = _rank({"cal_rude": rude}, ana=[1], cal_rude=[1, 2, 3])
    assert [s.handle for s in report.suggestions] == ["ana", "cal_rude"]
    assert "caution, ranked last" in report.suggestions[1].explanation
    assert not any("ranks above" in n for n in report.said_notes())


def test_an_order_that_follows_the_counts_needs_no_note() -> None:
    report = _rank(ana_many=[1, 2, 3, 4], ben_few=[1, 2])
    assert [s.handle for s in report.suggestions] == ["ana_many", "ben_few"]
    assert not any("ranks above" in n for n in report.said_notes())


def _listed(*rows: tuple[str, int, float]) -> str | None:
    """The note on a list of (handle, replies from @firm, score) rows, in that order."""
    graph = build_graph(
        [
            Interaction(
                platform="x",
                source_id="id_firm",
                target_id=f"id_{handle}",
                kind="reply",
                count=n,
                first_seen=NOW,
                last_seen=NOW,
            )
            for handle, n, _ in rows
            if n
        ],
        now=NOW,
    )
    found = [
        replace(make_suggestion(i, handle, f"id_{handle}"), score=score)
        for i, (handle, _, score) in enumerate(rows, start=1)
    ]
    return weight_note(graph, "id_firm", found, 30.0)


def test_the_note_names_the_most_engaged_account_below_one_with_fewer() -> None:
    # @ben and @cal also sit below an account with fewer engagements, but @dee has the most;
    # @ana is the first above it with fewer; @ben shares @ana's score: no pair of its own
    note = _listed(("ana", 2, 50.0), ("ben", 5, 50.0), ("cal", 4, 30.0), ("dee", 9, 20.0))
    assert note is not None
    assert note.startswith("@ana ranks above @dee with 2 engagements to its 9: ")


def test_tied_accounts_are_in_no_order_and_need_no_note() -> None:
    assert _listed(("ana", 2, 50.0), ("ben", 5, 50.0), ("cal", 0, 10.0)) is None


def test_an_account_with_no_engagement_is_not_named_as_the_one_above() -> None:
    note = _listed(("ana", 0, 80.0), ("ben", 3, 50.0), ("cal", 6, 40.0))
    assert note is not None and note.startswith("@ben ranks above @cal with 3 engagements")


def _first_pair_by_every_pair(rows: list[tuple[str, int, float]]) -> tuple[str, str] | None:
    """The pair the note names, found the slow way (every row against every row above it):
    of the rows below one with fewer engagements (at least one) and another score, the one
    with the most engagements, and the first such row above it."""
    pair: tuple[int, int] | None = None
    for low, (_, most, score) in enumerate(rows):
        above = next(
            (i for i, (_, n, s) in enumerate(rows[:low]) if 0 < n < most and s != score), None
        )
        if above is not None and (pair is None or most > rows[pair[1]][1]):
            pair = (above, low)
    return None if pair is None else (rows[pair[0]][0], rows[pair[1]][0])


def test_the_note_names_the_pair_that_comparing_every_pair_finds() -> None:
    # lists with ties, accounts never engaged and repeated counts, in every order
    pick = random.Random(36)
    for _ in range(300):
        rows = [
            (f"acc{i}", pick.randint(0, 4), pick.choice((90.0, 50.0, 20.0)))
            for i in range(pick.randint(0, 7))
        ]
        expected = _first_pair_by_every_pair(rows)
        note = _listed(*rows)
        if expected is None:
            assert note is None, rows
        else:
            assert note is not None, rows
            assert note.startswith(f"@{expected[0]} ranks above @{expected[1]} with "), rows
