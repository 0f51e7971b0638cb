"""Lists a program wrote into one CSV cell, read whole (staffpulse.sources.written_lists)."""

from __future__ import annotations

from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.sources.written_lists import written_list
from staffpulse.store import open_store


def test_a_json_or_python_list_is_read_and_words_are_left_to_split() -> None:
    assert written_list('["@jane", "@bob"]') == ["@jane", "@bob"]
    assert written_list("['@jane', '@bob', '']") == ["@jane", "@bob"]
    assert written_list("@jane @bob") is None  # words: split by the reader
    assert written_list("[not a list") is None
    assert written_list("[__import__('os')]") is None  # a literal only, nothing run


def test_a_staffpulse_csv_of_list_cells_stores_its_handles_and_tags_clean(
    tmp_path: Path,
) -> None:
    # a CSV pandas wrote stored "['@jane'," and "'@bob']" as the post's mentions, and "#jobs"
    # as a tag, where a tag read from the text is stored "jobs"
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,author,text,mentions,hashtags\n"
        "\"301\",@harborline,Dock shifts open,\"['@Jane', '@bob']\",#jobs #dockwork\n"
        '302,@harborline,Night crew,"[""@jane""]","[\'#jobs\']"\n',
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [path])
        found = store.conn.execute("SELECT id, mentions, hashtags FROM posts ORDER BY id")
        rows = [tuple(row) for row in found]
    assert rows == [
        ("301", '["jane","bob"]', '["jobs","dockwork"]'),
        ("302", '["jane"]', '["jobs"]'),
    ]
