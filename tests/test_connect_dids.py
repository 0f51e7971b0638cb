"""One DID rule (staffpulse.handles.DID_RE) for what people type and what connect links to:
did:plc and did:web name Bluesky accounts; any other method is told, not taken for a handle."""

from __future__ import annotations

from dataclasses import replace

import pytest

from staffpulse.connect.explanation import Explanation
from staffpulse.connect.export import export_suggestions
from staffpulse.connect.suggestion import Suggestion
from staffpulse.handles import parse_handle

BY_ID = Suggestion(
    rank=1,
    platform="bluesky",
    account_id="did:plc:abc123xyz",
    handle="did:plc:abc123xyz",
    display_name="",
    url=None,
    role=None,
    score=100.0,
    pagerank=0.1,
    voice=None,
    conversation=None,
    via=(),
    reasons=Explanation(None, ("replied to you 1×",)),
    handle_known=False,
)


@pytest.mark.parametrize("did", ["did:plc:abc123xyz", "did:web:jobs.example.com"])
def test_a_bluesky_did_is_read_and_linked_alike(did: str) -> None:
    assert parse_handle(did) == ("bluesky", did)
    known_by_id = replace(BY_ID, account_id=did, handle=did)
    assert known_by_id.link == f"https://bsky.app/profile/{did}"
    exported = export_suggestions([known_by_id], "bluesky-handles")
    assert f"https://bsky.app/profile/{did}" in exported.text


def test_a_did_of_another_method_is_refused_with_what_bluesky_takes() -> None:
    with pytest.raises(ValueError, match=r"is not a Bluesky DID \(did:plc:\.\.\. or did:web"):
        parse_handle("did:key:z6MkhaXgBZD")
    assert replace(BY_ID, account_id="did:key:z6Mk", handle="did:key:z6Mk").link == ""
