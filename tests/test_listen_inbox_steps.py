"""The steps of one inbox ranking (staffpulse.listen.inbox_steps): conversations sorted by the
firm's states, the older ones counted from a sample, and what is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from staffpulse.listen.followers_only import FOLLOWERS_ONLY
from staffpulse.listen.inbox_steps import FirmStates, count_older, pick_shown, sort_by_state
from staffpulse.listen.rank import RankedConversation

NOW = datetime(2026, 3, 1, tzinfo=UTC)


@dataclass(frozen=True)
class _Conv:
    """What the steps read of a conversation."""

    id: str
    last_activity: datetime | None
    platform: str = "x"


def _ranked(conv: _Conv, left_out: str | None = None) -> RankedConversation:
    c: Any = conv
    return RankedConversation(c, 1.0, {}, (), (), "", left_out=left_out)


def _states(**states: str) -> FirmStates:
    until = (NOW + timedelta(days=1), NOW)
    snoozes = {("x", k): until for k, s in states.items() if s == "snoozed"}
    return FirmStates({("x", k): s for k, s in states.items()}, snoozes, {})


def test_open_conversations_outside_the_window_are_set_apart_to_be_counted() -> None:
    fresh, old, done, later = (
        _Conv("fresh", NOW - timedelta(days=1)),
        _Conv("old", NOW - timedelta(days=90)),
        _Conv("done", NOW - timedelta(days=90)),
        _Conv("later", NOW),
    )
    states = _states(fresh="open", old="open", done="joined", later="snoozed")
    sort = sort_by_state([fresh, old, done, later], states, NOW, timedelta(days=30))  # type: ignore[list-item]
    assert [c.id for c in sort.wanted] == ["fresh", "done"]  # joined: at any age
    assert [c.id for c in sort.stale] == ["old"]
    assert [c.id for c, _ in sort.snoozed] == ["later"]
    assert sort.tally == {
        "open": 2, "joined": 1, "dismissed": 0, "snoozed": 1, "older": 0, "undated": 0
    }  # fmt: skip


def test_a_sample_of_the_older_ones_stands_for_all_of_them() -> None:
    stale = [_Conv(f"o{i}", NOW - timedelta(days=60 + i)) for i in range(4)]
    sampled = stale[:2]
    ranked = [_ranked(sampled[0]), _ranked(sampled[1], left_out="job ad"), _ranked(_Conv("x", NOW))]
    older = count_older(ranked, stale, sampled)  # type: ignore[arg-type]
    assert (older.older, older.left_out, older.undated) == (2, 2, 0)  # each counts twice
    assert older.estimated and older.newest == sampled[0].last_activity
    exact = count_older(ranked, stale[:2], sampled)  # type: ignore[arg-type]
    assert (exact.older, exact.estimated) == (1, False)


def test_the_first_open_ones_are_shown_and_a_private_joined_one_never() -> None:
    convs = {k: _Conv(k, NOW) for k in ("a", "b", "c", "mine", "secret", "ad")}
    states = _states(a="open", b="open", c="open", mine="joined", secret="joined", ad="open")
    ranked = [
        _ranked(convs["a"]),
        _ranked(convs["mine"]),
        _ranked(convs["secret"], left_out=FOLLOWERS_ONLY),
        _ranked(convs["ad"], left_out="job ad"),
        _ranked(convs["b"]),
        _ranked(convs["c"]),
    ]
    tally = {"joined": 2}
    pick = pick_shown(ranked, states, 2, tally)
    assert [(e.conversation.id, s) for e, s in pick.shown] == [
        ("a", "open"), ("mine", "joined"), ("b", "open")
    ]  # fmt: skip
    assert (pick.shown_open, pick.offered) == (2, 3)
    assert pick.left_out == {FOLLOWERS_ONLY: 1, "job ad": 1} and tally == {"joined": 1}
