"""The firm a store opens as (config_firm): its own saved account first, else config.toml's
``[listen] account`` only when the store holds that account, else none; saved in the store
(store_settings), so one client's firm never follows the user into another client's store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from staffpulse.config_firm import find_firm, first_told_foreign, save_store_firm, store_firm
from staffpulse.models import Account
from staffpulse.sources.base import provenance
from staffpulse.store import open_store


def _store_of(path: Path, handle: str) -> Path:
    with open_store(path) as store:
        store.upsert([Account(platform="x", id=handle, handle=handle)], provenance("t", "f"))
    return path


def test_each_store_keeps_its_own_firm_and_config_names_only_a_store_that_holds_it(
    tmp_path: Path,
) -> None:
    first = _store_of(tmp_path / "client-a.db", "northhires")
    second = _store_of(tmp_path / "client-b.db", "southstaffing")
    config = {"listen": {"account": "@northhires"}}
    with open_store(first) as store:
        assert store_firm(store, config).value == "@northhires"  # it holds it: its firm
        assert store_firm(store, config).source == "config"
        assert save_store_firm(store, "@northhires (x)")
    with open_store(second) as store:
        found = store_firm(store, config)  # another client's firm: not this store's
        assert found.value is None and found.foreign == "@northhires"
        assert first_told_foreign(store, "@northhires")
        assert not first_told_foreign(store, "@northhires")  # said once a store
        save_store_firm(store, "@southstaffing")
        assert store_firm(store, config).value == "@southstaffing"
        assert store_firm(store, config).source == "store"
    with open_store(first) as store:
        assert store_firm(store, {}).value == "@northhires (x)"  # kept in the store itself
        save_store_firm(store, None)
        assert store_firm(store, {}).value is None


def test_a_store_that_cannot_be_written_keeps_no_firm_and_says_so(tmp_path: Path) -> None:
    path = _store_of(tmp_path / "locked.db", "northhires")
    with open_store(path) as store:
        store.conn.execute("PRAGMA query_only = ON")  # as a store this user may only read
        assert not save_store_firm(store, "@northhires")
        store.conn.execute("PRAGMA query_only = OFF")
        assert store_firm(store, {}).value is None


def test_a_config_account_that_is_no_account_is_kept_for_the_inbox_to_refuse(
    tmp_path: Path,
) -> None:
    typed = "https://x.com/home"  # a page, not a profile: inbox refuses it as before
    with open_store(_store_of(tmp_path / "s.db", "northhires")) as store:
        assert store_firm(store, {"listen": {"account": typed}}).value == typed


@pytest.mark.parametrize("as_handle", [None, "@northhires"])
def test_the_firm_is_read_from_the_store_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_handle: str | None
) -> None:
    """Every inbox read the firm from config.toml twice (once to tell whether the store holds
    it, once for the inbox): on a big store each read looks through its posts."""
    import staffpulse.listen.firm as firm_module

    read: list[str | None] = []
    real = firm_module.resolve_firm

    def counted(store: Any, text: str | None) -> Any:
        read.append(text)
        return real(store, text)

    monkeypatch.setattr(firm_module, "resolve_firm", counted)
    with open_store(_store_of(tmp_path / "s.db", "northhires")) as store:
        found = find_firm(store, as_handle, {"listen": {"account": "@northhires"}})
    assert found.firm is not None and found.firm.found and found.firm.handle == "northhires"
    assert read == ["@northhires"]
    assert found.source == ("--as" if as_handle else "config")
