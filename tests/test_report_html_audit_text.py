"""The audit report's words as a reader sees them: the header's counts and times, "Do this
next" with its points, the rough-grade warning, and pillars with nothing to judge."""

from __future__ import annotations

import re
from pathlib import Path

from audit_helpers import LOGO, PERSON, FakeScorer, FeedBuilder, store_with
from report_html_helpers import EVIL, page_text, two_account_results
from staffpulse.audit import audit_account
from staffpulse.report.html import audit_context, format_when, render_audit_html


def test_do_this_next_shows_each_actions_points_and_the_total(tmp_path: Path) -> None:
    from staffpulse.report.audit_view import action_points, actions_summary

    audit, bench = two_account_results(tmp_path)
    text = page_text(render_audit_html(audit, bench))
    worth = [a for a in audit.top_actions if a["points"]]
    assert worth
    for action in worth:
        assert f"({action_points(action)})" in text  # "(+6 points)" after the action
    summary = actions_summary(audit)
    assert summary and summary.startswith("Doing all of this could take you from")
    assert summary in text


def test_the_report_warns_when_the_grade_rests_on_very_few_posts(tmp_path: Path) -> None:
    audit, bench = two_account_results(tmp_path)
    assert "Rough grade" not in (audit.caution or "")  # 13 posts of its own: no warning
    assert "Rough grade" not in page_text(render_audit_html(audit, bench))
    tiny = FeedBuilder("tinytemps", display_name="Tiny <Temps>")
    tiny.chat(2)
    tiny.job(1)
    store = store_with(tmp_path / "tiny", tiny)
    few = audit_account(store, "tinytemps", scorer=FakeScorer(), avatar=LOGO)
    html = render_audit_html(few)
    assert 'class="caution"' in html
    assert "Rough grade: only 3 posts of your own (fewer than 10)" in page_text(html)
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
    text = page_text(render_audit_html(audit_feed(feed)))
    assert "1,350 posts" in text  # the header
    assert "Of these, 700 original posts, 450 replies and 200 reposts." in text
    assert "\u201cposts you wrote\u201d means all but the reposts (1,150)" in text
    assert "of 1,150 posts you wrote (" in text  # Voice
    assert "of 700 original posts (" in text  # Mix, templated
    assert "450 of 1,150 posts you wrote (39%)" in text  # replies to others
    assert "1350" not in text and "1150" not in text


def test_the_header_says_mentions_by_others_are_missing_from_the_data_not_zero(
    tmp_path: Path,
) -> None:
    # an archive holds no one else's posts: "0 mentions by others" read as "no one mentions us"
    audit, _bench = two_account_results(tmp_path)
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
    page = page_text(
        render_audit_html(audit_account(store, "rosa", scorer=FakeScorer(), now=fixed))
    )
    sample = page_text(
        render_audit_html(audit_account(store, "rosa", scorer=FakeScorer(), now=fixed), sample=True)
    )
    today.add(format_day(datetime.now(UTC)))  # a run across midnight reads either day
    made = re.search(r"Generated (\d+ \w+ \d{4})", page)
    assert made is not None and made.group(1) in today
    assert f"as of {format_when(fixed)}" in page and "sample's last day" not in page
    assert f"as of {format_when(fixed)}, the sample's last day" in sample
    live = audit_account(store, "rosa", scorer=FakeScorer())  # read now: one time, no "as of"
    assert f"Generated {format_when(live.generated_at)}" in page_text(render_audit_html(live))
    assert audit_context(live)["as_of"] is None


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


def test_the_grade_says_it_averages_only_the_pillars_scored(tmp_path: Path) -> None:
    # a help desk's replies (no original post: Mix not scored) read "Each pillar counts for a
    # quarter", as if Mix counted 0 in its grade
    feed = FeedBuilder("helpdesk")
    feed.reply("customer", n=6)
    store = store_with(tmp_path, feed)
    desk = page_text(render_audit_html(audit_account(store, "helpdesk", scorer=FakeScorer())))
    assert (
        "Each pillar counts for a quarter by default; Mix was not scored, so the grade "
        "averages Face, Voice and Conversation only." in desk
    )
    audit, _bench = two_account_results(tmp_path / "both")
    full = page_text(render_audit_html(audit))
    assert "Each pillar counts for a quarter by default." in full and "not scored" not in full


def test_who_you_talk_with_most_says_what_its_numbers_count(tmp_path: Path) -> None:
    # a client read "@AccountableHS (1), @CNN (1)" and could not tell what was counted
    feed = FeedBuilder("talker")
    feed.chat(6)
    feed.reply("rosa", 3)
    feed.reply("ana", 1)
    store = store_with(tmp_path, feed)
    html = render_audit_html(audit_account(store, "talker", scorer=FakeScorer(), avatar=PERSON))
    text = page_text(html)
    assert "Who you talk with most @rosa (3 posts), @ana (1 post)" in text
    assert "How many of your posts reply to each, mention them or quote them." in text


def test_a_post_by_someone_else_waiting_for_an_answer_is_labelled_as_theirs() -> None:
    """An unanswered mention read "@dana mentioned you; no answer found · original ·", as if
    the account had written it; --json keeps the post's own kind."""
    from audit_helpers import audit_feed

    feed = FeedBuilder("acme")
    feed.chat(12)
    feed.reply("sam", 3)
    feed.mention_by("dana", answered=False)
    audit = audit_feed(feed)
    text = page_text(render_audit_html(audit))
    assert "@dana mentioned you; no answer found · their post ·" in text
    assert "no answer found · original" not in text
    assert "@sam thanks, I love this" in text and "a real reply to someone · reply ·" in text
    waiting = audit.to_dict()["pillars"]["conversation"]["evidence"]["examples"]["worst"]
    assert [ex["kind"] for ex in waiting] == ["original"]  # the post's kind, as before
    assert all(set(ex) == {"text", "date", "url", "kind", "why"} for ex in waiting)


def test_the_key_value_and_example_tables_name_their_cells_for_screen_readers(
    tmp_path: Path,
) -> None:
    # a screen reader read "Avatar, person" and each example post as bare cells, with no
    # header to say which was the key and which the value
    audit, bench = two_account_results(tmp_path)
    html = render_audit_html(audit, bench)
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td>', html)
    assert {"Face", "Mix", "Voice", "Conversation"} <= set(rows)  # what the pillars ask
    assert len(rows) > 8  # and each pillar's numbers
    assert "<td>Face</td>" not in html
    examples = html.count('<table class="examples">')
    assert examples and html.count('<th scope="col">Post, and why it counts</th>') == examples
