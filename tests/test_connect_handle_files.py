"""Files of handles: one a line, CSVs with a header, any text encoding, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.connect.handle_files import read_handle_files, read_handles
from staffpulse.errors import InputError


def _pairs(path: Path, platform: str | None = None) -> list[tuple[str, str]]:
    return [(e.platform, e.handle) for e in read_handles(path, platform).entries]


def test_bad_lines_are_reported_and_duplicates_merged(tmp_path: Path) -> None:
    sent = tmp_path / "sent.txt"
    sent.write_text(
        "# from the blog\n@rita_recruits\nx.com/Rita_Recruits\nhello world\n"
        '"@quoted",X\n@ann@fosstodon.org;note\n',
        encoding="utf-8",
    )
    entries, problems, duplicates, notes = read_handles(sent)
    assert [(e.platform, e.handle) for e in entries] == [
        ("x", "rita_recruits"),
        ("x", "quoted"),
        ("mastodon", "ann@fosstodon.org"),
    ]
    assert duplicates == 1 and entries[0].source == f"{sent}:2"
    assert [(p.line, "not a handle" in p.message) for p in problems] == [(4, True)]
    assert notes == []


def test_a_header_row_is_not_a_handle(tmp_path: Path) -> None:
    sent = tmp_path / "with_header.csv"
    sent.write_text("handle,name\n@TriNet,TriNet Inc\n@joannethomsen,Jo\n", encoding="utf-8-sig")
    read = read_handles(sent)
    assert [(e.handle, e.source) for e in read.entries] == [
        ("trinet", f"{sent}:2"),
        ("joannethomsen", f"{sent}:3"),
    ]
    assert read.problems == []


def test_the_header_says_which_column_holds_the_handles(tmp_path: Path) -> None:
    sent = tmp_path / "names_first.csv"
    sent.write_text('name;Twitter handle\n"Rita, recruiter";@Rita_Recruits\nVal;\n')
    read = read_handles(sent)
    assert [(e.platform, e.handle) for e in read.entries] == [("x", "rita_recruits")]
    assert [(p.line, p.message) for p in read.problems] == [(3, "no handle in column 2")]


def test_a_platform_column_gives_each_line_its_platform(tmp_path: Path) -> None:
    cohort = tmp_path / "cohort.csv"
    cohort.write_text(
        "handle,platform,segment\nacme,bluesky,firms\nrita,Twitter,recruiters\n"
        "jane@hr.social,mastodon,hr\nzed,myspace,other\n"
    )
    read = read_handles(cohort)
    assert [(e.platform, e.handle) for e in read.entries] == [
        ("bluesky", "acme.bsky.social"),
        ("x", "rita"),
        ("mastodon", "jane@hr.social"),  # the column says Mastodon: an address, not an email
    ]
    assert [p.message for p in read.problems] == [
        "unknown platform 'myspace' (use x, bluesky or mastodon)"
    ]


def test_a_misspelled_platform_cell_is_offered_the_one_meant(tmp_path: Path) -> None:
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,platform\njane@hr.social,mastodn\n")
    assert [p.message for p in read_handles(cohort).problems] == [
        "unknown platform 'mastodn': did you mean mastodon? (use x, bluesky or mastodon)"
    ]


def test_a_column_headed_mastodon_holds_mastodon_addresses(tmp_path: Path) -> None:
    sent = tmp_path / "fedi.csv"
    sent.write_text("Mastodon address\njane@hr.social\n")
    assert _pairs(sent) == [("mastodon", "jane@hr.social")]


def test_an_email_is_not_taken_for_a_mastodon_account(tmp_path: Path) -> None:
    sent = tmp_path / "sent.txt"
    sent.write_text("mia@example.com\n@mia@mastodon.social\n")
    read = read_handles(sent)
    assert [(e.platform, e.handle) for e in read.entries] == [("mastodon", "mia@mastodon.social")]
    assert [p.line for p in read.problems] == [1]
    assert "may be an email address" in read.problems[0].message
    # with the platform given, user@instance is a Mastodon account
    assert _pairs(sent, "mastodon") == [
        ("mastodon", "mia@example.com"),
        ("mastodon", "mia@mastodon.social"),
    ]


def test_platform_is_read_as_people_spell_it(tmp_path: Path) -> None:
    sent = tmp_path / "sent.txt"
    sent.write_text("rita\n")
    assert _pairs(sent, "Twitter") == [("x", "rita")]
    assert _pairs(sent, "bsky") == [("bluesky", "rita.bsky.social")]
    with pytest.raises(InputError, match="unknown platform 'facebook'") as unknown:
        read_handles(sent, "facebook")
    # the hint is a step to take: the option's exact spellings, or leaving it out
    assert "use --platform x or --platform bluesky or --platform mastodon" in str(
        unknown.value.hint
    )
    assert "leave --platform out" in str(unknown.value.hint)


def test_a_first_line_with_an_at_sign_is_a_handle_even_named_handle(tmp_path: Path) -> None:
    sent = tmp_path / "sent.txt"
    sent.write_text("@handle\n@rita\n")
    assert _pairs(sent) == [("x", "handle"), ("x", "rita")]


def test_utf16_from_notepad_is_read(tmp_path: Path) -> None:
    sent = tmp_path / "unicode.txt"
    sent.write_bytes("\ufeff@abc\r\n@Rita_Recruits\r\n".encode("utf-16-le"))
    assert _pairs(sent) == [("x", "abc"), ("x", "rita_recruits")]


def test_a_guessed_encoding_is_noted(tmp_path: Path) -> None:
    sent = tmp_path / "latin.txt"
    sent.write_bytes("# Café list\n@rita\n".encode("cp1252"))
    read = read_handles(sent)
    assert _pairs(sent) == [("x", "rita")]
    assert len(read.notes) == 1 and "Windows-1252" in read.notes[0]


def test_a_binary_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    sent = tmp_path / "photo.png"
    sent.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="not a text file, so not a file of handles") as caught:
        read_handles(sent)
    assert caught.value.hint and "one handle a line" in caught.value.hint


def test_a_header_without_a_handle_column_is_refused(tmp_path: Path) -> None:
    sent = tmp_path / "contacts.csv"
    sent.write_text("name,email\nMia,mia@example.com\n")
    with pytest.raises(InputError, match="names no column of handles"):
        read_handles(sent)


def test_several_files_are_read_in_turn_and_each_note_names_its_file(tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_bytes(b"# caf\xe9 list\n@rita_recruits\n@rita_recruits\n")  # Windows-1252
    second = tmp_path / "second.txt"
    second.write_text("@rita_recruits\nhello world\n", encoding="utf-8")
    heard: list[str] = []
    read = read_handle_files([first, second], on_note=heard.append)
    # merged within a file only: the second file's line is its own source
    assert [e.source for e in read.entries] == [f"{first}:2", f"{second}:1"]
    assert read.duplicates == 1 and [p.file for p in read.problems] == [str(second)]
    assert heard == read.notes and len(heard) == 1 and heard[0].startswith(f"{first}: ")
    assert not read.is_empty


def test_a_note_is_heard_before_a_later_file_is_refused(tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_bytes(b"# caf\xe9 list\n@rita_recruits\n")
    image = tmp_path / "photo.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    heard: list[str] = []
    with pytest.raises(InputError):
        read_handle_files([first, image], on_note=heard.append)
    assert len(heard) == 1


def test_a_file_of_comments_only_is_empty(tmp_path: Path) -> None:
    only = tmp_path / "only.txt"
    only.write_text("# nobody yet\n\n", encoding="utf-8")
    assert read_handle_files([only]).is_empty


def test_a_handle_pasted_with_a_name_or_note_around_it_is_told_which_handle_to_keep(
    tmp_path: Path,
) -> None:
    sent = tmp_path / "from_dms.txt"
    sent.write_text(
        "Jane Doe (@janedoe)\n@rita_recruits - recruiter at Acme\nJane Doe\n", encoding="utf-8"
    )
    read = read_handles(sent)
    assert read.entries == []
    said = [p.message for p in read.problems]
    assert said[0] == (
        "'Jane Doe (@janedoe)' holds more than a handle: keep only @janedoe on the line, or "
        "put the rest after a comma (@janedoe, ...)"
    )
    assert "keep only @rita_recruits" in said[1]
    # no word written as a handle: nothing to point at, the parser's reason stands
    assert "not a handle" in said[2]


def test_a_sheet_with_a_column_per_platform_gives_every_handle(tmp_path: Path) -> None:
    """Only the first column was read: the Bluesky and Mastodon handles were dropped without a
    word, and a row with only a Bluesky handle was called empty."""
    sheet = tmp_path / "contacts.csv"
    sheet.write_text(
        "name,Twitter handle,Bluesky,Mastodon address,url\n"
        "Rita,@rita,rita.bsky.social,@rita@hr.social,https://acme.example\n"
        "Ann,,ann.bsky.social,,\n"
        "Joe,@joe_hr,,@joe@,\n"
        "Nobody,,,,https://nobody.example\n",
        encoding="utf-8",
    )
    read = read_handles(sheet)
    assert [(e.platform, e.handle, e.source) for e in read.entries] == [
        ("x", "rita", f"{sheet}:2"),
        ("bluesky", "rita.bsky.social", f"{sheet}:2"),
        ("mastodon", "rita@hr.social", f"{sheet}:2"),
        ("bluesky", "ann.bsky.social", f"{sheet}:3"),
        ("x", "joe_hr", f"{sheet}:4"),
    ]
    # a bad cell costs only itself; a website column beside them is not read as handles
    assert [(p.line, p.message) for p in read.problems] == [
        (4, "'@joe@' is not a Mastodon address (user@instance)"),
        (5, "no handle in columns 2, 3, 4"),
    ]


def test_a_full_stop_copied_after_a_handle_is_left_out(tmp_path: Path) -> None:
    sent = tmp_path / "from_a_post.txt"
    sent.write_text("@ann.bsky.social.\n@rita_recruits.\nhttps://x.com/bo_hr.\n", encoding="utf-8")
    assert _pairs(sent) == [("bluesky", "ann.bsky.social"), ("x", "rita_recruits"), ("x", "bo_hr")]


def test_an_x_link_by_account_id_says_how_to_get_the_handle(tmp_path: Path) -> None:
    """connect's CSV links an account whose handle is unknown as x.com/i/user/ID; pasted here
    it was refused as 'not an X profile URL (x.com/name)', with nothing to do."""
    sent = tmp_path / "from_connect.csv"
    sent.write_text("url\nhttps://x.com/i/user/1357924680135792468\n", encoding="utf-8")
    (problem,) = read_handles(sent).problems
    assert problem.message == (
        "'https://x.com/i/user/1357924680135792468' names an X account by its id, and "
        "add-handles needs its handle: open the link (it shows the account under its handle) "
        "and put the handle on the line"
    )
