"""The inbox as an HTML file: read by a marketer who may never run a command."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from _listen_fakes import FakeRoles, FakeScorer
from inbox_helpers import item, make, shown
from listen_helpers import FRESH, NOW, OLD, inbox, store_with
from staffpulse.dates import format_when
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.looks import Look
from staffpulse.listen.schema import RelevanceRow, save_relevance
from staffpulse.models import Account, Post
from staffpulse.report.inbox_html import render_inbox_html
from staffpulse.sources.base import provenance
from staffpulse.store import open_store


def test_roles_read_as_connect_writes_them_and_other_is_not_named() -> None:
    page = render_inbox_html(
        make([item(role="hr_pro"), item("b", role="job_board"), item("c", role="other")])
    )
    assert "(HR pro)" in page and "(job board)" in page
    assert "(other)" not in page and "hr pro" not in page


def test_a_joined_conversation_whose_first_post_is_missing_says_who_started_it() -> None:
    """The HTML inbox's "Already joined" says so too, not only the open conversations."""
    joined = item("j", state="joined", author_handle="andre", root_stored=False, root_author="ross")
    page = render_inbox_html(Inbox([], [joined], {}, NOW, NOW))
    assert "reply to a post by @ross that isn&#39;t stored" in page


def test_a_report_says_in_words_what_the_terminal_says_with_options() -> None:
    run = "read 2,073 stored posts for the first time, to judge what is about work"
    notes = [
        run,
        "a replay, not live: ranked as of 17 Jul 2025, 21:02 UTC, an hour after the newest"
        " activity in the store (nothing in it was active in the last 30 days; --as-of now"
        " shows the live view)",
        "59 open conversations quiet for more than 30 days left out (--max-age to change)",
        "2 open conversations with no date left out: their age is unknown (--max-age 0 shows them)",
        "left out 2 job ads: not conversations to join",
    ]
    inbox = make([item()], notes=notes, work_note=run)
    page = render_inbox_html(inbox)
    assert "for the first time" not in page  # what the run did: the terminal's business
    assert "(--max-age to change)" not in page and "--as-of" not in page
    assert (
        "59 open conversations quiet for more than 30 days are not in this report: choose"
        " “No limit” in “Quiet for at most” on the dashboard&#39;s Inbox to see them"
    ) in page
    assert "(nothing in it was active in the last 30 days)" in page
    assert "their age is unknown (choose “No limit” in “Quiet for at most”" in page
    assert "staffpulse inbox" not in page and "--max-age" not in page
    # each note a list item of its own: a sentence, with a capital
    assert "Left out 2 job ads: not conversations to join" in page
    assert "A replay, not live" in page
    # the terminal keeps its own words
    terminal = shown(inbox)
    assert "for the first time" in terminal and "(--max-age to change)" in terminal


def test_the_page_reads_like_the_other_reports_and_counts_in_words() -> None:
    page = render_inbox_html(make([item()], counts={"open": 1}, account="harbor.example"))
    # not "1 open conversations"; the firm as the terminal names it, not a bare word (QA:
    # "for ritalindqvist")
    assert "1 open conversation for @harbor.example" in page
    assert "<title>Conversations to join: @harbor.example" in page
    assert "staffpulse · conversation inbox" in page
    assert "No data left the machine." in page  # the reports' shared footer
    assert 'href="https://bsky.app/profile/ana.example/post/3l7z4sedyej2g"' in page


def test_a_link_that_is_not_a_web_address_is_not_a_link() -> None:
    page = render_inbox_html(make([item(url="javascript:alert(1)")]))
    assert "javascript:" not in page and "counteroffers" in page


def test_the_page_orders_topics_by_their_best_item_and_says_its_date() -> None:
    best = item("1", topic_id=None, topic_label="", score=0.8)
    lower = item("2", topic_id=2, topic_label="Pay & salary", score=0.3)
    page = render_inbox_html(make([best, lower], replay=True))
    assert page.index("Topic: Pay") < page.index("Topic: Other conversations")  # catch-all last
    assert "Ranked as of 1 Mar 2026, 12:00 UTC" in page and "a replay, not live" in page


def test_a_date_asked_for_is_said_in_words() -> None:
    note = "ranked as of 10 Jun 2025, 00:00 UTC (--as-of): nothing posted after it is read"
    page = render_inbox_html(make([item()], notes=[note]))
    assert "--as-of" not in page
    assert "Ranked as of 10 Jun 2025, 00:00 UTC, the date asked for" in page


@pytest.mark.parametrize("query", ["zzzz", "<script>alert(1)</script>"])
def test_html_says_why_the_inbox_is_empty_escaped(tmp_path: Path, query: str) -> None:
    with store_with(tmp_path, FRESH) as store:
        page = render_inbox_html(inbox(store, topic=query))
    assert "No topic matches" in page
    assert "<script>" not in page and "No open conversations yet" not in page


def test_html_names_an_unknown_author(tmp_path: Path) -> None:
    anonymous = Post(platform="x", id="9", author_id="", text=FRESH.text, created_at=NOW)
    with store_with(tmp_path, anonymous) as store:
        page = render_inbox_html(inbox(store))
    assert "unknown author" in page and "@ &middot;" not in page


