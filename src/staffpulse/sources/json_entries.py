"""The entries of a saved response (a feed's items, a list of statuses, a page's tweets),
told even in a response that does not parse: how many it held (:func:`count_entries`), and,
for one cut short, those that came whole before the cut (:func:`salvage_cut`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

import orjson

from staffpulse.report.counts import join_and
from staffpulse.sources.json_list_stream import lines_at

# The lists of entries in a response: Bluesky's feed, posts, follows, followers and profiles,
# Mastodon's context and search, the data of an X API v2 page.
ENTRY_LISTS = frozenset(
    {
        "feed",
        "posts",
        "follows",
        "followers",
        "profiles",
        "ancestors",
        "descendants",
        "statuses",
        "accounts",
        "data",
        "orderedItems",  # an ActivityPub collection: a Mastodon archive's outbox.json
    }
)
# A string (to the end of the text when it is cut inside one), or a bracket.
_TOKEN_RE = re.compile(r'"(?:[^"\\]|\\.)*(?:"|\Z)|[\[\]{}]', re.DOTALL)


def _entry_bounds(text: str) -> Iterator[tuple[bool, int, list[str]]]:
    """Where each entry of :data:`ENTRY_LISTS` (or of a top-level list) begins and ends in a
    JSON text, read even when it does not parse: ``(True, start, stack)`` at its "{" and
    ``(False, end, stack)`` after its "}". ``stack`` holds the brackets open there ("[" for an
    entry list, "" for a list that holds no entries, "{"): the walk's own list, to read at once."""
    stack: list[str] = []
    key = ""  # the last string seen directly in the top-level object: a key, before a list
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        if token[0] == '"':
            if stack == ["{"]:
                key = token
            continue
        if token in "]}":
            if stack:
                stack.pop()
            if token == "}" and stack and stack[-1] == "[":
                yield False, match.end(), stack
            continue
        if token == "{" and stack and stack[-1] == "[":
            yield True, match.start(), stack
        if token == "[":
            entries = not stack or (stack == ["{"] and key.strip('"') in ENTRY_LISTS)
            stack.append("[" if entries and len(stack) < 2 else "")
        else:
            stack.append(token)


def count_entries(text: str) -> int:
    """How many entries (objects) a JSON response holds, counted even when it does not parse:
    the objects of a top-level list, or of a list under one of the top-level keys in
    :data:`ENTRY_LISTS`. 0 when it has no such list (a thread, a single status)."""
    return sum(begins for begins, _, _ in _entry_bounds(text))


def entry_lines(text: str) -> list[int]:
    """The line each entry :func:`count_entries` counts starts on, in order."""
    starts = (start for begins, start, _ in _entry_bounds(text) if begins)
    return lines_at(partial(text.count, "\n"), starts)


@dataclass(frozen=True, slots=True)
class Salvaged:
    """A response cut short, as far as its entries came whole: ``document`` holds those
    (its lists closed after the last whole entry), ``lost`` counts the others begun (0 when
    the cut came after them)."""

    document: Any
    read: int
    lost: int
    cut_in_includes: bool = False  # those of a page's includes after the cut are lost

    @property
    def part_lost(self) -> str | None:
        """``"includes"`` for an X API v2 page cut before or in them: (some of) its authors'
        profiles were lost to the cut, not left out of the request; else None."""
        page = self.document
        if not isinstance(page, dict) or "data" not in page:
            return None
        return "includes" if "includes" not in page or self.cut_in_includes else None

    @property
    def told(self) -> str:
        read = f"{self.read:,} entr{'y' if self.read == 1 else 'ies'}"
        if self.lost:
            lost = f"{self.lost:,} entr{'y' if self.lost == 1 else 'ies'}"
            what = (
                f"so the {read} before the cut {'was' if self.read == 1 else 'were'} read and at"
                f" least {lost} lost"
            )
        else:  # the cut came after them: the end of the response (its includes, a cursor)
            what = f"after its {read}, which {'was' if self.read == 1 else 'were'} read"
        return (
            f"the file looks cut short: it stops in the middle, {what}. What to do: download or"
            " export the file again, then import the complete file (nothing is stored twice)"
        )


def salvage_cut(text: str) -> Salvaged | None:
    """The entries of a response cut short (:data:`ENTRY_LISTS`, as :func:`count_entries`
    finds them) that came whole before the cut, as a document; None when none did."""
    last: tuple[int, str] | None = None  # after the last whole entry: where, and the closers
    for begins, where, stack in _entry_bounds(text):
        if not begins:
            last = (where, "".join("]" if b in ("[", "") else "}" for b in reversed(stack)))
    if last is None:
        return None
    in_part = False
    if (whole := _end_of_whole_parts(text)) is not None and whole[0] > last[0]:
        # the cut came after the entries, in or after a part after them (a page's includes,
        # with the authors' profiles): what of it came whole is kept too
        last, in_part = whole, len(whole[1]) > 1
    try:
        document = orjson.loads(text[: last[0]] + last[1])
    except orjson.JSONDecodeError:
        return None
    read = count_entries(orjson.dumps(document).decode("utf-8"))
    return Salvaged(document, read, max(count_entries(text) - read, 0), in_part)


