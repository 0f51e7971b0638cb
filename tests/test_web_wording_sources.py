"""The dashboard's wording of the library's own messages (staffpulse.web.wording): every
input here is produced by the library (an error a call raises on a small store, the advice a
function builds), never typed into the test, so when the library rewords a message the page's
rewrite is checked against the new words. The last test fails when a rule of
``staffpulse.web.wording`` matches nothing the library says any more (a dead rule: the page
would show the terminal's wording again). (The rewrites of typed examples, and pages that speak
to a marketer: test_web_wording_plain.py.)"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from export_gap_helpers import export_gap_messages
from library_connect_messages import connect_input_messages, connect_messages, export_messages
from library_fetch_messages import answer_messages, credential_messages, network_messages
from library_messages import (
    Said,
    account_messages,
    audit_messages,
    cohort_messages,
    file_messages,
    import_messages,
    inbox_input_messages,
    inbox_messages,
    report_messages,
    resume_messages,
)
from library_refresh_messages import refresh_messages
from staffpulse.store import open_store
from staffpulse.web.wording import _PAGE_WORDING, web_hint, web_text

# The CLI's commands (`staffpulse --help`): "staffpulse import" on a page is terminal wording,
# "staffpulse reads" is not.
_COMMANDS = (
    "accounts|add-handles|audit|avatar|benchmark|classify|connect|demo|fetch|import|inbox"
    "|listen|roles|score|serve|stats"
)
TERMINAL_WORDING = {
    "a command": re.compile(rf"\bstaffpulse (?:{_COMMANDS})\b"),
    "an option": re.compile(r"(?<![\w-])--[a-z]"),
    "a file of the docs": re.compile(r"\bdocs/"),  # docs/formats.md, docs/models
    "a config section": re.compile(r"\[[a-z_]+\]"),
    "an environment variable": re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b"),
    # what a script asks X's API for ("tweet.fields=author_id"): a marketer asked for nothing
    "an API request's parameter": re.compile(r"\b(?:tweet\.fields|expansions|tweet_mode)="),
}


def terminal_wording(text: str) -> list[str]:
    """What in ``text`` only makes sense in a terminal, by kind."""
    return [
        f"{kind}: {m.group(0)!r}" for kind, p in TERMINAL_WORDING.items() if (m := p.search(text))
    ]


def shown(said: Said) -> str:
    """The message and its hint as a page shows them."""
    return f"{web_text(said.message)} || {web_hint(said.message, said.hint)}"


def archive_part_messages(folder: Path) -> list[Said]:
    """What an X archive's folder says of a file its manifest.js lists and it lacks: the
    dashboard's import of an archive's files chosen together reads them as such a folder."""
    from export_gap_helpers import APRIL, archive_of, list_in_manifest
    from staffpulse.ingest import import_paths

    lacking = archive_of(folder / "chosen files", APRIL)
    list_in_manifest(lacking, {"data/tweets.js": 3, "data/tweets-part1.js": 2})
    with open_store(":memory:") as store:
        report = import_paths(store, [lacking])
    return [Said("missing part", p.message) for p in report.missing_files]


def account_note_messages() -> list[Said]:
    """What an instance says of an account besides its posts, as a fetch reports it."""
    from staffpulse.fetch.mastodon import account_notes

    raw = {"moved": {"acct": "acme@new.example"}, "suspended": True}
    return [Said("account note", note) for note in account_notes(raw, "@acme", "old.example")]


@dataclass(frozen=True)
class Tools:
    """What the producers need from pytest."""

    folder: Path
    httpserver: HTTPServer
    monkeypatch: pytest.MonkeyPatch


FAMILIES: dict[str, Callable[[Tools], list[Said]]] = {
    "accounts": lambda t: account_messages(),
    "audit": lambda t: audit_messages(),
    "credentials": lambda t: credential_messages(t.httpserver),
    "connect": lambda t: connect_messages(),
    "connect input": lambda t: connect_input_messages(t.monkeypatch),
    "exports": lambda t: export_messages(),
    "inbox": lambda t: inbox_messages(),
    "inbox input": lambda t: inbox_input_messages(),
    "import": lambda t: import_messages(t.folder),
    "files": lambda t: file_messages(t.folder),
    "export gaps": lambda t: export_gap_messages(t.folder),
    "archive parts": lambda t: archive_part_messages(t.folder),
    "cohort": lambda t: cohort_messages(),
    "network": lambda t: network_messages(t.monkeypatch),
    "answers": lambda t: answer_messages(t.httpserver, t.monkeypatch),
    "report": lambda t: report_messages(),
    "resume": lambda t: resume_messages(),
    "account notes": lambda t: account_note_messages(),
    "refresh": lambda t: refresh_messages(t.folder),
}

# Messages a page can show that still carry terminal wording once worded for the page: no rule
# of wording.py rewrites them yet. Listed so that the test below passes on everything else and
# says when one of them is fixed (then it must leave this list). (family, case): why it leaks.
KNOWN_LEAKS: dict[tuple[str, str], str] = {}


@pytest.fixture
def tools(tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> Tools:
    return Tools(tmp_path, httpserver, monkeypatch)


@pytest.mark.parametrize("family", FAMILIES)
def test_the_page_words_the_librarys_messages_without_terminal_wording(
    family: str, tools: Tools
) -> None:
    leaks = {
        said.case: f"{shown(said)} -> {terminal_wording(shown(said))}"
        for said in FAMILIES[family](tools)
        if terminal_wording(shown(said))
    }
    known = {case for fam, case in KNOWN_LEAKS if fam == family}
    assert {case: why for case, why in leaks.items() if case not in known} == {}
    assert known <= set(leaks), f"fixed, remove from KNOWN_LEAKS: {known - set(leaks)}"


# What the page tells to do, by the name of the control or page it means: (family, case) ->
# words the page's version must contain.
CONTROLS = {
    ("report", "unchecked picture bluesky"): "on the Import page (Fetch an account live)",
    ("report", "unchecked picture mastodon"): "on the Import page (Fetch an account live)",
    ("report", "unchecked picture x"): "avatar_file column (see “Supported formats”)",
    ("accounts", "elsewhere"): "choose the account on X in the list",
    ("accounts", "elsewhere csv"): "choose the account from a CSV (no platform) in the list",
    ("accounts", "typo"): "check the spelling on the Accounts page",
    ("accounts", "missing"): "on the Import page",
    ("accounts", "several"): "choose the account with its platform",
    ("audit", "no posts"): "on the Import page",
    ("audit", "none since"): "on the Import page",
    ("audit", "no posts unfetchable"): "on the Import page",
    ("resume", "stopped"): "start the same fetch again on the Import page to resume",
    ("answers", "x 402 halfway"): "then start the same fetch again on the Import page",
    ("credentials", "no token"): "add the X token on the Settings page",
    ("credentials", "refused"): "check the X token on the Settings page",
    ("connect", "narrow role"): "“Any role”",
    ("connect", "unseen"): "tick “Include accounts never seen”",
    ("connect", "contacts"): "tick “Include people you already talk with”",
    ("connect", "inactive"): "set “Rank as of” to ",
    ("connect", "inactive undated"): "set a larger “Counts as inactive after”",
    ("connect", "role other"): "“Any role”",
    ("connect", "outside hiring"): "choose “Any role”",
    ("connect", "left out"): "(choose “Any role” to see ",
    ("connect", "folded ids"): "the “Spreadsheet (CSV)” export gives the links of the 3 counted",
    ("connect input", "unknown role"): "choose a role in the “Role” list",
    ("connect input", "limit"): "“How many” must be at least 1",
    ("exports", "platform formats"): "use the “X list” or “Spreadsheet (CSV)” export",
    ("exports", "csv"): "the “Spreadsheet (CSV)” export keeps every",
    ("inbox", "older"): "“Quiet for at most”",
    ("inbox", "undated"): "choose “No limit” in “Quiet for at most”",
    ("inbox", "stale"): "“As of the newest post” in “Rank as of”",
    ("inbox", "stale replay"): "“Quiet for at most”",
    ("inbox", "replay"): "choose “Now” in “Rank as of”",
    ("inbox", "empty"): "on the Import page",
    ("inbox input", "unknown id"): "reload the inbox page",
    ("import", "unknown"): "see “Supported formats”",
    ("import", "columns"): "see “Supported formats”",
    ("cohort", "segment"): "(use one of: staffing firm, vendor, job board, recruiter, HR or other)",
    ("cohort", "no usable line"): "e.g. acmestaffing,x,staffing firm",
    ("cohort", "none stored"): "on the Import page",
    ("network", "bluesky"): "Bluesky could not be reached: check that this computer is online",
    ("network", "mastodon"): "Mastodon could not be reached: check that this computer is online",
    ("network", "x"): "X could not be reached: check that this computer is online",
    ("answers", "budget"): "raise the budget on the Import page",
    ("refresh", "budget skipped"): "the budget of $2.00 is spent",
    ("refresh", "guessed x"): "not paid for without a budget",
    ("refresh", "left out imported"): "upload it on the Benchmark page",
    ("refresh", "left out searches"): "the dashboard fetches accounts only",
    ("refresh", "x estimate"): "whoever set up staffpulse can change them",
    ("answers", "bluesky handle"): "choose Bluesky as the platform",
    ("answers", "bluesky odd answer"): "address staffpulse uses (whoever set up staffpulse can",
    ("export gaps", "told"): "upload it again with “Remove posts deleted on the platform” ticked",
    ("export gaps", "removed"): "(as “Remove posts deleted on the platform” asked)",
    ("export gaps", "record skipped"): "(listed below), so it may be partial",
    ("export gaps", "one file"): "upload the whole archive ZIP with “Remove posts deleted on",
    ("export gaps", "file missing"): "upload the whole archive, as said there, with “Remove",
    ("export gaps", "no manifest"): "upload the archive's ZIP as X sent it with “Remove posts",
    ("export gaps", "no export"): "“Remove posts deleted on the platform” removes only",
    ("files", "repo export"): "until you fetch it once on the Import page (Fetch an account live",
    ("files", "api old ids"): "whoever saved the file can save it again with the dates included",
    ("files", "cut short"): "whoever saved the file can fetch it again in X's extended mode",
    ("files", "dates undecided"): "write dates year first, as 2026-03-01T14:05 or 2026-03-01 (in",
    # taken from the stored posts: if wrong, the page's fix (it has no --date-order)
    ("files", "dates from the store"): "If that is wrong, write dates year first, as 2026-03-01",
}


@pytest.mark.parametrize("family", sorted({family for family, _ in CONTROLS}))
def test_the_page_names_its_own_controls(family: str, tools: Tools) -> None:
    page = {said.case: shown(said) for said in FAMILIES[family](tools)}
    wanted = {case: words for (fam, case), words in CONTROLS.items() if fam == family}
    missing = {
        case: page.get(case) for case, words in wanted.items() if words not in page.get(case, "")
    }
    assert missing == {}


def test_the_librarys_own_messages_reach_the_page_without_terminal_advice(tmp_path: Path) -> None:
    """The messages as the library really writes them today, not copies: a change of wording
    there that the web's rewrites miss fails here."""
    from datetime import UTC, datetime, timedelta

    from staffpulse.connect.suggest import SuggestReport
    from staffpulse.errors import InputError, NotFoundError
    from staffpulse.fetch.common import FetchReport
    from staffpulse.fetch.resume import resume_hint
    from staffpulse.listen.window import window_notes
    from staffpulse.models import Account
    from staffpulse.web.wording import web_text

    messages = [resume_hint(FetchReport(platform="x", target="acme", posts=3))]
    with open_store(tmp_path / "s.db") as store:
        try:
            store.find_account("nobody")
        except NotFoundError as exc:
            messages.append(exc.hint or "")
    now = datetime(2026, 11, 1, tzinfo=UTC)
    tally = {"open": 3, "joined": 0, "dismissed": 0, "older": 2, "undated": 1}
    messages += window_notes(tally, timedelta(days=30), [], now, any_items=False)
    report = SuggestReport(
        account=Account(platform="x", id="1", handle="acme"),
        as_of=now,
        suggestions=[],
        circle_size=3,
        excluded={"never seen": 2, "already talking with": 1},
    )
    messages.append(report.next_step or "")
    from staffpulse.connect.export import check_exportable, export_suggestions
    from staffpulse.fetch.handles import x_handle

    try:
        x_handle("acme.bsky.social")  # a Bluesky handle typed for X
    except InputError as exc:
        messages.append(exc.hint or "")
    try:  # X accounts exported as a Bluesky list: the formats that fit are named
        check_exportable(export_suggestions([], "bluesky-list"), "x")
    except InputError as exc:
        messages.append(exc.hint or "")
    assert all(messages)
    for message in messages:
        shown = web_text(message)
        assert "staffpulse " not in shown and " --" not in shown, shown


