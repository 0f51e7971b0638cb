"""The library's own messages, produced by the library: each producer makes the calls that
make it speak (an error raised by a call on a small store, the advice a function builds) and
returns what it said, by case. For tests of how other parts word them (the dashboard's
``staffpulse.web.wording``): no message is typed by hand, so a reworded message is met as the
library now words it. The fetches' messages are in :mod:`library_fetch_messages`."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from car_helpers import small_car
from connect_fixtures import NOW
from staffpulse.errors import StaffpulseError
from staffpulse.models import Account, Post, Provenance
from staffpulse.store import Store, open_store


@dataclass(frozen=True)
class Said:
    """One message as the library words it."""

    case: str  # which message of its family: "typo", "unknown id"...
    message: str
    hint: str | None = None


def said_by(case: str, call: Callable[..., object], *args: object) -> Said:
    """The error ``call(*args)`` raises, as the library words it."""
    try:
        call(*args)
    except StaffpulseError as exc:
        return Said(case, exc.message, exc.hint)
    raise AssertionError(f"{case}: the call raised nothing")


def _account(platform: str, handle: str) -> Account:
    return Account(platform=platform, id=f"{platform}-{handle}", handle=handle)


def _store_of(*accounts: Account) -> Store:
    store = open_store(":memory:")
    store.upsert(list(accounts), Provenance("test", "here", "t", NOW))
    return store


def free_port() -> int:
    with socket.socket() as probe:  # a port nobody listens on: the network is "down"
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- the families of messages: each producer returns what the library says, by case ----------


def account_messages() -> list[Said]:
    """Account not found, a typo, the account on another platform (or from a CSV without a
    platform column), a handle on several, an unknown platform, an address that names another
    platform than the one chosen, an anonymized customer of a TWCS file (posts, no account)."""
    from staffpulse.account_refs import find_account_ref
    from staffpulse.models import platform_choice

    store = _store_of(
        _account("x", "acme_staffing"),
        _account("x", "brightpath"),
        _account("bluesky", "brightpath"),
        _account("csv", "harbourlight"),
    )
    customer = Post(
        platform="x", id="twcs:1", author_id="twcs:913579", created_at=NOW,
        text="@acme_staffing hi", mentions=("acme_staffing",),
    )  # fmt: skip
    store.upsert([customer], Provenance("twcs", "sample.csv", "t", NOW))
    return [
        said_by("elsewhere", lambda: find_account_ref(store, "acme_staffing", "bluesky")),
        said_by("elsewhere csv", lambda: find_account_ref(store, "harbourlight", "x")),
        said_by("typo", lambda: find_account_ref(store, "acme_stafing")),
        said_by("missing", lambda: find_account_ref(store, "nobody_at_all")),
        said_by("several", lambda: find_account_ref(store, "brightpath")),
        said_by("platform", lambda: platform_choice("facebook")),
        said_by("url", lambda: find_account_ref(store, "https://x.com/acme_staffing (bluesky)")),
        said_by("anonymized", lambda: find_account_ref(store, "twcs:913579")),
    ]


def audit_messages() -> list[Said]:
    """An account with no posts to audit (at all, or since a date), and one of a platform no
    fetch reaches (read from a CSV without a platform column)."""
    from staffpulse.audit.engine import no_posts_error

    account = _account("x", "acme_staffing")
    return [
        said_by("no posts", lambda: _raise(no_posts_error(account, None))),
        said_by("none since", lambda: _raise(no_posts_error(account, NOW))),
        said_by(
            "no posts unfetchable", lambda: _raise(no_posts_error(_account("csv", "acme"), None))
        ),
    ]


def resume_messages() -> list[Said]:
    """What a fetch stopped by the network after storing posts says about going on."""
    from staffpulse.fetch.common import FetchReport
    from staffpulse.fetch.resume import resume_hint

    return [Said("stopped", resume_hint(FetchReport(platform="x", target="acme", posts=3)))]


def _raise(error: StaffpulseError) -> None:
    raise error


def _conversation(days_ago: float) -> Any:
    from staffpulse.listen.threads import Conversation

    when = NOW - timedelta(days=days_ago)
    post = Post(platform="bluesky", id="c1", author_id="did:plc:a", text="t", created_at=when)
    return Conversation("bluesky", "c1", (post,))


def inbox_messages() -> list[Said]:
    """The inbox's notes on its age window and its replays, and why it is empty."""
    from staffpulse.listen.window import (
        DEFAULT_MAX_AGE,
        empty_reason,
        reference_time,
        window_notes,
    )

    old = [_conversation(400)]
    tally = {"older": 3, "undated": 2}
    live = window_notes(tally, DEFAULT_MAX_AGE, old, NOW, any_items=False)
    replayed = window_notes(tally, DEFAULT_MAX_AGE, old, NOW, any_items=False, replay=True)
    said = [
        Said(case, note) for case, note in zip(("older", "undated", "stale"), live, strict=True)
    ]
    said.append(Said("stale replay", replayed[-1]))
    with open_store(":memory:") as store:
        said.append(Said("replay", reference_time(store, old, as_of="auto").why))
        said.append(Said("newest", reference_time(store, old, as_of="newest").why))
    said.append(Said("empty", empty_reason(None, False, DEFAULT_MAX_AGE, {})))
    no_work = {"posts_not_work": 2}  # posts were read and none is about work
    said.append(Said("no work talk", empty_reason(None, False, DEFAULT_MAX_AGE, no_work)))
    own = {"conversations": 1, "joined": 1, "own_opened": 2, "own_replies": 1}
    said.append(Said("own posts only", empty_reason(None, True, DEFAULT_MAX_AGE, own)))
    return said


