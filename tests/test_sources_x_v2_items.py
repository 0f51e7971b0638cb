"""The labelled items of an X API v2 page, and how a skipped one is named."""

from __future__ import annotations

import pytest

from staffpulse.sources.x_v2_items import fail_item, labelled_objects


def test_items_are_labelled_where_they_sit_and_others_reported() -> None:
    errors: list[str] = []
    found = labelled_objects("includes.users", [{"id": "1"}, 5], errors)
    assert [label for label, _ in found] == ["includes.users[0]"]
    assert errors == ["includes.users[1]: not a JSON object"]


def test_a_skipped_item_is_named_with_its_id_or_raises_when_strict() -> None:
    errors: list[str] = []
    fail_item(errors, "data[3]", {"id": "12", "text": "hi"}, ValueError("bad date"))
    assert errors == ["data[3] (tweet 12): bad date"]
    with pytest.raises(ValueError, match=r"data\[0\] \(user 7\): no username"):
        fail_item(None, "data[0]", {"id": "7", "username": "x"}, ValueError("no username"))