def fired_rules(texts: Iterable[str]) -> set[int]:
    """The indexes of the page wording's rules that change at least one of ``texts``, each
    rule seeing the text as the rules before it left it (as :func:`web_text` applies them)."""
    fired: set[int] = set()
    for text in texts:
        for index, (pattern, replacement) in enumerate(_PAGE_WORDING.rules):
            if pattern.search(text):
                fired.add(index)
                text = pattern.sub(replacement, text)
    return fired


# Rules no message produced above reaches, each with why: "unexercised" (the library can say
# it, but not from a fast offline test; none so far) or "dead" (no library text says it any
# more: wording.py should drop or fix it). A pattern listed here that is no longer in
# wording.py is ignored; one that fires must leave the list.
UNFIRED_RULES: dict[str, str] = {}


def test_every_rewrite_rule_matches_something_the_library_says(tools: Tools) -> None:
    said = [s for make in FAMILIES.values() for s in make(tools)]
    fired = fired_rules([t for s in said for t in (s.message, s.hint) if t])
    unfired = {
        pattern.pattern for i, (pattern, _) in enumerate(_PAGE_WORDING.rules) if i not in fired
    }
    assert unfired - set(UNFIRED_RULES) == set(), "rules that match no library message"
    assert unfired >= set(UNFIRED_RULES) & {p.pattern for p, _ in _PAGE_WORDING.rules}, (
        "rules that now fire: remove them from UNFIRED_RULES"
    )
