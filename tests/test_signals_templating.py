"""Templating: masked near-duplicate families within one feed."""

from __future__ import annotations

from typing import Any

import numpy as np

from staffpulse.signals import templating
from staffpulse.signals.templating import (
    MIN_TOKENS,
    MIN_WORDS,
    TemplateResult,
    detect_templates,
    mask_text,
    masked_template,
    own_words,
)

ADS = [
    "We're #hiring a Forklift Operator in Dayton, OH! Apply: https://t.co/a1 #jobs",
    "We're #hiring a Registered Nurse in Tulsa, OK! Apply: https://t.co/b2 #nursing",
    "We're #hiring a Line Cook in Boise, ID! Apply: https://t.co/c3 #jobs",
    "We're #hiring a Data Analyst in Leeds! Apply: https://t.co/d4 #tech",
]
PROMO = [
    "Only 3 days left to save 20% on every order at our store https://t.co/p1",
    "Only 5 days left to save 15% on every order at our store https://t.co/p2",
]
HUMAN = [
    "Had a great time at the conference today, thanks everyone for coming out!",
    "Is anyone else watching the game tonight? what a finish",
    "Coffee first, then emails. That is the rule in this house.",
]


def test_mask_text_hides_variable_parts() -> None:
    masked = mask_text("Hiring a Forklift Operator in Dayton, OH: https://x.co/1 @bob #jobs 15.5k")
    for hidden in ("forklift", "dayton", "https", "bob", "jobs", "15"):
        assert hidden not in masked
    for kept in ("<name>", "<url>", "<user>", "<tag>", "<num>"):
        assert kept in masked


def test_families_and_share() -> None:
    texts = [ADS[0], HUMAN[0], ADS[1], PROMO[0], HUMAN[1], ADS[2], PROMO[1], ADS[3], HUMAN[2]]
    res = detect_templates(texts)
    assert isinstance(res, TemplateResult)
    assert res.templated.dtype == bool and res.family.dtype == np.int64
    assert len(res.families) == 2
    biggest = res.families[0]
    assert biggest.size == 4 and biggest.members == [0, 2, 5, 7]
    assert "<url>" in biggest.pattern and biggest.example in biggest.members
    assert res.families[1].members == [3, 6]
    assert not res.templated[[1, 4, 8]].any()
    assert res.family[1] == -1
    assert abs(res.share - 6 / 9) < 1e-9
    assert set(res.family[res.templated]) == {0, 1}


def test_no_templates_in_varied_feed() -> None:
    res = detect_templates(HUMAN)
    assert res.share == 0.0 and res.families == [] and (res.family == -1).all()


def test_edge_cases() -> None:
    assert detect_templates([]).templated.shape == (0,)
    one = detect_templates(["just one post here today"])
    assert one.share == 0.0
    # bare links are not templates: too few tokens once masked
    links = detect_templates(["https://t.co/a", "https://t.co/b", "https://t.co/c"])
    assert links.share == 0.0


def test_deterministic_and_min_size() -> None:
    texts = ADS + HUMAN
    a, b = detect_templates(texts), detect_templates(texts)
    assert (a.family == b.family).all()
    strict = detect_templates(texts, min_size=5)
    assert strict.share == 0.0


def test_masked_template_keeps_the_minimum_of_detect_templates() -> None:
    assert MIN_TOKENS == 4
    assert masked_template("Happy Friday!") is None  # "<name> !": too short to be a template
    assert masked_template("https://t.co/a") is None
    long = masked_template(ADS[0])
    assert long == mask_text(ADS[0]) and len(long.split()) >= MIN_TOKENS
    # posts with the same masked text are always near-copies for the audit
    same = [
        "Big thanks to Dana in Leeds for 10 years with us, we are so proud",
        "Big thanks to Omar in Cork for 25 years with us, we are so proud",
    ]
    assert masked_template(same[0]) == masked_template(same[1])
    assert detect_templates([*same, *HUMAN]).templated[:2].all()
    # and short repeats are no template, however many
    assert detect_templates(["Happy Friday!"] * 5 + HUMAN).share == 0.0


