"""Marking inbox conversations joined or dismissed, by the id the inbox shows, and the joined
conversations the audit counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from _listen_fakes import FakeScorer, SureScorer
from staffpulse.errors import InputError, NotFoundError
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.states import (
    conversation_openings,
    current_mark,
    joined_conversation_ids,
    set_state,
)
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store

NOW = datetime.now(UTC)


def post(pid: str, author: str, text: str, minutes: int, platform: str = "x", **kw: Any) -> Post:
    return Post(platform=platform, id=pid, author_id=author, text=text,
                created_at=NOW - timedelta(minutes=minutes), **kw)  # fmt: skip


# Conversations whose first post is not stored: the inbox names them by the missing post's id.
X_REPLY = post("501", "u1", "@tessmarlowe How do you keep candidates warm after an offer?", 30,
               kind="reply", reply_to_post_id="500", reply_to_handle="tessmarlowe")  # fmt: skip
MASTODON = [
    post("m:2", "u2", "@ana Recruiters, how do you handle counteroffers?", 40, "mastodon",
         kind="reply", reply_to_post_id="m:1"),
    post("m:3", "u3", "@u2 We match once, never twice", 20, "mastodon", kind="reply",
         reply_to_post_id="m:2"),
]  # fmt: skip
OPENING = post("600", "u4", "HR folks: how do you run onboarding for remote hires?", 50)
ANSWER = post("601", "u5", "A buddy for every hire.", 45, kind="reply", reply_to_post_id="600",
              conversation_id="600")  # fmt: skip
SUNSET = post("700", "u6", "Lovely sunset tonight", 10)
# The firm and its reply to a post the store does not hold
FIRM = Account(platform="x", id="firm", handle="acme")
FIRM_REPLY = post("801", "firm", "@tessmarlowe We see this too: tell candidates the timeline", 5,
                  kind="reply", reply_to_post_id="800", reply_to_handle="tessmarlowe")  # fmt: skip
BANTER = post("811", "firm", "@samtheclimber sent it like a pro, see you at the bouldering gym", 4,
              kind="reply", reply_to_post_id="810", reply_to_handle="samtheclimber")  # fmt: skip


def store_with(tmp_path: Path, *rows: Post | Account) -> Store:
    store = open_store(tmp_path / "states.db")
    store.upsert(list(rows), provenance("test", "fixture"))
    return store


def inbox(store: Store, **kw: Any) -> Inbox:
    scorer: Any = FakeScorer()
    return build_inbox(store, text_model=scorer, role_model=None, max_age=None, **kw)


def test_every_id_the_inbox_shows_can_be_dismissed_even_without_the_first_post(
    tmp_path: Path,
) -> None:
    with store_with(tmp_path, X_REPLY, *MASTODON, OPENING, ANSWER) as store:
        shown = inbox(store).items
        assert {(i.conversation_id, i.root_stored) for i in shown} == {
            ("500", False), ("m:1", False), ("600", True)
        }  # fmt: skip
        for item in shown:
            assert set_state(store, item.conversation_id, "dismissed") == (
                item.platform, item.conversation_id
            )  # fmt: skip
        after = inbox(store)
    assert after.items == [] and after.counts["dismissed"] == 3


def test_mark_joined_without_the_first_post_lists_it_as_joined(tmp_path: Path) -> None:
    with store_with(tmp_path, X_REPLY) as store:
        inbox(store)  # judges the posts, as any inbox does before ids are shown
        set_state(store, "500", "joined")
        result = inbox(store)
        assert [j.conversation_id for j in result.joined] == ["500"] and result.items == []
        assert joined_conversation_ids(store, "x", "nobody") == []  # no firm's: no audit's
        set_state(store, "500", None)
        assert [i.conversation_id for i in inbox(store).items] == ["500"]


def test_a_post_id_is_not_a_conversation_id_and_the_error_names_the_right_one(
    tmp_path: Path,
) -> None:
    with store_with(tmp_path, X_REPLY, OPENING, ANSWER) as store:
        inbox(store)
        for post_id, conversation in (("501", "500"), ("601", "600")):
            with pytest.raises(NotFoundError) as caught:
                set_state(store, post_id, "dismissed")
            assert caught.value.message == (
                f"'{post_id}' is a post in x conversation '{conversation}', not a conversation id"
            )
            assert caught.value.hint == (
                f"use the conversation's id: staffpulse inbox dismiss {conversation}"
            )
        assert len(inbox(store).items) == 2  # nothing was hidden


def test_an_unknown_id_or_a_conversation_the_inbox_never_lists_is_an_error(
    tmp_path: Path,
) -> None:
    with store_with(tmp_path, OPENING, SUNSET) as store:
        inbox(store)
        with pytest.raises(NotFoundError) as unknown:
            set_state(store, "12345", "joined")
        assert unknown.value.message == "no conversation '12345' in the store"
        assert unknown.value.hint is not None and "staffpulse inbox" in unknown.value.hint
        with pytest.raises(NotFoundError) as chatter:
            set_state(store, "700", "dismissed")
        assert "not in the inbox" in chatter.value.message
        with pytest.raises(InputError):
            set_state(store, "600", "dismissed", platform="myspace")
        assert set_state(store, "600", "dismissed", platform="Twitter") == ("x", "600")


def test_a_mark_can_be_reopened_after_the_posts_are_gone(tmp_path: Path) -> None:
    from staffpulse.store.post_removal import delete_posts

    with store_with(tmp_path, OPENING) as store:
        inbox(store)
        set_state(store, "600", "dismissed")
        with store.transaction() as conn:
            delete_posts(conn, "x", ["600"])
        assert set_state(store, "600", None) == ("x", "600")


def test_a_reply_shown_as_the_opening_counts_as_joined_for_inbox_and_audit(
    tmp_path: Path,
) -> None:
    own_post = post("900", "firm", "How do candidates prefer to interview?", 5)
    with store_with(tmp_path, FIRM, FIRM_REPLY, own_post, OPENING) as store:
        plain = inbox(store)
        as_firm = inbox(store, as_handle="acme")
        joined = joined_conversation_ids(store, "x", "firm")
    # without --as nothing changes; with it the firm's reply makes "800" joined, not its own
    assert {i.conversation_id for i in plain.items} == {"800", "900", "600"}
    assert [j.conversation_id for j in as_firm.joined] == ["800"] == joined
    assert [i.conversation_id for i in as_firm.items] == ["600"]  # its own post is not offered
    assert as_firm.counts["joined"] == 1


def test_the_firms_banter_in_a_thread_not_about_work_is_no_conversation_joined(
    tmp_path: Path,
) -> None:
    scorer: Any = SureScorer()  # the classifier says yes to any word, as the real one may

    def as_firm() -> Inbox:
        return build_inbox(store, text_model=scorer, role_model=None, max_age=None,
                           as_handle="acme")  # fmt: skip

    with store_with(tmp_path, FIRM, FIRM_REPLY, BANTER) as store:
        result = as_firm()
        audited = joined_conversation_ids(store, "x", "firm")
        # marked joined by hand, it counts: the user says the firm took part
        set_state(store, "810", "joined", as_handle="acme")
        marked = as_firm()
    assert [j.conversation_id for j in result.joined] == ["800"] == audited
    assert result.counts["joined"] == 1 and result.left_out == {"off_work": 1}
    assert [j.conversation_id for j in marked.joined] == ["800", "810"]


def test_old_banter_of_the_firm_is_told_with_the_older_conversations_left_out(
    tmp_path: Path,
) -> None:
    banter = replace(BANTER, created_at=NOW - timedelta(days=90))
    scorer: Any = SureScorer()
    with store_with(tmp_path, FIRM, banter, OPENING) as store:
        result = build_inbox(store, text_model=scorer, role_model=None,
                             max_age=timedelta(days=30), as_handle="acme")  # fmt: skip
    # not among this window's "left out", which it never was in: among the older ones
    assert result.joined == [] and result.left_out == {}
    assert result.counts["joined"] == 0 and result.counts["older_left_out"] == 1


def test_the_dismissed_list_shows_the_opening_the_inbox_showed(tmp_path: Path) -> None:
    with store_with(tmp_path, *MASTODON, OPENING) as store:
        openings = conversation_openings(store, "mastodon", ["m:1", "gone"])
        assert conversation_openings(store, "x", ["600"])["600"].id == "600"
    assert list(openings) == ["m:1"] and openings["m:1"].id == "m:2"


SUN = Account(platform="x", id="sun", handle="SunbeltCare")
APEX = Account(platform="x", id="apx", handle="apexlogi")


def test_marks_are_kept_per_firm_and_credited_only_to_that_firm(tmp_path: Path) -> None:
    with store_with(tmp_path, SUN, APEX, OPENING, X_REPLY) as store:
        inbox(store)
        set_state(store, "600", "joined", as_handle="@sunbeltcare")  # any case, with the @
        set_state(store, "500", "dismissed", as_handle="apexlogi")
        sun, apex, plain = (inbox(store, as_handle=h) for h in ("SunbeltCare", "apexlogi", None))
        assert [j.conversation_id for j in sun.joined] == ["600"]
        assert [i.conversation_id for i in sun.items] == ["500"]  # Apex's dismissal is Apex's
        assert apex.joined == [] and [i.conversation_id for i in apex.items] == ["600"]
        assert plain.joined == [] and len(plain.items) == 2  # no firm named: no firm's marks
        assert joined_conversation_ids(store, "x", "sun") == ["600"]
        assert joined_conversation_ids(store, "x", "apx") == []
        # reopening is per firm too: Sunbelt's reopen leaves Apex's dismissal alone
        set_state(store, "500", None, as_handle="sunbeltcare")
        assert [i.conversation_id for i in inbox(store, as_handle="apexlogi").items] == ["600"]
        set_state(store, "600", None, as_handle="sun")  # the account's id names the firm too
        assert joined_conversation_ids(store, "x", "sun") == []


def test_marks_made_before_firms_are_kept_as_marks_of_no_particular_firm(
    tmp_path: Path,
) -> None:
    with store_with(tmp_path, SUN, OPENING, X_REPLY) as store:
        inbox(store)
        # the table as stores had it before marks were kept per firm, with one mark
        store.conn.executescript(
            "DROP TABLE listen_inbox_state;"
            "CREATE TABLE listen_inbox_state (platform TEXT NOT NULL, conversation_id TEXT"
            " NOT NULL, state TEXT NOT NULL CHECK (state IN ('joined', 'dismissed')),"
            " at TEXT NOT NULL, PRIMARY KEY (platform, conversation_id));"
            "INSERT INTO listen_inbox_state VALUES ('x', '600', 'dismissed', '2026-01-01T00:00:00Z');"
            "DELETE FROM schema_migrations WHERE name IN ('0102_listen_inbox_state_by_account',"
            " '0104_listen_inbox_snooze');"
        )
    with open_store(tmp_path / "states.db") as store:  # opening it migrates
        plain = inbox(store)
        assert [i.conversation_id for i in plain.items] == ["500"]  # still dismissed
        assert plain.counts["dismissed"] == 1
        sun = inbox(store, as_handle="sunbeltcare")
        # a mark of no firm applies to a firm named later; no audit credits it
        assert [i.conversation_id for i in sun.items] == ["500"]
        assert set_state(store, "600", None) == ("x", "600")  # reopened without a firm
        assert len(inbox(store).items) == 2


def test_the_link_the_inbox_shows_marks_its_conversation(tmp_path: Path) -> None:
    bsky = [
        post("at://did:plc:ana/app.bsky.feed.post/3kq1", "did:plc:ana",
             "Recruiters: how do you handle counteroffers?", 30, "bluesky",
             author_handle="ana.bsky.social",
             url="https://bsky.app/profile/ana.bsky.social/post/3kq1"),
    ]  # fmt: skip
    toot = post("fosstodon.org:42", "u7", "HR folks: how do you run onboarding for interns?", 20,
                "mastodon", url="https://fosstodon.org/@ben/42")  # fmt: skip
    with store_with(tmp_path, OPENING, ANSWER, *bsky, toot) as store:
        inbox(store)
        links = {
            # a reply's link marks the conversation it is in
            "https://x.com/u5/status/601": ("x", "600"),
            "twitter.com/u4/status/600": ("x", "600"),
            "https://bsky.app/profile/ana.bsky.social/post/3kq1": (
                "bluesky", "at://did:plc:ana/app.bsky.feed.post/3kq1"
            ),
            "https://fosstodon.org/@ben/42": ("mastodon", "fosstodon.org:42"),
        }  # fmt: skip
        for link, key in links.items():
            assert set_state(store, link, "dismissed") == key, link
            assert current_mark(store, link) == "dismissed"
        assert inbox(store).items == []
        with pytest.raises(NotFoundError) as caught:
            set_state(store, "https://x.com/u4/status/999", "dismissed")
    assert "a link is not an id" in caught.value.message
    assert caught.value.hint is not None and "id:" in caught.value.hint


def test_a_conversation_never_marked_has_no_mark_to_undo(tmp_path: Path) -> None:
    with store_with(tmp_path, OPENING, ANSWER) as store:
        inbox(store)
        assert current_mark(store, "600") is None
        set_state(store, "600", "joined", as_handle="acme")
        assert current_mark(store, "600", as_handle="acme") == "joined"
        assert current_mark(store, "600") is None  # another firm's mark is not this one's


def test_a_mark_made_with_no_firm_sticks_and_applies_when_a_firm_is_named_later(
    tmp_path: Path,
) -> None:
    with store_with(tmp_path, SUN, APEX, OPENING, X_REPLY) as store:
        inbox(store)
        set_state(store, "500", "dismissed")  # "You post as" left empty
        set_state(store, "600", "joined")
        plain = inbox(store)
        assert plain.items == [] and [j.conversation_id for j in plain.joined] == ["600"]
        sun = inbox(store, as_handle="sunbeltcare")  # the account saved afterwards
        assert sun.items == [] and [j.conversation_id for j in sun.joined] == ["600"]
        assert joined_conversation_ids(store, "x", "sun") == []  # no audit credits it
        # the firm's own mark wins over the mark of no firm
        set_state(store, "600", "dismissed", as_handle="apexlogi")
        apex = inbox(store, as_handle="apexlogi")
        assert apex.joined == [] and apex.counts["dismissed"] == 2
        # reopening from a firm's inbox opens it there: the mark of no firm goes too
        set_state(store, "500", None, as_handle="sunbeltcare")
        assert [i.conversation_id for i in inbox(store, as_handle="sunbeltcare").items] == ["500"]
        assert [i.conversation_id for i in inbox(store).items] == ["500"]


BSKY_ROOT = "at://did:plc:ana/app.bsky.feed.post/3l7z4sedyej2g"
BSKY = [
    post(BSKY_ROOT, "did:plc:ana", "Recruiters, how do you keep candidates warm after an offer?",
         30, "bluesky", author_handle="ana.bsky.social"),
    post("at://did:plc:ben/app.bsky.feed.post/3l7z5abcdefgh", "did:plc:ben", "A call a week.",
         20, "bluesky", kind="reply", reply_to_post_id=BSKY_ROOT, conversation_id=BSKY_ROOT),
]  # fmt: skip


def test_a_bare_bluesky_record_key_marks_its_conversation(tmp_path: Path) -> None:
    with store_with(tmp_path, *BSKY) as store:
        inbox(store)
        assert set_state(store, "3l7z4sedyej2g", "dismissed") == ("bluesky", BSKY_ROOT)
        assert current_mark(store, "3l7z4sedyej2g") == "dismissed"
        # a reply's key marks its thread, as the reply's link does
        assert set_state(store, " 3l7z5abcdefgh ", "joined") == ("bluesky", BSKY_ROOT)
        assert [j.conversation_id for j in inbox(store).joined] == [BSKY_ROOT]


def test_a_record_key_no_stored_post_has_says_what_it_is_and_what_to_paste(
    tmp_path: Path,
) -> None:
    with store_with(tmp_path, *BSKY) as store:
        inbox(store)
        with pytest.raises(NotFoundError) as caught:
            set_state(store, "3kabcdefghijk", "dismissed")
        assert caught.value.message == (
            "'3kabcdefghijk' looks like the record key of a Bluesky post (the last part of its"
            " at:// id or bsky.app link), and no stored Bluesky post has it"
        )
        assert caught.value.hint is not None and "bsky.app/profile/HANDLE/post/" in (
            caught.value.hint
        )
        assert current_mark(store, "3kabcdefghijk") is None


def test_a_record_key_two_authors_share_asks_for_the_whole_link(tmp_path: Path) -> None:
    twin = post("at://did:plc:cy/app.bsky.feed.post/3l7z4sedyej2g", "did:plc:cy",
                "HR folks, how do you run onboarding for remote hires?", 10, "bluesky",
                author_handle="cy.bsky.social")  # fmt: skip
    with store_with(tmp_path, *BSKY, twin) as store:
        inbox(store)
        with pytest.raises(InputError) as caught:
            set_state(store, "3l7z4sedyej2g", "dismissed")
        assert "several stored Bluesky posts (@ana.bsky.social, @cy.bsky.social)" in (
            caught.value.message
        )
        assert inbox(store).counts["dismissed"] == 0


def test_a_customers_question_to_the_firm_answered_counts_as_joined_for_inbox_and_audit(
    tmp_path: Path,
) -> None:
    # no work word in it: the inbox offers it to the firm as its own to answer all the same
    question = post("950", "u9", "@acme is the Riverside branch open on Saturday mornings?", 60)
    answer = post("951", "firm", "@u9 Yes, 9 to noon every Saturday", 30, kind="reply",
                  reply_to_post_id="950", conversation_id="950")  # fmt: skip
    with store_with(tmp_path, FIRM, question, answer) as store:
        as_firm = build_inbox(store, text_model=FakeScorer(), role_model=None, max_age=None,
                              as_handle="acme")  # fmt: skip
        audited = joined_conversation_ids(store, "x", "firm")
    assert [j.conversation_id for j in as_firm.joined] == ["950"] == audited
