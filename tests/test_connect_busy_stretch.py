"""When nothing is suggested, the date an account's conversations were busiest
(staffpulse.connect.busy_stretch): named for an archive whose conversations are long past,
never for an account that has talked about as much every season; named with the options that
bring someone back as of that date, and not named when none does."""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

import staffpulse.connect.suggest as suggest_module
import staffpulse.signals.roles as roles_module
from connect_fixtures import FakeRoleModel, FakeScorer, add_posts, make_post, reply_post
from staffpulse.cli.app import app
from staffpulse.connect import SuggestOptions, suggest_report
from staffpulse.connect.advice import CONTACTS, OTHER_ROLE, UNSEEN, HeldBack, Remedy
from staffpulse.connect.busy_stretch import MOST_TRIES, remedy_at
from staffpulse.models import Account, Follow, Post
from staffpulse.store import Store, open_store


def _archive(
    *days_ago: float, extra: tuple[Post | Account | Follow, ...] = (), path: str = ":memory:"
) -> Store:
    """@firm, which replied once to a different account (contact0, contact1, ...) on each of
    ``days_ago``, none of whose posts is stored."""
    store = open_store(path)
    firm = Account(platform="x", id="id_firm", handle="firm")
    replies = (reply_post(n, "firm", f"contact{n}", d) for n, d in enumerate(days_ago))
    add_posts(store, firm, *replies, *extra)  # type: ignore[arg-type]
    return store


def _advice(store: Store) -> str:
    """The advice to @firm, ranked as of its newest conversation (no --as-of), when none is
    suggested."""
    report = suggest_report(store, "firm", role_model=FakeRoleModel(), scorer=FakeScorer())
    assert report.suggestions == []
    return report.next_step or ""


def _advice_for(*days_ago: float) -> str:
    return _advice(_archive(*days_ago))


# a reply a day in a busy stretch 700 days before NOW, and one reply the day before NOW
_BUSY_YEARS = (1, *(700 + n for n in range(20)))


def test_an_account_that_talked_as_much_every_season_is_not_sent_back_in_time() -> None:
    """A reply every 45 days for four years, and two more in one season: its last 90 days hold
    3 of 35 conversations, which read as "mostly older" and sent it back to that season, which
    brings back no one it talked with more than lately."""
    advice = _advice_for(*(1 + 45 * n for n in range(33)), 600, 610)
    assert "busiest" not in advice and "--as-of" not in advice


def test_the_busy_date_comes_with_the_options_that_bring_its_circle_back() -> None:
    """As of the busy date the archive's circle is the people it replied to, whose posts were
    never imported: the date alone suggested no one again (QA s35), so the advice names the
    options too, and ranking with them as of that date suggests its contacts."""
    store = _archive(*_BUSY_YEARS)
    report = suggest_report(store, "firm", role_model=FakeRoleModel(), scorer=FakeScorer())
    advice = report.next_step or ""
    assert advice.startswith("@firm's conversations are mostly older than 28 Feb 2026")
    found = re.search(r"use --as-of (\d{4}-\d\d-\d\d), (.+)$", advice)
    assert found is not None, advice
    assert found[2] == "--include-contacts and --include-unseen together"
    # the same options, for a page to offer as one link that sets its fields
    day = datetime.fromisoformat(found[1]).replace(tzinfo=UTC)
    assert report.retry == Remedy(include_contacts=True, include_unseen=True, as_of=day)
    again = suggest_report(
        store,
        "firm",
        now=datetime.fromisoformat(found[1]).replace(tzinfo=UTC),
        role_model=FakeRoleModel(),
        scorer=FakeScorer(),
        options=SuggestOptions(include_contacts=True, include_unseen=True),
    )
    assert {s.handle for s in again.suggestions} <= {f"contact{n}" for n in range(1, 21)}
    assert again.suggestions


def test_the_busy_date_alone_is_named_when_it_brings_someone_back() -> None:
    """The people the archive replied to talked then with an HR pro it never engaged: as of the
    busy date she is suggested with no other option."""
    talk = [reply_post(100 + n, f"contact{n}", "hannah_hr", 700 + n) for n in range(1, 21)]
    hannah = Account(platform="x", id="id_hannah_hr", handle="hannah_hr", display_name="Hannah Hr")
    own = [make_post(f"h{n}", "hannah_hr", 700 + n) for n in range(5)]
    advice = _advice(_archive(*_BUSY_YEARS, extra=(hannah, *talk, *own)))
    assert re.search(r"then: use --as-of \d{4}-\d\d-\d\d$", advice), advice


def test_the_busy_date_is_not_named_when_no_option_brings_anyone_back_then() -> None:
    """Every account it replied to is followed: no date or option brings one back, so the
    advice does not send the user to a date that ranks nothing either."""
    follows = tuple(
        Follow(platform="x", follower_id="id_firm", followee_id=f"id_contact{n}")
        for n in range(len(_BUSY_YEARS))
    )
    advice = _advice(_archive(*_BUSY_YEARS, extra=follows))
    assert "busiest" not in advice and "--as-of" not in advice


