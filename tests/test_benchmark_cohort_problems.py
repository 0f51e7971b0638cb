"""The cohort lines the benchmark tells the user about (staffpulse.benchmark.cohort_problems):
a segment staffpulse does not know is said once with its count of lines, and says what became
of the accounts that carry it."""

from __future__ import annotations

from pathlib import Path

from audit_helpers import FakeScorer, cohort_store
from staffpulse.benchmark import run_benchmark
from staffpulse.benchmark.cohort import parse_cohort
from staffpulse.benchmark.cohort_problems import CohortProblem, without_moot_notes

DESKS = "".join(f"desk{i},x,help desk\n" for i in range(5))


def test_one_unknown_segment_on_many_lines_is_one_note_with_its_count() -> None:
    text = "handle,platform,segment\n" + DESKS + "acme,x,staffing firm\ndesk9,x,help desk\n"
    problems = without_moot_notes(parse_cohort(text, "rivals.csv")[1])
    assert len(problems) == 1  # five, then one more after a good line: one note, not six
    said = str(problems[0])
    assert said.startswith("rivals.csv:2: unknown segment 'help desk'")
    assert "on 6 lines (2–6, 8): their accounts are kept without a segment" in said
    assert "@desk0" not in said  # the accounts are not listed one by one


def test_two_unknown_segments_are_two_notes_and_a_lone_line_names_its_account() -> None:
    text = DESKS + "globex,x,brand\n"
    problems = without_moot_notes(parse_cohort(text, "rivals.txt")[1])
    assert [p.line for p in problems] == [1, 6]
    assert "on 5 lines (1–5)" in problems[0].message
    assert "unknown segment 'brand'" in problems[1].message
    assert "@globex is kept" in problems[1].message
    assert all(p.kept for p in problems)  # notes: no account was left out


def test_a_file_of_no_known_segment_says_the_role_model_guesses_them() -> None:
    # the note said "kept without a segment" while every row showed "other (guess)"
    problems = without_moot_notes(parse_cohort(DESKS, "rivals.txt")[1])
    assert "each is kept, its segment the role model's guess (marked guess)" in problems[0].message
    assert "without a segment" not in problems[0].message


def test_a_line_skipped_later_leaves_the_count_of_its_segment() -> None:
    problems = parse_cohort(DESKS, "rivals.txt")[1]
    skipped = [*problems]
    skipped.append(CohortProblem("rivals.txt", 1, "skipped: no account 'desk0' in the store"))
    skipped.append(CohortProblem("rivals.txt", 3, "skipped: no account 'desk2' in the store"))
    said = without_moot_notes(skipped)
    notes = [p for p in said if p.kept]
    assert len(notes) == 1 and "on 3 lines (2, 4–5)" in notes[0].message
    assert notes[0].line == 2  # its first line still in the cohort leads
    # read again (the benchmark reads its notes at each step): the same note
    assert [p.message for p in without_moot_notes(said) if p.kept] == [notes[0].message]


def test_the_benchmark_says_kept_without_a_segment_when_no_model_guesses(tmp_path: Path) -> None:
    store = cohort_store(tmp_path, firms=3, vendors=0)
    cohort = tmp_path / "firms.csv"
    cohort.write_text("firm0,x,help desk\nfirm1,x,help desk\nfirm2,x,help desk\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    assert len(result.problems) == 1
    assert result.problems[0].message.endswith("their accounts are kept without a segment")
    assert {row["segment"] for row in result.leaderboard} == {"unknown"}
