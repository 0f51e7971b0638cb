"""Migration ``0105_listen_inbox_looks``: when each firm last looked at its inbox.

The inbox marks "new" the conversations that came into the store since the firm's last look
(:mod:`staffpulse.listen.looks`). ``account`` is the firm as marks key it (its normalized
handle, '' for an inbox shown with no firm named); ``looked_at`` is its latest look, and
``since`` the time that look measured "new" from, kept so that looks in one sitting (the
terminal, then the page) mark the same conversations.
"""

from __future__ import annotations

LISTEN_INBOX_LOOKS_MIGRATION = (
    "0105_listen_inbox_looks",
    """
    CREATE TABLE listen_inbox_looks (
        account TEXT PRIMARY KEY,
        looked_at TEXT NOT NULL,
        since TEXT
    );
    """,
)