def _end_of_whole_parts(text: str) -> tuple[int, str] | None:
    """Where a top-level object cut short can be closed after what came whole (after its "}"
    or "]"), and the closers: a value of its own, or in a page's ``includes`` a list (the
    users) or one of its entries (a profile), so that a cut in the includes costs only what
    came after it; None when the text is no object or nothing in it came whole."""
    if not text.lstrip().startswith("{"):
        return None
    stack: list[str] = []
    key, end = "", None
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        if token[0] == '"':
            key = token if len(stack) == 1 else key  # the top-level key, before its value
            continue
        if token in "[{":
            stack.append(token)
            continue
        if stack:
            stack.pop()
        if stack == ["{"] or (key == '"includes"' and stack in (["{", "{"], ["{", "{", "["])):
            end = (match.end(), "".join("]" if b == "[" else "}" for b in reversed(stack)))
    return end


# Past this size a damaged response is not searched for the entry to leave out: each try
# parses the whole text again
SALVAGE_LIMIT = 16 * 1024 * 1024
_TRIES = 200  # parses tried, at most, to find the span of the damaged entry
_TRIED_BYTES = 512 * 1024 * 1024  # and text parsed in all: fewer tries for a large response
_CANDIDATES = 3  # entries begun before the damage tried as the damaged one, nearest first


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A response whose JSON a damaged entry breaks, read without that entry: ``document``
    holds the others, ``line`` is where the entry left out begins, ``lost`` how many entries
    went with it (one, unless the damage spanned several)."""

    document: Any
    line: int
    read: int
    lost: int

    def told(self, broken: str) -> str:
        """What is told of the entries left out, where the JSON broke (``broken``: "line 9,
        column 4: what"), and what to do."""
        lost = "an entry" if self.lost == 1 else f"{self.lost:,} entries"
        read = f"{self.read:,} entr{'y' if self.read == 1 else 'ies'}"
        # "the other 0 entries read" of a response holding that one entry only
        rest = f"the other {read} read" if self.read else "the response holds no other"
        return (
            f"{lost} starting here {'is' if self.lost == 1 else 'are'} damaged (not valid JSON"
            f" at {broken}), so {'it was' if self.lost == 1 else 'they were'} left out and"
            f" {rest}. What to do: correct the file there (a text editor shows the"
            " line), or save or export it again"
        )


def salvage_damaged(text: str, at: int) -> LeftOut | None:
    """The response ``text``, whose JSON breaks at index ``at`` inside one of its entries
    (:data:`ENTRY_LISTS`, as :func:`count_entries` finds them), read without that entry: a
    damaged byte costs the entry it is in, not the whole file. None when the break is in no
    entry (the response's own keys), or no removal of whole entries makes the text parse."""
    if len(text) > SALVAGE_LIMIT:
        return None
    starts = [where for begins, where, _ in _entry_bounds(text) if begins]
    before = [where for where in starts if where <= at][-_CANDIDATES:][::-1]
    if not before:
        return None
    # where the entry left out may end: the next entry begun after the break (a comma then
    # an object, as the bounds after damage may be off), or its list's closing bracket
    ends = sorted(
        {m.end() - 1 for m in re.finditer(r",\s*\{", text[at:])}
        | {m.start() for m in re.finditer(r"\]", text[at:])}
    )
    tries = min(_TRIES, max(_CANDIDATES, _TRIED_BYTES // max(len(text), 1)))
    for end in (at + offset for offset in ends):
        for start in before:
            cut = _without(text, start, end)
            tries -= 1
            if tries < 0:
                return None
            if cut is None:
                continue
            try:
                document = orjson.loads(cut)
            except orjson.JSONDecodeError:
                continue
            # counted in the span taken out: the damaged text itself may count wrong past it
            lost = max(sum(start <= where < end for where in starts), 1)
            return LeftOut(document, text.count("\n", 0, start) + 1, count_entries(cut), lost)
    return None


def _without(text: str, start: int, end: int) -> str | None:
    """``text`` without ``text[start:end]``: an entry and what follows it up to the next one
    (``end`` at its "{"), or up to its list's "]" (then with the comma before it)."""
    if text[end] == "{":
        return text[:start] + text[end:]
    head = text[:start].rstrip()
    if head.endswith(","):
        head = head[:-1]
    elif not head.endswith("["):
        return None
    return head + text[end:]


# The parts of a response that hold no entries, and what each holds, said when one is left
# out for damage; no other part is (a status's account: the status means nothing without it)
_PARTS = {
    "includes": "the authors' profiles, media and quoted tweets its posts name",
    "meta": "the page's counts and next token",
    "errors": "the errors the platform returned",
    "__twarc": "when and how twarc fetched the page",
}
_NEXT_KEY_RE = re.compile(r',\s*"(?:[^"\\]|\\.){1,80}"\s*:|\}\s*\Z')
_OPENS_LIST_RE = re.compile(r"\s*:\s*\[")
_LIST_NAME_RE = re.compile(r'"(\w{1,40})"\s*:\s*\[')
_INCLUDES = frozenset({"users", "tweets", "media", "places", "polls", "topics"})  # X API v2


@dataclass(frozen=True, slots=True)
class WithoutPart:
    """A response whose JSON breaks in one of its own parts, outside its entries (a twarc2
    page's ``includes``), read without that part: ``document`` holds the entries, ``key`` names
    the part left out, ``lists`` the lists it held ("users"), and ``held`` how many of their
    items begin before the damage (those after it cannot be counted: at least that many)."""

    document: Any
    key: str
    read: int
    lists: tuple[str, ...]
    held: int

    def told(self, broken: str) -> str:
        """What was left out, where the JSON broke (``broken``), what went with it, and what to
        do."""
        what = _PARTS[self.key]
        if self.lists:
            what = f"{join_and(self.lists)}: {what}"
        with_it = ""
        if self.held:
            with_it = f" with at least {self.held:,} item{'' if self.held == 1 else 's'}"
        return (
            f"the response's {self.key} ({what}) is damaged (not valid JSON at {broken}), so it"
            f" was left out{with_it}, and its {self.read:,} entr{'y' if self.read == 1 else 'ies'}"
            f" {'was' if self.read == 1 else 'were'} read without it. What to do: check the file"
            " there (a text editor shows the line), or save or export it again"
        )


def salvage_without_part(text: str, at: int) -> WithoutPart | None:
    """The response ``text``, whose JSON breaks at index ``at`` in the value of one of its
    top-level keys that is not a list of entries (a twarc2 page's ``includes``), read without
    that key: its posts are kept, without the profiles or media the part held. None when the
    break is elsewhere, or leaving the part out does not make the text parse."""
    if len(text) > SALVAGE_LIMIT:
        return None
    part = _part_at(text, at)
    if part is None:
        return None
    key, start = part
    # each key after the damage may be the next part's (those inside the part are tried too)
    tries = max(_CANDIDATES, _TRIED_BYTES // max(len(text), 1))
    for found in _NEXT_KEY_RE.finditer(text, at):
        tries -= 1
        if tries < 0:
            return None
        end = found.start()
        if found.group().startswith(","):  # the part and the comma after it go
            cut = text[:start] + text[end + 1 :].lstrip()
        else:  # the last part: the comma before it goes
            cut = text[:start].rstrip().removesuffix(",") + text[end:]
        try:
            document = orjson.loads(cut)
        except orjson.JSONDecodeError:
            continue
        if not isinstance(document, dict):
            return None
        # the part's own lists: those before the damage, and the includes' named after it
        after = (name for name in _LIST_NAME_RE.findall(text, at, end) if name in _INCLUDES)
        lists = tuple(dict.fromkeys([*_lists_in(text[start:at]), *after]))
        held = _items_in(text[start:at])  # what follows the damage may be misread
        return WithoutPart(document, key, count_entries(cut), lists, held)
    return None


def _part_at(text: str, at: int) -> tuple[str, int] | None:
    """The top-level key whose value holds index ``at``, and where the key begins; None when
    it is no part that can go (:data:`_PARTS`: the entries are left to :func:`salvage_damaged`)."""
    last: tuple[str, int] | None = None
    opened: list[str] = []
    for match, opened in _tokens(text, at):
        token = match.group()
        if token[0] == '"' and opened == ["{"] and text[match.end() :].lstrip().startswith(":"):
            last = token.strip('"'), match.start()
    # ``opened`` is the walk's own list: once it is done, the brackets open at ``at``
    if last is None or len(opened) < 2 or opened[0] != "{" or last[0] not in _PARTS:
        return None
    return last


def _lists_in(value: str) -> Iterator[str]:
    """The names of the lists a part holds itself (``"includes": {"users": [...]}``: users),
    not those of its items (their ``hashtags``), as far as its brackets can be followed."""
    for match, opened in _tokens(value):
        if (
            match.group()[0] == '"'
            and len(opened) == 1
            and _OPENS_LIST_RE.match(value, match.end())
        ):
            yield match.group().strip('"')


def _items_in(value: str) -> int:
    """How many objects the lists of a part hold (``"users": [{...}, {...}]``)."""
    return sum(
        match.group() == "{" and len(opened) == 2 and opened[1] == "["
        for match, opened in _tokens(value)
    )


def _tokens(text: str, end: int | None = None) -> Iterator[tuple[re.Match[str], list[str]]]:
    """Each string and opening bracket of ``text`` (up to ``end``), as far as its brackets can
    be followed, with the brackets open where it stands (before an opening one opens). The
    list is the walk's own, changed as it goes on: read it at once."""
    opened: list[str] = []
    for match in _TOKEN_RE.finditer(text, 0, len(text) if end is None else end):
        token = match.group()
        if token in "]}":
            if opened:
                opened.pop()
            continue
        yield match, opened
        if token[0] != '"':
            opened.append(token)


__all__ = [
    "ENTRY_LISTS",
    "LeftOut",
    "Salvaged",
    "WithoutPart",
    "count_entries",
    "salvage_cut",
    "salvage_damaged",
    "salvage_without_part",
]
