from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from audit_helpers import LOGO, PERSON, FakeScorer, FeedBuilder, store_with
from browser_helpers import CHROMIUM, launch_chromium
from staffpulse.audit import AuditResult, audit_account
from staffpulse.benchmark import BenchmarkResult, run_benchmark
from staffpulse.report.html import (
    audit_context,
    format_when,
    render_audit_html,
    render_benchmark_html,
    write_audit_html,
    write_benchmark_html,
)
from staffpulse.store import open_store

EVIL = "<script>alert('x')</script> & <b>bold</b>"


def _results(tmp_path: Path) -> tuple[AuditResult, BenchmarkResult]:
    firm = FeedBuilder("acme", display_name="Acme <Staffing>", bio=EVIL)
    firm.job(12)
    firm.post(EVIL + " we're hiring, apply")
    rosa = FeedBuilder(
        "rosa",
        display_name="Rosa Tamlin",
        bio="Recruiter in Tacoma; warehouse and office jobs. Ask me anything.",
    )
    rosa.post(EVIL + " honest question?")
    for i in range(6):
        rosa.post(f"My story {'abcdef'[i]}: I love this team lol")
        rosa.reply(f"peer{i}")
        rosa.mention_by(f"fan{i}", answered=i % 2 == 0)
        rosa.job(1)
    store = store_with(tmp_path, firm, rosa)
    bench = run_benchmark(store, scorer=FakeScorer())  # type: ignore[arg-type]
    audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    # new data (a follower more): the next audit has an earlier state to compare with
    store.conn.execute("UPDATE accounts SET followers = coalesce(followers, 0) + 1")
    audit = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    audit_account(store, "acme", scorer=FakeScorer(), avatar=LOGO)
    return audit, bench


def test_post_text_is_escaped(tmp_path: Path) -> None:
    audit, bench = _results(tmp_path)
    for html in (render_audit_html(audit, bench), render_benchmark_html(bench)):
        assert "<script" not in html
        assert "<b>bold</b>" not in html
    html = render_audit_html(audit)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_bio_and_name_are_escaped(tmp_path: Path) -> None:
    _, bench = _results(tmp_path)
    html = render_benchmark_html(bench)
    assert "Acme &lt;Staffing&gt;" in html


def test_self_contained(tmp_path: Path) -> None:
    audit, bench = _results(tmp_path)
    for html in (render_audit_html(audit, bench), render_benchmark_html(bench)):
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.split("<body>")[0])
        assert "<link" not in html and "@import" not in html
        assert not re.search(r"""<(img|script|iframe)[^>]+src=["']https?:""", html)
        assert "<svg" in html


def test_audit_report_layout(tmp_path: Path) -> None:
    audit, bench = _results(tmp_path)
    html = render_audit_html(audit, bench)
    summary = html.index('id="summary"')
    assert summary < html.index("Content mix over time") < html.index('id="face"')
    assert "Do this next" in html and f">{audit.grade}<" in html
    for action in audit.top_actions:
        assert action["action"].replace("'", "&#39;").replace('"', "&#34;") in html
    assert f"Where you stand among {len(bench.audits)} accounts" in html
    assert "Changes against the audit of" in html


def test_write_files(tmp_path: Path) -> None:
    audit, bench = _results(tmp_path)
    a = write_audit_html(audit, tmp_path / "out" / "audit.html", bench)
    b = write_benchmark_html(bench, tmp_path / "out" / "bench.html")
    assert a.read_text().startswith("<!doctype html>") and b.stat().st_size > 2000


