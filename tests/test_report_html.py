"""The HTML reports as files (staffpulse.report.html): user text escaped, nothing loaded from
the web, links only to web addresses, the page's context, times in UTC; and the pages render
in a headless browser."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from audit_helpers import LOGO, FakeScorer, FeedBuilder, store_with
from browser_helpers import CHROMIUM, launch_chromium
from report_html_helpers import EVIL, two_account_results
from staffpulse.audit import audit_account
from staffpulse.report.html import (
    audit_context,
    format_when,
    render_audit_html,
    render_benchmark_html,
    write_audit_html,
    write_benchmark_html,
)


def test_post_text_is_escaped(tmp_path: Path) -> None:
    audit, bench = two_account_results(tmp_path)
    for html in (render_audit_html(audit, bench), render_benchmark_html(bench)):
        assert "<script" not in html
        assert "<b>bold</b>" not in html
    html = render_audit_html(audit)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_bio_and_name_are_escaped(tmp_path: Path) -> None:
    _, bench = two_account_results(tmp_path)
    html = render_benchmark_html(bench)
    assert "Acme &lt;Staffing&gt;" in html


def test_self_contained(tmp_path: Path) -> None:
    audit, bench = two_account_results(tmp_path)
    for html in (render_audit_html(audit, bench), render_benchmark_html(bench)):
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.split("<body>")[0])
        assert "<link" not in html and "@import" not in html
        assert not re.search(r"""<(img|script|iframe)[^>]+src=["']https?:""", html)
        assert "<svg" in html


def test_audit_report_layout(tmp_path: Path) -> None:
    audit, bench = two_account_results(tmp_path)
    html = render_audit_html(audit, bench)
    summary = html.index('id="summary"')
    assert summary < html.index("Content mix over time") < html.index('id="face"')
    assert "Do this next" in html and f">{audit.grade}<" in html
    for action in audit.top_actions:
        assert action["action"].replace("'", "&#39;").replace('"', "&#34;") in html
    assert f"Where you stand among {len(bench.audits)} accounts" in html
    assert "Changes against the audit of" in html


def test_write_files(tmp_path: Path) -> None:
    audit, bench = two_account_results(tmp_path)
    a = write_audit_html(audit, tmp_path / "out" / "audit.html", bench)
    b = write_benchmark_html(bench, tmp_path / "out" / "bench.html")
    assert a.read_text().startswith("<!doctype html>") and b.stat().st_size > 2000


@pytest.mark.browser
def test_renders_in_headless_chromium(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium")
    playwright = pytest.importorskip("playwright.sync_api")
    audit, bench = two_account_results(tmp_path)
    pages = {
        "audit": write_audit_html(audit, tmp_path / "audit.html", bench),
        "bench": write_benchmark_html(bench, tmp_path / "bench.html"),
    }
    requests: list[str] = []
    with playwright.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for name, path in pages.items():
                page.goto(path.as_uri())
                page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
                assert page.locator("#summary").is_visible()
                assert page.locator("svg").count() >= 1
                box = page.locator("#summary").bounding_box()
                assert box is not None and box["width"] > 800
                # the whole page fits the viewport's width: nothing overflows sideways
                assert page.evaluate("document.documentElement.scrollWidth") <= 1200
            page.goto(pages["audit"].as_uri())
            assert EVIL in page.locator("body").inner_text()
            assert dialogs == []
        finally:
            browser.close()
    assert all(url.startswith("file://") for url in requests)
    assert (tmp_path / "audit.png").stat().st_size > 20_000


def test_avatar_is_inlined_as_data_uri(tmp_path: Path) -> None:
    from staffpulse.report.html import avatar_data_uri

    image = tmp_path / "a.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    assert (avatar_data_uri(str(image)) or "").startswith("data:image/png;base64,")
    assert avatar_data_uri(str(tmp_path / "missing.png")) is None
    assert avatar_data_uri(None) is None


def test_audit_context_is_what_the_page_shows(tmp_path: Path) -> None:
    audit, bench = two_account_results(tmp_path)
    context = audit_context(audit, bench)
    assert context["account"] is audit.account and context["cohort_size"] == len(bench.audits)
    assert context["percentiles"] is not None and context["sample"] is False
    assert context["generated"] == format_when(audit.generated_at)
    assert audit_context(audit)["strips"] is None  # no cohort, no percentile strips


def test_the_sample_badge_is_shown_only_when_asked(tmp_path: Path) -> None:
    audit, _bench = two_account_results(tmp_path)
    badge = '<span class="badge">Sample data</span>'
    assert badge in render_audit_html(audit, sample=True)
    assert badge not in render_audit_html(audit)


def test_times_are_written_in_utc() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    moment = datetime(2026, 3, 5, 16, 5, tzinfo=timezone(timedelta(hours=2)))
    assert format_when(moment) == "5 Mar 2026, 14:05 UTC"
    assert format_when(datetime(2026, 3, 5, 14, 5)) == "5 Mar 2026, 14:05 UTC"  # naive = UTC
    assert format_when("2026-03-05T14:05:00Z") == format_when(moment.astimezone(UTC))
    assert format_when("not a time") == "not a time" and format_when(None) == ""


def test_a_handle_may_break_at_its_dots_and_stays_escaped() -> None:
    from staffpulse.report.html import breakable_handle

    assert breakable_handle("ridgewaystaffing.bsky.social") == (
        "ridgewaystaffing<wbr>.bsky<wbr>.social"
    )
    assert breakable_handle("jane@hr.example") == "jane<wbr>@hr<wbr>.example"
    assert breakable_handle("brightside_talent") == "brightside_<wbr>talent"
    assert breakable_handle("<b>.x") == "&lt;b&gt;<wbr>.x"


def test_a_post_address_becomes_a_link_only_when_it_is_a_web_address(tmp_path: Path) -> None:
    firm = FeedBuilder("acme")
    firm.job(6)
    firm.chat(6)
    firm.posts = [  # an imported file may give any address: half of them name a script
        replace(post, url="javascript:alert(1)" if i % 2 else f"https://x.example/acme/{i}")
        for i, post in enumerate(firm.posts)
    ]
    audit = audit_account(store_with(tmp_path, firm), "acme", scorer=FakeScorer(), avatar=LOGO)
    shown = {ex.url for pillar in audit.pillars.values() for ex in (*pillar.best, *pillar.worst)}
    web = {url for url in shown if url and url.startswith("https://")}
    assert "javascript:alert(1)" in shown and web  # the report shows posts of both kinds
    html = write_audit_html(audit, tmp_path / "audit.html").read_text(encoding="utf-8")
    assert "javascript:" not in html
    assert all(f'href="{url}"' in html for url in web)
