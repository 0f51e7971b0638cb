"""The inbox in a terminal: each item carries the id dismiss takes, in plain English."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from rich.console import Console

from inbox_helpers import BSKY_ID, NOW, item, make, shown
from listen_helpers import OLD, UNDATED, inbox, store_with
from staffpulse.listen.inbox_model import DismissedConversation, Inbox
from staffpulse.listen.looks import Look
from staffpulse.listen.topic_match import TopicMatch
from staffpulse.report.terminal_inbox import render_inbox


def test_each_item_shows_its_id_and_how_to_dismiss_it() -> None:
    text = shown(make([item()]))
    assert "score 0.70 · Bluesky · @ana.example (recruiter)" in text  # the number is named
    assert f"id: {BSKY_ID}" in text
    assert "staffpulse inbox dismiss ID" in text


def test_reply_counts_read_naturally() -> None:
    assert "· 1 reply " in shown(make([item(replies=1)]))
    assert "· 0 replies " in shown(make([item(replies=0)]))
    assert "· 4 replies " in shown(make([item(replies=4)]))


def test_an_author_the_data_does_not_name_is_called_unknown() -> None:
    text = shown(make([item(author_handle="", author_id="")]))
    assert "unknown author" in text and "· @ " not in text


def test_an_inbox_emptied_by_the_age_window_says_so() -> None:
    text = shown(make([], counts={"older": 12, "undated": 0}))
    assert "Nothing to join now: no open conversation was active in the last 30 days." in text
    assert "Listen first" not in text


def test_an_unknown_topic_is_named() -> None:
    text = shown(make([], topic_query="zzzz", topic_matched=False))
    assert "No topic matches 'zzzz'." in text and "Listen first" not in text


def test_an_empty_store_points_to_listening() -> None:
    text = shown(make([], counts={"conversations": 0}))
    assert "No open conversations. Listen first" in text
    assert "dismiss" not in text


def test_an_anonymized_customer_is_not_shown_as_a_handle() -> None:
    customer = item(platform="x", author_handle="", author_id="twcs:105847")
    text = shown(Inbox([customer], [customer], {}, NOW, NOW))
    assert "anonymized customer twcs:105847" in text
    assert "@twcs" not in text


def test_the_topic_that_matches_best_is_listed_first() -> None:
    odd = item("1", topic_id=1, topic_label="interviews deal / word users", score=0.9)
    best = item("2", topic_id=2, topic_label="interview / question / ask", score=0.5)
    matches = [TopicMatch(2, best.topic_label, 1.25, 1), TopicMatch(1, odd.topic_label, 1.0, 1)]
    text = shown(make([odd, best], topic_query="interviews", topic_matches=matches))
    assert text.index("Topic: interview / question / ask") < text.index("Topic: interviews deal")
    # without a topic query, the most joinable conversation's topic comes first
    odd_too = item("3", topic_id=1, topic_label=odd.topic_label, score=0.4)
    best_too = item("4", topic_id=2, topic_label=best.topic_label, score=0.3)
    text = shown(make([odd, best, odd_too, best_too]))
    assert text.index("Topic: interviews deal") < text.index("Topic: interview / question / ask")


def test_a_limited_inbox_says_how_many_more_there_are_and_how_to_see_them() -> None:
    out = shown(make([item()], counts={"open": 63, "shown": 1}))
    assert "Showing 1 of 63 open conversations (--limit to see more)." in " ".join(out.split())
    everything = shown(make([item()], counts={"open": 1, "shown": 1}))
    assert "--limit" not in everything


def test_already_joined_conversations_show_the_id_reopen_takes() -> None:
    joined = item("o-8", state="joined")
    out = shown(Inbox([], [joined], {}, NOW, NOW))
    assert "(id: o-8)" in out


def test_a_joined_conversation_whose_first_post_is_missing_says_who_started_it() -> None:
    """QA: with only the firm's reply stored, "Already joined" read "@ritalindqvist: @ross
    I would prefer...", as if the firm had started the conversation."""
    joined = item(
        "o-9",
        state="joined",
        author_handle="andre",
        opening_text="@ross I would prefer the second option",
        root_stored=False,
        root_author="ross",
    )
    out = " ".join(shown(Inbox([], [joined], {}, NOW, NOW)).split())
    assert "@andre (reply to a post by @ross that isn't stored): @ross I would prefer" in out
    started = " ".join(shown(Inbox([], [item("o-8", state="joined")], {}, NOW, NOW)).split())
    assert "@ana.example: How do you handle counteroffers?" in started


