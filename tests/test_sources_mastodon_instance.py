"""Which instance served a saved Mastodon file: for one response, and over a file of them."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.models import Post
from staffpulse.sources import detect
from staffpulse.sources.mastodon_instance import instance_of, instance_of_lines
from staffpulse.store.core import Record


def _status(local_id: str, acct: str, url: str, avatar: str = "") -> dict[str, object]:
    account = {"acct": acct, "url": url, "avatar": avatar}
    return {"id": local_id, "uri": f"https://x/{local_id}", "content": "hi", "account": account}


REMOTE = _status("7", "bob@else.where", "https://else.where/@bob")
LOCAL = _status("8", "acme", "https://staffing.example/@acme")


def test_the_first_local_account_tells_the_instance() -> None:
    assert instance_of([REMOTE, LOCAL]) == "staffing.example"
    cached = _status(
        "9", "bob@else.where", "https://else.where/@bob", "https://cdn.hr.social/cache/a.png"
    )
    assert instance_of([cached]) == "hr.social"  # cdn. left out
    assert instance_of([REMOTE]) is None


def test_a_file_of_statuses_one_a_line_has_one_instance(tmp_path: Path) -> None:
    # the first line names only a remote account: its status still gets the file's instance
    path = tmp_path / "statuses.jsonl"
    path.write_text(json.dumps(REMOTE) + "\n" + "not json\n" + json.dumps(LOCAL) + "\n")
    assert instance_of_lines(path) == "staffing.example"
    items = list(detect(path).read(path))
    ids = {r.id for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)}
    assert ids == {"staffing.example:7", "staffing.example:8"}
