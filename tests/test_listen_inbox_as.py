"""Whose replies mark a conversation joined: every account with the firm's handle, or only the
one on the platform the firm named (the dashboard's "You post as @acme (x)")."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _listen_fakes import FakeScorer, SureScorer
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.window import empty_reason
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import Record, open_store

NOW = datetime.now(UTC)


def _post(pid: str, author: str, text: str, **kw: Any) -> Post:
    return Post(platform="x", id=pid, author_id=author, author_handle=author.split("-")[0],
                text=text, created_at=NOW - timedelta(hours=1), **kw)  # fmt: skip


def test_the_platform_named_keeps_namesakes_elsewhere_out(tmp_path: Path) -> None:
    question = _post("1", "ana", "How do you keep candidates warm during long interview loops?")
    answer = _post("2", "acme-x", "@ana We call them every Friday, even with no news.",
                   kind="reply", reply_to_post_id="1", reply_to_handle="ana")  # fmt: skip
    rows = [
        Account(platform="x", id="acme-x", handle="acme"),
        Account(platform="csv", id="acme", handle="acme"),  # the same handle from a CSV
        question,
        answer,
    ]
    scorer: Any = FakeScorer()  # follows the TopicScorer contract
    with open_store(tmp_path / "as.db") as store:
        store.upsert(rows, provenance("test", tmp_path / "t"))

        def joined(platform: str | None) -> list[str]:
            inbox = build_inbox(store, as_handle="acme", as_platform=platform,
                                text_model=scorer, role_model=None)  # fmt: skip
            return [i.conversation_id for i in inbox.joined]

        assert joined(None) == ["1"]  # every "acme" is the firm's, as with `inbox --as acme`
        assert joined("x") == ["1"]
        assert joined("csv") == []  # the firm posts as acme on csv: the X reply is not its own
        missing = build_inbox(store, as_handle="acme", as_platform="bluesky",
                              text_model=scorer, role_model=None)  # fmt: skip
    assert "account acme on Bluesky is not in the store" in " ".join(missing.notes)


def test_the_firms_posts_are_its_own_without_an_account_row(tmp_path: Path) -> None:
    """A posts file stores no account row: the posts signed with the handle named are the
    firm's all the same (QA16 16.3), so its own post is not offered and its reply joins."""
    own = Post(platform="x", id="10", author_id="777", author_handle="AcmeStaffing",
               text="How do you keep candidates warm during long interview loops?",
               created_at=NOW - timedelta(hours=2))  # fmt: skip
    question = _post("1", "ana", "What do you tell candidates when the offer is delayed?")
    reply = Post(platform="x", id="2", author_id="777", author_handle="AcmeStaffing",
                 text="@ana We call them every Friday, even with no news.", kind="reply",
                 reply_to_post_id="1", reply_to_handle="ana", conversation_id="1",
                 created_at=NOW - timedelta(minutes=30))  # fmt: skip
    scorer: Any = FakeScorer()
    with open_store(tmp_path / "rows.db") as store:
        store.upsert([own, question, reply], provenance("test", tmp_path / "t"))
        assert store.conn.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 0
        inbox = build_inbox(store, as_handle="@acmestaffing", text_model=scorer, role_model=None)
        nobody = build_inbox(store, as_handle="nosuchfirm", text_model=scorer, role_model=None)
    assert [i.conversation_id for i in inbox.items] == []  # its own post is not offered
    assert [i.conversation_id for i in inbox.joined] == ["1"]
    assert inbox.account_note is None and inbox.as_dict()["account_found"] is True
    assert nobody.account_note in nobody.notes
    assert nobody.as_dict()["account_found"] is False
    assert "10" in [i.conversation_id for i in nobody.items]


