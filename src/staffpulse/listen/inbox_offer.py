"""What an inbox (:func:`staffpulse.listen.inbox.build_inbox`) can offer the firm: the stored
conversations, given topics, with each one's state for the firm (:class:`Offer`); the ones
``--topic`` narrows it to (:class:`TopicScope`); and, once ranked, the topics that have
conversations to join.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from staffpulse.listen.inbox_steps import (
    FirmStates,
    Key,
    StateSort,
    judge_states,
    key_of,
    sort_by_state,
)
from staffpulse.listen.own_archive import count_own_replies
from staffpulse.listen.own_threads import opened_by_firm, waiting_reply
from staffpulse.listen.rank import RankedConversation, count_copies
from staffpulse.listen.rank_signals import addressee, is_firm
from staffpulse.listen.threads import Conversation, load_conversations, load_conversations_around
from staffpulse.listen.topic_leans import leaning_theme
from staffpulse.listen.topic_match import TopicMatch, match_topics, rank_matches
from staffpulse.listen.topic_members import assign_topics, conversation_text
from staffpulse.listen.topic_themes import OTHER, OTHER_LABEL
from staffpulse.listen.topics import TopicModel
from staffpulse.listen.window import AsOf, TopicChoice, in_window, posts_up_to, topic_choices
from staffpulse.listen.work_terms import work_subject
from staffpulse.models import normalize_handle
from staffpulse.store import Store

TOPIC_WORDS = 15  # a topic's most frequent words that a --topic query naming none falls back on


@dataclass(frozen=True, slots=True)
class Offer:
    """The conversations the inbox can offer the firm, with their topics and their states."""

    everyone: list[Conversation]
    model: TopicModel
    topic_of: dict[Key, int]
    states: FirmStates
    # opening texts of every conversation that could be offered: spam ("copy-pasted by
    # several accounts") counts copies among them all, so that a longer age adds no spam
    # verdicts to the ones shown now
    copies: Counter[str]
    # conversations begun after the --as-of date, not read: what a later date would add
    after_as_of: int = 0
    # when every one began after it: the first post of them, for the note that says so
    first_after: datetime | None = None
    # conversations the firm's own accounts began and nobody waits in: never offered to it
    own_opened: int = 0
    # the ones the firm began where someone answered it last: offered, for that reply
    own_waiting: frozenset[Key] = frozenset()
    # the ones holding the firm's replies alone, to posts not stored (joined, nothing to offer)
    own_replies: int = 0
    # the firm's handles, normalized: a post that opens "@acme ..." asks the firm itself
    firm: frozenset[str] = frozenset()
    # the firm's own accounts (platform, id): their replies never carry a thread's work talk
    own: frozenset[tuple[str, str]] = frozenset()
    # every conversation read as about work (or addressed to the firm), offered or not
    loaded: frozenset[Key] = frozenset()

    @property
    def labels(self) -> dict[int, str]:
        return {tid: t.label for tid, t in self.model.topics_.items()}


@dataclass(frozen=True, slots=True)
class TopicScope:
    """The conversations ``--topic`` narrows the inbox to (all of them without it)."""

    query: str | None
    conversations: list[Conversation]
    keys: set[Key] | None  # None: every topic
    matches: list[TopicMatch]  # the topics the query names, not yet counted (``open`` 0)


def gather_offer(
    store: Store,
    platform: str | None,
    as_of: AsOf,
    as_handle: str | None,
    own: Sequence[tuple[str, str]],
    now: datetime | None,
) -> Offer:
    """The conversations to offer, given topics, with each one's state for the firm."""
    firm = firm_handles(store, as_handle, own)
    loaded = load_conversations(store, platform)
    loaded += _addressed_to_firm(store, platform, firm, loaded)
    # as a date asked for stood: nothing posted later is read, an answer to the firm neither
    mine = [c for c in loaded if opened_by_firm(c, own)]
    then = posts_up_to(mine, as_of) if isinstance(as_of, datetime) else mine
    waiting = frozenset(key_of(c) for c in then if waiting_reply(c, own) is not None)
    stored = _not_begun_by(loaded, own, waiting)
    everyone = posts_up_to(stored, as_of) if isinstance(as_of, datetime) else stored
    model, topic_of = assign_topics(store, everyone)
    # a snooze ends on the real clock, even in a replay
    states = judge_states(
        store, platform, as_handle, own, everyone, now or datetime.now(UTC), waiting
    )
    copies = count_copies([c for c in everyone if states.of(c) in ("open", "joined")])
    first = None
    if stored and not everyone:
        first = min((p.created_at for c in stored for p in c.posts if p.created_at), default=None)
    return Offer(
        everyone,
        model,
        topic_of,
        states,
        copies,
        len(stored) - len(everyone),
        first,
        own_opened=len(loaded) - len(stored),
        own_waiting=waiting,
        own_replies=count_own_replies(everyone, own),
        firm=firm,
        own=frozenset(own),
        loaded=frozenset(key_of(c) for c in loaded),
    )


