"""An offer of work read after whatever a staffing firm opens its ad with."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit_helpers import FeedBuilder
from staffpulse.signals import job_ads_offers, sales_calls
from staffpulse.signals.batch_scan import posts_matching, top_level_alternatives
from staffpulse.signals.job_ad_triggers import TRIGGERS
from staffpulse.signals.job_ads import find_staffing_ads, looks_like_job_ad
from staffpulse.signals.job_ads_offers import OFFER_WORDS, offers_work
from staffpulse.signals.text import load_text_signals

# an ad behind a feeling, praise, a question, a line of emoji or a wall of hashtags
DRESSED_ADS = [
    "Thrilled to open our Boise branch! Recruiting parts drivers and yard hands now https://x.example/1",
    "Hats off to our Fairview clinic crew. Still recruiting LPNs for evenings https://x.example/2",
    "A huge thank you to Brightwater Mills for the tour. They need packers, $18/hr, nights https://x.example/3",
    "Ever fancied a career in care? Apply to be a support worker today https://x.example/4",
    "Missing the morning rush? Baristas, $16/hr, Salem, weekends https://x.example/5",
    "🌞🌞🌞 Groundskeepers needed, Mon-Fri, $19/hr https://x.example/6",
    "#FridayFeeling #Grateful #Teamwork Recruiting machine operators for 3rd shift https://x.example/7",
    "The Tribune ran a lovely piece on our plant jobs, starting $21/hr https://x.example/8",
    "Asked at the front desk: any work going this week? Yes, 6 stock handlers wanted in Crewe",
    "So glad we moved to the bigger office! We're looking for a payroll clerk, part-time https://x.example/9",
    "What a launch party 🎉 Come work with us https://x.example/10",
    "A Monday full of coffee. Travel CNA roles open now, DM us",
    "Over the moon with our new site 🌙 Openings for 9 sheet metal workers https://x.example/11",
    "Oh wow! £12.40/hr for packing shifts in Hull, days https://x.example/12",
    "So proud of this crew! Welding shifts are open at our Tulsa yard, DM us https://x.example/13",
    "Fun clip of a day as a CNA at Maple Court, sign-on bonus https://x.example/13",
    "Busy spring at the practice! We're looking for a new dentist, $60/hr, Mon-Wed https://x.example/14",
]
# posts in the same words that offer nothing: pride in staff, news of hiring, advice
NOT_ADS = [
    "Thrilled to open our Boise branch! Drop by for coffee and a tour",
    "Hats off to our Fairview clinic crew for a spotless inspection",
    "Recruiting parts drivers is slower every winter, and here is why https://x.example/a",
    "Clinics are recruiting LPNs faster than schools can train them https://x.example/b",
    "The Tribune says plant wages rose to $21/hr this spring https://x.example/c",
    "Ever fancied a career in care? How to apply as a support worker in four steps https://x.example/d",
    "Over 4,000 stock handlers needed by 2030 across the region, a forecast finds https://x.example/e",
    "Hiring Manager tip: thank every applicant, even the ones you turn down",
    "Starting $16/hr is too little for barista work in this city",
    "Need a reliable electrician for our kitchen, any recommendations? https://x.example/f",
    "Our Recruiting Lead Sam ran the half marathon today 🏃",
    "#FridayFeeling #Grateful to every machine operator who covered a shift this week",
    "What a launch party 🎉 thank you for coming",
    "$9/month for the premium plan, cancel anytime https://x.example/g",
    "Sign-on bonuses for nurses are back, and that is good news https://x.example/h",
    # unpaid parts and a role named only after a preposition (the model's own score aside)
    "Recruiting volunteer drivers for our toy drive, DM us https://x.example/o",
    "Apply to be a host on our careers podcast https://x.example/p",
    "Apply to be a mentor for new recruiters this autumn https://x.example/q",
    # an "-ing" word that judges or tells the time of day is no trade (a reader's probes)
    "Fascinating jobs available if you know where to look, my list https://x.example/r",
    "Evening shifts are open at the allotment, sign up https://x.example/s",
]
# the same shapes as talk, a question, a project or a customer (a reviewer's probes)
NOT_ADS_ASKED = [
    "Still recruiting welders? Here's why they keep leaving https://x.example/i",
    "Hiring baristas in 2027: what six cafes told us https://x.example/j",
    "Roles for team leads explained: a guide to our new ladder https://x.example/k",
    "$19/hr for picking work in this heat? No thanks. https://x.example/l",
    "Our porters, $17/hr, and still underpaid for what they carry",
    "Come work with us on this open-source scheduling library https://x.example/m",
    "We're looking for a new dentist for weekends, any tips? https://x.example/n",
    "We pay our pickers $21/hr because they carry this place https://x.example/t",
    "They need porters, $16/hr isn't enough to keep them https://x.example/u",
    "Care aide roles still open across the county as the shortage drags on https://x.example/v",
    "Packers, weekly pay and a sign-on bonus: what actually keeps them https://x.example/w",
]


@pytest.mark.parametrize("text", DRESSED_ADS)
def test_an_offer_of_work_is_an_ad_whatever_opens_the_post(text: str) -> None:
    assert find_staffing_ads([text])[0]
    assert looks_like_job_ad(text)


@pytest.mark.parametrize("text", NOT_ADS + NOT_ADS_ASKED)
def test_pride_news_and_advice_in_the_same_words_are_no_offer(text: str) -> None:
    assert not offers_work(text, text.lower(), False)
    assert not find_staffing_ads([text])[0]


def test_a_dressed_ad_is_scored_a_job_ad_with_no_human_voice() -> None:
    model = load_text_signals()
    ads = [
        "So proud of our night crew! Now recruiting forklift drivers in Akron https://x.example/r",
        "Wonderful evening at the awards. Welders, $27/hr, days https://x.example/s",
    ]
    scores = model.score(ads)
    assert (scores["job_opening"] >= model.thresholds_["job_opening"]).all()
    assert (scores["personality"] < model.thresholds_["personality"]).all()


def test_a_question_a_headline_a_project_or_a_customer_is_scored_no_job_ad() -> None:
    # each of these scored 0.9 as a staffing ad before the rules read a question, a headline,
    # a project, a judgement of pay or a customer's new provider
    model = load_text_signals()
    scores = model.score(NOT_ADS_ASKED, signals=("job_opening",))["job_opening"]
    assert (scores < model.thresholds_["job_opening"]).all()


def test_a_feed_of_dressed_ads_fails_mix() -> None:
    """A firm whose every post is an ad behind a feeling or praise is all job ads to the
    shipped model and rules: Mix 0, where it scored 100 when the openers hid the offers."""
    from audit_helpers import audit_feed
    from staffpulse.audit.signals import default_scorer

    feed = FeedBuilder("ridgeline")
    for text in DRESSED_ADS[:8]:
        feed.post(text)
    mix = audit_feed(feed, scorer=default_scorer()).pillars["mix"]
    assert mix.evidence["job_ads"] == 8
    assert mix.score == 0


# Each rule reads only the posts holding one of OFFER_WORDS, and find_staffing_ads reads only
# the posts its trigger scan picks: a match of any alternative must hold both, or a post it
# would take as an ad is silently left to the model
PATTERNS = [
    job_ads_offers._RECRUITS_ROLE,
    re.compile(job_ads_offers._ROLE + " " + job_ads_offers._SOUGHT.pattern, re.I),
    job_ads_offers._APPLY_AS,
    re.compile(r"\w+ing " + job_ads_offers._ROLES_OPEN.pattern),
    job_ads_offers._COME_WORK,
    re.compile("see " + job_ads_offers._OUR_OPENINGS.pattern),
    job_ads_offers._OPENINGS_FOR,
    job_ads_offers._LOOKING,
    job_ads_offers._PAY_TERMS,
    sales_calls._PAY_RE,
]
ALTERNATIVES = [
    pytest.param(re.compile(alternative, pattern.flags), id=f"{n}-{alternative[:40]}")
    for n, pattern in enumerate(PATTERNS)
    for alternative in top_level_alternatives(pattern.pattern)
]


@pytest.mark.parametrize("alternative", ALTERNATIVES)
def test_every_offer_holds_an_offer_word_and_a_trigger(alternative: re.Pattern[str]) -> None:
    @settings(max_examples=15, deadline=None, derandomize=True, database=None)
    @given(st.from_regex(alternative, fullmatch=True))
    def is_read(text: str) -> None:
        if re.search("[\u0130\u0131\u017f]", text):
            return  # such a post is read by every rule (job_ads._FOLDS_APART)
        assert any(word in text.lower() for word in OFFER_WORDS), text
        assert posts_matching([text], TRIGGERS, lower=True) == [0], text

    is_read()
