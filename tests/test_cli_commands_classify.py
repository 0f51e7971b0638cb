"""``staffpulse classify``: the contract the held-out evaluation relies on."""

from __future__ import annotations

import gzip
import json
import os
import signal
import threading
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.signals.text import SIGNAL_NAMES, TextSignals

runner = CliRunner()


def _run(*args: str) -> object:
    return runner.invoke(app, ["classify", *args])


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_contract_and_malformed_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": 7,
                        "text": "We're hiring a forklift operator, apply now: https://t.co/a",
                        "lang": "en",
                    }
                ),
                json.dumps({"id": "x-2", "text": "Good job team!"}),
                "{broken json",
                json.dumps({"text": "no id here"}),
                json.dumps({"id": 9}),
                "",
                json.dumps({"id": "0012", "text": "lol my boss is the worst"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "--output", str(out))
    assert result.exit_code == 0, result.output
    rows = _read(out)
    assert [r["id"] for r in rows] == [7, "x-2", "0012"]  # order and id types kept
    for row in rows:
        assert set(row) == {"id", *SIGNAL_NAMES, "labels"}
        for s in SIGNAL_NAMES:
            assert 0.0 <= float(row[s]) <= 1.0  # type: ignore[arg-type]
        assert set(row["labels"]) <= set(SIGNAL_NAMES)  # type: ignore[arg-type]
    assert "job_opening" in rows[0]["labels"]  # type: ignore[operator]
    assert "job_opening" not in rows[1]["labels"]  # type: ignore[operator]
    err = result.stderr if hasattr(result, "stderr") else result.output
    assert f"{src}:3" in err and f"{src}:4" in err and f"{src}:5" in err
    assert "skipped 3 malformed" in err


def test_csv_input(tmp_path: Path) -> None:
    src = tmp_path / "posts.csv"
    src.write_text(
        'id,text,extra\n1,"We are #hiring a nurse in Tulsa, apply: https://t.co/n",a\n'
        '2,"Great job, Steve Jobs fans",b\n3,hello,b,c,d\n4\n5,"only id and text"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = _read(out)
    assert [r["id"] for r in rows] == ["1", "2", "5"]
    err = result.stderr if hasattr(result, "stderr") else result.output
    assert f"{src}:4" in err and f"{src}:5" in err
    assert "skipped 2 malformed" in err


@pytest.mark.parametrize(("name", "sep"), [("posts.txt", ";"), ("posts.tsv", "\t"), ("p.csv", ";")])
def test_semicolon_or_tab_header_is_csv_whatever_the_file_is_called(
    tmp_path: Path, name: str, sep: str
) -> None:
    # Excel writes ";" for "CSV" where the comma is the decimal mark, and tabs for text files.
    src = tmp_path / name
    src.write_text(f"id{sep}text\r\n1{sep}We are hiring, apply today\r\n2{sep}hello\r\n")
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in _read(out)] == ["1", "2"]


def test_csv_without_id_column(tmp_path: Path) -> None:
    src = tmp_path / "bad.csv"
    src.write_text("post,text\n1,hello\n", encoding="utf-8")
    result = _run(str(src), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 65
    assert "id" in result.output


def test_missing_input_is_an_input_error(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 66  # not found, as the README's exit codes say
    assert "no such file" in result.output
    assert "What to do" in result.output


def test_stdout_when_no_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "hello there"}) + "\n", encoding="utf-8")
    result = _run(str(src))
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith("{"))
    assert json.loads(line)["id"] == 1


def _post(rid: object, text: str = "We're hiring a nurse, apply now") -> str:
    return json.dumps({"id": rid, "text": text}) + "\n"


def test_failed_run_keeps_existing_output_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "scores.jsonl"
    old = b'{"id": "last-week"}\r\n\x00 not even text\n'
    out.write_bytes(old)
    src = tmp_path / "bad.csv"
    src.write_text("post,body\n1,hello\n", encoding="utf-8")
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 65
    assert out.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "scores.jsonl"]


