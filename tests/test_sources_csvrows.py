"""Reading CSV written by people: delimiters, record lines, a quote left open."""

from __future__ import annotations

import csv
from collections.abc import Iterator

import pytest

from staffpulse.sources.csvrows import (
    CsvProblem,
    CsvRecord,
    CsvRow,
    CsvTable,
    column_key,
    read_csv_rows,
    repeated_columns,
    sniff_delimiter,
)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("id,author,text\r\n", ","),
        ("handle;platform;segment\r\n", ";"),
        ("id\tauthor\ttext\n", "\t"),
        ('"a;b",c,d\n', ","),  # the semicolon is inside quotes
        ("handle\n", ","),
    ],
)
def test_the_delimiter_is_found_from_the_header(header: str, delimiter: str) -> None:
    assert sniff_delimiter(header) == delimiter


def test_a_semicolon_file_is_read_with_its_delimiter() -> None:
    rows = list(read_csv_rows(_lines("id;author;text\n1;acme;hi, all\n")))
    assert rows == [CsvRow(1, ["id", "author", "text"]), CsvRow(2, ["1", "acme", "hi, all"])]


def test_a_stray_quote_is_reported_where_it_opened_and_the_rows_after_it_are_read() -> None:
    body = ["id,author,text"] + [f"{i},user{i},post {i}" for i in range(1, 11)]
    body[4] = '4,user4,"broken start'  # line 5
    body[8] = '8,user8,"quoted, text"'  # line 9: where the swallowing would end
    rows = list(read_csv_rows(_lines("\n".join(body) + "\n")))
    problems = [r for r in rows if isinstance(r, CsvProblem)]
    assert [p.line for p in problems] == [5]
    assert problems[0].message.startswith("unclosed quote starting at line 5 (it ran on to line 9)")
    assert "lines 6-9 were read as rows of their own" in problems[0].message
    good = [r for r in rows if isinstance(r, CsvRow)][1:]
    assert [r.line for r in good] == [2, 3, 4, 6, 7, 8, 9, 10, 11]  # every row but the broken one
    assert good[6].cells == ["8", "user8", "quoted, text"]


def test_a_quote_never_closed_loses_only_its_own_row() -> None:
    rows = list(read_csv_rows(_lines('id,text\n1,"never closed\n2,fine\n3,also fine\n')))
    assert rows[1] == CsvProblem(2, rows[1].message) and "ran on to line 4" in rows[1].message
    assert rows[2:] == [CsvRow(3, ["2", "fine"]), CsvRow(4, ["3", "also fine"])]
    last = list(read_csv_rows(_lines('id,text\n1,ok\n2,"never closed\n')))
    assert isinstance(last[-1], CsvProblem) and "it is never closed" in last[-1].message
    assert "cut short" not in last[-1].message  # a line break after it: a stray quote


def test_a_file_cut_inside_a_quoted_cell_is_asked_whether_it_was_cut() -> None:
    rows = list(read_csv_rows(_lines('id,text\n1,ok\n2,"we are hir')))  # the copy stopped
    assert rows[1] == CsvRow(2, ["1", "ok"])
    (cut,) = rows[2:]
    assert isinstance(cut, CsvProblem) and cut.line == 3
    assert "the file ends there without a line break: was it cut short?" in cut.message
    assert "export or copy the file again if it was cut" in cut.message


def test_a_quoted_cell_over_several_lines_is_one_record_at_its_first_line() -> None:
    rows = list(read_csv_rows(_lines('id,text\n\n1,"line one\nline two"\n2,next\n')))
    assert rows == [
        CsvRow(1, ["id", "text"]),
        CsvRow(3, ["1", "line one\nline two"]),
        CsvRow(5, ["2", "next"]),
    ]


def test_a_misplaced_quote_within_one_line_is_read_leniently() -> None:
    rows = list(read_csv_rows(_lines('id,text\n1,"Great" news\n')))
    assert rows[1] == CsvRow(2, ["1", "Great news"])


