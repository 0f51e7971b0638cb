"""Texts a spreadsheet saved without UTF-8 (staffpulse.ingest_lossy_texts): "?" in place of an
emoji or a letter keeps the stored text, told once; a text changed in anything else is updated."""

from __future__ import annotations

from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.ingest_lossy_texts import lost_only_to_marks
from staffpulse.store import open_store

HEADER = "id,author,text,likes\n"


def _texts(store: object) -> dict[str, tuple[str, int]]:
    sql = "SELECT id, text, likes FROM posts ORDER BY id"
    return {row[0]: (row[1], row[2]) for row in store.conn.execute(sql)}  # type: ignore[attr-defined]


def test_a_resave_that_turned_emoji_into_marks_keeps_the_stored_texts(tmp_path: Path) -> None:
    first = tmp_path / "posts.csv"
    first.write_text(
        HEADER + "a1,birch_staff,Welcome aboard Renée \U0001f389,2\n"
        "a2,birch_staff,Shift swap board is live,1\n"
        "a3,birch_staff,Picnic moved to Friday \u2600,4\n",
        encoding="utf-8",
    )
    resaved = tmp_path / "posts resaved.csv"
    resaved.write_text(
        HEADER + "a1,birch_staff,Welcome aboard Renée ??,9\n"  # saved as Windows-1252
        "a2,birch_staff,Shift swap board is live?,1\n"  # edited: a real question mark
        "a3,birch_staff,Picnic moved to Saturday ?,4\n",  # edited, and its sun lost
        encoding="cp1252",
    )
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [first])
        report = import_paths(store, [resaved])
        texts = _texts(store)
    assert texts == {
        "a1": ("Welcome aboard Renée \U0001f389", 9),  # its likes updated, its text kept
        "a2": ("Shift swap board is live?", 1),
        "a3": ("Picnic moved to Saturday ?", 4),
    }
    assert report.updated_posts == 2
    assert [n.message for n in report.notices if '"?"' in n.message] == [
        '1 post of this file has "?" where the stored text has an emoji or a letter (line 2,'
        " post a1): the file was saved without UTF-8, so the stored text was kept. In Excel,"
        ' save it as "CSV UTF-8" to keep emoji and accents'
    ]


def test_only_characters_outside_ascii_may_have_become_marks() -> None:
    assert lost_only_to_marks("Go team ?", "Go team \U0001f680")
    assert lost_only_to_marks("Zo? and ?? wave", "Zoë and \U0001f44b wave")
    assert not lost_only_to_marks("Go team?", "Go team?")  # the same: nothing to keep
    assert not lost_only_to_marks("Ready?", "Ready")  # a question mark added
    assert not lost_only_to_marks("Go crew ?", "Go team \U0001f680")  # a word changed too
