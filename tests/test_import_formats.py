"""``staffpulse import --help`` lists the formats it reads: import errors send a pip user there,
not to docs/formats.md, which a pip install does not have."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from staffpulse.cli import app
from staffpulse.import_formats import FORMATS, describe_formats


def test_every_format_the_import_reads_is_listed_once() -> None:
    from staffpulse.sources import REGISTRY

    listed = [label for label, _what in FORMATS]
    assert sorted(listed) == sorted(source.label for source in REGISTRY)


def test_the_import_help_lists_the_formats_and_the_own_csv_columns() -> None:
    result = CliRunner().invoke(app, ["import", "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    said = " ".join(result.output.split())
    assert "X archive: the ZIP from X's 'Download an archive of your data', or its folder" in said
    assert "twarc2 CSV:" in said and "staffpulse JSONL:" in said
    assert "posts: id, author (or author_handle), text (needed)" in said
    assert "avatar_file (a picture file" in said  # the audit's advice on a picture sends here


def test_an_unknown_file_is_sent_to_the_import_help_as_it_is_typed(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("a shopping list, not posts\n", encoding="utf-8")
    db = tmp_path / "client.db"
    result = CliRunner().invoke(app, ["--db", str(db), "import", str(notes)])
    assert result.exit_code == 65
    said = " ".join(result.output.split())
    # the help reads no store: no --db put into it, as into the hints that run a command
    assert "(staffpulse import --help says what each is)" in said
    assert "docs/formats.md" not in said


def test_the_help_names_every_column_a_staffpulse_csv_or_jsonl_is_read_by() -> None:
    # messages say "staffpulse import --help lists the columns": a column read but not listed
    # there (quoted_id, lang) was one a user could not learn of
    from staffpulse.sources.native_records import READ_COLUMNS

    said = describe_formats()
    named = {word.strip(",;():'") for word in said.split()}
    assert sorted(READ_COLUMNS - named) == []


def test_a_file_of_no_format_is_told_the_formats_in_plain_words_before_their_names(
    tmp_path: Path,
) -> None:
    """The hint listed "TWCS", "IBM customer-care dialogs" and "snscrape" to a marketer; the
    dashboard said it plainly: both now say the same plain words, the terminal first."""
    from staffpulse.import_formats import PLAIN_FORMATS
    from staffpulse.web.wording import web_text

    path = tmp_path / "budget.csv"
    path.write_text("quarter,spend\nQ1,1200\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    said = " ".join(result.output.split())
    assert result.exit_code == 65
    plain = said.index(f"supported formats: {PLAIN_FORMATS}; by name: ")
    assert plain < said.index("Customer Support on Twitter (TWCS) CSV") < said.index("snscrape")
    hint = said.split("What to do: ", 1)[1]
    page = web_text(hint)
    assert f"staffpulse reads {PLAIN_FORMATS}: see “Supported formats”" in page
    assert "TWCS" not in page and "--help" not in page
