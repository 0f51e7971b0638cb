"""The Conversation rules for one post, which the audit and ``staffpulse score`` share: whom a
post talks with, whether it shares another account's post, and whether its own words mention
someone (a quote's link names its author, not a mention the firm wrote)."""

from __future__ import annotations

from staffpulse.audit.conversation_rules import (
    is_self_reply,
    is_share,
    mentions_others,
    own_names,
    read_exchange,
    read_talk,
)
from staffpulse.models import Post

ME = own_names("AcmeStaffing", "9001")


def _post(text: str = "", **kw: object) -> Post:
    return Post(platform="x", id="1", author_id="9001", author_handle="AcmeStaffing",
                text=text, **kw)  # type: ignore[arg-type]  # fmt: skip


def test_a_bare_repost_is_a_share_that_talks_with_no_one() -> None:
    repost = read_exchange(_post("RT @jane: great tips on onboarding", kind="repost"))
    assert repost.named_author == "jane"  # from its "RT @jane:" though no mention is listed
    talk = read_talk(repost, ME, {})
    assert talk.targets == frozenset() and talk.shares and not talk.shares_own
    assert is_share(repost, frozenset(), attributed=True)


def test_the_stored_author_of_a_shared_post_wins_over_the_first_mention() -> None:
    quote = read_exchange(
        _post("Well said @bob", kind="quote", quoted_post_id="77", mentions=("bob",))
    )
    assert read_talk(quote, ME, {"77": "Carol"}).targets == {"bob", "carol"}
    # unknown, the quoted post's author is the one the quote names first
    assert read_talk(quote, ME, {}).targets == {"bob"}


def test_a_quotes_link_author_is_not_a_mention_its_words_make() -> None:
    # the import put the quoted tweet's author first among the mentions, read from the link
    linked = read_exchange(_post("lol https://t.co/x", kind="quote", mentions=("jane",)))
    assert linked.mentions_written == ()
    assert not mentions_others(linked, read_talk(linked, ME, {}).targets)
    written = read_exchange(_post("Agree with @Jane here", kind="quote", mentions=("jane",)))
    assert mentions_others(written, read_talk(written, ME, {}).targets)


def test_a_reply_to_itself_or_a_share_of_its_own_post_talks_with_no_one() -> None:
    thread = read_exchange(_post("2/ and more", kind="reply", reply_to_handle="acmestaffing"))
    assert is_self_reply(thread, ME)
    assert read_talk(thread, ME, {}).targets == frozenset()
    own = read_talk(read_exchange(_post("RT @AcmeStaffing: we're hiring", kind="repost")), ME, {})
    assert own.shares_own and not own.shares and own.targets == frozenset()


def test_a_reply_known_only_by_account_id_talks_with_that_account() -> None:
    reply = read_exchange(_post("Thanks!", kind="reply", reply_to_account_id="555"))
    assert read_talk(reply, ME, {}).targets == {"555"}
    assert not is_self_reply(reply, ME)


def test_each_post_reads_whom_it_talks_with_and_what_it_shares() -> None:
    # the audit and the batch scorer both read a post through read_talk: one rule to count by
    refs = {"77": "carol", "78": "acmestaffing"}
    posts = [
        _post("RT @jane: great onboarding tips", kind="repost"),
        _post("Well said @bob", kind="quote", quoted_post_id="77", mentions=("bob",)),
        _post("Still true a year on", kind="quote", quoted_post_id="78"),
        _post("RT @AcmeStaffing: we moved offices", kind="repost"),
        _post("@dana thanks for the intro", kind="reply", reply_to_handle="dana"),
        _post("Payroll runs Friday this week", kind="original"),
    ]
    talks = [read_talk(read_exchange(p), ME, refs) for p in posts]
    assert [t.targets for t in talks] == [
        frozenset(),
        {"bob", "carol"},
        frozenset(),
        frozenset(),
        {"dana"},
        frozenset(),
    ]
    assert [t.shares for t in talks] == [True, True, False, False, False, False]
    assert [t.shares_own for t in talks] == [False, False, True, True, False, False]
