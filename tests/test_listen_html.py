"""The inbox as an HTML file: read by a marketer who may never run a command."""

from __future__ import annotations

from staffpulse.listen.html import render_inbox_html
from test_listen_terminal import item, make


def test_roles_read_as_connect_writes_them_and_other_is_not_named() -> None:
    page = render_inbox_html(
        make([item(role="hr_pro"), item("b", role="job_board"), item("c", role="other")])
    )
    assert "(HR pro)" in page and "(job board)" in page
    assert "(other)" not in page and "hr pro" not in page
