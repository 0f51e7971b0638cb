"""Lines above the CSV header of a classify or roles INPUT (a report's title, date range or
notes) are found by the header each command reads, and a file that starts with its header is
read from its first line (the fixtures are hand-written)."""

from __future__ import annotations

import pytest

from staffpulse.signals import batch, roles_io
from staffpulse.signals.record_preamble import lines_above_header


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


@pytest.mark.parametrize(
    ("text", "above"),
    [
        ("Post performance report\nAcme, 1-31 Jan 2026\n\nid,text\n1,hi\n", 3),
        ('"Report: posts, Jan"\nid;Text\n1;hi\n', 1),  # any delimiter, any case
        ("Exported by a tool\nID,Full Text,Likes\n1,hi,3\n", 1),  # full_text names the text
        ("id,text\n1,hi\n", 0),
        ("\n\nid,text\n1,hi\n", 0),  # blank lines above are no preamble
        ("sep=;\nid;text\n1;hi\n", 0),  # nor Excel's sep= line
        ("user,tweet\n1,hello\n", 0),  # a header classify does not read stays the header
        ("Title\nno header here\n", 0),
    ],
)
def test_classify_finds_the_header_below_a_report_title(text: str, above: int) -> None:
    assert lines_above_header(_lines(text), batch.takes_header) == above


@pytest.mark.parametrize(
    ("text", "above"),
    [
        ("Accounts export\nid,name,description\n1,a,b\n", 1),
        ("Audience report\n\nhandle,display_name,bio\nacme,Acme,We hire\n", 2),
        ("Report\n_unit_id,description\n1,b\n", 1),  # a bio without a name is enough
        ("id,name,description\n1,Report title,x\n", 0),
        ("Report\nid,text\n1,hi\n", 0),  # a posts header: no name or bio for roles
    ],
)
def test_roles_finds_the_header_below_a_report_title(text: str, above: int) -> None:
    assert lines_above_header(_lines(text), roles_io.takes_header) == above


def test_a_header_further_down_than_the_first_twenty_lines_is_not_looked_for() -> None:
    text = "".join(f"note {n}\n" for n in range(20)) + "id,text\n1,hi\n"
    assert lines_above_header(_lines(text), batch.takes_header) == 0
    text = "".join(f"note {n}\n" for n in range(19)) + "id,text\n1,hi\n"
    assert lines_above_header(_lines(text), batch.takes_header) == 19


def test_a_title_with_a_quote_left_open_is_passed_over() -> None:
    text = 'Report "Q1\nid,text\n1,hi\n'
    assert lines_above_header(_lines(text), batch.takes_header) == 1
