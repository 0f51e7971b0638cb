"""Two files of an X archive holding the same part: ``tweets-part1.js`` and the
``tweets-part1 (1).js`` a browser saved beside it, or a ``tweets copy.js`` kept by hand.

One file is read for each part (kind and number, ``window.YTD.tweets.part1``): the one under
X's name, else the first renamed one by name. Reading both would count every shared post
twice in the import's summary (the store keeps each post once, by id), and an older copy's
likes and reposts could replace those of X's file. The other copy is compared with the file
read, and told: the same file, or one whose entries are all in it (an older or edited copy),
is a note; entries that only the copy holds are told and counted as skipped, with how to
import them (the copy on its own), so that nothing is lost unsaid.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from staffpulse.report.counts import count_of
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.text_files import decode_bytes
from staffpulse.sources.x_archive_files import COUNTED_NOUNS, TWEET_PARTS, DamagedPart, Part
from staffpulse.sources.ytd import ytd_items


@dataclass(frozen=True, slots=True)
class Copy:
    """A file holding a part that ``read``, another file, holds too: ``copy`` is not read."""

    copy: Part
    read: Part


def pick_one_per_part(parts: list[Part]) -> tuple[list[Part], list[Copy]]:
    """The file to read for each part (X's name first, then by name), and the other copies."""
    chosen: dict[tuple[str, int], Part] = {}
    copies: list[Copy] = []
    for part in sorted(parts, key=lambda p: (not p.under_x_name, p.file_name)):
        read = chosen.setdefault((part.kind, part.number), part)
        if read is not part:
            copies.append(Copy(part, read))
    return list(chosen.values()), copies


def _entry_key(kind: str, item: Any) -> str | None:
    """What tells an entry apart: a tweet's id, a long post's note id, a follower's or
    followed account's id."""
    if not isinstance(item, dict):
        return None
    if kind in TWEET_PARTS:
        tweet = item.get("tweet", item)
        found = (tweet.get("id_str") or tweet.get("id")) if isinstance(tweet, dict) else None
    elif kind == "note-tweet":
        note = item.get("noteTweet")
        found = note.get("noteTweetId") if isinstance(note, dict) else None
    else:
        inner = item.get(kind)
        found = inner.get("accountId") if isinstance(inner, dict) else None
    return None if found is None else str(found)


def _entry_keys(part: Part, data: bytes) -> set[str]:
    keys = (_entry_key(part.kind, item) for _line, item in ytd_items(decode_bytes(data)[0]))
    return {key for key in keys if key is not None}


def _import_alone(copy: Part) -> str:
    # worded for the terminal and the dashboard alike: no command, which only one of them runs
    if "!" in copy.location:
        return "extract this file from the ZIP and import it on its own as well"
    return "import this file on its own as well"


def tell_copy(found: Copy) -> Notice | Problem:
    """What the user hears of a copy not read: a note when it holds nothing the file read
    lacks; else a problem counting the entries only the copy holds, with how to import them."""
    copy, read = found.copy, found.read
    part = f"window.YTD.{copy.kind}.part{copy.number}"
    try:
        copy_data, read_data = copy.load(), read.load()
    except DamagedPart:  # the part read, if it is the one, is told as it is read
        return Notice(
            copy.location,
            f"another copy of {read.file_name}, not read: one of the two"
            " is damaged in the ZIP, so they could not be compared",
        )
    if copy_data == read_data:
        return Notice(
            copy.location, f"the same as {read.file_name} ({part}), which was read: not read again"
        )
    why = "the name X gives it" if read.under_x_name else "the first by name"
    said = (
        f"another copy of {read.file_name} (both hold {part}), not read: {read.file_name} was "
        f"read ({why})"
    )
    noun = COUNTED_NOUNS.get(copy.kind)
    if noun is None:  # account.js, profile.js: one owner, nothing to count
        return Notice(copy.location, f"{said}; the two differ: keep the newer one only")
    extra = len(_entry_keys(copy, copy_data) - _entry_keys(read, read_data))
    if not extra:
        return Notice(copy.location, f"{said}, and every {noun} in this copy is in it too")
    one = extra == 1
    message = (
        f"{said}, and this copy holds {count_of(extra, noun)} it lacks, "
        f"{'which was' if one else 'which were'} not imported: if {'it is' if one else 'they are'} "
        f"yours, {_import_alone(copy)} (what is already stored is not stored twice)"
    )
    return Problem(copy.location, None, message, extra)