@pytest.mark.browser
def test_renders_in_headless_chromium(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium")
    playwright = pytest.importorskip("playwright.sync_api")
    audit, bench = _results(tmp_path)
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


def test_leaderboard_fix_is_cut_at_a_sentence_not_an_abbreviation() -> None:
    from staffpulse.report.html import first_sentence

    advice = 'Add a person to your display name, e.g. "Rosa at Acme", so people see a human. Then.'
    assert (
        first_sentence(advice)
        == 'Add a person to your display name, e.g. "Rosa at Acme", so people see a human.'
    )
    assert first_sentence("Reply to three people in your niche each week; then post.") == (
        "Reply to three people in your niche each week."
    )


def test_counts_agree_in_number_and_have_separators() -> None:
    from staffpulse.report.counts import count_of

    assert count_of(1, "post") == "1 post"
    assert count_of(1986, "post") == "1,986 posts"
    assert count_of(2, "person", "people") == "2 people"


def test_audit_context_is_what_the_page_shows(tmp_path: Path) -> None:
    audit, bench = _results(tmp_path)
    context = audit_context(audit, bench)
    assert context["account"] is audit.account and context["cohort_size"] == len(bench.audits)
    assert context["percentiles"] is not None and context["sample"] is False
    assert context["generated"] == format_when(audit.generated_at)
    assert audit_context(audit)["strips"] is None  # no cohort, no percentile strips


def test_the_sample_badge_is_shown_only_when_asked(tmp_path: Path) -> None:
    audit, _bench = _results(tmp_path)
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


def test_a_pillar_not_scored_shows_no_score_and_no_change(tmp_path: Path) -> None:
    feed = FeedBuilder("helpdesk", display_name="Help Desk")
    feed.reply("customer", n=6)  # no original post: Mix has nothing to judge
    store = store_with(tmp_path, feed)
    audit_account(store, "helpdesk", scorer=FakeScorer(), avatar=PERSON)
    more = FeedBuilder("helpdesk", display_name="Help Desk", clock=feed.clock)
    more.reply("customer", n=2)  # new data: the next audit has an earlier state
    more.write(store)
    again = audit_account(store, "helpdesk", scorer=FakeScorer(), avatar=PERSON)
    context = audit_context(again)
    mix = next(row for row in context["rows"] if row["name"] == "mix")
    assert mix["score"] is None and mix["shown"] == "n/a" and mix["change"] is None
    text = re.sub(r"<[^>]+>", " ", render_audit_html(again))
    since = " ".join(text.split()).split("Since last audit:")[1][:80]
    assert "Face" in since and "Mix" not in since  # no empty arrow for "nothing to judge"


def test_the_footer_names_the_models_as_their_cards_do(tmp_path: Path) -> None:
    from staffpulse.report.html import models_in_words

    audit, _bench = _results(tmp_path)
    page = render_audit_html(audit)
    assert "staffpulse.signals" not in page and "TextSignals" not in page
    shipped = {
        "text": "staffpulse.signals.text.TextSignals; templates: staffpulse.signals.templating",
        "avatar": "image model (on this machine)",
    }
    assert models_in_words(shipped).startswith(
        "Models: job opening, personality, humor, work topic, templating, avatar. "
    )
    no_picture = {"text": "staffpulse.signals.text.TextSignals", "avatar": "none"}
    assert models_in_words(no_picture).startswith(
        "Models: job opening, personality, humor, work topic; the avatar model was not used: "
        "the data had no picture. "
    )


def test_the_footer_says_where_a_reader_finds_the_model_cards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA s21: the footer pointed to "docs/models", a path of the source a client who gets
    the report cannot open. It says in words where the cards are, with the project's address
    when the package declares a real one (tests/test_report_project_links.py)."""
    from staffpulse.report import html

    audit, _bench = _results(tmp_path)
    monkeypatch.setattr(html, "documentation_url", lambda: None)  # a placeholder address
    footer = render_audit_html(audit).split("<footer>")[1].split("</footer>")[0]
    assert "docs/models" not in footer and "example.invalid" not in footer
    assert "ship with staffpulse" in footer
    assert "model card in the staffpulse documentation (" in footer
    monkeypatch.setattr(html, "documentation_url", lambda: "https://staffpulse.dev/docs")
    footer = render_audit_html(audit).split("<footer>")[1]
    assert "in the staffpulse documentation at https://staffpulse.dev/docs (" in footer
    custom = html.models_in_words({"text": "acme.Scorer; templates: none", "avatar": "none"})
    assert custom == (  # a scorer of the user's own has no card of ours to point to
        "Models: a text scorer of your own (Scorer); the avatar model was not used: the data "
        "had no picture."
    )


def test_a_handle_may_break_at_its_dots_and_stays_escaped() -> None:
    from staffpulse.report.html import breakable_handle

    assert breakable_handle("ridgewaystaffing.bsky.social") == (
        "ridgewaystaffing<wbr>.bsky<wbr>.social"
    )
    assert breakable_handle("jane@hr.example") == "jane<wbr>@hr<wbr>.example"
    assert breakable_handle("brightside_talent") == "brightside_<wbr>talent"
    assert breakable_handle("<b>.x") == "&lt;b&gt;<wbr>.x"


def test_the_leaderboard_fix_sits_under_the_account_name(tmp_path: Path) -> None:
    """Ten columns did not fit a laptop's card (QA16 #7): the fix is part of the account's cell,
    which wraps, and each number cell names itself for the stacked phone layout."""
    _, bench = _results(tmp_path)
    html = render_benchmark_html(bench)
    board = html.split('<table class="leaderboard stack">')[1].split("</table>")[0]
    rows = board.split("<tbody>")[1].split("</tr>")[:-1]
    assert len(rows) == len(bench.leaderboard)
    for row, entry in zip(rows, bench.leaderboard, strict=True):
        account = row.split('<td class="account">')[1].split("</td>")[0]
        assert '<span class="fix-label">Fix first:</span>' in account
        assert f"@{entry['handle']}" in account
        assert 'data-label="Conversation"' in row and 'data-label="Job ads"' in row
    assert "Most important fix" not in board.split("</thead>")[1]  # no tenth column


def _text(html: str) -> str:
    """The page's words, tags and charts left out."""
    body = re.sub(r"<style.*?</style>|<svg.*?</svg>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).replace("&#39;", "'")


def test_do_this_next_shows_each_actions_points_and_the_total(tmp_path: Path) -> None:
    from staffpulse.report.audit_view import action_points, actions_summary

    audit, bench = _results(tmp_path)
    text = _text(render_audit_html(audit, bench))
    worth = [a for a in audit.top_actions if a["points"]]
    assert worth
    for action in worth:
        assert f"({action_points(action)})" in text  # "(+6 points)" after the action
    summary = actions_summary(audit)
    assert summary and summary.startswith("Doing all of this could take you from")
    assert summary in text


def test_the_report_warns_when_the_grade_rests_on_very_few_posts(tmp_path: Path) -> None:
    audit, bench = _results(tmp_path)
    assert "Rough grade" not in (audit.caution or "")  # 13 posts of its own: no warning
    assert "Rough grade" not in _text(render_audit_html(audit, bench))
    tiny = FeedBuilder("tinytemps", display_name="Tiny <Temps>")
    tiny.chat(2)
    tiny.job(1)
    store = store_with(tmp_path / "tiny", tiny)
    few = audit_account(store, "tinytemps", scorer=FakeScorer(), avatar=LOGO)
    html = render_audit_html(few)
    assert 'class="caution"' in html
    assert "Rough grade: only 3 posts of your own (fewer than 10)" in _text(html)
    few.caution = EVIL  # whatever it says is escaped
    assert EVIL not in render_audit_html(few) and "&lt;script&gt;" in render_audit_html(few)


def test_every_figure_says_what_it_counted_with_thousands_separators() -> None:
    from audit_helpers import audit_feed

    feed = FeedBuilder("bulk")
    for i in range(700):
        feed.post(f"My story {i}: I love this team")
    for i in range(450):
        feed.post(f"@peer{i % 9} good point {i}", kind="reply", reply_to_handle=f"peer{i % 9}")
    for i in range(200):
        feed.post(f"RT {i}", kind="repost", reposted_post_id=f"o{i}")
    text = _text(render_audit_html(audit_feed(feed)))
    assert "1,350 posts" in text  # the header
    assert "Of these, 700 original posts, 450 replies and 200 reposts." in text
    assert "\u201cposts you wrote\u201d means all but the reposts (1,150)" in text
    assert "of 1,150 posts you wrote (" in text  # Voice
    assert "of 700 original posts (" in text  # Mix, templated
    assert "450 of all 1,350 posts (33%)" in text  # replies to others
    assert "1350" not in text and "1150" not in text


def test_where_you_stand_ranks_the_benchmarks_cohort_and_says_so(tmp_path: Path) -> None:
    audit, bench = _results(tmp_path)
    # six fans with one post each are in the store: the benchmark's default cohort leaves
    # them out, and the audit's comparison is that same cohort
    assert bench.min_posts == 10 and bench.left_out == 6
    html = render_audit_html(audit, bench)
    assert "Where you stand among 2 accounts" in html
    assert (
        "Each dot is one of the 2 accounts with at least 10 posts of their own"
        " (6 with fewer left out, as in the benchmark)" in _text(html)
    )


def test_where_you_stand_names_a_cohort_file_as_such(tmp_path: Path) -> None:
    audit, _ = _results(tmp_path)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,segment\nrosa,recruiter\nacme,staffing_firm\nfan0,other\n")
    with open_store(tmp_path / "test.db") as store:
        bench = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    text = _text(render_audit_html(audit, bench))
    assert "Each dot is one of the 3 accounts of your cohort file;" in text


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


def test_a_cohort_lines_place_breaks_only_between_words(tmp_path: Path) -> None:
    from staffpulse.report.html import file_line

    where = str(file_line("/data/<q3>/consultant_cohort.csv", 7))
    # a chance to break after a folder's slash (escaped) and between the name's words only
    assert where.endswith("&lt;q3&gt;/<wbr>consultant_<wbr>cohort.csv:7</span>")
    feed = FeedBuilder("acme")
    feed.job(3)
    cohort = tmp_path / "consultant_cohort.csv"
    cohort.write_text("acme,x,staffing_firm\nghost,x,vendor\n", encoding="utf-8")
    result = run_benchmark(store_with(tmp_path, feed), cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    page = render_benchmark_html(result)
    assert '<td class="where"><span class="file-line">' in page
    assert "consultant_<wbr>cohort.csv:2</span>" in page


def test_the_header_says_mentions_by_others_are_missing_from_the_data_not_zero(
    tmp_path: Path,
) -> None:
    # an archive holds no one else's posts: "0 mentions by others" read as "no one mentions us"
    audit, _bench = _results(tmp_path)
    assert "6 mentions by others" in render_audit_html(audit)
    firm = FeedBuilder("solo", display_name="Solo Staffing")
    firm.chat(3)
    alone = audit_account(
        store_with(tmp_path / "alone", firm), "solo", scorer=FakeScorer(), avatar=PERSON
    )
    html = render_audit_html(alone)
    assert "no mentions of it by others in the data" in html
    assert "0 mentions" not in html


def test_generated_is_when_the_report_was_made_not_the_clock_the_audit_read_at(
    tmp_path: Path,
) -> None:
    from datetime import UTC, datetime

    from staffpulse.dates import format_day

    rosa = FeedBuilder("rosa")
    for i in range(6):
        rosa.post(f"My story {'abcdef'[i]}: I love this team lol")
    store = store_with(tmp_path, rosa)
    fixed = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)  # as the demo reads the sample: its last day
    today = {format_day(datetime.now(UTC))}
    page = _text(render_audit_html(audit_account(store, "rosa", scorer=FakeScorer(), now=fixed)))
    sample = _text(
        render_audit_html(audit_account(store, "rosa", scorer=FakeScorer(), now=fixed), sample=True)
    )
    today.add(format_day(datetime.now(UTC)))  # a run across midnight reads either day
    made = re.search(r"Generated (\d+ \w+ \d{4})", page)
    assert made is not None and made.group(1) in today
    assert f"as of {format_when(fixed)}" in page and "sample's last day" not in page
    assert f"as of {format_when(fixed)}, the sample's last day" in sample
    live = audit_account(store, "rosa", scorer=FakeScorer())  # read now: one time, no "as of"
    assert f"Generated {format_when(live.generated_at)}" in _text(render_audit_html(live))
    assert audit_context(live)["as_of"] is None
