"""The segments cohort files gave, kept in the store (staffpulse.store.segments)."""

from __future__ import annotations

from pathlib import Path

from staffpulse.models import Account
from staffpulse.sources.base import provenance
from staffpulse.store import open_store
from staffpulse.store.segments import remember_segments, stored_segments


def test_the_latest_files_segment_is_kept_and_read_as_the_role_it_names(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    firm = Account(platform="x", id="1", handle="Harbor_Firm")
    store.upsert([firm], provenance("native", tmp_path / "in.jsonl"))
    remember_segments(store, [("x", "1", "recruiter"), ("x", "2", "hr")], "first.csv")
    remember_segments(store, [("x", "1", "staffing_firm")], "second.csv")
    assert sorted(stored_segments(store)) == [
        ("x", "1", "Harbor_Firm", "staffing_firm"),
        ("x", "2", None, "hr"),  # no longer in the store: no handle to name it by
    ]