def test_interrupted_run_keeps_existing_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "scores.jsonl"
    out.write_text("old results\n", encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text(_post(1) + _post(2), encoding="utf-8")

    def ctrl_c(*_args: object, **_kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(TextSignals, "score", ctrl_c)
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 130
    assert out.read_text(encoding="utf-8") == "old results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "scores.jsonl"]


def test_successful_run_replaces_output_and_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "scores.jsonl"
    out.write_text("old\n" * 1000, encoding="utf-8")
    out.chmod(0o640)
    src = tmp_path / "in.jsonl"
    src.write_text(_post("a") + _post("b"), encoding="utf-8")
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in _read(out)] == ["a", "b"]  # nothing of the old file is left
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "scores.jsonl"]


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink", "hardlink"])
def test_output_that_is_the_input_is_refused(tmp_path: Path, spelling: str) -> None:
    src = tmp_path / "posts.jsonl"
    original = _post(1) + _post(2)
    src.write_text(original, encoding="utf-8")
    out = {"same": src, "dotted": tmp_path / "." / "posts.jsonl"}.get(spelling)
    if out is None:
        out = tmp_path / "alias.jsonl"
        if spelling == "symlink":
            out.symlink_to(src)
        else:
            os.link(src, out)
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 65
    assert "erase the input" in result.output and "What to do" in result.output
    assert "Classified" not in result.output
    assert src.read_text(encoding="utf-8") == original


