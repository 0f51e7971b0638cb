"""Entries to a TV show's hashtag game are jokes for the show: the inbox leaves them out and
says so ("jokes for a TV hashtag game"), while a night-shift post that says "@midnight" for the
hour stays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from staffpulse.listen.hashtag_games import is_hashtag_game_entry
from staffpulse.listen.left_out import left_out_note
from staffpulse.listen.moderation import moderate
from staffpulse.listen.rank import RankContext, rank
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    [
        "#FiredOnDayOne I alphabetised the CEO's snack drawer by calorie count @midnight",
        "@midnight #WorstJobIn4Words: professional sock matcher",
        "Reorganised the supply closet by vibes #FiredOnDayOne #HashtagWars",
        "My manager asked for synergy so I brought a glue stick #BossFails #PointsMe",
        "#MyInternshipInFiveWords coffee runs, then more coffee",
        "Told my boss his tie matched the carpet #WorkFails @FallonTonight",
    ],
)
def test_an_entry_to_a_tv_hashtag_game_is_left_out(text: str) -> None:
    assert is_hashtag_game_entry(text)
    assert moderate(text).hashtag_game


@pytest.mark.parametrize(
    "text",
    [
        # "@midnight" as the hour, not the show
        "My warehouse shift starts @midnight and the bus stops at 11. Anyone else commute at night?",
        "Clock in @midnight, clock out at 8 #nightshift",
        "How do you keep a night crew motivated after a bad week? #leadership #management",
    ],
)
def test_work_talk_is_no_hashtag_game(text: str) -> None:
    assert not is_hashtag_game_entry(text)
    assert not moderate(text).hashtag_game


def _conversation(cid: str, text: str) -> Conversation:
    opening = Post(
        platform="x", id=cid, author_id="a", text=text, created_at=NOW - timedelta(hours=1)
    )
    return Conversation("x", cid, (opening,))


def test_the_inbox_leaves_a_game_entry_out_and_names_why() -> None:
    game = _conversation(
        "game", "#FiredOnDayOne I told my manager the quarterly report was a comedy @midnight"
    )
    talk = _conversation("talk", "How do you tell a manager the quarterly targets are unrealistic?")
    by_id = {r.conversation.id: r for r in rank([game, talk], RankContext(now=NOW))}
    assert by_id["game"].left_out == "hashtag_game"
    assert "a joke for a TV hashtag game: not a conversation to join" in by_id["game"].cautions
    assert by_id["talk"].left_out is None
    assert by_id["talk"].score > by_id["game"].score
    assert left_out_note({"hashtag_game": 2}) == (
        "left out 2 jokes for a TV hashtag game: not conversations to join"
    )
