"""The dashboard's inbox in a marketer's words: an opener's role as Connect and the terminal
write it ("HR pro", "job board"), nothing for "other", and no note on what the run did."""

from __future__ import annotations

import html
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from inbox_helpers import item, make  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import make_client  # noqa: E402


def page_of(tmp_path: Path, inbox: Any) -> str:
    """The inbox page showing ``inbox``, as the backend would have ranked it."""
    db = tmp_path / "s.db"
    open_store(db).close()
    with make_client(db) as client:
        backend: Any = client.app.state.web.backend
        counted = backend.stats

        def stats_with_posts() -> dict[str, Any]:  # else the page asks for an import first
            return {**counted(), "posts": {"x": {"original": 3}}}

        backend.stats = stats_with_posts
        backend.inbox = lambda *args, **kw: inbox
        return str(client.get("/inbox?max_age=0").text)


def test_roles_read_as_connect_writes_them_and_other_is_not_named(tmp_path: Path) -> None:
    inbox = make(
        [
            item("a", role="hr_pro", author_handle="ana.example"),
            item("b", role="job_board", author_handle="jobs.example"),
            item("c", role="other", author_handle="brand.example"),
        ]
    )
    page = page_of(tmp_path, inbox)
    metas = [
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m)).split())
        for m in re.findall(r'<div class="conv-meta">(.*?)</div>', page, re.S)
    ]
    assert len(metas) == 3
    assert "@ana.example · HR pro ·" in metas[0]
    assert "@jobs.example · job board ·" in metas[1]
    assert "other" not in metas[2] and "hr pro" not in page


def test_the_page_does_not_say_what_the_run_did(tmp_path: Path) -> None:
    run = "read 2,073 stored posts for the first time, to judge what is about work"
    kept = "left out 2 job ads: not conversations to join"
    page = page_of(tmp_path, make([item()], notes=[run, kept], work_note=run))
    # a line of its own on the page: a sentence, with a capital
    assert "for the first time" not in page and "Left out 2 job ads: not conv" in page
