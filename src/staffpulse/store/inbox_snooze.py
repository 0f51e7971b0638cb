"""Migration ``0104_listen_inbox_snooze``: an inbox mark may be ``snoozed`` until a date.

A snoozed conversation is hidden from the firm's inbox until ``until`` (a UTC time, as the
store keeps every time), then comes back on its own, or sooner when someone posts in it after
``at`` (when it was snoozed): :mod:`staffpulse.listen.snooze`. SQLite cannot widen a CHECK in
place, so the table is rebuilt; every mark already made is kept as it was (``until`` NULL).
"""

from __future__ import annotations

LISTEN_INBOX_SNOOZE_MIGRATION = (
    "0104_listen_inbox_snooze",
    """
    CREATE TABLE listen_inbox_state_0104 (
        platform TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        account TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL CHECK (state IN ('joined', 'dismissed', 'snoozed')),
        at TEXT NOT NULL,
        until TEXT,
        PRIMARY KEY (platform, conversation_id, account),
        CHECK ((state = 'snoozed') = (until IS NOT NULL))
    );
    INSERT INTO listen_inbox_state_0104 (platform, conversation_id, account, state, at)
        SELECT platform, conversation_id, account, state, at FROM listen_inbox_state;
    DROP TABLE listen_inbox_state;
    ALTER TABLE listen_inbox_state_0104 RENAME TO listen_inbox_state;
    CREATE INDEX listen_inbox_state_by_account ON listen_inbox_state(platform, account, state);
    """,
)
