"""Original-post voices of the people: the chatty recruiter, the HR pro, the second recruiter."""

from __future__ import annotations

import random

from samplegen.firms import Voice
from samplegen.pools import TITLES, article, city, fixed, pay, pick

# 4. Mia Castellano: chatty tech & ops recruiter with humor, opinions and questions.
_MIA_JOKES = [
    "Recruiter life: saying 'circling back' so often I now circle back to my own fridge.",
    "My love language is a candidate who answers the phone on the first try.",
    "Hiring manager: 'we need a unicorn.' Also hiring manager: 'budget is a pony.'",
    "Nothing humbles you like a candidate who forgot they applied. 'Mia who?'",
    "Calendar invites sent today: 41. Calendar invites accepted: 3. Vibes: immaculate.",
    "I don't need therapy, I need hiring managers who give feedback within a week.",
    "'Entry level, 5 years of experience required.' The job market's favorite riddle.",
    "Me, 9am: inbox zero by lunch. Me, 12pm: inbox 212. Me, 4pm: what is an inbox.",
    "Candidate asked if the role was remote. I said hybrid. He said 'hybrid of what?' Fair.",
    "A recruiter's horoscope: Mercury is in retrograde and so is your offer approval.",
    "Today's sourcing session brought to you by cold brew and spite.",
    "I have said 'competitive salary' so many times it has lost all meaning. What even is salary.",
    "Ghosted by a candidate, a hiring manager and my own lunch order. Triple crown.",
    "Hiring manager wants someone 'scrappy.' Reader, the budget was also scrappy.",
    "Recruiting is the only job where 'they went with someone else' can ruin your whole Tuesday.",
    "Updated my LinkedIn to 'Chief Candidate Whisperer' and my mom asked if I'm okay.",
    "Just spent 20 minutes writing a job post and 2 hours removing the word 'ninja' from it.",
    "Plot twist: the perfect candidate was the friends we rejected along the way.",
    "If you ever feel useless, remember someone wrote 'must be comfortable with ambiguity' "
    "in a job post with 14 bullet points of requirements.",
    "Candidate: 'What's the culture like?' Me, looking at the office ping-pong table: 'vibrant.'",
    "Four offer letters out, four candidates 'thinking it over.' I'm thinking it over too: snacks.",
    "Sourcing tip nobody asked for: people who list 'Excel ninja' are usually Excel interns.",
    "My ATS just asked me to rate my candidate experience. I gave it two stars and a sigh.",
    "The real interview is whether the candidate says thank you to the receptionist.",
    "I'm not saying my hiring manager is slow, but the candidate has had a birthday since round two.",
    "Dear diary, today a candidate accepted the offer AND showed up on day one. I am emotional.",
    "Me explaining the difference between a recruiter and a sourcer to my grandma for the 9th time.",
    "Job post says 'fast-paced environment.' Translation: nobody has had lunch since March.",
    "Candidate's email address was partyanimal1987 and honestly? Respect. Still asked for a new one.",
    "Week recap: 3 offers, 2 counteroffers, 1 existential crisis, 0 regrets.",
    "A Boolean string walks into a bar. The bar says NOT (bar OR pub). It walks out.",
    "Every recruiter has a 'candidate who brought their mom to the interview' story. Mine "
    "brought his grandma. She asked better questions than he did.",
    "My superpower is reading 'I'm a perfectionist' on a resume without rolling my eyes.",
    "Friday vibes: no interviews after 3pm, I'm protecting my peace and my snacks.",
    "Breaking: local recruiter finally gets feedback from hiring manager. More at 11.",
    "Hiring manager said 'just find me someone like Dave.' I have never met Dave. Who is Dave.",
    "Monday forecast: 90% chance of 'quick question' messages, 10% chance of actual quick questions.",
    "Asked a candidate where he sees himself in five years. He said 'on a boat.' Same, buddy.",
]

