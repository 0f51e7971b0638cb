"""What the posts of an X API v2 file lacked because of how they were requested.

A v2 response holds only the fields asked for: without ``tweet.fields=author_id`` a tweet has
no author, without ``tweet.fields=created_at`` no date. Such posts are kept, and the reader of
the file (twarc2 JSON, twarc2 CSV) says once per file how many, and what to fetch next time.
A post without a date is dated from its id where the id carries the time (since November
2010, :func:`staffpulse.sources.x_ids.time_of_tweet_id`); the notice says which were.
"""

from __future__ import annotations

from dataclasses import dataclass

from staffpulse.models import Post
from staffpulse.next_steps import LACKED_FIELD, REFETCH_WITH_FIELDS


@dataclass
class FieldGaps:
    """Posts of one file kept without an author or a date, counted as read (constant memory)."""

    no_author: int = 0
    # an author id, but no profile of the author in the page (``includes.users``, asked with
    # expansions=author_id): kept, but with no handle to find them by
    no_handle: int = 0
    # a page's includes were damaged and left out, or cut off with the end of the file (told
    # as that problem): the profiles were in the file, not missing from the request
    includes_lost: bool = False
    no_date: int = 0  # no date given and an id too old to carry one: kept undated
    dated_from_id: int = 0  # no date given: the date is the id's

    def add_post(self, post: Post, dated_by_data: bool) -> None:
        """Count ``post`` as the transformer gave it; ``dated_by_data``: its data had a date."""
        self.no_author += not post.author_id
        self.no_handle += bool(post.author_id) and not post.author_handle
        if not dated_by_data:
            if post.created_at is None:
                self.no_date += 1
            else:
                self.dated_from_id += 1

    def messages(self) -> list[str]:
        def posts(n: int) -> str:
            return f"{n:,} post has" if n == 1 else f"{n:,} posts have"

        lacked = LACKED_FIELD.say(fields="created_at")
        no_author = (
            f"{posts(self.no_author)} no author {LACKED_FIELD.say(fields='author_id')}:"
            " kept for listening, but not auditable; "
            + REFETCH_WITH_FIELDS.say(fields="author_id&expansions=author_id")
        )
        one = self.no_handle == 1
        why = "the request lacked expansions=author_id"
        then = REFETCH_WITH_FIELDS.say(fields="author_id&expansions=author_id")
        if self.includes_lost:
            why, then = (
                "a page's includes were damaged or cut off, and left out, as told above",
                "export or fetch the file again",
            )
        no_handle = (
            f"{posts(self.no_handle)} an author id but no author profile in the file ({why}):"
            f" kept under the id, with no handle, so an audit finds {'it' if one else 'them'}"
            f" only once {'that account is' if one else 'their accounts are'} imported too; " + then
        )
        one = self.dated_from_id == 1
        from_id = (
            f"{posts(self.dated_from_id)} no date {lacked}: dated from"
            f" {'its id' if one else 'their ids'}, which X stamps with the time of posting"
        )
        one = self.no_date == 1
        no_date = (
            f"{posts(self.no_date)} no date {lacked} and {'an id' if one else 'ids'} from before"
            f" November 2010, which {'carries' if one else 'carry'} no time: kept undated; "
            + REFETCH_WITH_FIELDS.say(fields="created_at")
        )
        found = (
            (self.no_author, no_author),
            (self.no_handle, no_handle),
            (self.dated_from_id, from_id),
            (self.no_date, no_date),
        )
        return [message for count, message in found if count]
