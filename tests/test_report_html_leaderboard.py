"""The benchmark report's leaderboard cells, as a reader sees them."""

from __future__ import annotations

import re
from pathlib import Path

from audit_helpers import FakeScorer, FeedBuilder, store_with
from report_html_helpers import two_account_results
from staffpulse.benchmark import run_benchmark
from staffpulse.report.html import render_benchmark_html


def _account_lines(html: str) -> list[str]:
    board = html.split('<table class="leaderboard stack">')[1].split("</table>")[0]
    cells = re.findall(r'<td class="account">.*?<div class="faint">(.*?)</div>', board, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells]


def test_an_account_without_a_display_name_has_no_dangling_separator(tmp_path: Path) -> None:
    # help desks imported from customer-care dialogs have a handle and no display name: the
    # line under the handle read "· X · last post …", a separator after nothing
    named = FeedBuilder("rosa", display_name="Rosa Tamlin")
    bare = FeedBuilder("helpdesk")
    for feed in (named, bare):
        feed.chat(3)
        feed.job(1)
    bench = run_benchmark(store_with(tmp_path, named, bare), scorer=FakeScorer())  # type: ignore[arg-type]
    lines = _account_lines(render_benchmark_html(bench))
    assert len(lines) == 2
    assert any(line.startswith("Rosa Tamlin · X") for line in lines)
    assert any(line.startswith("X") for line in lines)
    assert not any(line.startswith("·") for line in lines)


def test_an_account_of_reposts_is_a_rough_grade_as_its_audit_says(tmp_path: Path) -> None:
    # 2 posts of its own and 28 reposts (a real Bluesky feed): the audit says "Rough grade:
    # only 2 posts of your own"; the league table called its 30 posts no rough grade
    sharer = FeedBuilder("sharer", display_name="Sam Sharer")
    sharer.chat(2)
    for i in range(28):
        sharer.post(f"Shared {i}", kind="repost", reposted_post_id=f"other-{i}")
    writer = FeedBuilder("writer", display_name="Wren Writer")
    writer.chat(12)
    # --min-posts 1: by default an account with 2 posts of its own is left out of the table
    store = store_with(tmp_path, sharer, writer)
    bench = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    rows = {row["handle"]: row for row in bench.leaderboard}
    assert rows["sharer"]["posts"] == 30 and rows["sharer"]["own_posts"] == 2
    assert rows["sharer"]["few_posts"] and not rows["writer"]["few_posts"]
    lines = _account_lines(render_benchmark_html(bench))
    assert any("only 2 posts of its own: a rough grade" in line for line in lines)


def test_leaderboard_fix_is_cut_at_a_sentence_not_an_abbreviation() -> None:
    from staffpulse.report.html import first_sentence

    advice = 'Add a person to your display name, e.g. "Rosa at Acme", so people see a human. Then.'
    assert (
        first_sentence(advice)
        == 'Add a person to your display name, e.g. "Rosa at Acme", so people see a human.'
    )
    assert first_sentence("Reply to three people in your niche each week; then post.") == (
        "Reply to three people in your niche each week."
    )


def test_the_leaderboard_fix_sits_under_the_account_name(tmp_path: Path) -> None:
    """Ten columns did not fit a laptop's card (QA16 #7): the fix is part of the account's cell,
    which wraps, and each number cell names itself for the stacked phone layout."""
    _, bench = two_account_results(tmp_path)
    html = render_benchmark_html(bench)
    board = html.split('<table class="leaderboard stack">')[1].split("</table>")[0]
    rows = board.split("<tbody>")[1].split("</tr>")[:-1]
    assert len(rows) == len(bench.leaderboard)
    for row, entry in zip(rows, bench.leaderboard, strict=True):
        account = row.split('<td class="account">')[1].split("</td>")[0]
        assert '<span class="fix-label">Fix first:</span>' in account
        assert f"@{entry['handle']}" in account
        assert 'data-label="Conversation"' in row and 'data-label="Job ads"' in row
    assert "Most important fix" not in board.split("</thead>")[1]  # no tenth column


