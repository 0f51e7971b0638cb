"""Reaching an account from any page: the benchmark's rows link to their audits (rough grades
too)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from markupsafe import escape

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import finished_job, make_client, native_jsonl, upload_files  # noqa: E402

ODD = 'odd"name(5)'  # brackets of its own, before the picker's " (x)"
ACCOUNTS = [
    ("x", "busyfirm", 12),
    ("x", "smallfirm", 2),
    ("x", ODD, 2),
    ("bluesky", "ada.bsky.social", 3),
    ("mastodon", "jane@hr.example", 2),
    *[("x", f"firm{i}", 1) for i in range(4)],
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("links")
    with make_client(folder / "links.db", home_limit=3) as c:  # too many to grade on home
        status = finished_job(c, upload_files(c, [("firms.jsonl", native_jsonl(ACCOUNTS))]))
        assert status["state"] == "done", status
        yield c


def test_every_leaderboard_row_links_to_its_audit_rough_grades_too(client: Any) -> None:
    page = client.get("/benchmark").text
    assert "only 2 posts: a rough grade" in page
    for platform, handle, _posts in ACCOUNTS:
        from staffpulse.web.links import audit_url

        link = f'<a href="{escape(audit_url(platform, handle))}">@{escape(handle)}</a>'
        assert page.count(link) >= 1, handle
    top = page.split("Top of the table")[1].split("</table>")[0]
    assert top.count('<a href="/audit/') == 5  # the podium links too


def test_the_report_file_has_no_dashboard_links(client: Any) -> None:
    from staffpulse.report.html import render_benchmark_html

    result = client.app.state.web.backend.benchmark()
    report = render_benchmark_html(result)
    assert "<strong>@smallfirm</strong>" in report and 'href="/audit/' not in report
