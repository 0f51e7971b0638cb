"""The dashboard's inbox writes an opener's role as Connect and the terminal do ("HR pro",
"job board"), and says nothing for "other"."""

from __future__ import annotations

import html
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.store import open_store  # noqa: E402
from test_listen_terminal import item, make  # noqa: E402
from web_helpers import make_client  # noqa: E402


def test_roles_read_as_connect_writes_them_and_other_is_not_named(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    open_store(db).close()
    inbox = make(
        [
            item("a", role="hr_pro", author_handle="ana.example"),
            item("b", role="job_board", author_handle="jobs.example"),
            item("c", role="other", author_handle="brand.example"),
        ]
    )
    with make_client(db) as client:
        backend: Any = client.app.state.web.backend
        backend.has_posts = lambda: True  # else the page asks for an import first
        backend.inbox = lambda *args, **kw: inbox
        page = client.get("/inbox?max_age=0").text
    metas = [
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m)).split())
        for m in re.findall(r'<div class="conv-meta">(.*?)</div>', page, re.S)
    ]
    assert len(metas) == 3
    assert "@ana.example · HR pro ·" in metas[0]
    assert "@jobs.example · job board ·" in metas[1]
    assert "other" not in metas[2] and "hr pro" not in page