_MIA_TAKES = [
    "Hot take: if you can't share the salary range, you're not ready to hire.",
    "Hot take: a 30-minute phone screen tells you more than a 3-hour take-home. Fight me.",
    "Hot take: 'culture fit' is usually 'people like me' in a nicer outfit. Hire for culture add.",
    "Unpopular opinion: cover letters for engineering roles are a waste of everyone's time.",
    "Recruiters who only post job ads are leaving 90% of this app's value on the table.",
    "Candidates deserve a 'no' as much as they deserve a 'yes.' Silence is a choice.",
    "Hot take: the best recruiters are nosy in a helpful way. Curiosity is the whole job.",
    "I will die on this hill: the hiring manager intake call is the most important meeting.",
    "Opinion: staffing firms should show their people, not their logos. People trust faces.",
    "If your interview process has more rounds than the job has direct reports, rethink it.",
    "Counteroffers are a band-aid on a bullet wound. Nine times out of ten they leave anyway.",
    "Hot take: referral bonuses should go to the whole team that closes the hire, not one person.",
    "Job titles are made up and 'Senior Associate II' means nothing outside your building.",
    "Nobody reads your 12-paragraph 'About us.' Lead with pay, schedule and the manager's name.",
    "Hot take: recruiters should be allowed to say 'this role is not a good fit for you, yet.'",
    "Honestly the best interview question is 'tell me about something you fixed.' That's it.",
    "Unpopular opinion: 'overqualified' is mostly an excuse. Ask what they want, not what they had.",
    "I think we undervalue recruiters who stay in one industry for a decade. Depth matters.",
    "If you're a staffing firm on here and you never reply to anyone, are you even here?",
    "Hot take: AI won't replace recruiters, but recruiters who answer emails will replace "
    "those who don't.",
    "Feedback within 48 hours should be in every hiring SLA. Every. One.",
    "The 'we're like a family' job post is a red flag wearing a party hat.",
    "Take: a recruiter's network is built one useful reply at a time, not one job post at a time.",
    "Stop asking for 'references from your current manager.' Do you want them fired?",
    "Personal brand is not a buzzword when you're a recruiter. People work with people they know.",
]

_MIA_QUESTIONS = [
    "What's the weirdest interview question you've been asked?",
    "Recruiters: what's your favorite way to start a cold message?",
    "Candidates: what made you actually reply to a recruiter message?",
    "What's one job ad phrase you'd ban forever?",
    "Quick poll: do you prefer a phone screen or a video screen? Why?",
    "What's the best thank-you note you've ever gotten from a candidate?",
    "Hiring managers, be honest: do you read cover letters?",
    "What's your go-to sourcing trick that nobody talks about?",
    "How many interview rounds is too many? I'll go first: four.",
    "What's the nicest thing a hiring manager ever did for a candidate you placed?",
    "Recruiters, what do you do on the first day after a big placement? Nap? Cake? Both?",
    "What tool could you not live without as a recruiter?",
    "What's a skill you hire for that isn't on any job description?",
    "Best advice you ever got from another recruiter? Go.",
    "What's the longest time-to-fill you've survived? Asking for my sanity.",
    "If you could change one thing about how companies hire, what would it be?",
    "What's the funniest reason a candidate gave for leaving their last job?",
    "Do you ask candidates about hobbies? Why or why not?",
    "Which do you trust more: a great resume or a great reference?",
    "What do you wish candidates knew about recruiters?",
    "What's a green flag in a job ad for you?",
    "How do you keep candidates warm during a slow approval process?",
]

