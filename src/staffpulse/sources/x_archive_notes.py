"""The long posts of an X archive (X Premium "note tweets", over 280 characters):
``data/note-tweet.js`` (``window.YTD.note_tweet.part0``) holds their whole text, while the post
in ``tweets.js`` holds only its first 280 characters or so (ending in "…" and a t.co link).

A note carries no tweet id (``noteTweetId`` is an id of its own, near the tweet's): it is
matched to its post by time and text. A candidate is one of the owner's posts (not a retweet)
written within :data:`NOTE_SECONDS` of the note, whose visible text (``full_text`` without its
trailing "…" and t.co links, ``&amp;`` unescaped, spaces normalised, its links expanded as
``entities.urls`` gives them) begins the note's text (its links expanded as ``core.urls``
gives them). Of several, the closest in time wins, then the nearest id; each note and each post
is matched once. The matched post is stored with the note's text, which keeps its t.co links
as ``full_text`` does, and with the note's mentions, hashtags and links; its raw payload is the
tweet with the note beside it (``noteTweet``). A note matched to no post (its post deleted, or
in a part of the archive that is not there) is never made a post: it is counted and told
(:class:`UnmatchedNotes`).

Posts written near a note are held back until every tweets part is read, as the best match
of a note may be in a later part; the others go on at once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from staffpulse.models import Account, Post
from staffpulse.report.counts import count_of
from staffpulse.sources.base import Item, Notice, Problem
from staffpulse.sources.jsonio import as_list, get_str
from staffpulse.sources.text_files import decode_bytes
from staffpulse.sources.x_archive_check import short_part, unread_part
from staffpulse.sources.x_archive_files import DamagedPart, Listed, Part
from staffpulse.sources.x_entities import decode_x_text
from staffpulse.sources.x_v1 import post_from_v1_tweet, x_time
from staffpulse.sources.ytd import ytd_items
from staffpulse.store.core import Record

NOTE_KIND = "note-tweet"
# X stamps the note and its tweet within the same second or two; wider would let a note
# match another post written just after it
NOTE_SECONDS = 5
_WINDOW = timedelta(seconds=NOTE_SECONDS)
_TCO = re.compile(r"https?://t\.co/\w+")
# what ends a cut text: its "show more" link (maybe cut itself), an ellipsis, spaces
_CUT_TAIL = re.compile(r"(?:\s*https?://t\.co/\w*|\s*\u2026|\s*\.\.\.|\s+)$")
_SHOWN_LINES = 5


@dataclass(frozen=True, slots=True)
class Note:
    """One entry of ``note-tweet.js``: where it is, and what its post is given."""

    note_id: str
    created_at: datetime
    text: str  # as X wrote it (&amp; and t.co links kept, as in full_text)
    key: str  # what a post's visible text must begin (comparable())
    entities: dict[str, list[dict[str, str]]]  # core's lists, as v1.1 entities name them
    raw: dict[str, Any]
    location: str
    line: int


@dataclass(frozen=True, slots=True)
class UnmatchedNotes(Notice):
    """Long posts of one ``note-tweet.js`` that match no post read: their whole text was not
    imported and no post was made of them. Told, not counted as skipped (no post was lost:
    the post itself is not in what was read); ``count`` is how many."""

    count: int = 0

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "message": self.message, "records": self.count}


def comparable(text: str, links: Mapping[str, str]) -> str:
    """``text`` as two copies of one post compare: unescaped, each t.co link replaced by where
    it leads (when ``links`` knows it), runs of spaces made one."""
    text = _TCO.sub(lambda m: links.get(m.group(0), m.group(0)), decode_x_text(text))
    return " ".join(text.split())


def visible_key(full_text: str, links: Mapping[str, str]) -> str:
    """What a post's ``full_text`` shows of its note: the text without what X added when it
    cut it (the trailing "…" and t.co links), comparable with the note's."""
    text, before = full_text, None
    while text != before:
        before, text = text, _CUT_TAIL.sub("", text)
    return comparable(text, links)


