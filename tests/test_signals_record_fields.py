"""The field names classify and roles read, matched as a CSV header is."""

from __future__ import annotations

from staffpulse.signals.record_fields import (
    NAME_FIELDS,
    POST_TEXT_FIELDS,
    distinct_columns,
    field_key,
    first_field,
    folded_keys,
    is_empty_row,
    is_missing,
    is_post_count,
    is_repeated_header,
    stand_ins,
    without_post_counts,
)


def test_keys_fold_case_spaces_and_hyphens() -> None:
    assert field_key(" Display-Name ") == "display_name"
    assert field_key("User Description") == "user_description"
    assert folded_keys({"ID": 1, "Text": "hi"}) == {"id": 1, "text": "hi"}


def test_the_key_spelled_as_matched_wins_over_a_folded_twin() -> None:
    assert folded_keys({"ID": "upper", "id": "lower"}) == {"id": "lower"}
    assert folded_keys({"Id": "first", "ID": "second"}) == {"id": "first"}


def test_the_contract_name_comes_before_other_names() -> None:
    assert first_field(["screen_name", "name"], NAME_FIELDS) == "name"
    assert first_field(["username", "screen_name"], NAME_FIELDS) == "screen_name"
    assert first_field(["about"], NAME_FIELDS) is None


def test_a_row_repeating_the_header_is_told_from_data() -> None:
    assert is_repeated_header({"id": "ID", "text": "text"})
    assert not is_repeated_header({"id": "1", "text": "text"})
    assert not is_repeated_header({})


def test_a_row_of_empty_cells_is_no_record() -> None:
    assert is_empty_row({"id": "", "text": " ", "lang": None})
    assert not is_empty_row({"id": "", "text": "orphan text"})


def test_null_nan_and_infinity_are_missing_and_zero_or_empty_text_are_not() -> None:
    """json.dumps writes a blank pandas cell as NaN; read as text it was the word "nan"."""
    assert [is_missing(v) for v in (None, float("nan"), float("inf"), -float("inf"))] == [True] * 4
    assert [is_missing(v) for v in (0, 0.0, "", "nan", [])] == [False] * 5


def test_stand_ins_are_every_other_name_only_when_the_contract_name_is_absent() -> None:
    assert stand_ins(["text", "content", "body"], POST_TEXT_FIELDS) == ["text"]
    assert stand_ins(["tweet_text", "likes"], POST_TEXT_FIELDS) == ["tweet_text"]
    assert stand_ins(["body", "content"], POST_TEXT_FIELDS) == ["content", "body"]
    assert stand_ins(["likes"], POST_TEXT_FIELDS) == []


def test_a_column_named_twice_keeps_its_first_cell_read_and_the_header_again_told() -> None:
    header = distinct_columns(["id", "text", "text", "text"])
    assert len(set(header)) == 4 and header[:2] == ["id", "text"]
    assert [field_key(name) for name in header] == ["id", "text", "text", "text"]
    assert is_repeated_header(dict(zip(header, ["id", "text", "text", "text"], strict=True)))


def test_a_number_in_posts_is_a_count_whatever_its_spelling() -> None:
    assert all(is_post_count(v) for v in (0, 169, 12.0, "169", " 1,204 ", "1 204", "3.5"))
    assert not any(is_post_count(v) for v in (True, None, "", "169 new hires", "#1", ["3"]))


def test_counts_leave_the_posts_field_and_texts_stay() -> None:
    """`staffpulse accounts --json` writes "posts": 169, which roles read as a post."""
    account = {"handle": "acme", "posts": 169}
    assert without_post_counts(account) == {"handle": "acme"}
    assert without_post_counts({"posts": [3, None]}) == {}
    assert without_post_counts({"posts": ["Open day Friday", 4]}) == {"posts": ["Open day Friday"]}
    kept = {"posts": ["Open day Friday"], "text": 5}  # only posts holds counts
    assert without_post_counts(kept) is kept
    row = {"Posts ": "1,204", "bio": "Ferries"}  # a CSV row, by the file's column name
    assert without_post_counts(row, "Posts ") == {"bio": "Ferries"}
    assert without_post_counts(row, None) is row
