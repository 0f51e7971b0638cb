"""Original-post voices of the vendors: the ATS maker, the trainer and the HR-tech investor."""

from __future__ import annotations

import random

from samplegen.firms import Voice
from samplegen.pools import pick

# 5. HireLoop: an ATS vendor that converses, teaches and jokes.
_HL_TIPS = [
    "ATS tip: tag candidates by the skill you found them for, not the job. Future-you will search "
    "'forklift certified', not 'Req 4471'.",
    "ATS tip: set a 48-hour reminder on every candidate in 'interviewed'. Feedback delays kill "
    "more hires than salary does.",
    "ATS tip: write rejection templates you'd be happy to receive. Candidates screenshot them.",
    "ATS tip: archive stale reqs every Friday. A pipeline full of ghosts lies to your forecast.",
    "ATS tip: your knockout questions should knock out, not scare off. 'Willing to work "
    "weekends?' is fine. 'Explain your 5-year plan' is not a knockout.",
    "ATS tip: check your apply flow on a phone once a month. If it takes over 3 minutes, you're "
    "losing hourly candidates.",
    "ATS tip: keep a 'silver medalists' list. The runner-up from March is your hire in June.",
    "ATS tip: add the hiring manager's name to the job post. Applications go up. People apply to "
    "people.",
    "ATS tip: use the same stage names across every team, or your reports will be fiction.",
    "ATS tip: a 'source' field left empty is a marketing budget you can't defend.",
    "ATS tip: text message reminders the day before interviews cut no-shows for shift roles.",
    "ATS tip: record why offers get declined. After 20 you'll see the pattern.",
    "ATS tip: duplicates happen. Merge them weekly or you'll email the same person three times.",
    "ATS tip: your career page is a landing page. Treat it like marketing, not like a filing "
    "cabinet.",
    "ATS tip: keep screening notes factual. 'Strong forklift experience, 4 yrs' beats 'nice guy'.",
    "ATS tip: for high-volume roles, schedule interviews inside the apply flow. Every handoff "
    "loses people.",
    "ATS tip: build one saved search per hard-to-fill role and check it every Monday.",
    "ATS tip: don't auto-reject on gaps. Gaps are life, not a skill problem.",
    "ATS tip: send hiring managers a 3-line weekly summary. Nobody opens dashboards.",
    "ATS tip: for staffing firms, tag redeployable associates the week an assignment ends, not after.",
    "ATS tip: if your job post has more than 8 requirements, move half to 'nice to have'.",
    "ATS tip: the 'how did you hear about us' dropdown is a lie detector for your job boards.",
    "ATS tip: add pay ranges as structured fields, not just text. Boards rank them higher.",
    "ATS tip: use tags for 'rehire eligible'. Boomerang hires ramp twice as fast.",
    "ATS tip: write the first screening question yourself. Templates sound like templates.",
    "ATS tip: one owner per req. Two owners means zero owners.",
    "ATS tip: log every 'no-show' reason you can find. Transport comes up more than you think.",
    "ATS tip: your talent pool is only as good as its last-contacted date. Sort by it.",
    "ATS tip: send rejection emails on weekdays, not at 11pm on a Friday.",
    "ATS tip: keep job titles plain. 'Warehouse Associate' gets found. 'Fulfillment Hero' doesn't.",
    "ATS tip: a candidate who withdrew politely is a future hire. Tag them kindly.",
    "ATS tip: review your auto-emails out loud once a quarter. You'll cringe, then fix them.",
    "ATS tip: for staffing, put the pay rate in the first line of the ad. Always.",
    "ATS tip: build a 'ready to start Monday' list every Thursday. Your clients will love you.",
]

_HL_JOKES = [
    "Our engineers asked what recruiters want. We said 'fewer clicks.' They heard 'more modals.' "
    "We're working on it. 😅",
    "If your ATS needed a manual, it's not an ATS, it's a hostage situation.",
    "Recruiters have two moods: 'I love this candidate' and 'why is the upload button grey.'",
    "We named our new search feature 'Find.' The marketing team is recovering. 🔍",
    "Our support team just got a ticket that says 'help' and nothing else. Relatable.",
    "Product update: the 'reject all' button now asks if you're sure. Twice. For your own good.",
    "A recruiter told us our drag-and-drop pipeline 'sparks joy.' We framed it.",
    "The intern asked why 'Boolean' isn't a person. We're not sure anymore either.",
    "Things we love: recruiters. Things we don't: 17-step approval workflows. Sorry, enterprise.",
    "Our ATS can do a lot. It cannot make a hiring manager reply. We've tried.",
    "Today in support: 'Can the ATS make my candidate accept faster?' We wish. We really do.",
    "Hiring managers, please stop naming stages 'Stage 7 FINAL final'. Love, the database.",
    "Fun fact: 'circle back' appears in 41% of notes in our demo account. We wrote them. Ugh.",
    "We asked our AI to write a job ad. It added 'rockstar' three times. It's been retrained.",
    "Our office plant is named 'Time-to-Fill.' It grows slowly and everyone worries about it.",
    "Roses are red, pipelines are stuck, the hiring manager is on PTO, good luck. 🌹",
    "We put 'fast-paced' in our own job ad and the whole team staged an intervention.",
    "Recruiter bingo: 'quick question', 'circling back', 'per my last email', 'are you free now?'",
    "Our CEO tried to source a candidate for a day. He now sends recruiters snacks weekly.",
    "The 'Reply all' button is the most dangerous feature in recruiting. We don't have one.",
]

