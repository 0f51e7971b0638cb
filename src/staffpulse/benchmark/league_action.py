"""The league table's "Fix first" for each account: the headline of its audit's first action,
said about the account, not to it (``top_action``).

A job board's feed of openings is its product, not a fault: "Post fewer job ads" is the advice
of a staffing firm drowning its feed, and in a real cohort it was the "Fix first" of 24 of its
30 job boards, which told a client nothing it could use. So an account its cohort file puts
in the ``job_board`` segment (or the role model guesses to be one) is given the first action
of another pillar, and, when only Mix has something to fix, how to make each ad worth reading
(the advice of a healthy feed).

Voice's "Sound like a person" was then most job boards' "Fix first": true of a feed of ads,
but no fix a job board can make without ceasing to be one. Its feed stays ads, so a job
board whose original posts are mostly job ads is told instead to add one human post a week
among them, with the count of its ads as the evidence (:func:`job_feed_fix`).

Any other account's fix is its audit's first action, word for word: a help desk (replies
only) was once told Mix's "Add posts of its own: all 169 are replies" in the table while its
audit's "Do this next" opened with "Share or quote a useful post", two first fixes for one
account.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from staffpulse.audit.account_kind import AccountKind
from staffpulse.audit.advice import top_actions
from staffpulse.audit.types import AuditResult
from staffpulse.benchmark.members import FEW_POSTS, own_posts
from staffpulse.report.counts import count_of

# when Mix alone has something to fix on a job board: what makes its ads better, not fewer
JOB_BOARD_ADS = "Make each ad worth reading: the pay, the shift and a line about the team"
# a job board's fix of a feed that does not sound like a person, before its evidence: short,
# as a table's line (a whole quoted tip wrapped over two lines in 28 rows); the audit's own
# advice gives the example tip (audit/voice.py)
JOB_FEED_HUMAN = "Add one human post a week among the ads"
# the pillars judged on the account's posts (Face reads its profile)
_FROM_POSTS = ("mix", "voice", "conversation")


def league_fix(audit: AuditResult, segment: str, weights: Mapping[str, Any]) -> tuple[str, str]:
    """(headline, note): the headline of the action a league table shows for ``audit``'s
    account in ``segment`` ("" when there is nothing to do), and " (judged on 3 posts: a
    rough grade)" when it rests on fewer than :data:`FEW_POSTS` posts of the account's own,
    else ""; ``weights``: the audit's pillar weights. A row's ``top_action`` is the two
    joined (the CSV, ``--json`` and the dashboard's card have no rough-grade mark of their
    own); its ``fix_first`` is the headline alone, for the HTML row, which says "a rough
    grade" beside the account already.

    A fix of the account comes before a fix of the data it was judged on (:class:`DataGap`:
    the import held no picture), and a firmer fix before the humor hint (:class:`Hint`). A
    fix judged on a few posts says so: "Sound like a person: its one post does not" was the
    CSV's "Fix first" of 37 of 46 accounts, each from the one post the import held."""
    actions = list(audit.top_actions)
    # the audit's own reading of a job feed counts as the segment, so that a home page of
    # guessed segments and a table from the cohort file give one feed one fix
    board = segment == "job_board" or audit.kind == AccountKind.JOB_FEED
    if board:
        actions = [a for a in actions if a["pillar"] != "mix"]
        if not actions:  # the audit listed only Mix's advice: the other pillars' next
            pillars = {name: p for name, p in audit.pillars.items() if name != "mix"}
            actions = top_actions(pillars, weights)
        fix = job_feed_fix(audit)
        if fix is not None:
            actions = [dict(a, headline=fix) if a["pillar"] == "voice" else a for a in actions]
    # a fix of the data (the picture the import did not hold) is marked by its pillar, and
    # the humor model's hint, shown by its points in "Do this next", passes before anything
    # firmer: "Add some humor" was the fix of 19 of 21 care desks
    real = [a for a in actions if not a.get("data_gap")]
    firm = [a for a in real if not a.get("hint")]
    if real:
        return _judged_on(audit, (firm or real)[0])
    if board and any(a["pillar"] == "mix" for a in audit.top_actions):
        return JOB_BOARD_ADS, ""  # its ads before the gap in the data
    return _judged_on(audit, actions[0]) if actions else ("", "")


def job_feed_fix(audit: AuditResult) -> str | None:
    """A job board's fix for a feed that does not sound like a person, with its evidence:
    "Add one human post a week among the ads (...): 9 of its 10 original posts are job ads";
    None when most of its original posts Mix read are not job ads (Voice's own advice
    then fits) or Mix could not read them."""
    mix = audit.pillars.get("mix")
    if mix is None or not mix.scored:
        return None
    ads, posts = int(mix.evidence["job_ads"]), int(mix.evidence["original_posts"])
    if not posts or 2 * ads <= posts:
        return None
    read = " in English" if mix.evidence.get("not_english") else ""
    if posts == 1:
        said = f"its only original post{read} is a job ad"
    elif ads == posts:
        said = (
            f"{'both' if posts == 2 else f'all {posts:,}'} of its original posts{read} are job ads"
        )
    else:
        said = f"{ads:,} of its {count_of(posts, 'original post')}{read} are job ads"
    return f"{JOB_FEED_HUMAN}: {said}"


def _judged_on(audit: AuditResult, action: Mapping[str, Any]) -> tuple[str, str]:
    """``action``'s headline, and " (judged on 3 posts: a rough grade)" when it rests on the
    account's posts and it wrote fewer than :data:`FEW_POSTS` of them (else "")."""
    headline = str(action["headline"])
    own = own_posts(audit)
    if action["pillar"] not in _FROM_POSTS or not 0 < own < FEW_POSTS:
        return headline, ""
    return headline, f" (judged on {count_of(own, 'post')}: a rough grade)"
