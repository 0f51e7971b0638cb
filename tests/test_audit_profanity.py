"""Posts that swear are never offered to imitate (staffpulse.audit.profanity)."""

from __future__ import annotations

import pytest

from staffpulse.audit.profanity import swears


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
