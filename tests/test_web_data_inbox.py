"""The dashboard's inbox state (web/data_inbox.py): a conversation is marked by the id the
inbox shows, the dismissed list shows what the inbox showed, also when the first post is not
stored, a firm's marks are that firm's, and a conversation dismissed in an earlier run (which
no cached inbox holds) comes back when reopened."""

from __future__ import annotations

import html
import re
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.listen.schema import RelevanceRow, save_relevance  # noqa: E402
from staffpulse.listen.window import DEFAULT_MAX_AGE  # noqa: E402
from staffpulse.models import Account, Post  # noqa: E402
from staffpulse.sources.base import provenance  # noqa: E402
from staffpulse.sources.bluesky import post_from_record  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import (  # noqa: E402
    csrf_token,
    make_client,
    mark_conversation,
    private_copy,
    sample_store,
)

TEXT = "@tessmarlowe How do you keep candidates warm after an offer?"


def archive_reply(tmp_path: Path) -> Path:
    """A store holding one reply whose parent ("500") is not stored, as in an X archive."""
    reply = Post(platform="x", id="501", author_id="u1", author_handle="ana", text=TEXT,
                 kind="reply", reply_to_post_id="500", reply_to_handle="tessmarlowe",
                 created_at=datetime.now(UTC) - timedelta(hours=1))  # fmt: skip
    # the dashboard shows its pages once an account is stored
    return judged_store(
        tmp_path / "archive.db", [Account(platform="x", id="u1", handle="ana"), reply], "501"
    )


def judged_store(db: Path, rows: list[Account | Post], *judged: str) -> Path:
    """A store at ``db`` holding ``rows``, its X posts ``judged`` (ids) judged about work
    already: the test needs no model."""
    with open_store(db) as store:
        store.upsert(rows, provenance("t", "f"))
        with store.transaction() as conn:
            save_relevance(conn, [RelevanceRow("x", pid, 0.9, (), "test") for pid in judged])
    return db


def test_a_conversation_without_its_first_post_is_dismissed_and_listed(tmp_path: Path) -> None:
    with make_client(archive_reply(tmp_path)) as c:
        assert "at least 1 reply" in c.get("/inbox").text
        response = c.post(
            "/inbox/state",
            data={"csrf_token": csrf_token(c, "/inbox"), "conversation_id": "500",
                  "platform": "x", "state": "dismissed", "back": "/inbox"},
        )  # fmt: skip
        assert response.status_code == 303
        section = c.get("/inbox").text.split('id="dismissed"', 1)[1]
    assert html.escape(TEXT, quote=False) in section and "@ana" in section


DID = "did:plc:q4zmlw7tkv2sodhxbcn5ruae"


def test_a_dismissed_bluesky_author_known_by_id_only_is_named_as_on_the_cards(
    tmp_path: Path,
) -> None:
    # as a Bluesky import stores a post whose writer's handle it never saw: the DID alone
    uri = f"at://{DID}/app.bsky.feed.post/3kq2wbzx7ma2c"
    record = {"text": "Which staffing podcast do you put on during a long drive?",
              "createdAt": (datetime.now(UTC) - timedelta(hours=1)).isoformat()}  # fmt: skip
    post = post_from_record(uri, record, DID)
    db = tmp_path / "bluesky.db"
    with open_store(db) as store:
        store.upsert([Account(platform="bluesky", id=DID, handle=""), post], provenance("t", "f"))
    with make_client(db) as c:
        assert mark_conversation(c, uri, "bluesky", "dismissed").status_code == 303
        section = c.get("/inbox").text.split('id="dismissed"', 1)[1]
    assert "staffing podcast" in section and "a Bluesky account" in section
    assert "@did:" not in section


def two_fresh_posts(tmp_path: Path) -> Path:
    """A store with a question to join and a job ad, both judged about work."""
    now = datetime.now(UTC) - timedelta(hours=1)
    question = Post(platform="x", id="601", author_id="u1", author_handle="ana", created_at=now,
                    text="What is the one interview question you always ask?")  # fmt: skip
    job_ad = Post(platform="x", id="602", author_id="u2", author_handle="acme", created_at=now,
                  text="Now hiring forklift operators in Dayton, apply now #hiring")  # fmt: skip
    accounts = [
        Account(platform="x", id="u1", handle="ana"),
        Account(platform="x", id="u2", handle="acme"),
    ]
    return judged_store(tmp_path / "two.db", [*accounts, question, job_ad], "601", "602")


def test_an_unknown_topic_links_only_topics_with_something_to_join(tmp_path: Path) -> None:
    with make_client(two_fresh_posts(tmp_path)) as c:
        page = html.unescape(c.get("/inbox?topic=zzzz").text)
        links = page.split('<nav class="topic-links"', 1)[1].split("</nav>", 1)[0]
        assert "Topics with conversations to join:" in links and "(1)" in links
        # a job ad is not one to join
        assert "interview" in links.lower() and "forklift" not in links.lower()
        assert "Every topic" in links  # clears the Topic field
        assert "No open conversation on the topic “zzzz”: choose one of the topics" in page
        assert "no topic matches 'zzzz'" not in page  # the links say it, not a listing note
        # a topic's link shows that topic alone, and the field then reads its label
        href, label = re.findall(r'<a href="([^"]*)">([^<]*)</a>', links)[1]  # after Every topic
        assert "topic=" in href and "zzzz" not in href
        chosen = html.unescape(c.get(href).text)
        assert "1 open" in chosen and "What is the one interview question" in chosen
        assert f'name="topic" value="{label}"' in chosen
        assert f'<option value="{label}">' in chosen  # the Topic field suggests each topic
        c.post(
            "/inbox/state",
            data={"csrf_token": csrf_token(c, "/inbox"), "conversation_id": "601",
                  "platform": "x", "state": "dismissed", "back": "/inbox"},
        )  # fmt: skip
        # the links are counted again: the dismissed conversation is not one to join
        again = html.unescape(c.get("/inbox?topic=zzzz").text)
    assert "No topic matches 'zzzz', and no topic has conversations to join now" in again
    assert 'class="topic-links"' not in again
    # the empty page points to the window, not to importing more posts
    assert "No open conversation on the topic “zzzz”, nor on any other topic" in again
    assert "staffpulse listen" not in again