# A link-sharing feed: a title and its link, titles in Title Case (every word masked as a name)
LINK_POSTS = [
    "Grid Layouts with Flexbox - https://t.co/g1",
    "Better Caching with Service Workers - https://t.co/g2",
    "Lazy Images with IntersectionObserver - https://t.co/g3",
    "Responsive Tables in Plain CSS - https://t.co/g4",
    "Notes in Rust - https://t.co/g5",
    "The Quiet Power of Checklists - https://t.co/g6 #process",
    "Cleaner Builds: A Field Guide - https://t.co/g7 #tooling",
]
JOB_ADS = [
    "We're hiring a Nurse in Leeds - apply: https://t.co/j1",
    "We're hiring a Welder in York - apply: https://t.co/j2",
    "We're hiring a Forklift Driver in Hull - apply: https://t.co/j3",
]


def test_titles_and_links_are_no_template_family() -> None:
    # "<name> with <name> - <url>" is one word of wording: not posts that share their words
    assert mask_text(LINK_POSTS[0]) == mask_text(LINK_POSTS[1]) == "<name> with <name> - <url>"
    res = detect_templates(LINK_POSTS + HUMAN)
    assert res.families == [] and res.share == 0.0
    assert all(masked_template(t) != masked_template(LINK_POSTS[0]) for t in LINK_POSTS[1:])


def test_job_ad_template_among_link_posts_is_one_family() -> None:
    res = detect_templates([*LINK_POSTS, *JOB_ADS, *HUMAN])
    assert len(res.families) == 1
    ads = [len(LINK_POSTS) + i for i in range(len(JOB_ADS))]
    assert res.families[0].members == ads
    assert res.families[0].pattern == "we ' re hiring a <name> in <name> - apply : <url>"
    assert not res.templated[: len(LINK_POSTS)].any()


def test_the_same_title_posted_twice_is_a_repeat() -> None:
    # too few words once masked, so compared on its own words: the same words, new link
    again = "Grid Layouts with Flexbox - https://t.co/zz9"
    res = detect_templates([*LINK_POSTS, again])
    assert len(res.families) == 1 and res.families[0].members == [0, len(LINK_POSTS)]
    assert (
        masked_template(again)
        == masked_template(LINK_POSTS[0])
        == ("grid layouts with flexbox - <url>")
    )
    # a short reaction and a link keeps too few words either way
    assert masked_template("Wow!! https://t.co/r1") is None
    assert detect_templates(["Wow!! https://t.co/r1", "Wow!! https://t.co/r2", *HUMAN]).share == 0.0


def test_a_lone_capital_opening_a_sentence_is_a_word() -> None:
    masked = mask_text("Thanks to Dana Reyes for the chat! Apply by Friday. @bob Great point")
    assert masked.split()[:3] == ["thanks", "to", "<name>"]
    for kept in ("apply", "great"):
        assert kept in masked.split()
    assert "friday" not in masked and "dana" not in masked  # names mid-sentence stay masked
    # a run of capitals opening a sentence is still a title or a name; after a colon too
    assert mask_text("Senior Welder needed in York") == "<name> needed in <name>"
    assert mask_text("Now hiring: Welder") == "now hiring : <name>"
    assert own_words(mask_text(JOB_ADS[0])) >= MIN_WORDS > own_words(mask_text(LINK_POSTS[0]))


# One feed with every case the detector decides: a template filled five ways (with and
# without a closing hashtag, with and without a state), a promo posted twice with another
# number and once with another word (three of its nine 3-grams differ: below the threshold),
# a title repeated with a new link, a post made again word for word, a note to colleagues
# sent twice with other names and once reworded, and short or empty posts that are never
# templates. Pinned so a faster detector must find exactly the same families.
PINNED_FEED = [
    "We're #hiring a Forklift Operator in Dayton, OH! Apply today: https://t.co/a1 #jobs",
    "Had a great time at the career fair today, thanks to everyone who stopped by our table",
    "We're #hiring a Registered Nurse in Tulsa, OK! Apply today: https://t.co/b2 #nursing",
    "Only 3 days left to register for our free resume workshop https://t.co/w1",
    "We're #hiring a Line Cook in Boise, ID! Apply today: https://t.co/c3",
    "Is anyone else watching the game tonight? what a finish",
    "Only 5 days left to register for our free resume workshop https://t.co/w2",
    "We're #hiring a Data Analyst in Leeds! Apply today: https://t.co/d4 #tech",
    "Grid Layouts with Flexbox - https://t.co/g1",
    "Better Caching with Service Workers - https://t.co/g2",
    "Grid Layouts with Flexbox - https://t.co/g9",
    "Happy Friday!",
    "Happy Friday!",
    "We're #hiring a Welder in York! Apply today: https://t.co/e5",
    "Coffee first, then emails. That is the rule in this house.",
    "Coffee first, then emails. That is the rule in this house.",
    "Only 2 days left to register for our free interview workshop https://t.co/w3",
    "https://t.co/x1",
    "Congrats to @dana on 10 years with the team, we are so proud of you",
    "Congrats to @omar on 5 years with the team, we are so proud of you",
    "Congrats to @lee on 15 years with the company, we are all so proud of you",
    "",
]


