"""A repo.car (its account named by a DID alone) imported beside a sheet whose bsky.app links name
the same account by its handle (staffpulse.ingest_bluesky_keys): the posts' keys and texts tie
the two, so the account and its posts are stored once, whichever file comes first."""

from __future__ import annotations

from pathlib import Path

import pytest

from car_helpers import DID, small_car
from staffpulse import ingest
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


OTHER = "did:plc:other7crane4yard"


def _import(store: object, *paths: Path) -> None:
    for path in paths:
        import_paths(store, [path])  # type: ignore[arg-type]


@pytest.mark.parametrize("short", ["gm", "Hello!", "\U0001f389"])
def test_another_account_sharing_a_key_and_a_short_text_is_kept_apart(
    tmp_path: Path, short: str
) -> None:
    # "gm" under one key proved the handle was the DID's: the sheet's account and its posts
    # were filed under another account's DID, the two accounts' data mixed
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "author,text,Post URL\n"
        f"{HANDLE},{short},https://bsky.app/profile/{HANDLE}/post/3kaaaaaaaaa22\n"
        f"{HANDLE},Forklift tickets renewed,https://bsky.app/profile/{HANDLE}/post/3kzzzzzzzzz22\n",
        encoding="utf-8",
    )
    car = tmp_path / "repo.car"
    text = {"$type": POST, "text": short, "createdAt": "2024-03-01T10:00:00Z"}
    car.write_bytes(small_car(OTHER, {f"{POST}/3kaaaaaaaaa22": text}))
    with open_store(tmp_path / "s.db") as store:
        _import(store, sheet, car)
        accounts, authors = _stored(store)
    assert accounts == [(OTHER, OTHER), (HANDLE, HANDLE)]
    assert set(authors) == {OTHER, HANDLE}  # each post by its own account


def test_a_key_of_the_two_with_another_text_keeps_them_apart_even_a_batch_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one key agreed, so the pair was taken though another key of the two had another text
    # each: the repo.car's post was written over the sheet's, its text lost
    monkeypatch.setattr(ingest, "BATCH_SIZE", 1)  # the disagreeing key read first, alone
    car, sheet = _files(
        tmp_path,
        {"3kaaaaaaaaa22": "Our quiz night is back", "3kaaaaaaaab22": TEXTS["3kaaaaaaaab22"]},
    )
    with open_store(tmp_path / "s.db") as store:
        _import(store, sheet, car)
        accounts, _authors = _stored(store)
        texts = {row[0] for row in store.conn.execute("SELECT text FROM posts")}
    assert accounts == [(DID, DID), (HANDLE, HANDLE)]
    assert "Our quiz night is back" in texts and TEXTS["3kaaaaaaaaa22"] in texts


def test_a_sheet_post_the_car_lacks_is_stored_once_when_the_sheet_comes_again(
    tmp_path: Path,
) -> None:
    # the sheet's post that the repo.car did not hold stayed under the handle's id, and the
    # sheet imported again wrote it a second time, under the DID's
    car, sheet = _files(tmp_path, {**TEXTS, "3kaaaaaaaad22": "Welcome to the new drivers"})
    car.write_bytes(
        small_car(
            DID,
            {
                f"{POST}/3kaaaaaaaaa22": {
                    "$type": POST,
                    "text": TEXTS["3kaaaaaaaaa22"],
                    "createdAt": "2024-03-01T10:00:00Z",
                }
            },
        )
    )
    with open_store(tmp_path / "s.db") as store:
        _import(store, sheet, car)
        again = import_paths(store, [sheet])
        accounts, authors = _stored(store)
    assert again.new_posts == 0
    assert accounts == [(DID, HANDLE)]
    assert authors == [DID, DID, DID, DID]


OLD_HANDLE = "quaycrewltd.bsky.social"


def _renamed_sheet(tmp_path: Path) -> tuple[Path, Path]:
    """The repo.car, and a sheet whose newest post links the new handle, the older the old."""
    car, sheet = _files(tmp_path, TEXTS)
    newest, *older = sorted(TEXTS, reverse=True)
    rows = [(HANDLE, newest), *((OLD_HANDLE, rkey) for rkey in older)]
    sheet.write_text(
        "author,text,Post URL\n"
        + "".join(
            f"{handle},{TEXTS[rkey]},https://bsky.app/profile/{handle}/post/{rkey}\n"
            for handle, rkey in rows
        ),
        encoding="utf-8",
    )
    return car, sheet


@pytest.mark.parametrize("post_a_batch", [False, True], ids=["one-batch", "post-a-batch"])
@pytest.mark.parametrize("car_first", [False, True])
def test_a_renamed_account_has_its_newest_handle_and_each_post_once(
    tmp_path: Path, car_first: bool, post_a_batch: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a sheet kept over a rename links the older posts by the old handle, listed last (newest
    # first): the handle learned was whichever the sheet listed last, the old name; and the
    # posts linked by the old handle stayed a second copy of the repo.car's, under a bare
    # account of the old handle: 5 posts for 3, two accounts for one. A large file's handles
    # come in several batches: one batch's old handle took the name of another's newest post
    if post_a_batch:
        monkeypatch.setattr(ingest, "BATCH_SIZE", 1)
    car, sheet = _renamed_sheet(tmp_path)
    with open_store(tmp_path / "s.db") as store:
        _import(store, *((car, sheet) if car_first else (sheet, car)))
        again = [import_paths(store, [path]) for path in (sheet, car)]
        accounts, authors = _stored(store)
    assert (DID, HANDLE) in accounts and (DID, OLD_HANDLE) not in accounts
    assert authors == [DID, DID, DID]
    assert [(report.new_posts, report.new_accounts) for report in again] == [(0, 0), (0, 0)]
    if car_first:  # the sheet's bare account of the old handle is the DID's own
        assert accounts == [(DID, HANDLE)]
