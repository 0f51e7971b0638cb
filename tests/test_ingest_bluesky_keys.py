"""A repo.car (its account named by a DID alone) imported beside a sheet whose bsky.app links name
the same account by its handle (staffpulse.ingest_bluesky_keys): the posts' keys and texts tie
the two, so the account and its posts are stored once, whichever file comes first."""

from __future__ import annotations

from pathlib import Path

import pytest

from car_helpers import DID, small_car
from staffpulse.ingest import import_paths
from staffpulse.store import open_store

HANDLE = "quaycrew.bsky.social"
POST = "app.bsky.feed.post"
TEXTS = {
    "3kaaaaaaaaa22": "Dock shifts open for March",
    "3kaaaaaaaab22": "Thanks to our night crew",
    "3kaaaaaaaac22": "Open day on Friday at the yard",
}


def _files(tmp_path: Path, sheet_texts: dict[str, str]) -> tuple[Path, Path]:
    records = {"app.bsky.actor.profile/self": {"$type": "app.bsky.actor.profile"}}
    for rkey, text in TEXTS.items():
        records[f"{POST}/{rkey}"] = {
            "$type": POST,
            "text": text,
            "createdAt": "2024-03-01T10:00:00Z",
        }
    car = tmp_path / "repo.car"
    car.write_bytes(small_car(DID, records))
    sheet = tmp_path / "sheet.csv"
    rows = "".join(
        f"{HANDLE},{text},https://bsky.app/profile/{HANDLE}/post/{rkey}\n"
        for rkey, text in sheet_texts.items()
    )
    sheet.write_text("author,text,Post URL\n" + rows, encoding="utf-8")
    return car, sheet


def _stored(store: object) -> tuple[list[tuple[str, str]], list[str]]:
    conn = store.conn  # type: ignore[attr-defined]
    accounts = conn.execute("SELECT id, handle FROM accounts ORDER BY id").fetchall()
    posts = conn.execute("SELECT author_id FROM posts ORDER BY id").fetchall()
    return [tuple(a) for a in accounts], [p[0] for p in posts]


@pytest.mark.parametrize("car_first", [False, True])
def test_a_car_and_a_sheet_of_one_account_keep_one_copy(tmp_path: Path, car_first: bool) -> None:
    car, sheet = _files(tmp_path, dict(list(TEXTS.items())[:2]))
    with open_store(tmp_path / "s.db") as store:
        reports = [import_paths(store, [p]) for p in ((car, sheet) if car_first else (sheet, car))]
        again = import_paths(store, [sheet])
        accounts, authors = _stored(store)
    assert accounts == [(DID, HANDLE)]
    assert authors == [DID, DID, DID]
    assert again.new_posts == 0 and again.problems == []
    notes = [n.message for n in reports[1].notices]
    assert any(f"{DID} is @{HANDLE} (posts named by each have the same keys" in n for n in notes)
    assert reports[1].problems == []


def test_the_same_key_with_another_text_is_not_taken_for_the_account(tmp_path: Path) -> None:
    car, sheet = _files(tmp_path, {"3kaaaaaaaaa22": "Our quiz night is back"})
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [sheet])
        import_paths(store, [car])
        accounts, _authors = _stored(store)
    assert accounts == [(DID, DID), (HANDLE, HANDLE)]