def test_every_option_the_busy_date_needs_is_named_at_once() -> None:
    """Asked for recruiters, the contacts that --include-contacts and --include-unseen bring
    back as of the busy date have nothing to read, so no role: they are held back for it too.
    The advice named the two options and said nothing of the role, or that no option helps,
    and the user needed three runs to learn of --role any (QA s38): now one answer names all."""
    store = _archive(*_BUSY_YEARS)
    report = suggest_report(
        store, "firm", role="recruiter", role_model=FakeRoleModel(), scorer=FakeScorer()
    )
    advice = report.next_step or ""
    assert advice.endswith("--include-contacts, --include-unseen and --role any together"), advice
    assert report.retry is not None and report.retry.role == "any"
    again = suggest_report(
        store,
        "firm",
        role="any",
        now=report.retry.as_of,
        role_model=FakeRoleModel(),
        scorer=FakeScorer(),
        options=SuggestOptions(include_contacts=True, include_unseen=True),
    )
    assert again.suggestions


def test_the_terminal_gives_one_command_to_copy_and_no_option_that_alone_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first answer is a command that ranks someone when run as printed, and no "To see
    them: --include-contacts" line beside it: that option alone brought no one back, and its
    next run told of yet another option."""
    db = tmp_path / "archive.db"
    _archive(*_BUSY_YEARS, path=str(db)).close()
    monkeypatch.setattr(roles_module, "load_role_model_or_none", FakeRoleModel)
    monkeypatch.setattr(suggest_module, "load_text_signals_or_none", FakeScorer)
    runner = CliRunner()
    first = runner.invoke(
        app, ["connect", "firm", "--role", "recruiter", "--db", str(db)], env={"COLUMNS": "80"}
    )
    assert first.exit_code == 0, first.output
    assert "To see them" not in first.output
    found = re.search(r"^Run: staffpulse (.+)$", first.output, re.MULTILINE)
    assert found is not None, first.output
    words = shlex.split(found[1])
    assert words[:4] == ["--db", str(db), "connect", "firm"]
    assert {"--include-contacts", "--include-unseen"} <= set(words) and "recruiter" not in words
    assert words[words.index("--role") + 1] == "any"
    again = runner.invoke(app, words, env={"COLUMNS": "200"})
    assert again.exit_code == 0, again.output
    assert "Who to follow: @firm" in again.output and "No suggestions" not in again.output


def test_json_gives_the_same_command_to_run_as_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--json`` had the advice's words but no command a script could run next."""
    db = tmp_path / "archive.db"
    _archive(*_BUSY_YEARS, path=str(db)).close()
    monkeypatch.setattr(roles_module, "load_role_model_or_none", FakeRoleModel)
    monkeypatch.setattr(suggest_module, "load_text_signals_or_none", FakeScorer)
    runner = CliRunner()
    asked = ["connect", "firm", "--role", "recruiter", "--db", str(db)]
    text = runner.invoke(app, asked, env={"COLUMNS": "400"})
    found = re.search(r"^Run: (.+)$", text.output, re.MULTILINE)
    assert found is not None, text.output
    ran = runner.invoke(app, [*asked, "--json"])
    assert ran.exit_code == 0, ran.output
    assert json.loads(ran.output)["next_command"] == found[1]
    # with suggestions there is nothing to run next
    words = shlex.split(found[1])
    again = runner.invoke(app, [*words[words.index("connect") :], "--db", str(db), "--json"])
    assert json.loads(again.output)["next_command"] is None, again.output


def test_the_busy_date_names_no_option_its_circle_then_does_without() -> None:
    """The largest group as of the busy date was contacts never seen, so both options were
    added; but the accounts never seen around them came back with --include-unseen alone, and
    the run with that --as-of advised only it: two hints for one circle (QA s39). Each option
    added is dropped when the ranking shows someone without it."""

    @dataclass
    class _Ranked:
        suggestions: list[str] = field(default_factory=list)
        held_back: HeldBack = field(default_factory=HeldBack)

    def rank(remedy: Remedy) -> _Ranked:
        if remedy.include_unseen:  # strangers around the circle, none of them a contact
            return _Ranked(["stranger"])
        held = HeldBack()
        for _ in range(5):
            held.add([CONTACTS, UNSEEN])
        held.add([UNSEEN])
        return _Ranked(held_back=held)

    busy = datetime(2016, 4, 15, 9, tzinfo=UTC)
    day = datetime(2016, 4, 16, tzinfo=UTC)
    assert remedy_at(rank, busy) == Remedy(include_unseen=True, as_of=day)


def test_the_busy_date_runs_no_more_rankings_than_its_cap() -> None:
    """Widening the options took up to four rankings, and trimming them up to three more
    outside the cap: seven whole rankings of a large store for one piece of advice. One cap
    holds for both now; options left untried stay, since together they work."""
    calls: list[Remedy] = []

    @dataclass
    class _Ranked:
        suggestions: list[str] = field(default_factory=list)
        held_back: HeldBack = field(default_factory=HeldBack)

    def rank(remedy: Remedy) -> _Ranked:
        calls.append(remedy)
        held = HeldBack()
        if not remedy.include_contacts:
            held.add([CONTACTS])
        elif not remedy.include_unseen:
            held.add([UNSEEN])
        elif remedy.role is None:
            held.add([OTHER_ROLE], role="other")
        else:
            return _Ranked(["someone"])  # every option it took comes back, and each is needed
        return _Ranked(held_back=held)

    day = datetime(2016, 4, 16, tzinfo=UTC)
    remedy = remedy_at(rank, datetime(2016, 4, 15, 9, tzinfo=UTC))
    assert remedy == Remedy(include_contacts=True, include_unseen=True, as_of=day, role="any")
    assert len(calls) == 1 + MOST_TRIES
