"""The Inbox's marks: a conversation joined, dismissed, snoozed or reopened from the page
(``POST /inbox/state``), and the page it sends the user back to, at the place they were."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from staffpulse.errors import InputError, StaffpulseError
from staffpulse.models import platform_choice
from staffpulse.web.app import form_value, web
from staffpulse.web.flash import Flash
from staffpulse.web.forms import verified_form

router = APIRouter()
STATES = {"joined": "joined", "dismissed": "dismissed", "snoozed": "snoozed", "open": None}
_ANCHOR = re.compile(r"[A-Za-z0-9_-]{1,40}")  # where a state form returns to on the page


@router.post("/inbox/state")
async def inbox_state(request: Request) -> Response:
    form = await verified_form(request)
    state = form_value(form, "state")
    if state not in STATES:
        raise InputError(f"unknown inbox action '{state[:20]}'", hint="reload the inbox page")
    conversation = form_value(form, "conversation_id")
    platform = form_value(form, "platform") or None
    if not conversation:
        raise InputError("the form did not say which conversation", hint="reload the inbox page")
    # the firm the page showed ("You post as"): its marks only, as `inbox mark-joined --as`
    as_handle = form_value(form, "as") or None
    until = None
    if state == "snoozed":  # "Snooze a week": the command's default
        from staffpulse.listen.snooze import snooze_until

        until = snooze_until()
    web(request).backend.set_inbox_state(
        conversation, platform or "", STATES[state], as_handle, until
    )
    back = form_value(form, "back", "/inbox")
    if not back.startswith("/inbox"):
        back = "/inbox"
    joiner = "&" if "?" in back else "?"
    anchor = form_value(form, "anchor")
    at = f"#{anchor}" if _ANCHOR.fullmatch(anchor) else ""
    if anchor == "dismissed" and not _dismissed_left(request, back, as_handle):
        at = ""  # the last dismissed one reopened: its list is gone, so the page's top
    if until is not None or state == "dismissed" or (as_handle and state != "open"):
        # a firm's mark is that firm's: said, or an empty "You post as" would seem to lose it;
        # a snooze says when it ends; a dismiss is undone from the message itself (QA s40)
        marked = _marked_for(state, as_handle, until)
        if state == "dismissed":
            fields = {"state": "open", "conversation_id": conversation, "platform": platform or ""}
            fields |= {"as": as_handle or "", "back": back, "anchor": at.lstrip("#")}
            marked = replace(marked, undo=tuple(fields.items()))
        key = web(request).flashes.add(marked)
        return RedirectResponse(f"{back}{joiner}flash={key}{at}", status_code=303)
    notice = "reopened" if state == "open" else state
    return RedirectResponse(f"{back}{joiner}notice={notice}{at}", status_code=303)


def _dismissed_left(request: Request, back: str, as_handle: str | None) -> bool:
    """Whether the page ``back`` still lists dismissed conversations (its platform's)."""
    wanted = parse_qs(urlsplit(back).query).get("platform", [""])[0]
    try:
        platform = platform_choice(wanted)
    except StaffpulseError:  # the page itself says so: its list is of every platform
        platform = None
    return bool(web(request).backend.dismissed(platform, as_handle))


def _marked_for(state: str, as_handle: str | None, until: datetime | None = None) -> Flash:
    """What a mark made for the firm in "You post as" did, and where it applies; what a
    snooze did, and when it ends."""
    firm = "@" + (as_handle or "").lstrip("@")
    where = (
        f"It is kept for {firm}: the Inbox hides it while “You post as” names {firm}, not for"
        " another account or with the field empty."
        if as_handle
        else ""
    )
    if until is not None:
        from staffpulse.dates import format_when

        # the moment once: "Snoozed until 4 Dec 2026. It comes back on 4 Dec 2026, 03:54
        # UTC" said the day twice (QA s22)
        when = format_when(until)
        back = (
            "It comes back to the Inbox then, or sooner if someone posts in it. Reopen it from"
            " the Snoozed list to bring it back now."
        )
        title = f"Snoozed for {firm} until {when}." if as_handle else f"Snoozed until {when}."
        return Flash("ok", title, f"{back} {where}".strip())
    if state == "joined":
        return Flash(
            "ok",
            f"Marked as joined for {firm}.",
            "Conversations are how firms get noticed. " + where,
        )
    if as_handle:
        return Flash("ok", f"Dismissed for {firm}.", where)
    return Flash(
        "ok",
        "Dismissed.",
        "It is listed under “Dismissed” at the foot of the page, where Reopen brings it back.",
    )
