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
DID_AUTHOR_LINKED = f"{DID_AUTHOR} (open the link)"


def name_author(handle: str | None, author_id: str | None, *, linked: bool = True) -> str:
    """``@handle``, ``anonymized customer twcs:1``, or for a bare DID "a Bluesky account (open
    the link)" (``linked``: a link to the post is shown beside it) or "a Bluesky account"."""
    label = describe_author(handle, author_id)
    if label.startswith("@did:"):
        return DID_AUTHOR_LINKED if linked else DID_AUTHOR
    return label
