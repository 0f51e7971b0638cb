"""An X archive's data files, read entry by entry: a broken entry costs itself only."""

from __future__ import annotations

from staffpulse.sources.ytd import EntryError, count_entries, ytd_items

HEAD = "window.YTD.tweet.part0 = [\n"


def _entry(n: int, text: str = "hi") -> str:
    return f'  {{\n    "tweet" : {{\n      "id_str" : "{n}",\n      "full_text" : "{text}"\n    }}\n  }}'


def test_entries_come_with_the_line_they_start_on() -> None:
    items = list(ytd_items('window.YTD.tweet.part0 = [\n {"a": 1},\n\n {"b": 2}\n]'))
    assert items == [(2, {"a": 1}), (4, {"b": 2})]
    (only,) = ytd_items("hello")
    assert isinstance(only[1], EntryError) and "not an archive data file" in str(only[1])
    (empty,) = ytd_items(" \n")
    assert str(empty[1]).startswith("the file is empty. What to do: download the archive again")


def test_a_string_left_open_loses_its_entry_and_the_next_ones_are_read() -> None:
    entries = [_entry(n) for n in range(1, 6)]
    entries[2] = entries[2].replace('"hi"', '"hi there', 1)  # no closing quote
    items = list(ytd_items(HEAD + ",\n".join(entries) + "\n]"))
    assert [item["tweet"]["id_str"] for _line, item in items if isinstance(item, dict)] == [
        "1",
        "2",
        "4",
        "5",
    ]
    (line, error), *_ = [(n, i) for n, i in items if isinstance(i, EntryError)]
    assert line == 14 and error.records == 1  # where the third entry starts
    assert str(error).startswith("not valid JSON at line 17, column 30: invalid control character")
    assert "the entries after it were read" in str(error)
    assert "What to do: correct the file at line 17, column 30" in str(error)


def test_a_file_cut_short_says_so_and_keeps_what_came_before() -> None:
    whole = HEAD + ",\n".join(_entry(n) for n in range(1, 4)) + "\n]"
    items = list(ytd_items(whole[: whole.index('"full_text" : "hi"', 200) + 18]))
    assert len([i for _n, i in items if isinstance(i, dict)]) == 2
    error = items[-1][1]
    assert isinstance(error, EntryError) and "(the file looks cut short)" in str(error)
    assert "the entry starting here is incomplete" in str(error)
    unclosed = list(ytd_items(HEAD + _entry(1) + ",\n"))
    assert "its list is not closed" in str(unclosed[-1][1])
    assert all("What to do: download the archive again" in str(i) for _n, i in items[-1:])


def test_when_no_entry_follows_the_rest_of_the_file_is_counted_as_lost() -> None:
    # No comma between the entries after the broken one: nowhere to start again.
    rest = '\n  {"tweet": {"id_str": "2"} "x" }\n  {"tweet": {}}\n  {"tweet": {}}\n]'
    items = list(ytd_items(HEAD + _entry(1) + "," + rest))
    error = items[-1][1]
    assert isinstance(error, EntryError) and error.records == 3
    assert "the rest of the file from line 8 (about 3 entries) could not be read" in str(error)
    # the spot to mend is where the JSON breaks, with its column
    assert "What to do: correct the file at line 8, column 29 (a text editor shows it)" in str(
        error
    )


def test_a_one_entry_file_broken_says_where_to_mend_it_and_counts_the_entry_lost() -> None:
    """The usual archive of a new account: one tweet. Its damage costs the file's only entry,
    so the message is all the user has: where, and what to do."""
    broken = HEAD + _entry(1).replace('"full_text" :', '"full_text"', 1) + "\n]"
    ((line, error),) = list(ytd_items(broken))
    assert isinstance(error, EntryError) and error.records == 1 and line == 2
    assert str(error).startswith("not valid JSON at line 5, column 19: expecting ':' delimiter")
    assert "What to do: correct the file at line 5, column 19" in str(error)
    assert "or download the archive again" in str(error)


def test_entries_are_counted_without_being_read() -> None:
    # a text that looks like the start of an entry is not counted as one
    entries = [_entry(n, 'a { \\"tweet\\" : brace') for n in range(1, 4)]
    assert count_entries(HEAD + ",\n".join(entries) + "\n]") == 3
    assert count_entries(HEAD + ",\n".join(entries)[:-20]) == 3  # cut short: begun ones count
    assert count_entries("window.YTD.tweet.part0 = [ ]") == 0
    assert count_entries("hello") == 0
