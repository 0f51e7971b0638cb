"""What an X API v2 file lacked, said once per file: no author, no date, dated from the id."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.models import Post
from staffpulse.sources.x_v2_gaps import FieldGaps


def _post(author_id: str = "1", dated: bool = True, handle: str | None = "acme_hr") -> Post:
    when = datetime(2022, 10, 5, tzinfo=UTC) if dated else None
    handle = handle if author_id else None
    return Post(platform="x", id="9", author_id=author_id, author_handle=handle, created_at=when)


def test_nothing_lacking_says_nothing() -> None:
    gaps = FieldGaps()
    gaps.add_post(_post(), dated_by_data=True)
    assert gaps.messages() == []


def test_each_gap_is_told_once_with_its_count() -> None:
    gaps = FieldGaps()
    gaps.add_post(_post(author_id=""), dated_by_data=True)
    gaps.add_post(_post(), dated_by_data=False)  # dated from its id
    gaps.add_post(_post(), dated_by_data=False)
    gaps.add_post(_post(dated=False), dated_by_data=False)  # an id from before 2010
    assert gaps.messages() == [
        "1 post has no author (the request lacked tweet.fields=author_id): kept for listening,"
        " but not auditable; fetch with tweet.fields=author_id&expansions=author_id",
        "2 posts have no date (the request lacked tweet.fields=created_at): dated from their"
        " ids, which X stamps with the time of posting",
        "1 post has no date (the request lacked tweet.fields=created_at) and an id from before"
        " November 2010, which carries no time: kept undated; fetch with"
        " tweet.fields=created_at",
    ]


def test_posts_whose_author_profile_is_not_in_the_page_are_told() -> None:
    # QA s28: a page with "includes": null kept its post and no account, and said nothing
    gaps = FieldGaps()
    gaps.add_post(_post(handle=None), dated_by_data=True)
    gaps.add_post(_post(handle=None), dated_by_data=True)
    assert gaps.messages() == [
        "2 posts have an author id but no author profile in the file (the request lacked"
        " expansions=author_id): kept under the id, with no handle, so an audit finds them only"
        " once their accounts are imported too; fetch with"
        " tweet.fields=author_id&expansions=author_id"
    ]
