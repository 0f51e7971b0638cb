"""Relevance: keywords files (format, encodings, files that are not text) and the filter."""

from __future__ import annotations

from pathlib import Path

import pytest

from _listen_fakes import FakeScorer
from staffpulse.errors import InputError, MissingFileError
from staffpulse.listen.relevance import Keywords, RelevanceFilter, load_keywords


def test_keywords_file(tmp_path: Path) -> None:
    path = tmp_path / "kw.txt"
    path.write_text(
        "# comment\n\nstaffing\ntalent acquisition\n#hiring\n-crypto\n", encoding="utf-8"
    )
    kw = load_keywords(path)
    assert kw.include == ("staffing", "talent acquisition", "#hiring")
    assert set(kw.matches("Our Talent  Acquisition team and #hiring news")) == {
        "talent acquisition",
        "#hiring",
    }
    assert kw.matches("hiring without the tag") == []
    assert Keywords.of(["hiring", "c++"]).matches("#Hiring C++ devs") == ["hiring", "c++"]
    assert kw.matches("understaffing") == []
    assert kw.excluded("staffing crypto") and not kw.excluded("staffing")
    keep = RelevanceFilter(keywords=kw).judge(["staffing news", "staffing crypto", "cats"])
    assert [v.keep for v in keep] == [True, False, False]
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_keywords(empty)


def test_keywords_file_with_a_bom_keeps_its_first_term(tmp_path: Path) -> None:
    path = tmp_path / "kw_bom.txt"
    path.write_bytes(b"\xef\xbb\xbfstaffing\nrecruiter\n")  # Notepad's "UTF-8 with BOM"
    notes: list[str] = []
    kw = load_keywords(path, on_note=notes.append)
    assert kw.include == ("staffing", "recruiter")
    assert kw.matches("Staffing news") == ["staffing"]
    assert notes == []


def test_keywords_file_in_utf16_or_windows_1252(tmp_path: Path) -> None:
    utf16 = tmp_path / "kw_utf16.txt"
    utf16.write_bytes("staffing\r\nrécruteur\r\n".encode("utf-16"))  # Notepad's "Unicode"
    notes: list[str] = []
    assert load_keywords(utf16, on_note=notes.append).include == ("staffing", "récruteur")
    assert notes == []  # a BOM says what it is: nothing to check
    latin = tmp_path / "kw_latin1.txt"
    latin.write_bytes("récruteur\nstaffing\n-café\n".encode("cp1252"))
    kw = load_keywords(latin, on_note=notes.append)
    assert kw.include == ("récruteur", "staffing") and kw.exclude == ("café",)
    assert kw.matches("Un récruteur") == ["récruteur"]
    assert len(notes) == 1 and str(latin) in notes[0] and "Windows-1252" in notes[0]


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # random-looking binary, with NUL bytes
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # an image
        "staffing\n".encode("utf-16-le"),  # UTF-16 without its BOM: NUL bytes too
    ],
)
def test_keywords_file_that_is_not_text_is_an_input_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "kw.bin"
    path.write_bytes(data)
    with pytest.raises(InputError, match="not a text file, so not a keywords file") as caught:
        load_keywords(path)
    assert caught.value.exit_code == 65 and caught.value.hint


def test_keywords_file_missing_or_a_folder(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError, match="no such keywords file") as missing:
        load_keywords(tmp_path / "nope.txt")
    assert missing.value.hint == "check the path given to --keywords"
    with pytest.raises(InputError, match="is a folder"):
        load_keywords(tmp_path)
    # a typo is offered the file beside it, as import offers one
    (tmp_path / "kws.txt").write_text("staffing\n")
    with pytest.raises(MissingFileError) as typo:
        load_keywords(tmp_path / "kw.txt")
    assert typo.value.hint == (
        f"did you mean {tmp_path / 'kws.txt'}? Else check the path given to --keywords"
    )


def test_the_filter_says_how_many_terms_it_uses(tmp_path: Path) -> None:
    # "Filtering with: 1 keyword + 1 exclusion", as `staffpulse listen` starts
    one = RelevanceFilter(keywords=Keywords.of(["staffing"], ["crypto"])).description
    assert one == "1 keyword + 1 exclusion"
    two = RelevanceFilter(keywords=Keywords.of(["staffing", "hiring"], ["a", "b"])).description
    assert two == "2 keywords + 2 exclusions"


def test_classifier_or_keywords() -> None:
    verdicts = RelevanceFilter(scorer=FakeScorer(), keywords=Keywords.of(["cats"])).judge(
        ["recruiters unite", "cats", "dogs"]
    )
    assert [v.keep for v in verdicts] == [True, True, False]
    assert verdicts[0].score == pytest.approx(0.9)


