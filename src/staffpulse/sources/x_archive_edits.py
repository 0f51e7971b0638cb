"""Tweets edited on X: an X archive keeps every version of an edited tweet as an entry of its
own, each with its own id, and all naming the chain of versions (``edit_info``: the first
version's ``initial.editTweetIds``, a later one's ``edit.editControlInitial.editTweetIds``, in
the order they were written). Read as they are, one tweet edited twice would be three posts in
the audit, the first two with the text the author replaced.

:class:`EditedTweets` keeps the latest version of each and holds the earlier ones back; an
earlier one is dropped only once its latest version was read from the archive, so a tweet
whose latest version is not in it (a part missing) still comes in, as the version there is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from staffpulse.report.counts import count_of
from staffpulse.sources.base import Item, Notice
from staffpulse.store.core import Record


def _chain(tweet: Mapping[str, Any]) -> tuple[str, list[str]]:
    """The id of ``tweet`` and the ids of its versions, oldest first (empty: never edited)."""
    info = tweet.get("edit_info")
    if not isinstance(info, dict):
        return "", []
    control = info.get("initial")
    edit = info.get("edit")
    if control is None and isinstance(edit, dict):
        control = edit.get("editControlInitial")
    versions = control.get("editTweetIds") if isinstance(control, dict) else None
    if not isinstance(versions, list) or len(versions) < 2:
        return "", []
    return str(tweet.get("id_str") or tweet.get("id") or ""), [str(v) for v in versions]


def latest_version(tweet: Mapping[str, Any]) -> str | None:
    """The id of the latest version of ``tweet`` when it is an earlier version of a tweet
    edited later; None for a tweet never edited, or the latest version itself."""
    own, chain = _chain(tweet)
    # a chain naming one id twice (seen in X's data) is a tweet never edited
    return chain[-1] if own in chain[:-1] and chain[-1] != own else None


def earlier_versions(tweet: Mapping[str, Any]) -> tuple[str, ...]:
    """The ids of the earlier versions of ``tweet`` when it is the latest version of a tweet
    edited; () otherwise. The post is stored with them as its other ids, so a store that
    holds an earlier version (imported before it was edited, or by a staffpulse that kept
    every version) has it replaced by this one, not counted twice, and a reply to it joins
    this one."""
    own, chain = _chain(tweet)
    if not chain or chain[-1] != own:
        return ()
    return tuple(dict.fromkeys(version for version in chain if version != own))


class EditedTweets:
    """The versions of the edited tweets of one archive, as its entries are read."""

    def __init__(self) -> None:
        self.read: set[str] = set()  # the ids of the tweets read, to know a latest one came
        self.held: dict[str, list[Record]] = {}  # by the id of their latest version

    def keep(self, record: Record, tweet: Mapping[str, Any]) -> bool:
        """Whether ``record`` (of ``tweet``) is imported now; False for an earlier version of
        an edited tweet, held back until every part is read."""
        own = str(tweet.get("id_str") or tweet.get("id") or "")
        self.read.add(own)
        latest = latest_version(tweet)
        if latest is None:
            return True
        self.held.setdefault(latest, []).append(record)
        return False

    def finish(self, where: str) -> Iterator[Item]:
        """The earlier versions whose latest version the archive did not hold (imported as
        they are), and what was said of the others."""
        dropped = 0
        for latest, records in self.held.items():
            if latest in self.read:
                dropped += len(records)
            else:
                yield from records
        if dropped:
            yield Notice(
                where,
                f"{count_of(dropped, 'entry', 'entries')} of the archive "
                f"{'is an earlier version' if dropped == 1 else 'are earlier versions'} of "
                "tweets edited later (X keeps each version with an id of its own): each edited "
                "tweet is imported once, as its latest version",
            )
