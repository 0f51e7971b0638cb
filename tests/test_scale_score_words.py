"""``staffpulse score`` says the readers' notes and problems in its own words
(staffpulse.scale.score_words): it imports nothing, so "they were not data to import" and
"imported once" read as if the run had written a store (QA s40); the ``staffpulse import``
command and the noun "import" stay as they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.scale.score_words import say_for_score, told_for_score
from staffpulse.sources.base import Notice, Problem


@pytest.mark.parametrize(
    ("said", "for_score"),
    [
        ("they were not data to import", "they were not data to score"),
        ("the rows in them were imported once, nothing is lost", "were scored once"),
        ("save the file as UTF-8 and import it again", "and score it again"),
        ("Import the folder instead", "Score the folder instead"),
        ("To import them, write each date as 2026-03-01", "To score them"),
        ("2 posts for followers only imported: shown", "only scored: shown"),
        ("the likes: not imported, as no like is kept", "not scored, as"),
        ("a saved list of names: nothing to import", "nothing to score"),
        ("then import the complete file", "then score the complete file"),
        ("those posts were imported without a date", "were scored without a date"),
        ("Importing it twice keeps one copy", "Scoring it twice"),
        ("a file of no format staffpulse can import", "staffpulse can score"),
    ],
)
def test_the_verb_import_is_said_as_score(said: str, for_score: str) -> None:
    assert for_score in say_for_score(said)
    assert "mport" not in say_for_score(said)


@pytest.mark.parametrize(
    "said",
    [
        "run staffpulse import FILE first",
        "the import keeps them",
        "an import of this file",
        "this import reads it",
        "its import date is unknown",
        "your import stopped half way",
        "re-import the archive",
        "the import_id column",
        "a file named imports.csv",
        "staffpulse import --remove-deleted does that",
        "important posts are kept",
        "reimport later",
        "the Importer read it",
        "imports of this kind",
        "see docs/import.md",
        "import --date-order dmy reads them",
    ],
)
def test_the_command_the_noun_and_other_words_stay(said: str) -> None:
    assert say_for_score(said) == said


def test_a_notice_and_a_problem_keep_their_place_and_kind() -> None:
    problem = Problem("a.csv", 4, "save it as UTF-8 and import it again", 3, named=True)
    told = told_for_score(problem)
    assert told == Problem("a.csv", 4, "save it as UTF-8 and score it again", 3, named=True)
    note = Notice("b.jsonl", "its encoding was guessed")
    assert told_for_score(note) is note  # nothing to say otherwise


def test_score_tells_a_pages_notes_in_its_own_words(tmp_path: Path) -> None:
    tweet = {"id": "1001", "text": "our night shift crew made it through the storm",
             "author_id": "9", "created_at": "2026-03-01T10:00:00.000Z"}  # fmt: skip
    # an entry of X's "errors" as written here (only its kind is read)
    error = {"title": "Not Found Error", "resource_type": "user", "resource_id": "77"}
    page = {"data": [tweet, tweet], "errors": [error],
            "includes": {"users": [{"id": "9", "username": "lumen_care", "name": "Lumen"}]},
            "__twarc": {"url": "https://api.twitter.com/2/users/9/tweets",
                        "version": "2.14.0", "retrieved_at": "2026-03-02T10:00:00+00:00"}}  # fmt: skip
    (tmp_path / "page.jsonl").write_text(json.dumps(page) + "\n", encoding="utf-8")
    out = tmp_path / "scores"
    shown = CliRunner().invoke(app, ["score", str(tmp_path / "page.jsonl"), "-o", str(out)])
    assert shown.exit_code == 0, shown.output
    said = " ".join(shown.output.split())
    assert "(1 user not found); it was not data to score" in said
    assert "the posts and accounts in it were scored once, nothing is lost" in said
    assert "import" not in said
    data = json.loads(
        CliRunner()
        .invoke(app, ["score", str(tmp_path / "page.jsonl"), "-o", str(out), "--json"])
        .stdout
    )
    assert "(1 user not found); it was not data to score" in data["notices"][0]["message"]