def test_table_names_cells_by_header_and_counts_extra_and_missing_cells() -> None:
    table = CsvTable(_lines("\n ID ;Text\n1;a;spare\n2\n"))
    assert (table.header, table.header_line) == (["id", "text"], 2)
    assert list(table) == [
        CsvRecord(3, {"id": "1", "text": "a"}, extra=1),
        CsvRecord(4, {"id": "2"}, extra=0, missing=1),
    ]


@pytest.mark.parametrize("hint", ["sep=;\r\n", '"sep=;"\r\n', "\ufeffSEP=;\n"])
def test_excel_sep_line_names_the_delimiter_and_is_no_row(hint: str) -> None:
    # Excel writes "sep=;" before the header when asked to, and reads it back
    rows = list(read_csv_rows(_lines(hint + "id;author;text\r\n1;acme;hi, all\r\n")))
    assert rows == [CsvRow(2, ["id", "author", "text"]), CsvRow(3, ["1", "acme", "hi, all"])]


def test_column_key_reads_a_spreadsheets_header_as_the_staffpulse_names() -> None:
    assert [column_key(c) for c in (" Created At ", "author-handle", "Display  Name", "ID")] == [
        "created_at",
        "author_handle",
        "display_name",
        "id",
    ]
    table = CsvTable(_lines("Created At,Text\n2026-03-01,hi\n"), key=column_key)
    assert table.header == ["created_at", "text"]
    assert CsvTable(_lines("Created At,Text\n")).header == ["created at", "text"]  # as before


def test_excels_text_formula_is_read_as_its_value() -> None:
    # ="1600..." is how exporters keep a long id from being rounded by Excel: it was stored
    # with =" around it, a second post beside the same one from an archive
    table = CsvTable(
        [
            "id,text,likes\n",
            '="1600000000000000001",plain,="12"\n',
            '"=""1600000000000000002""","=""said """"hi"""" ok""",3\n',
            '=SUM(A1:A2),="a"&"b",="\n',
        ]
    )
    rows = [record.values for record in table if isinstance(record, CsvRecord)]
    assert rows[0] == {"id": "1600000000000000001", "text": "plain", "likes": "12"}
    assert rows[1] == {"id": "1600000000000000002", "text": 'said "hi" ok', "likes": "3"}
    # a formula that is more than a text, or no formula, is left as written
    assert rows[2] == {"id": "=SUM(A1:A2)", "text": '="a"&"b"', "likes": '="'}


def test_rows_of_empty_cells_are_blank_lines_not_records() -> None:
    # Excel writes ",,,," for an empty row of a sheet whose cells were formatted: each was
    # told "post is missing the required field 'id'" and counted as a record skipped
    table = CsvTable(["id,text,,\r\n", "1,hello,,\r\n", ",,,\r\n", " , ,,\r\n", "2,hi,,\r\n"])
    items = list(table)
    assert [(i.line, i.values["id"]) for i in items if isinstance(i, CsvRecord)] == [
        (2, "1"),
        (5, "2"),
    ]
    assert not [i for i in items if isinstance(i, CsvProblem)]


def test_the_header_repeated_further_down_is_no_record() -> None:
    # monthly exports joined with `cat jan.csv feb.csv > all.csv`: the second header was told
    # "'created_at' is 'created_at', not a date" and counted as a record skipped
    lines = ["id,text\n", "1,hello\n", "id , text\n", "2,hi\n"]
    table = CsvTable(lines, pass_repeated_header=True)
    items = list(table)
    assert [i.values["id"] for i in items if isinstance(i, CsvRecord)] == ["1", "2"]
    assert not [i for i in items if isinstance(i, CsvProblem)]
    assert table.repeated_headers == [3]
    # classify and roles tell it on their own: by default it is a record as any row
    assert [i.values["id"] for i in CsvTable(lines) if isinstance(i, CsvRecord)][1] == "id "
    # a one-column file keeps a row that reads as its header: it may be a record
    single = CsvTable(["text\n", "text\n"], pass_repeated_header=True)
    assert [i.values for i in single if isinstance(i, CsvRecord)] == [{"text": "text"}]