@pytest.mark.parametrize(
    ("content", "line", "what"),
    [
        # a recorded Jetstream stream given as keywords
        ('{"did": "did:plc:abc", "time_us": 1, "kind": "commit"}\n', 1, "this is JSON"),
        ("staffing\n# my terms\nrecruiting, hiring, talent\n", 3, "several terms on one line"),
        ("keyword\tvolume\nstaffing agency\t1200\n", 1, "several terms on one line"),
    ],
)
def test_a_file_of_another_kind_is_refused_with_its_line(
    tmp_path: Path, content: str, line: int, what: str
) -> None:
    path = tmp_path / "kw.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=f"kw.txt, line {line}: {what}") as caught:
        load_keywords(path)
    assert caught.value.exit_code == 65 and "one term or phrase a line" in caught.value.hint


def test_terms_with_symbols_are_still_terms(tmp_path: Path) -> None:
    path = tmp_path / "kw.txt"
    path.write_text("c++\n#hiring\n[remote]\n-crypto\n", encoding="utf-8")
    assert load_keywords(path).include == ("c++", "#hiring", "[remote]")


def test_quotes_typed_as_in_a_search_box_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "kw.txt"
    path.write_text(
        "\"talent acquisition\"\n\u201csourcing lead\u201d\n-'crypto scam'\n", encoding="utf-8"
    )
    kw = load_keywords(path)
    assert kw.matches("Our talent acquisition team") == ["talent acquisition"]
    assert kw.matches("Hiring a sourcing lead in Leeds") == ["sourcing lead"]
    assert kw.excluded("another crypto scam for recruiters")


def test_a_trailing_star_finds_every_word_it_begins(tmp_path: Path) -> None:
    path = tmp_path / "kw.txt"
    path.write_text("recruit*\n#staff*\n", encoding="utf-8")
    kw = load_keywords(path)
    found = kw.matches("Recruiters and #recruiting, but not staffing, only #StaffingNews")
    assert found == ["recruiters", "#recruiting", "#staffingnews"]
    assert kw.matches("a new recipe") == []


def test_a_term_in_a_script_without_spaces_matches_inside_words(tmp_path: Path) -> None:
    path = tmp_path / "kw.txt"
    path.write_bytes("\ufeff\u6c42\u4eba\r\nstaffing\r\n".encode())  # BOM and Windows line ends
    kw = load_keywords(path)
    assert kw.include == ("\u6c42\u4eba", "staffing")
    assert kw.matches("\u6c42\u4eba\u52df\u96c6\u4e2d") == ["\u6c42\u4eba"]


def test_a_star_after_a_term_without_spaces_finds_it_inside_words_too(tmp_path: Path) -> None:
    # "求人*" (two signs, one word) and "人材派遣*": the star adds nothing inside such words
    path = tmp_path / "kw.txt"
    path.write_text("\u6c42\u4eba*\n\u4eba\u6750\u6d3e\u9063*\n", encoding="utf-8")
    kw = load_keywords(path)
    assert kw.matches("\u6c42\u4eba\u52df\u96c6\u4e2d") == ["\u6c42\u4eba"]
    assert kw.matches("\u5927\u624b\u4eba\u6750\u6d3e\u9063\u4f1a\u793e") == [
        "\u4eba\u6750\u6d3e\u9063"
    ]


@pytest.mark.parametrize(
    ("content", "what"),
    [
        ("staffing\nnurse OR nurses\n", "search operators"),
        ("staffing\n(hiring OR staffing)\n", "search operators"),
        ("staffing\n#recruiting terms for Q3\n", "a hashtag followed by other words"),
        ("staffing\n-\n", "no term on this line"),
        ('staffing\n""\n', "no term on this line"),
        ("staffing\nre*\n", "'\\*' \\(re\\*\\) is read only at the end of a word"),
        ("staffing\nrec*uit\n", "'\\*' \\(rec\\*uit\\) is read only at the end of a word"),
    ],
)
def test_a_line_that_would_match_nothing_is_refused_with_its_line(
    tmp_path: Path, content: str, what: str
) -> None:
    path = tmp_path / "kw.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=f"kw.txt, line 2: {what}") as caught:
        load_keywords(path)
    assert caught.value.exit_code == 65 and caught.value.hint


def test_a_long_list_keeps_every_term_and_stem(tmp_path: Path) -> None:
    # 12,000 made-up terms (a list pasted from a keyword tool), words and stems together
    terms = [f"term{n}x" for n in range(10_000)] + [f"stem{n}y*" for n in range(2_000)]
    path = tmp_path / "kw.txt"
    path.write_text("\n".join(terms) + "\nstaffing\n", encoding="utf-8")
    kw = load_keywords(path)
    assert len(kw.include) == 12_001
    assert kw.matches("term9999x and stem1999yards for staffing") == [
        "term9999x",
        "staffing",
        "stem1999yards",
    ]