def _addressed_to_firm(
    store: Store, platform: str | None, firm: frozenset[str], loaded: Sequence[Conversation]
) -> list[Conversation]:
    """The conversations opened by a post addressed to the firm that the judge of work left
    out ("@acme are you open on Saturday?", "Hi @acme, do you hire drivers?" name no work
    matter): the firm's own to answer, whatever its words, so they are offered too."""
    # a Mastodon mention written on the firm's own server omits the server: "@acme"
    names = sorted({handle.split("@")[0] for handle in firm if handle.split("@")[0]})
    if not names:
        return []
    seen = {(c.platform, p.id) for c in loaded for p in c.posts}
    ids: dict[str, list[str]] = {}
    for plat, post_id in _posts_mentioning(store, platform, names):
        if (plat, post_id) not in seen:
            ids.setdefault(plat, []).append(post_id)
    known = {(c.platform, c.id) for c in loaded}
    found = [c for plat, some in ids.items() for c in load_conversations_around(store, plat, some)]
    return [
        c
        for c in found
        if (c.platform, c.id) not in known
        and (aimed_at := addressee(c)) is not None
        and is_firm(aimed_at, firm)
    ]


def _posts_mentioning(
    store: Store, platform: str | None, names: Sequence[str]
) -> list[tuple[str, str]]:
    """The (platform, id) of the posts that mention one of ``names`` as a handle anywhere in
    their text ("Hi @acme, ...", "@ana @acme ..."), read in one pass over the posts: not
    inside an e-mail address ("jobs@acme.com") nor as the start of another handle
    ("@acme_jobs", "@acme.bsky.social")."""
    likes = " OR ".join(["text LIKE ? ESCAPE '\\'"] * len(names))
    patterns = [
        "%@" + n.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for n in names
    ]
    rows = store.conn.execute(
        "SELECT platform, id, text FROM posts WHERE kind != 'repost'"
        f" AND (? IS NULL OR platform = ?) AND ({likes})",
        (platform, platform, *patterns),
    )
    mention = re.compile(
        r"(?<![\w@.+-])@(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-]|\.\w)",
        re.IGNORECASE,
    )
    return [(plat, post_id) for plat, post_id, text in rows if mention.search(text)]


def firm_handles(
    store: Store, as_handle: str | None, own: Sequence[tuple[str, str]]
) -> frozenset[str]:
    """The firm's handles, normalized: the one it was named by and its stored accounts'."""
    handles = {normalize_handle(as_handle)} if as_handle else set()
    for plat, account_id in own:
        row = store.conn.execute(
            "SELECT handle FROM accounts WHERE platform = ? AND id = ?", (plat, account_id)
        ).fetchone()
        if row is not None and row[0]:
            handles.add(normalize_handle(row[0]))
    return frozenset(handles)


def narrow_to_topic(topic: str | None, offer: Offer) -> TopicScope:
    """The conversations of the topics ``topic`` names (every one when it is None)."""
    if topic is None:
        return TopicScope(None, offer.everyone, None, [])
    model = offer.model
    matches = match_topics(
        topic, offer.labels, words=_topic_words(model, TOPIC_WORDS), all_words=_topic_words(model)
    )
    named = {m.id for m in matches}
    keys = {key for key, tid in offer.topic_of.items() if tid in named}
    return TopicScope(topic, [c for c in offer.everyone if key_of(c) in keys], keys, matches)


def sort_for_ranking(
    offer: Offer, scope: TopicScope, at: datetime, max_age: timedelta | None
) -> StateSort:
    """The conversations of ``scope`` by state, with what to rank set apart."""
    sort = sort_by_state(scope.conversations, offer.states, at, max_age)
    if scope.keys is not None:
        # the topics to pick count what the inbox would show of them, so every open
        # conversation in the window is ranked: job ads, spam... are left out of the counts
        sort.wanted += [
            c
            for c in offer.everyone
            if key_of(c) not in scope.keys
            and offer.states.of(c) == "open"
            and in_window(c.last_activity, at, max_age)
        ]
    return sort


@dataclass(frozen=True, slots=True)
class TopicsOffered:
    """The topics with conversations to join, the ones ``--topic`` names, the ranked
    conversations narrowed to them, and each conversation's topic as the inbox files it."""

    choices: list[TopicChoice]
    matches: list[TopicMatch]
    ranked: list[RankedConversation]
    topic_of: dict[Key, int]
    # conversations filed into the topics named less those filed out of them: what the
    # scope's count of conversations gains (``--topic`` counts what it lists)
    refiled: int = 0


