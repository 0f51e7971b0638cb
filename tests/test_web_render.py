"""The dashboard's template environment (staffpulse.web.render): a count is shown with
thousands separators only where a template asks for it (``|number``), so a number a form sends
back stays one a browser can send; in the tests a misspelt variable fails the page; and the
dashboard's audit and benchmark pages are styled by the very stylesheet the HTML reports carry."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from jinja2 import UndefinedError

from audit_helpers import FakeScorer, FeedBuilder, store_with
from staffpulse.benchmark import run_benchmark
from staffpulse.report.html import render_benchmark_html
from staffpulse.web.render import STRICT_TEMPLATES_ENV, build_environment
from web_helpers import make_client


def test_a_form_value_of_1000_or_more_stays_a_number_the_browser_can_send() -> None:
    template = build_environment().from_string(
        '<input name="days" value="{{ days }}"> {{ posts|number }} posts, {{ n|plural("post") }}'
    )
    html = template.render(days=1365, posts=1986, n=12345)
    assert 'value="1365"' in html
    assert "1,986 posts, 12,345 posts" in html


def test_a_misspelt_variable_fails_in_strict_mode_and_is_empty_otherwise() -> None:
    source = "Hello {{ acount }}!"
    with pytest.raises(UndefinedError, match="'acount' is undefined"):
        build_environment(strict=True).from_string(source).render(account="acme")
    assert build_environment(strict=False).from_string(source).render(account="acme") == "Hello !"


def test_the_test_suite_renders_strictly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STRICT_TEMPLATES_ENV, "1")
    with pytest.raises(UndefinedError):
        build_environment().from_string("{% if missing %}x{% endif %}").render()
    monkeypatch.delenv(STRICT_TEMPLATES_ENV)
    assert build_environment().from_string("{% if missing %}x{% endif %}").render() == ""


def test_the_dashboard_serves_the_reports_own_stylesheet_which_each_report_carries_inline(
    tmp_path: Path,
) -> None:
    css = (
        resources.files("staffpulse.report")
        .joinpath("templates/report.css")
        .read_text(encoding="utf-8")
    )
    assert ".summary" in css and ".leaderboard" in css  # the real stylesheet, not a stub
    with make_client(tmp_path / "store.db") as client:
        served = client.get("/assets/report.css")
    assert served.status_code == 200 and served.headers["content-type"].startswith("text/css")
    assert served.text == css
    # a standalone report stays one self-contained file: the same rules inline, untouched by
    # the template engine (a "{#" or "{{" in the CSS would show here as a difference)
    feed = FeedBuilder("acme")
    feed.job(3)
    bench = run_benchmark(store_with(tmp_path, feed), scorer=FakeScorer())  # type: ignore[arg-type]
    html = render_benchmark_html(bench)
    inline = re.findall(r"<style>\n(.*?)</style>", html, flags=re.S)
    assert [block.strip() for block in inline] == [css.strip()]


def test_a_cards_unscored_pillar_gives_the_benchmark_reports_reason() -> None:
    # the home page's cards said "nothing to judge" of a firm posting only in Spanish, where
    # the benchmark report names posts not in English: both now read the same words
    from staffpulse.audit.types import PILLAR_NOT_SCORED

    template = build_environment(strict=True).from_string(
        '{% from "_macros.html" import pillar_bars %}{{ pillar_bars(row, pillars) }}'
    )
    row = {"face": 80, "mix": None, "voice": None, "conversation": 40}
    pillars = [("face", "Face"), ("mix", "Mix"), ("voice", "Voice"), ("conversation", "Talk")]
    html = template.render(row=row, pillars=pillars)
    assert "nothing to judge" not in html
    assert f'title="not scored: {PILLAR_NOT_SCORED["mix"]}">n/a' in html
    assert "too few in English to read" in html
    assert html.count(">n/a<") == 2


def test_an_accounts_card_shows_a_letter_of_its_name_for_a_picture(tmp_path: Path) -> None:
    """A display name typed as markup showed "<" as the card's letter (the name itself is
    shown as text); a name with no letter at all takes the handle's."""
    from web_helpers import finished_job, native_jsonl, upload_files

    accounts = [("x", "markupfirm", 1), ("x", "emojifirm", 1)]
    data = native_jsonl(accounts, display="{handle}")
    data = data.replace(b'"display_name": "markupfirm"', b'"display_name": "<b>x</b>&\\"\'"')
    data = data.replace(b'"display_name": "emojifirm"', b'"display_name": "\\u2728\\u2728"')
    with make_client(tmp_path / "cards.db") as client:
        finished_job(client, upload_files(client, [("firms.jsonl", data)]))
        page = client.get("/").text
    letters = re.findall(r'<div class="avatar" aria-hidden="true">([^<]*)</div>', page)
    assert sorted(letters) == ["B", "E"]  # "b" of "<b>", shown as typed
    assert "&lt;b&gt;x&lt;/b&gt;&amp;" in page and "<b>x</b>" not in page


def test_advice_that_says_see_supported_formats_links_that_page() -> None:
    """An audit's step to import a picture said (see “Supported formats”): a page no menu
    names, so the reader was left to find it."""
    from staffpulse.web.render import linked_places

    step = "import the picture itself <as a file> (see “Supported formats”)."
    shown = str(linked_places(step, "x", "acme"))
    assert '(see “<a href="/help/formats">Supported formats</a>”)' in shown
    assert "&lt;as a file&gt;" in shown  # the rest stays text
