"""The project's own format as JSONL (docs/formats.md); its CSV is :mod:`.native_csv`'s.

Files written by people are decoded by :func:`~staffpulse.sources.text_files.detect_encoding`
(UTF-8, UTF-16 by BOM, else Windows-1252 with a notice). Records become rows in
:mod:`staffpulse.sources.native_records`; a file of posts alone still gives an account for each
author (:mod:`staffpulse.sources.native_authors`), so the author can be audited.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from staffpulse.models import Account, Post
from staffpulse.sources.bad_counts import BadCounts
from staffpulse.sources.base import Item, Notice, Problem, provenance, read_head, register
from staffpulse.sources.column_errors import ToldOnce
from staffpulse.sources.js_ids import ID_KEYS, JAVASCRIPT, json_id_cells
from staffpulse.sources.json_document_errors import DocumentError
from staffpulse.sources.json_documents import read_documents
from staffpulse.sources.json_heads import first_record, spans_lines
from staffpulse.sources.json_line_breaks import read_json_lines
from staffpulse.sources.jsonio import (
    first_line,
    json_error_message,
    json_lines_head,
    several_a_line,
    with_line_advice,
)
from staffpulse.sources.link_names import UnreadLinkKeys
from staffpulse.sources.native_authors import Authors
from staffpulse.sources.native_csv_header import second_bio_note
from staffpulse.sources.native_records import RECORD_TYPES, rows_from_native
from staffpulse.sources.native_untyped import untyped_kind, with_type
from staffpulse.sources.post_links import OtherNetworks
from staffpulse.sources.text_files import TextEncoding, detect_encoding
from staffpulse.sources.zeroed_ids import ZeroedIds
from staffpulse.store.core import Record


def _records_typed(head: bytes) -> bool | None:
    """Whether the first record of a staffpulse JSONL is typed (``"type": "post"``), or
    written without a type (:func:`untyped_kind`); None when the file is no staffpulse JSONL.
    The record is on the first line past a log line printed into the file, or the first
    object of a JSON array or of pretty-printed objects."""
    first = first_line(json_lines_head(head))
    if first[:1] not in ("[", "{"):
        return None
    records = [first_record(head)]
    if first.startswith("{"):
        with contextlib.suppress(json.JSONDecodeError):  # a line cut by the end of the head
            records.append(json.loads(first))
    if any(isinstance(obj, dict) and obj.get("type") in RECORD_TYPES for obj in records):
        return True
    return False if any(untyped_kind(obj) is not None for obj in records) else None


def text_encoding(path: Path) -> tuple[TextEncoding, list[Notice]]:
    """How to open ``path``, and the notice to give (once) when its encoding was a guess."""
    encoding = detect_encoding(path)
    return encoding, [Notice(str(path), encoding.note)] if encoding.note else []


class NativeJsonl:
    name = "staffpulse-jsonl"
    label = "staffpulse JSONL"

    def sniff(self, path: Path, head: bytes) -> bool:
        return _records_typed(head) is not None

    def read(self, path: Path) -> Iterator[Item]:
        # a first record with no "type": each record is a post or an account by its keys
        untyped = _records_typed(read_head(path)) is False
        authors = Authors()
        told = ToldOnce(str(path))  # what a whole column gets wrong: told once for the file
        counts = BadCounts()  # a count such as "1.2K": the record kept without it, told
        links = UnreadLinkKeys()  # a "reply_to_post_id" key: told, not passed over
        others = OtherNetworks(str(path), "record")  # LinkedIn records: told once a file, counted
        # ids a JavaScript program wrote as numbers, 1654321987654322000: skipped, told once
        rounded = ZeroedIds[tuple[int, Any] | Notice | Problem](str(path), ID_KEYS, how=JAVASCRIPT)
        both_bios: str | None = None  # an account with a bio and a description: told once
        for found in rounded.kept(self._records(path), json_id_cells):
            if isinstance(found, (Notice, Problem)):
                yield found
                continue
            number, obj = found
            try:
                if isinstance(obj, json.JSONDecodeError):
                    raise obj
                if not isinstance(obj, dict):
                    raise ValueError("line is not a JSON object")
                if others.take(obj, number, None):  # a LinkedIn post: told once, counted
                    continue
                row = counts.build(
                    obj,
                    number,
                    lambda o: rows_from_native(
                        with_type(o) if untyped else o, base_dir=path.parent
                    ),
                )
            except json.JSONDecodeError as exc:
                yield Problem(str(path), number, with_line_advice(json_error_message(exc)))
                continue
            except ValueError as exc:
                if not told.take(number, exc):
                    yield Problem(str(path), number, str(exc))
                continue
            if isinstance(row, Post):
                links.see(obj, number)
            elif isinstance(row, Account):
                both_bios = both_bios or second_bio_note(obj, what="field")
            if (stub := authors.see(row, obj)) is not None:
                # no payload of its own: derived from the post, stored with its payload
                yield Record(rows=(stub,), provenance=provenance(self.name, path))
            yield Record(rows=(row,), provenance=provenance(self.name, path, number), raw=obj)
        yield from told.problems()
        yield from others.problems()
        if (skipped := rounded.problem()) is not None:
            yield skipped
        yield from counts.notices(str(path))
        yield from (Notice(str(path), said) for said in links.notes())
        if both_bios is not None:
            yield Notice(str(path), both_bios)
        yield from authors.items(self.name, path)

    def _records(self, path: Path) -> Iterator[tuple[int, Any] | Notice | Problem]:
        """(line, the parsed record or its JSON error) of each record: one a line, or in a JSON
        array or pretty-printed one after another, each at the line it starts on."""
        head = read_head(path)
        if several_a_line(first_line(head)) or spans_lines(head):
            for found in read_documents(path, items=True):
                if isinstance(found, DocumentError):
                    yield Problem(str(path), found.line, str(found), found.records)
                else:
                    yield found[0] or 1, found[1]
            return
        encoding, notices = text_encoding(path)
        yield from notices
        with path.open(encoding=encoding.codec, errors=encoding.errors) as handle:
            # a record a line, or over several when a line break was pasted into its text
            yield from read_json_lines(str(path), enumerate(handle, start=1))


register(NativeJsonl())
