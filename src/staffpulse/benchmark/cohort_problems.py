"""The lines of a cohort file the benchmark could not use as written, as it tells the user.

A segment staffpulse does not know ("care desk") is said once, with how many lines give it,
not once a line: a cohort of 27 care desks printed 27 identical notes, in the terminal and in
both HTML reports (QA s40). And the note says what becomes of those accounts, which depends on
the rest of the file: beside lines with known segments they stay without one; in a file whose
lines give none staffpulse knows, the role model guesses each (the league table marks it
"guess"), where "kept without a segment" was said above rows showing "other (guess)".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class CohortProblem:
    file: str
    line: int | None
    message: str
    kept: bool = False  # the line's account is still in the cohort: a note, not a skip
    # a segment not understood: the reason, and each (line, account) that gives it, so the
    # lines are said together and a line whose account is skipped later leaves the count
    unknown_segment: str = ""
    noted: tuple[tuple[int, str], ...] = ()
    guessed: bool = False  # the file gives no known segment: the role model guesses them

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "message": self.message, "kept": self.kept}


def unknown_segment_note(file: str, line: int, reason: str, account: str) -> CohortProblem:
    """The note on a line whose segment is not understood (``reason``): its account is kept.
    What becomes of it is said once the whole file is read (:func:`settled_segment_notes`)."""
    return _said(CohortProblem(file, line, "", True, reason, ((line, account),)))


def settled_segment_notes(
    problems: Sequence[CohortProblem], segments_given: bool
) -> list[CohortProblem]:
    """``problems`` with the notes on unknown segments saying what becomes of their accounts:
    without a segment beside lines that give one (``segments_given``), else guessed."""
    return [
        _said(replace(p, guessed=not segments_given)) if p.unknown_segment else p for p in problems
    ]


def without_moot_notes(problems: list[CohortProblem]) -> list[CohortProblem]:
    """``problems`` without the notes on a line whose account was skipped after all: "unknown
    segment ... is kept without a segment" above "skipped: no account ... in the store" of the
    same line said the account was both kept and left out. The notes on one unknown segment
    are said together, the first of their lines leading."""
    skipped = {(p.file, p.line) for p in problems if not p.kept and p.line}
    # an unknown segment's note drops the skipped lines of its own (below), not itself
    kept = [
        p for p in problems if p.unknown_segment or not (p.kept and (p.file, p.line) in skipped)
    ]
    out: list[CohortProblem] = []
    together: dict[tuple[str, str], int] = {}
    for problem in kept:
        if not problem.unknown_segment:
            out.append(problem)
            continue
        noted = tuple(n for n in problem.noted if (problem.file, n[0]) not in skipped)
        if not noted:
            continue
        key = (problem.file, problem.unknown_segment)
        if key in together:
            first = out[together[key]]
            noted = tuple(sorted({*first.noted, *noted}))
            out[together[key]] = _said(replace(first, line=noted[0][0], noted=noted))
        else:
            together[key] = len(out)
            out.append(_said(replace(problem, line=noted[0][0], noted=noted)))
    return out


def _said(problem: CohortProblem) -> CohortProblem:
    """``problem`` (a note on an unknown segment) with its message for its lines."""
    noted = problem.noted
    if len(noted) == 1:
        fate = (
            "kept, its segment the role model's guess (marked guess), as no line of the file "
            "gives a segment staffpulse knows"
            if problem.guessed
            else "kept without a segment"
        )
        return replace(problem, message=f"{problem.unknown_segment} — {noted[0][1]} is {fate}")
    fate = (
        "each is kept, its segment the role model's guess (marked guess), as no line of the "
        "file gives a segment staffpulse knows"
        if problem.guessed
        else "their accounts are kept without a segment"
    )
    lines = _spans(line for line, _account in noted)
    return replace(
        problem, message=f"{problem.unknown_segment}, on {len(noted)} lines ({lines}): {fate}"
    )


def _spans(lines: Iterable[int]) -> str:
    """Line numbers as runs: "2–26, 28"."""
    runs: list[list[int]] = []
    for line in sorted(set(lines)):
        if runs and line == runs[-1][1] + 1:
            runs[-1][1] = line
        else:
            runs.append([line, line])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)