def two_firms(tmp_path: Path) -> Path:
    """A question to join, and two client firms in the same store."""
    question = Post(platform="x", id="701", author_id="u1", author_handle="ana",
                    created_at=datetime.now(UTC) - timedelta(hours=1),
                    text="How do you keep candidates warm after an offer?")  # fmt: skip
    firms = [
        Account(platform="x", id="u1", handle="ana"),
        Account(platform="x", id="f1", handle="sunbeltcare"),
        Account(platform="x", id="f2", handle="apexlogi"),
    ]
    return judged_store(tmp_path / "firms.db", [*firms, question], "701")


def test_marks_from_the_page_are_the_posting_firms_only(tmp_path: Path) -> None:
    from staffpulse.listen.states import joined_conversations

    db = two_firms(tmp_path)
    with make_client(db) as c:
        page = c.get("/inbox?as=%40sunbeltcare%20(x)").text
        assert '<input type="hidden" name="as" value="sunbeltcare">' in page  # sent back
        c.get("/inbox?as=%40apexlogi%20(x)")  # Apex's inbox is cached too
        response = c.post(
            "/inbox/state",
            data={"csrf_token": csrf_token(c, "/inbox"), "conversation_id": "701",
                  "platform": "x", "state": "joined", "as": "sunbeltcare", "back": "/inbox"},
        )  # fmt: skip
        assert response.status_code == 303
        sunbelt = html.unescape(c.get("/inbox?as=%40sunbeltcare%20(x)").text)
        apex = html.unescape(c.get("/inbox?as=%40apexlogi%20(x)").text)
    assert "0 open · 1 joined" in sunbelt
    assert "1 open · 0 joined" in apex  # another client's mark: still open for Apex
    with open_store(db) as store:
        assert joined_conversations(store, "x", "f1") == 1
        assert joined_conversations(store, "x", "f2") == 0


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("data_inbox"))


@pytest.fixture
def fresh_db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store, for tests that change it."""
    return private_copy(sample_db, tmp_path)


def test_a_conversation_dismissed_in_an_earlier_run_comes_back_when_reopened(
    fresh_db: Path,
) -> None:
    with make_client(fresh_db) as first:
        item = first.app.state.web.backend.inbox(None, None, None, DEFAULT_MAX_AGE).items[0]
        mark_conversation(first, item.conversation_id, item.platform, "dismissed")
    with make_client(fresh_db) as later:  # a restart: nothing of the dismissal is in memory
        backend = later.app.state.web.backend
        assert item.conversation_id not in {
            i.conversation_id for i in backend.inbox(None, None, None, DEFAULT_MAX_AGE).items
        }
        assert item.conversation_id in later.get("/inbox").text.split('id="dismissed"', 1)[1]
        mark_conversation(later, item.conversation_id, item.platform, "open")
        reopened = backend.inbox(None, None, None, DEFAULT_MAX_AGE)
    assert item.conversation_id in {i.conversation_id for i in reopened.items}


def firm_and_a_question(tmp_path: Path) -> Path:
    """A firm that never replies, and a question by someone else to join."""
    now = datetime.now(UTC) - timedelta(hours=1)
    own = [Post(platform="x", id=f"80{i}", author_id="f1", author_handle="acme",
                created_at=now - timedelta(days=i), text=f"Our desk placed {i + 3} welders this month")
           for i in range(5)]  # fmt: skip
    question = Post(platform="x", id="601", author_id="u1", author_handle="ana", created_at=now,
                    text="What is the one interview question you always ask?")  # fmt: skip
    accounts = [
        Account(platform="x", id="u1", handle="ana"),
        Account(platform="x", id="f1", handle="acme"),
    ]
    return judged_store(tmp_path / "firm.db", [*accounts, *own, question], "601")


def test_a_conversation_marked_joined_counts_in_the_audit_at_once(tmp_path: Path) -> None:
    # the audit (page and file) kept saying "joined none" until the next import
    none_yet = "you have joined none of them yet"
    pages = ("/audit/x/acme", "/audit/x/acme/report.html")
    with make_client(firm_and_a_question(tmp_path)) as c:
        c.get("/inbox?as=acme")  # "joined none" is said only of a firm whose inbox was opened
        before = [html.unescape(c.get(page).text) for page in pages]
        marked = c.post(
            "/inbox/state",
            data={"csrf_token": csrf_token(c, "/inbox"), "conversation_id": "601",
                  "platform": "x", "state": "joined", "as": "acme", "back": "/inbox"},
        )  # fmt: skip
        assert marked.status_code == 303
        after = [html.unescape(c.get(page).text) for page in pages]
    assert all(none_yet in text for text in before)
    assert not any(none_yet in text for text in after)
