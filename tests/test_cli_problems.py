"""``print_problems``: what a command skipped, printed literally, and only the first ones."""

from __future__ import annotations

import io

from rich.console import Console

from staffpulse.cli.problems import (
    MAX_PROBLEMS_SHOWN,
    print_import_problems,
    print_more,
    print_problems,
)
from staffpulse.sources.base import Problem
from staffpulse.sources.folders import NotesFile


def _console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=200, force_terminal=False), out


def test_file_names_and_problem_texts_with_markup_print_literally() -> None:
    console, out = _console()
    problems = [Problem("ok[bold].jsonl", 3, "bad [/] value [red]x[/red]")]
    print_problems(console, problems)
    assert out.getvalue() == "skipped ok[bold].jsonl:3: bad [/] value [red]x[/red]\n"


def test_only_the_first_problems_are_printed_then_how_many_more_and_where() -> None:
    console, out = _console()
    problems = [f"f.jsonl:{n}: not valid JSON" for n in range(1, MAX_PROBLEMS_SHOWN + 3)]
    print_problems(console, problems, see_all="use --json to see all")
    lines = out.getvalue().splitlines()
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert lines[0] == "skipped f.jsonl:1: not valid JSON"
    assert lines[-1] == "... and 2 more problems (use --json to see all)"


def test_the_count_agrees_with_its_noun_and_a_label_names_what_happened() -> None:
    console, out = _console()
    print_problems(console, ["@x: no list [y]", "@z: nope"], limit=1, label="not exported")
    print_more(console, 1_234, "malformed line")
    print_more(console, 0)
    assert out.getvalue().splitlines() == [
        "not exported @x: no list [y]",
        "... and 1 more problem",
        "... and 1,234 more malformed lines",
    ]


def test_an_import_prints_records_lost_first_and_sums_up_files_left_out() -> None:
    console, out = _console()
    # a folder's files come first in plan order, the lost record last
    problems = [Problem(f"data/d{n}/PROVENANCE.txt", None, "not a known format")
                for n in range(6)]  # fmt: skip
    problems += [
        Problem(f"data/LICENSE_{n}", None, "not a known format") for n in range(MAX_PROBLEMS_SHOWN)
    ]
    problems += [
        Problem("data/empty.json", None, "the file is empty"),
        Problem("data/cf.csv", None, "not a known format: the header has name"),
        Problem("data/stream.jsonl", 8, "not valid JSON: unexpected end of data at column 45"),
    ]
    every_one = print_import_problems(console, problems)
    assert every_one
    assert out.getvalue().splitlines() == [
        "skipped data/stream.jsonl:8: not valid JSON: unexpected end of data at column 45",
        "left out data/cf.csv: not a known format: the header has name",
        "left out 26 other files of no known format: PROVENANCE.txt ×6, LICENSE_0, LICENSE_1, "
        "LICENSE_2, LICENSE_3, LICENSE_4, LICENSE_5, LICENSE_6, … (use --json to see all)",
        "left out 1 empty file: empty.json",
    ]


def test_an_import_with_more_lost_records_than_shown_says_so() -> None:
    console, out = _console()
    lost = [Problem("a.jsonl", n, "not valid JSON") for n in range(MAX_PROBLEMS_SHOWN + 1)]
    assert not print_import_problems(console, lost)
    assert out.getvalue().splitlines()[-1] == "... and 1 more problem (use --json to see all)"


def test_a_problem_for_many_records_is_shown_before_rows_skipped_one_by_one() -> None:
    # told at the file's end, after 30 rows of its own, it was left in "... and 11 more"
    console, out = _console()
    rows = [Problem("a.csv", n, "row without 'id'") for n in range(2, 32)]
    many = Problem("a.csv", 2, "400 records have ids saved with zeros", records=400)
    print_import_problems(console, [*rows, many])
    lines = out.getvalue().splitlines()
    assert lines[0] == "skipped a.csv:2: 400 records have ids saved with zeros"
    assert lines[1] == "skipped a.csv:2: row without 'id'"
    assert lines[-1] == "... and 11 more problems (use --json to see all)"


def test_a_problem_that_cost_no_record_is_a_note_not_skipped() -> None:
    """Damaged bytes read as U+FFFD cost no record ("Skipped 0 records"), yet the line above
    said "skipped feed.json:19: ...": the import's words now agree with its count."""
    console, out = _console()
    problems = [
        Problem("feed.json", 19, "a few bytes are not valid UTF-8 (first at line 19)", records=0),
        Problem("stream.jsonl", 8, "not valid JSON"),
    ]
    assert print_import_problems(console, problems)
    assert out.getvalue().splitlines() == [
        "skipped stream.jsonl:8: not valid JSON",
        "note feed.json:19: a few bytes are not valid UTF-8 (first at line 19)",
    ]


def test_a_file_the_user_named_gets_its_own_line_however_many_a_folder_left_out() -> None:
    """A data file named beside two folders was hidden in "left out 25 other files ... (use
    --json)" behind the folders' PROVENANCE and LICENSE files: it now has its own line, and
    the read-mes and licences are summed up last, after the folders' data files."""
    console, out = _console()
    why = "not a known format: the header has name"
    problems = [Problem(f"data/d{n}/x{n}.json", None, why) for n in range(7)]
    problems += [NotesFile(f"data/d{n}/PROVENANCE.txt", None, "not a known format")
                 for n in range(3)]  # fmt: skip
    problems += [
        NotesFile("data/LICENSE", None, "not a known format"),
        Problem("data/stats.json", None, "not a known format"),
        NotesFile("README.md", None, "not a known format: this is text", named=True),
        Problem("people.csv", None, "not a known format: ids rounded", named=True),
        Problem("blank.csv", None, "the file is empty", named=True),
    ]
    assert print_import_problems(console, problems)
    lines = out.getvalue().splitlines()
    assert lines[:3] == [
        "left out people.csv: not a known format: ids rounded",
        "left out blank.csv: the file is empty",
        "left out README.md: not a known format: this is text",
    ]
    assert len(lines) == 3 + 5 + 2
    assert lines[-2] == "left out 3 other files of no known format: x5.json, x6.json, stats.json"
    assert lines[-1] == (
        "left out 4 texts a person wrote (read-mes, licences, notes): PROVENANCE.txt ×3, LICENSE"
    )