_HL_PRODUCT = [
    "New in HireLoop: interview self-scheduling by text. Hourly candidates book in under a minute.",
    "New in HireLoop: pay range fields that sync to every job board. Transparency, automated.",
    "New in HireLoop: a 'silver medalist' view so no great runner-up gets forgotten.",
    "New in HireLoop: redeployment alerts for staffing firms when an assignment is about to end.",
    "New in HireLoop: duplicate detection that actually works. Merge with one click.",
    "New in HireLoop: hiring manager feedback by email reply. No login needed.",
    "New in HireLoop: Spanish and French candidate portals. More languages coming.",
    "New in HireLoop: a 3-line weekly digest for hiring managers. They might even read it.",
    "Release notes are up: faster search, fewer clicks, and a dark mode for night-shift recruiters.",
    "We're hiring a support engineer. Yes, the ATS company is hiring. Yes, we use our own ATS.",
]

_HL_QUESTIONS = [
    "Recruiters: what's the one ATS feature you'd pay for tomorrow?",
    "What's the most annoying thing about your apply flow? Be brutal, we can take it.",
    "Staffing folks: how do you track redeployments today? Spreadsheet, ATS, sticky notes?",
    "Where do your best hourly candidates come from? Boards, referrals, walk-ins?",
    "How fast do you reply to a new applicant? Minutes, hours, days? No judgment.",
    "Recruiters: text or email for interview reminders?",
    "What's a candidate experience detail that made you smile recently?",
    "What would you name a button that means 'not now, but maybe later'?",
    "Which report do you actually open every week?",
    "Hiring managers: how do you prefer to give feedback? Form, email, a quick call?",
]

_HL_HTML = [
    "PSA: candidates sometimes paste <script>alert('x')</script> into application fields. Our "
    "forms escape it. Does yours? 🛡️",
    "Formatting tip: <b>bold</b> tags don't work in most job boards' plain-text fields. Use short "
    "lines and bullets instead.",
    "Security Friday: we tested 1,000 weird inputs on our apply form today, including "
    "<img src=x onerror=alert(1)> and <b>unclosed tags. All escaped. Nerd party. 🎉",
    'Job ad copied from Word shows up as <p><span style="font-size:11pt">We\'re hiring</span></p>? '
    "Paste as plain text. You're welcome.",
]

HIRELOOP: Voice = [
    ("tip", 0.36, pick(_HL_TIPS)),
    ("humor", 0.2, pick(_HL_JOKES)),
    ("promo", 0.14, pick(_HL_PRODUCT)),
    ("question", 0.18, pick(_HL_QUESTIONS)),
    ("tip", 0.05, pick(_HL_HTML)),
]


# 6. RecruitCraft Academy: lively recruiter training.
_ROLES_BOOL = [
    ("nurse", '("registered nurse" OR RN) AND (ICU OR "critical care")'),
    ("java", "(java OR kotlin) AND (spring OR microservices) NOT intern"),
    ("welder", "(welder OR welding) AND (MIG OR TIG) AND (certified OR AWS)"),
    ("accountant", '("staff accountant" OR "senior accountant") AND (CPA OR "month-end")'),
    ("driver", '("CDL-A" OR "CDL A") AND (tanker OR hazmat OR flatbed)'),
    ("analyst", '("data analyst" OR "BI analyst") AND (SQL AND (Tableau OR "Power BI"))'),
    ("machinist", '(machinist OR "CNC operator") AND (Mazak OR Haas OR Fanuc)'),
    ("HR", '("HR generalist" OR "HR business partner") AND (FMLA OR "employee relations")'),
    ("electrician", '(electrician OR "electrical technician") AND (PLC OR controls)'),
    ("tech", '("help desk" OR "service desk") AND (Intune OR "Active Directory")'),
]