def test_a_thread_the_firm_opened_is_offered_when_someone_answered_it_last(
    tmp_path: Path,
) -> None:
    """``inbox --as`` dropped every conversation the firm began unsaid (counts.own_opened
    only), even one where someone answered the firm and waits: the best reply it can make.
    Its own post is a job ad here, which says nothing of the answer under it."""

    def reply(pid: str, author: str, to: str, text: str, minutes: int) -> Post:
        return Post(platform="x", id=pid, author_id=author, author_handle=author.split("-")[0],
                    text=text, kind="reply", reply_to_post_id=to, conversation_id=to,
                    created_at=NOW - timedelta(minutes=minutes))  # fmt: skip

    asked = _post("10", "acme-x", "We're hiring forklift drivers in Tulsa, nights. #hiring")
    waiting = reply("11", "ana", "10", "@acme is the night shift paid more than the day one?", 40)
    answered = _post("20", "acme-x", "What should a recruiter say first when a candidate calls?")
    said = reply("21", "ben", "20", "@acme Their name and the role, before anything else.", 50)
    thanks = reply("22", "acme-x", "21", "@ben Agreed, and the pay range early too.", 30)
    room = _post("1", "cy", "How do you keep candidates warm during long interview loops?")
    (inbox,) = _inboxes_as(tmp_path, [asked, waiting, answered, said, thanks, room], "acme")
    offered = {i.conversation_id: i for i in inbox.items}
    assert set(offered) == {"10", "1"} and inbox.joined == []
    mine = offered["10"]
    assert mine.reasons[0] == "your own conversation: @ana answered you and waits for your reply"
    # said of the firm's own post, "only 1 reply so far: room to add value" is no reason
    assert not [r for r in mine.reasons if "room to add value" in r or "started by" in r]
    assert mine.angle.startswith("Reply to the person who answered you, @ana: ")
    assert inbox.counts["own_opened"] == 1 and inbox.left_out == {}
    assert "1 conversation you opened is not listed: nobody is waiting for your reply in it" in (
        inbox.notes
    )


def test_an_answer_written_after_the_as_of_date_waits_for_nobody_yet(tmp_path: Path) -> None:
    """``inbox --as acme --as-of`` an hour the firm's thread held only its own post offered
    it as "@acme answered you and waits for your reply": the answer came later."""
    asked = Post(platform="x", id="10", author_id="acme-x", author_handle="acme",
                 text="What should a recruiter say first when a candidate calls?",
                 created_at=NOW - timedelta(hours=5))  # fmt: skip
    later = Post(platform="x", id="11", author_id="ana", author_handle="ana",
                 text="@acme Their name and the role, before anything else.", kind="reply",
                 reply_to_post_id="10", conversation_id="10",
                 created_at=NOW - timedelta(hours=1))  # fmt: skip
    room = Post(platform="x", id="1", author_id="cy", author_handle="cy",
                text="How do you keep candidates warm during long interview loops?",
                created_at=NOW - timedelta(hours=4))  # fmt: skip
    with open_store(tmp_path / "asof.db") as store:
        rows = [Account(platform="x", id="acme-x", handle="acme"), asked, later, room]
        store.upsert(rows, provenance("test", tmp_path / "t"))

        def inbox_at(hours_ago: int) -> Any:
            return build_inbox(store, as_handle="acme", as_of=NOW - timedelta(hours=hours_ago),
                               text_model=FakeScorer(), role_model=None)  # fmt: skip

        before, after = inbox_at(3), inbox_at(0)
    assert [i.conversation_id for i in before.items] == ["1"]
    assert before.counts["own_opened"] == 1
    assert "10" in [i.conversation_id for i in after.items]  # answered by then: offered


def test_an_unknown_firms_note_agrees_with_its_joined_count(tmp_path: Path) -> None:
    """``inbox --as nosuchfirm`` after ``mark-joined --as nosuchfirm``: counts.joined was 1
    while the note said "joined conversations are unknown" (QA17 I8)."""
    from staffpulse.listen.states import set_state

    question = _post("1", "ana", "How do you keep candidates warm during long interview loops?")
    scorer: Any = FakeScorer()
    with open_store(tmp_path / "as.db") as store:
        store.upsert([question], provenance("test", tmp_path / "t"))

        def inbox_note() -> tuple[int, str]:
            inbox = build_inbox(store, as_handle="nosuchfirm", text_model=scorer,
                                role_model=None)  # fmt: skip
            assert inbox.notes[0] == inbox.account_note  # the first thing said
            return inbox.counts["joined"], inbox.account_note or ""

        joined, note = inbox_note()
        assert joined == 0
        assert note == ("account nosuchfirm is not in the store, so its replies are unknown and"
                        " nothing counts as joined; import or fetch its posts first")  # fmt: skip
        set_state(store, "1", "joined", as_handle="nosuchfirm")
        joined, note = inbox_note()
    assert joined == 1
    assert note == ("account nosuchfirm is not in the store, so its replies are unknown: the 1"
                    " conversation counted as joined was marked joined by hand; import or fetch"
                    " its posts first")  # fmt: skip


