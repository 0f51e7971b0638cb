"""The account pickers' suggestions write each account as the picker reads it back (a firm's
name typed where its handle goes: ``test_account_names.py``, read as the CLI reads it)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from staffpulse.models import Account
from staffpulse.web.pickers import account_choices, account_ref


def _backend(*accounts: Account) -> Any:
    summaries = [SimpleNamespace(account=a) for a in accounts]
    return SimpleNamespace(with_posts=lambda: summaries)


MIA = Account(platform="x", id="1", handle="mia_recruits", display_name="Mia  Castellano")
ACME_X = Account(platform="x", id="2", handle="acme", display_name="Acme Staffing")
ACME_BSKY = Account(platform="bluesky", id="did:plc:a", handle="acme.bsky.social",
                    display_name="Acme Staffing")  # fmt: skip


def test_suggestions_write_the_handle_and_platform_the_picker_reads() -> None:
    assert account_ref(ACME_BSKY) == "@acme.bsky.social (bluesky)"
    assert account_choices(_backend(MIA, ACME_X)) == [MIA, ACME_X]
