"""The dashboard's shared page addresses (``staffpulse.web.links``): every Inbox link is built
by one helper, so a notice shown once never follows the user to the next page."""

from __future__ import annotations

from staffpulse.web.links import inbox_href


def test_an_inbox_link_drops_a_notice_shown_once_and_keeps_the_rest() -> None:
    query = {"as": "@acme", "notice": "joined", "flash": "x1", "topic": "3"}
    assert inbox_href(query, ("topic",), shown="50") == "/inbox?as=%40acme&shown=50"


def test_an_inbox_link_with_nothing_left_is_the_bare_page_and_can_scroll() -> None:
    assert inbox_href({"notice": "saved"}) == "/inbox"
    assert inbox_href({"platform": "x"}, anchor="left-out") == "/inbox?platform=x#left-out"