def test_a_store_of_the_firms_own_archive_says_why_nothing_is_offered(tmp_path: Path) -> None:
    # A firm's own X archive, then `inbox --as` the firm: every conversation is one it began,
    # so none is offered; it said "No open conversations. Listen first ... or import posts",
    # as if the store were empty.
    rows = [
        Account(platform="x", id="acme-x", handle="acme"),
        _post("1", "acme-x", "What do you wish candidates knew about recruiters?"),
        _post("2", "acme-x", "How fast should a recruiter reply to an applicant?"),
    ]
    with open_store(tmp_path / "own.db") as store:
        store.upsert(rows, provenance("test", tmp_path / "t"))
        inbox = build_inbox(store, as_handle="acme", text_model=FakeScorer(), role_model=None)
    assert inbox.items == [] and inbox.counts["own_opened"] == 2
    reason = empty_reason(None, True, inbox.max_age, inbox.counts)
    assert reason.startswith(
        "Nothing to join: the store holds only your own posts (2 conversations you began)"
    )
    # where other people's conversations are found, with the commands that find them
    assert "staffpulse listen bluesky" in reason and "staffpulse import FILE" in reason
    assert 'staffpulse fetch x --search "QUERY"' in reason


def _own_archive(reply_to_ben: str) -> list[Account | Post]:
    """@acme's own archive: a post of its own and its replies to @ana and @ben, whose posts it
    does not hold."""
    return [
        Account(platform="x", id="acme-x", handle="acme"),
        _post("1", "acme-x", "How fast should a recruiter reply to an applicant?"),
        _post("2", "acme-x", "@ana Same day for every candidate, even when it is a no.", kind="reply",
              reply_to_post_id="99", reply_to_handle="ana"),
        _post("3", "acme-x", reply_to_ben, kind="reply", reply_to_post_id="98",
              reply_to_handle="ben"),
    ]  # fmt: skip


def test_an_own_archive_with_replies_is_not_said_to_be_gone_through(tmp_path: Path) -> None:
    # The firm's X archive holds its replies to posts by others, which the archive does not
    # hold: each counts as joined, so the empty inbox said "every conversation is joined,
    # dismissed or snoozed", as if the firm had been through them, when nobody else's post
    # is stored at all.
    rows = _own_archive("@ben Our recruiters call back within the hour.")
    with open_store(tmp_path / "own.db") as store:
        store.upsert(rows, provenance("test", tmp_path / "t"))
        inbox = build_inbox(store, as_handle="acme", text_model=FakeScorer(), role_model=None)
    assert inbox.items == [] and len(inbox.joined) == 2  # its replies are still listed
    assert inbox.counts["own_replies"] == 2
    reason = empty_reason(None, True, inbox.max_age, inbox.counts)
    assert "every conversation is joined, dismissed or snoozed" not in reason
    assert reason.startswith(
        "Nothing to join: the store holds only your own posts (1 conversation you began; 2 you"
        " replied in, listed as joined, whose other posts aren't stored)"
    )
    assert "staffpulse listen bluesky" in reason
    # said once: the note on the conversations the firm opened is in the reason
    assert not any("you opened" in note for note in inbox.notes)


def test_an_own_archive_says_which_replies_are_left_out_as_chat_not_about_work(
    tmp_path: Path,
) -> None:
    rows = [
        Account(platform="x", id="acme-x", handle="acme"),
        _post("2", "acme-x", "@ana Same day for every candidate, even when it is a no.", kind="reply",
              reply_to_post_id="99", reply_to_handle="ana"),
        _post("3", "acme-x", "@ben sent it like a pro, see you at the climbing gym", kind="reply",
              reply_to_post_id="98", reply_to_handle="ben"),
    ]  # fmt: skip
    with open_store(tmp_path / "own.db") as store:
        store.upsert(rows, provenance("test", tmp_path / "t"))
        # the classifier says yes to "boss", as the real one may
        inbox = build_inbox(store, as_handle="acme", text_model=SureScorer(), role_model=None)
    assert [j.conversation_id for j in inbox.joined] == ["99"]
    assert inbox.left_out == {"off_work": 1}
    reason = empty_reason(None, True, inbox.max_age, inbox.counts)
    assert reason.startswith(
        "Nothing to join: the store holds only your own posts (2 conversations you replied in,"
        " whose other posts aren't stored: 1 listed as joined, 1 left out as not about work)"
    )


