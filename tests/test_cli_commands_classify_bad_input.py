"""Bad input to ``staffpulse classify``: a missing, empty or binary file, a CSV without a text
column, a workbook, and malformed lines told literally, with the line, and counted in words."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest

from contract_helpers import post_line, read_rows, run_classify


def test_csv_without_a_text_column_is_refused_naming_its_columns(tmp_path: Path) -> None:
    src = tmp_path / "bad.csv"
    src.write_text("id,label\n1,hello\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 65
    words = " ".join(result.output.split())
    assert "the CSV header needs a 'text' column" in words and "(found: id, label)" in words
    assert "rename the column that holds the posts to text" in words
    assert not out.exists()


def test_a_file_without_a_header_is_told_to_add_one(tmp_path: Path) -> None:
    src = tmp_path / "Bad_Job_In_5_Words.tsv"
    post = "@midnight Professional sock untangler, weekends only #BadJobIn5Words"
    src.write_text(f"705519946856427520\t{post}\t0\r\n", encoding="utf-8")
    result = run_classify(str(src), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 65
    words = " ".join(result.output.split())
    assert f"(found: 705519946856427520, {post[:39]}\N{HORIZONTAL ELLIPSIS}, 0)" in words
    assert "a file without a header needs a first line naming its columns" in words


def test_missing_input_is_an_input_error(tmp_path: Path) -> None:
    result = run_classify(str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 66  # not found, as the README's exit codes say
    assert "no such file" in result.output
    assert "What to do" in result.output


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.jsonl", ""),
        ("empty.csv", ""),
        ("blank.jsonl", "\n  \n\n"),
        ("header.csv", "id,text\n"),
    ],
)
def test_empty_input_is_an_error(tmp_path: Path, name: str, content: str) -> None:
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 65
    assert f"{src} is empty" in result.output
    assert "What to do" in result.output and "found:" not in result.output
    assert not out.exists()


def test_bad_json_line_reason_is_complete(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        post_line(1)
        + '{"id": 2, "text": "tab\there"}\n'
        + '{"id": 3, "text": "never closed\n'
        + '{"id": 4} trailing\n'
        + post_line(5),
        encoding="utf-8",
    )
    result = run_classify(str(src), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0, result.output
    # a raw tab inside a string (strict JSON wants \t) is read: the record is whole
    assert [r["id"] for r in read_rows(tmp_path / "out.jsonl")] == [1, 2, 5]
    assert f"{src}:2:" not in result.output
    assert f"{src}:3: not valid JSON: unterminated string starting at column 19" in result.output
    assert f"{src}:4: not valid JSON: extra data at column 11" in result.output


def test_malformed_lines_are_reported_literally_and_counted_in_words(tmp_path: Path) -> None:
    src = tmp_path / "in[bold].jsonl"
    src.write_text(post_line(1) + "{broken [/]\n" + post_line(2), encoding="utf-8")
    out = tmp_path / "out[i].jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in read_rows(out)] == [1, 2]
    err = result.stderr
    assert f"skipped {src}:2: not valid JSON" in err
    assert f"Classified 2 posts to {out}; skipped 1 malformed record." in err.replace("\n", "")


def test_a_file_whose_every_line_is_malformed_fails_and_writes_nothing(tmp_path: Path) -> None:
    """Exit 1 (nothing could be classified, as the README's exit codes say), not 0 with an
    empty OUT; every skipped line is listed before the error (stderr is not a terminal)."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(f'{{"id": {i}}}\n' for i in range(25)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 1, result.output
    err = result.stderr.replace("\n", " ")
    assert all(f"skipped {src}:{n}: missing text" in err for n in range(1, 26))
    assert "more malformed records" not in err
    assert f"nothing in {src} could be used: all 25 of its records were skipped" in err
    assert "What to do" in err and "Classified" not in err
    assert not out.exists()
    assert run_classify(str(src)).stdout == ""  # nothing on stdout either


def test_one_good_line_among_bad_ones_is_still_a_success(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1}\n{broken\n' + post_line(3), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in read_rows(out)] == [3]
    assert "skipped 2 malformed records" in result.stderr.replace("\n", " ")


def test_random_bytes_are_told_as_binary_not_echoed(tmp_path: Path) -> None:
    """As ``benchmark junk.csv`` says it (QA16 16.1), instead of the bytes as CSV columns."""
    src = tmp_path / "junk.csv"
    src.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 65
    err = result.stderr.replace("\n", " ")
    assert f"{src}: not a text file, so not a JSONL or CSV file (it holds binary data)" in err
    assert "found:" not in err and "ÿ" not in err and "What to do" in err
    assert not out.exists()


@pytest.mark.parametrize("name", ["report.pdf", "posts.jsonl"])
def test_a_pdf_is_told_as_a_pdf_not_read_as_bad_json(tmp_path: Path, name: str) -> None:
    """QA s25: a PDF's first part holds no control character; each of its lines was skipped
    as bad JSON, then "nothing ... could be used", exit 1."""
    src = tmp_path / name
    src.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 65
    err = result.stderr.replace("\n", " ")
    said = "not a text file, so not a JSONL or CSV file (it holds binary data: it is a PDF)"
    assert f"{src}: {said}" in err and "What to do" in err
    assert "not valid JSON" not in err and not out.exists()


def test_an_excel_workbook_is_told_how_to_save_it_as_csv(tmp_path: Path) -> None:
    """QA s20: a workbook (also one named .csv) was "not a text file ... binary data"."""
    book = tmp_path / "posts.csv"  # an .xlsx saved under a .csv name
    with zipfile.ZipFile(book, "w") as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        zipped.writestr("xl/workbook.xml", "<workbook/>")
    result = run_classify(str(book), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 65
    assert "is an Excel workbook, not a CSV" in result.stderr
    assert "Save As › CSV UTF-8" in result.stderr and "then give that file" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_nothing_usable_says_how_the_file_was_read_when_that_may_be_why(tmp_path: Path) -> None:
    # a download cut short inside its first record: the reason is the cut, not bad JSON
    packed = gzip.compress((post_line("1") * 3).encode())
    src = tmp_path / "posts.jsonl.gz"
    src.write_bytes(packed[: len(packed) // 2])
    result = run_classify(str(src), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 1
    words = " ".join(result.output.split())
    assert "nothing in" in words and "the gzip file is cut short" in words


def test_a_csv_id_of_spaces_is_skipped_as_empty_as_in_json(tmp_path: Path) -> None:
    # written back, "   " led back to no post; JSON's "id": "   " was already skipped
    src = tmp_path / "posts.csv"
    src.write_text("id,text\n   ,hello\n2,hi\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0
    assert [row["id"] for row in read_rows(out)] == ["2"]
    assert f"{src}:2: no id (its cell is empty)" in " ".join(result.output.split())
