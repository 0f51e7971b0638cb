"""The league table's groups: each under a line that says why its accounts stand there (too
few posts of their own, fewer pillars graded, no profile data for Face), in the terminal, the
HTML, the CSV and --json, in the same order."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from rich.console import Console

from audit_helpers import PROV, FakeScorer, FeedBuilder, audit_feed, board_ad_and_desk, store_with
from staffpulse.benchmark import run_benchmark
from staffpulse.benchmark.tiers import replies_only
from staffpulse.models import Account
from staffpulse.report.html import render_audit_html, render_benchmark_html
from staffpulse.report.spreadsheet import write_leaderboard_csv
from staffpulse.report.terminal_benchmark import render_benchmark


def test_a_face_with_no_profile_in_the_data_does_not_rank_an_account_after_a_lower_grade(
    tmp_path: Path,
) -> None:
    # QA: a C on 3 pillars topped three B's on 2, only because another file carried its bio:
    # a Face n/a (no picture, bio or name in the data) is the import's gap, not the account's
    withname = FeedBuilder("withname", display_name="", bio="")
    withname.reply("customer", 6)
    withname.foreign(2)  # its own posts in German: Mix n/a for both, unread
    noprofile = FeedBuilder("noprofile")
    noprofile.reply("customer", 6)
    noprofile.foreign(2)
    store = store_with(tmp_path, withname)
    blank = Account(platform="x", id="noprofile", handle="noprofile", name_known=False,
                    bio_known=False)  # fmt: skip
    store.upsert([blank, *noprofile.posts], PROV)
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    rows = {r["handle"]: r for r in result.leaderboard}
    assert (rows["withname"]["pillars_graded"], rows["noprofile"]["pillars_graded"]) == (3, 2)
    assert rows["noprofile"]["face"] is None
    assert rows["noprofile"]["overall"] > rows["withname"]["overall"]
    assert [r["handle"] for r in result.leaderboard] == ["noprofile", "withname"]
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=100, color_system=None), result)
    said = " ".join(buf.getvalue().split())
    # the line over the two says what their rows in the HTML say
    assert "graded on 3 of 4 pillars, or on 2 with no profile data for Face:" in said
    assert (
        "A Face n/a for want of profile data (no picture, bio or name in the data) places" in said
    )
    assert "places no account lower: it is placed as if Face were graded at the cohort's" in said
    # a Mix n/a of replies only places no account lower too: the Face's is not "the one"
    assert "the one n/a" not in said
    # one group (the Face n/a places no one lower): ranked by grade, no "later" group; the
    # Face at the median of the other account (one of two: half the cohort) can tie grades
    by_median = "The table ranks the accounts by grade (an n/a placed as if graded counts at"
    assert by_median in said and "in groups" not in said
    html = " ".join(render_benchmark_html(result).split())
    assert "graded on 2 of 4 pillars, with no profile data for Face" in html
    assert "places no account lower: it is placed as if Face were graded at the cohort" in html
    assert by_median in html and "in groups" not in html
    # 'Where you stand' says nothing of being placed after accounts graded on more
    mine = next(a for a in result.audits if a.account.handle == "noprofile")
    page = " ".join(render_audit_html(mine, result).split())
    assert "Overall: ahead of all the others;" in page and "placed after" not in page


def test_the_face_aside_is_said_only_beside_an_account_whose_face_is_n_a(tmp_path: Path) -> None:
    # every table with an account graded on fewer pillars said it, a Face n/a or not
    mixed = FeedBuilder("mixedfeed")
    mixed.chat(6)
    mixed.job(6)
    talker = FeedBuilder("talkeronly")
    talker.reply("customer", 6)
    talker.foreign(2)  # its own posts in German: Mix n/a, its Face graded
    result = run_benchmark(store_with(tmp_path, mixed, talker), scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    assert [r["pillars_graded"] for r in result.leaderboard] == [4, 3]
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=100, color_system=None), result)
    for said in (" ".join(buf.getvalue().split()), " ".join(render_benchmark_html(result).split())):
        assert "as their grade averages only the pillars they were graded on." in said
        assert "A Face n/a" not in said


def test_a_group_all_without_profile_data_is_headed_as_its_rows_are_labelled(
    tmp_path: Path,
) -> None:
    # QA: 13 help desks, each graded on 2 pillars with a Face n/a, sat under "graded on 3 of
    # 4 pillars, or on 2 and a Face with no profile data" while the HTML said "graded on 2"
    store = store_with(tmp_path)
    for handle in ("deskone", "desktwo"):
        feed = FeedBuilder(handle)
        feed.reply("customer", 6)
        feed.foreign(2)  # its own posts in German: Mix n/a
        blank = Account(platform="x", id=handle, handle=handle, name_known=False,
                        bio_known=False)  # fmt: skip
        store.upsert([blank, *feed.posts], PROV)
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=100, color_system=None), result)
    said = " ".join(buf.getvalue().split())
    html = " ".join(render_benchmark_html(result).split())
    assert "graded on 2 of 4 pillars, with no profile data for Face:" in said
    assert html.count("graded on 2 of 4 pillars, with no profile data for Face") >= 2
    assert "3 of 4" not in said + html


def test_an_account_with_too_few_posts_ranks_after_the_rest_and_the_table_says_why(
    tmp_path: Path,
) -> None:
    # a client's cohort ranked a C 60 from 2 posts above a D 50 from 58; --min-posts 1 put
    # 2-post accounts at the top with A grades
    board = FeedBuilder("bigboard", display_name="Big Board")
    board.job(14)
    tiny = FeedBuilder("tinyvoice", display_name="Tiny Voice")
    tiny.post("My honest story: I love how our new hires found their feet this week")
    tiny.reply("bigboard", 1)
    store = store_with(tmp_path, board, tiny)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,segment\nbigboard,job_board\ntinyvoice,hr\n")
    for result in (
        run_benchmark(store, cohort, scorer=FakeScorer()),  # type: ignore[arg-type]
        run_benchmark(store, scorer=FakeScorer(), min_posts=1),  # type: ignore[arg-type]
    ):
        rows = result.leaderboard
        assert rows[1]["overall"] > rows[0]["overall"]  # the better grade, from 2 posts
        assert [(r["handle"], r["rank"]) for r in rows] == [("bigboard", 1), ("tinyvoice", 2)]
        # the lower grade placed first beats no one: "beats" counts scores, not places
        assert rows[0]["percentiles"]["overall"] == 0 and rows[1]["percentiles"]["overall"] == 100
        league = csv.DictReader(
            write_leaderboard_csv(result, tmp_path / "l.csv").open(encoding="utf-8-sig")
        )
        assert [(r["rank"], r["overall_beats_pct"]) for r in league] == [("1", "0"), ("2", "100")]
        buf = io.StringIO()
        render_benchmark(Console(file=buf, width=160, color_system=None), result)
        out = buf.getvalue()
        line = "fewer than 10 posts of their own, too few to judge, ranked after the rest:"
        assert out.index("@bigboard") < out.index(line) < out.index("@tinyvoice")
        rule = "accounts with 10 or more posts of their own first, then those with fewer"
        assert rule in " ".join(out.split())
        html = render_benchmark_html(result)
        assert rule in html
        board = html[html.index('id="leaderboard"') :]
        assert board.index("@bigboard") < board.index(f"{line}</th>") < board.index("@tinyvoice")


def test_few_post_accounts_on_fewer_pillars_are_headed_as_few_and_the_rule_is_said_once(
    tmp_path: Path,
) -> None:
    # QA: under "fewer than 10 posts ..., ranked after the rest" a 1-post F, then a line
    # "graded on 3 of 4 pillars" over two C's of 3 and 4 posts, as if the rest came back, and
    # two notes each ranking by one rule "whatever its score"
    store = store_with(tmp_path, *board_ad_and_desk("helperdesk", "Helper Desk", 4))
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    rows = result.leaderboard
    assert [r["handle"] for r in rows] == ["bigboard", "onead", "helperdesk"]
    assert rows[2]["overall"] > rows[1]["overall"] and rows[2]["mix"] is None
    first = "fewer than 10 posts of their own, too few to judge, ranked after the rest:"
    later = "fewer than 10 posts of their own, graded on 3 of 4 pillars:"
    rule = (
        "The table is in groups, each under a line that says why: accounts with 10 or more"
        " posts of their own first, then those with fewer"
    )
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=100, color_system=None), result)
    said = " ".join(buf.getvalue().split())
    assert said.index("@bigboard") < said.index(first) < said.index("@onead")
    assert said.index("@onead") < said.index(later) < said.index("@helperdesk")
    assert said.count(rule) == 1 and "within each, accounts graded on all four pillars" in said
    assert "whatever its" not in said  # no second rule beside the first
    html = " ".join(render_benchmark_html(result).split())
    board_html = html[html.index('id="leaderboard"') :]
    assert board_html.index(f"{first}</th>") < board_html.index("@onead")
    assert board_html.index("@onead") < board_html.index(f"{later}</th>")
    assert board_html.index(f"{later}</th>") < board_html.index("@helperdesk")
    assert html.count(rule) == 1 and "whatever its" not in html
    # the CSV and --json list the rows in the same order
    league = csv.DictReader(
        write_leaderboard_csv(result, tmp_path / "l.csv").open(encoding="utf-8-sig")
    )
    assert [r["handle"] for r in league] == ["bigboard", "onead", "helperdesk"]
    data = json.loads(json.dumps(result.to_dict()))
    assert [r["handle"] for r in data["leaderboard"]] == ["bigboard", "onead", "helperdesk"]


def test_a_table_of_one_group_is_not_said_to_be_in_groups() -> None:
    # QA: a cohort of help desks, every Mix n/a, read "The table is in groups, each under a
    # line that says why ... a D in one group can stand above a B in a later one": it had one
    from staffpulse.benchmark.tiers import order_rule, tier_openings

    rows = [
        {"platform": "x", "handle": h, "pillars_graded": 3, "few_posts": False, "mix": None}
        for h in ("deskone", "desktwo")
    ]
    said = order_rule(rows)
    assert said is not None and "in groups" not in said and "later one" not in said
    assert said.startswith(
        "The table ranks the accounts by grade; a grade averages only the pillars the account"
        " was graded on (n/a: nothing to judge there,"
    )
    # the one line over them says why their grades are on 3 pillars
    assert list(tier_openings(rows).values()) == ["graded on 3 of 4 pillars"]
    # two groups are still said as groups
    rows[1]["pillars_graded"] = 4
    assert (order_rule(rows) or "").startswith("The table is in groups")


def test_a_desk_that_only_replies_is_ranked_by_its_grade_among_the_rest(tmp_path: Path) -> None:
    # QA: 22 care desks of a real cohort, Mix n/a for replying only, sat in a lower group
    # under a D 51; the HTML's top five read 78, 78, 51, 84, 84 and the CSV's rank 1 beat 45%
    board = FeedBuilder("lowboard", display_name="Low Board")
    board.job(12)
    desk = FeedBuilder("replydesk", display_name="Reply Desk")
    desk.reply("customer", 12)  # no original post: its mix cannot be "nothing but job ads"
    unread = FeedBuilder("unreaddesk", display_name="Unread Desk")
    unread.reply("customer", 10)
    unread.foreign(3)  # its own posts in German: Mix could not measure them
    store = store_with(tmp_path, board, desk, unread)
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    rows = result.leaderboard
    assert [r["handle"] for r in rows] == ["replydesk", "lowboard", "unreaddesk"]
    assert rows[0]["mix"] is None and rows[0]["mix_replies_only"] is True
    assert rows[0]["overall"] > rows[1]["overall"] and rows[0]["rank"] == 1
    assert rows[2]["mix_replies_only"] is False and rows[2]["rank"] == 3
    buf = io.StringIO()
    render_benchmark(Console(file=buf, width=100, color_system=None), result)
    said = " ".join(buf.getvalue().split())
    assert (
        said.index("@lowboard")
        < said.index("graded on 3 of 4 pillars:")
        < said.index("@unreaddesk")
    )
    aside = "A Mix n/a of an account that only replies (it writes no original post"
    # one account of three graded on Mix: no median stands in, the desk is placed by its grade
    assert aside in said and "placed as if Mix were graded by its own grade: fewer than" in said
    assert "The table is in groups" in said and "ranked by grade, so a D" in said
    html = " ".join(render_benchmark_html(result).split())
    assert "graded on 3 of 4 pillars, with only replies for Mix" in html  # its row
    # its Job ads n/a says why: not "Mix could not read enough of its posts"
    assert html.count('title="not scored: it only replies: no original post to count"') == 1
    # the top of the table is the table's first rows, the group said over the later one
    top = html[html.index('class="top-five"') :]
    top = top[: top.index("</table>")]
    assert (
        top.index("@replydesk")
        < top.index("@lowboard")
        < top.index("graded on 3 of 4 pillars:</th>")
        < top.index("@unreaddesk")
    )
    # the CSV's rank is the table's, with the group it is in
    league = list(
        csv.DictReader(write_leaderboard_csv(result, tmp_path / "l.csv").open(encoding="utf-8-sig"))
    )
    assert [(r["rank"], r["handle"], r["rank_group"]) for r in league] == [
        ("1", "replydesk", ""),
        ("2", "lowboard", ""),
        ("3", "unreaddesk", "pillars_3"),  # a key: the table's line says it in words
    ]


def test_the_csv_group_of_a_rank_is_a_key_a_spreadsheet_filters_on() -> None:
    # QA: rank_group held the table's English sentence; the sentence stays over the group
    from staffpulse.benchmark.tiers import tier_groups, tier_openings

    def row(handle: str, graded: int, few: bool) -> dict[str, object]:
        return {"platform": "x", "handle": handle, "pillars_graded": graded, "few_posts": few}

    rows = [row("full", 4, False), row("three", 3, False), row("tiny", 4, True)]
    rows.append(row("tinythree", 3, True))
    assert tier_groups(rows) == ["", "pillars_3", "few_posts", "few_posts pillars_3"]
    assert "graded on 3 of 4 pillars" in tier_openings(rows)[("x", "three")]


def test_a_grade_on_fewer_pillars_does_not_outrank_a_full_one_for_the_pillars_it_lacks() -> None:
    # QA: reply-only desks graded on Voice and Conversation alone took ranks 1-9 above the one
    # account graded on all four, whose grade its weaker Face and Mix pulled down
    from staffpulse.audit.config import DEFAULTS
    from staffpulse.benchmark.tiers import placing_scores

    full = FeedBuilder("fullfirm", display_name="Rosa Tamlin", bio="Recruiter in Tacoma, WA")
    full.chat(6)
    full.reply("peer", 6)
    desk = FeedBuilder("desk", display_name="", bio="")
    desk.reply("customer", 12)
    audits = [audit_feed(full), audit_feed(desk)]
    full_audit, desk_audit = audits
    desk_audit.pillars["face"].scored, desk_audit.pillars["face"].score = False, None

    def grade(audit: Any, **scores: int) -> None:
        for name, score in scores.items():
            audit.pillars[name].score = score
        counted = [p.score for p in audit.pillars.values() if p.score is not None]
        audit.overall = round(sum(counted) / len(counted))

    grade(full_audit, face=40, mix=30, voice=90, conversation=90)  # 63
    grade(desk_audit, voice=70, conversation=70)  # 70: higher, on the two pillars alone
    assert replies_only(desk_audit) and desk_audit.overall > full_audit.overall
    desk_place, full_place = placing_scores([desk_audit, full_audit], DEFAULTS["weights"])
    # placed with the cohort's Face 40 and Mix 30 (the one account graded there): 53 < 63
    assert full_place == full_audit.overall and desk_place < full_place
    # better on the pillars both were graded on: above it
    grade(desk_audit, voice=95, conversation=95)
    assert placing_scores([desk_audit, full_audit], DEFAULTS["weights"])[0] > full_place


def test_a_median_of_few_graded_accounts_places_no_desk() -> None:
    # review s40: a Mix median of 3 customers of 26 accounts (all at 100) placed every care
    # desk as if its Mix were perfect: rows tied at one rank showed 83 and 74, under a note
    # that said "ranked by grade"
    from staffpulse.audit.config import DEFAULTS
    from staffpulse.benchmark.tiers import cohort_median, order_rule, placing_scores

    assert cohort_median([100, None, None]) is None  # 1 of 3
    assert cohort_median([100, 60, None, None]) == 80  # half the cohort
    full = FeedBuilder("fullfirm", display_name="Rosa Tamlin", bio="Recruiter in Tacoma, WA")
    full.chat(6)
    full.reply("peer", 6)
    desks = []
    for name in ("deskone", "desktwo"):
        desk = FeedBuilder(name, display_name="", bio="")
        desk.reply("customer", 12)
        desks.append(desk)
    audits = [audit_feed(full), *(audit_feed(d) for d in desks)]
    assert [replies_only(a) for a in audits] == [False, True, True]
    # no Mix median from one account of three: every account is placed by its own grade
    assert placing_scores(audits, DEFAULTS["weights"]) == [a.overall for a in audits]
    rows: list[dict[str, Any]] = [
        {"platform": "x", "handle": a.account.handle, "few_posts": False, "face": 70,
         "pillars_graded": 4 - replies_only(a), "mix": a.pillars["mix"].score,
         "mix_replies_only": replies_only(a)}
        for a in audits
    ]  # fmt: skip
    said = order_rule(rows) or ""
    assert "The table ranks the accounts by grade; a grade averages" in said
    assert "placed as if Mix were graded by its own grade: fewer than half" in said
    assert "cohort's median" not in said
    # with the desks half the cohort or fewer, the median stands and the note says what it does
    rows.append({**rows[0], "handle": "another"})
    said = order_rule(rows) or ""
    assert "by grade (an n/a placed as if graded counts at the cohort's median" in said
    assert "stand above, or tie with, one of a higher grade" in said
