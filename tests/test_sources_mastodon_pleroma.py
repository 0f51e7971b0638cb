"""A Pleroma or Akkoma account imported from its backup (``outbox.json``, ``actor.json``) and
from its API (Mastodon-compatible statuses) is stored once: the API serves a status under a
flake id (``AbCdEf1``) its backup never names, so both are keyed by the status's URI
(``https://pleroma.example/objects/<id>``); a reply links its parent either way, and importing
again adds nothing (staffpulse.sources.mastodon.home_status_id). Files written by hand after
Pleroma's ActivityPub backup and its Mastodon API status entity."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.sources.mastodon import home_status_id, status_id
from staffpulse.store import open_store

runner = CliRunner()
HOME = "https://pleroma.example"
ME = f"{HOME}/users/alice"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
CONTEXT = ["https://www.w3.org/ns/activitystreams", f"{HOME}/schemas/litepub-0.1.jsonld"]
# (object id, API flake id, HTML, published, parent object id)
NOTES = [
    ("9f2c1a", "AbCdEf1", "<p>We are hiring welders in Ohio</p>", "2026-10-01T09:00:00", None),
    ("9f2c1b", "AbCdEf2", "<p>Shifts start at 7</p>", "2026-10-02T09:00:00", "9f2c1a"),
]


def write_backup(folder: Path) -> Path:
    folder.mkdir()
    items = [
        {
            "id": f"{HOME}/activities/a-{obj}",
            "type": "Create",
            "actor": ME,
            "to": [PUBLIC],
            "cc": [f"{ME}/followers"],
            "published": f"{when}.000000Z",
            "object": {
                "id": f"{HOME}/objects/{obj}",
                "type": "Note",
                "attributedTo": ME,
                "content": html,
                "published": f"{when}.000000Z",
                "to": [PUBLIC],
                "cc": [f"{ME}/followers"],
                "context": f"{HOME}/contexts/c1",
                "inReplyTo": f"{HOME}/objects/{parent}" if parent else None,
                "tag": [],
            },
        }
        for obj, _flake, html, when, parent in NOTES
    ]
    outbox = {
        "@context": CONTEXT,
        "id": "outbox.json",
        "type": "OrderedCollection",
        "orderedItems": items,
    }
    actor = {
        "@context": CONTEXT,
        "id": ME,
        "type": "Person",
        "preferredUsername": "alice",
        "name": "Alice",
        "summary": "Recruiter",
        "url": ME,
        "outbox": "outbox.json",
    }
    (folder / "outbox.json").write_text(json.dumps(outbox), encoding="utf-8")
    (folder / "actor.json").write_text(json.dumps(actor), encoding="utf-8")
    return folder


def api_status(obj: str, flake: str, html: str, when: str, parent: str | None) -> dict[str, Any]:
    return {
        "id": flake,
        "uri": f"{HOME}/objects/{obj}",
        "url": f"{HOME}/notice/{flake}",
        "created_at": f"{when}.000Z",
        "in_reply_to_id": "AbCdEf1" if parent else None,
        "in_reply_to_account_id": "9zAlice" if parent else None,
        "content": html,
        "reblog": None,
        "favourites_count": 2,
        "mentions": [],
        "tags": [],
        "account": {"id": "9zAlice", "username": "alice", "acct": "alice", "url": ME},
        "pleroma": {"local": True},
    }


def write_api(path: Path) -> Path:
    path.write_text(json.dumps([api_status(*note) for note in NOTES]), encoding="utf-8")
    return path


def import_json(db: Path, path: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["import", str(path), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.stdout)
    return found


@pytest.mark.parametrize("backup_first", [True, False])
def test_backup_and_api_store_each_status_once(tmp_path: Path, backup_first: bool) -> None:
    db = tmp_path / "s.db"
    backup, api = write_backup(tmp_path / "backup"), write_api(tmp_path / "statuses.json")
    first, second = (backup, api) if backup_first else (api, backup)
    assert import_json(db, first)["new"]["posts"] == 2
    assert import_json(db, second)["new"] == {"accounts": 0, "posts": 0, "follows": 0}
    assert import_json(db, first)["new"]["posts"] == 0
    with open_store(db) as store:
        rows = store.conn.execute("SELECT id, reply_to_post_id FROM posts ORDER BY id").fetchall()
    assert [tuple(row) for row in rows] == [
        ("pleroma.example:9f2c1a", None),
        ("pleroma.example:9f2c1b", "pleroma.example:9f2c1a"),  # the reply finds its parent
    ]


def test_the_home_id_is_read_from_each_servers_uri_shape() -> None:
    assert home_status_id(f"{HOME}/objects/9f2c1a") == "pleroma.example:9f2c1a"
    assert home_status_id("https://misskey.example/notes/9abcd") == "misskey.example:9abcd"
    assert home_status_id("https://gts.example/users/bo/statuses/01HXYZ") == "gts.example:01HXYZ"
    assert home_status_id("https://bridge.example/convert/ap/123") is None
    # a reblog's uri may be the boosted status's own (Pleroma's): it keeps its serving id
    boost = {"id": "B1", "uri": f"{HOME}/objects/9f2c1a", "reblog": api_status(*NOTES[0])}
    assert status_id(boost, "pleroma.example") == "pleroma.example:B1"


def test_an_outbox_given_without_its_actor_names_the_owner_as_the_api_does(
    tmp_path: Path,
) -> None:
    # Pleroma's API gives the account its actor address (https://home/users/alice); the
    # owner named from the activities was Mastodon's https://home/@alice, another account,
    # and the API's posts were refused as another account's
    db = tmp_path / "s.db"
    outbox = write_backup(tmp_path / "backup") / "outbox.json"
    assert import_json(db, outbox)["new"]["posts"] == 2
    assert import_json(db, write_api(tmp_path / "statuses.json"))["new"]["posts"] == 0
    with open_store(db) as store:
        authors = store.conn.execute("SELECT DISTINCT author_id FROM posts").fetchall()
        accounts = store.conn.execute("SELECT id FROM accounts").fetchall()
    assert [tuple(row) for row in authors] == [(ME,)]
    assert [tuple(row) for row in accounts] == [(ME,)]
