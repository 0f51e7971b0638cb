"""Records of staffpulse's own JSONL written without ``"type"`` or ``"platform"``: read by the
rule of its CSV, whose rows need neither.

A sheet saved as JSON (``{"id": "1", "author": "acme", "text": "We are hiring"}``) was refused
whole ("add "type" and "platform" to each record") while the same columns in a CSV import as
"CSV (no platform)". A file whose first record has no ``"type"`` is read as a CSV of the same
columns is: each record with ``"text"`` is a post, its author under ``author``, ``author_id``,
``author_handle`` or another tool's name for the handle (``username``, ``handle``); each
without is an account (``"handle"`` needed); with no ``"platform"`` a record gets the platform
``csv``. Only flat records are taken so (text, numbers, true or false, lists of text): another
tool's JSON (a tweet and its ``"user"`` object) is never one; nor is a benchmark cohort, nor
staffpulse's own list of accounts (:mod:`staffpulse.sources.own_outputs` tells what those are).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from staffpulse.sources.cohorts import is_cohort_header
from staffpulse.sources.native_csv_header import (
    AUTHOR_COLUMNS,
    author_synonym,
    text_by_another_name,
)
from staffpulse.sources.own_outputs import ACCOUNTS_KEYS

_SCALARS = (str, int, float, bool, type(None))


def untyped_kind(record: Any) -> str | None:
    """``"post"`` or ``"account"`` for a flat record with no ``"type"`` that a staffpulse CSV
    row of the same columns would be; None for any other value."""
    if not isinstance(record, dict) or "type" in record:
        return None
    if nested_key(record) is not None:
        return None
    keys = {str(key) for key in record}
    if "text" in keys:  # a post, by the CSV's rule: with its author, by any name for it
        return "post" if keys & set(AUTHOR_COLUMNS) or author_synonym(keys) else None
    if "handle" not in keys or text_by_another_name(keys) or is_cohort_header(keys):
        return None
    return None if keys >= ACCOUNTS_KEYS else "account"


def with_type(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record of an untyped file as the typed one it stands for: a post when it has a
    text, else an account, its author's handle under another name read as ``author`` (as a
    CSV's ``username`` column is)."""
    kind = "post" if "text" in record else "account"
    typed = {**record, "type": record.get("type") or kind}  # a type given is kept
    synonym = author_synonym(set(record)) if kind == "post" else None
    if synonym is not None:
        typed["author"] = record[synonym]
    return typed


def nested_key(record: Mapping[str, Any]) -> str | None:
    """The first key of ``record`` whose value is more than text, a number or a list of text
    (an object: another tool's record), which makes it no staffpulse record; None if none."""
    return next((str(key) for key, value in record.items() if not _flat(value)), None)


def _flat(value: Any) -> bool:
    if isinstance(value, list):
        return all(isinstance(item, str) for item in value)
    return isinstance(value, _SCALARS)
