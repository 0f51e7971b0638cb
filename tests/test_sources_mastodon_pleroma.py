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


BOB = "https://other.example/users/bob"
BOOSTED = "https://other.example/objects/77aa"


def write_boost_backup(folder: Path) -> Path:
    """A backup holding one boost: Pleroma's ``Announce`` lives at ``/activities/<uuid>``."""
    write_backup(folder)
    outbox = json.loads((folder / "outbox.json").read_text(encoding="utf-8"))
    outbox["orderedItems"] = [
        {
            "id": f"{HOME}/activities/5e1d0c2a-uuid",
            "type": "Announce",
            "actor": ME,
            "object": BOOSTED,
            "to": [f"{ME}/followers", BOB],
            "cc": [PUBLIC],
            "published": "2026-10-03T08:00:00.000000Z",
        }
    ]
    (folder / "outbox.json").write_text(json.dumps(outbox), encoding="utf-8")
    return folder


def write_boost_api(path: Path) -> Path:
    """The same boost from Pleroma's API: a flake id, and the boosted status's ``uri``."""
    boosted = {
        "id": "AbBob1",
        "uri": BOOSTED,
        "url": BOOSTED,
        "created_at": "2026-10-01T08:00:00.000Z",
        "content": "<p>Hiring nurses</p>",
        "reblog": None,
        "mentions": [],
        "tags": [],
        "account": {"id": "9zBob", "username": "bob", "acct": "bob@other.example", "url": BOB},
    }
    wrapper = {
        **api_status("x", "AbBoost1", "", "2026-10-03T08:00:00", None),
        "uri": BOOSTED,
        "url": BOOSTED,
        "reblog": boosted,
    }
    path.write_text(json.dumps([wrapper]), encoding="utf-8")
    return path


def stored_boosts(db: Path) -> list[tuple[str, str, str]]:
    with open_store(db) as store:
        rows = store.conn.execute(
            "SELECT id, author_id, reposted_post_id FROM posts WHERE kind = 'repost'"
        ).fetchall()
    return [tuple(row) for row in rows]


@pytest.mark.parametrize("backup_first", [True, False])
def test_a_boost_in_the_backup_and_the_api_is_stored_once(
    tmp_path: Path, backup_first: bool
) -> None:
    # the backup's Announce (/activities/<uuid>) and the API's reblog (flake id) share no id:
    # the boost was stored twice
    db = tmp_path / "s.db"
    backup = write_boost_backup(tmp_path / "backup")
    api = write_boost_api(tmp_path / "statuses.json")
    first, second = (backup, api) if backup_first else (api, backup)
    import_json(db, first)
    assert import_json(db, second)["new"]["posts"] == (1 if backup_first else 0)  # + the boosted
    assert import_json(db, first)["new"]["posts"] == 0
    assert stored_boosts(db) == [
        ("other.example:77aa#boost-by-alice@pleroma.example", ME, "other.example:77aa")
    ]


@pytest.mark.parametrize(
    ("write", "former"),
    [
        (lambda tmp: write_boost_api(tmp / "statuses.json"), "pleroma.example:AbBoost1"),
        (lambda tmp: write_boost_backup(tmp / "backup"), "pleroma.example:5e1d0c2a-uuid"),
    ],
)
def test_a_boost_stored_by_an_earlier_version_is_replaced_not_doubled(
    tmp_path: Path, write: Any, former: str
) -> None:
    db = tmp_path / "s.db"
    source = write(tmp_path)
    import_json(db, source)
    with open_store(db) as store, store.transaction():  # the id it was stored under before
        store.conn.execute("UPDATE posts SET id = ? WHERE kind = 'repost'", (former,))
    assert import_json(db, source)["new"]["posts"] == 0
    assert [row[0] for row in stored_boosts(db)] == [
        "other.example:77aa#boost-by-alice@pleroma.example"
    ]


def test_an_outbox_of_boosts_alone_names_the_owner_as_the_api_does(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    import_json(db, write_boost_backup(tmp_path / "backup") / "outbox.json")
    import_json(db, write_boost_api(tmp_path / "statuses.json"))
    assert [row[1] for row in stored_boosts(db)] == [ME]
