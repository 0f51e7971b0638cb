"""The handle an X reply answers, when the source names that account by its id alone.

X gives a reply's parent post and account by id; the handle beside them is missing in some
exports: an X archive leaves ``in_reply_to_screen_name`` null (often when the account answered
was renamed, suspended or deleted since), and an API v2 page fetched without the
``in_reply_to_user_id`` expansion lists no user for it. A reply's text on X opens with the
@name of the account it answers (the prefix X writes, typed into the text before 2017 and still
in it since, only hidden by the apps), so that @name is taken as the handle, with care:

- never for a reply to oneself (a thread's next post: the @names it opens with are the others
  in the thread, not whom it answers), nor for the author's own @name, nor when the author is
  not known (it may be answering itself);
- never when the post's own mentions give that @name to another account id: the handle has
  moved to someone else since, and the account answered is not the one that bears it now
  (a twarc2 CSV lists mentions without ids: there this cannot be checked);
- a mention that names the account answered by its id gives its handle outright.

A post of a file that holds no reply fields at all (a sheet of id, author and text) is not
made a reply here: no parent is invented, and whether it answered anyone is not guessed
(docs/formats.md, "A reply known by its account id alone" and the paragraph after it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from staffpulse.models import normalize_handle
from staffpulse.sources.jsonio import as_list

# "@dana thanks!": the @name a text opens with (X handles are 1 to 15 letters, digits or _);
# ".@dana" is the old way to write to all followers, so no reply prefix
OPENING_HANDLE_RE = re.compile(r"^\s*@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])")


def mentioned_ids(mentions: Any, handle_key: str, id_key: str) -> dict[str, str]:
    """Normalized handle -> account id of the mentions a tweet's entities list with both
    (v1.1 ``user_mentions`` with ``screen_name`` and ``id_str``; v2 ``mentions`` with
    ``username`` and ``id``); a malformed entry is passed over."""
    found: dict[str, str] = {}
    for mention in as_list(mentions):
        if not isinstance(mention, Mapping):
            continue
        handle, account = mention.get(handle_key), mention.get(id_key)
        if isinstance(handle, str) and handle and isinstance(account, str | int):
            found.setdefault(normalize_handle(handle), str(account))
    return found


def answered_handle(
    text: str,
    *,
    answered_id: str | None,
    author_id: str,
    author_handle: str,
    mentioned: Mapping[str, str],
) -> str | None:
    """The handle of the account a reply answers (``answered_id``), for a source that gives
    the id without the handle: from the post's mentions when one names that id, else the
    @name the text opens with (see the module's rules); None when neither can tell."""
    if not answered_id or not author_id or answered_id == author_id:
        return None  # an author not known may be answering itself
    for handle, account in mentioned.items():
        if account == answered_id:
            return handle
    opening = OPENING_HANDLE_RE.match(text)
    if opening is None:
        return None
    handle = normalize_handle(opening.group(1))
    if handle == normalize_handle(author_handle):
        return None
    if mentioned.get(handle, answered_id) != answered_id:  # the handle is another's now
        return None
    return handle
