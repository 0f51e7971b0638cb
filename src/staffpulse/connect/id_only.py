"""The note on suggestions known only by their account id (an X archive's follower.js and
following.js name ids, not handles): a marketer cannot act on an id, so it says how to see who
each is. Apart from :mod:`staffpulse.connect.suggestion` so that the terminal and the Connect
page, which count a long tie of such accounts in one row, can say where their links went."""

from __future__ import annotations

from typing import TYPE_CHECKING

from staffpulse.next_steps import CSV_GIVES_LINKS

if TYPE_CHECKING:  # suggestion.py says this note among its report's notes
    from staffpulse.connect.suggestion import Suggestion


def id_only_note(suggestions: list[Suggestion], folded: int = 0) -> str | None:
    """What to tell of the suggestions known only by their account id, or None when there are
    none: how many, how to see who each is and why an X list leaves them out. ``folded``: how
    many of them a table counts in one row instead of showing, with no link beside them (long
    ties: :mod:`staffpulse.report.connect_ties`), so the note sends the reader to the CSV for
    those."""
    ids = [s for s in suggestions if not s.handle_known]
    if not ids:
        return None
    one = len(ids) == 1
    if len(ids) < len(suggestions):
        count = f"{len(ids):,} of these {len(suggestions):,} accounts {'is' if one else 'are'}"
    else:
        count = "This account is" if one else f"All {len(ids):,} accounts are"
    if not all(s.link for s in ids):
        how = "the CSV lists each with its id"
    elif folded:
        how = (
            f"open the link beside each one shown to see who it is; {CSV_GIVES_LINKS.say()} "
            f"of the {folded:,} counted in one row"
        )
    else:
        how = "open the link beside each to see who it is"
    text = (
        # not only a follow list: an X archive's replies to an account it never names
        # (no in_reply_to_screen_name) give its id alone, and "a follow list" misled (QA s35)
        f"{count} known only by {'its' if one else 'their'} account id (follow lists and "
        "some replies name ids, not handles): the handle stays unknown until the account's posts are "
        f"imported or the account is fetched; {how}."
    )
    if any(s.platform == "x" for s in ids):
        text += " An X list takes handles only, so it leaves them out; the CSV keeps them."
    return text
