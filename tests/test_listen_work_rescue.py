"""Short work questions the classifier turns down still reach the inbox, saying why; a post
naming no work, or naming it only in passing, stays out; stores judged under the older rules
are judged again once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from _listen_fakes import FakeScorer
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.relevance import Keywords, RelevanceFilter
from staffpulse.listen.schema import RelevanceRow, save_relevance
from staffpulse.listen.work_rescue import rescue_words
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store

NOW = datetime.now(UTC)
# the fake classifier, like the real one (0.10), knows no "placement fee"
FEE = "Is a 25% placement fee normal?"


def post(pid: str, text: str) -> Post:
    return Post(platform="x", id=pid, author_id=f"u{pid}", text=text,
                created_at=NOW - timedelta(hours=1))  # fmt: skip


def add(store: Store, tmp_path: Path, *posts: Post) -> None:
    store.upsert(list(posts), provenance("twarc2", tmp_path / "search.jsonl"))


def test_only_questions_that_dwell_on_work_are_rescued() -> None:
    assert rescue_words(FEE) == ("placement fee",)
    assert rescue_words("How long is a normal notice period in the UK?") == ("notice period",)
    assert rescue_words("A 25% placement fee is normal.") == ()  # no question
    assert rescue_words("Is the new phone worth it?") == ()  # no work word
    assert rescue_words("Anyone else love their job today?") == ()  # a lone "job": in passing
    # a hook before a link sends the room to the link: an ad's, not a question to answer
    assert rescue_words("Need temp staff? Our agency fees are the lowest: https://x.example") == ()
    assert rescue_words("Does that mean you will resume flights by then?") == ()  # the verb


def test_the_filter_keeps_them_only_where_the_classifier_said_no() -> None:
    verdicts = RelevanceFilter(scorer=FakeScorer()).judge(
        [FEE, "What a sunset tonight, anyone else see it?", "Any hiring tips?"]
    )
    assert [v.keep for v in verdicts] == [True, False, True]
    assert verdicts[0].score < 0.5 and verdicts[0].rescued == ("placement fee",)
    assert verdicts[2].rescued == ()  # the classifier kept it: nothing to rescue
    # without a classifier the user's keywords alone decide
    only_words = RelevanceFilter(keywords=Keywords.of(["salary"])).judge([FEE])
    assert not only_words[0].keep


def test_a_short_staffing_question_reaches_the_inbox_and_says_why(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        add(store, tmp_path, post("fee", FEE), post("sun", "What a sunset tonight, anyone see it?"))
        scorer: Any = FakeScorer()
        result = build_inbox(store, text_model=scorer, role_model=None)
    assert [i.conversation_id for i in result.items] == ["fee"]
    assert result.counts["conversations"] == 1  # the sunset never entered
    reasons = " ".join(result.items[0].reasons)
    assert "a work question in so many words ('placement fee')" in reasons
    assert "scored it low" in reasons


def test_a_store_judged_under_the_older_rules_is_judged_again_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        add(store, tmp_path, post("fee", FEE))
        with store.transaction() as conn:  # turned down before the rescue existed
            save_relevance(conn, [RelevanceRow("x", "fee", 0.1, (), "store", relevant=False)])
        scorer: Any = FakeScorer()
        first = build_inbox(store, text_model=scorer, role_model=None)
        assert [i.conversation_id for i in first.items] == ["fee"]
        assert first.work_note is None  # judged again from its stored score, not read anew
        # once: a verdict set back by hand is not judged again on the next run
        store.conn.execute("UPDATE listen_relevance SET relevant = 0")
        again = build_inbox(store, text_model=scorer, role_model=None)
    assert again.items == []


def test_a_question_about_an_actors_interviews_is_not_rescued() -> None:
    assert rescue_words("where are all of dana's interviews? all the other actors did some") == ()
    assert rescue_words("How many interviews is too many for one junior role?") == ("interviews",)


def test_a_picket_line_or_lockout_tagout_reaches_the_inbox_and_says_why(
    tmp_path: Path,
) -> None:
    picket = "Week two on the picket line outside the bottling plant, soup run at noon"
    loto = "Our lockout/tagout refresher for the new press operators runs Thursday"
    with open_store(tmp_path / "s.db") as store:
        add(store, tmp_path, post("picket", picket), post("loto", loto))
        scorer: Any = FakeScorer()
        result = build_inbox(store, text_model=scorer, role_model=None)
    items = {i.conversation_id: i for i in result.items}
    assert set(items) == {"picket", "loto"}
    assert "work in so many words ('picket line')" in " ".join(items["picket"].reasons)
    # a labour dispute is joined with care: no side taken
    assert "take no side" in items["picket"].angle
    assert "workplace safety" in items["loto"].angle


def test_the_other_senses_of_the_disputes_words_are_not_rescued() -> None:
    assert rescue_words("Lightning strikes at the marina again, the sailboats are fine") == ()
    assert rescue_words("Two strikes against him already this inning") == ()
    assert rescue_words("Painted the white picket fence this weekend") == ()


@pytest.mark.parametrize(
    "text",
    [
        # a lottery, a protest picketed, a crowd walking out
        "LOTO results tonight at the corner shop, fingers crossed",
        "Protesters picketed the council's new car park all weekend",
        "Fans staging a walkout at the concert after the encore got cut",
    ],
)
def test_words_a_lottery_or_a_protest_shares_are_not_rescued(text: str) -> None:
    assert rescue_words(text) == ()


def test_lockout_tagout_by_its_letters_is_rescued_beside_its_training() -> None:
    assert rescue_words("LOTO refresher done, every press locked before maintenance") == ("loto",)


def test_a_wage_question_nobody_applies_for_reaches_the_inbox_and_says_why(
    tmp_path: Path,
) -> None:
    # the pay alone ("$12 an hour", no "paid") is no work word: the opening nobody applies for is
    wage = "$12 an hour to care for patients overnight? No wonder nobody applies"
    assert rescue_words(wage) == ("nobody applies",)
    # the other senses: a rule, a cream, the brakes
    assert rescue_words("Why is there a rule if nobody applies it?") == ()
    assert rescue_words("Nobody applies sunscreen at the beach anymore?") == ()
    with open_store(tmp_path / "s.db") as store:
        add(store, tmp_path, post("wage", wage))
        scorer: Any = FakeScorer()
        result = build_inbox(store, text_model=scorer, role_model=None)
    assert [i.conversation_id for i in result.items] == ["wage"]
    assert "a work question in so many words ('nobody applies')" in " ".join(
        result.items[0].reasons
    )
