"""Work questions the work_topic classifier misses, kept for listening all the same.

The classifier reads few words in a short post and underrates short staffing questions: "Is a
25% placement fee normal?" scores 0.10 against a threshold of 0.55, so no conversation would
start from it. For listening (never in the classifier or ``staffpulse classify``) a post the
classifier scores below its threshold still counts as relevant when it

* asks the room a question, with its "?" (:func:`~staffpulse.listen.questions.asks_the_room`:
  not a hook that a link follows, as a job ad's "Looking for your next role?"), and
* dwells on work in the strict vocabulary of :mod:`staffpulse.listen.work_terms`
  (:func:`~staffpulse.listen.work_terms.dwells_on_work`: two work words, or one that is rarely
  said in passing, such as "placement fee", "candidates" or "laid off"; a lone "job",
  "employees" or "career" is not enough).

Why both: on real imported posts (the format samples and customer-care dialogs) the vocabulary
alone would bring in 21 of the 4,331 posts the classifier turned down, 2 of them on work (the
rest: a bank's "employees" in a statement, "colleagues" at a party, "interviews" in a research
course...); on the 498 labelled dev posts it names work in 37 posts labelled not about work.
As questions that dwell on work: none of either (docs/listen.md, "Work questions the
classifier misses").

A statement is kept too, no "?" needed, when it names a labour dispute or a machine made safe
in words said of nothing else ("Day 12 on the picket line", "lockout/tagout training": the
classifier scores them near 0.03; :data:`~staffpulse.listen.workplace_terms.DISPUTE_AT_WORK`,
:data:`~staffpulse.listen.workplace_terms.SAFETY`).

Stored verdicts made under older rules are judged again once (:func:`rejudge_stored`), as the
topic model forgets topics made under older grouping rules.
"""

from __future__ import annotations

import re

from staffpulse.listen.questions import asks_the_room
from staffpulse.listen.work_terms import dwells_on_work, plain_text, work_words
from staffpulse.listen.workplace_terms import DISPUTE_AT_WORK, SAFETY
from staffpulse.store import Store

# The version of the rule above, kept in ``listen_topic_state`` (listening's key/value
# state): a store whose verdicts were made under an older one has them judged again, once.
RULES_VERSION = 10  # 3: an actor's interviews are no work word; 4: nor "my own boss"; 5: unions,
# harassment at work, being written up or called in are; 6: so is pride in one's own workplace;
# 7: but not in "my practice", "my lab", "my crew" (yoga, a dog, friends) nor a patient's hospital;
# 8: a labour dispute or lockout/tagout named is kept, asked about or not; 9: not a bare "LOTO"
# (a lottery), a protest picketed nor a crowd's walkout; 10: an opening "nobody applies" for
RULES_KEY = "relevance_rules"


# work in words nothing else is said in: a labour dispute ("Day 12 on the picket line") or a
# machine made safe ("lockout/tagout training"), kept whether or not the post asks
_UNMISTAKABLE_RE = re.compile(rf"\b(?:{DISPUTE_AT_WORK}|{SAFETY})\b", re.IGNORECASE)


def rescue_words(text: str) -> tuple[str, ...]:
    """The work words for which a post the classifier turned down still counts as about work
    (see the module docstring), lower-cased, each once; () when it does not."""
    # a question with its "?" first: the check runs on every post the classifier turns down
    # (most of a live stream), and the "?" alone lets nine in ten skip the vocabulary
    if "?" in text and asks_the_room(text) and dwells_on_work(text):
        return tuple(dict.fromkeys(word.lower() for word in work_words(text)))
    # the words themselves first: most posts name none, and skip the plain text's making
    if _UNMISTAKABLE_RE.search(text) is None:
        return ()
    plain = plain_text(text)
    if _UNMISTAKABLE_RE.search(plain) is None:  # only in a link
        return ()
    return tuple(dict.fromkeys(word.lower() for word in work_words(plain)))


def rescue_reason(words: tuple[str, ...], question: bool = True) -> str:
    """ "a work question in so many words ('placement fee'): kept although the work-topic
    model scored it low" — why the inbox holds a post the classifier turned down ("work in so
    many words" for a statement: "Day 12 on the picket line")."""
    named = ", ".join(f"'{w}'" for w in words[:3])
    said = "a work question" if question else "work"
    return f"{said} in so many words ({named}): kept although the work-topic model scored it low"


def rescued_opening(text: str, p_work: float | None, threshold: float | None) -> tuple[str, ...]:
    """The rescue words of an opening the classifier scores below ``threshold`` (what put it
    in the inbox), else (): an opening the classifier keeps needs no rescue to explain it."""
    if p_work is None or threshold is None or p_work >= threshold:
        return ()
    return rescue_words(text)


def rejudge_stored(store: Store, threshold: float, source: str = "store") -> int:
    """Judge the stored verdicts of ``source`` made under older rules again, once: a post
    turned down whose stored score is below ``threshold`` becomes relevant when the rescue
    takes it. Only the verdicts of the inbox's own filter (``source``) are judged: the ones a
    ``listen`` run stored were made with the user's keywords, whose exclusions are not kept.
    Returns how many posts the rescue brought in."""
    if _stored_version(store) == RULES_VERSION:
        return 0
    rows = store.conn.execute(
        "SELECT r.platform, r.post_id, p.text FROM listen_relevance r JOIN posts p"
        " ON p.platform = r.platform AND p.id = r.post_id"
        " WHERE r.relevant = 0 AND r.source = ? AND r.score < ?",
        (source, threshold),
    ).fetchall()
    rescued = [(row[0], row[1]) for row in rows if rescue_words(row[2])]
    with store.transaction() as conn:
        conn.executemany(
            "UPDATE listen_relevance SET relevant = 1 WHERE platform = ? AND post_id = ?",
            rescued,
        )
        conn.execute(
            "INSERT OR REPLACE INTO listen_topic_state (key, value) VALUES (?, ?)",
            (RULES_KEY, str(RULES_VERSION)),
        )
    return len(rescued)


def _stored_version(store: Store) -> int:
    row = store.conn.execute(
        "SELECT value FROM listen_topic_state WHERE key = ?", (RULES_KEY,)
    ).fetchone()
    try:
        return int(row[0]) if row is not None else 1
    except (TypeError, ValueError):
        return 1
