"""Question threads: a root question and the answers its circle gives (3-8 posts a thread)."""

from __future__ import annotations

# (starter, question, answers). Answers are said by members of the starter's circle; an answer
# written "handle|text" is only said by that handle.
THREADS: list[tuple[str, str, list[str]]] = [
    (
        "mia_recruits",
        "What's the weirdest interview question you've been asked? 👇",
        [
            "'If you were a kitchen appliance, which one?' I said toaster. Got the job. Still unsure why.",
            "'How many golf balls fit in this room?' For a payroll job.",
            "'What would your enemies say about you?' I don't have enemies, I have former managers.",
            "A hiring manager once asked me to sell him the conference room table. I tried. He bought it.",
            "'Describe your dream vacation in three words.' Mine: no Slack notifications.",
            "priya_hrlife|We once had a manager ask candidates to name every US state. We retrained him.",
            "'What's your spirit animal?' For a data analyst role. I said 'spreadsheet'.",
        ],
    ),
    (
        "mia_recruits",
        "Recruiters: what's a job ad phrase you'd ban forever?",
        [
            "'Work hard, play hard.' Nobody has ever played hard.",
            "'Rockstar.' Unless it's a job in an actual band.",
            "'We're a family.' I already have one, thanks.",
            "'Competitive salary.' Competitive with what? Say the number.",
            "'Must thrive under pressure.' Translation: understaffed.",
            "'Other duties as assigned.' The most terrifying five words in HR.",
        ],
    ),
    (
        "mia_recruits",
        "How many interview rounds is too many? I'll go first: four.",
        [
            "Three, for most roles. After that you're testing patience, not skills.",
            "We cut from five to three last year and offer acceptance went up.",
            "Depends on the role, but anything over four needs a very good reason.",
            "Two for hourly roles. Same day if you can. People have bills.",
            "Our record is seven. The candidate took another job after round four. Fair.",
        ],
    ),
    (
        "mia_recruits",
        "Candidates: what actually made you reply to a recruiter message?",
        [
            "They mentioned a project I'd actually worked on. Took 30 seconds and it showed.",
            "The salary range in the first message.",
            "Short message, real name, a real question. That's it.",
            "They admitted the role wasn't perfect and said why it might still fit.",
            "Honestly? Humor. Made me laugh, got my reply.",
        ],
    ),
    (
        "mia_recruits",
        "Best advice you ever got from another recruiter? Go.",
        [
            "'Call the candidate with bad news yourself. Never let an email do it.'",
            "'The hiring manager is your client, but the candidate is your reputation.'",
            "'Write down what they said, not what you heard.'",
            "'Follow up once more than feels comfortable.'",
            "'If you can't explain why the job is open, you can't fill it.'",
            "'Every no is a referral waiting to happen if you handle it well.'",
        ],
    ),
    (
        "mia_recruits",
        "What do you wish candidates knew about recruiters?",
        [
            "That we want you to get the job. Truly. It's how we get paid.",
            "That silence is usually a hiring manager, not a recruiter.",
            "priya_hrlife|From the HR side: we read more applications than you think.",
            "That a quick 'not interested' is a gift. We won't be offended.",
            "recruitcraft|That we're allowed to negotiate. Tell us what you need.",
        ],
    ),
    (
        "mia_recruits",
        "What's the funniest reason a candidate gave for leaving their last job?",
        [
            "'The office plant died and nobody cared.' Honestly, valid.",
            "'My manager microwaved fish every day.'",
            "'They changed the coffee brand.' Respect the honesty.",
            "'I wanted a job where I could see the sky.' He's a landscaper now. Happy guy.",
            "'My commute went past a bakery and I couldn't afford it anymore.'",
        ],
    ),
    (
        "mia_recruits",
        "Which tool could you not live without as a recruiter? Not sponsored, I swear.",
        [
            "A phone. The boring answer is the right one.",
            "Shared calendar links. Saved me a year of email.",
            "hireloop|We're biased, but a good ATS that doesn't fight you. 😇",
            "A notebook. Paper. Old school, but I remember what I write.",
            "Text messaging for shift candidates. Email is dead for hourly roles.",
        ],
    ),
    (
        "priya_hrlife",
        "HR people: what's one policy that actually made employees happier?",
        [
            "Paid time off without needing a reason. Stress dropped overnight.",
            "Shift swaps through an app instead of a supervisor's notebook.",
            "Pay ranges posted internally. Fewer rumors, better conversations.",
            "We let people pick their own holidays. Small change, huge thanks.",
            "Meeting-free Friday afternoons for office staff.",
            "Paying temps on the same schedule as employees. They noticed.",
        ],
    ),
    (
        "priya_hrlife",
        "What's the most useful question you ask in an exit interview?",
        [
            "'What would have made you stay six months ago?'",
            "'Who should we talk to before they leave too?'",
            "'What did your manager do that you'd want your next one to do?'",
            "'When did you start looking?' The answer is usually earlier than you think.",
            "We ask 'what did we promise in the interview that wasn't true?' Painful, useful.",
        ],
    ),
    (
        "priya_hrlife",
        "Would you take a four-day week with slightly longer days? Honest answers only.",
        [
            "Yes, but only if it's the same four days every week.",
            "As a parent? Absolutely. As someone with a 50-minute commute? Also yes.",
            "mia_recruits|Most of the candidates I talk to would take it over a raise.",
            "mia_recruits|We tried 4x10s for a warehouse client. Attendance went up.",
            "Yes, as long as the fifth day isn't 'optional' meetings.",
        ],
    ),
    (
        "priya_hrlife",
        "How do you onboard someone on night shift when HR works days?",
        [
            "We do a day-one welcome at shift start, even if it means HR stays late once.",
            "A night-shift buddy who isn't their supervisor. Makes all the difference.",
            "Record the welcome videos, but have a real person call on day two.",
            "hireloop|Our customers who do a 10pm orientation keep twice as many night hires.",
            "hireloop|Put the paperwork on the phone so it doesn't need HR to be awake.",
        ],
    ),
    (
        "priya_hrlife",
        "Recruiters: what do you wish in-house HR did differently?",
        [
            "Feedback in 48 hours. That's the whole list.",
            "Tell us the real reason the last person left.",
            "Invite us to the plant. We sell what we've seen.",
            "Share the pay range before the intake call, not after.",
            "Treat temps like colleagues. They talk, and they talk to us.",
            "mia_recruits|Honestly you're already doing most of it. Keep inviting recruiters to the table.",
        ],
    ),
    (
        "priya_hrlife",
        "What's the worst job title you've ever seen? Ours was 'Wellness Evangelist.'",
        [
            "'Chief Happiness Officer.' The company had a 60% turnover.",
            "'Inventory Wizard.' He did not do magic.",
            "'Customer Success Ninja.' Nobody could find him.",
            "'Director of First Impressions.' The receptionist, who deserved a raise, not a title.",
            "'Talent Acquisition Hero.' I was that hero. I am so sorry.",
        ],
    ),
    (
        "hireloop",
        "Recruiters: what's the one ATS feature you'd pay for tomorrow?",
        [
            "Interview scheduling that doesn't need six emails.",
            "A 'why did this candidate drop out' report. Real reasons, not guesses.",
            "Texting that doesn't feel like a robot wrote it.",
            "One-click redeployment when a temp's assignment ends.",
            "A hiring manager nudge button. With escalating emoji.",
            "Search that understands 'forklift' and 'fork lift' are the same thing.",
        ],
    ),
    (
        "hireloop",
        "How fast do you reply to a new applicant? Minutes, hours, days? No judgment.",
        [
            "Under an hour for shift roles, or they're gone.",
            "Same day. We have a rule: nobody goes home with an unread applicant.",
            "Honestly? Days, when it's busy. Working on it.",
            "Our team tries for 30 minutes during business hours. Weekends are... aspirational.",
            "We text within 15 minutes. Calls within the hour.",
        ],
    ),
    (
        "hireloop",
        "What's the most annoying thing about your apply flow? Be brutal.",
        [
            "Making people upload a resume AND type it all in again. Why.",
            "Creating an account before seeing the pay. Instant drop-off.",
            "It doesn't work on phones. And most of our candidates only have phones.",
            "The 40-question personality test for a two-week warehouse gig.",
            "The 'thank you for applying' email that arrives in spam.",
        ],
    ),
    (
        "hireloop",
        "What would you name a button that means 'not now, but maybe later'?",
        [
            "'Silver medal.' Because they are.",
            "'Later, gator.' I will not be taking questions.",
            "'Keep warm.' Like a good recruiter.",
            "'Save for the next one.'",
            "'Not yet.' Simple, kind, honest.",
        ],
    ),
    (
        "hireloop",
        "Staffing folks: how do you track redeployments today?",
        [
            "A spreadsheet named 'REDEPLOY FINAL v3.' I'm not proud.",
            "Sticky notes on the monitor. Until the cleaner comes.",
            "In the ATS, but only when I remember. So, half the time.",
            "We have a Monday meeting just for this. It works, but it's a meeting.",
        ],
    ),
    (
        "recruitcraft",
        "What's the hardest call you had to make as a recruiter?",
        [
            "mia_recruits|Calling a candidate on their first morning to say the client cancelled the "
            "role.",
            "mia_recruits|Telling my favourite candidate she didn't get it. We both cried. She got the "
            "next one.",
            "priya_hrlife|Rescinding an offer because of a budget freeze. Never again, if I can help it.",
            "Telling a client their manager was the reason nobody stays.",
            "mia_recruits|Calling a temp's family after a workplace injury. Everyone was okay. I still "
            "remember.",
        ],
    ),
    (
        "recruitcraft",
        "Recruiters: what did nobody teach you in your first year?",
        [
            "That the hiring manager is half your job. Maybe more.",
            "How to say no to a client without losing them.",
            "That taking notes in the candidate's own words changes everything.",
            "That rejected candidates are your best future referrals.",
            "How much of the job is just calling people back.",
            "Boolean. I learned it from a YouTube video at 11pm. Send help.",
        ],
    ),
    (
        "recruitcraft",
        "What's one thing staffing firms could do on social tomorrow to sound more human?",
        [
            "Show a face. Any face. Even the office dog.",
            "Reply to one person a day. That's it. Start there.",
            "Post one story about a person you placed, with their permission.",
            "Stop posting 12 job ads a day. Post three and say something about them.",
            "Ask a question and actually answer the replies.",
            "Tell a joke. A bad one is fine. Especially a bad one.",
        ],
    ),
    (
        "recruitcraft",
        "Which is harder to teach: sourcing or closing?",
        [
            "Closing. Sourcing is a skill, closing is a relationship.",
            "Sourcing. Most people give up at the third page of results.",
            "Closing, because you can't fake caring about the outcome.",
            "Both are easy compared to teaching intake meetings.",
        ],
    ),
    (
        "harborline",
        "Honest question for recruiters: how do you keep your team from burning out in Q4?",
        [
            "Protect lunch. Literally block it on everyone's calendar.",
            "We close the office the Friday after a big month. No exceptions.",
            "Celebrate small placements too, not only the big ones.",
            "Honestly, fewer reqs. Say no to the clients who drain you.",
            "Rotate the painful accounts so nobody owns them all year.",
        ],
    ),
    (
        "harborline",
        "What's one thing a staffing firm did that made you trust them?",
        [
            "Told me a job wasn't right for me, before I found out the hard way.",
            "Called back when they said they would. Sounds small. It isn't.",
            "Shared the pay range before I asked.",
            "Paid me on time, every week, even when the client paid them late.",
            "The recruiter remembered my kid's name a month later.",
        ],
    ),
    (
        "adabrightwell.bsky.social",
        "Recruiters: which tool did you quietly stop using this year, and why?",
        [
            "An AI sourcing plug-in. It kept finding the same 200 people.",
            "Video interview software. Nurses hated it, so we went back to the phone.",
            "Our fancy CRM. Too many fields, nobody filled them.",
            "A chatbot on our careers page. Candidates kept asking it for a human.",
        ],
    ),
    (
        "adabrightwell.bsky.social",
        "What's an HR-tech category that doesn't exist yet but should?",
        [
            "Credential portability. Nurses fill out the same forms 12 times.",
            "Something that tells a hiring manager 'you're the bottleneck' nicely.",
            "Shift marketplaces for small clinics, not only big hospital systems.",
            "A feedback tool candidates actually trust.",
        ],
    ),
    (
        "adabrightwell.bsky.social",
        "Who should I follow here for staffing and HR talk? Recommendations welcome.",
        [
            "Healthcare recruiters are slowly moving over. I'll send you a list.",
            "Check the recruiting and HR custom feeds. Smaller, but real conversations.",
            "Follow people who reply, not people who post the most.",
        ],
    ),
    (
        "owenpark.bsky.social",
        "Healthcare recruiters on here: what's your best source for experienced nurses right now?",
        [
            "Referrals from nurses you placed two years ago. Still the best.",
            "adabrightwell.bsky.social|From the investor side: the companies I see winning use text-first "
            "outreach.",
            "Nursing school alumni groups, surprisingly.",
            "Local hospital job fairs, if you bring coffee.",
        ],
    ),
    (
        "owenpark.bsky.social",
        "Is anyone else seeing fewer travel contracts this fall?",
        [
            "Yes, in the data too. Hospitals are converting travelers to staff.",
            "Fewer, but longer. 26-week contracts are back.",
            "Same here. Rates down about 15% since spring.",
        ],
    ),
]

# Who talks with whom. Weights steer replies, thread answers, reposts and quotes.
CIRCLES: dict[str, dict[str, float]] = {
    "mia_recruits": {
        "priya_hrlife": 0.32,
        "hireloop": 0.3,
        "recruitcraft": 0.2,
        "harborline": 0.15,
        "northgatestaff": 0.03,
    },
    "priya_hrlife": {"mia_recruits": 0.45, "hireloop": 0.33, "recruitcraft": 0.22},
    "hireloop": {
        "mia_recruits": 0.35,
        "priya_hrlife": 0.25,
        "recruitcraft": 0.2,
        "harborline": 0.15,
        "northgatestaff": 0.05,
    },
    "recruitcraft": {"mia_recruits": 0.4, "hireloop": 0.4, "priya_hrlife": 0.2},
    "harborline": {"mia_recruits": 0.6, "hireloop": 0.4},
    "northgatestaff": {"hireloop": 1.0},
    "adabrightwell.bsky.social": {"owenpark.bsky.social": 1.0},
    "owenpark.bsky.social": {"adabrightwell.bsky.social": 1.0},
}