def test_an_author_known_only_by_did_is_not_written_as_a_handle() -> None:
    out = " ".join(shown(make([item(author_handle="", root_stored=False, role="recruiter",
                                    root_author="did:plc:zzz")])).split())  # fmt: skip
    assert "@did:" not in out
    assert "did:plc:abc123 (" not in out  # a 32-character id, cut mid-word, said nothing
    assert "· a Bluesky account (recruiter, open the link) ·" in out
    assert "reply to a post by a Bluesky account that isn't stored" in out


def test_an_author_id_with_brackets_is_shown_whole_beside_its_role() -> None:
    # the title split the written author at " (" to find the "(open the link)" note: an id
    # of a file import such as "north desk (EU)" read "account id north desk (recruiter, EU)"
    out = " ".join(shown(make([item(author_handle="", author_id="north desk (EU)")])).split())
    assert "· account id north desk (EU) (recruiter) ·" in out


def test_a_narrow_title_drops_the_note_on_a_did_author_whole_not_mid_word() -> None:
    console = Console(record=True, width=58)
    render_inbox(console, make([item(author_handle="", role="recruiter")]))
    out = console.export_text()
    assert "a Bluesky account ·" in out and "(open" not in out


def test_roles_read_as_connect_writes_them_and_other_is_not_named() -> None:
    text = shown(make([item(role="hr_pro"), item("b", role="job_board"), item("c", role="other")]))
    assert "@ana.example (HR pro) ·" in text and "(job board)" in text
    assert "(other)" not in text and "hr pro" not in text


def narrow(inbox: Inbox, width: int = 60) -> str:
    console = Console(record=True, width=width)
    render_inbox(console, inbox)
    return console.export_text()


def test_the_header_says_which_date_the_inbox_is_ranked_from() -> None:
    assert "Ranked as of 1 Mar 2026, 12:00 UTC (now)" in shown(make([item()]))
    replay = shown(make([item()], replay=True))
    assert "Ranked as of 1 Mar 2026, 12:00 UTC (a replay, not live)" in replay


def test_other_conversations_come_last_even_when_they_hold_the_best_item() -> None:
    best = item("1", topic_id=None, topic_label="", score=0.8)
    lower = item("2", topic_id=2, topic_label="Pay & salary", score=0.3)
    text = shown(make([best, lower]))
    assert text.index("Topic: Pay & salary") < text.index("Topic: Other conversations")


def test_a_long_title_is_shortened_at_a_word_boundary_and_keeps_its_reply_count() -> None:
    long_author = item(author_handle="", author_id="did:plc:d3b73c2f9a8e7d6c5b4a3f2e1d0c")
    title = next(line for line in narrow(make([long_author])).splitlines() if "0.70" in line)
    assert "· 1 reply" in title  # never "1 re"
    assert "did:plc:d3b73c2f9a8e7d6c5b4a3f2e1d0c" not in title  # an id says nothing to a marketer
    assert "· a Bluesky account · 1 reply" in title  # its note dropped whole, not cut "(open…"


def test_a_long_bluesky_handle_stays_whole_in_a_narrow_title_and_the_platform_gives_way() -> None:
    long_handle = item(author_handle="wrenfieldtalent.bsky.social", replies=3)
    title = next(line for line in narrow(make([long_handle])).splitlines() if "0.70" in line)
    assert "score 0.70 · @wrenfieldtalent.bsky.social · 3 replies" in title  # not "bsky.so…"
    wide = next(line for line in narrow(make([long_handle]), 90).splitlines() if "0.70" in line)
    assert "score 0.70 · Bluesky · @wrenfieldtalent.bsky.social (recruiter) · 3 replies" in wide


