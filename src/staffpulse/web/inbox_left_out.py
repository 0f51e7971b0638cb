"""The Inbox page's list of the conversations it left out, what ``staffpulse inbox --left-out
[REASON]`` lists in the terminal: each with its reason, so a marketer can check a post dropped
by mistake. The list is the library's (:func:`staffpulse.listen.inbox_left_out.list_left_out`);
this module only chooses the reason asked for and how many to show."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from staffpulse.errors import InputError
from staffpulse.listen.inbox_left_out import ALL_REASONS, LeftOutItem, check_reason, list_left_out
from staffpulse.listen.left_out import KINDS, REASONS, as_sentence, left_out_note
from staffpulse.report.terminal_inbox import shorten
from staffpulse.web.links import inbox_href

if TYPE_CHECKING:
    from staffpulse.listen.inbox_model import Inbox

SHOWN = 50  # left-out conversations listed before "Show all"
ANCHOR = "left-out"
NAMED_CHARS = 60  # of an opening, in its buttons' names (as the open cards' ``about``)
# the page's query fields: which reason (a name of ``left_out.REASONS``, or "all"), how many
REASON_FIELD = "left_out"
SHOWN_FIELD = "left_out_shown"
LIST_FIELDS = (REASON_FIELD, SHOWN_FIELD)  # left off the page's other links


@dataclass(frozen=True, slots=True)
class LeftOutChoice:
    """One link of the list's "Show:" line: a reason (or every one) and how many it left out."""

    label: str
    count: int
    href: str
    current: bool


@dataclass(frozen=True, slots=True)
class LeftOutList:
    note: str  # the inbox's count note as the page shows it: "Left out 2 job ads: not ..."
    asked: bool  # the page was asked for the list: it opens, unfolded
    kind: str | None  # the reason shown in the note's words ("a job ad"); None: every one
    items: list[LeftOutItem]  # the ones shown
    # of each shown, its opening as its buttons name it to a screen reader, shortened, and
    # its copy number among those named the same (1 for the first): the buttons of two job
    # ads that open alike must not read the same
    names: list[tuple[str, int]]
    total: int  # of the reason shown
    choices: list[LeftOutChoice]
    all_href: str  # the whole list, unfolded: where the count note links
    show_all_href: str  # every one of the reason shown ("" when all are)


def left_out_list(query: Mapping[str, str], inbox: Inbox) -> LeftOutList | None:
    """The list of the conversations ``inbox`` left out, of the reason ``?left_out=`` names
    ("all" or none: every one); None when it left none out."""
    if not inbox.left_out_items:
        return None
    raw = query.get(REASON_FIELD, "")
    reason = _page_reason(raw) if raw else None
    chosen = list_left_out(inbox.left_out_items, reason)
    every = query.get(SHOWN_FIELD) == "all"
    counts = Counter(item.reason for item in inbox.left_out_items)
    choices = [LeftOutChoice("All", len(inbox.left_out_items), _href(query, ALL_REASONS),
                             reason is None)]  # fmt: skip
    choices += [
        LeftOutChoice(KINDS[name], counts[name], _href(query, name), name == reason)
        for name in REASONS
        if counts[name]
    ]
    shown = chosen if every else chosen[:SHOWN]
    return LeftOutList(
        note=as_sentence(left_out_note(inbox.left_out)),
        asked=bool(raw),
        kind=KINDS[reason] if reason else None,
        items=shown,
        names=_button_names(shown),
        total=len(chosen),
        choices=choices if len(choices) > 2 else [],  # one reason: "All" is the same list
        all_href=_href(query, ALL_REASONS),
        show_all_href="" if every or len(chosen) <= SHOWN else _href(query, raw, every=True),
    )


def _button_names(items: list[LeftOutItem]) -> list[tuple[str, int]]:
    seen: Counter[tuple[str, str]] = Counter()
    names = []
    for item in items:
        said = shorten(" ".join((item.opening_text or item.kind).split()), NAMED_CHARS)
        seen[(item.author_label, said)] += 1
        names.append((said, seen[(item.author_label, said)]))
    return names


def _page_reason(raw: str) -> str | None:
    """The reason ``?left_out=`` names, None for every one; an unknown one (an address
    edited by hand) is refused in the page's words, not the command's."""
    try:
        return check_reason(raw[:40])
    except InputError:
        raise InputError(
            f"unknown reason '{raw[:20]}' for the conversations the inbox left out",
            hint="choose a reason under “Left out” on the Inbox page",
        ) from None


def _href(query: Mapping[str, str], reason: str, *, every: bool = False) -> str:
    """The page with the list opened at ``reason`` (all of it when ``every``): the open
    conversations' "shown" is left off, the list is what the user asked to see."""
    shown = {SHOWN_FIELD: "all"} if every else {}
    return inbox_href(query, ("shown", *LIST_FIELDS), ANCHOR, **{REASON_FIELD: reason}, **shown)
