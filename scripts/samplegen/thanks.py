"""The short lines that end an exchange: an acknowledgement and the last word after it.

An acknowledgement is an account's short answer to a reply it got (an answer to its question,
banter on its post); a closer is the last word of the account that replied, after that
acknowledgement (how often: ``CLOSE_BACK`` in ``engine.py``).
"""

from __future__ import annotations

import random

# Short acknowledgements: the thread starter answering a reply to its question.
ACKS: dict[str, list[str]] = {
    "mia_recruits": [
        "ha! that's a new one.",
        "okay, adding this to the list 😂",
        "STOP. amazing.",
        "this is my favorite answer so far.",
        "I need the full story.",
        "you win the thread.",
        "incredible, thank you.",
        "ha, I'd hire you.",
        "okay this one made me snort.",
        "the bar has been raised.",
        "I'm screenshotting this for my team.",
        "no notes. perfect answer.",
        "this deserves its own thread.",
        "oh I love that.",
        "you're so right.",
    ],
    "priya_hrlife": [
        "Thank you, this is really useful.",
        "Love that answer.",
        "Such a good idea, stealing it.",
        "That's thoughtful, thank you.",
        "Ha, I can picture it.",
        "Adding this to my notes.",
        "This is exactly what I was hoping to hear.",
        "Ooh, we haven't tried that.",
        "Bringing this to our Monday leadership meeting.",
        "Yes! Thank you.",
        "Okay, that one made me laugh.",
        "Very practical, thank you.",
    ],
    "hireloop": [
        "Great answer!",
        "Love this, thank you!",
        "Noted for the roadmap 👀",
        "Ha, you're not alone.",
        "This is why we asked. Thank you!",
        "Our product team just read this out loud.",
        "Okay, that's a feature idea.",
        "Ha! Painfully relatable.",
        "Thank you for the honesty 🙏",
        "You just wrote our next tip post.",
        "Taking notes!",
    ],
    "recruitcraft": [
        "Great answer.",
        "That's a lesson in one line.",
        "Ha, love it.",
        "Thanks for this one.",
        "Noted for the next workshop.",
        "This is going on a slide.",
        "Exactly what we teach.",
        "Oof. Real one.",
        "Thank you for sharing that.",
    ],
    "adabrightwell.bsky.social": [
        "Great answer.",
        "Thank you, useful.",
        "Ha, fair.",
        "That's a good signal.",
        "Noted, thank you.",
    ],
    "owenpark.bsky.social": ["Thanks!", "Good one.", "Ha, fair point.", "Appreciate it."],
    "harborline": [
        "Ha, thank you!",
        "Love this.",
        "So good.",
        "This is gold, thank you.",
        "Our team is reading these out loud.",
        "Ha! Noted.",
    ],
}

# The last word in an exchange: a firm that answers everyone also closes the loop.
CLOSERS: dict[str, list[str]] = {
    "harborline": [
        "Thank you! 🙏",
        "Ha, anytime.",
        "🙏",
        "Appreciate you!",
        "Right back at you.",
        "Thanks, friend!",
        "You made our day.",
        "🌊🙏",
        "Anytime! –Rosa",
        "Ha, the team says hi back.",
        "Coffee soon!",
    ],
    "mia_recruits": ["😂🙌", "anytime!", "💛", "ha, thank you!", "you're the best."],
    "hireloop": ["🙌", "Anytime!", "Thank you! 🔁", "Always happy to help."],
    "priya_hrlife": ["💛", "Thank you!", "Anytime."],
    "recruitcraft": ["👏", "Thanks!", "Anytime."],
    "adabrightwell.bsky.social": ["Thanks!", "🙏"],
    "owenpark.bsky.social": ["👍", "Thanks!"],
}


def ack_text(rng: random.Random, voice: str) -> str:
    return rng.choice(ACKS.get(voice, ["Thanks!"]))


def closer_text(rng: random.Random, voice: str) -> str:
    return rng.choice(CLOSERS.get(voice, ["Thanks!"]))