def test_a_long_link_stays_whole_on_one_line_to_copy() -> None:
    url = "https://bsky.app/profile/someone.with.a.long.handle.example/post/3leghglqp72pwxyz"
    text = narrow(make([item(url=url)]))
    assert any(url in line for line in text.splitlines())


def test_a_long_id_stays_whole_on_one_line_for_dismiss() -> None:
    assert any(f"id: {BSKY_ID}" in line for line in narrow(make([item()]), 50).splitlines())


def test_each_note_on_a_line_of_its_own_starts_with_a_capital() -> None:
    note = "left out 3 conversations not about work: not conversations to join"
    inbox = make([item()], notes=[note])
    out = shown(inbox)
    assert "Left out 3 conversations not about work: not conversations to join" in out
    # the inbox's own note (and --json) keeps the words as written
    assert inbox.notes == [note]


def test_a_replay_is_said_once_on_the_first_line(tmp_path: Path) -> None:
    # the header said "(a replay, not live)" and the note under it "A replay, not live: ..."
    with store_with(tmp_path, OLD) as store:
        text = shown(inbox(store))
    first = text.splitlines()[0]
    assert first.startswith("A replay, not live: ranked as of ")
    assert "an hour after the newest conversation it could offer" in text
    assert text.lower().count("a replay, not live") == 1
    assert text.count("ranked as of") == 1 and "Ranked as of" not in text


def test_a_date_asked_for_is_said_once_on_the_first_line(tmp_path: Path) -> None:
    with store_with(tmp_path, OLD) as store:
        text = shown(inbox(store, as_of="2025-06-10"))
    assert text.splitlines()[0] == (
        "Ranked as of 10 Jun 2025, 00:00 UTC (--as-of): nothing posted after it is read"
    )
    assert text.lower().count("ranked as of") == 1


def test_an_inbox_of_undated_conversations_says_their_date_is_unknown(tmp_path: Path) -> None:
    # it said "no open conversation was active in the last 30 days", of posts with no date
    with store_with(tmp_path, UNDATED) as store:
        text = shown(inbox(store))
    assert "Nothing to join now: no open conversation has a date to show it was active" in text
    assert "no open conversation was active" not in text
    assert "with no date left out: their age is unknown (--max-age 0 shows them)" in text


def test_the_demos_age_notes_give_the_whole_command_to_copy(tmp_path: Path) -> None:
    # the demo takes no --max-age: its notes name the inbox command that does, on one line
    more = "staffpulse --db '/Users/Jane Doe/demo.db' inbox --as harborline"
    console = Console(record=True, width=60)
    with store_with(tmp_path, UNDATED) as store:
        render_inbox(console, inbox(store), more=more)
    assert f"their age is unknown ({more} --max-age 0 shows them)" in console.export_text()


def test_every_listen_counter_agrees_with_its_number() -> None:
    from staffpulse.listen.listener import ListenStats
    from staffpulse.report.terminal_inbox import render_listen_summary, status_line

    one = ListenStats(frames=1, posts_seen=1, kept=1, kept_in_thread=1, deletes=1, identities=1,
                      malformed=1, disconnects=1)  # fmt: skip
    console = Console(record=True, width=400)
    render_listen_summary(console, one)
    said = console.export_text() + status_line(one, "Listening")
    assert "1 reconnect." in said and "1 reconnect" in status_line(one, "Listening")
    for phrase in ("1 event ", "1 post,", "1 as a reply", "1 delete ", "1 identity event,",
                   "1 malformed frame skipped", "of 1 post ·", "1 delete ·"):  # fmt: skip
        assert phrase in said, phrase
    assert "1 reconnects" not in said and "1 events" not in said and "1 deletes" not in said
    two = ListenStats(frames=2, posts_seen=2, kept=2, kept_in_thread=2, deletes=2, identities=2,
                      malformed=2, disconnects=2)  # fmt: skip
    console = Console(record=True, width=400)
    render_listen_summary(console, two)
    many = console.export_text()
    assert "2 reconnects." in many and "2 as replies" in many and "2 identity events" in many


