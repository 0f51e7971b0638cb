"""The entries of a saved response cut short: those that came whole before the cut."""

from __future__ import annotations

import json

from staffpulse.sources.json_entries import salvage_cut, salvage_damaged


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


def test_a_damaged_entry_is_left_out_and_the_others_come_back() -> None:
    # QA s27: one damaged byte in a saved page lost the whole page; now only its entry
    page = {"data": [{"id": str(n), "text": f"post {n}", "entities": [{"a": n}]} for n in range(4)]}
    text = json.dumps(page, indent=2)
    at = text.index('"post 2"')
    broken = text[:at] + "\ufffd" + text[at + 1 :]  # the quote that opened the text, damaged
    error_at = broken.index("post 2")
    left = salvage_damaged(broken, error_at)
    assert left is not None and (left.read, left.lost) == (3, 1)
    assert left.document == {"data": [page["data"][n] for n in (0, 1, 3)]}
    assert left.line == broken[: broken.index('"2"')].count("\n")  # the line its "{" is on
    assert left.told("line 9, column 15: unexpected character").startswith(
        "an entry starting here is damaged (not valid JSON at line 9, column 15: unexpected"
        " character), so it was left out and the other 3 entries read. What to do:"
    )
    last = text.index('"post 3"')
    at_end = text[:last] + "\ufffd" + text[last + 1 :]
    tail = salvage_damaged(at_end, at_end.index("post 3"))
    assert tail is not None and tail.document == {"data": page["data"][:3]}


def test_damage_outside_any_entry_salvages_nothing() -> None:
    status = '{"id": "1", "text" "one status, no list of entries"}'
    assert salvage_damaged(status, status.index('"one')) is None
    page = '{"meta": {"next_token" 7}, "data": [{"id": "1"}]}'
    assert salvage_damaged(page, page.index("7")) is None
