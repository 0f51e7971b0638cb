"""The inputs ``staffpulse classify`` reads: CSV with any delimiter, Windows-1252, a JSON array,
keys in any case, null or numeric text, files joined with cat, a pipe or ``-`` for standard
input, gzip, and JSON saved under a CSV name."""

from __future__ import annotations

import gzip
import json
import os
import threading
from pathlib import Path

import pytest

from contract_helpers import classify_file, post_line, read_rows, run_classify, runner
from staffpulse.cli.app import app


@pytest.mark.parametrize(("name", "sep"), [("posts.txt", ";"), ("posts.tsv", "\t"), ("p.csv", ";")])
def test_semicolon_or_tab_header_is_csv_whatever_the_file_is_called(
    tmp_path: Path, name: str, sep: str
) -> None:
    # Excel writes ";" for "CSV" where the comma is the decimal mark, and tabs for text files.
    src = tmp_path / name
    src.write_text(f"id{sep}text\r\n1{sep}We are hiring, apply today\r\n2{sep}hello\r\n")
    _, rows = classify_file(src)
    assert [r["id"] for r in rows] == ["1", "2"]


def test_a_windows_1252_csv_is_read_with_a_note_not_garbled(tmp_path: Path) -> None:
    src = tmp_path / "excel.csv"
    src.write_bytes(
        'id,text\nc1,"Café señor: we are hiring a barista, apply now"\n'.encode("cp1252")
    )
    result, rows = classify_file(src)
    assert "read as Windows-1252" in result.output
    assert [row["id"] for row in rows] == ["c1"]


def test_a_json_array_of_posts_is_read_item_by_item(tmp_path: Path) -> None:
    src = tmp_path / "posts.json"
    posts = [{"id": "a", "text": "We're hiring forklift drivers, apply now"}, {"id": "b"}]
    src.write_text(json.dumps(posts, indent=2), encoding="utf-8")
    result, rows = classify_file(src)
    assert [r["id"] for r in rows] == ["a"]
    assert f"{src}: item 2: missing text" in result.stderr


def test_a_post_pretty_printed_with_its_first_key_on_the_brace_line_is_scored(
    tmp_path: Path,
) -> None:
    src = tmp_path / "post.json"
    src.write_text('{"id": 5,\n "text": "We\'re hiring a nurse, apply now"}\n', encoding="utf-8")
    result, rows = classify_file(src)
    assert [r["id"] for r in rows] == [5]
    assert "skipped 0 malformed" in result.output


def test_keys_match_whatever_their_case_and_full_text_stands_in_for_text(tmp_path: Path) -> None:
    """QA F4/F5: ``"ID"``/``"Text"`` as a CSV header would be read; X API's ``full_text``
    and an export's ``content`` name the text when ``text`` is absent."""
    src = tmp_path / "in.jsonl"
    lines = [
        {"ID": 1, "Text": "We're hiring forklift drivers in Dallas, apply now"},
        {"id": 2, "full_text": "We're hiring forklift drivers in Dallas, apply now"},
        {"Id": 3, "content": "We're hiring forklift drivers in Dallas, apply now"},
        {"id": 4, "lang": "en"},
    ]
    src.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result, rows = classify_file(src)
    assert [r["id"] for r in rows] == [1, 2, 3]
    assert rows[0]["job_opening"] == rows[1]["job_opening"] == rows[2]["job_opening"]
    assert f"{src}:4: missing text: no 'text' field (found: id, lang)" in result.stderr


