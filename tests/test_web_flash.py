"""Messages carried across a form's redirect: a page shows only a message the server kept
under the key its address names, and a reload shows it again until 200 newer ones pushed it
out."""

from __future__ import annotations

from staffpulse.web.flash import KEEP, Flash, Flashes, with_flash


def test_a_message_is_shown_again_on_reload_and_an_unknown_key_shows_none() -> None:
    flashes = Flashes()
    refused = Flash("error", "Cohort file refused", "line 3: no handle", hint="add a handle")
    key = flashes.add(refused)
    assert flashes.get(key) == refused
    assert flashes.get(key) == refused  # a reload, or Back
    assert flashes.get("made-up-by-a-link") is None
    assert flashes.get(None) is None and flashes.get("") is None


def test_only_the_latest_messages_are_kept() -> None:
    flashes = Flashes()
    first = flashes.add(Flash("ok", "first"))
    keys = [flashes.add(Flash("ok", f"n{n}")) for n in range(KEEP)]
    assert flashes.get(first) is None
    assert flashes.get(keys[0]) == Flash("ok", "n0")
    assert len(set(keys)) == KEEP  # every message its own key


def test_the_key_joins_the_query_the_address_already_has() -> None:
    assert with_flash("/import", "abc") == "/import?flash=abc"
    assert with_flash("/inbox?as=acme", "abc") == "/inbox?as=acme&flash=abc"
