"""One pass over a batch finds the posts a wording rule must read, in input order."""

from __future__ import annotations

import re

from staffpulse.signals.batch_scan import JoinedPosts, merge_for_scan, posts_matching


def test_each_match_is_credited_to_its_own_post_once() -> None:
    texts = ["we are hiring", "nothing here", "hiring now, hiring fast", "", "Hiring"]
    assert posts_matching(texts, (re.compile("hiring"),)) == [0, 2]
    assert posts_matching(texts, (re.compile("hiring"),), lower=True) == [0, 2, 4]


def test_a_pattern_may_anchor_on_the_start_of_any_post_the_first_included() -> None:
    # the separator stands before every post, so "starts with" reads the same for all of them
    starts_with_job = re.compile(r"\x1eJob:")
    texts = ["Job: Welder", "a Job: not at the start", "Job: Nurse"]
    assert posts_matching(texts, (starts_with_job,)) == [0, 2]


def test_several_patterns_and_no_posts() -> None:
    patterns = (re.compile("dm me"), re.compile("apply"))
    assert posts_matching(["apply today", "x", "dm me"], patterns) == [0, 2]
    assert posts_matching([], patterns) == []


def test_a_batch_joined_once_is_scanned_as_often_as_needed_with_the_same_posts_found() -> None:
    texts = ["we are hiring", "", "DM me", "hiring? dm me", "\x1eJob: Welder"]
    joined = JoinedPosts(texts)
    for patterns in [
        (re.compile("hiring"),),
        (re.compile("dm me", re.I),),
        (re.compile("\x1eJob"),),
    ]:
        assert joined.posts_matching(patterns) == posts_matching(texts, patterns)
    assert joined.posts_matching((re.compile("hiring"), re.compile("DM"))) == [0, 2, 3]
    assert JoinedPosts([]).posts_matching((re.compile("x"),)) == []


def test_a_letter_that_lowers_to_two_still_credits_each_post_its_own_match() -> None:
    # "İ".lower() is two characters; thirty of them once moved every later match thirty places,
    # onto the next post: the ad after an Istanbul post was missed
    texts = ["İSTANBUL " + "İ" * 30, "Forklift operators wanted!", "hello there", "wanted"]
    assert posts_matching(texts, (re.compile(" wanted"),), lower=True) == [1]
    assert posts_matching(texts, (re.compile("wanted"),), lower=True) == [1, 3]


# posts a merged scan must read as the plain one: hashtags, curly quotes, mojibake, ads in other
# languages, code, empty and very long posts, a cue split by the separator, one at either end
TRICKY = [
    "#hiring #NowHiring we\u2019re hiring a Welder!",
    "We\u2018re HIRING: CNA needed, $19/hr",
    "Forklift operators wanted! DM me your r\u00e9sum\u00e9",
    "_\u00d9\u00f7\u00e2 lol hiring is broken \U0001f602",
    "Se busca camarero/a. Interesados enviar CV",
    "Wir suchen ab sofort einen Staplerfahrer (m/w/d)",
    "Nous recrutons un cariste, envoyez votre CV",
    "names.join(', ') at scale `x = {position: sticky}`",
    "",
    " ",
    "needs 2 drivers " * 400,
    "hir",
    "ing wanted",
    "wanted",
    "$ 120k and $18 per hour and $20-$25",
    "doe doeskin doe.",
]


def _plain(sources: list[str], texts: list[str]) -> list[int]:
    return posts_matching(texts, [re.compile(s) for s in sources], lower=True)


def test_merged_cues_find_the_same_posts_as_each_cue_alone() -> None:
    sources = [
        "hiring",
        "hiring (?:an?|\\d)",
        " wanted",
        "needs? (?:an?|\\d)",
        "doe\\b",
        "r\u00e9sum",
        "\\$ ?\\d{2,3}k",
        "\\$ ?\\d[\\d,.]*k? ?(?:/|per |an? )",
        "\\([mwfdh] ?/",
        "envoyez",
        "busca",
    ]
    merged = merge_for_scan(sources)
    assert len(merged) < len(sources)
    for n in range(len(TRICKY)):
        texts = TRICKY[n:] + TRICKY[:n]  # each post once first and once last
        assert posts_matching(texts, merged, lower=True) == _plain(sources, texts)
    for source in sources:  # and each cue alone, where no other cue can cover for it
        for n in range(len(TRICKY)):
            texts = TRICKY[n:] + TRICKY[:n]
            assert posts_matching(texts, merge_for_scan([source]), lower=True) == _plain(
                [source], texts
            )


def test_sources_a_letter_in_front_would_change_are_scanned_as_they_are() -> None:
    # "ab|cd" is two cues; a group that captures may be referred to; "[^x]y" opens with no
    # literal; all three are kept whole, and still find their posts
    texts = ["xx cd", "ab", "abab", "zy", "xy", "a|b", "a]b"]
    sources = ["ab|cd", "(ab)\\1", "[^x]y", "a[]|]b"]
    merged = merge_for_scan(sources)
    assert {p.pattern for p in merged} >= {"ab|cd", "(ab)\\1", "[^x]y"}
    assert "a[]|]b" not in {p.pattern for p in merged}  # its "|" is a member of a set
    assert posts_matching(texts, merged) == posts_matching(texts, [re.compile(s) for s in sources])


def test_posts_holding_finds_words_whatever_their_case_and_letters_that_fold_apart() -> None:
    from staffpulse.signals.batch_scan import posts_holding, scan_for_words

    scan = scan_for_words(("think", "any ", "time job"))
    texts = [
        "What do you THINK?",  # capitals
        "nothing to see",
        "Any tips?",
        "a full-time job",
        "what do you th\u0131nk",  # a dotless i, which a case-blind "i" matches
        "L\u0130NKS",  # a capital dotted I, lowered to "i" and a combining dot
        "Thanks for the ideas",
    ]
    assert posts_holding([text.lower() for text in texts], scan) == [0, 2, 3, 4, 5]
    assert posts_holding([], scan) == []
