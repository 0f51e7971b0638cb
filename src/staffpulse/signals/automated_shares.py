"""A post an app wrote for its user, shared as it was, has no human voice.

Apps post in their user's name: a video liked or added to a playlist on YouTube, a playlist
made on Spotify, a check-in on Foursquare or Swarm, a run logged by Nike+ or Strava, an episode
logged by a TV tracker, photos posted to Facebook. The labelling guidelines count an
"automated post" as no personality, but the app writes in the first person, and "I created a
new playlist on Spotify <link>" read as the user's own making (a floor of 0.5 from
:mod:`staffpulse.signals.felt_openers`), and "I just finished a run with Nike+ <link>" scored
0.47 as personality and 0.68 as humor (both above their thresholds), so the audit's Voice
pillar counted an app's words as the firm's voice.

:func:`find_automated_shares` marks a post that *opens* with such an app's sentence and holds
its link: "I liked a @YouTube video <link> <the video's title>", "I added a video to a @YouTube
playlist <link> …", "I created a new playlist on Spotify <link>", "#NowPlaying <song> on
Spotify <link>", "I'm at <venue> (<city>, <state>) <link>", "I just checked in at <venue>",
"I just unlocked the <badge> badge on @foursquare", "I just ran 5.2 km with Nike+ Running
<link>", "I've just watched episode S02E05 of <show>! #tvshowtime <link>", "I posted 12 photos
on Facebook in the album <name> <link>". After the app's sentence only its own fields may follow
(a video's or album's title after the link, the app's hashtags, "w/ @friends"): a word of the
user's own ("I'm at Joe's Bar (Austin, TX) <link> best margaritas in town") is a voice and the
post is left to the model, and so is an app's sentence that the user opens with words of
their own ("Coffee time! I'm at …"), or one naming no app and no app's field: "I liked a video
<link> this made my week lol", "I'm at a loss (honestly, who approved this?) <link>", "I'm at
the Marketing Summit in Austin, Texas this week <link>" (a place reads as the app writes it:
capitalised words or numbers, ending at the link). :data:`AUTOMATED_SHARE_BOUNDS` caps its personality and
humor below their thresholds; its other signals keep the model's scores.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.batch_scan import SEP, posts_matching

__all__ = ["AUTOMATED_SHARE_BOUNDS", "AUTOMATED_SHARE_SCORE", "find_automated_shares"]

#: The highest personality and humor score of an app's post (thresholds 0.29 and 0.67).
AUTOMATED_SHARE_SCORE = 0.1
#: (lowest, highest) score per signal for such a post, as ``job_ads.PATTERN_BOUNDS``.
AUTOMATED_SHARE_BOUNDS: dict[str, tuple[float, float]] = {
    "personality": (0.0, AUTOMATED_SHARE_SCORE),
    "humor": (0.0, AUTOMATED_SHARE_SCORE),
}

# no pattern here crosses the "\x1e" between the posts of a scanned batch
_LINK = r"(?:https?://|www\.)[^\s\x1e]+"
_APOSTROPHE = r"['\u2019]"
_FITNESS_APPS = (
    r"(?:nike ?\+(?:[ ]?(?:running|run club|gps))?|#?nikeplus|nike run club|@?runkeeper|"
    r"@?strava|@?endomondo|@?mapmy(?:run|ride|walk|fitness)|@?runtastic|@?fitbit)"
)
# An app's sentence, at the start of a post, up to its link. Each names the app or the fields
# only an app fills in ("S02E05", "(Austin, TX)"), and holds nothing else but the names it
# copies (a venue's, a show's, an album's): a person's "I'm at the gym <photo>" is not one
_ANY = r"[^\n\x1e]"
_BLANK = r"[ \t]+"
_TAGS = r"[ \t.!:-]*(?:#\w+[ \t.!]*)*"  # the app's punctuation and hashtags before its link
# YouTube names itself ("a @YouTube video", "a video to a @YouTube playlist"); the video's title
# follows its link. "I liked a video <link> this made my week" names no app: a person's words
_YOUTUBE = (
    r"i (?:liked|favorited|added|uploaded) an? (?:@?youtube video|video to an? @?youtube playlist)"
    rf"(?: from @\w+)?:?{_BLANK}{_LINK}"
)
# a place as Foursquare writes it: one to four words, each capitalised or a number ("Austin",
# "TX", "123 Main St"), so "(honestly, who approved this?)" or "in Austin, Texas this week" is none
_PLACE = r"(?-i:[A-Z0-9][\w.'&-]*(?: [A-Z0-9][\w.'&-]*){0,3})"
_APP_SENTENCES = (
    _YOUTUBE,
    # Spotify
    rf"i (?:just )?(?:created|made|updated) an? (?:new )?playlist on @?#?spotify\b{_TAGS}{_LINK}",
    # (a song's title and artist: "our new podcast episode" is the user's own words)
    rf"#?now ?playing\b(?:(?!\b(?:our|my)\b){_ANY}){{1,100}}? on @?#?spotify\b{_TAGS}{_LINK}",
    # Foursquare and Swarm: a venue, then its city and state, in parentheses or after "in"
    # (a venue's name is capitalised: "I'm at the office (…)" is a person's)
    rf"i{_APOSTROPHE}?m at (?-i:[A-Z0-9]){_ANY}{{0,80}}?(?:\({_PLACE}, {_PLACE}\)"
    rf"|\bin {_PLACE}, {_PLACE})"
    rf"(?: w/ {_ANY}{{1,60}}?)?{_BLANK}{_LINK}",
    r"i (?:just )?(?:unlocked the [^\n\x1e]{1,60}? badge|became the mayor of [^\n\x1e]{1,60}?|"
    r"checked in at [^\n\x1e]{1,60}?) (?:on|with|via) @?#?(?:foursquare|swarm(?:app)?)\b"
    rf"{_TAGS}{_LINK}",
    # fitness trackers: a run, a walk or a ride logged (its distance, time and pace before the app)
    rf"i(?:{_APOSTROPHE}ve| have)? just (?:finished|completed|ran|walked|rode|logged|tracked) "
    rf"(?:[^\n\x1e.!?]|\.(?=\d)){{0,40}}?(?:with|on|using|via) {_FITNESS_APPS}(?!\w){_TAGS}{_LINK}",
    # TV trackers
    rf"i(?:{_APOSTROPHE}ve| have)? just watched episode s\d+e\d+ of {_ANY}{{1,80}}?"
    rf"#?(?:tvshowtime|trakt|getglue)\b{_TAGS}{_LINK}",
    # Facebook: the album's name
    rf"i posted (?:an? new|\d+) photos? (?:to|on) facebook(?: in the album {_ANY}{{1,60}}?)?"
    rf"{_BLANK}{_LINK}",
)
# opens the post (after the batch separator): the engine skips ahead to each separator
_OPENS_WITH_APP = re.compile(rf"{SEP}[ \t\n]*(?:{'|'.join(_APP_SENTENCES)})", re.IGNORECASE)
_APP_SENTENCE = re.compile(rf"\s*(?:{'|'.join(_APP_SENTENCES)})", re.IGNORECASE)
# the title of a video that YouTube copies after its link: the user did not write it
_TITLE_FOLLOWS = re.compile(rf"\s*{_YOUTUBE}", re.IGNORECASE)
# what an app adds after its link: more links, its hashtags, mentions, "w/ @friend"
_APP_FIELDS = re.compile(rf"(?:\s|[!.,:;()|/-]|{_LINK}|#\w+|@\w+|w/)*", re.IGNORECASE)


def _is_app_post(text: str) -> bool:
    """The post is an app's sentence and nothing of the user's own after it."""
    sentence = _APP_SENTENCE.match(text)
    if sentence is None:
        return False
    if _TITLE_FOLLOWS.match(text):
        return True
    return _APP_FIELDS.fullmatch(text, sentence.end()) is not None


def find_automated_shares(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether an app wrote it for its user (see the module docstring)."""
    out = np.zeros(len(texts), dtype=bool)
    for i in posts_matching(texts, (_OPENS_WITH_APP,)):
        out[i] = _is_app_post(texts[i])
    return out
