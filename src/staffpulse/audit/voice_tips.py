"""Voice's tips on humor and on sounding like a person (:mod:`staffpulse.audit.voice`), in
words that fit the account's kind: a help desk lightens its replies, any other account shares a
light moment of its working week.
"""

from __future__ import annotations

from staffpulse.audit.types import Advice, Hint
from staffpulse.report.counts import count_of
from staffpulse.report.rounding import pct

# How the humor advice begins, whether the model found no funny post or a few: it misses many
# jokes, so it never says "no post reads as a joke" (docs/models/humor.md)
HUMOR_HINT = "We found few posts that read as light or funny"
FEW_POSTS_NAMED = 10  # up to this many posts the humor hint names them all


def your_posts(n: int, base: str) -> str:
    """``your 5 posts``, or ``the 5 posts you wrote`` of another ``base``; one post is
    ``your one post`` or ``the one post you wrote``."""
    said = "one" if n == 1 else f"{n:,}"
    named = "post" + base.removeprefix("posts") if n == 1 else base
    return f"your {said} {named}" if base == "posts" else f"the {said} {named}"


def humor_advice(n: int, funny: int, base: str = "posts", *, replies_only: bool = False) -> Hint:
    """Add some humor: ``funny`` of the ``n`` posts judged read so, too few. One post or two
    is not "few posts" ("We found few posts ... (0 of 1 post"): it is said of that post, and
    up to :data:`FEW_POSTS_NAMED` posts of them all ("None of your 5 posts reads as ...").
    The light moment fits the account's kind: a feed of ``replies_only`` is a help desk,
    which posts nothing of its own to share a moment in, only its replies to lighten."""
    if n <= 2 and not funny:
        lead = f"We found nothing light or funny in {your_posts(n, base)} (our humor"
        headline = f"nothing in {'its one post' if n == 1 else 'its 2 posts'} reads as funny"
    elif n <= FEW_POSTS_NAMED:
        # "We found few posts ... (0 of 5 posts" read oddly of a feed counted at a glance
        if funny:
            reads = "reads" if funny == 1 else "read"
            lead = f"Only {funny:,} of {your_posts(n, base)} {reads} as light or funny (our humor"
            headline = f"only {funny:,} of its {n:,} posts {reads} as funny"
        else:
            lead = f"None of {your_posts(n, base)} reads as light or funny (our humor"
            headline = f"none of its {n:,} posts reads as funny"
    elif not funny:  # "few posts ... (0 of 20 posts" said "few" of none
        lead = (
            f"We found no post that reads as light or funny among {your_posts(n, base)} (our humor"
        )
        headline = f"none of its {n:,} posts reads as funny"
    else:
        lead = f"{HUMOR_HINT} ({funny:,} of {n:,} {base}; our humor"
        headline = f"{funny:,} of {count_of(n, 'post')} read as funny"
    return Hint(
        f"{lead} detector misses some, so read this as a hint). {light_moment(replies_only)}",
        f"Add some humor: {headline}",
    )


def light_moment(replies_only: bool) -> str:
    """Where a light moment fits: a help desk's (``replies_only``) in a reply to a customer
    whose problem is solved, a firm's in a post of its own."""
    if replies_only:
        return (
            "When a customer's problem is solved, let your reply end on a light, warm line "
            "of your own, never at the expense of one still waiting."
        )
    # "the office dog, the interview answer that made you laugh" fitted a staffing firm's
    # office, not a software vendor's or one recruiter's account: a moment any of them has
    return (
        "Once a week, share a light moment from your working week: a small win, a mix-up you "
        "laughed about, the question that made you smile."
    )


def personality_advice(n: int, human: int, share: float, base: str = "posts") -> Advice:
    """Sound like a person: ``human`` of the ``n`` posts judged (``base`` names them) do, a
    ``share`` too low."""
    if human:
        does = "sounds" if human == 1 else "sound"
        of = f"{n:,} posts" if base == "posts" else f"the {n:,} {base}"
        lead = f"Only {human:,} of {of} ({pct(share)}) {does} like a person"
        headline = f"only {human:,} of {n:,} posts {'does' if human == 1 else 'do'}"
    elif n == 1:
        # beside reposts the figure says "posts you wrote": "The one post you wrote ..."
        said = your_posts(n, base)
        lead = f"{said[0].upper()}{said[1:]} does not sound like a person"
        headline = "its one post does not"
    elif n == 2:
        lead = f"Neither of {your_posts(n, base)} sounds like a person"
        headline = "neither of 2 posts does"
    else:
        lead = f"None of {your_posts(n, base)} sound like a person"
        headline = f"none of {n:,} posts does"
    return Advice(
        f"{lead}. This week, post one story from your desk, one honest opinion and one "
        "question for your followers.",
        f"Sound like a person: {headline}",
    )
