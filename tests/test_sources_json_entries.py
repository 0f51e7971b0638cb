"""The entries of a saved response cut short: those that came whole before the cut."""

from __future__ import annotations

import json

from staffpulse.sources.json_entries import salvage_cut


def test_the_entries_whole_before_the_cut_come_back_as_a_document() -> None:
    page = {"feed": [{"post": {"uri": f"at://{n}", "facets": [{}]}} for n in range(4)]}
    text = json.dumps(page, indent=1)
    cut = salvage_cut(text[: text.index('"at://3"')])  # in the 4th entry
    assert cut is not None and (cut.read, cut.lost) == (3, 1)
    assert cut.document == {"feed": page["feed"][:3]}
    statuses = json.dumps([{"id": "1"}, {"id": "2", "text": "{[ not brackets"}, {"id": "3"}])
    listed = salvage_cut(statuses[:-8])
    assert listed is not None and listed.document == json.loads(statuses)[:2]
    assert "so the 2 entries before the cut were read and at least 1 entry lost" in listed.told


def test_a_cut_before_any_whole_entry_salvages_nothing() -> None:
    assert salvage_cut('{"feed": [{"post": {"uri": "at://') is None
    assert salvage_cut('{"id": "1", "text": "one status, no list of entr') is None