_MIA_STORIES = [
    "Today a candidate told me she's been working nights to pay for nursing school. Got her a "
    "day-shift role with tuition help. Best call of my month.",
    "Candidate on a video interview had a parrot that kept saying 'hire him.' Honestly it worked.",
    "Placed a former teacher as a project coordinator. Her manager says she runs standups like "
    "a classroom and nobody is late anymore.",
    "Had a {t} candidate show up to the interview two hours early 'to learn the bus route.' "
    "That's the one.",
    "A candidate I rejected last year emailed to say the feedback helped him land his dream job. "
    "I'm not crying, you're crying.",
    "The hiring manager wanted a 'rockstar.' I sent him an actual drummer who also knows SQL. "
    "Offer accepted.",
    "Just talked a {t} out of accepting a counteroffer by asking one question: 'what changes "
    "on Monday?' Nothing, it turned out.",
    "Candidate asked me what I'd do in her place. I told her the truth, even though it meant she "
    "didn't take my role. She referred three friends since.",
    "Fun day: a {t} I placed in 2022 just got promoted to team lead. Sent a cake. Cake is the "
    "brand.",
    "Got a call from a hiring manager at 7am: 'the new {t} is amazing, do you have two more?' "
    "Music to my ears.",
    "Candidate's kid walked into the video interview and asked the manager if he likes dinosaurs. "
    "He does. Great interview.",
    "I once placed two people who turned out to be college roommates. Neither knew the other "
    "applied. The team is thriving.",
    "Told a candidate the salary range upfront today and he said 'nobody has ever done that.' "
    "That's the problem.",
    "Spent my lunch break helping a {t} rewrite her resume. She got three callbacks this week.",
    "Hiring manager asked for 'someone who can start yesterday.' I found someone who can start "
    "Monday. Close enough.",
]


mia_story = pick(fixed(_MIA_STORIES, "t", TITLES))


def mia_job(rng: random.Random) -> str:
    title = rng.choice(
        [
            "Java developer",
            "data analyst",
            "QA tester",
            "network engineer",
            "logistics coordinator",
            "project coordinator",
            "help desk technician",
        ]
    )
    where = city(rng)
    url = f"https://miacastellano.example/roles/{rng.randrange(10, 99)}"
    forms = [
        f"Shameless plug: I'm looking for {article(title)} {title} in {where} ({pay(rng, title)}). "
        f"Know anyone? {url}",
        f"Okay, one job post, then back to memes: {title}, {where}, {pay(rng, title)}, great "
        f"manager, no nonsense. {url} #hiring",
        f"My favorite hiring manager has an opening for {article(title)} {title} ({where}). "
        f"DMs open. {url}",
    ]
    return rng.choice(forms)


_MIA_LIFE = [
    "Sourdough attempt #{n}: it's flat, but so was my first cold call and look at me now.",
    "Recruiter playlist for Friday afternoon sourcing: lo-fi, then 2000s pop, then chaos. 🎧",
    "Took a real lunch break away from my desk today. Recommend. 10/10. Will try again in March.",
    "Shoutout to every recruiter who made a candidate's week today. You're doing great. 💛",
    "Reminder that candidates are people having a whole life behind that resume.",
    "Coffee count today: {n}. Please don't tell my doctor.",
    "Cleaning my desk found a sticky note that says 'call back Tuesday.' Which Tuesday. Whose.",
    "Weekend plans: bake something, ignore Slack, and forget what a Boolean string is.",
]


mia_life = pick(fixed(_MIA_LIFE, "n", ["7", "4", "11", "5"]))


MIA: Voice = [
    ("humor", 0.32, pick(_MIA_JOKES)),
    ("opinion", 0.22, pick(_MIA_TAKES)),
    ("question", 0.12, pick(_MIA_QUESTIONS)),
    ("story", 0.14, mia_story),
    ("life", 0.1, mia_life),
    ("job_ad", 0.1, mia_job),
]


