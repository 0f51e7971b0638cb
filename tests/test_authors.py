"""Naming an author people see: a handle gets '@', an id never passes for one."""

from __future__ import annotations

from staffpulse.authors import describe_author, describe_partner, is_anonymized
from staffpulse.sources.twcs import account_id


def test_a_handle_reads_with_one_at_sign() -> None:
    assert describe_author("ana.example", "did:plc:abc") == "@ana.example"
    assert describe_author("@acme", "123") == "@acme"


def test_an_anonymized_customer_is_named_as_such_never_as_a_handle() -> None:
    customer = account_id("105847", inbound=True)  # how the TWCS import stores a customer
    assert is_anonymized(customer)
    assert describe_author("", customer) == "anonymized customer twcs:105847"


def test_a_brand_of_the_same_dataset_is_not_anonymized() -> None:
    assert not is_anonymized(account_id("Tesco", inbound=False))
    assert not is_anonymized("") and not is_anonymized(None)


def test_an_author_known_only_by_id_or_not_at_all() -> None:
    assert describe_author("", "1357924680135792468") == "account id 1357924680135792468"
    assert describe_author(None, None) == "unknown author"


def test_an_engaged_account_is_named_like_an_author() -> None:
    assert describe_partner("acme") == "@acme"
    assert describe_partner("twcs:105855") == "anonymized customer twcs:105855"


def test_a_bluesky_did_stays_an_address() -> None:
    assert describe_author("", "did:plc:abc123") == "@did:plc:abc123"