def test_an_account_of_reposts_only_is_not_said_to_have_only_0_posts(tmp_path: Path) -> None:
    # a real X cohort line of 3 reposts read "only 0 posts of its own: a rough grade"
    sharer = FeedBuilder("sharer")
    for i in range(3):
        sharer.post(f"RT @peer: shared {i}", kind="repost", reposted_post_id=f"other-{i}")
    writer = FeedBuilder("writer")
    writer.chat(4)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle\nsharer\nwriter\n")
    bench = run_benchmark(store_with(tmp_path, sharer, writer), cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    lines = _account_lines(render_benchmark_html(bench))
    assert any("no post of its own, only reposts: a rough grade" in line for line in lines)
    assert any("only 4 posts of its own: a rough grade" in line for line in lines)
    assert not any("0 posts" in line for line in lines)


def test_a_pillar_not_scored_for_posts_not_in_english_says_so_not_nothing_to_judge(
    tmp_path: Path,
) -> None:
    # a firm with 50 original posts in Spanish: its Mix and Voice cells read "not scored:
    # nothing to judge", untrue of a feed that full
    spanish = FeedBuilder("empleos", display_name="Ana de Empleos Sur")
    for i in range(12):
        spanish.post(
            f"Buscamos operarios de almacén en Sevilla, turno de mañana número {i}", lang="es"
        )
    english = FeedBuilder("rosa", display_name="Rosa Tamlin")
    english.chat(12)
    bench = run_benchmark(store_with(tmp_path, spanish, english), scorer=FakeScorer())  # type: ignore[arg-type]
    rows = {row["handle"]: row for row in bench.leaderboard}
    assert rows["empleos"]["mix"] is None and rows["empleos"]["voice"] is None
    html = render_benchmark_html(bench)
    assert 'title="not scored: no original posts, or too few in English to read">n/a' in html
    assert 'title="not scored: no posts of its own, or too few in English to read">n/a' in html
    assert 'nothing to judge"' not in html
    assert "posts mostly not in English, which staffpulse cannot read" in html


def test_a_rough_grade_is_said_once_in_its_row_while_the_csv_keeps_it(tmp_path: Path) -> None:
    # the row's line said "only 3 posts of its own: a rough grade" and its fix "(judged on 3
    # posts: a rough grade)" below it; the CSV has no such line, so its fix keeps the note
    small = FeedBuilder("smallfirm", display_name="Sam Small")
    small.chat(3)
    writer = FeedBuilder("writer", display_name="Wren Writer")
    writer.chat(12)
    bench = run_benchmark(store_with(tmp_path, small, writer), scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    row = next(r for r in bench.leaderboard if r["handle"] == "smallfirm")
    assert row["top_action"].endswith(" (judged on 3 posts: a rough grade)")
    assert "rough grade" not in row["fix_first"]
    board = render_benchmark_html(bench).split('<table class="leaderboard stack">')[1]
    cell = board.split("@smallfirm")[1].split("</td>")[0]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell))
    assert text.count("rough grade") == 1
    assert "only 3 posts of its own: a rough grade" in text


def test_the_top_of_the_table_says_fewer_pillars_under_the_handle_not_beside_the_score(
    tmp_path: Path,
) -> None:
    # in the score's cell the long note took the handle's room: "@Aceh|elpd|esk" on a laptop
    graded = FeedBuilder("helpdeskwithalongname")
    for i in range(12):
        graded.post(f"@client{i} Ticket {i} has been logged with code {i * 7}.", kind="reply")
    writer = FeedBuilder("writer", display_name="Wren Writer")
    writer.chat(12)
    bench = run_benchmark(store_with(tmp_path, graded, writer), scorer=FakeScorer())  # type: ignore[arg-type]
    top = render_benchmark_html(bench).split("Top of the table")[1].split("</table>")[0]
    row = top.split("helpdeskwithalongname")[1].split("</tr>")[0]
    handle_cell, score_cell = row.split('<td class="num">')
    assert "graded on" in handle_cell
    assert "graded on" not in score_cell


def test_the_grades_and_top_of_the_table_name_their_columns(tmp_path: Path) -> None:
    # a screen reader read the summary's tables as bare cells: "A, 1", "1., @rosa, 74"
    _audit, bench = two_account_results(tmp_path)
    html = render_benchmark_html(bench)
    grades = html.split("<h2>Grades</h2>")[1].split("</table>")[0]
    assert '<th scope="col">Grade</th><th scope="col" class="num">Accounts</th>' in grades
    top = html.split("<h2>Top of the table</h2>")[1].split("</table>")[0]
    heads = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', top)
    assert heads == ["#", "Account", "Overall"]