def _v1_entities(core: Mapping[str, Any]) -> dict[str, list[dict[str, str]]]:
    """``core``'s urls, mentions and hashtags under the names of a v1.1 tweet's ``entities``,
    so that the tweet reader reads them as it reads ``full_text``'s."""
    found: dict[str, list[dict[str, str]]] = {}
    if isinstance(core.get("urls"), list):
        found["urls"] = [
            {"url": short, "expanded_url": get_str(u, "expandedUrl") or short}
            for u in as_list(core.get("urls"))
            if (short := get_str(u, "shortUrl")) is not None
        ]
    if isinstance(core.get("mentions"), list):
        found["user_mentions"] = [
            {"screen_name": name}
            for m in as_list(core.get("mentions"))
            if (name := get_str(m, "screenName") or get_str(m, "screen_name")) is not None
        ]
    if isinstance(core.get("hashtags"), list):
        found["hashtags"] = [
            {"text": tag}
            for h in as_list(core.get("hashtags"))
            if (tag := get_str(h, "text") or get_str(h, "hashtag")) is not None
        ]
    return found


def note_from_entry(item: Any, location: str, line: int) -> Note:
    """One entry (``{"noteTweet": {...}}``). Raises ValueError for one that cannot be used."""
    note = item.get("noteTweet") if isinstance(item, dict) else None
    if not isinstance(note, dict):
        raise ValueError('entry is not a note tweet object ({"noteTweet": {...}})')
    note_id = get_str(note, "noteTweetId")
    core = note.get("core")
    text = core.get("text") if isinstance(core, dict) else None
    if note_id is None or not isinstance(text, str) or not isinstance(core, dict):
        raise ValueError("note tweet without 'noteTweetId' or 'core.text'")
    created = x_time(note.get("createdAt"))
    if created is None:
        raise ValueError(f"note tweet {note_id} without 'createdAt'")
    entities = _v1_entities(core)
    links = {u["url"]: u["expanded_url"] for u in entities.get("urls", [])}
    return Note(note_id, created, text, comparable(text, links), entities, note, location, line)


def read_notes(
    parts: list[Part], in_manifest: Mapping[tuple[str, int], Listed]
) -> Iterator[Note | Item]:
    """The notes of the ``note-tweet`` parts, and what could not be read of them, each entry
    with its file and line as in any part; a file holding fewer than ``manifest.js`` lists is
    told cut short."""
    for part in sorted(parts, key=lambda p: p.number):
        try:
            text, said = decode_bytes(part.load())
        except DamagedPart:
            yield unread_part(part, in_manifest.get((part.kind, part.number)))
            continue
        if said:
            yield Notice(part.location, said)
        read = lost = 0
        for line, item in ytd_items(text):
            try:
                if isinstance(item, Exception):
                    raise item
                yield note_from_entry(item, part.location, line)
                read += 1
            # EntryError is a ValueError, counting the entries it lost
            except (ValueError, TypeError, AttributeError) as exc:
                records = getattr(exc, "records", 1)
                lost += records
                yield Problem(part.location, line, str(exc), records)
        listed = in_manifest.get((part.kind, part.number))
        if listed is not None and read + lost < listed.count:
            yield short_part(part, listed, read, lost)


@dataclass
class _Held:
    record: Record
    post: Post
    tweet: Mapping[str, Any]
    key: str


