"""Who is benchmarked (benchmark/members.py). Checking a cohort file before it is saved
(check_cohort): a file that would leave the benchmark empty is refused saying why; otherwise
the lines that could not be used and whether it names segments. The default cohort and
--min-posts (default_cohort, with_min_posts), and a cohort line whose account is on two
platforms or has no posts (resolve_cohort)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.console import Console

from audit_helpers import FakeScorer, FeedBuilder, cohort_store, store_with
from staffpulse.audit import audit_account
from staffpulse.benchmark import run_benchmark
from staffpulse.benchmark.members import check_cohort
from staffpulse.errors import EmptyInputError, InputError
from staffpulse.models import Account, Post, Provenance
from staffpulse.report.html import render_audit_html
from staffpulse.report.terminal_benchmark import render_benchmark
from staffpulse.store import Store, open_store

WHEN = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
PROV = Provenance(source="test", location="mem", tool_version="t", retrieved_at=WHEN)


def _store() -> Store:
    store = open_store(":memory:")
    store.upsert(
        [
            Account(platform="x", id="1", handle="acme"),
            Post(platform="x", id="p1", author_id="1", text="hello"),
            Account(platform="x", id="2", handle="quiet"),  # no posts
            Account(platform="x", id="3", handle="twin"),
            Account(platform="bluesky", id="did:t", handle="twin"),
            Post(platform="x", id="p3", author_id="3", text="hi"),
            Post(platform="bluesky", id="b3", author_id="did:t", text="hi"),
        ],
        PROV,
    )
    return store


def test_a_usable_cohort_tells_its_accounts_problems_and_segments() -> None:
    text = "handle,platform,segment\nacme,x,staffing_firm\nnobody,x,vendor\nquiet,x,vendor\n"
    check = check_cohort(_store(), text, "firms.csv")
    assert check.accounts == 1 and check.has_segments
    assert [line for line, _ in check.problems] == [3]
    assert "nobody" in check.problems[0][1]
    plain = check_cohort(_store(), "acme\n", "firms.txt")
    assert (plain.accounts, plain.has_segments, plain.problems) == (1, False, [])


def test_a_line_skipped_after_all_is_not_also_said_to_be_kept() -> None:
    # the web's check of a cohort file read "unknown segment 'vendr' ... @nobody is kept
    # without a segment" above "no account 'nobody' ... in the store" of the same line
    text = "handle,platform,segment\nacme,x,vendr\nnobody,x,vendr\n"
    check = check_cohort(_store(), text, "firms.csv")
    assert [line for line, _ in check.problems] == [2, 3]
    assert "@acme is kept" in check.problems[0][1]  # one line of its segment: said alone
    assert "no account 'nobody'" in check.problems[1][1]


def test_a_file_with_no_usable_line_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        check_cohort(_store(), "handle,platform,segment\n,x,vendor\n", "empty.csv")
    assert caught.value.message.startswith("empty.csv lists no usable account")
    assert "handle,platform,segment" in (caught.value.hint or "")


def test_accounts_without_posts_are_refused_with_the_lines_named() -> None:
    with pytest.raises(InputError) as caught:
        check_cohort(_store(), "quiet,x\nnobody,x\n", "firms.csv")
    assert caught.value.message == (
        "none of the accounts in firms.csv has posts in this store: "
        "'quiet' (line 1), 'nobody' (line 2)"
    )


def test_handles_on_several_platforms_ask_for_the_platform() -> None:
    with pytest.raises(InputError) as caught:
        check_cohort(_store(), "twin\n", "firms.csv")
    assert caught.value.message == "no line of firms.csv names a single account in the store"
    assert "e.g. twin,bluesky or twin,x" in (caught.value.hint or "")


def test_graded_accounts_given_by_the_caller_are_the_ones_counted() -> None:
    store = _store()
    assert check_cohort(store, "acme,x\n", "f.csv", graded={("x", "1")}).accounts == 1
    with pytest.raises(InputError, match="has posts in this store"):
        check_cohort(store, "acme,x\n", "f.csv", graded=set())


def test_the_default_cohort_leaves_out_accounts_seen_in_passing(tmp_path: Path) -> None:
    # Two firms whose timelines were imported (14 and 15 posts), two vendors with 8 posts each,
    # and three authors of a post shared or quoted, one post each: they would outrank the firms.
    firms_and_vendors = cohort_store(tmp_path, firms=2, vendors=2)
    passing = [FeedBuilder(f"passerby{i}", display_name=f"Passer {i}") for i in range(3)]
    for feed in passing:
        feed.post("What a lovely day, I love my team and my dog")
        feed.write(firms_and_vendors)  # type: ignore[arg-type]
    store = firms_and_vendors
    result = run_benchmark(store, scorer=FakeScorer())  # type: ignore[arg-type]
    assert sorted(r["handle"] for r in result.leaderboard) == ["firm0", "firm1"]
    assert (result.min_posts, result.left_out) == (10, 5)
    assert result.source == (
        "every account with at least 10 posts of its own in the store; 5 with fewer left out"
    )
    data = json.loads(json.dumps(result.to_dict()))["cohort"]
    assert (data["accounts"], data["min_posts"], data["left_out"]) == (2, 10, 5)
    # --min-posts sets the threshold: 8 brings the vendors in, 1 everyone with posts
    assert len(run_benchmark(store, scorer=FakeScorer(), min_posts=8).audits) == 4  # type: ignore[arg-type]
    everyone = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    assert len(everyone.audits) == 7 and everyone.left_out == 0
    with pytest.raises(EmptyInputError, match=r"no account has 100 posts.*the busiest, @firm1"):
        run_benchmark(store, scorer=FakeScorer(), min_posts=100)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="--min-posts must be 1 or more"):
        run_benchmark(store, scorer=FakeScorer(), min_posts=0)  # type: ignore[arg-type]


def test_reposts_are_not_posts_of_its_own_in_the_default_cohort(tmp_path: Path) -> None:
    # A firm with 12 posts, and an account that wrote 2 posts and reposted 28: the leaderboard
    # flags it "(2 posts of its own)", so a threshold of 10 posts of its own leaves it out.
    firm = FeedBuilder("firm")
    firm.chat(12)
    sharer = FeedBuilder("sharer")
    sharer.chat(2)
    for i in range(28):
        sharer.post(f"RT @firm: Honest question {i}", kind="repost")
    store = store_with(tmp_path, firm, sharer)
    result = run_benchmark(store, scorer=FakeScorer())  # type: ignore[arg-type]
    assert [r["handle"] for r in result.leaderboard] == ["firm"]
    assert result.source == (
        "every account with at least 10 posts of its own in the store; 1 with fewer left out"
    )
    with pytest.raises(EmptyInputError, match=r"no account has 20 posts.*@firm, has 12\)"):
        run_benchmark(store, scorer=FakeScorer(), min_posts=20)  # type: ignore[arg-type]
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("firm\nsharer\n")
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    kept = run_benchmark(store, cohort, scorer=FakeScorer(), min_posts=3)  # type: ignore[arg-type]
    store.conn.set_trace_callback(None)
    assert [p.message for p in kept.problems] == [
        "@sharer has 2 posts of its own (its 28 reposts do not count), fewer than --min-posts"
        " 3: left out"
    ]
    # its reposts are counted through its own posts: by the index of kinds, each account left
    # out read every repost of the store (a cohort of hundreds on 100,000 posts: minutes)
    (count,) = [s for s in statements if "author_id = 'sharer'" in s and "'repost'" in s]
    plan = " ".join(str(row[3]) for row in store.conn.execute(f"EXPLAIN QUERY PLAN {count}"))
    assert "posts_by_kind" not in plan and "posts_by_author" in plan
    # without a file: `accounts` lists @sharer with 30 posts, so the note says what counts
    console = Console(record=True, width=200)
    render_benchmark(console, run_benchmark(store, scorer=FakeScorer(), min_posts=5))  # type: ignore[arg-type]
    assert (
        "1 account with fewer than 5 posts of its own (reposts do not count) left out"
        in console.export_text()
    )


def test_a_store_where_every_account_only_reposts_says_so(tmp_path: Path) -> None:
    sharer = FeedBuilder("sharer")
    sharer.post("RT @someone: a tip", kind="repost")
    with pytest.raises(
        EmptyInputError, match=r"has a post of its own to grade \(1 account with reposts only\)"
    ):
        run_benchmark(store_with(tmp_path, sharer), scorer=FakeScorer())  # type: ignore[arg-type]


def test_a_store_of_small_accounts_ranks_them_all_by_default(tmp_path: Path) -> None:
    feeds = [FeedBuilder(f"small{i}") for i in range(3)]
    for feed in feeds:
        feed.chat(3)
    result = run_benchmark(store_with(tmp_path, *feeds), scorer=FakeScorer())  # type: ignore[arg-type]
    assert len(result.audits) == 3 and (result.min_posts, result.left_out) == (1, 0)
    # the title puts it in brackets: "3 accounts (every account ... (none has 10 posts yet))"
    assert (
        result.source
        == "every account with posts of its own in the store, as none has 10 posts yet"
    )


def test_min_posts_with_a_cohort_file_notes_each_account_left_out(tmp_path: Path) -> None:
    store = cohort_store(tmp_path, firms=2, vendors=1)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("firm0,x,staffing_firm\nvendor0,x,vendor\n")
    whole = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    assert len(whole.audits) == 2 and whole.min_posts is None  # a file's accounts: all ranked
    result = run_benchmark(store, cohort, scorer=FakeScorer(), min_posts=10)  # type: ignore[arg-type]
    assert [r["handle"] for r in result.leaderboard] == ["firm0"] and result.left_out == 1
    (note,) = result.problems
    assert (note.line, note.message) == (
        2,
        "@vendor0 has 8 posts of its own, fewer than --min-posts 10: left out",
    )


def test_empty_or_missing_cohort(tmp_path: Path) -> None:
    store = cohort_store(tmp_path, firms=1, vendors=0)
    with pytest.raises(InputError):
        run_benchmark(store, tmp_path / "missing.csv", scorer=FakeScorer())  # type: ignore[arg-type]
    empty = tmp_path / "empty.txt"
    empty.write_text("ghost\n")
    with pytest.raises(EmptyInputError, match=r"empty\.txt:1"):
        run_benchmark(store, empty, scorer=FakeScorer())  # type: ignore[arg-type]


def test_a_handle_on_two_platforms_is_told_to_write_its_platform_on_its_line(
    tmp_path: Path,
) -> None:
    from audit_helpers import FeedBuilder, store_with

    twins = [FeedBuilder("dupfirm", platform=p) for p in ("x", "bluesky")]
    for feed in twins:
        feed.job(2)
    other = FeedBuilder("otherfirm")
    other.chat(2)
    store = store_with(tmp_path, *twins, other)
    cohort = tmp_path / "cohort.txt"
    cohort.write_text("dupfirm\notherfirm\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    (problem,) = result.problems
    assert problem.line == 1 and problem.message == (
        "'dupfirm' exists on several platforms (bluesky, x): write the platform on this line, "
        "e.g. dupfirm,bluesky or dupfirm,x"
    )
    # a cohort of that line alone: the posts are imported, so importing is not the fix
    cohort.write_text("dupfirm\n")
    with pytest.raises(EmptyInputError) as refused:
        run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    assert refused.value.message.startswith("no line of the cohort names a single account")
    assert refused.value.hint == (
        "write the platform on each line whose handle is on several platforms, "
        "e.g. dupfirm,bluesky or dupfirm,x"
    )
    cohort.write_text("dupfirm,x\n")
    assert len(run_benchmark(store, cohort, scorer=FakeScorer()).audits) == 1  # type: ignore[arg-type]


def test_an_account_without_posts_is_left_out_with_its_line_not_ranked(tmp_path: Path) -> None:
    from audit_helpers import FeedBuilder, store_with

    firm = FeedBuilder("firm")
    firm.job(3)
    firm.chat(3)
    quiet = FeedBuilder("quiet")  # in the store (a profile was imported) but no posts
    store = store_with(tmp_path, firm, quiet)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("firm,x,staffing_firm\nQuiet,x,vendor\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    assert [r["handle"] for r in result.leaderboard] == ["firm"]
    (problem,) = result.problems
    assert problem.line == 2
    assert "@quiet has no posts in the store: left out, not graded" in problem.message
    assert "staffpulse import FILE" in problem.message
    alone = tmp_path / "alone.csv"
    alone.write_text("quiet,x,vendor\n")
    with pytest.raises(EmptyInputError, match=r"no account of the cohort has posts.*alone\.csv:1"):
        run_benchmark(store, alone, scorer=FakeScorer())  # type: ignore[arg-type]


def test_a_cohort_of_many_unknown_handles_reads_the_store_once_and_stops_guessing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 15,531 real handles given as a cohort, 4 of them stored: every line not in the store
    # read every stored account again and compared its handle with each (0.1 s a line: 13
    # minutes). The accounts are read once, and past the first lines no "did you mean".
    import staffpulse.benchmark.members as members
    from staffpulse.benchmark.cohort import read_cohort
    from staffpulse.benchmark.members import resolve_cohort

    monkeypatch.setattr(members, "SUGGESTED_LINES", 2)
    store = cohort_store(tmp_path, firms=2, vendors=1)
    reads: list[int] = []
    real = store.list_accounts  # type: ignore[attr-defined]

    def counted(*args: object, **kwargs: object) -> object:
        reads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "list_accounts", counted)
    cohort = tmp_path / "cohort.csv"
    typos = [f"firm{n}x" for n in range(4)]  # each a typo away from firm0 or firm1
    cohort.write_text("handle\n" + "\n".join(["firm0", *typos]) + "\n", encoding="utf-8")
    entries, _problems = read_cohort(cohort)

    found = resolve_cohort(store, entries, str(cohort))  # type: ignore[arg-type]

    assert [account.handle for account, _segment in found.accounts] == ["firm0"]
    said = [problem.message for problem in found.problems]
    assert ["did you mean" in message for message in said] == [True, True, False, False]
    assert said[3].startswith("no account 'firm3x' in the store")
    assert len(reads) == 1


def test_under_a_bar_of_one_post_those_left_out_are_said_to_have_reposts_only(
    tmp_path: Path,
) -> None:
    # a real store ranked with --min-posts 1 said "185 with fewer left out" and, in the
    # terminal, "185 accounts with fewer than 1 post of their own left out: staffpulse
    # benchmark --min-posts 1 ranks them too", the very option that had left them out
    firm = FeedBuilder("firm")
    firm.chat(12)
    sharer = FeedBuilder("sharer")
    sharer.post("RT @firm: Honest question", kind="repost")
    store = store_with(tmp_path, firm, sharer)
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    assert result.left_out == 1
    assert result.source == (
        "every account with posts of its own in the store; 1 with reposts only left out"
    )
    console = Console(record=True, width=200)
    render_benchmark(console, result)
    text = console.export_text()
    assert "1 account with reposts only (no post of its own to grade) left out." in text
    assert "fewer than 1 post" not in text and "--min-posts 1 ranks" not in text
    audit = audit_account(store, "firm", scorer=FakeScorer(), save=False)
    assert "(1 with reposts only left out, as in the benchmark)" in render_audit_html(audit, result)


def test_lines_naming_no_stored_account_say_what_to_do_once(tmp_path: Path) -> None:
    # three unknown handles repeated the same advice three times: the error ran for lines
    store = cohort_store(tmp_path, firms=1, vendors=0)
    cohort = tmp_path / "c.txt"
    cohort.write_text("zorblax\nquimbly\nfrandle\n", encoding="utf-8")
    with pytest.raises(EmptyInputError) as refused:
        run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    said = refused.value.message
    assert said.count("import its posts first") == 1
    for n, handle in enumerate(("zorblax", "quimbly", "frandle"), start=1):
        assert f"c.txt:{n}: no account '{handle}' in the store" in said
    assert "import the accounts' posts first" in (refused.value.hint or "")