def test_a_header_repeated_with_its_byte_order_mark_is_no_record_either() -> None:
    # two "CSV UTF-8" files joined: the second header starts with a BOM, and was stored as
    # a post "id" by the account "author"
    lines = ["id,author\n", "1,harborline\n", "\ufeffid,author\n", "2,harborline\n"]
    table = CsvTable(lines, pass_repeated_header=True)
    assert [i.values["id"] for i in table if isinstance(i, CsvRecord)] == ["1", "2"]
    assert table.repeated_headers == [3]


def test_a_lone_cr_inside_a_line_is_text_in_a_cell() -> None:
    # pandas' to_csv (Python's csv writer) quotes a cell with \n but not one with a lone \r
    # when its line end is \n: the csv module stopped there ("new-line character seen in
    # unquoted field"), and the line reader split the row in two, an extra record
    lines = ["id,text\n", "1,a\rb\n", '2,"c\rd"\n', '3,"multi\n', 'line\re"\r\n', '4,"x" y\rz\n']
    rows = [(i.line, i.values["text"]) for i in CsvTable(lines) if isinstance(i, CsvRecord)]
    assert rows == [(2, "a\rb"), (3, "c\rd"), (4, "multi\nline\re"), (6, "x y\rz")]


def test_a_stray_quote_that_ran_on_one_line_names_that_line_alone() -> None:
    body = 'id,author,text\n1,acme,"hello world\n2,acme,second\n'
    problems = [r for r in read_csv_rows(_lines(body)) if isinstance(r, CsvProblem)]
    assert "this row was skipped, and line 3 was read as a row of its own" in problems[0].message
    assert "lines 3-3" not in problems[0].message


def test_repeated_columns_are_named_and_empty_names_are_not() -> None:
    assert repeated_columns(["id", "text", "", ""], 1) is None  # trailing empty columns
    said = repeated_columns(["id", "text", "text", "author", "author"], 3)
    assert said is not None and said.startswith('the header (line 3) names the columns "text",')
    assert "only the last of each was read" in said


@pytest.fixture
def csv_module_limit() -> Iterator[None]:
    """The csv module's own limit (131,072): the limit is one for the whole process, and a test
    run earlier in it may have raised it (``signals.recordio`` does, for classify's input)."""
    before = csv.field_size_limit(131_072)
    yield
    csv.field_size_limit(before)


@pytest.mark.usefixtures("csv_module_limit")
@pytest.mark.parametrize("cell", ["z" * 140_000, '"' + "z" * 140_000 + '"'])
def test_a_cell_past_the_csv_limit_loses_its_row_alone(cell: str) -> None:
    # the csv module's limit stopped the whole import as "a bug in staffpulse"
    rows = list(read_csv_rows(_lines(f"id,text\n1,{cell}\n2,fine\n")))
    assert isinstance(rows[1], CsvProblem) and rows[1].line == 2
    assert "a cell holds more than 131,072 characters" in rows[1].message
    assert rows[2] == CsvRow(3, ["2", "fine"])


@pytest.mark.usefixtures("csv_module_limit")
def test_a_quoted_cell_over_lines_past_the_csv_limit_loses_its_row_alone() -> None:
    # it was told an "unclosed quote", and each of its 200 lines read as a row of its own
    cell = '"' + ("z" * 1_000 + "\n") * 200 + '"'
    rows = list(read_csv_rows(_lines(f'id,text\n1,{cell}\n2,"fine, ""quoted"""\n3,last\n')))
    assert [type(row) for row in rows] == [CsvRow, CsvProblem, CsvRow, CsvRow]
    assert rows[1].line == 2 and "a cell holds more than 131,072 characters" in rows[1].message
    assert rows[2:] == [CsvRow(203, ["2", 'fine, "quoted"']), CsvRow(204, ["3", "last"])]


@pytest.mark.usefixtures("csv_module_limit")
def test_a_quote_never_closed_past_the_csv_limit_is_still_told_unclosed() -> None:
    rows = list(read_csv_rows(_lines('id,text\n1,"' + ("z" * 1_000 + "\n") * 200)))
    assert (
        isinstance(rows[1], CsvProblem) and "unclosed quote starting at line 2" in rows[1].message
    )