def topics_offered(
    ranked: list[RankedConversation], offer: Offer, scope: TopicScope
) -> TopicsOffered:
    """The topics with conversations to join (counted over every topic), the ones the query
    names, and the ranked conversations narrowed to them; a topic that is no workplace theme
    files its conversations under the theme each leans to, else "Other conversations"
    (:func:`fold_word_topics`), unless the query names that topic. The ones narrowed to are
    the ones the inbox without ``--topic`` files under the topics named, no more, no fewer."""
    offered = [
        e.conversation
        for e in ranked
        if not e.left_out and offer.states.of(e.conversation) == "open"
    ]
    matches: list[TopicMatch] = []
    if scope.query is not None and scope.keys is not None:  # the matches found once, counted
        unfolded = topic_choices(offered, offer.topic_of, offer.model.topics_)
        matches = rank_matches(scope.matches, {c.id: c.open for c in unfolded})
    named = {m.id for m in matches}
    other = _other_topic(offer.model)
    # "Other conversations" is filed as without --topic: its ones that lean to a theme go there
    keep = named - {other} if other is not None else named
    topic_of = fold_word_topics(offered, offer.topic_of, offer.model, keep=keep)
    choices = topic_choices(offered, topic_of, offer.model.topics_)
    labels = offer.labels
    filed = [
        replace(e, topic_label=labels.get(topic_of[key], OTHER_LABEL))
        if topic_of.get(key := key_of(e.conversation)) != offer.topic_of.get(key)
        else e
        for e in ranked
    ]
    if scope.query is None or scope.keys is None:
        return TopicsOffered(choices, [], filed, topic_of)
    keys = scope.keys
    open_now = {c.id: c.open for c in choices}  # "Other conversations" with the folded ones
    matches = [replace(m, open=open_now.get(m.id, m.open)) for m in matches]
    # what the inbox files under the topics named: the conversations folded into them too
    # ("called in on my day off" from "Other conversations" into Trades & shifts), and not
    # the ones folded out of them
    narrowed = [e for e in filed if topic_of.get(key_of(e.conversation)) in named]
    # those that came in less those that went out: listed now less listed before folding
    was = sum(1 for e in filed if key_of(e.conversation) in keys)
    return TopicsOffered(choices, matches, narrowed, topic_of, len(narrowed) - was)


def fold_word_topics(
    offered: Sequence[Conversation],
    topic_of: dict[Key, int],
    model: TopicModel,
    keep: Collection[int] = (),
) -> dict[Key, int]:
    """``topic_of`` with the conversations of each topic that is no workplace theme, and the
    "Other conversations", filed anew: each one ``offered`` under the theme its text leans to
    (:mod:`.topic_leans`: "the bonus talk about my raise" leans to Pay & salary, "called in on
    my day off" to Trades & shifts), or failing that its replies with it, else, and every other
    one of a word-named topic, under
    "Other conversations". Such a topic is named by one to three words its posts share with
    others ("Web / money", "Career / data", "Money"), which rarely say what its conversations
    are about. The topics of ``keep`` (the ones ``--topic`` names) stay."""
    other = _other_topic(model)
    themed = {t.theme: tid for tid, t in model.topics_.items() if t.theme and t.theme != OTHER}
    worded = {tid for tid, t in model.topics_.items() if t.theme is None and tid not in keep}
    refiled = worded if other is None or other in keep else worded | {other}
    lean: dict[Key, int] = {}
    for c in offered:
        if topic_of.get(key := key_of(c)) in refiled:
            theme = leaning_theme(conversation_text(c), themed)
            # the work talk may be in a reply, as its angle then is ("back to painting signs"
            # answered "the career ladder ..."); an opening that names a work matter keeps the
            # angle on itself, so a reply's theme would file its card away from its angle
            if theme is None and len(c.posts) > 1 and work_subject(c.opening.text) is None:
                theme = leaning_theme(" ".join(p.text for p in c.posts), themed)
            if theme is not None:
                lean[key] = themed[theme]
    folded = dict(topic_of)
    for key, tid in topic_of.items():
        if tid in refiled:
            folded[key] = lean.get(key) or other or tid
    return folded


def _other_topic(model: TopicModel) -> int | None:
    """The id of the "Other conversations" topic, None when nothing was filed there yet."""
    return next((tid for tid, t in model.topics_.items() if t.theme == OTHER), None)


def _not_begun_by(
    conversations: list[Conversation], own: Sequence[tuple[str, str]], waiting: Collection[Key]
) -> list[Conversation]:
    """The conversations but those the firm's own accounts opened, bar the ``waiting`` ones
    where someone else answered it last and waits for its reply (:mod:`.own_threads`)."""
    # the firm's own posts are not offered to it; but when the first post is not stored, the
    # firm's reply shown in its place makes the conversation joined, not the firm's own
    return [c for c in conversations if key_of(c) in waiting or not opened_by_firm(c, own)]


def _topic_words(model: TopicModel, most: int | None = None) -> dict[int, str]:
    """What a query that names no topic falls back on: the ``most`` words each topic uses most
    (None: every word it uses)."""
    return {
        tid: " / ".join(w for w, _ in t.terms.most_common(most)) for tid, t in model.topics_.items()
    }
