"""The account pickers: a firm's name typed where its handle goes finds its one account, case
and spacing aside, but a name two accounts share finds neither rather than a guess; the
suggestions write each account as the picker reads it back."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from staffpulse.models import Account
from staffpulse.web.pickers import account_choices, account_ref, named_account


def _backend(*accounts: Account) -> Any:
    summaries = [SimpleNamespace(account=a) for a in accounts]
    return SimpleNamespace(with_posts=lambda: summaries)


MIA = Account(platform="x", id="1", handle="mia_recruits", display_name="Mia  Castellano")
ACME_X = Account(platform="x", id="2", handle="acme", display_name="Acme Staffing")
ACME_BSKY = Account(platform="bluesky", id="did:plc:a", handle="acme.bsky.social",
                    display_name="Acme Staffing")  # fmt: skip


def test_a_display_name_typed_finds_its_one_account_case_and_spacing_aside() -> None:
    backend = _backend(MIA, ACME_X)
    assert named_account(backend, "  mia CASTELLANO ") == MIA


def test_a_name_two_accounts_share_or_no_name_finds_none() -> None:
    backend = _backend(MIA, ACME_X, ACME_BSKY)
    assert named_account(backend, "Acme Staffing") is None
    assert named_account(backend, "   ") is None
    assert named_account(backend, "Nobody Here") is None


def test_suggestions_write_the_handle_and_platform_the_picker_reads() -> None:
    assert account_ref(ACME_BSKY) == "@acme.bsky.social (bluesky)"
    assert account_choices(_backend(MIA, ACME_X)) == [MIA, ACME_X]