def test_an_inbox_of_only_ones_own_archive_is_its_owners_without_as(tmp_path: Path) -> None:
    # A new user imports their own X archive and types `inbox` (no --as): their own old post
    # was offered as a conversation to join, and nothing said the posts were all theirs.
    rows = [
        Account(platform="x", id="acme-x", handle="acme"),
        _post("1", "acme-x", "What do you wish candidates knew about recruiters?"),
        _post("2", "acme-x", "@ana Same day for every candidate, even when it is a no.",
              kind="reply", reply_to_post_id="99", reply_to_handle="ana"),
    ]  # fmt: skip

    def inbox_from(source: str) -> Any:
        with open_store(tmp_path / f"{source}.db") as store:
            # an import keeps each record as read, under the source it was read as
            read = Record(rows=tuple(rows), provenance=provenance(source, tmp_path / "t"),
                          raw={"read": "as is"})  # fmt: skip
            store.write_records([read])
            return build_inbox(store, text_model=FakeScorer(), role_model=None)

    own = inbox_from("x-archive")
    assert own.items == [] and own.counts["own_opened"] == 1
    assert own.notes[0] == (
        "every stored post is @acme's own (X archive), so the inbox is read as @acme's,"
        " as --as acme would"
    )
    reason = empty_reason(None, True, own.max_age, own.counts)
    assert reason.startswith("Nothing to join: the store holds only your own posts")
    # the same posts fetched (a brand's timeline, say) are no one's own: still offered
    fetched = inbox_from("x-api")
    assert "1" in [i.conversation_id for i in fetched.items]
    assert not any("own (X archive)" in note for note in fetched.notes)


def test_a_conversation_of_someone_else_joined_is_still_said_as_joined(tmp_path: Path) -> None:
    rows = [
        Account(platform="x", id="acme-x", handle="acme"),
        _post("1", "ana", "How do you keep candidates warm during long interview loops?"),
        _post("2", "acme-x", "@ana We call them every Friday, even with no news.",
              kind="reply", reply_to_post_id="1", reply_to_handle="ana"),
    ]  # fmt: skip
    with open_store(tmp_path / "joined.db") as store:
        store.upsert(rows, provenance("test", tmp_path / "t"))
        inbox = build_inbox(store, as_handle="acme", text_model=FakeScorer(), role_model=None)
    assert inbox.items == [] and inbox.counts["own_replies"] == 0
    reason = empty_reason(None, True, inbox.max_age, inbox.counts)
    assert reason == "Nothing left to join: every conversation is joined, dismissed or snoozed."


def _inboxes_as(tmp_path: Path, posts: list[Any], *firms: str) -> list[Any]:
    """The inbox of each firm over the posts, in a store that also holds @acme's account."""
    scorer: Any = FakeScorer()  # follows the TopicScorer contract
    with open_store(tmp_path / "as.db") as store:
        rows = [Account(platform="x", id="acme-x", handle="acme"), *posts]
        store.upsert(rows, provenance("test", tmp_path / "t"))
        return [build_inbox(store, as_handle=f, text_model=scorer, role_model=None) for f in firms]


def test_a_question_put_to_the_firm_is_its_own_to_answer_not_someone_elses(
    tmp_path: Path,
) -> None:
    """ "@acme why no word on my interview?" is asked of the firm: for @acme it is no question
    "for @acme, not the room" ranked down, and no other brand's customer service; for any
    other firm it still is aimed at one account."""
    asked = _post(
        "1", "ana", "@acme why no word on my interview for the recruiter job? Three weeks."
    )
    room = _post("2", "ben", "How do you keep candidates warm during long interview loops?")
    mine, theirs = _inboxes_as(tmp_path, [asked, room], "acme", "harbor")
    to_acme = next(i for i in mine.items if i.conversation_id == "1")
    assert to_acme.reasons[0] == "addressed to your firm: yours to answer"
    assert to_acme.angle.startswith("Addressed to your firm: answer it yourself")
    assert not any("addressed to @acme" in c for c in to_acme.cautions)
    to_other = next(i for i in theirs.items if i.conversation_id == "1")
    assert to_other.angle.startswith("A question for @acme, not the room")
    assert to_acme.score > to_other.score


def test_a_loss_told_to_the_firm_is_acknowledged_before_it_is_answered(tmp_path: Path) -> None:
    """ "@acme my dad passed away, can I move my start date?" was told to answer it in a line,
    with no word for the loss: the firm's own question still comes first, the loss before it."""
    grief = _post(
        "1", "ana", "@acme my dad passed away last night, can I move my start date for the new job?"
    )
    plain = _post("2", "ben", "@acme can I move my start date for the new job to the 12th?")
    (inbox,) = _inboxes_as(tmp_path, [grief, plain], "acme")
    angles = {i.conversation_id: i.angle for i in inbox.items}
    assert angles["1"].startswith("Addressed to your firm, by someone going through a hard time")
    assert "acknowledge it first" in angles["1"] and "no jokes" in angles["1"]
    assert angles["2"].startswith("Addressed to your firm: answer it yourself")


