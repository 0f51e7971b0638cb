"""Posts that take a side in party politics are never offered to imitate
(staffpulse.audit.politics, read by staffpulse.audit.examples.rank_examples)."""

from __future__ import annotations

import numpy as np

from audit_helpers import FakeScorer, FeedBuilder
from staffpulse.audit.engine import build_frame, texts_to_score
from staffpulse.audit.examples import rank_examples
from staffpulse.audit.politics import read_for_imitation, takes_sides
from staffpulse.audit.signals import score_texts


def _sides(text: str) -> bool:
    return takes_sides(read_for_imitation(text))


def test_partisan_hashtags_are_read_word_by_word() -> None:
    assert _sides("Who knew a trade deal was this hard? #TorySleaze #GlobalMess")
    assert _sides("What a week for the country #BrexitChaos")
    # a tag that names no party stays fine, and so does one a party name only starts
    assert not _sides("Our new office is open! #TeamSpirit #FridayFeeling")
    assert not _sides("Great evening with the #Trumpeters brass band")
    # "resist" takes a side only as the movement, whose tag splits as "#The Resistance"
    assert _sides("Marching downtown again #TheResistance")
    assert not _sides("I cannot resist a good interview question")


def test_a_tag_word_partisan_only_as_a_whole_tag_stays_so_inside_another_tag() -> None:
    # the tag's words were read with its "#": "#ResistanceTraining" read as "#Resistance
    # Training", the movement, though the inbox (which reads tags whole) let it be
    assert not _sides("Leg day done, knees complaining #ResistanceTraining #GymLife")
    assert not _sides("New kit for the warehouse team gym #ResistanceBands")
    # the movement's own tags still take a side, whole or as a tag's words
    assert _sides("Out on the streets again this weekend #Resistance")
    assert _sides("Signs are ready for Saturday #JoinTheResistance")
    assert _sides("Another week, another mess #StopBrexit")


def test_politicians_by_name_nickname_or_office_handle_take_a_side() -> None:
    assert _sides("@someone Honestly, nobody at our desk ever took Palin seriously")
    assert _sides("Amtrak Joe was on the evening news again, talking about trains")
    assert _sides("@a @b @VP Why do you keep repeating those talking points")
    # a job title or a word that only starts like a name is no politics
    assert not _sides("Our VP of Sales loves palindromes and a good pun")


def test_a_work_post_naming_a_party_is_not_offered_to_imitate_though_the_inbox_joins_it() -> None:
    # the inbox joins a work matter that names a party; the firm would not write it as its own
    said = read_for_imitation("Brexit made it harder to hire nurses in our region this year")
    assert said.politics and not said.partisan and takes_sides(said)


def test_rank_examples_skips_a_post_taking_sides_by_hashtag() -> None:
    feed = FeedBuilder("rosa")
    feed.post("Who knew Global Britain meant no trade deal with anyone at all? #ToryShambles")
    feed.post("Story time: our office dog juggles tennis balls at every single shift change")
    index, scored = texts_to_score(feed.posts)
    signals = score_texts(scored, FakeScorer(), detect_templates=False)
    frame = build_frame(feed.posts, index, signals)
    assert rank_examples(frame, np.arange(2), np.array([5.0, 1.0])).tolist() == [1]
