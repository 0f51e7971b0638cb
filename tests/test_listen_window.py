"""The joinable window: what "now" is, how old is too old, and how --max-age reads."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from staffpulse.bundled import is_bundled_sample
from staffpulse.demo import sample_cohort_file
from staffpulse.errors import InputError
from staffpulse.ingest import import_paths
from staffpulse.listen.left_out import KINDS
from staffpulse.listen.threads import Conversation
from staffpulse.listen.window import (
    REPLAY_LEAD,
    empty_reason,
    in_window,
    no_platform_conversations,
    parse_as_of,
    parse_max_age,
    posts_up_to,
    reference_time,
    topic_choices_of,
)
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store

OLD = datetime(2021, 4, 8, 9, tzinfo=UTC)


def conversation(when: datetime | None) -> Conversation:
    post = Post(platform="x", id="1", author_id="a", text="How do you onboard?", created_at=when)
    return Conversation("x", "1", (post,))


def own_store(tmp_path: Path) -> Store:
    store = open_store(tmp_path / "own.db")
    store.upsert([conversation(OLD).posts[0]], provenance("twarc2", tmp_path / "search.jsonl"))
    return store


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30", timedelta(days=30)),
        ("30d", timedelta(days=30)),
        ("12h", timedelta(hours=12)),
        ("1d12h", timedelta(hours=36)),
        ("2w", timedelta(days=14)),
        ("0", None),
        ("none", None),
    ],
)
def test_max_age_reads_days_and_durations(text: str, expected: timedelta | None) -> None:
    assert parse_max_age(text) == expected


@pytest.mark.parametrize("text", ["soon", "30 days ago", "d30"])
def test_unreadable_max_age_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="cannot read the age"):
        parse_max_age(text)


@pytest.mark.parametrize("text", ["99999999999d", "99999999999999"])
def test_an_age_too_long_for_a_date_is_an_input_error_not_a_crash(text: str) -> None:
    """A typo of a few extra digits passed Python's date limit: "a bug in staffpulse"."""
    with pytest.raises(InputError, match="is too long"):
        parse_max_age(text)


def test_as_of_choices() -> None:
    assert parse_as_of(" Newest ") == "newest"
    with pytest.raises(InputError, match="unknown --as-of"):
        parse_as_of("yesterday")


def test_an_impossible_date_says_it_is_not_a_date_rather_than_an_unknown_choice() -> None:
    with pytest.raises(InputError, match="'2026-02-30' is not a date") as caught:
        parse_as_of("2026-02-30")
    assert "unknown" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-01", datetime(2026, 11, 1, tzinfo=UTC)),  # a date is its midnight, UTC
        ("2026-11-01T09:30", datetime(2026, 11, 1, 9, 30, tzinfo=UTC)),
        ("2026-11-01T09:30+02:00", datetime(2026, 11, 1, 7, 30, tzinfo=UTC)),
    ],
)
def test_as_of_takes_a_date_or_a_date_and_time(text: str, expected: datetime) -> None:
    assert parse_as_of(text) == expected


