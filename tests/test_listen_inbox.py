"""build_inbox: only conversations joinable now are offered, and what is left out is said; posts
imported from any platform enter it, and the shipped post-signals model ranks a replay."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from _listen_fakes import FakeScorer
from inbox_helpers import shown
from listen_helpers import (
    FRESH,
    HOURS,
    NOW,
    OLD,
    UNDATED,
    dated,
    ids,
    inbox,
    question,
    store_with,
)
from staffpulse.dates import format_day
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.replay import frames_of, generate_stream
from staffpulse.listen.states import joined_conversations, set_state
from staffpulse.models import Account, Post
from staffpulse.report.inbox_html import render_inbox_html
from staffpulse.sources.base import provenance
from staffpulse.store import open_store


def test_only_conversations_active_in_the_last_30_days_are_offered(tmp_path: Path) -> None:
    with store_with(tmp_path, FRESH, OLD, UNDATED) as store:
        result = inbox(store)
    assert ids(result) == ["1"]
    assert not result.replay and result.ranked_as_of >= NOW
    assert result.counts["older"] == 1 and result.counts["undated"] == 1
    notes = " ".join(result.notes)
    assert "1 open conversation quiet for more than 30 days left out" in notes
    assert "1 open conversation with no date left out" in notes
    assert result.as_dict()["max_age_days"] == 30


def test_no_limit_shows_everything_without_made_up_freshness(tmp_path: Path) -> None:
    with store_with(tmp_path, FRESH, OLD, UNDATED) as store:
        result = inbox(store, max_age=None)
    assert ids(result)[0] == "1" and set(ids(result)) == {"1", "2", "3"}
    by_id = {i.conversation_id: i for i in result.items}
    assert "quiet for 13 months" in by_id["2"].cautions
    undated = by_id["3"]
    assert not any(r.startswith("active") for r in undated.reasons)
    assert any("date unknown" in c for c in undated.cautions)


def test_a_stale_store_is_shown_as_a_labelled_replay(tmp_path: Path) -> None:
    with store_with(tmp_path, OLD) as store:
        live = inbox(store, as_of="now")
        assert live.items == []
        assert any("--as-of newest" in n and "nothing was active" in n for n in live.notes)
        replay = inbox(store)  # auto: nothing is live, so the store as of its newest activity
        assert ids(inbox(store, as_of="newest")) == ids(replay)
    assert replay.replay and ids(replay) == ["2"]
    # its age said as of the replay's time, not now (on an old archive it read as fresh)
    said = f"active 1 h before the replay's time, {format_day(replay.ranked_as_of)}"
    assert replay.items[0].reasons.count(said) == 1
    assert any(
        n.startswith("a replay, not live") and "nothing in it was active in the last 30 days" in n
        for n in replay.notes
    )
    # the time is the newest of the conversations offered, not of the store's posts
    assert any("an hour after the newest conversation it could offer" in n for n in replay.notes)
    assert not any("newest activity in the store" in n for n in replay.notes)


def test_the_same_inbox_comes_out_whatever_ran_before(tmp_path: Path) -> None:
    from staffpulse.demo import sample_cohort_file
    from staffpulse.ingest import import_paths
    from staffpulse.store import open_store

    def joined(db: Path, *runs: str | None) -> list[int]:
        with open_store(db) as store:
            import_paths(store, [sample_cohort_file()])
            return [len(build_inbox(store, as_handle=h).joined) for h in runs]

    # "--as" first, then a plain run, then "--as" again: a plain run used to judge the
    # firm's own replies late, and so change the firm's joined conversations
    first, _plain, again = joined(tmp_path / "a.db", "harborline", None, "harborline")
    assert first == again
    (alone,) = joined(tmp_path / "b.db", "harborline")
    assert alone == first


NOT_CONVERSATIONS = [
    dated("ad", "We're hiring a Senior Nurse in Denver! Apply now: https://jobs.example/1"),
    dated("ad2", "Now hiring line cooks, apply now at https://jobs.example/2 #hiring"),
    dated("hate", "HR people are idiots who ruin every hiring process"),
    dated("bait", "In a sit-down interview with @NightlyWire, Obama tells democrats to turn out"),
    dated("nsfw", "Long week at the warehouse, recruiters welcome to my fresh set tonight #nsfw"),
]


def test_job_ads_spam_hostile_nsfw_and_partisan_posts_take_no_slots(tmp_path: Path) -> None:
    with store_with(tmp_path, FRESH, *NOT_CONVERSATIONS) as store:
        result = inbox(store, limit=1)
    assert ids(result) == ["1"]
    assert result.left_out == {"job_ad": 2, "hostile": 1, "partisan": 1, "nsfw": 1}
    assert result.counts["left_out"] == 5
    assert (
        "left out 1 NSFW post, 1 hostile post, 1 partisan politics post and 2 job ads:"
        " not conversations to join" in result.notes
    )
    assert result.as_dict()["left_out"]["job_ad"] == 2


def test_an_inbox_of_only_job_ads_says_why_it_is_empty(tmp_path: Path) -> None:
    from staffpulse.listen.window import empty_reason

    with store_with(tmp_path, *NOT_CONVERSATIONS[:2]) as store:
        result = inbox(store)
    assert result.items == []
    reason = empty_reason(None, True, result.max_age, result.counts)
    assert "every open conversation left is a job ad" in reason
    assert "Listen first" not in reason
    # with the reasons, only the kinds it left out: it listed NSFW, hostile... of two job ads
    said = empty_reason(None, True, result.max_age, result.counts, result.left_out)
    assert said == "Nothing to join now: every open conversation left is a job ad."
    text = shown(result)
    assert "every open conversation left is a job ad." in text and "NSFW" not in text


def test_a_store_read_with_no_work_talk_says_so_not_listen_first(tmp_path: Path) -> None:
    from staffpulse.listen.window import empty_reason

    chatter = [
        dated("g1", "The tomatoes on my balcony finally turned red this week"),
        dated("g2", "Fourth sourdough loaf came out flat again, any tips on hydration?"),
    ]
    with store_with(tmp_path, *chatter) as store:
        result = inbox(store)
    assert result.items == [] and result.counts["posts_not_work"] == 2
    reason = empty_reason(None, True, result.max_age, result.counts)
    assert reason.startswith("Nothing to join: 2 stored posts read, and none is about work")
    assert "Listen first" not in reason and "staffpulse import FILE" in reason
    with store_with(tmp_path / "empty") as empty:  # nothing stored: listen or import first
        assert "Listen first" in empty_reason(None, True, None, inbox(empty).counts)


def test_a_role_is_claimed_only_when_the_model_is_sure(tmp_path: Path) -> None:
    from _listen_fakes import FakeRoles
    from staffpulse.models import Account

    accounts = [
        Account(platform="x", id="sure", handle="tushw", bio="Talent partner, recruiting at ASOS"),
        Account(platform="x", id="guess", handle="dan", bio="maybe recruiting software sales"),
    ]
    posts = [
        dated("p1", "How do you keep candidates warm during long loops?", author="sure"),
        dated("p2", "How do you keep interviewers on time during long loops?", author="guess"),
    ]
    with store_with(tmp_path, *accounts, *posts) as store:
        result = build_inbox(store, text_model=FakeScorer(), role_model=FakeRoles())  # type: ignore[arg-type]
    by_id = {i.conversation_id: i for i in result.items}
    assert "started by a recruiter" in by_id["p1"].reasons and by_id["p1"].role == "recruiter"
    assert not any(r.startswith("started by") for r in by_id["p2"].reasons)
    assert by_id["p2"].role is None


def test_an_unknown_platform_is_an_input_error_and_case_does_not_matter(tmp_path: Path) -> None:
    from staffpulse.errors import InputError

    with store_with(tmp_path, FRESH) as store:
        with pytest.raises(InputError) as caught:
            inbox(store, platform="myspace")
        assert "x, bluesky, mastodon" in caught.value.message
        assert ids(inbox(store, platform="X")) == ids(inbox(store, platform="twitter")) == ["1"]


def test_a_platform_with_no_conversations_names_the_others_on_a_store_never_ranked(
    tmp_path: Path,
) -> None:
    # the X posts were never judged (no inbox ran before): they are judged for the answer,
    # or the store would seem to hold no conversation at all ("listen first")
    with store_with(tmp_path, FRESH, OLD, UNDATED) as store:
        empty = inbox(store, platform="mastodon", max_age=None)
        problem = empty.platform_problem()
        everywhere = inbox(store, max_age=None).counts["conversations"]
    assert empty.items == [] and problem is not None and problem.exit_code == 66
    assert problem.message == (
        f"no Mastodon conversations in the store (it has {everywhere} conversations on X)"
    )
    assert problem.hint is not None and "leave out --platform" in problem.hint
    assert any("stored posts for the first time" in note for note in empty.notes)
    # a script reading --json finds the same: the platform asked and where conversations are
    as_json = empty.as_dict()
    assert as_json["platform"] == "mastodon" and as_json["conversations_elsewhere"] == {
        "x": everywhere
    }


def test_a_platform_with_conversations_has_no_platform_problem(tmp_path: Path) -> None:
    # none open as of a date before them all: said as such, not "none on X"
    with store_with(tmp_path, FRESH) as store:
        before = inbox(store, platform="x", as_of="2000-01-01")
    assert before.items == [] and before.platform_problem() is None


def test_open_counts_what_can_be_joined_and_the_html_says_top_n_of_m(tmp_path: Path) -> None:
    more = [
        question(str(n), f"Recruiters: how do you handle counteroffers, case {n}?", HOURS)
        for n in range(10, 13)
    ]
    with store_with(tmp_path, FRESH, *more, *NOT_CONVERSATIONS) as store:
        result = inbox(store, limit=2)
    data = result.as_dict()["counts"]
    # the left-out job ads, hostile, partisan and NSFW posts are not "open"
    assert data["open"] == 4 and data["shown"] == 2 and data["left_out"] == 5
    assert data["open"] == sum(t.open for t in result.topic_choices)
    page = render_inbox_html(result)
    assert "Showing the top 2 of 4 open conversations" in page
    with store_with(tmp_path / "all", FRESH, *more) as store:
        everything = render_inbox_html(inbox(store, limit=10))
    assert "4 open conversations" in everything and "Showing the top" not in everything


def _quiet_for_longer(notes: list[str]) -> int:
    """N of the note "N open conversations quiet for more than ... left out" (0: no note)."""
    import re

    found = [re.match(r"([\d,]+) open conversations? quiet for more than", n) for n in notes]
    return next((int(m.group(1).replace(",", "")) for m in found if m), 0)


def test_quiet_for_longer_counts_only_what_no_limit_then_adds(tmp_path: Path) -> None:
    old = timedelta(days=90)
    stale = [
        question("40", "Recruiters, how do you handle counteroffers from candidates?", old),
        question("41", "HR folks: how do you run onboarding for remote hires?", old),
        # left out at any age: a longer age must not promise them
        dated("42", "Now hiring line cooks, apply now at https://jobs.example/2 #hiring"),
        dated("43", "HR people are idiots who ruin every hiring process"),
    ]
    stale[2:] = [replace(p, created_at=NOW - old) for p in stale[2:]]
    with store_with(tmp_path, FRESH, *stale) as store:
        window = inbox(store, limit=50)
        everything = inbox(store, limit=50, max_age=None)
    promised = _quiet_for_longer(window.notes)
    assert promised == 2 == window.counts["older"]
    assert everything.counts["open"] == window.counts["open"] + promised
    assert window.counts["older_left_out"] == 2


def test_on_the_sample_every_age_adds_up_to_the_no_limit_inbox(tmp_path: Path) -> None:
    from staffpulse.demo import sample_cohort_file
    from staffpulse.ingest import import_paths

    with open_store(tmp_path / "sample.db") as store:
        import_paths(store, [sample_cohort_file()])
        everything = inbox(store, limit=5, max_age=None)
        for days in (7, 30):
            window = inbox(store, limit=5, max_age=timedelta(days=days))
            promised = _quiet_for_longer(window.notes)
            assert promised > 0
            assert window.counts["open"] + promised == everything.counts["open"]


def test_a_big_store_estimates_what_a_longer_age_would_offer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import staffpulse.listen.inbox as inbox_module

    now = datetime(2026, 3, 1, tzinfo=UTC)
    old_posts = [
        Post(platform="x", id=f"q{i}", author_id=f"a{i % 7}", author_handle=f"a{i % 7}",
             text=f"Recruiters, how do you prepare candidates for a panel interview? ({i})",
             created_at=now - timedelta(days=60 + i), conversation_id=f"q{i}")
        for i in range(40)
    ]  # fmt: skip
    store = store_with(tmp_path, *old_posts)
    exact = inbox(store, now=now)
    monkeypatch.setattr(inbox_module, "STALE_SAMPLE", 10)  # as if the store were huge
    sampled = inbox(store, now=now)
    assert exact.counts["older_estimated"] is False and sampled.counts["older_estimated"] is True
    assert exact.counts["older"] > 0
    assert abs(sampled.counts["older"] - exact.counts["older"]) <= 4  # 10 of 40 stand for all
    assert any(n.startswith("about ") and "quiet for more than" in n for n in sampled.notes)
    assert not any(n.startswith("about ") for n in exact.notes)


def test_a_spread_sample_covers_the_whole_list() -> None:
    from staffpulse.listen.inbox import spread_sample

    items = [object() for _ in range(100)]
    picked = spread_sample(items, 10)  # type: ignore[arg-type]
    assert len(picked) == 10 and picked[0] is items[0] and picked[-1] is items[90]
    assert spread_sample(items[:5], 10) == items[:5]  # type: ignore[arg-type]


def test_imported_posts_from_any_platform_enter_the_inbox(tmp_path: Path) -> None:
    import staffpulse.listen  # noqa: F401

    store = open_store(tmp_path / "mixed.db")
    now = datetime.now(UTC)

    def post(platform: str, pid: str, author: str, text: str, minutes: int, **kw: Any) -> Post:
        return Post(platform=platform, id=pid, author_id=author, text=text,
                    created_at=now - timedelta(minutes=minutes), **kw)  # fmt: skip

    rows = [
        Account(platform="x", id="firm", handle="acme", bio="Staffing firm"),
        post("x", "10", "hr1", "HR folks: how do you run onboarding for remote hires?", 90),
        post("x", "11", "firm", "We pair every hire with a buddy.", 60, kind="reply",
             reply_to_post_id="10", conversation_id="10"),
        post("x", "20", "firm", "How do candidates prefer to interview?", 50),
        post("mastodon", "300", "rec", "Recruiters, any tips for candidate ghosting?", 40),
        post("mastodon", "301", "u2", "Same problem here", 30, kind="reply", reply_to_post_id="300"),
        post("mastodon", "302", "u3", "We call the day before", 20, kind="reply",
             reply_to_post_id="301"),
        post("mastodon", "400", "u4", "Lovely sunset tonight", 10),
    ]  # fmt: skip
    store.upsert(rows, provenance("test", "fixture"))
    inbox = build_inbox(store, as_handle="acme", text_model=FakeScorer(), role_model=None)
    open_ids = [(i.platform, i.conversation_id) for i in inbox.items]
    assert open_ids == [("mastodon", "300")]  # the firm's own question is not an item
    assert inbox.items[0].replies == 2 and inbox.items[0].participants == 3
    assert [(j.platform, j.conversation_id) for j in inbox.joined] == [("x", "10")]
    assert joined_conversations(store, "x", "firm") == 1
    # judged once: a second build scores nothing new
    first_read = [n for n in inbox.notes if "for the first time" in n]
    assert (
        first_read
        and "stored posts for the first time, to judge what is about work" in (first_read[0])
    )
    again = build_inbox(store, as_handle="acme", text_model=FakeScorer(), role_model=None)
    assert not any("for the first time" in note for note in again.notes)


def test_replay_with_the_shipped_post_signals_model(tmp_path: Path) -> None:
    """The same pipeline with the real work_topic / job_opening model (skips if absent)."""
    import staffpulse.listen.relevance as relevance_module
    from staffpulse.errors import ModelError
    from staffpulse.listen.listener import JetstreamListener, ListenOptions

    text_signals = pytest.importorskip("staffpulse.signals.text")
    try:
        model = text_signals.load_text_signals()
    except ModelError as exc:  # its own tests cover the artifact; here it is only a tool
        pytest.skip(f"the post-signals model cannot be loaded: {exc}")
    store = open_store(tmp_path / "real.db")
    events, truth = generate_stream(3000, seed=11)
    relevance = relevance_module.RelevanceFilter(scorer=model)
    JetstreamListener(store, relevance, ListenOptions(url="ws://replay")).feed(frames_of(events))
    inbox = build_inbox(store, limit=10, as_of="newest", text_model=model, role_model=None)
    assert len(inbox.items) == 10
    assert all(i.conversation_id in truth.work_questions for i in inbox.items)


class _MinuteLater(datetime):
    """The store's clock a minute after the tests' NOW, as it is once a module has run a while."""

    @classmethod
    def now(cls, tz: Any = None) -> Any:
        return NOW + timedelta(minutes=1)


def test_a_conversation_snoozed_at_now_stays_hidden_whenever_the_store_took_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The store stamps when a post came in with the real clock, and a post come in after a
    # snooze wakes it: store_with dates the import NOW, or this snooze "at NOW" hid nothing
    # in most runs (the real clock a second past NOW, a post seemingly come in since).
    import staffpulse.store.core as store_core

    monkeypatch.setattr(store_core, "datetime", _MinuteLater)
    band = question("41", "How do you explain a salary band to candidates on a first call?", HOURS)
    best = question("42", "What is your best question for a recruiter's first interview?", HOURS)
    with store_with(tmp_path, band, best) as store:
        inbox(store, now=NOW)
        set_state(store, "41", "snoozed", until=NOW + timedelta(minutes=30), at=NOW)
        asleep = inbox(store, now=NOW)
        back = inbox(store, now=NOW + timedelta(minutes=31))
    assert ids(asleep) == ["42"] and asleep.counts["snoozed"] == 1
    assert [s.conversation_id for s in asleep.snoozed] == ["41"]
    assert sorted(ids(back)) == ["41", "42"] and back.counts["snoozed"] == 0
