"""The import tally: each account and post of an import counted once, and the notice for the
records one file declares on more than one line (which line's values won)."""

from __future__ import annotations

from staffpulse.store import Store
from staffpulse.store.tally import Key, Tally, repeats_note


def _account(handle: str, account_id: str | None = None, declared: bool = True) -> Key:
    return ("account", "x", account_id or handle, "", handle, declared)


def _post(post_id: str, declared: bool = True) -> Key:
    return ("post", "x", post_id, "", post_id, declared)


def test_the_same_account_in_two_batches_counts_once(store: Store) -> None:
    tally = Tally(store.conn)
    tally.start_file()
    assert tally.add([_account("acme"), _post("1")]) == {"account": 1, "post": 1}
    assert tally.add([_account("acme"), _post("2")]) == {"account": 0, "post": 1}
    assert (tally.count_written("account"), tally.count_written("post")) == (1, 2)


def test_a_new_tally_forgets_the_last_import(store: Store) -> None:
    first = Tally(store.conn)
    first.start_file()
    first.add([_account("acme")])
    second = Tally(store.conn)
    assert second.count_written("account") == 0


def test_an_author_first_known_by_handle_then_by_id_counts_once(store: Store) -> None:
    """A post names its author by handle before the file's account line gives the id: the
    store moves the bare account to the id, and the summary says one account, not two."""
    tally = Tally(store.conn)
    tally.start_file()
    tally.add([_account("acme", "acme", declared=False)])
    tally.add([_account("acme", "9001")])
    tally.follow_moves([("x", "acme", "9001")])
    assert tally.count_written("account") == 1
    assert tally.written("account", [("x", "9001"), ("x", "acme")]) == {("x", "9001")}


def test_repeats_in_one_file_are_told_accounts_first_naming_the_most_repeated(
    store: Store,
) -> None:
    tally = Tally(store.conn)
    tally.start_file()
    tally.add([_post("7"), _account("acme"), _account("acme"), _account("beta")])
    tally.add([_post("7"), _account("acme"), _account("beta")])
    note = repeats_note(tally.repeats())
    assert note is not None
    assert note.startswith(
        "2 accounts are declared on more than one line (5 lines; @acme on 3) and "
        "post 7 is declared on 2 lines: each was imported once"
    )


def test_a_record_in_two_files_or_repeated_by_an_api_page_is_no_repeat(store: Store) -> None:
    tally = Tally(store.conn)
    tally.start_file()
    tally.add([_account("acme"), _account("beta", declared=False)])
    tally.start_file()
    tally.add(
        [_account("acme"), _account("beta", declared=False), _account("beta", declared=False)]
    )
    assert tally.repeats() == []
    assert repeats_note([]) is None