# 9. Priya Nair: HR director, workplace topics, lots of questions.
_PRIYA_TOPICS = [
    "We moved to a four-day week for our office team in the spring. Productivity held, sick days "
    "dropped by a third. Shop floor is next, and that's the hard part.",
    "HR folks: pay transparency laws are not the end of the world. Ours made salary talks "
    "shorter and calmer.",
    "Every exit interview I've done this year mentions the same thing: managers who don't "
    "explain decisions. Training budget, here we come.",
    "Reminder: a policy nobody can find is not a policy. Put the handbook where people look.",
    "Our new parental leave policy: 16 weeks for every parent. Cost us less than turnover did.",
    "Performance reviews once a year are like going to the dentist once a decade.",
    "Writing job descriptions with the hiring manager today. We cut 22 bullet points to 7. "
    "Everyone survived.",
    "Burnout doesn't show up in engagement surveys until it's too late. Talk to your night shift.",
    "Hot take from HR: most 'culture problems' are really 'workload problems' in a costume.",
    "Onboarding is a 90-day job, not a 1-day orientation with a lanyard.",
    "If your managers learn about layoffs from the news, your comms plan failed. Ask me how I know.",
    "Skills-based hiring is working for us: 40% of our new techs came from outside manufacturing.",
    "HR is not the fun police. We're the people who make sure the fun doesn't end in a lawsuit.",
    "Stay interviews > exit interviews. Ask people why they stay while they still do.",
    "Shift workers want predictable schedules more than pizza parties. Just saying.",
    "The best benefit we added this year? Paid time off that doesn't need a reason.",
    "Our staffing partners who call us back the same day get the next req. Every time.",
    "Flexible start times on the shop floor sounded impossible. It took one good supervisor.",
    "Nobody tells you HR is 30% law, 30% psychology and 40% finding the right form.",
    "We tried an AI resume screener. It rejected our own plant manager's resume. Pilot ended.",
    "Spent the morning with our second shift. Learned more in two hours than in a month of surveys.",
    "Recruiters: please tell me the candidate's notice period before the final interview. Please.",
    "Mental health days are not a perk. They're maintenance.",
    "Fun HR fact: the word 'synergy' appears in zero of our new job descriptions. Progress.",
    "Manager training should start before the promotion, not six months after the chaos.",
    "Our safety committee has more hourly employees than managers now. Best decision of the year.",
    "A job description is a promise. Write only what you'll keep.",
    "The plant floor doesn't care about your engagement survey. It cares whether the fans work.",
    "We stopped requiring degrees for supervisor roles. Our supervisors got better. Funny, that.",
    "Pay your temps on time and treat them like colleagues. They're your next hires.",
    "If your leave policy needs a flowchart, it's too complicated.",
    "Every HR team should spend one shift a quarter on the floor. No clipboard.",
    "The best staffing partners we have call us before there's a problem, not after.",
    "We rewrote our handbook at an 8th-grade reading level. Questions to HR dropped by half.",
    "Harassment training that's a video and a quiz is compliance. Talking about it is culture.",
    "HR friends: it's okay to not have an answer in the meeting. 'I'll find out by Friday' works.",
    "Our wellness program is mostly 'go home on time.' It's working.",
    "Managers who say thank you in public and give feedback in private keep their teams. Simple.",
    "Holiday staffing plans start in August here. Yes, August. Ask me how last year went.",
    "Hiring an HR generalist? Look for people who are curious about operations. It shows.",
]