def test_a_mixed_feed_gives_the_same_families_every_time() -> None:
    res = detect_templates(PINNED_FEED)
    ads = [0, 2, 4, 7, 13]
    assert [(f.size, f.members, f.example) for f in res.families] == [
        (5, ads, 0),
        (2, [3, 6], 3),
        (2, [8, 10], 8),
        (2, [14, 15], 14),
        (2, [18, 19], 18),
    ]
    assert res.families[0].pattern == (
        "we ' re <tag> a <name> in <name> , <name> ! apply today : <url> <tag>"
    )
    assert res.families[1].pattern == (
        "only <num> days left to register for our free resume workshop <url>"
    )
    assert res.families[2].pattern == "grid layouts with flexbox - <url>"
    expected = np.full(len(PINNED_FEED), -1)
    for fid, family in enumerate(res.families):
        expected[family.members] = fid
    assert res.family.tolist() == expected.tolist()
    assert res.templated.tolist() == (expected >= 0).tolist()
    assert res.share == 13 / len(PINNED_FEED)
    # the reworded promo and note stay out: a third of their 3-grams are new
    assert res.family[16] == res.family[20] == -1


def _job_board(n: int) -> list[str]:
    """A feed of ``n`` job ads from three templates, with a chat post every tenth."""
    roles = ["Forklift Operator", "Registered Nurse", "Line Cook", "Data Analyst", "Welder"]
    towns = ["Dayton, OH", "Tulsa, OK", "Boise, ID", "Leeds", "York", "Austin, TX"]
    chat = [*HUMAN, "Who else is at the job fair in the main hall today? come and say hi"]
    ads = [
        "We're #hiring a {role} in {town}! Apply today: https://t.co/{n} #jobs",
        "New job: {role} ({town}) - pay up to ${pay}/hr. Details here https://jobs.example/{n}",
        "Now hiring: {role} in {town}. {pay} openings this month, apply at https://t.co/{n}",
    ]
    feed = []
    for i in range(n):
        if i % 10 == 9:
            feed.append(chat[(i // 10) % len(chat)] + f" ({i})")
        else:
            role, town = roles[i % len(roles)], towns[(i * 7) % len(towns)]
            feed.append(ads[i % 3].format(role=role, town=town, n=1000 + i, pay=12 + i % 29))
    return feed


def test_a_job_board_of_thousands_of_posts_is_three_templates() -> None:
    feed = _job_board(3000)
    res = detect_templates(feed)
    ads = [i for i in range(len(feed)) if i % 10 != 9]
    assert sorted(m for f in res.families[:3] for m in f.members) == ads
    assert {tuple(sorted({i % 3 for i in f.members})) for f in res.families[:3]} == {
        (0,),
        (1,),
        (2,),
    }
    # the chat posts repeat four texts (numbered): four more families, none of them an ad
    assert all(i % 10 == 9 for f in res.families[3:] for i in f.members)


def test_the_families_do_not_depend_on_how_the_bands_are_sorted(monkeypatch: Any) -> None:
    # Each band's values are sorted as one mixed number; two different values that mix the
    # same are sorted on the values themselves. Make every value mix the same: same families.
    feed = [*PINNED_FEED, *_job_board(300)]
    expected = detect_templates(feed)
    monkeypatch.setattr(
        templating, "_mixed_bands", lambda cells: np.zeros(cells.shape[:2], dtype=np.uint64)
    )
    res = detect_templates(feed)
    assert [(f.members, f.pattern, f.example) for f in res.families] == [
        (f.members, f.pattern, f.example) for f in expected.families
    ]
    assert res.family.tolist() == expected.family.tolist()
