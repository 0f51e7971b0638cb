"""The tables of the product's parts, listed with the store's own so that every store has them.

Each part keeps its reads and writes next to its code (``audit/history.py``,
``listen/schema.py``, ``connect/handles.py``, ``fetch/common.py``); their tables are created
here, by :data:`staffpulse.store.migrations.MIGRATIONS`, whatever part of the product ran
first. The names are the ones stores already record, so no migration runs twice.
"""

from __future__ import annotations

# the audit history (each audit's scores, for the change since the last one)
AUDITS_MIGRATION = (
    "0100_audits",
    """
    CREATE TABLE IF NOT EXISTS audits (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        account_id TEXT NOT NULL,
        handle TEXT NOT NULL,
        created_at TEXT NOT NULL,
        overall INTEGER NOT NULL,
        grade TEXT NOT NULL,
        face INTEGER NOT NULL,
        mix INTEGER NOT NULL,
        voice INTEGER NOT NULL,
        conversation INTEGER NOT NULL,
        result TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS audits_by_account ON audits(platform, account_id, id);
    """,
)

# the pillars' columns may be NULL: a pillar with nothing to judge has no score, where it
# used to be stored as a filler (50 for Mix, 0 for Voice). SQLite cannot drop NOT NULL in
# place, so the table is rebuilt; the stored result JSON tells which old rows were filler.
AUDITS_NULLABLE_PILLARS_MIGRATION = (
    "0101_audits_nullable_pillars",
    """
    CREATE TABLE audits_0101 (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        account_id TEXT NOT NULL,
        handle TEXT NOT NULL,
        created_at TEXT NOT NULL,
        overall INTEGER NOT NULL,
        grade TEXT NOT NULL,
        face INTEGER,
        mix INTEGER,
        voice INTEGER,
        conversation INTEGER,
        result TEXT NOT NULL
    );
    INSERT INTO audits_0101
    SELECT id, platform, account_id, handle, created_at, overall, grade,
        CASE WHEN json_extract(result, '$.pillars.face.scored') = 0 THEN NULL ELSE face END,
        CASE WHEN json_extract(result, '$.pillars.mix.scored') = 0 THEN NULL ELSE mix END,
        CASE WHEN json_extract(result, '$.pillars.voice.scored') = 0 THEN NULL ELSE voice END,
        CASE WHEN json_extract(result, '$.pillars.conversation.scored') = 0 THEN NULL
             ELSE conversation END,
        result
    FROM audits;
    DROP TABLE audits;
    ALTER TABLE audits_0101 RENAME TO audits;
    CREATE INDEX IF NOT EXISTS audits_by_account ON audits(platform, account_id, id);
    """,
)

# listening: stream cursors, relevance verdicts, topics, inbox marks
LISTEN_MIGRATION = (
    "0100_listen",
    """
    CREATE TABLE listen_cursors (
        stream TEXT PRIMARY KEY,
        cursor INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE listen_relevance (
        platform TEXT NOT NULL,
        post_id TEXT NOT NULL,
        score REAL NOT NULL,
        relevant INTEGER NOT NULL DEFAULT 1,
        keywords TEXT NOT NULL DEFAULT '[]',
        source TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (platform, post_id)
    );
    CREATE TABLE listen_topics (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        terms TEXT NOT NULL DEFAULT '{}',
        centroid BLOB NOT NULL,
        size INTEGER NOT NULL,
        representative TEXT,
        representative_sim REAL NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE listen_topic_members (
        platform TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        topic_id INTEGER NOT NULL,
        similarity REAL NOT NULL,
        PRIMARY KEY (platform, conversation_id)
    );
    CREATE INDEX listen_topic_members_by_topic ON listen_topic_members(topic_id);
    CREATE TABLE listen_topic_state (
        key TEXT PRIMARY KEY,
        value BLOB NOT NULL
    );
    CREATE TABLE listen_inbox_state (
        platform TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('joined', 'dismissed')),
        at TEXT NOT NULL,
        PRIMARY KEY (platform, conversation_id)
    );
    """,
)

# inbox marks kept per firm: ``account`` is the firm's handle as ``inbox --as`` names it
# (normalized), '' for a mark of no particular firm; the marks made before are kept as such
LISTEN_INBOX_BY_ACCOUNT_MIGRATION = (
    "0102_listen_inbox_state_by_account",
    """
    CREATE TABLE listen_inbox_state_0102 (
        platform TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        account TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL CHECK (state IN ('joined', 'dismissed')),
        at TEXT NOT NULL,
        PRIMARY KEY (platform, conversation_id, account)
    );
    INSERT INTO listen_inbox_state_0102 (platform, conversation_id, account, state, at)
        SELECT platform, conversation_id, '', state, at FROM listen_inbox_state;
    DROP TABLE listen_inbox_state;
    ALTER TABLE listen_inbox_state_0102 RENAME TO listen_inbox_state;
    CREATE INDEX listen_inbox_state_by_account ON listen_inbox_state(platform, account, state);
    """,
)

# handles people sent in (add-handles), fetched or waiting
CONNECT_HANDLES_MIGRATION = (
    "0800_connect_handles",
    """
    CREATE TABLE connect_handles (
        platform TEXT NOT NULL,
        handle TEXT NOT NULL,
        status TEXT NOT NULL,
        account_id TEXT,
        role TEXT,
        source TEXT,
        message TEXT,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, handle)
    );
    """,
)

# where each live fetch stopped, to resume
FETCH_CURSORS_MIGRATION = (
    "fetch_0001_cursors",
    """
    CREATE TABLE IF NOT EXISTS fetch_cursors (
        platform TEXT NOT NULL,
        account_id TEXT NOT NULL,
        stream TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT '{}',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, account_id, stream)
    );
    """,
)