def inbox_input_messages() -> list[Said]:
    """The inbox's refusals: a conversation id it does not know, a limit under 1."""
    from staffpulse.listen.inbox import build_inbox
    from staffpulse.listen.states import set_state

    with open_store(":memory:") as store:
        return [
            said_by("unknown id", lambda: set_state(store, "no-such-conversation", "joined")),
            said_by("limit", lambda: build_inbox(store, limit=0)),
        ]


def import_messages(folder: Path) -> list[Said]:
    """Files of no format staffpulse imports (a text file, a CSV of other columns, a benchmark
    cohort), an empty folder, and several such paths at once."""
    from staffpulse.ingest import import_paths

    unknown = folder / "notes.txt"
    unknown.write_text("a shopping list, not posts\n", encoding="utf-8")
    columns = folder / "sales.csv"
    columns.write_text("region,amount\nnorth,12\n", encoding="utf-8")
    empty = folder / "empty"
    empty.mkdir()
    notes = folder / "meeting.txt"  # told what it is, and what to export instead
    notes.write_text("Meeting notes, Monday\nWe agreed to post twice a week about hiring.\n")
    cohort = folder / "rivals.csv"  # a benchmark's file: told where it is of use
    cohort.write_text("handle,platform,segment\nacme_staffing,x,staffing_firm\n", encoding="utf-8")
    with open_store(":memory:") as store:
        return [
            said_by("unknown", lambda: import_paths(store, [unknown])),
            said_by("cohort", lambda: import_paths(store, [cohort])),
            said_by("prose", lambda: import_paths(store, [notes])),
            said_by("columns", lambda: import_paths(store, [columns])),
            said_by("empty folder", lambda: import_paths(store, [empty])),
            said_by("several", lambda: import_paths(store, [unknown, empty])),
        ]


def file_messages(folder: Path) -> list[Said]:
    """What an import says of files it read: a lone file of an X archive, posts that name
    their author by id only, a file not saved as UTF-8, Bluesky records that are not posts,
    X API posts saved without their authors or dates, or cut short by X, a file saved again
    whose dates take the order of its stored posts, a Bluesky repo export that names its
    account by DID only."""
    from staffpulse.ingest import import_paths

    files = {
        "lone archive part": ("tweets.js", "window.YTD.tweets.part0 = []\n"),
        "author by id": ("byid.csv", "id,author_id,text\n1,42,hello there\n"),
        "not utf-8": ("latin.csv", "id,author,text\n1,acme,caf\xe9 ol\xe9\n"),
        # dates with the year last, no day above 12: the order is not known (csv_dates)
        "dates undecided": ("dated.csv", "id,author,created_at,text\n1,acme,01/05/2026,hi\n"),
        "feed generator": ("gen.json", _record("app.bsky.feed.generator")),
        "other record": ("like.json", _record("app.bsky.feed.like")),
        # X API v2 tweets saved without tweet.fields=author_id,created_at (the second with an
        # id older than X's dated ids), and a v1.1 tweet X cut short (no tweet_mode=extended)
        "api fields": (
            "recent.json",
            '{"data": [{"id": "1578516068309794817", "text": "hello"}], "meta": {}}',
        ),
        "api old ids": ("old.json", '{"data": [{"id": "20", "text": "just setting up"}]}'),
        # posts of no account (a labelled set): the import points to classify
        "id and text": ("labelled.jsonl", '{"id": "1", "text": "hello", "humor": 0}\n'),
        "accounts": ("people.jsonl", '{"id": "1", "name": "acme", "description": "We hire"}\n'),
        "accounts csv": ("people.csv", "_unit_id,name,description,text\n1,acme,We hire,hi\n"),
        "cut short": (
            "cut.jsonl",
            '{"id_str": "1050118621198921728", "created_at": "Wed Oct 10 20:19:24 +0000 2018",'
            ' "text": "We are hiring nurses... https://t.co/abc", "truncated": true,'
            ' "user": {"id_str": "9", "screen_name": "acme", "name": "Acme"}}\n',
        ),
    }
    said = []
    for case, (name, text) in files.items():
        path = folder / name
        path.write_bytes(text.encode("cp1252"))
        with open_store(":memory:") as store:
            try:
                report = import_paths(store, [path])
            except StaffpulseError as exc:
                said.append(Said(case, exc.message, exc.hint))
                continue
        told = [p.message for p in report.problems] + [n.message for n in report.notices]
        assert told, f"{case}: the import said nothing"
        said += [Said(case, message) for message in told]
    # the same posts saved again in Excel (dates with the year last, no day above 12): the
    # order their stored dates fit is taken, and a note says so
    first, again = folder / "dated first.csv", folder / "dated again.csv"
    first.write_text("id,author,created_at,text\n1,acme,2026-03-02,hi\n", encoding="utf-8")
    again.write_text("id,author,created_at,text\n1,acme,3/2/2026,hi\n", encoding="utf-8")
    with open_store(":memory:") as store:
        import_paths(store, [first])
        report = import_paths(store, [again])
    said += [Said("dates from the store", notice.message) for notice in report.notices]
    repo = folder / "repo.car"
    repo.write_bytes(small_car("did:plc:rosa4harbor7staffing", {}))
    with open_store(":memory:") as store:
        report = import_paths(store, [repo])
    said += [Said("repo export", notice.message) for notice in report.notices]
    return said


