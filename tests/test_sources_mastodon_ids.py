"""The ids a Mastodon status is stored under (staffpulse.sources.mastodon_ids): its home
instance and id there whatever server wrote it, and a boost's own."""

from __future__ import annotations

from typing import Any

from staffpulse.models import Account
from staffpulse.sources.mastodon_ids import home_status_id, status_id, stored_post_id

HOME = "https://pleroma.example"
ALICE = Account(platform="mastodon", id=f"{HOME}/users/alice", handle="Alice@pleroma.example")


def _status(local_id: str, uri: str, **fields: Any) -> dict[str, Any]:
    return {"id": local_id, "uri": uri, "content": "", "account": {}, **fields}


def test_the_home_id_is_read_from_each_servers_uri_shape() -> None:
    assert home_status_id(f"{HOME}/objects/9f2c1a") == "pleroma.example:9f2c1a"
    assert home_status_id("https://misskey.example/notes/9abcd") == "misskey.example:9abcd"
    assert home_status_id("https://gts.example/users/bo/statuses/01HXYZ") == "gts.example:01HXYZ"
    assert home_status_id("https://bridge.example/convert/ap/123") is None


def test_a_boost_is_keyed_by_its_own_uri_or_by_what_it_boosts_and_who() -> None:
    boosted = _status("Z9", f"{HOME}/objects/9f2c1a")
    # Pleroma gives a boost the boosted status's uri: it names no id of the boost's own
    pleroma = _status("B1", f"{HOME}/objects/9f2c1a", reblog=boosted)
    assert status_id(pleroma, "pleroma.example") == "pleroma.example:B1"
    assert (
        stored_post_id(pleroma, "pleroma.example", ALICE)
        == "pleroma.example:9f2c1a#boost-by-alice@pleroma.example"
    )
    # Mastodon's is its own, .../statuses/<id>/activity, as the account's archive names it
    mastodon = _status("B2", "https://hr.social/users/jane/statuses/950/activity", reblog=boosted)
    assert stored_post_id(mastodon, "staffing.example", ALICE) == "hr.social:950"
