"""Why a file of JSON records is not a staffpulse JSONL, and what to write instead.

A file of JSON objects no source reads was told only "not a format staffpulse can import"
with the list of formats. The usual case is a file made for another purpose: records of
``id`` and ``text`` (posts to classify, a labelled set), or posts whose author or text is
under another tool's name (records of staffpulse's own fields need no ``"type"``:
:mod:`staffpulse.sources.native_untyped` reads them). :func:`why_not_native_jsonl` (one of :data:`staffpulse.sources.folders.EXPLAINERS`)
names the keys the first record has, what a staffpulse JSONL record needs, and, for posts of
no account, the command that scores them as they are (``staffpulse classify``); records with a
bio are accounts, sent to ``staffpulse roles``.
"""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.next_steps import FORMATS_JSONL, SCORE_TEXTS
from staffpulse.report.counts import join_and
from staffpulse.sources.csv_tables import json_under_table_name
from staffpulse.sources.folders import EXPLAINERS
from staffpulse.sources.jsonio import NATIVE_TYPES, first_value, json_lines_head
from staffpulse.sources.native_csv import tag_accounts_hint
from staffpulse.sources.native_csv_header import AUTHOR_COLUMNS, AUTHOR_SYNONYMS, BIO_COLUMNS
from staffpulse.sources.native_untyped import nested_key
from staffpulse.sources.user_paths import command_file

SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonlines")
SHOWN_KEYS = 12  # of the first record's keys named in the message
_TEXT_KEYS = ("text", "full_text", "content")
# needed by neither (sources/native_untyped.py), as a CSV's rows need no column of them
TYPE_AND_PLATFORM = 'and may have "type" and "platform" (x, bluesky or mastodon)'


def why_not_native_jsonl(path: Path, head: bytes) -> str | None:
    """Why JSON records of no known format are not a staffpulse JSONL: the first record's keys
    and what a post record needs. None when the file is no JSON records, or its first record
    has no text (a file of something else: a config, a report). Records saved under a table's
    name (``posts.csv``) are told so too, with the name to give them: they were told as a CSV
    whose header was their first record."""
    misnamed = json_under_table_name(path)
    if (path.suffix.lower() not in SUFFIXES and misnamed is None) or path.is_dir():
        return None
    why = _why_not_native(path, head)
    if why is None or misnamed is None:
        return why
    holds, name = misnamed
    return f"{why}. It is named {path.suffix} but holds {holds}: rename it {name} too"


def _why_not_native(path: Path, head: bytes) -> str | None:
    record = first_value(json_lines_head(head))
    if not isinstance(record, dict) or record.get("type") in NATIVE_TYPES:
        return None
    keys = [str(key) for key in record]
    lower = {key.lower(): key for key in keys}
    shown = ", ".join(keys[:SHOWN_KEYS]) + (
        f" and {len(keys) - SHOWN_KEYS:,} more" if len(keys) > SHOWN_KEYS else ""
    )
    if any(key in lower for key in BIO_COLUMNS):
        return _why_not_accounts(path, shown)
    text_key = next((key for key in keys if key.lower() in _TEXT_KEYS), None)
    if text_key is None:
        return None
    has_author = any(column in lower for column in AUTHOR_COLUMNS)
    other_author = next((lower[name] for name in AUTHOR_SYNONYMS if name in lower), None)
    kind = record.get("type")  # another tool's ("tweet"): a staffpulse record's is "post"
    missing = [
        f'"{field}"' + (f' (rename "{written}")' if written else "")
        for field, present, written in (
            ("id", "id" in lower, None),
            ("author", has_author, other_author),
            ("text", text_key == "text", None if text_key == "text" else text_key),
        )
        if not present
    ]
    if kind is not None:
        missing.insert(0, f'"type": "post" (not {json.dumps(kind)})')
    fix = f"add {join_and(missing)} to each record"
    if not missing and (nested := nested_key(record)) is not None:  # read as it is, but for
        fix = f'"{nested}" holds more than text or a list of text: leave it out of each record'
    message = (
        f"its first record has the keys {shown}, and a staffpulse JSONL post has "
        f'"id", "author" (whose post it is) and "text", {TYPE_AND_PLATFORM}: {fix}'
        f" {FORMATS_JSONL.say()}"
    )
    if not (has_author or other_author) and "id" in lower:
        message += f". {SCORE_TEXTS.say(file=command_file(path))}"
    return message


def _why_not_accounts(path: Path, shown: str) -> str:
    """Records with a bio are accounts (a labelled set of accounts, a users lookup): what a
    staffpulse JSONL account needs, and the command that tags them as they are."""
    return (
        f"its first record has the keys {shown}: an account with its bio, and a staffpulse "
        f'JSONL account has "handle", {TYPE_AND_PLATFORM} {FORMATS_JSONL.say()}. '
        f"{tag_accounts_hint(path)}"
    )


EXPLAINERS.append(why_not_native_jsonl)
