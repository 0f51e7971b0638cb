"""Reply and quote texts: how each account talks *to* the others.

A reply is composed from the replier's opener, body and tail pools, so the chatty accounts get
thousands of distinct combinations; a quote's comment may borrow one of those bodies. The short
acknowledgements and closers that end an exchange are in ``thanks.py``; posts that mention the
staffing firms and the firms' answers (how responsive each firm is) in ``mentions.py``.
"""

from __future__ import annotations

import random

from samplegen.pools import join

# Replies by mood of the post replied to: "laugh" (jokes), "warm" (stories), "agree" (the rest).
Mood = dict[str, tuple[list[str], list[str]]]
REPLY_VOICE: dict[str, Mood] = {
    "mia_recruits": {
        "laugh": (
            [
                "ha, same here.",
                "okay this made me laugh.",
                "lol.",
                "HA.",
                "the accuracy 😭",
                "not me screenshotting this.",
                "I'm stealing this.",
                "this is so real.",
                "I laughed way too hard at this.",
                "stop it 😂",
            ],
            [
                "I laughed, then I felt attacked, then I laughed again.",
                "Somebody put this on a mug.",
                "Sending this to my whole team.",
                "My sourcing spreadsheet is nodding along.",
                "Adding it to my recruiter horror story collection.",
                "We need a support group for this.",
                "Future me is going to need this.",
                "Coffee number three agrees.",
                "This is the content I'm here for.",
            ],
        ),
        "warm": (
            [
                "oh I love this.",
                "this made my day.",
                "okay I'm not crying, you're crying.",
                "this is the good stuff.",
                "what a story.",
            ],
            [
                "This is why we do the job.",
                "More stories like this on my feed, please.",
                "Saving this for the next bad Monday.",
                "Give that person a raise.",
                "This is the part of recruiting nobody sees.",
            ],
        ),
        "agree": (
            [
                "100%.",
                "hard agree.",
                "this is the way.",
                "preach.",
                "yes yes yes.",
                "you're not wrong.",
                "ooh, spicy.",
                "can confirm.",
                "say it louder.",
                "respectfully, I'd go further.",
            ],
            [
                "My hiring managers need to read this twice.",
                "I've been saying this since my first agency job.",
                "Half my intake calls would be shorter if everyone knew this.",
                "My candidates would throw you a parade.",
                "Pinning this to my brain.",
                "Honestly this should be in every recruiter onboarding.",
                "The number of times I've had this exact conversation this week...",
                "Counterpoint: what if we also gave candidates the salary range?",
                "I tried this once and a hiring manager sent me a thank-you gif.",
                "This is why I love this corner of the internet.",
            ],
        ),
    },
    "priya_hrlife": {
        "laugh": (
            ["Ha!", "Ha, guilty.", "Oh, this one hurts.", "I laughed out loud."],
            [
                "Our night shift would agree.",
                "Sending this to our HR team chat.",
                "HR is not immune to this either.",
                "This is every Monday in our building.",
            ],
        ),
        "warm": (
            ["Love this.", "What a lovely story.", "This is why we do it.", "So good."],
            [
                "Thank you for sharing it.",
                "More of this on my feed, please.",
                "This is what good recruiting looks like from the HR side.",
                "Stories like this should be in every onboarding deck.",
            ],
        ),
        "agree": (
            [
                "Great point.",
                "So true.",
                "Agree with this.",
                "This is helpful.",
                "Yes.",
                "Thank you for saying it.",
                "Interesting.",
            ],
            [
                "From the HR side, we see the same thing.",
                "We changed this last year and it helped.",
                "Saving this for our next manager training.",
                "This is the conversation I keep having with our leadership team.",
                "Recruiters and HR need to talk about this more often.",
                "It's the managers who make or break this, every time.",
                "I'd add: write it down and share it with everyone, not only the managers.",
                "We learned this the hard way during our busy season.",
                "This would have saved me a week in 2024.",
            ],
        ),
    },
    "hireloop": {
        "laugh": (
            ["Ha! 😂", "We felt this one.", "Okay, this is too real.", "LOL."],
            [
                "Our support team just nodded so hard.",
                "Printing this for the office wall.",
                "Product team: we need to talk about this.",
                "Saving for our Friday meme roundup.",
            ],
        ),
        "warm": (
            ["Love this!", "This made our day.", "What a story!", "This is everything."],
            [
                "The best part of recruiting, right there.",
                "This is why we build tools for recruiters.",
                "Candidate experience at its finest.",
            ],
        ),
        "agree": (
            [
                "This is gold.",
                "We couldn't agree more.",
                "Yes!",
                "This is the way.",
                "So much this.",
                "Saving this one.",
                "Noted, and shared with our team.",
            ],
            [
                "We hear this from recruiters every week.",
                "Our customers who do this see faster time-to-hire.",
                "Small habits like this add up to big candidate experience wins.",
                "Adding it to our tips series (with credit!).",
                "This is exactly why we built text reminders.",
                "The best recruiting ideas always come from recruiters.",
                "A good process beats a fancy tool, and we make tools.",
                "Fewer clicks, happier recruiters. Always.",
            ],
        ),
    },
    "recruitcraft": {
        "laugh": (
            ["Ha, classic.", "Oh, we've all been there.", "This is a whole workshop."],
            [
                "Role-play material right here.",
                "Our students will love this one.",
                "We're using this in next week's workshop.",
            ],
        ),
        "warm": (
            ["Love this.", "What a story.", "This is the job."],
            ["That's what great recruiting looks like.", "Sharing this with our cohort."],
        ),
        "agree": (
            ["Yes!", "This is a lesson we teach.", "Brilliant.", "Spot on.", "Great one."],
            [
                "This belongs in every recruiter's playbook.",
                "The best recruiters do exactly this.",
                "That's a skill, and skills can be taught.",
                "It's the follow-up that makes it work.",
                "Simple, not easy. The best kind of advice.",
            ],
        ),
    },
    "harborline": {
        "laugh": (
            ["Ha, yes.", "Oh no 😂", "This made my morning.", "Too real."],
            [
                "Biscuit the office dog approves.",
                "Reading this out at our Monday huddle.",
                "Our whole team felt this one.",
            ],
        ),
        "warm": (
            ["Love this.", "This is the best.", "What a story."],
            ["This is why we do it.", "Sending this to our recruiters right now."],
        ),
        "agree": (
            ["So true.", "Agreed.", "Same here.", "Yes."],
            [
                "Our team talks about this every Monday.",
                "We see the same thing with our candidates.",
                "Small firm, same problem. Good to know we're not alone.",
                "This is why we answer every call.",
                "Adding this to our candidate tips.",
            ],
        ),
    },
    "adabrightwell.bsky.social": {
        "laugh": (
            ["Ha.", "Ha, painfully true."],
            ["Founders should read this.", "Somebody build the fix, please."],
        ),
        "warm": (
            ["Lovely.", "This is great."],
            [
                "This is what the software should protect.",
                "Stories like this are why I invest here.",
            ],
        ),
        "agree": (
            ["Agree.", "This is right.", "Interesting.", "Good point.", "Very much this."],
            [
                "The data I see says the same thing.",
                "This is the kind of problem I want to fund.",
                "Buyers tell me exactly this.",
                "I'd love to see a tool that fixes this.",
                "This is why talking to recruiters matters.",
            ],
        ),
    },
    "owenpark.bsky.social": {
        "laugh": (
            ["Ha, true.", "Ha."],
            ["Healthcare recruiting is exactly like this.", "Seeing the same with nurses."],
        ),
        "warm": (["Love this.", "Great story."], ["Good reminder for all of us."]),
        "agree": (
            ["Agreed.", "Yep.", "So true.", "This."],
            [
                "Seeing the same with nurses.",
                "My hiring managers need this.",
                "This is why I moved over here.",
                "Good reminder for all of us.",
            ],
        ),
    },
}

