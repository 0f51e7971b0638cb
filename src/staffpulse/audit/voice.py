"""Voice: the share of posts with a human voice, the share with humor, and how templated it is."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from staffpulse.audit.account_kind import FEED_TIP_EXAMPLE, AccountKind, for_a_feed, kept_for
from staffpulse.audit.canned_replies import (
    flat_replies,
    repeated_replies,
    replies_advice,
    reply_texts,
)
from staffpulse.audit.examples import rank_examples, unique_texts
from staffpulse.audit.flat_reasons import flat_why
from staffpulse.audit.imitation import crosses_the_line
from staffpulse.audit.language import english_only, language_note, not_english_advice
from staffpulse.audit.profanity import swears_in_post
from staffpulse.audit.roundups import weekly_roundups
from staffpulse.audit.types import (
    Advice,
    FirstStep,
    Frame,
    Hint,
    PillarResult,
    PostExample,
    Praise,
    example,
)
from staffpulse.audit.voice_parts import humor_gain, voice_score
from staffpulse.audit.voice_tips import humor_advice, personality_advice
from staffpulse.report.counts import count_of
from staffpulse.report.rounding import pct

# The humor probability from which a post to imitate is called "funny": the model (F1 about
# 0.46) passes its threshold on plain questions too ("Why do candidates ghost after the
# offer? Our take on the market." was offered as funny), so an example needs a clear score
CLEAR_HUMOR = 0.9
# a feed at least this share reposts, with this many, hears others more than the account: told
# so (a feed of a few posts, one of them a repost, is not)
MOSTLY_REPOSTS = 0.75
MIN_REPOSTS = 6
# the templated share from which Voice advises on templates and shows one as holding the
# feed back: 2 near-copies of 780 posts were shown as "holding you back" beside "<1%"
TEMPLATED_ADVISED = 0.3


def template_why(size: int) -> str:
    """Why a template post is shown: a family shares its wording once names, links, hashtags
    and numbers are masked (docs/models/templating.md), so "We're hiring a Nurse in Leeds"
    and "We're hiring a Welder in York" are one pattern, not near-identical posts. (A title
    and its link, "Grid Layouts with Flexbox - link", keeps too few words to join one on masks alone.)"""
    return f"one of {size:,} posts on one pattern, only names, links or numbers changed"


# a job feed's ads come from its listings, not from someone's hand (:mod:`.account_kind`)
_FEED_TEMPLATES = (
    "Lead each post with what differs (the pay, the shift, the place) and add one line from "
    "the listing about the employer, so no two read alike."
)
_FEED_PERSON = (
    "Add one post a week written by a person among the ads, in your own words rather than a "
    f'headline and a link: a tip ("{FEED_TIP_EXAMPLE}"), an answer to a question you were '
    "asked, or who runs the feed."
)


def voice_pillar(
    frame: Frame,
    settings: dict[str, Any],
    *,
    own_reposts: int = 0,
    kind: AccountKind = AccountKind.ANY,
) -> PillarResult:
    """The Voice pillar: the share of the posts the account wrote (reposts aside) that sound
    like a person and that read as funny, held down by posts on a template; not scored
    without posts of its own it can read. ``own_reposts``: the reposts of its own posts, which
    are no one else's words; ``kind``: a help desk
    (:func:`~staffpulse.audit.canned_replies.is_help_desk`) is advised on its replies as one,
    a job feed on what a feed can write (:mod:`.account_kind`)."""
    desk, feed = kind is AccountKind.HELP_DESK, kind is AccountKind.JOB_FEED
    # the personality and humor models read English only: other posts are left out
    everything = np.flatnonzero(frame.scored)
    scored, not_read, unreadable = english_only(everything, frame.foreign)
    orig = english_only(np.flatnonzero(frame.authored_original), frame.foreign)[0]
    n = int(scored.size)
    # a hostile, sexual or partisan post counts as no human voice, nor as humor; one that
    # swears as no humor to keep up (the header warns of it: profanity.swearing_caution)
    human, jokes = frame.personality[scored].copy(), frame.humor[scored].copy()
    for k in np.flatnonzero(human | jokes):  # only a post that would earn points is read
        text = frame.posts[int(scored[k])].text
        if crosses_the_line(text):
            human[k] = jokes[k] = False
        elif jokes[k] and swears_in_post(text):
            jokes[k] = False
    personality = float(human.mean()) if n else 0.0
    humor = float(jokes.mean()) if n else 0.0
    funny = int(jokes.sum())
    # the weekly roundup of openings Mix advises is alike every week by design: no template
    roundups = weekly_roundups(frame, orig)
    copied = orig[~roundups]
    templated = float(frame.templated[copied].sum() / orig.size) if orig.size else 0.0
    families = _families(frame, copied)
    evidence: dict[str, Any] = {
        "posts_scored": n,
        "personality_posts": int(human.sum()),
        # null, not 0, of no post read (or no original post, for templates): the figures
        # read "no posts to read" and "not checked" there
        "personality_share": round(personality, 3) if n else None,
        "humor_posts": funny,
        "humor_share": round(humor, 3) if n else None,
        "templated_posts": int(frame.templated[copied].sum()),
        "weekly_roundups": int(roundups.sum()),  # not counted as templates
        "original_posts": int(orig.size),  # the base of templated_share
        "templated_share": round(templated, 3) if orig.size else None,
        "template_families": families,
        "not_english": not_read,  # posts left out: the models cannot read them
    }
    judged = n > 0 and not unreadable
    score = (
        round(voice_score(personality, humor, templated, settings, humor_posts=funny))
        if judged
        else None
    )
    best = _best_examples(frame, scored)
    # a flat post holds the account back only while too few sound like a person: under a
    # perfect personality share, "no human voice" beside the score would contradict it
    flat_hurts = personality < float(settings["personality_target"])
    shown = families if templated >= TEMPLATED_ADVISED else []
    worst = _worst_examples(frame, copied, shown, with_flat=flat_hurts)
    # templates are looked for in original posts only: a feed whose posts judged are all
    # replies (its only originals, if any, not in English) has its repeated replies counted
    # instead (:mod:`.canned_replies`) and shown; a help ``desk`` is advised on them too
    replies_only = n > 0 and not orig.size
    texts = reply_texts(frame, scored) if replies_only else {}
    evidence["repeated_replies"], evidence["repeated_reply_texts"] = repeated_replies(texts)
    if replies_only and flat_hurts:
        worst = flat_replies(frame, scored, texts, desk=desk)
    # named as the figures name them, beside reposts or posts not in English: "4 of 58
    # posts" under a header of 70 read as a miscount
    base = "posts you wrote" if everything.size < frame.n else "posts"
    notes = _voice_notes(n, not_read, int(everything.size), unreadable, settings, base)
    spared = int((roundups & frame.templated[orig]).sum())
    if spared and not unreadable:
        notes.append(
            f"{count_of(spared, 'weekly roundup')} of openings alike by design "
            "(the one weekly post Mix advises) not counted as templates"
        )
    if unreadable:
        advice: list[str] = [
            not_english_advice(not_read, int(everything.size))
            + "at least one post in three should sound like a person (a "
            "story, an opinion, a question), and none should be a copy of a template."
        ]
        best, worst = [], []  # a few English posts say nothing of the voice
    elif n == 0:
        advice = [_only_reposts(frame.n)]
    else:
        said = base + " in English" if not_read else base
        # the templates' own kind: a firm's ad templates, or a vendor's product posts
        copies = frame.templated[copied]
        ads = 2 * int((copies & frame.job[copied]).sum()) >= int(copies.sum())
        advice = _voice_advice(
            evidence, settings, said, replies_only=desk, ad_templates=ads, feed=feed
        )
        others = frame.n - int(everything.size) - own_reposts
        if (shared := _mostly_reposts(frame.n, others)) is not None:
            # "keep it up" would contradict it: a feed mostly of others' words is no praise
            advice = [a for a in advice if not isinstance(a, Praise)] + [shared]
        if feed:  # no humor hint to a feed (no office dog), unless it is all there is
            advice = kept_for(advice, [tip for tip in advice if isinstance(tip, Hint)])
        if judged:  # the humor hint wins only the humor part
            gain = humor_gain(personality, humor, templated, funny, settings)
            advice = [a.gaining(gain) if isinstance(a, Hint) else a for a in advice]
    return PillarResult(
        name="voice",
        score=score,
        evidence=evidence,
        recommendations=advice,
        best=best,
        worst=worst,
        notes=notes,
        scored=judged,
    )


def _voice_notes(
    n: int,
    not_read: int,
    everything: int,
    unreadable: bool,
    settings: dict[str, Any],
    base: str = "posts",
) -> list[str]:
    """What limits the shares: posts the models cannot read (of the ``everything`` posts that
    ``base`` names), and too few posts to judge."""
    notes = []
    if (language := language_note(not_read, everything, unreadable, base)) is not None:
        notes.append(language)
    if n == 0 and not unreadable:
        notes.append("no posts of its own to judge: not scored, left out of the overall grade")
    elif 0 < n < int(settings["min_posts"]) and not unreadable:
        # a pillar not scored for its language has no share to call rough; "in English" only
        # beside posts left out for their language, as Mix's note says it
        # and "you wrote" beside reposts, as the figures: "only 2 posts to judge" under a
        # header of 30 posts read as a miscount
        english = " in English" if not_read else ""
        said = count_of(n, "post") + base.removeprefix("posts") + english
        notes.append(f"only {said} to judge: the shares are rough")
    return notes


def _worst_examples(
    frame: Frame,
    orig: npt.NDArray[np.int64],
    families: list[dict[str, Any]],
    *,
    with_flat: bool,
) -> list[PostExample]:
    """Up to three posts that hold the voice back: an example of each of the two largest
    template families, then (``with_flat``) the flattest posts that are no template."""
    worst = [
        example(frame.posts[fam["example_index"]], template_why(fam["size"]))
        for fam in families[:2]
    ]
    if len(worst) < 3 and orig.size and with_flat:
        flat = orig[~frame.personality[orig] & ~frame.templated[orig]]
        flat = flat[np.argsort(frame.personality_score[flat], kind="stable")][: 3 - len(worst)]
        worst.extend(
            example(frame.posts[int(i)], flat_why(frame.posts[int(i)].text, bool(frame.job[i])))
            for i in flat
        )
    return worst


def _best_examples(frame: Frame, scored: np.ndarray[Any, Any]) -> list[PostExample]:
    """Posts "to imitate": those the personality model calls human, never a job ad (the Mix
    verdict: an ad is no voice to copy, however chatty), and the label says only what the
    models found ("funny" alone is no reason: the humor model misses often). A post is held
    up as funny only when the humor model is clearly sure (:data:`CLEAR_HUMOR`): one just
    over its threshold is counted in the humor share, not offered as a joke to copy."""
    pool = unique_texts(
        frame, scored[frame.personality[scored] & ~frame.job[scored]], canned_aside=True
    )
    # humor adds strength only where clearly sure: a notice half read as funny beat a story
    sure = frame.humor[pool] & (frame.humor_score[pool] >= CLEAR_HUMOR)
    top = rank_examples(frame, pool, frame.personality_score[pool] + frame.humor_score[pool] * sure)
    return [
        example(
            frame.posts[int(i)],
            "funny and human"
            if frame.humor[i] and frame.humor_score[i] >= CLEAR_HUMOR
            else "sounds like a person",
        )
        for i in top
    ]


def _only_reposts(posts: int) -> FirstStep:
    """The advice for an account that only reposts: there is no voice to judge until it
    writes something itself, so this comes before every other action."""
    if posts == 1:
        lead, headline = "Your one post is a repost of someone else's", "its one post is a repost"
    elif posts == 2:  # "All 2 of your posts" is no English
        lead, headline = "Both your posts are reposts of others", "both its posts are reposts"
    else:
        lead = f"All {posts:,} of your posts are reposts of others"
        headline = f"all {posts:,} of its posts are reposts"
    return FirstStep(
        f"{lead}: write your own. Start with one post a week in your own words: a story from "
        "the desk, an opinion, or a question to candidates.",
        f"Write its own posts: {headline}",
    )


def _mostly_reposts(posts: int, reposts: int) -> Advice | None:
    """The advice of a feed mostly of reposts of others (``reposts``, at least
    :data:`MOSTLY_REPOSTS` of its ``posts``), though it wrote some: only a feed with no post of
    its own was told to write its own, and 28 reposts of 30 got no word about it. Reposts are
    not scored, so writing more moves no score by itself: it wins no points (``gain`` 0) and is
    listed after the advice that does, in Voice's "What to do"."""
    if reposts < MIN_REPOSTS or reposts < MOSTLY_REPOSTS * posts:
        return None
    return Advice(
        f"{reposts:,} of your {posts:,} posts are reposts of others: whoever opens your profile "
        "hears others more than you. Add a line of your own to what you share (quote it rather "
        "than repost it), or write one post of your own for every two you share.",
        f"Write more of its own: {reposts:,} of {posts:,} posts are reposts",
        gain=0.0,
    )


