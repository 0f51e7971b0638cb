"""A store filled only by ``listen bluesky --from FILE`` (posts, no account: a recording of
posts carries no profile), in real headless Chromium (Debian's, never a downloaded one): the
Inbox lists its conversations, and the pages that grade accounts say what the store holds and
send the user to the Inbox, instead of "Import data first" as if listening had kept nothing."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from staffpulse.listen.jetstream_file import replay_file  # noqa: E402
from staffpulse.listen.relevance import RelevanceFilter  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import LiveServer, make_settings  # noqa: E402

pytestmark = NEEDS_CHROMIUM
NOW = datetime.now(UTC).replace(microsecond=0)
# our own questions on work, each with a word of the built-in keyword list the filter keeps
TEXTS = (
    "Recruiters, how long should I wait after an interview before I follow up?",
    "Is it normal for a staffing agency to ask for my references before any interview?",
    "My resume has a two year gap for caring for my dad. How do I explain it to a recruiter?",
    "Anyone hiring night shift nurses near Dayton? Looking since my clinic closed.",
)


def _recording(path: Path) -> Path:
    """Jetstream create events of four posts by four authors, and no identity event."""
    lines = []
    for i, text in enumerate(TEXTS):
        at = NOW - timedelta(hours=6 - i)
        lines.append(
            {
                "did": f"did:plc:handwritten{i:04d}",
                "time_us": int(at.timestamp() * 1_000_000),
                "kind": "commit",
                "commit": {
                    "rev": f"3lrev{i:06d}",
                    "operation": "create",
                    "collection": "app.bsky.feed.post",
                    "rkey": f"3kpost{i:06d}",
                    "record": {
                        "$type": "app.bsky.feed.post",
                        "text": text,
                        "createdAt": at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                        "langs": ["en"],
                    },
                    "cid": f"bafyhand{i:04d}",
                },
            }
        )
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    folder = tmp_path_factory.mktemp("posts-only")
    db = folder / "listened.db"
    with open_store(db) as store:  # as `staffpulse listen bluesky --from FILE` fills it
        replay = replay_file(store, RelevanceFilter(), _recording(folder / "stream.jsonl"))
        assert replay.stats.kept == len(TEXTS)
        assert store.stats()["accounts"] == {}
    from staffpulse.web import create_app

    with LiveServer(create_app(make_settings(db, allowed_hosts=[]))) as live:
        yield live.url


@pytest.mark.parametrize(
    ("page", "heading", "what"),
    [
        ("/", "No account to grade yet", "your accounts and their grades"),
        ("/benchmark", "No account to rank yet", "the cohort benchmark"),
        ("/connect", "No account to suggest follows for yet", "account suggestions"),
        # the audit asks as the Accounts page does (it asked for accounts alone, not posts)
        ("/audit/bluesky/did:plc:handwritten0001", "No account to grade yet", "an account’s audit"),
    ],
)
def test_a_grading_page_says_what_the_store_holds_and_opens_the_inbox(
    site: str, page: str, heading: str, what: str
) -> None:
    with opened_page(site + page, 1280, 900) as tab:
        assert tab.locator("h1").inner_text() == heading
        holds = tab.locator(".holds").inner_text()
        assert holds.startswith("This store holds 4 Bluesky posts, but no profile of an account")
        assert f"to see {what}, staffpulse needs" in holds
        assert "Import data first" not in tab.content()
        tab.get_by_role("link", name="Open the Inbox").click()
        tab.wait_for_load_state("load")
        assert tab.url.endswith("/inbox")
        assert tab.locator("article.conv").count() >= 1


def test_the_inbox_lists_the_listened_conversations(site: str) -> None:
    with opened_page(site + "/inbox?max_age=0", 1280, 900) as tab:
        shown = tab.locator("article.conv").all_inner_texts()
    assert shown, "the inbox of a store of listened posts is empty"
    assert any("follow up" in card for card in shown)
