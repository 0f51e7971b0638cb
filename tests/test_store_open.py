"""Opening the store: a --db that cannot be one (a folder, a path under a file, a file that
is not SQLite) is said as what it is, with what to give instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.errors import StoreError
from staffpulse.store import Store, open_store


def test_unopenable_store_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(blocker / "sub" / "s.db")


def test_non_sqlite_file_is_a_store_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as raised:
        open_store(bogus)
    # said as what it is for a staffpulse user, not SQLite's "file is not a database"
    assert raised.value.message.endswith("it is not a staffpulse store (not an SQLite file)")
    assert raised.value.hint is not None and "give a new file name" in raised.value.hint


def test_a_folder_given_as_the_store_is_told_as_a_folder(tmp_path: Path) -> None:
    # `--db results/` (a folder): sqlite said only "unable to open database file"
    with pytest.raises(StoreError) as caught:
        open_store(tmp_path)
    assert caught.value.message.endswith("it is a folder, not a store file")
    assert caught.value.hint == f"give --db a file, e.g. --db {tmp_path / 'staffpulse.db'}"


def test_a_folder_with_a_space_given_as_the_store_is_quoted_in_the_hint(tmp_path: Path) -> None:
    # the hint's path as printed, unquoted, gave the command two arguments
    folder = tmp_path / "my stores"
    folder.mkdir()
    with pytest.raises(StoreError) as caught:
        open_store(folder)
    assert caught.value.hint == f"give --db a file, e.g. --db '{folder / 'staffpulse.db'}'"


def test_a_store_path_under_a_file_is_told_as_such(tmp_path: Path) -> None:
    # `--db notes.txt/x.db`: making its folder said only "[Errno 17] File exists"
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        open_store(tmp_path / "notes.txt" / "sub" / "x.db")
    message = caught.value.message
    assert message.endswith(f"{tmp_path / 'notes.txt'} is a file, not a folder")
    assert caught.value.hint == f"give --db a path in a folder, e.g. --db {tmp_path / 'x.db'}"
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_named_store_two_folders_deep_in_missing_ones_is_not_made(tmp_path: Path) -> None:
    # `import --db clinets/acme/s.db`: both folders were made silently, the store kept where
    # no later command looked
    typo = tmp_path / "clinets" / "acme" / "s.db"
    with pytest.raises(StoreError) as raised:
        open_store(typo)
    assert raised.value.message == (
        f"cannot make the store at {typo}: the folder {tmp_path / 'clinets'} does not exist"
    )
    assert raised.value.hint is not None
    assert raised.value.hint.startswith("check the folder names in --db (or STAFFPULSE_DB)")
    assert f"(mkdir -p {typo.parent})" in raised.value.hint
    assert not (tmp_path / "clinets").exists()
    with open_store(tmp_path / "clients" / "s.db") as store:  # its own folder alone is made
        assert store.holds_no_data()


def test_a_store_named_with_a_tilde_no_shell_expanded_is_made_in_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --db=~/clients.db reaches staffpulse unexpanded: it said "unable to open database file"
    monkeypatch.setenv("HOME", str(tmp_path))
    with open_store("~/clients.db") as store:
        assert store.holds_no_data()
    assert (tmp_path / "clients.db").is_file()
    with open_store("~/clients.db", create=False) as store:  # and is found again
        assert store.holds_no_data()


def test_the_default_store_handed_on_by_a_caller_gets_its_folders_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: serve hands the default store on by its path, which was then refused on a fresh
    home without ~/.local ("check the folder names in --db", a --db never given)."""
    from staffpulse.config import default_db_path

    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path / "fresh" / ".local" / "share" / "sp"))
    with open_store(default_db_path()) as store:
        assert store.holds_no_data()
    assert default_db_path().exists()
    # the same path named through STAFFPULSE_DB is the user's own: its folders are checked
    monkeypatch.setenv("STAFFPULSE_DB", str(tmp_path / "typo" / "deep" / "s.db"))
    with pytest.raises(StoreError, match=r"the folder .*typo does not exist"):
        open_store(default_db_path())