def test_items_that_came_in_since_the_last_look_are_marked_new_and_counted() -> None:
    since = NOW - timedelta(days=1)
    text = shown(make([item(new=True), item("b")], look=Look("", NOW, since)))
    assert "1 new conversation since you last looked (28 Feb 2026, 12:00 UTC)" in text
    assert "new · score 0.70 · Bluesky" in text and text.count("new · score") == 1
    none_new = shown(make([item()], look=Look("", NOW, since)))
    assert "None of these came in since you last looked (28 Feb 2026, 12:00 UTC)" in none_new
    first = shown(make([item()], look=Look("", NOW, None)))
    assert "From your next look, conversations that come in after this one are marked new" in first
    assert "new ·" not in first
    assert "looked" not in shown(make([item()]))  # no look: nothing said of it
    # a look at one topic leaves the mark where the last look at the whole inbox put it
    one_topic = shown(make([item(new=True)], look=Look("", NOW, since), topic_query="pay"))
    assert "1 new conversation since you last looked at the whole inbox (28 Feb" in one_topic


def test_the_demos_long_snoozed_list_names_the_inbox_command_that_lists_them_all() -> None:
    # the demo takes no --json: "(--json lists all)" under its snoozed list was no command
    from staffpulse.listen.snooze import SnoozedItem

    snoozed = [
        SnoozedItem("bluesky", f"s-{n}", NOW + timedelta(days=7), NOW, None, "Hi", "ana", "d")
        for n in range(12)
    ]
    more = "staffpulse --db /tmp/demo.db inbox --as harborline"
    console = Console(record=True, width=60)
    render_inbox(console, make([], snoozed=snoozed), more=more)
    assert f"  … and 2 more ({more} --json lists all)" in console.export_text().splitlines()
    assert "… and 2 more (--json lists all)" in shown(make([], snoozed=snoozed))


def test_a_long_dismissed_list_counts_the_rest_and_says_the_json_lists_them_all() -> None:
    # "… and 1000 more" named no way to see them, unlike the snoozed list under it
    dismissed = [
        DismissedConversation(
            f"d-{n}", f"Opening line of dismissed thread {n}", f"poster{n}", f"u{n}"
        )
        for n in range(1_010)
    ]
    inbox = make([], dismissed=dismissed)
    assert "  … and 1,000 more (--json lists all)" in shown(inbox).splitlines()
    listed = inbox.as_dict()["dismissed"]
    assert len(listed) == 1_010
    assert listed[0] == {
        "conversation_id": "d-0",
        "opening": {"text": dismissed[0][1], "author_handle": "poster0", "author_id": "u0"},
    }
    more = "staffpulse --db /tmp/demo.db inbox --as harborline"
    console = Console(record=True, width=60)
    render_inbox(console, inbox, more=more)
    assert f"  … and 1,000 more ({more} --json lists all)" in console.export_text().splitlines()


def test_a_dismissed_conversation_names_its_author_as_the_other_lists_do() -> None:
    """QA: a dismissed job ad was listed beside a real conversation with no author, where
    every other list of the inbox names one ("@author: ...")."""
    ads = [
        DismissedConversation(
            "ad1", "Forklift drivers wanted, nights, apply today", "crane_jobs_hq", "9"
        )
    ]
    lines = shown(make([], dismissed=ads)).splitlines()
    assert any(line.startswith("  · @crane_jobs_hq: Forklift drivers wanted") for line in lines)


def test_joined_and_dismissed_lists_show_ten_with_their_ids_then_how_many_more() -> None:
    # one helper prints the three lists (joined, dismissed, snoozed): each line its id, the
    # first ten only, and the line that says how many more and what lists them all
    joined = [item(f"j-{n}", state="joined") for n in range(12)]
    dismissed = [
        DismissedConversation(f"d-{n}", f"Old question {n} on pay bands", "rosa.example", "rosa")
        for n in range(11)
    ]
    out = " ".join(shown(Inbox([], joined, {}, NOW, NOW, dismissed=dismissed)).split())
    assert "(id: j-9)" in out and "(id: j-10)" not in out
    assert "… and 2 more (--json or --html lists all)" in out
    assert "@ana.example: How do you handle counteroffers? https://bsky.app/profile/" in out
    assert "@rosa.example: Old question 9 on pay bands (id: d-9)" in out
    assert "(id: d-10)" not in out and "… and 1 more (--json lists all)" in out