_PRIYA_QUESTIONS = [
    "HR people: how do you run open enrollment for a team that never sits at a computer?",
    "What's one policy at your company that actually made people happier?",
    "Question for recruiters: what do you wish in-house HR did differently?",
    "How do you onboard someone on night shift when HR works days?",
    "What's the most useful question you ask in an exit interview?",
    "Would you take a four-day week with slightly longer days? Honest answers only.",
    "How do you measure if a manager is good, besides 'nobody quit'?",
    "What's the worst job title you've ever seen? Ours was 'Wellness Evangelist.'",
    "Do your employees actually read the handbook? How do you know?",
    "Managers: what's the one thing HR could take off your plate tomorrow?",
    "How do you talk about pay when budgets are frozen?",
    "What's a benefit you didn't expect people to love, but they did?",
    "Recruiters and HR friends: what's your favorite icebreaker for new-hire orientation?",
    "What's the most creative retention idea you've seen work on a shop floor?",
    "How early do you start planning for holiday-season staffing?",
    "Where do you find your best HR and workplace reads? Looking for new people to follow.",
    "What's the kindest thing a coworker did for you in your first week?",
    "How do you handle a great employee who is a terrible fit for their manager?",
    "How do you celebrate work anniversaries for shift teams without it being awkward?",
    "What's the best training you ever gave a new supervisor?",
    "Is anyone using text messages for HR announcements? Good, bad, ugly?",
    "How long should a probation period be for hourly roles? We're debating 60 vs 90 days.",
    "What's your favorite way to collect feedback from people who hate surveys?",
    "Which HR metric do you secretly think is useless?",
]

_PRIYA_STORIES = [
    "A forklift driver suggested we rotate break times by line. Overtime dropped 12%. She's "
    "getting the bonus, and a seat on the safety committee.",
    "Our newest hire brought homemade samosas on day two. Culture is food, and I'll defend that.",
    "A supervisor called me at 6am to ask how to support an employee whose house flooded. That "
    "call is the reason I love this job.",
    "We promoted a temp we met through a staffing partner to team lead this week. 14 months "
    "from day one.",
    "Exit interview today: 'I'm leaving because I got the job I always wanted.' Best kind of exit.",
    "Someone asked if HR has a 'fun budget.' We do. It's called the coffee machine.",
    "Sat in on a {t} interview today. The candidate asked about safety training first. Hired.",
    "Held our first open Q&A with the CEO and the night shift. Eleven questions, zero slides.",
    "The plant's oldest employee retired today after 34 years. He gave the speech. We all cried.",
    "A new hire told me our onboarding was 'the first time a job felt like it expected me.' Wow.",
    "Ran an open-door hour on night shift. Someone asked for better chairs. Ordered them. Legend.",
    "Our maintenance lead mentored three apprentices this year. All three are staying. He's "
    "getting a plaque and, more importantly, a raise.",
    "Coffee with a {t} who's been here eight months: 'I finally know who to ask.' Mission.",
    "A temp who started with us through an agency just celebrated five years. She baked the cake.",
    "Today I learned our second shift has a secret chili cook-off. HR has been invited. Finally.",
]


priya_story = pick(fixed(_PRIYA_STORIES, "t", TITLES))


PRIYA: Voice = [
    ("opinion", 0.44, pick(_PRIYA_TOPICS)),
    ("question", 0.26, pick(_PRIYA_QUESTIONS)),
    ("story", 0.3, priya_story),
]


# 8. Owen Park (Bluesky): healthcare recruiter, moderate.
def owen_job(rng: random.Random) -> str:
    title = rng.choice(
        [
            "registered nurse",
            "LPN",
            "respiratory therapist",
            "phlebotomist",
            "pharmacy technician",
            "surgical tech",
            "medical assistant",
            "physical therapist",
            "travel ICU nurse",
            "dental hygienist",
        ]
    )
    where = city(rng)
    url = f"https://owenpark.example/jobs/{rng.randrange(100, 999)}"
    forms = [
        f"Hiring: {title}, {where}. {pay(rng, title)}, {rng.choice(['days', 'nights', '3x12s'])}."
        f" {url}",
        f"Open {title} role in {where} with sign-on bonus. Details: {url} #healthcarejobs",
        f"If you know {article(title)} {title} looking near {where}, send them my way. {url}",
    ]
    return rng.choice(forms)


