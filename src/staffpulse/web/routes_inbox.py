"""Inbox: the conversations worth joining, by topic; joined, dismissed, snoozed and reopened
ones (marking them is :mod:`staffpulse.web.routes_inbox_marks`)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from staffpulse.config import config_table, load_config
from staffpulse.errors import InputError, SharedNameError, StaffpulseError
from staffpulse.listen.left_out import as_sentence
from staffpulse.listen.looks import moves_the_mark
from staffpulse.listen.own_archive import holds_own_posts_only
from staffpulse.models import platform_choice
from staffpulse.web.app import web
from staffpulse.web.data_inbox import inbox_key
from staffpulse.web.forms import bounded_int
from staffpulse.web.holdings import store_holdings
from staffpulse.web.inbox_left_out import LIST_FIELDS, left_out_list
from staffpulse.web.inbox_new import new_since
from staffpulse.web.jobs import Job
from staffpulse.web.links import inbox_href
from staffpulse.web.pickers import account_choices, account_ref
from staffpulse.web.routes_core import empty_store
from staffpulse.web.wording import web_text

if TYPE_CHECKING:
    from staffpulse.listen.firm import FirmResolution
    from staffpulse.listen.looks import Look
    from staffpulse.listen.window import TopicChoice

router = APIRouter()
AGES = (("7d", "7 days"), ("30d", "30 days"), ("90d", "90 days"), ("365d", "a year"))
NO_LIMIT = "0"
AS_OF = (
    ("auto", "Automatic"),
    ("now", "Now: the live view"),
    ("newest", "As of the newest post"),
)
JOINED_SHOWN = 30
PAGE = 30  # open conversations shown at first, and added by "Show more"
TOPIC_LINKS_SHOWN = 8  # topic links above the inbox; the Topic field suggests every one


@router.get("/inbox", response_class=HTMLResponse)
def inbox_page(request: Request) -> HTMLResponse:
    ctx = web(request)
    # anyone's posts: a store of listened posts holds no account, yet conversations to join
    if not store_holdings(ctx.backend).post_total:
        return empty_store(request, "inbox", "the conversation inbox")
    q = request.query_params
    config = load_config()  # read once: the [listen] max_age below comes from it
    # typed, or the firm saved for this store (config_firm.store_firm), like the CLI; on the
    # sample, the sample's firm
    saved = ctx.backend.saved_firm()
    typed = q.get("as", "") if "as" in q else saved
    firm = _posting_as(ctx, typed)
    # a saved account this store does not hold (saved before its posts were imported) opens
    # the Inbox for no firm, which says so
    saved_elsewhere = "as" not in q and firm is not None and not firm.found
    if saved_elsewhere:
        firm = None
    # what "names no account in the store" is said with: a reference the inbox cannot count,
    # or a display name several accounts share (their handles, to give one instead)
    as_problem = None
    if firm is not None and (not firm.counted or isinstance(firm.error, SharedNameError)):
        as_problem = firm.error
    # the firm's handle, and its platform when it is named: its namesakes elsewhere are not
    as_handle = None if firm is None else firm.inbox_handle
    as_platform = None if firm is None else firm.inbox_platform
    topic = q.get("topic") or None
    # as on the command line: "twitter" is x, and an unknown one says so (not an empty inbox)
    platform = platform_choice(q.get("platform"))
    # imported here: the listening package loads the topic model (seconds), not wanted at start
    from staffpulse.listen.window import configured_max_age, configured_window, parse_max_age

    if q.get("max_age"):
        max_age_raw = q["max_age"].strip()[:20]
        max_age = _page_max_age(max_age_raw, parse_max_age)
    else:  # a bad setting is the config file's fault: say which file, as `inbox` does
        max_age = configured_window(config)  # so [listen] is a table with an age in it
        max_age_raw = configured_max_age(config_table(config, "listen")).strip()[:20]
    as_of = q.get("as_of") or "auto"
    if as_of not in dict(AS_OF):
        raise InputError(f"unknown choice '{as_of[:20]}' for “Rank as of”", hint="reload the page")
    look = ctx.backend.inbox_look(as_handle)  # afresh: a cached inbox's look is as old as it
    key = inbox_key(as_handle, topic, platform, max_age, as_of, as_platform, look.since)
    ctx.backend.forget_ended_snoozes(key)  # a conversation due back is ranked again
    result = ctx.slow.get(
        key,
        "Finding the conversations worth joining",
        lambda job: _ranked(
            ctx, job, (as_handle, topic, platform, max_age, as_of, as_platform), look
        ),
        ctx.settings.page_wait,
    )
    if isinstance(result, Job):
        return ctx.renderer.page(
            request,
            "preparing.html",
            active="inbox",
            job=result,
            what="inbox",
            heading="Finding the conversations worth joining",
            explain="Every stored conversation is read, given a topic and ranked; on a big "
            "store this can take minutes. The result is kept until new data comes in.",
        )
    inbox = result
    if moves_the_mark(topic, platform):  # the firm saw its whole inbox: docs/web.md
        ctx.backend.record_inbox_look(look)
    back = inbox_href(q)  # where a form on the page comes back to
    ages = list(AGES)
    if max_age is not None and max_age_raw not in {value for value, _label in ages}:
        ages.append((max_age_raw, max_age_raw))  # the config's own setting, kept selectable
    all_joined = q.get("joined") == "all"
    shown = _shown(q.get("shown", ""), len(inbox.items))
    items = inbox.items[:shown]
    groups = replace(inbox, items=items).by_topic()  # of the shown page
    return ctx.renderer.page(
        request,
        "inbox.html",
        active="inbox",
        inbox=inbox,
        groups=groups,
        new=new_since(inbox, items),
        anchor_of=anchor_of,
        return_to=_return_to([item for _label, group in groups for item in group]),
        open_total=len(inbox.items),
        shown=len(items),
        more_href=_with(q, shown=str(shown + PAGE)) + "#more" if shown < len(inbox.items) else "",
        next_page=min(PAGE, len(inbox.items) - shown),
        page_size=PAGE,
        accounts=account_choices(ctx.backend),
        as_handle=as_handle or "",
        as_value=_picker_value(firm, as_problem),
        as_problem=as_problem,
        # a bare handle with no account nor post in the store: said as the warning it is
        as_missing=as_problem is None and firm is not None and not firm.found,
        # "Save as my account": for an account found that is not the one saved already
        save_as="" if ctx.backend.sample_shown() else _save_offer(ctx, typed, saved, firm),
        # the button names the account that gets saved, not the address as it was pasted
        save_as_shown=_picker_value(firm, None),
        saved_account=saved,
        saved_elsewhere=saved if saved_elsewhere else "",
        sample_firm=ctx.backend.sample_shown(),
        topic=topic or "",
        topic_shown=_topic_shown(topic, inbox),
        # the line of topics: those with a heading on the page (or no card on it)
        topic_links=_topic_links(q, _headed(inbox.topic_choices, groups)),
        topic_names=[choice.label for choice in inbox.topic_choices],  # the Topic field
        # a heading's count beside the line of topics: "6 of 12" where the page shows part
        topic_open={choice.label: choice.open for choice in inbox.topic_choices},
        topic_links_shown=TOPIC_LINKS_SHOWN,
        all_topics_href=_with(q, dropped=("topic", "shown")),
        notes=_page_notes(inbox),
        empty_why=_empty_why(inbox),
        own_posts_only=holds_own_posts_only(inbox.counts),
        platform=platform or "",
        max_age=max_age_raw if max_age is not None else NO_LIMIT,
        ages=ages,
        no_limit=NO_LIMIT,
        as_of=as_of,
        as_of_choices=AS_OF,
        joined=inbox.joined if all_joined else inbox.joined[:JOINED_SHOWN],
        more_joined=0 if all_joined else max(0, len(inbox.joined) - JOINED_SHOWN),
        all_joined_href=_with(q, joined="all"),
        dismissed=ctx.backend.dismissed(platform, as_handle),
        show_dismissed=q.get("dismissed") == "show",
        left_out=left_out_list(q, inbox),  # `staffpulse inbox --left-out`
        back=back,
    )


def _posting_as(ctx: Any, typed: str) -> FirmResolution | None:
    """Who "You post as" names (:func:`staffpulse.listen.firm.resolve_firm`, as ``staffpulse
    inbox --as`` reads it); None when it is blank."""
    from staffpulse.listen.firm import resolve_firm  # the listening package: loaded late

    with ctx.backend.store() as store:
        return resolve_firm(store, typed)  # the firm's display name too, as --as reads it


def _save_offer(ctx: Any, typed: str, saved: str, firm: FirmResolution | None) -> str:
    """The account "Save as my account" would save: the one typed, when the store knows it
    and it is not the saved one (an unknown handle is more likely a typo than the firm)."""
    if firm is None or not firm.found:
        return ""
    if " ".join(typed.split()) == " ".join(saved.split()):
        return ""
    if saved and _same_firm(_posting_as(ctx, saved), firm):
        return ""  # written another way (a profile address, no "@"), but the same account
    return " ".join(typed.split())


def _same_firm(one: FirmResolution | None, other: FirmResolution) -> bool:
    return one is not None and (one.handle, one.account) == (other.handle, other.account)


def _picker_value(firm: FirmResolution | None, problem: StaffpulseError | None) -> str:
    """ "You post as" as its suggestions write the account, or as typed when it named none."""
    if firm is None:
        return ""
    if firm.account is not None:
        return account_ref(firm.account)
    if problem is not None:
        return firm.typed
    return f"@{firm.handle}"


def _page_max_age(raw: str, parse: Any) -> Any:
    """``?max_age=`` read as ``staffpulse inbox --max-age`` reads it, its hint in the page's
    words: the page has a list to choose from, not a flag to type."""
    try:
        return parse(raw)
    except InputError as exc:
        raise InputError(
            exc.message,
            hint=f"choose an age under “Quiet for at most” (e.g. {AGES[1][1]}), or No limit",
        ) from None


def _ranked(ctx: Any, job: Job, choices: tuple[Any, ...], look: Look) -> Any:
    """The inbox of the page's ``choices`` (as ``Backend.inbox`` takes them), marked new from
    ``look``."""
    job.update("Reading, grouping and ranking the stored conversations")
    return ctx.backend.inbox(*choices, look=look)


def anchor_of(platform: str, conversation_id: str) -> str:
    """The element id of a conversation on the page (ids of any platform reduced to letters
    and digits, so that they can be sent back in the form and put in an address)."""
    digest = hashlib.sha1(f"{platform}\x00{conversation_id}".encode(), usedforsecurity=False)
    return "c-" + digest.hexdigest()[:12]


def _return_to(items: list[Any]) -> dict[tuple[str, str], str]:
    """Where the page should open after a conversation is dismissed or marked joined, by
    (platform, id): at the next conversation shown (it takes the place of the one gone), else
    the one before; the triage goes on where it was, not back at the top."""
    anchors = [anchor_of(i.platform, i.conversation_id) for i in items]
    return {
        (item.platform, item.conversation_id): (
            anchors[n + 1] if n + 1 < len(anchors) else anchors[n - 1] if n else ""
        )
        for n, item in enumerate(items)
    }


def _shown(raw: str, total: int) -> int:
    """How many open conversations to show: ``?shown=N`` (from "Show more"), else a page."""
    return bounded_int(raw, PAGE, PAGE, max(PAGE, total))


def _topic_links(query: Any, choices: list[TopicChoice]) -> list[tuple[str, int, str]]:
    """The topics with conversations to join, each a link to the inbox on that topic alone
    (by its number, which names exactly one topic; a label's words may match others too)."""
    return [(c.label, c.open, _with(query, dropped=("shown",), topic=str(c.id))) for c in choices]


def _headed(choices: list[TopicChoice], groups: list[Any]) -> list[TopicChoice]:
    """The topics less those whose conversations the page files under another heading
    (:meth:`Inbox.by_topic` puts a topic of one conversation under "Other conversations"):
    linked above the page, such a topic filed its one card under two headings, "Other
    conversations" here and its own name on its link's page. The Topic field still suggests
    it."""
    filed = {
        item.topic_id
        for label, items in groups
        for item in items
        if item.topic_label and item.topic_label != label
    }
    return [c for c in choices if c.id not in filed]


def _topic_shown(topic: str | None, inbox: Any) -> str:
    """The Topic field's text: a topic's label where the page was asked for its number."""
    if topic and topic.strip().isdigit() and inbox.topic_matches:
        return str(inbox.topic_matches[0].label)
    return topic or ""


def _page_notes(inbox: Any) -> list[str]:
    """The inbox's notes, less the ones listing topics (the page links the topics instead),
    the one saying the account is not in the store (a warning above them says it) and the
    one on what the run did ("read 2,073 stored posts for the first time": the terminal's)."""
    from staffpulse.listen.window import no_topic_note, other_topics_note

    listed = {inbox.account_note, inbox.work_note}
    if inbox.topic_choices:  # else the account's note is the warning above the notes
        listed.add(other_topics_note(inbox.topic_choices))
        if inbox.topic_query is not None:
            listed.add(no_topic_note(inbox.topic_query, inbox.topic_choices))
    # each on a line of its own: a sentence, with a capital
    notes = [as_sentence(note) for note in inbox.notes if note not in listed]
    gap = _platform_gap(inbox)
    if gap and inbox.topic_query is not None:  # the topic's words take the empty list's place
        notes.insert(0, gap)  # the reason no topic matches: first
    return notes


def _platform_gap(inbox: Any) -> str:
    """Why an inbox of the platform chosen is empty when the store has conversations only on
    others, as ``staffpulse inbox --platform`` says it (exit 66), with the page's way to see
    them; "" otherwise."""
    problem = inbox.platform_problem()
    if problem is None:
        return ""
    return f"{as_sentence(web_text(problem.message))}: choose All under Platform to see them."


def _empty_why(inbox: Any) -> tuple[str, bool]:
    """Why an inbox with nothing to join lists nothing, as ``staffpulse inbox`` says it
    (``empty_reason``), for the causes the page has no words of its own for ("" otherwise), and
    whether a longer "Quiet for at most" would bring conversations back."""
    from staffpulse.listen.window import empty_reason

    counts = inbox.counts
    older = bool(counts.get("older") or counts.get("undated"))
    if inbox.items or inbox.topic_query is not None:
        return "", False
    gap = _platform_gap(inbox)
    if gap:  # a longer "Quiet for at most" cannot bring back what is on another platform
        return gap, False
    own_only = holds_own_posts_only(counts)  # its own replies are "joined": not the firm's doing
    if not (counts.get("left_out") or older or counts.get("after_as_of") or own_only):
        return "", False
    why = web_text(empty_reason(None, True, inbox.max_age, counts, inbox.left_out))
    # under the heading "Nothing to join right now", the reason without its own "Nothing to
    # join now: "; the page says where others' posts come from after it
    why = why.removeprefix("Nothing to join now: ").removeprefix("Nothing to join: ")
    why = why if why.endswith(".") else f"{why}."
    return why[:1].upper() + why[1:], older


def _with(query: Any, dropped: tuple[str, ...] = (), **changes: str) -> str:
    """The inbox's address with ``changes``, less ``dropped`` fields and the left-out list's
    choice: a link to a topic or to more open conversations is about those, and kept
    "?left_out=" opened the list again at the foot of every page after."""
    return inbox_href(query, (*LIST_FIELDS, *dropped), **changes)