TAILS: dict[str, list[str]] = {
    "mia_recruits": ["", "", "", "👀", "🙌", "Tell me more.", "🫠", "💛"],
    "priya_hrlife": [
        "",
        "",
        "",
        "💛",
        "Curious how others handle it.",
        "Has anyone measured this?",
    ],
    "hireloop": ["", "", "🔁", "Tell us more!", "🙌"],
    "recruitcraft": ["", "", "👏", "Mind if we quote you in class?"],
    "harborline": ["", "", "–Rosa", "🌊"],
    "adabrightwell.bsky.social": ["", "", "Say more?"],
    "owenpark.bsky.social": ["", "", "👍"],
}

MOODS = {"humor": "laugh", "life": "laugh", "story": "warm"}

# A quote post's own comment, before any borrowed reply body.
QUOTE_COMMENTS: dict[str, list[str]] = {
    "mia_recruits": [
        "This. 👇",
        "Read this twice.",
        "Recruiters, take notes.",
        "Framing this one.",
        "The accuracy.",
        "Sending to every hiring manager I know.",
        "Yes, and also: tell candidates the salary range.",
        "Needed this today.",
    ],
    "priya_hrlife": [
        "Worth reading for every HR team.",
        "Sharing with our managers.",
        "This matches what we've seen.",
        "Good one from a friend in recruiting.",
    ],
    "hireloop": [
        "Great advice from our community 👇",
        "Every recruiter should read this.",
        "Couldn't have said it better.",
        "This is why we love this community.",
        "Saving this for our customers.",
        "Product team: please read 👇",
    ],
    "recruitcraft": [
        "Class, today's reading 👇",
        "A lesson in one post.",
        "Adding this to our workshop slides.",
        "This is what good looks like.",
    ],
    "harborline": [
        "Good advice here 👇",
        "Our team agrees with this one.",
        "Worth a read for job seekers.",
    ],
    "adabrightwell.bsky.social": ["Founders, read this.", "A buyer's view worth hearing."],
    "owenpark.bsky.social": ["Good thread.", "Worth a read."],
}


def reply_text(rng: random.Random, voice: str, cat: str = "") -> str:
    """A reply by ``voice`` to a post of category ``cat``."""
    openers, bodies = REPLY_VOICE[voice][MOODS.get(cat, "agree")]
    return join(rng.choice(openers), rng.choice(bodies), rng.choice(TAILS[voice]))


def quote_text(rng: random.Random, voice: str) -> str:
    extra = rng.choice(REPLY_VOICE[voice]["agree"][1]) if rng.random() < 0.6 else ""
    return join(rng.choice(QUOTE_COMMENTS[voice]), extra)
