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
    shared_author,
    talks_with,
)
from staffpulse.models import Post

ME = own_names("AcmeStaffing", "9001")


def _post(text: str = "", **kw: object) -> Post:
    return Post(platform="x", id="1", author_id="9001", author_handle="AcmeStaffing",
                text=text, **kw)  # type: ignore[arg-type]  # fmt: skip


def test_a_bare_repost_is_a_share_that_talks_with_no_one() -> None:
    repost = read_exchange(_post("RT @jane: great tips on onboarding", kind="repost"))
    assert repost.named_author == "jane"  # from its "RT @jane:" though no mention is listed
    assert talks_with(repost, ME, {}) == frozenset()
    assert shared_author(repost, ME, {}) == {"jane"}
    assert is_share(repost, frozenset(), attributed=True)


def test_the_stored_author_of_a_shared_post_wins_over_the_first_mention() -> None:
    quote = read_exchange(
        _post("Well said @bob", kind="quote", quoted_post_id="77", mentions=("bob",))
    )
    assert shared_author(quote, ME, {"77": "Carol"}) == {"carol"}
    assert talks_with(quote, ME, {"77": "carol"}) == {"bob", "carol"}


def test_a_quotes_link_author_is_not_a_mention_its_words_make() -> None:
    # the import put the quoted tweet's author first among the mentions, read from the link
    linked = read_exchange(_post("lol https://t.co/x", kind="quote", mentions=("jane",)))
    assert linked.mentions_written == ()
    assert not mentions_others(linked, talks_with(linked, ME, {}))
    written = read_exchange(_post("Agree with @Jane here", kind="quote", mentions=("jane",)))
    assert mentions_others(written, talks_with(written, ME, {}))


def test_a_reply_to_itself_or_a_share_of_its_own_post_talks_with_no_one() -> None:
    thread = read_exchange(_post("2/ and more", kind="reply", reply_to_handle="acmestaffing"))
    assert is_self_reply(thread, ME)
    assert talks_with(thread, ME, {}) == frozenset()
    own = read_exchange(_post("RT @AcmeStaffing: we're hiring", kind="repost"))
    assert shared_author(own, ME, {}) == frozenset()


def test_a_reply_known_only_by_account_id_talks_with_that_account() -> None:
    reply = read_exchange(_post("Thanks!", kind="reply", reply_to_account_id="555"))
    assert talks_with(reply, ME, {}) == {"555"}
    assert not is_self_reply(reply, ME)


def test_one_look_up_of_the_shared_author_reads_as_the_three_rules_do() -> None:
    # the audit looks each post's shared author up once (read_talk); the batch scorer keeps
    # the three rules: both must count the same posts
    refs = {"77": "carol", "78": "acmestaffing"}
    posts = [
        _post("RT @jane: great onboarding tips", kind="repost"),
        _post("Well said @bob", kind="quote", quoted_post_id="77", mentions=("bob",)),
        _post("Still true a year on", kind="quote", quoted_post_id="78"),
        _post("RT @AcmeStaffing: we moved offices", kind="repost"),
        _post("@dana thanks for the intro", kind="reply", reply_to_handle="dana"),
        _post("Payroll runs Friday this week", kind="original"),
    ]
    for post in posts:
        x = read_exchange(post)
        talk = read_talk(x, ME, refs)
        targets = talks_with(x, ME, refs)
        assert talk.targets == targets, post.text
        assert talk.shares == is_share(x, targets, bool(shared_author(x, ME, refs))), post.text
    own = [read_talk(read_exchange(p), ME, refs).shares_own for p in posts]
    assert own == [False, False, True, True, False, False]
