"""What a card of the Accounts page (web/routes_core.py, home) says of an account the grading
left out or one gone quiet: a card left ungraded counts the posts of its own the grading
looked for ("5 posts, 3 of its own"), one of reposts alone says it has none, and a quiet
account's card starts "Post again", as its audit and the Benchmark's "Fix first" do."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import finished_job, make_client, native_jsonl, page_words, upload_files  # noqa: E402


def _ungraded_card(page: str, handle: str) -> str:
    """The words of the card of ``handle`` on the Accounts page."""
    card = page.split(f'href="/audit/x/{handle}"', 1)[1].split("</a>", 1)[0]
    return page_words(card)


def test_a_card_left_ungraded_says_it_has_too_few_posts_of_its_own(tmp_path: Path) -> None:
    """A card without a grade said only "Open the audit to grade this account." beside its
    "30 posts" (mostly reposts): the grading had left it out for too few posts of its own,
    which the page did not say (QA s26)."""
    reposts = [
        {"type": "post", "platform": "x", "id": f"rt{n}", "author": "smallfirm", "text": "RT",
         "reposted_id": f"busyfirm-{n}", "created_at": "2026-03-02T10:00:00Z"}
        for n in range(2)
    ]  # fmt: skip
    data = native_jsonl([("x", "busyfirm", 12), ("x", "smallfirm", 3)]) + b"".join(
        b"\n" + json.dumps(repost).encode() for repost in reposts
    )
    with make_client(tmp_path / "few.db") as c:
        finished_job(c, upload_files(c, [("firms.jsonl", data)]))
        page = c.get("/").text
    assert 'class="gradebadge"' in page.split('href="/audit/x/busyfirm"', 1)[1].split("</a>")[0]
    assert "12 posts," not in _ungraded_card(page, "busyfirm")  # graded: its count alone
    small = _ungraded_card(page, "smallfirm")
    # its count of posts says how many are its own, so "fewer than 10" reads true beside it
    assert "@smallfirm · X · 5 posts, 3 of its own" in small
    assert "Not graded here: fewer than 10 posts of its own (reposts are not counted)" in small
    assert "Open the audit to grade it anyway." in small


def test_an_account_of_reposts_alone_is_said_to_have_none_of_its_own(tmp_path: Path) -> None:
    """When no account has 10 posts of its own, every account with one is graded: one left
    out then has reposts alone."""
    data = native_jsonl([("x", "onepost", 1)]) + b"\n" + json.dumps(
        {"type": "post", "platform": "x", "id": "rt1", "author": "reposter", "text": "RT",
         "reposted_id": "onepost-0", "created_at": "2026-03-02T10:00:00Z"}
    ).encode()  # fmt: skip
    with make_client(tmp_path / "reposts.db") as c:
        finished_job(c, upload_files(c, [("firms.jsonl", data)]))
        page = c.get("/").text
    card = _ungraded_card(page, "reposter")
    assert "Not graded here: it has no post of its own, only reposts." in card
    assert "1 post, none of its own" in card


def test_a_quiet_accounts_card_says_to_post_again_as_its_audit_does(tmp_path: Path) -> None:
    """An archive silent for years read "Next: Reply to others" on its card and "Post again
    first" at the top of its audit, then "Next: Post again" on its card and "Talk with more
    people" in the league table: the card, the Benchmark and the audit now all start with
    "Post again", then the same fix; an account still posting keeps its own."""
    from datetime import UTC, datetime, timedelta

    recent = datetime.now(UTC) - timedelta(days=2)
    lines = json.loads(
        "[" + native_jsonl([("x", "livefirm", 12)]).decode().replace("\n", ",") + "]"
    )
    for line in lines:  # dated this week, not in March like the quiet firm's
        if line["type"] == "post":
            line["created_at"] = recent.strftime("%Y-%m-%dT%H:%M:%SZ")
    data = native_jsonl([("x", "quietfirm", 12)]) + b"\n"
    data += "\n".join(json.dumps(line) for line in lines).encode()
    with make_client(tmp_path / "quiet.db") as c:
        finished_job(c, upload_files(c, [("firms.jsonl", data)]))
        page = c.get("/").text
        audit = page_words(c.get("/audit/x/quietfirm").text)
        bench = c.app.state.web.backend.benchmark()
    quiet = _ungraded_card(page, "quietfirm")
    assert "Next Post again (the last post was" in quiet
    assert "Do this next Activity Post again first: the last post was" in audit
    asleep = bench.row_of("quietfirm", "x")
    assert asleep is not None and asleep["top_action"].startswith("Post again (the last post")
    assert f"Next {asleep['top_action']}" in quiet  # the league table's fix, word for word
    live = bench.row_of("livefirm", "x")
    assert live is not None and live["top_action"]
    assert f"Next {live['top_action']}" in _ungraded_card(page, "livefirm")
    assert "Post again" not in _ungraded_card(page, "livefirm")