_DRILL_INTROS = [
    "Sourcing drill of the week",
    "Boolean Monday",
    "Try this string",
    "Five-minute sourcing drill",
    "Copy, paste, tweak",
]


def craft_drill(rng: random.Random) -> str:
    role, string = rng.choice(_ROLES_BOOL)
    intro = rng.choice(_DRILL_INTROS)
    outro = rng.choice(
        [
            "Then swap one OR for a synonym you've never tried.",
            "Now add your city and see how the count changes.",
            "What would you add? 👇",
            "Bonus points for finding a synonym we missed.",
            "Run it, then tell us your hit count.",
            "#sourcing #recruiting",
        ]
    )
    return f"{intro} ({role}): {string} {outro}"


_CRAFT_LESSONS = [
    "Training takeaway: the first 10 seconds of a cold call decide the next 10 minutes. Say why "
    "you're calling them, not just that you are.",
    "Training takeaway: recruiters who take notes in the candidate's words close more offers.",
    "Training takeaway: 'What would make you leave?' is a better screen question than 'Why now?'",
    "Training takeaway: silence after asking about salary is a skill. Count to five.",
    "Training takeaway: write intake notes in front of the hiring manager, then read them back.",
    "Training takeaway: your InMail subject line is a headline. 'Opportunity' is not a headline.",
    "Training takeaway: never pitch on the first message. Ask one real question instead.",
    "Training takeaway: the best recruiters keep a 'no' list, and call them back in six months.",
    "Training takeaway: role-play the awkward calls. Counteroffers, rejections, 'the client "
    "changed its mind'.",
    "Training takeaway: summarise the candidate back to them. People say yes to being understood.",
    "Training takeaway: a recruiter's social feed is a portfolio. Show your thinking, not only "
    "your reqs.",
    "Training takeaway: the phone is not dead. Voicemail is. Text first, then call.",
    "Training takeaway: good intake beats good sourcing. Every time. We have the data.",
    "Training takeaway: staffing teams that reply to comments get 3x more referrals in our cohort.",
    "Training takeaway: teach new recruiters to close the loop with every candidate. Every one.",
    "Training takeaway: one humble brag a week is fine. One job ad a day is wallpaper.",
]

_CRAFT_EVENTS = [
    "Cold calls without the cringe",
    "Boolean for beginners",
    "Intake meetings that work",
    "Closing offers in a tight market",
    "Social media for staffing firms",
    "Sourcing hourly talent",
    "Handling counteroffers",
    "Recruiting with humor",
]


def craft_event(rng: random.Random) -> str:
    topic = rng.choice(_CRAFT_EVENTS)
    day = rng.choice(["Tuesday", "Wednesday", "Thursday"])
    url = f"https://recruitcraft.example/live/{rng.randrange(100, 999)}"
    forms = [
        f"Live workshop {day}: {topic}. Free seats for the first 50 recruiters: {url}",
        f"{day} at noon ET: '{topic}' with our lead trainer. Bring questions, leave with "
        f"scripts. {url} #recruiting",
        f"Recording is up: '{topic}'. 48 minutes, zero fluff. {url}",
    ]
    return rng.choice(forms)


_CRAFT_JOKES = [
    "Our trainer asked the class to define 'passive candidate.' Someone said 'me, on Mondays.'",
    "Recruiter training, day one: how to say 'the client is reviewing' with a straight face.",
    "We teach Boolean. We do not teach how to explain Boolean at Thanksgiving dinner. Sorry.",
    "Workshop feedback: 'Less role-play please.' Also workshop feedback: 'The role-play was the "
    "best part.' Recruiters, we love you.",
    "Tip: if your cold call opener starts with 'Hope you're well!', the candidate already isn't.",
    "A student's Boolean string was so long it had chapters. We were proud and concerned.",
    "Said 'let's make this interactive' in a webinar and 300 cameras turned off at once.",
    "Training joke: how many recruiters does it take to change a lightbulb? Just one, but the "
    "lightbulb has to want to change.",
]

_CRAFT_QUESTIONS = [
    "What's the hardest call you had to make as a recruiter?",
    "Recruiters: what did nobody teach you in your first year?",
    "What's a sourcing trick you'd teach a brand-new recruiter first?",
    "How do you practise cold calls without annoying your team?",
    "Which is harder to teach: sourcing or closing?",
    "What's one thing staffing firms could do on social media tomorrow to sound more human?",
    "What's the best recruiter training you ever had, and why?",
    "What's your favorite opening line for a candidate message?",
]

