"""How the inbox names the author of a conversation to a marketer.

``@handle`` as everywhere (:func:`staffpulse.authors.describe_author`), except for a Bluesky
account known only by its DID: the live stream names handles only in identity events, which
few posts get, so most listened posts have none. "@did:plc:…" looks like a broken handle, and
the 32-character id, cut to fit a card's title ("did:plc:bdfd… (no…"), says nothing either.
Such an author reads "a Bluesky account (open the link)": the card's link opens the post, and
with it the account. Nothing is looked up on the network while the inbox is built.
"""

from __future__ import annotations

from staffpulse.authors import describe_author

DID_AUTHOR = "a Bluesky account"
LINK_NOTE = "open the link"


def name_author(handle: str | None, author_id: str | None, *, linked: bool = True) -> str:
    """``@handle``, ``anonymized customer twcs:1``, or for a bare DID "a Bluesky account (open
    the link)" (``linked``: a link to the post is shown beside it) or "a Bluesky account"."""
    label, note = name_author_parts(handle, author_id, linked=linked)
    return f"{label} ({note})" if note else label


def name_author_parts(
    handle: str | None, author_id: str | None, *, linked: bool = True
) -> tuple[str, str | None]:
    """:func:`name_author` as its name and the note it carries in brackets (``LINK_NOTE`` or
    None): a title that adds notes of its own ("recruiter") puts them in one pair of brackets."""
    label = describe_author(handle, author_id)
    if label.startswith("@did:"):
        return DID_AUTHOR, LINK_NOTE if linked else None
    return label, None
