"""Posts that mention a staffing firm, and the answers the firms give (or don't).

Responsiveness is designed: Harborline answers nearly every question within hours, Northgate and
Keystone answer a few, a day or more late, with form replies; BrightPath, Meridian and the
JobWire bot never answer.
"""

from __future__ import annotations

import random

from samplegen.pools import article

# Posts that mention a firm (or reply to its job ad) and ask it something, each paired with the
# answer a responsive firm gives. {t} is a job title, {c} a city, {u} a link.
ASKS: list[tuple[str, str]] = [
    (
        "@{firm} do you place {t}s in {c}? Asking for a friend who's relocating.",
        "Yes! We place {t}s all over the South Sound. DM me and I'll call today. –Rosa",
    ),
    (
        "@{firm} is the {t} role still open? The apply link gives me an error.",
        "Still open! Sorry about the link, fixed now. Here's the direct one: {u}",
    ),
    (
        "@{firm} how long does your onboarding usually take for {t} roles?",
        "Usually 2-3 days from offer to first shift. We do the paperwork with you, not at you.",
    ),
    (
        "Question for @{firm}: do your temp roles come with benefits?",
        "Yes, benefits from day one on most of our temp roles. Happy to walk you through it.",
    ),
    (
        "@{firm} a candidate of mine is interested in your {t} opening. Who should she talk to?",
        "Have her call Rosa directly, that's me. 🌊 Number's in the link: {u}",
    ),
    (
        "@{firm} do you have anything part-time in {c}?",
        "We do! A few part-time spots in {c} right now. Sending you the list.",
    ),
    (
        "Hey @{firm}, is your {t} job weekly pay or biweekly?",
        "Weekly pay, every Friday. No exceptions, no excuses.",
    ),
    (
        "@{firm} are you hiring recruiters too, or only for clients?",
        "We're always looking for good recruiters. Coffee this week?",
    ),
    (
        "@{firm} what's the pay range on the {t} opening?",
        "$24-27/hr depending on experience, and we'll tell you exactly which end you're at.",
    ),
    (
        "@{firm} does your {t} job need a certification?",
        "A cert helps, but we'll pay for the training if you don't have it.",
    ),
    (
        "Shoutout to @{firm} for the free resume clinic last weekend. More of this, please.",
        "Thank you so much! Our team had the best time. See you at the next one.",
    ),
    (
        "Great post from @{firm} on pay ranges in job ads. Staffing firms, take notes.",
        "That means a lot, thank you! We try to practise what we post.",
    ),
    (
        "Had a lovely call with the team at @{firm}. This is how a staffing firm should sound.",
        "Thank you! We try to answer everyone, every time.",
    ),
    (
        "@{firm} any {t} openings for someone coming back after a career break?",
        "Absolutely. Gaps don't scare us. Send me your resume and we'll find the right fit.",
    ),
]

# Replies to a firm's own job ad.
JOB_AD_ASKS: list[tuple[str, str]] = [
    ("Is this still open? The link 404s for me.", "Yes! Link fixed, thanks for flagging: {u}"),
    ("What shift is this one?", "Days, 7 to 3:30, Monday to Friday. Want the details?"),
    ("Is this one temp-to-hire?", "It is! Usually 90 days, and this client hires most of them."),
    (
        "Any chance of a night shift version of this?",
        "Not this one, but we have two night roles nearby. DM me!",
    ),
    (
        "My brother would be perfect for this. Can he apply without a resume?",
        "Yes, he can call us and we'll build it together.",
    ),
    ("Is there parking at this site?", "Free parking, and it's on the bus line too."),
]

# The slow firms' answers (when they answer at all).
SLOW_ANSWERS: dict[str, list[str]] = {
    "northgatestaff": [
        "Thank you for reaching out. Please call our office during business hours.",
        "Hello, please apply online and a recruiter will contact you.",
        "Thanks for your interest! Please check our website for current openings.",
        "Sorry for the delay. Please email our front desk and we'll follow up.",
    ],
    "keystonetemps": [
        "Please call the office. Thanks!",
        "Yes still open. Apply online.",
        "Call us for details!",
    ],
}


def fill(rng: random.Random, text: str, firm: str, title: str, place: str) -> str:
    """Fill a template's slots: {firm}, {t} job title, {c} city, {u} link."""
    text = text.replace("a {t}", f"{article(title)} {{t}}")
    url = f"https://harborline.example/jobs/{rng.randrange(100, 999)}"
    return text.format(firm=firm, t=title, c=place, u=url)
