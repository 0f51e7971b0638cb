"""The handle an X reply answers when the source gives the account's id alone
(staffpulse.sources.reply_handles), through the v1.1 (archive) and v2 readers."""

from __future__ import annotations

from typing import Any

from staffpulse.models import Account
from staffpulse.sources.reply_handles import answered_handle
from staffpulse.sources.x_v1 import post_from_v1_tweet
from staffpulse.sources.x_v2_objects import post_from_v2_tweet

OWNER = Account(platform="x", id="500", handle="acmestaffing")


def _archive_reply(text: str, to_user: str, mentions: list[dict[str, str]]) -> dict[str, Any]:
    """A tweets.js entry whose in_reply_to_screen_name X left null."""
    return {
        "id_str": "900",
        "full_text": text,
        "created_at": "Tue Apr 05 10:00:00 +0000 2016",
        "in_reply_to_status_id_str": "800",
        "in_reply_to_user_id_str": to_user,
        "in_reply_to_screen_name": None,
        "entities": {"user_mentions": mentions, "hashtags": [], "urls": []},
    }


def test_an_archive_reply_without_a_screen_name_answers_the_name_its_text_opens_with() -> None:
    post = post_from_v1_tweet(
        _archive_reply("@RosaHires glad the shift worked out!", "77", []), OWNER
    )
    assert (post.kind, post.reply_to_account_id, post.reply_to_handle) == (
        "reply",
        "77",
        "rosahires",
    )
    assert post.reply_to_post_id == "800"  # as given: nothing invented


def test_a_mention_naming_the_id_answered_gives_its_handle_outright() -> None:
    mentions = [{"screen_name": "DanaAtWork", "id_str": "77"}]
    tweet = _archive_reply("@first_in_line @DanaAtWork see you Monday", "77", mentions)
    assert post_from_v1_tweet(tweet, OWNER).reply_to_handle == "danaatwork"


def test_a_handle_the_posts_mentions_give_to_another_account_is_not_taken() -> None:
    # the @name has moved to someone else since: the account answered is not its bearer now
    mentions = [{"screen_name": "RosaHires", "id_str": "12345"}]
    tweet = _archive_reply("@RosaHires glad the shift worked out!", "77", mentions)
    post = post_from_v1_tweet(tweet, OWNER)
    assert (post.reply_to_account_id, post.reply_to_handle) == ("77", None)


def test_a_thread_of_ones_own_and_a_text_opening_with_no_name_give_no_handle() -> None:
    # the next post of one's own thread opens with the others in it, not whom it answers
    own = post_from_v1_tweet(_archive_reply("@RosaHires and one more thing", "500", []), OWNER)
    assert (own.reply_to_account_id, own.reply_to_handle) == ("500", None)
    plain = post_from_v1_tweet(_archive_reply("Agreed, see you Monday", "77", []), OWNER)
    assert plain.reply_to_handle is None
    # ".@name" is the old way to write to all followers: no reply prefix
    dotted = _archive_reply(".@RosaHires glad it worked", "77", [])
    assert post_from_v1_tweet(dotted, OWNER).reply_to_handle is None
    unknown_author = answered_handle(
        "@RosaHires thanks", answered_id="77", author_id="", author_handle="", mentioned={}
    )
    assert unknown_author is None


def test_a_v2_reply_without_its_user_expanded_takes_the_handle_from_mentions_or_text() -> None:
    tweet = {
        "id": "901",
        "text": "@RosaHires @DanaAtWork count us in",
        "author_id": "500",
        "in_reply_to_user_id": "78",
        "referenced_tweets": [{"type": "replied_to", "id": "801"}],
        "entities": {"mentions": [{"username": "DanaAtWork", "id": "78"}]},
    }
    post = post_from_v2_tweet(tweet, {"500": "acmestaffing"})
    assert (post.reply_to_account_id, post.reply_to_handle) == ("78", "danaatwork")
    del tweet["entities"]
    assert post_from_v2_tweet(tweet, {"500": "acmestaffing"}).reply_to_handle == "rosahires"
    # an expanded user still names it, whatever the text opens with
    named = post_from_v2_tweet(tweet, {"500": "acmestaffing", "78": "Dana_W"})
    assert named.reply_to_handle == "dana_w"