def test_missing_output_folder_is_created_only_by_a_run_that_succeeds(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(_post(1), encoding="utf-8")
    folder = tmp_path / "run" / "one"
    assert _run(str(src), "-o", str(folder / "out.jsonl")).exit_code == 0
    assert len((folder / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert _run(str(empty), "-o", str(tmp_path / "other" / "out.jsonl")).exit_code == 65
    assert not (tmp_path / "other").exists()


def test_output_that_is_a_folder_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(_post(1), encoding="utf-8")
    result = _run(str(src), "-o", str(tmp_path))
    assert result.exit_code == 65
    assert "is a folder" in result.output


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
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 65
    assert f"{src} is empty" in result.output
    assert "What to do" in result.output and "found:" not in result.output
    assert not out.exists()


def test_bad_json_line_reason_is_complete(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        _post(1)
        + '{"id": 2, "text": "tab\there"}\n'
        + '{"id": 3, "text": "never closed\n'
        + '{"id": 4} trailing\n'
        + _post(5),
        encoding="utf-8",
    )
    result = _run(str(src), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in _read(tmp_path / "out.jsonl")] == [1, 5]
    assert f"{src}:2: not valid JSON: invalid control character U+0009 at column 23" in (
        result.output
    )
    assert f"{src}:3: not valid JSON: unterminated string starting at column 19" in result.output
    assert f"{src}:4: not valid JSON: extra data at column 11" in result.output


def test_a_windows_1252_csv_is_read_with_a_note_not_garbled(tmp_path: Path) -> None:
    src = tmp_path / "excel.csv"
    src.write_bytes(
        'id,text\nc1,"Café señor: we are hiring a barista, apply now"\n'.encode("cp1252")
    )
    out = tmp_path / "o.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert "read as Windows-1252" in result.output  # type: ignore[attr-defined]
    assert [row["id"] for row in _read(out)] == ["c1"]


def test_malformed_lines_are_reported_literally_and_counted_in_words(tmp_path: Path) -> None:
    src = tmp_path / "in[bold].jsonl"
    src.write_text(_post(1) + "{broken [/]\n" + _post(2), encoding="utf-8")
    out = tmp_path / "out[i].jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in _read(out)] == [1, 2]
    err = result.stderr
    assert f"skipped {src}:2: not valid JSON" in err
    assert f"Classified 2 posts to {out}; skipped 1 malformed line." in err.replace("\n", "")


def test_a_file_whose_every_line_is_malformed_fails_and_writes_nothing(tmp_path: Path) -> None:
    """Exit 1 (nothing could be classified, as the README's exit codes say), not 0 with an
    empty OUT; every skipped line is listed before the error (stderr is not a terminal)."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(f'{{"id": {i}}}\n' for i in range(25)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 1, result.output
    err = result.stderr.replace("\n", " ")
    assert all(f"skipped {src}:{n}: missing text" in err for n in range(1, 26))
    assert "more malformed lines" not in err
    assert f"nothing in {src} could be used: all 25 of its records were skipped" in err
    assert "What to do" in err and "Classified" not in err
    assert not out.exists()
    assert _run(str(src)).stdout == ""  # nothing on stdout either


def test_one_good_line_among_bad_ones_is_still_a_success(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1}\n{broken\n' + _post(3), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in _read(out)] == [3]
    assert "skipped 2 malformed lines" in result.stderr.replace("\n", " ")


def test_a_json_array_of_posts_is_read_item_by_item(tmp_path: Path) -> None:
    src = tmp_path / "posts.json"
    posts = [{"id": "a", "text": "We're hiring forklift drivers, apply now"}, {"id": "b"}]
    src.write_text(json.dumps(posts, indent=2), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in _read(out)] == ["a"]
    assert f"{src}: item 2: missing text" in result.stderr


def test_random_bytes_are_told_as_binary_not_echoed(tmp_path: Path) -> None:
    """As ``benchmark junk.csv`` says it (QA16 16.1), instead of the bytes as CSV columns."""
    src = tmp_path / "junk.csv"
    src.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 65
    err = result.stderr.replace("\n", " ")
    assert f"{src}: not a text file, so not a JSONL or CSV file (it holds binary data)" in err
    assert "found:" not in err and "ÿ" not in err and "What to do" in err
    assert not out.exists()


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
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = _read(out)
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
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in _read(out)}
    assert list(rows) == [1, 2, 3, 4]
    assert {k: v for k, v in rows[1].items() if k != "id"} == {
        k: v for k, v in rows[3].items() if k != "id"
    }  # null scores as ""
    assert rows[2]["humor"] == rows[4]["humor"]  # 42 scores as "42"
    err = result.stderr.replace("\n", " ")
    assert f"{src}:5: text must be a string, not a list" in err
    assert "2 records had a text that is null or a number" in err


def test_one_windows_1252_line_leaves_the_utf8_lines_and_their_ids_as_they_are(
    tmp_path: Path,
) -> None:
    """QA F3: files joined with cat; only the line that is not UTF-8 is read otherwise."""
    src = tmp_path / "joined.jsonl"
    src.write_bytes(
        '{"id": "café-1", "text": "müde ☕ lol"}\n'.encode()
        + '{"id": "x2", "text": "café"}\n'.encode("cp1252")
    )
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in _read(out)] == ["café-1", "x2"]
    assert "not UTF-8 (first at line 2)" in result.stderr
    alone = tmp_path / "alone.jsonl"
    alone.write_text('{"id": "café-1", "text": "müde ☕ lol"}\n', encoding="utf-8")
    assert _run(str(alone), "-o", str(tmp_path / "a.jsonl")).exit_code == 0
    assert _read(tmp_path / "a.jsonl")[0] == _read(out)[0]  # same scores as on its own


def test_joined_files_a_second_bom_and_a_repeated_csv_header(tmp_path: Path) -> None:
    """QA F15: ``cat a b > c`` keeps b's byte order mark and its CSV header."""
    src = tmp_path / "joined.jsonl"
    src.write_bytes(b'{"id": 1, "text": "hi"}\n\xef\xbb\xbf{"id": 2, "text": "hi"}\n')
    out = tmp_path / "out.jsonl"
    assert _run(str(src), "-o", str(out)).exit_code == 0
    assert [r["id"] for r in _read(out)] == [1, 2]
    csv_src = tmp_path / "joined.csv"
    csv_src.write_text("id,text\n1,hello\nid,text\n2,hello\n", encoding="utf-8")
    result = _run(str(csv_src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in _read(out)] == ["1", "2"]
    assert f"{csv_src}:3: the header again" in result.stderr


def test_input_from_a_pipe_is_read_once(tmp_path: Path) -> None:
    """QA F1: ``<(zcat posts.jsonl.gz)`` and ``/dev/stdin`` are pipes: one read only."""
    read_end, write_end = os.pipe()
    data = (_post(1) + _post(2)).encode()

    def feed() -> None:
        with os.fdopen(write_end, "wb") as sink:
            sink.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    out = tmp_path / "out.jsonl"
    try:
        result = _run(f"/dev/fd/{read_end}", "-o", str(out))
    finally:
        writer.join()
        os.close(read_end)
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in _read(out)] == [1, 2]


def test_sigterm_keeps_the_old_output_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA F7: ``timeout`` sends SIGTERM; it must clean up as Ctrl-C does."""
    out = tmp_path / "scores.jsonl"
    out.write_text("old results\n", encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text(_post(1) + _post(2), encoding="utf-8")

    def terminated(*_args: object, **_kwargs: object) -> object:
        os.kill(os.getpid(), signal.SIGTERM)
        raise AssertionError("SIGTERM should have stopped the run")

    monkeypatch.setattr(TextSignals, "score", terminated)
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 128 + signal.SIGTERM
    assert "Any output file you had is unchanged" in result.stderr
    assert out.read_text(encoding="utf-8") == "old results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "scores.jsonl"]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handler is put back


def test_dash_reads_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s20: ``-`` is standard input, as in most tools, not a missing file named ``-``."""
    monkeypatch.chdir(tmp_path)  # no file named "-" here
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["classify", "-", "-o", str(out)], input=_post(7) + _post("x"))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in _read(out)] == [7, "x"]


def test_a_gzip_compressed_input_scores_as_its_text_does(tmp_path: Path) -> None:
    """QA s20: a ``.jsonl.gz`` or ``.csv.gz`` (as ``import`` reads) was refused as binary."""
    plain = tmp_path / "in.csv"
    plain.write_text("id,text\n1,We're hiring a nurse\n2,lol what a day\n", encoding="utf-8")
    packed = tmp_path / "in.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert _run(str(plain), "-o", str(tmp_path / "plain.jsonl")).exit_code == 0
    result = _run(str(packed), "-o", str(tmp_path / "packed.jsonl"))
    assert result.exit_code == 0, result.output
    assert _read(tmp_path / "packed.jsonl") == _read(tmp_path / "plain.jsonl")
    assert [r["id"] for r in _read(tmp_path / "packed.jsonl")] == ["1", "2"]


@pytest.mark.parametrize("command", ["classify", "roles"])
def test_help_tells_that_gzip_and_standard_input_are_read(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    words = " ".join(result.output.replace("│", " ").split())  # as wrapped in its box
    assert "A .gz of either is read too; - reads standard input." in words


def test_output_dash_is_standard_output_not_a_file_named_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA s20: ``-o -`` wrote a file called ``-`` in the current folder."""
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in.jsonl"
    src.write_text(_post(1) + _post(2), encoding="utf-8")
    result = _run(str(src), "-o", "-")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 2]
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("indent", [None, 2])
def test_json_saved_under_a_csv_name_is_read_as_json(tmp_path: Path, indent: int | None) -> None:
    """QA s20: JSON Lines (or an array) named ``posts.csv`` failed: "the CSV header needs 'id'
    and 'text' columns (found: {"id": ...})", exit 65."""
    lines = tmp_path / "lines.csv"
    lines.write_text(_post(1) + _post("b"), encoding="utf-8")
    array = tmp_path / "array.csv"
    array.write_text(json.dumps([{"id": 1, "text": "a"}, {"id": "b", "text": "b"}], indent=indent))
    for src in (lines, array):
        out = tmp_path / f"{src.stem}.jsonl"
        result = _run(str(src), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert [r["id"] for r in _read(out)] == [1, "b"]


def test_an_excel_workbook_is_told_how_to_save_it_as_csv(tmp_path: Path) -> None:
    """QA s20: a workbook (also one named .csv) was "not a text file ... binary data"."""
    book = tmp_path / "posts.csv"  # an .xlsx saved under a .csv name
    with zipfile.ZipFile(book, "w") as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        zipped.writestr("xl/workbook.xml", "<workbook/>")
    result = _run(str(book), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 65
    assert "is an Excel workbook, not a CSV" in result.stderr
    assert "Save As › CSV UTF-8" in result.stderr and "then give that file" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_stdout_is_utf8_whatever_the_console_encoding(tmp_path: Path) -> None:
    """QA s20: with stdout in cp1252 (Windows, redirected: ``classify in.jsonl > out.jsonl``)
    an id holding an emoji stopped the run with exit 70."""
    src = tmp_path / "in.jsonl"
    src.write_text(_post("café-☕") + _post(2), encoding="utf-8")
    result = CliRunner(charset="cp1252").invoke(app, ["classify", str(src)])
    assert result.exit_code == 0, result.output
    lines = result.stdout_bytes.decode("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["café-☕", 2]
