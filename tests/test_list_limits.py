"""``check_limit``: the one "--limit must be at least 1" rule of the inbox, connect and the
accounts list, with the hint each gives."""

from __future__ import annotations

import pytest

from staffpulse.errors import InputError
from staffpulse.list_limits import check_limit


@pytest.mark.parametrize("limit", [0, -3])
def test_a_limit_under_one_is_refused_saying_what_it_counts(limit: int) -> None:
    with pytest.raises(InputError) as caught:
        check_limit(limit, "accounts to show", 25, instead=", or --all for every one")
    assert caught.value.message == f"--limit must be at least 1 (got {limit})"
    assert (
        caught.value.hint
        == "give how many accounts to show, e.g. 25 (the default), or --all for every one"
    )
    assert caught.value.exit_code == 65


def test_one_or_more_passes() -> None:
    check_limit(1, "open conversations to show", 20)
    check_limit(500, "open conversations to show", 20)
