"""Migration 0103: each stored audit records which data it read (``audit/history.py``).

The change an audit reports is measured against the latest audit of different data, so an
audit run twice on the same store (in the terminal, then for the HTML report) shows the
week's change both times. Audits stored before have NULL: data unknown, taken as different.
"""

from __future__ import annotations

AUDITS_DATA_KEY_MIGRATION = (
    "0103_audits_data_key",
    "ALTER TABLE audits ADD COLUMN data_key TEXT;",
)
