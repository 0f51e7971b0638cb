"""Which conversation has which topic, kept in the store: new conversations join the stored
topics incrementally (:class:`~staffpulse.listen.topics.TopicModel`), known ones keep theirs."""

from __future__ import annotations

from collections.abc import Sequence

from staffpulse.listen.threads import Conversation
from staffpulse.listen.topic_state import SEEDS_KEY, STATE_KEY, unpack_state
from staffpulse.listen.topics import VERSION, TopicModel
from staffpulse.store import Store


def conversation_text(conversation: Conversation, short: int = 8) -> str:
    """The document that represents a conversation: its opening post, plus the first reply
    when the opening is shorter than ``short`` words (replies are mostly generic)."""
    opening = conversation.opening.text
    if len(opening.split()) >= short or not conversation.replies:
        return opening
    return f"{opening} {conversation.replies[0].text}"


def assign_topics(
    store: Store, conversations: Sequence[Conversation], model: TopicModel | None = None
) -> tuple[TopicModel, dict[tuple[str, str], int]]:
    """Give every conversation a topic: stored ones keep theirs, new ones join incrementally
    (all of them, once, when the stored topics were made under older rules). The exception:
    one of the latest "other conversations" that a new conversation is like leaves them, for
    the topic the two start."""
    if model is None:
        drop_outdated_topics(store)
        model = TopicModel.load(store)
    known: dict[tuple[str, str], int] = {
        (row[0], row[1]): int(row[2])
        for row in store.conn.execute(
            "SELECT platform, conversation_id, topic_id FROM listen_topic_members"
        )
    }
    todo = [c for c in conversations if (c.platform, c.id) not in known]
    if todo:
        assignments = model.assign(
            [conversation_text(c) for c in todo], [f"{c.platform}|{c.id}" for c in todo]
        )
        model.save(store)
        rows = [
            (c.platform, c.id, a.topic_id, a.similarity)
            for c, a in zip(todo, assignments, strict=True)
        ]
        # other conversations that a new one was like: they start a topic together
        moved: list[tuple[str, str, int]] = []
        for key, tid in model.moved_.items():
            platform, cid = key.split("|", 1)
            moved.append((platform, cid, tid))
        with store.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO listen_topic_members (platform, conversation_id,"
                " topic_id, similarity) VALUES (?, ?, ?, ?)",
                rows,
            )
            conn.executemany(
                "UPDATE listen_topic_members SET topic_id = ? WHERE platform = ?"
                " AND conversation_id = ?",
                [(tid, platform, cid) for platform, cid, tid in moved],
            )
        known.update(((p, c), t) for p, c, t, _ in rows)
        known.update(((p, c), t) for p, c, t in moved)
    wanted = {(c.platform, c.id) for c in conversations}
    return model, {k: v for k, v in known.items() if k in wanted}


def drop_outdated_topics(store: Store) -> bool:
    """Forget topics made under older grouping rules (:data:`VERSION`); True when it did."""
    row = store.conn.execute(
        "SELECT value FROM listen_topic_state WHERE key = ?", (STATE_KEY,)
    ).fetchone()
    if row is None or unpack_state(row[0])[0].get("version") == VERSION:
        return False
    with store.transaction() as conn:
        conn.execute("DELETE FROM listen_topic_state WHERE key IN (?, ?)", (STATE_KEY, SEEDS_KEY))
        conn.execute("DELETE FROM listen_topics")
        conn.execute("DELETE FROM listen_topic_members")
    return True
