"""Posts that swear are never offered to imitate (staffpulse.audit.profanity)."""

from __future__ import annotations

import pytest

from audit_helpers import FeedBuilder, audit_feed
from staffpulse.audit.profanity import swears, swears_in_post


@pytest.mark.parametrize(
    "text",
    [
        "@sam no shit, the interview ran long again",
        "Tell that recruiter he's a dick and I'm done",
        "What the f*ck is this shift schedule",
        "Mondays are a BITCH",
        "wtf is this job description",
        "Bullshit pay for a forklift job",
        "I'm so pissed about the payroll delay",
        # a tag is the firm's words too: one that is a swear word, or starts with one
        '"So you live in Leeds?" they asked, again #shitclientssay',
        "Monday again #WTF",
        "Third no-show this week #fml",
        "Walk for a cure this Saturday #FuckCancer",
        # or ends with one: a real post to imitate held such a tag
        "Third train delay this week #officeshit strikes again!",
        "Payroll down again #whatthefuck",
        "Friday drinks: nobody is getting shitfaced this time",
        "Printer jammed again \U0001f644\U0001f595\U0001f3fd",
    ],
)
def test_a_post_that_swears_is_caught(text: str) -> None:
    assert swears(text)


@pytest.mark.parametrize(
    "text",
    [
        "Damn good candidates this week, what the hell happened to Monday?",
        "Shiitake risotto at the team lunch",
        "Cocktails with the Hancock branch after the job fair",
        "Thanks @shitty_robot for the tip https://example.com/fuck-it",
        "Function keys, folk music and a funky office playlist",
        "Assessment day: classic assignments, no pass or fail",
        # tags that only start like a swear word, or a page anchor, are left alone
        "Book club at lunch #Dickens #cocktails",
        "What #FMLA leave means for your temps",
        "Risotto night #shiitake",
        "Gift wrap for the team #washitape",
        "Open roles: https://example.com/jobs#shit-list and more",
    ],
)
def test_mild_words_and_look_alikes_are_left_alone(text: str) -> None:
    assert not swears(text)


# posts a firm's own feed might hold: each would be counted in the header's swearing caution
SWORN = [
    "my manager is a total dumbass, locked out of the office again lol",
    "what a shit show of a Monday, printer on fire lol",
    "f*** this traffic, late to my own standup again lol",
    "Fuck it, pizza for the whole night shift",
    "@jo no shit, the payroll portal is down again",
    "This week's job fair was bullshit, nobody showed",
    "Whoever parked in the loading bay is an asshole",
    "Candidates ghosting us? WTF is going on",
    "Interview no-show number three #fml",
    "Stop being a bitch about the rota, Kevin",
    "Our client's new ATS is a shitstorm lol",
]
# and posts it must not count: mild words, look-alikes, a name greeted at the start of a reply
CLEAN = [
    "Damn, what a week for the placements team",
    "What the hell happened to our Monday standup?",
    "@sam Dick, please call our support line for the repair status",
    "@ana @lee Dick, thanks for the update on the shift",
    "Book club at lunch: #Dickens and cocktails",
    "Shiitake risotto at the team lunch lol",
    "Our Hancock branch hired six welders this week",
    "Scunthorpe office is hiring warehouse staff",
    "Peacocks on the office lawn again, someone call the park",
    "What #FMLA leave means for your temps",
    "Crap weather, great turnout at the open day",
    "Dick Turner joins our Leeds desk as a senior recruiter",
    "The assessment centre is booked for Friday",
    "I was pissed off at the printer, then it worked",
    "Friday quiz: who can juggle three phones at once?",
    "Cockpit crew roles open at the regional airport",
]


@pytest.mark.parametrize("text", SWORN)
def test_a_firm_post_that_swears_counts_in_the_caution(text: str) -> None:
    assert swears_in_post(text)


@pytest.mark.parametrize("text", CLEAN)
def test_mild_words_names_and_look_alikes_are_not_counted(text: str) -> None:
    assert not swears_in_post(text)


def test_sworn_jokes_are_no_humor_to_keep_up_and_the_header_says_so() -> None:
    # QA: a firm whose jokes swore got "42% read as funny: keep it up" and no warning
    feed = FeedBuilder("acmecrude", display_name="Acme Crude")
    for text in SWORN[:3]:
        feed.post(text)
    feed.post("our story of the week: the pineapple pizza incident lol")
    feed.chat(6)
    audit = audit_feed(feed)
    voice = audit.pillars["voice"]
    assert voice.evidence["humor_posts"] == 1  # the clean joke only
    caution = audit.caution or ""
    assert "3 of your 10 posts swear or curse (" in caution
    assert '"f*** this traffic, late to my own standup again lol"' in caution  # the newest
    assert "clients and candidates read them too" in caution
    advice = " ".join(str(a) for a in voice.recommendations)
    assert "keep it up" not in advice
    assert all(not swears(ex.text) for p in audit.pillars.values() for ex in p.best)


def test_a_clean_feed_gets_no_swearing_caution() -> None:
    feed = FeedBuilder("acmeclean")
    feed.post("@sam Dick, thanks for the kind words about our team lol")
    feed.chat(9)
    assert "swear" not in (audit_feed(feed).caution or "")
