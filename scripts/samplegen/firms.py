"""Original-post voices of the staffing firms and the job-ad bot.

A voice is a list of ``(category, weight, make)`` where ``make(rng)`` returns one post text.
The category ``job_ad`` marks a job opening; it is the designed ground truth of the Mix pillar.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from samplegen.pools import (
    CITIES,
    DAYTON_AREA,
    FICTIONAL_EMPLOYERS,
    PERKS,
    SHIFTS,
    TITLES,
    article,
    city,
    pay,
    title_case,
)

Voice = list[tuple[str, float, Callable[[random.Random], str]]]


# 1. BrightPath Staffing: nothing but near-duplicate templated job ads.
def brightpath_job(rng: random.Random) -> str:
    title = rng.choice(TITLES)
    where = city(rng)
    url = f"https://brightpath.example/jobs/{rng.randrange(10000, 99999)}"
    a = article(title)
    templates = [
        f"We're hiring {a} {title} in {where}! Apply: {url} #jobs #hiring",
        f"We're hiring {a} {title} in {where}! Apply: {url} #jobs #hiring",
        f"We're hiring {a} {title} in {where}! Apply: {url} #jobs #hiring",
        f"We're hiring {a} {title} in {where}! Apply now: {url} #jobs #hiring",
        f"We're hiring {a} {title} in {where}! {pay(rng, title)}. Apply: {url} #jobs #hiring",
        f"Now hiring: {title} in {where}. Apply: {url} #jobs #hiring",
        f"JOB ALERT: {title_case(title)} - {where} - Apply: {url} #jobs #hiring",
    ]
    return rng.choice(templates)


BRIGHTPATH: Voice = [("job_ad", 1.0, brightpath_job)]


# 2. Meridian Workforce Solutions: press releases, headlines and links; a few job ads.
_GROUPS = [
    "employers",
    "hiring managers",
    "HR leaders",
    "light-industrial employers",
    "healthcare systems",
    "CFOs",
    "warehouse operators",
    "finance leaders",
    "manufacturers",
    "IT leaders",
    "logistics companies",
    "mid-sized companies",
]
_WORKERS = [
    "hourly workers",
    "job seekers",
    "temporary associates",
    "Gen Z candidates",
    "skilled trades workers",
    "nurses",
    "warehouse workers",
]
_WORKER_SAY = [
    "a posted pay range affects where they apply",
    "they would consider temporary work",
    "a predictable schedule matters more than a signing bonus",
    "they expect to change jobs within two years",
    "they want more training on the job",
    "a slow hiring process made them drop out",
    "they found their last job via referral",
]
_ACTIONS = [
    "increase contingent headcount",
    "raise starting wages",
    "expand temp-to-hire programs",
    "invest in upskilling",
    "cut time-to-fill",
    "adopt skills-based hiring",
    "add a second shift",
    "rely more on staffing partners",
    "offer four-day weeks",
    "review their pay transparency practices",
    "automate scheduling",
    "rethink return-to-office plans",
]
_SOURCES = [
    "New report",
    "Survey",
    "Industry update",
    "Labor market brief",
    "Market watch",
    "Research roundup",
    "Quarterly outlook",
]
_TOPICS = [
    "Workforce Outlook",
    "Pay Trends",
    "Contingent Labor",
    "Skills Gap",
    "Light Industrial Hiring",
    "Healthcare Staffing",
    "Total Talent Management",
]
_AWARDS = [
    "Top Workforce Partner",
    "Best Staffing Firm to Work For",
    "Client Service Leader",
    "Diversity in Staffing Champion",
    "Regional Employer of Choice",
]
_PARTNERS = [
    "Quarry Hill Labs",
    "Tidewater Freight",
    "Northbank Credit Union",
    "Brightwater Insurance",
    "Silverlake Plastics",
]
_SERVICES = [
    "managed service programs",
    "on-site workforce management",
    "high-volume seasonal hiring",
    "payrolling services",
    "vendor-neutral solutions",
]


def _meridian_url(rng: random.Random, kind: str = "news") -> str:
    return f"https://meridianwork.example/{kind}/{rng.randrange(1000, 9999)}"


def meridian_news(rng: random.Random) -> str:
    stat = rng.randrange(18, 84)
    group = rng.choice(_GROUPS)
    action = rng.choice(_ACTIONS)
    src = rng.choice(_SOURCES)
    forms = [
        f"{src}: {stat}% of {group} plan to {action} in 2027. {_meridian_url(rng)} #staffing",
        f"{src}: {stat}% of {group} say they will {action} next year. {_meridian_url(rng)}",
        f"{src} finds {group} increasingly likely to {action}. Read the full analysis: "
        f"{_meridian_url(rng)} #workforce",
        f"Temporary help employment {rng.choice(['rose', 'fell', 'was flat'])} in "
        f"{rng.choice(['June', 'July', 'August', 'September', 'October'])}, according to the "
        f"latest figures. Our analysis: {_meridian_url(rng)} #staffing #labormarket",
        f"{stat}% of {group} report difficulty filling {rng.choice(TITLES)} roles. "
        f"{_meridian_url(rng)}",
        f"{src}: {stat}% of {rng.choice(_WORKERS)} say {rng.choice(_WORKER_SAY)}. "
        f"{_meridian_url(rng)} #workforce",
        f"Blog: {rng.randrange(3, 9)} ways {group} can {action}. {_meridian_url(rng, 'blog')}",
    ]
    return rng.choice(forms)


def meridian_release(rng: random.Random) -> str:
    forms = [
        f"Meridian Workforce Solutions is pleased to announce the opening of a new branch office "
        f"in {city(rng)}. {_meridian_url(rng, 'press')} #staffing",
        f"Meridian Workforce Solutions has been named a {rng.choice(_AWARDS)} for the "
        f"{rng.choice(['second', 'third', 'fourth', 'fifth'])} consecutive year. "
        f"{_meridian_url(rng, 'press')}",
        f"Meridian Workforce Solutions announces a strategic partnership with "
        f"{rng.choice(_PARTNERS)} to deliver {rng.choice(_SERVICES)}. {_meridian_url(rng, 'press')}",
        f"Download our 2026 {rng.choice(_TOPICS)} whitepaper: {_meridian_url(rng, 'insights')}",
        f"Meridian Workforce Solutions will be exhibiting at the {rng.choice(_TOPICS)} Summit, "
        f"booth {rng.randrange(100, 999)}. {_meridian_url(rng, 'events')}",
        f"Webinar recording now available: {rng.choice(_TOPICS)} in {rng.choice(['Q3', 'Q4'])}. "
        f"{_meridian_url(rng, 'insights')} #HR",
        f"Meridian Workforce Solutions welcomes a new Vice President of "
        f"{rng.choice(['Operations', 'Client Services', 'Strategy', 'Finance'])}. "
        f"{_meridian_url(rng, 'press')}",
    ]
    return rng.choice(forms)


def meridian_job(rng: random.Random) -> str:
    title = rng.choice(TITLES)
    return (
        f"Meridian Workforce Solutions is currently recruiting for {article(title)} {title} "
        f"position in {city(rng)}. Apply: {_meridian_url(rng, 'careers')} #jobs"
    )


MERIDIAN: Voice = [
    ("news", 0.55, meridian_news),
    ("promo", 0.37, meridian_release),
    ("job_ad", 0.08, meridian_job),
]


# 10. JobWire Dayton: a tmj_-style bot feed of job postings.
def jobwire_job(rng: random.Random) -> str:
    title = rng.choice(TITLES)
    place = rng.choice(DAYTON_AREA)
    employer = rng.choice(FICTIONAL_EMPLOYERS)
    url = f"https://jobwire.example/j/{rng.randrange(100000, 999999)}"
    tag = "#" + place.replace(" ", "")
    forms = [
        f"{title_case(title)} - {employer} - {place}, OH {url} #jobs {tag} #hiring",
        f"{title_case(title)} - {employer} - {place}, OH {url} #jobs {tag}",
        f"New job: {title_case(title)} at {employer} in {place}, OH {url} #jobs #hiring",
        f"Apply now: {title_case(title)} ({employer}) {place}, OH {url} #jobs {tag} #Dayton",
    ]
    return rng.choice(forms)


JOBWIRE: Voice = [("job_ad", 1.0, jobwire_job)]


# 11. Keystone Temps: default avatar, empty bio, mostly job ads plus greetings.
def keystone_job(rng: random.Random) -> str:
    title = rng.choice(TITLES)
    where = city(
        rng,
        [
            ("Allentown", "PA"),
            ("Reading", "PA"),
            ("Bethlehem", "PA"),
            ("Easton", "PA"),
            ("Lancaster", "PA"),
        ],
    )
    url = f"https://keystonetemps.example/apply?job={rng.randrange(1000, 9999)}"
    forms = [
        f"Keystone Temps is hiring! {title_case(title)} | {where} | {pay(rng, title)} | Apply {url}",
        f"Keystone Temps is hiring! {title_case(title)} | {where} | Apply {url} #jobs",
        f"NOW HIRING {title.upper()} in {where}!! {pay(rng, title)} Call us or apply {url}",
    ]
    return rng.choice(forms)


_KEYSTONE_MISC = [
    "Happy Monday from Keystone Temps!",
    "Happy Friday everyone!",
    "Have a safe weekend!",
    "Thank you to all of our associates for your hard work!",
    "Our office will be closed Monday.",
    "Stay cool out there today!",
    "Happy {d} from Keystone Temps!",
    "We are open until 5pm today.",
    "Refer a friend and earn a bonus! Ask us how.",
    "Check out our website for more jobs!",
    "Walk-ins welcome Tuesday and Thursday 9am-12pm.",
    "Happy New Month from Keystone Temps!",
    "Don't forget to submit your hours by Monday noon!",
    "Great job this week team!",
    "Many positions available. Apply today!",
    "We are hiring for many positions!",
    "Keystone Temps: your local staffing agency.",
    "Open interviews this Wednesday!",
    "Paychecks are available for pickup Friday.",
    "Thank you to our clients for your business!",
    "Stay warm and drive safe today!",
    "Like and share to help a friend find a job!",
]


def keystone_misc(rng: random.Random) -> str:
    day = rng.choice(["Labor Day", "Fourth of July", "Halloween", "Thanksgiving", "Veterans Day"])
    return rng.choice(_KEYSTONE_MISC).format(d=day)


KEYSTONE: Voice = [("job_ad", 0.78, keystone_job), ("promo", 0.22, keystone_misc)]


# 12. Northgate Staffing Group: middling, half job ads, some tips and company news.
def northgate_job(rng: random.Random) -> str:
    title = rng.choice(TITLES)
    where = city(rng)
    url = f"https://northgatestaffing.example/jobs/{rng.randrange(1000, 9999)}"
    forms = [
        f"Northgate is hiring {article(title)} {title} in {where}. {pay(rng, title)}, "
        f"{rng.choice(SHIFTS)}. {url} #hiring",
        f"Open role: {title} ({where}). {rng.choice(PERKS).capitalize()}. Apply: {url} #jobs",
        f"Looking for {article(title)} {title} in {where} - {pay(rng, title)}. Details: {url}",
    ]
    return rng.choice(forms)


_NG_TIPS = [
    "Tip Tuesday: update your phone number on your resume. You'd be surprised.",
    "Tip Tuesday: dress one step above the job for an interview.",
    "Tip Tuesday: arrive 10 minutes early to your first day on assignment.",
    "Tip Tuesday: keep a list of your references ready before you start applying.",
    "Tip Tuesday: read the job posting twice before the interview.",
    "Tip Tuesday: a short, clear resume beats a long one.",
    "Tip Tuesday: ask about the next step at the end of every interview.",
    "Tip Tuesday: check your voicemail greeting. Recruiters will hear it.",
    "Tip Tuesday: bring a copy of your ID and Social Security card to orientation.",
    "Tip Tuesday: safety glasses and steel-toe boots are required on most industrial sites.",
    "Tip Tuesday: let your recruiter know right away if you can't make a shift.",
    "Tip Tuesday: keep your availability up to date with our office.",
]
_NG_NEWS = [
    "Northgate Staffing Group is proud to sponsor the {c} Youth Soccer League this season.",
    "Congratulations to our {c} branch for 1,000 safe working days!",
    "Our {c} team volunteered at the food bank this weekend. Proud of this group.",
    "We're celebrating 28 years of Northgate Staffing Group this month. Thank you, {c}!",
    "Join us at our {c} hiring event Thursday, 9am-3pm. On-the-spot interviews.",
    "Northgate welcomes new clients in {c} this quarter. More jobs coming soon.",
]


def northgate_tip(rng: random.Random) -> str:
    return rng.choice(_NG_TIPS)


def northgate_news(rng: random.Random) -> str:
    return rng.choice(_NG_NEWS).format(c=rng.choice(CITIES)[0])


NORTHGATE: Voice = [
    ("job_ad", 0.55, northgate_job),
    ("advice", 0.2, northgate_tip),
    ("promo", 0.25, northgate_news),
]