def _record(kind: str) -> str:
    return f'{{"uri": "at://did:plc:abc/{kind}/x1", "value": {{"$type": "{kind}"}}}}'


def cohort_messages() -> list[Said]:
    """A cohort line with a segment the benchmark does not know, a file of no usable line, a
    cohort none of whose accounts is stored, and a file of posts (JSON) uploaded as one."""
    from staffpulse.benchmark.cohort import parse_cohort
    from staffpulse.benchmark.members import check_cohort, resolve_cohort

    _, problems = parse_cohort("acme_staffing,x,plumbers\n", "cohort.csv")
    said = [Said("segment", p.message) for p in problems]
    with open_store(":memory:") as store:
        said.append(
            said_by(
                "no usable line", lambda: check_cohort(store, "acme,facebook,vendor\n", "c.csv")
            )
        )
        entries, _ = parse_cohort("nobody_here,x,staffing_firm\n", "cohort.csv")
        resolved = resolve_cohort(store, entries, "cohort.csv")
        said.append(Said("none stored", resolved.headline(), resolved.fix()))
        said += [Said("line not stored", p.message) for p in resolved.problems]
        page = '{"data": [{"id": "1", "author_id": "2", "text": "hiring"}]}\n'
        said.append(said_by("data to import", lambda: check_cohort(store, page, "posts.jsonl")))
    said += [Said("few posts", p.message) for p in _few_posts_problems()]
    return said


def _few_posts_problems() -> list[Any]:
    """A cohort account with fewer posts of its own than ``min_posts``: left out, noted."""
    from staffpulse.benchmark.cohort import parse_cohort
    from staffpulse.benchmark.members import with_min_posts

    acme = _account("x", "acme")
    post = Post(platform="x", id="1", author_id=acme.id, author_handle="acme", created_at=NOW)
    with _store_of(acme) as store:
        store.upsert([post], Provenance("test", "here", "t", NOW))
        entries, _ = parse_cohort("acme,x,staffing_firm\n", "cohort.csv")
        _kept, few = with_min_posts(store, [(acme, "staffing_firm")], 5, "cohort.csv", entries)
    return few


def report_messages() -> list[Said]:
    """The audit page's footer naming its models, and its Face advice for a picture known
    only by its web address (a file import stores no image)."""
    from staffpulse.audit.avatar_check import AvatarInfo
    from staffpulse.audit.config import DEFAULTS
    from staffpulse.audit.face import face_pillar
    from staffpulse.report.html import models_in_words

    said = [Said("models", models_in_words({}))]
    for platform, handle in (
        ("bluesky", "acme.bsky.social"),
        ("mastodon", "acme@example.social"),
        ("x", "acmestaffing"),  # and X's free way, a file to import
    ):
        account = Account(
            platform=platform,
            id=handle,
            handle=handle,
            display_name="Rosa Lund at Acme",
            bio="Rosa and team: warehouse and office jobs across Tacoma. Ask us anything.",
            avatar_url="https://example.invalid/avatar.jpg",
        )
        face = face_pillar(account, dict(DEFAULTS), AvatarInfo(None, 0.0, "none"))
        unchecked = [r for r in face.recommendations if "picture" in str(r)]
        assert unchecked, f"{platform}: no advice about the unchecked picture"
        said += [Said(f"unchecked picture {platform}", str(r)) for r in unchecked]
    return said
