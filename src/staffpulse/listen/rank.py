"""Joinability: how worth joining a conversation is today, with the reasons and an angle.

Positive signals (each in [0, 1], weights in ``WEIGHTS``): recency of the last activity,
activity growth (replies in the last hours), a question was asked, room to add value (few
replies so far), the opening author's role, and relevance to work topics. Penalties multiply
the score: a job ad, a seasonal greeting, a hostile tone, NSFW, partisan politics, a TV hashtag
game's joke, spam, a post aimed at one account (which earns nothing as a question), a customer's
message to a brand, a likely joke (:func:`~staffpulse.listen.jokes.reads_as_joke`). Each ranked
conversation also says whether the inbox leaves it out (``left_out``: an opening that is not
public, :mod:`staffpulse.listen.followers_only`; job ads, greetings, spam, hostile, NSFW,
partisan posts, hashtag-game and written jokes, :mod:`staffpulse.listen.moderation`; customer-care
conversations, :mod:`staffpulse.listen.customer_care`; conversations not about work,
:mod:`staffpulse.listen.thread_work`). Angles come from :mod:`staffpulse.listen.angles`, for
the post that carries the work talk when that is a reply.

Reasons only claim what is known: an undated conversation gets no recency (and says its date
is unknown), "asks a question" needs a real question put to the room (not a hook that sends it
to a link: :func:`~staffpulse.listen.questions.asks_the_room`), "squarely about work topics"
needs the classifier to be sure *and* a work word that is not ambiguous (or, with the
classifier leaning to work, several different work matters) and is never said of a seasonal
greeting, a question on work that the classifier turned down says why it is here all the same
(:mod:`staffpulse.listen.work_rescue`), and no reply count is claimed for a conversation whose first post is not stored (how
many replies it has is unknown).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from staffpulse.listen.angles import (
    JOB_AD,
    SKIP,
    likely_joke,
    suggest_angle,
    tells_of_anothers_hardship,
)
from staffpulse.listen.customer_care import CUSTOMER_CARE, is_customer_care
from staffpulse.listen.followers_only import FOLLOWERS_ONLY
from staffpulse.listen.jokes import LIKELY
from staffpulse.listen.left_out import MOURNING, REASONS, left_out_reason
from staffpulse.listen.moderation import Moderation, looks_hostile, moderate
from staffpulse.listen.own_threads import clear_opening_kinds, own_thread_angle, own_thread_reason
from staffpulse.listen.partisan import names_politics
from staffpulse.listen.questions import asks_the_room, is_link_share
from staffpulse.listen.rank_model import (
    ANOTHERS_HARDSHIP,
    PENALTIES,
    ROLE_WEIGHTS,
    WEIGHTS,
    RankContext,
    RankedConversation,
)
from staffpulse.listen.rank_reasons import explain
from staffpulse.listen.rank_signals import (
    GROWTH_WINDOW,
    HALF_LIFE_HOURS,
    TO_FIRM,
    TO_FIRM_ANGLE,
    TO_FIRM_HARD_TIME_ANGLE,
    addressee,
    hours_in,
    is_firm,
    is_job_ad,
    is_squarely_work,
    known_replies,
    looks_spammy,
    model_says_job_ad,
    question_put_to,
    question_value,
    room_for,
    stored_replies,
)
from staffpulse.listen.sensitive import SENSITIVE, is_sensitive
from staffpulse.listen.subject_themes import theme_of_label
from staffpulse.listen.thread_work import OFF_WORK, focus_author, focus_reason
from staffpulse.listen.threads import Conversation
from staffpulse.listen.tone import Tone, judge_tone, mourns
from staffpulse.listen.work_rescue import rescue_reason, rescued_opening
from staffpulse.listen.work_terms import plain_text
from staffpulse.models import Post

__all__ = [
    "PENALTIES",
    "ROLE_WEIGHTS",
    "WEIGHTS",
    "RankContext",
    "RankedConversation",
    "add_angles",
    "count_copies",
    "rank",
]


def rank(
    conversations: Sequence[Conversation],
    context: RankContext,
    *,
    angles: bool = True,
    copies: Counter[str] | None = None,
    counted_only: Collection[tuple[str, str]] = frozenset(),
) -> list[RankedConversation]:
    """Score and explain every conversation, most joinable first. With ``angles=False`` the
    angles are left empty, for :func:`add_angles` to write on the few that are shown (the
    tone of a post costs a sentiment analysis).

    ``counted_only``: (platform, id) of conversations only counted by why they are left out
    (the inbox's sample of those outside its age window): they get the same ``left_out`` as
    ranked, with the flags judged to find it, but no score (0), reasons nor cautions, which
    cost most of the reading.

    ``copies`` counts opening texts (see :func:`count_copies`) over more conversations than
    those ranked: a text pasted by several accounts is spam whichever of them are ranked."""
    texts = copies if copies is not None else count_copies(conversations)
    ranked = [
        _left_out_only(c, context, texts)
        if (c.platform, c.id) in counted_only
        else _score(c, context, texts)
        for c in conversations
    ]
    ranked.sort(key=lambda r: (-r.score, r.conversation.id))
    return add_angles(ranked, context) if angles else ranked


def count_copies(conversations: Sequence[Conversation]) -> Counter[str]:
    """How many of the conversations open with each text (case and spaces aside)."""
    return Counter(c.opening.text.strip().lower() for c in conversations)


def add_angles(
    entries: Sequence[RankedConversation], context: RankContext, *, by_topic: bool = False
) -> list[RankedConversation]:
    """The entries with their suggested angle (one sentiment pass over the posts they answer:
    the opening, or the reply that carries the work talk). ``by_topic``: the inbox is narrowed
    to named topics, so each angle names its card's topic's subject when the post names it."""
    focus = [_focus(e.conversation, context) for e in entries]
    tones = judge_tone(
        [(f or e.conversation.opening).text for e, f in zip(entries, focus, strict=True)]
    )
    return [
        replace(
            e,
            angle=_angle(e, f, tone, context, theme_of_label(e.topic_label) if by_topic else None),
        )
        for e, f, tone in zip(entries, focus, tones, strict=True)
    ]


def _focus(conv: Conversation, context: RankContext) -> Post | None:
    if (conv.platform, conv.id) in context.own_threads:
        return conv.posts[-1]  # the answer waiting for the firm, not the firm's own post
    work = context.threads.get(conv.id)
    return None if work is None else work.focus


def _angle(
    entry: RankedConversation, focus: Post | None, tone: Tone, ctx: RankContext, theme: str | None
) -> str:
    conv = entry.conversation
    n = stored_replies(conv)
    if entry.flags.get(TO_FIRM) and entry.left_out is None:
        return TO_FIRM_HARD_TIME_ANGLE if tone.distressed else TO_FIRM_ANGLE
    if focus is None:
        humor = ctx.humor_scores.get(conv.id, 0.0)
        opening = conv.opening.text
        return suggest_angle(
            opening,
            entry.flags,
            entry.role,
            n,
            humor,
            tone,
            addressee(conv),
            author=conv.opening.author_handle,
            theme=theme,
            voice=ctx.voice,
        )
    # the reply is what a firm can speak to: its own question and tone, not the opening's
    # (its author's role and humour are not known: none is assumed); the opening's hard times
    # told are not the reply's (its own are read from its text)
    flags = {
        **entry.flags,
        "question": asks_the_room(focus.text),
        LIKELY: False,
        ANOTHERS_HARDSHIP: False,
    }
    # only its politics: the rest of moderate() would be read for nothing
    flags["politics"] = flags["politics"] or names_politics(plain_text(focus.text))
    if (conv.platform, conv.id) in ctx.own_threads:
        angle = suggest_angle(focus.text, flags, None, n, 0.0, tone, theme=theme, voice=ctx.voice)
        return angle if angle in (SKIP, JOB_AD) else own_thread_angle(focus_author(focus), angle)
    # "@ceo what roles are open?": the reply's question put to one account
    return suggest_angle(
        focus.text,
        flags,
        None,
        n,
        0.0,
        tone,
        entry.put_to,
        reply_by=focus_author(focus),
        theme=theme,
        voice=ctx.voice,
    )


def _opening_flags(opening: Post, verdict: Moderation, ctx: RankContext) -> dict[str, bool]:
    """The flags read off the opening alone (moderation's verdict, followers only): one list
    for the full ranking and for the left-out check, so the two never judge apart."""
    return {
        FOLLOWERS_ONLY: (opening.platform, opening.id) in ctx.not_public,
        "nsfw": verdict.nsfw,
        "partisan": verdict.partisan,
        "politics": verdict.politics,
        "greeting": verdict.greeting,
        "hashtag_game": verdict.hashtag_game,
        "joke": verdict.joke,
        "crisis": verdict.crisis,
    }


def _left_out_only(conv: Conversation, ctx: RankContext, texts: Counter[str]) -> RankedConversation:
    """A conversation with only its ``left_out`` reason judged, as :func:`_score` judges it:
    each check is made only when none before it in :data:`left_out.REASONS` applies."""
    opening = conv.opening
    verdict = moderate(opening.text, ctx.humor_scores.get(conv.id))
    job_p = ctx.job_scores.get(conv.id)
    flags = _opening_flags(opening, verdict, ctx)
    if (conv.platform, conv.id) in ctx.own_threads:
        clear_opening_kinds(flags)
    checks: dict[str, Callable[[], bool]] = {
        "hostile": lambda: verdict.hostile or sum(looks_hostile(p.text) for p in conv.replies) >= 2,
        "spam": lambda: _spammy(conv, ctx, texts),
        "job_ad": lambda: is_job_ad(opening.text, job_p, ctx.job_threshold),
        MOURNING: lambda: _mourning(
            opening.text, asks_the_room(opening.text), _asks_firm(conv, ctx)
        ),
        CUSTOMER_CARE: lambda: not _asks_firm(conv, ctx) and is_customer_care(conv),
        OFF_WORK: lambda: _off_work(conv, ctx),
    }
    for name in REASONS:
        if name not in flags:
            flags[name] = checks[name]()
        if flags[name]:
            break
    reason = left_out_reason(flags)
    return RankedConversation(conv, 0.0, {}, (), (), "", "", None, flags, reason)


def _asks_firm(conv: Conversation, ctx: RankContext) -> bool:
    aimed_at = addressee(conv)
    return aimed_at is not None and is_firm(aimed_at, ctx.firm_handles)


def _spammy(conv: Conversation, ctx: RankContext, texts: Counter[str]) -> bool:
    # an opening the model is sure is a job opening is a job ad however stuffed with tags: 4
    # of the 44 labelled dev ads were told as spam; a course sold with "#Hiring" stays spam.
    # The job ad's own test, so nothing skipped here escapes both (a sale ending "DM me?")
    opening, work = conv.opening, ctx.threads.get(conv.id)
    if model_says_job_ad(opening.text, ctx.job_scores.get(conv.id), ctx.job_threshold):
        return False
    by_reply = work is not None and work.focus is not None  # a sale's customer asks of work
    spam = looks_spammy(
        opening.text,
        len(opening.hashtags),
        len(opening.mentions),
        len(opening.urls),
        sale_counts=not by_reply,
    )
    return spam or texts[opening.text.strip().lower()] >= 3  # copy-pasted by several accounts


def _mourning(text: str, question: bool, to_firm: bool) -> bool:
    """A death mourned, asking nothing: at most a line of condolence (angles.py), so left out.
    Told to the firm itself ("@acme we lost Dana on Friday") it is the firm's to answer."""
    return not question and not to_firm and mourns(text)


def _off_work(conv: Conversation, ctx: RankContext) -> bool:
    """Not about work by the thread's words, and not addressed to the firm: "@acme is the
    Dayton office open Saturday?" is the firm's own to answer, whatever words it uses."""
    work = ctx.threads.get(conv.id)
    return work is not None and work.off_work and not _asks_firm(conv, ctx)


def _score(conv: Conversation, ctx: RankContext, texts: Counter[str]) -> RankedConversation:
    opening, replies = conv.opening, conv.replies
    turns = conv.turns  # a missing opening: all are replies
    last = conv.last_activity
    age = None if last is None else hours_in(ctx.now - last)  # undated: unknown, never "fresh"
    recent = sum(
        1 for p in turns if p.created_at is not None and ctx.now - p.created_at <= GROWTH_WINDOW
    )
    question = asks_the_room(opening.text)
    role = ctx.roles.get(opening.author_id)
    job_ad = is_job_ad(opening.text, ctx.job_scores.get(conv.id), ctx.job_threshold)
    # asked of the firm itself ("@acme why haven't I heard back?"): the room it is asked in
    # is the firm's, so it is neither aimed elsewhere nor someone else's customer service
    to_firm = _asks_firm(conv, ctx)
    aimed_at = None if to_firm else addressee(conv)
    humor = ctx.humor_scores.get(conv.id)
    verdict = moderate(opening.text, humor)
    hostile = verdict.hostile or sum(looks_hostile(p.text) for p in replies) >= 2
    spam = _spammy(conv, ctx, texts)
    relevance = ctx.relevance.get(conv.id, 0.5)
    work = ctx.threads.get(conv.id)
    care = not to_firm and is_customer_care(conv)
    own = (conv.platform, conv.id) in ctx.own_threads
    # the work talk a reply whose question is put to the thread's owner ("@ceo what roles do
    # you have open?"): theirs to answer, as an opening aimed at them is
    focus = None if work is None or to_firm or own else work.focus
    put_to = None if focus is None else question_put_to(conv, focus)
    asked_of = aimed_at or put_to
    # a likely joke's question asks nothing: no "asks a question", no "be the first to answer"
    likely = not (verdict.joke or hostile or to_firm or own) and likely_joke(opening.text, humor)
    components = {
        "question": 0.0 if likely else question_value(opening.text, question, aimed_at),
        "recency": 0.0 if age is None else 0.5 ** (age / HALF_LIFE_HOURS),
        "room": room_for(known_replies(conv)),
        "relevance": float(relevance),
        "role": ROLE_WEIGHTS.get(role or "", 0.4),
        "growth": min(recent / 3.0, 1.0),
    }
    score = sum(WEIGHTS[k] * v for k, v in components.items())
    flags = {
        **_opening_flags(opening, verdict, ctx),
        "question": question,
        # a customer's complaint names work words about the brand's staff, not about work
        "work": not verdict.greeting
        and not care
        and is_squarely_work(opening.text, ctx.work_scores.get(conv.id)),
        "job_ad": job_ad,
        "hostile": hostile,
        "spam": spam,
        "addressed": asked_of is not None,
        # passed on and not answered yet: a share that drew replies is a conversation
        "link_share": not replies and is_link_share(opening.text),
        MOURNING: _mourning(opening.text, question, to_firm),
        ANOTHERS_HARDSHIP: not (question or to_firm) and tells_of_anothers_hardship(opening.text),
        TO_FIRM: to_firm,
        CUSTOMER_CARE: care,
        OFF_WORK: _off_work(conv, ctx),
        LIKELY: likely,
        SENSITIVE: is_sensitive(opening.text, opening.author_handle),
    }
    if own:
        clear_opening_kinds(flags)
    for name, factor in PENALTIES.items():
        if flags[name]:
            score *= factor
    label = ctx.topic_labels.get(conv.id, "")
    reasons, cautions = explain(
        conv,
        components,
        flags,
        role,
        age,
        recent,
        asked_of,
        own=own,
        replayed=ctx.replayed,
        humor=humor,
    )
    if own:  # said first: it is why the firm's own thread is here
        reasons = (own_thread_reason(focus_author(conv.posts[-1])), *reasons)
    elif work is not None and work.focus is not None:  # said first: why the thread is here
        reasons = (focus_reason(work.focus), *reasons)
    elif rescued := rescued_opening(opening.text, ctx.work_scores.get(conv.id), ctx.work_threshold):
        reasons = (*reasons, rescue_reason(rescued, question))
    return RankedConversation(
        conv,
        round(score, 4),
        components,
        reasons,
        cautions,
        "",
        label,
        None if own else role,  # the firm's own role, guessed, is nothing to tell the firm
        flags,
        left_out_reason(flags),
        put_to,
    )