@dataclass
class NoteMatcher:
    """Matches the archive's notes to the posts of its tweets parts as they are read:
    :meth:`holds` keeps back a post that may be a note's, :meth:`finish` gives them back
    (whole where a note matched) and tells the notes left over."""

    notes: list[Note]
    owner: Account
    observed: datetime | None
    held: list[_Held] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.notes = sorted(self.notes, key=lambda n: n.created_at)
        self._times = [n.created_at for n in self.notes]

    def _near(self, created: datetime) -> range:
        """The notes (by index) written within the window of ``created``."""
        return range(
            bisect_left(self._times, created - _WINDOW),
            bisect_right(self._times, created + _WINDOW),
        )

    def holds(self, record: Record, post: Post, tweet: Mapping[str, Any]) -> bool:
        """Whether ``post`` is kept back as a note's candidate (then yield it from finish)."""
        if post.kind == "repost" or post.created_at is None or post.author_id != self.owner.id:
            return False
        if not self._near(post.created_at):
            return False
        entities = tweet.get("entities")
        links = {
            short: get_str(u, "expanded_url") or short
            for u in as_list(entities.get("urls") if isinstance(entities, dict) else None)
            if (short := get_str(u, "url")) is not None
        }
        key = visible_key(str(tweet.get("full_text") or tweet.get("text") or ""), links)
        if not key:  # nothing to compare: time alone does not make a match
            return False
        self.held.append(_Held(record, post, tweet, key))
        return True

    def _pairs(self) -> list[tuple[timedelta, int, int, int]]:
        """Every (time apart, ids apart, held post, note) that may match, best first."""
        pairs = []
        for h, held in enumerate(self.held):
            created = held.post.created_at
            assert created is not None  # held posts are dated (holds)
            for n in self._near(created):
                note = self.notes[n]
                apart = abs(note.created_at - created)
                if note.key.startswith(held.key):
                    ids = abs(int(note.note_id) - int(held.post.id)) if _numeric(note, held) else 0
                    pairs.append((apart, ids, h, n))
        return sorted(pairs)

    def finish(self, lone: Part | None) -> Iterator[Item]:
        """The held posts, each with its note's whole text when one matched, then the notes
        matched to none, told per file. ``lone`` is the one file read alone (a tweets part,
        or a note-tweet part), or None for a whole archive."""
        matched: dict[int, int] = {}  # held post -> note
        taken: set[int] = set()
        for _apart, _ids, h, n in self._pairs():
            if h not in matched and n not in taken:
                matched[h] = n
                taken.add(n)
        for h, held in enumerate(self.held):
            match = matched.get(h)
            yield held.record if match is None else self._whole(held, self.notes[match])
        left: dict[str, list[Note]] = {}
        for n, note in enumerate(self.notes):
            if n not in taken:
                left.setdefault(note.location, []).append(note)
        for location, notes in left.items():
            yield UnmatchedNotes(location, _unmatched_message(notes, lone), count=len(notes))

    def _whole(self, held: _Held, note: Note) -> Record:
        """The held record with its post made from the tweet and its note (a new tweet object:
        the one read is not changed): the whole text, and the note's mentions, hashtags and
        links, which run past the cut."""
        entities = held.tweet.get("entities")
        merged = {**(entities if isinstance(entities, dict) else {}), **note.entities}
        tweet = {**held.tweet, "full_text": note.text, "entities": merged}
        try:
            post = post_from_v1_tweet(tweet, self.owner, infer_quote_from_link=True)
        except (ValueError, TypeError, AttributeError):  # read before: kept as it was
            return held.record
        post = replace(post, observed_at=self.observed)
        rows = tuple(post if row is held.post else row for row in held.record.rows)
        return replace(held.record, rows=rows, raw={**held.tweet, "noteTweet": note.raw})


def _numeric(note: Note, held: _Held) -> bool:
    return note.note_id.isdigit() and held.post.id.isdigit()


def _unmatched_message(notes: list[Note], lone: Part | None) -> str:
    one = len(notes) == 1
    notes = sorted(notes, key=lambda n: n.line)
    lines = ", ".join(str(n.line) for n in notes[:_SHOWN_LINES])
    more = f" and {len(notes) - _SHOWN_LINES:,} more" if len(notes) > _SHOWN_LINES else ""
    said = (
        f"{count_of(len(notes), 'long post')} (note tweet{'' if one else 's'} at "
        f"line{'' if one else 's'} {lines}{more}) "
    )
    it, its = ("it", "its") if one else ("them", "their")
    match = "matches" if one else "match"
    whole = f"{its} whole text was not imported"
    if lone is None:
        return (
            f"{said}{match} no post in the archive's tweets (deleted on X, or in a part of the "
            f"archive that is not here): {whole}, and no post was made of {it}"
        )
    if lone.kind == NOTE_KIND:
        return (
            f"{said}{'was' if one else 'were'} read without the archive's tweets.js, which "
            f"holds {'its post' if one else 'their posts'}: {whole}; import the whole archive "
            "folder or ZIP"
        )
    return (
        f"{said}{match} no post of {lone.file_name}, read alone: {whole}; import the whole "
        f"archive folder or ZIP to match {it} to {'its post' if one else 'their posts'} in "
        "its other parts"
    )
