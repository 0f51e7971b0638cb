"""A post an app wrote for its user has no voice; the user's own words beside it do."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from staffpulse.signals import automated_shares
from staffpulse.signals.automated_shares import find_automated_shares
from staffpulse.signals.batch_scan import SEP
from staffpulse.signals.pattern_bounds import bound_by_patterns

LINK = "https://t.co/q8Zr2mXw"


@pytest.mark.parametrize(
    "text",
    [
        f"I created a new playlist on Spotify {LINK}",
        f"#NowPlaying Wagon Wheel Revisited by The Porch Lights on #Spotify {LINK}",
        f"I liked a @YouTube video {LINK} How we rebuilt our shed roof in one weekend",
        f"I liked a @YouTube video from @gardenvlogs {LINK} Tomatoes in pots, week 6",
        f"I added a video to a @YouTube playlist {LINK} Sourdough starter day 3",
        f"I'm at Harbor Street Diner (Portland, ME) {LINK}",
        f"I'm at Ridgeview Trailhead in Boulder, CO w/ @mara_k {LINK}",
        f"I'm at Pier 9 Coffee (410 Bay St, Tacoma) {LINK}",
        f"I'm at Union Station in Kansas City, MO {LINK}",
        f'I just unlocked the "Night Owl" badge on @foursquare! {LINK}',
        f"I just finished a run with Nike+ {LINK}",
        f"I just ran 6.4 km with Nike+ Running. #nikeplus {LINK}",
        f"I've just watched episode S01E07 of Harbor Lights! #tvshowtime {LINK}",
        f'I posted 23 photos on Facebook in the album "Cabin trip" {LINK}',
    ],
)
def test_an_apps_own_sentence_with_its_link_is_an_automated_share(text: str) -> None:
    assert find_automated_shares([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        # the user's own words after the app's, or before it
        f"I'm at Harbor Street Diner (Portland, ME) {LINK} best chowder on the coast honestly",
        f"Finally some sun! I'm at Harbor Street Diner (Portland, ME) {LINK}",
        f"I just finished a run with Nike+ and my calves are on fire {LINK}",
        # no app named, no app's fields: a person's own post
        f"I'm at work in the office again, send snacks {LINK}",
        f"I created a new playlist for our road trip and it slaps {LINK}",
        f"I just checked in at the vet with our puppy, wish us luck {LINK}",
        f"I made a tiny app that turns my playlists into posters {LINK}",
        # no link: no app shared it
        "I created a new playlist on Spotify and nobody will ever hear it",
        # no app named: "a video" alone is the user's, and so is what follows its link
        f"I liked a video {LINK} our intern made about the coffee machine, crying laughing",
        f"I uploaded a video {LINK} from the warehouse picnic, look at those sack races",
        f"#NowPlaying my own interview on the careers podcast on Spotify {LINK}",
        # a parenthesis or an "in …, …" that is no place as the app writes it
        f"I'm at my wits' end (seriously, who schedules this?) {LINK}",
        f"I'm at the dentist (again, third time) {LINK}",
        f"I'm at Gina's (yes, the famous one) {LINK}",
        f"I'm at the Hiring Expo in Tulsa, Oklahoma all day tomorrow {LINK}",
        f"I'm at HR Fest in Reno, NV giving a talk {LINK}",
        f"I'm at the office in Leeds, West Yorkshire {LINK}",
    ],
)
def test_a_users_own_words_are_no_automated_share(text: str) -> None:
    assert not find_automated_shares([text])[0]


def test_an_apps_post_loses_the_voice_its_i_gave_it_and_a_persons_keeps_it() -> None:
    signals = ["job_opening", "work_topic", "personality", "humor"]
    app = f"I created a new playlist on Spotify {LINK}"  # "I created" opens a maker's post
    own = f"I made a little tool that tidies my photo folders {LINK}"
    scores = np.array([[0.01, 0.04, 0.22, 0.33], [0.01, 0.05, 0.22, 0.33]], dtype=np.float32)
    bound_by_patterns(scores, [app, own], signals)
    np.testing.assert_allclose(scores[0], [0.01, 0.04, 0.1, 0.1], atol=1e-6)
    np.testing.assert_allclose(scores[1], [0.01, 0.05, 0.5, 0.33], atol=1e-6)


def test_each_post_of_a_batch_is_read_on_its_own() -> None:
    texts = [
        "I'm at my desk",  # an app's opening with no link, before an app's post
        f"I liked a @YouTube video {LINK} Knife sharpening basics",
        "",
        f"I'm at Harbor Street Diner (Portland, ME) {LINK}",
        f"Morning all {LINK}",
    ]
    assert find_automated_shares(texts).tolist() == [False, True, False, True, False]


# the app's sentence is anchored on the batch's separator: a post that is one is found alone
# and between other posts alike, and credits none of its neighbours
SENTENCES = [
    pytest.param(re.compile(sentence, re.IGNORECASE), id=sentence[:40])
    for sentence in automated_shares._APP_SENTENCES
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_an_apps_sentence_is_credited_to_its_own_post_in_a_batch(
    sentence: re.Pattern[str],
) -> None:
    @settings(max_examples=10, deadline=None, derandomize=True, database=None)
    @given(st.from_regex(sentence, fullmatch=True, alphabet=st.characters(exclude_characters=SEP)))
    def credited_alone(text: str) -> None:
        alone = find_automated_shares([text]).tolist()
        batch = find_automated_shares(["I'm at home", text, "see the link"]).tolist()
        assert alone == [True], text
        assert batch == [False, True, False], text

    credited_alone()