def test_null_or_numeric_text_is_scored_so_every_record_keeps_its_line(tmp_path: Path) -> None:
    """QA F6: evaluators count lines; a deleted tweet's null text is an empty post."""
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": 1, "text": null}\n{"id": 2, "text": 42}\n{"id": 3, "text": ""}\n'
        '{"id": 4, "text": "42"}\n{"id": 5, "text": ["a list"]}\n',
        encoding="utf-8",
    )
    result, written = classify_file(src)
    rows = {r["id"]: r for r in written}
    assert list(rows) == [1, 2, 3, 4, 5]  # a list of texts is read as its texts
    assert {k: v for k, v in rows[1].items() if k != "id"} == {
        k: v for k, v in rows[3].items() if k != "id"
    }  # null scores as ""
    assert rows[2]["humor"] == rows[4]["humor"]  # 42 scores as "42"
    err = result.stderr.replace("\n", " ")
    assert "skipped" not in err.replace("skipped 0", "")
    assert "3 records had a text that is null, a number or a list" in err


def test_one_windows_1252_line_leaves_the_utf8_lines_and_their_ids_as_they_are(
    tmp_path: Path,
) -> None:
    """QA F3: files joined with cat; only the line that is not UTF-8 is read otherwise."""
    src = tmp_path / "joined.jsonl"
    src.write_bytes(
        '{"id": "café-1", "text": "müde ☕ lol"}\n'.encode()
        + '{"id": "x2", "text": "café"}\n'.encode("cp1252")
    )
    result, rows = classify_file(src)
    assert [r["id"] for r in rows] == ["café-1", "x2"]
    assert "not UTF-8 (first at line 2)" in result.stderr
    alone = tmp_path / "alone.jsonl"
    alone.write_text('{"id": "café-1", "text": "müde ☕ lol"}\n', encoding="utf-8")
    assert run_classify(str(alone), "-o", str(tmp_path / "a.jsonl")).exit_code == 0
    assert read_rows(tmp_path / "a.jsonl")[0] == rows[0]  # same scores as on its own


def test_joined_files_a_second_bom_and_a_repeated_csv_header(tmp_path: Path) -> None:
    """QA F15: ``cat a b > c`` keeps b's byte order mark and its CSV header."""
    src = tmp_path / "joined.jsonl"
    src.write_bytes(b'{"id": 1, "text": "hi"}\n\xef\xbb\xbf{"id": 2, "text": "hi"}\n')
    out = tmp_path / "out.jsonl"
    assert run_classify(str(src), "-o", str(out)).exit_code == 0
    assert [r["id"] for r in read_rows(out)] == [1, 2]
    csv_src = tmp_path / "joined.csv"
    csv_src.write_text("id,text\n1,hello\nid,text\n2,hello\n", encoding="utf-8")
    result = run_classify(str(csv_src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in read_rows(out)] == ["1", "2"]
    assert f"{csv_src}:3: the header again" in result.stderr


def test_input_from_a_pipe_is_read_once(tmp_path: Path) -> None:
    """QA F1: ``<(zcat posts.jsonl.gz)`` and ``/dev/stdin`` are pipes: one read only."""
    read_end, write_end = os.pipe()
    data = (post_line(1) + post_line(2)).encode()

    def feed() -> None:
        with os.fdopen(write_end, "wb") as sink:
            sink.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    out = tmp_path / "out.jsonl"
    try:
        result = run_classify(f"/dev/fd/{read_end}", "-o", str(out))
    finally:
        writer.join()
        os.close(read_end)
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in read_rows(out)] == [1, 2]


