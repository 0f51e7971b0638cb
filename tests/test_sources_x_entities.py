"""The entities of v1.1 and v2 tweets read alike: same handles, tags and links."""

from __future__ import annotations

from typing import Any

import pytest

from staffpulse.sources.x_entities import V1_KEYS, V2_KEYS, read_entities

LINKS = [
    {"url": "https://t.co/a", "expanded_url": "https://acme.example/jobs"},
    {"url": "https://t.co/b"},  # no expansion: the short link is all there is
    {"display_url": "acme.example"},  # neither: nothing to keep
    "https://not-an-object",
]


def test_v1_and_v2_entities_give_the_same_fields() -> None:
    v1 = {
        "user_mentions": [{"screen_name": "JaneDoe"}, {"screen_name": "@janedoe"}, {"id": 3}],
        "hashtags": [{"text": "hiring"}, {"text": ""}],
        "urls": LINKS,
    }
    v2 = {
        "mentions": [{"username": "JaneDoe"}, {"username": "janedoe"}, None],
        "hashtags": [{"tag": "hiring"}, {"text": "v1-shaped"}],
        "urls": LINKS,
    }
    expected = (("janedoe",), ("hiring",), ("https://acme.example/jobs", "https://t.co/b"))
    assert read_entities(v1, V1_KEYS) == expected
    assert read_entities(v2, V2_KEYS) == expected


@pytest.mark.parametrize("ents", [None, [], "entities", {"mentions": "x", "urls": {}}])
def test_malformed_entities_give_nothing_rather_than_an_error(ents: Any) -> None:
    assert read_entities(ents, V2_KEYS) == ((), (), ())


def test_x_text_is_decoded_once() -> None:
    from staffpulse.sources.x_entities import decode_x_text

    assert decode_x_text("exciting &amp; impactful &lt;progressive-image&gt;") == (
        "exciting & impactful <progressive-image>"
    )
    assert decode_x_text("AT&amp;amp;T") == "AT&amp;T"  # one layer, as X added one
    assert (
        decode_x_text("&quot;kept&quot; &nbsp;") == "&quot;kept&quot; &nbsp;"
    )  # X sends these as is