def test_html_escapes_post_text(tmp_path: Path) -> None:
    import staffpulse.listen  # noqa: F401
    from staffpulse.report.inbox_html import render_inbox_html

    store = open_store(tmp_path / "x.db")
    now = datetime.now(UTC)
    evil = Post(platform="x", id="1", author_id="a", author_handle="a<b>",
                text="How do recruiters handle <script>alert(1)</script> offers?",
                created_at=now - timedelta(hours=1), url="javascript:alert(1)")  # fmt: skip
    store.upsert([evil, Account(platform="x", id="a", handle="a", bio="Recruiter")],
                 provenance("test", "t"))  # fmt: skip
    with store.transaction() as conn:
        save_relevance(conn, [RelevanceRow("x", "1", 0.9, (), "test")])
    inbox = build_inbox(store, text_model=FakeScorer(), role_model=FakeRoles())
    assert inbox.items[0].role == "recruiter"
    page = render_inbox_html(inbox)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "javascript:" not in page and "a&lt;b&gt;" in page


def test_a_replay_is_said_once_in_the_header(tmp_path: Path) -> None:
    with store_with(tmp_path, OLD) as store:
        page = render_inbox_html(inbox(store))
    header = page[page.index("<header") : page.index("</header>")]
    assert "A replay, not live: ranked as of " in header
    assert "an hour after the newest conversation it could offer" in header
    assert page.lower().count("a replay, not live") == 1
    assert "--as-of" not in page  # "; --as-of now shows the live view" is the terminal's


def test_the_page_marks_what_came_in_since_the_last_look() -> None:
    since = NOW - timedelta(days=1)
    page = render_inbox_html(make([item(new=True), item("b")], look=Look("", NOW, since)))
    assert page.count('<span class="tag" title="came in since you last looked">new</span>') == 1
    assert f"1 new conversation since {format_when(since)}" in page
    first = render_inbox_html(make([item()], look=Look("", NOW, None)))
    assert "came in since" not in first and "new conversation since" not in first


def test_an_empty_page_and_a_replay_name_the_dashboard_controls_not_commands() -> None:
    empty = render_inbox_html(make([]))
    assert (
        "No open conversations. Import posts by others on the dashboard&#39;s Import page" in empty
    )
    assert "staffpulse listen" not in empty and "staffpulse import" not in empty
    replay = render_inbox_html(
        make(
            [],
            counts={"older": 3},
            notes=[
                "nothing was active in the last 30 days: the newest activity is 1 Jan 2026,"
                " 12:00 UTC. Listen or fetch fresh posts, widen --max-age, or replay the store"
                " as of its newest activity with --as-of newest"
            ],
            clock_note="a replay, not live: ranked as of 1 Jan 2026, 13:00 UTC, an hour after"
            " the newest conversation it could offer (--as-of newest)",
        )
    )
    assert "(“As of the newest post”, as asked)" in replay
    assert (
        "Fresh posts (listened to or fetched) would give some; or choose “No limit” in “Quiet"
        " for at most”, or “As of the newest post” in “Rank as of”, on the dashboard&#39;s Inbox"
    ) in replay
    assert "--" not in replay.split("</header>")[1]


def test_a_page_of_a_store_with_no_work_talk_says_where_to_find_some_without_commands() -> None:
    page = render_inbox_html(make([], counts={"posts_not_work": 2}))
    assert "2 stored posts read, and none is about work" in page
    assert "Import posts where people talk about work on the dashboard&#39;s Import page" in page
    assert "staffpulse listen" not in page and "staffpulse import" not in page


def test_the_page_lists_what_was_left_out_with_its_reason_escaped() -> None:
    from staffpulse.listen.inbox_left_out import LeftOutItem

    def left(cid: str, reason: str, text: str | None, handle: str) -> LeftOutItem:
        return LeftOutItem("x", cid, None, reason, text, handle, f"id-{handle}", 0.5)

    ads = [left(f"ad{n}", "job_ad", f"Hiring crane operators, shift {n}", "cranejobs")
           for n in range(101)]  # fmt: skip
    rude = left("h1", "hostile", "You lot are <i>clowns</i>, honestly", "sneerer")
    hidden = left("p1", "followers_only", None, "quietone")
    counts = {"job_ad": 101, "hostile": 1, "followers_only": 1}
    page = render_inbox_html(make([item()], left_out=counts, left_out_items=[*ads, rude, hidden]))
    part = page.split('id="left-out"', 1)[1]
    assert "Left out: 103 conversations not to join" in part
    # in the note's order (not public first), each with its reason, its words as text
    assert part.index("not public") < part.index("hostile") < part.index("a job ad")
    assert "(not public: not quoted)" in part and "@quietone" in part
    assert "&lt;i&gt;clowns&lt;/i&gt;" in part and "<i>clowns</i>" not in part
    assert part.count("Hiring crane operators") == 98  # 100 listed, then the rest counted
    assert "and 3 others: the dashboard's Inbox lists them all" in part
    assert "--left-out" not in part  # a page to read: no command options


def test_the_page_counts_the_conversations_that_never_mention_work_as_the_terminal_does() -> None:
    """QA: ``inbox --left-out --html`` listed 55 left out under 43 offered, and never said
    the 400 other posts read, as the terminal does: on the page the counts did not add up."""
    from staffpulse.listen.inbox_left_out import LeftOutItem

    ad = LeftOutItem("x", "ad1", None, "job_ad", "Hiring crane operators, nights", "cranejobs",
                     "id-cranejobs", 0.5)  # fmt: skip
    counted = make([item()], left_out={"job_ad": 1}, left_out_items=[ad], never_work=400)
    part = render_inbox_html(counted, left_out_asked=True).split('id="left-out"', 1)[1]
    assert "400 other conversations never mention work (not counted above)." in part
    # not counted (a plain --html: it would read every stored post): nothing said
    plain = make([item()], left_out={"job_ad": 1}, left_out_items=[ad])
    assert "never mention" not in render_inbox_html(plain)
