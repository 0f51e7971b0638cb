"""The audit page's "Where you stand" among a big cohort (web/audit_place.py): the standing in
words stays in the page, the strips load apart from ``/audit/{platform}/{handle}/strips``
(the page's own size was 2.6 MB among 1,764 accounts); a small cohort's strips are drawn in the
page. The size of a big cohort is made small here."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.web import bench_board  # noqa: E402
from web_helpers import finished_job, make_client, native_jsonl, page_words, upload_files  # noqa: E402

FIRMS = [("x", f"firm{i}", 10 + i) for i in range(6)] + [("x", "fewposts", 2)]
CIRCLE = 'aria-roledescription="circle"'


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    with make_client(tmp_path / "place.db") as c:
        finished_job(c, upload_files(c, [("firms.jsonl", native_jsonl(FIRMS))]))
        yield c


def test_a_small_cohorts_strips_are_in_the_audit_page(client: Any) -> None:
    page = client.get("/audit/x/firm2").text
    assert page.count(CIRCLE) >= 6 and "data-strips" not in page


def test_a_big_cohorts_strips_load_apart_with_the_standing_in_the_page(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench_board, "STRIPS_INLINE", 3)
    page = client.get("/audit/x/firm2").text
    words = page_words(page)
    assert "Where you stand among 6 accounts" in words and "Against the others" in words
    assert CIRCLE not in page
    assert 'data-strips="/audit/x/firm2/strips"' in page
    assert 'href="/audit/x/firm2/strips">Open the chart on its own page' in page
    # printed before they are drawn: where the chart is whole, not "scroll to it"
    assert 'it is in the HTML report (<a href="/audit/x/firm2/report.html">' in page
    strips = client.get("/audit/x/firm2/strips")
    assert strips.status_code == 200 and strips.text.count(CIRCLE) >= 6
    assert "Where @firm2 stands among 6 accounts" in strips.text
    assert 'href="/audit/x/firm2">Back to the audit of @firm2' in strips.text


def test_the_strips_of_an_account_the_cohort_leaves_out_go_back_to_its_audit(
    client: Any,
) -> None:
    answer = client.get("/audit/x/fewposts/strips")
    assert answer.status_code == 303 and answer.headers["location"] == "/audit/x/fewposts"
    assert client.get("/audit/x/nobody/strips").status_code == 404


def test_an_audits_strips_are_drawn_once_until_an_import_brings_new_data(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffpulse.web import routes_core

    monkeypatch.setattr(bench_board, "STRIPS_INLINE", 3)
    drawn: list[str] = []
    place_in_cohort = routes_core.place_in_cohort

    def counted(result: Any, benchmark: Any, **kw: Any) -> Any:
        drawn.append(result.account.handle)
        return place_in_cohort(result, benchmark, **kw)

    monkeypatch.setattr(routes_core, "place_in_cohort", counted)
    first = client.get("/audit/x/firm2/strips").text
    second = client.get("/audit/x/firm2/strips").text
    assert drawn == ["firm2"] and first == second  # the second visit reuses the chart drawn
    assert "Where @firm2 stands among 6 accounts" in second
    more = [("x", "newfirm", 12)]
    finished_job(client, upload_files(client, [("more.jsonl", native_jsonl(more))]))
    after = client.get("/audit/x/firm2/strips").text
    assert drawn == ["firm2", "firm2"]  # the import's new account is drawn among them
    assert "Where @firm2 stands among 7 accounts" in after


def test_an_audits_download_is_drawn_once_until_an_import_brings_new_data(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffpulse.web import routes_core

    drawn: list[int | None] = []
    render = routes_core.render_audit_download

    def counted(result: Any, benchmark: Any, **kw: Any) -> str:
        drawn.append(len(benchmark.leaderboard) if benchmark else None)
        return render(result, benchmark, **kw)

    monkeypatch.setattr(routes_core, "render_audit_download", counted)
    first = client.get("/audit/x/firm2/report.html")
    again = client.get("/audit/x/firm2/report.html")
    assert drawn == [6] and again.text == first.text  # the second click reuses the file
    assert again.headers["content-disposition"] == 'attachment; filename="audit-firm2.html"'
    more = [("x", "newfirm", 12)]
    finished_job(client, upload_files(client, [("more.jsonl", native_jsonl(more))]))
    after = client.get("/audit/x/firm2/report.html").text
    assert drawn == [6, 7] and "among 7 accounts" in after and "among 7 accounts" not in first.text


def test_a_download_drawn_from_data_read_before_an_import_ended_is_drawn_again(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffpulse.web import routes_core
    from staffpulse.web.app import web

    drawn: list[str] = []
    render, find_benchmark = routes_core.render_audit_download, routes_core.audit_benchmark

    def counted(result: Any, benchmark: Any, **kw: Any) -> str:
        drawn.append(result.account.handle)
        return render(result, benchmark, **kw)

    def import_ends_meanwhile(request: Any, *args: Any, **kw: Any) -> Any:
        if not drawn:  # the audit is read; an import ends while the benchmark is awaited
            web(request).backend.invalidate()
        return find_benchmark(request, *args, **kw)

    monkeypatch.setattr(routes_core, "render_audit_download", counted)
    monkeypatch.setattr(routes_core, "audit_benchmark", import_ends_meanwhile)
    client.get("/audit/x/firm2/report.html")
    client.get("/audit/x/firm2/report.html")
    client.get("/audit/x/firm2/report.html")
    # the first file held the audit of the data before the import: not kept as the new one's
    assert drawn == ["firm2", "firm2"]
