"""A small store of posts and build_inbox on it with the fake post model, for the tests of
the inbox (tests/test_listen_inbox*.py) and of what renders it; and, for the `staffpulse inbox`
tests (tests/test_cli_commands_listen_inbox*.py), a few thousand Jetstream events replayed
through `staffpulse listen` into a store, with the fake models in place of the shipped ones.
Those two are made fixtures in each module: ``replayed = pytest.fixture(replayed_store,
scope="module", name="replayed")``, ``pytest.fixture(fake_post_models, autouse=True, ...)``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from _listen_fakes import FakeScorer
from conftest import FIRM, ServerThread
from staffpulse.cli.app import app
from staffpulse.listen import inbox as inbox_module
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.replay import frames_of, generate_stream
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store
from staffpulse.store.codec import format_time

NOW = datetime.now(UTC)


def question(pid: str, text: str, age: timedelta | None) -> Post:
    when = None if age is None else NOW - age
    return Post(platform="x", id=pid, author_id=f"u{pid}", text=text, created_at=when)


FRESH = question(
    "1", "How do you keep candidates warm during long interview loops?", timedelta(hours=2)
)
OLD = question(
    "2", "Recruiters, how do you handle counteroffers from candidates?", timedelta(days=400)
)
HOURS = timedelta(hours=2)
UNDATED = question("3", "HR folks: how do you run onboarding for remote hires?", None)


def store_with(tmp_path: Path, *posts: Post) -> Store:
    """A store holding ``posts`` as imported at NOW, the time the tests rank and mark as of.
    The store stamps a post's arrival (``first_seen``) with the real clock, a second or more
    after NOW once the module has run a while, and a post come in after a snooze wakes it
    (listen/snooze.py): a snooze "at NOW" then failed to hide its conversation."""
    store = open_store(tmp_path / "inbox.db")
    store.upsert(list(posts), provenance("twarc2", tmp_path / "search.jsonl"))
    with store.conn:
        store.conn.execute("UPDATE posts SET first_seen = ?", (format_time(NOW),))
    return store


def inbox(store: Store, **kw: Any) -> Inbox:
    scorer: Any = FakeScorer()  # follows the TopicScorer contract (thresholds_ as a ClassVar)
    return build_inbox(store, text_model=scorer, role_model=None, **kw)


def ids(result: Inbox) -> list[str]:
    return [i.conversation_id for i in result.items]


def dated(pid: str, text: str, author: str = "", **kw: Any) -> Post:
    return Post(
        platform="x", id=pid, author_id=author or f"u{pid}", text=text,
        created_at=NOW - timedelta(hours=1), **kw,
    )  # fmt: skip


# The replayed stream is dated January 2026: rank it as of its newest post, as a replay.
REPLAY = ("--as-of", "newest")
runner = CliRunner()


def fake_post_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fake models wherever the CLI and the inbox would load the shipped ones: the tests
    must not depend on which artifacts this machine has."""
    import staffpulse.signals.text as text_module

    monkeypatch.setattr(text_module, "load_text_signals_or_none", FakeScorer)  # the CLI's
    monkeypatch.setattr(inbox_module, "load_text_signals_or_none", FakeScorer)
    monkeypatch.setattr(inbox_module, "load_role_model_or_none", lambda: None)


def _stream() -> tuple[list[dict[str, Any]], Any]:
    events, truth = generate_stream(3000, seed=11)
    last = events[-1]["time_us"]
    # The firm announces its handle and replies to the first work question.
    question = sorted(truth.work_questions)[0]
    events.append({"did": FIRM, "time_us": last + 1, "kind": "identity",
                   "identity": {"did": FIRM, "handle": "acme-staffing.bsky.social"}})  # fmt: skip
    events.append({"did": FIRM, "time_us": last + 2, "kind": "commit", "commit": {
        "operation": "create", "collection": "app.bsky.feed.post", "rkey": "firmreply1",
        "record": {"text": "We see this too: an honest timeline helps.",
                   "createdAt": events[-2]["commit"]["record"]["createdAt"]
                   if events[-2]["kind"] == "commit" and "record" in events[-2]["commit"]
                   else "2026-01-01T00:00:03Z",
                   "reply": {"root": {"uri": question, "cid": "c"},
                             "parent": {"uri": question, "cid": "c"}}}}})  # fmt: skip
    return events, truth


def replayed_store(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, Any, list[dict[str, Any]]]]:
    """A module's store: the stream of ``_stream`` (with a malformed frame, an empty one and a
    dropped connection) through `staffpulse listen bluesky`; yields it with the stream's truth
    and its events."""
    db = tmp_path_factory.mktemp("cli") / "listen.db"
    events, truth = _stream()
    frames = frames_of(events)
    frames[500:500] = ["{not json", "[]"]
    with pytest.MonkeyPatch.context() as mp:
        import staffpulse.signals.text as text_module

        mp.setattr(text_module, "load_text_signals_or_none", FakeScorer)
        # The run ends on the stream's last frame, not by idling: a 1.5 s idle timeout ran out
        # during the reconnect on a loaded machine (one connect). It receives every frame, plus
        # once more the last event before the drop (the resume cursor is inclusive), wherever
        # the drop cut; the idle timeout is only a safety net, never waited for.
        every_frame = len(frames) + 1
        with ServerThread(frames, drop_after=1500) as server:
            result = runner.invoke(
                app,
                ["listen", "bluesky", "--url", server.url, "--db", str(db), "--duration", "60s",
                 "--max-events", str(every_frame), "--idle-timeout", "30", "--json"],
            )  # fmt: skip
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["malformed"] == 2 and stats["disconnects"] == 1 and stats["connects"] == 2
    assert stats["frames"] == every_frame and stats["skipped_before_cursor"] == 1
    yield db, truth, events


def count_rankings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many conversations each ranking afresh ranked (a kept ranking read adds none)."""
    calls: list[int] = []
    real = inbox_module.rank_stored

    def counted(store: Any, conversations: Any, *args: Any, **kw: Any) -> Any:
        calls.append(len(conversations))
        return real(store, conversations, *args, **kw)

    monkeypatch.setattr(inbox_module, "rank_stored", counted)
    return calls
