"""Original-post voice of Harborline Talent, the staffing firm that does social well."""

from __future__ import annotations

import random

from samplegen.firms import Voice
from samplegen.pools import (
    FIRST_NAMES,
    PERKS,
    PNW_CITIES,
    SHIFTS,
    TITLES,
    article,
    city,
    fixed,
    join,
    maybe,
    pay,
    pick,
)


# 3. Harborline Talent (founder Rosa Tamlin): job ads ~30%, advice, team stories, humor.
def harborline_job(rng: random.Random) -> str:
    title = rng.choice(TITLES)
    where = city(rng, PNW_CITIES)
    url = f"https://harborline.example/jobs/{rng.randrange(100, 999)}"
    perk = rng.choice(PERKS)
    forms = [
        f"Hiring in {where}: {title}, {pay(rng, title)}, {rng.choice(SHIFTS)}. Bonus: {perk}. "
        f"Apply here or DM me with questions: {url} #hiring",
        f"Our client in {where} needs {article(title)} {title}. {pay(rng, title)}, "
        f"{rng.choice(SHIFTS)}. Honest answer to the first question everyone asks: yes, "
        f"it's temp-to-hire. {url}",
        f"Know {article(title)} {title} who deserves better than their current gig? "
        f"{where}, {pay(rng, title)}, {perk}. {url} #jobs",
        f"Fresh opening 🌊 {title.capitalize()} in {where}. {pay(rng, title)}. I met this "
        f"manager in person and she's great. {url}",
        f"Two {title} spots open in {where}, {rng.choice(SHIFTS)}. Pay is {pay(rng, title)} "
        f"and the team is small and kind. {url} #hiring #PNWjobs",
    ]
    return rng.choice(forms)


_ADVICE = [
    "Resume tip: put the numbers first. 'Cut picking errors 30%' beats 'responsible for picking'.",
    "Interview tip: bring one question about the team, not just the pay. Managers remember it.",
    "Job seekers: if a recruiter ghosts you, it's about their inbox, not your worth. Follow up once.",
    "Temp work is not a step down. Half of our temp-to-hire folks got offers inside 90 days.",
    "If your resume is three pages and you're not a surgeon, we need to talk. Kindly.",
    "Before a warehouse interview, ask about the scanner system. It shows you've done the work.",
    "Your LinkedIn headline should say what you do, not 'Seeking new opportunities'.",
    "Employers: a job post without a pay range gets about half the applicants. We've measured it.",
    "Hiring managers: call the candidate back within 48 hours or someone else will.",
    "Leaving a job? Give notice even if you're a temp. This industry is smaller than you think.",
    "Career changers: list transferable skills as results. 'Handled 80 calls a day' is a skill.",
    "Small thing that wins offers: send a thank-you note the same day. Two sentences is plenty.",
    "If you've been out of work a while, say so plainly and say what you did. Nobody minds.",
    "Cover letters still matter for office roles. Not for forklifts. Know your audience.",
    "Ask every recruiter the same thing: 'Who is the client and why is the role open?'",
    "First week on a new assignment? Learn three names on day one. It changes everything.",
    "Job seekers: you can ask a staffing firm how much of your pay rate goes to the firm. We'll "
    "tell you.",
    "Warehouse candidates: steel-toe boots are usually reimbursable. Ask before you buy.",
    "If the interview is on video, put the camera at eye level. Stack of books. Done.",
    "Recruiters aren't gatekeepers, they're translators. Tell us what you actually want.",
    "Negotiating a temp rate is allowed. Be polite, be specific, bring one reason.",
    "Employers: shadow one shift before you write the job ad. You'll write a better one.",
    "The best reference is a supervisor who saw you on a bad day and still vouches for you.",
    "Don't apply to 40 jobs in one night. Apply to 5 you'd actually take, and follow up.",
    "Night shift pays more, but ask about the break schedule before you say yes.",
]


def harborline_advice(rng: random.Random) -> str:
    return join(rng.choice(_ADVICE), maybe(rng, rng.choice(["#jobsearch", "#careertips", ""]), 0.4))


_TEAM = [
    "{n} on our team placed her 100th associate this week 🎉 Cake is in the break room.",
    "Shoutout to {n}, who drove a candidate's forgotten steel-toe boots to a job site at 6am.",
    "Story time: {n} got a thank-you card from a candidate we placed two years ago. She's a "
    "supervisor now. We're all a bit teary.",
    "Team lunch today. {n} insists pineapple belongs on pizza. We are reviewing his contract 😂",
    "Welcome to the team, {n}! First day, first placement. Show-off.",
    "{n} spent Saturday running a free resume clinic at the Tacoma library. 31 people came.",
    "We asked {n} what she loves about recruiting. 'The phone call where I get to say you got "
    "the job.' Same.",
    "Five years ago today {n} and I started Harborline in a spare bedroom. Thank you, all of you.",
    "{n} found out a candidate was a former pro juggler. He now juggles at our team meetings.",
    "Our office dog Biscuit has been promoted to Head of Candidate Experience. {n} disagrees.",
    "{n} just closed a role we've been working on since June. The whole office clapped. Loudly.",
    "Monday huddle question: 'best thing a candidate said to you last week?' {n} wins with "
    "'you're the first recruiter who didn't sound like a robot.'",
    "{n} brought donuts for a client's night shift at 2am. The client renewed. Donuts work.",
    "Rainy Tacoma Tuesday. {n} is on her 40th call of the day and still sounds delighted. Hero.",
    "We tried a 'no email Friday' this month. {n} called 60 people. Three placements. Keeping it.",
    "{n} taught our whole team how to read a forklift certification. Nerd hour was a hit.",
]


harborline_story = pick(fixed(_TEAM, "n", FIRST_NAMES))


_HARBOR_OPINION = [
    "Unpopular opinion: most job descriptions are wish lists written by committee. Write them "
    "for the person, not the org chart.",
    "I'd rather lose a client than ask candidates to do a 6-hour unpaid assignment. There, I said it.",
    "Honest question for other founders: how do you keep recruiters from burning out in Q4?",
    "Nobody believes me, but the best sourcing tool we have is our old candidates' group chat.",
    "We stopped saying 'rockstar' in our ads in 2024. Applications went up. Coincidence? No.",
    "What's one thing a staffing firm did that made you trust them? Asking for a friend (me).",
    "Recruiting is 20% finding people and 80% keeping promises. The second part is the hard one.",
    "Small firms can't outspend the big ones. We can out-answer them. Every call, every DM.",
    "Hot take: staffing firms should post their own mistakes. We placed someone in the wrong "
    "role in May. We fixed it, and we learned a lot.",
    "I still answer the main line on Fridays. Best market research there is.",
    "Temp workers are not 'temps'. They're people on a trial run of a job, and so is the client.",
    "I'd love to see more staffing founders on here. Where are you all? Say hi. 👋",
    "Pay transparency made our recruiting easier, not harder. Candidates trust a number.",
    "Every staffing firm says 'we're different.' Show it: reply to people. That's the difference.",
    "Confession: I used to schedule 10 job posts a day and reply to nobody. Nobody replied back.",
    "Our best clients found us here, from a conversation, not from a job ad.",
]


harborline_opinion = pick(_HARBOR_OPINION)


HARBORLINE: Voice = [
    ("job_ad", 0.3, harborline_job),
    ("advice", 0.28, harborline_advice),
    ("story", 0.22, harborline_story),
    ("opinion", 0.14, harborline_opinion),
]