def test_a_loss_mourned_is_left_out_unless_it_is_told_to_the_firm(tmp_path: Path) -> None:
    """A post that only mourns a coworker was offered as a conversation to join, its own angle
    saying "a loss, not a conversation to join"; told to the firm itself it is the firm's to
    acknowledge, so it stays."""
    told = "lost our shift lead Dana on Sunday. The job won't be the same without her. RIP"
    to_room = _post("1", "ana", "Our team " + told)
    to_firm = _post("2", "ben", "@acme our team " + told)
    (inbox,) = _inboxes_as(tmp_path, [to_room, to_firm], "acme")
    assert [i.conversation_id for i in inbox.items] == ["2"]
    assert inbox.items[0].angle.startswith("Addressed to your firm, by someone going through")
    assert inbox.left_out == {"mourning": 1}
    assert "left out 1 post mourning a loss: not a conversation to join" in inbox.notes


def test_a_question_to_the_firm_in_no_work_words_is_still_offered_to_it(tmp_path: Path) -> None:
    """ "@acme are you open on Saturday?" names no work matter, so the judge of work never
    loaded it: the firm's inbox said nothing of a question only it can answer."""
    asked = _post("1", "ana", "@acme are you open on Saturday?")
    elsewhere = _post("2", "ben", "@harbor are you open on Saturday?")
    mine, nobody = _inboxes_as(tmp_path, [asked, elsewhere], "acme", "zenith")
    assert [i.conversation_id for i in mine.items] == ["1"]
    assert mine.items[0].reasons[0] == "addressed to your firm: yours to answer"
    assert nobody.items == []  # another firm's question is not offered for its words


def test_a_greeting_before_the_firms_handle_still_makes_the_question_its_own(
    tmp_path: Path,
) -> None:
    """ "Hi @acme, ..." was missed: only posts that began with "@acme" were looked for. An
    address inside an e-mail or another handle that starts with the firm's is not the firm."""
    hello = _post("1", "ana", "Hi @acme, are you open on Saturday?")
    email = _post("2", "ben", "Hi @carla, write to desk@acme.com about Saturday?")
    namesake = _post("3", "cy", "Hey @acme_north are you open on Saturday?")
    (mine,) = _inboxes_as(tmp_path, [hello, email, namesake], "acme")
    assert [i.conversation_id for i in mine.items] == ["1"]
    assert mine.items[0].reasons[0] == "addressed to your firm: yours to answer"


def test_an_old_own_archive_is_ranked_now_with_one_count_of_what_it_left_out(
    tmp_path: Path,
) -> None:
    # An archive of one's own posts, years old: the inbox was a replay "as of" the date of the
    # newest reply it read (years before the archive's last post), then said "Left out 1
    # conversation not about work" beside "2 you replied in ... 1 left out": two counts, two
    # dates, for nothing to show.
    years_ago = NOW - timedelta(days=2000)
    rows = _own_archive("@ben sent it like a pro, see you at the climbing gym")
    rows = [r if isinstance(r, Account) else replace(r, created_at=years_ago) for r in rows]
    with open_store(tmp_path / "own.db") as store:
        store.upsert(rows, provenance("test", tmp_path / "t"))
        inbox = build_inbox(store, as_handle="acme", text_model=SureScorer(), role_model=None)
    assert not inbox.replay and inbox.clock_note is None  # no replay date to read past
    assert abs(inbox.ranked_as_of - datetime.now(UTC)) < timedelta(hours=1)
    assert not any("replay" in n or "left out" in n or "active" in n for n in inbox.notes)
    assert [j.conversation_id for j in inbox.joined] == ["99"]
    # the JSON says why, as the reason does: it was {} and the reason a guess past the window
    assert inbox.left_out == {"off_work": 1} and inbox.counts["older_left_out"] == 0
    reason = empty_reason(None, True, inbox.max_age, inbox.counts, inbox.left_out)
    assert reason.startswith(
        "Nothing to join: the store holds only your own posts (1 conversation you began; 2 you"
        " replied in, whose other posts aren't stored: 1 listed as joined, 1 left out as not about"
        " work)"
    )