RECRUITCRAFT: Voice = [
    ("tip", 0.22, craft_drill),
    ("advice", 0.26, pick(_CRAFT_LESSONS)),
    ("promo", 0.16, craft_event),
    ("humor", 0.14, pick(_CRAFT_JOKES)),
    ("question", 0.14, pick(_CRAFT_QUESTIONS)),
]


# 7. Ada Brightwell (Bluesky): HR-tech investor.
_ADA_TAKES = [
    "HR tech founders: your buyer is a tired HR manager at 4:55pm. Design for her.",
    "Most recruiting startups pitch 'AI sourcing.' The ones I fund pitch 'fewer no-shows.'",
    "The staffing industry is a $600B business still running on spreadsheets and goodwill.",
    "My favorite metric in a recruiting product: time from application to first human reply.",
    "If your HR product needs a six-month implementation, your competitor is a shared inbox.",
    "Vendors get social media better than most staffing firms. They talk, they joke, they help.",
    "Shift-based hiring is where the next big HR companies will come from. Hourly is the market.",
    "Founders: the best sales deck slide is a customer quote with a number in it.",
    "Hot take: 'all-in-one HR platform' is a sentence that scares me on a first call.",
    "The recruiting software market doesn't need another dashboard. It needs fewer clicks.",
    "What I look for in HR-tech founders: someone who has done the job, or sat next to those "
    "who do it for a year.",
    "I read every cold pitch. I answer the ones that tell me who the user is in one line.",
    "Staffing firms that build a real audience online are going to win recruiting in 2027.",
    "Pay transparency is a product opportunity, not only a compliance headache.",
    "Background checks are still the slowest step in most hourly hires. Somebody fix it.",
    "HR people are underrated as buyers. They know exactly what's broken. Ask them.",
    "The best HR-tech demo I saw this year had four screens. Four. I wanted to hug the founder.",
    "Retention tools are the new sourcing tools. Keeping people is cheaper than finding them.",
    "Watching staffing firms adopt text-first recruiting faster than corporate HR. Interesting.",
    "Recruiter tools that save 10 minutes a day sell themselves. 10 minutes a week do not.",
    "HR-tech pitches I love: 'here's the spreadsheet our users had before us.'",
    "The future of staffing is boring: faster payroll, fewer forms, better text messages.",
    "I'd rather fund a founder with 20 happy customers than 2,000 free sign-ups.",
    "Small staffing firms are a real market. Nobody builds for them. Somebody should.",
    "Every recruiting product eventually becomes a messaging product. Plan for it.",
    "If you sell to HR, your onboarding is your marketing. Make the first week magic.",
    "The best staffing firms I've met know their candidates by name. Software should help that.",
    "Community is a moat in HR tech. The vendors who talk with recruiters every day win.",
    "A good ATS disappears. Recruiters shouldn't have to think about it.",
    "Frontline workers check their phones on breaks. Design for 10 minutes, not 10 clicks.",
    "Thinking about how many good recruiters never post anything. Their knowledge is invisible.",
    "Investors underestimate how much trust matters in staffing. It's a relationship business.",
]

_ADA_QUESTIONS = [
    "Recruiters: which tool did you quietly stop using this year, and why?",
    "HR folks here: what's the most overpriced software in your stack?",
    "Founders: what's the metric your board asks about that you think is wrong?",
    "What's an HR-tech category that doesn't exist yet but should?",
    "Who should I follow here for staffing and HR talk? Recommendations welcome.",
    "What's the most useful thing a vendor ever posted on social?",
    "Recruiters: what takes you the longest on a Monday morning?",
    "Staffing folks: is anybody using skills tests for trades? Do candidates mind?",
    "What's a recruiting tool you love that nobody has heard of?",
]


def ada_deal(rng: random.Random) -> str:
    what = rng.choice(
        [
            "scheduling for hourly teams",
            "credentialing for healthcare staffing",
            "pay transparency analytics",
            "candidate texting",
            "skills assessments for trades",
            "onboarding for frontline workers",
        ]
    )
    return rng.choice(
        [
            f"Spent the week meeting founders in {what}. Three of them had worked as recruiters. "
            f"That shows.",
            f"Thinking a lot about {what}. If you're building it, my inbox is open.",
            f"Portfolio note: our company in {what} just passed 1,000 customers. Proud of that team.",
            f"Reading customer interviews for a deal in {what}. The word users keep saying: 'finally'.",
        ]
    )


ADA: Voice = [
    ("opinion", 0.55, pick(_ADA_TAKES)),
    ("question", 0.15, pick(_ADA_QUESTIONS)),
    ("promo", 0.3, ada_deal),
]