def test_dash_reads_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s20: ``-`` is standard input, as in most tools, not a missing file named ``-``."""
    monkeypatch.chdir(tmp_path)  # no file named "-" here
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["classify", "-", "-o", str(out)], input=post_line(7) + post_line("x")
    )
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in read_rows(out)] == [7, "x"]


def test_a_gzip_compressed_input_scores_as_its_text_does(tmp_path: Path) -> None:
    """QA s20: a ``.jsonl.gz`` or ``.csv.gz`` (as ``import`` reads) was refused as binary."""
    plain = tmp_path / "in.csv"
    plain.write_text("id,text\n1,We're hiring a nurse\n2,lol what a day\n", encoding="utf-8")
    packed = tmp_path / "in.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert run_classify(str(plain), "-o", str(tmp_path / "plain.jsonl")).exit_code == 0
    result = run_classify(str(packed), "-o", str(tmp_path / "packed.jsonl"))
    assert result.exit_code == 0, result.output
    assert read_rows(tmp_path / "packed.jsonl") == read_rows(tmp_path / "plain.jsonl")
    assert [r["id"] for r in read_rows(tmp_path / "packed.jsonl")] == ["1", "2"]


@pytest.mark.parametrize("command", ["classify", "roles"])
def test_help_tells_that_gzip_and_standard_input_are_read(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    words = " ".join(result.output.replace("│", " ").split())  # as wrapped in its box
    assert "A .gz of either is read too; - reads standard input." in words


@pytest.mark.parametrize("indent", [None, 2])
def test_json_saved_under_a_csv_name_is_read_as_json(tmp_path: Path, indent: int | None) -> None:
    """QA s20: JSON Lines (or an array) named ``posts.csv`` failed: "the CSV header needs 'id'
    and 'text' columns (found: {"id": ...})", exit 65."""
    lines = tmp_path / "lines.csv"
    lines.write_text(post_line(1) + post_line("b"), encoding="utf-8")
    array = tmp_path / "array.csv"
    array.write_text(json.dumps([{"id": 1, "text": "a"}, {"id": "b", "text": "b"}], indent=indent))
    for src in (lines, array):
        out = tmp_path / f"{src.stem}.jsonl"
        result = run_classify(str(src), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert [r["id"] for r in read_rows(out)] == [1, "b"]


def test_a_report_title_above_the_header_is_passed_over_with_the_imports_note(
    tmp_path: Path,
) -> None:
    """A CSV some tools export with a title and a date range above ``id,text`` was refused
    ('the CSV header needs id and text (found: post performance report)'); it is read from its
    header, as the import reads it, each row keeping its line in the file."""
    src = tmp_path / "report.csv"
    src.write_text(
        "Post performance report\nAcme Staffing, 1 Jan 2026 - 31 Jan 2026\n\n"
        "id,text\n1,We're hiring a forklift driver: apply now\n,no id here\n2,Happy Friday!\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert [r["id"] for r in read_rows(out)] == ["1", "2"]
    stderr = " ".join(result.stderr.split())  # type: ignore[attr-defined]
    assert "the 3 lines above the header on line 4 (a report's title" in stderr
    assert f"{src}:6: no id" in stderr  # the line in the file, not in the table


def test_a_csv_that_starts_with_its_header_gets_no_note(tmp_path: Path) -> None:
    src = tmp_path / "clean.csv"
    src.write_text("id,text\nid,text\n1,hello\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert [r["id"] for r in read_rows(out)] == ["1"]
    assert "above the header" not in result.stderr  # type: ignore[attr-defined]


def test_a_nan_text_as_json_dumps_writes_a_blank_cell_is_scored_as_a_null_one(
    tmp_path: Path,
) -> None:
    """Python's json.dumps writes a pandas table's blank text as NaN; it was scored as the
    post "nan" (personality 0.52), not as an empty post."""
    src = tmp_path / "posts.jsonl"
    src.write_text('{"id": 1, "text": NaN}\n{"id": 2, "text": null}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    nan, null = read_rows(out)
    assert {k: v for k, v in nan.items() if k != "id"} == {
        k: v for k, v in null.items() if k != "id"
    }


def test_a_header_below_long_report_lines_is_found_within_the_first_twenty_lines(
    tmp_path: Path,
) -> None:
    """The first lines are sampled up to about 4,000 characters; the header is still looked
    for in all of the first 20 lines when the lines above it are long."""
    src = tmp_path / "report.csv"
    notes = "".join(f"Note {n}: {'a long remark about the report ' * 20}\n" for n in range(10))
    src.write_text(notes + "id,text\n1,hello there\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert [r["id"] for r in read_rows(out)] == ["1"]
    assert "the 10 lines above the header on line 11 (" in " ".join(result.stderr.split())  # type: ignore[attr-defined]