@pytest.mark.parametrize("text", ["2026-13-01", "01/11/2026", "0001-01-05"])
def test_an_unreadable_as_of_date_says_what_works(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_as_of(text)
    assert "YYYY-MM-DD" in (caught.value.hint or "")


def test_a_date_as_of_is_the_reference_and_reads_nothing_after_it(tmp_path: Path) -> None:
    day = datetime(2021, 4, 10, tzinfo=UTC)
    opening = conversation(OLD).posts[0]
    late = Post(platform="x", id="2", author_id="b", text="Weekly calls.", created_at=day,
                reply_to_post_id="1", conversation_id="1")  # fmt: skip
    newer = Post(platform="x", id="9", author_id="c", text="How?", created_at=day)
    with own_store(tmp_path) as store:
        ref = reference_time(store, [conversation(OLD)], now=day, as_of=parse_as_of("2021-04-09"))
    assert ref.at == datetime(2021, 4, 9, tzinfo=UTC) and ref.fixed and ref.replay
    kept = posts_up_to(
        [Conversation("x", "1", (opening, late)), Conversation("x", "9", (newer,))], ref.at
    )
    assert [[p.id for p in c.posts] for c in kept] == [["1"]]


def test_undated_conversations_are_outside_any_window() -> None:
    now = datetime(2026, 3, 1, tzinfo=UTC)
    month = timedelta(days=30)
    assert in_window(now - timedelta(days=29), now, month)
    assert not in_window(now - timedelta(days=31), now, month)
    assert not in_window(None, now, month)
    assert in_window(None, now, None) and in_window(OLD, now, None)


def test_real_time_by_default_unless_nothing_is_live(tmp_path: Path) -> None:
    with own_store(tmp_path) as store:
        before = datetime.now(UTC)
        week_old = before - timedelta(days=7)
        live = reference_time(store, [conversation(OLD), conversation(week_old)])
        assert live.at >= before and not live.replay
        stale = reference_time(store, [conversation(OLD)])
        assert stale.replay and stale.at == OLD + REPLAY_LEAD and "last 30 days" in stale.why
        assert reference_time(store, [conversation(OLD)], as_of="now").at >= before
        assert not reference_time(store, [conversation(OLD)], max_age=None).replay


def test_newest_replays_as_of_the_newest_activity(tmp_path: Path) -> None:
    with own_store(tmp_path) as store:
        ref = reference_time(store, [conversation(OLD), conversation(None)], as_of="newest")
        assert ref.replay and ref.at == OLD + REPLAY_LEAD and "--as-of newest" in ref.why
        fresh = datetime.now(UTC) - timedelta(minutes=5)
        assert not reference_time(store, [conversation(fresh)], as_of="newest").replay


def test_explicit_now_wins(tmp_path: Path) -> None:
    with own_store(tmp_path) as store:
        when = datetime(2026, 3, 1, tzinfo=UTC)
        assert reference_time(store, [conversation(OLD)], now=when, as_of="newest").at == when


def test_the_bundled_sample_is_replayed_but_not_once_other_data_joins_it(tmp_path: Path) -> None:
    with open_store(tmp_path / "demo.db") as store:
        assert not is_bundled_sample(store)  # empty
        import_paths(store, [sample_cohort_file()])
        assert is_bundled_sample(store)
        latest = datetime(2026, 11, 19, 20, 30, 15, tzinfo=UTC)
        ref = reference_time(store, [conversation(latest)])
        if datetime.now(UTC) > latest + REPLAY_LEAD:
            assert ref.replay and ref.at == latest + REPLAY_LEAD and "sample" in ref.why
        store.upsert([conversation(OLD).posts[0]], provenance("twarc2", tmp_path / "s.jsonl"))
        assert not is_bundled_sample(store)
        if datetime.now(UTC) > latest + timedelta(days=30):  # stale: replayed, said why
            assert "last 30 days" in reference_time(store, [conversation(latest)]).why
        else:  # live again once real data joins the sample
            assert not reference_time(store, [conversation(latest)]).replay


def test_the_max_age_setting_keeps_zero_as_no_limit() -> None:
    from staffpulse.listen.window import configured_max_age, parse_max_age

    assert parse_max_age(configured_max_age({"max_age": 0})) is None  # web and CLI agree
    assert configured_max_age({}) == "30d" and configured_max_age({"max_age": "7d"}) == "7d"


@pytest.mark.parametrize("value", ["soon", True, -3, [30], {"days": 30}])
def test_a_max_age_setting_that_is_no_age_is_a_config_error(value: object) -> None:
    from staffpulse.config import Config
    from staffpulse.errors import ConfigError
    from staffpulse.listen.window import configured_window

    config = Config({"listen": {"max_age": value}}, source=Path("/home/me/config.toml"))
    with pytest.raises(ConfigError) as caught:
        configured_window(config)
    assert str(caught.value).startswith("/home/me/config.toml: [listen] max_age = ")
    assert "is not an age" in str(caught.value) and "[listen]" in (caught.value.hint or "")


def test_the_max_age_setting_reads_like_the_option() -> None:
    from staffpulse.config import Config
    from staffpulse.listen.window import configured_window

    assert configured_window(Config({})) == timedelta(days=30)
    assert configured_window(Config({"listen": {"max_age": 14}})) == timedelta(days=14)
    assert configured_window(Config({"listen": {"max_age": "2w"}})) == timedelta(weeks=2)
    assert configured_window(Config({"listen": {"max_age": 0}})) is None


def test_no_advice_to_replay_when_it_is_already_a_replay_or_one_topic() -> None:
    from staffpulse.listen.window import window_notes

    tally = {"open": 1, "joined": 0, "dismissed": 0, "older": 1, "undated": 0}
    convs = [conversation(OLD)]
    later = OLD + timedelta(days=200)
    live = " ".join(window_notes(tally, timedelta(days=30), convs, later, any_items=False))
    assert "--as-of newest" in live  # a live view of an old store: replaying helps
    for kw in ({"replay": True}, {"topic": "career"}):
        notes = window_notes(tally, timedelta(days=30), convs, later, False, **kw)
        text = " ".join(notes)
        assert "--as-of newest" not in text and "8 Apr 2021" in text
    (_, topic_note) = window_notes(tally, timedelta(days=30), convs, later, False, topic="career")
    assert topic_note.startswith("nothing on topic 'career' was active in the 30 days before")


def test_topic_choices_from_counts_busiest_first_other_last_empty_dropped() -> None:
    """The dashboard recounts topics from plain counts after a mark (review F21)."""
    from types import SimpleNamespace

    from staffpulse.listen.topic_themes import OTHER_LABEL

    topics = {
        1: SimpleNamespace(label="Interviews"),
        2: SimpleNamespace(label=OTHER_LABEL),
        3: SimpleNamespace(label="Pay & salary"),
        4: SimpleNamespace(label="Layoffs"),
    }
    choices = topic_choices_of({1: 2, 2: 5, 3: 3, 4: 0}, topics)
    assert [(c.label, c.open) for c in choices] == [
        ("Pay & salary", 3),
        ("Interviews", 2),
        (OTHER_LABEL, 5),
    ]


def test_an_empty_platform_names_the_others_and_how_to_fill_it() -> None:
    message, hint = no_platform_conversations("bluesky", {"x": 1200, "mastodon": 1})
    assert message == (
        "no Bluesky conversations in the store (it has 1,200 conversations on X, "
        "1 conversation on Mastodon)"
    )
    assert "leave out --platform" in hint and "staffpulse listen bluesky" in hint
    _, other = no_platform_conversations("x", {"bluesky": 3})
    assert "import an X archive" in other and "listen bluesky" not in other


def test_an_empty_inbox_not_told_why_names_every_kind_it_leaves_out() -> None:
    reason = empty_reason(None, True, None, {"left_out": 4})
    assert reason.startswith("Nothing to join now: every open conversation left is a job ad, ")
    for kind in KINDS.values():
        assert kind in reason, kind
    assert reason.endswith(" or not about work.")
