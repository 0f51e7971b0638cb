"""The steps of a benchmark before ranking (staffpulse.benchmark.cohort_audits): the cohort
chosen, its posts loaded (accounts without posts dropped and said), every text scored in one
batch and each account audited from its share."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_helpers import FakeScorer, FeedBuilder, store_with
from staffpulse.audit.config import audit_settings
from staffpulse.benchmark.cohort_audits import (
    audit_cohort,
    choose_cohort,
    load_cohort_posts,
    score_cohort_texts,
)
from staffpulse.errors import EmptyInputError
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store


def _firm_and_quiet(tmp_path: Path) -> tuple[object, Path]:
    firm = FeedBuilder("firm")
    firm.job(3)
    firm.chat(3)
    quiet = FeedBuilder("quiet")  # a stored profile without posts
    store = store_with(tmp_path, firm, quiet)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("firm,x,staffing_firm\nQuiet,x,vendor\n")
    return store, cohort


def test_an_empty_store_is_refused_naming_the_platform_asked_for(tmp_path: Path) -> None:
    store = open_store(tmp_path / "empty.db")
    with pytest.raises(EmptyInputError, match="the store has no account with posts on Bluesky"):
        choose_cohort(store, None, "bluesky", None)


def test_a_store_of_posts_without_a_profile_is_told_what_it_holds_and_the_inbox(
    tmp_path: Path,
) -> None:
    # a store filled by listening holds posts by others and no account: "no account with
    # posts yet" alone read as if listening had kept nothing
    store = open_store(tmp_path / "heard.db")
    heard = [
        Post(platform="bluesky", id=f"p{i}", author_id=f"did:plc:someone{i}", text="Any tips?")
        for i in range(3)
    ]
    store.upsert(heard, provenance("test", "t"))
    with pytest.raises(EmptyInputError) as refused:
        choose_cohort(store, None, None, None)
    assert refused.value.message.endswith(
        "it holds 3 Bluesky posts, but no profile of an account that wrote them"
    )
    assert "staffpulse inbox offers the conversations" in (refused.value.hint or "")
    # asked for another platform: what it holds there (nothing), not the Bluesky posts
    with pytest.raises(EmptyInputError) as elsewhere:
        choose_cohort(store, None, "x", None)
    assert elsewhere.value.message == "the store has no account with posts on X yet"


def test_a_store_of_names_without_posts_says_so(tmp_path: Path) -> None:
    store = open_store(tmp_path / "names.db")
    store.upsert([Account(platform="x", id="91", handle="namedfirm")], provenance("test", "t"))
    with pytest.raises(EmptyInputError, match="it holds 1 account known only by name, but no"):
        choose_cohort(store, None, None, None)


def test_a_cohort_file_keeps_each_line_for_the_problems(tmp_path: Path) -> None:
    store, cohort_file = _firm_and_quiet(tmp_path)
    cohort = choose_cohort(store, cohort_file, None, None)  # type: ignore[arg-type]
    assert [(a.handle, segment) for a, segment in cohort.accounts] == [
        ("firm", "staffing_firm"),
        ("quiet", "vendor"),
    ]
    assert cohort.lines == {"firm": 1, "quiet": 2} and cohort.min_posts is None


def test_accounts_without_posts_are_dropped_and_said_with_their_line(tmp_path: Path) -> None:
    store, cohort_file = _firm_and_quiet(tmp_path)
    cohort = choose_cohort(store, cohort_file, None, None)  # type: ignore[arg-type]
    datas = load_cohort_posts(store, cohort, None)  # type: ignore[arg-type]
    assert [d.account.handle for d in datas] == ["firm"]
    assert [a.handle for a, _segment in cohort.accounts] == ["firm"]
    (problem,) = cohort.problems
    assert problem.line == 2 and "@quiet has no posts in the store" in problem.message
    assert cohort.without_posts == 1


def test_every_text_is_scored_in_one_batch_and_each_account_audited(tmp_path: Path) -> None:
    feeds = [FeedBuilder(f"firm{i}") for i in range(3)]
    for i, feed in enumerate(feeds):
        feed.job(2 + i)
        feed.chat(2)
    store = store_with(tmp_path, *feeds)
    cohort = choose_cohort(store, None, None, 1)
    datas = load_cohort_posts(store, cohort, None)
    scorer = FakeScorer()
    steps: list[str] = []
    scored = score_cohort_texts(datas, scorer, lambda step, done, total: steps.append(step))  # type: ignore[arg-type]
    assert scorer.calls == 1
    assert [hi - lo for lo, hi in scored.spans] == [len(d.posts) for d in datas]
    audits = audit_cohort(datas, scored, audit_settings(), now=None, since=None)
    assert [a.account.handle for a in audits] == [d.account.handle for d in datas]
    assert steps == ["Scoring posts"]


def test_each_accounts_templates_found_while_the_texts_are_scored_are_its_audits(
    tmp_path: Path,
) -> None:
    # the templates are found while the model scores (a minute each on 300,000 posts, one
    # after the other before): an account's Mix in the benchmark is the Mix of its audit
    from datetime import UTC, datetime

    from staffpulse.audit.engine import audit_account

    board, firm = FeedBuilder("jobboard"), FeedBuilder("chatty")
    board.job(12)  # one job ad template, title and town changed
    board.chat(2)
    firm.chat(8)
    firm.job(2)
    store = store_with(tmp_path, board, firm)
    now = datetime(2026, 11, 27, tzinfo=UTC)
    datas = load_cohort_posts(store, choose_cohort(store, None, None, 1), None)
    scored = score_cohort_texts(datas, FakeScorer())  # type: ignore[arg-type]
    audits = audit_cohort(datas, scored, audit_settings(), now=now, since=None)
    for data, audit in zip(datas, audits, strict=True):
        alone = audit_account(
            store, data.account.handle, "x", scorer=FakeScorer(), now=now, save=False
        )  # type: ignore[arg-type]
        assert audit.pillars["mix"].to_dict() == alone.pillars["mix"].to_dict()
        assert audit.signals == alone.signals
    found = {d.account.handle: t for d, t in zip(datas, scored.templates, strict=True)}
    assert found["jobboard"].templated.sum() >= 12  # its job ads: one template


def test_a_small_cohort_reads_the_posts_naming_it_and_no_others(tmp_path: Path) -> None:
    # a cohort of a few accounts on a big store read every post of the store (300,000 posts
    # for 30 competitors); only the posts by, replying to or naming them are read now, and
    # the mentions each gets are the ones its own audit counts (imports store mentions in
    # lower case; a reply's handle as written)
    from staffpulse.audit import loader

    firm = FeedBuilder("firm")
    firm.chat(3)
    firm.by("peer", "@FIRM are you hiring nurses?", mentions=("firm",))
    firm.by("peer2", "thanks for the tip", kind="reply", reply_to_handle="Firm")
    firm.by("peer3", "any shifts this week?", kind="reply", reply_to_account_id="firm")
    firm.by("chatter", "Lovely weather in Leeds today", mentions=("someoneelse",))
    other_firm = FeedBuilder("harbor")
    other_firm.chat(2)
    other_firm.by("fan", "@harbor do you place welders?", mentions=("harbor",))
    store = store_with(tmp_path, firm, other_firm)
    cohort = choose_cohort(store, None, None, 2)  # the two firms: the others post once
    accounts = [account for account, _segment in cohort.accounts]
    assert {a.handle for a in accounts} == {"firm", "harbor"}
    authored, mentioning, by_id = loader.cohort_posts(store, accounts, None)
    for account in accounts:
        key = (account.platform, account.id)
        alone = loader.posts_mentioning(store, account, None)
        assert [p.id for p in mentioning.get(key, [])] == [p.id for p in alone]
        assert [p.id for p in authored[key]] == [
            p.id for p in loader.posts_by(store, account, None)
        ]
    assert len(mentioning[("x", "firm")]) == 3 and len(mentioning[("x", "harbor")]) == 1
    assert "Lovely weather in Leeds today" not in {p.text for p in by_id.values()}


def test_a_since_with_a_time_is_said_with_its_time(tmp_path: Path) -> None:
    # as the audit says it: "since 2 Mar 2026" alone would deny the posts earlier that day
    from datetime import timedelta

    from staffpulse.dates import format_when

    firm = FeedBuilder("firm")
    firm.chat(3)
    store = store_with(tmp_path, firm)
    since = firm.clock + timedelta(minutes=10)
    assert since.time() != since.min.time()
    with pytest.raises(EmptyInputError, match=f"since {format_when(since)}"):
        load_cohort_posts(store, choose_cohort(store, None, None, 1), since)


def test_a_line_skipped_after_all_gets_no_note_that_its_account_is_kept(tmp_path: Path) -> None:
    # a line with a typo in its segment read "... is kept without a segment", then "skipped:
    # no account ... in the store" or "has no posts": both kept and left out
    store, cohort_file = _firm_and_quiet(tmp_path)
    cohort_file.write_text("firm,x,staffing_firm\nQuiet,x,vendr\nnobody,x,vendr\n")
    cohort = choose_cohort(store, cohort_file, None, None)  # type: ignore[arg-type]
    load_cohort_posts(store, cohort, None)  # type: ignore[arg-type]
    said = [(p.line, p.kept) for p in cohort.problems]
    assert said == [(2, False), (3, False)]
    assert "@quiet has no posts in the store" in cohort.problems[0].message