def _families(frame: Frame, orig: np.ndarray[Any, Any]) -> list[dict[str, Any]]:
    fam = frame.family[orig]
    fam = fam[fam >= 0]
    if fam.size == 0:
        return []
    ids, counts = np.unique(fam, return_counts=True)
    out = []
    for k in np.argsort(-counts, kind="stable")[:3]:
        members = orig[frame.family[orig] == ids[k]]
        last = int(members[-1])
        out.append(
            {"size": int(counts[k]), "example": frame.posts[last].text, "example_index": last}
        )
    return out


def _voice_advice(
    ev: dict[str, Any],
    settings: dict[str, Any],
    base: str = "posts",
    *,
    replies_only: bool = False,
    ad_templates: bool = True,
    feed: bool = False,
) -> list[str]:
    """Voice's advice on the ``posts_scored``, which ``base`` names ("posts you wrote in
    English"); of a feed of ``replies_only``, about its replies. ``ad_templates``: most of
    the near-copies are job ads (a line on the manager fits them, not a vendor's release notes).
    ``feed``: for a job feed, whose ads no one writes by hand, the advice is what a feed can
    do; the piece that fits no feed (the humor hint, :class:`~staffpulse.audit.types.Hint`)
    is left out after."""
    n = ev["posts_scored"]
    if n == 0:
        return [
            Advice(
                "There is nothing to judge yet. Start with one post a week in your own words: "
                "a story from the desk, an opinion, or a question to candidates.",
                "Start posting: nothing to judge yet",
            )
        ]
    recs: list[str] = []
    # with posts read (n), only the templates' share may be null: no original post to check
    p, h, t = ev["personality_share"], ev["humor_share"], ev["templated_share"] or 0.0
    if t >= TEMPLATED_ADVISED and ev["template_families"]:
        # the share is of the original posts, as its figure says: beside replies or reposts
        # "100% of your posts" read as a miscount of a feed of 6 originals and 14 others
        whole = base == "posts" and ev.get("original_posts", n) == n
        of = "posts" if whole else "original posts"
        copies = Advice(
            f"{pct(t)} of your {of} are near-copies of the same few templates. "
            "Rewrite each one in your own words and add one line only a person would write "
            + (
                "(who the manager is, why the job is good)."
                if ad_templates
                else "(what you think of it, whom it helps)."
            ),
            f"Stop posting templates: {pct(t)} of {of} are near-copies",
        )
        recs.append(for_a_feed(copies, _FEED_TEMPLATES, "Vary the ad template") if feed else copies)
    repeats = int(ev.get("repeated_replies", 0)), int(ev.get("repeated_reply_texts", 0))
    enough = p >= float(settings["personality_target"])
    # canned replies as common as the templates Voice advises on: a desk whose replies sound
    # human was told nothing of them, in a league table whose desk beside it, as canned but
    # flatter, was told to "vary and sign its replies"
    canned = replies_only and repeats[0] >= TEMPLATED_ADVISED * n
    if replies_only and (not enough or canned):
        replies = replies_advice(n, int(ev["personality_posts"]), p, *repeats, enough=enough)
        # a feed's repeated replies are told to vary and sign, as anyone's
        replies = for_a_feed(replies, _FEED_PERSON) if feed and not repeats[0] else replies
        # above the target the score has nothing to win from it: no points are promised
        recs.append(replies.gaining(0.0) if enough else replies)
    elif p < float(settings["personality_target"]):
        person = personality_advice(n, int(ev["personality_posts"]), p, base)
        recs.append(for_a_feed(person, _FEED_PERSON) if feed else person)
    funny = int(ev["humor_posts"])
    # humor counts in full only from humor_min_posts funny posts (one hit may be the model's
    # mistake): 2 funny posts of 10 still have points to win; a feed too small to grade
    # firmly, 1 funny post of 2, is not told to add humor for it
    enough = n >= int(settings["min_posts"])
    few_funny = enough and funny < min(int(settings["humor_min_posts"]), n)
    if h < float(settings["humor_target"]) or few_funny:
        # the humor model misses jokes (F1 about 0.46, docs/models/humor.md): a hint, never
        # "no post is a joke" to someone whose post ends in 😂
        recs.append(humor_advice(n, funny, base, replies_only=replies_only))
    if not recs:
        recs.append(
            Praise(
                f"{pct(p)} of your posts sound human and {pct(h)} read as funny: "
                "keep it up, and turn your best story of the month into a short thread."
            )
        )
    return recs[:3]