_OWEN_TAKES = [
    "Healthcare recruiting lesson: nurses can smell a script from a mile away. Just talk.",
    "Travel nurse rates are coming down and hospitals are acting like it's a surprise.",
    "The best recruiting tool in healthcare is still a manager who calls the candidate back.",
    "Moved my whole network over here. Quieter, kinder, fewer bots. So far so good.",
    "Sign-on bonuses don't fix a bad unit. Ask any nurse who left after a year.",
    "I spend more time on credentialing paperwork than on recruiting. Someone fix this.",
    "Night-shift nurses are the most underrated people in any hospital.",
    "A good charge nurse is worth more than any benefit you can list in a job post.",
    "Candidates ask me about staffing ratios first now, not pay. That's a big shift.",
    "I wish more hospital HR teams would share their real turnover numbers with recruiters.",
    "Respiratory therapists are the hardest hire of my year, and nobody talks about it.",
    "Quiet week. Good time to call past candidates just to check in. No pitch.",
    "New grads need mentors more than they need bonuses. Programs that get this keep them.",
    "Honest recruiting means saying 'this unit is short-staffed' before they find out.",
    "Credentials verified, offer signed, start date set. Best feeling in this job.",
    "It's okay to tell a hiring manager no. I did today, politely. Felt great.",
    "Weekend recruiting call with a nurse who just finished a 12. She still picked up. Respect.",
    "Every hospital says it's 'a family.' Ask about nurse-to-patient ratios instead.",
    "Travel nurses coming home to staff jobs is the quiet trend of this year.",
    "Hiring managers who round on the unit with the candidate close faster. Every time.",
    "The best recruiters in healthcare used to work in healthcare. Hard to fake.",
    "Recruiting is listening. Today I listened to 40 minutes about a nurse's garden. Offer accepted.",
    "I don't post many job ads here. I'd rather talk shop. Job ads are on my site.",
    "Slow week, so I cleaned my candidate notes. Found three people to call back. Good week after all.",
]

_OWEN_QUESTIONS = [
    "Healthcare recruiters on here: what's your best source for experienced nurses right now?",
    "Nurses: what's the one question you wish recruiters asked you?",
    "Has anyone had luck with apprenticeship programs for surgical techs?",
    "Is anyone else seeing fewer travel contracts this fall?",
    "What's a fair time-to-fill for an ICU nurse role in your area?",
    "Who are you following here for HR and recruiting talk? Building my feed.",
    "Recruiters: how do you keep in touch with nurses who said 'not now'?",
    "What's your favorite question to ask a charge nurse about a unit?",
    "How many of you still cold call in healthcare? Honest answers.",
    "Does anyone have a good template for a credentialing checklist candidates actually finish?",
]

_OWEN_STORIES = [
    "Placed a nurse who'd been out of work for two years caring for her dad. Her new manager "
    "didn't blink at the gap. Good people exist.",
    "Candidate called me from the parking lot after her interview just to say thank you.",
    "Had a {t} tell me she picked our offer because I was the only recruiter who called back "
    "after the first interview.",
    "Spent my morning at a nursing school career fair. These students are sharp and tired.",
    "A hiring manager personally gave a candidate a tour of the night shift. He accepted on the spot.",
    "A nurse I placed in 2023 just became a nurse educator. She sent me a photo of her badge. 🥲",
    "Drove 40 minutes to drop off a candidate's forgotten paperwork. Worth it for a 3x12 ICU role.",
    "Candidate asked if she could bring her service dog to the interview. The manager brought "
    "treats.",
    "Finally placed the respiratory therapist role that was open since spring. Celebrated with "
    "gas-station coffee. Glamorous.",
    "A surgical tech told me I was the first recruiter who asked about her commute. It's a "
    "low bar, folks.",
]


owen_story = pick(fixed(_OWEN_STORIES, "t", ["respiratory therapist", "nurse", "surgical tech"]))


OWEN: Voice = [
    ("job_ad", 0.24, owen_job),
    ("opinion", 0.42, pick(_OWEN_TAKES)),
    ("question", 0.1, pick(_OWEN_QUESTIONS)),
    ("story", 0.18, owen_story),
]
