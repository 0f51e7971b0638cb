"""staffpulse.near_names: the names beside one a user typed that is not there, and the
stores a mistyped ``--db`` was likely meant to be: offered by reading commands, told by
writing ones; a second store numbered or labelled on purpose is no typo."""

from __future__ import annotations

from pathlib import Path

import pytest

import staffpulse.store
from staffpulse.errors import MissingFileError
from staffpulse.near_names import find_mistyped_stores, find_near_stores
from staffpulse.store import open_store


@pytest.mark.parametrize("typed", ["lab.bd", "lab.dbb", "lab.d", "Lab.DB", "lb.db", "labb.db"])
def test_a_store_name_with_a_slip_in_its_name_or_ending_is_offered_the_store(
    tmp_path: Path, typed: str
) -> None:
    # "--db lab.bd" was told only "check the --db path", while "--db lb.db" was offered lab.db
    open_store(tmp_path / "lab.db").close()
    assert find_near_stores(tmp_path / typed) == [tmp_path / "lab.db"]


def test_a_name_of_another_ending_or_an_ending_of_no_store_offers_no_store(
    tmp_path: Path,
) -> None:
    open_store(tmp_path / "lab.db").close()
    (tmp_path / "notes.bd").write_text("not a store")
    assert find_near_stores(tmp_path / "lab.csv") == []  # a file of another kind, not a slip
    assert find_near_stores(tmp_path / "notes.db") == []  # notes.bd is there, but no store
    open_store(tmp_path / "shop.sqlite").close()
    assert find_near_stores(tmp_path / "shop.sqlit") == [tmp_path / "shop.sqlite"]


@pytest.mark.parametrize(
    "new", ["cut2.db", "cut-copy.db", "cut_old.db", "cuts.db", "cut.sqlite", "client2026.db"]
)
def test_a_second_store_numbered_or_labelled_on_purpose_is_no_typo(
    tmp_path: Path, new: str
) -> None:
    # "import --db cut2.db" beside cut.db ended telling the user to delete cut2.db
    open_store(tmp_path / "cut.db").close()
    open_store(tmp_path / "client2025.db").close()
    open_store(tmp_path / new).close()
    assert find_mistyped_stores(tmp_path / new) == []


@pytest.mark.parametrize("new", ["clinet.db", "clientt.db", "clien.db", "client.bd", "cleint.db"])
def test_a_new_store_one_slip_from_a_stored_one_is_a_likely_typo(tmp_path: Path, new: str) -> None:
    open_store(tmp_path / "client.db").close()
    open_store(tmp_path / new).close()
    assert find_mistyped_stores(tmp_path / new) == [tmp_path / "client.db"]


def test_a_reading_command_on_a_mistyped_store_is_offered_the_store_beside_it(
    tmp_path: Path,
) -> None:
    open_store(tmp_path / "client.db").close()
    with pytest.raises(MissingFileError) as refused:
        open_store(tmp_path / "clinet.db", create=False)
    assert refused.value.message == f"no store at {tmp_path / 'clinet.db'}"
    assert refused.value.hint is not None
    assert refused.value.hint.startswith(f"did you mean --db {tmp_path / 'client.db'}? Else check")
    assert not (tmp_path / "clinet.db").exists()  # no empty store left at the typo


def test_the_store_imports_nothing_from_the_sources() -> None:
    # the store sits below the sources: store names are offered from a module of their own
    store_code = Path(staffpulse.store.__file__).parent.glob("*.py")
    assert [p.name for p in store_code if "staffpulse.sources" in p.read_text()] == []
