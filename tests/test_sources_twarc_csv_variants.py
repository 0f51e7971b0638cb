"""twarc2 CSVs as people change them: columns taken out, lists written by Python, files
joined; on small hand-written files."""

from __future__ import annotations

from pathlib import Path

from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.twarc_csv import TwarcCsv, kinds_note, rows_from_twarc_csv
from staffpulse.store.core import Record

FILE = Path(__file__).parent / "fixtures" / "twarc2" / "tweets.csv"


def test_a_twarc_csv_with_columns_taken_out_is_still_read_as_twarc(tmp_path: Path) -> None:
    # without its retweeted column it was read as a staffpulse CSV: no author accounts, and
    # author.username, the replies and the likes "not read"
    header = "id,author_id,in_reply_to_user_id,created_at,text,public_metrics.like_count,"
    rows = [
        "501,7,,2026-03-01T10:00:00.000Z,Dock shifts open,4,Harborline\n",
        "502,7,9,2026-03-01T11:00:00.000Z,@pat yes we do,1,Harborline\n",
    ]
    path = tmp_path / "tweets.csv"
    path.write_text(header + "author.username\n" + "".join(rows), encoding="utf-8")
    assert detect(path).name == "twarc-csv"
    items = list(TwarcCsv().read(path))
    rows_read = [r for i in items if isinstance(i, Record) for r in i.rows]
    posts = {r.id: r for r in rows_read if isinstance(r, Post)}
    assert [(p.kind, p.likes) for p in posts.values()] == [("original", 4), ("reply", 1)]
    assert {(a.id, a.handle) for a in rows_read if isinstance(a, Account)} == {("7", "Harborline")}
    (note,) = [n.message for n in items if isinstance(n, Notice)]
    assert note.startswith(
        "this twarc2 CSV has no referenced_tweets.retweeted.id or referenced_tweets.quoted.id"
        " column (taken out in a spreadsheet?), so its reposts and quotes were read as the"
        " authors' own posts"
    )
    assert kinds_note(["id", "text", "author_id", "author.username"]) == (
        "this twarc2 CSV has no referenced_tweets.retweeted.id, referenced_tweets.replied_to.id"
        " or referenced_tweets.quoted.id column (taken out in a spreadsheet?), so its reposts,"
        " replies and quotes were read as the authors' own posts; make the CSV again with twarc2"
        " csv from its JSONL, keeping those columns, and import it again (nothing is stored twice)"
    )


def test_lists_written_as_python_writes_them_are_read_whole() -> None:
    # twarc2 csv --no-json-encode-lists: "['@jane', '@bob']" was cut at its space into two
    # handles "['@jane'," and "'@bob']", stored as the post's mentions
    row = {"id": "9", "author_id": "1", "text": "hi", "entities.mentions": "['@Jane', '@bob']"}
    (post,) = [r for r in rows_from_twarc_csv(row) if isinstance(r, Post)]
    assert post.mentions == ("jane", "bob")


def test_two_files_joined_with_their_byte_order_marks_repeat_no_header_as_a_tweet(
    tmp_path: Path,
) -> None:
    # two "CSV UTF-8" files joined: the second header, after its BOM, was read as a tweet of
    # the account "author.username", a date 'created_at' skipped and five counts told bad
    text = FILE.read_text(encoding="utf-8")
    rows = text.splitlines(keepends=True)
    path = tmp_path / "tweets.csv"
    path.write_text("\ufeff" + text + "\ufeff" + rows[0] + rows[1], encoding="utf-8")
    items = list(TwarcCsv().read(path))
    accounts = {r.handle for i in items if isinstance(i, Record) for r in i.rows
                if isinstance(r, Account)}  # fmt: skip
    assert accounts == {"AcmeStaffing"}
    assert [p.line for p in items if isinstance(p, Problem)] == [5]  # the fixture's own
    notes = [n.message for n in items if isinstance(n, Notice)]
    assert notes[0].startswith("line 6 repeats the header (files joined one after another?)")


def test_ids_a_program_wrote_as_floats_are_read_as_the_whole_numbers(tmp_path: Path) -> None:
    # saved again with pandas, a column of ids with blanks became floats: the reply named the
    # account "2.0", which no stored account is
    header = "id,author_id,in_reply_to_user_id,text,author.id,author.username\n"
    rows = "601,1.0,,Dock shifts open,1.0,Harborline\n602,1,2.0,@pat yes,1,Harborline\n"
    path = tmp_path / "tweets.csv"
    path.write_text(header + rows, encoding="utf-8")
    items = list(TwarcCsv().read(path))
    made = [r for i in items if isinstance(i, Record) for r in i.rows]
    posts = [r for r in made if isinstance(r, Post)]
    assert [(p.author_id, p.reply_to_account_id) for p in posts] == [("1", None), ("1", "2")]
    assert {a.id for a in made if isinstance(a, Account)} == {"1"}
