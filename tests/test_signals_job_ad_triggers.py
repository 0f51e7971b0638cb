"""The literal cues of the staffing-ad rules: the merged scan picks the posts each cue would."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from staffpulse.signals import job_ads
from staffpulse.signals.batch_scan import holds, posts_matching, top_level_alternatives
from staffpulse.signals.job_ad_triggers import (
    CALL_TO_ACT_WORDS,
    CALL_TO_APPLY_WORDS,
    PAY_WORDS,
    SOUGHT_WORDS,
    TERMS_WORDS,
    TRIGGER_SOURCES,
    TRIGGERS,
    WANTED_WORDS,
)
from staffpulse.signals.job_ads import find_staffing_ads


def test_the_merged_cue_scan_reads_the_posts_each_cue_would() -> None:
    # the scan that picks the posts worth reading runs merged cues (faster): it must pick the
    # posts the cues pick one by one, whatever the cue and wherever it falls in the batch
    cues = [
        "Résumé tips",
        "cv",
        "OUR CLIENT",
        "walk in",
        "immediate hire",
        "accepting apps",
        "opening at",
        "looking for",
        "seeking",
        "need 3",
        "hiring a",
        "nurses wanted",
        "welders needed",
        "calling all",
        "opportunity:",
        "exciting job opp",
        "temp job",
        "permanent role",
        "full-time position",
        "part-time job",
        "role based",
        "vacancy in",
        "$ 18 per hr",
        "$65k",
        "$20–",
        "weekly pay",
        "competitive",
        "per diem",
        "DOE.",
        "sign-on",
        "referral",
        "benefits package",
        "now hiring",
        "we’re hiring",
        "open req",
        "DM me",
        "PM ME",
        "message me",
        "inbox me",
        "ping me",
        "text me",
        "slide into",
        "send us a",
        "hit me up",
        "dms are open",
        "know a",
        "know someone",
        "on-the-spot",
        "On the spot",
        "work?",
        "jobs ?",
        "shifts?",
        "hours?",
        "We have",
        "we've got",
        "call us",
        "text us",
        "and 2",
        "& 3",
        "Join our",
        "join the",
        "Interested in working",
        "want to work for",
        "like to work with",
        "thought about a career",
        "thinking of working",
        "considered working",
        "(m/w/d)",
        "(H/F)",
        "bewerben",
        "wir suchen",
        "suchen wir",
        "Stelle",
        "Jobangebot",
        "gesucht",
        "se busca",
        "necesita",
        "precisamos",
        "solicitamos",
        "contratando",
        "interesados",
        "curriculum",
        "currículo",
        "hoja de vida",
        "vacante",
        "oferta de",
        "recrutons",
        "recherchons",
        "envoyez",
        "offre d'emploi",
    ]
    posts = [
        "We\u2019re hiring! Forklift operators wanted",
        "lol hiring is broken",
        "",
        "x" * 5000,
        "doe\u00e9 doeskin nothing",
    ]
    posts += [f"{cue} at the start" for cue in cues] + [f"at the end: {cue}" for cue in cues]
    plain = [re.compile(source) for source in TRIGGER_SOURCES]
    for n in (0, 1, len(posts) // 2):
        batch = posts[n:] + posts[:n]
        found = posts_matching(batch, TRIGGERS, lower=True)
        assert found == posts_matching(batch, plain, lower=True)
    assert len(found) > 2 * len(cues)  # each cue is one of the triggers


# each staffing-ad rule is tried only on a post holding one of its words (lower-cased): a rule
# that matches a post with none of them (a new alternative, a word dropped from the list, or
# "vacancies", which does not hold "vacancy") silently loses that post's job-ad flag
RULES = [
    (job_ads._CALL_TO_APPLY, CALL_TO_APPLY_WORDS),
    (job_ads._PAY, PAY_WORDS),
    (job_ads._CALL_TO_ACT, CALL_TO_ACT_WORDS),
    (job_ads._SOUGHT, SOUGHT_WORDS),
    (job_ads._ROLE_NEEDED, WANTED_WORDS),
    (job_ads._TERMS, TERMS_WORDS),
]
RULE_ALTERNATIVES = [
    pytest.param(re.compile(alternative, rule.flags), words, id=f"{n}-{alternative[:40]}")
    for n, (rule, words) in enumerate(RULES)
    for alternative in top_level_alternatives(rule.pattern)
]


@pytest.mark.parametrize(("alternative", "words"), RULE_ALTERNATIVES)
def test_every_post_a_staffing_ad_rule_matches_holds_one_of_its_words(
    alternative: re.Pattern[str], words: tuple[str, ...]
) -> None:
    @settings(max_examples=15, deadline=None, derandomize=True, database=None)
    @given(st.from_regex(alternative, fullmatch=True))
    def holds_a_word(text: str) -> None:
        assert holds(text.lower(), words), text

    holds_a_word()


def test_a_role_sought_in_vacancies_is_an_ad() -> None:
    assert find_staffing_ads(["We have two vacancies in Leeds for forklift drivers, DM me"])[0]


def test_a_salary_in_thousands_is_a_cue_but_a_word_ending_in_k_is_not() -> None:
    # "45k a year" is pay; "back a week" only ends a word in "k" before "a week"
    posts = ["Flying back a week early", "Packers, 45k a year, Dayton", "Took a week off"]
    assert posts_matching(posts, TRIGGERS, lower=True) == [1]
